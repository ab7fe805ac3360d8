/*
 * article.c -- the article record: building it, preparing it, printing it.
 *
 * An article is born in a reader (read stage), then sl_article_prepare() runs
 * the later stages on it in pipeline order: clean (drops boilerplate and
 * repeats), language id on the cleaned text, dates, entities.  The printers
 * here define the JSON contract of `storyline inspect` (DESIGN.md).
 */
#include "core.h"
#include "../analyze/analyze.h"
#include "../clean/clean.h"
#include "../text/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building ---------------------------------------------------------- */

sl_article *sl_article_new(void)
{
    sl_article *a = sl_xcalloc(1, sizeof *a);
    strcpy(a->lang, "und");
    return a;
}

static bool is_space_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

void sl_article_add_para(sl_article *a, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n || is_space_only(s, n))
        return;
    sl_grow((void **)&a->para, &a->cpara, a->npara + 1, sizeof *a->para);
    a->para[a->npara++] = sl_xstrndup(s, n);
}

void sl_article_add_dropped(sl_article *a, const char *text, size_t n,
                            const char *reason)
{
    sl_grow((void **)&a->dropped, &a->cdropped, a->ndropped + 1,
            sizeof *a->dropped);
    a->dropped[a->ndropped].text = sl_xstrndup(text, n);
    a->dropped[a->ndropped].reason = reason;
    a->ndropped++;
}

void sl_article_set(char **slot, const char *s, size_t n)
{
    free(*slot);
    *slot = NULL;
    if (!s)
        return;
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n)
        *slot = sl_xstrndup(s, n);
}

char *sl_id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return sl_xstrndup(base, n);
}

void sl_article_free(sl_article *a)
{
    if (!a)
        return;
    free(a->id);
    free(a->path);
    free(a->url);
    free(a->site);
    free(a->title);
    for (size_t i = 0; i < a->npara; i++)
        free(a->para[i]);
    free(a->para);
    for (size_t i = 0; i < a->ndropped; i++)
        free(a->dropped[i].text);
    free(a->dropped);
    for (size_t i = 0; i < a->nent; i++) {
        free(a->ent[i].name);
        free(a->ent[i].key);
    }
    free(a->ent);
    for (size_t i = 0; i < a->ndates; i++) {
        free(a->dates[i].expr);
        free(a->dates[i].sentence);
    }
    free(a->dates);
    free(a);
}

/* ---- preparing --------------------------------------------------------- */

void sl_article_lang_sample(const sl_article *a, sl_buf *b)
{
    if (a->title) {
        sl_buf_puts(b, a->title);
        sl_buf_puts(b, ".\n");
    }
    for (size_t i = 0; i < a->npara && b->len < 4096; i++) {
        sl_buf_puts(b, a->para[i]);
        sl_buf_putc(b, '\n');
    }
}

sl_status sl_article_prepare(sl_engine *e, sl_article *a)
{
    if (a->prepared)
        return SL_OK;
    a->prepared = true;
    sl_clean_article(sl_engine_clean(e), a);

    sl_buf sample = {0};
    sl_article_lang_sample(a, &sample);
    const char *lang = sl_langid_detect(sl_engine_langid(e), sample.s ? sample.s : "",
                                        sample.len, a->lang_hint[0] ? a->lang_hint : NULL,
                                        &a->lang_conf);
    sl_buf_free(&sample);
    snprintf(a->lang, sizeof a->lang, "%s", lang);

    sl_analyze_article(sl_engine_dates(e), sl_engine_norm(e), a);
    return SL_OK;
}

/* ---- accessors --------------------------------------------------------- */

#define OR_EMPTY(s) ((s) ? (s) : "")

const char *sl_article_id(const sl_article *a) { return OR_EMPTY(a->id); }
const char *sl_article_path(const sl_article *a) { return OR_EMPTY(a->path); }
const char *sl_article_title(const sl_article *a) { return OR_EMPTY(a->title); }
const char *sl_article_lang(const sl_article *a) { return a->lang; }
double sl_article_lang_confidence(const sl_article *a) { return a->lang_conf; }
sl_date sl_article_date(const sl_article *a) { return a->date; }
size_t sl_article_paragraph_count(const sl_article *a) { return a->npara; }
size_t sl_article_dropped_count(const sl_article *a) { return a->ndropped; }

