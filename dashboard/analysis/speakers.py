"""Who is quoted or cited in an article, how, and what kind of voice they are.

`attribute_quotes()` finds attributed statements (direct quotes and reported speech) with
rules and lexicons: there is no Arabic NER that works offline, so a speaker is the token span
in subject position of a reporting verb or after a source phrase, split into role and name
with the role/institution lexicons. Everything is regex/dict based and compiled at import.

Lexicons (in each language pack, dashboard/analysis/languages/<code>/): reporting_verbs.txt,
reporting_not_verbs.txt, source_phrases.txt, speaker_roles.txt, speaker_honorifics.txt,
speaker_documents.txt, speaker_statement_nouns.txt, affiliations.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat

from dashboard.analysis.languages import all_fields, all_lines, get_pack
from dashboard.analysis.textproc import (
    TOKEN_RE,
    clean_invisible,
    normalize,
    normalize_token,
    split_sentences,
    strip_diacritics,
)
from dashboard.model import Quote, Speaker

# ---------------------------------------------------------------------------------------------
# Lexicons, compiled once.


def _words(text: str) -> list[str]:
    return text.split()


# Matching form of one token. The cache is textproc's, shared with keywords and naming: this
# module runs first in parse_article, so the words it normalises are hits for them later.
_n = normalize_token


@lru_cache(maxsize=50_000)
def _nphrase(text: str) -> tuple[str, ...]:
    return tuple(_n(t) for t in TOKEN_RE.findall(text.replace("ـ", "")))


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    participle: bool
    feminine: bool
    complements: frozenset[str]  # extra complement prepositions (normalised)
    homograph: bool
    relay: bool = False  # «نقلت وكالة X عن مسؤول قوله إن ...»: X relays, the speaker follows عن


_AN_FORMS = frozenset(
    _n(w)
    for w in [
        "أن",
        "إن",
        "أنّ",
        "إنّ",
        "بأن",
        "بأنّ",
        "أنه",
        "إنه",
        "أنها",
        "إنها",
        "أنهم",
        "إنهم",
        "أننا",
        "إننا",
        "أنني",
        "إنني",
        "بأنه",
        "بأنها",
        "بأنهم",
        "بأننا",
        "لأن",
    ]
)


def _load_ar_verbs() -> dict[str, _Verb]:
    verbs: dict[str, _Verb] = {}
    for fields in get_pack("ar").fields("reporting_verbs.txt"):
        fields = tuple("" if f == "-" else f for f in fields) + ("",) * (5 - len(fields))
        lemma, finite, participles, compl, flags = fields[:5]
        complements = frozenset(_n(c) for c in compl.split())
        homograph = "homograph" in flags
        relay = "relay" in flags
        finite_forms = [lemma, *finite.split()]
        # Regular plurals: past + وا, present (ي...) + ون.
        plurals = [f + "وا" for f in finite_forms[:1]] + [
            f + "ون" for f in finite_forms if _n(f).startswith("ي")
        ]
        for form in finite_forms + plurals:
            nf = _n(form)
            fem = nf.startswith("ت") or (nf.endswith("ت") and not _n(lemma).endswith("ت"))
            verbs.setdefault(nf, _Verb(_n(lemma), False, fem, complements, homograph, relay))
        for form in participles.split():
            nf = _n(form)
            verbs.setdefault(
                nf, _Verb(_n(lemma), True, nf.endswith("ه"), complements, homograph, relay)
            )
    return verbs


_AR_VERBS = _load_ar_verbs()
_AR_NOT_VERBS = frozenset(_n(w) for w in get_pack("ar").lines("reporting_not_verbs.txt"))


@dataclass(frozen=True, slots=True)
class _Role:
    words: tuple[str, ...]
    kind: str
    type: str  # person / body / group
    weak: bool


def _load_roles(code: str, arabic: bool) -> dict[str, list[_Role]]:
    """First word -> role entries (longest first). Arabic entries also match with ال."""
    index: dict[str, list[_Role]] = {}
    for fields in get_pack(code).fields("speaker_roles.txt"):
        fields = fields + ("",) * (4 - len(fields))
        phrase, kind, typ, weak = fields[:4]
        words = _nphrase(phrase)
        variants = {words}
        if arabic and not words[0].startswith("ال"):
            variants.add(("ال" + words[0], *words[1:]))
        if arabic and words[0].startswith("ال"):
            variants.add((words[0][2:], *words[1:]))
        for v in variants:
            index.setdefault(v[0], []).append(_Role(v, kind, typ, weak == "weak"))
    for entries in index.values():
        entries.sort(key=lambda r: -len(r.words))
    return index


_AR_ROLES = _load_roles("ar", arabic=True)
_EN_ROLES = _load_roles("en", arabic=False)


@dataclass(frozen=True, slots=True)
class _Side:
    words: tuple[str, ...]
    side: str
    type: str  # adj / country / capital / body


def _load_sides() -> dict[str, list[_Side]]:
    index: dict[str, list[_Side]] = {}
    for fields in all_fields("affiliations.txt"):
        phrase, side = fields[0], fields[1]
        typ = fields[2] if len(fields) > 2 else "country"
        words = _nphrase(phrase)
        if not words:
            continue
        index.setdefault(words[0], []).append(_Side(words, side, typ))
    for entries in index.values():
        entries.sort(key=lambda s: -len(s.words))
    return index


_SIDES = _load_sides()
_DOCUMENTS = frozenset(w for line in all_lines("speaker_documents.txt") for w in _nphrase(line))
_STATEMENT_NOUNS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_statement_nouns.txt"))
_AR_ISSUED = frozenset(_n(w) for w in _words("صادر صادرة الصادر الصادرة"))
_HONORIFICS: list[tuple[tuple[str, ...], bool]] = sorted(
    (
        (_nphrase(f[0]), len(f) > 1 and f[1] == "if_name")
        for f in all_fields("speaker_honorifics.txt")
    ),
    key=lambda h: -len(h[0]),
)


_HONORIFIC_WORDS = frozenset(h for h, _ in _HONORIFICS if len(h) == 1)
# Only the entries starting with a segment's first word can match it; same order as above.
_HONORIFICS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _h in _HONORIFICS:
    _HONORIFICS_BY_FIRST.setdefault(_h[0][0], []).append(_h)
_HONORIFIC_WORDS_N = frozenset(h[0] for h in _HONORIFIC_WORDS)
# Name particles («فيصل بن فرحان آل سعود»، «أحمدو ولد الطالب»): they do not count towards the
# length limit of a name.
_AR_NAME_PARTICLES = frozenset(_n(w) for w in _words("بن بنت ابن آل ولد ولد أبو أبي بو عبد"))


def _load_en_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    finite, opinion, participle = set(), set(), set()
    for fields in get_pack("en").fields("reporting_verbs.txt"):
        form = fields[0].lower()
        flag = fields[1] if len(fields) > 1 else ""
        (participle if flag == "participle" else finite).add(form)
        if flag == "opinion":
            opinion.add(form)
    return frozenset(finite), frozenset(opinion), frozenset(participle)


_EN_VERBS, _EN_OPINION, _EN_PARTICIPLES = _load_en_verbs()

# Source phrases: tuple of words; a trailing "ل" means the next token carries لـ.
_AR_SOURCES: list[tuple[str, ...]] = []
for _f in get_pack("ar").fields("source_phrases.txt"):
    _AR_SOURCES.append(tuple(_n(w) for w in _f[0].split()))

_AR_SOURCE_FIRST = frozenset(p[0] for p in _AR_SOURCES)

# Function words that end a name or a subject span (normalised).
_AR_STOP = frozenset(
    _n(w)
    for w in [
        "في",
        "من",
        "إلى",
        "الى",
        "على",
        "عن",
        "مع",
        "خلال",
        "بعد",
        "قبل",
        "منذ",
        "حتى",
        "أثناء",
        "عبر",
        "لدى",
        "حول",
        "ضد",
        "بين",
        "نحو",
        "تجاه",
        "إزاء",
        "أن",
        "إن",
        "لأن",
        "بأن",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "اللواتي",
        "ما",
        "ماذا",
        "لا",
        "لم",
        "لن",
        "قد",
        "كان",
        "كانت",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هؤلاء",
        "هو",
        "هي",
        "هم",
        "هما",
        "نحن",
        "أنا",
        "و",
        "أو",
        "ثم",
        "لكن",
        "بل",
        "إذ",
        "حيث",
        "كما",
        "فيما",
        "بينما",
        "يوم",
        "أمس",
        "اليوم",
        "غدا",
        "الليلة",
        "صباح",
        "مساء",
        "ظهر",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الماضي",
        "المقبل",
        "الجاري",
        "الحالي",
        "مؤخرا",
        "سابقا",
        "لاحقا",
        "أيضا",
        "كذلك",
        "وكذلك",
        "بدوره",
        "بدورها",
        "بدورهم",
        "مجددا",
        "مرة",
        "ردا",
        "تعليقا",
        "جانبه",
        "جهته",
        "جانبها",
        "جهتها",
    ]
)
# Fillers dropped from the front of a subject span ("قال أيضًا الوزير").
_AR_FILLERS = frozenset(
    _n(w) for w in _words("أيضا كذلك بدوره بدورها بدورهم مجددا من جهته جانبه جهتها جانبها قد وقد")
)
_AR_PRONOUNS = frozenset(_n(w) for w in _words("هو هي هم هما"))
_AR_REL = frozenset(_n(w) for w in _words("الذي التي الذين اللذين اللتين اللواتي"))
_AR_CLAUSE = frozenset(
    _n(w) for w in _words("و إذ حيث كما فيما بينما لكن ثم بل وإذ وحيث وكما وفيما أن إن")
)
_AR_KANA = frozenset(_n(w) for w in _words("كان كانت وكان وكانت فكان قد وقد"))
# Nouns that introduce the channel of an interview («في حديث لوكالة ...»).
_AR_CHANNEL_HEADS = frozenset(
    _n(w)
    for w in [
        "حديث",
        "حديثه",
        "حديثها",
        "تصريح",
        "تصريحات",
        "تصريحه",
        "تصريحاته",
        "تصريحها",
        "تصريحاتها",
        "مقابلة",
        "مقابلته",
        "مقابلتها",
        "حوار",
        "حواره",
        "حوارها",
        "لقاء",
        "اتصال",
        "مداخلة",
        "مداخلته",
    ]
)
_AR_CHANNEL_MODIFIERS = frozenset(
    _n(w) for w in _words("خاص خاصة هاتفي صحفي صحفية صحافي صحافية تلفزيوني تلفزيونية إذاعي")
)
# After a preposition, these nouns start a circumstance («في بيان»، «في ختام»), not a role.
_AR_CIRCUMSTANCE = frozenset(
    _n(w)
    for w in [
        "بيان",
        "تصريح",
        "تصريحات",
        "مؤتمر",
        "كلمة",
        "كلمته",
        "مقابلة",
        "لقاء",
        "اتصال",
        "رسالة",
        "تغريدة",
        "منشور",
        "ختام",
        "سياق",
        "هذا",
        "ذلك",
        "وقت",
        "حديث",
        "إطار",
        "ضوء",
        "ظل",
        "معرض",
        "رد",
        "ردا",
        "تعليق",
        "حين",
        "أعقاب",
    ]
)
_AR_CIRCUMSTANCE_HEADS = _AR_CIRCUMSTANCE | _AR_CHANNEL_HEADS


def _strip_al(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


_QUOTE_OPEN = '«“"'
_QUOTE_RE = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_COMMA_RE = re.compile(r"[،,]")
_HARD_PUNCT = re.compile(r"[.;؛!?؟]")
_PUNCT_STRIP = " \t\n،,.:;؛-–—«»“”\"'()"


# ---------------------------------------------------------------------------------------------
# Tokens of one sentence.


@dataclass(slots=True)
class _Tok:
    surf: str
    norm: str
    start: int
    end: int
    gap: str  # raw text between the previous token and this one (punctuation lives here)
    quote: int  # index of the quote span the token is inside, -1 outside


# TOKEN_RE as one capturing group: re.split then yields gap, token, gap, token, ..., tail
# in C, which is markedly cheaper than a Python loop over finditer for every sentence.
# (TOKEN_RE itself must have no capturing group; tests compare with finditer.)
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})", TOKEN_RE.flags)


def _tokens(sentence: str) -> tuple[list[_Tok], list[tuple[int, int]]]:
    # Every quote span opens with one of these marks; most sentences have none, and three
    # substring tests are cheaper than starting the regex scan.
    if "«" in sentence or "“" in sentence or '"' in sentence:
        quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(sentence)]
    else:
        quotes = []
    parts = _TOKEN_SPLIT_RE.split(sentence)
    ends = list(accumulate(map(len, parts)))  # end offset of every gap and token
    surfs = parts[1::2]
    starts = ends[0:-1:2]
    if not quotes:
        inside = repeat(-1)
    else:
        # Quote index of every character strictly inside a quote span (after its opening
        # mark), then one C-level lookup per token start instead of a Python loop.
        span_of = [-1] * len(sentence)
        for qi, (a, b) in enumerate(quotes):
            span_of[a + 1 : b] = [qi] * (b - a - 1)
        inside = map(span_of.__getitem__, starts)
    toks = list(map(_Tok, surfs, map(_n, surfs), starts, ends[1::2], parts[0:-1:2], inside))
    return toks, quotes


def _quote_tokens(toks: list[_Tok], qi: int) -> int:
    return sum(1 for t in toks if t.quote == qi)


# ---------------------------------------------------------------------------------------------
# Speaker noun phrases.


@dataclass(slots=True)
class _NP:
    name: str = ""
    role: str = ""
    kind: str = "other"
    affiliation: str = ""
    body: bool = False  # the speaker is an institution / country / group, not a person
    known: bool = False  # resolved against an earlier mention


def _role_at(toks: list[_Tok], p: int, index: dict[str, list[_Role]], prep: bool = False):
    """Longest role entry starting at token p (optionally after a ب/ل prefix). `index` is
    _AR_ROLES or _EN_ROLES (the cached prefix readings are per lexicon)."""
    if p >= len(toks):
        return None
    first = toks[p].norm
    roles = _prep_roles(first, index is _EN_ROLES) if prep else index.get(first, ())
    for role in roles:
        n = len(role.words)
        if p + n <= len(toks) and all(toks[p + j].norm == role.words[j] for j in range(1, n)):
            return role
    return None


@lru_cache(maxsize=65536)
def _prep_roles(first: str, english: bool) -> tuple[_Role, ...]:
    """Role entries for a token read as is, then without a ب/ل prefix (the candidate order of
    _role_at). Cached: the same words are looked up again and again."""
    index = _EN_ROLES if english else _AR_ROLES
    return tuple(role for cand in [first, *_prefix_bases(first)] for role in index.get(cand, ()))


def _prefix_bases(norm: str) -> list[str]:
    """Readings of a token without a leading preposition/conjunction (لل -> ال)."""
    out = []
    if norm.startswith("لل") and len(norm) > 4:
        out.append("ال" + norm[2:])
    if len(norm) > 3 and norm[0] in "بلوفك":
        out.append(norm[1:])
    return out


def _side_at(toks: list[_Tok], p: int):
    if p >= len(toks):
        return None
    for side in _side_candidates(toks[p].norm):
        n = len(side.words)
        if p + n <= len(toks) and all(
            toks[p + j].norm == side.words[j]
            or (j == n - 1 and _strip_possessive(toks[p + j].norm) == side.words[j])
            for j in range(1, n)
        ):
            return side
    return None


def _strip_possessive(norm: str) -> str:
    """«south africa's» -> «africa»: an English country name in the possessive is still a side."""
    return norm[:-2] if norm.endswith(("'s", "’s")) else norm


