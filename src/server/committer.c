/*
 * committer.c -- the store thread: the only writer of the store, and the
 * place where a write becomes durable.
 *
 * Group commit: the thread takes every ticket queued while the last
 * transaction was being synced, applies them all in one transaction, and
 * acknowledges them all once sqlite3 has fsynced the log.  Under load the
 * batches grow by themselves, so one fsync pays for many writes; alone, a
 * write waits for one fsync.  The worker's notes (packs, events, document
 * frequencies, the text for search) ride in the same transactions, and
 * the expiry sweep runs here once a second, so nothing else ever writes
 * and nothing waits for a lock.
 *
 * No commit may take long, since every write queued meanwhile waits for
 * it.  So the worker's notes go half a millisecond's worth at a time
 * (more only when thousands wait), and the search index merges its
 * segments a few pages per transaction (not, as FTS5 would by itself,
 * hundreds of pages in whichever commit crosses a threshold).
 *
 * Invariant: a ticket's done() is called only after the COMMIT that holds
 * it returned SL_OK (status 201/204/404), or after a ROLLBACK (500): an
 * acknowledged write is on disk.  The worker hears of a change only after
 * it is durable, so the index never holds an article the store lost.
 * Tests: tests/cli/test_crash.sh (kill -9 under load), test_serve.sh.
 */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_BATCH = 4096, EXPIRE_BATCH = 2000, NOTES_US = 500, NOTES_BEHIND = 4096,
       NOTES_US_MAX = 50000 };

sl_srv_ticket *sl_srv_ticket_new(const char *id, const char *body, size_t len, int format,
                                 const char *ctype, int64_t expires)
{
    sl_srv_ticket *t = sl_xcalloc(1, sizeof *t);
    t->op = body ? SL_SRV_PUT : SL_SRV_DELETE;
    t->id = sl_xstrdup(id);
    if (body) {
        t->format = format;
        t->ctype = ctype ? sl_xstrdup(ctype) : NULL;
        t->body = sl_srv_memdup(body, len);
        t->len = len;
        t->expires = expires;
    }
    return t;
}

void sl_srv_ticket_free(sl_srv_ticket *t)
{
    if (!t)
        return;
    free(t->id);
    free(t->ctype);
    free(t->body);
    free(t);
}

void sl_srv_submit(sl_srv *s, sl_srv_ticket *t)
{
    t->next = NULL;
    t->queued_us = sl_srv_now_us();
    pthread_mutex_lock(&s->qlock);
    if (s->qtail)
        s->qtail->next = t;
    else
        s->qhead = t;
    s->qtail = t;
    s->qlen++;
    pthread_cond_signal(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
}

typedef struct {
    pthread_mutex_t m;
    pthread_cond_t c;
    bool done;
} waiter;

static void wake(sl_srv_ticket *t, void *cls)
{
    (void)t;
    waiter *w = cls;
    pthread_mutex_lock(&w->m);
    w->done = true;
    pthread_cond_signal(&w->c);
    pthread_mutex_unlock(&w->m); /* w may be gone from here on */
}

void sl_srv_submit_wait(sl_srv *s, sl_srv_ticket *t)
{
    waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    t->done = wake;
    t->cls = &w;
    sl_srv_submit(s, t);
    pthread_mutex_lock(&w.m);
    while (!w.done)
        pthread_cond_wait(&w.c, &w.m);
    pthread_mutex_unlock(&w.m);
    pthread_mutex_destroy(&w.m);
    pthread_cond_destroy(&w.c);
}

/* ---- one transaction ------------------------------------------------------------ */

/* Changes for the worker, told once the transaction is durable. */
typedef struct {
    sl_srv_change *c;
    size_t n, cap;
} changes;

static void note_change(changes *cs, int kind, int64_t seq, const char *id)
{
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 64;
        cs->c = sl_xrealloc(cs->c, cs->cap * sizeof *cs->c);
    }
    cs->c[cs->n++] = (sl_srv_change){kind, seq, sl_xstrdup(id)};
}

static void on_expired(const char *id, void *cls) { note_change(cls, 1, 0, id); }

/* Applies one ticket; its status is what the client will hear if the
 * transaction commits. */
