/*
 * norm.c -- matching keys: the form of a word or name that two spellings of
 * the same thing share ("Erdoğan" / "ERDOGAN" -> "erdogan").
 *
 * A key is made in passes over UTF-16 text (ICU's C API is UTF-16):
 *
 *   1. fold      NFKC_Casefold data in decompose mode, i.e. NFKD + full case
 *                folding in one pass: "ＡＢＣ" -> "abc", "ﬁ" -> "fi",
 *                "ß" -> "ss", and every accent split off as a combining mark.
 *   2. strip     drop the nonspacing marks (Mn) that are accents -- on Latin,
 *                Greek, Cyrillic, Arabic and Hebrew letters; in Indic and Thai
 *                they spell vowels and stay -- and turn each run of white
 *                space or control characters into one space, trimmed.
 *   3. compose   NFC, so what is left (Hangul, spacing marks) is canonical.
 *
 * A name key (sl_norm_name_key) also writes other scripts in Latin letters:
 * when step 1 leaves a letter of a script other than Latin, the text is
 * recomposed, run through ICU's "Any-Latin" transliterator and folded again
 * before step 2 ("Путин" -> "putin", "Шойгу" -> "Šojgu" -> "sojgu",
 * "北京" -> "bei jing", "Αθήνα" -> "athena"); the signs transliteration
 * writes for soft signs and glottal stops (ʹ ʺ ʼ ...) are dropped.  Latin
 * letters with no accent to strip (ł, ø, æ, ı) then go through "Latin-ASCII",
 * only when some are left.  Romanisation is ICU's, not a language's:
 * "Путин" -> "putin", but Dutch "Poetin" stays "poetin" (cross-lingual
 * matching is a later stage), and "Хрущёв" gives "hrusev", not "khrushchev".
 *
 * Invariants: the output is valid UTF-8, lower case (for cased scripts),
 * without leading, trailing or double spaces.  Invalid UTF-8 in the input is
 * read as U+FFFD, never a crash.  If an ICU step fails the key is made
 * without that step (name key -> plain key -> ASCII-only folding); only
 * running out of memory aborts.
 *
 * Trade-offs, for speed: pure ASCII input (most names in most news) never
 * reaches ICU -- it is lower-cased and its spaces collapsed in one loop.  The
 * transliterators are costly to open (milliseconds) and to run, so they are
 * opened on first need and only run when the code points call for them.
 * UTF-16 work buffers live in the sl_norm and are reused, so a key costs no
 * allocation once the buffers have grown.
 *
 * Tests: tests/text/test_norm.c.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* Three UTF-16 work buffers: each pass reads one and writes another. */
enum { NBUF = 3 };

/* A memo of the keys of short strings (words): one slot. */
typedef struct {
    uint64_t h;            /* hash of the input and the kind */
    uint32_t at;           /* the input, then its key, in memo_bytes */
    uint16_t nsrc, nkey;
    uint8_t kind;          /* MEMO_KEY, MEMO_NAME, MEMO_PIECE; 0 = empty */
    bool alone;            /* MEMO_PIECE: it starts alone (else no key) */
} memo_slot;

enum { MEMO_KEY = 1, MEMO_NAME = 2, MEMO_PIECE = 3 };
enum { MEMO_SLOTS = 1 << 17, MEMO_INPUT = 64, MEMO_BYTES = 1 << 23 };

struct sl_norm {
    const UNormalizer2 *fold; /* NFKC_Casefold, decompose mode (ICU-owned) */
    const UNormalizer2 *nfc;  /* ICU-owned */
    UTransliterator *to_latin; /* "Any-Latin", opened on first need */
    UTransliterator *to_ascii; /* "Latin-ASCII", opened on first need */
    bool latin_tried, ascii_tried; /* an open was attempted (maybe failed) */
    UChar *u[NBUF];
    int32_t cap[NBUF];
    memo_slot *memo;          /* MEMO_SLOTS, made on first use */
    size_t nmemo;
    sl_buf memo_bytes;
    sl_places *places;        /* made on first use (sl_norm_places) */
};

/* Inputs longer than this (in bytes) skip ICU: int32_t lengths must not
 * overflow when text expands.  Far above SL_MAX_INPUT. */
