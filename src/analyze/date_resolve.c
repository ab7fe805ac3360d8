/*
 * date_resolve.c -- relative dates made absolute against the article date.
 *
 * "On Monday" in an article of Wednesday 4 March is 2 March; "January 12"
 * without a year, in an article of 3 February 2021, is 12 January 2021 and
 * not 2020 or 2022; "last week" is the Monday-to-Sunday week before the
 * article's week.  All of it is arithmetic on day numbers (days since
 * 1970-01-01, src/core/date.c), so a week that straddles a month or a year
 * needs no special case.
 *
 * The direction of a bare weekday is the caller's choice: news reports the
 * past, so "on Monday" is the most recent Monday on or before the article
 * date unless the sentence speaks of the future ("will meet on Wednesday").
 *
 * Tests: tests/analyze/test_dates.c.
 */
#include "analyze_internal.h"

long sl_an_day(sl_date d)
{
    return sl_date_to_days(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

sl_date sl_an_date_of(long day)
{
    sl_date d = {0, 0, 0, SL_DATE_DAY};
    sl_date_from_days(day, &d.year, &d.month, &d.day);
    return d;
}

int sl_an_weekday(long day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    long w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

long sl_an_weekday_near(long ref, int wd, int dir)
{
    int here = sl_an_weekday(ref);
    if (dir < 0)
        return ref - ((here - wd + 7) % 7);
    if (dir > 0)
        return ref + ((wd - here + 6) % 7) + 1;
    return ref - here + wd;
}

int sl_an_nearest_year(long ref, int m, int d)
{
    int y, mm, dd;
    sl_date_from_days(ref, &y, &mm, &dd);
    int best = y;
    long best_gap = -1;
    for (int cy = y - 1; cy <= y + 1; cy++) {
        int day = d ? d : 15;
        if (day > sl_date_days_in_month(cy, m))
            continue; /* 29 February in a common year */
        long gap = sl_date_to_days(cy, m, day) - ref;
        gap = gap < 0 ? -gap : gap;
        if (best_gap < 0 || gap < best_gap)
            best = cy, best_gap = gap;
    }
    return best;
}
