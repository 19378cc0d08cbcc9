package cli

import (
	"fmt"
	"strconv"
	"strings"
)

// A Size is a number of bytes given on the command line: plain bytes
// ("1048576") or with a binary unit, K, M, G or T, optionally followed by
// "iB" or "B" ("64M", "64MiB", "1G" are 64 × 2²⁰ and 2³⁰ bytes). It is a
// flag.Value. The zero Size is zero bytes.
type Size int64

// units are the multipliers of the unit letters.
var units = map[byte]int64{'K': 1 << 10, 'M': 1 << 20, 'G': 1 << 30, 'T': 1 << 40}

// ParseSize parses s as a [Size].
func ParseSize(s string) (Size, error) {
	t := strings.TrimSpace(s)
	u := strings.ToUpper(t)
	mul := int64(1)
	for _, suffix := range []string{"IB", "B"} {
		if len(u) > len(suffix) && strings.HasSuffix(u, suffix) {
			u = u[:len(u)-len(suffix)]
			break
		}
	}
	if n := len(u); n > 0 {
		if m, ok := units[u[n-1]]; ok {
			mul, u = m, u[:n-1]
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n < 0 || n > (1<<63-1)/mul {
		return 0, fmt.Errorf("size %q: want bytes, or a number with K, M, G or T (64M, 1G)", s)
	}
	return Size(n * mul), nil
}

// Set parses s into z, for flag.Value.
func (z *Size) Set(s string) error {
	v, err := ParseSize(s)
	if err != nil {
		return err
	}
	*z = v
	return nil
}

// String formats z with the largest binary unit that divides it: "256 MiB",
// "1 GiB", "1000 bytes".
func (z Size) String() string {
	n := int64(z)
	for _, u := range []struct {
		name string
		n    int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.n == 0 {
			return fmt.Sprintf("%d %s", n/u.n, u.name)
		}
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
