/* Hashing: FNV-1a, CRC-32 (table), a 64-bit mixer and Adler-32 over generated data. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    while (n--) c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint64_t fnv1a(const uint8_t *p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    while (n--) { h ^= *p++; h *= 0x100000001b3ULL; }
    return h;
}

static uint64_t mix(uint64_t x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL; x ^= x >> 33;
    return x;
}

static uint32_t adler32(const uint8_t *p, size_t n) {
    uint32_t a = 1, b = 0;
    while (n--) { a = (a + *p++) % 65521; b = (b + a) % 65521; }
    return b << 16 | a;
}

int main(void) {
    static uint8_t data[1 << 16];
    uint64_t s = 1;
    for (size_t i = 0; i < sizeof data; i++) { s = mix(s + i); data[i] = (uint8_t)(s >> 17); }
    crc_init();
    printf("crc32 %08x\n", crc32(data, sizeof data));
    printf("crc32(\"123456789\") %08x\n", crc32((const uint8_t *)"123456789", 9));
    printf("fnv1a %016llx\n", (unsigned long long)fnv1a(data, sizeof data));
    printf("adler32 %08x\n", adler32(data, sizeof data));
    uint64_t acc = 0;
    for (int i = 0; i < 100000; i++) acc += mix((uint64_t)i * 0x9E3779B97F4A7C15ULL) >> (i & 31);
    printf("mix %016llx\n", (unsigned long long)acc);
    for (size_t len = 0; len < 40; len += 7) printf("%zu:%08x ", len, crc32(data + len, len * 3));
    printf("\n");
    return 0;
}
