#!/usr/bin/python3
"""Builds a large stream of articles at bench time by replaying the dev set.

usage: make_stream.py N OUT.jsonl [SOURCE.jsonl]
Writes N articles cycling through SOURCE (default ../shared/data/events-dev/
articles.jsonl): each replay gets a new id, its date (and any " date"
marker) shifted by 7 days per round, so rounds are different weeks, and its
text perturbed -- one sentence in four dropped, numbers changed -- so that
a replay is a new report, not a copy.  Labels are left out.  Never commit
the output.
"""
import datetime
import json
import random
import re
import sys

NUM = re.compile(r"\b\d+\b")


def shift(d, days):
    try:
        return (datetime.date.fromisoformat(d[:10]) + datetime.timedelta(days=days)).isoformat()
    except ValueError:
        return d


def perturb(text, rnd):
    out = []
    for para in text.split("\n\n"):
        sents = re.split(r"(?<=[.!?])\s+", para)
        kept = [s for s in sents if rnd.random() > 0.25] or sents[:1]
        out.append(" ".join(kept))
    text = "\n\n".join(out)
    return NUM.sub(lambda m: str(int(m.group()) + rnd.randint(0, 3)) if len(m.group()) < 5 else m.group(), text)


def main(n, out, src="../shared/data/events-dev/articles.jsonl"):
    base = [json.loads(l) for l in open(src, encoding="utf-8")]
    rnd = random.Random(12345)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(int(n)):
            a = base[i % len(base)]
            r = i // len(base)
            text = a["text"]
            if text.startswith(" date "):
                m = re.match(r" date (\d{4}-\d{2}(-\d{2})?)", text)
                if m and m.group(2):
                    text = " date " + shift(m.group(1), 7 * r) + text[m.end():]
            b = {"id": "%s-%d" % (a["id"], r), "text": perturb(text, rnd) if r else text}
            if a.get("date"):
                b["date"] = shift(a["date"], 7 * r)
            if a.get("title"):
                b["title"] = a["title"]
            if a.get("url"):
                b["url"] = a["url"] + ("?r=%d" % r if r else "")
            f.write(json.dumps(b, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
