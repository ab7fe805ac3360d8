/*
 * name_find.c -- which words of a text are names.
 *
 * Names are found in cased scripts (Latin, Cyrillic, Greek) by their
 * capitals, in two passes over the article:
 *
 *   1. evidence: which words the article also writes in lower case
 *      ("striking" makes "Striking" at a sentence start a common word),
 *      which it capitalises inside sentences ("Solheim" there makes
 *      "Solheim" at a sentence start a name), and in German -- where every
 *      noun is capitalised -- which capitalised words follow a determiner,
 *      a number or "der ... -e" adjective ("die norwegische Skispringerin":
 *      a noun; "in Vikersund": a name);
 *   2. names: runs of capitalised words joined by single spaces, with
 *      particles inside ("Katrien De Smet", "Charles de Gaulle", "Port of
 *      Antwerp" after a head such as "Port"), a Roman numeral after
 *      ("Elizabeth II"), a glued number ("Luna-25"); titles ("President",
 *      "Bakan"), common words ("The", "Однако") and weekday and month names
 *      split runs and are dropped; acronyms ("NATO", "ABVV", "G20", "U.S.")
 *      stand alone.
 *
 * A run that opens a sentence loses its first word when the article writes
 * that word in lower case, and a single word there is kept only if the
 * article also capitalises it inside a sentence.  Headlines in Title Case
 * keep only words so confirmed; shouted lines (mostly capitals) give none.
 * Possessives and Turkish case suffixes after an apostrophe are cut
 * ("Turkey's", "Hatay'da"), and French and Italian elisions before one
 * ("d'Anvers", "dell'Italia"); so are the tails of adjectives made of a
 * name ("UN-backed", "San Francisco-based").
 *
 * Arabic has no capitals: a name is taken only after a title or a place
 * word ("الرئيس التركي رجب طيب أردوغان": after "the president" and the
 * adjectives that start with al-, up to three words until a function word
 * or punctuation).  Chinese, Japanese and other scripts without case or
 * spaces give no names here (Latin-script names inside them still count).
 *
 * Trade-off: precision first.  A name met only once, at the start of a
 * sentence, is missed; German single nouns that never follow a determiner
 * slip through.  Figures: bench/dates_eval.c --dump-entities.
 *
 * Tests: tests/analyze/test_entities.c.
 */
#include "analyze_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#define MAX_RUN 6

/* ---- hash sets ---------------------------------------------------------- */

void sl_hset_add(sl_hset *s, uint64_t h)
{
    h = h ? h : 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint64_t *old = s->h, oldcap = s->cap;
        s->h = sl_xcalloc(cap, sizeof *s->h);
        s->cap = cap;
        s->n = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                sl_hset_add(s, old[i]);
        free(old);
    }
    size_t i = h & (s->cap - 1);
    while (s->h[i] && s->h[i] != h)
        i = (i + 1) & (s->cap - 1);
    if (!s->h[i]) {
        s->h[i] = h;
        s->n++;
    }
}

bool sl_hset_has(const sl_hset *s, uint64_t h)
{
    h = h ? h : 1;
    if (!s->cap)
        return false;
    for (size_t i = h & (s->cap - 1); s->h[i]; i = (i + 1) & (s->cap - 1))
        if (s->h[i] == h)
            return true;
    return false;
}

void sl_hset_free(sl_hset *s)
{
    free(s->h);
    memset(s, 0, sizeof *s);
}

/* ---- words ---------------------------------------------------------------- */

typedef struct {
    sl_nword part; /* the bytes that can belong to a name */
    bool cap;      /* the part starts with a capital */
    bool cut;      /* a possessive or suffix was cut off: the name ends here */
    size_t next;   /* the token after the word */
    uint64_t hash; /* of the part's fold (0 if too long) */
    char fold[SL_AN_WORD_MAX];
    size_t nfold;
    size_t tok;    /* its token (memo of flags_of) */
} winfo;

static int32_t first_cp(const char *s, size_t off, size_t len)
{
    size_t i = off;
    return len ? sl_utf8_next(s, off + len, &i) : -1;
}

static bool upper_cp(int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return u_isupper(c) || u_istitle(c);
}

static bool in_words(const char *f, size_t n, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], f, n))
            return true;
    return false;
}

static size_t fold_to(const char *s, size_t off, size_t len, char *f)
{
    return len < 2 * SL_AN_WORD_MAX ? sl_an_fold(s + off, len, f, SL_AN_WORD_MAX) : 0;
}

