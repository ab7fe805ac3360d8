/*
 * date_scan.c -- the date patterns: which runs of tokens say a date.
 *
 * The scanner looks at one token and a few after it, never more, so a text
 * is read once whatever it holds.  At a number it tries, in order:
 *
 *   2020-01-12  2020/01/12  2023.02.28          ISO, year first
 *   12/01/2020  28.02.2023  12-01-2020          numeric, year last
 *   2020年6月15日  6月15日  2022年               CJK marks
 *   14-17 November                              a range of days
 *   12 January 2020, 12. Januar, 12th of May,
 *   12 de enero de 2020, 6 Şubat'ta, 20 серпня  day, month, year?
 *   2019 году, 2023 yılında, 2023'te            a year and its word
 *
 * and at a word:
 *
 *   January 12, 2020  June 2020  junio de 2020  month first
 *   in 2019  im Jahr 2019  en 2019  عام 2019      a year after its preposition
 *   in June  im Juni  в июне  mid-June          a month without a day
 *   on Monday  lundi  el lunes pasado  в понедельник  يوم الاثنين  星期一
 *   Monday, March 2                             a weekday before a date
 *   yesterday  gestern  hier  вчера  dün  أمس  昨天
 *   last week  la semaine dernière  geçen hafta  الأسبوع الماضي  去年
 *
 * Numbers that are no dates fail on their own: "14-month campaign" and
 * "48-hour strike" have no month word, "2,500", "254.5" and "2-1" are
 * chains of numbers without a year, "in 12 cities" has no four-digit year.
 * A number glued to a word ("G20") or inside a longer chain of digits and
 * separators ("10.12.2019.5", phone numbers) is never a day or a year.
 *
 * Invariant: a match covers tokens [first, last) with first == i, and
 * last > i; the scanner resumes after it, so matches never overlap.
 *
 * Tests: tests/analyze/test_dates.c.
 */
#include "analyze_internal.h"

#include <string.h>

/* ---- token helpers ----------------------------------------------------- */

static const sl_tok *tk(const sl_dscan *sc, size_t i)
{
    return i < sc->t->ntok ? &sc->t->tok[i] : NULL;
}

static bool is_num(const sl_dscan *sc, size_t i, int mind, int maxd)
{
    const sl_tok *k = tk(sc, i);
    return k && k->kind == SL_TK_NUM && k->ndig >= mind && k->ndig <= maxd;
}

static bool is_word(const sl_dscan *sc, size_t i)
{
    const sl_tok *k = tk(sc, i);
    return k && k->kind == SL_TK_WORD;
}

static bool glued(const sl_dscan *sc, size_t i) { return sl_tok_glued(sc->t, i); }
static bool punct(const sl_dscan *sc, size_t i, int32_t cp) { return sl_tok_is(sc->t, i, cp); }

static bool num_sep(const sl_dscan *sc, size_t i)
{
    return punct(sc, i, '.') || punct(sc, i, ',') || punct(sc, i, ':') ||
           punct(sc, i, '/') || punct(sc, i, '-');
}

/* The sense of kind 'kind' of word token i, or NULL. */
static const sl_dsense *sense(const sl_dscan *sc, size_t i, int kind)
{
    if (!is_word(sc, i) || sc->sense[i] < 0)
        return NULL;
    unsigned tf = sc->how[i] == DWT_PREFIXED || sc->how[i] == DWT_TAIL ? SL_DLEX_ANYCASE
                                                                       : sc->t->tok[i].flags;
    return sl_dlex_has(sc->lex, sc->sense[i], kind, sc->langs, tf);
}

/* True if the number at i continues a chain of digits and separators
 * ("10.12" of "10.12.2019"), or is glued to a word ("G20"), so it cannot
 * start a date. */
static bool chained_before(const sl_dscan *sc, size_t i)
{
    if (i >= 1 && glued(sc, i) && is_word(sc, i - 1) && sc->t->tok[i - 1].script != SL_SC_HAN)
        return true; /* but "于2023年" is Chinese without spaces */
    return i >= 2 && glued(sc, i) && num_sep(sc, i - 1) && !punct(sc, i - 1, '-') &&
           glued(sc, i - 1) && is_num(sc, i - 2, 1, 255);
}

