/*
 * util.c -- the service's small tools: allocation that aborts on OOM,
 * growing strings with JSON escaping, a monotonic clock and shared
 * immutable answers (blobs).
 *
 * The service sees only storyline.h, so it cannot borrow the library's
 * internal buffers; these are the few it needs.  A blob is freed by
 * whoever drops its last reference: the cache when an answer is replaced,
 * or the HTTP layer when the last response that sends it is gone, so a
 * refresh never waits for slow readers.
 */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *check(void *p)
{
    if (!p) {
        fputs("storyline: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *sl_srv_alloc(size_t n) { return check(calloc(1, n ? n : 1)); }
void *sl_srv_realloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }
char *sl_srv_strdup(const char *s) { return check(strdup(s)); }
char *sl_srv_strndup(const char *s, size_t n) { return check(strndup(s, n)); }

char *sl_srv_memdup(const void *p, size_t n)
{
    char *d = check(malloc(n + 1));
    if (n)
        memcpy(d, p, n);
    d[n] = 0;
    return d;
}

/* ---- buffers ------------------------------------------------------------------ */

static void reserve(sl_srv_buf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    b->s = sl_srv_realloc(b->s, cap);
    b->cap = cap;
}

void sl_srv_put(sl_srv_buf *b, const void *p, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}

void sl_srv_puts(sl_srv_buf *b, const char *s) { sl_srv_put(b, s, strlen(s)); }

void sl_srv_printf(sl_srv_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n || (n == 2 && s[0] < 0xC2) || (n == 4 && s[0] > 0xF4))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
        return 0; /* overlong, or a surrogate */
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

void sl_srv_json_str(sl_srv_buf *b, const char *s)
{
    sl_srv_put(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_len(p);
        if (!n) {
            sl_srv_puts(b, "\xEF\xBF\xBD");
            p++;
        } else if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p++};
            sl_srv_put(b, esc, 2);
        } else if (*p < 0x20) {
            sl_srv_printf(b, "\\u%04x", *p++);
        } else {
            sl_srv_put(b, p, n);
            p += n;
        }
    }
    sl_srv_put(b, "\"", 1);
}

char *sl_srv_take(sl_srv_buf *b)
{
    char *s = b->s ? b->s : sl_srv_strdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
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
    sl_srv_blob *b = sl_srv_alloc(sizeof *b);
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
