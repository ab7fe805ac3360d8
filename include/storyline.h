/*
 * storyline.h -- the whole public API of storyline, and its manual.
 *
 * storyline reads news articles (plain text in the seed format, HTML pages,
 * JSON lines), cleans them, and describes each one: language, date and its
 * precision, the dates and names it mentions.  Later stages group articles
 * into copies, events and stories; they build on what this header offers.
 *
 * Simple interface
 * ----------------
 *
 *     sl_engine *e = sl_engine_new();
 *     const char *paths[] = { "examples/" };
 *     sl_reader *r = sl_reader_new(e, paths, 1);
 *     sl_article *a;
 *     sl_status st;
 *     while ((st = sl_reader_next(r, &a)) != SL_DONE) {
 *         if (st != SL_OK) {                 // one input was skipped
 *             fprintf(stderr, "%s\n", sl_engine_error(e));
 *             continue;
 *         }
 *         sl_article_prepare(e, a);          // clean, language, dates, names
 *         char *json = sl_article_json(a);
 *         puts(json);
 *         free(json);
 *         sl_article_free(a);
 *     }
 *     sl_reader_free(r);
 *     sl_engine_free(e);
 *
 * Conventions
 * -----------
 *
 * - Every object is opaque and made by an `_new` that has a matching `_free`;
 *   `_free(NULL)` does nothing.  There is no global state: all options, caches
 *   and the last error live in the `sl_engine`.  An engine and everything made
 *   from it belong to one thread at a time.
 * - Functions that can fail return an `sl_status`; the reason, in the form
 *   `file:line: reason` where a file and line are known, is kept in the engine
 *   and read with sl_engine_error() until the next failing call.
 * - Running out of memory is not a status: storyline prints a message and
 *   aborts, so statuses are kept for what a user can fix.
 * - All text in and out is UTF-8.  Text read from outside is checked; invalid
 *   bytes are replaced by U+FFFD and counted.
 * - Ownership is stated on every function: "caller frees with X", "borrowed,
 *   valid until ...", or "takes ownership".
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Version
 * ---------------------------------------------------------------------- */

#define SL_VERSION_MAJOR 0
#define SL_VERSION_MINOR 1
#define SL_VERSION_PATCH 0
#define SL_VERSION_STRING "0.1.0"

/* The version of the library linked at run time ("0.1.0").  Static string. */
const char *sl_version(void);

/* ------------------------------------------------------------------------
 * Status and the engine
 * ---------------------------------------------------------------------- */

typedef enum {
    SL_OK = 0,   /* done */
    SL_DONE,     /* a reader has no more articles */
    SL_EINPUT,   /* bad input (skipped); the reason is in sl_engine_error() */
    SL_EIO,      /* a file or stream could not be read or written */
    SL_EUSAGE    /* the call's arguments are wrong */
} sl_status;

typedef struct sl_engine sl_engine;

/* A new engine with default options.  Caller frees with sl_engine_free(). */
sl_engine *sl_engine_new(void);
void sl_engine_free(sl_engine *e);

/* The message of the last failing call ("" if none).  Borrowed, valid until
 * the next call on the engine. */
const char *sl_engine_error(const sl_engine *e);

/* Largest single input storyline accepts: one text or HTML file, one JSON
 * line, one request body.  Larger ones are skipped with a message. */
#define SL_MAX_INPUT (16u * 1024u * 1024u)

/* ------------------------------------------------------------------------
 * Articles
 * ---------------------------------------------------------------------- */

typedef struct sl_article sl_article;

/* How much of a date is known. */
typedef enum {
    SL_DATE_NONE = 0,
    SL_DATE_YEAR,
    SL_DATE_MONTH,
    SL_DATE_DAY
} sl_date_precision;

/* A calendar date; fields beyond the precision are 0. */
typedef struct {
    int year, month, day;
    sl_date_precision precision;
} sl_date;

/* The input formats storyline reads. */
typedef enum {
    SL_FORMAT_AUTO = 0, /* guess from the name and the first bytes */
    SL_FORMAT_TEXT,     /* plain text in the seed format */
    SL_FORMAT_HTML,     /* one web page */
    SL_FORMAT_JSONL     /* one JSON object per line */
} sl_format;

