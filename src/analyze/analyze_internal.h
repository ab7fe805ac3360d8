/*
 * analyze_internal.h -- what the files of the analyze stage share and no
 * other stage needs: the languages the word tables know, the folded form of
 * a word used for every table look-up, the tokenizer with its sentence
 * breaks, the date word lexicon and the name word lists.
 *
 * Later stages include analyze.h only.  Tests: tests/analyze/.
 */
#ifndef SL_ANALYZE_INTERNAL_H
#define SL_ANALYZE_INTERNAL_H

#include "analyze.h"

/* ---- languages (src/analyze/langs.c) -----------------------------------
 * Word tables tag each entry with the languages it belongs to, as a bit set
 * (one bit per language below).  An article whose language is not among them
 * (or "und") uses SL_LANG_ANY, i.e. every table. */

enum {
    SL_L_EN, SL_L_DE, SL_L_FR, SL_L_ES, SL_L_IT, SL_L_PT, SL_L_NL, SL_L_RU,
    SL_L_UK, SL_L_TR, SL_L_AR, SL_L_PL, SL_L_EL, SL_L_RO, SL_L_DA, SL_L_NO,
    SL_L_SV, SL_L_ID, SL_L_TL, SL_L_HI, SL_L_ZH, SL_L_JA, SL_L_CA, SL_L_COUNT
};
#define SL_LANG(l) (1u << (l))
#define SL_LANG_ANY ((1u << SL_L_COUNT) - 1u)

/* The bit of an ISO 639-1 code ("en" -> SL_LANG(SL_L_EN)); SL_LANG_ANY for
 * one no table knows. */
uint32_t sl_an_lang(const char *iso);

/* ---- folding (src/analyze/fold.c) --------------------------------------- */

/* The look-up form of a word: lower case (Unicode simple case folding, and
 * Turkish dotless i as i), accents and other combining marks removed,
 * Arabic letter variants unified (hamza forms of alef, alef maqsura, ta
 * marbuta, tatweel, Persian yeh and kaf), curly apostrophes as "'".  Writes
 * at most 'cap' - 1 bytes and a NUL to 'out'; returns the length, or 0 when
 * the form does not fit (no table word is that long). */
size_t sl_an_fold(const char *s, size_t n, char *out, size_t cap);

/* A 64-bit hash of s[0..n) (FNV-1a), for the tables of folded words. */
uint64_t sl_an_hash(const char *s, size_t n);

/* Room for a folded word in every table look-up. */
#define SL_AN_WORD_MAX 64

/* ---- tokens and sentences (src/analyze/tokens.c) ------------------------ */

enum { SL_TK_WORD, SL_TK_NUM, SL_TK_PUNCT };
enum { SL_SC_CASED, SL_SC_UNCASED, SL_SC_HAN };

enum {
    SL_TF_SPACE = 1 << 0,   /* white space (or the start of text) before it */
    SL_TF_NL = 1 << 1,      /* a line break before it */
    SL_TF_START = 1 << 2,   /* first word or number of its sentence */
    SL_TF_UPPER = 1 << 3,   /* WORD: first letter upper or title case */
    SL_TF_LOWER = 1 << 4,   /* WORD: first letter lower case */
    SL_TF_ALLCAPS = 1 << 5, /* WORD: two or more letters, none lower case */
    SL_TF_HYPHEN = 1 << 6,  /* WORD: has an inner hyphen ("segunda-feira") */
    SL_TF_LINK = 1 << 7,    /* part of a link, handle or hashtag: "pic.twitter.com/x1y",
                               "@AFP", "#BREAKING" */
};

typedef struct {
    uint32_t off, len; /* bytes in the text */
    uint32_t sent;     /* index of its sentence */
    int32_t value;     /* NUM: its value (saturates at 999999999); PUNCT: the code point */
    uint8_t kind;      /* SL_TK_* */
    uint8_t script;    /* WORD: SL_SC_* */
    uint8_t ndig;      /* NUM: number of digits (at most 255) */
    uint8_t apos;      /* WORD: 1 + byte offset of the first inner apostrophe, 0 if none */
    uint16_t flags;    /* SL_TF_* */
    uint8_t nfold;     /* WORD: length of its sl_an_fold() (0 if it does not fit
                          SL_AN_WORD_MAX, or the word is 128 bytes or more) */
    uint32_t fold;     /* WORD: where that fold starts in the text's 'folds' */
    uint64_t fhash;    /* WORD: sl_an_hash() of that fold */
} sl_tok;

