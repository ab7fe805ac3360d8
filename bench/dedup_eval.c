/*
 * dedup_eval.c -- how well and how fast the copy index finds copies.
 *
 *   build/bench/dedup_eval [ARTICLES]      (default 10000 for the speed part)
 *
 * 1. events-dev (the development set the thresholds were tuned on): pair
 *    precision and recall of the copy pairs found against the labelled ones
 *    (all pairs of articles sharing a copy_group), with every false and
 *    missed pair and its estimates.
 * 2. ecbplus (no copy labels; every article is a separate report, though
 *    many are versions of one agency story): every pair called a copy, with
 *    the opening of both texts, to check by eye; pairs across topics are
 *    surely false and are counted.
 * 3. speed: ARTICLES articles of about 3 KB made at run time from the
 *    events-dev texts: 392 bases of three texts glued (each text in three
 *    bases), each replayed with 1 sentence in 8 dropped, 1 word in 30
 *    swapped and a new id -- so each base has ARTICLES / 392 near copies.
 *    They are written to a temporary JSON lines file.  The sketch + index insert time per article
 *    (articles already read and prepared), beside `wc -w` on the same
 *    bytes; index memory per article; the time of one query (sl_dedup_find
 *    of an article not in the index); the renumbering that drops removed
 *    records (sl_dedup_compacted); memory under churn (each article
 *    removed a while after it came).  Median of 3 runs, in CPU time (the
 *    machine is shared; wall time would count other jobs).
 *
 * Reads ../shared (or $SL_SHARED) at run time; prints "skip" when absent.
 */
#include "dedup/dedup_internal.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* CPU seconds used by this process: the machine is shared, and wall time
 * counts the waits for other people's jobs. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU seconds used by the children waited for so far. */
static double children(void)
{
    struct rusage u;
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static const char *shared(void)
{
    const char *s = getenv("SL_SHARED");
    return s ? s : "../shared";
}

/* ---- a labelled JSON lines file ---------------------------------------- */

typedef struct {
    sl_article **a;
    char **label; /* the copy_group (events-dev) or event (ecbplus) field */
    char **text;
    size_t n;
} corpus;

static char *field(const cJSON *o, const char *name)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(f) ? sl_xstrdup(f->valuestring) : NULL;
}

static bool load(sl_engine *e, const char *path, const char *label, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    memset(c, 0, sizeof *c);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        sl_article *a;
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        if (!o || sl_article_read(e, path, line, (size_t)len, SL_FORMAT_JSONL, &a) != SL_OK) {
            cJSON_Delete(o);
            continue;
        }
        sl_article_prepare(e, a);
        c->a = sl_xrealloc(c->a, (c->n + 1) * sizeof *c->a);
        c->label = sl_xrealloc(c->label, (c->n + 1) * sizeof *c->label);
        c->text = sl_xrealloc(c->text, (c->n + 1) * sizeof *c->text);
        c->a[c->n] = a;
        c->label[c->n] = field(o, label);
        c->text[c->n++] = field(o, "text");
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    return true;
}

static void unload(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        sl_article_free(c->a[i]);
        free(c->label[i]);
        free(c->text[i]);
    }
    free(c->a), free(c->label), free(c->text);
}

static sl_dedup *index_all(sl_engine *e, corpus *c)
{
    sl_dedup *d = sl_dedup_new(e);
    for (size_t i = 0; i < c->n; i++)
        sl_dedup_add(d, c->a[i], NULL);
    return d;
}

