/*
 * read.h -- the read stage: bytes in, one sl_article out.
 *
 * Three readers share one contract: they take a name (for messages and the
 * id) and bytes, and fill an article's "read" fields: id, url, site, title,
 * date + precision, language hint and paragraphs.  Bytes are cleaned to valid
 * UTF-8 on the way in (invalid sequences replaced by U+FFFD and counted).
 *
 *   text.c   the seed format: optional title line, optional " date YYYY[-MM[-DD]]"
 *   html.c   one web page (gumbo): metadata and the main text
 *   jsonl.c  one JSON object per line, the fields of DESIGN.md
 *   reader.c walks paths (files, folders, stdin) and dispatches
 *
 * Errors: sl_read_text() and sl_read_html() put only the reason in the
 * engine ("no text in page"); the caller adds the file and line.
 *
 * Tests: tests/read/.
 */
#ifndef SL_READ_H
#define SL_READ_H

#include "../core/core.h"

/* Fills 'a' (already holding its id and path) from a text article. */
sl_status sl_read_text(sl_engine *e, sl_article *a, const char *data,
                       size_t len);

/* Fills 'a' (already holding its id and path) from an HTML page, in any
 * charset.  Title, url, site, date and language hint come from the page's
 * metadata; paragraphs from its main text.  Returns SL_EINPUT (with the reason
 * in the engine) when the page has no text at all. */
sl_status sl_read_html(sl_engine *e, sl_article *a, const char *data,
                       size_t len);

/* Reads one JSON line (line number 'lineno' of 'path') into a new article.
 * Caller frees *out with sl_article_free(). */
sl_status sl_read_json_line(sl_engine *e, const char *path, size_t lineno,
                            const char *line, size_t len, sl_article **out);

#endif /* SL_READ_H */
