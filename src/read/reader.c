/*
 * reader.c -- walking inputs: files, folders (recursively, in name order) and
 * standard input, handing out one article at a time.
 *
 * The reader is a small state machine so that a caller can stream a folder
 * of a million files or a JSON lines file of any length in bounded memory:
 * a stack of paths still to visit, and at most one open JSON lines stream.
 * Nothing is larger than SL_MAX_INPUT: a bigger file or line is skipped with
 * a message, and the rest goes on.
 *
 * Format: by extension (.jsonl/.ndjson/.json, .html/.htm/.xhtml, .txt), else
 * by sniffing the first bytes.  Binary files (NUL bytes or mostly invalid
 * UTF-8) are skipped with a message.
 */
#include "read.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct sl_reader {
    sl_engine *e;
    char **stack; /* paths still to visit; the top is visited next */
    size_t nstack, cstack;
    FILE *jf;     /* the JSON lines stream being read, or NULL */
    char *jpath;  /* its name */
    size_t jline; /* lines read from it so far */
    bool jstdin;  /* jf is stdin (not closed) */
    sl_buf line;
    size_t skipped;
};

static void push(sl_reader *r, const char *path)
{
    sl_grow((void **)&r->stack, &r->cstack, r->nstack + 1, sizeof *r->stack);
    r->stack[r->nstack++] = sl_xstrdup(path);
}

sl_reader *sl_reader_new(sl_engine *e, const char *const *paths, size_t n)
{
    sl_reader *r = sl_xcalloc(1, sizeof *r);
    r->e = e;
    for (size_t i = n; i-- > 0;) /* reversed: the first path is on top */
        push(r, paths[i]);
    return r;
}

void sl_reader_free(sl_reader *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nstack; i++)
        free(r->stack[i]);
    free(r->stack);
    if (r->jf && !r->jstdin)
        fclose(r->jf);
    free(r->jpath);
    sl_buf_free(&r->line);
    free(r);
}

size_t sl_reader_skipped(const sl_reader *r) { return r->skipped; }

/* ---- formats ---------------------------------------------------------- */

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), m = strlen(ext);
    return n > m && strcasecmp(path + n - m, ext) == 0;
}

static sl_format format_of_name(const char *path)
{
    if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson") || has_ext(path, ".json"))
        return SL_FORMAT_JSONL;
    if (has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".xhtml"))
        return SL_FORMAT_HTML;
    if (has_ext(path, ".txt"))
        return SL_FORMAT_TEXT;
    return SL_FORMAT_AUTO;
}

static sl_format sniff(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i < n && s[i] == '{')
        return SL_FORMAT_JSONL;
    if (i < n && s[i] == '<') {
        size_t m = n - i < 1024 ? n - i : 1024;
        for (size_t k = i; k + 5 <= i + m; k++)
            if (strncasecmp(s + k, "<html", 5) == 0 || strncasecmp(s + k, "<!doc", 5) == 0 ||
                strncasecmp(s + k, "<head", 5) == 0 || strncasecmp(s + k, "<body", 5) == 0)
                return SL_FORMAT_HTML;
    }
    return SL_FORMAT_TEXT;
}

/* Binary junk: NUL bytes, or more than a tenth of the first 4 KB invalid. */
static bool is_binary(const char *s, size_t n)
{
    size_t m = n < 4096 ? n : 4096, bad = 0, i = 0;
    if (memchr(s, '\0', m))
        return true;
    while (i < m) {
        if (sl_utf8_next(s, m, &i) < 0 && i < m - 3)
            bad++;
    }
    return bad * 10 > m;
}

/* ---- one article from memory ------------------------------------------ */

