/*
 * test_describe.c -- what people read: sentences cut right, headlines
 * that are real titles, summaries that never say a thing twice (in any
 * language), and ranking that counts sources, not reposts.
 */
#include "describe/describe.h"
#include "test.h"

/* Sentences end at stops followed by a space, not after initials,
 * abbreviations or inside numbers; CJK stops need no space. */
static void sentences_are_cut_where_they_end(void)
{
    const char *s = "Mr. J. Smith paid 3.5 million on Monday. Prices rose! Did they? "
                    "北京今天下雨。明天晴。";
    sl_span sp[8];
    size_t n = sl_sentences(s, strlen(s), sp, 8);
    CHECK_INT(n, 5);
    CHECK_INT(sp[0].len, strlen("Mr. J. Smith paid 3.5 million on Monday."));
    CHECK(!strncmp(s + sp[1].off, "Prices rose!", sp[1].len));
    CHECK(!strncmp(s + sp[3].off, "北京今天下雨。", sp[3].len));
    CHECK_INT(sl_sentences("", 0, sp, 8), 0);
    CHECK_INT(sl_sentences("no stop at all", 14, sp, 8), 1);
}

static sl_index *index_of(sl_engine *e, const char *const *json, size_t n)
{
    sl_index *x = sl_index_new(e, NULL);
    for (size_t i = 0; i < n; i++) {
        sl_article *a = NULL;
        if (sl_article_read(e, "t.jsonl", json[i], strlen(json[i]), SL_FORMAT_JSONL, &a) == SL_OK)
            sl_index_add(x, a);
    }
    sl_index_update(x);
    return x;
}

static size_t count(const char *hay, const char *needle)
{
    size_t k = 0;
    for (const char *s = hay; (s = strstr(s, needle)) != NULL; s++)
        k++;
    return k;
}

/* An English and a German sentence saying the same thing: the summary
 * takes one of them, and takes the sentence only the third report has. */
static void summary_says_each_thing_once_across_languages(void)
{
    sl_engine *e = sl_engine_new();
    const char *json[] = {
        "{\"id\":\"a\",\"date\":\"2024-05-02\",\"title\":\"Flood closes the Marn bridge\",\"text\":"
        "\"Floodwater closed the old Marn bridge in Kelby on Thursday, the city council said.\"}",
        "{\"id\":\"b\",\"date\":\"2024-05-02\",\"text\":\"Hochwasser hat am Donnerstag die alte "
        "Marn-Brücke in Kelby geschlossen, teilte der Stadtrat mit.\"}",
        "{\"id\":\"c\",\"date\":\"2024-05-02\",\"text\":\"Floodwater closed the old Marn bridge in "
        "Kelby on Thursday. Engineers will inspect the bridge piers once the water falls, the "
        "council added.\"}",
    };
    sl_index *x = index_of(e, json, 3);
    char *out = sl_index_stories_json(x, NULL);
    CHECK(count(out, "\"summary\":[") == 1);
    CHECK(strstr(out, "Engineers will inspect") != NULL);
    size_t said = count(out, "Floodwater closed the old Marn bridge") +
                  count(out, "Hochwasser hat am Donnerstag");
    CHECK_INT(said, 1);
    CHECK(strstr(out, "\"headline\":\"Flood closes the Marn bridge\"") != NULL);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
}

/* With no titles at all, the headline is a first sentence. */
static void headline_without_titles_is_a_first_sentence(void)
{
    sl_engine *e = sl_engine_new();
    const char *json[] = {
        "{\"id\":\"a\",\"text\":\"A fox was seen on the roof of the Orvane town hall on Sunday. "
        "Firefighters brought it down.\"}"};
    sl_index *x = index_of(e, json, 1);
    char *out = sl_index_events_json(x, NULL);
    CHECK(strstr(out, "\"headline\":\"A fox was seen on the roof of the Orvane town hall on "
                      "Sunday.\"") != NULL);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
}

/* Two sites outrank one site that posted the same story twice. */
static void ranking_counts_sources_not_reposts(void)
{
    sl_engine *e = sl_engine_new();
    const char *json[] = {
        "{\"id\":\"r1\",\"date\":\"2024-05-02\",\"source\":\"Daily One\",\"text\":\"The mayor of "
        "Kelby resigned on Thursday after a vote of no confidence in the city council, which "
        "has been split for months over the budget.\"}",
        "{\"id\":\"r2\",\"date\":\"2024-05-02\",\"source\":\"Daily One\",\"text\":\"The mayor of "
        "Kelby resigned on Thursday after a vote of no confidence in the city council, which "
        "has been split for months over the budget.\"}",
        "{\"id\":\"t1\",\"date\":\"2024-05-02\",\"source\":\"North Post\",\"text\":\"Farmers near "
        "Orvane began the rye harvest two weeks early because of the dry spring, the farmers' "
        "union said on Thursday.\"}",
        "{\"id\":\"t2\",\"date\":\"2024-05-02\",\"source\":\"Valley News\",\"text\":\"The rye "
        "harvest near Orvane started two weeks early after a dry spring, according to the "
        "farmers' union.\"}",
    };
    sl_index *x = index_of(e, json, 4);
    char *out = sl_index_stories_json(x, NULL);
    const char *harvest = strstr(out, "\"t1\""), *mayor = strstr(out, "\"r1\"");
    CHECK(harvest && mayor && harvest < mayor);
    free(out);
    sl_index_free(x);
    sl_engine_free(e);
}

int main(void)
{
    RUN(sentences_are_cut_where_they_end);
    RUN(summary_says_each_thing_once_across_languages);
    RUN(headline_without_titles_is_a_first_sentence);
    RUN(ranking_counts_sources_not_reposts);
    return test_done();
}
