/*
 * main.c -- the `storyline` command: verbs over the public API.
 *
 * Only storyline.h is included here; what the command needs, the library
 * offers.  JSON goes to stdout, messages to stderr, and the exit code means:
 * 0 all input used, 1 some input was bad and skipped, 2 usage error.
 */
#include "cli.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *MAIN_HELP =
    "usage: storyline VERB [OPTIONS] PATH...\n"
    "\n"
    "storyline reads news articles -- text files, HTML pages, JSON lines, in\n"
    "any language -- and tells what they say.\n"
    "\n"
    "verbs:\n"
    "  inspect PATH...   read, clean and describe each article (one JSON line each)\n"
    "  dedup PATH...     group articles that are copies of each other\n"
    "  events PATH...    group articles that report the same event, in any language\n"
    "  stories PATH...   link events into stories: headline, summary, timeline, entities\n"
    "  top PATH...       the most important stories of the last days\n"
    "  tgnews languages|threads|top DIR\n"
    "                    the JSON of Telegram's 2019 clustering contest\n"
    "  similarity A B    how close two articles are (1 unrelated .. 4 same event)\n"
    "  serve             the HTTP API and web page over a store (SQLite)\n"
    "  ingest PATH...    load articles into a store in bulk\n"
    "  eval events --gold FILE [PRED]\n"
    "                    score events, stories and copies against labels\n"
    "\n"
    "PATH is a file, a folder (read recursively) or - for standard input.\n"
    "Run `storyline VERB --help` for a verb's options.\n"
    "\n"
    "options:\n"
    "  -h, --help        this help\n"
    "  --version         the version\n"
    "\n"
    "exit status: 0 ok, 1 some input was bad and skipped, 2 usage error.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(MAIN_HELP, stderr);
        return SL_EXIT_USAGE;
    }
    const char *verb = argv[1];
    if (!strcmp(verb, "-h") || !strcmp(verb, "--help") || !strcmp(verb, "help")) {
        fputs(MAIN_HELP, stdout);
        return 0;
    }
    if (!strcmp(verb, "--version")) {
        printf("storyline %s\n", sl_version());
        return 0;
    }
    if (!strcmp(verb, "inspect"))
        return sl_cli_inspect(argc - 2, argv + 2);
    if (!strcmp(verb, "dedup"))
        return sl_cli_dedup(argc - 2, argv + 2);
    if (!strcmp(verb, "events"))
        return sl_cli_events(argc - 2, argv + 2);
    if (!strcmp(verb, "stories"))
        return sl_cli_stories(argc - 2, argv + 2);
    if (!strcmp(verb, "top"))
        return sl_cli_top(argc - 2, argv + 2);
    if (!strcmp(verb, "tgnews"))
        return sl_cli_tgnews(argc - 2, argv + 2);
    if (!strcmp(verb, "similarity"))
        return sl_cli_similarity(argc - 2, argv + 2);
    if (!strcmp(verb, "serve"))
        return sl_cli_serve(argc - 2, argv + 2);
    if (!strcmp(verb, "ingest"))
        return sl_cli_ingest(argc - 2, argv + 2);
    if (!strcmp(verb, "eval"))
        return sl_cli_eval(argc - 2, argv + 2);
    fprintf(stderr, "storyline: unknown verb '%s' (see storyline --help)\n", verb);
    return SL_EXIT_USAGE;
}
