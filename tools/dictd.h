/*
 * dictd.h -- reading FreeDict dictionaries in dictd format (the build-time
 * side of the lexicon; see dictd.c).
 */
#ifndef SL_TOOLS_DICTD_H
#define SL_TOOLS_DICTD_H

#include "core/core.h"

/* A dictionary: the uncompressed .dict text and its entries (distinct
 * offsets of the .index, in index order). */
typedef struct {
    char *text;
    size_t len;
    struct dictd_entry {
        uint32_t off, len;
    } *e;
    size_t n;
    char edition[64]; /* "Edition:" of the database info, or "" */
} dictd;

/* Reads base.index and base.dict.dz (or base.dict).  Returns false with a
 * reason in err if either is missing or broken.  Free with dictd_free(). */
bool dictd_open(dictd *d, const char *base, char *err, size_t errlen);
void dictd_free(dictd *d);

/* One parsed entry: its headword variants and, per sense (1, 2, ...), the
 * translation candidates of that sense, brackets and notes removed.
 * Strings point into 'mem' (NUL-separated); reuse one across entries. */
typedef struct {
    sl_buf mem;
    struct dictd_piece {
        size_t at;  /* offset in mem */
        int sense;  /* 0 for headwords */
    } *p;
    size_t n, cap;
} dictd_parsed;

/* Parses entry text e[0..len) into *out (replacing what it held). */
void dictd_parse(const char *e, size_t len, dictd_parsed *out);
void dictd_parsed_free(dictd_parsed *p);

/* The i-th piece's text.  Borrowed, valid until the next dictd_parse(). */
static inline const char *dictd_piece_text(const dictd_parsed *p, size_t i)
{
    return p->mem.s + p->p[i].at;
}

#endif
