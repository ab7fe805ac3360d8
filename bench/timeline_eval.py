#!/usr/bin/python3
"""Timeline dates against the gold: for each gold event of events.tsv with a
date, the predicted event holding most of its articles; is that event's date
within one day of the gold date?

usage: storyline events ../shared/data/events-dev/articles.jsonl > /tmp/ev.json
       bench/timeline_eval.py ../shared/data/events-dev /tmp/ev.json
"""
import collections
import csv
import datetime
import json
import sys


def main(folder, pred_path):
    gold_date = {}
    with open(folder + "/events.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("date"):
                gold_date[row["event"]] = datetime.date.fromisoformat(row["date"][:10])
    members = collections.defaultdict(list)
    for line in open(folder + "/articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        members[a["event"]].append(a["id"])
    where, date = {}, {}
    for e in json.load(open(pred_path))["events"]:
        for i in e["articles"]:
            where[i] = e["id"]
        date[e["id"]] = e["date"]
    ok = dated = 0
    misses = []
    for ev, day in sorted(gold_date.items()):
        best = collections.Counter(where.get(i) for i in members[ev]).most_common(1)
        got = date.get(best[0][0]) if best else None
        dated += 1
        if got and abs((datetime.date.fromisoformat(got) - day).days) <= 1:
            ok += 1
        else:
            misses.append("%s gold %s got %s" % (ev, day, got))
    print("timeline dates within one day of the gold: %d of %d events (%.1f%%)"
          % (ok, dated, 100.0 * ok / max(dated, 1)))
    for m in misses:
        print("  miss: " + m)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
