/*
 * service.c -- the server's life: open the store, start the store thread
 * and the worker, lend request threads what they read with, and stop in
 * an order that loses nothing.
 *
 * Stopping: the worker stops first (it finishes its batch, saves packs,
 * events and frequencies as notes), then the store thread (it commits
 * every ticket still queued and those notes), then everything is freed.
 * Changes the worker did not reach stay in the store as rows not yet
 * analysed; the next start analyses them.  So a clean stop and a crash
 * differ only in how much the next start has to redo.
 * Tests: tests/cli/test_serve.sh (restart), tests/store/test_store.c.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void init_slots(sl_srv *s, bool *ok, char *err, size_t errlen)
{
    for (int i = 0; i < SL_SRV_SLOTS; i++) {
        pthread_mutex_init(&s->slots[i].lock, NULL);
        s->slots[i].e = sl_engine_new();
        if (*ok && !(s->slots[i].rd = sl_store_open(s->cfg.db, false, err, errlen)))
            *ok = false;
    }
}

sl_srv *sl_srv_new(const sl_srv_config *cfg, char *err, size_t errlen)
{
    sl_srv *s = sl_xcalloc(1, sizeof *s);
    s->cfg = *cfg;
    s->cfg.db = sl_xstrdup(cfg->db);
    s->cfg.refresh_ms = cfg->refresh_ms ? cfg->refresh_ms : 1000;
    s->cfg.df_every_s = cfg->df_every_s ? cfg->df_every_s : 30;
    s->cfg.max_body = cfg->max_body ? cfg->max_body : SL_MAX_INPUT;
    s->started_us = sl_srv_now_us();
    pthread_mutex_init(&s->qlock, NULL);
    pthread_cond_init(&s->qcond, NULL);
    pthread_mutex_init(&s->clock, NULL);
    pthread_cond_init(&s->ccond, NULL);
    pthread_mutex_init(&s->xlock, NULL);
    s->xe = sl_engine_new();
    s->x = sl_index_new(s->xe, NULL);
    s->we = sl_engine_new();
    s->records = sl_srv_records_new();
    s->cache = sl_srv_cache_new(64);
    bool ok = (s->writer = sl_store_open(s->cfg.db, true, err, errlen)) != NULL &&
              (s->wrd = sl_store_open(s->cfg.db, false, err, errlen)) != NULL;
    if (ok && sl_store_own_merges(s->writer) != SL_OK) {
        snprintf(err, errlen, "%s", sl_store_error(s->writer));
        ok = false;
    }
    init_slots(s, &ok, err, errlen);
    if (!ok) {
        sl_srv_free(s);
        return NULL;
    }
    atomic_store(&s->stored, sl_store_count(s->writer));
    atomic_store(&s->to_load, atomic_load(&s->stored));
    pthread_create(&s->store_thread, NULL, sl_srv_store_main, s);
    pthread_create(&s->worker_thread, NULL, sl_srv_worker_main, s);
    pthread_setname_np(s->store_thread, "sl-store");
    pthread_setname_np(s->worker_thread, "sl-worker");
    s->threads_on = true;
    return s;
}

static void stop_threads(sl_srv *s)
{
    pthread_mutex_lock(&s->clock);
    s->stop_worker = true;
    pthread_cond_signal(&s->ccond);
    pthread_mutex_unlock(&s->clock);
    pthread_join(s->worker_thread, NULL);
    pthread_mutex_lock(&s->qlock);
    s->stop_store = true;
    pthread_cond_signal(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
    pthread_join(s->store_thread, NULL);
}

void sl_srv_free(sl_srv *s)
{
    if (!s)
        return;
    if (s->threads_on)
        stop_threads(s);
    for (size_t i = s->hchanges; i < s->nchanges; i++)
        free(s->changes[i].id);
    free(s->changes);
    for (int i = 0; i < SL_SRV_SLOTS; i++) {
        sl_engine_free(s->slots[i].e);
        sl_store_close(s->slots[i].rd);
        pthread_mutex_destroy(&s->slots[i].lock);
    }
    sl_store_close(s->wrd);
    sl_store_close(s->writer);
    sl_srv_cache_free(s->cache);
    sl_srv_records_free(s->records);
    sl_index_free(s->x);
    sl_engine_free(s->xe);
    sl_engine_free(s->we);
    pthread_mutex_destroy(&s->qlock);
    pthread_cond_destroy(&s->qcond);
    pthread_mutex_destroy(&s->clock);
    pthread_cond_destroy(&s->ccond);
    pthread_mutex_destroy(&s->xlock);
    free(s->token);
    free(s->cfg.db);
    free(s);
}

/* ---- waiting for quiet ------------------------------------------------------------ */

static bool store_idle(sl_srv *s)
{
    pthread_mutex_lock(&s->qlock);
    bool idle = !s->qhead && !s->nhead && !s->store_busy;
    pthread_mutex_unlock(&s->qlock);
    return idle;
}

static bool worker_idle(sl_srv *s)
{
    pthread_mutex_lock(&s->clock);
    bool idle = s->worker_idle && s->nchanges == s->hchanges;
    pthread_mutex_unlock(&s->clock);
    return idle;
}

bool sl_srv_quiet(sl_srv *s)
{
    /* store, worker, store: notes the worker handed over before it went
     * idle show in the second look at the store */
    return atomic_load(&s->ready) && store_idle(s) && worker_idle(s) && store_idle(s);
}

void sl_srv_drain(sl_srv *s)
{
    while (!sl_srv_quiet(s)) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

void sl_srv_drain_writes(sl_srv *s)
{
    for (;;) {
        pthread_mutex_lock(&s->qlock);
        bool idle = !s->qhead && !s->store_busy;
        pthread_mutex_unlock(&s->qlock);
        if (idle)
            return;
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

/* ---- request slots ---------------------------------------------------------------- */

sl_srv_slot *sl_srv_slot_get(sl_srv *s)
{
    unsigned start = atomic_fetch_add(&s->next_slot, 1);
    for (unsigned i = 0; i < SL_SRV_SLOTS; i++) {
        sl_srv_slot *slot = &s->slots[(start + i) % SL_SRV_SLOTS];
        if (pthread_mutex_trylock(&slot->lock) == 0)
            return slot;
    }
    sl_srv_slot *slot = &s->slots[start % SL_SRV_SLOTS];
    pthread_mutex_lock(&slot->lock);
    return slot;
}

void sl_srv_slot_put(sl_srv_slot *slot) { pthread_mutex_unlock(&slot->lock); }
