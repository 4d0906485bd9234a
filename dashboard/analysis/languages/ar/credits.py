"""Wire credits and datelines of an Arabic article: the outlet or agency a dispatch comes from.

A credit is a cited source (gold type `source`), emitted as a statement of kind `media` whose
cue is the credit as written. Positions read (constructions, not names):

* a parenthesised agency anywhere «(كونا)»، «(أ ف ب)»، «(بترا - كونا)»: the agency must be in the
  gazetteer (dashboard/lexicons/agency_credits.txt and outlets.csv), since a parenthesis also
  holds ordinary asides;
* the dateline that opens one of the first paragraphs: «الرياض – واس»، «واس - الرياض:»،
  «دمشق – نورث برس»، «X/ ...»، «X - متابعة»، «X – وكالات». One side of the dash is a known place
  or a desk word (متابعة، وكالات); the other side, one to three words, is the credit. A credit
  named in the gazetteer needs no place beside it.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from dashboard.analysis.languages import get_pack, month_names
from dashboard.analysis.lexicon import lexicon_path, load_fields_at
from dashboard.analysis.textproc import normalize
from dashboard.model import Quote

# Paragraphs (0-based) that may open with a dateline: a page's first lines are often the
# headline, a byline or a date before the dispatch itself starts.
DATELINE_PARAGRAPHS = 8
_DASHES = "-–—/"
_PARENS = re.compile(r"\(([^()]{1,40})\)")
_WORD = re.compile(r"[^\s" + re.escape(_DASHES) + r":()*]+")
# «الرياض – واس»، «واس - الرياض:»، «شفق نيوز/»: up to three words, a dash or slash, up to three
# words, then a dash, colon or the end (or the dispatch text when the second side is a place).
_DATELINE = re.compile(
    r"^\s*\*?\s*(?P<a>[^\s"
    + re.escape(_DASHES)
    + r":()«»\"“”،,]+(?:\s+[^\s"
    + re.escape(_DASHES)
    + r":()«»\"“”،,]+){0,2})\s*["
    + re.escape(_DASHES)
    + r"]\s*(?P<b>[^\s"
    + re.escape(_DASHES)
    + r":()«»\"“”،,]+(?:\s+[^\s"
    + re.escape(_DASHES)
    + r":()«»\"“”،,]+){0,2})?\s*(?P<end>[:"
    + re.escape(_DASHES)
    + r"]|$)?"
)
# Desk words that stand where a place would: «X - متابعة»، «X – وكالات».
_DESK_WORDS = frozenset(
    normalize(w)
    for w in ("متابعة", "متابعات", "وكالات", "خاص", "تقرير", "مراسلون", "مراسلين", "مراسلنا")
)
# Head words of an outlet's name: a parenthesis right after such a name glosses it.
_OUTLET_HEADS = tuple(
    normalize(w) for w in ("وكالة", "الوكالة", "للأنباء", "الأنباء", "صحيفة", "قناة", "موقع")
)
# Words that make a name an outlet's («أخبار البلد»، «شفق نيوز»، «هبة بريس»).
_OUTLET_WORDS = frozenset(
    normalize(w)
    for w in (
        "أخبار", "اخبار", "نيوز", "بوست", "برس", "تايمز", "بوابة", "شبكة", "موقع", "صحيفة",
        "جريدة", "وكالة", "قناة", "راديو", "إذاعة", "تلفزيون", "الخبر", "الأخبار",
        "الإخباري", "الإخبارية", "الاخباري", "الاخبارية",
    )
)  # fmt: skip
# Last words of a web outlet's name written in Latin loanwords («X نيوز»، «X ديجيتال»).
_WEB_OUTLET_WORDS = frozenset(
    normalize(w) for w in ("نيوز", "بوست", "برس", "بريس", "تايمز", "ديجيتال", "أونلاين", "اونلاين")
)
# Unnamed agencies are not a named source.
_UNNAMED = frozenset(normalize(w) for w in ("وكالات", "وكالات الأنباء", "متابعة", "متابعات"))
# Page labels that open a headline before a slash or dash («عاجل / …»، «فيديو - …»): a kind of
# item, never an outlet; and the first link of a breadcrumb («الرئيسية / …»: the home page).
_ITEM_LABELS = frozenset(
    normalize(w)
    for w in (
        "عاجل", "خبر عاجل", "عاجل جدا", "حصري", "خاص", "فيديو", "بالفيديو", "بالصور", "شاهد",
        "الرئيسية", "الصفحة الرئيسية",
    )
)  # fmt: skip


def _key(text: str) -> str:
    """Matching form of a credit: normalised, without dots, spaces and the tatweel."""
    return re.sub(r"[\s.ـ]", "", normalize(text))


@cache
def _gazetteer() -> frozenset[str]:
    """Names of agencies and outlets in credit form (every written variant)."""
    names: set[str] = set()
    for fields in load_fields_at(lexicon_path("agency_credits.txt")):
        if len(fields) >= 2 and fields[0] != "Agencies (unnamed)":
            names.add(_key(fields[1]))
    with lexicon_path("outlets.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for variant in (row.get("name", ""), *row.get("name_variants", "").split(";")):
                if variant.strip():
                    names.add(_key(variant))
    return frozenset(n for n in names if n)


def is_outlet_name(words: str) -> bool:
    """Is this an agency or outlet of the gazetteer («رويترز»، «واس»، «الجزيرة»), or a name
    of two or three words that ends in a web outlet's suffix («X أونلاين»، «X نيوز»)?"""
    if _key(words) in _gazetteer():
        return True
    parts = normalize(words).split()
    return 2 <= len(parts) <= 3 and parts[-1] in _WEB_SUFFIXES


