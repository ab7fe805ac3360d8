/* Tests of the HTML reader (src/read/html*.c, charset.c) through
 * sl_article_read(): every metadata source and its precedence, every kind
 * of boilerplate block, charsets, and hostile pages.  The pages are written
 * here; the events in them are invented. */
#include "core/core.h"
#include "read/read.h"
#include "test.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

/* Three paragraphs of an invented report: the text every page must keep. */
#define STORY                                                                        \
    "<p>The harbour authority of Port Velden closed the northern quay on Tuesday "  \
    "after a crane collapsed onto two empty barges, officials said.</p>"            \
    "<p>Nobody was hurt, according to the fire service, but salvage teams expect "  \
    "the work to take at least a week, and ships have been sent south.</p>"         \
    "<p>The crane operator, a private firm, said an inspection in March had found " \
    "no fault, and that it would cooperate fully with the investigation.</p>"

#define P1 "The harbour authority of Port Velden closed the northern quay"
#define P3 "The crane operator, a private firm"

static sl_article *page(sl_engine *e, const char *html)
{
    sl_article *a = NULL;
    if (sl_article_read(e, "dir/quay-1.html", html, strlen(html), SL_FORMAT_HTML, &a) != SL_OK)
        return NULL;
    return a;
}

/* True if some paragraph contains 'needle'. */
static bool has(const sl_article *a, const char *needle)
{
    for (size_t i = 0; a && i < a->npara; i++)
        if (strstr(a->para[i], needle))
            return true;
    return false;
}

/* The page STORY in <article>, with 'extra' inside the article after it and
 * 'around' in the body after the article. */
static sl_article *story_with(sl_engine *e, const char *extra, const char *around)
{
    sl_buf b = {0};
    sl_buf_printf(&b, "<html><head><title>Crane collapse closes quay</title></head><body>"
                      "<article>%s%s</article>%s</body></html>",
                  STORY, extra, around);
    sl_article *a = page(e, b.s);
    sl_buf_free(&b);
    return a;
}

/* ---- metadata ------------------------------------------------------------ */

/* og:title beats <title>; without it <title> serves; without both, <h1>. */
static void title_sources_in_order(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><head><title>Page title here</title>"
                            "<meta property=\"og:title\" content=\"Open graph title\"></head>"
                            "<body><h1>Heading one</h1>" STORY "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Open graph title");
    sl_article_free(a);
    a = page(e, "<html><head><title>Page title here</title></head><body><h1>Heading one</h1>" STORY
                "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Page title here");
    sl_article_free(a);
    a = page(e, "<html><body><h1>Heading one</h1>" STORY "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Heading one");
    sl_article_free(a);
    sl_engine_free(e);
}

/* The JSON-LD article's headline beats og:title (often a social-media
 * variant); a headline inside another object (a video) is not the title;
 * CDATA markers and @graph are understood. */
static void title_from_json_ld(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e,
        "<html><head><meta property=\"og:title\" content=\"You will not believe this crane\">"
        "<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"headline\":\"Video: the crane\"}</script>"
        "<script type=\"application/ld+json\"><![CDATA[{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"Velden Courier\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Crane collapse closes Velden quay\","
        "\"datePublished\":\"2024-03-05T09:30:00+01:00\",\"publisher\":{\"name\":\"Velden Courier\"}}]}]]></script>"
        "</head><body>" STORY "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Crane collapse closes Velden quay");
    CHECK_STR(a->site, "Velden Courier");
    CHECK_INT(a->date.year, 2024);
    CHECK_INT(a->date.month, 3);
    CHECK_INT(a->date.day, 5);
    sl_article_free(a);
    sl_engine_free(e);
}

/* Where JSON-LD "name" is the site's name and "headline" the article's, the
 * one matching the page's other titles wins. */
static void json_ld_name_or_headline(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e,
        "<html><head><title>Crane collapse closes Velden quay - Velden Courier</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"Velden Courier\","
        "\"headline\":\"Crane collapse closes Velden quay\"}</script></head><body>" STORY "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Crane collapse closes Velden quay");
    sl_article_free(a);
    sl_engine_free(e);
}

static void title_from_dublin_core(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><head><title>draft-17 - Quay report</title>"
                            "<meta name=\"DC.title\" content=\"Quay report\"></head><body>" STORY
                            "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Quay report");
    sl_article_free(a);
    sl_engine_free(e);
}

