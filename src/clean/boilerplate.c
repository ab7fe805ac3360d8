/*
 * boilerplate.c -- is this one line text, or something a page put around it?
 *
 * A line is judged alone, by what it is, never by where it stands (clean.c
 * adds position: lists of related links, the trailing orphan).  In order:
 *
 *   - no letter or digit at all ("—", "↧")               orphan line
 *   - a bare URL                                          link
 *   - a tweet embed: "pic.twitter.com/...", or a line that ends in the
 *     signature "— Name (@handle) July 22, 2020"          tweet embed
 *   - a phrase of phrases.c at its start, within what the phrase's mode
 *     allows after it ("Read more: <headline>", "Share this article", a
 *     cookie notice, "Advertisement")                     its reason
 *   - "All rights reserved" and the like anywhere in a short line, or a
 *     line opening with "©"                               copyright
 *   - "5 min read"                                        navigation
 *   - a share bar: only network names and share verbs     share prompt
 *   - a credit ("Getty Images", "Photo: Reuters"; credits.c)  photo credit
 *   - a byline: "By" and names only ("By Jane Doe and John Roe, CNN")
 *
 * Matching goes through the folded form (fold.c) and hash sets: the folded
 * line's prefixes are hashed once, byte by byte, and each prefix that ends
 * at a word boundary is looked up, so the cost is the length of the
 * longest phrase, whatever the number of phrases.  The tweet signature is
 * parsed by hand from its "(@": no regular expression runs on the text.
 *
 * Invariant: precision first.  A line that ends like a sentence passes every
 * test that a headline-after-a-label would pass only when the label cannot
 * open a sentence; word limits keep a long sentence that happens to start
 * with "Subscribe" or "By" out of reach.
 *
 * Tests: tests/clean/test_clean.c.
 */
#include "clean_internal.h"

#include <string.h>
#include <unicode/uchar.h>

/* ---- small helpers ----------------------------------------------------- */

/* Does s[0..n) hold a letter (not only digits, spaces and symbols)? */
static bool has_letter(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t c = sl_utf8_next(s, n, &i);
        if (c > 0 && sl_clean_isalnum(c) && !u_isdigit(c))
            return true;
    }
    return false;
}

/* Skips spaces from s[i]. */
static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* Is the code point at s[i] one that separates a label from what it
 * introduces: ':' '|' '-' '>' '»' '→' ...? */
static bool is_separator_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return false;
    size_t j = i;
    int32_t c = sl_utf8_next(s, n, &j);
    return c == ':' || c == '|' || c == '-' || c == '>' || c == '/' || c == 0xFF1A ||
           c == 0x2013 || c == 0x2014 || c == 0xBB || c == 0x203A || c == 0x2192 ||
           c == 0xB7 || c == 0x2022 || c == 0x25B6 || c == 0x25BA || c == 0x3011 || c == 0x300B;
}

/* The start of f after bullets and brackets ("» ", "▶ ", "[", "【"). */
static size_t skip_bullets(const char *f, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        int32_t c = sl_utf8_next(f, n, &j);
        if (c < 0 || sl_clean_isalnum(c) || c == 0xA9 || c == '@' || c == '#')
            break;
        i = j;
    }
    return i;
}

bool sl_clean_headline_like(const char *s, size_t n)
{
    return n && n <= 400 && has_letter(s, n) && !sl_clean_ends_sentence(s, n) &&
           sl_clean_words(s, n) <= 20;
}

/* ---- phrases ----------------------------------------------------------- */

/* Does f[0..e) end with a letter or digit? */
static bool alnum_end(const char *f, size_t e)
{
    size_t p = e - 1;
    while (p > 0 && ((unsigned char)f[p] & 0xC0) == 0x80)
        p--;
    size_t q = p;
    int32_t c = sl_utf8_next(f, e, &q);
    return c > 0 && sl_clean_isalnum(c);
}

/* The end of f[0..n) without trailing stops, spaces and symbols. */
static size_t text_end(const char *f, size_t n)
{
    while (n && !alnum_end(f, n))
        n--;
    return n;
}

