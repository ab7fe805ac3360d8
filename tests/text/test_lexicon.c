/*
 * test_lexicon.c -- the cross-lingual lexicon built from FreeDict: words of
 * several languages and scripts translate to the English terms one expects,
 * weights are well-formed, and a corrupt table is refused, never a crash.
 */
#include "text/terms.h"
#include "test.h"

static sl_engine *E;

/* True if the word of 'lang' translates to (the term of) English 'want'. */
static bool translates(const char *lang, const char *word, const char *want)
{
    sl_terms *t = sl_engine_terms(E);
    const sl_lexicon *x = sl_engine_lexicon(E);
    sl_term src, en;
    if (!x || !sl_term_word(t, lang, word, strlen(word), &src))
        return false;
    uint64_t h = src.hash;
    if (!sl_term_word(t, "en", want, strlen(want), &en))
        return false;
    sl_translation tr[SL_LEXICON_K];
    size_t n = sl_lexicon_find(x, h, tr, SL_LEXICON_K);
    for (size_t i = 0; i < n; i++)
        if (tr[i].hash == en.hash)
            return true;
    printf("  %s \"%s\" ->", lang, word);
    for (size_t i = 0; i < n; i++)
        printf(" %s %.2f", tr[i].s, tr[i].weight);
    printf(" (no %s)\n", en.s);
    return false;
}

static void the_embedded_table_opens(void)
{
    const sl_lexicon *x = sl_engine_lexicon(E);
    if (!x)
        printf("  %s\n", sl_engine_error(E));
    CHECK(x);
    CHECK(sl_lexicon_entries(x) > 300000);
    CHECK(sl_lexicon_entries_of(x, "de") > 100000);
    CHECK(sl_lexicon_entries_of(x, "ru") > 5000);
    CHECK(sl_lexicon_entries_of(x, "en") == 0);
    CHECK(strstr(sl_lexicon_sources(x), "freedict-deu-eng\tforward"));
    CHECK(strstr(sl_lexicon_sources(x), "freedict-eng-rus\treversed"));
    CHECK(sl_lexicon_bytes(x) > 1000000);
}

static void translates_words_in_several_scripts(void)
{
    CHECK(translates("de", "Waffenstillstand", "truce"));
    CHECK(translates("de", "Waffenstillstands", "truce") ||
          translates("de", "Waffenstillstand", "armistice"));
    CHECK(translates("fr", "grève", "strike"));
    CHECK(translates("fr", "grèves", "strike"));
    CHECK(translates("es", "huelga", "strike"));
    CHECK(translates("nl", "staking", "strike"));
    CHECK(translates("ru", "переговоры", "talks") ||
          translates("ru", "переговоры", "negotiation"));
    CHECK(translates("el", "εκεχειρία", "truce"));
    CHECK(translates("ar", "هدنة", "truce"));
    CHECK(translates("ja", "停戦", "ceasefire"));
    CHECK(translates("tr", "ateşkes", "truce"));
    CHECK(translates("pl", "rozejm", "truce")); /* no Polish stemmer */
    CHECK(translates("sv", "vapenvila", "truce"));
    CHECK(translates("nb", "krig", "war")); /* reversed eng-nor */
}

static void lookups_by_bytes_match_lookups_by_hash(void)
{
    const sl_lexicon *x = sl_engine_lexicon(E);
    CHECK(x);
    sl_term t;
    CHECK(sl_term_word(sl_engine_terms(E), "fr", "grève", 6, &t));
    sl_translation a[4], b[4], c[4];
    size_t na = sl_lexicon_find(x, t.hash, a, 4);
    size_t nb = sl_lexicon_lookup(x, "fr", t.s, t.len, b, 4);
    size_t nc = sl_lexicon_lookup(x, "fr", "grev", 4, c, 4);
    CHECK(na > 0 && na == nb && nb == nc);
    CHECK(a[0].hash == b[0].hash && b[0].hash == c[0].hash);
    CHECK_INT(sl_lexicon_lookup(x, "fr", "zzqxj", 5, c, 4), 0);
    CHECK_INT(sl_lexicon_lookup(x, "en", "strike", 6, c, 4), 0);
    CHECK_INT(sl_lexicon_find(x, t.hash, a, 1), 1); /* k bounds the answer */
}

