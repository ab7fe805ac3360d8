/*
 * test_dedup.c -- the copy stage: matching form, shingles, sketches, the
 * copy rule, the streaming index, its groups, its file, and one article
 * packed alone (as a store keeps it).
 *
 * Texts are invented here: a few hand-written paragraphs (a translation, a
 * shared quote) and "stories" of pseudo-words drawn from a fixed seed, so
 * that two stories share nothing but chance.
 */
#include "dedup/dedup_internal.h"
#include "test.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <math.h>
#include <zlib.h>

static sl_engine *E;

/* ---- building articles --------------------------------------------------- */

static sl_article *art(const char *id, const char *text)
{
    char name[256];
    snprintf(name, sizeof name, "%s.txt", id);
    sl_article *a = NULL;
    if (sl_article_read(E, name, text, strlen(text), SL_FORMAT_TEXT, &a) != SL_OK)
        return NULL;
    sl_article_prepare(E, a);
    return a;
}

static uint64_t rnd(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return sl_mix64(*s);
}

/* A word drawn from a list of English ones, so that language id reads
 * every story as English (pseudo-words made of syllables were read as
 * Esperanto or Bosnian, one story one way and the next the other); the
 * list is long enough that two stories share a word 3-gram only by rare
 * chance. */
static void word(sl_buf *b, uint64_t *seed)
{
    static const char *w[] = {
        "river", "market", "council", "harbour", "train", "bridge", "winter", "farmer",
        "village", "school", "doctor", "engine", "garden", "letter", "mountain", "window",
        "teacher", "station", "forest", "island", "morning", "factory", "museum", "street",
        "summer", "money", "energy", "police", "minister", "court", "judge", "budget",
        "election", "mayor", "rain", "storm", "coast", "border", "airport", "hospital",
        "nurse", "worker", "union", "strike", "price", "bread", "milk", "coffee",
        "festival", "music", "singer", "player", "match", "league", "coach", "season",
        "record", "crowd", "stadium", "ticket", "road", "truck", "driver", "accident",
        "fire", "smoke", "water", "flood", "dam", "valley", "lake", "boat",
        "fisher", "net", "shop", "owner", "bank", "loan", "rate", "tax",
        "law", "vote", "party", "leader", "speech", "crowd", "protest", "square",
        "church", "bell", "tower", "clock", "night", "light", "paper", "report",
        "study", "science", "planet", "rocket", "camera", "phone", "network", "company",
        "office", "board", "share", "profit", "loss", "export", "import", "ship",
        "cargo", "port", "crane", "quay", "tourist", "hotel", "room", "kitchen",
        "chef", "dinner", "wine", "grape", "harvest", "field", "horse", "cattle",
        "sheep", "wool", "cloth", "shirt", "shoe", "leather", "glass", "stone",
        "wall", "roof", "door", "key", "lock", "thief", "prison", "guard",
        "army", "soldier", "general", "treaty", "peace", "talks", "envoy", "summit",
        "castle", "king", "queen", "prince", "palace", "garden", "statue", "artist",
        "painting", "gallery", "author", "novel", "poem", "library", "student", "exam",
        "teacher", "lesson", "child", "mother", "father", "family", "wedding", "guest"};
    sl_buf_puts(b, w[rnd(seed) % (sizeof w / sizeof *w)]);
}

/* Paragraph p of story 'story': four sentences of 10 to 17 words. */
static void paragraph(sl_buf *b, unsigned story, unsigned p)
{
    uint64_t seed = (uint64_t)story * 1000003u + p;
    for (int s = 0; s < 4; s++) {
        int n = 10 + (int)(rnd(&seed) % 8);
        for (int w = 0; w < n; w++) {
            if (w)
                sl_buf_putc(b, ' ');
            word(b, &seed);
        }
        sl_buf_puts(b, s < 3 ? ". " : ".");
    }
}

/* The text of paragraphs [from, to) of a story, blank lines between. */
static char *story(unsigned id, unsigned from, unsigned to)
{
    sl_buf b = {0};
    for (unsigned p = from; p < to; p++) {
        if (p > from)
            sl_buf_puts(&b, "\n\n");
        paragraph(&b, id, p);
    }
    return sl_buf_take(&b);
}

static sl_article *story_art(const char *id, unsigned s, unsigned from, unsigned to)
{
    char *t = story(s, from, to);
    sl_article *a = art(id, t);
    free(t);
    return a;
}

/* ---- the matching form ----------------------------------------------------- */

static uint64_t form_hash(const char *text, size_t *words)
{
    sl_article *a = art("f", text);
    sl_dedup_form f = {0};
    sl_buf key = {0};
    sl_dedup_form_make(sl_engine_norm(E), a, &f, &key);
    uint64_t h = f.exact;
    if (words)
        *words = f.n;
    sl_dedup_form_free(&f);
    sl_buf_free(&key);
    sl_article_free(a);
    return h;
}

static void form_ignores_case_quotes_and_spacing(void)
{
    uint64_t a = form_hash("The mayor said \"we will rebuild\" -- all of it.", NULL);
    CHECK(a != 0);
    CHECK(a == form_hash("the MAYOR said “we will rebuild”,   all of it", NULL));
    CHECK(a != form_hash("the mayor said we will rebuild all of this", NULL));
}

static void form_drops_apostrophes_accents_and_soft_hyphens(void)
{
    uint64_t a = form_hash("We don't co\xC2\xADoperate with Caf\xC3\xA9 owners.", NULL);
    CHECK(a == form_hash("We don\xE2\x80\x99t cooperate with cafe owners.", NULL));
    CHECK(a == form_hash("we dont cooperate with CAFE owners", NULL));
}

static void form_cuts_cjk_into_characters(void)
{
    size_t n = 0;
    form_hash("北京大学の学生", &n);
    CHECK_INT(n, 7);
    form_hash("Москва и Киев", &n);
    CHECK_INT(n, 3);
}

/* True if the form of 'text' is the words w[0..n), in order. */
static bool form_is(const char *text, const char *const *w, size_t n)
{
    sl_article *a = art("f", text);
    sl_dedup_form f = {0};
    sl_buf key = {0};
    sl_dedup_form_make(sl_engine_norm(E), a, &f, &key);
    bool same = f.n == n;
    for (size_t i = 0; same && i < n; i++)
        same = f.tok[i] == XXH3_64bits(w[i], strlen(w[i]));
    sl_dedup_form_free(&f);
    sl_buf_free(&key);
    sl_article_free(a);
    return same;
}