#define MAX_ICU_INPUT ((size_t)INT32_MAX / 8)

/* ---- life cycle --------------------------------------------------------- */

static void icu_fatal(const char *what, UErrorCode err)
{
    fprintf(stderr, "storyline: ICU %s failed: %s\n", what, u_errorName(err));
    abort();
}

sl_norm *sl_norm_new(void)
{
    sl_norm *n = sl_xcalloc(1, sizeof *n);
    UErrorCode err = U_ZERO_ERROR;
    n->fold = unorm2_getInstance(NULL, "nfkc_cf", UNORM2_DECOMPOSE, &err);
    if (U_FAILURE(err))
        icu_fatal("NFKC_Casefold data", err);
    n->nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        icu_fatal("NFC data", err);
    return n;
}

void sl_norm_free(sl_norm *n)
{
    if (!n)
        return;
    if (n->to_latin)
        utrans_close(n->to_latin);
    if (n->to_ascii)
        utrans_close(n->to_ascii);
    for (int i = 0; i < NBUF; i++)
        free(n->u[i]);
    free(n->memo);
    sl_buf_free(&n->memo_bytes);
    sl_places_free(n->places);
    free(n);
}

sl_places *sl_norm_places(sl_norm *n)
{
    if (!n->places)
        n->places = sl_places_new(n);
    return n->places;
}

/* The transliterator with the given id, opened once into *slot; NULL if ICU
 * cannot open it (then name keys are made without it).  Borrowed, owned by
 * the sl_norm that holds *slot. */
static UTransliterator *translit(UTransliterator **slot, bool *tried,
                                 const char *id)
{
    if (*tried)
        return *slot;
    *tried = true;
    UChar uid[32];
    u_uastrcpy(uid, id);
    UErrorCode err = U_ZERO_ERROR;
    *slot = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (err == U_MEMORY_ALLOCATION_ERROR)
        icu_fatal("transliterator", err);
    if (U_FAILURE(err))
        *slot = NULL;
    return *slot;
}

/* ---- helpers ------------------------------------------------------------- */

/* Makes work buffer i hold at least 'need' UChars. */
static void reserve16(sl_norm *n, int i, int32_t need)
{
    if (need <= n->cap[i])
        return;
    int32_t c = n->cap[i] ? n->cap[i] : 256;
    while (c < need)
        c = c > INT32_MAX / 2 ? INT32_MAX : c * 2;
    n->u[i] = sl_xrealloc(n->u[i], (size_t)c * sizeof(UChar));
    n->cap[i] = c;
}

/* Makes room for 'extra' more bytes (and the NUL) at the end of b. */
static char *reserve8(sl_buf *b, size_t extra)
{
    sl_grow((void **)&b->s, &b->cap, b->len + extra + 1, 1);
    return b->s + b->len;
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

static bool ascii_space(unsigned char c) { return c <= 0x20 || c == 0x7F; }

/* The key of ASCII text without ICU: lower case, spaces collapsed.  Control
 * characters count as space, as in the ICU path.  Also the last resort when
 * ICU fails: other bytes are copied, invalid sequences become U+FFFD. */
static void simple_key(const char *s, size_t len, sl_buf *out)
{
    char *o = reserve8(out, len + 2 * len), *start = o;
    bool space = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (ascii_space(c)) {
                space = o != start;
                continue;
            }
            if (space)
                *o++ = ' ';
            space = false;
            *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        size_t at = i;
        if (space)
            *o++ = ' ';
        space = false;
        if (sl_utf8_next(s, len, &i) < 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(o, s + at, i - at);
            o += i - at;
        }
    }
    out->len += (size_t)(o - start);
    out->s[out->len] = '\0';
}

/* ---- UTF-16 passes --------------------------------------------------------
 * Each returns the length written into buffer 'dst', or -1 if ICU failed. */

static int32_t from_utf8(sl_norm *n, const char *s, size_t len, int dst)
{
    reserve16(n, dst, (int32_t)len + 1);
    int32_t got = 0, subs = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(n->u[dst], n->cap[dst], &got, s, (int32_t)len,
                         0xFFFD, &subs, &err);
    return U_FAILURE(err) ? -1 : got;
}