const char *sl_article_paragraph(const sl_article *a, size_t i)
{
    return i < a->npara ? a->para[i] : "";
}

const char *sl_article_dropped(const sl_article *a, size_t i, const char **reason)
{
    if (i >= a->ndropped) {
        if (reason)
            *reason = "";
        return "";
    }
    if (reason)
        *reason = a->dropped[i].reason;
    return a->dropped[i].text;
}

/* ---- printing ---------------------------------------------------------- */

static const char *precision_name(sl_date_precision p)
{
    switch (p) {
    case SL_DATE_DAY: return "day";
    case SL_DATE_MONTH: return "month";
    case SL_DATE_YEAR: return "year";
    default: return "none";
    }
}

static void json_date(sl_buf *b, sl_date d)
{
    char s[11];
    sl_date_format(d, s);
    if (s[0])
        sl_buf_json_str(b, s);
    else
        sl_buf_puts(b, "null");
}

static void json_opt_str(sl_buf *b, const char *s)
{
    if (s)
        sl_buf_json_str(b, s);
    else
        sl_buf_puts(b, "null");
}

char *sl_article_json(const sl_article *a)
{
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"id\":");
    sl_buf_json_str(&b, OR_EMPTY(a->id));
    sl_buf_puts(&b, ",\"title\":");
    json_opt_str(&b, a->title);
    sl_buf_puts(&b, ",\"url\":");
    json_opt_str(&b, a->url);
    sl_buf_puts(&b, ",\"site\":");
    json_opt_str(&b, a->site);
    sl_buf_puts(&b, ",\"date\":");
    json_date(&b, a->date);
    sl_buf_printf(&b, ",\"date_precision\":\"%s\"", precision_name(a->date.precision));
    sl_buf_puts(&b, ",\"lang\":");
    sl_buf_json_str(&b, a->lang);
    sl_buf_printf(&b, ",\"lang_confidence\":%.3f", a->lang_conf);

    sl_buf_puts(&b, ",\"text\":\"");
    for (size_t i = 0; i < a->npara; i++) {
        sl_buf t = {0};
        sl_buf_json_str(&t, a->para[i]);
        if (i)
            sl_buf_puts(&b, "\\n\\n");
        sl_buf_put(&b, t.s + 1, t.len - 2); /* without the quotes */
        sl_buf_free(&t);
    }
    sl_buf_putc(&b, '"');

    sl_buf_puts(&b, ",\"paragraphs\":[");
    for (size_t i = 0; i < a->npara; i++) {
        if (i)
            sl_buf_putc(&b, ',');
        sl_buf_json_str(&b, a->para[i]);
    }
    sl_buf_puts(&b, "],\"dropped\":[");
    for (size_t i = 0; i < a->ndropped; i++) {
        sl_buf_puts(&b, i ? ",{\"reason\":" : "{\"reason\":");
        sl_buf_json_str(&b, a->dropped[i].reason);
        sl_buf_puts(&b, ",\"text\":");
        sl_buf_json_str(&b, a->dropped[i].text);
        sl_buf_putc(&b, '}');
    }
    sl_buf_puts(&b, "],\"entities\":[");
    for (size_t i = 0; i < a->nent; i++) {
        sl_buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
        sl_buf_json_str(&b, a->ent[i].name);
        sl_buf_puts(&b, ",\"key\":");
        sl_buf_json_str(&b, a->ent[i].key);
        sl_buf_printf(&b, ",\"count\":%d,\"kind\":\"%s\"}", a->ent[i].count,
                      a->ent[i].kind == SL_ENT_ACRONYM ? "acronym" : "name");
    }
    sl_buf_puts(&b, "],\"dates\":[");
    for (size_t i = 0; i < a->ndates; i++) {
        const sl_mention *m = &a->dates[i];
        sl_buf_puts(&b, i ? ",{\"date\":" : "{\"date\":");
        json_date(&b, m->date);
        sl_buf_printf(&b, ",\"precision\":\"%s\"", precision_name(m->date.precision));
        sl_buf_puts(&b, ",\"expr\":");
        sl_buf_json_str(&b, OR_EMPTY(m->expr));
        sl_buf_printf(&b, ",\"relative\":%s", m->relative ? "true" : "false");
        if (m->to - m->from == 6) { /* a week: the calendar date alone says too little */
            sl_date f = {0, 0, 0, SL_DATE_DAY}, t = f;
            sl_date_from_days(m->from, &f.year, &f.month, &f.day);
            sl_date_from_days(m->to, &t.year, &t.month, &t.day);
            sl_buf_puts(&b, ",\"range\":[");
            json_date(&b, f);
            sl_buf_putc(&b, ',');
            json_date(&b, t);
            sl_buf_putc(&b, ']');
        }
        sl_buf_puts(&b, ",\"sentence\":");
        sl_buf_json_str(&b, OR_EMPTY(m->sentence));
        sl_buf_putc(&b, '}');
    }
    sl_buf_printf(&b, "],\"invalid_bytes\":%zu}", a->invalid_bytes);
    return sl_buf_take(&b);
}

