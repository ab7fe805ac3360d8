/*
 * feat_sort.c -- sorting feature arrays (sl_feat) by key or by weight.
 *
 * Weighing a profile, growing a centroid and choosing an event's query
 * terms each sort a few hundred (key, weight) pairs, several times an
 * article.  A stable merge sort with the comparison inline does it without
 * qsort's call through a function pointer per comparison.
 *
 * Invariant: the order is the one a stable sort gives -- by key ascending,
 * or by weight descending -- with ties in their original order; glibc's
 * qsort is such a sort (a merge sort) for arrays of this size, so the
 * results are the same as before.  Weights are never NaN.
 *
 * Tests: tests/analyze/test_feat_sort.c.
 */
#include "profile.h"

#include <stdlib.h>
#include <string.h>

enum { RUN = 16 };

/* True if b must come before a (so a stable merge takes b first). */
static inline bool before(const sl_feat *b, const sl_feat *a, bool by_weight)
{
    return by_weight ? b->w > a->w : b->key < a->key;
}

static void insertion_runs(sl_feat *v, size_t n, bool by_weight)
{
    for (size_t a = 0; a < n; a += RUN) {
        size_t b = a + RUN < n ? a + RUN : n;
        for (size_t i = a + 1; i < b; i++) {
            sl_feat x = v[i];
            size_t j = i;
            for (; j > a && before(&x, &v[j - 1], by_weight); j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
    }
}

static void merge(const sl_feat *src, sl_feat *dst, size_t a, size_t m, size_t b,
                  bool by_weight)
{
    size_t i = a, j = m, k = a;
    while (i < m && j < b)
        dst[k++] = before(&src[j], &src[i], by_weight) ? src[j++] : src[i++];
    while (i < m)
        dst[k++] = src[i++];
    while (j < b)
        dst[k++] = src[j++];
}

static void feat_sort(sl_feat *v, size_t n, bool by_weight)
{
    insertion_runs(v, n, by_weight);
    if (n <= RUN)
        return;
    sl_feat stack[512], *tmp = n <= 512 ? stack : sl_xmalloc(n * sizeof *tmp);
    sl_feat *src = v, *dst = tmp;
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t a = 0; a < n; a += 2 * w) {
            size_t m = a + w < n ? a + w : n, b = a + 2 * w < n ? a + 2 * w : n;
            merge(src, dst, a, m, b, by_weight);
        }
        sl_feat *t = src;
        src = dst, dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
    if (tmp != stack)
        free(tmp);
}

void sl_feat_sort_key(sl_feat *f, size_t n) { feat_sort(f, n, false); }

void sl_feat_sort_weight(sl_feat *f, size_t n) { feat_sort(f, n, true); }