/* Normalizes src[0..len) into dst with 'norm', growing dst as ICU asks. */
static int32_t normalize(sl_norm *n, const UNormalizer2 *norm, int src,
                         int32_t len, int dst)
{
    reserve16(n, dst, len + len / 2 + 16);
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t got = unorm2_normalize(norm, n->u[src], len, n->u[dst],
                                       n->cap[dst], &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            reserve16(n, dst, got + 1);
            continue;
        }
        if (err == U_MEMORY_ALLOCATION_ERROR)
            icu_fatal("normalization", err);
        return U_FAILURE(err) ? -1 : got;
    }
}

static bool is_space16(UChar32 c)
{
    return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR;
}

/* True if the nonspacing marks on c are accents that may go: on Latin,
 * Greek, Cyrillic, Arabic and Hebrew letters they are (diacritics, vowel
 * points); in Indic and South-East Asian scripts they spell vowels, so
 * stripping them would merge different words. */
static bool marks_optional(UChar32 c)
{
    if (c < 0x590)
        return true;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &err);
    return U_FAILURE(err) || sc == USCRIPT_LATIN || sc == USCRIPT_GREEK ||
           sc == USCRIPT_CYRILLIC || sc == USCRIPT_ARABIC ||
           sc == USCRIPT_HEBREW || sc == USCRIPT_COMMON;
}

/* The modifier letters transliteration writes for soft and hard signs and
 * for glottal stops (ʹ ʺ ʻ ʼ ʾ ʿ): noise in a name key. */
static bool is_translit_sign(UChar32 c)
{
    return c == 0x2B9 || c == 0x2BA || c == 0x2BB || c == 0x2BC ||
           c == 0x2BE || c == 0x2BF;
}

/* Copies src to dst without optional nonspacing marks (and, for names,
 * without transliteration signs), white space runs collapsed to one space
 * and trimmed.  Never fails. */
static int32_t strip(sl_norm *n, int src, int32_t len, int dst, bool name)
{
    reserve16(n, dst, len + 1);
    const UChar *s = n->u[src];
    UChar *d = n->u[dst];
    int32_t o = 0;
    bool space = false, optional = true;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT(s, i, len, c);
        if (c < 0x80 ? ascii_space((unsigned char)c) : is_space16(c)) {
            space = o > 0;
            continue;
        }
        if (c >= 0x300 && (U_GET_GC_MASK(c) & U_GC_MN_MASK)) {
            if (optional)
                continue;
        } else if (name && is_translit_sign(c)) {
            continue;
        } else {
            optional = marks_optional(c);
        }
        if (space)
            d[o++] = ' ';
        space = false;
        U16_APPEND_UNSAFE(d, o, c);
    }
    return o;
}

/* True if src holds a letter of a script other than Latin. */
static bool needs_latin(const sl_norm *n, int src, int32_t len)
{
    const UChar *s = n->u[src];
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT(s, i, len, c);
        if (c < 0x250 || !u_isalpha(c))
            continue;
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &err);
        if (U_SUCCESS(err) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
            sc != USCRIPT_INHERITED)
            return true;
    }
    return false;
}

static bool has_non_ascii(const sl_norm *n, int src, int32_t len)
{
    for (int32_t i = 0; i < len; i++)
        if (n->u[src][i] >= 0x80)
            return true;
    return false;
}

/* Transliterates buffer 'buf' in place with 't'; 'spare' keeps a copy for a
 * retry with more room.  Returns the new length, or -1 (buf unchanged). */
static int32_t transliterate(sl_norm *n, UTransliterator *t, int buf,
                             int32_t len, int spare)
{
    reserve16(n, spare, len + 1);
    memcpy(n->u[spare], n->u[buf], (size_t)len * sizeof(UChar));
    reserve16(n, buf, 2 * len + 16);
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t got = len, limit = len;
        utrans_transUChars(t, n->u[buf], &got, n->cap[buf], 0, &limit, &err);
        if (got < n->cap[buf] && U_SUCCESS(err))
            return got;
        memcpy(n->u[buf], n->u[spare], (size_t)len * sizeof(UChar));
        if (err == U_MEMORY_ALLOCATION_ERROR)
            icu_fatal("transliteration", err);
        if (got < n->cap[buf] || got > INT32_MAX / 2)
            return -1;
        reserve16(n, buf, got + 16);
    }
}

