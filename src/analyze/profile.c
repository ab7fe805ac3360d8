/*
 * profile.c -- an article's profile: its terms in the shared cross-lingual
 * space, its names, numbers and dates (see profile.h for the idea).
 *
 * Counting (sl_profile_count) walks the title and the paragraphs once:
 *
 *   term of an English word           -> that term
 *   term the lexicon translates        -> its English terms, the weights of
 *                                         the translations sharing the count
 *   capitalised word it does not       -> the neutral form (names are spelt
 *   translate (not sentence-initial)      alike across Latin languages)
 *   any other word                     -> the term in its language's space
 *   number (not a small integer)       -> a number feature
 *
 * Title words count twice: a headline names the event.  Names come from
 * the entity list (entities.c): each word of a name key becomes a skeleton
 * key (sl_name_skeleton), counted as often as the name is mentioned.
 *
 * The counts are gathered in a hash map owned by the engine's profiler
 * context and reused from article to article, so counting allocates only
 * the draft it returns.
 *
 * Weighing (sl_profile_weigh) applies (1 + log tf) * idf, keeps the
 * strongest features of each kind, gives each kind unit length and sorts
 * by key for merging.
 *
 * Tests: tests/analyze/test_profile.c.
 */
#include "profile.h"
#include "../text/terms.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* ---- the counting map (the engine's profiler context) -------------------- */

typedef struct {
    uint64_t key; /* 0 = empty */
    float tf;
    uint8_t kind;
    uint32_t surf; /* offset of its readable form in the profiler's pool */
} cell;

struct sl_profiler {
    cell *cell;
    size_t cap, n; /* cap a power of two */
    uint64_t *touched; /* slots in use, to clear them fast */
    size_t ntouched, ctouched;
    sl_buf pool;   /* readable forms, NUL-separated */
    sl_termv terms;
};

sl_profiler *sl_profiler_new(void) { return sl_xcalloc(1, sizeof(sl_profiler)); }

void sl_profiler_free(sl_profiler *p)
{
    if (!p)
        return;
    free(p->cell);
    free(p->touched);
    sl_buf_free(&p->pool);
    sl_termv_free(&p->terms);
    free(p);
}

static void map_clear(sl_profiler *p)
{
    for (size_t i = 0; i < p->ntouched; i++)
        p->cell[p->touched[i]].key = 0;
    p->ntouched = 0;
    p->n = 0;
    sl_buf_clear(&p->pool);
}

static cell *map_put(sl_profiler *p, uint64_t key, uint8_t kind, bool *fresh);

static void map_grow(sl_profiler *p)
{
    cell *old = p->cell;
    size_t oldcap = p->cap, ntouched = p->ntouched;
    uint64_t *touched = p->touched;
    p->cap = oldcap ? oldcap * 2 : 1024;
    p->cell = sl_xcalloc(p->cap, sizeof *p->cell);
    p->touched = NULL;
    p->ntouched = p->ctouched = p->n = 0;
    for (size_t i = 0; i < ntouched; i++) {
        bool fresh;
        *map_put(p, old[touched[i]].key, old[touched[i]].kind, &fresh) = old[touched[i]];
    }
    free(old);
    free(touched);
}

/* The cell of 'key', made (tf 0) if new; *fresh tells which. */
static cell *map_put(sl_profiler *p, uint64_t key, uint8_t kind, bool *fresh)
{
    if ((p->n + 1) * 2 > p->cap)
        map_grow(p);
    size_t mask = p->cap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 17) & mask;
    while (p->cell[i].key && p->cell[i].key != key)
        i = (i + 1) & mask;
    *fresh = !p->cell[i].key;
    if (*fresh) {
        p->cell[i] = (cell){key, 0, kind, 0};
        p->n++;
        sl_grow((void **)&p->touched, &p->ctouched, p->ntouched + 1, sizeof *p->touched);
        p->touched[p->ntouched++] = i;
    }
    return &p->cell[i];
}

/* Counts 'tf' more of 'key'; s[0..n) is its readable form, kept the first
 * time the key is seen (capitalised when 'cap'). */
static void map_add(sl_profiler *p, uint64_t key, float tf, uint8_t kind,
                    const char *s, size_t n, bool cap)
{
    bool fresh;
    cell *c = map_put(p, key + !key, kind, &fresh);
    c->tf += tf;
    if (!fresh)
        return;
    c->surf = (uint32_t)p->pool.len;
    size_t start = p->pool.len;
    sl_buf_put(&p->pool, s, n > 64 ? 64 : n);
    if (cap && p->pool.s[start] >= 'a' && p->pool.s[start] <= 'z')
        p->pool.s[start] = (char)(p->pool.s[start] - 'a' + 'A');
    sl_buf_putc(&p->pool, '\0');
}

