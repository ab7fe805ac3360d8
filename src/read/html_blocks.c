/*
 * html_blocks.c -- a parsed page as two flat arrays: its block-level
 * elements and its runs of text ("blocks"), ready to be scored.
 *
 * A block is the text between two block boundaries: "<p>One <b>two</b></p>"
 * is one block, "<div>intro<p>para</p>outro</div>" three (the loose text
 * around the <p> makes blocks of its own), and two <br>s in a row end a
 * block, the way they end a paragraph on screen.  Each block knows its owner
 * (the innermost block-level element), its length in code points, how much
 * of it is link text and how many commas it holds: what main-text scoring
 * (html_text.c) needs, without touching the tree again.
 *
 * Elements are kept in pre-order with the index one past their subtree, so
 * "is x inside y" is y < x < el[y].end and every later pass is a plain loop
 * over an array: forwards to pass flags down, backwards to sum sizes up.
 * Inline elements (<a>, <span>, <em> ...) get no entry; they only mark text
 * as link text or as a date.
 *
 * Left out here, whatever the scoring later decides: what is never text
 * (scripts, styles, embeds, form fields, SVG), what the page hides
 * (display:none, hidden, aria-hidden), boilerplate by tag (<nav>, <aside>,
 * <footer>, <figure> and its caption), and short elements whose class or id
 * calls them a byline, dateline, caption, share or subscribe widget, or a
 * cookie banner.  Class and id hints that are only evidence (sidebar,
 * comment, related vs article, content, story-body) are recorded as
 * SL_HINT_* bits and weights for the scorer, which may overrule them.
 *
 * The walk is a loop over an explicit stack (no recursion), so a page of a
 * million nested elements costs memory, not the C stack.
 *
 * Tests: tests/read/test_html.c.
 */
#include "html_parts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tags ------------------------------------------------------------------- */

/* Tags whose subtree is never text. */
static bool never_text(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_SVG: case GUMBO_TAG_MAP:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_BASE: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_MENU:
    case GUMBO_TAG_MENUITEM:
        return true;
    default:
        return false;
    }
}

/* Tags that hold page furniture, not the article. */
static bool boilerplate_tag(GumboTag t)
{
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER ||
           t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION;
}

static bool inline_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLINK: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA: case GUMBO_TAG_DEL: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_INS: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR: case GUMBO_TAG_Q: case GUMBO_TAG_RP:
    case GUMBO_TAG_RT: case GUMBO_TAG_RTC: case GUMBO_TAG_RB: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT:
    case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_BR:
    case GUMBO_TAG_OUTPUT: case GUMBO_TAG_METER: case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_SPACER: case GUMBO_TAG_MATH: case GUMBO_TAG_MI: case GUMBO_TAG_MO:
    case GUMBO_TAG_MN: case GUMBO_TAG_MS: case GUMBO_TAG_MTEXT:
        return true;
    default:
        return false;
    }
}

bool sl_html_is_block_tag(GumboTag t)
{
    return !inline_tag(t);
}

static bool is_block(const GumboNode *n)
{
    return n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
           sl_html_is_block_tag(n->v.element.tag);
}

/* ---- class and id hints -------------------------------------------------- */

/* What a word found in class or id says.  The first four are SL_HINT_*;
 * the rest ask for the element to be cut when its text is short. */
enum {
    W_POS = SL_HINT_POSITIVE, W_NEG = SL_HINT_NEGATIVE,
    W_UNLIKELY = SL_HINT_UNLIKELY, W_MAYBE = SL_HINT_MAYBE,
    W_BYLINE = 1 << 8,   /* cut under 100 characters */
    W_SHARE = 1 << 9,    /* cut under 500 characters; whole words only */
    W_CAPTION = 1 << 10, /* cut under 300 characters */
    W_DATE = 1 << 11,    /* cut under 60 characters holding a digit */
    W_BANNER = 1 << 12   /* cut under 1000 characters */
};
#define W_CUT (W_BYLINE | W_SHARE | W_CAPTION | W_DATE | W_BANNER)

typedef struct {
    const char *word;
    unsigned bits;
} hint_word;

