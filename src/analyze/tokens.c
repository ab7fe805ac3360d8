/*
 * tokens.c -- words, numbers and punctuation, and where sentences end.
 *
 * Both analyzers (dates, names) read text as a sequence of tokens, each with
 * its byte span, so one scan with a few tokens of look-ahead replaces a
 * battery of regular expressions.  A token is:
 *
 *   WORD   letters (with their combining marks), kept whole across an inner
 *          apostrophe or hyphen between letters ("aujourd'hui", "Şubat'ta",
 *          "segunda-feira", "Antwerp-Bruges"); every Han character is a word
 *          of its own, since Chinese and Japanese put no spaces between words;
 *   NUM    a run of decimal digits of any script (ASCII, Arabic-Indic,
 *          Persian, full-width), with its value and number of digits;
 *   PUNCT  any other visible character, one per token.
 *
 * Flags say what came before a token (white space, a line break) and how a
 * word is written (capitalised, lower case, all capitals).
 *
 * Sentences end at '.', '!', '?', '…' and their CJK, Arabic and Devanagari
 * forms, and at every line break; a '.' is no end after a single letter
 * ("J. Smith", "a.m."), after a common abbreviation ("Mr.", "Prof."), when
 * glued to what follows ("28.02.2023", "U.S"), before a lower-case word, or
 * between a day number and a month name when the caller says so ("am 12.
 * Januar").  Closing quotes and brackets stay with the sentence they close.
 *
 * Invariant: tokens are in text order, do not overlap, and every token
 * belongs to exactly one sentence; sentence spans are in order too.
 * Trade-off: no dictionary of abbreviations per language, so "etc." ends a
 * sentence and a lower-case word after "Inc." does not start one -- good
 * enough for choosing the sentence a date or a name stands in.
 *
 * Tests: tests/analyze/test_dates.c ("sentences"), test_entities.c.
 */
#include "analyze_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

/* ---- characters -------------------------------------------------------- */

enum { CH_SPACE, CH_NL, CH_LETTER, CH_MARK, CH_DIGIT, CH_SKIP, CH_OTHER };

typedef struct {
    int cls;    /* CH_* */
    int digit;  /* CH_DIGIT: 0..9 */
    int script; /* CH_LETTER: SL_SC_* */
    int cased;  /* CH_LETTER: +1 upper, -1 lower, 0 uncased */
} chinfo;

static chinfo classify(int32_t c)
{
    chinfo r = {CH_OTHER, 0, SL_SC_CASED, 0};
    if (c < 0x80) {
        if (c == '\n')
            r.cls = CH_NL;
        else if (c <= ' ' || c == 0x7F)
            r.cls = CH_SPACE;
        else if (c >= '0' && c <= '9')
            r.cls = CH_DIGIT, r.digit = c - '0';
        else if (c >= 'a' && c <= 'z')
            r.cls = CH_LETTER, r.cased = -1;
        else if (c >= 'A' && c <= 'Z')
            r.cls = CH_LETTER, r.cased = 1;
        return r;
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x85) {
        r.cls = CH_NL;
        return r;
    }
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_TITLECASE_LETTER:
        r.cls = CH_LETTER, r.cased = 1;
        break;
    case U_LOWERCASE_LETTER:
        r.cls = CH_LETTER, r.cased = -1;
        break;
    case U_MODIFIER_LETTER:
        r.cls = c == 0x2BC ? CH_OTHER : CH_LETTER;
        r.script = SL_SC_UNCASED;
        break;
    case U_OTHER_LETTER: {
        UErrorCode err = U_ZERO_ERROR;
        r.cls = CH_LETTER;
        r.script = uscript_getScript(c, &err) == USCRIPT_HAN ? SL_SC_HAN : SL_SC_UNCASED;
        break;
    }
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
        r.cls = CH_MARK;
        break;
    case U_DECIMAL_DIGIT_NUMBER:
        r.cls = CH_DIGIT, r.digit = u_charDigitValue(c);
        break;
    case U_SPACE_SEPARATOR: case U_CONTROL_CHAR:
        r.cls = CH_SPACE;
        break;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
        r.cls = CH_NL;
        break;
    case U_FORMAT_CHAR:
        r.cls = CH_SKIP;
        break;
    default:
        break;
    }
    return r;
}

