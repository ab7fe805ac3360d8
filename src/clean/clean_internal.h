/*
 * clean_internal.h -- what the files of the clean stage share; private to
 * src/clean/ (later stages include only clean.h).
 *
 *   fold.c        the matching form of text (case folded, spaces collapsed),
 *                 its hashes, character classes, a table of 64-bit keys
 *   phrases.c     the word lists, as static const tables, in 20+ languages
 *   boilerplate.c is this one line a prompt, a tweet, a byline, a notice?
 *   credits.c     photo and agency credits: whole lines, and the credit at
 *                 the end (or start) of a caption line
 *   repeats.c     repeated paragraphs, lines and glued blocks
 *   clean.c       the driver: sl_clean_new/free, sl_clean_article, lists of
 *                 related links, the trailing orphan line
 *
 * Tests: tests/clean/test_clean.c.
 */
#ifndef SL_CLEAN_INTERNAL_H
#define SL_CLEAN_INTERNAL_H

#include "clean.h"

/* ---- fold.c: matching form, hashes, character classes ------------------ */

/* Appends to 'out' the matching form of s[0..n): simple Unicode case
 * folding, Turkish dotted/dotless i as 'i', curly quotes as straight ones,
 * every run of white space (NBSP and the like included) as one space,
 * zero-width characters, soft hyphens, Arabic vowel marks and tatweel
 * removed, trimmed.  Invalid UTF-8 is copied byte by byte.  Returns the
 * bytes appended. */
size_t sl_clean_fold(const char *s, size_t n, sl_buf *out);

/* FNV-1a, 64 bits: h = sl_clean_fnv(h, s, n) continues a hash; start from
 * SL_CLEAN_FNV0.  Used where prefixes are hashed byte by byte. */
#define SL_CLEAN_FNV0 0xcbf29ce484222325ULL
uint64_t sl_clean_fnv(uint64_t h, const char *s, size_t n);
/* sl_clean_fnv() from SL_CLEAN_FNV0, never 0 (0 marks an empty slot). */
uint64_t sl_clean_key(const char *s, size_t n);

/* XXH3 of s[0..n), never 0. */
uint64_t sl_clean_hash(const char *s, size_t n);

/* Is the code point a letter, a digit or a combining mark (any script)? */
bool sl_clean_isalnum(int32_t cp);
/* Is it a letter of a script written without spaces between words (Han,
 * kana, Thai, Lao, Khmer, Myanmar)? */
bool sl_clean_iscjk(int32_t cp);
/* Does s[0..n) hold at least one letter or digit? */
bool sl_clean_has_alnum(const char *s, size_t n);
/* Does it hold a run of 4 or more ASCII digits (a year, a phone number)? */
bool sl_clean_has_year(const char *s, size_t n);

/* Does s[0..n) end like a sentence: . ! ? ; ... and their CJK, Devanagari,
 * Arabic forms, or a closing quote or bracket? */
bool sl_clean_ends_sentence(const char *s, size_t n);

/* Words in s[0..n): runs of non-space, where a run written in a script
 * without spaces counts one word for every two of its letters. */
size_t sl_clean_words(const char *s, size_t n);
/* The same, but counting stops once it passes 'limit' (a result above
 * 'limit' means "more than limit"). */
size_t sl_clean_words_upto(const char *s, size_t n, size_t limit);

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

/* A set of folded strings (keys: sl_clean_key of the folded form). */
typedef struct {
    sl_clean_map map;
    size_t max; /* longest folded member, bytes */
} sl_clean_set;

/* Adds the folded form of each of words[0..n) (borrowed for the call) with
 * value 'val'; the first value stays when a word is listed twice.
 * 'scratch' is reused. */
void sl_clean_set_add(sl_clean_set *s, const char *const *words, size_t n,
                      uint32_t val, sl_buf *scratch);
/* Is the folded text f[0..n) a member?  Its value in *val when val != NULL. */
bool sl_clean_set_has(const sl_clean_set *s, const char *f, size_t n, uint32_t *val);
void sl_clean_set_free(sl_clean_set *s);

/* The longest member of 's' that starts f[0..n) (folded text, borrowed)
 * and ends at a word boundary (the end, or a character that is not a letter
 * or digit).  Returns its length in bytes (0 if none) and its value in
 * *val.  At most s->max bytes are hashed. */
size_t sl_clean_set_prefix(const sl_clean_set *s, const char *f, size_t n,
                           uint32_t *val);
/* Every such member, shortest first: up to 'max' lengths in len[] and
 * values in val[]; returns how many. */
size_t sl_clean_set_prefixes(const sl_clean_set *s, const char *f, size_t n,
                             size_t *len, uint32_t *val, size_t max);

/* ---- phrases.c: reasons and lists ------------------------------------- */

