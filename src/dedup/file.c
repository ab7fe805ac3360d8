/*
 * file.c -- saving the copy index to a file and loading it back.
 *
 * The file (version 3), every integer little-endian:
 *
 *   "SLDEDUP\n"                   8 bytes
 *   version, K, bands, words      4 x u32: 3, 208, 16, 3 (a file made with
 *                                 other sketch settings is refused)
 *   n, nlang                      u32 articles, u32 languages (with "und")
 *   idbytes                       u64
 *   languages                     (nlang - 1) x 16 bytes, NUL-padded
 *   ids                           idbytes: n NUL-terminated ids, in order
 *   records                       n x 20 bytes: exact u64, root u32, with u32,
 *                                 nsh u16, lang u8, flags u8
 *   sketches                      n x 128 bytes (sl_minhash, byte by byte)
 *   crc                           u32: zlib CRC-32 of every byte before it
 *
 * What is stored is what cannot be recomputed without the texts: ids,
 * sketches, sizes, languages, each article's closure root (the closure's
 * earliest article, so root <= index) and, for an article kept out of
 * the chains (an exact copy, or one its copies represent), the article
 * of the chains it goes with ('with', an earlier one).  The band chains, closure
 * cycles and stars are rebuilt on load, so a file cannot make them
 * inconsistent.
 *
 * Loading trusts nothing: the length must be exactly what the header says
 * (checked before anything is allocated, so a forged count cannot ask for
 * gigabytes), the CRC must match, and every field is checked (a root
 * pointing forward, an unknown language, a flag on an empty text, an id
 * twice, ids running past their bytes).  Any failure is SL_EINPUT with
 * "NAME: reason" and no index; never a crash.  fuzz/fuzz_dedup_load.c
 * feeds it arbitrary bytes, with and without a valid CRC.
 *
 * One article's record alone (sl_dedup_pack, dedup.h) uses the same
 * fields, so a store can keep it with the article and add it back.
 *
 * Tests: tests/dedup/test_dedup.c (file_* and packed_* cases).
 */
#include "dedup_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#define MAGIC "SLDEDUP\n"
#define VERSION 3u /* 1 and 2: small bins were densified (minhash.c) */
#define HEADER (8 + 6 * 4 + 8)
#define REC_BYTES 20
#define LANG_BYTES 16
#define MAX_FILE ((size_t)1 << 34) /* 16 GB: some 90 million articles */

/* ---- writing --------------------------------------------------------------- */

static void put_le(sl_buf *b, uint64_t v, int bytes)
{
    char c[8];
    for (int i = 0; i < bytes; i++)
        c[i] = (char)(v >> (8 * i));
    sl_buf_put(b, c, (size_t)bytes);
}

static void put_sketch(sl_buf *b, const sl_minhash *s)
{
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        put_le(b, s->band[i], 2);
    sl_buf_put(b, (const char *)s->small, sizeof s->small);
}

char *sl_dedup_save_buf(const sl_dedup *d, size_t *len)
{
    if (d->ngone) { /* removed articles are not saved: write the index without them */
        sl_dedup *c = sl_dedup_compacted(d);
        char *s = sl_dedup_save_buf(c, len);
        sl_dedup_free(c);
        return s;
    }
    sl_buf b = {0};
    sl_buf_put(&b, MAGIC, 8);
    uint32_t head[6] = {VERSION, SL_MINHASH_K, SL_MINHASH_BANDS, SL_SHINGLE_WORDS,
                        (uint32_t)d->n, d->nlang};
    for (int i = 0; i < 6; i++)
        put_le(&b, head[i], 4);
    put_le(&b, d->idlen, 8);
    for (unsigned l = 1; l < d->nlang; l++) {
        char pad[LANG_BYTES] = {0};
        memcpy(pad, d->lang[l], strnlen(d->lang[l], LANG_BYTES - 1));
        sl_buf_put(&b, pad, LANG_BYTES);
    }
    sl_buf_put(&b, d->ids, d->idlen);
    for (uint32_t i = 0; i < d->n; i++) {
        const sl_dedup_rec *r = &d->rec[i];
        put_le(&b, r->exact, 8);
        put_le(&b, sl_dedup_root_of(d, i), 4);
        put_le(&b, r->flags & REC_OUT ? r->centre : SL_DEDUP_NONE, 4);
        put_le(&b, r->nsh, 2);
        put_le(&b, r->lang, 1);
        put_le(&b, r->flags & (REC_LSH | REC_OUT), 1);
    }
    for (uint32_t i = 0; i < d->n; i++)
        put_sketch(&b, &d->sig[i]);
    put_le(&b, crc32_z(0, (const unsigned char *)b.s, b.len), 4);
    *len = b.len;
    return sl_buf_take(&b);
}

