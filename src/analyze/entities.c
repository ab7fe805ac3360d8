/*
 * entities.c -- the names an article mentions, each with its matching key
 * and its count.
 *
 * Every piece of the article (title, paragraphs) is tokenized once; a first
 * pass gathers the evidence that tells names from capitalised common words
 * and a second reports the names (both in name_find.c).  Here the mentions
 * are grouped: two mentions are one entity when their words fold to the
 * same form after Cyrillic case endings are cut (name_forms.c), so
 * "Erdoğan" / "Erdogan" and "Антверпена" / "Антверпен" meet.  Then
 *
 *   - a German or Dutch genitive joins its name ("Putins" -> "Putin");
 *   - a short name that ends a unique longer one joins it ("Solheim" ->
 *     "Ingrid Solheim", "De Smet" -> "Katrien De Smet"), unless the longer
 *     one is built with "of" ("Antwerp" stays apart from "Port of Antwerp");
 *   - each entity gets its key, sl_norm_name_key() of its (stemmed) words:
 *     NFKC, case folded, accents stripped, transliterated to Latin, so keys
 *     meet across scripts ("Путин" and "Putin" give "putin").
 *
 * Entities are listed by count, then by first appearance.  An article has
 * at most MAX_ENTITIES; a hostile one costs linear time, not more.
 *
 * Tests: tests/analyze/test_entities.c; spot checks: bench/dates_eval.c.
 */
#include "analyze_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ENTITIES 500

typedef struct {
    char *fold;     /* merge form: folded stems joined by spaces */
    char *name;     /* shown: the first uninflected form met */
    char *keysrc;   /* what the key is made of: the stems as written */
    char *key;
    uint64_t hash;  /* of fold */
    bool plain;     /* name is uninflected */
    bool has_of;    /* built with "of" / "for" */
    bool dead;      /* merged into another group */
    int count, nwords, order;
    sl_entity_kind kind;
} group;

typedef struct {
    sl_norm *norm;
    group *g;
    size_t n, cap;
    int32_t *slot; /* open addressing over g by hash, -1 empty */
    size_t mask;
} groups;

/* ---- groups --------------------------------------------------------------- */

static void rehash(groups *gs)
{
    size_t cap = gs->mask ? (gs->mask + 1) * 2 : 64;
    free(gs->slot);
    gs->slot = sl_xmalloc(cap * sizeof *gs->slot);
    for (size_t i = 0; i < cap; i++)
        gs->slot[i] = -1;
    gs->mask = cap - 1;
    for (size_t k = 0; k < gs->n; k++) {
        size_t i = gs->g[k].hash & gs->mask;
        while (gs->slot[i] >= 0)
            i = (i + 1) & gs->mask;
        gs->slot[i] = (int32_t)k;
    }
}

/* The group with merge form f, or NULL; *at is the slot to fill if none. */
static group *find_group(groups *gs, const char *f, uint64_t h, size_t *at)
{
    size_t i = h & gs->mask;
    for (; gs->slot[i] >= 0; i = (i + 1) & gs->mask) {
        group *g = &gs->g[gs->slot[i]];
        if (g->hash == h && !strcmp(g->fold, f))
            return g;
    }
    *at = i;
    return NULL;
}

typedef struct {
    sl_buf surface, keysrc, fold;
    bool plain, has_of;
} name_parts;

/* Appends s[0..n) to b, without its dots for an acronym ("U.S." -> "US"). */
static void put_kept(sl_buf *b, const char *s, size_t n, sl_entity_kind kind)
{
    if (kind != SL_ENT_ACRONYM) {
        sl_buf_put(b, s, n);
        return;
    }
    for (size_t k = 0; k < n; k++)
        if (s[k] != '.')
            sl_buf_putc(b, s[k]);
}

/* Builds the three forms of a name from its words; false if a word is too
 * long to fold. */
static bool make_parts(const char *s, const sl_nword *w, size_t n, sl_entity_kind kind,
                       name_parts *p)
{
    p->plain = true;
    p->has_of = false;
    for (size_t i = 0; i < n; i++) {
        const char *word = s + w[i].off;
        size_t stem = sl_an_stem_len(word, w[i].len);
        char f[SL_AN_WORD_MAX];
        size_t nf = sl_an_fold(word, stem, f, sizeof f);
        if (!nf)
            return false;
        if (i) {
            sl_buf_putc(&p->surface, ' ');
            sl_buf_putc(&p->keysrc, ' ');
            sl_buf_putc(&p->fold, ' ');
        }
        sl_buf_put(&p->surface, word, w[i].len);
        put_kept(&p->keysrc, word, stem, kind);
        put_kept(&p->fold, f, nf, kind);
        p->plain &= stem == w[i].len;
        p->has_of |= (nf == 2 && !memcmp(f, "of", 2)) || (nf == 3 && !memcmp(f, "for", 3));
    }
    return p->fold.len > 0;
}

