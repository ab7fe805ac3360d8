/*
 * dates.c -- the dates an article mentions, resolved to the calendar.
 *
 * For each piece of text (the title, then each paragraph) the tokenizer
 * splits words and sentences, every word is looked up once in the date
 * lexicon (date_words.c), and the scanner (date_scan.c) reports each date
 * expression it recognises.  Here each expression becomes an sl_mention:
 * absolute ones as written, relative ones ("on Monday", "yesterday", "last
 * week", "January 12" without a year) against the article date, with the
 * sentence it stands in.
 *
 * Rules that keep precision first:
 *   - Relative days and weekdays need an article date with day precision;
 *     "next month" needs its month, "last year" its year; an expression that
 *     cannot be resolved is not reported.  A day and month without a year
 *     take the year that puts them nearest to the article date.
 *   - A bare weekday is the most recent such day on or before the article
 *     date -- news reports the past -- unless its sentence speaks of the
 *     future before it ("would meet on Wednesday", "wird am Mittwoch",
 *     "recevra mercredi", a French, Spanish or Turkish future form), when it
 *     is the next one on or after it; "this Monday" is the nearest Monday.
 *   - Numeric dates are day first ("03/04/2020" is 3 April), except in
 *     English, where the article's own unambiguous dates decide (a "25/03"
 *     or a "12 January" says day first, a "03/25" or a "January 12" month
 *     first); with no evidence a dotted date is day first and a slashed one
 *     is kept only if exactly one reading lies within 60 days of the article
 *     date.
 *
 * Invariant: mentions are in text order (title first) and never overlap;
 * an article has at most MAX_MENTIONS, and a sentence is cut to a window of
 * MAX_SENTENCE bytes around its date, so hostile input stays linear.
 *
 * Tests: tests/analyze/test_dates.c; figures: bench/dates_eval.c.
 */
#include "analyze_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MENTIONS 256
#define MAX_SENTENCE 320
#define SENTENCE_CONTEXT 140

typedef struct {
    size_t idx; /* in a->dates */
    sl_dcand c;
} pending;

struct sl_dates {
    sl_dlex *lex;
    sl_an_doc doc;    /* token buffers, reused for every article */
    int32_t *sense;   /* per token */
    uint8_t *how;     /* per token */
    size_t csense, chow;
    pending *pend;    /* ambiguous numeric dates of the article */
    size_t npend, cpend;
};

/* What one article's scan knows. */
typedef struct {
    sl_dates *d;
    const sl_an_text *t; /* the piece being scanned */
    sl_article *a;
    uint32_t langs;
    bool english;
    long refday;  /* the article date as a day (mid-month, mid-year if coarser) */
    int order;    /* > 0 the text writes day first, < 0 month first */
} art_scan;

sl_dates *sl_dates_new(void)
{
    sl_dates *d = sl_xcalloc(1, sizeof *d);
    d->lex = sl_dlex_new();
    return d;
}

void sl_dates_free(sl_dates *d)
{
    if (!d)
        return;
    sl_dlex_free(d->lex);
    sl_an_doc_free(&d->doc);
    free(d->sense);
    free(d->how);
    free(d->pend);
    free(d);
}

/* ---- sentences ---------------------------------------------------------- */

static bool keeps_month(const void *ctx, const char *w, size_t n)
{
    return sl_dlex_is_month(ctx, w, n);
}

/* True if the sentence around token w (a weekday) speaks of the future:
 * a future word or verb form before it in its sentence ("he would meet both
 * sides on Wednesday"), or anywhere in it when the weekday opens the
 * sentence ("On Wednesday the minister will meet").  Words after a weekday
 * in mid-sentence belong to another clause as often as not ("announced on
 * Friday that he would leave"). */
static bool sentence_future(const sl_dates *d, const sl_an_text *t, uint32_t langs, size_t w)
{
    uint32_t si = t->tok[w].sent;
    size_t first = t->sent[si].first_tok, words_before = 0;
    for (size_t i = first; i < w; i++)
        words_before += t->tok[i].kind == SL_TK_WORD;
    size_t end = words_before <= 2 ? t->ntok : w;
    for (size_t i = first; i < end && t->tok[i].sent == si; i++) {
        const sl_tok *k = &t->tok[i];
        if (i == w || k->kind != SL_TK_WORD)
            continue;
        if (sl_dlex_has(d->lex, d->sense[i], DW_FUTURE, langs, SL_DLEX_ANYCASE) ||
            sl_dlex_future_form(t->s + k->off, k->len, langs))
            return true;
    }
    return false;
}

