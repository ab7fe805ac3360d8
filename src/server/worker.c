/*
 * worker.c -- the worker thread: everything the index does, off the
 * request path.
 *
 *   start    restore the index from the store: document frequencies
 *            first, then every article's pack straight into its saved
 *            event, in insertion order (no text is read again); rows
 *            never analysed (the crash came first) or whose pack no
 *            longer restores (a new version) are read and analysed anew
 *   loop     take the changes the store thread made durable; read and
 *            prepare each new article with the worker's own engine
 *            (outside the index lock), add it (under the lock), remove
 *            deleted ones; then update (cluster), pack the new articles
 *            and send the packs and event numbers back as notes; save
 *            events that moved and, now and then, the frequencies;
 *            refresh the cached answers
 *
 * The lock is taken per article and per step, never for a whole batch,
 * so a GET that needs the index (a story by id, a cache miss) waits at
 * most one step.  A batch ends after BATCH articles or BATCH_MS, so an
 * article is clustered and visible within about a second while PUTs
 * go on.  The worker runs at a lower priority than the request threads:
 * under a flood of writes, acknowledging them and answering reads come
 * first, and the index catches up afterwards.
 *
 * SL_SERVE_TEST_LOAD_DELAY_MS (tests only) delays the restore, so that a
 * test can see the API answer 503 while the index loads.
 * Tests: tests/cli/test_serve.sh (events, stories, DELETE, expiry,
 * restart), tests/cli/test_crash.sh.
 */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>

enum { LIST_ARTICLES = 10, BATCH = 256, BATCH_MS = 300, SYNC_CHUNK = 20000, EVENT_SYNC_MS = 2000,
       CACHE_IDLE_S = 600 };

/* ---- notes: what the worker asks the store thread to save ---------------------- */

enum { NOTE_ANALYSED, NOTE_EVENT, NOTE_META };

struct sl_srv_note {
    int kind;
    sl_store_analysis a; /* NOTE_ANALYSED (its strings and pack owned), NOTE_EVENT */
    char *key;           /* NOTE_META */
    unsigned char *val;
    size_t nval;
    struct sl_srv_note *next;
};

sl_srv_note *sl_srv_note_next(const sl_srv_note *n) { return n->next; }
void sl_srv_note_link(sl_srv_note *n, sl_srv_note *next) { n->next = next; }

void sl_srv_note_free(sl_srv_note *n)
{
    if (!n)
        return;
    free((void *)n->a.pack);
    free((void *)n->a.title);
    free((void *)n->a.lang);
    free((void *)n->a.date);
    free((void *)n->a.text);
    free(n->key);
    free(n->val);
    free(n);
}

sl_status sl_srv_note_apply(sl_srv *s, const sl_srv_note *n)
{
    switch (n->kind) {
    case NOTE_ANALYSED:
        return sl_store_analysed(s->writer, &n->a);
    case NOTE_EVENT:
        return sl_store_set_event(s->writer, n->a.seq, n->a.event);
    default:
        return sl_store_meta_put(s->writer, n->key, n->val, n->nval);
    }
}

/* Notes gathered by the worker until it hands them over. */
typedef struct {
    sl_srv_note *head, *tail;
    size_t n;
} notes;

static sl_srv_note *note_new(notes *ns, int kind)
{
    sl_srv_note *n = sl_xcalloc(1, sizeof *n);
    n->kind = kind;
    if (ns->tail)
        ns->tail->next = n;
    else
        ns->head = n;
    ns->tail = n;
    ns->n++;
    return n;
}

