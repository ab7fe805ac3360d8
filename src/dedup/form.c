/*
 * form.c -- the matching form: what of a text two copies share.
 *
 * A reposted copy differs from its source in ways no reader notices: curly
 * or straight quotes, a capital letter, an accent dropped by a CMS, double
 * spaces, a dash for a hyphen.  The matching form keeps only the words:
 * each paragraph is keyed (sl_norm_key: NFKC, case folded, accents off) and
 * cut into runs of letters, digits and marks; everything else separates
 * words, except an apostrophe inside a word, which is dropped ("don't" and
 * "don’t" give "dont").  Chinese, Japanese, Thai, Lao, Khmer and Myanmar
 * write no spaces, so each of their letters is a word of its own (3-grams
 * of characters are what word 3-grams are elsewhere).  Each word is kept as
 * a 64-bit hash.
 *
 * Quotation marks are tracked so that later steps can leave quoted speech
 * out: two reports quoting one statement are not copies.  A quote opens at
 * “ „ « » 「 『 or " and closes at ” “ » « 」 』 or "; it never runs past the
 * end of its paragraph (an unclosed quote closes there).
 *
 * Invariants: the form depends only on the paragraphs' text (title, ids and
 * dates play no part); a paragraph whose form equals an earlier paragraph's
 * is left out (a repeat the cleaner missed); 'exact' is 0 only for a form
 * without words.  The trade-off: punctuation-blind matching calls "6.4" and
 * "6 4" the same, which no real copy pair minds.
 *
 * Speed: a paragraph whose words are all ASCII never meets ICU.  Another
 * is keyed a piece at a time -- the bytes between ASCII white space, whose
 * keys are remembered (sl_norm_word_key), since words recur and paragraphs
 * do not -- which gives the words of the whole paragraph's key whenever
 * no piece starts with a mark (sl_norm_starts_alone); otherwise the whole
 * paragraph is keyed at once.
 *
 * Tests: tests/dedup/test_dedup.c (form_* cases).
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { SEP, WORD, SOLO, APOS, SKIP };

/* The class of a code point: part of a word, a word of its own, an
 * apostrophe (dropped inside a word), invisible (soft hyphens, zero-width
 * joiners: dropped, as NFKC_Casefold drops them) or a separator. */
static int char_class(int32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            return WORD;
        return c == '\'' ? APOS : SEP;
    }
    if (c == 0x2019 || c == 0x02BC)
        return APOS;
    /* the commonest letters first, without asking ICU */
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
        (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x400 && c <= 0x481) ||
        (c >= 0x48A && c <= 0x52F))
        return WORD;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) ||
        (c >= 0x30A1 && c <= 0x30FA))
        return SOLO;
    if (c >= 0x0E00 && u_isalpha(c)) {
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &err);
        if (U_SUCCESS(err) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                               sc == USCRIPT_KATAKANA || sc == USCRIPT_THAI ||
                               sc == USCRIPT_LAO || sc == USCRIPT_KHMER ||
                               sc == USCRIPT_MYANMAR))
            return SOLO;
    }
    if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK))
        return WORD;
    return u_charType(c) == U_FORMAT_CHAR ? SKIP : SEP;
}

static bool opens_quote(int32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB || c == 0xBB ||
           c == 0x300C || c == 0x300E;
}

static bool closes_quote(int32_t c)
{
    return c == '"' || c == 0x201D || c == 0x201C || c == 0xAB || c == 0xBB ||
           c == 0x300D || c == 0x300F;
}

/* True if the text's words are plain ASCII: every other code point in it
 * separates, joins or vanishes (curly quotes, dashes, no-break spaces), so
 * folding it needs no Unicode normalization -- only lower case. */
static bool ascii_words(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t c = sl_utf8_next(s, len, &i);
        int cl = c < 0 ? SEP : char_class(c);
        if (cl == WORD || cl == SOLO)
            return false;
    }
    return true;
}

/* ---- cutting words ------------------------------------------------------- */

/* Longer words are cut here: no real word is, and URLs need not be whole. */
#define WORD_MAX 128

typedef struct {
    sl_dedup_form *f;
    char w[WORD_MAX];
    size_t len;
    bool quoted;
} cutter;

static void push_word(sl_dedup_form *f, const char *w, size_t n, bool quoted)
{
    if (f->n == f->cap) {
        size_t c = f->cap ? f->cap * 2 : 256;
        f->tok = sl_xrealloc(f->tok, c * sizeof *f->tok);
        f->quoted = sl_xrealloc(f->quoted, c);
        f->cap = c;
    }
    f->tok[f->n] = XXH3_64bits(w, n);
    f->quoted[f->n++] = quoted;
}

static void flush(cutter *c)
{
    if (c->len)
        push_word(c->f, c->w, c->len, c->quoted);
    c->len = 0;
}

static void add_bytes(cutter *c, const char *s, size_t n)
{
    if (c->len + n <= WORD_MAX) {
        memcpy(c->w + c->len, s, n);
        c->len += n;
    }
}

/* Handles one code point c (bytes s[0..n)) that is not an ASCII letter or
 * digit. */
static void other(cutter *c, int32_t cp, const char *s, size_t n)
{
    int cl = cp < 0 ? SEP : char_class(cp);
    if (cl == WORD) {
        add_bytes(c, s, n);
    } else if (cl == SKIP || (cl == APOS && c->len)) {
        /* "don't" -> "dont"; a soft hyphen vanishes */
    } else {
        flush(c);
        if (cl == SOLO)
            push_word(c->f, s, n, c->quoted);
        else if (c->quoted ? closes_quote(cp) : opens_quote(cp))
            c->quoted = !c->quoted;
    }
}

