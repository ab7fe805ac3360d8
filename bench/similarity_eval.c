/*
 * similarity_eval.c -- how well `storyline similarity` tells the same event
 * from the same story and from unrelated news, per language pairing.
 *
 *   build/bench/similarity_eval --gold FILE.jsonl [--dump FEATURES.tsv]
 *       every pair of FILE's articles, labelled from its fields: 4 same
 *       `event`, 3 same `story` (another event), 1 unrelated
 *   build/bench/similarity_eval --pairs PAIRS.tsv --articles FILE.jsonl
 *       the pairs listed (id TAB id TAB 0|1, 1 = same event), as made by
 *       bench/tgnews_pairs.py from ../shared/data/tgnews-pairs
 *
 * Prints, for all pairs and separately for same-language and
 * cross-language ones: Spearman's rho between the score and the label,
 * ROC-AUC of the score for "same event", the AUC against same-story pairs
 * only (the hard half), and the accuracy of same_event (score >= 3.5
 * <=> p(same event) >= 0.5); then the time per similarity.  All articles
 * of the file are read first, so document frequencies come from the whole
 * file (unsupervised: labels are never read by the engine).
 *
 * --dump writes one line per pair with the model's inputs and the label,
 * for bench/fit_similarity.py.
 */
#include "corpus.h"

#include <math.h>
#include <time.h>

/* ---- statistics ------------------------------------------------------------- */

typedef struct {
    double score;
    int label; /* 4, 3 or 1 */
    bool cross;
} pair;

typedef struct {
    double v;
    size_t i;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    double x = ((const ranked *)a)->v, y = ((const ranked *)b)->v;
    return (x > y) - (x < y);
}

/* Ranks (ties averaged) of v[0..n) into r. */
static void ranks(const double *v, size_t n, double *r)
{
    ranked *t = malloc((n + 1) * sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i] = (ranked){v[i], i};
    qsort(t, n, sizeof *t, cmp_ranked);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && t[j].v == t[i].v; j++)
            ;
        for (size_t k = i; k < j; k++)
            r[t[k].i] = (double)(i + j + 1) / 2;
    }
    free(t);
}

static double spearman(const double *x, const double *y, size_t n)
{
    if (n < 3)
        return NAN;
    double *rx = malloc(n * sizeof *rx), *ry = malloc(n * sizeof *ry);
    ranks(x, n, rx);
    ranks(y, n, ry);
    double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++)
        mx += rx[i], my += ry[i];
    mx /= (double)n, my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    free(rx);
    free(ry);
    return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

/* ROC-AUC of 'score' for pos (label 4) against negatives with a label in
 * 'neg' (a bit set: 1 << label). */
static double auc(const pair *p, size_t n, int which, unsigned neg)
{
    double *v = calloc(n + 1, sizeof *v), *r = calloc(n + 1, sizeof *r);
    size_t m = 0, npos = 0, nneg = 0;
    int *lab = malloc((n + 1) * sizeof *lab);
    for (size_t i = 0; i < n; i++) {
        if (which >= 0 && p[i].cross != (which == 1))
            continue;
        if (p[i].label != 4 && !(neg & (1u << p[i].label)))
            continue;
        v[m] = p[i].score;
        lab[m++] = p[i].label;
    }
    ranks(v, m, r);
    double sum = 0;
    for (size_t i = 0; i < m; i++) {
        if (lab[i] == 4)
            sum += r[i], npos++;
        else
            nneg++;
    }
    free(v);
    free(r);
    free(lab);
    if (!npos || !nneg)
        return NAN;
    return (sum - (double)npos * ((double)npos + 1) / 2) / ((double)npos * (double)nneg);
}

