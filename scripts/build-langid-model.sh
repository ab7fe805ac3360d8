#!/bin/sh
# scripts/build-langid-model.sh -- rebuilds data/langid/model.bin, the
# character n-gram model that src/text/langid.c embeds, from Debian packages.
#
#   scripts/build-langid-model.sh [--unpinned] [WORKDIR]
#
# 1. downloads (apt-get download: nothing is installed) the packages pinned
#    in data/langid/packages.txt ("name version" a line): Firefox ESR
#    language packs, LibreOffice l10n and help, GNOME's user help,
#    manpages-<lang> and MediaWiki;
# 2. unpacks each with dpkg-deb -x;
# 3. scripts/langid_extract.py: their translated strings -> WORKDIR/text/<lang>.txt;
# 4. scripts/langid_train.py: the model -> data/langid/model.bin, and the
#    held-out tenth of the lines -> WORKDIR/dev.tsv (the dev split that the
#    tunables of langid.c were chosen on: build/bench/langid --dev FILE).
#
# Same pinned packages in, same model.bin out (every step is deterministic;
# the script prints its sha256, which data/langid/SOURCES.md records).  A
# pinned version the mirror no longer has (Debian replaces security updates)
# is fetched at the current version with a warning, and the model may then
# differ a little; --unpinned takes the current versions of all and rewrites
# packages.txt.  WORKDIR defaults to a temporary folder that is removed.
# Needs apt-get with package lists (run `apt-get update` once) and python3.
set -eu
cd "$(dirname "$0")/.."
pins=data/langid/packages.txt
unpinned=0
if [ "${1:-}" = "--unpinned" ]; then unpinned=1; shift; fi
if [ $# -gt 0 ]; then
    work=$1; mkdir -p "$work"
else
    work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/debs" "$work/x"
chmod 777 "$work/debs" 2>/dev/null || true # apt's _apt user writes there

fetch() { # name[=version]...
    ( cd "$work/debs" && apt-get download -q "$@" >/dev/null 2>&1 )
}

# One apt-get call for all (each call reads apt's cache: seconds); if one
# pin is gone, one call per package, taking the current version of those.
grep -v '^#' "$pins" | grep . >"$work/pins"
echo "build-langid-model: downloading $(wc -l <"$work/pins") packages" >&2
if [ $unpinned = 1 ]; then
    fetch $(cut -d' ' -f1 "$work/pins")
elif ! fetch $(tr ' ' '=' <"$work/pins"); then
    while read -r name version; do
        ls "$work/debs/${name}_"*.deb >/dev/null 2>&1 && continue
        fetch "$name=$version" && continue
        echo "build-langid-model: warning: $name $version is gone, taking the current one" >&2
        fetch "$name" || { echo "build-langid-model: cannot download $name" >&2; exit 1; }
    done <"$work/pins"
fi
if [ $unpinned = 1 ]; then
    { grep '^#' "$pins"
      for deb in "$work"/debs/*.deb; do
          echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
      done
    } >"$pins.tmp" && mv "$pins.tmp" "$pins"
fi

for deb in "$work"/debs/*.deb; do
    name=$(basename "$deb"); name=${name%%_*}
    [ -d "$work/x/$name" ] || dpkg-deb -x "$deb" "$work/x/$name"
done

python3 scripts/langid_extract.py "$work/x" "$work/text"
python3 scripts/langid_train.py "$work/text" data/langid/model.bin "$work/dev.tsv"
echo "build-langid-model: data/langid/model.bin $(sha256sum data/langid/model.bin | cut -c1-64)" >&2
echo "build-langid-model: dev split in $work/dev.tsv ($(wc -l <"$work/dev.tsv") lines)" >&2
