"""The publication date of an article read from its own text, for articles that come
without one (no manifest date, no metadata).

Where a page states its date, in order of trust:

1. a labelled stamp: "Published: …", «تاريخ النشر», «نشر في», «Опубликовано», «입력», «기사승인»
   (an "updated" stamp only when no "published" one is there);
2. a date in the article's URL (/2024/06/19/, /19/06/2024/, 2024-06-19, 20240619, a key that
   begins with a timestamp: 2024061912240278749, AKR20240619…, 19062024035030061);
3. a page stamp at the very start ("date 2024-06-19");
4. a short line near the top that is nothing but a date (and a weekday or a time);
5. a dateline or deictic date in the lead: "ISTANBUL, Feb 9, 2023 —", «اليوم الأربعاء 19 يونيو
   2024», «сегодня, 19 июня 2024».

A site banner (today's date in the page header) is also a short date line, which is why
labelled stamps and the URL come first: the article's own date wins over the banner. A
newspaper's issue banner («العدد : 12345 - الخميس 3 أكتوبر 2024») is read only when nothing
else is stated.
Dates themselves are read by `extract_dates` with each language's rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.analysis.dates import extract_dates
from dashboard.analysis.dates.engine import _normalize, date_lexicon

TOP_PARAGRAPHS = 12
STAMP_LINE_CHARS = 80
EARLIEST_YEAR = 1990

_PUBLISHED_LABEL = re.compile(
    r"(?:published(?:\s+on)?|posted(?:\s+on)?|created|first\s+published|تاريخ\s+النشر|نشر\s+(?:في|بتاريخ)"
    r"|تم\s+النشر|опубликовано|дата\s+публикации|입력|기사승인|승인|등록)\s*[:：]?",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(
    r"(?:updated|last\s+updated|modified|آخر\s+تحديث|تحديث|обновлено|수정|업데이트)\s*[:：]?",
    re.IGNORECASE,
)
_PAGE_STAMP = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")
_URL_DATE = re.compile(
    r"(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.\-]|\D)"
)
# An article key that opens with its date and time: «20240806204250516», «NISX20250908_…»,
# «AKR202509281043227A5» (Korean news sites); a number of 8 to 22 digits, not part of a longer.
_URL_KEY_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{2,14})?(?!\d)"
)
# /2023/9/29/ and /2025/26/05/ (day and month in either order when only one reading is a date)
_URL_PATH_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/)")
# /26/03/2024/: day (or month) first, the year last.
_URL_PATH_DMY = re.compile(r"/(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?=/)")
# Article keys that begin with a timestamp: 2025022512240278749, AKR202509281043227A5,
# NISI20240406_0001521004 (year first), 06072024035030061 (day first): the date, then a time
# or a serial (at least four more digits, or an underscore).
_URL_STAMP_YMD = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{4}|_)"
)
_URL_STAMP_DMY = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d{2})(?=\d{4})")
_MONTHS_EN = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
# Stamps in English words even on pages in other languages: "26th, September 2023",
# "07-Aug-2024", "Aug 1, 2024".
_EN_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[,\s/-]+({_MONTH_ALT})\.?[,\s/-]+((?:19|20)\d{{2}})\b", re.I
)
_EN_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I
)
_DEICTIC = re.compile(r"(?:\btoday\b|اليوم|сегодня|오늘)", re.IGNORECASE)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|م|ص|GMT|UTC|ET|IST|KST|MSK)?", re.I
)
# /2017/may/12/: year, English month name, day (a common path scheme of English papers).
_URL_PATH_YMONTHD = re.compile(
    rf"/((?:19|20)\d{{2}})/({_MONTH_ALT})/(\d{{1,2}})(?=/|$)", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")
_LEAD_CHARS = 60
_SINCE = re.compile(r"\W*(?:[وف]?منذ|since)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class PublicationDate:
    date: dt.date
    source: str  # "text" or "url"
    evidence: str  # the words it was read from


def _plausible(d: dt.date) -> bool:
    return EARLIEST_YEAR <= d.year <= dt.date.today().year + 1


def _english_words_date(text: str) -> tuple[dt.date, str] | None:
    for pattern, order in ((_EN_DAY_MONTH_YEAR, "dmy"), (_EN_MONTH_DAY_YEAR, "mdy")):
        m = pattern.search(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        try:
            d = dt.date(int(parts["y"]), _MONTHS_EN[parts["m"].lower()], int(parts["d"]))
        except (ValueError, KeyError):
            continue
        if _plausible(d):
            return d, m.group(0)
    return None


def _first_day(text: str, language: str) -> tuple[dt.date, str] | None:
    """The first absolute, day-precise date in `text` (nothing relative: no base date)."""
    for m in extract_dates([text], None, language):
        if m.granularity == "day" and m.start and m.start == m.end and not m.approximate:
            if _SINCE.match(m.text):
                continue  # «ومنذ 7 أكتوبر 2023»: the start of something, not a stamp
            d = dt.date.fromisoformat(m.start)
            if _plausible(d):
                return d, m.text
    return _english_words_date(text) if language != "en" else None


def _labelled(
    paragraphs: list[str], language: str, label: re.Pattern[str]
) -> PublicationDate | None:
    for para in paragraphs:
        for m in label.finditer(para):
            found = _first_day(para[m.end() : m.end() + 60], language)
            if found:
                return PublicationDate(found[0], "text", found[1])
    return None


def _date_or_none(y: int, m: int, d: int) -> dt.date | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day if _plausible(day) else None


def url_date(url: str) -> dt.date | None:
    """A date written in a URL's path, when it reads as exactly one date."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)
    for m in _URL_PATH_DATE.finditer(path):
        y, a, b = (int(g) for g in m.groups())
        readings = {x for x in (_date_or_none(y, a, b), _date_or_none(y, b, a)) if x}
        if len(readings) == 1:
            return readings.pop()
        if readings:  # both readings valid: the usual year/month/day order
            return _date_or_none(y, a, b)
    for m in _URL_PATH_DMY.finditer(path):
        a, b, y = (int(g) for g in m.groups())
        readings = {x for x in (_date_or_none(y, b, a), _date_or_none(y, a, b)) if x}
        if len(readings) == 1:
            return readings.pop()
        if readings:  # both valid: day first, as most of the world writes it
            return _date_or_none(y, b, a)
    for m in _URL_DATE.finditer(path):
        d = _date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    for m in _URL_STAMP_YMD.finditer(path):
        d = _date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    for m in _URL_STAMP_DMY.finditer(path):
        d = _date_or_none(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            return d
    for m in _URL_PATH_YMONTHD.finditer(path):  # /2017/may/12/
        d = _date_or_none(int(m.group(1)), _MONTHS_EN[m.group(2).lower()], int(m.group(3)))
        if d:
            return d
    found = _english_words_date(path.replace("-", " ").replace("_", " "))
    if found:
        return found[0]
    for m in _URL_KEY_DATE.finditer(path):
        d = _date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    return None


# A newspaper's issue banner in the page header, «العدد : ١٢٣٤٥ - الخميس ٣ أكتوبر ٢٠٢٤ م،
# الموافق ٣٠ ربيع الأول ١٤٤٦هـ», "Issue No. 123 - …": the current issue, not the article's.
_ISSUE_BANNER = re.compile(
    r"^\s*(?:العدد|عدد|issue(?:\s+no\.?)?)\s*[:：.]?\s*[\d٠-٩]", re.IGNORECASE
)


def is_issue_banner(paragraph: str) -> bool:
    """A newspaper's issue banner («العدد : 12345 - الخميس 3 أكتوبر 2024»): page furniture,
    whose dates are the current issue's, not dates the article speaks of."""
    return bool(_ISSUE_BANNER.match(paragraph))


def _stamp_line(
    paragraphs: list[str], language: str, banners: bool = False
) -> PublicationDate | None:
    """The first short line that is nothing but a date; issue banners only if `banners`."""
    for para in paragraphs[:8]:
        if len(para) > STAMP_LINE_CHARS or bool(_ISSUE_BANNER.match(para)) != banners:
            continue
        found = _first_day(para, language)
        if not found:
            continue
        # Nothing much besides the date, a weekday and a time: a stamp, not a sentence.
        rest = _TIME.sub(" ", para.replace(found[1], " "))
        if len(_LETTER.findall(rest)) <= 24:
            return PublicationDate(found[0], "text", found[1])
    return None


def _lead(paragraphs: list[str], language: str) -> PublicationDate | None:
    for para in paragraphs[:6]:
        for m in _DEICTIC.finditer(para):
            found = _first_day(para[m.start() : m.end() + 40], language)
            if found:
                return PublicationDate(found[0], "text", found[1])
        head = para[:_LEAD_CHARS]
        found = _first_day(head, language)
        if found and re.search(
            r"[:—–-]|\(\w+\)", head[head.find(found[1]) + len(found[1]) :][:6] or ""
        ):
            return PublicationDate(found[0], "text", found[1])
    return None


def _weekday_of(text: str, weekdays: dict[str, int]) -> int | None:
    for w in re.findall(r"\w+", _normalize(text)):
        for form in (w, w[2:] if w.startswith("ال") else w):
            if form in weekdays:
                return weekdays[form]
    return None


# «اليوم الأحد», «اليوم، الأحد», «اليوم / الأحد»: the lead names today by its weekday.
_TODAY_WEEKDAY = re.compile(r"اليوم\s*[،,]?\s*(?:/\s*)?(ال\w+)")
_REL_BEFORE = re.compile(
    r"(?P<rel>اليوم|غدا?|الغد|امس|الامس)\s*[،,]?\s*(?:/\s*)?(?P<wd>ال\w+)\s*[،,/]?\s*$"
)
_DATELINE_AFTER = re.compile(r"\s*\(")


# A year written in the text (after normalisation: ASCII digits), for the year of a date
# written without one.
_TEXT_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/]\d)")
# How far from a year the text mentions the year of writing may lie: articles name the
# current year, the last one or two ("since 2023" in a 2025 report), seldom later ones.
_YEAR_WINDOW = (-1, 2)