/* Apostrophes: "Turkey's" / "Hatay'da" keep the head, "d'Anvers" the tail. */
static void cut_apostrophe(const sl_an_text *t, const sl_tok *k, winfo *w)
{
    static const char *const elisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "dell",
                                           "dall", "nell", "sull", "all", "un", NULL};
    size_t a = k->apos - 1, tail = a + 1;
    while (tail < k->len && ((unsigned char)t->s[k->off + tail] & 0xC0) == 0x80)
        tail++;
    int32_t tc = first_cp(t->s, k->off + tail, k->len - tail);
    char f[SL_AN_WORD_MAX];
    size_t nf = fold_to(t->s, k->off, a, f);
    static const char *const contractions[] = {"t", "re", "ve", "ll", "m", "d", NULL};
    char tf[8];
    size_t ntf = k->len - tail < sizeof tf ? sl_an_fold(t->s + k->off + tail, k->len - tail, tf, sizeof tf) : 0;
    if (ntf && in_words(tf, ntf, contractions)) {
        w->part.len = 0; /* "Don't", "They're": no name */
    } else if (!upper_cp(tc)) {
        w->part.len = (uint32_t)a;
        w->cut = true;
    } else if (nf && in_words(f, nf, elisions)) {
        w->part.off = k->off + (uint32_t)tail;
        w->part.len = k->len - (uint32_t)tail;
    }
}

/* "UN-backed", "San Francisco-based", "Hamas-run", "ChatGPT-maker": an
 * adjective made of a name and one of these words is the name, which ends
 * there.  Other compounds stay whole ("Antwerp-Bruges", "Al-Watiya",
 * "Celui-ci"), and a letter before a word ("T-shirt") is no name. */
static void cut_compound(const sl_an_text *t, winfo *w)
{
    static const char *const tails[] = {
        "based", "backed", "led", "run", "linked", "affiliated", "aligned", "allied", "bound",
        "born", "owned", "controlled", "held", "funded", "sponsored", "occupied", "made",
        "style", "maker", "founded", "focused", "friendly", "centric", "era", NULL};
    const char *s = t->s + w->part.off, *end = s + w->part.len, *last = NULL;
    for (const char *p = s; p + 1 < end; p++)
        if (*p == '-')
            last = p + 1;
    if (!last)
        return;
    size_t n = (size_t)(end - last), i = 0;
    if (last - 1 - s < 2) { /* "T-shirt", "U-turn": a letter and a word, no name */
        if (u_islower(sl_utf8_next(last, n, &i)))
            w->part.len = 0;
        return;
    }
    for (int k = 0; tails[k]; k++)
        if (strlen(tails[k]) == n && !memcmp(last, tails[k], n)) {
            w->part.len = (uint32_t)(last - 1 - s);
            w->cut = true;
            return;
        }
}

/* "al-Ahli", "el-Sisi": a lower-case Arabic article before a capital. */
static bool arabic_article(const sl_an_text *t, const sl_tok *k)
{
    static const char *const arts[] = {"al", "el", "ad", "an", "ar", "as", "at", "ash", "az",
                                       "abu", "ibn", "bin", "ben", NULL};
    const char *w = t->s + k->off, *h = memchr(w, '-', k->len);
    if (!h || !(k->flags & SL_TF_LOWER))
        return false;
    char f[8];
    size_t head = (size_t)(h - w), nf = head < sizeof f ? sl_an_fold(w, head, f, sizeof f) : 0;
    if (!nf || !in_words(f, nf, arts))
        return false;
    return upper_cp(first_cp(t->s, k->off + head + 1, k->len - head - 1));
}

static winfo compute_info(const sl_an_text *t, size_t i)
{
    const sl_tok *k = &t->tok[i];
    winfo w = {{k->off, k->len}, false, false, i + 1, 0, {0}, 0, i};
    if (k->apos)
        cut_apostrophe(t, k, &w);
    if (w.part.len && memchr(t->s + w.part.off, '-', w.part.len))
        cut_compound(t, &w);
    w.cap = k->script == SL_SC_CASED && w.part.len && !(k->flags & SL_TF_LINK) &&
            (upper_cp(first_cp(t->s, w.part.off, w.part.len)) || arabic_article(t, k));
    /* "Luna-25", "Chandrayaan-3": a glued number belongs to the name */
    if (w.cap && !w.cut && sl_tok_is(t, i + 1, '-') && sl_tok_glued(t, i + 1) &&
        i + 2 < t->ntok && t->tok[i + 2].kind == SL_TK_NUM && sl_tok_glued(t, i + 2) &&
        t->tok[i + 2].ndig <= 4 && !(i + 3 < t->ntok && sl_tok_glued(t, i + 3) &&
                                     t->tok[i + 3].kind != SL_TK_PUNCT)) {
        w.part.len = t->tok[i + 2].off + t->tok[i + 2].len - w.part.off;
        w.next = i + 3;
    }
    /* the fold of the stem: "Путина" and "Путин" are one word as evidence */
    size_t stem = sl_an_stem_len(t->s + w.part.off, w.part.len);
    if (k->kind == SL_TK_WORD && w.part.off == k->off && stem == k->len) { /* the word's own */
        memcpy(w.fold, sl_tok_fold(t, k), (size_t)k->nfold + 1);
        w.nfold = k->nfold;
        w.hash = w.nfold ? k->fhash : 0;
        return w;
    }
    w.nfold = fold_to(t->s, w.part.off, stem, w.fold);
    w.hash = w.nfold ? sl_an_hash(w.fold, w.nfold) : 0;
    return w;
}

/* ---- the memo: each word's facts worked out once ---------------------------- */

enum { KNOWN_INFO = 1, KNOWN_FLAGS = 2 };