/* Keyed a piece at a time, a paragraph has the words of its whole key: a
 * vowel sign after a space stays after a Devanagari letter (alone it would
 * go), goes after a Latin one; a spacing accent is a space and an accent. */
static void form_by_pieces_is_the_whole_key(void)
{
    const char *const w1[] = {"\xE0\xA4\x95", "\xE0\xA5\x81x", "cafe"};
    CHECK(form_is("\xE0\xA4\x95 \xE0\xA5\x81x caf\xC3\xA9", w1, 3)); /* क ुx café */
    const char *const w2[] = {"e", "x", "cafe"};
    CHECK(form_is("e \xE0\xA5\x81x caf\xC3\xA9", w2, 3));
    const char *const w3[] = {"l", "ete", "ete", "strasse"};
    CHECK(form_is("l\xC2\xB4\xC3\xA9t\xC3\xA9 \xC2\xB4\xC3\xA9t\xC3\xA9 Stra\xC3\x9F" "e", w3, 4));
    const char *const w4[] = {"fin", "1", "2", "wir"};
    CHECK(form_is("\xEF\xAC\x81n \xC2\xBD \xE2\x80\x9Cwir\xE2\x80\x9D", w4, 4)); /* ﬁn ½ “wir” */
}

static void form_marks_quoted_words(void)
{
    sl_article *a = sl_article_new();
    sl_article_add_para(a, "one «two three» four “five", 31);
    sl_article_add_para(a, "six", 3);
    sl_dedup_form f = {0};
    sl_buf key = {0};
    sl_dedup_form_make(sl_engine_norm(E), a, &f, &key);
    CHECK_INT(f.n, 6);
    const uint8_t want[] = {0, 1, 1, 0, 1, 0}; /* a quote ends with its paragraph */
    for (size_t i = 0; i < 6; i++)
        CHECK_INT(f.quoted[i], want[i]);
    sl_dedup_form_free(&f);
    sl_buf_free(&key);
    sl_article_free(a);
}

static void form_skips_a_repeated_paragraph(void)
{
    uint64_t a = form_hash("First part here.\n\nSecond part here.", NULL);
    CHECK(a == form_hash("First part here.\n\nSecond part here.\n\nFIRST part, here!", NULL));
}

static void form_of_no_words_is_empty(void)
{
    CHECK(form_hash("— … !!! ???", NULL) == 0);
}

/* ---- shingles --------------------------------------------------------------- */

static size_t counted(const char *text, size_t *all)
{
    sl_article *a = art("s", text);
    sl_dedup_form f = {0};
    sl_shingles s = {0};
    sl_buf key = {0};
    sl_dedup_form_make(sl_engine_norm(E), a, &f, &key);
    sl_shingles_make(&f, &s);
    size_t n = s.counted;
    if (all)
        *all = s.n;
    sl_dedup_form_free(&f);
    sl_shingles_free(&s);
    sl_buf_free(&key);
    sl_article_free(a);
    return n;
}

static void shingles_leave_quotes_out(void)
{
    /* 8 words: 6 3-grams; the quoted "c d" touches 4 of them */
    CHECK_INT(counted("a b \"c d\" e f g h", NULL), 2);
    CHECK_INT(counted("a b c d e f g h", NULL), 6);
    size_t all;
    CHECK_INT(counted("“all of this is quoted speech”", &all), 0);
    CHECK(all > 0); /* still sketched, so exact twins meet */
}

static void shingles_leave_repeats_out(void)
{
    /* 16 words, 14 3-grams, "x y z" twice: 12 count */
    CHECK_INT(counted("x y z a b c d x y z e f g h i j", NULL), 12);
}

/* ---- sketches ------------------------------------------------------------------- */

static void minhash_of_equal_sets_is_equal_whatever_the_order(void)
{
    uint64_t h[500], r[500];
    uint64_t seed = 7;
    for (int i = 0; i < 500; i++)
        h[i] = rnd(&seed);
    for (int i = 0; i < 500; i++)
        r[i] = h[(i * 7 + 3) % 500]; /* a permutation: 7 is prime to 500 */
    sl_minhash a, b;
    sl_minhash_make(h, 500, &a);
    sl_minhash_make(r, 500, &b);
    CHECK(!memcmp(&a, &b, sizeof a));
    CHECK(sl_minhash_jaccard(&a, &b) == 1.0);
}

/* The estimate counts agreeing 16-bit values, and agreeing 4-bit values
 * among the small bins not empty in both (0 is empty), every one of them
 * (checked against a plain count on random sketches). */
static void minhash_jaccard_counts_every_value(void)
{
    uint64_t seed = 11;
    for (int round = 0; round < 200; round++) {
        sl_minhash a, b;
        unsigned char *pa = (unsigned char *)&a, *pb = (unsigned char *)&b;
        for (size_t i = 0; i < sizeof a; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            pa[i] = (unsigned char)(seed >> 56);
            pb[i] = (seed >> 40) % 3 ? pa[i] : (unsigned char)(seed >> 48);
            if ((seed >> 20) % 4 == 0) /* some empty bins */
                pa[i] &= 0xF0;
        }
        int m16 = 0, same = 0, both = 0, either = 0;
        for (int i = 0; i < SL_MINHASH_BANDS; i++)
            m16 += a.band[i] == b.band[i];
        for (int i = 0; i < SL_MINHASH_SMALL; i++) {
            int va = a.small[i / 2] >> (i % 2 * 4) & 0xF, vb = b.small[i / 2] >> (i % 2 * 4) & 0xF;
            both += va && vb;
            either += va || vb;
            same += va && va == vb;
        }
        double t = (same - both / 15.0) / (1 - 1 / 15.0);
        double j = (m16 + (t < 0 ? 0 : t)) / (SL_MINHASH_BANDS + either);
        j = j < 0 ? 0 : j > 1 ? 1 : j;
        CHECK(fabs(sl_minhash_jaccard(&a, &b) - j) < 1e-12);
    }
}