/* The sentence si, or a window of it around bytes [es, ee) when it is long.
 * Caller frees with free(). */
static char *sentence_text(const sl_an_text *t, uint32_t si, size_t es, size_t ee)
{
    size_t a = t->sent[si].start, b = t->sent[si].end;
    if (b - a <= MAX_SENTENCE)
        return sl_xstrndup(t->s + a, b - a);
    size_t lo = es > a + SENTENCE_CONTEXT ? es - SENTENCE_CONTEXT : a;
    size_t hi = ee + SENTENCE_CONTEXT < b ? ee + SENTENCE_CONTEXT : b;
    while (lo > a && ((unsigned char)t->s[lo] & 0xC0) == 0x80)
        lo--;
    while (hi < b && ((unsigned char)t->s[hi] & 0xC0) == 0x80)
        hi++;
    sl_buf out = {0};
    if (lo > a)
        sl_buf_puts(&out, "\xE2\x80\xA6");
    sl_buf_put(&out, t->s + lo, hi - lo);
    if (hi < b)
        sl_buf_puts(&out, "\xE2\x80\xA6");
    return sl_buf_take(&out);
}

/* ---- resolving ----------------------------------------------------------- */

static void set_day(sl_mention *m, long day)
{
    m->date = sl_an_date_of(day);
    m->from = m->to = day;
}

static bool set_calendar(sl_mention *m, int y, int mo, int d, sl_date_precision p)
{
    if (p == SL_DATE_DAY && (mo < 1 || mo > 12 || d < 1 || d > sl_date_days_in_month(y, mo)))
        return false;
    m->date = (sl_date){y, p >= SL_DATE_MONTH ? mo : 0, p == SL_DATE_DAY ? d : 0, p};
    if (p == SL_DATE_DAY) {
        m->from = m->to = sl_date_to_days(y, mo, d);
    } else if (p == SL_DATE_MONTH) {
        m->from = sl_date_to_days(y, mo, 1);
        m->to = m->from + sl_date_days_in_month(y, mo) - 1;
    } else {
        m->from = sl_date_to_days(y, 1, 1);
        m->to = sl_date_to_days(y, 12, 31);
    }
    return true;
}

/* The day of weekday c->v the expression means: "last" the one before the
 * article date, "next" the one after, "this" the nearest; without a word,
 * the most recent on or before the article date, or in a sentence about the
 * future the next on or after it. */
static long weekday_day(const art_scan *as, const sl_dcand *c, bool future)
{
    long ref = as->refday;
    switch (c->dir) {
    case -1: return sl_an_weekday_near(ref - 1, c->v, -1);
    case 1: return sl_an_weekday_near(ref, c->v, 1);
    case 0: {
        long back = sl_an_weekday_near(ref, c->v, -1), ahead = sl_an_weekday_near(ref - 1, c->v, 1);
        return ref - back <= ahead - ref ? back : ahead;
    }
    default: return future ? sl_an_weekday_near(ref - 1, c->v, 1) : sl_an_weekday_near(ref, c->v, -1);
    }
}

/* "quarta-feira (23)": the day numbered c->d nearest to the article date,
 * preferring one on weekday c->v; -1 if none within three weeks. */
static long weekday_dom_day(const art_scan *as, const sl_dcand *c)
{
    long any = -1;
    for (long delta = 0; delta <= 21; delta++) {
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            long day = as->refday + sgn * delta;
            sl_date x = sl_an_date_of(day);
            if (x.day != c->d)
                continue;
            if (sl_an_weekday(day) == c->v)
                return day;
            if (any < 0)
                any = day;
        }
    }
    return any;
}

static bool resolve_unit(const art_scan *as, const sl_dcand *c, sl_mention *m)
{
    sl_date ref = as->a->date;
    if (c->v == SL_UNIT_WEEK) {
        if (ref.precision != SL_DATE_DAY)
            return false;
        long mon = as->refday - sl_an_weekday(as->refday) + 7L * c->dir;
        sl_date mid = sl_an_date_of(mon + 3);
        m->date = (sl_date){mid.year, mid.month, 0, SL_DATE_MONTH};
        m->from = mon;
        m->to = mon + 6;
        return true;
    }
    if (c->v == SL_UNIT_MONTH) {
        if (ref.precision < SL_DATE_MONTH)
            return false;
        int k = ref.year * 12 + (ref.month - 1) + c->dir;
        return set_calendar(m, k / 12, k % 12 + 1, 0, SL_DATE_MONTH);
    }
    return ref.precision >= SL_DATE_YEAR && set_calendar(m, ref.year + c->dir, 0, 0, SL_DATE_YEAR);
}