/* First 'max' bytes of s, cut at a character boundary, with "..." if cut. */
static void put_short(sl_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        sl_buf_put(b, s, n);
        return;
    }
    while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    sl_buf_put(b, s, max);
    sl_buf_puts(b, "...");
}

/* Like put_short(), with line breaks shown as spaces. */
static void put_line(sl_buf *b, const char *s, size_t max)
{
    size_t at = b->len;
    put_short(b, s, max);
    for (size_t i = at; i < b->len; i++)
        if (b->s[i] == '\n' || b->s[i] == '\r' || b->s[i] == '\t')
            b->s[i] = ' ';
}

char *sl_article_text(const sl_article *a)
{
    sl_buf b = {0};
    char d[11];
    sl_date_format(a->date, d);
    sl_buf_printf(&b, "== %s  [%s %.2f]  %s%s\n", OR_EMPTY(a->id), a->lang,
                  a->lang_conf, d[0] ? d : "undated",
                  a->date.precision == SL_DATE_DAY || !d[0] ? "" : " (partial)");
    if (a->title)
        sl_buf_printf(&b, "   title: %s\n", a->title);
    if (a->site || a->url)
        sl_buf_printf(&b, "   source: %s %s\n", OR_EMPTY(a->site), OR_EMPTY(a->url));
    size_t words = 0;
    for (size_t i = 0; i < a->npara; i++)
        for (const char *p = a->para[i]; *p; p++)
            words += (p == a->para[i] || isspace((unsigned char)p[-1])) &&
                     !isspace((unsigned char)*p);
    sl_buf_printf(&b, "   text: %zu paragraphs, %zu words", a->npara, words);
    if (a->invalid_bytes)
        sl_buf_printf(&b, ", %zu invalid bytes replaced", a->invalid_bytes);
    sl_buf_puts(&b, "\n");
    if (a->npara) {
        sl_buf_puts(&b, "   | ");
        put_line(&b, a->para[0], 160);
        sl_buf_puts(&b, "\n");
    }
    for (size_t i = 0; i < a->ndropped; i++) {
        sl_buf_printf(&b, "   dropped (%s): ", a->dropped[i].reason);
        put_line(&b, a->dropped[i].text, 70);
        sl_buf_puts(&b, "\n");
    }
    if (a->nent) {
        sl_buf_puts(&b, "   entities:");
        for (size_t i = 0; i < a->nent && i < 12; i++)
            sl_buf_printf(&b, "%s %s (%d)", i ? "," : "", a->ent[i].name, a->ent[i].count);
        if (a->nent > 12)
            sl_buf_printf(&b, ", +%zu more", a->nent - 12);
        sl_buf_puts(&b, "\n");
    }
    for (size_t i = 0; i < a->ndates && i < 8; i++) {
        char md[11];
        sl_date_format(a->dates[i].date, md);
        sl_buf_printf(&b, "   date mentioned: %s  \"%s\"%s\n", md[0] ? md : "?",
                      OR_EMPTY(a->dates[i].expr), a->dates[i].relative ? " (relative)" : "");
    }
    if (a->ndates > 8)
        sl_buf_printf(&b, "   ... %zu more dates\n", a->ndates - 8);
    return sl_buf_take(&b);
}
