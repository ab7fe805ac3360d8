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
 * over the tree in this reader is iterative for the same reason.  Gumbo is
 * also quadratic in depth (each start tag scans the stack of open elements),
 * so before parsing, tags nested deeper than MAX_DEPTH are cut out of the
 * markup (their text stays): a million nested <div>s parse like 256.
 *
 * Tests: tests/read/test_html.c; fuzzing: fuzz/fuzz_html.c; quality and
 * speed on real pages: bench/html_extract.c.
 */
#include "html_parts.h"

#include <ctype.h>
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* ---- nesting ---------------------------------------------------------------- */

#define MAX_DEPTH 256 /* deeper tags are cut out before parsing */

static int cmp_name(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

/* True if the tag name s[0..n) is in the sorted list of lowercase names. */
static bool tag_in(const char *const *list, size_t count, const char *s, size_t n)
{
    char key[16];
    if (n >= sizeof key)
        return false;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)tolower((unsigned char)s[i]);
    key[n] = '\0';
    return bsearch(key, list, count, sizeof *list, cmp_name) != NULL;
}

/* Elements that never hold others open: void ones, and those whose end tag
 * is optional (the parser closes them itself).  They do not count as depth. */
static bool flat_tag(const char *name, size_t n)
{
    static const char *const tags[] = {"area", "base", "basefont", "bgsound", "body", "br",
        "caption", "col", "colgroup", "dd", "dt", "embed", "frame", "head", "hr", "html",
        "image", "img", "input", "keygen", "li", "link", "meta", "optgroup", "option", "p",
        "param", "rb", "rp", "rt", "rtc", "source", "tbody", "td", "tfoot", "th", "thead",
        "tr", "track", "wbr"};
    return tag_in(tags, sizeof tags / sizeof *tags, name, n);
}

/* Elements whose content is raw text, up to their end tag. */
static bool raw_tag(const char *name, size_t n)
{
    static const char *const tags[] = {"iframe", "noembed", "noframes", "noscript",
        "script", "style", "textarea", "title", "xmp"};
    return tag_in(tags, sizeof tags / sizeof *tags, name, n);
}

/* Offset just past the '>' closing the tag that starts at s[i] (quotes
 * respected), or len. */
static size_t tag_end(const char *s, size_t len, size_t i)
{
    char quote = 0;
    for (; i < len; i++) {
        if (quote)
            quote = s[i] == quote ? 0 : quote;
        else if (s[i] == '"' || s[i] == '\'')
            quote = s[i];
        else if (s[i] == '>')
            return i + 1;
    }
    return len;
}

/* Offset of the "</name" ending raw text that starts at s[i], or len. */
static size_t raw_end(const char *s, size_t len, size_t i, const char *name, size_t n)
{
    for (const char *p; i < len && (p = memchr(s + i, '<', len - i)) != NULL;) {
        i = (size_t)(p - s);
        if (i + 2 + n <= len && s[i + 1] == '/' && strncasecmp(s + i + 2, name, n) == 0)
            return i;
        i++;
    }
    return len;
}

typedef struct {
    size_t from, to; /* bytes of the markup */
    bool deep;       /* a tag nested deeper than MAX_DEPTH */
} markup;

/* Reads the markup item at s[i] == '<' into *m, keeping the nesting depth
 * in *depth. */
static void scan_item(const char *s, size_t len, size_t i, long *depth, markup *m)
{
    m->from = i;
    m->deep = false;
    bool end = i + 1 < len && s[i + 1] == '/';
    size_t name = i + 1 + end, n = 0;
    if (len - i >= 4 && !strncmp(s + i, "<!--", 4)) {
        m->to = len;
        for (size_t k = i + 4; k + 3 <= len; k++)
            if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
                m->to = k + 3;
                break;
            }
        return;
    }
    while (name + n < len && (isalnum((unsigned char)s[name + n]) || s[name + n] == '-'))
        n++;
    bool decl = i + 1 < len && (s[i + 1] == '!' || s[i + 1] == '?');
    m->to = n || decl ? tag_end(s, len, i + 1) : i + 1;
    if (!n || !isalpha((unsigned char)s[name]))
        return;
    bool self = m->to >= 2 && s[m->to - 2] == '/';
    if (!end && raw_tag(s + name, n)) {
        m->to = raw_end(s, len, m->to, s + name, n);
        return;
    }
    if (flat_tag(s + name, n) || (self && !end))
        return;
    if (end) {
        m->deep = *depth > MAX_DEPTH;
        *depth -= *depth > 0;
    } else {
        m->deep = ++*depth > MAX_DEPTH;
    }
}

/* Cuts tags nested deeper than MAX_DEPTH out of u (their text stays).
 * Leaves u alone, and costs one scan, when nothing is that deep. */
static void cap_depth(sl_buf *u)
{
    const char *s = u->s;
    size_t len = u->len;
    long depth = 0;
    bool any = false;
    markup m;
    for (int pass = 0; pass < 2 && s; pass++) {
        sl_buf out = {0};
        size_t i = 0, copied = 0;
        depth = 0;
        for (const char *p; i < len && (p = memchr(s + i, '<', len - i)) != NULL;) {
            scan_item(s, len, (size_t)(p - s), &depth, &m);
            any |= m.deep;
            if (pass == 1 && m.deep) {
                sl_buf_put(&out, s + copied, m.from - copied);
                copied = m.to;
            }
            i = m.to;
        }
        if (pass == 0 && !any)
            return;
        if (pass == 1) {
            sl_buf_put(&out, s + copied, len - copied);
            sl_buf_free(u);
            *u = out;
        }
    }
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
    cap_depth(&u);
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