/* Fills m with the date c says; false if the article date cannot tell. */
static bool resolve(art_scan *as, const sl_dcand *c, sl_mention *m)
{
    sl_date ref = as->a->date;
    bool day_ref = ref.precision == SL_DATE_DAY;
    m->relative = c->kind != DC_ABS;
    switch (c->kind) {
    case DC_ABS:
        return set_calendar(m, c->y, c->m, c->d, c->prec);
    case DC_NOYEAR:
    case DC_MONTH_NOYEAR: {
        if (ref.precision == SL_DATE_NONE)
            return false;
        int y = ref.precision >= SL_DATE_MONTH ? sl_an_nearest_year(as->refday, c->m, c->d)
                                               : ref.year;
        return set_calendar(m, y, c->m, c->d, c->kind == DC_NOYEAR ? SL_DATE_DAY : SL_DATE_MONTH);
    }
    case DC_WEEKDAY:
        if (!day_ref)
            return false;
        set_day(m, weekday_day(as, c, sentence_future(as->d, as->t, as->langs, c->last - 1)));
        return true;
    case DC_WEEKDAY_DOM: {
        long day = day_ref ? weekday_dom_day(as, c) : -1;
        if (day >= 0)
            set_day(m, day);
        return day >= 0;
    }
    case DC_RELDAY:
        if (day_ref)
            set_day(m, as->refday + c->v);
        return day_ref;
    case DC_UNIT:
        return resolve_unit(as, c, m);
    default:
        return false;
    }
}

/* Keeps what an undated article's relative expression says, for later
 * anchoring (sl_open_date in core.h). */
static void keep_open(art_scan *as, const sl_dcand *c)
{
    sl_article *a = as->a;
    if (a->date.precision != SL_DATE_NONE || a->nopen == SL_OPEN_MAX)
        return;
    sl_open_date o = {0, 0, 0, 0, 0};
    switch (c->kind) {
    case DC_NOYEAR:
        o = (sl_open_date){SL_OPEN_NOYEAR, 0, (uint8_t)c->m, (uint8_t)c->d, 0};
        break;
    case DC_WEEKDAY:
    case DC_WEEKDAY_DOM: {
        int dir = c->kind == DC_WEEKDAY ? c->dir : DC_NODIR;
        if (dir == DC_NODIR)
            dir = sentence_future(as->d, as->t, as->langs, c->last - 1) ? 1 : 2;
        o = (sl_open_date){SL_OPEN_WEEKDAY, (int8_t)dir, 0, 0, (int16_t)c->v};
        break;
    }
    case DC_RELDAY:
        o = (sl_open_date){SL_OPEN_RELDAY, 0, 0, 0, (int16_t)c->v};
        break;
    default:
        return;
    }
    a->open[a->nopen++] = o;
}

/* ---- numeric dates --------------------------------------------------------- */

/* The reading of a numeric date that needs no article-wide evidence: +1 day
 * first, -1 month first, 0 undecided. */
static int numeric_now(const art_scan *as, const sl_dcand *c)
{
    if (!c->alt_m || (c->d == c->alt_d && c->m == c->alt_m))
        return 1;
    if (!c->m)
        return -1;
    if (!as->english || c->v == '.')
        return 1;
    return 0;
}

static void numeric_reading(sl_dcand *c, int order)
{
    if (order < 0) {
        c->d = c->alt_d;
        c->m = c->alt_m;
    }
    c->kind = DC_ABS;
}

/* The reading of an undecided numeric date once the whole article is read. */
static int numeric_later(const art_scan *as, const sl_dcand *c)
{
    if (as->order)
        return as->order > 0 ? 1 : -1;
    if (as->a->date.precision != SL_DATE_DAY)
        return 0;
    long a = labs(sl_date_to_days(c->y, c->m, c->d) - as->refday);
    long b = labs(sl_date_to_days(c->y, c->alt_m, c->alt_d) - as->refday);
    if ((a <= 60) != (b <= 60))
        return a <= 60 ? 1 : -1;
    return 0;
}

/* ---- mentions ------------------------------------------------------------ */

static sl_mention *push_mention(art_scan *as, const sl_dcand *c)
{
    sl_article *a = as->a;
    const sl_an_text *t = as->t;
    const sl_tok *f = &t->tok[c->first], *l = &t->tok[c->last - 1];
    sl_grow((void **)&a->dates, &a->cdates, a->ndates + 1, sizeof *a->dates);
    sl_mention *m = &a->dates[a->ndates++];
    memset(m, 0, sizeof *m);
    m->expr = sl_xstrndup(t->s + f->off, l->off + l->len - f->off);
    m->sentence = sentence_text(t, f->sent, f->off, l->off + l->len);
    return m;
}

