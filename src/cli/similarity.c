/*
 * similarity.c -- `storyline similarity A B`: how close two articles are.
 *
 * A and B are two files (each one article), or, with --in FILE, the ids of
 * two articles of FILE.  With --in, word weights come from all of FILE's
 * articles, the way `storyline events` weighs them; with two files alone
 * there is nothing to learn weights from, so every word weighs about the
 * same (the index is told that many other, empty documents were seen).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *SIM_HELP =
    "usage: storyline similarity A B\n"
    "       storyline similarity --in FILE ID_A ID_B\n"
    "\n"
    "How close two articles are, in any two languages:\n"
    "  {\"score\": 1.0-4.0, \"same_event\": bool, \"parts\": {...}}\n"
    "4 means the same event, 3 the same story but another event, 1 unrelated.\n"
    "parts shows what drove the score: shared terms (after translation), names,\n"
    "numbers, the days between the two dates, the titles and the languages.\n"
    "\n"
    "A and B are files (text, HTML or JSON lines: its first article); with\n"
    "--in FILE they are ids of articles in FILE (any input storyline reads),\n"
    "and FILE's articles also teach which words are common.\n"
    "\n"
    "options:\n"
    "  --in FILE   read the articles (and word weights) from FILE\n"
    "  -h, --help  this help\n";

/* Reads the first article of 'path' into x; returns its id (caller frees)
 * or NULL after a message. */
static char *read_one(sl_engine *e, sl_index *x, const char *path)
{
    const char *paths[] = {path};
    sl_reader *r = sl_reader_new(e, paths, 1);
    sl_article *a = sl_cli_next(e, r);
    char *id = NULL;
    if (!a) {
        fprintf(stderr, "storyline similarity: %s: no article\n", path);
    } else {
        id = strdup(sl_article_id(a));
        if (sl_index_add(x, a) != SL_OK) {
            fprintf(stderr, "storyline: %s: %s\n", path, sl_engine_error(e));
            free(id);
            id = NULL;
        }
    }
    sl_reader_free(r);
    return id;
}

int sl_cli_similarity(int argc, char **argv)
{
    const char *in = NULL, *arg[2] = {NULL, NULL};
    int nargs = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(SIM_HELP, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--in") && i + 1 < argc) {
            in = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "storyline similarity: unknown option '%s' (see --help)\n", argv[i]);
            return SL_EXIT_USAGE;
        } else if (nargs < 2) {
            arg[nargs++] = argv[i];
        } else {
            fputs("storyline similarity: give two articles (see --help)\n", stderr);
            return SL_EXIT_USAGE;
        }
    }
    if (nargs != 2) {
        fputs("storyline similarity: give two articles (see --help)\n", stderr);
        return SL_EXIT_USAGE;
    }
    sl_engine *e = sl_engine_new();
    sl_index_options opt = {0};
    opt.prior_docs = in ? 0 : 1000; /* two articles alone: words weigh alike */
    sl_index *x = sl_index_new(e, &opt);
    char *ida = NULL, *idb = NULL;
    size_t skipped = 0;
    if (in) {
        const char *paths[] = {in};
        skipped = sl_cli_load(e, x, paths, 1);
        ida = strdup(arg[0]);
        idb = strdup(arg[1]);
    } else {
        ida = read_one(e, x, arg[0]);
        idb = read_one(e, x, arg[1]);
    }
    int rc = 0;
    char *json = ida && idb ? sl_index_similarity_json(x, ida, idb) : NULL;
    if (json) {
        puts(json);
        free(json);
        rc = sl_cli_finish(skipped);
    } else {
        if (ida && idb)
            fprintf(stderr, "storyline similarity: %s\n", sl_engine_error(e));
        rc = SL_EXIT_SKIPPED;
    }
    free(ida);
    free(idb);
    sl_index_free(x);
    sl_engine_free(e);
    return rc;
}
