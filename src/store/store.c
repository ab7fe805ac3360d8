/*
 * store.c -- articles, analyses and events in one SQLite file.
 *
 * The schema keeps what a restart reads (articles: small columns, then the
 * pack) apart from what it does not (bodies, search), so that reading a
 * million packs touches no body page.  seq is AUTOINCREMENT: a number is
 * never given twice, so a late note about row 'seq' (an analysis finished
 * after the article was replaced) can never land on another article.
 *
 * Durability: WAL mode, synchronous=FULL -- each commit fsyncs the log
 * before it returns, so what sl_store_commit() acknowledged survives a
 * crash of the process or of the machine.  The writer batches many
 * requests into one transaction (group commit); that is where the speed
 * comes from, not from a weaker sync.
 *
 * Statements are prepared once per connection and reused.
 * Tests: tests/store/test_store.c, tests/cli/test_crash.sh.
 */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SCHEMA_VERSION = 1 };

static const char *SCHEMA =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);"
    "CREATE TABLE IF NOT EXISTS articles("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  id TEXT NOT NULL UNIQUE,"
    "  received INTEGER NOT NULL,"
    "  expires INTEGER NOT NULL DEFAULT 0,"
    "  state INTEGER NOT NULL DEFAULT 0,"
    "  event INTEGER NOT NULL DEFAULT 0,"
    "  title TEXT, lang TEXT, date TEXT,"
    "  pack BLOB);"
    "CREATE INDEX IF NOT EXISTS articles_expiry ON articles(expires) WHERE expires > 0;"
    "CREATE TABLE IF NOT EXISTS bodies("
    "  seq INTEGER PRIMARY KEY, format INTEGER NOT NULL, ctype TEXT, body BLOB NOT NULL);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(title, text,"
    "  tokenize = 'unicode61 remove_diacritics 2');";

/* Every statement the store uses, prepared on first use. */
enum {
    Q_FIND, Q_INS_ART, Q_INS_BODY, Q_DEL_ART, Q_DEL_BODY, Q_DEL_FTS, Q_STATE,
    Q_ANALYSED, Q_INS_FTS, Q_SET_EVENT, Q_EXPIRED, Q_META_PUT, Q_META_GET, Q_SCAN,
    Q_GET, Q_BODY_SEQ, Q_BODY_ID, Q_COUNT, Q_SEARCH, Q_BEGIN, Q_COMMIT, Q_ROLLBACK, Q_MERGE,
    NQ
};

static const char *SQL[NQ] = {
    [Q_FIND] = "SELECT seq FROM articles WHERE id = ?1",
    [Q_INS_ART] = "INSERT INTO articles(id, received, expires) VALUES(?1, ?2, ?3)",
    [Q_INS_BODY] = "INSERT INTO bodies(seq, format, ctype, body) VALUES(?1, ?2, ?3, ?4)",
    [Q_DEL_ART] = "DELETE FROM articles WHERE seq = ?1",
    [Q_DEL_BODY] = "DELETE FROM bodies WHERE seq = ?1",
    [Q_DEL_FTS] = "DELETE FROM search WHERE rowid = ?1",
    [Q_STATE] = "SELECT state FROM articles WHERE seq = ?1",
    [Q_ANALYSED] = "UPDATE articles SET state = ?2, event = ?3, pack = ?4, title = ?5,"
                   " lang = ?6, date = ?7 WHERE seq = ?1",
    [Q_INS_FTS] = "INSERT INTO search(rowid, title, text) VALUES(?1, ?2, ?3)",
    [Q_MERGE] = "INSERT INTO search(search, rank) VALUES('merge', ?1)",
    [Q_SET_EVENT] = "UPDATE articles SET event = ?2 WHERE seq = ?1",
    [Q_EXPIRED] = "SELECT seq, id FROM articles WHERE expires > 0 AND expires <= ?1 LIMIT ?2",
    [Q_META_PUT] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
    [Q_META_GET] = "SELECT value FROM meta WHERE key = ?1",
    [Q_SCAN] = "SELECT seq, id, received, expires, state, event, title, lang, date, pack"
               " FROM articles ORDER BY seq",
    [Q_GET] = "SELECT seq, id, received, expires, state, event, title, lang, date"
              " FROM articles WHERE id = ?1",
    [Q_BODY_SEQ] = "SELECT b.seq, b.format, b.ctype, a.id, b.body FROM bodies b"
                   " JOIN articles a ON a.seq = b.seq WHERE b.seq = ?1",
    [Q_BODY_ID] = "SELECT b.seq, b.format, b.ctype, a.id, b.body FROM articles a"
                  " JOIN bodies b ON b.seq = a.seq WHERE a.id = ?1",
    [Q_COUNT] = "SELECT count(*) FROM articles",
    [Q_SEARCH] = "SELECT a.id, a.title, a.lang, a.date, a.event,"
                 " snippet(search, 1, char(2), char(3), '...', 16)"
                 " FROM search JOIN articles a ON a.seq = search.rowid"
                 " WHERE search MATCH ?1 ORDER BY rank LIMIT ?2",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
};