typedef struct {
    uint32_t start, end; /* bytes: first token .. end of its last token */
    uint32_t first_tok;  /* index of its first token */
} sl_span;

/* The tokens and sentences of one piece of text.  Buffers are reused from
 * one sl_an_tokenize() to the next; free them with sl_an_text_free(). */
typedef struct {
    const char *s; /* borrowed: the text last tokenized */
    size_t n;
    sl_tok *tok;
    size_t ntok, ctok;
    sl_span *sent;
    size_t nsent, csent;
    char *folds;   /* the folds of the words, each NUL-terminated */
    size_t nfolds, cfolds;
} sl_an_text;

/* Tells whether the word after "NUMBER." keeps the sentence going (true for
 * a month name: "am 12. Januar").  May be NULL. */
typedef bool (*sl_an_keeps_sentence)(const void *ctx, const char *w, size_t n);

/* Splits s[0..n) (valid UTF-8) into words, numbers and punctuation, and
 * marks sentence breaks ('.', '!', '?', their CJK and Arabic forms, and
 * line breaks; not after initials, common abbreviations, inside numbers or
 * before a lower-case word).  's' is borrowed and must outlive the tokens. */
void sl_an_tokenize(sl_an_text *t, const char *s, size_t n,
                    sl_an_keeps_sentence keep, const void *ctx);
void sl_an_text_free(sl_an_text *t);

/* Splits the tokens of t (tokenized before) into sentences again, as
 * sl_an_tokenize() with 'keep' would have: the same text read by another
 * analyzer, without tokenizing it twice. */
void sl_an_sentences(sl_an_text *t, sl_an_keeps_sentence keep, const void *ctx);

/* The fold of word token k of t (sl_an_fold() of the whole word into
 * SL_AN_WORD_MAX bytes), NUL-terminated, k->nfold bytes; "" when it has
 * none.  Borrowed, valid until t is tokenized again or freed. */
static inline const char *sl_tok_fold(const sl_an_text *t, const sl_tok *k)
{
    return k->nfold ? t->folds + k->fold : "";
}

/* The pieces of one article (its title if it has one, then each
 * paragraph), each tokenized once for both analyzers.  Buffers are reused
 * from article to article; zero-initialise, free with sl_an_doc_free(). */
struct sl_name_text;
typedef struct {
    sl_an_text *text;          /* per piece */
    struct sl_name_text *memo; /* per piece, for name_find.c */
    size_t n, cap;
} sl_an_doc;

/* Tokenizes every piece of a (borrowed: a must outlive the doc's use)
 * with sentences split as 'keep' says. */
void sl_an_doc_tokenize(sl_an_doc *d, const sl_article *a, sl_an_keeps_sentence keep,
                        const void *ctx);
void sl_an_doc_free(sl_an_doc *d);

/* True if token i is a PUNCT token with code point cp. */
static inline bool sl_tok_is(const sl_an_text *t, size_t i, int32_t cp)
{
    return i < t->ntok && t->tok[i].kind == SL_TK_PUNCT && t->tok[i].value == cp;
}

/* True if token i is glued to the token before it (no space between). */
static inline bool sl_tok_glued(const sl_an_text *t, size_t i)
{
    return i < t->ntok && !(t->tok[i].flags & SL_TF_SPACE);
}

/* The pieces of the article sl_dates_extract() read last, tokenized, with
 * the dates' sentences.  Borrowed from d, valid until its next use. */
sl_an_doc *sl_dates_doc(sl_dates *d);

/* sl_entities_extract(n, a) on the tokens of sl_dates_extract(d, a), which
 * must be the last article d read (sl_analyze_article() does both). */
void sl_entities_after_dates(sl_dates *d, sl_norm *n, sl_article *a);

/* ---- the date lexicon (src/analyze/date_words.c) ------------------------ */

/* What a word can say about a date.  One word may have several senses
 * ("mai": a month in four languages; "in": a year and a month preposition). */
