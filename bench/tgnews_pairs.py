#!/usr/bin/python3
"""Turns one ../shared/data/tgnews-pairs/*.tsv file into what
bench/similarity_eval reads: a JSON lines file of the articles (id from
the URL) and a pairs file (id TAB id TAB 1 if GOLDEN:quality is OK).

usage: tgnews_pairs.py PAIRS.tsv OUT_ARTICLES.jsonl OUT_PAIRS.tsv
Also scores the peer (scikit-learn TF-IDF cosine, fitted on the file's own
texts) and prints its ROC-AUC, so the bench prints both side by side.
"""
import csv
import hashlib
import json
import sys

csv.field_size_limit(1 << 30)


def aid(url):
    return "t" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def main(src, out_articles, out_pairs):
    arts, pairs, entry = {}, [], []
    with open(src, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids = []
            for side in ("first", "second"):
                url = row["INPUT:%s_url" % side]
                i = aid(url)
                arts.setdefault(i, {"id": i, "url": url,
                                    "title": row["INPUT:%s_title" % side] or None,
                                    "text": row["INPUT:%s_text" % side]})
                ids.append(i)
            pairs.append((ids[0], ids[1], 1 if row["GOLDEN:quality"] == "OK" else 0))
            if row.get("INPUT:similarity"):
                entry.append(float(row["INPUT:similarity"]))
    with open(out_articles, "w", encoding="utf-8") as f:
        for a in arts.values():
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(out_pairs, "w") as f:
        for a, b, l in pairs:
            f.write("%s\t%s\t%d\n" % (a, b, l))
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics import roc_auc_score
        ids = list(arts)
        X = TfidfVectorizer(sublinear_tf=True).fit_transform(
            [(arts[i]["title"] or "") + "\n" + arts[i]["text"] for i in ids])
        pos = {i: k for k, i in enumerate(ids)}
        s = [float(X[pos[a]].multiply(X[pos[b]]).sum()) for a, b, _ in pairs]
        print("  peer (sklearn TF-IDF cosine): ROC-AUC %.3f" %
              roc_auc_score([l for _, _, l in pairs], s))
        if len(entry) == len(pairs):
            print("  peer (the contest entry's own score): ROC-AUC %.3f" %
                  roc_auc_score([l for _, _, l in pairs], entry))
    except ImportError:
        print("  peer: python3-sklearn not installed")


if __name__ == "__main__":
    main(*sys.argv[1:4])