/* Appends src[0..len) to out as UTF-8.  Returns false if ICU failed. */
static bool to_utf8(sl_norm *n, int src, int32_t len, sl_buf *out)
{
    if (len > INT32_MAX / 3 - 1)
        return false;
    char *o = reserve8(out, 3 * (size_t)len);
    int32_t got = 0, subs = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strToUTF8WithSub(o, 3 * len + 1, &got, n->u[src], len, 0xFFFD, &subs,
                       &err);
    if (U_FAILURE(err))
        return false;
    out->len += (size_t)got;
    out->s[out->len] = '\0';
    return true;
}

/* ---- keys ------------------------------------------------------------------ */

/* The plain key in UTF-16: fold, strip, compose.  Returns the buffer holding
 * it and its length in *len, or -1 if ICU failed. */
static int key16(sl_norm *n, const char *s, size_t slen, int32_t *len)
{
    int32_t k = from_utf8(n, s, slen, 0);
    if (k >= 0)
        k = normalize(n, n->fold, 0, k, 1);
    if (k >= 0)
        k = strip(n, 1, k, 0, false);
    if (k >= 0)
        k = normalize(n, n->nfc, 0, k, 1);
    *len = k;
    return k < 0 ? -1 : 1;
}

void sl_norm_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{
    if (all_ascii(s, len) || len > MAX_ICU_INPUT) {
        simple_key(s, len, out);
        return;
    }
    int32_t k;
    int b = key16(n, s, len, &k);
    if (b < 0 || !to_utf8(n, b, k, out))
        simple_key(s, len, out);
}

/* Writes the folded text in buffer 1 ('len' long) in Latin letters:
 * recompose (transliterators expect NFC), Any-Latin, fold again.  The result
 * is in buffer 1 again.  Returns false if ICU failed (buffer 1 is then
 * unusable). */
static bool romanize(sl_norm *n, int32_t *len)
{
    UTransliterator *t = translit(&n->to_latin, &n->latin_tried, "Any-Latin");
    if (!t)
        return true; /* no transliterator: keep the script */
    int32_t k = normalize(n, n->nfc, 1, *len, 0);
    if (k >= 0)
        k = transliterate(n, t, 0, k, 2);
    if (k < 0) /* buffer 1 is untouched */
        return true;
    *len = normalize(n, n->fold, 0, k, 1);
    return *len >= 0;
}

/* Latin-ASCII on the stripped text in buffer 0, then stripped again: the
 * result is in buffer 0.  Without the transliterator (or if it fails) the
 * text is only recomposed.  Returns false if ICU failed. */
static bool asciify(sl_norm *n, int32_t *len)
{
    UTransliterator *t = translit(&n->to_ascii, &n->ascii_tried, "Latin-ASCII");
    int32_t k = normalize(n, n->nfc, 0, *len, 1);
    if (k < 0)
        return false;
    int32_t r = t ? transliterate(n, t, 1, k, 2) : -1;
    *len = strip(n, 1, r >= 0 ? r : k, 0, true);
    return true;
}

/* The name key in UTF-16, in buffer 0 ('len' long); false if ICU failed. */
static bool name_key16(sl_norm *n, const char *s, size_t slen, int32_t *len)
{
    int32_t k = from_utf8(n, s, slen, 0);
    if (k >= 0)
        k = normalize(n, n->fold, 0, k, 1);
    if (k < 0)
        return false;
    if (needs_latin(n, 1, k) && !romanize(n, &k))
        return false;
    k = strip(n, 1, k, 0, true);
    if (has_non_ascii(n, 0, k) && !asciify(n, &k))
        return false;
    *len = k;
    return true;
}

void sl_norm_name_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{
    if (all_ascii(s, len) || len > MAX_ICU_INPUT) {
        simple_key(s, len, out);
        return;
    }
    int32_t k;
    if (name_key16(n, s, len, &k) && to_utf8(n, 0, k, out))
        return;
    sl_norm_key(n, s, len, out);
}

