/*
 * serve_load.c -- a load generator for `storyline serve`, on loopback.
 *
 *   build/bench/serve_load --port N [options]
 *
 * C connections (threads, keep-alive, blocking sockets) PUT articles of
 * about --size bytes at --rate PUT/s in all (0: as fast as they go) for
 * --seconds; meanwhile one more connection GETs --get-path --get-rate
 * times a second.  Prints, per kind, how many, how fast, and latency
 * percentiles.  A PUT's latency runs from the moment the schedule says it
 * is due (not from when it was sent), so a server that falls behind pays
 * for the queue it causes (no coordinated omission).
 *
 * Bodies: text lines from --articles FILE.jsonl (the "text" field of each
 * line, cycled, cut or repeated to --size) or, without it, made-up words.
 * Ids are --prefix plus a counter, so runs never collide.
 *
 * --acked FILE writes every acknowledged id (201/204), one a line, at the
 * end; with --stop-on-error a connection that fails ends its thread (the
 * crash test kills the server under this load: tests/cli/test_crash.sh).
 * Every loop is bounded by --seconds; nothing here talks to anything but
 * the given address (127.0.0.1 by default).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>

typedef struct {
    const char *host, *prefix, *get_path, *acked, *articles, *token;
    int port, conns, size;
    double seconds, rate, get_rate;
    bool stop_on_error, json_body;
} opts;

typedef struct {
    double *v;
    size_t n, cap;
} samples;

typedef struct {
    const opts *o;
    int k;                 /* thread number */
    char **bodies;         /* shared, read-only */
    size_t nbodies;
    double t0;
    samples lat;
    size_t sent, ok, errors, conn_errors;
    char **acked;
    size_t nacked, cacked;
    atomic_bool *stop;
} worker;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        abort();
    return p;
}

static void add_sample(samples *s, double v)
{
    if (s->n == s->cap)
        s->v = xrealloc(s->v, (s->cap = s->cap ? s->cap * 2 : 4096) * sizeof *s->v);
    s->v[s->n++] = v;
}

/* ---- HTTP over one socket ------------------------------------------------------------ */

