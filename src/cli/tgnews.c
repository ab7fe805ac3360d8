/*
 * tgnews.c -- `storyline tgnews languages|threads|top DIR`: the JSON of
 * Telegram's 2019 Data Clustering Contest, so tools written for it work
 * unchanged on a folder of pages in its HTML format.
 *
 *   languages  [{"lang_code":"en","articles":["a.html",...]},...]
 *   threads    [{"title":"...","articles":["a.html",...]},...]   (events)
 *   top        [{"category":"any","threads":[{"title","articles"}]}]
 *              (events most important first: the stories' ranking)
 *
 * Articles are named by their file names, as the contest did; files that
 * are not .html or .htm pages are passed over.  The
 * contest's `news` and `categories` need a news/category classifier and
 * are not offered.
 */
#include "cli.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *TG_HELP =
    "usage: storyline tgnews languages|threads|top DIR...\n"
    "\n"
    "Prints what Telegram's 2019 Data Clustering Contest printed for a folder of\n"
    "pages in its HTML format, so tools written for it work unchanged:\n"
    "  languages  [{\"lang_code\",\"articles\":[file names]}]\n"
    "  threads    [{\"title\",\"articles\"}]  (one thread per event)\n"
    "  top        [{\"category\":\"any\",\"threads\":[{\"title\",\"articles\"}]}]\n"
    "             (threads ranked by importance)\n"
    "The contest's news and categories commands need a classifier and are not\n"
    "offered.\n";

/* id -> file name, for the articles read. */
typedef struct {
    char **id, **file;
    size_t n, cap;
} names;

static void names_add(names *m, const char *id, const char *path)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 256;
        m->id = realloc(m->id, m->cap * sizeof *m->id);
        m->file = realloc(m->file, m->cap * sizeof *m->file);
        if (!m->id || !m->file)
            abort();
    }
    const char *base = strrchr(path, '/');
    m->id[m->n] = strdup(id);
    m->file[m->n] = strdup(base ? base + 1 : *path ? path : id);
    if (!m->id[m->n] || !m->file[m->n])
        abort();
    m->n++;
}

static const char *names_file(const names *m, const char *id)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->id[i], id))
            return m->file[i];
    return id;
}

static void names_free(names *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->id[i]);
        free(m->file[i]);
    }
    free(m->id);
    free(m->file);
}

/* An array of the file names of a JSON array of ids. */
static cJSON *files_of(const names *m, const cJSON *ids)
{
    cJSON *out = cJSON_CreateArray(), *a;
    cJSON_ArrayForEach(a, ids) {
        const cJSON *id = cJSON_IsObject(a) ? cJSON_GetObjectItemCaseSensitive(a, "id") : a;
        if (cJSON_IsString(id))
            cJSON_AddItemToArray(out, cJSON_CreateString(names_file(m, id->valuestring)));
    }
    return out;
}

static double score_of(const cJSON *e)
{
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "score");
    return cJSON_IsNumber(s) ? s->valuedouble : 0;
}

/* Sorts a JSON array of events by their "score", highest first (stable:
 * an insertion sort, the lists are short). */
static void sort_by_score(cJSON *arr)
{
    int n = cJSON_GetArraySize(arr);
    cJSON **v = malloc(((size_t)n + 1) * sizeof *v);
    if (!v)
        abort();
    for (int i = n - 1; i >= 0; i--)
        v[i] = cJSON_DetachItemFromArray(arr, i);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && score_of(v[j]) > score_of(v[j - 1]); j--) {
            cJSON *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, v[i]);
    free(v);
}

int sl_cli_tgnews(int argc, char **argv)
{
    if (argc >= 1 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help"))) {
        fputs(TG_HELP, stdout);
        return 0;
    }
    const char *what = argc >= 1 ? argv[0] : "";
    if (strcmp(what, "languages") && strcmp(what, "threads") && strcmp(what, "top")) {
        fprintf(stderr, "storyline tgnews: the first argument is languages, threads or top, "
                        "not '%s' (see --help)\n", what);
        return SL_EXIT_USAGE;
    }
    if (argc < 2) {
        fputs("storyline tgnews: no DIR given (see --help)\n", stderr);
        return SL_EXIT_USAGE;
    }
    sl_engine *e = sl_engine_new();
    sl_index *x = sl_index_new(e, NULL);
    names m = {0};
    cJSON *langs = cJSON_CreateArray();
    sl_reader *r = sl_reader_new(e, (const char *const *)argv + 1, (size_t)argc - 1);
    sl_article *a;
    while ((a = sl_cli_next(e, r))) {
        const char *path = sl_article_path(a), *dot = strrchr(path, '.');
        if (*path && (!dot || (strcmp(dot, ".html") && strcmp(dot, ".htm")))) {
            sl_article_free(a); /* the contest's folders hold pages only */
            continue;
        }
        sl_article_prepare(e, a);
        names_add(&m, sl_article_id(a), path);
        const char *lang = sl_article_lang(a), *file = m.file[m.n - 1];
        cJSON *g = NULL, *it;
        cJSON_ArrayForEach(it, langs) {
            if (!strcmp(cJSON_GetObjectItemCaseSensitive(it, "lang_code")->valuestring, lang))
                g = it;
        }
        if (!g) {
            g = cJSON_CreateObject();
            cJSON_AddStringToObject(g, "lang_code", lang);
            cJSON_AddItemToObject(g, "articles", cJSON_CreateArray());
            cJSON_AddItemToArray(langs, g);
        }
        cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(g, "articles"), cJSON_CreateString(file));
        if (sl_index_add(x, a) != SL_OK)
            fprintf(stderr, "storyline: %s\n", sl_engine_error(e));
    }
    size_t skipped = sl_reader_skipped(r);
    sl_reader_free(r);
    sl_index_update(x);
    cJSON *out = NULL;
    if (!strcmp(what, "languages")) {
        out = langs;
        langs = NULL;
    } else {
        bool top = !strcmp(what, "top");
        char *json = sl_index_events_json(x, NULL);
        cJSON *root = cJSON_Parse(json);
        free(json);
        cJSON *evs = cJSON_GetObjectItemCaseSensitive(root, "events");
        if (top)
            sort_by_score(evs);
        cJSON *threads = cJSON_CreateArray(), *g;
        cJSON_ArrayForEach(g, evs) {
            cJSON *t = cJSON_CreateObject();
            cJSON_AddStringToObject(t, "title",
                                    cJSON_GetObjectItemCaseSensitive(g, "headline")->valuestring);
            cJSON_AddItemToObject(t, "articles",
                                  files_of(&m, cJSON_GetObjectItemCaseSensitive(g, "articles")));
            cJSON_AddItemToArray(threads, t);
        }
        cJSON_Delete(root);
        if (top) {
            out = cJSON_CreateArray();
            cJSON *c = cJSON_CreateObject();
            cJSON_AddStringToObject(c, "category", "any");
            cJSON_AddItemToObject(c, "threads", threads);
            cJSON_AddItemToArray(out, c);
        } else {
            out = threads;
        }
    }
    char *s = cJSON_PrintUnformatted(out);
    puts(s);
    free(s);
    cJSON_Delete(out);
    cJSON_Delete(langs);
    names_free(&m);
    sl_index_free(x);
    sl_engine_free(e);
    return sl_cli_finish(skipped);
}