bool sl_dedup_pack(const sl_dedup *d, const char *id, sl_buf *out)
{
    uint32_t i = sl_dedup_lookup(d, id);
    if (i == SL_DEDUP_NONE)
        return false;
    const sl_dedup_rec *r = &d->rec[i];
    put_le(out, r->exact, 8);
    put_le(out, r->nsh, 2);
    char pad[LANG_BYTES] = {0};
    memcpy(pad, d->lang[r->lang], strnlen(d->lang[r->lang], LANG_BYTES - 1));
    sl_buf_put(out, pad, LANG_BYTES);
    put_sketch(out, &d->sig[i]);
    return true;
}

sl_status sl_dedup_save(const sl_dedup *d, const char *path)
{
    size_t len;
    char *data = sl_dedup_save_buf(d, &len);
    sl_buf tmp = {0};
    sl_buf_printf(&tmp, "%s.tmp", path);
    FILE *f = fopen(tmp.s, "wb");
    bool ok = f && fwrite(data, 1, len, f) == len;
    ok = (f && fclose(f) == 0) && ok;
    ok = ok && rename(tmp.s, path) == 0;
    if (!ok) {
        sl_engine_seterr(d->e, "%s: cannot write the copy index: %s", path,
                         strerror(errno));
        remove(tmp.s);
    }
    free(data);
    sl_buf_free(&tmp);
    return ok ? SL_OK : SL_EIO;
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct {
    const unsigned char *p, *end;
} reader;

static uint64_t get_le(reader *r, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    return v;
}

typedef struct {
    uint32_t version, k, bands, words, n, nlang;
    uint64_t idbytes;
} header;

/* Checks the header and that the length is exactly what it announces.
 * Returns the reason it is not, or NULL. */
static const char *check_header(reader *r, size_t len, header *h)
{
    if (len < HEADER + 4)
        return "truncated (too short for a copy index)";
    if (memcmp(r->p, MAGIC, 8) != 0)
        return "not a copy index (bad magic)";
    r->p += 8;
    h->version = (uint32_t)get_le(r, 4);
    h->k = (uint32_t)get_le(r, 4);
    h->bands = (uint32_t)get_le(r, 4);
    h->words = (uint32_t)get_le(r, 4);
    h->n = (uint32_t)get_le(r, 4);
    h->nlang = (uint32_t)get_le(r, 4);
    h->idbytes = get_le(r, 8);
    if (h->version == 1 || h->version == 2)
        return "made by an older storyline, whose sketches do not compare with "
               "this one's: make it again from the texts";
    if (h->version != VERSION)
        return "unsupported copy index version";
    if (h->k != SL_MINHASH_K || h->bands != SL_MINHASH_BANDS ||
        h->words != SL_SHINGLE_WORDS)
        return "copy index made with other sketch settings";
    if (h->n > SL_DEDUP_MAX_ARTICLES || h->nlang < 1 ||
        h->nlang > SL_DEDUP_MAX_LANGS)
        return "corrupt header";
    /* all in 64 bits: n < 2^32, so no product overflows */
    uint64_t want = (uint64_t)HEADER + (uint64_t)(h->nlang - 1) * LANG_BYTES +
                    (uint64_t)h->n * (REC_BYTES + sizeof(sl_minhash)) + 4;
    if (h->idbytes > UINT32_MAX || want + h->idbytes != len)
        return want + h->idbytes > len ? "truncated" : "corrupt (wrong length)";
    return NULL;
}

static const char *read_langs(reader *r, sl_dedup *d, uint32_t nlang)
{
    for (uint32_t l = 1; l < nlang; l++) {
        const char *s = (const char *)r->p;
        size_t n = strnlen(s, LANG_BYTES);
        if (n == 0 || n >= LANG_BYTES)
            return "corrupt language table";
        memcpy(d->lang[l], s, n + 1);
        r->p += LANG_BYTES;
    }
    d->nlang = nlang;
    return NULL;
}

/* Checks what a record says of its closure, flags and the article it goes
 * with ('with'). */
static const char *check_record(sl_dedup *d, uint32_t i, const sl_dedup_rec *rec,
                                uint32_t root, uint32_t with, uint8_t flags)
{
    if (root > i || (root < i && d->rec[root].parent != root))
        return "corrupt record (bad closure root)";
    if (rec->lang >= d->nlang || (flags & ~(REC_LSH | REC_OUT)) ||
        (flags && !rec->exact) || (flags & (flags - 1)))
        return "corrupt record (bad flags)";
    if (!(flags & REC_OUT))
        return with == SL_DEDUP_NONE ? NULL : "corrupt record (twin)";
    if (with >= i || !(d->rec[with].flags & REC_LSH) ||
        sl_dedup_root(d, with) != root)
        return "corrupt record (twin)";
    if (flags & REC_DUP &&
        (d->rec[with].exact != rec->exact || d->rec[with].lang != rec->lang))
        return "corrupt record (twin)";
    return NULL;
}

/* Reads record i (its id at *id, advanced past it). */
static const char *read_record(reader *r, sl_dedup *d, uint32_t i,
                               const char **id, const char *ids_end)
{
    size_t idn = strnlen(*id, (size_t)(ids_end - *id));
    if (*id + idn >= ids_end)
        return "corrupt ids (one runs past the end)";
    sl_dedup_rec rec = {0};
    rec.exact = get_le(r, 8);
    uint32_t root = (uint32_t)get_le(r, 4), with = (uint32_t)get_le(r, 4);
    rec.nsh = (uint16_t)get_le(r, 2);
    rec.lang = (uint8_t)get_le(r, 1);
    uint8_t flags = (uint8_t)get_le(r, 1);
    const char *err = check_record(d, i, &rec, root, with, flags);
    if (err)
        return err;
    if (sl_dedup_append(d, *id, &rec, NULL) != i)
        return "corrupt ids (an id twice)";
    d->rec[i].flags = flags;
    if (flags & REC_OUT)
        d->rec[i].centre = with;
    if (root < i)
        sl_dedup_unite(d, root, i);
    *id += idn + 1;
    return NULL;
}

static void read_sketch(reader *r, sl_minhash *s)
{
    for (int i = 0; i < SL_MINHASH_BANDS; i++)
        s->band[i] = (uint16_t)get_le(r, 2);
    memcpy(s->small, r->p, sizeof s->small);
    r->p += sizeof s->small;
}

/* Reads one packed record (sl_dedup_pack) into *rec, *sig and lang[];
 * returns the reason it is not one, or NULL. */
static const char *read_packed(const unsigned char *b, size_t len, sl_dedup_rec *rec,
                               sl_minhash *sig, char lang[LANG_BYTES])
{
    if (len != SL_DEDUP_PACKED)
        return len < SL_DEDUP_PACKED ? "packed copy record truncated"
                                     : "packed copy record too long";
    reader r = {b, b + len};
    *rec = (sl_dedup_rec){0};
    rec->exact = get_le(&r, 8);
    rec->nsh = (uint16_t)get_le(&r, 2);
    memcpy(lang, r.p, LANG_BYTES);
    r.p += LANG_BYTES;
    size_t n = strnlen(lang, LANG_BYTES);
    if (n == LANG_BYTES)
        return "packed copy record: corrupt language";
    for (size_t i = 0; i < n; i++)
        if (!(lang[i] == '-' || (lang[i] >= 'a' && lang[i] <= 'z') ||
              (lang[i] >= 'A' && lang[i] <= 'Z') || (lang[i] >= '0' && lang[i] <= '9')))
            return "packed copy record: corrupt language";
    read_sketch(&r, sig);
    static const sl_minhash none;
    if (!rec->exact && (rec->nsh || memcmp(sig, &none, sizeof none)))
        return "packed copy record: a sketch on a text without words";
    return NULL;
}

sl_status sl_dedup_add_packed(sl_dedup *d, const char *id, const unsigned char *b, size_t len,
                              sl_dedup_result *res)
{
    sl_dedup_rec rec;
    sl_minhash sig;
    char lang[LANG_BYTES];
    const char *err = read_packed(b, len, &rec, &sig, lang);
    if (!err && sl_dedup_lookup(d, id) != SL_DEDUP_NONE)
        err = "id already in the copy index (skipped)";
    if (err) {
        sl_engine_seterr(d->e, "%s: %s", id, err);
        return SL_EINPUT;
    }
    rec.lang = sl_dedup_lang(d, lang);
    sl_dedup_add_record(d, id, &rec, &sig, res);
    return SL_OK;
}

static const char *read_body(reader *r, sl_dedup *d, const header *h)
{
    const char *err = read_langs(r, d, h->nlang);
    const char *id = (const char *)r->p, *ids_end = id + h->idbytes;
    r->p += h->idbytes;
    for (uint32_t i = 0; !err && i < h->n; i++)
        err = read_record(r, d, i, &id, ids_end);
    if (!err && id != ids_end)
        err = "corrupt ids (bytes left over)";
    for (uint32_t i = 0; !err && i < h->n; i++) {
        read_sketch(r, &d->sig[i]);
        if (d->rec[i].flags & REC_LSH)
            sl_dedup_chain(d, i);
    }
    if (!err)
        sl_dedup_restar(d);
    return err;
}

sl_status sl_dedup_load_buf(sl_engine *e, const char *name, const void *data,
                            size_t len, sl_dedup **out)
{
    *out = NULL;
    reader r = {data, (const unsigned char *)data + len};
    header h;
    const char *err = check_header(&r, len, &h);
    if (!err && crc32_z(0, data, len - 4) !=
                    (uint32_t)get_le(&(reader){r.end - 4, r.end}, 4))
        err = "corrupt (checksum mismatch)";
    sl_dedup *d = err ? NULL : sl_dedup_new(e);
    if (d)
        err = read_body(&r, d, &h);
    if (err) {
        sl_dedup_free(d);
        sl_engine_seterr(e, "%s: %s", name, err);
        return SL_EINPUT;
    }
    *out = d;
    return SL_OK;
}

sl_status sl_dedup_load(sl_engine *e, const char *path, sl_dedup **out)
{
    *out = NULL;
    sl_buf b = {0};
    int err = sl_buf_read_file(&b, path, MAX_FILE);
    sl_status st = err == EFBIG ? SL_EINPUT : SL_EIO;
    if (err == EFBIG)
        sl_engine_seterr(e, "%s: too large for a copy index", path);
    else if (err)
        sl_engine_seterr(e, "%s: %s", path, strerror(err));
    else
        st = sl_dedup_load_buf(e, path, b.s ? b.s : "", b.len, out);
    sl_buf_free(&b);
    return st;
}
