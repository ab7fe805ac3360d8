/*
 * repeats.c -- text the article already said: repeated paragraphs, lines,
 * captions, and blocks of them glued together.
 *
 * Pages repeat themselves: a caption shown under a picture and again in a
 * gallery, a paragraph pasted twice, two earlier paragraphs pasted again as
 * one, the headline again as the first line.  Every paragraph is cut into
 * units -- its sentences, within its lines -- and each unit is reduced to
 * the hash of its matching form (fold.c; trailing stops ignored, so a
 * headline without its full stop meets the same sentence with one).  What
 * the article has kept so far is a list of blocks: the title, every kept
 * paragraph, and every line of a kept paragraph of several lines, each a
 * run of unit hashes.  A later paragraph or line equal to a block is a
 * repeat; inside a line, a run of units equal to whole earlier blocks is a
 * glued repeat (found left to right, longest block first).
 *
 * Invariant: only whole blocks count.  A sentence that happens to recur
 * inside two different paragraphs is not cut: it must have stood alone as
 * a paragraph or a line (a caption, most often) to be cut from a later one.
 * Partial matches also need a block of at least 'min' matching bytes, so
 * "He said." is never a repeat.
 *
 * Cost: lookups by the first unit's hash, and by the hash of a whole run;
 * the scan for glued blocks walks at most 32 candidates per unit and gives
 * up (keeping the text) after a budget proportional to the line's units,
 * so a degenerate paragraph ("a. a. a. ..." a million times) stays linear.
 *
 * Tests: tests/clean/test_clean.c.
 */
#include "clean_internal.h"

#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { CHAIN_MAX = 32 };

/* ---- units ------------------------------------------------------------- */

static bool is_unit_stop(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026 || c == 0x3002 ||
           c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0xFF1B || c == 0x0964 ||
           c == 0x0965 || c == 0x061F || c == 0x06D4 || c == 0x037E;
}

static bool is_unit_closer(int32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D ||
           c == 0xBB || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x3011;
}

