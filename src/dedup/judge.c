/*
 * judge.c -- the copy rule: are two articles copies, and of which kind?
 *
 * From the two sketches the rule estimates the Jaccard similarity J of the
 * two shingle sets; with the set sizes |A| <= |B| it also estimates how much
 * of the smaller lies inside the larger, without a second sketch:
 *
 *     |A n B| = J (|A| + |B|) / (1 + J),      C = |A n B| / |A|
 *
 * and then decides, in this order:
 *
 *   exact     the same matching form (form.c), whatever else;
 *   none      either text has no words; or both languages are known and
 *             differ (a translation is not a copy); or the smaller text has
 *             fewer than 20 shingles (a headline or a caption: too little
 *             text to tell a copy from a shared phrase, so short texts are
 *             copies only when exact);
 *   contains  C >= 0.60, |B| between 1.5 and 4 times |A|, and J >= 0.10:
 *             most of A stands in a text half as long again or more (a
 *             wire story with paragraphs added, a truncated copy).  C is
 *             estimated from J, and its error grows with |B| / |A| (one
 *             chance agreement more moves C by about (1 + |B|/|A|) / K),
 *             so a text over four times longer is not judged: an excerpt
 *             of less than a quarter of its source is missed;
 *   near      J >= 0.26: most of the two texts is shared (small edits, a
 *             different caption, a changed lead paragraph);
 *   none      otherwise.
 *
 * The thresholds were set on events-dev (the development set: 10 labelled
 * copy pairs among 392 articles in 20 languages).  Measured on the full
 * shingle sets, its near copies have J from 0.29 up and its contained
 * copies C of 0.80 and 0.89 (J 0.21 and 0.38), while the closest pairs that
 * are not copies -- two rewrites of one wire story, two galleries of the
 * same agency's photos -- have J of 0.24 and below; 0.26 splits that gap.
 * The gap is narrow for a sketch whose estimate of J has a standard error
 * of about 0.025: a pair near a threshold can fall either way.
 *
 * Invariant: the rule is symmetric and depends only on the two sides, so
 * the set of copy pairs -- and the groups -- do not depend on the order
 * articles arrive in.
 *
 * Tests: tests/dedup/test_dedup.c (signature_* cases).
 */
#include "dedup.h"

sl_copy_kind sl_copy_rule(double j, double na, double nb, double *containment)
{
    double a = na < nb ? na : nb, b = na < nb ? nb : na;
    double c = a > 0 ? j * (a + b) / (1 + j) / a : 0;
    c = c > 1 ? 1 : c;
    if (containment)
        *containment = c;
    if (a < SL_COPY_MIN_SHINGLES)
        return SL_COPY_NONE;
    if (c >= SL_COPY_CONTAIN_C && b >= SL_COPY_CONTAIN_RATIO * a &&
        b <= SL_COPY_CONTAIN_MAX * a && j >= SL_COPY_CONTAIN_J)
        return SL_COPY_CONTAINS;
    return j >= SL_COPY_NEAR_J ? SL_COPY_NEAR : SL_COPY_NONE;
}

sl_copy_kind sl_copy_judge(const sl_copy_side *x, const sl_copy_side *y,
                           double *jaccard, double *containment)
{
    double j = 0, c = 0;
    sl_copy_kind k = SL_COPY_NONE;
    if (x->exact && x->exact == y->exact) {
        j = c = 1;
        k = SL_COPY_EXACT;
    } else if (x->nsh && y->nsh && !(x->lang && y->lang && x->lang != y->lang)) {
        j = sl_minhash_jaccard(x->sig, y->sig);
        k = sl_copy_rule(j, x->nsh, y->nsh, &c);
    }
    if (jaccard)
        *jaccard = j;
    if (containment)
        *containment = c;
    return k;
}

const char *sl_copy_kind_name(sl_copy_kind k)
{
    switch (k) {
    case SL_COPY_EXACT: return "exact";
    case SL_COPY_NEAR: return "near";
    case SL_COPY_CONTAINS: return "contains";
    default: return "none";
    }
}
