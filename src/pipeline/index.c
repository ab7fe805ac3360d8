/*
 * index.c -- sl_index: the pipeline after reading, for a batch or a stream.
 *
 *   sl_index_add     prepare (clean, language, dates, names)
 *                    -> count (profile.c: a draft of raw counts)
 *                    -> document frequencies learn the article
 *                    -> profile (weighed now, or at the end of the warm-up)
 *                    -> queued
 *   sl_index_update  queued profiles in date order -> events (events.c)
 *                    -> merge pass
 *   *_json, *_text   describe (src/describe/) what is there now
 *
 * Warm-up: weights need document frequencies, and the first articles of a
 * stream have seen few others.  So the first WARM_UP articles are kept as
 * drafts and weighed together (at the first update, or when the warm-up
 * is full); later ones are weighed as they come, against all seen so far.
 * A batch smaller than WARM_UP is therefore weighed exactly as a two-pass
 * program would.
 *
 * Order: articles are clustered by date; an undated article is placed at
 * the day it mentions most, or, mentioning none, after all dated ones,
 * where it can join any event (its content decides alone).
 *
 * Tests: tests/cli/test_events.sh; figures: bench/eval_events.sh.
 */
#include "../analyze/profile.h"
#include "../cluster/cluster.h"
#include "../dedup/dedup.h"
#include "../describe/describe.h"
#include "../text/terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>
#include <zlib.h>

enum { WARM_UP = 4096 };

struct sl_index {
    sl_engine *e;
    sl_index_options opt;
    sl_df *df;
    sl_vocab *vocab;
    sl_profile **prof; /* owned, in the order added */
    size_t n, cap;
    sl_draft *draft;   /* drafts of prof[0 .. ndraft) during the warm-up */
    size_t ndraft;
    bool warm;         /* the warm-up is over */
    uint32_t *pending; /* profiles added since the last update */
    size_t npending, cpending;
    sl_events *events;
    sl_dedup *copies;    /* the copy index (src/dedup/) */
    sl_stories *stories; /* linked on demand; NULL when out of date */
    uint32_t *cnum;    /* profile number -> its number in the clusterer + 1
                          (0: not clustered yet), grown with prof */
    uint32_t *copy_of; /* profile number -> the one it copies + 1 (0: none) */
    /* copy records of restored articles not yet in the copy index: each
     * a profile number (u32) then SL_DEDUP_PACKED bytes, oldest first */
    unsigned char *later;
    size_t nlater, hlater, clater; /* bytes: waiting are later[hlater .. nlater) */
    uint32_t *slot;    /* id -> profile number + 1 (0: empty), open addressing */
    size_t nslot;      /* a power of two, or 0 */
};

/* ---- ids ---------------------------------------------------------------------- */

#define GONE UINT32_MAX /* a slot whose article was removed */

/* The slot holding 'id', or the empty slot where it would go. */
static size_t id_slot(const sl_index *x, const char *id)
{
    size_t mask = x->nslot - 1, i = (size_t)XXH3_64bits(id, strlen(id)) & mask;
    while (x->slot[i] && (x->slot[i] == GONE || strcmp(x->prof[x->slot[i] - 1]->id, id) != 0))
        i = (i + 1) & mask;
    return i;
}

static void id_put(sl_index *x, uint32_t k)
{
    if ((x->n + 1) * 2 > x->nslot) {
        uint32_t *old = x->slot;
        size_t oldn = x->nslot;
        x->nslot = oldn ? oldn * 2 : 1024;
        x->slot = sl_xcalloc(x->nslot, sizeof *x->slot);
        for (size_t i = 0; i < oldn; i++)
            if (old[i] && old[i] != GONE)
                x->slot[id_slot(x, x->prof[old[i] - 1]->id)] = old[i];
        free(old);
    }
    x->slot[id_slot(x, x->prof[k]->id)] = k + 1;
}