/* Reads one article from memory.  'name' is used for messages and, without
 * its folder and extension, as the id; 'data' is borrowed for the call.
 * For SL_FORMAT_JSONL only the first line is read.  On success stores a new
 * article in *out (caller frees with sl_article_free()) and returns SL_OK;
 * otherwise returns SL_EINPUT with the reason in sl_engine_error(). */
sl_status sl_article_read(sl_engine *e, const char *name, const char *data,
                          size_t len, sl_format format, sl_article **out);

/* Cleans the article (boilerplate, credits, repeated paragraphs), detects its
 * language and extracts the dates and names it mentions.  Idempotent. */
sl_status sl_article_prepare(sl_engine *e, sl_article *a);

/* The article as one line of JSON with the fields
 *   id, title, url, site, date, date_precision, lang, lang_confidence, text,
 *   paragraphs, dropped, entities, dates, invalid_bytes
 * Caller frees with free(). */
char *sl_article_json(const sl_article *a);

/* The article as a short, readable report for people (several lines).
 * Caller frees with free(). */
char *sl_article_text(const sl_article *a);

/* Accessors.  Strings are borrowed, valid until sl_article_free(); a field
 * that is not known is "" (never NULL). */
const char *sl_article_id(const sl_article *a);
const char *sl_article_path(const sl_article *a); /* the file it was read from */
const char *sl_article_title(const sl_article *a);
const char *sl_article_lang(const sl_article *a);       /* "und" if unknown */
double sl_article_lang_confidence(const sl_article *a); /* 0..1 */
sl_date sl_article_date(const sl_article *a);
size_t sl_article_paragraph_count(const sl_article *a);
const char *sl_article_paragraph(const sl_article *a, size_t i);
size_t sl_article_dropped_count(const sl_article *a);
/* The i-th dropped piece and, in *reason, why it was dropped (both borrowed). */
const char *sl_article_dropped(const sl_article *a, size_t i, const char **reason);

void sl_article_free(sl_article *a);

/* ------------------------------------------------------------------------
 * Reading files, folders and streams
 * ---------------------------------------------------------------------- */

typedef struct sl_reader sl_reader;

/* A reader over files and folders (walked recursively, in name order);
 * the path "-" is standard input (JSON lines if it starts with '{', else one
 * text article).  Files ending in .jsonl/.ndjson are JSON lines, .html/.htm
 * are HTML, anything else is text; hidden files are skipped.  The paths are
 * copied.  Caller frees with sl_reader_free(). */
sl_reader *sl_reader_new(sl_engine *e, const char *const *paths, size_t n);

/* The next article.  SL_OK: *out is a new article (caller frees with
 * sl_article_free()).  SL_DONE: no more.  SL_EINPUT or SL_EIO: one input
 * (a file, or a line of a JSON lines file) was skipped; the reason is in
 * sl_engine_error() and the next call goes on with the rest. */
sl_status sl_reader_next(sl_reader *r, sl_article **out);

/* How many inputs were skipped so far. */
size_t sl_reader_skipped(const sl_reader *r);

void sl_reader_free(sl_reader *r);

/* ------------------------------------------------------------------------
 * Copies (src/dedup/)
 * ---------------------------------------------------------------------- */

