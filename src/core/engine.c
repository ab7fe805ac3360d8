/*
 * engine.c -- the handle that carries everything: options, stage contexts,
 * the last error.  There is no global state; two engines never share memory.
 *
 * Stage contexts (ICU transliterators, compiled patterns, language models)
 * are costly to make, so each is made the first time a stage needs it and
 * lives as long as the engine.
 */
#include "core.h"
#include "../analyze/analyze.h"
#include "../analyze/profile.h"
#include "../clean/clean.h"
#include "../text/terms.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sl_version(void) { return SL_VERSION_STRING; }

sl_engine *sl_engine_new(void)
{
    return sl_xcalloc(1, sizeof(sl_engine));
}

void sl_engine_free(sl_engine *e)
{
    if (!e)
        return;
    sl_norm_free(e->norm);
    sl_langid_free(e->langid);
    sl_clean_free(e->clean);
    sl_dates_free(e->dates);
    sl_profiler_free(e->profiler);
    sl_terms_free(e->terms);
    sl_lexicon_free(e->lexicon);
    free(e);
}

const char *sl_engine_error(const sl_engine *e) { return e ? e->err : ""; }

void sl_engine_seterr(sl_engine *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err, sizeof e->err, fmt, ap);
    va_end(ap);
}

struct sl_norm *sl_engine_norm(sl_engine *e)
{
    if (!e->norm)
        e->norm = sl_norm_new();
    return e->norm;
}

struct sl_langid *sl_engine_langid(sl_engine *e)
{
    if (!e->langid)
        e->langid = sl_langid_new();
    return e->langid;
}

struct sl_clean *sl_engine_clean(sl_engine *e)
{
    if (!e->clean)
        e->clean = sl_clean_new();
    return e->clean;
}

struct sl_dates *sl_engine_dates(sl_engine *e)
{
    if (!e->dates)
        e->dates = sl_dates_new();
    return e->dates;
}

sl_profiler *sl_engine_profiler(sl_engine *e)
{
    if (!e->profiler)
        e->profiler = sl_profiler_new();
    return e->profiler;
}

sl_terms *sl_engine_terms(sl_engine *e)
{
    if (!e->terms)
        e->terms = sl_terms_new();
    return e->terms;
}

const sl_lexicon *sl_engine_lexicon(sl_engine *e)
{
    if (!e->lexicon_tried) {
        char err[256];
        e->lexicon_tried = true;
        e->lexicon = sl_lexicon_embedded(err, sizeof err);
        if (!e->lexicon)
            sl_engine_seterr(e, "%s", err);
    }
    return e->lexicon;
}

char *sl_name_key(sl_engine *e, const char *utf8)
{
    sl_buf b = {0};
    sl_norm_name_key(sl_engine_norm(e), utf8, strlen(utf8), &b);
    return sl_buf_take(&b);
}
