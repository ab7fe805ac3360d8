/*
 * text.c -- the plain-text reader (the seed format).
 *
 *      date 2020-06-15 First paragraph starts on the marker's line...
 *     Title line, when the text opens with a short line standing alone
 *
 *     Paragraphs are separated by blank lines.
 *
 * The leading " date YYYY[-MM[-DD]]" marker (leading space optional) gives
 * the article date with its precision.  A title is recognised only when the
 * first paragraph is a single short line with no sentence punctuation at its
 * end and more text follows: a long first sentence is a lead, not a title.
 * Lines inside a paragraph are kept (with their newline) so the cleaner can
 * drop a credit line without losing the caption above it.
 *
 * The input has already been made valid UTF-8 by the caller; here we drop a
 * BOM and turn CRLF / CR into LF.
 */
#include "read.h"

#include <ctype.h>
#include <string.h>

/* True if the line looks like a headline: short, a few words, not ending
 * like a sentence. */
static bool looks_like_title(const char *s, size_t n)
{
    if (n == 0 || n > 250)
        return false;
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            words++;
    if (words < 2 || words > 30)
        return false;
    unsigned char last = (unsigned char)s[n - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':')
        return false;
    /* "。" (U+3002) ends a CJK sentence */
    if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0)
        return false;
    return true;
}

/* Normalises newlines and drops a BOM; result in *b. */
static void normalise_newlines(const char *s, size_t n, sl_buf *b)
{
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\r')
            continue;
        sl_buf_put(b, s + run, i - run);
        sl_buf_putc(b, '\n');
        if (i + 1 < n && s[i + 1] == '\n')
            i++;
        run = i + 1;
    }
    sl_buf_put(b, s + run, n - run);
}

/* Parses a leading date marker; returns the bytes it takes (0 if none). */
static size_t date_marker(const char *s, sl_date *d)
{
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    if (strncmp(s + i, "date ", 5) != 0)
        return 0;
    i += 5;
    size_t n = sl_date_parse_iso(s + i, d);
    if (!n || (s[i + n] && !isspace((unsigned char)s[i + n])))
        return 0;
    i += n;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    return i;
}

/* Is the blank-line-delimited block starting at p a single line? */
static size_t block_end(const char *p)
{
    const char *q = p;
    for (;;) {
        const char *nl = strchr(q, '\n');
        if (!nl)
            return strlen(p);
        const char *r = nl + 1;
        while (*r == ' ' || *r == '\t')
            r++;
        if (*r == '\n' || *r == '\0')
            return (size_t)(nl - p);
        q = nl + 1;
    }
}

sl_status sl_read_text(sl_engine *e, sl_article *a, const char *data, size_t len)
{
    (void)e;
    sl_buf b = {0};
    normalise_newlines(data, len, &b);
    const char *s = b.s ? b.s : "";

    /* skip leading blank lines */
    for (;;) {
        size_t sp = strspn(s, " \t");
        if (s[sp] != '\n')
            break;
        s += sp + 1;
    }

    sl_date d;
    size_t m = date_marker(s, &d);
    if (m) {
        if (a->date.precision == SL_DATE_NONE)
            a->date = d;
        s += m;
    }

    /* the first block: a title if it is one short line and text follows */
    size_t first = block_end(s);
    if (!memchr(s, '\n', first) && looks_like_title(s, first) && s[first] &&
        s[first + strspn(s + first, " \t\n")]) {
        if (!a->title)
            sl_article_set(&a->title, s, first);
        s += first;
    }

    /* paragraphs at blank lines */
    while (*s) {
        size_t n = block_end(s);
        sl_article_add_para(a, s, n);
        s += n;
        while (*s == '\n' || *s == ' ' || *s == '\t')
            s++;
    }
    sl_buf_free(&b);
    return SL_OK;
}
