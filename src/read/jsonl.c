/*
 * jsonl.c -- one article per JSON line.
 *
 *     {"id": "a1", "url"?, "title"?, "date"?, "lang"?, "source"?, "text" | "html"}
 *
 * Unknown fields are ignored (the labelled sets carry "event", "story" ...).
 * "text" goes through the text reader (so a " date" marker inside it still
 * counts) and "html" through the HTML reader; fields given in the JSON win
 * over what the body says.  Every string is repaired to valid UTF-8 (cJSON
 * does not check) and the repairs are counted.
 *
 * Errors name the file and line: "feed.jsonl:12: missing \"id\"".
 */
#include "read.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cleaned copy of a string field, or NULL if absent or not a string. */
static char *field(const cJSON *o, const char *name, size_t *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsString(v) || !v->valuestring)
        return NULL;
    sl_buf b = {0};
    *bad += sl_utf8_clean(v->valuestring, strlen(v->valuestring), &b);
    return sl_buf_take(&b);
}

static char *id_field(const cJSON *o, size_t *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (cJSON_IsNumber(v)) {
        sl_buf b = {0};
        sl_buf_printf(&b, "%.0f", v->valuedouble);
        return sl_buf_take(&b);
    }
    return field(o, "id", bad);
}

sl_status sl_read_json_line(sl_engine *e, const char *path, size_t lineno,
                            const char *line, size_t len, sl_article **out)
{
    *out = NULL;
    char *copy = sl_xstrndup(line, len);
    if (strlen(copy) != len) {
        free(copy);
        sl_engine_seterr(e, "%s:%zu: NUL byte in line", path, lineno);
        return SL_EINPUT;
    }
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
    if (!o) {
        sl_engine_seterr(e, "%s:%zu: invalid JSON near byte %zu", path, lineno,
                         end ? (size_t)(end - copy) + 1 : (size_t)0);
        free(copy);
        return SL_EINPUT;
    }
    free(copy);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        sl_engine_seterr(e, "%s:%zu: not a JSON object", path, lineno);
        return SL_EINPUT;
    }
    sl_status st = SL_OK;
    size_t bad = 0;
    sl_article *a = sl_article_new();
    a->id = id_field(o, &bad);
    a->path = sl_xstrdup(path);
    char *text = field(o, "text", &bad), *html = field(o, "html", &bad);
    char *date = field(o, "date", &bad), *lang = field(o, "lang", &bad);
    a->url = field(o, "url", &bad);
    a->site = field(o, "source", &bad);
    char *title = field(o, "title", &bad);
    if (title)
        sl_article_set(&a->title, title, strlen(title));
    free(title);
    if (date)
        sl_date_parse_iso(date, &a->date);
    if (lang)
        snprintf(a->lang_hint, sizeof a->lang_hint, "%s", lang);

    if (!a->id || !a->id[0]) {
        sl_engine_seterr(e, "%s:%zu: missing \"id\"", path, lineno);
        st = SL_EINPUT;
    } else if (!text && !html) {
        sl_engine_seterr(e, "%s:%zu: missing \"text\" or \"html\" (id %s)", path,
                         lineno, a->id);
        st = SL_EINPUT;
    } else if (text) {
        st = sl_read_text(e, a, text, strlen(text));
    } else {
        st = sl_read_html(e, a, html, strlen(html));
        if (st != SL_OK) { /* name the line, not only the file */
            char why[sizeof e->err];
            memcpy(why, e->err, sizeof why);
            sl_engine_seterr(e, "%s:%zu: %s", path, lineno, why);
        }
    }
    a->invalid_bytes += bad;
    free(text);
    free(html);
    free(date);
    free(lang);
    cJSON_Delete(o);
    if (st != SL_OK) {
        sl_article_free(a);
        return st;
    }
    *out = a;
    return SL_OK;
}