enum {
    DW_MONTH,      /* v1 = 1..12 */
    DW_MONTH2,     /* first word of a two-word month (Arabic "kanun"): v1 with
                      "al-awwal", v2 with "al-thani" */
    DW_MONTH2_TAIL,/* v1 = 1 for "al-awwal", 2 for "al-thani" */
    DW_WEEKDAY,    /* v1 = 0 (Monday) .. 6 (Sunday) */
    DW_RELDAY,     /* v1 = days from the article date: yesterday -1 */
    DW_RELUNIT,    /* one word for unit and direction: v1 = unit, v2 = direction */
    DW_UNIT,       /* v1 = SL_UNIT_* */
    DW_MOD,        /* last / next / this: v1 = -1, +1, 0 */
    DW_DAYPART,    /* night, morning ("last night", "this morning") */
    DW_PREP_DAY,   /* "on", "am", "в" before a weekday; Turkish "günü" after */
    DW_PREP_MONTH, /* "in", "im", "en" before a month without a day */
    DW_PREP_YEAR,  /* "in", "im Jahr", "en" before a bare year */
    DW_YEAR_AFTER, /* "году", "yılında", "г" after a year */
    DW_CONNECT,    /* "de", "del", "of" between the parts of a date */
    DW_ORD,        /* "st", "th", "er", "º" glued to a day number */
    DW_FUTURE,     /* "will", "wird", "va": the sentence speaks of the future */
    DW_MARK_Y,     /* CJK 年 */
    DW_MARK_M,     /* CJK 月 */
    DW_MARK_D,     /* CJK 日 号 */
    DW_KIND_COUNT
};

enum { SL_UNIT_WEEK = 1, SL_UNIT_MONTH, SL_UNIT_YEAR };

enum {
    DWF_CAP = 1 << 0,    /* only when capitalised (English months, Greek weekdays) */
    DWF_NOCAP = 1 << 1,  /* not when capitalised inside a sentence ("Domingo") */
    DWF_WEAK = 1 << 2,   /* weekday only next to a day preposition or modifier */
    DWF_ABBR = 1 << 3,   /* abbreviation: a '.' may follow */
    DWF_BEFORE = 1 << 4, /* modifier or preposition stands before its word */
    DWF_AFTER = 1 << 5,  /* ... after it */
};

typedef struct {
    uint8_t kind;  /* DW_* */
    int8_t v1, v2;
    uint8_t flags; /* DWF_* */
    uint32_t langs;
    int32_t next;  /* next sense of the same word, or -1 */
} sl_dsense;

typedef struct sl_dlex sl_dlex;

/* Builds the lexicon from the tables in date_words.c.  Caller frees with
 * sl_dlex_free(). */
sl_dlex *sl_dlex_new(void);
void sl_dlex_free(sl_dlex *x);

/* The first sense of the folded word w[0..n), or -1. */
int32_t sl_dlex_find(const sl_dlex *x, const char *w, size_t n);

/* Sense i.  Borrowed, valid until sl_dlex_free(). */
const sl_dsense *sl_dlex_sense(const sl_dlex *x, int32_t i);

/* The first sense of kind 'kind' in the chain from 'first' that belongs to a
 * language in 'langs' (absolute kinds -- months, CJK marks, ordinals -- match
 * every language) and suits a word written with the SL_TF_* flags 'tf'
 * (DWF_CAP needs SL_TF_UPPER; DWF_NOCAP refuses it unless SL_TF_START);
 * NULL if none.  SL_DLEX_ANYCASE as 'tf' skips the case checks. */
const sl_dsense *sl_dlex_has(const sl_dlex *x, int32_t first, int kind,
                             uint32_t langs, unsigned tf);
#define SL_DLEX_ANYCASE (SL_TF_UPPER | SL_TF_START)

/* How a token was found (sl_dlex_token()). */
enum {
    DWT_WHOLE,     /* the whole word */
    DWT_HEAD,      /* the part before an apostrophe: "Şubat'ta", "Monday's" */
    DWT_TAIL,      /* the part after an elision: "l'an" */
    DWT_COMPOUND,  /* a weekday with a time of day: "Sonntagnacht", "zondagavond" */
    DWT_PREFIXED,  /* a month after "mid-", "mi-", "Anfang-": "mid-June" */
};

