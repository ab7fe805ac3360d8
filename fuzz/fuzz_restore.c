/*
 * fuzz_restore.c -- libFuzzer target for the index's restore path: the
 * bytes a store hands back (packed articles, packed document
 * frequencies) must be checked, never trusted.  The first byte chooses
 * what the rest is fed as; bit 7 set appends the right CRC-32 to the rest,
 * so the fuzzer also gets past the checksum into the parsers behind it.
 * Build: make fuzz.
 */
#include "storyline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    if (data[0] & 0x80) {
        uLong crc = crc32(0, buf, (uInt)n);
        for (int i = 0; i < 4; i++)
            buf[n + i] = (unsigned char)(crc >> (8 * i));
        n += 4;
    }
    sl_index *x = sl_index_new(e, NULL);
    if (data[0] & 1)
        sl_index_restore_df(x, buf, n);
    else if (sl_index_restore_article(x, buf, n, (data[0] >> 1) & 0x3F) == SL_OK) {
        sl_index_update(x);
        free(sl_index_events_json(x, NULL));
        free(sl_index_stories_json(x, NULL));
    }
    sl_index_free(x);
    free(buf);
    return 0;
}
