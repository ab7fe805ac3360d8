/*
 * langid.c -- language identification: which of 75 languages a text is in.
 *
 * The idea: the writing system first, then a naive Bayes model of letters,
 * character 5-grams and whole words.
 *
 *  1. The writing system decides first.  Greek, Armenian, Hebrew, Georgian,
 *     Thai, Hangul, kana and the Indic scripts each belong to one language of
 *     ours, so counting letters per script answers at once.  Han without kana
 *     is Chinese or Japanese kanji: the model below decides.
 *  2. For Latin, Cyrillic, Arabic and Devanagari text, the model scores every
 *     language written in that script.  The features of each lowercased word
 *     are its letters, its n-grams of code points framed by spaces (with
 *     5-grams: " haus" and "haus ") and the word itself; score = sum of
 *     log P(feature | language), where a feature a language lacks costs that
 *     language's "floor".  Which n-gram orders are used is the model's
 *     choice, stored in it (scripts/langid_train.py says why these).  The
 *     model is built by scripts/build-langid-model.sh from Debian packages
 *     (Firefox, LibreOffice and MediaWiki translations, translated man pages;
 *     data/langid/SOURCES.md) and embedded in the binary
 *     (data/langid/model.bin via .incbin) with its index ready-made, so
 *     loading is free and needs no file at run time.
 *
 * Invariants: the answer is one of the model's languages or "und", and
 * depends on the text and the hint only.  "und" (confidence 0) is returned
 * for fewer than MIN_LETTERS letters and for garbage: several words of which
 * the best language knows no word and no 5-gram.  The confidence is
 * 1 - exp(-lead / SL_LANGID_CONF_SCALE) / 2 for a lead in nats over the
 * runner-up, which on the dev split is about the share of right answers.
 * The hint (from <html lang>, a feed) wins only within SL_LANGID_TIE nats,
 * where the model alone is right about half the time.
 *
 * Trade-offs: scanning stops once the lead is beyond doubt (an article's
 * language is settled after a line or two; this keeps the cost per article
 * flat, a few microseconds) and after SAMPLE_LETTERS letters in any case.
 * The model knows UI strings and manuals, not news: close relatives (bs /
 * hr / sr, ms / id, nb / nn / da) are its weak spots.  CLD2 was tried as a
 * second opinion on close calls and did not help on the dev split, so it is
 * not asked.  Languages outside the model are never answered.
 *
 * No globals: the model's bytes are read-only static data, everything that
 * changes lives in the sl_langid.  Tests: tests/text/test_langid.c; figures:
 * bench/langid.c (build/bench/langid).
 */
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* ---- tunables (chosen on the dev split, see data/langid/SOURCES.md) ----- */

#ifndef SL_LANGID_STOP_LEAD
#define SL_LANGID_STOP_LEAD 120.0 /* scanning stops at this lead (nats) */
#endif
#ifndef SL_LANGID_STOP_LETTERS
#define SL_LANGID_STOP_LETTERS 48 /* letters read before the first look */
#endif
#ifndef SL_LANGID_TIE
#define SL_LANGID_TIE 2.0 /* a hint wins within this many nats of the best */
#endif
#ifndef SL_LANGID_CONF_SCALE
#define SL_LANGID_CONF_SCALE 8.0 /* nats of lead per e-fold of doubt */
#endif
#ifndef SL_LANGID_MIN_GAIN
#define SL_LANGID_MIN_GAIN 0.05 /* below this mean gain over the floor: "und" */
#endif

enum {
    MAXN = 6,              /* feature orders: n-grams of 1..5, whole words */
    MAXGRAM = 5,           /* the longest n-gram */
    WORD = 6,              /* the order of whole-word features */
    WORD_MIN = 1,          /* whole-word features: 1..24 letters */
    WORD_MAX = 24,
    MAXLANG = 128,         /* most languages a model may hold */
    SAMPLE_LETTERS = 1500, /* letters scored at most */
    CHECK_EVERY = 48,      /* letters between two looks at the lead */
    MIN_LETTERS = 3,       /* fewer (alphabetic scripts): "und" */
    GARBAGE_WORDS = 3,     /* words needed to call a text garbage */
    HEADER = 28,           /* "SLLI" + 6 x u32 */
    DENSE_MARK = 255,      /* the count of a key stored as a dense row */
    DENSE_STRIDE = 80,     /* bytes per dense row: one per language */
    BUCKETS = 1 << 16,     /* keys are bucketed by their top 16 bits */
    UNI_SLOTS = 256,       /* distinct 1-grams counted before scoring */
    LANG_REC = 32          /* code[4], script, pad[3], f32 floor[6] */
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
    const char *code; /* NUL-terminated, in the blob: static when returned */
    uint8_t script;
    float floor[MAXN];
} lang_info;

