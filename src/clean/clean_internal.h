/*
 * clean_internal.h -- what the files of the clean stage share; private to
 * src/clean/ (later stages include only clean.h).
 *
 *   fold.c        the matching form of text (case folded, spaces collapsed)
 *                 and its hashes; a small hash table of 64-bit keys
 *   phrases.c     the phrase lists, as static const tables
 *   boilerplate.c is this one line a credit, a prompt, a tweet embed ...?
 *   repeats.c     repeated paragraphs, lines and glued blocks
 *   clean.c       the driver: sl_clean_new/free, sl_clean_article, orphans
 *
 * Tests: tests/clean/test_clean.c.
 */
#ifndef SL_CLEAN_INTERNAL_H
#define SL_CLEAN_INTERNAL_H

#include "clean.h"

#include <pcre2.h>

/* ---- reasons: the fixed set of strings put into sl_dropped.reason ------ */

extern const char SL_CLEAN_CREDIT[];     /* "photo credit" */
extern const char SL_CLEAN_COPYRIGHT[];  /* "copyright" */
extern const char SL_CLEAN_RELATED[];    /* "related links" */
extern const char SL_CLEAN_READ_MORE[];  /* "read more" */
extern const char SL_CLEAN_TWEET[];      /* "tweet embed" */
extern const char SL_CLEAN_SHARE[];      /* "share prompt" */
extern const char SL_CLEAN_SUBSCRIBE[];  /* "subscribe prompt" */
extern const char SL_CLEAN_BYLINE[];     /* "byline" */
extern const char SL_CLEAN_NAV[];        /* "navigation" */
extern const char SL_CLEAN_COOKIE[];     /* "cookie notice" */
extern const char SL_CLEAN_LINK[];       /* "link" */
extern const char SL_CLEAN_ORPHAN[];     /* "orphan line" */
extern const char SL_CLEAN_REPEAT[];     /* "repeated paragraph" */
extern const char SL_CLEAN_REPEAT_CAP[]; /* "repeated caption" */
extern const char SL_CLEAN_REPEAT_TTL[]; /* "repeated title" */

/* ---- fold.c: matching form and hashes ---------------------------------- */

/* Appends to 'out' the matching form of s[0..n): simple Unicode case
 * folding, Turkish dotted/dotless i as 'i', curly quotes as straight ones,
 * every run of white space (NBSP and the like included) as one space,
 * zero-width characters and soft hyphens removed, trimmed.  Invalid UTF-8
 * is copied byte by byte.  Returns the bytes appended. */
size_t sl_clean_fold(const char *s, size_t n, sl_buf *out);

/* FNV-1a, 64 bits: h = sl_clean_fnv(h, s, n) continues a hash;
 * start from SL_CLEAN_FNV0.  Used where prefixes are hashed byte by byte. */
#define SL_CLEAN_FNV0 0xcbf29ce484222325ULL
uint64_t sl_clean_fnv(uint64_t h, const char *s, size_t n);

/* XXH3 of s[0..n), never 0 (0 marks an empty slot). */
uint64_t sl_clean_hash(const char *s, size_t n);

/* Is the code point a letter or a digit (any script)? */
bool sl_clean_isalnum(int32_t cp);

/* Does s[0..n) end like a sentence: . ! ? ... and their CJK, Devanagari,
 * Arabic forms, or a closing quote or bracket after them? */
bool sl_clean_ends_sentence(const char *s, size_t n);

/* Words (runs of non-space) in s[0..n). */
size_t sl_clean_words(const char *s, size_t n);

/* Open-addressing table from 64-bit keys (never 0) to 32-bit values.
 * Zero-initialised is empty; memory is kept across sl_clean_map_clear(). */
typedef struct {
    uint64_t *key;
    uint32_t *val;
    size_t cap, n; /* cap is 0 or a power of two */
} sl_clean_map;

/* Stores key -> val; an existing key keeps its old value.  Returns true if
 * the key was new. */
bool sl_clean_map_put(sl_clean_map *m, uint64_t key, uint32_t val);
/* The value of key in *val; false if absent. */
bool sl_clean_map_get(const sl_clean_map *m, uint64_t key, uint32_t *val);
/* Overwrites (or adds) key -> val. */
void sl_clean_map_set(sl_clean_map *m, uint64_t key, uint32_t val);
void sl_clean_map_clear(sl_clean_map *m);
void sl_clean_map_free(sl_clean_map *m);

/* ---- phrases.c: the lists ---------------------------------------------- */

/* How a phrase may match a line (see boilerplate.c). */
typedef enum {
    SL_PH_EXACT, /* the whole line, and nothing else */
    SL_PH_SHORT, /* the start of a line of at most 12 words */
    SL_PH_HEAD,  /* the start of a line of at most 20 words (a headline follows) */
    SL_PH_LONG   /* the start of a line of at most 60 words (cookie notices) */
} sl_phrase_mode;

