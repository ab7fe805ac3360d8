/*
 * stories.c -- what each story says, as JSON or as a digest for people.
 *
 * A story is described from its events: the headline is the most central
 * real title among all its articles (headline.c), the summary a few
 * sentences from several sources (summary.c), the timeline one line per
 * event with its day (sl_event_day: the reports' own dates, or, marked
 * inferred, the day they mention) and its headline, the entities the
 * strongest names of its centroid with the number of its articles that
 * name them, the languages and sources, the span of dates, and an
 * importance score (rank.c).  Undated articles get a date too, inferred
 * from their event's day (or the day they mention), and marked so.
 *
 * Stories are listed most important first; a query filters them by
 * language, recency and number.
 *
 * Tests: tests/cli/test_stories.sh.
 */
#include "describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const sl_story *st;
    uint32_t *members; /* profile numbers of all its articles, owned */
    size_t n;
    double score;
} row;

static int cmp_rows(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->st->id > y->st->id) - (x->st->id < y->st->id);
}

static void day_str(int32_t day, char out[11])
{
    if (day == SL_NO_DAY) {
        out[0] = '\0';
        return;
    }
    int y, m, d;
    sl_date_from_days(day, &y, &m, &d);
    sl_date_format((sl_date){y, m, d, SL_DATE_DAY}, out);
}

static void put_day(sl_buf *b, int32_t day)
{
    char s[11];
    day_str(day, s);
    if (*s)
        sl_buf_printf(b, "\"%s\"", s);
    else
        sl_buf_puts(b, "null");
}

