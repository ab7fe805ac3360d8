/*
 * http.c -- libmicrohttpd carries requests to routes.c and answers back.
 *
 * A small pool of epoll threads serves every connection; none of them
 * ever waits.  A write is parsed and checked here, handed to the store
 * thread as a ticket, and its connection suspended; when the ticket's
 * transaction is durable the store thread resumes the connection and the
 * answer goes out.  So a thousand PUTs in flight cost a thousand
 * suspended connections, not a thousand threads, and a GET is never
 * queued behind a write.
 *
 * Limits (each answered with a JSON error before the body is read when
 * the headers already tell): body larger than max_body -> 413, headers
 * larger than max_header -> 431, at most max_connections at once (more
 * are refused at accept), a connection idle for timeout seconds is
 * closed, a body still arriving after 4 x timeout -> 408.  libmicrohttpd
 * answers by itself (not in JSON) only what never reaches the handler:
 * a request line or headers past its 64 KB buffer, or broken HTTP.
 * Tests: tests/cli/test_serve.sh.
 */
#include "server.h"
#include "http.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sl_srv_http {
    struct MHD_Daemon *d;
    sl_srv *s;
    sl_srv_http_opts o;
    unsigned port;
};

/* One request, from its first call to its completion. */
typedef struct {
    sl_srv_http *h;
    struct MHD_Connection *c;
    int64_t t0;
    sl_buf body;
    sl_srv_ticket *t; /* a write in flight, or done when resumed */
    int status;
    sl_srv_route route;
    bool answered;
} request;

/* ---- answering ---------------------------------------------------------------------- */

static void unref_blob(void *cls) { sl_srv_blob_unref(cls); }