/* True if a chain of digits and separators goes on after the number at i. */
static bool chained_after(const sl_dscan *sc, size_t i)
{
    return glued(sc, i + 1) && num_sep(sc, i + 1) && !punct(sc, i + 1, '-') &&
           glued(sc, i + 2) && is_num(sc, i + 2, 1, 255);
}

static bool chained(const sl_dscan *sc, size_t i)
{
    return chained_before(sc, i) || chained_after(sc, i);
}

static bool is_day(const sl_dscan *sc, size_t i)
{
    return is_num(sc, i, 1, 2) && sc->t->tok[i].value >= 1 && sc->t->tok[i].value <= 31;
}

static bool is_year(const sl_dscan *sc, size_t i, int lo, int hi)
{
    return is_num(sc, i, 4, 4) && sc->t->tok[i].value >= lo && sc->t->tok[i].value <= hi &&
           !chained(sc, i);
}

static bool is_dash(const sl_dscan *sc, size_t i)
{
    return punct(sc, i, '-') || punct(sc, i, 0x2013) || punct(sc, i, 0x2014);
}

static bool valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= sl_date_days_in_month(y ? y : 2000, m);
}

/* After a year at token i: skips "года", "г.", "yılında", Turkish "'te".
 * Returns the token after it all. */
static size_t after_year(const sl_dscan *sc, size_t i)
{
    size_t j = i + 1;
    if (sense(sc, j, DW_YEAR_AFTER)) {
        j++;
        if (punct(sc, j, '.') && glued(sc, j) && sc->t->tok[j - 1].len <= 2)
            j++;
        return j;
    }
    if ((punct(sc, j, '\'') || punct(sc, j, 0x2019)) && glued(sc, j) && is_word(sc, j + 1) &&
        glued(sc, j + 1) && sc->t->tok[j + 1].len <= 4 && (sc->t->tok[j + 1].flags & SL_TF_LOWER))
        return j + 2;
    return j;
}

/* ---- months --------------------------------------------------------------- */

typedef struct {
    int m;          /* 1..12 */
    size_t end;     /* the token after the month */
    bool prefixed;  /* "mid-June": the token holds its own preposition */
} month_at_t;

static bool single_month(const sl_dscan *sc, size_t i, int *m)
{
    const sl_dsense *s = sense(sc, i, DW_MONTH);
    if (s)
        *m = s->v1;
    return s != NULL;
}

/* A month at token i: one word (with an abbreviation's '.'), or the two
 * words of an Arabic Levantine month; then an alternative name of the same
 * month may follow ("شباط/فبراير", "شباط (فبراير)"). */
static bool month_at(const sl_dscan *sc, size_t i, month_at_t *r)
{
    const sl_dsense *s = sense(sc, i, DW_MONTH), *s2, *tail;
    size_t j = i + 1;
    if (s) {
        r->m = s->v1;
        r->prefixed = sc->how[i] == DWT_PREFIXED;
        if ((s->flags & DWF_ABBR) && punct(sc, j, '.') && glued(sc, j))
            j++;
    } else if ((s2 = sense(sc, i, DW_MONTH2)) && (tail = sense(sc, i + 1, DW_MONTH2_TAIL))) {
        r->m = tail->v1 == 1 ? s2->v1 : s2->v2;
        r->prefixed = false;
        j = i + 2;
    } else {
        return false;
    }
    int alt;
    if (punct(sc, j, '/') && single_month(sc, j + 1, &alt) && alt == r->m)
        j += 2;
    else if (punct(sc, j, '(') && single_month(sc, j + 1, &alt) && alt == r->m &&
             punct(sc, j + 2, ')'))
        j += 3;
    r->end = j;
    return true;
}

/* ---- patterns at a number ------------------------------------------------- */

static size_t set_abs(sl_dcand *c, size_t i, size_t end, int y, int m, int d)
{
    c->kind = DC_ABS;
    c->first = i;
    c->last = end;
    c->y = y, c->m = m, c->d = d;
    c->prec = d ? SL_DATE_DAY : m ? SL_DATE_MONTH : SL_DATE_YEAR;
    return end - i;
}