/* Short texts leave most bins empty.  Two sets of 120 with 34 in common
 * (J = 0.165, like two short articles sharing a few phrases): over 2000
 * such pairs the estimate is unbiased, its error well under the 0.1 that
 * separates them from the copy threshold (0.26), and no pair reaches it.
 * Filling the empty small bins from others (densification) gave an error
 * of 0.031 and 5 pairs over 0.26. */
static void minhash_of_short_texts_stays_below_the_copy_threshold(void)
{
    uint64_t base = 99;
    double sum = 0, sq = 0, truth = 34.0 / 206;
    int over = 0;
    for (int round = 0; round < 2000; round++, base += 5000) {
        uint64_t x[120], y[120];
        for (int i = 0; i < 120; i++) {
            x[i] = sl_mix64(base + (uint64_t)i);
            y[i] = i < 34 ? x[i] : sl_mix64(base + 1000 + (uint64_t)i);
        }
        sl_minhash a, b;
        sl_minhash_make(x, 120, &a);
        sl_minhash_make(y, 120, &b);
        double j = sl_minhash_jaccard(&a, &b);
        sum += j, sq += (j - truth) * (j - truth), over += j >= 0.26;
    }
    CHECK(fabs(sum / 2000 - truth) < 0.005);
    CHECK(sqrt(sq / 2000) < 0.027);
    CHECK_INT(over, 0);
}

static void minhash_estimates_jaccard(void)
{
    /* A = [0, 600), B = [200, 800): J = 400 / 800 = 0.5; C = [1000, 1600): J = 0 */
    uint64_t x[600], y[600], z[600];
    for (int i = 0; i < 600; i++) {
        x[i] = sl_mix64((uint64_t)i);
        y[i] = sl_mix64((uint64_t)i + 200);
        z[i] = sl_mix64((uint64_t)i + 1000);
    }
    sl_minhash a, b, c;
    sl_minhash_make(x, 600, &a);
    sl_minhash_make(y, 600, &b);
    sl_minhash_make(z, 600, &c);
    double j = sl_minhash_jaccard(&a, &b);
    CHECK(j > 0.38 && j < 0.62); /* 4 standard errors */
    CHECK(sl_minhash_jaccard(&a, &c) < 0.08);
}

/* ---- the copy rule ---------------------------------------------------------------- */

static sl_copy_kind judge(sl_article *a, sl_article *b)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_dedup_add(d, a, NULL);
    sl_dedup_add(d, b, NULL);
    sl_copy_side x = sl_dedup_side(d, 0), y = sl_dedup_side(d, 1);
    sl_copy_kind k = sl_copy_judge(&x, &y, NULL, NULL);
    if (sl_copy_judge(&y, &x, NULL, NULL) != k) { /* symmetric */
        printf("  the rule is not symmetric\n");
        test_failed_now = 1;
    }
    sl_dedup_free(d);
    sl_article_free(a);
    sl_article_free(b);
    return k;
}

#define JUDGE(a, b, want)                                                     \
    do {                                                                      \
        sl_copy_kind k_ = judge(a, b);                                        \
        if (test_failed_now)                                                  \
            return;                                                           \
        CHECK_STR(sl_copy_kind_name(k_), sl_copy_kind_name(want));            \
    } while (0)

static void signature_identical_is_exact(void)
{
    JUDGE(story_art("a", 1, 0, 6), story_art("b", 1, 0, 6), SL_COPY_EXACT);
}

static void signature_one_word_changed_is_near(void)
{
    char *t = story(1, 0, 6);
    char *sp = strchr(t + 200, ' ');
    memcpy(sp + 1, "zz", 2); /* one word changed */
    JUDGE(story_art("a", 1, 0, 6), art("b", t), SL_COPY_NEAR);
    free(t);
}

static void signature_new_lead_is_near(void)
{
    char *lead = story(9, 0, 1), *body = story(1, 1, 6), *t;
    sl_buf b = {0};
    sl_buf_printf(&b, "%s\n\n%s", lead, body);
    t = sl_buf_take(&b);
    JUDGE(story_art("a", 1, 0, 6), art("b", t), SL_COPY_NEAR);
    free(lead), free(body), free(t);
}

static void signature_paragraphs_added_is_contains(void)
{
    JUDGE(story_art("a", 1, 0, 5), story_art("b", 1, 0, 9), SL_COPY_CONTAINS);
}

static void signature_truncated_is_contains(void)
{
    JUDGE(story_art("a", 1, 0, 8), story_art("b", 1, 0, 3), SL_COPY_CONTAINS);
}

static void signature_unrelated_is_none(void)
{
    JUDGE(story_art("a", 1, 0, 6), story_art("b", 2, 0, 6), SL_COPY_NONE);
}

static const char *EN =
    "The city council of Waldham voted on Tuesday to close the old river ferry "
    "after engineers found deep cracks in both landing piers and warned that the "
    "boat could no longer dock safely in high water.\n\n"
    "Commuters who cross the river every morning will have to drive twenty "
    "kilometres to the nearest bridge until a new landing is built, which the "
    "council expects to take at least two years and to cost four million euros.\n\n"
    "Shop owners on the east bank said they feared losing half of their customers, "
    "and a petition asking for a temporary footbridge had gathered more than three "
    "thousand signatures by the evening.";
static const char *FR =
    "Le conseil municipal de Waldham a voté mardi la fermeture de l'ancien bac "
    "fluvial après que des ingénieurs ont découvert de profondes fissures dans les "
    "deux pontons et averti que le bateau ne pouvait plus accoster sans danger par "
    "hautes eaux.\n\n"
    "Les navetteurs qui traversent le fleuve chaque matin devront faire vingt "
    "kilomètres jusqu'au pont le plus proche en attendant un nouveau ponton, dont "
    "le conseil prévoit qu'il prendra au moins deux ans et coûtera quatre millions "
    "d'euros.\n\n"
    "Les commerçants de la rive est ont dit craindre de perdre la moitié de leurs "
    "clients, et une pétition réclamant une passerelle provisoire avait recueilli "
    "plus de trois mille signatures dans la soirée.";

static void signature_translation_is_none(void)
{
    JUDGE(art("en", EN), art("fr", FR), SL_COPY_NONE);
}

