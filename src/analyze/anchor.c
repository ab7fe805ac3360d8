/*
 * anchor.c -- when an undated article is about, given a date near it.
 *
 * An article with no date of its own can still say "on Wednesday",
 * "January 12" or "yesterday"; on its own that resolves to nothing.  Next
 * to a related article or event with a date (the one it is compared with,
 * the story it belongs to) it does: that date is the anchor.  First the
 * article's own "now" is found near the anchor -- a day it names in full
 * or a month and day it names, put in the year nearest the anchor, or
 * failing those its month marker, or the anchor itself -- then its
 * weekdays and "yesterday"s are read against that now.  "Turkey and
 * Russia called on Wednesday for a ceasefire starting January 12", next to
 * a story of June 2020: January 12 falls in 2020, so now is before it and
 * Wednesday is January 8, 2020.
 *
 * The answer is a guess and is always marked inferred where it is shown.
 * sl_anchor_day_sure() is the cautious form, for keeping events apart: it
 * answers only when the article names one month and day (without a year)
 * at least twice -- the day it is about, as in "the ceasefire starts on
 * January 12 ... from midnight on January 12" -- not a date it mentions in
 * passing ("appointed on September 5"), nor a full date, which is as often
 * history ("a photo of September 7, 2019").

 *
 * Tests: tests/analyze/test_profile.c.
 */
#include "profile.h"

#include <stdlib.h>

/* 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
static int weekday(int32_t day)
{
    int w = (int)((day + 3) % 7);
    return w < 0 ? w + 7 : w;
}

/* The day of month m, day d in the year that puts it nearest to ref. */
static int32_t nearest_md(int32_t ref, int m, int d)
{
    int y, rm, rd;
    sl_date_from_days(ref, &y, &rm, &rd);
    int32_t best = SL_NO_DAY;
    for (int dy = -1; dy <= 1; dy++) {
        if (d < 1 || d > sl_date_days_in_month(y + dy, m))
            continue;
        int32_t day = (int32_t)sl_date_to_days(y + dy, m, d);
        if (best == SL_NO_DAY || abs(day - ref) < abs(best - ref))
            best = day;
    }
    return best;
}

static int32_t weekday_from(int32_t now, int wd, int dir)
{
    int back = (weekday(now) - wd + 7) % 7;
    switch (dir) {
    case -1: return now - (back ? back : 7);            /* last Wednesday */
    case 1: return now + ((wd - weekday(now) + 7) % 7); /* (next) Wednesday */
    case 0: return now - weekday(now) + wd;             /* this Wednesday */
    default: return now - back;                         /* Wednesday, past */
    }
}

/* How often the month and day of open date i are named. */
static size_t times_named(const sl_profile *p, size_t i)
{
    size_t k = 0;
    for (size_t j = 0; j < p->nopen; j++)
        k += p->open[j].kind == SL_OPEN_NOYEAR && p->open[j].m == p->open[i].m &&
             p->open[j].d == p->open[i].d;
    return k;
}

static int32_t anchor(const sl_profile *p, int32_t ref, bool sure)
{
    if (p->day != SL_NO_DAY)
        return p->day;
    if (ref == SL_NO_DAY)
        return sure ? SL_NO_DAY : p->told_day;
    int32_t now = SL_NO_DAY;
    for (size_t i = 0; i < p->ndays && !sure; i++) /* days it names in full */
        if (abs(p->days[i] - ref) <= 400 && (now == SL_NO_DAY || abs(p->days[i] - ref) < abs(now - ref)))
            now = p->days[i];
    for (size_t i = 0; i < p->nopen; i++) { /* month and day, no year */
        if (p->open[i].kind != SL_OPEN_NOYEAR || (sure && times_named(p, i) < 2))
            continue;
        int32_t day = nearest_md(ref, p->open[i].m, p->open[i].d);
        if (day != SL_NO_DAY && (now == SL_NO_DAY || abs(day - ref) < abs(now - ref)))
            now = day;
    }
    bool named = now != SL_NO_DAY;
    if (!named && sure)
        return SL_NO_DAY;
    if (!named)
        now = p->day_prec != SL_DATE_NONE && p->told_day != SL_NO_DAY ? p->told_day : ref;
    int32_t votes[SL_OPEN_MAX];
    size_t n = 0;
    for (size_t i = 0; i < p->nopen; i++) {
        const sl_open_date *o = &p->open[i];
        if (o->kind == SL_OPEN_WEEKDAY && o->v >= 0 && o->v < 7)
            votes[n++] = weekday_from(now, o->v, o->dir);
        else if (o->kind == SL_OPEN_RELDAY)
            votes[n++] = now + o->v;
    }
    if (!n)
        return named ? now : SL_NO_DAY;
    int32_t best = votes[0];
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        for (size_t j = 0; j < n; j++)
            k += votes[j] == votes[i];
        if (k > best_n || (k == best_n && votes[i] < best))
            best_n = k, best = votes[i];
    }
    return best;
}

int32_t sl_anchor_day(const sl_profile *p, int32_t ref) { return anchor(p, ref, false); }

int32_t sl_anchor_day_sure(const sl_profile *p, int32_t ref) { return anchor(p, ref, true); }
