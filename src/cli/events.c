/*
 * events.c -- `storyline events PATH...`: which articles report the same
 * event, in any language.
 *
 * Reads every article, adds it to an index (sl_index), updates once, and
 * prints the events largest first: JSON ({"events":[...]}) or, with
 * --format text, a block per event for people.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *EVENTS_HELP =
    "usage: storyline events [OPTIONS] PATH...\n"
    "\n"
    "Groups the articles under PATH (files, folders, - for stdin) into events:\n"
    "reports of the same happening, in any language.  Prints, largest first,\n"
    "  {\"events\":[{\"id\",\"headline\",\"date\",\"languages\",\"articles\":[ids],\n"
    "              \"merged\":[ids],\"why\":{\"entities\",\"terms\",\"numbers\",\"dates\"}}]}\n"
    "\n"
    "options:\n"
    "  --format json|text  JSON (default) or a readable digest\n"
    "  --threshold P       how sure (0..1) storyline must be that an article\n"
    "                      reports an event to put it there (default 0.7)\n"
    "  --window DAYS       an event takes reports up to DAYS after its last\n"
    "                      one (default 7); once 3 are dated, up to 2 days\n"
    "                      beyond the span of their dates, or that span\n"
    "  --lang xx           only events with an article in language xx\n"
    "  --limit N           at most N events\n"
    "  -h, --help          this help\n"
    "\n"
    "Bad inputs are reported on stderr as FILE[:LINE]: REASON and skipped;\n"
    "the exit status is then 1.\n";

int sl_cli_events(int argc, char **argv)
{
    sl_cli_opts o;
    int rc = sl_cli_parse(&o, "events", EVENTS_HELP, argc, argv,
                          SL_CLI_FORMAT | SL_CLI_CLUSTER | SL_CLI_QUERY);
    if (rc >= 0)
        return rc;
    sl_engine *e = sl_engine_new();
    sl_index *x = sl_index_new(e, &o.index);
    size_t skipped = sl_cli_load(e, x, o.paths, o.npaths);
    sl_index_update(x);
    char *out = o.text ? sl_index_events_text(x, &o.query) : sl_index_events_json(x, &o.query);
    fputs(out, stdout);
    if (!o.text)
        fputc('\n', stdout);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
    sl_cli_opts_free(&o);
    return sl_cli_finish(skipped);
}