/* 2020-01-12, 2020/01/12, 2023.02.28 */
static size_t p_iso(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_num(sc, i, 4, 4) || !glued(sc, i + 1) || !glued(sc, i + 2) ||
        !glued(sc, i + 3) || !glued(sc, i + 4))
        return 0;
    int32_t sep = sc->t->tok[i + 1].value;
    if (!(punct(sc, i + 1, '-') || punct(sc, i + 1, '/') || punct(sc, i + 1, '.')) ||
        !punct(sc, i + 3, sep) || !is_num(sc, i + 2, 1, 2) || !is_num(sc, i + 4, 1, 2))
        return 0;
    int y = sc->t->tok[i].value, m = sc->t->tok[i + 2].value, d = sc->t->tok[i + 4].value;
    if (y < 1000 || y > 2999 || !valid_day(y, m, d) || chained_before(sc, i) ||
        chained_after(sc, i + 4))
        return 0;
    return set_abs(c, i, i + 5, y, m, d);
}

/* 12/01/2020, 28.02.2023, 12-01-2020: both readings are kept when both are
 * possible; dates.c decides. */
static size_t p_numeric(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_num(sc, i, 1, 2) || !glued(sc, i + 1) || !glued(sc, i + 2) ||
        !glued(sc, i + 3) || !glued(sc, i + 4) || chained_before(sc, i) ||
        chained_after(sc, i + 4))
        return 0;
    int32_t sep = sc->t->tok[i + 1].value;
    if (!(punct(sc, i + 1, '-') || punct(sc, i + 1, '/') || punct(sc, i + 1, '.')) ||
        !punct(sc, i + 3, sep) || !is_num(sc, i + 2, 1, 2) || !is_num(sc, i + 4, 4, 4))
        return 0;
    int a = sc->t->tok[i].value, b = sc->t->tok[i + 2].value, y = sc->t->tok[i + 4].value;
    if (y < 1000 || y > 2999)
        return 0;
    bool dmy = valid_day(y, b, a), mdy = valid_day(y, a, b);
    if (!dmy && !mdy)
        return 0;
    c->kind = DC_NUMERIC;
    c->first = i;
    c->last = i + 5;
    c->y = y;
    c->d = dmy ? a : 0, c->m = dmy ? b : 0;
    c->alt_d = mdy ? b : 0, c->alt_m = mdy ? a : 0;
    c->order = dmy && !mdy ? 1 : mdy && !dmy ? -1 : 0;
    c->v = sep;
    c->prec = SL_DATE_DAY;
    return 5;
}

/* A CJK date mark at i: 年 月 日 as Han tokens, or Korean 년 월 일 glued to
 * their number. */
static bool mark(const sl_dscan *sc, size_t i, int kind)
{
    if (!sense(sc, i, kind))
        return false;
    return sc->t->tok[i].script == SL_SC_HAN || glued(sc, i);
}

/* After a CJK date: a weekday in brackets, "(金)" or "（星期一）". */
static size_t skip_cjk_weekday(const sl_dscan *sc, size_t j)
{
    if (!(punct(sc, j, '(') || punct(sc, j, 0xFF08)))
        return j;
    size_t k = j + 1;
    while (k < j + 5 && is_word(sc, k) && sc->t->tok[k].script == SL_SC_HAN)
        k++;
    if (k > j + 1 && (punct(sc, k, ')') || punct(sc, k, 0xFF09)))
        return k + 1;
    return j;
}

/* 2020年6月15日, 2020年6月, 2022年, 6月15日, 6月 */
static size_t p_cjk(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_num(sc, i, 1, 4) || chained(sc, i))
        return 0;
    int v = sc->t->tok[i].value, y = 0, m = 0, d = 0;
    size_t j = i;
    if (mark(sc, i + 1, DW_MARK_Y)) {
        if (sc->t->tok[i].ndig != 4 || v < 1000 || v > 2999)
            return 0;
        y = v;
        j = i + 2;
    }
    if (is_num(sc, j, 1, 2) && mark(sc, j + 1, DW_MARK_M) && sc->t->tok[j].value >= 1 &&
        sc->t->tok[j].value <= 12) {
        m = sc->t->tok[j].value;
        j += 2;
        if (is_num(sc, j, 1, 2) && mark(sc, j + 1, DW_MARK_D) &&
            valid_day(y, m, sc->t->tok[j].value)) {
            d = sc->t->tok[j].value;
            j = skip_cjk_weekday(sc, j + 2);
        }
    }
    if (j == i)
        return 0;
    if (y)
        return set_abs(c, i, j, y, m, d);
    c->kind = d ? DC_NOYEAR : DC_MONTH_NOYEAR;
    c->first = i, c->last = j;
    c->m = m, c->d = d;
    return j - i;
}