static sl_status apply(sl_srv *s, sl_srv_ticket *t, changes *cs, long long *delta)
{
    int64_t seq = 0, old = 0;
    sl_status st;
    if (t->op == SL_SRV_PUT) {
        st = sl_store_put(s->writer, t->id, t->format, t->ctype, t->body, t->len,
                          (int64_t)time(NULL), t->expires, &seq, &old);
        t->status = old ? 204 : 201;
    } else {
        st = sl_store_delete(s->writer, t->id, &old);
        t->status = old ? 204 : 404;
    }
    if (st != SL_OK)
        return st;
    if (old)
        note_change(cs, 1, old, t->id);
    if (seq)
        note_change(cs, 0, seq, t->id);
    *delta += (seq != 0) - (old != 0);
    return SL_OK;
}

/* The next note the worker queued, taken off the queue (NULL if none),
 * and how many still wait. */
static sl_srv_note *pop_note(sl_srv *s, size_t *waiting)
{
    pthread_mutex_lock(&s->qlock);
    sl_srv_note *n = s->nhead;
    if (n) {
        s->nhead = sl_srv_note_next(n);
        if (!s->nhead)
            s->ntail = NULL;
        s->nlen--;
        sl_srv_note_link(n, NULL);
    }
    *waiting = s->nlen;
    pthread_mutex_unlock(&s->qlock);
    return n;
}

/* How long a transaction applies notes when 'waiting' more wait: NOTES_US,
 * and 10 us more for each beyond NOTES_BEHIND when the worker runs ahead
 * (a bulk ingest), so the queue cannot grow without bound. */
static int64_t notes_budget(size_t waiting)
{
    if (waiting <= NOTES_BEHIND)
        return NOTES_US;
    int64_t b = NOTES_US + (int64_t)(waiting - NOTES_BEHIND) * 10;
    return b < NOTES_US_MAX ? b : NOTES_US_MAX;
}

/* Applies the tickets, then notes for a time budget (at least one), and
 * the expiry sweep when 'expire', in one transaction.  The notes applied
 * are in *done, oldest first, for the caller to free.  Returns the
 * changes to tell the worker; on failure every ticket gets 500 and there
 * is no change.
 * Why a time budget: an article's text going into the search index costs
 * a hundred times its PUT, and writes queued meanwhile wait. */
static sl_status transact(sl_srv *s, sl_srv_ticket *ts, bool expire, sl_srv_note **done,
                          changes *cs, long long *delta)
{
    int64_t w0 = sl_srv_now_us();
    sl_status st = sl_store_begin(s->writer);
    for (sl_srv_ticket *t = ts; st == SL_OK && t; t = t->next)
        st = apply(s, t, cs, delta);
    sl_srv_note *n, *tail = NULL;
    size_t waiting = 0, applied = 0;
    int64_t n0 = sl_srv_now_us(), budget = NOTES_US;
    if (ts)
        sl_srv_metrics_note(&s->m, SL_SRV_R_T_WRITES, n0 - w0, 0);
    *done = NULL;
    while (st == SL_OK && (!applied || sl_srv_now_us() - n0 < budget) &&
           (n = pop_note(s, &waiting))) {
        if (!applied++)
            budget = notes_budget(waiting);
        if (tail)
            sl_srv_note_link(tail, n);
        else
            *done = n;
        tail = n;
        st = sl_srv_note_apply(s, n);
    }
    /* the search index's merging: about a page of it for each note, which
     * is what FTS5 would do by itself, only in bursts */
    if (st == SL_OK && applied)
        st = sl_store_merge_search(s->writer, applied < 8 ? 8 : (int)applied);
    int64_t e0 = sl_srv_now_us();
    if (applied)
        sl_srv_metrics_note(&s->m, SL_SRV_R_T_NOTES, e0 - n0, 0);
    if (st == SL_OK && expire) {
        long k = sl_store_expire(s->writer, (int64_t)time(NULL), EXPIRE_BATCH, on_expired, cs);
        *delta -= k > 0 ? k : 0;
        st = k >= 0 ? SL_OK : SL_EIO;
    }
    int64_t c0 = sl_srv_now_us();
    if (expire)
        sl_srv_metrics_note(&s->m, SL_SRV_R_T_EXPIRE, c0 - e0, 0);
    if (st == SL_OK)
        st = sl_store_commit(s->writer);
    sl_srv_metrics_note(&s->m, SL_SRV_R_T_SYNC, sl_srv_now_us() - c0, 0);
    if (st == SL_OK)
        return SL_OK;
    const char *why = sl_store_error(s->writer);
    if (!s->cfg.quiet)
        fprintf(stderr, "storyline serve: %s\n", why);
    for (sl_srv_ticket *t = ts; t; t = t->next) {
        t->status = 500;
        snprintf(t->err, sizeof t->err, "the store failed: %s", why);
    }
    sl_store_rollback(s->writer);
    for (size_t i = 0; i < cs->n; i++)
        free(cs->c[i].id);
    cs->n = 0;
    *delta = 0;
    return st;
}