struct sl_winfo {
    winfo w;
};

void sl_name_text_set(sl_name_text *m, const sl_an_text *t)
{
    m->t = t;
    if (t->ntok > m->cap) {
        size_t cap = m->cap ? m->cap : 64;
        while (cap < t->ntok)
            cap *= 2;
        free(m->w);
        free(m->fl);
        free(m->known);
        m->w = sl_xmalloc(cap * sizeof *m->w);
        m->fl = sl_xmalloc(cap * sizeof *m->fl);
        m->known = sl_xmalloc(cap);
        m->cap = cap;
    }
    memset(m->known, 0, t->ntok);
}

void sl_name_text_free(sl_name_text *m)
{
    free(m->w);
    free(m->fl);
    free(m->known);
    memset(m, 0, sizeof *m);
}

/* The facts of the word at token i (i < ntok), computed on first use.
 * Borrowed from the memo. */
static const winfo *info(sl_name_text *m, size_t i)
{
    if (!(m->known[i] & KNOWN_INFO)) {
        m->w[i].w = compute_info(m->t, i);
        m->known[i] |= KNOWN_INFO;
    }
    return &m->w[i].w;
}

static winfo word_info(sl_name_text *m, size_t i) { return *info(m, i); }

/* ---- sentences --------------------------------------------------------- */

enum { MODE_NORMAL, MODE_TITLE, MODE_SHOUT };

/* Headlines In Title Case and SHOUTED LINES say little about names.  A
 * sentence is in Title Case when every word of four letters or more is
 * capitalised and at least two of them are words the article also writes in
 * lower case ("Dock Strike Ends After Deal"); a line of names ("Angela
 * Merkel met Emmanuel Macron in Paris") is not.  Before the article's lower
 * case words are known (ev->lower empty), no sentence is Title Case. */
static int sentence_mode(const sl_an_text *t, size_t first, size_t end,
                         const sl_name_evidence *ev)
{
    int words = 0, caps = 0, long_words = 0, long_caps = 0, common = 0;
    bool long_shout = false;
    for (size_t i = first; i < end; i++) {
        const sl_tok *k = &t->tok[i];
        if (k->kind != SL_TK_WORD || k->script != SL_SC_CASED || k->len < 2 ||
            (k->flags & SL_TF_LINK))
            continue;
        words++;
        if (k->flags & SL_TF_ALLCAPS) {
            caps++;
            long_shout |= k->len >= 5;
            continue;
        }
        if (k->len < 4)
            continue;
        long_words++;
        if (!(k->flags & SL_TF_UPPER))
            continue;
        long_caps++;
        common += k->nfold && sl_hset_has(&ev->lower, k->fhash);
    }
    if ((words >= 3 || (words == 2 && long_shout)) && caps * 10 >= words * 6)
        return MODE_SHOUT;
    if (long_words >= 4 && long_caps == long_words && common >= 2)
        return MODE_TITLE;
    return MODE_NORMAL;
}

static size_t sentence_end(const sl_an_text *t, size_t first)
{
    size_t e = first;
    while (e < t->ntok && t->tok[e].sent == t->tok[first].sent)
        e++;
    return e;
}

/* True if token i opens a sentence or a quotation within one. */
static bool initial_like(const sl_an_text *t, size_t i)
{
    if (t->tok[i].flags & SL_TF_START)
        return true;
    if (i == 0 || t->tok[i - 1].kind != SL_TK_PUNCT)
        return false;
    switch (t->tok[i - 1].value) {
    case ':': case '"': case 0x201C: case 0xAB: case 0x201E: case 0x2018: case '\'':
    case 0x2014: case 0x2013: case 0x2022: case '|':
        return true;
    default:
        return false;
    }
}

/* Token i follows token i-1 with a plain space (no line break, nothing between). */
static bool spaced(const sl_an_text *t, size_t i)
{
    return i < t->ntok && (t->tok[i].flags & SL_TF_SPACE) && !(t->tok[i].flags & SL_TF_NL);
}

/* ---- pass 1: evidence ---------------------------------------------------- */

static bool adjective_like(const char *f, size_t n)
{
    if (n < 4)
        return false;
    char c = f[n - 1], b = f[n - 2];
    return c == 'e' || (b == 'e' && (c == 'n' || c == 'r' || c == 's' || c == 'm'));
}

/* German: is the capitalised word at i used as a common noun here? */
static bool noun_context(const sl_name_evidence *ev, const sl_an_text *t, size_t i)
{
    if (i == 0 || t->tok[i - 1].sent != t->tok[i].sent)
        return false;
    if (!spaced(t, i))
        return sl_tok_is(t, i - 1, '-') && i >= 2 && t->tok[i - 2].kind == SL_TK_NUM;
    const sl_tok *p = &t->tok[i - 1];
    if (p->kind == SL_TK_NUM)
        return true;
    if (sl_tok_is(t, i - 1, '-') && i >= 2 && t->tok[i - 2].kind == SL_TK_NUM)
        return true; /* "die 23-Jährige" */
    if (p->kind != SL_TK_WORD)
        return false;
    const char *f = sl_tok_fold(t, p);
    size_t nf = p->nfold;
    if (!nf)
        return false;
    if (sl_nw_flags(f, nf, ev->langs) & NW_DET)
        return true;
    if (!(p->flags & SL_TF_LOWER) || !adjective_like(f, nf) || i < 2 || !spaced(t, i - 1))
        return false;
    const sl_tok *pp = &t->tok[i - 2];
    nf = pp->kind == SL_TK_WORD ? pp->nfold : 0;
    return nf && (sl_nw_flags(sl_tok_fold(t, pp), nf, ev->langs) & NW_DET);
}