/* Counts one mention with the forms in p under its group (by fold),
 * making the group if it is new.  Takes the buffers a new group keeps;
 * the caller frees p's buffers after. */
static void count_mention(groups *gs, name_parts *p, int nwords, sl_entity_kind kind)
{
    uint64_t h = sl_an_hash(p->fold.s, p->fold.len);
    size_t at = 0;
    group *g = find_group(gs, p->fold.s, h, &at);
    if (g) {
        g->count++;
        if (!g->plain && p->plain) {
            free(g->name);
            g->name = sl_buf_take(&p->surface);
            g->plain = true;
        }
    } else if (gs->n < MAX_ENTITIES) {
        sl_grow((void **)&gs->g, &gs->cap, gs->n + 1, sizeof *gs->g);
        gs->g[gs->n] = (group){sl_buf_take(&p->fold), sl_buf_take(&p->surface),
                               sl_buf_take(&p->keysrc), NULL, h, p->plain, p->has_of,
                               false, 1, nwords, (int)gs->n, kind};
        gs->slot[at] = (int32_t)gs->n++;
        if (gs->n * 2 > gs->mask + 1)
            rehash(gs);
    }
}

/* Receives one name from name_find.c (sl_name_emit). */
static void add_name(void *ctx, const char *s, const sl_nword *w, size_t n, sl_entity_kind kind)
{
    groups *gs = ctx;
    name_parts p = {{0}, {0}, {0}, true, false};
    if (make_parts(s, w, n, kind, &p))
        count_mention(gs, &p, (int)n, kind);
    sl_buf_free(&p.surface);
    sl_buf_free(&p.keysrc);
    sl_buf_free(&p.fold);
}

/* Receives one place from name_places.c (sl_place_emit): its mentions
 * group under its English name, which is also what its key is made of. */
static void add_place(void *ctx, const char *s, size_t n, const char *english)
{
    groups *gs = ctx;
    name_parts p = {{0}, {0}, {0}, true, false};
    sl_norm_word_key(gs->norm, english, strlen(english), &p.fold);
    sl_buf_put(&p.surface, s, n);
    sl_buf_puts(&p.keysrc, english);
    if (p.fold.len)
        count_mention(gs, &p, 1, SL_ENT_NAME);
    sl_buf_free(&p.surface);
    sl_buf_free(&p.keysrc);
    sl_buf_free(&p.fold);
}

static void free_group(group *g)
{
    free(g->fold);
    free(g->name);
    free(g->keysrc);
    free(g->key);
}

/* ---- merging -------------------------------------------------------------- */

static void merge_into(group *from, group *to)
{
    to->count += from->count;
    if (from->order < to->order)
        to->order = from->order;
    from->dead = true;
}

/* German, Dutch, Scandinavian genitive: "Putins" joins "Putin". */
static void merge_genitives(groups *gs)
{
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[i];
        size_t n = strlen(g->fold), at;
        if (g->dead || g->kind != SL_ENT_NAME || n < 4 || g->fold[n - 1] != 's')
            continue;
        g->fold[n - 1] = '\0';
        group *base = find_group(gs, g->fold, sl_an_hash(g->fold, n - 1), &at);
        g->fold[n - 1] = 's';
        if (base && base != g && !base->dead)
            merge_into(g, base);
    }
}

static bool ends_with_words(const char *longer, const char *shorter)
{
    size_t a = strlen(longer), b = strlen(shorter);
    return a > b + 1 && longer[a - b - 1] == ' ' && !strcmp(longer + a - b, shorter);
}

/* "Solheim" joins "Ingrid Solheim" when no other name ends in it; two-word
 * names first, so "De Smet" joins "Katrien De Smet" before "Smet" looks. */
static void merge_suffixes(groups *gs)
{
    for (int words = 2; words >= 1; words--) {
        for (size_t i = 0; i < gs->n; i++) {
            group *g = &gs->g[i], *only = NULL;
            if (g->dead || g->kind != SL_ENT_NAME || g->nwords != words)
                continue;
            int found = 0;
            for (size_t j = 0; j < gs->n && found < 2; j++) {
                group *l = &gs->g[j];
                if (!l->dead && l->kind == SL_ENT_NAME && !l->has_of && l->nwords > words &&
                    ends_with_words(l->fold, g->fold))
                    only = l, found++;
            }
            if (found == 1)
                merge_into(g, only);
        }
    }
}

