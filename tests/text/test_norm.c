/*
 * test_norm.c -- matching keys (src/text/norm.c): two spellings of one name
 * or word get one key, and no input breaks the key maker; the remembered
 * keys of words are the keys, and the pieces that may be keyed apart are
 * told from those that may not.
 */
#include "text/text.h"
#include "test.h"

static sl_norm *norm;
static sl_buf kbuf, nbuf; /* the last keys made by key() and name_key() */

/* The plain key of s; borrowed, valid until the next call. */
static const char *key(const char *s, size_t len)
{
    sl_buf_clear(&kbuf);
    sl_norm_key(norm, s, len, &kbuf);
    return kbuf.s;
}

static const char *name_key(const char *s)
{
    sl_buf_clear(&nbuf);
    sl_norm_name_key(norm, s, strlen(s), &nbuf);
    return nbuf.s;
}

#define KEY(s) key((s), strlen(s))

static void accents_and_case_meet(void)
{
    CHECK_STR(name_key("Erdoğan"), "erdogan");
    CHECK_STR(name_key("ERDOGAN"), "erdogan");
    CHECK_STR(KEY("Erdoğan"), "erdogan");
    CHECK_STR(KEY("Çavuşoğlu"), "cavusoglu");
    CHECK_STR(KEY("ÉLYSÉE"), "elysee");
}

static void names_in_other_scripts_become_latin(void)
{
    CHECK_STR(name_key("Путин"), "putin");
    CHECK_STR(name_key("ПУТИН"), "putin");
    CHECK_STR(KEY("Путин"), "путин"); /* a plain key keeps its script */
    CHECK_STR(name_key("Poetin"), "poetin");
    CHECK_STR(name_key("Αθήνα"), "athena");
}

static void sharp_s_folds_to_ss(void)
{
    CHECK_STR(KEY("Straße"), "strasse");
    CHECK_STR(KEY("STRASSE"), "strasse");
    CHECK_STR(name_key("Straße"), "strasse");
}

static void full_width_and_ligatures_are_plain_letters(void)
{
    CHECK_STR(KEY("ＡＢＣ　ｄｅｆ"), "abc def");
    CHECK_STR(KEY("ﬁnal"), "final");
    CHECK_STR(KEY("①"), "1");
}

static void greek_final_sigma_meets_sigma(void)
{
    CHECK_STR(KEY("ΟΔΥΣΣΕΥΣ"), KEY("Οδυσσεύς"));
    CHECK_STR(KEY("Οδυσσεύς"), "οδυσσευσ");
}

static void turkish_dotted_and_dotless_i(void)
{
    CHECK_STR(KEY("İstanbul"), "istanbul");
    CHECK_STR(KEY("ISTANBUL"), "istanbul");
    CHECK_STR(KEY("Kırıkkale"), "kırıkkale"); /* ı has no accent to strip */
    CHECK_STR(name_key("Kırıkkale"), "kirikkale");
}

static void white_space_collapses_and_trims(void)
{
    CHECK_STR(KEY("  New\t\tYork \n"), "new york");
    CHECK_STR(KEY("\xC2\xA0Sankt\xE2\x80\x83Petersburg\xC2\xA0"), "sankt petersburg");
    CHECK_STR(KEY(" \t "), "");
}

static void invalid_utf8_becomes_replacement_characters(void)
{
    const char bad[] = "Zür\xFF" "ich \xC3";
    const char *k = key(bad, sizeof bad - 1);
    CHECK(sl_utf8_valid(k, strlen(k)));
    CHECK_STR(k, "zur\xEF\xBF\xBDich \xEF\xBF\xBD");
    const char *n = name_key("\xE2\x82Пу\x80тин");
    CHECK(sl_utf8_valid(n, strlen(n)));
}

static void empty_input_gives_an_empty_key(void)
{
    CHECK_STR(key("", 0), "");
    CHECK_STR(name_key(""), "");
}

