/*
 * dates_eval.c -- how well the dates and names an article mentions match
 * the real data in ../shared/data/events-dev (392 articles, 20 languages,
 * each labelled with its event; events.tsv gives the day each event began).
 *
 *   build/bench/dates_eval [--dump-dates N] [--dump-entities N] [--seed S]
 *
 * Prints, for the articles with a publication date of day precision:
 *   - how often the most-mentioned day (ties: the earliest) is within one
 *     day of the event's gold start date, how often the earliest mentioned
 *     day is, and how often any mentioned day is -- beside the baseline of
 *     the publication date itself;
 *   - the same for every article, where only absolute dates can count;
 *   - mentions and entities per language (of the gold label), and the time
 *     the two extractors take per article.
 * --dump-dates / --dump-entities print a fixed-seed random sample of
 * mentions or entities, for reading them by hand (precision spot checks).
 *
 * events-dev is the development set named for this work: nothing here is
 * tuned per article id.  Reads the data at run time; prints "skip" without
 * it.
 */
#include "analyze/analyze.h"
#include "core/core.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_LANGS 40

typedef struct {
    char lang[8];
    int articles, mentions, relative, entities;
} lang_row;

typedef struct {
    int n, has_day, most, earliest, any, baseline;
} score;

/* The gold start day of each event. */
typedef struct {
    char event[64][16];
    long day[64];
    int n;
} gold_table;

static const char *shared_dir(void)
{
    const char *s = getenv("SL_SHARED");
    return s ? s : "../shared";
}

static bool read_events(const char *path, gold_table *g)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[4096];
    while (fgets(line, sizeof line, f) && g->n < 64) {
        char ev[16];
        int y, m, d;
        /* event \t story \t description \t date \t confusable */
        char *tab = line;
        int field = 0;
        char *date = NULL;
        for (char *p = line; *p; p++)
            if (*p == '\t' && ++field == 3)
                date = p + 1;
        if (sscanf(tab, "%15[^\t]", ev) != 1 || !date || sscanf(date, "%d-%d-%d", &y, &m, &d) != 3)
            continue;
        memcpy(g->event[g->n], ev, sizeof ev);
        g->day[g->n++] = sl_date_to_days(y, m, d);
    }
    fclose(f);
    return g->n > 0;
}

static long gold_for(const gold_table *g, const char *ev)
{
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->event[i], ev))
            return g->day[i];
    return -1;
}

static lang_row *row_for(lang_row *rows, int *nrows, const char *lang)
{
    for (int i = 0; i < *nrows; i++)
        if (!strcmp(rows[i].lang, lang))
            return &rows[i];
    if (*nrows == MAX_LANGS)
        return &rows[MAX_LANGS - 1];
    lang_row *r = &rows[(*nrows)++];
    memset(r, 0, sizeof *r);
    snprintf(r->lang, sizeof r->lang, "%s", lang);
    return r;
}

/* Scores one article's day mentions against the gold day. */
static void score_article(const sl_article *a, long gold, bool absolute_only, score *s)
{
    long days[256];
    int counts[256], n = 0;
    long earliest = 0;
    bool any = false, have = false;
    for (size_t i = 0; i < a->ndates; i++) {
        const sl_mention *m = &a->dates[i];
        if (m->date.precision != SL_DATE_DAY || (absolute_only && m->relative))
            continue;
        long d = m->from;
        if (!have || d < earliest)
            earliest = d;
        have = true;
        any |= labs(d - gold) <= 1;
        int k = 0;
        while (k < n && days[k] != d)
            k++;
        if (k == n && n < 256)
            days[n] = d, counts[n++] = 0;
        if (k < n)
            counts[k]++;
    }
    s->n++;
    if (!have)
        return;
    int best = 0;
    for (int k = 1; k < n; k++)
        if (counts[k] > counts[best] || (counts[k] == counts[best] && days[k] < days[best]))
            best = k;
    s->has_day++;
    s->most += labs(days[best] - gold) <= 1;
    s->earliest += labs(earliest - gold) <= 1;
    s->any += any;
}

static void print_score(const char *what, const score *s)
{
    double n = s->n ? s->n : 1;
    printf("%s: %d articles, %d with a day mentioned (%.0f%%)\n", what, s->n, s->has_day,
           100.0 * s->has_day / n);
    printf("  within 1 day of the gold start: most-mentioned %d (%.1f%%), earliest %d (%.1f%%), "
           "any %d (%.1f%%)",
           s->most, 100.0 * s->most / n, s->earliest, 100.0 * s->earliest / n, s->any,
           100.0 * s->any / n);
    if (s->baseline >= 0)
        printf(", publication date %d (%.1f%%)", s->baseline, 100.0 * s->baseline / n);
    printf("\n");
}

