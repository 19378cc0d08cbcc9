// Command easprobe checks that an Exchange ActiveSync account works, step by
// step, in the manner of Microsoft's Remote Connectivity Analyzer: DNS, TCP,
// TLS (the certificate chain, its subject, issuer and expiry), HTTP OPTIONS
// (the protocol versions and commands), the version choice, Provision (both
// phases), FolderSync, a read-only Sync of the Inbox and a short Ping. Given
// an e-mail address instead of a URL it first runs Autodiscover ([MS-ASCMD]
// 2.2.2.1) and reports each try.
//
// Usage:
//
//	easprobe [flags] -u USER https://server/Microsoft-Server-ActiveSync
//	easprobe [flags] -u USER@DOMAIN
//	easprobe --version
//
// The password comes from the file of -password-file (its first line), the
// EASPROBE_PASSWORD environment variable, a prompt on the terminal (without
// echo), or the first line of standard input when it is not a terminal.
// There is no flag that takes the password itself: command lines are visible
// to every user of the machine.
//
// Each step prints one line: ✓ passed, ✗ failed, - skipped (a step after a
// failed one, or TLS for an http:// URL), its duration and what it found;
// under a failure, what to check. -v prints every HTTP exchange, the WBXML
// bodies as XML; -json prints one JSON object; -har FILE saves the session
// as a HAR 1.2 file, which wbxml2xml reads. Credentials are redacted in all
// of them.
//
// Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}
