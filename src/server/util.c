/*
 * util.c -- the service's small tools: a monotonic clock and shared
 * immutable answers (blobs); allocation and buffers are core's.
 *
 * A blob is freed by whoever drops its last reference: the cache when an
 * answer is replaced, or the HTTP layer when the last response that sends
 * it is gone, so a refresh never waits for slow readers.
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

char *sl_srv_memdup(const void *p, size_t n)
{
    char *d = sl_xmalloc(n + 1);
    if (n)
        memcpy(d, p, n);
    d[n] = 0;
    return d;
}

int64_t sl_srv_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ---- blobs --------------------------------------------------------------------- */

sl_srv_blob *sl_srv_blob_new(char *data, size_t len)
{
    sl_srv_blob *b = sl_xcalloc(1, sizeof *b);
    atomic_init(&b->refs, 1);
    b->data = data;
    b->len = len;
    return b;
}

sl_srv_blob *sl_srv_blob_ref(sl_srv_blob *b)
{
    atomic_fetch_add(&b->refs, 1);
    return b;
}

void sl_srv_blob_unref(sl_srv_blob *b)
{
    if (b && atomic_fetch_sub(&b->refs, 1) == 1) {
        free(b->data);
        free(b);
    }
}
