/*
 * Compute workload for the guest MIPS benchmark: integer kernels without the C
 * library (sieve, matrix multiply, a hash chain), ending with the checksum as
 * the exit status and in a write to stdout. Built -nostdlib so the benchmark
 * needs nothing but this file.
 */
typedef unsigned long u64;

static long sys_write(long fd, const void *buf, long n) {
    register long x0 __asm__("x0") = fd;
    register long x1 __asm__("x1") = (long)buf;
    register long x2 __asm__("x2") = n;
    register long x8 __asm__("x8") = 64;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
}

static void sys_exit(long code) {
    register long x0 __asm__("x0") = code;
    register long x8 __asm__("x8") = 94;
    __asm__ volatile("svc #0" : : "r"(x0), "r"(x8));
    for (;;) { }
}

static unsigned char sieve[200000];
static u64 ma[48][48], mb[48][48], mc[48][48];

static u64 run(int rounds) {
    u64 check = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < (int)sizeof sieve; i++) sieve[i] = 1;
        u64 primes = 0;
        for (int i = 2; i < (int)sizeof sieve; i++) {
            if (!sieve[i]) continue;
            primes++;
            for (int j = 2 * i; j < (int)sizeof sieve; j += i) sieve[j] = 0;
        }
        for (int i = 0; i < 48; i++)
            for (int j = 0; j < 48; j++) { ma[i][j] = i * 3 + j + r; mb[i][j] = i ^ (j + r); }
        for (int i = 0; i < 48; i++)
            for (int j = 0; j < 48; j++) {
                u64 s = 0;
                for (int k = 0; k < 48; k++) s += ma[i][k] * mb[k][j];
                mc[i][j] = s;
            }
        u64 h = 0x9E3779B97F4A7C15UL + r;
        for (int i = 0; i < 100000; i++) { h ^= h >> 29; h *= 0xBF58476D1CE4E5B9UL; h += i; }
        check = check * 31 + primes + mc[r % 48][7] + h;
    }
    return check;
}

void _start(void) {
    u64 c = run(4);
    char out[17];
    for (int i = 0; i < 16; i++) out[i] = "0123456789abcdef"[(c >> (60 - 4 * i)) & 15];
    out[16] = '\n';
    sys_write(1, out, 17);
    sys_exit(0);
}
