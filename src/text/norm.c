/* STUB: replaced by the ICU implementation. */
#include "text.h"
#include <stdlib.h>
#include <ctype.h>
struct sl_norm { int dummy; };
sl_norm *sl_norm_new(void) { return sl_xcalloc(1, sizeof(sl_norm)); }
void sl_norm_free(sl_norm *n) { free(n); }
void sl_norm_key(sl_norm *n, const char *s, size_t len, sl_buf *out)
{ (void)n; for (size_t i = 0; i < len; i++) sl_buf_putc(out, (char)tolower((unsigned char)s[i])); }
void sl_norm_name_key(sl_norm *n, const char *s, size_t len, sl_buf *out) { sl_norm_key(n, s, len, out); }
