/*
 * name_places.c -- the countries an article names, in scripts without
 * capitals.
 *
 * name_find.c finds names by their capitals; Arabic, Persian, Hebrew,
 * Chinese, Japanese, Korean, Thai and the Indic scripts have none, so their
 * reports named no place, and the names that tie a report to its event in
 * other languages were missing.  Here each word (for Arabic, also without
 * the clitics glued before it: wa- "and", fa-, bi- "in", li- "to", ka-
 * "as", and li-l- for li-al-) and each pair of words is looked up in the
 * country names of the article's language (sl_places, from ICU's CLDR
 * data); texts written without spaces are searched at each character for
 * the longest name there.  Each place found is reported with its English
 * name, whose key meets the English, German or Russian report's.
 *
 * Trade-off: only countries and territories, which CLDR names in every
 * language; cities and people in these scripts are still not found.
 *
 * Tests: tests/analyze/test_entities.c (places_* cases).
 */
#include "analyze_internal.h"

#include <string.h>
#include <unicode/uchar.h>

enum { SPACED, UNSPACED, NONE };

/* How lang writes words: with spaces but no capitals, without spaces,
 * or with capitals (name_find.c's case: NONE here). */
static int writing(const char *lang)
{
    static const char *const spaced[] = {"ar", "fa", "ur", "ps", "he", "yi", "hi", "mr", "ne",
                                         "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "am",
                                         "ka", "ko"};
    static const char *const unspaced[] = {"zh", "ja", "th", "lo", "km", "my"};
    for (size_t i = 0; i < sizeof spaced / sizeof *spaced; i++)
        if (!strcmp(lang, spaced[i]))
            return SPACED;
    for (size_t i = 0; i < sizeof unspaced / sizeof *unspaced; i++)
        if (!strcmp(lang, unspaced[i]))
            return UNSPACED;
    return NONE;
}

static bool in_word(int32_t c)
{
    return c >= 0 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK));
}

/* The next word of s at or after *i: its start and end; false at the end. */
static bool next_word(const char *s, size_t n, size_t *i, size_t *start, size_t *end)
{
    while (*i < n) {
        size_t at = *i;
        if (in_word(sl_utf8_next(s, n, i))) {
            *start = at;
            *end = *i;
            while (*i < n) {
                size_t j = *i;
                if (!in_word(sl_utf8_next(s, n, &j)))
                    break;
                *i = *end = j;
            }
            return true;
        }
    }
    return false;
}

/* Does s[0..n) start with one of the two-byte letters in list[0..k), and
 * leave at least two letters after it? */
static bool starts_with(const char *s, size_t n, const char *const *list, size_t k)
{
    for (size_t i = 0; i < k && n > 4; i++)
        if (!memcmp(s, list[i], 2))
            return true;
    return false;
}

/* The place s[0..n) names in lang, trying Arabic words without their
 * clitics too; NULL if none.  *cut is set to the bytes of clitics before
 * the name as written (0 when the name is shown whole). */
static const char *place_of(sl_places *pl, const char *lang, const char *s, size_t n,
                            size_t *cut)
{
    *cut = 0;
    const char *en = sl_places_find(pl, lang, s, n);
    if (en || strcmp(lang, "ar"))
        return en;
    static const char *const conj[] = {"\xD9\x88", "\xD9\x81"};             /* و ف */
    static const char *const prep[] = {"\xD8\xA8", "\xD9\x84", "\xD9\x83"}; /* ب ل ك */
    /* the word as it is, then without "and" / "so"; each also without a
     * preposition after that */
    for (size_t c = 0; c <= 2; c += 2) {
        const char *w = s + c;
        size_t wn = n - c;
        if (c && !starts_with(s, n, conj, 2))
            break;
        if (c && (en = sl_places_find(pl, lang, w, wn)) != NULL) {
            *cut = c;
            return en;
        }
        if (!starts_with(w, wn, prep, 3))
            continue;
        if ((en = sl_places_find(pl, lang, w + 2, wn - 2)) != NULL) {
            *cut = c + 2;
            return en;
        }
        /* li- before al- drops the alif: "لل" + "عراق" is "ل" + "العراق" */
        char buf[256];
        if (!memcmp(w, prep[1], 2) && wn > 6 && !memcmp(w + 2, prep[1], 2) &&
            wn + 2 <= sizeof buf) {
            memcpy(buf, "\xD8\xA7\xD9\x84", 4); /* ال */
            memcpy(buf + 4, w + 4, wn - 4);
            if ((en = sl_places_find(pl, lang, buf, wn)) != NULL)
                return en; /* shown whole */
        }
    }
    return NULL;
}

static void spaced_places(sl_places *pl, const char *lang, const char *s, size_t n,
                          sl_place_emit emit, void *ctx)
{
    size_t i = 0, a0, a1, b0 = 0, b1 = 0;
    bool have_next = next_word(s, n, &i, &a0, &a1);
    while (have_next) {
        bool second = next_word(s, n, &i, &b0, &b1);
        const char *en = NULL;
        size_t cut;
        if (second && b0 - a1 == 1 && s[a1] == ' ' &&
            (en = place_of(pl, lang, s + a0, b1 - a0, &cut)) != NULL) {
            emit(ctx, s + a0 + cut, b1 - a0 - cut, en); /* two words: "United States" */
            have_next = next_word(s, n, &i, &a0, &a1);
            continue;
        }
        if ((en = place_of(pl, lang, s + a0, a1 - a0, &cut)) != NULL)
            emit(ctx, s + a0 + cut, a1 - a0 - cut, en);
        have_next = second;
        a0 = b0, a1 = b1;
    }
}

static void unspaced_places(sl_places *pl, const char *lang, const char *s, size_t n,
                            sl_place_emit emit, void *ctx)
{
    for (size_t i = 0; i < n;) {
        size_t at = i;
        int32_t c = sl_utf8_next(s, n, &i);
        if (!in_word(c))
            continue;
        const char *en;
        size_t len = sl_places_prefix(pl, lang, s + at, n - at, &en);
        if (len) {
            emit(ctx, s + at, len, en);
            i = at + len;
        }
    }
}

void sl_an_find_places(sl_norm *norm, const sl_article *a, sl_place_emit emit, void *ctx)
{
    int how = writing(a->lang);
    if (how == NONE)
        return;
    sl_places *pl = sl_norm_places(norm);
    for (size_t k = 0; k <= a->npara; k++) {
        const char *s = k == 0 ? a->title : a->para[k - 1];
        if (!s)
            continue;
        if (how == SPACED)
            spaced_places(pl, a->lang, s, strlen(s), emit, ctx);
        else
            unspaced_places(pl, a->lang, s, strlen(s), emit, ctx);
    }
}