@lru_cache(maxsize=65536)
def _side_candidates(norm: str) -> tuple[_Side, ...]:
    """Side entries a token can start, in the order _side_at tries them (cached: most tokens
    have none, and the same words recur)."""
    out = []
    cands = [norm, *_prefix_bases(norm), "ال" + norm]
    if norm.endswith(("'s", "’s")):
        cands.append(norm[:-2])
    for cand in cands:
        for side in _SIDES.get(cand, ()):
            if cand == "ال" + norm and side.type != "adj":
                continue  # «تركي» is the adjective «التركي» without the article; not a name
            out.append(side)
    return tuple(out)


def _affiliation(toks: list[_Tok], speaker_is_place: bool) -> str:
    for p in range(len(toks)):
        side = _side_at(toks, p)
        if side and (side.type != "capital" or speaker_is_place):
            return side.side
    return ""


def _kind_of(
    toks: list[_Tok], index: dict[str, list[_Role]], prefer_person: bool = False
) -> tuple[str, str]:
    """(kind, type) of the leftmost role noun; a weak noun yields to a later one. With a
    person's name following, a person title wins over an institution («NATO Secretary
    General Jens Stoltenberg» is an official, not the organisation)."""
    first_strong = first_any = person = None
    english = index is _EN_ROLES
    p = 0
    while p < len(toks):
        # A token that starts no role entry (most of them) needs no _role_at call.
        role = _role_at(toks, p, index, prep=True) if _prep_roles(toks[p].norm, english) else None
        if role:
            first_any = first_any or role
            if not role.weak and first_strong is None:
                first_strong = role
            if role.type == "person" and person is None:
                person = role
            p += len(role.words)
        else:
            p += 1
    found = person if prefer_person and person is not None else first_strong or first_any
    return (found.kind, found.type) if found else ("", "")


def _text(toks: list[_Tok], a: int, b: int, sentence: str) -> str:
    if a >= b:
        return ""
    text = sentence[toks[a].start : toks[b - 1].end].strip(_PUNCT_STRIP + "ـ")
    if toks[a].norm.startswith("ال") and text.startswith("ل") and not text.startswith("لل"):
        text = "ا" + text  # «للجيش» re-read as «الجيش» after a source phrase / statement noun
    return text


def _name_text(toks: list[_Tok], a: int, b: int, sentence: str) -> str:
    """A speaker string: original spelling without quote marks («قناة "العربية"»)."""
    text = " ".join(_QUOTE_CHARS_RE.sub(" ", _text(toks, a, b, sentence)).split())
    if text.count("(") > text.count(")"):
        text += ")"  # «وكالة الأنباء السورية (سانا)»: the bracket was cut with the punctuation
    return text


