/*
 * test_index.c -- the index through the public API only (storyline.h):
 * adding, updating, listing, removing, and coming back from packed bytes
 * with the same events and ids, the way the store restarts it.
 */
#include "storyline.h"
#include "test.h"

static sl_engine *E;

static const char *ARTS[] = {
    "{\"id\":\"q1\",\"date\":\"2024-04-02\",\"text\":\"A strong earthquake of magnitude 6.8 struck the "
    "coastal city of Veltmar on Tuesday, killing at least 40 people, the civil protection agency "
    "said.\"}",
    "{\"id\":\"q2\",\"date\":\"2024-04-02\",\"text\":\"Rescuers in Veltmar searched the ruins after "
    "the magnitude 6.8 earthquake; the death toll rose to 52, the civil protection agency said.\"}",
    "{\"id\":\"f1\",\"date\":\"2024-04-02\",\"text\":\"The football federation named Corina Albescu "
    "head coach of the women's team, the first woman in the post, on a contract to 2027.\"}",
    "{\"id\":\"q3\",\"date\":\"2024-04-03\",\"text\":\"Nach dem Erdbeben der Stärke 6,8 in Veltmar ist "
    "die Zahl der Toten auf 61 gestiegen, teilte der Zivilschutz mit.\"}",
};
enum { NARTS = sizeof ARTS / sizeof *ARTS };

static sl_index *filled(void)
{
    sl_index *x = sl_index_new(E, NULL);
    for (size_t i = 0; i < NARTS; i++) {
        sl_article *a = NULL;
        if (sl_article_read(E, "t.jsonl", ARTS[i], strlen(ARTS[i]), SL_FORMAT_JSONL, &a) == SL_OK)
            sl_index_add(x, a);
    }
    sl_index_update(x);
    return x;
}

/* Reports of the quake share an event, the coach has another. */
static void events_group_reports(void)
{
    sl_index *x = filled();
    CHECK_INT(sl_index_size(x), NARTS);
    unsigned q1 = sl_index_article_event(x, "q1");
    CHECK(q1 != 0);
    CHECK_INT(sl_index_article_event(x, "q2"), q1);
    CHECK_INT(sl_index_article_event(x, "q3"), q1);
    CHECK(sl_index_article_event(x, "f1") != q1);
    CHECK_INT(sl_index_article_event(x, "nope"), 0);
    sl_index_free(x);
}

/* Packs articles ids[0..n) of x as a store keeps them: bytes and event. */
static void pack_all(sl_index *x, const char *const *ids, size_t n, unsigned char **blob,
                     size_t *len, unsigned *ev)
{
    for (size_t i = 0; i < n; i++) {
        blob[i] = sl_index_pack_article(x, ids[i], &len[i]);
        ev[i] = sl_index_article_event(x, ids[i]);
    }
}

/* A restart from packed bytes gives the same events with the same ids,
 * without reading any text again. */
static void restore_gives_the_same_events(void)
{
    sl_index *x = filled();
    const char *ids[] = {"q1", "q2", "f1", "q3"};
    unsigned char *blob[NARTS];
    size_t len[NARTS];
    unsigned ev[NARTS];
    pack_all(x, ids, NARTS, blob, len, ev);
    size_t dflen;
    unsigned char *df = sl_index_pack_df(x, &dflen);
    char *before = sl_index_events_json(x, NULL);
    sl_index_free(x);

    sl_index *y = sl_index_new(E, NULL);
    CHECK_INT(sl_index_restore_df(y, df, dflen), SL_OK);
    for (size_t i = 0; i < NARTS; i++)
        CHECK_INT(sl_index_restore_article(y, blob[i], len[i], ev[i]), SL_OK);
    CHECK_INT(sl_index_restore_article(y, blob[0], len[0], ev[0]), SL_EINPUT); /* twice */
    blob[1][len[1] / 2] ^= 1;
    CHECK_INT(sl_index_restore_article(y, blob[1], len[1], ev[1]), SL_EINPUT); /* damaged */
    sl_index_update(y);
    char *after = sl_index_events_json(y, NULL);
    CHECK_STR(after, before);
    free(before);
    free(after);
    free(df);
    for (size_t i = 0; i < NARTS; i++)
        free(blob[i]);
    sl_index_free(y);
}

/* A pack made before the copy sketches changed (version 1) is refused
 * with a reason, so the server reads and analyses the article again
 * rather than mixing two kinds of sketch in one copy index. */
static void restore_refuses_an_older_pack(void)
{
    sl_index *x = filled();
    size_t len;
    unsigned char *blob = sl_index_pack_article(x, "q1", &len);
    unsigned ev = sl_index_article_event(x, "q1");
    sl_index_free(x);
    blob[4] = 1;
    sl_index *y = sl_index_new(E, NULL);
    CHECK_INT(sl_index_restore_article(y, blob, len, ev), SL_EINPUT);
    CHECK(strstr(sl_engine_error(E), "older storyline") != NULL);
    CHECK_INT(sl_index_size(y), 0);
    free(blob);
    sl_index_free(y);
}

