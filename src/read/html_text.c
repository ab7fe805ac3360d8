/*
 * html_text.c -- the main text of a page: which blocks are the article.
 *
 * The page arrives flat (html_blocks.c: elements in pre-order, text blocks
 * with their owners).  The article is found the way Readability finds it:
 *
 *   1. Score.  Every paragraph of 25 characters or more (a <p>, <pre>,
 *      heading, <section>, <td>, or a <div> holding only text) gives points
 *      (2 + its commas + one per 100 characters, up to 3) to the element
 *      around it, half to the one above, a sixth and less further up (five
 *      levels).  An element starts from its tag (div +5, lists and headings
 *      minus) and its class and id (+25 article/content/story-body, -25
 *      sidebar/comment/share/promo/footer ...).  Each candidate's score is
 *      then scaled by 1 - its link density: menus score nothing.
 *   2. Choose.  The best candidate; its parent instead when several strong
 *      runners-up share it, or when the parent scores even better.
 *   3. Widen.  Siblings of the winner join it when they score a fifth of
 *      it, or look like paragraphs of it (long with few links, or short
 *      with none, ending a sentence).
 *   4. Clean.  Inside what was kept, lists, tables, forms and divs go when
 *      they look like furniture: mostly links, more list items than
 *      paragraphs, form fields, embeds, a negative class, no text of their
 *      own.  Headings that repeat the title, and datelines, go too.
 *
 * Readability keeps some furniture a news text must not have; here, also,
 * lists that are all links (related stories, tags) go, and so do short
 * one-link paragraphs (teasers) when the article is long enough without
 * them, bylines and advertising labels (html_noise.c).  Captions, share
 * and subscribe boxes never reach the scorer (html_blocks.c).
 *
 * Step 0 removes "unlikely" elements (comments, related links, menus ...)
 * before scoring.  If the result has fewer than 500 characters, the whole
 * thing runs again without that step, then without class weights, then
 * without cleaning: small pages keep their text, and a wrongly named
 * container cannot hide the article.  A relaxed attempt replaces a stricter
 * one only when it finds half as much text again (Readability takes the
 * longest), so a short news brief does not get back the menus and "most
 * read" boxes that the strict attempt had rightly left out.  Every pass
 * is a loop over the flat arrays, so a retry costs no reparse and no
 * recursion.
 *
 * One paragraph per block: <p>, headings, list items, quotes, <pre>, and
 * one per table row (its cells joined by " | ").
 *
 * Tests: tests/read/test_html.c; quality on real pages: bench/html_extract.c.
 */
#include "html_parts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { STRIP_UNLIKELY = 1, WEIGHT_CLASSES = 2, CLEAN = 4 };
#define ENOUGH_TEXT 500 /* characters an attempt must find to be final */
#define MIN_SCORED 25   /* characters for a paragraph to give points */

/* Sizes of a subtree, summed over what is still in. */
typedef struct {
    uint32_t chars, link10, commas, head_chars, list_chars, textish;
    uint32_t ps, lis, imgs, inputs, embeds, heads, rows, cols, cells, tables, datas;
} sizes;

typedef struct {
    const sl_html_page *pg;
    int flags;
    int32_t body;      /* the <body> entry (or 0) */
    bool *gone;        /* removed before scoring, with all inside */
    bool *dropped;     /* removed by cleaning, with all inside */
    bool *kept;        /* inside the article */
    bool *kept_bl;     /* loose blocks kept on their own */
    bool *protect;     /* inside a data table or <pre>: never cleaned */
    bool *scored;
    float *score;
    sizes *sz;
    size_t chars;      /* text kept */
    bool rich;         /* enough text without lone links: they go */
} attempt;