static void report(const char *name, const pair *p, size_t n, int which)
{
    double *x = malloc((n + 1) * sizeof *x), *y = malloc((n + 1) * sizeof *y);
    size_t m = 0, pos = 0, right = 0;
    for (size_t i = 0; i < n; i++) {
        if (which >= 0 && p[i].cross != (which == 1))
            continue;
        x[m] = p[i].score;
        y[m++] = p[i].label;
        pos += p[i].label == 4;
        right += (p[i].score >= 3.5) == (p[i].label == 4);
    }
    printf("  %-15s %7zu pairs (%5zu same event)  Spearman %.3f  AUC same-event %.3f"
           "  vs same-story %.3f  accuracy %.3f\n",
           name, m, pos, spearman(x, y, m), auc(p, n, which, 1u << 1 | 1u << 3),
           auc(p, n, which, 1u << 3), m ? (double)right / (double)m : NAN);
    free(x);
    free(y);
}

static bool same(const char *a, const char *b) { return a && b && !strcmp(a, b); }

static double score_pair(const sl_profile *a, const sl_profile *b, FILE *dump, int label)
{
    sl_sim_parts x;
    sl_sim_parts_of(a, b, &x);
    if (dump)
        fprintf(dump, "%d\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%d\n", label, x.terms,
                x.ents, x.nums, x.day_gap, x.shared_day, x.cross_lang, a->lang, b->lang, x.told_gap,
                x.num_conflict, x.ent_conflict);
    return sl_sim_score(&x);
}

static long find_id(const corpus *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->p[i]->id, id))
            return (long)i;
    return -1;
}

int main(int argc, char **argv)
{
    const char *gold = NULL, *pairs = NULL, *arts = NULL, *dump_path = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--gold"))
            gold = argv[i + 1];
        else if (!strcmp(argv[i], "--pairs"))
            pairs = argv[i + 1];
        else if (!strcmp(argv[i], "--articles"))
            arts = argv[i + 1];
        else if (!strcmp(argv[i], "--dump"))
            dump_path = argv[i + 1];
    }
    if (!gold && !(pairs && arts)) {
        fputs("usage: similarity_eval --gold FILE.jsonl [--dump OUT.tsv]\n"
              "       similarity_eval --pairs PAIRS.tsv --articles FILE.jsonl\n", stderr);
        return 2;
    }
    corpus c = {0};
    if (corpus_load(gold ? gold : arts, &c) != 0)
        return 0;
    FILE *dump = dump_path ? fopen(dump_path, "w") : NULL;
    pair *p = NULL;
    size_t n = 0, cap = 0;
    clock_t t0 = clock();
    if (gold) {
        for (size_t i = 0; i < c.n; i++)
            for (size_t j = i + 1; j < c.n; j++) {
                if (n == cap)
                    p = realloc(p, (cap = cap ? 2 * cap : 4096) * sizeof *p);
                int label = same(c.event[i], c.event[j]) ? 4 : same(c.story[i], c.story[j]) ? 3 : 1;
                p[n++] = (pair){score_pair(c.p[i], c.p[j], dump, label), label,
                                strcmp(c.p[i]->lang, c.p[j]->lang) != 0};
            }
    } else {
        FILE *f = fopen(pairs, "r");
        char a[256], b[256];
        int lab;
        while (f && fscanf(f, "%255s\t%255s\t%d", a, b, &lab) == 3) {
            long i = find_id(&c, a), j = find_id(&c, b);
            if (i < 0 || j < 0)
                continue;
            if (n == cap)
                p = realloc(p, (cap = cap ? 2 * cap : 4096) * sizeof *p);
            int label = lab ? 4 : 1;
            p[n++] = (pair){score_pair(c.p[i], c.p[j], dump, label), label,
                            strcmp(c.p[i]->lang, c.p[j]->lang) != 0};
        }
        if (f)
            fclose(f);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("%s: %zu articles, %zu pairs\n", gold ? gold : pairs, c.n, n);
    report("all", p, n, -1);
    report("same-language", p, n, 0);
    report("cross-language", p, n, 1);
    printf("  time per similarity (profiles ready): %.2f us\n", n ? secs * 1e6 / (double)n : 0);
    if (dump)
        fclose(dump);
    free(p);
    corpus_free(&c);
    return 0;
}