/* Which articles are copies of each other: syndicated wire copy, reposts,
 * light edits, truncations.  The copy index is streaming: add articles one
 * at a time and each is told at once whether it copies one already there.
 *
 *     sl_dedup *d = sl_dedup_new(e);
 *     sl_dedup_result r;
 *     while (... next article a ...) {
 *         if (sl_dedup_add(d, a, &r) == SL_OK && r.kind != SL_COPY_NONE)
 *             printf("%s copies %s (group %s)\n", sl_article_id(a), r.match, r.group);
 *         sl_article_free(a);                // the index keeps what it needs
 *     }
 *     char *json = sl_dedup_json(d);         // {"groups":[...]}
 *     sl_dedup_save(d, "copies.idx");
 *     free(json);
 *     sl_dedup_free(d);
 *
 * Kinds of copy (the matching form is the text case folded, accents off,
 * punctuation and spacing ignored; a title line is not part of it):
 *   exact     the same matching form (a repost with typographic quotes)
 *   near      many word 3-grams shared (small edits, a different caption,
 *             a changed lead paragraph): estimated Jaccard >= 0.26
 *   contains  one holds most of the other (a wire story with paragraphs
 *             added, a truncated copy): >= 60% of the smaller inside a
 *             text 1.5 to 4 times its size
 * Text inside quotation marks and sentences an article repeats do not count
 * towards near and contains (two reports quoting one statement are not
 * copies); articles in two different known languages are never copies (a
 * translation is a new text).  Texts of fewer than 20 word 3-grams (a
 * headline, a caption) are copies only when exact.  An article with no
 * letters or digits is never a copy.
 *
 * Groups: the transitive closure of copy pairs, with one guard against
 * chains: in each closure the fullest article (most 3-grams) is a centre and
 * only its copies join its group; the others form groups of their own the
 * same way.  The groups do not depend on the order articles were added,
 * with one bound: an article that copies 32 articles the index already
 * keeps is not kept itself (its copies stand for it, so a text reposted
 * thousands of times costs each add about 32 comparisons, not thousands),
 * and from there on which pairs are compared depends on arrival.  A
 * group's id is the id of its first article (the earliest added). */

typedef struct sl_dedup sl_dedup;

typedef enum {
    SL_COPY_NONE = 0,
    SL_COPY_EXACT,
    SL_COPY_NEAR,
    SL_COPY_CONTAINS
} sl_copy_kind;

/* "none", "exact", "near", "contains".  Static string. */
const char *sl_copy_kind_name(sl_copy_kind k);

/* What sl_dedup_add() / sl_dedup_find() tell about one article.  Strings are
 * borrowed from the index, valid until the next sl_dedup_add(),
 * sl_dedup_load*() or sl_dedup_free() on it. */
typedef struct {
    const char *group;   /* id of the article's group (its own id if alone) */
    const char *match;   /* the article it copies best, NULL if none */
    sl_copy_kind kind;   /* how it copies 'match' (SL_COPY_NONE if alone) */
    double jaccard;      /* estimated Jaccard similarity with 'match', 0..1 */
    double containment;  /* estimated share of the smaller inside the larger */
} sl_dedup_result;

/* An empty copy index.  'e' is borrowed: it must outlive the index.  Caller
 * frees with sl_dedup_free(). */
sl_dedup *sl_dedup_new(sl_engine *e);
void sl_dedup_free(sl_dedup *d);

/* Adds article 'a' (borrowed for the call; prepared with sl_article_prepare()
 * first if it was not) and fills *res (may be NULL).  The index keeps a
 * copy of the id and about 250 bytes of sketch, never the text.  Returns
 * SL_OK, or SL_EINPUT when an article with the same id is already in the
 * index (the index is unchanged; the reason is in sl_engine_error()). */
sl_status sl_dedup_add(sl_dedup *d, sl_article *a, sl_dedup_result *res);

/* Like sl_dedup_add() without adding: what 'a' would copy.  res->group is
 * the group of res->match (NULL if none).  Returns SL_OK. */
sl_status sl_dedup_find(sl_dedup *d, sl_article *a, sl_dedup_result *res);

/* Takes the article with this id out (an article deleted or replaced):
 * from now on it is no one's copy, in no group and no candidate, and the
 * id can be added again with its new text.  Copies that were grouped only
 * through it fall apart at once (each group needs a direct link to its
 * centre).  The index keeps the removed record until more than half of its
 * records are removed, then renumbers the rest (a pause of about 0.3
 * microseconds per article kept: bench/dedup_eval), so its memory stays
 * within about twice what the articles it holds need.  Returns SL_OK, or
 * SL_EINPUT when the id is not there (reason in sl_engine_error()). */
sl_status sl_dedup_remove(sl_dedup *d, const char *id);

/* How many articles the index holds (removed ones not counted). */
size_t sl_dedup_count(const sl_dedup *d);

/* The group of the article with this id (its own id if it copies nothing),
 * and in *kind (may be NULL) the group's kind; NULL if the id is unknown.
 * Borrowed, valid until the next sl_dedup_add() / load / free. */
const char *sl_dedup_group_of(sl_dedup *d, const char *id, sl_copy_kind *kind);

