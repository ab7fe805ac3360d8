// cld2_shim.cc -- the only C++ in the text stage: calls CLD2's
// ExtDetectLanguageSummary() and hands plain values back to C (langid.c).
// CLD2 keeps no per-call state of ours; its tables are static and read-only,
// so the call is safe from any thread.  Tests: tests/text/test_langid.c.
#include "../text/cld2_shim.h"

#include <climits>
#include <cstdio> // compact_lang_det.h uses FILE without including it
#include <public/compact_lang_det.h>
#include <public/encodings.h>

extern "C" void sl_cld2_detect(const char *s, size_t len, sl_cld2_result *out)
{
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                            CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang3[3];
    int percent3[3] = {0, 0, 0};
    double score3[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    int n = len > INT_MAX ? INT_MAX : static_cast<int>(len);
    CLD2::ExtDetectLanguageSummary(s, n, true, &hints, CLD2::kCLDFlagBestEffort,
                                   lang3, percent3, score3, nullptr,
                                   &text_bytes, &reliable);
    for (int i = 0; i < 3; i++) {
        bool known = lang3[i] != CLD2::UNKNOWN_LANGUAGE && percent3[i] > 0;
        out->code[i] = known ? CLD2::LanguageCode(lang3[i]) : nullptr;
        out->percent[i] = known ? percent3[i] : 0;
        out->score[i] = known ? score3[i] : 0.0;
    }
    out->text_bytes = text_bytes;
    out->reliable = reliable ? 1 : 0;
}