static void weights_are_well_formed(void)
{
    const sl_lexicon *x = sl_engine_lexicon(E);
    CHECK(x);
    const char *words[] = {"Verhandlung", "Frieden", "Krieg", "Regierung"};
    for (size_t w = 0; w < 4; w++) {
        sl_term t;
        CHECK(sl_term_word(sl_engine_terms(E), "de", words[w], strlen(words[w]), &t));
        sl_translation tr[SL_LEXICON_K];
        size_t n = sl_lexicon_find(x, t.hash, tr, SL_LEXICON_K);
        CHECK(n >= 1);
        float sum = 0;
        for (size_t i = 0; i < n; i++) {
            CHECK(tr[i].weight > 0 && tr[i].weight <= 1);
            CHECK(i == 0 || tr[i].weight <= tr[i - 1].weight);
            CHECK(tr[i].len == strlen(tr[i].s));
            CHECK(tr[i].hash == sl_term_hash(tr[i].s, tr[i].len));
            sum += tr[i].weight;
        }
        CHECK(sum > 0.95f && sum < 1.05f);
    }
}

/* ---- a corrupt table is an error ---------------------------------------- */

static unsigned char *image;
static size_t image_len;

static bool loads(const unsigned char *m, size_t len, bool sum, char *err)
{
    sl_lexicon *x = sl_lexicon_load(m, len, sum, err, 256);
    sl_lexicon_free(x);
    return x != NULL;
}

static uint32_t rd32(size_t off)
{
    uint32_t v;
    memcpy(&v, image + off, 4);
    return v;
}

/* Loads a copy with 'n' bytes at 'off' replaced by 'with'. */
static bool loads_patched(size_t off, const void *with, size_t n, bool sum,
                          char *err)
{
    unsigned char *m = malloc(image_len);
    memcpy(m, image, image_len);
    memcpy(m + off, with, n);
    bool ok = loads(m, image_len, sum, err);
    free(m);
    return ok;
}

static void refuses_a_corrupt_table(void)
{
    FILE *f = fopen("build/lexicon/lexicon.bin", "rb");
    if (!f) {
        printf("skip refuses_a_corrupt_table: build/lexicon/lexicon.bin not found\n");
        return;
    }
    fseek(f, 0, SEEK_END);
    image_len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    image = malloc(image_len);
    CHECK(fread(image, 1, image_len, f) == image_len);
    fclose(f);
    char err[256];
    CHECK(loads(image, image_len, true, err));
    CHECK(!loads(image, image_len - 1, false, err));
    CHECK(strstr(err, "size"));
    CHECK(!loads(image, 0, false, err));
    CHECK(!loads(NULL, 10, false, err));
    CHECK(!loads_patched(0, "XXXX", 4, false, err));
    uint32_t v = 9, bits = rd32(24), nkeys = rd32(8);
    CHECK(!loads_patched(4, &v, 4, false, err));
    v = 0;
    CHECK(!loads_patched(24, &v, 4, false, err));
    v = 60;
    CHECK(!loads_patched(24, &v, 4, false, err));
    v = 0xFFFFFFFF;
    CHECK(!loads_patched(8, &v, 4, false, err)); /* nkeys: sizes overflow */
    size_t keys = 64 + 4 * (((size_t)1 << bits) + 1);
    unsigned char swap[16];
    memcpy(swap, image + keys + 8, 8);
    memcpy(swap + 8, image + keys, 8);
    CHECK(!loads_patched(keys, swap, 16, false, err));
    CHECK(strstr(err, "sorted") || strstr(err, "bucket"));
    size_t starts = keys + 8 * (size_t)nkeys, refs = starts + 4 * ((size_t)nkeys + 1);
    v = 0;
    CHECK(!loads_patched(starts + 4, &v, 4, false, err)); /* a key without refs */
    v = 0xFFFFFF01;
    CHECK(!loads_patched(refs, &v, 4, false, err)); /* a ref to no target */
    CHECK(!loads_patched(image_len - 1, "x", 1, false, err)); /* sources */
    CHECK(!loads_patched(image_len / 2, "\x55\xAA", 2, true, err));
    CHECK(strstr(err, "checksum"));
    for (int k = 0; k < 12; k++) { /* bit flips anywhere: refused or fine */
        size_t off = (size_t)(k * 2654435761u) % image_len;
        unsigned char b = image[off] ^ (unsigned char)(1u << (k % 8));
        loads_patched(off, &b, 1, false, err);
    }
    unsigned char junk[200];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 37);
    memcpy(junk, "SLLX\1\0\0\0", 8);
    for (size_t n = 0; n <= sizeof junk; n += 8)
        CHECK(!loads(junk, n, false, err));
    free(image);
}

int main(void)
{
    E = sl_engine_new();
    RUN(the_embedded_table_opens);
    RUN(translates_words_in_several_scripts);
    RUN(lookups_by_bytes_match_lookups_by_hash);
    RUN(weights_are_well_formed);
    RUN(refuses_a_corrupt_table);
    sl_engine_free(E);
    return test_done();
}