static const hint_word hint_words[] = {
    {"article", W_POS | W_MAYBE}, {"body", W_POS | W_MAYBE},
    {"content", W_POS | W_MAYBE}, {"entry", W_POS}, {"main", W_POS | W_MAYBE},
    {"page", W_POS}, {"post", W_POS}, {"text", W_POS}, {"blog", W_POS},
    {"story", W_POS}, {"column", W_MAYBE}, {"shadow", W_MAYBE}, {"and", W_MAYBE},
    {"mathjax", W_MAYBE},
    {"-ad-", W_NEG | W_UNLIKELY}, {"ad-break", W_UNLIKELY}, {"ai2html", W_UNLIKELY},
    {"banner", W_NEG | W_UNLIKELY}, {"breadcrumb", W_UNLIKELY},
    {"combx", W_NEG | W_UNLIKELY}, {"comment", W_NEG | W_UNLIKELY},
    {"community", W_UNLIKELY}, {"cover-wrap", W_UNLIKELY}, {"disqus", W_UNLIKELY},
    {"extra", W_UNLIKELY}, {"footer", W_NEG | W_UNLIKELY}, {"foot", W_NEG},
    {"gdpr", W_NEG | W_UNLIKELY | W_BANNER},
    {"header", W_UNLIKELY}, {"legends", W_UNLIKELY}, {"menu", W_UNLIKELY},
    {"related", W_NEG | W_UNLIKELY}, {"remark", W_UNLIKELY},
    {"replies", W_UNLIKELY}, {"rss", W_UNLIKELY}, {"shoutbox", W_NEG | W_UNLIKELY},
    {"sidebar", W_NEG | W_UNLIKELY}, {"skyscraper", W_NEG | W_UNLIKELY},
    {"social", W_UNLIKELY}, {"sponsor", W_NEG | W_UNLIKELY},
    {"supplemental", W_UNLIKELY}, {"agegate", W_UNLIKELY},
    {"pagination", W_POS | W_UNLIKELY}, {"pager", W_UNLIKELY},
    {"popup", W_UNLIKELY}, {"yom-remote", W_UNLIKELY}, {"outbrain", W_NEG | W_UNLIKELY},
    {"taboola", W_NEG | W_UNLIKELY}, {"recommend", W_UNLIKELY}, {"trending", W_UNLIKELY},
    {"most-read", W_UNLIKELY}, {"most-popular", W_UNLIKELY}, {"recirc", W_UNLIKELY},
    {"com-", W_NEG}, {"contact", W_NEG}, {"hidden", W_NEG}, {"masthead", W_NEG},
    {"media", W_NEG}, {"meta", W_NEG}, {"promo", W_NEG}, {"scroll", W_NEG},
    {"share", W_NEG | W_SHARE}, {"sharedaddy", W_SHARE}, {"sharing", W_SHARE},
    {"shopping", W_NEG}, {"tags", W_NEG}, {"widget", W_NEG},
    {"newsletter", W_SHARE}, {"subscribe", W_SHARE}, {"signup", W_SHARE},
    {"byline", W_BYLINE}, {"author", W_BYLINE}, {"dateline", W_BYLINE},
    {"writtenby", W_BYLINE}, {"p-author", W_BYLINE},
    {"caption", W_CAPTION}, {"credit", W_CAPTION},
    {"date", W_DATE}, {"timestamp", W_DATE},
    {"cookie", W_BANNER}, {"consent", W_BANNER},
};

static bool word_edge(const char *s, const char *at, size_t n)
{
    bool before = at == s || !isalnum((unsigned char)at[-1]);
    return before && !isalnum((unsigned char)at[n]);
}

/* The W_* bits of one attribute value, lowercased into buf first. */
static unsigned words_of(const char *v)
{
    char buf[512];
    size_t n = 0;
    for (; v && *v && n + 1 < sizeof buf; v++)
        buf[n++] = (char)tolower((unsigned char)*v);
    buf[n] = '\0';
    unsigned bits = 0;
    if (!n)
        return 0;
    for (size_t i = 0; i < sizeof hint_words / sizeof *hint_words; i++) {
        const char *at = strstr(buf, hint_words[i].word);
        if (!at)
            continue;
        unsigned b = hint_words[i].bits;
        if ((b & W_SHARE) && !word_edge(buf, at, strlen(hint_words[i].word)))
            b &= ~(unsigned)W_SHARE;
        bits |= b;
    }
    return bits;
}

static bool unlikely_role(const char *role)
{
    static const char *const roles[] = {"navigation", "menu", "menubar", "complementary",
                                        "alert", "alertdialog", "dialog", "banner",
                                        "contentinfo", NULL};
    for (size_t i = 0; role && roles[i]; i++)
        if (!strcasecmp(role, roles[i]))
            return true;
    return false;
}

/* The W_* bits of an element's class, id, role, rel and itemprop; *weight
 * gets Readability's class weight (+-25 for class, +-25 for id). */