/* The first sense of word token t of s: the whole word, else its
 * part before an apostrophe or after an elision, a German or Dutch weekday
 * compound, or a month after a prefix like "mid-".  Stores how in *how.
 * Returns -1 if none. */
int32_t sl_dlex_token(const sl_dlex *x, const sl_an_text *s, const sl_tok *t,
                      uint8_t *how);

/* True if the folded word looks like a future verb form in a language of
 * 'langs' (French "recevra", Spanish "será", Turkish "görüşecek"). */
bool sl_dlex_future_form(const char *w, size_t n, uint32_t langs);

/* ---- date patterns (src/analyze/date_scan.c) ---------------------------- */

/* What the scanner needs to know about one tokenized piece of text. */
typedef struct {
    const sl_dlex *lex;
    const sl_an_text *t;
    const int32_t *sense; /* per token: its first sense, or -1 */
    const uint8_t *how;   /* per token: how it was found (DWT_*) */
    uint32_t langs;       /* the article's language bits */
} sl_dscan;

/* A date expression found in the text, not yet resolved. */
enum {
    DC_ABS,          /* y, m, d up to 'prec': "12 January 2020", "June 2020", "in 2019" */
    DC_NOYEAR,       /* m, d: "January 12", "le 12 janvier" */
    DC_MONTH_NOYEAR, /* m: "in June", "mid-June" */
    DC_NUMERIC,      /* "03/04/2020": y, with d/m the day-first reading and
                        alt_d/alt_m the month-first one (0 where impossible) */
    DC_WEEKDAY,      /* v = weekday, dir */
    DC_WEEKDAY_DOM,  /* v = weekday, d = day of month: "quarta-feira (23)" */
    DC_RELDAY,       /* v = days from the article date */
    DC_UNIT,         /* v = SL_UNIT_*, dir: "last week", "el año pasado" */
};
#define DC_NODIR 9   /* dir of a weekday without "last"/"next"/"this" */

typedef struct {
    int kind;
    size_t first, last; /* tokens [first, last) */
    int y, m, d;
    sl_date_precision prec;
    int v, dir;
    int alt_m, alt_d;
    int order; /* +1 the text writes day first, -1 month first, 0 unknown */
} sl_dcand;

/* Tries every date pattern that starts at token i.  Returns the number of
 * tokens the expression takes (0 if none starts there) and fills *c. */
size_t sl_an_date_match(const sl_dscan *sc, size_t i, sl_dcand *c);

/* True if the word w[0..n) (as written) is a month name in any language. */
bool sl_dlex_is_month(const sl_dlex *x, const char *w, size_t n);

/* ---- relative dates (src/analyze/date_resolve.c) ------------------------ */

/* Day numbers (days since 1970-01-01) of the first and last day a mention
 * covers, and the calendar form of it. */
long sl_an_day(sl_date d);          /* the first day of d (d has a year) */
sl_date sl_an_date_of(long day);    /* day precision */
int sl_an_weekday(long day);        /* 0 = Monday .. 6 = Sunday */

/* The weekday 'wd' nearest to 'ref' in the given direction: dir < 0 the
 * most recent on or before ref, dir > 0 the next after it, dir == 0 the one
 * in ref's week (Monday to Sunday). */
long sl_an_weekday_near(long ref, int wd, int dir);

/* The year that puts month m (and day d, 0 if none) nearest to 'ref'. */
int sl_an_nearest_year(long ref, int m, int d);

/* ---- name words (src/analyze/name_words.c) ------------------------------ */

enum {
    NW_STOP = 1 << 0,    /* a common word, never a name alone ("The", "Однако") */
    NW_TITLE = 1 << 1,   /* a title before a name ("President", "Bakan") */
    NW_PARTICLE = 1 << 2,/* lower-case word inside a name ("de", "van", "of") */
    NW_OF_HEAD = 1 << 3, /* a head that takes "of" ("Port" of Antwerp) */
    NW_DET = 1 << 4,     /* German determiner or number word before a noun */
    NW_ARTICLED = 1 << 5,/* German name that takes an article ("Türkei") */
    NW_AR_TITLE = 1 << 6,/* Arabic title or place word before a name */
    NW_AR_FUNC = 1 << 7, /* Arabic function word or verb: never in a name */
    NW_CAPS_WORD = 1 << 8,/* written in capitals, yet no acronym ("BREAKING", "TV") */
    NW_DATEWORD = 1 << 9, /* a weekday or month: in a name ("Jan Peeters"), never alone */
};