def _text_years(paragraphs: list[str]) -> list[int]:
    """The plausible years written in the paragraphs, most mentioned first."""
    counts: dict[int, int] = {}
    for para in paragraphs:
        for m in _TEXT_YEAR.finditer(_normalize(para)):
            y = int(m.group(1))
            if y >= EARLIEST_YEAR:
                counts[y] = counts.get(y, 0) + 1
    return sorted(counts, key=lambda y: (-counts[y], -y))


def _year_of_weekday(day: dt.date, wd: int, offset: int, years: list[int]) -> dt.date | None:
    """The publication day for a year-less `day` that falls on weekday `wd` (`offset` days
    after publication): in a year near those the text mentions (see _YEAR_WINDOW), the one
    nearest to the most mentioned year; None when no such year fits. Today's date plays no
    part: the same text always gives the same answer."""
    best: tuple[int, dt.date] | None = None
    for ref in years:
        for year in range(ref + _YEAR_WINDOW[0], ref + _YEAR_WINDOW[1] + 1):
            try:
                d = day.replace(year=year)
            except ValueError:
                continue
            if d.weekday() != wd:
                continue
            pub = d - dt.timedelta(days=offset)
            key = abs(year - years[0])
            if _plausible(pub) and (best is None or key < best[0]):
                best = (key, pub)
    return best[1] if best else None


