/*
 * fuzz_lexicon.c -- libFuzzer target for the lexicon table loader
 * (src/text/lexicon.c): any bytes must be refused with a reason or loaded
 * and then looked up in without reading outside them.
 *
 * The first byte chooses the mode: odd -- the rest is the whole image (with
 * and without the checksum); even -- the next 8 bytes choose small section
 * counts, a well-formed header is written for them and the remaining bytes
 * fill the sections, so the fuzzer spends its time past the header checks.
 * Build: make fuzz.
 */
#include "text/terms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use(const uint8_t *img, size_t len, const uint8_t *data, size_t size)
{
    char err[128];
    sl_lexicon *x = sl_lexicon_load(img, len, false, err, sizeof err);
    if (!x)
        return;
    sl_translation tr[SL_LEXICON_K];
    for (size_t i = 0; i + 8 <= size; i += 8) {
        uint64_t h;
        memcpy(&h, data + i, 8);
        sl_lexicon_find(x, h, tr, SL_LEXICON_K);
    }
    sl_lexicon_lookup(x, "de", "haus", 4, tr, 2);
    sl_lexicon_entries_of(x, "de");
    (void)strlen(sl_lexicon_sources(x));
    sl_lexicon_free(x);
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (data[0] & 1) {
        char err[128];
        sl_lexicon_free(sl_lexicon_load(data + 1, size - 1, true, err, sizeof err));
        use(data + 1, size - 1, data, size);
        return 0;
    }
    if (size < 9)
        return 0;
    const uint8_t *c = data + 1;
    uint32_t nkeys = c[0] % 16, nrefs = c[1] % 64, ntg = c[2] % 16,
             pool = c[3] % 64, bits = 1 + c[4] % 4, nsp = c[5] % 4,
             src = 1 + c[6] % 32;
    size_t body = 4 * (((size_t)1 << bits) + 1) + 8 * nkeys + 4 * (nkeys + 1) +
                  4 * nrefs + 16 * ntg + pool + 8 * nsp + src;
    size_t len = 64 + body;
    uint8_t *img = calloc(1, len);
    if (!img)
        return 0;
    memcpy(img, "SLLX", 4);
    const uint32_t head[] = {1, nkeys, nrefs, ntg, pool, bits, nsp, src};
    for (int i = 0; i < 8; i++)
        put32(img + 4 + 4 * i, head[i]);
    size_t rest = size - 9, n = rest < body ? rest : body;
    memcpy(img + 64, data + 9, n);
    if (c[7] & 1) /* often a terminated sources text */
        img[len - 1] = 0;
    use(img, len, data, size);
    free(img);
    return 0;
}
