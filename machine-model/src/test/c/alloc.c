/* Heap and control flow: malloc/realloc/free of many sizes (brk and mmap), setjmp/longjmp, sscanf, recursion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>

struct node { struct node *next; size_t size; unsigned char data[]; };

static jmp_buf env;

static int depth(int n, int limit) {
    if (n == limit) longjmp(env, n);
    return depth(n + 1, limit) + 1;
}

static unsigned long ackermann(unsigned long m, unsigned long n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void) {
    struct node *head = NULL;
    unsigned long sum = 0, seed = 12345;
    for (int i = 0; i < 3000; i++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        size_t size = (seed >> 33) % (i % 100 == 0 ? 300000 : 600);
        struct node *n = malloc(sizeof *n + size);
        n->size = size;
        memset(n->data, i & 0xff, size);
        n->next = head;
        head = n;
        if (i % 7 == 3) {
            struct node *victim = head->next;
            if (victim) {
                head->next = victim->next;
                sum += victim->size;
                free(victim);
            }
        }
        if (i % 11 == 5) {
            head = realloc(head, sizeof *head + head->size * 2 + 1);
            memset(head->data + head->size, 0x5a, head->size + 1);
            head->size = head->size * 2 + 1;
        }
    }
    for (struct node *n = head; n; ) {
        struct node *next = n->next;
        for (size_t k = 0; k < n->size; k += 97) sum = sum * 31 + n->data[k];
        free(n);
        n = next;
    }
    printf("heap checksum %lu\n", sum);
    int got = setjmp(env);
    if (got == 0) depth(0, 5000);
    printf("longjmp from depth %d\n", got);
    printf("ackermann(2, 300) = %lu, ackermann(3, 6) = %lu\n", ackermann(2, 300), ackermann(3, 6));
    int a; double d; char word[32]; unsigned x;
    int fields = sscanf("42 -3.75e2 hello 0x1F", "%d %lf %31s %x", &a, &d, word, &x);
    printf("sscanf %d: %d %g %s %u\n", fields, a, d, word, x);
    char *big = calloc(1 << 22, 1);
    big[(1 << 22) - 1] = 7;
    printf("calloc %d %d\n", big[12345], big[(1 << 22) - 1]);
    free(big);
    return 0;
}
