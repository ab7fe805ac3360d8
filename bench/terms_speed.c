/*
 * terms_speed.c -- how fast the term layer is, and how much of each
 * language the lexicon translates.
 *
 *     build/bench/terms_speed [MB]        (default 50)
 *
 * Reads ../shared/data/events-dev/articles.jsonl at run time (SL_SHARED),
 * groups the texts by writing system, replicates each group in memory to
 * about MB megabytes (a tenth of it for the small groups) and prints, per
 * group, MB/s and tokens/s of tokenize alone and of tokenize + term (the
 * cache warm, as in a stream), beside `wc -w` on the same bytes; then the
 * cost of a first pass (every word new to the cache), lookup speed, the
 * lexicon's size and entries per term space, and coverage: the share of
 * non-stop word tokens of each language's articles that get at least one
 * English translation (all of them, and those not capitalised, i.e. mostly
 * not names).  Medians of 5 runs of CPU time (this process's, and wc's
 * as a child), one core.
 */
#include "text/terms.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct {
    char lang[8];
    char *text;
    size_t len;
} doc;

static const char *const families[][2] = {
    {"latin", "en de fr es it pt nl tr pl ro da tl"},
    {"cyrillic", "ru uk bg"},
    {"arabic", "ar fa"},
    {"greek", "el"},
    {"devanagari", "hi"},
    {"cjk", "zh ja"},
    {"all", NULL},
};

/* CPU seconds of this process: the machine is shared, so wall-clock time
 * would count other people's work. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds of finished children (wc). */
static double children(void)
{
    struct rusage r;
    getrusage(RUSAGE_CHILDREN, &r);
    return (double)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
           (double)(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[n / 2];
}

static size_t read_docs(const char *path, doc **out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = 0, cap = 0, lcap = 0;
    char *line = NULL;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        cJSON *j = cJSON_ParseWithLength(line, (size_t)got);
        const cJSON *t = cJSON_GetObjectItem(j, "text");
        const cJSON *l = cJSON_GetObjectItem(j, "lang");
        if (cJSON_IsString(t) && cJSON_IsString(l)) {
            sl_grow((void **)out, &cap, n + 1, sizeof **out);
            doc *d = &(*out)[n++];
            snprintf(d->lang, sizeof d->lang, "%s", l->valuestring);
            d->text = sl_xstrdup(t->valuestring);
            d->len = strlen(d->text);
        }
        cJSON_Delete(j);
    }
    free(line);
    fclose(f);
    return n;
}

