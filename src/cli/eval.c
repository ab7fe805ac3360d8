/*
 * eval.c -- `storyline eval events --gold GOLD.jsonl [PRED.json]`: how
 * right the groupings are.
 *
 * GOLD is any JSON lines file with `id` and labels: `event` (or
 * `event_id`), and optionally `story`, `copy_group` and `lang`, like the
 * labelled sets in ../shared/data.  Without PRED the engine itself runs on
 * GOLD's articles (the labels are fields the readers ignore) and its
 * events, stories and copies are scored; with PRED (the JSON of `storyline
 * events`, `stories` or `dedup`, or of a peer that prints the same shape)
 * that grouping is scored instead, at the level its top key names.
 *
 * Each level prints one line: BCubed P/R/F1, pairwise P/R/F1 and the
 * cross-language pairs' precision and recall (metrics.c), named by
 * --name (default "storyline"), so bench scripts can print storyline and
 * a peer side by side.  Exit 0, 1 if some input was skipped, 2 on usage.
 */
#include "cli.h"
#include "metrics.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *EVAL_HELP =
    "usage: storyline eval events --gold GOLD.jsonl [--name NAME] [PRED.json]\n"
    "\n"
    "Scores groupings against the labels of GOLD (JSON lines with id and\n"
    "event or event_id; optionally story, copy_group, lang).  Without PRED,\n"
    "runs storyline on GOLD's articles (labels removed) and scores its events,\n"
    "and its stories and copies when GOLD has story / copy_group labels.\n"
    "With PRED (the JSON of `storyline events`, `stories` or `dedup`, or a\n"
    "peer printing the same shape) scores that grouping.\n"
    "\n"
    "Prints, per level: BCubed precision/recall/F1, pairwise precision/recall/F1,\n"
    "and precision/recall over the pairs whose articles differ in language.\n"
    "\n"
    "options:\n"
    "  --gold FILE   the labelled articles (required)\n"
    "  --name NAME   the system's name in the output (default storyline)\n"
    "  --threshold P, --window DAYS\n"
    "                the clustering options of `storyline events`\n"
    "  -h, --help    this help\n";

/* ---- interning labels ---------------------------------------------------- */

typedef struct {
    char **s;
    size_t n, cap;
} strtab;

/* The number of 's' in t (added if new).  NULL or "" gets a fresh number
 * when 'fresh_for_null', else -1. */
static long intern(strtab *t, const char *s, bool fresh_for_null)
{
    if (!s || !*s) {
        if (!fresh_for_null)
            return -1;
        s = "";
    } else {
        for (size_t i = 0; i < t->n; i++)
            if (!strcmp(t->s[i], s))
                return (long)i;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->s = realloc(t->s, t->cap * sizeof *t->s);
        if (!t->s)
            abort();
    }
    t->s[t->n] = strdup(s);
    if (!t->s[t->n])
        abort();
    return (long)t->n++;
}

static void strtab_free(strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
}

/* ---- the gold file ------------------------------------------------------- */

typedef struct {
    size_t n, cap;
    char **id;
    long *event, *story, *copy, *lang;
    bool has_story, has_copy;
    strtab ids_tab, ev, st, cp, lg;
} gold;

static const char *str_field(const cJSON *o, const char *a, const char *b, char *num, size_t cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, a);
    if (!v && b)
        v = cJSON_GetObjectItemCaseSensitive(o, b);
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsNumber(v)) {
        snprintf(num, cap, "%.0f", v->valuedouble);
        return num;
    }
    return NULL;
}

static void gold_push(gold *g)
{
    if (g->n < g->cap)
        return;
    g->cap = g->cap ? 2 * g->cap : 256;
    g->id = realloc(g->id, g->cap * sizeof *g->id);
    g->event = realloc(g->event, g->cap * sizeof(long));
    g->story = realloc(g->story, g->cap * sizeof(long));
    g->copy = realloc(g->copy, g->cap * sizeof(long));
    g->lang = realloc(g->lang, g->cap * sizeof(long));
    if (!g->id || !g->event || !g->story || !g->copy || !g->lang)
        abort();
}

