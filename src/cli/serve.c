/*
 * serve.c -- `storyline serve`: the HTTP API and the web page over a store.
 *
 * Parses the options into sl_serve_options and runs sl_serve() until
 * SIGINT or SIGTERM.  Everything else lives in src/server/.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *SERVE_HELP =
    "usage: storyline serve [OPTIONS]\n"
    "\n"
    "Serves the HTTP API and the web page over the store: articles come in by\n"
    "PUT and are acknowledged once durable; events and stories are answered\n"
    "as JSON; http://ADDRESS:PORT/ is the page.  Stops on SIGINT or SIGTERM.\n"
    "\n"
    "routes:\n"
    "  PUT|GET|DELETE /articles/ID   an article (text, HTML or JSON body;\n"
    "                                Cache-Control: max-age=SECONDS expires it)\n"
    "  GET /events   GET /stories    ?period=SECONDS&lang=xx&limit=N\n"
    "  GET /stories/ID  GET /similar/ID[?with=ID]  GET /search?q=WORDS\n"
    "  GET /health   GET /metrics\n"
    "  PUT|DELETE /NAME, GET /threads?period=&lang_code=&category=any\n"
    "                                the Telegram contest's round-2 API\n"
    "\n"
    "options:\n"
    "  --db PATH           the store (default storyline.db; made if absent)\n"
    "  --listen ADDR       the address to bind (default 127.0.0.1)\n"
    "  --port N            the port (default 8080; 0 picks a free one)\n"
    "  --token-file F      writes need 'Authorization: Bearer TOKEN' with the\n"
    "                      token in F; required beyond loopback\n"
    "  --max-body BYTES    largest body (default 16 MB; more -> 413)\n"
    "  --max-connections N connections at once (default 1024)\n"
    "  --timeout SECONDS   close a connection idle this long (default 30)\n"
    "  --threads N         HTTP threads (default 2)\n"
    "  --quiet             only errors on stderr\n"
    "  -h, --help          this help\n"
    "\n"
    "exit status: 0 stopped by a signal, 1 the store or the address could\n"
    "not be opened, 2 usage error.\n";

/* The number in v, within [lo, hi]; false (with a message) if it is not. */
static bool num(const char *opt, const char *v, double lo, double hi, double *out)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end || d < lo || d > hi) {
        fprintf(stderr, "storyline serve: %s takes a number from %.0f to %.0f, not '%s'\n", opt,
                lo, hi, v);
        return false;
    }
    *out = d;
    return true;
}

/* Sets the option at argv[*i] in o; returns false on a usage error. */
static bool option(sl_serve_options *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (!strcmp(a, "--quiet")) {
        o->quiet = 1;
        return true;
    }
    static const char *const TAKES[] = {"--db", "--listen", "--port", "--token-file",
                                        "--max-body", "--max-connections", "--timeout",
                                        "--threads", NULL};
    int k = 0;
    while (TAKES[k] && strcmp(a, TAKES[k]))
        k++;
    if (!TAKES[k]) {
        fprintf(stderr, "storyline serve: unknown option '%s' (see --help)\n", a);
        return false;
    }
    if (*i + 1 >= argc) {
        fprintf(stderr, "storyline serve: %s needs a value (see --help)\n", a);
        return false;
    }
    const char *v = argv[++*i];
    double d = 0;
    switch (k) {
    case 0: o->db = v; return true;
    case 1: o->listen = v; return true;
    case 2: return num(a, v, 0, 65535, &d) && (o->port = (unsigned)d, true);
    case 3: o->token_file = v; return true;
    case 4: return num(a, v, 1024, 1 << 30, &d) && (o->max_body = (size_t)d, true);
    case 5: return num(a, v, 1, 100000, &d) && (o->max_connections = (unsigned)d, true);
    case 6: return num(a, v, 1, 3600, &d) && (o->timeout = (unsigned)d, true);
    default: return num(a, v, 1, 64, &d) && (o->threads = (unsigned)d, true);
    }
}

int sl_cli_serve(int argc, char **argv)
{
    sl_serve_options o = {0};
    o.port = 8080;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(SERVE_HELP, stdout);
            return 0;
        }
        if (!option(&o, argc, argv, &i))
            return SL_EXIT_USAGE;
    }
    sl_status st = sl_serve(&o);
    return st == SL_OK ? 0 : st == SL_EUSAGE ? SL_EXIT_USAGE : 1;
}
