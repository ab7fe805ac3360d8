/*
 * test_events.c -- the cluster stage: centroids, the candidate index,
 * online events (joining, the window, stable ids, removal, restoring) and
 * story linking.
 *
 * Profiles are made by hand here: a few named features with weights, so
 * each case shows exactly what the articles share.
 */
#include "cluster/cluster.h"
#include "test.h"

#include <math.h>

/* A profile with the given term keys (equal weights, unit length), name
 * keys, day and language. */
static sl_profile *prof(const char *id, const uint32_t *terms, size_t nt, const uint32_t *ents,
                        size_t ne, int32_t day, const char *lang)
{
    sl_article a = {0};
    a.id = (char *)id; /* only read */
    sl_draft d = {0};
    d.told_day = SL_NO_DAY;
    sl_profile *p = sl_profile_new(&a, &d);
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    p->day = day;
    p->day_prec = day == SL_NO_DAY ? SL_DATE_NONE : SL_DATE_DAY;
    for (size_t i = 0; i < nt; i++)
        p->terms[i] = (sl_feat){terms[i], (float)(1 / sqrt((double)nt))};
    p->nterms = (uint8_t)nt;
    for (size_t i = 0; i < ne; i++)
        p->ents[i] = (sl_feat){ents[i], (float)(1 / sqrt((double)ne))};
    p->nents = (uint8_t)ne;
    return p;
}

/* The centroid keeps the features members share and drops the odd ones. */
static void centroid_keeps_what_members_share(void)
{
    sl_centroid c;
    sl_centroid_init(&c, 3);
    sl_feat a[] = {{1, 1}, {2, 1}}, b[] = {{1, 1}, {3, 0.1f}}, d[] = {{1, 1}, {2, 1}, {4, 0.2f}};
    sl_centroid_add(&c, a, 2, 1);
    sl_centroid_add(&c, b, 2, 1);
    sl_centroid_add(&c, d, 3, 1);
    uint32_t top[3];
    size_t n = sl_centroid_top(&c, top, 3);
    CHECK_INT(n, 3);
    CHECK_INT(top[0], 1);
    CHECK_INT(top[1], 2);
    sl_feat q[] = {{1, 1}};
    CHECK(sl_centroid_cos(&c, q, 1) > 0.7);
    sl_centroid_free(&c);
}

/* Past its size, a centroid keeps its heaviest features -- ties at the cut
 * to the first by key -- exactly as sorting by weight, cutting and sorting
 * by key again would (the reference here). */
static void centroid_cut_is_the_heaviest_ties_by_key(void)
{
    enum { MAX = 8 };
    sl_centroid c;
    sl_centroid_init(&c, MAX);
    sl_feat ref[64];
    size_t nref = 0;
    unsigned seed = 7;
    bool same = true;
    for (int round = 0; round < 300 && same; round++) {
        sl_feat m[6];
        size_t nm = 0;
        for (uint32_t key = 1; key <= 30 && nm < 6; key++) {
            seed = seed * 1103515245u + 12345u;
            if ((seed >> 16) % 5 == 0) /* quarter weights: many ties */
                m[nm++] = (sl_feat){key, (float)((seed >> 8) % 4 + 1) / 4};
        }
        sl_centroid_add(&c, m, nm, 1);
        for (size_t k = 0; k < nm; k++) {
            size_t i = 0;
            while (i < nref && ref[i].key != m[k].key)
                i++;
            if (i == nref)
                ref[nref++] = (sl_feat){m[k].key, 0};
            ref[i].w += m[k].w;
        }
        sl_feat_sort_key(ref, nref);
        if (nref > MAX) {
            sl_feat_sort_weight(ref, nref);
            nref = MAX;
            sl_feat_sort_key(ref, nref);
        }
        same = c.n == nref;
        for (size_t i = 0; same && i < nref; i++)
            same = c.f[i].key == ref[i].key && c.f[i].w == ref[i].w;
    }
    CHECK(same);
    CHECK_INT(c.n, MAX);
    sl_centroid_free(&c);
}

