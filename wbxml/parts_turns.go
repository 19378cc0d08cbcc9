package wbxml

import "sync"

// turns runs the parts of a conversion in parts ([WithConcurrency]) on
// other goroutines, a few at a time. Each part takes one of a fixed set of
// workers (an XMLWriter or XMLReader with its buffer) as soon as one is
// free, in the order of the parts; the goroutine that puts the parts'
// output together gives a worker back once it is done with its part. The
// memory the parts write to is that of the workers, however many parts
// there are, and a worker's buffer is written again by the parts after.
type turns[W comparable] struct {
	free chan W
	done []chan struct{}
	quit chan struct{} // closed by end: start no more parts
	wg   sync.WaitGroup
}

// begin hands the workers ws to parts 0 to n-1 in turn: part i runs
// run(i, w) on a goroutine of its own once worker w is free for it. There
// must be at least two workers when n > 1, since the goroutine that puts
// the output together may keep the worker of one part while it waits for
// the next.
func (t *turns[W]) begin(ws []W, n int, run func(i int, w W)) {
	if cap(t.free) < len(ws) {
		t.free = make(chan W, len(ws))
	}
	for len(t.done) < n {
		t.done = append(t.done, make(chan struct{}, 1))
	}
	for _, w := range ws {
		t.free <- w
	}
	quit := make(chan struct{})
	t.quit = quit
	t.wg.Go(func() {
		for i := range n {
			var w W
			select {
			case w = <-t.free:
			case <-quit:
				return
			}
			t.wg.Go(func() {
				run(i, w)
				t.done[i] <- struct{}{}
			})
		}
	})
}

// wait returns once part i has run.
func (t *turns[W]) wait(i int) { <-t.done[i] }

// give gives worker w back, for a part to come.
func (t *turns[W]) give(w W) { t.free <- w }

// end starts no more parts, waits for the parts started, and leaves the
// channels empty for the next conversion. The workers not given back are
// given out again by the next begin.
func (t *turns[W]) end() {
	close(t.quit)
	t.wg.Wait()
	for _, d := range t.done {
		select {
		case <-d:
		default:
		}
	}
	for len(t.free) > 0 {
		<-t.free
	}
}
