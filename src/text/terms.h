/*
 * terms.h -- the term layer: what the similarity, dedup, event and story
 * stages count.  Text becomes tokens, tokens become terms, and a term of
 * another language can be looked up in a cross-lingual lexicon that gives
 * English terms.
 *
 *     sl_terms *t = sl_engine_terms(e);            // owned by the engine
 *     sl_termv v = {0};
 *     sl_terms_text(t, "de", text, len, &v);        // tokenize + term
 *     const sl_lexicon *lx = sl_engine_lexicon(e); // NULL: no table
 *     for (size_t i = 0; i < v.n; i++) {
 *         sl_translation tr[4];
 *         size_t k = lx ? sl_lexicon_find(lx, v.v[i].hash, tr, 4) : 0;
 *         ... v.v[i].hash, or tr[0..k).hash with tr[j].weight ...
 *     }
 *     sl_termv_free(&v);
 *
 * The term normal form, one for every stage:
 *
 *     term(lang, token) = casefold (NFKC_Casefold)
 *                         -> no term if a stop word of the language
 *                         -> stem with the language's Snowball stemmer
 *                         -> strip accents (sl_norm_key)
 *                         -> "xx:" + stem for a language-specific term
 *
 * A term is bytes plus hash = XXH3_64bits(bytes).  Terms of a language are
 * prefixed with their term space ("fr:grev"), so French "pain" and English
 * "pain" do not meet unless the lexicon translates one into the other;
 * English terms and numbers carry no prefix ("ceasefir", "2500") and are
 * the same in every language.  'neutral' is the hash without the prefix,
 * for names, which are spelt alike across Latin-script languages
 * ("de:erdogan" and "erdogan" share it).
 *
 * Files: langs.c (the languages), tokenize.c, stopwords.c (+ data/stopwords),
 * stem.c, terms.c (the normal form and its cache), lexicon.c (the embedded
 * table made by tools/lexicon_build.c from FreeDict).  Nothing here is
 * thread-safe; each context belongs to one engine.  Tests: tests/text/
 * (test_tokenize.c, test_stopwords.c, test_stem.c, test_lexicon.c);
 * speed: bench/terms_speed.c.
 */
#ifndef SL_TERMS_H
#define SL_TERMS_H

#include "../core/core.h"

/* ---- languages (src/text/langs.c) ---------------------------------------- */

/* What the term layer knows of a language.  Static data. */
typedef struct {
    char code[4];        /* ISO 639-1 (or 639-3) code: "de", "nb", "und" */
    char space[4];       /* term space, the prefix: "de"; "no" for nb/nn/no;
                            "hbs" for hr/bs/sr; "" (neutral) for en and und */
    const char *stemmer; /* Snowball algorithm ("german") or NULL */
    char decimal;        /* decimal mark in numbers: '.' or ',' */
    bool space_groups;   /* "2 500" is two thousand five hundred */
    uint8_t id;          /* index in the table, < SL_LANG_MAX */
} sl_lang;

enum { SL_LANG_MAX = 128 };

/* The language for an ISO code ("de", "DE", "pt-BR" -> "pt").  Unknown or
 * NULL codes give the "und" entry (neutral, no stemmer, no stop words).
 * Never NULL; static, valid for the program's life. */
const sl_lang *sl_lang_get(const char *code);

/* The i-th language of the table (i < sl_lang_count()), for listings. */
size_t sl_lang_count(void);
const sl_lang *sl_lang_at(size_t i);

/* ---- tokens (src/text/tokenize.c) ------------------------------------------ */

typedef enum {
    SL_TOK_WORD = 0, /* letters (and digits after them: "G20") */
    SL_TOK_NUMBER,   /* digits, with grouping and decimal marks */
    SL_TOK_BIGRAM    /* two characters of a Chinese, Japanese, Thai, Lao,
                        Khmer or Myanmar run (one for a run of one) */
} sl_tok_kind;

enum {
    SL_TOKF_UPPER = 1,   /* starts with an upper-case letter */
    SL_TOKF_SENT = 2,    /* first token of a sentence (or of a line) */
    SL_TOKF_ACRONYM = 4, /* all capitals ("US", "U.S.", "NATO") among words
                            that are not: never a stop word */
    SL_TOKF_JOIN = 8     /* holds apostrophes, dots or quotes that the term
                            drops ("Qur'an" -> "quran", "U.S." -> "us") */
};

