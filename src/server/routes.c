/*
 * routes.c -- the HTTP API as plain functions: a request in, a response
 * out, no sockets (http.c carries them; fuzz/fuzz_request.c calls these
 * directly).
 *
 *   Telegram round 2        PUT /{name}  DELETE /{name}  GET /threads
 *   storyline               PUT|GET|DELETE /articles/{id}  GET /events
 *                           GET /stories  GET /stories/{id}  GET /similar/{id}
 *                           GET /search  GET /health  GET /metrics
 *   the page                GET /  /style.css  /app.js
 *
 * Rules every route keeps: an id comes from the path and is checked
 * against a small alphabet (it names a row, never a file); every error is
 * {"error": "..."}; API routes answer 503 until the index is restored; a
 * write needs the token when the server has one; a write is answered only
 * once it is durable (the route returns a ticket, the caller submits it).
 * Listings come from the cache (sl_srv_cache), so they never wait for
 * the index; a story by id and /similar take the index lock briefly.
 * Tests: tests/cli/test_serve.sh, fuzz/fuzz_request.c.
 */
#include "server.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cJSON.h>

enum { MAX_ID = 200, DEFAULT_LIMIT = 50, MAX_LIMIT = 100000, SIMILAR_MAX = 50 };

/* ---- answers -------------------------------------------------------------------- */

static void answer(sl_srv_resp *r, int status, char *json)
{
    r->status = status;
    r->ctype = "application/json";
    r->blob = sl_srv_blob_new(json, strlen(json));
}

void sl_srv_error(sl_srv_resp *r, int status, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"error\":");
    sl_buf_json_str(&b, msg);
    sl_buf_puts(&b, "}");
    sl_srv_blob_unref(r->blob);
    r->blob = NULL;
    answer(r, status, sl_buf_take(&b));
}

void sl_srv_resp_free(sl_srv_resp *r)
{
    sl_srv_blob_unref(r->blob);
    sl_srv_ticket_free(r->ticket);
    r->blob = NULL;
    r->ticket = NULL;
}

void sl_srv_write_reply(const sl_srv_ticket *t, sl_srv_resp *r)
{
    r->route = t->op == SL_SRV_PUT ? SL_SRV_R_PUT : SL_SRV_R_DELETE;
    if (t->status == 201) {
        sl_buf b = {0};
        sl_buf_puts(&b, "{\"id\":");
        sl_buf_json_str(&b, t->id);
        sl_buf_puts(&b, ",\"status\":\"created\"}");
        answer(r, 201, sl_buf_take(&b));
    } else if (t->status == 204) {
        r->status = 204;
    } else if (t->status == 404) {
        sl_srv_error(r, 404, "no article '%s'", t->id);
    } else {
        sl_srv_error(r, t->status ? t->status : 500, "%s", t->err[0] ? t->err : "write failed");
    }
}

/* ---- checking what comes in ---------------------------------------------------------- */

/* An id names a row: letters, digits and . _ ~ -, not starting with '.'. */
static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > MAX_ID || id[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)id[i]) && !strchr("._~-", id[i]))
            return false;
    return true;
}

/* Parses a whole non-negative decimal number no larger than max. */
static bool parse_num(const char *s, long long max, long long *out)
{
    if (!s || !*s)
        return false;
    long long v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > (max - (*s - '0')) / 10)
            return false;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return true;
}

/* Constant-time comparison, so the token cannot be guessed byte by byte. */
static bool same_secret(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    unsigned char d = na != nb;
    for (size_t i = 0; i < na; i++)
        d |= (unsigned char)(a[i] ^ b[i % (nb ? nb : 1)]);
    return d == 0;
}

static bool may_write(const sl_srv *s, const sl_srv_req *q, sl_srv_resp *r)
{
    if (!s->token)
        return true;
    const char *h = q->header(q->cls, "Authorization");
    if (h && strncasecmp(h, "Bearer ", 7) == 0 && same_secret(h + 7, s->token))
        return true;
    sl_srv_error(r, 401, "writes need the header 'Authorization: Bearer TOKEN'");
    return false;
}

static bool is_ready(const sl_srv *s, sl_srv_resp *r)
{
    if (atomic_load(&s->ready))
        return true;
    sl_srv_error(r, 503, "loading the index: %lld of %lld articles", atomic_load(&s->loaded),
                 atomic_load(&s->to_load));
    return false;
}

