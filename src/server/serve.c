/*
 * serve.c -- sl_serve(): the service from start to a clean stop.
 *
 *   check options (beyond loopback, writes need a token: refuse to start
 *   without one) -> block SIGINT/SIGTERM (every thread made later inherits
 *   the mask, so only sigwait() here sees them) -> open the store, start
 *   the store thread and the worker (which restores the index; the API
 *   answers 503 meanwhile) -> listen -> wait for a signal -> stop
 *   listening, answer the writes in flight, save the index's state.
 *
 * No signal handler and no global: the main thread simply waits.
 * Tests: tests/cli/test_serve.sh.
 */
#include "server.h"
#include "http.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether addr is a loopback address (127.0.0.0/8, ::1, localhost). */
static bool loopback(const char *addr)
{
    struct in_addr v4;
    struct in6_addr v6;
    if (!strcmp(addr, "localhost"))
        return true;
    if (inet_pton(AF_INET, addr, &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    return inet_pton(AF_INET6, addr, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

/* The token in file 'path' (white space around it cut), or NULL with a
 * message.  Caller frees with free(). */
static char *read_token(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "storyline serve: --token-file %s: cannot be read\n", path);
        return NULL;
    }
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *s = buf, *e = buf + n;
    while (*s && isspace((unsigned char)*s))
        s++;
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    if (e - s < 8) {
        fprintf(stderr, "storyline serve: --token-file %s: the token needs 8 characters or more\n",
                path);
        return NULL;
    }
    return sl_xstrdup(s);
}

static void wait_for_signal(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    int sig = 0;
    sigwait(&set, &sig);
}

sl_status sl_serve(const sl_serve_options *o)
{
    const char *listen = o->listen ? o->listen : "127.0.0.1";
    if (!loopback(listen) && !o->token_file) {
        fprintf(stderr, "storyline serve: listening on %s (beyond loopback) needs --token-file: "
                        "writes must carry a token\n", listen);
        return SL_EUSAGE;
    }
    char *token = o->token_file ? read_token(o->token_file) : NULL;
    if (o->token_file && !token)
        return SL_EUSAGE;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    sl_srv_config cfg = {(char *)(o->db ? o->db : "storyline.db"), o->max_body, 0, 0, o->quiet, 10};
    char err[1024];
    sl_srv *s = sl_srv_new(&cfg, err, sizeof err);
    if (!s) {
        fprintf(stderr, "storyline serve: %s\n", err);
        free(token);
        return SL_EIO;
    }
    s->token = token;
    sl_srv_http_opts ho = {listen, o->port, o->max_connections ? o->max_connections : 1024,
                           o->timeout ? o->timeout : 30, o->threads ? o->threads : 2,
                           o->max_header ? o->max_header : 32 * 1024, o->quiet != 0};
    sl_srv_http *h = sl_srv_http_start(s, &ho, err, sizeof err);
    if (!h) {
        fprintf(stderr, "storyline serve: %s\n", err);
        sl_srv_free(s);
        return SL_EIO;
    }
    fprintf(stderr, "storyline serve: listening on http://%s%s%s:%u/ (store %s)\n",
            strchr(listen, ':') ? "[" : "", listen, strchr(listen, ':') ? "]" : "",
            sl_srv_http_port(h), cfg.db);
    wait_for_signal();
    if (!o->quiet)
        fprintf(stderr, "storyline serve: stopping\n");
    sl_srv_http_stop(h);
    sl_srv_free(s);
    return SL_OK;
}