/* The profile number of 'id', or -1. */
static long id_find(const sl_index *x, const char *id)
{
    if (!x->nslot)
        return -1;
    uint32_t v = x->slot[id_slot(x, id)];
    return v ? (long)v - 1 : -1;
}

sl_index *sl_index_new(sl_engine *e, const sl_index_options *opt)
{
    sl_index *x = sl_xcalloc(1, sizeof *x);
    x->e = e;
    if (opt)
        x->opt = *opt;
    x->df = sl_df_new();
    sl_df_pad(x->df, x->opt.prior_docs ? x->opt.prior_docs : SL_DF_PRIOR);
    x->vocab = sl_vocab_new();
    x->draft = sl_xcalloc(WARM_UP, sizeof *x->draft);
    sl_events_opts eo = {x->opt.event_threshold, x->opt.window_days};
    x->events = sl_events_new(&eo);
    x->copies = sl_dedup_new(e);
    return x;
}

void sl_index_free(sl_index *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n; i++)
        sl_profile_free(x->prof[i]);
    for (size_t i = 0; i < x->ndraft; i++)
        sl_draft_free(&x->draft[i]);
    free(x->draft);
    free(x->prof);
    free(x->pending);
    free(x->slot);
    free(x->cnum);
    free(x->copy_of);
    free(x->later);
    sl_stories_free(x->stories);
    sl_events_free(x->events);
    sl_dedup_free(x->copies);
    sl_vocab_free(x->vocab);
    sl_df_free(x->df);
    free(x);
}

size_t sl_index_size(const sl_index *x) { return x->n; }

/* Makes room for one more profile (and its clusterer number). */
static void grow_profiles(sl_index *x)
{
    size_t cap = x->cap;
    sl_grow((void **)&x->prof, &x->cap, x->n + 1, sizeof *x->prof);
    if (x->cap != cap || !x->cnum) {
        x->cnum = sl_xrealloc(x->cnum, x->cap * sizeof *x->cnum);
        memset(x->cnum + cap, 0, (x->cap - cap) * sizeof *x->cnum);
        x->copy_of = sl_xrealloc(x->copy_of, x->cap * sizeof *x->copy_of);
        memset(x->copy_of + cap, 0, (x->cap - cap) * sizeof *x->copy_of);
    }
}

/* Weighs the drafts kept during the warm-up, and ends it. */
static void end_warm_up(sl_index *x)
{
    for (size_t i = 0; i < x->ndraft; i++) {
        if (x->prof[i]) { /* NULL: removed meanwhile */
            x->prof[i] = sl_profile_weigh(x->prof[i], &x->draft[i], x->df, sl_engine_lexicon(x->e),
                                          x->vocab);
            sl_vocab_note(x->vocab, x->prof[i], &x->draft[i]);
        }
        sl_draft_free(&x->draft[i]);
    }
    x->ndraft = 0;
    x->warm = true;
}

sl_status sl_index_add(sl_index *x, sl_article *a)
{
    if (a->id && id_find(x, a->id) >= 0) {
        sl_engine_seterr(x->e, "%s: an article with this id was read before; skipped", a->id);
        sl_article_free(a);
        return SL_EINPUT;
    }
    sl_article_prepare(x->e, a);
    if (a->npara == 0 && !a->title) {
        sl_engine_seterr(x->e, "%s: no usable text", a->id ? a->id : "article");
        sl_article_free(a);
        return SL_EINPUT;
    }
    sl_dedup_result copy = {0};
    sl_dedup_add(x->copies, a, &copy); /* cannot fail: the id is new here (a removed
                                          article left the copy index too) */
    long orig = copy.match ? id_find(x, copy.match) : -1;
    sl_draft d;
    sl_profile_count(x->e, a, &d);
    sl_profile_count_df(x->df, &d, +1);
    sl_profile *p = sl_profile_new(a, &d);
    sl_article_free(a);
    if (x->warm) {
        p = sl_profile_weigh(p, &d, x->df, sl_engine_lexicon(x->e), x->vocab);
        sl_vocab_note(x->vocab, p, &d);
        sl_draft_free(&d);
    } else {
        x->draft[x->ndraft++] = d;
    }
    grow_profiles(x);
    x->prof[x->n] = p;
    x->copy_of[x->n] = orig >= 0 ? (uint32_t)orig + 1 : 0;
    id_put(x, (uint32_t)x->n);
    sl_grow((void **)&x->pending, &x->cpending, x->npending + 1, sizeof *x->pending);
    x->pending[x->npending++] = (uint32_t)x->n++;
    if (!x->warm && x->ndraft == WARM_UP)
        end_warm_up(x);
    return SL_OK;
}

