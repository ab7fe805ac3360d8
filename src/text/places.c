/*
 * places.c -- countries as every language writes them.
 *
 * Names meet across Latin, Cyrillic and Greek through their transliterated
 * keys, and they are found there by their capitals.  Arabic, Chinese,
 * Hindi and the other scripts without capitals give the name finder
 * nothing to go on, and a transliterated Arabic or Chinese name rarely
 * meets its English one anyway (تركيا is "trkya", 土耳其 "tu er qi").  Yet
 * the places a report names are the best cross-lingual evidence there is.
 * ICU carries CLDR's names of every country and territory in every
 * language it knows (the "Countries" table of its region data, with the
 * short and variant forms): so an Arabic report's تركيا and a Chinese
 * one's 土耳其 can be told to be "Turkey", whose key any English, German
 * or Russian report of Turkey meets.
 *
 * A language's names are loaded on its first look-up (a few hundred, a
 * millisecond or two), keyed by sl_norm_key() (NFKC, case folded, marks
 * off: أ and ا are one letter), and answered from a hash table.
 *
 * Tests: tests/text/test_places.c.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { MAX_LANGS = 64, MAX_NAME = 96 };

typedef struct {
    uint64_t h;           /* of the language code, a NUL and the key */
    char *key;            /* sl_norm_key() of the name; NULL: empty slot */
    size_t len;           /* of key */
    const char *english;  /* borrowed from the territories' English names */
    char lang[8];
} entry;

typedef struct {
    char code[4];         /* "TR" */
    char *english;        /* "Turkey" */
} territory;

struct sl_places {
    sl_norm *norm;        /* borrowed */
    char lang[MAX_LANGS][8];
    size_t nlang;         /* languages loaded (or tried) */
    territory *terr;      /* in the order of ICU's English table */
    size_t nterr;
    entry *e;
    size_t n, mask;
    sl_buf key;           /* scratch: the key of a name loaded or looked up */
};

static uint64_t hash_of(const char *lang, const char *key, size_t n)
{
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    XXH3_64bits_update(&st, lang, strlen(lang) + 1);
    XXH3_64bits_update(&st, key, n);
    return XXH3_64bits_digest(&st);
}

static void grow(sl_places *p)
{
    entry *old = p->e;
    size_t oldcap = p->e ? p->mask + 1 : 0;
    size_t cap = oldcap ? oldcap * 2 : 1024;
    p->e = sl_xcalloc(cap, sizeof *p->e);
    p->mask = cap - 1;
    p->n = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key) {
            size_t j = old[i].h & p->mask;
            while (p->e[j].key)
                j = (j + 1) & p->mask;
            p->e[j] = old[i];
            p->n++;
        }
    free(old);
}

static entry *find(const sl_places *p, const char *lang, const char *key, size_t n)
{
    if (!p->e)
        return NULL;
    uint64_t h = hash_of(lang, key, n);
    for (size_t j = h & p->mask; p->e[j].key; j = (j + 1) & p->mask) {
        entry *x = &p->e[j];
        if (x->h == h && x->len == n && !strcmp(x->lang, lang) && !memcmp(x->key, key, n))
            return x;
    }
    return NULL;
}

/* Adds key -> english for lang (the first name given for a key stays). */
static void put(sl_places *p, const char *lang, const char *key, size_t n, const char *english)
{
    if (!n || find(p, lang, key, n))
        return;
    if (!p->e || (p->n + 1) * 2 > p->mask + 1)
        grow(p);
    uint64_t h = hash_of(lang, key, n);
    size_t j = h & p->mask;
    while (p->e[j].key)
        j = (j + 1) & p->mask;
    entry *x = &p->e[j];
    x->h = h;
    x->key = sl_xmalloc(n + 1);
    memcpy(x->key, key, n);
    x->key[n] = '\0';
    x->len = n;
    x->english = english;
    snprintf(x->lang, sizeof x->lang, "%s", lang);
    p->n++;
}

sl_places *sl_places_new(sl_norm *norm)
{
    sl_places *p = sl_xcalloc(1, sizeof *p);
    p->norm = norm;
    return p;
}

void sl_places_free(sl_places *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->e && i <= p->mask; i++)
        free(p->e[i].key);
    free(p->e);
    sl_buf_free(&p->key);
    for (size_t i = 0; i < p->nterr; i++)
        free(p->terr[i].english);
    free(p->terr);
    free(p);
}

