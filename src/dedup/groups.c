/*
 * groups.c -- copy groups: closures of copy pairs, guarded against chains.
 *
 * Copy pairs are not transitive.  A short lead A and the last paragraphs C
 * of a wire story are both contained in the full story B, and that is one
 * group; but a live blog whose updates each share half of the one before
 * links A to B to C to D, and A shares nothing with D.  The closures that
 * index.c keeps (union-find) would make all of them one group, so each
 * closure is cut into stars:
 *
 *   order the closure's articles by fullness -- most shingles first, then
 *   by exact hash, language and id, so the order never depends on arrival;
 *   each article, in that order, joins the first centre before it that it
 *   is linked to (shares a band key with, and copies); if there is none,
 *   it becomes a centre itself.  A star of one article is no group.
 *
 * So every member of a group copies its centre -- the fullest version of
 * the text that it copies -- and no chain is longer than two steps through
 * that centre.  The stars depend only on the closure's articles, so the
 * groups, like the closures, do not depend on the order of arrival (only a
 * group's id does: its earliest article).
 *
 * Streaming.  A new article X usually just joins the first centre it is
 * linked to, or becomes a centre: linked articles share a band key, so all
 * of them are among X's LSH candidates, and two closures have no linked
 * pair across them (it would have joined them), so nothing else moves.
 * When X becomes a centre, the linked articles behind it whose centre is
 * behind it too move to X -- exactly what a recomputation would do for
 * them; if one of them was a centre, its other members must find new
 * centres, so the closure is marked dirty and recomputed before its stars
 * are next read.  An article out of the chains (an exact copy, or one its
 * copies represent: index.c) stays out of the stars: it goes wherever the
 * article of the chains it was given goes -- its twin, or the first centre
 * it copies.  Each centre keeps its star's earliest article (the group's
 * id), which a recomputation or a move updates; a move that takes it away
 * marks the closure dirty.
 *
 * Costs: placing an article costs its candidates, and nothing that grows
 * with its closure (a walk of the closure only when a centre is asked for
 * or its closure is recomputed); a recomputation walks the closure and
 * costs m log m plus, for each of the m articles in the chains, a band-key
 * check against each centre before it (m^2 / 2 in a closure that is one
 * long chain).  The listing is cached until the index changes.
 *
 * Tests: tests/dedup/test_dedup.c (chain_* and order_* cases).
 */
#include "dedup_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- order and links ------------------------------------------------------ */

typedef struct {
    const char *id;
    uint64_t exact;
    uint32_t i;
    uint16_t nsh;
    uint8_t lang;
} order_key;

/* Fullest first: most shingles, then by exact hash, language and id (a
 * total order that never depends on arrival). */
static int cmp_fuller(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
    if (a->nsh != b->nsh)
        return a->nsh > b->nsh ? -1 : 1;
    if (a->exact != b->exact)
        return a->exact < b->exact ? -1 : 1;
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    return strcmp(a->id, b->id);
}

static order_key key_of(const sl_dedup *d, uint32_t i)
{
    const sl_dedup_rec *r = &d->rec[i];
    return (order_key){sl_dedup_id_at(d, i), r->exact, i, r->nsh, r->lang};
}

/* < 0 if article a is fuller than b (comes first). */
static int fuller(const sl_dedup *d, uint32_t a, uint32_t b)
{
    order_key x = key_of(d, a), y = key_of(d, b);
    return cmp_fuller(&x, &y);
}

bool sl_dedup_linked(const sl_dedup *d, uint32_t a, uint32_t b)
{
    bool key = false;
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        key |= d->sig[a].band[i] == d->sig[b].band[i];
    if (!key)
        return false;
    sl_copy_side x = sl_dedup_side(d, a), y = sl_dedup_side(d, b);
    return sl_copy_judge(&x, &y, NULL, NULL) != SL_COPY_NONE;
}