_QUOTE_CHARS_RE = re.compile(r"[«»“”\"]")


def _strip_honorifics(seg: list[_Tok]) -> list[_Tok]:
    changed = True
    while changed and seg:
        changed = False
        for words, if_name in _HONORIFICS_BY_FIRST.get(seg[0].norm, ()):
            n = len(words)
            if len(seg) > n and tuple(t.norm for t in seg[:n]) == words:
                nxt = seg[n].norm
                if if_name and (nxt.startswith("ال") or nxt in _AR_STOP or _prefix_bases(nxt)):
                    continue
                seg = seg[n:]
                changed = True
                break
    return seg


def _ar_name_like(t: _Tok) -> bool:
    n = t.norm
    # «علي» (the name) and «على» (on) share one normalised form; the spelling tells them apart.
    is_ali = n == "علي" and strip_diacritics(t.surf).endswith("ي")
    return (
        len(n) >= 2
        and (n not in _AR_STOP or is_ali)
        and n not in _AR_VERBS
        and not n.isdigit()
        and t.quote == -1
        and not n.startswith("لل")
    )


def _consume_ar_role(seg: list[_Tok], p: int, body: bool) -> int:
    """Extend a role/institution phrase from p: genitives, adjectives, prepositional phrases.

    Stops at the first token that can start a person's name (indefinite, not a lexicon word).
    For an institution, its proper name (قناة "العربية"، وكالة رويترز) belongs to the phrase.
    """
    n = len(seg)
    bare_after_body = 0
    start = p
    # An indefinite title noun is in construct state (إضافة): the next word is its genitive
    # and belongs to the role even when it is indefinite too («محافظ بنك الكويت»، «كبير أمناء
    # مجلس الوزراء»، «مسؤول أممي»). A name can only follow a definite word.
    construct = False
    while p < n:
        t = seg[p]
        if p > start and t.gap and _COMMA_RE.search(t.gap):
            break
        # The membership tests spare the calls for the many tokens that start no entry.
        role = _role_at(seg, p, _AR_ROLES) if t.norm in _AR_ROLES else None
        if role:
            p += len(role.words)
            construct = role.type == "person" and not seg[p - 1].norm.startswith("ال")
            continue
        side = _side_at(seg, p) if _side_candidates(t.norm) else None
        if side:
            p += len(side.words)
            construct = False
            continue
        if (
            construct
            and _ar_name_like(t)
            and t.norm not in _AR_CIRCUMSTANCE
            and t.norm not in _HONORIFIC_WORDS_N
        ):
            p += 1
            construct = not t.norm.startswith("ال")
            continue
        construct = False
        # «الأمين العام لمجلس التعاون»: لـ + an indefinite noun + a definite word is the
        # genitive of the title, not a name (names do not follow a title with لـ).
        if (
            p > start
            and t.norm[:1] == "ل"
            and not t.norm.startswith("لل")
            and len(t.norm) > 3
            and p + 1 < n
            and seg[p + 1].norm.startswith("ال")
            and not _COMMA_RE.search(seg[p + 1].gap)
            and t.norm[1:] not in _AR_CIRCUMSTANCE
        ):
            p += 1
            continue
        # «وزير الطاقة والبنية التحتية»: a coordinated definite noun continues the role.
        if p > start and t.norm.startswith("وال") and len(t.norm) > 4:
            p += 1
            continue
        if t.quote != -1:
            p += 1
            continue
        norm = t.norm
        if norm in _AR_STOP and norm not in ("في", "لدى"):
            break
        if norm in ("في", "لدى", "باسم"):
            nxt = seg[p + 1] if p + 1 < n else None
            if (
                nxt
                and nxt.norm not in _AR_CIRCUMSTANCE
                and (
                    nxt.norm.startswith("ال")
                    or _role_at(seg, p + 1, _AR_ROLES)
                    or _side_at(seg, p + 1)
                )
            ):
                p += 2 if nxt.norm.startswith("ال") else 1
                continue
            break
        if norm.startswith("ال") and norm not in _AR_STOP:
            p += 1
            continue
        bases = _prefix_bases(norm)
        if (
            bases
            and norm[0] in "بل"
            and (any(b.startswith("ال") for b in bases) or _role_at(seg, p, _AR_ROLES, prep=True))
        ):
            if bases[0] in _AR_CIRCUMSTANCE or (len(bases) > 1 and bases[1] in _AR_CIRCUMSTANCE):
                break
            p += 1
            continue
        if t.surf.isascii() and t.surf.isupper() and t.gap.strip().endswith("("):
            p += 1  # an acronym in brackets: «وكالة فرات للأنباء (ANF)»
            continue
        if body and bare_after_body < 3 and _ar_name_like(t):
            bare_after_body += 1
            p += 1
            continue
        break
    return p


def _ar_name_span(seg: list[_Tok], p: int) -> int:
    """End of a person name starting at p: 1-4 name-like tokens before a role word."""
    q = p
    particles = 0
    while q < len(seg) and q - p - particles < 4:
        t = seg[q]
        if q > p and t.norm in _AR_NAME_PARTICLES:
            particles += 1
        if q > p and t.gap and (_COMMA_RE.search(t.gap) or "(" in t.gap):
            break
        if not _ar_name_like(t) or _role_at(seg, q, _AR_ROLES):
            break
        if q > p and t.norm[0] == "و" and len(t.norm) > 3:
            break  # «موسكو وبيونغ يانغ»: a second, coordinated entity
        q += 1
    return q


def _parse_ar_np(seg: list[_Tok], sentence: str, strict: bool) -> _NP | None:
    """Role/name split of a subject phrase. None when it does not look like a speaker."""
    while seg and seg[0].norm in _AR_FILLERS:
        seg = seg[1:]
    seg = _strip_honorifics(seg)
    if not seg:
        return None
    first = seg[0]
    if first.norm in _AR_PRONOUNS:
        return None
    head = first.norm[2:] if first.norm.startswith("ال") else first.norm
    if head in _STATEMENT_NOUNS:
        return _statement_issuer(seg, sentence)
    role = _role_at(seg, 0, _AR_ROLES)
    side = _side_at(seg, 0)
    np = _NP()
    if role or (side and side.type in ("country", "capital", "body")):
        body = bool(role and role.type in ("body", "group")) or not role
        end = _consume_ar_role(seg, 0, body)
        # «مسؤول أممي، طلب عدم الكشف عن هويته»: after a comma comes a clause, not the name.
        after_comma = end < len(seg) and bool(_COMMA_RE.search(seg[end].gap))
        name_end = _ar_name_span(seg, end) if not body and not after_comma else end
        if name_end > end and not body:
            role_end = end
            while role_end > 1 and (seg[role_end - 1].norm,) in _HONORIFIC_WORDS:
                role_end -= 1  # «أستاذ العلاقات الدولية الدكتور طارق فهمي»: the title is no role
            np.role = _text(seg, 0, role_end, sentence)
            np.name = _name_text(seg, end, name_end, sentence)
        else:
            np.name = _name_text(seg, 0, end, sentence)
            np.role = np.name if role and role.type == "person" else ""
            np.body = True
        role_toks = seg[:end]
        kind, typ = _kind_of(role_toks, _AR_ROLES)
        if not role:  # a country or capital speaks: «أعلنت كوريا الجنوبية»
            kind, typ = "state", "body"
        np.kind = kind or "other"
        if np.body and typ == "person":
            np.body = False  # a bare role («الرئيس الروسي») is a person without a name
            # «مسؤول أمريكي»، «مصدر في الوزارة»: an indefinite bare role is an unnamed voice.
            if not role_toks[0].norm.startswith("ال") and (
                len(role_toks) == 1 or not role_toks[1].norm.startswith("ال")
            ):
                np.kind = "anonymous"
        if typ == "group":
            np.kind = "anonymous"
        np.affiliation = _affiliation(role_toks, speaker_is_place=not role)
        if (
            strict
            and name_end < len(seg)
            and seg[name_end].norm not in _AR_STOP
            and not (name_end > end and _role_at(seg, name_end, _AR_ROLES))
        ):
            # «موسكو وبيونغ يانغ»: more than one clean subject. A role after a full
            # «ROLE NAME» subject is the verb's object («طالب ... السفيرَ فلانًا بأن»).
            return None
        return np
    # Name first, role in apposition: «محمد العالم الكاتب الصحفي ...».
    end = _ar_name_span(seg, 0)
    if end == 0:
        return None
    if strict and first.norm.startswith("ال"):
        return None
    np.name = _name_text(seg, 0, end, sentence)
    if end < len(seg) and _role_at(seg, end, _AR_ROLES):
        r_end = _consume_ar_role(seg, end, False)
        role_toks = seg[end:r_end]
        np.role = _text(seg, end, r_end, sentence)
        kind, _typ = _kind_of(role_toks, _AR_ROLES)
        np.kind = kind or "other"
        np.affiliation = _affiliation(role_toks, speaker_is_place=False)
    elif end < len(seg) and strict and seg[end].norm not in _AR_STOP:
        return None  # unknown words run on: not a clean subject
    return np


