/*
 * dedup_internal.h -- the copy index's insides, shared by index.c (adding,
 * bands, closures), groups.c (groups and their guard) and file.c (save and
 * load).  No other stage includes it; they use storyline.h and dedup.h.
 *
 * Memory per article, the budget being 256 bytes:
 *
 *   record          32   exact hash, id offset, closure and star links, sizes,
 *                        a centre's earliest star member
 *   sketch         128   sl_minhash
 *   band chains     64   16 bands x a 4-byte link to the next article
 *   band heads     <=8   16 bands x 4 bytes x (articles / 8, at most 65536)
 *                 ----
 *                 <=232  in use; the growable arrays keep at most 1/16 more
 *
 * A removed article keeps its record until removed ones are more than
 * half the records (index.c), so an index that removes as fast as it adds
 * holds at most about twice this per article it keeps.
 *
 * The ids are interned apart (their bytes plus a 4-byte slot of a lookup
 * table at most half full), and sl_dedup_bytes() counts them apart.
 */
#ifndef SL_DEDUP_INTERNAL_H
#define SL_DEDUP_INTERNAL_H

#include "dedup.h"

#define SL_DEDUP_NONE UINT32_MAX
#define SL_DEDUP_MAX_ARTICLES (UINT32_MAX - 1u)
#define SL_DEDUP_MAX_LANGS 256
#define SL_DEDUP_MAX_HEAD_BITS 16 /* band keys have 16 bits */

/* An article that copies this many articles of the chains stays out of
 * them: it is represented by its copies (REC_REP, see index.c). */
#define SL_DEDUP_REPRESENTED 32
/* A candidate search meets at most this many articles of one band key:
 * the latest to join its chain (index.c). */
#define SL_DEDUP_KEY_MEETS 64

enum {
    REC_LSH = 1,   /* in the band chains (the first of its exact class) */
    REC_DUP = 2,   /* an exact copy of 'centre', which is in the chains */
    REC_DIRTY = 4, /* (on a closure's root) its stars must be recomputed */
    REC_REP = 8,   /* represented: out of the chains, in the star of 'centre'
                      (an article of the chains that it copies) */
    REC_OUT = REC_DUP | REC_REP, /* out of the chains: goes with 'centre' */
    REC_GONE = 16  /* removed (sl_dedup_remove): kept until the index compacts */
};

typedef struct {
    uint64_t exact;  /* sl_dedup_form.exact; 0 = no words */
    uint32_t id;     /* offset of the id in ids */
    uint32_t parent; /* union-find; a root is its closure's earliest article */
    uint32_t ring;   /* the next article of the same closure (a cycle) */
    uint32_t centre; /* its star's centre; for REC_DUP and REC_REP the
                        article of the chains whose star it is in */
    uint16_t nsh;    /* shingles that count, capped at 65535 */
    uint8_t lang;    /* index into lang[]; 0 = unknown */
    uint8_t flags;   /* REC_* */
    uint32_t first;  /* (on a centre) its star's earliest article (groups.c) */
} sl_dedup_rec;

/* Where an article stands (groups.c). */
typedef struct sl_dedup_place {
    uint32_t first;        /* the earliest article of its group */
    uint32_t match;        /* the group member it copies best, or NONE */
    sl_copy_kind kind;     /* its relation to 'match' (NONE if alone) */
    double jaccard, containment;
} sl_dedup_place;

struct sl_dedup {
    sl_engine *e; /* borrowed */
    /* one entry per article, in the order added */
    sl_dedup_rec *rec;
    sl_minhash *sig;
    uint32_t *next; /* n x SL_MINHASH_BANDS: next article in the band chain */
    size_t n, cap;
    size_t ngone;   /* records marked REC_GONE */
    /* band heads: band b, bucket k at head[(b << bits) + k] */
    uint32_t *head;
    unsigned bits;
    size_t nlsh; /* articles in the chains */
    /* ids: NUL-terminated strings, and a table of (index + 1), 0 = empty */
    char *ids;
    size_t idlen, idcap;
    uint32_t *idmap;
    size_t idmap_cap;
    /* languages: lang[0] is "" (unknown) */
    char lang[SL_DEDUP_MAX_LANGS][16];
    unsigned nlang;
    /* scratch for one article */
    sl_dedup_form form;
    sl_shingles sh;
    sl_buf key;
    sl_minhash probe;
    uint32_t *cand;        /* candidates */
    size_t ccand;
    struct sl_dedup_place *judged; /* the copies among them, as judged */
    size_t cjudged;
    /* groups.c: one closure's articles and centres, and the listing */
    uint32_t *work, *work2;
    size_t cwork, cwork2;
    bool listed;
    uint32_t *gmem;     /* the members of every group, group after group */
    const char **gids;  /* their ids */
    size_t ngmem, cgmem;
    size_t *goff;       /* group g is gmem[goff[g] .. goff[g + 1]) */
    sl_copy_kind *gkind;
    size_t ngroups, cgroups;
};

