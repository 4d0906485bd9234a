"""Temporal expressions in article text, resolved against the publication date.

`extract_dates()` finds absolute dates (Gregorian with Egyptian/Gulf, Levantine/Iraqi,
Maghreb and English month names; Hijri with conversion; numeric), years and year ranges,
weekdays, relative days/weeks/months/years, durations ("قبل نحو 3 سنوات", "two years
ago"), rolling windows ("خلال السنوات الثلاث الماضية") and vague expressions ("قريبًا").

The language-independent engine lives here; each language pack's dates.py
(dashboard/analysis/languages/<code>/dates.py) supplies its patterns (`patterns(lexicon,
speed)`, given the words `date_lexicon` reads from the pack's dates_*.txt files) and the
engine compiles, gates and resolves them. A rule layer of precompiled regular expressions
does the work; dateparser is not used
(it turns bare years into days and misses most Arabic relative phrases, and was measured
to add nothing on top of these rules). Matching runs on a normalised copy of each sentence
(one alef, ي for ى, ه for ة, ASCII digits, no diacritics) whose characters map back to the
original, so `DateMention.text` is always the expression as written.

Conventions (documented because a reader of the timeline needs them):
- a week runs Monday..Sunday (ISO), so "الأسبوع الماضي" is the previous Monday..Sunday;
- a bare weekday ("الثلاثاء") is the most recent such day on or before publication (news
  reports the past), unless the sentence carries a future cue (سوف, من المقرر, will ...)
  or that day would lie five or six days back: then it is the coming one (one or two days
  ahead: an event ahead, or a page dated the day before its last update);
- «الجمعة» and «الاثنين» (Friday/Monday, also "assembly"/"the two") need a day cue
  (يوم, صباح/مساء, الماضي/المقبل) or commas around them («قال مسؤول، الاثنين، إن»);
  «الإثنين» spelled with hamza is taken as Monday;
- a deictic day or weekday written next to the date it names is one mention («أمس
  الثلاثاء 25 سبتمبر», "on Monday 29 July"), unless the two disagree;
- words that refer back to the narration («이날» that day, «전날», «на следующий день», «지난해
  같은 기간», «전 분기») count from the day or period last mentioned before them, not from
  publication (extract_dates, _resolve_anaphors);
- a weekend is Saturday..Sunday, the last one by publication unless said otherwise;
- a 4-digit number is a year only with a year cue (عام/سنة, في/منذ/حتى/خلال..., a month
  name, a range "من 1950 إلى 1953", "1950-1953", an event noun after it: "the 2024
  presidential election"); a bare year is never turned into a day;
- "since X" («منذ 2014», "since June", «منذ الأحد») names X itself, not the span from X
  to publication (the development set annotates the date named; the span is implied);
- a date without a year takes the publication year, moved one year back or forward when
  that brings it within six months of publication (or as الماضي/المقبل says);
- without a publication date, relative expressions keep start/end None, approximate True.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Protocol

from dashboard.analysis.languages import all_lines, all_packs, available_languages, get_pack
from dashboard.analysis.textproc import split_sentences, translator
from dashboard.model import DateMention

# --------------------------------------------------------------------------------------
# Offset-preserving normalisation: every character is either dropped or mapped to exactly
# one character, so a match on the normalised text maps back to the original span.

_DROPPED = "\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" + (
    "\u2066\u2067\u2068\u2069\ufeff\u00ad"
)
_DROPPED += "".join(chr(c) for c in range(0x0610, 0x061B))
_DROPPED += "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_DROPPED += "".join(chr(c) for c in range(0x06D6, 0x06EE))
_DROPPED_SET = frozenset(_DROPPED)
_TRANS = str.maketrans(
    {
        **dict.fromkeys(_DROPPED),
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "ء",
        "ئ": "ء",
        "–": "-",
        "—": "-",
        **{a: str(i % 10) for i, a in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")},
    }
)
_TANWEEN_FATH = "\u064b"


# The same map as a fast translate function (see textproc.translator).
_normalize = translator(_TRANS)


_DROPPED_RUN = re.compile(f"[{re.escape(_DROPPED)}]+")


def _orig_index(text: str, norm: str) -> list[int] | None:
    """Original index of each normalised character (None when nothing was dropped)."""
    if len(norm) == len(text):
        return None
    # The kept characters as ranges between runs of dropped ones: news text drops a few
    # marks per sentence (tanween, bidi controls), so this avoids a Python step per character.
    out: list[int] = []
    kept_from = 0
    for m in _DROPPED_RUN.finditer(text):
        out.extend(range(kept_from, m.start()))
        kept_from = m.end()
    out.extend(range(kept_from, len(text)))
    return out


def _norm_entry(s: str) -> str:
    return s.translate(_TRANS)


def _alt(words) -> str:
    """Regex alternation, longest first, spaces matching any whitespace run."""
    uniq = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


# --------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True)
class _Lex:
    """The date lexicon shared by every language: phrases that block a date reading (outlet
    names such as «اليوم السابع», "USA Today") and future cues, of every pack."""

    blockers: tuple[str, ...]
    future: tuple[str, ...]
    past: tuple[str, ...] = ()


@cache
def _lex() -> _Lex:
    return _Lex(
        blockers=tuple(_norm_entry(x) for x in all_lines("dates_blockers.txt")),
        future=tuple(_norm_entry(x) for x in all_lines("dates_future_cues.txt")),
        # Optional per pack: only packs that have the file (English so far).
        past=tuple(
            _norm_entry(x)
            for pack in all_packs()
            if pack.has_lexicon("dates_past_cues.txt")
            for x in pack.lines("dates_past_cues.txt")
        ),
    )


@cache
def _past_before() -> re.Pattern[str] | None:
    """A past reporting verb closing the text before a weekday («… said on», «… said»)."""
    past = _lex().past
    return re.compile(rf"(?<!\w)(?i:{_alt(past)})\s+(?:on\s+)?$") if past else None


@dataclass(frozen=True)
class DateLexicon:
    """One language's date words, read from its pack's dates_*.txt files and passed to the
    pack's `patterns(lexicon, speed)`. Entries are in normalised spelling (the spelling
    sentences are matched in), lower-cased unless the pack's `dates_cased` says its month,
    weekday and event words are matched as written (English "May", "March"); number words
    are always lower-cased (`_num` looks them up so).

    - months: Gregorian month name -> month; `strict_months` need a cue to be read alone;
    - hijri: Hijri month name -> month (dates_months.txt rows with calendar `hijri`);
    - weekdays: weekday name -> 0..6 (Monday 0); `strict_weekdays` need a day cue;
    - numbers / ordinals: number words (`card` / `ord` rows of dates_numbers.txt);
    - vague: vague expressions («قريبًا», "recently"); year_nouns: nouns a bare year names
      an instance of ("the 2024 election").
    """

    months: dict[str, int]
    strict_months: frozenset[str]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    strict_weekdays: frozenset[str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    vague: tuple[str, ...]
    year_nouns: tuple[str, ...]


@cache
def date_lexicon(language: str) -> DateLexicon:
    """The date words of one language pack (see DateLexicon)."""
    pack = get_pack(language)

    def key(word: str) -> str:
        word = _norm_entry(word)
        return word if pack.dates_cased else word.lower()

    def strict(f: tuple[str, ...], at: int) -> bool:
        return len(f) > at and f[at] == "strict"

    months: dict[str, int] = {}
    hijri: dict[str, int] = {}
    strict_months: set[str] = set()
    for f in pack.fields("dates_months.txt"):
        form = key(f[0])
        if len(f) > 2 and f[2] == "hijri":
            hijri[form] = int(f[1])
            continue
        months[form] = int(f[1])
        if strict(f, 3):
            strict_months.add(form)
    weekdays = {key(f[0]): int(f[1]) for f in pack.fields("dates_weekdays.txt")}
    strict_weekdays = {key(f[0]) for f in pack.fields("dates_weekdays.txt") if strict(f, 2)}
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for f in pack.fields("dates_numbers.txt"):
        target = ordinals if len(f) > 2 and f[2] == "ord" else numbers
        target[_norm_entry(f[0]).lower()] = int(f[1])
    return DateLexicon(
        months=months,
        strict_months=frozenset(strict_months),
        hijri=hijri,
        weekdays=weekdays,
        strict_weekdays=frozenset(strict_weekdays),
        numbers=numbers,
        ordinals=ordinals,
        vague=tuple(key(x) for x in pack.lines("dates_vague.txt")),
        year_nouns=tuple(key(x) for x in pack.lines("dates_year_nouns.txt")),
    )


# --------------------------------------------------------------------------------------
# Calendar helpers


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _week_span(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


_PAST, _NEXT, _CUR = "past", "next", "cur"


def _year_for(pub: date, month: int, day: int, qual: str | None) -> int:
    """Year of a date written without one ("19 يونيو", "يونيو الماضي")."""
    y = pub.year
    key = (month, day or 0)
    here = (pub.month, pub.day if day else 0)
    if qual == _PAST:
        return y if key <= here and (day or month < pub.month) else y - 1
    if qual == _NEXT:
        return y if key >= here and (day or month > pub.month) else y + 1
    if qual == _CUR:
        return y
    # No qualifier: the publication year, rolled over when that is > ~6 months away.
    best = y
    for cand in (y - 1, y + 1):
        if abs(_ref_day(cand, month, day) - pub) < abs(_ref_day(best, month, day) - pub):
            best = cand
    return best


def _ref_day(y: int, month: int, day: int) -> date:
    if day and _valid_day(y, month, day):
        return date(y, month, day)
    return date(y, month, 15)


def _weekday_date(pub: date, wd: int, mode: str) -> date:
    """mode: 'past' strictly before, 'next' strictly after, 'onbefore', 'onafter'."""
    delta = (pub.weekday() - wd) % 7
    if mode == "past":
        return pub - timedelta(days=delta or 7)
    if mode == "onbefore":
        return pub - timedelta(days=delta)
    ahead = (wd - pub.weekday()) % 7
    if mode == "next":
        return pub + timedelta(days=ahead or 7)
    return pub + timedelta(days=ahead)


def _shift(pub: date, unit: str, n: int) -> tuple[date, date, str]:
    """Calendar unit containing pub shifted by n units (n<0: ago)."""
    if unit == "day":
        d = pub + timedelta(days=n)
        return d, d, "day"
    if unit == "week":
        return (*_week_span(pub + timedelta(weeks=n)), "week")
    if unit == "month":
        d = _add_months(pub, n)
        return (*_month_span(d.year, d.month), "month")
    if unit == "decade":
        return (*_year_span(pub.year + 10 * n), "year")
    return (*_year_span(pub.year + n), "year")


def _rolling(pub: date, unit: str, n: int) -> date:
    """pub moved by n units (signed), day-exact, for rolling windows."""
    if unit == "hour":
        return pub + timedelta(days=(abs(n) // 24) * (1 if n > 0 else -1))
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return pub + timedelta(weeks=n)
    if unit == "month":
        return _add_months(pub, n)
    if unit == "decade":
        return _add_years(pub, 10 * n)
    return _add_years(pub, n)


# --------------------------------------------------------------------------------------
# Candidates


@dataclass
class _Cand:
    s: int
    e: int
    start: date | None
    end: date | None
    gran: str
    approx: bool = False
    vague: bool = False
    pre: str = ""  # cue word before the expression (من, بين, from, between, منذ, since)
    since: bool = False
    month: int = 0  # for a year-less date, to re-resolve it inside a range
    day: int = 0
    has_year: bool = True
    partner: bool = False  # only valid as the first end of a range («من يناير إلى مارس»)
    # A day named by reference to the day the text narrates («이날», that day): resolved by
    # extract_dates to the last day mentioned before it (see _resolve_anaphors) plus this
    # offset; None for every other expression.
    anaphor: int | None = None
    # A day the narration may refer back to: a plain dated day («23일», «6월 19일»), not a
    # qualified one («지난달 24일», «오는 6일»); preferred by _resolve_anaphors.
    anchor: bool = False
    # «지난해 같은 기간» (the same period last year, -12), «전 분기» (the quarter before, -3):
    # the period last mentioned (a quarter, a half, a month) moved by this many months; as
    # the rule resolved it when none was.
    same_period: int | None = None
    # A weekday's number (Monday 0), for a weekday named right after a date ("October 27,
    # Thursday"); None for every other expression.
    wd: int | None = None


# What extract_dates needs of a mention beyond its DateMention: (anaphor, anchor,
# same_period) of its candidate.
_Mark = tuple[int | None, bool, int | None]


@dataclass
class _Ctx:
    pub: date | None
    norm: str
    orig: str
    future_re: re.Pattern[str] | None = None
    # Without a publication date: the years the text mentions, most mentioned first (for the
    # year of a year-less date written with its weekday, see _check_weekday).
    years: tuple[int, ...] = ()
    _future: bool | None = None
    _idx: list[int] | None = None
    _idx_done: bool = False

    @property
    def future(self) -> bool:
        """Whether the sentence has a future cue (searched only when a bare weekday asks)."""
        if self._future is None:
            self._future = bool(self.future_re and self.future_re.search(self.norm))
        return self._future

    @property
    def idx(self) -> list[int] | None:
        if not self._idx_done:  # built only for sentences that produced a candidate
            self._idx, self._idx_done = _orig_index(self.orig, self.norm), True
        return self._idx

    def orig_pos(self, i: int) -> int:
        return self.idx[i] if self.idx is not None else i

    def orig_text(self, s: int, e: int) -> str:
        """Original text of a normalised span, with marks dropped after its last letter."""
        start, tail = self.orig_pos(s), self.orig_pos(e - 1) + 1
        while tail < len(self.orig) and self.orig[tail] in _DROPPED_SET:
            tail += 1
        return self.orig[start:tail]


_Rule = Callable[[re.Match[str], _Ctx], list[_Cand]]
# A rule runs on a sentence only when one of its anchor words (clitics stripped) or one of
# its digit anchors (below) occurs in it: most sentences then run no pattern at all. The
# optional gate (built only for the fast engine, see _Speed) is a further condition.
_RuleSpec = tuple[re.Pattern[str], _Rule, set[str], "re.Pattern[str] | None"]


@dataclass(frozen=True)
class _Speed:
    """Speed-only rewrites of the rule patterns; `_engine(lang, fast=False)` leaves them out.

    Neither changes a single match (tests/test_dates_fastpaths.py compares both engines):
    - start guard: a pattern that opens with optional cue words ("(?:(?<!\\w)في\\s+)?...")
      makes the regex engine enter every optional group at every character of the
      sentence. When every way a match can begin is itself behind `(?<!\\w)` (or begins
      with one of the few literals in `also`), a leading lookaround with that same
      condition rejects the in-word positions at once; it consumes nothing and captures
      nothing, so matches are unchanged.
    - gate: a part of the pattern that every match contains (mostly its required tail);
      one search for it skips a rule whose anchor word occurs in the sentence in an
      unrelated sense («يوم», «شهر», "week"), which is most runs of some rules.
    """

    on: bool

    def start(self, source: str, also: str = "") -> str:
        if not self.on:
            return source
        return (rf"(?=(?<!\w)|{also})" if also else r"(?<!\w)") + source

    def gate(self, source: str, flags: int = 0) -> re.Pattern[str] | None:
        return re.compile(source, flags) if self.on else None


_WORD_RE = re.compile(r"[^\W\d_]+")
_DIGIT_RE = re.compile(r"\d")
# Digit anchors: text without which a rule's pattern cannot match (each is a part of the
# pattern that is not optional). Their short searches are much cheaper than the patterns,
# whose optional cue words are tried at every position of a sentence; they run only when
# the sentence has a digit, which each of them needs.
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_HIJRI_YEAR_TAIL = r"(?P<year>1[2-5]\d\d)\s*(?:هجريه|هجري|للهجره|ه)(?!\w)"
_DIGIT = "<digit>"
_YEAR_DIGITS = "<year>"  # a Gregorian year, in every year pattern
_HIJRI_DIGITS = "<hijri-digits>"  # the Hijri year that a Hijri month date requires
_HIJRI_YEAR = "<hijri-year>"  # a Hijri year with its suffix («1445 هـ»)
_NUMERIC = "<numeric>"  # two numbers joined by / . or - («19/6/2024»)
_DIGIT_ANCHORS = {
    _DIGIT: _DIGIT_RE,
    _YEAR_DIGITS: re.compile(_YEAR),
    _HIJRI_DIGITS: re.compile(r"1[2-5]\d\d"),
    _HIJRI_YEAR: re.compile(_HIJRI_YEAR_TAIL),
    _NUMERIC: re.compile(r"\d[/.\-]\d"),
}
_FUNCTION_WORDS = {"في", "منذ", "قبل", "عما", "حتي", "وقت", "in", "the", "at", "a"}


def _stems(word: str) -> list[str]:
    """The word and its forms without و/ف, ب/ل/ك and the article (cheap clitic stripping)."""
    out = [word]
    if len(word) > 3 and word[0] in "وف":
        out.append(word[1:])
    for v in tuple(out):
        if v.startswith(("ال", "لل")):
            out.append(v[2:])
        elif len(v) > 3 and v[0] in "بلك":
            out.append(v[1:])
            if v[1:].startswith("ال"):
                out.append(v[3:])
    return out


def _content_words(phrases) -> set[str]:
    words = {_stems(w.lower())[-1] for p in phrases for w in _WORD_RE.findall(p)}
    return words - _FUNCTION_WORDS


_APPROX_AR = {"مطلع", "اواءل", "اواخر", "اواسط", "منتصف", "نهايه", "بدايه", "حوالي", "نحو"}
_APPROX_EN = {"early", "mid", "late", "end of", "beginning of", "the end of", "the beginning of"}
# Counted nouns after a number: "في 2019 حالة" / "1950 قطعة" are counts, not years.
_NOT_YEAR_AFTER = (
    r"(?!\s*(?:%|٪|الف|مليون|مليار|دولار|يورو|جنيه|ريال|درهم|شخص|اشخاص|قتيل|جريح|جندي|"
    r"مقاتل|طن|كيلو|متر|ميل|قطعه|صاروخ|طاءره|دبابه|مدني|مواطن|لاجء|طفل|امراه|"
    r"percent|people|troops|soldiers|dollars|tons|km|miles)(?!\w))"
)


def _mk(ctx: _Ctx, m: re.Match[str], start, end, gran, **kw) -> _Cand:
    return _Cand(m.start(), m.end(), start, end, gran, **kw)


def _absolute(
    ctx: _Ctx,
    m,
    y: int | None,
    mo: int,
    d: int,
    d2: int,
    qual,
    pre: str,
    approx: bool,
    since: bool = False,
) -> list[_Cand]:
    """Month-name date: day, day range or whole month; year optional."""
    pub = ctx.pub
    has_year = y is not None
    if y is None:
        if pub is None:
            gran = "day" if d else "month"
            return [
                _mk(ctx, m, None, None, gran, approx=True, pre=pre, month=mo, day=d, has_year=False)
            ]
        if since and qual is None:
            # «منذ سبتمبر» / "since September": the latest one that began by publication.
            y = pub.year if (mo, d or 1) <= (pub.month, pub.day) else pub.year - 1
        else:
            y = _year_for(pub, mo, d, qual)
    if d:
        if not _valid_day(y, mo, d) or (d2 and (d2 <= d or not _valid_day(y, mo, d2))):
            return []
        start = date(y, mo, d)
        end = date(y, mo, d2) if d2 else start
        gran = "range" if d2 else "day"
    else:
        start, end = _month_span(y, mo)
        gran = "month"
    return [
        _mk(
            ctx,
            m,
            start,
            end,
            gran,
            approx=approx,
            pre=pre,
            month=mo,
            day=d,
            has_year=has_year,
        )
    ]


def _check_weekday(
    cands: list[_Cand], m: re.Match[str], wd: int | None, ctx: _Ctx | None = None
) -> list[_Cand]:
    """A weekday written before a date belongs to it only when it is that date's weekday.

    Otherwise (a list, or a wrong weekday) the date starts after it and the weekday is
    matched on its own. Without a publication date, a year-less date with its weekday
    («يوم الثلاثاء 26 نوفمبر», "Monday 29 July") takes the year, next to one the text
    mentions, in which it falls on that weekday (`ctx.years`).
    """
    if wd is None:
        return cands
    for c in cands:
        if c.start is None and c.day and c.month and not c.has_year and ctx and ctx.years:
            day = _weekday_year(c.month, c.day, wd, ctx.years)
            if day is not None:
                c.start = c.end = day
                c.approx = False
    for c in cands:
        if c.start is None or not c.day or c.start.weekday() != wd:
            c.s = m.end("wdp")
    return cands


class _NumberWords(Protocol):
    """A language's date lexicon: number words -> value."""

    numbers: dict[str, int]