/* The NW_* flags of the folded word w[0..n) for languages 'langs' (0 if the
 * word is in no list). */
unsigned sl_nw_flags(const char *w, size_t n, uint32_t langs);

/* For tests: true if the lists are sorted and each entry is its own fold. */
bool sl_nw_check(void);

/* ---- finding names (src/analyze/name_find.c) ---------------------------- */

/* A set of 64-bit hashes of folded words. */
typedef struct {
    uint64_t *h;
    size_t cap, n;
} sl_hset;

void sl_hset_add(sl_hset *s, uint64_t h);
bool sl_hset_has(const sl_hset *s, uint64_t h);
void sl_hset_free(sl_hset *s);

/* What the whole article says about its capitalised words. */
typedef struct {
    uint32_t langs;  /* the article's language bits */
    bool german;     /* nouns are capitalised: look for determiners */
    bool strict;     /* no articles (Russian, Turkish ...): a capitalised
                        sentence opener is a name only if seen inside one */
    sl_hset lower;   /* words written in lower case somewhere */
    sl_hset capmid;  /* words capitalised inside a sentence somewhere */
    sl_hset nounlike;/* German words after a determiner, number or adjective */
} sl_name_evidence;

/* One word of a name: the bytes that belong to it ("Turkey" of "Turkey's",
 * "Anvers" of "d'Anvers", "Luna-25"). */
typedef struct {
    uint32_t off, len;
} sl_nword;

/* Receives one name found in the text, as its words (borrowed for the
 * call). */
typedef void (*sl_name_emit)(void *ctx, const char *s, const sl_nword *w, size_t n,
                             sl_entity_kind kind);

/* One tokenized piece with a memo of what name_find.c works out about its
 * words (their name part, fold and list flags), so that the three passes
 * over it compute each word's facts once.  Zero-initialise; point it at a
 * text with sl_name_text_set() (which forgets what was known) after every
 * sl_an_tokenize() of that text; free with sl_name_text_free(). */
struct sl_winfo;
typedef struct sl_name_text {
    const sl_an_text *t; /* borrowed */
    struct sl_winfo *w;  /* per token */
    unsigned *fl;        /* per token: its list flags */
    uint8_t *known;      /* per token: which of the two are known */
    size_t cap;
} sl_name_text;

void sl_name_text_set(sl_name_text *m, const sl_an_text *t);
void sl_name_text_free(sl_name_text *m);

/* Pass 1 over every piece: the words written in lower case.  Pass 2: the
 * words capitalised inside sentences, and German nouns.  The flags the
 * memo keeps are those of the evidence's languages: use one memo with one
 * article's evidence. */
void sl_an_lower_evidence(sl_name_evidence *ev, sl_name_text *m);
void sl_an_name_evidence(sl_name_evidence *ev, sl_name_text *m);

/* Pass 3 over a piece: reports each name in it (capitalised runs,
 * acronyms, Arabic names after a title) to 'emit'. */
void sl_an_find_names(const sl_name_evidence *ev, sl_name_text *m, sl_name_emit emit,
                      void *ctx);

/* Receives one place found in the text: as written (borrowed for the call)
 * and its English name (sl_places_find). */
typedef void (*sl_place_emit)(void *ctx, const char *s, size_t n, const char *english);

/* The countries named in a's title and paragraphs when a's language is
 * written without capitals (name_places.c); nothing for other languages. */
void sl_an_find_places(sl_norm *norm, const sl_article *a, sl_place_emit emit, void *ctx);

/* ---- name forms (src/analyze/name_forms.c) ------------------------------ */

/* The length of w[0..n) without a case ending that Russian or Ukrainian
 * declension adds to a name ("Антверпена" -> "Антверпен", "Путиным" ->
 * "Путин"); Greek final -ς likewise.  n for other scripts. */
size_t sl_an_stem_len(const char *w, size_t n);

#endif /* SL_ANALYZE_INTERNAL_H */