# Last words of a web outlet's own name («النهار أونلاين»، «سكاي نيوز»، «هسبريس بوست»).
_WEB_SUFFIXES = frozenset(normalize(w) for w in ("أونلاين", "اونلاين", "نيوز", "بوست", "نت"))


def _is_place(words: str) -> bool:
    # Late import: the engine loads every pack's affiliations at import time.
    from dashboard.analysis.speakers.engine import _nphrase, _side_candidates

    toks = _nphrase(words)
    if not toks or len(toks) > 3:
        return False
    return any(
        s.type in ("capital", "country") and tuple(s.words) == toks
        for s in _side_candidates(toks[0])
    )


def _is_desk(words: str) -> bool:
    """«وكالات»، «متابعات»; also a desk word with its field («وكالات رياضية»)."""
    split = normalize(words).split()
    return normalize(words) in _DESK_WORDS or (len(split) == 2 and split[0] in _DESK_PLURALS)


# Plural desk words that may take the desk's field after them («وكالات رياضية»).
_DESK_PLURALS = frozenset(normalize(w) for w in ("وكالات", "متابعات"))


def _clean(name: str) -> str:
    return " ".join(name.strip(" *").split())


# A tatweel standing alone between spaces is a dash: «قاسيون ـ متابعات»، «واشنطن ـ X».
_TATWEEL_DASH = re.compile(r"(?<=\s)ـ+(?=\s)")
# So is an underscore between spaces: «X نيوز _ وكالات».
_UNDERSCORE_DASH = re.compile(r"(?<=\s)_+(?=\s)")
# «(الرياض) – “X” :»: a place in parentheses opens the dateline, a quoted credit follows.
_PAREN_PLACE_OPENING = re.compile(r"^\s*\(([^()]{2,25})\)(?=\s*[-–—])")
_OPENING_QUOTES = re.compile(r"[«»\"“”]")


_DATE_STAMP = re.compile(r"^\s*(?:date\s+)?\d{4}-\d\d(?:-\d\d)?\s+")


def _dateline_text(paragraph: str) -> str:
    """The opening of a paragraph with the dateline's variant marks made plain: a spaced
    tatweel as a dash, a parenthesised opening place without its parentheses, and quote marks
    around the credit of a short opening line dropped."""
    # «date 2025-09-24 الخرطوم-سانا»: a page's date stamp before the dateline is no part of it.
    paragraph = _DATE_STAMP.sub("", paragraph, count=1)
    if "ـ" in paragraph[:60]:
        paragraph = _TATWEEL_DASH.sub("-", paragraph, count=2)
    if "_" in paragraph[:60]:
        paragraph = _UNDERSCORE_DASH.sub("-", paragraph, count=1)
    m = _PAREN_PLACE_OPENING.match(paragraph)
    if m and _is_place(m.group(1).strip()):
        rest = paragraph[m.end() :]
        if len(rest.split()) <= 6:
            rest = _OPENING_QUOTES.sub("", rest)
        paragraph = m.group(1).strip() + rest
    return paragraph


# Words that open a writer's byline («بقلم/ فلان»، «كتبت - فلانة»، «متابعة/ فلان») or name
# the site's own desk («القسم الخارجي»): the name after them is a journalist, not a source.
_BYLINE_WORDS = frozenset(
    normalize(w)
    for w in [
        "بقلم",
        "كتب",
        "كتبت",
        "تحرير",
        "ترجمة",
        "إعداد",
        "اعداد",
        "متابعة",
        "متابعات",
        "تقرير",
        "حوار",
        "تصوير",
        "عرض",
        "القسم",
        "قسم",
    ]
)


# Without leading alefs: «االقسم» (a doubled alef typed by the site) is «القسم».
_BYLINE_BARE = frozenset(w.lstrip("ا") for w in _BYLINE_WORDS)


def _byline_word(words: str) -> bool:
    first = normalize(words).split()[:1]
    return bool(first) and first[0].lstrip("ا") in _BYLINE_BARE


