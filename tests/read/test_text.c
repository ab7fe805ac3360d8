/* Tests of the plain-text reader (src/read/text.c) through sl_article_read(). */
#include "core/core.h"
#include "test.h"

static sl_article *read_text(sl_engine *e, const char *s)
{
    sl_article *a = NULL;
    sl_article_read(e, "dir/story-1.txt", s, strlen(s), SL_FORMAT_TEXT, &a);
    return a;
}

/* The seed format: the date marker opens the first paragraph's line. */
static void date_marker_with_text_on_its_line(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = read_text(e, " date 2020-06-15 The first paragraph.\n\nThe second one.\n");
    CHECK(a);
    CHECK_STR(sl_article_id(a), "story-1");
    CHECK_INT(a->date.precision, SL_DATE_DAY);
    CHECK_INT(a->date.day, 15);
    CHECK_INT(a->npara, 2);
    CHECK_STR(a->para[0], "The first paragraph.");
    CHECK(a->title == NULL);
    sl_article_free(a);
    sl_engine_free(e);
}

static void month_marker_gives_month_precision(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = read_text(e, " date 2020-06 Een zin.\n");
    CHECK(a);
    CHECK_INT(a->date.precision, SL_DATE_MONTH);
    CHECK_INT(a->date.month, 6);
    CHECK_STR(a->para[0], "Een zin.");
    sl_article_free(a);
    sl_engine_free(e);
}

/* A short first line standing alone is a title; a long lead is not. */
static void title_line(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = read_text(e, "Ministers agree on a plan\n\nThe ministers met on Monday.\n");
    CHECK(a);
    CHECK_STR(sl_article_title(a), "Ministers agree on a plan");
    CHECK_INT(a->npara, 1);
    sl_article_free(a);
    a = read_text(e, "The ministers met on Monday and agreed.\n\nMore text.\n");
    CHECK(a);
    CHECK(a->title == NULL);
    CHECK_INT(a->npara, 2);
    sl_article_free(a);
    /* a lone line with nothing after it is the text, not a title */
    a = read_text(e, "Just one line here\n");
    CHECK(a);
    CHECK(a->title == NULL);
    CHECK_INT(a->npara, 1);
    sl_article_free(a);
    sl_engine_free(e);
}

/* BOM, CRLF and invalid bytes: repaired, counted, never fatal. */
static void bom_crlf_and_invalid_bytes(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = read_text(e, "\xEF\xBB\xBFHeadline here\r\n\r\nBody \xff text.\r\nSecond line.\r\n");
    CHECK(a);
    CHECK_STR(sl_article_title(a), "Headline here");
    CHECK_INT(a->invalid_bytes, 1);
    CHECK_STR(a->para[0], "Body \xEF\xBF\xBD text.\nSecond line.");
    sl_article_free(a);
    sl_engine_free(e);
}

/* Empty and binary inputs are refused with a message naming the file. */
static void empty_and_binary_refused(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = NULL;
    CHECK_INT(sl_article_read(e, "x/empty.txt", " \n\n ", 4, SL_FORMAT_TEXT, &a), SL_EINPUT);
    CHECK(a == NULL);
    CHECK_STR(sl_engine_error(e), "x/empty.txt: empty");
    char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (char)(i * 37);
    CHECK_INT(sl_article_read(e, "x/junk.bin", junk, sizeof junk, SL_FORMAT_AUTO, &a), SL_EINPUT);
    CHECK(strstr(sl_engine_error(e), "x/junk.bin: binary") != NULL);
    sl_engine_free(e);
}

/* Paragraphs split at blank lines (also lines of spaces); inner lines kept. */
static void paragraphs_at_blank_lines(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a = read_text(e, "One. Line one\nline two.\n   \nTwo.\n\n\n\nThree.");
    CHECK(a);
    CHECK_INT(a->npara, 3);
    CHECK_STR(a->para[0], "One. Line one\nline two.");
    CHECK_STR(a->para[2], "Three.");
    sl_article_free(a);
    sl_engine_free(e);
}

int main(void)
{
    RUN(date_marker_with_text_on_its_line);
    RUN(month_marker_gives_month_precision);
    RUN(title_line);
    RUN(bom_crlf_and_invalid_bytes);
    RUN(empty_and_binary_refused);
    RUN(paragraphs_at_blank_lines);
    return test_done();
}
