/*
 * store.h -- the store: articles, their analysis and their events in one
 * SQLite file, for the service (src/server/) and its tests.
 *
 * One sl_store is one connection to the file, used by one thread at a time.
 * The service opens one writer (the only connection that ever writes, so
 * writes never wait for a lock) and some readers; SQLite's WAL mode lets
 * readers see the last committed state while the writer goes on.
 *
 * What is kept (schema in store.c):
 *   articles  seq (insertion order; a new version gets a new seq), id,
 *             received and expiry time, state, event number, metadata
 *             (title, lang, date, url) and the packed analysis
 *   bodies    the body as received, its format and Content-Type
 *   search    FTS5 over title and cleaned text, rowid = seq
 *   meta      the schema version and the packed document frequencies
 * A write is durable when sl_store_commit() returns SL_OK: WAL mode with
 * synchronous=FULL fsyncs the log at every commit.
 *
 * Like the CLI and the server, the store uses only storyline.h from the
 * library.  Tests: tests/store/test_store.c.
 */
#ifndef SL_STORE_H
#define SL_STORE_H

#include "storyline.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sl_store sl_store;

/* An article's state in the store. */
enum {
    SL_STORE_NEW = 0,     /* stored, not analysed yet */
    SL_STORE_INDEXED = 1, /* analysed: pack and metadata are set */
    SL_STORE_REFUSED = 2  /* the index refused it (no usable text) */
};

/* Opens (and, for a writer, creates) the store at 'path'.  A writer sets
 * up the schema; a reader only reads.  NULL on failure, with the reason
 * (`path: why`) in err.  Caller frees with sl_store_close(). */
sl_store *sl_store_open(const char *path, bool writer, char *err, size_t errlen);
void sl_store_close(sl_store *s);

/* The last SQLite error of this connection.  Borrowed, valid until the
 * next call on s. */
const char *sl_store_error(const sl_store *s);

/* ---- transactions (writer) ------------------------------------------------ */

sl_status sl_store_begin(sl_store *s);
sl_status sl_store_commit(sl_store *s); /* durable once it returns SL_OK */
void sl_store_rollback(sl_store *s);

/* ---- merging the search index ----------------------------------------------- */

/* FTS5 keeps the search index as segments and merges them as it goes:
 * by default hundreds of pages at a time, inside whichever commit crosses
 * a threshold, so that commit takes tens of milliseconds.  After
 * sl_store_own_merges() (writer; the setting stays in the file) commits
 * never merge: the writer calls sl_store_merge_search() in its
 * transactions, a little at a time.  Left undone, the index still merges
 * when a level reaches 16 segments. */
sl_status sl_store_own_merges(sl_store *writer);
/* Writer, inside a transaction: about 'pages' pages of merge work on the
 * search index, if a level has 4 segments or more (else none). */
sl_status sl_store_merge_search(sl_store *writer, int pages);

/* ---- writes (writer, inside a transaction) -------------------------------- */

/* A new version of article 'id' (an old one, if any, is deleted: its seq
 * in *old_seq, else 0).  'body' is borrowed.  expires 0 means never.
 * The new row's seq goes to *seq. */
sl_status sl_store_put(sl_store *s, const char *id, int format, const char *ctype,
                       const void *body, size_t len, int64_t received, int64_t expires,
                       int64_t *seq, int64_t *old_seq);

/* Deletes article 'id'; its seq goes to *old_seq (0 if there was none). */
sl_status sl_store_delete(sl_store *s, const char *id, int64_t *old_seq);

/* What the analysis gave for the row 'seq' (nothing happens if the row is
 * gone).  Strings may be NULL; 'text' is the cleaned text for search. */
typedef struct {
    int64_t seq;
    int state;                 /* SL_STORE_INDEXED or SL_STORE_REFUSED */
    unsigned event;
    const unsigned char *pack; /* may be NULL */
    size_t npack;
    const char *title, *lang, *date, *text;
} sl_store_analysis;
sl_status sl_store_analysed(sl_store *s, const sl_store_analysis *a);

/* Sets the event number of the row 'seq'. */
sl_status sl_store_set_event(sl_store *s, int64_t seq, unsigned event);

/* Deletes every article whose expiry time is <= now; calls fn(id, cls)
 * for each one deleted (id borrowed for the call).  At most 'max' rows.
 * Returns how many were deleted, or -1 on error. */
long sl_store_expire(sl_store *s, int64_t now, size_t max,
                     void (*fn)(const char *id, void *cls), void *cls);

/* Sets meta 'key' to the bytes (borrowed). */
sl_status sl_store_meta_put(sl_store *s, const char *key, const void *v, size_t n);

/* ---- reads (any connection) ----------------------------------------------- */

/* Meta 'key' as new bytes (caller frees with free()), or NULL if absent. */
unsigned char *sl_store_meta_get(sl_store *s, const char *key, size_t *n);

/* One row of the articles, as sl_store_scan() and sl_store_get() give it.
 * Every pointer is borrowed, valid until the callback returns / the next
 * call on s. */
typedef struct {
    int64_t seq, received, expires;
    int state;
    unsigned event;
    const char *id, *title, *lang, *date;
    const unsigned char *pack;
    size_t npack;
} sl_store_row;

/* Calls fn for every article in insertion order (seq ascending), with
 * its pack; stops early when fn returns false.  Returns SL_OK, or SL_EIO
 * with the reason in sl_store_error(). */
sl_status sl_store_scan(sl_store *s, bool (*fn)(const sl_store_row *r, void *cls), void *cls);

/* The row of article 'id' (without its pack).  Returns SL_OK, SL_DONE if
 * there is none, or SL_EIO. */
sl_status sl_store_get(sl_store *s, const char *id, sl_store_row *out);

/* The body of row 'seq' (or, with seq 0, of article 'id').  The pointers
 * are borrowed, valid until the next call on s.  SL_DONE if the row is
 * gone. */
typedef struct {
    int64_t seq;
    int format;
    const char *ctype, *id;
    const void *body;
    size_t len;
} sl_store_body;
sl_status sl_store_body_get(sl_store *s, int64_t seq, const char *id, sl_store_body *out);

/* How many articles are stored. */
long long sl_store_count(sl_store *s);

/* Full-text search (FTS5 syntax is not exposed: the words of 'query' are
 * each quoted and must all occur).  Calls fn for each hit, best first, at
 * most 'limit'; 'snippet' marks matches with \x02 ... \x03. */
typedef struct {
    const char *id, *title, *lang, *date, *snippet;
    unsigned event;
} sl_store_hit;
sl_status sl_store_search(sl_store *s, const char *query, size_t limit,
                          void (*fn)(const sl_store_hit *h, void *cls), void *cls);

#endif /* SL_STORE_H */
