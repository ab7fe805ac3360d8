/*
 * test_stem.c -- the term normal form: stems per language, accents out
 * after stemming, prefixes that keep languages apart, neutral English and
 * numbers, languages without a stemmer, and the cache.
 */
#include "text/terms.h"
#include "test.h"

static sl_terms *T;

/* The term of a single word (or "(none)"). */
static const char *term(const char *lang, const char *w)
{
    static char buf[512];
    sl_term t;
    if (!sl_term_word(T, lang, w, strlen(w), &t))
        return "(none)";
    snprintf(buf, sizeof buf, "%s", t.s);
    return buf;
}

static uint64_t hash(const char *lang, const char *w)
{
    sl_term t;
    return sl_term_word(T, lang, w, strlen(w), &t) ? t.hash : 0;
}

static void stems_inflections_together(void)
{
    CHECK_STR(term("en", "negotiations"), "negoti");
    CHECK_STR(term("en", "Negotiated"), "negoti");
    CHECK_STR(term("en", "talks"), "talk");
    CHECK_STR(term("de", "Verhandlungen"), term("de", "Verhandlung"));
    CHECK_STR(term("de", "Verhandlungen"), "de:verhandl");
    CHECK_STR(term("ru", "переговоры"), term("ru", "переговоров"));
    CHECK_STR(term("es", "huelgas"), term("es", "huelga"));
    CHECK_STR(term("tr", "görüşmeler"), term("tr", "görüşmeleri"));
    CHECK_STR(term("ar", "المفاوضات"), term("ar", "مفاوضات"));
    CHECK_STR(term("el", "διαπραγματεύσεις"), term("el", "διαπραγματεύσεων"));
}

static void strips_accents_after_stemming(void)
{
    CHECK_STR(term("fr", "grève"), "fr:grev");
    CHECK_STR(term("fr", "GRÈVES"), "fr:grev");
    CHECK_STR(term("es", "negociación"), term("es", "negociacion"));
    CHECK_STR(term("de", "Straße"), "de:strass");
    CHECK_STR(term("en", "Erdoğan"), "erdogan");
}

static void keeps_languages_apart_except_english_and_numbers(void)
{
    sl_term fr, en;
    CHECK(sl_term_word(T, "fr", "pain", 4, &fr));
    CHECK(sl_term_word(T, "en", "pain", 4, &en));
    CHECK(fr.hash != en.hash);         /* bread is not hurt */
    CHECK(fr.neutral == en.neutral);   /* but the bare word is the same */
    CHECK(en.hash == en.neutral);
    CHECK(fr.hash == sl_term_hash(fr.s, fr.len));
    CHECK_STR(term("und", "Ceasefire"), "ceasefire"); /* neutral, not stemmed */
    CHECK(hash("de", "2.500") == hash("en", "2,500"));
    CHECK(hash("fr", "2 500") == hash("en", "2500"));
    CHECK_STR(term("nb", "forhandlinger"), term("nn", "forhandlinger"));
    CHECK_STR(term("nb", "forhandlinger"), term("no", "forhandlinger"));
    CHECK(!strncmp(term("nb", "forhandlinger"), "no:", 3));
    CHECK_STR(term("hr", "pregovori"), term("sr", "pregovori"));
    CHECK_STR(term("pt-BR", "greve"), term("pt", "greve"));
    CHECK_STR(term("xx", "Word"), "word"); /* unknown: like und */
}

static void languages_without_a_stemmer_keep_the_word(void)
{
    CHECK(!sl_lang_get("pl")->stemmer);
    CHECK_STR(term("pl", "Rozejm"), "pl:rozejm");
    CHECK_STR(term("uk", "Переговори"), "uk:переговори");
    CHECK_STR(term("zh", "停火"), "zh:停火");
    CHECK_STR(term("ja", "ｶﾀｶﾅ"), "ja:カタ"); /* NFKC: half-width kana */
    CHECK_STR(term("ko", "협상은"), "ko:협상은");
}

static void the_cache_gives_the_same_terms(void)
{
    const char *text = "Talks on the truce resumed; the truce talks failed.";
    sl_termv a = {0}, b = {0};
    sl_terms_text(T, "en", text, strlen(text), &a);
    char first[256] = "";
    for (size_t i = 0; i < a.n; i++)
        snprintf(first + strlen(first), sizeof first - strlen(first), "%s ", a.v[i].s);
    CHECK_STR(first, "talk truce resum truce talk fail ");
    CHECK(a.v[1].s == a.v[3].s); /* "truce" twice: one cached copy */
    sl_terms_reset(T);
    sl_terms_text(T, "en", text, strlen(text), &b);
    CHECK_INT(b.n, a.n);
    for (size_t i = 0; i < b.n; i++)
        CHECK(b.v[i].hash == a.v[i].hash);
    CHECK(b.v[1].off == 13 && b.v[1].tlen == 5); /* "truce" */
    sl_termv_free(&a);
    sl_termv_free(&b);
}

static void the_stem_context_opens_each_stemmer_once(void)
{
    sl_stem *st = sl_stem_new();
    size_t n;
    const char *s = sl_stem_word(st, sl_lang_get("de"), "häuser", 7, &n);
    CHECK(s && n == 4 && !memcmp(s, "haus", 4));
    s = sl_stem_word(st, sl_lang_get("de"), "verhandlungen", 13, &n);
    CHECK(s && n == 8 && !memcmp(s, "verhandl", 8));
    CHECK(!sl_stem_word(st, sl_lang_get("uk"), "слово", 10, &n));
    sl_stem_free(st);
    sl_stem_free(NULL);
}

int main(void)
{
    T = sl_terms_new();
    RUN(stems_inflections_together);
    RUN(strips_accents_after_stemming);
    RUN(keeps_languages_apart_except_english_and_numbers);
    RUN(languages_without_a_stemmer_keep_the_word);
    RUN(the_cache_gives_the_same_terms);
    RUN(the_stem_context_opens_each_stemmer_once);
    sl_terms_free(T);
    return test_done();
}