struct sl_store {
    sqlite3 *db;
    sqlite3_stmt *q[NQ];
    char *keep;        /* what sl_store_get / sl_store_body_get hand out */
    size_t nkeep, ckeep;
    char path[512];
    char err[768];
};

/* ---- errors and statements --------------------------------------------------- */

static sl_status fail(sl_store *s, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    return SL_EIO;
}

const char *sl_store_error(const sl_store *s) { return s ? s->err : ""; }

/* Statement k, reset and unbound, ready for new values; NULL on error. */
static sqlite3_stmt *stmt(sl_store *s, int k)
{
    if (!s->q[k] && sqlite3_prepare_v3(s->db, SQL[k], -1, SQLITE_PREPARE_PERSISTENT,
                                       &s->q[k], NULL) != SQLITE_OK) {
        fail(s, "prepare");
        return NULL;
    }
    sqlite3_reset(s->q[k]);
    sqlite3_clear_bindings(s->q[k]);
    return s->q[k];
}

/* Runs statement k that returns no rows, bound to one integer. */
static sl_status run_int(sl_store *s, int k, int64_t v)
{
    sqlite3_stmt *q = stmt(s, k);
    if (!q)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, v);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? SL_OK : fail(s, SQL[k]);
}

static void bind_text(sqlite3_stmt *q, int i, const char *t)
{
    if (t)
        sqlite3_bind_text(q, i, t, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

static const char *col_text(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? (const char *)t : "";
}

/* Copies n bytes (and a NUL) into the keep buffer; returns their offset.
 * Offsets, not pointers, since the buffer may move while it fills. */
static size_t keep(sl_store *s, const void *p, size_t n)
{
    if (s->nkeep + n + 1 > s->ckeep) {
        s->ckeep = (s->nkeep + n + 1) * 2;
        if (!(s->keep = realloc(s->keep, s->ckeep)))
            abort();
    }
    size_t at = s->nkeep;
    if (n)
        memcpy(s->keep + at, p, n);
    s->keep[at + n] = 0;
    s->nkeep += n + 1;
    return at;
}

static size_t keep_col(sl_store *s, sqlite3_stmt *q, int i)
{
    const void *p = sqlite3_column_blob(q, i);
    return keep(s, p, p ? (size_t)sqlite3_column_bytes(q, i) : 0);
}

/* ---- open and close ------------------------------------------------------- */

static sl_status setup(sl_store *s, bool writer)
{
    const char *pragmas = writer ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                   "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
                                 : "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;";
    char *msg = NULL;
    sqlite3_busy_timeout(s->db, 10000);
    if (sqlite3_exec(s->db, pragmas, NULL, NULL, &msg) != SQLITE_OK ||
        (writer && sqlite3_exec(s->db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK)) {
        snprintf(s->err, sizeof s->err, "%s: %s", s->path, msg ? msg : "setup failed");
        sqlite3_free(msg);
        return SL_EIO;
    }
    if (!writer)
        return SL_OK;
    size_t n = 0;
    unsigned char *v = sl_store_meta_get(s, "schema", &n);
    if (!v) {
        char num[16];
        snprintf(num, sizeof num, "%d", SCHEMA_VERSION);
        sl_status st = sl_store_meta_put(s, "schema", num, strlen(num));
        return st;
    }
    int version = atoi((const char *)v);
    free(v);
    if (version != SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err, "%s: schema version %d, this storyline knows %d",
                 s->path, version, SCHEMA_VERSION);
        return SL_EIO;
    }
    return SL_OK;
}

sl_store *sl_store_open(const char *path, bool writer, char *err, size_t errlen)
{
    sl_store *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    snprintf(s->path, sizeof s->path, "%s", path);
    int flags = (writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
                SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        sl_store_close(s);
        return NULL;
    }
    if (setup(s, writer) != SL_OK) {
        snprintf(err, errlen, "%s", s->err);
        sl_store_close(s);
        return NULL;
    }
    return s;
}

sl_status sl_store_own_merges(sl_store *w)
{
    /* kept in the file (search_config): the next writer merges by hand too */
    return sqlite3_exec(w->db, "INSERT INTO search(search, rank) VALUES('automerge', 0)", NULL,
                        NULL, NULL) == SQLITE_OK ? SL_OK : fail(w, "automerge");
}

sl_status sl_store_merge_search(sl_store *w, int pages)
{
    sqlite3_stmt *q = stmt(w, Q_MERGE);
    if (!q)
        return SL_EIO;
    sqlite3_bind_int(q, 1, pages);
    return sqlite3_step(q) == SQLITE_DONE ? SL_OK : fail(w, "merge search");
}

void sl_store_close(sl_store *s)
{
    if (!s)
        return;
    for (int k = 0; k < NQ; k++)
        sqlite3_finalize(s->q[k]);
    sqlite3_close(s->db);
    free(s->keep);
    free(s);
}

/* ---- transactions ------------------------------------------------------------ */

static sl_status run0(sl_store *s, int k)
{
    sqlite3_stmt *q = stmt(s, k);
    if (!q)
        return SL_EIO;
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? SL_OK : fail(s, SQL[k]);
}

sl_status sl_store_begin(sl_store *s) { return run0(s, Q_BEGIN); }
sl_status sl_store_commit(sl_store *s) { return run0(s, Q_COMMIT); }

void sl_store_rollback(sl_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        run0(s, Q_ROLLBACK);
}

/* ---- writes ------------------------------------------------------------------ */

/* The seq of article 'id', 0 if none, -1 on error. */
static int64_t find(sl_store *s, const char *id)
{
    sqlite3_stmt *q = stmt(s, Q_FIND);
    if (!q)
        return -1;
    bind_text(q, 1, id);
    int rc = sqlite3_step(q);
    int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fail(s, "find");
        return -1;
    }
    return seq;
}

static sl_status delete_seq(sl_store *s, int64_t seq)
{
    if (run_int(s, Q_DEL_ART, seq) != SL_OK || run_int(s, Q_DEL_BODY, seq) != SL_OK ||
        run_int(s, Q_DEL_FTS, seq) != SL_OK)
        return SL_EIO;
    return SL_OK;
}

sl_status sl_store_delete(sl_store *s, const char *id, int64_t *old_seq)
{
    int64_t seq = find(s, id);
    *old_seq = seq > 0 ? seq : 0;
    if (seq < 0)
        return SL_EIO;
    return seq ? delete_seq(s, seq) : SL_OK;
}

sl_status sl_store_put(sl_store *s, const char *id, int format, const char *ctype,
                       const void *body, size_t len, int64_t received, int64_t expires,
                       int64_t *seq, int64_t *old_seq)
{
    if (sl_store_delete(s, id, old_seq) != SL_OK)
        return SL_EIO;
    sqlite3_stmt *q = stmt(s, Q_INS_ART);
    if (!q)
        return SL_EIO;
    bind_text(q, 1, id);
    sqlite3_bind_int64(q, 2, received);
    sqlite3_bind_int64(q, 3, expires);
    if (sqlite3_step(q) != SQLITE_DONE)
        return fail(s, "insert article");
    *seq = sqlite3_last_insert_rowid(s->db);
    if (!(q = stmt(s, Q_INS_BODY)))
        return SL_EIO;
    sqlite3_bind_int64(q, 1, *seq);
    sqlite3_bind_int(q, 2, format);
    bind_text(q, 3, ctype);
    sqlite3_bind_blob64(q, 4, len ? body : "", len, SQLITE_STATIC);
    return sqlite3_step(q) == SQLITE_DONE ? SL_OK : fail(s, "insert body");
}

/* The state of row 'seq', -1 if it is gone, -2 on error. */
static int state_of(sl_store *s, int64_t seq)
{
    sqlite3_stmt *q = stmt(s, Q_STATE);
    if (!q)
        return -2;
    sqlite3_bind_int64(q, 1, seq);
    int rc = sqlite3_step(q);
    int st = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fail(s, "state");
        return -2;
    }
    return st;
}