/* The fixed set of strings put into sl_dropped.reason (listed in clean.h). */

extern const char SL_CLEAN_CREDIT[];     /* "photo credit" */
extern const char SL_CLEAN_COPYRIGHT[];  /* "copyright" */
extern const char SL_CLEAN_RELATED[];    /* "related links" */
extern const char SL_CLEAN_READ_MORE[];  /* "read more" */
extern const char SL_CLEAN_TWEET[];      /* "tweet embed" */
extern const char SL_CLEAN_SHARE[];      /* "share prompt" */
extern const char SL_CLEAN_SUBSCRIBE[];  /* "subscribe prompt" */
extern const char SL_CLEAN_BYLINE[];     /* "byline" */
extern const char SL_CLEAN_NAV[];        /* "navigation" */
extern const char SL_CLEAN_AD[];         /* "advertisement" */
extern const char SL_CLEAN_COOKIE[];     /* "cookie notice" */
extern const char SL_CLEAN_LINK[];       /* "link" */
extern const char SL_CLEAN_ORPHAN[];     /* "orphan line" */
extern const char SL_CLEAN_REPEAT[];     /* "repeated paragraph" */
extern const char SL_CLEAN_REPEAT_CAP[]; /* "repeated caption" */
extern const char SL_CLEAN_REPEAT_TTL[]; /* "repeated title" */

/* How a phrase may match a line (see boilerplate.c). */
typedef enum {
    SL_PH_EXACT, /* the whole line (trailing punctuation or a count allowed) */
    SL_PH_LABEL, /* exact, or followed by ':' '|' '-' '>' ... and a headline */
    SL_PH_HEAD,  /* label, or followed by a headline without final stop */
    SL_PH_SHORT, /* the start of a line of at most 12 words */
    SL_PH_LONG,  /* the start of a line of at most 60 words (cookie notices) */
    SL_PH_ANY    /* anywhere in a line of at most 30 words (copyright) */
} sl_phrase_mode;

/* Phrase flags. */
enum {
    SL_PH_LIST = 1 /* an exact match heads a list: headline-like lines after
                      it are dropped with the same reason */
};

typedef struct {
    const char *text;   /* as written; folded when the table is built */
    unsigned char mode; /* sl_phrase_mode */
    unsigned char flags;
    const char *reason; /* one of the SL_CLEAN_* reasons */
} sl_phrase;

extern const sl_phrase sl_clean_phrases[];
extern const size_t sl_clean_nphrases;

/* A list of words, and its length. */
typedef struct {
    const char *const *w;
    size_t n;
} sl_clean_list;

extern const sl_clean_list sl_clean_agencies;      /* "reuters", "getty images" */
extern const sl_clean_list sl_clean_agency_tails;  /* "news agency", "press" */
extern const sl_clean_list sl_clean_photo_labels;  /* "photo", "foto", "圖片來源" */
extern const sl_clean_list sl_clean_source_labels; /* "source", "video", "quelle" */
extern const sl_clean_list sl_clean_photo_words;   /* "photo", "images", "pool" */
extern const sl_clean_list sl_clean_credit_heads;  /* "getty images": may open a caption */
extern const sl_clean_list sl_clean_social;        /* "facebook", "teilen" */
extern const sl_clean_list sl_clean_social_weak;   /* "email", "print", "link" */
extern const sl_clean_list sl_clean_byline_open;   /* "by", "von", "par" */
extern const sl_clean_list sl_clean_name_joins;    /* "and", "und", "et" */
extern const sl_clean_list sl_clean_read_units;    /* "min read" after a number */

/* ---- boilerplate.c: one line ------------------------------------------- */

typedef struct {
    sl_clean_set phrase;   /* folded phrase -> index + 1 */
    sl_clean_set ends;     /* last word of each SL_PH_ANY phrase -> 1 */
    sl_clean_set agency;   /* -> 1 (names), 2 (tails such as "news agency") */
    sl_clean_set photo;    /* photo labels -> 1, source labels -> 2 */
    sl_clean_set pwords;   /* words dropped from a credit part -> 1 */
    sl_clean_set heads;    /* credit names that may open a caption -> 1 */
    sl_clean_set social;   /* share-bar words -> 1 (strong), 2 (weak) */
    sl_clean_set by_open;  /* byline openers -> 1 */
    sl_clean_set by_join;  /* joiners inside names -> 1 */
    sl_clean_set units;    /* "min read" -> 1 */
    sl_buf fold, tmp;      /* scratch */
    sl_buf fold2, part, part2; /* scratch of credits.c */
} sl_clean_bp;

/* Builds the tables from phrases.c into *bp (which the caller owns; free
 * its contents with sl_clean_bp_free()). */