/* Reads GOLD; returns the number of lines skipped, or -1 if unreadable. */
static long gold_read(gold *g, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "storyline eval: %s: cannot open\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    long skipped = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (len <= 1)
            continue;
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        char n1[32], n2[32], n3[32], n4[32];
        const char *id = o ? str_field(o, "id", NULL, n1, sizeof n1) : NULL;
        const char *ev = o ? str_field(o, "event", "event_id", n2, sizeof n2) : NULL;
        if (!id || !ev) {
            fprintf(stderr, "storyline eval: %s:%zu: %s\n", path, lineno,
                    !o ? "invalid JSON" : !id ? "missing \"id\"" : "missing \"event\"");
            skipped++;
            cJSON_Delete(o);
            continue;
        }
        gold_push(g);
        g->id[g->n] = strdup(id);
        g->event[g->n] = intern(&g->ev, ev, true);
        const char *st = str_field(o, "story", NULL, n3, sizeof n3);
        const char *cp = str_field(o, "copy_group", NULL, n4, sizeof n4);
        const cJSON *lg = cJSON_GetObjectItemCaseSensitive(o, "lang");
        g->has_story |= st != NULL;
        g->has_copy |= cp != NULL;
        g->story[g->n] = st ? intern(&g->st, st, true) : -1;
        g->copy[g->n] = cp ? intern(&g->cp, cp, true) : -1;
        g->lang[g->n] = intern(&g->lg, cJSON_IsString(lg) ? lg->valuestring : "und", true);
        g->n++;
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    /* Articles without a story or copy label stand alone. */
    for (size_t i = 0; i < g->n; i++) {
        if (g->story[i] < 0)
            g->story[i] = 1000000 + (long)i;
        if (g->copy[i] < 0)
            g->copy[i] = 2000000 + (long)i;
    }
    return skipped;
}

static void gold_free(gold *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->id[i]);
    free(g->id);
    free(g->event);
    free(g->story);
    free(g->copy);
    free(g->lang);
    strtab_free(&g->ev);
    strtab_free(&g->st);
    strtab_free(&g->cp);
    strtab_free(&g->lg);
}

/* The index of article 'id' in g, or -1. */
static long gold_find(const gold *g, const char *id)
{
    for (size_t i = 0; i < g->n; i++)
        if (!strcmp(g->id[i], id))
            return (long)i;
    return -1;
}

/* ---- printing a level ---------------------------------------------------- */

static void print_scores(const char *level, const char *name, const sl_scores *s)
{
    printf("%-8s %-10s BCubed P %.3f R %.3f F1 %.3f | pairs P %.3f R %.3f F1 %.3f"
           " | cross-language P %.3f R %.3f (%.0f gold pairs)\n",
           level, name, s->bcubed_p, s->bcubed_r, s->bcubed_f, s->pair_p, s->pair_r,
           s->pair_f, s->xl_p, s->xl_r, s->xl_gold_pairs);
}

/* Labels for the gold articles from a list of groups, each an object with
 * an "articles" array of ids.  Articles in no group get labels of their own. */
