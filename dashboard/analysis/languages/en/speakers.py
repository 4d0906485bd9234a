"""English attribution rules: "X said", "said X", "according to X", "X told reporters".

The English part of the speaker engine (dashboard.analysis.speakers.engine holds what every
language shares). Lexicons (this folder): reporting_verbs.txt (finite verbs, opinion verbs,
participles), speaker_roles.txt, source_phrases.txt.
"""

from __future__ import annotations

import dataclasses
import re

from dashboard.analysis.languages import get_pack
from dashboard.analysis.speakers.engine import (
    _COMMA_RE,
    _DOCUMENTS,
    _HARD_PUNCT,
    _NP,
    _PUNCT_STRIP,
    _QUOTE_OPEN,
    _WORD_RUN_RE,
    _affiliation,
    _Ctx,
    _kind_of,
    _name_text,
    _nphrase,
    _Role,
    _role_at,
    _side_at,
    _strip_span,
    _text,
    _Tok,
    _tokens,
    _WordFilter,
    _words,
    quote_of,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_EN_ROLES = roles("en")


def _load_en_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Reporting verbs; flags: opinion (needs «that» or a quote), participle, act (a speech
    act whose object is the statement: «X condemned the attack», named subjects only)."""
    finite, opinion, participle, acts = set(), set(), set(), set()
    for fields in get_pack("en").fields("reporting_verbs.txt"):
        form = fields[0].lower()
        flag = fields[1] if len(fields) > 1 else ""
        (participle if flag == "participle" else finite).add(form)
        if flag == "opinion":
            opinion.add(form)
        if flag == "act":
            acts.add(form)
    return frozenset(finite), frozenset(opinion), frozenset(participle), frozenset(acts)


_EN_VERBS, _EN_OPINION, _EN_PARTICIPLES, _EN_ACTS = _load_en_verbs()


def _load_agencies() -> dict[str, str]:
    """Spelling as written -> the agency's name (news_agencies.txt)."""
    out: dict[str, str] = {}
    for fields in get_pack("en").fields("news_agencies.txt"):
        name = fields[0].strip()
        out[name] = name
        if len(fields) > 1:
            for other in fields[1].split(","):
                if other.strip():
                    out[other.strip()] = name
    return out


_AGENCIES = _load_agencies()
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
# Credits: "(AP)", "(MENAFN- IANS)", "Reuters | Updated", "... — AFP", "Copyright 2024 The
# Associated Press", "Source: Kuwait News Agency". Case-sensitive: a credit is written as a name.
_CREDIT_PAREN_RE = re.compile(rf"\(((?:{_AGENCY_ALT})(?:\s*[-–/,]\s*(?:{_AGENCY_ALT}))*)\)")
_CREDIT_LEAD_RE = re.compile(rf"^\s*(?:The\s+)?({_AGENCY_ALT})\s*(?:[|—–―]|-(?=\s)|:(?=\s))")
_CREDIT_TAIL_RE = re.compile(rf"[—–―-]\s*(?:The\s+)?({_AGENCY_ALT})\s*[.)]?\s*$")
# «… in 2023. ― Reuters», the credit after the last full stop, with page furniture joined to
# the paragraph after it («― Reuters You May Also Like»).
_CREDIT_AFTER_STOP_RE = re.compile(
    rf"[.!?”\"’]\s*[—–―]\s*(?:The\s+)?({_AGENCY_ALT})\b(?!\s+[a-z])(?!\s*[,;:])"
)
# «… the leftist movement's rule. EFE»: a wire's name alone after the paragraph's last full
# stop (no dash) closes the dispatch it wrote.
_CREDIT_CLOSING_RE = re.compile(rf"[.!?”\"’]\s+(?:The\s+)?({_AGENCY_ALT})\s*\.?\s*$")
# An outlet's credit in brackets closing the dispatch, known by its news word: «… the
# reforms. (Harbour Gazette)».
_CREDIT_OUTLET_TAIL_RE = re.compile(
    r"[.!?”\"’]\s*\(((?:[A-Z][\w&'’.-]*\s+){0,3}(?:News|Times|Post|Press|Gazette|Herald|"
    r"Tribune|Chronicle|Telegraph|Daily|Agency|Online|TV|Radio))\)\s*$"
)
# A wire's name alone on a line («AFP», «By Reuters»), or glued to the capitals dateline
# that opens the dispatch on a scraped page («Associated PressNAIROBI, Kenya — …»).
# «AFP», «By The AP», «[AP]», «AFP , Friday 21 Jan 2011»: a credit line alone (its date after it)
_CREDIT_ALONE_RE = re.compile(
    rf"^\s*(?:[Bb]y\s+)?\[?(?:The\s+)?({_AGENCY_ALT})\]?\s*\.?"
    r"(?:\s*,\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})?\s*$"
)
_CREDIT_GLUED_DATELINE_RE = re.compile(
    rf"^\s*(?:The\s+)?({_AGENCY_ALT})(?<=[a-z])(?=[A-Z]{{3,}}\b)"
)
# «This article was produced by Reuters news agency», «This story was provided by AFP».
# «This report is auto generated from the Reuters news service»: a syndicated feed's footer.
# A statement relayed by a wire in a relative clause: «…, the judge said in her ruling, which
# was picked up by AFP», «…, remarks that were carried by Reuters».
_CREDIT_RELAYED_RE = re.compile(
    rf",\s+(?:which|that)\s+(?:was|were|has been|have been)\s+(?:picked up|carried|relayed|"
    rf"quoted|cited|reported)\s+by\s+(?:the\s+)?({_AGENCY_ALT})\b"
)
_CREDIT_PRODUCED_RE = re.compile(
    rf"\b(?:article|story|report|content|copy) (?:was|has been|is) (?:produced|written|"
    rf"provided|supplied|published|filed) by (?:the )?({_AGENCY_ALT})\b"
    rf"|\b(?:is|was|has been) (?:auto[- ]?)?(?:generated|published|taken) from (?:the |an? )?"
    rf"({_AGENCY_ALT}) (?:news )?(?:service|feed|wire)\b"
)
_CREDIT_COPYRIGHT_RE = re.compile(
    rf"\b(?:Copyright|©)\s*(?:©\s*)?(?:\d{{4}}\s+)?(?:The\s+)?({_AGENCY_ALT})\b"
)
_CREDIT_SOURCE_RE = re.compile(
    r"(?<!Image )\b(?:Source|SOURCE|Sources)\s*:\s*"
    r"((?:[A-Z][\w.&'’-]*\s*){1,6})"
)
# The wire's own disclaimer: «Reuters could not independently verify the reports».
_CREDIT_VERIFY_RE = re.compile(
    rf"\b({_AGENCY_ALT}) (?:could not|cannot|can't|was unable to|has not been able to|"
    rf"was not able to) (?:immediately )?(?:independently )?(?:verify|confirm)"
)
_CREDIT_SPLIT_RE = re.compile(r"\s*[-–/,]\s*")
# A site's domain glued to the dateline on a scraped page: «example.com.trMOSCOW Russia said».
_CREDIT_DOMAIN_RE = re.compile(r"^\s*((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[A-Z]{3,})")
# An outlet's byline on a line of its own: «Coastal Times News Network», «By X News Service».
_CREDIT_NETWORK_RE = re.compile(
    r"^\s*(?:By\s+)?((?:[A-Z][\w&'’.-]*\s+(?:/\s+)?){1,4}(?:News (?:Network|Service|Desk|Bureau)|"
    r"Newswire|Wire Service))\s*$"
)

# An outlet's name glued into one word on a line of its own («HarbourNews», «CoastNews»).
_CREDIT_GLUED_OUTLET_RE = re.compile(r"^\s*((?:[A-Z][a-z]+){1,4}(?:News|Times|Post|Press|TV))\s*$")
# An outlet's credit alone on a line under the headline, known by its news word: «Harbour
# Herald,», «Coastal Times» (not the page's first line, its masthead; not a menu's «World News»).
_CREDIT_OUTLET_LINE_RE = re.compile(
    r"^\s*((?:[A-Z][\w&'’.-]*\s+){1,3}(?:News|Times|Post|Herald|Tribune|Gazette|Chronicle|"
    r"Telegraph|Journal|Star|Express|Mail|Observer|Standard))\s*,?\s*$"
)
# A site's own name opening the dispatch before a dash, known by its news word: «HAVANA
# TIMES — Cuban authorities …», «Harbour Post – The ministry …» (a city alone is a dateline).
_CREDIT_OUTLET_LEAD_RE = re.compile(
    r"^\s*((?:[A-Z][\w&'’.-]*\s+){1,3}(?i:News|Times|Post|Herald|Tribune|Gazette|Chronicle|"
    r"Telegraph|Journal|Observer|Standard))\s*[—–―](?=\s)"
)
# An outlet's desk credit alone on a line: «HNA / WEB DESK», «Harbour Times/ News Desk».
_CREDIT_DESK_LINE_RE = re.compile(
    r"^\s*([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*/\s*"
    r"(?i:(?:web|news|online|digital|sports|city|foreign|national)\s+)?(?i:desk)\s*$"
)
# A site's own name written as its domain, alone on a line: «Harbourvision.az».
_CREDIT_DOMAIN_LINE_RE = re.compile(
    r"^\s*((?:[A-Za-z][\w-]{2,}\.)+(?:com|net|org|news|info|online|media|tv|io|az|ru|ng|pk|ph|"
    r"kr|uk|ge|kz|uz|in|co\.[a-z]{2}))\s*$"
)
# A byline naming the writer's outlet, the whole line: «By Jane Roe of Harbour News».
_CREDIT_BYLINE_OF_RE = re.compile(
    r"^\s*(?:\S+\s+){0,2}?By\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:of|for)\s+"
    r"((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*$"
)
_CREDIT_MENU_WORDS = frozenset(get_pack("en").lines("credit_menu_words.txt"))
# An aggregator's byline «by Jane Roe · Coastal Evening News», the outlet's name glued to the
# first sentence on scraped pages («… NewsFreedonia's president said»).
_CREDIT_BYLINE_RE = re.compile(
    r"^\s*[Bb]y\s+(?:[A-Z][\w'’.-]*\s+){1,3}[·•|]\s*"
    r"((?:[A-Z][\w&'’-]*\s+){0,4}[A-Z][a-z]+?)(?=[A-Z][a-z]|\s*$)"
)


# ---------------------------------------------------------------------------------------------
# English attribution.

_EN_PRONOUNS = frozenset(_words("he she they it we"))
_EN_SKIP_BEFORE_VERB = frozenset(
    _words(
        "also later previously has had have would will further then recently earlier had once "
        "again separately "
        # «the security firm Seaguard first reported»: no part of the name before it
        "first initially subsequently"
    )
)
_EN_AUDIENCE = frozenset(
    _words("reporters journalists lawmakers parliament congress students supporters")
)
_EN_MEDIA_HINT = frozenset(
    _words(
        "news agency press times post tv television radio channel newspaper magazine broadcaster "
        "herald tribune gazette telegraph chronicle"
    )
)
# Last words of an outlet's own name: «TNT Sports», «Eastside Radio», «Freedonia TV».
_EN_MEDIA_CHANNEL_HEADS = frozenset(
    _words("news tv television radio channel sports fm times post herald tribune gazette")
)
_EN_PAIRED_DASH_RE = re.compile(r"\s[-–—]\s")
_EN_ARTICLES = frozenset(_words("a an the"))
# Possessive determiners: they open a description («Her brother, Tom Doe, …»), never a name.
_EN_POSSESSIVES = frozenset(_words("her his their its our my your"))
# «in an interview with the Herald», «speaking to Sky News»: the outlet a voice spoke to.
_EN_INTERVIEW_RE = re.compile(
    r"\b(?:[Ii]n an? (?:[a-z]+ )?(?:interview|conversation) with|[Ss]peaking to|[Ss]peaking with)\s+"
    r"(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
# «Speaking to», «in an interview with»: the outlet described after it (_en_described_outlet).
_EN_SPEAKING_TO_RE = re.compile(
    r"\b(?:[Ss]peaking (?:to|with)|[Ii]n an? (?:[a-z]+ )?(?:interview|conversation) with)\s+"
)
_EN_STOPWORDS = frozenset(
    _words(
        "on in at during after before while when that this these those is was were are be been "
        "but and or of for with by from to as who which including despite because if although "
        "though since until unless whether than about into through against between without "
        "where whom whose what how why amid"
    )
)


def _covered(seg: list[_Tok], index: dict[str, list[_Role]]) -> list[bool]:
    """Which tokens belong to a role/institution entry or a side word (longest matches)."""
    cov = [False] * len(seg)
    p = 0
    while p < len(seg):
        role = _role_at(seg, p, index)
        side = _side_at(seg, p)
        n = max(len(role.words) if role else 0, len(side.words) if side else 0)
        if n:
            for j in range(p, min(len(seg), p + n)):
                cov[j] = True
            p += n
        else:
            p += 1
    return cov


_EN_AGE_RE = re.compile(r"^(?:\d+-)?years?-old$")


# «(Reuters) - », « - »: a hyphen between spaces or after a bracket ends a dateline.
_EN_DASH_GAP_RE = re.compile(r"\)\s*-|\s-\s")


def _en_label_gap(gap: str) -> bool:
    """A colon or a dash between two words: what is before it is a dateline or a label."""
    return any(c in gap for c in ":—–―|•") or bool(_EN_DASH_GAP_RE.search(gap))


def _en_np(seg: list[_Tok], sentence: str) -> _NP | None:
    """Role/name split of an English subject phrase («Russian Foreign Minister Sergei Lavrov»)."""
    seg = [t for t in seg if t.norm not in _EN_SKIP_BEFORE_VERB]
    if any("year" in t.norm for t in seg):
        # «The 54-year-old mayor added»: the age is an epithet, «the mayor» is who speaks.
        seg = [
            t
            for j, t in enumerate(seg)
            if not _EN_AGE_RE.match(t.norm)
            and not (t.norm.isdigit() and j + 1 < len(seg) and _EN_AGE_RE.match(seg[j + 1].norm))
        ]
    doctor = False
    while seg and seg[0].surf.rstrip(".") in _EN_HONORIFICS:
        if seg[0].surf in _EN_KNIGHTED and len(seg) == 2:
            break  # «Sir Keir said»: a knight is named by the given name, with the title
        doctor = doctor or seg[0].surf.rstrip(".") == "Dr"
        seg = seg[1:]
    judge = (
        len(seg) >= 2
        and seg[0].surf == "Justice"
        and _en_cap(seg[1])
        and seg[-1].norm not in _EN_LONG_BODY_HEADS
        and all(_en_cap(t) for t in seg[1:])
    )
    if judge:
        seg = seg[1:]  # «Justice Jane Roe ruled»: the judge's title, not part of her name
    seg = _en_drop_dateline(seg)
    if seg and any(_en_label_gap(t.gap) for t in seg[1:]):
        # «LONDON: A senior official said», «OSLO — The government said», «MOSCOW (Reuters) -
        # Russia said»: a dateline, its wire credit or a label before the subject.
        last = max(j for j in range(1, len(seg)) if _en_label_gap(seg[j].gap))
        seg = seg[last:]
    for j in range(1, len(seg)):
        # «The ministry in a statement said», «Russia on Monday said», «Jane Roe late on
        # Wednesday said», «X earlier this week said»: the subject ends at the time phrase.
        if seg[j].norm in _EN_TIME_OPENERS and any(
            t.norm in _EN_CIRCUMSTANCE for t in seg[j + 1 : j + 4]
        ):
            k = j + 1
            while (
                k < len(seg)
                and k <= j + 4
                and (not _en_cap(seg[k]) or seg[k].norm in _EN_CIRCUMSTANCE)
            ):
                k += 1
            if (
                j + 1 < k < len(seg)
                and seg[k - 1].norm in _EN_CIRCUMSTANCE
                and 1 <= len(seg) - k <= 3
                and all(_en_cap(t) for t in seg[k:])
                and not any(_COMMA_RE.search(t.gap) for t in seg[j : k + 1])
            ):
                seg = seg[k:]  # «… on Wednesday last week Roe said»: the name after the time
            else:
                seg = seg[:j]
            break
    seg = seg[: len(seg) - _en_bracket_tail(seg)]
    seg = seg[: _en_bracket_expansion(seg, sentence)]
    if seg and all(t.norm in _EN_WHEN or t.norm in _EN_ARTICLES for t in seg):
        return None
    own = 1 if len(seg) > 2 and seg[0].norm in _EN_ARTICLES else 0
    if (
        len(seg) > own + 1
        and seg[own].surf.islower()
        and seg[own].norm.endswith(("'s", "’s"))
        and seg[own + 1].surf[:1].isupper()
    ):
        seg = seg[own + 1 :]  # «the territory's Health Ministry»: the owner is not the name
    if not seg:
        return None
    if len(seg) == 1 and seg[0].norm in _EN_PRONOUNS:
        return None
    for j in range(len(seg) - 1):
        # «a statement from the ministry said», «said a statement by X's office»: the issuer.
        if (
            seg[j].norm in _EN_ISSUED
            and seg[j + 1].norm in ("from", "by", "of")
            and j + 2 < len(seg)
        ):
            seg = seg[j + 2 :]
            break
    if len(seg) >= 2 and seg[-1].norm in _EN_ISSUED and seg[-2].norm.endswith(("'s", "’s")):
        # «Netanyahu's statement said»: the owner of the statement is the voice.
        owner = seg[-2]
        cut = len(owner.surf) - 2
        seg = [
            *seg[:-2],
            _Tok(
                owner.surf[:cut],
                owner.norm[:-2],
                owner.start,
                owner.start + cut,
                owner.gap,
                owner.quote,
            ),
        ]
    outlet = False
    for j in range(1, len(seg)):
        # «The Morning Bugle newspaper (in Freedonia) reported»: the capitalised name before
        # an outlet noun is the outlet; the noun and what follows it are no part of the name.
        if _en_outlet_noun(seg, j) and _en_cap(seg[j - 1]) and seg[j - 1].norm not in _EN_ARTICLES:
            seg, outlet = seg[:j], True
            # «the Freedonia-based Morning Bugle newspaper»: where it is based is no name
            seg = [t for t in seg if not t.norm.endswith("-based")] or seg
            break
    if any(_en_breaks(seg, j) for j in range(len(seg))):
        return None
    if seg[-1].norm in _DOCUMENTS:
        return None  # «the treaty says»: a document, not a speaker
    coordinated = _en_coordination(seg, sentence)
    if coordinated is not None:
        return coordinated
    cov = _covered(seg, _EN_ROLES)
    place_of = ""
    for j in range(3, len(seg) - 1):
        # «President Jane Roe of Freedonia said»: a titled person's name, then the country
        # she speaks for; the name is before «of», the place is her side.
        if (
            seg[j].norm == "of"
            and any(cov[:j])
            and not cov[j - 1]
            and not cov[j - 2]
            and _en_cap(seg[j - 1])
            and _en_cap(seg[j - 2])
            and all(_en_cap(t) for t in seg[j + 1 :])
        ):
            side = _side_at(seg, j + 1)
            if side and side.type in ("country", "capital"):
                place_of = side.side
                seg, cov = seg[:j], cov[:j]
                break
        if (
            seg[j].norm == "of"
            and j + 1 < len(seg)
            and (
                seg[j + 1].norm == "the"
                or j + 2 == len(seg)
                or cov[-1]
                or _institution_name(_text(seg, j + 1, len(seg), sentence))
            )
            and any(cov[:j])
            and not cov[j - 1]
            and not cov[j - 2]
            and _en_cap(seg[j - 1])
            and _en_cap(seg[j - 2])
            and all(_en_cap(t) for t in seg[j + 2 :])
            and _en_cap(seg[-1])
            # «Chief of the Press Division of the Police Inspector General X»: a unit's name
            # (its head noun) before «of» is no person's name
            and seg[j - 1].norm not in _EN_LONG_BODY_HEADS
        ):
            # «Judge Jane Roe of the Freedonia High Court said», «President Jane Roe of
            # Freedonia said» (a place the gazetteer does not know), «Professor Jane Roe of
            # Kelston University said»: a titled person's name, then «of» and the body she
            # belongs to; she speaks, the body is her side.
            place_of = _affiliation(seg[j + 1 :], speaker_is_place=False)
            seg, cov = seg[:j], cov[:j]
            break
    np = _NP()
    # Name = trailing capitalised tokens that are not role/side words.
    q = len(seg)
    while q > 0 and not cov[q - 1]:
        if _en_cap(seg[q - 1]) or (q < len(seg) and _en_number_sign(seg, q - 1)):
            q -= 1
        elif (
            seg[q - 1].norm in ("of", "and", "for")
            and q >= 2
            and _en_cap(seg[q - 2])
            and not cov[q - 2]
            and q < len(seg)
            and _institution_name(_text(seg, q - 2, len(seg), sentence))
        ):
            q -= 1  # «the Disaster and Management Authority», «the Ministry of Health»
        elif (
            seg[q - 1].norm in _EN_NAME_PARTICLES
            and seg[q - 1].surf.islower()
            and q >= 2
            and _en_cap(seg[q - 2])
            and not cov[q - 2]
            and q < len(seg)
        ):
            q -= 1  # «Harsha de Silva», «Virgil van Dijk»
        else:
            break
    if (
        1 <= q < len(seg) - 1
        and seg[q].surf == "No"
        and _en_number_sign(seg, q + 1)
        and _en_cap(seg[q - 1])
    ):
        q -= 1  # «the Beijing No. 2 Court»: the city numbering its courts is in the name
    q = _en_title_place(seg, q, cov)
    q, headed = _en_headed_run(seg, q, cov)
    if (
        2 <= q < len(seg)
        and seg[q - 1].norm == "in"
        and seg[q - 1].surf.islower()
        and not (_en_cap(seg[q - 2]) and seg[q - 2].norm in _EN_BODY_HEADS)
    ):
        # «An official of the Health Ministry in Kelston Province said», «Police in Kelston
        # said»: the name after «in» is where the subject is, not who speaks («the UN
        # Office in Kelston» is one name).
        if (
            seg[q - 2].norm in ("report", "reports", "article", "story")
            and seg[q - 2].surf.islower()
        ):
            outlet = _text(seg, q, len(seg), sentence)
            if _is_media(outlet) and outlet[:1].isupper():
                # «As per a report in Al Jazeera»: the outlet the report ran in is the source
                return _NP(outlet.removeprefix("the "), "", "media", "", True)
        head = _en_np(seg[: q - 1], sentence)
        side = _side_at(seg, q)
        head_words = head.name.lower().split() if head is not None else []
        if (
            head is not None
            and head_words
            and (head.body or head.kind == "state")
            and not head.role
            and (head_words[0] in _EN_PLACED_BODY_HEADS or head_words[-1] in _EN_PLACED_BODY_HEADS)
            and 1 <= len(seg) - q <= 3
            and all(_en_cap(x) for x in seg[q:])
            and (side is None or side.type in ("country", "capital"))
        ):
            # «the Ministry of Health in Freedonia», «the government in Damascus»: a
            # government body named by the country or capital it sits in; the place is part
            # of its name (devset convention).
            head.name = f"{head.name} in {_text(seg, q, len(seg), sentence)}"
            head.affiliation = head.affiliation or (side.side if side is not None else "")
            head.body = True
            if head.kind in ("", "other", "anonymous"):
                head.kind = "state"
            return head
        if head is not None and not head.affiliation:
            head.affiliation = _affiliation(seg[q:], speaker_is_place=False)
        return head
    longest = 9 if headed else 6 if _institution_name(_text(seg, q, len(seg), sentence)) else 4
    if len(seg) - q > longest:
        q = len(seg) - longest
        if (
            seg[q].norm in _EN_PLACE_HEADS
            and 2 <= len(seg) - q - 1 <= 3
            and not any(t.norm in _EN_LONG_BODY_HEADS for t in seg[q:])
        ):
            q += 1  # «Officer of Kelston Rural Municipality Jane Roe»: the unit is no name
    while q < len(seg) - 1 and seg[q].norm in _EN_ARTICLES:
        q += 1  # «The Weather Office said»: the article is not part of the name
    q = _en_portfolio_split(seg, q)
    q = _en_country_in_name(seg, q, sentence)
    role_toks = seg[:q]
    while role_toks and role_toks[0].norm in _EN_ARTICLES:
        role_toks = role_toks[1:]
    kind, typ = (
        _kind_of(role_toks, _EN_ROLES, prefer_person=q < len(seg)) if role_toks else ("", "")
    )
    if (
        q < len(seg)
        and seg[0].norm in ("a", "an", "one")
        and typ == "person"
        and any(t.norm in ("of", "for", "at") and t.surf.islower() for t in role_toks[1:])
    ):
        # «An official of the Ministry of Health said», «A spokesman for the Ministry of
        # Defence said»: an unnamed member of the body speaks; the body's name is not hers.
        np.name = np.role = _text(seg, 1, len(seg), sentence)
        np.kind = "anonymous"
        np.affiliation = _affiliation(seg, speaker_is_place=False)
        return np
    if (
        q < len(seg)
        and len(role_toks) >= 2
        and role_toks[-1].norm == "of"
        and all(_en_cap(t) for t in role_toks[:-1])
        and typ != "person"
    ):
        # «the City of Los Angeles», «the Pacific Palisades Chamber of Commerce»: a
        # capitalised «X of» is the start of one institution's name, not a title.
        np.name = _name_text(role_toks + seg[q:], 0, len(role_toks) + len(seg) - q, sentence)
        np.kind = kind if kind in ("state", "media", "organisation") else "organisation"
        np.body = True
    elif (
        q == len(seg) - 1
        and typ == "body"
        and role_toks
        and role_toks[-1].surf.islower()
        and len(seg[q].surf) >= 2
        and seg[q].surf.isupper()
        and seg[q].surf.isalpha()
    ):
        # «the main opposition party FREDA said», «the rebel group FLX said»: the acronym
        # after a lower-case body noun is the body's own name; the noun phrase describes it.
        np.name = seg[q].surf
        np.role = _text(role_toks, 0, len(role_toks), sentence)
        np.kind = kind if kind in ("state", "media", "organisation") else "organisation"
        np.body = True
    elif q < len(seg) and (typ != "body" or not role_toks):
        np.name = _name_text(seg, q, len(seg), sentence)
        np.role = _text(role_toks, 0, len(role_toks), sentence) if role_toks else ""
        np.kind = kind or "other"
        if (
            not kind
            and seg[0].norm == "the"
            and all(_en_cap(t) for t in seg[1:])
            and len(seg) - q >= 2
        ):
            # «The Libyan Red Crescent said», «the Freedonian Relief Society said»: a person
            # is not named with an article, so a capitalised name after «the» is a body.
            np.kind, np.body = "organisation", True
    elif role_toks:
        lead = 0
        while (
            lead < len(role_toks) - 1
            and _en_letter(role_toks[lead])
            and role_toks[lead + 1].gap[:1] == "."
        ):
            lead += 1
        if lead and _en_letter(role_toks[lead]) and role_toks[lead].gap[:1] == ".":
            lead += 1  # past the last letter of «U.S.»
        if lead >= len(role_toks) or not _en_cap(role_toks[lead]) or lead < 2:
            lead = 0
        # «the U.S. State Department»: the dotted abbreviation is the side, not the name
        np.name = _name_text(role_toks, lead, len(role_toks), sentence)
        if q < len(seg):
            np.name = _name_text(
                seg, len(seg) - len(role_toks) - (len(seg) - q), len(seg), sentence
            )
        np.role = np.name if typ == "person" else ""
        np.kind = kind or "other"
        np.body = typ != "person"
        if seg[0].norm in ("a", "an", "one") and q == len(seg) or typ == "group":
            np.kind = "anonymous"  # «a Ukrainian military official said»: no one is named
        if not kind and _side_at(role_toks, 0):
            np.kind, np.body = "state", True  # «Washington said», «the United States said»
    else:
        if not _en_cap(seg[0]):
            return None
        side = _side_at(seg, 0)
        np.name = _name_text(seg, 0, len(seg), sentence)
        if side and side.type in ("country", "capital", "body"):
            np.kind, np.body = "state", True
    if headed and np.kind == "other" and not np.role:
        np.kind, np.body = "organisation", True  # «the Department of Health and Human Services»
    np.affiliation = _affiliation(role_toks or seg, speaker_is_place=np.body)
    if place_of and not np.affiliation:
        np.affiliation = place_of
    if np.body and np.name == seg[-1].surf and seg[-1].surf.replace(".", "").isupper():
        side = _side_at(seg, len(seg) - 1)
        if side and side.type in ("country", "body"):
            np.name = side.side  # «US said», «the UN said»: the full name, as written elsewhere
    if np.name and (outlet or _is_media(np.name)):
        np.kind, np.body = "media", True  # «Xinhua reported», «the AP reports»
    words = np.name.split()
    if (
        len(words) >= 2
        and not np.body
        and words[0].rstrip(".") in _EN_HONORIFICS
        and words[0] not in _EN_KNIGHTED
        and words[1][:1].isupper()
    ):
        # «Minister of Health Dr. Jane Roe said»: an honorific between the title and the
        # name is no part of the name (the article names her «Jane Roe» or «Roe»).
        doctor = doctor or words[0].rstrip(".") == "Dr"
        np.name = np.name[len(words[0]) :].lstrip()
    if doctor and not np.role and not np.body and np.name[:1].isupper():
        np.role = "doctor"  # «Dr. Jane Roe …; the doctor said»: the title is her role
    if judge and not np.role and not np.body and np.name[:1].isupper():
        np.role, np.kind = "judge", "official"  # «Justice Jane Roe …; said the judge»
    return np


_EN_PORTFOLIO = frozenset(w for (w, *_rest) in get_pack("en").fields("speaker_portfolios.txt"))


# Heads of a government body that may be named by the place it sits in («the Ministry of
# Health in Freedonia», «the government in Damascus», «the health bureau in Kelstown»).
_EN_PLACED_BODY_HEADS = frozenset(get_pack("en").lines("speaker_placed_body_heads.txt"))


def _en_title_place(seg: list[_Tok], q: int, cov: list[bool]) -> int:
    """«Ambassador to Freedonia Tom Doe», «the envoy to the United Nations Jane Roe»: the
    place after a title's «to/for» is part of the title, and the name starts after it (a
    place the gazetteer knows, else one word, or two after «the»); q unchanged otherwise."""
    if q < 2 or seg[q - 1].norm not in ("to", "for") or not seg[q - 1].surf.islower():
        return q
    p = q - 2
    if seg[p].norm == "the" and p >= 1:
        p -= 1
    if not cov[p]:
        return q
    rest = len(seg) - q
    side = _side_at(seg, q)
    if rest == (len(side.words) if side is not None else 1):
        return len(seg)  # «the ambassador to Freedonia said»: a title, no name
    if side is not None and 2 <= rest - len(side.words) <= 3:
        return q + len(side.words)
    if side is None and rest == 3:
        return q + 1
    if side is None and rest == 4 and seg[q - 1].norm == "the":
        return q + 2
    return q


def _en_portfolio_split(seg: list[_Tok], q: int) -> int:
    """«Minister for Foreign Affairs Jane Roe», «president of Freedonia Jane Roe»: after a
    person's title ending in «of»/«for», the capitalised run holds the portfolio or the place
    before the name. The start of the name, moved past them (q unchanged when the run is
    short, or the words before «of»/«for» hold no person's title)."""
    n = len(seg)
    if 3 <= q < n and seg[q - 1].norm == "and" and seg[q].norm in _EN_PORTFOLIO:
        # «Minister for Trade and Industry Jane Roe»: the name run stopped at «and».
        j = q - 1
        while j > 0 and seg[j - 1].norm in _EN_PORTFOLIO and _en_cap(seg[j - 1]):
            j -= 1
        if j < q - 1 and j > 0 and seg[j - 1].norm in ("of", "for"):
            q = j
    if q < 2 or n - q < 3 or seg[q - 1].norm not in ("of", "for"):
        return q
    if _kind_of(seg[: q - 1], _EN_ROLES)[1] != "person":
        return q
    k = q
    while k < n - 2 and (
        seg[k].norm in _EN_PORTFOLIO or (seg[k].norm == "and" and k > q and k + 1 < n - 2)
    ):
        k += 1
    if k > q and seg[k - 1].norm != "and":
        if k + 3 < n and seg[k].norm == "of" and all(_en_cap(t) for t in seg[k + 1 :]):
            # «Superintendent of Police of Kelston Jane Roe»: the portfolio, then «of» and
            # the place it is held in; the name starts after the place.
            return _en_place_then_name(seg, k + 1)
        return k  # the portfolio's words, then a name of two words or more
    return _en_place_then_name(seg, q)


def _en_place_then_name(seg: list[_Tok], q: int) -> int:
    """Start of the name after a title's «of» at q: the place is one word («president of
    Freedonia Jane Roe»), or a capitalised run up to a local unit's noun («Officer of Kelston
    Municipality Jane Roe», `speaker_place_heads.txt`) when two or three words follow it."""
    n = len(seg)
    for j in range(min(n - 3, q + 3), q, -1):
        if (
            seg[j].norm in _EN_PLACE_HEADS
            and 2 <= n - j - 1 <= 3
            and all(_en_cap(t) for t in seg[q : j + 1])
            and not any(t.norm in _EN_PLACE_HEADS for t in seg[j + 1 :])
        ):
            return j + 1
    if n - q >= 5 and seg[q + 1].norm == "of" and seg[q + 1].surf.islower():
        return q + 3  # «Superintendent of Police of Kelston Jane Roe»: «of» opens no name
    return q + 1  # «president of Freedonia Jane Roe»: one word of place, then the name


_EN_PLACE_HEADS = frozenset(get_pack("en").lines("speaker_place_heads.txt"))


# «Bashar al-Assad», «Abdel Fattah el-Sisi»: an Arabic article joined to a capitalised name.
_EN_PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|abd)-[A-Z]")


def _en_cap(t: _Tok) -> bool:
    """A word written as part of a name: capitalised, or «al-Assad»."""
    return t.surf[:1].isupper() or bool(_EN_PARTICLE_NAME_RE.match(t.surf))


# A dateline glued to what comes before it on a scraped page («site.trMOSCOW Russia said»).
_EN_GLUED_CAPS_RE = re.compile(r"^[a-z][a-z.]*[A-Z]{3,}$")


def _en_drop_dateline(seg: list[_Tok]) -> list[_Tok]:
    """«MOSCOW Russia on Monday said», «xx.trMOSCOW Russia said»: a place written in capitals
    (or glued to a page's credit) before the subject is the dateline, not part of a name."""
    for j in range(min(2, len(seg) - 1)):
        t, nxt = seg[j], seg[j + 1]
        if not nxt.surf[:1].isupper() or nxt.surf.isupper():
            continue
        if _EN_GLUED_CAPS_RE.match(t.surf):
            return seg[j + 1 :]
        if (
            j == 0
            and len(t.surf) >= 4
            and t.surf.isalpha()
            and t.surf.isupper()
            and 3 <= len(seg) <= 4
            and all(x.surf[:1].isupper() and not x.surf.isupper() for x in seg[1:])
            and _side_at(seg, 0) is None
            and not any(_covered(seg[1:], _EN_ROLES))
        ):
            return seg[1:]  # «PHOTOWIRE Jane Roe said»: a photo credit glued before the name
        if j == 0 and len(t.surf) >= 4 and t.surf.isalpha() and t.surf.isupper():
            side = _side_at(seg, 0)
            if (
                side is not None
                and side.type in ("country", "capital")
                and _role_at(seg, 1, _EN_ROLES) is None  # «NATO Secretary General X»
            ):
                return seg[1:]
    return seg


# Texts issued by a voice: «a statement from X», «X's statement».
_EN_ISSUED = frozenset(_words("statement statements communique communiqué release post"))

# Prepositions inside a speaker phrase: «a professor at X», «officials in Seoul».
_EN_NP_PREPS = frozenset(_words("of at for on in"))
_EN_HONORIFICS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame"})
# Titles written abbreviated before a name («Gov. Jane Roe», «Sen. Jane Roe», «Lt. Gen.»):
# roles (speaker_roles.txt), whose full stop ends no phrase; the full noun each stands for.
_EN_TITLE_ABBREVS = {
    "Gov": "governor",
    "Sen": "senator",
    "Rep": "representative",
    "Gen": "general",
    "Lt": "lieutenant",
    "Col": "colonel",
    "Capt": "captain",
    "Maj": "major",
    "Adm": "admiral",
    "Cmdr": "commander",
    "Sgt": "sergeant",
    "Supt": "superintendent",
    "Insp": "inspector",
}
_EN_KNIGHTED = frozenset({"Sir", "Dame"})


def _en_appos(seg: list[_Tok], sentence: str) -> tuple[str, str, str]:
    """(role, kind, affiliation) of an apposition «a professor at Cairo University»."""
    toks = [t for t in seg if t.norm not in _EN_ARTICLES]
    kind, _typ = _kind_of(toks, _EN_ROLES)
    if not kind:
        return "", "", ""
    return _text(seg, 0, len(seg), sentence), kind, _affiliation(toks, False)


def _en_sentence(sentence: str, para: int, ctx: _Ctx) -> list[Quote]:
    toks, quotes = _tokens(sentence)
    n = len(toks)
    out: list[Quote] = []
    quotes_len: dict[int, int] = {}
    if quotes:  # without a quote span every token is outside one
        for t in toks:
            if t.quote != -1:
                quotes_len[t.quote] = quotes_len.get(t.quote, 0) + 1
    for i, t in enumerate(toks):
        if t.quote != -1:
            continue
        if t.norm == "citing" and i > 0 and i + 1 < n:
            cited = _en_cited(toks, i, sentence, ctx)
            if cited is not None:
                # «Al Jazeera reports citing the Red Crescent»: the cited body is a voice of
                # what the sentence reports (the reporter stays the source).
                text = sentence[: t.start].strip(_PUNCT_STRIP + " ,")
                out.append(quote_of(cited, t.surf, False, text, para, sentence, ""))
            continue
        if (
            t.norm == "reference"
            and 1 < i < n - 2
            and toks[i - 1].norm == "with"
            and toks[i + 1].norm == "to"
            and toks[i - 2].norm in _EN_REPORTS
            and not _COMMA_RE.search(toks[i - 1].gap)
        ):
            cited = _en_cited(toks, i + 1, sentence, ctx)
            if cited is not None:
                cited = _NP(cited.name, cited.role, "media", cited.affiliation, True, cited.known)
                # «…, the agency reports with reference to the Daily Ledger»: the outlet
                # referred to is a cited source of what the sentence reports.
                text = sentence[: toks[i - 1].start].strip(_PUNCT_STRIP + " ,")
                out.append(quote_of(cited, "with reference to", False, text, para, sentence, ""))
            continue
        if t.norm == "quoted" and i > 0 and toks[i - 1].norm == "as":
            cited = _en_quoted_by(toks, i, sentence)
            if cited is not None:
                # «…, said Jane Roe, as quoted by the Daily Ledger»: the outlet that carried
                # the words is their cited source (the speaker stays who said them).
                text = sentence[: toks[i - 1].start].strip(_PUNCT_STRIP + " ,")
                out.append(quote_of(cited, "as quoted by", False, text, para, sentence, ""))
            continue
        if t.norm in _EN_CITED_PASSIVE and i >= 2 and i + 3 < n and toks[i - 1].norm in _EN_BE:
            got = _en_cited_as_saying(toks, i, sentence, para, quotes, quotes_len, ctx)
            if got:
                out.extend(got)
                continue
        # according to X
        as_per = t.norm == "per" and i > 0 and toks[i - 1].norm == "as" and i + 1 < n
        if as_per or (t.norm == "according" and i + 1 < n and toks[i + 1].norm in ("to", "the")):
            # «according the city government»: the «to» left out is still «according to»;
            # «as per the release» is «according to» too
            o = 2 if toks[i + 1].norm == "to" else 1
            s0 = toks[i - 1].start if as_per else t.start
            m = _EN_ACCORDING_DOMAIN_RE.match(sentence, t.start)
            if m:
                # «according to a report by eastnews.cn»: a site named by its domain (the
                # tokens split it at its dots) is the outlet cited.
                site = _NP(m.group(1), "", "media", "", True)
                text = (sentence[: t.start] + sentence[m.end() :]).strip(_PUNCT_STRIP + " ,")
                out.append(quote_of(site, "according to", False, text, para, sentence, ""))
                continue
            end = i + o
            while end < n and not (
                end > i + o
                and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
                and not _en_initial(toks, end)
            ):
                if toks[end].norm in ("that", "which", "who"):
                    break
                end += 1
            seg = _en_cut_platform(toks[i + o : end])
            if (
                not seg
                or seg[0].norm in _DOCUMENTS
                or (seg[0].norm == "the" and len(seg) > 1 and seg[1].norm in _DOCUMENTS)
            ):
                continue
            text = _strip_span(sentence, s0, toks[end - 1].end)
            joint = _en_slash_sources(seg, sentence)
            if joint:
                # «according to The Hill/Decision Desk HQ polling»: each is a cited source.
                for name in joint:
                    one = _NP(name, "", "media", "", True)
                    out.append(quote_of(one, "according to", False, text, para, sentence, ""))
                continue
            issuer = _en_paper_issuer(seg)
            if issuer is not None:
                seg = issuer
            elif (
                len(seg) == 2
                and seg[0].norm == "the"
                and seg[1].norm in _EN_BODY_PAPERS
                and ctx.last_body is not None
            ):
                # «…, according to the statement.»: the paper is the one the body that spoke
                # last issued.
                text = _strip_span(sentence, s0, toks[end - 1].end)
                out.append(quote_of(ctx.last_body, "according to", False, text, para, sentence, ""))
                continue
            seg = _en_report_owner(seg)
            parts = _en_and_sources(seg, sentence) or _en_both_named_before(seg, ctx)
            if parts:
                # «according to the Fire Department and CalFire»: each is a cited source.
                for one in parts:
                    one = _en_plausible(ctx.resolve(one), ctx)
                    if one is not None:
                        if one.body:
                            ctx.learn(one)
                        out.append(quote_of(one, "according to", False, text, para, sentence, ""))
                continue
            np = _en_np(seg, sentence)
            if np is None:
                continue
            np = _en_plausible(ctx.resolve(np), ctx)
            if np is None:
                continue
            if _en_person_source(np):
                # «According to Jane Roe, …. He said …»: the person cited is who a later
                # «he/she said» refers to.
                ctx.learn(np)
                ctx.last_person = np
            elif seg[-1].norm in _EN_BODY_PAPERS and np.body and np.kind in _EN_NAMED_BODY_KINDS:
                # «According to a Freedonian Defence Ministry statement, …. It claimed …. The
                # statement said …»: the body whose paper is cited is who «it» and «the
                # statement» refer to after it.
                ctx.learn(np)
                ctx.last = ctx.last_body = np
            elif issuer is not None and np.body:
                # «according to a statement released by X. … according to the statement»
                ctx.learn(np)
                ctx.last = ctx.last_body = np
            elif np.kind == "media" and np.name[:1].isupper():
                ctx.last_media = np  # «according to Kelstown Radio. The station also said»
            elif np.body and np.kind in _EN_NAMED_BODY_KINDS and np.name[:1].isupper():
                # «According to the Health Department, …. … as per the release»: the paper
                # cited after it is the body's
                ctx.last_body = np
            elif np.body and _en_lower_gov(seg):
                ctx.learn(np)  # «according to the Kelstown city government»: «the city
                # government» after it is the same body
            out.append(quote_of(np, "according to", False, text, para, sentence, ""))
            continue
        progressive = (
            i > 0
            and i + 1 < n
            and toks[i - 1].norm in _EN_PROGRESSIVE_BE
            and toks[i - 1].quote == -1
            and not _COMMA_RE.search(t.gap)
            # a reporting participle («was saying "…"»), not any word («was a "milestone"»)
            and (t.norm in _EN_PARTICIPLES or t.norm in _EN_PROGRESSIVE_ANY)
            and (
                t.norm in _EN_PROGRESSIVE_ANY
                or toks[i + 1].norm == "that"
                or toks[i + 1].quote != -1
                or ":" in toks[i + 1].gap
            )
        )
        named = _en_named_as_quote(toks, i) if t.norm in _EN_NAMING_PARTICIPLES else 0
        if (t.norm in _EN_PARTICIPLES or named) and not progressive:
            if (
                i + 1 < n
                and (
                    toks[i + 1].norm == "that"
                    or ":" in toks[i + 1].gap
                    or toks[i + 1].quote != -1
                    or t.norm in _EN_SAY_PARTICIPLES
                    or named
                )
                and _COMMA_RE.search(t.gap)
            ):
                # «The bank cut rates, saying …»: the subject of the sentence speaks.
                np = (
                    _en_who_antecedent(toks, i, sentence, ctx)
                    or out[-1:]
                    and _np_from_quote(out[-1])
                    or _en_leading_subject(toks, i, sentence, ctx)
                    or ctx.last
                )
                if np:
                    direct, text = _en_content(toks, i + 1, sentence, quotes, quotes_len)
                    out.append(quote_of(np, t.surf, direct, text, para, sentence, ""))
            elif i + 1 < n and (
                toks[i + 1].norm == "that"
                or toks[i + 1].quote != -1
                or ":" in toks[i + 1].gap
                or t.norm in _EN_SAY_PARTICIPLES
            ):
                np = _en_with_subject(toks, i, sentence, ctx)
                if np is not None:
                    # «…, with Jane Roe confirming that …»: the noun phrase after «with» is
                    # the subject of the participle.
                    ctx.learn(np)
                    direct, text = _en_content(toks, i + 1, sentence, quotes, quotes_len)
                    if text:
                        out.append(quote_of(np, t.surf, direct, text, para, sentence, ""))
            continue
        if t.norm in _EN_EVIDENCE_VERBS:
            src = _en_evidence_source(toks, i, sentence)
            if src is not None:
                # The clause after the verb, or (verb last) the clause before «, video from X».
                text = sentence[toks[i + 1].start :] if i + 1 < n else ""
                text = (text or sentence[: toks[i].start].rpartition(",")[0]).strip(_PUNCT_STRIP)
                src = _en_acronym(src, ctx)
                out.append(quote_of(src, t.surf, False, text, para, sentence, ""))
                continue
        if t.norm in _EN_SHOW and t.quote == -1:
            media = _en_media_subject(toks, i, sentence)
            if media is not None:
                # «Syrian state media showed», «CNN exit polls showed»: the outlet is the
                # source of what the sentence reports.
                text = sentence[: toks[i].start].strip(_PUNCT_STRIP)
                if i + 1 < len(toks):
                    text = _strip_span(sentence, toks[i + 1].start, len(sentence)) or text
                out.append(quote_of(media, t.surf, False, text, para, sentence, ""))
            continue
        if t.norm not in _EN_VERBS and not progressive:
            continue
        if (
            not out
            and i > 3
            and toks[i - 1].norm == "and"
            and toks[i - 1].quote == -1
            and _en_coordinated_verb(toks, i)
        ):
            # «Speaking to reporters, Jane Roe heaped praise on the hosts and said that …»: the
            # verb shares the subject of a clause whose verb reports nothing.
            lead = _en_shared_subject(toks, i, sentence, ctx)
            k = _en_skip_circumstance(toks, i + 1)
            if (
                lead is not None
                and k < n
                and toks[k].norm not in ("nothing", "little", "no")
                and _en_content_opens(t, toks[k])
            ):
                direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
                if text:
                    ctx.learn(lead)
                    ctx.last = lead
                    if not lead.body:
                        ctx.last_person = lead
                    out.append(quote_of(lead, t.surf, direct, text, para, sentence, ""))
                    continue
        if out and _en_coordinated_verb(toks, i):
            # «The minister said X and warned that Y», «X has said A but has urged B»: the
            # coordinated verb shares the subject.
            k = _en_skip_circumstance(toks, i + 1)
            if k < n and _en_content_opens(t, toks[k]):
                direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
                if text:
                    np = _np_from_quote(out[-1])
                    out.append(quote_of(np, t.surf, direct, text, para, sentence, ""))
            continue
        agent = _en_passive_agent(toks, i, sentence)
        if agent:
            # «two points insisted on by the US and Europe», «a truce was announced by Qatar»:
            # the agent after «by» is who spoke; the statement is the sentence.
            text = sentence.strip(_PUNCT_STRIP)
            for one in agent:
                out.append(quote_of(one, t.surf, False, text, para, sentence, ""))
            continue
        if not progressive and _en_not_a_statement(toks, i):
            continue
        if any(toks[j].norm == "per" and toks[j - 1].norm == "as" for j in range(max(1, i - 3), i)):
            continue  # «as per media reports»: a noun after «as per»
        if t.norm.endswith("ed") and _en_with_absolute(toks, i):
            continue  # «…, with 7 samples confirmed negative»: a participle, no statement
        if (
            i > 0
            and t.surf[:1].isupper()
            and not t.surf.isupper()
            and _en_cap(toks[i - 1])
            and toks[i - 1].quote == -1
            and not (_HARD_PUNCT.search(t.gap) or _COMMA_RE.search(t.gap) or ":" in t.gap)
        ):
            continue  # «the United States stood»: a capitalised verb form inside a name
        if i > 0 and t.surf[:1].isupper() and not t.surf.isupper() and _en_title_case(toks):
            # «Freedonia Army Unit Claims Control, President Says …»: a headline in Title Case
            # gives no edge between the subject and the words around it.
            continue
        q = _en_attribution(toks, i, sentence, quotes, quotes_len, ctx)
        if q is None:
            continue
        np, direct, text, channel = q
        if not channel:
            # «In an interview with the Herald, X said», «X said in an exclusive interview
            # with the Herald that …»
            m = _EN_INTERVIEW_RE.search(sentence)
            talk = _EN_SPEAKING_TO_RE.search(sentence)
            described = _en_described_outlet(sentence, talk.end())[0] if talk else ""
            if described:
                channel = described  # «Speaking to French TV channel HTV1, X said»
            elif m and _is_media(m.group(1)):
                channel = m.group(1)
            else:
                channel = _en_said_to_outlet(toks, i, sentence)
        np = _en_plausible(ctx.resolve(np), ctx)
        if np is None or _en_listed(np.name, sentence):
            continue
        if (
            np.kind == "media"
            and np.role
            and not np.body
            and t.norm in _EN_REPORTS
            and i == n - 1
            and not direct
        ):
            continue  # «…, as Political Correspondent Jane Roe reports»: the piece's byline
        np = _en_acronym(np, ctx)
        np = _en_outlet_told_before(np, sentence, ctx)
        if ctx.last_person is not None and _en_epithet(np, sentence):
            np = ctx.last_person  # «the Scotsman added», «the Brazilian said»: who spoke last
        if np.kind == "anonymous" and np.name.lower() in _EN_ISSUED_TEXTS:
            # «"…," the statement added»: the text of the last voice, who issued it.
            issuer = ctx.last
            if f"the {np.name.lower()}" not in sentence.lower() or issuer is None:
                continue
            if issuer.kind in ("anonymous", "media"):
                continue
            np = issuer
        conjuncts = _en_conjuncts(np, sentence)
        if np.kind == "media" and np.name[:1].isupper():
            ctx.last_media = np
        for one in conjuncts:
            ctx.learn(one)  # «Freedonia and Hamas said»: each name, not the pair
        ctx.last = np
        if np.body or _is_media(np.name) or _institution_name(np.name):
            ctx.last_body = np
        elif np.kind != "anonymous" and len(conjuncts) == 1:
            ctx.last_person = np
            one = _nphrase(np.name)
            if len(one) == 1 and np.name[:1].isupper():
                # «Harris said»: a person named by one word is met again by it («Harris
                # painted …»), which the engine files only for names of two words or more.
                ctx.by_surname.setdefault(one[0], np)
        if text:
            for one in conjuncts:
                out.append(quote_of(one, t.surf, direct, text, para, sentence, channel))
            if (
                channel
                and (
                    _is_media(channel)
                    or _en_titled(channel)
                    or f"news agency {channel}" in sentence
                    or _en_outlet_named(channel, sentence)
                    or _EN_TOLD_SITE_RE.fullmatch(channel)
                    # «told Freedonia Sports», «told Eastside Radio»: a name ending in a word
                    # of the media
                    or (
                        len(channel.split()) >= 2
                        and channel.split()[-1].lower() in _EN_MEDIA_CHANNEL_HEADS
                        and channel.split()[0][:1].isupper()
                    )
                    # «X, in an interview, told Semafor»: whom one gives an interview is an outlet.
                    or (channel[:1].isupper() and "interview" in sentence.lower())
                )
            ):
                # «X told Reuters»: the outlet is cited as the source of the statement.
                media = _NP(channel, "", "media", "", True)
                out.append(quote_of(media, t.surf + " " + channel, False, text, para, sentence, ""))
    return out


def _en_said_to_outlet(toks: list[_Tok], i: int, sentence: str) -> str:
    """«"…," said Jane Roe, a lawyer for the family, to The Daily Bugle.»: an outlet closing
    the sentence after a comma and «to», the verb of saying before it, is the channel."""
    n = len(toks)
    if toks[i].norm not in ("said", "says") or n - i < 4:
        return ""
    for k in range(n - 2, max(i + 1, n - 7), -1):
        if toks[k].norm == "to" and toks[k].surf == "to":
            named = all(_en_cap(t) for t in toks[i + 1 : k])  # «said Jane Roe to X»
            if not (named or _COMMA_RE.search(toks[k].gap)) or toks[k + 1].quote != -1:
                return ""
            if not all(_en_cap(t) or t.norm == "of" for t in toks[k + 1 :]):
                return ""
            name = _text(toks, k + 1, n, sentence)
            return name if _is_media(name) else ""
    return ""


_EN_NAMING_PARTICIPLES = frozenset(get_pack("en").lines("speaker_naming_participles.txt"))


def _en_named_as_quote(toks: list[_Tok], i: int) -> int:
    """«…, calling it a “tragic moment”», «…, describing the deal as “historic”»: a naming
    participle, a short lower-case object, then a quote; the quote's first token, else 0."""
    for j in range(i + 2, min(len(toks), i + 6)):
        t = toks[j]
        if t.quote != -1:
            return j
        if not t.surf.islower() or t.norm in _EN_VERBS or _COMMA_RE.search(t.gap):
            return 0
        if _HARD_PUNCT.search(t.gap):
            return 0
    return 0


def _en_with_absolute(toks: list[_Tok], i: int) -> bool:
    """«…, with 7 samples confirmed negative»: «with», a short noun phrase and the past
    participle at i (an absolute phrase, no subject and verb)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        t = toks[j]
        if (
            t.quote != -1
            or _COMMA_RE.search(toks[j + 1].gap)
            or _HARD_PUNCT.search(toks[j + 1].gap)
        ):
            return False
        if t.norm == "with" and t.surf.islower():
            return j < i - 1
        if t.norm in _EN_VERBS or t.norm in _EN_PRONOUNS:
            return False
    return False


def _en_outlet_told_before(np: _NP, sentence: str, ctx: _Ctx) -> _NP:
    """«according to Kelstown Radio. … The private radio station also reported»: a definite
    outlet noun in lower case is the outlet the article cited last (unchanged otherwise)."""
    last = getattr(ctx, "last_media", None)
    words = np.name.split()
    if (
        last is None
        or np.kind != "anonymous"
        or not 1 <= len(words) <= 4
        or words[-1] not in _EN_TOLD_OUTLET_NOUNS
        or not np.name.islower()
        or f"the {np.name}" not in sentence.lower()
        or last.name in _AGENCIES  # a wire is no station or paper
    ):
        return np
    return _NP(last.name, last.role, last.kind, last.affiliation, True, True)


def _en_listed(name: str, sentence: str) -> bool:
    """«Many singers, including Tom Doe, Jane Roe and Max Moe, sent messages»: a name that
    opens a list after «including / such as» is an example of the subject, not the subject."""
    if not name[:1].isupper():
        return False
    for opener in ("including ", "such as "):
        at = sentence.find(opener + name)
        if at != -1:
            rest = sentence[at + len(opener) + len(name) :]
            return bool(_EN_LIST_GOES_ON_RE.match(rest))
    return False


_EN_LIST_GOES_ON_RE = re.compile(r"(?:,\s*|\s+and\s+)[A-Z]")


def _en_title_case(toks: list[_Tok]) -> bool:
    """A line in Title Case: four words or more outside quotes, almost all of the longer
    ones capitalised."""
    words = [t.surf for t in toks if t.quote == -1 and len(t.surf) > 3 and t.surf.isalpha()]
    if len(words) < 4:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _en_epithet(np: _NP, sentence: str) -> bool:
    """«the Scotsman», «the Dutchman», «the Brazilian»: one capitalised word of nationality
    after «the», as sports prose names the player or coach it has just quoted."""
    name = np.name
    if " " in name or np.role or not name[:1].isupper() or name.isupper():
        return False
    if f"the {name}" not in sentence and f"The {name}" not in sentence:
        return False
    if name.endswith(("sman", "swoman", "chman", "chwoman", "shman", "shwoman")):
        return True
    toks, _q = _tokens(name)
    side = _side_at(toks, 0) if toks else None
    return side is not None and side.type == "adj"


def _en_cited(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """The named voice after «citing» («citing the Libyan Red Crescent», «citing Jane Roe»),
    or None: a reason («citing higher inflation») or an unnamed one."""
    n = len(toks)
    end = i + 1
    while (
        end < n
        and toks[end].quote == -1
        and not (
            end > i + 1 and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
        )
    ):
        if toks[end].norm in ("that", "as", "which", "who", "for", "in", "on", "after"):
            break
        end += 1
    seg = toks[i + 1 : end]
    name = seg[1:] if seg and seg[0].norm == "the" else seg
    if not name or not all(_en_cap(t) or t.norm in ("of", "and", "for") for t in name):
        return None
    np = _en_np(seg, sentence)
    if np is None or not np.name[:1].isupper():
        return None
    np = _en_plausible(ctx.resolve(np), ctx)
    if np is None or np.kind == "anonymous":
        return None
    ctx.learn(np)
    return np


# «according to (a report by) eastnews.cn»: a site's domain as the cited source.
_EN_ACCORDING_DOMAIN_RE = re.compile(
    r"[Aa]ccording to (?:(?:a |an |the )?(?:report|article|story|post)s? (?:by|in|on|from) )?"
    r"((?:[a-z0-9-]+\.)+(?:com|cn|net|org|info|news|co\.uk|uk|in|ru|az|ng|pk|ph|kr|jp|de|fr))"
    r"(?![\w.-]*\w)"
)
_EN_CITED_PASSIVE = frozenset(_words("quoted cited"))
# «… as saying», «… as telling reporters»: the participle that opens the words cited.
_EN_AS_SAYING = frozenset(_words("saying telling stating adding warning"))
# A lower-case word that ends a name before its affiliation («Jane Roe from the X Centre»).
_EN_NAME_CUTS = frozenset(_words("from of at with"))


def _en_cited_as_saying(toks, i, sentence, para, quotes, quotes_len, ctx) -> list[Quote]:
    """«Jane Roe was quoted by the Daily Ledger as saying that …», «The minister was cited by
    Reuters in a report on Monday as saying …» (toks[i] is «quoted/cited» after a form of
    «be»): the subject spoke, and the outlet after «by» is the cited source. Nothing when no
    «as saying» follows within a short clause; the subject alone when no outlet is named."""
    n = len(toks)
    if toks[i + 1].norm != "by" or toks[i + 1].quote != -1:
        return []
    a = i + 2
    if a < n and toks[a].norm == "the":
        a += 1
    e = a
    while e < n and e - a < 6 and toks[e].quote == -1 and _en_cap(toks[e]):
        if e > a and (_COMMA_RE.search(toks[e].gap) or _HARD_PUNCT.search(toks[e].gap)):
            break
        e += 1
    if toks[a].norm in _EN_PRONOUNS:
        return []
    k = next(
        (
            j
            for j in range(e, min(n - 1, e + 10))
            if toks[j].norm == "as" and toks[j + 1].norm in _EN_AS_SAYING
        ),
        -1,
    )
    if k == -1 or any(t.quote != -1 or _HARD_PUNCT.search(t.gap) for t in toks[e : k + 1]):
        return []
    first = _en_after_dateline(toks, i - 1)
    seg = toks[first : i - 1]
    if not seg or len(seg) > 12 or any(t.quote != -1 for t in seg):
        return []
    cut = next((j for j, t in enumerate(seg) if j and _COMMA_RE.search(t.gap)), len(seg))
    cut = next(
        (j for j, t in enumerate(seg[:cut]) if j and t.norm in _EN_NAME_CUTS and t.surf.islower()),
        cut,
    )
    if len(seg) == 1 and seg[0].norm in ("he", "she"):
        np = ctx.last_person  # «He was quoted by X as saying»: who spoke last
    else:
        np = _en_np(seg[:cut], sentence)
        if np is not None and np.name:
            np = _en_plausible(ctx.resolve(np), ctx)
    if np is None or not np.name:
        return []
    c = k + 2
    if c < n and toks[c].norm == "that":
        c += 1
    if c >= n:
        return []
    direct, text = _en_content(toks, c, sentence, quotes, quotes_len)
    if not text:
        return []
    verb = toks[i].surf + " by"
    ctx.learn(np)
    ctx.last = np
    if np.kind != "anonymous" and not np.body:
        ctx.last_person = np
    if e == a:  # «by local media»: no outlet named
        return [quote_of(np, verb, direct, text, para, sentence, "")]
    media = _NP(_text(toks, a, e, sentence), "", "media", "", True)
    return [
        quote_of(np, verb, direct, text, para, sentence, media.name),
        quote_of(media, verb, False, text, para, sentence, ""),
    ]


def _en_quoted_by(toks: list[_Tok], i: int, sentence: str) -> _NP | None:
    """The outlet of «as quoted by/in X» (toks[i] is «quoted»): a capitalised name, with an
    optional «the» before it, up to the next punctuation; a known agency as written."""
    n = len(toks)
    k = i + 1
    if k >= n or toks[k].norm not in ("by", "in") or toks[k].quote != -1:
        return None
    a = k + 1
    if a < n and toks[a].norm == "the":
        a += 1
    e = a
    while e < n and toks[e].quote == -1 and _en_cap(toks[e]):
        if e > a and (_COMMA_RE.search(toks[e].gap) or _HARD_PUNCT.search(toks[e].gap)):
            break
        e += 1
    if (
        a < e < n
        and toks[e - 1].surf.endswith(("'s", "’s"))
        and toks[e].norm in _EN_TOLD_OUTLET_NOUNS
        and not _COMMA_RE.search(toks[e].gap)
    ):
        e += 1  # «as quoted by the League’s website»: the owner's outlet
    if (
        e == a
        or e - a > 5
        or (e < n and not _HARD_PUNCT.search(toks[e].gap) and not _COMMA_RE.search(toks[e].gap))
    ):
        return None  # «as quoted by Jane Roe's lawyer»: no outlet name closes the clause
    name = _text(toks, a, e, sentence)
    if toks[a].norm in _EN_PRONOUNS or _month(toks[a].norm):
        return None
    return _NP(name, "", "media", "", True)


def _en_conjuncts(np: _NP, sentence: str) -> list[_NP]:
    """«Washington and Seoul said», «Norway and the European Union said»: each named side
    speaks. A name with «and» inside it (a ministry «of Planning and International
    Cooperation») stays one: both parts must be a country, a capital, or a known body."""
    if " and " not in np.name or np.known:
        return [np]
    parts = [p.strip() for p in np.name.split(" and ")]
    if (
        len(parts) == 2
        and f" and the {parts[1]}" not in sentence
        and _en_one_body_and(_tokens(parts[0])[0], _tokens(parts[1])[0])
    ):
        return [np]
    out: list[_NP] = []
    for part in parts:
        toks, _ = _tokens(part)
        while toks and (toks[0].norm in _EN_ARTICLES or toks[0].norm == "both"):
            toks = toks[1:]
        side = _side_at(toks, 0) if toks else None
        if side is None or len(side.words) != len(toks) or side.type == "adj":
            if (
                (_en_coordinated_name(toks, part) or _en_titled_conjunct(toks))
                and len(parts) == 2
                and not np.role
            ):
                # «Jane Roe and Tom Poe said», «both Freedonia and Hamas signalled»: each
                # capitalised name of one to three words speaks.
                one = _en_np(toks, part)
                if one is not None and one.name:
                    out.append(one)
                    continue
            return [np]
        name = _text(toks, 0, len(toks), part)
        out.append(_NP(name, "", "state", side.side, True))
    return out


def _en_one_body_and(left: list[_Tok], right: list[_Tok]) -> bool:
    """«the National Seismic Monitoring and Research Centre»: capitalised words joined by
    «and», the head noun of a body closing the second part (no article before it) and none
    closing the first: one body's name, not two voices."""
    return (
        len(right) >= 2
        and bool(left)
        and right[0].norm not in _EN_ARTICLES
        and right[-1].norm in _EN_LONG_BODY_HEADS
        and left[-1].norm not in _EN_LONG_BODY_HEADS
        and _en_cap(left[-1])
        and all(_en_cap(x) for x in right)
        and not _en_side_only(left)
    )


def _en_coordination(seg: list[_Tok], sentence: str) -> _NP | None:
    """«Jane Roe and Tom Poe», «both Freedonia and Hamas»: a subject that is two names of
    one to three capitalised words joined by «and» (no title, no institution word, the
    whole no institution's name), as one NP whose name _en_conjuncts splits."""
    ands = [k for k, t in enumerate(seg) if t.norm == "and" and t.surf == "and"]
    if len(ands) != 1:
        return None
    k = ands[0]
    left = seg[:k]
    while left and (left[0].norm in _EN_ARTICLES or left[0].norm == "both"):
        left = left[1:]
    right = seg[k + 1 :]
    while right and right[0].norm in _EN_ARTICLES:
        right = right[1:]
    if not left or not right:
        return None
    if _en_one_body_and(left, seg[k + 1 :]):
        return None
    whole = _text(seg, 0, len(seg), sentence)
    lt, rt = _text(left, 0, len(left), sentence), _text(right, 0, len(right), sentence)
    if (
        _institution_name(whole)
        or not (_en_coordinated_name(left, lt) or _en_side_only(left) or _en_titled_conjunct(left))
        or not (
            _en_coordinated_name(right, rt) or _en_side_only(right) or _en_titled_conjunct(right)
        )
    ):
        return None
    if _en_side_only(left) and _en_side_only(right):
        return None  # «Washington and Seoul»: the sides' own rule names them
    return _NP(f"{lt} and {rt}", "", "other", "", False)


def _en_side_only(toks: list[_Tok]) -> bool:
    side = _side_at(toks, 0) if toks else None
    return side is not None and len(side.words) == len(toks) and side.type != "adj"


def _en_coordinated_name(toks: list[_Tok], part: str) -> bool:
    """A conjunct that can speak on its own: one to three capitalised words, no title or
    institution word (those belong to one name: «the Ministry of Trade and Industry»)."""
    return (
        1 <= len(toks) <= 3
        and all(t.surf[:1].isupper() for t in toks)
        and not any(_covered(toks, _EN_ROLES))
        and not _institution_name(part)
    )


def _en_titled_conjunct(toks: list[_Tok]) -> bool:
    """«Prime Minister Jane Roe», one side of «… and Mayor Tom Doe»: a person's title (role
    words of a person), then a name of one to three capitalised words."""
    if not 2 <= len(toks) <= 7 or not all(_en_cap(t) for t in toks):
        return False
    cov = _covered(toks, _EN_ROLES)
    q = len(toks)
    while q > 0 and not cov[q - 1]:
        q -= 1
    return (
        q > 0
        and 1 <= len(toks) - q <= 3
        and all(cov[:q])
        and _kind_of(toks[:q], _EN_ROLES, prefer_person=True)[1] == "person"
    )


def _np_from_quote(q: Quote) -> _NP:
    return _NP(q.speaker, q.role, q.speaker_kind, q.affiliation)


def _en_and_sources(seg: list[_Tok], sentence: str) -> list[_NP]:
    """Two capitalised names joined by «and» after «according to», each a source; none when
    the whole is one name («the Ministry of Water and Energy»)."""
    ks = [k for k, t in enumerate(seg) if t.norm == "and" and t.quote == -1]
    if len(ks) != 1:
        return []
    k = ks[0]
    left, right = seg[:k], seg[k + 1 :]
    if left and right and _en_lower_gov(left) and _en_lower_gov(right):
        # «according to the Ostend prefectural government and the Kelstown city government»
        nps = [_en_np(left, sentence), _en_np(right, sentence)]
        return [np for np in nps if np is not None] if all(nps) else []
    if _institution_name(_text(seg, 0, len(seg), sentence)) or _en_one_body_and(left, right):
        return []
    if not left or not right or not _en_cap(left[-1]) or not _en_cap(right[-1]):
        return []
    if not all(_en_cap(t) or t.norm in _EN_ARTICLES or t.norm == "of" for t in left + right):
        return []
    if any(t.norm == "of" for t in left) and right[0].norm not in _EN_ARTICLES:
        return []  # «the Ministry of Water and Energy»: «and» inside the portfolio
    nps = [_en_np(left, sentence), _en_np(right, sentence)]
    return [np for np in nps if np is not None] if all(nps) else []


# Heads of a government body written in lower case after its place's name: «the Kelstown
# city government», «the Ostend prefectural government», «the Kelstown municipal council».
_EN_LOWER_GOV_HEADS = frozenset(get_pack("en").lines("speaker_lower_gov_heads.txt"))


def _en_lower_gov(toks: list[_Tok]) -> bool:
    """«the Kelstown prefectural government»: an article, one to three capitalised words (the
    place), up to two lower-case words, and a government head noun."""
    if toks and toks[0].norm in _EN_ARTICLES:
        toks = toks[1:]
    if len(toks) < 2 or toks[-1].norm not in _EN_LOWER_GOV_HEADS or not toks[-1].surf.islower():
        return False
    caps = 0
    while caps < len(toks) - 1 and _en_cap(toks[caps]):
        caps += 1
    lower = toks[caps:-1]
    return (
        1 <= caps <= 3
        and len(lower) <= 2
        and all(t.surf.islower() and t.norm not in _EN_STOPWORDS for t in lower)
    )


def _en_both_named_before(seg: list[_Tok], ctx: _Ctx) -> list[_NP]:
    """«according to the prefectural and city governments»: two lower-case kinds of one head
    noun, each the body of that kind named before («the Ostend prefectural government», «the
    Kelstown city government»); none unless both were."""
    words = [t.norm for t in seg]
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) != 4 or words[1] != "and" or not all(t.surf.islower() for t in seg):
        return []
    head = words[3][:-1] if words[3].endswith("s") else ""
    if head not in _EN_LOWER_GOV_HEADS:
        return []
    found = []
    for kind in (words[0], words[2]):
        hits = {
            np.name: np
            for np in ctx.by_body_head.values()
            if _nphrase(np.name)[-2:] == (kind, head)
        }
        if len(hits) != 1:
            return []
        found.extend(hits.values())
    return found


