/*
 * sentences.c -- cutting text into sentences for summaries.
 *
 * A sentence ends at . ! ? (or the CJK and Arabic/Devanagari full stops
 * 。！？۔।) followed by space, a quote or a bracket and then something
 * that can start a sentence -- or at a paragraph break.  Not at a dot
 * after a single letter ("J. Smith"), a number ("3.5"), or a short
 * abbreviation written with a capital and a dot ("Mr.", "Dr.", "St.",
 * "Gen.").  CJK full stops end a sentence even with no space after them.
 * That is all a summary needs: a wrong cut makes a sentence shorter, it
 * never mixes two articles.
 *
 * Tests: tests/describe/test_sentences.c.
 */
#include "describe.h"

#include <string.h>

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* Length of a multi-byte full stop at s (0 if none). */
static size_t wide_stop(const char *s)
{
    static const char *stops[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", /* 。！？ */
                                  "\xDB\x94", "\xE0\xA5\xA4", "\xD8\x9F"};      /* ۔ । ؟ */
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
        size_t n = strlen(stops[i]);
        if (!strncmp(s, stops[i], n))
            return n;
    }
    return 0;
}

/* Is the dot at s[i] an abbreviation's? */
static bool abbrev_dot(const char *s, size_t start, size_t i)
{
    size_t w = i; /* the word before the dot */
    while (w > start && !is_space(s[w - 1]))
        w--;
    size_t len = i - w;
    if (len == 0)
        return false;
    if (s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9')
        return true; /* 3.5 */
    if (len == 1 && s[w] >= 'A' && s[w] <= 'Z')
        return true; /* J. */
    if (len <= 3 && s[w] >= 'A' && s[w] <= 'Z')
        return true; /* Mr. Dr. St. Gen */
    for (size_t k = w; k < i; k++) /* U.S. */
        if (s[k] == '.')
            return true;
    return false;
}

size_t sl_sentences(const char *s, size_t n, sl_span *out, size_t max)
{
    size_t k = 0, start = 0, i = 0;
    while (i < n && k < max) {
        while (start < n && is_space(s[start]))
            start++;
        if (start >= n)
            break;
        size_t end = 0;
        for (i = start; i < n && !end; i++) {
            size_t w;
            if (s[i] == '\n' && i + 1 < n && s[i + 1] == '\n') {
                end = i;
            } else if ((w = wide_stop(s + i)) != 0) {
                end = i + w;
            } else if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
                       (i + 1 == n || is_space(s[i + 1]) || s[i + 1] == '"' ||
                        s[i + 1] == '\'' || s[i + 1] == ')') &&
                       !(s[i] == '.' && abbrev_dot(s, start, i))) {
                end = i + 1;
                while (end < n && (s[end] == '"' || s[end] == '\'' || s[end] == ')'))
                    end++;
            }
        }
        if (!end)
            end = n;
        size_t e = end;
        while (e > start && is_space(s[e - 1]))
            e--;
        if (e > start)
            out[k++] = (sl_span){(uint32_t)start, (uint32_t)(e - start)};
        start = i = end;
    }
    return k;
}
