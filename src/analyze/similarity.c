/*
 * similarity.c -- how likely two articles report the same event.
 *
 * The evidence (sl_sim_parts) is language-neutral by construction: the
 * term cosine is taken in the shared cross-lingual space of profile.c, the
 * names are skeleton keys, numbers are numbers and days are days.  Still,
 * a cosine between a German article translated word by word and an English
 * one runs lower than between two English articles about the same thing,
 * so the model sees whether the pair crosses languages and weighs the
 * term and name evidence separately for such pairs.  That is what makes
 * one score mean the same for every language pair.
 *
 * Two logistic models share the features: same event, and same story
 * (which includes the same event).  Their weights were fitted with
 * bench/fit_similarity.py on the labelled pairs of the events-dev set
 * (../shared/data/events-dev, the dev set: same event / same story /
 * unrelated); ecbplus and tgnews-pairs are only measured with them.
 *
 * Dates: two dated reports of one event are rarely more than a few days
 * apart; a large gap is strong evidence against, even with shared names
 * (the January ceasefire call and the June talks share every name).  The
 * gap enters as log(1 + days), and only when both are dated.
 *
 * Tests: tests/analyze/test_similarity.c; figures: bench/similarity_eval.c.
 */
#include "profile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void sl_sim_parts_of(const sl_profile *a, const sl_profile *b, sl_sim_parts *out)
{
    out->terms = sl_feat_dot(a->terms, a->nterms, b->terms, b->nterms);
    out->ents = sl_feat_dot(a->ents, a->nents, b->ents, b->nents);
    out->nums = sl_feat_dot(a->nums, a->nnums, b->nums, b->nnums);
    out->day_gap = a->day != SL_NO_DAY && b->day != SL_NO_DAY ? abs(a->day - b->day) : -1;
    out->shared_day = false;
    for (size_t i = 0, j = 0; i < a->ndays && j < b->ndays;) {
        if (a->days[i] == b->days[j]) {
            out->shared_day = true;
            break;
        }
        if (a->days[i] < b->days[j])
            i++;
        else
            j++;
    }
    out->cross_lang = strcmp(a->lang, b->lang) != 0;
    /* One undated: read its relative dates against the other's date. */
    int32_t wa = a->day != SL_NO_DAY ? a->day : sl_anchor_day(a, b->day);
    int32_t wb = b->day != SL_NO_DAY ? b->day : sl_anchor_day(b, a->day);
    out->told_gap = out->day_gap < 0 && wa != SL_NO_DAY && wb != SL_NO_DAY ? abs(wa - wb) : -1;
    sl_sim_conflicts(out, a->nnums, b->nnums, a->nents, b->nents);
}

void sl_sim_conflicts(sl_sim_parts *x, bool nums_a, bool nums_b, bool ents_a, bool ents_b)
{
    x->num_conflict = nums_a && nums_b && x->nums < 0.05;
    x->ent_conflict = ents_a && ents_b && x->ents < 0.1;
}

enum { NFEAT = 13 };

static void features(const sl_sim_parts *x, double f[NFEAT])
{
    double cross = x->cross_lang ? 1 : 0;
    f[0] = 1;
    f[1] = x->terms;
    f[2] = x->ents;
    f[3] = x->nums;
    f[4] = x->day_gap >= 0 ? log1p(x->day_gap) : 0;
    f[5] = x->day_gap >= 0 ? 1 : 0;
    f[6] = x->shared_day ? 1 : 0;
    f[7] = cross * x->terms;
    f[8] = cross * x->ents;
    f[9] = x->told_gap >= 0 ? log1p(x->told_gap) : 0;
    f[10] = x->told_gap >= 0 ? 1 : 0;
    f[11] = x->num_conflict ? 1 : 0;
    f[12] = x->ent_conflict ? 1 : 0;
}

/* Fitted by bench/fit_similarity.py on events-dev (see the top comment). */
static const double W_EVENT[NFEAT] = {-4.149, 15.844, 0.756, 3.494, -3.064, 4.168, 1.638, 5.413, 2.674, -0.596, 1.456, -0.023, -1.986};
static const double W_STORY[NFEAT] = {-4.059, 25.403, 2.018, 1.624, -0.734, 2.648, 2.572, 7.563, 10.091, -0.235, 0.685, -0.272, -1.107};

static double logistic(const double *w, const sl_sim_parts *x)
{
    double f[NFEAT], z = 0;
    features(x, f);
    for (int i = 0; i < NFEAT; i++)
        z += w[i] * f[i];
    return 1 / (1 + exp(-z));
}

double sl_sim_p_event(const sl_sim_parts *x) { return logistic(W_EVENT, x); }

double sl_sim_p_story(const sl_sim_parts *x)
{
    double s = logistic(W_STORY, x), e = logistic(W_EVENT, x);
    return s > e ? s : e;
}

double sl_sim_score(const sl_sim_parts *x)
{
    return 1 + 2 * sl_sim_p_story(x) + sl_sim_p_event(x);
}
