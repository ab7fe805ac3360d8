/*
 * charset.c -- a web page's bytes, in whatever charset, to valid UTF-8.
 *
 * gumbo parses UTF-8 only, so the HTML reader first decides the charset:
 *
 *   1. a byte order mark (UTF-8, UTF-16LE/BE) settles it, and so do NUL
 *      bytes at every other position (UTF-16 without a mark);
 *   2. else the charset the page declares in its first 8 KB
 *      (<meta charset=...> or <meta http-equiv content="...; charset=...">);
 *   3. else ICU's detector (ucsdet) guesses from the bytes, markup ignored.
 *
 * One deliberate exception to the declaration: bytes that are already valid
 * UTF-8 and contain non-ASCII text are kept as UTF-8 even when the page says
 * "windows-1251".  Real legacy text is almost never valid UTF-8 by chance,
 * while pages that lie about their charset, and HTML that reached us inside
 * a JSON string (already converted), are common.  7-bit encodings that hide
 * text in ASCII (ISO-2022-*, UTF-7, HZ) are the exception to the exception.
 *
 * The invariant on the way out: valid UTF-8, no NUL; every byte the source
 * charset could not decode became U+FFFD and was counted.
 *
 * Tests: tests/read/test_html.c (latin-1, windows-1251, UTF-16, lying pages).
 */
#include "html_parts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#define SNIFF_BYTES 8192    /* how far to look for a declaration */
#define DETECT_BYTES 65536  /* how much the detector sees */

/* ---- the declaration ---------------------------------------------------- */

/* Case-insensitive search for 'needle' in s[0..n); NULL if absent. */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(s + i, needle, m) == 0)
            return s + i;
    return NULL;
}

/* Copies the charset name that follows "charset" inside one <meta ...> tag
 * (tag[0..n)) into name (size cap); false if there is none. */
static bool charset_in_tag(const char *tag, size_t n, char *name, size_t cap)
{
    const char *p = find_ci(tag, n, "charset");
    if (!p)
        return false;
    const char *end = tag + n;
    p += 7;
    while (p < end && (isspace((unsigned char)*p)))
        p++;
    if (p >= end || *p != '=')
        return false;
    p++;
    while (p < end && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
        p++;
    size_t k = 0;
    while (p < end && k + 1 < cap &&
           (isalnum((unsigned char)*p) || strchr("-_.:", *p)))
        name[k++] = *p++;
    name[k] = '\0';
    return k > 0;
}

/* The charset declared by a <meta> tag in the first SNIFF_BYTES, into name
 * (size cap); false if none. */
static bool declared_charset(const char *s, size_t len, char *name, size_t cap)
{
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    const char *p = s, *end = s + n;
    while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        size_t tag = close ? (size_t)(close - p) : (size_t)(end - p);
        if (charset_in_tag(p, tag, name, cap))
            return true;
        p += 5;
    }
    return false;
}

static bool is_utf8_name(const char *name)
{
    return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

/* Encodings whose text hides in plain ASCII bytes. */
static bool is_7bit_name(const char *name)
{
    return find_ci(name, strlen(name), "2022") || strcasecmp(name, "utf-7") == 0 ||
           strcasecmp(name, "hz-gb-2312") == 0 || strcasecmp(name, "hz") == 0;
}

static bool has_high_bytes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* The detector's best guess, copied into name; false if it has none. */
static bool detect_charset(const char *s, size_t len, char *name, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    if (U_FAILURE(err))
        return false;
    ucsdet_enableInputFilter(d, 1);
    ucsdet_setText(d, s, (int32_t)(len < DETECT_BYTES ? len : DETECT_BYTES), &err);
    const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(d, &err) : NULL;
    const char *got = m && U_SUCCESS(err) ? ucsdet_getName(m, &err) : NULL;
    bool ok = got && U_SUCCESS(err) && strlen(got) < cap;
    if (ok)
        strcpy(name, got);
    ucsdet_close(d);
    return ok;
}

/* ---- conversion --------------------------------------------------------- */

/* Counts each undecodable sequence, then substitutes U+FFFD as ICU would. */
static void count_bad(const void *ctx, UConverterToUnicodeArgs *args,
                      const char *units, int32_t n, UConverterCallbackReason why,
                      UErrorCode *err)
{
    if (why == UCNV_UNASSIGNED || why == UCNV_ILLEGAL || why == UCNV_IRREGULAR) {
        static const UChar fffd = 0xFFFD;
        size_t *bad = (size_t *)(uintptr_t)ctx; /* was non-const when set */
        (*bad)++;
        *err = U_ZERO_ERROR;
        ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
        return;
    }
    (void)units, (void)n;
}

/* Decodes s[0..len) from 'charset' into UTF-16; NULL if ICU has no such
 * converter.  Caller frees the result with free(); *ulen gets its length. */
static UChar *to_utf16(const char *charset, const char *s, size_t len,
                       int32_t *ulen, size_t *bad)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &err);
    if (U_FAILURE(err))
        return NULL;
    ucnv_setToUCallBack(c, count_bad, bad, NULL, NULL, &err);
    int32_t cap = (int32_t)len + 16;
    UChar *u = sl_xmalloc((size_t)cap * sizeof *u);
    *ulen = ucnv_toUChars(c, u, cap, s, (int32_t)len, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) { /* rare: one byte, two UChars */
        cap = *ulen + 1;
        u = sl_xrealloc(u, (size_t)cap * sizeof *u);
        err = U_ZERO_ERROR;
        *bad = 0;
        ucnv_resetToUnicode(c);
        *ulen = ucnv_toUChars(c, u, cap, s, (int32_t)len, &err);
    }
    ucnv_close(c);
    if (U_FAILURE(err)) {
        free(u);
        return NULL;
    }
    return u;
}

