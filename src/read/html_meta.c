/*
 * html_meta.c -- what a page says about itself: title, url, site, date and
 * language hint, from <meta>, <link>, <title>, <time>, JSON-LD and the URL.
 *
 * One walk over the tree collects every candidate into ranked slots (the
 * first value seen for each source); then each field takes the best-ranked
 * source that gives a usable value.  Ranks, best first:
 *
 *   title  JSON-LD article headline (or name), dc:title, og:title, meta
 *          title, twitter:title, parsely-title, <title>, the first <h1>
 *   url    og:url, <link rel=canonical>
 *   site   og:site_name, JSON-LD publisher name
 *   date   JSON-LD datePublished, article:published_time, itemprop=
 *          datePublished, other common meta (parsely-pub-date, DC.date,
 *          pubdate ...), <time datetime>, a /YYYY/MM/DD/ in the URL
 *
 * The structured sources come first because they are written for machines
 * and say which page object is the article: og:title is often a variant
 * for social media, and article:published_time is sometimes the date of a
 * later update, where the JSON-LD article keeps the first publication.
 * The JSON-LD object used is the article one (@type NewsArticle,
 * BlogPosting ..., at the top, in an array or in an @graph), never the
 * first "headline" found anywhere (a video or a related item).
 *
 * Titles lose a site name glued to them ("Storm hits coast - Daily News",
 * "Daily News | Storm hits coast"): a part after (or before) a separator is
 * cut when it names the site (og:site_name or the URL's domain), and, for
 * the page's <title> only, the last part is cut once when it is short (up
 * to three words) beside a longer rest ("... | Politics").
 *
 * Fields already known (from a JSON line) are left alone.
 *
 * Tests: tests/read/test_html.c (each source, precedence, suffixes).
 */
#include "html_parts.h"

#include <cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { T_LD, T_DC, T_OG, T_META, T_TWITTER, T_PARSELY, T_TITLE, T_H1, T_N };
enum { D_LD, D_ARTICLE, D_ITEMPROP, D_META, D_TIME, D_N };

typedef struct {
    char *title[T_N];
    char *date[D_N];
    char *og_url, *canonical, *site, *ld_site, *lang;
    bool ld_done; /* an article object was found in JSON-LD */
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

/* Meta names that carry the publication date (besides the ranked ones). */
static const char *const date_names[] = {
    "parsely-pub-date", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "published_time", "published-date", "dc.date", "dc:date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "dcterms.available", "sailthru.date", "article.published", "article:published",
    "og:published_time", "article_date_original", "original-publish-date",
    "citation_publication_date", "citation_date", "release_date", "displaydate", NULL};

static const char *const dc_titles[] = {"dc:title", "dc.title", "dcterm:title",
                                        "dcterms:title", "dcterms.title", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(list[i], s) == 0)
            return true;
    return false;
}

/* A <meta> value replaces an earlier one for the same key: the last
 * declaration wins, as in Readability. */
static void keep_last(char **slot, const char *s)
{
    char *old = *slot;
    *slot = NULL;
    keep(slot, s);
    if (*slot)
        free(old);
    else
        *slot = old;
}

