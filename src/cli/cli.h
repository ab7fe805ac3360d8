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

int sl_cli_inspect(int argc, char **argv);
int sl_cli_dedup(int argc, char **argv);

#endif