def _en_slash_sources(seg: list[_Tok], sentence: str) -> list[str]:
    """«The Hill/Decision Desk HQ aggregate polling», «the AP/NORC poll»: names joined by a
    slash, each a source (the words after the last name are what they published)."""
    if not any("/" in t.gap for t in seg[1:]):
        return []
    parts: list[list[_Tok]] = [[]]
    for t in seg:
        if "/" in t.gap and parts[-1]:
            parts.append([])
        parts[-1].append(t)
    names = []
    for part in parts:
        if part and part[0].norm == "the" and not part[0].surf[:1].isupper():
            part = part[1:]
        q = 0
        while q < len(part) and _en_cap(part[q]):
            q += 1
        if q == 0:
            return []
        names.append(_text(part, 0, q, sentence))
    return names if len(names) >= 2 else []


def _en_titled(channel: str) -> bool:
    """«told The National», «told The Hill»: a capital «The» inside a sentence belongs to a
    title (a newspaper, a channel); institutions an official tells are «the Senate». Known
    agencies («The Associated Press») are named without it."""
    return channel.startswith("The ") and 2 <= len(channel.split()) <= 4 and not _is_media(channel)


def _en_content(toks, k, sentence, quotes, quotes_len) -> tuple[bool, str]:
    while k < len(toks) and toks[k].norm == "that":
        k += 1
    if k >= len(toks):
        return False, ""
    t = toks[k]
    if t.quote != -1 and quotes_len[t.quote] >= 3 and (k == 0 or toks[k - 1].quote != t.quote):
        qs, qe = quotes[t.quote]
        return True, sentence[qs + 1 : qe - 1].strip(" ,.")
    end = len(sentence)
    for j in range(k + 1, len(toks)):
        # «..., adding that ...» starts a new attribution.
        if (
            toks[j].norm in _EN_PARTICIPLES
            and _COMMA_RE.search(toks[j].gap)
            and toks[j].quote == -1
        ):
            end = toks[j].start
            break
        if toks[j].norm in _EN_VERBS and toks[j - 1].norm == "and" and toks[j].quote == -1:
            end = toks[j - 1].start  # «said X and warned that Y»: a second statement
            break
    return False, sentence[t.start : end].strip(_PUNCT_STRIP)


