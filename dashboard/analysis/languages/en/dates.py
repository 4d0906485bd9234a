"""English date rules: "June 19", "19 June 2024", "last week", "two years ago", "in recent
weeks", "the 2024 election".

`patterns(lexicon, speed)` returns the rule specs the shared engine
(dashboard.analysis.dates.engine) compiles; the engine reads the lexicon (`date_lexicon`)
from this folder's dates_*.txt files (month and weekday names are case-sensitive: the
pack's `dates_cased`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.analysis.dates.engine import (
    _APPROX_EN,
    _CUR,
    _DIGIT,
    _NEXT,
    _NOT_YEAR_AFTER,
    _PAST,
    _YEAR,
    _YEAR_DIGITS,
    DateLexicon,
    _absolute,
    _alt,
    _check_weekday,
    _content_words,
    _duration_cand,
    _mk,
    _names_an_outlet,
    _num,
    _part_of_year,
    _relunit_cand,
    _rolling_cand,
    _RuleSpec,
    _Speed,
    _weekday_cand,
    _year_span,
)

# A bare weekday ("on Sunday", "early Wednesday") five or six days before publication is
# rare in English news (none in the development set, where the day after publication is
# common: an event ahead, or a page dated the day before its last update), so a weekday
# that far back is read as the coming one.
_BARE_WEEKDAY_BACK = 5

_QUAL_EN = {"last": _PAST, "past": _PAST, "next": _NEXT, "coming": _NEXT, "this": _CUR}


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


# An adjective or a name between a year and its event noun («the 2024 presidential
# election», «the 1994 cross-racial vote», «the 2024 Paris Olympics»).
_YEAR_ADJ_RE = re.compile(
    r"^(?:[A-Z][\w'’-]*|(?:[a-z]+-)?[a-z]+(?:al|ary|ic|ian|an|ese|ish|term))$"
)
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)")
# Words that may follow "for 2024" when 2024 is a year, not a count.
_CLAUSE_WORDS = frozenset(
    [
        "is",
        "was",
        "will",
        "would",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "as",
        "with",
        "when",
        "after",
        "before",
        "but",
        "has",
        "had",
        "have",
        "are",
        "were",
        "remains",
        "remained",
    ]
)
_DETERMINER_BEFORE_RE = re.compile(r"(?i:\b(?:the|its|their|his|her|this|that|an?))\s+$")


def patterns(lx: DateLexicon, speed: _Speed) -> list[_RuleSpec]:
    mon = _alt(lx.months)
    wd = _alt(lx.weekdays)
    num = _alt(lx.numbers)
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
             (?:\s+(?P<dayb>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)(?:\s*-\s*(?P<dayb2>\d{{1,2}})(?!\d))?)?
        )
        (?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\w)
          |\s+(?:(?i:of)\s+)?(?P<ryq>(?i:last|next|this))\s+(?i:year)(?!\w))?
        """,
        ),
        re.X,
    )

    # Full month names; "Sept", "Dec" are abbreviations of another form of the same month.
    full_names = {n for n in lx.months if not any(o != n and o.startswith(n) for o in lx.months)}

    def _bare_month(ctx, m, name):
        """A full month name without a cue ("a ruinous June debate", "marked July for") is
        the month, unless it is ambiguous (strict: "May", "March") or stands in a name
        ("June Carter", "Carter June": a capitalised word next to it)."""
        if name not in full_names or name in lx.strict_months:
            return False
        before = ctx.norm[: m.start("mon2")].split()
        after = ctx.norm[m.end("mon2") :].split()
        return not (
            (before and before[-1][:1].isupper() and len(before) > 1)
            or (after and after[0][:1].isupper())
        )

    def month_rule(m, ctx):
        name = m["mon"] or m["mon2"]
        mo, strict = lx.months[name], name in lx.strict_months
        d = int(m["day"] or m["dayb"] or 0)
        d2 = int(m["day2"] or m["dayb2"] or 0)
        y = int(m["year"]) if m["year"] else None
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        qual = _QUAL_EN.get(pre)
        # "August last year", "March next year": the year relative to publication.
        if m["ryq"] and ctx.pub is not None:
            y = ctx.pub.year + {_PAST: -1, _NEXT: 1}.get(_QUAL_EN[m["ryq"].lower()], 0)
        if not d and y is None and not (pre or m["ryq"]) and not _bare_month(ctx, m, name):
            return []
        if strict and not d and y is None and pre in ("on", "from", "between"):
            return []
        c = _absolute(ctx, m, y, mo, d, d2, qual, pre, pre in _APPROX_EN, pre == "since")
        for x in c:
            x.since = pre == "since"
        return _check_weekday(c, m, lx.weekdays[m["wd"]] if m["wd"] else None, ctx)

    year_pre = (
        r"in|into|since|by|until|till|from|during|before|after|early|mid|late|the\s+end\s+of|for|"
        r"the\s+beginning\s+of|end\s+of|beginning\s+of|as\s+of|summer\s+of|winter\s+of|"
        r"spring\s+of|fall\s+of|autumn\s+of|between"
    )
    nouns = _alt(lx.year_nouns)
    noun_set = {n.lower() for n in lx.year_nouns}
    # Up to two words between a year and its event noun: names ("the 2024 Paris Olympics",
    # "the 2022 African Boxing Champion") and adjectives ("the 2024 presidential election").
    # A hyphenated adjective ("the 1994 cross-racial vote") or a noun ("the 2024 finance
    # bill") is a modifier too: the year still needs an event noun after it.
    modifier = r"(?:[A-Z][\w'’-]*|(?:[a-z]+-)?[a-z]{3,})"
    year_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)(?P<pre>(?i:{year_pre}|(?:{nouns})\s+of))(?:\s+(?i:both|either))?[\s-]+)?
        (?:(?P<kw>(?i:the\s+year))\s+)?
        (?<![\w.,$£€])(?P<year>{_YEAR})(?!\w)(?![.,]\d){_NOT_YEAR_AFTER}
        (?P<noun>(?=\s+(?:{modifier}\s+){{0,2}}(?i:{nouns})(?!\w)))?
        (?P<poss>(?=['’]s\s))?
        (?P<name>(?=\s+[A-Z][\w'’-]*\s))?
        (?:\s+(?i:and|or)\s+(?P<year2>{_YEAR})(?!\w)(?![.,]\d){_NOT_YEAR_AFTER})?
        """,
            also=r"(?i:the\s+year)",  # "the year 2019" opens unguarded
        ),
        re.X,
    )

    def year_rule(m, ctx):
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        # "2024's fourth storm", "a 2022 US Open win": a possessive year, and a year before
        # a capitalised name after a determiner, are years.
        named = m["poss"] is not None or (
            m["name"] is not None and _DETERMINER_BEFORE_RE.search(m.string[: m.start("year")])
        )
        if not (pre or m["kw"] or m["noun"] is not None or named) or pre in ("from", "between"):
            return []
        if pre == "for":
            # "the outlook for 2024": a year; "paid for 2024 tickets": a count.
            nxt = _NEXT_WORD_RE.match(m.string, m.end("year"))
            if nxt and nxt[1] not in _CLAUSE_WORDS:
                return []
        if not (pre or m["kw"] or named) and not _DETERMINER_BEFORE_RE.search(
            m.string[: m.start("year")]
        ):
            # A plain word between the year and its noun («the 2024 finance bill») is read
            # as a modifier only after a determiner: «some 1900 migrants crossed the border»
            # counts people.
            words = m.string[m.end("year") : m.end("year") + 60].split()[:3]
            cut = next((k for k, w in enumerate(words) if w.strip(",.;:").lower() in noun_set), 0)
            if not all(_YEAR_ADJ_RE.match(w) for w in words[:cut]):
                return []
        start, end = _year_span(int(m["year"]))
        approx = pre in _APPROX_EN or pre.split(" ")[0] in (
            "summer",
            "winter",
            "spring",
            "fall",
            "autumn",
        )
        first = _mk(ctx, m, start, end, "year", approx=approx, pre=pre, since=pre == "since")
        if not m["year2"]:
            return [first]
        # "in 2004 and 2008": two years, each a mention.
        first.e = m.end("year")
        second = _mk(ctx, m, *_year_span(int(m["year2"])), "year", approx=approx)
        second.s = m.start("year2")
        return [first, second]

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
        (?<!\w)(?P<wd>{wd})(?P<poss>['’]s)?(?!\w)(?:\s+(?i:morning|afternoon|evening|night))?
        """,
        ),
        re.X,
    )

    def weekday_rule(m, ctx):
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        qual = {"last": _PAST, "past": _PAST, "this past": _PAST}.get(pre)
        if pre in ("next", "coming", "this coming"):
            qual = _NEXT
        # "since Monday's earthquake": the event is Monday's; "since" belongs to the event.
        since = pre == "since" and not m["poss"]
        return [_weekday_cand(ctx, m, lx.weekdays[m["wd"]], qual, since, _BARE_WEEKDAY_BACK)]

    relday_re = re.compile(
        r"(?<!\w)(?P<rel>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"yesterday|today|tomorrow|tonight|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening)))(?!\w)"
    )

    def relday_rule(m, ctx):
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        offset = {
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
            "yesterday": -1,
            "tomorrow": 1,
            "last night": -1,
            "last evening": -1,
        }.get(rel, 0)
        if rel == "today" and (_names_an_outlet(ctx, m) or _labels_a_date(ctx, m)):
            return []
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
        (?:(?P<num>\d{{1,3}}|(?i:{num}|few|several|couple\s+of))\s+)?
        (?P<unit>(?i:days|weeks|months|years|decades|hours)
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
        return [_rolling_cand(ctx, m, unit, n, future, count_last_day=True)]

    # "in a few days", "within hours", "within a couple of weeks": soon, without a span.
    vague_re = re.compile(
        rf"(?<!\w)(?i:{_alt(lx.vague)}"
        r"|(?:in|within)\s+(?:a\s+few|several|a\s+couple\s+of)\s+(?:hours|days|weeks|months)"
        r"|within\s+(?:hours|days|weeks)"
        # "within 14 days": a deadline counted from an event the text may not date ("within
        # 24 hours" is more often a measured span: "rain fell within 24 hours").
        rf"|within\s+(?:\d{{1,3}}|{num})\s+(?:days|weeks|months))(?!\w)"
    )

    # "a day earlier", "two weeks later", "just a day before": counted from the event the
    # sentence narrates, not from the publication date, so the mention stays unresolved.
    narrated_re = re.compile(
        rf"(?<!\w)(?:(?i:just|only|barely)\s+)?(?:(?i:a|one|\d{{1,2}}|{num})\s+)"
        r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:earlier|later)(?!\w)"
    )

    # "two days after the quake", "hours before the vote", "minutes after the blast": a span
    # counted from an event the sentence names; a when-expression, left unresolved.
    event_span_re = re.compile(
        rf"""(?<!\w)(?:(?i:just|only|barely|mere|some|about|around|nearly|almost|more\s+than|
            less\s+than|within)\s+)?
        (?:(?:(?i:a|an|one|\d{{1,3}}|{num}|a\s+few|several|a\s+couple\s+of)\s+)
            (?P<unit>(?i:minutes?|hours?|days?|weeks?|months?|years?))
          |(?P<bare>(?i:minutes|hours|days|weeks|months)))
        \s+(?i:after|before)(?!\w)""",
        re.X,
    )

    def narrated_rule(m, ctx):
        unit = _EN_UNITS[m["unit"].lower()]
        return [_mk(ctx, m, None, None, "range" if unit == "week" else unit, approx=True)]

    def vague_rule(m, ctx):
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    return [
        (month_re, month_rule, {w.lower() for w in lx.months}, None),
        (year_range_re, year_range_rule, {_YEAR_DIGITS}, speed.gate(year_pair, re.X)),
        (year_re, year_rule, {_YEAR_DIGITS}, None),
        (decade_re, decade_rule, {_DIGIT}, speed.gate(decade_tail)),
        (weekday_re, weekday_rule, {w.lower() for w in lx.weekdays}, None),
        (
            relday_re,
            relday_rule,
            {
                "yesterday",
                "today",
                "tomorrow",
                "tonight",
                "night",
                "morning",
                "afternoon",
                "evening",
            },
            None,
        ),
        (relunit_re, relunit_rule, {"week", "month", "year"}, speed.gate(relunit_tail)),
        (part_re, part_rule, {"week", "month", "year"}, speed.gate(part_tail)),
        (quarter_re, quarter_rule, {"quarter", "half"}, speed.gate(quarter_tail)),
        (duration_re, duration_rule, {"ago", "now"}, None),
        (rolling_re, rolling_rule, set(_EN_UNITS), speed.gate(rolling_qual + r"\s")),
        (
            vague_re,
            vague_rule,
            _content_words(lx.vague)
            | {"few", "several", "couple", "hours", "days", "weeks", "months"},
            None,
        ),
        (narrated_re, narrated_rule, {"earlier", "later"}, None),
        (event_span_re, vague_rule, {"after", "before"}, None),
    ]


# «Today: November 15, 2024» opening a line: a page's label for the date that follows (the
# date itself is read), not the deictic «today».
_DATE_LABEL_AFTER = re.compile(r"\s*:\s*(?:\d|[A-Za-z]+\.?\s+\d)")


def _labels_a_date(ctx, m) -> bool:
    return not ctx.norm[: m.start()].strip() and bool(_DATE_LABEL_AFTER.match(ctx.norm, m.end()))
