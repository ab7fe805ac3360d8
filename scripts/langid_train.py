#!/usr/bin/env python3
"""Trains storyline's character n-gram model (see src/text/langid.c).

usage: langid_train.py TEXT_DIR OUT_MODEL [DEV_OUT]

TEXT_DIR holds <lang>.txt files (one text a line, from langid_extract.py).
A line found in two languages is untranslated and dropped.  Every tenth line
(by a CRC of the line) is held out: never trained on and, with DEV_OUT,
written there as "lang<TAB>text" lines -- the dev split the tunables of
langid.c were chosen on.

Features of each word (its lowercased letters and marks, as ICU's
u_tolower()):
  orders 1..5  the n-grams of 1..5 code points of " word " (the lone space
               is not one);
  order 6      the whole word " word ", for words of 1..24 letters, hashed
               after a 0x01 byte.
All are counted; the model stores the orders of ORDERS (1, 4 and 6: on the
dev split these beat all of 1..6 -- naive Bayes counts overlapping n-grams
as independent evidence, and fewer orders overcount less -- and they cost
less than half the look-ups).  For each language and used order it keeps
the KEEP[n] most frequent features with log P(feature | language, order); a
feature a language lacks scores that language's floor for the order.

Binary layout (little endian), read by langid.c without any parsing: the
index is built here, so loading costs nothing.  A feature's key is the
FNV-1a hash of its UTF-8 bytes (0 -> 1); keys are sorted and cut into 2^16
buckets by their top 16 bits, and only the low 16 bits are stored.
  "SLLI" u32 version(5) u32 nlang u32 nkeys u32 nentries u32 ndense
      u32 orders (bit n-1: order n is used)
  nlang x { char code[4]; u8 script; u8 pad[3]; f32 floor[6] }
  u32 key_start[65537]    first key of each bucket (and the end)
  u32 entry_start[65537]  first entry of each bucket (and the end)
  u16 low[nkeys]          low 16 bits of each key, ascending in a bucket
  u8 count[nkeys]         entries of each key; 255: a dense row
  nentries x { u8 lang; u8 q }: q = (log P - floor) in 1/16 nat; for a
                          dense row, one entry: the row's number (u16)
  ndense x u8 q[80]       the q of every language, for keys that at least
                          16 languages know (a 1-gram, "th", " de" ...): one
                          straight loop instead of a scattered one
Training is deterministic: same text in, same bytes out.
"""
import collections, math, multiprocessing, os, pickle, struct, sys, unicodedata, zlib

MAXN = 6  # orders 1..5: character n-grams; 6: whole words
# Features kept per language and order, and the orders the model uses (the
# others are counted, so that LANGID_COUNTS can try them, but not stored).
KEEP = {1: 100000, 2: 5000, 3: 8000, 4: 14000, 5: 10000, 6: 14000}
ORDERS = [int(n) for n in os.environ.get("LANGID_ORDERS", "1,5,6").split(",")]
SCRIPTS = ["latn", "cyrl", "arab", "deva", "other"]
WORD_MIN, WORD_MAX = 1, 24
BUCKETS = 1 << 16
DENSE_MIN, DENSE_MARK, DENSE_STRIDE = 16, 255, 80

def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h = ((h ^ x) * 0x01000193) & 0xFFFFFFFF
    return h or 1

def words(line):
    cur = []
    for ch in line.replace("İ", "i").lower():
        if unicodedata.category(ch)[0] in "LM":
            cur.append(ch)
        elif cur:
            yield "".join(cur)
            cur = []
    if cur:
        yield "".join(cur)

def features(line):
    """The features of a line, as strings; whole words start with \\x01."""
    out = []
    for w in words(line):
        f = " " + w + " "
        for n in range(1, 6):
            out.extend(f[i:i + n] for i in range(len(f) - n + 1))
        if WORD_MIN <= len(w) <= WORD_MAX:
            out.append("\x01" + f)
    return [g for g in out if g != " "]

def order(g):
    return 6 if g[0] == "\x01" else len(g)

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
            with open(os.path.join(textdir, f), encoding="utf-8") as fh:
                per[f[:-4]] = fh.read().split("\n")
    where = collections.Counter(l for lines in per.values() for l in set(lines))
    for lang in per:
        per[lang] = [l for l in per[lang] if l and where[l] == 1]
    return per

def held_out(line):
    return zlib.crc32(line.encode()) % 10 == 0

def train_one(args):
    """(lang, lines) -> (script, lines trained on, {order: (total, [(feature, count)])})."""
    lang, lines = args
    train = [l for l in lines if not held_out(l)]
    counts = collections.Counter()
    for l in train:
        counts.update(features(l))
    by = {n: [] for n in range(1, MAXN + 1)}
    for g, c in counts.items():
        by[order(g)].append((g, c))
    kept = {}
    for n in range(1, MAXN + 1):
        total = sum(c for _, c in by[n]) or 1
        kept[n] = (total, sorted(by[n], key=lambda gc: (-gc[1], gc[0]))[:KEEP[n]])
    return script_of(" ".join(train[:5000])), len(train), kept