static void signature_other_language_is_never_a_copy(void)
{
    sl_minhash m;
    uint64_t h[100];
    for (int i = 0; i < 100; i++)
        h[i] = sl_mix64((uint64_t)i);
    sl_minhash_make(h, 100, &m);
    sl_copy_side x = {&m, 11, 100, 1}, y = {&m, 12, 100, 2}, z = {&m, 12, 100, 0};
    CHECK_INT(sl_copy_judge(&x, &y, NULL, NULL), SL_COPY_NONE); /* two languages */
    CHECK_INT(sl_copy_judge(&x, &z, NULL, NULL), SL_COPY_NEAR); /* one unknown */
}

static void signature_shared_quote_is_none(void)
{
    const char *q = "\"We will not reopen the crossing before every pier has been "
                    "rebuilt and inspected twice, because nobody should ever have to "
                    "wonder whether the landing will hold when the river is high, and "
                    "we owe that promise to every family that uses the ferry,\"";
    char a[2048], b[2048];
    snprintf(a, sizeof a, "Waldham closed its ferry on Tuesday. %s the mayor told "
             "reporters outside the town hall after the vote.\n\nShops fear the "
             "worst.", q);
    snprintf(b, sizeof b, "Engineers found cracks in the piers last month. %s said "
             "the mayor, who faces an election in May.\n\nA petition is running.", q);
    JUDGE(art("a", a), art("b", b), SL_COPY_NONE);
}

static void signature_short_texts_are_copies_only_when_exact(void)
{
    JUDGE(art("a", "Ferry closed after cracks found in piers"),
          art("b", "Ferry closed after cracks found in piers"), SL_COPY_EXACT);
    JUDGE(art("a", "Ferry closed after cracks found in piers"),
          art("b", "Ferry closed after cracks found in pier"), SL_COPY_NONE);
}

/* ---- the index ------------------------------------------------------------------------ */

static sl_dedup_result add(sl_dedup *d, sl_article *a)
{
    sl_dedup_result r;
    memset(&r, 0, sizeof r);
    if (sl_dedup_add(d, a, &r) != SL_OK)
        r.kind = (sl_copy_kind)-1;
    sl_article_free(a);
    return r;
}

static void index_add_tells_group_match_and_kind(void)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_dedup_result r = add(d, story_art("first", 1, 0, 6));
    CHECK_INT(r.kind, SL_COPY_NONE);
    CHECK_STR(r.group, "first");
    CHECK(r.match == NULL);
    add(d, story_art("other", 2, 0, 6));
    r = add(d, story_art("second", 1, 0, 6));
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_STR(r.group, "first");
    CHECK_STR(r.match, "first");
    r = add(d, story_art("part", 1, 0, 3));
    CHECK_INT(r.kind, SL_COPY_CONTAINS);
    CHECK_STR(r.group, "first");
    CHECK(r.containment > 0.8);
    CHECK_INT(sl_dedup_count(d), 4);
    CHECK_INT(sl_dedup_group_count(d), 1);
    sl_copy_kind k;
    CHECK_STR(sl_dedup_group_of(d, "part", &k), "first");
    CHECK_INT(k, SL_COPY_CONTAINS);
    CHECK_STR(sl_dedup_group_of(d, "other", &k), "other");
    CHECK_INT(k, SL_COPY_NONE);
    CHECK(sl_dedup_group_of(d, "nobody", NULL) == NULL);
    sl_dedup_free(d);
}

static void index_refuses_an_id_twice(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("a", 1, 0, 6));
    sl_article *again = story_art("a", 2, 0, 6); /* same id, other text */
    CHECK_INT(sl_dedup_add(d, again, NULL), SL_EINPUT);
    sl_article_free(again);
    CHECK(strstr(sl_engine_error(E), "already") != NULL);
    CHECK_INT(sl_dedup_count(d), 1);
    sl_dedup_result r = add(d, story_art("b", 1, 0, 6)); /* still the first text */
    CHECK_INT(r.kind, SL_COPY_EXACT);
    sl_dedup_free(d);
}

static void index_never_groups_empty_articles(void)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_dedup_result r = add(d, art("e1", "—"));
    CHECK_INT(r.kind, SL_COPY_NONE);
    r = add(d, art("e2", "— …"));
    CHECK_INT(r.kind, SL_COPY_NONE);
    CHECK_INT(sl_dedup_group_count(d), 0);
    char *j = sl_dedup_json(d);
    CHECK_STR(j, "{\"groups\":[]}");
    free(j);
    sl_dedup_free(d);
}

static void index_find_does_not_add(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("a", 1, 0, 6));
    sl_article *q = story_art("q", 1, 0, 3);
    sl_dedup_result r;
    CHECK_INT(sl_dedup_find(d, q, &r), SL_OK);
    sl_article_free(q);
    CHECK_INT(r.kind, SL_COPY_CONTAINS);
    CHECK_STR(r.match, "a");
    CHECK_STR(r.group, "a");
    CHECK_INT(sl_dedup_count(d), 1);
    sl_dedup_free(d);
}

/* ---- groups: order and guard ---------------------------------------------------------- */

/* The groups as one canonical string: each group's ids sorted, groups sorted. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *canonical(sl_dedup *d)
{
    size_t ng = sl_dedup_group_count(d);
    char **g = sl_xcalloc(ng + 1, sizeof *g);
    for (size_t i = 0; i < ng; i++) {
        const char *const *ids;
        size_t n;
        sl_copy_kind k = sl_dedup_group(d, i, &ids, &n);
        const char **v = sl_xmalloc(n * sizeof *v);
        memcpy(v, ids, n * sizeof *v);
        qsort(v, n, sizeof *v, cmp_str);
        sl_buf b = {0};
        sl_buf_printf(&b, "%s:", sl_copy_kind_name(k));
        for (size_t m = 0; m < n; m++)
            sl_buf_printf(&b, " %s", v[m]);
        g[i] = sl_buf_take(&b);
        free(v);
    }
    qsort(g, ng, sizeof *g, cmp_str);
    sl_buf b = {0};
    for (size_t i = 0; i < ng; i++) {
        sl_buf_printf(&b, "%s | ", g[i]);
        free(g[i]);
    }
    free(g);
    return sl_buf_take(&b);
}

typedef struct {
    const char *id;
    unsigned story, from, to;
} spec;

/* Copies of four stories (exact, truncated, extended, a new lead), a drift
 * chain (each part shares half with the next), and unrelated texts. */
