#!/usr/bin/env python3
"""Trains storyline's character n-gram model (see src/text/langid.c).

usage: langid_train.py TEXT_DIR OUT_MODEL [DEV_OUT]
TEXT_DIR holds <lang>.txt files (one text a line, from langid_extract.py).
Every tenth line (by a hash of the line) is held out: it is never trained on
and, with DEV_OUT, is written there as "lang<TAB>text" lines, the dev set.

Features: the lowercased letters of each word, framed by spaces (" word "),
cut into n-grams of 1..4 code points.  For each language and order n the
model keeps the most frequent n-grams with log P(gram | lang, n); an n-gram a
language lacks scores that language's floor for n.  Stored per n-gram: the
FNV-1a hash of its UTF-8 bytes and, for each language that has it, the
score above the floor quantized to 1/16 nat in a byte.

Binary layout (little endian), all read by langid.c:
  "SLLI" u32 version u32 nlang u32 nkeys u32 nentries
  nlang x { char code[4]; u8 script; u8 pad[3]; f32 floor[4] }
  nkeys x u32 key (sorted)   nkeys x u8 count   nentries x { u8 lang; u8 q }
"""
import collections, math, os, struct, sys, unicodedata, zlib

MAXN = 4
KEEP = {1: 100000, 2: 6000, 3: 12000, 4: 12000}   # per language and order
SCRIPTS = ["latn", "cyrl", "arab", "deva", "other"]

def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h = ((h ^ x) * 0x01000193) & 0xFFFFFFFF
    return h or 1

def words(line):
    cur = []
    for ch in line.replace("İ", "i").lower():  # as ICU's u_tolower()
        if unicodedata.category(ch)[0] in "LM":
            cur.append(ch)
        elif cur:
            yield "".join(cur)
            cur = []
    if cur:
        yield "".join(cur)

def grams(line):
    for w in words(line):
        w = " " + w + " "
        for n in range(1, MAXN + 1):
            for i in range(len(w) - n + 1):
                g = w[i:i + n]
                if g != " ":
                    yield n, g

def script_of(text):
    c = collections.Counter()
    for ch in text[:20000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            c["latn" if name.startswith("LATIN") else "cyrl" if name.startswith("CYRILLIC")
              else "arab" if name.startswith("ARABIC") else "deva" if name.startswith("DEVANAGARI")
              else "other"] += 1
    return SCRIPTS.index(c.most_common(1)[0][0])

def load(textdir):
    per = {}
    for f in sorted(os.listdir(textdir)):
        if f.endswith(".txt"):
            per[f[:-4]] = open(os.path.join(textdir, f), encoding="utf-8").read().split("\n")
    where = collections.Counter(l for lines in per.values() for l in set(lines))
    for lang in per:  # a line found in two languages is untranslated: drop it
        per[lang] = [l for l in per[lang] if l and where[l] == 1]
    return per

def main(textdir, out, devout=None):
    per = load(textdir)
    langs = sorted(per)
    dev = open(devout, "w", encoding="utf-8") if devout else None
    table = collections.defaultdict(dict)   # key -> {lang index: logp}
    meta = []
    for li, lang in enumerate(langs):
        counts = {n: collections.Counter() for n in range(1, MAXN + 1)}
        train = []
        for l in per[lang]:
            if zlib.crc32(l.encode()) % 10 == 0:
                if dev:
                    dev.write(f"{lang}\t{l}\n")
            else:
                train.append(l)
        for l in train:
            for n, g in grams(l):
                counts[n][g] += 1
        floors = []
        for n in range(1, MAXN + 1):
            total = sum(counts[n].values())
            kept = counts[n].most_common(KEEP[n])
            floor = math.log(kept[-1][1] / total) - 1.0
            floors.append(floor)
            for g, c in kept:
                q = min(255, round((math.log(c / total) - floor) * 16))
                if q > 0:
                    table[fnv1a(g.encode())][li] = q
        meta.append((lang, script_of(" ".join(train)), floors))
        print(lang, len(train), SCRIPTS[meta[-1][1]], file=sys.stderr)
    keys = sorted(table)
    nent = sum(len(table[k]) for k in keys)
    with open(out, "wb") as f:
        f.write(b"SLLI" + struct.pack("<4I", 1, len(langs), len(keys), nent))
        for lang, script, floors in meta:
            f.write(lang.encode().ljust(4, b"\0") + struct.pack("<B3x4f", script, *floors))
        f.write(struct.pack(f"<{len(keys)}I", *keys))
        f.write(bytes(min(255, len(table[k])) for k in keys))
        for k in keys:
            for li, q in sorted(table[k].items()):
                f.write(struct.pack("<BB", li, q))
    print(f"{len(langs)} languages, {len(keys)} keys, {nent} entries", file=sys.stderr)

if __name__ == "__main__":
    main(*sys.argv[1:])
