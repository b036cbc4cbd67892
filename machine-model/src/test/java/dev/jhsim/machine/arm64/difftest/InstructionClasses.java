package dev.jhsim.machine.arm64.difftest;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The classes of the randomized differential suite and how each draws its
 * cases. Register fields use X0-X15 and register 31 (SP or ZR); the memory
 * classes use X9-X12 or SP as base (pointing into the scratch area), X13-X15
 * as small index registers, and keep offsets inside the scratch area.
 */
final class InstructionClasses {
    /** Cases per class: 2000 in the build; {@code -Djhsim.difftest.cases=N} runs more. */
    static final int CASES = Integer.getInteger("jhsim.difftest.cases", 2000);
    private static final int ADD_X0_1 = 0x91000400;

    private InstructionClasses() {
    }

    // ---- field choosers ----

    /** X0-X15 or 31. */
    static int gp(Random r) {
        int v = r.nextInt(18);
        return v >= 16 ? 31 : v;
    }

    /** Registers a memory case may load into or store from: not the base or index registers. */
    static int data(Random r) {
        int[] regs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 31};
        return regs[r.nextInt(regs.length)];
    }

    static int base(Random r) {
        int[] regs = {9, 10, 11, 12, 31};
        return regs[r.nextInt(regs.length)];
    }

    static int vreg(Random r) {
        return r.nextInt(8);
    }

    private static ToIntFunction<Random> signed(int lo, int hi, int bits) {
        return r -> (lo + r.nextInt(hi - lo)) & ((1 << bits) - 1);
    }

    private static Template t(String pattern) {
        return new Template(pattern);
    }

    private static InstructionClass.CaseSource one(Template... templates) {
        return r -> new int[] {templates[r.nextInt(templates.length)].next(r)};
    }

    private static InstructionClass cls(String name, String covers, InstructionClass.CaseSource source) {
        return new InstructionClass(name, covers, false, CASES, 0, source);
    }

    private static InstructionClass memory(String name, String covers, InstructionClass.CaseSource source) {
        return new InstructionClass(name, covers, true, CASES, 0, source);
    }

    private static Template gp3(String pattern) {
        return t(pattern).with('d', InstructionClasses::gp).with('n', InstructionClasses::gp)
                .with('m', InstructionClasses::gp);
    }

    private static Template v3(String pattern) {
        return t(pattern).with('d', InstructionClasses::vreg).with('n', InstructionClasses::vreg)
                .with('m', InstructionClasses::vreg);
    }

    static List<InstructionClass> all() {
        return List.of(
            cls("add/sub (immediate)", "ADD, ADDS, SUB, SUBS, CMP, CMN, MOV to/from SP",
                one(gp3("soS 100010 h iiiiiiiiiiii nnnnn ddddd"))),
            cls("add/sub (shifted register)", "ADD, ADDS, SUB, SUBS, NEG, NEGS, CMP, CMN with LSL/LSR/ASR",
                one(gp3("soS 01011 tt 0 mmmmm iiiiii nnnnn ddddd"))),
            cls("add/sub (extended register)", "ADD, ADDS, SUB, SUBS with UXTB..SXTX and shift 0-4",
                one(gp3("soS 01011 00 1 mmmmm xxx iii nnnnn ddddd").with('i', r -> r.nextInt(5)))),
            cls("add/sub with carry", "ADC, ADCS, SBC, SBCS, NGC, NGCS",
                one(gp3("soS 11010000 mmmmm 000000 nnnnn ddddd"))),
            cls("logical (immediate)", "AND, ORR, EOR, ANDS, TST, MOV (bitmask) with every element size and rotation",
                one(gp3("soo 100100 N rrrrrr kkkkkk nnnnn ddddd"))),
            cls("logical (shifted register)", "AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS, MOV, MVN, TST with all shifts",
                one(gp3("soo 01010 tt N mmmmm iiiiii nnnnn ddddd"))),
            cls("move wide", "MOVZ, MOVN, MOVK with every shift",
                one(gp3("soo 100101 hh iiiiiiiiiiiiiiii ddddd"))),
            cls("bitfield", "SBFM, BFM, UBFM and aliases (ASR, LSL, LSR, SXTB/H/W, UXTB/H, BFI, BFXIL, SBFX, UBFX...)",
                one(gp3("soo 100110 N rrrrrr kkkkkk nnnnn ddddd"))),
            cls("extract", "EXTR, ROR (immediate)", one(gp3("s00 100111 N 0 mmmmm kkkkkk nnnnn ddddd"))),
            cls("data-processing (1 source)", "RBIT, REV16, REV32, REV, CLZ, CLS",
                one(gp3("s 1 0 11010110 00000 oooooo nnnnn ddddd").with('o', r -> r.nextInt(6)))),
            cls("data-processing (2 source)", "UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32B/H/W/X, CRC32CB/H/W/X",
                one(gp3("s 0 0 11010110 mmmmm oooooo nnnnn ddddd")
                    .oneOf('o', 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23))),
            cls("data-processing (3 source)", "MADD, MSUB, MUL, MNEG, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULL, UMULL, SMULH, UMULH",
                one(gp3("s 00 11011 ppp mmmmm q aaaaa nnnnn ddddd").oneOf('p', 0, 1, 2, 5, 6)
                    .with('a', InstructionClasses::gp))),
            cls("conditional select", "CSEL, CSINC, CSINV, CSNEG, CSET, CSETM, CINC, CINV, CNEG",
                one(gp3("s o 0 11010100 mmmmm cccc 0 p nnnnn ddddd"))),
            cls("conditional compare", "CCMP, CCMN (register and immediate)",
                one(gp3("s o 1 11010010 mmmmm cccc i 0 nnnnn 0 ffff"))),
            cls("PC-relative addressing", "ADR, ADRP", one(gp3("o ll 10000 hhhhhhhhhhhhhhhhhhh ddddd"))),
            cls("branches", "B.cond (all conditions), CBZ, CBNZ, TBZ, TBNZ, B", InstructionClasses::branch),
            cls("compare and branch", "CMP (immediate, register) followed by B.cond: the pair the core fuses",
                InstructionClasses::compareAndBranch),
            memory("load/store register (integer)",
                "LDR/STR/LDRB/STRB/LDRH/STRH/LDRSB/LDRSH/LDRSW, LDUR/STUR, LDTR/STTR, PRFM: unsigned offset, "
                    + "unscaled, pre/post-index, register offset with UXTW/LSL/SXTW/SXTX",
                r -> new int[] {singleRegister(r, false)}),
            memory("load/store register (SIMD&FP)", "LDR/STR of B, H, S, D, Q registers in every addressing form",
                r -> new int[] {singleRegister(r, true)}),
            memory("load/store pair", "LDP, STP, LDPSW, LDNP, STNP (X, W, S, D, Q): offset, pre/post-index",
                InstructionClasses::pair),
            new InstructionClass("load literal", "LDR (literal) W, X, S, D, Q; LDRSW (literal); PRFM (literal)",
                true, CASES, 4, InstructionClasses::literal),
            memory("exclusive, acquire/release, CAS",
                "LDXR/STXR, LDAXR/STLXR (B, H, W, X), LDXP/STXP, LDAXP/STLXP, CLREX, LDAR, STLR, LDLAR, STLLR, "
                    + "LDAPR, CAS/CASA/CASL/CASAL (B, H, W, X), CASP",
                InstructionClasses::exclusive),
            memory("atomic memory operations",
                "LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP (all sizes, acquire/release), ST* aliases",
                r -> new int[] {t("zz 111 0 00 A R 1 sssss o ppp 00 nnnnn ttttt").with('s', InstructionClasses::data)
                    .with('t', InstructionClasses::data).with('n', InstructionClasses::base)
                    .with('o', x -> 0).next(r) | (r.nextInt(9) == 0 ? 0x8000 : 0)}),
            cls("FP data-processing", "FMOV, FABS, FNEG, FSQRT, FCVT (S<->D), FRINTN/P/M/Z/A/X/I, FMUL, FDIV, FADD, "
                    + "FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL, FMADD, FMSUB, FNMADD, FNMSUB (S, D)",
                one(v3("000 11110 tt 1 oooooo 10000 nnnnn ddddd").oneOf('t', 0, 1).with('o', r -> r.nextInt(16)),
                    v3("000 11110 tt 1 mmmmm oooo 10 nnnnn ddddd").oneOf('t', 0, 1).with('o', r -> r.nextInt(9)),
                    v3("000 11111 tt o mmmmm q aaaaa nnnnn ddddd").oneOf('t', 0, 1)
                        .with('a', InstructionClasses::vreg))),
            cls("FP compare and select", "FCMP, FCMPE (register and zero), FCCMP, FCCMPE, FCSEL (S, D)",
                one(v3("000 11110 tt 1 mmmmm 001000 nnnnn oo000").oneOf('t', 0, 1),
                    v3("000 11110 tt 1 mmmmm cccc 01 nnnnn o ffff").oneOf('t', 0, 1),
                    v3("000 11110 tt 1 mmmmm cccc 11 nnnnn ddddd").oneOf('t', 0, 1))),
            cls("FP conversions and moves",
                "SCVTF, UCVTF, FCVTNS/NU/PS/PU/MS/MU/ZS/ZU/AS/AU (W, X from S, D), fixed-point SCVTF, UCVTF, "
                    + "FCVTZS, FCVTZU, FMOV general<->FP incl. V.D[1], FMOV (immediate)",
                InstructionClasses::fpInteger),
            cls("SIMD integer three same", "ADD, SUB, MUL, MLA, MLS, AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF, CMEQ, "
                    + "CMGT, CMGE, CMHI, CMHS, CMTST, SMAX/UMAX, SMIN/UMIN, SMAXP/UMAXP, SMINP/UMINP, ADDP, "
                    + "SHADD/UHADD, SRHADD/URHADD, SHSUB/UHSUB, SQADD/UQADD, SQSUB/UQSUB, SABD/UABD, SABA/UABA, "
                    + "SSHL/USHL, SQSHL/UQSHL, SRSHL/URSHL, SQRSHL/UQRSHL, SQDMULH, SQRDMULH, PMUL; scalar ADD, SUB, "
                    + "CMxx, SQADD/UQADD, SQSUB/UQSUB, SSHL/USHL, SQSHL/UQSHL, SRSHL/URSHL, SQRSHL/UQRSHL, SQDMULH, "
                    + "SQRDMULH (FPSR.QC compared)",
                one(v3("0 Q U 01110 zz 1 mmmmm ooooo 1 nnnnn ddddd").with('o', r -> r.nextInt(24)),
                    v3("01 U 11110 zz 1 mmmmm ooooo 1 nnnnn ddddd").with('o', r -> r.nextInt(24)))),
            cls("SIMD two-register and across lanes", "REV16/32/64, SADDLP/UADDLP, SADALP/UADALP, CLS, CLZ, CNT, NOT, "
                    + "RBIT, CMGT/CMGE/CMEQ/CMLE/CMLT #0, ABS, NEG, XTN(2), SQXTN/UQXTN/SQXTUN(2), SQABS, SQNEG, "
                    + "SUQADD, USQADD, SHLL(2) (vector and scalar where defined), ADDV, SADDLV/UADDLV, SMAXV/UMAXV, "
                    + "SMINV/UMINV, ADDP (scalar)",
                one(v3("0 Q U 01110 zz 10000 ooooo 10 nnnnn ddddd").with('o', r -> r.nextInt(21)),
                    v3("01 U 11110 zz 10000 ooooo 10 nnnnn ddddd").oneOf('o', 3, 7, 8, 9, 10, 11, 18, 20),
                    v3("0 Q U 01110 zz 11000 ooooo 10 nnnnn ddddd").oneOf('o', 3, 10, 26, 27),
                    v3("01 U 11110 zz 11000 ooooo 10 nnnnn ddddd").oneOf('o', 27))),
            cls("SIMD copy, immediates, permutes, table lookup",
                "DUP (element, general, scalar), INS (element, general), UMOV, SMOV, MOVI, MVNI, ORR/BIC (immediate), "
                    + "FMOV (vector immediate), UZP1/2, TRN1/2, ZIP1/2, EXT, TBL, TBX (1-4 registers)",
                one(v3("0 Q o 01110000 iiiii 0 kkkk 1 nnnnn ddddd").oneOf('k', 0, 1, 3, 5, 7, 2, 6)
                        .with('n', InstructionClasses::gp).with('d', InstructionClasses::gp),
                    v3("0 Q o 01110000 iiiii 0 kkkk 1 nnnnn ddddd"),
                    v3("01 0 11110000 iiiii 0 0000 1 nnnnn ddddd"),
                    v3("0 Q o 0111100000 aaa mmmm 0 1 hhhhh ddddd"),
                    v3("0 Q 001110 zz 0 mmmmm 0 ooo 10 nnnnn ddddd"),
                    v3("0 Q 101110 00 0 mmmmm 0 iiii 0 nnnnn ddddd"),
                    v3("0 Q 001110 000 mmmmm 0 ll o 00 nnnnn ddddd").with('n', r -> r.nextInt(5)))),
            cls("SIMD shifts, long and narrow",
                "SSHR/USHR, SSRA/USRA, SRSHR/URSHR, SRSRA/URSRA, SHL, SLI, SRI, SQSHL/UQSHL/SQSHLU (immediate), "
                    + "SHRN(2), RSHRN(2), SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN(2), SSHLL/USHLL(2) "
                    + "(SXTL/UXTL), their scalar forms; SADDL/UADDL, SADDW/UADDW, SSUBL/USUBL, SSUBW/USUBW, "
                    + "ADDHN/RADDHN, SUBHN/RSUBHN, SABAL/UABAL, SABDL/UABDL, SMLAL/UMLAL, SMLSL/UMLSL, SMULL/UMULL, "
                    + "SQDMULL, SQDMLAL, SQDMLSL, PMULL (8-bit) (and 2, scalar where defined); by element: MUL, MLA, MLS, "
                    + "SMULL/UMULL, SMLAL/UMLAL, SMLSL/UMLSL, SQDMULH, SQRDMULH, SQDMULL, SQDMLAL, SQDMLSL (and 2, scalar)",
                one(v3("0 Q U 011110 hhhh bbb ooooo 1 nnnnn ddddd")
                        .oneOf('o', 0, 2, 4, 6, 8, 10, 12, 14, 16, 17, 18, 19, 20)
                        .with('h', r -> 1 + r.nextInt(15)),
                    v3("01 U 111110 hhhh bbb ooooo 1 nnnnn ddddd").oneOf('o', 0, 2, 4, 6, 8, 10, 12, 14)
                        .with('h', r -> 8 + r.nextInt(8)),
                    v3("01 U 111110 hhhh bbb ooooo 1 nnnnn ddddd").oneOf('o', 12, 14, 16, 17, 18, 19)
                        .with('h', r -> 1 + r.nextInt(7)),
                    v3("0 Q U 01110 zz 1 mmmmm oooo 00 nnnnn ddddd"),
                    v3("0 Q U 01111 zz L M 0mmm oooo H 0 nnnnn ddddd").oneOf('z', 1, 2)
                        .oneOf('o', 0, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13),
                    v3("01 0 11110 zz 1 mmmmm oooo 00 nnnnn ddddd").oneOf('z', 1, 2).oneOf('o', 9, 11, 13),
                    v3("01 0 11111 zz L M 0mmm oooo H 0 nnnnn ddddd").oneOf('z', 1, 2).oneOf('o', 3, 7, 11, 12, 13))),
            cls("SIMD floating point", "FADD, FSUB, FMUL, FDIV, FMAX, FMIN, FMAXNM, FMINNM, FMLA, FMLS, FABD, FADDP, "
                    + "FMAXP, FMINP, FMAXNMP, FMINNMP, FCMEQ/GE/GT (register and #0), FCMLE/FCMLT #0, FACGE, FACGT, FABS, "
                    + "FNEG, FSQRT, FRINT*, FCVT[NPMZA][SU], SCVTF, UCVTF, FCVTN(2), FCVTXN(2), FCVTL(2); scalar FABD, FCMxx, "
                    + "FACxx, FCVT*, FCVTXN, SCVTF, UCVTF, FADDP; FMULX, FRECPS, FRSQRTS, FRECPE, FRSQRTE, URECPE, URSQRTE, "
                    + "FRECPX (vector and scalar where defined); by element: FMUL, FMULX, FMLA, FMLS (vector and scalar)",
                one(v3("0 Q U 01110 zz 1 mmmmm 11 ooo 1 nnnnn ddddd"),
                    v3("01 U 11110 zz 1 mmmmm 11 ooo 1 nnnnn ddddd"),
                    v3("0 Q U 01110 zz 10000 ooooo 10 nnnnn ddddd").with('o', r -> 12 + r.nextInt(20)),
                    v3("01 U 11110 zz 10000 ooooo 10 nnnnn ddddd").with('o', r -> 12 + r.nextInt(20)),
                    v3("01 1 11110 0z 11000 01101 10 nnnnn ddddd"),
                    v3("0 Q U 01111 1z L M 0mmm oooo H 0 nnnnn ddddd").oneOf('o', 1, 5, 9),
                    v3("01 U 11111 1z L M 0mmm oooo H 0 nnnnn ddddd").oneOf('o', 1, 5, 9))),
            memory("SIMD structure loads/stores", "LD1/ST1 (1-4 registers), LD2/ST2, LD3/ST3, LD4/ST4 (multiple "
                    + "structures and single lanes), LD1R-LD4R: no offset, post-index immediate and register",
                one(t("0 Q 001100 p L 0 mmmmm oooo zz nnnnn ttttt").oneOf('o', 0, 2, 4, 6, 7, 8, 10)
                        .with('t', r -> r.nextInt(5)).with('n', InstructionClasses::base)
                        .oneOf('m', 0, 13, 14, 31),
                    t("0 Q 001101 p L R mmmmm ooo S zz nnnnn ttttt")
                        .with('t', r -> r.nextInt(5)).with('n', InstructionClasses::base)
                        .oneOf('m', 0, 13, 14, 31))),
            memory("system instructions", "MRS/MSR NZCV and TPIDR_EL0, NOP and hints, DMB, DSB, ISB, CLREX",
                InstructionClasses::system));
    }

    private static int[] branch(Random r) {
        int kind = r.nextInt(4);
        int first = switch (kind) {
            case 0 -> 0x54000040 | r.nextInt(16);
            case 1 -> t("s 011010 o 0000000000000000010 ttttt").with('t', InstructionClasses::gp).next(r);
            case 2 -> t("b 011011 o kkkkk 00000000000010 ttttt").with('t', InstructionClasses::gp).next(r);
            default -> 0x14000002;
        };
        return new int[] {first, ADD_X0_1};
    }

    private static int[] compareAndBranch(Random r) {
        int cmp = r.nextBoolean()
                ? t("s 11 100010 h iiiiiiiiiiii nnnnn 11111").with('n', InstructionClasses::gp)
                    .with('i', x -> x.nextInt(4) == 0 ? x.nextInt(4096) : x.nextInt(8)).next(r)
                : t("s 11 01011 00 0 mmmmm 000000 nnnnn 11111").with('n', InstructionClasses::gp)
                    .with('m', InstructionClasses::gp).next(r);
        return new int[] {cmp, 0x54000040 | r.nextInt(16), ADD_X0_1};
    }

    private static int singleRegister(Random r, boolean simd) {
        int v = simd ? 1 : 0;
        ToIntFunction<Random> rt = simd ? InstructionClasses::vreg : InstructionClasses::data;
        return switch (r.nextInt(3)) {
            case 0 -> t("ss 111 V 01 oo iiiiiiiiiiii nnnnn ttttt").fixed('V', v).with('i', x -> x.nextInt(32))
                    .with('n', InstructionClasses::base).with('t', rt).next(r);
            case 1 -> t("ss 111 V 00 oo 0 iiiiiiiii ww nnnnn ttttt").fixed('V', v).with('i', signed(-128, 128, 9))
                    .with('n', InstructionClasses::base).with('t', rt).next(r);
            default -> {
                int option = new int[] {2, 3, 6, 7}[r.nextInt(4)];
                int m = option >= 6 ? 13 + r.nextInt(3) : 13 + r.nextInt(2);
                yield t("ss 111 V 00 oo 1 mmmmm xxx S 10 nnnnn ttttt").fixed('V', v).fixed('x', option)
                        .fixed('m', m).with('n', InstructionClasses::base).with('t', rt).next(r);
            }
        };
    }

    private static int[] pair(Random r) {
        boolean simd = r.nextBoolean();
        ToIntFunction<Random> rt = simd ? InstructionClasses::vreg : InstructionClasses::data;
        int w = t("oo 101 V 0pp L iiiiiii uuuuu nnnnn ttttt").fixed('V', simd ? 1 : 0)
                .with('i', signed(-8, 8, 7)).with('n', InstructionClasses::base).with('t', rt).with('u', rt).next(r);
        boolean load = (w & (1 << 22)) != 0;
        if (load && ((w >>> 10) & 31) == (w & 31)) {
            return null;
        }
        return new int[] {w};
    }

    private static int[] literal(Random r) {
        int ldr = t("oo 011 V 00 0000000000000000010 ttttt").with('t', x -> x.nextInt(9)).next(r);
        return new int[] {ldr, 0x14000005, r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt()};
    }

    private static int[] exclusive(Random r) {
        int size = r.nextInt(4);
        int base = base(r);
        int rt = r.nextInt(9);
        int rs = (rt + 1 + r.nextInt(8)) % 9;
        switch (r.nextInt(5)) {
            case 0 -> {
                int ld = t("zz 001000 0 1 0 11111 q 11111 nnnnn ttttt").fixed('z', size).fixed('n', base)
                        .fixed('t', rt).next(r);
                int st = t("zz 001000 0 0 0 sssss q 11111 nnnnn ttttt").fixed('z', size).fixed('n', base)
                        .fixed('t', rt).fixed('s', rs).next(r);
                return new int[] {0xD503305F, ld, st};
            }
            case 1 -> {
                int psize = 2 + r.nextInt(2);
                int rt2 = (rt + 1) % 9;
                int ld = t("zz 001000 0 1 1 11111 q uuuuu nnnnn ttttt").fixed('z', psize).fixed('n', base)
                        .fixed('t', rt).fixed('u', rt2).next(r);
                int rs2 = (rt2 + 1) % 9;
                int st = t("zz 001000 0 0 1 sssss q uuuuu nnnnn ttttt").fixed('z', psize).fixed('n', base)
                        .fixed('t', rt).fixed('u', rt2).fixed('s', rs2).next(r);
                return new int[] {0xD503305F, ld, st};
            }
            case 2 -> {
                return new int[] {t("zz 001000 1 L 0 11111 q 11111 nnnnn ttttt").fixed('z', size).fixed('n', base)
                        .fixed('t', rt).next(r)};
            }
            case 3 -> {
                int preload = t("zz 111 0 01 01 000000000000 nnnnn sssss").fixed('z', size).fixed('n', base)
                        .fixed('s', rs).next(r);
                int cas = t("zz 001000 1 L 1 sssss q 11111 nnnnn ttttt").fixed('z', size).fixed('n', base)
                        .fixed('t', rt).fixed('s', rs).next(r);
                return r.nextBoolean() ? new int[] {preload, cas} : new int[] {cas};
            }
            default -> {
                int[] even = {0, 2, 4, 6};
                int s = even[r.nextInt(4)];
                int tt = even[r.nextInt(4)];
                if (s == tt) {
                    return null;
                }
                int casp = t("0 z 001000 0 L 1 sssss q 11111 nnnnn ttttt").fixed('n', base).fixed('s', s)
                        .fixed('t', tt).next(r);
                int preload = (casp & (1 << 30)) != 0
                        ? t("10 101 0 010 1 0000000 uuuuu nnnnn sssss").fixed('n', base).fixed('s', s).fixed('u', s + 1).next(r)
                        : t("00 101 0 010 1 0000000 uuuuu nnnnn sssss").fixed('n', base).fixed('s', s).fixed('u', s + 1).next(r);
                return r.nextBoolean() ? new int[] {preload, casp} : new int[] {casp};
            }
        }
    }

    private static int[] fpInteger(Random r) {
        int choice = r.nextInt(6);
        if (choice == 4) {
            return new int[] {v3("000 11110 tt 1 iiiiiiii 100 00000 ddddd").oneOf('t', 0, 1).next(r)};
        }
        if (choice == 5) {
            boolean toFp = r.nextBoolean();
            return new int[] {t("s 00 11110 tt 0 rr ooo kkkkkk nnnnn ddddd").oneOf('t', 0, 1)
                    .fixed('r', toFp ? 0 : 3).with('o', x -> (toFp ? 2 : 0) + x.nextInt(2))
                    .with('d', toFp ? InstructionClasses::vreg : InstructionClasses::gp)
                    .with('n', toFp ? InstructionClasses::gp : InstructionClasses::vreg).next(r)};
        }
        Template conv = t("s 00 11110 tt 1 rr ooo 000000 nnnnn ddddd");
        int op = new int[] {0, 1, 2, 3, 4, 5, 6, 7}[r.nextInt(8)];
        boolean toFp = op == 2 || op == 3 || op == 7;
        conv.fixed('o', op).with('d', toFp ? InstructionClasses::vreg : InstructionClasses::gp)
                .with('n', toFp ? InstructionClasses::gp : InstructionClasses::vreg);
        if (op == 6 || op == 7) {
            conv.with('r', x -> x.nextInt(4) == 0 ? 1 : 0).with('t', x -> x.nextInt(3));
        } else {
            conv.oneOf('t', 0, 1).with('r', x -> op >= 2 ? 0 : x.nextInt(4));
        }
        return new int[] {conv.next(r)};
    }

    private static int[] system(Random r) {
        int reg = r.nextInt(9);
        // DC ZVA is not compared: its block size is a property of the CPU model (qemu's differs).
        return switch (r.nextInt(5)) {
            case 0 -> new int[] {0xD51B4200 | reg, 0xD53B4200 | ((reg + 1) % 9)};
            case 1 -> new int[] {0xD51BD040 | reg, 0xD53BD040 | ((reg + 1) % 9)};
            case 2 -> new int[] {hintNotWait(r)};
            case 3 -> new int[] {t("11010101000000110011 kkkk ppp 11111").oneOf('p', 2, 4, 5, 6).next(r)};
            default -> new int[] {0xD503201F};
        };
    }

    /** A hint other than WFE/WFI (which would wait) and the PAC forms that change X16, X17 or X30. */
    private static int hintNotWait(Random r) {
        int[] safe = {0x00, 0x01, 0x04, 0x05, 0x07, 0x10, 0x11, 0x12, 0x14, 0x20, 0x22, 0x24, 0x26};
        int op = safe[r.nextInt(safe.length)];
        return 0xD503201F | (op << 5);
    }
}
