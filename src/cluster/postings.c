/*
 * postings.c -- the candidate index: which recent groups hold a feature.
 *
 * A new article should be compared with the few events it could belong
 * to, not with all of them, or the cost per article would grow with the
 * stream.  Each group puts its strongest keys here; an article looks up
 * its own strongest keys and scores only the groups found.  A key's list
 * holds at most SL_POSTINGS_MAX groups, newest last: when it is full the
 * oldest goes, which is also how old events leave the candidate set for
 * the keys that stay busy (a word like "government" sees a new event every
 * hour), while rare keys (a name) remember their groups for long.
 *
 * The table maps a 32-bit key to a small growable array, open addressing
 * with linear probing, grown at 50% load.
 *
 * Tests: tests/cluster/test_postings.c.
 */
#include "cluster.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t key;   /* valid when 'used' */
    uint8_t used;
    uint8_t n, cap; /* cap <= SL_POSTINGS_MAX */
    uint32_t *g;
} slot;

struct sl_postings {
    slot *s;
    size_t cap, n;
};

sl_postings *sl_postings_new(void) { return sl_xcalloc(1, sizeof(sl_postings)); }

void sl_postings_free(sl_postings *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->cap; i++)
        free(x->s[i].g);
    free(x->s);
    free(x);
}

static size_t find(const sl_postings *x, uint32_t key)
{
    size_t mask = x->cap - 1, i = (size_t)(key * 2654435761u) & mask;
    while (x->s[i].used && x->s[i].key != key)
        i = (i + 1) & mask;
    return i;
}

static void grow(sl_postings *x)
{
    slot *old = x->s;
    size_t oldcap = x->cap;
    x->cap = oldcap ? oldcap * 2 : 4096;
    x->s = sl_xcalloc(x->cap, sizeof *x->s);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].used)
            x->s[find(x, old[i].key)] = old[i];
    free(old);
}

void sl_postings_add(sl_postings *x, uint32_t key, uint32_t group)
{
    if ((x->n + 1) * 2 > x->cap)
        grow(x);
    slot *s = &x->s[find(x, key)];
    if (!s->used) {
        *s = (slot){key, 1, 0, 0, NULL};
        x->n++;
    }
    if (s->n && s->g[s->n - 1] == group)
        return;
    if (s->n == SL_POSTINGS_MAX) {
        memmove(s->g, s->g + 1, (SL_POSTINGS_MAX - 1) * sizeof *s->g);
        s->n--;
    } else if (s->n == s->cap) {
        s->cap = (uint8_t)(s->cap ? (s->cap * 2 > SL_POSTINGS_MAX ? SL_POSTINGS_MAX : s->cap * 2) : 2);
        s->g = sl_xrealloc(s->g, s->cap * sizeof *s->g);
    }
    s->g[s->n++] = group;
}

const uint32_t *sl_postings_get(const sl_postings *x, uint32_t key, size_t *n)
{
    *n = 0;
    if (!x->cap)
        return NULL;
    const slot *s = &x->s[find(x, key)];
    if (!s->used)
        return NULL;
    *n = s->n;
    return s->g;
}

size_t sl_postings_bytes(const sl_postings *x)
{
    size_t b = x->cap * sizeof(slot);
    for (size_t i = 0; i < x->cap; i++)
        b += x->s[i].cap * sizeof(uint32_t);
    return b;
}
