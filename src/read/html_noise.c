/*
 * html_noise.c -- lines that are not text even inside an article, and the
 * word comparison of titles that finding some of them needs.
 *
 *   bylines       "By Jane Doe", "Von Jan Vermeulen, Antwerpen": an opening
 *                 word, then only names, no sentence
 *   placeholders  "Advertisement", "Anzeige", "Loading...": a label alone
 *   title words   how much of a heading is the title (Readability's test,
 *                 which drops a heading repeating the title), and how much
 *                 two titles share (which JSON-LD field is the headline)
 *
 * Words, for titles: runs of ASCII letters and digits, and of bytes >= 0x80
 * (so a title in any script is words, CJK runs as one word each),
 * lowercased.  At most 64 words of 47 bytes count: titles are short.
 *
 * These judge one line at a time and know nothing of the page; markup
 * (class="byline", <time>) is judged in html_blocks.c.
 *
 * Tests: tests/read/test_html.c.
 */
#include "html_parts.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 64

typedef struct {
    char w[MAX_WORDS][48];
    size_t n;
} words;

static bool word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* The words of s[0..n). */
static void split(const char *s, size_t n, words *out)
{
    out->n = 0;
    for (size_t i = 0; i < n && out->n < MAX_WORDS;) {
        while (i < n && !word_byte((unsigned char)s[i]))
            i++;
        size_t m = 0;
        while (i < n && word_byte((unsigned char)s[i])) {
            if (m < 47)
                out->w[out->n][m++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        if (m)
            out->w[out->n++][m] = '\0';
    }
}

static bool has_word(const words *ws, const char *w)
{
    for (size_t i = 0; i < ws->n; i++)
        if (!strcmp(ws->w[i], w))
            return true;
    return false;
}

double sl_html_cover(const char *a, const char *b, size_t bn)
{
    words wa, wb;
    split(a, strlen(a), &wa);
    split(b, bn, &wb);
    size_t all = 0, found = 0;
    for (size_t i = 0; i < wb.n; i++) {
        size_t len = strlen(wb.w[i]);
        all += len;
        found += has_word(&wa, wb.w[i]) ? len : 0;
    }
    return wa.n && all ? (double)found / (double)all : 0;
}

double sl_html_overlap(const char *a, const char *b)
{
    words wa, wb;
    split(a, strlen(a), &wa);
    split(b, strlen(b), &wb);
    size_t shared = 0;
    for (size_t i = 0; i < wa.n; i++)
        shared += has_word(&wb, wa.w[i]);
    for (size_t i = 0; i < wb.n; i++)
        shared += has_word(&wa, wb.w[i]);
    return wa.n + wb.n ? (double)shared / (double)(wa.n + wb.n) : 0;
}

/* ---- bylines ------------------------------------------------------------------ */

/* The length of a word that opens a byline in the languages of the news,
 * or 0. */
static size_t byline_opening(const char *s)
{
    static const char *const opens[] = {"by ", "von ", "par ", "por ", "door ", "di ",
                                        "av ", "af ", "od ", "written by ", "reporting by ",
                                        "text: ", "autor: ", "author: ", "auteur : ", NULL};
    for (size_t i = 0; opens[i]; i++)
        if (strncasecmp(s, opens[i], strlen(opens[i])) == 0)
            return strlen(opens[i]);
    return 0;
}

bool sl_html_byline(const char *s, size_t n, uint32_t chars)
{
    size_t at = byline_opening(s);
    if (!at || !n || chars > 100 || strchr(".?!", s[n - 1]))
        return false;
    int upper = 0, lower = 0, nwords = 0;
    for (size_t i = at; i < n; nwords++) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == ';' || s[i] == '|'))
            i++;
        size_t w = i;
        while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';')
            i++;
        if (i - w >= 4) { /* "and", "und", "de", initials do not count */
            upper += isupper((unsigned char)s[w]) != 0;
            lower += islower((unsigned char)s[w]) != 0;
        }
    }
    return nwords <= 12 && upper >= 1 && lower == 0;
}

bool sl_html_placeholder(const char *s, size_t n)
{
    static const char *const labels[] = {
        "ad", "ads", "advertisement", "advertising", "anzeige", "werbung", "publicité",
        "publicite", "publicidad", "pubblicità", "advertentie", "reklama", "реклама",
        "Реклама", "广告", "anuncio", "loading", "loading...", "loading…", "chargement",
        "chargement...", "cargando", "cargando...", "загрузка", "Загрузка", "загрузка...",
        "Загрузка...", "正在加载", NULL};
    for (size_t i = 0; labels[i]; i++)
        if (strlen(labels[i]) == n && strncasecmp(s, labels[i], n) == 0)
            return true;
    return false;
}