static bool in_family(const char *fam, const char *lang)
{
    if (!fam)
        return true;
    size_t n = strlen(lang);
    for (const char *p = fam; (p = strstr(p, lang)) != NULL; p += n)
        if ((p == fam || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

/* The documents of a family, repeated to at least 'bytes'. */
static size_t pick(const doc *all, size_t n, const char *fam, size_t bytes,
                   const doc ***out)
{
    size_t k = 0, cap = 0, have = 0, one = 0;
    for (size_t i = 0; i < n; i++)
        one += in_family(fam, all[i].lang) ? all[i].len : 0;
    if (!one)
        return 0;
    while (have < bytes)
        for (size_t i = 0; i < n; i++)
            if (in_family(fam, all[i].lang)) {
                sl_grow((void **)out, &cap, k + 1, sizeof **out);
                (*out)[k++] = &all[i];
                have += all[i].len;
            }
    return k;
}

/* Seconds wc -w takes on the bytes (written to a temporary file). */
static double wc_seconds(const doc *const *d, size_t n)
{
    char path[] = "/tmp/terms_speed_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return 0;
    for (size_t i = 0; i < n; i++)
        fwrite(d[i]->text, 1, d[i]->len, f);
    fclose(f);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "wc -w < %s > /dev/null", path);
    double r[5];
    for (int k = 0; k < 5; k++) {
        double t0 = children();
        if (system(cmd) != 0)
            r[k] = 0;
        r[k] = children() - t0;
    }
    remove(path);
    return median(r, 5);
}

static void family(sl_terms *t, const doc *all, size_t n, const char *name,
                   const char *fam, size_t bytes)
{
    const doc **d = NULL;
    size_t k = pick(all, n, fam, bytes, &d);
    if (!k) {
        free(d);
        return;
    }
    size_t total = 0, toks = 0, terms = 0;
    for (size_t i = 0; i < k; i++)
        total += d[i]->len;
    sl_tokens tv = {0};
    sl_termv v = {0};
    double rt[5], rr[5];
    for (int run = 0; run < 5; run++) {
        double t0 = now();
        toks = 0;
        for (size_t i = 0; i < k; i++) {
            sl_tokenize(sl_lang_get(d[i]->lang), d[i]->text, d[i]->len, &tv);
            toks += tv.n;
        }
        rt[run] = now() - t0;
        t0 = now();
        terms = 0;
        for (size_t i = 0; i < k; i++)
            terms += sl_terms_text(t, d[i]->lang, d[i]->text, d[i]->len, &v);
        rr[run] = now() - t0;
    }
    double tt = median(rt, 5), tr = median(rr, 5), wc = wc_seconds(d, k);
    double mb = (double)total / 1e6;
    printf("%-10s %6.1f MB  tokenize %6.0f MB/s %5.1f Mtok/s   tokenize+term "
           "%6.0f MB/s %5.1f Mtok/s  %4.1f terms/tok   wc -w %6.0f MB/s  "
           "(term %.2fx wc -w; %4.1f us per 3 KB)\n",
           name, mb, mb / tt, (double)toks / tt / 1e6, mb / tr,
           (double)toks / tr / 1e6, (double)terms / (double)toks,
           wc > 0 ? mb / wc : 0, wc > 0 ? wc / tr : 0, 3000.0 / (mb / tr));
    sl_tokens_free(&tv);
    sl_termv_free(&v);
    free(d);
}

/* A fresh context over the texts once: every word is new to the cache. */
static void cold(const doc *all, size_t n)
{
    double r[5];
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += all[i].len;
    sl_termv v = {0};
    for (int run = 0; run < 5; run++) {
        sl_terms *t = sl_terms_new();
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            sl_terms_text(t, all[i].lang, all[i].text, all[i].len, &v);
        r[run] = now() - t0;
        sl_terms_free(t);
    }
    double s = median(r, 5);
    printf("first pass (cold cache): %.2f MB in %.1f ms = %.0f MB/s; %.1f us "
           "per article (%zu articles, %.1f KB each)\n", (double)bytes / 1e6,
           s * 1e3, (double)bytes / 1e6 / s, s * 1e6 / (double)n, n,
           (double)bytes / (double)n / 1e3);
    sl_termv_free(&v);
}

static void lexicon_figures(const sl_lexicon *x)
{
    printf("\nlexicon: %zu entries, %.1f MB embedded\n", sl_lexicon_entries(x),
           (double)sl_lexicon_bytes(x) / 1e6);
    static const char *const spaces[] = {
        "de", "nl", "fr", "es", "it", "pt", "ru", "ar", "tr", "el", "pl",
        "ja", "sv", "da", "no", "fi", "hu", "cs", "sk", "hbs", "sl", "bg",
        "hi", "id", "ro", "uk", "zh", "fa", "eo", "la", "ga", "cy", "is",
        "lt", "af", "ku", "sw"};
    printf("entries per term space:");
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        printf("%s %s %zu", i % 10 ? "," : "\n ", spaces[i],
               sl_lexicon_entries_of(x, spaces[i]));
    printf("\n");
}

/* Share of non-stop word tokens with a translation, per language. */
static void coverage(sl_terms *t, const sl_lexicon *x, const doc *all, size_t n)
{
    char langs[64][8];
    size_t nl = 0, tok[64] = {0}, hit[64] = {0}, ltok[64] = {0}, lhit[64] = {0};
    sl_termv v = {0};
    sl_translation tr[SL_LEXICON_K];
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(all[i].lang, "en"))
            continue;
        size_t l = 0;
        while (l < nl && strcmp(langs[l], all[i].lang))
            l++;
        if (l == nl && nl < 64)
            strcpy(langs[nl++], all[i].lang);
        if (l == 64)
            continue;
        sl_terms_text(t, all[i].lang, all[i].text, all[i].len, &v);
        for (size_t j = 0; j < v.n; j++) {
            if (v.v[j].kind == SL_TOK_NUMBER)
                continue;
            bool h = sl_lexicon_find(x, v.v[j].hash, tr, SL_LEXICON_K) > 0;
            tok[l]++, hit[l] += h;
            if (!(v.v[j].flags & SL_TOKF_UPPER))
                ltok[l]++, lhit[l] += h;
        }
    }
    printf("\ncoverage (events-dev, non-stop word tokens with >= 1 English "
           "translation; lower-case tokens only in brackets):\n");
    for (size_t l = 0; l < nl; l++)
        printf("  %-3s %6zu tokens  %5.1f%%  (%5.1f%% of %zu)\n", langs[l],
               tok[l], tok[l] ? 100.0 * (double)hit[l] / (double)tok[l] : 0,
               ltok[l] ? 100.0 * (double)lhit[l] / (double)ltok[l] : 0, ltok[l]);
    sl_termv_free(&v);
}