/* Where the last word of f[0..e) starts: its last run of letters and
 * digits, or its last two characters in a script without spaces. */
static size_t last_word(const char *f, size_t e)
{
    size_t i = e, cjk = 0;
    while (i > 0) {
        size_t p = i - 1;
        while (p > 0 && ((unsigned char)f[p] & 0xC0) == 0x80)
            p--;
        size_t q = p;
        int32_t c = sl_utf8_next(f, e, &q);
        if (c <= 0 || !sl_clean_isalnum(c))
            break;
        if (sl_clean_iscjk(c) && ++cjk > 2)
            break;
        if (!sl_clean_iscjk(c) && cjk)
            break;
        i = p;
    }
    return i;
}

/* Does s[0..n) contain the NUL-terminated needle? */
static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *p = s; k <= n && (p = memchr(p, needle[0], n - k + 1 - (size_t)(p - s)));
         p++)
        if (!memcmp(p, needle, k))
            return true;
    return false;
}


/* Does what follows a phrase (f[at..n), folded) fit the phrase's mode?
 * 'words' counts the whole line. */
static bool mode_fits(unsigned mode, const char *f, size_t n, size_t at, size_t words,
                      bool sentence)
{
    bool exact = !has_letter(f + at, n - at) && n - at <= 16;
    size_t sep = skip_spaces(f, n, at);
    bool label = exact || (is_separator_at(f, n, sep) && words <= 20);
    switch (mode) {
    case SL_PH_EXACT: return exact;
    case SL_PH_LABEL: return label;
    case SL_PH_HEAD: return label || (words <= 20 && !sentence && at < n && f[at] == ' ');
    case SL_PH_SHORT: return words <= 12;
    case SL_PH_LONG: return words <= 60;
    default: return words <= 30;
    }
}

/* The phrase that opens f[0..n), or NULL. */
static const sl_phrase *phrase_at_start(const sl_clean_bp *bp, const char *f, size_t n,
                                        size_t words, bool sentence, bool *exact)
{
    size_t len[8];
    uint32_t val[8];
    size_t k = sl_clean_set_prefixes(&bp->phrase, f, n, len, val, 8);
    while (k--) {
        const sl_phrase *ph = &sl_clean_phrases[val[k] - 1];
        if (mode_fits(ph->mode, f, n, len[k], words, sentence)) {
            *exact = mode_fits(SL_PH_EXACT, f, n, len[k], words, sentence);
            return ph;
        }
    }
    return NULL;
}

/* Is position i of f[0..n) the start of a word, or of a character of a
 * script written without spaces? */
static bool word_start(const char *f, size_t n, size_t i)
{
    if (((unsigned char)f[i] & 0xC0) == 0x80)
        return false;
    size_t j = i;
    int32_t c = sl_utf8_next(f, n, &j);
    if (c <= 0 || !sl_clean_isalnum(c))
        return false;
    if (i == 0 || sl_clean_iscjk(c))
        return true;
    size_t p = i - 1;
    while (p > 0 && ((unsigned char)f[p] & 0xC0) == 0x80)
        p--;
    size_t q = p;
    int32_t b = sl_utf8_next(f, n, &q);
    return b <= 0 || !sl_clean_isalnum(b);
}

/* The SL_PH_ANY phrase starting at f[at..n) (and ending at n when
 * 'to_end'), or NULL. */
static const sl_phrase *any_at(const sl_clean_bp *bp, const char *f, size_t n, size_t at,
                               bool to_end)
{
    size_t len[8];
    uint32_t val[8];
    size_t k = sl_clean_set_prefixes(&bp->phrase, f + at, n - at, len, val, 8);
    while (k--)
        if (sl_clean_phrases[val[k] - 1].mode == SL_PH_ANY && (!to_end || at + len[k] == n))
            return &sl_clean_phrases[val[k] - 1];
    return NULL;
}

/* An SL_PH_ANY phrase (copyright) inside f, a line of at most 30 words that
 * does not open with it: the phrase must close the line ("© 2026 Kurier.
 * Alle Rechte vorbehalten."), unless the line holds "©", when it may stand
 * anywhere -- not in "the court said all rights reserved by the treaty
 * remain".  Only word starts among the last bytes are tried. */
