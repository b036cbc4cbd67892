package dev.jhsim.hypervisor.core;

/** Hypercall codes and arguments ({@code include/jailhouse/hypercall.h}). */
public final class Hypercall {
    public static final int DISABLE = 0;
    public static final int CELL_CREATE = 1;
    public static final int CELL_START = 2;
    public static final int CELL_SET_LOADABLE = 3;
    public static final int CELL_DESTROY = 4;
    public static final int HYPERVISOR_GET_INFO = 5;
    public static final int CELL_GET_STATE = 6;
    public static final int CPU_GET_INFO = 7;
    public static final int DEBUG_CONSOLE_PUTC = 8;

    public static final int INFO_MEM_POOL_SIZE = 0;
    public static final int INFO_MEM_POOL_USED = 1;
    public static final int INFO_REMAP_POOL_SIZE = 2;
    public static final int INFO_REMAP_POOL_USED = 3;
    public static final int INFO_NUM_CELLS = 4;

    public static final int CPU_INFO_STATE = 0;
    public static final int CPU_INFO_STAT_BASE = 1000;
    public static final int CPU_RUNNING = 0;
    public static final int CPU_FAILED = 2;

    private Hypercall() {
    }
}
