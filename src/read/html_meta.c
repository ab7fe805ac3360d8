/*
 * html_meta.c -- what a page says about itself: title, url, site, date and
 * language hint, from <meta>, <link>, <title>, <time>, JSON-LD and the URL.
 *
 * One walk over the tree collects every candidate into ranked slots (the
 * first value seen for each source); then each field takes the best-ranked
 * source that gives a usable value.  Ranks, best first:
 *
 *   title  og:title, <title>, twitter:title, JSON-LD headline, first <h1>
 *   url    og:url, <link rel=canonical>
 *   site   og:site_name
 *   date   article:published_time, JSON-LD datePublished, itemprop=
 *          datePublished, other common meta (date, pubdate, DC.date,
 *          parsely-pub-date ...), <time datetime>, a /YYYY/MM/DD/ in the URL
 *
 * Titles lose a site name glued to them ("Storm hits coast - Daily News",
 * "Daily News | Storm hits coast"): a part after (or before) a separator is
 * cut when it names the site (og:site_name or the URL's domain), and, for
 * the page's <title> only, when it is short beside a longer rest.  og:title
 * is written for sharing and is trusted more: only the site name is cut.
 *
 * Fields already known (from a JSON line) are left alone.
 *
 * Tests: tests/read/test_html.c (precedence, suffixes, JSON-LD, URL dates).
 */
#include "html_parts.h"

#include <cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { T_OG, T_TITLE, T_TWITTER, T_LD, T_H1, T_N };
enum { D_ARTICLE, D_LD, D_ITEMPROP, D_META, D_TIME, D_N };

typedef struct {
    char *title[T_N];
    char *date[D_N];
    char *og_url, *canonical, *site, *lang;
} found;

/* Keeps the first value for a slot: a copy of s, whitespace collapsed. */
static void keep(char **slot, const char *s)
{
    if (*slot || !s)
        return;
    sl_buf b = {0};
    bool space = true;
    sl_html_put_collapsed(&b, s, strlen(s), &space);
    while (b.len && b.s[b.len - 1] == ' ')
        b.s[--b.len] = '\0';
    if (b.len)
        *slot = sl_buf_take(&b);
    sl_buf_free(&b);
}

static void keep_text(char **slot, const GumboNode *n)
{
    if (*slot)
        return;
    sl_buf b = {0};
    sl_html_node_text(n, &b);
    if (b.len)
        *slot = sl_buf_take(&b);
    sl_buf_free(&b);
}

/* ---- <meta> --------------------------------------------------------------- */

/* Meta names that carry the publication date. */
static const char *const date_names[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "published_time", "published-date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date", "article.published",
    "article:published", "og:published_time", "article_date_original",
    "original-publish-date", "citation_publication_date", "citation_date",
    "datepublished", "release_date", "displaydate", "dc:date", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(list[i], s) == 0)
            return true;
    return false;
}

/* One meta key (lowercase or not) with its content. */
static void meta_key(found *f, const char *key, const char *content)
{
    if (!strcasecmp(key, "og:title"))
        keep(&f->title[T_OG], content);
    else if (!strcasecmp(key, "twitter:title"))
        keep(&f->title[T_TWITTER], content);
    else if (!strcasecmp(key, "og:url"))
        keep(&f->og_url, content);
    else if (!strcasecmp(key, "og:site_name"))
        keep(&f->site, content);
    else if (!strcasecmp(key, "article:published_time"))
        keep(&f->date[D_ARTICLE], content);
    else if (!strcasecmp(key, "datepublished"))
        keep(&f->date[D_ITEMPROP], content);
    else if (in_list(date_names, key))
        keep(&f->date[D_META], content);
    else if (!strcasecmp(key, "content-language"))
        keep(&f->lang, content);
}

/* Each space-separated word of an attribute is a key ("og:title dc:title"). */
static void meta_keys(found *f, const char *keys, const char *content)
{
    char word[128];
    while (keys && *keys) {
        size_t n = strcspn(keys, " \t\n\r");
        if (n && n < sizeof word) {
            memcpy(word, keys, n);
            word[n] = '\0';
            meta_key(f, word, content);
        }
        keys += n;
        keys += strspn(keys, " \t\n\r");
    }
}

static void on_meta(found *f, const GumboNode *n)
{
    const char *content = sl_html_attr(n, "content");
    if (!content)
        return;
    meta_keys(f, sl_html_attr(n, "property"), content);
    meta_keys(f, sl_html_attr(n, "name"), content);
    meta_keys(f, sl_html_attr(n, "itemprop"), content);
    meta_keys(f, sl_html_attr(n, "http-equiv"), content);
}

/* ---- JSON-LD -------------------------------------------------------------- */

/* The first string value of 'key' in o, an object's own key before its
 * children's, so that a top-level article wins over items nested in it; NULL
 * if none.  Borrowed from o.  Depth-limited: JSON-LD is shallow. */
