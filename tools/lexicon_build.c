/*
 * lexicon_build.c -- makes build/lexicon/lexicon.bin, the cross-lingual
 * lexicon, from Debian's FreeDict dictionaries (run by `make`).
 *
 *     lexicon_build PACKAGES.txt DICTD_DIR OUT.bin [DUMP.tsv]
 *
 * PACKAGES.txt is scripts/packages.d/lexicon.txt: every dict-freedict-X-Y
 * listed there is read from DICTD_DIR/freedict-X-Y.{index,dict.dz}:
 *
 *   X-eng   forward: each headword that gives one term in X maps to the
 *           English terms of its translations (weight 1/sense; a
 *           translation of n content words gives each 1/n; translations of
 *           more than MAX_WORDS content words are definitions, skipped).
 *   eng-X   reversed: each translation that gives one term in X maps to the
 *           English headword's terms (factor REVERSED).  The only source
 *           for Bulgarian, Hindi, Indonesian, Norwegian and Russian.
 *   deu-X   pivot through German: each translation that gives one term in X
 *           maps to the English translations of the German headword, as the
 *           forward German table has them (factor PIVOT).  Russian has
 *           no Russian-English dictionary and eng-rus is tiny: this is
 *           where most Russian entries come from.
 *   X-deu   into German: each headword that gives one term in X maps to the
 *           English translations of its German translations (factor PIVOT).
 *
 * Multi-word pairs ("kald krig" / "cold war") add the one word that is left
 * when the others pair off with known translations (align()).
 *
 * Both sides go through exactly the run time's term() (src/text/terms.c,
 * linked in), so a table key is what sl_term_hash() of a token's term gives.
 * Per source term the scores of all dictionaries add up; the best
 * SL_LEXICON_K are kept (none below a tenth of the best), normalised to sum
 * 1 and written as weights of 255.  The format is described in
 * src/text/lexicon.c; DUMP.tsv (optional) lists every entry for people.
 *
 * The output is a derived work of the dictionaries (GPL and other free
 * licences; data/lexicon/LICENSES.md).  Missing dictionaries are an error
 * that names scripts/setup.sh.
 */
#include "dictd.h"
#include "text/terms.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { MAX_WORDS = 3, MAX_SPACES = 128 };
static const float REVERSED = 0.8f, PIVOT = 0.5f, PHRASE = 0.5f, FLOOR = 0.1f;

/* ---- a u64 -> u32 map (open addressing) --------------------------------- */

typedef struct {
    uint64_t *k;
    uint32_t *v;
    size_t mask, n;
} map64;

static size_t map_index(const map64 *m, uint64_t k)
{
    size_t i = (size_t)(k * 0x9E3779B97F4A7C15ull >> 20) & m->mask;
    while (m->v[i] && m->k[i] != k)
        i = (i + 1) & m->mask;
    return i;
}

/* The value for k (0: none; values are 1-based). */
static uint32_t map_get(const map64 *m, uint64_t k)
{
    return m->mask ? m->v[map_index(m, k)] : 0;
}

static void map_put(map64 *m, uint64_t k, uint32_t v)
{
    if (2 * (m->n + 1) > m->mask) {
        size_t cap = m->mask ? 2 * (m->mask + 1) : 1 << 16;
        map64 g = {sl_xcalloc(cap, 8), sl_xcalloc(cap, 4), cap - 1, 0};
        for (size_t i = 0; m->mask && i <= m->mask; i++)
            if (m->v[i])
                map_put(&g, m->k[i], m->v[i]);
        free(m->k);
        free(m->v);
        *m = g;
    }
    size_t i = map_index(m, k);
    m->n += !m->v[i];
    m->k[i] = k;
    m->v[i] = v;
}

/* ---- what is collected ---------------------------------------------------- */

typedef struct {
    uint32_t tid;
    float w;
} pair;

