/* Tests of the JSON lines reader (src/read/jsonl.c) and of walking inputs
 * (src/read/reader.c). */
#include "core/core.h"
#include "read/read.h"
#include "test.h"

#include <sys/stat.h>
#include <unistd.h>

static sl_status line(sl_engine *e, const char *s, sl_article **a)
{
    return sl_read_json_line(e, "feed.jsonl", 7, s, strlen(s), a);
}

static void fields_are_read(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a;
    CHECK_INT(line(e, "{\"id\":\"a1\",\"url\":\"https://x.example/a\",\"title\":\" T \","
                      "\"date\":\"2023-02-06T04:17:00Z\",\"lang\":\"tr\",\"source\":\"X\","
                      "\"text\":\"Body.\\n\\nMore.\",\"event\":\"E1\"}", &a), SL_OK);
    CHECK_STR(a->id, "a1");
    CHECK_STR(a->url, "https://x.example/a");
    CHECK_STR(a->title, "T");
    CHECK_STR(a->site, "X");
    CHECK_STR(a->lang_hint, "tr");
    CHECK_INT(a->date.precision, SL_DATE_DAY);
    CHECK_INT(a->npara, 2);
    sl_article_free(a);
    /* numeric ids, and a date marker inside the text counts */
    CHECK_INT(line(e, "{\"id\":42,\"text\":\" date 2022-11 Tekst.\"}", &a), SL_OK);
    CHECK_STR(a->id, "42");
    CHECK_INT(a->date.precision, SL_DATE_MONTH);
    sl_article_free(a);
    sl_engine_free(e);
}

/* Bad lines are reported as file:line: reason. */
static void bad_lines_name_file_and_line(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a;
    CHECK_INT(line(e, "{\"id\":\"a\",", &a), SL_EINPUT);
    CHECK(strncmp(sl_engine_error(e), "feed.jsonl:7: invalid JSON", 26) == 0);
    CHECK_INT(line(e, "[1,2]", &a), SL_EINPUT);
    CHECK_STR(sl_engine_error(e), "feed.jsonl:7: not a JSON object");
    CHECK_INT(line(e, "{\"text\":\"x\"}", &a), SL_EINPUT);
    CHECK_STR(sl_engine_error(e), "feed.jsonl:7: missing \"id\"");
    CHECK_INT(line(e, "{\"id\":\"b\"}", &a), SL_EINPUT);
    CHECK(strstr(sl_engine_error(e), "missing \"text\" or \"html\"") != NULL);
    CHECK_INT(line(e, "{\"id\":\"c\",\"text\":\"ok\"} trailing", &a), SL_EINPUT);
    sl_engine_free(e);
}

/* Invalid UTF-8 inside strings is repaired and counted. */
static void invalid_utf8_in_strings(void)
{
    sl_engine *e = sl_engine_new();
    sl_article *a;
    CHECK_INT(line(e, "{\"id\":\"u\",\"text\":\"caf\xe9 ok.\"}", &a), SL_OK);
    CHECK_INT(a->invalid_bytes, 1);
    CHECK(sl_utf8_valid(a->para[0], strlen(a->para[0])));
    sl_article_free(a);
    sl_engine_free(e);
}

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
}

/* A folder is walked recursively in name order; bad inputs are skipped with
 * a message and the rest goes on. */
static void reader_walks_and_skips(void)
{
    char dir[] = "/tmp/sl-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char p[256];
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/b.txt", dir);
    write_file(p, "Text b.");
    snprintf(p, sizeof p, "%s/sub/a.txt", dir);
    write_file(p, "Text a.");
    snprintf(p, sizeof p, "%s/c.jsonl", dir);
    write_file(p, "{\"id\":\"c1\",\"text\":\"x.\"}\n\nnot json\n{\"id\":\"c2\",\"text\":\"y.\"}\n");
    snprintf(p, sizeof p, "%s/d.txt", dir);
    write_file(p, "");
    snprintf(p, sizeof p, "%s/.hidden.txt", dir);
    write_file(p, "hidden");

    sl_engine *e = sl_engine_new();
    const char *paths[] = {dir, "/nonexistent/storyline"};
    sl_reader *r = sl_reader_new(e, paths, 2);
    char got[256] = "";
    sl_article *a;
    sl_status st;
    while ((st = sl_reader_next(r, &a)) != SL_DONE) {
        if (st == SL_OK) {
            strcat(got, a->id);
            strcat(got, " ");
            sl_article_free(a);
        } else {
            strcat(got, "! ");
        }
    }
    CHECK_STR(got, "b c1 ! c2 ! a ! ");
    CHECK_INT(sl_reader_skipped(r), 3);
    CHECK(strstr(sl_engine_error(e), "/nonexistent/storyline") != NULL);
    sl_reader_free(r);
    sl_engine_free(e);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    RUN(fields_are_read);
    RUN(bad_lines_name_file_and_line);
    RUN(invalid_utf8_in_strings);
    RUN(reader_walks_and_skips);
    return test_done();
}