/* The centre of i's star. */
static uint32_t star_of(const sl_dedup *d, uint32_t i)
{
    if (d->rec[i].flags & REC_OUT)
        i = d->rec[i].centre; /* the article of the chains it goes with */
    return d->rec[i].centre;
}

/* ---- recomputing a closure's stars ------------------------------------------- */

/* The articles of root r's closure that are in the chains, in d->work,
 * fullest first.  Returns their number. */
static size_t gather(sl_dedup *d, uint32_t r)
{
    size_t m = 0, cap = 0;
    order_key *key = NULL;
    uint32_t i = r;
    do {
        const sl_dedup_rec *x = &d->rec[i];
        if (!(x->flags & (REC_OUT | REC_GONE))) {
            sl_grow((void **)&key, &cap, m + 1, sizeof *key);
            key[m++] = key_of(d, i);
        }
        i = x->ring;
    } while (i != r);
    qsort(key, m, sizeof *key, cmp_fuller);
    sl_grow((void **)&d->work, &d->cwork, m, sizeof *d->work);
    for (size_t k = 0; k < m; k++)
        d->work[k] = key[k].i;
    free(key);
    return m;
}

static void restar(sl_dedup *d, uint32_t r)
{
    size_t m = gather(d, r), nc = 0;
    for (size_t k = 0; k < m; k++) {
        uint32_t b = d->work[k], c = b;
        for (size_t j = 0; j < nc && c == b; j++)
            if (sl_dedup_linked(d, b, d->work2[j]))
                c = d->work2[j];
        d->rec[b].centre = c;
        if (c == b) {
            sl_grow((void **)&d->work2, &d->cwork2, nc + 1, sizeof *d->work2);
            d->work2[nc++] = b;
            d->rec[b].first = b;
        } else if (b < d->rec[c].first) {
            d->rec[c].first = b;
        }
    }
    d->rec[r].flags &= (uint8_t)~REC_DIRTY;
}

static void clean(sl_dedup *d, uint32_t r)
{
    if (d->rec[r].flags & REC_DIRTY)
        restar(d, r);
}

void sl_dedup_restar(sl_dedup *d)
{
    for (uint32_t r = 0; r < d->n; r++)
        if (d->rec[r].parent == r && d->rec[r].ring != r)
            restar(d, r);
}

/* ---- a removed article ---------------------------------------------------------- */

void sl_dedup_unstar(sl_dedup *d, uint32_t i)
{
    uint32_t r = sl_dedup_root(d, i), k = r, twin = SL_DEDUP_NONE;
    do { /* the earliest exact copy that went with i stands for the others */
        const sl_dedup_rec *x = &d->rec[k];
        if ((x->flags & REC_DUP) && !(x->flags & REC_GONE) && x->centre == i && k < twin)
            twin = k;
        k = x->ring;
    } while (k != r);
    if (twin != SL_DEDUP_NONE) {
        d->rec[twin].flags &= (uint8_t)~REC_DUP;
        sl_dedup_chain(d, twin);
    }
    do {
        sl_dedup_rec *x = &d->rec[k];
        if ((x->flags & REC_OUT) && !(x->flags & REC_GONE) && x->centre == i) {
            if (x->flags & REC_DUP) {
                x->centre = twin;
            } else { /* represented by i, among others: now in the chains itself */
                x->flags &= (uint8_t)~REC_REP;
                sl_dedup_chain(d, k);
            }
        }
        k = x->ring;
    } while (k != r);
    d->rec[r].flags |= REC_DIRTY;
}

/* ---- one article ------------------------------------------------------------- */

/* Another article of i's star than i, or NONE: its centre, unless i is
 * the centre; then its earliest, unless that is i too; then a walk of the
 * closure finds one. */
static uint32_t other_of(sl_dedup *d, uint32_t i)
{
    uint32_t c = star_of(d, i), r = sl_dedup_root(d, i), k = r;
    if (c != i)
        return c;
    if (d->rec[c].first != c)
        return d->rec[c].first;
    do {
        if (k != i && !(d->rec[k].flags & REC_GONE) && star_of(d, k) == c)
            return k;
        k = d->rec[k].ring;
    } while (k != r);
    return SL_DEDUP_NONE;
}