/* A token is a slice of the text: s[off .. off + len). */
typedef struct {
    uint32_t off, len;
    uint16_t dec;   /* numbers: 1 + offset of the decimal mark, 0 if none */
    uint8_t kind;   /* sl_tok_kind */
    uint8_t flags;  /* SL_TOKF_* */
} sl_token;

/* A reusable token array; zero-initialise, free with sl_tokens_free(). */
typedef struct {
    sl_token *v;
    size_t n, cap;
} sl_tokens;

/* Replaces out's tokens with those of s[0..len) (UTF-8; invalid bytes are
 * separators).  'lang' decides number marks (2.500 is 2500 in German, 2.5 in
 * English) and Turkish apostrophes.  Text beyond 4 GB is ignored. */
void sl_tokenize(const sl_lang *lang, const char *s, size_t len,
                 sl_tokens *out);
void sl_tokens_free(sl_tokens *t);

/* ---- stop words (src/text/stopwords.c) ------------------------------------- */

/* The embedded stop list of a language (data/stopwords/<code>.txt: one word
 * a line, '#' comments), or NULL if it has none.  Static bytes, *len set. */
const char *sl_stoplist_text(const sl_lang *lang, size_t *len);

/* A set of 64-bit hashes (of folded stop words).  Zero-initialise; free
 * with sl_stopset_free(). */
typedef struct {
    uint64_t *slot; /* 0 = empty */
    size_t mask, n;
    bool built;
} sl_stopset;

void sl_stopset_add(sl_stopset *s, const char *w, size_t len);
bool sl_stopset_has(const sl_stopset *s, const char *w, size_t len);
void sl_stopset_free(sl_stopset *s);

/* ---- stemming (src/text/stem.c) -------------------------------------------- */

typedef struct sl_stem sl_stem;

/* Caller frees with sl_stem_free().  Stemmers are opened on first use. */
sl_stem *sl_stem_new(void);
void sl_stem_free(sl_stem *st);

/* The stem of w[0..len) (case-folded UTF-8) with the language's stemmer, or
 * NULL if the language has none (the word is then its own stem).  Borrowed,
 * valid until the next sl_stem_word() call for the same language; *out_len
 * set. */
const char *sl_stem_word(sl_stem *st, const sl_lang *lang, const char *w,
                         size_t len, size_t *out_len);

/* ---- terms (src/text/terms.c) ---------------------------------------------- */

typedef struct sl_terms sl_terms;

typedef struct {
    const char *s;    /* the term, NUL-terminated; borrowed (see below) */
    uint32_t len;     /* bytes of s */
    uint32_t pos;     /* index of its token in the text (stop words count) */
    uint32_t off, tlen; /* the token's place in the text */
    uint64_t hash;    /* XXH3_64bits(s, len) */
    uint64_t neutral; /* XXH3_64bits of s without its "xx:" prefix */
    uint8_t kind;     /* sl_tok_kind of the token */
    uint8_t flags;    /* SL_TOKF_* of the token */
} sl_term;

/* A reusable term array; zero-initialise, free with sl_termv_free(). */
typedef struct {
    sl_term *v;
    size_t n, cap;
} sl_termv;

void sl_termv_free(sl_termv *v);

/* Words longer than this (bytes) give no term: URLs, base64, noise. */
#define SL_TERM_MAX_INPUT 128

/* Caller frees with sl_terms_free().  Engine code uses sl_engine_terms(). */
sl_terms *sl_terms_new(void);
void sl_terms_free(sl_terms *t);

/* The terms of s[0..len) in language 'lang' (an ISO code; see
 * sl_lang_get()), stop words left out, in text order, into *out (replacing
 * what it held).  Returns out->n.  Term bytes are borrowed from t, valid
 * until the next call on t. */
size_t sl_terms_text(sl_terms *t, const char *lang, const char *s, size_t len,
                     sl_termv *out);

