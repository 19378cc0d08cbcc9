package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/easkit/easkit/internal/cli"
)

const usage = `usage: easprobe [flags] -u USER https://server/Microsoft-Server-ActiveSync
       easprobe [flags] -u USER@DOMAIN
       easprobe --version

Checks an Exchange ActiveSync account step by step: DNS, TCP, TLS,
OPTIONS, Version, Provision, FolderSync, Sync (of the Inbox, read-only) and
Ping. With an e-mail address and no URL, Autodiscover finds the URL first.

  -u USER            the user name (for Basic authentication and the User
                     query parameter); an e-mail address without a URL runs
                     Autodiscover
  -password-file F   read the password from the first line of file F
  -autodiscover URL  the first Autodiscover URL to try (instead of
                     https://DOMAIN/autodiscover/autodiscover.xml)
  -insecure          do not stop at a certificate that does not verify
  -heartbeat D       the Ping heartbeat (default 10s; 1s to 59m)
  -timeout D         the time each step may take (default 30s)
  -device ID         the DeviceId (default easprobe0device)
  -v                 print every HTTP exchange, WBXML bodies as XML
  -json              print one JSON object (with -v, the exchanges go to
                     standard error)
  -har FILE          save the session as a HAR 1.2 file (wbxml2xml FILE
                     decodes it)

The password comes from -password-file, else the EASPROBE_PASSWORD
environment variable, else a prompt on the terminal (no echo), else the
first line of standard input. No flag takes the password itself.
http:// URLs work, with a warning: the password then travels in clear text.
Exit status: 0 every step passed, 1 a step failed, 2 bad usage.
`

// options are easprobe's flags.
type options struct {
	user, passwordFile, autodiscover, device, har string
	insecure, verbose, json                       bool
	heartbeat, timeout                            time.Duration
	target                                        string // the URL, or "" for Autodiscover
}

// onFlags, when set (by tests), sees the flag set.
var onFlags func(*flag.FlagSet)

// run is easprobe without the process; it returns the exit status.
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer cli.Recover(stderr, "easprobe", &code)
	o, err := parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, usage)
		return cli.ExitOK
	case errors.Is(err, errVersion):
		io.WriteString(stdout, cli.VersionLine("easprobe"))
		return cli.ExitOK
	case err != nil:
		return cli.Report(stderr, "easprobe", err)
	}
	password, err := readPassword(o, getenv, stdin, stderr)
	if err != nil {
		return cli.Report(stderr, "easprobe", err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	p := newProber(o, password, stdout, stderr)
	rep := p.run(ctx)
	if o.har != "" {
		if err := writeHAR(o.har, p.exchanges(), p.secrets); err != nil {
			fmt.Fprintf(stderr, "easprobe: %s\n", cli.OneLine(err.Error()))
			return cli.ExitData
		}
	}
	if o.json {
		writeJSON(stdout, rep, p.secrets)
	}
	if !rep.OK {
		return cli.ExitData
	}
	return cli.ExitOK
}

// errVersion is --version.
var errVersion = errors.New("version")

// parse reads the command line.
func parse(args []string) (*options, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "password" || name == "p" || name == "pass") {
			// Refused without echoing the value.
			return nil, cli.Usagef("no flag takes the password (a command line is visible to other users): use EASPROBE_PASSWORD, -password-file or the prompt")
		}
		if a == "--version" || a == "-version" {
			return nil, errVersion
		}
	}
	o := &options{}
	fs := cli.NewFlagSet("easprobe")
	fs.StringVar(&o.user, "u", "", "")
	fs.StringVar(&o.passwordFile, "password-file", "", "")
	fs.StringVar(&o.autodiscover, "autodiscover", "", "")
	fs.BoolVar(&o.insecure, "insecure", false, "")
	fs.DurationVar(&o.heartbeat, "heartbeat", 10*time.Second, "")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "")
	fs.StringVar(&o.device, "device", "easprobe0device", "")
	fs.BoolVar(&o.verbose, "v", false, "")
	fs.BoolVar(&o.json, "json", false, "")
	fs.StringVar(&o.har, "har", "", "")
	if onFlags != nil {
		onFlags(fs)
	}
	pos, err := cli.Parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) > 1 {
		return nil, cli.Usagef("one URL expected, got %d arguments", len(pos))
	}
	if o.user == "" {
		return nil, cli.Usagef("missing -u USER")
	}
	if o.heartbeat < time.Second || o.heartbeat > 59*time.Minute {
		return nil, cli.Usagef("-heartbeat must be between 1s and 59m")
	}
	if o.timeout <= 0 {
		return nil, cli.Usagef("-timeout must be positive")
	}
	if o.device == "" || len(o.device) > 64 {
		return nil, cli.Usagef("-device must be 1 to 64 characters")
	}
	if len(pos) == 1 {
		u, err := url.Parse(pos[0])
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			// The argument is not quoted: it might hold a password.
			return nil, cli.Usagef("the argument is not an http:// or https:// URL")
		}
		if _, has := u.User.Password(); has {
			return nil, cli.Usagef("the URL holds a password (visible to other users): remove it and use EASPROBE_PASSWORD, -password-file or the prompt")
		}
		u.User = nil
		o.target = u.String()
		if o.autodiscover != "" {
			return nil, cli.Usagef("-autodiscover needs an e-mail address in -u and no URL")
		}
		return o, nil
	}
	if !strings.Contains(o.user, "@") {
		return nil, cli.Usagef("missing URL (or give an e-mail address in -u to run Autodiscover)")
	}
	if o.autodiscover != "" {
		if u, err := url.Parse(o.autodiscover); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, cli.Usagef("-autodiscover: not an http:// or https:// URL")
		}
	}
	return o, nil
}