/* One meta key (any case) with its content. */
static void meta_key(found *f, const char *key, const char *content)
{
    if (!strcasecmp(key, "og:title"))
        keep_last(&f->title[T_OG], content);
    else if (in_list(dc_titles, key))
        keep_last(&f->title[T_DC], content);
    else if (!strcasecmp(key, "title") || !strcasecmp(key, "weibo:article:title") ||
             !strcasecmp(key, "weibo:webpage:title"))
        keep_last(&f->title[T_META], content);
    else if (!strcasecmp(key, "twitter:title"))
        keep_last(&f->title[T_TWITTER], content);
    else if (!strcasecmp(key, "parsely-title"))
        keep_last(&f->title[T_PARSELY], content);
    else if (!strcasecmp(key, "og:url"))
        keep_last(&f->og_url, content);
    else if (!strcasecmp(key, "og:site_name"))
        keep_last(&f->site, content);
    else if (!strcasecmp(key, "article:published_time"))
        keep_last(&f->date[D_ARTICLE], content);
    else if (!strcasecmp(key, "datepublished"))
        keep_last(&f->date[D_ITEMPROP], content);
    else if (in_list(date_names, key))
        keep_last(&f->date[D_META], content);
    else if (!strcasecmp(key, "content-language"))
        keep_last(&f->lang, content);
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

static const char *ld_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/* True if a @type value names an article (schema.org's Article family). */
static bool article_type(const cJSON *t)
{
    static const char *const kinds[] = {"Article", "Posting", "Report", "APIReference", NULL};
    if (cJSON_IsArray(t)) {
        for (const cJSON *c = t->child; c; c = c->next)
            if (article_type(c))
                return true;
        return false;
    }
    for (size_t i = 0; cJSON_IsString(t) && kinds[i]; i++)
        if (strstr(t->valuestring, kinds[i]))
            return true;
    return false;
}

/* The article object in a parsed JSON-LD value: itself, an item of an
 * array, or an item of its @graph.  Borrowed from v; NULL if none. */
static const cJSON *ld_article(const cJSON *v, int depth)
{
    if (!v || depth > 3)
        return NULL;
    if (cJSON_IsArray(v)) {
        for (const cJSON *c = v->child; c; c = c->next) {
            const cJSON *a = ld_article(c, depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (!cJSON_IsObject(v))
        return NULL;
    if (article_type(cJSON_GetObjectItemCaseSensitive(v, "@type")))
        return v;
    return ld_article(cJSON_GetObjectItemCaseSensitive(v, "@graph"), depth + 1);
}

/* "name" and "headline" usually agree.  Where they differ, one of them is
 * often something else (the site's name, a one-line description), so the
 * one closer to the page's other titles wins. */
static void ld_title(found *f, const cJSON *art)
{
    const char *name = ld_string(art, "name"), *head = ld_string(art, "headline");
    if (name && head && strcmp(name, head) != 0) {
        double sn = 0, sh = 0;
        for (int r = T_DC; r < T_N; r++) {
            if (!f->title[r])
                continue;
            double a = sl_html_overlap(name, f->title[r]);
            double b = sl_html_overlap(head, f->title[r]);
            sn = a > sn ? a : sn;
            sh = b > sh ? b : sh;
        }
        keep(&f->title[T_LD], sn > sh ? name : head);
    } else {
        keep(&f->title[T_LD], name ? name : head);
    }
}

/* The text of a JSON-LD script without CDATA markers, into b. */
static void ld_text(const GumboNode *script, sl_buf *b)
{
    for (unsigned i = 0; i < script->v.element.children.length; i++) {
        const GumboNode *t = script->v.element.children.data[i];
        if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA ||
            t->type == GUMBO_NODE_WHITESPACE)
            sl_buf_puts(b, t->v.text.text);
    }
    char *s = b->s ? b->s : "";
    char *open = strstr(s, "<![CDATA[");
    if (open)
        memset(open, ' ', 9);
    char *close = open ? strstr(s, "]]>") : NULL;
    if (close)
        memset(close, ' ', 3);
}

static void on_ld_json(found *f, const GumboNode *script)
{
    if (f->ld_done)
        return;
    sl_buf b = {0};
    ld_text(script, &b);
    cJSON *o = b.len ? cJSON_ParseWithLength(b.s, b.len) : NULL;
    const cJSON *art = ld_article(o, 0);
    if (art) {
        f->ld_done = true;
        ld_title(f, art);
        keep(&f->date[D_LD], ld_string(art, "datePublished"));
        const cJSON *pub = cJSON_GetObjectItemCaseSensitive(art, "publisher");
        keep(&f->ld_site, cJSON_IsObject(pub) ? ld_string(pub, "name") : NULL);
    }
    cJSON_Delete(o);
    sl_buf_free(&b);
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

#define MAX_LD 64 /* JSON-LD scripts looked at */

typedef struct {
    const GumboNode *v[MAX_LD];
    size_t n;
} scripts;

static void on_element(found *f, const GumboNode *n, scripts *ld)
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
        if (attr_has(n, "type", "ld+json") && ld->n < MAX_LD)
            ld->v[ld->n++] = n;
        break;
    default: break;
    }
    if (el->tag != GUMBO_TAG_META && attr_has(n, "itemprop", "datePublished")) {
        keep(&f->date[D_ITEMPROP], sl_html_attr(n, "datetime"));
        keep(&f->date[D_ITEMPROP], sl_html_attr(n, "content"));
    }
}

/* JSON-LD is read after the walk: choosing between its name and headline
 * needs the page's other titles. */
static void collect(const GumboNode *root, found *f)
{
    scripts ld = {.n = 0};
    for (const GumboNode *n = root; n;) {
        bool elem = n->type == GUMBO_NODE_ELEMENT;
        if (elem)
            on_element(f, n, &ld);
        bool inside = elem && n->v.element.tag != GUMBO_TAG_SCRIPT &&
                      n->v.element.tag != GUMBO_TAG_STYLE &&
                      n->v.element.tag != GUMBO_TAG_TITLE;
        n = sl_html_walk_next(n, root, inside);
    }
    for (size_t i = 0; i < ld.n; i++)
        on_ld_json(f, ld.v[i]);
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

/* The label a URL's host is known by: "www.example.co.uk" -> "example",
 * "en.wikipedia.org" -> "wikipedia". */
static void domain_label(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h)
        return;
    h += 3;
    size_t n = strcspn(h, "/:?#");
    const char *lab[8];
    size_t len[8], k = 0;
    for (const char *p = h, *end = h + n; p < end && k < 8;) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        size_t m = dot ? (size_t)(dot - p) : (size_t)(end - p);
        lab[k] = p, len[k++] = m;
        p += m + 1;
    }
    if (k == 0)
        return;
    size_t i = k >= 2 ? k - 2 : 0;
    if (k >= 3 && len[k - 1] == 2 && len[i] <= 3)
        i--; /* co.uk, com.au, ne.jp */
    squash(lab[i], len[i], out, cap);
}

/* True if squashed a and b are mostly the same name: one holds the other,
 * and the shorter is at least 60% of the longer. */
static bool same_name(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na < 2 || nb < 2)
        return false;
    const char *small = na <= nb ? a : b, *big = na <= nb ? b : a;
    size_t ns = na <= nb ? na : nb, nbig = na <= nb ? nb : na;
    return strstr(big, small) && ns * 10 >= nbig * 6;
}

