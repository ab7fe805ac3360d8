#!/usr/bin/python3
"""Fits W_JOIN of src/cluster/join.c from build/bench/fit_events output.

usage: build/bench/fit_events --gold ../shared/data/events-dev/articles.jsonl > /tmp/join.tsv
       bench/fit_events.py /tmp/join.tsv
Columns: label, missed-by-search flag, then the join features 1.. of
sl_join_features().  Prints the array to paste into join.c and the
in-sample ROC-AUC, and how often the search missed the true event.
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

d = np.loadtxt(sys.argv[1], ndmin=2)
y, missed, X = d[:, 0], d[:, 1], d[:, 2:]
m = LogisticRegression(C=10.0, max_iter=5000).fit(X, y)
w = [m.intercept_[0]] + list(m.coef_[0])
print("static const double W_JOIN[SL_JOIN_NFEAT] = {%s};" % ", ".join("%.3f" % v for v in w))
print("/* %d examples, %d positive; in-sample AUC %.3f; true event missed by the search %d times */"
      % (len(y), int(y.sum()), roc_auc_score(y, m.decision_function(X)), int(missed.sum())))
