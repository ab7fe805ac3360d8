/* Tests of src/core: UTF-8 repair, buffers and JSON strings, dates. */
#include "core/core.h"
#include "test.h"

#include <errno.h>

/* Invalid bytes are replaced by U+FFFD and counted; valid text is untouched. */
static void utf8_clean_replaces_and_counts(void)
{
    sl_buf b = {0};
    CHECK_INT(sl_utf8_clean("caf\xc3\xa9", 5, &b), 0);
    CHECK_STR(b.s, "caf\xc3\xa9");
    sl_buf_clear(&b);
    /* a lone continuation byte, an overlong '/', a surrogate, a NUL */
    CHECK_INT(sl_utf8_clean("a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\0e", 12, &b), 7);
    CHECK(sl_utf8_valid(b.s, b.len));
    CHECK(strncmp(b.s, "a\xEF\xBF\xBD" "b", 5) == 0);
    sl_buf_free(&b);
}

/* A sequence cut at the end of the input is invalid, not read past. */
static void utf8_truncated_sequence(void)
{
    sl_buf b = {0};
    CHECK_INT(sl_utf8_clean("ab\xe2\x82", 4, &b), 2);
    CHECK(sl_utf8_valid(b.s, b.len));
    sl_buf_free(&b);
    size_t i = 0;
    CHECK_INT(sl_utf8_next("\xf0\x9f\x98\x80", 4, &i), 0x1F600);
    CHECK_INT(i, 4);
}

static void json_strings_are_escaped(void)
{
    sl_buf b = {0};
    sl_buf_json_str(&b, "say \"hi\"\n\ttab\\ \x01 \xc3\xa9");
    CHECK_STR(b.s, "\"say \\\"hi\\\"\\n\\ttab\\\\ \\u0001 \xc3\xa9\"");
    sl_buf_free(&b);
}

/* Whatever the bytes, the JSON is valid UTF-8: a bad byte (a stray
 * continuation, a truncated sequence, an encoded surrogate) becomes U+FFFD,
 * and valid sequences of every length pass untouched. */
static void json_strings_replace_invalid_utf8(void)
{
    sl_buf b = {0};
    sl_buf_json_str(&b, "a\x80" "b \xed\xa0\x80 \xf0\x9f\x93\xb0 \xe2\x82");
    CHECK_STR(b.s, "\"a\xef\xbf\xbd" "b \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x93\xb0 \xef\xbf\xbd\xef\xbf\xbd\"");
    CHECK(sl_utf8_valid(b.s, b.len));
    sl_buf_free(&b);
}

/* A whole file is read, past one chunk; a file over the limit is refused. */
static void files_are_read_whole_or_refused(void)
{
    FILE *f = tmpfile();
    for (int i = 0; i < 100000; i++)
        fputs("0123456789", f);
    sl_buf b = {0};
    rewind(f);
    CHECK_INT(sl_buf_read(&b, f, SIZE_MAX), 0);
    CHECK_INT(b.len, 1000000);
    CHECK(!strncmp(b.s + 999990, "0123456789", 10));
    sl_buf_clear(&b);
    rewind(f);
    CHECK_INT(sl_buf_read(&b, f, 999999), EFBIG);
    CHECK(b.len <= 999999);
    fclose(f);
    sl_buf_clear(&b);
    CHECK_INT(sl_buf_read_file(&b, "build/no/such/file", SIZE_MAX), ENOENT);
    CHECK_INT(b.len, 0);
    CHECK_INT(sl_buf_read_file(&b, "Makefile", SIZE_MAX), 0); /* run from the root */
    CHECK(b.len > 0 && strstr(b.s, "test") != NULL);
    sl_buf_free(&b);
}

static void buf_printf_grows(void)
{
    sl_buf b = {0};
    for (int i = 0; i < 1000; i++)
        sl_buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000);
    CHECK(strncmp(b.s + b.len - 4, "999,", 4) == 0);
    char *s = sl_buf_take(&b);
    CHECK(b.s == NULL);
    free(s);
}

/* ISO dates keep their precision; impossible dates fall back to less. */
static void iso_dates_with_precision(void)
{
    sl_date d;
    char s[11];
    CHECK_INT(sl_date_parse_iso("2020-06-15T10:00:00Z", &d), 10);
    sl_date_format(d, s);
    CHECK_STR(s, "2020-06-15");
    CHECK_INT(sl_date_parse_iso("2020-06 rest", &d), 7);
    CHECK_INT(d.precision, SL_DATE_MONTH);
    CHECK_INT(sl_date_parse_iso("2020", &d), 4);
    CHECK_INT(d.precision, SL_DATE_YEAR);
    CHECK_INT(sl_date_parse_iso("2021-02-29", &d), 7); /* no such day */
    CHECK_INT(d.precision, SL_DATE_MONTH);
    CHECK_INT(sl_date_parse_iso("14-month", &d), 0);
    CHECK_INT(sl_date_parse_iso("20200", &d), 0);
    CHECK_INT(sl_date_parse_iso("2020/01/12", &d), 10);
}

static void day_numbers_round_trip(void)
{
    CHECK_INT(sl_date_to_days(1970, 1, 1), 0);
    CHECK_INT(sl_date_to_days(2020, 6, 15) - sl_date_to_days(2020, 1, 8), 159);
    int y, m, d;
    sl_date_from_days(sl_date_to_days(2024, 2, 29) + 1, &y, &m, &d);
    CHECK_INT(y, 2024);
    CHECK_INT(m, 3);
    CHECK_INT(d, 1);
}

static void ids_from_paths(void)
{
    char *id = sl_id_from_path("../shared/seeds/000_e184e448936dc852.txt");
    CHECK_STR(id, "000_e184e448936dc852");
    free(id);
    id = sl_id_from_path("noext");
    CHECK_STR(id, "noext");
    free(id);
    id = sl_id_from_path("dir/.hidden");
    CHECK_STR(id, ".hidden");
    free(id);
}

int main(void)
{
    RUN(utf8_clean_replaces_and_counts);
    RUN(utf8_truncated_sequence);
    RUN(json_strings_are_escaped);
    RUN(json_strings_replace_invalid_utf8);
    RUN(files_are_read_whole_or_refused);
    RUN(buf_printf_grows);
    RUN(iso_dates_with_precision);
    RUN(day_numbers_round_trip);
    RUN(ids_from_paths);
    return test_done();
}
