/*
 * centroid.c -- a group's profile: the bounded sum of its members' vectors.
 *
 * Adding a member merges two sorted arrays (the sum and the member) in one
 * pass; when the sum holds more than 'max' features the weakest go, the
 * way a heavy-hitters sketch keeps the frequent items of a stream: a
 * feature most members share keeps growing and stays, one member's
 * oddity is dropped.  The norm is recomputed from what is kept, so the
 * cosine against the centroid is exact for the kept features.
 *
 * Since members are unit vectors, the dot product of an article with the
 * sum, divided by the member count, is its mean cosine to the members
 * (average linkage); divided by the sum's norm, its cosine to the
 * centroid.  Both are cheap; events.c uses the second.
 *
 * Tests: tests/cluster/test_events.c (centroid_* cases).
 */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void sl_centroid_init(sl_centroid *c, uint16_t max)
{
    memset(c, 0, sizeof *c);
    c->max = max;
}

void sl_centroid_free(sl_centroid *c)
{
    free(c->f);
    c->f = NULL;
    c->n = 0;
}

/* The k-th largest (0-based) of w[0..n), k < n; w is reordered.  Hoare's
 * selection: partition around a middle value, go on in the side holding
 * k; linear on average. */
static float kth_largest(float *w, size_t n, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, want = (ptrdiff_t)k;
    while (lo < hi) {
        float p = w[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) { /* [lo, i) >= p, (j, hi] <= p */
            while (w[i] > p)
                i++;
            while (w[j] < p)
                j--;
            if (i <= j) {
                float t = w[i];
                w[i++] = w[j];
                w[j--] = t;
            }
        }
        if (want <= j)
            hi = j;
        else if (want >= i)
            lo = i;
        else
            return w[want]; /* between the two sides: equal to p */
    }
    return w[want];
}

/* Keeps the 'max' heaviest of f[0..n) (sorted by key; max < n), still by
 * key: what a stable sort by weight, a cut at max and a sort by key would
 * keep -- ties at the cut go to the first in key order -- without the two
 * sorts.  Returns max. */
static size_t keep_heaviest(sl_feat *f, size_t n, size_t max)
{
    if (!max)
        return 0;
    float stack[1024], *w = n <= 1024 ? stack : sl_xmalloc(n * sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = f[i].w;
    float cut = kth_largest(w, n, max - 1);
    size_t above = 0, m = 0;
    for (size_t i = 0; i < n; i++)
        above += f[i].w > cut;
    size_t ties = max - above; /* of the weight 'cut', this many stay */
    for (size_t i = 0; i < n; i++) {
        bool keep = f[i].w > cut;
        if (!keep && f[i].w == cut && ties) {
            keep = true;
            ties--;
        }
        if (keep)
            f[m++] = f[i];
    }
    if (w != stack)
        free(w);
    return m;
}

void sl_centroid_add(sl_centroid *c, const sl_feat *f, size_t n, float scale)
{
    if (!n)
        return;
    sl_feat *out = sl_xmalloc((c->n + n) * sizeof *out);
    size_t i = 0, j = 0, k = 0;
    while (i < c->n || j < n) {
        if (j == n || (i < c->n && c->f[i].key < f[j].key))
            out[k++] = c->f[i++];
        else if (i == c->n || f[j].key < c->f[i].key)
            out[k++] = (sl_feat){f[j].key, f[j].w * scale}, j++;
        else
            out[k++] = (sl_feat){c->f[i].key, c->f[i].w + f[j].w * scale}, i++, j++;
    }
    if (k > c->max)
        k = keep_heaviest(out, k, c->max);
    free(c->f);
    c->f = out;
    c->n = (uint16_t)k;
    double s = 0;
    for (i = 0; i < k; i++)
        s += (double)out[i].w * out[i].w;
    c->norm = sqrt(s);
}

double sl_centroid_cos(const sl_centroid *c, const sl_feat *f, size_t n)
{
    return c->norm > 0 ? sl_feat_dot(c->f, c->n, f, n) / c->norm : 0;
}

double sl_centroid_cos2(const sl_centroid *a, const sl_centroid *b)
{
    return a->norm > 0 && b->norm > 0 ? sl_feat_dot(a->f, a->n, b->f, b->n) / (a->norm * b->norm) : 0;
}

size_t sl_centroid_top(const sl_centroid *c, uint32_t *out, size_t k)
{
    if (k > c->n)
        k = c->n;
    if (!k)
        return 0;
    sl_feat *tmp = sl_xmalloc((c->n + 1) * sizeof *tmp);
    memcpy(tmp, c->f, c->n * sizeof *tmp);
    sl_feat_sort_weight(tmp, c->n);
    for (size_t i = 0; i < k; i++)
        out[i] = tmp[i].key;
    free(tmp);
    return k;
}