static const spec SET[] = {
    {"s1-full", 1, 0, 8},   {"s1-copy", 1, 0, 8},   {"s1-lead", 1, 0, 3},
    {"s1-tail", 1, 4, 8},   {"s1-more", 1, 0, 12},  {"s2-a", 2, 0, 6},
    {"s2-b", 2, 0, 6},      {"s2-c", 2, 1, 6},      {"s3-a", 3, 0, 5},
    {"s3-b", 3, 0, 9},      {"s4-a", 4, 0, 7},      {"s4-b", 4, 0, 7},
    {"s4-c", 4, 0, 7},      {"chain-1", 5, 0, 4},   {"chain-2", 5, 2, 6},
    {"chain-3", 5, 4, 8},   {"chain-4", 5, 6, 10},  {"chain-5", 5, 8, 12},
    {"alone-1", 6, 0, 6},   {"alone-2", 7, 0, 3},   {"alone-3", 8, 0, 1},
};
#define NSET (sizeof SET / sizeof *SET)

static sl_dedup *build(const size_t *order)
{
    sl_dedup *d = sl_dedup_new(E);
    for (size_t k = 0; k < NSET; k++) {
        const spec *s = &SET[order[k]];
        add(d, story_art(s->id, s->story, s->from, s->to));
    }
    return d;
}

static void order_does_not_change_the_groups(void)
{
    size_t order[NSET];
    for (size_t k = 0; k < NSET; k++)
        order[k] = k;
    sl_dedup *d = build(order);
    char *want = canonical(d);
    sl_dedup_free(d);
    CHECK(strstr(want, "s1-copy s1-full s1-lead s1-more s1-tail") != NULL);
    CHECK(strstr(want, "alone") == NULL);
    uint64_t seed = 99;
    for (int round = 0; round < 12; round++) {
        for (size_t k = NSET - 1; k > 0; k--) { /* Fisher-Yates */
            size_t j = (size_t)(rnd(&seed) % (k + 1)), t = order[k];
            order[k] = order[j], order[j] = t;
        }
        d = build(order);
        char *got = canonical(d);
        sl_dedup_restar(d); /* the stars built one by one = the stars from scratch */
        sl_dedup_unlist(d);
        char *batch = canonical(d);
        sl_dedup_free(d);
        CHECK_STR(got, want);
        CHECK_STR(batch, want);
        free(got);
        free(batch);
    }
    free(want);
}

static void chain_does_not_join_unrelated_ends(void)
{
    size_t order[NSET];
    for (size_t k = 0; k < NSET; k++)
        order[k] = NSET - 1 - k;
    sl_dedup *d = build(order);
    const char *g1 = sl_dedup_group_of(d, "chain-1", NULL);
    char *first = sl_xstrdup(g1);
    const char *g5 = sl_dedup_group_of(d, "chain-5", NULL);
    CHECK(strcmp(first, g5) != 0); /* 1 and 5 share nothing */
    /* 1 copies only 2, so whichever is the fuller, they share a star */
    CHECK_STR(sl_dedup_group_of(d, "chain-2", NULL), first);
    free(first);
    sl_dedup_free(d);
}

static void chain_parts_of_one_text_are_one_group(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("head", 1, 0, 4));
    add(d, story_art("tail", 1, 5, 9));
    sl_dedup_result r = add(d, story_art("whole", 1, 0, 9));
    CHECK_INT(r.kind, SL_COPY_CONTAINS);
    char *got = canonical(d);
    CHECK_STR(got, "contains: head tail whole | ");
    free(got);
    sl_dedup_free(d);
}

/* ---- hostile inputs ------------------------------------------------------------------- */

/* Adds article a again under a new id (it stays prepared: no reading or
 * language id, so a hostile case costs only the index). */
static sl_dedup_result add_as(sl_dedup *d, sl_article *a, const char *id)
{
    sl_article_set(&a->id, id, strlen(id));
    sl_dedup_result r;
    if (sl_dedup_add(d, a, &r) != SL_OK)
        r.kind = (sl_copy_kind)-1;
    return r;
}

/* Adds n near copies of a, ids "n0".."n{n-1}": each differs from a in
 * one word only (a is as it was afterwards). */
static void add_near_copies(sl_dedup *d, sl_article *a, int n)
{
    for (int i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%d", i);
        char *sp = strchr(a->para[i % a->npara] + i % 200, ' '), was = 0;
        if (sp && sp[1])
            was = sp[1], sp[1] = (char)('a' + i % 26);
        add_as(d, a, id);
        if (was)
            sp[1] = was;
    }
}

static void hostile_ten_thousand_identical(void)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_article *a = story_art("x", 1, 0, 4);
    for (int i = 0; i < 10000; i++) {
        char id[32];
        snprintf(id, sizeof id, "x%d", i);
        add_as(d, a, id);
    }
    sl_article_free(a);
    CHECK_INT(sl_dedup_group_count(d), 1);
    const char *const *ids;
    size_t n;
    CHECK_INT(sl_dedup_group(d, 0, &ids, &n), SL_COPY_EXACT);
    CHECK_INT(n, 10000);
    CHECK_STR(ids[0], "x0");
    CHECK(d->nlsh == 1); /* one chain entry for all of them */
    sl_dedup_free(d);
}

static void hostile_long_chain_and_near_flood(void)
{
    sl_dedup *d = sl_dedup_new(E);
    for (unsigned i = 0; i < 600; i++) { /* a chain of 600 */
        char id[32];
        snprintf(id, sizeof id, "c%u", i);
        add(d, story_art(id, 11, 2 * i, 2 * i + 4));
    }
    sl_article *a = story_art("n", 12, 0, 5);
    add_near_copies(d, a, 3000); /* 3,000 near copies: one word changed */
    sl_article_free(a);
    CHECK_STR(sl_dedup_group_of(d, "n2999", NULL), "n0");
    CHECK(strcmp(sl_dedup_group_of(d, "c599", NULL), "c0") != 0);
    sl_dedup_free(d);
}

/* 2,000 near copies of one text (each differs from it in one word): past
 * SL_DEDUP_REPRESENTED copies in the chains, an article stays out of them,
 * so every add meets a bounded number of candidates; and yet all are one
 * group, before and after a save and load. */
