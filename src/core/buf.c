/*
 * buf.c -- a growable, always NUL-terminated byte buffer.
 *
 * Everything that builds text (JSON output, cleaned paragraphs, keys) writes
 * into an sl_buf.  Capacity doubles, so appending is amortised O(1).
 */
#include "core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(sl_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 64;
    while (c < need)
        c *= 2;
    b->s = sl_xrealloc(b->s, c);
    b->cap = c;
}

void sl_buf_put(sl_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sl_buf_puts(sl_buf *b, const char *s) { sl_buf_put(b, s, strlen(s)); }

void sl_buf_putc(sl_buf *b, char c)
{
    if (b->len + 1 < b->cap) { /* room for it and the NUL */
        b->s[b->len++] = c;
        b->s[b->len] = '\0';
        return;
    }
    sl_buf_put(b, &c, 1);
}

void sl_buf_printf(sl_buf *b, const char *fmt, ...)
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

void sl_buf_clear(sl_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

char *sl_buf_take(sl_buf *b)
{
    char *s = b->s ? b->s : sl_xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sl_buf_free(sl_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

int sl_buf_read(sl_buf *b, FILE *f, size_t max)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len + n > max)
            return EFBIG;
        sl_buf_put(b, chunk, n);
    }
    return ferror(f) ? (errno ? errno : EIO) : 0;
}

int sl_buf_read_file(sl_buf *b, const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno ? errno : EIO;
    int err = sl_buf_read(b, f, max);
    fclose(f);
    return err;
}

void sl_buf_json_str(sl_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sl_buf_putc(b, '"');
    if (s) {
        const char *run = s;
        for (const char *p = s; *p;) {
            unsigned char c = (unsigned char)*p;
            if (c >= 0x80) { /* a whole valid sequence, or U+FFFD for a bad byte */
                size_t i = 0; /* NUL-terminated: a sequence never reads past the NUL */
                if (sl_utf8_next(p, SIZE_MAX, &i) >= 0) {
                    p += i;
                    continue;
                }
                sl_buf_put(b, run, (size_t)(p - run));
                sl_buf_puts(b, "\xEF\xBF\xBD");
                run = ++p;
                continue;
            }
            if (c >= 0x20 && c != '"' && c != '\\') {
                p++;
                continue;
            }
            sl_buf_put(b, run, (size_t)(p - run));
            run = ++p;
            switch (c) {
            case '"': sl_buf_puts(b, "\\\""); break;
            case '\\': sl_buf_puts(b, "\\\\"); break;
            case '\n': sl_buf_puts(b, "\\n"); break;
            case '\t': sl_buf_puts(b, "\\t"); break;
            case '\r': sl_buf_puts(b, "\\r"); break;
            default: {
                char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
                sl_buf_puts(b, u);
            }
            }
        }
        sl_buf_puts(b, run);
    }
    sl_buf_putc(b, '"');
}