static const sl_phrase *phrase_inside(const sl_clean_bp *bp, const char *f, size_t n)
{
    bool anywhere = contains(f, n, "\xC2\xA9");
    size_t e = text_end(f, n), w = last_word(f, e);
    if (!anywhere && !sl_clean_set_has(&bp->ends, f + w, e - w, NULL))
        return NULL;
    size_t from = anywhere || e <= bp->phrase.max ? 0 : e - bp->phrase.max;
    for (size_t i = from; i < e; i++) {
        if (!word_start(f, n, i))
            continue;
        const sl_phrase *ph = any_at(bp, f, anywhere ? n : e, i, !anywhere);
        if (ph)
            return ph;
    }
    return NULL;
}

/* ---- tweets, links, share bars, reading times, copyright --------------- */

/* Does s[0..at) end with the NUL-terminated tail? */
static bool ends_with(const char *s, size_t at, const char *tail)
{
    size_t k = strlen(tail);
    return at >= k && !memcmp(s + at - k, tail, k);
}

/* Skips a run of ASCII digits (at most 'max') from s[*i]; returns how many. */
static size_t digits(const char *s, size_t n, size_t *i, size_t max)
{
    size_t k = 0;
    while (*i < n && k <= max && s[*i] >= '0' && s[*i] <= '9')
        (*i)++, k++;
    return k;
}

/* A month's name: 3 to 12 letters, maybe a full stop ("Sept."). */
static bool month_word(const char *s, size_t n, size_t *i)
{
    size_t letters = 0;
    while (*i < n) {
        size_t j = *i;
        int32_t c = sl_utf8_next(s, n, &j);
        if (c <= 0 || !u_isalpha(c))
            break;
        *i = j;
        letters++;
    }
    if (*i < n && s[*i] == '.')
        (*i)++;
    return letters >= 3 && letters <= 12;
}

/* Skips spaces, then the word "de" and spaces after it when present. */
static void skip_de(const char *s, size_t n, size_t *i)
{
    *i = skip_spaces(s, n, *i);
    if (*i + 3 <= n && s[*i] == 'd' && s[*i + 1] == 'e' && s[*i + 2] == ' ')
        *i = skip_spaces(s, n, *i + 3);
}

/* Is s[i..n) exactly a date as a tweet's signature writes it: "July 22,
 * 2020", "22 juillet 2020", "10 de septiembre de 2023"? */
static bool signature_date(const char *s, size_t n, size_t i)
{
    i = skip_spaces(s, n, i);
    size_t j = i;
    if (digits(s, n, &j, 2) >= 1) { /* day first */
        if (j < n && s[j] == '.')
            j++;
        skip_de(s, n, &j);
        if (!month_word(s, n, &j))
            return false;
        skip_de(s, n, &j);
    } else {
        if (!month_word(s, n, &j))
            return false;
        j = skip_spaces(s, n, j);
        if (digits(s, n, &j, 2) < 1)
            return false;
        if (j < n && s[j] == ',')
            j++;
        j = skip_spaces(s, n, j);
    }
    if (digits(s, n, &j, 4) != 4)
        return false;
    return skip_spaces(s, n, j) == n;
}

/* The length of a dash ending s[0..at) ("—", "–", "―", "鈥", " -", " --"),
 * or 0. */
static size_t dash_before(const char *s, size_t at)
{
    static const char *const dashes[] = {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95",
                                         "\xE9\x88\xA5", " --", " -"};
    for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++)
        if (ends_with(s, at, dashes[k]))
            return strlen(dashes[k]);
    return 0;
}

/* Does the line end in a tweet's signature, "— Name (@handle) July 22,
 * 2020": a dash (or the line's start), a name of at most 80 bytes, the
 * handle in brackets, the date? */
