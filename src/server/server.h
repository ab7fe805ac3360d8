/*
 * server.h -- the service's internal header: what the files of src/server/
 * share.  The service keeps articles in a store (src/store/), an index of
 * events and stories in memory, and answers HTTP.
 *
 *   request threads (libmicrohttpd)
 *       |  PUT/DELETE: a ticket ------------> store thread (store.c writer)
 *       |                                       group commit, then acks;
 *       |                                       tells the worker what changed
 *       |  GET: cached answers <--- worker thread (worker.c)
 *       |                             reads, analyses, clusters, packs;
 *       |                             sends notes (packs, events) back to
 *       |                             the store thread; refreshes the cache
 *
 * Locks, always taken in this order and never held across a wait for
 * another thread: xlock (the index, its engine and the records), then the
 * cache lock; the queues' locks are leaves.  The index is touched only
 * under xlock, and the worker releases it between articles, so a GET that
 * needs the index waits at most for one article or one update.
 *
 * The service drives the library through storyline.h alone; from inside it
 * borrows only the core toolkit (core/core.h: allocation, buffers, UTF-8).
 */
#ifndef SL_SERVER_H
#define SL_SERVER_H

#include "storyline.h"
#include "../core/core.h"
#include "../store/store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- small tools (util.c) -------------------------------------------------- */

/* Allocation and growing strings are the library's (core/core.h:
 * sl_xmalloc, sl_buf_printf, sl_buf_json_str, ...); these are the service's
 * own additions. */
char *sl_srv_memdup(const void *p, size_t n); /* all n bytes, and a NUL; caller frees */
int64_t sl_srv_now_us(void); /* monotonic clock */

/* ---- shared answers (util.c) ------------------------------------------------- */

/* Immutable bytes shared by the cache and the responses that send them. */
typedef struct {
    atomic_int refs;
    size_t len;
    char *data; /* owned */
} sl_srv_blob;

/* Takes ownership of data (from malloc).  One reference; drop it with
 * sl_srv_blob_unref(). */
sl_srv_blob *sl_srv_blob_new(char *data, size_t len);
sl_srv_blob *sl_srv_blob_ref(sl_srv_blob *b);
void sl_srv_blob_unref(sl_srv_blob *b);

/* ---- metrics (metrics.c) ----------------------------------------------------- */

/* What a request is, for counting and timing. */
typedef enum {
    SL_SRV_R_PUT, SL_SRV_R_DELETE, SL_SRV_R_STORIES, SL_SRV_R_STORY, SL_SRV_R_EVENTS,
    SL_SRV_R_THREADS, SL_SRV_R_ARTICLE, SL_SRV_R_SEARCH, SL_SRV_R_SIMILAR, SL_SRV_R_PAGE,
    SL_SRV_R_OTHER,
    /* not requests but the stages of a write, each timed on its own
     * (GET /metrics: "write_stages"): read and checked on the request
     * thread, waiting for the store thread, in the transaction until
     * durable, durable until the answer is sent */
    SL_SRV_R_W_CHECK, SL_SRV_R_W_QUEUE, SL_SRV_R_W_COMMIT, SL_SRV_R_W_ANSWER,
    /* and the parts of one transaction of the store thread (GET /metrics:
     * "transaction"): applying the writes, the worker's notes (with the
     * search index's merging), the expiry sweep, and COMMIT until the log
     * is synced */
    SL_SRV_R_T_WRITES, SL_SRV_R_T_NOTES, SL_SRV_R_T_EXPIRE, SL_SRV_R_T_SYNC,
    SL_SRV_R_N
} sl_srv_route;

enum { SL_SRV_BUCKETS = 128 }; /* latency buckets, 12% apart from 10 us */

