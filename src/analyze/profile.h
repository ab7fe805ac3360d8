/*
 * profile.h -- what later stages know of an article: its profile.
 *
 * A profile is the compact, language-neutral description that copies,
 * events and stories are computed from, small enough to keep a million of
 * them in memory (about 1 KB each):
 *
 *   terms   the article's words in a shared cross-lingual space: English
 *           words as they are, other languages' words translated into
 *           English terms through the lexicon (src/text/lexicon.c), words
 *           the lexicon lacks kept in their own language's space ("de:...")
 *           and capitalised ones (names) in the neutral space; weighted
 *           (1 + log tf) * idf, unit length, the strongest SL_PROFILE_TERMS.
 *   ents    the words of the names it mentions (src/analyze/entities.c),
 *           each as a consonant skeleton of its Latin transliteration, so
 *           Putin, Poetin and Путин share "ptn" and Erdoğan, Erdogan and
 *           Эрдоган share "rdgn"; weighted like terms.
 *   nums    the numbers it mentions that are not tiny ("2500", "7.8").
 *   days    the dates it mentions to the day, and its own date.
 *
 * Features are (key, weight) pairs sorted by key, so two profiles are
 * compared by merging sorted arrays: a few hundred steps, no hashing.
 * Keys are 32-bit folds of 64-bit hashes: two different features of two
 * articles collide about once in 10^7 article pairs, and then add a
 * little to one cosine.
 *
 * Building is two steps, because weights need document frequencies (df.c)
 * that are only known once articles have been seen: sl_profile_count()
 * turns a prepared article into raw counts (a "draft"), and
 * sl_profile_weigh() turns a draft into the profile with the df table of
 * the moment.  The index (src/pipeline/) keeps the first articles as drafts
 * until enough have been seen, then weighs as they come.
 *
 * Tests: tests/analyze/test_profile.c.
 */
#ifndef SL_PROFILE_H
#define SL_PROFILE_H

#include "../core/core.h"

/* ---- document frequencies (df.c) ---------------------------------------- */

typedef struct sl_df sl_df;

/* Caller frees with sl_df_free(). */
sl_df *sl_df_new(void);
void sl_df_free(sl_df *d);

/* Counts one document holding the distinct keys[0..n) (sign +1), or takes
 * one back (sign -1). */
void sl_df_add(sl_df *d, const uint64_t *keys, size_t n, int sign);
uint32_t sl_df_count(const sl_df *d, uint64_t key);
uint64_t sl_df_docs(const sl_df *d);
size_t sl_df_size(const sl_df *d); /* distinct keys */
/* Counts n more documents that hold none of the keys: a prior, so that in a
 * tiny collection (five articles on one story) the words they share are
 * not taken for words every article has.  SL_DF_PRIOR is what the index
 * and the benchmarks use; next to a stream of thousands it is noise. */
#define SL_DF_PRIOR 50
void sl_df_pad(sl_df *d, uint64_t n);

/* The table as bytes (caller frees with free()), and back: NULL with the
 * reason in err when 'buf' is not a whole, intact table (buf borrowed). */
unsigned char *sl_df_pack(const sl_df *d, size_t *len);
sl_df *sl_df_unpack(const unsigned char *buf, size_t len, char *err, size_t errlen);

/* ---- profiles ------------------------------------------------------------ */

enum {
    SL_PROFILE_TERMS = 64, /* strongest terms kept */
    SL_PROFILE_ENTS = 24,  /* strongest name keys kept */
    SL_PROFILE_NUMS = 12,  /* numbers kept */
    SL_PROFILE_DAYS = 8    /* mentioned days kept */
};

#define SL_NO_DAY INT32_MIN

typedef struct {
    uint32_t key;
    float w;
} sl_feat;

/* Raw counts of one article, before weighting.  Owned by whoever made it;
 * free with sl_draft_free(). */
typedef struct {
    uint64_t *key; /* terms, entity keys and numbers: distinct, sorted */
    float *tf;     /* counts (title words count more) */
    uint8_t *kind; /* SL_FEAT_* of each key */
    uint32_t *surf; /* offset in 'pool' of a readable form of each key */
    char *pool;
    size_t n;
    int32_t days[SL_PROFILE_DAYS]; /* mentioned days, sorted, distinct */
    uint8_t ndays;
    int32_t told_day; /* the day mentioned most often, or SL_NO_DAY */
} sl_draft;