# One word, after an optional dateline «CITY -» («بغداد- العراق اليوم:»; a tatweel dash
# «واشنطن ـ» is dropped by the normalisation and leaves two spaces).
_ONE_WORD = re.compile(r"\s*(?:[\w.]+\s*-\s*|[\w.]+\s\s+)?[\w.]+\s*")
_NAME_GOES_ON = re.compile(r"\s*(?:[-|:]|[A-Z]|$)")


def _names_an_outlet(ctx: _Ctx, m: re.Match[str]) -> bool:
    """A "today" that ends an outlet's or a page section's name («بغداد اليوم- متابعة»,
    «السوري اليوم», "Mangalore Today News Network"): one word before it in the sentence
    (after a dateline «CITY -» at most), and
    after it nothing, a dash or a capitalised word (the name going on)."""
    return bool(
        _ONE_WORD.fullmatch(ctx.norm, 0, m.start()) and _NAME_GOES_ON.match(ctx.norm, m.end())
    )


def _num(s: str, lx: _NumberWords) -> int:
    s = re.sub(r"\s+", " ", s)
    return int(s) if s.isdigit() else lx.numbers.get(s.lower(), 0)


def _said_before(ctx: _Ctx, m) -> bool:
    """«X said on Monday the bank will …»: the weekday dates the (past) saying."""
    past = _past_before()
    return bool(past and past.search(ctx.norm, 0, m.start()))


