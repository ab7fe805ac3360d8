#!/usr/bin/python3
"""Fits the weights of src/analyze/similarity.c on labelled pairs.

usage: build/bench/similarity_eval --gold ../shared/data/events-dev/articles.jsonl \
           --dump /tmp/pairs.tsv
       bench/fit_similarity.py /tmp/pairs.tsv

Reads the dump (label, terms, ents, nums, day_gap, shared_day, cross_lang,
lang_a, lang_b, told_gap, num_conflict, ent_conflict),
builds the same features as similarity.c's features(), fits two logistic
regressions (same event: label 4; same story: label >= 3) and prints the
weight arrays to paste into similarity.c, with the in-sample ROC-AUC.  Run
it on the dev set only (events-dev); other sets are for measuring.
"""
import math
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


def features(terms, ents, nums, gap, shared, cross, told, nconf, econf):
    lg = math.log1p(gap) if gap >= 0 else 0.0
    lt = math.log1p(told) if told >= 0 else 0.0
    return [terms, ents, nums, lg, 1.0 if gap >= 0 else 0.0, float(shared),
            cross * terms, cross * ents, lt, 1.0 if told >= 0 else 0.0,
            float(nconf), float(econf)]


def main(path):
    X, y = [], []
    for line in open(path):
        f = line.split("\t")
        label = int(f[0])
        X.append(features(float(f[1]), float(f[2]), float(f[3]), int(f[4]),
                          int(f[5]), int(f[6]), int(f[9]), int(f[10]), int(f[11])))
        y.append(label)
    X, y = np.array(X), np.array(y)
    for name, target in (("W_EVENT", y == 4), ("W_STORY", y >= 3)):
        m = LogisticRegression(C=10.0, max_iter=2000).fit(X, target)
        w = [m.intercept_[0]] + list(m.coef_[0])
        auc = roc_auc_score(target, m.decision_function(X))
        print("static const double %s[NFEAT] = {%s}; /* in-sample AUC %.3f */" %
              (name, ", ".join("%.3f" % v for v in w), auc))


if __name__ == "__main__":
    main(sys.argv[1])
