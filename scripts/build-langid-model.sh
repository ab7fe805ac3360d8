#!/bin/sh
# scripts/build-langid-model.sh -- rebuilds data/langid/model.bin, the
# character n-gram model that src/text/langid.c embeds, from Debian packages.
#
#   scripts/build-langid-model.sh [--unpinned] [WORKDIR]
#
# 1. downloads (apt-get download: nothing is installed) the packages pinned
#    in data/langid/packages.txt ("name version" a line): Firefox ESR
#    language packs, LibreOffice l10n, manpages-<lang> and MediaWiki;
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

fetch() { # name [version]
    ( cd "$work/debs" && apt-get download -q "$1${2:+=$2}" >/dev/null 2>&1 )
}

echo "build-langid-model: downloading $(grep -c . "$pins") packages" >&2
new=$(mktemp)
while read -r name version; do
    case $name in ''|'#'*) continue ;; esac
    if [ $unpinned = 0 ] && fetch "$name" "$version"; then
        echo "$name $version" >>"$new"
    elif fetch "$name"; then
        got=$(ls "$work/debs/${name}_"*.deb | head -1)
        v=$(dpkg-deb -f "$got" Version)
        [ $unpinned = 1 ] || echo "build-langid-model: warning: $name $version is gone, using $v" >&2
        echo "$name $v" >>"$new"
    else
        echo "build-langid-model: cannot download $name" >&2; rm -f "$new"; exit 1
    fi
done <"$pins"
if [ $unpinned = 1 ]; then
    { grep '^#' "$pins"; cat "$new"; } >"$pins.tmp" && mv "$pins.tmp" "$pins"
fi
rm -f "$new"

for deb in "$work"/debs/*.deb; do
    name=$(basename "$deb"); name=${name%%_*}
    [ -d "$work/x/$name" ] || dpkg-deb -x "$deb" "$work/x/$name"
done

python3 scripts/langid_extract.py "$work/x" "$work/text"
python3 scripts/langid_train.py "$work/text" data/langid/model.bin "$work/dev.tsv"
echo "build-langid-model: data/langid/model.bin $(sha256sum data/langid/model.bin | cut -c1-64)" >&2
echo "build-langid-model: dev split in $work/dev.tsv ($(wc -l <"$work/dev.tsv") lines)" >&2
