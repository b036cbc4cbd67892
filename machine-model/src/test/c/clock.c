/* Virtual time: sleeping moves the clock without taking host time; the clock never goes back. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sched.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
    double a = now();
    sleep(2);
    usleep(1000);
    double b = now();
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += 1;
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    double c = now();
    char cwd[64];
    sched_yield();
    printf("slept %.3f then %.3f, cwd %s\n", b - a, c - b, getcwd(cwd, sizeof cwd));
    return 0;
}