/* The term of one token of 'text' (made by sl_tokenize with the same
 * language).  Returns false, *out untouched, for a stop word or a token that
 * gives none.  out->s is borrowed from t, valid until the next call on t. */
bool sl_term_token(sl_terms *t, const sl_lang *lang, const char *text,
                   const sl_token *tok, sl_term *out);

/* The term of a single word ("Waffenstillstand"): the first term its
 * tokens give.  Same contract as sl_term_token(). */
bool sl_term_word(sl_terms *t, const char *lang, const char *w, size_t len,
                  sl_term *out);

/* True if 'folded' (a case-folded word, as the first step of term() makes
 * it) is a stop word of the language.  Borrows nothing. */
bool sl_is_stop(sl_terms *t, const char *lang, const char *folded, size_t len);

/* NFKC_Casefold of s[0..len), appended to out (the first step of term()). */
void sl_terms_fold(sl_terms *t, const char *s, size_t len, sl_buf *out);

/* The hash every term carries. */
uint64_t sl_term_hash(const char *s, size_t len);

/* Drops the per-context cache of word -> term.  The cache also drops
 * itself, at the start of a call, once it holds ~260k distinct words (its
 * table is then 16 MB). */
void sl_terms_reset(sl_terms *t);

/* ---- the cross-lingual lexicon (src/text/lexicon.c) ------------------------- */

typedef struct sl_lexicon sl_lexicon;

/* One English translation of a term: borrowed from the table, valid as long
 * as the sl_lexicon (the embedded table's strings live for the program). */
typedef struct {
    const char *s;  /* English term as term("en", ...) makes it, NUL-ended */
    uint32_t len;
    uint64_t hash;  /* sl_term_hash(s, len) */
    float weight;   /* in (0, 1]; a term's weights add up to about 1 */
} sl_translation;

/* Most translations a term has in the table. */
enum { SL_LEXICON_K = 8 };

/* Checks and opens a table image (the format is in lexicon.c).  'data' is
 * borrowed and must outlive the lexicon.  With 'checksum' the whole image
 * is hashed too.  Returns NULL with the reason in err (always
 * NUL-terminated) if the image is not a valid table; never reads outside
 * data[0..len).  Caller frees with sl_lexicon_free(). */
sl_lexicon *sl_lexicon_load(const void *data, size_t len, bool checksum,
                            char *err, size_t errlen);

/* The table embedded in the binary at build time (build/lexicon/
 * lexicon.bin), checked with its checksum.  NULL with err set if it is
 * broken.  Caller frees with sl_lexicon_free(); engine code uses
 * sl_engine_lexicon(). */
sl_lexicon *sl_lexicon_embedded(char *err, size_t errlen);
void sl_lexicon_free(sl_lexicon *x);

/* Up to k English translations of the term with this hash (sl_term.hash),
 * best first, into out[0..k).  Returns how many (0: not in the table). */
size_t sl_lexicon_find(const sl_lexicon *x, uint64_t term_hash,
                       sl_translation *out, size_t k);

/* The same for (language, term bytes); the bytes may carry the "xx:"
 * prefix (as sl_term.s does) or not. */
size_t sl_lexicon_lookup(const sl_lexicon *x, const char *lang,
                         const char *term, size_t len, sl_translation *out,
                         size_t k);

/* Figures: entries in all, entries of a term space ("de", "no", "hbs"),
 * the image size in bytes, and the dictionaries it was made from (one line
 * each: name, version, direction, entries; borrowed like the strings). */
size_t sl_lexicon_entries(const sl_lexicon *x);
size_t sl_lexicon_entries_of(const sl_lexicon *x, const char *space);
size_t sl_lexicon_bytes(const sl_lexicon *x);
const char *sl_lexicon_sources(const sl_lexicon *x);

/* ---- the engine's contexts (src/core/engine.c) ---------------------------- */

/* The engine's term context, made on first use.  Borrowed, valid until
 * sl_engine_free(). */
sl_terms *sl_engine_terms(sl_engine *e);

/* The embedded lexicon, opened and checked on first use.  Borrowed, valid
 * until sl_engine_free(); NULL (reason in sl_engine_error()) if broken. */
const sl_lexicon *sl_engine_lexicon(sl_engine *e);

#endif /* SL_TERMS_H */
