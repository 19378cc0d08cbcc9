package b64uri_test

import (
	"testing"

	"github.com/easkit/easkit/b64uri"
)

// benchText is a real SmartForward request (Horde's test vector): protocol
// 12.1, a binary device id, a policy key and three parameters; 64
// characters, 48 bytes.
const benchText = "eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y"

// BenchmarkB64URI measures the two directions: Unpack is base64 text to a
// reused Query (Decode), Pack is a Query to base64 text (AppendEncode).
// UnpackLenient is Unpack through a lenient Decoder. UnpackBytes and
// PackBytes leave out the base64 layer.
func BenchmarkB64URI(b *testing.B) {
	text := []byte(benchText)
	var q b64uri.Query
	if err := q.Decode(text); err != nil {
		b.Fatal(err)
	}
	raw, _ := q.AppendPack(nil)

	b.Run("Unpack", func(b *testing.B) {
		var q b64uri.Query
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if err := q.Decode(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnpackLenient", func(b *testing.B) {
		var q b64uri.Query
		d := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if err := d.Decode(&q, text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Pack", func(b *testing.B) {
		dst := make([]byte, 0, 128)
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			dst, _ = q.AppendEncode(dst[:0])
		}
	})
	b.Run("UnpackBytes", func(b *testing.B) {
		var q b64uri.Query
		b.ReportAllocs()
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			if err := q.Unpack(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PackBytes", func(b *testing.B) {
		dst := make([]byte, 0, 128)
		b.ReportAllocs()
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			dst, _ = q.AppendPack(dst[:0])
		}
	})
	b.Run("Plain", func(b *testing.B) {
		dst := make([]byte, 0, 256)
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			dst = q.AppendPlain(dst[:0])
		}
	})
}
