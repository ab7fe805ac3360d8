/*
 * events.c -- describing events and listing them.
 *
 * An event's day is sl_event_day() (src/cluster/stories.c): the earliest
 * of its reports' dates near their median, or the day they mention most.
 *
 * `why` says what holds the event together: the names, terms and numbers
 * strongest in its centroids (features most members share), in the
 * readable forms the vocab kept, and the days its members mention.
 *
 * Listing: largest events first (ties: the older id first), filtered by
 * language, recency and a limit.
 *
 * Tests: tests/cli/test_events.sh.
 */
#include "describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void put_day(sl_buf *b, int32_t day)
{
    if (day == SL_NO_DAY) {
        sl_buf_puts(b, "null");
        return;
    }
    int y, m, d;
    sl_date_from_days(day, &y, &m, &d);
    sl_buf_printf(b, "\"%04d-%02d-%02d\"", y, m, d);
}

/* The readable forms of the k strongest features of centroid cen, as a
 * JSON array (or, for text, comma-separated). */
static void put_top(sl_buf *b, const sl_describe_ctx *c, const sl_centroid *cen, size_t k,
                    bool text)
{
    uint32_t keys[16];
    size_t n = sl_centroid_top(cen, keys, k < 16 ? k : 16);
    if (!text)
        sl_buf_putc(b, '[');
    size_t shown = 0;
    const char *done[16];
    for (size_t i = 0; i < n; i++) {
        const char *s = sl_vocab_get(c->vocab, keys[i]);
        bool dup = false;
        for (size_t j = 0; j < shown && s && !dup; j++)
            dup = !strcmp(done[j], s);
        if (!s || dup)
            continue; /* two words of one name show as one */
        done[shown] = s;
        if (shown++)
            sl_buf_puts(b, text ? ", " : ",");
        if (text)
            sl_buf_puts(b, s);
        else
            sl_buf_json_str(b, s);
    }
    if (!text)
        sl_buf_putc(b, ']');
}

/* ---- the listing --------------------------------------------------------------- */

typedef struct {
    const sl_event *ev;
    int32_t day;
} row;

