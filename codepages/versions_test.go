package codepages_test

import (
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
)

// TestValidInSpecFacts checks protocol versions against [MS-ASWBXML] and
// its footnotes directly, not through the committed table, so that a wrong
// since/until cell is caught. Each row names the fact it checks; valid
// lists the versions from 2.5 to 16.1 in which the token is valid.
func TestValidInSpecFacts(t *testing.T) {
	all := []version.Version{version.V2_5, version.V12_0, version.V12_1, version.V14_0, version.V14_1, version.V16_0, version.V16_1}
	tests := []struct {
		name  string
		tag   codepages.Tag
		valid []version.Version
	}{
		{"AirSync Sync is in every version", codepages.AirSyncSync, all},
		{"AirSync Wait is 12.1 and later", codepages.AirSyncWait, all[2:]},
		{"AirSync HeartbeatInterval is 14.0 and later (v13.0 footnote)", codepages.AirSyncHeartbeatInterval, all[3:]},
		{"AirSync Truncation is 2.5 only", codepages.AirSyncTruncation, all[:1]},
		{"AirSync NotifyGUID is an AirNotify-era token, last in 2.5", codepages.AirSyncNotifyGUID, all[:1]},
		{"Email Body is 2.5 only (airsyncbase:Body from 12.0)", codepages.EmailBody, all[:1]},
		{"Email Location is replaced by AirSyncBase Location in 16.0", codepages.EmailLocation, all[:5]},
		{"AirSyncBase Location is 16.0 and later", codepages.AirSyncBaseLocation, all[5:]},
		{"Calendar ExceptionStartTime ends with 14.1", codepages.CalendarExceptionStartTime, all[:5]},
		{"GetItemEstimate Class ends with 12.1 (AirSync Class from 14.0)", codepages.GetItemEstimateClass, all[:3]},
		{"GetItemEstimate Version is supported only in 12.1 (v13.0 footnote)", codepages.GetItemEstimateVersion, all[2:3]},
		{"GetItemEstimate DateTime is supported only in 12.1 (v13.0 footnote)", codepages.GetItemEstimateDateTime, all[2:3]},
		{"FolderHierarchy Folders is 2.5 to 12.1", codepages.FolderHierarchyFolders, all[:3]},
		{"Provision 0x10 is DeviceEncryptionEnabled in 12.0, RequireStorageCardEncryption from 12.1", codepages.ProvisionRequireStorageCardEncryption, all[1:]},
		{"Provision AccountOnlyRemoteWipe is 16.1 only", codepages.ProvisionAccountOnlyRemoteWipe, all[6:]},
		{"MeetingResponse SendResponse is 16.0 and later", codepages.MeetingResponseSendResponse, all[5:]},
		{"Find is 16.1 only", codepages.FindFind, all[6:]},
		{"Ping AutdState was never used by the protocol", codepages.PingAutdState, nil},
		{"AirNotify has no protocol version", codepages.AirNotifyNotify, nil},
	}
	// Since and Until stay those of the current spec table: 0x10 is named
	// RequireStorageCardEncryption from 12.1 on.
	if tag := codepages.ProvisionRequireStorageCardEncryption; tag.Since() != version.V12_1 || tag.Until() != 0 {
		t.Errorf("%v: Since, Until = %v, %v; want 12.1, 0", tag, tag.Since(), tag.Until())
	}
	if tag := codepages.GetItemEstimateVersion; tag.Since() != 0 || tag.Until() != version.V12_1 {
		t.Errorf("%v: Since, Until = %v, %v; want 0, 12.1", tag, tag.Since(), tag.Until())
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := map[version.Version]bool{}
			for _, v := range tt.valid {
				want[v] = true
			}
			for _, v := range all {
				if got := tt.tag.ValidIn(v); got != want[v] {
					t.Errorf("%v.ValidIn(%v) = %v, want %v", tt.tag, v, got, want[v])
				}
				if got := codepages.ActiveSync.In(v).ValidTag(tt.tag.Page(), tt.tag.Token()); got != want[v] {
					t.Errorf("ActiveSync.In(%v).ValidTag(%v) = %v, want %v", v, tt.tag, got, want[v])
				}
			}
		})
	}
}