/* Site names glued to titles go, whichever side, whatever the separator;
 * a dash inside the headline itself stays. */
static void site_suffixes_removed(void)
{
    static const char *const cases[][3] = {
        /* <title>, og:site_name, expected */
        {"Crane collapse closes quay - BBC News", "BBC News", "Crane collapse closes quay"},
        {"Crane collapse closes quay | The Guardian", "the Guardian", "Crane collapse closes quay"},
        {"Velden Courier \xE2\x80\x94 Crane collapse closes quay", "Velden Courier",
         "Crane collapse closes quay"},
        {"Crane collapse closes quay | Ports | Velden Courier", "Velden Courier",
         "Crane collapse closes quay | Ports"},
        {"Cranes, barges and a quay - a week of salvage ahead", "Velden Courier",
         "Cranes, barges and a quay - a week of salvage ahead"},
    };
    sl_engine *e = sl_engine_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_buf b = {0};
        sl_buf_printf(&b, "<html><head><title>%s</title><meta property=\"og:site_name\" "
                          "content=\"%s\"></head><body>" STORY "</body></html>",
                      cases[i][0], cases[i][1]);
        sl_article *a = page(e, b.s);
        sl_buf_free(&b);
        CHECK(a);
        CHECK_STR(a->title, cases[i][2]);
        sl_article_free(a);
    }
    /* no site name: the domain of og:url tells it */
    sl_article *a = page(e, "<html><head><meta property=\"og:title\" content=\"Crane collapse "
                            "closes quay - Velden Courier\"><meta property=\"og:url\" content="
                            "\"https://www.veldencourier.example/ports/quay\"></head><body>" STORY
                            "</body></html>");
    CHECK(a);
    CHECK_STR(a->title, "Crane collapse closes quay");
    sl_article_free(a);
    sl_engine_free(e);
}

static void url_and_site(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><head><link rel=\"canonical\" href=\"https://c.example/a\">"
                            "<meta property=\"og:url\" content=\"https://og.example/a\">"
                            "<meta property=\"og:site_name\" content=\"Velden Courier\">"
                            "</head><body>" STORY "</body></html>");
    CHECK(a);
    CHECK_STR(a->url, "https://og.example/a");
    CHECK_STR(a->site, "Velden Courier");
    sl_article_free(a);
    a = page(e, "<html><head><link rel=\"canonical\" href=\"https://c.example/a\"></head><body>" STORY
                "</body></html>");
    CHECK(a);
    CHECK_STR(a->url, "https://c.example/a");
    CHECK(a->site == NULL);
    sl_article_free(a);
    sl_engine_free(e);
}

/* Dates: JSON-LD, then article:published_time, then <time datetime>, then
 * the URL's path. */
static void date_sources_in_order(void)
{
    static const char *const pages[][2] = {
        {"<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":"
         "\"2024-03-05T22:10:00Z\"}</script><meta property=\"article:published_time\" "
         "content=\"2024-03-06T08:00:00Z\">",
         "2024-03-05"},
        {"<meta property=\"article:published_time\" content=\"2024-03-06T08:00:00Z\">",
         "2024-03-06"},
        {"</head><body><p><time datetime=\"2024-03-07\">7 March</time> Velden.</p><head>",
         "2024-03-07"},
        {"<meta property=\"og:url\" content=\"https://v.example/news/2024/03/08/quay\">",
         "2024-03-08"},
        {"<meta property=\"og:url\" content=\"https://v.example/news/quay\">", ""},
    };
    sl_engine *e = sl_engine_new();
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        sl_buf b = {0};
        sl_buf_printf(&b, "<html><head>%s</head><body>" STORY "</body></html>", pages[i][0]);
        sl_article *a = page(e, b.s);
        sl_buf_free(&b);
        CHECK(a);
        char d[11];
        sl_date_format(a->date, d);
        CHECK_STR(d, pages[i][1]);
        sl_article_free(a);
    }
    sl_engine_free(e);
}

/* <html lang> is a hint; a field the caller knows (a JSON line's) stays. */
static void lang_hint_and_known_fields(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html lang=\"de-BE\"><head><title>Kran</title></head><body>" STORY
                            "</body></html>");
    CHECK(a);
    CHECK_STR(a->lang_hint, "de");
    CHECK_STR(a->lang, "und");
    sl_article_free(a);
    const char *html = "<html lang=\"de\"><head><title>From the page</title></head><body>" STORY
                       "</body></html>";
    a = sl_article_new();
    a->title = sl_xstrdup("From the feed");
    strcpy(a->lang_hint, "nl");
    CHECK_INT(sl_read_html(e, a, html, strlen(html)), SL_OK);
    CHECK_STR(a->title, "From the feed");
    CHECK_STR(a->lang_hint, "nl");
    sl_article_free(a);
    sl_engine_free(e);
}