static void hand_over(sl_srv *s, notes *ns)
{
    if (!ns->head)
        return;
    pthread_mutex_lock(&s->qlock);
    if (s->ntail)
        s->ntail->next = ns->head;
    else
        s->nhead = ns->head;
    s->ntail = ns->tail;
    s->nlen += ns->n;
    pthread_cond_signal(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
    *ns = (notes){0};
}

/* ---- changes: what the store thread tells the worker ----------------------------- */

void sl_srv_push_change(sl_srv *s, int kind, int64_t seq, const char *id)
{
    pthread_mutex_lock(&s->clock);
    if (s->nchanges == s->cchanges && s->hchanges > s->cchanges / 2) {
        s->nchanges -= s->hchanges; /* the taken half makes room */
        memmove(s->changes, s->changes + s->hchanges, s->nchanges * sizeof *s->changes);
        s->hchanges = 0;
    } else if (s->nchanges == s->cchanges) {
        s->cchanges = s->cchanges ? s->cchanges * 2 : 1024;
        s->changes = sl_xrealloc(s->changes, s->cchanges * sizeof *s->changes);
    }
    s->changes[s->nchanges++] = (sl_srv_change){kind, seq, sl_xstrdup(id)};
    s->worker_idle = false;
    pthread_cond_signal(&s->ccond);
    pthread_mutex_unlock(&s->clock);
}

/* Takes up to 'max' changes into out (waiting up to 'wait_ms' for one);
 * returns how many.  *stop tells whether the worker should end. */
static size_t take_changes(sl_srv *s, sl_srv_change *out, size_t max, int wait_ms, bool *stop)
{
    pthread_mutex_lock(&s->clock);
    if (!s->nchanges && !s->stop_worker && wait_ms > 0) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long)wait_ms * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&s->ccond, &s->clock, &until);
    }
    size_t have = s->nchanges - s->hchanges, n = have < max ? have : max;
    if (n) { /* from the head: a backlog of a million costs no moves */
        memcpy(out, s->changes + s->hchanges, n * sizeof *out);
        s->hchanges += n;
    }
    if (s->hchanges == s->nchanges)
        s->hchanges = s->nchanges = 0;
    *stop = s->stop_worker;
    pthread_mutex_unlock(&s->clock);
    return n;
}

static void set_idle(sl_srv *s, bool idle)
{
    pthread_mutex_lock(&s->clock);
    s->worker_idle = idle && s->nchanges == s->hchanges;
    pthread_mutex_unlock(&s->clock);
}

/* ---- adding, removing, updating --------------------------------------------------- */

/* An article added since the last update, waiting for its pack. */
typedef struct {
    int64_t seq;
    char *id, *title, *lang, *date, *text;
} fresh;

typedef struct {
    fresh f[BATCH];
    size_t n;
    notes ns;
    int64_t last_sync_us, last_df_us, last_refresh_us;
    bool need_update;  /* articles added or removed since the last update */
    bool events_dirty; /* events may have moved since the last sync */
    bool df_dirty;     /* frequencies changed since they were saved */
} batch;

static char *date_str(sl_date d)
{
    char buf[16];
    if (d.precision == SL_DATE_DAY)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    else if (d.precision == SL_DATE_MONTH)
        snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else if (d.precision == SL_DATE_YEAR)
        snprintf(buf, sizeof buf, "%04d", d.year);
    else
        return NULL;
    return sl_xstrdup(buf);
}

static char *text_of(const sl_article *a)
{
    sl_buf b = {0};
    for (size_t i = 0; i < sl_article_paragraph_count(a); i++) {
        if (i)
            sl_buf_put(&b, "\n", 1);
        sl_buf_puts(&b, sl_article_paragraph(a, i));
    }
    return sl_buf_take(&b);
}

static void refused(batch *b, int64_t seq, const char *why, sl_srv *s)
{
    sl_srv_note *n = note_new(&b->ns, NOTE_ANALYSED);
    n->a.seq = seq;
    n->a.state = SL_STORE_REFUSED;
    atomic_fetch_add(&s->m.refused, 1);
    if (!s->cfg.quiet)
        fprintf(stderr, "storyline serve: %s\n", why);
}

/* Reads, prepares and adds the article of change c. */
static void add_one(sl_srv *s, batch *b, const sl_srv_change *c)
{
    sl_store_body body;
    if (sl_store_body_get(s->wrd, c->seq, NULL, &body) != SL_OK || strcmp(body.id, c->id) != 0)
        return; /* replaced or deleted meanwhile: a later change says so */
    char why[512];
    sl_article *a = sl_srv_read(s->we, c->id, body.format, body.body, body.len, why, sizeof why);
    if (!a) {
        refused(b, c->seq, why, s);
        return;
    }
    sl_article_prepare(s->we, a);
    fresh f = {c->seq, sl_xstrdup(c->id), sl_xstrdup(sl_article_title(a)),
               sl_xstrdup(sl_article_lang(a)), date_str(sl_article_date(a)), text_of(a)};
    pthread_mutex_lock(&s->xlock);
    sl_status st = sl_index_add(s->x, a);
    if (st == SL_OK) {
        sl_srv_records_put(s->records, c->id, c->seq, 0);
        atomic_store(&s->in_index, (long long)sl_srv_records_count(s->records));
    } else
        snprintf(why, sizeof why, "%s", sl_engine_error(s->xe));
    pthread_mutex_unlock(&s->xlock);
    if (st != SL_OK) {
        refused(b, c->seq, why, s);
        free(f.id), free(f.title), free(f.lang), free(f.date), free(f.text);
        return;
    }
    b->f[b->n++] = f;
    b->need_update = true;
    atomic_fetch_add(&s->m.indexed, 1);
}