/* The copy groups (two or more articles each), ordered by their first
 * article.  sl_dedup_group() stores in *ids the group's article ids in the
 * order they were added (ids[0] is the group id) and in *n their number,
 * and returns the group's kind: exact if all its articles are exact copies,
 * contains if one holds another, else near.  The array and its strings are
 * borrowed, valid until the next sl_dedup_add() / load / free. */
size_t sl_dedup_group_count(sl_dedup *d);
sl_copy_kind sl_dedup_group(sl_dedup *d, size_t i, const char *const **ids,
                            size_t *n);

/* The groups as {"groups":[{"kind":"near","articles":["a","b"]}]}, or as a
 * short report for people.  Caller frees with free(). */
char *sl_dedup_json(sl_dedup *d);
char *sl_dedup_text(sl_dedup *d);

/* Bytes the index holds: the sketches, band tables and group links; and in
 * *id_bytes (may be NULL) the ids and their lookup table, counted apart. */
size_t sl_dedup_bytes(const sl_dedup *d, size_t *id_bytes);

/* Saving and loading.  The file is a versioned little-endian binary with a
 * CRC-32 at its end; a truncated, corrupt or foreign file is SL_EINPUT with
 * "PATH: reason" in the engine, never a crash.  sl_dedup_save() writes
 * PATH.tmp and renames it over PATH (SL_EIO on failure).  sl_dedup_load()
 * stores a new index in *out (caller frees with sl_dedup_free()); more
 * articles can be added to it.  The _buf forms work in memory, for stores
 * that keep the index as a blob: sl_dedup_save_buf() returns the bytes and
 * their number in *len (caller frees with free()); sl_dedup_load_buf()
 * borrows 'data' for the call and uses 'name' in messages. */
sl_status sl_dedup_save(const sl_dedup *d, const char *path);
sl_status sl_dedup_load(sl_engine *e, const char *path, sl_dedup **out);
char *sl_dedup_save_buf(const sl_dedup *d, size_t *len);
sl_status sl_dedup_load_buf(sl_engine *e, const char *name, const void *data,
                            size_t len, sl_dedup **out);

/* ------------------------------------------------------------------------
 * The index: events and stories, as articles stream in (src/pipeline/)
 *
 *     sl_index *x = sl_index_new(e, NULL);       // default options
 *     while (... next article a ...)
 *         sl_index_add(x, a);                    // takes a
 *     sl_index_update(x);                        // cluster what came in
 *     char *json = sl_index_events_json(x, NULL);
 *     puts(json); free(json);
 *     sl_index_free(x);
 *
 * Adding analyses the article at once and keeps only its profile (about
 * 1 KB: terms in a shared cross-lingual space, names, numbers, dates, the
 * title and the first sentences).  Clustering happens in
 * sl_index_update(), which takes the articles added since the last update
 * in date order (undated ones last, placed by their content), so a batch
 * and a stream share one code path.  Event and story ids never change
 * once given; a merge keeps the older id.
 * ---------------------------------------------------------------------- */

typedef struct sl_index sl_index;

typedef struct {
    double event_threshold; /* p(same event) an article needs to join an
                               event, in (0, 1); 0 = the default, 0.7 */
    int window_days;        /* an event takes articles up to this many days
                               after its last one; 0 = the default, 7 */
    unsigned prior_docs;    /* documents assumed seen before the first one,
                               none of them holding any word, so that in a
                               tiny input a word all its articles share is
                               not taken for a common one; 0 = the default,
                               50 */
} sl_index_options;

/* A new, empty index on engine e (borrowed: it must outlive the index);
 * 'opt' is copied, NULL means defaults.  Caller frees with sl_index_free(). */
sl_index *sl_index_new(sl_engine *e, const sl_index_options *opt);
void sl_index_free(sl_index *x);

/* Prepares (sl_article_prepare) and analyses article 'a', and queues it for
 * the next update.  Takes ownership of 'a' (freed here; the index keeps
 * what it needs).  Returns SL_EINPUT, with the reason in the engine, for
 * an article with no usable text; it is then not added. */
sl_status sl_index_add(sl_index *x, sl_article *a);