/* ---- skeletons of names ---------------------------------------------------- */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

size_t sl_name_skeleton(const char *w, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (!(c >= 'a' && c <= 'z'))
            continue;
        if (is_vowel(c) || c == 'h' || c == 'j' || (c == 'w' && i > 0))
            continue; /* a w inside a word is a vowel in Arabic romanisation */
        if (c == 'p' && i + 1 < n && w[i + 1] == 'h')
            c = 'f';
        else if (c == 'c' || c == 'q')
            c = 'k';
        else if (c == 'z')
            c = 's';
        else if (c == 'w')
            c = 'v';
        else if (c == 'x') {
            if (!k || out[k - 1] != 'k')
                out[k++] = 'k';
            c = 's';
        }
        if (k && out[k - 1] == c)
            continue;
        out[k++] = c;
    }
    out[k] = '\0';
    return k;
}

/* ---- counting ---------------------------------------------------------------- */

static uint64_t tagged_hash(char tag, const char *s, size_t n)
{
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    XXH3_64bits_update(&st, &tag, 1);
    XXH3_64bits_update(&st, s, n);
    return XXH3_64bits_digest(&st);
}

/* A number worth matching on: not a lone digit ("7.8" and "12" are). */
static bool significant_number(const sl_term *t)
{
    return t->len >= 2 || memchr(t->s, '.', t->len) != NULL;
}

/* Up to MAX_SENSES English translations of the foreign term 'src' into
 * tr[], with shares that add up to 1: the dictionary's own weights, times a
 * prior of how common each English word is in the news seen so far (df),
 * so that German "Erdbeben" goes mostly to "earthquake", which reports use,
 * and little to "temblor" or "seism", which they do not.  Senses far below
 * the best are dropped.  Returns how many. */
enum { MAX_SENSES = 3 };

static size_t translate(const sl_lexicon *lx, const sl_df *df, uint64_t src, sl_translation *tr)
{
    size_t k = lx ? sl_lexicon_find(lx, src, tr, SL_LEXICON_K) : 0;
    if (!k)
        return 0;
    double score[SL_LEXICON_K], best = 0, sum = 0;
    for (size_t j = 0; j < k; j++) {
        score[j] = tr[j].weight * (df ? log(2.0 + sl_df_count(df, tr[j].hash)) : 1.0);
        best = score[j] > best ? score[j] : best;
    }
    size_t n = 0;
    for (size_t j = 0; j < k; j++) { /* the strongest, in order, at most MAX_SENSES */
        size_t arg = j;
        for (size_t q = j + 1; q < k; q++)
            if (score[q] > score[arg])
                arg = q;
        if (score[arg] < 0.3 * best || n == MAX_SENSES)
            break;
        sl_translation t = tr[j];
        double sc = score[j];
        tr[j] = tr[arg], score[j] = score[arg];
        tr[arg] = t, score[arg] = sc;
        sum += score[j];
        n++;
    }
    for (size_t j = 0; j < n; j++)
        tr[j].weight = (float)(score[j] / sum);
    return n;
}

/* Counts the terms of s[0..len).  A foreign term the lexicon knows is
 * counted as itself (kind SL_FEAT_SRC) and translated when the draft is
 * weighed, when df is known -- unless 'df' is given, for a text that is
 * weighed at once (a sentence): then it is translated here. */
static void count_text(sl_profiler *p, sl_terms *t, const sl_lexicon *lx, const sl_df *df,
                       const char *lang, const char *s, size_t len, float w)
{
    sl_terms_text(t, lang, s, len, &p->terms);
    for (size_t i = 0; i < p->terms.n; i++) {
        const sl_term *m = &p->terms.v[i];
        const char *surf = s + m->off;
        if (m->kind == SL_TOK_NUMBER) {
            if (significant_number(m))
                map_add(p, tagged_hash('N', m->s, m->len), w, SL_FEAT_NUM, m->s, m->len, false);
            continue;
        }
        if (m->hash == m->neutral) { /* English or neutral */
            map_add(p, m->hash, w, SL_FEAT_TERM, surf, m->tlen, false);
            continue;
        }
        sl_translation tr[SL_LEXICON_K];
        size_t k;
        if (df && (k = translate(lx, df, m->hash, tr)) > 0) {
            for (size_t j = 0; j < k; j++)
                map_add(p, tr[j].hash, w * tr[j].weight, SL_FEAT_TERM, tr[j].s, tr[j].len, false);
        } else if (!df && lx && sl_lexicon_find(lx, m->hash, tr, 1)) {
            map_add(p, m->hash, w, SL_FEAT_SRC, surf, m->tlen, false);
        } else if ((m->flags & SL_TOKF_UPPER) && !(m->flags & SL_TOKF_SENT)) {
            map_add(p, m->neutral, w, SL_FEAT_TERM, surf, m->tlen, false);
        } else {
            map_add(p, m->hash, w, SL_FEAT_TERM, surf, m->tlen, false);
        }
    }
}

