/*
 * credits.c -- who took the picture: credit lines and credits glued to
 * captions.
 *
 * A credit names a photo or news agency, maybe a photographer, maybe after
 * a label: "Getty Images", "(Reuters)", "AFP/Jan Peeters", "Rachel Doe,
 * PA", "Photo: Reuters", "Foto: Jan Peeters/dpa", "(AP Photo/Jane Doe)",
 * "圖片來源:AFP".  It stands on its own line under a caption, or at the end
 * of the caption's line, or (rarely) before it: "Getty Images Queen
 * Elizabeth II at a parade".  A credit is split into parts at '/', ',',
 * '|', "via" ...; each part must be an agency (phrases.c, with words such
 * as "Photo" and "Pool" ignored: "AP Photo" is AP), a capitalised name, or
 * an acronym, and at least one part must be an agency -- or the credit must
 * open with a photo label.
 *
 * Invariant: a sentence is never a credit.  "..., Reuters reported." has
 * lower-case words in its part; "Photo: <a ten-word caption>" is a caption,
 * not a credit; a label inside a line counts only when capitalised
 * ("Photo:", not "image:"); a short acronym in brackets ("(PA)") is cut
 * from a line's end only after a full stop, so "Pittsburgh (PA)" stays.
 *
 * Tests: tests/clean/test_clean.c.
 */
#include "clean_internal.h"

#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

enum { PART_AGENCY, PART_NAME, PART_ACRONYM, PART_NEUTRAL, PART_BAD };

/* ---- parts ------------------------------------------------------------- */

/* The length of a part separator at s[i] ('/', ',', "via" ...), or 0. */
static size_t separator_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '/' || c == ',' || c == '|' || c == ';' || c == '&')
        return 1;
    if (i + 2 <= n && (!memcmp(s + i, "\xC2\xB7", 2)))
        return 2;
    if (i + 3 <= n && (!memcmp(s + i, "\xE2\x80\xA2", 3) || !memcmp(s + i, "\xEF\xBC\x8F", 3) ||
                       !memcmp(s + i, "\xE3\x80\x81", 3)))
        return 3; /* • ／ 、 */
    if (i > 0 && s[i - 1] == ' ' && i + 4 <= n && !memcmp(s + i, "via ", 4))
        return 4;
    if (i > 0 && s[i - 1] == ' ' && i + 2 <= n && s[i] == '-' && s[i + 1] == ' ')
        return 1;
    return 0;
}

/* Is the folded part f an agency (1), or does it end in an agency word
 * after other words (2: "jordan news agency"), or neither (0)? */
static int agency_kind(const sl_clean_bp *bp, const char *f, size_t n)
{
    uint32_t v;
    if (sl_clean_set_has(&bp->agency, f, n, &v) && v == 1)
        return 1;
    for (size_t i = n; i > 1; i--)
        if (f[i - 1] == ' ' && sl_clean_set_has(&bp->agency, f + i, n - i, &v) && v == 2)
            return 2;
    return 0;
}

/* The folded part in bp->tmp without its photo words ("AP Photo" -> "ap");
 * returns false when every word was one. */
static bool strip_photo_words(sl_clean_bp *bp, const char *f, size_t n, sl_buf *out)
{
    size_t i = 0;
    sl_buf_clear(out);
    while (i < n) {
        size_t j = i;
        while (j < n && f[j] != ' ')
            j++;
        if (!sl_clean_set_has(&bp->pwords, f + i, j - i, NULL)) {
            if (out->len)
                sl_buf_putc(out, ' ');
            sl_buf_put(out, f + i, j - i);
        }
        i = j + 1;
    }
    return out->len > 0;
}

static bool is_acronym(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-'))
            return false;
    return true;
}

/* A name: one to five tokens, each capitalised (or of a caseless script) or
 * a particle ("de", "van"), no digit. */
static bool is_name(sl_clean_bp *bp, const char *s, size_t n)
{
    size_t words = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t k = i;
        int32_t c = sl_utf8_next(s, j, &k);
        bool caps = c > 0 && (u_isupper(c) || u_istitle(c) ||
                              (u_isalpha(c) && !u_islower(c) && !u_isupper(c)));
        if (!caps) {
            sl_buf_clear(&bp->tmp);
            size_t fl = sl_clean_fold(s + i, j - i, &bp->tmp);
            if (!sl_clean_set_has(&bp->by_join, bp->tmp.s, fl, NULL))
                return false;
        }
        for (size_t d = i; d < j; d++)
            if (s[d] >= '0' && s[d] <= '9')
                return false;
        words++;
        i = j;
    }
    return words >= 1 && words <= 5;
}