sl_status sl_store_analysed(sl_store *s, const sl_store_analysis *a)
{
    int old = state_of(s, a->seq);
    if (old == -2)
        return SL_EIO;
    if (old == -1)
        return SL_OK; /* deleted or replaced meanwhile */
    sqlite3_stmt *q = stmt(s, Q_ANALYSED);
    if (!q)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, a->seq);
    sqlite3_bind_int(q, 2, a->state);
    sqlite3_bind_int64(q, 3, a->event);
    if (a->pack)
        sqlite3_bind_blob64(q, 4, a->pack, a->npack, SQLITE_STATIC);
    bind_text(q, 5, a->title);
    bind_text(q, 6, a->lang);
    bind_text(q, 7, a->date);
    if (sqlite3_step(q) != SQLITE_DONE)
        return fail(s, "update analysis");
    if (old != SL_STORE_NEW || a->state != SL_STORE_INDEXED)
        return SL_OK; /* searchable once, from its first analysis */
    if (!(q = stmt(s, Q_INS_FTS)))
        return SL_EIO;
    sqlite3_bind_int64(q, 1, a->seq);
    bind_text(q, 2, a->title ? a->title : "");
    bind_text(q, 3, a->text ? a->text : "");
    return sqlite3_step(q) == SQLITE_DONE ? SL_OK : fail(s, "insert search");
}