typedef struct {
    uint64_t key;
    size_t name; /* offset of the term in 'names' */
    uint8_t space;
    pair *v;
    uint32_t n, cap;
    bool final;
} source;

typedef struct {
    uint64_t hash;
    size_t at; /* offset in 'names' */
    uint32_t len, id; /* id: position in the output, or UINT32_MAX */
} target;

/* A multi-word translation pair, for alignment by elimination (align()). */
typedef struct {
    uint64_t x[MAX_WORDS];     /* source terms' hashes */
    size_t xname[MAX_WORDS];   /* their bytes in 'names' */
    uint32_t xlen[MAX_WORDS];
    uint32_t e[MAX_WORDS];     /* English targets */
    uint8_t nx, ne, space, done;
    float w;
} phrase;

/* An English phrase of the entry being read. */
typedef struct {
    uint32_t e[MAX_WORDS];
    uint8_t n;
    float w;
} eng_phrase;

typedef struct {
    sl_terms *t;
    sl_termv tv;
    phrase *ph;
    size_t nph, cph;
    eng_phrase *eph; /* the entry's English phrases of 2+ words */
    size_t neph, ceph;
    map64 smap, tmap;
    source *src;
    size_t nsrc, csrc;
    target *tg;
    size_t ntg, ctg;
    sl_buf names;
    char spaces[MAX_SPACES][4];
    size_t nspaces;
    sl_buf sources; /* the sources text */
    pair *entry;    /* one entry's English side */
    size_t nentry, centry;
} builder;

static uint32_t target_of(builder *b, const sl_term *t)
{
    uint32_t v = map_get(&b->tmap, t->hash);
    if (!v) {
        sl_grow((void **)&b->tg, &b->ctg, b->ntg + 1, sizeof *b->tg);
        b->tg[b->ntg] = (target){t->hash, b->names.len, t->len, UINT32_MAX};
        sl_buf_put(&b->names, t->s, t->len + 1);
        map_put(&b->tmap, t->hash, v = (uint32_t)++b->ntg);
    }
    return v - 1;
}

static uint8_t space_of(builder *b, const char *lang)
{
    const char *sp = sl_lang_get(lang)->space;
    for (size_t i = 0; i < b->nspaces; i++)
        if (!strcmp(b->spaces[i], sp))
            return (uint8_t)i;
    if (b->nspaces == MAX_SPACES) {
        fprintf(stderr, "lexicon_build: too many languages\n");
        exit(1);
    }
    strcpy(b->spaces[b->nspaces], sp);
    return (uint8_t)b->nspaces++;
}

/* The source for a term (made if new); its index. */
static size_t source_of(builder *b, const sl_term *t, uint8_t space)
{
    uint32_t v = map_get(&b->smap, t->hash);
    if (!v) {
        sl_grow((void **)&b->src, &b->csrc, b->nsrc + 1, sizeof *b->src);
        b->src[b->nsrc] = (source){.key = t->hash, .name = b->names.len,
                                   .space = space};
        sl_buf_put(&b->names, t->s, t->len + 1);
        map_put(&b->smap, t->hash, v = (uint32_t)++b->nsrc);
    }
    return v - 1;
}

static void add(source *s, uint32_t tid, float w)
{
    s->final = false; /* finalize() again */
    for (uint32_t i = 0; i < s->n; i++)
        if (s->v[i].tid == tid) {
            s->v[i].w += w;
            return;
        }
    size_t cap = s->cap;
    sl_grow((void **)&s->v, &cap, s->n + 1, sizeof *s->v);
    s->cap = (uint32_t)cap;
    s->v[s->n++] = (pair){tid, w};
}

/* ---- reading entries ------------------------------------------------------- */

/* The one word-or-bigram term piece s gives in lang, or false. */
static bool one_term(builder *b, const char *lang, const char *s, sl_term *out)
{
    if (sl_terms_text(b->t, lang, s, strlen(s), &b->tv) != 1 ||
        b->tv.v[0].kind == SL_TOK_NUMBER)
        return false;
    *out = b->tv.v[0];
    return true;
}