/* True if articles i and j (corpus order = index order) share a group. */
static bool same_group(sl_dedup *d, size_t i, size_t j)
{
    const char *gi = sl_dedup_group_of(d, sl_dedup_id_at(d, (uint32_t)i), NULL);
    const char *gj = sl_dedup_group_of(d, sl_dedup_id_at(d, (uint32_t)j), NULL);
    return !strcmp(gi, gj);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The shingle set of a (sorted, caller frees with free()) in *out. */
static size_t shingle_set(sl_engine *e, sl_article *a, uint64_t **out)
{
    sl_dedup_form f = {0};
    sl_shingles s = {0};
    sl_buf key = {0};
    sl_dedup_form_make(sl_engine_norm(e), a, &f, &key);
    sl_shingles_make(&f, &s);
    size_t n = s.counted;
    *out = sl_xmalloc((n ? n : 1) * sizeof **out);
    memcpy(*out, s.h, n * sizeof **out);
    qsort(*out, n, sizeof **out, cmp_u64);
    sl_dedup_form_free(&f), sl_shingles_free(&s), sl_buf_free(&key);
    return n;
}

/* The true Jaccard similarity and containment of the smaller in the larger,
 * from the full shingle sets (what the sketch estimates). */
static void true_similarity(sl_engine *e, sl_article *a, sl_article *b,
                            double *j, double *c)
{
    uint64_t *x, *y;
    size_t nx = shingle_set(e, a, &x), ny = shingle_set(e, b, &y), both = 0;
    for (size_t i = 0, k = 0; i < nx && k < ny;) {
        if (x[i] == y[k])
            both++, i++, k++;
        else if (x[i] < y[k])
            i++;
        else
            k++;
    }
    *j = nx + ny ? (double)both / (double)(nx + ny - both) : 0;
    *c = nx && ny ? (double)both / (double)(nx < ny ? nx : ny) : 0;
    free(x), free(y);
}

static void print_pair(sl_engine *e, sl_dedup *d, corpus *cp, size_t i, size_t j,
                       const char *what)
{
    sl_copy_side x = sl_dedup_side(d, (uint32_t)i), y = sl_dedup_side(d, (uint32_t)j);
    double jac, con, tj, tc;
    sl_copy_kind k = sl_copy_judge(&x, &y, &jac, &con);
    true_similarity(e, cp->a[i], cp->a[j], &tj, &tc);
    printf("  %-7s %s %s: %s, J %.3f (true %.3f), C %.3f (true %.3f), shingles %u / %u\n",
           what, sl_dedup_id_at(d, (uint32_t)i), sl_dedup_id_at(d, (uint32_t)j),
           sl_copy_kind_name(k), jac, tj, con, tc, x.nsh, y.nsh);
}

/* ---- 1. events-dev -------------------------------------------------------- */

/* The same rule on the true similarity of the full shingle sets (what no
 * 256-byte index can hold): how much of the error is the sketch's.  Pairs
 * of the same known language only, as the rule asks; no groups. */
static void exact_sets(sl_engine *e, corpus *c)
{
    uint64_t **set = sl_xmalloc(c->n * sizeof *set);
    size_t *n = sl_xmalloc(c->n * sizeof *n), tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < c->n; i++)
        n[i] = shingle_set(e, c->a[i], &set[i]);
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = i + 1; j < c->n; j++) {
            const char *li = sl_article_lang(c->a[i]), *lj = sl_article_lang(c->a[j]);
            size_t both = 0;
            for (size_t x = 0, y = 0; x < n[i] && y < n[j];) {
                if (set[i][x] == set[j][y])
                    both++, x++, y++;
                else if (set[i][x] < set[j][y])
                    x++;
                else
                    y++;
            }
            double jac = n[i] + n[j] ? (double)both / (double)(n[i] + n[j] - both) : 0;
            bool got = (!strcmp(li, lj) || !strcmp(li, "und") || !strcmp(lj, "und")) &&
                       sl_copy_rule(jac, (double)n[i], (double)n[j], NULL) != SL_COPY_NONE;
            bool gold = c->label[i] && c->label[j] && !strcmp(c->label[i], c->label[j]);
            tp += gold && got, fp += !gold && got, fn += gold && !got;
        }
    printf("events-dev, the same rule on the full shingle sets instead of sketches:"
           " precision %.3f, recall %.3f (%zu false, %zu missed)\n",
           tp + fp ? (double)tp / (tp + fp) : 1.0, tp + fn ? (double)tp / (tp + fn) : 1.0,
           fp, fn);
    for (size_t i = 0; i < c->n; i++)
        free(set[i]);
    free(set), free(n);
}

static void dev(sl_engine *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/events-dev/articles.jsonl", shared());
    corpus c;
    if (!load(e, path, "copy_group", &c)) {
        printf("skip events-dev: %s not found\n", path);
        return;
    }
    sl_dedup *d = index_all(e, &c);
    size_t tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < c.n; i++)
        for (size_t j = i + 1; j < c.n; j++) {
            bool gold = c.label[i] && c.label[j] && !strcmp(c.label[i], c.label[j]);
            bool got = same_group(d, i, j);
            tp += gold && got, fp += !gold && got, fn += gold && !got;
            if (gold != got)
                print_pair(e, d, &c, i, j, got ? "false" : "missed");
        }
    printf("events-dev (development set, %zu articles): %zu copy pairs found, %zu labelled;"
           " precision %.3f, recall %.3f (%zu false, %zu missed)\n",
           c.n, tp + fp, tp + fn, tp + fp ? (double)tp / (tp + fp) : 1.0,
           tp + fn ? (double)tp / (tp + fn) : 1.0, fp, fn);
    exact_sets(e, &c);
    sl_dedup_free(d);
    unload(&c);
}

