/*
 * test_profile.c -- profiles: name skeletons, the shared cross-lingual
 * space, weights, packing, document frequencies, similarity and the
 * reading of undated articles' dates against a related date.
 *
 * Articles are written here; each case says in a line what a user relies
 * on.
 */
#include "analyze/profile.h"
#include "text/terms.h"
#include "test.h"

static sl_engine *E;

/* The prepared article 'text' (JSON lines, so fields can be given). */
static sl_article *art(const char *json)
{
    sl_article *a = NULL;
    if (sl_article_read(E, "t.jsonl", json, strlen(json), SL_FORMAT_JSONL, &a) != SL_OK)
        return NULL;
    sl_article_prepare(E, a);
    return a;
}

/* Profiles of n articles, weighed with their own document frequencies. */
static void profiles(const char *const *json, size_t n, sl_profile **out)
{
    sl_df *df = sl_df_new();
    sl_df_pad(df, SL_DF_PRIOR);
    sl_draft d[8];
    sl_article *a[8];
    for (size_t i = 0; i < n; i++) {
        a[i] = art(json[i]);
        sl_profile_count(E, a[i], &d[i]);
        sl_profile_count_df(df, &d[i], +1);
        out[i] = sl_profile_new(a[i], &d[i]);
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = sl_profile_weigh(out[i], &d[i], df, sl_engine_lexicon(E), NULL);
        sl_draft_free(&d[i]);
        sl_article_free(a[i]);
    }
    sl_df_free(df);
}

static const char *QUAKE_EN =
    "{\"id\":\"en\",\"date\":\"2024-04-02\",\"text\":\"A strong earthquake struck the city of "
    "Veltmar on Tuesday. The earthquake destroyed houses and the death toll rose to 40, "
    "rescuers said.\"}";
static const char *QUAKE_DE =
    "{\"id\":\"de\",\"date\":\"2024-04-02\",\"text\":\"Ein schweres Erdbeben hat die Stadt "
    "Veltmar am Dienstag erschüttert. Das Erdbeben zerstörte Häuser, die Zahl der Toten stieg "
    "auf 40, sagten Retter.\"}";
static const char *COACH_EN =
    "{\"id\":\"co\",\"date\":\"2024-04-02\",\"text\":\"The football federation named Corina "
    "Albescu coach of the women's team, the first woman in the post, on a contract to 2027.\"}";

/* Putin, Poetin and Путин (by its Latin key) meet; Erdogan in Arabic
 * romanisation too. */
static void skeletons_meet_across_spellings(void)
{
    char a[64], b[64], c[64];
    sl_name_skeleton("putin", 5, a);
    sl_name_skeleton("poetin", 6, b);
    char *key = sl_name_key(E, "Путин");
    sl_name_skeleton(key, strlen(key), c);
    free(key);
    CHECK_STR(a, "ptn");
    CHECK_STR(b, "ptn");
    CHECK_STR(c, "ptn");
    sl_name_skeleton("erdogan", 7, a);
    sl_name_skeleton("rdwghan", 7, b);
    CHECK_STR(a, "rdgn");
    CHECK_STR(b, "rdgn");
}

/* A German and an English report of one earthquake share the shared
 * space; the English report and an unrelated one hardly do. */
static void translation_brings_languages_together(void)
{
    const char *json[] = {QUAKE_EN, QUAKE_DE, COACH_EN};
    sl_profile *p[3];
    profiles(json, 3, p);
    double same = sl_feat_dot(p[0]->terms, p[0]->nterms, p[1]->terms, p[1]->nterms);
    double other = sl_feat_dot(p[0]->terms, p[0]->nterms, p[2]->terms, p[2]->nterms);
    for (int i = 0; i < 3; i++)
        sl_profile_free(p[i]);
    CHECK(same > 0.2);
    CHECK(other < same / 3);
}

/* The pairwise model: same event scores near 4, unrelated near 1, and
 * the score stays in 1..4. */
static void similarity_scores_mean_what_they_say(void)
{
    const char *json[] = {QUAKE_EN, QUAKE_DE, COACH_EN};
    sl_profile *p[3];
    profiles(json, 3, p);
    sl_sim_parts x, y;
    sl_sim_parts_of(p[0], p[1], &x);
    sl_sim_parts_of(p[0], p[2], &y);
    double sx = sl_sim_score(&x), sy = sl_sim_score(&y);
    bool cross = x.cross_lang;
    for (int i = 0; i < 3; i++)
        sl_profile_free(p[i]);
    CHECK(cross);
    CHECK(sx >= 3.5 && sx <= 4.0);
    CHECK(sy >= 1.0 && sy < 2.0);
}

/* Packing keeps everything, and a damaged or cut pack is refused with a
 * reason, never read. */
