/*
 * test_stopwords.c -- the embedded stop lists: every big news language has
 * one, they are found after case folding, and they keep stop words out of
 * the terms (acronyms excepted).
 */
#include "text/terms.h"
#include "test.h"

static bool stop(sl_terms *t, const char *lang, const char *word)
{
    sl_buf f = {0};
    sl_terms_fold(t, word, strlen(word), &f);
    bool r = sl_is_stop(t, lang, f.s, f.len);
    sl_buf_free(&f);
    return r;
}

static void knows_the_big_news_languages(void)
{
    static const char *const langs[] = {
        "en", "zh", "es", "ar", "hi", "pt", "ru", "ja", "de", "fr", "ko",
        "it", "tr", "fa", "id", "nl", "pl", "uk", "sv", "el", "ro", "cs",
        "hu", "he", "vi", "th", "da", "fi", "no", "nb", "nn", "bn", "ms",
        "sw", "bg", "hr", "sr", "sk", "tl", "ca"};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        size_t len;
        const char *s = sl_stoplist_text(sl_lang_get(langs[i]), &len);
        if (!s || len < 20)
            printf("  no stop list for %s\n", langs[i]);
        CHECK(s && len >= 20);
    }
    size_t len;
    CHECK(!sl_stoplist_text(sl_lang_get("und"), &len));
    CHECK(!sl_stoplist_text(sl_lang_get("eo"), &len));
}

static void finds_function_words_in_many_scripts(void)
{
    sl_terms *t = sl_terms_new();
    CHECK(stop(t, "en", "The"));
    CHECK(stop(t, "en", "THE"));
    CHECK(!stop(t, "en", "ceasefire"));
    CHECK(stop(t, "de", "und"));
    CHECK(stop(t, "de", "daß")); /* folds to "dass" */
    CHECK(stop(t, "fr", "à"));
    CHECK(!stop(t, "fr", "grève"));
    CHECK(stop(t, "ru", "И"));
    CHECK(stop(t, "uk", "що"));
    CHECK(stop(t, "ar", "في"));
    CHECK(stop(t, "el", "ΚΑΙ")); /* upper-case Greek */
    CHECK(stop(t, "zh", "的"));
    CHECK(stop(t, "ja", "の"));
    CHECK(stop(t, "hi", "और"));
    CHECK(stop(t, "nb", "og"));
    CHECK(stop(t, "nn", "ikkje"));
    CHECK(stop(t, "sr", "који"));
    CHECK(stop(t, "hr", "koji"));
    CHECK(stop(t, "ms", "yang"));
    CHECK(!stop(t, "und", "the")); /* no list */
    sl_terms_free(t);
}

/* Every word of every list is a stop word of its language. */
static void every_listed_word_is_found(void)
{
    sl_terms *t = sl_terms_new();
    size_t checked = 0;
    for (size_t k = 0; k < sl_lang_count(); k++) {
        const sl_lang *L = sl_lang_at(k);
        size_t len, i = 0;
        const char *s = sl_stoplist_text(L, &len);
        while (s && i < len) {
            const char *nl = memchr(s + i, '\n', len - i);
            size_t n = nl ? (size_t)(nl - s) - i : len - i;
            if (n && s[i] != '#') {
                char w[256];
                snprintf(w, sizeof w, "%.*s", (int)n, s + i);
                if (!stop(t, L->code, w))
                    printf("  %s: \"%s\" not found\n", L->code, w);
                CHECK(stop(t, L->code, w));
                checked++;
            }
            i += n + 1;
        }
    }
    CHECK(checked > 2500);
    sl_terms_free(t);
}

static void stop_words_give_no_terms(void)
{
    sl_terms *t = sl_terms_new();
    sl_termv v = {0};
    CHECK_INT(sl_terms_text(t, "en", "The talks and the truce", 23, &v), 2);
    CHECK_STR(v.v[0].s, "talk");
    CHECK_INT(v.v[0].pos, 1); /* positions count the stop words */
    CHECK_INT(v.v[1].pos, 4);
    const char *us = "US officials met us";
    CHECK_INT(sl_terms_text(t, "en", us, strlen(us), &v), 3);
    CHECK_STR(v.v[0].s, "us"); /* the acronym stays, the pronoun goes */
    CHECK_INT(sl_terms_text(t, "de", "der und die", 11, &v), 0);
    CHECK_INT(sl_terms_text(t, "zh", "我们", 6, &v), 0);  /* one bigram, listed */
    CHECK_INT(sl_terms_text(t, "zh", "我们的", 9, &v), 1); /* 们的 is not */
    sl_termv_free(&v);
    sl_terms_free(t);
}

static void the_set_grows_and_forgets_nothing(void)
{
    sl_stopset s = {0};
    CHECK(!sl_stopset_has(&s, "x", 1));
    char w[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "w%d", i);
        sl_stopset_add(&s, w, strlen(w));
    }
    sl_stopset_add(&s, "w1", 2); /* twice: counted once */
    CHECK_INT(s.n, 5000);
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "w%d", i);
        CHECK(sl_stopset_has(&s, w, strlen(w)));
    }
    CHECK(!sl_stopset_has(&s, "w5000", 5));
    sl_stopset_free(&s);
    sl_stopset_free(&s);
}

int main(void)
{
    RUN(knows_the_big_news_languages);
    RUN(finds_function_words_in_many_scripts);
    RUN(every_listed_word_is_found);
    RUN(stop_words_give_no_terms);
    RUN(the_set_grows_and_forgets_nothing);
    return test_done();
}
