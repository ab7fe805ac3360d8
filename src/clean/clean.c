/*
 * clean.c -- the clean stage's driver: one pass over an article's
 * paragraphs, in order, deciding for every line and every sentence whether
 * a reader should see it.
 *
 * For each paragraph (lines separated by '\n'):
 *   1. each line is judged alone (boilerplate.c): a prompt, a tweet, a
 *      credit ... is dropped whole; a credit line marks the line above it
 *      (or the previous paragraph's last line) as a caption;
 *   2. a line that stays may lose a credit at its end or start (credits.c),
 *      which makes it a caption too;
 *   3. what is left is cut into sentences and compared with what the
 *      article kept before (repeats.c): the title, earlier paragraphs and
 *      lines.  A repeated line, paragraph, or run of glued blocks is cut.
 * After a header such as "Related Stories" or "Read more" standing alone,
 * the headline-like lines that follow are its links and go with it.  At the
 * end, a last paragraph of a few words without a stop ("Route 6") is an
 * orphan: a tag or a link left over from the page.
 *
 * Invariant: kept text is the input's own bytes.  A paragraph nothing was
 * cut from is kept as the same string; otherwise its kept lines are joined
 * with '\n' and the kept pieces of a line with the space that stood before
 * the cut.  Every dropped piece is recorded, in text order, with one of the
 * reasons listed in clean.h.  The one exception to "a paragraph equal to
 * the title is dropped" is an article whose only paragraph it is (a
 * headline-only item keeps its text).
 *
 * The context keeps every buffer and table from article to article; after
 * the first few articles, cleaning allocates only the strings it hands to
 * the article.
 *
 * Tests: tests/clean/test_clean.c, tests/cli/test_clean.sh.
 */
#include "clean_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* Shortest matching form (bytes) of an earlier block for a glued repeat
 * inside a line, and for a repeated line or paragraph. */
enum { MIN_GLUED = 24, MIN_WHOLE = 12 };

/* One line of the current paragraph. */
typedef struct {
    uint32_t start, end;   /* trimmed bytes of the line */
    uint32_t kstart, kend; /* what credits left of it */
    uint32_t u0, u1;       /* its units in rep.unit */
    const char *drop;      /* the reason when the whole line goes */
    bool caption;
} line_t;

/* A piece to drop: bytes [start, end) of the paragraph. */
typedef struct {
    uint32_t start, end;
    const char *reason;
} piece_t;

struct sl_clean {
    sl_clean_bp bp;
    sl_clean_rep rep;
    line_t *line;
    size_t nline, cline;
    piece_t *piece;
    size_t npiece, cpiece;
    long *mark; /* per unit: the block it repeats, or -1 */
    size_t cmark;
    sl_buf out;
    const char *list;     /* inside a list of links headed by this reason */
    long last_block;      /* the last line registered, for a credit below it */
    bool title_ok;        /* may a paragraph be dropped as the title? */
};

sl_clean *sl_clean_new(void)
{
    sl_clean *c = sl_xcalloc(1, sizeof *c);
    sl_clean_bp_init(&c->bp);
    return c;
}

void sl_clean_free(sl_clean *c)
{
    if (!c)
        return;
    sl_clean_bp_free(&c->bp);
    sl_clean_rep_free(&c->rep);
    free(c->line);
    free(c->piece);
    free(c->mark);
    sl_buf_free(&c->out);
    free(c);
}

static void add_piece(sl_clean *c, size_t start, size_t end, const char *reason)
{
    if (start >= end)
        return;
    sl_grow((void **)&c->piece, &c->cpiece, c->npiece + 1, sizeof *c->piece);
    c->piece[c->npiece++] = (piece_t){(uint32_t)start, (uint32_t)end, reason};
}

/* ---- 1, 2: lines, boilerplate and credits ------------------------------ */

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Splits p[0..n) into trimmed, non-empty lines in c->line. */
static void split_lines(sl_clean *c, const char *p, size_t n)
{
    c->nline = 0;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - p) : n, a = i, b = e;
        while (a < b && is_blank(p[a]))
            a++;
        while (b > a && is_blank(p[b - 1]))
            b--;
        if (a < b) {
            sl_grow((void **)&c->line, &c->cline, c->nline + 1, sizeof *c->line);
            c->line[c->nline++] = (line_t){(uint32_t)a, (uint32_t)b, (uint32_t)a, (uint32_t)b,
                                           0, 0, NULL, false};
        }
        i = e + 1;
    }
}

