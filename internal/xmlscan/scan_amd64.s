//go:build !purego

#include "textflag.h"

// Byte splats for the text kernels: 0x20, tab, LF, '<', '&', ']'.
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
GLOBL textConst<>(SB), RODATA|NOPTR, $96

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

// Byte splats for UTF8SEQS.
DATA u8const<>+0x00(SB)/8, $0x8080808080808080
DATA u8const<>+0x08(SB)/8, $0x8080808080808080
DATA u8const<>+0x10(SB)/8, $0xC0C0C0C0C0C0C0C0
DATA u8const<>+0x18(SB)/8, $0xC0C0C0C0C0C0C0C0
DATA u8const<>+0x20(SB)/8, $0xE0E0E0E0E0E0E0E0
DATA u8const<>+0x28(SB)/8, $0xE0E0E0E0E0E0E0E0
DATA u8const<>+0x30(SB)/8, $0xF0F0F0F0F0F0F0F0
DATA u8const<>+0x38(SB)/8, $0xF0F0F0F0F0F0F0F0
DATA u8const<>+0x40(SB)/8, $0xA0A0A0A0A0A0A0A0
DATA u8const<>+0x48(SB)/8, $0xA0A0A0A0A0A0A0A0
DATA u8const<>+0x50(SB)/8, $0xEDEDEDEDEDEDEDED
DATA u8const<>+0x58(SB)/8, $0xEDEDEDEDEDEDEDED
DATA u8const<>+0x60(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA u8const<>+0x68(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA u8const<>+0x70(SB)/8, $0xBFBFBFBFBFBFBFBF
DATA u8const<>+0x78(SB)/8, $0xBFBFBFBFBFBFBFBF
DATA u8const<>+0x80(SB)/8, $0xFEFEFEFEFEFEFEFE
DATA u8const<>+0x88(SB)/8, $0xFEFEFEFEFEFEFEFE
DATA u8const<>+0x90(SB)/8, $0xBEBEBEBEBEBEBEBE
DATA u8const<>+0x98(SB)/8, $0xBEBEBEBEBEBEBEBE
DATA u8const<>+0xA0(SB)/8, $0xFCFCFCFCFCFCFCFC
DATA u8const<>+0xA8(SB)/8, $0xFCFCFCFCFCFCFCFC
DATA u8const<>+0xB0(SB)/8, $0xF4F4F4F4F4F4F4F4
DATA u8const<>+0xB8(SB)/8, $0xF4F4F4F4F4F4F4F4
GLOBL u8const<>(SB), RODATA|NOPTR, $192

// EQM sets r to the mask of the bytes b of X5 with b&mask == val (both
// registers), EQV to that of the bytes equal to val. They clobber X0.
#define EQM(mask, val, r) \
	MOVO     X5, X0 \
	PAND     mask, X0 \
	PCMPEQB  val, X0 \
	PMOVMSKB X0, r
#define EQV(val, r) \
	MOVO     X5, X0 \
	PCMPEQB  val, X0 \
	PMOVMSKB X0, r

// UTF8SEQS sets R8 to utf8block.Covered of X5: the bytes that belong to
// UTF-8 sequences wholly inside the sixteen whose character XML allows.
// Each set removed from a set of lead bytes below is a subset of it, and
// the sets removed do not meet, so XOR removes them. It clobbers CX,
// R10, R12, R13, X0-X4, X6, X7 and X14.
#define UTF8SEQS \
	MOVOU    u8const<>+0x00(SB), X7 \
	MOVOU    u8const<>+0x10(SB), X6 \
	MOVOU    u8const<>+0x20(SB), X14 \
	MOVOU    u8const<>+0x30(SB), X4 \
	EQM(X6, X7, R12)                 \ // R12: continuation bytes 80–BF
	MOVOU    u8const<>+0x40(SB), X1  \
	EQM(X14, X1, R13)                \
	SHRL     $1, R13                 \ // R13: the next byte is A0–BF
	EQM(X4, X14, R8)                 \ // R8: E0–EF
	EQV(X14, CX)                     \
	XORL     CX, R8                  \
	ANDL     R13, CX                 \
	XORL     CX, R8                  \ // less E0 80–9F (overlong)
	MOVOU    u8const<>+0x50(SB), X1  \
	EQV(X1, CX)                      \
	ANDL     R13, CX                 \
	XORL     CX, R8                  \ // less ED A0–BF (surrogates)
	MOVOU    u8const<>+0x60(SB), X1  \
	EQV(X1, CX)                      \
	MOVOU    u8const<>+0x70(SB), X1  \
	EQV(X1, R13)                     \
	SHRL     $1, R13                 \
	ANDL     R13, CX                 \
	MOVOU    u8const<>+0x80(SB), X1  \
	MOVOU    u8const<>+0x90(SB), X2  \
	EQM(X1, X2, R13)                 \
	SHRL     $2, R13                 \
	ANDL     R13, CX                 \
	XORL     CX, R8                  \ // less EF BF BE–BF (U+FFFE, U+FFFF)
	MOVL     R12, R13                \
	SHRL     $1, R13                 \
	ANDL     R13, R8                 \
	SHRL     $1, R13                 \
	ANDL     R13, R8                 \ // R8: lead bytes of three-byte sequences
	MOVL     R8, CX                  \
	SHLL     $1, CX                  \
	ORL      CX, R8                  \
	SHLL     $1, CX                  \
	ORL      CX, R8                  \ // R8: their three bytes
	MOVOU    u8const<>+0xA0(SB), X1  \
	EQM(X1, X4, R10)                 \ // R10: F0–F3
	EQM(X4, X7, R13)                 \
	SHRL     $1, R13                 \ // R13: the next byte is 80–8F
	EQV(X4, CX)                      \
	ANDL     R13, CX                 \
	XORL     CX, R10                 \ // less F0 80–8F (overlong)
	MOVOU    u8const<>+0xB0(SB), X1  \
	EQV(X1, CX)                      \
	ANDL     R13, CX                 \
	ORL      CX, R10                 \ // and F4 80–8F
	MOVL     R12, R13                \
	SHRL     $1, R13                 \
	ANDL     R13, R10                \
	SHRL     $1, R13                 \
	ANDL     R13, R10                \
	SHRL     $1, R13                 \
	ANDL     R13, R10                \ // R10: lead bytes of four-byte sequences
	ORL      R10, R8                 \
	SHLL     $1, R10                 \
	ORL      R10, R8                 \
	SHLL     $1, R10                 \
	ORL      R10, R8                 \
	SHLL     $1, R10                 \
	ORL      R10, R8                 \
	EQM(X14, X6, CX)                 \ // CX: C0–DF
	MOVOU    u8const<>+0x80(SB), X1  \
	EQM(X1, X6, R13)                 \
	XORL     R13, CX                 \ // less C0, C1
	MOVL     R12, R13                \
	SHRL     $1, R13                 \
	ANDL     R13, CX                 \
	ORL      CX, R8                  \
	SHLL     $1, CX                  \
	ORL      CX, R8

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
	ADDQ $16, AX
	JMP  loop

flagged:
	// Sequences of characters XML allows, wholly inside the sixteen bytes,
	// pass.
	PMOVMSKB X5, R13
	TESTL    R13, BX
	JZ       found
	UTF8SEQS
	NOTL     R8
	ANDL     R8, BX
	JZ       next

found:
	BSFL    BX, R10
	ADDQ    R10, AX
	MOVBLZX (SI)(AX*1), BX
	CMPB    BL, $0x5D
	JEQ     rbrack
	CMPB    BL, $0x80
	JB      done
	// A byte >= 0x80 that is not the first of the sixteen: go on from it.
	TESTL   R10, R10
	JNZ     loop
	JMP     done

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
	ADDQ $16, AX
	ADDQ $16, R11
	JMP  cloop

cflagged:
	PMOVMSKB X5, R13
	TESTL    R13, BX
	JZ       cfound
	UTF8SEQS
	NOTL     R8
	ANDL     R8, BX
	JZ       cnext

cfound:
	BSFL    BX, R10
	ADDQ    R10, AX
	ADDQ    R10, R11
	MOVBLZX (SI)(AX*1), BX
	CMPB    BL, $0x26
	JEQ     camp
	CMPB    BL, $0x0D
	JEQ     ccr
	CMPB    BL, $0x5D
	JEQ     crbrack
	CMPB    BL, $0x80
	JB      cdone
	TESTL   R10, R10
	JNZ     cloop
	JMP     cdone

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
