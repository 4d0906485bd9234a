"""Russian date rules (skeleton): «19 июня», «19 июня 2024 года», «в июне», «в 2024 году»,
«в 1950–1953 годах», «в среду», «вчера», «на прошлой неделе», «в прошлом году», «три года
назад», vague «недавно».

`patterns(lexicon, speed)` returns the rule specs the shared engine
(dashboard.analysis.dates.engine) compiles; the engine reads the lexicon (`date_lexicon`)
from this folder's dates_*.txt files. Matching is case-insensitive.
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
    _num,
    _relunit_cand,
    _rolling_cand,
    _RuleSpec,
    _Speed,
    _weekday_cand,
    _weekend_cand,
    _year_span,
)

_QUAL = {
    "прошл": _PAST,
    "предыдущ": _PAST,
    "следующ": _NEXT,
    "будущ": _NEXT,
    "эт": _CUR,
    "текущ": _CUR,
    "нынешн": _CUR,
}
_UNITS = {
    "день": "day",
    "дня": "day",
    "дней": "day",
    "неделю": "week",
    "недели": "week",
    "недель": "week",
    "неделе": "week",
    "месяц": "month",
    "месяца": "month",
    "месяцев": "month",
    "месяце": "month",
    "год": "year",
    "года": "year",
    "лет": "year",
    "году": "year",
}
_DAY_WORDS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
# The adjectives of the day words («сегодняшнего заседания», «вчерашнее заявление») in every
# case, gender and number.
_ADJ_ENDINGS = ("ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ее", "ие", "их", "ими")
for _stem, _offset in (("позавчерашн", -2), ("вчерашн", -1), ("сегодняшн", 0), ("завтрашн", 1)):
    _DAY_WORDS.update({_stem + e: _offset for e in _ADJ_ENDINGS})


def _qual(word: str) -> str:
    word = word.lower()
    return next((q for stem, q in _QUAL.items() if word.startswith(stem)), _CUR)


def patterns(lx: DateLexicon, speed: _Speed) -> list[_RuleSpec]:
    mon = _alt(lx.months)
    wd = _alt(lx.weekdays)
    num = _alt(lx.numbers)

    # «19 июня», «19–20 июня 2024 года», «в июне», «в июне 2024 года»
    month_re = re.compile(
        rf"""(?ix)
        (?:(?<![\w.,])(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?\s+
         |(?<!\w)(?P<pre>в|с|до|к)\s+)?
        (?<!\w)(?P<mon>{mon})(?!\w)
        (?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    # «Май 28, 2025» (a page stamp in the English order)
    month_first_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?P<mon>{mon})\s+(?P<day>\d{{1,2}}),\s*(?P<year>{_YEAR})(?!\d)
        """
    )

    def month_first_rule(m, ctx):
        mo = lx.months[m["mon"].lower()]
        return _absolute(ctx, m, int(m["year"]), mo, int(m["day"]), 0, None, "", False, False)

    def month_rule(m, ctx):
        mo = lx.months[m["mon"].lower()]
        d = int(m["day"] or 0)
        d2 = int(m["day2"] or 0)
        y = int(m["year"]) if m["year"] else None
        if not d and y is None and not m["pre"]:
            return []  # a bare month name («июнь») is a word, not yet a date
        return _absolute(ctx, m, y, mo, d, d2, None, m["pre"] or "", False, m["pre"] == "с")

    # «в 2024 году», «в 1950–1953 годах», «2024 год»
    year_re = re.compile(
        rf"""(?ix)
        (?<![\w.,])(?P<y1>{_YEAR})(?:\s*[-–]\s*(?P<y2>{_YEAR}))?\s*
        (?:году|годах|года|год|гг?\.)(?!\w)
        """
    )

    def year_rule(m, ctx):
        y1 = int(m["y1"])
        if m["y2"]:
            y2 = int(m["y2"])
            if y2 <= y1:
                return []
            return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")]
        return [_mk(ctx, m, *_year_span(y1), "year")]

    # «в среду», «во вторник», «в прошлую пятницу», «в следующий понедельник»
    weekday_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:во?\s+)?(?:(?P<q>прошл\w*|следующ\w*|эт\w*)\s+)?(?P<wd>{wd})(?!\w)
        """
    )

    def weekday_rule(m, ctx):
        qual = _qual(m["q"]) if m["q"] else None
        if qual == _CUR:
            qual = None
        return [_weekday_cand(ctx, m, lx.weekdays[m["wd"].lower()], qual, False)]

    day_re = re.compile(rf"(?i)(?<!\w)(?P<w>{_alt(_DAY_WORDS)})(?!\w)")

    def day_rule(m, ctx):
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        d = ctx.pub + timedelta(days=_DAY_WORDS[m["w"].lower()])
        return [_mk(ctx, m, d, d, "day")]

    # «на прошлой неделе», «в этом месяце», «в прошлом году», «в следующем году»
    relunit_re = re.compile(
        r"""(?ix)
        (?<!\w)(?:на|в)\s+(?P<q>прошлой|этой|следующей|текущей|прошлом|этом|следующем|текущем
        |нынешнем|будущем)\s+(?P<u>неделе|месяце|году)(?!\w)
        """
    )

    def relunit_rule(m, ctx):
        return [_relunit_cand(ctx, m, _UNITS[m["u"].lower()], _qual(m["q"]), "")]

    # «три года назад», «5 дней назад», «неделю назад»
    ago_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:(?P<n>\d{{1,3}}|{num})\s+)?(?P<u>{_alt(_UNITS)})\s+назад(?!\w)
        """
    )

    def ago_rule(m, ctx):
        n = _num(m["n"], lx) if m["n"] else 1
        if not n:
            return []
        return [_duration_cand(ctx, m, _UNITS[m["u"].lower()], -n, False)]

    # «в последнюю неделю», «за последний месяц», «за последние три года»: a window up to
    # publication (a plural without a number, «в последние годы», stays vague).
    last_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:в|за)\s+последн(?:юю|ий|ие|их)\s+(?:(?P<n>\d{{1,3}}|{num})\s+)?
        (?P<u>{_alt(_UNITS)})(?!\w)
        """
    )

    def last_rule(m, ctx):
        unit = _UNITS[m["u"].lower()]
        if m["n"]:
            n = _num(m["n"], lx)
        else:
            n = 1 if m["u"].lower() in ("день", "неделю", "месяц", "год") else 0
        return [_rolling_cand(ctx, m, unit, n, False)]

    # «на выходных», «в эти выходные», «на прошлых выходных»: Saturday and Sunday.
    weekend_re = re.compile(
        r"(?i)(?<!\w)(?:на|в)\s+(?:(?P<q>прошл\w*|следующ\w*|эт\w*)\s+)?выходн(?:ых|ые)(?!\w)"
    )

    def weekend_rule(m, ctx):
        return [_weekend_cand(ctx, m, _qual(m["q"]) if m["q"] else None)]

    # «на следующий день», «на другой день»: the day after the day last narrated (engine:
    # _resolve_anaphors); unresolved when no day was narrated before it.
    next_day_re = re.compile(r"(?i)(?<!\w)на\s+(?:следующий|другой)\s+день(?!\w)")

    def next_day_rule(m, ctx):
        return [_mk(ctx, m, None, None, "day", approx=True, anaphor=1)]

    vague_re = re.compile(rf"(?i)(?<!\w)(?:{_alt(lx.vague)})(?!\w)")

    def vague_rule(m, ctx):
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    def words(forms) -> set[str]:
        return {w.lower() for f in forms for w in f.split()}

    return [
        (month_first_re, month_first_rule, words(lx.months), speed.gate(r"\d")),
        (month_re, month_rule, words(lx.months), None),
        (year_re, year_rule, {_DIGIT}, speed.gate(r"\d")),
        (weekday_re, weekday_rule, words(lx.weekdays), None),
        (day_re, day_rule, set(_DAY_WORDS), None),
        (relunit_re, relunit_rule, {"неделе", "месяце", "году"}, None),
        (ago_re, ago_rule, {"назад"}, None),
        (last_re, last_rule, {"последнюю", "последний", "последние", "последних"}, None),
        (weekend_re, weekend_rule, {"выходных", "выходные"}, None),
        (next_day_re, next_day_rule, {"день"}, None),
        (vague_re, vague_rule, {w.split()[-1] for w in lx.vague}, None),
    ]
