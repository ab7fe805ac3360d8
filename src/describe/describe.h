/*
 * describe.h -- the describe stage: what a person reads about an event or
 * a story.
 *
 *   headline.c  the most representative real title, or the best first
 *               sentence when no member has a title
 *   events.c    an event's date, languages and `why`, and the listing of
 *               events as JSON or text
 *
 * Everything here reads what the cluster stage built and never changes it.
 * Tests: tests/describe/.
 */
#ifndef SL_DESCRIBE_H
#define SL_DESCRIBE_H

#include "../cluster/cluster.h"

/* What describing needs, all borrowed: the events (with their profiles),
 * the stories (NULL when only events are described), the readable forms
 * of features, and the engine and df table for the vectors of sentences. */
typedef struct {
    const sl_events *events;
    const sl_stories *stories;
    const sl_vocab *vocab;
    sl_engine *engine;
    const sl_df *df;
    sl_dedup *copies; /* for counting copies once; may be NULL */
} sl_describe_ctx;

/* ---- sentences (sentences.c) ---------------------------------------------- */

typedef struct {
    uint32_t off, len;
} sl_span;

/* Cuts s[0..n) into at most 'max' sentences, into out; returns how many. */
size_t sl_sentences(const char *s, size_t n, sl_span *out, size_t max);

/* ---- summaries (summary.c) --------------------------------------------------- */

typedef struct {
    char *text;          /* owned */
    const sl_profile *from; /* the article it is taken from (borrowed) */
} sl_summary_line;

/* Up to 'max' sentences that say what the group of articles members[0..n)
 * (profile numbers) says: central to its centroid 'terms', from several
 * sources, no two saying the same thing (compared across languages in the
 * shared space), in time order; 'lang' (may be NULL) preferred.  Returns
 * how many went into out; free each text with free(). */
size_t sl_summarize(const sl_describe_ctx *c, const uint32_t *members, size_t n,
                    const sl_centroid *terms, const char *lang, sl_summary_line *out,
                    size_t max);

/* ---- ranking (rank.c) -------------------------------------------------------- */

/* How important a group of articles is now: distinct sources, languages
 * and articles (copies once: a copy group counts as one article), recency against 'newest' (the newest day in
 * the index) and growth.  See rank.c. */
double sl_rank(const sl_describe_ctx *c, const uint32_t *members, size_t n, int32_t newest);

/* A site: an article's site name, else the host of its URL. */
typedef char sl_site[64];

/* p's site into out ("" if it names neither: a source of its own). */
void sl_describe_site(const sl_profile *p, sl_site out);

/* The distinct sites of members[0..n), in member order (*named of them;
 * caller frees the array), and in *unnamed how many members have none.
 * Ranking counts each of those as a source of its own; the story lists
 * only the named. */
sl_site *sl_describe_sites(const sl_describe_ctx *c, const uint32_t *members, size_t n,
                           size_t *named, size_t *unnamed);

/* The newest article day among the live events, or SL_NO_DAY. */
int32_t sl_describe_newest(const sl_describe_ctx *c);

/* ---- stories (stories.c) ------------------------------------------------------ */

/* The stories as {"stories":[...]} JSON (the DESIGN.md contract), or as a
 * digest for people, most important first, filtered by q (may be NULL).
 * 'one' (not NULL) lists just the story with that id ("s12"), or returns
 * NULL if there is none.  Caller frees with free(). */
char *sl_describe_stories(const sl_describe_ctx *c, const sl_query *q, bool text,
                          const char *one);

/* The headline of a group of articles (members[0..n), profile numbers,
 * with centroids terms and ents): the title of its most central titled
 * member, or the first sentence of its most central member, written into
 * 'buf' of 'cap' bytes.  Titles in 'lang' (may be NULL; else the group's
 * most common language among titled members) come first.  Returns a
 * string borrowed from a profile or buf. */
const char *sl_describe_headline(const sl_describe_ctx *c, const uint32_t *members, size_t n,
                                 const sl_centroid *terms, const sl_centroid *ents,
                                 const char *lang, char *buf, size_t cap);

/* The first sentence of s (or its first words, at a word boundary), at
 * most cap - 1 bytes, written into buf; returns buf. */
const char *sl_describe_first_sentence(const char *s, char *buf, size_t cap);

/* The events as {"events":[...]} JSON, or as text for people, largest
 * first, filtered by q (may be NULL).  Caller frees with free(). */
char *sl_describe_events(const sl_describe_ctx *c, const sl_query *q, bool text);

#endif