/* True if an English term is written in Latin letters and digits (no IPA
 * that a pronunciation left behind, no other script). */
static bool latin_term(const sl_term *t)
{
    for (size_t i = 0; i < t->len;) {
        int32_t c = sl_utf8_next(t->s, t->len, &i);
        if (c < 0 || (c >= 0x250 && !(c >= 0x1E00 && c < 0x1F00)))
            return false;
    }
    return true;
}

/* Appends the English terms of phrase s (1..MAX_WORDS of them) to the
 * entry's English side, sharing weight w. */
static void english(builder *b, const char *s, float w)
{
    size_t n = sl_terms_text(b->t, "en", s, strlen(s), &b->tv);
    if (!n || n > MAX_WORDS)
        return;
    for (size_t i = 0; i < n; i++)
        if (!latin_term(&b->tv.v[i]))
            return;
    eng_phrase ep = {.n = (uint8_t)n, .w = w};
    for (size_t i = 0; i < n; i++) {
        sl_grow((void **)&b->entry, &b->centry, b->nentry + 1, sizeof *b->entry);
        ep.e[i] = target_of(b, &b->tv.v[i]);
        b->entry[b->nentry++] = (pair){ep.e[i], w / (float)n};
    }
    if (n >= 2) {
        sl_grow((void **)&b->eph, &b->ceph, b->neph + 1, sizeof *b->eph);
        b->eph[b->neph++] = ep;
    }
}

/* Records source phrase s (2..MAX_WORDS word terms in lang) against each
 * English phrase eph[0..neph), weight w times theirs. */
static void record_phrase(builder *b, const char *lang, const char *s, float w,
                          const eng_phrase *eph, size_t neph)
{
    size_t n = sl_terms_text(b->t, lang, s, strlen(s), &b->tv);
    if (n < 2 || n > MAX_WORDS || !neph)
        return;
    phrase ph = {.nx = (uint8_t)n, .space = space_of(b, lang)};
    for (size_t i = 0; i < n; i++) {
        const sl_term *t = &b->tv.v[i];
        if (t->kind == SL_TOK_NUMBER)
            return;
        ph.x[i] = t->hash, ph.xname[i] = b->names.len, ph.xlen[i] = t->len;
        sl_buf_put(&b->names, t->s, t->len + 1);
    }
    for (size_t k = 0; k < neph; k++) {
        ph.ne = eph[k].n;
        memcpy(ph.e, eph[k].e, sizeof ph.e);
        ph.w = w * eph[k].w;
        sl_grow((void **)&b->ph, &b->cph, b->nph + 1, sizeof *b->ph);
        b->ph[b->nph++] = ph;
    }
}

/* Languages written in another script than Latin: a reversed translation
 * must have a letter of it (Wiktionary glosses are English). */
static bool script_ok(const char *lang, const char *s)
{
    static const char *const other[] = {"ru", "uk", "bg", "el", "ar", "fa",
                                        "he", "hi", "ja", "zh", "ko", "th",
                                        "bn", "ka", "hy", "mk"};
    bool need = false;
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        need |= !strcmp(lang, other[i]);
    if (!need)
        return true;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t c = sl_utf8_next(s, len, &i);
        if (c >= 0x370 && !(c >= 0x1E00 && c < 0x1F00) && !(c >= 0x2000 && c < 0x2C00))
            return true;
    }
    return false;
}