static unsigned hints_of(const GumboNode *n, int *weight)
{
    const char *cls = sl_html_attr(n, "class"), *id = sl_html_attr(n, "id");
    unsigned c = words_of(cls), i = words_of(id);
    *weight = ((c & W_POS) ? 25 : 0) - ((c & W_NEG) ? 25 : 0) + ((i & W_POS) ? 25 : 0) -
              ((i & W_NEG) ? 25 : 0);
    unsigned bits = c | i;
    if (unlikely_role(sl_html_attr(n, "role")))
        bits |= W_UNLIKELY;
    const char *rel = sl_html_attr(n, "rel"), *prop = sl_html_attr(n, "itemprop");
    if ((rel && !strcasecmp(rel, "author")) || (prop && strstr(prop, "author")))
        bits |= W_BYLINE;
    return bits;
}

/* ---- hidden and short elements -------------------------------------------- */

/* True if the inline style says display:none or visibility:hidden. */
static bool style_hides(const char *style)
{
    char buf[256];
    size_t n = 0;
    for (; style && *style && n + 1 < sizeof buf; style++)
        if (!isspace((unsigned char)*style))
            buf[n++] = (char)tolower((unsigned char)*style);
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static bool is_hidden(const GumboNode *n)
{
    if (sl_html_attr(n, "hidden") || style_hides(sl_html_attr(n, "style")))
        return true;
    const char *aria = sl_html_attr(n, "aria-hidden"), *cls = sl_html_attr(n, "class");
    if (aria && !strcmp(aria, "true") && !(cls && strstr(cls, "fallback-image")))
        return true;
    const char *modal = sl_html_attr(n, "aria-modal"), *role = sl_html_attr(n, "role");
    return modal && role && !strcmp(modal, "true") && !strcmp(role, "dialog");
}

/* Code points of text under n, counting stops past 'limit'; *digit is set
 * when a digit is seen.  Walks at most a few thousand nodes. */
static size_t text_size(const GumboNode *top, size_t limit, bool *digit)
{
    size_t chars = 0, budget = 4096;
    *digit = false;
    for (const GumboNode *n = top; n && chars <= limit; budget--) {
        if (!budget)
            return limit + 1;
        bool elem = n->type == GUMBO_NODE_ELEMENT;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            for (const unsigned char *s = (const unsigned char *)n->v.text.text; *s; s++) {
                chars += (*s & 0xC0) != 0x80 && !isspace(*s);
                *digit |= isdigit(*s) != 0;
            }
        }
        n = sl_html_walk_next(n, top, !(elem && never_text(n->v.element.tag)));
    }
    return chars;
}

/* True if the hints in 'bits' ask to cut n, given the size of its text. */
static bool cut_short(const GumboNode *n, unsigned bits)
{
    if (!(bits & W_CUT))
        return false;
    bool digit;
    size_t chars = text_size(n, 1000, &digit);
    return ((bits & W_BYLINE) && chars < 100) || ((bits & W_SHARE) && chars < 500) ||
           ((bits & W_CAPTION) && chars < 300) || ((bits & W_BANNER) && chars < 1000) ||
           ((bits & W_DATE) && chars < 60 && digit);
}

/* ---- the walk ---------------------------------------------------------------- */

typedef struct {
    const GumboNode *node;
    unsigned next;     /* next child to visit */
    int32_t el;        /* its entry, or -1 for an inline element */
    int32_t owner;     /* the owner to restore on leaving */
    bool link, time, span; /* it opened a link, a <time>, a <span> */
} frame;

typedef struct {
    sl_html_page *pg;
    frame *st;
    size_t nst, cst;
    int32_t owner;          /* innermost open block element */
    sl_buf cur;             /* the open block's text */
    bool space, br;         /* cur ends in a space; the last thing was a <br> */
    uint32_t chars, link10, commas, time_chars, span_chars;
    unsigned links, times, spans, link_w; /* open links, <time>s, <span>s; 10 or 3 */
    uint16_t flags;
} walker;

static bool is_comma(uint32_t cp)
{
    return cp == ',' || cp == 0x060C || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11 ||
           cp == 0x2E41 || cp == 0x2E34 || cp == 0x2E32 || cp == 0xFF0C;
}

/* Adds a text node's text to the open block. */
static void put_text(walker *w, const char *s)
{
    size_t from = w->cur.len, n = strlen(s);
    sl_html_put_collapsed(&w->cur, s, n, &w->space);
    uint32_t chars = 0, commas = 0, nonspace = 0;
    for (size_t i = from; i < w->cur.len;) {
        unsigned char c = (unsigned char)w->cur.s[i];
        nonspace += c != ' ';
        if (c < 0x80) {
            commas += c == ',';
            chars++, i++;
            continue;
        }
        int32_t cp = sl_utf8_next(w->cur.s, w->cur.len, &i);
        commas += is_comma((uint32_t)cp);
        chars++;
    }
    w->chars += chars;
    w->commas += commas;
    if (w->links)
        w->link10 += chars * w->link_w;
    if (w->times)
        w->time_chars += chars;
    if (w->spans)
        w->span_chars += chars;
    if (nonspace)
        w->br = false;
}