static void count_names(sl_profiler *p, const sl_article *a)
{
    char skel[256];
    for (size_t i = 0; i < a->nent; i++) {
        const char *k = a->ent[i].key;
        /* the readable form of each word's key is the whole name */
        const char *name = a->ent[i].name ? a->ent[i].name : k;
        size_t nn = strlen(name);
        float c = (float)(a->ent[i].count > 0 ? a->ent[i].count : 1);
        while (k && *k) {
            size_t n = strcspn(k, " ");
            if (n >= 2 && n < sizeof skel) {
                size_t sn = sl_name_skeleton(k, n, skel);
                if (sn >= 2 && n >= 4)
                    map_add(p, tagged_hash('E', skel, sn), c, SL_FEAT_ENT, name, nn, false);
                else
                    map_add(p, tagged_hash('A', k, n), c, SL_FEAT_ENT, name, nn, false);
            }
            k += n;
            while (*k == ' ')
                k++;
        }
    }
}

static int cmp_i32(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* The distinct days mentioned (the first SL_PROFILE_DAYS of them) and the
 * one mentioned most often (the earliest of a tie). */
static void count_days(const sl_article *a, sl_draft *d)
{
    int times[SL_PROFILE_DAYS] = {0};
    for (size_t i = 0; i < a->ndates; i++) {
        sl_date t = a->dates[i].date;
        if (t.precision != SL_DATE_DAY)
            continue;
        int32_t day = (int32_t)sl_date_to_days(t.year, t.month, t.day);
        size_t j = 0;
        while (j < d->ndays && d->days[j] != day)
            j++;
        if (j == d->ndays && d->ndays < SL_PROFILE_DAYS)
            d->days[d->ndays++] = day;
        if (j < d->ndays)
            times[j]++;
    }
    d->told_day = SL_NO_DAY;
    for (size_t j = 0, best = 0; j < d->ndays; j++) {
        if (times[j] > (int)best || (times[j] == (int)best && d->days[j] < d->told_day)) {
            best = (size_t)times[j];
            d->told_day = d->days[j];
        }
    }
    qsort(d->days, d->ndays, sizeof *d->days, cmp_i32);
}

void sl_profile_count(sl_engine *e, const sl_article *a, sl_draft *out)
{
    sl_profiler *p = sl_engine_profiler(e);
    sl_terms *t = sl_engine_terms(e);
    const sl_lexicon *lx = sl_engine_lexicon(e);
    map_clear(p);
    if (a->title)
        count_text(p, t, lx, NULL, a->lang, a->title, strlen(a->title), 2.0f);
    for (size_t i = 0; i < a->npara; i++)
        count_text(p, t, lx, NULL, a->lang, a->para[i], strlen(a->para[i]), 1.0f);
    count_names(p, a);
    memset(out, 0, sizeof *out);
    out->n = p->n;
    out->key = sl_xmalloc((p->n + 1) * sizeof *out->key);
    out->tf = sl_xmalloc((p->n + 1) * sizeof *out->tf);
    out->kind = sl_xmalloc(p->n + 1);
    out->surf = sl_xmalloc((p->n + 1) * sizeof *out->surf);
    out->pool = sl_xmalloc(p->pool.len + 1);
    memcpy(out->pool, p->pool.s ? p->pool.s : "", p->pool.len);
    out->pool[p->pool.len] = '\0';
    for (size_t i = 0; i < p->ntouched; i++)
        out->key[i] = p->cell[p->touched[i]].key;
    sl_sort_u64(out->key, out->n);
    for (size_t i = 0; i < out->n; i++) {
        size_t mask = p->cap - 1, j = (size_t)(out->key[i] * 0x9E3779B97F4A7C15ULL >> 17) & mask;
        while (p->cell[j].key != out->key[i])
            j = (j + 1) & mask;
        out->tf[i] = p->cell[j].tf;
        out->kind[i] = p->cell[j].kind;
        out->surf[i] = p->cell[j].surf;
    }
    count_days(a, out);
}

void sl_draft_free(sl_draft *d)
{
    if (!d)
        return;
    free(d->key);
    free(d->tf);
    free(d->kind);
    free(d->surf);
    free(d->pool);
    memset(d, 0, sizeof *d);
}

/* ---- weighing ------------------------------------------------------------------ */

typedef sl_feat wk; /* a weight being worked out */

/* Keeps the 'max' strongest of v[0..n) (equal keys summed first: two
 * words translated into one, or a 32-bit collision), unit length, sorted
 * by key, in out; returns how many. */
static size_t keep_best(wk *v, size_t n, size_t max, sl_feat *out)
{
    sl_feat_sort_key(v, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && v[k - 1].key == v[i].key)
            v[k - 1].w += v[i].w;
        else
            v[k++] = v[i];
    }
    n = k;
    sl_feat_sort_weight(v, n);
    if (n > max)
        n = max;
    double norm = 0;
    for (size_t i = 0; i < n; i++)
        norm += (double)v[i].w * v[i].w;
    norm = norm > 0 ? sqrt(norm) : 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (sl_feat){v[i].key, (float)(v[i].w / norm)};
    sl_feat_sort_key(out, n);
    return n;
}