static void packing_round_trips_and_refuses_damage(void)
{
    const char *json[] = {QUAKE_DE};
    sl_profile *p;
    profiles(json, 1, &p);
    size_t len;
    unsigned char *buf = sl_profile_pack(p, NULL, &len);
    char err[128];
    sl_profile *q = sl_profile_unpack(buf, len, NULL, err, sizeof err);
    CHECK(q != NULL);
    CHECK_STR(q->id, "de");
    CHECK_INT(q->nterms, p->nterms);
    CHECK_INT(q->day, p->day);
    CHECK(sl_feat_dot(p->terms, p->nterms, q->terms, q->nterms) > 0.999);
    sl_profile_free(q);
    buf[len / 2] ^= 0x40;
    CHECK(sl_profile_unpack(buf, len, NULL, err, sizeof err) == NULL);
    CHECK_STR(err, "checksum mismatch");
    buf[len / 2] ^= 0x40;
    CHECK(sl_profile_unpack(buf, len - 5, NULL, err, sizeof err) == NULL);
    CHECK(sl_profile_unpack(buf, 3, NULL, err, sizeof err) == NULL);
    CHECK_STR(err, "not a packed article");
    free(buf);
    sl_profile_free(p);
}

/* Document frequencies count articles, take them back, and survive a
 * round trip; a damaged table is refused. */
static void document_frequencies_round_trip(void)
{
    sl_df *d = sl_df_new();
    uint64_t a[] = {1, 2, 3}, b[] = {2, 3};
    sl_df_add(d, a, 3, +1);
    sl_df_add(d, b, 2, +1);
    sl_df_add(d, b, 2, +1);
    sl_df_add(d, b, 2, -1);
    CHECK_INT(sl_df_count(d, 2), 2);
    CHECK_INT(sl_df_count(d, 1), 1);
    CHECK_INT(sl_df_count(d, 9), 0);
    CHECK_INT(sl_df_docs(d), 2);
    size_t len;
    unsigned char *buf = sl_df_pack(d, &len);
    char err[64];
    sl_df *e = sl_df_unpack(buf, len, err, sizeof err);
    CHECK(e != NULL);
    CHECK_INT(sl_df_count(e, 3), 2);
    CHECK_INT(sl_df_docs(e), 2);
    sl_df_free(e);
    buf[len - 1] ^= 1;
    CHECK(sl_df_unpack(buf, len, err, sizeof err) == NULL);
    free(buf);
    sl_df_free(d);
}

static int32_t day_of(int y, int m, int d) { return (int32_t)sl_date_to_days(y, m, d); }

/* An undated report's "on Wednesday" is read against a related date; a
 * month and day it names put its "now" in the nearest year first. */
static void undated_dates_read_against_a_related_date(void)
{
    const char *json[] = {
        "{\"id\":\"u1\",\"text\":\"The two sides began a new round of talks on Wednesday, the "
        "mediators said.\"}",
        "{\"id\":\"u2\",\"text\":\"The leaders called on Wednesday for a truce starting on January "
        "12 at midnight. The truce starts on January 12.\"}"};
    sl_profile *p[2];
    profiles(json, 2, p);
    int32_t monday = day_of(2020, 6, 15);
    int32_t a = sl_anchor_day(p[0], monday), b = sl_anchor_day(p[1], monday);
    int32_t sure = sl_anchor_day_sure(p[1], monday), not_sure = sl_anchor_day_sure(p[0], monday);
    sl_profile_free(p[0]);
    sl_profile_free(p[1]);
    CHECK_INT(a, day_of(2020, 6, 10));
    CHECK_INT(b, day_of(2020, 1, 8));
    CHECK_INT(sure, day_of(2020, 1, 8));
    CHECK_INT(not_sure, SL_NO_DAY);
}

/* An article with nothing to weigh gives an empty profile, not a crash. */
static void empty_article_gives_empty_profile(void)
{
    const char *json[] = {"{\"id\":\"x\",\"text\":\"the of and\"}"};
    sl_profile *p;
    profiles(json, 1, &p);
    CHECK_INT(p->nterms, 0);
    CHECK_INT(p->nents, 0);
    sl_sim_parts x;
    sl_sim_parts_of(p, p, &x);
    CHECK(sl_sim_score(&x) >= 1.0);
    sl_profile_free(p);
}

int main(void)
{
    E = sl_engine_new();
    RUN(skeletons_meet_across_spellings);
    RUN(translation_brings_languages_together);
    RUN(similarity_scores_mean_what_they_say);
    RUN(packing_round_trips_and_refuses_damage);
    RUN(document_frequencies_round_trip);
    RUN(undated_dates_read_against_a_related_date);
    RUN(empty_article_gives_empty_profile);
    sl_engine_free(E);
    return test_done();
}
