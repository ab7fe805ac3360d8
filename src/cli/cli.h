/*
 * cli.h -- what the verbs of the `storyline` command share.
 *
 * Each verb lives in its own file (inspect.c, ...) as `int sl_cli_VERB(argc,
 * argv)` with argv[0] the first argument after the verb; it returns the exit
 * status: 0 all input used, 1 some input was bad and skipped, 2 usage error.
 * The CLI includes only storyline.h from the library.
 */
#ifndef SL_CLI_H
#define SL_CLI_H

#include "storyline.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum { SL_EXIT_SKIPPED = 1, SL_EXIT_USAGE = 2 };

/* A progress line on stderr, at most once a second, only when 'on' (stderr
 * is a terminal). */
typedef struct {
    bool on;
    time_t last;
    size_t n;
} sl_progress;

void sl_progress_tick(sl_progress *p);
void sl_progress_end(sl_progress *p);

/* ---- options shared by the verbs (common.c) ------------------------------- */

/* Which options a verb takes beyond --help and PATH... */
enum {
    SL_CLI_FORMAT = 1,  /* --format json|text */
    SL_CLI_CLUSTER = 2, /* --threshold P, --window DAYS */
    SL_CLI_QUERY = 4    /* --lang xx, --limit N, --period DAYS */
};

typedef struct {
    bool text;              /* --format text */
    sl_index_options index; /* --threshold, --window */
    sl_query query;         /* --lang, --limit, --period */
    const char **paths;     /* owned array of borrowed argv strings */
    size_t npaths;
} sl_cli_opts;

/* Parses argv (after the verb) into o.  Returns -1 to go on, or the exit
 * status to return at once (0 after printing 'help', 2 on a usage error,
 * with a message naming 'verb').  Free o with sl_cli_opts_free() when it
 * returned -1. */
int sl_cli_parse(sl_cli_opts *o, const char *verb, const char *help, int argc,
                 char **argv, int which);
void sl_cli_opts_free(sl_cli_opts *o);

/* The next article of r (caller frees), or NULL at the end; an input that
 * cannot be read is reported on stderr ("storyline: file:line: reason")
 * and passed over (sl_reader_skipped() counts it). */
sl_article *sl_cli_next(sl_engine *e, sl_reader *r);

/* Reads every article under the paths into the index (bad inputs reported
 * on stderr and skipped; a progress line on a terminal).  Returns how many
 * inputs were skipped. */
size_t sl_cli_load(sl_engine *e, sl_index *x, const char *const *paths, size_t n);

/* The body of a listing verb: reads o's paths into an index, updates it,
 * prints json() or, with --format text, text(), frees o, and returns the
 * exit status. */
typedef char *(*sl_cli_lister)(sl_index *x, const sl_query *q);
int sl_cli_list(sl_cli_opts *o, sl_cli_lister json, sl_cli_lister text);

/* The exit status after a run: flushes stdout (1 if that fails), 1 if
 * inputs were skipped, else 0. */
int sl_cli_finish(size_t skipped);

int sl_cli_inspect(int argc, char **argv);
int sl_cli_ingest(int argc, char **argv);
int sl_cli_dedup(int argc, char **argv);
int sl_cli_eval(int argc, char **argv);
int sl_cli_events(int argc, char **argv);
int sl_cli_similarity(int argc, char **argv);
int sl_cli_serve(int argc, char **argv);
int sl_cli_stories(int argc, char **argv);
int sl_cli_top(int argc, char **argv);
int sl_cli_tgnews(int argc, char **argv);

#endif