/* Marks the kept line before line k as a caption (a credit stands under
 * it); without one in this paragraph, the previous paragraph's last line. */
static void mark_caption_above(sl_clean *c, size_t k)
{
    while (k--)
        if (!c->line[k].drop) {
            c->line[k].caption = true;
            return;
        }
    if (c->last_block >= 0)
        c->rep.block[c->last_block].flags |= SL_BLOCK_CAPTION;
}

/* Cuts a credit from the end or the start of a kept line. */
static void cut_credits(sl_clean *c, const char *p, line_t *l)
{
    size_t len = l->end - l->start;
    size_t t = sl_clean_credit_tail(&c->bp, p + l->start, len);
    if (t < len) {
        size_t from = l->start + t;
        while (from < l->end && p[from] == ' ')
            from++;
        add_piece(c, from, l->end, SL_CLEAN_CREDIT);
        l->kend = l->start + (uint32_t)t;
        l->caption = true;
    }
    size_t h = sl_clean_credit_head(&c->bp, p + l->start, l->kend - l->start);
    if (h) {
        size_t to = l->start + h;
        while (to > l->start && p[to - 1] == ' ')
            to--;
        add_piece(c, l->start, to, SL_CLEAN_CREDIT);
        l->kstart = l->start + (uint32_t)h;
        l->caption = true;
    }
}

/* Judges line k: boilerplate, a link of the list we are in, or text. */
static void judge_line(sl_clean *c, const char *p, size_t k)
{
    line_t *l = &c->line[k];
    const char *s = p + l->start;
    size_t n = l->end - l->start;
    sl_clean_verdict v = sl_clean_line_reason(&c->bp, s, n);
    if (!v.reason && c->list) {
        if (sl_clean_headline_like(s, n))
            v.reason = c->list;
        else
            c->list = NULL;
    }
    if (v.list)
        c->list = v.reason;
    if (!v.reason) {
        cut_credits(c, p, l);
        return;
    }
    l->drop = v.reason;
    add_piece(c, l->start, l->end, v.reason);
    if (v.reason == SL_CLEAN_CREDIT)
        mark_caption_above(c, k);
}

/* ---- 3: repeats -------------------------------------------------------- */

/* Units of every kept line; returns how many. */
static size_t unit_lines(sl_clean *c, const char *p)
{
    c->rep.nunit = 0;
    for (size_t k = 0; k < c->nline; k++) {
        line_t *l = &c->line[k];
        l->u0 = (uint32_t)c->rep.nunit;
        if (!l->drop) {
            size_t skip = sl_clean_photo_label(&c->bp, p + l->kstart, l->kend - l->kstart);
            sl_clean_units(&c->rep, p, l->kstart, l->kend, skip);
        }
        l->u1 = (uint32_t)c->rep.nunit;
    }
    return c->rep.nunit;
}

/* Marks units [i, j) as repeating the whole block b if it is long enough
 * (or is the title); returns whether it did. */
static bool mark_whole(sl_clean *c, size_t i, size_t j, long b)
{
    if (b < 0)
        return false;
    const sl_clean_block *blk = &c->rep.block[b];
    if (!(blk->flags & SL_BLOCK_TITLE) && blk->flen < MIN_WHOLE)
        return false;
    for (size_t k = i; k < j; k++)
        c->mark[k] = b;
    return true;
}

/* Registers the unmarked units of [i, j) when they are contiguous. */
static long register_kept(sl_clean *c, size_t i, size_t j, uint32_t flags)
{
    while (i < j && c->mark[i] >= 0)
        i++;
    size_t e = i;
    while (e < j && c->mark[e] < 0)
        e++;
    return e == j ? sl_clean_rep_add(&c->rep, i, j, flags) : -1;
}

