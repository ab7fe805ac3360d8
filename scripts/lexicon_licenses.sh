#!/usr/bin/env bash
# scripts/lexicon_licenses.sh -- prints the "Dictionaries used" table of
# data/lexicon/LICENSES.md from what is installed and built: for each
# dictionary of scripts/packages.d/lexicon.txt, the direction, the Debian
# version, FreeDict's edition, the licence of its files (from the package's
# copyright file) and how many entries the build read and used (from the
# table's sources text).  Run after `make`; paste the output into the file.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/lexicon/lexicon.bin}
[ -f "$BIN" ] || { echo "$BIN: not built (run make)" >&2; exit 1; }
for p in $(grep -o '^dict-freedict-[a-z-]*' scripts/packages.d/lexicon.txt); do
    d=${p#dict-freedict-}
    v=$(dpkg-query -W -f='${Version}' "$p")
    l=$(awk -v d="$d" 'BEGIN { RS = ""; FS = "\n" }
        { f = 0
          for (i = 1; i <= NF; i++) {
              if ($i ~ "^Files:" && index($i, d "/")) f = 1
              if (f && $i ~ /^License:/) { sub(/^License: */, "", $i); print $i; exit }
          } }' "/usr/share/doc/$p/copyright")
    printf '%s\t%s\t%s\n' "$d" "$v" "$l"
done | python3 -c '
import struct, sys
m = open(sys.argv[1], "rb").read()
n = struct.unpack("<I", m[32:36])[0]
src = {}
for line in m[-n:-1].decode().split("\n"):
    f = line.split("\t")
    if f[0].startswith("freedict-"):
        src[f[0][9:]] = f
for row in sys.stdin:
    d, v, lic = row.rstrip("\n").split("\t")
    f = src.get(d, [d, "?", "edition ?", "not used"])
    print("| %s | %s | %s | %s | %s | %s |" % (d, f[1], v, f[2].replace("edition ", ""), lic, f[3]))
' "$BIN"