def _statement_issuer(seg: list[_Tok], sentence: str) -> _NP | None:
    """Issuer of «بيان صادر عن وزارة الدفاع»، «بيان لوزارة الدفاع»، «بيان الوزارة»."""
    p = 1
    while p < len(seg) and (seg[p].norm in _AR_ISSUED or seg[p].norm in ("عن", "من")):
        p += 1
    if p >= len(seg):
        return None
    rest = seg[p:]
    nt = rest[0].norm
    if p == 1 and nt.startswith("ل") and not nt.startswith("ال"):
        base = "ال" + nt[2:] if nt.startswith("لل") else nt[1:]
        lam = 1
        rest = [_Tok(rest[0].surf[lam:], base, rest[0].start + lam, rest[0].end, "", -1), *rest[1:]]
    np = _parse_ar_np(rest, sentence, strict=True)
    return np if np is not None and (np.body or np.role or np.kind != "other") else None


def _split_commas(seg: list[_Tok]) -> list[list[_Tok]]:
    parts: list[list[_Tok]] = [[]]
    for t in seg:
        if parts[-1] and _COMMA_RE.search(t.gap):
            parts.append([])
        parts[-1].append(t)
    return [p for p in parts if p]


def _find_channel(seg: list[_Tok], sentence: str) -> tuple[str, int, int]:
    """(channel, start, end) of the outlet an interview was given to, else ('', -1, -1).

    «في حديث لوكالة ...»، «خلال اتصال هاتفي مع قناة ...»، and directly after the speaker
    «قال ... لـ«الشرق الأوسط»» or «قال ... لوكالة رويترز».
    """
    for p, t in enumerate(seg):
        if t.norm in _AR_CHANNEL_HEADS:
            q = p + 1
            while q < len(seg) and (seg[q].norm in _AR_CHANNEL_MODIFIERS or seg[q].norm == "مع"):
                q += 1
            if q >= len(seg):
                return "", -1, -1
            start = p - 1 if p > 0 and seg[p - 1].norm in ("في", "خلال", "وفي", "عبر") else p
            if q > p + 1 and seg[q - 1].norm == "مع":
                return _channel_span(seg, q, 0, start, sentence)
            if seg[q].norm == "ل" and q + 1 < len(seg):
                return _channel_span(seg, q + 1, 0, start, sentence)
            if seg[q].norm.startswith("ل") and len(seg[q].norm) > 2:
                return _channel_span(seg, q, 1, start, sentence)
            return "", -1, -1
        if p == 0:
            continue
        if t.norm == "ل" and p + 1 < len(seg) and seg[p + 1].quote != -1:
            return _channel_span(seg, p + 1, 0, p, sentence)
        if t.norm.startswith("ل") and not t.norm.startswith("لل") and t.quote == -1:
            role = _role_at(seg, p, _AR_ROLES, prep=True)
            if role and role.kind == "media" and role.type == "body":
                return _channel_span(seg, p, 1, p, sentence)
    return "", -1, -1


def _channel_span(seg, q, offset, start, sentence) -> tuple[str, int, int]:
    target = seg[q]
    end = q + 1
    while end < len(seg) and not (seg[end].gap and _COMMA_RE.search(seg[end].gap)):
        if seg[end].norm in _AR_AN_OR_STOP:
            break
        end += 1
    chan = sentence[target.start + offset : seg[end - 1].end].lstrip("ـ")
    if target.norm.startswith("لل") and offset:
        chan = "ا" + chan  # «للأنباء»: keep the article
    if sentence[seg[end - 1].end : seg[end - 1].end + 1] == ")":
        chan += ")"
    chan = " ".join(_QUOTE_CHARS_RE.sub(" ", chan).split())
    return chan, start, end


_AR_AN_OR_STOP = _AN_FORMS | frozenset({"في", "خلال", "الي", "عن"})


# ---------------------------------------------------------------------------------------------
# Article context: who has spoken, and aliases (role -> name, surname -> full name).


_EN_ARTICLE_WORDS = frozenset({"the", "a", "an"})


@lru_cache(maxsize=65536)
def _role_core(role: str) -> frozenset[str]:
    """Content words of a role without side words and articles («الزعيم الكوري الشمالي» ->
    {زعيم}; "the South Korean president" -> {president}): what two wordings of one title share."""
    toks = [_Tok(w, w, 0, 0, "", -1) for w in _nphrase(role) if w not in _EN_ARTICLE_WORDS]
    out: set[str] = set()
    p = 0
    while p < len(toks):
        side = _side_at(toks, p)
        if side:
            p += len(side.words)
            continue
        out.add(_strip_al(toks[p].norm))
        p += 1
    return frozenset(out)


@dataclass
class _Ctx:
    last: _NP | None = None
    by_surname: dict[str, _NP] = field(default_factory=dict)
    by_role: dict[str, _NP] = field(default_factory=dict)
    # Institutions that spoke, by head noun («وزارة»، "ministry"): «قالت الوزارة» is the last one.
    by_body_head: dict[str, _NP] = field(default_factory=dict)

    def learn(self, np: _NP) -> None:
        if np.body and np.name:
            toks = _nphrase(np.name)
            if len(toks) >= 2:
                for head in {_strip_al(toks[0]), toks[-1]}:
                    self.by_body_head[head] = np
            return
        if np.name and not np.body and np.kind != "anonymous":
            toks = _nphrase(np.name)
            if len(toks) >= 2 and toks != _nphrase(np.role):
                for k in (1, 2):
                    if len(toks) > k:
                        self.by_surname[" ".join(toks[-k:])] = np
                self.by_surname[" ".join(toks)] = np
                if np.role:
                    self.by_role[" ".join(_nphrase(np.role))] = np

    def _by_title(self, np: _NP) -> _NP | None:
        """The one named person whose title contains this bare title's words and whose side
        does not contradict it («الزعيم الكوري الشمالي» -> «زعيم كوريا الشمالية كيم ...»;
        «أستاذ العلوم السياسية» -> «... أستاذ العلوم السياسية في جامعة القاهرة»). None when
        no or several people fit: a title is never guessed."""
        core = _role_core(np.role)
        if not core:
            return None
        found: dict[str, _NP] = {}
        for known in self.by_role.values():
            if np.affiliation and known.affiliation and np.affiliation != known.affiliation:
                continue
            if core <= _role_core(known.role):
                found[known.name] = known
        return next(iter(found.values())) if len(found) == 1 else None

    def resolve(self, np: _NP) -> _NP:
        key = " ".join(_nphrase(np.name))
        if np.body and np.name and len(key.split()) == 1:
            # «وقالت الوزارة»: a definite bare institution noun is the last one of its kind.
            hit = self.by_body_head.get(_strip_al(key))
            definite = key.startswith("ال") or key in self.by_body_head
            if hit and definite and _nphrase(hit.name) != _nphrase(np.name):
                return _NP(hit.name, hit.role, hit.kind, hit.affiliation, True, True)
            return np
        if np.role == np.name and np.role:  # bare role: «الرئيس الروسي»
            if np.kind == "anonymous":
                return np  # «مسؤول أممي»: an unnamed voice is never a named person
            hit = self.by_role.get(key) or self._by_title(np)
            if hit:
                return _NP(
                    hit.name, hit.role, hit.kind, hit.affiliation or np.affiliation, False, True
                )
            return np
        hit = self.by_surname.get(key)
        if hit and hit.name != np.name or (hit and not np.role):
            return _NP(
                hit.name,
                np.role or hit.role,
                np.kind if np.role else hit.kind,
                np.affiliation or hit.affiliation,
                False,
                True,
            )
        return np


_AR_PERSON_HEADS = frozenset(
    h for k, v in _AR_ROLES.items() if v[0].type == "person" for h in (k, "و" + k)
)


def _ar_mentions(toks: list[_Tok], sentence: str, ctx: _Ctx) -> list[tuple[int, _NP]]:
    """Person mentions «ROLE NAME» anywhere in a sentence (teaches aliases, anchors pronouns)."""
    out: list[tuple[int, _NP]] = []
    surnames = ctx.by_surname  # the live dict: a mention can teach a surname used later on
    resume = 0  # tokens before this belong to a mention already read
    for p, t in enumerate(toks):
        # Only a person's title (maybe after و) or a known surname starts a mention: skip the
        # other tokens before any further work.
        if p < resume or (t.norm not in _AR_PERSON_HEADS and t.norm not in surnames):
            continue
        base = t.norm[1:] if t.norm[:1] == "و" and len(t.norm) > 3 else t.norm
        role = _AR_ROLES.get(base)
        if role and p > 0 and _strip_al(toks[p - 1].norm) in _AR_CIRCUMSTANCE_HEADS:
            role = None  # «مؤتمر صحفي»، «بيان صحفي»: an adjective, not a journalist
        if t.quote == -1 and role and role[0].type == "person":
            sub = toks[p:]
            if base != t.norm:
                sub = [_Tok(t.surf[1:], base, t.start + 1, t.end, t.gap, -1), *toks[p + 1 :]]
            end = _consume_ar_role(sub, 0, False)
            after_comma = end < len(sub) and bool(_COMMA_RE.search(sub[end].gap))
            name_end = end if after_comma else _ar_name_span(sub, end)
            if (
                end < len(sub)
                and name_end > end
                and not sub[end].norm.startswith("ال")
                and not (sub[end].norm[0] in "يت" and len(sub[end].norm) >= 4)
            ):
                # Outside subject position a word after a role may be a verb («الرئيس يمضي»):
                # imperfect-looking words (ي/ت...) are not taken as names here.
                np = _NP(_name_text(sub, end, name_end, sentence), _text(sub, 0, end, sentence))
                np.kind = _kind_of(sub[:end], _AR_ROLES)[0] or "other"
                np.affiliation = _affiliation(sub[:end], False)
                ctx.learn(np)
                out.append((p, np))
            elif end > 0:
                np = ctx.resolve(_NP(_text(sub, 0, end, sentence), _text(sub, 0, end, sentence)))
                np.kind = np.kind if np.known else (_kind_of(sub[:end], _AR_ROLES)[0] or "other")
                out.append((p, np))
            resume = p + max(end, 1)
            continue
        if t.quote == -1 and t.norm in ctx.by_surname:
            out.append((p, ctx.by_surname[t.norm]))
    return out


