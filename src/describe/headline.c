/*
 * headline.c -- an event's headline: the title a reader would pick.
 *
 * Among the members that have a title, the one whose article is closest
 * to the event's centroid wins: the most representative report names the
 * event best.  Titles in the preferred language (the caller's, else the
 * event's most common one among titled members) come first.  A title is
 * only ever taken from a member, so it never belongs to another event.
 * With no titles at all, the first sentence of the most central member
 * stands in, cut at a word boundary when long.
 *
 * Tests: tests/describe/test_headline.c.
 */
#include "describe.h"

#include <string.h>

/* How central member i is to the event: its term cosine to the centroid. */
static double centrality(const sl_event *ev, const sl_profile *p)
{
    return sl_centroid_cos(&ev->terms, p->terms, p->nterms) +
           0.5 * sl_centroid_cos(&ev->ents, p->ents, p->nents);
}

/* The language most titled members are in (borrowed from a profile). */
static const char *title_lang(const sl_describe_ctx *c, const sl_event *ev)
{
    const char *best = NULL;
    uint32_t best_n = 0;
    for (uint32_t k = 0; k < ev->n; k++) {
        const sl_profile *p = sl_events_profile(c->events, ev->member[k]);
        if (!p->title)
            continue;
        uint32_t n = 0;
        for (uint32_t j = 0; j < ev->n; j++) {
            const sl_profile *q = sl_events_profile(c->events, ev->member[j]);
            n += q->title && !strcmp(q->lang, p->lang);
        }
        if (n > best_n)
            best_n = n, best = p->lang;
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

const char *sl_describe_headline(const sl_describe_ctx *c, const sl_event *ev,
                                 const char *lang, char *buf, size_t cap)
{
    const char *want = lang && *lang ? lang : title_lang(c, ev);
    const sl_profile *best = NULL, *central = NULL;
    double best_s = -1, central_s = -1;
    for (uint32_t k = 0; k < ev->n; k++) {
        const sl_profile *p = sl_events_profile(c->events, ev->member[k]);
        double s = centrality(ev, p);
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
