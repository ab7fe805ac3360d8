/*
 * fold.c -- the matching form of text, its hashes, and a small hash table.
 *
 * The cleaner compares text people wrote with different case and spacing:
 * "READ MORE:" and "Read  more:" are one phrase; a paragraph pasted again
 * with a newline where a space was is the same paragraph.  So every
 * comparison goes through the matching form made here: simple Unicode case
 * folding (ICU u_foldCase, so "ЧИТАЙТЕ" meets "читайте" and "Σ" meets "σ"),
 * Turkish İ and ı as i, curly quotes as straight ones, white space of any
 * kind collapsed to one space, zero-width marks dropped, and Arabic vowel
 * marks and tatweel dropped (so "أيضاً" meets "أيضا").  Nothing else is
 * changed: accents and punctuation stay, so the form is close to the text.
 *
 * Invariant: folding is idempotent and the same input always gives the same
 * bytes, so a hash of the form stands for the text in every table.
 *
 * Trade-off: the table below (open addressing, linear probing, 64-bit keys
 * and no stored strings) trusts a 64-bit hash; a collision would make two
 * different lines "equal", about once in 10^19 comparisons.
 *
 * Tests: tests/clean/test_clean.c.
 */
#include "clean_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* ---- folding ----------------------------------------------------------- */

static bool is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_invisible(int32_t c)
{
    return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D ||
           c == 0x2060 || c == 0xFEFF || (c >= 0x064B && c <= 0x065F) ||
           c == 0x0670 || c == 0x0640;
}

/* The folded form of one code point. */
static int32_t fold_cp(int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    switch (c) {
    case 0x130: case 0x131: return 'i';                    /* İ ı */
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0xAB: case 0xBB: case 0x2033: return '"';
    default: return (int32_t)u_foldCase(c, U_FOLD_CASE_DEFAULT);
    }
}

/* Writes code point c as UTF-8 at o; returns the bytes written. */
static size_t put_utf8(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Folding writes straight into the buffer: every input byte gives at most
 * two output bytes (a pending space and itself; a code point of two bytes
 * or more folds to at most three), so one reservation is enough.  ASCII,
 * most of the text, takes the short path. */
size_t sl_clean_fold(const char *s, size_t n, sl_buf *out)
{
    sl_grow((void **)&out->s, &out->cap, out->len + 2 * n + 5, 1);
    char *start = out->s + out->len, *o = start;
    bool space = false;
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            i++;
            if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
                space = o > start;
                continue;
            }
            if (space)
                *o++ = ' ';
            space = false;
            *o++ = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            continue;
        }
        size_t at = i;
        int32_t c = sl_utf8_next(s, n, &i);
        if (c >= 0 && is_space_cp(c)) {
            space = o > start;
            continue;
        }
        if (c >= 0 && is_invisible(c))
            continue;
        if (space)
            *o++ = ' ';
        space = false;
        if (c < 0) {
            memcpy(o, s + at, i - at);
            o += i - at;
        } else {
            o += put_utf8(o, (uint32_t)fold_cp(c));
        }
    }
    out->len = (size_t)(o - out->s);
    out->s[out->len] = 0;
    return (size_t)(o - start);
}

/* ---- hashes and character classes -------------------------------------- */

uint64_t sl_clean_fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t sl_clean_key(const char *s, size_t n)
{
    uint64_t h = sl_clean_fnv(SL_CLEAN_FNV0, s, n);
    return h ? h : 1;
}

uint64_t sl_clean_hash(const char *s, size_t n)
{
    uint64_t h = XXH3_64bits(s, n);
    return h ? h : 1;
}

bool sl_clean_isalnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    return u_isalnum(cp) || u_getCombiningClass(cp) > 0 ||
           u_charType(cp) == U_NON_SPACING_MARK || u_charType(cp) == U_COMBINING_SPACING_MARK;
}

bool sl_clean_iscjk(int32_t c)
{
    if (c < 0x0E00)
        return false;
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x0E00 && c <= 0x0EFF) ||
           (c >= 0x1780 && c <= 0x17FF) || (c >= 0x1000 && c <= 0x109F) ||
           (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F);
}

bool sl_clean_has_alnum(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t c = sl_utf8_next(s, n, &i);
        if (c > 0 && sl_clean_isalnum(c))
            return true;
    }
    return false;
}

bool sl_clean_has_year(const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] >= '0' && s[i] <= '9' ? run + 1 : 0;
        if (run == 4)
            return true;
    }
    return false;
}

/* Closing quotes and brackets that may follow a sentence's last mark. */
static bool is_closer(int32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 ||
           c == 0x201D || c == 0xBB || c == 0x300D || c == 0x300F || c == 0xFF09 ||
           c == 0x3011 || c == '*';
}

static bool is_stop(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026 ||
           c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0x0964 ||
           c == 0x0965 || c == 0x061F || c == 0x06D4 || c == 0x037E || c == 0x0589 ||
           c == 0x104B || c == 0x1362;
}

/* The code point that ends s[0..n) and where it starts (in *at). */
static int32_t last_cp(const char *s, size_t n, size_t *at)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && n - i < 3)
        i--;
    if (i > 0)
        i--;
    size_t j = i;
    int32_t c = sl_utf8_next(s, n, &j);
    *at = i;
    return j == n ? c : -1;
}

