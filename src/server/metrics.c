/*
 * metrics.c -- counts and latencies of the requests, for GET /metrics.
 *
 * Each kind of request has a histogram of latencies in buckets 12% apart
 * (10 us to about 18 s), counted with relaxed atomics: a request thread
 * never takes a lock to be counted, and a percentile read while requests
 * run is off by at most a few requests.  Percentiles are the upper edge of
 * the bucket they fall in, so they overstate by at most 12%.
 * Tests: tests/cli/test_serve.sh (GET /metrics).
 */
#include "server.h"

#include <math.h>

static const char *NAMES[SL_SRV_R_N] = {
    [SL_SRV_R_PUT] = "put", [SL_SRV_R_DELETE] = "delete", [SL_SRV_R_STORIES] = "stories",
    [SL_SRV_R_STORY] = "story", [SL_SRV_R_EVENTS] = "events", [SL_SRV_R_THREADS] = "threads",
    [SL_SRV_R_ARTICLE] = "article", [SL_SRV_R_SEARCH] = "search",
    [SL_SRV_R_SIMILAR] = "similar", [SL_SRV_R_PAGE] = "page", [SL_SRV_R_OTHER] = "other",
    [SL_SRV_R_W_CHECK] = "check", [SL_SRV_R_W_QUEUE] = "queue",
    [SL_SRV_R_W_COMMIT] = "commit", [SL_SRV_R_W_ANSWER] = "answer",
    [SL_SRV_R_T_WRITES] = "writes", [SL_SRV_R_T_NOTES] = "notes",
    [SL_SRV_R_T_EXPIRE] = "expire", [SL_SRV_R_T_SYNC] = "sync",
};

const char *sl_srv_route_name(sl_srv_route r) { return NAMES[r]; }

static const double BASE_US = 10.0, GROWTH = 1.12;

static int bucket_of(int64_t us)
{
    if (us <= BASE_US)
        return 0;
    int b = (int)ceil(log((double)us / BASE_US) / log(GROWTH));
    return b >= SL_SRV_BUCKETS ? SL_SRV_BUCKETS - 1 : b;
}

static double bucket_ms(int b) { return BASE_US * pow(GROWTH, b) / 1000.0; }

void sl_srv_metrics_note(sl_srv_metrics *m, sl_srv_route r, int64_t us, int status)
{
    atomic_fetch_add_explicit(&m->count[r], 1, memory_order_relaxed);
    if (status >= 400)
        atomic_fetch_add_explicit(&m->errors[r], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->hist[r][bucket_of(us)], 1, memory_order_relaxed);
}

/* The latency (ms) under which a fraction q of the n requests fell. */
static double quantile(const sl_srv_metrics *m, sl_srv_route r, unsigned long long n, double q)
{
    unsigned long long want = (unsigned long long)ceil(q * (double)n), seen = 0;
    for (int b = 0; b < SL_SRV_BUCKETS; b++) {
        seen += atomic_load_explicit(&m->hist[r][b], memory_order_relaxed);
        if (seen >= want && seen)
            return bucket_ms(b);
    }
    return bucket_ms(SL_SRV_BUCKETS - 1);
}

void sl_srv_metrics_json(const sl_srv_metrics *m, sl_srv_route from, sl_srv_route to, sl_buf *b)
{
    int first = 1;
    for (int r = from; r < (int)to; r++) {
        unsigned long long n = atomic_load_explicit(&m->count[r], memory_order_relaxed);
        if (!n)
            continue;
        double max = 0;
        for (int k = SL_SRV_BUCKETS - 1; k >= 0; k--)
            if (atomic_load_explicit(&m->hist[r][k], memory_order_relaxed)) {
                max = bucket_ms(k);
                break;
            }
        sl_buf_printf(b, "%s\"%s\":{\"count\":%llu,\"errors\":%llu,\"p50_ms\":%.3f,"
                         "\"p99_ms\":%.3f,\"max_ms\":%.3f}",
                      first ? "" : ",", NAMES[r], n,
                      atomic_load_explicit(&m->errors[r], memory_order_relaxed),
                      quantile(m, (sl_srv_route)r, n, 0.5), quantile(m, (sl_srv_route)r, n, 0.99),
                      max);
        first = 0;
    }
}