// readPassword gets the password from -password-file, EASPROBE_PASSWORD,
// the terminal or standard input, in that order.
func readPassword(o *options, getenv func(string) string, stdin io.Reader, stderr io.Writer) (string, error) {
	if o.passwordFile != "" {
		f, err := os.Open(o.passwordFile)
		if err != nil {
			return "", fmt.Errorf("-password-file: %v", unwrapPath(err))
		}
		defer f.Close()
		line, err := firstLine(f)
		if err != nil {
			return "", fmt.Errorf("-password-file: %v", err)
		}
		return line, nil
	}
	if pw := getenv("EASPROBE_PASSWORD"); pw != "" {
		return pw, nil
	}
	if f, ok := stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			return prompt(o.user)
		}
	}
	line, err := firstLine(stdin)
	if err != nil {
		return "", fmt.Errorf("no password: set EASPROBE_PASSWORD, use -password-file or type it (standard input: %v)", err)
	}
	return line, nil
}

// firstLine reads the first line of r, without its line ending; an empty
// one is an error.
func firstLine(r io.Reader) (string, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, 64<<10), 4096)
	line, err := br.ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("the first line is empty")
	}
	return line, nil
}

// prompt asks for the password on the terminal with echo turned off
// (stty -echo on /dev/tty).
func prompt(user string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", fmt.Errorf("no password: set EASPROBE_PASSWORD or use -password-file (no terminal: %v)", unwrapPath(err))
	}
	defer tty.Close()
	stty := func(arg string) error {
		cmd := exec.Command("stty", arg)
		cmd.Stdin = tty
		return cmd.Run()
	}
	if err := stty("-echo"); err != nil {
		return "", fmt.Errorf("no password: set EASPROBE_PASSWORD or use -password-file (cannot turn off echo: %v)", err)
	}
	defer func() {
		stty("echo")
		fmt.Fprintln(tty)
	}()
	fmt.Fprintf(tty, "Password for %s: ", user)
	return firstLine(tty)
}

// unwrapPath returns the cause of a *os.PathError.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}
