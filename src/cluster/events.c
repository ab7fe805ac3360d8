/*
 * events.c -- online event clustering: one pass, each article joins the
 * best event or starts one.
 *
 * For each article, in the order given (the index feeds them by date):
 *
 *   1. candidates: its strongest terms and all its name keys are looked up
 *      in the postings (postings.c); events found under several of them
 *      come first, at most MAX_CAND are scored, so the cost per article
 *      does not grow with the number of events;
 *   2. events whose dated members all lie more than the window away from
 *      a dated article are skipped (they have expired for it), and so are
 *      events whose burst of dated reports it falls well outside (reach());
 *   3. each candidate is scored as a pair would be (similarity.c), with
 *      the event's centroids standing for its members: the term and name
 *      cosines against the centroid, the day gap to the event's span, the
 *      days it mentions, and whether the article's language is new to it;
 *   4. the article joins the best candidate whose p(same event) reaches the
 *      threshold, or starts a new event with the next id.
 *
 * An event re-indexes its strongest keys each time its size doubles, so
 * the postings follow what it has become.  Chaining (A joins B's event, C
 * joins through A, ... until the event is about everything) is held back
 * by comparing with the centroid, not with the closest member: one odd
 * member moves the centroid by 1/n.
 *
 * The second pass (sl_events_merge) compares events with events, through
 * the same postings and the same model on centroids: an article that
 * arrived first in another language, or two halves started before their
 * link was visible, become one event.  The older id survives and records
 * the other.
 *
 * Tests: tests/cluster/test_events.c.
 */
#include "cluster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_CAND = 24,      /* candidates scored per article */
    QUERY_TERMS = 16,   /* strongest terms looked up */
    INDEX_TERMS = 12,   /* strongest terms an event puts in the postings */
    INDEX_ENTS = 8,     /* strongest name keys it puts there */
    CENTROID_TERMS = 160,
    CENTROID_ENTS = 48,
    CENTROID_NUMS = 24,
    BURST_DATED = 3,    /* dated reports that show how long an event's burst is */
    BURST_REACH = 2     /* days an event reaches beyond its burst at least */
};

#define DEFAULT_THRESHOLD 0.7 /* tuned on events-dev with MERGE_THRESHOLD */
#define DEFAULT_WINDOW 7
#define MERGE_THRESHOLD 0.3 /* p(one event) to merge two at the default
                              threshold; tuned on events-dev */

/* The merge threshold that goes with a join threshold t: the default pair
 * at t = DEFAULT_THRESHOLD, and as t moves, the odds against merging move
 * with it (so --threshold 0.999 keeps nearly everything apart, and a low
 * one merges freely). */
static double merge_threshold(double t)
{
    double k = (1 - MERGE_THRESHOLD) / (1 - DEFAULT_THRESHOLD);
    double m = 1 - (1 - t) * k;
    return m < 0.05 ? 0.05 : m;
}

struct sl_events {
    sl_events_opts opt;
    const sl_profile **prof;
    size_t nprof, cprof;
    uint32_t *of; /* profile -> event index */
    size_t cof;
    sl_event *ev;
    size_t nev, cev;
    sl_postings *post;
    uint32_t *stamp; /* per event: the query that last touched it */
    float *hits;     /* per event: its candidate score in that query */
    size_t cstamp;
    uint32_t query;
    uint32_t next_id;  /* the id the next new event gets */
    uint32_t *by_id;   /* event id -> index + 1 (0: none) */
    size_t cby_id;
};

sl_events *sl_events_new(const sl_events_opts *opt)
{
    sl_events *c = sl_xcalloc(1, sizeof *c);
    if (opt)
        c->opt = *opt;
    if (c->opt.threshold <= 0)
        c->opt.threshold = DEFAULT_THRESHOLD;
    if (c->opt.window_days <= 0)
        c->opt.window_days = DEFAULT_WINDOW;
    c->post = sl_postings_new();
    c->next_id = 1;
    return c;
}

static void event_free(sl_event *e)
{
    free(e->member);
    free(e->merged);
    sl_centroid_free(&e->terms);
    sl_centroid_free(&e->ents);
    sl_centroid_free(&e->nums);
}

void sl_events_free(sl_events *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nev; i++)
        event_free(&c->ev[i]);
    free(c->ev);
    free(c->prof);
    free(c->of);
    free(c->stamp);
    free(c->hits);
    free(c->by_id);
    sl_postings_free(c->post);
    free(c);
}

