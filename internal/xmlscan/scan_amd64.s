//go:build !purego

#include "textflag.h"

// Byte splats for the text kernels: 0x20, tab, LF, '<', '&', ']', and
// 0xC0, 0xC1, 0xE0 for TWOBYTE.
DATA textConst<>+0x00(SB)/8, $0x2020202020202020
DATA textConst<>+0x08(SB)/8, $0x2020202020202020
DATA textConst<>+0x10(SB)/8, $0x0909090909090909
DATA textConst<>+0x18(SB)/8, $0x0909090909090909
DATA textConst<>+0x20(SB)/8, $0x0a0a0a0a0a0a0a0a
DATA textConst<>+0x28(SB)/8, $0x0a0a0a0a0a0a0a0a
DATA textConst<>+0x30(SB)/8, $0x3c3c3c3c3c3c3c3c
DATA textConst<>+0x38(SB)/8, $0x3c3c3c3c3c3c3c3c
DATA textConst<>+0x40(SB)/8, $0x2626262626262626
DATA textConst<>+0x48(SB)/8, $0x2626262626262626
DATA textConst<>+0x50(SB)/8, $0x5d5d5d5d5d5d5d5d
DATA textConst<>+0x58(SB)/8, $0x5d5d5d5d5d5d5d5d
DATA textConst<>+0x60(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA textConst<>+0x68(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA textConst<>+0x70(SB)/8, $0xc1c1c1c1c1c1c1c1
DATA textConst<>+0x78(SB)/8, $0xc1c1c1c1c1c1c1c1
DATA textConst<>+0x80(SB)/8, $0xe0e0e0e0e0e0e0e0
DATA textConst<>+0x88(SB)/8, $0xe0e0e0e0e0e0e0e0
GLOBL textConst<>(SB), RODATA|NOPTR, $144

#define LOADCONST \
	MOVOU textConst<>+0x00(SB), X8 \
	MOVOU textConst<>+0x10(SB), X9 \
	MOVOU textConst<>+0x20(SB), X10 \
	MOVOU textConst<>+0x30(SB), X11 \
	MOVOU textConst<>+0x40(SB), X12 \
	MOVOU textConst<>+0x50(SB), X13

// FLAGS sets BX to the mask of the bytes of X0 that textFlags flags:
// (0x20 > x, signed, so also every byte >= 0x80) and not tab or LF, or
// '<', '&' or ']'. It clobbers X0-X3.
#define FLAGS \
	MOVO    X8, X1 \
	PCMPGTB X0, X1 \
	MOVO    X0, X2 \
	PCMPEQB X9, X2 \
	MOVO    X0, X3 \
	PCMPEQB X10, X3 \
	POR     X3, X2 \
	PANDN   X1, X2 \
	MOVO    X0, X3 \
	PCMPEQB X11, X3 \
	POR     X3, X2 \
	MOVO    X0, X3 \
	PCMPEQB X12, X3 \
	POR     X3, X2 \
	PCMPEQB X13, X0 \
	POR     X0, X2 \
	PMOVMSKB X2, BX

// TWOBYTE clears from BX the bits of the non-ASCII bytes of X5 (their
// mask in R13) when every one of them belongs to a two-byte sequence
// C2–DF 80–BF wholly inside the sixteen bytes, which the kernels would
// step over one by one. Otherwise BX is left as it is. It clobbers X4,
// X6, X7, R8, R10 and R12.
#define TWOBYTE \
	MOVOU    textConst<>+0x60(SB), X4 \
	PCMPGTB  X5, X4 \
	PMOVMSKB X4, R10 \
	MOVOU    textConst<>+0x70(SB), X6 \
	MOVO     X5, X7 \
	PCMPGTB  X6, X7 \
	MOVOU    textConst<>+0x80(SB), X4 \
	PCMPGTB  X5, X4 \
	PAND     X4, X7 \
	PMOVMSKB X7, R8 \
	MOVL     R8, R12 \
	SHLL     $1, R12 \
	CMPL     R12, R10 \
	JNE      6(PC) \
	ORL      R8, R10 \
	CMPL     R10, R13 \
	JNE      3(PC) \
	NOTL     R13 \
	ANDL     R13, BX

// func textStop16(b []byte, j int) int
//
// Registers: SI = &b[0], DX = len(b), AX = j.
TEXT ·textStop16(SB), NOSPLIT, $0-40
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), DX
	MOVQ j+24(FP), AX
	LOADCONST

loop:
	LEAQ  16(AX), CX
	CMPQ  CX, DX
	JHI   done
	MOVOU (SI)(AX*1), X0
	MOVO  X0, X5
	FLAGS
	TESTL BX, BX
	JNZ   flagged

next:
	MOVQ CX, AX
	JMP  loop

flagged:
	PMOVMSKB X5, R13
	TESTL    R13, R13
	JZ       found
	TWOBYTE
	TESTL    BX, BX
	JZ       next

found:
	BSFL    BX, BX
	ADDQ    BX, AX
	MOVBLZX (SI)(AX*1), BX
	CMPB    BL, $0x5D
	JEQ     rbrack
	CMPB    BL, $0xC2
	JB      done
	CMPB    BL, $0xE0
	JAE     three

	// C2-DF and a continuation byte.
	LEAQ    1(AX), CX
	CMPQ    CX, DX
	JAE     done
	MOVBLZX 1(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     done
	ADDQ    $2, AX
	JMP     loop

three:
	// E1-EC or EE and two continuation bytes; other lead bytes go to
	// the caller.
	CMPB    BL, $0xE1
	JB      done
	CMPB    BL, $0xEF
	JAE     done
	CMPB    BL, $0xED
	JEQ     done
	LEAQ    2(AX), CX
	CMPQ    CX, DX
	JAE     done
	MOVBLZX 1(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     done
	MOVBLZX 2(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     done
	ADDQ    $3, AX
	JMP     loop

rbrack:
	// A ']' that does not start "]]>".
	LEAQ 2(AX), CX
	CMPQ CX, DX
	JAE  skip1
	CMPB 1(SI)(AX*1), $0x5D
	JNE  skip1
	CMPB 2(SI)(AX*1), $0x3E
	JNE  skip1
	JMP  done

skip1:
	INCQ AX
	JMP  loop

done:
	MOVQ AX, ret+32(FP)
	RET

// func textCopy16(dst, b []byte, j int) (k, o int)
//
// Registers: DI = &dst[0], R9 = len(dst), SI = &b[0], DX = len(b),
// AX = j, R11 = o, where b[AX] goes in dst.
TEXT ·textCopy16(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), R9
	MOVQ b_base+24(FP), SI
	MOVQ b_len+32(FP), DX
	MOVQ j+48(FP), AX
	XORQ R11, R11
	LOADCONST

cloop:
	LEAQ  16(AX), CX
	CMPQ  CX, DX
	JHI   cdone
	LEAQ  32(R11), R12
	CMPQ  R12, R9
	JHI   cdone
	MOVOU (SI)(AX*1), X0
	MOVOU X0, (DI)(R11*1)
	MOVO  X0, X5
	FLAGS
	TESTL BX, BX
	JNZ   cflagged

cnext:
	MOVQ CX, AX
	ADDQ $16, R11
	JMP  cloop

cflagged:
	PMOVMSKB X5, R13
	TESTL    R13, R13
	JZ       cfound
	TWOBYTE
	TESTL    BX, BX
	JZ       cnext

cfound:
	BSFL    BX, BX
	ADDQ    BX, AX
	ADDQ    BX, R11
	MOVBLZX (SI)(AX*1), BX
	CMPB    BL, $0x26
	JEQ     camp
	CMPB    BL, $0x0D
	JEQ     ccr
	CMPB    BL, $0x5D
	JEQ     crbrack
	CMPB    BL, $0xC2
	JB      cdone
	CMPB    BL, $0xE0
	JAE     cthree

	LEAQ    1(AX), CX
	CMPQ    CX, DX
	JAE     cdone
	MOVBLZX 1(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     cdone
	MOVW    (SI)(AX*1), R8
	MOVW    R8, (DI)(R11*1)
	ADDQ    $2, AX
	ADDQ    $2, R11
	JMP     cloop

cthree:
	CMPB    BL, $0xE1
	JB      cdone
	CMPB    BL, $0xEF
	JAE     cdone
	CMPB    BL, $0xED
	JEQ     cdone
	LEAQ    2(AX), CX
	CMPQ    CX, DX
	JAE     cdone
	MOVBLZX 1(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     cdone
	MOVBLZX 2(SI)(AX*1), R8
	ANDL    $0xC0, R8
	CMPL    R8, $0x80
	JNE     cdone
	MOVW    (SI)(AX*1), R8
	MOVW    R8, (DI)(R11*1)
	MOVB    2(SI)(AX*1), R8
	MOVB    R8, 2(DI)(R11*1)
	ADDQ    $3, AX
	ADDQ    $3, R11
	JMP     cloop

crbrack:
	LEAQ 2(AX), CX
	CMPQ CX, DX
	JAE  cskip1
	CMPB 1(SI)(AX*1), $0x5D
	JNE  cskip1
	CMPB 2(SI)(AX*1), $0x3E
	JNE  cskip1
	JMP  cdone

cskip1:
	INCQ AX
	INCQ R11
	JMP  cloop

camp:
	// &lt; &gt; &amp; &#13; &#10;, read as one word.
	LEAQ 8(AX), CX
	CMPQ CX, DX
	JHI  cdone
	MOVQ (SI)(AX*1), R8
	MOVL R8, CX
	CMPL CX, $0x3B746C26
	JEQ  clt
	CMPL CX, $0x3B746726
	JEQ  cgt
	MOVQ $0xFFFFFFFFFF, R12
	ANDQ R12, R8
	MOVQ $0x3B706D6126, R12
	CMPQ R8, R12
	JEQ  camp5
	MOVQ $0x3B33312326, R12
	CMPQ R8, R12
	JEQ  ccr5
	MOVQ $0x3B30312326, R12
	CMPQ R8, R12
	JEQ  clf5
	JMP  cdone

clt:
	MOVB $0x3C, (DI)(R11*1)
	ADDQ $4, AX
	INCQ R11
	JMP  cloop

cgt:
	MOVB $0x3E, (DI)(R11*1)
	ADDQ $4, AX
	INCQ R11
	JMP  cloop

camp5:
	MOVB $0x26, (DI)(R11*1)
	ADDQ $5, AX
	INCQ R11
	JMP  cloop

ccr5:
	MOVB $0x0D, (DI)(R11*1)
	ADDQ $5, AX
	INCQ R11
	JMP  cloop

clf5:
	MOVB $0x0A, (DI)(R11*1)
	ADDQ $5, AX
	INCQ R11
	JMP  cloop

ccr:
	// A literal CR, or CR LF, becomes LF.
	MOVB $0x0A, (DI)(R11*1)
	INCQ R11
	INCQ AX
	CMPQ AX, DX
	JAE  cloop
	CMPB (SI)(AX*1), $0x0A
	JNE  cloop
	INCQ AX
	JMP  cloop

cdone:
	MOVQ AX, k+56(FP)
	MOVQ R11, o+64(FP)
	RET