static void reset_block(walker *w)
{
    sl_buf_clear(&w->cur);
    w->space = true;
    w->br = false;
    w->chars = w->link10 = w->commas = w->time_chars = w->span_chars = 0;
    w->flags = 0;
}

/* Ends the open block: stores it if it holds any text. */
static void flush(walker *w)
{
    sl_html_page *pg = w->pg;
    while (w->cur.len && w->cur.s[w->cur.len - 1] == ' ')
        w->cur.s[--w->cur.len] = '\0', w->chars--;
    if (w->cur.len && w->owner >= 0) {
        sl_grow((void **)&pg->bl, &pg->cbl, pg->nbl + 1, sizeof *pg->bl);
        sl_html_block *b = &pg->bl[pg->nbl++];
        b->off = (uint32_t)pg->text.len;
        b->len = (uint32_t)w->cur.len;
        b->chars = w->chars;
        b->link10 = w->link10 < w->chars * 10 ? w->link10 : w->chars * 10;
        b->commas = w->commas;
        b->span = w->span_chars < w->chars ? w->span_chars : w->chars;
        b->owner = w->owner;
        b->flags = w->flags;
        if (w->time_chars * 10 >= w->chars * 9)
            b->flags |= SL_BLOCK_DATE;
        sl_buf_put(&pg->text, w->cur.s, w->cur.len);
        sl_buf_putc(&pg->text, '\0');
        pg->el[w->owner].blocks++;
    }
    reset_block(w);
}

static int32_t add_element(walker *w, const GumboNode *n, int32_t parent, unsigned bits,
                           int weight)
{
    sl_html_page *pg = w->pg;
    sl_grow((void **)&pg->el, &pg->cel, pg->nel + 1, sizeof *pg->el);
    int32_t i = (int32_t)pg->nel++;
    sl_html_el *e = &pg->el[i];
    memset(e, 0, sizeof *e);
    e->node = n;
    e->parent = parent;
    e->tag = (uint16_t)n->v.element.tag;
    e->weight = (int16_t)weight;
    e->hint = (uint16_t)(bits & (W_POS | W_NEG | W_UNLIKELY | W_MAYBE));
    if (parent >= 0) {
        const sl_html_el *p = &pg->el[parent];
        e->hint |= p->hint & (SL_HINT_IN_TABLE | SL_HINT_IN_CODE | SL_HINT_IN_FORM);
        if (p->tag == GUMBO_TAG_TABLE)
            e->hint |= SL_HINT_IN_TABLE;
        if (p->tag == GUMBO_TAG_PRE)
            e->hint |= SL_HINT_IN_CODE;
        if (p->tag == GUMBO_TAG_FORM)
            e->hint |= SL_HINT_IN_FORM;
        pg->el[parent].kids += pg->el[parent].kids < UINT16_MAX;
    }
    e->cls = sl_html_attr(n, "class");
    e->bfirst = e->bend = (uint32_t)pg->nbl;
    return i;
}

/* The innermost element entry open on the stack, or -1. */
static int32_t open_element(const walker *w)
{
    for (size_t i = w->nst; i-- > 0;)
        if (w->st[i].el >= 0)
            return w->st[i].el;
    return -1;
}

static bool video_embed(const GumboNode *n)
{
    static const char *const hosts[] = {"youtube", "vimeo", "dailymotion", "twitch",
                                        "youku", "bilibili", "archive.org", NULL};
    const char *src = sl_html_attr(n, "src");
    for (size_t i = 0; src && hosts[i]; i++)
        if (strstr(src, hosts[i]))
            return true;
    return false;
}

/* Counts an element that is never text against the open element. */
static void count_void(walker *w, const GumboNode *n)
{
    int32_t at = open_element(w);
    if (at < 0)
        return;
    sl_html_el *e = &w->pg->el[at];
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_INPUT || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_SELECT ||
        t == GUMBO_TAG_BUTTON)
        e->inputs += e->inputs < UINT16_MAX;
    else if ((t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_EMBED) &&
             !video_embed(n))
        e->embeds += e->embeds < UINT16_MAX;
}

static void on_br(walker *w)
{
    if (w->br) {
        if (w->owner >= 0)
            w->pg->el[w->owner].hint |= SL_HINT_BR;
        flush(w);
        return;
    }
    if (!w->space && w->cur.len) {
        sl_buf_putc(&w->cur, ' ');
        w->chars++;
        w->space = true;
    }
    w->br = true;
}

