/*
 * clean.h -- the clean stage: what a reader should not see.
 *
 * Drops photo credits, "Related Story"/"Read more" trailers, tweet embeds,
 * share and subscribe prompts, a trailing orphan line, and every repeated
 * paragraph or caption after its first occurrence (also when repeated blocks
 * are glued into one paragraph).  Each dropped piece is recorded in the
 * article's 'dropped' list with its reason; kept text is never rewritten
 * except to cut a repeated block out of a paragraph.
 *
 * Tests: tests/clean/.
 */
#ifndef SL_CLEAN_H
#define SL_CLEAN_H

#include "../core/core.h"

typedef struct sl_clean sl_clean;

/* Caller frees with sl_clean_free(). */
sl_clean *sl_clean_new(void);
void sl_clean_free(sl_clean *c);

/* Cleans a->para in place and appends to a->dropped.  Uses a->title (a
 * paragraph equal to the title is dropped as "repeated title"). */
void sl_clean_article(sl_clean *c, sl_article *a);

#endif /* SL_CLEAN_H */
