/*
 * metrics.c -- how close a predicted grouping is to a gold one.
 *
 * Both groupings are labels over the same n articles (gold[i], pred[i]);
 * an article the prediction does not mention gets a label of its own.
 * Three views, the ones the literature on event clustering reports:
 *
 *   BCubed     per article: of the articles in its predicted cluster, the
 *              share that are in its gold cluster (precision), and the other
 *              way round (recall); averaged over articles, F1 of the means.
 *   pairwise   over all pairs of articles put together: precision, recall
 *              and F1 against the pairs the gold puts together.
 *   cross-language pairs
 *              the same, counting only pairs whose two articles are in
 *              different (gold) languages: does grouping cross languages?
 *
 * Everything is counted from the contingency of (pred, gold, lang) labels
 * after one sort, so the cost is O(n log n) whatever the cluster sizes:
 * a cluster of k articles holds k(k-1)/2 pairs, and its cross-language
 * pairs are those minus the pairs within each language.
 *
 * Tests: tests/cli/test_eval.sh.
 */
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    long a, b, c; /* the key: up to three labels, -1 when unused */
} key3;

static int key3_cmp(const void *x, const void *y)
{
    const key3 *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    if (p->c != q->c)
        return p->c < q->c ? -1 : 1;
    return 0;
}

static double pairs(double k) { return k * (k - 1) / 2; }

/* Sorts k[0..n) and returns the sum of pairs(run length) over runs of
 * equal keys. */
static double run_pairs(key3 *k, size_t n)
{
    qsort(k, n, sizeof *k, key3_cmp);
    double sum = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && key3_cmp(&k[i], &k[j]) == 0; j++)
            ;
        sum += pairs((double)(j - i));
    }
    return sum;
}

/* Pairs together under labels x (and y when not NULL), and those of them
 * within one language. */
static void count_pairs(size_t n, const long *x, const long *y, const long *lang,
                        key3 *tmp, double *all, double *same_lang)
{
    for (size_t i = 0; i < n; i++)
        tmp[i] = (key3){x[i], y ? y[i] : -1, -1};
    *all = run_pairs(tmp, n);
    for (size_t i = 0; i < n; i++)
        tmp[i] = (key3){x[i], y ? y[i] : -1, lang[i]};
    *same_lang = run_pairs(tmp, n);
}

/* Sizes of each article's cluster under labels x (and y), in size[]. */
static void cluster_sizes(size_t n, const long *x, const long *y, key3 *tmp,
                          double *size)
{
    for (size_t i = 0; i < n; i++)
        tmp[i] = (key3){x[i], y ? y[i] : -1, (long)i};
    qsort(tmp, n, sizeof *tmp, key3_cmp);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && tmp[j].a == tmp[i].a && tmp[j].b == tmp[i].b; j++)
            ;
        for (size_t k = i; k < j; k++)
            size[tmp[k].c] = (double)(j - i);
    }
}

static double ratio(double a, double b, double if_empty)
{
    return b > 0 ? a / b : if_empty;
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void sl_metrics_score(size_t n, const long *gold, const long *pred,
                      const long *lang, sl_scores *s)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    if (n == 0)
        return;
    key3 *tmp = malloc(n * sizeof *tmp);
    double *sp = malloc(n * sizeof *sp), *sg = malloc(n * sizeof *sg),
           *sb = malloc(n * sizeof *sb);
    if (!tmp || !sp || !sg || !sb)
        abort();
    cluster_sizes(n, pred, NULL, tmp, sp);
    cluster_sizes(n, gold, NULL, tmp, sg);
    cluster_sizes(n, pred, gold, tmp, sb);
    for (size_t i = 0; i < n; i++) {
        s->bcubed_p += sb[i] / sp[i];
        s->bcubed_r += sb[i] / sg[i];
    }
    s->bcubed_p /= (double)n;
    s->bcubed_r /= (double)n;
    s->bcubed_f = f1(s->bcubed_p, s->bcubed_r);

    double pp, pp_same, gp, gp_same, tp, tp_same;
    count_pairs(n, pred, NULL, lang, tmp, &pp, &pp_same);
    count_pairs(n, gold, NULL, lang, tmp, &gp, &gp_same);
    count_pairs(n, pred, gold, lang, tmp, &tp, &tp_same);
    s->pred_pairs = pp;
    s->gold_pairs = gp;
    s->pair_p = ratio(tp, pp, 1);
    s->pair_r = ratio(tp, gp, 1);
    s->pair_f = f1(s->pair_p, s->pair_r);
    s->xl_pred_pairs = pp - pp_same;
    s->xl_gold_pairs = gp - gp_same;
    s->xl_p = ratio(tp - tp_same, pp - pp_same, 1);
    s->xl_r = ratio(tp - tp_same, gp - gp_same, 1);
    free(tmp);
    free(sp);
    free(sg);
    free(sb);
}
