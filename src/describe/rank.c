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

/* The site of an article: its site name, else the host of its URL. */
static void site_of(const sl_profile *p, char *out, size_t cap)
{
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

/* Is the head of copy group g among members m[0..k)?  Then member k is a
 * copy of an article already counted. */
static bool in_group(const sl_describe_ctx *c, const uint32_t *m, size_t k, const char *g)
{
    for (size_t j = 0; j < k; j++)
        if (!strcmp(sl_events_profile(c->events, m[j])->id, g))
            return true;
    return false;
}

double sl_rank(const sl_describe_ctx *c, const uint32_t *m, size_t n, int32_t newest)
{
    char (*sites)[64] = sl_xmalloc((n + 1) * sizeof *sites);
    const char *langs[32];
    size_t nsites = 0, nlangs = 0, recent = 0, dated = 0;
    int32_t last = SL_NO_DAY;
    for (size_t k = 0; k < n; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        char s[64];
        site_of(p, s, sizeof s);
        bool seen = false;
        for (size_t j = 0; j < nsites && *s && !seen; j++)
            seen = !strcmp(sites[j], s);
        if (!seen)
            memcpy(sites[nsites++], s, sizeof s);
        seen = false;
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
        originals += !g || !strcmp(g, p->id) || !in_group(c, m, k, g);
    }
    for (size_t k = 0; k < n && last != SL_NO_DAY; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        if (p->day == SL_NO_DAY)
            continue;
        dated++;
        recent += last - p->day <= 1;
    }
    free(sites);
    double score = 2.0 * log2(1.0 + (double)nsites) + 1.5 * log2(1.0 + (double)nlangs) +
                   1.0 * log2(1.0 + (double)originals);
    if (last != SL_NO_DAY && newest != SL_NO_DAY) {
        score += 2.0 * exp(-(double)(newest - last) / 3.0);
        score += dated ? (double)recent / (double)dated : 0;
    }
    return score;
}