static void hostile_near_flood_is_represented(void)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_article *a = story_art("n", 12, 0, 5);
    add_near_copies(d, a, 2000);
    CHECK(d->nlsh <= 4 * SL_DEDUP_REPRESENTED);
    CHECK_INT(sl_dedup_group_count(d), 1);
    const char *const *ids;
    size_t n;
    sl_dedup_group(d, 0, &ids, &n);
    CHECK_INT(n, 2000);
    CHECK_STR(sl_dedup_group_of(d, "n1999", NULL), "n0");
    char *want = sl_dedup_json(d);
    size_t len;
    char *data = sl_dedup_save_buf(d, &len);
    sl_dedup_free(d);
    CHECK_INT(sl_dedup_load_buf(E, "flood", data, len, &d), SL_OK);
    char *got = d ? sl_dedup_json(d) : NULL;
    CHECK_STR(got, want);
    sl_dedup_result r = add_as(d, a, "late"); /* an exact copy of n0's text */
    CHECK_STR(r.group, "n0");
    sl_article_free(a);
    free(want);
    free(got);
    free(data);
    sl_dedup_free(d);
}

/* ---- removing ------------------------------------------------------------------------ */

/* After any removals, the groups are those of an index that never had the
 * removed articles: copies tied only through a removed one fall apart, and
 * a removed centre's star is redone -- with or without the compaction
 * that more than half the records removed sets off. */
static void remove_gives_the_groups_of_an_index_without_them(void)
{
    uint64_t seed = 7;
    for (int round = 0; round < 40; round++) {
        size_t order[NSET], nkept = 0;
        for (size_t k = 0; k < NSET; k++)
            order[k] = k;
        sl_dedup *d = build(order);
        size_t removals = 1 + (size_t)(rnd(&seed) % (NSET - 1));
        bool gone[NSET] = {false};
        for (size_t r = 0; r < removals; r++) {
            size_t k = (size_t)(rnd(&seed) % NSET);
            if (gone[k])
                continue;
            gone[k] = true;
            CHECK_INT(sl_dedup_remove(d, SET[k].id), SL_OK);
        }
        sl_dedup *fresh = sl_dedup_new(E);
        for (size_t k = 0; k < NSET; k++)
            if (!gone[k]) {
                add(fresh, story_art(SET[k].id, SET[k].story, SET[k].from, SET[k].to));
                nkept++;
            }
        char *got = canonical(d), *want = canonical(fresh);
        CHECK_STR(got, want);
        CHECK_INT(sl_dedup_count(d), nkept);
        for (size_t k = 0; k < NSET; k++)
            CHECK((sl_dedup_group_of(d, SET[k].id, NULL) == NULL) == gone[k]);
        free(got);
        free(want);
        sl_dedup_free(fresh);
        sl_dedup_free(d);
    }
}

static void remove_splits_a_chain_at_the_removed_link(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("head", 1, 0, 4));
    add(d, story_art("tail", 1, 5, 9));
    add(d, story_art("whole", 1, 0, 9)); /* holds both: one group of three */
    CHECK_INT(sl_dedup_remove(d, "whole"), SL_OK);
    char *got = canonical(d);
    CHECK_STR(got, ""); /* head and tail share nothing */
    free(got);
    CHECK_STR(sl_dedup_group_of(d, "tail", NULL), "tail");
    CHECK_INT(sl_dedup_remove(d, "whole"), SL_EINPUT);
    CHECK(strstr(sl_engine_error(E), "whole: not in the copy index") != NULL);
    sl_dedup_free(d);
}

/* An id removed and added again is judged on its new text. */
static void remove_frees_the_id_for_a_new_text(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("x", 1, 0, 6));
    add(d, story_art("copy", 1, 0, 6));
    CHECK_INT(sl_dedup_remove(d, "x"), SL_OK);
    sl_dedup_result r = add(d, story_art("x", 2, 0, 6));
    CHECK_INT(r.kind, SL_COPY_NONE);
    CHECK_STR(sl_dedup_group_of(d, "copy", NULL), "copy");
    CHECK_INT(sl_dedup_group_count(d), 0);
    r = add(d, story_art("again", 1, 0, 6)); /* the old text still has its copy */
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_STR(r.match, "copy");
    sl_dedup_free(d);
}

/* The exact copies that went with a removed article, and the articles it
 * represented, stay one group and go on taking new copies. */
static void remove_keeps_what_went_with_it(void)
{
    sl_dedup *d = sl_dedup_new(E);
    sl_article *a = story_art("t", 1, 0, 5);
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "t%d", i);
        add_as(d, a, id);
    }
    CHECK_INT(sl_dedup_remove(d, "t0"), SL_OK); /* the one in the chains */
    sl_dedup_result r = add_as(d, a, "t4");
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_STR(r.group, "t1");
    char *got = canonical(d);
    CHECK_STR(got, "exact: t1 t2 t3 t4 | ");
    free(got);
    sl_article_free(a);
    sl_dedup_free(d);

    d = sl_dedup_new(E);
    a = story_art("n", 12, 0, 5);
    add_near_copies(d, a, 400); /* past 32 in the chains, the rest represented */
    for (int i = 0; i < 40; i++) { /* every article of the chains, and more */
        char id[16];
        snprintf(id, sizeof id, "n%d", i);
        CHECK_INT(sl_dedup_remove(d, id), SL_OK);
    }
    CHECK_INT(sl_dedup_group_count(d), 1);
    const char *const *ids;
    size_t n;
    sl_dedup_group(d, 0, &ids, &n);
    CHECK_INT(n, 360);
    CHECK_STR(ids[0], "n40");
    r = add_as(d, a, "late");
    CHECK_STR(r.group, "n40");
    sl_article_free(a);
    sl_dedup_free(d);
}

/* Removed records are dropped once they are more than half the index, and
 * are never saved. */