void sl_an_lower_evidence(sl_name_evidence *ev, sl_name_text *m)
{
    const sl_an_text *t = m->t;
    for (size_t i = 0; i < t->ntok; i++) {
        const sl_tok *k = &t->tok[i];
        if (k->kind != SL_TK_WORD || k->script != SL_SC_CASED || !(k->flags & SL_TF_LOWER))
            continue;
        winfo w = word_info(m, i);
        if (w.hash && !w.cap)
            sl_hset_add(&ev->lower, w.hash);
    }
}

void sl_an_name_evidence(sl_name_evidence *ev, sl_name_text *m)
{
    const sl_an_text *t = m->t;
    for (size_t s = 0; s < t->nsent; s++) {
        size_t first = t->sent[s].first_tok, end = sentence_end(t, first);
        int mode = sentence_mode(t, first, end, ev);
        for (size_t i = first; i < end; i++) {
            const sl_tok *k = &t->tok[i];
            if (k->kind != SL_TK_WORD || k->script != SL_SC_CASED ||
                ((k->flags & SL_TF_LOWER) && !(k->flags & SL_TF_HYPHEN) && !k->apos))
                continue;
            winfo w = word_info(m, i);
            if (!w.hash)
                continue;
            if (w.cap && mode == MODE_NORMAL && !initial_like(t, i) &&
                !(k->flags & SL_TF_ALLCAPS))
                sl_hset_add(&ev->capmid, w.hash);
            if (w.cap && ev->german && noun_context(ev, t, i))
                sl_hset_add(&ev->nounlike, w.hash);
        }
    }
}

/* ---- pass 2: names ---------------------------------------------------------- */

typedef struct {
    const sl_name_evidence *ev;
    const sl_an_text *t;
    sl_name_text *m;
    sl_name_emit emit;
    void *ctx;
    int mode;
} finder;

/* German compounds that name a role: "Außenministerin", "Regierungssprecher",
 * "Gewerkschaftsführerin" (folded). */
static bool german_title(const char *f, size_t n)
{
    static const char *const tails[] = {
        "minister", "ministerin", "prasident", "prasidentin", "kanzler", "kanzlerin",
        "fuhrer", "fuhrerin", "chef", "chefin", "sprecher", "sprecherin", "leiter",
        "leiterin", "vorsitzende", "vorsitzender", "sekretar", "sekretarin", "direktor",
        "direktorin", "trainer", "trainerin", "berater", "beraterin", "experte", "expertin",
        "korrespondent", "korrespondentin", "politiker", "politikerin", "abgeordnete",
        "abgeordneter", "botschafter", "botschafterin", "kommandeur", NULL,
    };
    for (int i = 0; tails[i]; i++) {
        size_t k = strlen(tails[i]);
        if (n >= k && !memcmp(f + n - k, tails[i], k))
            return true;
    }
    return false;
}

/* German endings only common nouns have: "Verspätungen", "Sicherheit". */
static bool german_noun_form(const char *f, size_t n)
{
    static const char *const tails[] = {
        "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
        "tionen", "itat", "itaten", "ismus", "nisse", "tum", "linge", NULL,
    };
    for (int i = 0; tails[i]; i++) {
        size_t k = strlen(tails[i]);
        if (n >= k + 3 && !memcmp(f + n - k, tails[i], k))
            return true;
    }
    return false;
}

/* "Sonntagnacht", "Montagabend": a weekday and a time of day. */
static bool german_weekday_compound(const char *f, size_t n)
{
    static const char *const days[] = {"montag", "dienstag", "mittwoch", "donnerstag",
                                       "freitag", "samstag", "sonntag", NULL};
    for (int i = 0; days[i]; i++) {
        size_t k = strlen(days[i]);
        if (n > k + 3 && !memcmp(f, days[i], k))
            return true;
    }
    return false;
}

static unsigned compute_flags(const finder *f, const winfo *w)
{
    unsigned fl = sl_nw_flags(w->fold, w->nfold, f->ev->langs);
    if (f->ev->german && german_title(w->fold, w->nfold))
        fl |= NW_TITLE;
    if (f->ev->german && german_weekday_compound(w->fold, w->nfold))
        fl |= NW_DATEWORD;
    return fl;
}

/* The list flags of w, a word_info() of token w->tok (or a word with no
 * fold, which has none). */
static unsigned flags_of(const finder *f, const winfo *w)
{
    if (!w->nfold)
        return 0;
    sl_name_text *m = f->m;
    if (!(m->known[w->tok] & KNOWN_FLAGS)) {
        m->fl[w->tok] = compute_flags(f, w);
        m->known[w->tok] |= KNOWN_FLAGS;
    }
    return m->fl[w->tok];
}