/* Hungarian FreeDict text writes ő ű as ô û (Latin-1 look-alikes). */
static void fix_hungarian(char *s)
{
    for (char *p = s; (p = strstr(p, "\xC3")) != NULL; p++) {
        if (p[1] == '\xB4') /* ô -> ő (C5 91) */
            p[0] = '\xC5', p[1] = '\x91';
        else if (p[1] == '\xBB') /* û -> ű (C5 B1) */
            p[0] = '\xC5', p[1] = '\xB1';
        else if (p[1] == '\x94') /* Ô -> Ő */
            p[0] = '\xC5', p[1] = '\x90';
        else if (p[1] == '\x9B') /* Û -> Ű */
            p[0] = '\xC5', p[1] = '\xB0';
    }
}

typedef enum { FORWARD, REVERSE, VIA_GERMAN, INTO_GERMAN } direction;

/* Forward: headwords in lang, translations in English. */
static size_t forward(builder *b, const char *lang, dictd_parsed *p)
{
    b->nentry = b->neph = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->p[i].sense)
            english(b, dictd_piece_text(p, i), 1.0f / (float)p->p[i].sense);
    if (!b->nentry)
        return 0;
    size_t used = 0;
    uint8_t sp = space_of(b, lang);
    for (size_t i = 0; i < p->n && !p->p[i].sense; i++) {
        sl_term t;
        if (!one_term(b, lang, dictd_piece_text(p, i), &t)) {
            record_phrase(b, lang, dictd_piece_text(p, i), 1.0f, b->eph, b->neph);
            continue;
        }
        size_t x = source_of(b, &t, sp); /* may move b->src */
        source *s = &b->src[x];
        for (size_t k = 0; k < b->nentry; k++)
            add(s, b->entry[k].tid, b->entry[k].w);
        used = 1;
    }
    return used;
}

/* Reversed: headwords in English, translations in lang. */
static size_t reverse(builder *b, const char *lang, dictd_parsed *p)
{
    b->nentry = b->neph = 0;
    for (size_t i = 0; i < p->n && !p->p[i].sense; i++)
        english(b, dictd_piece_text(p, i), 1.0f);
    size_t used = 0;
    uint8_t sp = space_of(b, lang);
    for (size_t i = 0; i < p->n && b->nentry; i++) {
        sl_term t;
        const char *s = dictd_piece_text(p, i);
        if (!p->p[i].sense || !script_ok(lang, s))
            continue;
        float w = REVERSED / (float)p->p[i].sense;
        if (!one_term(b, lang, s, &t)) {
            record_phrase(b, lang, s, w, b->eph, b->neph);
            continue;
        }
        size_t x = source_of(b, &t, sp); /* may move b->src */
        source *src = &b->src[x];
        for (size_t k = 0; k < b->nentry; k++)
            add(src, b->entry[k].tid, w * b->entry[k].w);
        used++;
    }
    return used;
}

static void finalize(source *s);

/* Via German: headwords in German, translations in lang. */
static size_t via_german(builder *b, const char *lang, dictd_parsed *p)
{
    size_t de[8], nde = 0, used = 0;
    for (size_t i = 0; i < p->n && !p->p[i].sense && nde < 8; i++) {
        sl_term t;
        uint32_t v;
        if (one_term(b, "de", dictd_piece_text(p, i), &t) &&
            (v = map_get(&b->smap, t.hash)) != 0)
            de[nde++] = v - 1;
    }
    uint8_t sp = space_of(b, lang);
    eng_phrase eph[8]; /* German words of 2..3 translations, as phrases */
    size_t neph = 0;
    for (size_t d = 0; d < nde; d++) {
        source *g = &b->src[de[d]];
        finalize(g);
        if (g->n < 2 || g->n > MAX_WORDS)
            continue;
        eph[neph] = (eng_phrase){.n = (uint8_t)g->n, .w = 1.0f / (float)nde};
        for (uint32_t k = 0; k < g->n; k++)
            eph[neph].e[k] = g->v[k].tid;
        neph++;
    }
    for (size_t i = 0; i < p->n && nde; i++) {
        sl_term t;
        const char *s = dictd_piece_text(p, i);
        if (!p->p[i].sense || !script_ok(lang, s))
            continue;
        if (!one_term(b, lang, s, &t)) {
            record_phrase(b, lang, s, PIVOT / (float)p->p[i].sense, eph, neph);
            continue;
        }
        size_t x = source_of(b, &t, sp);
        for (size_t d = 0; d < nde; d++) {
            source *g = &b->src[de[d]];
            finalize(g);
            float w = PIVOT / (float)p->p[i].sense / (float)nde;
            for (uint32_t k = 0; k < g->n; k++)
                add(&b->src[x], g->v[k].tid, w * g->v[k].w);
        }
        used++;
    }
    return used;
}

