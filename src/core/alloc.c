/*
 * alloc.c -- allocation that never fails.
 *
 * Out of memory is not something a user can fix by changing the input, so
 * instead of threading a status through every caller we print one message
 * and abort (as cmark and Redis do).  Statuses stay for bad input.
 */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "storyline: out of memory (%zu bytes)\n", n);
    abort();
}

void *sl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *sl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *sl_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *sl_xstrdup(const char *s)
{
    return s ? sl_xstrndup(s, strlen(s)) : NULL;
}

char *sl_xstrndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = sl_xmalloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void sl_grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 4;
    while (c < need)
        c *= 2;
    *v = sl_xrealloc(*v, c * size);
    *cap = c;
}