bool sl_clean_ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    size_t at;
    int32_t c = n ? last_cp(s, n, &at) : -1;
    return c >= 0 && (is_stop(c) || is_closer(c));
}

size_t sl_clean_words(const char *s, size_t n)
{
    return sl_clean_words_upto(s, n, SIZE_MAX);
}

size_t sl_clean_words_upto(const char *s, size_t n, size_t limit)
{
    size_t words = 0, cjk = 0, i = 0;
    bool in_word = false, word_cjk = false;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        int32_t c = ch;
        if (ch < 0x80)
            i++;
        else
            c = sl_utf8_next(s, n, &i);
        bool space = ch < 0x80 ? ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'
                               : c == 0xA0 || c == 0x3000;
        if (space) {
            if (in_word && !word_cjk && ++words + cjk / 2 > limit)
                return words + cjk / 2;
            in_word = word_cjk = false;
            continue;
        }
        in_word = true;
        if (ch >= 0x80 && c > 0 && sl_clean_iscjk(c)) {
            cjk++;
            word_cjk = true;
        }
    }
    if (in_word && !word_cjk)
        words++;
    return words + (cjk + 1) / 2;
}

/* ---- the table --------------------------------------------------------- */

static size_t slot_of(const sl_clean_map *m, uint64_t key)
{
    size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
    while (m->key[i] && m->key[i] != key)
        i = (i + 1) & mask;
    return i;
}

static void rehash(sl_clean_map *m, size_t cap)
{
    sl_clean_map old = *m;
    m->key = sl_xcalloc(cap, sizeof *m->key);
    m->val = sl_xmalloc(cap * sizeof *m->val);
    m->cap = cap;
    for (size_t i = 0; i < old.cap; i++)
        if (old.key[i]) {
            size_t j = slot_of(m, old.key[i]);
            m->key[j] = old.key[i];
            m->val[j] = old.val[i];
        }
    free(old.key);
    free(old.val);
}

bool sl_clean_map_put(sl_clean_map *m, uint64_t key, uint32_t val)
{
    if (2 * (m->n + 1) > m->cap)
        rehash(m, m->cap ? 2 * m->cap : 64);
    size_t i = slot_of(m, key);
    if (m->key[i])
        return false;
    m->key[i] = key;
    m->val[i] = val;
    m->n++;
    return true;
}

void sl_clean_map_set(sl_clean_map *m, uint64_t key, uint32_t val)
{
    if (!sl_clean_map_put(m, key, val))
        m->val[slot_of(m, key)] = val;
}

bool sl_clean_map_get(const sl_clean_map *m, uint64_t key, uint32_t *val)
{
    if (!m->n)
        return false;
    size_t i = slot_of(m, key);
    if (!m->key[i])
        return false;
    *val = m->val[i];
    return true;
}

void sl_clean_map_clear(sl_clean_map *m)
{
    if (m->n)
        memset(m->key, 0, m->cap * sizeof *m->key);
    m->n = 0;
}

void sl_clean_map_free(sl_clean_map *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

/* ---- sets of folded strings -------------------------------------------- */

void sl_clean_set_add(sl_clean_set *s, const char *const *words, size_t n,
                      uint32_t val, sl_buf *scratch)
{
    for (size_t i = 0; i < n; i++) {
        sl_buf_clear(scratch);
        size_t len = sl_clean_fold(words[i], strlen(words[i]), scratch);
        if (!len)
            continue;
        sl_clean_map_put(&s->map, sl_clean_key(scratch->s, len), val);
        if (len > s->max)
            s->max = len;
    }
}

bool sl_clean_set_has(const sl_clean_set *s, const char *f, size_t n, uint32_t *val)
{
    uint32_t v;
    if (!n || n > s->max || !sl_clean_map_get(&s->map, sl_clean_key(f, n), &v))
        return false;
    if (val)
        *val = v;
    return true;
}

/* Is the code point starting at f[i] a letter or digit? */
static bool alnum_at(const char *f, size_t n, size_t i)
{
    unsigned char ch = (unsigned char)f[i];
    if (ch < 0x80)
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    int32_t c = sl_utf8_next(f, n, &i);
    return c > 0 && sl_clean_isalnum(c);
}

size_t sl_clean_set_prefixes(const sl_clean_set *s, const char *f, size_t n,
                             size_t *len, uint32_t *val, size_t max)
{
    uint64_t h = SL_CLEAN_FNV0;
    size_t i = 0, k = 0, lim = n < s->max ? n : s->max;
    while (i < lim && k < max) {
        size_t at = i;
        if ((unsigned char)f[i] < 0x80)
            i++;
        else
            sl_utf8_next(f, n, &i);
        h = sl_clean_fnv(h, f + at, i - at);
        if (i < n && alnum_at(f, n, i))
            continue;
        if (sl_clean_map_get(&s->map, h ? h : 1, &val[k]))
            len[k++] = i;
    }
    return k;
}

size_t sl_clean_set_prefix(const sl_clean_set *s, const char *f, size_t n,
                           uint32_t *val)
{
    size_t len[8];
    uint32_t v[8];
    size_t k = sl_clean_set_prefixes(s, f, n, len, v, 8);
    if (!k)
        return 0;
    if (val)
        *val = v[k - 1];
    return len[k - 1];
}

void sl_clean_set_free(sl_clean_set *s)
{
    sl_clean_map_free(&s->map);
    s->max = 0;
}
