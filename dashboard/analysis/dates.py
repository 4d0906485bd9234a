"""Temporal expressions in article text, resolved against the publication date.

`extract_dates()` finds absolute dates (Gregorian with Egyptian/Gulf, Levantine/Iraqi,
Maghreb and English month names; Hijri with conversion; numeric), years and year ranges,
weekdays, relative days/weeks/months/years, durations ("قبل نحو 3 سنوات", "two years
ago"), rolling windows ("خلال السنوات الثلاث الماضية") and vague expressions ("قريبًا").

A rule layer of precompiled regular expressions does the work; dateparser is not used
(it turns bare years into days and misses most Arabic relative phrases, and was measured
to add nothing on top of these rules). Matching runs on a normalised copy of each sentence
(one alef, ي for ى, ه for ة, ASCII digits, no diacritics) whose characters map back to the
original, so `DateMention.text` is always the expression as written.

Conventions (documented because a reader of the timeline needs them):
- a week runs Monday..Sunday (ISO), so "الأسبوع الماضي" is the previous Monday..Sunday;
- a bare weekday ("الثلاثاء") is the most recent such day on or before publication (news
  reports the past), unless the sentence carries a future cue (سوف, من المقرر, will ...);
- «الجمعة» and «الاثنين» (Friday/Monday, also "assembly"/"the two") need a day cue
  (يوم, صباح/مساء, الماضي/المقبل); «الإثنين» spelled with hamza is taken as Monday;
- a 4-digit number is a year only with a year cue (عام/سنة, في/منذ/حتى/خلال..., a month
  name, a range "من 1950 إلى 1953", "1950-1953"); a bare year is never turned into a day;
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

from dashboard.analysis.languages import all_fields, all_lines, get_pack
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
    months_ar: dict[str, tuple[int, bool]]
    months_en: dict[str, tuple[int, bool]]
    hijri: dict[str, int]
    weekdays_ar: dict[str, tuple[int, bool]]
    weekdays_en: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    vague_ar: tuple[str, ...]
    vague_en: tuple[str, ...]
    blockers: tuple[str, ...]
    future: tuple[str, ...]
    year_nouns_ar: tuple[str, ...]
    year_nouns_en: tuple[str, ...]


def _is_latin(s: str) -> bool:
    return bool(re.match(r"[A-Za-z]", s))


@cache
def _lex() -> _Lex:
    months_ar: dict[str, tuple[int, bool]] = {}
    months_en: dict[str, tuple[int, bool]] = {}
    hijri: dict[str, int] = {}
    for f in all_fields("dates_months.txt"):
        form, month, cal = f[0], int(f[1]), f[2]
        strict = len(f) > 3 and f[3] == "strict"
        if cal == "hijri":
            hijri[_norm_entry(form)] = month
        elif _is_latin(form):
            months_en[form] = (month, strict)
        else:
            months_ar[_norm_entry(form)] = (month, strict)
    weekdays_ar: dict[str, tuple[int, bool]] = {}
    weekdays_en: dict[str, int] = {}
    for f in all_fields("dates_weekdays.txt"):
        if _is_latin(f[0]):
            weekdays_en[f[0]] = int(f[1])
        else:
            weekdays_ar[_norm_entry(f[0])] = (int(f[1]), len(f) > 2 and f[2] == "strict")
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for f in all_fields("dates_numbers.txt"):
        target = ordinals if f[2] == "ord" else numbers
        target[_norm_entry(f[0]) if not _is_latin(f[0]) else f[0].lower()] = int(f[1])
    return _Lex(
        months_ar=months_ar,
        months_en=months_en,
        hijri=hijri,
        weekdays_ar=weekdays_ar,
        weekdays_en=weekdays_en,
        numbers=numbers,
        ordinals=ordinals,
        vague_ar=tuple(_norm_entry(x) for x in get_pack("ar").lines("dates_vague.txt")),
        vague_en=get_pack("en").lines("dates_vague.txt"),
        blockers=tuple(_norm_entry(x) for x in all_lines("dates_blockers.txt")),
        future=tuple(_norm_entry(x) for x in all_lines("dates_future_cues.txt")),
        year_nouns_ar=tuple(_norm_entry(x) for x in get_pack("ar").lines("dates_year_nouns.txt")),
        year_nouns_en=get_pack("en").lines("dates_year_nouns.txt"),
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


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


_PAST, _NEXT, _CUR = "past", "next", "cur"
_QUAL_AR = {
    "ماضي": _PAST,
    "منصرم": _PAST,
    "فاءت": _PAST,
    "اسبق": _PAST,
    "مقبل": _NEXT,
    "قادم": _NEXT,
    "جاري": _CUR,
    "حالي": _CUR,
}
_QUAL_EN = {"last": _PAST, "past": _PAST, "next": _NEXT, "coming": _NEXT, "this": _CUR}


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


@dataclass
class _Ctx:
    pub: date | None
    norm: str
    orig: str
    future_re: re.Pattern[str] | None = None
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


def _first_words(forms) -> set[str]:
    return {f.split()[0].lower() for f in forms}


def _content_words(phrases) -> set[str]:
    words = {_stems(w.lower())[-1] for p in phrases for w in _WORD_RE.findall(p)}
    return words - _FUNCTION_WORDS


# Words used in several patterns, all in normalised spelling.
_AL = r"(?:[وف]?(?:[بل]?ال|لل))"  # article with optional clitics: ال، وال، بال، لل
_QUAL_AR_RE = r"ال(?P<qual>ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)ه?(?!\w)"
_PART_AR = r"صباح|مساء|ليله|فجر|ظهر|عصر|ظهيره|منتصف\s+ليل"
# Parts of a period («مطلع العام», «نهاية مارس»), in normalised spelling: «أوائل» is «اواءل».
_PARTS_AR = r"مطلع|اواءل|اواخر|اواسط|منتصف|نهايه|بدايه"
_APPROX_AR = {"مطلع", "اواءل", "اواخر", "اواسط", "منتصف", "نهايه", "بدايه", "حوالي", "نحو"}
_APPROX_EN = {"early", "mid", "late", "end of", "beginning of", "the end of", "the beginning of"}
_AR_CUES = (
    rf"في|منذ|حتي|خلال|{_PARTS_AR}|قبل|بعد|بحلول|طوال|من|"
    r"اعتبارا\s+من|ابتداء\s+من|مع\s+حلول"
)
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
            return [_mk(ctx, m, None, None, "day" if d else "month", approx=True, pre=pre)]
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


def _check_weekday(cands: list[_Cand], m: re.Match[str], wd: int | None) -> list[_Cand]:
    """A weekday written before a date belongs to it only when it is that date's weekday.

    Otherwise (a list, or a wrong weekday) the date starts after it and the weekday is
    matched on its own.
    """
    if wd is None:
        return cands
    for c in cands:
        if c.start is None or not c.day or c.start.weekday() != wd:
            c.s = m.end("wdp")
    return cands


# ---- Arabic rules --------------------------------------------------------------------


def _ar_patterns(lx: _Lex, speed: _Speed) -> list[_RuleSpec]:
    mon = _alt(lx.months_ar)
    hij = _alt(lx.hijri)
    wd = _alt(lx.weekdays_ar)
    ordn = _alt(lx.ordinals)
    num = _alt(lx.numbers)
    hedges = (
        r"نحو|حوالي|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يقارب|اكثر\s+من|اقل\s+من|ما\s+لا\s+يقل\s+عن|"
        r"ما\s+يزيد\s+(?:عن|علي)|ما\s+يربو\s+علي|عده|بضعه|بضع|بعض"
    )
    units = (
        r"يومين|يومان|يوما|يوم|ايام|اسبوعين|اسبوعان|اسبوعا|اسبوع|اسابيع|شهرين|شهران|شهرا|"
        r"شهر|اشهر|شهور|عامين|عامان|عاما|عام|اعوام|سنتين|سنتان|سنوات|سنين|سنه|عقدين|"
        r"عقدان|عقدا|عقود|عقد|ساعتين|ساعات|ساعه"
    )
    month_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>{_AR_CUES})\s+)?
        (?P<wdp>(?:يوم\s+)?{_AL}(?P<wd>{wd})\s*[،,]?\s*(?:الموافق\s+)?)?
        (?:(?<!\w)(?:يوم\s+)?[وفبل]?(?P<day>\d{{1,2}}|{ordn})
            (?:\s*(?:-|الي|حتي|و)\s*(?P<day2>\d{{1,2}}))?\s*(?:من\s+)?)?
        (?:(?P<shahr>شهر)\s+)?
        (?<!\w)[وفبل]?(?P<mon>{mon})(?!\w)
        (?:\s*[/(]\s*(?:{mon})(?:\s*\))?)?
        (?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام|(?:ال)?سنه)?\s*(?P<year>{_YEAR})(?:\s*م)?(?!\w))?
        (?:\s+{_QUAL_AR_RE})?
        (?:\s+(?:من\s+)?(?:{_AL}(?:عام|سنه)\s+ال(?P<ryq>ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)ه?
            |(?P<rythis>هذا|هذه)\s+ال(?:عام|سنه))(?!\w))?
        """,
            also=rf"يوم|شهر|{_AL}",  # the unguarded openings: «يوم الأحد», «الأحد», «شهر»
        ),
        re.X,
    )

    def month_rule(m, ctx):
        mo, strict = lx.months_ar[re.sub(r"\s+", " ", m["mon"])]
        day_s = m["day"]
        d = int(day_s) if day_s and day_s.isdigit() else lx.ordinals.get(day_s or "", 0)
        y = int(m["year"]) if m["year"] else None
        qual = _QUAL_AR.get(m["qual"] or "")
        pre = m["pre"] or ""
        # «أغسطس من العام الماضي», «مارس هذا العام»: the year relative to publication.
        rel_year = m["ryq"] or m["rythis"]
        if y is None and rel_year and ctx.pub is not None:
            y = ctx.pub.year + {_PAST: -1, _NEXT: 1}.get(_QUAL_AR.get(m["ryq"] or ""), 0)
        weak = pre in ("من", "بعد", "قبل", "مع")
        partner = False
        if not d and y is None and not (qual or rel_year or m["shahr"] or (pre and not weak)):
            if pre not in ("من", "بين") or not _RANGE_START.match(ctx.norm, m.end()):
                return []
            partner = True
        if (
            strict
            and not d
            and y is None
            and not (qual or rel_year or m["shahr"] or partner)
            and pre in ("", "من")
        ):
            return []
        c = _absolute(
            ctx, m, y, mo, d, int(m["day2"] or 0), qual, pre, pre in _APPROX_AR, pre == "منذ"
        )
        for x in c:
            x.since, x.partner = pre == "منذ", partner
        return _check_weekday(c, m, lx.weekdays_ar[m["wd"]][0] if m["wd"] else None)

    hijri_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?:يوم\s+)?[وفبل]?(?P<day>\d{{1,2}}|{ordn})\s+(?:من\s+)?)?
        (?:(?<!\w)[وف]?شهر\s+)?
        (?<!\w)[وفبل]?(?P<mon>{hij})(?!\w)
        \s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<year>1[2-5]\d\d)
        (?:\s*(?:هجريه|هجري|للهجره|ه)(?!\w))?(?!\w)
        """,
        ),
        re.X,
    )

    def hijri_rule(m, ctx):
        from hijridate import Hijri  # imported lazily: only Hijri dates need it

        mo = lx.hijri[re.sub(r"\s+", " ", m["mon"])]
        day_s = m["day"]
        d = int(day_s) if day_s and day_s.isdigit() else lx.ordinals.get(day_s or "", 0)
        y = int(m["year"])
        try:
            if d:
                g = Hijri(y, mo, d).to_gregorian()
                start = end = date(g.year, g.month, g.day)
            else:
                h = Hijri(y, mo, 1)
                start = date(*h.to_gregorian().datetuple())
                end = start + timedelta(days=h.month_length() - 1)
        except (ValueError, OverflowError):
            return []
        return [_mk(ctx, m, start, end, "day" if d else "month")]

    hijri_year_re = re.compile(
        speed.start(r"(?:(?<!\w)[وفبل]?(?:ال)?(?:عام|سنه)\s+)?(?<![\w.,])" + _HIJRI_YEAR_TAIL)
    )

    def hijri_year_rule(m, ctx):
        from hijridate import Hijri

        y = int(m["year"])
        try:
            start = date(*Hijri(y, 1, 1).to_gregorian().datetuple())
            end = date(*Hijri(y + 1, 1, 1).to_gregorian().datetuple()) - timedelta(days=1)
        except (ValueError, OverflowError):
            return []
        return [_mk(ctx, m, start, end, "year")]

    year_kw = r"(?:[وف]?(?:لل|[بل]?ال|[بل])?(?P<kw>عامي|عام|سنه))"
    year_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>{_AR_CUES}|صيف|شتاء|ربيع|خريف)\s+)?
        (?:(?<!\w)[وف]?(?:[بل]|[بل]?ال)?(?P<noun>{_alt(lx.year_nouns_ar)})\s+)?
        (?:(?<!\w){year_kw}\s+)?
        (?<![\w.,])(?P<year>{_YEAR})(?:\s*م)?(?!\w)(?![.,]\d){_NOT_YEAR_AFTER}
        """,
        ),
        re.X,
    )

    def year_rule(m, ctx):
        pre = m["pre"] or ""
        if not (m["kw"] or pre or m["noun"]) or (
            pre in ("من", "بعد", "قبل", "مع") and not (m["kw"] or m["noun"])
        ):
            return []
        y = int(m["year"])
        start, end = _year_span(y)
        approx = pre in _APPROX_AR or pre in ("صيف", "شتاء", "ربيع", "خريف")
        return [_mk(ctx, m, start, end, "year", approx=approx, pre=pre, since=pre == "منذ")]

    year_pair = rf"""
        (?P<y1>{_YEAR})(?:\s*م)?\s*(?P<conn>-|/|الي|حتي|و)\s*
        (?:(?:[بل]?ال)?(?:عام|سنه)\s+)?(?P<y2>{_YEAR})(?:\s*م)?(?!\w)(?![.,]\d)
        """
    year_range_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>(?:(?:خلال|في)\s+)?(?:الفتره\s+)?(?:من|بين|منذ))\s+)?
        (?:(?<!\w){year_kw}\s+|(?:الاعوام|السنوات)\s+)?
        (?<![\w.,]){year_pair}""",
            also=r"الاعوام|السنوات",  # «السنوات 2014-2016» opens unguarded
        ),
        re.X,
    )

    def year_range_rule(m, ctx):
        y1, y2 = int(m["y1"]), int(m["y2"])
        pre, conn, kw = m["pre"] or "", m["conn"], m["kw"] or ""
        if not y1 < y2 <= y1 + 100:
            return []
        if conn == "/" and y2 != y1 + 1:
            return []
        if conn in ("الي", "حتي") and not (pre or kw):
            return []
        if conn == "و" and "بين" not in pre:
            if kw != "عامي":
                return []
            # «عامي 2014 و2016»: two separate years, not a span.
            split = m.start("conn")
            return [
                _Cand(m.start(), split, *_year_span(y1), "year"),
                _Cand(split, m.end(), *_year_span(y2), "year"),
            ]
        return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")]

    weekday_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<part>{_PART_AR}|منذ|حتي)\s+)?
        (?:(?<!\w)[وفل]?(?P<yawm>يوم)\s+)?
        (?<!\w){_AL}(?P<wd>{wd})(?!\w)
        (?:\s+(?:{_QUAL_AR_RE}|(?P<lqual>الماضيين|الماضيه)))?
        """,
        ),
        re.X,
    )

    def weekday_rule(m, ctx):
        wdn, strict = lx.weekdays_ar[m["wd"]]
        qual = _QUAL_AR.get(m["qual"] or "")
        if m["lqual"] or qual == _CUR:
            return []
        cue = m["part"] or m["yawm"] or qual
        # «الإثنين» written with hamza is the weekday; «الاثنين» alone may be "the two".
        hamza_monday = m["wd"] == "اثنين" and _hamza_before(ctx, m.start("wd"))
        if strict and not cue and not hamza_monday:
            return []
        return [_weekday_cand(ctx, m, wdn, qual, m["part"] == "منذ")]

    relday_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<part>{_PART_AR}|حتي|منذ)\s+)?
        (?:(?<!\w)[وفل]?(?P<yawm>يوم)\s+)?
        (?<!\w)[وف]?(?P<rel>اول\s+من\s+امس|اول\s+امس|(?:بال|ال|ب)?امس(?:\s+الاول)?|البارحه
            |اليوم|غدا|الغد|غد|بعد\s+غد)(?!\w)
        (?:\s*[،,]?\s*(?:[بل]?ال)(?P<wd>{wd})(?!\w))?
        """,
        ),
        re.X,
    )

    def relday_rule(m, ctx):
        rel = re.sub(r"\s+", " ", m["rel"])
        after = ctx.norm[m.end() :]
        before = ctx.norm[: m.start()]
        if rel == "اليوم":
            if (not m["wd"] and re.match(r"\s+ال\w", after)) or re.search(
                r"(?:هذا|ذلك|نفس|ذات|ذاك)\s*$", before
            ):
                return []
            offset = 0
        elif rel in ("غدا",):
            if not (
                _TANWEEN_FATH in ctx.orig_text(m.start("rel"), m.end("rel"))
                or m["part"]
                or m["yawm"]
                or m["wd"]
                or re.match(r"\s*(?:[.،,؛:!?؟]|$)", after)
            ):
                return []  # «غدا» without tanween is also the verb "became"
            offset = 1
        elif rel in ("الغد", "غد"):
            if not (m["part"] or m["yawm"]):
                return []
            offset = 1
        elif rel == "بعد غد":
            offset = 2
        elif "اول" in rel:
            offset = -2
        else:
            offset = -1
        pub = ctx.pub
        if pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        d = pub + timedelta(days=offset)
        if m["part"] == "منذ":
            return [_mk(ctx, m, d, pub, "range")]
        return [_mk(ctx, m, d, d, "day")]

    relunit_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<cue>قبل|بحلول|حتي|مع|منذ)\s+(?=(?:{_PARTS_AR})\s))?
        (?:(?<!\w)[وف]?(?P<pre>{_PARTS_AR}|منذ)\s+)?
        (?:
          (?<!\w){_AL}(?P<unit>اسبوع|شهر|عام|سنه)\s+{_QUAL_AR_RE}
         |(?<!\w)[وف]?(?:هذا|هذه)\s+ال(?P<unit2>اسبوع|شهر|عام|سنه)(?!\w)
         |(?<!\w){_AL}(?P<unit3>اسبوع|شهر|عام|سنه)\s+(?:هذا|هذه)(?!\w)
         # After a part word the bare unit is the current one («قبل نهاية العام»), unless
         # another word or a number names it («نهاية العام الدراسي», «نهاية العام 2025»).
         |(?(pre)(?<!\w){_AL}(?P<unit4>اسبوع|شهر|عام|سنه)(?!\w)(?!\s*(?:ال\w|\d|هذا|هذه|[-/]))
            |(?!))
        )
        """,
        ),
        re.X,
    )
    # Every branch above has a unit word next to a qualifier, a demonstrative or a part word.
    relunit_gate = speed.gate(
        r"(?:اسبوع|شهر|عام|سنه)\s+(?:ال(?:ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)|هذا|هذه)"
        r"|(?:هذا|هذه)\s+ال(?:اسبوع|شهر|عام|سنه)"
        rf"|(?:{_PARTS_AR})\s+{_AL}(?:اسبوع|شهر|عام|سنه)"
    )
    unit_of = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}

    def relunit_rule(m, ctx):
        pre = m["pre"] or ""
        if m["unit4"] and pre == "منذ":
            return []  # «منذ العام» alone names no year
        unit = unit_of[m["unit"] or m["unit2"] or m["unit3"] or m["unit4"]]
        qual = _QUAL_AR.get(m["qual"] or "", _CUR)
        return [_relunit_cand(ctx, m, unit, qual, pre, since=m["cue"] == "منذ")]

    duration_re = re.compile(
        rf"""
        (?<!\w)[وف]?(?P<prep>قبل|منذ|بعد)\s+(?:(?P<hedge>{hedges})\s+)?
        (?:(?P<num>\d{{1,4}}|{num})\s+)?(?P<unit>{units})(?!\w)(?:\s+(?:مضت|مضي|خلت))?
        """,
        re.X,
    )

    def duration_rule(m, ctx):
        after = ctx.norm[m.end() :]
        prep, unit_s = m["prep"], m["unit"]
        # «قبل يومين من الزيارة», «بعد عام على الحرب»: relative to another event.
        if prep != "منذ" and re.match(r"\s+(?:من|علي)(?!\w)", after):
            return []
        unit, implied = _AR_UNITS[unit_s]
        if unit_s == "عقد" and not m["num"] and not re.match(r"\s*(?:من\s+الزمن|[.،,؛]|$)", after):
            return []  # «بعد عقد اجتماع»: عقد = "holding", not "decade"
        hedge = re.sub(r"\s+", " ", m["hedge"] or "")
        n = _num(m["num"], lx) if m["num"] else implied
        if hedge in ("عده", "بضعه", "بضع", "بعض") or not n:
            return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]
        sign = 1 if prep == "بعد" else -1
        return [_duration_cand(ctx, m, unit, sign * n, bool(hedge))]

    rolling_qual = (
        r"ال(?P<qual>ماضيه|ماضيين|اخيره|اخيرين|مقبله|مقبلين|قادمه|قادمين|منصرمه|فاءته)(?!\w)"
    )
    rolling_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?:خلال|في|علي\s+مدي|علي\s+مدار|طوال|منذ)\s+)?
        (?<!\w){_AL}(?P<unit>ايام|اسابيع|اشهر|شهور|اعوام|سنوات|سنين|عقود|ساعات|يومين|اسبوعين|
            شهرين|عامين|سنتين|عقدين)
        \s+(?:ال?(?P<num>\d{{1,3}}|{num})\s+)?
        {rolling_qual}
        """,
        ),
        re.X,
    )

    def rolling_rule(m, ctx):
        unit, implied = _AR_UNITS[m["unit"]]
        n = _num(m["num"], lx) if m["num"] else implied
        future = m["qual"].startswith(("مقبل", "قادم"))
        return [_rolling_cand(ctx, m, unit, n, future)]

    quarter_tail = r"(?:ربع|نصف)\s+ال(?:اول|ثاني|ثالث|رابع|اخير)(?!\w)"
    quarter_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>في|خلال|منذ|حتي|بحلول|قبل|مع|{_PARTS_AR})\s+)?
        (?<!\w){_AL}(?P<kind>ربع|نصف)\s+ال(?P<ord>اول|ثاني|ثالث|رابع|اخير)(?!\w)
        (?P<spec>\s+(?:(?:من|في)\s+)?(?:
            (?:{_AL}?(?:عام|سنه)\s+)?(?P<year>{_YEAR})(?:\s*م)?(?!\w)
           |{_AL}(?:عام|سنه)(?:\s+ال(?P<qual>ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)ه?)?(?!\w)
              (?!\s+ال\w)
           |(?P<this>هذا|هذه)\s+ال(?:عام|سنه)(?!\w)
           |{_AL}(?:عام|سنه)\s+(?P<this2>هذا|هذه)(?!\w)
        ))?
        (?!\s+(?:من|في)\s)  # «الربع الأول من القرن» is not a calendar quarter
        """,
        ),
        re.X,
    )

    def quarter_rule(m, ctx):
        n = {"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "اخير": 0}[m["ord"]]
        if not m["spec"] and (m["kind"] == "نصف" or not n):
            return []  # a bare «النصف الأول» or «الربع الأخير» may be of anything
        qual = _QUAL_AR.get(m["qual"] or "", _CUR if m["spec"] else None)
        pre = m["pre"] or ""
        year = int(m["year"]) if m["year"] else None
        size = 3 if m["kind"] == "ربع" else 6
        return _part_of_year(ctx, m, size, n, year, qual, pre, pre in _APPROX_AR, pre == "منذ")

    decade_re = re.compile(
        rf"(?<!\w)(?:{_AL})?(?P<dec>{'|'.join(_AR_DECADES)})(?:يات|ات)(?!\w)"
        r"(?:\s+(?:من\s+)?القرن\s+(?P<c>الماضي|العشرين|الحالي|الحادي\s+والعشرين|التاسع\s+عشر)(?!\w))?"
    )

    def decade_rule(m, ctx):
        century = {"الحالي": 2000, "الحادي والعشرين": 2000, "التاسع عشر": 1800}.get(
            re.sub(r"\s+", " ", m["c"] or ""), 1900
        )
        if m["c"] == "الماضي" and ctx.pub is not None:
            century = (ctx.pub.year // 100 - 1) * 100
        y = century + _AR_DECADES[m["dec"]]
        return [_mk(ctx, m, date(y, 1, 1), date(y + 9, 12, 31), "range", approx=True)]

    vague_re = re.compile(
        speed.start(
            rf"(?:(?<!\w)[وف]?(?:{_alt(lx.vague_ar)})(?!\w)"
            rf"|(?<!\w)[وف]?(?:في|خلال)?\s*(?:ال)?(?:فتره|مرحله)\s+ال(?:ماضيه|اخيره|مقبله|قادمه)(?!\w))"
        )
    )

    def vague_rule(m, ctx):
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    return [
        (month_re, month_rule, _first_words(lx.months_ar), None),
        (hijri_re, hijri_rule, {_HIJRI_DIGITS}, None),
        (hijri_year_re, hijri_year_rule, {_HIJRI_YEAR}, None),
        (year_range_re, year_range_rule, {_YEAR_DIGITS}, speed.gate(year_pair, re.X)),
        (year_re, year_rule, {_YEAR_DIGITS}, None),
        (weekday_re, weekday_rule, set(lx.weekdays_ar), None),
        # Every «rel» branch contains one of these; the anchor «يوم» (there for «اليوم»)
        # also enables the rule for any «يوم».
        (
            relday_re,
            relday_rule,
            {"امس", "بارحه", "يوم", "غدا", "غد"},
            speed.gate("امس|البارحه|اليوم|غد"),
        ),
        (relunit_re, relunit_rule, {"اسبوع", "شهر", "عام", "سنه"}, relunit_gate),
        (duration_re, duration_rule, {"قبل", "منذ", "بعد"}, None),
        (
            rolling_re,
            rolling_rule,
            {u for u, (_, n) in _AR_UNITS.items() if n != 1},
            speed.gate(rolling_qual),  # its closing qualifier, a pattern cheap to compile
        ),
        (vague_re, vague_rule, _content_words(lx.vague_ar) | {"فتره", "مرحله"}, None),
        (quarter_re, quarter_rule, {"ربع", "نصف"}, speed.gate(quarter_tail)),
        (decade_re, decade_rule, {d + suf for d in _AR_DECADES for suf in ("يات", "ات")}, None),
    ]


# Decade words («تسعينيات القرن الماضي») -> years into the century.
_AR_DECADES = {
    "عشرين": 20,
    "ثلاثين": 30,
    "اربعين": 40,
    "خمسين": 50,
    "ستين": 60,
    "سبعين": 70,
    "ثمانين": 80,
    "تسعين": 90,
}

# Arabic unit word -> (unit, implied count: 1 singular, 2 dual, 0 plural/needs a number)
_AR_UNITS: dict[str, tuple[str, int]] = {}
for _unit, _forms in {
    "day": ("يوم:1", "يوما:0", "ايام:0", "يومين:2", "يومان:2"),
    "week": ("اسبوع:1", "اسبوعا:0", "اسابيع:0", "اسبوعين:2", "اسبوعان:2"),
    "month": ("شهر:1", "شهرا:0", "اشهر:0", "شهور:0", "شهرين:2", "شهران:2"),
    "year": (
        "عام:1",
        "عاما:0",
        "اعوام:0",
        "عامين:2",
        "عامان:2",
        "سنه:1",
        "سنوات:0",
        "سنين:0",
        "سنتين:2",
        "سنتان:2",
    ),
    "decade": ("عقد:1", "عقدا:0", "عقود:0", "عقدين:2", "عقدان:2"),
    "hour": ("ساعه:1", "ساعات:0", "ساعتين:2"),
}.items():
    for _f in _forms:
        _w, _n = _f.split(":")
        _AR_UNITS[_w] = (_unit, int(_n))


def _num(s: str, lx: _Lex) -> int:
    s = re.sub(r"\s+", " ", s)
    return int(s) if s.isdigit() else lx.numbers.get(s.lower(), 0)


def _hamza_before(ctx: _Ctx, norm_pos: int) -> bool:
    """Whether the original word (at the article's alef) was written with a hamza."""
    start = ctx.orig_pos(max(norm_pos - 2, 0))
    return bool(re.search("[أإ]", ctx.orig[start : ctx.orig_pos(norm_pos) + 1]))


def _weekday_cand(ctx: _Ctx, m, wdn: int, qual: str | None, since: bool) -> _Cand:
    pub = ctx.pub
    if pub is None:
        return _mk(ctx, m, None, None, "day", approx=True)
    if qual == _PAST:
        mode = "past"
    elif qual == _NEXT:
        mode = "next"
    else:
        mode = "onafter" if ctx.future else "onbefore"
    d = _weekday_date(pub, wdn, mode)
    if since:
        return _mk(ctx, m, d, pub, "range")
    return _mk(ctx, m, d, d, "day")


def _relunit_cand(ctx: _Ctx, m, unit: str, qual: str, pre: str, since: bool = False) -> _Cand:
    pub = ctx.pub
    approx = pre in _APPROX_AR or pre in _APPROX_EN or pre in ("earlier", "later")
    if pub is None:
        return _mk(ctx, m, None, None, unit, approx=True)
    n = {_PAST: -1, _NEXT: 1}.get(qual, 0)
    start, end, gran = _shift(pub, unit, n)
    if since or pre in ("منذ", "since"):
        return _mk(ctx, m, start, pub, "range", approx=approx)
    return _mk(ctx, m, start, end, gran, approx=approx)


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


def _rolling_cand(ctx: _Ctx, m, unit: str, n: int, future: bool) -> _Cand:
    if not n:
        return _mk(ctx, m, None, None, "vague", approx=True, vague=True)
    pub = ctx.pub
    if pub is None:
        return _mk(ctx, m, None, None, "range", approx=True)
    if future:
        return _mk(ctx, m, pub, _rolling(pub, unit, n), "range", approx=True)
    return _mk(ctx, m, _rolling(pub, unit, -n), pub, "range", approx=True)


# ---- English rules -------------------------------------------------------------------

_EN_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "hour": "hour",
    "hours": "hour",
}


def _en_patterns(lx: _Lex, speed: _Speed) -> list[_RuleSpec]:
    mon = _alt(lx.months_en)
    wd = _alt(lx.weekdays_en)
    num = _alt(k for k in lx.numbers if _is_latin(k))
    pre_month = (
        r"since|from|in|on|by|until|till|during|early|mid|late|the\s+end\s+of|"
        r"the\s+beginning\s+of|end\s+of|beginning\s+of|last|next|this|between"
    )
    month_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:{pre_month}))[\s-]+)?
        (?P<wdp>(?<!\w)(?P<wd>{wd}),?\s+)?
        (?:
          (?<![\w.,])(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
             (?:\s*-\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<mon>{mon})\.?(?!\w)
         |(?<!\w)(?P<mon2>{mon})\.?(?!\w)
             (?:\s+(?P<dayb>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:\s*-\s*(?P<dayb2>\d{{1,2}})(?!\d))?)?
        )
        (?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\w)
          |\s+(?:(?i:of)\s+)?(?P<ryq>(?i:last|next|this))\s+(?i:year)(?!\w))?
        """,
        ),
        re.X,
    )

    def month_rule(m, ctx):
        name = m["mon"] or m["mon2"]
        mo, strict = lx.months_en[name]
        d = int(m["day"] or m["dayb"] or 0)
        d2 = int(m["day2"] or m["dayb2"] or 0)
        y = int(m["year"]) if m["year"] else None
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        qual = _QUAL_EN.get(pre)
        # "August last year", "March next year": the year relative to publication.
        if m["ryq"] and ctx.pub is not None:
            y = ctx.pub.year + {_PAST: -1, _NEXT: 1}.get(_QUAL_EN[m["ryq"].lower()], 0)
        if not d and y is None and not (pre or m["ryq"]):
            return []
        if strict and not d and y is None and pre in ("on", "from", "between"):
            return []
        c = _absolute(ctx, m, y, mo, d, d2, qual, pre, pre in _APPROX_EN, pre == "since")
        for x in c:
            x.since = pre == "since"
        return _check_weekday(c, m, lx.weekdays_en[m["wd"]] if m["wd"] else None)

    year_pre = (
        r"in|since|by|until|till|from|during|before|after|early|mid|late|the\s+end\s+of|"
        r"the\s+beginning\s+of|end\s+of|beginning\s+of|as\s+of|summer\s+of|winter\s+of|"
        r"spring\s+of|fall\s+of|autumn\s+of|between"
    )
    nouns = _alt(lx.year_nouns_en)
    year_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:{year_pre}|(?:{nouns})\s+of))[\s-]+)?(?:(?P<kw>(?i:the\s+year))\s+)?
        (?<![\w.,$£€])(?P<year>{_YEAR})(?!\w)(?![.,]\d){_NOT_YEAR_AFTER}
        (?P<noun>(?=\s+(?i:{nouns})(?!\w)))?
        """,
            also=r"(?i:the\s+year)",  # "the year 2019" opens unguarded
        ),
        re.X,
    )

    def year_rule(m, ctx):
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        if not (pre or m["kw"] or m["noun"] is not None) or pre in ("from", "between"):
            return []
        start, end = _year_span(int(m["year"]))
        approx = pre in _APPROX_EN or pre.split(" ")[0] in (
            "summer",
            "winter",
            "spring",
            "fall",
            "autumn",
        )
        return [_mk(ctx, m, start, end, "year", approx=approx, pre=pre, since=pre == "since")]

    year_pair = rf"""
        (?P<y1>{_YEAR})\s*(?P<conn>-|/|(?i:to|until|till|through|and))\s*
        (?P<y2>{_YEAR}|\d\d)(?!\w)(?![.,]\d)
        """
    year_range_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:from|between|since|in|during))\s+)?(?:(?i:the\s+years?)\s+)?
        (?<![\w.,]){year_pair}""",
            also=r"(?i:the\s+years?)",
        ),
        re.X,
    )

    def year_range_rule(m, ctx):
        y1, y2s = int(m["y1"]), m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        pre, conn = (m["pre"] or "").lower(), m["conn"].lower()
        if not y1 < y2 <= y1 + 100 or (conn == "/" and y2 != y1 + 1):
            return []
        if conn == "and" and pre != "between":
            return []
        if conn in ("to", "until", "till", "through") and pre not in ("from", "between", "since"):
            return []
        if len(y2s) == 2 and conn not in ("-", "/"):
            return []
        return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")]

    decade_tail = r"(?P<dec>(?:1[89]|20)\d0)['’]?s(?!\w)"
    decade_re = re.compile(r"(?<!\w)(?:(?i:the)\s+)?" + decade_tail)

    def decade_rule(m, ctx):
        y = int(m["dec"])
        return [_mk(ctx, m, date(y, 1, 1), date(y + 9, 12, 31), "range", approx=True)]

    weekday_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:last|next|this\s+past|this\s+coming|this|on|since|until|by|coming|past))\s+)?
        (?<!\w)(?P<wd>{wd})(?!\w)(?:\s+(?i:morning|afternoon|evening|night))?
        """,
        ),
        re.X,
    )

    def weekday_rule(m, ctx):
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        qual = {"last": _PAST, "past": _PAST, "this past": _PAST}.get(pre)
        if pre in ("next", "coming", "this coming"):
            qual = _NEXT
        return [_weekday_cand(ctx, m, lx.weekdays_en[m["wd"]], qual, pre == "since")]

    relday_re = re.compile(
        r"(?<!\w)(?P<rel>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"yesterday|today|tomorrow|tonight|last\s+night))(?!\w)"
    )

    def relday_rule(m, ctx):
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        offset = {
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
            "yesterday": -1,
            "tomorrow": 1,
            "last night": -1,
        }.get(rel, 0)
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        d = ctx.pub + timedelta(days=offset)
        return [_mk(ctx, m, d, d, "day")]

    relunit_tail = r"(?P<qual>(?i:last|next|this))\s+(?P<unit>(?i:week|month|year))(?!\w)"
    relunit_re = re.compile(
        speed.start(
            r"(?:(?<!\w)(?P<pre>(?i:earlier|later|early|late|since|the\s+end\s+of|end\s+of|"
            r"the\s+start\s+of|start\s+of|the\s+beginning\s+of|beginning\s+of))\s+)?"
            r"(?<!\w)" + relunit_tail
        )
    )

    def relunit_rule(m, ctx):
        qual = _QUAL_EN[m["qual"].lower()]
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        return [_relunit_cand(ctx, m, m["unit"].lower(), qual, pre)]

    # "by the end of the year": a part of the current period (with "this/next" it is
    # relunit_re's).
    part_tail = (
        r"(?i:end|start|beginning|middle)\s+(?i:of\s+the)\s+(?P<unit>(?i:year|month|week))"
        r"(?![-\w])"
    )
    part_re = re.compile(
        speed.start(
            r"(?:(?<!\w)(?P<cue>(?i:by|before|until|till|since|at|toward|towards))\s+)?"
            r"(?<!\w)(?:(?i:the)\s+)?"
            + part_tail
            +
            # "the end of the year 2023", "the end of the month of Ramadan" name another one.
            r"(?!\s*\d)(?!\s+(?i:of|before|after)(?!\w))"
        )
    )

    def part_rule(m, ctx):
        since = (m["cue"] or "").lower() == "since"
        return [_relunit_cand(ctx, m, m["unit"].lower(), _CUR, "end of", since=since)]

    quarter_tail = (
        r"(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+"
        r"(?P<kind>(?i:quarter|half))(?![-\w])"
    )
    quarter_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:in|during|since|by|until|till|for|over|throughout|early|late|
            the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of))\s+)?
        (?<!\w)(?:(?i:the)\s+)?{quarter_tail}
        (?P<spec>\s+(?:(?i:of)\s+)?(?:(?P<year>{_YEAR})
            |(?i:the\s+year|(?P<qual>last|next|this)\s+year))(?!\w))?
        (?!\s+(?i:of)(?!\w))  # "the first quarter of the century" is not a calendar quarter
        """,
        ),
        re.X,
    )
    ordinal_en = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 0, "last": 0}
    ordinal_en |= {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

    def quarter_rule(m, ctx):
        n = ordinal_en[m["ord"].lower()]
        kind = m["kind"].lower()
        if not m["spec"] and (kind == "half" or not n):
            return []  # a bare "the second half" or "the last quarter" may be of a match
        qual = _QUAL_EN[m["qual"].lower()] if m["qual"] else (_CUR if m["spec"] else None)
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        year = int(m["year"]) if m["year"] else None
        size = 3 if kind == "quarter" else 6
        return _part_of_year(ctx, m, size, n, year, qual, pre, pre in _APPROX_EN, pre == "since")

    duration_re = re.compile(
        rf"""
        (?<!\w)(?:(?P<hedge>(?i:about|around|nearly|almost|roughly|some|more\s+than|less\s+than|
            over|approximately|just\s+over|just\s+under|only|a\s+few|several|few|many))\s+)?
        (?:(?P<num>\d{{1,4}}|(?i:{num}))\s+)?(?P<unit>(?i:days?|weeks?|months?|years?|decades?|hours?))
        \s+(?P<dir>(?i:ago|from\s+now))(?!\w)
        """,
        re.X,
    )

    def duration_rule(m, ctx):
        hedge = re.sub(r"\s+", " ", (m["hedge"] or "").lower())
        unit = _EN_UNITS[m["unit"].lower()]
        n = _num(m["num"], lx) if m["num"] else 0
        if hedge in ("a few", "several", "few", "many") or not n:
            return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]
        sign = -1 if m["dir"].lower() == "ago" else 1
        return [_duration_cand(ctx, m, unit, sign * n, bool(hedge))]

    rolling_qual = r"(?P<qual>(?i:past|last|next|coming|recent))"
    rolling_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?i:in|over|during|for|within|throughout)\s+)?
        (?:(?<!\w)(?i:the)\s+)?(?<!\w){rolling_qual}\s+
        (?:(?P<num>\d{{1,3}}|(?i:{num}))\s+)?(?P<unit>(?i:days|weeks|months|years|decades|hours)
            |(?P<one>(?i:day|week|month|year|decade)))(?!\w)
        """
        ),
        re.X,
    )

    def rolling_rule(m, ctx):
        unit = _EN_UNITS[m["unit"].lower()]
        n = _num(m["num"], lx) if m["num"] else 0
        if m["one"]:
            # "the past year" is a rolling year; "last year" alone is the calendar year.
            if m["qual"].lower() not in ("past", "coming") or m["num"]:
                return []
            n = 1
        future = m["qual"].lower() in ("next", "coming")
        return [_rolling_cand(ctx, m, unit, n, future)]

    vague_re = re.compile(rf"(?<!\w)(?i:{_alt(lx.vague_en)})(?!\w)")

    def vague_rule(m, ctx):
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    return [
        (month_re, month_rule, {w.lower() for w in lx.months_en}, None),
        (year_range_re, year_range_rule, {_YEAR_DIGITS}, speed.gate(year_pair, re.X)),
        (year_re, year_rule, {_YEAR_DIGITS}, None),
        (decade_re, decade_rule, {_DIGIT}, speed.gate(decade_tail)),
        (weekday_re, weekday_rule, {w.lower() for w in lx.weekdays_en}, None),
        (relday_re, relday_rule, {"yesterday", "today", "tomorrow", "tonight", "night"}, None),
        (relunit_re, relunit_rule, {"week", "month", "year"}, speed.gate(relunit_tail)),
        (part_re, part_rule, {"week", "month", "year"}, speed.gate(part_tail)),
        (quarter_re, quarter_rule, {"quarter", "half"}, speed.gate(quarter_tail)),
        (duration_re, duration_rule, {"ago", "now"}, None),
        (rolling_re, rolling_rule, set(_EN_UNITS), speed.gate(rolling_qual + r"\s")),
        (vague_re, vague_rule, _content_words(lx.vague_en), None),
    ]


