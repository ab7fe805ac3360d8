/*
 * langs.c -- the languages the term layer knows: for each ISO code, the term
 * space its terms are prefixed with, its Snowball stemmer, and how it writes
 * numbers.
 *
 * Term spaces: a term is "xx:" + stem, where xx is the language's space.
 * Languages that are one language for matching share a space: Norwegian
 * Bokmål, Nynorsk and "no" are "no"; Croatian, Bosnian and Serbian are "hbs"
 * (Snowball's Serbian stemmer reads Cyrillic and Latin and writes Latin);
 * Malay is "id" (Indonesian's stemmer and dictionary serve it).  English
 * and "und" have the empty space: their terms are language-neutral, as
 * numbers are.
 *
 * Numbers: 'decimal' is the mark that separates decimals; the other one of
 * '.' and ',' groups thousands.  'space_groups' says a plain space groups
 * thousands too ("2 500" in French, Russian, Polish...).
 *
 * The table is sorted by code (binary search); unknown codes fall back to
 * "und".  Static data, no state.  Tests: tests/text/test_tokenize.c.
 */
#include "terms.h"

#include <string.h>

/* Each entry's id is its index: __COUNTER__ counts the entries. */
enum { FIRST = __COUNTER__ + 1 };
#define L(c, sp, st, dec, sg) { c, sp, st, dec, sg, __COUNTER__ - FIRST }

/* Sorted by code. */
static const sl_lang table[] = {
    L("af", "af", NULL, ',', true),
    L("am", "am", NULL, '.', false),
    L("ar", "ar", "arabic", '.', false),
    L("az", "az", NULL, ',', false),
    L("be", "be", NULL, ',', true),
    L("bg", "bg", NULL, ',', true),
    L("bn", "bn", NULL, '.', false),
    L("bs", "hbs", "serbian", ',', false),
    L("ca", "ca", "catalan", ',', false),
    L("cs", "cs", NULL, ',', true),
    L("cy", "cy", NULL, '.', false),
    L("da", "da", "danish", ',', false),
    L("de", "de", "german", ',', false),
    L("el", "el", "greek", ',', false),
    L("en", "", "english", '.', false),
    L("eo", "eo", NULL, ',', false),
    L("es", "es", "spanish", ',', false),
    L("et", "et", NULL, ',', true),
    L("eu", "eu", "basque", ',', false),
    L("fa", "fa", NULL, '.', false),
    L("fi", "fi", "finnish", ',', true),
    L("fr", "fr", "french", ',', true),
    L("ga", "ga", "irish", '.', false),
    L("gl", "gl", NULL, ',', false),
    L("gu", "gu", NULL, '.', false),
    L("he", "he", NULL, '.', false),
    L("hi", "hi", "hindi", '.', false),
    L("hr", "hbs", "serbian", ',', false),
    L("hu", "hu", "hungarian", ',', true),
    L("hy", "hy", "armenian", ',', true),
    L("id", "id", "indonesian", ',', false),
    L("is", "is", NULL, ',', false),
    L("it", "it", "italian", ',', false),
    L("ja", "ja", NULL, '.', false),
    L("ka", "ka", NULL, ',', true),
    L("kk", "kk", NULL, ',', true),
    L("km", "km", NULL, '.', false),
    L("ko", "ko", NULL, '.', false),
    L("ku", "ku", NULL, ',', false),
    L("la", "la", NULL, '.', false),
    L("lg", "lg", NULL, '.', false),
    L("lo", "lo", NULL, '.', false),
    L("lt", "lt", "lithuanian", ',', true),
    L("lv", "lv", NULL, ',', true),
    L("mi", "mi", NULL, '.', false),
    L("mk", "mk", NULL, ',', false),
    L("mn", "mn", NULL, '.', false),
    L("mr", "mr", NULL, '.', false),
    L("ms", "id", "indonesian", '.', false),
    L("my", "my", NULL, '.', false),
    L("nb", "no", "norwegian", ',', true),
    L("ne", "ne", "nepali", '.', false),
    L("nl", "nl", "dutch", ',', false),
    L("nn", "no", "norwegian", ',', true),
    L("no", "no", "norwegian", ',', true),
    L("pa", "pa", NULL, '.', false),
    L("pl", "pl", NULL, ',', true),
    L("ps", "ps", NULL, '.', false),
    L("pt", "pt", "portuguese", ',', false),
    L("ro", "ro", "romanian", ',', false),
    L("ru", "ru", "russian", ',', true),
    L("sk", "sk", NULL, ',', true),
    L("sl", "sl", NULL, ',', false),
    L("sn", "sn", NULL, '.', false),
    L("so", "so", NULL, '.', false),
    L("sq", "sq", NULL, ',', true),
    L("sr", "hbs", "serbian", ',', false),
    L("st", "st", NULL, '.', false),
    L("sv", "sv", "swedish", ',', true),
    L("sw", "sw", NULL, '.', false),
    L("ta", "ta", "tamil", '.', false),
    L("te", "te", NULL, '.', false),
    L("th", "th", NULL, '.', false),
    L("tl", "tl", NULL, '.', false),
    L("tn", "tn", NULL, '.', false),
    L("tr", "tr", "turkish", ',', false),
    L("ts", "ts", NULL, '.', false),
    L("uk", "uk", NULL, ',', true),
    L("und", "", NULL, '.', false),
    L("ur", "ur", NULL, '.', false),
    L("uz", "uz", NULL, ',', true),
    L("vi", "vi", NULL, ',', false),
    L("xh", "xh", NULL, '.', false),
    L("yi", "yi", "yiddish", '.', false),
    L("yo", "yo", NULL, '.', false),
    L("zh", "zh", NULL, '.', false),
    L("zu", "zu", NULL, '.', false),
};

enum { NLANG = sizeof table / sizeof table[0] };
_Static_assert((int)NLANG <= (int)SL_LANG_MAX, "too many languages");

size_t sl_lang_count(void) { return NLANG; }

const sl_lang *sl_lang_at(size_t i) { return &table[i < NLANG ? i : 0]; }

/* Lower-cases the code's first letters (up to '-' or '_') into key[4]. */
static bool code_key(const char *code, char key[4])
{
    size_t n = 0;
    for (; code[n] && code[n] != '-' && code[n] != '_'; n++) {
        char c = code[n];
        if (n == 3)
            return false;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c < 'a' || c > 'z')
            return false;
        key[n] = c;
    }
    if (n < 2)
        return false;
    memset(key + n, 0, 4 - n);
    return true;
}

/* The entry with this key (NUL-padded code), or NULL. */
static const sl_lang *find(const char key[4])
{
    size_t lo = 0, hi = NLANG;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(table[mid].code, key, 4);
        if (c == 0)
            return &table[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const sl_lang *sl_lang_get(const char *code)
{
    char key[4];
    const sl_lang *l = code && code_key(code, key) ? find(key) : NULL;
    return l ? l : find("und");
}
