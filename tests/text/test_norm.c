/*
 * test_norm.c -- matching keys: the remembered keys of words are the keys,
 * and the pieces that may be keyed apart are told from those that may not.
 */
#include "text/text.h"
#include "test.h"

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
    RUN(word_keys_are_the_keys);
    RUN(pieces_that_start_alone);
    return test_done();
}
