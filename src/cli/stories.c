/*
 * stories.c -- `storyline stories PATH...` and `storyline top PATH...`:
 * events linked into stories, described and ranked.
 *
 * `stories` prints every story (JSON, or a digest with --format text);
 * `top` is the same ranking cut to what matters now: the last --period
 * days (default 2) and the --limit (default 10) most important.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *STORIES_HELP =
    "usage: storyline stories [OPTIONS] PATH...\n"
    "\n"
    "Links the events of the articles under PATH into stories and says what each\n"
    "one says, most important first:\n"
    "  {\"stories\":[{\"id\",\"headline\",\"summary\",\"entities\",\"languages\",\"sources\",\n"
    "    \"dates\",\"timeline\",\"events\",\"articles\",\"score\"}]}\n"
    "\n"
    "options:\n"
    "  --format json|text  JSON (default) or a digest to read\n"
    "  --lang xx           only stories with an article in xx; headlines and\n"
    "                      summaries in xx where there is a choice\n"
    "  --period DAYS       only stories with an article in the last DAYS days\n"
    "                      (counted back from the newest article)\n"
    "  --limit N           at most N stories\n"
    "  --threshold P, --window DAYS\n"
    "                      event clustering, as for `storyline events`\n"
    "  -h, --help          this help\n";

static const char *TOP_HELP =
    "usage: storyline top [OPTIONS] PATH...\n"
    "\n"
    "The most important stories now: those with an article in the last --period\n"
    "days (default 2, counted back from the newest article), ranked by how many\n"
    "sources and languages report them, how many articles (copies once), how\n"
    "recent and how fast growing they are.  Same output as `storyline stories`.\n"
    "\n"
    "options:\n"
    "  --format json|text  JSON (default) or a digest to read\n"
    "  --period DAYS       how far back (default 2)\n"
    "  --lang xx           only stories with an article in xx\n"
    "  --limit N           at most N stories (default 10)\n"
    "  -h, --help          this help\n";

static int run(int argc, char **argv, const char *verb, const char *help, bool top)
{
    sl_cli_opts o;
    int rc = sl_cli_parse(&o, verb, help, argc, argv,
                          SL_CLI_FORMAT | SL_CLI_QUERY | (top ? 0 : SL_CLI_CLUSTER));
    if (rc >= 0)
        return rc;
    if (top && !o.query.period_days)
        o.query.period_days = 2;
    if (top && !o.query.limit)
        o.query.limit = 10;
    sl_engine *e = sl_engine_new();
    sl_index *x = sl_index_new(e, &o.index);
    size_t skipped = sl_cli_load(e, x, o.paths, o.npaths);
    sl_index_update(x);
    char *out = o.text ? sl_index_stories_text(x, &o.query) : sl_index_stories_json(x, &o.query);
    fputs(out, stdout);
    if (!o.text)
        fputc('\n', stdout);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
    sl_cli_opts_free(&o);
    return sl_cli_finish(skipped);
}

int sl_cli_stories(int argc, char **argv)
{
    return run(argc, argv, "stories", STORIES_HELP, false);
}

int sl_cli_top(int argc, char **argv)
{
    return run(argc, argv, "top", TOP_HELP, true);
}