/* ---- main text ----------------------------------------------------------- */

/* One paragraph per block: p, headings of the body, list items, quotes,
 * pre; the heading repeating the title is not one of them. */
static void one_paragraph_per_block(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = story_with(e,
        "<h2>What the salvage teams found</h2>"
        "<ul><li>Two barges with dented hulls, both empty at the time.</li>"
        "<li>A crane arm broken in three places, lying across the quay.</li></ul>"
        "<blockquote>We were lucky that it happened at night, said one docker.</blockquote>"
        "<pre>quay 4: closed\nquay 5: open</pre>",
        "");
    CHECK(a);
    CHECK_INT(a->npara, 8);
    CHECK_STR(a->para[3], "What the salvage teams found");
    CHECK_STR(a->para[4], "Two barges with dented hulls, both empty at the time.");
    CHECK(has(a, "lucky that it happened"));
    CHECK_STR(a->para[7], "quay 4: closed quay 5: open");
    sl_article_free(a);
    a = page(e, "<html><head><title>Crane collapse closes quay</title></head><body><article>"
                "<h1>Crane collapse closes quay</h1>" STORY "</article></body></html>");
    CHECK(a);
    CHECK_INT(a->npara, 3);
    CHECK(has(a, P1));
    sl_article_free(a);
    sl_engine_free(e);
}

/* Each kind of boilerplate block, around or inside the article, is not
 * text; the article is, whole. */
static void boilerplate_blocks_dropped(void)
{
    static const char *const cases[][3] = {
        /* inside the article, around it, a phrase that must be gone */
        {"", "<nav><a href=\"/\">Home page of the courier</a> <a href=\"/ports\">Ports</a></nav>",
         "Home page"},
        {"", "<aside><h2>More on ports</h2><p>Readers also liked our series on the lock "
             "gates of the old canal.</p></aside>", "lock gates"},
        {"<figure><img src=\"c.jpg\"><figcaption>The fallen crane seen from the "
         "water on Tuesday. Photo: V. Press</figcaption></figure>", "", "fallen crane seen"},
        {"<div class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/a\">Quay "
         "repairs delayed again</a></li><li><a href=\"/b\">New cranes ordered</a></li></ul></div>",
         "", "repairs delayed"},
        {"<ul><li><a href=\"/a\">Lock gates to be replaced</a></li><li><a href=\"/b\">"
         "Ferry timetable changes</a></li><li><a href=\"/c\">Dock museum reopens</a></li></ul>",
         "", "Ferry timetable"},
        {"<div class=\"share-buttons\"><a href=\"#\">Share on social media</a> "
         "<a href=\"#\">Send by mail</a></div>", "", "Share on"},
        {"<div class=\"newsletter-signup\"><p>Subscribe to the morning port briefing, "
         "free every weekday.</p></div>", "", "morning port briefing"},
        {"", "<section id=\"comments\"><h2>Comments (2)</h2><p>Finally someone says it, "
             "the cranes are too old.</p><p>Who pays for all this? We do.</p></section>",
         "Who pays"},
        {"", "<footer><p>Copyright 2024 Velden Courier. All rights reserved.</p></footer>",
         "All rights"},
        {"", "<div class=\"cookie-banner\"><p>We use cookies to improve your visit. "
             "Accept all or choose your settings.</p></div>", "cookies"},
        {"<p class=\"byline\">By Mara Lindqvist, Port Velden</p>", "", "Mara"},
        {"<p>By Mara Lindqvist and Tom Aalders</p>", "", "Aalders"},
        {"<p class=\"date\">Updated 5 March 2024, 09:30</p>", "", "Updated"},
        {"<p><time datetime=\"2024-03-05\">5 March 2024</time></p>", "", "5 March"},
        {"<div style=\"display: none\"><p>Hidden teaser for another story about tugboats "
         "and their crews.</p></div>", "", "tugboats"},
        {"<script>var quay = 'script text stays out';</script><style>p{}</style>", "",
         "script text"},
    };
    sl_engine *e = sl_engine_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_article *a = story_with(e, cases[i][0], cases[i][1]);
        if (!a || has(a, cases[i][2]) || !has(a, P1) || !has(a, P3) || a->npara != 3) {
            printf("  case %zu (%s): %zu paragraphs\n", i, cases[i][2], a ? a->npara : 0);
            for (size_t k = 0; a && k < a->npara; k++)
                printf("    [%zu] %s\n", k, a->para[k]);
            sl_article_free(a);
            CHECK(!"boilerplate kept or article lost");
        }
        sl_article_free(a);
    }
    sl_engine_free(e);
}