/* Nanoseconds per lookup, over the terms of the texts. */
static void lookup_speed(sl_terms *t, const sl_lexicon *x, const doc *all, size_t n)
{
    uint64_t *h = NULL;
    size_t nh = 0, cap = 0, found = 0;
    sl_termv v = {0};
    for (size_t i = 0; i < n; i++) {
        sl_terms_text(t, all[i].lang, all[i].text, all[i].len, &v);
        sl_grow((void **)&h, &cap, nh + v.n, sizeof *h);
        for (size_t j = 0; j < v.n; j++)
            h[nh++] = v.v[j].hash;
    }
    sl_translation tr[4];
    double r[5];
    for (int run = 0; run < 5; run++) {
        double t0 = now();
        found = 0;
        for (int rep = 0; rep < 10; rep++)
            for (size_t j = 0; j < nh; j++)
                found += sl_lexicon_find(x, h[j], tr, 4) > 0;
        r[run] = now() - t0;
    }
    printf("lookup: %.0f ns per term (%zu terms x 10, %.0f%% found)\n",
           median(r, 5) * 1e9 / (double)(10 * nh), nh,
           100.0 * (double)found / (double)(10 * nh));
    sl_termv_free(&v);
    free(h);
}

int main(int argc, char **argv)
{
    const char *root = getenv("SL_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/data/events-dev/articles.jsonl",
             root ? root : "../shared");
    doc *all = NULL;
    size_t n = read_docs(path, &all);
    if (!n) {
        printf("skip terms_speed: %s not found\n", path);
        return 0;
    }
    size_t mb = argc > 1 ? (size_t)atol(argv[1]) : 50;
    sl_terms *t = sl_terms_new();
    printf("terms_speed: %zu events-dev articles, replicated in memory; "
           "medians of 5 runs, one core\n", n);
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
        bool big = f == 0 || !families[f][1];
        family(t, all, n, families[f][0], families[f][1],
               (big ? mb : mb / 10 + 1) * 1000000);
    }
    cold(all, n);
    char err[256];
    sl_lexicon *x = sl_lexicon_embedded(err, sizeof err);
    if (!x) {
        printf("FAIL lexicon: %s\n", err);
        return 1;
    }
    lookup_speed(t, x, all, n);
    lexicon_figures(x);
    coverage(t, x, all, n);
    sl_lexicon_free(x);
    sl_terms_free(t);
    for (size_t i = 0; i < n; i++)
        free(all[i].text);
    free(all);
    return 0;
}