static const char *ld_find(const cJSON *o, const char *key, int depth)
{
    if (!o || depth > 8)
        return NULL;
    const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    if (cJSON_IsString(v) && v->valuestring && v->valuestring[0])
        return v->valuestring;
    for (const cJSON *c = o->child; c; c = c->next) {
        if (!cJSON_IsObject(c) && !cJSON_IsArray(c))
            continue;
        const char *s = ld_find(c, key, depth + 1);
        if (s)
            return s;
    }
    return NULL;
}

static void on_ld_json(found *f, const GumboNode *script)
{
    if (script->v.element.children.length == 0)
        return;
    const GumboNode *t = script->v.element.children.data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA &&
        t->type != GUMBO_NODE_WHITESPACE)
        return;
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(t->v.text.text, strlen(t->v.text.text), &end, 0);
    if (!o)
        return;
    keep(&f->date[D_LD], ld_find(o, "datePublished", 0));
    keep(&f->title[T_LD], ld_find(o, "headline", 0));
    cJSON_Delete(o);
}

/* ---- the walk ------------------------------------------------------------- */

/* True if attribute 'attr' of n contains 'word', ignoring case. */
static bool attr_has(const GumboNode *n, const char *attr, const char *word)
{
    const char *v = sl_html_attr(n, attr);
    size_t m = strlen(word);
    for (; v && *v; v++)
        if (strncasecmp(v, word, m) == 0)
            return true;
    return false;
}

static void on_time(found *f, const GumboNode *n)
{
    const char *dt = sl_html_attr(n, "datetime");
    if (dt && sl_html_attr(n, "pubdate"))
        keep(&f->date[D_META], dt);
    keep(&f->date[D_TIME], dt);
}

static void on_element(found *f, const GumboNode *n)
{
    const GumboElement *el = &n->v.element;
    if (el->tag_namespace != GUMBO_NAMESPACE_HTML)
        return;
    switch (el->tag) {
    case GUMBO_TAG_HTML:
        keep(&f->lang, sl_html_attr(n, "lang"));
        keep(&f->lang, sl_html_attr(n, "xml:lang"));
        break;
    case GUMBO_TAG_TITLE: keep_text(&f->title[T_TITLE], n); break;
    case GUMBO_TAG_H1: keep_text(&f->title[T_H1], n); break;
    case GUMBO_TAG_META: on_meta(f, n); break;
    case GUMBO_TAG_TIME: on_time(f, n); break;
    case GUMBO_TAG_LINK:
        if (attr_has(n, "rel", "canonical"))
            keep(&f->canonical, sl_html_attr(n, "href"));
        break;
    case GUMBO_TAG_SCRIPT:
        if (attr_has(n, "type", "ld+json"))
            on_ld_json(f, n);
        break;
    default: break;
    }
    if (el->tag != GUMBO_TAG_META && attr_has(n, "itemprop", "datePublished")) {
        keep(&f->date[D_ITEMPROP], sl_html_attr(n, "datetime"));
        keep(&f->date[D_ITEMPROP], sl_html_attr(n, "content"));
    }
}

static void collect(const GumboNode *root, found *f)
{
    for (const GumboNode *n = root; n;) {
        bool elem = n->type == GUMBO_NODE_ELEMENT;
        if (elem)
            on_element(f, n);
        bool inside = elem && n->v.element.tag != GUMBO_TAG_SCRIPT &&
                      n->v.element.tag != GUMBO_TAG_STYLE &&
                      n->v.element.tag != GUMBO_TAG_TITLE;
        n = sl_html_walk_next(n, root, inside);
    }
}

/* ---- site names in titles ------------------------------------------------- */

/* s lowercased with only letters and digits kept (bytes >= 0x80 kept as is),
 * into out (size cap). */
static void squash(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c >= 0x80)
            out[k++] = (char)tolower(c);
    }
    out[k] = '\0';
}

/* The main label of a URL's host: "www.example.co.uk" -> "example". */
static void domain_label(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h)
        return;
    h += 3;
    size_t n = strcspn(h, "/:?#");
    if (n > 4 && strncasecmp(h, "www.", 4) == 0)
        h += 4, n -= 4;
    const char *dot = memchr(h, '.', n);
    squash(h, dot ? (size_t)(dot - h) : n, out, cap);
}

/* True if the piece s[0..n) names the site. */
static bool names_site(const char *s, size_t n, const char *site, const char *dom)
{
    char p[256], q[256];
    squash(s, n, p, sizeof p);
    if (strlen(p) < 2)
        return false;
    if (site) {
        squash(site, strlen(site), q, sizeof q);
        if (q[0] && (strstr(q, p) || strstr(p, q)))
            return true;
    }
    return dom[0] && strlen(dom) >= 3 && (strstr(p, dom) || (strlen(p) >= 3 && strstr(dom, p)));
}