def dateline_credits(paragraph: str) -> list[tuple[str, str]]:
    """(credit, cue) pairs of a paragraph-opening dateline, in order."""
    paragraph = _dateline_text(paragraph)
    m = _DATELINE.match(paragraph)
    if not m:
        return []
    a = _clean(m.group("a") or "")
    b = _clean(m.group("b") or "")
    ended = m.group("end") is not None or m.end() >= len(paragraph.rstrip())
    cue = paragraph[m.start() : m.end()].strip()
    gaz = _gazetteer()
    out: list[str] = []
    slash = paragraph[m.end("a") :].lstrip()[:1] == "/"
    if slash and _month_word(a.split()[-1] if a else ""):
        return []  # «وفي أواخر فبراير/شباط»: a month's two names, no credit
    if not ended:
        # The dispatch runs on after the credit: the cue is the credit and its mark only.
        cue = paragraph[m.start() : m.end("a")].strip() + " " + paragraph[m.end("a") :].lstrip()[:1]
    b_words = b.split()
    # «بغداد اليوم- بغداد أعلن ...»: the place may be only the first word(s) of the second side.
    b_head = next(
        (" ".join(b_words[:k]) for k in range(1, len(b_words) + 1)
         if _is_place(" ".join(b_words[:k])) or _is_desk(" ".join(b_words[:k]))),
        "",
    )  # fmt: skip
    if b and b_head and b_head != b and not _is_place(a) and not _is_desk(a):
        if ended and len(a.split()) == 1 and _key(a) not in gaz:
            # «الفاشر – الواحة سبورت» alone on a line: the dateline's city (one word), then
            # an outlet named after a capital; nothing runs on after it
            out.append(b)
        else:
            out.append(a)
    elif b and slash and not (_is_place(a) or _is_desk(a) or _is_place(b) or _is_desk(b)):
        out.append(a)  # «شفق نيوز/ رحب رئيس الوزراء ...»: a name and a slash open the dispatch
        if ended and len(paragraph.split()) <= 8 and not re.search(r"\d", paragraph):
            # «شمسان بوست / سكاي نيوز:»: a line of its own naming the site and the outlet it
            # took the dispatch from; both are cited. A date line («الثلاثاء ٠٧ / يناير /»)
            # has digits.
            out.append(b)
    elif not b:
        # «شفق نيوز/ رحب ...»: a lone name before a slash opens the dispatch.
        sep = paragraph[len(m.group(0).rstrip()) - 1 : len(m.group(0).rstrip())]
        if paragraph.lstrip().startswith(a) and (sep == "/" or _key(a) in gaz):
            out.append(a)
        elif (
            sep in "-–—"
            and m.end() >= len(paragraph.rstrip())
            and not (_is_place(a) or _is_desk(a) or (_titled(a) and not _media_named(a)))
            and all(w.isalpha() for w in a.split())
        ):
            out.append(a)  # «نبض المدينة –» alone on a line: the site's dateline credit
    else:
        a_place, b_place = _is_place(a), _is_place(b)
        a_desk, b_desk = _is_desk(a), _is_desk(b)
        if (b_place or b_desk) and not (a_place or a_desk):
            out.append(a)  # «بغداد اليوم- بغداد أعلن ...»، «هبة بريس – وكالات»
        elif (a_place or a_desk) and not (b_place or b_desk) and (ended or _key(b) in gaz):
            out.append(b)  # «الرياض – واس»، «دمشق – نورث برس»، «الرياض- مباشر: قال ...»
        elif ended and _key(a) in gaz and _key(b) not in gaz:
            out.append(a)
        elif ended and _key(b) in gaz and _key(a) not in gaz:
            out.append(b)
        elif ended and _key(a) in gaz and _key(b) in gaz:
            out.extend((a, b))  # «الصحيفة - و.م.ع»
        elif (
            not ended
            and not (a_place or a_desk)
            and not _titled(a)
            and (
                (
                    (
                        _key(a) in gaz
                        or any(normalize(w) in _OUTLET_WORDS for w in a.split())
                        # an unknown name only when the verb has a subject of its own: in
                        # «سامر خليل - قال إن …» the name is the subject
                        or (_bare_name(a) and _verb_has_subject(b))
                    )
                    and _opens_with_reporting_verb(b)
                )
                # «صدى نيوز - كلف الرئيس …»: a name that is an outlet's by its own words (a web
                # suffix, «الإخباري») opens the dispatch whatever verb follows the dash.
                or (len(a.split()) >= 2 and (is_outlet_name(a) or _outlet_worded(a)))
            )
        ):
            # «أخبار البلد- قالت الحكومة …»، «نبض المدينة - قال الوزير …»: the site's credit
            # opens the dispatch; a finite reporting verb right after the dash shows the words
            # before it are no subject of the sentence.
            out.append(a)
    if _byline_word(a) and not (b and is_outlet_name(b)):
        return []  # «بقلم/ فلان»، «متابعة/ فلانة»: the writer's byline, no outlet
    return [
        (c, cue)
        for c in out
        if not _byline_word(c)
        and normalize(c) not in _UNNAMED
        and normalize(c) not in _ITEM_LABELS
        and not re.search(r"\d", c)
        and not _initials(c)
    ]


# Words that name an outlet by what it is, at the end of its name («النجاح الإخباري»).
_OUTLET_GENRES = (
    frozenset(normalize(w) for w in ("الإخباري", "الإخبارية", "الاخباري", "الاخبارية"))
    | _WEB_OUTLET_WORDS
)