static bool is_heading(uint16_t t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

static float link_density(const sizes *s)
{
    return s->chars ? (float)s->link10 / (10.0f * (float)s->chars) : 0;
}

/* ---- what Readability would have made of the markup ------------------------ */

/* A <div> with nothing but text (and inline markup) inside: a paragraph. */
static bool div_is_p(const sl_html_el *e)
{
    return e->tag == GUMBO_TAG_DIV && !(e->hint & (SL_HINT_BLOCKS | SL_HINT_BR));
}

/* A <div> around one <p> and nothing else: that <p>. */
static bool wraps_one_p(const sl_html_page *pg, int32_t i)
{
    const sl_html_el *e = &pg->el[i];
    return e->tag == GUMBO_TAG_DIV && e->elems == 1 && e->blocks == 0 &&
           i + 1 < (int32_t)pg->nel && pg->el[i + 1].parent == i &&
           pg->el[i + 1].tag == GUMBO_TAG_P;
}

/* True for what Readability would see as a <p> by the time it looks. */
static bool p_like(const sl_html_page *pg, int32_t i)
{
    return pg->el[i].tag == GUMBO_TAG_P || div_is_p(&pg->el[i]) || wraps_one_p(pg, i);
}

/* ---- step 0 and the sizes ------------------------------------------------ */

static void strip_unlikely(attempt *at)
{
    const sl_html_el *el = at->pg->el;
    for (size_t i = 0; i < at->pg->nel; i++) {
        bool g = (el[i].parent >= 0 && at->gone[el[i].parent]) || (el[i].hint & SL_HINT_TITLE);
        if (!g && (at->flags & STRIP_UNLIKELY) && (el[i].hint & SL_HINT_UNLIKELY) &&
            !(el[i].hint & (SL_HINT_MAYBE | SL_HINT_IN_TABLE | SL_HINT_IN_CODE)) &&
            el[i].tag != GUMBO_TAG_BODY && el[i].tag != GUMBO_TAG_HTML)
            g = true;
        at->gone[i] = g;
    }
}

static bool textish_tag(uint16_t t)
{
    return t == GUMBO_TAG_LI || t == GUMBO_TAG_TD || t == GUMBO_TAG_BLOCKQUOTE ||
           t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV || t == GUMBO_TAG_OL || t == GUMBO_TAG_P ||
           t == GUMBO_TAG_PRE || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL;
}

static bool head_tag(uint16_t t)
{
    return t == GUMBO_TAG_TH || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT ||
           t == GUMBO_TAG_COL || t == GUMBO_TAG_COLGROUP;
}

/* Readability's test for a table of data rather than of layout. */
static bool data_table(const sl_html_el *e, const sizes *s)
{
    const char *role = sl_html_attr(e->node, "role"), *dt = sl_html_attr(e->node, "datatable");
    if ((role && !strcasecmp(role, "presentation")) || (dt && !strcmp(dt, "0")))
        return false;
    if (sl_html_attr(e->node, "summary") || s->heads)
        return true;
    if (s->tables)
        return false;
    if (s->cols == 1 || s->rows == 1)
        return false;
    return s->rows >= 10 || s->cols > 4 || s->rows * s->cols > 10;
}

/* Adds the sizes of child c (with tag 'tag') into its parent's, p. */
static void add_up(sizes *p, const sizes *c, const sl_html_el *ce)
{
    uint16_t tag = ce->tag;
    p->chars += c->chars;
    p->link10 += c->link10;
    p->commas += c->commas;
    p->head_chars += is_heading(tag) ? c->chars : c->head_chars;
    p->list_chars += tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ? c->chars : c->list_chars;
    p->textish += textish_tag(tag) ? c->chars : c->textish;
    p->ps += c->ps + (tag == GUMBO_TAG_P);
    p->lis += c->lis + (tag == GUMBO_TAG_LI);
    p->imgs += c->imgs;
    p->inputs += c->inputs;
    p->embeds += c->embeds;
    p->heads += c->heads + head_tag(tag) + (tag == GUMBO_TAG_CAPTION && c->chars);
    p->rows += c->rows + (tag == GUMBO_TAG_TR);
    p->cells += tag == GUMBO_TAG_TR ? 0 : c->cells + (tag == GUMBO_TAG_TD);
    uint32_t cols = tag == GUMBO_TAG_TR ? c->cells : c->cols;
    p->cols = cols > p->cols ? cols : p->cols;
    p->tables += c->tables + (tag == GUMBO_TAG_TABLE);
    p->datas += c->datas + (tag == GUMBO_TAG_TABLE && data_table(ce, c));
}

/* The own part of element i's sizes: its blocks and its void elements. */
static void own_sizes(const attempt *at, size_t i, sizes *s)
{
    const sl_html_el *e = &at->pg->el[i];
    memset(s, 0, sizeof *s);
    s->imgs = e->imgs;
    s->inputs = e->inputs;
    s->embeds = e->embeds;
    for (uint32_t b = e->bfirst; b < e->bend; b++) {
        const sl_html_block *bl = &at->pg->bl[b];
        if (bl->owner != (int32_t)i)
            continue;
        s->chars += bl->chars;
        s->link10 += bl->link10;
        s->commas += bl->commas;
        s->textish += bl->span;
    }
}

/* ---- step 1: score ------------------------------------------------------- */

static void init_score(attempt *at, int32_t i)
{
    if (at->scored[i])
        return;
    const sl_html_el *e = &at->pg->el[i];
    float s = 0;
    switch (e->tag) {
    case GUMBO_TAG_DIV: s = 5; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
        s = -3;
        break;
    case GUMBO_TAG_TH: s = -5; break;
    default: s = is_heading(e->tag) ? -5 : 0;
    }
    if (at->flags & WEIGHT_CLASSES)
        s += e->weight;
    at->score[i] = s;
    at->scored[i] = true;
}

/* Gives a paragraph's points to element e and four levels above it. */
static void give(attempt *at, int32_t e, uint32_t chars, uint32_t commas)
{
    const sl_html_el *el = at->pg->el;
    uint32_t extra = chars / 100;
    float pts = 2.0f + (float)commas + (float)(extra < 3 ? extra : 3);
    for (int level = 0; level < 5 && e >= 0 && el[e].tag != GUMBO_TAG_HTML;
         level++, e = el[e].parent) {
        init_score(at, e);
        at->score[e] += pts / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
    }
}

/* The element that receives block b's points first, or -1 if the block is
 * not a paragraph of its own. */
static int32_t first_scored(const attempt *at, const sl_html_block *b)
{
    const sl_html_page *pg = at->pg;
    const sl_html_el *o = &pg->el[b->owner];
    if (o->tag == GUMBO_TAG_DIV)
        return div_is_p(o) ? -1 : b->owner; /* loose text: a <p> of its own */
    if (o->tag != GUMBO_TAG_P && o->tag != GUMBO_TAG_PRE &&
        !(is_heading(o->tag) && o->tag != GUMBO_TAG_H1))
        return -1;
    int32_t up = o->parent;
    if (up >= 0 && wraps_one_p(pg, up))
        up = pg->el[up].parent;
    return up;
}

static void score_all(attempt *at)
{
    const sl_html_page *pg = at->pg;
    for (size_t i = 0; i < pg->nbl; i++) {
        const sl_html_block *b = &pg->bl[i];
        int32_t e = at->gone[b->owner] || b->chars < MIN_SCORED ? -1 : first_scored(at, b);
        if (e >= 0)
            give(at, e, b->chars, b->commas);
    }
    for (size_t i = 0; i < pg->nel; i++) {
        const sl_html_el *e = &pg->el[i];
        bool whole = e->tag == GUMBO_TAG_SECTION || e->tag == GUMBO_TAG_TD || div_is_p(e);
        if (whole && !at->gone[i] && at->sz[i].chars >= MIN_SCORED && e->parent >= 0)
            give(at, e->parent, at->sz[i].chars, at->sz[i].commas);
    }
    for (size_t i = 0; i < pg->nel; i++)
        if (at->scored[i])
            at->score[i] *= 1.0f - link_density(&at->sz[i]);
}

/* ---- step 2: choose ------------------------------------------------------ */

static bool inside(const sl_html_page *pg, int32_t x, int32_t y)
{
    return y < x && x < pg->el[y].end;
}

/* The five best candidates, best first; returns how many. */
static int best_five(const attempt *at, int32_t top[5])
{
    int n = 0;
    for (size_t i = 0; i < at->pg->nel; i++) {
        if (!at->scored[i] || at->gone[i])
            continue;
        int k = n < 5 ? n++ : 5;
        while (k > 0 && at->score[top[k - 1]] < at->score[i]) {
            if (k < 5)
                top[k] = top[k - 1];
            k--;
        }
        if (k < 5)
            top[k] = (int32_t)i;
    }
    return n;
}

/* A parent shared by three strong runners-up wins over the best one. */
static int32_t shared_parent(const attempt *at, const int32_t *top, int n)
{
    const sl_html_page *pg = at->pg;
    int32_t t = top[0];
    int strong = 0;
    for (int i = 1; i < n; i++)
        strong += at->score[top[i]] >= 0.75f * at->score[t];
    if (strong < 3)
        return t;
    for (int32_t p = pg->el[t].parent; p >= 0 && p != at->body; p = pg->el[p].parent) {
        int shared = 0;
        for (int i = 1; i < n; i++)
            shared += at->score[top[i]] >= 0.75f * at->score[t] && inside(pg, top[i], p);
        if (shared >= 3)
            return p;
    }
    return t;
}

/* Readability's refinement of the best candidate. */
static int32_t refine(attempt *at, const int32_t *top, int n)
{
    const sl_html_page *pg = at->pg;
    int32_t t = shared_parent(at, top, n);
    init_score(at, t);
    float last = at->score[t], threshold = last / 3;
    for (int32_t p = pg->el[t].parent; p >= 0 && p != at->body; p = pg->el[p].parent) {
        if (!at->scored[p])
            continue;
        if (at->score[p] < threshold)
            break;
        if (at->score[p] > last) {
            t = p;
            break;
        }
        last = at->score[p];
    }
    for (int32_t p = pg->el[t].parent; p >= 0 && p != at->body && pg->el[p].elems == 1;
         p = pg->el[p].parent)
        t = p;
    init_score(at, t);
    return t;
}

/* ---- step 3: widen ------------------------------------------------------- */

static bool ends_sentence(const sl_html_page *pg, uint32_t from, uint32_t to)
{
    for (uint32_t b = from; b < to; b++) {
        const char *s = pg->text.s + pg->bl[b].off;
        size_t n = pg->bl[b].len;
        if (strstr(s, ". ") || (n && s[n - 1] == '.'))
            return true;
    }
    return false;
}

static bool paragraph_sibling(const attempt *at, const sizes *s, uint32_t from, uint32_t to)
{
    if (s->chars > 80)
        return link_density(s) < 0.25f;
    return s->chars > 0 && s->link10 == 0 && ends_sentence(at->pg, from, to);
}

static bool sibling_joins(const attempt *at, int32_t c, int32_t t)
{
    const sl_html_page *pg = at->pg;
    const char *cc = pg->el[c].cls, *tc = pg->el[t].cls;
    float bonus = cc && tc && tc[0] && !strcmp(cc, tc) ? at->score[t] * 0.2f : 0;
    float threshold = at->score[t] * 0.2f > 10 ? at->score[t] * 0.2f : 10;
    if (at->scored[c] && at->score[c] + bonus >= threshold)
        return true;
    return p_like(pg, c) &&
           paragraph_sibling(at, &at->sz[c], pg->el[c].bfirst, pg->el[c].bend);
}

/* Loose text of a <div> parent became <p>s: they join like <p>s. */
static void widen_loose(attempt *at, int32_t p)
{
    const sl_html_page *pg = at->pg;
    if (pg->el[p].tag != GUMBO_TAG_DIV || div_is_p(&pg->el[p]))
        return;
    for (uint32_t b = pg->el[p].bfirst; b < pg->el[p].bend; b++) {
        const sl_html_block *bl = &pg->bl[b];
        if (bl->owner != p)
            continue;
        sizes s = {.chars = bl->chars, .link10 = bl->link10};
        at->kept_bl[b] = paragraph_sibling(at, &s, b, b + 1);
    }
}

static void widen(attempt *at, int32_t t)
{
    const sl_html_page *pg = at->pg;
    int32_t p = pg->el[t].parent;
    if (t == at->body || p < 0) {
        at->kept[t] = true;
        return;
    }
    for (int32_t c = p + 1; c < pg->el[p].end; c = pg->el[c].end)
        if (!at->gone[c] && (c == t || sibling_joins(at, c, t)))
            at->kept[c] = true;
    widen_loose(at, p);
}

/* ---- step 4: clean --------------------------------------------------------- */

static bool cleanable(const attempt *at, int32_t i)
{
    const sl_html_el *e = &at->pg->el[i];
    switch (e->tag) {
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        return true;
    case GUMBO_TAG_TABLE:
        return !data_table(e, &at->sz[i]);
    case GUMBO_TAG_DIV:
        return !div_is_p(e) && !wraps_one_p(at->pg, i);
    default:
        return false;
    }
}

/* A list of links and little else: related stories, a table of contents,
 * tags.  Readability keeps these inside an article; a news text does not. */
static bool link_list(const sl_html_el *e, const sizes *s)
{
    bool list = e->tag == GUMBO_TAG_UL || e->tag == GUMBO_TAG_OL;
    return list && s->lis >= 2 && link_density(s) > 0.8f;
}

/* Readability's "clean conditionally" verdict on element i, given the
 * sizes of what is still inside it (ordered lists and link lists added). */
static bool furniture(const attempt *at, int32_t i, const sizes *s)
{
    const sl_html_el *e = &at->pg->el[i];
    int weight = (at->flags & WEIGHT_CLASSES) ? e->weight : 0;
    if (s->datas)
        return false;
    if (link_list(e, s))
        return true;
    if (e->tag == GUMBO_TAG_OL)
        return false;
    if (weight < 0)
        return true;
    if (s->commas >= 10)
        return false;
    bool list = e->tag == GUMBO_TAG_UL || e->tag == GUMBO_TAG_OL ||
                (s->chars && s->list_chars * 10 > s->chars * 9);
    float ld = link_density(s);
    float heads = s->chars ? (float)s->head_chars / (float)s->chars : 0;
    return (s->imgs > 1 && (float)s->ps / (float)s->imgs < 0.5f) ||
           (!list && (int64_t)s->lis - 100 > (int64_t)s->ps) || s->inputs > s->ps / 3 ||
           (!list && heads < 0.9f && s->chars < 25 && (s->imgs == 0 || s->imgs > 2) &&
            ld > 0) ||
           (!list && weight < 25 && ld > 0.2f) || (weight >= 25 && ld > 0.5f) ||
           (s->embeds == 1 && s->chars < 75) || s->embeds > 1 ||
           (s->imgs == 0 && s->textish == 0);
}

/* Sums sizes bottom-up; when 'clean', removes furniture on the way, so an
 * element is judged by what is left inside it. */
static void sum_sizes(attempt *at, sizes *sz, bool clean)
{
    const sl_html_page *pg = at->pg;
    for (size_t i = 0; i < pg->nel; i++)
        own_sizes(at, i, &sz[i]);
    for (size_t k = pg->nel; k-- > 0;) {
        int32_t i = (int32_t)k;
        if (at->gone[i] || (clean && at->dropped[i]))
            continue;
        if (clean && at->kept[i] && !at->protect[i] && cleanable(at, i) &&
            furniture(at, i, &sz[i])) {
            at->dropped[i] = true;
            continue;
        }
        if (pg->el[i].parent >= 0)
            add_up(&sz[pg->el[i].parent], &sz[i], &pg->el[i]);
    }
}

/* Passes 'kept' and 'dropped' down to everything inside. */
static void pass_down(attempt *at)
{
    const sl_html_el *el = at->pg->el;
    for (size_t i = 0; i < at->pg->nel; i++) {
        int32_t p = el[i].parent;
        if (p < 0)
            continue;
        at->kept[i] |= at->kept[p];
        at->dropped[i] |= at->dropped[p] || at->gone[p];
    }
}

/* Inside a data table or <pre> nothing is cleaned. */
static void protect_tables(attempt *at)
{
    const sl_html_el *el = at->pg->el;
    for (size_t i = 0; i < at->pg->nel; i++) {
        int32_t p = el[i].parent;
        at->protect[i] = (el[i].hint & SL_HINT_IN_CODE) ||
                         (p >= 0 && (at->protect[p] || (el[p].tag == GUMBO_TAG_TABLE &&
                                                        data_table(&el[p], &at->sz[p]))));
    }
}

/* ---- titles ----------------------------------------------------------------- */

static bool heading_repeats_title(const sl_html_page *pg, const sl_html_block *bl,
                                  const char *title)
{
    uint16_t t = pg->el[bl->owner].tag;
    return (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2) &&
           title && sl_html_cover(title, pg->text.s + bl->off, bl->len) > 0.75;
}

/* The first h1 or h2 repeating the title goes before scoring, as in
 * Readability. */
static void mark_title(sl_html_page *pg, const char *title)
{
    for (size_t b = 0; b < pg->nbl; b++) {
        if (heading_repeats_title(pg, &pg->bl[b], title)) {
            pg->el[pg->bl[b].owner].hint |= SL_HINT_TITLE;
            return;
        }
    }
}

/* ---- lone links ---------------------------------------------------------------- */

/* A short paragraph that is one link and nothing else: a related story or
 * a teaser, not a sentence of the article.  Left out only when the rest is
 * long enough to be an article: a page of links keeps them. */
static bool lone_link(const sl_html_block *b)
{
    return b->chars < 120 && b->link10 >= b->chars * 10;
}

/* ---- the attempts ----------------------------------------------------------- */

static bool block_out(const attempt *at, size_t b, const char *title)
{
    const sl_html_page *pg = at->pg;
    const sl_html_block *bl = &pg->bl[b];
    const sl_html_el *o = &pg->el[bl->owner];
    if (!(at->kept[bl->owner] || at->kept_bl[b]) || at->dropped[bl->owner] ||
        at->gone[bl->owner])
        return false;
    if ((bl->flags & SL_BLOCK_DATE) && bl->chars < 80)
        return false;
    if ((bl->flags & SL_BLOCK_CUT) && bl->chars < 12)
        return false;
    if (sl_html_byline(pg->text.s + bl->off, bl->len, bl->chars) ||
        sl_html_placeholder(pg->text.s + bl->off, bl->len) || (at->rich && lone_link(bl)))
        return false;
    if ((o->tag == GUMBO_TAG_H1 || o->tag == GUMBO_TAG_H2) &&
        ((at->flags & WEIGHT_CLASSES) && o->weight < 0))
        return false;
    return !heading_repeats_title(pg, bl, title);
}

/* What only scoring needs goes once an attempt is done: emitting its text
 * needs the flags alone, and a page of a million elements keeps two
 * attempts alive. */
static void release_scores(attempt *at)
{
    free(at->scored);
    free(at->protect);
    free(at->score);
    free(at->sz);
    at->scored = at->protect = NULL;
    at->score = NULL;
    at->sz = NULL;
}

static void run(attempt *at, const char *title)
{
    const sl_html_page *pg = at->pg;
    size_t n = pg->nel;
    strip_unlikely(at);
    sum_sizes(at, at->sz, false);
    protect_tables(at);
    score_all(at);
    int32_t top[5];
    int nt = best_five(at, top);
    int32_t t = nt && top[0] != at->body ? refine(at, top, nt) : at->body;
    widen(at, t);
    for (size_t i = 0; i < n; i++)
        at->kept[i] = at->kept[i] && !at->gone[i];
    pass_down(at);
    if (at->flags & CLEAN) {
        sizes *sz = sl_xmalloc(n * sizeof *sz);
        sum_sizes(at, sz, true);
        free(sz);
        pass_down(at);
    }
    size_t links = 0;
    at->chars = 0;
    at->rich = false;
    for (size_t b = 0; b < pg->nbl; b++) {
        if (!block_out(at, b, title))
            continue;
        at->chars += pg->bl[b].chars;
        links += lone_link(&pg->bl[b]) ? pg->bl[b].chars : 0;
    }
    at->rich = at->chars - links >= ENOUGH_TEXT;
    at->chars -= at->rich ? links : 0;
    release_scores(at);
}

static bool is_cell(const sl_html_el *e)
{
    return e->tag == GUMBO_TAG_TD || e->tag == GUMBO_TAG_TH;
}

/* The kept blocks as paragraphs; the cells of one table row make one
 * paragraph, "North | closed". */
static void emit(const attempt *at, const char *title, sl_article *a)
{
    const sl_html_page *pg = at->pg;
    sl_buf row = {0};
    int32_t row_of = -1, cell = -1;
    for (size_t b = 0; b < pg->nbl; b++) {
        if (!block_out(at, b, title))
            continue;
        const sl_html_block *bl = &pg->bl[b];
        const sl_html_el *o = &pg->el[bl->owner];
        bool in_row = is_cell(o) && o->parent >= 0 && pg->el[o->parent].tag == GUMBO_TAG_TR;
        if (row.len && (!in_row || o->parent != row_of || bl->owner == cell)) {
            sl_article_add_para(a, row.s, row.len);
            sl_buf_clear(&row);
        }
        if (!in_row) {
            sl_article_add_para(a, pg->text.s + bl->off, bl->len);
            continue;
        }
        if (row.len)
            sl_buf_puts(&row, " | ");
        sl_buf_put(&row, pg->text.s + bl->off, bl->len);
        row_of = o->parent;
        cell = bl->owner;
    }
    if (row.len)
        sl_article_add_para(a, row.s, row.len);
    sl_buf_free(&row);
}

static int32_t find_body(const sl_html_page *pg)
{
    for (size_t i = 0; i < pg->nel; i++)
        if (pg->el[i].tag == GUMBO_TAG_BODY)
            return (int32_t)i;
    return 0;
}

static void attempt_init(attempt *at, const sl_html_page *pg, int flags)
{
    size_t n = pg->nel ? pg->nel : 1;
    at->pg = pg;
    at->flags = flags;
    at->body = find_body(pg);
    at->gone = sl_xcalloc(n, 1);
    at->dropped = sl_xcalloc(n, 1);
    at->kept = sl_xcalloc(n, 1);
    at->scored = sl_xcalloc(n, 1);
    at->kept_bl = sl_xcalloc(pg->nbl ? pg->nbl : 1, 1);
    at->protect = sl_xcalloc(n, 1);
    at->score = sl_xcalloc(n, sizeof *at->score);
    at->sz = sl_xcalloc(n, sizeof *at->sz);
}

static void attempt_free(attempt *at)
{
    free(at->gone);
    free(at->dropped);
    free(at->kept);
    free(at->kept_bl);
    release_scores(at);
}

void sl_html_text(const GumboNode *root, const char *title, sl_article *a)
{
    sl_html_page pg = {0};
    sl_html_page_build(root, &pg);
    if (pg.nbl == 0) {
        sl_html_page_free(&pg);
        return;
    }
    mark_title(&pg, title);
    static const int tries[] = {STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN,
                                WEIGHT_CLASSES | CLEAN, CLEAN, 0};
    attempt best = {0}, cur;
    for (size_t k = 0; k < sizeof tries / sizeof *tries; k++) {
        attempt_init(&cur, &pg, tries[k]);
        run(&cur, title);
        if (!best.pg || cur.chars * 2 > best.chars * 3) {
            if (best.pg)
                attempt_free(&best);
            best = cur;
        } else {
            attempt_free(&cur);
        }
        if (best.chars >= ENOUGH_TEXT)
            break;
    }
    emit(&best, title, a);
    attempt_free(&best);
    sl_html_page_free(&pg);
}