/* ---- the memo of word keys ---------------------------------------------------
 * Words recur from article to article, and a key costs several ICU passes,
 * so the keys of short strings are kept: at most MEMO_SLOTS / 2 of them in
 * MEMO_BYTES, all forgotten at once when either is full.  A key depends
 * only on its input, so a remembered key is the key. */

static void memo_forget(sl_norm *n)
{
    if (!n->memo)
        n->memo = sl_xmalloc(MEMO_SLOTS * sizeof *n->memo);
    memset(n->memo, 0, MEMO_SLOTS * sizeof *n->memo);
    n->nmemo = 0;
    sl_buf_clear(&n->memo_bytes);
}

/* The slot of s[0..len) of this kind: its key, or the empty slot for it. */
static memo_slot *memo_find(sl_norm *n, const char *s, size_t len, uint8_t kind, uint64_t h)
{
    for (size_t i = (size_t)h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
        memo_slot *m = &n->memo[i];
        if (!m->kind || (m->h == h && m->kind == kind && m->nsrc == len &&
                         !memcmp(n->memo_bytes.s + m->at, s, len)))
            return m;
    }
}

/* Appends the key of s[0..len) of this kind to out, unless a piece that
 * does not start alone (then returns false). */
static bool make_key(sl_norm *n, const char *s, size_t len, uint8_t kind, sl_buf *out)
{
    if (kind == MEMO_PIECE && !sl_norm_starts_alone(n, s, len))
        return false;
    (kind == MEMO_NAME ? sl_norm_name_key : sl_norm_key)(n, s, len, out);
    return true;
}

/* make_key(), remembered. */
static bool memo_key(sl_norm *n, const char *s, size_t len, uint8_t kind, sl_buf *out)
{
    if (len == 0 || len > MEMO_INPUT)
        return make_key(n, s, len, kind, out);
    if (!n->memo)
        memo_forget(n);
    uint64_t h = XXH3_64bits(s, len) ^ kind;
    memo_slot *m = memo_find(n, s, len, kind, h);
    if (m->kind) {
        sl_buf_put(out, n->memo_bytes.s + m->at + m->nsrc, m->nkey);
        return kind != MEMO_PIECE || m->alone;
    }
    size_t start = out->len;
    bool alone = make_key(n, s, len, kind, out);
    size_t nkey = out->len - start;
    if (nkey > UINT16_MAX)
        return alone;
    if (2 * (n->nmemo + 1) > MEMO_SLOTS || n->memo_bytes.len + len + nkey > MEMO_BYTES) {
        memo_forget(n);
        m = memo_find(n, s, len, kind, h);
    }
    *m = (memo_slot){h, (uint32_t)n->memo_bytes.len, (uint16_t)len, (uint16_t)nkey, kind, alone};
    sl_buf_put(&n->memo_bytes, s, len);
    sl_buf_put(&n->memo_bytes, out->s + start, nkey);
    n->nmemo++;
    return alone;
}

void sl_norm_word_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{
    memo_key(n, s, len, MEMO_KEY, out);
}

void sl_norm_word_name_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{
    memo_key(n, s, len, MEMO_NAME, out);
}

bool sl_norm_piece_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{
    if (len && (unsigned char)s[0] < 0x80 && !ascii_space((unsigned char)s[0])) {
        memo_key(n, s, len, MEMO_KEY, out); /* an ASCII start is alone */
        return true;
    }
    return memo_key(n, s, len, MEMO_PIECE, out);
}

bool sl_norm_starts_alone(const sl_norm *n, const char *s, size_t len)
{
    size_t i = 0;
    int32_t c = len ? sl_utf8_next(s, len, &i) : -1;
    if (c < 0x80)
        return c >= 0 && !ascii_space((unsigned char)c);
    if (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_Z_MASK | U_GC_C_MASK))
        return false;
    UChar buf[32];
    UErrorCode err = U_ZERO_ERROR;
    int32_t k = unorm2_getDecomposition(n->fold, c, buf, 32, &err);
    if (U_FAILURE(err))
        return false;
    if (k <= 0)
        return true; /* c stays itself: no mark, no space */
    int32_t j = 0;
    UChar32 first;
    U16_NEXT(buf, j, k, first);
    return !(U_GET_GC_MASK(first) & U_GC_M_MASK) && !is_space16(first);
}
