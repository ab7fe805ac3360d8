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
 * lower than K independent functions', most so for short texts.
 *
 * A short text leaves bins empty: 150 shingles fill about half of 208.
 * The first 16 bins are the index's LSH band keys, so each needs a value:
 * an empty one borrows the minimum of another bin, chosen by a fixed probe
 * sequence for that bin ("optimal densification", Shrivastava 2017), and
 * still agrees with chance J.  The other 192 are not densified: a borrowed
 * minimum repeats one already counted, and when the union of two sets is
 * about as large as K those repeats add as much noise as they add bins
 * (two Arabic articles of events-dev with J = 0.17 came out at 0.27 and
 * were called copies).  Empty stays empty, and the estimate counts only
 * the bins some element of the union fell in: agreement among them has
 * chance J exactly, as sampling without replacement.
 *
 * Only a few bits of each minimum are kept (b-bit MinHash, Li and Konig
 * 2010): the 16 band bins as 16 bits, and the other 192 as 4 bits, two to
 * a byte, where 0 marks an empty bin and a minimum is stored as 1..15.  Two
 * 4-bit values of different minima still agree by chance one time in 15;
 * the estimate takes that out.  With K = 208 the estimate has a standard
 * error of about 0.025 near J = 0.25 (0.034 with the small bins densified),
 * measured against the true J of the sets over the pairs of events-dev and
 * ECB+ with J >= 0.08 (bench/dedup_eval prints both J for every pair it
 * reports).
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

/* The minimum of band bin i, or when it is empty (UINT64_MAX) that of the
 * first non-empty bin along i's own probe sequence.  Needs at least one
 * non-empty bin. */
static uint64_t densified(const uint64_t m[SL_MINHASH_K], uint32_t i)
{
    uint64_t v = m[i];
    for (uint64_t probe = 1; v == UINT64_MAX; probe++)
        v = m[bin_of(sl_mix64(((uint64_t)i << 32 | probe) ^ SALT))];
    return v;
}

void sl_minhash_make(const uint64_t *h, size_t n, sl_minhash *out)
{
    uint64_t m[SL_MINHASH_K];
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
    for (uint32_t i = 0; i < SL_MINHASH_BANDS; i++)
        out->band[i] = (uint16_t)(sl_mix64(densified(m, i)) >> 48);
    for (int i = 0; i < SL_MINHASH_SMALL; i++) {
        uint64_t mi = m[SL_MINHASH_BANDS + i];
        unsigned v = mi == UINT64_MAX ? 0 : 1 + (unsigned)((sl_mix64(mi) >> 32) % 15);
        out->small[i / 2] |= (uint8_t)(i % 2 ? v << 4 : v);
    }
}

/* Per nibble: 1 in bit 0 of each nibble that is nonzero. */
static uint64_t nonzero(uint64_t x)
{
    x |= x >> 1;
    x |= x >> 2;
    return x & 0x1111111111111111ULL;
}

static int count_bits(uint64_t d)
{
    d = (d + (d >> 4)) & 0x0F0F0F0F0F0F0F0FULL; /* per byte: 0..2 */
    return (int)((d * 0x0101010101010101ULL) >> 56);
}

double sl_minhash_jaccard(const sl_minhash *x, const sl_minhash *y)
{
    int m16 = 0, same = 0, both = 0, either = 0;
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        m16 += x->band[i] == y->band[i];
    for (int i = 0; i < SL_MINHASH_SMALL / 2; i += 8) { /* 16 values at a time */
        uint64_t a, b;
        memcpy(&a, x->small + i, 8);
        memcpy(&b, y->small + i, 8);
        uint64_t na = nonzero(a), nb = nonzero(b);
        both += count_bits(na & nb);
        either += count_bits(na | nb);
        same += count_bits(na & nb & ~nonzero(a ^ b));
    }
    /* 16-bit chance agreements (1 in 65536) are left in: too rare to matter */
    const double chance = 1.0 / 15;
    double t = (same - chance * both) / (1 - chance);
    if (t < 0) t = 0;
    double j = (m16 + t) / (SL_MINHASH_BANDS + either);
    return j < 0 ? 0 : j > 1 ? 1 : j;
}