static void remove_one(sl_srv *s, batch *b, const char *id)
{
    pthread_mutex_lock(&s->xlock);
    if (sl_srv_records_find(s->records, id)) {
        sl_index_remove(s->x, id);
        sl_srv_records_del(s->records, id);
        atomic_store(&s->in_index, (long long)sl_srv_records_count(s->records));
        atomic_fetch_add(&s->m.removed, 1);
        b->need_update = true;
    }
    pthread_mutex_unlock(&s->xlock);
}

/* Clusters what came in, then notes each new article's pack and event. */
static void update(sl_srv *s, batch *b)
{
    int64_t t0 = sl_srv_now_us();
    pthread_mutex_lock(&s->xlock);
    sl_index_update(s->x);
    for (size_t i = 0; i < b->n; i++) {
        fresh *f = &b->f[i];
        sl_srv_note *n = note_new(&b->ns, NOTE_ANALYSED);
        size_t len = 0;
        n->a = (sl_store_analysis){f->seq, SL_STORE_INDEXED, sl_index_article_event(s->x, f->id),
                                   sl_index_pack_article(s->x, f->id, &len), 0,
                                   f->title, f->lang, f->date, f->text};
        n->a.npack = len;
        sl_srv_record *r = sl_srv_records_find(s->records, f->id);
        if (r && r->seq == f->seq)
            r->event = n->a.event;
        free(f->id);
    }
    pthread_mutex_unlock(&s->xlock);
    b->n = 0;
    b->need_update = false;
    b->events_dirty = b->df_dirty = true;
    atomic_fetch_add(&s->m.updates, 1);
    atomic_fetch_add(&s->m.update_us, (unsigned long long)(sl_srv_now_us() - t0));
    atomic_fetch_add(&s->dirty, 1);
}

/* Notes every article whose event moved since it was last saved, a chunk
 * of records per hold of the lock. */
static void sync_events(sl_srv *s, batch *b)
{
    for (size_t from = 0;; from += SYNC_CHUNK) {
        pthread_mutex_lock(&s->xlock);
        size_t n = sl_srv_records_count(s->records);
        for (size_t i = from; i < n && i < from + SYNC_CHUNK; i++) {
            sl_srv_record *r = sl_srv_records_at(s->records, i);
            unsigned ev = sl_index_article_event(s->x, r->id);
            if (ev != r->event) {
                sl_srv_note *note = note_new(&b->ns, NOTE_EVENT);
                note->a.seq = r->seq;
                note->a.event = r->event = ev;
            }
        }
        pthread_mutex_unlock(&s->xlock);
        if (from + SYNC_CHUNK >= n)
            break;
    }
    b->events_dirty = false;
    b->last_sync_us = sl_srv_now_us();
}

static void save_df(sl_srv *s, batch *b)
{
    size_t len = 0;
    pthread_mutex_lock(&s->xlock);
    unsigned char *df = sl_index_pack_df(s->x, &len);
    pthread_mutex_unlock(&s->xlock);
    if (df) {
        sl_srv_note *n = note_new(&b->ns, NOTE_META);
        n->key = sl_xstrdup("df");
        n->val = df;
        n->nval = len;
    }
    b->df_dirty = false;
    b->last_df_us = sl_srv_now_us();
}

/* Recomputes every cached answer (after the index changed). */
static void refresh(sl_srv *s, batch *b)
{
    int64_t t0 = sl_srv_now_us();
    atomic_store(&s->dirty, 0);
    sl_srv_cache_trim(s->cache, (int64_t)CACHE_IDLE_S * 1000000);
    sl_srv_key keys[64];
    size_t n = sl_srv_cache_keys(s->cache, keys, 64);
    for (size_t i = 0; i < n; i++)
        sl_srv_blob_unref(sl_srv_answer(s, &keys[i]));
    b->last_refresh_us = sl_srv_now_us();
    atomic_fetch_add(&s->m.refreshes, 1);
    atomic_fetch_add(&s->m.refresh_us, (unsigned long long)(b->last_refresh_us - t0));
}