/* Fills *p for article i from the stars as they are (clean: i's own star
 * and its centre's 'first' right).  'other' is another article of i's
 * star, NONE if it is alone; 'hint' a linked article to prefer as the
 * match, or NONE. */
static void describe(sl_dedup *d, uint32_t i, uint32_t hint, uint32_t other,
                     sl_dedup_place *p)
{
    uint32_t c = star_of(d, i);
    *p = (sl_dedup_place){d->rec[c].first, SL_DEDUP_NONE, SL_COPY_NONE, 0, 0};
    if (other == SL_DEDUP_NONE)
        return; /* alone */
    if (hint != SL_DEDUP_NONE && hint != i && star_of(d, hint) == c)
        p->match = hint;
    else
        p->match = i != c ? c : other;
    sl_copy_side x = sl_dedup_side(d, i), y = sl_dedup_side(d, p->match);
    p->kind = sl_copy_judge(&x, &y, &p->jaccard, &p->containment);
}

void sl_dedup_locate(sl_dedup *d, uint32_t i, uint32_t hint, sl_dedup_place *p)
{
    clean(d, sl_dedup_root(d, i));
    describe(d, i, hint, other_of(d, i), p);
}

/* The fullest centre among 'linked' that comes before i, or NONE. */
static uint32_t first_centre(const sl_dedup *d, uint32_t i, const uint32_t *linked,
                             size_t n)
{
    uint32_t best = SL_DEDUP_NONE;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = linked[k];
        if (d->rec[c].centre == c && fuller(d, c, i) < 0 &&
            (best == SL_DEDUP_NONE || fuller(d, c, best) < 0))
            best = c;
    }
    return best;
}

/* The linked article that i copies best (exact first), or NONE, from what
 * the copy rule said of each (judged[k] for linked[k]). */
static uint32_t best_match(const uint32_t *linked, const sl_dedup_place *judged, size_t n)
{
    sl_dedup_place best = {0, SL_DEDUP_NONE, SL_COPY_NONE, 0, 0};
    for (size_t k = 0; k < n; k++) {
        const sl_dedup_place *q = &judged[k];
        if (sl_dedup_better(q->kind, q->jaccard, q->containment, &best))
            best = (sl_dedup_place){0, linked[k], q->kind, q->jaccard, q->containment};
    }
    return best.match;
}

/* Makes new article i a centre: the linked articles behind it whose
 * centre is behind it too move to it, as a recomputation would move them.
 * If one of them was a centre, or its old star's earliest article, the
 * closure is marked dirty.  Returns one that moved, or NONE. */
static uint32_t new_centre(sl_dedup *d, uint32_t i, const uint32_t *linked, size_t n)
{
    uint32_t r = sl_dedup_root(d, i), moved = SL_DEDUP_NONE;
    d->rec[i].centre = d->rec[i].first = i;
    for (size_t k = 0; k < n; k++) {
        uint32_t b = linked[k], s = d->rec[b].centre;
        if (fuller(d, i, b) < 0 && fuller(d, i, s) < 0) {
            if (s == b || d->rec[s].first == b)
                d->rec[r].flags |= REC_DIRTY; /* s's star must be redone */
            d->rec[b].centre = i;
            d->rec[i].first = b < d->rec[i].first ? b : d->rec[i].first;
            moved = b;
        }
    }
    return moved;
}

void sl_dedup_place_new(sl_dedup *d, uint32_t i, const uint32_t *linked,
                        const sl_dedup_place *judged, size_t n, sl_dedup_place *p)
{
    uint32_t r = sl_dedup_root(d, i), match = best_match(linked, judged, n), other;
    bool dirty = d->rec[r].flags & REC_DIRTY;
    if (dirty)
        restar(d, r); /* places i too, unless it is represented */
    if (d->rec[i].flags & REC_REP) {
        uint32_t c = first_centre(d, i, linked, n);
        other = d->rec[i].centre = c != SL_DEDUP_NONE ? c : match;
    } else if (dirty) {
        other = other_of(d, i);
    } else if ((other = first_centre(d, i, linked, n)) != SL_DEDUP_NONE) {
        d->rec[i].centre = other;
    } else {
        other = new_centre(d, i, linked, n);
    }
    describe(d, i, match, other, p);
}

