/*
 * dedup.h -- the copy stage: which articles are copies of each other.
 *
 * An article goes through four steps, one file each:
 *
 *   form.c     the matching form: the text as a sequence of word hashes
 *              (case folded, accents off, punctuation ignored; Chinese,
 *              Japanese and Thai one character a word), each word marked
 *              when it stands inside quotation marks, and the hash of the
 *              whole form (equal forms are exact copies)
 *   shingle.c  the set of word 3-grams that count: not inside quotes, not
 *              repeated within the article
 *   minhash.c  a 128-byte MinHash sketch of that set, and the Jaccard
 *              similarity of two sets estimated from their sketches
 *   judge.c    the copy rule: exact, near, contains or none, from two
 *              sketches, the two set sizes and the two languages
 *
 * and then into the streaming index (index.c: LSH bands and union-find;
 * groups.c: the groups and their guard against chains; file.c: save and
 * load).  Later stages use the public sl_dedup_* API of storyline.h; the
 * pieces below are for them too (an event clusterer may compare two
 * articles' sketches directly).
 *
 * Tests: tests/dedup/.
 */
#ifndef SL_DEDUP_H
#define SL_DEDUP_H

#include "../core/core.h"
#include "../text/text.h"

/* ---- the matching form (form.c) ---------------------------------------- */

typedef struct {
    uint64_t *tok;   /* word hashes, in text order */
    uint8_t *quoted; /* 1 where the word stands inside quotation marks */
    size_t n, cap;
    size_t nquoted;  /* words with quoted[i] == 1 */
    uint64_t exact;  /* hash of the whole form; 0 when it has no word */
    uint64_t *seen;  /* scratch: hashes of the paragraphs kept */
    size_t nseen_cap;
} sl_dedup_form;

/* Mixes 64 bits into 64 well-spread bits (the finaliser of MurmurHash3). */
static inline uint64_t sl_mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* Fills f (its buffers are reused; free with sl_dedup_form_free()) with the
 * matching form of a's paragraphs, or of its title when it has none.  A
 * paragraph whose form equals an earlier one is skipped (a repeat the
 * cleaner missed).  'key' is scratch space. */
void sl_dedup_form_make(sl_norm *norm, const sl_article *a, sl_dedup_form *f,
                        sl_buf *key);
void sl_dedup_form_free(sl_dedup_form *f);

/* ---- shingles (shingle.c) ------------------------------------------------ */

#ifndef SL_SHINGLE_WORDS
#define SL_SHINGLE_WORDS 3
#endif

typedef struct {
    uint64_t *h;     /* the shingle hashes to sketch, distinct, unordered */
    size_t n, cap;
    size_t counted;  /* how many of them count: n, or 0 if none does */
    uint64_t *slot;  /* scratch: a counting table of nslot shingles... */
    uint8_t *cnt;    /* ...and how often each occurs (up to 255) */
    size_t nslot, cap_slot;
} sl_shingles;

/* Fills s with the distinct word 3-grams of f that count: a 3-gram touching
 * a quoted word does not, and one the article holds twice or more does not
 * (unless that would drop half of them).  If none counts, s holds all the
 * 3-grams (for the sketch; exact twins must still meet) and s->counted is
 * 0.  A form of one or two words gives one shingle; an empty one none.
 * Free with sl_shingles_free(). */
void sl_shingles_make(const sl_dedup_form *f, sl_shingles *s);
void sl_shingles_free(sl_shingles *s);

/* ---- sketches (minhash.c) ------------------------------------------------ */

/* The minima of 208 bins (one-permutation MinHash): the first 16 kept as
 * 16 bits (they double as the LSH band keys; an empty one borrows another
 * bin's minimum), the other 192 as 4 bits (b-bit MinHash), two to a byte,
 * 0 when the bin is empty.  128 bytes. */
#define SL_MINHASH_BANDS 16
#define SL_MINHASH_SMALL 192
#define SL_MINHASH_K (SL_MINHASH_BANDS + SL_MINHASH_SMALL)

typedef struct {
    uint16_t band[SL_MINHASH_BANDS];
    uint8_t small[SL_MINHASH_SMALL / 2];
} sl_minhash;

/* The sketch of the set h[0..n) (all zero for an empty set). */
void sl_minhash_make(const uint64_t *h, size_t n, sl_minhash *out);

/* Estimated Jaccard similarity |A n B| / |A u B| of two sets, 0..1, over
 * the band bins and the small bins not empty in both (the chance
 * agreements of 4-bit values are taken out). */
double sl_minhash_jaccard(const sl_minhash *a, const sl_minhash *b);

/* ---- the copy rule (judge.c) --------------------------------------------- */

/* What the rule needs to know of one article. */
typedef struct {
    const sl_minhash *sig;
    uint64_t exact;   /* sl_dedup_form.exact */
    uint32_t nsh;     /* shingles that count */
    uint8_t lang;     /* interned language, 0 = unknown */
} sl_copy_side;

/* The rule's thresholds (tuned on events-dev; see judge.c). */
#define SL_COPY_MIN_SHINGLES 20  /* below: exact copies only */
#define SL_COPY_NEAR_J 0.26      /* near: estimated Jaccard at least */
#define SL_COPY_CONTAIN_C 0.60   /* contains: share of the smaller inside */
#define SL_COPY_CONTAIN_RATIO 1.5 /* contains: larger / smaller at least... */
#define SL_COPY_CONTAIN_MAX 4.0  /* ...and at most (beyond, C is too noisy) */
#define SL_COPY_CONTAIN_J 0.10   /* contains: estimated Jaccard at least */

/* The part of the rule after exactness and language: the kind for
 * Jaccard similarity j between sets of na and nb shingles, with the
 * containment of the smaller in the larger in *containment (may be NULL).
 * (bench/dedup_eval applies it to the true similarity of full sets.) */
sl_copy_kind sl_copy_rule(double j, double na, double nb, double *containment);

/* Whether x and y are copies, and how.  Symmetric: judge(x, y) ==
 * judge(y, x).  Stores the estimates in *jaccard and *containment (either
 * may be NULL). */
sl_copy_kind sl_copy_judge(const sl_copy_side *x, const sl_copy_side *y,
                           double *jaccard, double *containment);

/* ---- one article without its text (file.c) ----------------------------------- */

/* What the copy index keeps of an article, apart from its id, as bytes:
 * so a store can keep it beside the article's analysis and a restart can
 * add the article back without its text (src/pipeline/index.c).
 *
 *   exact u64, nsh u16, language 16 bytes (NUL-padded; empty when unknown
 *   or unsure), sketch 128 bytes (sl_minhash, byte by byte) -- all
 *   little-endian, SL_DEDUP_PACKED bytes in all.
 *
 * sl_dedup_pack() appends those bytes of article 'id' to out; false (and
 * nothing appended) if d does not hold it.  sl_dedup_add_packed() adds
 * article 'id' from them exactly as sl_dedup_add() added it from its text
 * (same judgements, same groups); SL_EINPUT with the reason for an id d
 * holds or bytes that are not such a record (wrong length, an unterminated
 * language, a sketch on a text without words).  'b' is borrowed. */
#define SL_DEDUP_PACKED (8 + 2 + 16 + 128)
bool sl_dedup_pack(const sl_dedup *d, const char *id, sl_buf *out);
sl_status sl_dedup_add_packed(sl_dedup *d, const char *id, const unsigned char *b, size_t len,
                              sl_dedup_result *res);

#endif /* SL_DEDUP_H */
