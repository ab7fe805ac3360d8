/*
 * http.h -- the HTTP front of the service (http.c, libmicrohttpd).  Kept
 * apart from server.h so that routes, tests and the fuzzer need no
 * libmicrohttpd.
 */
#ifndef SL_SERVER_HTTP_H
#define SL_SERVER_HTTP_H

#include "server.h"

typedef struct {
    const char *listen;       /* an IPv4 or IPv6 address, or "localhost" */
    unsigned port;            /* 0: any free port (sl_srv_http_port() tells) */
    unsigned max_connections; /* connections at once */
    unsigned timeout_s;       /* a connection idle this long is closed */
    unsigned threads;         /* epoll threads */
    size_t max_header;        /* bytes of headers -> 431 beyond */
    bool quiet;               /* no libmicrohttpd messages */
} sl_srv_http_opts;

typedef struct sl_srv_http sl_srv_http;

/* Starts serving s (borrowed: it must outlive the daemon).  NULL, with the
 * reason in err, if the address or port cannot be had.  Stop and free
 * with sl_srv_http_stop(), which lets every write in flight finish. */
sl_srv_http *sl_srv_http_start(sl_srv *s, const sl_srv_http_opts *o, char *err, size_t errlen);
unsigned sl_srv_http_port(const sl_srv_http *h);
void sl_srv_http_stop(sl_srv_http *h);

#endif
