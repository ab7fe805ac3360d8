/*
 * html_extract.c -- how well and how fast the HTML reader finds a page's
 * main text, title and date, on Readability's test pages.
 *
 *   build/bench/html_extract [-v] [--dump PAGE]
 *
 * Reads $SL_SHARED/data/readability-pages/ (default ../shared/...) at run
 * time; prints "skip ..." when it is absent.  For each page folder:
 *
 *   text   token F1 of our paragraphs against the text of expected.html
 *          (Readability's extraction).  Tokens are words after Unicode case
 *          folding: runs of letters, marks and digits; in scripts written
 *          without spaces (Han, kana, Thai ...) each character is a token.
 *          F1 counts tokens as a multiset (a word said twice counts twice).
 *   title  our title equal to expected-metadata.json's "title", exactly,
 *          after white space (Unicode's, NBSP included) is collapsed and
 *          trimmed on both sides; only pages whose expected title is not
 *          empty count.
 *   date   our date (day precision) equal to the date part (first ten
 *          characters) of "publishedTime"; only pages that have one count.
 *   speed  pages/s and MB/s of sl_article_read() alone (charset, parse,
 *          metadata, main text), in CPU time, the median of three passes
 *          over all pages; beside it gumbo's bare parse of the same pages,
 *          the floor under any extractor built on it.
 *
 * This set is the one the extractor was developed against: its figures say
 * how close we come to Readability, not how we do on unseen pages.
 * -v prints one line per page; --dump PAGE prints what we extract from it.
 */
#include "core/core.h"
#include "read/html_parts.h"

#include <cJSON.h>
#include <dirent.h>
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#define PASSES 5

/* ---- files ----------------------------------------------------------------- */

/* The whole file at dir/name, NUL-terminated, or NULL.  Caller frees with
 * free(); *len gets its length. */
static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[8192 + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sl_buf b = {0};
    if (sl_buf_read_file(&b, path, SIZE_MAX) && !b.len) {
        sl_buf_free(&b);
        return NULL; /* a short read shows as a short file */
    }
    *len = b.len;
    return sl_buf_take(&b);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The sub-folders of 'root', sorted.  Caller frees each and the array. */
static char **page_dirs(const char *root, size_t *n)
{
    DIR *d = opendir(root);
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        if (de->d_name[0] == '.' || strchr(de->d_name, '.'))
            continue;
        sl_grow((void **)&v, &cap, *n + 1, sizeof *v);
        v[(*n)++] = sl_xstrdup(de->d_name);
    }
    closedir(d);
    if (*n)
        qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

/* ---- the reference text ------------------------------------------------- */

/* Elements that do not break a word: text on both sides runs together. */
static bool is_inline(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_I: case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SPAN: case GUMBO_TAG_SUP:
    case GUMBO_TAG_SUB: case GUMBO_TAG_CODE: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_ABBR: case GUMBO_TAG_CITE: case GUMBO_TAG_Q:
    case GUMBO_TAG_MARK: case GUMBO_TAG_U: case GUMBO_TAG_S:
    case GUMBO_TAG_FONT: case GUMBO_TAG_TIME: case GUMBO_TAG_BIG:
    case GUMBO_TAG_TT: case GUMBO_TAG_KBD: case GUMBO_TAG_VAR:
    case GUMBO_TAG_DFN: case GUMBO_TAG_INS: case GUMBO_TAG_DEL:
        return true;
    default:
        return false;
    }
}

static bool is_block_el(const GumboNode *n)
{
    return n && n->type == GUMBO_NODE_ELEMENT && !is_inline(n->v.element.tag);
}

/* The text of the tree under top, a space at every block boundary (before
 * a block element, and before text that follows one).  A loop, like every
 * walk over a tree in this project. */
static void ref_text(const GumboNode *top, sl_buf *b)
{
    for (const GumboNode *n = top; n;) {
        bool elem = n->type == GUMBO_NODE_ELEMENT;
        GumboTag t = elem ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
        bool skip = elem && (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE);
        if (is_block_el(n) && !skip)
            sl_buf_putc(b, ' ');
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            const GumboVector *sib = &n->parent->v.element.children;
            if (n->index_within_parent > 0 && is_block_el(sib->data[n->index_within_parent - 1]))
                sl_buf_putc(b, ' ');
            sl_buf_puts(b, n->v.text.text);
        }
        n = sl_html_walk_next(n, top, !skip);
    }
}

