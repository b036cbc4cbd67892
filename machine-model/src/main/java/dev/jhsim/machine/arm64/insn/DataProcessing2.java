package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** Two-source data processing: UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32, CRC32C. */
final class DataProcessing2 {
    private DataProcessing2() {
    }

    static void register(DecodeTable t) {
        t.add("data-processing (2 source)", "s 0 0 11010110 mmmmm oooooo nnnnn ddddd", DataProcessing2::decode);
    }

    private static Insn decode(Fields f) {
        int op = f.u('o');
        boolean sf = f.is('s');
        int rd = Regs.dzr(f.u('d'));
        if (op == 2 || op == 3) {
            return new Divide(sf, op == 3, rd, f.u('n'), f.u('m'));
        }
        if (op >= 8 && op <= 11) {
            return new ShiftVariable(sf, op - 8, rd, f.u('n'), f.u('m'));
        }
        if (op >= 16 && op <= 23 && sf == ((op & 3) == 3)) {
            return new Crc32(rd, f.u('n'), f.u('m'), 1 << (op & 3), (op & 4) != 0);
        }
        return new Undefined(f.word(), f.pc());
    }

    static final class Divide extends Insn {
        private final boolean sf;
        private final boolean signed;
        private final int rd;
        private final int rn;
        private final int rm;

        Divide(boolean sf, boolean signed, int rd, int rn, int rm) {
            this.sf = sf;
            this.signed = signed;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            long b = c.x[rm];
            long r;
            if (sf) {
                if (b == 0) {
                    r = 0;
                } else if (signed) {
                    r = (a == Long.MIN_VALUE && b == -1) ? a : a / b;
                } else {
                    r = Long.divideUnsigned(a, b);
                }
            } else {
                int ia = (int) a;
                int ib = (int) b;
                if (ib == 0) {
                    r = 0;
                } else if (signed) {
                    r = (ia == Integer.MIN_VALUE && ib == -1) ? ia : ia / ib;
                } else {
                    r = Integer.divideUnsigned(ia, ib);
                }
                r &= Regs.M32;
            }
            c.x[rd] = r;
            return true;
        }
    }

    static final class ShiftVariable extends Insn {
        private final boolean sf;
        private final int type;
        private final int rd;
        private final int rn;
        private final int rm;

        ShiftVariable(boolean sf, int type, int rd, int rn, int rm) {
            this.sf = sf;
            this.type = type;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int amount = (int) c.x[rm] & (sf ? 63 : 31);
            c.x[rd] = Operands.shift(c.x[rn], type, amount, sf);
            return true;
        }
    }

    static final class Crc32 extends Insn {
        private static final int[] CRC32 = table(0xEDB88320);
        private static final int[] CRC32C = table(0x82F63B78);

        private final int rd;
        private final int rn;
        private final int rm;
        private final int bytes;
        private final int[] table;

        Crc32(int rd, int rn, int rm, int bytes, boolean castagnoli) {
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.bytes = bytes;
            this.table = castagnoli ? CRC32C : CRC32;
        }

        private static int[] table(int reflectedPoly) {
            int[] t = new int[256];
            for (int i = 0; i < 256; i++) {
                int crc = i;
                for (int k = 0; k < 8; k++) {
                    crc = (crc >>> 1) ^ (reflectedPoly & -(crc & 1));
                }
                t[i] = crc;
            }
            return t;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int crc = (int) c.x[rn];
            long data = c.x[rm];
            for (int i = 0; i < bytes; i++) {
                crc = (crc >>> 8) ^ table[(crc ^ (int) (data >>> (8 * i))) & 0xFF];
            }
            c.x[rd] = crc & Regs.M32;
            return true;
        }
    }
}