typedef struct {
    const char *text;   /* as written; folded when the table is built */
    sl_phrase_mode mode;
    const char *reason; /* one of the SL_CLEAN_* reasons */
} sl_phrase;

extern const sl_phrase sl_clean_phrases[];
extern const size_t sl_clean_nphrases;
/* Names of photo agencies and picture desks ("getty images", "afp"). */
extern const char *const sl_clean_agencies[];
extern const size_t sl_clean_nagencies;
/* Words of a share bar ("facebook", "twitter", "whatsapp", "email"). */
extern const char *const sl_clean_social[];
extern const size_t sl_clean_nsocial;
/* Words that open a byline ("by", "von", "par") and that may join names
 * in one ("and", "und", "|"). */
extern const char *const sl_clean_byline_open[];
extern const size_t sl_clean_nbyline_open;
extern const char *const sl_clean_byline_join[];
extern const size_t sl_clean_nbyline_join;

/* ---- boilerplate.c ----------------------------------------------------- */

typedef struct {
    sl_clean_map phrase;  /* FNV of folded phrase -> index + 1 */
    size_t max_phrase;    /* longest folded phrase, bytes */
    sl_clean_map agency;  /* FNV of folded agency name -> 1 */
    sl_clean_map social;  /* FNV of folded share-bar word -> 1 */
    sl_clean_map by_open; /* FNV of folded byline opener -> 1 */
    sl_clean_map by_join; /* FNV of folded byline joiner -> 1 */
    pcre2_code *tweet_sig;
    pcre2_match_data *md;
    sl_buf fold; /* scratch */
} sl_clean_bp;

/* Builds the tables and compiles the patterns; aborts if a pattern does not
 * compile (a bug, not an input error). */
void sl_clean_bp_init(sl_clean_bp *bp);
void sl_clean_bp_free(sl_clean_bp *bp);

/* Why the line s[0..n) (no newline in it) is boilerplate, or NULL if it is
 * text.  The reason is a static string. */
const char *sl_clean_line_reason(sl_clean_bp *bp, const char *s, size_t n);

/* ---- repeats.c --------------------------------------------------------- */

/* One sentence (or line piece) of a paragraph: bytes [start, end) of the
 * paragraph, the hash and length of its matching form. */
typedef struct {
    uint32_t start, end;
    uint64_t h;
    uint32_t flen;
    uint32_t line; /* index of its line in the paragraph */
} sl_clean_unit;

/* A run of kept units (a paragraph, one of its lines, or the title). */
typedef struct {
    uint32_t off, n;   /* into sl_clean_rep.kept */
    uint32_t flen;     /* matching-form bytes of all its units */
    uint32_t flags;    /* SL_BLOCK_* */
    uint32_t next_first, next_last; /* chains of equal first/last hashes, +1 */
} sl_clean_block;

enum { SL_BLOCK_CAPTION = 1, SL_BLOCK_TITLE = 2 };

/* What the article has kept so far; reused from article to article. */
typedef struct {
    uint64_t *kept;          /* unit hashes of kept text, block after block */
    size_t nkept, ckept;
    sl_clean_block *block;
    size_t nblock, cblock;
    sl_clean_map first, last; /* first/last unit hash -> block index + 1 */
    sl_clean_map sent;        /* every kept unit hash -> 1 */
    sl_clean_unit *unit;      /* scratch: the units of the current text */
    size_t nunit, cunit;
    sl_buf fold;              /* scratch */
} sl_clean_rep;

void sl_clean_rep_reset(sl_clean_rep *r);
void sl_clean_rep_free(sl_clean_rep *r);

/* Splits s[0..n) into units (sentences within lines) in r->unit. */
void sl_clean_units(sl_clean_rep *r, const char *s, size_t n);

/* Registers the units in r->unit (the kept text of one paragraph, or the
 * title) as blocks: the whole, and each line when there are several. */
void sl_clean_rep_add(sl_clean_rep *r, uint32_t flags, bool whole_only);

/* The block equal to units [i, j) of r->unit, or -1.  'any' also accepts
 * the title block. */
long sl_clean_rep_find(const sl_clean_rep *r, size_t i, size_t j, bool any);

/* The end of the longest run of whole earlier blocks (each of at least
 * 'min' matching bytes, title excluded) starting at unit i, or i. */
size_t sl_clean_rep_prefix(const sl_clean_rep *r, size_t i, size_t j, uint32_t min);
/* The start of the longest run of whole earlier blocks ending at unit j. */
size_t sl_clean_rep_suffix(const sl_clean_rep *r, size_t i, size_t j, uint32_t min);

/* Are all units [i, j) in the kept text already? */
bool sl_clean_rep_covered(const sl_clean_rep *r, size_t i, size_t j);

#endif /* SL_CLEAN_INTERNAL_H */
