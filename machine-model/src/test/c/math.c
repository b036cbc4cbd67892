/* The C math library: transcendental functions, rounding and decomposition, over many inputs. */
#include <stdio.h>
#include <math.h>
#include <stdint.h>

int main(void) {
    uint64_t h = 0;
    for (int i = -200; i <= 200; i++) {
        double x = i * 0.173 + 0.01;
        double r[] = {exp(x / 8), log(fabs(x) + 1e-3), sin(x), cos(x), tan(x / 3), atan2(x, 1.7), pow(fabs(x), 0.37),
                      sqrt(fabs(x)), cbrt(x), floor(x), ceil(x), round(x), trunc(x), fmod(x, 1.3), hypot(x, 2.5),
                      expm1(x / 50), log1p(fabs(x)), sinh(x / 40), tanh(x / 10), asin(x / 40), acos(x / 41)};
        for (unsigned k = 0; k < sizeof r / sizeof r[0]; k++) {
            union { double d; uint64_t u; } v = {r[k]};
            h = (h ^ v.u) * 0x100000001b3ULL;
        }
        if (i % 25 == 0) printf("%4d %.17g %.17g %.17g %.17g\n", i, r[0], r[2], r[6], r[14]);
        float f = (float)x;
        union { float f; uint32_t u; } g = {sinf(f) + expf(f / 16) + logf(fabsf(f) + 1) + powf(fabsf(f), 1.5f)};
        h = (h ^ g.u) * 0x100000001b3ULL;
    }
    int e;
    double m = frexp(1234.5678, &e);
    printf("frexp %.17g %d ldexp %.17g lrint %ld %ld nearbyint %.1f %.1f\n", m, e, ldexp(m, e), lrint(2.5), lrint(-3.5),
           nearbyint(0.5), nearbyint(1.5));
    printf("hash %016llx\n", (unsigned long long)h);
    return 0;
}
