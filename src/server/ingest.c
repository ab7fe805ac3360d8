/*
 * ingest.c -- sl_ingest(): files into the store, in bulk, through the same
 * write path as PUT (tickets, group commit, the worker).
 *
 * The store keeps each article as received, so ingest reads raw bytes
 * itself (the library's reader hands out parsed articles only): a file is
 * one article, a .jsonl/.ndjson file one per line.  Folders are walked in
 * name order, hidden entries skipped, like the reader.  Each article is
 * read once here to learn its id and check it, then queued; up to
 * IN_FLIGHT tickets wait at once, so a big file streams through in
 * bounded memory while the store thread commits in large batches and the
 * worker analyses on the other core.
 * Tests: tests/cli/test_serve.sh (ingest, then serve).
 */
#include "server.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { IN_FLIGHT = 4096 };

typedef struct {
    sl_srv *s;
    sl_engine *e;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t in_flight, stored, replaced, failed, skipped;
    bool progress;
    int64_t t0, last_us;
} ingest;

static void acked(sl_srv_ticket *t, void *cls)
{
    ingest *g = cls;
    pthread_mutex_lock(&g->lock);
    g->in_flight--;
    if (t->status == 201)
        g->stored++;
    else if (t->status == 204)
        g->replaced++;
    else
        g->failed++;
    if (t->status >= 400)
        fprintf(stderr, "storyline ingest: %s: %s\n", t->id, t->err);
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->lock);
    sl_srv_ticket_free(t);
}

static void show_progress(ingest *g, bool last)
{
    int64_t now = sl_srv_now_us();
    if (!g->progress || (!last && now - g->last_us < 1000000))
        return;
    g->last_us = now;
    double secs = (double)(now - g->t0) / 1e6;
    fprintf(stderr, "\ringest: %zu stored, %lld indexed, %zu skipped (%.0f/s)   %s",
            g->stored + g->replaced, (long long)atomic_load(&g->s->m.indexed), g->skipped,
            secs > 0 ? (double)(g->stored + g->replaced) / secs : 0.0, last ? "\n" : "");
}

/* Queues one article (the bytes are copied). */
static void submit(ingest *g, const char *id, sl_format fmt, const char *data, size_t len)
{
    sl_srv_ticket *t = sl_srv_ticket_new(id, data ? data : "", len, fmt, NULL, 0);
    t->done = acked;
    t->cls = g;
    pthread_mutex_lock(&g->lock);
    while (g->in_flight >= IN_FLIGHT)
        pthread_cond_wait(&g->cond, &g->lock);
    g->in_flight++;
    pthread_mutex_unlock(&g->lock);
    sl_srv_submit(g->s, t);
    show_progress(g, false);
}

static void skip(ingest *g, const char *why)
{
    fprintf(stderr, "storyline ingest: %s\n", why);
    g->skipped++;
}

/* ---- one file ------------------------------------------------------------------------ */

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), m = strlen(ext);
    return n > m && strcasecmp(path + n - m, ext) == 0;
}

/* The id a file gives its article: its name without folder and extension. */
static char *id_of_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return sl_xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static void json_lines(ingest *g, const char *path, FILE *f)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n == 0)
            continue;
        char name[4200];
        snprintf(name, sizeof name, "%s:%zu", path, lineno);
        sl_article *a = NULL;
        if (sl_article_read(g->e, name, line, (size_t)n, SL_FORMAT_JSONL, &a) != SL_OK) {
            skip(g, sl_engine_error(g->e));
            continue;
        }
        submit(g, sl_article_id(a), SL_FORMAT_JSONL, line, (size_t)n);
        sl_article_free(a);
    }
    free(line);
}

static void one_file(ingest *g, const char *path, const struct stat *st)
{
    FILE *f = fopen(path, "rb");
    char why[4400];
    if (!f) {
        snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
        skip(g, why);
        return;
    }
    if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson")) {
        json_lines(g, path, f);
        fclose(f);
        return;
    }
    if (st->st_size > (off_t)SL_MAX_INPUT) {
        fclose(f);
        snprintf(why, sizeof why, "%s: too large (the limit is %u bytes)", path, SL_MAX_INPUT);
        skip(g, why);
        return;
    }
    char *data = sl_xcalloc(1, (size_t)st->st_size + 1);
    size_t len = fread(data, 1, (size_t)st->st_size, f);
    fclose(f);
    char *id = id_of_path(path);
    sl_format fmt = has_ext(path, ".html") || has_ext(path, ".htm") ? SL_FORMAT_HTML
                    : has_ext(path, ".txt")                         ? SL_FORMAT_TEXT
                                                    : sl_srv_format_of(NULL, data, len);
    char msg[600];
    sl_article *a = sl_srv_read(g->e, id, fmt, data, len, msg, sizeof msg);
    if (a)
        submit(g, id, fmt, data, len);
    else
        skip(g, msg);
    sl_article_free(a);
    free(id);
    free(data);
}

/* ---- walking ---------------------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(ingest *g, const char *path);

static void one_dir(ingest *g, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        char why[4400];
        snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
        skip(g, why);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue; /* hidden, . and .. */
        if (n == cap)
            names = sl_xrealloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
        names[n++] = sl_xstrdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        sl_buf p = {0};
        sl_buf_printf(&p, "%s/%s", path, names[i]);
        walk(g, p.s);
        free(p.s);
        free(names[i]);
    }
    free(names);
}

static void walk(ingest *g, const char *path)
{
    struct stat st;
    char why[4400];
    if (stat(path, &st) != 0) {
        snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
        skip(g, why);
    } else if (S_ISDIR(st.st_mode)) {
        one_dir(g, path);
    } else if (S_ISREG(st.st_mode)) {
        one_file(g, path, &st);
    } else {
        snprintf(why, sizeof why, "%s: not a regular file", path);
        skip(g, why);
    }
}

sl_status sl_ingest(const char *db, const char *const *paths, size_t n, int progress,
                    size_t *skipped)
{
    char err[1024];
    sl_srv_config cfg = {(char *)(db ? db : "storyline.db"), 0, 0, 0, true, 0};
    sl_srv *s = sl_srv_new(&cfg, err, sizeof err);
    *skipped = 0;
    if (!s) {
        fprintf(stderr, "storyline ingest: %s\n", err);
        return SL_EIO;
    }
    ingest g = {s, sl_engine_new(), PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                0, 0, 0, 0, 0, progress != 0, sl_srv_now_us(), 0};
    for (size_t i = 0; i < n; i++)
        walk(&g, paths[i]);
    while (!sl_srv_quiet(s)) { /* stored, indexed, packs and events saved */
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
        show_progress(&g, false);
    }
    show_progress(&g, true);
    sl_srv_free(s);
    sl_engine_free(g.e);
    pthread_mutex_destroy(&g.lock);
    pthread_cond_destroy(&g.cond);
    *skipped = g.skipped + g.failed;
    return g.failed ? SL_EIO : SL_OK;
}
