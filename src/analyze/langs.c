/*
 * langs.c -- the languages the analyzer's word tables know, as bits.
 *
 * Every table entry (a month name, a stop word) carries the set of languages
 * it belongs to, so one look-up answers "is this a weekday in the article's
 * language?" with one AND.  The article's language comes from language id
 * ("en", "de", ...); a language no table knows, and "und", select every
 * table: better to read a Greek date in an unidentified text than to miss it.
 *
 * Tests: tests/analyze/test_dates.c.
 */
#include "analyze_internal.h"

#include <string.h>

uint32_t sl_an_lang(const char *iso)
{
    static const char codes[SL_L_COUNT][3] = {
        "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "tr", "ar", "pl",
        "el", "ro", "da", "no", "sv", "id", "tl", "hi", "zh", "ja", "ca",
    };
    if (!iso)
        return SL_LANG_ANY;
    if (!strcmp(iso, "nb") || !strcmp(iso, "nn"))
        return SL_LANG(SL_L_NO);
    if (!strcmp(iso, "ms"))
        return SL_LANG(SL_L_ID);
    if (!strcmp(iso, "fil"))
        return SL_LANG(SL_L_TL);
    for (int i = 0; i < SL_L_COUNT; i++)
        if (!strcmp(iso, codes[i]))
            return SL_LANG(i);
    return SL_LANG_ANY;
}