struct sl_langid {
    uint32_t nlang;
    uint32_t orders;        /* bit n - 1 set: the model has features of order n */
    lang_info lang[MAXLANG];
    /* the index, borrowed from the blob (see scripts/langid_train.py) */
    const uint8_t *key_start, *entry_start; /* u32 per bucket, and the end */
    const uint8_t *low;     /* u16 per key: its low 16 bits */
    const uint8_t *count;   /* u8 per key: its entries */
    const uint8_t *entries; /* (lang, q) pairs */
    const uint8_t *dense;   /* DENSE_STRIDE q per row */
    /* scratch for one call */
    int32_t acc[MAXLANG];   /* sum of q (1/16 nat) per language, orders >= 2 */
    int32_t acc1[MAXLANG];  /* the same for 1-grams */
    uint32_t grams[MAXN];   /* features scored, per order */
    uint32_t letters[SC_COUNT];
    uint32_t uni_key[UNI_SLOTS], uni_n[UNI_SLOTS]; /* 1-grams not yet scored */
    uint32_t uni_used;      /* slots of uni_n in use */
};

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint16_t rd16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

static float rdf32(const uint8_t *p)
{
    float v;
    memcpy(&v, p, 4);
    return v;
}

static void broken(const char *why)
{
    fprintf(stderr, "storyline: data/langid/model.bin %s\n", why);
    abort();
}

/* Points the sl_langid at the blob's parts; aborts on a broken model (a
 * build error, not an input error). */
static void load(sl_langid *l, const uint8_t *m, size_t size)
{
    if (size < HEADER || memcmp(m, "SLLI", 4) || rd32(m + 4) != 5 ||
        rd32(m + 8) > DENSE_STRIDE)
        broken("is not a model of version 5");
    l->orders = rd32(m + 24);
    l->nlang = rd32(m + 8);
    uint32_t nkeys = rd32(m + 12), nent = rd32(m + 16), ndense = rd32(m + 20);
    for (uint32_t i = 0; i < l->nlang; i++) {
        const uint8_t *r = m + HEADER + (size_t)i * LANG_REC;
        if (r[3] || !r[0])
            broken("has a bad language code");
        l->lang[i].code = (const char *)r;
        l->lang[i].script = r[4];
        for (int n = 0; n < MAXN; n++)
            l->lang[i].floor[n] = rdf32(r + 8 + 4 * n);
    }
    l->key_start = m + HEADER + (size_t)l->nlang * LANG_REC;
    l->entry_start = l->key_start + 4 * (size_t)(BUCKETS + 1);
    l->low = l->entry_start + 4 * (size_t)(BUCKETS + 1);
    l->count = l->low + 2 * (size_t)nkeys;
    l->entries = l->count + nkeys;
    l->dense = l->entries + 2 * (size_t)nent;
    if (l->dense + (size_t)DENSE_STRIDE * ndense != m + size ||
        rd32(l->key_start + 4 * (size_t)BUCKETS) != nkeys ||
        rd32(l->entry_start + 4 * (size_t)BUCKETS) != nent)
        broken("is truncated");
}

sl_langid *sl_langid_new(void)
{
    sl_langid *l = sl_xcalloc(1, sizeof *l);
    load(l, sl_langid_model_start,
         (size_t)(sl_langid_model_end - sl_langid_model_start));
    return l;
}

void sl_langid_free(sl_langid *l)
{
    if (!l)
        return;
    free(l);
}

/* ---- scanning: scripts and features ------------------------------------ */

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

/* FNV-1a over the UTF-8 bytes of c (the training script hashes the same). */
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

/* acc += times * q, for a dense row: a loop the compiler vectorizes. */
static void add_row(int32_t *restrict acc, const uint8_t *restrict q,
                    uint32_t times)
{
    for (int i = 0; i < DENSE_STRIDE; i++)
        acc[i] += (int32_t)(q[i] * times);
}

/* Adds the model's scores of a feature seen 'times' times (hash 'key',
 * order n, 1-based): a scan of its bucket, whose low key halves are
 * ascending. */
