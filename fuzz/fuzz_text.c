/*
 * fuzz_text.c -- libFuzzer target for the plain-text reader and everything
 * after it (clean, language id, dates, entities, the JSON printer).
 *
 * The first byte chooses the format the bytes are read as (text, or AUTO so
 * sniffing runs too); the rest is the article.  Build: make fuzz.
 */
#include "storyline.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sl_format fmt = data[0] & 1 ? SL_FORMAT_TEXT : SL_FORMAT_AUTO;
    sl_engine *e = sl_engine_new();
    sl_article *a = NULL;
    if (sl_article_read(e, "fuzz.txt", (const char *)data + 1, size - 1, fmt, &a) == SL_OK) {
        sl_article_prepare(e, a);
        free(sl_article_json(a));
        free(sl_article_text(a));
        sl_article_free(a);
    }
    sl_engine_free(e);
    return 0;
}