def _en_relative_head(seg: list[_Tok]) -> list[_Tok]:
    """«the man who took over from Jane Roe said»: a relative clause after a lower-case head
    noun («the man», «the coach») holds no subject; the head is who speaks (seg unchanged
    otherwise)."""
    for r in range(2, len(seg) - 1):
        if seg[r].norm in ("who", "that") and seg[r].surf.islower():
            # the head opens the segment or follows a dash: «… — the man who …»
            h = next(
                (
                    h
                    for h in range(r - 1, max(-1, r - 5), -1)
                    if seg[h].norm in _EN_ARTICLES and (h == 0 or _en_label_gap(seg[h].gap))
                ),
                -1,
            )
            if (
                0 <= h < r - 1
                and all(x.surf.islower() and x.norm not in _EN_VERBS for x in seg[h:r])
                and any(_en_cap(x) for x in seg[r + 1 :])
            ):
                return seg[h:r]
            return seg
    return seg


def _en_segments_before(toks, i) -> tuple[list[list[_Tok]], int]:
    """Comma-separated segments before token i (closest first) and the index of a direct
    quote that ends right before the first segment, or -1."""
    segs: list[list[_Tok]] = [[]]
    k = i - 1
    # Bounded look-back: a sentence with no punctuation must not cost length squared.
    while k >= 0 and len(segs) <= 3 and i - k <= 40:
        t = toks[k]
        if t.quote != -1:
            break
        segs[-1].insert(0, t)
        if (
            _HARD_PUNCT.search(t.gap)
            and not t.gap.strip().endswith(tuple(_QUOTE_OPEN))
            and not (
                t.gap.strip() == "."
                and k > 0
                and (toks[k - 1].surf in _EN_HONORIFICS or toks[k - 1].surf in _EN_TITLE_ABBREVS)
            )
            and not _en_initial(toks, k)
            and not _en_dotted_abbrev(toks, k)
            and not _en_number_sign(toks, k)
            and not _en_site_dot(toks, k)
        ):
            k -= 1
            break
        if _COMMA_RE.search(t.gap):
            segs.append([])
        k -= 1
    if _COMMA_RE.search(toks[i].gap):
        segs.insert(0, [])  # «X, a professor at Y, said»: nothing between comma and verb
    # Trim the closest real segment to its last noun phrase («... and the minister said»).
    quote_before = -1
    if (
        k >= 0
        and toks[k].quote != -1
        and toks[k + 1 : i]
        and sum(1 for t in toks if t.quote == toks[k].quote) >= 3
    ):
        quote_before = toks[k].quote
    return [sg for sg in segs], quote_before


def _en_site_dot(toks: list[_Tok], k: int) -> bool:
    """«News.Az reports», «Rappler.Com said»: a site named by a capitalised domain; the dot
    with no space before a domain ending is inside the name, not a full stop."""
    return (
        k > 0
        and toks[k].gap == "."
        and toks[k].norm in _EN_SITE_ENDINGS
        and toks[k].surf[:1].isupper()
        and toks[k - 1].surf[:1].isupper()
    )


# A site told something, named by its lower-case domain: «told harbourwatch.news».
_EN_TOLD_SITE_RE = re.compile(
    r"[a-z][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:com|net|org|news|info|online|media|tv|io|"
    r"(?:co|com|org|net)\.[a-z]{2})\b"
    r"(?![.-]?\w)"
)
_EN_SITE_NAME_RE = re.compile(r"^[A-Z][\w-]*\.(?:Az|Com|Net|Org|Ru|Ng|Pk|Ph|Kr|Uk|Ge|Kz|Uz|Info)$")
# Domain endings written as part of a site's name: «News.Az», «Trend.Az».
_EN_SITE_ENDINGS = frozenset(_words("az com net org ru ng pk ph kr uk ge kz uz info"))


def _en_trim(seg: list[_Tok]) -> list[_Tok]:
    for j in range(len(seg) - 1, -1, -1):
        if (
            2 <= j < len(seg) - 1
            and seg[j].norm in ("a", "an")
            and seg[j - 1].norm in _EN_NP_PREPS
            and seg[j - 1].surf.islower()
            and all(t.surf.islower() for t in seg[j + 1 :])
        ):
            # «… from the Statute in a move rights groups say was …»: a phrase after «in a»
            # is no part of the name before it (the voice, if any, is unnamed).
            return seg[j + 1 :]
        if (
            1 <= j < len(seg) - 1
            and seg[j].norm == "the"
            and seg[j - 1].surf.isalpha()
            and seg[j - 1].surf.islower()
            and seg[j - 1].norm not in _EN_STOPWORDS
            and seg[j - 1].norm not in _EN_VERBS
        ):
            # «…, a claim the government denies»: «the» after a noun opens a new phrase (a
            # relative clause without «that»); the subject starts there.
            return seg[j:]
        if _en_breaks(seg, j) or (
            0 < j < len(seg) - 1
            and seg[j].norm in _EN_VERBS
            and seg[j].surf.islower()
            and seg[j + 1].surf[:1].isupper()
        ):
            return seg[j + 1 :]  # «ABC News reports Jane Roe called …»: a verb ends a phrase
    return seg


_EN_TITLES_TO = frozenset(get_pack("en").lines("speaker_titles_to.txt"))


def _en_title_to(seg: list[_Tok], j: int) -> bool:
    """Is the «to» at j the one of a diplomat's title («Ambassador to Freedonia», «envoy to the
    United Nations»), a capitalised place after it?"""
    nxt = j + 2 if seg[j + 1].norm == "the" and j + 2 < len(seg) else j + 1
    return seg[j - 1].norm in _EN_TITLES_TO and seg[nxt].surf[:1].isupper()


def _en_breaks(seg: list[_Tok], j: int) -> bool:
    """Does token j end a noun phrase? «and» between capitalised words is inside a name
    («the Ministry of Planning and International Cooperation»); a number ends one («97 remain
    in Gaza including 34 the military says»)."""
    norm = seg[j].norm
    if norm[:1].isdigit():
        return not _en_number_sign(seg, j)  # «the Kelston No. 3 District Court»: one name
    if len(seg[j].surf) >= 2 and seg[j].surf.isupper():
        return False  # an acronym is a name («the WHO said», «US and EU officials»)
    if norm not in _EN_STOPWORDS or norm in _EN_NP_PREPS:
        return False
    if norm == "to" and 0 < j < len(seg) - 1 and _en_title_to(seg, j):
        return False  # «Ambassador to Freedonia Tom Doe»: the place is in the title
    if norm == "and" and 0 < j < len(seg) - 1:
        nxt = seg[j + 1]
        if nxt.norm == "the" and j + 2 < len(seg):
            nxt = seg[j + 2]  # «Freedonia and the Eastland Front said»
        return not (seg[j - 1].surf[:1].isupper() and nxt.surf[:1].isupper())
    return True


# Nouns naming an outlet by its kind, after the outlet's own capitalised name: «told the
# Morning Bugle newspaper», «the Eastside Daily newspaper in Freedonia reported».
# «told the paper»: a lower-case noun standing for the outlet told before.
_EN_TOLD_OUTLET_NOUNS = frozenset(
    _words("paper newspaper daily broadcaster channel network station magazine outlet website")
)
_EN_OUTLET_NOUNS = frozenset(
    _words("newspaper newspapers daily weekly tabloid magazine broadcaster channel website")
)


def _en_outlet_noun(toks: list[_Tok], k: int) -> bool:
    """An outlet noun (lower case, not inside a quotation) at token k."""
    return (
        k < len(toks)
        and toks[k].surf in _EN_OUTLET_NOUNS
        and toks[k].quote == -1
        and not _COMMA_RE.search(toks[k].gap)
    )


_EN_OUTLET_DESCRIPTORS = frozenset(get_pack("en").lines("speaker_outlet_descriptors.txt"))
# «the Chinese business newspaper 21st Century Ledger», «French TV channel HTV1», «the Slovak
# news site harbourwatch.sk»: up to three describing words (no article, preposition or
# conjunction among them), an outlet noun, then the outlet's name (group 1): capitalised
# words (an ordinal may open it) or a domain.
_EN_DESCRIBED_OUTLET_RE = re.compile(
    r"(?:the\s+|an?\s+)?"
    r"(?:(?!(?:the|a|an|and|or|of|in|on|at|to|for|with|that|who|which)\b)[A-Za-z][\w'’-]*\s+){0,3}?"
    r"(?i:" + "|".join(sorted(_EN_OUTLET_DESCRIPTORS, key=len, reverse=True)) + r")\s+"
    r"((?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w&'’-]*(?:\.[A-Za-z]{2,})*"
    r"(?:\s+(?!(?:On|In|At|The)\b)[A-Z][\w&'’-]*){0,4}"
    r"|[a-z][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.[a-z]{2,4}\b)"
)


def _en_described_outlet(sentence: str, pos: int) -> tuple[str, int]:
    """(name, end) of an outlet described before its name at `pos` («the business newspaper
    X»), or ("", pos)."""
    m = _EN_DESCRIBED_OUTLET_RE.match(sentence, pos)
    if m is None:
        return "", pos
    return m.group(1).rstrip("."), m.end(1)


def _en_outlet_named(name: str, sentence: str) -> bool:
    """«the Morning Bugle newspaper», «the newspaper Morning Bugle»: an outlet noun is next to
    the name in the sentence."""
    if "." in name and any(f"{w} {name}" in sentence for w in ("site", "website", "portal")):
        return True  # «the news site harbourwatch.sk»: a domain named as a site
    if not any(w[:1].isupper() for w in name.split() if w.lower() != "the"):
        return False  # «told the newspaper»: no name
    return any(f"{name} {w}" in sentence or f"{w} {name}" in sentence for w in _EN_OUTLET_NOUNS)


def _en_agency_noun(toks: list[_Tok], k: int) -> bool:
    """«news agency» (lower case) at token k."""
    return (
        k + 1 < len(toks)
        and toks[k].surf == "news"
        and toks[k + 1].surf in ("agency", "agencies")
        and toks[k + 1].quote == -1
    )


def _en_agency_descriptor(toks: list[_Tok], k: int) -> int:
    """«told French news agency AFP», «told the state news agency Xinhua»: the descriptor
    before a named agency is skipped (the index of the name, or k when there is none)."""
    j = k
    if j < len(toks) and toks[j].norm == "the":
        j += 1
    if (
        j < len(toks)
        and toks[j].surf[:1].isupper()
        and (_en_agency_noun(toks, j + 1) or _en_outlet_noun(toks, j + 1))
    ):
        j += 1  # a nationality or owner: «French», «Russian», «Iran's»
    elif j < len(toks) and toks[j].surf in ("state", "official", "local"):
        j += 1
    if _en_outlet_noun(toks, j) and not _en_agency_noun(toks, j):
        j -= 1  # «told the Freedonian newspaper Morning Bugle»: a one-word outlet noun
    elif not _en_agency_noun(toks, j):
        return k
    j += 2
    if j < len(toks) and toks[j].surf[:1].isupper() and toks[j].quote == -1:
        return j
    return k


