package dev.jhsim.machine.arm64.mem;

/**
 * Maps a virtual address to a physical one for one access. Returning a
 * negative value means a fault, which the translation describes in
 * {@link Mmu#fault} before returning. The identity translation stands for an
 * MMU that is off; the system model plugs in table walks.
 */
@FunctionalInterface
public interface Translation {
    int READ = 0;
    int WRITE = 1;
    int FETCH = 2;

    long translate(long va, int access, Mmu mmu);

    Translation IDENTITY = (va, access, mmu) -> va;
}