def _outlet_worded(words: str) -> bool:
    """Does the name end in an outlet's genre or web word («النجاح الإخباري»، «X برس»)?"""
    parts = normalize(words).split()
    return len(parts) >= 2 and parts[-1] in _OUTLET_GENRES


def _month_word(word: str) -> bool:
    w = normalize(word)
    return w in month_names() or (w[:1] in "وب" and w[1:] in month_names())


def _bare_name(words: str) -> bool:
    """Two or three words of a name: no function word, verb or digit (the words before a
    dash that a reporting verb follows). One word there is most often the dateline's city."""
    from dashboard.analysis.languages.ar.speakers import _AR_STOP, _AR_VERBS

    split = [normalize(w) for w in words.split()]
    return (
        2 <= len(split) <= 3
        and not _is_place(words.split()[0])
        and all(w.isalpha() and w not in _AR_STOP and w not in _AR_VERBS for w in split)
    )


_AN_WORDS = frozenset(normalize(w) for w in ("إن", "أن", "ان", "بأن", "انه", "إنه", "أنه"))


def _verb_has_subject(words: str) -> bool:
    """Is the reporting verb opening `words` followed by a word other than «إن/أن» (its own
    subject)?"""
    split = words.split()
    return len(split) > 1 and split[1][:1].isalpha() and normalize(split[1]) not in _AN_WORDS


def _first_word(words: str) -> str:
    """The first word, normalised ("" for none)."""
    split = words.split()
    return normalize(split[0]) if split else ""


def _titled(words: str) -> bool:
    """Does the name open with a role or institution noun («الوزير»، «وزارة»)? Then it is a
    subject set off by a dash, not an outlet's credit."""
    # Late import: the speaker rules import this module.
    from dashboard.analysis.languages.ar.speakers import _AR_ROLES

    first = _first_word(words)
    return first in _AR_ROLES or (first.startswith("ال") and first[2:] in _AR_ROLES)


def _organisation_named(words: str) -> bool:
    """Does the name open with an organisation's noun («المرصد»، «النادي»)? Sites are named
    so too («سيئون: المرصد اليمني»), unlike a ministry or an official."""
    from dashboard.analysis.languages.ar.speakers import _AR_ROLES, _role_at, _tokens

    toks, _q = _tokens(words)
    role = _role_at(toks, 0, _AR_ROLES) if toks else None
    return role is not None and role.kind == "organisation" and role.type == "body"


def _media_named(words: str) -> bool:
    """Does the name open with a media noun and go on with its own name («النشرة الدولية»،
    «إذاعة X»)? Alone on a line before a dash, that is the site's credit."""
    from dashboard.analysis.languages.ar.speakers import _AR_ROLES

    first = _first_word(words)
    base = first[2:] if first.startswith("ال") else first
    entries = _AR_ROLES.get(first, ()) or _AR_ROLES.get(base, ())
    return len(words.split()) >= 2 and any(r.kind == "media" and len(r.words) == 1 for r in entries)


def _opens_with_reporting_verb(words: str) -> bool:
    """Does the dispatch after a dash open with a finite reporting verb («قالت»، «أعلن»)?"""
    # Late import: the speaker rules import this module.
    from dashboard.analysis.languages.ar.speakers import _AR_VERBS

    verb = _AR_VERBS.get(_first_word(words))
    return verb is not None and not verb.participle and not verb.homograph


def _initials(credit: str) -> bool:
    """«ر غ / م ع ع» at the foot of a dispatch: editors' initials, one letter a word, not an
    outlet (an agency written in letters, «أ ف ب», is in the gazetteer)."""
    words = credit.split()
    return all(len(w) == 1 for w in words) and _key(credit) not in _gazetteer()


def parenthesised_credits(paragraph: str) -> list[tuple[str, str]]:
    """Agencies credited in parentheses «(كونا)»، «(بترا - كونا)»."""
    gaz = _gazetteer()
    out: list[tuple[str, str]] = []
    for m in _PARENS.finditer(paragraph):
        if (
            m.start() == paragraph.index("(")
            and _PAREN_PLACE_OPENING.match(paragraph)
            and _is_place(m.group(1).strip())
        ):
            continue  # «(الرياض) – …»: the dateline's place, though a paper bears its name
        before = [normalize(w) for w in paragraph[: m.start()].split()[-4:]]
        # (a conjunction و is cut off alone: «وكالة» itself begins with و)
        if any(w.startswith(_OUTLET_HEADS) or w[1:].startswith(_OUTLET_HEADS) for w in before):
            continue  # «وكالة الأنباء السعودية (واس)»: the acronym of a name just given
        for piece in re.split(r"\s*[" + re.escape(_DASHES) + r"،,]\s*", m.group(1)):
            piece = _clean(piece)
            if piece and _key(piece) in gaz:
                out.append((piece, m.group(0)))
    return out


