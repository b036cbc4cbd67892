package dev.jhsim.machine.arm64.sysreg;

import java.util.HashMap;
import java.util.Map;

/**
 * The table MRS, MSR and SYS dispatch through, keyed by the encoding
 * (op0, op1, CRn, CRm, op2). Devices and the system model add entries; an
 * encoding with no entry is UNDEFINED. Lookup is a plain array index.
 */
public final class SystemRegisters {
    private final SystemRegister[] table = new SystemRegister[1 << 16];
    private final String[] names = new String[1 << 16];
    private final Map<String, Integer> keys = new HashMap<>();

    /** The 16-bit key: op0(2) op1(3) CRn(4) CRm(4) op2(3), as in bits 20..5 of MRS/MSR/SYS. */
    public static int key(int op0, int op1, int crn, int crm, int op2) {
        return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    public void register(String name, int op0, int op1, int crn, int crm, int op2, SystemRegister register) {
        int key = key(op0, op1, crn, crm, op2);
        table[key] = register;
        names[key] = name;
        keys.put(name, key);
    }

    /** The key of the register registered as {@code name} ("HCR_EL2", "TLBI VMALLS12E1IS"...). */
    public int keyOf(String name) {
        Integer key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("no system register named " + name);
        }
        return key;
    }

    /** The entry at {@code key}, or {@code null} (UNDEFINED). */
    public SystemRegister lookup(int key) {
        return table[key];
    }

    /** The registered name, or the generic S&lt;op0&gt;_&lt;op1&gt;_C&lt;n&gt;_C&lt;m&gt;_&lt;op2&gt; form. */
    public String name(int key) {
        String n = names[key];
        return n != null ? n : String.format("S%d_%d_C%d_C%d_%d",
                key >>> 14, (key >>> 11) & 7, (key >>> 7) & 15, (key >>> 3) & 15, key & 7);
    }
}
