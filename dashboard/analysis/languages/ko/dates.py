"""Korean date rules (skeleton): «2024년 6월 19일», «6월 19일», «6월», «지난 19일», «19일»,
«어제», «오늘», «지난해», «올해», «지난달», «지난주», «수요일», «3년 전», «2024년», vague
«최근».

`patterns(lexicon, speed)` returns the rule specs the shared engine
(dashboard.analysis.dates.engine) compiles; the engine reads the lexicon (`date_lexicon`)
from this folder's dates_*.txt files. Korean words carry particles (어제는, 올해도): a
rule's anchor words are listed with each particle, since the engine finds anchors by their
start.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.analysis.dates.engine import (
    _CUR,
    _DIGIT,
    _NEXT,
    _PAST,
    _YEAR,
    DateLexicon,
    _absolute,
    _alt,
    _duration_cand,
    _mk,
    _month_span,
    _num,
    _relunit_cand,
    _RuleSpec,
    _Speed,
    _valid_day,
    _weekday_cand,
    _year_span,
)
from dashboard.analysis.languages.ko import PARTICLES

# A word may be followed by a particle, then no further letter.
# Particles after a date word, with 엔 (에는 contracted: «하반기엔»).
_PARTICLES = (*PARTICLES, "엔")
_END = rf"(?=(?:{'|'.join(_PARTICLES)})?(?!\w))"
_DAY_WORDS = {"그저께": -2, "그제": -2, "어제": -1, "오늘": 0, "내일": 1, "모레": 2}
# Relative periods: word -> (unit, shift).
_PERIODS = {
    "지난해": ("year", -1),
    "작년": ("year", -1),
    "올해": ("year", 0),
    "금년": ("year", 0),
    "내년": ("year", 1),
    "지난달": ("month", -1),
    "이달": ("month", 0),
    "이번 달": ("month", 0),
    "다음 달": ("month", 1),
    "내달": ("month", 1),
    "지난주": ("week", -1),
    "지난 주": ("week", -1),
    "이번 주": ("week", 0),
    "다음 주": ("week", 1),
    # written without the space too («다음주», «이번주», «다음달»)
    "이번주": ("week", 0),
    "다음주": ("week", 1),
    "이번달": ("month", 0),
    "다음달": ("month", 1),
}
# Days named from the day narrated: word -> days after it.
_ANAPHORS = {
    "이날": 0,
    "당일": 0,
    "같은 날": 0,
    "같은날": 0,
    "전날": -1,
    "다음 날": 1,
    "다음날": 1,
    "이튿날": 1,
}
_MONDAY = 0  # dates_weekdays.txt counts from Monday
_QUAL = {"지난": _PAST, "오는": _NEXT, "다음": _NEXT, "이번": _CUR}
_UNITS = {"일": "day", "주": "week", "주일": "week", "개월": "month", "달": "month", "년": "year"}


def _with_particles(words) -> set[str]:
    """Anchor forms: each word (its last space-separated part) alone and with each particle."""
    lasts = {w.split()[-1] for w in words}
    return {w + p for w in lasts for p in ("", *_PARTICLES)}


def _nearest_day(pub: date, day: int, qual: str | None) -> date | None:
    """The date with day-of-month `day` in the publication month or next to it: before
    publication for «지난», after for «오는», else the nearest («19일» in a report)."""
    cands = []
    for shift in (-1, 0, 1):
        y, m = pub.year, pub.month + shift
        if m == 0:
            y, m = y - 1, 12
        elif m == 13:
            y, m = y + 1, 1
        if _valid_day(y, m, day):
            cands.append(date(y, m, day))
    if qual == _PAST:
        cands = [d for d in cands if d <= pub]
    elif qual == _NEXT:
        cands = [d for d in cands if d >= pub]
    return min(cands, key=lambda d: (abs((d - pub).days), d > pub)) if cands else None


def patterns(lx: DateLexicon, speed: _Speed) -> list[_RuleSpec]:
    wd = _alt(lx.weekdays)
    num = _alt(lx.numbers)

    # «2024년 6월 19일», «6월 19~20일», «6월», «2024년 6월»
    month_re = re.compile(
        rf"""(?x)
        (?:(?<!\w)(?P<q>지난|오는)\s+|(?<!\w)(?P<rel>지난해|작년|올해|내년)\s*)?
        (?<!\d)(?:(?P<year>{_YEAR})\s*년\s*)?
        (?P<mon>1[0-2]|0?[1-9])\s*월
        (?:\s*(?P<day>[1-3]?\d)(?:\s*[~-]\s*(?P<day2>[1-3]?\d))?\s*일)?
        (?!\s*\d{{1,2}}\s*일)
        """
    )

    def month_rule(m, ctx):
        y = int(m["year"]) if m["year"] else None
        if m["rel"] and y is None:
            # «지난해 10월», «내년 1월»: the month of the year named before it.
            if ctx.pub is None:
                gran = "day" if m["day"] else "month"
                return [_mk(ctx, m, None, None, gran, approx=True)]
            y = ctx.pub.year + {"지난해": -1, "작년": -1, "내년": 1}.get(m["rel"], 0)
        d, d2 = int(m["day"] or 0), int(m["day2"] or 0)
        # «지난 1월 19일»: the last such date by publication; «오는 3월»: the next one.
        qual = _QUAL.get(m["q"] or "")
        cands = _absolute(ctx, m, y, int(m["mon"]), d, d2, qual, "", False)
        for c in cands:
            c.anchor = c.gran == "day" and not qual
        return cands

    # «지난해 2·4·5·7·8·10·11월», «올해 1·2·4월»: a list of months, the span from the first
    # to the last (the year as written, relative, or the latest one that has them all).
    month_list_re = re.compile(
        rf"""(?x)(?<![\d·.])
        (?:(?P<year>{_YEAR})\s*년\s*|(?P<rel>올해|지난해|작년|내년)\s*)?
        (?P<m1>1[0-2]|[1-9])(?:·(?:1[0-2]|[1-9]))*·(?P<m2>1[0-2]|[1-9])\s*월(?!\s*\d)"""
    )

    def month_list_rule(m, ctx):
        m1, m2 = int(m["m1"]), int(m["m2"])
        if m1 >= m2:
            return []
        if m["year"]:
            y = int(m["year"])
        elif ctx.pub is None:
            return [_mk(ctx, m, None, None, "range", approx=True)]
        elif m["rel"]:
            y = ctx.pub.year + {"지난해": -1, "작년": -1, "내년": 1}.get(m["rel"], 0)
        else:
            y = ctx.pub.year if m2 <= ctx.pub.month else ctx.pub.year - 1
        return [_mk(ctx, m, date(y, m1, 1), _month_span(y, m2)[1], "range")]

    # «지난 19일», «오는 25일», «19일»: a day of the month near publication.
    # «지난달 24일», «다음 달 3일»: a day of the month named before it.
    day_re = re.compile(
        r"(?<![\d월])(?:(?P<q>지난|오는)\s*|(?<!\w)(?P<mw>지난달|이달|이번\s*달|다음\s*달|내달)\s*)?"
        # not a count of days: «21일간», «3일 동안», «3일째», «3일 전», «3일 후에» (but «21일
        # 전남»: 전 starting another word)
        # «지난 17~18일»: two days of that month.
        rf"(?P<day>[1-3]?\d)(?:\s*[~∼-]\s*(?P<day2>[1-3]?\d))?\s*일(?!간|째|\s*(?:동안|전|후){_END})"
    )

    def day_rule(m, ctx):
        day = int(m["day"])
        if not 1 <= day <= 31:
            return []
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        if m["mw"]:
            shift = _PERIODS[re.sub(r"\s+", " ", m["mw"])][1]
            y, mo = divmod(ctx.pub.year * 12 + ctx.pub.month - 1 + shift, 12)
            if not _valid_day(y, mo + 1, day):
                return []
            d = date(y, mo + 1, day)
        else:
            d = _nearest_day(ctx.pub, day, _QUAL.get(m["q"] or ""))
        if d and m["day2"]:
            day2 = int(m["day2"])
            if day2 <= day or not _valid_day(d.year, d.month, day2):
                return []
            return [_mk(ctx, m, d, date(d.year, d.month, day2), "range")]
        return [_mk(ctx, m, d, d, "day", anchor=not (m["q"] or m["mw"]))] if d else []

    # «2022.6.21», «2024.06.18.»: year first with dots (bylines, captions, stamps).
    dotted_re = re.compile(
        rf"(?<![\w.])(?P<y>{_YEAR})\.\s?(?P<m>1[0-2]|0?[1-9])\.\s?(?P<d>[12]\d|3[01]|0?[1-9])(?![\d]|\.\d)"
    )

    def dotted_rule(m, ctx):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid_day(y, mo, d):
            return []
        return [_mk(ctx, m, date(y, mo, d), date(y, mo, d), "day")]

    # «2024년», «1950~1953년» (a month after it belongs to month_re)
    year_re = re.compile(
        rf"(?<!\d)(?P<y1>{_YEAR})(?:\s*[~-]\s*(?P<y2>{_YEAR}))?\s*년(?P<dec>대)?"
        rf"(?!\s*(?:1[0-2]|0?[1-9])\s*월)"
    )

    def year_rule(m, ctx):
        y1 = int(m["y1"])
        if m["dec"]:  # «2020년대»: the decade
            if m["y2"] or y1 % 10:
                return []
            return [_mk(ctx, m, date(y1, 1, 1), date(y1 + 9, 12, 31), "range")]
        if m["y2"]:
            y2 = int(m["y2"])
            return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")] if y2 > y1 else []
        return [_mk(ctx, m, *_year_span(y1), "year")]

    # «어제(6일)»: the day in brackets is the same date, one mention.
    word_re = re.compile(rf"(?<!\w)(?P<w>{_alt(_DAY_WORDS)})(?:\([1-3]?\d일\)|{_END})")

    def word_rule(m, ctx):
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        d = ctx.pub + timedelta(days=_DAY_WORDS[m["w"]])
        return [_mk(ctx, m, d, d, "day")]

    period_re = re.compile(rf"(?<!\w)(?P<w>{_alt(_PERIODS)}){_END}")

    def period_rule(m, ctx):
        unit, shift = _PERIODS[re.sub(r"\s+", " ", m["w"])]
        qual = {-1: _PAST, 1: _NEXT}.get(shift, _CUR)
        return [_relunit_cand(ctx, m, unit, qual, "")]

    # «수요일», «지난 수요일»; «이번 주 금요일», «다음 주 월요일», «지난주 화요일»: the day of
    # that week (Monday to Sunday).
    weekday_re = re.compile(
        rf"(?<!\w)(?:(?P<q>지난|오는|이번|다음)\s*(?P<week>주\s*)?)?(?P<wd>{wd}){_END}"
    )

    def weekday_rule(m, ctx):
        qual = _QUAL.get(m["q"] or "")
        if m["week"] and ctx.pub is not None:
            monday = ctx.pub - timedelta(days=ctx.pub.weekday())
            shift = {_PAST: -7, _NEXT: 7}.get(qual, 0)
            d = monday + timedelta(days=shift + (lx.weekdays[m["wd"]] - _MONDAY) % 7)
            return [_mk(ctx, m, d, d, "day")]
        return [_weekday_cand(ctx, m, lx.weekdays[m["wd"]], None if qual == _CUR else qual, False)]

    # «3년 전», «두 달 전», «2주 전»
    ago_re = re.compile(rf"(?<!\w)(?P<n>\d{{1,3}}|{num})\s*(?P<u>주일|개월|일|주|달|년)\s*전{_END}")

    def ago_rule(m, ctx):
        n = _num(m["n"], lx)
        return [_duration_cand(ctx, m, _UNITS[m["u"]], -n, False)] if n else []

    vague_re = re.compile(rf"(?<!\w)(?:{_alt(lx.vague)}){_END}")

    def vague_rule(m, ctx):
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    # «이날» (that day): in a news report, the day of the report.
    # «이날» (that day), «전날» (the day before), «다음 날», «이튿날» (the day after): counted
    # from the day last narrated (engine: _resolve_anaphors), else from the day of the report.
    this_day_re = re.compile(rf"(?<!\w)(?P<w>{_alt(_ANAPHORS)}){_END}")

    def this_day_rule(m, ctx):
        shift = _ANAPHORS[re.sub(r"\s+", " ", m["w"])]
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True, anaphor=shift)]
        d = ctx.pub + timedelta(days=shift)
        return [_mk(ctx, m, d, d, "day", anaphor=shift)]

    # «지난해 같은 기간», «전년 동기»: the period last mentioned, a year earlier (engine:
    # _resolve_anaphors); the previous year when no period was mentioned.
    same_period_re = re.compile(
        rf"(?<!\w)(?:(?P<y>지난해|작년|전년)\s*(?:같은\s*기간|동기|동기간)|(?:직전|전)\s*분기){_END}"
    )

    def same_period_rule(m, ctx):
        if not m["y"]:  # «전 분기», «직전 분기»: the quarter before the one last named
            return [_mk(ctx, m, None, None, "range", approx=True, same_period=-3)]
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "year", approx=True, same_period=-12)]
        return [_mk(ctx, m, *_year_span(ctx.pub.year - 1), "year", same_period=-12)]

    # «2분기», «올해 2분기», «2022년 3분기», «하반기», «지난해 상반기»: quarters and halves.
    part_re = re.compile(
        rf"""(?x)(?<![\w·])
        (?:(?P<year>{_YEAR})\s*년\s*|(?P<rel>올해|지난해|내년|작년)\s*)?
        (?:(?P<q>[1-4])\s*분기|(?P<half>상반기|하반기)){_END}"""
    )

    def part_rule(m, ctx):
        if m["year"]:
            y = int(m["year"])
        elif ctx.pub is None:
            return [_mk(ctx, m, None, None, "range", approx=True)]
        else:
            y = ctx.pub.year + {"지난해": -1, "작년": -1, "내년": 1}.get(m["rel"] or "", 0)
        if m["q"]:
            first = 3 * (int(m["q"]) - 1) + 1
            last = first + 2
        else:
            first, last = (1, 6) if m["half"] == "상반기" else (7, 12)
        end = (date(y, last + 1, 1) if last < 12 else date(y + 1, 1, 1)) - timedelta(days=1)
        return [_mk(ctx, m, date(y, first, 1), end, "range")]

    # «올 시즌», «새 시즌», «지난 시즌», «2022시즌»: a sports season, read as its year.
    season_re = re.compile(
        rf"(?<!\w)(?:(?P<rel>올|이번|새|다음|지난)\s*|(?P<year>{_YEAR})\s*)시즌(?!\w)"
    )

    def season_rule(m, ctx):
        if m["year"]:
            return [_mk(ctx, m, *_year_span(int(m["year"])), "year")]
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "year", approx=True)]
        shift = {"새": 1, "다음": 1, "지난": -1}.get(m["rel"], 0)
        return [_mk(ctx, m, *_year_span(ctx.pub.year + shift), "year")]

    # «4·10 총선», «12·3 비상계엄»: an event named by its month and day, on or before the
    # report (a list of months «2·4·5월» is no date).
    # Not ranks or counts («1·2위», «3·4차») and not the historic anniversaries whose name is
    # a date of another year («6·25 전쟁», «5·18 민주화운동», «3·1절»).
    dot_day_re = re.compile(
        r"(?<![\d·.])(?P<mon>1[0-2]|[1-9])·(?P<day>[1-3]?\d)"
        r"(?![\d·]|\s*(?:월|위|차|호|번|회|세|명|개|층|학년|단계|급|%|전쟁|혁명|민주|운동|광복|절|사변|선언|항쟁|의거))"
    )

    def dot_day_rule(m, ctx):
        mon, day = int(m["mon"]), int(m["day"])
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        for y in (ctx.pub.year, ctx.pub.year - 1):
            if _valid_day(y, mon, day) and date(y, mon, day) <= ctx.pub:
                d = date(y, mon, day)
                return [_mk(ctx, m, d, d, "day")]
        return []

    # «2024 KBO 한국시리즈», «'2026 월드컵'»: a bare year naming an event (no 년, no unit).
    bare_year_re = re.compile(
        r"(?<![\d.,:/·-])(?P<y>19[5-9]\d|20[0-4]\d)(?![\d.,:/%·-]|\s*(?:년|원|명|개|건|곳|억|만|조|대|호|회|번|위|kg|km|m\b))"
    )

    def bare_year_rule(m, ctx):
        return [_mk(ctx, m, *_year_span(int(m["y"])), "year")]

    return [
        (this_day_re, this_day_rule, _with_particles(_ANAPHORS), None),
        (same_period_re, same_period_rule, {"지난해", "작년", "전년", "직전", "전"}, None),
        (part_re, part_rule, {_DIGIT} | _with_particles(["상반기", "하반기"]), None),
        (
            season_re,
            season_rule,
            {_DIGIT} | _with_particles(["시즌"]) | {"올", "새", "이번", "다음", "지난"},
            None,
        ),
        (dot_day_re, dot_day_rule, {_DIGIT}, speed.gate("·")),
        (dotted_re, dotted_rule, {_DIGIT}, speed.gate(r"\d\.\s?\d")),
        (bare_year_re, bare_year_rule, {_DIGIT}, None),
        (month_list_re, month_list_rule, {_DIGIT}, speed.gate("·")),
        (month_re, month_rule, {_DIGIT}, speed.gate("월")),
        (year_re, year_rule, {_DIGIT}, speed.gate("년")),
        (day_re, day_rule, {_DIGIT}, speed.gate("일")),
        (word_re, word_rule, _with_particles(_DAY_WORDS), None),
        (period_re, period_rule, _with_particles(_PERIODS), None),
        (weekday_re, weekday_rule, _with_particles(lx.weekdays), None),
        (ago_re, ago_rule, {_DIGIT} | _with_particles(["전"]), speed.gate("전")),
        (vague_re, vague_rule, _with_particles(lx.vague), None),
    ]
