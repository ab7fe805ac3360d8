/*
 * fold.c -- the look-up form of a word, for the analyzer's word tables.
 *
 * "März", "MÄRZ" and "marz" must find the same month; "Φεβρουαρίου" and
 * "ΦΕΒΡΟΥΑΡΙΟΥ" the same; "الإثنين" and "الاثنين" the same weekday.  So
 * both the tables (when they are built) and the words of a text (when they
 * are looked up) go through sl_an_fold(): simple case folding, canonical
 * decomposition with every combining mark dropped (accents, Greek tonos,
 * Arabic hamza and vowel signs), a few Arabic and Persian letter variants
 * unified, and typographic apostrophes made plain.
 *
 * Invariant: folding is idempotent, so a table entry written already folded
 * and one folded at build time are the same key.
 *
 * Trade-off: this runs on every word of every article, so it is one pass
 * over code points with ICU's per-character property look-ups (no UTF-16
 * conversion, no allocation); ASCII letters take a branch and nothing else.
 * It is a key for exact look-ups, not a display form, and not the name key
 * of src/text/norm.c (which also transliterates).
 *
 * Tests: tests/analyze/test_dates.c ("folding").
 */
#include "analyze_internal.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

/* One code point of the folded form, or -1 to drop it. */
static int32_t fold_cp(const UNormalizer2 *nfd, int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    switch (c) {
    case 0x130: case 0x131: return 'i';              /* Turkish İ ı */
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032: return '\'';
    case 0x0640: case 0x00AD: case 0x200B: case 0x200C: case 0x200D:
    case 0x200E: case 0x200F: case 0xFEFF: return -1; /* tatweel, invisible */
    case 0x0649: case 0x06CC: return 0x064A;          /* alef maqsura, Farsi yeh */
    case 0x0629: return 0x0647;                       /* ta marbuta */
    case 0x06A9: return 0x0643;                       /* keheh */
    default: break;
    }
    c = (int32_t)u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (nfd) {
        UChar buf[8];
        for (int depth = 0; depth < 3; depth++) {
            UErrorCode err = U_ZERO_ERROR;
            int32_t k = unorm2_getRawDecomposition(nfd, c, buf, 8, &err);
            if (U_FAILURE(err) || k <= 0)
                break;
            int32_t i = 0;
            UChar32 base;
            U16_NEXT(buf, i, k, base);
            c = base;
        }
    }
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK)
        return -1;
    return c == 0x0649 ? 0x064A : c == 0x0629 ? 0x0647 : c;
}

size_t sl_an_fold(const char *s, size_t n, char *out, size_t cap)
{
    const UNormalizer2 *nfd = NULL;
    bool nfd_tried = false;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        int32_t c;
        if (b < 0x80) {
            c = b >= 'A' && b <= 'Z' ? b + 32 : b;
            i++;
        } else {
            if (!nfd_tried) { /* ICU's NFD data, only for words that need it */
                UErrorCode err = U_ZERO_ERROR;
                nfd = unorm2_getNFDInstance(&err);
                nfd = U_FAILURE(err) ? NULL : nfd;
                nfd_tried = true;
            }
            c = sl_utf8_next(s, n, &i);
            c = c < 0 ? 0xFFFD : fold_cp(nfd, c);
            if (c < 0)
                continue;
        }
        size_t need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (o + need + 1 > cap)
            return 0;
        if (need == 1) {
            out[o++] = (char)c;
        } else if (need == 2) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else if (need == 3) {
            out[o++] = (char)(0xE0 | (c >> 12));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (c >> 18));
            out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    if (cap)
        out[o] = '\0';
    return o;
}

uint64_t sl_an_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}