static bool is_signature(const char *s, size_t n)
{
    size_t at = 0;
    for (size_t i = n; i >= 2; i--)
        if (s[i - 2] == '(' && s[i - 1] == '@') {
            at = i - 2;
            break;
        }
    if (!at || n - at > 80)
        return false;
    size_t h = at + 2;
    while (h < n && ((s[h] >= 'a' && s[h] <= 'z') || (s[h] >= 'A' && s[h] <= 'Z') ||
                     (s[h] >= '0' && s[h] <= '9') || s[h] == '_'))
        h++;
    if (h == at + 2 || h - at - 2 > 20 || h >= n || s[h] != ')' || !signature_date(s, n, h + 1))
        return false;
    for (size_t b = at; b + 80 >= at && b > 0; b--) {
        size_t d = dash_before(s, b);
        if (d)
            return sl_clean_has_alnum(s + b, at - b);
        if (b == 1) /* the signature is the whole line */
            return at <= 80 && sl_clean_has_alnum(s, at);
    }
    return false;
}

/* A tweet embed: a short line (a tweet, its signature) with a picture link
 * near its end, a status link, or the signature.  A long paragraph that
 * quotes a tweet in passing is text. */
static bool is_tweet(const char *s, size_t n, size_t words)
{
    if (words > 80)
        return false;
    size_t pic = 0;
    bool site = false, status = false;
    for (const char *p = s; (p = memchr(p, '/', n - (size_t)(p - s))); p++) {
        size_t at = (size_t)(p - s);
        if (ends_with(s, at, "pic.twitter.com"))
            pic = at + 1;
        site |= ends_with(s, at, "twitter.com") || ends_with(s, at, "x.com");
        status |= ends_with(s, at, "/status");
    }
    if ((pic && sl_clean_words(s + pic, n - pic) <= 14) || (site && status))
        return true;
    return is_signature(s, n);
}

static bool is_url_line(const char *s, size_t n)
{
    if (memchr(s, ' ', n))
        return false;
    return (n > 7 && !strncmp(s, "http://", 7)) || (n > 8 && !strncmp(s, "https://", 8)) ||
           (n > 4 && !strncmp(s, "www.", 4));
}

/* A line of share-bar words only: at least two, one of them a network or a
 * share verb ("Share Facebook Twitter Email"). */
static bool is_share_bar(const sl_clean_bp *bp, const char *f, size_t n)
{
    size_t i = 0, words = 0, strong = 0;
    while (i < n) {
        while (i < n && (f[i] == ' ' || f[i] == '|' || f[i] == ',' || f[i] == '/'))
            i++;
        size_t j = i;
        while (j < n && f[j] != ' ' && f[j] != '|' && f[j] != ',' && f[j] != '/')
            j++;
        size_t a = i, b = j;
        while (a < b && !has_letter(f + a, 1) && (unsigned char)f[a] < 0x80)
            a++;
        while (b > a && !has_letter(f + b - 1, 1) && (unsigned char)f[b - 1] < 0x80)
            b--;
        i = j;
        if (a == b)
            continue;
        uint32_t v;
        if (!sl_clean_set_has(&bp->social, f + a, b - a, &v))
            return false;
        words++;
        strong += v == 1;
    }
    return words >= 2 && strong >= 1;
}

/* "5 min read", "3 Min. Lesezeit". */
static bool is_reading_time(const sl_clean_bp *bp, const char *f, size_t n)
{
    size_t i = 0;
    while (i < n && ((f[i] >= '0' && f[i] <= '9') || f[i] == '-'))
        i++;
    if (i == 0 || i == n)
        return false;
    i = skip_spaces(f, n, i);
    size_t e = n;
    while (e > i && (f[e - 1] == '.' || f[e - 1] == ' '))
        e--;
    return sl_clean_set_has(&bp->units, f + i, e - i, NULL);
}

/* "© 2026 Nordsee Kurier", "(c) 2024 ...", "Copyright 2024 ...". */
static bool is_copyright_sign(const char *f, size_t n, size_t words)
{
    if (words > 30)
        return false;
    if ((n >= 2 && !memcmp(f, "\xC2\xA9", 2)) || (n >= 4 && !memcmp(f, "(c) ", 4)))
        return true;
    if (n < 14 || memcmp(f, "copyright ", 10))
        return false;
    size_t i = 10;
    if (n >= 12 && !memcmp(f + i, "\xC2\xA9", 2))
        return true;
    return f[i] >= '0' && f[i] <= '9';
}

