/* String handling through the C library: the optimised (SIMD) string routines of glibc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static char buf[4096];

int main(void) {
    const char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                           "", "a", "longer string that crosses sixteen bytes", "UPPER case"};
    int n = sizeof words / sizeof words[0];
    for (int i = 0; i < n; i++) {
        printf("%-12s len=%zu chr(e)=%ld rchr(a)=%ld\n", words[i], strlen(words[i]),
               strchr(words[i], 'e') ? (long)(strchr(words[i], 'e') - words[i]) : -1L,
               strrchr(words[i], 'a') ? (long)(strrchr(words[i], 'a') - words[i]) : -1L);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int c = strcmp(words[i], words[j]);
            int d = strncmp(words[i], words[j], 3);
            putchar(c < 0 ? '<' : c > 0 ? '>' : '=');
            putchar(d < 0 ? '<' : d > 0 ? '>' : '=');
        }
    putchar('\n');
    /* Unaligned copies and sets of every length up to 300. */
    unsigned long sum = 0;
    for (int len = 0; len < 300; len++) {
        for (int off = 0; off < 17; off += 3) {
            memset(buf, 'x', sizeof buf);
            memset(buf + off, len & 0x7f, len);
            memcpy(buf + 1000 + (off ^ 5), buf + off, len);
            memmove(buf + off + 7, buf + off, len);
            sum = sum * 31 + (unsigned char)buf[off + len / 2] + (unsigned char)buf[1000 + len];
            sum += memcmp(buf + off, buf + 1000 + (off ^ 5), len) != 0;
            sum += (unsigned long)(memchr(buf, 'x', sizeof buf) ? 1 : 0);
        }
    }
    printf("mem checksum %lu\n", sum);
    char s[256];
    strcpy(s, "Hello, ");
    strcat(s, "World");
    strncat(s, "!!!!!", 2);
    printf("%s (%zu) %s\n", s, strlen(s), strstr(s, "World"));
    for (char *p = s; *p; p++) *p = toupper((unsigned char)*p);
    printf("%s\n", s);
    char *dup = strdup(s);
    printf("%d %s\n", strcmp(dup, s), dup + 3);
    free(dup);
    printf("%ld %lu %lld %s\n", strtol("-12345xyz", NULL, 10), strtoul("ffff", NULL, 16),
           atoll("9223372036854775807"), s + strspn(s, "HEL"));
    char tok[] = "a,b;;c,d";
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;")) printf("[%s]", t);
    printf("\n");
    snprintf(s, sizeof s, "%08x|%-5d|%+d|%5.2s|%c", 0xbeefu, 42, 7, "abcdef", 'Z');
    puts(s);
    return 0;
}