# ---- Numeric dates (any language) ------------------------------------------------------

_NUMERIC_RE = re.compile(
    r"(?<![\w/.\-])(?:(?P<y0>(?:19|20)\d\d)(?P<sep0>[/\-])(?P<m0>\d{1,2})(?P=sep0)(?P<d0>\d{1,2})"
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
    day_first = language != "en"
    if language != "en":
        specs += _ar_patterns(lx, speed)
    if language != "ar":
        specs += _en_patterns(lx, speed)
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


_RANGE_START = re.compile(r"\s*(?:-|الي|حتي|و)\s*\S")
_RANGE_CONN = re.compile(r"\s*(?:-|/|الي|حتي|و|(?i:to|until|till|through|and))\s*")


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
            and a.pre in ("من", "بين", "منذ", "from", "between", "since")
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


def _apply_since(c: _Cand, pub: date | None) -> _Cand:
    """«منذ 2014» / "since June": an interval from that date to publication."""
    if c.since and c.start is not None:
        c.end = pub
        c.gran = "range"
        c.approx = c.approx or pub is None
    return c


def _sentence_mentions(
    sentence: str, paragraph: int, pub: date | None, eng: _Engine
) -> list[DateMention]:
    norm = _normalize(sentence)
    active = eng.rules_for(norm)
    if not active:
        return []
    ctx = _Ctx(pub, norm, sentence, eng.future)
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
    chosen = _combine_ranges(_select(cands), ctx)
    out: list[DateMention] = []
    for c in chosen:
        c = _apply_since(c, pub)
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
    return out


def extract_dates(
    paragraphs: list[str], published_at: date | None, language: str
) -> list[DateMention]:
    """All temporal expressions in the paragraphs, in reading order.

    language: "ar", "en", or anything else to try both rule sets.
    """
    lang = language if language in ("ar", "en") else "any"
    eng = _engine(lang)
    out: list[DateMention] = []
    for p_i, para in enumerate(paragraphs):
        for sent in split_sentences(para):
            out.extend(_sentence_mentions(sent, p_i, published_at, eng))
    return out