/* The query of a listing from its arguments; false (and a 400) if one is
 * malformed.  'period' is in seconds (Telegram's unit); the index counts
 * whole days back from its newest article, so it rounds up. */
static bool query_of(const sl_srv_req *q, sl_srv_key *k, size_t default_limit, sl_srv_resp *r)
{
    const char *period = q->arg(q->cls, "period"), *limit = q->arg(q->cls, "limit");
    const char *lang = q->arg(q->cls, "lang");
    if (!lang)
        lang = q->arg(q->cls, "lang_code");
    long long v = 0;
    k->limit = default_limit;
    if (period && !parse_num(period, 100LL * 365 * 86400, &v)) {
        sl_srv_error(r, 400, "period takes a number of seconds, not '%s'", period);
        return false;
    }
    k->period_days = (int)((v + 86399) / 86400);
    if (limit && (!parse_num(limit, MAX_LIMIT, &v) || v == 0)) {
        sl_srv_error(r, 400, "limit takes a number from 1 to %d, not '%s'", MAX_LIMIT, limit);
        return false;
    }
    if (limit)
        k->limit = (size_t)v;
    if (lang && (!strcmp(lang, "any") || !*lang))
        lang = NULL;
    for (const char *p = lang; p && *p; p++)
        if (!islower((unsigned char)*p) || p - lang >= 8) {
            sl_srv_error(r, 400, "lang takes a language code such as 'en', not '%s'", lang);
            return false;
        }
    snprintf(k->lang, sizeof k->lang, "%s", lang ? lang : "");
    return true;
}

/* ---- listings ------------------------------------------------------------------------ */

static void listing(sl_srv *s, const sl_srv_key *k, sl_srv_resp *r)
{
    sl_srv_blob *v = sl_srv_cache_get(s->cache, k);
    if (!v)
        v = sl_srv_answer(s, k);
    r->status = 200;
    r->ctype = "application/json";
    r->blob = v;
}

static const char *CATEGORIES[] = {"society", "economy", "technology", "sports",
                                   "entertainment", "science", "other", NULL};

/* GET /threads: every category but "any" is empty (storyline does not
 * sort articles into categories); an unknown one is a 400. */
static void threads(sl_srv *s, const sl_srv_req *q, sl_srv_resp *r)
{
    sl_srv_key k = {SL_SRV_Q_THREADS, "", 0, 0};
    if (!query_of(q, &k, 0, r))
        return;
    const char *cat = q->arg(q->cls, "category");
    if (cat && strcmp(cat, "any") != 0) {
        for (int i = 0; CATEGORIES[i]; i++)
            if (!strcmp(cat, CATEGORIES[i])) {
                answer(r, 200, sl_xstrdup("{\"threads\":[]}"));
                return;
            }
        sl_srv_error(r, 400, "category takes any, society, economy, technology, sports, "
                             "entertainment, science or other, not '%s'", cat);
        return;
    }
    listing(s, &k, r);
}

static void story(sl_srv *s, const char *id, sl_srv_resp *r)
{
    pthread_mutex_lock(&s->xlock);
    char *json = sl_index_story_json(s->x, id);
    pthread_mutex_unlock(&s->xlock);
    if (json)
        answer(r, 200, json);
    else
        sl_srv_error(r, 404, "no story '%s'", id);
}

/* ---- articles ---------------------------------------------------------------------- */

static int64_t expiry_of(const sl_srv_req *q, bool *bad)
{
    const char *cc = q->header(q->cls, "Cache-Control");
    const char *m = cc ? strstr(cc, "max-age=") : NULL;
    if (!m)
        return 0;
    char num[24];
    size_t n = strspn(m + 8, "0123456789");
    long long v = 0;
    snprintf(num, sizeof num, "%.*s", (int)(n < 20 ? n : 20), m + 8);
    if (!parse_num(num, 100LL * 365 * 86400, &v)) {
        *bad = true;
        return 0;
    }
    return (int64_t)time(NULL) + v;
}