static void push(walker *w, frame f)
{
    sl_grow((void **)&w->st, &w->cst, w->nst + 1, sizeof *w->st);
    w->st[w->nst++] = f;
}

static void count_child(walker *w)
{
    int32_t at = open_element(w);
    if (at >= 0)
        w->pg->el[at].elems += w->pg->el[at].elems < UINT16_MAX;
}

/* Enters element n: records it, or skips it (returns false). */
static bool enter(walker *w, const GumboNode *n)
{
    const GumboElement *el = &n->v.element;
    GumboTag t = el->tag;
    if (el->tag_namespace == GUMBO_NAMESPACE_SVG || never_text(t)) {
        count_void(w, n);
        return false;
    }
    if (t == GUMBO_TAG_BR) {
        count_child(w);
        on_br(w);
        return false;
    }
    if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_IMAGE) {
        count_child(w);
        int32_t at = open_element(w);
        if (at >= 0)
            w->pg->el[at].imgs += w->pg->el[at].imgs < UINT16_MAX;
        return false;
    }
    int weight = 0;
    unsigned bits = hints_of(n, &weight);
    if (boilerplate_tag(t) || is_hidden(n) || cut_short(n, bits)) {
        if ((bits & (W_BYLINE | W_SHARE)) && !is_block(n))
            w->flags |= SL_BLOCK_CUT;
        return false;
    }
    count_child(w);
    frame f = {n, 0, -1, w->owner, false, false, false};
    if (is_block(n)) {
        flush(w);
        f.el = add_element(w, n, open_element(w), bits, weight);
        w->owner = f.el;
    } else if (t == GUMBO_TAG_A && sl_html_attr(n, "href")) {
        const char *href = sl_html_attr(n, "href");
        if (!w->links)
            w->link_w = href[0] == '#' ? 3 : 10;
        w->links++;
        f.link = true;
    } else if (t == GUMBO_TAG_TIME) {
        w->times++;
        f.time = true;
    } else if (t == GUMBO_TAG_SPAN) {
        w->spans++;
        f.span = true;
    }
    push(w, f);
    return true;
}

static void leave(walker *w)
{
    frame f = w->st[--w->nst];
    if (f.el >= 0) {
        flush(w);
        w->pg->el[f.el].end = (int32_t)w->pg->nel;
        w->pg->el[f.el].bend = (uint32_t)w->pg->nbl;
        w->owner = f.owner;
    }
    w->links -= f.link;
    w->times -= f.time;
    w->spans -= f.span;
}

static const GumboVector *children(const GumboNode *n)
{
    return n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
}

/* Tags that stop a <div> from being read as a paragraph (Readability's
 * DIV_TO_P_ELEMS), images included. */
static bool p_breaker(uint16_t t)
{
    return t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV ||
           t == GUMBO_TAG_OL || t == GUMBO_TAG_P || t == GUMBO_TAG_PRE ||
           t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL;
}

/* Sets SL_HINT_BLOCKS bottom-up: one backward pass over pre-order. */
static void mark_blocks(sl_html_page *pg)
{
    for (size_t i = pg->nel; i-- > 0;) {
        sl_html_el *e = &pg->el[i];
        if (e->imgs)
            e->hint |= SL_HINT_BLOCKS;
        if (e->parent >= 0 && (p_breaker(e->tag) || (e->hint & SL_HINT_BLOCKS)))
            pg->el[e->parent].hint |= SL_HINT_BLOCKS;
    }
}

void sl_html_page_build(const GumboNode *root, sl_html_page *pg)
{
    walker w = {.pg = pg, .owner = -1, .space = true};
    if (!root || root->type != GUMBO_NODE_ELEMENT || !enter(&w, root))
        return;
    while (w.nst) {
        frame *f = &w.st[w.nst - 1];
        const GumboVector *kids = children(f->node);
        if (f->next >= kids->length) {
            leave(&w);
            continue;
        }
        const GumboNode *c = kids->data[f->next++];
        if (c->type == GUMBO_NODE_ELEMENT)
            enter(&w, c);
        else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
                 c->type == GUMBO_NODE_CDATA)
            put_text(&w, c->v.text.text);
    }
    flush(&w);
    free(w.st);
    sl_buf_free(&w.cur);
    mark_blocks(pg);
}

void sl_html_page_free(sl_html_page *pg)
{
    free(pg->el);
    free(pg->bl);
    sl_buf_free(&pg->text);
    memset(pg, 0, sizeof *pg);
}
