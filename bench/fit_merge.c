/*
 * fit_merge.c -- the training examples of the merge model (src/cluster/
 * merge.c): pairs of events the online pass leaves apart.
 *
 *   build/bench/fit_merge --gold ../shared/data/events-dev/articles.jsonl \
 *       [--threshold P] > /tmp/merge.tsv && bench/fit_merge.py /tmp/merge.tsv
 *
 * Runs the online pass (sl_events_add, in the index's order, no merging),
 * then, for every event, the events the postings find for it; one line per
 * pair: label 1 when the most common true events of the two agree, then
 * the merge features.  Run it on the dev set only.
 */
#include "corpus.h"
#include "../src/cluster/cluster.h"

/* The most common true event among an event's members. */
static const char *majority(const sl_events *ev, const sl_event *e, const corpus *c,
                            const size_t *prof_of)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (uint32_t i = 0; i < e->n; i++) {
        const char *g = c->event[prof_of[e->member[i]]];
        size_t n = 0;
        for (uint32_t j = 0; j < e->n; j++) {
            const char *h = c->event[prof_of[e->member[j]]];
            n += g && h && !strcmp(g, h);
        }
        if (n > best_n)
            best_n = n, best = g;
    }
    (void)ev;
    return best;
}

int main(int argc, char **argv)
{
    const char *gold = NULL;
    sl_events_opts opt = {0};
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--gold"))
            gold = argv[i + 1];
        else if (!strcmp(argv[i], "--threshold"))
            opt.threshold = atof(argv[i + 1]);
    }
    if (!gold) {
        fputs("usage: fit_merge --gold FILE.jsonl [--threshold P] > EXAMPLES.tsv\n", stderr);
        return 2;
    }
    corpus c = {0};
    if (corpus_load(gold, &c) != 0)
        return 0;
    size_t *order = malloc((c.n + 1) * sizeof *order);
    corpus_order(&c, order);
    sl_events *ev = sl_events_new(&opt);
    for (size_t k = 0; k < c.n; k++)
        sl_events_add(ev, c.p[order[k]]);
    for (uint32_t a = 0; a < sl_events_count(ev); a++) {
        const sl_event *A = sl_events_at(ev, a);
        if (!A->alive)
            continue;
        uint32_t nb[64];
        size_t n = sl_events_neighbours(ev, a, nb, 24);
        for (size_t k = 0; k < n; k++) {
            if (nb[k] < a)
                continue;
            const sl_event *B = sl_events_at(ev, nb[k]);
            const char *ga = majority(ev, A, &c, order), *gb = majority(ev, B, &c, order);
            double f[SL_MERGE_NFEAT];
            sl_merge_features(A, B, f);
            printf("%d", ga && gb && !strcmp(ga, gb));
            for (int q = 1; q < SL_MERGE_NFEAT; q++)
                printf("\t%.5f", f[q]);
            putchar('\n');
        }
    }
    sl_events_free(ev);
    free(order);
    corpus_free(&c);
    return 0;
}