sl_status sl_store_set_event(sl_store *s, int64_t seq, unsigned event)
{
    sqlite3_stmt *q = stmt(s, Q_SET_EVENT);
    if (!q)
        return SL_EIO;
    sqlite3_bind_int64(q, 1, seq);
    sqlite3_bind_int64(q, 2, event);
    return sqlite3_step(q) == SQLITE_DONE ? SL_OK : fail(s, "set event");
}

long sl_store_expire(sl_store *s, int64_t now, size_t max,
                     void (*fn)(const char *id, void *cls), void *cls)
{
    sqlite3_stmt *q = stmt(s, Q_EXPIRED);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, now);
    sqlite3_bind_int64(q, 2, (int64_t)max);
    size_t n = 0, cap = 0;
    int64_t *seqs = NULL;
    char **ids = NULL;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            seqs = realloc(seqs, cap * sizeof *seqs);
            ids = realloc(ids, cap * sizeof *ids);
            if (!seqs || !ids)
                abort();
        }
        seqs[n] = sqlite3_column_int64(q, 0);
        if (!(ids[n++] = strdup(col_text(q, 1))))
            abort();
    }
    sqlite3_reset(q);
    long done = rc == SQLITE_DONE ? 0 : (fail(s, "expire"), -1);
    for (size_t i = 0; i < n; i++) {
        if (done >= 0 && delete_seq(s, seqs[i]) == SL_OK) {
            fn(ids[i], cls);
            done++;
        } else {
            done = -1;
        }
        free(ids[i]);
    }
    free(seqs);
    free(ids);
    return done;
}

sl_status sl_store_meta_put(sl_store *s, const char *key, const void *v, size_t n)
{
    sqlite3_stmt *q = stmt(s, Q_META_PUT);
    if (!q)
        return SL_EIO;
    bind_text(q, 1, key);
    sqlite3_bind_blob64(q, 2, n ? v : "", n, SQLITE_STATIC);
    return sqlite3_step(q) == SQLITE_DONE ? SL_OK : fail(s, "meta");
}

/* ---- reads --------------------------------------------------------------------- */

unsigned char *sl_store_meta_get(sl_store *s, const char *key, size_t *n)
{
    sqlite3_stmt *q = stmt(s, Q_META_GET);
    if (!q)
        return NULL;
    bind_text(q, 1, key);
    unsigned char *v = NULL;
    if (sqlite3_step(q) == SQLITE_ROW) {
        *n = (size_t)sqlite3_column_bytes(q, 0);
        v = malloc(*n + 1);
        if (!v)
            abort();
        if (*n)
            memcpy(v, sqlite3_column_blob(q, 0), *n);
        v[*n] = 0;
    }
    sqlite3_reset(q);
    return v;
}

