/*
 * stem.c -- Snowball stemmers, one per language, opened on first use.
 *
 * A stem is the part of a word its inflections share ("negotiations",
 * "negotiated" -> "negoti"), so that counting terms counts a word once
 * however the sentence bends it.  Snowball's libstemmer has algorithms for
 * about thirty languages (sl_lang.stemmer names them); a language without
 * one keeps the folded word.
 *
 * Invariant: one sb_stemmer per language and per sl_stem, made the first
 * time the language is stemmed and closed by sl_stem_free().  Stemmers keep
 * their output in their own buffer and are not thread-safe: a context
 * belongs to one engine, and an engine to one thread at a time.
 *
 * Trade-off: stemming costs ~100-300 ns a word, the dearest step of a term;
 * terms.c caches word -> term, so each distinct word is stemmed once.
 *
 * Tests: tests/text/test_stem.c.
 */
#include "terms.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>

struct sl_stem {
    struct sb_stemmer *st[SL_LANG_MAX];
    bool tried[SL_LANG_MAX]; /* an open was attempted (it may have failed) */
};

sl_stem *sl_stem_new(void) { return sl_xcalloc(1, sizeof(sl_stem)); }

void sl_stem_free(sl_stem *st)
{
    if (!st)
        return;
    for (int i = 0; i < SL_LANG_MAX; i++)
        if (st->st[i])
            sb_stemmer_delete(st->st[i]);
    free(st);
}

/* The language's stemmer, opened on first use; NULL if it has none (or
 * this libstemmer lacks the algorithm).  Borrowed, owned by st. */
static struct sb_stemmer *stemmer(sl_stem *st, const sl_lang *lang)
{
    if (!st->tried[lang->id]) {
        st->tried[lang->id] = true;
        if (lang->stemmer)
            st->st[lang->id] = sb_stemmer_new(lang->stemmer, "UTF_8");
    }
    return st->st[lang->id];
}

const char *sl_stem_word(sl_stem *st, const sl_lang *lang, const char *w,
                         size_t len, size_t *out_len)
{
    struct sb_stemmer *s = stemmer(st, lang);
    if (!s || len > INT32_MAX)
        return NULL;
    const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)w, (int)len);
    if (!r) {
        fprintf(stderr, "storyline: out of memory (stemmer)\n");
        abort();
    }
    *out_len = (size_t)sb_stemmer_length(s);
    return (const char *)r;
}