static size_t words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            w++;
    return w;
}

/* True if the piece s[0..n) names the site: it is mostly the site's name,
 * or it is short (three words at most) and holds the name or the domain. */
static bool names_site(const char *s, size_t n, const char *site, const char *dom)
{
    char p[256], q[256];
    squash(s, n, p, sizeof p);
    bool short_piece = words(s, n) <= 3 && strlen(p) >= 2;
    if (site) {
        squash(site, strlen(site), q, sizeof q);
        if (same_name(p, q) || (short_piece && strlen(q) >= 3 && strstr(p, q)))
            return true;
    }
    return strlen(dom) >= 3 && (same_name(p, dom) || (short_piece && strstr(p, dom)));
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

/* Cuts site names (and, if 'loose', one short last part) from the ends of
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
                   (loose && round == 0 && words(tail, tn) <= 3 && words(t, at) >= 3 &&
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
    const char *site = a->site ? a->site : f->site ? f->site : f->ld_site;
    for (int r = 0; r < T_N; r++) {
        if (!f->title[r])
            continue;
        strip_site(f->title[r], site, url, r == T_TITLE);
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
    free(f->ld_site);
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
    if (!a->site) {
        const char *s = f.site ? f.site : f.ld_site;
        sl_article_set(&a->site, s, s ? strlen(s) : 0);
    }
    if (!a->title)
        set_title(a, &f);
    if (a->date.precision == SL_DATE_NONE)
        set_date(a, &f);
    if (!a->lang_hint[0])
        set_lang(a, f.lang);
    found_free(&f);
}
