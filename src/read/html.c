/* STUB: replaced by the gumbo reader. */
#include "read.h"
sl_status sl_read_html(sl_engine *e, sl_article *a, const char *data, size_t len)
{ (void)a; (void)data; (void)len; sl_engine_seterr(e, "%s: HTML not supported yet", a->path ? a->path : "?"); return SL_EINPUT; }