typedef struct {
    atomic_ullong count[SL_SRV_R_N];
    atomic_ullong errors[SL_SRV_R_N];   /* answers >= 400 */
    atomic_ullong hist[SL_SRV_R_N][SL_SRV_BUCKETS];
    atomic_ullong commits, committed;   /* transactions, writes in them */
    atomic_ullong commit_us;            /* time spent committing */
    atomic_ullong indexed, refused, removed;
    atomic_ullong updates, update_us;   /* index updates and their time */
    atomic_ullong refreshes, refresh_us;
} sl_srv_metrics;

/* Counts one request of kind r that took 'us' microseconds and answered
 * 'status'. */
void sl_srv_metrics_note(sl_srv_metrics *m, sl_srv_route r, int64_t us, int status);
/* Appends "NAME":{"count","errors","p50_ms","p99_ms","max_ms"} for every
 * kind seen in [from, to), comma-separated. */
void sl_srv_metrics_json(const sl_srv_metrics *m, sl_srv_route from, sl_srv_route to, sl_buf *b);
const char *sl_srv_route_name(sl_srv_route r);

/* ---- writes: tickets --------------------------------------------------------- */

typedef enum { SL_SRV_PUT, SL_SRV_DELETE } sl_srv_op;

/* One write, from the request to its acknowledgement.  The store thread
 * sets 'status' (201 created, 204 replaced or deleted, 404 no such
 * article, 500 the store failed, with 'err') once the transaction holding
 * it is durable, then calls done(t, cls) -- on the store thread, so done
 * must be quick and must not free t while the caller still uses it. */
typedef struct sl_srv_ticket {
    sl_srv_op op;
    char *id;
    int format;     /* sl_format of the body */
    char *ctype;    /* Content-Type as received, or NULL */
    char *body;     /* owned */
    size_t len;
    int64_t expires; /* unix seconds, 0 = never */
    int status;
    char err[256];
    void (*done)(struct sl_srv_ticket *t, void *cls);
    void *cls;
    struct sl_srv_ticket *next;
    int64_t queued_us, taken_us, durable_us; /* when it reached each stage */
} sl_srv_ticket;

/* A new write of article 'id' (PUT when body is non-NULL: the body's len
 * bytes, format and Content-Type (NULL: none) are copied; else DELETE).
 * Caller submits it, or frees it with sl_srv_ticket_free(). */
sl_srv_ticket *sl_srv_ticket_new(const char *id, const char *body, size_t len, int format,
                                 const char *ctype, int64_t expires);
void sl_srv_ticket_free(sl_srv_ticket *t);

/* ---- the answer cache (cache.c) ---------------------------------------------- */

typedef enum { SL_SRV_Q_STORIES, SL_SRV_Q_EVENTS, SL_SRV_Q_THREADS } sl_srv_qkind;

typedef struct {
    sl_srv_qkind kind;
    char lang[16];
    int period_days;
    size_t limit;
} sl_srv_key;

typedef struct sl_srv_cache sl_srv_cache;

sl_srv_cache *sl_srv_cache_new(size_t max_keys);
void sl_srv_cache_free(sl_srv_cache *c);
/* The answer for k, with a new reference (drop it with sl_srv_blob_unref()),
 * or NULL if it is not cached. */
sl_srv_blob *sl_srv_cache_get(sl_srv_cache *c, const sl_srv_key *k);
/* Stores the answer for k (takes the caller's reference to v). */
void sl_srv_cache_put(sl_srv_cache *c, const sl_srv_key *k, sl_srv_blob *v);
/* The keys held now, into keys[0..max); returns how many. */
size_t sl_srv_cache_keys(sl_srv_cache *c, sl_srv_key *keys, size_t max);
/* Forgets keys nobody asked for in the last 'idle_us' microseconds. */
void sl_srv_cache_trim(sl_srv_cache *c, int64_t idle_us);

/* ---- records: what the worker knows of each indexed article (records.c) ---- */

typedef struct {
    char *id;
    int64_t seq;
    unsigned event; /* as last saved in the store */
} sl_srv_record;

