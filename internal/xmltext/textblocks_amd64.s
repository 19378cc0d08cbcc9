//go:build amd64 && !purego

#include "textflag.h"

// Byte splats for the multi-byte UTF-8 step (UTF8SEQS below).
DATA u8const<>+0x00(SB)/8, $0xF0F0F0F0F0F0F0F0
DATA u8const<>+0x08(SB)/8, $0xF0F0F0F0F0F0F0F0
DATA u8const<>+0x10(SB)/8, $0xFCFCFCFCFCFCFCFC
DATA u8const<>+0x18(SB)/8, $0xFCFCFCFCFCFCFCFC
DATA u8const<>+0x20(SB)/8, $0xA0A0A0A0A0A0A0A0
DATA u8const<>+0x28(SB)/8, $0xA0A0A0A0A0A0A0A0
DATA u8const<>+0x30(SB)/8, $0xEDEDEDEDEDEDEDED
DATA u8const<>+0x38(SB)/8, $0xEDEDEDEDEDEDEDED
DATA u8const<>+0x40(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA u8const<>+0x48(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA u8const<>+0x50(SB)/8, $0xBFBFBFBFBFBFBFBF
DATA u8const<>+0x58(SB)/8, $0xBFBFBFBFBFBFBFBF
DATA u8const<>+0x60(SB)/8, $0xBEBEBEBEBEBEBEBE
DATA u8const<>+0x68(SB)/8, $0xBEBEBEBEBEBEBEBE
DATA u8const<>+0x70(SB)/8, $0xF4F4F4F4F4F4F4F4
DATA u8const<>+0x78(SB)/8, $0xF4F4F4F4F4F4F4F4
GLOBL u8const<>(SB), RODATA|NOPTR, $128

#define F0 u8const<>+0x00(SB)
#define FC u8const<>+0x10(SB)
#define A0 u8const<>+0x20(SB)
#define ED u8const<>+0x30(SB)
#define EF u8const<>+0x40(SB)
#define BF u8const<>+0x50(SB)
#define BE u8const<>+0x60(SB)
#define F4 u8const<>+0x70(SB)

// EQM sets r to the mask of the bytes b of X0 with b&mask == val
// (registers); EQV to that of the bytes equal to val (a constant above).
// Both clobber X1 (EQV also X2).
#define EQM(mask, val, r) \
	MOVO     X0, X1 \
	PAND     mask, X1 \
	PCMPEQB  val, X1 \
	PMOVMSKB X1, r
#define EQV(val, r) \
	MOVOU    val, X2 \
	MOVO     X0, X1 \
	PCMPEQB  X2, X1 \
	PMOVMSKB X1, r

// UTF8SEQS sets CX to utf8block.Covered of X0: the bytes that belong to
// UTF-8 sequences wholly inside the block whose character XML allows.
// Each set removed from a set of lead bytes below is a subset of it, and
// the sets removed do not meet, so XOR removes them. It clobbers BX,
// R11, R12, R13, X1-X4, and needs X7 (0x80), X12 (0xE0), X13 (0xC0)
// and X14 (0xFE).
#define UTF8SEQS \
	EQM(X13, X7, R12)            \ // R12: continuation bytes 80–BF
	MOVOU    A0, X3              \
	EQM(X12, X3, R13)            \
	SHRL     $1, R13             \ // R13: the next byte is A0–BF
	MOVOU    F0, X4              \
	EQM(X4, X12, CX)             \ // CX: E0–EF
	MOVO     X0, X1              \
	PCMPEQB  X12, X1             \
	PMOVMSKB X1, BX              \ // E0
	XORL     BX, CX              \
	ANDL     R13, BX             \
	XORL     BX, CX              \ // less E0 80–9F (overlong)
	EQV(ED, BX)                  \
	ANDL     R13, BX             \
	XORL     BX, CX              \ // less ED A0–BF (surrogates)
	EQV(EF, BX)                  \
	EQV(BF, R13)                 \
	SHRL     $1, R13             \
	ANDL     R13, BX             \
	MOVOU    BE, X3              \
	EQM(X14, X3, R13)            \
	SHRL     $2, R13             \
	ANDL     R13, BX             \
	XORL     BX, CX              \ // less EF BF BE–BF (U+FFFE, U+FFFF)
	MOVL     R12, R13            \
	SHRL     $1, R13             \
	ANDL     R13, CX             \
	SHRL     $1, R13             \
	ANDL     R13, CX             \ // CX: lead bytes of three-byte sequences
	MOVL     CX, BX              \
	SHLL     $1, BX              \
	ORL      BX, CX              \
	SHLL     $1, BX              \
	ORL      BX, CX              \ // CX: their three bytes
	MOVOU    FC, X3              \
	EQM(X3, X4, R11)             \ // R11: F0–F3
	EQM(X4, X7, R13)             \
	SHRL     $1, R13             \ // R13: the next byte is 80–8F
	MOVO     X0, X1              \
	PCMPEQB  X4, X1              \
	PMOVMSKB X1, BX              \
	ANDL     R13, BX             \
	XORL     BX, R11             \ // less F0 80–8F (overlong)
	EQV(F4, BX)                  \
	ANDL     R13, BX             \
	ORL      BX, R11             \ // and F4 80–8F
	MOVL     R12, R13            \
	SHRL     $1, R13             \
	ANDL     R13, R11            \
	SHRL     $1, R13             \
	ANDL     R13, R11            \
	SHRL     $1, R13             \
	ANDL     R13, R11            \ // R11: lead bytes of four-byte sequences
	ORL      R11, CX             \
	SHLL     $1, R11             \
	ORL      R11, CX             \
	SHLL     $1, R11             \
	ORL      R11, CX             \
	SHLL     $1, R11             \
	ORL      R11, CX             \
	EQM(X12, X13, BX)            \ // BX: C0–DF
	EQM(X14, X13, R13)           \
	XORL     R13, BX             \ // less C0, C1
	MOVL     R12, R13            \
	SHRL     $1, R13             \
	ANDL     R13, BX             \
	ORL      BX, CX              \
	SHLL     $1, BX              \
	ORL      BX, CX

// func escapeBlocks(buf []byte, o int, s []byte, i, end int) (int, int)
//
// SSE2 form of escapeBlocksGo (textblocks.go), step for step.
//
// Registers: DI buf, R8 o, SI s, DX len(s), R9 i, R10 end, R11 &escapes
// (set again after UTF8SEQS, which uses it).
// X8 0x1F, X9 '<', X10 '&', X11 ']', X12 0xE0, X13 0xC0, X14 0xFE,
// X7 0x80 in every byte.
TEXT ·escapeBlocks(SB), NOSPLIT, $0-88
	MOVQ buf_base+0(FP), DI
	MOVQ o+24(FP), R8
	MOVQ s_base+32(FP), SI
	MOVQ s_len+40(FP), DX
	MOVQ i+56(FP), R9
	MOVQ end+64(FP), R10
	LEAQ ·escapes(SB), R11

	MOVQ $0x1F1F1F1F1F1F1F1F, AX
	MOVQ AX, X8
	PUNPCKLQDQ X8, X8
	MOVQ $0x3C3C3C3C3C3C3C3C, AX
	MOVQ AX, X9
	PUNPCKLQDQ X9, X9
	MOVQ $0x2626262626262626, AX
	MOVQ AX, X10
	PUNPCKLQDQ X10, X10
	MOVQ $0x5D5D5D5D5D5D5D5D, AX
	MOVQ AX, X11
	PUNPCKLQDQ X11, X11
	MOVQ $0xE0E0E0E0E0E0E0E0, AX
	MOVQ AX, X12
	PUNPCKLQDQ X12, X12
	MOVQ $0xC0C0C0C0C0C0C0C0, AX
	MOVQ AX, X13
	PUNPCKLQDQ X13, X13
	MOVQ $0xFEFEFEFEFEFEFEFE, AX
	MOVQ AX, X14
	PUNPCKLQDQ X14, X14
	MOVQ $0x8080808080808080, AX
	MOVQ AX, X7
	PUNPCKLQDQ X7, X7

loop:
	CMPQ R9, R10
	JGE  done
	LEAQ 16(R9), AX
	CMPQ AX, DX
	JGT  done
	MOVOU (SI)(R9*1), X0
	MOVOU X0, (DI)(R8*1)

	// AX: bytes that are not 0x20–0x7F, or are '<', '&' or ']'.
	MOVO     X0, X1
	PCMPGTB  X8, X1
	PMOVMSKB X1, AX
	XORL     $0xFFFF, AX
	MOVO     X0, X2
	PCMPEQB  X9, X2
	MOVO     X0, X3
	PCMPEQB  X10, X3
	MOVO     X0, X4
	PCMPEQB  X11, X4
	POR      X3, X2
	POR      X4, X2
	PMOVMSKB X2, BX
	ORL      BX, AX
	JNZ      flagged
	ADDQ     $16, R9
	ADDQ     $16, R8
	JMP      loop

flagged:
	// Two-byte sequences complete in the block pass.
	PMOVMSKB X0, BX
	TESTL    BX, BX
	JZ       first
	MOVO     X0, X5
	PAND     X12, X5
	PCMPEQB  X13, X5  // C0–DF
	MOVO     X0, X6
	PAND     X14, X6
	PCMPEQB  X13, X6  // C0, C1
	PANDN    X5, X6   // C2–DF
	MOVO     X0, X5
	PAND     X13, X5
	PCMPEQB  X7, X5   // 80–BF
	PMOVMSKB X6, CX
	PMOVMSKB X5, BX
	SHRL     $1, BX
	ANDL     BX, CX
	MOVL     CX, BX
	SHLL     $1, BX
	ORL      BX, CX
	NOTL     CX
	ANDL     CX, AX
	JZ       whole

	// Longer sequences complete in the block pass too.
	PMOVMSKB X0, BX
	TESTL    BX, AX
	JZ       first
	UTF8SEQS
	NOTL     CX
	ANDL     CX, AX
	JNZ      first

whole:
	ADDQ     $16, R9
	ADDQ     $16, R8
	JMP      loop

first:
	LEAQ    ·escapes(SB), R11
	BSFL    AX, R13
	ADDQ    R13, R9
	ADDQ    R13, R8
	MOVBLZX (SI)(R9*1), BX
	MOVQ    (R11)(BX*8), CX
	MOVQ    CX, AX
	SHRQ    $56, AX
	JZ      stop
	MOVQ    CX, (DI)(R8*1)
	ADDQ    AX, R8
	INCQ    R9
	CMPQ    R9, DX
	JGE     loop
	BTQ     $48, CX
	JCC     loop
	CMPB    (SI)(R9*1), $0x0A
	JNE     loop
	INCQ    R8
	INCQ    R9
	JMP     loop

stop:
	// A byte ≥ 0x80 that is not the block's first: a new block from it.
	CMPB  BL, $0x80
	JB    done
	TESTQ R13, R13
	JNZ   loop

done:
	MOVQ R9, ret+72(FP)
	MOVQ R8, ret1+80(FP)
	RET
