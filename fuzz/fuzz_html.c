/*
 * fuzz_html.c -- libFuzzer target for the HTML reader: charset detection
 * and conversion, the nesting cap, gumbo, metadata and the main-text scorer,
 * then everything after it (clean, language id, dates, entities, printers).
 *
 * The first byte chooses the options, the rest is the page:
 *   bit 0    read as HTML, or as AUTO (sniffing runs too)
 *   bit 1    also prepare the article and print it (JSON and text)
 *   bits 2-3 put a charset in front of the page: none, a <meta charset=
 *            windows-1251>, a UTF-16LE byte order mark, a <meta charset=
 *            iso-2022-jp> (a 7-bit encoding)
 *   bit 4    wrap the page in a JSON line's "html" field instead
 * One engine serves every input (made in LLVMFuzzerInitialize): building
 * the language models per input would be nearly all the fuzzer did, and an
 * engine keeps nothing from one article to the next but warm caches.
 * Build: make fuzz.  Seeds: examples/ (the project's own pages).
 */
#include "storyline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sl_engine *engine; /* the harness's only state; see above */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    engine = sl_engine_new();
    return 0;
}

static const char *const prefixes[] = {"", "<meta charset=\"windows-1251\">", "\xFF\xFE",
                                       "<meta charset=\"iso-2022-jp\">"};

/* data[0..n) as a JSON string literal's body (every byte escaped that must
 * be), into out (which holds 6n + 1 bytes). */
static size_t json_escape(const uint8_t *data, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = data[i];
        if (c < 0x20 || c == '"' || c == '\\')
            k += (size_t)sprintf(out + k, "\\u%04x", c);
        else
            out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

static void use(sl_engine *e, sl_article *a, int prepare)
{
    if (prepare) {
        sl_article_prepare(e, a);
        free(sl_article_json(a));
        free(sl_article_text(a));
    }
    sl_article_free(a);
}

static void read_json_line(sl_engine *e, const uint8_t *data, size_t n, int prepare)
{
    static const char head[] = "{\"id\":\"f\",\"html\":\"", tail[] = "\"}";
    char *line = malloc(sizeof head + 6 * n + sizeof tail);
    if (!line)
        return;
    size_t k = sizeof head - 1;
    memcpy(line, head, k);
    k += json_escape(data, n, line + k);
    memcpy(line + k, tail, sizeof tail);
    sl_article *a = NULL;
    if (sl_article_read(e, "fuzz.jsonl", line, k + sizeof tail - 1, SL_FORMAT_JSONL, &a) == SL_OK)
        use(e, a, prepare);
    free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    data++, size--;
    sl_engine *e = engine;
    int prepare = (opt >> 1) & 1;
    if (opt & 16) {
        read_json_line(e, data, size, prepare);
        return 0;
    }
    const char *pre = prefixes[(opt >> 2) & 3];
    size_t np = strlen(pre);
    char *page = malloc(np + size + 1);
    if (page) {
        memcpy(page, pre, np);
        memcpy(page + np, data, size);
        sl_format fmt = opt & 1 ? SL_FORMAT_HTML : SL_FORMAT_AUTO;
        sl_article *a = NULL;
        if (sl_article_read(e, "fuzz.html", page, np + size, fmt, &a) == SL_OK)
            use(e, a, prepare);
        free(page);
    }
    return 0;
}
