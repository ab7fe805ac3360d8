/*
 * terms.c -- the term normal form, the one function every later stage
 * counts with, and the cache that makes it cheap.
 *
 *     term(lang, token):
 *       word    NFKC_Casefold (apostrophes and acronym dots out) -> none if
 *               a stop word of the language (acronyms never are) -> Snowball
 *               stem -> accents stripped (sl_norm_key) -> "xx:" + stem
 *       number  ASCII digits, leading zeros and the group marks out, '.' as
 *               the decimal mark, trailing zeros of the decimals out:
 *               "2,500" "2.500" (de) "2 500" (fr) -> "2500"; "2,50" (de) ->
 *               "2.5".  Language-neutral.
 *       bigram  NFKC_Casefold -> none if a stop word -> "xx:" + bigram
 *
 * "xx" is the language's term space (sl_lang.space); English and "und"
 * have none, so their terms are neutral like numbers.  hash =
 * XXH3_64bits(bytes); neutral = XXH3_64bits of the bytes after the prefix.
 *
 * The cache: text repeats its words (a news article has ~3 tokens per
 * distinct form, a stream far more), and folding through ICU and stemming
 * cost far more than hashing, so a context keeps raw token bytes (with the
 * language and kind) -> term in an open-addressing table of 32-byte
 * entries keyed by a 64-bit hash of the token: a hit costs one XXH3 of the
 * token and, mostly, one cache line (memory latency, not instructions, is
 * what a big vocabulary costs, so sl_terms_text() prefetches the lines a few
 * tokens ahead).  ASCII misses never reach ICU.
 * Term bytes live in arena blocks that never move, so a term stays valid
 * until the cache is dropped -- which happens only at the start of a call,
 * when it holds more than CACHE_MAX words -- hence "valid until the next
 * call on the context".
 *
 * Stop sets are built the first time a language needs one, from the
 * embedded list (stopwords.c), each word folded like text.
 *
 * Tests: tests/text/test_stem.c, test_stopwords.c, test_lexicon.c (terms of
 * dictionary words); speed: bench/terms_speed.c.
 */
#include "terms.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum {
    CACHE_MAX = (1 << 18) - 16, /* words cached before the cache is dropped:
                                   the table stays <= 2^19 x 32 B = 16 MB */
    BLOCK = 64 * 1024,      /* arena block */
    MAX_TERM = 1024         /* longest term (bytes); longer folds give none */
};

/* ---- the arena: blocks that never move ---------------------------------- */

/* Term bytes live in blocks of ARENA_BLOCK bytes, named by a 32-bit
 * reference: block << ARENA_BITS | offset. */
enum { ARENA_BITS = 20, ARENA_BLOCK = 1 << ARENA_BITS };

typedef struct {
    char **blk;
    size_t n, cap, used; /* blocks; bytes used in the last one */
} arena;

/* Copies s[0..n) (n < ARENA_BLOCK) and a NUL into the arena; returns its
 * reference (valid until arena_free()). */
static uint32_t arena_put(arena *a, const char *s, size_t n)
{
    if (!a->n || a->used + n + 1 > ARENA_BLOCK) {
        sl_grow((void **)&a->blk, &a->cap, a->n + 1, sizeof *a->blk);
        a->blk[a->n++] = sl_xmalloc(ARENA_BLOCK);
        a->used = 0;
    }
    char *d = a->blk[a->n - 1] + a->used;
    memcpy(d, s, n);
    d[n] = '\0';
    uint32_t ref = (uint32_t)(a->n - 1) << ARENA_BITS | (uint32_t)a->used;
    a->used += n + 1;
    return ref;
}

static const char *arena_at(const arena *a, uint32_t ref)
{
    return a->blk[ref >> ARENA_BITS] + (ref & (ARENA_BLOCK - 1));
}

static void arena_free(arena *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->blk[i]);
    free(a->blk);
    *a = (arena){0};
}

/* ---- the context ------------------------------------------------------------ */

enum { HUGE_PAGE = 2 * 1024 * 1024 };

/* A cache entry: half a cache line.  The raw bytes are not kept: the key is
 * a 64-bit hash of them with the seed (language, kind, acronym), trusted
 * the way the cleaner trusts its paragraph hashes -- two tokens would share
 * a term by a collision about once in 10^13 lookups of a full cache. */
typedef struct {
    uint64_t key; /* XXH3 of the raw bytes with 'seed'; 0 = empty slot */
    uint64_t hash, neutral;
    uint32_t term;    /* arena reference */
    uint16_t termlen; /* 0: the token gives no term */
    uint16_t seed;
} centry;

