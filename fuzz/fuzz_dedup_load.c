/*
 * fuzz_dedup_load.c -- libFuzzer target for the copy index loader
 * (sl_dedup_load_buf).  The first byte chooses how the rest is used:
 *
 *   0  loaded as it is (mostly stops at the length or CRC check);
 *   1  loaded with a valid CRC-32 appended, so the structure checks behind
 *      the checksum are reached;
 *   2  read as text articles (one a line), indexed and saved; then one byte
 *      of the file (chosen by the second input byte) is changed and the CRC
 *      fixed -- a near-valid file;
 *   3  the same index saved and loaded back, which must give the same
 *      groups (abort otherwise).
 *
 * A loaded index is listed and gets one more article.  One engine serves
 * every run (its language models take long to load).  Build: make fuzz.
 */
#include "storyline.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void put_crc(unsigned char *p, size_t len)
{
    uLong c = crc32(0, p, (uInt)(len - 4));
    for (int i = 0; i < 4; i++)
        p[len - 4 + (size_t)i] = (unsigned char)(c >> (8 * i));
}

static void use(sl_engine *e, sl_dedup *d)
{
    free(sl_dedup_json(d));
    sl_article *a;
    const char *t = "A short text added after loading, to see that the index goes on.";
    if (sl_article_read(e, "extra.txt", t, strlen(t), SL_FORMAT_TEXT, &a) == SL_OK) {
        sl_dedup_add(d, a, NULL);
        sl_article_free(a);
    }
    sl_dedup_free(d);
}

/* An index of the lines of s[0..n) as text articles.  Caller frees. */
static sl_dedup *index_lines(sl_engine *e, const char *s, size_t n)
{
    sl_dedup *d = sl_dedup_new(e);
    const char *end = s + n;
    for (int k = 0; s < end && k < 64; k++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
        char name[32];
        snprintf(name, sizeof name, "a%d.txt", k % 50); /* some ids repeat */
        sl_article *a;
        if (sl_article_read(e, name, s, len, SL_FORMAT_TEXT, &a) == SL_OK) {
            sl_dedup_add(d, a, NULL);
            sl_article_free(a);
        }
        s += len + 1;
    }
    return d;
}

static void near_valid(sl_engine *e, const uint8_t *data, size_t size, bool flip)
{
    size_t at = size > 1 ? data[1] : 0;
    sl_dedup *d = index_lines(e, (const char *)data + 2 * (size > 1),
                              size - 2 * (size > 1));
    size_t len;
    unsigned char *f = (unsigned char *)sl_dedup_save_buf(d, &len);
    char *want = sl_dedup_json(d);
    sl_dedup_free(d);
    if (flip) {
        f[(at * 131) % (len - 4)] ^= (unsigned char)(1 + at % 255);
        put_crc(f, len);
    }
    if (sl_dedup_load_buf(e, "fuzz.idx", f, len, &d) == SL_OK) {
        char *got = sl_dedup_json(d);
        if (!flip && strcmp(got, want) != 0)
            abort(); /* a round trip must keep the groups */
        free(got);
        use(e, d);
    } else if (!flip) {
        abort(); /* what was saved must load */
    }
    free(want);
    free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sl_engine *e;
    if (!e)
        e = sl_engine_new();
    if (size == 0)
        return 0;
    int mode = data[0] & 3;
    data++, size--;
    sl_dedup *d = NULL;
    if (mode == 0 && sl_dedup_load_buf(e, "fuzz.idx", data, size, &d) == SL_OK)
        use(e, d);
    if (mode == 1) {
        unsigned char *p = malloc(size + 4);
        if (size)
            memcpy(p, data, size);
        put_crc(p, size + 4);
        if (sl_dedup_load_buf(e, "fuzz.idx", p, size + 4, &d) == SL_OK)
            use(e, d);
        free(p);
    }
    if (mode >= 2)
        near_valid(e, data, size, mode == 2);
    return 0;
}