/* ---- update ------------------------------------------------------------------ */

typedef struct {
    int64_t day; /* where it goes in time */
    uint32_t i;
} placed;

static int cmp_placed(const void *a, const void *b)
{
    const placed *p = a, *q = b;
    if (p->day != q->day)
        return p->day < q->day ? -1 : 1;
    return (p->i > q->i) - (p->i < q->i);
}

void sl_index_update(sl_index *x)
{
    if (!x->warm)
        end_warm_up(x);
    placed *order = sl_xmalloc((x->npending + 1) * sizeof *order);
    size_t n = 0;
    for (size_t k = 0; k < x->npending; k++) {
        const sl_profile *p = x->prof[x->pending[k]];
        if (!p)
            continue; /* removed before it was clustered */
        int64_t day = p->day != SL_NO_DAY ? p->day : p->told_day != SL_NO_DAY ? p->told_day : INT64_MAX;
        order[n++] = (placed){day, x->pending[k]};
    }
    qsort(order, n, sizeof *order, cmp_placed);
    for (size_t k = 0; k < n; k++) {
        uint32_t i = order[k].i, orig = x->copy_of[i];
        uint32_t ev = orig && x->prof[orig - 1] && x->cnum[orig - 1]
                          ? sl_events_id_of(x->events, x->cnum[orig - 1] - 1) : 0;
        x->cnum[i] = (uint32_t)sl_events_nprofiles(x->events) + 1;
        if (ev) /* a copy goes where its original went */
            sl_events_put(x->events, x->prof[i], ev);
        else
            sl_events_add(x->events, x->prof[i]);
    }
    free(order);
    x->npending = 0;
    sl_events_merge(x->events);
    sl_stories_free(x->stories);
    x->stories = NULL;
}

/* ---- output -------------------------------------------------------------------- */

static sl_describe_ctx ctx_of(sl_index *x)
{
    if (!x->stories)
        x->stories = sl_stories_link(x->events, NULL);
    return (sl_describe_ctx){x->events, x->stories, x->vocab, x->e, x->df, x->copies};
}

char *sl_index_copies_json(sl_index *x)
{
    return sl_dedup_json(x->copies);
}

char *sl_index_stories_json(sl_index *x, const sl_query *q)
{
    sl_describe_ctx c = ctx_of(x);
    return sl_describe_stories(&c, q, false, NULL);
}

char *sl_index_stories_text(sl_index *x, const sl_query *q)
{
    sl_describe_ctx c = ctx_of(x);
    return sl_describe_stories(&c, q, true, NULL);
}

char *sl_index_story_json(sl_index *x, const char *id)
{
    sl_describe_ctx c = ctx_of(x);
    char *s = sl_describe_stories(&c, NULL, false, id);
    if (!s)
        sl_engine_seterr(x->e, "%s: no such story", id);
    return s;
}

char *sl_index_events_json(sl_index *x, const sl_query *q)
{
    sl_describe_ctx c = ctx_of(x);
    return sl_describe_events(&c, q, false);
}

char *sl_index_events_text(sl_index *x, const sl_query *q)
{
    sl_describe_ctx c = ctx_of(x);
    return sl_describe_events(&c, q, true);
}

/* ---- similarity ------------------------------------------------------------------ */

typedef struct {
    uint32_t key;
    double w;
} contrib;

static int cmp_contrib(const void *a, const void *b)
{
    double x = ((const contrib *)a)->w, y = ((const contrib *)b)->w;
    return (x < y) - (x > y);
}

