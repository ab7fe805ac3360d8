/*
 * text.h -- the text stage: Unicode keys for matching, and language id.
 *
 * Keys: the original text is kept for display; matching uses a key made with
 * ICU (NFKC, case folding, accents stripped, and for names Any-Latin
 * transliteration), so "Erdoğan" / "ERDOGAN" and "Путин" / "Putin" meet.
 *
 * Language id: returns an ISO 639-1 code (639-3 where none exists) with a
 * confidence in 0..1, or "und" when the text is too short or the answer is
 * unreliable.
 *
 * Both contexts are owned by the engine (sl_engine_norm(), sl_engine_langid())
 * and are not thread-safe.  Tests: tests/text/.
 */
#ifndef SL_TEXT_H
#define SL_TEXT_H

#include "../core/core.h"

/* ---- keys (src/text/norm.c) -------------------------------------------- */

typedef struct sl_norm sl_norm;

/* Caller frees with sl_norm_free().  Aborts if ICU's data cannot be loaded. */
sl_norm *sl_norm_new(void);
void sl_norm_free(sl_norm *n);

/* Appends to 'out' the matching key of s[0..len): NFKC, case folded, accents
 * (combining marks) removed, runs of white space collapsed to one space and
 * trimmed.  Script is kept ("путин" stays Cyrillic). */
void sl_norm_key(sl_norm *n, const char *s, size_t len, sl_buf *out);

/* Like sl_norm_key() but also transliterated to Latin (Any-Latin, then
 * Latin-ASCII where it is lossless enough): the key of a name.  "Erdoğan" ->
 * "erdogan", "Путин" -> "putin", "Poetin" stays "poetin". */
void sl_norm_name_key(sl_norm *n, const char *s, size_t len, sl_buf *out);

/* sl_norm_key() and sl_norm_name_key() of a word, or any short string,
 * remembered: the same bytes, the same key, at the cost of a look-up. */
void sl_norm_word_key(sl_norm *n, const char *s, size_t len, sl_buf *out);
void sl_norm_word_name_key(sl_norm *n, const char *s, size_t len, sl_buf *out);

/* True if s[0..len), standing after white space, has the key
 * sl_norm_key(s) whatever came before that space: its first character is
 * no mark, space or control, and does not decompose into one (a mark there
 * would be dropped or kept according to the letter before the space).
 * Then the words of a text's key are the words of the keys of its pieces
 * between ASCII white space, one after the other. */
bool sl_norm_starts_alone(const sl_norm *n, const char *s, size_t len);

/* Appends sl_norm_key() of s[0..len) to out and returns true if s starts
 * alone; else returns false and appends nothing.  Remembered, like
 * sl_norm_word_key(). */
bool sl_norm_piece_key(sl_norm *n, const char *s, size_t len, sl_buf *out);

/* ---- place names (src/text/places.c) ---------------------------------- */

/* Countries and territories as each language writes them (ICU's CLDR
 * names), each answered with its English name: "تركيا" (ar) and "土耳其"
 * (zh) -> "Türkiye".  Not thread-safe, like the sl_norm it uses. */
typedef struct sl_places sl_places;

/* 'norm' is borrowed and must outlive it.  Caller frees with
 * sl_places_free().  A language's names load on its first look-up. */
sl_places *sl_places_new(sl_norm *norm);
void sl_places_free(sl_places *p);

/* The English name of the place that s[0..n) names in language 'lang'
 * (compared by sl_norm_key()), or NULL.  Borrowed: lives as long as p. */
const char *sl_places_find(sl_places *p, const char *lang, const char *s, size_t n);

/* For scripts written without spaces: the longest place name (2 to
 * SL_PLACES_CHARS characters, compared as written) that s[0..n) starts
 * with.  Returns its length in bytes and sets *english, or 0. */
#define SL_PLACES_CHARS 8
size_t sl_places_prefix(sl_places *p, const char *lang, const char *s, size_t n,
                        const char **english);

/* The place names of n's own (made on first use, freed with n). */
sl_places *sl_norm_places(sl_norm *n);

/* ---- language id (src/text/langid.c) ----------------------------------- */

typedef struct sl_langid sl_langid;

/* Caller frees with sl_langid_free(). */
sl_langid *sl_langid_new(void);
void sl_langid_free(sl_langid *l);

/* Detects the language of s[0..len) (valid UTF-8).  'hint' is an ISO code
 * from the page or the feed, or NULL; it only breaks near ties.  Returns a
 * static string ("en", "nl", "zh", ... or "und") and stores the confidence
 * (0..1; 0 for "und") in *confidence when not NULL. */
const char *sl_langid_detect(sl_langid *l, const char *s, size_t len,
                             const char *hint, double *confidence);

#endif /* SL_TEXT_H */
