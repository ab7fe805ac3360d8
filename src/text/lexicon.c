/*
 * lexicon.c -- the cross-lingual lexicon: for a term of another language,
 * the English terms it translates to, with weights.
 *
 * The table is made at build time by tools/lexicon_build.c from Debian's
 * FreeDict dictionaries (data/lexicon/LICENSES.md), with the same term()
 * the run time uses, and embedded in the binary (lexicon_data.c).  It is
 * read in place: no init pass builds anything, opening only checks it.
 *
 * Layout (little-endian; every count and offset is checked on load):
 *
 *   header   64 bytes: "SLLX", u32 version (1), u32 nkeys, nrefs, ntargets,
 *            pool_bytes, dir_bits, nspaces, sources_bytes, reserved,
 *            u64 checksum (XXH3_64bits of everything after the header),
 *            16 zero bytes
 *   dir      u32[2^dir_bits + 1]: dir[b] = first key whose top dir_bits
 *            bits are >= b; dir[2^dir_bits] = nkeys
 *   keys     u64[nkeys], strictly ascending: hashes of source terms
 *            ("de:waffenstillstand" as sl_term_hash gives it)
 *   starts   u32[nkeys + 1]: key i's translations are refs[starts[i] ..
 *            starts[i+1]), 1 to SL_LEXICON_K of them, best first
 *   refs     u32[nrefs]: target << 8 | weight (1..255, of 255)
 *   targets  (u64 hash, u32 offset, u32 length)[ntargets]: English terms in
 *            the pool, each NUL-terminated there
 *   pool     bytes[pool_bytes]
 *   spaces   (char space[4], u32 nkeys)[nspaces]: entries per term space
 *   sources  bytes[sources_bytes]: NUL-terminated text, one line per
 *            dictionary used
 *
 * A lookup is one directory read, a binary search over the few keys that
 * share the top bits (about four), and the key's refs and targets: a handful
 * of cache misses, no allocation.
 *
 * Invariant: an sl_lexicon exists only for an image that passed every
 * check, so lookups never bounds-check again; a corrupt image is an error
 * (NULL and a reason), never a crash.  Fuzzed by fuzz/fuzz_lexicon.c;
 * tests: tests/text/test_lexicon.c.
 */
#include "terms.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { HEADER = 64, TARGET_REC = 16, SPACE_REC = 8, MAX_DIR_BITS = 24 };

struct sl_lexicon {
    const uint8_t *base;
    size_t size;
    uint32_t nkeys, nrefs, ntargets, pool_bytes, dir_bits, nspaces;
    const uint8_t *dir, *keys, *starts, *refs, *targets, *spaces;
    const char *pool, *sources;
};

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t rd64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static uint32_t dir_at(const sl_lexicon *x, size_t b) { return rd32(x->dir + 4 * b); }
static uint64_t key_at(const sl_lexicon *x, size_t i) { return rd64(x->keys + 8 * i); }
static uint32_t start_at(const sl_lexicon *x, size_t i) { return rd32(x->starts + 4 * i); }

/* ---- checking ------------------------------------------------------------ */