/* ---- 2. ecbplus ------------------------------------------------------------- */

static void opening(const char *what, const char *text)
{
    char buf[161];
    size_t n = 0;
    for (const char *s = text; *s && n < 160; s++)
        buf[n++] = *s == '\n' ? ' ' : *s;
    buf[n] = '\0';
    printf("      %s %s\n", what, buf);
}

static void ecbplus(sl_engine *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/ecbplus/articles.jsonl", shared());
    corpus c;
    if (!load(e, path, "story", &c)) {
        printf("skip ecbplus: %s not found\n", path);
        return;
    }
    sl_dedup *d = index_all(e, &c);
    size_t pairs = 0, across = 0;
    for (size_t i = 0; i < c.n; i++)
        for (size_t j = i + 1; j < c.n; j++) {
            if (!same_group(d, i, j))
                continue;
            bool other = !c.label[i] || !c.label[j] || strcmp(c.label[i], c.label[j]);
            pairs++, across += other;
            print_pair(e, d, &c, i, j, other ? "ACROSS" : "pair");
            opening("<", c.text[i]);
            opening(">", c.text[j]);
        }
    printf("ecbplus (%zu articles, no copy labels): %zu pairs called copies, %zu across topics;"
           " %zu groups\n", c.n, pairs, across, sl_dedup_group_count(d));
    sl_dedup_free(d);
    unload(&c);
}

/* ---- 3. speed ---------------------------------------------------------------- */

static uint64_t rnd(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return sl_mix64(*s);
}

/* Appends text t with about 1 sentence in 8 dropped and 1 word in 30
 * swapped with the next. */
static void perturb(sl_buf *out, const char *t, uint64_t *seed)
{
    sl_buf sent = {0};
    for (const char *s = t; *s;) {
        const char *end = strstr(s, ". ");
        size_t n = end ? (size_t)(end - s) + 2 : strlen(s);
        sl_buf_clear(&sent);
        sl_buf_put(&sent, s, n);
        s += n;
        if (rnd(seed) % 8 == 0)
            continue;
        char *w = sent.s;
        for (char *sp = strchr(w, ' '); sp; sp = strchr(sp + 1, ' '))
            if (rnd(seed) % 30 == 0) { /* swap the words around this space */
                char *prev = sp;
                while (prev > w && prev[-1] != ' ')
                    prev--;
                char *next = strchr(sp + 1, ' ');
                size_t a = (size_t)(sp - prev), b = next ? (size_t)(next - sp - 1) : strlen(sp + 1);
                char *tmp = sl_xstrndup(prev, a);
                memmove(prev, sp + 1, b);
                prev[b] = ' ';
                memcpy(prev + b + 1, tmp, a);
                free(tmp);
                sp = prev + a + b;
                if (!next)
                    break;
            }
        sl_buf_put(out, sent.s, sent.len);
    }
    sl_buf_free(&sent);
}

