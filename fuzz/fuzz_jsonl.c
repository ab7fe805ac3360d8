/*
 * fuzz_jsonl.c -- libFuzzer target for the JSON lines reader: the input is
 * cut into lines and each is read as one article (then prepared and
 * printed).  Build: make fuzz.
 */
#include "storyline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_engine *e = sl_engine_new();
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        sl_article *a = NULL;
        if (sl_article_read(e, "fuzz.jsonl", s, n, SL_FORMAT_JSONL, &a) == SL_OK) {
            sl_article_prepare(e, a);
            free(sl_article_json(a));
            sl_article_free(a);
        }
        s += n + 1;
    }
    sl_engine_free(e);
    return 0;
}
