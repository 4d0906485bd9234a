"""Arabic and English text basics: normalisation, digits, paragraphs, sentences, tokens.

Normalisation is for *matching only*; everything shown to a user keeps the original
spelling. Functions here are pure and cheap: they run on every paragraph of every article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from operator import methodcaller

_TATWEEL = "\u0640"
# Invisible formatting characters that hostile or sloppy text carries (bidi controls,
# zero-width joiners, BOM). Removed before analysis so they cannot split words.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ZWNBSP = "\ufeff"


def translator(mapping: dict[int, int | str | None]) -> Callable[[str], str]:
    """A faster `lambda text: text.translate(mapping)`, for maps from single characters.

    translate looks every character up in its table. With a dict, each character that is
    not in it costs a raised-and-cleared KeyError; with a list indexed by code point, only
    an index. So characters below U+2070 (Latin, Arabic, general punctuation) go through
    a list; the few mapped characters above it (U+FEFF) are replaced one by one, only when
    present. Characters past the list's end are left unchanged by translate (IndexError is
    a LookupError), as a dict miss leaves them.
    """
    table: list[str | None] = list(_IDENTITY)
    high: list[tuple[str, str]] = []
    for code, value in mapping.items():
        out = chr(value) if isinstance(value, int) else value
        if code < len(table):
            table[code] = out
        else:
            high.append((chr(code), out or ""))
    # The replacements run after the single translate pass: none may produce a character
    # that a later replacement would change again, which one translate pass never does.
    produced = "".join(out for _, out in high)
    if any(key in produced for key, _ in high):
        raise ValueError("translator: a replacement above U+206F produces another one")

    if not high:
        return methodcaller("translate", table)  # C-level: no Python frame per call

    def apply(text: str) -> str:
        text = text.translate(table)
        for key, out in high:
            if key in text:
                text = text.replace(key, out)
        return text

    return apply


_IDENTITY = [chr(c) for c in range(0x2070)]
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks; and tatweel.
_DIACRITIC_CODES = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
    ord(_TATWEEL),
]
_INVISIBLE_CODES = [
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x00AD,
]  # and U+FEFF (_ZWNBSP), which normalize_ar drops apart
_strip_diacritics = translator(dict.fromkeys(_DIACRITIC_CODES))
_to_ascii_digits = translator(_ARABIC_INDIC)
# normalize_ar in one pass: every step of it maps or drops single characters, and no
# step produces a character that a later step would change again, so their composition
# is one per-character map (tests/test_textproc_tables.py checks it against the
# step-by-step definition on every code point). U+FEFF, past the fast table, is removed
# apart in normalize_ar so that this is a single C-level call.
_normalize_ar = translator(
    {
        **dict.fromkeys(_INVISIBLE_CODES + _DIACRITIC_CODES),
        **_ALEF_VARIANTS,
        **str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"}),
        **_ARABIC_INDIC,
    }
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


@lru_cache(maxsize=1)
def search_fold_classes() -> tuple[tuple[str, str], ...]:
    """What `normalize` folds in names, as (characters, replacement) pairs for SQL's
    REGEXP_REPLACE: the Arabic letters it maps to another letter, grouped by the letter
    they become, then the marks it drops (replacement ""), and Russian ё. A search box
    folds its words with `normalize` and the stored names with these, so «احمد» finds
    «أحمد» and «ёлка» finds «елка». Digits are left out (names seldom hold them)."""
    groups: dict[str, str] = {}
    for c in map(chr, range(0x0600, 0x0700)):
        t = _normalize_ar(c)
        if t != c and not t.isdigit():
            groups[t] = groups.get(t, "") + c
    groups["е"] = "ё"
    return tuple((chars, target) for target, chars in groups.items())


_LATIN_LETTER = re.compile("[A-Za-z]")

# A token: a run of Arabic letters (with diacritics/tatweel inside), Latin letters,
# Cyrillic letters, Hangul syllables, or digits (with decimal separators). Hyphens and
# apostrophes join English words; hyphens join Russian ones (пресс-секретарь). Korean
# particles stay on their word (장관은): the Korean pack strips them. The leading lookahead
# (every alternative starts with one of its characters) rejects spaces and punctuation with
# one test instead of five: measured faster than the Arabic/Latin-only pattern it replaced.
TOKEN_RE = re.compile(
    r"(?=[\w\u0610-\u061a\u064b-\u065f\u0670\u0400-\u04ff])(?:"
    r"[\u0621-\u064a\u0671-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u0640]+"
    r"|[A-Za-z]+(?:['’\-][A-Za-z]+)*"
    r"|[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*"
    r"|[\uac00-\ud7a3]+"
    r"|[0-9٠-٩۰-۹]+(?:[.,٫][0-9٠-٩۰-۹]+)*"
    r")"
)

# Sentence ends: Latin/Arabic full stop, question marks, exclamation, and the ellipsis
# that Arabic headlines use ("..").
# An Arabic full stop glued to the next sentence («…فادحة.وذكرت الوزارة», pages that lost the
# space) ends it too when words of two or more letters stand on both sides: a dotted
# abbreviation («د.محمد»، «و.م.ع») has one-letter pieces.
# Every branch needs a sentence-ending mark just before the position or a newline at it:
# the guard in front tests that once per position, so the scan skips the other positions
# without trying the four branches at each (same matches, about twice as fast).
_SENT_END = re.compile(
    r"(?:(?<=[.!?؟…])|(?=\n))"
    r"(?:(?<=[.!?؟…])\s+|(?<=\.\.)(?!\.)\s*(?=\S)|\n+"
    r"|(?<=[\u0621-\u064a]{2}\.)(?=[\u0621-\u064a]{2}))"
)
# A masked quotation that itself ends a sentence (“Stop. Now.” Then ...): split after it
# when a capitalised English word follows; Arabic has no case, and there the attribution
# often follows the quote, so the quote is kept with it.
_QUOTE_END = re.compile(r"(?<=\x01)\s+(?=[A-Z])")
_TERMINAL = ".!?؟…"
# A line ending with one of these ends its paragraph (a closing quote after the full stop).
_PARAGRAPH_END = _TERMINAL + '»”"'
# Abbreviations after which a full stop does not end an English sentence.
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Sgt|Jr|Sr|U\.S|U\.N|No|vs|etc|e\.g|i\.e"
    r"|Gov|Sen|Rep|Capt|Maj|Adm|Cmdr|Supt|Insp)\.$"
)


def strip_diacritics(text: str) -> str:
    return _strip_diacritics(text)


def clean_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def to_ascii_digits(text: str) -> str:
    return _to_ascii_digits(text)


def normalize_ar(text: str) -> str:
    """Matching form of Arabic text: no diacritics/tatweel, one alef, ى→ي, ة→ه, ؤ/ئ→ء."""
    if _ZWNBSP in text:
        text = text.replace(_ZWNBSP, "")
    return _normalize_ar(text)


def normalize(text: str) -> str:
    """Matching form for any language: NFKC, Arabic normalisation, lower case (Latin and
    Cyrillic), Russian ё as е (most Russian print writes «е» for both)."""
    if len(text) <= _NORMALIZE_CACHE_CHARS:
        # Words and names are normalised again and again: those go through the cache.
        return normalize_token(text)
    if len(text) <= _SPLIT_CACHE_CHARS:
        # Sentences: the speaker rules and the frame cues normalise the same ones.
        return _normalize_sentence(text)
    return _normalize(text)


# Texts up to this long are normalised through `normalize_token`'s cache.
_NORMALIZE_CACHE_CHARS = 40


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if _ZWNBSP in text:  # normalize_ar inlined: this runs on every sentence and paragraph
        text = text.replace(_ZWNBSP, "")
    text = _normalize_ar(text).lower()
    return text.replace("ё", "е") if "ё" in text else text


# An article's sentences (a few dozen), for the analysers that follow the first: small, as
# sentences, unlike words, do not recur across articles.
_normalize_sentence = lru_cache(maxsize=512)(_normalize)


@lru_cache(maxsize=200_000)
def normalize_token(token: str) -> str:
    """`normalize` of one word, cached: analysers normalise the same words over and over
    (an article repeats its vocabulary; a corpus shares most of it)."""
    return _normalize(token)


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate the letters of the text, else 'en'. Text with
    neither (Hangul, Cyrillic, digits) is not Arabic: it is shown left to right."""
    sample = text[:5000]
    ar = len(_ARABIC_LETTER.findall(sample))
    la = len(_LATIN_LETTER.findall(sample))
    return "ar" if ar and ar >= la else "en"


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
    """Paragraphs are separated by blank lines, or by a single newline after a line that ends
    a sentence or stands alone (short); a long line ending mid-sentence is folded into the
    next. A block hard-wrapped at a fixed width is joined back into one paragraph.
    """
    body = clean_invisible(body.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = re.split(r"\n\s*\n", body)
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) == 1 or _hard_wrapped(lines):
            out.append(" ".join(lines))
            continue
        # Otherwise a line ends its paragraph when it ends a sentence or stands alone (short
        # lines: captions, lists, a dateline): pages copied without blank lines keep one
        # paragraph a line. A long line ending mid-sentence runs on into the next line.
        current: list[str] = []
        for ln in lines:
            current.append(ln)
            if len(ln) < 120 or ln[-1] in _PARAGRAPH_END:
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
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


