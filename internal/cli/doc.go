// Package cli holds what easkit's command-line filters, cmd/wbxml2xml and
// cmd/xml2wbxml, share (and easquery, its input limit):
//
//   - exit codes and one-line reports: [ExitOK], [ExitData], [ExitUsage],
//     [Report], [Recover];
//   - flag parsing with the standard flag package that also takes libwbxml's
//     getopt spellings (-i4, -kn, flags after the input file): [NewFlagSet],
//     [Parse], and the values of -l and -protocol ([CheckLang],
//     [ParseProtocol]);
//   - reading the whole input ([ReadInput]) within the limit of
//     -max-input ([Size], [AddMaxInput], [DefaultMaxInput],
//     [TooLargeError]; [LimitInput] for input read as a stream), text
//     captures saved in UTF-16 as UTF-8 ([TextToUTF8]; XML in other
//     encodings is the library's work: wbxml.XMLReader), and writing the
//     output, to a file atomically ([CreateOutput], [WriteOutput]; special
//     files are written in place, and SIGINT or SIGTERM removes the
//     temporary file: [SignalStatus]);
//   - the module version for --version ([VersionLine]);
//   - writing what a capture says about a message (capture.Message.Describe
//     builds the text) as an XML comment ([AppendComment]), and conversion
//     warnings as one-line notes ([WarningText]).
//
// The package is internal: its API serves those two commands only. None of
// it runs on the conversion's hot path, which is one call into package
// wbxml over the whole input.
package cli
