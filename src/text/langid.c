/* STUB: replaced by the real detector. */
#include "text.h"
#include <stdlib.h>
struct sl_langid { int dummy; };
sl_langid *sl_langid_new(void) { return sl_xcalloc(1, sizeof(sl_langid)); }
void sl_langid_free(sl_langid *l) { free(l); }
const char *sl_langid_detect(sl_langid *l, const char *s, size_t len, const char *hint, double *c)
{ (void)l; (void)s; (void)len; (void)hint; if (c) *c = 0; return "und"; }