def _deictic_weekday_year(paragraphs: list[str], language: str) -> PublicationDate | None:
    """«أعلنت الوزارة اليوم الأحد 14 يوليو», «صباح غد الاثنين 3 مارس الجاري», a wire
    dateline «القاهرة - 26 - 2 (كونا) -- … اليوم الأحد»: the lead names today by its weekday,
    and a day and month without the year is today (after «اليوم <weekday>» or as a dateline),
    tomorrow or yesterday (after «غد/أمس <weekday>»). The year is one in which that day falls
    on its weekday, near the years the text mentions (_year_of_weekday); a text that
    mentions no year gives none."""
    if language != "ar":
        return None
    weekdays = date_lexicon(language).weekdays
    years = _text_years(paragraphs)
    # Two fixed base dates three years apart: a year-less date falls in another year for
    # each, which tells it from a date whose year is written.
    base = dt.date(2001, 7, 1)
    for para in paragraphs[:8]:
        deictic = _TODAY_WEEKDAY.search(para)
        if not deictic:
            continue
        today_wd = _weekday_of(deictic.group(1), weekdays)
        if today_wd is None:
            continue
        now = extract_dates([para], base, language)
        then = extract_dates([para], base.replace(year=base.year - 3), language)
        for a in now:
            b = next((b for b in then if a.text in b.text or b.text in a.text), None)
            if (
                b is None
                or a.granularity != "day"
                or not (a.start and b.start)
                or a.start[4:] != b.start[4:]  # the same day and month (nothing relative)
                or a.start == b.start  # in another year (its year is not written)
            ):
                continue
            at = para.find(a.text)
            rel = _REL_BEFORE.search(_normalize(para[max(at - 30, 0) : at])) if at >= 0 else None
            wd = _weekday_of(rel["wd"], weekdays) if rel else None
            if wd is not None:
                offset = {"اليوم": 0, "امس": -1, "الامس": -1}.get(rel["rel"], 1)
            elif (
                at >= 0
                and _DATELINE_AFTER.match(para, at + len(a.text))
                and not re.search(r"[^\W\d_]", a.text)
            ):
                offset, wd = 0, today_wd  # «القاهرة - 26 - 2 (كونا)»
            else:
                continue
            if (wd - offset - today_wd) % 7:
                continue  # the weekdays disagree
            pub = _year_of_weekday(dt.date.fromisoformat(a.start), wd, offset, years)
            if pub is not None:
                return PublicationDate(pub, "text", f"{deictic.group(0)} … {a.text}")
    return _confirmed_by_weekday(paragraphs, language, weekdays)