/* The first paragraphs, until 600 bytes are passed, cut at 900 bytes (at
 * a character boundary), in *b. */
static void lead_of(const sl_article *a, sl_buf *b)
{
    for (size_t i = 0; i < a->npara && b->len < 600; i++) {
        if (b->len)
            sl_buf_puts(b, "\n\n");
        sl_buf_puts(b, a->para[i]);
    }
    if (b->len > 900) { /* cut at a character boundary */
        size_t n = 900;
        while (n && ((unsigned char)b->s[n] & 0xC0) == 0x80)
            n--;
        b->s[n] = '\0';
        b->len = n;
    }
}

static uint32_t words_of(const sl_article *a)
{
    uint32_t w = 0;
    for (size_t i = 0; i < a->npara; i++) {
        bool in = false;
        for (const char *s = a->para[i]; *s; s++) {
            bool sp = *s == ' ' || *s == '\n' || *s == '\t';
            w += !sp && !in;
            in = !sp;
        }
    }
    return w;
}

void sl_profile_count_df(sl_df *df, const sl_draft *d, int sign)
{
    sl_df_add(df, d->key, d->n, sign);
}

/* Where an article with no day of its own goes in time: the day it
 * mentions most, if its own month or year (a "date 2023-09" marker) allows
 * it; else the middle of that month; else the day it mentions most. */
static int32_t placed_day(sl_date own, int32_t told)
{
    if (own.precision == SL_DATE_DAY || own.precision == SL_DATE_NONE)
        return told;
    bool month = own.precision == SL_DATE_MONTH;
    int32_t lo = (int32_t)sl_date_to_days(own.year, month ? own.month : 1, 1);
    int32_t hi = month ? lo + sl_date_days_in_month(own.year, own.month) - 1
                       : (int32_t)sl_date_to_days(own.year, 12, 31);
    if (told != SL_NO_DAY && told >= lo && told <= hi)
        return told;
    return month ? lo + 14 : told;
}

/* A string to lay out: NULL stays NULL. */
typedef struct {
    const char *s;
    size_t n;
} str_view;

static str_view view(const char *s) { return (str_view){s, s ? strlen(s) : 0}; }

/* A profile in one block (a million of them are held at once, and one
 * allocation each wastes the least): h's scalars and counts (its pointers
 * are ignored), room for nt terms, ne names, nn numbers and nd days
 * (zeroed), then copies of the five strings id, title, site, url, lead. */
static sl_profile *lay_out(const sl_profile *h, size_t nt, size_t ne, size_t nn, size_t nd,
                           const str_view str[5])
{
    size_t bytes = sizeof *h + (nt + ne + nn) * sizeof(sl_feat) + nd * sizeof(int32_t);
    for (int k = 0; k < 5; k++)
        bytes += str[k].s ? str[k].n + 1 : 0;
    sl_profile *p = sl_xcalloc(1, bytes);
    *p = *h;
    p->terms = (sl_feat *)(p + 1);
    p->ents = p->terms + nt;
    p->nums = p->ents + ne;
    p->days = (int32_t *)(p->nums + nn);
    char *at = (char *)(p->days + nd), **dst[5] = {&p->id, &p->title, &p->site, &p->url, &p->lead};
    for (int k = 0; k < 5; k++) {
        *dst[k] = str[k].s ? at : NULL;
        if (str[k].s) {
            memcpy(at, str[k].s, str[k].n);
            at[str[k].n] = '\0';
            at += str[k].n + 1;
        }
    }
    return p;
}

/* The strings of p, to lay out again. */
static void views_of(const sl_profile *p, str_view str[5])
{
    str[0] = view(p->id), str[1] = view(p->title), str[2] = view(p->site);
    str[3] = view(p->url), str[4] = view(p->lead);
}

