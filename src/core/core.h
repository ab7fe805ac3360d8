/*
 * core.h -- what every stage shares: allocation, growable buffers, UTF-8,
 * the engine's internals and the article record that flows through the
 * pipeline (read -> clean -> analyze).
 *
 * The article record is the one struct that crosses stages: readers fill the
 * "read" part, clean rewrites paragraphs and fills 'dropped', analyze fills
 * the language, dates and entities.  Everything in it is owned by the article
 * and freed by sl_article_free().
 *
 * Allocation never fails: sl_xmalloc() and friends print a message and abort
 * when memory runs out (the idea of cmark's and Redis's wrappers).
 *
 * Tests: tests/core/.
 */
#ifndef SL_CORE_H
#define SL_CORE_H

#include "storyline.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- allocation (never returns NULL) ---------------------------------- */

void *sl_xmalloc(size_t n);
void *sl_xcalloc(size_t n, size_t size);
void *sl_xrealloc(void *p, size_t n);
char *sl_xstrdup(const char *s);            /* NULL -> NULL */
char *sl_xstrndup(const char *s, size_t n); /* copies at most n bytes */

/* Grows *v (an array of 'size'-byte items with capacity *cap) to hold at
 * least 'need' items. */
void sl_grow(void **v, size_t *cap, size_t need, size_t size);

/* Sorts v[0..n) ascending, as qsort() would, without its indirect calls
 * (src/core/sort.c). */
void sl_sort_u64(uint64_t *v, size_t n);
void sl_sort_u32(uint32_t *v, size_t n);

/* ---- growable byte buffer, always NUL-terminated ----------------------- */

typedef struct {
    char *s;    /* NULL until the first write */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap;
} sl_buf;