enum {
    SL_FEAT_TERM = 0, /* a term of the shared space */
    SL_FEAT_ENT = 1,  /* a name key */
    SL_FEAT_NUM = 2,  /* a number */
    SL_FEAT_SRC = 3   /* a foreign term, translated into terms when weighed */
};

typedef struct sl_profile {
    /* the article, for descriptions */
    char *id;           /* never NULL */
    char *title;        /* NULL when the article has none */
    char *site, *url;   /* NULL when unknown */
    char *lead;         /* the first sentences, for summaries; never NULL */
    char lang[8];       /* ISO code or "und" */
    int32_t day;        /* its date in days since 1970-01-01, or SL_NO_DAY */
    uint8_t day_prec;   /* sl_date_precision of that date */
    int32_t told_day;   /* where it goes in time when 'day' is unknown: the
                           day it mentions most (if its month or year
                           marker allows), else the middle of its month,
                           or SL_NO_DAY */
    uint32_t words;     /* length of the cleaned text, in words */
    /* features, each sorted by key; weights of each array have unit length */
    sl_feat *terms, *ents, *nums; /* all in one block with 'days' */
    int32_t *days;      /* mentioned days, sorted, distinct */
    uint8_t nterms, nents, nnums, ndays;
    sl_open_date open[SL_OPEN_MAX]; /* what an undated one says relatively */
    uint8_t nopen;
} sl_profile;

/* The engine's scratch for counting (a hash map and term arrays reused
 * from article to article).  Made by the engine on first use. */
typedef struct sl_profiler sl_profiler;
sl_profiler *sl_profiler_new(void);
void sl_profiler_free(sl_profiler *p);
sl_profiler *sl_engine_profiler(sl_engine *e); /* borrowed, engine-owned */

/* The draft of a prepared article (language id done).  Keys of the three
 * kinds live in disjoint hash spaces, so one df table serves them all.
 * Uses the engine's term context and lexicon. */
void sl_profile_count(sl_engine *e, const sl_article *a, sl_draft *out);
void sl_draft_free(sl_draft *d);

/* The distinct keys of a draft (d->key) counted into df, once per article
 * (sign +1), or taken back (-1). */
void sl_profile_count_df(sl_df *df, const sl_draft *d, int sign);

/* The profile of article 'a' (its strings and days; 'd' is its draft),
 * with room for the most features and none yet (fill them with
 * sl_profile_weigh()).  Caller frees with sl_profile_free(). */
sl_profile *sl_profile_new(const sl_article *a, const sl_draft *d);

/* Gives p the features of its draft, weighted by the df table of the
 * moment (which should count this article already); foreign terms are
 * translated with the lexicon 'lx' (may be NULL), and, when 'vocab' is not
 * NULL, the English words they became are noted there.  Takes p and returns
 * the weighed profile, a new block holding exactly its features (p is
 * freed). */
struct sl_lexicon;
struct sl_vocab;
sl_profile *sl_profile_weigh(sl_profile *p, const sl_draft *d, const sl_df *df,
                             const struct sl_lexicon *lx, struct sl_vocab *vocab);
void sl_profile_free(sl_profile *p);

/* ---- readable forms of features (vocab, profile.c) ----------------------- */

/* Feature key -> a readable form ("strike", "Erdogan", "2500"), for the
 * `why` of events and stories.  Only keys that profiles keep are recorded
 * (sl_vocab_note), so it grows with what is shown, not with all words. */
typedef struct sl_vocab sl_vocab;

sl_vocab *sl_vocab_new(void);
void sl_vocab_free(sl_vocab *v);
/* Records s as the readable form of key (if it has none). */
void sl_vocab_add(sl_vocab *v, uint32_t key, const char *s);
/* Records the readable forms of the keys profile p kept, from its draft. */
void sl_vocab_note(sl_vocab *v, const sl_profile *p, const sl_draft *d);
/* The readable form of a key, or NULL.  Borrowed, valid until the next
 * sl_vocab_note() or sl_vocab_free(). */
const char *sl_vocab_get(const sl_vocab *v, uint32_t key);