sl_profile *sl_profile_new(const sl_article *a, const sl_draft *d)
{
    sl_profile h = {0};
    snprintf(h.lang, sizeof h.lang, "%.7s", a->lang);
    h.day = a->date.precision >= SL_DATE_DAY
                ? (int32_t)sl_date_to_days(a->date.year, a->date.month, a->date.day)
                : SL_NO_DAY;
    h.day_prec = (uint8_t)a->date.precision;
    h.told_day = placed_day(a->date, d->told_day);
    memcpy(h.open, a->open, a->nopen * sizeof *a->open);
    h.nopen = a->nopen;
    h.words = words_of(a);
    h.ndays = d->ndays;
    sl_buf lead = {0};
    lead_of(a, &lead);
    str_view str[5] = {view(a->id ? a->id : ""), view(a->title), view(a->site), view(a->url),
                       {lead.s ? lead.s : "", lead.len}};
    sl_profile *p = lay_out(&h, SL_PROFILE_TERMS, SL_PROFILE_ENTS, SL_PROFILE_NUMS,
                            SL_PROFILE_DAYS, str);
    memcpy(p->days, d->days, d->ndays * sizeof *p->days);
    sl_buf_free(&lead);
    return p;
}

sl_profile *sl_profile_weigh(sl_profile *p, const sl_draft *d, const sl_df *df,
                             const sl_lexicon *lx, sl_vocab *vocab)
{
    wk *v[3];
    size_t nv[3] = {0, 0, 0}, cap = d->n * MAX_SENSES + 1;
    for (int k = 0; k < 3; k++)
        v[k] = sl_xmalloc(cap * sizeof(wk));
    double docs = (double)sl_df_docs(df) + 1;
    for (size_t i = 0; i < d->n; i++) {
        double idf = log(docs / ((double)sl_df_count(df, d->key[i]) + 0.5));
        if (idf < 0.05)
            idf = 0.05;
        double tf = d->tf[i] > 1 ? d->tf[i] : 1, w = (1 + log(tf)) * idf;
        if (d->kind[i] != SL_FEAT_SRC) {
            int k = d->kind[i];
            v[k][nv[k]++] = (wk){sl_feat_key(d->key[i]), (float)w};
            continue;
        }
        sl_translation tr[SL_LEXICON_K];
        size_t nt = translate(lx, df, d->key[i], tr);
        for (size_t j = 0; j < nt; j++) {
            v[SL_FEAT_TERM][nv[SL_FEAT_TERM]++] = (wk){sl_feat_key(tr[j].hash), (float)(w * tr[j].weight)};
            if (vocab)
                sl_vocab_add(vocab, sl_feat_key(tr[j].hash), tr[j].s);
        }
    }
    sl_feat t[SL_PROFILE_TERMS], en[SL_PROFILE_ENTS], nu[SL_PROFILE_NUMS];
    sl_profile h = *p;
    h.nterms = (uint8_t)keep_best(v[SL_FEAT_TERM], nv[SL_FEAT_TERM], SL_PROFILE_TERMS, t);
    h.nents = (uint8_t)keep_best(v[SL_FEAT_ENT], nv[SL_FEAT_ENT], SL_PROFILE_ENTS, en);
    h.nnums = (uint8_t)keep_best(v[SL_FEAT_NUM], nv[SL_FEAT_NUM], SL_PROFILE_NUMS, nu);
    for (int k = 0; k < 3; k++)
        free(v[k]);
    str_view str[5];
    views_of(p, str);
    sl_profile *q = lay_out(&h, h.nterms, h.nents, h.nnums, h.ndays, str);
    memcpy(q->terms, t, h.nterms * sizeof *t);
    memcpy(q->ents, en, h.nents * sizeof *en);
    memcpy(q->nums, nu, h.nnums * sizeof *nu);
    memcpy(q->days, p->days, h.ndays * sizeof *p->days);
    free(p);
    return q;
}

void sl_profile_free(sl_profile *p)
{
    if (!p)
        return;
    free(p); /* one block */
}

double sl_feat_dot(const sl_feat *a, size_t na, const sl_feat *b, size_t nb)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].key < b[j].key)
            i++;
        else if (a[i].key > b[j].key)
            j++;
        else
            s += (double)a[i++].w * b[j++].w;
    }
    return s;
}

/* ---- readable forms --------------------------------------------------------------- */

/* A slot: key and where its form starts, side by side, so a probe reads
 * one cache line (the table holds every word form the index has seen). */
typedef struct {
    uint32_t key, off; /* off + 1 into pool; 0 = empty slot */
} vslot;

struct sl_vocab {
    vslot *slot;
    size_t cap, n;
    sl_buf pool;
};