/* ---- tokens ----------------------------------------------------------------- */

typedef struct {
    char **v;
    size_t n, cap;
} tokens;

static bool one_char_script(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &err);
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
           s == USCRIPT_THAI || s == USCRIPT_LAO || s == USCRIPT_KHMER ||
           s == USCRIPT_MYANMAR || s == USCRIPT_HANGUL;
}

static bool word_char(UChar32 c)
{
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

static void token_add(tokens *t, const UChar *u, int32_t from, int32_t to)
{
    char out[1024];
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    if (to - from > 300)
        to = from + 300;
    u_strToUTF8(out, sizeof out - 1, &n, u + from, to - from, &err);
    if (U_FAILURE(err) || n <= 0)
        return;
    out[n] = '\0';
    sl_grow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v);
    t->v[t->n++] = sl_xstrdup(out);
}

/* Case-folded words of s, sorted. */
static void tokenize(const char *s, size_t len, tokens *t)
{
    int32_t ulen = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &ulen, s, (int32_t)len, 0xFFFD, NULL, &err);
    UChar *u = sl_xmalloc(((size_t)ulen + 1) * sizeof *u);
    UChar *f = sl_xmalloc(((size_t)ulen * 3 + 1) * sizeof *f);
    err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, ulen + 1, NULL, s, (int32_t)len, 0xFFFD, NULL, &err);
    int32_t flen = u_strFoldCase(f, ulen * 3 + 1, u, ulen, U_FOLD_CASE_DEFAULT, &err);
    int32_t i = 0, start = -1;
    while (i < flen) {
        int32_t at = i;
        UChar32 c;
        U16_NEXT(f, i, flen, c);
        bool single = one_char_script(c) && u_isalpha(c);
        if (start >= 0 && (single || !word_char(c))) {
            token_add(t, f, start, at);
            start = -1;
        }
        if (single)
            token_add(t, f, at, i);
        else if (start < 0 && word_char(c))
            start = at;
    }
    if (start >= 0)
        token_add(t, f, start, flen);
    free(u);
    free(f);
    if (t->n)
        qsort(t->v, t->n, sizeof *t->v, cmp_str);
}

static void tokens_free(tokens *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    *t = (tokens){0};
}

/* Tokens common to both sorted multisets. */
static size_t overlap(const tokens *a, const tokens *b)
{
    size_t i = 0, j = 0, same = 0;
    while (i < a->n && j < b->n) {
        int c = strcmp(a->v[i], b->v[j]);
        if (c == 0)
            same++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    return same;
}

/* ---- one page ---------------------------------------------------------- */

typedef struct {
    char *name;
    double f1, p, r;
    int title_ok, date_ok; /* -1: the page has none */
    bool suffix;           /* a miss only because we cut " - Site" */
    char *got_title, *want_title, got_date[11], want_date[11];
} score;

/* s with every run of white space (Unicode's, NBSP included) made one
 * space, trimmed.  Caller frees with free(). */
static char *norm_space(const char *s)
{
    sl_buf b = {0};
    bool space = true;
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        int32_t c = sl_utf8_next(s, n, &i);
        bool sp = c >= 0 && u_isUWhiteSpace(c);
        if (sp && !space)
            sl_buf_putc(&b, ' ');
        else if (!sp)
            sl_buf_put(&b, s + at, i - at);
        space = sp;
    }
    while (b.len && b.s[b.len - 1] == ' ')
        b.s[--b.len] = '\0';
    return sl_buf_take(&b);
}

/* True if 'want' is 'got' followed by a separator and more: Readability
 * kept a site name that we cut on purpose. */
static bool cut_suffix(const char *want, const char *got)
{
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " \xC2\xB7 ", " :: ", NULL};
    size_t n = strlen(got);
    if (!n || strncmp(want, got, n) != 0)
        return false;
    for (size_t i = 0; seps[i]; i++)
        if (!strncmp(want + n, seps[i], strlen(seps[i])))
            return true;
    return false;
}

