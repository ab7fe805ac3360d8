/*
 * fuzz_request.c -- libFuzzer target for the HTTP API's request path,
 * without sockets: the input becomes one request that goes through
 * sl_srv_route_request() (routes.c) on a real server (a store in a temp
 * folder, its store thread and worker), and every answer must be a
 * well-formed status with a body.
 *
 * The first bytes choose: byte 0 the method, byte 1 the route, byte 2 the
 * Content-Type (JSON, HTML, text, none), byte 3 flags (a Cache-Control
 * header; whether a PUT is really committed, which costs an fsync, so
 * only 1 in 8).  Then a line: the path's id or the query's value.  The
 * rest is the body.  Build: make fuzz.
 */
#include "server/server.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    const char *ctype, *cache, *value;
} fuzz_req;

static const char *arg_of(void *cls, const char *name)
{
    const fuzz_req *f = cls;
    return !strcmp(name, "category") ? "any" : f->value; /* every argument gets the value */
}

static const char *header_of(void *cls, const char *name)
{
    const fuzz_req *f = cls;
    if (!strcmp(name, "Content-Type"))
        return f->ctype;
    if (!strcmp(name, "Cache-Control"))
        return f->cache;
    return NULL;
}

static char dir[] = "/tmp/sl_fuzz_request.XXXXXX", db[64];

/* At exit: the store's files and folder go (the server's threads are
 * still running, so the files are unlinked, not closed). */
static void remove_store(void)
{
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[80];
        snprintf(p, sizeof p, "%s%s", db, ext[i]);
        unlink(p);
    }
    rmdir(dir);
}

/* The server lives for the whole run: it is what a request meets. */
static sl_srv *server(void)
{
    static sl_srv *s;
    if (s)
        return s;
    char err[512];
    if (!mkdtemp(dir))
        abort();
    snprintf(db, sizeof db, "%s/fuzz.db", dir);
    atexit(remove_store);
    sl_srv_config cfg = {db, 0, 100, 30, true, 0};
    s = sl_srv_new(&cfg, err, sizeof err);
    if (!s) {
        fprintf(stderr, "fuzz_request: %s\n", err);
        abort();
    }
    while (!atomic_load(&s->ready)) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    return s;
}

static const char *METHODS[] = {"GET", "PUT", "DELETE", "POST", "HEAD"};
static const char *ROUTES[] = {"/articles/", "/", "/stories/", "/similar/", "/stories",
                               "/events", "/threads", "/search", "/health", "/metrics"};
static const char *CTYPES[] = {"application/json", "text/html; charset=utf-8", "text/plain", NULL};

static void check(const sl_srv_resp *r)
{
    if (r->status < 200 || r->status > 599)
        abort();
    if (r->status >= 400 && (!r->blob || r->blob->len < 10 || memcmp(r->blob->data, "{\"error\":", 9)))
        abort(); /* every error is {"error": ...} */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    sl_srv *s = server();
    const char *p = (const char *)data + 4, *end = (const char *)data + size;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    char *value = strndup(p, nl ? (size_t)(nl - p) : 0);
    const char *body = nl ? nl + 1 : p;
    char path[512];
    const char *route = ROUTES[data[1] % 10];
    snprintf(path, sizeof path, "%s%s", route, route[strlen(route) - 1] == '/' ? value : "");
    fuzz_req f = {CTYPES[data[2] % 4], data[3] & 1 ? "max-age=3600" : NULL, value};
    sl_srv_req q = {METHODS[data[0] % 5], path, arg_of, header_of, &f, body, (size_t)(end - body)};
    sl_srv_resp r;
    sl_srv_route_request(s, &q, &r);
    if (r.ticket && (data[3] & 0x0e) == 0) { /* 1 in 8 writes go all the way */
        sl_srv_submit_wait(s, r.ticket);
        sl_srv_resp w = {0};
        sl_srv_write_reply(r.ticket, &w);
        check(&w);
        sl_srv_resp_free(&w);
    } else if (!r.ticket) {
        check(&r);
    }
    sl_srv_resp_free(&r);
    free(value);
    return 0;
}
