/*
 * tokenize.c -- the words, numbers and character bigrams of a text.
 *
 * One pass over the UTF-8 bytes.  ASCII takes a table-driven fast path;
 * other code points are classified with ICU's character properties
 * (u_charType: letters, marks and digits of every script), and the scripts
 * written without spaces by range.
 *
 *  - Words are runs of letters, marks and digits (after a letter: "G20").
 *    Hyphens, slashes and the like split them ("48-hour" -> "48" "hour").
 *    Apostrophes: "Turkey's" -> "Turkey" (possessive and English clitics
 *    dropped), "l'armée" -> "armée" (one- or two-letter elisions and a few
 *    Italian/French ones: "dell'", "jusqu'"), Turkish "Türkiye'nin" ->
 *    "Türkiye" (the case suffix dropped); otherwise the apostrophe is kept
 *    inside the word and dropped by the term ("Qur'an", Ukrainian "м'ясо").
 *    "U.S." is one word.
 *  - Numbers: digits of any script with grouping and decimal marks, read
 *    the way the language writes them: "2,500", "2.500" (German) and
 *    "2 500" (French) are 2500; "2,5" (German) and "2.5" (English) are
 *    decimals.  A mark that could be either and is not the language's is not
 *    read ("14.11.2022" gives three numbers).  The term (terms.c) writes the
 *    digits in ASCII with '.' as the decimal mark.
 *  - Chinese, Japanese (kanji and kana), Thai, Lao, Khmer and Myanmar runs
 *    give overlapping bigrams of characters (a character being a base and
 *    its marks); a run of one gives one token.  Korean is spaced: words.
 *
 * Flags: SL_TOKF_UPPER (first letter upper-case), SL_TOKF_SENT (first token
 * after . ! ? 。 ؟ । or a line break, or of the text), SL_TOKF_ACRONYM (all
 * capitals, at least two letters, unless part of a run of three or more such
 * words: a shouted headline), SL_TOKF_JOIN (apostrophes, dots or Hebrew
 * quotes inside).
 *
 * Invariants: tokens are in text order, do not overlap (bigrams overlap by
 * one character) and never split a UTF-8 sequence; invalid bytes are
 * separators.  The scan never reads past len, and it is iterative (no
 * recursion, whatever the input).  Tests: tests/text/test_tokenize.c.
 */
#include "terms.h"

#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <unicode/uchar.h>

/* ---- character classes ---------------------------------------------------- */

enum { C_SEP, C_LOWER, C_UPPER, C_DIGIT, C_APOS, C_END, C_NL, C_HIGH };

/* Byte classes: ASCII letters, digits, the apostrophe, sentence ends;
 * C_HIGH for the bytes of longer UTF-8 sequences. */