static void put_article(sl_srv *s, const sl_srv_req *q, const char *id, sl_srv_resp *r)
{
    r->route = SL_SRV_R_PUT;
    if (!is_ready(s, r) || !may_write(s, q, r))
        return;
    if (q->len > s->cfg.max_body) {
        sl_srv_error(r, 413, "the body is larger than %zu bytes", s->cfg.max_body);
        return;
    }
    bool bad = false;
    int64_t expires = expiry_of(q, &bad);
    if (bad) {
        sl_srv_error(r, 400, "Cache-Control: max-age takes a number of seconds");
        return;
    }
    const char *ctype = q->header(q->cls, "Content-Type");
    sl_format fmt = sl_srv_format_of(ctype, q->body ? q->body : "", q->len);
    char why[600];
    sl_srv_slot *slot = sl_srv_slot_get(s);
    sl_article *a = sl_srv_read(slot->e, id, fmt, q->body ? q->body : "", q->len, why, sizeof why);
    sl_srv_slot_put(slot);
    if (!a) {
        sl_srv_error(r, 400, "%s", why);
        return;
    }
    sl_article_free(a);
    r->ticket = sl_srv_ticket_new(id, q->body ? q->body : "", q->len, fmt, ctype, expires);
}

static void delete_article(sl_srv *s, const sl_srv_req *q, const char *id, sl_srv_resp *r)
{
    r->route = SL_SRV_R_DELETE;
    if (!is_ready(s, r) || !may_write(s, q, r))
        return;
    r->ticket = sl_srv_ticket_new(id, NULL, 0, 0, NULL, 0);
}

/* The article as `storyline inspect` prints it, with what the store knows
 * first: {"event","received","expires","state", ...inspect fields}. */
static void get_article(sl_srv *s, const char *id, sl_srv_resp *r)
{
    sl_srv_slot *slot = sl_srv_slot_get(s);
    sl_store_row row;
    sl_store_body body;
    sl_status st = sl_store_get(slot->rd, id, &row);
    int64_t now = (int64_t)time(NULL);
    if (st == SL_OK && (row.expires == 0 || row.expires > now)) {
        int64_t received = row.received, expires = row.expires;
        unsigned event = row.event;
        int state = row.state;
        char why[600] = "";
        sl_article *a = NULL;
        if (sl_store_body_get(slot->rd, row.seq, NULL, &body) == SL_OK &&
            (a = sl_srv_read(slot->e, id, body.format, body.body, body.len, why, sizeof why))) {
            sl_article_prepare(slot->e, a);
            char *json = sl_article_json(a);
            sl_buf b = {0};
            sl_buf_printf(&b, "{\"event\":");
            sl_buf_printf(&b, event ? "\"e%u\"" : "null", event);
            sl_buf_printf(&b, ",\"received\":%lld,\"expires\":%lld,\"state\":\"%s\",",
                          (long long)received, (long long)expires,
                          state == SL_STORE_INDEXED ? "indexed"
                          : state == SL_STORE_REFUSED ? "refused" : "queued");
            sl_buf_puts(&b, json + 1);
            free(json);
            sl_article_free(a);
            answer(r, 200, sl_buf_take(&b));
        } else {
            sl_srv_error(r, 500, "article '%s' cannot be read back: %s", id, why);
        }
    } else if (st == SL_EIO) {
        sl_srv_error(r, 500, "%s", sl_store_error(slot->rd));
    } else {
        sl_srv_error(r, 404, "no article '%s'", id);
    }
    sl_srv_slot_put(slot);
}

/* ---- similar articles ------------------------------------------------------------------ */

typedef struct {
    double score;
    char *json;
} scored;

static int by_score(const void *a, const void *b)
{
    double x = ((const scored *)a)->score, y = ((const scored *)b)->score;
    return (x < y) - (x > y);
}

static double score_of(const char *json)
{
    cJSON *o = cJSON_Parse(json);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "score");
    double d = cJSON_IsNumber(v) ? v->valuedouble : 0;
    cJSON_Delete(o);
    return d;
}

/* The other articles of id's event, closest first (at most SIMILAR_MAX),
 * each with the pair's similarity ({"a","b","score",...}). */