/* In a long article, a paragraph that is one link (a teaser for another
 * story) and an "Advertisement" label are not text; a page of nothing but
 * links keeps them, or it would have no text at all. */
static void lone_links_and_labels(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = story_with(e,
        "<p><a href=\"/quay-repairs\">Quay repairs delayed again</a></p><p>Advertisement</p>"
        "<p>Port Velden handles about a fifth of the region's grain exports, and farmers' "
        "groups warned on Wednesday that a long closure would hurt them, since the southern "
        "quays are already busy with container traffic.</p>", "");
    CHECK(a);
    CHECK_INT(a->npara, 4);
    CHECK(!has(a, "repairs delayed"));
    CHECK(!has(a, "Advertisement"));
    sl_article_free(a);
    a = page(e, "<html><body><p><a href=\"/a\">Quay repairs delayed again</a></p>"
                "<p><a href=\"/b\">New cranes ordered for the north quay</a></p></body></html>");
    CHECK(a);
    CHECK_INT(a->npara, 2);
    sl_article_free(a);
    sl_engine_free(e);
}

/* A page of menus and a short article: the article, not the menus. */
static void article_among_menus(void)
{
    sl_engine *e = sl_engine_new();
    sl_buf b = {0};
    sl_buf_puts(&b, "<html><body><div id=\"top\"><ul>");
    for (int i = 0; i < 40; i++)
        sl_buf_printf(&b, "<li><a href=\"/s%d\">Section number %d of the site</a></li>", i, i);
    sl_buf_puts(&b, "</ul></div><div class=\"main\"><div class=\"story-body\">" STORY
                    "</div></div><div class=\"sidebar\"><p>Most read: lock gates, ferries, "
                    "the dock museum and the new cranes.</p></div></body></html>");
    sl_article *a = page(e, b.s);
    sl_buf_free(&b);
    CHECK(a);
    CHECK_INT(a->npara, 3);
    CHECK(has(a, P1));
    CHECK(!has(a, "Section number"));
    CHECK(!has(a, "Most read"));
    sl_article_free(a);
    sl_engine_free(e);
}

/* Text in a <div> split by <br><br> is paragraphs; a lone <br> is a space. */
static void br_paragraphs(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><body><div>The quay stays closed<br>until Monday.<br><br>"
                            "Ships go south, to the old harbour.<br> <br>Salvage starts "
                            "tomorrow.</div></body></html>");
    CHECK(a);
    CHECK_INT(a->npara, 3);
    CHECK_STR(a->para[0], "The quay stays closed until Monday.");
    CHECK_STR(a->para[2], "Salvage starts tomorrow.");
    sl_article_free(a);
    sl_engine_free(e);
}

/* An article whose container is named like furniture is still found: the
 * second attempt, without the "unlikely" step, finds it. */
static void misnamed_container(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><body><div class=\"sidebar-wrap\">" STORY
                            "</div></body></html>");
    CHECK(a);
    CHECK_INT(a->npara, 3);
    sl_article_free(a);
    sl_engine_free(e);
}

/* A data table's cells are text, one paragraph per row. */
static void data_table_kept(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = story_with(e,
        "<table><tr><th>Quay</th><th>Status</th></tr><tr><td>North</td><td>closed</td></tr>"
        "<tr><td>South</td><td><p>open</p></td></tr></table>", "");
    CHECK(a);
    CHECK_INT(a->npara, 7);
    CHECK_STR(a->para[3], "Quay | Status");
    CHECK_STR(a->para[4], "North | closed");
    CHECK_STR(a->para[5], "South");
    CHECK_STR(a->para[6], "open");
    sl_article_free(a);
    sl_engine_free(e);
}

/* ---- bad input ------------------------------------------------------------ */