/* Converts from 'charset' and appends to out; false if ICU cannot. */
static bool convert(const char *charset, const char *s, size_t len, sl_buf *out,
                    size_t *bad)
{
    int32_t ulen = 0;
    UChar *u = to_utf16(charset, s, len, &ulen, bad);
    if (!u)
        return false;
    size_t cap = (size_t)ulen * 3 + 1;
    char *tmp = sl_xmalloc(cap);
    int32_t n = 0, subs = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strToUTF8WithSub(tmp, (int32_t)cap, &n, u, ulen, 0xFFFD, &subs, &err);
    free(u);
    if (U_FAILURE(err)) {
        free(tmp);
        return false;
    }
    *bad += (size_t)subs + sl_utf8_clean(tmp, (size_t)n, out);
    free(tmp);
    return true;
}

/* ---- the decision ------------------------------------------------------- */

/* "UTF-16LE" or "UTF-16BE" if the first bytes have NULs in every other
 * position (ASCII markup in UTF-16, no mark), else NULL. */
static const char *utf16_without_mark(const char *s, size_t len)
{
    size_t n = len < 1024 ? len & ~(size_t)1 : 1024, even = 0, odd = 0;
    for (size_t i = 0; i < n; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (pairs < 8)
        return NULL;
    if (odd * 10 >= pairs * 4 && even * 20 < pairs)
        return "UTF-16LE";
    if (even * 10 >= pairs * 4 && odd * 20 < pairs)
        return "UTF-16BE";
    return NULL;
}

/* The charset of s[0..len) after any byte order mark, into name; *skip gets
 * the mark's length. */
static void choose_charset(const char *s, size_t len, char *name, size_t cap,
                           size_t *skip)
{
    const unsigned char *u = (const unsigned char *)s;
    *skip = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *skip = 3;
        strcpy(name, "UTF-8");
    } else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *skip = 2;
        strcpy(name, "UTF-16LE");
    } else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *skip = 2;
        strcpy(name, "UTF-16BE");
    } else if (utf16_without_mark(s, len)) {
        strcpy(name, utf16_without_mark(s, len));
    } else if (declared_charset(s, len, name, cap)) {
        /* a page cannot declare UTF-16 in ASCII bytes: the spec says UTF-8 */
        if (strncasecmp(name, "utf-16", 6) == 0)
            strcpy(name, "UTF-8");
        else if (!is_7bit_name(name) && sl_utf8_valid(s, len) && has_high_bytes(s, len))
            strcpy(name, "UTF-8");
    } else if (!has_high_bytes(s, len) || sl_utf8_valid(s, len) ||
               !detect_charset(s, len, name, cap)) {
        strcpy(name, "UTF-8");
    }
}

size_t sl_html_to_utf8(const char *data, size_t len, sl_buf *out)
{
    char name[64];
    size_t skip, bad = 0;
    choose_charset(data, len, name, sizeof name, &skip);
    data += skip;
    len -= skip;
    if (!is_utf8_name(name) && convert(name, data, len, out, &bad))
        return bad;
    bad = 0; /* ICU knows no such label: the web's usual default */
    if (!is_utf8_name(name) && convert("windows-1252", data, len, out, &bad))
        return bad;
    return sl_utf8_clean(data, len, out);
}