static void score_text(const sl_article *a, const char *expected, size_t elen, score *s)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, expected, elen);
    sl_buf ref = {0}, got = {0};
    ref_text(g->root, &ref);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    for (size_t i = 0; a && i < a->npara; i++) {
        sl_buf_puts(&got, a->para[i]);
        sl_buf_putc(&got, '\n');
    }
    tokens tr = {0}, tg = {0};
    tokenize(ref.s ? ref.s : "", ref.len, &tr);
    tokenize(got.s ? got.s : "", got.len, &tg);
    size_t same = overlap(&tr, &tg);
    s->p = tg.n ? (double)same / (double)tg.n : 0;
    s->r = tr.n ? (double)same / (double)tr.n : 0;
    s->f1 = s->p + s->r > 0 ? 2 * s->p * s->r / (s->p + s->r) : 0;
    tokens_free(&tr);
    tokens_free(&tg);
    sl_buf_free(&ref);
    sl_buf_free(&got);
}

static void score_meta(const sl_article *a, const char *json, score *s)
{
    cJSON *m = json ? cJSON_Parse(json) : NULL;
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(m, "title");
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(m, "publishedTime");
    s->title_ok = s->date_ok = -1;
    s->want_title = norm_space(cJSON_IsString(t) ? t->valuestring : "");
    s->got_title = norm_space(a && a->title ? a->title : "");
    if (s->want_title[0])
        s->title_ok = strcmp(s->want_title, s->got_title) == 0;
    s->suffix = s->title_ok == 0 && cut_suffix(s->want_title, s->got_title);
    if (cJSON_IsString(d) && strlen(d->valuestring) >= 10) {
        snprintf(s->want_date, sizeof s->want_date, "%.10s", d->valuestring);
        if (a && a->date.precision == SL_DATE_DAY)
            sl_date_format(a->date, s->got_date);
        s->date_ok = strcmp(s->want_date, s->got_date) == 0;
    }
    cJSON_Delete(m);
}

/* ---- the whole set -------------------------------------------------------- */

typedef struct {
    char *html;
    size_t len;
} page;

/* CPU seconds of this process: the machine is shared, wall time is noisy. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds to read every page once. */
static double time_pass(sl_engine *e, const page *pg, size_t n)
{
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        sl_article *a = NULL;
        if (pg[i].html &&
            sl_article_read(e, "source.html", pg[i].html, pg[i].len, SL_FORMAT_HTML, &a) == SL_OK)
            sl_article_free(a);
    }
    return now() - t0;
}

/* Seconds for gumbo alone to parse every page once: the floor under ours. */
static double time_gumbo(const page *pg, size_t n)
{
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (!pg[i].html)
            continue;
        GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, pg[i].html, pg[i].len);
        gumbo_destroy_output(&kGumboDefaultOptions, g);
    }
    return now() - t0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static int cmp_f1(const void *x, const void *y)
{
    return cmp_double(&((const score *)x)->f1, &((const score *)y)->f1);
}

static void dump(const sl_article *a)
{
    char d[11];
    sl_date_format(a->date, d);
    printf("title: %s\nurl: %s\nsite: %s\ndate: %s\nlang: %s\n", a->title ? a->title : "",
           a->url ? a->url : "", a->site ? a->site : "", d, a->lang_hint);
    for (size_t i = 0; i < a->npara; i++)
        printf("[%zu] %s\n", i, a->para[i]);
}

