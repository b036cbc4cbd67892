/* Arithmetic edge cases: overflow wrap, shifts, 64-bit and 128-bit division, saturating conversions. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
#include <inttypes.h>

static volatile int64_t vs[] = {0, 1, -1, 2, -2, 3, 7, -7, 10, 1000000007, INT64_MAX, INT64_MIN,
                                INT32_MAX, INT32_MIN, 0x123456789abcdefLL, -0x123456789abcdefLL};
static volatile uint32_t vu32[] = {0, 1, 3, 0x7fffffff, 0x80000000u, 0xffffffffu, 12345, 65536};

int main(void) {
    int n = sizeof vs / sizeof vs[0];
    uint64_t h = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int64_t a = vs[i], b = vs[j];
            uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
            if (b != 0 && !(a == INT64_MIN && b == -1)) h = h * 31 + (uint64_t)(a / b) + (uint64_t)(a % b);
            if (ub != 0) h = h * 31 + ua / ub + ua % ub;
            h = h * 31 + (uint64_t)(a * b) + (ua >> (ub & 63)) + (uint64_t)(a >> (ub & 63)) + (ua << (ub & 63));
            __int128 p = (__int128)a * b;
            unsigned __int128 up = (unsigned __int128)ua * ub;
            h = h * 31 + (uint64_t)(p >> 64) + (uint64_t)(up >> 64);
            int32_t a32 = (int32_t)a, b32 = (int32_t)b;
            if (b32 != 0 && !(a32 == INT32_MIN && b32 == -1)) h = h * 31 + (uint32_t)(a32 / b32) + (uint32_t)(a32 % b32);
            h += (a < b) + 2 * (ua < ub) + 4 * (a32 <= b32);
            h += __builtin_clzll(ua | 1) + __builtin_ctzll(ub | 0x8000000000000000ULL) + __builtin_popcountll(ua);
        }
    printf("mix %016" PRIx64 "\n", h);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            uint32_t a = vu32[i], b = vu32[j];
            printf("%x ", b ? a / b + a % b : a * 3u + (a >> (b & 31)));
        }
    printf("\n");
    unsigned __int128 big = ((unsigned __int128)0xfedcba9876543210ULL << 64) | 0x0123456789abcdefULL;
    unsigned __int128 q = big / 0x1234567ULL, r = big % 0xfffffffffffULL;
    printf("%016" PRIx64 "%016" PRIx64 " %" PRIx64 "\n", (uint64_t)(q >> 64), (uint64_t)q, (uint64_t)r);
    __int128 sbig = -(__int128)big / 3;
    printf("%" PRId64 " %" PRIu64 "\n", (int64_t)(sbig >> 64), (uint64_t)sbig);
    printf("%d %u %ld %lu\n", INT_MIN, UINT_MAX, LONG_MIN, ULONG_MAX);
    printf("%hhd %hd %hhu\n", (signed char)200, (short)70000, (unsigned char)300);
    return 0;
}
