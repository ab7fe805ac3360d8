/*
 * index.c -- the streaming copy index: add an article, learn at once which
 * earlier article it copies.
 *
 * Finding candidates (LSH, Indyk and Motwani 1998).  Each of the first 16
 * MinHash values of a sketch is a band key: two articles whose sets have
 * Jaccard similarity J share a given key with chance J, so they share at
 * least one of the 16 with chance 1 - (1 - J)^16: 0.97 at J = 0.2, 0.99 at
 * J = 0.25, while unrelated articles (J near 0) seldom meet.  Band b keeps
 * a table of 2^bits chains (bucket = the key's top bits), one link per
 * article and band; a chain walk checks the full 16-bit key before taking
 * an article as a candidate.  The tables double as the index grows (about
 * 8 articles a chain, up to 2^16 buckets; beyond half a million articles
 * the chains grow longer instead).  Every candidate is then judged from
 * the two sketches (judge.c).  A search meets at most the 64 latest
 * articles of one key (SL_DEDUP_KEY_MEETS): a family of rewrites that are
 * not copies of one another, all sharing keys, would otherwise make each
 * add cost the whole family.
 *
 * Closures (union-find).  Each copy pair found joins two closures; a
 * closure's root is its earliest article, and its articles form a cycle
 * through 'ring' so groups.c can walk them.  Because candidates are
 * symmetric (a shared key is shared both ways) and the copy rule is too,
 * the pairs found -- and so the closures -- do not depend on the order of
 * arrival.  An exact copy of an article already in the chains (same form,
 * same language) stays out of them: it has the same sketch, so every later
 * article meets its twin instead; 10,000 identical articles cost one chain
 * entry, not 10,000.
 *
 * Represented articles.  The same holds, nearly, for an article that copies
 * 32 articles of the chains (SL_DEDUP_REPRESENTED): a later article that
 * copies it is very likely to copy one of those 32 too, so it stays out of
 * the chains (REC_REP) and goes in the star of one of them (groups.c).  A
 * wire story reposted with small edits 3,000 times keeps about 32 chain
 * entries, and each add meets about 32 candidates instead of every repost
 * before it.  Here, and only here, arrival order counts: which articles
 * are represented depends on what came before, and a pair both of whose
 * sides are represented is never compared.  Below 32 copies in the chains
 * nothing changes, so the order property holds for every closure smaller
 * than that.
 *
 * Removing (a deleted or replaced article).  The record stays, marked
 * REC_GONE: lookups, candidate searches and the stars pass over it, and
 * what went with it -- its exact copies, the articles it represented --
 * goes back in the chains (groups.c), so the groups are at once those of
 * an index that never had it.  Only its closure stays tied through it,
 * which costs a recomputation a little more and changes no group.  When
 * more than half the records are gone, the index renumbers the others
 * into fresh arrays (sl_dedup_compacted): memory follows what is kept,
 * and a service whose articles expire does not grow without end.
 *
 * Ids are interned in one arena with an open-addressing table; an id that
 * is already there is refused (SL_EINPUT), the index unchanged.  The memory
 * budget is in dedup_internal.h.
 *
 * Tests: tests/dedup/test_dedup.c; the order property: order_* cases.
 */
#include "dedup_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* ---- life cycle ---------------------------------------------------------- */

sl_dedup *sl_dedup_new(sl_engine *e)
{
    sl_dedup *d = sl_xcalloc(1, sizeof *d);
    d->e = e;
    d->nlang = 1; /* lang[0] = "" */
    d->bits = 4;
    d->head = sl_xmalloc(((size_t)SL_MINHASH_BANDS << d->bits) * sizeof *d->head);
    memset(d->head, 0xff, ((size_t)SL_MINHASH_BANDS << d->bits) * sizeof *d->head);
    return d;
}

void sl_dedup_free(sl_dedup *d)
{
    if (!d)
        return;
    free(d->rec);
    free(d->sig);
    free(d->next);
    free(d->head);
    free(d->ids);
    free(d->idmap);
    sl_dedup_form_free(&d->form);
    sl_shingles_free(&d->sh);
    sl_buf_free(&d->key);
    free(d->cand);
    free(d->judged);
    sl_dedup_groups_free(d);
    free(d);
}

size_t sl_dedup_count(const sl_dedup *d) { return d ? d->n - d->ngone : 0; }

