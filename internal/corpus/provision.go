package corpus

import cp "github.com/easkit/easkit/codepages"

// Provision returns the response to a Provision request of a 14.1 client:
// the DeviceInformation status, then one Policy of type
// MS-EAS-Provisioning-WBXML with its PolicyKey and an EASProvisionDoc
// holding every policy setting of [MS-ASPROV] 2.2.2.27 (password rules,
// encryption, what the device may use, the age and size filters, S/MIME
// algorithms, and approved and unapproved application lists), about
// 430 bytes.
func Provision() []byte {
	b := newBuilder(1 << 10)
	b.start(cp.ProvisionProvision)
	b.start(cp.SettingsDeviceInformation)
	b.int(cp.SettingsStatus, 1)
	b.end()
	b.int(cp.ProvisionStatus, 1)
	b.start(cp.ProvisionPolicies)
	b.start(cp.ProvisionPolicy)
	b.text(cp.ProvisionPolicyType, "MS-EAS-Provisioning-WBXML")
	b.int(cp.ProvisionStatus, 1)
	b.text(cp.ProvisionPolicyKey, "3942919513")
	b.start(cp.ProvisionData)
	b.start(cp.ProvisionEASProvisionDoc)
	for _, s := range []struct {
		tag   cp.Tag
		value string
	}{
		{cp.ProvisionDevicePasswordEnabled, "1"},
		{cp.ProvisionAlphanumericDevicePasswordRequired, "1"},
		{cp.ProvisionPasswordRecoveryEnabled, "1"},
		{cp.ProvisionRequireStorageCardEncryption, "1"},
		{cp.ProvisionDocumentBrowseEnabled, "1"},
		{cp.ProvisionAttachmentsEnabled, "1"},
		{cp.ProvisionMinDevicePasswordLength, "8"},
		{cp.ProvisionMaxInactivityTimeDeviceLock, "900"},
		{cp.ProvisionMaxDevicePasswordFailedAttempts, "10"},
		{cp.ProvisionMaxAttachmentSize, "10485760"},
		{cp.ProvisionAllowSimpleDevicePassword, "0"},
		{cp.ProvisionDevicePasswordExpiration, "90"},
		{cp.ProvisionDevicePasswordHistory, "5"},
		{cp.ProvisionAllowStorageCard, "1"},
		{cp.ProvisionAllowCamera, "1"},
		{cp.ProvisionRequireDeviceEncryption, "1"},
		{cp.ProvisionAllowUnsignedApplications, "0"},
		{cp.ProvisionAllowUnsignedInstallationPackages, "0"},
		{cp.ProvisionMinDevicePasswordComplexCharacters, "3"},
		{cp.ProvisionAllowWiFi, "1"},
		{cp.ProvisionAllowTextMessaging, "1"},
		{cp.ProvisionAllowPOPIMAPEmail, "0"},
		{cp.ProvisionAllowBluetooth, "2"},
		{cp.ProvisionAllowIrDA, "0"},
		{cp.ProvisionRequireManualSyncWhenRoaming, "1"},
		{cp.ProvisionAllowDesktopSync, "1"},
		{cp.ProvisionMaxCalendarAgeFilter, "5"},
		{cp.ProvisionAllowHTMLEmail, "1"},
		{cp.ProvisionMaxEmailAgeFilter, "4"},
		{cp.ProvisionMaxEmailBodyTruncationSize, "-1"},
		{cp.ProvisionMaxEmailHTMLBodyTruncationSize, "-1"},
		{cp.ProvisionRequireSignedSMIMEMessages, "0"},
		{cp.ProvisionRequireEncryptedSMIMEMessages, "0"},
		{cp.ProvisionRequireSignedSMIMEAlgorithm, "0"},
		{cp.ProvisionRequireEncryptionSMIMEAlgorithm, "0"},
		{cp.ProvisionAllowSMIMEEncryptionAlgorithmNegotiation, "2"},
		{cp.ProvisionAllowSMIMESoftCerts, "1"},
		{cp.ProvisionAllowBrowser, "1"},
		{cp.ProvisionAllowConsumerEmail, "0"},
		{cp.ProvisionAllowRemoteDesktop, "0"},
		{cp.ProvisionAllowInternetSharing, "1"},
	} {
		b.text(s.tag, s.value)
	}
	b.start(cp.ProvisionUnapprovedInROMApplicationList)
	for _, app := range []string{"Solitaire", "Internet Sharing", "Mobile Radio"} {
		b.text(cp.ProvisionApplicationName, app)
	}
	b.end()
	b.start(cp.ProvisionApprovedApplicationList)
	for _, h := range []string{"4B65C3D0E0A8A7F8A1C2D2E3F4051627384950A1", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B"} {
		b.text(cp.ProvisionHash, h)
	}
	b.end()
	b.end() // EASProvisionDoc
	b.end() // Data
	b.end() // Policy
	b.end() // Policies
	b.end() // Provision
	return b.bytes()
}
