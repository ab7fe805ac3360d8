/*
 * common.c -- what the verbs share: their options, reading the input into
 * an index, and the exit status.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The value of option 'name' at argv[*i] ("--name V" or "--name=V"), or
 * NULL if argv[*i] is not that option.  *missing is set when the value is
 * absent. */
static const char *opt_value(const char *name, int argc, char **argv, int *i, bool *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return "";
    }
    return argv[++*i];
}

static bool parse_num(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

int sl_cli_parse(sl_cli_opts *o, const char *verb, const char *help, int argc,
                 char **argv, int which)
{
    memset(o, 0, sizeof *o);
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    if (!o->paths)
        abort();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        double num;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(help, stdout);
            sl_cli_opts_free(o);
            return 0;
        } else if ((which & SL_CLI_FORMAT) && (v = opt_value("--format", argc, argv, &i, &missing))) {
            if (strcmp(v, "json") && strcmp(v, "text")) {
                fprintf(stderr, "storyline %s: --format takes json or text, not '%s'\n", verb, v);
                goto usage;
            }
            o->text = !strcmp(v, "text");
        } else if ((which & SL_CLI_CLUSTER) && (v = opt_value("--threshold", argc, argv, &i, &missing))) {
            if (!parse_num(v, 0.001, 0.999, &num)) {
                fprintf(stderr, "storyline %s: --threshold takes a number between 0 and 1, not '%s'\n", verb, v);
                goto usage;
            }
            o->index.event_threshold = num;
        } else if ((which & SL_CLI_CLUSTER) && (v = opt_value("--window", argc, argv, &i, &missing))) {
            if (!parse_num(v, 1, 3650, &num)) {
                fprintf(stderr, "storyline %s: --window takes a number of days (1..3650), not '%s'\n", verb, v);
                goto usage;
            }
            o->index.window_days = (int)num;
        } else if ((which & SL_CLI_QUERY) && (v = opt_value("--lang", argc, argv, &i, &missing))) {
            o->query.lang = v;
        } else if ((which & SL_CLI_QUERY) && (v = opt_value("--limit", argc, argv, &i, &missing))) {
            if (!parse_num(v, 1, 1e9, &num)) {
                fprintf(stderr, "storyline %s: --limit takes a positive number, not '%s'\n", verb, v);
                goto usage;
            }
            o->query.limit = (size_t)num;
        } else if ((which & SL_CLI_QUERY) && (v = opt_value("--period", argc, argv, &i, &missing))) {
            if (!parse_num(v, 1, 36500, &num)) {
                fprintf(stderr, "storyline %s: --period takes a number of days, not '%s'\n", verb, v);
                goto usage;
            }
            o->query.period_days = (int)num;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "storyline %s: unknown option '%s' (see --help)\n", verb, a);
            goto usage;
        } else {
            o->paths[o->npaths++] = a;
        }
        if (missing) {
            fprintf(stderr, "storyline %s: %s needs a value (see --help)\n", verb, a);
            goto usage;
        }
    }
    if (o->npaths == 0) {
        fprintf(stderr, "storyline %s: no PATH given (see --help)\n", verb);
        goto usage;
    }
    return -1;
usage:
    sl_cli_opts_free(o);
    return SL_EXIT_USAGE;
}

void sl_cli_opts_free(sl_cli_opts *o)
{
    free(o->paths);
    o->paths = NULL;
}

sl_article *sl_cli_next(sl_engine *e, sl_reader *r)
{
    sl_article *a;
    sl_status st;
    while ((st = sl_reader_next(r, &a)) != SL_DONE) {
        if (st == SL_OK)
            return a;
        fprintf(stderr, "storyline: %s\n", sl_engine_error(e));
    }
    return NULL;
}

size_t sl_cli_load(sl_engine *e, sl_index *x, const char *const *paths, size_t n)
{
    sl_reader *r = sl_reader_new(e, paths, n);
    sl_progress pr = {isatty(2) != 0, 0, 0};
    sl_article *a;
    size_t bad = 0;
    while ((a = sl_cli_next(e, r))) {
        if (sl_index_add(x, a) == SL_OK) {
            sl_progress_tick(&pr);
            continue;
        }
        fprintf(stderr, "storyline: %s\n", sl_engine_error(e));
        bad++; /* an article the index refused */
    }
    sl_progress_end(&pr);
    bad += sl_reader_skipped(r);
    sl_reader_free(r);
    return bad;
}

int sl_cli_finish(size_t skipped)
{
    if (fflush(stdout) != 0) {
        perror("storyline: stdout");
        return EXIT_FAILURE;
    }
    return skipped ? SL_EXIT_SKIPPED : 0;
}

int sl_cli_list(sl_cli_opts *o, sl_cli_lister json, sl_cli_lister text)
{
    sl_engine *e = sl_engine_new();
    sl_index *x = sl_index_new(e, &o->index);
    size_t skipped = sl_cli_load(e, x, o->paths, o->npaths);
    sl_index_update(x);
    char *out = o->text ? text(x, &o->query) : json(x, &o->query);
    fputs(out, stdout);
    if (!o->text)
        fputc('\n', stdout);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
    sl_cli_opts_free(o);
    return sl_cli_finish(skipped);
}