static void similar(sl_srv *s, const char *id, sl_srv_resp *r)
{
    scored *got = sl_xcalloc(1, SIMILAR_MAX * sizeof *got);
    size_t n = 0;
    pthread_mutex_lock(&s->xlock);
    unsigned ev = sl_srv_records_find(s->records, id) ? sl_index_article_event(s->x, id) : 0;
    bool known = sl_srv_records_find(s->records, id) != NULL;
    for (size_t i = 0, m = sl_srv_records_count(s->records); ev && i < m && n < SIMILAR_MAX; i++) {
        sl_srv_record *rec = sl_srv_records_at(s->records, i);
        if (rec->event == ev && strcmp(rec->id, id) != 0) {
            char *j = sl_index_similarity_json(s->x, id, rec->id);
            if (j)
                got[n++] = (scored){0, j};
        }
    }
    pthread_mutex_unlock(&s->xlock);
    if (!known) {
        free(got);
        sl_srv_error(r, 404, "no article '%s' in the index", id);
        return;
    }
    for (size_t i = 0; i < n; i++)
        got[i].score = score_of(got[i].json);
    qsort(got, n, sizeof *got, by_score);
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"id\":");
    sl_buf_json_str(&b, id);
    sl_buf_printf(&b, ev ? ",\"event\":\"e%u\",\"similar\":[" : ",\"event\":null,\"similar\":[", ev);
    for (size_t i = 0; i < n; i++) {
        sl_buf_puts(&b, i ? "," : "");
        sl_buf_puts(&b, got[i].json);
        free(got[i].json);
    }
    sl_buf_puts(&b, "]}");
    free(got);
    answer(r, 200, sl_buf_take(&b));
}

static void similar_pair(sl_srv *s, const char *a, const char *b, sl_srv_resp *r)
{
    pthread_mutex_lock(&s->xlock);
    char *json = sl_index_similarity_json(s->x, a, b);
    char why[600];
    snprintf(why, sizeof why, "%s", sl_engine_error(s->xe));
    pthread_mutex_unlock(&s->xlock);
    if (json)
        answer(r, 200, json);
    else
        sl_srv_error(r, 404, "%s", why);
}

/* ---- search, health, metrics ---------------------------------------------------------- */

static void put_hit(const sl_store_hit *h, void *cls)
{
    sl_buf *b = cls;
    sl_buf_puts(b, b->s[b->len - 1] == '[' ? "{\"id\":" : ",{\"id\":");
    sl_buf_json_str(b, h->id);
    sl_buf_puts(b, ",\"title\":");
    sl_buf_json_str(b, h->title);
    sl_buf_puts(b, ",\"lang\":");
    sl_buf_json_str(b, h->lang);
    sl_buf_puts(b, ",\"date\":");
    if (*h->date)
        sl_buf_json_str(b, h->date);
    else
        sl_buf_puts(b, "null");
    sl_buf_printf(b, h->event ? ",\"event\":\"e%u\"" : ",\"event\":null", h->event);
    sl_buf_puts(b, ",\"snippet\":");
    sl_buf_json_str(b, h->snippet);
    sl_buf_puts(b, "}");
}

/* GET /search?q=WORDS&limit=N: articles whose title or text hold every
 * word; in the snippet, \u0002 and \u0003 mark where the words are. */
static void search(sl_srv *s, const sl_srv_req *q, sl_srv_resp *r)
{
    const char *text = q->arg(q->cls, "q"), *limit = q->arg(q->cls, "limit");
    long long n = 20;
    if (!text || strlen(text) > 1000) {
        sl_srv_error(r, 400, "search takes q=WORDS (at most 1000 bytes)");
        return;
    }
    if (limit && (!parse_num(limit, 1000, &n) || n == 0)) {
        sl_srv_error(r, 400, "limit takes a number from 1 to 1000, not '%s'", limit);
        return;
    }
    sl_buf b = {0};
    sl_buf_puts(&b, "{\"query\":");
    sl_buf_json_str(&b, text);
    sl_buf_puts(&b, ",\"hits\":[");
    sl_srv_slot *slot = sl_srv_slot_get(s);
    sl_status st = sl_store_search(slot->rd, text, (size_t)n, put_hit, &b);
    if (st != SL_OK)
        sl_srv_error(r, 500, "%s", sl_store_error(slot->rd));
    sl_srv_slot_put(slot);
    sl_buf_puts(&b, "]}");
    if (st == SL_OK)
        answer(r, 200, sl_buf_take(&b));
    free(b.s);
}

/* GET /health: 200 once the index is restored (503 before).  "settled"
 * tells that every write so far is indexed and the answers are fresh. */
