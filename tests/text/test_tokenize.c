/*
 * test_tokenize.c -- words, numbers and bigrams in several scripts, their
 * flags, and hostile input (empty, invalid UTF-8, a 1 MB token).
 */
#include "text/terms.h"
#include "test.h"

static sl_tokens toks;
static sl_termv tv;
static char got[4096];

/* Tokenizes s in lang and joins the tokens with '|' into 'got'. */
static const char *tokens(const char *lang, const char *s)
{
    sl_tokenize(sl_lang_get(lang), s, strlen(s), &toks);
    size_t n = 0;
    got[0] = '\0';
    for (size_t i = 0; i < toks.n && n + toks.v[i].len + 2 < sizeof got; i++) {
        if (i)
            got[n++] = '|';
        memcpy(got + n, s + toks.v[i].off, toks.v[i].len);
        n += toks.v[i].len;
        got[n] = '\0';
    }
    return got;
}

/* The terms of s in lang joined with '|'. */
static const char *terms(sl_terms *t, const char *lang, const char *s)
{
    sl_termv v = tv;
    sl_terms_text(t, lang, s, strlen(s), &v);
    tv = v;
    size_t n = 0;
    got[0] = '\0';
    for (size_t i = 0; i < v.n && n + v.v[i].len + 2 < sizeof got; i++) {
        if (i)
            got[n++] = '|';
        memcpy(got + n, v.v[i].s, v.v[i].len);
        n += v.v[i].len;
        got[n] = '\0';
    }
    return got;
}

static void splits_words_and_punctuation(void)
{
    CHECK_STR(tokens("en", "Talks, postponed: (again)!"), "Talks|postponed|again");
    CHECK_STR(tokens("en", "a 48-hour truce"), "a|48|hour|truce");
    CHECK_INT(toks.v[1].kind, SL_TOK_NUMBER);
    CHECK_INT(toks.v[2].kind, SL_TOK_WORD);
    CHECK_STR(tokens("en", "G20 summit, COVID-19"), "G20|summit|COVID|19");
}

static void handles_apostrophes(void)
{
    CHECK_STR(tokens("en", "Turkey's foreign minister"), "Turkey|foreign|minister");
    CHECK_STR(tokens("en", "Turkey’s ministers’ talks"), "Turkey|ministers|talks");
    CHECK_STR(tokens("en", "we'll see, they don't"), "we|see|they|don");
    CHECK_STR(tokens("fr", "l'armée d'Israël jusqu'à"), "armée|Israël|à");
    CHECK_STR(tokens("it", "dell'Unione, un'altra"), "Unione|altra");
    CHECK_STR(tokens("tr", "Türkiye'nin Erdoğan'ın"), "Türkiye|Erdoğan");
    CHECK_STR(tokens("uk", "м'ясо"), "м'ясо");
    CHECK(toks.v[0].flags & SL_TOKF_JOIN);
    CHECK_STR(tokens("en", "the Qur'an"), "the|Qur'an");
}

static void reads_numbers_the_way_the_language_writes_them(void)
{
    sl_terms *t = sl_terms_new();
    CHECK_STR(terms(t, "en", "2,500 troops and 1,234,567.50 dollars"), "2500|troop|1234567.5|dollar");
    CHECK_STR(terms(t, "de", "2.500 Soldaten, 2,5 Prozent"), "2500|de:soldat|2.5|de:prozent");
    CHECK_STR(terms(t, "fr", "2 500 soldats"), "2500|fr:soldat");
    CHECK_STR(terms(t, "en", "2.500 and 2.0 and 007"), "2.5|2|7");
    CHECK_STR(terms(t, "de", "am 14.11.2022"), "14|11|2022");
    CHECK_STR(terms(t, "en", "in 2020 500 people"), "2020|500|peopl");
    CHECK_STR(terms(t, "ar", "٢٠٢٢"), "2022");
    CHECK_STR(terms(t, "en", "the 15th"), "15");
    sl_terms_free(t);
}