size_t sl_dedup_bytes(const sl_dedup *d, size_t *id_bytes)
{
    if (id_bytes)
        *id_bytes = d->idcap + d->idmap_cap * sizeof *d->idmap;
    return d->cap * (sizeof *d->rec + sizeof *d->sig +
                     SL_MINHASH_BANDS * sizeof *d->next) +
           ((size_t)SL_MINHASH_BANDS << d->bits) * sizeof *d->head;
}

/* ---- ids ------------------------------------------------------------------ */

const char *sl_dedup_id_at(const sl_dedup *d, uint32_t i)
{
    return d->ids + d->rec[i].id;
}

static size_t id_slot(const sl_dedup *d, const char *id)
{
    return (size_t)XXH3_64bits(id, strlen(id)) & (d->idmap_cap - 1);
}

uint32_t sl_dedup_lookup(const sl_dedup *d, const char *id)
{
    if (!d->idmap_cap)
        return SL_DEDUP_NONE;
    for (size_t s = id_slot(d, id);; s = (s + 1) & (d->idmap_cap - 1)) {
        uint32_t v = d->idmap[s];
        if (!v)
            return SL_DEDUP_NONE;
        if (!(d->rec[v - 1].flags & REC_GONE) && !strcmp(sl_dedup_id_at(d, v - 1), id))
            return v - 1;
    }
}

static void idmap_put(sl_dedup *d, uint32_t i)
{
    size_t s = id_slot(d, sl_dedup_id_at(d, i));
    while (d->idmap[s])
        s = (s + 1) & (d->idmap_cap - 1);
    d->idmap[s] = i + 1;
}

/* Keeps the id table at most half full. */
static void idmap_grow(sl_dedup *d)
{
    if (2 * (d->n + 1) <= d->idmap_cap)
        return;
    free(d->idmap);
    d->idmap_cap = d->idmap_cap ? 2 * d->idmap_cap : 64;
    d->idmap = sl_xcalloc(d->idmap_cap, sizeof *d->idmap);
    for (uint32_t i = 0; i < d->n; i++)
        if (!(d->rec[i].flags & REC_GONE))
            idmap_put(d, i);
}

static uint32_t intern_id(sl_dedup *d, const char *id)
{
    size_t len = strlen(id) + 1;
    if (d->idlen + len > UINT32_MAX) {
        fputs("storyline: copy index: ids over 4 GB\n", stderr);
        abort();
    }
    sl_grow((void **)&d->ids, &d->idcap, d->idlen + len, 1);
    memcpy(d->ids + d->idlen, id, len);
    d->idlen += len;
    return (uint32_t)(d->idlen - len);
}

uint8_t sl_dedup_lang(sl_dedup *d, const char *code)
{
    if (!code || !*code || !strcmp(code, "und"))
        return 0;
    for (unsigned i = 1; i < d->nlang; i++)
        if (!strncmp(d->lang[i], code, sizeof d->lang[i] - 1))
            return (uint8_t)i;
    if (d->nlang == SL_DEDUP_MAX_LANGS)
        return 0;
    snprintf(d->lang[d->nlang], sizeof d->lang[0], "%s", code);
    return (uint8_t)d->nlang++;
}

/* ---- records ---------------------------------------------------------------- */

/* Grows the per-article arrays by 1/16 at a time (they are the index's bulk,
 * and the budget counts what is allocated). */
static void reserve(sl_dedup *d)
{
    if (d->n < d->cap)
        return;
    if (d->n >= SL_DEDUP_MAX_ARTICLES) {
        fputs("storyline: copy index: too many articles\n", stderr);
        abort();
    }
    size_t c = d->cap + d->cap / 16 + 256;
    d->rec = sl_xrealloc(d->rec, c * sizeof *d->rec);
    d->sig = sl_xrealloc(d->sig, c * sizeof *d->sig);
    d->next = sl_xrealloc(d->next, c * SL_MINHASH_BANDS * sizeof *d->next);
    d->cap = c;
}

uint32_t sl_dedup_append(sl_dedup *d, const char *id, const sl_dedup_rec *r,
                         const sl_minhash *sig)
{
    if (sl_dedup_lookup(d, id) != SL_DEDUP_NONE)
        return SL_DEDUP_NONE;
    reserve(d);
    idmap_grow(d);
    uint32_t i = (uint32_t)d->n;
    d->rec[i] = *r;
    d->rec[i].id = intern_id(d, id);
    d->rec[i].parent = d->rec[i].ring = d->rec[i].centre = i;
    d->rec[i].first = i;
    d->rec[i].flags = 0;
    if (sig)
        d->sig[i] = *sig;
    else
        memset(&d->sig[i], 0, sizeof d->sig[i]);
    for (int b = 0; b < SL_MINHASH_BANDS; b++)
        d->next[(size_t)i * SL_MINHASH_BANDS + b] = SL_DEDUP_NONE;
    d->n++;
    idmap_put(d, i);
    sl_dedup_unlist(d);
    return i;
}

