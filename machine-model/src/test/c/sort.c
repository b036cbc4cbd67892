/* Sorting: qsort with a comparison callback, an insertion sort and a merge sort on random data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;
static unsigned long long next(void) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return state;
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void merge_sort(long *a, long *tmp, int n) {
    if (n < 2) return;
    int h = n / 2;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

int main(void) {
    enum { N = 5000 };
    static int v[N];
    static long w[N], tmp[N];
    for (int i = 0; i < N; i++) { v[i] = (int)next(); w[i] = (long)next() >> 3; }
    qsort(v, N, sizeof v[0], cmp_int);
    merge_sort(w, tmp, N);
    unsigned long h = 0;
    for (int i = 0; i < N; i++) {
        if (i && v[i - 1] > v[i]) { puts("qsort wrong"); return 1; }
        if (i && w[i - 1] > w[i]) { puts("merge wrong"); return 1; }
        h = h * 1000003 ^ (unsigned)v[i] ^ (unsigned long)w[i];
    }
    printf("first %d last %d median %d hash %lx\n", v[0], v[N - 1], v[N / 2], h);
    short s[64];
    for (int i = 0; i < 64; i++) s[i] = (short)next();
    for (int i = 1; i < 64; i++) {
        short x = s[i]; int j = i - 1;
        while (j >= 0 && s[j] > x) { s[j + 1] = s[j]; j--; }
        s[j + 1] = x;
    }
    for (int i = 0; i < 64; i += 8) printf("%d ", s[i]);
    printf("\n");
    char *names[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape"};
    qsort(names, 8, sizeof names[0], cmp_str);
    for (int i = 0; i < 8; i++) printf("%s%c", names[i], i == 7 ? '\n' : ' ');
    return 0;
}
