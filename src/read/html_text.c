/*
 * html_text.c -- the main text of a page, one paragraph per block.
 *
 * FIRST CUT: every <p>, heading, list item, blockquote and <pre> outside
 * navigation, asides, headers, footers, figures and forms becomes one
 * paragraph.  A real main-content scorer replaces this (bench/html_extract).
 *
 * Tests: tests/read/test_html.c.
 */
#include "html_parts.h"

#include <string.h>

static bool skip_subtree(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return false;
    switch (n->v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

static bool is_block(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return false;
    switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
        return true;
    default:
        return false;
    }
}

void sl_html_text(const GumboNode *root, const char *title, sl_article *a)
{
    sl_buf b = {0};
    for (const GumboNode *n = root; n;) {
        if (skip_subtree(n)) {
            n = sl_html_walk_next(n, root, false);
            continue;
        }
        if (is_block(n)) {
            sl_buf_clear(&b);
            sl_html_node_text(n, &b);
            if (b.len && !(title && !strcmp(b.s, title)))
                sl_article_add_para(a, b.s, b.len);
            n = sl_html_walk_next(n, root, false);
            continue;
        }
        n = sl_html_walk_next(n, root, true);
    }
    sl_buf_free(&b);
}