static void score(sl_langid *l, uint32_t key, int n, uint32_t times)
{
    key = key ? key : 1;
    l->grams[n - 1] += times;
    size_t b = key >> 16, k = rd32(l->key_start + 4 * b);
    size_t end = rd32(l->key_start + 4 * (b + 1));
    uint32_t first = rd32(l->entry_start + 4 * b);
    uint16_t want = (uint16_t)(key & 0xFFFF);
    for (; k < end; k++) {
        uint16_t got = rd16(l->low + 2 * k);
        if (got > want)
            return;
        if (got == want)
            break;
        first += l->count[k] == DENSE_MARK ? 1 : l->count[k];
    }
    if (k == end)
        return;
    uint32_t count = l->count[k];
    const uint8_t *e = l->entries + 2 * (size_t)first;
    if (count == DENSE_MARK) {
        add_row(n == 1 ? l->acc1 : l->acc, l->dense + (size_t)DENSE_STRIDE * rd16(e), times);
        return;
    }
    for (; count--; e += 2)
        (n == 1 ? l->acc1 : l->acc)[e[0]] += (int32_t)(e[1] * times);
}

/* Scores the counted 1-grams and forgets them.  A 1-gram is known to most
 * languages of its script, so adding its scores once per distinct letter
 * rather than once per occurrence saves most of the work of a scan. */
static void flush_unigrams(sl_langid *l)
{
    for (int i = 0; i < UNI_SLOTS; i++)
        if (l->uni_n[i]) {
            score(l, l->uni_key[i], 1, l->uni_n[i]);
            l->uni_n[i] = 0;
        }
    l->uni_used = 0;
}

static void count_unigram(sl_langid *l, uint32_t key)
{
    _Static_assert(UNI_SLOTS == 256, "the slot is the hash's top 8 bits");
    uint32_t i = (key * 2654435761u) >> 24;
    while (l->uni_n[i] && l->uni_key[i] != key)
        i = (i + 1) % UNI_SLOTS;
    if (!l->uni_n[i]) {
        if (l->uni_used >= UNI_SLOTS / 2) { /* half full: score what is there */
            flush_unigrams(l);
            i = (key * 2654435761u) >> 24;
        }
        l->uni_key[i] = key;
        l->uni_used++;
    }
    l->uni_n[i]++;
}

/* The current word: its last MAXN - 1 code points (" " first) for the
 * n-grams, and the running hash of the whole word. */
typedef struct {
    UChar32 c[MAXGRAM];
    int n;          /* code points in c */
    uint32_t word;  /* FNV-1a of 0x01, " " and the word so far */
    int wlen;       /* letters in the word */
} window;

static void word_start(window *w)
{
    w->c[0] = ' ', w->n = 1, w->wlen = 0;
    w->word = fnv_cp(fnv_cp(0x811C9DC5u, 0x01), ' ');
}

/* Scores the n-grams of the model's orders that end at c (a letter, or
 * ' ' closing the word). */
static void push(sl_langid *l, window *w, UChar32 c)
{
    if (w->n == MAXGRAM)
        memmove(w->c, w->c + 1, (MAXGRAM - 1) * sizeof *w->c), w->n--;
    w->c[w->n++] = c;
    for (int len = 1; len <= w->n; len++) {
        if (!(l->orders >> (len - 1) & 1))
            continue;
        uint32_t h = 0x811C9DC5u;
        for (int i = w->n - len; i < w->n; i++)
            h = fnv_cp(h, w->c[i]);
        if (len > 1)
            score(l, h, len, 1);
        else if (c != ' ')
            count_unigram(l, h);
    }
}

static void word_end(sl_langid *l, window *w)
{
    push(l, w, ' ');
    if (w->wlen >= WORD_MIN && w->wlen <= WORD_MAX && (l->orders >> (WORD - 1) & 1))
        score(l, fnv_cp(w->word, ' '), WORD, 1);
    word_start(w);
}