/* A fixed-seed random generator (xorshift), for the samples. */
static unsigned long long rnd(unsigned long long *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

static void one_line(const char *s, int max)
{
    for (int i = 0; s[i] && i < max; i++)
        putchar(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
}

int main(int argc, char **argv)
{
    int dump_dates = 0, dump_ents = 0;
    unsigned long long rnd_state = 88172645463325252ull;
    gold_table gold_tab = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dump-dates") && i + 1 < argc)
            dump_dates = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dump-entities") && i + 1 < argc)
            dump_ents = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            rnd_state = strtoull(argv[++i], NULL, 10) | 1;
    }
    char path[4096], epath[4096];
    snprintf(path, sizeof path, "%s/data/events-dev/articles.jsonl", shared_dir());
    snprintf(epath, sizeof epath, "%s/data/events-dev/events.tsv", shared_dir());
    FILE *f = fopen(path, "r");
    if (!f || !read_events(epath, &gold_tab)) {
        printf("skip dates_eval: %s not found\n", path);
        if (f)
            fclose(f);
        return 0;
    }
    sl_engine *e = sl_engine_new();
    lang_row rows[MAX_LANGS];
    int nrows = 0;
    score dated = {0}, all = {0};
    double t_dates = 0, t_ents = 0;
    int narticles = 0;
    size_t cap = 1 << 20;
    char *line = sl_xmalloc(cap);
    while (fgets(line, (int)cap, f)) {
        size_t len = strlen(line);
        cJSON *o = cJSON_Parse(line);
        const cJSON *ev = cJSON_GetObjectItem(o, "event"), *lg = cJSON_GetObjectItem(o, "lang"),
                    *id = cJSON_GetObjectItem(o, "id");
        sl_article *a = NULL;
        if (!cJSON_IsString(ev) || !cJSON_IsString(lg) ||
            sl_article_read(e, "events-dev.jsonl", line, len, SL_FORMAT_JSONL, &a) != SL_OK) {
            cJSON_Delete(o);
            continue;
        }
        sl_article_prepare(e, a);
        clock_t c0 = clock();
        for (int rep = 0; rep < 10; rep++)
            sl_dates_extract(sl_engine_dates(e), a);
        clock_t c1 = clock();
        for (int rep = 0; rep < 10; rep++)
            sl_entities_extract(sl_engine_norm(e), a);
        clock_t c2 = clock();
        t_dates += (double)(c1 - c0) / CLOCKS_PER_SEC / 10;
        t_ents += (double)(c2 - c1) / CLOCKS_PER_SEC / 10;
        narticles++;

        long gold = gold_for(&gold_tab, ev->valuestring);
        lang_row *r = row_for(rows, &nrows, lg->valuestring);
        r->articles++;
        r->mentions += (int)a->ndates;
        r->entities += (int)a->nent;
        for (size_t i = 0; i < a->ndates; i++)
            r->relative += a->dates[i].relative;
        if (gold >= 0) {
            score_article(a, gold, true, &all);
            if (a->date.precision == SL_DATE_DAY) {
                score_article(a, gold, false, &dated);
                dated.baseline += labs(sl_date_to_days(a->date.year, a->date.month, a->date.day) - gold) <= 1;
            }
        }
        for (size_t i = 0; i < a->ndates && dump_dates; i++)
            if (rnd(&rnd_state) % 4 == 0) {
                char d[11], ad[11];
                sl_date_format(a->dates[i].date, d);
                sl_date_format(a->date, ad);
                printf("DATE %s %s art=%s -> %s%s  [%s]  | ", id->valuestring, lg->valuestring,
                       ad[0] ? ad : "-", d, a->dates[i].relative ? " rel" : "", a->dates[i].expr);
                one_line(a->dates[i].sentence, 160);
                printf("\n");
                dump_dates--;
            }
        for (size_t i = 0; i < a->nent && dump_ents; i++)
            if (rnd(&rnd_state) % 8 == 0) {
                printf("ENT %s %s %s [%s] x%d %s\n", id->valuestring, lg->valuestring,
                       a->ent[i].name, a->ent[i].key, a->ent[i].count,
                       a->ent[i].kind == SL_ENT_ACRONYM ? "acronym" : "");
                dump_ents--;
            }
        sl_article_free(a);
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    sl_engine_free(e);

    printf("events-dev (development set): %d articles\n", narticles);
    print_score("dated articles (day precision), all mentions", &dated);
    all.baseline = -1;
    print_score("all articles, absolute mentions only", &all);
    printf("per language (gold label): articles, date mentions (relative), entities\n");
    for (int i = 0; i < nrows; i++)
        printf("  %-3s %4d %5d (%4d) %5d\n", rows[i].lang, rows[i].articles, rows[i].mentions,
               rows[i].relative, rows[i].entities);
    printf("time per article: dates %.1f us, entities %.1f us (%.0f and %.0f articles/s, one core)\n",
           1e6 * t_dates / narticles, 1e6 * t_ents / narticles, narticles / t_dates,
           narticles / t_ents);
    return 0;
}
