/* STUB: replaced by the real cleaner. */
#include "clean.h"
#include <stdlib.h>
struct sl_clean { int dummy; };
sl_clean *sl_clean_new(void) { return sl_xcalloc(1, sizeof(sl_clean)); }
void sl_clean_free(sl_clean *c) { free(c); }
void sl_clean_article(sl_clean *c, sl_article *a) { (void)c; (void)a; }
