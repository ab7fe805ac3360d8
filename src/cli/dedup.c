/*
 * dedup.c -- `storyline dedup`: which articles are copies of each other.
 *
 * Reads articles the way `inspect` does (files, folders, stdin), adds each
 * to a copy index and prints the copy groups: one JSON object
 * {"groups":[{"kind","articles":[ids]}]} (the contract of DESIGN.md), or a
 * line per group for people.  With --index FILE the index is loaded from
 * FILE when it exists and saved back after, so copies are found across
 * runs (a feed read day after day).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *DEDUP_HELP =
    "usage: storyline dedup [--format json|text] [--index FILE] PATH...\n"
    "\n"
    "Reads every article under PATH (files, folders recursively, - for stdin)\n"
    "and prints the groups of articles that are copies of each other:\n"
    "  {\"groups\":[{\"kind\":\"exact\"|\"near\"|\"contains\",\"articles\":[ids]}]}\n"
    "Each group lists its articles in reading order; the first is its id.\n"
    "\n"
    "  exact     the same words (case, accents, punctuation and spacing aside)\n"
    "  near      most word 3-grams shared: small edits, a changed headline,\n"
    "            caption or lead paragraph\n"
    "  contains  one holds most of another: a wire story with paragraphs added,\n"
    "            or a truncated copy\n"
    "\n"
    "Quoted speech and text repeated within an article do not count, so two\n"
    "reports quoting one statement are not copies; articles in two different\n"
    "languages never are (a translation is a new text).  Texts shorter than\n"
    "about 20 words are copies only when exact.\n"
    "\n"
    "options:\n"
    "  --format json|text  JSON (default) or one line per group\n"
    "  --index FILE        load the copy index from FILE if it exists, add the\n"
    "                      articles, save it back to FILE\n"
    "  -h, --help          this help\n"
    "\n"
    "Bad inputs (and an id read twice) are reported on stderr as\n"
    "FILE[:LINE]: REASON and skipped; the exit status is then 1.\n";

typedef struct {
    bool text;
    const char *index;
    const char **paths;
    size_t n;
} options;

/* Reads "--name VALUE" or "--name=VALUE" at argv[*i]; NULL if a is not it. */
static const char *value_of(const char *name, int argc, char **argv, int *i)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0 || (a[n] && a[n] != '='))
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    return *i + 1 < argc ? argv[++*i] : "";
}

/* Fills o from the arguments.  Returns -1 to go on, else the exit status. */
static int parse(int argc, char **argv, options *o)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(DEDUP_HELP, stdout);
            return 0;
        } else if ((v = value_of("--format", argc, argv, &i))) {
            o->text = !strcmp(v, "text");
            if (!o->text && strcmp(v, "json") != 0) {
                fprintf(stderr, "storyline dedup: --format takes json or text, not '%s'\n", v);
                return SL_EXIT_USAGE;
            }
        } else if ((v = value_of("--index", argc, argv, &i))) {
            if (!*v) {
                fputs("storyline dedup: --index needs a FILE\n", stderr);
                return SL_EXIT_USAGE;
            }
            o->index = v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "storyline dedup: unknown option '%s' (see --help)\n", a);
            return SL_EXIT_USAGE;
        } else {
            o->paths[o->n++] = a;
        }
    }
    if (o->n == 0) {
        fputs("storyline dedup: no PATH given (see --help)\n", stderr);
        return SL_EXIT_USAGE;
    }
    return -1;
}

/* The index to add to: loaded from o->index when that file exists.  NULL
 * (with a message) if it exists but cannot be loaded. */
static sl_dedup *open_index(sl_engine *e, const options *o)
{
    if (!o->index || access(o->index, F_OK) != 0)
        return sl_dedup_new(e);
    sl_dedup *d;
    if (sl_dedup_load(e, o->index, &d) != SL_OK) {
        fprintf(stderr, "storyline dedup: %s\n", sl_engine_error(e));
        return NULL;
    }
    return d;
}

/* Adds every article under the paths; returns how many inputs were skipped. */
static size_t add_all(sl_engine *e, sl_dedup *d, const options *o)
{
    sl_reader *r = sl_reader_new(e, o->paths, o->n);
    sl_progress pr = {isatty(2) != 0, 0, 0};
    size_t refused = 0;
    sl_article *a;
    while ((a = sl_cli_next(e, r))) {
        if (sl_dedup_add(d, a, NULL) != SL_OK) {
            fprintf(stderr, "storyline: %s\n", sl_engine_error(e));
            refused++;
        }
        sl_article_free(a);
        sl_progress_tick(&pr);
    }
    sl_progress_end(&pr);
    size_t skipped = sl_reader_skipped(r) + refused;
    sl_reader_free(r);
    return skipped;
}

int sl_cli_dedup(int argc, char **argv)
{
    options o = {false, NULL, calloc((size_t)argc + 1, sizeof(char *)), 0};
    if (!o.paths)
        return EXIT_FAILURE;
    int rc = parse(argc, argv, &o);
    if (rc >= 0) {
        free(o.paths);
        return rc;
    }
    sl_engine *e = sl_engine_new();
    sl_dedup *d = open_index(e, &o);
    rc = d ? 0 : EXIT_FAILURE;
    size_t skipped = d ? add_all(e, d, &o) : 0;
    if (d) {
        char *out = o.text ? sl_dedup_text(d) : sl_dedup_json(d);
        fputs(out, stdout);
        if (!o.text)
            fputc('\n', stdout);
        free(out);
    }
    if (d && o.index && sl_dedup_save(d, o.index) != SL_OK) {
        fprintf(stderr, "storyline dedup: %s\n", sl_engine_error(e));
        rc = EXIT_FAILURE;
    }
    sl_dedup_free(d);
    sl_engine_free(e);
    free(o.paths);
    if (fflush(stdout) != 0) {
        perror("storyline: stdout");
        return EXIT_FAILURE;
    }
    return rc ? rc : skipped ? SL_EXIT_SKIPPED : 0;
}