/* What kind of credit part s[0..n) is. */
static int part_kind(sl_clean_bp *bp, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '(' || *s == '['))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == ')' || s[n - 1] == ']' || s[n - 1] == '.'))
        n--;
    if (!n)
        return PART_NEUTRAL;
    sl_buf_clear(&bp->part);
    sl_clean_fold(s, n, &bp->part);
    if (!strip_photo_words(bp, bp->part.s, bp->part.len, &bp->part2))
        return PART_NEUTRAL;
    int agency = agency_kind(bp, bp->part2.s, bp->part2.len);
    if (agency == 1 || (agency == 2 && is_name(bp, s, n))) /* "Jordan News Agency" */
        return PART_AGENCY;
    if (is_acronym(s, n))
        return PART_ACRONYM;
    return is_name(bp, s, n) ? PART_NAME : PART_BAD;
}

/* Agencies, names and acronyms separated by '/' ',' '|' "via": at least one
 * agency, or (three parts at least, with '/') an acronym.  'names_ok' accepts names
 * alone (after a source label at a line's end: "Video: Fox News"). */
static bool is_agency_list(sl_clean_bp *bp, const char *s, size_t n, bool names_ok)
{
    size_t i = 0, start = 0, agencies = 0, acronyms = 0, parts = 0;
    bool slash = false;
    while (i <= n) {
        size_t k = i < n ? separator_len(s, n, i) : 1;
        if (!k) {
            i++;
            continue;
        }
        slash |= i < n && s[i] == '/';
        int kind = part_kind(bp, s + start, i - start);
        if (kind == PART_BAD)
            return false;
        agencies += kind == PART_AGENCY;
        acronyms += kind == PART_ACRONYM;
        parts += kind != PART_NEUTRAL;
        i += k;
        start = i;
    }
    return agencies || (slash && acronyms && parts >= 3) || (names_ok && parts);
}

/* ---- labels ------------------------------------------------------------ */

/* The label opening the folded f ("photo", "source") and its kind (1 photo,
 * 2 source) in *kind; returns where what it introduces starts, or 0 when
 * there is no label followed by a separator. */
static size_t label_end(const sl_clean_bp *bp, const char *f, size_t n, uint32_t *kind)
{
    size_t len = sl_clean_set_prefix(&bp->photo, f, n, kind);
    if (!len)
        return 0;
    /* "Photo by", "Courtesy of", "Foto von", "©" need no separator */
    bool joined = (len >= 3 && (!memcmp(f + len - 3, " by", 3) || !memcmp(f + len - 3, " of", 3))) ||
                  (len >= 4 && !memcmp(f + len - 4, " von", 4)) ||
                  !memcmp(f, "\xC2\xA9", 2);
    size_t i = len;
    while (i < n && f[i] == ' ')
        i++;
    if (i == n)
        return n;
    if (joined)
        return i;
    size_t j = i;
    int32_t c = sl_utf8_next(f, n, &j);
    if (c == ':' || c == 0xFF1A || c == '/' || c == '|' || c == '-' || c == 0x2013 ||
        c == 0x2014 || c == ',' || c == '=' || c == 0xA9) {
        while (j < n && f[j] == ' ')
            j++;
        return j;
    }
    return 0;
}

/* The offset in s of what starts at byte 'at' of its folded form (labels
 * are short, so folding growing prefixes costs little). */