/* ASCII letters and digits as they go into a word (lower case); 0 for any
 * other byte. */
static const char WORD_BYTE[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
    ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
    ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
    ['y'] = 'y', ['z'] = 'z',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
    ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
    ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
    ['Y'] = 'y', ['Z'] = 'z',
};

/* Cuts k[0..len) into words, lower-casing ASCII letters.  The word in
 * progress carries over to the next call: flush() ends it. */
static void cut(cutter *c, const char *k, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)k[i];
        if (WORD_BYTE[b]) { /* a run of them at once; past WORD_MAX, cut */
            size_t j = i;
            for (; j < len && WORD_BYTE[(unsigned char)k[j]]; j++)
                if (c->len < WORD_MAX)
                    c->w[c->len++] = WORD_BYTE[(unsigned char)k[j]];
            i = j;
            continue;
        }
        if (b < 0x80) { /* what other() does with ASCII */
            i++;
            if (b == '\'')
                continue; /* an apostrophe: dropped in a word, nothing outside */
            flush(c);
            if (b == '"')
                c->quoted = !c->quoted;
            continue;
        }
        size_t at = i;
        int32_t cp = sl_utf8_next(k, len, &i);
        other(c, cp, k + at, i - at);
    }
}

static bool ascii_space(unsigned char b) { return b <= 0x20 || b == 0x7F; }

/* The end of the piece of s[0..len) that starts at i: up to ASCII white
 * space.  *ascii tells whether it is all ASCII. */
static size_t piece_end(const char *s, size_t len, size_t i, bool *ascii)
{
    unsigned char any = 0;
    for (; i < len && !ascii_space((unsigned char)s[i]); i++)
        any |= (unsigned char)s[i];
    *ascii = any < 0x80;
    return i;
}

/* Cuts s[0..len) as the words of its key, one piece between ASCII white
 * space at a time, each piece's key remembered (sl_norm_piece_key): words
 * recur, paragraphs do not.  The words are those of the whole text's key
 * when every piece starts alone; returns false at the first that does not
 * (the caller takes back what was cut). */
static bool cut_keys_by_piece(sl_norm *norm, cutter *c, const char *s, size_t len, sl_buf *key)
{
    bool ascii;
    for (size_t i = 0, e; i < len; i = e + 1) {
        e = piece_end(s, len, i, &ascii);
        if (e > i && ascii) {
            cut(c, s + i, e - i);
        } else if (e > i) {
            sl_buf_clear(key);
            if (!sl_norm_piece_key(norm, s + i, e - i, key))
                return false;
            cut(c, key->s ? key->s : "", key->len);
        }
        flush(c); /* the white space */
    }
    return true;
}

/* The hash of words tok[0..n): order matters, and it never depends on the
 * machine's byte order (it is saved in index files). */
static uint64_t hash_words(const uint64_t *tok, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    for (size_t i = 0; i < n; i++)
        h = sl_mix64(h ^ tok[i]) + 0x632be59bd9b4e019ULL;
    return h;
}

/* True if paragraph hash 'h' was seen; else remembers it.  The table holds
 * at least twice as many slots as there are paragraphs. */
static bool seen_before(sl_dedup_form *f, uint64_t h)
{
    size_t mask = f->nseen_cap - 1, i = (size_t)h & mask;
    h |= 1; /* 0 marks an empty slot */
    for (; f->seen[i]; i = (i + 1) & mask)
        if (f->seen[i] == h)
            return true;
    f->seen[i] = h;
    return false;
}

static void reset_seen(sl_dedup_form *f, size_t npara)
{
    size_t need = 16;
    while (need < 2 * npara)
        need *= 2;
    if (need > f->nseen_cap) {
        free(f->seen);
        f->seen = sl_xmalloc(need * sizeof *f->seen);
        f->nseen_cap = need;
    }
    memset(f->seen, 0, f->nseen_cap * sizeof *f->seen);
}

/* Appends the words of paragraph s; folds it with ICU only when its words
 * are not plain ASCII. */
static void paragraph(sl_norm *norm, sl_dedup_form *f, const char *s, sl_buf *key)
{
    size_t len = strlen(s), start = f->n;
    cutter c = {.f = f};
    if (ascii_words(s, len)) {
        cut(&c, s, len);
    } else if (!cut_keys_by_piece(norm, &c, s, len, key)) {
        f->n = start; /* key it whole */
        c = (cutter){.f = f};
        sl_buf_clear(key);
        sl_norm_key(norm, s, len, key);
        cut(&c, key->s ? key->s : "", key->len);
    }
    flush(&c);
}

void sl_dedup_form_make(sl_norm *norm, const sl_article *a, sl_dedup_form *f,
                        sl_buf *key)
{
    f->n = f->nquoted = 0;
    size_t np = a->npara;
    reset_seen(f, np ? np : 1);
    for (size_t p = 0; p < np || (p == 0 && a->title); p++) {
        size_t start = f->n;
        paragraph(norm, f, np ? a->para[p] : a->title, key);
        if (f->n > start && seen_before(f, hash_words(f->tok + start, f->n - start)))
            f->n = start;
    }
    for (size_t i = 0; i < f->n; i++)
        f->nquoted += f->quoted[i];
    f->exact = f->n ? hash_words(f->tok, f->n) | 1 : 0;
}

void sl_dedup_form_free(sl_dedup_form *f)
{
    free(f->tok);
    free(f->quoted);
    free(f->seen);
    memset(f, 0, sizeof *f);
}
