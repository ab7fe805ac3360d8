/*
 * join.c -- should this article join that event?
 *
 * The pairwise model (similarity.c) answers for two articles.  An event
 * is many articles, and its evidence behaves differently: the cosine
 * against a centroid grows with the event's size (averaging removes each
 * member's noise), while the mean cosine to the members shrinks as an
 * event gathers reports in other languages.  So joining has a model of
 * its own, over both kinds of evidence and the event's size, fitted on
 * what the online clusterer actually sees: bench/fit_events replays the
 * dev set (../shared/data/events-dev) in the clusterer's order, puts each
 * article into its true event (teacher forcing), and records the features
 * against its true event and against every other candidate the postings
 * return; bench/fit_events.py fits the logistic regression.  ecbplus is
 * only measured with it.
 *
 * Tests: tests/cluster/test_events.c.
 */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool has_lang(const char *langs, const char *lang)
{
    size_t n = strlen(lang);
    for (const char *s = langs; (s = strstr(s, lang)) != NULL; s += n)
        if ((s == langs || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

static double mean(const sl_event *e, const sl_centroid *c, const sl_feat *f, size_t n)
{
    return e->n ? sl_feat_dot(c->f, c->n, f, n) / e->n : 0;
}

static int span_gap(int32_t day, int32_t first, int32_t last)
{
    if (day == SL_NO_DAY || first == SL_NO_DAY)
        return -1;
    return day < first ? first - day : day > last ? day - last : 0;
}

void sl_join_features(const sl_event *e, const sl_profile *p, double f[SL_JOIN_NFEAT])
{
    int gap = span_gap(p->day, e->first_day, e->last_day);
    int32_t when = e->first_day != SL_NO_DAY ? sl_anchor_day(p, e->last_day) : sl_profile_when(p);
    int told = gap < 0 ? span_gap(when, e->told_first, e->told_last) : -1;
    bool shared = false;
    for (size_t i = 0; i < p->ndays && !shared; i++)
        for (size_t j = 0; j < e->ndays; j++)
            shared |= p->days[i] == e->days[j];
    double cross = has_lang(e->langs, p->lang) ? 0 : 1;
    double ct = sl_centroid_cos(&e->terms, p->terms, p->nterms);
    double ce = sl_centroid_cos(&e->ents, p->ents, p->nents);
    double cn = sl_centroid_cos(&e->nums, p->nums, p->nnums);
    f[0] = 1;
    f[1] = ct;
    f[2] = mean(e, &e->terms, p->terms, p->nterms);
    f[3] = ce;
    f[4] = mean(e, &e->ents, p->ents, p->nents);
    f[5] = cn;
    f[6] = gap >= 0 ? log1p(gap) : 0;
    f[7] = gap >= 0 ? 1 : 0;
    f[8] = shared ? 1 : 0;
    f[9] = cross;
    f[10] = cross * ct;
    f[11] = cross * ce;
    f[12] = log((double)(e->n ? e->n : 1));
    f[13] = told >= 0 ? log1p(told) : 0;
    f[14] = told >= 0 ? 1 : 0;
    f[15] = p->nnums && e->nums.n && cn < 0.05 ? 1 : 0;
    f[16] = p->nents && e->ents.n && ce < 0.1 ? 1 : 0;
}

/* Fitted by bench/fit_events.py on events-dev (see the top comment). */
static const double W_JOIN[SL_JOIN_NFEAT] = {-0.872, 9.665, 0.247, 6.864, -9.078, 2.871, -2.774, 3.552, 0.183, -0.562, -1.144, 2.134, -1.194, -0.385, 0.285, -0.418, -1.888};

double sl_join_p(const sl_event *e, const sl_profile *p)
{
    double f[SL_JOIN_NFEAT], z = 0;
    sl_join_features(e, p, f);
    for (int i = 0; i < SL_JOIN_NFEAT; i++)
        z += W_JOIN[i] * f[i];
    return 1 / (1 + exp(-z));
}
