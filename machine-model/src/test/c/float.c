/* Floating point through printf and libm-free arithmetic: formatting, rounding, conversions. */
#include <stdio.h>
#include <stdint.h>
#include <float.h>
#include <stdlib.h>

static volatile double dv[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 2.718281828459045, 1e-300, 1e300,
                               123456789.125, 0.1, 1.0 / 3.0, DBL_MAX, DBL_MIN, 5e-324, 4503599627370497.0,
                               -2.5, 0.5, 1.5, 2.5};
static volatile float fv[] = {0.0f, 1.0f, -2.25f, 3.4028235e38f, 1.17549435e-38f, 0.3f, 16777217.0f};

int main(void) {
    int n = sizeof dv / sizeof dv[0];
    for (int i = 0; i < n; i++) {
        double d = dv[i];
        printf("%g %.17g %e %.3f %a\n", d, d, d, d, d);
    }
    for (unsigned i = 0; i < sizeof fv / sizeof fv[0]; i++) {
        float f = fv[i];
        printf("%g %.9g %f\n", f, f, (double)(f * 3.0f));
    }
    double acc = 0;
    for (int i = 1; i <= 1000; i++) acc += 1.0 / (i * (double)i);
    printf("basel %.15f\n", acc);
    float facc = 0;
    for (int i = 1; i <= 1000; i++) facc += 1.0f / (float)i;
    printf("harmonic %.7f\n", facc);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double a = dv[i], b = dv[j];
            printf("%d%d%d ", a < b, a == b, a >= b);
            if ((i * n + j) % 40 == 0) printf("%.6g %.6g %.6g\n", a + b, a * b, b != 0 ? a / b : 0.0);
        }
    printf("\n");
    int64_t conv[] = {(int64_t)1e19 == INT64_MAX, (int64_t)-2.9, (int64_t)2.9, (int64_t)(float)1e10};
    printf("%lld %lld %lld %lld\n", (long long)conv[0], (long long)conv[1], (long long)conv[2], (long long)conv[3]);
    printf("%u %d %.3f %.3f\n", (unsigned)3.99, (int)-3.99, (double)(int64_t)-7, (double)UINT64_MAX);
    printf("%f %f\n", strtod("2.5e-3", NULL), atof("-1234.5678"));
    double fma_in = 0.1;
    printf("%.20f %.20f\n", fma_in * 10 - 1, __builtin_fma(fma_in, 10, -1));
    return 0;
}