/* Clusters the articles added since the last update. */
void sl_index_update(sl_index *x);

/* Articles in the index. */
size_t sl_index_size(const sl_index *x);

/* What to list.  Zero fields mean: every language, all time, no limit. */
typedef struct {
    const char *lang; /* only groups with an article in this language */
    int period_days;  /* only groups with an article this recent (counted
                         back from the newest article's date) */
    size_t limit;     /* at most this many groups */
    size_t articles;  /* stories: at most this many of each story's articles
                         listed, one per site first ("article_count" gives
                         them all); 0: every article */
} sl_query;

/* The events, largest first:
 *   {"events":[{"id","headline","date","languages","articles":[ids],
 *               "why":{"entities","terms","dates"}}]}
 * q may be NULL.  Caller frees with free(). */
char *sl_index_events_json(sl_index *x, const sl_query *q);

/* The same for people: one block per event.  Caller frees with free(). */
char *sl_index_events_text(sl_index *x, const sl_query *q);

/* The stories, most important first (the DESIGN.md contract, and more):
 *   {"stories":[{"id","headline","summary":[{"text","article","lang"}],
 *     "entities":[{"name","count"}],"languages","sources",
 *     "dates":{"first","last"},
 *     "timeline":[{"date","precision","inferred","event","headline"}],
 *     "events":[ids],"articles":[{"id","lang","date","date_inferred",
 *     "title","url"}],"score"}]}
 * q may be NULL; q->lang also prefers that language for the headline and
 * the summary.  Caller frees with free(). */
char *sl_index_stories_json(sl_index *x, const sl_query *q);

/* The stories as a digest for people.  Caller frees with free(). */
char *sl_index_stories_text(sl_index *x, const sl_query *q);

/* One story ("s12") as the JSON object of the listing, or NULL (reason in
 * the engine) if there is none.  Caller frees with free(). */
char *sl_index_story_json(sl_index *x, const char *id);

/* The copy groups among the articles added, as sl_dedup_json() prints
 * them.  Caller frees with free(). */
char *sl_index_copies_json(sl_index *x);

/* How close articles 'a' and 'b' (ids in the index) are:
 *   {"a","b","score","same_event","p_event","p_story",
 *    "parts":{"terms","shared_terms","entities","shared_entities","numbers",
 *             "shared_numbers","day_gap","shared_day","languages"}}
 * score is 1..4 (4 the same event, 3 the same story but another event, 1
 * unrelated).  NULL, with the reason in the engine, if an id is unknown.
 * Works before and after sl_index_update().  Caller frees with free(). */
char *sl_index_similarity_json(sl_index *x, const char *a, const char *b);

/* ------------------------------------------------------------------------
 * Keeping an index across restarts (for a store such as src/store/)
 *
 * The store keeps each article and, beside it, its analysis as bytes
 * (sl_index_pack_article: its profile and its copy-index sketch) and the
 * number of the event it is in (sl_index_article_event, which changes as
 * events grow and merge); and, now and then, the document frequencies
 * (sl_index_pack_df).  A restart restores the frequencies, then every
 * article from its bytes into its event, in the order they were first
 * added, and then into the copy index (sl_index_restore_copies): no text
 * is read or analysed again; events and stories come back with the same
 * ids, copies are found again (and counted once in ranking), and a repost
 * of an article from before the restart is still known as its copy.
 * ---------------------------------------------------------------------- */

/* The analysis of article 'id' as bytes (a versioned, checksummed form
 * of what the index keeps of it).  Ends the warm-up if it was running.
 * NULL, with the reason in the engine, if the id is unknown.  Caller
 * frees with free(). */
unsigned char *sl_index_pack_article(sl_index *x, const char *id, size_t *len);

/* The number of the event article 'id' is in now (the N of event id
 * "eN"), or 0 if it is unknown or not clustered yet. */
unsigned sl_index_article_event(const sl_index *x, const char *id);

/* Adds an article from its packed bytes, straight into event number
 * 'event' (made, with that number, if the index has no such event yet), or,
 * with event 0, queued for the next update like sl_index_add().  Returns
 * SL_EINPUT, with the reason, for bytes that are not an intact packed
 * article or an id already in the index.  'buf' is borrowed. */