size_t sl_events_count(const sl_events *c) { return c->nev; }
const sl_event *sl_events_at(const sl_events *c, size_t i) { return &c->ev[i]; }
const sl_profile *sl_events_profile(const sl_events *c, uint32_t i) { return c->prof[i]; }

uint32_t sl_events_of(const sl_events *c, uint32_t i)
{
    return i < c->nprof ? c->of[i] : UINT32_MAX;
}

/* ---- events and their evidence -------------------------------------------- */

static bool has_lang(const char *langs, const char *lang)
{
    size_t n = strlen(lang);
    for (const char *s = langs; (s = strstr(s, lang)) != NULL; s += n)
        if ((s == langs || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

static void add_lang(char *langs, size_t cap, const char *lang)
{
    if (has_lang(langs, lang) || strlen(langs) + strlen(lang) + 2 > cap)
        return;
    if (*langs)
        strcat(langs, " ");
    strcat(langs, lang);
}

static int day_gap(int32_t day, int32_t first, int32_t last)
{
    if (day == SL_NO_DAY || first == SL_NO_DAY)
        return -1;
    return day < first ? first - day : day > last ? day - last : 0;
}

static bool shares_day(const int32_t *a, size_t na, const int32_t *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j])
                return true;
    return false;
}

static void index_event(sl_events *c, uint32_t ev)
{
    sl_event *e = &c->ev[ev];
    uint32_t keys[INDEX_TERMS + INDEX_ENTS];
    size_t n = sl_centroid_top(&e->terms, keys, INDEX_TERMS);
    n += sl_centroid_top(&e->ents, keys + n, INDEX_ENTS);
    for (size_t i = 0; i < n; i++)
        sl_postings_add(c->post, keys[i], ev);
    e->indexed_at = e->n;
}

static void event_take(sl_event *e, const sl_profile *p, uint32_t i)
{
    e->changed = 1;
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 4;
        e->member = sl_xrealloc(e->member, e->cap * sizeof *e->member);
    }
    e->member[e->n++] = i;
    sl_centroid_add(&e->terms, p->terms, p->nterms, 1);
    sl_centroid_add(&e->ents, p->ents, p->nents, 1);
    sl_centroid_add(&e->nums, p->nums, p->nnums, 1);
    if (p->day != SL_NO_DAY) {
        e->ndated++;
        if (e->first_day == SL_NO_DAY || p->day < e->first_day)
            e->first_day = p->day;
        if (e->last_day == SL_NO_DAY || p->day > e->last_day)
            e->last_day = p->day;
    }
    int32_t when = sl_profile_when(p);
    if (when != SL_NO_DAY) {
        if (e->told_first == SL_NO_DAY || when < e->told_first)
            e->told_first = when;
        if (e->told_last == SL_NO_DAY || when > e->told_last)
            e->told_last = when;
    }
    for (size_t k = 0; k < p->ndays && e->ndays < 8; k++)
        if (!shares_day(&p->days[k], 1, e->days, e->ndays))
            e->days[e->ndays++] = p->days[k];
    add_lang(e->langs, sizeof e->langs, p->lang);
}

static uint32_t event_new(sl_events *c, uint32_t id)
{
    if (c->nev == c->cev) {
        c->cev = c->cev ? c->cev * 2 : 64;
        c->ev = sl_xrealloc(c->ev, c->cev * sizeof *c->ev);
        c->stamp = sl_xrealloc(c->stamp, c->cev * sizeof *c->stamp);
        c->hits = sl_xrealloc(c->hits, c->cev * sizeof *c->hits);
    }
    uint32_t ev = (uint32_t)c->nev++;
    sl_event *e = &c->ev[ev];
    memset(e, 0, sizeof *e);
    e->id = id;
    if (id >= c->next_id)
        c->next_id = id + 1;
    if (id >= c->cby_id) {
        size_t old = c->cby_id;
        c->cby_id = id + 64 > 2 * old ? id + 64 : 2 * old;
        c->by_id = sl_xrealloc(c->by_id, c->cby_id * sizeof *c->by_id);
        memset(c->by_id + old, 0, (c->cby_id - old) * sizeof *c->by_id);
    }
    c->by_id[id] = ev + 1;
    e->alive = 1;
    e->first_day = e->last_day = e->told_first = e->told_last = SL_NO_DAY;
    sl_centroid_init(&e->terms, CENTROID_TERMS);
    sl_centroid_init(&e->ents, CENTROID_ENTS);
    sl_centroid_init(&e->nums, CENTROID_NUMS);
    c->stamp[ev] = 0;
    return ev;
}

