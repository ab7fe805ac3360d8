/*
 * cache.c -- answers to the listing queries (stories, events, threads),
 * kept ready so that a GET never waits for the index.
 *
 * A key is a query (kind, language, period in days, limit).  The first GET
 * of a key computes its answer (sl_srv_answer) and puts it here; from then
 * on the worker recomputes every held key after the index changes (at
 * most once per refresh period) and swaps the new answer in.  So an answer
 * is at most one refresh behind the writes, and a GET costs one lookup.
 * A key nobody asked for lately is dropped, so keys cost nothing forever.
 *
 * Few keys (tens): a small array searched in order is the fastest map.
 * Tests: tests/cli/test_serve.sh.
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    sl_srv_key key;
    sl_srv_blob *v;
    int64_t used_us;
} entry;

struct sl_srv_cache {
    pthread_mutex_t lock;
    entry *e;
    size_t n, max;
};

sl_srv_cache *sl_srv_cache_new(size_t max_keys)
{
    sl_srv_cache *c = sl_xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->max = max_keys ? max_keys : 1;
    c->e = sl_xcalloc(1, c->max * sizeof *c->e);
    return c;
}

void sl_srv_cache_free(sl_srv_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        sl_srv_blob_unref(c->e[i].v);
    pthread_mutex_destroy(&c->lock);
    free(c->e);
    free(c);
}

static bool same(const sl_srv_key *a, const sl_srv_key *b)
{
    return a->kind == b->kind && a->period_days == b->period_days && a->limit == b->limit &&
           strcmp(a->lang, b->lang) == 0;
}

static entry *find(sl_srv_cache *c, const sl_srv_key *k)
{
    for (size_t i = 0; i < c->n; i++)
        if (same(&c->e[i].key, k))
            return &c->e[i];
    return NULL;
}

sl_srv_blob *sl_srv_cache_get(sl_srv_cache *c, const sl_srv_key *k)
{
    pthread_mutex_lock(&c->lock);
    entry *e = find(c, k);
    sl_srv_blob *v = NULL;
    if (e) {
        e->used_us = sl_srv_now_us();
        v = sl_srv_blob_ref(e->v);
    }
    pthread_mutex_unlock(&c->lock);
    return v;
}

void sl_srv_cache_put(sl_srv_cache *c, const sl_srv_key *k, sl_srv_blob *v)
{
    sl_srv_blob *old = NULL;
    pthread_mutex_lock(&c->lock);
    entry *e = find(c, k);
    if (!e && c->n < c->max) {
        e = &c->e[c->n++];
        e->key = *k;
        e->used_us = sl_srv_now_us();
    } else if (!e) { /* full: the least recently used key makes room */
        e = &c->e[0];
        for (size_t i = 1; i < c->n; i++)
            if (c->e[i].used_us < e->used_us)
                e = &c->e[i];
        old = e->v;
        e->key = *k;
        e->used_us = sl_srv_now_us();
        e->v = NULL;
    }
    if (!old)
        old = e->v;
    e->v = v;
    pthread_mutex_unlock(&c->lock);
    sl_srv_blob_unref(old); /* outside the lock: it may free megabytes */
}

size_t sl_srv_cache_keys(sl_srv_cache *c, sl_srv_key *keys, size_t max)
{
    pthread_mutex_lock(&c->lock);
    size_t n = 0;
    for (size_t i = 0; i < c->n && n < max; i++)
        keys[n++] = c->e[i].key;
    pthread_mutex_unlock(&c->lock);
    return n;
}

void sl_srv_cache_trim(sl_srv_cache *c, int64_t idle_us)
{
    int64_t now = sl_srv_now_us();
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->n;) {
        if (now - c->e[i].used_us > idle_us) {
            sl_srv_blob_unref(c->e[i].v);
            c->e[i] = c->e[--c->n];
        } else {
            i++;
        }
    }
    pthread_mutex_unlock(&c->lock);
}
