/*
 * dictd.c -- FreeDict dictionaries in dictd format, read at build time.
 *
 * A dictionary is two files: NAME.index, one line per headword
 * ("headword<TAB>offset<TAB>length", offset and length in dictd's base64:
 * A-Z a-z 0-9 + /, most significant digit first), and NAME.dict.dz, the
 * entries' text, gzip-compressed with dictzip's random-access extension
 * (plain zlib reads it whole).  Several index lines can point at one entry;
 * entries are kept once.  "00database..." lines are the dictionary's own
 * description (its "Edition:" is kept for the licence notes).
 *
 * An entry, as FreeDict's TEI-to-dictd conversion writes it:
 *
 *     Waffenstillstand /ˈvafənʃtɪlʃtant/ <masc, n, sg>
 *      [pol.]  [mil.] armistice <n>, truce <n>
 *           "einen Waffenstillstand ausrufen"  - call a truce
 *      see: {Waffenruhe}
 *
 * or, with senses and (in the Wiktionary-derived dictionaries) a gloss
 * line after each sense's translations:
 *
 *     apprentice //əˈpɹɛntɪs// <n>
 *     1. oppipoika
 *     historical: one who is bound to serve a tradesperson ...
 *     2. harjoittelija, ammattioppilas
 *
 * The parser keeps the headword variants of the first line (pronunciations
 * /.../ and brackets removed, split at commas) and, per sense, the first
 * line of translations, split at ',' ';' and ". ", with every (...), [...],
 * <...> and {...} removed (grammar, domains, cross references).  It drops
 * examples (quoted or indented by three or more), "see:", "Synonym:",
 * "Note:" lines and glosses.  Good enough for a word-to-word lexicon: the
 * builder keeps only pieces that give one term on the source side.
 */
#include "dictd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ---- files ---------------------------------------------------------------- */

static int b64(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* Decodes a base64 number; false if it is not one or too large. */
static bool b64num(const char *s, size_t n, uint32_t *out)
{
    uint64_t v = 0;
    if (!n || n > 6)
        return false;
    for (size_t i = 0; i < n; i++) {
        int d = b64(s[i]);
        if (d < 0)
            return false;
        v = v * 64 + (uint64_t)d;
    }
    if (v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

static bool read_gz(const char *path, sl_buf *out)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return false;
    char chunk[1 << 16];
    int n;
    while ((n = gzread(f, chunk, sizeof chunk)) > 0)
        sl_buf_put(out, chunk, (size_t)n);
    bool ok = n == 0;
    gzclose(f);
    return ok;
}

static int by_off(const void *a, const void *b)
{
    const struct dictd_entry *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Finds "Edition: X" in the entry at e. */
static void edition(dictd *d, struct dictd_entry e)
{
    const char *s = d->text + e.off, *end = s + e.len, *p = s;
    while (p + 8 <= end && memcmp(p, "Edition:", 8))
        p++;
    if (p + 8 > end)
        return;
    p += 8;
    while (p < end && *p == ' ')
        p++;
    size_t n = 0;
    while (p + n < end && p[n] != '\n' && n + 1 < sizeof d->edition)
        n++;
    memcpy(d->edition, p, n);
    d->edition[n] = '\0';
}

/* One index line: adds its entry (or notes the database info). */
static bool index_line(dictd *d, const char *l, size_t n, size_t *cap)
{
    const char *t1 = memchr(l, '\t', n);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(l + n - t1 - 1)) : NULL;
    struct dictd_entry e;
    if (!t2 || !b64num(t1 + 1, (size_t)(t2 - t1 - 1), &e.off) ||
        !b64num(t2 + 1, (size_t)(l + n - t2 - 1), &e.len) ||
        (uint64_t)e.off + e.len > d->len)
        return false;
    if (!strncmp(l, "00database", 10) || !strncmp(l, "00-database", 11)) {
        if (!strncmp(l, "00databaseinfo", 14))
            edition(d, e);
        return true;
    }
    sl_grow((void **)&d->e, cap, d->n + 1, sizeof *d->e);
    d->e[d->n++] = e;
    return true;
}

bool dictd_open(dictd *d, const char *base, char *err, size_t errlen)
{
    *d = (dictd){0};
    char path[4096];
    sl_buf text = {0}, idx = {0};
    snprintf(path, sizeof path, "%s.dict.dz", base);
    if (!read_gz(path, &text)) {
        snprintf(path, sizeof path, "%s.dict", base);
        sl_buf_clear(&text);
        if (!read_gz(path, &text)) {
            snprintf(err, errlen, "%s.dict.dz: cannot read", base);
            sl_buf_free(&text);
            return false;
        }
    }
    d->len = text.len;
    d->text = sl_buf_take(&text);
    snprintf(path, sizeof path, "%s.index", base);
    if (!read_gz(path, &idx)) { /* zlib reads plain files too */
        snprintf(err, errlen, "%s: cannot read", path);
        dictd_free(d);
        return false;
    }
    size_t cap = 0, line = 1;
    for (size_t i = 0; i < idx.len; line++) {
        const char *nl = memchr(idx.s + i, '\n', idx.len - i);
        size_t n = nl ? (size_t)(nl - idx.s) - i : idx.len - i;
        if (n && !index_line(d, idx.s + i, n, &cap)) {
            snprintf(err, errlen, "%s:%zu: not an index line", path, line);
            sl_buf_free(&idx);
            dictd_free(d);
            return false;
        }
        i += n + 1;
    }
    sl_buf_free(&idx);
    qsort(d->e, d->n, sizeof *d->e, by_off);
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++)
        if (!k || d->e[i].off != d->e[k - 1].off)
            d->e[k++] = d->e[i];
    d->n = k;
    return true;
}

void dictd_free(dictd *d)
{
    free(d->text);
    free(d->e);
    *d = (dictd){0};
}

/* ---- entries -------------------------------------------------------------- */

/* Removes every bracketed group ((), [], <>, {}; nested) from s. */
static void strip_brackets(char *s)
{
    char *o = s;
    int depth = 0;
    for (; *s; s++) {
        if (strchr("([<{", *s))
            depth++;
        else if (strchr(")]>}", *s))
            depth -= depth > 0;
        else if (!depth)
            *o++ = *s;
    }
    *o = '\0';
}

/* Removes every /pronunciation/ (or //pronunciation//) from s. */
static void strip_slashes(char *s)
{
    char *o = s;
    while (*s) {
        if (*s != '/') {
            *o++ = *s++;
            continue;
        }
        size_t k = strspn(s, "/"), m = 0;
        s += k;
        while (*s && (m = strspn(s, "/")) < k)
            s += m ? m : 1;
        s += m;
    }
    *o = '\0';
}

/* Adds s[0..n), spaces collapsed and trimmed, as a piece (if not empty). */
static void push(dictd_parsed *p, const char *s, size_t n, int sense)
{
    size_t at = p->mem.len;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            space = p->mem.len > at;
            continue;
        }
        if (space)
            sl_buf_putc(&p->mem, ' ');
        space = false;
        sl_buf_putc(&p->mem, c);
    }
    if (p->mem.len == at)
        return;
    sl_buf_putc(&p->mem, '\0');
    sl_grow((void **)&p->p, &p->cap, p->n + 1, sizeof *p->p);
    p->p[p->n++] = (struct dictd_piece){at, sense};
}