/* The readable forms of the features a and b share, strongest first. */
static void put_shared(sl_buf *b, const sl_vocab *v, const sl_feat *fa, size_t na,
                       const sl_feat *fb, size_t nb, size_t max)
{
    contrib c[SL_PROFILE_TERMS];
    size_t n = 0;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (fa[i].key < fb[j].key)
            i++;
        else if (fa[i].key > fb[j].key)
            j++;
        else
            c[n++] = (contrib){fa[i].key, (double)fa[i].w * fb[j].w}, i++, j++;
    }
    qsort(c, n, sizeof *c, cmp_contrib);
    sl_buf_putc(b, '[');
    for (size_t i = 0, k = 0; i < n && k < max; i++) {
        const char *s = sl_vocab_get(v, c[i].key);
        if (!s)
            continue;
        if (k++)
            sl_buf_putc(b, ',');
        sl_buf_json_str(b, s);
    }
    sl_buf_putc(b, ']');
}

char *sl_index_similarity_json(sl_index *x, const char *ida, const char *idb)
{
    long ia = id_find(x, ida), ib = id_find(x, idb);
    if (ia < 0 || ib < 0) {
        sl_engine_seterr(x->e, "%s: no such article", ia < 0 ? ida : idb);
        return NULL;
    }
    if (!x->warm)
        end_warm_up(x);
    const sl_profile *a = x->prof[ia], *b = x->prof[ib];
    sl_sim_parts p;
    sl_sim_parts_of(a, b, &p);
    double score = sl_sim_score(&p), pe = sl_sim_p_event(&p);
    sl_buf o = {0};
    sl_buf_puts(&o, "{\"a\":");
    sl_buf_json_str(&o, a->id);
    sl_buf_puts(&o, ",\"b\":");
    sl_buf_json_str(&o, b->id);
    sl_buf_printf(&o, ",\"score\":%.2f,\"same_event\":%s,\"p_event\":%.3f,\"p_story\":%.3f,"
                  "\"parts\":{\"terms\":%.3f,\"shared_terms\":",
                  score, pe >= 0.5 ? "true" : "false", pe, sl_sim_p_story(&p), p.terms);
    put_shared(&o, x->vocab, a->terms, a->nterms, b->terms, b->nterms, 10);
    sl_buf_printf(&o, ",\"entities\":%.3f,\"shared_entities\":", p.ents);
    put_shared(&o, x->vocab, a->ents, a->nents, b->ents, b->nents, 10);
    sl_buf_printf(&o, ",\"numbers\":%.3f,\"shared_numbers\":", p.nums);
    put_shared(&o, x->vocab, a->nums, a->nnums, b->nums, b->nnums, 10);
    if (p.day_gap >= 0)
        sl_buf_printf(&o, ",\"day_gap\":%d", p.day_gap);
    else
        sl_buf_puts(&o, ",\"day_gap\":null");
    if (p.told_gap >= 0)
        sl_buf_printf(&o, ",\"inferred_day_gap\":%d", p.told_gap);
    sl_buf_printf(&o, ",\"shared_day\":%s,\"titles\":[", p.shared_day ? "true" : "false");
    if (a->title)
        sl_buf_json_str(&o, a->title);
    else
        sl_buf_puts(&o, "null");
    sl_buf_putc(&o, ',');
    if (b->title)
        sl_buf_json_str(&o, b->title);
    else
        sl_buf_puts(&o, "null");
    sl_buf_puts(&o, "],\"languages\":[");
    sl_buf_json_str(&o, a->lang);
    sl_buf_putc(&o, ',');
    sl_buf_json_str(&o, b->lang);
    sl_buf_puts(&o, "]}}");
    return sl_buf_take(&o);
}

/* ---- keeping an index across restarts ----------------------------------------------- */