static int cmp_rows(const void *a, const void *b)
{
    const sl_event *x = ((const row *)a)->ev, *y = ((const row *)b)->ev;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int32_t sl_describe_newest(const sl_describe_ctx *c)
{
    int32_t best = SL_NO_DAY;
    for (size_t i = 0; i < sl_events_count(c->events); i++) {
        const sl_event *e = sl_events_at(c->events, i);
        if (e->alive && e->last_day != SL_NO_DAY && (best == SL_NO_DAY || e->last_day > best))
            best = e->last_day;
    }
    return best;
}

static bool wanted(const sl_event *e, const sl_query *q, int32_t newest)
{
    if (!e->alive)
        return false;
    if (q && q->lang && *q->lang) {
        size_t n = strlen(q->lang);
        const char *s = strstr(e->langs, q->lang);
        if (!s || !(s[n] == ' ' || s[n] == '\0'))
            return false;
    }
    if (q && q->period_days > 0 && newest != SL_NO_DAY &&
        (e->last_day == SL_NO_DAY || e->last_day < newest - q->period_days))
        return false;
    return true;
}

static void put_event_json(sl_buf *b, const sl_describe_ctx *c, const row *r, const sl_query *q)
{
    const sl_event *e = r->ev;
    char buf[256];
    sl_buf_printf(b, "{\"id\":\"e%u\",\"headline\":", e->id);
    sl_buf_json_str(b, sl_describe_headline(c, e->member, e->n, &e->terms, &e->ents, q ? q->lang : NULL, buf, sizeof buf));
    sl_buf_puts(b, ",\"date\":");
    put_day(b, r->day);
    sl_buf_puts(b, ",\"languages\":[");
    char langs[sizeof e->langs];
    snprintf(langs, sizeof langs, "%s", e->langs);
    int k = 0;
    for (char *save, *t = strtok_r(langs, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (k++)
            sl_buf_putc(b, ',');
        sl_buf_json_str(b, t);
    }
    sl_buf_puts(b, "],\"articles\":[");
    for (uint32_t i = 0; i < e->n; i++) {
        if (i)
            sl_buf_putc(b, ',');
        sl_buf_json_str(b, sl_events_profile(c->events, e->member[i])->id);
    }
    sl_buf_puts(b, "],\"merged\":[");
    for (uint32_t i = 0; i < e->nmerged; i++)
        sl_buf_printf(b, "%s\"e%u\"", i ? "," : "", e->merged[i]);
    sl_buf_puts(b, "],\"why\":{\"entities\":");
    put_top(b, c, &e->ents, 6, false);
    sl_buf_puts(b, ",\"terms\":");
    put_top(b, c, &e->terms, 8, false);
    sl_buf_puts(b, ",\"numbers\":");
    put_top(b, c, &e->nums, 4, false);
    sl_buf_puts(b, ",\"dates\":[");
    int32_t days[8];
    memcpy(days, e->days, e->ndays * sizeof *days);
    qsort(days, e->ndays, sizeof *days, cmp_i32);
    for (uint8_t i = 0; i < e->ndays; i++) {
        if (i)
            sl_buf_putc(b, ',');
        put_day(b, days[i]);
    }
    sl_buf_printf(b, "]},\"score\":%.2f}", sl_rank(c, e->member, e->n, sl_describe_newest(c)));
}

static void put_event_text(sl_buf *b, const sl_describe_ctx *c, const row *r, const sl_query *q)
{
    const sl_event *e = r->ev;
    char buf[256], day[16] = "undated";
    if (r->day != SL_NO_DAY) {
        int y, m, d;
        sl_date_from_days(r->day, &y, &m, &d);
        snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
    }
    sl_buf_printf(b, "== e%u  %s  [%s]  %u article%s\n", e->id, day, e->langs, e->n,
                  e->n == 1 ? "" : "s");
    sl_buf_printf(b, "   %s\n", sl_describe_headline(c, e->member, e->n, &e->terms, &e->ents, q ? q->lang : NULL, buf, sizeof buf));
    sl_buf_puts(b, "   why: ");
    put_top(b, c, &e->ents, 5, true);
    sl_buf_puts(b, " | ");
    put_top(b, c, &e->terms, 6, true);
    sl_buf_putc(b, '\n');
    for (uint32_t i = 0; i < e->n; i++) {
        const sl_profile *p = sl_events_profile(c->events, e->member[i]);
        sl_buf_printf(b, "   - %s [%s] %s\n", p->id, p->lang,
                      p->title ? p->title : sl_describe_first_sentence(p->lead, buf, 100));
    }
    sl_buf_putc(b, '\n');
}

char *sl_describe_events(const sl_describe_ctx *c, const sl_query *q, bool text)
{
    size_t n = sl_events_count(c->events), k = 0;
    row *rows = sl_xmalloc((n + 1) * sizeof *rows);
    int32_t newest = sl_describe_newest(c);
    for (size_t i = 0; i < n; i++) {
        const sl_event *e = sl_events_at(c->events, i);
        if (wanted(e, q, newest))
            rows[k++] = (row){e, 0};
    }
    qsort(rows, k, sizeof *rows, cmp_rows);
    if (q && q->limit && k > q->limit)
        k = q->limit;
    sl_buf b = {0};
    if (!text)
        sl_buf_puts(&b, "{\"events\":[");
    for (size_t i = 0; i < k; i++) {
        bool inferred;
        rows[i].day = sl_event_day(c->events, rows[i].ev, SL_NO_DAY, &inferred);
        if (text) {
            put_event_text(&b, c, &rows[i], q);
        } else {
            if (i)
                sl_buf_putc(&b, ',');
            put_event_json(&b, c, &rows[i], q);
        }
    }
    if (!text)
        sl_buf_puts(&b, "]}");
    free(rows);
    return sl_buf_take(&b);
}