# «أربيل (X)- دعت …»، «الكويت (X) -- أعلنت»: one or two opening words (the dateline's place),
# a parenthesis, then a dash and the dispatch: the parenthesis credits the outlet, known or not.
_PAREN_DATELINE = re.compile(
    r"^\s*[^\s()«»\"“”،,:]+(?:\s+[^\s()«»\"“”،,:]+)?\s*\(([^()]{2,25})\)\s*[-–—]+\s*\S"
)
# «الدوحة في 17 ديسمبر/ وام/ تختتم …»: an agency of the gazetteer between two slashes.
_SLASHED = re.compile(r"/\s*([^/\s][^/]{0,24}?)\s*/")


# «الأفق-اندلع …»، «المرصد- أصدرت …»، «الواحة نيوز :- تحدث …»: one to three words glued to a
# dash (no space before it, or a colon and a dash), then the dispatch: the site's credit.
_GLUED_DASH = re.compile(
    r"^\s*(?P<a>[^\s\-–—:|()«»\"“”،,./]+(?:\s+[^\s\-–—:|()«»\"“”،,./]+){0,2})"
    r"(?:\s*:\s*[-–—]|[-–—])\s*(?P<b>\S.*)$"
)
# «الواحة من دبي: أعلنت …»: a name, «من» and a place, a colon, then the dispatch.
_FROM_PLACE = re.compile(
    r"^\s*(?P<a>[^\s\-–—:|()«»\"“”،,./]+(?:\s+[^\s\-–—:|()«»\"“”،,./]+)?)\s+من\s+"
    r"[^\s\-–—:|()«»\"“”،,./]+\s*:\s*(?P<b>\S.*)$"
)
# «دبي - (المرصد):» alone on a line: a place, a dash, the credit in parentheses.
_PLACE_DASH_PAREN = re.compile(r"^\s*[^\s()]+\s*[-–—]\s*\(([^()]{2,25})\)\s*:?\s*$")


def _site_opening(a: str, b: str) -> bool:
    """Are the words `a` before a dispatch `b` a site's credit? Not a place, a desk or
    byline word, a title or a verb; the dispatch is a sentence of its own (six words or more)
    and not the content of a verb «a» would be the subject of («فلان- قال إن …»)."""
    from dashboard.analysis.languages.ar.speakers import _AR_STOP, _AR_VERBS

    words = [normalize(w) for w in a.split()]
    rest = b.split()
    if (
        not words
        or len(rest) < 6
        or _is_place(a)
        or _is_desk(a)
        or (_titled(a) and not any(w in _OUTLET_WORDS for w in words))
        or _byline_word(a)
        or normalize(a) in _ITEM_LABELS
        or normalize(a) in _UNNAMED
        or any(w in _AR_VERBS or w in _AR_STOP or not w.isalpha() for w in words)
        or normalize(rest[0]) in _AN_WORDS
    ):
        return False
    return not (_opens_with_reporting_verb(b) and not _verb_has_subject(b))


# «كسلا ــ المرصد»، «كسلا: الواحة اليوم» alone on a line: one word of a place
# (no article), a dash or colon, then the site's name (definite, or with an outlet word).
_PLACE_SITE_LINE = re.compile(
    r"^\s*(?P<a>[^\s\-–—:/|()«»\"“”،,.]+)\s*[-–—:]\s*(?P<b>[^\-–—:/|()«»\"“”،,.]+?)\s*$"
)


def place_site_line(paragraph: str) -> list[tuple[str, str]]:
    """The site's credit on a dateline line of its own whose place the gazetteer lacks."""
    if len(paragraph) > 50:
        return []
    m = _PLACE_SITE_LINE.match(_dateline_text(paragraph))
    if not m:
        return []
    a, b = _clean(m.group("a")), _clean(m.group("b"))
    from dashboard.analysis.languages.ar.speakers import _AR_STOP, _AR_VERBS

    words = [normalize(w) for w in b.split()]
    if (
        normalize(a).startswith("ال")
        or not a.isalpha()
        or len(a) < 3
        or normalize(a) in _AR_VERBS
        or normalize(a) in _AR_STOP
        or _titled(a)
        or not 1 <= len(words) <= 3
        or not (words[0].startswith("ال") or any(w in _OUTLET_WORDS for w in words))
        or any(w in _AR_VERBS or w in _AR_STOP or not w.isalpha() for w in words)
        # «غزة: الاحتلال يقصف»: a headline's present verb, no site's name
        or any(w[:1] in "يت" and len(w) >= 4 and w not in _OUTLET_WORDS for w in words)
        or _is_place(b)
        or _is_desk(b)
        or _byline_word(b)
        or (
            _titled(b) and not any(w in _OUTLET_WORDS for w in words) and not _organisation_named(b)
        )
        or normalize(b) in _UNNAMED
        or normalize(b) in _ITEM_LABELS
    ):
        return []
    return [(b, paragraph.strip())]


