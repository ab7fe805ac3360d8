/*
 * fuzz_restore.c -- libFuzzer target for the index's restore path: the
 * bytes a store hands back (packed articles, packed document
 * frequencies) must be checked, never trusted.  The first byte chooses
 * what the rest is fed as: bit 0 document frequencies or an article, bits
 * 1-5 the event; bit 7 set appends the right CRC-32 to the rest, so the
 * fuzzer also gets past the checksum into the parsers behind it; bit 6
 * set also wraps it as an article's pack (src/pipeline/index.c: the
 * profile, then its last 154 bytes as the copy record, then the pack's
 * own CRC-32), so both parsers inside are reached.
 * Build: make fuzz.
 */
#include "storyline.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Appends the CRC-32 of b[0..*n) (room for it is there) and counts it. */
static void put_crc(unsigned char *b, size_t *n)
{
    uLong crc = crc32(0, b, (uInt)*n);
    for (int i = 0; i < 4; i++)
        b[*n + (size_t)i] = (unsigned char)(crc >> (8 * i));
    *n += 4;
}

static void put_u32(unsigned char *b, size_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

/* b[0..*n) (room for 4 more) as a pack: "SLIX", 2, the profile (the
 * bytes before the last 154, with their CRC when 'crc'), the copy record,
 * the CRC.  Frees b; returns the new buffer. */
static unsigned char *wrap(unsigned char *b, size_t *n, bool crc)
{
    size_t nc = *n < 154 ? *n : 154, np = *n - nc;
    unsigned char *prof = malloc(np + 4), *out = malloc(*n + 25);
    if (!prof || !out)
        abort();
    memcpy(prof, b, np);
    if (crc)
        put_crc(prof, &np);
    size_t at = 0;
    memcpy(out, "SLIX\2", 5), at = 5;
    put_u32(out + at, np), at += 4;
    memcpy(out + at, prof, np), at += np;
    put_u32(out + at, nc), at += 4;
    memcpy(out + at, b + *n - nc, nc), at += nc;
    put_crc(out, &at);
    free(prof);
    free(b);
    *n = at;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_engine *e;
    if (!e)
        e = sl_engine_new(); /* one engine for all inputs: its models load once */
    if (size < 1)
        return 0;
    size_t n = size - 1;
    unsigned char *buf = malloc(n + 4);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, n);
    if (data[0] & 0x40 && !(data[0] & 1))
        buf = wrap(buf, &n, data[0] & 0x80);
    else if (data[0] & 0x80)
        put_crc(buf, &n);
    sl_index *x = sl_index_new(e, NULL);
    if (data[0] & 1)
        sl_index_restore_df(x, buf, n);
    else if (sl_index_restore_article(x, buf, n, (data[0] >> 1) & 0x1F) == SL_OK) {
        sl_index_restore_copies(x, 0);
        sl_index_update(x);
        free(sl_index_events_json(x, NULL));
        free(sl_index_stories_json(x, NULL));
    }
    sl_index_free(x);
    free(buf);
    return 0;
}