void sl_clean_bp_init(sl_clean_bp *bp);
void sl_clean_bp_free(sl_clean_bp *bp);

/* What a line is, when it is not text. */
typedef struct {
    const char *reason; /* a static SL_CLEAN_* string, NULL for text */
    bool list;          /* it heads a list of links (see SL_PH_LIST) */
} sl_clean_verdict;

/* Why the line s[0..n) (no newline in it; borrowed for the call) is
 * boilerplate: reason NULL if it is text.  Uses bp's scratch buffers. */
sl_clean_verdict sl_clean_line_reason(sl_clean_bp *bp, const char *s, size_t n);

/* Does the line look like a headline or a link title: letters, at most 20
 * words, no sentence stop at its end? */
bool sl_clean_headline_like(const char *s, size_t n);

/* ---- credits.c --------------------------------------------------------- */

/* Is the whole line a credit: agency names ("Getty Images", "(Reuters)"),
 * a photographer and an agency ("AFP/Jan Peeters"), or a photo label and a
 * short rest ("Photo: Reuters", "Foto: dpa")? */
bool sl_clean_is_credit(sl_clean_bp *bp, const char *s, size_t n);

/* Where a credit at the end of a caption line starts ("... Photo: AP.",
 * "... (AP Photo/Jane Doe)"), or n if there is none.  Text always stays
 * before it. */
size_t sl_clean_credit_tail(sl_clean_bp *bp, const char *s, size_t n);

/* The bytes of a credit name that opens a caption line ("Getty Images Queen
 * Elizabeth II at a parade"), spaces after it included; 0 if none. */
size_t sl_clean_credit_head(sl_clean_bp *bp, const char *s, size_t n);

/* The bytes of a photo label opening a long caption ("Photo: " in "Photo:
 * Police gather near the school ..."); 0 if none.  Repeats are compared
 * without it. */
size_t sl_clean_photo_label(sl_clean_bp *bp, const char *s, size_t n);

/* ---- repeats.c --------------------------------------------------------- */

/* One sentence (or line piece) of a paragraph: bytes [start, end) of the
 * paragraph, the hash and length of its matching form. */
typedef struct {
    uint32_t start, end;
    uint64_t h;
    uint32_t flen;
} sl_clean_unit;

/* A run of kept units already seen: a paragraph, one of its lines, or the
 * title. */
typedef struct {
    uint32_t off, n;    /* its unit hashes: sl_clean_rep.seq[off .. off+n) */
    uint32_t flen;      /* matching-form bytes of all its units */
    uint32_t flags;     /* SL_BLOCK_* */
    uint32_t next;      /* the previous block with the same first unit, +1 */
} sl_clean_block;

enum { SL_BLOCK_CAPTION = 1, SL_BLOCK_TITLE = 2 };

/* What the article has kept so far; reused from article to article. */
typedef struct {
    uint64_t *seq;            /* unit hashes of the blocks, one after another */
    size_t nseq, cseq;
    sl_clean_block *block;
    size_t nblock, cblock;
    sl_clean_map first;       /* first unit hash -> latest block + 1 */
    sl_clean_map whole;       /* hash of a block's units -> block + 1 */
    sl_clean_unit *unit;      /* the units of the current paragraph */
    size_t nunit, cunit;
    sl_buf fold;              /* scratch */
} sl_clean_rep;

/* Forgets every block (memory is kept). */
void sl_clean_rep_reset(sl_clean_rep *r);
void sl_clean_rep_free(sl_clean_rep *r);

/* Appends to r->unit the units (sentences) of s[from, to), offsets relative
 * to s; the first 'skip' bytes take part in no hash (a photo label). */
void sl_clean_units(sl_clean_rep *r, const char *s, size_t from, size_t to,
                    size_t skip);

/* Registers units [i, j) of r->unit as a block (their hashes are copied);
 * returns its index -- an existing block's when one has the same units,
 * whose flags then become 'flags' plus its caption mark -- or -1 when the
 * range is empty. */
long sl_clean_rep_add(sl_clean_rep *r, size_t i, size_t j, uint32_t flags);

/* The block whose units are exactly units [i, j), or -1.  'title' lets the
 * title block match. */
long sl_clean_rep_whole(const sl_clean_rep *r, size_t i, size_t j, bool title);

/* Marks in mark[k - i] (block index, or -1) each unit of [i, j) that belongs
 * to a run of whole earlier blocks of at least 'min' matching bytes each
 * (the title excluded).  The work is bounded: on degenerate input the scan
 * gives up and leaves units unmarked (kept). */
void sl_clean_rep_scan(const sl_clean_rep *r, size_t i, size_t j, uint32_t min,
                       long *mark);

#endif /* SL_CLEAN_INTERNAL_H */