/* A removed article leaves its event and the listings. */
static void remove_takes_an_article_out(void)
{
    sl_index *x = filled();
    CHECK_INT(sl_index_remove(x, "f1"), SL_OK);
    CHECK_INT(sl_index_remove(x, "f1"), SL_EINPUT);
    char *json = sl_index_events_json(x, NULL);
    CHECK(strstr(json, "\"f1\"") == NULL);
    CHECK(strstr(json, "\"q1\"") != NULL);
    free(json);
    CHECK(sl_index_similarity_json(x, "q1", "f1") == NULL);
    CHECK(strstr(sl_engine_error(E), "f1") != NULL);
    sl_index_free(x);
}

static void add_json(sl_index *x, const char *line)
{
    sl_article *a = NULL;
    if (sl_article_read(E, "t.jsonl", line, strlen(line), SL_FORMAT_JSONL, &a) == SL_OK)
        CHECK_INT(sl_index_add(x, a), SL_OK);
}

/* Adds ARTS[k] again under the id 'id' (two letters, as every id here). */
static void add_as(sl_index *x, size_t k, const char *id)
{
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", ARTS[k]);
    memcpy(strstr(copy, "\"id\":\"") + 6, id, 2);
    add_json(x, copy);
    sl_index_update(x);
}

/* A removed article leaves its copy group too; put back with a new text,
 * it is judged on that text. */
static void remove_takes_an_article_out_of_its_copies(void)
{
    sl_index *x = filled();
    add_as(x, 0, "c1"); /* q1's text under another id */
    char *json = sl_index_copies_json(x);
    CHECK_STR(json, "{\"groups\":[{\"kind\":\"exact\",\"articles\":[\"q1\",\"c1\"]}]}");
    free(json);
    CHECK_INT(sl_index_remove(x, "q1"), SL_OK);
    json = sl_index_copies_json(x);
    CHECK_STR(json, "{\"groups\":[]}");
    free(json);
    add_as(x, 2, "q1"); /* q1 again, with f1's text */
    json = sl_index_copies_json(x);
    CHECK_STR(json, "{\"groups\":[{\"kind\":\"exact\",\"articles\":[\"f1\",\"q1\"]}]}");
    free(json);
    sl_index_free(x);
}

/* A restart keeps the copy groups, and a repost that comes after it is
 * still known as a copy of the article from before. */
static void restore_keeps_the_copies(void)
{
    sl_index *x = filled();
    add_as(x, 0, "c1"); /* q1's text under another id */
    const char *ids[] = {"q1", "q2", "f1", "q3", "c1"};
    enum { N = sizeof ids / sizeof *ids };
    unsigned char *blob[N];
    size_t len[N];
    unsigned ev[N];
    pack_all(x, ids, N, blob, len, ev);
    char *before = sl_index_copies_json(x);
    sl_index_free(x);

    sl_index *y = sl_index_new(E, NULL);
    for (size_t i = 0; i < N; i++)
        CHECK_INT(sl_index_restore_article(y, blob[i], len[i], ev[i]), SL_OK);
    CHECK_INT(sl_index_restore_copies(y, 2), N - 2); /* a few at a time */
    CHECK_INT(sl_index_restore_copies(y, 0), 0);
    char *after = sl_index_copies_json(y);
    CHECK_STR(after, before);
    add_as(y, 0, "c2"); /* a repost after the restart */
    CHECK_INT(sl_index_article_event(y, "c2"), sl_index_article_event(y, "q1"));
    free(after);
    after = sl_index_copies_json(y);
    CHECK_STR(after, "{\"groups\":[{\"kind\":\"exact\",\"articles\":[\"q1\",\"c1\",\"c2\"]}]}");
    free(before);
    free(after);
    for (size_t i = 0; i < N; i++)
        free(blob[i]);
    sl_index_free(y);
}

/* The same id twice is refused, the first kept. */
static void a_repeated_id_is_refused(void)
{
    sl_index *x = filled();
    sl_article *a = NULL;
    sl_article_read(E, "t.jsonl", ARTS[0], strlen(ARTS[0]), SL_FORMAT_JSONL, &a);
    CHECK_INT(sl_index_add(x, a), SL_EINPUT);
    CHECK_INT(sl_index_size(x), NARTS);
    sl_index_free(x);
}

/* Stories and a story by id; an unknown story is NULL with a reason. */
static void stories_by_id(void)
{
    sl_index *x = filled();
    char *all = sl_index_stories_json(x, NULL);
    CHECK(strncmp(all, "{\"stories\":[{\"id\":\"s", 20) == 0);
    char id[16] = {0};
    const char *s = strstr(all, "\"id\":\"s") + 6;
    memcpy(id, s, strcspn(s, "\""));
    char *one = sl_index_story_json(x, id);
    CHECK(one != NULL && strstr(all, one) != NULL);
    CHECK(sl_index_story_json(x, "s999") == NULL);
    free(all);
    free(one);
    sl_index_free(x);
}

int main(void)
{
    E = sl_engine_new();
    RUN(events_group_reports);
    RUN(restore_gives_the_same_events);
    RUN(restore_refuses_an_older_pack);
    RUN(remove_takes_an_article_out);
    RUN(remove_takes_an_article_out_of_its_copies);
    RUN(restore_keeps_the_copies);
    RUN(a_repeated_id_is_refused);
    RUN(stories_by_id);
    sl_engine_free(E);
    return test_done();
}