/* 12 January 2020, 12. Januar, 12th of May, 12 de enero de 2020, 6 Şubat'ta */
static size_t p_day_month(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_day(sc, i) || chained(sc, i))
        return 0;
    size_t j = i + 1;
    if (glued(sc, j) && sense(sc, j, DW_ORD))
        j++;
    if (punct(sc, j, '.') && glued(sc, j))
        j++;
    if (sense(sc, j, DW_CONNECT))
        j++;
    month_at_t mo;
    if (!month_at(sc, j, &mo) || mo.prefixed)
        return 0;
    int d = sc->t->tok[i].value, y = 0;
    size_t k = mo.end;
    if (punct(sc, k, ','))
        k++;
    if (sense(sc, k, DW_CONNECT))
        k++;
    if (is_year(sc, k, 1000, 2999)) {
        y = sc->t->tok[k].value;
        j = after_year(sc, k);
    } else {
        j = mo.end;
    }
    if (!valid_day(y, mo.m, d))
        return 0;
    c->order = 1;
    if (y)
        return set_abs(c, i, j, y, mo.m, d);
    c->kind = DC_NOYEAR;
    c->first = i, c->last = j;
    c->m = mo.m, c->d = d;
    return j - i;
}

/* 14-17 November (2022): the first day, the whole range as the expression. */
static size_t p_range(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_day(sc, i) || !is_dash(sc, i + 1) || !is_day(sc, i + 2) ||
        sc->t->tok[i].value >= sc->t->tok[i + 2].value)
        return 0;
    if (!p_day_month(sc, i + 2, c))
        return 0;
    int d = sc->t->tok[i].value;
    if (!valid_day(c->y, c->m, d))
        return 0;
    c->d = d;
    c->first = i;
    return c->last - i;
}

/* 2019 году, 2023 yılında, 2023'te */
static size_t p_year_word(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!is_year(sc, i, 1800, 2100))
        return 0;
    size_t j = after_year(sc, i);
    return j > i + 1 ? set_abs(c, i, j, sc->t->tok[i].value, 0, 0) : 0;
}

/* ---- patterns at a word --------------------------------------------------- */

/* January 12, 2020; January 12; June 2020; junio de 2020; mid-June 2020 */
static size_t p_month_first(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    month_at_t mo;
    if (!month_at(sc, i, &mo))
        return 0;
    size_t j = mo.end;
    bool unit_after = is_dash(sc, j + 1) && glued(sc, j + 1) && is_word(sc, j + 2);
    if (!mo.prefixed && is_day(sc, j) && !chained(sc, j) && !punct(sc, j + 1, ':') &&
        !unit_after) {
        int d = sc->t->tok[j].value, y = 0;
        size_t k = j + 1;
        if (glued(sc, k) && sense(sc, k, DW_ORD))
            k++;
        size_t end = k;
        if (punct(sc, k, ','))
            k++;
        if (is_year(sc, k, 1000, 2999)) {
            y = sc->t->tok[k].value;
            end = after_year(sc, k);
        }
        if (!valid_day(y, mo.m, d))
            return 0;
        c->order = -1;
        if (y)
            return set_abs(c, i, end, y, mo.m, d);
        c->kind = DC_NOYEAR;
        c->first = i, c->last = end;
        c->m = mo.m, c->d = d;
        return end - i;
    }
    if (sense(sc, j, DW_CONNECT))
        j++;
    if (is_year(sc, j, 1000, 2999))
        return set_abs(c, i, after_year(sc, j), sc->t->tok[j].value, mo.m, 0);
    if (mo.prefixed && !is_num(sc, mo.end, 1, 4)) {
        c->kind = DC_MONTH_NOYEAR;
        c->first = i, c->last = mo.end;
        c->m = mo.m;
        return mo.end - i;
    }
    return 0;
}

/* in June, im Juni, en juin, в июне -- a month without a day or a year
 * (with one, the month patterns take it from the month on). */
static size_t p_prep_month(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    month_at_t mo;
    if (!sense(sc, i, DW_PREP_MONTH) || !month_at(sc, i + 1, &mo))
        return 0;
    size_t j = sense(sc, mo.end, DW_CONNECT) ? mo.end + 1 : mo.end;
    if (is_num(sc, j, 1, 4))
        return 0;
    c->kind = DC_MONTH_NOYEAR;
    c->first = i, c->last = mo.end;
    c->m = mo.m;
    return mo.end - i;
}