static void health(sl_srv *s, sl_srv_resp *r)
{
    bool ready = atomic_load(&s->ready);
    pthread_mutex_lock(&s->clock);
    bool settled = s->worker_idle && s->nchanges == s->hchanges;
    size_t pending = s->nchanges - s->hchanges;
    pthread_mutex_unlock(&s->clock);
    pthread_mutex_lock(&s->qlock);
    settled = settled && !s->qhead && !s->nhead && !s->store_busy;
    pthread_mutex_unlock(&s->qlock);
    sl_buf b = {0};
    sl_buf_printf(&b, "{\"status\":\"%s\",\"version\":\"%s\",\"articles\":%lld,\"indexed\":%lld,"
                      "\"pending\":%zu,\"settled\":%s,\"loaded\":%lld,\"to_load\":%lld}",
                  ready ? "ok" : "loading", sl_version(), atomic_load(&s->stored),
                  atomic_load(&s->in_index), pending, settled ? "true" : "false",
                  atomic_load(&s->loaded), atomic_load(&s->to_load));
    answer(r, ready ? 200 : 503, sl_buf_take(&b));
}

static double avg_ms(unsigned long long us, unsigned long long n) { return n ? us / 1000.0 / n : 0; }

static void metrics(sl_srv *s, sl_srv_resp *r)
{
    const sl_srv_metrics *m = &s->m;
    pthread_mutex_lock(&s->clock);
    size_t pending = s->nchanges - s->hchanges;
    pthread_mutex_unlock(&s->clock);
    pthread_mutex_lock(&s->qlock);
    size_t notes = s->nlen, queued = s->qlen;
    pthread_mutex_unlock(&s->qlock);
    unsigned long long commits = atomic_load(&m->commits), writes = atomic_load(&m->committed);
    unsigned long long updates = atomic_load(&m->updates), refr = atomic_load(&m->refreshes);
    sl_buf b = {0};
    sl_buf_printf(&b, "{\"uptime_s\":%.1f,\"ready\":%s,\"articles\":%lld,",
                  (double)(sl_srv_now_us() - s->started_us) / 1e6,
                  atomic_load(&s->ready) ? "true" : "false", atomic_load(&s->stored));
    sl_buf_printf(&b, "\"index\":{\"articles\":%lld,\"pending\":%zu,\"added\":%llu,"
                      "\"refused\":%llu,\"removed\":%llu,\"updates\":%llu,\"update_ms_avg\":%.3f,"
                      "\"refreshes\":%llu,\"refresh_ms_avg\":%.3f},",
                  atomic_load(&s->in_index), pending, atomic_load(&m->indexed),
                  atomic_load(&m->refused), atomic_load(&m->removed), updates,
                  avg_ms(atomic_load(&m->update_us), updates), refr,
                  avg_ms(atomic_load(&m->refresh_us), refr));
    sl_buf_printf(&b, "\"store\":{\"commits\":%llu,\"writes\":%llu,\"writes_per_commit\":%.2f,"
                      "\"commit_ms_avg\":%.3f,\"writes_waiting\":%zu,\"notes_waiting\":%zu},"
                      "\"requests\":{",
                  commits, writes, commits ? (double)writes / commits : 0,
                  avg_ms(atomic_load(&m->commit_us), commits), queued, notes);
    sl_srv_metrics_json(m, 0, SL_SRV_R_W_CHECK, &b);
    sl_buf_puts(&b, "},\"write_stages\":{");
    sl_srv_metrics_json(m, SL_SRV_R_W_CHECK, SL_SRV_R_T_WRITES, &b);
    sl_buf_puts(&b, "},\"transaction\":{");
    sl_srv_metrics_json(m, SL_SRV_R_T_WRITES, SL_SRV_R_N, &b);
    sl_buf_puts(&b, "}}");
    answer(r, 200, sl_buf_take(&b));
}

/* ---- the router ------------------------------------------------------------------------ */

static bool web(const char *path, sl_srv_resp *r)
{
    const char *data, *ctype;
    size_t len;
    if (!sl_srv_web_file(path, &data, &len, &ctype))
        return false;
    r->status = 200;
    r->ctype = ctype;
    r->static_body = data;
    r->static_len = len;
    r->cache_control = "no-cache";
    r->route = SL_SRV_R_PAGE;
    return true;
}

static void not_allowed(sl_srv_resp *r, const sl_srv_req *q, const char *allow)
{
    r->allow = allow;
    sl_srv_error(r, 405, "%s is not allowed on %s (allowed: %s)", q->method, q->path, allow);
}