/* A capitalised word that may be (part of) a name in this sentence. */
static bool name_word(const finder *f, size_t i, const winfo *w)
{
    const sl_tok *k = &f->t->tok[i];
    if (k->kind != SL_TK_WORD || !w->cap || (k->flags & SL_TF_ALLCAPS) || !w->hash)
        return false;
    if (flags_of(f, w) & (NW_STOP | NW_TITLE | NW_PARTICLE))
        return false;
    if (f->mode == MODE_TITLE)
        return sl_hset_has(&f->ev->capmid, w->hash) && !sl_hset_has(&f->ev->lower, w->hash);
    return true;
}

static bool roman(const sl_an_text *t, size_t i)
{
    const sl_tok *k = &t->tok[i];
    if (k->kind != SL_TK_WORD || k->len > 4 || !(k->flags & (SL_TF_ALLCAPS | SL_TF_UPPER)))
        return false;
    for (uint32_t j = 0; j < k->len; j++)
        if (!strchr("IVX", t->s[k->off + j]))
            return false;
    return true;
}

/* True if a title follows the word that ends at token 'next' ("Education
 * Secretary", "Russian President"): in English that word names a
 * department or a nationality, not a person. */
static bool title_follows(const finder *f, size_t next)
{
    const sl_an_text *t = f->t;
    if (f->ev->langs != SL_LANG(SL_L_EN) || !spaced(t, next) || t->tok[next].kind != SL_TK_WORD ||
        !(t->tok[next].flags & SL_TF_UPPER))
        return false;
    winfo w = word_info(f->m, next);
    return (flags_of(f, &w) & NW_TITLE) != 0;
}

/* True if the word as written ends in one of 'ends' (lower-case letters;
 * not folded, which would make "й" an "и"). */
static bool surface_ends(const finder *f, const winfo *w, const char *const *ends)
{
    const char *g = f->t->s + w->part.off;
    size_t n = w->part.len;
    for (int i = 0; n && ends[i]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && !memcmp(g + n - k, ends[i], k))
            return true;
    }
    return false;
}

/* Russian, Ukrainian, Polish sentence openers that are nouns before a name:
 * a plural ("Докеры Антверпена", "Власти Турции", "Mieszkańcy"), or a noun
 * ending in a consonant before a name in an oblique case ("Разговор
 * Путина") -- not a first name before a last one ("Владимир Путин",
 * "Мария Захарова", "Сергей Шойгу"). */
static bool noun_before_name(const finder *f, const winfo *first, const winfo *second)
{
    static const char *const plural[] = {"ы", "и", "е", "і", "y", "i", "e", NULL};
    static const char *const vowel[] = {"а", "я", "о", "е", "и", "ы", "у", "ю", "й", "ь", "і", NULL};
    static const char *const oblique[] = {"а", "я", "ы", "у", "ом", "ой", "ем", NULL};
    return surface_ends(f, first, plural) ||
           (!surface_ends(f, first, vowel) && surface_ends(f, second, oblique));
}

/* Russian, Ukrainian: "Министр труда Бельгии Питер Клас" -- a name in the
 * genitive ("Бельгии") before one in the nominative ("Питер Клас") are two
 * names.  Returns the index where the second starts, or n. */