/* Into German: headwords in lang, translations in German, which the
 * forward German table takes on to English. */
static size_t into_german(builder *b, const char *lang, dictd_parsed *p)
{
    size_t de[16], nde = 0;
    float dw[16];
    for (size_t i = 0; i < p->n && nde < 16; i++) {
        sl_term t;
        uint32_t v;
        if (p->p[i].sense && one_term(b, "de", dictd_piece_text(p, i), &t) &&
            (v = map_get(&b->smap, t.hash)) != 0) {
            de[nde] = v - 1;
            dw[nde++] = 1.0f / (float)p->p[i].sense;
        }
    }
    size_t used = 0;
    uint8_t sp = space_of(b, lang);
    for (size_t i = 0; i < p->n && !p->p[i].sense && nde; i++) {
        sl_term t;
        if (!one_term(b, lang, dictd_piece_text(p, i), &t))
            continue;
        size_t x = source_of(b, &t, sp);
        for (size_t d = 0; d < nde; d++) {
            source *g = &b->src[de[d]];
            finalize(g);
            float w = PIVOT * dw[d] / (float)nde;
            for (uint32_t k = 0; k < g->n; k++)
                add(&b->src[x], g->v[k].tid, w * g->v[k].w);
        }
        used = 1;
    }
    return used;
}

/* True if source sid already translates to target e. */
static bool knows(const builder *b, uint32_t sid1, uint32_t e)
{
    const source *s = &b->src[sid1 - 1];
    for (uint32_t i = 0; i < s->n; i++)
        if (s->v[i].tid == e)
            return true;
    return false;
}

/* Alignment by elimination: in a phrase pair ("kald krig" / "cold war"),
 * words whose translation is already known ("kald" -> "cold") pair off;
 * if one word is left on each side, it is a translation ("krig" ->
 * "war"), weight PHRASE of the pair's.  Returns how many were added. */
static size_t align(builder *b)
{
    size_t added = 0;
    for (size_t k = 0; k < b->nph; k++) {
        phrase *ph = &b->ph[k];
        if (ph->done)
            continue;
        bool ematched[MAX_WORDS] = {false};
        int lone = -1, nx_left = 0, ne_left = ph->ne;
        for (int i = 0; i < ph->nx; i++) {
            uint32_t sid = map_get(&b->smap, ph->x[i]);
            bool any = false;
            for (int j = 0; sid && j < ph->ne; j++)
                if (!ematched[j] && knows(b, sid, ph->e[j])) {
                    ematched[j] = any = true;
                    ne_left--;
                    break;
                }
            if (!any)
                lone = i, nx_left++;
        }
        if (nx_left != 1 || ne_left != 1)
            continue;
        int j = 0;
        while (ematched[j])
            j++;
        sl_term t = {.s = b->names.s + ph->xname[lone], .len = ph->xlen[lone],
                     .hash = ph->x[lone]};
        size_t x = source_of(b, &t, ph->space);
        add(&b->src[x], ph->e[j], PHRASE * ph->w);
        ph->done = 1;
        added++;
    }
    return added;
}

/* ---- the package list -------------------------------------------------------- */

