"""Arabic and English text basics: normalisation, digits, paragraphs, sentences, tokens.

Normalisation is for *matching only*; everything shown to a user keeps the original
spelling. Functions here are pure and cheap: they run on every paragraph of every article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Invisible formatting characters that hostile or sloppy text carries (bidi controls,
# zero-width joiners, BOM). Removed before analysis so they cannot split words.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[A-Za-z]")

# A token: a run of Arabic letters (with diacritics/tatweel inside), Latin letters,
# or digits (with decimal separators). Hyphens and apostrophes join English words.
TOKEN_RE = re.compile(
    r"[\u0621-\u064a\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u0640]+"
    r"|[A-Za-z]+(?:['’\-][A-Za-z]+)*"
    r"|[0-9٠-٩۰-۹]+(?:[.,٫][0-9٠-٩۰-۹]+)*"
)

# Sentence ends: Latin/Arabic full stop, question marks, exclamation, and the ellipsis
# that Arabic headlines use ("..").
_SENT_END = re.compile(r"(?<=[.!?؟…])\s+|(?<=\.\.)(?!\.)\s*(?=\S)|\n+")
# A masked quotation that itself ends a sentence (“Stop. Now.” Then ...): split after it
# when a capitalised English word follows; Arabic has no case, and there the attribution
# often follows the quote, so the quote is kept with it.
_QUOTE_END = re.compile(r"(?<=\x01)\s+(?=[A-Z])")
_TERMINAL = ".!?؟…"
# Abbreviations after which a full stop does not end an English sentence.
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Sgt|Jr|Sr|U\.S|U\.N|No|vs|etc|e\.g|i\.e)\.$"
)


def strip_diacritics(text: str) -> str:
    return _DIACRITICS.sub("", text).replace(_TATWEEL, "")


def clean_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def to_ascii_digits(text: str) -> str:
    return text.translate(_ARABIC_INDIC)


def normalize_ar(text: str) -> str:
    """Matching form of Arabic text: no diacritics/tatweel, one alef, ى→ي, ة→ه, ؤ/ئ→ء."""
    t = strip_diacritics(clean_invisible(text)).translate(_ALEF_VARIANTS)
    t = t.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "ء").replace("ئ", "ء")
    return to_ascii_digits(t)


def normalize(text: str) -> str:
    """Matching form for any language: NFKC, Arabic normalisation, lower-case Latin."""
    return normalize_ar(unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=200_000)
def normalize_token(token: str) -> str:
    """`normalize` of one word, cached: analysers normalise the same words over and over
    (an article repeats its vocabulary; a corpus shares most of it)."""
    return normalize(token)


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate the letters of the text, else 'en'."""
    sample = text[:5000]
    ar = len(_ARABIC_LETTER.findall(sample))
    la = len(_LATIN_LETTER.findall(sample))
    return "ar" if ar >= la else "en"


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def _hard_wrapped(lines: list[str]) -> bool:
    """True for a block that is one paragraph wrapped at a fixed width (plain-text exports):
    three or more distinct lines, the non-final ones long, of similar length, and mostly
    ending mid-sentence. Repeated captions and lists of short items do not qualify."""
    if len(lines) < 3 or len(set(lines)) < len(lines):
        return False
    body = lines[:-1]
    lengths = [len(ln) for ln in body]
    if min(lengths) < 40 or max(lengths) > 1.5 * min(lengths):
        return False
    open_ends = sum(1 for ln in body if ln[-1] not in _TERMINAL + ':»”"')
    return open_ends * 2 > len(body)


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs are separated by blank lines; single newlines inside one are folded.

    Lines that stand alone (captions, subheads) stay their own paragraph, unless the block
    is a paragraph hard-wrapped at a fixed width, which is joined back.
    """
    body = clean_invisible(body.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = re.split(r"\n\s*\n", body)
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        # Several short lines in one block are separate items (captions repeated, lists).
        if all(len(ln) < 120 for ln in lines) and len(lines) > 1 and not _hard_wrapped(lines):
            out.extend(lines)
        else:
            out.append(" ".join(lines))
    return out


def _spans(pattern: re.Pattern[str], text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The (start, end) spans of text[a:b] between matches of pattern (like re.split)."""
    out = []
    pos = a
    for m in pattern.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return [(x, y) for x, y in out if y > x]


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (Arabic and English punctuation).

    Quoted passages inside «» are not split even when they contain full stops, so a
    direct quote stays attached to its attribution.
    """
    text = paragraph.strip()
    if not text:
        return []
    # Protect full stops inside guillemets/double quotes.
    protected: list[str] = []

    def _protect(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        # \x01 closes a quotation whose last character inside ends a sentence.
        closer = "\x01" if m.group(0)[-2] in _TERMINAL else "\x00"
        return f"\x00{len(protected) - 1}{closer}"

    masked = re.sub(r"«[^«»]{0,2000}»|“[^“”]{0,2000}”", _protect, text)
    # Pieces are kept as spans of the masked text, so that merging two of them back
    # (abbreviations, lower-case continuations) restores the original separator
    # exactly instead of inventing a space ("...according" stays one word).
    spans = []
    for a, b in _spans(_SENT_END, masked, 0, len(masked)):
        spans.extend(_spans(_QUOTE_END, masked, a, b))
    parts: list[str] = []
    start: int | None = None  # start of the sentence being built
    last_start = -1  # start of the last sentence appended to parts
    for a, b in spans:
        piece = masked[a:b]
        if not piece.strip():
            continue
        # An English full stop followed by a lower-case word is an abbreviation
        # ("3 p.m. yesterday"), not a sentence end.
        head = piece.lstrip()[:1]
        if parts and start is None and head.islower() and head.isascii():
            parts.pop()
            start = last_start
        if start is None:
            start = a
        buf = masked[start:b].strip()
        if _ABBREV.search(buf) or re.search(r"\b[A-Z]\.$", buf):
            continue
        parts.append(buf)
        last_start, start = start, None
    if start is not None:
        parts.append(masked[start:].strip())

    def _unprotect(s: str) -> str:
        return re.sub(r"\x00(\d+)[\x00\x01]", lambda m: protected[int(m.group(1))], s)

    return [_unprotect(p) for p in parts if p.strip()]


def tokenize(text: str) -> list[str]:
    """Surface tokens with diacritics and tatweel removed (so words are not split at them)."""
    return [strip_diacritics(t) for t in TOKEN_RE.findall(clean_invisible(text))]


def iter_token_spans(text: str):
    """(start, end, surface) for each token, on the original string (for highlighting)."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)