void sl_buf_put(sl_buf *b, const char *s, size_t n);
void sl_buf_puts(sl_buf *b, const char *s);
void sl_buf_putc(sl_buf *b, char c);
void sl_buf_printf(sl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sl_buf_clear(sl_buf *b);               /* len = 0, keeps memory */
/* Hands the string over (never NULL; "" if empty).  Caller frees with free();
 * the buffer is empty afterwards. */
char *sl_buf_take(sl_buf *b);
void sl_buf_free(sl_buf *b);
/* Appends the rest of open file f to b.  Returns 0; EFBIG as soon as b
 * would pass 'max' bytes (b then holds what was read so far); or the errno
 * of a failed read.  The caller closes f. */
int sl_buf_read(sl_buf *b, FILE *f, size_t max);
/* Appends the whole file at 'path' to b, as sl_buf_read() does; or the
 * errno of a failed open (ENOENT, EACCES...). */
int sl_buf_read_file(sl_buf *b, const char *path, size_t max);
/* Appends 's' as a JSON string literal, quotes included; an invalid UTF-8
 * byte becomes U+FFFD, so the output is valid JSON whatever 's' holds. */
void sl_buf_json_str(sl_buf *b, const char *s);

/* ---- UTF-8 ------------------------------------------------------------- */

/* Decodes one code point at s[*i] (len bytes in all), advancing *i.  Returns
 * the code point, or -1 for an invalid sequence (then *i advances by 1). */
int32_t sl_utf8_next(const char *s, size_t len, size_t *i);

/* Appends code point 'cp' to b as UTF-8. */
void sl_utf8_put(sl_buf *b, uint32_t cp);

/* Copies s[0..len) to b with every invalid sequence and every NUL replaced by
 * U+FFFD; returns how many were replaced. */
size_t sl_utf8_clean(const char *s, size_t len, sl_buf *b);

/* True if s[0..len) is valid UTF-8 without NUL bytes. */
bool sl_utf8_valid(const char *s, size_t len);

/* ---- dates ------------------------------------------------------------- */

/* Parses an ISO-like date at the start of s: YYYY, YYYY-MM, YYYY-MM-DD,
 * optionally followed by a time ("T10:00:00Z"); also YYYY/MM/DD.  Returns the
 * number of bytes of the date part used (0 if none) and fills *d. */
size_t sl_date_parse_iso(const char *s, sl_date *d);

/* Days in a month; 0 for an invalid month. */
int sl_date_days_in_month(int year, int month);

/* Days since 1970-01-01 of a (full) date; and back. */
long sl_date_to_days(int y, int m, int d);
void sl_date_from_days(long days, int *y, int *m, int *d);

/* Writes the date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or "" for none)
 * into out, which holds at least 11 bytes. */
void sl_date_format(sl_date d, char out[11]);

/* ---- the engine ------------------------------------------------------- */

/* Stage contexts are made on first use and owned by the engine. */
struct sl_norm;
struct sl_langid;
struct sl_clean;
struct sl_dates;
struct sl_profiler;
struct sl_terms;
struct sl_lexicon;

struct sl_engine {
    char err[1024];
    struct sl_norm *norm;
    struct sl_langid *langid;
    struct sl_clean *clean;
    struct sl_dates *dates;
    struct sl_profiler *profiler;
    struct sl_terms *terms;     /* src/text/terms.h: sl_engine_terms() */
    struct sl_lexicon *lexicon; /* sl_engine_lexicon() */
    bool lexicon_tried;
};

/* Sets the engine's error message (printf-style). */
void sl_engine_seterr(sl_engine *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The stage contexts, made on first use.  Borrowed, valid until
 * sl_engine_free(). */
struct sl_norm *sl_engine_norm(sl_engine *e);
struct sl_langid *sl_engine_langid(sl_engine *e);
struct sl_clean *sl_engine_clean(sl_engine *e);
struct sl_dates *sl_engine_dates(sl_engine *e);

/* ---- the article record ----------------------------------------------- */

typedef struct {
    char *text;         /* the piece as it stood in the input */
    const char *reason; /* static string: "photo credit", "repeated paragraph" ... */
} sl_dropped;

/* What kind of name an entity is. */
typedef enum {
    SL_ENT_NAME = 0, /* capitalised words: "Katrien De Smet", "Port of Antwerp" */
    SL_ENT_ACRONYM   /* capitals: "NATO", "ABVV", "U.S." */
} sl_entity_kind;

typedef struct {
    char *name; /* as written in the text: its first uninflected form */
    char *key;  /* sl_norm_name_key() of the name (for Russian and Ukrainian
                   names, of its stem: "Антверпена" -> "antverpen") */
    int count;  /* mentions in the article */
    sl_entity_kind kind;
} sl_entity;

typedef struct {
    sl_date date;   /* the resolved date (precision as far as known) */
    char *expr;     /* the words that say it: "on Monday", "January 12" */
    char *sentence; /* the sentence it stands in */
    bool relative;  /* resolved against the article date */
    long from, to;  /* the first and last day it covers, as days since
                       1970-01-01: one day, a whole month or year, or the
                       seven days of "last week" */
} sl_mention;

/* A date the text gives that only the article's own date could resolve
 * ("on Wednesday", "January 12", "yesterday") in an article that has none:
 * kept so a later stage can resolve it against a related article's or
 * event's date (src/analyze/anchor.c). */
typedef enum {
    SL_OPEN_NOYEAR = 1, /* month m, day d, no year */
    SL_OPEN_WEEKDAY,    /* weekday v (0 Monday); dir -1 the last one, +1 the
                           next one, 0 this week's, 2 the past by default */
    SL_OPEN_RELDAY      /* v days from the article date ("yesterday": -1) */
} sl_open_kind;

typedef struct {
    uint8_t kind; /* sl_open_kind */
    int8_t dir;
    uint8_t m, d;
    int16_t v;
} sl_open_date;

enum { SL_OPEN_MAX = 8 };

struct sl_article {
    /* read */
    char *id, *path, *url, *site, *title; /* NULL when unknown */
    sl_date date;
    char lang_hint[16]; /* from <html lang>, a JSON "lang" field; "" if none */
    char **para;        /* paragraphs, each a NUL-terminated UTF-8 string */
    size_t npara, cpara;
    size_t invalid_bytes; /* invalid UTF-8 sequences replaced while reading */
    /* clean */
    sl_dropped *dropped;
    size_t ndropped, cdropped;
    bool prepared;
    /* analyze */
    char lang[16]; /* ISO 639-1 (or 639-3 where no 639-1 exists), "und" */
    double lang_conf;
    sl_entity *ent;
    size_t nent, cent;
    sl_mention *dates;
    size_t ndates, cdates;
    sl_open_date open[SL_OPEN_MAX]; /* unresolved dates, when undated */
    uint8_t nopen;
};

/* An empty article.  Caller frees with sl_article_free(). */
sl_article *sl_article_new(void);

/* Appends a paragraph (copied).  Empty or all-space text is ignored. */
void sl_article_add_para(sl_article *a, const char *s, size_t n);

/* Records a dropped piece (text copied; reason must be a static string). */
void sl_article_add_dropped(sl_article *a, const char *text, size_t n,
                            const char *reason);

/* Sets *slot to a trimmed copy of s (freeing the old value); empty -> NULL. */
void sl_article_set(char **slot, const char *s, size_t n);

/* Appends to b the text language id looks at: the title and the first
 * paragraphs, up to a few KB (more adds time, not accuracy). */
void sl_article_lang_sample(const sl_article *a, sl_buf *b);

/* The id for a path: the file name without folder and extension. */
char *sl_id_from_path(const char *path);

#endif /* SL_CORE_H */