sl_copy_side sl_dedup_side(const sl_dedup *d, uint32_t i)
{
    const sl_dedup_rec *r = &d->rec[i];
    return (sl_copy_side){&d->sig[i], r->exact, r->nsh, r->lang};
}

/* ---- closures ----------------------------------------------------------------- */

uint32_t sl_dedup_root(sl_dedup *d, uint32_t i)
{
    while (d->rec[i].parent != i) { /* path halving */
        d->rec[i].parent = d->rec[d->rec[i].parent].parent;
        i = d->rec[i].parent;
    }
    return i;
}

void sl_dedup_unite(sl_dedup *d, uint32_t i, uint32_t j)
{
    uint32_t a = sl_dedup_root(d, i), b = sl_dedup_root(d, j);
    if (a == b)
        return;
    if (b < a) {
        uint32_t t = a;
        a = b, b = t;
    }
    d->rec[b].parent = a; /* the earlier article stays the root */
    d->rec[a].flags |= d->rec[b].flags & REC_DIRTY;
    uint32_t t = d->rec[a].ring; /* splice the two cycles into one */
    d->rec[a].ring = d->rec[b].ring;
    d->rec[b].ring = t;
    sl_dedup_unlist(d);
}

/* ---- band chains ------------------------------------------------------------------ */

static uint32_t *bucket(sl_dedup *d, int band, uint16_t key)
{
    return &d->head[((size_t)band << d->bits) + (key >> (16 - d->bits))];
}

static void link_chains(sl_dedup *d, uint32_t i)
{
    for (int b = 0; b < SL_MINHASH_BANDS; b++) {
        uint32_t *h = bucket(d, b, d->sig[i].band[b]);
        d->next[(size_t)i * SL_MINHASH_BANDS + b] = *h;
        *h = i;
    }
}

/* Doubles the buckets of every band and relinks the chains. */
static void grow_heads(sl_dedup *d)
{
    d->bits++;
    size_t nh = (size_t)SL_MINHASH_BANDS << d->bits;
    free(d->head);
    d->head = sl_xmalloc(nh * sizeof *d->head);
    memset(d->head, 0xff, nh * sizeof *d->head);
    for (uint32_t i = 0; i < d->n; i++)
        if (d->rec[i].flags & REC_LSH)
            link_chains(d, i);
}

void sl_dedup_chain(sl_dedup *d, uint32_t i)
{
    d->rec[i].flags |= REC_LSH;
    d->nlsh++;
    if (d->bits < SL_DEDUP_MAX_HEAD_BITS && d->nlsh > ((size_t)8 << d->bits))
        grow_heads(d); /* links i too */
    else
        link_chains(d, i);
}

/* The articles sharing a band key with sketch s, each once, in index
 * order, in d->cand.  Returns their number.  The 16 chains are walked side
 * by side: their links are independent loads, which the processor can
 * fetch together, where one chain after the other waits for each.  An
 * article met in several bands is kept once after the sort. */
static size_t candidates(sl_dedup *d, const sl_minhash *s)
{
    uint32_t cur[SL_MINHASH_BANDS], met[SL_MINHASH_BANDS] = {0};
    size_t n = 0, live = SL_MINHASH_BANDS;
    bool exact = d->bits == 16; /* then a bucket holds its key alone */
    for (int b = 0; b < SL_MINHASH_BANDS; b++)
        cur[b] = *bucket(d, b, s->band[b]);
    while (live) {
        live = 0;
        for (int b = 0; b < SL_MINHASH_BANDS; b++) {
            uint32_t c = cur[b];
            if (c == SL_DEDUP_NONE)
                continue;
            live++;
            cur[b] = d->next[(size_t)c * SL_MINHASH_BANDS + b];
            if ((!exact && d->sig[c].band[b] != s->band[b]) || (d->rec[c].flags & REC_GONE))
                continue;
            if (++met[b] == SL_DEDUP_KEY_MEETS)
                cur[b] = SL_DEDUP_NONE; /* the latest are enough */
            if (n == d->ccand)
                sl_grow((void **)&d->cand, &d->ccand, n + 1, sizeof *d->cand);
            d->cand[n++] = c;
        }
    }
    sl_sort_u32(d->cand, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || d->cand[k] != d->cand[m - 1])
            d->cand[m++] = d->cand[k];
    return m;
}

