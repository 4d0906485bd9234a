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
    _check_weekday,
    _duration_cand,
    _mk,
    _month_span,
    _num,
    _part_of_year,
    _relunit_cand,
    _rolling_cand,
    _RuleSpec,
    _Speed,
    _valid_day,
    _weekday_cand,
    _weekend_cand,
    _year_for,
    _year_span,
)

_QUAL = {
    "прошл": _PAST,
    "минувш": _PAST,
    "предыдущ": _PAST,
    "следующ": _NEXT,
    "ближайш": _NEXT,
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


_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_SEASONS = {"весной": 3, "летом": 6, "осенью": 9, "зимой": 12}
_ROLLING_UNITS = {
    "неделю": "week",
    "месяц": "month",
    "год": "year",
    "сутки": "day",
    "суток": "day",
    "день": "day",
    "дня": "day",
    "дней": "day",
    "недели": "week",
    "недель": "week",
    "месяца": "month",
    "месяцев": "month",
    "года": "year",
    "лет": "year",
}
_SENTENCE_YEAR_RE = re.compile(r"(?<![\w.,])((?:19|20)\d\d)\s*(?:году|года|год|г\.)")


def _sentence_year(norm: str) -> int | None:
    """The one year a sentence names («5 марта … в январе 2015 года»): the year of its
    year-less dates when the article has no publication date."""
    years = {int(y) for y in _SENTENCE_YEAR_RE.findall(norm)}
    return years.pop() if len(years) == 1 else None


def _add_month_count(y: int, m: int, n: int) -> tuple[int, int]:
    y2, m2 = divmod(m - 1 + n, 12)
    return y + y2, m2 + 1


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
        (?P<wdp>(?<!\w)(?:во?\s+)?(?P<wdn>{wd}),?\s+(?=\d))?
        (?:(?:(?<!\w)с\s+)?(?<![\w.,])(?P<day>\d{{1,2}})(?:(?:\s*[-–]\s*|\s+по\s+)(?P<day2>\d{{1,2}}))?\s+
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
        if y is None and ctx.pub is None:
            y = _sentence_year(ctx.norm)
        cands = _absolute(ctx, m, y, mo, d, d2, None, m["pre"] or "", False, m["pre"] == "с")
        wdn = lx.weekdays[m["wdn"].lower()] if m["wdn"] else None
        return _check_weekday(cands, m, wdn)

    # «в январе–феврале 2015 года», «с марта по май»: two months of one year
    month_range_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:(?:в|с)\s+)?(?P<m1>{mon})\s*(?:[-–]|\s+по\s+)\s*(?P<m2>{mon})(?!\w)
        (?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    def month_range_rule(m, ctx):
        m1, m2 = lx.months[m["m1"].lower()], lx.months[m["m2"].lower()]
        y = int(m["year"]) if m["year"] else None
        if y is None:
            y = ctx.pub.year if ctx.pub is not None else _sentence_year(ctx.norm)
        if m2 <= m1 or y is None:
            return [_mk(ctx, m, None, None, "range", approx=True)] if m2 > m1 else []
        return [_mk(ctx, m, _month_span(y, m1)[0], _month_span(y, m2)[1], "range")]

    # «в 2024 году», «в 1950–1953 годах», «2024 год»
    year_re = re.compile(
        rf"""(?ix)
        (?:(?<!\w)(?P<since>с|со)\s+)?
        (?<![\w.,])(?P<y1>{_YEAR})(?:(?:\s*[-–]\s*|\s+по\s+)(?P<y2>{_YEAR}))?
        (?:\s*(?:-м\s+)?(?:году|годах|года|годы|год|гг?\.)|-м|-го)(?!\w)(?!\s+по\s)
        """
    )

    def year_rule(m, ctx):
        y1 = int(m["y1"])
        if m["y2"]:
            y2 = int(m["y2"])
            if y2 <= y1:
                return []
            return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")]
        if m["since"]:  # «с 2014 года»: from then to publication
            return [_mk(ctx, m, *_year_span(y1), "year", since=True)]
        return [_mk(ctx, m, *_year_span(y1), "year")]

    # «на выходных», «в эти выходные», «на прошлых выходных»: Saturday and Sunday.
    weekend_re = re.compile(
        r"(?i)(?<!\w)(?:на|в)\s+(?:(?P<q>прошл\w*|минувш\w*|следующ\w*|ближайш\w*|эт\w*)\s+)?выходн(?:ых|ые)(?!\w)"
    )

    def weekend_rule(m, ctx):
        return [_weekend_cand(ctx, m, _qual(m["q"]) if m["q"] else None)]

    # «на следующий день», «на другой день»: the day after the day last narrated (engine:
    # _resolve_anaphors); unresolved when no day was narrated before it.
    next_day_re = re.compile(r"(?i)(?<!\w)на\s+(?:следующий|другой)\s+день(?!\w)")

    def next_day_rule(m, ctx):
        return [_mk(ctx, m, None, None, "day", approx=True, anaphor=1)]

    # «в первом квартале 2023 года», «во втором полугодии»
    part_year_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:(?:в|во|за)\s+)?(?P<n>перв\w+|втор\w+|трет\w+|четверт\w+|четвёрт\w+
        |[IV]{{1,3}})\s+(?P<u>квартал[еау]?|полугоди[еия])(?!\w)
        (?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    def part_year_rule(m, ctx):
        size = 3 if m["u"].lower().startswith("квартал") else 6
        n = _ORDINALS.get(m["n"].lower()[:4], _ROMAN.get(m["n"].upper(), 0))
        if not n:
            return []
        y = int(m["year"]) if m["year"] else None
        return _part_of_year(ctx, m, size, n, y, None, "", False, False)

    # «в среду», «во вторник», «в прошлую пятницу», «в следующий понедельник»
    weekday_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:во?\s+)?(?:(?P<q>прошл\w*|минувш\w*|следующ\w*|будущ\w*|эт\w*)\s+)?(?P<wd>{wd})(?!\w)
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

    # «в конце февраля», «в начале марта 2015 года»: a third of a month (approximate)
    month_part_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:(?:в|до|к|с)\s+)?(?P<part>конц[аеу]|начал[аеу]|середин[аеуы])\s+
        (?P<mon>{mon})(?!\w)(?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    def month_part_rule(m, ctx):
        mo = lx.months[m["mon"].lower()]
        y = int(m["year"]) if m["year"] else None
        if y is None and ctx.pub is not None:
            y = _year_for(ctx.pub, mo, 0, None)
        elif y is None:
            y = _sentence_year(ctx.norm)
        if y is None:
            return [_mk(ctx, m, None, None, "range", approx=True)]
        first, last = _month_span(y, mo)
        part = m["part"].lower()[:4]
        start = {"нача": 1, "сере": 11, "конц": 21}[part]
        end = {"нача": 10, "сере": 20, "конц": last.day}[part]
        return [_mk(ctx, m, date(y, mo, start), date(y, mo, end), "range", approx=True)]

    # «с 1 марта по 5 апреля (2024 года)»: two dates of one range
    span_re = re.compile(
        rf"""(?ix)
        (?<!\w)с\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{mon})\s+по\s+(?P<d2>\d{{1,2}})\s+
        (?P<m2>{mon})(?!\w)(?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    def span_rule(m, ctx):
        m1, m2 = lx.months[m["m1"].lower()], lx.months[m["m2"].lower()]
        d1, d2 = int(m["d1"]), int(m["d2"])
        y = int(m["year"]) if m["year"] else None
        if y is None:
            y = _year_for(ctx.pub, m2, d2, None) if ctx.pub else _sentence_year(ctx.norm)
        if y is None:
            return [_mk(ctx, m, None, None, "range", approx=True)]
        y1 = y if (m1, d1) <= (m2, d2) else y - 1
        if not (_valid_day(y1, m1, d1) and _valid_day(y, m2, d2)):
            return []
        return [_mk(ctx, m, date(y1, m1, d1), date(y, m2, d2), "range")]

    # «через неделю», «через два года»
    after_re = re.compile(
        rf"""(?ix)
        (?<!\w)через\s+(?:(?P<n>\d{{1,3}}|{num})\s+)?(?P<u>{_alt(_UNITS)})(?!\w)
        """
    )

    def after_rule(m, ctx):
        n = _num(m["n"], lx) if m["n"] else 1
        if not n:
            return []
        return [_duration_cand(ctx, m, _UNITS[m["u"].lower()], n, False)]

    # «в 1990-х годах», «2020-х»: a decade
    decade_re = re.compile(
        r"""(?ix)
        (?<![\w.,])(?P<y>(?:1[89]|20)\d0)\s*-?\s*х(?!\w)(?:\s+(?:годах|годов|годы|гг\.?))?
        """
    )

    def decade_rule(m, ctx):
        y = int(m["y"])
        return [_mk(ctx, m, date(y, 1, 1), date(y + 9, 12, 31), "range")]

    # «в 90-е годы», «в 2010-е»: a decade written short or with «-е»
    decade2_re = re.compile(
        r"""(?ix)
        (?<![\w.,])(?P<y>(?:1[89]|20)?\d0)-(?:е|х)(?!\w)(?:\s+(?:годы|годах|годов|гг\.?))?
        """
    )

    def decade2_rule(m, ctx):
        y = int(m["y"])
        if y < 100:  # «90-е»: the last such decade before publication (or the 1900s)
            now = ctx.pub.year if ctx.pub else 2000
            y = 2000 + y if 2000 + y <= now else 1900 + y
        return [_mk(ctx, m, date(y, 1, 1), date(y + 9, 12, 31), "range")]

    # «текущий год», «на следующий год», «этого года», «прошлого месяца»
    relunit2_re = re.compile(
        r"""(?ix)
        (?<!\w)(?:(?:на|до|к|с)\s+)?(?P<q>прошлый|прошлого|этот|этого|следующий|следующего
        |текущий|текущего|нынешний|нынешнего|будущий|будущего|прошлую|эту|следующую|текущую
        |прошлой|этой|следующей|текущей)\s+(?P<u>год|года|месяц|месяца|неделю|недели)(?!\w)
        """
    )

    # «до конца года», «в конце прошлого года», «в начале месяца», «с начала года»
    part_re = re.compile(
        r"""(?ix)
        (?<!\w)(?P<pre>до|в|к|с)\s+(?P<part>конц[аеу]|начал[аеу]|середин[аеуы])\s+
        (?:(?P<q>прошлого|этого|следующего|текущего|нынешнего|будущего|прошлой|этой|следующей
        |текущей)\s+)?(?P<u>года|месяца|недели)(?!\w)
        """
    )

    def part_rule(m, ctx):
        unit = _UNITS[m["u"].lower()]
        qual = _qual(m["q"]) if m["q"] else _CUR
        c = _relunit_cand(ctx, m, unit, qual, "")
        if m["pre"].lower() == "с" and m["part"].lower().startswith("начал") and ctx.pub:
            c.end, c.gran = ctx.pub, "range"  # «с начала года»: up to publication
        elif m["pre"].lower() == "с" and ctx.pub is None:
            c.gran = "range"
        return [c]

    # «весной», «прошлой осенью», «летом 2023 года»
    season_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:(?P<q>(?:поза)?прошл(?:ой|ым)|эт(?:ой|им)|следующ(?:ей|им)|нынешн(?:ей|им)
        |будущ(?:ей|им))\s+)?
        (?P<s>весной|летом|осенью|зимой)(?!\w)
        (?:\s+(?P<year>{_YEAR})(?:\s*(?:года|г\.))?)?
        """
    )

    def season_rule(m, ctx):
        first = _SEASONS[m["s"].lower()]
        if m["year"]:
            y = int(m["year"])
        elif ctx.pub is not None:
            y = ctx.pub.year + {_PAST: -1, _NEXT: 1}.get(_qual(m["q"]) if m["q"] else "", 0)
            if m["q"] and m["q"].lower().startswith("поза"):
                y = ctx.pub.year - 2  # «позапрошлым летом»: two years back
            if first == 12 and (not m["q"] or _qual(m["q"]) == _CUR) and ctx.pub.month <= 2:
                y -= 1  # «зимой» in January: the winter that began in December
        else:
            y = _sentence_year(ctx.norm)
        if y is None:
            return [_mk(ctx, m, None, None, "range", approx=True)]
        start = date(y, first, 1)
        last = _add_month_count(y, first, 2)
        return [_mk(ctx, m, start, _month_span(*last)[1], "range", approx=True)]

    # «за минувшие сутки», «за последние три дня», «за последний месяц», «в последнюю
    # неделю» (a week up to publication; not «в последнюю неделю перед выборами», counted
    # from another event)
    rolling_re = re.compile(
        rf"""(?ix)
        (?<!\w)(?:за\s+(?:минувш|прошедш|последн)(?:ие|ий|ую|юю)
            |в\s+последн(?:юю|ие)(?=\s+(?:неделю|\d|{num})))
        \s+(?:(?P<n>\d{{1,3}}|{num})\s+)?
        (?P<u>сутки|суток|день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)
        (?!\w)(?!\s+(?:перед|до|накануне)(?!\w))
        """
    )

    def rolling_rule(m, ctx):
        n = _num(m["n"], lx) if m["n"] else 1
        unit = _ROLLING_UNITS[m["u"].lower()]
        return [_rolling_cand(ctx, m, unit, n, False)]

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
        (weekend_re, weekend_rule, {"выходных", "выходные"}, None),
        (next_day_re, next_day_rule, {"день"}, None),
        (
            part_year_re,
            part_year_rule,
            {"квартале", "квартал", "квартала", "полугодии"} | {"полугодие"},
            None,
        ),
        (relunit2_re, relunit_rule, {"год", "года", "месяц", "месяца", "неделю", "недели"}, None),
        (part_re, part_rule, {"года", "месяца", "недели"}, None),
        (month_range_re, month_range_rule, words(lx.months), None),
        (month_part_re, month_part_rule, words(lx.months), None),
        (span_re, span_rule, {"по"}, speed.gate(r"\d")),
        (after_re, after_rule, {"через"}, None),
        (decade_re, decade_rule, {_DIGIT}, speed.gate(r"\d")),
        (decade2_re, decade2_rule, {_DIGIT}, speed.gate(r"\d0-")),
        (season_re, season_rule, set(_SEASONS), None),
        (
            rolling_re,
            rolling_rule,
            set(_ROLLING_UNITS),
            None,
        ),
        (ago_re, ago_rule, {"назад"}, None),
        (vague_re, vague_rule, {w.split()[-1] for w in lx.vague}, None),
    ]
