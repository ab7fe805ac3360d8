/*
 * langid.c -- language identification: which of ~75 languages a text is in.
 *
 * The idea: two detectors that fail differently, joined by a simple vote.
 *
 *  1. The writing system decides first.  Greek, Armenian, Hebrew, Georgian,
 *     Thai, Hangul, kana and the Indic scripts each belong to one language of
 *     ours, so counting letters per script answers at once.  Han without kana
 *     is Chinese or Japanese kanji: the n-gram model below decides.
 *  2. For Latin, Cyrillic, Arabic and Devanagari text, a naive Bayes model of
 *     character n-grams (1..4 code points of lowercased words framed by
 *     spaces, " haus ") scores every language written in that script:
 *     sum over the text's n-grams of log P(gram | language), where a gram a
 *     language lacks costs that language's "floor".  The model is built by
 *     scripts/build-langid-model.sh from Debian's localisation packages
 *     (Firefox and LibreOffice translations; data/langid/SOURCES.md) and is
 *     embedded in the binary (data/langid/model.bin via .incbin), so it is
 *     found without configuration.  At sl_langid_new() its sorted keys are
 *     put into an open-addressing hash table owned by the sl_langid.
 *  3. CLD2 (Google's Compact Language Detector 2, trained on far more web
 *     text) votes too: its top guess adds a bonus proportional to the text
 *     length.  It also speaks for the few languages our model has no
 *     training text for (Latin, Luganda, Maori, Shona, Somali, Swahili,
 *     Yoruba).
 *
 * Trade-offs: only the first SAMPLE_LETTERS letters are scored (an article's
 * language is settled long before; this keeps the cost per article flat);
 * the model is UI text, not news, so it knows everyday words less well than
 * CLD2 does, which is why both vote.  "und" is returned for fewer than a few
 * letters and for text whose n-grams the best language hardly knows
 * (garbage).  The hint (from <html lang>, a feed) wins only near ties.
 *
 * No globals: the model's bytes are read-only static data, everything that
 * changes lives in the sl_langid.  Tests: tests/text/test_langid.c; figures:
 * bench/langid.c (build/bench/langid).
 */
#include "text.h"
#include "cld2_shim.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* ---- tunables (chosen on the dev set, see data/langid/SOURCES.md) ------- */

#ifndef SL_LANGID_CLD_WEIGHT
#define SL_LANGID_CLD_WEIGHT 0.5 /* CLD2's bonus, nats per scored n-gram */
#endif
#ifndef SL_LANGID_TIE
#define SL_LANGID_TIE 0.05 /* a hint wins within this many nats per n-gram */
#endif
#ifndef SL_LANGID_MIN_HIT
#define SL_LANGID_MIN_HIT 0.35 /* below this share of known n-grams: "und" */
#endif

enum {
    MAXN = 4,              /* longest n-gram, in code points */
    MAXLANG = 128,         /* most languages a model may hold */
    SAMPLE_LETTERS = 1500, /* letters scored at most */
    CLD_BYTES = 4096,      /* bytes given to CLD2 at most */
    MIN_LETTERS = 3,       /* fewer (alphabetic scripts): "und" */
    HEADER = 20,           /* "SLLI" + 4 x u32 */
    LANG_REC = 24          /* code[4], script, pad[3], f32 floor[4] */
};

/* ---- the embedded model ------------------------------------------------ */

__asm__(".pushsection .rodata.sl_langid_model,\"a\",@progbits\n"
        ".balign 16\n"
        "sl_langid_model_start:\n"
        ".incbin \"data/langid/model.bin\"\n"
        "sl_langid_model_end:\n"
        ".popsection\n");
extern const unsigned char sl_langid_model_start[]
    __attribute__((visibility("hidden")));
extern const unsigned char sl_langid_model_end[]
    __attribute__((visibility("hidden")));

/* Writing systems.  The first four are scored by the model (its script
 * numbers); the others map to one language each (or Han: ja or zh). */