/* ---- candidates ------------------------------------------------------------- */

typedef struct {
    uint32_t ev;
    float hits;
} cand;

static int cmp_cand(const void *x, const void *y)
{
    float a = ((const cand *)x)->hits, b = ((const cand *)y)->hits;
    return (a < b) - (a > b);
}

/* How many days beyond its dated span an event reaches.  News of one
 * happening comes in a burst: once BURST_DATED reports are dated, the
 * event has shown how long its burst lasts, and reports dated further
 * from it than that (and than BURST_REACH days) are about something that
 * happened since -- the firing of a chief executive and his return five
 * days later, one declaration ending an emergency and a second one a week
 * on.  Before that, and never beyond, the window. */
static int reach(const sl_events *c, const sl_event *e)
{
    if (e->ndated < BURST_DATED)
        return c->opt.window_days;
    int span = e->last_day - e->first_day;
    int r = span > BURST_REACH ? span : BURST_REACH;
    return r < c->opt.window_days ? r : c->opt.window_days;
}

/* Is event e out of reach for p: more than the window away from its dated
 * span?  (An undated article is never out of reach: reading its relative
 * dates against the event's days, anchor.c, was tried here and cost more
 * on events-dev than it saved: background dates like "appointed on
 * September 5" place a report of today weeks away.) */
static bool expired(const sl_events *c, const sl_event *e, const sl_profile *p)
{
    int gap = day_gap(p->day, e->first_day, e->last_day);
    return gap > reach(c, e);
}

/* Looks up the keys f[0..n) and adds what they find to the candidates. */
static void gather(sl_events *c, const sl_feat *f, size_t n, cand *out, size_t *nout,
                   size_t cap)
{
    for (size_t i = 0; i < n; i++) {
        size_t ng;
        const uint32_t *g = sl_postings_get(c->post, f[i].key, &ng);
        for (size_t k = 0; k < ng; k++) {
            uint32_t ev = g[k];
            while (!c->ev[ev].alive && c->ev[ev].n) { /* merged: its first member knows */
                uint32_t to = c->of[c->ev[ev].member[0]];
                if (to == UINT32_MAX)
                    break; /* serve: that member was removed (sl_index_remove) */
                ev = to;
            }
            if (!c->ev[ev].alive)
                continue; /* emptied by removals */
            if (c->stamp[ev] != c->query) {
                if (*nout == cap)
                    continue;
                c->stamp[ev] = c->query;
                c->hits[ev] = 0;
                out[(*nout)++] = (cand){ev, 0};
            }
            c->hits[ev] += f[i].w;
        }
    }
}

static size_t candidates(sl_events *c, const sl_profile *p, cand *out, size_t cap)
{
    c->query++;
    sl_feat q[QUERY_TERMS];
    size_t nq = p->nterms < QUERY_TERMS ? p->nterms : QUERY_TERMS;
    sl_feat *all = sl_xmalloc((p->nterms + 1) * sizeof *all);
    memcpy(all, p->terms, p->nterms * sizeof *all);
    sl_feat_sort_weight(all, p->nterms);
    memcpy(q, all, nq * sizeof *q);
    free(all);
    size_t n = 0;
    gather(c, q, nq, out, &n, cap);
    gather(c, p->ents, p->nents, out, &n, cap);
    for (size_t i = 0; i < n; i++)
        out[i].hits = c->hits[out[i].ev];
    qsort(out, n, sizeof *out, cmp_cand);
    return n < MAX_CAND ? n : MAX_CAND;
}

size_t sl_events_candidates(sl_events *c, const sl_profile *p, uint32_t *out, size_t cap)
{
    cand cs[256];
    size_t nc = candidates(c, p, cs, 256), k = 0;
    for (size_t i = 0; i < nc && k < cap; i++) {
        const sl_event *e = &c->ev[cs[i].ev];
        if (e->alive && !expired(c, e, p))
            out[k++] = cs[i].ev;
    }
    return k;
}

/* ---- adding -------------------------------------------------------------------- */