/* ---- adding and finding ---------------------------------------------------------------- */

/* The record and sketch of article a (in d->probe), from its text. */
static sl_dedup_rec sketch(sl_dedup *d, sl_article *a)
{
    sl_article_prepare(d->e, a);
    sl_dedup_form_make(sl_engine_norm(d->e), a, &d->form, &d->key);
    sl_shingles_make(&d->form, &d->sh);
    sl_dedup_rec r = {0};
    r.exact = d->form.exact;
    r.nsh = (uint16_t)(d->sh.counted > UINT16_MAX ? UINT16_MAX : d->sh.counted);
    /* a language counts as known only when language id is sure of it */
    r.lang = a->lang_conf >= 0.5 ? sl_dedup_lang(d, a->lang) : 0;
    if (d->sh.n)
        sl_minhash_make(d->sh.h, d->sh.n, &d->probe);
    else
        memset(&d->probe, 0, sizeof d->probe);
    return r;
}

static void fill(const sl_dedup *d, const sl_dedup_place *p, sl_dedup_result *res)
{
    if (!res)
        return;
    res->group = p->first == SL_DEDUP_NONE ? NULL : sl_dedup_id_at(d, p->first);
    res->match = p->match == SL_DEDUP_NONE ? NULL : sl_dedup_id_at(d, p->match);
    res->kind = p->kind;
    res->jaccard = p->jaccard;
    res->containment = p->containment;
}

/* Joins new article i to every candidate it copies, and keeps those in
 * d->cand[0..n), with what the rule said of each in d->judged[0..n).
 * Returns n; *twin is an exact copy in the chains with the same language,
 * or NONE. */
static size_t join_copies(sl_dedup *d, uint32_t i, uint32_t *twin)
{
    size_t nc = candidates(d, &d->sig[i]), n = 0;
    sl_copy_side x = sl_dedup_side(d, i);
    *twin = SL_DEDUP_NONE;
    sl_grow((void **)&d->judged, &d->cjudged, nc + 1, sizeof *d->judged);
    for (size_t k = 0; k < nc; k++) {
        uint32_t c = d->cand[k];
        if (k + 8 < nc) { /* the sketches are far apart in memory: ask early */
            __builtin_prefetch(&d->sig[d->cand[k + 8]]);
            __builtin_prefetch(&d->sig[d->cand[k + 8]].small[48]);
        }
        sl_copy_side y = sl_dedup_side(d, c);
        double j, cont;
        sl_copy_kind kind = sl_copy_judge(&x, &y, &j, &cont);
        if (kind == SL_COPY_NONE)
            continue;
        sl_dedup_unite(d, i, c);
        d->judged[n] = (sl_dedup_place){SL_DEDUP_NONE, c, kind, j, cont};
        d->cand[n++] = c;
        if (kind == SL_COPY_EXACT && x.lang == y.lang && *twin == SL_DEDUP_NONE)
            *twin = c;
    }
    return n;
}

sl_status sl_dedup_add(sl_dedup *d, sl_article *a, sl_dedup_result *res)
{
    const char *id = sl_article_id(a);
    if (sl_dedup_lookup(d, id) != SL_DEDUP_NONE) {
        sl_engine_seterr(d->e, "%s: id already in the copy index (skipped)", id);
        return SL_EINPUT;
    }
    sl_dedup_rec r = sketch(d, a);
    sl_dedup_add_record(d, id, &r, &d->probe, res);
    return SL_OK;
}

void sl_dedup_add_record(sl_dedup *d, const char *id, const sl_dedup_rec *r,
                         const sl_minhash *sig, sl_dedup_result *res)
{
    uint32_t i = sl_dedup_append(d, id, r, sig), twin = SL_DEDUP_NONE;
    size_t n = r->exact ? join_copies(d, i, &twin) : 0;
    sl_dedup_place p;
    if (twin != SL_DEDUP_NONE) { /* it goes wherever its twin goes */
        d->rec[i].flags |= REC_DUP;
        d->rec[i].centre = twin;
        sl_dedup_locate(d, i, twin, &p);
    } else {
        if (n >= SL_DEDUP_REPRESENTED)
            d->rec[i].flags |= REC_REP; /* its copies stand for it */
        else if (r->exact)
            sl_dedup_chain(d, i);
        sl_dedup_place_new(d, i, d->cand, d->judged, n, &p);
    }
    fill(d, &p, res);
}