static size_t orig_at(sl_clean_bp *bp, const char *s, size_t n, size_t at)
{
    size_t i = 0, prev = 0;
    while (i < n) {
        prev = i;
        sl_utf8_next(s, n, &i);
        sl_buf_clear(&bp->part);
        size_t fl = sl_clean_fold(s, i, &bp->part);
        if (fl >= at) {
            i = fl > at ? prev : i;
            break;
        }
    }
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* Is s[0..n) a label and a credit: "Photo: Reuters" (a photo label and at
 * most eight words), "Source: AFP" (a source label and agencies)?  At a
 * line's end ('tail'), a label needs something after it, and a source
 * label may be followed by names ("Video: Fox News"). */
static bool is_labelled(sl_clean_bp *bp, const char *s, size_t n, bool tail)
{
    sl_buf_clear(&bp->fold2);
    size_t fn = sl_clean_fold(s, n, &bp->fold2);
    uint32_t kind;
    size_t at = label_end(bp, bp->fold2.s, fn, &kind);
    if (!at)
        return false;
    if (at == fn)
        return !tail;
    if (kind == 1)
        return sl_clean_words(bp->fold2.s + at, fn - at) <= 8;
    size_t o = orig_at(bp, s, n, at);
    return is_agency_list(bp, s + o, n - o, tail);
}

/* ---- the three places a credit stands ---------------------------------- */

/* Strips one pair of brackets around the whole of s[*a, *b). */
static void unwrap(const char *s, size_t *a, size_t *b)
{
    static const char *const pairs[][2] = {{"(", ")"}, {"[", "]"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"},
                                           {"\xE3\x80\x90", "\xE3\x80\x91"}};
    for (size_t k = 0; k < 4; k++) {
        size_t lo = strlen(pairs[k][0]), lc = strlen(pairs[k][1]);
        if (*b - *a >= lo + lc && !memcmp(s + *a, pairs[k][0], lo) &&
            !memcmp(s + *b - lc, pairs[k][1], lc)) {
            *a += lo;
            *b -= lc;
            return;
        }
    }
}

static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\t'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '.'))
        (*b)--;
}

bool sl_clean_is_credit(sl_clean_bp *bp, const char *s, size_t n)
{
    size_t a = 0, b = n;
    trim(s, &a, &b);
    unwrap(s, &a, &b);
    trim(s, &a, &b);
    if (a == b || b - a > 200 || sl_clean_words(s + a, b - a) > 12)
        return false;
    if (sl_clean_ends_sentence(s + a, b - a) && s[b - 1] != ')' && s[b - 1] != ']')
        return false;
    return is_labelled(bp, s + a, b - a, false) || is_agency_list(bp, s + a, b - a, false);
}

/* Where the bracket closing s[0..n) opens, or n if it does not close one. */
static size_t opening_bracket(const char *s, size_t n)
{
    char close = s[n - 1], open = close == ')' ? '(' : close == ']' ? '[' : 0;
    if (!open)
        return n;
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        depth += s[i] == close;
        depth -= s[i] == open;
        if (!depth)
            return i;
    }
    return n;
}

/* Is the text before 'at' a sentence's end ("... Texas. (AP Photo/...)")? */
static bool stop_before(const char *s, size_t at)
{
    while (at && s[at - 1] == ' ')
        at--;
    return at && sl_clean_ends_sentence(s, at);
}

/* A bracketed credit closing the line: "(AP Photo/Jane Doe)", "[Getty
 * Images]", "(圖/達志影像)".  A lone short agency needs a stop before it. */
static size_t bracket_tail(sl_clean_bp *bp, const char *s, size_t n)
{
    size_t o = opening_bracket(s, n);
    if (o == n || !sl_clean_has_alnum(s, o))
        return n;
    size_t a = o + 1, b = n - 1;
    trim(s, &a, &b);
    if (a == b || sl_clean_words(s + a, b - a) > 12)
        return n;
    if (is_labelled(bp, s + a, b - a, false))
        return o;
    if (!is_agency_list(bp, s + a, b - a, false))
        return n;
    bool lone_short = b - a <= 4 && !memchr(s + a, '/', b - a) && !memchr(s + a, ' ', b - a);
    return !lone_short || stop_before(s, o) ? o : n;
}

/* The same for full-width brackets: "（圖/中央社）", "【AFP】". */
static size_t cjk_bracket_tail(sl_clean_bp *bp, const char *s, size_t n)
{
    const char *open = !memcmp(s + n - 3, "\xEF\xBC\x89", 3) ? "\xEF\xBC\x88" : "\xE3\x80\x90";
    for (size_t o = n - 3; o-- > 0;) {
        if (memcmp(s + o, open, 3) || o + 3 > n - 3)
            continue;
        size_t a = o + 3, b = n - 3;
        trim(s, &a, &b);
        if (a < b && sl_clean_has_alnum(s, o) && sl_clean_words(s + a, b - a) <= 12 &&
            (is_labelled(bp, s + a, b - a, false) || is_agency_list(bp, s + a, b - a, false)))
            return o;
        return n;
    }
    return n;
}

/* Does s[0..at) end with a full stop, maybe inside a closing quote or
 * bracket ("... Texas." or "... said.\u201d")? */
static bool stop_at(const char *s, size_t at)
{
    while (at && (s[at - 1] == ')' || s[at - 1] == '"' || s[at - 1] == '\''))
        at--;
    if (at >= 3 && (!memcmp(s + at - 3, "\xE2\x80\x9D", 3) ||
                    !memcmp(s + at - 3, "\xE2\x80\x99", 3))) /* ” ’ */
        at -= 3;
    return at && (s[at - 1] == '.' || s[at - 1] == '!' || s[at - 1] == '?');
}

/* The start of the last sentence of s[0..n) (0 if there is one only). */
static size_t last_sentence(const char *s, size_t n)
{
    size_t e = n;
    while (e && (s[e - 1] == '.' || s[e - 1] == ' '))
        e--;
    for (size_t i = e; i > 1; i--)
        if (s[i - 1] == ' ' && stop_at(s, i - 1))
            return i;
    return 0;
}