/* ---- the listing ----------------------------------------------------------------- */

void sl_dedup_unlist(sl_dedup *d) { d->listed = false; }

void sl_dedup_groups_free(sl_dedup *d)
{
    free(d->work);
    free(d->work2);
    free(d->gmem);
    free(d->gids);
    free(d->goff);
    free(d->gkind);
}

typedef struct {
    uint32_t star, i;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->star != y->star)
        return x->star < y->star ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

typedef struct {
    uint32_t first;
    size_t start, len;
    sl_copy_kind kind;
} group_ref;

static int cmp_first(const void *a, const void *b)
{
    uint32_t x = ((const group_ref *)a)->first, y = ((const group_ref *)b)->first;
    return x < y ? -1 : x > y;
}

/* A group's kind so far, 'acc' (start with EXACT), with one more member's
 * relation to the centre: exact if all its members are exact copies of the
 * centre, contains if one is a contains copy, else near. */
static sl_copy_kind fold_kind(sl_copy_kind acc, sl_copy_kind r)
{
    if (acc == SL_COPY_CONTAINS || r == SL_COPY_CONTAINS)
        return SL_COPY_CONTAINS;
    return acc == SL_COPY_EXACT && r == SL_COPY_EXACT ? SL_COPY_EXACT : SL_COPY_NEAR;
}

static sl_copy_kind relation(const sl_dedup *d, uint32_t i, uint32_t c)
{
    sl_copy_side x = sl_dedup_side(d, i), y = sl_dedup_side(d, c);
    return sl_copy_judge(&x, &y, NULL, NULL);
}

/* The kind of the group e[0..n) of centre c. */
static sl_copy_kind group_kind(const sl_dedup *d, const entry *e, size_t n, uint32_t c)
{
    sl_copy_kind k = SL_COPY_EXACT;
    for (size_t m = 0; m < n; m++)
        if (e[m].i != c)
            k = fold_kind(k, relation(d, e[m].i, c));
    return k;
}

/* The kind of i's group (NONE if alone), from a walk of its closure. */
static sl_copy_kind kind_of(sl_dedup *d, uint32_t i)
{
    uint32_t c = star_of(d, i), r = sl_dedup_root(d, i), k = r;
    sl_copy_kind kind = SL_COPY_EXACT;
    size_t size = 0;
    do {
        if (!(d->rec[k].flags & REC_GONE) && star_of(d, k) == c && ++size && k != c)
            kind = fold_kind(kind, relation(d, k, c));
        k = d->rec[k].ring;
    } while (k != r);
    return size > 1 ? kind : SL_COPY_NONE;
}

/* Every article of a closure of two or more, with its star, sorted by
 * star then index.  Caller frees *out with free(). */
static size_t entries(sl_dedup *d, entry **out)
{
    size_t n = 0;
    *out = sl_xmalloc((d->n ? d->n : 1) * sizeof **out);
    for (uint32_t i = 0; i < d->n; i++) {
        if (d->rec[i].flags & REC_GONE)
            continue;
        uint32_t r = sl_dedup_root(d, i);
        clean(d, r);
        if (d->rec[r].ring != r)
            (*out)[n++] = (entry){star_of(d, i), i};
    }
    qsort(*out, n, sizeof **out, cmp_entry);
    return n;
}