def _en_attribution(toks, i, sentence, quotes, quotes_len, ctx):
    """(np, direct, text, channel) for the English verb at i, or None."""
    n = len(toks)
    t = toks[i]
    if t.norm in _EN_DESCRIBE and not (
        i + 2 < n and toks[i + 1].norm != "as" and any(x.norm == "as" for x in toks[i + 2 : i + 9])
    ):
        return None  # «was described as» (passive) or no «as» at all: not a statement
    # Channel: «told Reuters», «told the Associated Press».
    after = i + 1
    channel = ""
    described = ""
    if t.norm in ("told", "tells") and after < n and toks[after].quote == -1:
        described, stop = _en_described_outlet(sentence, toks[after].start)
        if described and not _en_agency_noun(toks, after + 1):
            # «told the business newspaper X (that) …»: the outlet named after its noun
            channel = ctx.last_channel = described
            while after < n and toks[after].start < stop:
                after += 1
    if t.norm in ("told", "tells") and after < n and not described:
        after = _en_agency_descriptor(toks, after)
        end = after
        while (
            end < n
            # «told the BBC the ban …»: «the» opens the outlet's name, never ends it
            and (toks[end].surf[:1].isupper() or (toks[end].norm == "the" and end == after))
            and not (end > after and _COMMA_RE.search(toks[end].gap))
            # «told TNT Sports: "I'm …"»: a colon or a quote ends the outlet's name
            and not (end > after and (":" in toks[end].gap or toks[end].quote != -1))
            and not (end > after and (toks[end].norm in _EN_WHEN or _month(toks[end].norm)))
        ):
            end += 1  # «told AFP Friday …»: the day is no part of the outlet
        if (
            end + 1 < n
            and end > after
            and toks[end].norm == "of"
            and toks[end + 1].surf[:1].isupper()
            and not _COMMA_RE.search(toks[end].gap)
        ):
            # «told the Press Trust of India»: an outlet whose name holds «of», when the
            # gazetteer knows the whole name
            e2 = end + 1
            while e2 < n and toks[e2].surf[:1].isupper() and not _COMMA_RE.search(toks[e2].gap):
                e2 += 1
            if _is_media(_text(toks, after, e2, sentence).removeprefix("the ")):
                end = e2
        site = _EN_TOLD_SITE_RE.match(sentence, toks[after].start) if end == after else None
        if site is not None:
            # «told harbourwatch.news (that) …»: a site named by its domain is an outlet
            channel = ctx.last_channel = site.group(0)
            while after < n and toks[after].start < site.end():
                after += 1
        elif (
            end == after + 1
            and end < n
            and toks[after].norm == "the"
            and toks[end].surf.islower()
            and toks[end].norm in _EN_TOLD_OUTLET_NOUNS
            and getattr(ctx, "last_channel", "")
        ):
            # «"…," he told the paper»: the outlet the article named last as told
            channel = ctx.last_channel
            after = end + 1
        elif end > after and toks[after].norm not in _EN_AUDIENCE:
            channel = _text(toks, after, end, sentence)
            if channel.lower().startswith("the ") and not _en_titled(channel):
                channel = channel[4:]
            if channel.islower():
                channel = ""  # «told the committee»: a lone «the», no outlet named
            else:
                ctx.last_channel = channel
            after = end
            if _is_media(channel) and _en_agency_noun(toks, after):
                after += 2  # «told The Associated Press news agency (that) …»
            elif _en_outlet_noun(toks, after):
                # «told the Morning Bugle newspaper (that) …»: the noun says it is an outlet.
                after += 1
        elif after < n and toks[after].norm in _EN_AUDIENCE:
            after += 1
    if _COMMA_RE.search(t.gap) and toks[i - 1].quote == -1:
        inverted = _en_inverted(toks, i, after, sentence)
        if inverted is not None:
            return inverted, False, sentence[: toks[i].start].strip(_PUNCT_STRIP), channel
    start = i
    if start >= 3 and toks[start - 1].norm == "to" and toks[start - 1].quote == -1:
        # «He went on to say …», «she continued to say …»: the subject is before the phrase.
        if toks[start - 2].norm == "on" and toks[start - 3].norm in _EN_GO:
            start -= 3
        elif toks[start - 2].norm in _EN_CONTINUE:
            start -= 2
        else:
            start = _en_contact_verb(toks, start)
    while start > 0 and (
        toks[start - 1].norm in _EN_SKIP_BEFORE_VERB
        or _en_adverb(toks[start - 1])
        or (t.norm in _EN_PARTICIPLES and toks[start - 1].norm in _EN_PROGRESSIVE_BE)
    ):
        start -= 1
    if 0 < start < len(toks) and _EN_PAIRED_DASH_RE.search(toks[start].gap):
        # «The party FREDA - which boycotted the vote - said»: a relative clause between
        # dashes describes the subject before it.
        for k in range(start - 1, max(0, start - 40), -1):
            if toks[k].quote != -1 or _HARD_PUNCT.search(toks[k].gap):
                break
            if _EN_PAIRED_DASH_RE.search(toks[k].gap):
                if toks[k].norm in ("which", "who"):
                    start = k
                break
    if 0 < start < len(toks) and _COMMA_RE.search(toks[start].gap):
        # «Jane Roe, 41, who lives with her son, her parents and two cousins near the river,
        # said»: a relative clause with commas of its own between the subject and the verb;
        # the subject (and its apposition) is before its «who/which».
        inner = False
        k = start
        while k > max(0, start - 40) + 1:
            k -= 1
            if toks[k].quote != -1:
                # «X, who has called it "the disaster of the century," said»: a short quote
                # inside the clause, after a lower-case word, is part of it (a quote opening
                # the sentence is the «"…," said X» pattern, not a clause).
                q0 = k
                while q0 > 0 and toks[q0 - 1].quote == toks[k].quote:
                    q0 -= 1
                if (
                    q0 == 0
                    or k - q0 > 12
                    or not toks[q0 - 1].surf.islower()
                    or toks[q0 - 1].quote != -1
                    or _HARD_PUNCT.search(toks[q0].gap)
                    or ":" in toks[q0].gap
                ):
                    break
                inner = True
                k = q0
                continue
            if _HARD_PUNCT.search(toks[k].gap):
                break
            if toks[k].norm in ("which", "who") and _COMMA_RE.search(toks[k].gap):
                if inner and k > 0:
                    start = k
                break
            inner = inner or bool(_COMMA_RE.search(toks[k].gap))
    start = _en_visit_before(toks, _en_time_phrase_before(toks, start))
    segs, quote_before = _en_segments_before(toks, start)
    for a in range(1, len(segs) - 1):
        if (
            segs[a - 1]
            and len(segs[a]) == 1
            and segs[a][0].norm.isdigit()
            and 0 < int(segs[a][0].norm) < 120
        ):
            # «Jane Roe, 20, a student in Kelston, told …»: her age between the name and
            # the apposition is neither
            segs = segs[:a] + segs[a + 1 :]
            break
    for a in range(1, len(segs) - 2):
        if (
            not segs[0]
            and 1 <= len(segs[a]) <= 3
            and all(_en_cap(x) for x in segs[a])
            and segs[a + 1]
            and segs[a + 1][0].surf.islower()
            and (segs[a + 1][-1].norm in _EN_PLACE_HEADS or segs[a + 1][-1].norm == "capital")
            and segs[a + 2]
        ):
            # «Jane Roe, a teacher in the northern town, Kelston, told …»: the name after a
            # place noun is the place's, in apposition to it; the speaker is before them.
            segs = segs[:a] + segs[a + 1 :]
            break
    chain = _en_appos_chain(toks, start, sentence)
    if chain is not None:
        segs = [[], chain[1], chain[0]]  # «X, title, body, place, said»: X and its title
    if (
        len(segs) >= 3
        and not segs[0]
        and segs[1]
        and segs[1][0].surf.islower()
        and segs[1][0].norm.endswith("ing")
        and len(segs[1][0].norm) > 5
    ):
        # «The governor, Jane Roe, writing on Telegram, said»: the participle clause is a
        # circumstance; the subject and its apposition are before it.
        segs = [[], *segs[2:]]
    elif (
        len(segs) >= 3
        and not segs[0]
        and segs[1]
        and segs[1][0].norm in ("which", "who")
        and segs[2]
    ):
        # «FREDA, the main opposition party, which boycotted the vote, said»: the relative
        # clause describes the subject; the subject and its apposition are before it.
        segs = [[], *segs[2:]]
    np = None
    subj_first = None  # first token of a subject written in apposition («X, head of Y, said»)
    closest = _en_relative_head(segs[0]) if segs else []
    if closest is (segs[0] if segs else None):
        closest = _en_trim(closest)
    if len(closest) > 1 and closest[-1].norm in _EN_PRONOUNS and not _en_cap(closest[-2]):
        closest = closest[-1:]  # «quizzed by broadcasters today he continued to say»
    if closest and len(closest) == 1 and closest[0].norm in _EN_PRONOUNS:
        np = _en_pronoun(closest[0].norm, ctx)
        if closest[0].norm == "it" and closest[0] is not toks[0]:
            # «The European Central Bank raised rates as it warned that …»: «it» is the
            # institution this sentence opened with.
            lead = _en_leading_subject(toks, start - 1, sentence, ctx)
            if lead is not None and (lead.body or _institution_name(lead.name)):
                np = lead
    elif closest and (
        not (_looks_appos(closest) and len(segs) > 1) or _en_label_gap(closest[0].gap)
    ):
        # «CITY, Sept 3 ― The Bank's governor Jane Roe said»: what comes before a dash is a
        # dateline, so the phrase after it is the subject, not an apposition.
        np = _en_np(closest, sentence)
        if (
            np is not None
            and np.kind == "anonymous"
            and closest[0].norm in ("a", "an")
            and len(segs) == 2
            and segs[1]
            and segs[1][0] is toks[0]
            and 2 <= len(segs[1]) <= 3
            and all(_en_cap(x) for x in segs[1])
            and not any(_covered(segs[1], _EN_ROLES))
            and _side_at(segs[1], 0) is None
            and segs[1][0].norm not in _EN_NOT_OPENING_NAMES
            and not (i + 1 < n and _COMMA_RE.search(toks[i + 1].gap))
        ):
            # «Jane Roe, a teacher in Kelstown said»: the apposition's closing comma left
            # out; the name opening the sentence speaks, the description is her role.
            named = _en_np(segs[1], sentence)
            if named is not None and named.name and not named.body:
                role, kind, aff = _en_appos(closest, sentence)
                named.role = role or _text(closest, 1, len(closest), sentence)
                named.kind = kind if kind and kind != "anonymous" else named.kind
                named.affiliation = named.affiliation or aff
                np = named
        if (
            np is not None
            and not np.role
            and not np.body
            and len(segs) == 2
            and segs[1]
            and segs[1][0] is toks[0]
            and _name_like(closest)
            and 2 <= len(closest) <= 4
            and _name_like(segs[1])
        ):
            # «State Minister of Finance, Jane Roe tweeted»: the title opening the sentence,
            # before a comma, is the role of the name after it.
            role, kind, aff = _en_appos(segs[1], sentence)
            if role and _kind_of(segs[1], _EN_ROLES)[1] == "person":
                np.role, np.kind = role, kind
                np.affiliation = np.affiliation or aff
    elif len(segs) > 1 and (not closest or _looks_appos(closest)):
        # «John Smith, a professor at X, said»
        appos = closest or (segs[1] if len(segs) > 2 else [])
        name_seg = segs[2] if not closest and len(segs) > 2 else segs[1]
        name_toks = _en_trim(name_seg)
        np = _en_np(name_toks, sentence)
        if name_toks and not closest:
            subj_first = name_toks[0]
        if not closest and (
            any(t.norm in _EN_VERBS for t in name_toks)
            or sum(
                1
                for t in name_toks
                if t.surf.islower() and t.norm not in _EN_NP_PREPS and t.norm not in _EN_ARTICLES
            )
            > 1
        ):
            # «Adams said the two boxers, …, were eligible despite claims …»: no subject;
            # «The agency's country director, Jane Roe, said»: the name is the apposition.
            np = None
            if appos and _name_like(appos) and len(appos) <= 4:
                np = _en_np(appos, sentence)
                role, kind, aff = _en_appos(name_toks, sentence)
                if np is not None and role:
                    np.role, np.kind = role, kind
                    np.affiliation = np.affiliation or aff
                appos = []
        elif (
            not closest
            and np is not None
            and appos
            and _name_like(appos)
            and len(appos) <= 4
            and _en_title_only(name_toks, np)
        ):
            # «The CBN governor, Jane Roe, said», «Chile's Minister for Energy, Jane Roe,
            # said»: the phrase before the name is her title, so the apposition is the name.
            title = np
            np = _en_np(appos, sentence)
            role, kind, aff = _en_appos(name_toks, sentence)
            if np is not None and (role or title.kind):
                np.role = role or title.role or title.name
                np.kind = kind or title.kind
                if np.kind == "anonymous":
                    np.kind = "official"
                np.affiliation = np.affiliation or aff
            appos = []
        elif closest and (
            not _name_like(name_toks)
            or (len(segs) > 2 and segs[2] and segs[2][-1].norm in _EN_PLACE_NOUNS)
            or (name_seg and name_seg[0].norm in _EN_OPENING_PHRASE_PREPS)
            or _en_object_of_preposition(name_seg, name_toks)
        ):
            # «Jordan signed a deal, the Ministry of X said»: no name before the comma, so
            # the phrase with the article is the subject, not an apposition. «… in the
            # capital, Lagos, a government source said»: the name is the place's apposition.
            np, appos = _en_np(closest, sentence), []
        if np and appos:
            role, kind, aff = _en_appos(appos, sentence)
            if role:
                np.role, np.kind = role, kind
                np.affiliation = np.affiliation or aff
    if any(toks[j].surf == "who" for j in range(max(0, start - 12), start)):
        # «a reversal for Jane Roe, who in a speech on Tuesday had called …»: the relative
        # clause's subject is the name before «, who», whatever circumstance comes between.
        who = _en_who_antecedent(toks, i, sentence, ctx)
        if who is not None:
            np = who
    if np is None and (quote_before != -1 or (i > 0 and toks[i - 1].quote != -1)):
        # «"...," said John Smith, a professor at X.»
        end = after
        while (
            end < n
            and not _COMMA_RE.search(toks[end].gap)
            and not (
                _HARD_PUNCT.search(toks[end].gap)
                and not _en_initials(toks, end)
                and not _en_title_dot(toks, end)
            )
            # «"…," said President Jane Roe after the results were announced»: the name ends
            # where a lower-case time or circumstance clause begins.
            and not (end > after and toks[end].surf.islower() and toks[end].norm in _EN_NAME_ENDS)
        ):
            end += 1
        if end > after and toks[after].norm not in _EN_AFTER_VERB_PREPS:
            # «"…," he told reporters on Friday»: a time or place after the verb is not the
            # speaker.
            np = _en_np(toks[after:end], sentence)
            if np and end < n and _COMMA_RE.search(toks[end].gap):
                e2 = end
                while (
                    e2 < n
                    and not _HARD_PUNCT.search(toks[e2].gap)
                    and not (e2 > end and _COMMA_RE.search(toks[e2].gap))
                ):
                    e2 += 1
                named = toks[end:e2]
                if (
                    np.role
                    and np.role == np.name  # a title with no name in it
                    and 2 <= len(named) <= 3
                    and (e2 == n or _HARD_PUNCT.search(toks[e2].gap))
                    and all(_en_cap(x) and x.quote == -1 for x in named)
                    and not any(_covered(named, _EN_ROLES))
                ):
                    # «"…," said acting Director General, Jane Roe.»: the title, a comma,
                    # then the name closing the sentence is who holds it.
                    title = np
                    np = _en_np(named, sentence)
                    if np is not None and np.name:
                        np.role = title.role or title.name
                        np.kind = "official"
                        np.affiliation = np.affiliation or title.affiliation
                    else:
                        np = title
                else:
                    role, kind, aff = _en_appos(named, sentence)
                    if role:
                        np.role, np.kind = role, kind
                        np.affiliation = np.affiliation or aff
            after = end
        if quote_before == -1 and toks[i - 1].quote != -1 and quotes_len[toks[i - 1].quote] >= 3:
            quote_before = toks[i - 1].quote
    if np is None:
        return None
    if quote_before != -1:
        qs, qe = quotes[quote_before]
        return np, True, sentence[qs + 1 : qe - 1].strip(" ,."), channel
    k = _en_skip_circumstance(toks, after)
    if (
        t.norm in _EN_ACTS
        or (t.norm in _EN_OPINION and any(x.norm in _EN_ACT_OBJECTS for x in toks[k : k + 3]))
        or (
            t.norm in _EN_OPINION
            and k < n
            and toks[k].norm == "with"
            and any(x.norm in _EN_ISSUED_NOUNS for x in toks[k + 1 : k + 4])
        )
    ):
        # «X condemned the attack»: a speech act by a named voice; the clause is its content.
        # «X conceded defeat»: an opinion verb whose object makes it an act. «X reacted with
        # a statement stressing …»: the text issued makes the verb a statement.
        if (
            np.name[:1].isupper()
            and k < n
            and np.kind != "anonymous"
            and toks[k].norm not in _EN_NOT_AN_OBJECT
        ):
            direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
            return np, direct, text, channel
        return None
    if t.norm in _EN_OPINION and not (
        k < n and (toks[k].norm == "that" or toks[k].quote != -1 or ":" in toks[k].gap)
    ):
        # «Jane Roe hailed the deal in a post. "…," she added.»: no statement here, but the
        # person is who «she» is next.
        if np.name and not np.body and np.name[:1].isupper() and len(np.name.split()) <= 4:
            known = ctx.resolve(np)
            if known.kind != "anonymous" and not _institution_name(known.name):
                ctx.last_person = known
        return None
    if k >= n or all(x.norm == "that" for x in toks[k:]):
        tail = sentence[t.end :].strip()
        if (
            tail.lower().removeprefix("that").strip() in ("", ":", ";", ",")
            and np.name[:1].isupper()
            and np.kind != "anonymous"
            and (tail.endswith((":", ";", ",")) or "that" in tail.lower())
        ):
            # «The agency spokesman Jane Roe said:» (or «said;», «added that;») closing the
            # paragraph: the quote is the next paragraph (attribute_paragraph).
            ctx.pending_lead = (ctx.resolve(np), t.surf)
    if k >= n:
        # «Prices will rise, the central bank said.»: the statement is the clause before the
        # comma that opens the subject.
        first = segs[0][0] if segs and segs[0] else subj_first
        if (
            first is not None
            and (closest or subj_first is not None)
            and _COMMA_RE.search(first.gap)
            and first.start > 12
        ):
            before = sentence[: first.start].strip(_PUNCT_STRIP)
            if len(_words(before)) >= 3:
                return np, False, before, channel
        return None
    direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
    return np, direct, text, channel


_EN_BODY_HEADS = frozenset(
    _words(
        "office ministry department agency authority directorate council committee bank government army "
        "military police court commission union party organisation organization company board "
        "service forces administration embassy institute fund parliament cabinet secretariat reserve bureau"
    )
)


# Institutions named with another head noun than the one a later mention uses: «the Federal
# Reserve …; the central bank said».
_EN_HEAD_ALIASES = {"reserve": ("bank",)}


_EN_LONG_BODY_HEADS = _EN_BODY_HEADS | frozenset(
    _words(
        "federation society association foundation alliance coalition corporation centre "
        "centres center centers division"
    )
)


def _en_headed_run(seg: list[_Tok], q: int, cov: list[bool]) -> tuple[int, bool]:
    """«the International Federation of Red Cross and Red Crescent Societies», «the
    Department of Health and Human Services»: a capitalised run with «of»/«and»/«for» inside,
    headed by an institution noun before the first «of», is one name. (start, headed): the
    start moved back to the head's run, or q unchanged."""
    if q < 2 or seg[q - 1].norm not in ("of", "and", "for") or not _en_cap(seg[q - 2]):
        return q, False
    r = q - 1
    while (
        r > 0
        and not cov[r - 1]
        and (
            _en_cap(seg[r - 1])
            or seg[r - 1].norm in ("of", "and", "for")
            # «the Office for the Coordination of X»: «the» after «for»/«of» inside the name
            or (
                seg[r - 1].norm == "the"
                and r >= 2
                and seg[r - 2].norm in ("of", "for")
                and _en_cap(seg[r])
            )
        )
    ):
        r -= 1
    while r < q and not _en_cap(seg[r]):
        r += 1
    if r > 0 and cov[r - 1] and seg[r - 1].surf.isupper() and len(seg[r - 1].surf) > 1:
        r -= 1  # «the EU Agency for …»: the acronym opens the name
    while r > 1 and _en_letter(seg[r - 1]) and seg[r].gap.startswith("."):
        r -= 1  # «the U.N. Office for …»: a dotted abbreviation opens the name
    first_of = next((j for j in range(r, len(seg)) if seg[j].norm in ("of", "for")), len(seg))
    heads = [seg[j].norm for j in range(r, first_of) if _en_cap(seg[j])]
    if r >= q - 1 or not any(h in _EN_LONG_BODY_HEADS for h in heads):
        return q, False
    return r, True


def _en_country_in_name(seg: list[_Tok], q: int, sentence: str) -> int:
    """«Kenya Flood Management Centre said», «the Kenya Flood Management Centre said»: a
    country name written bare (no possessive) at the head of the subject, right before an
    institution's name of two words or more, is the first part of that name."""
    if q < 1 or len(seg) - q < 2:
        return q
    if seg[-1].norm not in _EN_LONG_BODY_HEADS and seg[q].norm not in _EN_LONG_BODY_HEADS:
        return q
    if seg[q - 1].norm.endswith(("'s", "’s")) or not all(_en_cap(t) for t in seg[q:]):
        return q
    for p in range(max(0, q - 3), q):
        side = _side_at(seg, p)
        if (
            side is not None
            and side.type == "country"
            and p + len(side.words) == q
            and all(_en_cap(t) for t in seg[p:q])
            and all(t.norm in _EN_ARTICLES for t in seg[:p])
        ):
            return p
    return q


def _institution_name(name: str) -> bool:
    """«The Weather Office», «Central Bank of X»: a name headed by an institution noun."""
    words = _words(name.lower())
    return bool(words) and (words[-1] in _EN_BODY_HEADS or words[0] in _EN_BODY_HEADS)


_EN_AFTER_VERB_PREPS = frozenset(_words("on in at during after before from with to by late early"))
# Words that end a name written after an inverted verb: a preposition of time or place, or a
# conjunction opening a clause («said Jane Roe as she left», «said Jane Roe when asked»).
# «from», «by» stay: «said a statement from the ministry» names the issuer after them.
_EN_NAME_ENDS = frozenset(
    _words("after before during on in at as when while following upon shortly here there to")
)


def _en_letter(t: _Tok) -> bool:
    return len(t.surf) == 1 and t.surf.isupper()


def _en_number_sign(toks: list[_Tok], j: int) -> bool:
    """Is token j the number after «No.» inside a name («the Kelston No. 3 District Court»,
    «No. 10 Downing Street»)?"""
    return (
        j >= 1
        and toks[j].norm.isdigit()
        and toks[j - 1].surf == "No"
        and toks[j].gap.strip() in (".", "")
        and (j + 1 >= len(toks) or _en_cap(toks[j + 1]))
    )


def _en_initials(toks: list[_Tok], j: int) -> bool:
    """Is the full stop before token j one between initials («Ashraf Ali K.M», «Dibin K.S»)?"""
    return j >= 1 and toks[j].gap == "." and _en_letter(toks[j]) and _en_letter(toks[j - 1])


def _en_dotted_abbrev(toks: list[_Tok], j: int) -> bool:
    """Is the full stop before token j one of a dotted abbreviation opening a name («the
    U.N. Office for …»: U . N . Office; «the U.N. human rights office»: a lower-case word after
    the abbreviation never opens a sentence)?"""
    if j < 1 or toks[j].gap.strip() != ".":
        return False
    if toks[j].surf[:1].islower():
        return (
            j >= 2
            and _en_letter(toks[j - 1])
            and toks[j - 1].gap == "."
            and _en_letter(toks[j - 2])
        )
    if not toks[j].surf[:1].isupper():
        return False
    if _en_letter(toks[j]) and _en_letter(toks[j - 1]):
        return j + 1 < len(toks) and toks[j + 1].gap.startswith(".")  # the «N» of «U.N.»
    return j >= 2 and _en_letter(toks[j - 1]) and toks[j - 1].gap == "." and _en_letter(toks[j - 2])


def _en_initial(toks: list[_Tok], j: int) -> bool:
    """Is the full stop before token j the one of a middle initial («James R. Whitfield»)?"""
    prev = toks[j - 1].surf if j > 0 else ""
    return (
        toks[j].gap.strip() == "."
        and len(prev) == 1
        and prev.isupper()
        and toks[j].surf[:1].isupper()
        and j >= 2
        and toks[j - 2].surf[:1].isupper()
        and len(toks[j - 2].surf) > 1  # «U.S. State Department»: an abbreviation, not a name
    )


# Nouns of what a voice publishes: «according to the Statistics Office's latest report».
_EN_PUBLISHED = frozenset(
    _words(
        "report reports survey data figures statement statements estimates study results "
        "account post update bulletin count tally"
    )
)


_EN_PAPER_VERBS = frozenset(_words("released issued published posted sent put"))


def _en_paper_issuer(seg: list[_Tok]) -> list[_Tok] | None:
    """«a statement released by the Health Agency (on Saturday)», «the report issued by X»:
    the issuer after «by/from» is the voice (a capitalised name), or None."""
    if len(seg) < 3:
        return None
    k = 1 if seg[0].norm in _EN_ARTICLES else 0
    while k < min(len(seg), 4) and seg[k].norm not in _EN_PUBLISHED and seg[k].quote == -1:
        k += 1  # «the preliminary results released by», «the official WeChat account of»
    if k >= len(seg) or seg[k].norm not in _EN_PUBLISHED:
        return None
    k += 1
    if k < len(seg) and seg[k].norm in _EN_PAPER_VERBS:
        k += 1
        if k < len(seg) and seg[k].norm == "out":
            k += 1
    if k >= len(seg) or seg[k].norm not in ("by", "from", "of"):
        return None
    if seg[k].norm == "of" and seg[k - 1].norm not in _EN_PUBLISHED:
        return None  # «the figures released of …»: no owner
    rest = seg[k + 1 :]
    if rest and rest[0].norm == "the":
        rest = rest[1:]
    if len(rest) > 1 and rest[0].surf.islower() and rest[0].norm.endswith(("'s", "’s")):
        rest = rest[1:]  # «released by the country’s Electoral Court»: the owner's country
    if not rest or not _en_cap(rest[0]):
        return None
    for j in range(1, len(rest)):
        if rest[j].norm in _EN_ISSUER_ENDS and rest[j].surf.islower():
            # «a post by the Health Bureau on X», «results released by the Tribunal with 97
            # percent counted»: where or how it was issued is no part of the issuer
            return rest[:j]
    return rest


_EN_ISSUER_ENDS = frozenset(_words("on at with as after before during since via"))


def _en_report_owner(seg: list[_Tok]) -> list[_Tok]:
    """«the Statistics Office's latest report», «X's figures»: the owner of the report is the
    voice; the phrase is cut after the possessive (the «'s» dropped)."""
    # (a report's noun comes within its first words: the scan stays short on long segments)
    for k in range(min(len(seg) - 1, 12)):
        if seg[k].norm in _EN_PUBLISHED and seg[k + 1].surf in _EN_PAPER_VERBS:
            seg = seg[: k + 1]  # «X's rapid count released Sunday night»: when it came out
            break
    if not seg or seg[-1].norm not in _EN_PUBLISHED:
        return seg
    for j in range(len(seg) - 2, 0, -1):
        t = seg[j]
        if seg[j + 1].gap.strip() in ("'", "’") and t.surf.endswith("s") and t.surf[:1].isupper():
            return seg[: j + 1]  # «the Bureau of Statistics’ report»: the mark is in the gap
        # «the INE electoral institute’s count»: a lower-case owner's head after its name
        named_owner = t.surf[:1].isupper() or any(_en_cap(x) for x in seg[:j])
        if t.surf.endswith(("'s", "’s", "s'", "s’")) and named_owner:
            if not all(x.surf.islower() for x in seg[j + 1 : -1]):
                return seg
            cut = len(t.surf) - (2 if t.surf.endswith(("'s", "’s")) else 1)
            return [
                *seg[:j],
                _Tok(t.surf[:cut], t.norm[:cut], t.start, t.start + cut, t.gap, t.quote),
            ]
    owner = seg[1:-1] if seg[0].norm in _EN_ARTICLES else seg[:-1]
    if (
        owner
        and seg[-1].surf.islower()
        and seg[-1].norm not in _EN_BODY_PAPERS  # «a Freedonian Ministry statement»: kept
        and len(owner) <= 6
        and _en_cap(owner[0])
        and all(_en_cap(x) or x.norm in ("of", "and", "for") for x in owner)
        and _en_cap(owner[-1])
    ):
        return owner  # «according to CDC data», «according to Harbour Office figures»
    return seg