static const uint8_t ascii_class[256] = {
    [0x80 ... 0xFF] = C_HIGH,
    ['\n'] = C_NL, ['\''] = C_APOS, ['.'] = C_END, ['!'] = C_END,
    ['?'] = C_END,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT,
    ['4'] = C_DIGIT, ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT,
    ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
    ['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER,
    ['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
    ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER,
    ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
    ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
    ['y'] = C_LOWER, ['z'] = C_LOWER,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER,
    ['E'] = C_UPPER, ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER,
    ['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
    ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER,
    ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
    ['Y'] = C_UPPER, ['Z'] = C_UPPER,
};

/* Scripts written without spaces: 0 = none, else a group; a bigram never
 * joins two groups. */
enum { G_NONE, G_CJK, G_THAI, G_LAO, G_KHMER, G_MYANMAR };

static int bigram_group(int32_t c)
{
    if (c < 0x1000)
        return c >= 0xE00 && c < 0xE80 ? G_THAI
             : c >= 0xE80 && c < 0xF00 ? G_LAO : G_NONE;
    if (c < 0x10A0)
        return G_MYANMAR;
    if (c >= 0x1780 && c < 0x1800)
        return G_KHMER;
    if ((c >= 0x3005 && c <= 0x3007) || (c >= 0x3040 && c < 0x3100) ||
        (c >= 0x31F0 && c < 0x3200) || (c >= 0x3400 && c < 0x4DC0) ||
        (c >= 0x4E00 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00) ||
        (c >= 0xFF66 && c < 0xFFA0) || (c >= 0x20000 && c < 0x323B0))
        return G_CJK;
    return G_NONE;
}

static bool is_apos(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2BC; }

static bool is_sentence_end(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E ||
           c == 0x61F || c == 0x6D4 || c == 0x964 || c == 0x965 ||
           c == 0x1362;
}

/* Zero-width characters that live inside words (ZWNJ, ZWJ, soft hyphen,
 * word joiner); the term's NFKC_Casefold drops them. */
static bool is_inword_format(int32_t c)
{
    return c == 0x200C || c == 0x200D || c == 0xAD || c == 0x2060;
}

#define MASK_WORD (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)

/* ---- the scanner ---------------------------------------------------------- */

typedef struct {
    const sl_lang *lang;
    const char *s;
    size_t len;
    sl_tokens *out;
    bool sent;        /* the next token starts a sentence */
    size_t caps_from; /* first token of the current run of all-caps words */
} scan;

/* Flag kept while scanning: all capitals (see end_caps_run()). */
enum { F_CAPS = 0x80 };

/* Runs of three or more all-capital words are shouting, not acronyms: when
 * a run ends (before token 'end'), its words become acronyms or not. */
static void end_caps_run(scan *z, size_t end)
{
    sl_token *v = z->out->v;
    for (size_t k = z->caps_from; k < end; k++) {
        v[k].flags &= (uint8_t)~F_CAPS;
        if (end - z->caps_from < 3)
            v[k].flags |= SL_TOKF_ACRONYM;
    }
}

/* The code point at *i (advanced), or -1 for an invalid byte. */
static int32_t next_cp(const scan *z, size_t *i)
{
    unsigned char b = (unsigned char)z->s[*i];
    if (b < 0x80) {
        (*i)++;
        return b;
    }
    return sl_utf8_next(z->s, z->len, i);
}

static int32_t peek_cp(const scan *z, size_t i)
{
    return i < z->len ? next_cp(z, &i) : -1;
}

static inline void emit(scan *z, size_t start, size_t end, int kind,
                        int flags, size_t dec)
{
    if (end <= start)
        return;
    if (z->sent)
        flags |= SL_TOKF_SENT;
    z->sent = false;
    sl_tokens *o = z->out;
    if (o->n == o->cap)
        sl_grow((void **)&o->v, &o->cap, o->n + 1, sizeof *o->v);
    if (!(flags & F_CAPS)) {
        if (z->caps_from < o->n)
            end_caps_run(z, o->n);
        z->caps_from = o->n + 1;
    }
    o->v[o->n++] = (sl_token){(uint32_t)start, (uint32_t)(end - start),
                              (uint16_t)dec, (uint8_t)kind, (uint8_t)flags};
}

/* True if c continues a word (letters, marks, digits; not the spaceless
 * scripts, which are bigrams). */
static bool word_cp(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && ascii_class[c] >= C_LOWER && ascii_class[c] <= C_DIGIT;
    if (is_inword_format(c))
        return true;
    return (U_GET_GC_MASK(c) & MASK_WORD) && !bigram_group(c);
}

static bool ascii_alpha(int c)
{
    return c >= 0 && c < 0x80 &&
           (ascii_class[c] == C_LOWER || ascii_class[c] == C_UPPER);
}

/* ---- words ---------------------------------------------------------------- */

typedef struct {
    size_t start;
    int flags;
} word_state;

static bool upper_cp(int32_t c)
{
    return c < 0x80 ? c >= 0 && ascii_class[c] == C_UPPER
                    : u_isupper(c) || u_istitle(c);
}

/* A word starts at 'start' (on a letter). */
static void word_begin(const scan *z, word_state *w, size_t start)
{
    unsigned char b = (unsigned char)z->s[start];
    w->start = start;
    w->flags = (b < 0x80 ? ascii_class[b] == C_UPPER : upper_cp(peek_cp(z, start)))
                   ? SL_TOKF_UPPER : 0;
}

/* All capitals: at least two cased letters, none lower-case.  Only asked
 * of words that start upper-case, so it costs nothing for most words. */
static bool all_caps(const scan *z, size_t a, size_t b)
{
    int upper = 0;
    while (a < b) {
        int32_t c = next_cp(z, &a);
        if (c < 0x80 ? c >= 0 && ascii_class[c] == C_LOWER : u_islower(c))
            return false;
        upper += upper_cp(c);
    }
    return upper >= 2;
}

static void word_emit(scan *z, const word_state *w, size_t end)
{
    int f = w->flags;
    if ((f & SL_TOKF_UPPER) && all_caps(z, w->start, end))
        f |= F_CAPS;
    emit(z, w->start, end, SL_TOK_WORD, f, 0);
}

/* True if s[a..b) is ASCII letters only. */
static bool ascii_letters(const char *s, size_t a, size_t b)
{
    if (a >= b)
        return false;
    for (; a < b; a++)
        if (!ascii_alpha((unsigned char)s[a]))
            return false;
    return true;
}

/* French and Italian elisions longer than two letters ("jusqu'", "dell'"). */
static bool elision(const char *s, size_t n)
{
    static const char *const words[] = {
        "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
        "dell", "dall", "nell", "sull", "all", "coll", "quest", "quell",
        "nessun", "tutt"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && strncasecmp(words[k], s, n) == 0)
            return true;
    return false;
}

/* English clitics after an apostrophe: 'll 're 've 'm 'd 't (don't). */
static bool clitic(const char *s, size_t n)
{
    return (n == 1 && strchr("mdtMDT", s[0])) ||
           (n == 2 && (!strncasecmp(s, "ll", 2) || !strncasecmp(s, "re", 2) ||
                       !strncasecmp(s, "ve", 2)));
}

/* Bytes of the ASCII letter run at i. */
static size_t ascii_run(const scan *z, size_t i)
{
    size_t j = i;
    while (j < z->len && ascii_alpha((unsigned char)z->s[j]))
        j++;
    return j - i;
}

/* End of the word-character run at i. */
static size_t word_run_end(const scan *z, size_t i)
{
    while (i < z->len) {
        size_t j = i;
        if (!word_cp(next_cp(z, &j)))
            break;
        i = j;
    }
    return i;
}

/* What an apostrophe at p (alen bytes) does to the word in w.  Returns
 * where scanning goes on; sets *done if the word was emitted, else the
 * scan continues the (possibly restarted) word at the returned place. */
static size_t apostrophe(scan *z, word_state *w, size_t p, size_t alen,
                         bool *done)
{
    size_t q = p + alen;
    int32_t after = peek_cp(z, q);
    bool letter_after = word_cp(after) &&
                        !(after < 0x80 && ascii_class[after] == C_DIGIT);
    const char *x = z->s + w->start;
    size_t xlen = p - w->start, ylen = ascii_run(z, q);
    bool y_alone = ylen > 0 && !word_cp(peek_cp(z, q + ylen));
    *done = true;
    if (!letter_after) {
        word_emit(z, w, p);
        return q;
    }
    if (!strcmp(z->lang->code, "tr") || !strcmp(z->lang->code, "az")) {
        word_emit(z, w, p); /* Türkiye'nin: the suffix goes */
        return word_run_end(z, q);
    }
    if (ascii_letters(z->s, w->start, p)) {
        bool english = !z->lang->space[0];
        bool poss = ylen == 1 && (z->s[q] == 's' || z->s[q] == 'S');
        if (y_alone && (poss || (english && clitic(z->s + q, ylen)))) {
            word_emit(z, w, p);
            return q + ylen;
        }
        if (xlen <= 2 || elision(x, xlen)) {
            word_begin(z, w, q); /* l'armée: the article goes */
            *done = false;
            return q;
        }
    }
    w->flags |= SL_TOKF_JOIN; /* Qur'an, м'ясо */
    *done = false;
    return q;
}

/* "U.S." at the '.' at p, after a one-letter word: the end of the acronym
 * (past its last dot), or p if there is none. */
static size_t acronym_end(const scan *z, const word_state *w, size_t p)
{
    const unsigned char *s = (const unsigned char *)z->s;
    if (p - w->start != 1 || !ascii_alpha(s[w->start]))
        return p;
    size_t j = p;
    while (j + 1 < z->len && s[j] == '.' && ascii_alpha(s[j + 1]) &&
           (j + 2 >= z->len || !word_cp(peek_cp(z, j + 2))))
        j += 2;
    if (j == p)
        return p;
    return j < z->len && s[j] == '.' ? j + 1 : j;
}

static bool hebrew_letter(int32_t c) { return c >= 0x5D0 && c <= 0x5EA; }

/* ASCII letters and digits: the bytes the word loop runs over. */
static bool alnum_byte(unsigned char b)
{
    return (unsigned)ascii_class[b] - C_LOWER <= (unsigned)(C_DIGIT - C_LOWER);
}

/* Scans the word starting at i; emits it; returns its end. */
static size_t word(scan *z, size_t i)
{
    word_state w;
    word_begin(z, &w, i);
    int32_t prev = -1;
    const unsigned char *s = (const unsigned char *)z->s;
    while (i < z->len) {
        if (alnum_byte(s[i])) { /* the fast path: most of every text */
            do
                i++;
            while (i < z->len && alnum_byte(s[i]));
            prev = s[i - 1];
            if (i < z->len && ascii_class[s[i]] == C_SEP && s[i] != '"')
                break; /* a space or punctuation: the usual end */
            continue;
        }
        size_t j = i;
        int32_t c = next_cp(z, &j);
        if (c >= 0x80 && word_cp(c)) {
            prev = c;
            i = j;
            continue;
        }
        if (is_apos(c)) {
            bool done;
            i = apostrophe(z, &w, i, j - i, &done);
            if (done)
                return i;
            prev = c;
            continue;
        }
        if (c == '.') {
            size_t e = acronym_end(z, &w, i);
            if (e > i) {
                w.flags |= SL_TOKF_JOIN;
                word_emit(z, &w, e);
                return e;
            }
        }
        if ((c == '"' || c == 0x5F3 || c == 0x5F4) && hebrew_letter(prev) &&
            hebrew_letter(peek_cp(z, j))) {
            w.flags |= SL_TOKF_JOIN; /* צה"ל */
            prev = c;
            i = j;
            continue;
        }
        break;
    }
    word_emit(z, &w, i);
    return i;
}

/* ---- numbers -------------------------------------------------------------- */

/* End of the digit run at i (digits of any script); *n = digits seen. */
static size_t digit_run(const scan *z, size_t i, size_t *n)
{
    *n = 0;
    while (i < z->len) {
        unsigned char b = (unsigned char)z->s[i];
        if (b >= '0' && b <= '9') {
            i++;
            (*n)++;
            continue;
        }
        if (b < 0x80)
            break;
        size_t j = i;
        int32_t c = next_cp(z, &j);
        if (c < 0 || u_charType(c) != U_DECIMAL_DIGIT_NUMBER)
            break;
        i = j;
        (*n)++;
    }
    return i;
}

enum { S_NONE, S_GROUP, S_DECIMAL };

/* What the mark at i is in this language: a thousands group mark, a
 * decimal mark, or neither; *len = its bytes. */
static int mark_at(const scan *z, size_t i, size_t *len, int32_t *which)
{
    size_t j = i;
    int32_t c = i < z->len ? next_cp(z, &j) : -1;
    *len = j - i;
    *which = c;
    if (c == '.' || c == ',')
        return c == z->lang->decimal ? S_DECIMAL : S_GROUP;
    if (c == 0x66B)
        return S_DECIMAL;
    if (c == 0x66C || c == 0xA0 || c == 0x202F || c == 0x2009 ||
        (c == ' ' && z->lang->space_groups))
        return S_GROUP;
    return S_NONE;
}

/* Scans the number at i; emits it; returns its end. */
static size_t number(scan *z, size_t i)
{
    size_t start = i, n0, n, mlen, dec = 0;
    size_t end = digit_run(z, i, &n0);
    int32_t group_mark = -1, c;
    for (;;) {
        int kind = mark_at(z, end, &mlen, &c);
        if (kind == S_NONE)
            break;
        size_t after = digit_run(z, end + mlen, &n);
        if (n == 0)
            break;
        if (kind == S_GROUP && n == 3 && n0 <= 3 &&
            (group_mark < 0 || group_mark == c)) {
            group_mark = c;
            end = after;
            continue;
        }
        if (kind == S_DECIMAL && end - start < UINT16_MAX) {
            dec = end - start + 1;
            end = after;
        }
        break;
    }
    emit(z, start, end, SL_TOK_NUMBER, 0, dec);
    return end;
}

/* ---- bigrams -------------------------------------------------------------- */

/* End of the character (base and marks) at i. */
static size_t cluster_end(const scan *z, size_t i)
{
    next_cp(z, &i);
    while (i < z->len) {
        size_t j = i;
        int32_t c = next_cp(z, &j);
        if (c < 0x300 || !(U_GET_GC_MASK(c) & U_GC_M_MASK))
            break;
        i = j;
    }
    return i;
}

/* Scans the run of script group g at i; emits its bigrams; returns its end. */
static size_t bigrams(scan *z, size_t i, int g)
{
    size_t first = i, prev = i, n = 0;
    while (i < z->len) {
        size_t j = i;
        int32_t c = next_cp(z, &j);
        if (c < 0 || bigram_group(c) != g || u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
            break;
        size_t e = cluster_end(z, i);
        if (++n >= 2)
            emit(z, prev, e, SL_TOK_BIGRAM, 0, 0);
        prev = i;
        i = e;
    }
    if (n == 1)
        emit(z, first, i, SL_TOK_BIGRAM, 0, 0);
    return i;
}

/* ---- the pass ------------------------------------------------------------- */

/* Handles the non-ASCII code point at i; returns where to go on. */
static size_t other(scan *z, size_t i)
{
    size_t j = i;
    int32_t c = next_cp(z, &j);
    if (c < 0)
        return j;
    int g = bigram_group(c);
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
        return number(z, i);
    if (g)
        return bigrams(z, i, g);
    if (U_GET_GC_MASK(c) & U_GC_L_MASK)
        return word(z, i);
    if (is_sentence_end(c) || c == 0x2029 || c == 0x2028)
        z->sent = true;
    return j;
}

void sl_tokenize(const sl_lang *lang, const char *s, size_t len,
                 sl_tokens *out)
{
    scan z = {lang, s, len > UINT32_MAX ? UINT32_MAX : len, out, true, 0};
    out->n = 0;
    size_t i = 0;
    while (i < z.len) {
        switch (ascii_class[(unsigned char)s[i]]) {
        case C_HIGH:
            i = other(&z, i);
            break;
        case C_LOWER:
        case C_UPPER:
            i = word(&z, i);
            break;
        case C_DIGIT:
            i = number(&z, i);
            break;
        case C_END:
        case C_NL:
            z.sent = true;
            i++;
            break;
        default:
            i++;
        }
    }
    if (z.caps_from < out->n)
        end_caps_run(&z, out->n);
}

void sl_tokens_free(sl_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    *t = (sl_tokens){0};
}