static void report(score *s, size_t n, double secs, double gumbo, size_t bytes, size_t pages)
{
    double *f = sl_xmalloc(n * sizeof *f), sum = 0;
    int tn = 0, tok = 0, dn = 0, dok = 0, suffix = 0;
    for (size_t i = 0; i < n; i++) {
        f[i] = s[i].f1;
        sum += s[i].f1;
        tn += s[i].title_ok >= 0, tok += s[i].title_ok == 1, suffix += s[i].suffix;
        dn += s[i].date_ok >= 0, dok += s[i].date_ok == 1;
    }
    qsort(f, n, sizeof *f, cmp_double);
    double med = n % 2 ? f[n / 2] : (f[n / 2 - 1] + f[n / 2]) / 2;
    qsort(s, n, sizeof *s, cmp_f1);
    printf("worst pages (F1 precision recall):\n");
    for (size_t i = 0; i < n && i < 10; i++)
        printf("  %-40s %.3f %.3f %.3f\n", s[i].name, s[i].f1, s[i].p, s[i].r);
    printf("text:  token F1 mean %.3f, median %.3f (%zu pages)\n", sum / (double)n, med, n);
    printf("title: %d/%d exact after white-space normalisation (%.1f%%); of the %d others, %d\n"
           "       are Readability's title with a \" - Site\" part that we cut on purpose\n",
           tok, tn, tn ? 100.0 * tok / tn : 0, tn - tok, suffix);
    printf("date:  %d/%d equal to publishedTime's day (%.1f%%)\n", dok, dn,
           dn ? 100.0 * dok / dn : 0);
    printf("speed: %.0f pages/s, %.1f MB/s (%zu pages, %.1f MB, median of %d passes)\n",
           (double)pages / secs, (double)bytes / 1e6 / secs, pages, (double)bytes / 1e6, PASSES);
    printf("       gumbo's parse alone: %.1f MB/s (%.0f%% of our time)\n", (double)bytes / 1e6 / gumbo,
           100.0 * gumbo / secs);
    free(f);
}

static void print_page(const score *s)
{
    printf("%-40s F1 %.3f P %.3f R %.3f title %s date %s\n", s->name, s->f1, s->p, s->r,
           s->title_ok < 0 ? "-" : s->title_ok ? "ok" : "BAD",
           s->date_ok < 0 ? "-" : s->date_ok ? "ok" : "BAD");
    if (s->title_ok == 0)
        printf("    title got \"%s\" want \"%s\"\n", s->got_title, s->want_title);
    if (s->date_ok == 0)
        printf("    date got \"%s\" want \"%s\"\n", s->got_date, s->want_date);
}

/* Scores page 'name' into *s; keeps its source in *pg for timing. */
static void run_page(sl_engine *e, const char *root, const char *name, page *pg,
                     score *s, bool verbose, const char *dump_name)
{
    char dir[8192];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    size_t elen = 0, mlen = 0;
    pg->html = slurp(dir, "source.html", &pg->len);
    char *exp = slurp(dir, "expected.html", &elen);
    char *meta = slurp(dir, "expected-metadata.json", &mlen);
    sl_article *a = NULL;
    if (pg->html)
        sl_article_read(e, "source.html", pg->html, pg->len, SL_FORMAT_HTML, &a);
    if (a && dump_name && !strcmp(dump_name, name))
        dump(a);
    s->name = sl_xstrdup(name);
    score_text(a, exp ? exp : "", elen, s);
    score_meta(a, meta, s);
    if (verbose)
        print_page(s);
    sl_article_free(a);
    free(exp);
    free(meta);
}

int main(int argc, char **argv)
{
    bool verbose = argc > 1 && !strcmp(argv[1], "-v");
    const char *dump_name = argc > 2 && !strcmp(argv[1], "--dump") ? argv[2] : NULL;
    const char *shared = getenv("SL_SHARED");
    char root[4096];
    snprintf(root, sizeof root, "%s/data/readability-pages", shared ? shared : "../shared");
    size_t n = 0;
    char **names = page_dirs(root, &n);
    if (!n) {
        printf("skip html_extract: %s not found\n", root);
        return 0;
    }
    sl_engine *e = sl_engine_new();
    page *pg = sl_xcalloc(n, sizeof *pg);
    score *s = sl_xcalloc(n, sizeof *s);
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        if (dump_name && strcmp(dump_name, names[i]))
            continue;
        run_page(e, root, names[i], &pg[i], &s[i], verbose, dump_name);
        bytes += pg[i].len;
    }
    double t[PASSES], g[PASSES];
    for (int k = 0; k < PASSES && !dump_name; k++) {
        t[k] = time_pass(e, pg, n);
        g[k] = time_gumbo(pg, n);
    }
    qsort(t, PASSES, sizeof *t, cmp_double);
    qsort(g, PASSES, sizeof *g, cmp_double);
    if (!dump_name)
        report(s, n, t[PASSES / 2], g[PASSES / 2], bytes, n);
    for (size_t i = 0; i < n; i++) {
        free(pg[i].html);
        free(s[i].name);
        free(s[i].got_title);
        free(s[i].want_title);
        free(names[i]);
    }
    free(pg);
    free(s);
    free(names);
    sl_engine_free(e);
    return 0;
}
