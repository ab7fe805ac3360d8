/*
 * web.c -- the page (web/index.html, style.css, app.js), embedded in the
 * binary with .incbin at build time, so `storyline serve` needs no files
 * beside it and no request path ever reaches the filesystem: a GET names
 * one of these three, or nothing.
 *
 * The Makefile makes web.o depend on the files of web/ (.incbin is
 * invisible to -MMD).
 * Tests: tests/browser/ (the page in headless Chromium).
 */
#include "server.h"

#include <string.h>

/* X(symbol, file, served path, type) */
#define WEB_FILES(X)                                                                   \
    X(index, "web/index.html", "", "text/html; charset=utf-8")                         \
    X(style, "web/style.css", "style.css", "text/css; charset=utf-8")                  \
    X(app, "web/app.js", "app.js", "text/javascript; charset=utf-8")

#define INCBIN(sym, file, path, type)                                                  \
    __asm__(".pushsection .rodata.sl_web_" #sym ",\"a\",@progbits\n"                   \
            "sl_web_" #sym "_start:\n"                                                 \
            ".incbin \"" file "\"\n"                                                   \
            "sl_web_" #sym "_end:\n"                                                   \
            ".popsection\n");                                                          \
    extern const char sl_web_##sym##_start[] __attribute__((visibility("hidden")));    \
    extern const char sl_web_##sym##_end[] __attribute__((visibility("hidden")));
WEB_FILES(INCBIN)

typedef struct {
    const char *path, *type, *start, *end;
} web_file;

#define ENTRY(sym, file, path, type) {path, type, sl_web_##sym##_start, sl_web_##sym##_end},
static const web_file files[] = {WEB_FILES(ENTRY)};

bool sl_srv_web_file(const char *path, const char **data, size_t *len, const char **ctype)
{
    if (!strcmp(path, "index.html"))
        path = "";
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (!strcmp(files[i].path, path)) {
            *data = files[i].start;
            *len = (size_t)(files[i].end - files[i].start);
            *ctype = files[i].type;
            return true;
        }
    return false;
}