def _weekday_cand(
    ctx: _Ctx, m, wdn: int, qual: str | None, since: bool, back_limit: int = 7
) -> _Cand:
    """A weekday resolved against publication. back_limit: how many days back a bare one
    may lie (a pack's choice); one further back is taken as the coming one."""
    pub = ctx.pub
    if pub is None:
        return _mk(ctx, m, None, None, "day", approx=True, wd=wdn)
    if qual == _PAST:
        mode = "past"
    elif qual == _NEXT:
        mode = "next"
    else:
        mode = "onafter" if ctx.future and not _said_before(ctx, m) else "onbefore"
        if not since and mode == "onbefore" and (pub.weekday() - wdn) % 7 >= back_limit:
            mode = "onafter"
    d = _weekday_date(pub, wdn, mode)
    return _mk(ctx, m, d, d, "day", wd=wdn)  # «منذ الأحد», "since Sunday" name that Sunday


def _relunit_cand(ctx: _Ctx, m, unit: str, qual: str, pre: str, since: bool = False) -> _Cand:
    pub = ctx.pub
    approx = pre in _APPROX_AR or pre in _APPROX_EN or pre in ("earlier", "later")
    if pub is None:
        return _mk(ctx, m, None, None, unit, approx=True)
    n = {_PAST: -1, _NEXT: 1}.get(qual, 0)
    start, end, gran = _shift(pub, unit, n)
    return _mk(ctx, m, start, end, gran, approx=approx)  # "since last year" names that year