static void store(sl_dedup *d, const entry *e, group_ref *g, size_t ng)
{
    size_t total = 0;
    for (size_t k = 0; k < ng; k++)
        total += g[k].len;
    d->gmem = sl_xrealloc(d->gmem, (total ? total : 1) * sizeof *d->gmem);
    d->gids = sl_xrealloc(d->gids, (total ? total : 1) * sizeof *d->gids);
    d->goff = sl_xrealloc(d->goff, (ng + 1) * sizeof *d->goff);
    d->gkind = sl_xrealloc(d->gkind, (ng ? ng : 1) * sizeof *d->gkind);
    size_t o = 0;
    for (size_t k = 0; k < ng; k++) {
        d->goff[k] = o;
        d->gkind[k] = g[k].kind;
        for (size_t m = 0; m < g[k].len; m++, o++) {
            d->gmem[o] = e[g[k].start + m].i;
            d->gids[o] = sl_dedup_id_at(d, d->gmem[o]);
        }
    }
    d->goff[ng] = o;
    d->ngroups = ng;
}

/* Builds the listing if the index changed since the last one. */
static void list(sl_dedup *d)
{
    if (d->listed)
        return;
    entry *e;
    size_t n = entries(d, &e), ng = 0;
    group_ref *g = sl_xmalloc((n / 2 + 1) * sizeof *g);
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && e[b].star == e[a].star; b++)
            ;
        if (b - a >= 2)
            g[ng++] = (group_ref){e[a].i, a, b - a,
                                  group_kind(d, e + a, b - a, e[a].star)};
    }
    qsort(g, ng, sizeof *g, cmp_first);
    store(d, e, g, ng);
    free(e);
    free(g);
    d->listed = true;
}

/* ---- the public face ---------------------------------------------------------------- */

size_t sl_dedup_group_count(sl_dedup *d)
{
    list(d);
    return d->ngroups;
}

sl_copy_kind sl_dedup_group(sl_dedup *d, size_t g, const char *const **ids,
                            size_t *n)
{
    list(d);
    if (g >= d->ngroups) {
        *ids = NULL;
        *n = 0;
        return SL_COPY_NONE;
    }
    *ids = d->gids + d->goff[g];
    *n = d->goff[g + 1] - d->goff[g];
    return d->gkind[g];
}

const char *sl_dedup_group_of(sl_dedup *d, const char *id, sl_copy_kind *kind)
{
    uint32_t i = sl_dedup_lookup(d, id);
    if (i == SL_DEDUP_NONE)
        return NULL;
    clean(d, sl_dedup_root(d, i));
    if (kind)
        *kind = kind_of(d, i);
    return sl_dedup_id_at(d, d->rec[star_of(d, i)].first);
}

char *sl_dedup_json(sl_dedup *d)
{
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"groups\":[");
    for (size_t g = 0; g < sl_dedup_group_count(d); g++) {
        const char *const *ids;
        size_t n;
        sl_copy_kind k = sl_dedup_group(d, g, &ids, &n);
        sl_buf_printf(&b, "%s{\"kind\":\"%s\",\"articles\":[", g ? "," : "",
                      sl_copy_kind_name(k));
        for (size_t i = 0; i < n; i++) {
            if (i)
                sl_buf_putc(&b, ',');
            sl_buf_json_str(&b, ids[i]);
        }
        sl_buf_puts(&b, "]}");
    }
    sl_buf_puts(&b, "]}");
    return sl_buf_take(&b);
}

char *sl_dedup_text(sl_dedup *d)
{
    sl_buf b = {0};
    size_t in_groups = 0, ng = sl_dedup_group_count(d);
    for (size_t g = 0; g < ng; g++) {
        const char *const *ids;
        size_t n;
        sl_copy_kind k = sl_dedup_group(d, g, &ids, &n);
        sl_buf_printf(&b, "%-9s", sl_copy_kind_name(k));
        for (size_t i = 0; i < n; i++)
            sl_buf_printf(&b, " %s", ids[i]);
        sl_buf_putc(&b, '\n');
        in_groups += n;
    }
    sl_buf_printf(&b, "%zu copy group%s (%zu articles) among %zu articles\n", ng,
                  ng == 1 ? "" : "s", in_groups, sl_dedup_count(d));
    return sl_buf_take(&b);
}
