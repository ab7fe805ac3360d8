/*
 * metrics.h -- scores of a predicted grouping against a gold one (BCubed,
 * pairwise, cross-language pairs), for `storyline eval`.  See metrics.c.
 */
#ifndef SL_CLI_METRICS_H
#define SL_CLI_METRICS_H

#include <stddef.h>

typedef struct {
    size_t n;                           /* articles scored */
    double bcubed_p, bcubed_r, bcubed_f;
    double pair_p, pair_r, pair_f;
    double pred_pairs, gold_pairs;
    double xl_p, xl_r;                  /* cross-language pairs only */
    double xl_pred_pairs, xl_gold_pairs;
} sl_scores;

/* Scores labels pred[0..n) against gold[0..n); lang[i] is a number per
 * language (articles of one language share it).  Labels are any longs; an
 * article left out of the prediction must have a label no other has.
 * A precision with nothing predicted (or a recall with nothing to find) is
 * 1.  All arrays are borrowed for the call. */
void sl_metrics_score(size_t n, const long *gold, const long *pred,
                      const long *lang, sl_scores *s);

#endif
