/*
 * html.c -- one web page in, one article out: sl_read_html().
 *
 * The page goes through three steps, each in its own file:
 *
 *   bytes --charset.c--> UTF-8 --gumbo--> tree --html_meta.c--> title, url,
 *                                                site, date, language hint
 *                                          \---html_text.c--> paragraphs
 *
 * Fields the caller already set (a JSON line's "title", "url", "source",
 * "date", "lang") are never overwritten: metadata only fills what is unknown.
 *
 * Depth: gumbo 0.10 frees its tree recursively, which a page of a million
 * nested <div>s would turn into a stack overflow.  So gumbo allocates through
 * a small tracker here (every live block on one list) and the whole tree is
 * released by walking that list, never by gumbo_destroy_output().  Every walk
 * over the tree in this reader is iterative for the same reason.
 *
 * Tests: tests/read/test_html.c; fuzzing: fuzz/fuzz_html.c; quality and
 * speed on real pages: bench/html_extract.c.
 */
#include "html_parts.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

/* ---- gumbo's memory ------------------------------------------------------ */

/* Each block gumbo asks for is preceded by this header, linking it into a
 * doubly linked list of live blocks.  The union keeps the payload aligned. */
typedef union block {
    struct {
        union block *prev, *next;
    } link;
    max_align_t align;
} block;

static void *track_alloc(void *list, size_t n)
{
    block *head = list, *b = sl_xmalloc(sizeof(block) + n);
    b->link.prev = head;
    b->link.next = head->link.next;
    if (head->link.next)
        head->link.next->link.prev = b;
    head->link.next = b;
    return b + 1;
}

static void track_free(void *list, void *p)
{
    (void)list;
    if (!p)
        return;
    block *b = (block *)p - 1;
    b->link.prev->link.next = b->link.next;
    if (b->link.next)
        b->link.next->link.prev = b->link.prev;
    free(b);
}

/* Frees every block still on the list: the whole parse output. */
static void track_release(block *head)
{
    block *b = head->link.next;
    while (b) {
        block *next = b->link.next;
        free(b);
        b = next;
    }
    head->link.next = NULL;
}

/* ---- helpers shared by the HTML files ----------------------------------- */

const char *sl_html_attr(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return NULL;
    const GumboAttribute *at = gumbo_get_attribute(&node->v.element.attributes, name);
    return at ? at->value : NULL;
}

static bool is_space_at(const char *s, size_t n, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        *w = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
        *w = 2;
        return true;
    }
    return false;
}

void sl_html_put_collapsed(sl_buf *b, const char *s, size_t n, bool *space)
{
    size_t i = 0, w;
    while (i < n) {
        size_t start = i;
        while (i < n && !is_space_at(s, n, i, &w))
            i++;
        if (i > start) {
            sl_buf_put(b, s + start, i - start);
            *space = false;
        }
        bool any = false;
        while (i < n && is_space_at(s, n, i, &w))
            i += w, any = true;
        if (any && !*space && b->len) {
            sl_buf_putc(b, ' ');
            *space = true;
        }
    }
}

static bool no_text_inside(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return false;
    GumboTag t = n->v.element.tag;
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
           t == GUMBO_TAG_TEMPLATE;
}

const GumboNode *sl_html_walk_next(const GumboNode *n, const GumboNode *top, bool descend)
{
    if (descend && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) &&
        n->v.element.children.length)
        return n->v.element.children.data[0];
    while (n != top && n->parent) {
        const GumboVector *sib = &n->parent->v.element.children;
        if (n->parent->type == GUMBO_NODE_DOCUMENT)
            sib = &n->parent->v.document.children;
        if (n->index_within_parent + 1 < sib->length)
            return sib->data[n->index_within_parent + 1];
        n = n->parent;
    }
    return NULL;
}

void sl_html_node_text(const GumboNode *node, sl_buf *b)
{
    bool space = b->len == 0 || b->s[b->len - 1] == ' ';
    for (const GumboNode *n = node; n; n = sl_html_walk_next(n, node, !no_text_inside(n))) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA)
            sl_html_put_collapsed(b, n->v.text.text, strlen(n->v.text.text), &space);
    }
    while (b->len && b->s[b->len - 1] == ' ')
        b->s[--b->len] = '\0';
}

/* ---- the reader ---------------------------------------------------------- */

sl_status sl_read_html(sl_engine *e, sl_article *a, const char *data, size_t len)
{
    sl_buf u = {0};
    a->invalid_bytes += sl_html_to_utf8(data, len, &u);
    block list = {.link = {NULL, NULL}};
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = track_alloc;
    opt.deallocator = track_free;
    opt.userdata = &list;
    opt.max_errors = 0; /* parse errors are not wanted: save their memory */
    GumboOutput *out = gumbo_parse_with_options(&opt, u.s ? u.s : "", u.len);
    sl_html_meta(out->root, a);
    sl_html_text(out->root, a->title, a);
    track_release(&list);
    sl_buf_free(&u);
    if (a->npara == 0) {
        sl_engine_seterr(e, "no text in page");
        return SL_EINPUT;
    }
    return SL_OK;
}