/* in 2019, im Jahr 2019, en 2019, عام 2019 */
static size_t p_prep_year(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    if (!sense(sc, i, DW_PREP_YEAR) || !is_year(sc, i + 1, 1800, 2100) ||
        punct(sc, i + 2, '%') || single_month(sc, i + 2, &(int){0}))
        return 0;
    return set_abs(c, i, after_year(sc, i + 1), sc->t->tok[i + 1].value, 0, 0);
}

/* Words a relative day must not follow: "la mañana" is the morning, "am
 * Morgen" too, "de morgen" in Dutch. */
static bool morning_not_tomorrow(const sl_dscan *sc, size_t i)
{
    static const char *const before[] = {
        "la", "esta", "una", "cada", "toda", "por", "heute", "gestern", "am", "jeden",
        "guten", "den", "de", "deze", "die", "elke", "van", "'s", NULL,
    };
    if (i == 0 || !is_word(sc, i - 1) || sc->t->tok[i].kind != SL_TK_WORD)
        return false;
    const sl_tok *p = &sc->t->tok[i - 1];
    char f[16];
    size_t k = p->len < 16 ? sl_an_fold(sc->t->s + p->off, p->len, f, sizeof f) : 0;
    for (int j = 0; k && before[j]; j++)
        if (strlen(before[j]) == k && !memcmp(before[j], f, k))
            return true;
    return false;
}

static size_t set_rel(sl_dcand *c, int kind, size_t i, size_t end, int v, int dir)
{
    c->kind = kind;
    c->first = i, c->last = end;
    c->v = v, c->dir = dir;
    return end - i;
}

/* A weekday at token w; the expression starts at 'first' (a preposition or
 * modifier before it) with direction 'dir'. */
static size_t p_weekday_at(const sl_dscan *sc, size_t first, size_t w, int dir, sl_dcand *c)
{
    const sl_dsense *s = sense(sc, w, DW_WEEKDAY);
    if (!s)
        return 0;
    size_t j = w + 1, k = punct(sc, j, ',') ? j + 1 : j;
    if ((p_day_month(sc, k, c) || p_month_first(sc, k, c)) &&
        (c->kind == DC_ABS || c->kind == DC_NOYEAR)) {
        c->first = first; /* "Monday, 12 January 2020": the date says it all */
        return c->last - first;
    }
    memset(c, 0, sizeof *c);
    if (punct(sc, j, '(') && (p_day_month(sc, j + 1, c) || p_month_first(sc, j + 1, c)) &&
        (c->kind == DC_ABS || c->kind == DC_NOYEAR) && punct(sc, c->last, ')')) {
        c->first = first; /* "Wednesday (6 September)" */
        c->last++;
        return c->last - first;
    }
    memset(c, 0, sizeof *c);
    if (punct(sc, j, '(') && is_day(sc, j + 1) && punct(sc, j + 2, ')')) {
        set_rel(c, DC_WEEKDAY_DOM, first, j + 3, s->v1, DC_NODIR);
        c->d = sc->t->tok[j + 1].value;
        return j + 3 - first;
    }
    const sl_dsense *mod = sense(sc, j, DW_MOD);
    bool strong = first < w;
    if (mod && (mod->flags & DWF_AFTER)) {
        dir = mod->v1;
        strong = true;
        j++;
    }
    const sl_dsense *after = sense(sc, j, DW_PREP_DAY);
    if (after && (after->flags & DWF_AFTER)) {
        strong = true;
        j++;
    }
    if ((s->flags & DWF_WEAK) && !strong)
        return 0;
    return set_rel(c, DC_WEEKDAY, first, j, s->v1, dir);
}

/* on Monday, am Montag, в понедельник, يوم الاثنين */
static size_t p_prep_day(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    const sl_dsense *p = sense(sc, i, DW_PREP_DAY);
    if (!p || !(p->flags & DWF_BEFORE))
        return 0;
    size_t w = i + 1;
    const sl_dsense *mod = sense(sc, w, DW_MOD);
    int dir = DC_NODIR;
    if (mod && (mod->flags & DWF_BEFORE)) {
        dir = mod->v1;
        w++;
    }
    return p_weekday_at(sc, i, w, dir, c);
}