/* ---- answers ---------------------------------------------------------------------- */

/* Telegram's threads from the events JSON: title, category, article names. */
static char *threads_of(const char *events)
{
    cJSON *root = cJSON_Parse(events);
    const cJSON *evs = cJSON_GetObjectItemCaseSensitive(root, "events"), *ev;
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"threads\":[");
    int k = 0;
    cJSON_ArrayForEach(ev, evs) {
        const cJSON *h = cJSON_GetObjectItemCaseSensitive(ev, "headline"), *a;
        sl_buf_puts(&b, k++ ? ",{\"title\":" : "{\"title\":");
        sl_buf_json_str(&b, cJSON_IsString(h) ? h->valuestring : "");
        sl_buf_puts(&b, ",\"category\":\"any\",\"articles\":[");
        int j = 0;
        cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(ev, "articles")) {
            if (j++)
                sl_buf_put(&b, ",", 1);
            sl_buf_json_str(&b, cJSON_IsString(a) ? a->valuestring : "");
        }
        sl_buf_puts(&b, "]}");
    }
    sl_buf_puts(&b, "]}");
    cJSON_Delete(root);
    return sl_buf_take(&b);
}

sl_srv_blob *sl_srv_answer(sl_srv *s, const sl_srv_key *k)
{
    /* a listing names a few articles per story (GET /stories/{id} has them all):
     * the top 20 stories of 100,000 articles listed every one in 15 MB */
    sl_query q = {k->lang[0] ? k->lang : NULL, k->period_days, k->limit, LIST_ARTICLES};
    pthread_mutex_lock(&s->xlock);
    char *json = k->kind == SL_SRV_Q_STORIES ? sl_index_stories_json(s->x, &q)
                                             : sl_index_events_json(s->x, &q);
    pthread_mutex_unlock(&s->xlock);
    if (k->kind == SL_SRV_Q_THREADS) {
        char *t = threads_of(json);
        free(json);
        json = t;
    }
    sl_srv_blob *v = sl_srv_blob_new(json, strlen(json));
    sl_srv_cache_put(s->cache, k, sl_srv_blob_ref(v));
    return v;
}

/* ---- restoring --------------------------------------------------------------------- */

typedef struct {
    sl_srv *s;
    int64_t now;
    size_t n, again;
} restoring;

static bool restore_row(const sl_store_row *r, void *cls)
{
    restoring *rs = cls;
    sl_srv *s = rs->s;
    if (++rs->n % 4096 == 0) { /* let /health and /metrics see progress */
        pthread_mutex_unlock(&s->xlock);
        atomic_store(&s->loaded, (long long)rs->n);
        pthread_mutex_lock(&s->xlock);
    }
    if (r->expires > 0 && r->expires <= rs->now)
        return true; /* the sweep deletes it */
    if (r->state == SL_STORE_INDEXED && r->pack &&
        sl_index_restore_article(s->x, r->pack, r->npack, r->event) == SL_OK) {
        sl_srv_records_put(s->records, r->id, r->seq, r->event);
        return true;
    }
    if (r->state != SL_STORE_REFUSED) { /* read and analyse it again */
        sl_srv_push_change(s, 0, r->seq, r->id);
        rs->again++;
    }
    return true;
}