def _part_of_year(
    ctx: _Ctx,
    m,
    size: int,
    n: int,
    year: int | None,
    qual: str | None,
    pre: str,
    approx: bool,
    since: bool,
) -> list[_Cand]:
    """Quarter (size 3) or half (size 6) number n of a year (n 0: the last one).

    Without a written year it is in the publication year, or the one before/after.
    """
    n = n or 12 // size
    if n > 12 // size:
        return []
    if year is None:
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "range", approx=True, pre=pre, since=since)]
        year = ctx.pub.year + {_PAST: -1, _NEXT: 1}.get(qual or "", 0)
    start = date(year, size * (n - 1) + 1, 1)
    end = _month_span(year, size * n)[1]
    return [_mk(ctx, m, start, end, "range", approx=approx, pre=pre, since=since)]


def _duration_cand(ctx: _Ctx, m, unit: str, n: int, hedged: bool) -> _Cand:
    pub = ctx.pub
    approx = hedged or unit == "decade"
    if pub is None:
        gran = {"hour": "day", "decade": "year"}.get(unit, unit)
        return _mk(ctx, m, None, None, gran, approx=True)
    if unit == "hour":
        d = _rolling(pub, "hour", n)
        return _mk(ctx, m, d, d, "day", approx=True)
    start, end, gran = _shift(pub, unit, n)
    return _mk(ctx, m, start, end, gran, approx=approx)


