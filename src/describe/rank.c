/*
 * rank.c -- how important an event or a story is now.
 *
 *   score = 2.0 log2(1 + sources) + 1.5 log2(1 + languages)
 *         + 1.0 log2(1 + articles) + 2.0 recency + 1.0 growth
 *
 * articles count each copy group once (src/dedup/: a wire story reposted
 * on five sites is one article here, though five sources);
 * sources are distinct sites (an article with no known site counts as a
 * source of its own), so twenty reposts of one wire story on one site
 * weigh as one; languages are distinct languages; recency is
 * exp(-age / 3 days), the age counted from the group's newest article to
 * the newest article in the index (a stream's "now"); growth is the share
 * of its articles from the last two days of that span, so a story that is
 * still being written about rises.  Logarithms, because the tenth source
 * adds less than the second.  Undated groups get no recency or growth.
 *
 * Tests: tests/describe/test_rank.c.
 */
#include "describe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

void sl_describe_site(const sl_profile *p, sl_site out)
{
    const size_t cap = sizeof(sl_site);
    out[0] = '\0';
    if (p->site && *p->site) {
        snprintf(out, cap, "%s", p->site);
        return;
    }
    if (!p->url)
        return;
    const char *h = strstr(p->url, "://");
    h = h ? h + 3 : p->url;
    size_t n = strcspn(h, "/?#");
    if (n >= cap)
        n = cap - 1;
    memcpy(out, h, n);
    out[n] = '\0';
}

/* A set of strings (borrowed), to count distinct ones in one pass: a big
 * story has tens of thousands of articles, and comparing each with every
 * one before it would cost their square.  Open addressing on the hash. */
typedef struct {
    const char **s;
    size_t mask;
} strset;

static void strset_init(strset *t, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    t->s = sl_xcalloc(cap, sizeof *t->s);
    t->mask = cap - 1;
}

/* The slot of s: where it is, or the empty one where it would go. */
static size_t strset_slot(const strset *t, const char *s)
{
    size_t i = (size_t)XXH3_64bits(s, strlen(s)) & t->mask;
    while (t->s[i] && strcmp(t->s[i], s))
        i = (i + 1) & t->mask;
    return i;
}

static bool strset_has(const strset *t, const char *s) { return t->s[strset_slot(t, s)]; }

/* Adds s (at most n of the init's strings); true if it was not there. */
static bool strset_add(strset *t, const char *s)
{
    size_t i = strset_slot(t, s);
    if (t->s[i])
        return false;
    t->s[i] = s;
    return true;
}

sl_site *sl_describe_sites(const sl_describe_ctx *c, const uint32_t *m, size_t n,
                           size_t *named, size_t *unnamed)
{
    sl_site *sites = sl_xmalloc((n + 1) * sizeof *sites);
    strset set;
    strset_init(&set, n);
    *named = *unnamed = 0;
    for (size_t k = 0; k < n; k++) {
        sl_describe_site(sl_events_profile(c->events, m[k]), sites[*named]);
        if (!*sites[*named])
            ++*unnamed;
        else if (strset_add(&set, sites[*named]))
            ++*named;
    }
    free(set.s);
    return sites;
}

double sl_rank(const sl_describe_ctx *c, const uint32_t *m, size_t n, int32_t newest)
{
    size_t named, unnamed;
    free(sl_describe_sites(c, m, n, &named, &unnamed));
    size_t nsites = named + unnamed; /* an article of no known site: a source of its own */
    strset ids;
    strset_init(&ids, n);
    const char *langs[32];
    size_t nlangs = 0, recent = 0, dated = 0;
    int32_t last = SL_NO_DAY;
    for (size_t k = 0; k < n; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        bool seen = false;
        for (size_t j = 0; j < nlangs && !seen; j++)
            seen = !strcmp(langs[j], p->lang);
        if (!seen && nlangs < 32)
            langs[nlangs++] = p->lang;
        if (p->day != SL_NO_DAY && (last == SL_NO_DAY || p->day > last))
            last = p->day;
    }
    size_t originals = 0; /* articles that copy none before them here */
    for (size_t k = 0; k < n; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        const char *g = c->copies ? sl_dedup_group_of(c->copies, p->id, NULL) : NULL;
        originals += !g || !strcmp(g, p->id) || !strset_has(&ids, g);
        strset_add(&ids, p->id); /* members before the next one */
    }
    for (size_t k = 0; k < n && last != SL_NO_DAY; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        if (p->day == SL_NO_DAY)
            continue;
        dated++;
        recent += last - p->day <= 1;
    }
    free(ids.s);
    double score = 2.0 * log2(1.0 + (double)nsites) + 1.5 * log2(1.0 + (double)nlangs) +
                   1.0 * log2(1.0 + (double)originals);
    if (last != SL_NO_DAY && newest != SL_NO_DAY) {
        score += 2.0 * exp(-(double)(newest - last) / 3.0);
        score += dated ? (double)recent / (double)dated : 0;
    }
    return score;
}