/* A busy key remembers only the newest groups. */
static void postings_keep_the_newest(void)
{
    sl_postings *x = sl_postings_new();
    for (uint32_t g = 0; g < SL_POSTINGS_MAX + 10; g++)
        sl_postings_add(x, 42, g);
    size_t n;
    const uint32_t *g = sl_postings_get(x, 42, &n);
    CHECK_INT(n, SL_POSTINGS_MAX);
    CHECK_INT(g[0], 10);
    CHECK_INT(g[n - 1], SL_POSTINGS_MAX + 9);
    CHECK(sl_postings_get(x, 7, &n) == NULL && n == 0);
    sl_postings_free(x);
}

static const uint32_t QUAKE[] = {101, 102, 103, 104}, QUAKE_NAMES[] = {201, 202};
static const uint32_t VOTE[] = {301, 302, 303, 304}, VOTE_NAMES[] = {401, 402};

/* Reports of one happening join one event; another happening starts its
 * own; adding more later never renames the first. */
static void events_form_and_keep_their_ids(void)
{
    sl_events *c = sl_events_new(NULL);
    sl_profile *p[4] = {
        prof("q1", QUAKE, 4, QUAKE_NAMES, 2, 100, "en"),
        prof("q2", QUAKE, 4, QUAKE_NAMES, 2, 100, "en"),
        prof("v1", VOTE, 4, VOTE_NAMES, 2, 101, "en"),
        prof("q3", QUAKE, 4, QUAKE_NAMES, 2, 101, "de"),
    };
    uint32_t e0 = sl_events_add(c, p[0]);
    uint32_t id0 = sl_events_at(c, e0)->id;
    CHECK_INT(sl_events_add(c, p[1]), e0);
    uint32_t e2 = sl_events_add(c, p[2]);
    CHECK(e2 != e0);
    CHECK_INT(sl_events_add(c, p[3]), e0);
    CHECK_INT(sl_events_at(c, e0)->id, id0);
    CHECK_INT(sl_events_at(c, e0)->n, 3);
    CHECK_STR(sl_events_at(c, e0)->langs, "en de");
    sl_events_merge(c);
    CHECK_INT(sl_events_at(c, e0)->id, id0);
    CHECK(sl_events_at(c, e2)->alive);
    sl_events_free(c);
    for (int i = 0; i < 4; i++)
        sl_profile_free(p[i]);
}

/* A report more than the window after an event's last one starts a new
 * event, however alike. */
static void the_window_ends_an_event(void)
{
    sl_events_opts o = {0, 7};
    sl_events *c = sl_events_new(&o);
    sl_profile *a = prof("a", QUAKE, 4, QUAKE_NAMES, 2, 100, "en");
    sl_profile *b = prof("b", QUAKE, 4, QUAKE_NAMES, 2, 130, "en");
    uint32_t ea = sl_events_add(c, a), eb = sl_events_add(c, b);
    sl_events_merge(c);
    CHECK(ea != eb);
    CHECK(sl_events_at(c, ea)->alive && sl_events_at(c, eb)->alive);
    sl_events_free(c);
    sl_profile_free(a);
    sl_profile_free(b);
}

/* Three reports dated within a day show an event's burst: a fourth, just
 * as alike but five days on, reports something since and starts an event
 * of its own, which the merge pass leaves apart once it is a burst too.
 * Reports that come day after day stretch the burst and stay one event. */
static void a_burst_ends_an_event_sooner(void)
{
    sl_events *c = sl_events_new(NULL);
    const int32_t burst[] = {100, 100, 101, 106, 106, 107};
    sl_profile *p[6];
    uint32_t ev[6];
    for (int i = 0; i < 6; i++) {
        char id[16];
        snprintf(id, sizeof id, "b%d", i);
        p[i] = prof(id, QUAKE, 4, QUAKE_NAMES, 2, burst[i], "en");
        ev[i] = sl_events_add(c, p[i]);
    }
    CHECK_INT(ev[1], ev[0]);
    CHECK_INT(ev[2], ev[0]);
    CHECK(ev[3] != ev[0]);
    CHECK_INT(ev[4], ev[3]);
    CHECK_INT(ev[5], ev[3]);
    sl_events_merge(c);
    CHECK(sl_events_at(c, ev[0])->alive && sl_events_at(c, ev[3])->alive);
    sl_events_free(c);

    c = sl_events_new(NULL); /* one report a day for a week */
    sl_profile *d[7];
    uint32_t first = 0;
    for (int i = 0; i < 7; i++) {
        char id[16];
        snprintf(id, sizeof id, "d%d", i);
        d[i] = prof(id, QUAKE, 4, QUAKE_NAMES, 2, 100 + i, "en");
        uint32_t e = sl_events_add(c, d[i]);
        if (i == 0)
            first = e;
        CHECK_INT(e, first);
    }
    sl_events_free(c);
    for (int i = 0; i < 6; i++)
        sl_profile_free(p[i]);
    for (int i = 0; i < 7; i++)
        sl_profile_free(d[i]);
}