typedef struct sl_srv_records sl_srv_records;

sl_srv_records *sl_srv_records_new(void);
void sl_srv_records_free(sl_srv_records *r);
/* The record of 'id', or NULL.  Borrowed, valid until the next change. */
sl_srv_record *sl_srv_records_find(sl_srv_records *r, const char *id);
/* Adds or replaces the record of 'id' (copied). */
void sl_srv_records_put(sl_srv_records *r, const char *id, int64_t seq, unsigned event);
void sl_srv_records_del(sl_srv_records *r, const char *id);
size_t sl_srv_records_count(const sl_srv_records *r);
/* The i-th record, i < count, in no particular order.  Borrowed. */
sl_srv_record *sl_srv_records_at(sl_srv_records *r, size_t i);

/* ---- the server ------------------------------------------------------------------ */

enum { SL_SRV_SLOTS = 4 };

/* What a request thread borrows to read: an engine and a store reader. */
typedef struct {
    pthread_mutex_t lock;
    sl_engine *e;
    sl_store *rd;
} sl_srv_slot;

/* A change the store thread tells the worker about. */
typedef struct {
    int kind; /* 0 add, 1 remove */
    int64_t seq;
    char *id;
} sl_srv_change;

typedef struct sl_srv_note sl_srv_note; /* worker -> store thread (worker.c) */

typedef struct {
    char *db;
    size_t max_body;
    unsigned refresh_ms;    /* at most one cache refresh this often */
    unsigned df_every_s;    /* save the document frequencies this often */
    bool quiet;
    int worker_nice;        /* the worker's nice value (serve: 10, ingest: 0) */
} sl_srv_config;

typedef struct sl_srv {
    sl_srv_config cfg;
    char *token;            /* writes need "Authorization: Bearer token"; NULL: none */
    /* the store thread and its queue of tickets and notes */
    sl_store *writer;
    pthread_t store_thread;
    pthread_mutex_t qlock;
    pthread_cond_t qcond;
    sl_srv_ticket *qhead, *qtail;
    sl_srv_note *nhead, *ntail;
    size_t qlen, nlen;
    bool stop_store, store_busy;
    bool threads_on;
    /* the worker and its queue of changes */
    pthread_t worker_thread;
    pthread_mutex_t clock;
    pthread_cond_t ccond;
    sl_srv_change *changes;  /* waiting: changes[hchanges .. nchanges) */
    size_t hchanges, nchanges, cchanges;
    bool stop_worker, worker_idle;
    sl_store *wrd;          /* the worker's reader */
    sl_engine *we;          /* the worker's reading engine */
    /* the index, under xlock */
    pthread_mutex_t xlock;
    sl_engine *xe;
    sl_index *x;
    sl_srv_records *records;
    /* answers */
    sl_srv_cache *cache;
    sl_srv_slot slots[SL_SRV_SLOTS];
    atomic_uint next_slot;
    sl_srv_metrics m;
    atomic_bool ready;
    atomic_llong stored, loaded, to_load;
    atomic_llong in_index;  /* articles in the index now */
    atomic_llong dirty;     /* index changes not yet in the cached answers */
    int64_t started_us;
} sl_srv;

/* service.c: makes the server on the store at cfg->db and starts its
 * store and worker threads (the worker restores the index first; 'ready'
 * turns true when it is done).  NULL on failure, with the reason in err.
 * Caller frees with sl_srv_free(), which stops the threads after the
 * queued work is done. */
sl_srv *sl_srv_new(const sl_srv_config *cfg, char *err, size_t errlen);
void sl_srv_free(sl_srv *s);

/* Queues ticket t for the store thread (takes ownership until done(t) is
 * called).  Thread-safe. */
void sl_srv_submit(sl_srv *s, sl_srv_ticket *t);
/* Submits t and waits for its acknowledgement.  Caller keeps t. */
void sl_srv_submit_wait(sl_srv *s, sl_srv_ticket *t);
/* Waits until every write so far is committed and indexed, the notes are
 * saved and the worker is idle. */
