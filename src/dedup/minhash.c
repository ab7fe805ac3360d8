/*
 * minhash.c -- a 128-byte sketch of a set, and set similarity from sketches.
 *
 * MinHash (Broder 1997): under a random ordering of all possible elements,
 * the chance that the first element of set A equals the first of set B is
 * their Jaccard similarity J = |A n B| / |A u B|.  A sketch keeps K such
 * minima; the share of positions where two sketches agree estimates J.
 *
 * One permutation (Li, Owen and Zhang 2012): instead of K hash functions
 * over every element (K multiplications an element), each element is
 * hashed once; the hash picks one of K bins and orders the elements within
 * it, and each bin keeps its minimum.  It costs one hash an element, and
 * because the bins sample the union without replacement, its error is
 * lower than K independent functions', most so for short texts.  A bin no
 * element fell in borrows the minimum of another bin, chosen by a fixed
 * probe sequence for that bin ("optimal densification", Shrivastava 2017),
 * so agreement still has chance J.
 *
 * Only a few bits of each minimum are kept (b-bit MinHash, Li and Konig
 * 2010): the first 16 bins as 16 bits -- they are also the keys of the
 * index's 16 LSH bands -- and the other 192 as 4 bits, two to a byte.  Two
 * 4-bit values of different minima still agree by chance one time in 16;
 * the estimate takes that out.  With K = 208 the estimate of J has a
 * standard error of about 0.03 near J = 0.25: measured against the true J
 * of the sets over the pairs of events-dev and ECB+ with J >= 0.05, and no
 * worse than K = 112 independent functions kept as 8 bits, in the same
 * 96 bytes (bench/dedup_eval prints both J for every pair it reports).
 *
 * Invariant: the sketch depends only on the set, never on the order of its
 * elements; equal sets have equal sketches.
 *
 * Tests: tests/dedup/test_dedup.c (minhash_* cases).
 */
#include "dedup.h"

#include <string.h>

#define SALT 0x2545f4914f6cdd1dULL

/* The bin of hash v: a fair split of its top 32 bits into K ranges. */
static uint32_t bin_of(uint64_t v)
{
    return (uint32_t)(((v >> 32) * (uint64_t)SL_MINHASH_K) >> 32);
}

/* Fills every empty bin (UINT64_MAX) from the first non-empty bin along
 * its own probe sequence.  Needs at least one non-empty bin. */
static void densify(const uint64_t m[SL_MINHASH_K], uint64_t out[SL_MINHASH_K])
{
    for (uint32_t i = 0; i < SL_MINHASH_K; i++) {
        out[i] = m[i];
        for (uint64_t probe = 1; out[i] == UINT64_MAX; probe++)
            out[i] = m[bin_of(sl_mix64(((uint64_t)i << 32 | probe) ^ SALT))];
    }
}

void sl_minhash_make(const uint64_t *h, size_t n, sl_minhash *out)
{
    uint64_t m[SL_MINHASH_K], d[SL_MINHASH_K];
    memset(out, 0, sizeof *out);
    if (n == 0)
        return;
    for (int i = 0; i < SL_MINHASH_K; i++)
        m[i] = UINT64_MAX;
    for (size_t j = 0; j < n; j++) {
        uint64_t v = sl_mix64(h[j] ^ SALT);
        v -= v == UINT64_MAX; /* UINT64_MAX marks an empty bin */
        uint32_t b = bin_of(v);
        m[b] = v < m[b] ? v : m[b];
    }
    densify(m, d);
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        out->band[i] = (uint16_t)(sl_mix64(d[i]) >> 48);
    for (int i = 0; i < SL_MINHASH_SMALL; i++) {
        unsigned v = (unsigned)(sl_mix64(d[SL_MINHASH_BANDS + i]) >> 60);
        out->small[i / 2] |= (uint8_t)(i % 2 ? v << 4 : v);
    }
}

/* How many of the 16 four-bit values of x and y agree. */
static int equal_nibbles(uint64_t x, uint64_t y)
{
    uint64_t d = x ^ y;
    d |= d >> 1;
    d |= d >> 2;
    d &= 0x1111111111111111ULL;                /* bit 0 of each nibble: it differs */
    d = (d + (d >> 4)) & 0x0F0F0F0F0F0F0F0FULL; /* per byte: 0..2 */
    return 16 - (int)((d * 0x0101010101010101ULL) >> 56);
}

double sl_minhash_jaccard(const sl_minhash *x, const sl_minhash *y)
{
    int m16 = 0, m4 = 0;
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        m16 += x->band[i] == y->band[i];
    for (int i = 0; i < SL_MINHASH_SMALL / 2; i += 8) { /* 16 values at a time */
        uint64_t a, b;
        memcpy(&a, x->small + i, 8);
        memcpy(&b, y->small + i, 8);
        m4 += equal_nibbles(a, b);
    }
    /* 16-bit chance agreements (1 in 65536) are left in: too rare to matter */
    const double chance = 1.0 / 16;
    double j4 = ((double)m4 / SL_MINHASH_SMALL - chance) / (1 - chance);
    double j = (m16 + SL_MINHASH_SMALL * j4) / SL_MINHASH_K;
    return j < 0 ? 0 : j > 1 ? 1 : j;
}
