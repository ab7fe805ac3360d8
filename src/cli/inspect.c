/*
 * inspect.c -- `storyline inspect`: read, clean and describe each article.
 *
 * The first stage of the pipeline made visible: one JSON line per article
 * (the contract of DESIGN.md), or a short report per article for people.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *INSPECT_HELP =
    "usage: storyline inspect [--format json|text] PATH...\n"
    "\n"
    "Reads every article under PATH (files, folders recursively, - for stdin),\n"
    "cleans it (credits, captions and paragraphs repeated, share prompts,\n"
    "\"Related Story\" trailers...) and prints one JSON line per article with\n"
    "  id, title, url, site, date, date_precision, lang, lang_confidence,\n"
    "  text, paragraphs, dropped, entities, dates, invalid_bytes\n"
    "\n"
    "Formats: .txt (optional title line, optional ' date YYYY[-MM[-DD]]' marker,\n"
    "paragraphs at blank lines), .html/.htm, .jsonl (fields id, url, title, date,\n"
    "lang, source, text or html).  Other names are recognised by their content.\n"
    "\n"
    "options:\n"
    "  --format json|text  JSON lines (default) or a readable report\n"
    "  -h, --help          this help\n"
    "\n"
    "Bad inputs are reported on stderr as FILE[:LINE]: REASON and skipped;\n"
    "the exit status is then 1.\n";

int sl_cli_inspect(int argc, char **argv)
{
    sl_cli_opts o;
    int rc = sl_cli_parse(&o, "inspect", INSPECT_HELP, argc, argv, SL_CLI_FORMAT);
    if (rc >= 0)
        return rc;
    sl_engine *e = sl_engine_new();
    sl_reader *r = sl_reader_new(e, o.paths, o.npaths);
    sl_progress pr = {isatty(2) != 0, 0, 0};
    sl_article *a;
    while ((a = sl_cli_next(e, r))) {
        sl_article_prepare(e, a);
        char *out = o.text ? sl_article_text(a) : sl_article_json(a);
        fputs(out, stdout);
        fputc('\n', stdout);
        free(out);
        sl_article_free(a);
        sl_progress_tick(&pr);
    }
    sl_progress_end(&pr);
    size_t skipped = sl_reader_skipped(r);
    if (o.text)
        printf("%zu articles read%s", pr.n, skipped ? "" : "\n");
    if (o.text && skipped)
        printf(", %zu inputs skipped (see messages above)\n", skipped);
    sl_reader_free(r);
    sl_engine_free(e);
    sl_cli_opts_free(&o);
    return sl_cli_finish(skipped);
}