static size_t genitive_split(const finder *f, const winfo *w, size_t b, size_t n)
{
    static const char *const genitive[] = {"ии", "ы", "и", NULL};
    static const char *const vowel[] = {"а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "і", NULL};
    for (size_t k = b; k + 1 < n; k++)
        if (surface_ends(f, &w[k], genitive) && !surface_ends(f, &w[k + 1], vowel))
            return k + 1;
    return n;
}

/* Decides what is left of a run of name words and reports it. */
static void finish_run(finder *f, winfo *w, size_t *tok, size_t n)
{
    const sl_name_evidence *ev = f->ev;
    size_t b = 0;
    /* the run opens its sentence (an elided article before it, "L'Escaut",
     * says the word is a proper noun) */
    bool opener = initial_like(f->t, tok[0]) && w[0].part.off == f->t->tok[tok[0]].off;
    while (b < n) {
        bool initial = b == 0 && opener;
        unsigned fl = flags_of(f, &w[b]);
        if ((fl & NW_PARTICLE) || ((fl & NW_DATEWORD) && n - b == 1))
            b++;
        else if (initial && sl_hset_has(&ev->lower, w[b].hash))
            b++;
        else if (initial && n - b > 1 && !sl_hset_has(&ev->capmid, w[b].hash) &&
                 ((ev->strict && noun_before_name(f, &w[b], &w[b + 1])) || ev->german))
            b++; /* "Докеры Антверпена", "Жители Москвы", "Tragischer Flugzeugabsturz" */
        else if (ev->german && sl_hset_has(&ev->nounlike, w[b].hash) && !(fl & NW_ARTICLED))
            b++;
        else
            break;
    }
    while (n > b && (!w[n - 1].cap || (flags_of(f, &w[n - 1]) & NW_PARTICLE)))
        n--; /* a trailing particle */
    if (n <= b)
        return;
    if (n - b == 1) {
        bool initial = opener && (b == 0 || ev->strict || ev->german);
        if (title_follows(f, w[b].next))
            return;
        if (sl_hset_has(&ev->lower, w[b].hash))
            return;
        if (ev->german && german_noun_form(w[b].fold, w[b].nfold))
            return;
        if (initial && !w[b].cut && !sl_hset_has(&ev->capmid, w[b].hash))
            return;
    }
    sl_nword words[MAX_RUN];
    size_t split = ev->strict ? genitive_split(f, w, b, n) : n;
    for (size_t i = b; i < n; i++)
        words[i - b] = w[i].part;
    if (split < n) { /* "Бельгии | Питер Клас" */
        f->emit(f->ctx, f->t->s, words, split - b, SL_ENT_NAME);
        f->emit(f->ctx, f->t->s, words + (split - b), n - split, SL_ENT_NAME);
        return;
    }
    f->emit(f->ctx, f->t->s, words, n - b, SL_ENT_NAME);
}

/* A lower-case word that may join two name words: a particle ("De", "van"),
 * or "of"/"for" after a head like "Port" (with "the" after it). Returns the
 * number of tokens it takes, 0 if none. */
static size_t joiner(const finder *f, size_t i, const winfo *prev)
{
    const sl_an_text *t = f->t;
    if (!spaced(t, i) || t->tok[i].kind != SL_TK_WORD || t->tok[i].script != SL_SC_CASED)
        return 0;
    winfo w = word_info(f->m, i);
    unsigned fl = flags_of(f, &w);
    size_t used = 0;
    bool lower = (t->tok[i].flags & SL_TF_LOWER) != 0;
    if (fl & NW_PARTICLE) {
        used = 1; /* "De Smet", "de Gaulle", "von der Leyen" */
        if (f->ev->german && (fl & NW_DET) && !(flags_of(f, prev) & NW_PARTICLE))
            return 0; /* German "den", "der" are determiners, unless after "von" */
        if (spaced(t, i + 1) && t->tok[i + 1].kind == SL_TK_WORD) {
            winfo w2 = word_info(f->m, i + 1);
            if (flags_of(f, &w2) & NW_PARTICLE)
                used = 2;
        }
    } else if (lower && ((w.nfold == 2 && !memcmp(w.fold, "of", 2)) ||
                         (w.nfold == 3 && !memcmp(w.fold, "for", 3)))) {
        if (!(flags_of(f, prev) & NW_OF_HEAD))
            return 0;
        used = 1;
        if (spaced(t, i + 1) && t->tok[i + 1].len == 3 &&
            !memcmp(t->s + t->tok[i + 1].off, "the", 3))
            used = 2;
    } else {
        return 0;
    }
    size_t j = i + used;
    if (!spaced(t, j) || t->tok[j].sent != t->tok[i].sent)
        return 0;
    winfo nx = word_info(f->m, j);
    return name_word(f, j, &nx) ? used : 0;
}

/* A middle initial at i: one capital, a glued '.', then a name word. */
static bool initial_at(const finder *f, size_t i)
{
    const sl_an_text *t = f->t;
    if (i + 2 >= t->ntok || t->tok[i].kind != SL_TK_WORD || t->tok[i].len != 1 ||
        !(t->tok[i].flags & SL_TF_UPPER) || !sl_tok_is(t, i + 1, '.') ||
        !sl_tok_glued(t, i + 1) || !spaced(t, i + 2) || t->tok[i + 2].sent != t->tok[i].sent)
        return false;
    winfo w = word_info(f->m, i + 2);
    return name_word(f, i + 2, &w);
}

/* The run of name words from token i; returns the token after it. */
static size_t run_at(finder *f, size_t i)
{
    const sl_an_text *t = f->t;
    winfo w[MAX_RUN];
    size_t tok[MAX_RUN], n = 0, j = i;
    while (n < MAX_RUN) {
        w[n] = word_info(f->m, j);
        tok[n] = j;
        n++;
        j = w[n - 1].next;
        if (w[n - 1].cut || j >= t->ntok || !spaced(t, j) || t->tok[j].sent != t->tok[i].sent)
            break;
        if (roman(t, j) && n < MAX_RUN) {
            w[n] = word_info(f->m, j);
            tok[n++] = j++;
            break;
        }
        winfo nx = word_info(f->m, j);
        if (name_word(f, j, &nx)) {
            if (nx.part.off > t->tok[j].off)
                break; /* "Funérailles d'Elizabeth": an elision starts a new name */
            continue;
        }
        if (initial_at(f, j) && n < MAX_RUN - 1) {
            w[n] = (winfo){{t->tok[j].off, t->tok[j].len + 1}, true, false, j + 2, 0, {0}, 0, j};
            tok[n++] = j; /* "Peyton S. Gendron" */
            j += 2;
            continue;
        }
        size_t used = joiner(f, j, &w[n - 1]);
        if (!used || n + used >= MAX_RUN)
            break;
        for (size_t k = 0; k < used; k++) {
            w[n] = word_info(f->m, j + k);
            tok[n++] = j + k;
        }
        j += used;
    }
    finish_run(f, w, tok, n);
    return j;
}

/* ---- acronyms -------------------------------------------------------------- */

/* "NATO", "ABVV", "SAG-AFTRA", "G20", "COVID-19", "U.S.": returns the token
 * after it, or 0 if token i starts no acronym. */
static size_t acronym_at(finder *f, size_t i)
{
    const sl_an_text *t = f->t;
    const sl_tok *k = &t->tok[i];
    if (k->kind != SL_TK_WORD || k->script != SL_SC_CASED || !(k->flags & SL_TF_UPPER) ||
        (k->flags & SL_TF_LINK))
        return 0;
    sl_nword part = {k->off, k->len};
    size_t next = i + 1, nb = 0;
    if (k->flags & SL_TF_ALLCAPS) {
        if (roman(t, i) || k->apos || first_cp(t->s, k->off, k->len) < 0 || k->len > 12)
            return 0;
    } else if (k->len == 1 && next < t->ntok && t->tok[next].kind == SL_TK_NUM &&
               sl_tok_glued(t, next) && t->tok[next].ndig <= 3 &&
               !(sl_tok_is(t, next + 1, '.') && next + 2 < t->ntok &&
                 t->tok[next + 2].kind == SL_TK_NUM && sl_tok_glued(t, next + 2))) {
        part.len = t->tok[next].off + t->tok[next].len - k->off; /* G20 */
        next++;
    } else if (k->len == 1 && sl_tok_is(t, next, '.') && sl_tok_glued(t, next)) {
        size_t j = i; /* U.S., U.K., U.N. */
        while (j + 1 < t->ntok && t->tok[j].kind == SL_TK_WORD && t->tok[j].len == 1 &&
               (t->tok[j].flags & SL_TF_UPPER) && sl_tok_is(t, j + 1, '.') &&
               sl_tok_glued(t, j + 1) && (j == i || sl_tok_glued(t, j)) && nb < 8) {
            nb++;
            j += 2;
        }
        if (nb < 2)
            return 0;
        part.len = t->tok[j - 1].off + 1 - k->off;
        next = j;
    } else {
        return 0;
    }
    if (sl_tok_is(t, next, '-') && sl_tok_glued(t, next) && next + 1 < t->ntok &&
        t->tok[next + 1].kind == SL_TK_NUM && sl_tok_glued(t, next + 1)) {
        part.len = t->tok[next + 1].off + t->tok[next + 1].len - k->off; /* COVID-19 */
        next += 2;
    }
    /* "BREAKING", "TV": capitals that are no acronym; a word of four capitals
     * or more the article also writes in lower case; a short common word in
     * capitals ("DAS" beside "das"), except in English ("US", "WHO") */
    const char *fo = sl_tok_fold(t, k);
    size_t nf = k->nfold;
    unsigned fl = nf ? sl_nw_flags(fo, nf, f->ev->langs) : 0;
    if (fl & NW_CAPS_WORD)
        return next;
    /* two capitals that spell a common word of the language ("IT", "AS"),
     * but not the usual "US", "UK", "UN", "EU" */
    static const char *const keep2[] = {"us", "uk", "un", "eu", NULL};
    if (k->len == 2 && (fl & NW_STOP) && !in_words(fo, nf, keep2))
        return next;
    bool lower = nf && sl_hset_has(&f->ev->lower, k->fhash);
    if (lower && (k->len >= 4 || ((fl & NW_STOP) && f->ev->langs != SL_LANG(SL_L_EN))))
        return next; /* "FINAL" beside "final" */
    /* six capitals and more are a shouted word ("LONDON"), not an acronym */
    f->emit(f->ctx, t->s, &part, 1, nb || k->len < 6 ? SL_ENT_ACRONYM : SL_ENT_NAME);
    return next;
}

/* ---- Arabic ------------------------------------------------------------------ */

static bool arabic_word(const sl_an_text *t, size_t i)
{
    if (i >= t->ntok || t->tok[i].kind != SL_TK_WORD)
        return false;
    int32_t c = first_cp(t->s, t->tok[i].off, t->tok[i].len);
    return c >= 0x600 && c <= 0x6FF;
}

/* The list flags of word i for Arabic; its fold in *f, *nf bytes. */
static unsigned ar_flags(const sl_an_text *t, size_t i, const char **f, size_t *nf)
{
    *f = sl_tok_fold(t, &t->tok[i]);
    *nf = t->tok[i].nfold;
    return *nf ? sl_nw_flags(*f, *nf, SL_LANG(SL_L_AR)) : 0;
}

static bool starts_al(const char *f, size_t n)
{
    return n > 4 && !memcmp(f, "\xD8\xA7\xD9\x84", 4); /* ال */
}

/* A title or place word, maybe after the conjunction و or a preposition. */
static bool ar_title(const sl_an_text *t, size_t i)
{
    const char *f;
    size_t nf;
    if (ar_flags(t, i, &f, &nf) & NW_AR_TITLE)
        return true;
    static const char *const pre[] = {"\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84", NULL};
    for (int p = 0; pre[p] && nf > 2; p++)
        if (!memcmp(f, pre[p], 2) && (sl_nw_flags(f + 2, nf - 2, SL_LANG(SL_L_AR)) & NW_AR_TITLE))
            return true;
    return false;
}

/* After a title at i: skips its al- adjectives, takes up to three words. */
static size_t arabic_at(finder *f, size_t i)
{
    const sl_an_text *t = f->t;
    if (!ar_title(t, i))
        return 0;
    size_t j = i + 1, skipped = 0;
    const char *fo;
    size_t nf;
    while (skipped < 2 && arabic_word(t, j) && spaced(t, j) &&
           !(ar_flags(t, j, &fo, &nf) & (NW_AR_FUNC | NW_AR_TITLE)) && starts_al(fo, nf))
        j++, skipped++;
    sl_nword w[3];
    size_t n = 0;
    bool link = false; /* "عبد", "أبو": the next word belongs to the name */
    while (n < 3 && arabic_word(t, j) && spaced(t, j)) {
        unsigned fl = ar_flags(t, j, &fo, &nf);
        if ((fl & (NW_AR_FUNC | NW_AR_TITLE)) || (starts_al(fo, nf) && !link))
            break;
        link = (nf == 6 && !memcmp(fo, "\xD8\xB9\xD8\xA8\xD8\xAF", 6)) || /* عبد */
               (nf == 6 && !memcmp(fo, "\xD8\xA7\xD8\xA8\xD9\x88", 6));   /* ابو */
        w[n++] = (sl_nword){t->tok[j].off, t->tok[j].len};
        j++;
    }
    if (n)
        f->emit(f->ctx, t->s, w, n, SL_ENT_NAME);
    return j;
}

/* ---- titles with a department ---------------------------------------------- */

/* "Minister of Foreign Affairs Mevlüt Çavuşoğlu", "Minister van Werk Pieter
 * Claes": after a title and "of"/"van"/"für", three or more capitalised words
 * are the department and then the name, taken as the last two.  Returns the
 * token where the name starts, or 0. */
static size_t after_title_phrase(const finder *f, size_t i)
{
    const sl_an_text *t = f->t;
    if (t->tok[i].kind != SL_TK_WORD || !(t->tok[i].flags & SL_TF_UPPER))
        return 0;
    winfo w = word_info(f->m, i);
    if (!(flags_of(f, &w) & NW_TITLE) || !spaced(t, i + 1) || t->tok[i + 1].kind != SL_TK_WORD ||
        !(t->tok[i + 1].flags & SL_TF_LOWER))
        return 0;
    winfo j = word_info(f->m, i + 1);
    bool of = (j.nfold == 2 && !memcmp(j.fold, "of", 2)) || (j.nfold == 3 && !memcmp(j.fold, "fur", 3));
    if (!of && !(flags_of(f, &j) & NW_PARTICLE))
        return 0;
    size_t starts[8], n = 0, k = i + 2;
    while (n < 8 && spaced(t, k) && t->tok[k].sent == t->tok[i].sent &&
           t->tok[k].kind == SL_TK_WORD) {
        winfo c = word_info(f->m, k);
        if (!c.cap)
            break;
        starts[n++] = k;
        k = c.next;
    }
    if (n < 3)
        return 0;
    winfo a = word_info(f->m, starts[n - 2]), b = word_info(f->m, starts[n - 1]);
    return name_word(f, starts[n - 2], &a) && name_word(f, starts[n - 1], &b) ? starts[n - 2] : 0;
}

/* ---- the scan -------------------------------------------------------------- */

void sl_an_find_names(const sl_name_evidence *ev, sl_name_text *m, sl_name_emit emit,
                      void *ctx)
{
    const sl_an_text *t = m->t;
    finder f = {ev, t, m, emit, ctx, MODE_NORMAL};
    bool arabic = (ev->langs & SL_LANG(SL_L_AR)) != 0;
    for (size_t s = 0; s < t->nsent; s++) {
        size_t first = t->sent[s].first_tok, end = sentence_end(t, first);
        f.mode = sentence_mode(t, first, end, ev);
        if (f.mode == MODE_SHOUT)
            continue;
        for (size_t i = first; i < end;) {
            size_t next;
            const sl_tok *k = &t->tok[i];
            if (k->kind != SL_TK_WORD || ((k->flags & SL_TF_LOWER) && !(k->flags & SL_TF_HYPHEN) &&
                                          !k->apos)) {
                i++; /* the common case: nothing starts here */
                continue;
            }
            if ((next = acronym_at(&f, i))) {
                i = next;
                continue;
            }
            if (arabic && arabic_word(t, i) && (next = arabic_at(&f, i))) {
                i = next;
                continue;
            }
            if ((next = after_title_phrase(&f, i))) {
                i = run_at(&f, next);
                continue;
            }
            winfo w = t->tok[i].kind == SL_TK_WORD ? word_info(m, i) : (winfo){0};
            i = name_word(&f, i, &w) ? run_at(&f, i) : i + 1;
        }
    }
}
