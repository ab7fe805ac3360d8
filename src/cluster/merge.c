/*
 * merge.c -- are these two events one?
 *
 * The online pass (events.c) decides for one article against events and
 * errs on the side of a new event: a report in a language that has no
 * event yet, or one that came before the reports that tie it to the rest,
 * starts an event of its own.  The second pass looks at events against
 * events, when each holds all its evidence: several articles' worth of
 * names, numbers and dates, which cross languages far better than one
 * article's words do.  Its model is fitted on what the online pass leaves:
 * bench/fit_merge runs it on the dev set (../shared/data/events-dev), takes
 * the pairs of events the postings find for each other, and labels a pair
 * 1 when the two events' most common true events agree;
 * bench/fit_merge.py fits the logistic regression.  ecbplus is only
 * measured with it.
 *
 * Tests: tests/cluster/test_events.c.
 */
#include "cluster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool in_langs(const char *langs, const char *lang, size_t n)
{
    for (const char *s = langs; (s = strstr(s, lang)) != NULL; s++)
        if ((s == langs || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0') &&
            !strncmp(s, lang, n))
            return true;
    return false;
}

/* Do two language lists ("en de") share a language? */
static bool langs_meet(const char *a, const char *b)
{
    for (const char *s = a; *s;) {
        size_t n = strcspn(s, " ");
        char tok[16];
        if (n && n < sizeof tok) {
            memcpy(tok, s, n);
            tok[n] = '\0';
            if (in_langs(b, tok, n))
                return true;
        }
        s += n;
        while (*s == ' ')
            s++;
    }
    return false;
}

static int span_gap(int32_t a1, int32_t a2, int32_t b1, int32_t b2)
{
    if (a1 == SL_NO_DAY || b1 == SL_NO_DAY)
        return -1;
    if (a2 < b1)
        return b1 - a2;
    if (b2 < a1)
        return a1 - b2;
    return 0;
}

static double mean2(const sl_event *a, const sl_event *b, const sl_centroid *ca,
                    const sl_centroid *cb)
{
    return a->n && b->n ? sl_feat_dot(ca->f, ca->n, cb->f, cb->n) / ((double)a->n * b->n) : 0;
}

void sl_merge_features(const sl_event *a, const sl_event *b, double f[SL_MERGE_NFEAT])
{
    int gap = span_gap(a->first_day, a->last_day, b->first_day, b->last_day);
    int told = gap < 0 ? span_gap(a->told_first, a->told_last, b->told_first, b->told_last) : -1;
    bool shared = false;
    for (size_t i = 0; i < a->ndays && !shared; i++)
        for (size_t j = 0; j < b->ndays; j++)
            shared |= a->days[i] == b->days[j];
    double cross = langs_meet(a->langs, b->langs) ? 0 : 1;
    double ct = sl_centroid_cos2(&a->terms, &b->terms);
    double ce = sl_centroid_cos2(&a->ents, &b->ents);
    double cn = sl_centroid_cos2(&a->nums, &b->nums);
    f[0] = 1;
    f[1] = ct;
    f[2] = mean2(a, b, &a->terms, &b->terms);
    f[3] = ce;
    f[4] = mean2(a, b, &a->ents, &b->ents);
    f[5] = cn;
    f[6] = gap >= 0 ? log1p(gap) : 0;
    f[7] = gap >= 0 ? 1 : 0;
    f[8] = told >= 0 ? log1p(told) : 0;
    f[9] = told >= 0 ? 1 : 0;
    f[10] = shared ? 1 : 0;
    f[11] = cross;
    f[12] = cross * ct;
    f[13] = cross * ce;
    f[14] = log((double)(a->n < b->n ? a->n : b->n));
    f[15] = log((double)(a->n > b->n ? a->n : b->n));
    f[16] = a->nums.n && b->nums.n && cn < 0.05 ? 1 : 0;
    f[17] = a->ents.n && b->ents.n && ce < 0.1 ? 1 : 0;
}

/* Fitted by bench/fit_merge.py on events-dev (see the top comment). */
static const double W_MERGE[SL_MERGE_NFEAT] = {-0.526, 2.918, 2.165, 2.142, 1.557, 1.937, -0.827, 1.911, -0.246, 0.972, 0.207, -0.398, 2.326, 0.438, -1.290, -0.717, -0.385, -0.793};

double sl_merge_p(const sl_event *a, const sl_event *b)
{
    double f[SL_MERGE_NFEAT], z = 0;
    sl_merge_features(a, b, f);
    for (int i = 0; i < SL_MERGE_NFEAT; i++)
        z += W_MERGE[i] * f[i];
    return 1 / (1 + exp(-z));
}