sl_status sl_article_read(sl_engine *e, const char *name, const char *data,
                          size_t len, sl_format format, sl_article **out)
{
    *out = NULL;
    if (format == SL_FORMAT_AUTO)
        format = format_of_name(name);
    if (format == SL_FORMAT_AUTO)
        format = sniff(data, len);
    if (len > SL_MAX_INPUT) {
        sl_engine_seterr(e, "%s: too large (%zu bytes; the limit is %u)", name, len,
                         SL_MAX_INPUT);
        return SL_EINPUT;
    }
    if (format == SL_FORMAT_JSONL) {
        const char *nl = memchr(data, '\n', len);
        return sl_read_json_line(e, name, 1, data, nl ? (size_t)(nl - data) : len, out);
    }
    size_t k = 0;
    while (k < len && isspace((unsigned char)data[k]))
        k++;
    if (k == len) {
        sl_engine_seterr(e, "%s: empty", name);
        return SL_EINPUT;
    }
    if (format != SL_FORMAT_HTML && is_binary(data, len)) {
        sl_engine_seterr(e, "%s: binary data, not text", name);
        return SL_EINPUT;
    }
    sl_article *a = sl_article_new();
    a->id = sl_id_from_path(name);
    a->path = sl_xstrdup(name);
    sl_status st;
    if (format == SL_FORMAT_HTML) {
        st = sl_read_html(e, a, data, len); /* converts the charset itself */
    } else {
        sl_buf b = {0};
        a->invalid_bytes = sl_utf8_clean(data, len, &b);
        st = sl_read_text(e, a, b.s, b.len);
        sl_buf_free(&b);
    }
    if (st == SL_OK && a->npara == 0 && !a->title) {
        sl_engine_seterr(e, "no text");
        st = SL_EINPUT;
    }
    if (st != SL_OK) {
        char why[sizeof e->err];
        memcpy(why, e->err, sizeof why);
        sl_engine_seterr(e, "%s: %s", name, why);
        sl_article_free(a);
        return st;
    }
    *out = a;
    return SL_OK;
}

/* ---- files and folders ------------------------------------------------ */

/* Reads a whole file of at most SL_MAX_INPUT bytes into *b. */
static sl_status slurp(sl_reader *r, FILE *f, const char *path, sl_buf *b)
{
    int err = sl_buf_read(b, f, SL_MAX_INPUT);
    if (err == EFBIG) {
        sl_engine_seterr(r->e, "%s: too large (over %u bytes)", path, SL_MAX_INPUT);
        return SL_EINPUT;
    }
    if (err) {
        sl_engine_seterr(r->e, "%s: read error: %s", path, strerror(err));
        return SL_EIO;
    }
    return SL_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)b, *(char *const *)a); /* reversed for the stack */
}

/* Pushes a folder's entries (not hidden ones), so they pop in name order. */
static sl_status push_dir(sl_reader *r, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        sl_engine_seterr(r->e, "%s: cannot open folder: %s", path, strerror(errno));
        return SL_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        sl_buf b = {0};
        sl_buf_printf(&b, "%s%s%s", path, has_ext(path, "/") ? "" : "/", de->d_name);
        sl_grow((void **)&names, &cap, n + 1, sizeof *names);
        names[n++] = sl_buf_take(&b);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        push(r, names[i]);
        free(names[i]);
    }
    free(names);
    return SL_OK;
}

/* Next line of the JSON lines stream into r->line; false at the end.  A line
 * longer than SL_MAX_INPUT is read through and flagged by *too_long. */