def _en_title_only(seg: list[_Tok], np: _NP) -> bool:
    """Is the subject phrase a title with no one's name in it: «the CBN governor» (an
    office, found as an unnamed voice), «Chile's Minister for Energy» (the capitalised words
    after «for»/«of» are the portfolio)?"""
    if np.kind == "anonymous" or (np.role and np.name == np.role):
        return True
    words = [t for t in seg if t.norm not in _EN_ARTICLES]
    for j in range(1, len(words)):
        if words[j].norm in ("for", "of") and _role_at(words, j - 1, _EN_ROLES) is not None:
            rest = words[j + 1 :]
            return bool(rest) and np.name.split()[-1:] == [rest[-1].surf]
    return False


def _name_like(seg: list[_Tok]) -> bool:
    """Capitalised words (with «of», «the», «and» between them), as a name is written."""
    return bool(seg) and all(
        _en_cap(t) or t.norm in ("of", "the", "and", "al", "bin", "de", "van", "von") for t in seg
    )


_EN_BE = frozenset(_words("is was were are be been being"))
_EN_GO = frozenset(_words("went goes go going"))
_EN_CALLED = frozenset(_words("called phoned telephoned rang"))
_EN_OBJ_PRONOUNS = frozenset(_words("him her them"))


def _en_contact_verb(toks: list[_Tok], start: int) -> int:
    """«X called Trump to congratulate him», «X spoke to Y to congratulate him»: the subject
    is before the call (start moved to the contact verb), else start unchanged."""
    j = start - 2  # toks[start - 1] is «to»
    k = j
    while k >= 0 and start - 2 - k < 3 and (_en_cap(toks[k]) or toks[k].norm in _EN_OBJ_PRONOUNS):
        k -= 1
    if k == j or k < 1 or toks[k].quote != -1:
        return start
    if toks[k].norm in _EN_CALLED:
        return k
    if toks[k].norm in ("to", "with") and toks[k - 1].norm == "spoke":
        return k - 1
    return start


_EN_CONTINUE = frozenset(_words("continued continues continue went"))
# Objects that make a verb of belief a public act: «conceded defeat», «admitted defeat».
_EN_ACT_OBJECTS = frozenset(_words("defeat"))
# «Zelensky is claiming progress»: a participle after these is a finite verb, not a passive.
_EN_PROGRESSIVE_BE = frozenset(_words("is was were are"))
# Those that report with any object («is claiming progress»); others need «that» or a quote
# («was saying goodbye» is no statement).
_EN_PROGRESSIVE_ANY = frozenset(_words("claiming insisting arguing warning accusing denying"))


_EN_PASSIVE_ADVERBS = frozenset(_words("first also later initially officially widely reportedly"))


_EN_AUX = frozenset(_words("did does do would will could"))
_EN_NEGATED_AUX = frozenset(
    ["didn't", "doesn't", "don't", "wouldn't", "won't", "couldn't", "didn’t", "doesn’t", "don’t"]
    + ["wouldn’t", "won’t", "couldn’t"]
)


# What a voice declares by decree, not by words: «declared a state of emergency».
_EN_DECREED = frozenset(
    _words(
        "day days state emergency outbreak epidemic pandemic war curfew holiday mourning "
        "disaster lockdown"
    )
)


# What players appeal for to a referee or umpire («appealed for a penalty»).
_EN_SPORT_CALLS = frozenset(
    _words("offside penalty handball foul lbw wicket catch free-kick free kick corner")
)


def _en_decree(toks: list[_Tok], i: int) -> bool:
    """«declared a state of emergency», «declared a day of mourning» (toks[i] a form of
    «declare», «a/an» after it): an act by decree, not a statement."""
    if toks[i].norm not in ("declared", "declares", "declare") or i + 2 >= len(toks):
        return False
    if toks[i + 1].norm not in ("a", "an"):
        return False
    for t in toks[i + 1 : i + 5]:
        if t.quote != -1 or _HARD_PUNCT.search(t.gap) or _COMMA_RE.search(t.gap):
            return False
        if t.norm in _EN_DECREED:
            return True
    return False


def _en_not_a_statement(toks: list[_Tok], i: int) -> bool:
    """A passive («were confirmed dead», «was reported to have fled») or the noun «reports»
    («media reports said», «reports said»): no one speaks at this word."""
    if i > 0 and toks[i - 1].norm in _EN_BE and toks[i - 1].quote == -1:
        return True
    if (
        i > 1
        and toks[i - 2].norm in _EN_BE
        and toks[i - 2].quote == -1
        and (_en_adverb(toks[i - 1]) or toks[i - 1].norm in _EN_PASSIVE_ADVERBS)
    ):
        return True  # «The fire was first reported at noon»: a passive with an adverb
    if toks[i].norm in ("asked", "asks") and any(
        toks[j].norm == "to"
        and toks[j].surf == "to"
        and j + 1 < len(toks)
        and toks[j + 1].surf.islower()
        and all(x.quote == -1 and not _COMMA_RE.search(x.gap) for x in toks[i + 1 : j + 1])
        for j in range(i + 2, min(len(toks), i + 5))
    ):
        return True  # «X had asked Freedonia to help»: a request to act, no words reported
    if toks[i].norm in ("called", "calls"):
        # «X called for calm», «X called on Y to …», «X called the move “a disgrace”» report
        # speech; «called off the strike», «called an election», «so-called» do not.
        if i + 1 >= len(toks) or (i > 0 and toks[i - 1].norm == "so"):
            return True
        appeal = toks[i + 1].norm == "for" or (
            toks[i + 1].norm in ("on", "upon")
            and i + 2 < len(toks)
            and toks[i + 2].norm not in _EN_WHEN
            and not _month(toks[i + 2].norm)
        )
        if not appeal and all(t.quote == -1 for t in toks[i + 1 : i + 15]):
            return True
    if (
        toks[i].norm in ("reports", "claims")
        and i + 1 < len(toks)
        and toks[i + 1].norm == "of"
        and toks[i + 1].quote == -1
    ):
        return True  # «Widespread reports of killings prompted …»: the plural noun, not a verb
    if i > 0 and (
        toks[i - 1].norm in _EN_NEGATED_AUX
        or (i > 1 and toks[i - 1].norm == "not" and toks[i - 2].norm in _EN_AUX)
        or (i > 1 and toks[i - 2].norm in _EN_NEGATED_AUX and _en_adverb(toks[i - 1]))
    ):
        return True  # «X did not say how many …», «X wouldn't say whether …»: nothing said
    if toks[i].norm in ("dismissed", "dismisses"):
        # «X dismissed the claim as a hoax» reports a statement; «dismissed the minister»,
        # «the case was dismissed», «dismissed the batter for 12» do not: «as» must follow
        # in the same clause.
        for t in toks[i + 1 : i + 12]:
            if t.quote != -1 or _HARD_PUNCT.search(t.gap) or _COMMA_RE.search(t.gap):
                return True
            if t.norm == "as":
                return False
        return True
    if toks[i].norm in ("appealed", "appeals") and (
        i + 1 >= len(toks) or toks[i + 1].norm not in ("for", "to")
    ):
        return True  # «appealed the ruling», «appeals court»: no appeal for anything said
    if (
        toks[i].norm in ("appealed", "appeals")
        and i + 2 < len(toks)
        and any(t.norm in _EN_SPORT_CALLS for t in toks[i + 2 : i + 4])
    ):
        return True  # «the defenders appealed for offside»: a call asked of the referee
    if _en_decree(toks, i):
        # «the government declared a day of national mourning», «declared a Marburg
        # outbreak»: an act by decree, not a statement («declared that …», «declared the
        # outbreak an emergency, saying …» still report one).
        return True
    if toks[i].norm in ("pleaded", "pleads") and any(
        t.norm in ("guilty", "innocent", "contest") for t in toks[i + 1 : i + 4]
    ):
        return True  # «pleaded not guilty»: a plea in court, not a statement reported
    if toks[i].norm in ("issued", "issues"):
        # «X issued a red alert», «issued a brief statement welcoming …» report a statement;
        # «issued bonds», «issued visas» do not: a text a voice issues must follow.
        for t in toks[i + 1 : i + 8]:
            if t.quote != -1 or _HARD_PUNCT.search(t.gap) or _COMMA_RE.search(t.gap):
                break
            if t.norm in _EN_ISSUED_NOUNS:
                return False
        return True
    # «X spoke about the floods», «spoke of», «spoke out against»; «spoke at a rally»,
    # «spoke to reporters» report no statement here.
    if toks[i].norm in ("spoke", "speaks") and (
        i + 1 >= len(toks) or toks[i + 1].norm not in ("about", "of", "out")
    ):
        return True
    if toks[i].norm in ("added", "adds", "add") and i + 1 < len(toks):
        nxt = toks[i + 1]
        if nxt.norm == "to" and nxt.quote == -1 and not _HARD_PUNCT.search(nxt.gap):
            return True  # «Aftershocks added to the fear»: «add to» is no statement
        if (
            nxt.quote == -1
            and not _HARD_PUNCT.search(nxt.gap)
            and not _COMMA_RE.search(nxt.gap)
            and (
                nxt.norm in _EN_POSSESSIVE_DETS
                or (
                    nxt.norm in ("a", "another")
                    and i + 2 < len(toks)
                    and toks[i + 2].norm in _EN_ORDINALS
                )
            )
        ):
            # «Roe added his name to the scoresheet», «added a second goal»: a thing added
            # (a possessive or an ordinal before the noun), not words
            return True
    if _en_tally(toks, i):
        return True
    if toks[i].norm in ("claimed", "claims", "claim") and (
        _en_toll(toks, i + 1)
        or (
            i + 2 < len(toks)
            and toks[i + 1].norm in ("the", "a", "an", "their", "its", "his", "her")
            and toks[i + 2].norm in _EN_PRIZES
        )
    ):
        # «the quake has claimed at least 27 lives», «the side finally claimed the trophy»:
        # a toll or a prize, not a statement
        return True
    if toks[i].norm in ("reports", "reported", "claims", "estimates", "issues"):
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        prev = toks[i - 1].norm if i > 0 else ""
        if (
            nxt == "to"
            or nxt in _EN_VERBS
            or nxt in _EN_EVIDENCE_VERBS
            or prev in _EN_ARTICLES
            or prev in _EN_STOPWORDS
        ):
            return True  # «Local media reports indicate …»: the noun, before its verb
    return False


def _en_tally(toks: list[_Tok], i: int) -> bool:
    """«Northtown reported 36 deaths, Southvale 23, Eastmoor 22»: a count after the verb and
    the verb gapped in a list of «Name number» pairs after it; a tally of places, no voice."""
    if toks[i].norm not in ("reported", "recorded", "reports", "records") or i + 1 >= len(toks):
        return False
    if not toks[i + 1].norm[:1].isdigit():
        return False
    for k in range(i + 2, min(i + 8, len(toks) - 1)):
        t = toks[k]
        if t.quote != -1 or _HARD_PUNCT.search(t.gap):
            return False
        if (
            _COMMA_RE.search(t.gap)
            and _en_cap(t)
            and toks[k + 1].norm[:1].isdigit()
            and not _HARD_PUNCT.search(toks[k + 1].gap)
        ):
            return True
    return False


def _en_cut_platform(seg: list[_Tok]) -> list[_Tok]:
    """«according to an official notification shared on X»: the platform a paper was put out
    on is no source; the phrase is cut before the participle («an official notification»)."""
    for k in range(1, len(seg) - 1):
        if seg[k].norm in _EN_SHARED_ON and seg[k + 1].norm in ("on", "via") and k > 1:
            return seg[:k]
    return seg


def _en_toll(toks: list[_Tok], k: int) -> bool:
    """«(claimed) at least 27 lives», «more than 300 lives», «the lives of 12 people»: a count
    of the dead, every word before «lives» a number or a count word."""
    for t in toks[k : k + 6]:
        if t.norm in ("lives", "life"):
            return True
        if not (t.norm[:1].isdigit() or t.norm in _EN_TOLL_WORDS):
            return False
    return False


_EN_POSSESSIVE_DETS = frozenset(_words("his her their its my our your"))
_EN_ORDINALS = frozenset(
    _words("second third fourth fifth sixth seventh eighth ninth tenth late further")
)
# Participles of putting a paper out somewhere: «a notice shared on X», «posted via Telegram».
_EN_SHARED_ON = frozenset(_words("shared posted published uploaded circulated released"))
_EN_PRIZES = frozenset(
    _words(
        "trophy title titles victory win crown cup gold silver bronze medal medals prize award "
        "championship seat seats lead pole"
    )
)
_EN_TOLL_WORDS = frozenset(
    _words(
        "at least more than over nearly almost about some around the a an another dozens "
        "hundreds thousands scores one two three four five six seven eight nine ten twenty"
    )
)


# Participles that report speech with any clause after them («saying the economy cooled»,
# «vowing to help»).
_EN_SAY_PARTICIPLES = frozenset(
    _words("saying adding noting stressing warning explaining vowing pledging urging")
)
# Texts a voice puts out; «the statement said» is their issuer.
_EN_ISSUED_TEXTS = frozenset(
    _words("statement post release communique communiqué message tweet announcement")
)
# Words after a verb of speech act that show it has no object («delegates applauded as …»).
_EN_NOT_AN_OBJECT = frozenset(_words("as when while after before because until and but or so then"))
# Verbs of putting a text out, passive only with the text before them («a statement issued
# by X», «a message posted by X»).
_EN_PUBLISHING = frozenset(_words("issued posted tweeted published"))
# What a voice issues as its statement: «issued a red alert», «issued a brief statement».
_EN_ISSUED_NOUNS = frozenset(
    _words(
        "statement statements warning warnings alert alerts advisory advisories appeal notice "
        "ultimatum denial apology communique communiqué declaration call post message tweet"
    )
)


def _en_shared_subject(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """The named subject of the clause a verb at i is coordinated with («Jane Roe heaped praise
    on X and said …»), after an opening participle phrase («Speaking at …, »); None when a
    comma, a quote or a relative word comes between, or the subject is not a named voice."""
    first = 0
    if toks[0].norm.endswith("ing") and toks[0].surf[:1].isupper():
        first = next((j for j in range(1, min(i, 14)) if _COMMA_RE.search(toks[j].gap)), 0)
        if not first:
            return None
    k = first
    while k < i and (_en_cap(toks[k]) or (k > first and toks[k].norm in ("of", "and"))):
        k += 1
    if k == first or k >= i - 2 or not toks[k].surf.islower() or toks[k].norm in _EN_STOPWORDS:
        return None
    if (toks[k].norm in _EN_VERBS and not _en_decree(toks, k)) or toks[k].norm in _EN_BE:
        return None  # a reporting verb of its own is attributed on its own
    between = toks[first + 1 : i]
    if between and between[-1].norm == "and" and between[-1].gap.strip() == ",":
        # «Jane Roe played down the clashes, and said …»: the comma before «and» ends the
        # first clause; any other comma still stops the search
        between = [*between[:-1], dataclasses.replace(between[-1], gap=" ")]
    if any(t.quote != -1 or _COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap) for t in between):
        return None
    if any(t.norm in ("who", "which", "whose", "that") for t in toks[k:i]):
        return None
    np = _en_np(toks[first:k], sentence)
    if np is None or not np.name or not np.name[:1].isupper():
        return None
    np = _en_plausible(ctx.resolve(np), ctx)
    if np is None or np.kind == "anonymous":
        return None
    return np