_Static_assert(sizeof(centry) == 32, "two cache entries per cache line");
_Static_assert(SL_LANG_MAX <= 1024 && MAX_TERM < 65536, "fields");

struct sl_terms {
    sl_norm *norm;
    sl_stem *stem;
    const UNormalizer2 *nfkc_cf; /* ICU-owned */
    sl_stopset stop[SL_LANG_MAX];
    UChar *u[2];
    int32_t ucap[2];
    sl_buf fold, key; /* scratch */
    sl_tokens toks;   /* scratch */
    /* the cache: open addressing, linear probing, at most half full */
    centry *tab;
    size_t mask, n;
    arena mem;
};

sl_terms *sl_terms_new(void)
{
    sl_terms *t = sl_xcalloc(1, sizeof *t);
    UErrorCode err = U_ZERO_ERROR;
    t->nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "storyline: ICU NFKC_Casefold data: %s\n",
                u_errorName(err));
        abort();
    }
    t->norm = sl_norm_new();
    t->stem = sl_stem_new();
    return t;
}

void sl_terms_reset(sl_terms *t)
{
    free(t->tab);
    arena_free(&t->mem);
    t->tab = NULL;
    t->n = t->mask = 0;
}

void sl_terms_free(sl_terms *t)
{
    if (!t)
        return;
    sl_terms_reset(t);
    for (int i = 0; i < SL_LANG_MAX; i++)
        sl_stopset_free(&t->stop[i]);
    free(t->u[0]);
    free(t->u[1]);
    sl_buf_free(&t->fold);
    sl_buf_free(&t->key);
    sl_tokens_free(&t->toks);
    sl_norm_free(t->norm);
    sl_stem_free(t->stem);
    free(t);
}

uint64_t sl_term_hash(const char *s, size_t len) { return XXH3_64bits(s, len); }

void sl_termv_free(sl_termv *v)
{
    if (!v)
        return;
    free(v->v);
    *v = (sl_termv){0};
}

/* ---- folding ------------------------------------------------------------------ */

static bool join_char(UChar c)
{
    return c == '\'' || c == 0x2019 || c == 0x2BC || c == '.' || c == '"' ||
           c == 0x5F3 || c == 0x5F4;
}

static void reserve16(sl_terms *t, int i, int32_t need)
{
    if (need <= t->ucap[i])
        return;
    int32_t c = t->ucap[i] ? t->ucap[i] : 256;
    while (c < need)
        c *= 2;
    t->u[i] = sl_xrealloc(t->u[i], (size_t)c * sizeof(UChar));
    t->ucap[i] = c;
}

/* NFKC_Casefold through ICU; join characters dropped when 'join'.  Returns
 * false if ICU failed (then nothing is appended). */
static bool fold_icu(sl_terms *t, const char *s, size_t len, bool join,
                     sl_buf *out)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0, m;
    reserve16(t, 0, (int32_t)len + 1);
    u_strFromUTF8WithSub(t->u[0], t->ucap[0], &n, s, (int32_t)len, 0xFFFD,
                         NULL, &err);
    for (reserve16(t, 1, n + 16);; reserve16(t, 1, m + 1)) {
        err = U_ZERO_ERROR;
        m = unorm2_normalize(t->nfkc_cf, t->u[0], n, t->u[1], t->ucap[1], &err);
        if (err != U_BUFFER_OVERFLOW_ERROR)
            break;
    }
    if (U_FAILURE(err) || m > MAX_TERM)
        return false;
    int32_t k = 0;
    for (int32_t i = 0; i < m; i++)
        if (!join || !join_char(t->u[1][i]))
            t->u[1][k++] = t->u[1][i];
    sl_grow((void **)&out->s, &out->cap, out->len + 3 * (size_t)k + 1, 1);
    int32_t got = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8WithSub(out->s + out->len, (int32_t)(out->cap - out->len), &got,
                       t->u[1], k, 0xFFFD, NULL, &err);
    if (U_FAILURE(err))
        return false;
    out->len += (size_t)got;
    out->s[out->len] = '\0';
    return true;
}

/* Appends the fold of s[0..len) to out: ASCII in one loop, the rest
 * through ICU.  'join': drop apostrophes, dots and quotes. */
static void fold(sl_terms *t, const char *s, size_t len, bool join,
                 sl_buf *out)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    if (i < len && len <= SL_MAX_INPUT && fold_icu(t, s, len, join, out))
        return;
    sl_grow((void **)&out->s, &out->cap, out->len + len + 1, 1);
    char *o = out->s + out->len;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (join && (c == '\'' || c == '.' || c == '"'))
            continue;
        *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out->len = (size_t)(o - out->s);
    out->s[out->len] = '\0';
}