def _rolling_cand(
    ctx: _Ctx, m, unit: str, n: int, future: bool, count_last_day: bool = False
) -> _Cand:
    """A window back from (or ahead of) publication. count_last_day (a pack's choice): a
    window of n days back is n calendar days ending on publication ("the past three days":
    18, 19 and 20 June), one day the 24 hours across yesterday and today."""
    if not n:
        return _mk(ctx, m, None, None, "vague", approx=True, vague=True)
    pub = ctx.pub
    if pub is None:
        return _mk(ctx, m, None, None, "range", approx=True)
    if future:
        return _mk(ctx, m, pub, _rolling(pub, unit, n), "range", approx=True)
    if unit == "day" and count_last_day:
        return _mk(ctx, m, pub - timedelta(days=max(n - 1, 1)), pub, "range", approx=True)
    return _mk(ctx, m, _rolling(pub, unit, -n), pub, "range", approx=True)


def _weekend_cand(ctx: _Ctx, m, qual: str | None) -> _Cand:
    """A weekend (Saturday and Sunday): the last one on or before publication, the next one
    with «следующих», "next" or a future cue in the sentence, the current one when
    publication falls on it and the text says «этих», "this"."""
    pub = ctx.pub
    if pub is None:
        return _mk(ctx, m, None, None, "range", approx=True)
    if qual is None:
        qual = _NEXT if ctx.future else _PAST
    if qual == _CUR:
        qual = _PAST if pub.weekday() >= 5 else _NEXT
    if qual == _NEXT:
        sat = pub + timedelta(days=(5 - pub.weekday()) % 7)
    else:
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    return _mk(ctx, m, sat, sat + timedelta(days=1), "range")


# ---- Dates in English words on pages of any language ----------------------------------


def _page_stamp_spec(stamp_language: str) -> _RuleSpec:
    """ "26th, September 2023", "Aug 1, 2024": page stamps written in another language
    (English on most pages) than the article's. Day, month and year all written (nothing to
    resolve)."""
    months = date_lexicon(stamp_language).months
    mon = _alt(months)
    pattern = re.compile(
        rf"(?<![\w.,])(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<m>{mon})\.?,?"
        rf"|(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,)\s*(?P<y>{_YEAR})(?!\d)"
    )

    def rule(m: re.Match[str], ctx: _Ctx) -> list[_Cand]:
        name, d = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
        return _absolute(ctx, m, int(m["y"]), months[name], int(d), 0, None, "", False)

    return (pattern, rule, {w.lower() for w in months}, None)