static void find_repeats(sl_clean *c, size_t nunit)
{
    sl_grow((void **)&c->mark, &c->cmark, nunit + 1, sizeof *c->mark);
    for (size_t k = 0; k < nunit; k++)
        c->mark[k] = -1;
    if (mark_whole(c, 0, nunit, sl_clean_rep_whole(&c->rep, 0, nunit, c->title_ok)))
        return;
    size_t kept_lines = 0;
    for (size_t k = 0; k < c->nline; k++)
        kept_lines += c->line[k].u1 > c->line[k].u0;
    for (size_t k = 0; k < c->nline; k++) {
        line_t *l = &c->line[k];
        if (l->u0 == l->u1)
            continue;
        bool title = c->title_ok || kept_lines > 1; /* other lines stay */
        if (!mark_whole(c, l->u0, l->u1, sl_clean_rep_whole(&c->rep, l->u0, l->u1, title)))
            sl_clean_rep_scan(&c->rep, l->u0, l->u1, MIN_GLUED, c->mark + l->u0);
        long b = register_kept(c, l->u0, l->u1, l->caption ? SL_BLOCK_CAPTION : 0);
        if (b >= 0)
            c->last_block = b;
    }
    if (kept_lines > 1)
        register_kept(c, 0, nunit, 0);
}

/* The reason for cutting unit k: the title, a caption, or a paragraph. */
static const char *repeat_reason(const sl_clean *c, size_t k, const line_t *l)
{
    uint32_t f = c->rep.block[c->mark[k]].flags;
    if (f & SL_BLOCK_TITLE)
        return SL_CLEAN_REPEAT_TTL;
    return (f & SL_BLOCK_CAPTION) || l->caption ? SL_CLEAN_REPEAT_CAP : SL_CLEAN_REPEAT;
}

/* Records each run of marked units of a line as one piece. */
static void repeat_pieces(sl_clean *c, const line_t *l)
{
    const sl_clean_unit *u = c->rep.unit;
    size_t k = l->u0;
    while (k < l->u1) {
        if (c->mark[k] < 0) {
            k++;
            continue;
        }
        const char *why = repeat_reason(c, k, l);
        size_t e = k;
        while (e < l->u1 && c->mark[e] >= 0 && repeat_reason(c, e, l) == why)
            e++;
        if (k == l->u0 && e == l->u1)
            add_piece(c, l->kstart, l->kend, why); /* the whole line */
        else
            add_piece(c, u[k].start, u[e - 1].end, why);
        k = e;
    }
}

/* ---- output ------------------------------------------------------------ */

static int by_start(const void *x, const void *y)
{
    const piece_t *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static bool is_repeat(const char *reason)
{
    return reason == SL_CLEAN_REPEAT || reason == SL_CLEAN_REPEAT_CAP ||
           reason == SL_CLEAN_REPEAT_TTL;
}

/* Sorts the pieces, joins repeats of one reason separated only by white
 * space (the lines of a repeated block), records them. */
static void record_pieces(sl_clean *c, sl_article *a, const char *p)
{
    qsort(c->piece, c->npiece, sizeof *c->piece, by_start);
    for (size_t k = 0; k < c->npiece;) {
        piece_t cur = c->piece[k++];
        while (k < c->npiece && c->piece[k].reason == cur.reason && is_repeat(cur.reason)) {
            size_t g = cur.end;
            while (g < c->piece[k].start && (p[g] == ' ' || p[g] == '\n' || p[g] == '\t'))
                g++;
            if (g != c->piece[k].start)
                break;
            cur.end = c->piece[k++].end;
        }
        sl_article_add_dropped(a, p + cur.start, cur.end - cur.start, cur.reason);
    }
}

/* Appends the kept text of line l to c->out. */
static void put_line(sl_clean *c, const char *p, const line_t *l)
{
    const sl_clean_unit *u = c->rep.unit;
    bool marked = false;
    for (size_t k = l->u0; k < l->u1; k++)
        marked |= c->mark[k] >= 0;
    if (c->out.len)
        sl_buf_putc(&c->out, '\n');
    if (!marked) {
        sl_buf_put(&c->out, p + l->kstart, l->kend - l->kstart);
        return;
    }
    bool first = true;
    for (size_t k = l->u0; k < l->u1;) {
        if (c->mark[k] >= 0) {
            k++;
            continue;
        }
        size_t e = k;
        while (e < l->u1 && c->mark[e] < 0)
            e++;
        if (!first)
            sl_buf_putc(&c->out, ' ');
        sl_buf_put(&c->out, p + u[k].start, u[e - 1].end - u[k].start);
        first = false;
        k = e;
    }
}

/* Does line l keep any text?  A line without units (no letter) that no
 * test dropped stays as it is. */
static bool line_kept(const sl_clean *c, const line_t *l)
{
    if (l->drop)
        return false;
    if (l->u0 == l->u1)
        return l->kstart < l->kend;
    for (size_t k = l->u0; k < l->u1; k++)
        if (c->mark[k] < 0)
            return true;
    return false;
}

/* Cleans paragraph p; returns p itself, a new string (p is then freed by
 * the caller), or NULL when nothing is left. */
static char *clean_para(sl_clean *c, sl_article *a, char *p)
{
    size_t n = strlen(p);
    c->npiece = 0;
    split_lines(c, p, n);
    for (size_t k = 0; k < c->nline; k++)
        judge_line(c, p, k);
    find_repeats(c, unit_lines(c, p));
    for (size_t k = 0; k < c->nline; k++)
        repeat_pieces(c, &c->line[k]);
    if (!c->npiece)
        return p;
    record_pieces(c, a, p);
    sl_buf_clear(&c->out);
    for (size_t k = 0; k < c->nline; k++)
        if (line_kept(c, &c->line[k]))
            put_line(c, p, &c->line[k]);
    return c->out.len ? sl_xstrndup(c->out.s, c->out.len) : NULL;
}

/* ---- the article ------------------------------------------------------- */

/* Is every word of s[0..n) capitalised, a number, of a caseless script,
 * or a short particle ("of", "a")?  A sentence's fragment ("He had
 * rece", "Tatar şunları söyledi") is not. */
static bool title_case(const char *s, size_t n)
{
    size_t i = 0, caps = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i, k = i;
        while (j < n && s[j] != ' ')
            j++;
        int32_t c = 0;
        while (k < j && (c = sl_utf8_next(s, j, &k)) > 0 && !sl_clean_isalnum(c))
            ;
        if (c > 0 && u_islower(c) && (j - i > 3 || c >= 0x80))
            return false;
        caps += c > 0 && sl_clean_isalnum(c) && !u_islower(c);
        i = j;
    }
    return caps > 0;
}