def opening_credits(paragraph: str) -> list[tuple[str, str]]:
    """Credits of a dispatch's opening that the dash dateline does not read: a parenthesis
    before a dash «أربيل (X)-» and a known agency between slashes «في 17 ديسمبر/ وام/»; a
    site's name glued to a dash «المرصد- أصدرت …», before «من PLACE:» «الواحة من دبي: …», or in
    parentheses after a place «دبي - (المرصد):»."""
    out: list[tuple[str, str]] = []
    m = _GLUED_DASH.match(paragraph) or _FROM_PLACE.match(paragraph)
    if m and _site_opening(_clean(m.group("a")), m.group("b")):
        out.append((_clean(m.group("a")), paragraph[: m.start("b")].strip()))
    m = _PLACE_DASH_PAREN.match(paragraph)
    if m and _plain_credit(_clean(m.group(1)), 3):
        out.append((_clean(m.group(1)), paragraph.strip()))
    m = _PAREN_DATELINE.match(paragraph)
    if m:
        name = _clean(m.group(1))
        # One word («X24»، «CNN»), or a known agency; the opening words are no reporting verb
        # («وقال الوزير (في مؤتمر)- …» is an aside). After a capital's name («نيامي (X Y)-»)
        # the parenthesis is the dateline's credit, however many words.
        from dashboard.analysis.languages.ar.speakers import _AR_VERBS

        opening = paragraph[: m.start(1)].split()
        site = _clean(" ".join(opening).strip("( "))
        if _is_place(name) and 2 <= len(site.split()) <= 3 and _outlet_worded(site):
            # «X بوست (بغداد) – …»: the site's name, then its city in brackets
            out.append((site, paragraph[: m.end() - 1].strip()))
        elif (
            (
                len(name.split()) == 1
                or _key(name) in _gazetteer()
                or (len(name.split()) <= 3 and _is_place(" ".join(opening).strip("( ")))
            )
            and not any(normalize(w.strip("(")) in _AR_VERBS for w in opening)
            and not re.fullmatch(r"[\d\s/.-]+", name)
            and normalize(name) not in _UNNAMED
            and normalize(name) not in _ITEM_LABELS
            and not _initials(name)
            and not _titled(name)
        ):
            out.append((name, f"({m.group(1)}){paragraph[m.end(1) + 1 : m.end() - 1].strip()}"))
    for m in _SLASHED.finditer(paragraph[:120]):
        name = _clean(m.group(1))
        if _key(name) in _gazetteer():
            out.append((name, m.group(0).strip()))
    return out


def outlet_line(paragraph: str) -> list[tuple[str, str]]:
    """A page line that holds nothing but an outlet's name («Sputnik», «* وكالة X»): the
    outlet's credit under the headline or at the foot of the dispatch."""
    name = _clean(paragraph.strip(" *-–—|.:"))
    if not name or len(name.split()) > 4:
        return []
    words = name.split()
    web = (
        2 <= len(words) <= 3
        and normalize(words[-1]) in _WEB_OUTLET_WORDS
        and not re.search(r"\d", name)
        and not _titled(name)
    )  # «X ديجيتال»، «X نيوز» alone on a line: the site's byline
    # «سيريانيوز»: the web word glued to the name, one word.
    glued = len(words) == 1 and any(
        normalize(words[0]).endswith(w) and len(normalize(words[0])) >= len(w) + 3
        for w in _WEB_OUTLET_WORDS
    )
    if _key(name) not in _gazetteer() and not web and not glued and not _place_today(words):
        place, colon, site = paragraph.strip().partition(":")
        if colon and site.strip() and _is_place(place.strip()) and (named := outlet_line(site)):
            return [(named[0][0], paragraph.strip())]  # «القاهرة : X نيوز»
        return []
    return [(name, paragraph.strip())]


_TODAY = normalize("اليوم")


def _place_today(words: list[str]) -> bool:
    """«فلسطين اليوم»، «السوري اليوم» alone on a line: a country or its adjective and «اليوم»,
    the way sites are named; a line of its own under a headline is the site's byline."""
    from dashboard.analysis.speakers.engine import _side_candidates

    if len(words) != 2 or normalize(words[1]) != _TODAY:
        return False
    return any(s.type in ("country", "adj") for s in _side_candidates(normalize(words[0])))


# «المصدر: X»، «مصدر:X» on a line of its own: the page credits X, known or not.
_SOURCE_LINE = re.compile(r"^\s*\*?\s*(?:ال)?مصدر\s*:\s*(?P<name>[^:()]{2,40}?)\s*\.?\s*$")
# «… الساعة الخامسة. (X)»: a parenthesis closing the paragraph after its last sentence.
_TRAILING_PAREN = re.compile(r"[.!؟]\s*\(([^()]{2,30})\)\s*$")
# End marks of a dispatch in that place, no outlet: «(النهاية)»، «(انتهى)»، «(يتبع)».
_END_MARKS = frozenset(normalize(w) for w in ("النهاية", "انتهى", "يتبع", "تابع", "الصور", "صور"))


# A news feed's footer copied with the item («The post TITLE appeared first on X.»): X is the
# outlet the page took the item from.
_FEED_CREDIT = re.compile(
    r"^\s*The post\s.+\s(?P<cue>appeared first on)\s+(?P<name>[^.]{2,40}?)\s*\.?\s*$"
)


