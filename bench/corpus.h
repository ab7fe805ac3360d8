/*
 * corpus.h -- what the quality benchmarks share: a labelled JSON lines
 * file read through the engine into weighed profiles, the way the index
 * reads it (document frequencies from the whole file), with each line's
 * labels kept beside its profile.  Header-only; bench programs include it.
 */
#ifndef SL_BENCH_CORPUS_H
#define SL_BENCH_CORPUS_H

#include "../src/analyze/profile.h"
#include "../src/text/terms.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    sl_profile **p;
    char **event, **story;
    size_t n;
} corpus;

static char *corpus_label(const cJSON *o, const char *a, const char *b)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, a);
    if (!v && b)
        v = cJSON_GetObjectItemCaseSensitive(o, b);
    return cJSON_IsString(v) ? strdup(v->valuestring) : NULL;
}

/* Reads 'path'; 0, or -1 (after a "skip" line) if it is not there. */
static int corpus_load(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("skip %s: not found\n", path);
        return -1;
    }
    sl_engine *e = sl_engine_new();
    sl_df *df = sl_df_new();
    sl_df_pad(df, SL_DF_PRIOR); /* as the index does */
    size_t cap = 0;
    sl_draft *drafts = NULL;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        sl_article *a;
        if (sl_article_read(e, path, line, (size_t)len, SL_FORMAT_JSONL, &a) != SL_OK)
            continue;
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        sl_article_prepare(e, a);
        if (c->n == cap) {
            cap = cap ? 2 * cap : 512;
            c->p = realloc(c->p, cap * sizeof *c->p);
            c->event = realloc(c->event, cap * sizeof *c->event);
            c->story = realloc(c->story, cap * sizeof *c->story);
            drafts = realloc(drafts, cap * sizeof *drafts);
        }
        sl_profile_count(e, a, &drafts[c->n]);
        sl_profile_count_df(df, &drafts[c->n], +1);
        c->p[c->n] = sl_profile_new(a, &drafts[c->n]);
        c->event[c->n] = corpus_label(o, "event", "event_id");
        c->story[c->n] = corpus_label(o, "story", NULL);
        c->n++;
        cJSON_Delete(o);
        sl_article_free(a);
    }
    for (size_t i = 0; i < c->n; i++) {
        c->p[i] = sl_profile_weigh(c->p[i], &drafts[i], df, sl_engine_lexicon(e), NULL);
        sl_draft_free(&drafts[i]);
    }
    free(drafts);
    free(line);
    fclose(f);
    sl_df_free(df);
    sl_engine_free(e);
    return 0;
}

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        sl_profile_free(c->p[i]);
        free(c->event[i]);
        free(c->story[i]);
    }
    free(c->p);
    free(c->event);
    free(c->story);
}

/* The order the index clusters in: by date, an undated article at the day
 * it mentions most, else last; ties in file order.  Fills order[0..n). */
static inline int64_t corpus_when(const sl_profile *p)
{
    return p->day != SL_NO_DAY ? p->day : p->told_day != SL_NO_DAY ? p->told_day : INT64_MAX;
}

static const corpus *corpus_sorting;

static inline int corpus_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int64_t x = corpus_when(corpus_sorting->p[i]), y = corpus_when(corpus_sorting->p[j]);
    if (x != y)
        return x < y ? -1 : 1;
    return (i > j) - (i < j);
}

static inline void corpus_order(const corpus *c, size_t *order)
{
    for (size_t i = 0; i < c->n; i++)
        order[i] = i;
    corpus_sorting = c;
    qsort(order, c->n, sizeof *order, corpus_cmp);
}

#endif