static size_t words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            w++;
    return w;
}

static const char *const separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " \xC2\xB7 ", " :: ", " \xC2\xBB ", " / ",
                                         " \\ ", " ~ ", NULL};

/* Finds the last (or first) separator in s: its offset and width. */
static bool find_sep(const char *s, bool last, size_t *at, size_t *w)
{
    bool any = false;
    for (size_t i = 0; separators[i]; i++) {
        const char *p = strstr(s, separators[i]), *q;
        while (last && p && (q = strstr(p + 1, separators[i])) != NULL)
            p = q;
        if (!p)
            continue;
        size_t off = (size_t)(p - s);
        if (!any || (last ? off > *at : off < *at)) {
            *at = off;
            *w = strlen(separators[i]);
            any = true;
        }
    }
    return any;
}

/* Cuts site names (and, if 'loose', short trailing parts) from the ends of
 * title t, in place. */
static void strip_site(char *t, const char *site, const char *url, bool loose)
{
    char dom[128];
    domain_label(url, dom, sizeof dom);
    size_t at, w;
    for (int round = 0; round < 3 && find_sep(t, true, &at, &w); round++) {
        const char *tail = t + at + w;
        size_t tn = strlen(tail);
        bool cut = names_site(tail, tn, site, dom) ||
                   (loose && words(tail, tn) <= 3 && words(t, at) >= 3 &&
                    words(t, at) > words(tail, tn));
        if (!cut)
            break;
        t[at] = '\0';
    }
    if (find_sep(t, false, &at, &w) && names_site(t, at, site, dom) &&
        words(t + at + w, strlen(t + at + w)) >= 2)
        memmove(t, t + at + w, strlen(t + at + w) + 1);
}

/* ---- the decisions -------------------------------------------------------- */

static void set_title(sl_article *a, found *f)
{
    const char *url = a->url ? a->url : f->og_url ? f->og_url : f->canonical;
    const char *site = a->site ? a->site : f->site;
    for (int r = 0; r < T_N; r++) {
        if (!f->title[r])
            continue;
        strip_site(f->title[r], site, url, r == T_TITLE || r == T_TWITTER);
        sl_article_set(&a->title, f->title[r], strlen(f->title[r]));
        if (a->title)
            return;
    }
}

/* A date written in a URL's path: /2020/06/15/, /2020-06-15, /2020/06/. */
static bool url_date(const char *url, sl_date *d)
{
    const char *p = url ? strstr(url, "://") : NULL;
    p = p ? strchr(p + 3, '/') : NULL;
    for (; p && *p; p = strchr(p + 1, '/')) {
        size_t used = sl_date_parse_iso(p + 1, d);
        char next = used ? p[1 + used] : 'x';
        bool ends = next == '/' || next == '-' || next == '_' || next == '.' ||
                    next == '\0' || next == '?';
        if (used && ends && d->precision >= SL_DATE_MONTH && d->year >= 1990 &&
            d->year <= 2100)
            return true;
    }
    *d = (sl_date){0, 0, 0, SL_DATE_NONE};
    return false;
}

static void set_date(sl_article *a, const found *f)
{
    for (int r = 0; r < D_N; r++) {
        const char *s = f->date[r];
        sl_date d;
        if (s && sl_date_parse_iso(s, &d) && d.precision != SL_DATE_NONE) {
            a->date = d;
            return;
        }
    }
    sl_date d;
    if (url_date(a->url, &d))
        a->date = d;
}

/* "en-US" -> "en": the primary subtag, lowercased; letters only. */
static void set_lang(sl_article *a, const char *lang)
{
    size_t k = 0;
    while (lang && isalpha((unsigned char)lang[k]) && k + 1 < sizeof a->lang_hint && k < 8) {
        a->lang_hint[k] = (char)tolower((unsigned char)lang[k]);
        k++;
    }
    a->lang_hint[k] = '\0';
    if (k < 2)
        a->lang_hint[0] = '\0';
}

static void found_free(found *f)
{
    for (int i = 0; i < T_N; i++)
        free(f->title[i]);
    for (int i = 0; i < D_N; i++)
        free(f->date[i]);
    free(f->og_url);
    free(f->canonical);
    free(f->site);
    free(f->lang);
}

void sl_html_meta(const GumboNode *root, sl_article *a)
{
    found f = {0};
    collect(root, &f);
    if (!a->url) {
        const char *u = f.og_url ? f.og_url : f.canonical;
        sl_article_set(&a->url, u, u ? strlen(u) : 0);
    }
    if (!a->site)
        sl_article_set(&a->site, f.site, f.site ? strlen(f.site) : 0);
    if (!a->title)
        set_title(a, &f);
    if (a->date.precision == SL_DATE_NONE)
        set_date(a, &f);
    if (!a->lang_hint[0])
        set_lang(a, f.lang);
    found_free(&f);
}
