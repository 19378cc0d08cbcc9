package cli

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interrupts are the signals that remove the temporary files of open
// Outputs before the process ends.
var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// temps holds the temporary files of the open Outputs. Its lock orders
// creating, renaming and removing them against a signal: the handler takes
// it and exits without giving it back, so that a file is either renamed
// into place or removed, never left behind.
var temps struct {
	sync.Mutex
	files map[*Output]bool
	ch    chan os.Signal // nil until the first Output
}

// createTemp creates the temporary file of an Output for target in dir and
// registers it, with the signals caught, before a signal can end the
// process.
func createTemp(dir, base, target string, mode os.FileMode) (*Output, error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.ch == nil {
		temps.ch = make(chan os.Signal, 1)
		temps.files = map[*Output]bool{}
		go onInterrupt(temps.ch)
	}
	if len(temps.files) == 0 {
		signal.Notify(temps.ch, interrupts...)
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		stopIfIdle()
		return nil, err
	}
	o := &Output{f: f, tmp: f.Name(), target: target, mode: mode}
	temps.files[o] = true
	return o, nil
}

// renameTemp renames the temporary file of o over its target.
func renameTemp(o *Output) error {
	temps.Lock()
	defer temps.Unlock()
	err := os.Rename(o.tmp, o.target)
	if err == nil {
		forget(o)
	}
	return err
}

// removeTemp removes the temporary file of o.
func removeTemp(o *Output) {
	temps.Lock()
	defer temps.Unlock()
	os.Remove(o.tmp)
	forget(o)
}

// forget drops o from temps; the signals are no longer caught once no
// Output has a temporary file. temps must be locked.
func forget(o *Output) {
	delete(temps.files, o)
	o.tmp = ""
	stopIfIdle()
}

// stopIfIdle stops catching the signals when no Output has a temporary
// file. temps must be locked.
func stopIfIdle() {
	if len(temps.files) == 0 {
		signal.Stop(temps.ch)
	}
}

// onInterrupt waits for a signal, removes the temporary files and ends the
// process with the status a shell gives a command killed by the signal.
func onInterrupt(ch chan os.Signal) {
	sig := <-ch
	temps.Lock() // never unlocked: no file is created or renamed after this
	for o := range temps.files {
		os.Remove(o.tmp)
	}
	os.Exit(SignalStatus(sig))
}

// SignalStatus is the exit status for a process ended by sig: 128 plus its
// number (130 for SIGINT, 143 for SIGTERM), or [ExitData] for a signal
// without a number.
func SignalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return ExitData
}