def _en_leading_subject(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    return _en_leading_name(toks, i, sentence, ctx) or _en_leading_appos_subject(
        toks, i, sentence, ctx
    )


def _en_leading_name(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """The subject at the start of the sentence when a participle at i follows its clause:
    capitalised words (with «of», «the», «and») up to the first lower-case word, which must
    be the verb; no relative clause («who …», «which …») in between."""
    k = first = _en_after_dateline(toks, i)
    while k < i and (toks[k].surf[:1].isupper() or toks[k].norm in ("of", "the", "and")):
        k += 1
    if (
        first < k < i - 1
        and toks[k - 1].surf.endswith(("'s", "’s"))
        and toks[k].norm in _EN_BODY_HEADS
    ):
        k += 1  # «Freedonia's government declared …, saying»: the body the possessive names
    if k == first or k >= i or toks[k].norm in _EN_STOPWORDS or toks[k].surf[:1].isupper():
        return None
    if any(toks[j].norm in ("who", "which", "whose") for j in range(k, i)):
        return None
    if _role_at(toks, k, _EN_ROLES) is not None:
        return None  # «Opposition party lawmakers clapped …»: the capitals qualify a role noun
    seg = toks[first:k]
    if any(t.quote != -1 for t in seg) or any(_COMMA_RE.search(t.gap) for t in seg[1:]):
        return None
    if seg[0].norm in _EN_POSSESSIVES:
        return None  # «Her brother, Tom Doe, joined …»: a description (_en_leading_appos_subject)
    np = _en_np(seg, sentence)
    if np is None or not np.name:
        return None
    np = _en_plausible(ctx.resolve(np), ctx)
    return np


def _en_leading_appos_subject(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«(Initially,) the ruling party candidate, Tom Doe, (aged 62,) deemed it premature,
    insisting that …»: a description, the name in apposition to it (and an age), then the
    verb of the clause the participle at i follows; the name is the subject."""
    parts: list[list[_Tok]] = [[]]
    for j in range(i):
        t = toks[j]
        if t.quote != -1 or (j and _HARD_PUNCT.search(t.gap) and not _en_title_dot(toks, j)):
            return None
        if (
            j
            and _COMMA_RE.search(t.gap)
            and not (len(parts) >= 3 and (t.norm.isdigit() or _month(t.norm)))
        ):
            # («on Sunday, June 2, 2024»: a date's commas split no clause)
            parts.append([])
        parts[-1].append(t)
    if (
        len(parts) >= 2
        and len(parts[0]) == 1
        and (
            (len(parts[0][0].surf) > 4 and parts[0][0].norm.endswith("ly"))
            or parts[0][0].norm in _EN_OPENING_ADVERBS
        )
    ):
        parts = parts[1:]  # «Initially, …», «However, …»
    if len(parts) < 3:
        return None
    desc, name, *rest = parts
    if rest and len(rest[0]) == 2 and rest[0][0].norm == "aged" and rest[0][1].norm.isdigit():
        rest = rest[1:]
    if len(rest) != 1:
        return None
    clause = rest[0]
    if (
        (desc[0].norm not in _EN_ARTICLES and desc[0].norm not in _EN_POSSESSIVES)
        or not desc[0].surf.islower()
        and desc[0] is not toks[0]
        or not 2 <= len(desc) <= 6
        or not (
            all(x.surf.islower() and x.norm not in _EN_VERBS for x in desc[1:])
            # «The Minister of Health, Dr. Jane Roe, made …»: a capitalised title
            or (
                all(_en_cap(x) or x.norm in ("of", "for") for x in desc[1:])
                and _kind_of(desc[1:], _EN_ROLES)[1] == "person"
            )
        )
        or not 2 <= len(name) <= 4
        or _side_at(name, 0) is not None
        or _institution_name(_text(name, 0, len(name), sentence))
        or not all(_en_cap(x) for x in name)
        or any(_covered(name, _EN_ROLES))
        or not clause[0].surf.islower()
        or not _en_past_verb(clause[0].norm)
    ):
        return None
    np = _en_np(name, sentence)
    if np is None or not np.name or np.body:
        return None
    role, kind, aff = _en_appos(desc, sentence)
    np.role = role or _text(desc, 1, len(desc), sentence)
    if kind in ("official", "expert", "other"):
        np.kind = kind
    np.affiliation = np.affiliation or aff
    return _en_plausible(ctx.resolve(np), ctx)


_EN_MONTHS = frozenset(
    _words("january february march april may june july august september october november december")
)


def _month(norm: str) -> bool:
    return norm in _EN_MONTHS


# Before «be» + a passive reporting verb: what will (or should) be said, not what was.
_EN_NOT_YET = frozenset(_words("to will would shall should could may might must can"))


def _en_passive_agent(toks: list[_Tok], i: int, sentence: str) -> list[_NP]:
    """The named agents of a passive reporting verb («announced by the Health Ministry»,
    «insisted on by the US and Europe»): capitalised names (with «the», «of», «and») right
    after «by», each side of an «and» when both are countries or known bodies."""
    n = len(toks)
    k = i + 1
    if k < n and toks[k].norm in ("on", "upon"):
        k += 1
    if k >= n or toks[k].norm != "by" or toks[k].quote != -1 or not toks[i].norm.endswith("ed"):
        return []
    if toks[i].norm in _EN_PUBLISHING and not (i > 0 and toks[i - 1].norm in _EN_ISSUED_NOUNS):
        return []  # «a warrant issued by the court», «comments posted by readers»: no statement
    if _HARD_PUNCT.search(toks[k].gap) or _COMMA_RE.search(toks[k].gap):
        return []
    if i >= 2 and toks[i - 1].norm == "be" and toks[i - 2].norm in _EN_NOT_YET:
        return []  # «results are expected to be announced by the court»: not said yet
    a = k + 1
    if a < n and toks[a].norm == "the":
        a += 1
    e = a
    while (
        e < n
        and toks[e].quote == -1
        and (_en_cap(toks[e]) or (toks[e].norm in ("of", "and", "the") and e > a))
    ):
        if e > a and (
            _COMMA_RE.search(toks[e].gap)
            or (_HARD_PUNCT.search(toks[e].gap) and not _en_title_dot(toks, e))
        ):
            break
        e += 1
    while e > a and toks[e - 1].norm in ("of", "and", "the"):
        e -= 1
    for h in range(e, min(n, e + 3)):
        # «announced by the Kelstown appeals court»: lower-case words and a body's head
        # after the place's name are part of the agent
        t = toks[h]
        if t.quote != -1 or not t.surf.islower() or t.norm in _EN_STOPWORDS:
            break
        if h > e and (_COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap)):
            break
        if t.norm in _EN_BODY_HEADS:
            if e > a and _en_lower_gov(toks[a : h + 1]):
                e = h + 1
            break
    if e == a or toks[a].norm in _EN_WHEN or _month(toks[a].norm):
        return []  # «announced by Monday», «agreed by March»: a deadline
    if toks[i].norm == "claimed" and e < n and toks[e].norm == "as":
        return []  # «an island claimed by Eastland as its own territory»: owning, not saying
    parts: list[list[_Tok]] = [[]]
    for t in toks[a:e]:
        if t.norm == "and" and parts[-1]:
            parts.append([])
        elif t.norm != "the" or parts[-1]:
            parts[-1].append(t)
    if len(parts) > 1 and _institution_name(_text(toks, a, e, sentence)):
        parts = [toks[a:e]]  # «the Ministry of Planning and Development»: one name
    out = []
    for part in parts:
        np = _en_np(part, sentence) if part else None
        if np is None or not np.name or np.kind == "anonymous":
            return []
        out.append(np)
    return out


def _en_title_dot(toks: list[_Tok], k: int) -> bool:
    """«by Dr. Jane Roe», «by Gov. Tom Doe»: the full stop after an abbreviated title."""
    return (
        k > 0
        and toks[k].gap.strip() == "."
        and (toks[k - 1].surf in _EN_HONORIFICS or toks[k - 1].surf in _EN_TITLE_ABBREVS)
    )


_EN_SHOW = frozenset(_words("showed shows"))
# «as Correspondent Jane Roe reports» closing a sentence: the outlet's own reporter credited.
_EN_REPORTS = frozenset(_words("reports reported reporting"))


# «Reports from BBC Bengali suggest …», «video from NBC Los Angeles shows …», «figures by the
# statistics office indicate …»: what a named outlet or body published is the evidence, so
# the one after «from/by» is the cited source.
_EN_EVIDENCE = frozenset(
    _words(
        "report reports video videos footage images pictures photos data figures survey "
        "surveys poll polls study records documents"
    )
)
_EN_EVIDENCE_PARTICIPLES = frozenset(
    _words("conducted carried released published commissioned compiled obtained seen reviewed")
)
_EN_EVIDENCE_VERBS = frozenset(
    _words("suggest suggests suggested indicate indicates indicated show shows showed")
)


def _en_evidence_source(toks: list[_Tok], i: int, sentence: str) -> _NP | None:
    segs, _q = _en_segments_before(toks, i)
    seg = segs[0] if segs else []  # untrimmed: the trim drops «reports from»
    if len(seg) > 3:
        # «a survey conducted by X indicated», «a poll carried out by X shows»: the
        # participle between the evidence and «by» goes.
        seg = [
            t
            for k, t in enumerate(seg)
            if not (
                0 < k < len(seg) - 1
                and t.norm in _EN_EVIDENCE_PARTICIPLES
                and seg[k - 1].norm in _EN_EVIDENCE
            )
            and not (1 < k < len(seg) - 1 and t.norm == "out" and seg[k - 1].norm == "carried")
        ]
        seg = [
            t
            for k, t in enumerate(seg)
            if not (t.norm == "carried" and k + 1 < len(seg) and seg[k + 1].norm == "by")
        ]
    for j in range(len(seg) - 2):
        if (
            seg[j].norm in _EN_EVIDENCE
            and seg[j + 1].norm in ("from", "by")
            and all(_en_cap(t) or t.norm in ("of", "and", "the") for t in seg[j + 2 :])
            and _en_cap(seg[-1])
        ):
            np = _en_np(seg[j + 2 :], sentence)
            if np is not None and np.name[:1].isupper():
                np.body = True
                if _is_media(np.name) or np.kind in ("", "other"):
                    np.kind = "media" if _is_media(np.name) else "organisation"
                return np
    if (
        2 <= len(seg) <= 7
        and seg[-1].norm in _EN_EVIDENCE
        and seg[-1].norm not in ("records", "documents")  # «Court records show»: kept papers
        and seg[-1].surf.islower()
    ):
        # «Harbour Office figures show», «Africa CX data show»: the owner is the source.
        owner = seg[1:-1] if seg[0].norm in _EN_ARTICLES else seg[:-1]
        named = bool(owner) and all(_en_cap(x) or x.norm in ("of", "and", "for") for x in owner)
        if (
            owner
            and len(owner) <= 3
            and owner[-1].norm in _EN_DEFINITE_BODY_HEADS
            and all(x.surf.isalpha() and x.surf.islower() for x in owner)
        ):
            # «electoral commission data showed»: one institution in lower case (a named body,
            # as «the electoral commission said» is)
            np = _en_np(owner, sentence)
            if np is not None:
                np.kind, np.body = "organisation", True
                return np
        if named and (
            (_en_cap(owner[-1]) and any(x.surf.isupper() and len(x.surf) >= 2 for x in owner))
            or _institution_name(_text(owner, 0, len(owner), sentence))
        ):
            np = _en_np(owner, sentence)
            if np is not None and np.name[:1].isupper():
                np.body = True
                if np.kind in ("", "other"):
                    np.kind = "media" if _is_media(np.name) else "organisation"
                return np
    return None


def _en_media_subject(toks: list[_Tok], i: int, sentence: str) -> _NP | None:
    """The outlet in the subject of «showed» («Syrian state media showed», «pictures on news
    agency SANA showed», «CNN exit polls showed»): a known agency written there, else a
    subject with a media word; anything else («data showed») is none."""
    segs, _q = _en_segments_before(toks, i)
    seg = _en_trim(segs[0]) if segs else []
    if not seg or len(seg) > 8:
        return None
    k = next((j for j, x in enumerate(toks) if x is seg[0]), 0)
    if k > 0 and toks[k - 1].norm == "by":
        # «a video released by the Vatican's media showed», «footage verified by the Daily
        # Ledger shows»: the outlet is the agent of a participle; the footage is the subject.
        return None
    for t in seg:
        if t.surf in _AGENCIES:
            return _NP(t.surf, "", "media", "", True)  # as written, as its credits are
    while seg and seg[0].norm in _EN_ARTICLES:
        seg = seg[1:]
    name = _text(seg, 0, len(seg), sentence) if seg else ""
    if (
        name
        and (_is_media(name) or name.lower().endswith(" media"))
        # «Videos on social media showed»: a capitalised evidence noun opening the sentence
        # names no outlet
        and any(w[:1].isupper() and w.lower() not in _EN_EVIDENCE for w in name.split())
    ):
        return _NP(name, "", "media", "", True)
    return None


# «the Freedonia Weather Department (FWD)», «the Africa Centres for X (Africa CX)»: a name
# followed by its acronym in brackets, which later sentences use alone.
_EN_BRACKET_ACRONYM_RE = re.compile(r"\(((?:[A-Z][a-z]+\s+)?[A-Z]{2,}[A-Za-z]*)\)")
_EN_NAME_BEFORE_RE = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,8})$")


def _learn_acronyms(paragraph: str, ctx: _Ctx) -> None:
    """Acronyms given in brackets after an institution's name, kept on ctx (`acronyms`) when
    their capitals are the name's initials in order (so «Jane Roe (AFP)» is no acronym)."""
    for m in _EN_BRACKET_ACRONYM_RE.finditer(paragraph):
        before = _EN_NAME_BEFORE_RE.search(paragraph[max(0, m.start() - 120) : m.start()])
        if before is None:
            continue
        name = before.group(1).strip()
        words = name.split()
        while words and words[0] in ("The", "the"):
            words = words[1:]
        if len(words) < 2:
            continue
        initials = [w[0] for w in words if w[:1].isupper()]
        letters = [c for c in m.group(1) if c.isupper()]
        k = 0
        for c in initials:
            if k < len(letters) and c == letters[k]:
                k += 1
        if k != len(letters) or len(letters) < 2:
            continue
        toks, _q = _tokens(" ".join(words))
        if _side_at(toks, 0) is None and not any(t.norm in _EN_LONG_BODY_HEADS for t in toks):
            continue  # a person's initials are no body: a name with an institution noun
        acronyms = getattr(ctx, "acronyms", None)
        if acronyms is None:
            acronyms = ctx.acronyms = {}
        acronyms[m.group(1)] = _NP(" ".join(words), "", "organisation", "", True, True)


def _en_acronym(np: _NP, ctx: _Ctx) -> _NP:
    """«ECB rate-setters said», «the ECB said» after «the European Central Bank»: a name that
    opens with the initials of an institution named before is that institution."""
    acronyms = getattr(ctx, "acronyms", None)
    if acronyms:
        hit = acronyms.get(np.name.removeprefix("the ").removeprefix("The "))
        if hit is not None and hit.name != np.name:
            return dataclasses.replace(hit)
    words = np.name.split()
    if not words or len(words) > 2 or not (2 <= len(words[0]) <= 6 and words[0].isupper()):
        return np
    for known in ctx.by_body_head.values():
        parts = known.name.split()
        initials = "".join(w[0] for w in parts if w[:1].isupper())
        if parts[-1].islower() and parts[-1] in _EN_LONG_BODY_HEADS:
            initials += parts[-1][0].upper()  # «the National Disaster Management office»
        if initials == words[0] and known.name != np.name:
            return _NP(known.name, known.role, known.kind, known.affiliation, True, True)
    return np


def _en_after_dateline(toks: list[_Tok], i: int) -> int:
    """Index of the first word after a dateline that opens the sentence («LONDON ― The Bank
    …», «date 2024-08-01 OSLO — …»: words in capitals, numbers, then a dash or colon); 0 when
    there is none."""
    for j in range(1, min(i, 8)):
        if any(c in toks[j].gap for c in "―—–:"):
            head = toks[:j]
            if all(t.surf.isupper() or t.surf.isdigit() or t.norm == "date" for t in head):
                return j
            return 0
    return 0


def _en_who_antecedent(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«… against Jane Roe, who quit after a minute, saying …»: the participle ends the
    relative clause, so the person «who» refers to speaks (a capitalised name right before
    «, who»)."""
    for w in range(i - 1, max(0, i - 25), -1):
        t = toks[w]
        if t.quote != -1 or _HARD_PUNCT.search(t.gap) or t.norm in _EN_VERBS:
            return None
        if t.surf == "who" and (
            _COMMA_RE.search(t.gap) or _EN_RELATIVE_DASH_RE.search(t.gap) or w == i - 1
        ):
            # «…, who …», «… Jane Roe – who had vowed …» or «… by Dr. Jane de Roe who
            # questioned …» (no comma, right before the verb)
            b = w
            while b > 0 and w - b < 6:
                if toks[b - 1].surf[:1].isupper():
                    b -= 1
                elif (
                    toks[b - 1].norm in _EN_NAME_PARTICLES
                    and b > 1
                    and toks[b - 2].surf[:1].isupper()
                    and b < w
                ):
                    b -= 1  # «de Silva», «van Dijk»
                elif (
                    toks[b - 1].norm in ("of", "for")
                    and b > 1
                    and toks[b - 2].surf[:1].isupper()
                    and not _COMMA_RE.search(toks[b - 1].gap)
                ):
                    b -= 2  # «Secretary of State Jane Roe, who …»: the title goes with her
                else:
                    break
                if _COMMA_RE.search(toks[b].gap) or _HARD_PUNCT.search(toks[b].gap):
                    break
            if b == w:
                return None
            np = _en_np(toks[b:w], sentence)
            if np is None or not np.name or np.body:
                return None
            return _en_plausible(ctx.resolve(np), ctx)
    return None


# A dash opening a relative clause: «… President Jane Roe – who had vowed …».
_EN_RELATIVE_DASH_RE = re.compile(r"[–—]|\s-\s")
# Lower-case particles inside a person's name («Harsha de Silva», «Virgil van Dijk»).
_EN_NAME_PARTICLES = frozenset(_words("de da del della di dos du van von der den la le bin"))


def _en_adverb(t: _Tok) -> bool:
    """«forcefully told», «repeatedly said»: a manner adverb between subject and verb."""
    return (
        t.quote == -1
        and t.surf.islower()
        and len(t.surf) > 4
        and t.surf.endswith("ly")
        and t.surf not in _EN_OUTLET_NOUNS  # «the Morning Bugle daily reported»
    )


def _load_non_voices() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {"last": set(), "place": set(), "first": set(), "alone": set()}
    for word, where, *_ in get_pack("en").fields("speaker_non_voices.txt"):
        out[where].add(word.lower())
    return {k: frozenset(v) for k, v in out.items()}


_EN_NON_VOICES = _load_non_voices()


def _en_non_voice(np: _NP, words: list[str]) -> bool:
    """«the Freedonia raid», «the Red Sea», «Storm Ada»: an event, a place or a weather
    system named as a subject is no one who speaks (a known body or outlet is kept)."""
    if len(words) == 1 and words[0].strip(".,").lower() in _EN_NON_VOICES["alone"]:
        return True  # «However, the lawyer called …»: a connective before the comma
    possessive = np.role.endswith(("'s", "’s"))  # «South China's Guangdong Province»: a place
    if np.known or (np.role and not possessive) or np.kind == "media" or _is_media(np.name):
        return False
    last = words[-1].strip(".,")
    if last in _EN_NON_VOICES["last"] or last.lower() in _EN_NON_VOICES["place"]:
        return True  # «the Freedonia raid» (lower case), «the Red Sea»
    return (
        len(words) >= 2 and words[0].lower() in _EN_NON_VOICES["first"] and words[1][:1].isupper()
    )


def _en_described_body(words: list[str]) -> bool:
    """«UN health agency», «African Union’s specialized health agency»: lower-case words before
    a lower-case body noun, after at most one owner (a possessive name or «UN»); a description
    of a body, not its name."""
    if len(words) < 2 or words[-1] not in _EN_DESCRIBED_HEADS:
        return False
    k = 1 if words[0].lower() == "the" else 0
    if k < len(words) - 1 and (words[k] in ("UN", "U.N.") or words[k].endswith(("’s", "'s"))):
        k += 1
    elif k + 1 < len(words) - 1 and words[k + 1].endswith(("’s", "'s")) and words[k][:1].isupper():
        k += 2  # «African Union’s»
    mods = words[k:-1]
    return bool(mods) and all(w.islower() and w.isalpha() for w in mods)


# Lower-case heads of a body's description: «the UN health agency», «the nuclear watchdog».
_EN_DESCRIBED_HEADS = frozenset(_words("agency watchdog organisation organization body"))


_EN_DAY_PARTS = frozenset(_words("morning afternoon evening night"))


# The level of a government body: «the provincial authority» is not «the National
# Authority» named before.
_EN_LEVELS = frozenset(
    _words(
        "national federal provincial regional state district municipal city county local "
        "prefectural"
    )
)


def _en_plausible(np: _NP, ctx: _Ctx) -> _NP | None:
    """A named voice, an unnamed one, or nothing. A subject with no capitalised word that did
    not resolve to someone named earlier («the central bank», «the group») is an unnamed voice
    when it is a role or an institution, and a clause fragment otherwise («women despite»)."""
    words = np.name.split()
    if not words:
        return None
    if len(words) >= 3 and words[1] == "The" and words[0][:1].isupper() and not np.known:
        # «Lima The Electoral Board said»: a dateline's place glued to the subject («The» is
        # capitalised only where a sentence starts)
        words = words[1:]
        np = _NP(" ".join(words), np.role, np.kind, np.affiliation, np.body, np.known)
    cut = next(
        (
            k + 1
            for k in range(1, len(words) - 1)
            if words[k] in _EN_DESCRIPTOR_NOUNS
            and all(w[:1].isupper() for w in words[k + 1 :])
            and len(words) - k - 1 >= 2
        ),
        0,
    )
    if cut and not np.known:
        # «US non-profit organisation Radio Free Asia reported»: the description before a
        # name (a lower-case kind of body) is no part of it
        words = words[cut:]
        np = _NP(" ".join(words), np.role, np.kind, np.affiliation, np.body, np.known)
    if len(words) == 1 and _EN_SITE_NAME_RE.match(words[0]):
        # «News.Az reports»: a site named by its capitalised domain is an outlet
        return _NP(np.name, "", "media", np.affiliation, True, np.known)
    described = _en_described_body(words)
    if described:
        # «the UN health agency said», «the Freedonian Union’s specialized health agency
        # said»: a description of a body, not its name; it is the body named last (with none,
        # the phrase stays as it is: «Turkey’s disaster management agency» names one).
        last = ctx.last_body
        if last is not None and last.name[:1].isupper() and last.kind in _EN_NAMED_BODY_KINDS:
            return _NP(last.name, last.role, last.kind, last.affiliation, True, True)
        if last is None:
            # none spoke yet: the one body named so far whose name holds the description's
            # words («the World Health Organization's update …, the UN health agency said»)
            mods = {w for w in words[:-1] if w.islower() and w.isalpha() and w != "the"}
            hits = {
                b.name: b
                for b in ctx.by_body_head.values()
                if mods and mods <= {w.lower() for w in b.name.split()}
            }
            if len(hits) == 1:
                b = next(iter(hits.values()))
                got = _NP(b.name, b.role, b.kind, b.affiliation, True, True)
                ctx.by_body_head.setdefault(words[-1], got)  # «the agency said» after it
                return got
    if (
        len(words) >= 2
        and words[-1] in _EN_BODY_PAPERS
        and words[-2][:1].isupper()
        and words[-2].lower() in _EN_BODY_HEADS
    ):
        # «according to a Freedonian Interior Ministry statement»: the body speaks, not its paper
        words = words[:-1]
        kind = np.kind
        if kind in ("anonymous", "", "other"):  # the paper made it unnamed; the body is named
            kind = "state" if words[-1].lower() in _EN_STATE_HEADS else "organisation"
        np = _NP(" ".join(words), np.role, kind, np.affiliation, True, np.known)
    if _en_non_voice(np, words):
        return None
    if "[" in np.name or np.name.count("(") != np.name.count(")"):
        return None  # «Eastvale (Marsh) [Freedonia], June 3 : …»: a dateline's place, cut open
    if len(words) == 2 and words[0].lower() in _EN_WHEN and words[1].lower() in _EN_DAY_PARTS:
        return None  # «Friday evening», «Tuesday night»: a time, never a voice
    if "/" in words[1:-1] and words[words.index("/") + 1][:1].isupper():
        return None  # «EPA / Jane Roe»: a photo credit (agency / photographer), never a voice
    if (
        len(words) >= 3
        and words[0] in _EN_TIME_PREFIXES
        and (words[1].lower() in _EN_WHEN or _month(words[1].lower()))
        and not np.known
    ):
        # «Early Sunday the contingent claimed»: a time phrase opening the sentence ran into
        # the subject; the subject is what follows it.
        rest = words[2:]
        if rest[0].lower() in _EN_ARTICLES:
            rest = rest[1:]
        if not rest or not any(w[:1].isupper() for w in rest):
            return None
        words = rest
        np = _NP(" ".join(rest), np.role, np.kind, np.affiliation, np.body, np.known)
    if (
        len(words) >= 2
        and words[0].lower() in _EN_QUANTIFIERS
        and words[0][:1].isupper()
        and not np.known
        and not np.role
    ):
        # «Some Freedonia soldiers said», «Many Democrats warned»: a part of a group, no one
        # named (the capitalised word is the group's place or party).
        np.kind = "anonymous"
        return np
    if (
        len(words) >= 2
        and words[0][:1].isupper()
        and any(w in _EN_VERBS for w in words[1:])
        and not np.known
    ):
        # «Norway reported three confirmed deaths»: a clause (name, reporting verb, object)
        # ran into the subject of a participle read as a verb; a name holds no verb of saying.
        return None
    if len(words) >= 3 and words[0] in _EN_OPENING_PREPOSITIONS and not np.known:
        return None  # «Outside court Roe supporters shouted»: a place phrase ran into the subject
    if len(words) >= 2 and words[0] in _EN_OPENING_ADVERBS and not np.known:
        return None  # «However the statement said»: a linking adverb glued to the subject
    if np.role and np.role == np.name and not np.known and np.kind != "media":
        np.kind = "anonymous"  # «a Hamas official», «the President» with no name given
        return np
    if (
        len(words) >= 2
        and not np.role
        and not np.known
        and words[-1].isalpha()
        and words[-1].islower()
        and (
            words[-1] in _EN_PERSON_NOUNS
            or (np.kind == "other" and not np.body and words[-1] not in _EN_NAME_PARTICLES)
        )
    ):
        np.kind = "anonymous"  # «the 46-year-old Black man said», «Local media reported»
        return np
    if (
        len(words) >= 2
        and np.kind == "other"
        and np.body
        and not np.role
        and not np.known
        and words[-1].isalpha()
        and words[-1].islower()
        and all(w.isalpha() for w in words)
        and (
            words[-1] in _EN_VERBS
            or words[0].lower() in _EN_COUNT_OR_TIME_OPENERS
            or (len(words) == 2 and _en_past_verb(words[-1]))
        )
    ):
        # «Eleven new confirmed cases …», «Last week the prosecutor said», «Roe condemned
        # reports of …»: a capitalised opening (a number or time word) or a surname run into
        # the lower-case word after it (a verb) is no name, and no body either.
        return None
    if (
        len(words) >= 3
        and words[0].endswith(("'s", "’s"))
        and all(w.islower() for w in words[1:])
        and words[-1] in _EN_BODY_HEADS
    ):
        # «Freedonia's defence ministry said» after «the Ministry of National Defense»: the
        # institution named before, when its name holds the description's words.
        hit = ctx.by_body_head.get(words[-1])
        if hit is not None and hit.name != np.name:
            known = {w[:5].lower() for w in hit.name.split()}
            if all(w[:5] in known for w in words[1:-1]):
                return _NP(hit.name, hit.role, hit.kind, hit.affiliation, True, True)
    if words[0].lower() in _EN_QUANTIFIERS and all(w.islower() for w in words[1:]):
        np.kind = "anonymous"  # «Many world leaders congratulated …»: capitalised by position
        return np
    if (
        len(words) >= 2
        and not np.known
        and not np.role
        and all(w.islower() for w in words[1:])
        and (words[-1] in _EN_UNNAMED_GROUPS or _en_role_plural(words[-1].capitalize()))
    ):
        # «Prominent leftist leaders condemned …», «Japanese media reported …»: a group with
        # no one named (the first word is capitalised by position or as a nationality).
        np.kind = "anonymous"
        return np
    if len(words) == 1 and not np.known and not np.role and _en_role_plural(words[0]):
        np.kind = "anonymous"  # «Prosecutors said …»: a role's plural, capitalised by position
        return np
    if np.known or any(w[:1].isupper() or w[:1].isdigit() for w in words):
        if words[0] == "I":
            return None  # «I must say», «I said to him»: the writer's or a quote's own voice
        return np
    head = _nphrase(np.name)[-1] if np.name else ""
    hit = ctx.by_body_head.get(head) if head in _EN_BODY_HEADS else None
    if hit is not None and any(
        w.lower() in _EN_LEVELS and w.lower() not in hit.name.lower().split() for w in words
    ):
        # «the provincial flood authority» after «the National Flood Authority»: another
        # body, of its own level, named in lower case
        if len(words) <= 5 and all(w.isalpha() and w.islower() for w in words):
            return _NP(np.name, np.role, "state", np.affiliation, True, np.known)
        hit = None
    if hit is not None and (np.body or np.role or len(words) <= 3):
        # «the central bank said» after «the Bank of England …»: that institution.
        return _NP(hit.name, hit.role, hit.kind, hit.affiliation, True, True)
    if (
        head in _EN_DEFINITE_BODY_HEADS
        and len(words) <= 4
        and all(w.isalpha() and w.islower() for w in words)
        and not any(w in _EN_PERSON_NOUNS or w in _EN_STOPWORDS or w in _EN_ARTICLES for w in words)
    ):
        # «The hurricane center said», «the health and welfare ministry said», «the government
        # earlier said»: one institution written in lower case, with no name given before, is
        # still the one body of the story that speaks (plural «authorities», «officials» and
        # «police» stay unnamed).
        np.kind = "state" if head in _EN_STATE_HEADS else "organisation"
        np.body = True
        return np
    if np.role or np.body or np.kind not in ("", "other"):
        np.kind = "anonymous"
        return np
    return None


def _en_role_plural(word: str) -> bool:
    """«Prosecutors», «Deputies»: one capitalised word that is the plural of a person's role
    (speaker_roles.txt): a group, capitalised only because it opens the sentence."""
    if not (word[:1].isupper() and word[1:].islower() and word.endswith("s")):
        return False
    low = word.lower()
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return any(r.type == "person" and r.words == (singular,) for r in _EN_ROLES.get(singular, ()))


# Common irregular past tenses of verbs that report nothing («Roe stood, … and said»).
_EN_IRREGULAR_PAST = frozenset(
    _words(
        "stood sat went came took gave made left met ran held kept rose fell sent led began brought"
    )
)


def _en_past_verb(word: str) -> bool:
    """«stood», «returned»: a lower-case past tense, which no name ends with."""
    return word in _EN_IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))


# Words that open a sentence capitalised and never start a name: numbers and time words.
_EN_COUNT_OR_TIME_OPENERS = frozenset(
    _words(
        "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
        "hundred hundreds thousands dozens last next this earlier"
    )
)


# Singular institution nouns that name the one body of the story when written in lower case.
_EN_DEFINITE_BODY_HEADS = frozenset(
    _words("government ministry department center centre service commission agency office bureau")
)


# «In a statement from X Palace, the King said»: a phrase opening with a preposition before
# the comma is a circumstance, not a name the subject stands in apposition to.
_EN_OPENING_PHRASE_PREPS = frozenset(
    _words("in at during after before on with from following amid despite")
)
# Prepositions capitalised at a sentence's start: a subject that opens with one is a
# circumstance glued to the real subject, never a name.
_EN_OPENING_PREPOSITIONS = frozenset(
    _words("Outside Inside Beyond Behind Near Across Amid Among Despite During Throughout At")
)

# Capitalised time words that open a time phrase before the subject («Early Sunday …»).
_EN_TIME_PREFIXES = frozenset(_words("Early Late Earlier Later"))

_EN_OPENING_ADVERBS = frozenset(
    _words("However Meanwhile Moreover Furthermore Nevertheless Nonetheless Still Yet Instead")
)

# A body's paper named after it («a Defence Ministry statement»): the body is the voice.
_EN_STATE_HEADS = frozenset(
    _words("ministry government army military embassy parliament administration cabinet police")
)
# Nouns of a place a name can stand in apposition to («in the capital, Lagos, …»).
_EN_PLACE_NOUNS = frozenset(
    _words("capital city town village province region county district state port island")
)
_EN_NAMED_BODY_KINDS = frozenset(_words("state organisation"))
_EN_BODY_PAPERS = frozenset(_words("statement statements notice release communique"))


# Common nouns for people: «the Kenyan woman», «a Black man» name no one.
_EN_PERSON_NOUNS = frozenset(
    _words(
        "man woman men women boy girl boys girls person people resident residents citizen "
        "citizens witness witnesses student students worker workers farmer farmers driver "
        "passenger passengers survivor survivors victim victims mother father child children "
        # generic plurals for groups of places: «12 African countries reported …»
        "countries nations"
    )
)
_EN_QUANTIFIERS = frozenset(
    _words("many some several most all other others few both two three numerous various")
)
# Lower-case nouns that describe a body before its name («US non-profit organisation X»).
_EN_DESCRIPTOR_NOUNS = frozenset(get_pack("en").lines("speaker_body_descriptors.txt"))
# Plural nouns of groups that name no one: «Japanese media», «Prominent leftist leaders».
_EN_UNNAMED_GROUPS = frozenset(get_pack("en").lines("speaker_unnamed_groups.txt"))


def _en_with_subject(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«with Jane Roe confirming that …», «with the ministry saying …»: the absolute
    construction names the subject of the participle at `i` between «with» and it (one to
    five words, no punctuation between). Named voices only (capitalised)."""
    k = i - 1
    while k >= 0 and i - k <= 6 and toks[k].quote == -1 and not _COMMA_RE.search(toks[k + 1].gap):
        if toks[k].norm == "with":
            break
        k -= 1
    else:
        return None
    if k < 0 or toks[k].norm != "with" or i - k < 2:
        return None
    seg = toks[k + 1 : i]
    if not any(_en_cap(x) for x in seg):
        return None
    np = _en_np(seg, sentence)
    if np is None or not np.name[:1].isupper():
        return None
    np = _en_plausible(ctx.resolve(np), ctx)
    if np is None or np.kind == "anonymous":
        return None
    return np


_EN_COORD_VERB = frozenset(_words("and but"))
_EN_PERFECT = frozenset(_words("has have had"))


def _en_content_opens(verb: _Tok, first: _Tok) -> bool:
    """Does what follows `verb` (from `first`) open what was said? An opinion verb ("think",
    "believe") only with "that", a quote or a colon: "thinks the plan" is no statement."""
    return (
        verb.norm not in _EN_OPINION
        or first.norm == "that"
        or first.quote != -1
        or ":" in first.gap
    )


def _en_coordinated_verb(toks: list[_Tok], i: int) -> bool:
    """Is the verb at `i` coordinated with a previous one: «… and warned», «… but urged»,
    «… but has urged» (no comma-free subject between)?"""
    k = i - 1
    if k > 0 and toks[k].norm in _EN_PERFECT and toks[k].quote == -1:
        k -= 1
    return (
        toks[k].norm in _EN_COORD_VERB
        and toks[k].quote == -1
        and (toks[k].norm == "and" or k < i - 1 or not _en_cap(toks[k - 1]))
    )


def _en_person_source(np: _NP) -> bool:
    """A named person (not a body, an outlet or an anonymous source)."""
    if np.body or np.kind in ("anonymous", "media", "state", "organisation"):
        return False
    if _is_media(np.name) or _institution_name(np.name):
        return False
    return np.name[:1].isupper() and len(np.name.split()) >= 2


def _en_pronoun(norm: str, ctx: _Ctx) -> _NP | None:
    """«he said» is the last person who spoke; «it said» the last institution or country
    (never a person); «they said» the last speaker."""
    if norm == "it":
        return ctx.last_body
    if norm in ("he", "she"):
        if ctx.last_person is not None:
            return ctx.last_person
        return ctx.last if ctx.last is not None and ctx.last is not ctx.last_body else None
    last = ctx.last
    if norm == "they" and last is not None and last is ctx.last_person and " and " not in last.name:
        return None  # «They said» is never one named person («Jane Roe said …. They said»)
    return last


_EN_DESCRIBE = frozenset(_words("described describes"))


# Words that open a time phrase between a subject and its verb («on Monday», «late on
# Wednesday», «earlier this week», «in a statement»).
_EN_TIME_OPENERS = frozenset(_words("in on at during late early earlier this last"))


def _en_appos_chain(
    toks: list[_Tok], start: int, sentence: str
) -> tuple[list[_Tok], list[_Tok]] | None:
    """«Jane Roe, Additional Director of Forecasts, Regional Weather Centre (RWC), Kelstown,
    told reporters»: a person's name opening the sentence, then three or more comma-separated
    capitalised phrases (a title, a body, a place) right before the verb. (name, title) or
    None."""
    if start < 6 or not _COMMA_RE.search(toks[start].gap) or toks[start - 1].quote != -1:
        return None
    segs: list[list[_Tok]] = [[]]
    for k in range(start - 1, max(-1, start - 40), -1):
        t = toks[k]
        if t.quote != -1:
            if k == start - 1:
                return None
            if not segs[-1]:
                segs.pop()  # the comma closing the quote opened no phrase
            break  # «"…," Jane Roe, Joint Commissioner of Police, Kelstown, told reporters»
        segs[-1].insert(0, t)
        if k == 0:
            break
        initial = _en_initial(toks, k) or (k == 1 and len(toks[0].surf) == 1)  # «S. Roe»
        if _HARD_PUNCT.search(t.gap) and not initial:
            return None
        if _COMMA_RE.search(t.gap):
            segs.append([])
    else:
        return None
    if len(segs) < 3 or len(segs) > 6:
        return None
    name, title = segs[-1], segs[-2]
    if not 2 <= len(name) <= 4 or not all(_en_cap(t) for t in name):
        return None
    if any(_covered(name, _EN_ROLES)) or _institution_name(_text(name, 0, len(name), sentence)):
        return None
    for seg in segs[:-1]:
        if not seg or not _name_like(seg) or not _en_cap(seg[0]):
            return None
    if not _kind_of(title, _EN_ROLES)[0]:
        return None  # the phrase after the name must be a title
    return name, title


_EN_VISITS = frozenset(_words("visit visits trip tour stop"))


def _en_visit_before(toks: list[_Tok], start: int) -> int:
    """«President Tom Doe during a visit to the region announced»: a visit between a named
    subject and the verb is a circumstance, no part of the subject (start moved before it,
    else unchanged)."""
    for j in range(start - 2, max(0, start - 10), -1):
        t = toks[j]
        if t.quote != -1 or _COMMA_RE.search(toks[j + 1].gap) or _HARD_PUNCT.search(t.gap):
            return start
        if t.norm in ("during", "on") and t.surf.islower():
            if (
                j > 0
                and (_en_cap(toks[j - 1]) or any(_covered(toks[j - 1 : j], _EN_ROLES)))
                and not _COMMA_RE.search(t.gap)
                and any(x.norm in _EN_VISITS for x in toks[j + 1 : min(start, j + 4)])
            ):
                return j
            return start
    return start


def _en_time_phrase_before(toks: list[_Tok], start: int) -> int:
    """«Jane Roe earlier this week said», «the agency last month warned»: a time phrase right
    before the verb is no part of the subject (start moved before it, else unchanged)."""
    if start < 3 or toks[start - 1].norm not in _EN_CIRCUMSTANCE or toks[start - 1].quote != -1:
        return start
    for j in range(start - 2, max(0, start - 5), -1):
        if toks[j].norm in _EN_TIME_OPENERS and toks[j].surf.islower():
            while j > 1 and toks[j - 1].norm in _EN_TIME_OPENERS and toks[j - 1].surf.islower():
                j -= 1  # «late on Wednesday», «earlier this week»
            if any(_COMMA_RE.search(x.gap) or x.quote != -1 for x in toks[j:start]):
                return start
            if toks[j - 1].surf.islower() and toks[j - 1].norm.endswith("ed"):
                return start  # «The treaty, signed last week, says»: a participle's time
            return j
        if not (toks[j].surf.islower() or toks[j].norm in _EN_WHEN):
            return start
    return start


def _en_bracket_tail(seg: list[_Tok]) -> int:
    """How many tokens at the end of a subject are an acronym in brackets repeating the name
    («the Disaster Authority (AFAD)», «the Africa Centres for X (Africa CX)»): one to three
    capitalised words after «(», one of them in capitals; 0 when there is none."""
    for k in (1, 2, 3):
        if len(seg) <= k:
            return 0
        head = seg[-k]
        if head.gap.rstrip().endswith("("):
            tail = seg[-k:]
            if all(_en_cap(t) for t in tail) and any(
                t.surf.isupper() and (len(t.surf) >= 2 or k == 1) for t in tail
            ):
                return k
            if (
                k == 1
                and len(seg) >= 3
                and head.surf.isalpha()
                and _en_cap(head)
                and _en_cap(seg[-2])
                and _en_cap(seg[-3])
            ):
                return 1  # «the Vote Counting Service (Vocos)»: a short name written as a word
            return 0
    return 0


def _en_bracket_expansion(seg: list[_Tok], sentence: str) -> int:
    """Where a subject ends when a bracket closes it right before the verb after a
    capitalised name: «MetService (Meteorological Service of X Limited) said», «Jane Roe
    (Green Party) said»: the name before the bracket speaks, the bracket glosses it."""
    n = len(seg)
    if n < 2 or not sentence[seg[-1].end : seg[-1].end + 2].lstrip().startswith(")"):
        return n
    for j in range(n - 1, 0, -1):
        if seg[j].gap.rstrip().endswith("("):
            return j if _en_cap(seg[j - 1]) else n
        if "(" in seg[j].gap or ")" in seg[j].gap:
            return n
    return n


def _en_bracket_acronym(name: list[_Tok]) -> int:
    """1 when the phrase ends with an acronym in brackets («the Harbour Office (HO)»), else 0."""
    last = name[-1]
    return int(len(name) > 1 and last.gap.rstrip().endswith("(") and last.surf.isupper())


def _en_inverted(toks, i, after, sentence) -> _NP | None:
    """«Fees will rise, said Jane Doe, director of X at Y.»: a paraphrase before the verb and a
    capitalised name right after it, alone up to the next comma or the end."""
    n = len(toks)
    end = after
    while end < n and not (
        end > after
        and (
            _COMMA_RE.search(toks[end].gap)
            or (
                _HARD_PUNCT.search(toks[end].gap)
                and not _en_initials(toks, end)
                and not _en_dotted_abbrev(toks, end)
                and not _en_title_dot(toks, end)
            )
            or toks[end].surf == "to"  # «…, said Jane Roe to Reuters.»: whom she said it to
        )
    ):
        end += 1
    while (
        end - after > 3
        and (toks[end - 1].norm in _EN_WHEN or _month(toks[end - 1].norm))
        and toks[end - 2].norm in ("on", "in", "last", "this")
    ):
        end -= 2  # «…, reports the Weather Office on Saturday»: the time is no part of it
    if end - after >= 2 and toks[end - 1].norm in ("here", "there") and _en_cap(toks[end - 2]):
        end -= 1  # «…, said Jane Roe here on Monday»: where she said it is no part of the name
    if (
        end - after > 3
        and toks[after].norm == "the"
        and toks[after + 1].surf.islower()
        and toks[after + 1].norm.endswith(("'s", "’s"))
        and _en_cap(toks[after + 2])
    ):
        # «…, reports the country’s Flood Management Authority (FMA)»: the owner goes
        owned = toks[after + 2 : end]
        if (
            len(owned) <= 9
            and all(x.quote == -1 and (_en_cap(x) or x.norm in ("of", "for", "and")) for x in owned)
            and _institution_name(
                _text(owned, 0, len(owned) - _en_bracket_acronym(owned), sentence)
            )
        ):
            np = _en_np(owned, sentence)
            if np is not None and np.name:
                return np
    name = toks[after:end]
    if (
        3 <= len(name) <= 10
        and name[0].norm == "the"
        and _en_cap(name[1])
        and _en_cap(name[-1])
        and all(
            x.quote == -1
            and (_en_cap(x) or (x.norm in ("of", "for", "and") and 1 < j < len(name) - 1))
            for j, x in enumerate(name[1:], 1)
        )
        and _institution_name(_text(name, 1, len(name) - _en_bracket_acronym(name), sentence))
    ):
        # «…, said the Office for Harbour Safety and Prevention (OHSP).»: an institution's
        # whole name after the verb, its acronym in brackets included.
        np = _en_np(name, sentence)
        return np if np is not None and np.name else None
    titled = _en_inverted_title_then_name(toks, after, end, sentence)
    if titled is not None:
        return titled
    if 3 <= len(name) <= 12 and all(x.quote == -1 for x in name):
        both = _en_coordination(name, sentence)
        if both is not None:
            return both  # «…, said Prime Minister Jane Roe and Mayor Tom Doe.»
    if (
        2 <= len(name) <= 5
        and name[0].norm in _EN_ARTICLES
        and name[-1].surf.islower()
        and (end == n or _HARD_PUNCT.search(toks[end].gap))
        and all(x.quote == -1 and x.norm not in _EN_VERBS for x in name)
        and _covered(name, _EN_ROLES)[-1]
    ):
        # «…, said a police official.», «…, said the minister.»: a description closing the
        # sentence after the verb is who speaks (unnamed), never a word before the verb.
        np = _en_np(name, sentence)
        return np if np is not None and np.name else None
    if 5 <= len(name) <= 12 and i >= 3:
        long_titled = _en_inverted_long_title(name, sentence)
        if long_titled is not None:
            return long_titled
    if not 1 <= len(name) <= 4 or i < 3 or toks[after].norm in _EN_WHEN:
        return None
    owned = (
        len(name) == 2
        and name[0].surf[:1].isupper()
        and name[0].norm.endswith(("'s", "’s"))
        and name[1].norm in _EN_BODY_HEADS
    )  # «…, says Ukraine's military»
    if (
        not owned
        and not all(x.surf[:1].isupper() and x.quote == -1 for x in name)
        and not _en_quoted_name_closing(toks, after, end, sentence)
    ):
        return None
    if owned:
        return _NP(_text(name, 0, 2, sentence), "", "state", _affiliation(name, True), True)
    np = _en_np(name, sentence)
    if np is None or not np.name:
        return None
    if end < n and _COMMA_RE.search(toks[end].gap):
        e2 = end
        while e2 < n and not (
            _HARD_PUNCT.search(toks[e2].gap) or (e2 > end and _COMMA_RE.search(toks[e2].gap))
        ):
            e2 += 1
        role, kind, aff = _en_appos(toks[end:e2], sentence)
        if role:
            np.role, np.kind = role, kind
            np.affiliation = np.affiliation or aff
    return np


def _en_inverted_long_title(name: list[_Tok], sentence: str) -> _NP | None:
    """«…, said Chief District Officer Jane Roe.», «…, said Deputy Superintendent of Police
    of Kelston district Jane Roe.»: a person's title of several words (the first a title word
    of `speaker_roles.txt`), its portfolio or place after «of», then a name of two or three
    capitalised words closing the phrase."""
    if any(x.quote != -1 for x in name) or not _covered(name[:1], _EN_ROLES)[0]:
        return None
    if not all(
        _en_cap(x) or (x.surf.islower() and (x.norm in ("of", "for") or x.norm in _EN_PLACE_HEADS))
        for x in name
    ):
        return None
    if any(x.norm in _EN_VERBS or x.norm in _EN_STOPWORDS - {"of", "for"} for x in name):
        return None
    np = _en_np(name, sentence)
    if np is None or not np.role or np.body or np.kind != "official":
        return None
    words = np.name.split()
    if not 2 <= len(words) <= 3 or name[-1].surf != words[-1]:
        return None
    return np


def _en_quoted_name_closing(toks, after: int, end: int, sentence: str) -> bool:
    """«…, reported “Harbour FM”.»: the name after an inverted verb written in quote marks,
    the whole quote (one to three capitalised words) closing the sentence: an outlet's or a
    body's name in quotes, never a statement."""
    name = toks[after:end]
    q = name[0].quote
    return (
        q != -1
        and end == len(toks)
        and len(name) <= 3
        and all(x.quote == q and x.surf[:1].isupper() for x in name)
        and (after == 0 or toks[after - 1].quote != q)
        and sentence[name[-1].end :].strip()[:1] in ("”", '"', "’", "'")
    )


def _en_inverted_title_then_name(toks, after: int, end: int, sentence: str) -> _NP | None:
    """«…, said Governor Tom Doe's spokesperson, Jane Roe.», «…, said a spokesperson for the
    governor, Jane Roe.»: a title phrase after the verb, a comma, and a name closing the
    sentence; the name is who speaks, the phrase is the role."""
    n = len(toks)
    name = toks[after:end]
    if not 2 <= len(name) <= 8 or end >= n or not _COMMA_RE.search(toks[end].gap):
        return None
    if not name[-1].surf.islower() or any(x.quote != -1 for x in name):
        return None
    if not _covered(name, _EN_ROLES)[-1] or any(x.norm in _EN_VERBS for x in name):
        return None
    e2 = end
    while e2 < n and not (
        (_HARD_PUNCT.search(toks[e2].gap) and not _en_initials(toks, e2))
        or (e2 > end and _COMMA_RE.search(toks[e2].gap))
    ):
        e2 += 1
    named = toks[end:e2]
    closing = e2 == n or bool(_HARD_PUNCT.search(toks[e2].gap))
    e3 = e2
    if not closing and e2 + 1 < n and toks[e2].norm in _EN_ARTICLES and toks[e2].surf.islower():
        # «…, said a U.N. official, Jane Roe, the head of its office in Freedonia.»: the name's
        # own apposition (a description) runs to the end of the sentence.
        e3 = e2 + 1
        while e3 < n and not _HARD_PUNCT.search(toks[e3].gap) and toks[e3].quote == -1:
            if _COMMA_RE.search(toks[e3].gap) or toks[e3].norm in _EN_VERBS:
                break
            e3 += 1
        closing = e3 == n or bool(_HARD_PUNCT.search(toks[e3].gap))
    if not (
        2 <= len(named) <= 4
        and closing
        and all(_en_cap(x) and x.quote == -1 for x in named)
        and not any(_covered(named, _EN_ROLES))
    ):
        return None
    np = _en_np(named, sentence)
    if np is None or not np.name or np.body:
        return None
    np.role = _text(name, 0, len(name), sentence)
    np.kind = "official"
    return np


_EN_WHEN = frozenset(
    _words(
        "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
        "earlier later"
    )
)
_EN_CIRCUMSTANCE = (
    frozenset(
        _words(
            "statement interview briefing conference address speech post message letter call "
            "week month year morning evening"
        )
    )
    | _EN_WHEN
)


def _en_skip_circumstance(toks, k) -> int:
    """Skip «on Tuesday», «in a statement», «at a news conference» after the verb."""
    n = len(toks)
    while k < n and toks[k].quote == -1:
        if toks[k].norm in _EN_WHEN:
            k += 1
            continue
        if toks[k].norm in ("on", "in", "at", "during", "late", "early", "last"):
            hit = next(
                (j for j in range(k + 1, min(n, k + 5)) if toks[j].norm in _EN_CIRCUMSTANCE), -1
            )
            if hit != -1:
                k = hit + 1
                continue
        break
    return k


_EN_OBJECT_PREPS = frozenset(
    _words("by to from with for in on at of into toward towards against over across near")
)


def _en_object_of_preposition(seg: list[_Tok], name: list[_Tok]) -> bool:
    """«… help to provinces battered by Typhoon Ulla, the military said»: the name closing the
    clause before the comma is the object of a lower-case preposition, so no subject that the
    phrase after the comma could be in apposition to."""
    if not seg or not name or len(name) >= len(seg) or seg[-len(name)] is not name[0]:
        return False
    before = seg[-len(name) - 1]
    return before.surf.islower() and before.norm in _EN_OBJECT_PREPS


def _looks_appos(seg: list[_Tok]) -> bool:
    return bool(seg) and seg[0].norm in ("a", "an", "the") and bool(_kind_of(seg, _EN_ROLES)[0])


_EN_TRIGGERS = _WordFilter(
    set(
        _EN_VERBS
        | _EN_PARTICIPLES
        | _EN_SHOW
        | _EN_EVIDENCE_VERBS
        | _EN_NAMING_PARTICIPLES
        | {"according", "quoted", "per"}
    ),
    "",
)


def _credit(name: str, cue: str, para: int, paragraph: str) -> Quote:
    """A wire credit or cited outlet as the source of the dispatch (kind media)."""
    return Quote(
        speaker=name,
        speaker_kind="media",
        role="",
        verb=cue,
        direct=False,
        text=paragraph.replace(cue, " ", 1).strip(_PUNCT_STRIP)[:300],
        paragraph=para,
        sentence=paragraph[:300],
        affiliation="",
        channel="",
    )


# A dateline in capitals opening the dispatch («CITY», «CITY, Country»), then the outlet's
# credit by its shape: «CITY (Bugle News) -», a bracket of capitalised words ending with a
# news word, or «CITY, COUNTRY | Eastwire Agency |», a name between pipes.
_EN_DATELINE = r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_CREDIT_DATELINE_PAREN_RE = re.compile(
    _EN_DATELINE + r"\s*\(((?:[A-Z][\w&'’.-]*\s+){0,3}(?:News|Agency|Press|Wire|"
    r"Newswire|Network|Service|TV|Radio|Television|Broadcasting))\)\s*[-–—:]"
)
_CREDIT_DATELINE_PIPE_RE = re.compile(
    _EN_DATELINE + r"\s*\|\s*((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,4})\s*\|"
)


# A wire's name between slashes in the dateline: «CITY, April 28. /AGENCY/.».
_CREDIT_DATELINE_SLASHES_RE = re.compile(rf"^[^/]{{0,60}}/\s*({_AGENCY_ALT})\s*/")
# «CITY, Country, ACRONYM – …»: a wire's acronym after a dateline with its country.
_CREDIT_DATELINE_COMMA_RE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3},\s*[A-Z][a-z][\w.'’-]*"
    rf"(?:\s+[A-Z][\w.'’-]*){{0,2}},\s*((?:{_AGENCY_ALT})|[A-Z]{{2,6}})\s*[-–—]\s"
)


# «Town, Province (WIRE) - …»: a dateline in ordinary case, then a wire's name in capitals in
# brackets and a dash; the capitals are the credit whether or not the gazetteer knows them.
_CREDIT_DATELINE_CAPS_RE = re.compile(
    r"^\s*(?!The\b)[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,4}\s*\(([A-Z]{3,}(?:[ -][A-Z]{2,})?)\)"
    r"\s*[-–—]\s"
)


# A wire or network named with a colon opening a paragraph: «AGENCY: Former minister …».
_CREDIT_LABEL_RE = re.compile(rf"^\s*({_AGENCY_ALT}):(?=\s+[A-Z\"“])")


# A capitalised name (two words or more) right before a bracket: «the X Y (XY) leader».
_ACRONYM_OF_NAME_RE = re.compile(r"[A-Z][\w'’-]*\s+[A-Z][\w'’-]*\s*$")


# Text that every match of a credit pattern contains (one of them; case-sensitive, as the
# patterns are): without any, `_credits` skips the pattern's scan of the paragraph. The
# patterns that are not anchored at the paragraph's start and rarely match.
_CREDIT_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _CREDIT_TAIL_RE: ("—", "–", "―", "-"),
    _CREDIT_AFTER_STOP_RE: ("—", "–", "―"),
    _CREDIT_OUTLET_TAIL_RE: ("(",),
    _CREDIT_COPYRIGHT_RE: ("Copyright", "©"),
    _CREDIT_VERIFY_RE: ("verify", "confirm"),
}


def _credits(paragraph: str, para: int) -> list[Quote]:
    """Wire credits and source lines of one paragraph, in the order they are written."""
    found: list[tuple[int, str, str]] = []
    if "(" in paragraph:
        for m in _CREDIT_PAREN_RE.finditer(paragraph):
            if _ACRONYM_OF_NAME_RE.search(paragraph[: m.start()]) and re.match(
                r"\s*[a-z]", paragraph[m.end() :]
            ):
                continue  # «the Pakistan Tehreek-e-Insaf (PTI) founder»: a party's acronym
            for part in _CREDIT_SPLIT_RE.split(m.group(1)):
                if part in _AGENCIES:
                    found.append((m.start(), part, m.group(0)))
    for regex in (
        _CREDIT_LEAD_RE,
        _CREDIT_TAIL_RE,
        _CREDIT_ALONE_RE,
        _CREDIT_OUTLET_TAIL_RE,
        _CREDIT_AFTER_STOP_RE,
        _CREDIT_CLOSING_RE,
        _CREDIT_GLUED_DATELINE_RE,
        _CREDIT_COPYRIGHT_RE,
        _CREDIT_VERIFY_RE,
        _CREDIT_DOMAIN_RE,
        _CREDIT_NETWORK_RE,
        _CREDIT_GLUED_OUTLET_RE,
        _CREDIT_OUTLET_LEAD_RE,
        _CREDIT_BYLINE_RE,
        _CREDIT_DATELINE_PAREN_RE,
        _CREDIT_DATELINE_PIPE_RE,
        _CREDIT_DATELINE_SLASHES_RE,
        _CREDIT_DATELINE_COMMA_RE,
        _CREDIT_DATELINE_CAPS_RE,
        _CREDIT_LABEL_RE,
    ):
        needs = _CREDIT_NEEDS.get(regex)
        if needs is not None and not any(w in paragraph for w in needs):
            continue  # none of the text every match of it contains: no scan
        m = regex.search(paragraph)
        if m:
            found.append((m.start(1), m.group(1), m.group(0).strip()))
    if para > 0 and len(paragraph) < 60:
        m = _CREDIT_OUTLET_LINE_RE.match(paragraph)
        if m and m.group(1).split()[0].lower() not in _CREDIT_MENU_WORDS:
            found.append((m.start(1), m.group(1), m.group(0).strip()))
        m = _CREDIT_DOMAIN_LINE_RE.match(paragraph)
        if m:
            found.append((m.start(1), m.group(1), m.group(0).strip()))
        m = _CREDIT_DESK_LINE_RE.match(paragraph) if "/" in paragraph else None
        if m and not _CREDIT_NETWORK_RE.match(paragraph):  # «X / News Desk» is read whole
            found.append((m.start(1), m.group(1), m.group(0).strip()))
    if "By " in paragraph[:40] and len(paragraph) < 100:
        m = _CREDIT_BYLINE_OF_RE.match(paragraph)
        if m:
            found.append((m.start(1), m.group(1), m.group(0).strip()))
    if " by " in paragraph or " from " in paragraph:
        m = _CREDIT_PRODUCED_RE.search(paragraph)
        if m:
            g = 1 if m.group(1) else 2
            found.append((m.start(g), m.group(g), m.group(0).strip()))
        m = _CREDIT_RELAYED_RE.search(paragraph) if " by " in paragraph else None
        if m:
            found.append((m.start(1), m.group(1), m.group(0).strip(" ,")))
    if ":" in paragraph:
        m = _CREDIT_SOURCE_RE.search(paragraph)
        if m and paragraph[m.end() : m.end() + 1] == "/":
            m = None  # «Source: AFP / Jane Roe»: a picture's credit (agency / photographer)
        if m:
            name = m.group(1).strip(" .")
            found.append((m.start(1), name, m.group(0).strip()))
    found.sort(key=lambda f: f[0])  # stable: «(MENAFN- IANS)» keeps its written order
    out: list[Quote] = []
    seen: set[str] = set()
    for _pos, name, cue in found:
        if name not in seen:
            seen.add(name)
            out.append(_credit(name, cue, para, paragraph))
    return out


def _is_media(name: str) -> bool:
    """A known agency or outlet, or a name with a media word («Syrian state media»)."""
    if name in _AGENCIES or name.removeprefix("the ").removeprefix("The ") in _AGENCIES:
        return True
    return any(w in _EN_MEDIA_HINT for w in _words(name.lower()))


# A headline that credits its claim after a colon: «Africa keen on making our weapons: Kyiv».
_EN_HEADLINE_LABEL_RE = re.compile(
    r"^(.{12,}?\S)\s*:\s*((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})\s*$"
)


_EN_PICTURE_LABELS = frozenset(_words("picture pictures photo photos image images credit"))


def _en_headline_label(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """A headline-like line (short, no full stop) ending with «: Name»: the name is the
    source of the claim before the colon. A bare title («: Governor») is an unnamed voice."""
    m = _EN_HEADLINE_LABEL_RE.match(paragraph.strip())
    if not m or "." in m.group(1)[-2:] or len(m.group(1).split()) < 4:
        return []  # «Related topics: Europe» is a page label, not a claim
    if m.group(1).split()[-1].lower() in _EN_PICTURE_LABELS:
        return []  # «… Picture: Agency», «Photo: Agency»: a picture credit, not a voice
    toks, _ = _tokens(m.group(2))
    if toks[0].norm in _EN_WHEN or _month(toks[0].norm):
        return []
    np = _en_np(toks, m.group(2))
    if np is None or not np.name:
        return []
    np = _en_plausible(ctx.resolve(np), ctx)
    if np is None:
        return []
    return [quote_of(np, ":", False, m.group(1).strip(), para, paragraph, "")]


# A headline that gives a voice's words after its name: «Poe: We deserved the win».
_EN_LEADING_LABEL_RE = re.compile(
    r"^\s*((?:[A-Z][a-z][\w'’-]*)(?:\s+[A-Z][a-z][\w'’-]*){0,2})\s*:\s+(\S.{10,}?)\s*$"
)


def _en_leading_label(paragraph: str, para: int) -> list[Quote]:
    """«Poe: We deserved the three points»: a short line opening with a name and a colon.
    Proposed with the cue «NAME:»; finish_article keeps it only when that name speaks in the
    article (as itself or as the end of a longer name), so «Watch: …» or «Live: …» drop."""
    m = _EN_LEADING_LABEL_RE.match(paragraph)
    if not m or m.group(2).rstrip()[-1:] == "." or len(m.group(2).split()) > 20:
        return []
    name = m.group(1)
    return [
        Quote(
            speaker=name,
            speaker_kind="other",
            role="",
            verb=name + ":",
            direct=True,
            text=m.group(2).strip(_PUNCT_STRIP),
            paragraph=para,
            sentence=paragraph,
            affiliation="",
            channel="",
        )
    ]


def _is_leading_label(q: Quote) -> bool:
    """A «NAME: …» line proposed by _en_leading_label (a wire's «AGENCY: …» credit is no
    label: it stays, kind media)."""
    return q.verb == q.speaker + ":" and not q.role and q.speaker_kind != "media"


def _resolve_leading_labels(quotes: list[Quote]) -> list[Quote]:
    """Keep a «NAME: …» headline when exactly one person who speaks in the article has that
    name or ends with it; give it that person's name."""
    labels = [q for q in quotes if _is_leading_label(q)]
    if not labels:
        return quotes
    people = {
        q.speaker: q
        for q in quotes
        if q.verb != q.speaker + ":"
        and q.speaker_kind not in ("anonymous", "media", "state", "organisation")
    }
    out = []
    for q in quotes:
        if _is_leading_label(q):
            words = q.speaker.split()
            hits = [p for name, p in people.items() if name.split()[-len(words) :] == words]
            if len(hits) != 1:
                continue
            who = hits[0]
            q = dataclasses.replace(
                q,
                speaker=who.speaker,
                speaker_kind=who.speaker_kind,
                role=who.role,
                affiliation=who.affiliation,
            )
        out.append(q)
    return out


def _join_open_quotes(sentences: list[str]) -> list[str]:
    """Sentences of a quotation in straight double quotes kept together: «"A. B," he said.»
    (the sentence splitter protects only curly quotes and guillemets)."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].count('"') % 2 == 1:
            out[-1] = out[-1] + " " + sentence
        else:
            out.append(sentence)
    return out


def _join_short_cues(sentences: list[str]) -> list[str]:
    """«“Shoot!” Jane Roe shouted.»: a quotation ending with «!» or «?» is cut from its cue by
    the sentence splitter; a short sentence with no quotation after it is joined back."""
    out: list[str] = []
    for sentence in sentences:
        prev = out[-1].rstrip() if out else ""
        if (
            prev[-2:-1] in ("!", "?")
            and prev[-1:] in ("”", '"')
            and len(sentence.split()) <= 6
            and not any(c in sentence for c in '“”"')
        ):
            out[-1] = out[-1] + " " + sentence
        else:
            out.append(sentence)
    return out


# AP style: two apostrophes as a quotation mark (''We will win,'' he said).
_DOUBLED_APOSTROPHES_RE = re.compile(r"(?<![\w'])''(?=\S)(.{3,2000}?)(?<=\S)''(?![\w'])")


# A quotation opened with one kind of mark and closed with another (“…" or "…”, "…''), as
# pages pasted from several sources write them. Same length, so offsets do not move.
_MIXED_QUOTES_RE = re.compile(r'“([^“”"]{1,2000})"|"([^“”"]{1,2000})”')
_STRAIGHT_THEN_DOUBLED_RE = re.compile(r'"([^"“”]{1,2000}?)\'\'(?![\w\'])')


def _en_close_quotes(paragraph: str) -> str:
    """«“We are ready,“ the official said»: a paragraph that only ever opens quotations closes
    them with the same mark; every second one is the closing mark (same length)."""
    if paragraph.count("“") % 2:
        return paragraph
    parts = paragraph.split("“")
    out = [parts[0]]
    for j, part in enumerate(parts[1:]):
        out.append("“" if j % 2 == 0 else "”")
        out.append(part)
    return "".join(out)


def _learn_institutions(paragraph: str, ctx: _Ctx) -> None:
    """Institutions named in the text, spoken or not («the Bank of England cut rates»), so
    that a later «the central bank said» / «the ministry said» is that institution: each
    capitalised name with an institution noun is the latest of its head noun."""
    toks, _ = _tokens(paragraph)
    p = 0
    while p < len(toks):
        if not toks[p].surf[:1].isupper():
            p += 1
            continue
        q = p
        while q < len(toks) and (
            toks[q].surf[:1].isupper()
            or (
                toks[q].norm in ("of", "and")
                and q + 1 < len(toks)
                and toks[q + 1].surf[:1].isupper()
            )
        ):
            if q > p and toks[q].gap.strip():
                break  # punctuation ends a name («FRANKFURT (AFP) - The European Central Bank»)
            q += 1
        owner = q > p and toks[q - 1].norm.endswith(("'s", "’s"))
        heads = [
            t.norm[:-2] if owner and k == q - 1 else t.norm
            for k, t in enumerate(toks[p:q], p)
            if t.surf[:1].isupper()
        ]
        heads = [h for h in heads if h in _EN_BODY_HEADS]
        while p < q and toks[p].norm in _EN_ARTICLES:
            p += 1
        if heads and q - p >= 2:
            name = _text(toks, p, q, paragraph)
            if owner:
                name = name[:-2]  # «the World Health Organization's last update»
            np = _NP(name, "", "state", _affiliation(toks[p:q], True), True)
            for head in heads:
                ctx.by_body_head[head] = np
                for alias in _EN_HEAD_ALIASES.get(head, ()):
                    ctx.by_body_head[alias] = np
        p = max(q, p + 1)


_BODY_HEAD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(w.capitalize() for w in _EN_BODY_HEADS)) + r")\b"
)


# Page furniture between two paragraphs of an article: a link to another story, an image
# credit, an advertisement marker. It says nothing, and a quote running over it goes on.
_EN_INTERRUPTION_RE = re.compile(
    r"^\s*(?:READ MORE\b|Read [Mm]ore:|ALSO READ\b|Also [Rr]ead:|RELATED:|Related:|"
    r"ADVERTISEMENT\s*$|Advertisement\s*$|\((?:Image|Photo|Picture)s?\s*:[^)]*\)\s*$)"
)


_EN_FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


_EN_TITLE_LINKS = frozenset(_words("of and for the to in at on"))


def _en_title_gap(toks: list[_Tok], k: int) -> bool:
    """No punctuation between toks[k-1] and toks[k], but the full stop of an abbreviated title
    («Gov. Jane Roe», «Dr. Roe»)."""
    gap = toks[k].gap.strip()
    if not gap:
        return True
    prev = toks[k - 1].surf
    return gap == "." and (prev in _EN_TITLE_ABBREVS or prev in _EN_HONORIFICS)


def _en_titled_mentions(paragraph: str, ctx: _Ctx) -> None:
    """Titled people named anywhere in the paragraph, speaking or not («Paris prosecutor Jane
    Roe did not say how many …»): kept on the context by the head noun of the title, so that
    finish_article can name «the Paris prosecutor said» written before or after."""
    toks, _q = _tokens(paragraph)
    n = len(toks)
    j = 0
    while j < n:
        if not _en_cap(toks[j]) or toks[j].quote != -1:
            j += 1
            continue
        e = j + 1
        while e < n and _en_cap(toks[e]) and not toks[e].gap.strip() and toks[e].quote == -1:
            e += 1
        if (
            2 <= e - j <= 3
            and j > 0
            and _en_title_gap(toks, j)
            and toks[j - 1].norm not in _EN_TITLE_LINKS  # «Minister of Health and Child Care»
        ):
            s = j
            while s > 0 and s > j - 4 and _en_title_gap(toks, s) and toks[s - 1].quote == -1:
                s -= 1
            np = _en_np(toks[s:e], paragraph)
            if (
                np is not None
                and np.role
                and not any(t.norm in _EN_VERBS or t.norm in _EN_BE for t in toks[s:j])
                and not np.body
                and np.kind not in ("anonymous", "media", "other")
                and np.name == _text(toks, j, e, paragraph)
                and not any(_covered(toks[j:e], _EN_ROLES))
            ):
                head = _title_head(np.role)
                if head:
                    # the title as written («Paris prosecutor»), so its proper words count
                    np.role = _text(toks, s, j, paragraph).removeprefix("the ")
                    mentions = getattr(ctx, "titled_mentions", None)
                    if mentions is None:
                        mentions = ctx.titled_mentions = {}
                    mentions.setdefault(head, {}).setdefault(np.name, np)
        j = e


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one English paragraph."""
    if _EN_INTERRUPTION_RE.match(paragraph):
        run = getattr(ctx, "quote_run", None)
        if run is not None and run[0] == para - 1:
            ctx.quote_run = (para, run[1], run[2])  # the quote may go on after it
        return []
    lead = getattr(ctx, "pending_lead", None)
    ctx.pending_lead = None
    run = getattr(ctx, "quote_run", None)
    ctx.quote_run = None
    out = _en_paragraph(paragraph, para, ctx)
    read = getattr(ctx, "paragraphs_read", None)
    if read is None:
        read = ctx.paragraphs_read = []
    read.append(paragraph)  # for finish_article's titled mentions, read only when needed
    body = paragraph.strip()
    opens_quote = body[:1] in _QUOTE_OPEN or body[:1] == '"'
    if run is not None and not out and opens_quote and run[0] == para - 1:
        # A quote paragraph with no cue right after a paragraph that quoted someone: the
        # quote goes on (news prose opens each paragraph of a long quote with a quote mark
        # and names the speaker once).
        np, verb = run[1], run[2]
        text = body.strip(_PUNCT_STRIP)
        if text:
            out.append(quote_of(np, verb, True, text, para, paragraph, ""))
    if (
        lead is not None
        and not out
        and not opens_quote
        and not any(c in body for c in '"“”')
        and _EN_FIRST_PERSON_RE.search(body)
    ):
        opens_quote = True  # «X said:» then a block quote whose quote marks the page lost
    if lead is not None and not out and opens_quote:
        # The previous paragraph closed with «X said:»; this one is what X said, when it is
        # written as a quote.
        np, cue = lead
        text = body.strip(_PUNCT_STRIP)
        if text:
            ctx.learn(np)
            if not np.body:
                ctx.last_person = np
            out.append(quote_of(np, cue, True, text, para, paragraph, ""))
    if run is not None and not out and not opens_quote and run[0] == para - 1:
        first = body.split(None, 1)[0] if body else ""
        if (first in ("He", "She") or first.rstrip("’'s") == run[1].name.split()[-1]) and not any(
            c in body for c in '"“”'
        ):
            # «"…," said the captain. / He had not forgotten last year's defeat. / "…"»: a
            # paragraph about the speaker, with no one else quoted, does not end the run; a
            # bare quote paragraph after it is still the speaker's.
            ctx.quote_run = (para, run[1], run[2])
            return out
    left_open = body.count('"') % 2 == 1 or body.count("“") > body.count("”")
    closing = (
        bool(out)
        and out[-1].speaker_kind not in ("media", "anonymous", "organisation", "state")
        and out[-1].speaker[:1].isupper()
        and body.rstrip(_PUNCT_STRIP).endswith(out[-1].sentence.rstrip(_PUNCT_STRIP)[-30:])
    )  # «X said that …» closing the paragraph: a bare quote paragraph next is X's words
    if out and (out[-1].direct or left_open or closing) and out[-1].speaker_kind != "media":
        # A quotation left open at the end of a paragraph goes on in the next one.
        ctx.quote_run = (para, _np_from_quote(out[-1]), out[-1].verb)
    return out


# «Jane Roe's announcement that …», «the minister's warning that …»: a statement written as
# a noun owned by its speaker, with its content in a that-clause.
_EN_POSSESSIVE_STATEMENT_RE = re.compile(
    r"(?<![\w'’])((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s?\s+"
    r"(?:(?:recent|latest|earlier|new|public)\s+)?"
    r"(announcement|statement|claim|warning|pledge|promise|assertion|admission|insistence|"
    r"assurance|prediction|remark|comments?)\s+that\s+([^.;!?]{8,})"
)


def _en_possessive_statements(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    out: list[Quote] = []
    for m in _EN_POSSESSIVE_STATEMENT_RE.finditer(paragraph):
        toks, _q = _tokens(m.group(1))
        np = _en_np(toks, m.group(1)) if toks else None
        if np is None or not np.name[:1].isupper():
            continue
        np = _en_plausible(ctx.resolve(np), ctx)
        if np is None or np.kind == "anonymous":
            continue
        ctx.learn(np)
        if not np.body:
            ctx.last_person = np
        text = m.group(3).strip(_PUNCT_STRIP)
        out.append(quote_of(np, m.group(2), False, text, para, m.group(0), ""))
    return out


# «… in the coming days.Outside court, …»: a page that lost the space after a full stop; two
# lower-case letters before it (not «U.S.», not «Mr.») and a capitalised word after.
# A capitalised domain ending («News.Az reports») is a site's name, not a new sentence.
_EN_GLUED_SENTENCE_RE = re.compile(
    r"(?<=[a-z][a-z])([.!?][”\"]?)(?!(?:Az|Com|Net|Org|Ru|Ng|Pk|Ph|Kr|Uk|Ge|Kz|Uz|Info)\b)"
    r"([A-Z“][a-z])"
)


def _en_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    out: list[Quote] = _credits(paragraph, para)
    if out and paragraph[:3].lower() == "by ":
        byline = _CREDIT_BYLINE_RE.match(paragraph)
        if byline:
            paragraph = paragraph[byline.end(1) :]  # the first sentence after the byline
    if "''" in paragraph:
        paragraph = _DOUBLED_APOSTROPHES_RE.sub(r"“\1”", paragraph)
        paragraph = _STRAIGHT_THEN_DOUBLED_RE.sub(r"“\1”", paragraph)
    if _EN_GLUED_SENTENCE_RE.search(paragraph):
        paragraph = _EN_GLUED_SENTENCE_RE.sub(r"\1 \2", paragraph)
    if "“" in paragraph and "”" not in paragraph:
        paragraph = _en_close_quotes(paragraph)
    if '"' in paragraph and ("“" in paragraph or "”" in paragraph):
        paragraph = _MIXED_QUOTES_RE.sub(r"“\1\2”", paragraph)
    if _BODY_HEAD_RE.search(paragraph):
        _learn_institutions(paragraph, ctx)
    if "(" in paragraph:
        _learn_acronyms(paragraph, ctx)
    if ":" in paragraph and len(paragraph) <= 160:
        out.extend(_en_headline_label(paragraph, para, ctx))
        out.extend(_en_leading_label(paragraph, para))
    if "s " in paragraph and _EN_POSSESSIVE_STATEMENT_RE.search(paragraph):
        out.extend(_en_possessive_statements(paragraph, para, ctx))
    lower = paragraph.lower()
    if not _EN_TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
        if not out:
            _en_opening_subject(paragraph, ctx)
        return out
    n_out = len(out)
    sentences = split_sentences(paragraph)
    if '"' in paragraph:
        sentences = _join_open_quotes(sentences)
    if len(sentences) > 1:
        sentences = _join_short_cues(sentences)
    for sentence in sentences:
        lower = sentence.lower()
        if _EN_TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
            out.extend(_en_sentence(sentence, para, ctx))
    if len(out) == n_out:
        _en_opening_subject(paragraph, ctx)
    return out


# «Jane Roe, a silver medallist, …» / «Roe painted …»: a paragraph that opens with a person.
_EN_OPENING_NAME_RE = re.compile(r"^\s*((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2})(,|\s+[a-z])")


# «A teenager, Jane Roe, was pulled from the rubble», «The former president of Freedonia, Jane
# Roe, was sentenced»: a person named in apposition to an indefinite or definite description
# (with one «of» and a place or body) that opens the paragraph.
# Also «Team Captain, Jane Roe, …» (a capitalised title, checked in _en_opening_subject: its
# last word is a person's role). Not «His running mate, Jane Roe, …»: a later «he» is more
# likely the owner the determiner points to.
_EN_OPENING_APPOS_RE = re.compile(
    r"^\s*(?P<desc>(?:A|An|The)\s+[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
    r"(?:\s+(?:of|for)\s+[A-Z][\w'’-]*)?|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s+"
    r"(?P<name>(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3})(?:,|\s+(?=[a-z]{3}))"
)


# «CALDERA CITY, Freedonia — …», «KELSTOWN (Wire) -»: a place in capitals, an optional
# country, then a dash or a bracket opens the paragraph as its dateline.
_EN_OPENING_DATELINE_RE = re.compile(
    r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+){0,3}"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?:\s*[(—–―]|\s+-)"
)


def _en_titled_opening(paragraph: str, ctx: _Ctx) -> bool:
    """«Freedonia captain Jane Roe looked dazed after the final.»: a paragraph opening with a
    title and a two- or three-word name, then a lower-case verb, is about that person (who a
    later «she said» is). True when it set the person."""
    head = paragraph[:120]
    if not head[:1].isupper():
        return False
    toks, _q = _tokens(head)
    k = 0
    while k < len(toks) and k < 8 and toks[k].quote == -1 and not toks[k].gap.strip(" "):
        if not (_en_cap(toks[k]) or _role_at(toks, k, _EN_ROLES) is not None):
            break
        k += 1
    if k < 3 or k >= len(toks) or not toks[k].surf.islower() or toks[k].norm in _EN_STOPWORDS:
        return False
    seg = toks[:k]
    if not any(_covered(seg, _EN_ROLES)):
        return False
    if seg[-1].norm.endswith(("'s", "’s")) and len(seg[-1].surf) > 3:
        # «Judge Jane Roe's order came …»: the paragraph is about her; the possessive is no
        # part of her name.
        last = seg[-1]
        cut = len(last.surf) - 2
        seg = [
            *seg[:-1],
            _Tok(
                last.surf[:cut], last.norm[:-2], last.start, last.start + cut, last.gap, last.quote
            ),
        ]
    np = _en_np(seg, head)
    if np is None or np.body or not np.role or not 2 <= len(np.name.split()) <= 3:
        return False
    if not all(w[:1].isupper() for w in np.name.split()):
        return False
    np = ctx.resolve(np)
    ctx.learn(np)
    ctx.last_person = np
    return True


def _en_opening_subject(paragraph: str, ctx: _Ctx) -> None:
    """A paragraph that attributes nothing but opens with a person as its subject («Jane Roe,
    French silver medallist, echoed …», «Roe painted her campaign …») makes that person the one
    a later «he/she said» refers to: a name met before, or a new two- or three-word name in
    apposition (before a comma)."""
    if _en_titled_opening(paragraph, ctx):
        return
    # The apposition first: «The former president, Jane Roe,» would otherwise read «The» as
    # the opening name.
    appos = _EN_OPENING_APPOS_RE.match(paragraph)
    if appos is not None and not _en_opening_appos_desc(appos):
        appos = None
    m = appos or _EN_OPENING_NAME_RE.match(paragraph)
    if not m:
        return
    name = m.group("name") if appos else m.group(1)
    words = name.split()
    if not appos and _EN_OPENING_DATELINE_RE.match(paragraph):
        return  # «CALDERA CITY, Freedonia — …»: a dateline in capitals, no person
    titled = len(words) >= 2 and words[0].rstrip(".") in _EN_HONORIFICS
    if titled and words[0] not in _EN_KNIGHTED:
        name, words = " ".join(words[1:]), words[1:]  # «Mr Sunak took a gamble …»
    known = ctx.by_surname.get(" ".join(_nphrase(name)))
    if known is not None and not known.body and known.kind != "anonymous":
        ctx.last_person = known
        return
    if titled:
        ctx.last_person = _NP(name)  # a title names a person, whatever follows
        return
    if not appos and m.group(2) != "," or len(words) < 2:
        return
    toks, _q = _tokens(name)
    if any(_side_at(toks, p) for p in range(len(toks))) or _institution_name(name):
        return
    if _is_media(name) or any(w.lower() in _EN_NOT_OPENING_NAMES for w in words):
        return
    np = _NP(name)
    ctx.learn(np)
    ctx.last_person = np


def _en_opening_appos_desc(m: re.Match) -> bool:
    """Is the description before an opening apposition a person's (an article or a possessive
    determiner and lower-case words with the name's commas both written; or a capitalised
    title whose last word is a person's role)?"""
    desc = m.group("desc")
    closed = m.group(0).endswith(",")
    if desc.split()[0] in ("A", "An", "The"):
        if desc.split()[1][:1].isupper():
            # «The Minister of Health, Dr. Jane Roe,»: a capitalised title, a person's role
            toks, _q = _tokens(desc)
            return closed and _kind_of(toks[1:], _EN_ROLES)[1] == "person"
        return closed
    toks, _q = _tokens(desc)
    last = len(toks) - 1
    return (
        closed
        and last >= 1
        and _role_at(toks, last, _EN_ROLES) is not None
        and _kind_of(toks[last:], _EN_ROLES)[1] == "person"
    )


# Capitalised sentence openers that are no part of a person's name.
_EN_NOT_OPENING_NAMES = frozenset(
    _words(
        "the a an in on at on after before but and meanwhile however on monday tuesday "
        "wednesday thursday friday saturday sunday last this "
        # prepositions and adverbs that open a sentence before a place («Near Jackson, …»)
        "near across inside outside along around from with without under over beyond during "
        "throughout for by as since until despite among amid amidst behind beside within "
        "towards toward into through upon while when where earlier later elsewhere still "
        "then now today yesterday back further"
    )
)


# --------------------------------------------------------------------------- whole article

_EN_INDEFINITE = frozenset(_words("a an one another some"))


def _title_head(role: str) -> str:
    """The head noun of a title: «the region's governor» -> governor, «head of the city's
    administration» -> head."""
    words = _words(role.replace("’", "'"))
    lowered = [w.lower() for w in words]  # not `words`: «Gov.» is looked up capitalised
    if "of" in lowered:
        words = words[: lowered.index("of")]
    if not words:
        return ""
    head = words[-1].removesuffix("'s").rstrip(".")
    return _EN_TITLE_ABBREVS.get(head, head).lower()


def _definite_title(q: Quote) -> bool:
    """Is the anonymous speaker written as a definite title («the region's governor said»,
    a headline's «: Governor»), not an indefinite one («a military official said»)?"""
    at = q.sentence.find(q.speaker)
    if at < 0:
        return False
    before = _words(q.sentence[:at].lower())
    return not before or before[-1] not in _EN_INDEFINITE


def _same_title(title: str, holder: Quote) -> bool:
    """A proper word in the title («the DA's leader», «the Kenyan president») must be in the
    holder's title, side or name: «EFF leader Julius Malema» is not the DA's leader."""
    known = " ".join((holder.role, holder.affiliation, holder.speaker)).lower()
    for w in title.replace("’", "'").split():
        w = w.removesuffix("'s")
        if w[:1].isupper() and w.lower() not in _EN_ARTICLES and w.lower() not in known:
            if w.isupper() and len(w) >= 2 and w in _initials(holder.role):
                continue  # «BB governor» for «Bangladesh Bank Governor Jane Roe»
            return False
    return True


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _EN_ARTICLES)


_EN_POSSESSIVE_OWNER_RE = re.compile(r"['’]s?\s+")


def _learned_acronyms(quotes: list[Quote], ctx: _Ctx | None) -> list[Quote]:
    """«Africa XY confirms …» in the headline, «The Africa Centres for X and Y (Africa XY)
    said …» in the body: a speaker named by an acronym the article gives in brackets after
    an institution's name is that institution, wherever it speaks (the headline comes before
    the bracket, so the sentence pass could not know it yet)."""
    acronyms = getattr(ctx, "acronyms", None) if ctx is not None else None
    if not acronyms:
        return quotes
    out = []
    for q in quotes:
        hit = acronyms.get(q.speaker.removeprefix("the ").removeprefix("The "))
        if hit is not None and hit.name != q.speaker and q.speaker_kind != "anonymous":
            kind = q.speaker_kind if q.speaker_kind not in ("", "other") else hit.kind
            q = dataclasses.replace(q, speaker=hit.name, speaker_kind=kind)
        out.append(q)
    return out


def _expand_acronyms(quotes: list[Quote]) -> list[Quote]:
    """«WHO confirms …» in the headline, «The World Health Organization said …» in the body:
    an acronym speaker whose letters are the initials of exactly one other speaker's name in
    the article is that speaker."""
    acronyms = {
        q.speaker
        for q in quotes
        if 2 <= len(q.speaker) <= 6 and q.speaker.isalpha() and q.speaker.isupper()
    }
    if not acronyms:
        return quotes
    full: dict[str, dict[str, Quote]] = {}
    for q in quotes:
        if " " in q.speaker and q.speaker_kind != "anonymous":
            ini = _initials(q.speaker)
            if ini not in acronyms:
                # «the British military's United Kingdom Maritime Trade Operations center»:
                # the owner before a possessive is no part of the name the acronym spells.
                owned = _EN_POSSESSIVE_OWNER_RE.split(q.speaker)[-1]
                ini = _initials(owned) if owned != q.speaker else ini
            if ini in acronyms:
                full.setdefault(ini, {})[q.speaker] = q
    out = []
    for q in quotes:
        hit = full.get(q.speaker) if q.speaker in acronyms else None
        if hit and len(hit) == 1:
            (who,) = hit.values()
            q = dataclasses.replace(q, speaker=who.speaker, speaker_kind=who.speaker_kind)
        out.append(q)
    return out


def _given_names(quotes: list[Quote]) -> list[Quote]:
    """«Jane Roe said …» then «"…," Jane said»: a one-word person named by the given name of
    exactly one other person speaking in the article (and the surname of none) is that
    person. Players and coaches are often named so."""
    people = {
        q.speaker
        for q in quotes
        if q.speaker_kind not in ("anonymous", "media", "state", "organisation")
        and q.speaker[:1].isupper()
    }
    single = {p for p in people if " " not in p}
    if not single:
        return quotes
    full: dict[str, set[str]] = {}
    for p in people:
        words = p.split()
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            full.setdefault(words[0], set()).add(p)
            full.setdefault(words[-1], set()).add("")  # a surname blocks the given name
    out = []
    for q in quotes:
        hit = full.get(q.speaker) if q.speaker in single else None
        if hit and len(hit) == 1 and "" not in hit:
            (name,) = hit
            q = _as_spoken_by(q, name, quotes)
        out.append(q)
    return out


def _as_spoken_by(q: Quote, name: str, quotes: list[Quote]) -> Quote:
    """`q` given to the article's voice `name`: its kind, and its role and side where `q`
    has none."""
    holder = next(x for x in quotes if x.speaker == name)
    return dataclasses.replace(
        q,
        speaker=name,
        speaker_kind=holder.speaker_kind,
        role=q.role or holder.role,
        affiliation=q.affiliation or holder.affiliation,
    )


def _family_names(quotes: list[Quote]) -> list[Quote]:
    """«Chief Executive John Lee Ka-chiu said …» then «Lee said …»: a romanised given name of
    two syllables joined by a hyphen («Ka-chiu», «Ing-wen») comes after the family name, so a
    one-word speaker with that family name is the person (when exactly one person has it)."""
    owners: dict[str, set[str]] = {}
    for q in quotes:
        words = q.speaker.split()
        if (
            len(words) >= 3
            and q.speaker_kind not in ("anonymous", "media", "state", "organisation")
            and _EN_HYPHENATED_GIVEN_RE.match(words[-1])
        ):
            owners.setdefault(words[-2], set()).add(q.speaker)
    family: dict[str, set[str]] = {}
    for q in quotes:
        words = q.speaker.split()
        if 2 <= len(words) <= 4 and q.speaker_kind == "official" and q.role:
            family.setdefault(words[-1], set()).add(q.speaker)
    for q in quotes:
        words = q.speaker.split()
        if (
            len(words) == 2
            and 2 <= len(words[0]) <= 5
            and words[0].isupper()
            and words[0].isalpha()
            and len(family.get(words[1], ())) == 1
        ):
            # «Chief District Officer Jane Roe said …» then «…, said CDO Roe»: an
            # abbreviated title before the family name of the one titled person who has it.
            owners.setdefault(q.speaker, set()).update(family[words[1]])
    if not owners:
        return quotes
    out = []
    for q in quotes:
        hit = owners.get(q.speaker)
        if hit and len(hit) == 1:
            (name,) = hit
            q = _as_spoken_by(q, name, quotes)
        out.append(q)
    return out


# A romanised given name in two syllables joined by a hyphen, the second in lower case.
_EN_HYPHENATED_GIVEN_RE = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _capitals_as_countries(quotes: list[Quote]) -> list[Quote]:
    """«New Delhi confirms …» in a headline, «India said …» in the text: a capital speaking
    for the state is the state, when that country speaks in the same article (one voice
    named two ways). A capital alone keeps its name."""
    states = {q.speaker for q in quotes if q.speaker_kind == "state"}
    if len(states) < 2:
        return quotes
    country: dict[str, str] = {}
    for name in states:
        toks, _ = _tokens(name)
        side = _side_at(toks, 0) if toks else None
        if (
            side
            and side.type == "capital"
            and len(side.words) == len(toks)
            and side.side in states
            and side.side != name
        ):
            country[name] = side.side
    if not country:
        return quotes
    return [
        dataclasses.replace(q, speaker=country[q.speaker])
        if q.speaker_kind == "state" and q.speaker in country
        else q
        for q in quotes
    ]


def _capitals_common_nouns(quotes: list[Quote]) -> list[Quote]:
    """«OPPOSITION SAYS HUNDREDS KILLED»: in a line written all in capitals, a one-word subject
    the article writes in lower case elsewhere («the opposition's toll») is a common noun,
    not a name or an acronym."""
    caps = [
        q
        for q in quotes
        if q.speaker.isalpha()
        and len(q.speaker) >= 4
        and q.speaker.isupper()
        and q.sentence == q.sentence.upper()
    ]
    if not caps:
        return quotes
    other = " ".join({q.sentence for q in quotes if q.sentence != q.sentence.upper()})
    common = {
        q.speaker
        for q in caps
        if re.search(r"(?<![\w-])" + re.escape(q.speaker.lower()) + r"(?![\w-])", other)
    }
    if not common:
        return quotes
    out: list[Quote] = []
    for q in quotes:
        if q.speaker in common:
            # «the main opposition party FREDA said» elsewhere: the one named body whose
            # description holds the word is the voice; with none or several, no voice.
            word = q.speaker.lower()
            named = {
                h.speaker: h
                for h in quotes
                if h.role and word in h.role.lower().split() and h.speaker not in common
            }
            if len(named) != 1:
                continue
            (who,) = named.values()
            q = dataclasses.replace(
                q, speaker=who.speaker, speaker_kind=who.speaker_kind, role=who.role
            )
        out.append(q)
    return out


# A titled person the article names without a statement, as a holder of the title.
_EN_MENTION_QUOTE = Quote("", "", "", "", False, "", -1)


def finish_article(quotes: list[Quote], ctx: _Ctx | None = None) -> list[Quote]:
    """A definite title that speaks before the person holding it is named («…, the region's
    governor said.» … «The governor, Jane Roe, said …») is that person, when exactly one
    named person in the article carries a title with that head noun. Never a guess: with no
    or several such people the title stays unnamed."""
    quotes = _given_names(_resolve_leading_labels(_expand_acronyms(quotes)))
    quotes = _family_names(quotes)
    quotes = _learned_acronyms(quotes, ctx)
    quotes = _capitals_as_countries(quotes)
    quotes = _capitals_common_nouns(quotes)
    holders: dict[str, dict[str, Quote]] = {}
    for q in quotes:
        if q.speaker_kind in ("anonymous", "media") or not q.role or not q.speaker[:1].isupper():
            continue
        head = _title_head(q.role)
        if head:
            holders.setdefault(head, {})[q.speaker] = q
    mentioned: dict[str, dict[str, _NP]] = {}
    if ctx is not None and any(
        q.speaker_kind == "anonymous"
        and q.role
        and _definite_title(q)
        and sum(1 for v in holders.get(_title_head(q.role), {}).values() if _same_title(q.role, v))
        != 1
        for q in quotes
    ):
        # a definite title no speaker holds: look for the titled person among the mentions
        mctx = _Ctx()
        for paragraph in getattr(ctx, "paragraphs_read", None) or []:
            _en_titled_mentions(paragraph, mctx)
        mentioned = getattr(mctx, "titled_mentions", None) or {}
    for head, people in mentioned.items():
        # a titled person named without speaking holds the title too (by surname, so a
        # speaker named in full is not counted twice)
        have = holders.setdefault(head, {})
        surnames = {k.split()[-1] for k in have}
        for name, np in people.items():
            if name.split()[-1] not in surnames:
                have[name] = dataclasses.replace(
                    _EN_MENTION_QUOTE,
                    speaker=np.name,
                    speaker_kind=np.kind,
                    role=np.role,
                    affiliation=np.affiliation,
                )
    if not holders:
        return _named_next(quotes)
    out: list[Quote] = []
    for q in quotes:
        if q.speaker_kind == "anonymous" and q.role and _definite_title(q):
            named = holders.get(_title_head(q.role), {})
            named = {k: v for k, v in named.items() if _same_title(q.role, v)}
            if len(named) == 1:
                (who,) = named.values()
                q = dataclasses.replace(
                    q,
                    speaker=who.speaker,
                    speaker_kind=who.speaker_kind,
                    role=who.role,
                    affiliation=who.affiliation or q.affiliation,
                )
        out.append(q)
    return _named_next(out)


def _named_next(quotes: list[Quote]) -> list[Quote]:
    """«…, the regional governor said.» then, in the next paragraph, «"…," said Jane Roe»: a
    definite person's title that no named speaker holds, followed by a person named with no
    title of her own and no other named voice between, is that person (the lead's title,
    then the name)."""
    out = list(quotes)
    for a, q in enumerate(out):
        if not (
            q.speaker_kind == "anonymous"
            and q.role
            and q.role == q.speaker
            and q.speaker[:1].islower()
            and _definite_title(q)
        ):
            continue
        head = _title_head(q.role)
        if not any(r.type == "person" and r.words == (head,) for r in _EN_ROLES.get(head, ())):
            continue
        for b in range(a + 1, len(out)):
            nxt = out[b]
            if nxt.paragraph > q.paragraph + 1:
                break
            if nxt.speaker_kind in ("anonymous", "media") or nxt.speaker == q.speaker:
                continue
            if (
                nxt.paragraph == q.paragraph + 1
                and not nxt.role
                and nxt.speaker_kind == "other"
                and len(nxt.speaker.split()) >= 2
                and nxt.speaker[:1].isupper()
                and not _institution_name(nxt.speaker)
                # «said Tom Doe, a resident»: an apposition says who he is instead
                and not any(f"{nxt.speaker}, {d} " in nxt.sentence for d in ("a", "an", "the"))
            ):
                for c in range(a, b):
                    if out[c].speaker == q.speaker and out[c].paragraph == q.paragraph:
                        out[c] = dataclasses.replace(
                            out[c], speaker=nxt.speaker, speaker_kind="official"
                        )
                for c in range(b, len(out)):
                    if out[c].speaker == nxt.speaker and not out[c].role:
                        out[c] = dataclasses.replace(out[c], role=q.role, speaker_kind="official")
            break
    return out