static void labels_from_groups(const gold *g, const cJSON *groups, long *pred)
{
    for (size_t i = 0; i < g->n; i++)
        pred[i] = 3000000 + (long)i;
    long k = 0;
    const cJSON *grp;
    cJSON_ArrayForEach(grp, groups) {
        const cJSON *arts = cJSON_GetObjectItemCaseSensitive(grp, "articles");
        const cJSON *a;
        cJSON_ArrayForEach(a, arts) {
            const cJSON *id = cJSON_IsObject(a) ? cJSON_GetObjectItemCaseSensitive(a, "id") : a;
            long i = cJSON_IsString(id) ? gold_find(g, id->valuestring) : -1;
            if (i >= 0)
                pred[i] = k;
        }
        k++;
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (cap - n < 65536) {
            cap = cap ? 2 * cap : 1 << 20;
            buf = realloc(buf, cap + 1);
            if (!buf)
                abort();
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Scores PRED (a JSON file) against g.  Returns an exit status. */
static int eval_pred(const gold *g, const char *path, const char *name)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        fprintf(stderr, "storyline eval: %s: cannot open\n", path);
        return SL_EXIT_USAGE;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    static const struct { const char *key, *level; } levels[] = {
        {"events", "events"}, {"stories", "stories"}, {"groups", "copies"}};
    const cJSON *groups = NULL;
    size_t lv = 0;
    for (; root && lv < 3 && !groups; lv++)
        groups = cJSON_GetObjectItemCaseSensitive(root, levels[lv].key);
    if (!cJSON_IsArray(groups)) {
        fprintf(stderr, "storyline eval: %s: %s\n", path,
                root ? "no \"events\", \"stories\" or \"groups\" array" : "invalid JSON");
        cJSON_Delete(root);
        return SL_EXIT_SKIPPED;
    }
    lv--;
    long *pred = malloc((g->n + 1) * sizeof *pred);
    if (!pred)
        abort();
    labels_from_groups(g, groups, pred);
    const long *truth = lv == 0 ? g->event : lv == 1 ? g->story : g->copy;
    sl_scores s;
    sl_metrics_score(g->n, truth, pred, g->lang, &s);
    print_scores(levels[lv].level, name, &s);
    free(pred);
    cJSON_Delete(root);
    return 0;
}

/* Scores the groups under 'key' of the JSON 'json' at 'level'. */
static void score_json(const gold *g, const char *json, const char *key, const char *level,
                       const long *truth, const char *name)
{
    cJSON *root = cJSON_Parse(json);
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(root, key);
    long *pred = malloc((g->n + 1) * sizeof *pred);
    if (!pred)
        abort();
    labels_from_groups(g, groups, pred);
    sl_scores s;
    sl_metrics_score(g->n, truth, pred, g->lang, &s);
    print_scores(level, name, &s);
    free(pred);
    cJSON_Delete(root);
}

/* Runs the engine on the gold articles and scores what it finds. */
static int eval_run(const gold *g, const char *path, const char *name,
                    const sl_index_options *opt)
{
    sl_engine *e = sl_engine_new();
    sl_index *x = sl_index_new(e, opt);
    const char *paths[] = {path};
    size_t skipped = sl_cli_load(e, x, paths, 1);
    sl_index_update(x);
    char *json = sl_index_events_json(x, NULL);
    score_json(g, json, "events", "events", g->event, name);
    free(json);
    if (g->has_story) {
        json = sl_index_stories_json(x, NULL);
        score_json(g, json, "stories", "stories", g->story, name);
        free(json);
    }
    if (g->has_copy) {
        json = sl_index_copies_json(x);
        score_json(g, json, "groups", "copies", g->copy, name);
        free(json);
    }
    sl_index_free(x);
    sl_engine_free(e);
    return skipped ? SL_EXIT_SKIPPED : 0;
}

int sl_cli_eval(int argc, char **argv)
{
    const char *gold_path = NULL, *pred_path = NULL, *name = "storyline";
    sl_index_options opt = {0};
    if (argc >= 1 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help"))) {
        fputs(EVAL_HELP, stdout);
        return 0;
    }
    if (argc < 1 || strcmp(argv[0], "events") != 0) {
        fputs("storyline eval: the first argument is what to score: events (see --help)\n",
              stderr);
        return SL_EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(EVAL_HELP, stdout);
            return 0;
        } else if (!strcmp(a, "--gold") && i + 1 < argc) {
            gold_path = argv[++i];
        } else if (!strcmp(a, "--name") && i + 1 < argc) {
            name = argv[++i];
        } else if (!strcmp(a, "--threshold") && i + 1 < argc) {
            opt.event_threshold = atof(argv[++i]);
        } else if (!strcmp(a, "--window") && i + 1 < argc) {
            opt.window_days = atoi(argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "storyline eval: unknown option '%s' (see --help)\n", a);
            return SL_EXIT_USAGE;
        } else if (!pred_path) {
            pred_path = a;
        } else {
            fputs("storyline eval: at most one PRED file (see --help)\n", stderr);
            return SL_EXIT_USAGE;
        }
    }
    if (!gold_path) {
        fputs("storyline eval: --gold FILE is required (see --help)\n", stderr);
        return SL_EXIT_USAGE;
    }
    gold g = {0};
    long skipped = gold_read(&g, gold_path);
    if (skipped < 0 || g.n == 0) {
        if (skipped >= 0)
            fprintf(stderr, "storyline eval: %s: no labelled articles\n", gold_path);
        gold_free(&g);
        return SL_EXIT_USAGE;
    }
    int rc = pred_path ? eval_pred(&g, pred_path, name) : eval_run(&g, gold_path, name, &opt);
    gold_free(&g);
    return rc ? rc : skipped ? SL_EXIT_SKIPPED : 0;
}