/* ISO 639-3 -> the code sl_lang_get() knows. */
static const char *iso1(const char *c3)
{
    static const char *const map[][2] = {
        {"afr", "af"}, {"ara", "ar"}, {"bul", "bg"}, {"ces", "cs"},
        {"cym", "cy"}, {"dan", "da"}, {"deu", "de"}, {"ell", "el"},
        {"eng", "en"}, {"epo", "eo"}, {"fin", "fi"}, {"fra", "fr"},
        {"gle", "ga"}, {"hin", "hi"}, {"hrv", "hr"}, {"hun", "hu"},
        {"ind", "id"}, {"isl", "is"}, {"ita", "it"}, {"jpn", "ja"},
        {"kur", "ku"}, {"lat", "la"}, {"lit", "lt"}, {"nld", "nl"},
        {"nor", "no"}, {"pol", "pl"}, {"por", "pt"}, {"rus", "ru"},
        {"slk", "sk"}, {"slv", "sl"}, {"spa", "es"}, {"srp", "sr"},
        {"swe", "sv"}, {"swh", "sw"}, {"tur", "tr"}, {"ukr", "uk"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i][0], c3))
            return map[i][1];
    return NULL;
}

typedef struct {
    char name[16]; /* "deu-eng" */
    const char *lang;
    direction dir;
} dict_ref;

/* Reads the dict-freedict-X-Y lines of the package list. */
static size_t read_list(const char *path, dict_ref *out, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "lexicon_build: %s: cannot read\n", path);
        exit(1);
    }
    char line[256], a[8], c[8];
    size_t n = 0, ln = 0;
    while (fgets(line, sizeof line, f) && n < max) {
        ln++;
        if (sscanf(line, "dict-freedict-%3[a-z]-%3[a-z]", a, c) != 2)
            continue;
        dict_ref *d = &out[n];
        snprintf(d->name, sizeof d->name, "%s-%s", a, c);
        d->dir = !strcmp(c, "eng") ? FORWARD : !strcmp(a, "eng") ? REVERSE
               : !strcmp(c, "deu") ? INTO_GERMAN : VIA_GERMAN;
        d->lang = iso1(d->dir == FORWARD || d->dir == INTO_GERMAN ? a : c);
        if (!d->lang || (d->dir == VIA_GERMAN && strcmp(a, "deu"))) {
            fprintf(stderr, "%s:%zu: dict-freedict-%s: not X-eng, eng-X, "
                            "deu-X or X-deu of a known language\n", path, ln,
                    d->name);
            exit(1);
        }
        n++;
    }
    fclose(f);
    return n;
}

/* Reads one dictionary into the builder. */
static void read_dict(builder *b, const char *dir, const dict_ref *r)
{
    char base[4096], err[512];
    dictd d;
    if (snprintf(base, sizeof base, "%s/freedict-%s", dir, r->name) >= (int)sizeof base) {
        fprintf(stderr, "lexicon_build: %s: path too long\n", dir);
        exit(1);
    }
    if (!dictd_open(&d, base, err, sizeof err)) {
        fprintf(stderr, "lexicon_build: %s\n  the FreeDict dictionaries are "
                        "missing: run scripts/setup.sh (as root), which "
                        "installs scripts/packages.d/lexicon.txt\n", err);
        exit(1);
    }
    dictd_parsed p = {0};
    size_t used = 0;
    for (size_t i = 0; i < d.n; i++) {
        char *e = d.text + d.e[i].off, save = e[d.e[i].len];
        e[d.e[i].len] = '\0';
        if (!strcmp(r->lang, "hu"))
            fix_hungarian(e);
        dictd_parse(e, d.e[i].len, &p);
        e[d.e[i].len] = save;
        used += r->dir == FORWARD ? forward(b, r->lang, &p)
              : r->dir == REVERSE ? reverse(b, r->lang, &p)
              : r->dir == VIA_GERMAN ? via_german(b, r->lang, &p)
              : into_german(b, r->lang, &p);
    }
    static const char *const how[] = {"forward", "reversed", "via German",
                                      "into German"};
    sl_buf_printf(&b->sources, "freedict-%s\t%s\tedition %s\t%zu entries, "
                  "%zu pieces used\n", r->name, how[r->dir],
                  d.edition[0] ? d.edition : "?", d.n, used);
    fprintf(stderr, "lexicon_build: freedict-%s (%s): %zu entries, %zu used\n",
            r->name, how[r->dir], d.n, used);
    dictd_parsed_free(&p);
    dictd_free(&d);
}

