package wbxml

// MaxMbUint32Len is the maximum length of an mb_u_int32 in bytes: 32 bits
// in groups of 7.
const MaxMbUint32Len = 5

// AppendMbUint32 appends the mb_u_int32 encoding of v to dst and returns
// the extended buffer. The encoding is the shortest one: 7 bits a byte,
// most significant group first, the continuation bit (0x80) set on every
// byte but the last.
func AppendMbUint32(dst []byte, v uint32) []byte {
	switch {
	case v < 1<<7:
		return append(dst, byte(v))
	case v < 1<<14:
		return append(dst, byte(v>>7)|0x80, byte(v)&0x7F)
	case v < 1<<21:
		return append(dst, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	case v < 1<<28:
		return append(dst, byte(v>>21)|0x80, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	default:
		return append(dst, byte(v>>28)|0x80, byte(v>>21)|0x80, byte(v>>14)|0x80, byte(v>>7)|0x80, byte(v)&0x7F)
	}
}

// MbUint32Len returns the length of the shortest mb_u_int32 encoding of v.
func MbUint32Len(v uint32) int {
	switch {
	case v < 1<<7:
		return 1
	case v < 1<<14:
		return 2
	case v < 1<<21:
		return 3
	case v < 1<<28:
		return 4
	default:
		return 5
	}
}

// ConsumeMbUint32 decodes an mb_u_int32 from the start of b and returns
// its value and the number of bytes read (n > 0). If b ends before the last
// byte of the integer, n is 0. If the integer is invalid, n is negative
// and -n is the number of bytes examined: more than [MaxMbUint32Len] bytes
// or a value that overflows 32 bits. Leading 0x80 bytes (a non-shortest
// encoding) are accepted within the 5-byte limit.
func ConsumeMbUint32(b []byte) (v uint32, n int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i == MaxMbUint32Len-1 {
			// The fifth byte: 4 bits remain for the first four groups'
			// overflow, and no continuation is allowed.
			if v > (1<<25)-1 || c&0x80 != 0 {
				return 0, -(i + 1)
			}
		}
		v = v<<7 | uint32(c&0x7F)
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
