"""Arabic date rules: month names of every naming system (Egyptian/Gulf, Levantine/Iraqi,
Maghreb), Hijri dates, weekdays with ال, relative expressions («الأسبوع الماضي»، «قبل ثلاثة
أيام»، «خلال السنوات الثلاث الماضية»), parts of periods («مطلع العام») and decades.

`patterns(lexicon, speed)` returns the rule specs the shared engine
(dashboard.analysis.dates.engine) compiles; the engine reads the lexicon (`date_lexicon`)
from this folder's dates_*.txt files, in normalised spelling.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.analysis.dates.engine import (
    _APPROX_AR,
    _CUR,
    _DIGIT,
    _HIJRI_DIGITS,
    _HIJRI_YEAR,
    _HIJRI_YEAR_TAIL,
    _NEXT,
    _NOT_YEAR_AFTER,
    _PAST,
    _RANGE_START,
    _TANWEEN_FATH,
    _YEAR,
    _YEAR_DIGITS,
    DateLexicon,
    _absolute,
    _alt,
    _Cand,
    _check_weekday,
    _content_words,
    _Ctx,
    _duration_cand,
    _mk,
    _month_span,
    _names_an_outlet,
    _num,
    _part_of_year,
    _relunit_cand,
    _rolling_cand,
    _RuleSpec,
    _Speed,
    _weekday_cand,
    _year_for,
    _year_span,
)

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


def _first_words(forms) -> set[str]:
    return {f.split()[0].lower() for f in forms}


# Words used in several patterns, all in normalised spelling.
_AL = r"(?:[وف]?(?:[بل]?ال|لل))"  # article with optional clitics: ال، وال، بال، لل
_QUAL_AR_RE = r"ال(?P<qual>ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)ه?(?!\w)"
_PART_AR = r"صباح|مساء|ليله|فجر|ظهر|عصر|ظهيره|منتصف\s+ليل"
# Parts of a period («مطلع العام», «نهاية مارس»), in normalised spelling: «أوائل» is «اواءل».
_PARTS_AR = r"مطلع|اواءل|اواخر|اواسط|منتصف|نهايه|بدايه"
_AR_CUES = (
    rf"في|منذ|حتي|خلال|{_PARTS_AR}|قبل|بعد|بحلول|طوال|من|"
    r"اعتبارا\s+من|ابتداء\s+من|مع\s+حلول"
)


# The end or the beginning of a NAMED period (a written year, a month name, a quarter):
# «نهاية 2023» is its last month, «مطلع 2016» its first, «نهاية الربع الأول» the quarter's
# last month; «أواخر/أوائل 2021» the year's last/first four months. A named month's end is
# its last day only as a deadline («حتى نهاية شهر مارس», «بحلول نهاية ديسمبر»); otherwise
# «نهاية مارس» stays the month. A period named relative to publication («نهاية العام»,
# «بحلول نهاية الشهر») keeps the whole period, approximate (tests/test_dates.py).
_END_PARTS = frozenset({"نهايه"})
_START_PARTS = frozenset({"مطلع", "بدايه"})
_DEADLINE_BEFORE = re.compile(r"(?<!\w)[وف]?(?:حتي|بحلول|لغايه|الي)\s+$")
_DEADLINE_OPENS = re.compile(r"[وف]?(?:حتي|بحلول)\s")


# «الجمعة» and «الاثنين» without a day cue, in a lede's «VERB SUBJECT <weekday> …» («نقلت
# وكالة الأنباء الليبية الاثنين عن …»): the day when a subject stands between the sentence's
# start and it (two words at least), the word before it is no head that
# takes the other sense («صلاة/خطبة الجمعة»), no preposition or «بين/كلا» ("the two"), and
# no dual noun «الاثنين» would qualify («الطرفين الاثنين»); nor «الاثنين معًا/منهما» after.
_STRICT_WD_HEADS = frozenset(
    [
        "صلاه",
        "صلوات",
        "خطبه",
        "خطب",
        "خطيب",
        "خطباء",
        "مسجد",
        "جامع",
        "امام",
        "ائمه",
        "سوق",
        "اسواق",
        "بين",
        "كلا",
        "من",
        "عن",
        "الي",
        "علي",
        "في",
        "مع",
        "حتي",
        "و",
        "هذين",
        "هاتين",
        "كل",
        "جميع",
        "احد",
        "احدي",
    ]
)
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+$")
_STRICT_WD_AFTER = re.compile(r"\s+(?:معا|منهما|كليهما|كلاهما|وحدهما|الاخرين|فقط)(?!\w)")


def _bare_strict_weekday(ctx, m) -> bool:
    prev = _LAST_WORD.search(ctx.norm, max(0, m.start() - 40), m.start())
    if prev is None or prev[1] in _STRICT_WD_HEADS or not ctx.norm[: prev.start()].strip():
        return False  # a verb alone before it («وصل الاثنين») may have "the two" as subject
    if m["wd"] == "اثنين" and prev[1].startswith("ال") and prev[1].endswith(("ين", "ان")):
        return False
    return not _STRICT_WD_AFTER.match(ctx.norm, m.end())


_CONSTRUCT_PERIOD = re.compile(r"(?:فتره|مده)$")
_NOUN_AFTER = re.compile(r"\s+ال\w")


_YEAR_BEFORE = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)(?!\d)")


# Places named after a date («مدينة 6 أكتوبر», «جسر 15 مايو», «ميدان 23 يوليو»): a day and
# month right after one of these nouns is a name, not a date.
_PLACE_BEFORE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:مدينه|ضاحيه|حي|شارع|ميدان|جسر|كوبري|محور|نفق|ساحه|طريق|"
    r"كورنيش|مطار|ملعب|استاد|مستشفي|مدرسه|قريه|مدينتي|جامعه)\s+$"
)
# A number right before «لسنة»: the citation of a law or decree («رقم 44 لسنة 2013»).
_NUMBER_BEFORE = re.compile(r"\d\s+$")


_DEFINITE_BEFORE = re.compile(r"(?<!\w)[وفبل]?ال[^\W\d_]+\s+$")


_DEICTIC_PAREN_BEFORE = re.compile(r"(?<!\w)(?:اليوم|امس|غدا|الغد)\s*\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _narrow_part(ctx, c: _Cand, part: str, unit: str) -> _Cand:
    """Narrow a candidate spanning a named year, quarter or month to the part «part» names."""
    if c.start is None or c.end is None or c.vague:
        return c
    if unit == "month":
        deadline = _DEADLINE_BEFORE.search(ctx.norm, 0, c.s) or _DEADLINE_OPENS.match(ctx.norm, c.s)
        if part in _END_PARTS and deadline:
            c.start, c.gran = c.end, "day"
        return c
    thirds = part in ("اواخر", "اواءل")
    if thirds and unit == "quarter":
        return c
    months = 4 if thirds else 1
    if part in _END_PARTS or part == "اواخر":
        c.start = date(c.end.year, c.end.month - months + 1, 1)
    elif part in _START_PARTS or part == "اواءل":
        c.end = _month_span(c.start.year, c.start.month + months - 1)[1]
    else:
        return c
    c.gran = "range" if thirds else "month"
    return c


# ---- Arabic rules --------------------------------------------------------------------


def patterns(lx: DateLexicon, speed: _Speed) -> list[_RuleSpec]:
    mon = _alt(lx.months)
    hij = _alt(lx.hijri)
    wd = _alt(lx.weekdays)
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
        (?:(?<!\w)[وف]?(?P<pre>{_AR_CUES}|بين)\s+)?
        (?P<wdp>(?:يوم\s+)?{_AL}(?P<wd>{wd})\s*[،,]?\s*(?:الموافق\s+)?)?
        (?:(?:(?<!\w)(?:يوم\s+)?[وفبل]?|(?<=[ء-ي])(?=\d))(?P<day>\d{{1,2}}|{ordn})
            (?:\s*(?:-|الي|حتي|و)\s*(?P<day2>\d{{1,2}}))?\s*(?:من\s+)?)?
        (?:(?P<shahr>شهر)\s+)?
        (?<!\w)[وفبل]?(?P<mon>{mon})(?!\w)
        (?:\s*[/(]\s*(?:{mon})(?:\s*\))?
            |\s*/\s*\w+(?=\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام|(?:ال)?سنه)?\s*{_YEAR}(?!\w)))?
        (?:\s*[,،-]?\s*(?:من\s+)?(?:(?:ال)?عام|(?:ال)?سنه)?\s*(?P<year>{_YEAR})(?:\s*م)?(?!\w))?
        (?:\s+{_QUAL_AR_RE})?
        (?:\s+(?:من\s+)?(?:{_AL}(?:عام|سنه)\s+ال(?P<ryq>ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي)ه?
            |(?P<rythis>هذا|هذه)\s+ال(?:عام|سنه)
            |(?P<rysame>(?:نفس|ذات)\s+ال(?:عام|سنه)|ال(?:عام|سنه)\s+(?:نفس|ذات)(?:ه|ها)))(?!\w))?
        """,
            # the unguarded openings: «يوم الأحد», «الأحد», «شهر», a day glued to a word
            # before it («التحرير10 سبتمبر»: Arabic letters and digits never make one word)
            also=rf"يوم|شهر|{_AL}|(?<=[ء-ي])\d",
        ),
        re.X,
    )

    def month_rule(m, ctx):
        mon_word = re.sub(r"\s+", " ", m["mon"])
        mo, strict = lx.months[mon_word], mon_word in lx.strict_months
        day_s = m["day"]
        d = int(day_s) if day_s and day_s.isdigit() else lx.ordinals.get(day_s or "", 0)
        y = int(m["year"]) if m["year"] else None
        qual = _QUAL_AR.get(m["qual"] or "")
        pre = m["pre"] or ""
        # «أغسطس من العام الماضي», «مارس هذا العام»: the year relative to publication.
        if (
            not pre
            and not m["wdp"]
            and _PLACE_BEFORE.search(ctx.norm, max(0, m.start() - 30), m.start())
        ):
            return []  # «مدينة 6 أكتوبر», «شارع 26 يوليو»: a place named after a date
        rel_year = m["ryq"] or m["rythis"] or m["rysame"]
        if y is None and m["rysame"]:
            # «سبتمبر من نفس السنة», «مارس من العام ذاته»: the year last written before it
            # in the sentence (none: the date stays year-less).
            years = _YEAR_BEFORE.findall(ctx.norm, max(0, m.start() - 300), m.start())
            y = int(years[-1]) if years else None
            if y is None:
                gran = "day" if d else "month"
                return [_mk(ctx, m, None, None, gran, approx=True, pre=pre, month=mo, day=d)]
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
            if not d:
                _narrow_part(ctx, x, pre, "month")
            if not (m["pre"] or m["wdp"]) and ctx.norm.startswith("و", m.start()):
                # «بين 28 يونيو و2 يوليو», «بين يناير ومارس»: the conjunction joins two ends.
                x.s = m.start() + 1
            if pre == "حتي" and re.search(
                r"(?<!\w)[وف]?(?:من|ابتداء\s+من|اعتبارا\s+من)\s+(?:\S+\s+){0,5}$",
                ctx.norm[: m.start()],
            ):
                # «من 1 يونيو حتى 15 يوليو»: «حتى» joins the two ends (the engine's range
                # connector), so it is left out of the closing date.
                x.s, x.pre = m.end("pre"), ""
        if m["wdp"] and m["wdp"].startswith("يوم") and d and m["year"] and not m["day2"]:
            # «يوم السبت 9 نوفمبر 2025» with a wrong weekday (a slip: 9 November 2025 was a
            # Sunday) is still one date, the full date given in numbers winning.
            return c
        return _check_weekday(c, m, lx.weekdays[m["wd"]] if m["wd"] else None, ctx)

    # A weekday (with a part of the day) written before a Hijri date: «مساء يوم الثلاثاء
    # 29 / 11 / 1446هـ», «الخميس 5 رمضان 1445هـ». It belongs to the date when it is that
    # date's weekday (see _hijri_weekday).
    hijri_wdp = rf"""
        (?P<wdp>(?:(?<!\w)[وف]?(?:{_PART_AR})\s+)?(?:(?<!\w)[وفل]?يوم\s+)?
            (?<!\w){_AL}(?P<wd>{wd})(?!\w)\s*[،,]?\s*(?:الموافق\s+)?)?"""
    hijri_re = re.compile(
        speed.start(
            rf"""
        {hijri_wdp}
        (?:(?<!\w)(?:يوم\s+)?[وفبل]?(?P<day>\d{{1,2}}|{ordn})\s+(?:من\s+)?)?
        (?:(?<!\w)[وف]?شهر\s+)?
        (?<!\w)[وفبل]?(?P<mon>{hij})(?!\w)
        # «شوال لهذا العام 1445هـ», «رجب لعام 1447هـ»
        \s*(?:من\s+)?(?:ل?(?:هذا|هذه)\s+)?(?:(?:ال|لل|ل)?عام\s+|(?:ال|لل|ل)?سنه\s+)?
        (?P<year>1[2-5]\d\d)
        (?:\s*(?:هجريه|هجري|للهجره|ه)(?!\w))?(?!\w)
        """,
            also=rf"يوم|{_AL}",
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
        return [_hijri_weekday(_mk(ctx, m, start, end, "day" if d else "month"), m, lx)]

    # «29 من شهر شعبان»: a Hijri day and month without the year, in the Hijri year that puts
    # it nearest the publication date. The word «شهر» is required: «رمضان», «شعبان», «رجب»
    # are also names, «صفر» is "zero".
    hijri_noyear_re = re.compile(
        speed.start(
            rf"""
        (?<!\w)[وفبل]?(?P<day>\d{{1,2}})\s+(?:من\s+)?(?<!\w)[وف]?شهر\s+
        (?P<mon>{hij})(?!\w)(?!\s*(?:من\s+)?(?:(?:ال|لل|ل)?(?:عام|سنه)\s+)?\d)
        """,
        ),
        re.X,
    )

    def hijri_noyear_rule(m, ctx):
        from hijridate import Gregorian, Hijri

        mo, d = lx.hijri[re.sub(r"\s+", " ", m["mon"])], int(m["day"])
        if ctx.pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        hy = Gregorian(ctx.pub.year, ctx.pub.month, ctx.pub.day).to_hijri().year
        best = None
        for y in (hy - 1, hy, hy + 1):
            try:
                g = date(*Hijri(y, mo, d).to_gregorian().datetuple())
            except (ValueError, OverflowError):
                continue
            if best is None or abs(g - ctx.pub) < abs(best - ctx.pub):
                best = g
        return [_mk(ctx, m, best, best, "day")] if best else []

    # A numeric Hijri date «29 / 11 / 1446هـ», «1/8/1447 هـ» (day / month / year, the year
    # marked Hijri): Umm al-Qura table, like the month-name Hijri dates.
    hijri_num_re = re.compile(
        speed.start(
            rf"""
        {hijri_wdp}
        (?<![\w/.])(?P<day>\d{{1,2}})\s*/\s*(?P<mon>\d{{1,2}})\s*/\s*{_HIJRI_YEAR_TAIL}
        """,
            also=rf"يوم|{_AL}",
        ),
        re.X,
    )

    def hijri_num_rule(m, ctx):
        from hijridate import Hijri

        try:
            g = Hijri(int(m["year"]), int(m["mon"]), int(m["day"])).to_gregorian()
        except (ValueError, OverflowError):
            return []
        day = date(g.year, g.month, g.day)
        return [_hijri_weekday(_mk(ctx, m, day, day, "day"), m, lx)]

    # A numeric Gregorian date written with spaces or the «م» mark: «17 / 2 / 2026م».
    spaced_num_re = re.compile(
        r"(?<![\w/.])(?P<day>\d{1,2})\s*/\s*(?P<mon>\d{1,2})\s*/\s*"
        rf"(?P<year>{_YEAR})(?:\s*م)?(?!\w|\s*/)"
    )

    def spaced_num_rule(m, ctx):
        y, mo, d = int(m["year"]), int(m["mon"]), int(m["day"])
        try:
            day = date(y, mo, d)
        except ValueError:
            return []
        return [_mk(ctx, m, day, day, "day")]

    hijri_year_re = re.compile(
        speed.start(r"(?:(?<!\w)[وفبل]?(?:ال)?(?:عام|سنه)\s+)?(?<![\w.,])" + _HIJRI_YEAR_TAIL)
    )

    # «للعام الهجري 1447», «السنة الهجرية 1446»: the year named Hijri before its number.
    hijri_year_named_re = re.compile(
        speed.start(
            r"(?<!\w)[وفبل]?(?:ال|لل)(?:عام|سنه)\s+ال?هجري(?:ه)?\s+(?P<year>1[2-5]\d\d)(?!\w)"
        )
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
        (?:(?<!\w)[وف]?(?:[بل]|[بل]?ال)?(?P<noun>{_alt(lx.year_nouns)})\s+)?
        (?:(?<!\w){year_kw}(?:\s+|\s*[“"«]\s*))?  # «عام 2024», «عام “2024”»
        (?<![\w.,])(?P<year>{_YEAR})(?:\s*(?P<greg>م))?(?!\w)(?![.,]\d){_NOT_YEAR_AFTER}
        """,
        ),
        re.X,
    )

    def year_rule(m, ctx):
        pre = m["pre"] or ""
        # «2025م»: the Gregorian mark makes any number a year.
        if not (m["kw"] or pre or m["noun"] or m["greg"]) or (
            pre in ("من", "بعد", "قبل", "مع") and not (m["kw"] or m["noun"] or m["greg"])
        ):
            return []
        if (
            m["kw"] == "سنه"
            and not pre
            and ctx.norm[m.start("kw") - 1 : m.start("kw")] == "ل"
            and _NUMBER_BEFORE.search(ctx.norm, max(0, m.start() - 12), m.start())
        ):
            return []  # «القانون رقم 44 لسنة 2013»: a law's or decree's number and year
        y = int(m["year"])
        start, end = _year_span(y)
        approx = pre in _APPROX_AR or pre in ("صيف", "شتاء", "ربيع", "خريف")
        c = _mk(ctx, m, start, end, "year", approx=approx, pre=pre, since=pre == "منذ")
        return [_narrow_part(ctx, c, pre, "year")]

    year_pair = rf"""
        (?P<y1>{_YEAR})(?:\s*م)?\s*(?P<conn>-|/|الي|حتي|و)\s*
        (?:(?:[بل]?ال)?(?:عام|سنه)\s+)?(?P<y2>{_YEAR})(?:\s*م)?(?!\w)(?![.,]\d)
        """
    year_range_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>(?:(?:خلال|في)\s+)?(?:الفتره\s+)?(?:من|بين|منذ))\s+)?
        (?:(?<!\w){year_kw}\s+|(?:الاعوام|السنوات)\s+|(?<!\w)[وفبل]?(?P<dual>نسختي|دورتي|موسمي)\s+)?
        (?<![\w.,]){year_pair}""",
            also=r"الاعوام|السنوات|[وفبل]?(?:نسختي|دورتي|موسمي)",  # «السنوات 2014-2016», «نسختي 2017 و2022»
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
            # «عامي 2014 و2016», «نسختي 2017 و2022» (the two editions): two years.
            if kw != "عامي" and not m["dual"]:
                return []
            # «عامي 2014 و2016»: two separate years, not a span.
            split = m.start("conn")
            first = m.start("y1") if m["dual"] else m.start()
            return [
                _Cand(first, split, *_year_span(y1), "year"),
                _Cand(split, m.end(), *_year_span(y2), "year"),
            ]
        return [_mk(ctx, m, date(y1, 1, 1), date(y2, 12, 31), "range")]

    weekday_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<part>{_PART_AR}|منذ|حتي|اعتبارا\s+من|ابتداء\s+من)\s+)?
        (?:(?<!\w)[وفل]?(?P<yawm>يوم)\s+)?
        (?<!\w){_AL}(?P<wd>{wd})(?!\w)
        (?:\s+(?:{_QUAL_AR_RE}|(?P<lqual>الماضيين|الماضيه)))?
        """,
        ),
        re.X,
    )

    def weekday_rule(m, ctx):
        if _DEICTIC_PAREN_BEFORE.search(
            ctx.norm, max(0, m.start() - 20), m.start()
        ) and _PAREN_AFTER.match(ctx.norm, m.end()):
            return []  # «مساء اليوم (الأحد)»: the weekday glosses the deictic day before it
        wdn, strict = lx.weekdays[m["wd"]], m["wd"] in lx.strict_weekdays
        qual = _QUAL_AR.get(m["qual"] or "")
        if m["lqual"] or qual == _CUR:
            return []
        cue = m["part"] or m["yawm"] or qual
        # «الإثنين» written with hamza is the weekday; «الاثنين» alone may be "the two".
        hamza_monday = m["wd"] == "اثنين" and _hamza_before(ctx, m.start("wd"))
        # «قال مسؤول، الاثنين، إن …»: a weekday set off by commas is the day.
        in_commas = re.search(r"[،,]\s*$", ctx.norm[: m.start()]) and re.match(
            r"\s*[،,]", ctx.norm[m.end() :]
        )
        if (
            strict
            and not cue
            and not hamza_monday
            and not in_commas
            and not _bare_strict_weekday(ctx, m)
        ):
            return []
        return [_weekday_cand(ctx, m, wdn, qual, m["part"] == "منذ")]

    relday_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<part>{_PART_AR}|حتي|منذ)\s+)?
        (?:(?<!\w)[وفل]?(?P<yawm>يوم)\s+)?
        (?<!\w)[وف]?(?P<rel>اول\s+من\s+امس|اول\s+امس|(?:بال|ال|ب)?امس(?:\s+الاول)?|البارحه
            |اليوم|غدا|الغد|غد|بعد\s+غد|الليله\s+الماضيه)(?!\w)
        # «اليوم الأحد», «اليوم، الأحد», and the MENA wire's «اليوم /السبت/»
        (?:\s*[،,]?\s*(?P<slash>/\s*)?(?:[بل]?ال)(?P<wd>{wd})(?!\w)(?(slash)\s*/))?
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
            if not (m["part"] or m["yawm"] or m["wd"]) and _names_an_outlet(ctx, m):
                return []
            offset = 0
        elif rel in ("غدا",):
            if not (
                _TANWEEN_FATH in ctx.orig_text(m.start("rel"), m.end("rel"))
                or m["part"]
                or m["yawm"]
                or m["wd"]
                or re.match(r"\s*(?:[.،,؛:!?؟]|$)", after)
                or _adverb_slot(ctx.norm, m.start("rel"))
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
            offset = -1  # «أمس», «البارحة»; «الليلة الماضية» is last night, the eve too
        pub = ctx.pub
        if pub is None:
            return [_mk(ctx, m, None, None, "day", approx=True)]
        d = pub + timedelta(days=offset)
        if (
            m["wd"]
            and d.weekday() != lx.weekdays[m["wd"]]
            and not re.match(r"\s*[،,]?\s*(?:الموافق\s+)?\d", after)  # a date says which
        ):
            # «اليوم السبت» on a page stamped Monday (a story written earlier, a page dated
            # after midnight): the weekday names the day, the nearest one back (forward
            # for «غدًا <weekday>»).
            wdn = lx.weekdays[m["wd"]]
            d += timedelta(
                days=(wdn - d.weekday()) % 7 if offset > 0 else -((d.weekday() - wdn) % 7)
            )
        return [_mk(ctx, m, d, d, "day")]

    relunit_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<cue>قبل|بحلول|حتي|مع|منذ)\s+(?=(?:{_PARTS_AR})\s))?
        (?:(?<!\w)[وف]?(?P<pre>{_PARTS_AR}|منذ)\s+)?
        (?:
          (?<!\w){_AL}(?P<unit>اسبوع|شهر|عام|سنه)\s+{_QUAL_AR_RE}
         |(?<!\w){_AL}(?P<unit5>اسبوع|شهر|عام|سنه)\s+السابق(?:ه)?(?!\w)
         |(?<!\w)[وف]?ل?(?:هذا|هذه)\s+ال(?P<unit2>اسبوع|شهر|عام|سنه)(?!\w)
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
        r"(?:اسبوع|شهر|عام|سنه)\s+(?:ال(?:ماضي|منصرم|فاءت|مقبل|قادم|جاري|حالي|سابق)|هذا|هذه)"
        r"|(?:هذا|هذه)\s+ال(?:اسبوع|شهر|عام|سنه)"
        rf"|(?:{_PARTS_AR})\s+{_AL}(?:اسبوع|شهر|عام|سنه)"
    )
    unit_of = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}

    hijri_before = re.compile(rf"(?<!\w)(?:{hij})\s+$")

    def relunit_rule(m, ctx):
        pre = m["pre"] or ""
        if m["unit4"] and pre == "منذ":
            return []  # «منذ العام» alone names no year
        if m["unit5"]:
            # «العام السابق» (the previous year), but «النائب العام السابق» is a former
            # prosecutor general: «العام» qualifying a definite noun before it.
            if m["unit5"] == "عام" and _DEFINITE_BEFORE.search(
                ctx.norm, max(0, m.start() - 30), m.start()
            ):
                return []
            unit = unit_of[m["unit5"]]
            return [_relunit_cand(ctx, m, unit, _PAST, pre, since=m["cue"] == "منذ")]
        if m["unit2"] and hijri_before.search(ctx.norm, max(0, m.start() - 30), m.start()):
            return []  # «شعبان لهذا العام»: this Hijri year, the month's (unresolved here)
        unit = unit_of[m["unit"] or m["unit2"] or m["unit3"] or m["unit4"]]
        qual = _QUAL_AR.get(m["qual"] or "", _CUR)
        return [_relunit_cand(ctx, m, unit, qual, pre, since=m["cue"] == "منذ")]

    duration_re = re.compile(
        rf"""
        (?<!\w)[وف]?(?P<prep>قبل|منذ|بعد|في\s+غضون|خلال)\s+(?:(?P<hedge>{hedges})\s+)?
        (?:(?P<num>\d{{1,4}}|{num})\s+)?(?P<unit>{units})(?!\w)
        (?:\s+(?P<few>قليله|معدوده)(?!\w))?(?:\s+(?:مضت|مضي|خلت))?
        (?:\s+من\s+الان(?!\w))?
        """,
        re.X,
    )

    def duration_rule(m, ctx):
        after = ctx.norm[m.end() :]
        prep, unit_s = m["prep"], m["unit"]
        unit, implied = _AR_UNITS[unit_s]
        hedge = re.sub(r"\s+", " ", m["hedge"] or "")
        n = _num(m["num"], lx) if m["num"] else implied
        # «قبل أيام قليلة», «في غضون ساعات قليلة», «خلال أيام»: an uncounted span is vague.
        vague = hedge in ("عده", "بضعه", "بضع", "بعض") or not n or bool(m["few"])
        if re.sub(r"\s+", " ", prep) in ("خلال", "في غضون"):
            # Only the vague «within hours/days»; «خلال 48 ساعة» is a length of time, and
            # «خلال أيام العيد» (the days of a named period) no span at all.
            if not vague or m["num"] or re.match(r"\s+ال(?!ي(?!\w)|ا(?!\w))\w", after):
                return []
            return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]
        # «قبل يومين من الزيارة», «بعد ساعات على الحادث»: relative to another event, which
        # the text may not date: a when-expression left unresolved (the set's convention of
        # stop 35; before it annotators left these out).
        if prep != "منذ" and re.match(r"\s+(?:من|علي)(?!\w)", after):
            return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]
        if unit_s == "عقد" and not m["num"] and not re.match(r"\s*(?:من\s+الزمن|[.،,؛]|$)", after):
            return []  # «بعد عقد اجتماع»: عقد = "holding", not "decade"
        if vague:
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
        \s+(?:(?:ال\s*)?(?P<num>\d{{1,3}}|{num})\s+)?(?:ال(?:قليله|معدوده)\s+)?
        {rolling_qual}
        """,
        ),
        re.X,
    )
    # The count first: «خلال الـ 10 سنوات الماضية», «خلال الخمسين يومًا المقبلة».
    rolling_count_first_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?:خلال|في|علي\s+مدي|علي\s+مدار|طوال)\s+)?
        (?<!\w)[وف]?[بل]?ال\s*(?P<num>\d{{1,3}}|{num})\s+
        (?P<unit>ايام|يوما|اسابيع|اسبوعا|اشهر|شهور|شهرا|اعوام|عاما|سنوات|سنين|ساعات|ساعه)\s+
        {rolling_qual}
        """,
        ),
        re.X,
    )

    def rolling_rule(m, ctx):
        unit, implied = _AR_UNITS[m["unit"]]
        n = _num(m["num"], lx) if m["num"] else implied
        future = m["qual"].startswith(("مقبل", "قادم"))
        return [_rolling_cand(ctx, m, unit, n, future, count_last_day=True)]

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
        c = _part_of_year(ctx, m, size, n, year, qual, pre, pre in _APPROX_AR, pre == "منذ")
        return [_narrow_part(ctx, x, pre, "quarter") for x in c] if size == 3 else c

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
            rf"(?:(?<!\w)[وف]?(?:{_alt(lx.vague)})(?!\w)"
            rf"|(?<!\w)[وف]?(?:في|خلال)?\s*(?:ال)?(?:فتره|مرحله)\s+ال(?:ماضيه|اخيره|مقبله|قادمه)(?!\w))"
        )
    )

    def vague_rule(m, ctx):
        if _CONSTRUCT_PERIOD.search(ctx.norm, m.start(), m.end()) and _NOUN_AFTER.match(
            ctx.norm, m.end()
        ):
            return []  # «قبل فترة التوقف»: the period of something named, not a time ago
        return [_mk(ctx, m, None, None, "vague", approx=True, vague=True)]

    # A day of a month named relative to publication or to the narration: «السادس من الشهر
    # الجاري», «12 من الشهر الماضي», «في الخامس من هذا الشهر», «19 من الشهر نفسه».
    month_day_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>في|منذ|حتي|بحلول|قبل|بعد|صباح|مساء|فجر|ليله)\s+)?
        (?:(?<!\w)(?:يوم\s+)?[وفبل]?)(?P<day>\d{{1,2}}|{ordn})\s+(?:من|في)\s+
        (?:الشهر\s+(?:{_QUAL_AR_RE}|(?P<same>نفسه|ذاته))|(?P<this>هذا)\s+الشهر
           |(?P<same2>نفس|ذات)\s+الشهر)(?!\w)
        """,
        ),
        re.X,
    )

    def month_day_rule(m, ctx):
        d = int(m["day"]) if m["day"].isdigit() else lx.ordinals.get(m["day"], 0)
        if not 1 <= d <= 31:
            return []
        if m["same"] or m["same2"] or ctx.pub is None:
            # the month last narrated: not tracked here, the day stays unresolved
            return [_mk(ctx, m, None, None, "day", approx=True, pre=m["pre"] or "")]
        qual = _QUAL_AR.get(m["qual"] or "", _CUR)
        first = ctx.pub.replace(day=1)
        if qual == _PAST:
            first = (first - timedelta(days=1)).replace(day=1)
        elif qual == _NEXT:
            first = (first + timedelta(days=32)).replace(day=1)
        try:
            day = first.replace(day=d)
        except ValueError:
            return []
        return [_mk(ctx, m, day, day, "day", pre=m["pre"] or "")]

    # Two months named by the dual «شهري»: «خلال شهري أكتوبر ونوفمبر», «شهري فبراير ومارس
    # الماضيين», «شهري يوليو وأغسطس 2024»: the span from the first to the second.
    two_months_re = re.compile(
        speed.start(
            rf"""
        (?:(?<!\w)[وف]?(?P<pre>خلال|في|منذ|طوال)\s+)?
        (?<!\w)[وفبل]?شهري\s+(?P<m1>{mon})\s+و\s*(?P<m2>{mon})(?!\w)
        (?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<year>{_YEAR})(?:\s*م)?(?!\w))?
        (?:\s+ال(?P<qual>ماضيين|منصرمين|مقبلين|قادمين|حاليين|جاريين)(?!\w))?
        """,
            also="شهري",
        ),
        re.X,
    )

    def two_months_rule(m, ctx):
        mo1 = lx.months[re.sub(r"\s+", " ", m["m1"])]
        mo2 = lx.months[re.sub(r"\s+", " ", m["m2"])]
        y = int(m["year"]) if m["year"] else None
        qual = {"ماضيين": _PAST, "منصرمين": _PAST, "مقبلين": _NEXT, "قادمين": _NEXT}.get(
            m["qual"] or "", _CUR if m["qual"] else None
        )
        if y is None:
            if ctx.pub is None:
                return [_mk(ctx, m, None, None, "range", approx=True)]
            y = _year_for(ctx.pub, mo2, 0, qual)
        y1 = y - 1 if mo1 > mo2 else y  # «شهري ديسمبر ويناير»
        start = _month_span(y1, mo1)[0]
        end = _month_span(y, mo2)[1]
        return [_mk(ctx, m, start, end, "range", pre=m["pre"] or "")]

    # A wire dateline «الخرطوم – 26 – 10 (كونا) –»: day and month between dashes before the
    # agency's credit in brackets (KUNA style), in the year of publication.
    dateline_re = re.compile(r"(?<=-)\s*(?P<day>[1-3]?\d)\s*-\s*(?P<mon>1[0-2]|0?[1-9])(?=\s*\()")

    def dateline_rule(m, ctx):
        day, mon = int(m["day"]), int(m["mon"])
        if not 1 <= day <= 31:
            return []
        return _absolute(ctx, m, None, mon, day, 0, None, "", False)

    return [
        (dateline_re, dateline_rule, {_DIGIT}, speed.gate(r"-\s*\d{1,2}\s*-\s*\d")),
        (month_re, month_rule, _first_words(lx.months), None),
        (month_day_re, month_day_rule, {"الشهر"}, None),
        (two_months_re, two_months_rule, {"شهري"}, None),
        (hijri_re, hijri_rule, {_HIJRI_DIGITS}, None),
        (hijri_year_re, hijri_year_rule, {_HIJRI_YEAR}, None),
        (hijri_num_re, hijri_num_rule, {_HIJRI_YEAR}, speed.gate(r"\d\s*/\s*\d")),
        (hijri_noyear_re, hijri_noyear_rule, {"شهر"}, None),
        (hijri_year_named_re, hijri_year_rule, {"هجري", "هجريه"}, None),
        (spaced_num_re, spaced_num_rule, {_YEAR_DIGITS}, speed.gate(r"\d\s*/\s*\d")),
        (year_range_re, year_range_rule, {_YEAR_DIGITS}, speed.gate(year_pair, re.X)),
        (year_re, year_rule, {_YEAR_DIGITS}, None),
        (weekday_re, weekday_rule, set(lx.weekdays), None),
        # Every «rel» branch contains one of these; the anchor «يوم» (there for «اليوم»)
        # also enables the rule for any «يوم»; «ليله» for «الليلة الماضية».
        (
            relday_re,
            relday_rule,
            {"امس", "بارحه", "يوم", "غدا", "غد", "ليله", "الليله"},
            speed.gate(r"امس|البارحه|اليوم|غد|الليله\s+الماضيه"),
        ),
        (relunit_re, relunit_rule, {"اسبوع", "شهر", "عام", "سنه"}, relunit_gate),
        (duration_re, duration_rule, {"قبل", "منذ", "بعد", "غضون", "خلال"}, None),
        (
            rolling_re,
            rolling_rule,
            {u for u, (_, n) in _AR_UNITS.items() if n != 1},
            speed.gate(rolling_qual),  # its closing qualifier, a pattern cheap to compile
        ),
        (
            rolling_count_first_re,
            rolling_rule,
            {"ايام", "يوما", "اسابيع", "اسبوعا", "اشهر", "شهور", "شهرا", "اعوام", "عاما"}
            | {"سنوات", "سنين", "ساعات", "ساعه"},
            speed.gate(rolling_qual),
        ),
        (vague_re, vague_rule, _content_words(lx.vague) | {"فتره", "مرحله"}, None),
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


def _hijri_weekday(c: _Cand, m: re.Match[str], lx: DateLexicon) -> _Cand:
    """A weekday written before a Hijri date is part of it only when it is that date's
    weekday; otherwise the date starts after it (and the weekday is matched on its own)."""
    if m["wd"] and (c.start is None or c.start.weekday() != lx.weekdays[m["wd"]]):
        c.s = m.end("wdp")
    return c


# Words after which «غدا» may open a clause as the verb "became" («وقد غدا الأمر …»).
_CLAUSE_OPENERS = frozenset(
    [
        "قد",
        "لقد",
        "وقد",
        "فقد",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "حتي",
        "ما",
        "بعدما",
        "عندما",
        "حينما",
        "لما",
        "ثم",
        "ان",
        "انه",
        "انها",
        "بات",
        "كما",
    ]
)


def _adverb_slot(norm: str, pos: int) -> bool:
    """Whether «غدا» at `pos` follows a word inside a clause («تختتم غدا», «يزور البلدين غدا»),
    where it is the adverb "tomorrow": not at the start of a sentence or after punctuation,
    not glued to و/ف, and not after a word that opens a clause for the verb "became"."""
    if pos > 0 and norm[pos - 1] in "وف":
        return False
    prev = re.search(r"(\S+)\s+$", norm[:pos])
    if not prev or not re.fullmatch(r"\w+", prev[1]):
        return False
    return prev[1] not in _CLAUSE_OPENERS


def _hamza_before(ctx: _Ctx, norm_pos: int) -> bool:
    """Whether the original word (at the article's alef) was written with a hamza."""
    start = ctx.orig_pos(max(norm_pos - 2, 0))
    return bool(re.search("[أإ]", ctx.orig[start : ctx.orig_pos(norm_pos) + 1]))