static void emit(art_scan *as, sl_dcand *c)
{
    if (c->order)
        as->order += c->order;
    sl_mention m = {0};
    if (c->kind == DC_NUMERIC) {
        int r = numeric_now(as, c);
        if (!r) {
            sl_dates *d = as->d;
            sl_grow((void **)&d->pend, &d->cpend, d->npend + 1, sizeof *d->pend);
            d->pend[d->npend++] = (pending){as->a->ndates, *c};
            push_mention(as, c); /* date filled in at the end */
            return;
        }
        as->order += c->order;
        numeric_reading(c, r);
    }
    if (!resolve(as, c, &m)) {
        keep_open(as, c);
        return;
    }
    sl_mention *out = push_mention(as, c);
    out->date = m.date;
    out->relative = m.relative;
    out->from = m.from;
    out->to = m.to;
}

static void finish_pending(art_scan *as)
{
    sl_article *a = as->a;
    for (size_t i = 0; i < as->d->npend; i++) {
        pending *p = &as->d->pend[i];
        int r = numeric_later(as, &p->c);
        sl_mention *m = &a->dates[p->idx];
        if (r) {
            numeric_reading(&p->c, r);
            set_calendar(m, p->c.y, p->c.m, p->c.d, SL_DATE_DAY);
        }
    }
    size_t o = 0;
    for (size_t i = 0; i < a->ndates; i++) {
        if (a->dates[i].date.precision == SL_DATE_NONE) {
            free(a->dates[i].expr);
            free(a->dates[i].sentence);
        } else {
            a->dates[o++] = a->dates[i];
        }
    }
    a->ndates = o;
    as->d->npend = 0;
}

/* ---- scanning -------------------------------------------------------------- */

static void look_up_words(sl_dates *d, const sl_an_text *t)
{
    sl_grow((void **)&d->sense, &d->csense, t->ntok + 1, sizeof *d->sense);
    sl_grow((void **)&d->how, &d->chow, t->ntok + 1, sizeof *d->how);
    for (size_t i = 0; i < t->ntok; i++) {
        d->how[i] = DWT_WHOLE;
        d->sense[i] = t->tok[i].kind == SL_TK_WORD
                          ? sl_dlex_token(d->lex, t, &t->tok[i], &d->how[i])
                          : -1;
    }
}

static void scan_piece(art_scan *as, const sl_an_text *t)
{
    sl_dates *d = as->d;
    as->t = t;
    look_up_words(d, t);
    sl_dscan sc = {d->lex, t, d->sense, d->how, as->langs};
    for (size_t i = 0; i < t->ntok && as->a->ndates < MAX_MENTIONS;) {
        sl_dcand c;
        size_t used = sl_an_date_match(&sc, i, &c);
        if (!used) {
            i++;
            continue;
        }
        emit(as, &c);
        i += used;
    }
}

static long reference_day(sl_date d)
{
    switch (d.precision) {
    case SL_DATE_DAY: return sl_date_to_days(d.year, d.month, d.day);
    case SL_DATE_MONTH: return sl_date_to_days(d.year, d.month, 15);
    case SL_DATE_YEAR: return sl_date_to_days(d.year, 7, 1);
    default: return 0;
    }
}

/* Scans the pieces of doc, a's tokens with the sentences of keeps_month. */
static void scan_doc(sl_dates *d, sl_article *a, const sl_an_doc *doc)
{
    for (size_t i = 0; i < a->ndates; i++) {
        free(a->dates[i].expr);
        free(a->dates[i].sentence);
    }
    a->ndates = 0;
    a->nopen = 0;
    uint32_t langs = sl_an_lang(a->lang);
    art_scan as = {d, NULL, a, langs, langs == SL_LANG(SL_L_EN), reference_day(a->date), 0};
    d->npend = 0;
    for (size_t i = 0; i < doc->n; i++)
        scan_piece(&as, &doc->text[i]);
    finish_pending(&as);
}

void sl_dates_extract(sl_dates *d, sl_article *a)
{
    sl_an_doc_tokenize(&d->doc, a, keeps_month, d->lex);
    scan_doc(d, a, &d->doc);
}

sl_an_doc *sl_dates_doc(sl_dates *d) { return &d->doc; }
