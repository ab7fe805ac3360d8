/*
 * df.c -- document frequencies that grow as articles stream in.
 *
 * A term's weight in an article is (1 + log tf) * idf, with
 * idf = log((N + 1) / (df + 0.5)) over the N articles seen so far: a word
 * every article has ("said") weighs little, a name or a number few have
 * weighs much.  There is no corpus to learn df from beforehand, so the
 * table learns from the articles themselves: each article adds one to the
 * count of every distinct feature it holds (terms, entity keys, numbers:
 * the callers put them in disjoint key spaces), and removing an article
 * takes its counts back.
 *
 * The table is open addressing with linear probing over 64-bit keys (0 is
 * the empty slot; a key of 0 is stored as 1) and 32-bit counts, grown at
 * 70% load.  A count that reaches 0 keeps its slot, so probing never needs
 * tombstones; the slot is reused by the same key.
 *
 * Saved form (little endian): "SLDF" u32 version u64 docs u64 n, then n x
 * { u64 key, u32 count }, then u32 crc32 (zlib) of everything before it.
 * A file that is short, has the wrong magic, or fails the checksum is an
 * error, never a crash.
 *
 * Tests: tests/analyze/test_df.c.
 */
#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct sl_df {
    uint64_t *key;
    uint32_t *cnt;
    size_t cap, used; /* cap is a power of two */
    uint64_t docs;
};

sl_df *sl_df_new(void)
{
    return sl_xcalloc(1, sizeof(sl_df));
}

void sl_df_free(sl_df *d)
{
    if (!d)
        return;
    free(d->key);
    free(d->cnt);
    free(d);
}

static size_t slot_of(const sl_df *d, uint64_t key)
{
    size_t mask = d->cap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & mask;
    while (d->key[i] && d->key[i] != key)
        i = (i + 1) & mask;
    return i;
}

static void grow(sl_df *d)
{
    size_t old = d->cap;
    uint64_t *k = d->key;
    uint32_t *c = d->cnt;
    d->cap = old ? old * 2 : 1024;
    d->key = sl_xcalloc(d->cap, sizeof *d->key);
    d->cnt = sl_xcalloc(d->cap, sizeof *d->cnt);
    for (size_t i = 0; i < old; i++) {
        if (!k[i])
            continue;
        size_t j = slot_of(d, k[i]);
        d->key[j] = k[i];
        d->cnt[j] = c[i];
    }
    free(k);
    free(c);
}

static uint64_t nonzero(uint64_t key) { return key ? key : 1; }

void sl_df_add(sl_df *d, const uint64_t *keys, size_t n, int sign)
{
    for (size_t i = 0; i < n; i++) {
        if ((d->used + 1) * 10 >= d->cap * 7)
            grow(d);
        uint64_t k = nonzero(keys[i]);
        size_t j = slot_of(d, k);
        if (!d->key[j]) {
            if (sign < 0)
                continue;
            d->key[j] = k;
            d->used++;
        }
        if (sign > 0)
            d->cnt[j]++;
        else if (d->cnt[j])
            d->cnt[j]--;
    }
    if (sign > 0)
        d->docs++;
    else if (d->docs)
        d->docs--;
}

uint32_t sl_df_count(const sl_df *d, uint64_t key)
{
    if (!d->cap)
        return 0;
    size_t j = slot_of(d, nonzero(key));
    return d->key[j] ? d->cnt[j] : 0;
}

uint64_t sl_df_docs(const sl_df *d) { return d->docs; }

void sl_df_pad(sl_df *d, uint64_t n) { d->docs += n; }

size_t sl_df_size(const sl_df *d) { return d->used; }

/* ---- saving and loading ------------------------------------------------- */

enum { DF_VERSION = 1 };

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

unsigned char *sl_df_pack(const sl_df *d, size_t *len)
{
    size_t n = 0;
    for (size_t i = 0; i < d->cap; i++)
        n += d->key[i] && d->cnt[i];
    size_t size = 24 + n * 12 + 4;
    unsigned char *buf = sl_xmalloc(size), *p = buf + 24;
    memcpy(buf, "SLDF", 4);
    put32(buf + 4, DF_VERSION);
    put64(buf + 8, d->docs);
    put64(buf + 16, n);
    for (size_t i = 0; i < d->cap; i++) {
        if (!d->key[i] || !d->cnt[i])
            continue;
        put64(p, d->key[i]);
        put32(p + 8, d->cnt[i]);
        p += 12;
    }
    put32(p, (uint32_t)crc32(0, buf, (uInt)(p - buf)));
    *len = size;
    return buf;
}

sl_df *sl_df_unpack(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
    const char *why = NULL;
    uint64_t n = 0;
    if (len < 28 || memcmp(buf, "SLDF", 4) != 0)
        why = "not a document-frequency table";
    else if (get32(buf + 4) != DF_VERSION)
        why = "unknown version";
    else if ((n = get64(buf + 16)) > (len - 28) / 12 || 24 + n * 12 + 4 != len)
        why = "truncated or wrong size";
    else if (get32(buf + len - 4) != (uint32_t)crc32(0, buf, (uInt)(len - 4)))
        why = "checksum mismatch";
    if (why) {
        snprintf(err, errlen, "%s", why);
        return NULL;
    }
    sl_df *d = sl_df_new();
    while ((n + 1) * 10 >= d->cap * 7) /* serve: sized for all n first; growing while */
        grow(d);                       /* inserting in slot order clusters: O(n^2) */
    for (uint64_t i = 0; i < n; i++) {
        const unsigned char *p = buf + 24 + i * 12;
        if ((d->used + 1) * 10 >= d->cap * 7)
            grow(d);
        uint64_t k = nonzero(get64(p));
        size_t j = slot_of(d, k);
        if (!d->key[j])
            d->used++;
        d->key[j] = k;
        d->cnt[j] = get32(p + 8);
    }
    d->docs = get64(buf + 8);
    return d;
}