/* ---- bylines ----------------------------------------------------------- */

/* The next token of s from *i (spaces skipped): [*a, *b). */
static bool next_token(const char *s, size_t n, size_t *i, size_t *a, size_t *b)
{
    size_t k = skip_spaces(s, n, *i);
    if (k >= n)
        return false;
    *a = k;
    while (k < n && s[k] != ' ')
        k++;
    *b = k;
    *i = k;
    return true;
}

/* Is s[a..b) (one token of a name) capitalised, a joiner, or punctuation? */
static bool name_token(sl_clean_bp *bp, const char *s, size_t a, size_t b)
{
    while (a < b && !has_letter(s + a, 1) && (unsigned char)s[a] < 0x80)
        a++;
    while (b > a && !has_letter(s + b - 1, 1) && (unsigned char)s[b - 1] < 0x80)
        b--;
    if (a == b)
        return true;
    sl_buf_clear(&bp->tmp);
    size_t fl = sl_clean_fold(s + a, b - a, &bp->tmp);
    if (sl_clean_set_has(&bp->by_join, bp->tmp.s, fl, NULL))
        return true;
    size_t i = a;
    int32_t c = sl_utf8_next(s, b, &i);
    return c > 0 && (u_isupper(c) || u_istitle(c) ||
                     (u_isalpha(c) && !u_islower(c) && !u_isupper(c) && !u_istitle(c)));
}

/* "By Jane Doe and John Roe, CNN": an opener, then up to ten name tokens,
 * no digit, no final stop. */
