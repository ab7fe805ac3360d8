/*
 * read.c -- a body, as PUT or stored, read into an article.
 *
 * The same function checks a body at PUT time (so a bad one is refused
 * with 400 before anything is stored) and reads it again in the worker,
 * so what was accepted is what gets indexed.  The path gives the id: the
 * reader takes it from the name (id + an extension it strips), and for
 * JSON the id is put first in the object, where it wins over any "id" in
 * the body (a JSON object's first key wins in cJSON).  A JSON body may be
 * pretty-printed: line breaks outside strings are plain white space, and
 * raw line breaks inside strings are not valid JSON anyway, so they all
 * become spaces before the one-line reader sees them.
 * Tests: tests/cli/test_serve.sh, fuzz/fuzz_request.c.
 */
#include "server.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool has_prefix(const char *s, const char *p)
{
    return strncasecmp(s, p, strlen(p)) == 0;
}

sl_format sl_srv_format_of(const char *ctype, const char *body, size_t len)
{
    if (ctype) {
        while (*ctype == ' ')
            ctype++;
        if (has_prefix(ctype, "text/html") || has_prefix(ctype, "application/xhtml"))
            return SL_FORMAT_HTML;
        if (has_prefix(ctype, "application/json") || has_prefix(ctype, "application/x-ndjson") ||
            has_prefix(ctype, "application/jsonl"))
            return SL_FORMAT_JSONL;
        if (has_prefix(ctype, "text/plain"))
            return SL_FORMAT_TEXT;
    }
    size_t i = len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)body[i]))
        i++;
    if (i < len && body[i] == '{')
        return SL_FORMAT_JSONL;
    if (i < len && body[i] == '<')
        return SL_FORMAT_HTML;
    return SL_FORMAT_TEXT;
}

/* The JSON body as one line with "id":ID first.  Caller frees with
 * free(); NULL if the body is not an object. */
static char *json_line(const char *id, const char *body, size_t len, size_t *out_len)
{
    size_t i = len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)body[i]))
        i++;
    if (i == len || body[i] != '{')
        return NULL;
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"id\":");
    sl_buf_json_str(&b, id);
    size_t j = i + 1;
    while (j < len && isspace((unsigned char)body[j]))
        j++;
    if (j < len && body[j] != '}')
        sl_buf_put(&b, ",", 1);
    size_t from = b.len;
    sl_buf_put(&b, body + j, len - j);
    for (size_t k = from; k < b.len; k++)
        if (b.s[k] == '\n' || b.s[k] == '\r')
            b.s[k] = ' ';
    *out_len = b.len;
    return sl_buf_take(&b);
}

static const char *ext_of(int format)
{
    return format == SL_FORMAT_HTML ? ".html" : format == SL_FORMAT_JSONL ? ".jsonl" : ".txt";
}

sl_article *sl_srv_read(sl_engine *e, const char *id, int format, const char *body,
                        size_t len, char *why, size_t nwhy)
{
    sl_buf name = {0};
    sl_buf_puts(&name, id);
    sl_buf_puts(&name, ext_of(format));
    sl_article *a = NULL;
    sl_status st;
    if (format == SL_FORMAT_JSONL) {
        size_t n = 0;
        char *line = json_line(id, body, len, &n);
        if (!line) {
            free(name.s);
            snprintf(why, nwhy, "the body is not a JSON object");
            return NULL;
        }
        st = sl_article_read(e, name.s, line, n, SL_FORMAT_JSONL, &a);
        free(line);
    } else {
        st = sl_article_read(e, name.s, body, len, (sl_format)format, &a);
    }
    if (st != SL_OK) { /* "ID.ext:1: why" or "ID.ext: why": the name is ours, not theirs */
        const char *msg = sl_engine_error(e);
        if (!strncmp(msg, name.s, name.len) && msg[name.len] == ':')
            msg += name.len + 1 + (strncmp(msg + name.len, ":1:", 3) ? 0 : 2);
        snprintf(why, nwhy, "%s", msg + (*msg == ' '));
        free(name.s);
        return NULL;
    }
    free(name.s);
    if (strcmp(sl_article_id(a), id) != 0) { /* an id the reader cannot give back */
        snprintf(why, nwhy, "%s: not an id storyline can keep", id);
        sl_article_free(a);
        return NULL;
    }
    return a;
}
