#!/bin/sh
# Installs the Debian packages storyline needs (the union of the lists in
# scripts/packages.d/).  Idempotent: already installed packages are skipped,
# and apt is not touched at all when nothing is missing.  Needs root or sudo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pkgs=$(grep -hv '^[[:space:]]*\(#\|$\)' "$here"/packages.d/*.txt | sort -u)
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "setup: all $(echo "$pkgs" | wc -l) packages already installed" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "setup: installing$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
