//go:build amd64 && !purego

#include "textflag.h"

// func escapeBlocks(buf []byte, o int, s []byte, i, end int) (int, int)
//
// SSE2 form of escapeBlocksGo (textblocks.go), step for step.
//
// Registers: DI buf, R8 o, SI s, DX len(s), R9 i, R10 end, R11 &escapes.
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
	JNZ      first
	ADDQ     $16, R9
	ADDQ     $16, R8
	JMP      loop

first:
	BSFL    AX, CX
	ADDQ    CX, R9
	ADDQ    CX, R8
	MOVBLZX (SI)(R9*1), BX
	MOVQ    (R11)(BX*8), CX
	MOVQ    CX, AX
	SHRQ    $56, AX
	JZ      done
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

done:
	MOVQ R9, ret+72(FP)
	MOVQ R8, ret1+80(FP)
	RET