/* GET on one of the listings, or false if the path is none. */
static bool get_listing(sl_srv *s, const sl_srv_req *q, const char *path, sl_srv_resp *r)
{
    sl_srv_key k = {SL_SRV_Q_STORIES, "", 0, 0};
    if (!strcmp(path, "threads")) {
        r->route = SL_SRV_R_THREADS;
        if (is_ready(s, r))
            threads(s, q, r);
    } else if (!strcmp(path, "events") || !strcmp(path, "stories")) {
        k.kind = path[0] == 'e' ? SL_SRV_Q_EVENTS : SL_SRV_Q_STORIES;
        r->route = path[0] == 'e' ? SL_SRV_R_EVENTS : SL_SRV_R_STORIES;
        if (is_ready(s, r) && query_of(q, &k, DEFAULT_LIMIT, r))
            listing(s, &k, r);
    } else if (!strcmp(path, "health")) {
        health(s, r);
    } else if (!strcmp(path, "metrics")) {
        metrics(s, r);
    } else if (!strcmp(path, "search")) {
        r->route = SL_SRV_R_SEARCH;
        if (is_ready(s, r))
            search(s, q, r);
    } else {
        return false;
    }
    return true;
}

/* /COLLECTION/ID routes. */
static void item(sl_srv *s, const sl_srv_req *q, const char *coll, const char *id,
                 sl_srv_resp *r)
{
    bool get = !strcmp(q->method, "GET") || !strcmp(q->method, "HEAD");
    if (!valid_id(id)) {
        sl_srv_error(r, 400, "'%s' is not an id (letters, digits and . _ ~ -, at most %d)", id,
                     MAX_ID);
    } else if (!strcmp(coll, "articles")) {
        r->route = SL_SRV_R_ARTICLE;
        if (!strcmp(q->method, "PUT"))
            put_article(s, q, id, r);
        else if (!strcmp(q->method, "DELETE"))
            delete_article(s, q, id, r);
        else if (get && is_ready(s, r))
            get_article(s, id, r);
        else if (!get)
            not_allowed(r, q, "GET, PUT, DELETE");
    } else if (!get) {
        not_allowed(r, q, "GET");
    } else if (!strcmp(coll, "stories")) {
        r->route = SL_SRV_R_STORY;
        if (is_ready(s, r))
            story(s, id, r);
    } else {
        r->route = SL_SRV_R_SIMILAR;
        const char *with = q->arg(q->cls, "with");
        if (!is_ready(s, r))
            return;
        if (with && !valid_id(with))
            sl_srv_error(r, 400, "with takes an article id, not '%s'", with);
        else if (with)
            similar_pair(s, id, with, r);
        else
            similar(s, id, r);
    }
}

void sl_srv_route_request(sl_srv *s, const sl_srv_req *q, sl_srv_resp *r)
{
    memset(r, 0, sizeof *r);
    r->route = SL_SRV_R_OTHER;
    const char *path = q->path[0] == '/' ? q->path + 1 : q->path;
    const char *slash = strchr(path, '/');
    bool get = !strcmp(q->method, "GET") || !strcmp(q->method, "HEAD");
    if (slash && !strchr(slash + 1, '/')) {
        char coll[16];
        size_t n = (size_t)(slash - path);
        snprintf(coll, sizeof coll, "%.*s", (int)(n < 15 ? n : 15), path);
        if (n < 15 && (!strcmp(coll, "articles") || !strcmp(coll, "stories") ||
                       !strcmp(coll, "similar")))
            item(s, q, coll, slash + 1, r);
        else
            sl_srv_error(r, 404, "no route %s /%s", q->method, path);
    } else if (slash) {
        sl_srv_error(r, 404, "no route %s /%s", q->method, path);
    } else if (get) {
        if (!web(path, r) && !get_listing(s, q, path, r))
            sl_srv_error(r, 404, "no route %s /%s", q->method, path);
    } else if (!strcmp(q->method, "PUT") || !strcmp(q->method, "DELETE")) {
        if (!valid_id(path))
            sl_srv_error(r, 400, "'%s' is not an article name (letters, digits and . _ ~ -)", path);
        else if (q->method[0] == 'P')
            put_article(s, q, path, r);
        else
            delete_article(s, q, path, r);
    } else {
        not_allowed(r, q, "GET, PUT, DELETE");
    }
}
