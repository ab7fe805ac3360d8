/*
 * bench/langid.c -- how well and how fast language id works.
 *
 *     build/bench/langid [--dev FILE] [--misses]
 *
 * 1. langid-testdata (../shared/data/langid-testdata, Lingua's test set):
 *    accuracy per language on sentences, word pairs and single words, the
 *    mean over all its languages, and the time per call.  A TEST SET: no
 *    model, threshold or weight was fitted on it.
 * 2. events-dev (../shared/data/events-dev/articles.jsonl): each article
 *    goes through the real pipeline (sl_article_read + sl_article_prepare)
 *    with its "lang" label removed first, so the label cannot act as a hint,
 *    and sl_article_lang() is compared with the label.  Also the time of one
 *    sl_langid_detect() call on an article-sized sample.
 * --dev FILE scores a "lang<TAB>text" file instead (the held-out split the
 *    model build writes, used to choose the tunables).  --misses lists the
 *    articles of events-dev that were missed.
 *
 * The data is read at run time (SL_SHARED, default ../shared); a missing
 * folder is reported as "skip ..." and the rest goes on.
 */
#include "text/text.h"

#include <cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAXL = 128, KINDS = 3 };

static const char *const kind_dir[KINDS] = {"sentences", "word-pairs", "single-words"};

/* CPU time of this thread: the machine is shared, and wall time would
 * count the other programs' turns too. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The whole file as a NUL-terminated string, or NULL.  Caller frees. */
static char *slurp(const char *path, size_t *len)
{
    sl_buf b = {0};
    if (sl_buf_read_file(&b, path, SIZE_MAX) && !b.len) {
        sl_buf_free(&b);
        return NULL; /* a short read shows as a short file */
    }
    *len = b.len;
    return sl_buf_take(&b);
}

/* ---- langid-testdata --------------------------------------------------- */

typedef struct {
    char code[8];
    double acc[KINDS];
    char worst[KINDS][8]; /* the most frequent wrong answer */
    int worst_n[KINDS];
} lang_row;

typedef struct {
    int n;
    char code[64][8];
} tally;

static void tally_add(tally *t, const char *code, int *counts)
{
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->code[i], code)) {
            counts[i]++;
            return;
        }
    if (t->n < 64) {
        snprintf(t->code[t->n], sizeof t->code[0], "%s", code);
        counts[t->n++] = 1;
    }
}

/* Scores one file of lines in language row->code; adds the calls and time. */
static void score_file(sl_langid *l, const char *path, lang_row *row, int k,
                       double *secs, long *calls)
{
    size_t len;
    char *s = slurp(path, &len);
    if (!s)
        return;
    int total = 0, good = 0, counts[64] = {0};
    tally wrong = {0};
    double t0 = now();
    for (char *line = s, *nl; *line; line = nl) {
        nl = strchr(line, '\n');
        nl = nl ? nl + 1 : line + strlen(line);
        size_t n = (size_t)(nl - line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (!n)
            continue;
        const char *got = sl_langid_detect(l, line, n, NULL, NULL);
        total++;
        if (!strcmp(got, row->code))
            good++;
        else
            tally_add(&wrong, got, counts);
    }
    *secs += now() - t0;
    *calls += total;
    free(s);
    row->acc[k] = total ? (double)good / total : 0;
    for (int i = 0; i < wrong.n; i++)
        if (counts[i] > row->worst_n[k]) {
            row->worst_n[k] = counts[i];
            memcpy(row->worst[k], wrong.code[i], sizeof row->worst[k]);
        }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The language codes of the test set: the file names of sentences/. */
static int list_langs(const char *root, lang_row *rows)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/sentences", root) >= (int)sizeof path)
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < MAXL;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && len < 12 && !strcmp(e->d_name + len - 4, ".txt")) {
            memset(&rows[n], 0, sizeof rows[n]);
            memcpy(rows[n].code, e->d_name, len - 4);
            n++;
        }
    }
    closedir(d);
    qsort(rows, (size_t)n, sizeof *rows, cmp_str);
    return n;
}

static void testdata(sl_langid *l, const char *shared)
{
    char root[4096], path[8192];
    snprintf(root, sizeof root, "%s/data/langid-testdata", shared);
    static lang_row rows[MAXL];
    int n = list_langs(root, rows);
    if (!n) {
        printf("skip langid-testdata: %s not found\n", root);
        return;
    }
    double secs[KINDS] = {0}, mean[KINDS] = {0};
    long calls[KINDS] = {0};
    for (int i = 0; i < n; i++)
        for (int k = 0; k < KINDS; k++) {
            if (snprintf(path, sizeof path, "%s/%s/%s.txt", root, kind_dir[k],
                         rows[i].code) >= (int)sizeof path)
                continue;
            score_file(l, path, &rows[i], k, &secs[k], &calls[k]);
            mean[k] += rows[i].acc[k] / n;
        }
    printf("langid-testdata (test set, %d languages): accuracy, most frequent wrong answer\n", n);
    printf("%-5s %-16s %-16s %-16s\n", "lang", "sentences", "word pairs", "single words");
    for (int i = 0; i < n; i++) {
        printf("%-5s", rows[i].code);
        for (int k = 0; k < KINDS; k++)
            printf(" %5.3f %-10s", rows[i].acc[k], rows[i].worst_n[k] ? rows[i].worst[k] : "");
        printf("\n");
    }
    printf("mean  %5.3f %-10s %5.3f %-10s %5.3f\n", mean[0], "", mean[1], "", mean[2]);
    for (int k = 0; k < KINDS; k++)
        printf("time per call, %-12s %6.2f us (%ld calls)\n", kind_dir[k],
               calls[k] ? secs[k] / calls[k] * 1e6 : 0, calls[k]);
}

