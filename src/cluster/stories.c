/*
 * stories.c -- story linking: events that share actors and subject over
 * days to months become one story.
 *
 * Events are taken in the order they happened (sl_event_day; undated ones
 * last).  Each looks up, through postings of the stories' strongest names
 * and terms, the stories it could continue; each candidate is scored with
 * the story model of similarity.c on centroids (the event's against the
 * story's, both made of unit event centroids so a big event does not
 * drown the small ones), with the day gap between the event and the
 * story's span.  The event joins the best story whose p(same story)
 * reaches the threshold and whose span it is within the window of, or
 * starts a story.
 *
 * Linking is redone from scratch over the live events whenever stories
 * are asked for: events are few next to articles, and linking them anew
 * lets a story follow its events as they grow and merge.  Ids stay
 * stable all the same: a story's id is the smallest id among its events,
 * and event ids never change, so a story keeps its id as it grows and the
 * older id survives when two stories become one.
 *
 * Tests: tests/cluster/test_stories.c.
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_THRESHOLD 0.5
#define DEFAULT_WINDOW 160 /* days; events-dev gives the same stories from 120 to 160, the seeds' story spans 159 */

enum { MAX_CAND = 32, QUERY_KEYS = 12, INDEX_KEYS = 12 };

struct sl_stories {
    sl_stories_opts opt;
    const sl_events *events;
    sl_story *st;
    size_t n, cap;
    uint32_t *of; /* event index -> story index */
    sl_postings *post;
};

/* ---- the day of an event -------------------------------------------------- */

/* Sorts days ascending: as unsigned numbers with the sign bit flipped,
 * which orders them as signed ones. */
static void sort_days(int32_t *d, size_t n)
{
    uint32_t *u = (uint32_t *)d; /* same size and alignment */
    for (size_t i = 0; i < n; i++)
        u[i] = (uint32_t)d[i] ^ 0x80000000u;
    sl_sort_u32(u, n);
    for (size_t i = 0; i < n; i++)
        d[i] = (int32_t)(u[i] ^ 0x80000000u);
}

int32_t sl_event_day(const sl_events *c, const sl_event *e, int32_t ref, bool *inferred)
{
    /* Candidate days: members' own dates, and the days they mention.  A
     * day gets one vote per member that is dated on it or mentions it;
     * the most voted wins, the earliest of a tie.  Reports on the day say
     * "today" or "on Monday", previews name the day ahead, so the day of
     * the happening gathers votes from both. */
    int32_t *d = sl_xmalloc((e->n * (1 + SL_PROFILE_DAYS) + 1) * sizeof *d);
    size_t n = 0, dated = 0;
    for (uint32_t k = 0; k < e->n; k++) {
        const sl_profile *p = sl_events_profile(c, e->member[k]);
        if (p->day != SL_NO_DAY)
            d[n++] = p->day, dated++;
        for (size_t j = 0; j < p->ndays; j++)
            if (p->days[j] != p->day)
                d[n++] = p->days[j];
    }
    if (!dated) { /* undated: what members say, read against ref if given */
        n = 0;
        for (uint32_t k = 0; k < e->n; k++) {
            int32_t day = sl_anchor_day(sl_events_profile(c, e->member[k]), ref);
            if (day != SL_NO_DAY)
                d[n++] = day;
        }
    }
    *inferred = dated == 0;
    sort_days(d, n);
    int32_t day = SL_NO_DAY;
    size_t best = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && d[j] == d[i]; j++)
            ;
        bool near = !dated || e->first_day == SL_NO_DAY ||
                    (d[i] >= e->first_day - 7 && d[i] <= e->last_day + 1);
        if (near && j - i > best)
            best = j - i, day = d[i];
    }
    free(d);
    return day;
}

/* ---- linking ------------------------------------------------------------------ */

