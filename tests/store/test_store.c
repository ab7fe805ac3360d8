/*
 * test_store.c -- the store (src/store/) and the worker's records
 * (src/server/records.c): what is written comes back, in insertion order,
 * across a reopen; replacing gives a new seq; late notes about a replaced
 * row land nowhere; expiry, search and meta.
 */
#include "store/store.h"
#include "server/server.h"
#include "test.h"

#include <stdbool.h>
#include <unistd.h>

static char dir[64];

static const char *db_path(const char *name)
{
    static char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static sl_store *open_writer(const char *name)
{
    char err[512];
    sl_store *s = sl_store_open(db_path(name), true, err, sizeof err);
    if (!s)
        printf("  open: %s\n", err);
    return s;
}

typedef struct {
    char ids[16][32];
    int64_t seqs[16];
    unsigned events[16];
    size_t packs[16];
    int n;
} seen;

static bool collect(const sl_store_row *r, void *cls)
{
    seen *v = cls;
    if (v->n < 16) {
        snprintf(v->ids[v->n], sizeof v->ids[0], "%s", r->id);
        v->seqs[v->n] = r->seq;
        v->events[v->n] = r->event;
        v->packs[v->n] = r->npack;
        v->n++;
    }
    return true;
}

static sl_status put(sl_store *s, const char *id, const char *text, int64_t expires, int64_t *seq)
{
    int64_t old;
    return sl_store_put(s, id, SL_FORMAT_TEXT, "text/plain", text, strlen(text), 1000, expires,
                        seq, &old);
}

static void writes_come_back_in_order_after_reopen(void)
{
    sl_store *s = open_writer("a.db");
    CHECK(s);
    int64_t a, b, c;
    CHECK(sl_store_begin(s) == SL_OK);
    CHECK(put(s, "alpha", "Alpha text.", 0, &a) == SL_OK);
    CHECK(put(s, "beta", "Beta text.", 0, &b) == SL_OK);
    CHECK(put(s, "gamma", "Gamma text.", 0, &c) == SL_OK);
    CHECK(sl_store_commit(s) == SL_OK);
    CHECK(a < b && b < c);
    sl_store_close(s);
    char err[256];
    sl_store *r = sl_store_open(db_path("a.db"), false, err, sizeof err);
    CHECK(r);
    seen v = {0};
    CHECK(sl_store_scan(r, collect, &v) == SL_OK);
    CHECK_INT(v.n, 3);
    CHECK_STR(v.ids[0], "alpha");
    CHECK_STR(v.ids[2], "gamma");
    sl_store_body body;
    CHECK(sl_store_body_get(r, 0, "beta", &body) == SL_OK);
    CHECK_INT(body.len, 10);
    CHECK(memcmp(body.body, "Beta text.", 10) == 0);
    CHECK_STR(body.ctype, "text/plain");
    CHECK_INT(sl_store_count(r), 3);
    sl_store_close(r);
}

static void replacing_gives_a_new_seq_and_old_notes_land_nowhere(void)
{
    sl_store *s = open_writer("b.db");
    CHECK(s);
    int64_t first, second, old = 0;
    CHECK(sl_store_begin(s) == SL_OK);
    CHECK(put(s, "x", "First version.", 0, &first) == SL_OK);
    CHECK(sl_store_put(s, "x", SL_FORMAT_TEXT, NULL, "Second.", 7, 1001, 0, &second, &old) == SL_OK);
    CHECK_INT(old, first);
    CHECK(second > first);
    /* the worker's analysis of the first version arrives late */
    sl_store_analysis late = {first, SL_STORE_INDEXED, 7, (const unsigned char *)"PK", 2,
                              "First", "en", "2026-01-01", "First version."};
    CHECK(sl_store_analysed(s, &late) == SL_OK);
    CHECK(sl_store_commit(s) == SL_OK);
    sl_store_row row;
    CHECK(sl_store_get(s, "x", &row) == SL_OK);
    CHECK_INT(row.seq, second);
    CHECK_INT(row.state, SL_STORE_NEW);
    CHECK_INT(row.event, 0);
    sl_store_close(s);
}

static int nhits;
static char hit_id[64], hit_snippet[256];

static void on_hit(const sl_store_hit *h, void *cls)
{
    (void)cls;
    if (!nhits++) {
        snprintf(hit_id, sizeof hit_id, "%s", h->id);
        snprintf(hit_snippet, sizeof hit_snippet, "%s", h->snippet);
    }
}

static void analysis_is_saved_and_searchable(void)
{
    sl_store *s = open_writer("c.db");
    CHECK(s);
    int64_t seq;
    CHECK(sl_store_begin(s) == SL_OK);
    CHECK(put(s, "harbour", "raw body", 0, &seq) == SL_OK);
    sl_store_analysis a = {seq, SL_STORE_INDEXED, 3, (const unsigned char *)"PACKED", 6,
                           "Harbour reopens", "en", "2026-03-02",
                           "The harbour of Saltmère reopened on Friday."};
    CHECK(sl_store_analysed(s, &a) == SL_OK);
    CHECK(sl_store_set_event(s, seq, 5) == SL_OK);
    CHECK(sl_store_commit(s) == SL_OK);
    seen v = {0};
    CHECK(sl_store_scan(s, collect, &v) == SL_OK);
    CHECK_INT(v.events[0], 5);
    CHECK_INT(v.packs[0], 6);
    nhits = 0;
    CHECK(sl_store_search(s, "saltmere REOPENED", 10, on_hit, NULL) == SL_OK);
    CHECK_INT(nhits, 1);
    CHECK_STR(hit_id, "harbour");
    CHECK(strstr(hit_snippet, "\x02") != NULL);
    nhits = 0; /* FTS5 operators are words here, not syntax */
    CHECK(sl_store_search(s, "harbour OR NEAR( \"", 10, on_hit, NULL) == SL_OK);
    CHECK_INT(nhits, 0);
    CHECK(sl_store_search(s, "   ", 10, on_hit, NULL) == SL_OK);
    CHECK_INT(nhits, 0);
    sl_store_close(s);
}

/* Merging by hand (as the service does) keeps every article findable:
 * 300 one-article transactions make 300 segments, which small merges
 * fold together a few pages at a time. */
static void search_merged_by_hand_finds_everything(void)
{
    sl_store *s = open_writer("m.db");
    CHECK(s);
    CHECK(sl_store_own_merges(s) == SL_OK);
    for (int i = 0; i < 300; i++) {
        char id[32], text[128];
        snprintf(id, sizeof id, "a%d", i);
        snprintf(text, sizeof text, "Ferry number w%d sails from Saltmere at dawn.", i);
        int64_t seq;
        CHECK(sl_store_begin(s) == SL_OK);
        CHECK(put(s, id, "raw", 0, &seq) == SL_OK);
        sl_store_analysis a = {seq, SL_STORE_INDEXED, 1, (const unsigned char *)"P", 1,
                               "Ferry", "en", "2026-03-02", text};
        CHECK(sl_store_analysed(s, &a) == SL_OK);
        CHECK(sl_store_merge_search(s, 8) == SL_OK);
        CHECK(sl_store_commit(s) == SL_OK);
    }
    nhits = 0;
    CHECK(sl_store_search(s, "w217", 10, on_hit, NULL) == SL_OK);
    CHECK_INT(nhits, 1);
    CHECK_STR(hit_id, "a217");
    nhits = 0;
    CHECK(sl_store_search(s, "ferry saltmere", 1000, on_hit, NULL) == SL_OK);
    CHECK_INT(nhits, 300);
    sl_store_close(s);
}

static int nexpired;
static void on_expired(const char *id, void *cls)
{
    (void)cls;
    nexpired += !strcmp(id, "old");
}

static void expiry_deletes_only_what_is_due(void)
{
    sl_store *s = open_writer("d.db");
    CHECK(s);
    int64_t seq;
    CHECK(sl_store_begin(s) == SL_OK);
    CHECK(put(s, "old", "Old news.", 500, &seq) == SL_OK);
    CHECK(put(s, "later", "Later news.", 5000, &seq) == SL_OK);
    CHECK(put(s, "forever", "Kept news.", 0, &seq) == SL_OK);
    nexpired = 0;
    CHECK_INT(sl_store_expire(s, 1000, 100, on_expired, NULL), 1);
    CHECK(sl_store_commit(s) == SL_OK);
    CHECK_INT(nexpired, 1);
    CHECK_INT(sl_store_count(s), 2);
    sl_store_row row;
    CHECK(sl_store_get(s, "old", &row) == SL_DONE);
    int64_t old;
    CHECK(sl_store_begin(s) == SL_OK);
    CHECK(sl_store_delete(s, "later", &old) == SL_OK);
    CHECK(old > 0);
    CHECK(sl_store_delete(s, "later", &old) == SL_OK);
    CHECK_INT(old, 0);
    CHECK(sl_store_commit(s) == SL_OK);
    sl_store_close(s);
}

static void meta_round_trips_bytes(void)
{
    sl_store *s = open_writer("e.db");
    CHECK(s);
    const unsigned char bytes[] = {0, 1, 2, 255, 0, 7};
    CHECK(sl_store_meta_put(s, "df", bytes, sizeof bytes) == SL_OK);
    size_t n = 0;
    unsigned char *got = sl_store_meta_get(s, "df", &n);
    CHECK(got);
    CHECK_INT(n, sizeof bytes);
    CHECK(memcmp(got, bytes, n) == 0);
    free(got);
    CHECK(sl_store_meta_get(s, "nothing", &n) == NULL);
    sl_store_close(s);
}

static void a_reader_cannot_open_what_is_not_there(void)
{
    char err[256] = "";
    CHECK(sl_store_open(db_path("absent.db"), false, err, sizeof err) == NULL);
    CHECK(strstr(err, "absent.db") != NULL);
    CHECK(sl_store_open("/nonexistent-dir/x.db", true, err, sizeof err) == NULL);
}

static void records_find_put_delete(void)
{
    sl_srv_records *r = sl_srv_records_new();
    char id[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "a%d", i);
        sl_srv_records_put(r, id, i + 1, (unsigned)i % 7);
    }
    CHECK_INT(sl_srv_records_count(r), 5000);
    for (int i = 0; i < 5000; i += 2) {
        snprintf(id, sizeof id, "a%d", i);
        sl_srv_records_del(r, id);
    }
    CHECK_INT(sl_srv_records_count(r), 2500);
    CHECK(sl_srv_records_find(r, "a4") == NULL);
    sl_srv_record *x = sl_srv_records_find(r, "a4999");
    CHECK(x && x->seq == 5000 && x->event == 4999 % 7);
    sl_srv_records_put(r, "a4999", 9, 1);
    CHECK_INT(sl_srv_records_count(r), 2500);
    CHECK_INT(sl_srv_records_find(r, "a4999")->seq, 9);
    size_t odd = 0;
    for (size_t i = 0; i < sl_srv_records_count(r); i++)
        odd += sl_srv_records_find(r, sl_srv_records_at(r, i)->id) == sl_srv_records_at(r, i);
    CHECK_INT(odd, 2500);
    sl_srv_records_free(r);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sl_test_store.XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    RUN(writes_come_back_in_order_after_reopen);
    RUN(replacing_gives_a_new_seq_and_old_notes_land_nowhere);
    RUN(analysis_is_saved_and_searchable);
    RUN(search_merged_by_hand_finds_everything);
    RUN(expiry_deletes_only_what_is_due);
    RUN(meta_round_trips_bytes);
    RUN(a_reader_cannot_open_what_is_not_there);
    RUN(records_find_put_delete);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return test_done();
}