typedef enum {
    SC_LATN, SC_CYRL, SC_ARAB, SC_DEVA, SC_MODEL_OTHER,
    SC_GREK, SC_ARMN, SC_HEBR, SC_GEOR, SC_BENG, SC_GURU, SC_GUJR, SC_TAML,
    SC_TELU, SC_THAI, SC_HANG, SC_KANA, SC_HANI, SC_NONE, SC_COUNT
} script;

static const char *const script_lang[SC_COUNT] = {
    [SC_GREK] = "el", [SC_ARMN] = "hy", [SC_HEBR] = "he", [SC_GEOR] = "ka",
    [SC_BENG] = "bn", [SC_GURU] = "pa", [SC_GUJR] = "gu", [SC_TAML] = "ta",
    [SC_TELU] = "te", [SC_THAI] = "th", [SC_HANG] = "ko", [SC_KANA] = "ja",
};

typedef struct {
    char code[4]; /* NUL-padded; points into static data when returned */
    uint8_t script;
    float floor[MAXN];
} lang_info;

struct sl_langid {
    uint32_t nlang;
    lang_info lang[MAXLANG];
    const uint8_t *entries; /* (lang, q) pairs; borrowed from the blob */
    uint64_t *slot;         /* key << 32 | first entry << 8 | count; owned */
    uint32_t mask;          /* slots - 1 */
    /* scratch for one call */
    int32_t acc[MAXLANG];   /* sum of q (1/16 nat) per language */
    int32_t hit[MAXLANG];   /* n-grams (n >= 2) the language knows */
    uint32_t grams[MAXN];   /* n-grams scored, per order */
    uint32_t letters[SC_COUNT];
};

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static float rdf32(const uint8_t *p)
{
    float v;
    memcpy(&v, p, 4);
    return v;
}

/* Puts key -> (first entry, count) into the hash table. */
static void slot_put(sl_langid *l, uint32_t key, uint32_t first, uint32_t count)
{
    uint32_t i = (key * 2654435761u) & l->mask;
    while (l->slot[i])
        i = (i + 1) & l->mask;
    l->slot[i] = (uint64_t)key << 32 | first << 8 | count;
}

/* Reads the blob's header and language records; aborts on a broken model
 * (a build error, not an input error). */
static void load_langs(sl_langid *l, const uint8_t *m, size_t size)
{
    if (size < HEADER || memcmp(m, "SLLI", 4) || rd32(m + 4) != 1 ||
        rd32(m + 8) > MAXLANG) {
        fprintf(stderr, "storyline: data/langid/model.bin is not a model\n");
        abort();
    }
    l->nlang = rd32(m + 8);
    for (uint32_t i = 0; i < l->nlang; i++) {
        const uint8_t *r = m + HEADER + (size_t)i * LANG_REC;
        memcpy(l->lang[i].code, r, 4);
        l->lang[i].code[3] = '\0';
        l->lang[i].script = r[4];
        for (int n = 0; n < MAXN; n++)
            l->lang[i].floor[n] = rdf32(r + 8 + 4 * n);
    }
}

static void load_keys(sl_langid *l, const uint8_t *m, size_t size)
{
    uint32_t nkeys = rd32(m + 12), nent = rd32(m + 16);
    const uint8_t *keys = m + HEADER + (size_t)l->nlang * LANG_REC;
    const uint8_t *count = keys + 4 * (size_t)nkeys;
    l->entries = count + nkeys;
    if (l->entries + 2 * (size_t)nent != m + size) {
        fprintf(stderr, "storyline: data/langid/model.bin is truncated\n");
        abort();
    }
    uint32_t slots = 1024;
    while (slots < 2 * nkeys)
        slots *= 2;
    l->mask = slots - 1;
    l->slot = sl_xcalloc(slots, sizeof *l->slot);
    for (uint32_t k = 0, first = 0; k < nkeys; first += count[k], k++)
        slot_put(l, rd32(keys + 4 * (size_t)k), first, count[k]);
}

sl_langid *sl_langid_new(void)
{
    sl_langid *l = sl_xcalloc(1, sizeof *l);
    const uint8_t *m = sl_langid_model_start;
    size_t size = (size_t)(sl_langid_model_end - sl_langid_model_start);
    load_langs(l, m, size);
    load_keys(l, m, size);
    return l;
}