/* last week, next Monday, this morning, last night */
static size_t p_mod_before(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    const sl_dsense *mod = sense(sc, i, DW_MOD), *u;
    if (!mod || !(mod->flags & DWF_BEFORE))
        return 0;
    if ((u = sense(sc, i + 1, DW_UNIT)))
        return set_rel(c, DC_UNIT, i, i + 2, u->v1, mod->v1);
    if (sense(sc, i + 1, DW_DAYPART)) {
        if (mod->v1 > 0)
            return 0;
        return set_rel(c, DC_RELDAY, i, i + 2, mod->v1, 0);
    }
    return p_weekday_at(sc, i, i + 1, mod->v1, c);
}

/* la semaine dernière, el año pasado, الأسبوع الماضي */
static size_t p_unit_mod(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    const sl_dsense *u = sense(sc, i, DW_UNIT), *mod = sense(sc, i + 1, DW_MOD);
    if (!u || !mod || !(mod->flags & DWF_AFTER))
        return 0;
    return set_rel(c, DC_UNIT, i, i + 2, u->v1, mod->v1);
}

static size_t p_relword(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    const sl_dsense *s;
    if ((s = sense(sc, i, DW_RELDAY)) && !(s->v1 > 0 && morning_not_tomorrow(sc, i)))
        return set_rel(c, DC_RELDAY, i, i + 1, s->v1, 0);
    if ((s = sense(sc, i, DW_RELUNIT)))
        return set_rel(c, DC_UNIT, i, i + 1, s->v1, s->v2);
    return 0;
}

/* Chinese and Japanese words of several characters: 星期一, 昨天, 去年, 先週 */
static size_t p_han(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    const sl_an_text *t = sc->t;
    for (size_t len = 4; len >= 2; len--) {
        if (i + len > t->ntok)
            continue;
        bool ok = true;
        for (size_t k = i; k < i + len && ok; k++)
            ok = t->tok[k].kind == SL_TK_WORD && t->tok[k].script == SL_SC_HAN &&
                 (k == i || glued(sc, k));
        if (!ok)
            continue;
        char f[SL_AN_WORD_MAX];
        size_t end = t->tok[i + len - 1].off + t->tok[i + len - 1].len;
        size_t n = sl_an_fold(t->s + t->tok[i].off, end - t->tok[i].off, f, sizeof f);
        int32_t id = n ? sl_dlex_find(sc->lex, f, n) : -1;
        const sl_dsense *s;
        if ((s = sl_dlex_has(sc->lex, id, DW_WEEKDAY, sc->langs, SL_DLEX_ANYCASE)))
            return set_rel(c, DC_WEEKDAY, i, i + len, s->v1, s->v2 == 2 ? 0 : s->v2 ? s->v2 : DC_NODIR);
        if ((s = sl_dlex_has(sc->lex, id, DW_RELDAY, sc->langs, SL_DLEX_ANYCASE)))
            return set_rel(c, DC_RELDAY, i, i + len, s->v1, 0);
        if ((s = sl_dlex_has(sc->lex, id, DW_RELUNIT, sc->langs, SL_DLEX_ANYCASE)))
            return set_rel(c, DC_UNIT, i, i + len, s->v1, s->v2);
    }
    return 0;
}

/* ---- all patterns ---------------------------------------------------------- */

size_t sl_an_date_match(const sl_dscan *sc, size_t i, sl_dcand *c)
{
    memset(c, 0, sizeof *c);
    c->dir = DC_NODIR;
    const sl_tok *k = tk(sc, i);
    if (!k || k->kind == SL_TK_PUNCT)
        return 0;
    size_t n;
    if (k->kind == SL_TK_NUM) {
        if ((n = p_iso(sc, i, c)) || (n = p_numeric(sc, i, c)) || (n = p_cjk(sc, i, c)) ||
            (n = p_range(sc, i, c)) || (n = p_day_month(sc, i, c)) || (n = p_year_word(sc, i, c)))
            return n;
        return 0;
    }
    if (k->script == SL_SC_HAN)
        return p_han(sc, i, c);
    if (sc->sense[i] < 0)
        return 0;
    if ((n = p_month_first(sc, i, c)) || (n = p_prep_day(sc, i, c)) ||
        (n = p_prep_year(sc, i, c)) || (n = p_prep_month(sc, i, c)) ||
        (n = p_mod_before(sc, i, c)) || (n = p_unit_mod(sc, i, c)) ||
        (n = p_weekday_at(sc, i, i, DC_NODIR, c)) || (n = p_relword(sc, i, c)))
        return n;
    return 0;
}