/* ---- the dev split ------------------------------------------------------ */

static void dev_split(sl_langid *l, const char *file)
{
    size_t len;
    char *s = slurp(file, &len);
    if (!s) {
        printf("skip dev: %s not found\n", file);
        return;
    }
    static struct { char code[8]; int n, good; } r[MAXL];
    static const double band[] = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01};
    enum { NBAND = sizeof band / sizeof *band };
    int nr = 0, all = 0, good = 0, bn[NBAND] = {0}, bgood[NBAND] = {0};
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab = strchr(line, '\t');
        if (!tab || tab - line >= 8)
            continue;
        *tab = '\0';
        int i = 0;
        while (i < nr && strcmp(r[i].code, line))
            i++;
        if (i == nr && nr < MAXL)
            snprintf(r[nr++].code, 8, "%s", line);
        if (i == MAXL)
            continue;
        double conf;
        const char *got = sl_langid_detect(l, tab + 1, strlen(tab + 1), NULL, &conf);
        int ok = !strcmp(got, line), b = 0;
        while (b + 1 < NBAND && conf >= band[b])
            b++;
        r[i].n++, all++, bn[b]++;
        r[i].good += ok, good += ok, bgood[b] += ok;
    }
    free(s);
    double mean = 0;
    for (int i = 0; i < nr; i++) {
        printf("dev %-4s %5.3f (%d)\n", r[i].code, (double)r[i].good / r[i].n, r[i].n);
        mean += (double)r[i].good / r[i].n / nr;
    }
    for (int b = 0; b < NBAND; b++)
        if (bn[b])
            printf("dev confidence %s %.2f: %6d lines, accuracy %.3f\n", b ? ">=" : "< ",
                   band[b ? b - 1 : 0], bn[b], (double)bgood[b] / bn[b]);
    printf("dev: %d lines, %d languages, accuracy %.4f, mean per language %.4f\n",
           all, nr, all ? (double)good / all : 0, mean);
}

/* ---- events-dev -------------------------------------------------------- */

/* Reads one labelled line through the pipeline without its label; returns
 * the article (caller frees) and the label in 'want', or NULL. */
static sl_article *read_unlabelled(sl_engine *e, const char *line, char want[8])
{
    cJSON *o = cJSON_Parse(line);
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(o, "lang");
    if (!cJSON_IsString(lang)) {
        cJSON_Delete(o);
        return NULL;
    }
    snprintf(want, 8, "%s", lang->valuestring);
    cJSON_DeleteItemFromObjectCaseSensitive(o, "lang");
    char *json = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    sl_article *a = NULL;
    if (sl_article_read(e, "events-dev.jsonl", json, strlen(json), SL_FORMAT_JSONL, &a) != SL_OK)
        a = NULL;
    free(json);
    return a;
}

static void events_dev(const char *shared, bool misses)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/events-dev/articles.jsonl", shared);
    size_t len;
    char *s = slurp(path, &len);
    if (!s) {
        printf("skip events-dev: %s not found\n", path);
        return;
    }
    sl_engine *e = sl_engine_new();
    sl_buf sample = {0};
    int n = 0, good = 0, und = 0;
    double secs = 0;
    long bytes = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        char want[8];
        sl_article *a = read_unlabelled(e, line, want);
        if (!a)
            continue;
        sl_article_prepare(e, a);
        const char *got = sl_article_lang(a);
        n++;
        good += !strcmp(got, want);
        und += !strcmp(got, "und");
        if (misses && strcmp(got, want))
            printf("miss %s: want %s, got %s (%.2f): %.60s\n", sl_article_id(a), want,
                   got, sl_article_lang_confidence(a), a->npara ? a->para[0] : "");
        sl_buf_clear(&sample);
        sl_article_lang_sample(a, &sample); /* what sl_article_prepare gives language id */
        double best = 1e9; /* the fastest of 5 calls: the least disturbed */
        for (int r = 0; r < 5; r++) {
            double t0 = now();
            sl_langid_detect(sl_engine_langid(e), sample.s ? sample.s : "", sample.len, NULL, NULL);
            best = fmin(best, now() - t0);
        }
        secs += best;
        bytes += (long)sample.len;
        sl_article_free(a);
    }
    printf("events-dev (dev set): %d articles, accuracy %.4f (%d wrong, %d of them und)\n",
           n, n ? (double)good / n : 0, n - good, und);
    printf("time per article sample (%.0f bytes on average, fastest of 5): %.2f us\n",
           n ? (double)bytes / n : 0, n ? secs / n * 1e6 : 0);
    sl_buf_free(&sample);
    sl_engine_free(e);
    free(s);
}

int main(int argc, char **argv)
{
    const char *shared = getenv("SL_SHARED"), *dev = NULL;
    bool misses = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dev") && i + 1 < argc)
            dev = argv[++i];
        else if (!strcmp(argv[i], "--misses"))
            misses = true;
        else {
            fprintf(stderr, "usage: %s [--dev FILE] [--misses]\n", argv[0]);
            return 2;
        }
    }
    shared = shared ? shared : "../shared";
    sl_langid *l = sl_langid_new();
    if (dev) {
        dev_split(l, dev);
    } else {
        testdata(l, shared);
        events_dev(shared, misses);
    }
    sl_langid_free(l);
    return 0;
}