static enum MHD_Result send_resp(request *rq, sl_srv_resp *r)
{
    struct MHD_Response *m;
    if (r->blob) {
        m = MHD_create_response_from_buffer_with_free_callback_cls(r->blob->len, r->blob->data,
                                                                   unref_blob, r->blob);
        r->blob = NULL; /* the response holds the reference now */
    } else {
        m = MHD_create_response_from_buffer(r->static_len, (void *)(r->static_body ? r->static_body : ""),
                                            MHD_RESPMEM_PERSISTENT);
    }
    if (!m)
        return MHD_NO;
    if (r->ctype && r->status != 204)
        MHD_add_response_header(m, "Content-Type", r->ctype);
    if (r->allow)
        MHD_add_response_header(m, "Allow", r->allow);
    MHD_add_response_header(m, "Cache-Control", r->cache_control ? r->cache_control : "no-store");
    MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(m, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    enum MHD_Result ok = MHD_queue_response(rq->c, (unsigned)r->status, m);
    MHD_destroy_response(m);
    rq->status = r->status;
    rq->route = r->route;
    rq->answered = true;
    sl_srv_resp_free(r);
    return ok;
}

static enum MHD_Result send_error(request *rq, int status, const char *msg, sl_srv_route route)
{
    sl_srv_resp r = {0};
    r.route = route;
    sl_srv_error(&r, status, "%s", msg);
    return send_resp(rq, &r);
}

/* ---- looking things up for routes.c --------------------------------------------------- */

static const char *arg_of(void *cls, const char *name)
{
    return MHD_lookup_connection_value(cls, MHD_GET_ARGUMENT_KIND, name);
}

static const char *header_of(void *cls, const char *name)
{
    return MHD_lookup_connection_value(cls, MHD_HEADER_KIND, name);
}

static enum MHD_Result add_size(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
    (void)kind;
    *(size_t *)cls += strlen(k) + (v ? strlen(v) : 0) + 4;
    return MHD_YES;
}

/* The answer to give before reading any body (0: none). */
static int refuse_early(request *rq, const char *method, char *msg, size_t n)
{
    sl_srv_http *h = rq->h;
    size_t hsize = 0;
    MHD_get_connection_values(rq->c, MHD_HEADER_KIND, add_size, &hsize);
    if (hsize > h->o.max_header) {
        snprintf(msg, n, "the headers are larger than %zu bytes", h->o.max_header);
        return 431;
    }
    const char *cl = header_of(rq->c, "Content-Length");
    if (cl && strtoull(cl, NULL, 10) > h->s->cfg.max_body) {
        snprintf(msg, n, "the body is larger than %zu bytes", h->s->cfg.max_body);
        return 413;
    }
    if (strcmp(method, "PUT") && strcmp(method, "POST") && cl && strtoull(cl, NULL, 10) > 0) {
        snprintf(msg, n, "%s takes no body", method);
        return 400;
    }
    return 0;
}

/* ---- the handler ------------------------------------------------------------------------ */

static void on_done(sl_srv_ticket *t, void *cls)
{
    (void)t;
    request *rq = cls;
    MHD_resume_connection(rq->c); /* rq and t belong to the connection again */
}

/* The whole request is in: route it, and answer or submit its write. */
static enum MHD_Result dispatch(request *rq, const char *url, const char *method)
{
    sl_srv_req q = {method, url, arg_of, header_of, rq->c, rq->body.s, rq->body.len};
    sl_srv_resp r;
    sl_srv_route_request(rq->h->s, &q, &r);
    if (!r.ticket)
        return send_resp(rq, &r);
    rq->t = r.ticket;
    rq->t->done = on_done;
    rq->t->cls = rq;
    free(rq->body.s);
    rq->body = (sl_buf){0};
    MHD_suspend_connection(rq->c);
    sl_srv_submit(rq->h->s, rq->t);
    return MHD_YES;
}

static enum MHD_Result upload(request *rq, const char *data, size_t *size)
{
    sl_srv_http *h = rq->h;
    size_t n = *size;
    *size = 0;
    if (rq->answered)
        return MHD_YES; /* discarding what follows an early answer */
    if (rq->body.len + n > h->s->cfg.max_body) {
        free(rq->body.s);
        rq->body = (sl_buf){0};
        char msg[96];
        snprintf(msg, sizeof msg, "the body is larger than %zu bytes", h->s->cfg.max_body);
        return send_error(rq, 413, msg, SL_SRV_R_PUT);
    }
    if (sl_srv_now_us() - rq->t0 > (int64_t)h->o.timeout_s * 4 * 1000000)
        return send_error(rq, 408, "the body took too long to arrive", SL_SRV_R_PUT);
    sl_buf_put(&rq->body, data, n);
    return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
    (void)version;
    request *rq = *con_cls;
    if (!rq) {
        rq = sl_xcalloc(1, sizeof *rq);
        rq->h = cls;
        rq->c = c;
        rq->t0 = sl_srv_now_us();
        rq->route = SL_SRV_R_OTHER;
        *con_cls = rq;
        char msg[128];
        int st = refuse_early(rq, method, msg, sizeof msg);
        return st ? send_error(rq, st, msg, SL_SRV_R_OTHER) : MHD_YES;
    }
    if (*size)
        return upload(rq, data, size);
    if (rq->answered)
        return MHD_YES;
    if (rq->t) { /* resumed: the write is durable (or failed) */
        const sl_srv_ticket *t = rq->t;
        sl_srv_metrics *m = &rq->h->s->m;
        sl_srv_metrics_note(m, SL_SRV_R_W_CHECK, t->queued_us - rq->t0, 0);
        sl_srv_metrics_note(m, SL_SRV_R_W_QUEUE, t->taken_us - t->queued_us, 0);
        sl_srv_metrics_note(m, SL_SRV_R_W_COMMIT, t->durable_us - t->taken_us, 0);
        sl_srv_metrics_note(m, SL_SRV_R_W_ANSWER, sl_srv_now_us() - t->durable_us, 0);
        sl_srv_resp r = {0};
        sl_srv_write_reply(rq->t, &r);
        sl_srv_ticket_free(rq->t);
        rq->t = NULL;
        return send_resp(rq, &r);
    }
    return dispatch(rq, url, method);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode why)
{
    (void)c;
    (void)why;
    sl_srv_http *h = cls;
    request *rq = *con_cls;
    if (!rq)
        return;
    if (rq->answered)
        sl_srv_metrics_note(&h->s->m, rq->route, sl_srv_now_us() - rq->t0, rq->status);
    free(rq->body.s);
    sl_srv_ticket_free(rq->t);
    free(rq);
    *con_cls = NULL;
}

/* ---- the daemon -------------------------------------------------------------------------- */

static void log_msg(void *cls, const char *fmt, va_list ap)
{
    const sl_srv_http *h = cls;
    if (!h->o.quiet) {
        fputs("storyline serve: ", stderr);
        vfprintf(stderr, fmt, ap);
    }
}

sl_srv_http *sl_srv_http_start(sl_srv *s, const sl_srv_http_opts *o, char *err, size_t errlen)
{
    struct sockaddr_storage sa;
    memset(&sa, 0, sizeof sa);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&sa;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ERROR_LOG;
    const char *addr = !strcmp(o->listen, "localhost") ? "127.0.0.1" : o->listen;
    if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)o->port);
    } else if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)o->port);
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, errlen, "--listen takes an IP address (such as 127.0.0.1), not '%s'", o->listen);
        return NULL;
    }
    sl_srv_http *h = sl_xcalloc(1, sizeof *h);
    h->s = s;
    h->o = *o;
    h->d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, handle, h, MHD_OPTION_EXTERNAL_LOGGER, log_msg, h,
        MHD_OPTION_SOCK_ADDR, &sa,
        MHD_OPTION_THREAD_POOL_SIZE, o->threads, MHD_OPTION_CONNECTION_LIMIT, o->max_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)64 * 1024, MHD_OPTION_NOTIFY_COMPLETED, completed, h,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, MHD_OPTION_END);
    if (!h->d) {
        snprintf(err, errlen, "cannot listen on %s port %u (in use, or not an address of this machine)",
                 o->listen, o->port);
        free(h);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = info ? info->port : o->port;
    return h;
}

unsigned sl_srv_http_port(const sl_srv_http *h) { return h->port; }

void sl_srv_http_stop(sl_srv_http *h)
{
    if (!h)
        return;
    MHD_quiesce_daemon(h->d); /* no new connections */
    sl_srv_drain_writes(h->s); /* every suspended write resumes */
    MHD_stop_daemon(h->d);
    free(h);
}