static int dial(const opts *o)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
    inet_pton(AF_INET, o->host, &sa.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

static bool send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* Reads one response; returns its status, or -1 if the connection failed.
 * 'buf' holds what was read past it (none: one request at a time). */
static int read_response(int fd)
{
    char buf[65536];
    size_t n = 0;
    char *end = NULL;
    while (!end) {
        if (n == sizeof buf - 1)
            return -1;
        ssize_t k = recv(fd, buf + n, sizeof buf - 1 - n, 0);
        if (k <= 0)
            return -1;
        n += (size_t)k;
        buf[n] = 0;
        end = strstr(buf, "\r\n\r\n");
    }
    int status = atoi(buf + 9);
    const char *cl = strstr(buf, "\r\nContent-Length:");
    size_t want = cl && cl < end ? strtoull(cl + 17, NULL, 10) : 0, have = n - (size_t)(end + 4 - buf);
    while (have < want) {
        ssize_t k = recv(fd, buf, sizeof buf, 0);
        if (k <= 0)
            return -1;
        have += (size_t)k;
    }
    return status;
}

/* ---- bodies ------------------------------------------------------------------------------ */

static const char *WORDS[] = {
    "harbour", "council", "minister", "strike", "agreement", "talks", "weather", "market",
    "river", "election", "vote", "police", "report", "school", "workers", "union", "city",
    "north", "south", "record", "season", "team", "match", "price", "energy", "bridge",
    "storm", "court", "ruling", "budget", "tax", "health", "hospital", "train", "airport",
    "festival", "museum", "village", "mayor", "plan", "project", "study", "science", "space"};

static char *made_up(int size, unsigned seed)
{
    char *b = xrealloc(NULL, (size_t)size + 64);
    int n = snprintf(b, 64, "Report %u on the %s\n\n", seed, WORDS[seed % 44]);
    unsigned x = seed * 2654435761u + 1;
    while (n < size) {
        x = x * 1103515245u + 12345u;
        n += snprintf(b + n, 32, "%s%s", WORDS[(x >> 8) % 44], (x >> 20) % 11 ? " " : ". ");
    }
    b[size] = 0;
    return b;
}

/* Texts from a JSON lines file, each cut or repeated to 'size'. */
static char **load_articles(const char *path, int size, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    char **out = NULL, *line = NULL;
    size_t cap = 0, lcap = 0;
    *n = 0;
    while (getline(&line, &lcap, f) > 0) {
        cJSON *o = cJSON_Parse(line);
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "text");
        if (cJSON_IsString(t) && strlen(t->valuestring) > 200) {
            char *b = xrealloc(NULL, (size_t)size + 1);
            size_t len = strlen(t->valuestring), k = 0;
            while (k < (size_t)size) {
                size_t m = len < (size_t)size - k ? len : (size_t)size - k;
                memcpy(b + k, t->valuestring, m);
                k += m;
            }
            b[size] = 0;
            if (*n == cap)
                out = xrealloc(out, (cap = cap ? cap * 2 : 256) * sizeof *out);
            out[(*n)++] = b;
        }
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    return out;
}

/* ---- PUT threads --------------------------------------------------------------------------- */

static void note_acked(worker *w, const char *id)
{
    if (w->nacked == w->cacked)
        w->acked = xrealloc(w->acked, (w->cacked = w->cacked ? w->cacked * 2 : 1024) * sizeof *w->acked);
    w->acked[w->nacked++] = strdup(id);
}

/* One PUT; returns its status or -1. */
static int put_one(worker *w, int fd, size_t j, char *req, size_t cap)
{
    const opts *o = w->o;
    char id[128];
    snprintf(id, sizeof id, "%s%d-%zu", o->prefix, w->k, j);
    const char *body = w->bodies[(j * (size_t)o->conns + (size_t)w->k) % w->nbodies];
    size_t blen = strlen(body);
    char auth[300] = "";
    if (o->token)
        snprintf(auth, sizeof auth, "Authorization: Bearer %s\r\n", o->token);
    int h = snprintf(req, cap,
                     "PUT /articles/%s HTTP/1.1\r\nHost: %s\r\nContent-Type: text/plain\r\n"
                     "Cache-Control: max-age=86400\r\n%sContent-Length: %zu\r\n\r\n",
                     id, o->host, auth, blen);
    if (!send_all(fd, req, (size_t)h) || !send_all(fd, body, blen))
        return -1;
    int st = read_response(fd);
    if (st == 201 || st == 204)
        note_acked(w, id);
    return st;
}

/* Sleeps until 'due' (now_s() seconds) if it is still ahead. */
static void sleep_until(double due)
{
    double t = now_s();
    if (due > t) {
        struct timespec ts = {(time_t)(due - t), (long)((due - t - (double)(time_t)(due - t)) * 1e9)};
        nanosleep(&ts, NULL);
    }
}

/* Counts one request sent at 'start' that answered status st, 'ok' or not;
 * st < 0 is a connection error: *fd is closed (-1) and false returned. */
static bool tally(worker *w, int *fd, int st, double start, bool ok)
{
    w->sent++;
    if (st < 0) {
        w->conn_errors++;
        if (*fd >= 0)
            close(*fd);
        *fd = -1;
        return false;
    }
    add_sample(&w->lat, (now_s() - start) * 1000);
    if (ok)
        w->ok++;
    else
        w->errors++;
    return true;
}

static void *put_main(void *arg)
{
    worker *w = arg;
    const opts *o = w->o;
    char req[1024];
    int fd = dial(o);
    double per = o->rate > 0 ? o->conns / o->rate : 0;
    for (size_t j = 0; !atomic_load(w->stop); j++) {
        double due = w->t0 + (per > 0 ? (j + (double)w->k / o->conns) * per : 0), t = now_s();
        if (t - w->t0 >= o->seconds)
            break;
        sleep_until(due);
        double start = per > 0 ? due : now_s();
        int st = fd >= 0 ? put_one(w, fd, j, req, sizeof req) : -1;
        if (!tally(w, &fd, st, start, st == 201 || st == 204)) {
            if (o->stop_on_error)
                return NULL;
            fd = dial(o);
        }
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* ---- the GET thread ------------------------------------------------------------------------- */

static void *get_main(void *arg)
{
    worker *w = arg;
    const opts *o = w->o;
    char req[1024];
    int fd = dial(o);
    for (size_t j = 0;; j++) {
        double due = w->t0 + j / o->get_rate, t = now_s();
        if (t - w->t0 >= o->seconds || atomic_load(w->stop))
            break;
        sleep_until(due);
        int h = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", o->get_path, o->host);
        double start = now_s();
        int st = fd >= 0 && send_all(fd, req, (size_t)h) ? read_response(fd) : -1;
        if (!tally(w, &fd, st, start, st == 200))
            fd = dial(o);
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* ---- figures ------------------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(const samples *s, double q)
{
    if (!s->n)
        return 0;
    size_t i = (size_t)ceil(q * (double)s->n);
    return s->v[i ? i - 1 : 0];
}

static void report(const char *what, samples *s, size_t sent, size_t ok, size_t errors,
                   size_t conn_errors, double secs)
{
    qsort(s->v, s->n, sizeof *s->v, cmp_double);
    printf("%s: %zu sent, %zu ok, %zu refused, %zu connection errors in %.1f s = %.0f ok/s; "
           "latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f\n",
           what, sent, ok, errors, conn_errors, secs, ok / secs, pct(s, 0.5), pct(s, 0.9),
           pct(s, 0.99), s->n ? s->v[s->n - 1] : 0.0);
}

static void usage(void)
{
    fputs("usage: serve_load --port N [--host 127.0.0.1] [--seconds 10] [--rate PUTS_PER_S]\n"
          "         [--connections 32] [--size 3000] [--articles FILE.jsonl] [--prefix ID]\n"
          "         [--get-path /stories] [--get-rate N] [--acked FILE] [--stop-on-error]\n"
          "         [--token T]\n", stderr);
    exit(2);
}

static void parse(opts *o, int argc, char **argv)
{
    *o = (opts){"127.0.0.1", "load-", "/stories", NULL, NULL, NULL, 0, 32, 3000, 10, 0, 0,
                false, false};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--stop-on-error")) {
            o->stop_on_error = true;
            continue;
        }
        if (!v)
            usage();
        i++;
        if (!strcmp(a, "--port")) o->port = atoi(v);
        else if (!strcmp(a, "--host")) o->host = v;
        else if (!strcmp(a, "--seconds")) o->seconds = atof(v);
        else if (!strcmp(a, "--rate")) o->rate = atof(v);
        else if (!strcmp(a, "--connections")) o->conns = atoi(v);
        else if (!strcmp(a, "--size")) o->size = atoi(v);
        else if (!strcmp(a, "--articles")) o->articles = v;
        else if (!strcmp(a, "--prefix")) o->prefix = v;
        else if (!strcmp(a, "--get-path")) o->get_path = v;
        else if (!strcmp(a, "--get-rate")) o->get_rate = atof(v);
        else if (!strcmp(a, "--acked")) o->acked = v;
        else if (!strcmp(a, "--token")) o->token = v;
        else usage();
    }
    if (o->port <= 0 || o->conns < 0 || o->conns > 1000 || o->size < 100 || o->seconds <= 0 ||
        o->seconds > 3600)
        usage();
}

int main(int argc, char **argv)
{
    opts o;
    parse(&o, argc, argv);
    size_t nb = 0;
    char **bodies = o.articles ? load_articles(o.articles, o.size, &nb) : NULL;
    if (!bodies) {
        nb = 64;
        bodies = xrealloc(NULL, nb * sizeof *bodies);
        for (size_t i = 0; i < nb; i++)
            bodies[i] = made_up(o.size, (unsigned)i + 1);
    }
    atomic_bool stop = false;
    worker *ws = calloc((size_t)o.conns + 1, sizeof *ws);
    pthread_t *th = calloc((size_t)o.conns + 1, sizeof *th);
    double t0 = now_s();
    for (int k = 0; k <= o.conns; k++) {
        ws[k] = (worker){.o = &o, .k = k, .bodies = bodies, .nbodies = nb, .t0 = t0, .stop = &stop};
        if (k < o.conns)
            pthread_create(&th[k], NULL, put_main, &ws[k]);
        else if (k == o.conns && o.get_rate > 0)
            pthread_create(&th[k], NULL, get_main, &ws[k]);
    }
    samples all = {0};
    size_t sent = 0, ok = 0, err = 0, cerr = 0;
    FILE *acked = o.acked ? fopen(o.acked, "w") : NULL;
    for (int k = 0; k < o.conns; k++) {
        pthread_join(th[k], NULL);
        for (size_t i = 0; i < ws[k].lat.n; i++)
            add_sample(&all, ws[k].lat.v[i]);
        sent += ws[k].sent, ok += ws[k].ok, err += ws[k].errors, cerr += ws[k].conn_errors;
        for (size_t i = 0; i < ws[k].nacked; i++) {
            if (acked)
                fprintf(acked, "%s\n", ws[k].acked[i]);
            free(ws[k].acked[i]);
        }
        free(ws[k].acked);
        free(ws[k].lat.v);
    }
    double secs = now_s() - t0;
    if (acked)
        fclose(acked);
    report("put", &all, sent, ok, err, cerr, secs);
    if (o.get_rate > 0) {
        pthread_join(th[o.conns], NULL);
        worker *g = &ws[o.conns];
        char what[300];
        snprintf(what, sizeof what, "get %s", o.get_path);
        report(what, &g->lat, g->sent, g->ok, g->errors, g->conn_errors, secs);
        free(g->lat.v);
    }
    for (size_t i = 0; i < nb; i++)
        free(bodies[i]);
    free(bodies);
    free(all.v);
    free(ws);
    free(th);
    return 0;
}
