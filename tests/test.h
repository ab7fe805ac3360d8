/*
 * test.h -- the whole test framework: cases are functions, checks stop the
 * case on the first failure and say where.
 *
 *     static void decodes_bom(void)
 *     {
 *         CHECK_STR(got, "expected");
 *     }
 *     int main(void) { RUN(decodes_bom); return test_done(); }
 *
 * Each case prints "ok NAME" or "FAIL NAME: file:line: what"; tests/run.sh
 * counts those lines over every test program and prints "N passed, N failed".
 */
#ifndef SL_TEST_H
#define SL_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failed_now, test_failures;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            printf("  %s:%d: CHECK(%s)\n", __FILE__, __LINE__, #cond);        \
            test_failed_now = 1;                                              \
            return;                                                           \
        }                                                                     \
    } while (0)

#define CHECK_STR(got, want)                                                  \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        if (!g_ || strcmp(g_, w_) != 0) {                                     \
            printf("  %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,  \
                   g_ ? g_ : "(null)", w_);                                   \
            test_failed_now = 1;                                              \
            return;                                                           \
        }                                                                     \
    } while (0)

#define CHECK_INT(got, want)                                                  \
    do {                                                                      \
        long long g_ = (long long)(got), w_ = (long long)(want);              \
        if (g_ != w_) {                                                       \
            printf("  %s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__,    \
                   #got, g_, w_);                                             \
            test_failed_now = 1;                                              \
            return;                                                           \
        }                                                                     \
    } while (0)

#define RUN(fn)                                                               \
    do {                                                                      \
        test_failed_now = 0;                                                  \
        fn();                                                                 \
        printf("%s %s\n", test_failed_now ? "FAIL" : "ok", #fn);              \
        test_failures += test_failed_now;                                     \
        fflush(stdout);                                                       \
    } while (0)

static inline int test_done(void) { return test_failures ? 1 : 0; }

/* The shared data folder (../shared next to the checkout), or NULL with a
 * "skip" line when it is absent. */
static inline const char *test_shared(const char *sub, const char *why)
{
    static char path[4096];
    const char *root = getenv("SL_SHARED");
    snprintf(path, sizeof path, "%s/%s", root ? root : "../shared", sub);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("skip %s: %s not found\n", why, path);
        return NULL;
    }
    fclose(f);
    return path;
}

#endif