static bool fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (errlen) {
        int n = snprintf(err, errlen, "lexicon: ");
        va_list ap;
        va_start(ap, fmt);
        if (n >= 0 && (size_t)n < errlen)
            vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* Reads the header and places the sections; checks that they add up to
 * exactly 'size' bytes. */
static bool place(sl_lexicon *x, const uint8_t *m, size_t size, char *err,
                  size_t errlen)
{
    if (size < HEADER || memcmp(m, "SLLX", 4))
        return fail(err, errlen, "not a lexicon table");
    if (rd32(m + 4) != 1)
        return fail(err, errlen, "version %u, want 1", rd32(m + 4));
    x->nkeys = rd32(m + 8), x->nrefs = rd32(m + 12), x->ntargets = rd32(m + 16);
    x->pool_bytes = rd32(m + 20), x->dir_bits = rd32(m + 24);
    x->nspaces = rd32(m + 28);
    uint32_t sources = rd32(m + 32);
    if (x->dir_bits < 1 || x->dir_bits > MAX_DIR_BITS || x->ntargets >= 1u << 24)
        return fail(err, errlen, "bad header counts");
    uint64_t off = HEADER, at[8];
    const uint64_t sz[8] = {
        4 * (((uint64_t)1 << x->dir_bits) + 1), 8 * (uint64_t)x->nkeys,
        4 * ((uint64_t)x->nkeys + 1), 4 * (uint64_t)x->nrefs,
        (uint64_t)TARGET_REC * x->ntargets, x->pool_bytes,
        (uint64_t)SPACE_REC * x->nspaces, sources};
    for (int i = 0; i < 8; i++) {
        at[i] = off;
        off += sz[i];
    }
    if (off != size)
        return fail(err, errlen, "size %zu, the header says %llu", size,
                    (unsigned long long)off);
    x->dir = m + at[0], x->keys = m + at[1], x->starts = m + at[2];
    x->refs = m + at[3], x->targets = m + at[4];
    x->pool = (const char *)m + at[5];
    x->spaces = m + at[6], x->sources = (const char *)m + at[7];
    if (!sources || x->sources[sources - 1])
        return fail(err, errlen, "sources text not terminated");
    return true;
}

/* The directory is monotone and each key sits in its bucket, in order. */
static bool check_keys(const sl_lexicon *x, char *err, size_t errlen)
{
    size_t nb = (size_t)1 << x->dir_bits;
    if (dir_at(x, 0) != 0 || dir_at(x, nb) != x->nkeys)
        return fail(err, errlen, "directory ends are wrong");
    for (size_t b = 0; b < nb; b++)
        if (dir_at(x, b) > dir_at(x, b + 1))
            return fail(err, errlen, "directory not sorted at %zu", b);
    int shift = 64 - (int)x->dir_bits;
    for (size_t i = 0; i < x->nkeys; i++) {
        uint64_t k = key_at(x, i);
        size_t b = (size_t)(k >> shift);
        if (i && key_at(x, i - 1) >= k)
            return fail(err, errlen, "keys not sorted at %zu", i);
        if (i < dir_at(x, b) || i >= dir_at(x, b + 1))
            return fail(err, errlen, "key %zu outside its bucket", i);
    }
    return true;
}

/* Every key has 1..K refs, every ref names a target and a weight. */
static bool check_refs(const sl_lexicon *x, char *err, size_t errlen)
{
    if (start_at(x, 0) != 0 || start_at(x, x->nkeys) != x->nrefs)
        return fail(err, errlen, "ref ranges do not cover the refs");
    for (size_t i = 0; i < x->nkeys; i++) {
        uint32_t a = start_at(x, i), b = start_at(x, i + 1);
        if (b <= a || b - a > SL_LEXICON_K)
            return fail(err, errlen, "key %zu has %d translations", i,
                        (int)b - (int)a);
    }
    for (size_t r = 0; r < x->nrefs; r++) {
        uint32_t v = rd32(x->refs + 4 * r);
        if ((v >> 8) >= x->ntargets || !(v & 0xFF))
            return fail(err, errlen, "ref %zu is broken", r);
    }
    return true;
}

/* Every target is a NUL-terminated string of the pool with its hash. */
static bool check_targets(const sl_lexicon *x, char *err, size_t errlen)
{
    for (size_t i = 0; i < x->ntargets; i++) {
        const uint8_t *t = x->targets + TARGET_REC * i;
        uint32_t off = rd32(t + 8), len = rd32(t + 12);
        if (off >= x->pool_bytes || len == 0 || len >= x->pool_bytes - off ||
            x->pool[off + len] != '\0')
            return fail(err, errlen, "target %zu outside the pool", i);
        if (XXH3_64bits(x->pool + off, len) != rd64(t))
            return fail(err, errlen, "target %zu has a wrong hash", i);
    }
    uint64_t total = 0;
    for (size_t i = 0; i < x->nspaces; i++) {
        const uint8_t *s = x->spaces + SPACE_REC * i;
        if (s[3] != '\0')
            return fail(err, errlen, "space %zu not terminated", i);
        total += rd32(s + 4);
    }
    if (total != x->nkeys)
        return fail(err, errlen, "space counts do not add up");
    return true;
}

sl_lexicon *sl_lexicon_load(const void *data, size_t len, bool checksum,
                            char *err, size_t errlen)
{
    sl_lexicon x = {.base = data, .size = len};
    if (errlen)
        err[0] = '\0';
    if (!data || !place(&x, data, len, err, errlen))
        return NULL;
    if (checksum && XXH3_64bits(x.base + HEADER, len - HEADER) != rd64(x.base + 40)) {
        fail(err, errlen, "checksum mismatch (corrupt table)");
        return NULL;
    }
    if (!check_keys(&x, err, errlen) || !check_refs(&x, err, errlen) ||
        !check_targets(&x, err, errlen))
        return NULL;
    sl_lexicon *r = sl_xmalloc(sizeof *r);
    *r = x;
    return r;
}

void sl_lexicon_free(sl_lexicon *x) { free(x); }

/* ---- lookups ------------------------------------------------------------- */

size_t sl_lexicon_find(const sl_lexicon *x, uint64_t h, sl_translation *out,
                       size_t k)
{
    size_t b = (size_t)(h >> (64 - x->dir_bits));
    size_t lo = dir_at(x, b), hi = dir_at(x, b + 1);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint64_t v = key_at(x, mid);
        if (v == h) {
            lo = mid;
            break;
        }
        if (v < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= hi)
        return 0;
    size_t a = start_at(x, lo), e = start_at(x, lo + 1), n = 0;
    for (size_t r = a; r < e && n < k; r++, n++) {
        uint32_t v = rd32(x->refs + 4 * r);
        const uint8_t *t = x->targets + TARGET_REC * (v >> 8);
        out[n] = (sl_translation){x->pool + rd32(t + 8), rd32(t + 12), rd64(t),
                                  (float)(v & 0xFF) / 255.0f};
    }
    return n;
}

size_t sl_lexicon_lookup(const sl_lexicon *x, const char *lang,
                         const char *term, size_t len, sl_translation *out,
                         size_t k)
{
    const sl_lang *L = sl_lang_get(lang);
    size_t pre = strlen(L->space);
    if (!pre || (len > pre && !memcmp(term, L->space, pre) && term[pre] == ':'))
        return sl_lexicon_find(x, sl_term_hash(term, len), out, k);
    char buf[SL_TERM_MAX_INPUT * 8];
    if (len + pre + 1 > sizeof buf)
        return 0;
    memcpy(buf, L->space, pre);
    buf[pre] = ':';
    memcpy(buf + pre + 1, term, len);
    return sl_lexicon_find(x, sl_term_hash(buf, pre + 1 + len), out, k);
}

/* ---- figures ------------------------------------------------------------- */

size_t sl_lexicon_entries(const sl_lexicon *x) { return x->nkeys; }

size_t sl_lexicon_entries_of(const sl_lexicon *x, const char *space)
{
    for (size_t i = 0; i < x->nspaces; i++) {
        const uint8_t *s = x->spaces + SPACE_REC * i;
        if (!strncmp((const char *)s, space, 4))
            return rd32(s + 4);
    }
    return 0;
}

size_t sl_lexicon_bytes(const sl_lexicon *x) { return x->size; }

const char *sl_lexicon_sources(const sl_lexicon *x) { return x->sources; }
