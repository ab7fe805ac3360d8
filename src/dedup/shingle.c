/*
 * shingle.c -- the word 3-grams of a text that say whose text it is.
 *
 * Two copies share long runs of words; two reports of one event share
 * names, numbers and stock phrases, but seldom three words in a row over
 * most of their length.  So a text is compared as its set of word 3-grams
 * ("shingles", each one 64-bit hash).  Two kinds of 3-gram are left out,
 * because different reports share them without copying each other:
 *
 *   - quoted speech: a 3-gram touching a quoted word (form.c marks them).
 *     Everybody quotes the minister; only a copy shares the narration.  An
 *     article that is mostly a quote (a statement printed whole under a
 *     line of its own) is left with few 3-grams that count, and so is a
 *     copy only when exact (judge.c).
 *   - repeats: a 3-gram the article holds twice or more -- a credit line or
 *     a caption sentence under every photo of a gallery, which the cleaner
 *     may have left.  When repeats are half the set, the text is repetitive
 *     by nature (a list, a table) and every distinct 3-gram counts once.
 *
 * Invariant: the result is a set (no hash twice) and is empty only for a
 * form without words; a form of one or two words gives one shingle.  When
 * no 3-gram counts (all are quoted), the set holds all of them, to sketch,
 * and 'counted' says 0.
 * Trade-off: a hash table sized to the text counts the 3-grams in one pass
 * (no sort), at 9 bytes a slot of scratch that the caller reuses.
 *
 * Tests: tests/dedup/test_dedup.c (shingles_* cases).
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

static uint64_t gram(const uint64_t *t, size_t n)
{
    uint64_t h = 0x51afd7ed558ccdffULL + n;
    for (size_t i = 0; i < n; i++)
        h = sl_mix64(h ^ t[i]);
    return h ? h : 1; /* 0 marks an empty slot */
}

/* Makes the counting table 2 to 4 times the 3-grams to count, and empty
 * (the allocation only grows; a table sized for one long article once is
 * not cleared in full for every short one after). */
static void reset_table(sl_shingles *s, size_t n)
{
    size_t need = 64;
    while (need < 2 * n)
        need *= 2;
    if (need > s->cap_slot) {
        free(s->slot);
        free(s->cnt);
        s->slot = sl_xmalloc(need * sizeof *s->slot);
        s->cnt = sl_xmalloc(need);
        s->cap_slot = need;
    }
    s->nslot = need;
    memset(s->slot, 0, s->nslot * sizeof *s->slot);
}

static void count(sl_shingles *s, uint64_t h)
{
    size_t mask = s->nslot - 1, i = (size_t)h & mask;
    while (s->slot[i] && s->slot[i] != h)
        i = (i + 1) & mask;
    if (!s->slot[i]) {
        s->slot[i] = h;
        s->cnt[i] = 0;
    }
    if (s->cnt[i] < 255)
        s->cnt[i]++;
}

/* Counts the 3-grams of f, leaving out those touching a quoted word when
 * 'skip_quoted'.  Returns how many were counted. */
static size_t count_grams(sl_shingles *s, const sl_dedup_form *f, bool skip_quoted)
{
    size_t k = SL_SHINGLE_WORDS, counted = 0;
    size_t quoted = 0; /* quoted words in the window f->tok[i .. i + k) */
    for (size_t i = 0; i < k - 1; i++)
        quoted += f->quoted[i];
    for (size_t i = 0; i + k <= f->n; i++) {
        quoted += f->quoted[i + k - 1];
        if (!(skip_quoted && quoted)) {
            count(s, gram(f->tok + i, k));
            counted++;
        }
        quoted -= f->quoted[i];
    }
    return counted;
}

static void push(sl_shingles *s, uint64_t h)
{
    sl_grow((void **)&s->h, &s->cap, s->n + 1, sizeof *s->h);
    s->h[s->n++] = h;
}

/* Moves the counted 3-grams to s->h: those seen once, or all of them when
 * 'all'.  Returns how many distinct ones there were. */
static size_t collect(sl_shingles *s, bool all)
{
    size_t distinct = 0;
    for (size_t i = 0; i < s->nslot; i++) {
        if (!s->slot[i])
            continue;
        distinct++;
        if (all || s->cnt[i] == 1)
            push(s, s->slot[i]);
    }
    return distinct;
}

void sl_shingles_make(const sl_dedup_form *f, sl_shingles *s)
{
    s->n = s->counted = 0;
    if (f->n == 0)
        return;
    if (f->n < SL_SHINGLE_WORDS) {
        push(s, gram(f->tok, f->n));
        s->counted = f->nquoted == 0;
        return;
    }
    reset_table(s, f->n);
    size_t distinct = count_grams(s, f, true) ? collect(s, false) : 0;
    if (2 * s->n < distinct) { /* repetitive by nature: keep every 3-gram */
        s->n = 0;
        collect(s, true);
    }
    s->counted = s->n;
    if (s->n == 0) { /* all quoted: sketch the quote, for exact twins only */
        reset_table(s, f->n);
        count_grams(s, f, false);
        collect(s, true);
    }
}

void sl_shingles_free(sl_shingles *s)
{
    free(s->h);
    free(s->slot);
    free(s->cnt);
    memset(s, 0, sizeof *s);
}