void sl_langid_free(sl_langid *l)
{
    if (!l)
        return;
    free(l->slot);
    free(l);
}

/* ---- scanning: scripts and n-grams ------------------------------------- */

static script script_of(UChar32 c)
{
    if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00)) return SC_LATN;
    if (c >= 0x370 && c < 0x400) return SC_GREK;
    if (c >= 0x1F00 && c < 0x2000) return SC_GREK;
    if (c >= 0x400 && c < 0x530) return SC_CYRL;
    if (c >= 0x530 && c < 0x590) return SC_ARMN;
    if (c >= 0x590 && c < 0x600) return SC_HEBR;
    if ((c >= 0x600 && c < 0x780) || (c >= 0xFB50 && c < 0xFF00)) return SC_ARAB;
    if (c >= 0x900 && c < 0x980) return SC_DEVA;
    if (c >= 0x980 && c < 0xA00) return SC_BENG;
    if (c >= 0xA00 && c < 0xA80) return SC_GURU;
    if (c >= 0xA80 && c < 0xB00) return SC_GUJR;
    if (c >= 0xB80 && c < 0xC00) return SC_TAML;
    if (c >= 0xC00 && c < 0xC80) return SC_TELU;
    if (c >= 0xE00 && c < 0xE80) return SC_THAI;
    if (c >= 0x10A0 && c < 0x1100) return SC_GEOR;
    if ((c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190) ||
        (c >= 0xAC00 && c < 0xD7B0)) return SC_HANG;
    if (c >= 0x3040 && c < 0x3100) return SC_KANA;
    if ((c >= 0x3400 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00) ||
        (c >= 0x20000 && c < 0x30000)) return SC_HANI;
    return SC_NONE;
}

static uint32_t fnv_cp(uint32_t h, UChar32 c)
{
    uint8_t b[4];
    int n;
    if (c < 0x80) b[0] = (uint8_t)c, n = 1;
    else if (c < 0x800) b[0] = (uint8_t)(0xC0 | c >> 6), b[1] = (uint8_t)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000) b[0] = (uint8_t)(0xE0 | c >> 12), b[1] = (uint8_t)(0x80 | (c >> 6 & 0x3F)),
                          b[2] = (uint8_t)(0x80 | (c & 0x3F)), n = 3;
    else b[0] = (uint8_t)(0xF0 | c >> 18), b[1] = (uint8_t)(0x80 | (c >> 12 & 0x3F)),
         b[2] = (uint8_t)(0x80 | (c >> 6 & 0x3F)), b[3] = (uint8_t)(0x80 | (c & 0x3F)), n = 4;
    for (int i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x01000193u;
    return h;
}

/* Adds the model's scores of one n-gram (hash 'key', order n). */
static void score_gram(sl_langid *l, uint32_t key, int n)
{
    key = key ? key : 1;
    l->grams[n - 1]++;
    for (uint32_t i = (key * 2654435761u) & l->mask; l->slot[i]; i = (i + 1) & l->mask) {
        if ((uint32_t)(l->slot[i] >> 32) != key)
            continue;
        uint32_t first = (uint32_t)l->slot[i] >> 8, count = l->slot[i] & 0xFF;
        for (const uint8_t *e = l->entries + 2 * (size_t)first; count--; e += 2) {
            l->acc[e[0]] += e[1];
            l->hit[e[0]] += n >= 2;
        }
        return;
    }
}

/* The last code points of the current word, " " first: the window whose
 * suffixes are the n-grams ending at the newest code point. */
typedef struct {
    UChar32 c[MAXN];
    int n;
} window;

static void window_push(sl_langid *l, window *w, UChar32 c)
{
    if (w->n == MAXN)
        memmove(w->c, w->c + 1, (MAXN - 1) * sizeof *w->c), w->n--;
    w->c[w->n++] = c;
    for (int len = 1; len <= w->n; len++) {
        if (len == 1 && c == ' ')
            continue;
        uint32_t h = 0x811C9DC5u;
        for (int i = w->n - len; i < w->n; i++)
            h = fnv_cp(h, w->c[i]);
        score_gram(l, h, len);
    }
}

