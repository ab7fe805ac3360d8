#!/usr/bin/env python3
"""serve_corpus.py -- N articles for the service benchmarks, made at bench
time from ../shared/data/events-dev (never stored in the repository).

    bench/serve_corpus.py EVENTS_DEV_JSONL N OUT.jsonl

Copy c of the 392 articles gets new ids (ID-c), every date -- the
"date" field and the text's leading " date YYYY[-MM[-DD]]" marker --
moved c * 29 days later, so copies fall in other clustering windows and
the events stay the size they are in the data (not 2,500 copies of one
event), its names tagged and one word in every few dropped (see
perturb()), so the copy index does not take copy c for a reprint of copy
0.  A stream of news over the years, of the same make as the data.
"""
import datetime
import json
import re
import sys

MARK = re.compile(r"^ date (\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def shift(text, days):
    """A date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' moved by 'days', same precision."""
    m = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", text or "")
    if not m:
        return text
    y, mo, d = int(m.group(1)), int(m.group(2) or 7), int(m.group(3) or 15)
    try:
        t = datetime.date(y, mo, d) + datetime.timedelta(days=days)
    except ValueError:
        return text
    if m.group(3):
        return t.isoformat()
    return "%04d-%02d" % (t.year, t.month) if m.group(2) else "%04d" % t.year


def tag(c):
    """Copy c as letters: 1 -> 'b', 27 -> 'bb' ..."""
    out = ""
    while True:
        out += "abcdefghijklmnopqrstuvwxyz"[c % 26]
        c //= 26
        if not c:
            return out


def perturb(text, c):
    """The text with every k-th word of each line dropped (k = 3 + c % 4,
    which ones depends on c) and every capitalised word given the copy's
    tag ("Antwerp" -> "Antwerpbc"): other people and places, other words
    around them.  Lines with few spaces (Chinese, Japanese, Thai) lose
    every k-th character instead.  A leading date marker is kept."""
    k, t = 3 + c % 4, tag(c)
    m = MARK.match(text)
    head, body = (text[:m.end()], text[m.end():]) if m else ("", text)
    out = []
    for line in body.split("\n"):
        if line.count(" ") * 20 < len(line):
            out.append("".join(ch for i, ch in enumerate(line) if (i + c) % k))
            continue
        words = [w + t if w[:1].isupper() else w for w in line.split(" ")]
        out.append(" ".join(w for i, w in enumerate(words) if (i + c) % k))
    return head + "\n".join(out)


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rows = [json.loads(line) for line in open(src, encoding="utf-8")]
    k = 0
    with open(out, "w", encoding="utf-8") as f:
        c = 0
        while k < n:
            for r in rows:
                if k == n:
                    break
                r2 = {key: r[key] for key in ("url", "title", "date", "lang", "text") if r.get(key)}
                r2["id"] = "%s-%d" % (r["id"], c)
                if c:
                    r2["text"] = perturb(r2["text"], c)
                    if r2.get("date"):
                        r2["date"] = shift(r2["date"], 29 * c)
                    m = MARK.match(r2["text"])
                    if m:
                        old = r2["text"][6:m.end()]
                        r2["text"] = " date " + shift(old, 29 * c) + r2["text"][m.end():]
                f.write(json.dumps(r2, ensure_ascii=False) + "\n")
                k += 1
            c += 1


if __name__ == "__main__":
    main()