static void remove_compacts_and_saves_without_them(void)
{
    sl_dedup *d = sl_dedup_new(E);
    for (unsigned i = 0; i < 300; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%u", i);
        add(d, story_art(id, 20 + i, 0, 4));
    }
    for (unsigned i = 0; i < 200; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%u", i);
        sl_dedup_remove(d, id);
    }
    CHECK_INT(sl_dedup_count(d), 100);
    CHECK(d->n < 200); /* compacted on the 151st removal */
    size_t len;
    char *data = sl_dedup_save_buf(d, &len);
    sl_dedup_free(d);
    CHECK_INT(sl_dedup_load_buf(E, "compacted", data, len, &d), SL_OK);
    CHECK_INT(d ? sl_dedup_count(d) : 0, 100);
    CHECK(d && d->n == 100);
    CHECK(d && sl_dedup_group_of(d, "a0", NULL) == NULL);
    CHECK_STR(d ? sl_dedup_group_of(d, "a299", NULL) : NULL, "a299");
    free(data);
    sl_dedup_free(d);
}

/* ---- the file ---------------------------------------------------------------------------- */

static sl_dedup *small_index(void)
{
    sl_dedup *d = sl_dedup_new(E);
    add(d, story_art("a", 1, 0, 6));
    add(d, story_art("b", 1, 0, 6));
    add(d, story_art("c", 1, 0, 3));
    add(d, art("nl", "Dit is een korte Nederlandse tekst over een veerpont die "
               "sluit omdat de pijlers gescheurd zijn en niemand weet hoe lang."));
    add(d, story_art("d", 2, 0, 6));
    return d;
}

static void file_round_trip(void)
{
    sl_dedup *d = small_index();
    char *want = sl_dedup_json(d);
    const char *path = "build/test_dedup.idx";
    CHECK_INT(sl_dedup_save(d, path), SL_OK);
    sl_dedup_free(d);
    CHECK_INT(sl_dedup_load(E, path, &d), SL_OK);
    char *got = sl_dedup_json(d);
    CHECK_STR(got, want);
    CHECK_INT(sl_dedup_count(d), 5);
    sl_dedup_result r = add(d, story_art("e", 2, 0, 6)); /* goes on after loading */
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_STR(r.match, "d");
    sl_article *again = story_art("a", 3, 0, 2);
    sl_status st = sl_dedup_add(d, again, NULL);
    sl_article_free(again);
    CHECK_INT(st, SL_EINPUT);
    free(want), free(got);
    sl_dedup_free(d);
    remove(path);
}

/* Every article packed on its own and added back in the same order, with
 * no text, gives the same groups, in any order of adding. */
static void packed_records_give_the_groups_of_the_texts(void)
{
    size_t order[NSET];
    for (size_t k = 0; k < NSET; k++)
        order[k] = k;
    uint64_t seed = 5;
    for (int round = 0; round < 6; round++) {
        sl_dedup *d = build(order), *back = sl_dedup_new(E);
        sl_buf b = {0};
        for (size_t k = 0; k < NSET; k++) {
            const char *id = SET[order[k]].id;
            sl_buf_clear(&b);
            CHECK(sl_dedup_pack(d, id, &b));
            CHECK_INT(b.len, SL_DEDUP_PACKED);
            CHECK_INT(sl_dedup_add_packed(back, id, (const unsigned char *)b.s, b.len, NULL), SL_OK);
        }
        char *want = canonical(d), *got = canonical(back);
        CHECK_STR(got, want);
        free(want), free(got);
        sl_dedup_result r = add(back, story_art("s2-d", 2, 0, 6)); /* goes on from there */
        CHECK_INT(r.kind, SL_COPY_EXACT);
        sl_buf_free(&b);
        sl_dedup_free(d);
        sl_dedup_free(back);
        for (size_t k = NSET - 1; k > 0; k--) {
            size_t j = (size_t)(rnd(&seed) % (k + 1)), t = order[k];
            order[k] = order[j], order[j] = t;
        }
    }
}

/* A packed record keeps the language: a translation stays apart. */
static void packed_record_keeps_the_language(void)
{
    sl_dedup *d = small_index(), *back = sl_dedup_new(E);
    sl_buf b = {0};
    CHECK(sl_dedup_pack(d, "nl", &b));
    CHECK(!memcmp(b.s + 10, "nl\0", 3)); /* after exact and nsh */
    CHECK_INT(sl_dedup_add_packed(back, "nl", (const unsigned char *)b.s, b.len, NULL), SL_OK);
    sl_article *again = art("nl-2", "Dit is een korte Nederlandse tekst over een veerpont die "
                            "sluit omdat de pijlers gescheurd zijn en niemand weet hoe lang.");
    sl_dedup_result r;
    CHECK_INT(sl_dedup_add(back, again, &r), SL_OK);
    sl_article_free(again);
    CHECK_INT(r.kind, SL_COPY_EXACT);
    CHECK_STR(r.match, "nl");
    CHECK(!sl_dedup_pack(d, "nobody", &b));
    sl_buf_free(&b);
    sl_dedup_free(d);
    sl_dedup_free(back);
}

/* Bytes that are not a record are refused with the reason; nothing is added. */
static void packed_record_refuses_bad_bytes(void)
{
    sl_dedup *d = small_index(), *back = sl_dedup_new(E);
    sl_buf b = {0};
    CHECK(sl_dedup_pack(d, "a", &b));
    const unsigned char *p = (const unsigned char *)b.s;
    CHECK_INT(sl_dedup_add_packed(back, "x", p, b.len - 1, NULL), SL_EINPUT);
    CHECK(strstr(sl_engine_error(E), "x: packed copy record truncated") != NULL);
    CHECK_INT(sl_dedup_add_packed(back, "x", p, 0, NULL), SL_EINPUT);
    unsigned char bad[SL_DEDUP_PACKED];
    memcpy(bad, p, sizeof bad);
    memset(bad + 10, 'e', 16); /* a language without its NUL */
    CHECK_INT(sl_dedup_add_packed(back, "x", bad, sizeof bad, NULL), SL_EINPUT);
    CHECK(strstr(sl_engine_error(E), "corrupt language") != NULL);
    memcpy(bad, p, sizeof bad);
    memset(bad, 0, 8); /* no words, and yet a sketch */
    CHECK_INT(sl_dedup_add_packed(back, "x", bad, sizeof bad, NULL), SL_EINPUT);
    CHECK(strstr(sl_engine_error(E), "without words") != NULL);
    CHECK_INT(sl_dedup_count(back), 0);
    CHECK_INT(sl_dedup_add_packed(back, "a", p, b.len, NULL), SL_OK);
    CHECK_INT(sl_dedup_add_packed(back, "a", p, b.len, NULL), SL_EINPUT); /* twice */
    CHECK(strstr(sl_engine_error(E), "a: id already in the copy index") != NULL);
    CHECK_INT(sl_dedup_count(back), 1);
    sl_buf_free(&b);
    sl_dedup_free(d);
    sl_dedup_free(back);
}