static bool in_langs(const char *langs, const char *lang)
{
    size_t n = strlen(lang);
    for (const char *s = langs; (s = strstr(s, lang)) != NULL; s += n)
        if ((s == langs || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

static bool langs_meet(const char *a, const char *b)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", a);
    char *save;
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
        if (in_langs(b, t))
            return true;
    return false;
}

static void add_langs(char *dst, size_t cap, const char *src)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", src);
    char *save;
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (in_langs(dst, t) || strlen(dst) + strlen(t) + 2 > cap)
            continue;
        if (*dst)
            strcat(dst, " ");
        strcat(dst, t);
    }
}

/* Adds a centroid's vector, scaled to unit length, to a story centroid. */
static void add_unit(sl_centroid *to, const sl_centroid *from)
{
    if (from->norm > 0)
        sl_centroid_add(to, from->f, from->n, (float)(1 / from->norm));
}

static int span_gap(int32_t day, int32_t first, int32_t last)
{
    if (day == SL_NO_DAY || first == SL_NO_DAY)
        return -1;
    return day < first ? first - day : day > last ? day - last : 0;
}

static void story_parts(const sl_story *s, const sl_event *e, int32_t day, sl_sim_parts *x)
{
    x->terms = sl_centroid_cos2(&s->terms, &e->terms);
    x->ents = sl_centroid_cos2(&s->ents, &e->ents);
    x->nums = sl_centroid_cos2(&s->nums, &e->nums);
    x->day_gap = span_gap(day, s->first_day, s->last_day);
    x->shared_day = false;
    for (size_t i = 0; i < s->ndays && !x->shared_day; i++)
        for (size_t j = 0; j < e->ndays; j++)
            x->shared_day |= s->days[i] == e->days[j];
    x->cross_lang = !langs_meet(s->langs, e->langs);
    x->told_gap = -1;
    sl_sim_conflicts(x, s->nums.n, e->nums.n, s->ents.n, e->ents.n);
}

static uint32_t story_new(sl_stories *s)
{
    sl_grow((void **)&s->st, &s->cap, s->n + 1, sizeof *s->st);
    sl_story *t = &s->st[s->n];
    memset(t, 0, sizeof *t);
    t->first_day = t->last_day = SL_NO_DAY;
    t->id = UINT32_MAX;
    sl_centroid_init(&t->terms, 200);
    sl_centroid_init(&t->ents, 64);
    sl_centroid_init(&t->nums, 32);
    return (uint32_t)s->n++;
}

static void story_take(sl_stories *s, uint32_t si, uint32_t ei, int32_t day)
{
    sl_story *t = &s->st[si];
    const sl_event *e = sl_events_at(s->events, ei);
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 4;
        t->ev = sl_xrealloc(t->ev, t->cap * sizeof *t->ev);
    }
    t->ev[t->n++] = ei;
    if (e->id < t->id)
        t->id = e->id;
    add_unit(&t->terms, &e->terms);
    add_unit(&t->ents, &e->ents);
    add_unit(&t->nums, &e->nums);
    if (day != SL_NO_DAY) {
        if (t->first_day == SL_NO_DAY || day < t->first_day)
            t->first_day = day;
        if (t->last_day == SL_NO_DAY || day > t->last_day)
            t->last_day = day;
    }
    for (size_t i = 0; i < e->ndays && t->ndays < 8; i++) {
        bool seen = false;
        for (size_t j = 0; j < t->ndays; j++)
            seen |= t->days[j] == e->days[i];
        if (!seen)
            t->days[t->ndays++] = e->days[i];
    }
    add_langs(t->langs, sizeof t->langs, e->langs);
    s->of[ei] = si;
    uint32_t keys[2 * INDEX_KEYS];
    size_t nk = sl_centroid_top(&t->ents, keys, INDEX_KEYS);
    nk += sl_centroid_top(&t->terms, keys + nk, INDEX_KEYS);
    for (size_t k = 0; k < nk; k++)
        sl_postings_add(s->post, keys[k], si);
}

typedef struct {
    int64_t day;
    uint32_t ev;
    int32_t d;
} when;

static int cmp_when(const void *a, const void *b)
{
    const when *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return (x->ev > y->ev) - (x->ev < y->ev);
}

