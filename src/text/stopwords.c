/*
 * stopwords.c -- the words of a language that say nothing about what a text
 * reports (articles, pronouns, prepositions, conjunctions, auxiliaries), and
 * the hash set a term context keeps them in.
 *
 * The lists are data/stopwords/<space>.txt, written for this project (their
 * provenance is in data/stopwords/README.md): one word a line, '#' starts a
 * comment.  They are embedded in the binary with .incbin, as the language
 * model is (langid.c), so no file is looked up at run time.  A list belongs
 * to a term space (sl_lang.space; "en" for English): Bokmål and Nynorsk
 * share no.txt, Croatian, Bosnian and Serbian hbs.txt, Malay id.txt.
 *
 * The set stores only 64-bit hashes of the folded words (open addressing,
 * linear probing, at most half full): a hash collision would make one
 * content word a stop word, about once in 10^17 words.  terms.c builds a
 * language's set the first time it needs it, folding each listed word the
 * way it folds text, so lists may be written in any case.
 *
 * Tests: tests/text/test_stopwords.c.
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* ---- the embedded lists --------------------------------------------------- */

/* X(name): data/stopwords/name.txt.  Add a line here with a new file. */
#define STOPLISTS(X)                                                          \
    X(ar) X(bg) X(bn) X(ca) X(cs) X(da) X(de) X(el) X(en) X(es) X(fa) X(fi)  \
    X(fr) X(hbs) X(he) X(hi) X(hu) X(id) X(it) X(ja) X(ko) X(nl) X(no) X(pl) \
    X(pt) X(ro) X(ru) X(sk) X(sv) X(sw) X(th) X(tl) X(tr) X(uk) X(vi) X(zh)

#define INCBIN(name)                                                          \
    __asm__(".pushsection .rodata.sl_stop_" #name ",\"a\",@progbits\n"        \
            "sl_stop_" #name "_start:\n"                                      \
            ".incbin \"data/stopwords/" #name ".txt\"\n"                      \
            "sl_stop_" #name "_end:\n"                                        \
            ".popsection\n");                                                 \
    extern const char sl_stop_##name##_start[]                                \
        __attribute__((visibility("hidden")));                                \
    extern const char sl_stop_##name##_end[]                                  \
        __attribute__((visibility("hidden")));
STOPLISTS(INCBIN)

typedef struct {
    const char *name, *start, *end;
} stoplist;

#define ENTRY(name) {#name, sl_stop_##name##_start, sl_stop_##name##_end},
static const stoplist lists[] = {STOPLISTS(ENTRY)};

const char *sl_stoplist_text(const sl_lang *lang, size_t *len)
{
    const char *key = lang->space[0] ? lang->space : lang->code;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (!strcmp(lists[i].name, key)) {
            *len = (size_t)(lists[i].end - lists[i].start);
            return lists[i].start;
        }
    *len = 0;
    return NULL;
}

/* ---- the set -------------------------------------------------------------- */

static uint64_t key_of(const char *w, size_t len)
{
    uint64_t h = XXH3_64bits(w, len);
    return h ? h : 1; /* 0 marks an empty slot */
}

static void put(uint64_t *slot, size_t mask, uint64_t h)
{
    size_t i = (size_t)h & mask;
    while (slot[i] && slot[i] != h)
        i = (i + 1) & mask;
    slot[i] = h;
}

void sl_stopset_add(sl_stopset *s, const char *w, size_t len)
{
    if (2 * (s->n + 1) > s->mask) {
        size_t cap = s->mask ? 2 * (s->mask + 1) : 256;
        uint64_t *slot = sl_xcalloc(cap, sizeof *slot);
        for (size_t i = 0; s->mask && i <= s->mask; i++)
            if (s->slot[i])
                put(slot, cap - 1, s->slot[i]);
        free(s->slot);
        s->slot = slot;
        s->mask = cap - 1;
    }
    if (!sl_stopset_has(s, w, len)) {
        put(s->slot, s->mask, key_of(w, len));
        s->n++;
    }
}

bool sl_stopset_has(const sl_stopset *s, const char *w, size_t len)
{
    if (!s->n)
        return false;
    uint64_t h = key_of(w, len);
    for (size_t i = (size_t)h & s->mask; s->slot[i]; i = (i + 1) & s->mask)
        if (s->slot[i] == h)
            return true;
    return false;
}

void sl_stopset_free(sl_stopset *s)
{
    if (!s)
        return;
    free(s->slot);
    *s = (sl_stopset){0};
}