/* Loads bytes; returns the status, with the message checked for 'why'. */
static sl_status load_bytes(const char *data, size_t len, const char *why)
{
    sl_dedup *d = (sl_dedup *)1;
    sl_status st = sl_dedup_load_buf(E, "mem.idx", data, len, &d);
    if (st != SL_OK && d != NULL)
        return SL_OK; /* *out must be NULL on failure */
    if (st != SL_OK && !strstr(sl_engine_error(E), why)) {
        printf("  message '%s' lacks '%s'\n", sl_engine_error(E), why);
        return SL_OK;
    }
    sl_dedup_free(d);
    return st;
}

static void put_crc(char *data, size_t len)
{
    uLong c = crc32(0, (const Bytef *)data, (uInt)(len - 4));
    for (int i = 0; i < 4; i++)
        data[len - 4 + (size_t)i] = (char)(c >> (8 * i));
}

static void file_corrupt_or_truncated_is_an_error(void)
{
    sl_dedup *d = small_index();
    size_t len;
    char *data = sl_dedup_save_buf(d, &len);
    sl_dedup_free(d);
    CHECK_INT(load_bytes(data, len, ""), SL_OK);
    for (size_t cut = 0; cut < len; cut += len / 23 + 1)
        CHECK_INT(load_bytes(data, cut, cut < 44 ? "" : "truncated"), SL_EINPUT);
    data[len / 2] ^= 0x20;
    CHECK_INT(load_bytes(data, len, "checksum"), SL_EINPUT);
    data[len / 2] ^= 0x20;
    data[0] = 'X';
    CHECK_INT(load_bytes(data, len, "magic"), SL_EINPUT);
    data[0] = 'S';
    data[8] = 2; /* made before the small bins were left empty */
    CHECK_INT(load_bytes(data, len, "older storyline"), SL_EINPUT);
    data[8] = 4;
    CHECK_INT(load_bytes(data, len, "version"), SL_EINPUT);
    data[8] = 3;
    CHECK_INT(load_bytes("", 0, "truncated"), SL_EINPUT);
    free(data);
}

static void file_forged_structure_is_an_error(void)
{
    sl_dedup *d = small_index();
    size_t len;
    char *data = sl_dedup_save_buf(d, &len);
    size_t nlang = d->nlang, idlen = d->idlen;
    sl_dedup_free(d);
    size_t rec0 = 40 + (nlang - 1) * 16 + idlen; /* the first record */
    data[rec0 + 8] = 1; /* article 0 claims article 1 as its root */
    put_crc(data, len);
    CHECK_INT(load_bytes(data, len, "closure root"), SL_EINPUT);
    data[rec0 + 8] = 0;
    data[rec0 + 19] = 0x7f; /* unknown flags */
    put_crc(data, len);
    CHECK_INT(load_bytes(data, len, "flags"), SL_EINPUT);
    data[rec0 + 19] = 1;
    data[40 + (nlang - 1) * 16] = 'b'; /* ids "b" and "b" */
    put_crc(data, len);
    CHECK_INT(load_bytes(data, len, "twice"), SL_EINPUT);
    free(data);
}

static void file_missing_is_an_io_error(void)
{
    sl_dedup *d = (sl_dedup *)1;
    CHECK_INT(sl_dedup_load(E, "build/no/such.idx", &d), SL_EIO);
    CHECK(d == NULL);
    CHECK(strstr(sl_engine_error(E), "build/no/such.idx") != NULL);
}

int main(void)
{
    E = sl_engine_new();
    RUN(form_ignores_case_quotes_and_spacing);
    RUN(form_drops_apostrophes_accents_and_soft_hyphens);
    RUN(form_cuts_cjk_into_characters);
    RUN(form_marks_quoted_words);
    RUN(form_by_pieces_is_the_whole_key);
    RUN(form_skips_a_repeated_paragraph);
    RUN(form_of_no_words_is_empty);
    RUN(shingles_leave_quotes_out);
    RUN(shingles_leave_repeats_out);
    RUN(minhash_of_equal_sets_is_equal_whatever_the_order);
    RUN(minhash_estimates_jaccard);
    RUN(minhash_jaccard_counts_every_value);
    RUN(minhash_of_short_texts_stays_below_the_copy_threshold);
    RUN(signature_identical_is_exact);
    RUN(signature_one_word_changed_is_near);
    RUN(signature_new_lead_is_near);
    RUN(signature_paragraphs_added_is_contains);
    RUN(signature_truncated_is_contains);
    RUN(signature_unrelated_is_none);
    RUN(signature_translation_is_none);
    RUN(signature_other_language_is_never_a_copy);
    RUN(signature_shared_quote_is_none);
    RUN(signature_short_texts_are_copies_only_when_exact);
    RUN(index_add_tells_group_match_and_kind);
    RUN(index_refuses_an_id_twice);
    RUN(index_never_groups_empty_articles);
    RUN(index_find_does_not_add);
    RUN(order_does_not_change_the_groups);
    RUN(chain_does_not_join_unrelated_ends);
    RUN(chain_parts_of_one_text_are_one_group);
    RUN(remove_gives_the_groups_of_an_index_without_them);
    RUN(remove_splits_a_chain_at_the_removed_link);
    RUN(remove_frees_the_id_for_a_new_text);
    RUN(remove_keeps_what_went_with_it);
    RUN(remove_compacts_and_saves_without_them);
    RUN(hostile_ten_thousand_identical);
    RUN(hostile_near_flood_is_represented);
    RUN(hostile_long_chain_and_near_flood);
    RUN(file_round_trip);
    RUN(file_corrupt_or_truncated_is_an_error);
    RUN(file_forged_structure_is_an_error);
    RUN(file_missing_is_an_io_error);
    RUN(packed_records_give_the_groups_of_the_texts);
    RUN(packed_record_keeps_the_language);
    RUN(packed_record_refuses_bad_bytes);
    sl_engine_free(E);
    return test_done();
}