static int by_key(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->dead != y->dead)
        return x->dead ? 1 : -1;
    if (x->dead)
        return 0;
    int c = strcmp(x->key, y->key);
    return c ? c : x->order - y->order;
}

static int by_count(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->dead != y->dead)
        return x->dead ? 1 : -1;
    if (x->count != y->count)
        return y->count - x->count;
    return x->order - y->order;
}

/* Keys, and groups whose keys turn out equal joined ("ß" and "ss"). */
static void make_keys(groups *gs)
{
    if (!gs->n)
        return;
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[i];
        if (g->dead)
            continue;
        sl_buf k = {0};
        sl_norm_word_name_key(gs->norm, g->keysrc, strlen(g->keysrc), &k);
        g->key = sl_buf_take(&k);
        if (!g->key[0])
            g->dead = true;
    }
    qsort(gs->g, gs->n, sizeof *gs->g, by_key); /* the dead last */
    group *live = NULL;
    for (size_t i = 0; i < gs->n && !gs->g[i].dead; i++) {
        if (live && !strcmp(live->key, gs->g[i].key))
            merge_into(&gs->g[i], live);
        else
            live = &gs->g[i];
    }
    qsort(gs->g, gs->n, sizeof *gs->g, by_count);
}

/* ---- the article ------------------------------------------------------------ */

static void clear_entities(sl_article *a)
{
    for (size_t i = 0; i < a->nent; i++) {
        free(a->ent[i].name);
        free(a->ent[i].key);
    }
    a->nent = 0;
}

static void fill_article(groups *gs, sl_article *a)
{
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[i];
        if (g->dead)
            continue;
        sl_grow((void **)&a->ent, &a->cent, a->nent + 1, sizeof *a->ent);
        a->ent[a->nent++] = (sl_entity){g->name, g->key, g->count, g->kind};
        g->name = g->key = NULL;
    }
}

/* The names of a, from its pieces in doc (tokenized, with the sentences
 * of no 'keep'). */
static void names_of(sl_norm *n, sl_article *a, sl_an_doc *doc)
{
    size_t npieces = doc->n;
    uint32_t langs = sl_an_lang(a->lang);
    uint32_t no_articles = SL_LANG(SL_L_RU) | SL_LANG(SL_L_UK) | SL_LANG(SL_L_PL) |
                           SL_LANG(SL_L_TR);
    sl_name_evidence ev = {langs, langs == SL_LANG(SL_L_DE), langs != SL_LANG_ANY && (langs & no_articles),
                           {0}, {0}, {0}};
    for (size_t i = 0; i < npieces; i++)
        sl_name_text_set(&doc->memo[i], &doc->text[i]);
    for (size_t i = 0; i < npieces; i++)
        sl_an_lower_evidence(&ev, &doc->memo[i]);
    for (size_t i = 0; i < npieces; i++)
        sl_an_name_evidence(&ev, &doc->memo[i]);
    groups gs = {n, NULL, 0, 0, NULL, 0};
    rehash(&gs);
    for (size_t i = 0; i < npieces; i++)
        sl_an_find_names(&ev, &doc->memo[i], add_name, &gs);
    sl_an_find_places(n, a, add_place, &gs);
    if (langs & (SL_LANG(SL_L_DE) | SL_LANG(SL_L_NL) | SL_LANG(SL_L_DA) | SL_LANG(SL_L_SV) |
                 SL_LANG(SL_L_NO)))
        merge_genitives(&gs);
    merge_suffixes(&gs);
    make_keys(&gs);
    fill_article(&gs, a);
    for (size_t i = 0; i < gs.n; i++)
        free_group(&gs.g[i]);
    free(gs.g);
    free(gs.slot);
    sl_hset_free(&ev.lower);
    sl_hset_free(&ev.capmid);
    sl_hset_free(&ev.nounlike);
}

void sl_entities_extract(sl_norm *n, sl_article *a)
{
    clear_entities(a);
    if (!a->npara && !a->title)
        return;
    sl_an_doc doc = {0};
    sl_an_doc_tokenize(&doc, a, NULL, NULL);
    names_of(n, a, &doc);
    sl_an_doc_free(&doc);
}

void sl_entities_after_dates(sl_dates *d, sl_norm *n, sl_article *a)
{
    clear_entities(a);
    if (!a->npara && !a->title)
        return;
    sl_an_doc *doc = sl_dates_doc(d);
    for (size_t i = 0; i < doc->n; i++)
        sl_an_sentences(&doc->text[i], NULL, NULL); /* the names' sentences */
    names_of(n, a, doc);
}

void sl_analyze_article(sl_dates *d, sl_norm *n, sl_article *a)
{
    sl_dates_extract(d, a);
    sl_entities_after_dates(d, n, a);
}