def _confirmed_by_weekday(
    paragraphs: list[str], language: str, weekdays: dict[str, int]
) -> PublicationDate | None:
    """«أعلن الوزير اليوم الأربعاء …» and, further down the page, one full date that is a
    Wednesday (an embedded post's «April 23, 2025», a photo caption): that date is today."""
    top = paragraphs[:8]
    deictic = next((m for p in top if (m := _TODAY_WEEKDAY.search(p))), None)
    wd = _weekday_of(deictic.group(1), weekdays) if deictic else None
    if wd is None:
        return None
    found: dict[dt.date, str] = {}
    for para in top:
        for m in extract_dates([para], None, language):
            if m.granularity == "day" and m.start and m.start == m.end and not m.approximate:
                found.setdefault(dt.date.fromisoformat(m.start), m.text)
        en = _english_words_date(para)
        if en:
            found.setdefault(*en)
    days = [d for d in found if d.weekday() == wd and _plausible(d)]
    if len(days) != 1:
        return None
    return PublicationDate(days[0], "text", f"{deictic.group(0)} … {found[days[0]]}")


def publication_date(paragraphs: list[str], language: str, url: str = "") -> PublicationDate | None:
    """The article's publication date as its page states it, or None."""
    top = paragraphs[:TOP_PARAGRAPHS]
    found = _labelled(top, language, _PUBLISHED_LABEL)
    if found:
        return found
    d = url_date(url)
    if d:
        return PublicationDate(d, "url", url)
    if top:
        m = _PAGE_STAMP.match(top[0])
        if m:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                if _plausible(d):
                    return PublicationDate(d, "text", m.group(0).strip())
            except ValueError:
                pass
    return (
        _labelled(top, language, _UPDATED_LABEL)
        or _stamp_line(top, language)
        or _lead(top, language)
        or _stamp_line(top, language, banners=True)
        or _deictic_weekday_year(top, language)
    )
