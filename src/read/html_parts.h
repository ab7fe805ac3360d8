/*
 * html_parts.h -- the pieces of the HTML reader (private to src/read).
 *
 *   charset.c    bytes in any charset -> valid UTF-8 (what gumbo needs)
 *   html_meta.c  title, url, site, date and language hint from the tree
 *   html_text.c  the main text, one paragraph per block
 *   html.c       sl_read_html(): glues them around one gumbo parse
 *
 * Tests: tests/read/test_html.c.
 */
#ifndef SL_HTML_PARTS_H
#define SL_HTML_PARTS_H

#include "read.h"

#include <gumbo.h>

/* Appends data[0..len) to 'out' as valid UTF-8 without NUL bytes, converted
 * from the page's charset (byte order mark, <meta charset>, <meta http-equiv>,
 * else ICU's detector).  Returns how many bytes or sequences were invalid in
 * the source charset (each became U+FFFD). */
size_t sl_html_to_utf8(const char *data, size_t len, sl_buf *out);

/* Fills the fields of 'a' that are still unknown (NULL title, url, site; no
 * date; empty lang_hint) from the page's metadata.  'root' is borrowed. */
void sl_html_meta(const GumboNode *root, sl_article *a);

/* Appends the page's main text to 'a' as paragraphs.  'title' (borrowed,
 * may be NULL) is the article title: a heading repeating it is left out. */
void sl_html_text(const GumboNode *root, const char *title, sl_article *a);

/* The text of 'node' with white space collapsed, appended to 'b' (script and
 * style contents left out).  No recursion: safe on any depth. */
void sl_html_node_text(const GumboNode *node, sl_buf *b);

/* Appends s[0..n) to b with every run of white space (NBSP included) made
 * one space; 'space' carries whether b already ends in one across calls. */
void sl_html_put_collapsed(sl_buf *b, const char *s, size_t n, bool *space);

/* The next node of a pre-order walk of the subtree 'top' after 'n' (NULL at
 * the end), not entering the children of 'n' when 'descend' is false.  Lets
 * every walk be a loop: no recursion, whatever the depth.  Borrowed. */
const GumboNode *sl_html_walk_next(const GumboNode *n, const GumboNode *top,
                                   bool descend);

/* The value of attribute 'name' of element 'node', or NULL.  Borrowed from
 * the tree. */
const char *sl_html_attr(const GumboNode *node, const char *name);

#endif /* SL_HTML_PARTS_H */