sl_vocab *sl_vocab_new(void) { return sl_xcalloc(1, sizeof(sl_vocab)); }

void sl_vocab_free(sl_vocab *v)
{
    if (!v)
        return;
    free(v->slot);
    sl_buf_free(&v->pool);
    free(v);
}

/* Where key's probe starts. */
static size_t vocab_home(const sl_vocab *v, uint32_t key)
{
    return (size_t)(key * 2654435761u) & (v->cap - 1);
}

static size_t vocab_slot(const sl_vocab *v, uint32_t key)
{
    size_t i = vocab_home(v, key);
    while (v->slot[i].off && v->slot[i].key != key)
        i = (i + 1) & (v->cap - 1);
    return i;
}

/* Grows the table so that 'more' forms fit with it at most half full. */
static void vocab_reserve(sl_vocab *v, size_t more)
{
    if ((v->n + more) * 2 <= v->cap)
        return;
    sl_vocab old = *v;
    v->cap = v->cap ? v->cap : 4096;
    while ((v->n + more) * 2 > v->cap)
        v->cap *= 2;
    v->slot = sl_xcalloc(v->cap, sizeof *v->slot);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i].off)
            v->slot[vocab_slot(v, old.slot[i].key)] = old.slot[i];
    free(old.slot);
}

void sl_vocab_add(sl_vocab *v, uint32_t key, const char *s)
{
    vocab_reserve(v, 1);
    size_t j = vocab_slot(v, key);
    if (v->slot[j].off)
        return;
    v->slot[j] = (vslot){key, (uint32_t)v->pool.len + 1};
    sl_buf_puts(&v->pool, s);
    sl_buf_putc(&v->pool, '\0');
    v->n++;
}

const char *sl_vocab_get(const sl_vocab *v, uint32_t key)
{
    if (!v->cap)
        return NULL;
    size_t j = vocab_slot(v, key);
    return v->slot[j].off ? v->pool.s + v->slot[j].off - 1 : NULL;
}

static bool feat_has(const sl_feat *f, size_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && f[lo].key == key;
}

void sl_vocab_note(sl_vocab *v, const sl_profile *p, const sl_draft *d)
{
    for (size_t i = 0; i < d->n; i++) {
        uint32_t k = sl_feat_key(d->key[i]);
        if (d->kind[i] == SL_FEAT_SRC || sl_vocab_get(v, k))
            continue;
        const sl_feat *f = d->kind[i] == SL_FEAT_TERM ? p->terms : d->kind[i] == SL_FEAT_ENT ? p->ents : p->nums;
        size_t n = d->kind[i] == SL_FEAT_TERM ? p->nterms : d->kind[i] == SL_FEAT_ENT ? p->nents : p->nnums;
        if (feat_has(f, n, k))
            sl_vocab_add(v, k, d->pool + d->surf[i]);
    }
}

/* ---- vectors of short texts ------------------------------------------------------- */

size_t sl_profile_text_vector(sl_engine *e, const sl_df *df, const char *lang, const char *s,
                              size_t n, sl_feat *out, size_t max)
{
    sl_profiler *p = sl_engine_profiler(e);
    map_clear(p);
    count_text(p, sl_engine_terms(e), sl_engine_lexicon(e), df, lang, s, n, 1.0f);
    wk *v = sl_xmalloc((p->n + 1) * sizeof *v);
    size_t k = 0;
    double docs = (double)sl_df_docs(df) + 1;
    for (size_t i = 0; i < p->ntouched; i++) {
        const cell *c = &p->cell[p->touched[i]];
        if (c->kind != SL_FEAT_TERM)
            continue;
        double idf = log(docs / ((double)sl_df_count(df, c->key) + 0.5));
        v[k++] = (wk){sl_feat_key(c->key), (float)((1 + log(c->tf > 1 ? c->tf : 1)) * (idf > 0.05 ? idf : 0.05))};
    }
    k = keep_best(v, k, max, out);
    free(v);
    return k;
}

/* ---- packing ------------------------------------------------------------------------ */

/* Layout (little endian): "SLPR" u8 version; strings id, title, site, url,
 * lead as u32 length + bytes (length 0xFFFFFFFF for NULL); lang[8]; i32 day;
 * u8 day_prec; i32 told_day; u32 words; u8 nterms, nents, nnums, ndays;
 * (u32 key, f32 w) x (nterms + nents + nnums); i32 x ndays; u8 nopen;
 * 6 bytes (kind, dir, m, d, i16 v) x nopen; u16 nforms, (u32 key, u8 len,
 * bytes) x nforms (the readable forms of its features); u32 crc32 of
 * everything before it. */
enum { PACK_VERSION = 3, NO_STR = 0xFFFFFFFFu };