def source_line(paragraph: str) -> list[tuple[str, str]]:
    """«المصدر: X» alone on a line, and a trailing «(X)» after a paragraph's last sentence: the
    outlet the page took the text from, in or out of the gazetteer; a feed's «The post …
    appeared first on X.» footer."""
    if "appeared first on" in paragraph:
        m = _FEED_CREDIT.match(paragraph)
        if m:
            name = _clean(m.group("name").strip(" *-–—|."))
            # «صحيفة X»: the outlet's noun is part of how the feed names it
            plain = _plain_credit(name, 4) or (_media_named(name) and len(name.split()) <= 4)
            return [(name, m.group("cue"))] if plain and not re.search(r"\d", name) else []
    if len(paragraph) <= 60:
        m = _SOURCE_LINE.match(paragraph)
        if m:
            name = _clean(m.group("name").strip(" *-–—|."))
            if _plain_credit(name, 4):
                return [(name, paragraph.strip())]
            return []
    if paragraph.rstrip().endswith(")"):
        m = _TRAILING_PAREN.search(paragraph)
        if m:
            name = _clean(m.group(1))
            if _plain_credit(name, 3) and normalize(name) not in _END_MARKS:
                return [(name, m.group(0)[1:].strip())]
    return []


def _plain_credit(name: str, max_words: int) -> bool:
    """A credit's name: a few words, no digits, no unnamed desk or item label, no initials."""
    return (
        0 < len(name.split()) <= max_words
        and not re.search(r"\d", name)
        and normalize(name) not in _UNNAMED
        and normalize(name) not in _ITEM_LABELS
        and not _initials(name)
        and not _titled(name)
    )


# An embedded post's links and tags («pic.twitter.com/…»، «#وسم»، «(@handle)»، «https://t.co/…»):
# a page widget, never an outlet's credit whatever the article.
_POST_LINK = re.compile(r"pic\.twitter|twitter\.com|\bt\.co/|https?:|(?:^|\s)[#@]")


# A photo's caption or credit line («صورة أرشيفية (رويترز)»، «الصورة: X / فلان»، «مصدر الصورة:
# …»، «تصوير: …»): the agency took the picture; no words of the article come from it. (Bare
# «صور» is also a city, Tyre: «صور - الوكالة الوطنية» stays a dateline.)
_PHOTO_LINE = re.compile(r"^\s*[(*]?\s*(?:مصدر\s+)?(?:(?:ال)?صورة|الصور|تصوير)(?:\s|[:(/\-–—]|$)")


# «في حديث تابعته “X”»، «في مقطع رصدته “X”»، «وثيقة حصلت عليها “X”»، «بيان تابعه محرر X»: the
# site that followed, caught or obtained the words is cited as their source. The outlet is in
# quote marks, or named after «محرر/مراسل» (the site's own editor).
_FOLLOWED_BY = re.compile(
    r"(?:تابع|رصد|حصلت\s+علي|اطلعت\s+علي)(?:ته|ها|ه)\s+"
    r"(?:(?P<desk>محرر|مراسل|مراسلة)\s+)?"
    r"(?:[“\"«](?P<quoted>[^”\"»\n]{2,30})[”\"»]|(?P<bare>[^\s،,.:؛]+(?:\s+[^\s،,.:؛]+){0,2}))"
)
_FOLLOW_STEMS = ("تابع", "رصد", "حصلت", "اطلعت")


def followed_by_credits(paragraph: str) -> list[tuple[str, str]]:
    """The site named after «تابعته»، «رصدته»، «حصلت عليها»: (credit, cue) pairs."""
    if not any(w in paragraph for w in _FOLLOW_STEMS):
        return []
    out: list[tuple[str, str]] = []
    for m in _FOLLOWED_BY.finditer(paragraph):
        name = m.group("quoted")
        cue = m.group(0).strip()
        if name is None and m.group("desk"):
            # «تابعه محرر الواحة اليوم أن …»: the name runs to a function word or «أن».
            words = []
            for w in m.group("bare").split():
                if normalize(w) in _AN_WORDS or normalize(w) in _FOLLOW_STOPS:
                    break
                words.append(w)
            name = " ".join(words)
            cue = paragraph[m.start() : m.start("bare")] + name
        if name and _plain_credit(_clean(name), 3) and not _byline_word(name):
            out.append((_clean(name), cue))
    return out


# «برقية نشرتها وكالة الأنباء الليبية»، «بيان مشترك، أوردته وكالة الأنباء السعودية،»: the
# outlet that published or carried the words (an outlet noun and its name) is their source.
_PUBLISHED_BY = re.compile(
    r"(?:نشرت|أوردت|بثت|نقلت)(?:ه|ها)\s+(?P<name>(?:وكالة|صحيفة|جريدة|قناة|إذاعة|شبكة)"
    r"\s+[^\s،,.:؛()«»\"“”]+(?:\s+(?:ال|لل)[^\s،,.:؛()«»\"“”]+){0,3})"
)
_PUBLISH_STEMS = ("نشرت", "أوردت", "بثت", "نقلت")
_OFFICIAL_WORDS = frozenset(normalize(w) for w in ("الرسمية", "الرسمي", "الحكومية", "الحكومي"))