uint32_t sl_events_add(sl_events *c, const sl_profile *p)
{
    uint32_t i = (uint32_t)c->nprof;
    sl_grow((void **)&c->prof, &c->cprof, c->nprof + 1, sizeof *c->prof);
    sl_grow((void **)&c->of, &c->cof, c->nprof + 1, sizeof *c->of);
    c->prof[c->nprof++] = p;
    uint32_t cs[MAX_CAND];
    size_t nc = sl_events_candidates(c, p, cs, MAX_CAND);
    double best = -1;
    uint32_t best_ev = UINT32_MAX;
    for (size_t k = 0; k < nc; k++) {
        double pe = sl_join_p(&c->ev[cs[k]], p);
        if (pe > best)
            best = pe, best_ev = cs[k];
    }
    uint32_t ev = best >= c->opt.threshold ? best_ev : event_new(c, c->next_id);
    event_take(&c->ev[ev], p, i);
    c->of[i] = ev;
    if (c->ev[ev].n >= 2 * c->ev[ev].indexed_at)
        index_event(c, ev);
    return ev;
}

/* ---- restoring and removing ------------------------------------------------------ */

uint32_t sl_events_put(sl_events *c, const sl_profile *p, uint32_t id)
{
    uint32_t i = (uint32_t)c->nprof;
    sl_grow((void **)&c->prof, &c->cprof, c->nprof + 1, sizeof *c->prof);
    sl_grow((void **)&c->of, &c->cof, c->nprof + 1, sizeof *c->of);
    c->prof[c->nprof++] = p;
    uint32_t ev = id < c->cby_id && c->by_id[id] ? c->by_id[id] - 1 : UINT32_MAX;
    if (ev == UINT32_MAX || !c->ev[ev].alive)
        ev = event_new(c, id);
    event_take(&c->ev[ev], p, i);
    c->of[i] = ev;
    if (c->ev[ev].n >= 2 * c->ev[ev].indexed_at)
        index_event(c, ev);
    return ev;
}

size_t sl_events_nprofiles(const sl_events *c) { return c->nprof; }

uint32_t sl_events_id_of(const sl_events *c, uint32_t i)
{
    if (i >= c->nprof || c->of[i] == UINT32_MAX)
        return 0;
    return c->ev[c->of[i]].id;
}

/* Rebuilds what an event knows from its members, after one left. */
static void event_rebuild(sl_events *c, sl_event *e)
{
    uint32_t *m = e->member, n = e->n;
    e->member = NULL;
    e->n = e->cap = 0;
    sl_centroid_free(&e->terms);
    sl_centroid_free(&e->ents);
    sl_centroid_free(&e->nums);
    e->first_day = e->last_day = e->told_first = e->told_last = SL_NO_DAY;
    e->ndays = 0;
    e->ndated = 0;
    e->langs[0] = '\0';
    for (uint32_t k = 0; k < n; k++)
        event_take(e, c->prof[m[k]], m[k]);
    free(m);
}

void sl_events_remove(sl_events *c, uint32_t i)
{
    if (i >= c->nprof || c->of[i] == UINT32_MAX)
        return;
    sl_event *e = &c->ev[c->of[i]];
    uint32_t k = 0;
    while (k < e->n && e->member[k] != i)
        k++;
    if (k < e->n) {
        memmove(e->member + k, e->member + k + 1, (e->n - k - 1) * sizeof *e->member);
        e->n--;
    }
    c->of[i] = UINT32_MAX;
    c->prof[i] = NULL;
    if (e->n == 0)
        e->alive = 0; /* gone: no members, nothing to follow */
    else
        event_rebuild(c, e);
}

/* ---- the second pass: merging -------------------------------------------------- */

/* Moves every member of event 'from' into 'into'. */
static void event_absorb(sl_events *c, uint32_t into, uint32_t from)
{
    sl_event *a = &c->ev[into], *b = &c->ev[from];
    for (uint32_t k = 0; k < b->n; k++) {
        uint32_t i = b->member[k];
        event_take(a, c->prof[i], i);
        c->of[i] = into;
    }
    a->merged = sl_xrealloc(a->merged, (a->nmerged + 1 + b->nmerged) * sizeof *a->merged);
    a->merged[a->nmerged++] = b->id;
    for (uint32_t k = 0; k < b->nmerged; k++)
        a->merged[a->nmerged++] = b->merged[k];
    b->alive = 0;
    if (a->n >= 2 * a->indexed_at)
        index_event(c, into);
}