# ---- Numeric dates (any language) ------------------------------------------------------

_NUMERIC_RE = re.compile(
    r"(?<![\w/.\-])(?:(?P<y0>(?:19|20)\d\d)(?P<sep0>[/.\-])(?P<m0>\d{1,2})(?P=sep0)(?P<d0>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d))(?!\w|[/.\-]\d)"
)
# Both branches contain a digit, a separator, one or two digits, a separator and a digit.
_NUMERIC_GATE = r"\d[/.\-]\d\d?[/.\-]\d"


def _numeric_rule(m: re.Match[str], ctx: _Ctx, day_first: bool) -> list[_Cand]:
    if m["y0"]:
        y, mo, d = int(m["y0"]), int(m["m0"]), int(m["d0"])
    else:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # Arabic and European sources write day/month; English (US) month/day unless the
        # first number cannot be a month.
        d, mo = (a, b) if day_first or a > 12 else (b, a)
    if not _valid_day(y, mo, d):
        return []
    return [_mk(ctx, m, date(y, mo, d), date(y, mo, d), "day")]


# --------------------------------------------------------------------------------------
# Compiled engine


@dataclass(frozen=True)
class _Engine:
    rules: tuple[tuple[re.Pattern[str], _Rule], ...]
    anchors: dict[str, tuple[int, ...]]  # anchor word -> indexes of the rules it enables
    digit_anchors: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]  # pattern -> rules
    blockers: re.Pattern[str] | None
    future: re.Pattern[str] | None
    gates: tuple[re.Pattern[str] | None, ...] = ()  # per rule, see _Speed
    chunked: bool = False  # memo keyed by whitespace-separated chunks rather than words
    # Fast engine: every blocker match contains its phrase's last word, so a sentence with
    # none of them has no blocker match. Arabic words are uncased, so `in` tests them exactly
    # as the case-insensitive pattern does; the others keep a case-insensitive pattern.
    blocker_words: tuple[str, ...] | None = None
    blocker_cased: re.Pattern[str] | None = None

    def may_block(self, norm: str) -> bool:
        if self.blocker_words is None:
            return True
        if any(w in norm for w in self.blocker_words):
            return True
        return bool(self.blocker_cased and self.blocker_cased.search(norm))

    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def rules_for(self, norm: str) -> list[int]:
        """Indexes (in rule order) of the rules whose anchors occur in the sentence."""
        hit: set[int] = set()
        if _DIGIT_RE.search(norm):
            for pattern, rules in self.digit_anchors:
                if pattern.search(norm):
                    hit.update(rules)
        if self.chunked:
            # No word spans whitespace, so the sentence's words are those of its
            # whitespace-separated chunks, and str.split() costs a fraction of the word regex.
            keys = set(norm.split())
            found = list(map(self.memo.get, keys))  # lookups in C: every chunk of every sentence
            if None in found:
                self._learn_chunks([k for k, f in zip(keys, found, strict=True) if f is None])
                found = list(map(self.memo.__getitem__, keys))
        else:
            keys = set(_WORD_RE.findall(norm))
            found = list(map(self.memo.get, keys))
            if None in found:
                found = [
                    f if f is not None else self._word_rules(k)
                    for k, f in zip(keys, found, strict=True)
                ]
        hit.update(*found)
        gates = self.gates
        return [i for i in sorted(hit) if gates[i] is None or gates[i].search(norm)]

    def _word_rules(self, word: str) -> tuple[int, ...]:
        if len(self.memo) > 200_000:  # news vocabulary repeats; keep the memo bounded
            self.memo.clear()
        self.memo[word] = tuple(self._stem_rules(word))
        return self.memo[word]

    def _learn_chunks(self, chunks: list[str]) -> None:
        """Memo entries for chunks not seen before (one loop: new vocabulary is common)."""
        memo, anchors = self.memo, self.anchors
        if len(memo) + len(chunks) > 200_000:
            memo.clear()
        for chunk in chunks:
            if chunk.isalpha():  # the usual chunk: one word, no need for the word regex
                lw = chunk.lower()
                # Each stem is the word less at most four leading letters: most new words
                # have no such suffix among the anchors and need no stemming.
                if (
                    lw in anchors
                    or lw[1:] in anchors
                    or lw[2:] in anchors
                    or lw[3:] in anchors
                    or lw[4:] in anchors
                ):
                    memo[chunk] = tuple(self._stem_rules(chunk))
                else:
                    memo[chunk] = ()
            else:
                found: set[int] = set()
                for word in _WORD_RE.findall(chunk):
                    found.update(self._stem_rules(word))
                memo[chunk] = tuple(found)

    def _stem_rules(self, word: str) -> set[int]:
        found: set[int] = set()
        for stem in _stems(word.lower()):
            found.update(self.anchors.get(stem, ()))
        return found