/* Writes 'count' synthetic articles of about 3 KB to 'path'; returns bytes. */
static size_t make_set(const corpus *c, size_t count, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return 0;
    uint64_t seed = 42;
    sl_buf text = {0}, line = {0};
    size_t bytes = 0;
    for (size_t k = 0; k < count; k++) {
        sl_buf_clear(&text);
        for (size_t p = k % c->n; text.len < 3000; p = (p + c->n / 3 + 1) % c->n) {
            perturb(&text, c->text[p] ? c->text[p] : "", &seed);
            sl_buf_puts(&text, "\n\n");
        }
        sl_buf_clear(&line);
        sl_buf_printf(&line, "{\"id\":\"syn-%zu\",\"text\":", k);
        sl_buf_json_str(&line, text.s);
        sl_buf_puts(&line, "}\n");
        fwrite(line.s, 1, line.len, f);
        bytes += line.len;
    }
    sl_buf_free(&text), sl_buf_free(&line);
    fclose(f);
    return bytes;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median3(double t[3])
{
    qsort(t, 3, sizeof *t, cmp_double);
    return t[1];
}

static void speed(sl_engine *e, size_t count)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/events-dev/articles.jsonl", shared());
    corpus dev_c, set;
    if (!load(e, path, "copy_group", &dev_c)) {
        printf("skip speed: %s not found\n", path);
        return;
    }
    char tmp[] = "/tmp/sl-dedup-bench-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return;
    close(fd);
    size_t bytes = make_set(&dev_c, count + 1000, tmp);
    unload(&dev_c);
    load(e, tmp, "id", &set); /* read and prepared here, not timed */
    size_t n = set.n > 1000 ? set.n - 1000 : set.n;
    double t_add[3], t_find[3], t_wc[3], t_compact[3];
    size_t per = 0, idb = 0, groups = 0, used = 0;
    for (int run = 0; run < 3; run++) {
        sl_dedup *d = sl_dedup_new(e);
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            sl_dedup_add(d, set.a[i], NULL);
        t_add[run] = now() - t0;
        sl_dedup_result r;
        t0 = now();
        for (size_t i = n; i < set.n; i++)
            sl_dedup_find(d, set.a[i], &r);
        t_find[run] = (now() - t0) / (double)(set.n - n);
        t0 = now();
        sl_dedup *c = sl_dedup_compacted(d); /* what removals set off now and then */
        t_compact[run] = (now() - t0) / (double)n;
        sl_dedup_free(c);
        per = sl_dedup_bytes(d, &idb);
        used = d->n * (sizeof *d->rec + sizeof *d->sig + SL_MINHASH_BANDS * sizeof *d->next) +
               ((size_t)SL_MINHASH_BANDS << d->bits) * sizeof *d->head;
        groups = sl_dedup_group_count(d);
        sl_dedup_free(d);
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "wc -w %s >/dev/null", tmp);
        t0 = children();
        if (system(cmd) != 0)
            printf("wc -w failed\n");
        t_wc[run] = children() - t0;
    }
    /* churn, as in a service whose articles expire: keep the latest n / 4 */
    size_t window = n / 4, held = 0, churn_bytes = 0;
    double t_churn;
    {
        sl_dedup *d = sl_dedup_new(e);
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            sl_dedup_add(d, set.a[i], NULL);
            if (i >= window)
                sl_dedup_remove(d, sl_article_id(set.a[i - window]));
        }
        t_churn = now() - t0;
        churn_bytes = sl_dedup_bytes(d, NULL);
        held = d->n;
        sl_dedup_free(d);
    }
    double ta = median3(t_add), tf = median3(t_find), tw = median3(t_wc);
    double mb = bytes * ((double)n / (count + 1000)) / 1e6;
    printf("speed (%zu synthetic articles of %.1f KB, %zu copy groups): sketch + insert %.0f articles/s"
           " (%.1f MB/s); wc -w on the same bytes %.0f articles/s (%.1f MB/s): %.2fx wc -w;"
           " median of 3, CPU time, one core\n", n, bytes / 1e3 / (count + 1000), groups, n / ta, mb / ta,
           (count + 1000) / tw, bytes / 1e6 / tw, (n / ta) / ((count + 1000) / tw));
    printf("memory: %.0f bytes per article in the index allocated, %.0f in use (record 32,"
           " sketch 128, band links 64, band heads); ids apart: %.0f bytes per article\n",
           (double)per / n, (double)used / n, (double)idb / n);
    printf("query: %.1f us per sl_dedup_find (sketch + candidates + judging, median of 3)\n",
           tf * 1e6);
    printf("churn: %zu added, each removed %zu adds later: %.0f bytes per article kept, %zu"
           " records held for %zu kept; add + remove %.0f articles/s\n", n, window,
           (double)churn_bytes / window, held, window, n / t_churn);
    printf("compaction: %.2f us per article kept (the renumbering sl_dedup_remove sets off once"
           " more than half the records are removed; median of 3)\n", median3(t_compact) * 1e6);
    unload(&set);
    remove(tmp);
}

int main(int argc, char **argv)
{
    size_t count = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 10000;
    sl_engine *e = sl_engine_new();
    printf("$ build/bench/dedup_eval %zu\n", count);
    dev(e);
    ecbplus(e);
    speed(e, count ? count : 10000);
    sl_engine_free(e);
    return 0;
}
