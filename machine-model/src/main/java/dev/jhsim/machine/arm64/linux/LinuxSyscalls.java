package dev.jhsim.machine.arm64.linux;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.ExceptionRouter;
import dev.jhsim.machine.arm64.Syndrome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Linux kernel as a user-mode program sees it: the exception router for
 * a user-mode CPU. SVC becomes an emulated system call (number in X8,
 * arguments in X0..X5, result in X0); any other exception ends the process as
 * the matching signal would. Time is virtual: instructions retired at the CPU
 * clock. Nothing here reads the host's clock, files or environment.
 */
final class LinuxSyscalls implements ExceptionRouter {
    private static final int ENOENT = 2;
    private static final int EBADF = 9;
    private static final int ENOMEM = 12;
    private static final int EFAULT = 14;
    private static final int EINVAL = 22;
    private static final int ENOTTY = 25;
    private static final int ESPIPE = 29;
    private static final int ENOSYS = 38;
    private static final long AT_EMPTY_PATH = 0x1000;
    private static final long MAP_FIXED = 0x10;
    private static final long MAP_ANONYMOUS = 0x20;

    private static final int EAGAIN = 11;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(23, "dup"), Map.entry(24, "dup3"), Map.entry(25, "fcntl"),
            Map.entry(48, "faccessat"), Map.entry(61, "getdents64"), Map.entry(67, "pread64"),
            Map.entry(153, "times"), Map.entry(198, "socket"), Map.entry(220, "clone"),
            Map.entry(221, "execve"), Map.entry(260, "wait4"), Map.entry(435, "clone3"));

    private final LinuxProcess process;
    private final GuestMemory memory;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final String executablePath;
    private long randomState = 0x2545F4914F6CDD1DL;
    /** Time the program spent "sleeping": added to the clock, which otherwise counts instructions. */
    private long sleptNs;
    private int exitCode;
    private String failure;

    LinuxSyscalls(LinuxProcess process, InputStream stdin, OutputStream stdout, OutputStream stderr,
            String executablePath) {
        this.process = process;
        this.memory = new GuestMemory(process.bus());
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.executablePath = executablePath;
    }

    int exitCode() {
        return exitCode;
    }

    /** Why the process was stopped by the simulator rather than by exiting, or {@code null}. */
    String failure() {
        return failure;
    }

    @Override
    public void route(Arm64Cpu cpu, Syndrome s) {
        switch (s.ec) {
            case Syndrome.EC_SVC64 -> cpu.x[0] = call(cpu, (int) cpu.x[8]);
            case Syndrome.EC_UNKNOWN -> kill(cpu, 4, String.format(
                    "illegal instruction 0x%08x at pc 0x%x (SIGILL)", s.encoding, s.pc));
            case Syndrome.EC_DABT_LOWER, Syndrome.EC_DABT_SAME, Syndrome.EC_IABT_LOWER, Syndrome.EC_IABT_SAME -> {
                boolean alignment = (s.iss & 0x3F) == Syndrome.FSC_ALIGNMENT;
                String what = s.ec >= Syndrome.EC_DABT_LOWER
                        ? ((s.iss & (1 << 6)) != 0 ? "write to" : "read from") : "instruction fetch from";
                kill(cpu, alignment ? 7 : 11, String.format("%s: %s 0x%x at pc 0x%x (%s)",
                        alignment ? "alignment fault" : "segmentation fault", what, s.far, s.pc,
                        alignment ? "SIGBUS" : "SIGSEGV"));
            }
            case Syndrome.EC_PC_ALIGN, Syndrome.EC_SP_ALIGN -> kill(cpu, 7,
                    String.format("misaligned %s at pc 0x%x (SIGBUS)", s.ec == Syndrome.EC_PC_ALIGN ? "pc" : "sp", s.pc));
            case Syndrome.EC_BRK -> kill(cpu, 5, String.format("breakpoint #0x%x at pc 0x%x (SIGTRAP)", s.iss, s.pc));
            default -> kill(cpu, 4, "unexpected exception: " + s);
        }
    }

    private void kill(Arm64Cpu cpu, int signal, String message) {
        exitCode = 128 + signal;
        failure = message;
        cpu.halt(message);
    }

    private long call(Arm64Cpu cpu, int number) {
        long a0 = cpu.x[0];
        long a1 = cpu.x[1];
        long a2 = cpu.x[2];
        long a3 = cpu.x[3];
        return switch (number) {
            case 29 -> a1 == 0x5401 ? -ENOTTY : -EINVAL;            // ioctl: only TCGETS, never a tty
            case 57 -> 0;                                           // close
            case 62 -> a0 <= 2 ? -ESPIPE : -EBADF;                  // lseek
            case 63 -> read(a0, a1, a2);
            case 64 -> write(a0, a1, a2);
            case 66 -> writev(a0, a1, a2);
            case 78 -> readlink(a1, a2, a3);
            case 79 -> (a3 & AT_EMPTY_PATH) != 0 ? fstat(a0, a2) : -ENOENT;
            case 80 -> fstat(a0, a1);
            case 93, 94 -> exit(cpu, (int) a0);
            case 96, 178, 172 -> 1000;                              // set_tid_address, gettid, getpid
            case 173 -> 1;                                          // getppid
            case 99, 293 -> -ENOSYS;                                // set_robust_list, rseq
            case 113, 169 -> clock(cpu, number == 113 ? a1 : a0, number == 169);
            case 114 -> a1 == 0 || memory.writeLongs(a1, 0, 1) ? 0 : -EFAULT;
            case 129, 130, 131 -> signal(cpu, number == 131 ? a2 : a1);
            case 134, 135 -> sigaction(a2, number == 134 ? 32 : 8);
            case 160 -> uname(a0);
            case 174, 175, 176, 177 -> 0;                           // uid and gid: root
            case 214 -> process.brk(a0);
            case 215, 226, 233 -> 0;                                // munmap, mprotect, madvise
            case 216 -> -ENOMEM;                                    // mremap: callers fall back to copying
            case 222 -> mmap(a0, a1, cpu.x[3]);
            case 261 -> prlimit(a1, a3);
            case 278 -> random(a0, a1);
            case 56 -> -ENOENT;                                     // openat: no file system
            case 17 -> getcwd(a0, a1);
            case 98 -> (a1 & 0x7F) == 0 ? -EAGAIN : 0;              // futex: one thread, nothing to wait for
            case 101 -> sleep(cpu, a0, false);                      // nanosleep
            case 115 -> sleep(cpu, a2, (a1 & 1) != 0);              // clock_nanosleep, TIMER_ABSTIME in bit 0
            case 124, 132 -> 0;                                     // sched_yield, sigaltstack
            case 165 -> memory.zero(a1, 144) ? 0 : -EFAULT;         // getrusage: nothing to report
            case 179 -> sysinfo(a0);
            default -> unsupported(cpu, number);
        };
    }

    private long unsupported(Arm64Cpu cpu, int number) {
        String name = NAMES.getOrDefault(number, "number " + number);
        exitCode = 125;
        failure = "unsupported system call " + name + (name.startsWith("number") ? "" : " (" + number + ")")
                + String.format(" at pc 0x%x", cpu.pc - 4);
        cpu.halt(failure);
        return -ENOSYS;
    }

    private long exit(Arm64Cpu cpu, int code) {
        exitCode = code & 0xFF;
        cpu.halt("exit " + exitCode);
        return 0;
    }

    private long signal(Arm64Cpu cpu, long signal) {
        kill(cpu, (int) signal, "killed by signal " + signal);
        return 0;
    }

    private long read(long fd, long buf, long count) {
        if (fd != 0) {
            return -EBADF;
        }
        try {
            byte[] b = new byte[(int) Math.min(count, 1 << 16)];
            int n = stdin.read(b);
            if (n <= 0) {
                return 0;
            }
            return memory.write(buf, java.util.Arrays.copyOf(b, n)) ? n : -EFAULT;
        } catch (IOException e) {
            return -EBADF;
        }
    }

    private long write(long fd, long buf, long count) {
        OutputStream out = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (out == null) {
            return -EBADF;
        }
        // In chunks, so that a huge count cannot make the host allocate it at once.
        long done = 0;
        while (done < count) {
            byte[] data = memory.read(buf + done, Math.min(count - done, 1 << 16));
            if (data == null) {
                return done > 0 ? done : -EFAULT;
            }
            try {
                out.write(data);
            } catch (IOException e) {
                return -EBADF;
            }
            done += data.length;
        }
        return count;
    }

    private long writev(long fd, long iov, long count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            long n = write(fd, memory.readLong(iov + 16L * i), memory.readLong(iov + 16L * i + 8));
            if (n < 0) {
                return total > 0 ? total : n;
            }
            total += n;
        }
        return total;
    }

    private long readlink(long path, long buf, long size) {
        if (!"/proc/self/exe".equals(memory.readString(path))) {
            return -ENOENT;
        }
        byte[] name = executablePath.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(name, (int) Math.min(name.length, size));
        return memory.write(buf, out) ? out.length : -EFAULT;
    }

    /** struct stat of the standard streams: pipes, so the C library buffers them fully, on every run. */
    private long fstat(long fd, long buf) {
        if (fd < 0 || fd > 2) {
            return -EBADF;
        }
        ByteBuffer st = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        st.putLong(0, 0x10);                  // st_dev
        st.putLong(8, 1 + fd);                // st_ino
        st.putInt(16, 0x1000 | 0600);         // st_mode: S_IFIFO, rw-------
        st.putInt(20, 1);                     // st_nlink
        st.putInt(56, 4096);                  // st_blksize
        return memory.write(buf, st.array()) ? 0 : -EFAULT;
    }

    /** The program's clock in nanoseconds: instructions retired at the CPU clock, plus time slept. */
    private long now(Arm64Cpu cpu) {
        return cpu.retired() * 1_000_000_000L / cpu.frequencyHz() + sleptNs;
    }

    private long clock(Arm64Cpu cpu, long buf, boolean microseconds) {
        long ns = now(cpu);
        long fraction = ns % 1_000_000_000L;
        return memory.writeLongs(buf, ns / 1_000_000_000L, microseconds ? fraction / 1000 : fraction) ? 0 : -EFAULT;
    }

    /** nanosleep: returns at once and moves the program's clock forward to the end of the sleep. */
    private long sleep(Arm64Cpu cpu, long request, boolean absolute) {
        byte[] ts = memory.read(request, 16);
        if (ts == null) {
            return -EFAULT;
        }
        ByteBuffer b = ByteBuffer.wrap(ts).order(ByteOrder.LITTLE_ENDIAN);
        long sec = b.getLong(0);
        long nsec = b.getLong(8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) {
            return -EINVAL;
        }
        long ns = Math.min(sec, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L + nsec;
        sleptNs += absolute ? Math.max(0, ns - now(cpu)) : ns;
        return 0;
    }

    private long getcwd(long buf, long size) {
        if (size < 2) {
            return -34;                                         // ERANGE
        }
        return memory.write(buf, new byte[] {'/', 0}) ? 2 : -EFAULT;
    }

    private long sigaction(long oldAddress, int size) {
        return oldAddress == 0 || memory.zero(oldAddress, size) ? 0 : -EFAULT;
    }

    /** sysinfo: a fixed 1 GiB machine with half of it free. */
    private long sysinfo(long buf) {
        ByteBuffer info = ByteBuffer.allocate(112).order(ByteOrder.LITTLE_ENDIAN);
        info.putLong(32, 1L << 30);           // totalram
        info.putLong(40, 1L << 29);           // freeram
        info.putShort(80, (short) 1);         // procs
        info.putInt(104, 1);                  // mem_unit
        return memory.write(buf, info.array()) ? 0 : -EFAULT;
    }

    private long uname(long buf) {
        String[] fields = {"Linux", "jhsim", "6.1.0", "#1 SMP jhsim", "aarch64", "(none)"};
        byte[] u = new byte[65 * fields.length];
        for (int i = 0; i < fields.length; i++) {
            byte[] f = fields[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(f, 0, u, 65 * i, f.length);
        }
        return memory.write(buf, u) ? 0 : -EFAULT;
    }

    private long mmap(long address, long length, long flags) {
        if ((flags & MAP_ANONYMOUS) == 0) {
            return -EBADF;
        }
        if ((flags & MAP_FIXED) != 0) {
            for (long done = 0; done < length; done += 1 << 16) {
                if (!memory.zero(address + done, Math.min(length - done, 1 << 16))) {
                    return -ENOMEM;
                }
            }
            return address;
        }
        return process.mapAnonymous(length);
    }

    private long prlimit(long resource, long oldAddress) {
        long stack = 8L << 20;
        return oldAddress == 0 || memory.writeLongs(oldAddress, resource == 3 ? stack : -1, -1) ? 0 : -EFAULT;
    }

    /** getrandom: a fixed xorshift sequence, so runs repeat exactly. */
    private long random(long buf, long length) {
        byte[] b = new byte[(int) Math.min(length, 1 << 20)];
        for (int i = 0; i < b.length; i++) {
            randomState ^= randomState << 13;
            randomState ^= randomState >>> 7;
            randomState ^= randomState << 17;
            b[i] = (byte) randomState;
        }
        return memory.write(buf, b) ? b.length : -EFAULT;
    }
}