# ---------------------------------------------------------------------------------------------
# Arabic attribution.


@dataclass(slots=True)
class _Hit:
    np: _NP | None  # None: pronoun-dropped subject, resolved later
    verb: str
    content_start: int  # token index where the attributed content starts
    direct_quote: int  # quote span index when the content is a direct quote, else -1
    channel: str
    trigger: int  # token index of the verb / source phrase
    participle: bool = False
    text_override: str = ""


def _ar_verb(toks: list[_Tok], i: int) -> _Verb | None:
    t = toks[i]
    if t.norm in _AR_NOT_VERBS:
        return None
    v = _AR_VERBS.get(t.norm)
    if v is None and len(t.norm) > 3 and t.norm[0] in "وف":
        v = _AR_VERBS.get(t.norm[1:])
        # A conjunction-prefixed short verb must open a clause: «فرات» after «وكالة» is a
        # name, not ف + رأت; «وبين» after a noun is "and between".
        if v is not None and t.norm[0] == "ف" and not _clause_initial(toks, i):
            return None
    # A homograph (بين، ذكر، تابع ...) is a verb only when it opens a clause: «الاتفاق بين
    # موسكو وبكين أن» is the preposition.
    # «... السفيرَ وطالبت بـ»: و + a feminine past form («طالبت»، «ذكرت») is a verb coordinated
    # with the clause before, not a noun; the bare «وطالب»، «وبين» stay nouns.
    if (
        v is not None
        and v.homograph
        and not _clause_initial(toks, i)
        and not (v is not _AR_VERBS.get(t.norm) and t.norm[0] == "و" and t.norm[-1] == "ت")
    ):
        return None
    return v


def _clause_initial(toks: list[_Tok], i: int) -> bool:
    if i == 0 or _COMMA_RE.search(toks[i].gap) or _HARD_PUNCT.search(toks[i].gap):
        return True
    return toks[i - 1].norm in _AR_KANA or toks[i - 1].norm in _AR_CLAUSE


def _opening_quote(toks: list[_Tok], k: int, quotes_len: dict[int, int]) -> bool:
    t = toks[k]
    return t.quote != -1 and (k == 0 or toks[k - 1].quote != t.quote) and quotes_len[t.quote] >= 3


def _find_ar_complement(toks, i, verb, quotes_len):
    """(index where the content starts, direct-quote span or -1, end of subject) or None."""
    window = 7 if verb.homograph else 24
    if verb.participle:
        window = 6
    n = len(toks)
    commas = 0
    for k in range(i + 1, min(n, i + 1 + window)):
        t = toks[k]
        gap = t.gap
        # A lone space, the gap before most tokens, holds no punctuation: skip the searches.
        if gap != " ":
            if _HARD_PUNCT.search(gap):
                return None
            if ":" in gap:
                return (k, t.quote if _opening_quote(toks, k, quotes_len) else -1, k)
        if t.quote != -1:
            if _opening_quote(toks, k, quotes_len):
                return (k, t.quote, k)
            continue
        if gap != " " and _COMMA_RE.search(gap):
            commas += 1
            if commas > 3:
                return None
        norm = t.norm
        if norm in _AN_FORMS:
            return (
                (k + 1, -1, k)
                if norm.startswith(("ان", "بان", "لان")) and len(norm) <= 4
                else (k, -1, k)
            )
        if norm in ("الي", "الى") and ("الي" in verb.complements or "الى" in verb.complements):
            if k + 1 < n and toks[k + 1].norm in _AN_FORMS:
                return (k + 2, -1, k)
            return (k + 1, -1, k)
        if "ب" in verb.complements and norm[:1] == "ب" and len(norm) >= 4:
            return (k, -1, k)  # «طالب بتوضيحات»: the demand is the prepositional phrase
        if norm in verb.complements or (norm == "عما" and "عن" in verb.complements):
            if norm != "عما" and k + 1 < n and toks[k + 1].norm in _AN_FORMS:
                return (k + 2, -1, k)  # «حذر من أن»، «شدد على أن»
            return (k + 1 if norm != "عما" else k, -1, k)
        if norm in _AR_REL:
            return None
        if k > i + 1 and (v2 := _ar_verb(toks, k)) is not None and not v2.participle:
            return None
    return None


def _ar_source_np(toks, p, sentence, ctx) -> tuple[_NP | None, int]:
    """Speaker after a source phrase starting at token p; (np, end index)."""
    n = len(toks)
    end = p
    while end < n and not (
        end > p and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
    ):
        if toks[end].norm in _AN_FORMS:
            break
        end += 1
    seg = toks[p:end]
    if not seg:
        return None, end
    head = seg[0].norm
    if head in _DOCUMENTS or (head.startswith("ال") and head[2:] in _DOCUMENTS):
        return None, end
    np = _parse_ar_np(seg, sentence, strict=True)
    if np is None:
        return None, end
    return ctx.resolve(np), end


def _ar_sentence(sentence: str, para: int, ctx: _Ctx, has_role: bool = True) -> list[Quote]:
    toks, quotes = _tokens(sentence)
    if not toks:
        return []
    quotes_len: dict[int, int] = {}
    if quotes:  # most sentences have none: no need to look at every token
        for t in toks:
            if t.quote != -1:
                quotes_len[t.quote] = quotes_len.get(t.quote, 0) + 1
    # Person mentions anchor dropped subjects; without a title word only surnames can match.
    mentions = _ar_mentions(toks, sentence, ctx) if has_role or ctx.by_surname else []
    hits: list[_Hit] = []
    n = len(toks)
    # Only a reporting verb or a source phrase's first word (alone or after و/ف) outside a
    # quote can start an attribution: visit just those tokens, left to right, skipping the
    # ones inside an attribution already found.
    candidates = [i for i, t in enumerate(toks) if t.norm in _AR_TRIGGER_FORMS and t.quote == -1]
    resume = 0
    for i in candidates:
        if i < resume:
            continue
        hit = _ar_source_hit(toks, i, sentence, ctx)
        if hit is None:
            hit = _ar_verb_hit(toks, i, sentence, ctx, quotes_len, mentions, hits)
        if hit is not None:
            hits.append(hit)
            resume = max(i + 1, hit.content_start)
    out: list[Quote] = []
    for h_idx, h in enumerate(hits):
        np = h.np
        if np is None:
            continue
        if h.text_override:
            text = h.text_override
        elif h.direct_quote != -1:
            qs, qe = quotes[h.direct_quote]
            text = sentence[qs + 1 : qe - 1].strip()
        else:
            stop = hits[h_idx + 1].trigger if h_idx + 1 < len(hits) else n
            text = _text(toks, h.content_start, stop, sentence) if h.content_start < stop else ""
        if not text:
            continue
        out.append(
            Quote(
                speaker=np.name,
                speaker_kind=np.kind,
                role=np.role,
                verb=toks[h.trigger].surf if h.verb == "" else h.verb,
                direct=h.direct_quote != -1,
                text=text,
                paragraph=para,
                sentence=sentence,
                affiliation=np.affiliation,
                channel=h.channel,
            )
        )
    return out


_AR_TRIGGER_FORMS = frozenset(
    w for h in frozenset(_AR_VERBS) | _AR_SOURCE_FIRST for w in (h, "و" + h, "ف" + h)
)