static bool has_lang(const char *langs, const char *lang)
{
    size_t n = strlen(lang);
    for (const char *s = langs; (s = strstr(s, lang)) != NULL; s += n)
        if ((s == langs || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

static void collect(const sl_describe_ctx *c, const sl_story *st, row *r)
{
    size_t n = 0;
    for (uint32_t k = 0; k < st->n; k++)
        n += sl_events_at(c->events, st->ev[k])->n;
    r->members = sl_xmalloc((n + 1) * sizeof *r->members);
    r->n = 0;
    for (uint32_t k = 0; k < st->n; k++) {
        const sl_event *e = sl_events_at(c->events, st->ev[k]);
        memcpy(r->members + r->n, e->member, e->n * sizeof *e->member);
        r->n += e->n;
    }
    r->st = st;
}

/* ---- the parts of a story ------------------------------------------------------ */

typedef struct {
    int32_t day;
    bool inferred;
    uint32_t ev;
} tl_row;

static int cmp_tl(const void *a, const void *b)
{
    const tl_row *x = a, *y = b;
    int64_t dx = x->day == SL_NO_DAY ? INT64_MAX : x->day, dy = y->day == SL_NO_DAY ? INT64_MAX : y->day;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return (x->ev > y->ev) - (x->ev < y->ev);
}

/* The timeline: each event's day, and for an event with no dated member
 * the day its articles point to when read against the day of the story's
 * dated event closest to it in content (anchor.c). */
static size_t timeline(const sl_describe_ctx *c, const sl_story *st, tl_row *out)
{
    for (uint32_t k = 0; k < st->n; k++) {
        const sl_event *e = sl_events_at(c->events, st->ev[k]);
        out[k].day = sl_event_day(c->events, e, SL_NO_DAY, &out[k].inferred);
        out[k].ev = st->ev[k];
    }
    for (uint32_t k = 0; k < st->n; k++) {
        if (!out[k].inferred)
            continue;
        const sl_event *e = sl_events_at(c->events, out[k].ev);
        double best = -1;
        int32_t ref = SL_NO_DAY;
        for (uint32_t j = 0; j < st->n; j++) {
            if (out[j].inferred || out[j].day == SL_NO_DAY)
                continue;
            double s = sl_centroid_cos2(&e->terms, &sl_events_at(c->events, out[j].ev)->terms);
            if (s > best)
                best = s, ref = out[j].day;
        }
        if (ref != SL_NO_DAY)
            out[k].day = sl_event_day(c->events, e, ref, &out[k].inferred);
    }
    qsort(out, st->n, sizeof *out, cmp_tl);
    return st->n;
}

/* The first and last day of a story's timeline (inferred days included). */
static void span(const sl_describe_ctx *c, const sl_story *st, int32_t *first, int32_t *last)
{
    tl_row *tl = sl_xmalloc((st->n + 1) * sizeof *tl);
    size_t n = timeline(c, st, tl);
    *first = *last = SL_NO_DAY;
    for (size_t i = 0; i < n; i++) {
        if (tl[i].day == SL_NO_DAY)
            continue;
        if (*first == SL_NO_DAY || tl[i].day < *first)
            *first = tl[i].day;
        if (*last == SL_NO_DAY || tl[i].day > *last)
            *last = tl[i].day;
    }
    free(tl);
}

/* The last event whose day article_day() worked out: a story's articles
 * come event by event, and an event's day costs a pass over its members. */
typedef struct {
    uint32_t ev;
    int32_t day;
} day_memo;

/* The day an article is placed at: its own, else its event's (inferred). */
static int32_t article_day(const sl_describe_ctx *c, const sl_profile *p, uint32_t pi,
                           bool *inferred, day_memo *memo)
{
    *inferred = false;
    if (p->day != SL_NO_DAY)
        return p->day;
    *inferred = true;
    uint32_t ev = sl_events_of(c->events, pi);
    if (ev != UINT32_MAX && ev != memo->ev) {
        bool inf;
        memo->ev = ev;
        memo->day = sl_event_day(c->events, sl_events_at(c->events, ev), SL_NO_DAY, &inf);
    }
    int32_t d = ev != UINT32_MAX ? memo->day : SL_NO_DAY;
    return d != SL_NO_DAY ? d : p->told_day;
}

typedef struct {
    const char *name;
    size_t count;
} named;

static int cmp_named(const void *a, const void *b)
{
    const named *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The story's names: the strongest name keys of its centroid, each shown
 * by its readable form (the whole name it was first seen in) with the
 * number of articles that name it; a name two keys share is shown once;
 * most named first. */
static void put_entities(sl_buf *b, const sl_describe_ctx *c, const sl_story *st, const row *r,
                         bool text)
{
    uint32_t keys[24];
    named v[24];
    size_t nk = sl_centroid_top(&st->ents, keys, 24), nv = 0;
    for (size_t i = 0; i < nk; i++) {
        const char *name = sl_vocab_get(c->vocab, keys[i]);
        if (!name)
            continue;
        size_t count = 0;
        for (size_t k = 0; k < r->n; k++) {
            const sl_profile *p = sl_events_profile(c->events, r->members[k]);
            for (size_t j = 0; j < p->nents; j++)
                count += p->ents[j].key == keys[i];
        }
        size_t j = 0;
        while (j < nv && strcmp(v[j].name, name) != 0)
            j++;
        if (j == nv)
            v[nv++] = (named){name, count};
        else if (count > v[j].count)
            v[j].count = count;
    }
    qsort(v, nv, sizeof *v, cmp_named);
    if (nv > 10)
        nv = 10;
    if (!text)
        sl_buf_putc(b, '[');
    for (size_t i = 0; i < nv; i++) {
        if (text) {
            sl_buf_printf(b, "%s%s (%zu)", i ? ", " : "", v[i].name, v[i].count);
        } else {
            sl_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
            sl_buf_json_str(b, v[i].name);
            sl_buf_printf(b, ",\"count\":%zu}", v[i].count);
        }
    }
    if (!text)
        sl_buf_putc(b, ']');
}

/* The story's named sources, as a JSON array or (text) a comma list; their
 * number in *count. */
static void put_sources(sl_buf *b, const sl_describe_ctx *c, const row *r, bool text,
                        size_t *count)
{
    size_t unnamed;
    sl_site *sites = sl_describe_sites(c, r->members, r->n, count, &unnamed);
    if (!text)
        sl_buf_putc(b, '[');
    for (size_t k = 0; k < *count; k++) {
        if (text) {
            sl_buf_printf(b, "%s%s", k ? ", " : "", sites[k]);
        } else {
            if (k)
                sl_buf_putc(b, ',');
            sl_buf_json_str(b, sites[k]);
        }
    }
    if (!text)
        sl_buf_putc(b, ']');
    free(sites);
}

static void put_langs(sl_buf *b, const char *langs)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", langs);
    sl_buf_putc(b, '[');
    int k = 0;
    char *save;
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (k++)
            sl_buf_putc(b, ',');
        sl_buf_json_str(b, t);
    }
    sl_buf_putc(b, ']');
}

/* ---- one story ----------------------------------------------------------------- */

/* Which of r's articles to list when at most 'max' are: one of each site
 * first (an article that names none counts as a site of its own, as in
 * ranking), then the rest, in the story's order either way.  Stores their
 * positions in r->members, ascending, in pick; returns how many. */
static size_t pick_articles(const sl_describe_ctx *c, const row *r, size_t max, size_t *pick)
{
    if (max >= r->n) { /* all: no site needed (and none compared with thousands) */
        for (size_t k = 0; k < r->n; k++)
            pick[k] = k;
        return r->n;
    }
    bool *taken = sl_xcalloc(r->n + 1, sizeof *taken);
    sl_site *site = sl_xmalloc(max * sizeof *site);
    size_t n = 0;
    for (size_t k = 0; k < r->n && n < max; k++) {
        sl_describe_site(sl_events_profile(c->events, r->members[k]), site[n]);
        bool seen = false;
        for (size_t j = 0; j < n && *site[n] && !seen; j++)
            seen = !strcmp(site[j], site[n]);
        if (!seen)
            taken[k] = true, n++;
    }
    for (size_t k = 0; k < r->n && n < max; k++) /* then the rest */
        if (!taken[k])
            taken[k] = true, n++;
    n = 0;
    for (size_t k = 0; k < r->n; k++)
        if (taken[k])
            pick[n++] = k;
    free(site);
    free(taken);
    return n;
}

static void put_story_json(sl_buf *b, const sl_describe_ctx *c, const row *r, const sl_query *q)
{
    const sl_story *st = r->st;
    const char *lang = q ? q->lang : NULL;
    char buf[512];
    sl_buf_printf(b, "{\"id\":\"s%u\",\"headline\":", st->id);
    sl_buf_json_str(b, sl_describe_headline(c, r->members, r->n, &st->terms, &st->ents, lang, buf,
                                            sizeof buf));
    sl_buf_puts(b, ",\"summary\":[");
    sl_summary_line lines[5];
    size_t nl = sl_summarize(c, r->members, r->n, &st->terms, lang, lines, 5);
    for (size_t i = 0; i < nl; i++) {
        sl_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        sl_buf_json_str(b, lines[i].text);
        sl_buf_puts(b, ",\"article\":");
        sl_buf_json_str(b, lines[i].from->id);
        sl_buf_puts(b, ",\"lang\":");
        sl_buf_json_str(b, lines[i].from->lang);
        sl_buf_putc(b, '}');
        free(lines[i].text);
    }
    sl_buf_puts(b, "],\"entities\":");
    put_entities(b, c, st, r, false);
    sl_buf_puts(b, ",\"languages\":");
    put_langs(b, st->langs);
    size_t nsrc;
    sl_buf_puts(b, ",\"sources\":");
    put_sources(b, c, r, false, &nsrc);
    int32_t first, last;
    span(c, st, &first, &last);
    sl_buf_puts(b, ",\"dates\":{\"first\":");
    put_day(b, first);
    sl_buf_puts(b, ",\"last\":");
    put_day(b, last);
    sl_buf_puts(b, "},\"timeline\":[");
    tl_row *tl = sl_xmalloc((st->n + 1) * sizeof *tl);
    size_t nt = timeline(c, st, tl);
    for (size_t i = 0; i < nt; i++) {
        const sl_event *e = sl_events_at(c->events, tl[i].ev);
        sl_buf_puts(b, i ? ",{\"date\":" : "{\"date\":");
        put_day(b, tl[i].day);
        sl_buf_printf(b, ",\"precision\":\"%s\",\"inferred\":%s,\"event\":\"e%u\",\"headline\":",
                      tl[i].day == SL_NO_DAY ? "none" : "day", tl[i].inferred ? "true" : "false",
                      e->id);
        sl_buf_json_str(b, sl_describe_headline(c, e->member, e->n, &e->terms, &e->ents, lang, buf,
                                                sizeof buf));
        sl_buf_putc(b, '}');
    }
    sl_buf_puts(b, "],\"events\":[");
    for (size_t i = 0; i < nt; i++)
        sl_buf_printf(b, "%s\"e%u\"", i ? "," : "", sl_events_at(c->events, tl[i].ev)->id);
    free(tl);
    size_t *pick = sl_xmalloc((r->n + 1) * sizeof *pick);
    size_t npick = pick_articles(c, r, q && q->articles ? q->articles : r->n, pick);
    sl_buf_printf(b, "],\"article_count\":%zu,\"articles\":[", r->n);
    day_memo memo = {UINT32_MAX, SL_NO_DAY};
    for (size_t j = 0; j < npick; j++) {
        size_t k = pick[j];
        const sl_profile *p = sl_events_profile(c->events, r->members[k]);
        bool inferred;
        int32_t d = article_day(c, p, r->members[k], &inferred, &memo);
        sl_buf_puts(b, k ? ",{\"id\":" : "{\"id\":");
        sl_buf_json_str(b, p->id);
        sl_buf_puts(b, ",\"lang\":");
        sl_buf_json_str(b, p->lang);
        sl_buf_puts(b, ",\"date\":");
        put_day(b, d);
        sl_buf_printf(b, ",\"date_inferred\":%s", inferred && d != SL_NO_DAY ? "true" : "false");
        sl_buf_puts(b, ",\"title\":");
        if (p->title)
            sl_buf_json_str(b, p->title);
        else
            sl_buf_puts(b, "null");
        sl_buf_puts(b, ",\"url\":");
        if (p->url)
            sl_buf_json_str(b, p->url);
        else
            sl_buf_puts(b, "null");
        sl_buf_putc(b, '}');
    }
    free(pick);
    sl_buf_printf(b, "],\"score\":%.2f}", r->score);
}

static void put_story_text(sl_buf *b, const sl_describe_ctx *c, const row *r, const sl_query *q)
{
    const sl_story *st = r->st;
    const char *lang = q ? q->lang : NULL;
    char buf[512], d1[11], d2[11];
    sl_buf_printf(b, "== s%u  %s\n", st->id,
                  sl_describe_headline(c, r->members, r->n, &st->terms, &st->ents, lang, buf,
                                       sizeof buf));
    int32_t first, last;
    span(c, st, &first, &last);
    day_str(first, d1);
    day_str(last, d2);
    size_t nsrc;
    sl_buf t = {0};
    put_sources(&t, c, r, true, &nsrc);
    if (*d1 && strcmp(d1, d2))
        sl_buf_printf(b, "   %s .. %s", d1, d2);
    else
        sl_buf_printf(b, "   %s", *d1 ? d1 : "undated");
    sl_buf_printf(b, "  [%s]  %zu article%s", st->langs, r->n, r->n == 1 ? "" : "s");
    if (nsrc) /* articles with no site or url name no source: say nothing rather than 0 */
        sl_buf_printf(b, ", %zu source%s", nsrc, nsrc == 1 ? "" : "s");
    sl_buf_printf(b, ", score %.2f\n", r->score);
    if (nsrc)
        sl_buf_printf(b, "   sources: %s\n", t.s);
    sl_buf_free(&t);
    tl_row *tl = sl_xmalloc((st->n + 1) * sizeof *tl);
    size_t nt = timeline(c, st, tl);
    sl_buf_puts(b, "   timeline:\n");
    for (size_t i = 0; i < nt; i++) {
        const sl_event *e = sl_events_at(c->events, tl[i].ev);
        char d[11];
        day_str(tl[i].day, d);
        sl_buf_printf(b, "     %-10s%s %s  (e%u, %u article%s)\n", *d ? d : "undated",
                      tl[i].inferred && *d ? "~" : " ",
                      sl_describe_headline(c, e->member, e->n, &e->terms, &e->ents, lang, buf,
                                           sizeof buf),
                      e->id, e->n, e->n == 1 ? "" : "s");
    }
    free(tl);
    sl_summary_line lines[5];
    size_t nl = sl_summarize(c, r->members, r->n, &st->terms, lang, lines, 5);
    sl_buf_puts(b, "   summary:\n");
    for (size_t i = 0; i < nl; i++) {
        sl_buf_printf(b, "     - %s  [%s, %s]\n", lines[i].text, lines[i].from->id,
                      lines[i].from->lang);
        free(lines[i].text);
    }
    sl_buf_puts(b, "   entities: ");
    put_entities(b, c, st, r, true);
    sl_buf_puts(b, "\n\n");
}

/* The newest article date in a story (its events' last days), or
 * SL_NO_DAY: what "reported in the last N days" is measured by. */
static int32_t latest_article(const sl_describe_ctx *c, const sl_story *st)
{
    int32_t last = SL_NO_DAY;
    for (uint32_t k = 0; k < st->n; k++) {
        const sl_event *e = sl_events_at(c->events, st->ev[k]);
        if (e->last_day != SL_NO_DAY && (last == SL_NO_DAY || e->last_day > last))
            last = e->last_day;
    }
    return last;
}

/* ---- the listing ---------------------------------------------------------------- */

char *sl_describe_stories(const sl_describe_ctx *c, const sl_query *q, bool text, const char *one)
{
    size_t n = sl_stories_count(c->stories), k = 0;
    row *rows = sl_xmalloc((n + 1) * sizeof *rows);
    int32_t newest = sl_describe_newest(c);
    for (size_t i = 0; i < n; i++) {
        const sl_story *st = sl_stories_at(c->stories, i);
        char id[16];
        snprintf(id, sizeof id, "s%u", st->id);
        if (one && strcmp(one, id) != 0)
            continue;
        if (!one && q && q->lang && *q->lang && !has_lang(st->langs, q->lang))
            continue;
        if (!one && q && q->period_days > 0 && newest != SL_NO_DAY &&
            latest_article(c, st) < newest - q->period_days)
            continue;
        collect(c, st, &rows[k]);
        rows[k].score = sl_rank(c, rows[k].members, rows[k].n, newest);
        k++;
    }
    qsort(rows, k, sizeof *rows, cmp_rows);
    size_t shown = q && q->limit && k > q->limit ? q->limit : k;
    sl_buf b = {0};
    if (one && k == 0) {
        free(rows);
        return NULL;
    }
    if (!text && !one)
        sl_buf_puts(&b, "{\"stories\":[");
    for (size_t i = 0; i < shown; i++) {
        if (text) {
            put_story_text(&b, c, &rows[i], q);
        } else {
            if (i)
                sl_buf_putc(&b, ',');
            put_story_json(&b, c, &rows[i], q);
        }
    }
    if (!text && !one)
        sl_buf_puts(&b, "]}");
    for (size_t i = 0; i < k; i++)
        free(rows[i].members);
    free(rows);
    return sl_buf_take(&b);
}