/* A 1 MB input in two scripts: one key, valid, no double spaces. */
static void one_megabyte_input(void)
{
    sl_buf in = {0};
    while (in.len < (1u << 20))
        sl_buf_puts(&in, "Ärger  Путин\t");
    sl_buf out = {0};
    sl_norm_key(norm, in.s, in.len, &out);
    CHECK(out.len > in.len / 2);
    CHECK(sl_utf8_valid(out.s, out.len));
    CHECK(!strstr(out.s, "  "));
    CHECK(!strncmp(out.s, "arger путин arger", strlen("arger путин arger")));
    sl_buf_clear(&out);
    sl_norm_name_key(norm, in.s, in.len, &out);
    CHECK(!strncmp(out.s, "arger putin arger", strlen("arger putin arger")));
    sl_buf_free(&in);
    sl_buf_free(&out);
}

static char *key_of(sl_norm *n, const char *s, int remembered, int name)
{
    sl_buf b = {0};
    if (remembered)
        (name ? sl_norm_word_name_key : sl_norm_word_key)(n, s, strlen(s), &b);
    else
        (name ? sl_norm_name_key : sl_norm_key)(n, s, strlen(s), &b);
    return sl_buf_take(&b);
}

/* Remembered keys equal fresh ones, the first time, the second time and
 * after the memo is full and forgotten (20,000 distinct words). */
static void word_keys_are_the_keys(void)
{
    static const char *const words[] = {"Caf\xC3\xA9", "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",
                                        "Stra\xC3\x9F" "e", "\xEF\xAC\x81" "n", "ERDO\xC4\x9E" "AN",
                                        "\xC2\xBD", "plain", NULL};
    sl_norm *n = sl_norm_new();
    for (int round = 0; round < 3; round++) {
        for (int i = 0; words[i]; i++) {
            for (int name = 0; name < 2; name++) {
                char *a = key_of(n, words[i], 0, name), *b = key_of(n, words[i], 1, name);
                int same = !strcmp(a, b);
                free(a), free(b);
                CHECK(same);
            }
        }
        for (int i = 0; round == 1 && i < 20000; i++) {
            char w[32];
            snprintf(w, sizeof w, "w\xC3\xA9%d", i);
            char *k = key_of(n, w, 1, 0);
            int ok = k[0] == 'w' && k[1] == 'e';
            free(k);
            CHECK(ok);
        }
    }
    char *k = key_of(n, "Caf\xC3\xA9", 1, 0);
    CHECK_STR(k, "cafe");
    free(k);
    sl_norm_free(n);
}

/* A piece starting with a mark, a space or a spacing accent (which is a
 * space and a mark) depends on what came before; letters do not. */
static void pieces_that_start_alone(void)
{
    sl_norm *n = sl_norm_new();
    CHECK(sl_norm_starts_alone(n, "abc", 3));
    CHECK(sl_norm_starts_alone(n, "\xC3\xA9t\xC3\xA9", 5));             /* été */
    CHECK(sl_norm_starts_alone(n, "\xE0\xA4\x95", 3));                   /* क */
    CHECK(sl_norm_starts_alone(n, "\xE2\x80\x9C" "a", 4));              /* “a */
    CHECK(!sl_norm_starts_alone(n, "\xCC\x81" "a", 3));                  /* U+0301 */
    CHECK(!sl_norm_starts_alone(n, "\xE0\xA5\x81" "x", 4));              /* U+0941 */
    CHECK(!sl_norm_starts_alone(n, "\xC2\xB4" "a", 3));                  /* ´ */
    CHECK(!sl_norm_starts_alone(n, "\xC2\xA0" "a", 3));                  /* no-break space */
    CHECK(!sl_norm_starts_alone(n, "\xC2\xAD" "a", 3));                  /* soft hyphen */
    CHECK(!sl_norm_starts_alone(n, "", 0));
    sl_norm_free(n);
}

int main(void)
{
    norm = sl_norm_new();
    RUN(accents_and_case_meet);
    RUN(names_in_other_scripts_become_latin);
    RUN(sharp_s_folds_to_ss);
    RUN(full_width_and_ligatures_are_plain_letters);
    RUN(greek_final_sigma_meets_sigma);
    RUN(turkish_dotted_and_dotless_i);
    RUN(white_space_collapses_and_trims);
    RUN(invalid_utf8_becomes_replacement_characters);
    RUN(empty_input_gives_an_empty_key);
    RUN(one_megabyte_input);
    RUN(word_keys_are_the_keys);
    RUN(pieces_that_start_alone);
    sl_norm_free(norm);
    sl_buf_free(&kbuf);
    sl_buf_free(&nbuf);
    return test_done();
}