void sl_terms_fold(sl_terms *t, const char *s, size_t len, sl_buf *out)
{
    fold(t, s, len, false, out);
}

/* ---- stop words ---------------------------------------------------------------- */

/* The language's stop set, built on first use.  Borrowed, owned by t. */
static const sl_stopset *stopset(sl_terms *t, const sl_lang *L)
{
    sl_stopset *set = &t->stop[L->id];
    if (set->built)
        return set;
    set->built = true;
    size_t len, i = 0;
    const char *s = sl_stoplist_text(L, &len);
    sl_buf w = {0};
    while (s && i < len) {
        size_t j = i;
        while (j < len && s[j] != '\n')
            j++;
        size_t a = i, b = j;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
            b--;
        if (b > a && s[a] != '#') {
            sl_buf_clear(&w);
            fold(t, s + a, b - a, false, &w);
            sl_stopset_add(set, w.s, w.len);
        }
        i = j + 1;
    }
    sl_buf_free(&w);
    return set;
}

bool sl_is_stop(sl_terms *t, const char *lang, const char *folded, size_t len)
{
    return sl_stopset_has(stopset(t, sl_lang_get(lang)), folded, len);
}

/* ---- making a term ---------------------------------------------------------------- */

/* Starts t->key with the language's prefix; returns its length. */
static size_t put_prefix(sl_terms *t, const sl_lang *L)
{
    sl_buf_clear(&t->key);
    if (!L->space[0])
        return 0;
    sl_buf_puts(&t->key, L->space);
    sl_buf_putc(&t->key, ':');
    return t->key.len;
}

static bool has_non_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* Cyrillic letters that look like accented ones but are letters of their
 * own (й is not и, ї is not і, ў is not у): sl_norm_key() would strip
 * their marks, so they are hidden in private-use code points (3 bytes in
 * UTF-8, like them: 2) around it.  ё -> е stays, as Russian writers do. */
static const char *const keep[][2] = {
    {"\xD0\xB9", "\xEE\x80\x80"}, /* й */
    {"\xD1\x97", "\xEE\x80\x81"}, /* ї */
    {"\xD1\x9E", "\xEE\x80\x82"}, /* ў */
};

/* Replaces each 'from' (n bytes) in b[start..) by 'to' (m bytes). */
static void replace(sl_buf *b, size_t start, const char *from, size_t n,
                    const char *to, size_t m)
{
    sl_buf o = {0};
    size_t i = start, last = start;
    while (i + n <= b->len) {
        if (memcmp(b->s + i, from, n)) {
            i++;
            continue;
        }
        sl_buf_put(&o, b->s + last, i - last);
        sl_buf_put(&o, to, m);
        i += n;
        last = i;
    }
    if (!o.s)
        return;
    sl_buf_put(&o, b->s + last, b->len - last);
    b->len = start;
    sl_buf_put(b, o.s, o.len);
    sl_buf_free(&o);
}

/* Appends stem s[0..n) to t->key without accents (sl_norm_key), keeping
 * the Cyrillic letters above. */
static void strip_accents(sl_terms *t, const char *s, size_t n)
{
    size_t start = t->key.len;
    bool cyr = false;
    for (size_t i = 0; i + 1 < n && !cyr; i++)
        cyr = (s[i] == '\xD0' && s[i + 1] == '\xB9') ||
              (s[i] == '\xD1' && (s[i + 1] == '\x97' || s[i + 1] == '\x9E'));
    if (!cyr) {
        sl_norm_key(t->norm, s, n, &t->key);
        return;
    }
    sl_buf tmp = {0};
    sl_buf_put(&tmp, s, n);
    for (size_t k = 0; k < 3; k++)
        replace(&tmp, 0, keep[k][0], 2, keep[k][1], 3);
    sl_norm_key(t->norm, tmp.s, tmp.len, &t->key);
    for (size_t k = 0; k < 3; k++)
        replace(&t->key, start, keep[k][1], 3, keep[k][0], 2);
    sl_buf_free(&tmp);
}

/* The term of a word into t->key (prefix length in *pre); false: none. */
static bool word_term(sl_terms *t, const sl_lang *L, const char *raw,
                      size_t len, int flags, size_t *pre)
{
    sl_buf_clear(&t->fold);
    fold(t, raw, len, flags & SL_TOKF_JOIN, &t->fold);
    if (!t->fold.len || t->fold.len > MAX_TERM)
        return false;
    if (!(flags & SL_TOKF_ACRONYM) &&
        sl_stopset_has(stopset(t, L), t->fold.s, t->fold.len))
        return false;
    size_t slen = t->fold.len;
    const char *stem = sl_stem_word(t->stem, L, t->fold.s, slen, &slen);
    if (!stem) {
        stem = t->fold.s;
        slen = t->fold.len;
    }
    *pre = put_prefix(t, L);
    if (has_non_ascii(stem, slen))
        strip_accents(t, stem, slen);
    else
        sl_buf_put(&t->key, stem, slen);
    return t->key.len > *pre;
}

