/* STUB: replaced by the real date extractor. */
#include "analyze.h"
#include <stdlib.h>
struct sl_dates { int dummy; };
sl_dates *sl_dates_new(void) { return sl_xcalloc(1, sizeof(sl_dates)); }
void sl_dates_free(sl_dates *d) { free(d); }
void sl_dates_extract(sl_dates *d, sl_article *a) { (void)d; (void)a; }