# Quotations whose full stops do not end a sentence, and the placeholder that masks them.
_QUOTATION = re.compile(r"«[^«»]{0,2000}»|“[^“”]{0,2000}”")
_PLACEHOLDER = re.compile(r"\x00(\d+)[\x00\x01]")
_INITIAL = re.compile(r"\b[A-Z]\.$")
# An abbreviated month before a day number ("Feb. 6", "Aug. 28", AP style) ends no sentence.
_MONTH_ABBREV = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


def _tail_search(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """`pattern.search` for a pattern whose matches end at the end of the text (`$`) and are
    at most a few characters long: the search starts that many characters before the end
    (one more for the newline `$` may stand before) instead of trying the pattern at every
    position of the text. Same result: no match can start earlier, and word boundaries and
    look-behinds still see the characters before the start position."""
    if not pattern.pattern.endswith("$"):
        raise ValueError(f"not an end-anchored pattern: {pattern.pattern!r}")
    try:  # the regex parser is private: without it, the plain search
        width = re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
        if width >= re._constants.MAXREPEAT:
            raise ValueError(f"no bound on the pattern's width: {pattern.pattern!r}")
    except AttributeError:
        return pattern.search
    width += 1

    def search(text: str) -> re.Match[str] | None:
        return pattern.search(text, max(0, len(text) - width))

    return search


# The three end-anchored abbreviation tests of sentence splitting run on every piece that
# ends with a full stop.
_abbrev_at_end = _tail_search(_ABBREV)
_initial_at_end = _tail_search(_INITIAL)
_month_abbrev_at_end = _tail_search(_MONTH_ABBREV)
# split_sentences results are cached because the analysers (quotes, frames, dates) each
# split every paragraph of an article again; paragraphs longer than this are not kept,
# so the cache stays small (at most _SPLIT_CACHE_SIZE short paragraphs).
_SPLIT_CACHE_CHARS = 4000
_SPLIT_CACHE_SIZE = 2048


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (Arabic and English punctuation).

    Quoted passages inside «» are not split even when they contain full stops, so a
    direct quote stays attached to its attribution.
    """
    if len(paragraph) <= _SPLIT_CACHE_CHARS:
        return list(_split_sentences_cached(paragraph))  # a new list: callers may change it
    return _split_sentences(paragraph)


@lru_cache(maxsize=_SPLIT_CACHE_SIZE)
def _split_sentences_cached(paragraph: str) -> tuple[str, ...]:
    return tuple(_split_sentences(paragraph))


def _split_sentences(paragraph: str) -> list[str]:
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

    # The substitution (and below, the quote-end split) only when the characters they
    # need occur: most paragraphs have neither.
    masked = _QUOTATION.sub(_protect, text) if "«" in text or "“" in text else text
    # Pieces are kept as spans of the masked text, so that merging two of them back
    # (abbreviations, lower-case continuations) restores the original separator
    # exactly instead of inventing a space ("...according" stays one word).
    spans = _spans(_SENT_END, masked, 0, len(masked))
    if "\x01" in masked:
        spans = [span for a, b in spans for span in _spans(_QUOTE_END, masked, a, b)]
    parts: list[str] = []
    start: int | None = None  # start of the sentence being built
    last_start = -1  # start of the last sentence appended to parts
    for a, b in spans:
        piece = masked[a:b]
        if not piece.strip():
            continue
        # An English full stop followed by a lower-case word is an abbreviation
        # ("3 p.m. yesterday"), not a sentence end; so is a month's before its day ("Feb. 6").
        head = piece.lstrip()[:1]
        if (
            parts
            and start is None
            and (
                (head.islower() and head.isascii())
                or (head.isdigit() and _month_abbrev_at_end(parts[-1]))
            )
        ):
            parts.pop()
            start = last_start
        if start is None:
            start = a
        buf = masked[start:b].strip()
        # Both abbreviation patterns end in a full stop: test that first.
        if buf.endswith(".") and (_abbrev_at_end(buf) or _initial_at_end(buf)):
            continue
        parts.append(buf)
        last_start, start = start, None
    if start is not None:
        parts.append(masked[start:].strip())

    def _unprotect(s: str) -> str:
        if "\x00" not in s:
            return s
        return _PLACEHOLDER.sub(lambda m: protected[int(m.group(1))], s)

    return [_unprotect(p) for p in parts if p.strip()]


# TOKEN_RE as one capturing group: re.split yields gap, token, gap, token, ..., gap.
_TOKEN_PARTS_RE = re.compile(f"({TOKEN_RE.pattern})", TOKEN_RE.flags)


@lru_cache(maxsize=256)
def token_parts(text: str) -> tuple[str, ...]:
    """`text` split around its tokens: (gap, token, gap, token, ..., gap); the tokens
    (odd items) are TOKEN_RE.findall(text). Cached for the last paragraphs (one article's
    worth, a few MB at most): the keyword and event-name analysers both read every
    paragraph's tokens."""
    return tuple(_TOKEN_PARTS_RE.split(text))


def tokenize(text: str) -> list[str]:
    """Surface tokens with diacritics and tatweel removed (so words are not split at them)."""
    return [strip_diacritics(t) for t in TOKEN_RE.findall(clean_invisible(text))]


def iter_token_spans(text: str):
    """(start, end, surface) for each token, on the original string (for highlighting)."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)