sl_status sl_index_restore_article(sl_index *x, const unsigned char *buf, size_t len,
                                   unsigned event);

/* Restoring puts an article back in its event at once, and keeps its
 * copy-index record aside: sl_index_restore_copies() adds up to 'max' of
 * those (0: all), oldest first, and returns how many are left.  Copy
 * groups do not depend on the order articles enter the copy index, so a
 * service can be ready first and restore the copies in the background;
 * until it has, a repost of an article from before is not known as its
 * copy, and copies count apart in ranking.  Records of articles removed
 * meanwhile are dropped. */
size_t sl_index_restore_copies(sl_index *x, size_t max);

/* The document frequencies as bytes (caller frees with free()), and back:
 * SL_EINPUT if the bytes are not an intact table.  Restore them before the
 * articles. */
unsigned char *sl_index_pack_df(const sl_index *x, size_t *len);
sl_status sl_index_restore_df(sl_index *x, const unsigned char *buf, size_t len);

/* Removes article 'id' (deleted or expired): it leaves its event (an
 * event left empty is gone).  The document frequencies keep counting it:
 * they are statistics of the whole stream, not of what is kept.
 * SL_EINPUT if unknown. */
sl_status sl_index_remove(sl_index *x, const char *id);

/* ------------------------------------------------------------------------
 * The service: a store and an HTTP API (src/store/, src/server/)
 *
 * `storyline serve` keeps articles in one SQLite file (WAL mode, fsynced at
 * every commit; a write is acknowledged only once durable), indexes them on
 * a worker thread and answers HTTP (JSON; the Telegram contest's round-2
 * routes too) and a web page.  A restart restores the index from the file:
 * the same events and stories, with the same ids.  `storyline ingest` loads
 * files into the same file in bulk.
 * ---------------------------------------------------------------------- */

typedef struct {
    const char *db;           /* the SQLite file; NULL: "storyline.db" */
    const char *listen;       /* the address to bind; NULL: "127.0.0.1" */
    unsigned port;            /* 0: any free port (printed on stderr) */
    const char *token_file;   /* holds the token writes need (Authorization:
                                 Bearer TOKEN); needed beyond loopback */
    size_t max_body;          /* bytes; 0: SL_MAX_INPUT (more -> 413) */
    size_t max_header;        /* bytes of headers; 0: 32 KB (more -> 431) */
    unsigned max_connections; /* 0: 1024 */
    unsigned timeout;         /* seconds a connection may idle; 0: 30 */
    unsigned threads;         /* HTTP threads; 0: 2 */
    int quiet;                /* no messages on stderr but errors */
} sl_serve_options;

/* Serves until SIGINT or SIGTERM, then stops cleanly (writes in flight are
 * answered, the index's state is saved).  Its messages go to stderr (the
 * service has many threads and no one engine): first the address it
 * listens on.  Returns SL_OK after a stop, SL_EUSAGE for bad options,
 * SL_EIO if the store or the address cannot be opened.  Call it from the
 * main thread before making others: it blocks SIGINT and SIGTERM and
 * waits for them. */
sl_status sl_serve(const sl_serve_options *o);

/* Stores and indexes every article under 'paths' (files, folders walked in
 * name order, hidden files skipped; .jsonl files line by line) in the
 * store 'db' (NULL: "storyline.db"), beside what it holds.  An article
 * whose id is there already replaces it.  Bad inputs are reported on
 * stderr and counted in *skipped; with 'progress', a line on stderr tells
 * how far it is.  Returns SL_OK, or SL_EIO (reason on stderr) if the
 * store cannot be opened or written. */
sl_status sl_ingest(const char *db, const char *const *paths, size_t n, int progress,
                    size_t *skipped);

/* ------------------------------------------------------------------------
 * Text keys
 * ---------------------------------------------------------------------- */

/* The matching key of a name or phrase: NFKC, case folded, accents removed,
 * any script transliterated to Latin, spaces collapsed ("Erdoğan" and
 * "ERDOGAN" give "erdogan"; "Путин" gives "putin").  Caller frees with
 * free(). */
char *sl_name_key(sl_engine *e, const char *utf8);

#ifdef __cplusplus
}
#endif
#endif /* STORYLINE_H */
