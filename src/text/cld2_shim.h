/*
 * cld2_shim.h -- a C view of CLD2 (Compact Language Detector 2), the part
 * langid.c uses.  The C++ side is src/text/cld2_shim.cc.
 */
#ifndef SL_CLD2_SHIM_H
#define SL_CLD2_SHIM_H

#include <stddef.h>

/* CLD2's top three guesses for a text. */
typedef struct {
    const char *code[3]; /* CLD2's codes ("en", "iw", "zh-Hant" ...) or NULL;
                          * static strings owned by CLD2 */
    int percent[3];      /* share of the text, 0..100 */
    double score[3];     /* CLD2's score against normal text of that language */
    int text_bytes;      /* letters CLD2 looked at */
    int reliable;        /* CLD2's own "is_reliable" */
} sl_cld2_result;

#ifdef __cplusplus
extern "C" {
#endif

/* Runs CLD2 in best-effort mode (it answers even for a few words) on
 * s[0..len) (valid UTF-8, borrowed for the call) and fills *out. */
void sl_cld2_detect(const char *s, size_t len, sl_cld2_result *out);

#ifdef __cplusplus
}
#endif
#endif