static bool is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2BC; }
static bool is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

/* The code point at s[i] (or -1 at the end), without advancing. */
static int32_t peek(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return -1;
    return sl_utf8_next(s, n, &i);
}

/* ---- tokens ------------------------------------------------------------ */

static sl_tok *push(sl_an_text *t, uint8_t kind, size_t off, uint16_t flags)
{
    sl_grow((void **)&t->tok, &t->ctok, t->ntok + 1, sizeof *t->tok);
    sl_tok *k = &t->tok[t->ntok++];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    k->off = (uint32_t)off;
    k->flags = flags;
    return k;
}

/* Reads a word starting with the letter 'c0' at s[*i] (already decoded, *i
 * past it); advances *i past the word. */
static void read_word(sl_an_text *t, sl_tok *k, chinfo c0, size_t *i)
{
    const char *s = t->s;
    size_t n = t->n;
    int upper = c0.cased > 0, lower = c0.cased < 0, letters = 1;
    k->script = (uint8_t)c0.script;
    k->flags |= c0.cased > 0 ? SL_TF_UPPER : c0.cased < 0 ? SL_TF_LOWER : 0;
    if (c0.script == SL_SC_HAN) {
        k->len = (uint32_t)(*i - k->off);
        return;
    }
    for (;;) {
        size_t at = *i;
        if (at >= n)
            break;
        unsigned char b = (unsigned char)s[at];
        if (b < 0x80 && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) { /* the common case */
            upper += b < 'a', lower += b >= 'a', letters++;
            (*i)++;
            continue;
        }
        if (b < 0x80 && b != '\'' && b != '-')
            break;
        int32_t c = peek(s, n, at);
        size_t next = at;
        sl_utf8_next(s, n, &next);
        chinfo ci = classify(c);
        if (ci.cls == CH_LETTER && ci.script != SL_SC_HAN) {
            upper += ci.cased > 0, lower += ci.cased < 0, letters++;
            *i = next;
            continue;
        }
        if (ci.cls == CH_MARK || ci.cls == CH_SKIP) {
            *i = next;
            continue;
        }
        bool apo = is_apostrophe(c), hyph = is_hyphen(c);
        chinfo after = classify(peek(s, n, next));
        if ((apo || hyph) && after.cls == CH_LETTER && after.script != SL_SC_HAN) {
            if (apo && !k->apos && at - k->off < 255)
                k->apos = (uint8_t)(at - k->off + 1);
            if (hyph)
                k->flags |= SL_TF_HYPHEN;
            *i = next;
            continue;
        }
        break;
    }
    k->len = (uint32_t)(*i - k->off);
    if (letters >= 2 && upper >= 2 && lower == 0)
        k->flags |= SL_TF_ALLCAPS;
}

static void read_number(sl_an_text *t, sl_tok *k, int d0, size_t *i)
{
    long v = d0;
    int nd = 1;
    for (;;) {
        size_t at = *i;
        int32_t c = peek(t->s, t->n, at);
        chinfo ci = classify(c);
        if (c < 0 || ci.cls != CH_DIGIT)
            break;
        sl_utf8_next(t->s, t->n, &at);
        *i = at;
        v = v >= 100000000 ? 999999999 : v * 10 + ci.digit;
        nd++;
    }
    k->value = (int32_t)v;
    k->ndig = (uint8_t)(nd > 255 ? 255 : nd);
    k->len = (uint32_t)(*i - k->off);
}

/* Folds word k once for every later look-up (see sl_tok_fold()). */
static void fold_word(sl_an_text *t, sl_tok *k)
{
    sl_grow((void **)&t->folds, &t->cfolds, t->nfolds + SL_AN_WORD_MAX, 1);
    size_t nf = k->len < 2 * SL_AN_WORD_MAX
                    ? sl_an_fold(t->s + k->off, k->len, t->folds + t->nfolds, SL_AN_WORD_MAX)
                    : 0;
    k->fold = (uint32_t)t->nfolds;
    k->nfold = (uint8_t)nf;
    k->fhash = sl_an_hash(t->folds + t->nfolds, nf);
    t->nfolds += nf ? nf + 1 : 0;
}

