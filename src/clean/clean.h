/*
 * clean.h -- the clean stage: what a reader should not see.
 *
 * Drops photo credits, "Related Story"/"Read more" trailers and the links
 * under them, tweet embeds, share, follow and subscribe prompts, cookie and
 * copyright notices, advertisement labels, navigation, bylines, bare links,
 * a trailing orphan line, and every repeated paragraph, line or caption
 * after its first occurrence (also when repeated blocks are glued into one
 * paragraph, or a caption is repeated at the start of a later one).  The
 * phrases are listed for 20 languages (phrases.c).  Kept text is never
 * rewritten except to cut a repeated block or a credit out of a paragraph.
 *
 * Each dropped piece goes into the article's 'dropped' list with one of
 * these reasons (static strings, compare by value):
 *
 *   "photo credit"  "copyright"      "related links"  "read more"
 *   "tweet embed"   "share prompt"   "subscribe prompt"  "byline"
 *   "navigation"    "advertisement"  "cookie notice"  "link"
 *   "orphan line"   "repeated paragraph"  "repeated caption"  "repeated title"
 *
 * Precision comes first: a sentence that merely mentions a photo, an agency
 * or a share ("..., Reuters reported.") stays.
 *
 * Tests: tests/clean/test_clean.c, tests/cli/test_clean.sh; what it drops
 * from real data: bench/clean_report.sh; speed: build/bench/clean_speed.
 */
#ifndef SL_CLEAN_H
#define SL_CLEAN_H

#include "../core/core.h"

typedef struct sl_clean sl_clean;

/* A cleaning context (phrase tables, scratch buffers), reused from article
 * to article.  Caller frees with sl_clean_free(); sl_clean_free(NULL) does
 * nothing. */
sl_clean *sl_clean_new(void);
void sl_clean_free(sl_clean *c);

/* Cleans a->para in place and appends to a->dropped.  Uses a->title (a
 * paragraph or line equal to the title is dropped as "repeated title",
 * unless it is the article's only paragraph).  Borrowed: 'a' only for the
 * call; paragraphs that change are replaced by new strings owned by 'a'. */
void sl_clean_article(sl_clean *c, sl_article *a);

#endif /* SL_CLEAN_H */
