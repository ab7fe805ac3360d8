#!/usr/bin/env python3
"""Extracts running text from Debian packages for the language identifier's
training (run by scripts/build-langid-model.sh; sources in
data/langid/SOURCES.md).

usage: langid_extract.py EXTRACTED_DEBS_DIR OUT_DIR

EXTRACTED_DEBS_DIR holds one folder per package (dpkg-deb -x).  Writes
OUT_DIR/<lang>.txt, one translated string (or man page paragraph) a line,
cleaned of placeholders, markup and accelerator keys.  Only the languages of
LANGS are written.  Sources, each found by its path inside the package:
  - Firefox ESR language packs (.ftl, .properties, .dtd inside the .xpi);
  - LibreOffice l10n (.mo);
  - MediaWiki's message files (i18n/*.json of the core and its extensions);
  - manpages-<lang> (roff, gzipped);
  - LibreOffice's help (libreoffice-help-<lang>, HTML) and GNOME's user
    help (gnome-user-docs, Mallard XML): running text, paragraph by
    paragraph.
Every list of files is sorted, so the output depends only on the packages.
"""
import gettext, glob, gzip, html, json, os, re, sys, zipfile

# The languages storyline's model knows: ISO 639-1 (639-3 where none).
LANGS = set("""af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga
gu he hi hr hu hy id is it ja ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa
pl pt ro ru sk sl sn so sq sr st sv sw ta te th tl tn tr ts uk ur vi xh yo zh
zu""".split())

# Locale names that do not start with their language code, or whose variant
# is written in another script than the one the model keeps for the language
# (None: skip).
ALIAS = {"fil": "tl", "iw": "he", "in": "id", "no": "nb", "be-tarask": "be",
         "sr-el": None, "sr-latn": None, "sr@latin": None, "kk-latn": None,
         "kk-arab": None, "kk-tr": None, "kk-cn": None, "ms-arab": None,
         "pa-pk": None, "az-arab": None, "uz-cyrl": None, "tg-latn": None,
         "en-x-piglatin": None, "zh-hk": None, "zh-mo": None, "qqq": None,
         "mn-mong": None}

def lang_of(locale):
    loc = locale.lower().replace("_", "-")
    if loc in ALIAS:
        return ALIAS[loc]
    base = re.split(r"[-@.]", loc)[0]
    base = ALIAS.get(base, base)
    return base if base in LANGS else None

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d*\$?[sdSuxlf@]|%[A-Z_]+%|\$\w+|&[a-zA-Z#0-9]+;"
                         r"|<[^>]*>|\\n|\\t|\\u[0-9a-fA-F]{4}")
WIKI = re.compile(r"\{\{[^{}|]*:|\[\[[^\]|]*\||\[https?://\S+|'{2,}|[\[\]{}|]")

def clean(s):
    s = PLACEHOLDER.sub(" ", s)
    s = WIKI.sub(" ", s)
    s = s.replace("~", "").replace("&", "").replace("_", " ")
    s = re.sub(r"https?://\S+|\S+@\S+\.\w+", " ", s)
    return re.sub(r"\s+", " ", s).strip()

def good(s):
    letters = sum(ch.isalpha() for ch in s)
    return letters >= 3 and letters >= len(s) // 2

# ---- Firefox ---------------------------------------------------------------

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
        if not line.startswith("#") and "=" in line:
            yield line.partition("=")[2]

def dtd_values(text):
    for m in re.finditer(r'<!ENTITY\s+\S+\s+"([^"]*)"', text):
        yield m.group(1)

def from_xpi(path):
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
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

# ---- gettext, MediaWiki, man pages -------------------------------------------

def from_mo(path):
    with open(path, "rb") as f:
        t = gettext.GNUTranslations(f)
    out = []
    for k in sorted(t._catalog, key=str):
        v = t._catalog[k]
        if v and v != (k[0] if isinstance(k, tuple) else k):
            out.append(v)
    return out

def from_mw_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(d, dict):
        return []
    return [v for k, v in d.items() if k != "@metadata" and isinstance(v, str)]

ROFF_TEXT = re.compile(r"^\.(B|I|BR|RB|IR|RI|BI|IB|SM|SB|SH|SS|TP|IP)\s+(.*)$")
ROFF_ESC = re.compile(r"\\f[BIRPC]|\\f\[[^\]]*\]|\\\(..|\\\*\(..|\\\*\[[^\]]*\]|\\\*.|\\s[-+]?\d|\\[-e&|^%c:]|\\\"")

def from_man(path):
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError, EOFError):
        return []
    paras, cur = [], []
    for line in text.splitlines():
        m = ROFF_TEXT.match(line)
        if m:
            line = m.group(2).replace('"', "")
        elif line.startswith((".", "'")):
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        line = ROFF_ESC.sub("", line)
        if line.strip():
            cur.append(line)
    if cur:
        paras.append(" ".join(cur))
    return paras

HTML_PARA = re.compile(r"(?s)<(p|h[1-6]|td|li|title|desc)\b[^>]*>(.*?)</\1>")
DROP = re.compile(r"(?s)<(script|style|credit|mal:credit|code|cmd|input|output|screen|sys|key)\b.*?</\1>")

def from_markup(path):
    """The paragraphs of an HTML or Mallard page, tags and entities gone."""
    try:
        with open(path, encoding="utf-8") as f:
            text = DROP.sub(" ", f.read())
    except (OSError, UnicodeDecodeError):
        return []
    return [html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))) for m in HTML_PARA.finditer(text)]

# ---- finding the files -------------------------------------------------------

def found(src, pattern):
    return sorted(glob.glob(os.path.join(src, "*", pattern), recursive=True))

def collect(src):
    texts = {}
    def add(locale, lines):
        lang = lang_of(locale)
        if lang:
            texts.setdefault(lang, []).extend(lines)
    for xpi in found(src, "usr/lib/firefox-esr/browser/extensions/langpack-*.xpi"):
        add(re.search(r"langpack-([\w-]+)@", xpi).group(1), from_xpi(xpi))
    for mo in found(src, "usr/lib/libreoffice/program/resource/*/LC_MESSAGES/*.mo"):
        add(mo.split("/resource/")[1].split("/")[0], from_mo(mo))
    for js in found(src, "usr/share/mediawiki/**/i18n/**/*.json"):
        add(os.path.basename(js)[:-5], from_mw_json(js))
    for man in found(src, "usr/share/man/*/man*/*.gz"):
        add(man.split("/usr/share/man/")[1].split("/")[0], from_man(man))
    for page in found(src, "usr/share/libreoffice/help/*/text/**/*.html"):
        add(page.split("/help/")[1].split("/")[0], from_markup(page))
    for page in found(src, "usr/share/help/*/*/*.page"):
        add(page.split("/usr/share/help/")[1].split("/")[0], from_markup(page))
    return texts

def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for lang, lines in sorted(collect(src).items()):
        seen, keep = set(), []
        for s in lines:
            s = clean(s)
            if good(s) and s not in seen:
                seen.add(s)
                keep.append(s)
        with open(os.path.join(dst, lang + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(keep) + "\n")
        print(lang, len(keep), sum(map(len, keep)), file=sys.stderr)

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
