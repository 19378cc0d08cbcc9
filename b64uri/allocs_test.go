package b64uri_test

import (
	"testing"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/internal/testenv"
)

func TestDecodeAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	texts := [][]byte{
		[]byte("eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y"),
		[]byte("jAEECBBv8Usp+29k8LM6azAOecgZBAAAAAALV2luZG93c01haWz/AwEMAQ=="),
		[]byte("jAkHBBC32YBsEj5p%2BIUKLTDTcJoYBAAAAAALV2luZG93c01haWw"),
	}
	var q b64uri.Query
	lenient := b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))
	_ = lenient.Decode(&q, texts[0]) // warm up: the buffer and Params grow once
	raw, _ := q.AppendPack(nil)
	n := testing.AllocsPerRun(1000, func() {
		for _, text := range texts {
			if err := lenient.Decode(&q, text); err != nil {
				panic(err)
			}
		}
		if err := q.Unpack(raw); err != nil {
			panic(err)
		}
	})
	if n != 0 {
		t.Errorf("Decode/Unpack into a reused Query allocate %v times per run, want 0", n)
	}
}

func TestEncodeAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	var q b64uri.Query
	if err := q.Decode([]byte("eQIJBBCuTs0Z9ZK6Vldwb/dM8JusBHVeHIQDUFBDBwEBAwYxMTkyODEBBUlOQk9Y")); err != nil {
		t.Fatal(err)
	}
	dst := make([]byte, 0, 256)
	n := testing.AllocsPerRun(1000, func() {
		var err error
		if dst, err = q.AppendPack(dst[:0]); err != nil {
			panic(err)
		}
		if dst, err = q.AppendEncode(dst[:0]); err != nil {
			panic(err)
		}
		dst = q.AppendPlain(dst[:0])
		q.SetOptions(b64uri.SaveInSent)
	})
	if n != 0 {
		t.Errorf("AppendPack/AppendEncode/AppendPlain allocate %v times per run, want 0", n)
	}
}

func TestParsePlainAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	query := []byte("Cmd=SmartForward&User=CONTOSO%5Crm&DeviceId=AE4ECD19F592BA5657706FF74CF09BAC&DeviceType=PPC&ItemId=119281&CollectionId=INBOX&SaveInSent=T")
	h := b64uri.Headers{ProtocolVersion: "12.1", PolicyKey: "2216451701"}
	var q b64uri.Query
	if err := q.ParsePlain(query, h); err != nil {
		t.Fatal(err)
	}
	n := testing.AllocsPerRun(1000, func() {
		if err := q.ParsePlain(query, h); err != nil {
			panic(err)
		}
	})
	if n != 0 {
		t.Errorf("ParsePlain into a reused Query allocates %v times per run, want 0", n)
	}
}

// TestNewDecoderAllocatesNothing: options are values, so building a
// Decoder from them costs nothing.
func TestNewDecoderAllocatesNothing(t *testing.T) {
	testenv.SkipIfAllocsUnreliable(t)
	var d b64uri.Decoder
	n := testing.AllocsPerRun(1000, func() {
		d = b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient), b64uri.WithStrictness(b64uri.Strict))
	})
	if n != 0 {
		t.Errorf("NewDecoder with two options allocates %v times per run, want 0", n)
	}
	if d.Strictness() != b64uri.Strict {
		t.Errorf("Strictness() = %v, want Strict (the later option)", d.Strictness())
	}
}
