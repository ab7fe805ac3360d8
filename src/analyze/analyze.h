/*
 * analyze.h -- the analyze stage: what an article mentions.
 *
 * Dates (src/analyze/dates.c): absolute ("12 January 2020", "2020-01-12",
 * "January 12") and relative ("on Monday", "last week", "yesterday")
 * expressions, each resolved against the article date, with the sentence it
 * stands in; numbers that are not dates ("14-month campaign", "2,500
 * mercenaries") are not dates.  Languages: en, de, fr, es, it, pt, nl, ru,
 * tr, ar at least.
 *
 * Entities (src/analyze/entities.c): a first cut -- capitalised multi-word
 * names and acronyms, with their name key and count; sentence-initial common
 * words are not names.
 *
 * Tests: tests/analyze/.
 */
#ifndef SL_ANALYZE_H
#define SL_ANALYZE_H

#include "../core/core.h"
#include "../text/text.h"

typedef struct sl_dates sl_dates;

/* Caller frees with sl_dates_free(). */
sl_dates *sl_dates_new(void);
void sl_dates_free(sl_dates *d);

/* Fills a->dates from a->title and a->para, resolving relative expressions
 * against a->date (when a->date is unknown, relative ones are skipped or kept
 * with the precision that can be known).  Uses a->lang to pick the rules
 * (all languages' absolute forms are always tried). */
void sl_dates_extract(sl_dates *d, sl_article *a);

/* Fills a->ent; keys are made with 'n'. */
void sl_entities_extract(sl_norm *n, sl_article *a);

#endif /* SL_ANALYZE_H */
