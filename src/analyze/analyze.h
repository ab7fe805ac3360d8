/*
 * analyze.h -- the analyze stage: what an article mentions.
 *
 * Dates (dates.c, with date_scan.c, date_words.c, date_resolve.c): absolute
 * ("12 January 2020", "January 12, 2020", "12. Januar 2020", "12 de enero
 * de 2020", "2020-01-12", "12/01/2020", "2020年6月15日", "June 2020", "in
 * 2019") in every language, and relative ones in the article's language
 * ("on Monday", "am Montag", "в понедельник", "يوم الاثنين", "yesterday",
 * "last week", "January 12" without a year), resolved against the article
 * date, each with its sentence, expression and precision; numbers that are
 * not dates ("14-month campaign", "2,500 mercenaries", "2-1") are not dates.
 * Languages: en, de, fr, es, it, pt, nl, ru, uk, tr, ar, pl, el, ro, da,
 * no, sv, id, tl, hi, zh, ja, ca.
 *
 * Entities (entities.c, with name_find.c, name_forms.c, name_words.c):
 * capitalised names of one or more words, acronyms, and Arabic names after
 * a title, each with its matching key (sl_norm_name_key(): "Erdoğan" and
 * "Erdogan", "Путин" and "Putin" share one) and its count; sentence-initial
 * common words, titles, possessives and Russian case endings are handled.
 *
 * Both read the article through the tokenizer in tokens.c; the internal
 * pieces they share are in analyze_internal.h.  Tests: tests/analyze/.
 */
#ifndef SL_ANALYZE_H
#define SL_ANALYZE_H

#include "../core/core.h"
#include "../text/text.h"

typedef struct sl_dates sl_dates;

/* Caller frees with sl_dates_free(). */
sl_dates *sl_dates_new(void);
void sl_dates_free(sl_dates *d);

/* Fills a->dates (replacing what was there) from a->title and a->para, at
 * most 256, in text order, resolving relative expressions
 * against a->date (when a->date is unknown, relative ones are skipped or kept
 * with the precision that can be known).  Uses a->lang to pick the rules
 * (all languages' absolute forms are always tried). */
void sl_dates_extract(sl_dates *d, sl_article *a);

/* Fills a->ent (replacing what was there) from a->title and a->para, by
 * count; keys are made with 'n'.  Uses a->lang for the word lists (all of
 * them when it is "und"). */
void sl_entities_extract(sl_norm *n, sl_article *a);

/* sl_dates_extract(d, a) then sl_entities_extract(n, a), with each piece
 * of the article tokenized once for both. */
void sl_analyze_article(sl_dates *d, sl_norm *n, sl_article *a);

#endif /* SL_ANALYZE_H */