/* True if a pair of kind k with estimates j, c is a better match than
 * best's: exact first, then the larger j + c. */
static inline bool sl_dedup_better(sl_copy_kind k, double j, double c,
                                   const sl_dedup_place *best)
{
    if (k == SL_COPY_NONE)
        return false;
    if (best->kind == SL_COPY_NONE)
        return true;
    if ((k == SL_COPY_EXACT) != (best->kind == SL_COPY_EXACT))
        return k == SL_COPY_EXACT;
    return j + c > best->jaccard + best->containment;
}

/* ---- index.c ---------------------------------------------------------- */

/* The id of article i.  Borrowed, valid until the next add / load / free. */
const char *sl_dedup_id_at(const sl_dedup *d, uint32_t i);

/* The article with this id, or NONE. */
uint32_t sl_dedup_lookup(const sl_dedup *d, const char *id);

/* What the copy rule needs of article i. */
sl_copy_side sl_dedup_side(const sl_dedup *d, uint32_t i);

/* The root of i's closure (the closure's earliest article). */
uint32_t sl_dedup_root(sl_dedup *d, uint32_t i);

/* Appends an article record (id copied; sketch copied when sig != NULL) as
 * its own closure, outside the chains.  Returns its index, or NONE when
 * the id is already there. */
uint32_t sl_dedup_append(sl_dedup *d, const char *id, const sl_dedup_rec *r,
                         const sl_minhash *sig);

/* Adds a new article (its id not in d) from its record and sketch: judges
 * it against its candidates and places it, as sl_dedup_add() does once it
 * has sketched the text (and sl_dedup_add_packed() from saved bytes). */
void sl_dedup_add_record(sl_dedup *d, const char *id, const sl_dedup_rec *r,
                         const sl_minhash *sig, sl_dedup_result *res);

/* The root of i's closure, without shortening the path (d stays as it is). */
uint32_t sl_dedup_root_of(const sl_dedup *d, uint32_t i);

/* A new index holding d's articles that were not removed, in their order,
 * with the same closures (less the removed articles) and chains, and its
 * stars to be recomputed (so the same groups); linear in d's records.
 * d is only read.  Caller frees with sl_dedup_free(). */
sl_dedup *sl_dedup_compacted(const sl_dedup *d);

/* Joins the closures of i and j. */
void sl_dedup_unite(sl_dedup *d, uint32_t i, uint32_t j);

/* Puts article i into the band chains. */
void sl_dedup_chain(sl_dedup *d, uint32_t i);

/* Interns a language code; 0 for "und", "" or when the table is full. */
uint8_t sl_dedup_lang(sl_dedup *d, const char *code);

/* ---- groups.c --------------------------------------------------------- */

/* True if a and b are copies for the stars: they share a band key and the
 * copy rule says so (every pair the index joins is one). */
bool sl_dedup_linked(const sl_dedup *d, uint32_t a, uint32_t b);

/* Places a new article i (in the chains, its copy pairs already joined)
 * in the stars of its closure; 'linked' are the candidates it is linked
 * to, judged[k] what the copy rule said of linked[k] (kind and estimates).
 * Then stores where it stands in *p. */
void sl_dedup_place_new(sl_dedup *d, uint32_t i, const uint32_t *linked,
                        const sl_dedup_place *judged, size_t n, sl_dedup_place *p);

/* Where article i stands now: its group (after the guard) and its best
 * match in it (the centre, unless 'hint' -- a linked article -- is in the
 * group too; NONE for no hint). */
void sl_dedup_locate(sl_dedup *d, uint32_t i, uint32_t hint, sl_dedup_place *p);

/* Recomputes the stars of every closure (after loading). */
void sl_dedup_restar(sl_dedup *d);

/* Takes removed article i out of the stars: what went with it (its exact
 * copies, the articles it represented) is put back in the chains, and its
 * closure is marked for recomputation, which leaves it out. */
void sl_dedup_unstar(sl_dedup *d, uint32_t i);

/* Drops the cached listing (after any change). */
void sl_dedup_unlist(sl_dedup *d);

/* Frees what groups.c allocated in d. */
void sl_dedup_groups_free(sl_dedup *d);

#endif /* SL_DEDUP_INTERNAL_H */
