/*
 * fit_events.c -- the training examples of the join model (src/cluster/
 * join.c): what the online clusterer sees when it is right.
 *
 *   build/bench/fit_events --gold ../shared/data/events-dev/articles.jsonl \
 *       > /tmp/join.tsv && bench/fit_events.py /tmp/join.tsv
 *
 * Replays the file in the clusterer's order.  For each article: the
 * candidates the postings return, plus its true event if it already has
 * one; one line per (article, candidate) with label 1 for the true event
 * and the join features; then the article goes into its true event
 * (teacher forcing), so every example is drawn from correct events.  Run
 * it on the dev set only.
 */
#include "corpus.h"
#include "../src/cluster/cluster.h"

int main(int argc, char **argv)
{
    const char *gold = argc == 3 && !strcmp(argv[1], "--gold") ? argv[2] : NULL;
    if (!gold) {
        fputs("usage: fit_events --gold FILE.jsonl > EXAMPLES.tsv\n", stderr);
        return 2;
    }
    corpus c = {0};
    if (corpus_load(gold, &c) != 0)
        return 0;
    size_t *order = malloc((c.n + 1) * sizeof *order);
    corpus_order(&c, order);
    /* gold event label -> event id (1-based, in order of first appearance) */
    char **names = calloc(c.n + 1, sizeof *names);
    size_t nnames = 0;
    sl_events *ev = sl_events_new(NULL);
    for (size_t k = 0; k < c.n; k++) {
        size_t i = order[k];
        const char *g = c.event[i] ? c.event[i] : "";
        uint32_t id = 0;
        for (size_t j = 0; j < nnames && !id; j++)
            if (!strcmp(names[j], g))
                id = (uint32_t)j + 1;
        uint32_t cs[64];
        size_t nc = sl_events_candidates(ev, c.p[i], cs, 64);
        bool true_seen = false;
        for (size_t j = 0; j <= nc; j++) {
            uint32_t e;
            if (j < nc) {
                e = cs[j];
            } else if (id && !true_seen) { /* its event, missed by the search */
                e = UINT32_MAX;
                for (size_t x = 0; x < sl_events_count(ev); x++)
                    if (sl_events_at(ev, x)->id == id)
                        e = (uint32_t)x;
                if (e == UINT32_MAX)
                    break;
            } else {
                break;
            }
            const sl_event *E = sl_events_at(ev, e);
            double f[SL_JOIN_NFEAT];
            sl_join_features(E, c.p[i], f);
            int label = E->id == id;
            true_seen |= label;
            printf("%d\t%d", label, j == nc);
            for (int q = 1; q < SL_JOIN_NFEAT; q++)
                printf("\t%.5f", f[q]);
            putchar('\n');
        }
        if (!id) {
            names[nnames++] = strdup(g);
            id = (uint32_t)nnames;
        }
        sl_events_put(ev, c.p[i], id);
    }
    sl_events_free(ev);
    for (size_t j = 0; j < nnames; j++)
        free(names[j]);
    free(names);
    free(order);
    corpus_free(&c);
    return 0;
}