/* ---- finishing ---------------------------------------------------------------- */

static int by_weight(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    return x->w > y->w ? -1 : x->w < y->w ? 1 : (x->tid > y->tid) - (x->tid < y->tid);
}

/* Best K, none below FLOOR of the best, summing to 1.  Idempotent. */
static void finalize(source *s)
{
    if (s->final)
        return;
    s->final = true;
    qsort(s->v, s->n, sizeof *s->v, by_weight);
    if (s->n > SL_LEXICON_K)
        s->n = SL_LEXICON_K;
    float sum = 0;
    uint32_t k = 0;
    for (; k < s->n && s->v[k].w >= FLOOR * s->v[0].w; k++)
        sum += s->v[k].w;
    s->n = k;
    for (k = 0; k < s->n; k++)
        s->v[k].w /= sum;
}

static int by_key(const void *a, const void *b)
{
    const source *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static void put32(sl_buf *o, uint32_t v) { sl_buf_put(o, (const char *)&v, 4); }
static void put64(sl_buf *o, uint64_t v) { sl_buf_put(o, (const char *)&v, 8); }

static uint8_t quantize(float w)
{
    long q = lroundf(w * 255.0f);
    return (uint8_t)(q < 1 ? 1 : q > 255 ? 255 : q);
}

/* Gives each referenced target its output id, in first-use order. */
static uint32_t number_targets(builder *b)
{
    uint32_t n = 0;
    for (size_t i = 0; i < b->nsrc; i++)
        for (uint32_t k = 0; k < b->src[i].n; k++) {
            target *t = &b->tg[b->src[i].v[k].tid];
            if (t->id == UINT32_MAX)
                t->id = n++;
        }
    return n;
}

static void write_sections(builder *b, sl_buf *o, uint32_t bits, uint32_t ntg)
{
    size_t nb = (size_t)1 << bits, k = 0;
    for (size_t bucket = 0; bucket <= nb; bucket++) {
        while (k < b->nsrc && (b->src[k].key >> (64 - bits)) < bucket)
            k++;
        put32(o, (uint32_t)k);
    }
    for (size_t i = 0; i < b->nsrc; i++)
        put64(o, b->src[i].key);
    uint32_t at = 0;
    for (size_t i = 0; i <= b->nsrc; i++) {
        put32(o, at);
        at += i < b->nsrc ? b->src[i].n : 0;
    }
    for (size_t i = 0; i < b->nsrc; i++)
        for (uint32_t j = 0; j < b->src[i].n; j++)
            put32(o, b->tg[b->src[i].v[j].tid].id << 8 | quantize(b->src[i].v[j].w));
    target **byid = sl_xcalloc(ntg ? ntg : 1, sizeof *byid);
    for (size_t i = 0; i < b->ntg; i++)
        if (b->tg[i].id != UINT32_MAX)
            byid[b->tg[i].id] = &b->tg[i];
    uint32_t off = 0;
    for (uint32_t i = 0; i < ntg; i++) {
        put64(o, byid[i]->hash);
        put32(o, off);
        put32(o, byid[i]->len);
        off += byid[i]->len + 1;
    }
    for (uint32_t i = 0; i < ntg; i++)
        sl_buf_put(o, b->names.s + byid[i]->at, byid[i]->len + 1);
    free(byid);
}

/* Writes the table; returns its bytes (caller frees with sl_buf_free). */
static sl_buf write_table(builder *b)
{
    size_t kept = 0;
    for (size_t i = 0; i < b->nsrc; i++) {
        finalize(&b->src[i]);
        if (b->src[i].n)
            b->src[kept++] = b->src[i];
        else
            free(b->src[i].v);
    }
    b->nsrc = kept;
    qsort(b->src, b->nsrc, sizeof *b->src, by_key);
    uint32_t bits = 1, ntg = number_targets(b), pool = 0, nrefs = 0;
    while (bits < 24 && ((size_t)4 << bits) < b->nsrc)
        bits++;
    uint32_t count[MAX_SPACES] = {0};
    for (size_t i = 0; i < b->nsrc; i++) {
        nrefs += b->src[i].n;
        count[b->src[i].space]++;
    }
    for (size_t i = 0; i < b->ntg; i++)
        pool += b->tg[i].id != UINT32_MAX ? b->tg[i].len + 1 : 0;
    sl_buf o = {0};
    sl_buf_put(&o, "SLLX", 4);
    const uint32_t head[] = {1, (uint32_t)b->nsrc, nrefs, ntg, pool, bits,
                             (uint32_t)b->nspaces, (uint32_t)b->sources.len + 1, 0};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        put32(&o, head[i]);
    put64(&o, 0); /* checksum, below */
    put64(&o, 0), put64(&o, 0);
    write_sections(b, &o, bits, ntg);
    for (size_t i = 0; i < b->nspaces; i++) {
        sl_buf_put(&o, b->spaces[i], 4);
        put32(&o, count[i]);
    }
    sl_buf_put(&o, b->sources.s ? b->sources.s : "", b->sources.len + 1);
    uint64_t sum = XXH3_64bits(o.s + 64, o.len - 64);
    memcpy(o.s + 40, &sum, 8);
    return o;
}

static void dump(const builder *b, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    for (size_t i = 0; i < b->nsrc; i++) {
        fprintf(f, "%s", b->names.s + b->src[i].name);
        for (uint32_t k = 0; k < b->src[i].n; k++)
            fprintf(f, "\t%s %.2f", b->names.s + b->tg[b->src[i].v[k].tid].at,
                    b->src[i].v[k].w);
        fputc('\n', f);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: lexicon_build PACKAGES.txt DICTD_DIR OUT.bin [DUMP.tsv]\n");
        return 2;
    }
    dict_ref refs[256];
    size_t n = read_list(argv[1], refs, 256);
    builder b = {.t = sl_terms_new()};
    for (int pass = 0; pass < 2; pass++) { /* German first: pivots need it */
        for (size_t i = 0; i < n; i++)
            if ((refs[i].dir >= VIA_GERMAN) == (pass == 1))
                read_dict(&b, argv[2], &refs[i]);
        {
            size_t a1 = align(&b), a2 = align(&b);
            fprintf(stderr, "lexicon_build: %zu phrase pairs aligned %zu + %zu "
                            "words\n", b.nph, a1, a2);
            sl_buf_printf(&b.sources, "phrase alignment\tby elimination\t"
                          "%zu pairs\t%zu words\n", b.nph, a1 + a2);
        }
    }
    sl_buf o = write_table(&b);
    char err[256];
    sl_lexicon *x = sl_lexicon_load(o.s, o.len, true, err, sizeof err);
    FILE *f = x ? fopen(argv[3], "wb") : NULL;
    if (!f || fwrite(o.s, 1, o.len, f) != o.len || fclose(f)) {
        fprintf(stderr, "lexicon_build: %s: %s\n", argv[3], x ? "cannot write" : err);
        return 1;
    }
    fprintf(stderr, "lexicon_build: %s: %zu entries, %zu bytes\n", argv[3],
            b.nsrc, o.len);
    if (argc == 5)
        dump(&b, argv[4]);
    sl_lexicon_free(x);
    return 0;
}
