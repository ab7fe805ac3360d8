/*
 * lexicon_data.c -- the lexicon table embedded in the binary.
 *
 * build/lexicon/lexicon.bin (made by tools/lexicon_build.c from the FreeDict
 * dictionaries when `make` runs) is pulled in with .incbin, the way the
 * language model is (langid.c), so the table needs no file at run time.  It
 * lives apart from the loader (lexicon.c) so that the builder can link the
 * loader, to check what it wrote, before any table exists.
 *
 * The table is a derived work of the dictionaries: see
 * data/lexicon/LICENSES.md.  Tests: tests/text/test_lexicon.c.
 */
#include "terms.h"

#ifndef SL_LEXICON_BIN
#define SL_LEXICON_BIN "build/lexicon/lexicon.bin"
#endif

__asm__(".pushsection .rodata.sl_lexicon,\"a\",@progbits\n"
        ".balign 16\n"
        "sl_lexicon_start:\n"
        ".incbin \"" SL_LEXICON_BIN "\"\n"
        "sl_lexicon_end:\n"
        ".popsection\n");
extern const unsigned char sl_lexicon_start[]
    __attribute__((visibility("hidden")));
extern const unsigned char sl_lexicon_end[]
    __attribute__((visibility("hidden")));

sl_lexicon *sl_lexicon_embedded(char *err, size_t errlen)
{
    size_t n = (size_t)(sl_lexicon_end - sl_lexicon_start);
    return sl_lexicon_load(sl_lexicon_start, n, true, err, errlen);
}
