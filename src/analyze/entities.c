/* STUB: replaced by the real entity extractor. */
#include "analyze.h"
void sl_entities_extract(sl_norm *n, sl_article *a) { (void)n; (void)a; }
