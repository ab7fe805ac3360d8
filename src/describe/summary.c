/*
 * summary.c -- a few sentences that say what a story says.
 *
 * Extractive and cross-lingual.  Candidates are the first sentences of
 * the group's most central articles (news puts what matters first), one
 * article per source at most, so the summary draws on several outlets.
 * Each candidate gets a term vector in the shared space (profile.c), so a
 * German and an English sentence saying the same thing are close.  Then
 * maximal marginal relevance: repeatedly take the sentence most central to
 * the group (cosine to its term centroid) minus its closeness to what was
 * already taken; a sentence too close to a taken one (cosine >= REDUNDANT,
 * a cross-language cosine counted CROSS times, since word-by-word
 * translation loses half the shared words) is never taken, and taking a second sentence from
 * an article already used costs a little.  The chosen ones are printed in
 * the order their articles appeared (and, within one, in text order).
 *
 * A group of one article is its lead: its first sentences, no scoring.
 *
 * Tests: tests/describe/test_summary.c.
 */
#include "describe.h"

#include <stdlib.h>
#include <string.h>

enum {
    MAX_ARTICLES = 8,   /* most central articles whose sentences compete */
    PER_ARTICLE = 4,    /* first sentences of each */
    SENT_TERMS = 32,
    MIN_LEN = 30,       /* bytes: shorter is a caption or a dateline */
    MAX_LEN = 500
};

#define REDUNDANT 0.45
#define CROSS 2.0 /* cross-language cosines count this much more */
#define LAMBDA 0.7
#define SAME_ARTICLE 0.08
#define OTHER_LANG 0.15

typedef struct {
    const sl_profile *p;
    uint32_t order;  /* article rank in time, then sentence position */
    uint32_t off, len;
    sl_feat v[SENT_TERMS];
    uint8_t nv;
    double central;
    bool taken;
} cand;

typedef struct {
    uint32_t m;
    double c;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    double x = ((const ranked *)a)->c, y = ((const ranked *)b)->c;
    return (x < y) - (x > y);
}

static bool same_site(const sl_profile *a, const sl_profile *b)
{
    return a->site && b->site && !strcmp(a->site, b->site);
}

/* The most central members, one per site, at most MAX_ARTICLES. */
static size_t central_members(const sl_describe_ctx *c, const uint32_t *m, size_t n,
                              const sl_centroid *terms, uint32_t *out)
{
    ranked *r = sl_xmalloc((n + 1) * sizeof *r);
    for (size_t k = 0; k < n; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        r[k] = (ranked){m[k], sl_centroid_cos(terms, p->terms, p->nterms)};
    }
    qsort(r, n, sizeof *r, cmp_ranked);
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_ARTICLES; i++) {
        const sl_profile *p = sl_events_profile(c->events, r[i].m);
        bool dup = false;
        for (size_t j = 0; j < k && !dup; j++)
            dup = same_site(p, sl_events_profile(c->events, out[j]));
        if (!dup)
            out[k++] = r[i].m;
    }
    free(r);
    return k;
}

static size_t gather(const sl_describe_ctx *c, const uint32_t *arts, size_t na,
                     const sl_centroid *terms, cand *out)
{
    size_t k = 0;
    for (size_t a = 0; a < na; a++) {
        const sl_profile *p = sl_events_profile(c->events, arts[a]);
        sl_span sp[PER_ARTICLE];
        size_t ns = sl_sentences(p->lead, strlen(p->lead), sp, PER_ARTICLE);
        for (size_t i = 0; i < ns; i++) {
            if (sp[i].len < MIN_LEN || sp[i].len > MAX_LEN)
                continue;
            cand *x = &out[k];
            memset(x, 0, sizeof *x);
            x->p = p;
            x->order = (uint32_t)(arts[a] * PER_ARTICLE + i);
            x->off = sp[i].off;
            x->len = sp[i].len;
            x->nv = (uint8_t)sl_profile_text_vector(c->engine, c->df, p->lang, p->lead + x->off,
                                                    x->len, x->v, SENT_TERMS);
            x->central = sl_centroid_cos(terms, x->v, x->nv);
            k++;
        }
    }
    return k;
}

size_t sl_summarize(const sl_describe_ctx *c, const uint32_t *members, size_t n,
                    const sl_centroid *terms, const char *lang, sl_summary_line *out,
                    size_t max)
{
    uint32_t arts[MAX_ARTICLES];
    size_t na = central_members(c, members, n, terms, arts);
    cand *cs = sl_xmalloc((MAX_ARTICLES * PER_ARTICLE + 1) * sizeof *cs);
    size_t nc = gather(c, arts, na, terms, cs), k = 0;
    uint32_t order[16];
    while (k < max && k < 16) {
        double best = -1e9;
        size_t who = nc;
        for (size_t i = 0; i < nc; i++) {
            if (cs[i].taken)
                continue;
            double close = 0;
            bool used = false;
            for (size_t j = 0; j < nc; j++) {
                if (!cs[j].taken)
                    continue;
                double s = sl_feat_dot(cs[i].v, cs[i].nv, cs[j].v, cs[j].nv);
                if (strcmp(cs[i].p->lang, cs[j].p->lang) != 0)
                    s *= CROSS; /* translation loses words: the same thing scores lower */
                close = s > close ? s : close;
                used |= cs[j].p == cs[i].p;
            }
            if (close >= REDUNDANT)
                continue;
            double v = cs[i].central - LAMBDA * close - (used ? SAME_ARTICLE : 0) -
                       (lang && *lang && strcmp(cs[i].p->lang, lang) ? OTHER_LANG : 0);
            if (na == 1) /* one article: its lead, in order */
                v = -(double)cs[i].order;
            if (v > best)
                best = v, who = i;
        }
        if (who == nc)
            break;
        cs[who].taken = true;
        order[k++] = (uint32_t)who;
    }
    for (size_t i = 0; i < k; i++) {
        const cand *x = &cs[order[i]];
        out[i].text = sl_xstrndup(x->p->lead + x->off, x->len);
        out[i].from = x->p;
    }
    free(cs);
    return k;
}