static bool is_letter(UChar32 c)
{
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

/* Scores s[0..len): letters per script and, for each language, the sum of
 * its n-gram scores.  Stops after SAMPLE_LETTERS letters. */
static void scan(sl_langid *l, const char *s, size_t len)
{
    memset(l->acc, 0, sizeof l->acc);
    memset(l->hit, 0, sizeof l->hit);
    memset(l->grams, 0, sizeof l->grams);
    memset(l->letters, 0, sizeof l->letters);
    window w = {{' '}, 1};
    uint32_t total = 0;
    for (size_t i = 0; i < len;) {
        int32_t c = sl_utf8_next(s, len, &i);
        if (c >= 0 && is_letter(c)) {
            l->letters[script_of(c)]++;
            window_push(l, &w, u_tolower(c));
            total++;
        } else if (w.n > 1 || w.c[0] != ' ') {
            window_push(l, &w, ' ');
            w.c[0] = ' ', w.n = 1;
            if (total >= SAMPLE_LETTERS)
                break;
        }
    }
    if (w.n > 1)
        window_push(l, &w, ' ');
}

/* ---- deciding ---------------------------------------------------------- */

/* The script with the most letters, and the number of letters in all. */
static script main_script(const sl_langid *l, uint32_t *letters)
{
    script best = SC_NONE;
    *letters = 0;
    for (int s = 0; s < SC_NONE; s++) {
        *letters += l->letters[s];
        if (best == SC_NONE || l->letters[s] > l->letters[best])
            best = (script)s;
    }
    if (l->letters[SC_KANA] * 10 > l->letters[SC_HANI] && l->letters[SC_KANA] &&
        (best == SC_HANI || best == SC_KANA))
        best = SC_KANA;
    return *letters ? best : SC_NONE;
}

/* Log-likelihood of language i (nats). */
static double loglik(const sl_langid *l, uint32_t i)
{
    double v = l->acc[i] / 16.0;
    for (int n = 0; n < MAXN; n++)
        v += l->grams[n] * (double)l->lang[i].floor[n];
    return v;
}

/* Maps CLD2's code to ours; NULL if it is none of the model's languages and
 * not a plain ISO code. */
static const char *cld_code(const char *c)
{
    static const char *const map[][2] = {
        {"iw", "he"}, {"no", "nb"}, {"zh-Hant", "zh"}, {"sr-ME", "sr"},
        {"jw", "jv"}, {"tl", "tl"},
    };
    if (!c)
        return NULL;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(c, map[i][0]))
            return map[i][1];
    size_t n = strlen(c);
    return (n == 2 || n == 3) && c[0] >= 'a' && c[0] <= 'z' ? c : NULL;
}

static int lang_index(const sl_langid *l, const char *code)
{
    for (uint32_t i = 0; code && i < l->nlang; i++)
        if (!strcmp(l->lang[i].code, code))
            return (int)i;
    return -1;
}

/* One call's candidates: the model's languages of the main script. */
typedef struct {
    double score[MAXLANG];
    bool in[MAXLANG];
    int best, second;
    uint32_t ngrams; /* n-grams scored, all orders */
} vote;

static void rank(const sl_langid *l, vote *v)
{
    v->best = v->second = -1;
    for (uint32_t i = 0; i < l->nlang; i++) {
        if (!v->in[i])
            continue;
        if (v->best < 0 || v->score[i] > v->score[v->best])
            v->second = v->best, v->best = (int)i;
        else if (v->second < 0 || v->score[i] > v->score[v->second])
            v->second = (int)i;
    }
}

/* Fills the candidates of script sc (for Han: ja and zh) with their
 * log-likelihoods. */
static void candidates(const sl_langid *l, script sc, vote *v)
{
    memset(v, 0, sizeof *v);
    for (int n = 0; n < MAXN; n++)
        v->ngrams += l->grams[n];
    for (uint32_t i = 0; i < l->nlang; i++) {
        const char *c = l->lang[i].code;
        v->in[i] = sc == SC_HANI ? !strcmp(c, "ja") || !strcmp(c, "zh")
                                 : l->lang[i].script == (uint8_t)sc;
        if (v->in[i])
            v->score[i] = loglik(l, i);
    }
}