size_t sl_events_neighbours(sl_events *c, uint32_t a, uint32_t *out, size_t cap)
{
    const sl_event *e = &c->ev[a];
    uint32_t keys[QUERY_TERMS + INDEX_ENTS];
    size_t nk = sl_centroid_top(&e->terms, keys, QUERY_TERMS);
    nk += sl_centroid_top(&e->ents, keys + nk, INDEX_ENTS);
    sl_feat q[QUERY_TERMS + INDEX_ENTS];
    for (size_t k = 0; k < nk; k++)
        q[k] = (sl_feat){keys[k], 1};
    cand cs[256];
    size_t n = 0, m = 0;
    c->query++;
    gather(c, q, nk, cs, &n, 256);
    for (size_t i = 0; i < n; i++)
        cs[i].hits = c->hits[cs[i].ev];
    qsort(cs, n, sizeof *cs, cmp_cand);
    for (size_t i = 0; i < n && m < cap; i++)
        if (cs[i].ev != a && c->ev[cs[i].ev].alive)
            out[m++] = cs[i].ev;
    return m;
}

typedef struct {
    double p;
    uint32_t a, b;
} pair;

static int cmp_pair(const void *x, const void *y)
{
    double a = ((const pair *)x)->p, b = ((const pair *)y)->p;
    return (a < b) - (a > b);
}

/* Are two events' dated spans further apart than an event lasts?  Then
 * they are not one event, whatever they share: the window that keeps an
 * article out of an old event keeps the old event out of a merge. */
static bool too_far(const sl_events *c, const sl_event *a, const sl_event *b)
{
    if (a->first_day == SL_NO_DAY && b->first_day == SL_NO_DAY)
        return false;
    if (a->first_day == SL_NO_DAY || b->first_day == SL_NO_DAY) {
        /* one undated: too far if each of its members that names the day
         * it is about (sl_anchor_day_sure) names one beyond the window */
        const sl_event *u = a->first_day == SL_NO_DAY ? a : b, *d = u == a ? b : a;
        bool near = false, told = false;
        for (uint32_t k = 0; k < u->n && !near; k++) {
            int32_t day = sl_anchor_day_sure(c->prof[u->member[k]], d->last_day);
            if (day == SL_NO_DAY)
                continue;
            told = true;
            near = day_gap(day, d->first_day, d->last_day) <= c->opt.window_days;
        }
        return told && !near;
    }
    int gap = a->last_day < b->first_day ? b->first_day - a->last_day
              : b->last_day < a->first_day ? a->first_day - b->last_day : 0;
    int ra = reach(c, a), rb = reach(c, b); /* two bursts: the wider one's */
    return gap > (ra > rb ? ra : rb);
}

/* The live event an event index stands for now (following merges). */
static uint32_t live(const sl_events *c, uint32_t ev)
{
    while (!c->ev[ev].alive && c->ev[ev].n)
        ev = c->of[c->ev[ev].member[0]];
    return ev;
}

void sl_events_merge(sl_events *c)
{
    pair *ps = NULL;
    size_t np = 0, cap = 0;
    /* Only events that changed since the last pass can have become one with
     * another: a stream's update costs what arrived, not what is stored. */
    for (uint32_t a = 0; a < c->nev; a++) {
        if (!c->ev[a].alive || !c->ev[a].changed)
            continue;
        uint32_t nb[MAX_CAND];
        size_t n = sl_events_neighbours(c, a, nb, MAX_CAND);
        for (size_t k = 0; k < n; k++) {
            if (nb[k] < a && c->ev[nb[k]].changed) /* each pair once */
                continue;
            if (too_far(c, &c->ev[a], &c->ev[nb[k]]))
                continue;
            double p = sl_merge_p(&c->ev[a], &c->ev[nb[k]]);
            if (p < merge_threshold(c->opt.threshold))
                continue;
            sl_grow((void **)&ps, &cap, np + 1, sizeof *ps);
            ps[np++] = (pair){p, a, nb[k]};
        }
    }
    if (np)
        qsort(ps, np, sizeof *ps, cmp_pair);
    for (size_t k = 0; k < np; k++) { /* strongest first, judged again as they grow */
        uint32_t a = live(c, ps[k].a), b = live(c, ps[k].b);
        if (a == b || !c->ev[a].alive || !c->ev[b].alive)
            continue;
        if (too_far(c, &c->ev[a], &c->ev[b]) || sl_merge_p(&c->ev[a], &c->ev[b]) < merge_threshold(c->opt.threshold))
            continue;
        uint32_t into = c->ev[a].id < c->ev[b].id ? a : b;
        event_absorb(c, into, into == a ? b : a);
    }
    free(ps);
    for (uint32_t a = 0; a < c->nev; a++)
        c->ev[a].changed = 0;
}