@cache
def _engine(language: str, fast: bool = True) -> _Engine:
    """The rules for a language; fast=False builds them without the _Speed rewrites."""
    lx = _lex()
    speed = _Speed(fast)
    specs: list[_RuleSpec] = []
    # One language's rules, or (for a language without a pack) every pack's, in code order.
    packs = [get_pack(language)] if language in available_languages() else list(all_packs())
    # Numeric dates are day first unless the one language says otherwise (US English).
    day_first = packs[0].day_first if len(packs) == 1 else True
    for pack in packs:
        specs += pack.date_rules.patterns(date_lexicon(pack.code), speed)
    stamp_language = packs[0].page_stamp_language if len(packs) == 1 else ""
    if stamp_language in available_languages():
        specs.append(_page_stamp_spec(stamp_language))
    specs.append(
        (
            _NUMERIC_RE,
            lambda m, ctx: _numeric_rule(m, ctx, day_first),
            {_NUMERIC},
            speed.gate(_NUMERIC_GATE),
        )
    )
    anchors: dict[str, list[int]] = {}
    for i, (_, _, words, _) in enumerate(specs):
        for w in words:
            anchors.setdefault(w, []).append(i)
    digit_anchors = tuple(
        (pattern, tuple(anchors[name]))
        for name, pattern in _DIGIT_ANCHORS.items()
        if name in anchors
    )
    blockers = re.compile(rf"(?i:{_alt(lx.blockers)})") if lx.blockers else None
    last_words = {(b.split() or [""])[-1] for b in lx.blockers}
    uncased = {w for w in last_words if all("\u0600" <= c <= "\u06ff" for c in w)}
    cased = last_words - uncased
    future = re.compile(rf"(?<!\w)(?i:{_alt(lx.future)})(?!\w)") if lx.future else None
    return _Engine(
        tuple((p, r) for p, r, _, _ in specs),
        {k: tuple(v) for k, v in anchors.items()},
        digit_anchors,
        blockers,
        future,
        tuple(g for *_, g in specs),
        chunked=fast,
        blocker_words=tuple(sorted(uncased)) if fast else None,
        blocker_cased=re.compile(rf"(?i:{_alt(cased)})") if fast and cased else None,
    )


_RANGE_CUES = ("من", "بين", "منذ", "from", "between", "since")


def _opens_range(pre: str) -> bool:
    """Whether a cue opens a range: «من», «ابتداءً من», «اعتبارًا من», "from", "since"."""
    return bool(pre) and pre.split()[-1] in _RANGE_CUES


_RANGE_START = re.compile(r"\s*(?:-|الي|حتي|و)\s*\S")
_RANGE_CONN = re.compile(r"\s*(?:-|/|(?:و\s*)?(?:الي|حتي)|و|(?i:to|until|till|through|and))\s*")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.e - c.s), c.s)):
        if all(c.e <= o.s or c.s >= o.e for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.s)


def _combine_ranges(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """«من يناير إلى مارس 2024», "from June 3 to June 5": two dates joined into one range."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if (
            b is not None
            and _opens_range(a.pre)
            and not (a.vague or b.vague)
            and a.start
            and b.end
            and _RANGE_CONN.fullmatch(ctx.norm[a.e : b.s])
            and b.gran in ("day", "month", "year", "range")
        ):
            start = a.start
            if not a.has_year and b.has_year and a.month:
                y = b.end.year - (1 if (a.month, a.day) > (b.end.month, b.end.day) else 0)
                if _valid_day(y, a.month, a.day or 1):
                    start = date(y, a.month, a.day or 1)
            if start <= b.end:
                out.append(_Cand(a.s, b.e, start, b.end, "range", a.approx or b.approx))
                i += 2
                continue
        if not a.partner:
            out.append(a)
        i += 1
    return out


_SAME_DAY_GAP = re.compile(r"[\s,،]*")


def _weekday_year(month: int, day: int, wd: int, years: tuple[int, ...]) -> date | None:
    """The day `month`/`day` in a year within one of a year the text mentions in which it
    falls on weekday `wd`, nearest the most mentioned year; None when none fits."""
    best: tuple[int, date] | None = None
    for ref in years:
        for y in (ref - 1, ref, ref + 1):
            if not _valid_day(y, month, day):
                continue
            d = date(y, month, day)
            if d.weekday() == wd and (best is None or abs(y - years[0]) < best[0]):
                best = (abs(y - years[0]), d)
    return best[1] if best else None


_TEXT_YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/]\d)")


def _text_years(paragraphs: list[str]) -> tuple[int, ...]:
    """The years written in the paragraphs, most mentioned first (ties: the later)."""
    counts: dict[int, int] = {}
    for para in paragraphs:
        for m in _TEXT_YEAR_RE.finditer(_normalize(para)):
            y = int(m.group(1))
            counts[y] = counts.get(y, 0) + 1
    return tuple(sorted(counts, key=lambda y: (-counts[y], -y)))


def _merge_same_day(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """A deictic day, weekday or relative period written next to the date it names is one
    mention: «أمس الثلاثاء 25 سبتمبر», «в понедельник, 8 апреля», «지난달 24일», "on Monday
    29 July" (the date resolves it; without a publication date it still is one mention).
    Not when the two disagree (a list of days, a weekday of another date), nor when the date
    opens a range («من 5 يونيو إلى …»)."""
    out: list[_Cand] = []
    for b in cands:
        a = out[-1] if out else None
        if (
            a is not None
            and b.gran == "day"
            and a.gran in ("day", "week", "month")
            and not a.month  # a named date is not deictic: "5 June, 6 June" stays two
            and not (a.vague or b.vague or a.partner or b.partner or a.since or b.since)
            and not _opens_range(b.pre)
            and _SAME_DAY_GAP.fullmatch(ctx.norm, a.e, b.s)
            # Unresolved (no publication date) they cannot disagree.
            and (a.start is None or b.start is None or a.start <= b.start <= b.end <= a.end)
        ):
            out[-1] = _Cand(
                a.s,
                b.e,
                b.start or a.start,
                b.end or a.end,
                "day",
                b.approx if b.start else a.approx,
                pre=a.pre,
            )
            continue
        if (
            a is not None
            and b.wd is not None
            and a.gran == "day"
            and a.month
            and a.day
            and not (a.partner or a.since)
            and _SAME_DAY_GAP.fullmatch(ctx.norm, a.e, b.s)
            and (a.start is None or a.start.weekday() == b.wd)
        ):
            a.e = b.e  # "October 27, Thursday": the weekday names the date before it
            continue
        out.append(b)
    return out


def _sentence_mentions(
    sentence: str,
    paragraph: int,
    pub: date | None,
    eng: _Engine,
    marks: list[_Mark] | None = None,
    years: tuple[int, ...] = (),
) -> list[DateMention]:
    """The dates of one sentence. With `marks`, each mention's _Mark is appended
    to it, for extract_dates to resolve «이날» and the like across sentences; `years`: the
    text's years, when there is no publication date (see _Ctx.years)."""
    norm = _normalize(sentence)
    active = eng.rules_for(norm)
    if not active:
        return []
    ctx = _Ctx(pub, norm, sentence, eng.future, years=years)
    cands: list[_Cand] = []
    for i in active:
        pattern, rule = eng.rules[i]
        for m in pattern.finditer(norm):
            if m.end() > m.start():
                cands.extend(rule(m, ctx))
    if not cands:
        return []
    if eng.blockers is not None and eng.may_block(norm):
        blocked = [(b.start(), b.end()) for b in eng.blockers.finditer(norm)]
        cands = [c for c in cands if not any(s <= c.s and c.e <= e for s, e in blocked)]
    chosen = _merge_same_day(_combine_ranges(_select(cands), ctx), ctx)
    out: list[DateMention] = []
    for c in chosen:
        s, e = c.s, c.e
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1] in " \t,،":
            e -= 1
        if norm[s] in "وف" and any(p.fullmatch(norm[s + 1 : e]) for p, _ in eng.rules):
            s += 1  # «وفي 2019» is shown as «في 2019»: the conjunction is not part of it
        out.append(
            DateMention(
                text=ctx.orig_text(s, e),
                start=c.start.isoformat() if c.start else None,
                end=c.end.isoformat() if c.end else None,
                granularity=c.gran,
                approximate=c.approx or (c.start is None and not c.vague),
                paragraph=paragraph,
                sentence=sentence,
                vague=c.vague,
            )
        )
        if marks is not None:
            marks.append((c.anaphor, c.anchor, c.same_period))
    return out