/* A confidence in 0..1 from the winner's lead in nats. */
static double lead_confidence(double lead)
{
    return lead <= 0 ? 0.5 : 1.0 - 0.5 * exp(-lead / 3.0);
}

/* Han, kana, Hangul, Greek ...: one language per script (Han: ja or zh). */
static const char *by_script(sl_langid *l, script sc, uint32_t letters,
                             double *conf)
{
    if (sc != SC_HANI) {
        *conf = (double)l->letters[sc] / letters;
        return script_lang[sc];
    }
    vote v;
    candidates(l, sc, &v);
    rank(l, &v);
    if (v.best < 0) {
        *conf = 0.5;
        return "zh";
    }
    *conf = lead_confidence(v.score[v.best] - v.score[v.second]);
    return l->lang[v.best].code;
}

/* The CLD2 vote: a bonus for its first guess, or its answer outright when
 * that is a language the model lacks and CLD2 is sure. */
static const char *cld_vote(sl_langid *l, const char *s, size_t len, vote *v)
{
    sl_cld2_result r;
    size_t n = len < CLD_BYTES ? len : CLD_BYTES;
    while (n < len && n && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    sl_cld2_detect(s, n, &r);
    const char *code = cld_code(r.code[0]);
    int i = lang_index(l, code);
    if (i >= 0 && v->in[i])
        v->score[i] += SL_LANGID_CLD_WEIGHT * v->ngrams * r.percent[0] / 100.0;
    else if (i < 0 && code && r.reliable && r.percent[0] >= 70)
        return code;
    return NULL;
}

/* Takes the hint when it is a candidate within SL_LANGID_TIE of the best. */
static void apply_hint(const sl_langid *l, const char *hint, vote *v)
{
    char h[4] = {0};
    for (int k = 0; hint && k < 3 && hint[k] && hint[k] != '-' && hint[k] != '_'; k++)
        h[k] = (char)(hint[k] | 0x20);
    int i = lang_index(l, !strcmp(h, "no") ? "nb" : h);
    if (i < 0 || !v->in[i] || i == v->best)
        return;
    if (v->score[v->best] - v->score[i] <= SL_LANGID_TIE * v->ngrams)
        v->second = v->best, v->best = i;
}

/* Latin, Cyrillic, Arabic, Devanagari: the model and CLD2 vote. */
static const char *by_model(sl_langid *l, script sc, const char *s, size_t len,
                            const char *hint, double *conf)
{
    vote v;
    candidates(l, sc, &v);
    const char *other = cld_vote(l, s, len, &v);
    rank(l, &v);
    if (other)
        return *conf = 0.9, other;
    if (v.best < 0)
        return *conf = 0, "und";
    uint32_t hits = l->grams[1] + l->grams[2] + l->grams[3];
    if (l->hit[v.best] < SL_LANGID_MIN_HIT * hits)
        return *conf = 0, "und";
    apply_hint(l, hint, &v);
    double lead = v.second < 0 ? 10 : v.score[v.best] - v.score[v.second];
    *conf = lead_confidence(lead);
    return l->lang[v.best].code;
}

const char *sl_langid_detect(sl_langid *l, const char *s, size_t len,
                             const char *hint, double *confidence)
{
    double conf = 0;
    uint32_t letters;
    scan(l, s, len);
    script sc = main_script(l, &letters);
    const char *lang = "und";
    bool cjk = sc == SC_HANI || sc == SC_KANA || sc == SC_HANG;
    if (sc == SC_NONE || letters < (cjk ? 1u : (uint32_t)MIN_LETTERS))
        lang = "und";
    else if (sc >= SC_MODEL_OTHER)
        lang = by_script(l, sc, letters, &conf);
    else
        lang = by_model(l, sc, s, len, hint, &conf);
    if (confidence)
        *confidence = strcmp(lang, "und") ? conf : 0;
    return lang;
}