def _ar_source_hit(toks, i, sentence, ctx) -> _Hit | None:
    first = toks[i].norm
    if first not in _AR_SOURCE_FIRST and first[1:] not in _AR_SOURCE_FIRST:
        return None
    n = len(toks)
    for phrase in _AR_SOURCES:
        needs_lam = phrase[-1] == "ل"
        words = phrase[:-1] if needs_lam else phrase
        m = len(words)
        if i + m > n:
            continue
        first = toks[i].norm
        if first != words[0] and not (first[:1] == "و" and first[1:] == words[0]):
            continue
        if any(toks[i + j].norm != words[j] for j in range(1, m)):
            continue
        p = i + m
        if p >= n or toks[p].quote != -1 and not needs_lam:
            return None
        verb_text = _text(toks, i, p, sentence)
        nxt = toks[p].norm
        if needs_lam:
            if nxt in ("ل", "لـ"):
                p += 1
            elif nxt.startswith("ل") and len(nxt) > 2:
                # Re-read the token without its لـ («لقناة» -> «قناة», «للخبير» -> «الخبير»).
                base = "ال" + nxt[2:] if nxt.startswith("لل") else nxt[1:]
                lam = 1 if toks[p].surf[1:2] != "ـ" else 2
                toks = toks[:p] + [
                    _Tok(
                        toks[p].surf[lam:], base, toks[p].start + lam, toks[p].end, toks[p].gap, -1
                    ),
                    *toks[p + 1 :],
                ]
            else:
                return None
            if p < n and toks[p].norm in ("ما", "لما"):
                return _ar_source_verb(toks, p + 1, i, verb_text, sentence, ctx)
        elif nxt == "ما":
            return _ar_source_verb(toks, p + 1, i, verb_text, sentence, ctx)
        np, end = _ar_source_np(toks, p, sentence, ctx)
        if np is None:
            return None
        rest = _strip_span(sentence, toks[i].start, toks[end - 1].end)
        return _Hit(np, verb_text, end, -1, "", i, text_override=rest)
    return None


def _ar_source_verb(toks, p, i, verb_text, sentence, ctx) -> _Hit | None:
    """«وفقًا لما ذكرته وكالة ...»، «بحسب ما نقلت X عن Y»: the speaker follows the verb."""
    if p >= len(toks):
        return None
    norm = toks[p].norm
    base = norm[:-1] if norm.endswith("ه") else norm[:-2] if norm.endswith("ها") else norm
    if (
        norm not in _AR_VERBS
        and base not in _AR_VERBS
        and norm not in ("نقل", "نقلت", "نقلته", "نشرت", "نشرته")
    ):
        return None
    np, end = _ar_source_np(toks, p + 1, sentence, ctx)
    channel = ""
    for k in range(p + 1, end):
        if toks[k].norm in ("عن",) and k > p + 1:
            inner, _e = _ar_source_np(toks, k + 1, sentence, ctx)
            if inner:
                outer, _ = _ar_source_np(toks[:k], p + 1, sentence, ctx)
                channel = outer.name if outer else ""
                np = inner
            break
    if np is None:
        return None
    rest = _strip_span(sentence, toks[i].start, toks[end - 1].end)
    return _Hit(np, f"{verb_text} {toks[p].surf}", end, -1, channel, i, text_override=rest)


def _strip_span(sentence: str, a: int, b: int) -> str:
    """The sentence without the source phrase; a leading «فإن» of the main clause goes too."""
    text = (sentence[:a].strip(_PUNCT_STRIP) + " " + sentence[b:].strip(_PUNCT_STRIP)).strip()
    return _LEADING_FAINNA.sub("", text)


_LEADING_FAINNA = re.compile(r"^(?:فإن|فإنّ|فان)\s+")


def _ar_verb_hit(toks, i, sentence, ctx, quotes_len, mentions, hits) -> _Hit | None:
    t = toks[i]
    verb = _ar_verb(toks, i)
    if verb is None:
        return None
    if verb.relay:
        return _ar_relay_hit(toks, i, verb, sentence, ctx, quotes_len)
    comp = _find_ar_complement(toks, i, verb, quotes_len)
    if comp is None:
        # «"..."، قال فلان»: the quote comes first.
        if (
            not verb.participle
            and i > 0
            and toks[i - 1].quote != -1
            and quotes_len[toks[i - 1].quote] >= 3
        ):
            end = i + 1
            while (
                end < len(toks)
                and not _HARD_PUNCT.search(toks[end].gap)
                and not _COMMA_RE.search(toks[end].gap)
            ):
                end += 1
            np = _parse_ar_np(toks[i + 1 : end], sentence, strict=False)
            np = ctx.resolve(np) if np else _pronoun_np(toks, i, ctx, mentions, hits)
            if np:
                ctx.learn(np)
                ctx.last = np
                return _Hit(np, t.surf, end, toks[i - 1].quote, "", i)
        return None
    content, direct, subj_end = comp
    span = toks[i + 1 : subj_end]
    channel, cs, ce = _find_channel(span, sentence)
    if cs != -1:
        span = span[:cs] + span[ce:]
    np = None
    if not verb.participle and span:
        parts = _split_commas(span)
        core = parts[0]
        np = None
        # «وصف الوزير الاتفاقَ بأنه»: the verb's object sits between subject and بأن.
        if (
            verb.lemma == _DESCRIBE
            and t.norm.endswith(_DESCRIBE_BARE)
            and len(core) > 1
            and core[-1].norm.startswith("ال")
            and not _side_at(core, len(core) - 1)
        ):
            np = _parse_ar_np(core[:-1], sentence, strict=True)
        if np is None:
            np = _parse_ar_np(core, sentence, strict=verb.homograph)
        lead = next((x.norm for x in core if x.norm not in _AR_FILLERS), "")
        if np is None and lead and lead not in _AR_STOP:
            return None  # a subject is there but is not a speaker («أكد البيان أن»)
        if verb.homograph and (np is None or not (np.role or np.body or _is_known(np, ctx))):
            # «بين»، «ذكر»، «تابع» ... with a bare unknown noun after them are not speech.
            return None
        if np is not None:
            for extra in parts[1:]:
                ex = _strip_honorifics([x for x in extra if x.norm not in _AR_FILLERS])
                if ex and not np.role and _role_at(ex, 0, _AR_ROLES):
                    r_end = _consume_ar_role(ex, 0, False)
                    np.role = _text(ex, 0, r_end, sentence)
                    kind, _typ = _kind_of(ex[:r_end], _AR_ROLES)
                    np.kind = kind or np.kind
                    np.affiliation = np.affiliation or _affiliation(ex[:r_end], False)
            np = ctx.resolve(np)
    elif verb.homograph and span and not verb.participle:
        return None
    if np is None and not verb.participle and not span and _coordinated(toks, i):
        # «قال فلان إن ... وأكد أن»، «استدعت الوزارة السفير وطالبت بـ»: the second verb of a
        # coordination shares the first verb's subject; a separate statement all the same.
        np = next((h.np for h in reversed(hits) if h.np is not None), None)
        if np is None:
            np = _vso_subject(toks, i, sentence, ctx)
    if np is None and not verb.participle:
        np = _sv_subject(toks, i, sentence, ctx)
    if np is None:
        np = _pronoun_np(toks, i, ctx, mentions, hits)
    if np is None:
        return None
    ctx.learn(np)
    ctx.last = np
    return _Hit(np, t.surf, content, direct, channel, i, participle=verb.participle)


_DESCRIBE = _n("وصف")
# Forms without an object pronoun («وصفها» carries its object): an object noun may follow.
_DESCRIBE_BARE = tuple(_n(w) for w in ("وصف", "وصفت", "يصف", "تصف"))


def _coordinated(toks: list[_Tok], i: int) -> bool:
    """A و-prefixed verb in mid-clause (no punctuation before it): «... وأكد أن»."""
    t = toks[i]
    return (
        i > 0
        and t.norm[:1] == "و"
        and t.norm not in _AR_VERBS
        and t.gap == " "
        and toks[i - 1].quote == -1
    )


def _vso_subject(toks, i, sentence, ctx) -> _NP | None:
    """Subject of the sentence-opening verb in «VERB SUBJECT OBJECT وVERB2»: the subject ends at
    its nationality adjective when a definite object follows («وزارة الخارجية الأردنية»)."""
    f = 0
    while f < i and toks[f].norm in _AR_FILLERS:
        f += 1
    if f + 2 > i or toks[f].norm in _AR_STOP or toks[f].quote != -1:
        return None
    seg = toks[f + 1 : i]
    if any(x.gap != " " for x in seg):
        return None  # punctuation inside: not one clause
    for p in range(1, len(seg) - 1):
        side = _side_at(seg, p)
        if side and side.type == "adj" and seg[p + 1].norm.startswith("ال"):
            np = _parse_ar_np(seg[: p + len(side.words)], sentence, strict=True)
            return ctx.resolve(np) if np and (np.role or np.body) else None
    return None


def _ar_relay_hit(toks, i, verb, sentence, ctx, quotes_len) -> _Hit | None:
    """«ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن ...»: speaker after عن, relay = channel."""
    n = len(toks)
    k = next((j for j in range(i + 1, min(n, i + 9)) if toks[j].norm == "عن"), -1)
    if k == -1 or any(_HARD_PUNCT.search(toks[j].gap) for j in range(i + 1, k + 1)):
        return None
    relay = _parse_ar_np(toks[i + 1 : k], sentence, strict=True) if k > i + 1 else None
    m = k + 1
    while m < n and m - k <= 10:
        t = toks[m]
        if (
            t.norm.startswith(_AR_SAYING_NOUNS)
            or t.norm in _AN_FORMS
            or ":" in t.gap
            or _COMMA_RE.search(t.gap)
            or _HARD_PUNCT.search(t.gap)
            or _opening_quote(toks, m, quotes_len)
        ):
            break
        m += 1
    np = _parse_ar_np(toks[k + 1 : m], sentence, strict=False)
    if np is None or m >= n:
        return None
    c = m + 1 if toks[m].norm.startswith(_AR_SAYING_NOUNS) else m
    if c >= n:
        return None
    direct = toks[c].quote if _opening_quote(toks, c, quotes_len) else -1
    if direct == -1 and toks[c].norm in _AN_FORMS:
        c += 1
    elif direct == -1 and ":" not in toks[c].gap and c == m:
        return None
    np = ctx.resolve(np)
    ctx.learn(np)
    ctx.last = np
    return _Hit(np, toks[i].surf, c, direct, relay.name if relay else "", i)