def floors_of(results):
    """Per language and order, the log-probability an unseen feature gets:
    just below the rarest kept one, but never above the median over the
    languages -- a language with little text must not win by knowing
    little (its own floor is high because its total is small)."""
    own = [[math.log((kept[n][1][-1][1] if kept[n][1] else 1) / kept[n][0]) - 3.0
            for n in range(1, MAXN + 1)] for _, _, kept in results]
    med = [sorted(f[n] for f in own)[len(own) // 2] for n in range(MAXN)]
    return [[min(f[n], med[n]) for n in range(MAXN)] for f in own]

def quantize(kept, floors):
    table = {}
    for n in ORDERS:
        total, grams = kept[n]
        for g, c in grams:
            q = min(255, round((math.log(c / total) - floors[n - 1]) * 16))
            if q > 0:
                table[g] = q
    return table

def feature_key(g):
    if g[0] == "\x01":
        return fnv1a(b"\x01" + g[1:].encode())
    return fnv1a(g.encode())

def build_index(table):
    """The keys sorted, cut into 2^16 buckets by their top 16 bits."""
    keys = sorted(table)
    key_start, entry_start = [0] * (BUCKETS + 1), [0] * (BUCKETS + 1)
    low, count, entries, dense = [], [], [], []
    k = 0
    for b in range(BUCKETS):
        key_start[b], entry_start[b] = len(low), len(entries)
        while k < len(keys) and keys[k] >> 16 == b:
            row = sorted(table[keys[k]].items())
            low.append(keys[k] & 0xFFFF)
            if len(row) >= DENSE_MIN:  # one entry: the dense row's number
                count.append(DENSE_MARK)
                entries.append((len(dense) & 0xFF, len(dense) >> 8))
                d = [0] * DENSE_STRIDE
                for li, q in row:
                    d[li] = q
                dense.append(d)
            else:
                count.append(len(row))
                entries.extend(row)
            k += 1
    key_start[BUCKETS], entry_start[BUCKETS] = len(low), len(entries)
    assert len(dense) < 1 << 16
    return key_start, entry_start, low, count, entries, dense

def main(textdir, out, devout=None):
    per = load(textdir)
    langs = sorted(per)
    if devout:
        with open(devout, "w", encoding="utf-8") as dev:
            for lang in langs:
                for l in per[lang]:
                    if held_out(l):
                        dev.write(f"{lang}\t{l}\n")
    cache = os.environ.get("LANGID_COUNTS")  # a pickle of the counts, to try other floors fast
    if cache and os.path.exists(cache):
        with open(cache, "rb") as f:
            results = pickle.load(f)
    else:
        with multiprocessing.Pool(2) as pool:
            results = pool.map(train_one, [(lang, per[lang]) for lang in langs], chunksize=1)
        if cache:
            with open(cache, "wb") as f:
                pickle.dump(results, f)
    for _, _, kept in results:  # a cache may hold more than KEEP
        for n in kept:
            kept[n] = (kept[n][0], kept[n][1][:KEEP[n]] if n in ORDERS else [])
    table = collections.defaultdict(dict)
    meta = []
    for li, (lang, floors, (script, ntrain, kept)) in enumerate(zip(langs, floors_of(results), results)):
        for g, q in quantize(kept, floors).items():
            table[feature_key(g)][li] = q
        meta.append((lang, script, floors))
        print(lang, ntrain, SCRIPTS[script], file=sys.stderr)
    assert len(langs) <= DENSE_STRIDE
    key_start, entry_start, low, count, entries, dense = build_index(table)
    with open(out, "wb") as f:
        mask = sum(1 << (n - 1) for n in ORDERS)
        f.write(b"SLLI" + struct.pack("<6I", 5, len(langs), len(low), len(entries), len(dense), mask))
        for lang, script, floors in meta:
            floors = [f if n + 1 in ORDERS else 0.0 for n, f in enumerate(floors)]
            f.write(lang.encode().ljust(4, b"\0") + struct.pack("<B3x6f", script, *floors))
        f.write(struct.pack(f"<{BUCKETS + 1}I", *key_start))
        f.write(struct.pack(f"<{BUCKETS + 1}I", *entry_start))
        f.write(struct.pack(f"<{len(low)}H", *low))
        f.write(bytes(count))
        f.write(bytes(b for e in entries for b in e))
        f.write(bytes(b for d in dense for b in d))
    print(f"{len(langs)} languages, {len(low)} keys, {len(entries)} entries, "
          f"{len(dense)} dense rows", file=sys.stderr)

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