/* Splits s at commas (and, for translations, at ';' and ". "). */
static void split(dictd_parsed *p, const char *s, int sense)
{
    size_t a = 0, i = 0;
    for (; s[i]; i++) {
        bool cut = s[i] == ',' ||
                   (sense && (s[i] == ';' || (s[i] == '.' && s[i + 1] == ' ')));
        if (cut) {
            push(p, s + a, i - a, sense);
            a = i + 1;
        }
    }
    push(p, s + a, i - a, sense);
}

static bool starts(const char *s, const char *w) { return !strncmp(s, w, strlen(w)); }

/* Lines that are never translations. */
static bool skip_line(const char *r, size_t indent)
{
    return indent >= 3 || *r == '"' || starts(r, "see:") ||
           starts(r, "Synonym") || starts(r, "Antonym") || starts(r, "Note") ||
           starts(r, "Usage") || starts(r, "- ");
}

/* Skips a sense marker ("2. ", "II. ") at *r; true if there was one. */
static bool sense_mark(char **r)
{
    char *s = *r;
    size_t n = strspn(s, "0123456789");
    if (!n)
        n = strspn(s, "IVX");
    if (!n || s[n] != '.' || (s[n + 1] != ' ' && s[n + 1] != '\0'))
        return false;
    s += n + 1;
    while (*s == ' ')
        s++;
    *r = s;
    return true;
}

void dictd_parse(const char *e, size_t len, dictd_parsed *p)
{
    sl_buf_clear(&p->mem);
    p->n = 0;
    char *line = NULL;
    size_t cap = 0;
    int sense = 0;
    bool have = false, first = true;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(e + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - e) - i : len - i;
        sl_grow((void **)&line, &cap, n + 1, 1);
        memcpy(line, e + i, n);
        line[n] = '\0';
        i += n + 1;
        if (first) { /* the headword line */
            first = false;
            strip_slashes(line);
            strip_brackets(line);
            split(p, line, 0);
            continue;
        }
        size_t indent = strspn(line, " \t");
        char *r = line + indent;
        if (!*r || skip_line(r, indent))
            continue;
        strip_brackets(r);
        r += strspn(r, " \t");
        bool marked = false;
        while (sense_mark(&r))
            marked = true;
        if (marked) {
            sense++;
            have = false;
        } else if (have) {
            continue; /* a gloss after the translations */
        }
        if (!*r)
            continue;
        if (!sense)
            sense = 1;
        split(p, r, sense);
        have = true;
    }
    free(line);
}

void dictd_parsed_free(dictd_parsed *p)
{
    sl_buf_free(&p->mem);
    free(p->p);
    *p = (dictd_parsed){0};
}