# «قوله»، «قولها»، «تأكيده» ...: the noun that carries the relayed statement.
_AR_SAYING_NOUNS = tuple(_n(w) for w in ("قول", "تأكيد", "تصريح", "إشارت", "اعتبار"))


def _is_known(np: _NP, ctx: _Ctx) -> bool:
    return " ".join(_nphrase(np.name)) in ctx.by_surname


def _sv_subject(toks, i, sentence, ctx) -> _NP | None:
    """Subject before the verb: «وزير الخارجية أكد أن»، «وكان الوزير قد قال إن»."""
    j = i
    while j > 0 and toks[j - 1].norm in _AR_KANA:
        j -= 1
    start = j
    while start > 0 and j - start < 9:
        prev = toks[start - 1]
        if prev.quote != -1 or prev.norm in _AR_CLAUSE or prev.norm in _AR_KANA:
            break
        if _COMMA_RE.search(toks[start].gap) or _HARD_PUNCT.search(toks[start].gap):
            break
        start -= 1
    if start == j:
        return None
    seg = [x for x in toks[start:j] if x.norm not in _AR_KANA]
    if (
        not seg
        or start > 0
        and not (
            toks[start - 1].norm in _AR_CLAUSE
            or toks[start - 1].norm in _AR_KANA
            or _COMMA_RE.search(toks[start].gap)
        )
    ):
        return None
    head = seg[0].norm
    if head[:1] == "و" and len(head) > 3 and not _role_at(seg, 0, _AR_ROLES):
        base = head[1:]
        probe = [_Tok(seg[0].surf[1:], base, seg[0].start + 1, seg[0].end, "", -1), *seg[1:]]
        if (
            base.startswith("ال")
            or _role_at(probe, 0, _AR_ROLES)
            or _side_at(probe, 0)
            or base in ctx.by_surname
        ):
            seg = probe
    np = _parse_ar_np(seg, sentence, strict=True)
    if np is None:
        return None
    # The whole pre-verb segment must be the subject, not a clause that merely ends in a noun.
    return ctx.resolve(np)


def _pronoun_np(toks, i, ctx, mentions, hits) -> _NP | None:
    """A dropped subject: the speaker of this sentence's previous attribution, else the nearest
    person mentioned earlier in the sentence (for a mid-sentence verb), else the last speaker."""
    if hits:
        for h in reversed(hits):
            if h.np is not None:
                return h.np
    leading = all(x.norm in _AR_FILLERS or x.norm in _AR_CLAUSE for x in toks[:i])
    if not leading:
        before = [np for p, np in mentions if p < i]
        if before:
            return before[-1]
    return ctx.last


# ---------------------------------------------------------------------------------------------
# English attribution.