/* ---- removing ----------------------------------------------------------------------------- */

uint32_t sl_dedup_root_of(const sl_dedup *d, uint32_t i)
{
    while (d->rec[i].parent != i)
        i = d->rec[i].parent;
    return i;
}

/* Renumbers rather than replays: replaying every add would judge every
 * candidate pair again (30 us an article on bench/dedup_eval's set), where
 * the records already say what was found. */
sl_dedup *sl_dedup_compacted(const sl_dedup *d)
{
    sl_dedup *c = sl_dedup_new(d->e);
    memcpy(c->lang, d->lang, sizeof c->lang);
    c->nlang = d->nlang;
    uint32_t *to = sl_xmalloc((d->n + 1) * sizeof *to);   /* old index -> new */
    uint32_t *first = sl_xmalloc((d->n + 1) * sizeof *first); /* old root -> new */
    for (uint32_t i = 0; i < d->n; i++) {
        to[i] = first[i] = SL_DEDUP_NONE;
        if (!(d->rec[i].flags & REC_GONE))
            to[i] = sl_dedup_append(c, sl_dedup_id_at(d, i), &d->rec[i], &d->sig[i]);
    }
    for (uint32_t i = 0; i < d->n; i++) {
        if (to[i] == SL_DEDUP_NONE)
            continue;
        uint32_t j = to[i], r = sl_dedup_root_of(d, i);
        if (first[r] == SL_DEDUP_NONE)
            first[r] = j;
        else
            sl_dedup_unite(c, first[r], j);
        uint32_t with = d->rec[i].flags & REC_OUT ? to[d->rec[i].centre] : SL_DEDUP_NONE;
        if (with != SL_DEDUP_NONE) { /* goes with an article of the chains, as before */
            c->rec[j].flags = d->rec[i].flags & REC_OUT;
            c->rec[j].centre = with;
        } else if (d->rec[i].flags & (REC_LSH | REC_OUT)) {
            sl_dedup_chain(c, j); /* in index order: the chains keep their order */
        }
    }
    for (uint32_t j = 0; j < c->n; j++)
        if (c->rec[j].parent == j && c->rec[j].ring != j)
            c->rec[j].flags |= REC_DIRTY; /* its stars are redone when next read */
    free(to);
    free(first);
    return c;
}

/* Replaces d's records by those of sl_dedup_compacted(d), in place. */
static void compact(sl_dedup *d)
{
    sl_dedup *c = sl_dedup_compacted(d), old = *d;
    *d = *c;
    *c = old;
    sl_dedup_free(c);
}

sl_status sl_dedup_remove(sl_dedup *d, const char *id)
{
    uint32_t i = sl_dedup_lookup(d, id);
    if (i == SL_DEDUP_NONE) {
        sl_engine_seterr(d->e, "%s: not in the copy index", id);
        return SL_EINPUT;
    }
    d->rec[i].flags |= REC_GONE;
    d->ngone++;
    sl_dedup_unstar(d, i);
    sl_dedup_unlist(d);
    if (2 * d->ngone > d->n)
        compact(d);
    return SL_OK;
}

sl_status sl_dedup_find(sl_dedup *d, sl_article *a, sl_dedup_result *res)
{
    sl_dedup_rec r = sketch(d, a);
    sl_copy_side x = {&d->probe, r.exact, r.nsh, r.lang};
    sl_dedup_place best = {SL_DEDUP_NONE, SL_DEDUP_NONE, SL_COPY_NONE, 0, 0};
    size_t nc = r.exact ? candidates(d, &d->probe) : 0;
    for (size_t k = 0; k < nc; k++) {
        sl_copy_side y = sl_dedup_side(d, d->cand[k]);
        double j, c;
        sl_copy_kind kind = sl_copy_judge(&x, &y, &j, &c);
        if (sl_dedup_better(kind, j, c, &best))
            best = (sl_dedup_place){SL_DEDUP_NONE, d->cand[k], kind, j, c};
    }
    if (best.match != SL_DEDUP_NONE) {
        sl_dedup_place g;
        sl_dedup_locate(d, best.match, SL_DEDUP_NONE, &g);
        best.first = g.first;
    }
    fill(d, &best, res);
    return SL_OK;
}