/* The number's digits as ASCII into t->key: no group marks, no leading
 * zeros, '.' before the decimals, no trailing zeros after it. */
static bool number_term(sl_terms *t, const char *raw, size_t len, size_t dec)
{
    char d[SL_TERM_MAX_INPUT + 1];
    size_t n = 0, mark = SIZE_MAX, i = 0;
    while (i < len && n < sizeof d) {
        size_t at = i;
        int32_t c = sl_utf8_next(raw, len, &i);
        if (dec && at == dec - 1) {
            mark = n;
            continue;
        }
        int v = c >= '0' && c <= '9' ? c - '0' : c > 0x7F ? u_charDigitValue(c) : -1;
        if (v >= 0 && v <= 9)
            d[n++] = (char)('0' + v);
    }
    size_t int_end = mark == SIZE_MAX ? n : mark, a = 0, dec_end = n;
    while (a + 1 < int_end && d[a] == '0')
        a++;
    while (mark != SIZE_MAX && dec_end > mark && d[dec_end - 1] == '0')
        dec_end--;
    sl_buf_clear(&t->key);
    sl_buf_put(&t->key, d + a, int_end - a);
    if (mark != SIZE_MAX && dec_end > mark) {
        sl_buf_putc(&t->key, '.');
        sl_buf_put(&t->key, d + mark, dec_end - mark);
    }
    return t->key.len > 0;
}

/* The term of a bigram into t->key (prefix length in *pre). */
static bool bigram_term(sl_terms *t, const sl_lang *L, const char *raw,
                        size_t len, size_t *pre)
{
    sl_buf_clear(&t->fold);
    fold(t, raw, len, false, &t->fold);
    if (!t->fold.len || sl_stopset_has(stopset(t, L), t->fold.s, t->fold.len))
        return false;
    *pre = put_prefix(t, L);
    sl_buf_put(&t->key, t->fold.s, t->fold.len);
    return true;
}

/* ---- the cache ------------------------------------------------------------------------ */

/* Doubles the table (or makes the first one). */
static void cache_grow(sl_terms *t)
{
    size_t cap = t->mask ? 2 * (t->mask + 1) : 4096, bytes = cap * sizeof(centry);
    bool huge = bytes >= HUGE_PAGE;
    centry *tab = aligned_alloc(huge ? HUGE_PAGE : 64, bytes);
    if (huge && tab)
        madvise(tab, bytes, MADV_HUGEPAGE); /* fewer TLB misses; a hint */
    if (!tab) {
        fprintf(stderr, "storyline: out of memory (term cache)\n");
        abort();
    }
    memset(tab, 0, bytes);
    for (size_t k = 0; t->mask && k <= t->mask; k++) {
        if (!t->tab[k].key)
            continue;
        size_t i = (size_t)t->tab[k].key & (cap - 1);
        while (tab[i].key)
            i = (i + 1) & (cap - 1);
        tab[i] = t->tab[k];
    }
    free(t->tab);
    t->tab = tab;
    t->mask = cap - 1;
}

/* Computes the term of a token into the free entry e.  Kept out of line:
 * the hit path in probe() stays small. */
__attribute__((noinline)) static void cache_add(sl_terms *t, const sl_lang *L,
                                                const char *raw,
                                                const sl_token *tok,
                                                centry *e)
{
    size_t pre = 0;
    bool ok = tok->kind == SL_TOK_NUMBER ? number_term(t, raw, tok->len, tok->dec)
            : tok->kind == SL_TOK_BIGRAM ? bigram_term(t, L, raw, tok->len, &pre)
            : word_term(t, L, raw, tok->len, tok->flags, &pre);
    if (ok && t->key.len && t->key.len <= MAX_TERM) {
        e->term = arena_put(&t->mem, t->key.s, t->key.len);
        e->termlen = (uint16_t)t->key.len;
        e->hash = XXH3_64bits(t->key.s, t->key.len);
        e->neutral = pre ? XXH3_64bits(t->key.s + pre, t->key.len - pre) : e->hash;
    }
    t->n++;
}

