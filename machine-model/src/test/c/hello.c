/* Hello world with its arguments and a non-zero exit status. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("Hello, world!\n");
    for (int i = 1; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
    fprintf(stderr, "to stderr\n");
    return argc + 40;
}