/* The 32-bit key a 64-bit feature hash becomes in a profile. */
static inline uint32_t sl_feat_key(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

/* The profile as bytes (versioned, checksummed; caller frees with free()),
 * with the readable forms of its features that v knows (v may be NULL);
 * and back: NULL with the reason in err unless buf (borrowed) is an intact
 * packed profile; the forms go into v (may be NULL).  Caller frees the
 * result with sl_profile_free(). */
struct sl_vocab;
unsigned char *sl_profile_pack(const sl_profile *p, const struct sl_vocab *v, size_t *len);
sl_profile *sl_profile_unpack(const unsigned char *buf, size_t len, struct sl_vocab *v, char *err,
                              size_t errlen);

/* The term vector of a short text (a sentence), weighted by df, unit
 * length, at most 'max' features, into out; returns how many. */
size_t sl_profile_text_vector(sl_engine *e, const sl_df *df, const char *lang, const char *s,
                              size_t n, sl_feat *out, size_t max);

/* Sort f[0..n) by key ascending, or by weight descending; ties keep their
 * order (stable), as qsort() gave (src/analyze/feat_sort.c). */
void sl_feat_sort_key(sl_feat *f, size_t n);
void sl_feat_sort_weight(sl_feat *f, size_t n);

/* Dot product of two feature arrays sorted by key. */
double sl_feat_dot(const sl_feat *a, size_t na, const sl_feat *b, size_t nb);

/* The consonant skeleton of one word of a name key (lower-case Latin, as
 * sl_norm_name_key() makes it) into out (at least n + 1 bytes): vowels,
 * h, y and w-as-vowel dropped, look-alike consonants merged (c/k/q -> k,
 * z -> s, w/v -> v, ph -> f), doubles made single.  Returns its length. */
size_t sl_name_skeleton(const char *w, size_t n, char *out);

/* ---- similarity (similarity.c) ------------------------------------------ */

/* What two profiles (or a profile and an event) share: the evidence a
 * same-event decision is made from. */
typedef struct {
    double terms;    /* cosine of the term vectors (shared space) */
    double ents;     /* cosine of the name keys */
    double nums;     /* cosine of the numbers */
    int day_gap;     /* days between their dates; -1 if either is undated */
    int told_gap;    /* with day_gap -1: days between the days they are
                        placed at (their date, else the day they mention
                        most); -1 if unknown */
    bool shared_day; /* they mention a common day */
    bool num_conflict; /* both give numbers, and not the same ones */
    bool ent_conflict; /* both name names, and hardly the same ones */
    bool cross_lang; /* different languages */
} sl_sim_parts;

/* The parts of a against b. */
void sl_sim_parts_of(const sl_profile *a, const sl_profile *b, sl_sim_parts *out);

/* The day a profile is placed at: its date, else the day it mentions most,
 * else SL_NO_DAY. */
static inline int32_t sl_profile_when(const sl_profile *p)
{
    return p->day != SL_NO_DAY ? p->day : p->told_day;
}

/* The day undated profile p is about, read against 'ref', a day near it
 * (a related article's or event's date): its own date if it has one, else
 * its "now" near ref and its weekdays and "yesterday"s read against that
 * (anchor.c); SL_NO_DAY if it says nothing about time.  With ref
 * SL_NO_DAY, its told_day. */
int32_t sl_anchor_day(const sl_profile *p, int32_t ref);

/* The same, only when p names one month and day (no year) twice or more:
 * then the day it is about, read against ref; else SL_NO_DAY. */
int32_t sl_anchor_day_sure(const sl_profile *p, int32_t ref);

/* Sets the two conflict flags of x from its cosines, given whether each
 * side has numbers and names at all. */
void sl_sim_conflicts(sl_sim_parts *x, bool nums_a, bool nums_b, bool ents_a, bool ents_b);

/* Probability that the evidence comes from two reports of the same event,
 * and of the same story (same event included).  A logistic model over the
 * parts, fitted on labelled pairs (see similarity.c for the data and the
 * command that fits it). */
double sl_sim_p_event(const sl_sim_parts *x);
double sl_sim_p_story(const sl_sim_parts *x);

/* The 1..4 score of the similarity verb: 1 + 2 p_story + p_event, so 4 is
 * the same event, 3 the same story but another event, 1 unrelated. */
double sl_sim_score(const sl_sim_parts *x);

#endif /* SL_PROFILE_H */