static void truncated_page_keeps_text(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><head><title>Cut</title></head><body><article><p>Half a "
                            "paragraph about the qu");
    CHECK(a);
    CHECK(has(a, "Half a paragraph about the qu"));
    sl_article_free(a);
    sl_engine_free(e);
}

static void no_text_is_an_error(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = NULL;
    const char *html = "<html><head><title>Only a title</title></head><body><nav><a href="
                       "\"/\">Home</a></nav><img src=\"x.jpg\"></body></html>";
    CHECK_INT(sl_article_read(e, "empty.html", html, strlen(html), SL_FORMAT_HTML, &a),
              SL_EINPUT);
    CHECK(strstr(sl_engine_error(e), "no text in page"));
    sl_engine_free(e);
}

static void too_large_refused(void)
{
    sl_engine *e = sl_engine_new();
    size_t n = SL_MAX_INPUT + 1;
    char *big = sl_xmalloc(n);
    memset(big, 'x', n);
    memcpy(big, "<html><body><p>", 15);
    sl_article *a = NULL;
    CHECK_INT(sl_article_read(e, "big.html", big, n, SL_FORMAT_HTML, &a), SL_EINPUT);
    CHECK(a == NULL);
    free(big);
    sl_engine_free(e);
}

/* A million nested <div>s: no stack overflow, done quickly (the alarm in
 * main() is the timeout), and the text at the bottom is found. */
static void deep_nesting(void)
{
    const size_t depth = 1000000;
    sl_buf b = {0};
    sl_buf_puts(&b, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        sl_buf_put(&b, "<div>", 5);
    sl_buf_puts(&b, "<p>The bottom of a very deep page.</p>");
    for (size_t i = 0; i < depth; i++)
        sl_buf_put(&b, "</div>", 6);
    sl_buf_puts(&b, "</body></html>");
    sl_engine *e = sl_engine_new();
    sl_article *a = NULL;
    CHECK_INT(sl_article_read(e, "deep.html", b.s, b.len, SL_FORMAT_HTML, &a), SL_OK);
    CHECK(has(a, "The bottom of a very deep page."));
    sl_article_free(a);
    /* unclosed formatting tags nest too */
    sl_buf_clear(&b);
    for (size_t i = 0; i < depth / 4; i++)
        sl_buf_put(&b, "<b><i>", 6);
    sl_buf_puts(&b, "Bold and deep.");
    CHECK_INT(sl_article_read(e, "deep.html", b.s, b.len, SL_FORMAT_HTML, &a), SL_OK);
    CHECK(has(a, "Bold and deep."));
    sl_article_free(a);
    sl_buf_free(&b);
    sl_engine_free(e);
}

/* ---- charsets --------------------------------------------------------------- */

/* "Кран упал в порту" in windows-1251, declared. */
static void windows_1251_page(void)
{
    const char *html = "<html><head><meta charset=\"windows-1251\"><title>\xCA\xF0\xE0\xED"
                       "</title></head><body><p>\xCA\xF0\xE0\xED \xF3\xEF\xE0\xEB \xE2 "
                       "\xEF\xEE\xF0\xF2\xF3.</p></body></html>";
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, html);
    CHECK(a);
    CHECK_STR(a->title, "Кран");
    CHECK_STR(a->para[0], "Кран упал в порту.");
    CHECK_INT(a->invalid_bytes, 0);
    sl_article_free(a);
    sl_engine_free(e);
}

/* "Café à la grève" in ISO-8859-1, declared the http-equiv way. */
static void latin1_page(void)
{
    const char *html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                       "charset=ISO-8859-1\"></head><body><p>Caf\xE9 \xE0 la gr\xE8ve.</p>"
                       "</body></html>";
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, html);
    CHECK(a);
    CHECK_STR(a->para[0], "Café à la grève.");
    sl_article_free(a);
    sl_engine_free(e);
}

