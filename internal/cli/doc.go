// Package cli holds what easkit's command-line filters, cmd/wbxml2xml and
// cmd/xml2wbxml, share:
//
//   - exit codes and one-line reports: [ExitOK], [ExitData], [ExitUsage],
//     [Report], [Recover];
//   - flag parsing with the standard flag package that also takes libwbxml's
//     getopt spellings (-i4, -kn, flags after the input file): [NewFlagSet],
//     [Parse], and the values of -l and -protocol ([CheckLang],
//     [ParseProtocol]);
//   - reading the whole input ([ReadInput]), text captures saved in UTF-16
//     as UTF-8 ([TextToUTF8]; XML in other encodings is the library's
//     work: wbxml.XMLReader), and writing the output in one piece, to a
//     file atomically ([WriteOutput]);
//   - the module version for --version ([VersionLine]);
//   - writing what a capture says about a message (capture.Message.Describe
//     builds the text) as an XML comment ([AppendComment]), and conversion
//     warnings as one-line notes ([WarningText]).
//
// The package is internal: its API serves those two commands only. None of
// it runs on the conversion's hot path, which is one call into package
// wbxml over the whole input.
package cli
