#!/usr/bin/env python3
"""Extracts running text from Debian localisation packages for the language
identifier's training (see scripts/build-langid-model.sh).

usage: langid_extract.py EXTRACTED_DEBS_DIR OUT_DIR
Writes OUT_DIR/<lang>.txt, one translated string per line, cleaned of
placeholders, markup and accelerator keys.  Sources: Firefox ESR language
packs (.ftl, .properties, .dtd inside the .xpi), LibreOffice l10n (.mo).
"""
import gettext, glob, io, os, re, sys, zipfile

FF = {"en-GB": "en", "es-ES": "es", "ga-IE": "ga", "gu-IN": "gu", "hi-IN": "hi",
      "hy-AM": "hy", "nb-NO": "nb", "nn-NO": "nn", "pa-IN": "pa", "pt-PT": "pt",
      "sv-SE": "sv", "zh-CN": "zh"}

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d*\$?[sdSuxlf@]|\$\w+|&[a-zA-Z#0-9]+;|<[^>]*>|\\n|\\t|\\u[0-9a-fA-F]{4}")

def clean(s):
    s = PLACEHOLDER.sub(" ", s)
    s = s.replace("~", "").replace("&", "").replace("_", " ")
    s = re.sub(r"https?://\S+", " ", s)
    return re.sub(r"\s+", " ", s).strip()

def good(s):
    letters = sum(ch.isalpha() for ch in s)
    return letters >= 3 and letters >= len(s) // 2

def ftl_values(text):
    for line in text.splitlines():
        if line.startswith("#") or "=" not in line:
            if line.startswith("    ") and not line.strip().startswith((".", "[", "*", "}", "#")):
                yield line.strip()
            continue
        key, _, val = line.partition("=")
        if re.match(r"^\s*\.?[\w-]+\s*$", key):
            yield val

def props_values(text):
    for line in text.splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        yield line.partition("=")[2]

def dtd_values(text):
    for m in re.finditer(r'<!ENTITY\s+\S+\s+"([^"]*)"', text):
        yield m.group(1)

def from_xpi(path):
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            try:
                text = z.read(name).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if name.endswith(".ftl"):
                out += ftl_values(text)
            elif name.endswith(".properties"):
                out += props_values(text)
            elif name.endswith(".dtd"):
                out += dtd_values(text)
    return out

def from_mo(path):
    with open(path, "rb") as f:
        t = gettext.GNUTranslations(f)
    out = []
    for v in t._catalog.values():
        out.append(v)
    return out

def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    texts = {}
    for xpi in glob.glob(os.path.join(src, "*", "usr/lib/firefox-esr/browser/extensions/langpack-*.xpi")):
        loc = re.search(r"langpack-([\w-]+)@", xpi).group(1)
        lang = FF.get(loc, loc.split("-")[0])
        texts.setdefault(lang, []).extend(from_xpi(xpi))
    for mo in glob.glob(os.path.join(src, "*", "usr/lib/libreoffice/program/resource/*/LC_MESSAGES/*.mo")):
        lang = mo.split("/resource/")[1].split("/")[0].split("-")[0]
        texts.setdefault(lang, []).extend(from_mo(mo))
    for lang, lines in sorted(texts.items()):
        seen, keep = set(), []
        for s in lines:
            s = clean(s)
            if good(s) and s not in seen:
                seen.add(s)
                keep.append(s)
        with open(os.path.join(dst, lang + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(keep) + "\n")
        print(lang, len(keep), sum(map(len, keep)))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
