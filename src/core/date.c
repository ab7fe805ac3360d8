/*
 * date.c -- calendar arithmetic and ISO date parsing.
 *
 * Dates are proleptic Gregorian.  Day numbers (days since 1970-01-01) make
 * "last Monday" and "within one day" simple subtraction; the conversion is
 * Howard Hinnant's days_from_civil, exact for any year.
 */
#include "core.h"

#include <ctype.h>
#include <stdio.h>

int sl_date_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

long sl_date_to_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sl_date_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

size_t sl_date_parse_iso(const char *s, sl_date *d)
{
    sl_date r = {0, 0, 0, SL_DATE_NONE};
    *d = r;
    int y = digits(s, 4);
    if (y < 1000 || y > 2999 || isdigit((unsigned char)s[4]))
        return 0;
    r.year = y;
    r.precision = SL_DATE_YEAR;
    size_t used = 4;
    char sep = s[4];
    if (sep == '-' || sep == '/') {
        int m = digits(s + 5, 2);
        if (m >= 1 && m <= 12 && !isdigit((unsigned char)s[7])) {
            r.month = m;
            r.precision = SL_DATE_MONTH;
            used = 7;
            if (s[7] == sep) {
                int dd = digits(s + 8, 2);
                if (dd >= 1 && dd <= sl_date_days_in_month(y, m) &&
                    !isdigit((unsigned char)s[10])) {
                    r.day = dd;
                    r.precision = SL_DATE_DAY;
                    used = 10;
                }
            }
        }
    }
    *d = r;
    return used;
}

void sl_date_format(sl_date d, char out[11])
{
    switch (d.precision) {
    case SL_DATE_DAY:
        snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
                 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
        break;
    case SL_DATE_MONTH:
        snprintf(out, 11, "%04u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u);
        break;
    case SL_DATE_YEAR:
        snprintf(out, 11, "%04u", (unsigned)d.year % 10000u);
        break;
    default:
        out[0] = '\0';
    }
}
