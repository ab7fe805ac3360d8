#!/usr/bin/python3
"""The peer baseline a user would pick instead of storyline: scikit-learn
TF-IDF + agglomerative clustering (cosine distance, average linkage).

usage: sklearn_events.py [--threshold T | --tune GOLD.jsonl] ARTICLES.jsonl
Prints {"events":[{"id","articles":[ids]}]} (the shape of `storyline
events`), so `storyline eval events --gold G PRED.json` scores it the same
way.  --tune picks the distance threshold with the best BCubed F1 on GOLD
(the dev set; the figure reported for it is then in-sample) and prints it
on stderr.  The default threshold was tuned on events-dev this way.

Debian's python3-sklearn; /usr/bin/python3 on purpose (not a pyenv one).
"""
import json
import sys

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

DEFAULT_THRESHOLD = 0.80  # tuned on events-dev with --tune


def load(path):
    arts = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            a = json.loads(line)
            arts.append(a)
    return arts


def cluster(arts, threshold):
    docs = [((a.get("title") or "") + "\n" + (a.get("text") or "")) for a in arts]
    X = TfidfVectorizer(sublinear_tf=True).fit_transform(docs).toarray()
    if len(arts) == 1:
        return [0]
    model = AgglomerativeClustering(n_clusters=None, metric="cosine",
                                    linkage="average",
                                    distance_threshold=threshold)
    return model.fit_predict(X)


def bcubed_f1(labels, gold):
    n = len(labels)
    p = r = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if labels[j] == labels[i]]
        same_gold = [j for j in range(n) if gold[j] == gold[i]]
        both = len(set(same_pred) & set(same_gold))
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / n, r / n
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv):
    threshold, tune = DEFAULT_THRESHOLD, None
    args = argv[1:]
    while args and args[0].startswith("--"):
        if args[0] == "--threshold":
            threshold = float(args[1]); args = args[2:]
        elif args[0] == "--tune":
            tune = args[1]; args = args[2:]
        else:
            sys.exit("usage: sklearn_events.py [--threshold T | --tune GOLD] ARTICLES.jsonl")
    if len(args) != 1:
        sys.exit("usage: sklearn_events.py [--threshold T | --tune GOLD] ARTICLES.jsonl")
    arts = load(args[0])
    if tune:
        key = "event" if "event" in arts[0] else "event_id"
        gold = [a[key] for a in load(tune)]
        best = max((bcubed_f1(cluster(arts, t / 100), gold), t / 100)
                   for t in range(30, 100, 2))
        print("peer: best threshold %.2f (BCubed F1 %.3f)" % (best[1], best[0]),
              file=sys.stderr)
        threshold = best[1]
    labels = cluster(arts, threshold)
    groups = {}
    for a, l in zip(arts, labels):
        groups.setdefault(int(l), []).append(a["id"])
    events = sorted(groups.values(), key=lambda g: -len(g))
    json.dump({"events": [{"id": "peer%d" % i, "articles": g}
                          for i, g in enumerate(events)]}, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv)