static void gives_bigrams_for_scripts_without_spaces(void)
{
    CHECK_STR(tokens("zh", "北京大学"), "北京|京大|大学");
    CHECK_INT(toks.v[0].kind, SL_TOK_BIGRAM);
    CHECK_STR(tokens("zh", "中，国"), "中|国");
    CHECK_STR(tokens("ja", "東京へ行く"), "東京|京へ|へ行|行く");
    CHECK_STR(tokens("ja", "2022年"), "2022|年");
    /* Thai: a character is a letter with its marks (สวัสดี = ส วั ส ดี) */
    CHECK_STR(tokens("th", "สวัสดี"), "สวั|วัส|สดี");
    CHECK_STR(tokens("ko", "서울 회담"), "서울|회담");
    CHECK_STR(tokens("en", "iPhone中国"), "iPhone|中国");
}

static void reads_other_scripts(void)
{
    CHECK_STR(tokens("ru", "Переговоры отложены."), "Переговоры|отложены");
    CHECK(toks.v[0].flags & SL_TOKF_UPPER);
    CHECK_STR(tokens("ar", "قال الرئيس، إن"), "قال|الرئيس|إن");
    CHECK_STR(tokens("el", "Η εκεχειρία;"), "Η|εκεχειρία");
    CHECK_STR(tokens("hi", "युद्धविराम की घोषणा"), "युद्धविराम|की|घोषणा");
    CHECK_STR(tokens("he", "צה\"ל הודיע"), "צה\"ל|הודיע");
    CHECK_STR(tokens("fa", "می‌خواهد"), "می‌خواهد"); /* ZWNJ inside */
}

static void flags_case_sentences_and_acronyms(void)
{
    tokens("en", "Talks resumed. Then US officials left\nNew line");
    CHECK_INT(toks.n, 8);
    CHECK(toks.v[0].flags & SL_TOKF_SENT);
    CHECK(toks.v[0].flags & SL_TOKF_UPPER);
    CHECK(!(toks.v[1].flags & SL_TOKF_SENT));
    CHECK(toks.v[2].flags & SL_TOKF_SENT);
    CHECK(toks.v[3].flags & SL_TOKF_ACRONYM);
    CHECK(!(toks.v[4].flags & SL_TOKF_ACRONYM));
    CHECK(toks.v[6].flags & SL_TOKF_SENT);
    tokens("en", "BREAKING: THE TALKS FAIL");
    for (size_t i = 0; i < toks.n; i++)
        CHECK(!(toks.v[i].flags & SL_TOKF_ACRONYM)); /* shouting */
    CHECK_STR(tokens("en", "the U.S. and the U.N."), "the|U.S.|and|the|U.N.");
    CHECK(toks.v[1].flags & SL_TOKF_ACRONYM);
    sl_terms *t = sl_terms_new();
    CHECK_STR(terms(t, "en", "the U.S. told us"), "us|told");
    sl_terms_free(t);
}

static void survives_hostile_input(void)
{
    CHECK_STR(tokens("en", ""), "");
    CHECK_INT(toks.n, 0);
    CHECK_STR(tokens("en", "ab\xff\xfe" "cd \xe2\x82 ef\xc3"), "ab|cd|ef");
    CHECK_STR(tokens("en", "'''---..."), "");
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    memset(big, 'a', n);
    big[n] = '\0';
    tokens("en", big);
    CHECK_INT(toks.n, 1);
    CHECK_INT(toks.v[0].len, n);
    sl_terms *t = sl_terms_new();
    sl_termv v = {0};
    CHECK_INT(sl_terms_text(t, "en", big, n, &v), 0); /* too long for a term */
    for (size_t i = 0; i < n; i++)
        big[i] = "\xe4\xb8\xad"[i % 3]; /* 中 repeated: 349,525 bigrams */
    big[n - n % 3] = '\0';
    CHECK_INT(sl_terms_text(t, "zh", big, strlen(big), &v), n / 3 - 1);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 2 ? '\'' : 'l'; /* l'l'l'... never recurses */
    big[n] = '\0';
    tokens("fr", big);
    CHECK(toks.n >= 1);
    sl_termv_free(&v);
    sl_terms_free(t);
    free(big);
}

int main(void)
{
    RUN(splits_words_and_punctuation);
    RUN(handles_apostrophes);
    RUN(reads_numbers_the_way_the_language_writes_them);
    RUN(gives_bigrams_for_scripts_without_spaces);
    RUN(reads_other_scripts);
    RUN(flags_case_sentences_and_acronyms);
    RUN(survives_hostile_input);
    sl_tokens_free(&toks);
    sl_termv_free(&tv);
    return test_done();
}