/* A last paragraph of at most three words, capitalised, no stop, no year:
 * "Route 6", "Free Newsletter Signup". */
static bool is_orphan(const char *s)
{
    size_t n = strlen(s);
    return n <= 48 && !memchr(s, '\n', n) && sl_clean_has_alnum(s, n) &&
           !sl_clean_ends_sentence(s, n) && !sl_clean_has_year(s, n) &&
           sl_clean_words(s, n) <= 3 && title_case(s, n);
}

/* Where a site's name after the headline starts ("Strike ends - The
 * Courier": at " - "), or 0: a separator followed by at most five words,
 * with at least three before it. */
static size_t site_suffix(const char *t, size_t n)
{
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t i = n; i-- > 0;)
        for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
            size_t l = strlen(seps[k]);
            if (i + l <= n && !memcmp(t + i, seps[k], l))
                return sl_clean_words(t + i + l, n - i - l) <= 5 && sl_clean_words(t, i) >= 3
                           ? i
                           : 0;
        }
    return 0;
}

/* Registers the title, and the title without a site's name after it. */
static void add_title(sl_clean *c, const char *t)
{
    size_t n = strlen(t), cut = site_suffix(t, n);
    c->rep.nunit = 0;
    sl_clean_units(&c->rep, t, 0, n, 0);
    sl_clean_rep_add(&c->rep, 0, c->rep.nunit, SL_BLOCK_TITLE);
    if (!cut)
        return;
    c->rep.nunit = 0;
    sl_clean_units(&c->rep, t, 0, cut, 0);
    sl_clean_rep_add(&c->rep, 0, c->rep.nunit, SL_BLOCK_TITLE);
}

void sl_clean_article(sl_clean *c, sl_article *a)
{
    sl_clean_rep_reset(&c->rep);
    c->list = NULL;
    c->last_block = -1;
    c->title_ok = a->npara > 1;
    if (a->title)
        add_title(c, a->title);
    size_t kept = 0;
    for (size_t i = 0; i < a->npara; i++) {
        char *p = a->para[i], *q = clean_para(c, a, p);
        if (q != p)
            free(p);
        if (q)
            a->para[kept++] = q;
    }
    a->npara = kept;
    if (kept >= 2 && is_orphan(a->para[kept - 1])) {
        const char *s = a->para[kept - 1];
        sl_article_add_dropped(a, s, strlen(s), SL_CLEAN_ORPHAN);
        free(a->para[--kept]);
        a->npara = kept;
    }
}
