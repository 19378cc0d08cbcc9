package corpus

// rng is a splitmix64 generator: small, fast and the same on every
// platform and Go release, so that the corpus never changes.
type rng struct {
	s uint64
	// words is the vocabulary of sentences; nil means the English one.
	words []string
}

func newRNG(seed uint64) *rng { return &rng{s: seed} }

// vocabulary returns the words sentences are made of.
func (r *rng) vocabulary() []string {
	if r.words != nil {
		return r.words
	}
	return words
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// intn returns a value in [0, n); n must be > 0.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability pct/100.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

// pick returns a random element of s.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }

// bytes fills a new slice of n random bytes.
func (r *rng) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.next())
	}
	return b
}