/* A stop that ends a sentence with no space after it (CJK). */
static bool is_tight_stop(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* Hashes s[a, b) (its matching form, trailing stops and spaces dropped) as
 * a unit; units without a letter or digit are not kept. */
static void add_unit(sl_clean_rep *r, const char *s, size_t a, size_t b, size_t skip)
{
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    if (a == b)
        return;
    size_t from = a + skip < b ? a + skip : a;
    sl_buf_clear(&r->fold);
    size_t fl = sl_clean_fold(s + from, b - from, &r->fold);
    while (fl && strchr(".!?;: ", r->fold.s[fl - 1]))
        fl--;
    if (!fl || !sl_clean_has_alnum(r->fold.s, fl))
        return;
    sl_grow((void **)&r->unit, &r->cunit, r->nunit + 1, sizeof *r->unit);
    sl_clean_unit *u = &r->unit[r->nunit++];
    u->start = (uint32_t)a;
    u->end = (uint32_t)b;
    u->h = sl_clean_hash(r->fold.s, fl);
    u->flen = (uint32_t)fl;
}

void sl_clean_units(sl_clean_rep *r, const char *s, size_t from, size_t to, size_t skip)
{
    size_t start = from, i = from;
    while (i < to) {
        unsigned char ch = (unsigned char)s[i];
        int32_t c = ch;
        if (ch < 0x80) {
            i++;
            if (ch != '.' && ch != '!' && ch != '?' && ch != ';')
                continue;
        } else {
            c = sl_utf8_next(s, to, &i);
        }
        if (!is_unit_stop(c))
            continue;
        size_t j = i;
        while (j < to) {
            size_t k = j;
            int32_t d = sl_utf8_next(s, to, &k);
            if (!is_unit_stop(d) && !is_unit_closer(d))
                break;
            j = k;
        }
        if (j < to && s[j] != ' ' && s[j] != '\t' && !is_tight_stop(c))
            continue;
        add_unit(r, s, start, j, start == from ? skip : 0);
        start = i = j;
    }
    add_unit(r, s, start, to, start == from ? skip : 0);
}

/* ---- blocks ------------------------------------------------------------ */

void sl_clean_rep_reset(sl_clean_rep *r)
{
    r->nseq = r->nblock = r->nunit = 0;
    sl_clean_map_clear(&r->first);
    sl_clean_map_clear(&r->whole);
}

void sl_clean_rep_free(sl_clean_rep *r)
{
    free(r->seq);
    free(r->block);
    free(r->unit);
    sl_clean_map_free(&r->first);
    sl_clean_map_free(&r->whole);
    sl_buf_free(&r->fold);
    memset(r, 0, sizeof *r);
}

/* The hash of a run of unit hashes (never 0). */
static uint64_t run_hash(const sl_clean_unit *u, size_t n)
{
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    for (size_t k = 0; k < n; k++)
        XXH3_64bits_update(&st, &u[k].h, sizeof u[k].h);
    uint64_t h = XXH3_64bits_digest(&st);
    return h ? h : 1;
}

/* Are the hashes of block b those of units u[0..b->n)? */
static bool same(const sl_clean_rep *r, const sl_clean_block *b, const sl_clean_unit *u)
{
    for (size_t k = 0; k < b->n; k++)
        if (r->seq[b->off + k] != u[k].h)
            return false;
    return true;
}

long sl_clean_rep_whole(const sl_clean_rep *r, size_t i, size_t j, bool title)
{
    uint32_t v;
    if (i >= j || !sl_clean_map_get(&r->whole, run_hash(r->unit + i, j - i), &v))
        return -1;
    const sl_clean_block *b = &r->block[v - 1];
    if (b->n != j - i || !same(r, b, r->unit + i) || (!title && (b->flags & SL_BLOCK_TITLE)))
        return -1;
    return (long)v - 1;
}

long sl_clean_rep_add(sl_clean_rep *r, size_t i, size_t j, uint32_t flags)
{
    if (i >= j)
        return -1;
    long old = sl_clean_rep_whole(r, i, j, true);
    if (old >= 0) {
        r->block[old].flags = (r->block[old].flags & ~(uint32_t)SL_BLOCK_TITLE) | flags;
        return old;
    }
    sl_grow((void **)&r->seq, &r->cseq, r->nseq + (j - i), sizeof *r->seq);
    sl_grow((void **)&r->block, &r->cblock, r->nblock + 1, sizeof *r->block);
    sl_clean_block *b = &r->block[r->nblock];
    b->off = (uint32_t)r->nseq;
    b->n = (uint32_t)(j - i);
    b->flen = 0;
    b->flags = flags;
    for (size_t k = i; k < j; k++) {
        r->seq[r->nseq++] = r->unit[k].h;
        b->flen += r->unit[k].flen;
    }
    uint32_t prev = 0;
    sl_clean_map_get(&r->first, r->unit[i].h, &prev);
    b->next = prev;
    sl_clean_map_set(&r->first, r->unit[i].h, (uint32_t)r->nblock + 1);
    sl_clean_map_put(&r->whole, run_hash(r->unit + i, j - i), (uint32_t)r->nblock + 1);
    return (long)r->nblock++;
}

/* ---- glued repeats ----------------------------------------------------- */

/* The longest block (not the title, at least 'min' bytes) whose units
 * start units [k, j); its length in *len, -1 if none.  Spends *budget. */
static long longest_at(const sl_clean_rep *r, size_t k, size_t j, uint32_t min, size_t *len,
                       long *budget)
{
    uint32_t v = 0;
    long best = -1;
    *len = 0;
    sl_clean_map_get(&r->first, r->unit[k].h, &v);
    for (int steps = 0; v && steps < CHAIN_MAX && *budget > 0; steps++) {
        const sl_clean_block *b = &r->block[v - 1];
        if (!(b->flags & SL_BLOCK_TITLE) && b->flen >= min && b->n <= j - k && b->n > *len) {
            *budget -= (long)b->n;
            if (same(r, b, r->unit + k)) {
                best = (long)v - 1;
                *len = b->n;
            }
        }
        v = b->next;
    }
    return best;
}

void sl_clean_rep_scan(const sl_clean_rep *r, size_t i, size_t j, uint32_t min, long *mark)
{
    for (size_t k = i; k < j; k++)
        mark[k - i] = -1;
    long budget = 16 * (long)(j - i) + 1024;
    size_t k = i;
    while (k < j && budget > 0) {
        size_t len;
        long b = longest_at(r, k, j, min, &len, &budget);
        if (b < 0) {
            k++;
            continue;
        }
        for (size_t m = k; m < k + len; m++)
            mark[m - i] = b;
        k += len;
    }
}