static void split_tokens(sl_an_text *t)
{
    uint16_t pend = SL_TF_SPACE;
    for (size_t i = 0; i < t->n;) {
        size_t at = i;
        if (t->s[i] == ' ') { /* the common case */
            pend |= SL_TF_SPACE;
            i++;
            continue;
        }
        int32_t c = sl_utf8_next(t->s, t->n, &i);
        chinfo ci = classify(c < 0 ? 0xFFFD : c);
        if (ci.cls == CH_SPACE || ci.cls == CH_SKIP || ci.cls == CH_MARK) {
            pend |= ci.cls == CH_SPACE ? SL_TF_SPACE : 0;
            continue;
        }
        if (ci.cls == CH_NL) {
            pend |= SL_TF_SPACE | SL_TF_NL;
            continue;
        }
        if (ci.cls == CH_LETTER) {
            sl_tok *k = push(t, SL_TK_WORD, at, pend);
            read_word(t, k, ci, &i);
            fold_word(t, k);
        } else if (ci.cls == CH_DIGIT) {
            read_number(t, push(t, SL_TK_NUM, at, pend), ci.digit, &i);
        } else {
            sl_tok *k = push(t, SL_TK_PUNCT, at, pend);
            k->value = c < 0 ? 0xFFFD : c;
            k->len = (uint32_t)(i - at);
        }
        pend = 0;
    }
}

/* ---- sentences ---------------------------------------------------------- */

static bool is_closer(int32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
           c == 0x2019 || c == 0xBB || c == 0x203A || c == 0x300D || c == 0x300F ||
           c == 0xFF09;
}

/* Abbreviations after which '.' ends no sentence (folded, lower case):
 * word token p, n bytes long, with fold f[0..k). */
static bool is_abbreviation(size_t n, const char *f, size_t k)
{
    static const char *const abbr[] = {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt",
        "sgt", "capt", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "vs",
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "ca", "bzw", "vgl", "nr", "no", "mme", "mlle", "sra", "dra",
        "av", "ul", "approx", "dept", "adm", "rev", "mt", "ft", "hl", "sta",
        "г", "им", "ст", "ул", "пр", "см", "тыс", "млн", "млрд", "δρ", NULL,
    };
    if (n >= 16 || !k || k >= 16) /* as a fold into 16 bytes would */
        return false;
    for (int i = 0; abbr[i]; i++)
        if (strlen(abbr[i]) == k && !memcmp(abbr[i], f, k))
            return true;
    return false;
}

static bool one_letter(const sl_an_text *t, const sl_tok *k)
{
    size_t i = k->off;
    sl_utf8_next(t->s, k->off + k->len, &i);
    return i == k->off + k->len;
}

/* True if the '.' at token i ends its sentence. */
static bool period_ends(const sl_an_text *t, size_t i, sl_an_keeps_sentence keep,
                        const void *ctx)
{
    if (i + 1 >= t->ntok)
        return true;
    const sl_tok *p = i ? &t->tok[i - 1] : NULL, *nx = &t->tok[i + 1];
    if (!(nx->flags & SL_TF_SPACE) && !(nx->kind == SL_TK_PUNCT && is_closer(nx->value)))
        return false;
    if (nx->flags & SL_TF_NL)
        return true;
    if (p && p->kind == SL_TK_WORD && !(t->tok[i].flags & SL_TF_SPACE)) {
        if (one_letter(t, p) || is_abbreviation(p->len, sl_tok_fold(t, p), p->nfold))
            return false;
    }
    if (nx->kind == SL_TK_WORD && (nx->flags & SL_TF_LOWER))
        return false;
    if (keep && p && p->kind == SL_TK_NUM && p->ndig <= 2 && nx->kind == SL_TK_WORD &&
        keep(ctx, t->s + nx->off, nx->len))
        return false;
    return true;
}

static bool ends_sentence(const sl_an_text *t, size_t i, sl_an_keeps_sentence keep,
                          const void *ctx)
{
    const sl_tok *k = &t->tok[i];
    if (k->kind != SL_TK_PUNCT)
        return false;
    switch (k->value) {
    case '.':
        return period_ends(t, i, keep, ctx);
    case '!': case '?': case 0x2026:
        return i + 1 >= t->ntok || !(t->tok[i + 1].flags & SL_TF_LOWER) ||
               (t->tok[i + 1].flags & SL_TF_NL);
    case 0x3002: case 0xFF01: case 0xFF1F: case 0x061F: case 0x0964: case 0x06D4:
        return true;
    default:
        return false;
    }
}