void sl_srv_drain(sl_srv *s);
/* Whether all is quiet now, in the sense of sl_srv_drain(). */
bool sl_srv_quiet(sl_srv *s);
/* Waits until every ticket submitted so far is acknowledged. */
void sl_srv_drain_writes(sl_srv *s);

/* A request slot (blocks until one is free); give it back with
 * sl_srv_slot_put(). */
sl_srv_slot *sl_srv_slot_get(sl_srv *s);
void sl_srv_slot_put(sl_srv_slot *slot);

/* committer.c: the store thread's body. */
void *sl_srv_store_main(void *srv);
/* worker.c: the worker thread's body, and what others ask of it. */
void *sl_srv_worker_main(void *srv);
void sl_srv_push_change(sl_srv *s, int kind, int64_t seq, const char *id);
/* Takes the notes queued for the store thread (a list; the caller applies
 * them with sl_srv_note_apply() and frees them with sl_srv_note_free()). */
sl_status sl_srv_note_apply(sl_srv *s, const sl_srv_note *n);
sl_srv_note *sl_srv_note_next(const sl_srv_note *n);
void sl_srv_note_link(sl_srv_note *n, sl_srv_note *next); /* next follows n (NULL: n ends the list) */
void sl_srv_note_free(sl_srv_note *n);

/* The JSON answer for k, computed now under xlock (and then cached).
 * Returns a new reference. */
sl_srv_blob *sl_srv_answer(sl_srv *s, const sl_srv_key *k);

/* read.c: reads a body into an article with id 'id' (with the engine of
 * the calling thread): the same reading at PUT time and in the worker.
 * Caller frees with sl_article_free(); NULL, with the reason in why, if
 * the body is not an article. */
sl_article *sl_srv_read(sl_engine *e, const char *id, int format, const char *body,
                        size_t len, char *why, size_t nwhy);
/* The format of a body: from its Content-Type, else from its first bytes
 * ('{' JSON, '<' HTML, else text).  Never SL_FORMAT_AUTO. */
sl_format sl_srv_format_of(const char *ctype, const char *body, size_t len);

/* ---- requests and responses (routes.c), without sockets ------------------------ */

typedef struct {
    const char *method, *path;               /* path without the query */
    const char *(*arg)(void *cls, const char *name);    /* query argument or NULL */
    const char *(*header)(void *cls, const char *name); /* header or NULL */
    void *cls;
    const char *body;
    size_t len;
} sl_srv_req;

typedef struct {
    int status;
    const char *ctype;         /* static */
    sl_srv_blob *blob;         /* the body (a reference), or NULL */
    const char *static_body;   /* or a body that lives as long as the program */
    size_t static_len;
    const char *allow;         /* Allow header for 405, static */
    const char *cache_control; /* static, or NULL */
    sl_srv_ticket *ticket;     /* a write to submit; its answer comes later */
    sl_srv_route route;
} sl_srv_resp;

/* Answers request q into *r (zeroed first).  When r->ticket is set, the
 * caller submits it (sl_srv_submit) and, once done, answers with
 * sl_srv_write_reply().  Thread-safe. */
void sl_srv_route_request(sl_srv *s, const sl_srv_req *q, sl_srv_resp *r);
/* The answer to a finished write ticket. */
void sl_srv_write_reply(const sl_srv_ticket *t, sl_srv_resp *r);
/* An error answer {"error": msg}. */
void sl_srv_error(sl_srv_resp *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Frees what r holds (its blob reference and any ticket). */
void sl_srv_resp_free(sl_srv_resp *r);

/* web.c: the page's files, embedded at build time.  Returns false if
 * there is no file 'path'. */
bool sl_srv_web_file(const char *path, const char **data, size_t *len, const char **ctype);

#endif /* SL_SERVER_H */
