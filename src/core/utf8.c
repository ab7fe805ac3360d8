/*
 * utf8.c -- decoding and repairing UTF-8.
 *
 * Outside text is never trusted: every reader passes its bytes through
 * sl_utf8_clean(), which replaces each invalid sequence (overlong forms,
 * surrogates, code points above U+10FFFF, truncated sequences) and each NUL by
 * U+FFFD, so every later stage may assume valid, NUL-free UTF-8.
 */
#include "core.h"

int32_t sl_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = *i;
    unsigned c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return (int32_t)c;
    }
    int n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1; cp = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2; cp = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3; cp = c & 0x07; min = 0x10000;
    } else {
        *i = k + 1;
        return -1;
    }
    for (int j = 1; j <= n; j++) {
        if (k + (size_t)j >= len || (s[k + (size_t)j] & 0xC0) != 0x80) {
            *i = k + 1;
            return -1;
        }
        cp = (cp << 6) | (s[k + (size_t)j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = k + 1;
        return -1;
    }
    *i = k + (size_t)n + 1;
    return (int32_t)cp;
}

void sl_utf8_put(sl_buf *b, uint32_t cp)
{
    char t[4];
    if (cp < 0x80) {
        t[0] = (char)cp;
        sl_buf_put(b, t, 1);
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        sl_buf_put(b, t, 2);
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        sl_buf_put(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        sl_buf_put(b, t, 4);
    }
}

size_t sl_utf8_clean(const char *s, size_t len, sl_buf *b)
{
    size_t bad = 0, i = 0, run = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x01 && c < 0x80) { /* fast path */
            i++;
            continue;
        }
        size_t at = i;
        int32_t cp = c ? sl_utf8_next(s, len, &i) : (i++, -1);
        if (cp >= 0)
            continue;
        sl_buf_put(b, s + run, at - run);
        sl_buf_puts(b, "\xEF\xBF\xBD");
        bad++;
        run = i;
    }
    sl_buf_put(b, s + run, len - run);
    return bad;
}

bool sl_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] == 0)
            return false;
        if (sl_utf8_next(s, len, &i) < 0)
            return false;
    }
    return true;
}