/* A byte order mark settles the charset, over any declaration. */
static void bom_pages(void)
{
    sl_engine *e = sl_engine_new();
    const char *utf8 = "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body>"
                       "<p>Grüße aus dem Hafen.</p></body></html>";
    sl_article *a = page(e, utf8);
    CHECK(a);
    CHECK_STR(a->para[0], "Grüße aus dem Hafen.");
    sl_article_free(a);
    /* UTF-16LE with its mark: "<p>Ä</p>" */
    const char u16[] = "\xFF\xFE<\0p\0>\0\xC4\0<\0/\0p\0>\0";
    CHECK_INT(sl_article_read(e, "u16.html", u16, sizeof u16 - 1, SL_FORMAT_HTML, &a), SL_OK);
    CHECK_STR(a->para[0], "Ä");
    sl_article_free(a);
    /* and without it: "<p>Kai</p><p>\u00C4</p>" in UTF-16BE */
    const char be[] = "\0<\0p\0>\0K\0a\0i\0<\0/\0p\0>\0<\0p\0>\0\xC4\0<\0/\0p\0>";
    CHECK_INT(sl_article_read(e, "u16.html", be, sizeof be - 1, SL_FORMAT_HTML, &a), SL_OK);
    CHECK_INT(a->npara, 2);
    CHECK_STR(a->para[1], "Ä");
    sl_article_free(a);
    sl_engine_free(e);
}

/* A page that says windows-1252 but is UTF-8 (a common lie) stays UTF-8;
 * one that says nothing is guessed. */
static void lying_and_silent_pages(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = page(e, "<html><head><meta charset=\"windows-1252\"></head><body>"
                            "<p>Straße, café, zürich: the quay is closed.</p></body></html>");
    CHECK(a);
    CHECK_STR(a->para[0], "Straße, café, zürich: the quay is closed.");
    CHECK_INT(a->invalid_bytes, 0);
    sl_article_free(a);
    /* undeclared windows-1251: enough Russian for the detector */
    a = page(e, "<html><body><p>\xCA\xF0\xE0\xED \xF3\xEF\xE0\xEB \xE2 \xEF\xEE\xF0\xF2\xF3 "
                "\xE2\xEE \xE2\xF2\xEE\xF0\xED\xE8\xEA, \xED\xE8\xEA\xF2\xEE \xED\xE5 "
                "\xEF\xEE\xF1\xF2\xF0\xE0\xE4\xE0\xEB, \xED\xEE \xEF\xF0\xE8\xF7\xE0\xEB "
                "\xE7\xE0\xEA\xF0\xFB\xF2 \xED\xE0 \xED\xE5\xE4\xE5\xEB\xFE.</p></body></html>");
    CHECK(a);
    CHECK(has(a, "Кран упал в порту"));
    sl_article_free(a);
    sl_engine_free(e);
}

/* ---- the bundled example ---------------------------------------------------- */

static void example_page(void)
{
    sl_buf b = {0};
    int rc = sl_buf_read_file(&b, "examples/html/antwerp-strike-de.html", SIZE_MAX);
    if (rc == ENOENT) {
        printf("skip example_page: run from the repository root\n");
        return;
    }
    CHECK_INT(rc, 0);
    sl_engine *e = sl_engine_new();
    sl_article *a = NULL;
    CHECK_INT(sl_article_read(e, "antwerp-strike-de.html", b.s, b.len, SL_FORMAT_HTML, &a),
              SL_OK);
    sl_buf_free(&b);
    CHECK_STR(a->title, "Streik legt Hafen Antwerpen lahm");
    CHECK_STR(a->site, "Nordsee Kurier");
    CHECK_INT(a->npara, 4);
    CHECK(has(a, "Hafenarbeiter"));
    CHECK(!has(a, "Von Jan Vermeulen"));
    CHECK(!has(a, "Foto: dpa"));
    CHECK(!has(a, "Teilen"));
    CHECK(!has(a, "Endlich wehrt"));
    sl_article_free(a);
    sl_engine_free(e);
}

int main(void)
{
    alarm(120); /* hostile pages must not hang the run */
    RUN(title_sources_in_order);
    RUN(title_from_json_ld);
    RUN(json_ld_name_or_headline);
    RUN(title_from_dublin_core);
    RUN(site_suffixes_removed);
    RUN(url_and_site);
    RUN(date_sources_in_order);
    RUN(lang_hint_and_known_fields);
    RUN(one_paragraph_per_block);
    RUN(boilerplate_blocks_dropped);
    RUN(lone_links_and_labels);
    RUN(article_among_menus);
    RUN(br_paragraphs);
    RUN(misnamed_container);
    RUN(data_table_kept);
    RUN(truncated_page_keeps_text);
    RUN(no_text_is_an_error);
    RUN(too_large_refused);
    RUN(deep_nesting);
    RUN(windows_1251_page);
    RUN(latin1_page);
    RUN(bom_pages);
    RUN(lying_and_silent_pages);
    RUN(example_page);
    return test_done();
}