static void finish(sl_srv *s, sl_srv_ticket *ts, changes *cs, long long delta, size_t nt,
                   int64_t t0)
{
    for (size_t i = 0; i < cs->n; i++) { /* the worker takes the ids */
        sl_srv_push_change(s, cs->c[i].kind, cs->c[i].seq, cs->c[i].id);
        free(cs->c[i].id);
    }
    cs->n = 0;
    atomic_fetch_add(&s->stored, delta);
    atomic_fetch_add(&s->m.commits, 1);
    atomic_fetch_add(&s->m.committed, nt);
    atomic_fetch_add(&s->m.commit_us, (unsigned long long)(sl_srv_now_us() - t0));
    int64_t now = sl_srv_now_us();
    while (ts) {
        sl_srv_ticket *next = ts->next; /* done() may free ts */
        ts->durable_us = now;
        ts->done(ts, ts->cls);
        ts = next;
    }
}

/* ---- the thread ---------------------------------------------------------------- */

/* Takes up to MAX_BATCH tickets, waiting up to a second for work (a
 * ticket or a note).  Sets *notes when notes wait.  Returns false when
 * the thread should end. */
static bool take(sl_srv *s, sl_srv_ticket **ts, size_t *nt, bool *notes)
{
    pthread_mutex_lock(&s->qlock);
    if (!s->qhead && !s->nhead && !s->stop_store) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&s->qcond, &s->qlock, &until);
    }
    bool go_on = !(s->stop_store && !s->qhead && !s->nhead);
    *ts = s->qhead;
    *nt = 0;
    sl_srv_ticket *last = NULL;
    for (sl_srv_ticket *t = s->qhead; t && *nt < MAX_BATCH; t = t->next)
        last = t, ++*nt;
    s->qhead = last ? last->next : s->qhead;
    if (last)
        last->next = NULL;
    if (!s->qhead)
        s->qtail = NULL;
    s->qlen -= *nt;
    int64_t now = sl_srv_now_us();
    for (sl_srv_ticket *t = *ts; t; t = t->next)
        t->taken_us = now;
    *notes = s->nhead != NULL;
    s->store_busy = *ts || *notes;
    pthread_mutex_unlock(&s->qlock);
    return go_on;
}

void *sl_srv_store_main(void *arg)
{
    sl_srv *s = arg;
    int64_t last_sweep = 0;
    changes cs = {0};
    for (;;) {
        sl_srv_ticket *ts;
        size_t nt;
        bool notes;
        bool go_on = take(s, &ts, &nt, &notes);
        int64_t t0 = sl_srv_now_us();
        bool sweep = t0 - last_sweep >= 1000000;
        if (ts || notes || sweep) {
            long long delta = 0;
            sl_srv_note *ns;
            transact(s, ts, sweep, &ns, &cs, &delta);
            finish(s, ts, &cs, delta, nt, t0);
            while (ns) {
                sl_srv_note *next = sl_srv_note_next(ns);
                sl_srv_note_free(ns);
                ns = next;
            }
            last_sweep = sweep ? t0 : last_sweep;
        }
        pthread_mutex_lock(&s->qlock);
        s->store_busy = false;
        pthread_mutex_unlock(&s->qlock);
        if (!go_on)
            break;
    }
    free(cs.c);
    return NULL;
}