static void split_sentences(sl_an_text *t, sl_an_keeps_sentence keep, const void *ctx)
{
    bool brk = true, started = false;
    t->nsent = 0;
    for (size_t i = 0; i < t->ntok; i++) {
        sl_tok *k = &t->tok[i];
        if (k->flags & SL_TF_NL)
            brk = true;
        bool closer = k->kind == SL_TK_PUNCT && is_closer(k->value) &&
                      !(k->flags & SL_TF_SPACE);
        if (brk && !(closer && t->nsent)) {
            sl_grow((void **)&t->sent, &t->csent, t->nsent + 1, sizeof *t->sent);
            t->sent[t->nsent++] = (sl_span){k->off, k->off + k->len, (uint32_t)i};
            brk = false;
            started = false;
        }
        sl_span *sp = &t->sent[t->nsent - 1];
        k->sent = (uint32_t)(t->nsent - 1);
        sp->end = k->off + k->len;
        if (!started && k->kind != SL_TK_PUNCT) {
            k->flags |= SL_TF_START;
            started = true;
        }
        if (ends_sentence(t, i, keep, ctx))
            brk = true;
    }
}

/* ---- links ------------------------------------------------------------- */

/* Marks each run of glued tokens that holds a '/', '@' or '#' as a link
 * ("pic.twitter.com/x1y", "(@AFP)", "#BREAKING"): its words are no names. */
static void mark_links(sl_an_text *t)
{
    for (size_t i = 0; i < t->ntok;) {
        size_t j = i + 1;
        bool link = sl_tok_is(t, i, '@') || sl_tok_is(t, i, '#') || sl_tok_is(t, i, '/');
        while (j < t->ntok && !(t->tok[j].flags & SL_TF_SPACE)) {
            link |= sl_tok_is(t, j, '/') || sl_tok_is(t, j, '@') || sl_tok_is(t, j, '#');
            j++;
        }
        if (link && j > i + 1)
            for (size_t k = i; k < j; k++)
                t->tok[k].flags |= SL_TF_LINK;
        i = j;
    }
}

void sl_an_tokenize(sl_an_text *t, const char *s, size_t n,
                    sl_an_keeps_sentence keep, const void *ctx)
{
    t->s = s;
    t->n = n;
    t->ntok = 0;
    t->nsent = 0;
    t->nfolds = 0;
    split_tokens(t);
    mark_links(t); /* links do not depend on sentences */
    split_sentences(t, keep, ctx);
}

void sl_an_sentences(sl_an_text *t, sl_an_keeps_sentence keep, const void *ctx)
{
    for (size_t i = 0; i < t->ntok; i++)
        t->tok[i].flags &= (uint16_t)~SL_TF_START;
    split_sentences(t, keep, ctx);
}

void sl_an_text_free(sl_an_text *t)
{
    free(t->tok);
    free(t->sent);
    free(t->folds);
    memset(t, 0, sizeof *t);
}

/* ---- the pieces of an article ------------------------------------------- */

void sl_an_doc_tokenize(sl_an_doc *d, const sl_article *a, sl_an_keeps_sentence keep,
                        const void *ctx)
{
    size_t n = a->npara + (a->title ? 1 : 0);
    if (n > d->cap) {
        d->text = sl_xrealloc(d->text, n * sizeof *d->text);
        d->memo = sl_xrealloc(d->memo, n * sizeof *d->memo);
        memset(d->text + d->cap, 0, (n - d->cap) * sizeof *d->text);
        memset(d->memo + d->cap, 0, (n - d->cap) * sizeof *d->memo);
        d->cap = n;
    }
    d->n = n;
    for (size_t i = 0; i < n; i++) {
        const char *s = a->title ? (i ? a->para[i - 1] : a->title) : a->para[i];
        sl_an_tokenize(&d->text[i], s, strlen(s), keep, ctx);
    }
}

void sl_an_doc_free(sl_an_doc *d)
{
    for (size_t i = 0; i < d->cap; i++) {
        sl_an_text_free(&d->text[i]);
        sl_name_text_free(&d->memo[i]);
    }
    free(d->text);
    free(d->memo);
    memset(d, 0, sizeof *d);
}