static bool next_line(sl_reader *r, bool *too_long)
{
    char chunk[65536];
    sl_buf_clear(&r->line);
    *too_long = false;
    bool any = false;
    while (fgets(chunk, sizeof chunk, r->jf)) {
        any = true;
        size_t n = strlen(chunk);
        bool eol = n && chunk[n - 1] == '\n';
        if (eol)
            n--;
        if (!*too_long && r->line.len + n > SL_MAX_INPUT) {
            *too_long = true;
            sl_buf_free(&r->line);
        }
        if (!*too_long)
            sl_buf_put(&r->line, chunk, n);
        if (eol)
            break;
    }
    if (any)
        r->jline++;
    if (r->line.len && r->line.s[r->line.len - 1] == '\r')
        r->line.s[--r->line.len] = '\0';
    return any;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

/* Reads the next article of the open JSON lines stream.  SL_DONE at its end. */
static sl_status next_json(sl_reader *r, sl_article **out)
{
    bool too_long;
    while (next_line(r, &too_long)) {
        if (too_long) {
            sl_engine_seterr(r->e, "%s:%zu: line too long (over %u bytes), skipped",
                             r->jpath, r->jline, SL_MAX_INPUT);
            return SL_EINPUT;
        }
        const char *s = r->line.s ? r->line.s : "";
        size_t n = r->line.len;
        if (r->jline == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, n -= 3;
        if (blank(s, n))
            continue;
        return sl_read_json_line(r->e, r->jpath, r->jline, s, n, out);
    }
    if (ferror(r->jf)) {
        sl_engine_seterr(r->e, "%s:%zu: read error", r->jpath, r->jline);
        clearerr(r->jf);
    }
    if (!r->jstdin)
        fclose(r->jf);
    r->jf = NULL;
    free(r->jpath);
    r->jpath = NULL;
    return SL_DONE;
}

static sl_status open_json(sl_reader *r, FILE *f, const char *path, bool is_stdin)
{
    r->jf = f;
    r->jstdin = is_stdin;
    r->jpath = sl_xstrdup(path);
    r->jline = 0;
    return SL_OK;
}

/* Standard input: JSON lines if it starts with '{', else one article. */
static sl_status read_stdin(sl_reader *r, sl_article **out)
{
    int c;
    while ((c = getc(stdin)) != EOF && isspace(c))
        ;
    if (c == EOF) {
        sl_engine_seterr(r->e, "-: empty input");
        return SL_EINPUT;
    }
    ungetc(c, stdin);
    if (c == '{') {
        open_json(r, stdin, "-", true);
        return SL_DONE; /* the caller loops into the stream */
    }
    sl_buf b = {0};
    sl_status st = slurp(r, stdin, "-", &b);
    if (st == SL_OK)
        st = sl_article_read(r->e, "stdin", b.s, b.len, SL_FORMAT_AUTO, out);
    sl_buf_free(&b);
    return st;
}

static sl_status visit(sl_reader *r, const char *path, sl_article **out)
{
    if (strcmp(path, "-") == 0)
        return read_stdin(r, out);
    struct stat st;
    if (stat(path, &st) != 0) {
        sl_engine_seterr(r->e, "%s: %s", path, strerror(errno));
        return SL_EIO;
    }
    if (S_ISDIR(st.st_mode))
        return push_dir(r, path) == SL_OK ? SL_DONE : SL_EIO;
    if (!S_ISREG(st.st_mode)) {
        sl_engine_seterr(r->e, "%s: not a regular file", path);
        return SL_EINPUT;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        sl_engine_seterr(r->e, "%s: %s", path, strerror(errno));
        return SL_EIO;
    }
    sl_format fmt = format_of_name(path);
    if (fmt == SL_FORMAT_JSONL)
        return open_json(r, f, path, false) == SL_OK ? SL_DONE : SL_EIO;
    if (st.st_size > (off_t)SL_MAX_INPUT) {
        fclose(f);
        sl_engine_seterr(r->e, "%s: too large (%lld bytes; the limit is %u)", path,
                         (long long)st.st_size, SL_MAX_INPUT);
        return SL_EINPUT;
    }
    sl_buf b = {0};
    sl_status s = slurp(r, f, path, &b);
    fclose(f);
    if (s == SL_OK && fmt == SL_FORMAT_AUTO && sniff(b.s ? b.s : "", b.len) == SL_FORMAT_JSONL) {
        /* an unnamed JSON lines file: stream it again as lines */
        sl_buf_free(&b);
        f = fopen(path, "rb");
        if (!f) {
            sl_engine_seterr(r->e, "%s: %s", path, strerror(errno));
            return SL_EIO;
        }
        return open_json(r, f, path, false) == SL_OK ? SL_DONE : SL_EIO;
    }
    if (s == SL_OK)
        s = sl_article_read(r->e, path, b.s ? b.s : "", b.len, fmt, out);
    sl_buf_free(&b);
    return s;
}

sl_status sl_reader_next(sl_reader *r, sl_article **out)
{
    *out = NULL;
    for (;;) {
        if (r->jf) {
            sl_status st = next_json(r, out);
            if (st == SL_DONE)
                continue;
            if (st != SL_OK)
                r->skipped++;
            return st;
        }
        if (r->nstack == 0)
            return SL_DONE;
        char *path = r->stack[--r->nstack];
        sl_status st = visit(r, path, out);
        free(path);
        if (st == SL_DONE)
            continue; /* a folder or a stream was opened: go on */
        if (st != SL_OK)
            r->skipped++;
        return st;
    }
}