static void put_u32(sl_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    sl_buf_put(b, (const char *)c, 4);
}

static void put_str(sl_buf *b, const char *s)
{
    if (!s) {
        put_u32(b, NO_STR);
        return;
    }
    size_t n = strlen(s);
    put_u32(b, (uint32_t)n);
    sl_buf_put(b, s, n);
}

static void put_feats(sl_buf *b, const sl_feat *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t w;
        memcpy(&w, &f[i].w, 4);
        put_u32(b, f[i].key);
        put_u32(b, w);
    }
}

/* Appends the readable forms of p's features that v knows: u16 count,
 * then (u32 key, u8 length, bytes) each. */
static void put_forms(sl_buf *b, const sl_profile *p, const sl_vocab *v)
{
    const sl_feat *arr[3] = {p->terms, p->ents, p->nums};
    size_t n[3] = {p->nterms, p->nents, p->nnums}, count = 0;
    size_t at = b->len;
    sl_buf_put(b, "\0\0", 2);
    for (int k = 0; k < 3 && v; k++)
        for (size_t i = 0; i < n[k]; i++) {
            const char *f = sl_vocab_get(v, arr[k][i].key);
            if (!f)
                continue;
            size_t len = strlen(f) > 255 ? 255 : strlen(f);
            put_u32(b, arr[k][i].key);
            sl_buf_putc(b, (char)len);
            sl_buf_put(b, f, len);
            count++;
        }
    b->s[at] = (char)(count & 0xFF);
    b->s[at + 1] = (char)(count >> 8);
}

unsigned char *sl_profile_pack(const sl_profile *p, const sl_vocab *v, size_t *len)
{
    sl_buf b = {0};
    sl_buf_put(&b, "SLPR", 4);
    sl_buf_putc(&b, PACK_VERSION);
    put_str(&b, p->id);
    put_str(&b, p->title);
    put_str(&b, p->site);
    put_str(&b, p->url);
    put_str(&b, p->lead);
    sl_buf_put(&b, p->lang, sizeof p->lang);
    put_u32(&b, (uint32_t)p->day);
    sl_buf_putc(&b, (char)p->day_prec);
    put_u32(&b, (uint32_t)p->told_day);
    put_u32(&b, p->words);
    sl_buf_putc(&b, (char)p->nterms);
    sl_buf_putc(&b, (char)p->nents);
    sl_buf_putc(&b, (char)p->nnums);
    sl_buf_putc(&b, (char)p->ndays);
    put_feats(&b, p->terms, p->nterms);
    put_feats(&b, p->ents, p->nents);
    put_feats(&b, p->nums, p->nnums);
    for (size_t i = 0; i < p->ndays; i++)
        put_u32(&b, (uint32_t)p->days[i]);
    sl_buf_putc(&b, (char)p->nopen);
    for (size_t i = 0; i < p->nopen; i++) {
        const sl_open_date *o = &p->open[i];
        char c[6] = {(char)o->kind, (char)o->dir, (char)o->m, (char)o->d, (char)(o->v & 0xFF),
                     (char)((o->v >> 8) & 0xFF)};
        sl_buf_put(&b, c, 6);
    }
    put_forms(&b, p, v);
    put_u32(&b, (uint32_t)crc32(0, (const Bytef *)b.s, (uInt)b.len));
    *len = b.len;
    return (unsigned char *)sl_buf_take(&b);
}

typedef struct {
    const unsigned char *s;
    size_t n, at;
    bool bad;
} reader;

static uint32_t get_u32(reader *r)
{
    if (r->n - r->at < 4) {
        r->bad = true;
        return 0;
    }
    const unsigned char *c = r->s + r->at;
    r->at += 4;
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

static uint8_t get_u8(reader *r)
{
    if (r->at >= r->n) {
        r->bad = true;
        return 0;
    }
    return r->s[r->at++];
}

/* A string of the buffer (borrowed), or {NULL} for none. */
static str_view get_str(reader *r)
{
    uint32_t n = get_u32(r);
    if (r->bad || n == NO_STR)
        return (str_view){NULL, 0};
    if (n > r->n - r->at || memchr(r->s + r->at, '\0', n)) {
        r->bad = true;
        return (str_view){NULL, 0};
    }
    str_view v = {(const char *)r->s + r->at, n};
    r->at += n;
    return v;
}

static void get_feats(reader *r, sl_feat *f, size_t n)
{
    for (size_t i = 0; i < n && !r->bad; i++) {
        f[i].key = get_u32(r);
        uint32_t w = get_u32(r);
        memcpy(&f[i].w, &w, 4);
        if (!(f[i].w == f[i].w) || (i && f[i].key <= f[i - 1].key))
            r->bad = true; /* NaN, or not sorted: not ours */
    }
}

enum { FORMS_AT_ONCE = 32 };

/* Adds forms s[0..n) of keys key[0..n) to v, in that order.  Their slots
 * are asked for first, all together: the table is large, and a restart
 * adds a hundred forms per article, each a wait for memory one at a time. */
static void vocab_add_batch(sl_vocab *v, size_t n, const uint32_t *key,
                            char (*s)[256])
{
    vocab_reserve(v, n);
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&v->slot[vocab_home(v, key[i])]);
    for (size_t i = 0; i < n; i++)
        sl_vocab_add(v, key[i], s[i]);
}

