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

/* What describing needs: the events (with their profiles) and the
 * readable forms of features.  Both borrowed. */
typedef struct {
    const sl_events *events;
    const sl_vocab *vocab;
} sl_describe_ctx;

/* The headline of event ev (borrowed from a member's profile, or written
 * into 'buf' of 'cap' bytes when it is a first sentence).  'lang' (may be
 * NULL) is preferred. */
const char *sl_describe_headline(const sl_describe_ctx *c, const sl_event *ev,
                                 const char *lang, char *buf, size_t cap);

/* The first sentence of s (or its first words, at a word boundary), at
 * most cap - 1 bytes, written into buf; returns buf. */
const char *sl_describe_first_sentence(const char *s, char *buf, size_t cap);

/* The day of an event: when its reports say it happened (days since
 * 1970-01-01), or SL_NO_DAY. */
int32_t sl_describe_event_day(const sl_describe_ctx *c, const sl_event *ev);

/* The events as {"events":[...]} JSON, or as text for people, largest
 * first, filtered by q (may be NULL).  Caller frees with free(). */
char *sl_describe_events(const sl_describe_ctx *c, const sl_query *q, bool text);

#endif
