/*
 * html_parts.h -- the pieces of the HTML reader (private to src/read).
 *
 *   charset.c      bytes in any charset -> valid UTF-8 (what gumbo needs)
 *   html.c         sl_read_html(): caps nesting, parses once, glues the rest
 *   html_meta.c    title, url, site, date and language hint from the tree
 *   html_blocks.c  the tree as flat arrays: block elements and text blocks
 *   html_text.c    the main text: scores the flat page, keeps the article
 *   html_noise.c   lines that are not text even there (bylines, labels)
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

/* ---- the flat page (html_blocks.c) --------------------------------------- */

/* What an element's tag, class, id and role say about it. */
enum {
    SL_HINT_POSITIVE = 1 << 0,  /* article, content, story-body ... */
    SL_HINT_NEGATIVE = 1 << 1,  /* sidebar, comment, promo, share ... */
    SL_HINT_UNLIKELY = 1 << 2,  /* navigation, comments, related, banners */
    SL_HINT_MAYBE = 1 << 3,     /* ... but also says article, content, main */
    SL_HINT_IN_TABLE = 1 << 4,  /* inside a <table> */
    SL_HINT_IN_CODE = 1 << 5,   /* inside <pre> or <code> */
    SL_HINT_IN_FORM = 1 << 6,   /* inside a <form> */
    SL_HINT_BLOCKS = 1 << 7,    /* holds a p, div, list, table, quote, pre or image */
    SL_HINT_BR = 1 << 8,        /* its text is split by <br><br> */
    SL_HINT_TITLE = 1 << 9      /* the first h1/h2 repeating the title */
};

/* One block-level element.  Elements are stored in document (pre-order)
 * order, so the subtree of element i is exactly the indices [i, end). */
typedef struct {
    const GumboNode *node; /* borrowed from the tree */
    int32_t parent;      /* index of the enclosing element; -1 for the top */
    int32_t end;         /* one past the last element inside it */
    uint16_t tag;        /* GumboTag */
    uint16_t hint;       /* SL_HINT_* */
    int16_t weight;      /* class and id: +25 each for positive, -25 negative */
    uint16_t kids;       /* block-level children */
    uint16_t elems;      /* element children of any kind (<a>, <span> too) */
    uint32_t blocks;     /* text blocks owned directly */
    uint32_t bfirst, bend; /* the blocks inside it: [bfirst, bend) */
    uint16_t inputs, embeds, imgs; /* form fields, embeds, images directly in */
    const char *cls;     /* class attribute, or NULL; borrowed from the tree */
} sl_html_el;

/* Block flags. */
enum {
    SL_BLOCK_DATE = 1 << 0,  /* all of it inside <time>: a dateline */
    SL_BLOCK_CUT = 1 << 1    /* a byline or share widget was cut out of it */
};

/* One run of text between block boundaries: a paragraph candidate. */
typedef struct {
    uint32_t off, len;   /* its text: page.text.s[off .. off+len), one line */
    uint32_t chars;      /* code points */
    uint32_t link10;     /* 10 x chars inside links (x3 for "#" links) */
    uint32_t span;       /* chars inside <span> */
    uint32_t commas;
    int32_t owner;       /* the innermost block-level element around it */
    uint16_t flags;      /* SL_BLOCK_* */
} sl_html_block;

typedef struct {
    sl_html_el *el;
    size_t nel, cel;
    sl_html_block *bl;
    size_t nbl, cbl;
    sl_buf text;         /* every block's text, each followed by a NUL */
} sl_html_page;

/* Flattens the tree under 'root' (borrowed) into *pg, which must be zeroed.
 * Leaves out what is never text: scripts, styles, forms' fields, embeds,
 * hidden elements, <nav>, <aside>, <footer>, <figure>, and short bylines,
 * datelines, captions and share widgets.  Iterative: safe on any depth.
 * Free with sl_html_page_free(). */
void sl_html_page_build(const GumboNode *root, sl_html_page *pg);
void sl_html_page_free(sl_html_page *pg);

/* True for tags that break text into blocks (p, div, li, h2, td ...). */
bool sl_html_is_block_tag(GumboTag t);

/* ---- lines that are not text (html_noise.c) ------------------------------- */

/* How much of b[0..bn)'s words (by length) are words of a, in 0..1:
 * Readability's test for a heading that repeats the title (> 0.75). */
double sl_html_cover(const char *a, const char *b, size_t bn);

/* How much titles a and b share: Dice's coefficient on their words. */
double sl_html_overlap(const char *a, const char *b);

/* True for a short line s[0..n) (of 'chars' code points) that only names
 * its authors: "By Jane Doe and Tom Roe", "Von Jan Vermeulen, Antwerpen". */
bool sl_html_byline(const char *s, size_t n, uint32_t chars);

/* True for a line that is only an advertising label or a loading notice. */
bool sl_html_placeholder(const char *s, size_t n);

/* ---- shared helpers (html.c) ------------------------------------------- */

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
