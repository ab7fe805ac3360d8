/*
 * stage_speed.c -- where the time of `storyline events` goes, stage by
 * stage, in CPU time on one core.
 *
 *   build/bench/stage_speed FILE.jsonl [BATCH]
 *
 * Reads FILE (JSON lines; e.g. a stream from bench/make_stream.py) in
 * batches of BATCH articles (default 1000) and runs each stage over a whole
 * batch before the next stage, timing each:
 *
 *   read      JSON line -> article (sl_article_read)
 *   clean     boilerplate, credits, repeats (sl_clean_article)
 *   langid    language id on the sample sl_article_prepare() uses
 *   dates     tokens, and the dates mentioned (sl_dates_extract)
 *   entities  names, on the dates' tokens (sl_entities_after_dates)
 *   json      the `inspect` line (sl_article_json)
 *   copies    the copy index alone (sl_dedup_add into an index of its own)
 *   count     a profile's raw counts (sl_profile_count, sl_profile_new)
 *   index     sl_index_add of the prepared article: copies, counts and
 *             weighing again, so weighing is about index - copies - count
 *   cluster   sl_index_update (events, merge pass), once at the end
 *   describe  sl_index_events_json, once at the end
 *
 * The stages run in the order sl_article_prepare() runs them, on the same
 * engine, so every stage sees what it sees in `storyline events`.  Prints
 * microseconds per article and articles/s for each.  Nothing here is a
 * test; the figures move with the machine.
 */
#include "../src/analyze/analyze_internal.h"
#include "../src/clean/clean.h"
#include "../src/core/core.h"
#include "../src/dedup/dedup.h"
#include "../src/analyze/profile.h"
#include "../src/text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { READ, CLEAN, LANGID, DATES, ENTITIES, JSON, COPIES, COUNT, INDEX, CLUSTER,
       DESCRIBE, NSTAGES };

static const char *const NAMES[NSTAGES] = {"read", "clean", "langid", "dates", "entities",
                                           "json", "copies", "count", "index", "cluster",
                                           "describe"};

static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct {
    sl_engine *e;
    sl_dedup *copies; /* the copy index timed alone */
    sl_index *x;
    double t[NSTAGES];
    size_t n, bytes;
} run;

/* Runs stage s over a[0..n) and adds its time. */
static void stage(run *r, int s, sl_article **a, size_t n)
{
    double t0 = cpu();
    for (size_t i = 0; i < n; i++) {
        switch (s) {
        case CLEAN:
            sl_clean_article(sl_engine_clean(r->e), a[i]);
            break;
        case LANGID: {
            sl_buf b = {0};
            sl_article_lang_sample(a[i], &b);
            const char *l = sl_langid_detect(sl_engine_langid(r->e), b.s ? b.s : "", b.len,
                                             a[i]->lang_hint[0] ? a[i]->lang_hint : NULL,
                                             &a[i]->lang_conf);
            snprintf(a[i]->lang, sizeof a[i]->lang, "%s", l);
            sl_buf_free(&b);
            break;
        }
        case DATES: { /* and ENTITIES: names use the dates' tokens */
            sl_dates_extract(sl_engine_dates(r->e), a[i]);
            double t2 = cpu();
            sl_entities_after_dates(sl_engine_dates(r->e), sl_engine_norm(r->e), a[i]);
            a[i]->prepared = true;
            r->t[ENTITIES] += cpu() - t2;
            t0 += cpu() - t2; /* not the dates' time */
            break;
        }
        case JSON:
            free(sl_article_json(a[i]));
            break;
        case COPIES:
            sl_dedup_add(r->copies, a[i], NULL);
            break;
        case COUNT: {
            sl_draft d;
            sl_profile_count(r->e, a[i], &d);
            sl_profile_free(sl_profile_new(a[i], &d));
            sl_draft_free(&d);
            break;
        }
        case INDEX:
            sl_index_add(r->x, a[i]); /* takes a[i] */
            break;
        }
    }
    r->t[s] += cpu() - t0;
}

/* Reads lines[0..n) and runs every per-article stage over them. */
static void batch(run *r, char **lines, size_t *lens, size_t n, const char *path)
{
    sl_article **a = sl_xmalloc((n ? n : 1) * sizeof *a);
    size_t m = 0;
    double t0 = cpu();
    for (size_t i = 0; i < n; i++)
        if (sl_article_read(r->e, path, lines[i], lens[i], SL_FORMAT_JSONL, &a[m]) == SL_OK)
            m++;
    r->t[READ] += cpu() - t0;
    for (int s = CLEAN; s <= INDEX; s++)
        if (s != ENTITIES) /* run with DATES */
            stage(r, s, a, m);
    r->n += m;
    free(a);
}

static void report(const run *r)
{
    double total = 0;
    printf("%zu articles, %.1f MB, CPU time per stage (one core):\n", r->n, r->bytes / 1e6);
    for (int s = 0; s < NSTAGES; s++) {
        double us = r->t[s] / (double)(r->n ? r->n : 1) * 1e6;
        printf("  %-9s %8.1f us/article %10.0f articles/s\n", NAMES[s], us,
               r->t[s] > 0 ? r->n / r->t[s] : 0.0);
        if (s != JSON && s != COPIES && s != COUNT)
            total += r->t[s];
    }
    printf("  %-9s %8.1f us/article %10.0f articles/s  (events: all but json, copies, count)\n",
           "total", total / (double)(r->n ? r->n : 1) * 1e6, total > 0 ? r->n / total : 0.0);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: stage_speed FILE.jsonl [BATCH]\n", stderr);
        return 2;
    }
    size_t per = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        printf("skip: %s not found\n", argv[1]);
        return 0;
    }
    run r = {0};
    r.e = sl_engine_new();
    r.copies = sl_dedup_new(r.e);
    r.x = sl_index_new(r.e, NULL);
    char **lines = sl_xcalloc(per ? per : 1, sizeof *lines);
    size_t *lens = sl_xcalloc(per ? per : 1, sizeof *lens), *caps = sl_xcalloc(per ? per : 1, sizeof *caps);
    size_t n = 0;
    ssize_t len;
    while ((len = getline(&lines[n], &caps[n], f)) > 0) {
        lens[n++] = (size_t)len;
        r.bytes += (size_t)len;
        if (n == per || per == 0) {
            batch(&r, lines, lens, n, argv[1]);
            n = 0;
        }
    }
    batch(&r, lines, lens, n, argv[1]);
    double t0 = cpu();
    sl_index_update(r.x);
    r.t[CLUSTER] = cpu() - t0;
    t0 = cpu();
    free(sl_index_events_json(r.x, NULL));
    r.t[DESCRIBE] = cpu() - t0;
    report(&r);
    for (size_t i = 0; i < (per ? per : 1); i++)
        free(lines[i]);
    free(lines);
    free(lens);
    free(caps);
    fclose(f);
    sl_index_free(r.x);
    sl_dedup_free(r.copies);
    sl_engine_free(r.e);
    return 0;
}