/* Fills r from the row q stands on (columns as in Q_SCAN / Q_GET). */
static void row_of(sqlite3_stmt *q, sl_store_row *r, bool with_pack)
{
    r->seq = sqlite3_column_int64(q, 0);
    r->id = col_text(q, 1);
    r->received = sqlite3_column_int64(q, 2);
    r->expires = sqlite3_column_int64(q, 3);
    r->state = sqlite3_column_int(q, 4);
    r->event = (unsigned)sqlite3_column_int64(q, 5);
    r->title = col_text(q, 6);
    r->lang = col_text(q, 7);
    r->date = col_text(q, 8);
    r->pack = with_pack ? sqlite3_column_blob(q, 9) : NULL;
    r->npack = with_pack ? (size_t)sqlite3_column_bytes(q, 9) : 0;
}

sl_status sl_store_scan(sl_store *s, bool (*fn)(const sl_store_row *r, void *cls), void *cls)
{
    sqlite3_stmt *q = stmt(s, Q_SCAN);
    if (!q)
        return SL_EIO;
    int rc;
    sl_store_row r;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        row_of(q, &r, true);
        if (!fn(&r, cls)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? SL_OK : fail(s, "scan");
}

sl_status sl_store_get(sl_store *s, const char *id, sl_store_row *out)
{
    sqlite3_stmt *q = stmt(s, Q_GET);
    if (!q)
        return SL_EIO;
    bind_text(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        row_of(q, out, false);
        s->nkeep = 0;
        size_t at[4] = {keep_col(s, q, 1), keep_col(s, q, 6), keep_col(s, q, 7),
                        keep_col(s, q, 8)};
        out->id = s->keep + at[0];
        out->title = s->keep + at[1];
        out->lang = s->keep + at[2];
        out->date = s->keep + at[3];
    }
    sqlite3_reset(q); /* ends the read: a reader never pins an old snapshot */
    return rc == SQLITE_ROW ? SL_OK : rc == SQLITE_DONE ? SL_DONE : fail(s, "get");
}

sl_status sl_store_body_get(sl_store *s, int64_t seq, const char *id, sl_store_body *out)
{
    sqlite3_stmt *q = stmt(s, seq ? Q_BODY_SEQ : Q_BODY_ID);
    if (!q)
        return SL_EIO;
    if (seq)
        sqlite3_bind_int64(q, 1, seq);
    else
        bind_text(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        s->nkeep = 0;
        out->seq = sqlite3_column_int64(q, 0);
        out->format = sqlite3_column_int(q, 1);
        size_t at[3] = {keep_col(s, q, 2), keep_col(s, q, 3), keep_col(s, q, 4)};
        out->ctype = s->keep + at[0];
        out->id = s->keep + at[1];
        out->body = s->keep + at[2];
        out->len = (size_t)sqlite3_column_bytes(q, 4);
    }
    sqlite3_reset(q);
    return rc == SQLITE_ROW ? SL_OK : rc == SQLITE_DONE ? SL_DONE : fail(s, "body");
}

long long sl_store_count(sl_store *s)
{
    sqlite3_stmt *q = stmt(s, Q_COUNT);
    if (!q)
        return -1;
    long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return n;
}

/* The FTS5 query for plain words: each word quoted ("" inside doubled), so
 * no FTS5 operator ever comes from a user.  At most 16 words.  Caller
 * frees with free(); NULL if there is no word. */
static char *fts_query(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(3 * n + 64), *o = out;
    if (!out)
        abort();
    int words = 0;
    for (const char *p = text; *p && words < 16;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        *o++ = '"';
        for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'; p++) {
            if (*p == '"')
                *o++ = '"';
            *o++ = *p;
        }
        *o++ = '"';
        *o++ = ' ';
        words++;
    }
    *o = 0;
    if (!words) {
        free(out);
        return NULL;
    }
    return out;
}

sl_status sl_store_search(sl_store *s, const char *query, size_t limit,
                          void (*fn)(const sl_store_hit *h, void *cls), void *cls)
{
    char *fq = fts_query(query);
    if (!fq)
        return SL_OK;
    sqlite3_stmt *q = stmt(s, Q_SEARCH);
    if (!q) {
        free(fq);
        return SL_EIO;
    }
    sqlite3_bind_text(q, 1, fq, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, (int64_t)limit);
    free(fq);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sl_store_hit h = {col_text(q, 0), col_text(q, 1), col_text(q, 2), col_text(q, 3),
                          col_text(q, 5), (unsigned)sqlite3_column_int64(q, 4)};
        fn(&h, cls);
    }
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? SL_OK : fail(s, "search");
}