/* The best story for event ei, or UINT32_MAX. */
static uint32_t best_story(sl_stories *s, uint32_t ei, int32_t day, uint32_t *seen)
{
    const sl_event *e = sl_events_at(s->events, ei);
    uint32_t keys[2 * QUERY_KEYS], cand[MAX_CAND];
    size_t nk = sl_centroid_top(&e->ents, keys, QUERY_KEYS);
    nk += sl_centroid_top(&e->terms, keys + nk, QUERY_KEYS);
    size_t nc = 0;
    for (size_t k = 0; k < nk && nc < MAX_CAND; k++) {
        size_t ng;
        const uint32_t *g = sl_postings_get(s->post, keys[k], &ng);
        for (size_t j = ng; j-- > 0 && nc < MAX_CAND;) {
            if (seen[g[j]] == ei + 1)
                continue;
            seen[g[j]] = ei + 1;
            cand[nc++] = g[j];
        }
    }
    double best = -1;
    uint32_t who = UINT32_MAX;
    for (size_t k = 0; k < nc; k++) {
        const sl_story *t = &s->st[cand[k]];
        sl_sim_parts x;
        int32_t d = day;
        if (d == SL_NO_DAY && t->last_day != SL_NO_DAY) { /* undated: read against the story */
            bool inferred;
            d = sl_event_day(s->events, e, t->last_day, &inferred);
        }
        story_parts(t, e, d, &x);
        if (x.day_gap > s->opt.window_days)
            continue;
        double p = sl_sim_p_story(&x);
        if (p > best)
            best = p, who = cand[k];
    }
    return best >= s->opt.threshold ? who : UINT32_MAX;
}

sl_stories *sl_stories_link(const sl_events *ev, const sl_stories_opts *opt)
{
    sl_stories *s = sl_xcalloc(1, sizeof *s);
    if (opt)
        s->opt = *opt;
    if (s->opt.threshold <= 0)
        s->opt.threshold = DEFAULT_THRESHOLD;
    if (s->opt.window_days <= 0)
        s->opt.window_days = DEFAULT_WINDOW;
    s->events = ev;
    size_t ne = sl_events_count(ev), n = 0;
    s->of = sl_xmalloc((ne + 1) * sizeof *s->of);
    when *w = sl_xmalloc((ne + 1) * sizeof *w);
    for (size_t i = 0; i < ne; i++) {
        s->of[i] = UINT32_MAX;
        const sl_event *e = sl_events_at(ev, i);
        if (!e->alive)
            continue;
        bool inferred;
        int32_t d = sl_event_day(ev, e, SL_NO_DAY, &inferred);
        if (inferred) /* no dated member: placed last, read against each story */
            d = SL_NO_DAY;
        w[n++] = (when){d == SL_NO_DAY ? INT64_MAX : d, (uint32_t)i, d};
    }
    qsort(w, n, sizeof *w, cmp_when);
    s->post = sl_postings_new();
    uint32_t *seen = sl_xcalloc(ne + 1, sizeof *seen);
    for (size_t k = 0; k < n; k++) {
        uint32_t si = best_story(s, w[k].ev, w[k].d, seen);
        if (si == UINT32_MAX)
            si = story_new(s);
        story_take(s, si, w[k].ev, w[k].d);
    }
    free(seen);
    free(w);
    return s;
}

void sl_stories_free(sl_stories *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->st[i].ev);
        sl_centroid_free(&s->st[i].terms);
        sl_centroid_free(&s->st[i].ents);
        sl_centroid_free(&s->st[i].nums);
    }
    free(s->st);
    free(s->of);
    sl_postings_free(s->post);
    free(s);
}

size_t sl_stories_count(const sl_stories *s) { return s->n; }
const sl_story *sl_stories_at(const sl_stories *s, size_t i) { return &s->st[i]; }

uint32_t sl_stories_of(const sl_stories *s, uint32_t e)
{
    return e < sl_events_count(s->events) ? s->of[e] : UINT32_MAX;
}