/* An article's pack holds what each of its indexes keeps of it, every
 * integer little-endian:
 *
 *   "SLIX", version u8 (2; a version 1 pack holds a copy sketch made
 *                before minhash.c stopped densifying its small bins, so it
 *                is refused and the article read and analysed again)
 *   profile      u32 length, then sl_profile_pack() (checksummed itself)
 *   copy record  u32 length (0: none), then sl_dedup_pack()
 *   crc          u32: zlib CRC-32 of every byte before it
 *
 * so a restart puts the article back in its event and in the copy index,
 * with no text read again.  A bare profile pack ("SLPR": made before the
 * copy record was kept) restores too, into its event only. */
#define PACK_MAGIC "SLIX"
enum { PACK_VERSION = 2, PACK_HEAD = 5 };

static void put_u32le(sl_buf *b, uint32_t v)
{
    char c[4] = {(char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24)};
    sl_buf_put(b, c, 4);
}

static uint32_t get_u32le(const unsigned char *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

unsigned char *sl_index_pack_article(sl_index *x, const char *id, size_t *len)
{
    long i = id_find(x, id);
    if (i < 0) {
        sl_engine_seterr(x->e, "%s: no such article", id);
        return NULL;
    }
    if (!x->warm)
        end_warm_up(x);
    size_t np;
    unsigned char *prof = sl_profile_pack(x->prof[i], x->vocab, &np);
    sl_buf b = {0};
    sl_buf_put(&b, PACK_MAGIC, 4);
    sl_buf_putc(&b, PACK_VERSION);
    put_u32le(&b, (uint32_t)np);
    sl_buf_put(&b, (const char *)prof, np);
    free(prof);
    size_t at = b.len;
    put_u32le(&b, 0);
    if (sl_dedup_pack(x->copies, id, &b)) { /* its length, now known */
        uint32_t n = (uint32_t)(b.len - at - 4);
        for (int k = 0; k < 4; k++)
            b.s[at + (size_t)k] = (char)(n >> (8 * k));
    }
    put_u32le(&b, (uint32_t)crc32(0, (const Bytef *)b.s, (uInt)b.len));
    *len = b.len;
    return (unsigned char *)sl_buf_take(&b);
}

/* Finds the profile and copy record in a pack; false if it is not an
 * intact one (a bare profile pack is all profile, with no copy record). */
static bool open_pack(const unsigned char *buf, size_t len, const unsigned char **prof,
                      size_t *nprof, const unsigned char **copy, size_t *ncopy)
{
    *copy = NULL, *ncopy = 0;
    if (len < PACK_HEAD || memcmp(buf, PACK_MAGIC, 4) != 0) {
        *prof = buf, *nprof = len; /* the profile's own checks decide */
        return true;
    }
    if (buf[4] != PACK_VERSION || len < PACK_HEAD + 12 ||
        get_u32le(buf + len - 4) != (uint32_t)crc32(0, buf, (uInt)(len - 4)))
        return false;
    size_t end = len - 4, at = PACK_HEAD;
    *nprof = get_u32le(buf + at);
    at += 4;
    if (*nprof > end - at || end - at - *nprof < 4)
        return false;
    *prof = buf + at;
    at += *nprof;
    *ncopy = get_u32le(buf + at);
    at += 4;
    *copy = *ncopy ? buf + at : NULL;
    return *ncopy == end - at;
}

unsigned sl_index_article_event(const sl_index *x, const char *id)
{
    long i = id_find(x, id);
    if (i < 0 || !x->cnum[i])
        return 0;
    return sl_events_id_of(x->events, x->cnum[i] - 1);
}

sl_status sl_index_restore_article(sl_index *x, const unsigned char *buf, size_t len,
                                   unsigned event)
{
    char err[128];
    const unsigned char *pb, *cb;
    size_t np, nc;
    if (len > PACK_HEAD && memcmp(buf, PACK_MAGIC, 4) == 0 && buf[4] == 1) {
        sl_engine_seterr(x->e, "packed by an older storyline: analyse it again");
        return SL_EINPUT;
    }
    if (!open_pack(buf, len, &pb, &np, &cb, &nc)) {
        sl_engine_seterr(x->e, "packed article is damaged");
        return SL_EINPUT;
    }
    sl_profile *p = sl_profile_unpack(pb, np, x->vocab, err, sizeof err);
    if (!p) {
        sl_engine_seterr(x->e, "%s", err);
        return SL_EINPUT;
    }
    if (id_find(x, p->id) >= 0) {
        sl_engine_seterr(x->e, "%s: an article with this id is in the index", p->id);
        sl_profile_free(p);
        return SL_EINPUT;
    }
    if (cb && nc != SL_DEDUP_PACKED) {
        sl_engine_seterr(x->e, "%s: packed article is damaged (copy record)", p->id);
        sl_profile_free(p);
        return SL_EINPUT;
    }
    if (!x->warm)
        end_warm_up(x);
    grow_profiles(x);
    if (cb) { /* for sl_index_restore_copies() */
        sl_grow((void **)&x->later, &x->clater, x->nlater + 4 + nc, 1);
        uint32_t i = (uint32_t)x->n;
        memcpy(x->later + x->nlater, &i, 4);
        memcpy(x->later + x->nlater + 4, cb, nc);
        x->nlater += 4 + nc;
    }
    x->prof[x->n] = p;
    id_put(x, (uint32_t)x->n);
    if (event) {
        x->cnum[x->n] = (uint32_t)sl_events_nprofiles(x->events) + 1;
        sl_events_put(x->events, p, event);
        sl_stories_free(x->stories);
        x->stories = NULL;
    } else {
        sl_grow((void **)&x->pending, &x->cpending, x->npending + 1, sizeof *x->pending);
        x->pending[x->npending++] = (uint32_t)x->n;
    }
    x->n++;
    return SL_OK;
}

size_t sl_index_restore_copies(sl_index *x, size_t max)
{
    const size_t rec = 4 + SL_DEDUP_PACKED;
    for (size_t k = 0; x->hlater < x->nlater && (max == 0 || k < max); k++) {
        uint32_t i;
        memcpy(&i, x->later + x->hlater, 4);
        const unsigned char *b = x->later + x->hlater + 4;
        x->hlater += rec;
        if (!x->prof[i]) /* removed meanwhile */
            continue;
        sl_dedup_result copy = {0};
        if (sl_dedup_add_packed(x->copies, x->prof[i]->id, b, SL_DEDUP_PACKED, &copy) == SL_OK &&
            copy.match && !x->copy_of[i]) {
            long orig = id_find(x, copy.match);
            x->copy_of[i] = orig >= 0 ? (uint32_t)orig + 1 : 0;
        }
    }
    size_t left = (x->nlater - x->hlater) / rec;
    if (!left) {
        free(x->later);
        x->later = NULL;
        x->nlater = x->hlater = x->clater = 0;
    }
    return left;
}

unsigned char *sl_index_pack_df(const sl_index *x, size_t *len)
{
    return sl_df_pack(x->df, len);
}

sl_status sl_index_restore_df(sl_index *x, const unsigned char *buf, size_t len)
{
    char err[128];
    sl_df *d = sl_df_unpack(buf, len, err, sizeof err);
    if (!d) {
        sl_engine_seterr(x->e, "document frequencies: %s", err);
        return SL_EINPUT;
    }
    sl_df_free(x->df);
    x->df = d;
    return SL_OK;
}

sl_status sl_index_remove(sl_index *x, const char *id)
{
    long i = id_find(x, id);
    if (i < 0) {
        sl_engine_seterr(x->e, "%s: no such article", id);
        return SL_EINPUT;
    }
    if (x->cnum[i])
        sl_events_remove(x->events, x->cnum[i] - 1);
    sl_dedup_remove(x->copies, id);
    x->slot[id_slot(x, id)] = GONE;
    sl_profile_free(x->prof[i]);
    x->prof[i] = NULL;
    sl_stories_free(x->stories);
    x->stories = NULL;
    return SL_OK;
}
