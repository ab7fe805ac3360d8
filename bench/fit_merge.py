#!/usr/bin/python3
"""Fits W_MERGE of src/cluster/merge.c from build/bench/fit_merge output.

usage: build/bench/fit_merge --gold ../shared/data/events-dev/articles.jsonl > /tmp/merge.tsv
       bench/fit_merge.py /tmp/merge.tsv
Columns: label, then the merge features 1.. of sl_merge_features().
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

d = np.loadtxt(sys.argv[1], ndmin=2)
y, X = d[:, 0], d[:, 1:]
m = LogisticRegression(C=1.0, max_iter=5000).fit(X, y)
w = [m.intercept_[0]] + list(m.coef_[0])
print("static const double W_MERGE[SL_MERGE_NFEAT] = {%s};" % ", ".join("%.3f" % v for v in w))
print("/* %d pairs, %d to merge; in-sample AUC %.3f */"
      % (len(y), int(y.sum()), roc_auc_score(y, m.decision_function(X))))