def _resolve_anaphors(
    mentions: list[DateMention], marks: list[_Mark], pub: date | None = None
) -> list[DateMention]:
    """«이날» (that day), «на следующий день» (the next day): counted from the day last
    narrated before it, not from publication. The last plain dated day («7일», «6월 19일»)
    wins over a qualified one («지난달 24일», «오는 6일», often a side remark) or a short
    span such as a weekend (its last day); without any it stays as the rule resolved it.
    «지난해 같은 기간» (last year's same period) names a period of the year before
    publication: it counts from the last period of the publication year when there is one
    (not from a side remark «2022년 3분기 이후 최대» between them)."""
    last_anchor: str | None = None
    last_day: str | None = None
    last_period: tuple[date, date] | None = None
    last_pub_year_period: tuple[date, date] | None = None
    for m, (anaphor, anchor, same_period) in zip(mentions, marks, strict=True):
        if same_period is not None and last_period is not None:
            start, end = last_period
            if same_period == -12 and last_pub_year_period is not None:
                start, end = last_pub_year_period
            m.start = _add_months(start, same_period).isoformat()
            m.end = _month_span(*_ym(_add_months(end.replace(day=1), same_period)))[1].isoformat()
            m.granularity = "range" if (end - start).days > 31 else "month"
            m.approximate = False
            continue
        if anaphor is not None:
            ref = last_anchor or last_day
            if ref is not None:
                d = date.fromisoformat(ref) + timedelta(days=anaphor)
                m.start = m.end = d.isoformat()
                m.approximate = False
        if m.start is None or m.end is None:
            # A day or period that could not be resolved is still the one narrated: what
            # refers back to it stays unresolved rather than taking an older one.
            if m.granularity == "day":
                last_anchor = last_day = None
            elif m.granularity in ("month", "range") and not m.vague:
                last_period = None
            continue
        if m.granularity == "day" and m.start == m.end:
            last_day = m.end
            if anchor:
                last_anchor = m.end
        else:
            span = date.fromisoformat(m.end) - date.fromisoformat(m.start)
            if m.granularity == "range" and span <= timedelta(days=6):
                last_day = m.end
            elif m.granularity in ("month", "range") and span <= timedelta(days=186):
                last_period = date.fromisoformat(m.start), date.fromisoformat(m.end)
                if pub is not None and last_period[0].year == pub.year:
                    last_pub_year_period = last_period
    return mentions


def extract_dates(
    paragraphs: list[str], published_at: date | None, language: str
) -> list[DateMention]:
    """All temporal expressions in the paragraphs, in reading order.

    language: a language pack's code, or anything else to try every pack's rules.
    """
    lang = language if language in available_languages() else "any"
    eng = _engine(lang)
    out: list[DateMention] = []
    marks: list[_Mark] = []
    years = _text_years(paragraphs) if published_at is None else ()
    for p_i, para in enumerate(paragraphs):
        for sent in split_sentences(para):
            out.extend(_sentence_mentions(sent, p_i, published_at, eng, marks, years))
    if any(a is not None or p is not None for a, _, p in marks):
        _resolve_anaphors(out, marks, published_at)
    return out
