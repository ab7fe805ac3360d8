/*
 * headline.c -- an event's headline: the title a reader would pick.
 *
 * Among the members that have a title, the one whose article is closest
 * to the event's centroid wins: the most representative report names the
 * event best.  Titles in the preferred language come first: the caller's,
 * else the language most of the group's articles are in, among those that
 * have a title at all.  A title is
 * only ever taken from a member, so it never belongs to another event.
 * With no titles at all, the first sentence of the most central member
 * stands in, cut at a word boundary when long.
 *
 * Tests: tests/describe/test_headline.c.
 */
#include "describe.h"

#include <string.h>

/* The group's most common language among those that have a titled
 * member (borrowed from a profile), or NULL if no member has a title. */
static const char *title_lang(const sl_describe_ctx *c, const uint32_t *m, size_t n)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t k = 0; k < n && k < 256; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        if (!p->title || (best && !strcmp(best, p->lang)))
            continue;
        size_t same = 0;
        for (size_t j = 0; j < n; j++)
            same += !strcmp(sl_events_profile(c->events, m[j])->lang, p->lang);
        if (same > best_n)
            best_n = same, best = p->lang;
    }
    return best;
}

const char *sl_describe_first_sentence(const char *s, char *buf, size_t cap)
{
    size_t n = 0, end = 0;
    while (s[n] && s[n] != '\n' && n + 1 < cap) {
        char ch = s[n];
        if ((ch == '.' || ch == '!' || ch == '?') && n >= 20 &&
            (s[n + 1] == ' ' || s[n + 1] == '\0' || s[n + 1] == '\n')) {
            end = n + 1;
            break;
        }
        if (!strncmp(s + n, "\xE3\x80\x82", 3) && n >= 6) { /* 。 */
            end = n + 3;
            break;
        }
        n++;
    }
    if (!end) {
        end = n;
        if (s[n] && s[n] != '\n') /* too long: cut at a space */
            while (end > cap / 2 && s[end] != ' ')
                end--;
        while (end && ((unsigned char)s[end] & 0xC0) == 0x80)
            end--;
    }
    memcpy(buf, s, end);
    buf[end] = '\0';
    return buf;
}

const char *sl_describe_headline(const sl_describe_ctx *c, const uint32_t *m, size_t n,
                                 const sl_centroid *terms, const sl_centroid *ents,
                                 const char *lang, char *buf, size_t cap)
{
    const char *want = lang && *lang ? lang : title_lang(c, m, n);
    const sl_profile *best = NULL, *central = NULL;
    double best_s = -1e9, central_s = -1e9;
    for (size_t k = 0; k < n; k++) {
        const sl_profile *p = sl_events_profile(c->events, m[k]);
        double s = sl_centroid_cos(terms, p->terms, p->nterms) +
                   0.5 * sl_centroid_cos(ents, p->ents, p->nents);
        if (s > central_s)
            central_s = s, central = p;
        if (!p->title)
            continue;
        if (want && strcmp(p->lang, want) != 0)
            s -= 10; /* another language: only if none in 'want' */
        if (s > best_s)
            best_s = s, best = p;
    }
    if (best)
        return best->title;
    return central ? sl_describe_first_sentence(central->lead, buf, cap) : "";
}
