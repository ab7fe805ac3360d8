/*
 * sort.c -- sorting arrays of integers without qsort's indirect calls.
 *
 * Every article sorts a few small arrays (a profile's keys, a copy
 * candidate list), and qsort pays a call through a function pointer and a
 * byte-wise copy for every comparison.  These sorts compare inline: an
 * insertion sort for short arrays, a bottom-up merge sort beyond.
 *
 * Invariant: the result is the array in ascending order, exactly what
 * qsort with the obvious comparison gives (equal integers cannot be told
 * apart, so stability does not matter here).
 *
 * Tests: tests/core/test_sort.c.
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

enum { RUN = 16 }; /* sorted by insertion, then merged */

#define SORT_IMPL(NAME, T)                                                     \
    static void NAME##_runs(T *v, size_t n)                                    \
    {                                                                          \
        for (size_t a = 0; a < n; a += RUN) {                                  \
            size_t b = a + RUN < n ? a + RUN : n;                              \
            for (size_t i = a + 1; i < b; i++) {                               \
                T x = v[i];                                                    \
                size_t j = i;                                                  \
                for (; j > a && v[j - 1] > x; j--)                             \
                    v[j] = v[j - 1];                                           \
                v[j] = x;                                                      \
            }                                                                  \
        }                                                                      \
    }                                                                          \
    void NAME(T *v, size_t n)                                                  \
    {                                                                          \
        NAME##_runs(v, n);                                                     \
        if (n <= RUN)                                                          \
            return;                                                            \
        T *tmp = sl_xmalloc(n * sizeof *tmp), *src = v, *dst = tmp;            \
        for (size_t w = RUN; w < n; w *= 2) {                                  \
            for (size_t a = 0; a < n; a += 2 * w) {                            \
                size_t m = a + w < n ? a + w : n, b = a + 2 * w < n ? a + 2 * w : n; \
                size_t i = a, j = m, k = a;                                    \
                while (i < m && j < b)                                         \
                    dst[k++] = src[j] < src[i] ? src[j++] : src[i++];          \
                while (i < m)                                                  \
                    dst[k++] = src[i++];                                       \
                while (j < b)                                                  \
                    dst[k++] = src[j++];                                       \
            }                                                                  \
            T *t = src;                                                        \
            src = dst, dst = t;                                                \
        }                                                                      \
        if (src != v)                                                          \
            memcpy(v, src, n * sizeof *v);                                     \
        free(tmp);                                                             \
    }

SORT_IMPL(sl_sort_u64, uint64_t)
SORT_IMPL(sl_sort_u32, uint32_t)