static bool is_byline(sl_clean_bp *bp, const char *s, size_t n, size_t words)
{
    if (words < 2 || words > 12 || n > 200 || sl_clean_ends_sentence(s, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return false;
    size_t i = 0, a = 0, b = 0, names = 0;
    if (!next_token(s, n, &i, &a, &b))
        return false;
    sl_buf_clear(&bp->tmp);
    size_t fl = sl_clean_fold(s + a, b - a, &bp->tmp);
    if (!sl_clean_set_has(&bp->by_open, bp->tmp.s, fl, NULL)) {
        size_t a2, b2;
        if (!next_token(s, n, &i, &a2, &b2))
            return false;
        sl_buf_clear(&bp->tmp);
        fl = sl_clean_fold(s + a, b2 - a, &bp->tmp);
        if (!sl_clean_set_has(&bp->by_open, bp->tmp.s, fl, NULL))
            return false;
    }
    while (next_token(s, n, &i, &a, &b)) {
        if (!name_token(bp, s, a, b))
            return false;
        names++;
    }
    return names >= 1;
}

/* ---- the verdict ------------------------------------------------------- */

static sl_clean_verdict verdict(const char *reason, bool list)
{
    sl_clean_verdict v = {reason, list};
    return v;
}

/* The phrase-table verdict on the folded line, or {NULL}. */
static sl_clean_verdict phrase_verdict(sl_clean_bp *bp, const char *f, size_t n,
                                       size_t words, bool sentence)
{
    size_t b = skip_bullets(f, n);
    bool exact = false;
    const sl_phrase *ph = phrase_at_start(bp, f + b, n - b, words, sentence, &exact);
    if (ph)
        return verdict(ph->reason, exact && (ph->flags & SL_PH_LIST));
    if (is_copyright_sign(f + b, n - b, words))
        return verdict(SL_CLEAN_COPYRIGHT, false);
    if (words <= 30 && (ph = phrase_inside(bp, f + b, n - b)))
        return verdict(ph->reason, false);
    if (words <= 6 && is_reading_time(bp, f + b, n - b))
        return verdict(SL_CLEAN_NAV, false);
    if (words <= 12 && is_share_bar(bp, f + b, n - b))
        return verdict(SL_CLEAN_SHARE, false);
    return verdict(NULL, false);
}

sl_clean_verdict sl_clean_line_reason(sl_clean_bp *bp, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (!n)
        return verdict(NULL, false);
    if (!sl_clean_has_alnum(s, n))
        return verdict(n <= 64 ? SL_CLEAN_ORPHAN : NULL, false);
    if (is_url_line(s, n))
        return verdict(SL_CLEAN_LINK, false);
    size_t words = sl_clean_words_upto(s, n, 80);
    if (is_tweet(s, n, words))
        return verdict(SL_CLEAN_TWEET, false);
    if (words > 60) /* longer than any mode allows */
        return verdict(NULL, false);
    bool sentence = sl_clean_ends_sentence(s, n);
    sl_buf_clear(&bp->fold);
    /* past 30 words only a cookie notice's opening can match */
    size_t fn = sl_clean_fold(s, words > 30 && n > bp->phrase.max + 4 ? bp->phrase.max + 4 : n,
                              &bp->fold);
    sl_clean_verdict v = phrase_verdict(bp, bp->fold.s, fn, words, sentence);
    if (v.reason)
        return v;
    if (is_byline(bp, s, n, words))
        return verdict(SL_CLEAN_BYLINE, false);
    if (words <= 12 && sl_clean_is_credit(bp, s, n))
        return verdict(SL_CLEAN_CREDIT, false);
    return verdict(NULL, false);
}

/* ---- building the tables ----------------------------------------------- */

static void add_list(sl_clean_set *s, sl_clean_list l, uint32_t val, sl_buf *b)
{
    sl_clean_set_add(s, l.w, l.n, val, b);
}

static void add_phrases(sl_clean_bp *bp)
{
    for (size_t i = 0; i < sl_clean_nphrases; i++) {
        const char *t = sl_clean_phrases[i].text;
        sl_clean_set_add(&bp->phrase, &t, 1, (uint32_t)i + 1, &bp->tmp);
        if (sl_clean_phrases[i].mode != SL_PH_ANY)
            continue;
        sl_buf_clear(&bp->tmp);
        size_t e = text_end(bp->tmp.s, sl_clean_fold(t, strlen(t), &bp->tmp));
        size_t w = last_word(bp->tmp.s, e);
        sl_clean_map_put(&bp->ends.map, sl_clean_key(bp->tmp.s + w, e - w), 1);
        if (e - w > bp->ends.max)
            bp->ends.max = e - w;
    }
}

void sl_clean_bp_init(sl_clean_bp *bp)
{
    memset(bp, 0, sizeof *bp);
    add_phrases(bp);
    add_list(&bp->agency, sl_clean_agencies, 1, &bp->tmp);
    add_list(&bp->agency, sl_clean_agency_tails, 2, &bp->tmp);
    add_list(&bp->photo, sl_clean_photo_labels, 1, &bp->tmp);
    add_list(&bp->photo, sl_clean_source_labels, 2, &bp->tmp);
    add_list(&bp->pwords, sl_clean_photo_words, 1, &bp->tmp);
    add_list(&bp->heads, sl_clean_credit_heads, 1, &bp->tmp);
    add_list(&bp->social, sl_clean_social, 1, &bp->tmp);
    add_list(&bp->social, sl_clean_social_weak, 2, &bp->tmp);
    add_list(&bp->by_open, sl_clean_byline_open, 1, &bp->tmp);
    add_list(&bp->by_join, sl_clean_name_joins, 1, &bp->tmp);
    add_list(&bp->units, sl_clean_read_units, 1, &bp->tmp);
}

void sl_clean_bp_free(sl_clean_bp *bp)
{
    sl_clean_set *sets[] = {&bp->phrase, &bp->ends,   &bp->agency,  &bp->photo,   &bp->pwords,
                            &bp->heads,  &bp->social, &bp->by_open, &bp->by_join, &bp->units};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
        sl_clean_set_free(sets[i]);
    sl_buf *bufs[] = {&bp->fold, &bp->tmp, &bp->fold2, &bp->part, &bp->part2};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        sl_buf_free(bufs[i]);
}