/* Is s[a..b) made of credits only: bracketed ones, then maybe one more
 * ("(AP Photo/Jane Doe, Pool) Jane Doe/AP", "Photo: AP.")? */
static bool credit_run(sl_clean_bp *bp, const char *s, size_t a, size_t b)
{
    while (a < b && (s[a] == '(' || s[a] == '[')) {
        char close = s[a] == '(' ? ')' : ']';
        const char *c = memchr(s + a, close, b - a);
        if (!c)
            return false;
        size_t e = (size_t)(c - s), x = a + 1, y = e;
        trim(s, &x, &y);
        if (x == y || !(is_labelled(bp, s + x, y - x, false) ||
                        is_agency_list(bp, s + x, y - x, false)))
            return false;
        a = e + 1;
        while (a < b && s[a] == ' ')
            a++;
    }
    if (a == b)
        return true;
    size_t w = sl_clean_words(s + a, b - a);
    return w <= 9 && (is_labelled(bp, s + a, b - a, true) ||
                      (w <= 4 && is_agency_list(bp, s + a, b - a, false)));
}

/* Is position i of s[0..n) inside brackets opened before it? */
static bool inside_brackets(const char *s, size_t n, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < n; k++)
        depth += (s[k] == ')' || s[k] == ']') - (s[k] == '(' || s[k] == '[');
    return depth > 0;
}

/* A capitalised label followed by ':' among the last words of the line
 * ("... during the strike Foto: dpa"): where it starts, or n. */
static size_t label_tail(sl_clean_bp *bp, const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = n; i > 1 && words < 9; i--) {
        if (s[i - 1] != ' ')
            continue;
        words++;
        size_t k = i, e = i;
        int32_t c = sl_utf8_next(s, n, &k);
        if (c <= 0 || !(u_isupper(c) || c == 0xA9 || (u_isalpha(c) && !u_islower(c))))
            continue;
        while (e < n && s[e] != ' ')
            e++;
        bool sep = c == 0xA9 || memchr(s + i, ':', e - i) || memchr(s + i, '/', e - i) ||
                   (e + 4 < n && !memcmp(s + e, " by ", 4)) || (e + 2 < n && s[e + 1] == ':');
        if (sep && !inside_brackets(s, n, i) && is_labelled(bp, s + i, n - i, true))
            return i;
    }
    return n;
}

size_t sl_clean_credit_tail(sl_clean_bp *bp, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n < 4 || n > 4000)
        return n;
    char last = s[n - 1];
    size_t at = n;
    if (last == ')' || last == ']')
        at = bracket_tail(bp, s, n);
    else if (n >= 3 && (!memcmp(s + n - 3, "\xEF\xBC\x89", 3) ||
                        !memcmp(s + n - 3, "\xE3\x80\x91", 3))) /* ） 】 */
        at = cjk_bracket_tail(bp, s, n);
    if (at == n) {
        size_t u = last_sentence(s, n);
        if (u && sl_clean_words(s + u, n - u) <= 12 && credit_run(bp, s, u, n))
            at = u;
    }
    if (at == n)
        at = label_tail(bp, s, n);
    if (at == n || !sl_clean_has_alnum(s, at))
        return n;
    while (at && s[at - 1] == ' ')
        at--;
    return at;
}

size_t sl_clean_credit_head(sl_clean_bp *bp, const char *s, size_t n)
{
    for (size_t k = 0; k < sl_clean_credit_heads.n; k++) {
        const char *h = sl_clean_credit_heads.w[k];
        size_t len = strlen(h);
        if (n > len + 1 && !strncasecmp(s, h, len) && s[len] == ' ') {
            size_t rest = len;
            while (rest < n && s[rest] == ' ')
                rest++;
            if (sl_clean_has_alnum(s + rest, n - rest) && !sl_clean_ends_sentence(s, n))
                return rest;
        }
    }
    (void)bp;
    return 0;
}

size_t sl_clean_photo_label(sl_clean_bp *bp, const char *s, size_t n)
{
    size_t a = n && (s[0] == '(' || s[0] == '[') ? 1 : 0;
    const char *colon = memchr(s + a, ':', n - a < 32 ? n - a : 32);
    if (!colon)
        return 0;
    size_t c = (size_t)(colon - s);
    sl_buf_clear(&bp->part);
    size_t fl = sl_clean_fold(s + a, c - a, &bp->part);
    uint32_t kind;
    if (!sl_clean_set_has(&bp->photo, bp->part.s, fl, &kind) || kind != 1)
        return 0;
    size_t r = c + 1;
    while (r < n && s[r] == ' ')
        r++;
    return sl_clean_words(s + r, n - r) >= 5 ? r : 0;
}