/* The cache key of a token and its seed (language, kind, acronym). */
static uint64_t key_of(const sl_lang *L, const char *text, const sl_token *tok,
                       uint16_t *seed)
{
    *seed = (uint16_t)(L->id << 3 | tok->kind << 1 |
                       !!(tok->flags & SL_TOKF_ACRONYM));
    uint64_t k = XXH3_64bits_withSeed(text + tok->off, tok->len, *seed);
    return k ? k : 1; /* 0 marks an empty slot */
}

/* The cached term of a token with this key (computed on a miss); its
 * 'term' is NULL for a stop word or a token that gives none.  Borrowed
 * until the next probe (the table may grow then): copy what you need. */
static const centry *probe(sl_terms *t, const sl_lang *L, const char *text,
                           const sl_token *tok, uint64_t key, uint16_t seed)
{
    if (2 * (t->n + 1) > t->mask)
        cache_grow(t);
    for (size_t i = (size_t)key & t->mask;; i = (i + 1) & t->mask) {
        centry *e = &t->tab[i];
        if (e->key == key && e->seed == seed)
            return e;
        if (!e->key) {
            *e = (centry){.key = key, .seed = seed};
            cache_add(t, L, text + tok->off, tok, e);
            return e;
        }
    }
}

/* probe() for one token; NULL for a token too long to give a term. */
static const centry *lookup(sl_terms *t, const sl_lang *L, const char *text,
                            const sl_token *tok)
{
    if (tok->len > SL_TERM_MAX_INPUT)
        return NULL;
    uint16_t seed;
    uint64_t key = key_of(L, text, tok, &seed);
    return probe(t, L, text, tok, key, seed);
}

static void maybe_reset(sl_terms *t)
{
    if (t->n >= CACHE_MAX)
        sl_terms_reset(t);
}

static void fill(const sl_terms *t, sl_term *out, const centry *e,
                 const sl_token *tok, size_t pos)
{
    *out = (sl_term){e->termlen ? arena_at(&t->mem, e->term) : NULL,
                     e->termlen, (uint32_t)pos, tok->off, tok->len,
                     e->hash, e->neutral, tok->kind, tok->flags};
}

/* ---- the interface ------------------------------------------------------------------- */

bool sl_term_token(sl_terms *t, const sl_lang *lang, const char *text,
                   const sl_token *tok, sl_term *out)
{
    maybe_reset(t);
    const centry *e = lookup(t, lang, text, tok);
    if (!e || !e->termlen)
        return false;
    fill(t, out, e, tok, 0);
    return true;
}

/* The terms of all tokens, AHEAD tokens hashed (and their table lines
 * prefetched) before they are probed: with a big vocabulary the table does
 * not fit in cache, and this overlaps the misses. */
enum { AHEAD = 8 };

size_t sl_terms_text(sl_terms *t, const char *lang, const char *s, size_t len,
                     sl_termv *out)
{
    const sl_lang *L = sl_lang_get(lang);
    maybe_reset(t);
    sl_tokenize(L, s, len, &t->toks);
    const sl_token *tok = t->toks.v;
    size_t n = t->toks.n;
    sl_grow((void **)&out->v, &out->cap, n, sizeof *out->v);
    out->n = 0;
    if (!t->mask)
        cache_grow(t);
    uint64_t key[AHEAD];
    uint16_t seed[AHEAD];
    for (size_t i = 0; i < n + AHEAD; i++) {
        if (i >= AHEAD && tok[i - AHEAD].len <= SL_TERM_MAX_INPUT) {
            size_t j = i - AHEAD;
            const centry *e = probe(t, L, s, &tok[j], key[j % AHEAD], seed[j % AHEAD]);
            fill(t, &out->v[out->n], e, &tok[j], j); /* kept if a term: */
            out->n += e->termlen != 0;                 /* no branch */
        }
        if (i < n && tok[i].len <= SL_TERM_MAX_INPUT) {
            key[i % AHEAD] = key_of(L, s, &tok[i], &seed[i % AHEAD]);
            __builtin_prefetch(&t->tab[key[i % AHEAD] & t->mask]);
        }
    }
    return out->n;
}

bool sl_term_word(sl_terms *t, const char *lang, const char *w, size_t len,
                  sl_term *out)
{
    const sl_lang *L = sl_lang_get(lang);
    maybe_reset(t);
    sl_tokenize(L, w, len, &t->toks);
    for (size_t i = 0; i < t->toks.n; i++) {
        const centry *e = lookup(t, L, w, &t->toks.v[i]);
        if (e && e->termlen) {
            fill(t, out, e, &t->toks.v[i], i);
            return true;
        }
    }
    return false;
}
