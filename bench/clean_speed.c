/*
 * clean_speed.c -- how fast the clean stage is, alone.
 *
 *   build/bench/clean_speed [FILE.jsonl] [ROUNDS]
 *
 * Reads the articles of FILE (default: events-dev under ../shared/data, read
 * at run time) once, then cleans fresh copies of them ROUNDS times (default
 * 50) and prints articles and megabytes per second of cleaning alone (the
 * copying is not timed): the median of 5 runs.  The machine is shared, so
 * only the order of magnitude means much.
 */
#include "clean/clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *title;
    char **para;
    size_t npara;
} source;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads every line of path as an article; returns how many, and the bytes
 * of their paragraphs in *bytes. */
static size_t load(const char *path, source **out, size_t *bytes)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    sl_engine *e = sl_engine_new();
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    *bytes = 0;
    while ((len = getline(&line, &lcap, f)) > 0) {
        sl_article *a;
        if (sl_article_read(e, "x.jsonl", line, (size_t)len, SL_FORMAT_JSONL, &a) != SL_OK)
            continue;
        sl_grow((void **)out, &cap, n + 1, sizeof **out);
        source *s = &(*out)[n++];
        s->title = sl_xstrdup(a->title);
        s->npara = a->npara;
        s->para = sl_xmalloc((a->npara + 1) * sizeof *s->para);
        for (size_t i = 0; i < a->npara; i++) {
            s->para[i] = sl_xstrdup(a->para[i]);
            *bytes += strlen(a->para[i]);
        }
        sl_article_free(a);
    }
    free(line);
    fclose(f);
    sl_engine_free(e);
    return n;
}

static int cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* Seconds spent in sl_clean_article() over 'rounds' copies of src. */
static double run(sl_clean *c, const source *src, size_t n, int rounds)
{
    double spent = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            sl_article *a = sl_article_new();
            if (src[i].title)
                a->title = sl_xstrdup(src[i].title);
            for (size_t k = 0; k < src[i].npara; k++)
                sl_article_add_para(a, src[i].para[k], strlen(src[i].para[k]));
            double t0 = now();
            sl_clean_article(c, a);
            spent += now() - t0;
            sl_article_free(a);
        }
    return spent;
}

int main(int argc, char **argv)
{
    const char *root = getenv("SL_SHARED");
    char def[4096];
    snprintf(def, sizeof def, "%s/data/events-dev/articles.jsonl", root ? root : "../shared");
    const char *path = argc > 1 ? argv[1] : def;
    int rounds = argc > 2 ? atoi(argv[2]) : 50;
    source *src = NULL;
    size_t bytes, n = load(path, &src, &bytes);
    if (!n) {
        printf("skip: no articles in %s\n", path);
        return 0;
    }
    sl_clean *c = sl_clean_new();
    double t[5];
    for (int k = 0; k < 5; k++)
        t[k] = run(c, src, n, rounds);
    qsort(t, 5, sizeof *t, cmp);
    double arts = (double)n * rounds / t[2], mb = (double)bytes * rounds / t[2] / 1e6;
    printf("clean: %.0f articles/s, %.1f MB/s (median of 5 runs, %zu articles x %d rounds, %.1f KB each)\n",
           arts, mb, n, rounds, (double)bytes / (double)n / 1024.0);
    sl_clean_free(c);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < src[i].npara; k++)
            free(src[i].para[k]);
        free(src[i].para);
        free(src[i].title);
    }
    free(src);
    return 0;
}
