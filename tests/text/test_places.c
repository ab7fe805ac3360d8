/*
 * test_places.c -- countries as each language writes them
 * (src/text/places.c): a country's name in any script answers with its
 * English name, keyed so that spellings that differ only in case or marks
 * meet; unknown words, languages and hostile input answer nothing.
 */
#include "text/text.h"
#include "test.h"

static sl_norm *norm;

static const char *find(const char *lang, const char *s)
{
    return sl_places_find(sl_norm_places(norm), lang, s, strlen(s));
}

#define CHECK_NULL(x) CHECK((x) == NULL)

static void a_country_in_any_script_is_its_english_name(void)
{
    CHECK_STR(find("ar", "تركيا"), "Turkey");
    CHECK_STR(find("ar", "سوريا"), "Syria");
    CHECK_STR(find("zh", "土耳其"), "Turkey");
    CHECK_STR(find("ja", "トルコ"), "Turkey");
    CHECK_STR(find("ru", "Турция"), "Turkey");
    CHECK_STR(find("de", "Türkei"), "Turkey");
    CHECK_STR(find("hi", "भारत"), "India");
    CHECK_STR(find("en", "Libya"), "Libya");
}

static void case_and_marks_do_not_matter(void)
{
    CHECK_STR(find("fr", "ALLEMAGNE"), "Germany");
    CHECK_STR(find("ar", "إيران"), find("ar", "ايران")); /* alif with or without hamza */
    CHECK_STR(find("ar", "ايران"), "Iran");
}

static void other_words_and_languages_answer_nothing(void)
{
    CHECK_NULL(find("ar", "قال"));
    CHECK_NULL(find("en", "earthquake"));
    CHECK_NULL(find("und", "Libya"));
    CHECK_NULL(find("xx", "Libya"));
    CHECK_NULL(find("a-language-code-too-long", "Libya"));
    CHECK_NULL(find("en", ""));
}

/* For scripts without spaces: the longest name at the start, in bytes. */
static void the_longest_name_a_text_starts_with(void)
{
    sl_places *p = sl_norm_places(norm);
    const char *en = NULL;
    const char *s = "美国和土耳其";
    CHECK_INT(sl_places_prefix(p, "zh", s, strlen(s), &en), 6);
    CHECK_STR(en, "United States");
    s = "和土耳其";
    CHECK_INT(sl_places_prefix(p, "zh", s, strlen(s), &en), 0);
    CHECK_NULL(en);
    CHECK_INT(sl_places_prefix(p, "zh", "", 0, &en), 0);
}

/* A megabyte of one letter, and bytes that are not UTF-8: no answer, no
 * crash, no time. */
static void hostile_input(void)
{
    size_t n = 1 << 20;
    char *big = malloc(n);
    memset(big, 'a', n);
    CHECK_NULL(sl_places_find(sl_norm_places(norm), "en", big, n));
    const char *en;
    CHECK_INT(sl_places_prefix(sl_norm_places(norm), "zh", big, n, &en), 0);
    free(big);
    CHECK_NULL(find("ar", "\xff\xfe\x80"));
}

int main(void)
{
    norm = sl_norm_new();
    RUN(a_country_in_any_script_is_its_english_name);
    RUN(case_and_marks_do_not_matter);
    RUN(other_words_and_languages_answer_nothing);
    RUN(the_longest_name_a_text_starts_with);
    RUN(hostile_input);
    sl_norm_free(norm);
    return test_done();
}