/* Reads the readable forms after the features into v (may be NULL). */
static void get_forms(reader *r, sl_vocab *v)
{
    size_t n = get_u8(r), m = 0;
    n |= (size_t)get_u8(r) << 8;
    uint32_t key[FORMS_AT_ONCE];
    char s[FORMS_AT_ONCE][256];
    for (size_t i = 0; i < n && !r->bad; i++) {
        key[m] = get_u32(r);
        size_t len = get_u8(r);
        if (r->bad || len > r->n - r->at || memchr(r->s + r->at, '\0', len)) {
            r->bad = true;
            break;
        }
        memcpy(s[m], r->s + r->at, len);
        s[m][len] = '\0';
        r->at += len;
        if (++m == FORMS_AT_ONCE) {
            if (v)
                vocab_add_batch(v, m, key, s);
            m = 0;
        }
    }
    if (v && m && !r->bad)
        vocab_add_batch(v, m, key, s);
}

sl_profile *sl_profile_unpack(const unsigned char *buf, size_t len, sl_vocab *v, char *err,
                              size_t errlen)
{
    const char *why = NULL;
    if (len < 9 || memcmp(buf, "SLPR", 4) != 0)
        why = "not a packed article";
    else if (buf[4] != PACK_VERSION)
        why = "packed by another version";
    else if ((uint32_t)crc32(0, buf, (uInt)(len - 4)) !=
             ((uint32_t)buf[len - 4] | (uint32_t)buf[len - 3] << 8 | (uint32_t)buf[len - 2] << 16 |
              (uint32_t)buf[len - 1] << 24))
        why = "checksum mismatch";
    if (why) {
        snprintf(err, errlen, "%s", why);
        return NULL;
    }
    reader r = {buf, len - 4, 5, false};
    str_view str[5];
    for (int k = 0; k < 5; k++)
        str[k] = get_str(&r);
    sl_profile h = {0};
    if (r.n - r.at >= sizeof h.lang) {
        memcpy(h.lang, r.s + r.at, sizeof h.lang);
        h.lang[sizeof h.lang - 1] = '\0';
        r.at += sizeof h.lang;
    } else {
        r.bad = true;
    }
    h.day = (int32_t)get_u32(&r);
    h.day_prec = get_u8(&r);
    h.told_day = (int32_t)get_u32(&r);
    h.words = get_u32(&r);
    h.nterms = get_u8(&r);
    h.nents = get_u8(&r);
    h.nnums = get_u8(&r);
    h.ndays = get_u8(&r);
    if (h.nterms > SL_PROFILE_TERMS || h.nents > SL_PROFILE_ENTS || h.nnums > SL_PROFILE_NUMS ||
        h.ndays > SL_PROFILE_DAYS || !str[0].s || !str[4].s)
        r.bad = true;
    sl_profile *p = r.bad ? NULL : lay_out(&h, h.nterms, h.nents, h.nnums, h.ndays, str);
    if (p) {
        get_feats(&r, p->terms, p->nterms);
        get_feats(&r, p->ents, p->nents);
        get_feats(&r, p->nums, p->nnums);
        for (size_t i = 0; i < p->ndays && !r.bad; i++)
            p->days[i] = (int32_t)get_u32(&r);
        p->nopen = get_u8(&r);
        if (p->nopen > SL_OPEN_MAX)
            r.bad = true;
        for (size_t i = 0; i < p->nopen && !r.bad; i++) {
            sl_open_date *o = &p->open[i];
            o->kind = get_u8(&r);
            o->dir = (int8_t)get_u8(&r);
            o->m = get_u8(&r);
            o->d = get_u8(&r);
            uint8_t lo = get_u8(&r), hi = get_u8(&r);
            o->v = (int16_t)(uint16_t)(lo | hi << 8);
        }
        if (!r.bad)
            get_forms(&r, v);
    }
    if (!p || r.bad || r.at != r.n) {
        snprintf(err, errlen, "packed article is damaged");
        sl_profile_free(p);
        return NULL;
    }
    return p;
}