def published_by_credits(paragraph: str) -> list[tuple[str, str]]:
    """The outlet named after «نشرته/أوردته/بثته/نقلته»: (credit, cue) pairs."""
    if not any(w in paragraph for w in _PUBLISH_STEMS):
        return []
    out: list[tuple[str, str]] = []
    for m in _PUBLISHED_BY.finditer(paragraph):
        before = paragraph[max(0, m.start() - 30) : m.start()]
        prev = normalize(before.split()[-1]) if before.split() and before[-1:].isspace() else ""
        if prev in _RELATIVES or _statement_noun(prev):
            continue  # «في بيان نشرته وكالة X»، «البيان الذي نقلته X»: the speaker rules read it
        words = m.group("name").split()
        while len(words) > 2 and normalize(words[-1]) in _OFFICIAL_WORDS | _DESCRIBING_TAILS:
            words.pop()  # «… الليبية الرسمية»: «official» describes the agency
        name = " ".join(words)
        if not re.search(r"\d", name):  # the outlet noun opens the name: no title test
            out.append((name, paragraph[m.start() : m.start("name")] + name))
    return out


_RELATIVES = frozenset(normalize(w) for w in ("الذي", "التي"))


def _statement_noun(word: str) -> bool:
    from dashboard.analysis.languages.ar.speakers import _STATEMENT_NOUNS

    return word in _STATEMENT_NOUNS or (word.startswith("ال") and word[2:] in _STATEMENT_NOUNS)


# Words after an outlet's name that begin the clause again: «اليوم»، «الليلة» and the
# weekdays with the article (the date rules' weekday lexicon, not a second list).
_DESCRIBING_TAILS = frozenset(
    normalize(w)
    for w in (
        "اليوم",
        "الليلة",
        *("ال" + line.split("|")[0].strip() for line in get_pack("ar").lines("dates_weekdays.txt")),
    )
)


_FOLLOW_STOPS = frozenset(normalize(w) for w in ("في", "على", "من", "عن", "إلى", "الذي", "التي"))


# The signature of an embedded post, as pages print it under the post's text: «— NAME
# (@handle) Month D, YYYY». NAME posted it: a voice of the article (an outlet or a person).
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[^—–()@\n]{2,40}?)\s*\(@\w{2,30}\)\s*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}"
)


def _media_like(name: str) -> bool:
    words = normalize(name).split()
    return (
        is_outlet_name(name)
        or _outlet_worded(name)
        or any(w in _OUTLET_WORDS or w.removeprefix("ال") in _OUTLET_WORDS for w in words)
    )


def post_signatures(paragraph: str) -> list[tuple[str, str]]:
    """(name, cue) of each embedded post's signature in the paragraph."""
    out = []
    for m in _POST_SIGNATURE.finditer(paragraph):
        name = m.group("name").strip()
        if name and not re.search(r"\d", name):
            out.append((name, m.group(0).strip()))
    return out


# «صنعاء | 20 أبريل | المسيرة نت: …»: a place, a date and the site's name between pipes,
# a colon after the name.
_PIPE_DATELINE = re.compile(
    r"^\s*[^|:\n]{2,25}\|[^|:\n]*\d[^|:\n]*\|\s*(?P<name>[^|:\d\n]{2,30}?)\s*:"
)


def pipe_dateline_credits(paragraph: str) -> list[tuple[str, str]]:
    m = _PIPE_DATELINE.match(paragraph)
    if not m or len(m.group("name").split()) > 3:
        return []
    return [(m.group("name").strip(), m.group(0).strip())]


def credit_quotes(paragraph: str, para: int) -> list[Quote]:
    """The credits of one paragraph as source statements (kind `media`)."""
    if len(paragraph) < 120 and _PHOTO_LINE.match(paragraph):
        return []
    posts = post_signatures(paragraph)
    found = parenthesised_credits(paragraph) + posts
    if para < DATELINE_PARAGRAPHS:
        found = (
            dateline_credits(paragraph)
            + pipe_dateline_credits(paragraph)
            + found
            + opening_credits(paragraph)
        )
        if not found:
            found = place_site_line(paragraph)
    found += followed_by_credits(paragraph) + published_by_credits(paragraph)
    if not found:
        found = source_line(paragraph)
    if not found and len(paragraph) < 60:
        found = outlet_line(paragraph)
    posted_by = {_key(name) for name, _ in posts}
    out: list[Quote] = []
    seen: set[str] = set()
    for name, cue in found:
        if _key(name) in seen or _POST_LINK.search(name):
            continue
        seen.add(_key(name))
        # A post's author is a person unless the name is an outlet's («— قناة X (@…)»).
        person = _key(name) in posted_by and not _media_like(name)
        out.append(
            Quote(
                speaker=name,
                speaker_kind="other" if person else "media",
                role="مصدر",
                verb=cue,
                direct=False,
                text=paragraph.strip(),
                paragraph=para,
                sentence=paragraph.strip(),
            )
        )
    return out