/* Removing a member rebuilds its event; removing the last one ends it;
 * restoring puts a profile straight into the event with a given id. */
static void remove_and_restore(void)
{
    sl_events *c = sl_events_new(NULL);
    sl_profile *a = prof("a", QUAKE, 4, QUAKE_NAMES, 2, 100, "en");
    sl_profile *b = prof("b", QUAKE, 4, QUAKE_NAMES, 2, 101, "fr");
    sl_profile *r = prof("r", VOTE, 4, VOTE_NAMES, 2, 100, "en");
    uint32_t e = sl_events_add(c, a);
    sl_events_add(c, b);
    sl_events_remove(c, 1);
    CHECK_INT(sl_events_at(c, e)->n, 1);
    CHECK_STR(sl_events_at(c, e)->langs, "en");
    CHECK_INT(sl_events_id_of(c, 1), 0);
    sl_events_remove(c, 0);
    CHECK(!sl_events_at(c, e)->alive);
    uint32_t er = sl_events_put(c, r, 57);
    CHECK_INT(sl_events_at(c, er)->id, 57);
    CHECK_INT(sl_events_id_of(c, 2), 57);
    sl_profile *q = prof("q", QUAKE, 4, QUAKE_NAMES, 2, 100, "en");
    uint32_t eq = sl_events_add(c, q); /* a new event after a restored id */
    CHECK(sl_events_at(c, eq)->id > 57);
    sl_events_free(c);
    sl_profile_free(a);
    sl_profile_free(b);
    sl_profile_free(r);
    sl_profile_free(q);
}

/* Two events weeks apart that share their names and subject are one
 * story; an unrelated event is another. */
static void stories_link_events_over_weeks(void)
{
    sl_events *c = sl_events_new(NULL);
    uint32_t later[] = {101, 102, 103, 105};
    sl_profile *p[3] = {
        prof("a", QUAKE, 4, QUAKE_NAMES, 2, 100, "en"),
        prof("b", later, 4, QUAKE_NAMES, 2, 130, "en"),
        prof("v", VOTE, 4, VOTE_NAMES, 2, 110, "en"),
    };
    uint32_t ea = sl_events_add(c, p[0]), eb = sl_events_add(c, p[1]), ev = sl_events_add(c, p[2]);
    CHECK(ea != eb);
    sl_stories *s = sl_stories_link(c, NULL);
    CHECK_INT(sl_stories_of(s, ea), sl_stories_of(s, eb));
    CHECK(sl_stories_of(s, ev) != sl_stories_of(s, ea));
    const sl_story *st = sl_stories_at(s, sl_stories_of(s, ea));
    CHECK_INT(st->id, sl_events_at(c, ea)->id); /* the older event names it */
    sl_stories_free(s);
    sl_events_free(c);
    for (int i = 0; i < 3; i++)
        sl_profile_free(p[i]);
}

int main(void)
{
    RUN(centroid_keeps_what_members_share);
    RUN(centroid_cut_is_the_heaviest_ties_by_key);
    RUN(postings_keep_the_newest);
    RUN(events_form_and_keep_their_ids);
    RUN(the_window_ends_an_event);
    RUN(a_burst_ends_an_event_sooner);
    RUN(remove_and_restore);
    RUN(stories_link_events_over_weeks);
    return test_done();
}