static void restore(sl_srv *s)
{
    const char *delay = getenv("SL_SERVE_TEST_LOAD_DELAY_MS"); /* tests: see the 503s */
    if (delay) {
        struct timespec ts = {atoi(delay) / 1000, (atoi(delay) % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    int64_t t0 = sl_srv_now_us();
    size_t len = 0;
    unsigned char *df = sl_store_meta_get(s->wrd, "df", &len);
    restoring rs = {s, (int64_t)time(NULL), 0, 0};
    pthread_mutex_lock(&s->xlock);
    if (df && sl_index_restore_df(s->x, df, len) != SL_OK && !s->cfg.quiet)
        fprintf(stderr, "storyline serve: %s (the frequencies start afresh)\n",
                sl_engine_error(s->xe));
    free(df);
    if (sl_store_scan(s->wrd, restore_row, &rs) != SL_OK)
        fprintf(stderr, "storyline serve: %s\n", sl_store_error(s->wrd));
    sl_index_update(s->x);
    atomic_store(&s->in_index, (long long)sl_srv_records_count(s->records));
    pthread_mutex_unlock(&s->xlock);
    atomic_store(&s->loaded, (long long)rs.n);
    if (!s->cfg.quiet)
        fprintf(stderr, "storyline serve: restored %zu articles in %.1f s (%zu to analyse again)\n",
                rs.n - rs.again, (double)(sl_srv_now_us() - t0) / 1e6, rs.again);
}

/* ---- the thread ---------------------------------------------------------------------- */

/* Works through the changes taken. */
static void work(sl_srv *s, batch *b, sl_srv_change *cs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (cs[i].kind == 1)
            remove_one(s, b, cs[i].id);
        else
            add_one(s, b, &cs[i]);
        free(cs[i].id);
    }
}

/* What comes after a batch: update, save what moved, refresh answers.
 * 'now_all' (idle or stopping) saves events and frequencies at once. */
static void after(sl_srv *s, batch *b, bool now_all)
{
    int64_t now = sl_srv_now_us();
    if (b->need_update)
        update(s, b);
    if (b->events_dirty && (now_all || now - b->last_sync_us >= EVENT_SYNC_MS * 1000))
        sync_events(s, b);
    if (b->df_dirty && (now_all || now - b->last_df_us >= (int64_t)s->cfg.df_every_s * 1000000))
        save_df(s, b);
    hand_over(s, &b->ns);
    if (atomic_load(&s->dirty) && now - b->last_refresh_us >= (int64_t)s->cfg.refresh_ms * 1000)
        refresh(s, b);
}

/* Drops the changes left when the worker stops: the store keeps those
 * rows as not analysed, and the next start analyses them. */
static void drop_changes(sl_srv *s)
{
    pthread_mutex_lock(&s->clock);
    for (size_t i = s->hchanges; i < s->nchanges; i++)
        free(s->changes[i].id);
    s->nchanges = s->hchanges = 0;
    pthread_mutex_unlock(&s->clock);
}

/* Restored articles go back into the copy index after the service is
 * ready, this many at a time under the index lock (each is judged against
 * its candidates again: 10-100 us, the more copies the more): a read that
 * misses the cache waits for one chunk at most. */
enum { COPY_CHUNK = 500 };

/* One chunk of the copies to restore; returns how many are left. */
static size_t restore_copies(sl_srv *s, int64_t t0)
{
    pthread_mutex_lock(&s->xlock);
    size_t left = sl_index_restore_copies(s->x, COPY_CHUNK);
    pthread_mutex_unlock(&s->xlock);
    atomic_fetch_add(&s->dirty, 1); /* ranking counts the copies once again */
    if (!left && !s->cfg.quiet)
        fprintf(stderr, "storyline serve: restored the copy groups in %.1f s\n",
                (double)(sl_srv_now_us() - t0) / 1e6);
    return left;
}

void *sl_srv_worker_main(void *arg)
{
    sl_srv *s = arg;
    if (s->cfg.worker_nice) /* requests first */
        setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), s->cfg.worker_nice);
    restore(s);
    atomic_store(&s->ready, true);
    batch *b = sl_xcalloc(1, sizeof *b);
    sl_srv_change cs[64];
    b->last_sync_us = b->last_df_us = sl_srv_now_us();
    bool stop = false;
    int64_t copies_t0 = sl_srv_now_us();
    size_t copies_left = 1; /* not known yet: the first chunk says */
    while (!stop) {
        int64_t t0 = sl_srv_now_us();
        size_t n = 0, k;
        while (!stop && n < BATCH && sl_srv_now_us() - t0 < BATCH_MS * 1000) {
            size_t max = BATCH - n < 64 ? BATCH - n : 64;
            if (!(k = take_changes(s, cs, max, n ? 50 : copies_left ? 0 : 200, &stop)))
                break; /* a burst is over: cluster it as one */
            work(s, b, cs, k);
            n += k;
        }
        if (copies_left && !stop)
            copies_left = restore_copies(s, copies_t0);
        after(s, b, stop || n == 0);
        if (n == 0 && !stop)
            set_idle(s, !copies_left && atomic_load(&s->dirty) == 0 && !b->events_dirty &&
                            !b->df_dirty);
    }
    drop_changes(s);
    free(b);
    return NULL;
}