_EN_PRONOUNS = frozenset(_words("he she they it we"))
_EN_SKIP_BEFORE_VERB = frozenset(
    _words(
        "also later previously has had have would will further then recently earlier had once "
        "again separately"
    )
)
_EN_AUDIENCE = frozenset(
    _words("reporters journalists lawmakers parliament congress students supporters")
)
_EN_MEDIA_HINT = frozenset(
    _words(
        "news agency press times post tv television radio channel newspaper magazine broadcaster"
    )
)
_EN_ARTICLES = frozenset(_words("a an the"))
_EN_STOPWORDS = frozenset(
    _words(
        "on in at during after before while when that this these those is was were are be been "
        "but and or of for with by from to as who which"
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


def _en_np(seg: list[_Tok], sentence: str) -> _NP | None:
    """Role/name split of an English subject phrase («Russian Foreign Minister Sergei Lavrov»)."""
    seg = [t for t in seg if t.norm not in _EN_SKIP_BEFORE_VERB]
    while seg and seg[0].surf.rstrip(".") in _EN_HONORIFICS:
        seg = seg[1:]
    if not seg:
        return None
    if len(seg) == 1 and seg[0].norm in _EN_PRONOUNS:
        return None
    if any(t.norm in _EN_STOPWORDS and t.norm not in _EN_NP_PREPS for t in seg):
        return None
    if seg[-1].norm in _DOCUMENTS:
        return None  # «the treaty says»: a document, not a speaker
    np = _NP()
    # Name = trailing capitalised tokens that are not role/side words.
    cov = _covered(seg, _EN_ROLES)
    q = len(seg)
    while q > 0 and seg[q - 1].surf[:1].isupper() and not cov[q - 1]:
        q -= 1
    if len(seg) - q > 4:
        q = len(seg) - 4
    role_toks = seg[:q]
    while role_toks and role_toks[0].norm in _EN_ARTICLES:
        role_toks = role_toks[1:]
    kind, typ = (
        _kind_of(role_toks, _EN_ROLES, prefer_person=q < len(seg)) if role_toks else ("", "")
    )
    if q < len(seg) and (typ != "body" or not role_toks):
        np.name = _name_text(seg, q, len(seg), sentence)
        np.role = _text(role_toks, 0, len(role_toks), sentence) if role_toks else ""
        np.kind = kind or "other"
    elif role_toks:
        np.name = _name_text(role_toks, 0, len(role_toks), sentence)
        if q < len(seg):
            np.name = _name_text(
                seg, len(seg) - len(role_toks) - (len(seg) - q), len(seg), sentence
            )
        np.role = np.name if typ == "person" else ""
        np.kind = kind or "other"
        np.body = typ != "person"
        if typ == "person" and seg[0].norm in ("a", "an", "one") or typ == "group":
            np.kind = "anonymous"
        if not kind and _side_at(role_toks, 0):
            np.kind, np.body = "state", True  # «Washington said», «the United States said»
    else:
        if not seg[0].surf[:1].isupper():
            return None
        side = _side_at(seg, 0)
        np.name = _name_text(seg, 0, len(seg), sentence)
        if side and side.type in ("country", "capital", "body"):
            np.kind, np.body = "state", True
    np.affiliation = _affiliation(role_toks or seg, speaker_is_place=np.body)
    return np


# Prepositions inside a speaker phrase: «a professor at X», «officials in Seoul».
_EN_NP_PREPS = frozenset(_words("of at for on in"))
_EN_HONORIFICS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Miss", "Sir"})


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
        # according to X
        if t.norm == "according" and i + 1 < n and toks[i + 1].norm == "to":
            end = i + 2
            while end < n and not (
                end > i + 2
                and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
            ):
                if toks[end].norm in ("that", "which", "who"):
                    break
                end += 1
            seg = toks[i + 2 : end]
            if (
                not seg
                or seg[0].norm in _DOCUMENTS
                or (seg[0].norm == "the" and len(seg) > 1 and seg[1].norm in _DOCUMENTS)
            ):
                continue
            np = _en_np(seg, sentence)
            if np is None:
                continue
            np = ctx.resolve(np)
            text = _strip_span(sentence, toks[i].start, toks[end - 1].end)
            out.append(_en_quote(np, "according to", False, text, para, sentence, ""))
            continue
        if t.norm in _EN_PARTICIPLES:
            if (
                i + 1 < n
                and (
                    toks[i + 1].norm == "that" or ":" in toks[i + 1].gap or toks[i + 1].quote != -1
                )
                and _COMMA_RE.search(t.gap)
            ):
                np = out[-1:] and _np_from_quote(out[-1]) or ctx.last
                if np:
                    direct, text = _en_content(toks, i + 1, sentence, quotes, quotes_len)
                    out.append(_en_quote(np, t.surf, direct, text, para, sentence, ""))
            continue
        if t.norm not in _EN_VERBS:
            continue
        if out and toks[i - 1].norm == "and" and toks[i - 1].quote == -1:
            # «The minister said X and warned that Y»: the coordinated verb shares the subject.
            k = _en_skip_circumstance(toks, i + 1)
            if k < n and (
                t.norm not in _EN_OPINION
                or toks[k].norm == "that"
                or toks[k].quote != -1
                or ":" in toks[k].gap
            ):
                direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
                if text:
                    np = _np_from_quote(out[-1])
                    out.append(_en_quote(np, t.surf, direct, text, para, sentence, ""))
            continue
        q = _en_attribution(toks, i, sentence, quotes, quotes_len, ctx)
        if q is None:
            continue
        np, direct, text, channel = q
        np = ctx.resolve(np)
        ctx.learn(np)
        ctx.last = np
        if text:
            out.append(_en_quote(np, t.surf, direct, text, para, sentence, channel))
    return out


def _np_from_quote(q: Quote) -> _NP:
    return _NP(q.speaker, q.role, q.speaker_kind, q.affiliation)


def _en_quote(np, verb, direct, text, para, sentence, channel) -> Quote:
    return Quote(
        speaker=np.name,
        speaker_kind=np.kind,
        role=np.role,
        verb=verb,
        direct=direct,
        text=text,
        paragraph=para,
        sentence=sentence,
        affiliation=np.affiliation,
        channel=channel,
    )


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
        if _HARD_PUNCT.search(t.gap) and not t.gap.strip().endswith(tuple(_QUOTE_OPEN)):
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


def _en_trim(seg: list[_Tok]) -> list[_Tok]:
    for j in range(len(seg) - 1, -1, -1):
        if seg[j].norm in _EN_STOPWORDS and seg[j].norm not in _EN_NP_PREPS:
            return seg[j + 1 :]
    return seg


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
    if t.norm in ("told", "tells") and after < n:
        end = after
        while (
            end < n
            and (toks[end].surf[:1].isupper() or toks[end].norm == "the")
            and not (end > after and _COMMA_RE.search(toks[end].gap))
        ):
            end += 1
        if end > after and toks[after].norm not in _EN_AUDIENCE:
            channel = _text(toks, after, end, sentence)
            if channel.lower().startswith("the "):
                channel = channel[4:]
            after = end
        elif after < n and toks[after].norm in _EN_AUDIENCE:
            after += 1
    if _COMMA_RE.search(t.gap) and toks[i - 1].quote == -1:
        inverted = _en_inverted(toks, i, after, sentence)
        if inverted is not None:
            return inverted, False, sentence[: toks[i].start].strip(_PUNCT_STRIP), channel
    start = i
    while start > 0 and toks[start - 1].norm in _EN_SKIP_BEFORE_VERB:
        start -= 1
    segs, quote_before = _en_segments_before(toks, start)
    np = None
    closest = _en_trim(segs[0]) if segs else []
    if closest and len(closest) == 1 and closest[0].norm in _EN_PRONOUNS:
        np = ctx.last
    elif closest and not (_looks_appos(closest) and len(segs) > 1):
        np = _en_np(closest, sentence)
    elif len(segs) > 1 and (not closest or _looks_appos(closest)):
        # «John Smith, a professor at X, said»
        appos = closest or (segs[1] if len(segs) > 2 else [])
        name_seg = segs[2] if not closest and len(segs) > 2 else segs[1]
        np = _en_np(_en_trim(name_seg), sentence)
        if np and appos:
            role, kind, aff = _en_appos(appos, sentence)
            if role:
                np.role, np.kind = role, kind
                np.affiliation = np.affiliation or aff
    if np is None and (quote_before != -1 or (i > 0 and toks[i - 1].quote != -1)):
        # «"...," said John Smith, a professor at X.»
        end = after
        while (
            end < n
            and not _COMMA_RE.search(toks[end].gap)
            and not _HARD_PUNCT.search(toks[end].gap)
        ):
            end += 1
        if end > after:
            np = _en_np(toks[after:end], sentence)
            if np and end < n and _COMMA_RE.search(toks[end].gap):
                e2 = end
                while (
                    e2 < n
                    and not _HARD_PUNCT.search(toks[e2].gap)
                    and not (e2 > end and _COMMA_RE.search(toks[e2].gap))
                ):
                    e2 += 1
                role, kind, aff = _en_appos(toks[end:e2], sentence)
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
    if t.norm in _EN_OPINION and not (
        k < n and (toks[k].norm == "that" or toks[k].quote != -1 or ":" in toks[k].gap)
    ):
        return None
    if k >= n:
        return None
    direct, text = _en_content(toks, k, sentence, quotes, quotes_len)
    return np, direct, text, channel


_EN_DESCRIBE = frozenset(_words("described describes"))


def _en_inverted(toks, i, after, sentence) -> _NP | None:
    """«Fees will rise, said Jane Doe, director of X at Y.»: a paraphrase before the verb and a
    capitalised name right after it, alone up to the next comma or the end."""
    n = len(toks)
    end = after
    while end < n and not (
        end > after and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
    ):
        end += 1
    name = toks[after:end]
    if not 1 <= len(name) <= 4 or i < 3 or toks[after].norm in _EN_WHEN:
        return None
    if not all(x.surf[:1].isupper() and x.quote == -1 for x in name):
        return None
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


def _looks_appos(seg: list[_Tok]) -> bool:
    return bool(seg) and seg[0].norm in ("a", "an", "the") and bool(_kind_of(seg, _EN_ROLES)[0])


# ---------------------------------------------------------------------------------------------
# Public API.

_WORD_RUN_RE = re.compile(r"\w+")


class _WordFilter:
    """Does a normalised text contain one of `words` (optionally after one of `prefixes`) as a
    whole word, never inside a longer one? For a word that is a run of \\w characters this is
    exactly "some maximal \\w run of the text is in the set": a C-level findall, shared by
    several filters, and one set lookup per word instead of scanning with a regex alternation
    of thousands of words. Words with other characters keep the regex."""

    def __init__(self, words: set[str], prefixes: str) -> None:
        plain = {w for w in words if _WORD_RUN_RE.fullmatch(w)}
        self.words = frozenset(plain) | {c + w for w in plain for c in prefixes}
        other = sorted((re.escape(w) for w in words - plain), key=len, reverse=True)
        self.other = (
            re.compile(rf"(?<![\w])(?:[{prefixes}])?(?:{'|'.join(other)})(?![\w])")
            if other
            else None
        )

    def found(self, norm: str, runs: list[str]) -> bool:
        """`runs`: _WORD_RUN_RE.findall(norm)."""
        return not self.words.isdisjoint(runs) or bool(self.other and self.other.search(norm))


# A trigger word alone or after a conjunction و/ف.
_TRIGGERS = _WordFilter(
    set(_AR_VERBS) | {p[0] for p in _AR_SOURCES} | _EN_VERBS | _EN_PARTICIPLES | {"according"},
    "وف",
)
_PERSON_ROLES = _WordFilter({k for k, v in _AR_ROLES.items() if v[0].type == "person"}, "و")


def attribute_quotes(paragraphs: list[str], language: str) -> list[Quote]:
    """Attributed statements in an article's paragraphs (0-based paragraph indices)."""
    ctx = _Ctx()
    out: list[Quote] = []
    english = language == "en"
    for para, paragraph in enumerate(paragraphs):
        paragraph = clean_invisible(paragraph)
        if english:
            lower = paragraph.lower()
            if not _TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
                continue
            for sentence in split_sentences(paragraph):
                lower = sentence.lower()
                if _TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
                    out.extend(_en_sentence(sentence, para, ctx))
            continue
        pnorm = normalize(paragraph)
        pruns = _WORD_RUN_RE.findall(pnorm)
        # Most paragraphs hold neither a trigger nor a person's title: skip them cheaply.
        p_trigger = _TRIGGERS.found(pnorm, pruns)
        p_role = None if p_trigger else _PERSON_ROLES.found(pnorm, pruns)
        if not p_trigger and not p_role:
            continue
        for sentence in split_sentences(paragraph):
            # A one-sentence paragraph (the common case in news) is already normalised and
            # already filtered.
            if sentence == paragraph:
                trigger = p_trigger
                has_role = _PERSON_ROLES.found(pnorm, pruns) if p_role is None else p_role
            else:
                norm = normalize(sentence)
                runs = _WORD_RUN_RE.findall(norm)
                trigger = _TRIGGERS.found(norm, runs)
                has_role = _PERSON_ROLES.found(norm, runs)
            if trigger:
                out.extend(_ar_sentence(sentence, para, ctx, has_role))
            elif has_role:
                # No attribution here, but «الرئيس الروسي فلاديمير بوتين» can be named.
                toks, _q = _tokens(sentence)
                _ar_mentions(toks, sentence, ctx)
    return out


def summarize_speakers(quotes: list[Quote]) -> list[Speaker]:
    """One row per speaker: number of quotes, most specific (longest) role, kind, side."""
    rows: dict[str, Speaker] = {}
    for q in quotes:
        key = " ".join(_n(q.speaker).split())  # cached normalize: speakers recur
        row = rows.get(key)
        if row is None:
            rows[key] = Speaker(q.speaker, q.speaker_kind, q.role, 1, q.affiliation)
            continue
        row.quotes += 1
        if len(q.role) > len(row.role):
            row.role = q.role
            if q.speaker_kind != "other":
                row.kind = q.speaker_kind
        if row.kind == "other" and q.speaker_kind != "other":
            row.kind = q.speaker_kind
        row.affiliation = row.affiliation or q.affiliation
    # «بوتين» and «فلاديمير بوتين» are one speaker when the short form is the long one's
    # surname and no other speaker shares it.
    keys = list(rows)
    for short in keys:
        st = short.split()
        if len(st) > 2 or rows[short].kind == "anonymous":
            continue
        longer = [k for k in keys if k != short and k in rows and k.split()[-len(st) :] == st]
        longer = [k for k in longer if len(k.split()) > len(st)]
        if len(longer) == 1 and short in rows:
            target, src = rows[longer[0]], rows.pop(short)
            target.quotes += src.quotes
            target.role = target.role if len(target.role) >= len(src.role) else src.role
            target.kind = target.kind if target.kind != "other" else src.kind
            target.affiliation = target.affiliation or src.affiliation
    return sorted(rows.values(), key=lambda s: (-s.quotes, s.name))
