/*
 * ingest.c -- `storyline ingest --db PATH FILES...`: load articles into a
 * store in bulk (the store `storyline serve` serves).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *INGEST_HELP =
    "usage: storyline ingest [--db PATH] PATH...\n"
    "\n"
    "Stores every article under PATH (files, folders recursively, .jsonl files\n"
    "line by line) in the store, analyses and clusters them, so that\n"
    "`storyline serve --db PATH` starts with them.  An article whose id is in\n"
    "the store already is replaced.  Progress goes to stderr.\n"
    "\n"
    "options:\n"
    "  --db PATH    the store (default storyline.db; made if absent)\n"
    "  --quiet      no progress line\n"
    "  -h, --help   this help\n"
    "\n"
    "exit status: 0 all stored, 1 some input was bad and skipped (or the store\n"
    "failed), 2 usage error.\n";

int sl_cli_ingest(int argc, char **argv)
{
    const char *db = NULL;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n = 0;
    int quiet = 0;
    if (!paths)
        abort();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(INGEST_HELP, stdout);
            free(paths);
            return 0;
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            db = argv[++i];
        } else if (!strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "storyline ingest: unknown option '%s' (see --help)\n", a);
            free(paths);
            return SL_EXIT_USAGE;
        } else {
            paths[n++] = a;
        }
    }
    if (n == 0) {
        fputs("storyline ingest: no PATH given (see --help)\n", stderr);
        free(paths);
        return SL_EXIT_USAGE;
    }
    size_t skipped = 0;
    sl_status st = sl_ingest(db, paths, n, !quiet, &skipped);
    free(paths);
    return st != SL_OK || skipped ? SL_EXIT_SKIPPED : 0;
}