/* UTF-8 of an ICU string into out (NUL-terminated); false if it does not
 * fit. */
static bool to_utf8(const UChar *s, int32_t len, char *out, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(out, (int32_t)cap, &n, s, len, &err);
    return U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING && (size_t)n < cap;
}

/* Calls fn for each (territory code, name) of one table of a language's
 * region bundle.  Only two-letter codes: the numeric regions ("419",
 * Latin America) are no places a report stands in; "EU" and "UN", which
 * CLDR names alongside, come too. */
static void each_name(const char *lang, const char *table,
                      void (*fn)(sl_places *, const char *code, const char *name),
                      sl_places *p)
{
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *r = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", lang, &err);
    if (U_FAILURE(err))
        return;
    UResourceBundle *t = ures_getByKey(r, table, NULL, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < ures_getSize(t); i++) {
        UErrorCode e = U_ZERO_ERROR;
        UResourceBundle *item = ures_getByIndex(t, i, NULL, &e);
        int32_t len = 0;
        const UChar *s = U_SUCCESS(e) ? ures_getString(item, &len, &e) : NULL;
        const char *code = U_SUCCESS(e) ? ures_getKey(item) : NULL;
        char name[MAX_NAME * 4];
        if (s && code && strlen(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' &&
            code[1] >= 'A' && code[1] <= 'Z' && to_utf8(s, len, name, sizeof name))
            fn(p, code, name);
        ures_close(item);
    }
    ures_close(t);
    ures_close(r);
}

static void add_english(sl_places *p, const char *code, const char *name)
{
    p->terr = sl_xrealloc(p->terr, (p->nterr + 1) * sizeof *p->terr);
    territory *t = &p->terr[p->nterr++];
    memcpy(t->code, code, 3); /* two letters and the NUL */
    t->english = sl_xstrdup(name);
}

static const char *english_of(const sl_places *p, const char *code)
{
    for (size_t i = 0; i < p->nterr; i++)
        if (!strcmp(p->terr[i].code, code))
            return p->terr[i].english;
    return NULL;
}

/* One name of the language being loaded (p->lang[p->nlang - 1]). */
static void add_local(sl_places *p, const char *code, const char *name)
{
    const char *english = english_of(p, code);
    if (!english)
        return;
    sl_buf_clear(&p->key);
    sl_norm_key(p->norm, name, strlen(name), &p->key);
    put(p, p->lang[p->nlang - 1], p->key.s, p->key.len, english);
}

static const char *const TABLES[] = {"Countries", "Countries%short", "Countries%variant"};

/* Loads lang's names once; false if it has none (or too many languages
 * were asked for). */
static bool load(sl_places *p, const char *lang)
{
    for (size_t i = 0; i < p->nlang; i++)
        if (!strcmp(p->lang[i], lang))
            return true;
    if (p->nlang == MAX_LANGS || strlen(lang) >= sizeof p->lang[0] || !strcmp(lang, "und"))
        return false;
    if (!p->nterr)
        each_name("en", "Countries", add_english, p);
    snprintf(p->lang[p->nlang++], sizeof p->lang[0], "%s", lang);
    for (size_t t = 0; t < sizeof TABLES / sizeof *TABLES; t++)
        each_name(lang, TABLES[t], add_local, p);
    return true;
}

const char *sl_places_find(sl_places *p, const char *lang, const char *s, size_t n)
{
    if (!n || n > MAX_NAME * 4 || !load(p, lang))
        return NULL;
    sl_buf_clear(&p->key);
    sl_norm_word_key(p->norm, s, n, &p->key);
    const entry *x = p->key.len ? find(p, lang, p->key.s, p->key.len) : NULL;
    return x ? x->english : NULL;
}

size_t sl_places_prefix(sl_places *p, const char *lang, const char *s, size_t n,
                        const char **english)
{
    *english = NULL;
    if (!load(p, lang))
        return 0;
    size_t ends[SL_PLACES_CHARS + 1], k = 0;
    for (size_t i = 0; i < n && k < SL_PLACES_CHARS;) { /* code point ends */
        if (sl_utf8_next(s, n, &i) < 0)
            break;
        ends[k++] = i;
    }
    while (k-- > 1) { /* the longest first; one character is no name */
        const entry *x = find(p, lang, s, ends[k]);
        if (x) {
            *english = x->english;
            return ends[k];
        }
    }
    return 0;
}
