/*
 * records.c -- what the worker knows of each article in the index: its
 * row in the store (seq) and the event number last saved there.
 *
 * After each update the worker asks the index for every article's event
 * and saves those that moved (events grow and merge), so the store always
 * holds what a restart needs.  Records sit in one dense array (a scan is
 * a walk over memory) with a chained hash on the id beside it; deleting
 * moves the last record into the hole, so the array stays dense.
 * Tests: tests/store/test_store.c (records).
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>

struct sl_srv_records {
    sl_srv_record *r;
    uint32_t *next;  /* chain: index of the next record in the bucket + 1 */
    uint32_t *head;  /* bucket -> first record + 1, 0 = empty */
    size_t n, cap, nhead;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

sl_srv_records *sl_srv_records_new(void)
{
    sl_srv_records *r = sl_xcalloc(1, sizeof *r);
    r->nhead = 1024;
    r->head = sl_xcalloc(1, r->nhead * sizeof *r->head);
    return r;
}

void sl_srv_records_free(sl_srv_records *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->r[i].id);
    free(r->r);
    free(r->next);
    free(r->head);
    free(r);
}

static void link_in(sl_srv_records *r, size_t i)
{
    size_t b = hash(r->r[i].id) & (r->nhead - 1);
    r->next[i] = r->head[b];
    r->head[b] = (uint32_t)i + 1;
}

static void rehash(sl_srv_records *r)
{
    r->nhead *= 2;
    free(r->head);
    r->head = sl_xcalloc(1, r->nhead * sizeof *r->head);
    for (size_t i = 0; i < r->n; i++)
        link_in(r, i);
}

/* The slot that points at the record of 'id' (a head or a next), or NULL. */
static uint32_t *slot_of(sl_srv_records *r, const char *id)
{
    uint32_t *p = &r->head[hash(id) & (r->nhead - 1)];
    while (*p && strcmp(r->r[*p - 1].id, id) != 0)
        p = &r->next[*p - 1];
    return *p ? p : NULL;
}

sl_srv_record *sl_srv_records_find(sl_srv_records *r, const char *id)
{
    uint32_t *p = slot_of(r, id);
    return p ? &r->r[*p - 1] : NULL;
}

void sl_srv_records_put(sl_srv_records *r, const char *id, int64_t seq, unsigned event)
{
    sl_srv_record *old = sl_srv_records_find(r, id);
    if (old) {
        old->seq = seq;
        old->event = event;
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->r = sl_xrealloc(r->r, r->cap * sizeof *r->r);
        r->next = sl_xrealloc(r->next, r->cap * sizeof *r->next);
    }
    r->r[r->n] = (sl_srv_record){sl_xstrdup(id), seq, event};
    link_in(r, r->n++);
    if (r->n > r->nhead)
        rehash(r);
}

void sl_srv_records_del(sl_srv_records *r, const char *id)
{
    uint32_t *p = slot_of(r, id);
    if (!p)
        return;
    size_t i = *p - 1, last = r->n - 1;
    *p = r->next[i]; /* unlink i */
    free(r->r[i].id);
    if (i != last) { /* the last record moves into the hole */
        uint32_t *q = slot_of(r, r->r[last].id);
        r->r[i] = r->r[last];
        r->next[i] = r->next[last];
        *q = (uint32_t)i + 1;
    }
    r->n--;
}

size_t sl_srv_records_count(const sl_srv_records *r) { return r->n; }
sl_srv_record *sl_srv_records_at(sl_srv_records *r, size_t i) { return &r->r[i]; }