static bool is_letter(UChar32 c)
{
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

static bool decided(sl_langid *l);

/* Scores s[0..len): letters per script and, for each language, the sum of
 * its feature scores.  Stops at a word end once decided(), and after
 * SAMPLE_LETTERS letters in any case (so the sums cannot overflow). */
static void scan(sl_langid *l, const char *s, size_t len)
{
    memset(l->acc, 0, sizeof l->acc);
    memset(l->acc1, 0, sizeof l->acc1);
    memset(l->grams, 0, sizeof l->grams);
    memset(l->letters, 0, sizeof l->letters);
    memset(l->uni_n, 0, sizeof l->uni_n);
    l->uni_used = 0;
    window w;
    word_start(&w);
    uint32_t total = 0, check = SL_LANGID_STOP_LETTERS;
    for (size_t i = 0; i < len;) {
        int32_t c = sl_utf8_next(s, len, &i);
        if (c >= 0 && is_letter(c)) {
            l->letters[script_of(c)]++;
            c = u_tolower(c);
            push(l, &w, c);
            w.word = fnv_cp(w.word, c);
            w.wlen++;
            if (++total >= SAMPLE_LETTERS) /* even inside a word: a text */
                break;                     /* with no spaces is bounded too */
        } else if (w.wlen) {
            word_end(l, &w);
            if (total >= SAMPLE_LETTERS)
                break;
            if (total >= check) {
                check += CHECK_EVERY;
                flush_unigrams(l);
                if (decided(l))
                    break;
            }
        }
    }
    if (w.wlen)
        word_end(l, &w);
    flush_unigrams(l);
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

/* Log-likelihood of language i (nats), and its part above the floors. */
static double loglik(const sl_langid *l, uint32_t i)
{
    double v = ((double)l->acc[i] + l->acc1[i]) / 16.0;
    for (int n = 0; n < MAXN; n++)
        v += l->grams[n] * (double)l->lang[i].floor[n];
    return v;
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
    uint32_t ngrams; /* features scored, all orders */
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
 * log-likelihoods, and ranks them. */
static void candidates(const sl_langid *l, script sc, vote *v)
{
    v->ngrams = 0;
    for (int n = 0; n < MAXN; n++)
        v->ngrams += l->grams[n];
    for (uint32_t i = 0; i < l->nlang; i++) {
        const char *c = l->lang[i].code;
        v->in[i] = sc == SC_HANI ? !strcmp(c, "ja") || !strcmp(c, "zh")
                                 : l->lang[i].script == (uint8_t)sc;
        v->score[i] = v->in[i] ? loglik(l, i) : 0;
    }
    rank(l, v);
}

static double lead(const vote *v)
{
    return v->second < 0 ? 100 : v->score[v->best] - v->score[v->second];
}

/* The confidence of a language told by its script: the share of the
 * letters in that script (kana and Han for Japanese). */
static double script_share(const sl_langid *l, script sc, uint32_t letters)
{
    uint32_t own = l->letters[sc] + (sc == SC_KANA ? l->letters[SC_HANI] : 0);
    return (double)own / letters;
}

/* True when the text read so far leaves no doubt: one script of a single
 * language, or a model lead beyond SL_LANGID_STOP_LEAD. */
static bool decided(sl_langid *l)
{
    uint32_t letters;
    script sc = main_script(l, &letters);
    if (sc > SC_MODEL_OTHER && sc != SC_HANI)
        return script_share(l, sc, letters) >= 0.9;
    vote v;
    candidates(l, sc, &v);
    return v.best >= 0 && lead(&v) >= SL_LANGID_STOP_LEAD;
}

/* A confidence in 0..1 from the winner's lead in nats. */
static double lead_confidence(double lead)
{
    return lead <= 0 ? 0.5 : 1.0 - 0.5 * exp(-lead / SL_LANGID_CONF_SCALE);
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
    if (v->score[v->best] - v->score[i] <= SL_LANGID_TIE)
        v->second = v->best, v->best = i;
}

/* Latin, Cyrillic, Arabic, Devanagari and Han: the model, and the hint on
 * ties. */
static const char *by_model(sl_langid *l, script sc, const char *hint,
                            double *conf)
{
    vote v;
    candidates(l, sc, &v);
    if (v.best < 0)
        return "und";
    if (sc != SC_HANI && l->grams[WORD - 1] >= GARBAGE_WORDS &&
        l->acc[v.best] / 16.0 < SL_LANGID_MIN_GAIN * (v.ngrams - l->grams[0]))
        return "und";
    apply_hint(l, hint, &v);
    *conf = lead_confidence(lead(&v));
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
    else if (sc > SC_MODEL_OTHER && sc != SC_HANI)
        lang = script_lang[sc], conf = script_share(l, sc, letters);
    else
        lang = by_model(l, sc, hint, &conf);
    if (confidence)
        *confidence = strcmp(lang, "und") ? conf : 0;
    return lang;
}
