/*
 * name_forms.c -- the stem of an inflected name, so that the forms of one
 * name in one article share a key.
 *
 * Russian and Ukrainian decline names: "Антверпен", "Антверпена",
 * "Антверпене"; "Путин", "Путина", "Путиным"; "Москва", "Москвы".  Without
 * a morphological dictionary the cheap, consistent answer is to cut one case
 * ending off every Cyrillic word of a name when at least three letters stay:
 * all forms of a name then meet ("antverpen", "putin", "moskv"), and names
 * that end in a consonant in the nominative (most surnames and many cities)
 * keep exactly their dictionary form, which is also what other languages
 * transliterate.  Greek loses its final -ς ("Αθήνας" and "Αθήνα" meet).
 * English possessives and Turkish case suffixes are cut by the tokenizer's
 * apostrophe ("Turkey's", "Hatay'da"), not here.
 *
 * Trade-off: a stem is not a lemma -- "Москва" keys as "moskv", and
 * indeclinable names that end in a vowel ("Шойгу") lose it too -- but the
 * same name always gives the same stem, which is what matching needs.
 *
 * Tests: tests/analyze/test_entities.c.
 */
#include "analyze_internal.h"

#include <string.h>

/* Cyrillic case endings, longest first (UTF-8). */
static const char *const cyr_endings[] = {
    "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ские", "ских", "ский", "ское",
    "ого", "его", "ому", "ему", "ими", "ыми", "ами", "ями", "ией", "ові", "еві",
    "ий", "ый", "ой", "ая", "яя", "ую", "ие", "ые", "их", "ых", "им", "ым", "ом", "ем",
    "ам", "ям", "ах", "ях", "ов", "ев", "ей", "ия", "ию", "ии", "ою", "ею", "ів",
    "а", "я", "у", "ю", "ы", "и", "е", "ь", "і", "ї", NULL,
};

static bool cyrillic_word(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t c = sl_utf8_next(w, n, &i);
        if (c < 0x400 || c > 0x4FF)
            return false;
    }
    return n > 0;
}

static size_t letters(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)w[i] & 0xC0) != 0x80;
    return k;
}

size_t sl_an_stem_len(const char *w, size_t n)
{
    if (n >= 2 && !memcmp(w + n - 2, "\xCF\x82", 2)) /* Greek final sigma */
        return letters(w, n) > 3 ? n - 2 : n;
    if (!cyrillic_word(w, n))
        return n;
    for (int i = 0; cyr_endings[i]; i++) {
        size_t k = strlen(cyr_endings[i]);
        if (k < n && !memcmp(w + n - k, cyr_endings[i], k) && letters(w, n - k) >= 3) {
            /* "-ский" and friends keep their "ск" */
            if (!strncmp(cyr_endings[i], "ск", strlen("ск")))
                return n - k + strlen("ск");
            return n - k;
        }
    }
    return n;
}
