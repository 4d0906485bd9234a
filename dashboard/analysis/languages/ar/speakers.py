"""Arabic attribution rules: who is quoted or cited in an Arabic article, and how.

The Arabic part of the speaker engine (dashboard.analysis.speakers.engine holds what every
language shares: tokens and quote spans, speaker noun phrases, roles and sides lookup, the
article context that resolves «بوتين» to «فلاديمير بوتين», the public API). Constructions:
reporting verbs in VSO and SVO order («قال الوزير»، «الوزير قال»), source phrases («وفقًا لـ»،
«نقلًا عن»), relays («نقلت وكالة X عن مسؤول»), statements («في بيان صادر عن ...»), pronoun
and dropped subjects anchored on earlier person mentions.

Lexicons (this folder): reporting_verbs.txt, reporting_not_verbs.txt, source_phrases.txt,
speaker_roles.txt, speaker_statement_nouns.txt; honorifics of every pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from dashboard.analysis.languages import all_fields, get_pack
from dashboard.analysis.languages.ar.credits import _PUBLISH_STEMS, credit_quotes, is_outlet_name
from dashboard.analysis.speakers.engine import (
    _COMMA_RE,
    _DOCUMENTS,
    _HARD_PUNCT,
    _NP,
    _QUOTE_CHARS_RE,
    _WORD_RUN_RE,
    _affiliation,
    _Ctx,
    _Hit,
    _kind_of,
    _n,
    _name_text,
    _nphrase,
    _prefix_bases,
    _role_at,
    _side_at,
    _side_candidates,
    _strip_al,
    _strip_span,
    _text,
    _Tok,
    _tokens,
    _WordFilter,
    _words,
    is_cited_source,
    roles,
)
from dashboard.analysis.textproc import normalize, split_sentences, strip_diacritics
from dashboard.model import Quote


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    participle: bool
    feminine: bool
    complements: frozenset[str]  # extra complement prepositions (normalised)
    homograph: bool
    relay: bool = False  # «نقلت وكالة X عن مسؤول قوله إن ...»: X relays, the speaker follows عن
    takes_object: bool = False  # «أعلنت الوزارة وفاة ...»: a noun object may be the content
    ba_object: bool = False  # «رحب الرئيس باتفاق ...»: the object comes with بـ
    # «…، متعهدا بمحاسبة المسؤولين»، «…، مؤكدا التزام الحكومة»: after a comma the participle's
    # noun object is the content (flag `pobject`, and every `object`/`ba` verb).
    participle_object: bool = False
    # «نشرت وكالة X صورة …»: a noun object only after an outlet (flag `media`); «نشر الجيش
    # قواته» is no statement.
    media_object: bool = False
    # «وغرد فلان، رئيس …، معزيا أسر الضحايا»: a participle after the subject's comma carries
    # what was posted (flag `pcontent`, verbs of posting without a complement of their own).
    participle_content: bool = False


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
        # the dual («أعلنت القاهرة وأنقرة أنهما …»: two coordinated subjects)
        "أنهما",
        "إنهما",
        "بأنهما",
    ]
)


# Dual finite forms of the reporting verbs («أضافا»، «أكدتا»، «تؤكدان»), filled by the loader.
_AR_DUAL_FORMS: set[str] = set()


def _load_ar_verbs() -> dict[str, _Verb]:
    verbs: dict[str, _Verb] = {}
    not_verbs = {_n(w) for w in get_pack("ar").lines("reporting_not_verbs.txt")}
    for fields in get_pack("ar").fields("reporting_verbs.txt"):
        fields = tuple("" if f == "-" else f for f in fields) + ("",) * (5 - len(fields))
        lemma, finite, participles, compl, flags = fields[:5]
        complements = frozenset(_n(c) for c in compl.split())
        homograph = "homograph" in flags
        relay = "relay" in flags
        media_object = "media" in flags.split()
        takes_object = "object" in flags.split() or "ba" in flags.split() or media_object
        ba_object = "ba" in flags.split()
        participle_content = "pcontent" in flags.split()
        participle_object = takes_object or "pobject" in flags.split()
        finite_forms = [lemma, *finite.split()]
        # Regular plurals: past + وا, present (ي...) + ون.
        plurals = [f + "وا" for f in finite_forms[:1]] + [
            f + "ون" for f in finite_forms if _n(f).startswith("ي")
        ]
        if not homograph and _n(lemma)[-1:] not in "اي":
            # Regular duals («أعلنت القاهرة وأنقرة …» then «وأكدتا»، «تؤكدان»): past + ا,
            # feminine past + ا, present + ان. Not for a homograph or a defective verb,
            # whose dual is written like a noun («كتبا»، «رأيا»).
            single = [f for f in finite_forms[1:] if not _n(f).endswith(("وا", "ون"))]
            present = [f for f in single if _n(f)[:1] in "يت"]
            duals = [finite_forms[0] + "ا"]
            duals += [f + "ا" for f in single if _n(f).endswith("ت") and f not in present]
            duals += [f + "ان" for f in present]
            plurals += [f for f in duals if _n(f) not in not_verbs]
            _AR_DUAL_FORMS.update(_n(f) for f in duals if _n(f) not in not_verbs)
        for form in finite_forms + plurals:
            nf = _n(form)
            fem = nf.startswith("ت") or (nf.endswith("ت") and not _n(lemma).endswith("ت"))
            verbs.setdefault(
                nf,
                _Verb(
                    _n(lemma),
                    False,
                    fem,
                    complements,
                    homograph,
                    relay,
                    takes_object,
                    ba_object,
                    media_object=media_object,
                    participle_content=participle_content,
                ),
            )
        forms = participles.split()
        if not homograph:
            # Duals and plurals of a regular participle after coordinated or plural subjects
            # («… وطهران، مؤكدتين أن»، «مشيرين إلى أن»): -ين on the masculine, -تين on the
            # feminine (none for a homograph, whose forms are nouns too).
            forms += [f[:-1] + "ين" for f in forms if _n(f).endswith("ا") and len(_n(f)) > 4]
            forms += [f[:-1] + "تين" for f in forms if _n(f).endswith("ه") and len(_n(f)) > 4]
            forms = [f for f in forms if _n(f) not in not_verbs]
        for form in forms:
            nf = _n(form)
            verbs.setdefault(
                nf,
                _Verb(
                    _n(lemma),
                    True,
                    nf.endswith(("ه", "تين")),
                    complements,
                    homograph,
                    relay,
                    participle_object=participle_object,
                ),
            )
    return verbs


_AR_VERBS = _load_ar_verbs()
_AR_NOT_VERBS = frozenset(_n(w) for w in get_pack("ar").lines("reporting_not_verbs.txt"))


_AR_ROLES = roles("ar")
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
        "ضمن",
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
        # interrogatives open a question, never a name («يسأل: لماذا الحكومة صامتة»)
        "لماذا",
        "كيف",
        "متى",
        "أين",
        "هل",
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
    _n(w)
    for w in _words(
        "أيضا كذلك بدوره بدورها بدورهم مجددا من جهته جانبه جهتها جانبها قد وقد سموه سموها"
    )
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
# A post on a social platform («في منشور على منصة X»، «عبر تغريدة»، «في تدوينة»).
_AR_POST_NOUNS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_post_nouns.txt"))
# «عبر»، «على»: the outlet an interview went out on («في مقابلة عبر قناة X»).
_AR_VIA = frozenset(_n(w) for w in _words("عبر على"))
# A broadcast programme: the outlet that airs it is the channel («لبرنامج X عبر راديو Y»).
_AR_PROGRAMME_NOUNS = frozenset(_n(w) for w in _words("برنامج"))
# Prepositions that open an interview circumstance («خلال حواره مع»، «في حديث لـ»).
_AR_INTERVIEW_PREPS = frozenset(_n(w) for w in _words("خلال في عبر"))
_AR_CHANNEL_MODIFIERS = frozenset(
    _n(w)
    for w in _words(
        "خاص خاصة هاتفي هاتفية صحفي صحفية صحافي صحافية تلفزيوني تلفزيونية إذاعي إذاعية"
        " متلفز متلفزة"
        # «في تصريح سابق لـ»، «في مقابلة أخيرة مع»: when the interview was given
        " سابق سابقة أخير أخيرة"
    )
)
# After a preposition, these nouns start a circumstance («في بيان»، «في ختام»), not a role.
_AR_CIRCUMSTANCE = frozenset(
    _n(w)
    for w in [
        "بيان",
        "نشرة",
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


def _saying_forms() -> frozenset[str]:
    """«بقوله»، «بقولها»، «بتأكيده»، «لتصريحاتهم»: بـ/لـ + a verbal noun of saying + a
    pronoun suffix («by his saying»), the manner of a statement, never a name."""
    stems = set()
    for w in get_pack("ar").lines("speaker_saying_nouns.txt"):
        m = _n(w)
        stems.add(m[:-1] + "ت" if m.endswith("ه") else m)
    return frozenset(
        f"{pre}{stem}{suf}"
        for pre in ("ب", "ل", "وب")
        for stem in stems
        for suf in ("ه", "ها", "هم", "هما")
    )


_AR_SAYING_SUFFIXED = _saying_forms()
# The same nouns with only a pronoun suffix («زعمه»، «قولها»): the speaker's own words after
# «حسب»، «على حد» (short ones too, which the length test of _own_words_noun lets through).
_AR_SAYING_OWN = frozenset(w[1:] for w in _AR_SAYING_SUFFIXED if w[0] == "ب")


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
        and n not in _AR_SAYING_SUFFIXED
    )


# «التابع لـ»: what follows names the parent of a body, not more of its name.
_AR_AFFILIATED = frozenset(_n(w) for w in _words("التابع التابعة التابعين"))
_AR_AFFILIATED_HEADS = frozenset(
    _n(w) for w in get_pack("ar").lines("speaker_affiliated_heads.txt")
)


_AR_OUTLET_OWNERS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_outlet_owners.txt"))


# Nisba adjective endings («الرسمية»، «الإسلامية»): an adjective may follow a nationality.
_AR_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان")


def _object_after_nationality(t: _Tok) -> bool:
    """After a body's nationality adjective («مجلس الوزراء اللبناني»، «الحكومة السعودية»),
    does this word open the verb's object or the next clause, not more of the name? A
    definite word that is no adjective («العدوان»), a bare indefinite noun («استمرار»), a
    particle («فقد»); a prepositional genitive («لكرة القدم») or «في» goes on."""
    norm = t.norm
    if t.quote != -1 or norm in ("في", "لدى", "باسم") or norm[:1] in "لب":
        return False
    if t.gap.strip().endswith("("):
        return False  # «وكالة الأنباء الكويتية (كونا)»: the acronym in brackets
    if norm in _AR_OBJECT_NOUNS:
        return True
    if norm.startswith("ال"):
        # «المعارضة السورية المسلحة»: a participle (الم…) or a nisba agrees with the body.
        return not (
            norm.endswith(_AR_NISBA_ENDINGS)
            or norm.startswith("الم")
            or norm in _AR_TITLE_ADJECTIVES
        )
    return _ar_name_like(t) and not (t.surf.isascii() or norm.endswith(_AR_NISBA_ENDINGS))


# Portfolio words that also name their ministry alone («الدفاع»، «الداخلية»، «الخارجية»).
_AR_PORTFOLIOS = frozenset(_n(w) for w in _words("الدفاع الداخلية الخارجية"))


def _second_body_at(seg: list[_Tok], p: int) -> bool:
    """Does «وال…» at p open a second body of its own (a body head of the lexicon: «والسلطات
    المحلية»، «والحكومة اللبنانية»), not more of the first one's name?"""
    t = seg[p]
    plain = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
    if plain.norm not in _AR_ROLES:
        return False
    role = _role_at([*seg[:p], plain, *seg[p + 1 :]], p, _AR_ROLES)
    if (
        (
            plain.norm in _AR_PORTFOLIOS
            # «هيئة الإذاعة والتلفزيون»: a media word with nothing of its own after it
            or (
                role is not None
                and role.kind == "media"
                and (p + 1 >= len(seg) or not seg[p + 1].norm.startswith("ال"))
            )
        )
        and p >= 2
        and seg[p - 1].norm.startswith("ال")
        and not seg[p - 2].norm.startswith(("ال", "وال"))
        and (p + 1 >= len(seg) or _role_at(seg, p + 1, _AR_ROLES) is None)
    ):
        # «مجلس الأمن والدفاع الوطني»، «وزارة الخارجية والدفاع»: a portfolio word coordinated
        # with the genitive of an indefinite head names one institution, not a second body.
        return False
    return role is not None and role.type == "body"


# «في» inside a title or a body's name («السفير في لبنان»). («لدى», normalised «لدي», was
# listed beside it but never matched; it takes a posting only before a name, below.)
_AR_IN_AT = frozenset(_n(w) for w in _words("في"))
# Prepositions of a posting or a client after a person's title, before the holder's name.
_AR_POSTING_PREPS = frozenset(_n(w) for w in _words("لدى إلى عن"))
# Diplomatic missions, named after the country they are posted to («سفارة X لدى Y»).
_AR_MISSIONS = frozenset(_n(w) for w in _words("سفارة بعثة قنصلية مندوبية ممثلية"))
_LADA = _n("لدى")


def _posting_then_name(seg: list[_Tok], p: int) -> bool:
    """Is seg[p:] a place or a definite body (one to three words), then, after an optional
    comma, a person's name (an indefinite name word that is no role, place or stop word)?"""
    n = len(seg)
    if p >= n or _COMMA_RE.search(seg[p].gap):
        return False
    side = _side_at(seg, p)
    if side is not None and side.type in ("country", "capital"):
        q = p + len(side.words)
    elif seg[p].norm.startswith("ال") and seg[p].norm not in _AR_STOP:
        q = p + 1
    elif _role_at(seg, p, _AR_ROLES):
        q = p + len(_role_at(seg, p, _AR_ROLES).words)
    else:
        return False
    while q < n and q < p + 3 and not _COMMA_RE.search(seg[q].gap) and seg[q].norm.startswith("ال"):
        q += 1  # «عن هيئة الدفاع»، «لدى الأمم المتحدة»
    if q + 1 >= n:
        return False
    t, nxt = seg[q], seg[q + 1]
    return (
        _ar_name_like(t)
        and not t.norm.startswith("ال")
        and t.norm not in _AR_STOP
        and t.norm not in _AN_FORMS
        and _role_at(seg, q, _AR_ROLES) is None
        and not _side_candidates(t.norm)
        and _ar_name_like(nxt)
        and nxt.norm not in _AR_STOP
        and nxt.norm not in _AN_FORMS
        and not _COMMA_RE.search(nxt.gap)
    )


def _addressee(norm: str) -> bool:
    """Is this definite word the people a body addresses (the audience lexicon, or a sound
    plural in -ين, accusative after a nominative subject: «المواطنين»، «المسافرين»)? A
    plural nisba in -يين agrees with a genitive («نقابة المهندسين الزراعيين») and is no
    addressee."""
    return norm in _AR_AUDIENCE_NOUNS or (
        norm.endswith("ين")
        and not norm.endswith("يين")
        and len(norm) >= 7
        and norm not in _AR_THEOPHORIC
    )


# «ومقرها»، «ومقره»، «وعاصمتها»: و + a noun with a possessive suffix opens a circumstantial
# clause about a body («المحكمة ومقرها في لاهاي»); no word of a body's name is built so.
_AR_SEAT_SUFFIXES = ("ها", "هم")


# «ذي»، «ذو»، «ذات» («of»): a place name's first word that binds the next one («ذي قار»).
_AR_DHU = frozenset(_n(w) for w in _words("ذي ذو ذات"))


def _seat_clause(t: _Tok) -> bool:
    n = t.norm
    return n.startswith("و") and n.endswith(_AR_SEAT_SUFFIXES) and len(n) >= 5 and t.quote == -1


def _consume_ar_role(seg: list[_Tok], p: int, body: bool) -> int:
    """Extend a role/institution phrase from p: genitives, adjectives, prepositional phrases.

    Stops at the first token that can start a person's name (indefinite, not a lexicon word).
    For an institution, its proper name (قناة "العربية"، وكالة رويترز) belongs to the phrase.
    """
    n = len(seg)
    bare_after_body = 0
    start = p
    nationality = False  # a nationality adjective closed the title («الوزير الليبي»)
    # An indefinite title noun is in construct state (إضافة): the next word is its genitive
    # and belongs to the role even when it is indefinite too («محافظ بنك الكويت»، «كبير أمناء
    # مجلس الوزراء»، «مسؤول أممي»). A name can only follow a definite word.
    construct = False
    body_construct = False
    genitive = False  # an indefinite genitive was taken into the title («محافظ واسط»)
    role_end_at = -1  # where the last role word of the lexicon ended
    nat_end = -1  # where a nationality adjective ended
    while p < n:
        t = seg[p]
        if p > start and t.gap and _COMMA_RE.search(t.gap):
            break
        if (
            body
            and p > start + 1
            and t.norm.isdigit()
            and len(t.norm) <= 3
            and t.quote == -1
            and _outlet_noun(seg[start], False)
            and (p + 1 == n or seg[p + 1].norm.startswith("ال") or seg[p + 1].norm in _AR_STOP)
        ):
            p += 1  # «موقع سبورت 24 الإخباري»: a number inside an outlet's own name
            continue
        if (
            body
            and p > start + 1
            and t.norm in _AR_DESCRIBING
            and p + 1 < n
            and not _COMMA_RE.search(seg[p + 1].gap)
            and _outlet_noun(seg[start], False)
        ):
            # «موقع "X" المختص بالزلازل»: what an outlet covers is no part of its name (a
            # committee's «المعنية بـ…» is: «اللجنة الوطنية المعنية بحقوق الإنسان»)
            break
        if body and p > start + 1 and t.norm in _AR_BODY_DESCRIPTIONS and t.quote == -1:
            break  # «حركة X المسيطرة على الإقليم»: who controls or backs it, not its name
        # The membership tests spare the calls for the many tokens that start no entry.
        role = _role_at(seg, p, _AR_ROLES) if t.norm in _AR_ROLES else None
        if (
            role
            and body
            and p == nat_end
            and p > start + 1
            and role.type in ("body", "group")
            and t.norm.startswith("ال")
        ):
            break  # «طالبت الحكومة الإيطالية السلطات المصرية بـ»: a second body is the object
        if role:
            p += len(role.words)
            role_end_at = p
            genitive = False
            construct = role.type == "person" and not seg[p - 1].norm.startswith("ال")
            # «وزارة إدارة الكوارث»، «بلدية درنة»: an indefinite institution noun is in
            # construct state too; its genitive names the institution.
            body_construct = role.type == "body" and not seg[p - 1].norm.startswith("ال")
            construct = construct or body_construct
            continue
        side = _side_at(seg, p) if _side_candidates(t.norm) else None
        if side:
            p += len(side.words)
            construct = False
            nationality = side.type == "adj"
            nat_end = p if nationality else -1
            continue
        if body and p == nat_end and p > start + 1 and _object_after_nationality(t):
            break  # «أدان مجلس الوزراء اللبناني العدوان»: the body's nationality closes it
        if (
            t.norm in _AR_DHU
            and p > start + 1
            and not seg[p - 1].norm.startswith("ال")
            and seg[p - 1].norm not in _AR_STOP
            and p + 2 < n
            and _ar_name_like(seg[p + 1])
            and not _COMMA_RE.search(seg[p + 1].gap)
        ):
            # «مديرية صحة ذي قار»: ذي («of») binds the next word to it; the two words are one
            # genitive place name, and a person's name may follow.
            p += 2
            construct = False
            genitive = True
            continue
        if (
            construct
            and genitive
            and t.norm in _AR_COMMON_FIRST_NAMES
            and p + 1 < n
            and _ar_name_like(seg[p + 1])
        ):
            break  # «محافظ واسط محمد جميل الفلاني»: after the genitive place, a given name
        if (
            construct
            and _ar_name_like(t)
            and t.norm not in _AR_CIRCUMSTANCE
            and t.norm not in _HONORIFIC_WORDS_N
        ):
            genitive = True
            p += 1
            construct = not t.norm.startswith("ال")
            if body_construct and construct:
                # «جامعة حلوان محمد علي»: one indefinite genitive names the institution; a
                # second one only when a definite word closes it («وزارة إدارة الكوارث»).
                construct = p + 1 < n and seg[p].norm.startswith("ال")
                construct = construct and seg[p].norm not in _AR_STOP
            continue
        construct = False
        # «الأمين العام لمجلس التعاون»: لـ + an indefinite noun + a definite word is the
        # genitive of the title, not a name (names do not follow a title with لـ).
        # «الوزير بسام العمري»، «المدرب لؤي الفلاني»: right after a definite person title, a
        # ب/ل-initial word whose rest is no role, place or definite word is a given name.
        given_name = (
            p > start
            and seg[p - 1].norm.startswith("ال")
            and p == role_end_at
            and not body
            and _ar_name_like(t)
            and t.norm[1:3] != "ال"
            and (p + 2 >= n or not _ar_name_like(seg[p + 2]) or _COMMA_RE.search(seg[p + 2].gap))
            and t.norm[1:] not in _AR_ROLES
            and t.norm[1:] not in _AR_TITLE_COMPLEMENTS
            and not _side_candidates(t.norm[1:])
            and not _role_at(seg, p, _AR_ROLES, prep=True)
        )
        if (
            p > start
            and not given_name
            and t.norm[:1] in "لب"
            and not t.norm.startswith("لل")
            and t.norm[1:3] != "ال"  # «بالتطرق إلى»: already definite, not a construct
            and len(t.norm) > 3
            and p + 1 < n
            and seg[p + 1].norm.startswith("ال")
            and seg[p + 1].norm != "الي"  # «إلى» normalised, not a definite word
            and not _COMMA_RE.search(seg[p + 1].gap)
            and t.norm[1:] not in _AR_CIRCUMSTANCE
        ):
            p += 1
            continue
        if (
            body
            and p > start
            and t.norm[:1] == "ل"
            and not t.norm.startswith("لل")
            and t.norm[1:3] != "ال"
            and len(t.norm) > 4
            and p + 2 < n
            and _ar_name_like(seg[p + 1])
            and not seg[p + 1].norm.startswith("ال")
            and seg[p + 1].norm not in _AR_STOP
            and seg[p + 2].norm.startswith("ال")
            and seg[p + 2].norm not in _AR_STOP
            and not any(_COMMA_RE.search(seg[k].gap) for k in (p + 1, p + 2))
        ):
            # «اللجنة العليا لانتخابات مجلس الشعب»: لـ + a construct chain of two indefinite
            # nouns and a definite one is the body's genitive, its name goes on.
            p += 2
            continue
        if (
            not body
            and p > start
            and t.norm[:1] == "و"
            and not t.norm.startswith("وال")
            and len(t.norm) > 3
            and t.norm[1:] not in _AR_STOP
            and p + 2 < n
            and seg[p + 1].norm.startswith("ال")
            and seg[p + 1].norm not in _AR_STOP
            and seg[p - 1].norm.startswith("ال")
            and _ar_name_like(seg[p + 2])
            and not seg[p + 2].norm.startswith(("ال", "و"))
            and not any(_COMMA_RE.search(seg[k].gap) for k in (p, p + 1))
        ):
            # «وزير الطوارئ وإدارة الكوارث فلان»: a coordinated portfolio in construct (an
            # indefinite noun and its definite genitive) continues the title; the name follows.
            p += 2
            continue
        # «وزير الطاقة والبنية التحتية»: a coordinated definite noun continues the role.
        if p > start and t.norm.startswith("وال") and len(t.norm) > 4:
            if body and p - start >= 2 and _second_body_at(seg, p):
                break  # «وفق الأمم المتحدة والسلطات المحلية»: two bodies, not one name
            p += 1
            continue
        # «لاعب مانشستر يونايتد السابق وريال مدريد ويوفنتوس السابق»: genitives coordinated
        # between two title adjectives belong to the title.
        if p > start and t.norm[:1] == "و" and seg[p - 1].norm in _AR_TITLE_ADJECTIVES:
            close = next(
                (
                    k
                    for k in range(p + 1, min(n, p + 6))
                    if seg[k].norm in _AR_TITLE_ADJECTIVES
                    and not any(_COMMA_RE.search(seg[j].gap) for j in range(p, k + 1))
                ),
                -1,
            )
            if close != -1:
                p = close + 1
                continue
        # «رئيس المجلس وقائد الجيش فلان»، «مدير إدارة الشرق الأوسط وآسيا الوسطى في الصندوق
        # فلان»: a coordinated title or place continues the role.
        if p > start and t.norm[:1] == "و" and len(t.norm) > 3 and p + 1 < n:
            plain = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
            bare = [*seg[:p], plain, *seg[p + 1 :]]
            role = _role_at(bare, p, _AR_ROLES) if plain.norm in _AR_ROLES else None
            side = _side_at(bare, p) if role is None and _side_candidates(plain.norm) else None
            if (role and role.type == "person") or side:
                seg = bare
                p += len(role.words) if role else len(side.words)
                construct = bool(role) and not seg[p - 1].norm.startswith("ال")
                continue
            prev = seg[p - 1].norm
            if (
                prev.startswith("ال")
                and prev not in _AR_ROLES
                and seg[p + 1].norm.startswith("ال")
                and seg[p + 1].norm not in _AR_STOP
                and p + 2 < n
                and not _COMMA_RE.search(seg[p + 2].gap)
                and (seg[p + 2].norm in _AR_IN_AT or seg[p + 2].norm.startswith("لل"))
            ):
                # «مدير إدارة الشرق الأوسط وآسيا الوسطى في الصندوق»: a second genitive with
                # its adjective, and the title goes on.
                p += 2
                continue
        if (
            not body
            and p > start
            and seg[p - 1].norm in _AR_TITLE_ADJECTIVES
            and seg[p - 1].norm.startswith("الم")
            and t.norm.endswith(("ته", "تها"))
            and len(t.norm) > 4
            and p + 1 < n
            and not _COMMA_RE.search(seg[p + 1].gap)
        ):
            p += 1  # «الرئيس الأمريكي المنتهية ولايته فلان»: the participle's own subject
            continue
        if (
            body
            and t.quote != -1
            and p > start + 1
            and seg[p - 1].quote != t.quote
            and seg[p - 1].norm.startswith("ال")
            and seg[p - 1].norm.endswith(_AR_NISBA_ENDINGS)
        ):
            run = 1
            while p + run < n and seg[p + run].quote == t.quote:
                run += 1
            if run <= 2 and p + run == n:
                break  # «رئاسة إدارة الكوارث التركية "آفاد"»: the body's acronym closes it
        if t.quote != -1:
            if not body and _quoted_name_at(seg, p):
                break  # «وكيل وزارة الخارجية "حسن الأمين"»: the name in quote marks
            p += 1
            continue
        norm = t.norm
        # «رئيس الوزراء المكلف من البرلمان فلان»، «المبعوث الخاص إلى السودان (فلان)»: a
        # prepositional phrase inside a person's title, the name after it.
        title_pp = (
            norm in ("من", "الي")
            and not body
            and p + 2 < n
            and seg[p + 1].norm.startswith("ال")
            and _ar_name_like(seg[p + 2])
            and not seg[p + 2].norm.startswith("ال")
        )
        # «السفيرة الأميركية لدى لبنان فلانة»، «المبعوث الأميركي إلى لبنان، فلان»، «المحامي
        # عن هيئة الدفاع فلان»: a person's title takes its posting or client (a place or a
        # definite body) when a name follows it.
        title_pp = title_pp or (
            norm in _AR_POSTING_PREPS and not body and _posting_then_name(seg, p + 1)
        )
        if (
            body
            and norm == _LADA
            and p + 1 < n
            and _strip_al(seg[start].norm) in _AR_MISSIONS
            and (seg[p + 1].norm.startswith("ال") or _ar_name_like(seg[p + 1]))
        ):
            p += 2  # «سفارة X لدى Y»: a mission's host country belongs to its name
            continue
        if norm in _AR_STOP and norm not in _AR_IN_AT and not title_pp:
            break
        if p > start and not (body and norm in _AR_IN_AT) and (end := _region_phrase_end(seg, p)):
            # «مدير الصحة بولاية كسلا فلان»، «وزارة الصحة بولاية الشمالية»، «في ولاية كسلا»،
            # «بشمال كردفان»: a region noun (or a compass word) after بـ / في and the region's
            # own name are where the title or body is, never the start of a person's name.
            # (A body's «في ولاية X» is where it acts, an aside: «السلطات المحلية في إقليم X».)
            p = end
            continue
        if norm in _AR_IN_AT or norm == "باسم" or title_pp:
            nxt = seg[p + 1] if p + 1 < n else None
            if (
                nxt
                and _strip_al(nxt.norm) not in _AR_CIRCUMSTANCE
                and (
                    nxt.norm.startswith("ال")
                    or _role_at(seg, p + 1, _AR_ROLES)
                    or _side_at(seg, p + 1)
                )
            ):
                p += 2 if nxt.norm.startswith("ال") else 1
                continue
            break
        if norm in _AR_AFFILIATED and p > start:
            if (
                body
                and nat_end == -1
                and seg[start].norm in _AR_AFFILIATED_HEADS
                and p + 1 < n
                and seg[p + 1].norm[:1] == "ل"
                and not _COMMA_RE.search(seg[p + 1].gap)
            ):
                # «وزارة الصحة التابعة لحكومة الإقليم»: a ministry is named by whose it is
                p += 1
                continue
            break  # «برنامج الأغذية العالمي التابع للأمم المتحدة»: the parent body is an aside
        if (
            body
            and p > start
            and norm.startswith("ال")
            and (seg[p - 1].norm.startswith("ال") or p == nat_end)
            and _addressee(norm)
        ):
            break  # «طالبت وزارة الصحة المواطنين بـ»: the addressees open the object
        if p > start and norm.startswith("ال") and norm.endswith(("ها", "هما")) and len(norm) > 5:
            # «وأكدت المنظمة الدولية التزامها بـ»: a definite word takes no possessive suffix;
            # «التزامها» (ال of the root) is the object, never part of a name.
            break
        if norm.startswith("ال") and norm not in _AR_STOP:
            if (
                nationality
                and not body
                and norm not in _AR_TITLE_ADJECTIVES
                and p + 1 < n
                and seg[p + 1].norm.startswith("ال")
                and not _COMMA_RE.search(seg[p + 1].gap)
                and seg[p + 1].norm not in _AR_TITLE_ADJECTIVES
                and _role_at(seg, p + 1, _AR_ROLES) is None
                and _side_at(seg, p + 1) is None
            ):
                # «النائب العام الليبي الصديق الصور»: after the nationality, two definite
                # words that are no title adjective are a name (given and family name).
                break
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
            if p + 1 < n and seg[p + 1].norm in ("الي", "عن"):
                break  # «وأكمل المدرب بالتطرق إلى»: a verbal noun with its complement
            inst = _role_at(seg, p, _AR_ROLES, prep=True)
            p += 1
            # One indefinite role word after لـ, with words after it and no comma between.
            construct_role = (
                inst is not None
                and len(inst.words) == 1
                and not any(b.startswith("ال") for b in bases)
                and p + 1 < n
                and not _COMMA_RE.search(seg[p].gap)
            )
            if construct_role and inst.type == "body":
                # «الناطق باسم مديرية صحة البصرة فلان»، «الناطق لمديرية صحة …»: an indefinite
                # institution noun after لـ is in construct state; its genitive names it.
                construct = body_construct = True
            elif construct_role and inst.type == "person":
                # «المستشار القانوني لقائد قوات الدعم السريع»: an indefinite title after لـ is
                # in construct state too; its genitive («قوات …») is no name.
                construct = True
            continue
        if t.gap.strip().endswith("(") and (
            (t.surf.isascii() and t.surf.isupper()) or (p + 1 < n and ")" in seg[p + 1].gap)
        ):
            p += 1  # an acronym in brackets: «وكالة فرات للأنباء (ANF)»، «(أوتشا)»
            continue
        if body and p > start and _seat_clause(t):
            break  # «المحكمة ومقرها في لاهاي»: a circumstantial clause, not more of the name
        if body and p > start + 1 and seg[p - 1].quote != -1 and _outlet_noun(seg[start], False):
            break  # «وكالة أنباء "X" توقيف …»: the quoted name closes the outlet's name
        if (
            body
            and bare_after_body < 3
            and _ar_name_like(t)
            and t.norm not in _AR_NAME_STOPS
            and t.norm not in _AR_OBJECT_NOUNS  # «الديوان الأميري رحيل الأمير»: the object
        ):
            bare_after_body += 1
            p += 1
            continue
        break
    return p


# «شمال كردفان»، «جنوب دارفور»: a compass word in construct with a region's name.
_AR_COMPASS = frozenset(_n(w) for w in _words("شمال جنوب شرق غرب وسط"))


def _region_phrase_end(seg: list[_Tok], p: int) -> int:
    """End of a prepositional region phrase at p («بولاية X»، «في ولاية X»، «بشمال X»،
    «بمحافظة ذي قار»), or 0 when none starts there."""
    n = len(seg)
    t = seg[p]
    if t.norm in _AR_IN_AT:
        noun_at = p + 1
        if noun_at >= n or seg[noun_at].norm not in _AR_REGION_HEADS:
            return 0
        if _COMMA_RE.search(seg[noun_at].gap):
            return 0
    elif t.norm[:1] == "ب" and t.norm[1:] in _AR_REGION_HEADS:
        noun_at = p
    else:
        return 0
    name_at = noun_at + 1
    if name_at < n and seg[name_at].norm in _AR_DHU:
        name_at += 1  # «محافظة ذي قار»: ذي binds the next word into the place's name
    if name_at >= n or not _ar_name_like(seg[name_at]) or _COMMA_RE.search(seg[name_at].gap):
        return 0
    return name_at + 1


# Participles that describe a body after its name («موقع X المختص بالزلازل»، «مجلة Y
# المتخصصة في الاقتصاد»): what it does, not what it is called.
_AR_DESCRIBING = frozenset(_n(w) for w in get_pack("ar").lines("speaker_describing_words.txt"))


# Participles of control or allegiance after a named body («حركة X المسيطرة على …»).
_AR_BODY_DESCRIPTIONS = frozenset(
    _n(w) for w in get_pack("ar").lines("speaker_body_descriptions.txt")
)


# Nouns after لـ that make a title's complement, not a given name («وزير الدولة لشؤون الإعلام»).
_AR_TITLE_COMPLEMENTS = frozenset(
    _n(w) for w in get_pack("ar").lines("speaker_title_complements.txt")
)


# Adjectives that follow a title after its nationality («وزير الخارجية الأمريكي السابق»).
_AR_TITLE_ADJECTIVES = frozenset(
    _n(w)
    for w in _words(
        "السابق السابقة الأسبق الجديد الجديدة الحالي الحالية المكلف المكلفة المنتخب المنتخبة "
        "المؤقت المؤقتة الأول الأولى الثاني الأعلى الخاص الخاصة العام العامة الدائم الدائمة "
        "المساعد المساعدة المنتهية الراحل الراحلة الفخري التنفيذي التنفيذية الأممي الأممية "
        "المقبل المقبلة المستقيل المستقيلة المعين المعينة المقرب المقربة البارز البارزة"
    )
)


# Verbal nouns that open the object of a verb of saying right after its subject («أكد فلان
# حرص بلاده على»، «أكد فلان أهمية»): never part of a name.
_AR_OBJECT_NOUNS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_object_nouns.txt"))
# Nouns of an administrative region (speaker_region_nouns.txt): «… محافظة البصرة».
_AR_REGION_NOUNS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_region_nouns.txt"))
_AR_REGION_HEADS = _AR_REGION_NOUNS | _AR_COMPASS


# Pronoun suffixes of a possessed noun («لاعبيه»، «قواتها»): no word of a name ends so.
_AR_POSSESSED_ENDINGS = ("يه", "يها", "يهم", "اتها", "اتهم", "تها", "تهم", "ائها", "ائهم")


def _possessed(norm: str) -> bool:
    return len(norm) >= 5 and norm.endswith(_AR_POSSESSED_ENDINGS)


def _quoted_name_at(seg: list[_Tok], p: int) -> bool:
    """A person's name in quote marks after a complete title («الناطق باسم الحكومة "فلان"»):
    the title ends in a definite word; after an indefinite head («حزب "الأمة"», «قناة
    "العربية"») the quoted words are the body's name."""
    if p == 0 or seg[p - 1].quote == seg[p].quote:
        return False
    prev = seg[p - 1].norm
    if not prev.startswith(("ال", "بال", "لل")) and _side_at(seg, p - 1) is None:
        return False
    q = seg[p].quote
    span = [t for t in seg[p : p + 5] if t.quote == q]
    if not 2 <= len(span) <= 3 or (p + len(span) < len(seg) and seg[p + len(span)].quote == q):
        return False
    return (
        all(_ar_name_like(replace(t, quote=-1)) for t in span)
        and span[0].norm not in _AR_ROLES
        and not _outlet_noun(span[0], False)
    )


# Given names common enough to open a second, coordinated person («محمد وعلي»).
_ALA = _n("على")
_AR_COMMON_FIRST_NAMES = frozenset(
    _n(w) for w in _words("محمد أحمد علي عمر خالد حسن حسين إبراهيم يوسف مصطفى سعيد فاطمة مريم")
)


# Given names that look like imperfect verbs (ي/ت + 3 letters): after a title they are names
# («النائب يوسف فلان»، «الوزير تامر فلان»), not a verb.
_AR_VERBLIKE_GIVEN_NAMES = frozenset(
    _n(w)
    for w in _words(
        "يوسف يحيى يحيي ياسر يزيد يونس يعقوب ياسين يسري يسرى يمنى يوسرا تامر توفيق تركي "
        "تيسير تميم تقي تغريد تحسين تمام"
    )
)

# Second parts of compound given names («نور الدين»، «عبد الله»، «سيف الإسلام»): a name goes on
# after them («نور الدين محمد»).
_AR_THEOPHORIC = frozenset(_n(w) for w in get_pack("ar").lines("speaker_theophoric_parts.txt"))

# Prepositions of time that open an adverbial after the subject («عقب المباراة»، «خلال اللقاء»).
_AR_TIME_PREPS = frozenset(_n(w) for w in _words("عقب بعد قبل خلال أثناء إثر"))

# Words after which a name never goes on (speaker_name_stops.txt): «بشدة»، «أي».
_AR_NAME_STOPS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_name_stops.txt"))
# Cardinal number words (dates_numbers.txt) and time units: «ثلاثة أيام» is a duration, the
# verb's adverbial («أعلن الحداد ثلاثة أيام»), never a name.
_AR_CARDINALS = frozenset(
    _n(w.split("|")[0].strip())
    for w in get_pack("ar").lines("dates_numbers.txt")
    if w.split("|")[-1].strip() == "card" and " " not in w.split("|")[0].strip()
)
_AR_TIME_UNITS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_time_units.txt"))
# Adjectives that qualify the verb's object, never a family name («الحداد الرسمي»).
_AR_OBJECT_ADJS = frozenset(_n(w) for w in _words("الرسمي الرسمية الشامل الشاملة الكامل الكاملة"))
_FATHATAN = "\u064b"
# A spaced hyphen or an en/em dash between words (not the hyphen inside «جان-ماري»).
_DASH_RE = re.compile(r"[–—]|\s-|-\s")
_AR_POSSESSIVES = ("هما", "هم", "ها", "ه")


def _statement_possessed(norm: str) -> bool:
    """«تصريحاته»، «حديثها»، «كلمته»: a statement noun with a possessive pronoun is the verb's
    object or an adverbial («واختتم فلان تصريحاته»), never a word of a name."""
    for suffix in _AR_POSSESSIVES:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            base = norm[: -len(suffix)]
            if base.endswith("ات"):
                base = base[:-2]
            elif base.endswith("ت"):
                base = base[:-1] + "ه"  # كلمته -> كلمه (ة is written ه after normalising)
            return base in _STATEMENT_NOUNS or base in _AR_SAYING_WORDS
    return False


# Nouns of speaking that take a possessive after a subject («حديثه»، «كلمته»، «تصريحه»).
_AR_SAYING_WORDS = frozenset(_n(w) for w in _words("حديث كلمة تصريح قول خطاب"))


# A perfect verb with an object pronoun («نفذتها»، «أطلقوها»، «نفذتهم»): no name ends so.
_AR_VERB_OBJECT_ENDINGS = tuple(_n(w) for w in _words("تها تهم وها وهم"))


def _ar_name_span(seg: list[_Tok], p: int) -> int:
    """End of a person name starting at p: 1-4 name-like tokens before a role word."""
    if p > 0 and p < len(seg) and seg[p].quote != -1 and _quoted_name_at(seg, p):
        q = seg[p].quote
        return p + sum(1 for t in seg[p : p + 5] if t.quote == q)
    q = p
    particles = 0
    if p > 0 and p < len(seg) and ":" in seg[p].gap:
        return p  # «وأضاف الوزير: سنعمل»: the words after a colon are the statement
    if (
        p + 1 < len(seg)
        and seg[p].norm[:1] in "بل"
        and len(seg[p].norm) > 3
        and _possessed(seg[p + 1].norm)
        and not _COMMA_RE.search(seg[p + 1].gap)
    ):
        return p  # «أشاد مدرب الفريق بروح لاعبيه»: a prepositional object, not a name
    while q < len(seg) and q - p - particles < 4:
        t = seg[q]
        if (q > p and ":" in t.gap) or t.norm in _AR_OBJECT_NOUNS:
            break  # «أكد الشيخ فلان حرص الإمارات على»: the verb's object follows the name
        if t.norm in _AR_TIME_PREPS:
            break  # «وقال المدرب عقب المباراة "…"»: a time adverbial, never a name
        if q > p and len(t.norm) >= 5 and t.norm.endswith(_AR_VERB_OBJECT_ENDINGS):
            break  # «قال اللواء فلان نفذتها "…"»: a verb with its object pronoun opens the content
        if (t.norm.isdigit() or t.norm in _AR_CARDINALS) and (
            q + 1 < len(seg) and seg[q + 1].norm in _AR_TIME_UNITS
        ):
            break  # «أعلن المحافظ الحداد ثلاثة أيام»: a duration, never a name
        if q > p + 1 and q + 1 < len(seg) and seg[q + 1].norm in _AR_OBJECT_ADJS:
            break  # «أعلن فلان الفلاني الحداد الرسمي»: a noun with «الرسمي» is the object
        if (
            t.norm in _AR_NAME_STOPS
            or (q > p + 1 and _FATHATAN in t.surf and _side_at(seg, q) is None)
            or _statement_possessed(t.norm)
        ):
            # «نفى فلان بشدة أي لوم»، «واختتم فلان تصريحاته ملقيًا باللوم»: an adverb, a
            # tanwin-marked participle or a possessed statement noun ends the name. Names are
            # not written with tanwin; an indefinite subject is («مسؤولاً إسرائيلياً»), so
            # tanwin stops only a span of two words or more, and never at a nationality.
            break
        if q > p and t.norm in _AR_NAME_PARTICLES:
            particles += 1
        elif (
            q > p + 1
            and seg[q - 1].norm.startswith("ال")
            and seg[q - 1].norm not in _AR_THEOPHORIC
            and seg[q - 1].norm not in _AR_NAME_PARTICLES  # «آل» normalises to «ال»
            and not t.norm.startswith("ال")
        ):
            break  # «نقل النائب يوسف الرواضية رسالة»: an indefinite word after the family name
        if q > p and t.gap and (_COMMA_RE.search(t.gap) or "(" in t.gap or _DASH_RE.search(t.gap)):
            break  # «قال فلان – بحسب ما نقلت قناة»: a dash opens an aside, not a name part
        if not _ar_name_like(t) or _role_at(seg, q, _AR_ROLES):
            break
        if q > p and t.norm[0] == "و" and len(t.norm) > 3:
            # «موسكو وبيونغ يانغ»: a second, coordinated entity. But «TITLE إديم وسورنو،»: a
            # family name that begins with و, the last word before a comma or أن, after a
            # title and a one-word given name, and no title, place or common first name
            # after و.
            base = t.norm[1:]
            last = q + 1 == len(seg) or bool(_COMMA_RE.search(seg[q + 1].gap))
            last = last or seg[q + 1].norm in _AN_FORMS
            if not (
                p > 0  # after a title
                and q == p + 1
                and last
                and not base.startswith("ال")
                and base not in _AR_ROLES
                and not _side_candidates(base)
                and base not in _AR_COMMON_FIRST_NAMES
            ):
                break
        q += 1
    return q


# «أحد X»، «إحدى X»: one of a group.
_AR_ONE_OF = frozenset(_n(w) for w in _words("أحد إحدى"))
# «معظم السكان»، «بعض المحللين»، «غالبية الأطباء»: part of a group, an unnamed voice.
_AR_QUANTIFIERS = frozenset(_n(w) for w in _words("بعض معظم أغلب غالبية أكثر كثير"))
# Words for unnamed people standing alone as the subject («كثيرون»، «آخرون»، «أحدهم»).
_AR_UNNAMED_MANY = frozenset(
    _n(w) for w in _words("كثيرون آخرون الكثيرون البعض أحدهم إحداهن احدهم بعضهم هؤلاء")
)
# «الرسمية» after a news agency's nationality describes it and is no part of its name.
_AR_OFFICIAL_ADJS = frozenset(_n(w) for w in _words("الرسمية الرسمي"))
_AGENCY = _n("وكالة")
_LIL_ANBA = _n("للأنباء")
_SHIBH = _n("شبه")


def _dual_title(t: _Tok) -> str:
    """The singular of a person's title in the dual («المحاميان» -> «المحامي», «محاميا» (in
    construct) -> «محامي»); "" when t is none."""
    n = t.norm
    if t.quote != -1 or len(n) < 5:
        return ""
    if n.endswith("ان"):
        stem = n[:-2]
    elif n.endswith("ا") and not n.startswith("ال"):
        stem = n[:-1]
    else:
        return ""
    roles = _AR_ROLES.get(stem, ()) if stem in _AR_ROLES else ()
    return stem if any(r.type == "person" and len(r.words) == 1 for r in roles) else ""


# An account or page on a platform, named in quote marks after it («حساب "X"»، «صفحة "X"»).
_AR_ACCOUNT_NOUNS = frozenset(_n(w) for w in _words("حساب صفحة"))


# Emphatic «نفسه»، «ذاته» after a noun: «the same» body or person named before.
_AR_SELF_WORDS = frozenset(_n(w) for w in _words("نفسه نفسها نفسهم أنفسهم ذاته ذاتها ذاتهم"))


def _parse_ar_np(seg: list[_Tok], sentence: str, strict: bool) -> _NP | None:
    """Role/name split of a subject phrase. None when it does not look like a speaker."""
    while seg and seg[0].norm in _AR_FILLERS:
        if seg[0].norm == "من" and (len(seg) < 2 or seg[1].norm not in _AR_FILLERS):
            return None  # «قال من المرتقب أن»: a preposition, not «من جهته»
        seg = seg[1:]
    bare = _strip_honorifics(seg)
    if len(bare) < len(seg) and bare and bare[0].quote != -1:
        # «الدكتور “فلان الفلاني”»: a name of two to four words in quote marks after an
        # honorific is the person's name, not words said.
        run = 1
        while run < len(bare) and bare[run].quote == bare[0].quote:
            run += 1
        unquoted = [_Tok(t.surf, t.norm, t.start, t.end, t.gap, -1) for t in bare[:run]]
        if 2 <= run <= 4 and all(_ar_name_like(t) for t in unquoted):
            bare = unquoted + bare[run:]
    seg = bare
    if len(seg) > 1 and seg[-1].norm in _AR_SELF_WORDS:
        seg = seg[:-1]  # «الجمعية نفسها»، «الوزارة ذاتها»: «the same one», no part of the name
    if not seg:
        return None
    single = _dual_title(seg[0])
    if single:
        # «محاميا الدفاع فلان وفلان»، «المحاميان فلان وفلان»: a dual title reads as its
        # singular; the coordinated second name speaks too (_coordinated_speaker).
        seg = [_Tok(seg[0].surf, single, seg[0].start, seg[0].end, seg[0].gap, -1), *seg[1:]]
    first = seg[0]
    if first.norm in _AR_PRONOUNS or first.norm in _AR_OBJECT_NOUNS:
        return None  # «يؤكد أهمية السيطرة على»: the verb's object, not its subject
    if first.norm in _AR_ACCOUNT_NOUNS and len(seg) > 1 and seg[1].quote != -1:
        # «وأفاد حساب "X" السعودي بأن»: an account or page speaks under its quoted name.
        run = 1
        while run + 1 < len(seg) and seg[run + 1].quote == seg[1].quote:
            run += 1
        if run <= 4:
            return _NP(
                _name_text(seg, 1, run + 1, sentence), "", "other", _affiliation(seg, False), True
            )
    if first.norm in _AR_UNNAMED_MANY:
        return _NP(first.surf, first.surf, "anonymous", "")  # «ويرى كثيرون أن»، «قال أحدهم»
    if (
        (first.norm in _AR_ONE_OF or first.norm in _AR_QUANTIFIERS)
        and len(seg) > 1
        and seg[1].norm.startswith("ال")
    ):
        # «أحد الناجين»، «إحدى الناجيات»، «أحد المسؤولين في الوزارة»: one of a group, an
        # unnamed voice
        end = _consume_ar_role(seg, 1, True) if _role_at(seg, 1, _AR_ROLES) else 2
        text = _text(seg, 0, end, sentence)
        return _NP(text, text, "anonymous", "")
    head = first.norm[2:] if first.norm.startswith("ال") else first.norm
    if head in _STATEMENT_NOUNS:
        return _statement_issuer(seg, sentence)
    role = _role_at(seg, 0, _AR_ROLES)
    side = _side_at(seg, 0)
    if (
        role is None
        and side is None
        and first.norm.startswith("ال")
        and first.norm.endswith("ين")
        and len(first.norm) >= 7
        and first.norm not in _AR_THEOPHORIC
    ):
        # «ودعا النازحين إلى الصبر»: a definite sound plural in -ين is the accusative (or
        # genitive) case, the verb's object; its subject would be in -ون.
        return None
    if side is not None and side.type == "adj" and len(side.words) == 1:
        # An adjective cannot open a subject: «السعودية» here is the country.
        side = next(
            (x for x in _side_candidates(first.norm) if x.type == "country" and len(x.words) == 1),
            side,
        )
    np = _NP()
    if role or (side and side.type in ("country", "capital", "body")):
        body = bool(role and role.type in ("body", "group")) or not role
        end = _consume_ar_role(seg, 0, body)
        if not role and side is not None and side.type in ("country", "capital"):
            # «فرنسا تستدعي سفيرها»: a country's name is all in the lexicon; bare words after
            # it are the next clause, not more of its name.
            end = min(end, _side_run_end(seg, len(side.words)))
        # «مسؤول أممي، طلب عدم الكشف عن هويته»: after a comma comes a clause, not the name.
        after_comma = end < len(seg) and bool(_COMMA_RE.search(seg[end].gap))
        if after_comma and not body:
            # «المبعوث الأميركي إلى لبنان، فلان»: a title closed by its posting, then the name.
            after_comma = not any(
                seg[k].norm in _AR_POSTING_PREPS and _posting_then_name(seg, k + 1)
                for k in range(1, end)
            )
        name_end = _ar_name_span(seg, end) if not body and not after_comma else end
        if name_end > end and not body:
            role_end = end
            while role_end > 1 and (seg[role_end - 1].norm,) in _HONORIFIC_WORDS:
                role_end -= 1  # «أستاذ العلاقات الدولية الدكتور طارق فهمي»: the title is no role
            np.role = _text(seg, 0, role_end, sentence)
            np.name = _name_text(seg, end, name_end, sentence)
        else:
            if (
                end >= 4
                and seg[end - 1].norm in _AR_OFFICIAL_ADJS
                and _strip_al(seg[0].norm) == _AGENCY
                and seg[end - 2].norm.endswith(_AR_NISBA_ENDINGS)
            ):
                end -= 1  # «وكالة الأنباء الكويتية الرسمية»: «official» describes the agency
            if (
                end >= 4
                and _strip_al(seg[0].norm) == _AGENCY
                and seg[end - 1].norm == _LIL_ANBA
                and seg[end - 2].norm in _AR_OFFICIAL_ADJS
            ):
                # «وكالة X شبه الرسمية للأنباء»: «(semi-)official, of news» describes the agency
                cut = end - 3 if seg[end - 3].norm == _SHIBH else end - 2
                if cut >= 2 and seg[cut - 1].norm not in _AR_NEWS_WORDS:
                    end = cut
            named_end = end
            if end > 2 and _outlet_noun(seg[0], False):
                # «قناة X الناطقة باسم الحركة»: whose voice the outlet is ends its name
                named_end = next(
                    (d for d in range(2, end) if seg[d].norm in _AR_OUTLET_OWNERS), end
                )
            np.name = _name_text(seg, 0, named_end, sentence)
            if (
                named_end > 1
                and seg[1].quote != -1
                and all(t.quote == seg[1].quote for t in seg[1:named_end])
                and _outlet_noun(seg[0], False)
                and _strip_al(seg[0].norm) != _AGENCY
            ):
                # «فضائية «المدار»»: the quoted name is the outlet's own name, its noun a gloss
                # (an agency keeps its noun: «وكالة «X»» is how its name is written)
                np.name = _name_text(seg, 1, named_end, sentence)
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
            # «وزير خارجية سوريا» is made definite by the country that closes the construct.
            if (
                not role_toks[0].norm.startswith("ال")
                and (len(role_toks) == 1 or not role_toks[1].norm.startswith("ال"))
                and not _named_place_in(role_toks)
                and not _closed_by_nationality([t.norm for t in role_toks])
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
            # «طالبت الوزارة المواطنين بـ»: the addressees alone after a body
            and not (np.body and name_end == len(seg) - 1 and _addressee(seg[name_end].norm))
            # «المحكمة ومقرها في لاهاي»: a circumstantial clause after a body
            and not (np.body and _seat_clause(seg[name_end]))
        ):
            # «موسكو وبيونغ يانغ»: more than one clean subject. A role after a full
            # «ROLE NAME» subject is the verb's object («طالب ... السفيرَ فلانًا بأن»).
            return None
        return np
    if (
        side is not None
        and side.type == "adj"
        and len(side.words) == 1
        and first.norm.startswith("ال")
        and len(seg) > 2
    ):
        # «وقال الروماني دان بوبيسكو»: a definite nationality before a name of two words or
        # more is the person's description, not the first word of the name.
        name_end = _ar_name_span(seg, 1)
        if name_end >= 3:
            np.name = _name_text(seg, 1, name_end, sentence)
            np.role = first.surf
            np.kind = "other"
            if name_end < len(seg) and _role_at(seg, name_end, _AR_ROLES):
                r_end = _consume_ar_role(seg, name_end, False)
                role_toks = seg[name_end:r_end]
                np.role = _text(seg, name_end, r_end, sentence)
                kind, _typ = _kind_of(role_toks, _AR_ROLES)
                np.kind = kind or "other"
                np.affiliation = _affiliation(role_toks, speaker_is_place=False)
            elif strict and name_end < len(seg) and seg[name_end].norm not in _AR_STOP:
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


def _side_run_end(seg: list[_Tok], p: int) -> int:
    """After a country's name, the definite words that still belong to it («الحكومة السورية
    الانتقالية» aside, a country may be followed by an adjective or a coordinated side)."""
    while p < len(seg) and not _COMMA_RE.search(seg[p].gap):
        t = seg[p]
        if t.norm.startswith(("ال", "وال")):
            p += 1
            continue
        side = _side_at(seg, p) if _side_candidates(t.norm) else None
        if side is not None and side.type in ("country", "capital") and side.words[0] == t.norm:
            break  # «دعت مصر إسرائيل إلى»: a second country without «و» is the object
        if side is None and t.norm[:1] == "و" and len(t.norm) > 2:
            # «موسكو وبيونغ يانغ»: a coordinated place, maybe of several words.
            plain = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
            bare = [*seg[:p], plain, *seg[p + 1 :]]
            side = _side_at(bare, p) if _side_candidates(plain.norm) else None
        if side is None:
            break
        p += len(side.words)
    return p


def _named_place_in(role_toks: list[_Tok]) -> bool:
    """Does a title construct end in a proper place or body name («وزير خارجية سوريا»)? An
    adjective of nationality («مسؤول أمريكي») leaves it indefinite."""
    for k in range(1, len(role_toks)):
        if role_toks[k].norm in _AR_STOP:
            return False  # «مسؤول في طهران»: a place after a preposition leaves it indefinite
        side = _side_at(role_toks, k)
        if side is not None and side.type in ("country", "capital", "body"):
            return True
    return False


def _statement_issuer(seg: list[_Tok], sentence: str) -> _NP | None:
    """Issuer of «بيان صادر عن وزارة الدفاع»، «بيان لوزارة الدفاع»، «بيان الوزارة»."""
    p = 1
    while p < len(seg) and (seg[p].norm in _AR_ISSUED or seg[p].norm in ("عن", "من")):
        p += 1
    # «حصيلة رسمية لوزارة الصحة»، «تصريحات جديدة للوزير»: indefinite adjectives of the noun
    # before لـ + the issuer.
    adjectives = 0
    while (
        p == 1 + adjectives
        and adjectives < 2
        and p + 1 < len(seg)
        and not seg[p].norm.startswith(("ال", "ل"))
        and seg[p].norm.endswith(("ه", "ي", "يه"))
        and seg[p + 1].norm.startswith("ل")
        and not seg[p + 1].norm.startswith("ال")
        and not _COMMA_RE.search(seg[p + 1].gap)
    ):
        adjectives += 1
        p += 1
    if p >= len(seg):
        return None
    rest = seg[p:]
    # «بيان للحكومة نشرته وكالة X»: the issuer ends before the verb of the outlet that
    # published or received the statement.
    cut = next((k for k in range(1, len(rest)) if rest[k].norm in _AR_RELAYED_BARE), len(rest))
    rest = rest[:cut]
    nt = rest[0].norm
    if p == 1 + adjectives and nt.startswith("ل") and not nt.startswith("ال"):
        base = "ال" + nt[2:] if nt.startswith("لل") else nt[1:]
        lam = 1
        rest = [_Tok(rest[0].surf[lam:], base, rest[0].start + lam, rest[0].end, "", -1), *rest[1:]]
    np = _parse_ar_np(rest, sentence, strict=True)
    # «تصريحات فلان»: a noun of speech is a person's own, a bare name is its speaker.
    bare = np is not None and not (np.body or np.role or np.kind != "other")
    if bare and _strip_al(seg[0].norm) not in _AR_SPEECH_NOUNS:
        return None
    return np


# Nouns of speech (not documents): their genitive is a person who spoke.
_AR_SPEECH_NOUNS = frozenset(_n(w) for w in _words("تصريح تصريحات"))


def _split_commas(seg: list[_Tok]) -> list[list[_Tok]]:
    parts: list[list[_Tok]] = [[]]
    for t in seg:
        if parts[-1] and _COMMA_RE.search(t.gap):
            parts.append([])
        parts[-1].append(t)
    return [p for p in parts if p]


# Nouns that head an outlet's name («قناة X»، «وكالة X»), and the camera or microphone of one
# («لكاميرا X»): after a channel head, لـ or عبر they name the channel of an interview.
_AR_OUTLET_NOUNS = frozenset(
    _n(w)
    for w in _words(
        "قناة فضائية وكالة صحيفة جريدة مجلة نشرة إذاعة راديو تلفزيون موقع شبكة منصة كاميرا ميكروفون"
    )
)
_AR_DEVICE_NOUNS = frozenset(_n(w) for w in _words("كاميرا ميكروفون"))


def _outlet_noun(t: _Tok, prep: bool) -> bool:
    """Is t an outlet noun («قناة»), or with prep one after لـ («لقناة»)?"""
    if t.quote != -1:
        return False
    if prep:
        return (
            t.norm.startswith("ل")
            and not t.norm.startswith("لل")
            and t.norm[1:] in _AR_OUTLET_NOUNS
        )
    return t.norm in _AR_OUTLET_NOUNS


_AR_RELAYING = frozenset(_n(w) for w in _words("نقلا نقلاً"))
_AR_AS_PHRASES = frozenset(_n(w) for w in _words("بحسب حسب وبحسب وحسب وفق"))
_AR_AS_MERGED = frozenset(_n(w) for w in _words("حسبما بحسبما وحسبما وفقما"))
_AR_RELAY_VERBS = frozenset(
    _n(w) for w in _words("نقلت نقلته نقل نقله أوردت أوردته ذكرت ذكرته أفادت بثت بثته نشرت نشرته")
)


def _relayed_outlet_at(seg: list[_Tok], p: int) -> int:
    """Index of the outlet noun or name in «بحسب ما نقلت قناة X» / «حسبما أوردت صحيفة X»
    starting at p, else -1."""
    t = seg[p]
    if t.norm in _AR_AS_PHRASES and p + 2 < len(seg) and seg[p + 1].norm == "ما":
        v = p + 2
    elif t.norm in _AR_AS_MERGED:
        v = p + 1
    else:
        return -1
    if v + 1 >= len(seg) or seg[v].norm not in _AR_RELAY_VERBS:
        return -1
    o = seg[v + 1]
    if _outlet_noun(o, False) or (o.quote == -1 and is_outlet_name(o.surf)):
        return v + 1
    return -1


# A written message sent to an outlet («في رسالة إلى رويترز»).
_AR_MESSAGE_NOUNS = frozenset(_n(w) for w in _words("رسالة رسالته رسالتها بيان تصريحات"))


_AR_GAVE = frozenset(_n(w) for w in _words("أدلى أدلت"))
_AR_GAVE_BI = frozenset(_n(w) for w in _words("به بها"))


def _find_channel(seg: list[_Tok], sentence: str) -> tuple[str, int, int]:
    """(channel, start, end) of the outlet an interview was given to, else ('', -1, -1).

    «في حديث لوكالة ...»، «خلال اتصال هاتفي مع قناة ...»، and directly after the speaker
    «قال ... لـ«الشرق الأوسط»» or «قال ... لوكالة رويترز».
    """
    for p, t in enumerate(seg):
        q = _relayed_outlet_at(seg, p)
        if q != -1:
            # «قال فلان – بحسب ما نقلت قناة X –»: the outlet that relayed the words.
            return _channel_span(seg, q, 0, p, sentence)
        if t.norm in _AR_CHANNEL_HEADS:
            q = p + 1
            while q < len(seg) and (seg[q].norm in _AR_CHANNEL_MODIFIERS or seg[q].norm == "مع"):
                q += 1
            if (
                q + 2 < len(seg)
                and seg[q].norm in _AR_GAVE
                and seg[q + 1].norm in _AR_GAVE_BI
                and _outlet_noun(seg[q + 2], True)
            ):
                q += 2  # «في تصريحات أدلى بها لصحيفة X»: the remarks given to the outlet
            if q >= len(seg):
                return "", -1, -1
            start = p - 1 if p > 0 and seg[p - 1].norm in ("في", "خلال", "وفي", "عبر") else p
            if _outlet_noun(seg[q], False):
                # «في تصريح صحيفة "X"»: the outlet straight after the head.
                return _channel_span(seg, q, 0, start, sentence)
            if q > p + 1 and seg[q - 1].norm == "مع":
                # «في مقابلة مع الإعلامي X عبر فضائية Y»: the outlet is Y, not the interviewer.
                via = next(
                    (
                        k
                        for k in range(q + 1, min(len(seg) - 1, q + 8))
                        if seg[k].norm == "عبر" and _outlet_noun(seg[k + 1], False)
                    ),
                    -1,
                )
                if via != -1:
                    return _channel_span(seg, via + 1, 0, start, sentence)
                return _channel_span(seg, q, 0, start, sentence)
            if seg[q].norm in _AR_VIA and q + 1 < len(seg):
                # «خلال مداخلة هاتفية عبر قناة X»، «في مقابلة عبر "X"»، «في تصريحات على قناة X»:
                # the outlet the interview went out on (a quoted name after عبر).
                if _outlet_noun(seg[q + 1], False) or (
                    seg[q].norm == "عبر" and seg[q + 1].quote != -1
                ):
                    return _channel_span(seg, q + 1, 0, start, sentence)
                return "", -1, -1
            if seg[q].norm == "ل" and q + 1 < len(seg):
                return _channel_span(seg, q + 1, 0, start, sentence)
            if seg[q].norm.startswith("ل") and len(seg[q].norm) > 2:
                if seg[q].norm[1:] in _AR_PROGRAMME_NOUNS:
                    # «في تصريحات لبرنامج "X" عبر "راديو Y"»: the broadcaster, not its show.
                    via = next(
                        (
                            k
                            for k in range(q + 1, min(len(seg) - 1, q + 7))
                            if seg[k].norm in _AR_VIA
                            and (_outlet_noun(seg[k + 1], False) or seg[k + 1].quote != -1)
                        ),
                        -1,
                    )
                    if via != -1:
                        return _channel_span(seg, via + 1, 0, start, sentence)
                return _channel_span(seg, q, 1, start, sentence)
            return "", -1, -1
        if (
            t.norm.startswith("ل")
            and not t.norm.startswith("لل")
            and t.quote == -1
            and is_outlet_name(t.surf[1:].lstrip("ـ"))
        ):
            # «وقال لرويترز إن ...»: an agency or outlet of the gazetteer after لـ.
            return _channel_span(seg, p, 1, p, sentence)
        if (
            t.norm == "الي"
            and p + 1 < len(seg)
            and any(x.norm in _AR_MESSAGE_NOUNS for x in seg[max(0, p - 3) : p])
            and (_outlet_noun(seg[p + 1], False) or is_outlet_name(seg[p + 1].surf))
        ):
            # «وكتبت في رسالة نصية إلى رويترز»: the outlet the message was sent to.
            return _channel_span(seg, p + 1, 0, p, sentence)
        if _outlet_noun(t, True) and p + 1 < len(seg):
            # «قالت مصادر لوكالة "X"»، «يقول فلان لكاميرا X»: لـ + an outlet noun.
            return _channel_span(seg, p, 1, p, sentence)
        if t.norm == "عبر" and p + 2 < len(seg) and _outlet_noun(seg[p + 1], False):
            # «قال فلان عبر قناة X»
            return _channel_span(seg, p + 1, 0, p, sentence)
        if p == 0:
            continue
        if t.norm == "ل" and p + 1 < len(seg) and seg[p + 1].quote != -1:
            return _channel_span(seg, p + 1, 0, p, sentence)
        if t.norm.startswith("ل") and not t.norm.startswith("لل") and t.quote == -1:
            role = _role_at(seg, p, _AR_ROLES, prep=True)
            if role and role.kind == "media" and role.type == "body":
                return _channel_span(seg, p, 1, p, sentence)
    return "", -1, -1


_MA = frozenset({_n("ما"), _n("وهو ما"), _n("وهذا ما")})
_BI_QAWLIHI = frozenset(_n(w) for w in _words("بقوله بقولها بقولهم"))


def _what_x_confirmed(toks, sentence, ctx, quotes_len) -> list[_Hit]:
    """«وهو ما أكده رئيس الهلال الأحمر فلان بقوله: "…"»، «وهذا ما أعلنته الوزارة»: a reporting
    verb with the object pronoun of «ما»; its subject follows, and the words are those after
    «بقوله» or, without them, the statement the clause refers back to."""
    out: list[_Hit] = []
    for k in range(1, len(toks) - 1):
        if toks[k - 1].norm != "ما" or toks[k].quote != -1:
            continue
        norm = toks[k].norm
        base = norm[:-2] if norm.endswith("ها") else norm[:-1] if norm.endswith("ه") else ""
        verb = _AR_VERBS.get(base) if base else None
        if verb is None or verb.participle or verb.homograph:
            continue
        e = k + 1
        while e < len(toks) and e - k <= 9 and toks[e].quote == -1:
            if toks[e].norm in _BI_QAWLIHI or _HARD_PUNCT.search(toks[e].gap):
                break
            if _COMMA_RE.search(toks[e].gap) or ":" in toks[e].gap:
                break
            e += 1
        np = _parse_ar_np(toks[k + 1 : e], sentence, strict=True) if e > k + 1 else None
        if np is None or not (np.body or (np.role and np.name != np.role) or _is_known(np, ctx)):
            continue
        np = ctx.resolve(np)
        ctx.learn(np)
        ctx.last = np
        if e < len(toks) and toks[e].norm in _BI_QAWLIHI and e + 1 < len(toks):
            direct = toks[e + 1].quote if _opening_quote(toks, e + 1, quotes_len) else -1
            out.append(_Hit(np, toks[k].surf, e + 1, direct, "", k))
        else:
            # The words are the clause before «ما»: the statement it refers back to.
            start = 0
            stop = k - 1
            while stop > start and toks[stop - 1].norm in ("وهو", "وهذا", "هو", "هذا"):
                stop -= 1
            text = _text(toks, start, stop, sentence) if stop > start else ""
            if text:
                out.append(_Hit(np, toks[k].surf, e, -1, "", k, text_override=text))
        break
    return out


# Verbal nouns of saying («بعد إعلان الحركة قبولها»، «عقب تأكيد الوزير أن»).
_AR_SAYING_MASDARS = frozenset(
    _n(w) for w in _words("إعلان تأكيد قول إعراب نفي تحذير إشارة اعتراف تعهد")
)


def _masdar_statements(toks, sentence, ctx, hits) -> list[_Hit]:
    """«بعد إعلان حركة حماس قبولها المقترح»، «عقب تأكيد الوزير أن …»: a verbal noun of saying
    with its subject in the genitive (an institution, a titled or known name), then أن/إن or a
    possessed noun object («قبولها»): the subject said it."""
    for k in range(len(toks) - 2):
        norm = toks[k].norm
        if norm not in _AR_SAYING_MASDARS and not (
            norm[:1] in "وب" and norm[1:] in _AR_SAYING_MASDARS
        ):
            continue
        if toks[k].quote != -1 or any(h.trigger <= k for h in hits):
            continue  # a masdar inside or after a statement is its content
        for e in range(min(len(toks), k + 7), k + 1, -1):
            if e >= len(toks) or any(
                _COMMA_RE.search(x.gap) or _HARD_PUNCT.search(x.gap) for x in toks[k + 1 : e + 1]
            ):
                continue
            nxt = toks[e].norm
            # «إعلان الجماعة عن قصف …»، «إعلان الجماعة استهداف …»: «عن» or a verbal noun
            # (its shape or the object-noun lexicon) opens the object after the genitive
            about = nxt == "عن" and e + 2 < len(toks) and toks[e + 1].quote == -1
            verbal = toks[e].quote == -1 and (
                nxt in _AR_OBJECT_NOUNS or (_masdar_shape(nxt) and e + 1 < len(toks))
            )
            if (about or verbal) and any(
                x.norm in _AN_FORMS or _possessed(x.norm) or x.norm.endswith(("ها", "هم"))
                for x in toks[k + 1 : e]
            ):
                continue  # «إعلان الحركة قبولها مقترح وقف إطلاق …»: the object began earlier
            if not (
                nxt in _AN_FORMS or _possessed(nxt) or nxt.endswith(("ها", "هم")) or about or verbal
            ):
                continue
            np = _parse_ar_np(toks[k + 1 : e], sentence, strict=True)
            if np is None or not (
                np.body or (np.role and np.name != np.role) or _is_known(np, ctx)
            ):
                continue
            if np.kind == "anonymous" or _side_at(toks, k + 1) is not None and not np.role:
                continue  # «إعلان جدة»: a place's declaration
            np = ctx.resolve(np)
            ctx.learn(np)
            content = e + 1 if nxt in _AN_FORMS or about else e
            return [_Hit(np, toks[k].surf, content, -1, "", k)]
        apposed = _masdar_apposed_name(toks, k, sentence)
        if apposed is not None:
            np, content = apposed
            np = ctx.resolve(np)
            ctx.learn(np)
            return [_Hit(np, toks[k].surf, content, -1, "", k)]
    return []


def _masdar_apposed_name(toks, k: int, sentence: str) -> tuple[_NP, int] | None:
    """«بعد إعلان زعيم التيار، فلان الفلاني، اعتزاله …»: the masdar's genitive is a bare title
    with its holder's name between commas, then the object (a possessed noun, أن or a verbal
    noun): the named person said it. (np, content start) or None."""
    n = len(toks)
    c = next((c for c in range(k + 2, min(n, k + 7)) if _COMMA_RE.search(toks[c].gap)), -1)
    if c == -1 or any(_HARD_PUNCT.search(t.gap) or t.quote != -1 for t in toks[k + 1 : c]):
        return None
    e2 = _apposed_name_end(toks, k, c, sentence)
    if e2 == -1 or e2 + 1 >= n or toks[e2].quote != -1:
        return None
    nxt = toks[e2].norm
    if not (
        nxt in _AN_FORMS
        or (len(nxt) >= 5 and nxt.endswith(("ه", "ها", "هم")) and not nxt.startswith("ال"))
        or (_masdar_shape(nxt) and not nxt.startswith("ال"))
    ):
        return None
    title = _parse_ar_np(toks[k + 1 : c], sentence, strict=True)
    named = _parse_ar_np(_strip_honorifics(toks[c:e2]), sentence, strict=True)
    if title is None or named is None:
        return None
    np = _NP(named.name, title.role, title.kind, title.affiliation)
    return np, e2 + 1 if nxt in _AN_FORMS else e2


# «في بيان نشرته وكالة X إن …»: a statement published or issued by X.
_AR_PUBLISHED = frozenset(
    _n(w)
    for w in _words(
        "نشرته نشرتها أصدرته أصدرتها وزعته وزعتها أوردته أوردتها بثته بثتها أذاعته أذاعتها"
        # «في بيان تلقته شبكة X»: a statement sent to X, which cites it
        " تلقته تلقتها تلقاه تلقاها"
    )
)


def _published_statement(toks, sentence, ctx) -> _Hit | None:
    """«وفي بيان نشرته وكالة الأنباء الليبية إن …»: the publisher of the statement says it."""
    for k in range(2, min(len(toks) - 2, 6)):
        if toks[k].norm not in _AR_PUBLISHED or _strip_al(toks[k - 1].norm) not in _STATEMENT_NOUNS:
            continue
        if toks[k - 2].norm not in ("في", "وفي", "ففي"):
            return None
        e = k + 1
        while e < len(toks) and e - k <= 8 and toks[e].norm not in _AN_FORMS:
            if ":" in toks[e].gap or _HARD_PUNCT.search(toks[e].gap):
                break
            if _COMMA_RE.search(toks[e].gap):
                return None
            e += 1
        if e >= len(toks) or e == k + 1:
            return None
        colon = ":" in toks[e].gap
        if not colon and toks[e].norm not in _AN_FORMS:
            return None
        np = _parse_ar_np(toks[k + 1 : e], sentence, strict=True)
        if np is None or not (np.body or np.kind == "media" or is_outlet_name(np.name)):
            return None
        np = ctx.resolve(np)
        ctx.learn(np)
        content = e if colon else e + 1
        return _Hit(np, _text(toks, k - 2, k + 1, sentence), content, -1, "", k)
    return None


_AR_CAME = frozenset(_n(w) for w in _words("جاء وجاء كما وكما"))


def _came_in_statement(toks, sentence, ctx, quotes_len) -> _Hit | None:
    """«وجاء في بيان للكرملين أن …»، «وجاء في بيان صادر عن الوزارة: …»: the issuer of the
    document says it. «وجاء في البيان أن» with no issuer is the statement of the institution
    that spoke last (as «وأوضح البيان أن»)."""
    k = 0
    if k < len(toks) and toks[k].norm in ("كما", "وكما"):
        k += 1
    if k + 3 >= len(toks) or toks[k].norm not in _AR_CAME or toks[k].norm in ("كما", "وكما"):
        return None
    if toks[k + 1].norm != "في" or _strip_al(toks[k + 2].norm) not in _STATEMENT_NOUNS:
        return None
    doc = k + 2
    e = doc + 1
    while e < len(toks) and e - doc <= 12:
        t = toks[e]
        if t.norm in _AN_FORMS or ":" in t.gap or _opening_quote(toks, e, quotes_len):
            break
        if _HARD_PUNCT.search(t.gap) or t.norm in _AR_REL:
            return None
        e += 1
    if e >= len(toks):
        return None
    np = _statement_issuer(toks[doc:e], sentence) if e > doc + 1 else None
    if np is None:
        if e != doc + 1 or not toks[doc].norm.startswith("ال"):
            return None
        if ctx.last is None or not ctx.last.body:
            return None  # «وجاء في البيان» after a person: nobody's issued words
        np = ctx.last
    else:
        np = ctx.resolve(np)
        ctx.learn(np)
    direct = toks[e].quote if _opening_quote(toks, e, quotes_len) else -1
    content = e + 1 if toks[e].norm in _AN_FORMS else e
    return _Hit(np, _text(toks, k, doc + 1, sentence), content, direct, "", k)


def _names_an_outlet(channel: str) -> bool:
    """«قناة "المملكة" الأردنية»، «رويترز»: an outlet noun or a gazetteer outlet, not a person
    («تصريح للمدرب فلان»)."""
    words = channel.split()
    if not words:
        return False
    if is_outlet_name(channel) or is_outlet_name(words[0]):
        return True
    toks, _ = _tokens(channel)
    return bool(toks) and _outlet_noun(toks[0], False)


def _channel_span(seg, q, offset, start, sentence) -> tuple[str, int, int]:
    target = seg[q]
    end = q + 1
    name_end = 0
    while end < len(seg) and not (seg[end].gap and _COMMA_RE.search(seg[end].gap)):
        if seg[end].norm in _AR_AN_OR_STOP or seg[end].norm in _AR_VERBS:
            break  # «مع تلفزيون X قائلاً:»: a reporting verb or participle ends the name
        if not name_end and seg[end].norm in _AR_TIME_WORDS:
            name_end = end  # «نقلت قناة X الثلاثاء»: the day is no part of the outlet's name
        end += 1
    name_end = name_end or end
    if q + 1 < name_end and seg[q + 1].quote != -1 and _outlet_noun(seg[q], offset == 1):
        # «قناة "X" الأمريكية»: the quoted words are the outlet's name; the noun before them
        # and the words after them describe it.
        k = q + 1
        while k < name_end and seg[k].quote == seg[q + 1].quote:
            k += 1
        if k - q - 1 <= 5:
            quoted = " ".join(_QUOTE_CHARS_RE.sub(" ", _text(seg, q + 1, k, sentence)).split())
            noun = sentence[target.start + offset : target.end].lstrip("ـ")
            return f"{noun} «{quoted}»", start, end
    chan = sentence[target.start + offset : seg[name_end - 1].end].lstrip("ـ")
    if target.norm.startswith("لل") and offset:
        chan = "ا" + chan  # «للأنباء»: keep the article
    if name_end == end and sentence[seg[end - 1].end : seg[end - 1].end + 1] == ")":
        chan += ")"
    chan = " ".join(_QUOTE_CHARS_RE.sub(" ", chan).split())
    if chan and _n(chan.split()[0]) in _AR_AUDIENCE_NOUNS:
        return "", -1, -1  # «في تصريح للصحفيين»: the audience, not an outlet
    return chan, start, end


_AR_AUDIENCE_NOUNS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_audience_nouns.txt"))


_AR_AN_OR_STOP = _AN_FORMS | frozenset({"في", "خلال", "الي", "عن"})


_AR_PERSON_HEADS = frozenset(
    h for k, v in _AR_ROLES.items() if v[0].type == "person" for h in (k, "و" + k)
)


# Short vowels a writer adds to mark the passive («أوقِف»، «اعتُقل»، «قُتل»).
_PASSIVE_MARKS = ("\u064f", "\u0650")


def _opening_verb(toks: list[_Tok], s: int) -> bool:
    """Token s opens the clause and is its verb, not a name's first word: a conjunction و/ف
    glued to the word (a clause opened by «و»/«ف» goes on with its verb: «واعترض»، «فأوقف»),
    or a damma/kasra inside the word, the mark of a passive verb («أوقِف»، «اعتُقل»)."""
    if not _after_break(toks, s):
        return False
    t = toks[s]
    if t.norm[:1] in "وف" and len(t.norm) >= 4:
        return True
    return any(m in t.surf[:-1] for m in _PASSIVE_MARKS)


def _name_before_apposition(toks: list[_Tok], p: int, nationality_before: bool = False) -> int:
    """Start of a name that ends right before the title at p, set off by a comma
    («السيد فلان الفلاني، وزير الخارجية،»), else -1. The name is 2-4 name-like words, not
    definite at its start, after an honorific, a title, a verb or a preposition: a noun
    phrase before a comma («أسر الضحايا، وزير …») is not taken for a name."""
    k = p - 1
    while k >= 0 and p - k <= 4:
        x = toks[k]
        if (
            x.quote != -1
            or not _ar_name_like(x)
            or x.norm in _HONORIFIC_WORDS_N
            or x.norm in _AR_ROLES
            or x.norm in _AR_NAME_STOPS
            or _side_at(toks, k) is not None
            or _ar_verb(toks, k) is not None  # «وقال فلان، أستاذ …»: the verb is no name
        ):
            break
        if k + 1 < p and (_COMMA_RE.search(toks[k + 1].gap) or _HARD_PUNCT.search(toks[k + 1].gap)):
            break
        k -= 1
    s = k + 1
    if p - s >= 3 and _opening_verb(toks, s):
        # «واعترض فلان الفلاني، رئيس …»، «أوقِف فلان الفلاني، الحاكم …»: the clause's verb
        # opens the run; the name follows it.
        return s + 1
    if p - s < 2 or toks[s].norm.startswith("ال"):
        return -1
    if _after_break(toks, s):
        return s
    before = toks[s - 1].norm
    if (
        before in _HONORIFIC_WORDS_N
        or before in _AR_ROLES
        or before in _AR_VERBS
        or _ar_verb(toks, s - 1) is not None
        or before in _AR_STOP
        or _role_at(toks, s - 1, _AR_ROLES) is not None
        or (nationality_before and before.startswith("ال") and _side_at(toks, s - 1) is not None)
    ):
        return s
    return -1


# Number words before a counted noun («ألف عضو»، «عشرات الأعضاء»).
_AR_COUNT_WORDS = _AR_CARDINALS | frozenset(
    _n(w)
    for w in _words(
        "ألف آلاف مليون ملايين مئة مائة مئات عشرات عشرين ثلاثين أربعين خمسين ستين سبعين "
        "ثمانين تسعين"
    )
)


def _said_by(quote: Quote, np: _NP, affiliation: str | None = None, **changes: str) -> Quote:
    """`quote` given to another voice (a coordinated subject, «على لسان» X): same words,
    its speaker fields from `np`."""
    return replace(
        quote,
        speaker=np.name,
        speaker_kind=np.kind,
        role=np.role,
        affiliation=np.affiliation if affiliation is None else affiliation,
        **changes,
    )


def _titled_name(
    toks: list[_Tok], s: int, p: int, end: int, sentence: str, ctx: _Ctx, surnames: dict
) -> _NP:
    """The person of a name (toks[s:p]) and its title (toks[p:end]) written next to it,
    resolved to the person met before when the name ends in a known surname."""
    np = _NP(_name_text(toks, s, p, sentence), _text(toks, p, end, sentence))
    np.kind = _kind_of(toks[p:end], _AR_ROLES)[0] or "other"
    np.affiliation = _affiliation(toks[p:end], False)
    return ctx.resolve(np) if _nphrase(np.name)[-1] in surnames else np


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
        # «وزير» is a title that itself begins with و: strip a conjunction only from other words.
        strip = t.norm[:1] == "و" and len(t.norm) > 3 and t.norm not in _AR_ROLES
        base = t.norm[1:] if strip else t.norm
        role = _AR_ROLES.get(base)
        if role and base in _HONORIFIC_WORDS_N and _role_at(toks, p, _AR_ROLES) is None:
            # «الشيخ فلان»: an honorific that only opens a longer title («شيخ الأزهر») is no
            # title of its own
            role = None
        if (
            t.quote == -1
            and not strip
            and role
            and role[0].type == "person"
            and p >= 2
            and _COMMA_RE.search(t.gap)
        ):
            s = _name_before_apposition(toks, p)
            if s >= 0:
                # «السيد فلان الفلاني، وزير الخارجية،»: name, comma, title. The title is his,
                # so a later bare «وزير الخارجية» or «المتحدث» is this person.
                end = p + _consume_ar_role(toks[p:], 0, False)
                np = _titled_name(toks, s, p, end, sentence, ctx, surnames)
                if np.role:
                    ctx.learn(np)
                    out.append((s, np))
                    resume = end
                    continue
        if (
            t.quote == -1
            and not strip
            and role
            and role[0].type == "person"
            and p >= 2
            and not t.norm.startswith("ال")
            and t.gap == " "
            and p + 1 < len(toks)
            and toks[p + 1].norm.startswith("ال")
        ):
            # «اعترف المغربي فلان الفلاني مدرب المنتخب الأردني، …»: a name, then its title in
            # construct (no comma), the title closed by a comma or the end of the clause.
            s = _name_before_apposition(toks, p, nationality_before=True)
            end = p + _consume_ar_role(toks[p:], 0, False)
            closed = end >= len(toks) or bool(
                _COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap)
            )
            if s >= 0 and closed:
                np = _titled_name(toks, s, p, end, sentence, ctx, surnames)
                if np.role:
                    ctx.learn(np)
                    out.append((s, np))
                    resume = end
                    continue
        if (
            role
            and role[0].kind == "media"
            and p > 0
            and _strip_al(toks[p - 1].norm) in _AR_CIRCUMSTANCE_HEADS
        ):
            # «مؤتمر صحفي»، «بيان صحفي»: an adjective, not a journalist. «كلمة رئيس الوزراء»
            # is a construct: the speech of a person, who is mentioned.
            role = None
        if (
            role
            and p > 0
            and not t.norm.startswith("ال")
            and (toks[p - 1].norm.isdigit() or toks[p - 1].norm in _AR_COUNT_WORDS)
        ):
            role = None  # «180 ألف عضو»، «ثلاثين عضوا»: a count of members, no one's mention
        if t.quote == -1 and role and role[0].type == "person":
            sub = toks[p:]
            if base != t.norm:
                sub = [_Tok(t.surf[1:], base, t.start + 1, t.end, t.gap, -1), *toks[p + 1 :]]
            end = _consume_ar_role(sub, 0, False)
            after_comma = end < len(sub) and bool(_COMMA_RE.search(sub[end].gap))
            name_end = end if after_comma else _ar_name_span(sub, end)
            nationality = _side_at(sub, end) if after_comma else None
            if after_comma and end > 0 and nationality is None:
                # «المتحدث باسم الوزارة، فلان الفلاني،»: title, comma, the holder's name set off
                # by commas (2-4 name words, then a comma or the end of the sentence).
                a_end = _ar_name_span(sub, end)
                closed = a_end == len(sub) or bool(
                    _COMMA_RE.search(sub[a_end].gap) or _HARD_PUNCT.search(sub[a_end].gap)
                )
                if (
                    a_end - end >= 2
                    and closed
                    and not sub[end].norm.startswith("ال")
                    and sub[end].norm not in _AR_VERBS
                    and not _role_at(sub, end, _AR_ROLES)
                ):
                    np = _NP(_name_text(sub, end, a_end, sentence), _text(sub, 0, end, sentence))
                    np.kind = _kind_of(sub[:end], _AR_ROLES)[0] or "other"
                    np.affiliation = _affiliation(sub[:end], False)
                    ctx.learn(np)
                    out.append((p, np))
                    resume = p + a_end
                    continue
            if nationality is not None and nationality.type == "adj":
                # «مدرب منتخب تنزانيا، الجزائري عادل عمروش،»: the title, then the person's own
                # nationality and name in apposition.
                n_end = end + len(nationality.words)
                named_end = _ar_name_span(sub, n_end) if n_end < len(sub) else n_end
                if named_end > n_end and not _COMMA_RE.search(sub[n_end].gap):
                    np = _NP(
                        _name_text(sub, n_end, named_end, sentence), _text(sub, 0, end, sentence)
                    )
                    np.kind = _kind_of(sub[:end], _AR_ROLES)[0] or "other"
                    np.affiliation = nationality.side
                    ctx.learn(np)
                    out.append((p, np))
                    resume = p + named_end
                    continue
            if (
                end < len(sub)
                and name_end > end
                and not sub[end].norm.startswith("ال")
                and not (
                    sub[end].norm[0] in "يت"
                    and len(sub[end].norm) >= 4
                    and sub[end].norm not in _AR_VERBLIKE_GIVEN_NAMES
                )
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


def _ar_verb(toks: list[_Tok], i: int) -> _Verb | None:
    t = toks[i]
    if t.norm in _AR_NOT_VERBS:
        return None
    v = _AR_VERBS.get(t.norm)
    if v is None and len(t.norm) > 3 and t.norm[0] in "وف":
        v = _AR_VERBS.get(t.norm[1:])
        # A conjunction-prefixed short verb must open a clause: «فرات» after «وكالة» is a
        # name, not ف + رأت; «وبين» after a noun is "and between".
        if (
            v is not None
            and t.norm[0] == "ف"
            and not _clause_initial(toks, i)
            and not _fa_after_amma(toks, i)
        ):
            # «أما الجامعة العربية فقالت»: after «أما» the ف opens the comment on the topic.
            return None
    # A homograph (بين، ذكر، تابع ...) is a verb only when it opens a clause: «الاتفاق بين
    # موسكو وبكين أن» is the preposition.
    # «... السفيرَ وطالبت بـ»: و + a feminine past form («طالبت»، «ذكرت») is a verb coordinated
    # with the clause before, not a noun; the bare «وطالب»، «وبين» stay nouns.
    if v is not None and v.homograph and _SHADDA in t.surf:
        # «عبّر»، «بيّن»: the doubled consonant is written on the verb, never on the
        # preposition («عبر»، «بين»), so the word is the verb wherever it stands.
        return _verb_not_homograph(v)
    if (
        v is not None
        and v.homograph
        and not _clause_initial(toks, i)
        and not (v is not _AR_VERBS.get(t.norm) and t.norm[0] == "و" and t.norm[-1] == "ت")
        and not (v is not _AR_VERBS.get(t.norm) and t.norm[0] == "ف" and _fa_after_amma(toks, i))
    ):
        return None
    return v


def _fa_after_amma(toks: list[_Tok], i: int) -> bool:
    """«أما المحامي فوصف …»: a ف-verb within eight words after «أما» opens the comment."""
    return any(toks[k].norm in _AR_AMMA for k in range(max(0, i - 8), i))


_SHADDA = "\u0651"


@cache
def _verb_not_homograph(v: _Verb) -> _Verb:
    return replace(v, homograph=False)


def _after_break(toks: list[_Tok], i: int) -> bool:
    """Token i opens the text or follows a comma or hard punctuation."""
    return i == 0 or bool(_COMMA_RE.search(toks[i].gap) or _HARD_PUNCT.search(toks[i].gap))


def _clause_initial(toks: list[_Tok], i: int) -> bool:
    if _after_break(toks, i):
        return True
    prev = toks[i - 1].norm
    # «وبينما ذكرت»، «وحيث أعلنت»: a clause word after the conjunction و; «ومن جهتها نقلت».
    return (
        prev in _AR_KANA
        or prev in _AR_CLAUSE
        or prev in _AR_FILLERS
        or (prev[:1] == "و" and len(prev) > 2 and prev[1:] in _AR_CLAUSE)
    )


def _opening_quote(toks: list[_Tok], k: int, quotes_len: dict[int, int]) -> bool:
    t = toks[k]
    return t.quote != -1 and (k == 0 or toks[k - 1].quote != t.quote) and quotes_len[t.quote] >= 3


def _quoted_body(toks, k) -> bool:
    """Is the quote opening at k a body's whole name («أعلنت "المفوضية العليا المستقلة
    للانتخابات" أن»): a body noun of the lexicon, at most six words, all of them read as the
    name?"""
    q = toks[k].quote
    run = 0
    while k + run < len(toks) and toks[k + run].quote == q:
        run += 1
    if not 1 < run <= 6 or k + run >= len(toks):
        return False
    role = _role_at(toks, k, _AR_ROLES) if toks[k].norm in _AR_ROLES else None
    if role is None or role.type != "body":
        return False
    body = _parse_ar_np(toks[k : k + run], "", strict=False)
    return body is not None and body.body and _consume_ar_role(toks[k : k + run], 0, True) == run


def _quoted_name_of_outlet(toks, k) -> bool:
    """Is the quote opening at k an outlet's name right after its media noun, the verb's
    subject («وذكرت وكالة «ألف باء جيم» البريطانية أن»): at most five words, then, with no
    punctuation, a nationality adjective or أن?"""
    if not _outlet_noun(toks[k - 1], False) or _COMMA_RE.search(toks[k].gap) or ":" in toks[k].gap:
        return False
    q = toks[k].quote
    run = 0
    while k + run < len(toks) and toks[k + run].quote == q:
        run += 1
    after = k + run
    if run > 5 or after >= len(toks) or _QUOTE_CHARS_RE.sub("", toks[after].gap).strip():
        return False
    nxt = toks[after].norm
    # The name's own nationality or the verb's أن follows it; «وقالت صحيفة "…" في افتتاحيتها»
    # is an unnamed paper's words.
    return nxt in _AN_FORMS or (nxt.startswith("ال") and nxt.endswith(_AR_NISBA_ENDINGS))


# ب-words inside a subject, never the content of a verb that takes بـ: a spokesman's
# «باسم», a patronymic «بن» / «بنت».
_AR_BA_IN_SUBJECT = frozenset(_n(w) for w in ("باسم", "بن", "بنت"))


def _relative_after_subject(toks, i: int, k: int) -> bool:
    """Does the relative pronoun at k follow the verb's definite subject (two to five words,
    no comma, no quote) straight away, as in «قال وزير الداخلية الذي زار …، إن»?"""
    if not 2 <= k - i <= 6 or toks[k].quote != -1 or not toks[k - 1].norm.startswith("ال"):
        return False
    subject = toks[i + 1 : k]
    return _role_at(toks, i + 1, _AR_ROLES) is not None and not any(
        t.quote != -1 or (j and _COMMA_RE.search(t.gap)) for j, t in enumerate(subject)
    )


# «قبل قليل»، «منذ قليل»: «a while ago», a time adverbial.
_QALIL = _n("قليل")
_AR_A_WHILE = frozenset(_n(w) for w in _words("قبل منذ"))


def _find_ar_complement(toks, i, verb, quotes_len, split=False):
    """(index where the content starts, direct-quote span or -1, end of subject) or None.
    With `split`, a reporting participle after a comma ends the search (the caller reads
    the verb's noun object instead)."""
    window = 7 if verb.homograph else 24
    if verb.participle:
        window = 6
    n = len(toks)
    commas = 0
    paren_circumstance = in_relative = False
    limit = i + 1 + window
    if verb.homograph and i + 1 < n and toks[i + 1].norm in _AR_ROLES:
        role = _role_at(toks, i + 1, _AR_ROLES)
        if role is not None:
            # «وكشف المفوض السامي للأمم المتحدة لحقوق الإنسان فلان أن»: a long title is one
            # subject; the distance counts from its end.
            r_end = _consume_ar_role(toks, i + 1, role.type in ("body", "group"))
            limit += max(0, r_end - (i + 1) - 2)
    k = i
    while k + 1 < min(n, limit):
        k += 1
        t = toks[k]
        if t.norm in _AR_TIME_WORDS and t.quote == -1:
            # «وذكرت الوزارة في بيان مساء اليوم الأحد أن»: a time adverbial does not count
            # towards the distance between a homograph verb and its complement.
            limit += 1
        elif t.norm in _AR_A_WHILE and k + 1 < n and toks[k + 1].norm == _QALIL:
            limit += 2  # «وذكرت صحيفة X في خبر لها قبل قليل أن»: «a while ago» too
        elif (
            t.norm in _AR_INTERVIEW_PREPS
            and t.quote == -1
            and k + 1 < n
            and (toks[k + 1].norm in _AR_CHANNEL_HEADS or toks[k + 1].norm in _AR_POST_NOUNS)
        ):
            # «كتب فلان في منشور على منصة "X": …»: a post's circumstance, likewise.
            # «وكشف فلان، مدرب الفريق، خلال حواره مع إذاعة X: …»: the interview's channel
            # (cut from the subject later) does not count towards the distance either.
            limit += 8
        gap = t.gap
        # A lone space, the gap before most tokens, holds no punctuation: skip the searches.
        if gap != " ":
            if _HARD_PUNCT.search(gap):
                return None
            if ":" in gap:
                return (k, t.quote if _opening_quote(toks, k, quotes_len) else -1, k)
        if t.quote != -1:
            if (
                _opening_quote(toks, k, quotes_len)
                and not (k == i + 1 and _quoted_body(toks, k))
                and not (k == i + 2 and _quoted_name_of_outlet(toks, k))
            ):
                return (k, t.quote, k)
            continue
        if gap != " " and _COMMA_RE.search(gap):
            commas += 1
            if commas > 3:
                return None
            if commas == 1:
                paren_circumstance = t.norm in _AR_PAREN_OPENERS
                if (
                    verb.homograph
                    and k > i + 2
                    and t.norm in _AR_ROLES
                    and _role_at(toks, k, _AR_ROLES)
                ):
                    # «كتب فلان الفلاني، رئيس الوفد المعني بـ…، في منشور»: a title in
                    # apposition after the name does not count towards the distance either.
                    limit += _consume_ar_role(toks, k, False) - k
        norm = t.norm
        if in_relative and (norm not in _AN_FORMS or not _COMMA_RE.search(gap)):
            continue
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
        if (
            "ب" in verb.complements
            and norm[:1] == "ب"
            and len(norm) >= 4
            and (k > i + 1 or verb.homograph)
            and norm not in _AR_BA_IN_SUBJECT
        ):
            # «طالب بتوضيحات»، «أفادت الوكالة بوفاة …»: the content is the prepositional
            # phrase; a ب-word right after the verb is its subject («أفاد بشير …»), and
            # «باسم» / «بن» belong to a title or a name.
            return (k, -1, k)
        if (
            norm == _ALA
            and k > i + 1
            and toks[k - 1].norm in _AR_COMMON_FIRST_NAMES
            and _ar_name_like(toks[k])
            and not toks[k].gap.strip()
        ):
            continue  # «أكد المحامي حسن علي أن»: «علي» after a given name is the family name
        if norm in verb.complements or (norm == "عما" and "عن" in verb.complements):
            if norm != "عما" and k + 1 < n and toks[k + 1].norm in _AN_FORMS:
                return (k + 2, -1, k)  # «حذر من أن»، «شدد على أن»
            return (k + 1 if norm != "عما" else k, -1, k)
        if (
            norm in _AR_REL
            and k == i + 2
            and _strip_al(toks[k - 1].norm) in _STATEMENT_NOUNS
            and k + 1 < n
            and toks[k + 1].norm in _AR_RELAYED_BARE
        ):
            continue  # «وأضاف البيان الذي نقلته وكالة X أن»: the statement's relay clause
        if norm in _AR_REL:
            # A relative clause inside a parenthesis that opens with a circumstance («قال
            # فلان، في مقابلة مع X خلال وثائقي الذي بث أمس، إن»): the complement may still
            # come, right after the closing comma. So may it after a relative clause right
            # behind a definite subject («قال الوزير الذي زار المدينة أمس، إن»).
            if not paren_circumstance and not _relative_after_subject(toks, i, k):
                return None
            in_relative = True
            continue
        if k > i + 1 and (v2 := _ar_verb(toks, k)) is not None:
            if not v2.participle:
                return None
            if (
                verb.participle_content
                and gap != " "
                and _COMMA_RE.search(gap)
                and k + 2 < n
                and not _HARD_PUNCT.search(toks[k + 1].gap)
            ):
                # «وغرد فلان، …، معزيا أسر الضحايا»: the participle says what was posted.
                return (k + 1, -1, k)
            if split and (_COMMA_RE.search(gap) or k > i + 3):
                # «وأكد فلان حق الحكومة في الرد، مشيرًا إلى أن …»: the verb's content is its
                # noun object; the participle after the comma opens a statement of its own.
                return None
    return None


# Words that open a parenthetical circumstance after the subject («، في مقابلة …،»).
_AR_PAREN_OPENERS = frozenset(_n(w) for w in _words("في خلال عبر أثناء لدى خلال"))


# Verbs that open the main clause after «حسب بيان لـX» without a comma.
_AR_CLAUSE_VERBS = frozenset(_n(w) for w in _words("جاء جاءت تم تمت"))


def _parenthesised_outlet(seg: list[_Tok], sentence: str) -> _NP | None:
    """«بحسب (X) عربية»، «حسب موقع (X)»: an outlet's name in parentheses right after the source
    word (or after an outlet noun) is the source; a gloss after the parenthesis is not."""
    k = 1 if len(seg) > 1 and _outlet_noun(seg[0], False) else 0
    if "(" not in seg[k].gap or (k == 1 and "(" in seg[0].gap):
        return None
    m = next((j for j in range(k + 1, len(seg)) if ")" in seg[j].gap), len(seg))
    if m - k > 4 or any(t.quote != -1 for t in seg[k:m]):
        return None
    name = _text(seg, k, m, sentence).strip(" ()")
    if not name or any(c.isdigit() for c in name):
        return None
    whole = " ".join(_QUOTE_CHARS_RE.sub(" ", _text(seg, k, len(seg), sentence)).split())
    if k == 0 and not is_outlet_name(name) and not is_outlet_name(whole.replace(")", " ")):
        return None  # «بحسب (X) عربية»: X or «X عربية» in the gazetteer
    return _NP(name, "", "media", "", True)


# Attached pronouns of a possessed noun (in the written form, ة kept apart from ه).
_AR_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


def _own_words_noun(t: _Tok) -> bool:
    """«حسب تعبيره»، «على حد قولها»، «بحسب وصفهم»: one noun with an attached pronoun after a
    source phrase refers back to a speaker already named; it is no name of its own (a name
    ending in ـه, «طه»، «عبده», is too short or carries no pronoun ending of four letters)."""
    surf = t.surf.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return (
        t.quote == -1
        and (len(surf) >= 5 or t.norm in _AR_SAYING_OWN)
        and not surf.startswith("ال")
        and surf.endswith(_AR_PRONOUN_SUFFIXES)
        and not surf.endswith("له")  # «عبدالله» written as one word
    )


def _ar_source_np(toks, p, sentence, ctx) -> tuple[_NP | None, int]:
    """Speaker after a source phrase starting at token p; (np, end index)."""
    n = len(toks)
    end = p
    while end < n and not (
        end > p and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap))
    ):
        norm = toks[end].norm
        if norm in _AN_FORMS:
            break
        if end > p and ((norm[:1] == "ف" and norm[1:] in _AN_FORMS) or norm in _AR_CLAUSE_VERBS):
            break  # «وحسب بيان للوزارة فإن …»، «… جاء القرار»: the main clause begins
        end += 1
    seg = toks[p:end]
    if not seg:
        return None, end
    if (
        (len(seg) == 1 or seg[0].norm in _AR_SAYING_OWN)
        and _own_words_noun(seg[0])
        and seg[0].norm not in ctx.by_surname
    ):
        return None, end  # «حسب تعبيره»، «بحسب قولها»: the speaker's own words, a pronoun
    outlet = _parenthesised_outlet(seg, sentence)
    if outlet is not None:
        return outlet, end
    head = seg[0].norm
    if head in _DOCUMENTS or (head.startswith("ال") and head[2:] in _DOCUMENTS):
        return None, end
    if _role_at(seg, 0, _AR_ROLES) is None and _side_at(seg, 0) is None:
        # «حسب حصيلة محينة لوزارة الداخلية»: a report of a body (لـ + institution) within the
        # first words: the body is the source.
        for k in range(1, min(3, len(seg))):
            t = seg[k]
            if not t.norm.startswith("ل") or t.norm.startswith("لل") or t.quote != -1:
                continue
            role = _role_at(seg, k, _AR_ROLES, prep=True)
            if role is None or role.type != "body":
                continue
            probe = [_Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, -1), *seg[k + 1 :]]
            body = _parse_ar_np(probe, sentence, strict=False)
            if body is not None and body.body:
                return ctx.resolve(body), end
        # «حسب حصيلة جمعتها وكالة X»، «وفق دراسة أعدتها الجامعة»: a report that a body made
        # (a past verb with the report's pronoun); the body after the verb is the source.
        for k in range(1, min(3, len(seg) - 1)):
            w = seg[k].norm
            # «جمعتها»، «أعلنها»، «نشرها»: a past verb with the report's pronoun
            if not w.endswith(("تها", "ته", "ها")) or len(w) < 5 or w.startswith("ال"):
                continue
            if _role_at(seg, k + 1, _AR_ROLES) is None and _side_at(seg, k + 1) is None:
                continue
            told = seg[k + 1 :]
            lam = next((j for j in range(2, len(told)) if _outlet_noun(told[j], True)), len(told))
            if lam < len(told):
                # «حصيلة أوردتها مصادر طبية لوكالة X»: what sources told an outlet; the
                # outlet is the channel (read by the caller), the sources the voice
                told = told[:lam]
                body = _parse_ar_np(told, sentence, strict=False)
                if body is not None:
                    return ctx.resolve(body), end
                continue
            body = _parse_ar_np(told, sentence, strict=False)
            if body is not None and (body.body or body.kind == "media"):
                return ctx.resolve(body), end
    # «وفق الأمم المتحدة والسلطات المحلية»: of two coordinated bodies, the first is read.
    second = next(
        (
            k
            for k in range(2, len(seg))
            if seg[k].norm[:1] == "و" and len(seg[k].norm) > 3 and _second_body_at(seg, k)
        ),
        -1,
    )
    np = _parse_ar_np(seg[:second] if second != -1 else seg, sentence, strict=True)
    if second != -1 and np is not None and not np.body:
        np = None
    if second != -1 and (np is None or np.kind == "anonymous"):
        # «بحسب عناصر الإطفاء وسلطات الغابات المحلية»: an unnamed group first, then a body;
        # the body is the named source.
        t = seg[second]
        probe = [_Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, -1), *seg[second + 1 :]]
        other = _parse_ar_np(probe, sentence, strict=True)
        if other is not None and other.body and other.kind != "anonymous":
            np = other
    if (
        np is not None
        and not np.body
        and np.role
        and np.name != np.role
        and len(np.name.split()) == 1
        and not np.name.startswith("ال")
        and seg[0].norm == _n(np.name)
        and not _is_known(np, ctx)
    ):
        # «وفق رؤية الدولة»، «حسب خطة الحكومة»: an indefinite noun in construct with an
        # institution is the institution's plan, not a person named before his title.
        np = None
    if (
        np is None
        and len(seg) <= 3
        and _strip_al(head) not in _STATEMENT_NOUNS  # «بحسب البيان»: the statement, not Al Bayan
        and is_outlet_name(_text(seg, 0, len(seg), sentence))
    ):
        # «وفق الشروق»: an outlet of the gazetteer.
        np = _NP(_text(seg, 0, len(seg), sentence), "", "media", "", True)
    if np is None and len(seg) == 1 and seg[0].norm in ctx.by_surname:
        return ctx.by_surname[seg[0].norm], end  # «، وفق المعايطة.»: a surname met before
    if np is None:
        return None, end
    np = ctx.resolve(np)
    if (
        np.kind == "other"
        and not np.role
        and not np.body
        and not np.known
        and len(np.name.split()) > 1
        and not is_outlet_name(np.name)
    ):
        # «تعمل وفق أعلى معايير السلامة»، «يتم التوزيع وفق جدول زمني محدد»: «according to» a
        # standard or a plan. A source first met after «وفق/حسب» comes with a title, as a
        # body or an outlet; an untitled phrase never seen before names no one.
        return None, end
    return np, end


_AR_FAINNA = frozenset(_n(w) for w in _words("فإن فان فإنه فانه"))


def _quoted_source(toks, i, p, sentence) -> _Hit | None:
    """«بحسب «الشروق»»: the quoted name (up to four words) is the source."""
    qi = toks[p].quote
    end = p
    while end < len(toks) and toks[end].quote == qi:
        end += 1
    if end - p > 4 or (
        end < len(toks)
        and not _COMMA_RE.search(toks[end].gap)
        and not _HARD_PUNCT.search(toks[end].gap)
        # «وبحسب "X" فإن …»: «فإن» opens the main clause after the source
        and toks[end].norm not in _AR_FAINNA
    ):
        return None
    head = toks[p].norm
    if _strip_al(head) in _DOCUMENTS or _strip_al(head) in _STATEMENT_NOUNS:
        return None  # «بحسب «البيان»»: a document, not a voice
    name = _text(toks, p, end, sentence)
    np = _NP(name, "", "media" if is_outlet_name(name) else "other", "", True)
    rest = _strip_span(sentence, toks[i].start, toks[end - 1].end + 1)
    return _Hit(np, _text(toks, i, p, sentence), end, -1, "", i, text_override=rest)


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
    if "ما" in sentence:
        extra = [
            h
            for h in _what_x_confirmed(toks, sentence, ctx, quotes_len)
            if all(h.trigger != x.trigger for x in hits)
        ]
        if extra:
            hits = sorted([*hits, *extra], key=lambda h: h.trigger)
    masdar = _masdar_statements(toks, sentence, ctx, hits)
    if masdar:
        hits = sorted([*hits, *masdar], key=lambda h: h.trigger)
    if not hits:
        published = _published_statement(toks, sentence, ctx) or _came_in_statement(
            toks, sentence, ctx, quotes_len
        )
        if published is not None:
            hits.append(published)
    if hits and not hits[0].channel and hits[0].trigger > 2:
        # «في تصريحه لقناة "X"، عبّر فلان عن …»: the channel opens the sentence.
        head = toks[: hits[0].trigger]
        channel, cs, ce = _find_channel(head, sentence)
        if (
            channel
            and cs == 0
            and head[0].norm in ("في", "وفي", "خلال")
            and _COMMA_RE.search(toks[ce].gap)
            and _names_an_outlet(channel)
        ):
            hits[0].channel = channel
            hits[0].channel_cue = _channel_cue(head, cs, ce, channel, sentence)
    out: list[Quote] = []
    if not hits:
        # «تتذكر السيدة نعيمة، في حديث لوكالة X، معاناة …»: words given to an outlet, with a
        # verb that is no reporting verb; the outlet is cited all the same.
        channel, cs, ce = _find_channel(toks, sentence)
        if (
            channel
            and cs + 1 < ce
            and toks[cs].norm in ("في", "وفي", "خلال")
            and toks[cs + 1].norm in _AR_CHANNEL_HEADS
            and _names_an_outlet(channel)
        ):
            cue = _channel_cue(toks, cs, ce, channel, sentence)
            out.append(_source_quote(_channel_name(channel), cue, sentence, para, sentence))
            return out
    pair: tuple[_NP, _NP] | None = None  # the last subject with a coordinated second name
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
        if not text or _not_a_name(np):
            continue
        if _verb_read_as_name(toks, h, np):
            # «وزير الصحة يزور المستشفى ويؤكد أن …»: the headline's first verb and its object
            # are no name; the title alone is the subject.
            np = replace(np, name=np.role)
        if np.body and np.kind == "media" and " " not in np.name:
            _learn_outlet_noun(toks, np, ctx)
        out.append(
            Quote(
                speaker=_without_gloss(np.name),
                speaker_kind=np.kind,
                role=np.role,
                verb=toks[h.trigger].surf if h.verb == "" else h.verb,
                direct=h.direct_quote != -1,
                text=text,
                paragraph=para,
                sentence=sentence,
                affiliation=np.affiliation,
                channel=" ".join(_QUOTE_CHARS_RE.sub(" ", h.channel).split()),
            )
        )
        conjuncts = _place_conjuncts(np)
        if len(conjuncts) > 1:
            said = out.pop()
            out.extend(_said_by(said, one) for one in conjuncts)
        second = _coordinated_speaker(toks, h, sentence, np)
        if second is None and pair is not None and np is pair[0] and _dual_verb(toks[h.trigger]):
            # «وأكد المحاميان فلان وفلان …، وأضافا أن»: a dual verb sharing the subject
            # speaks for both names again.
            second = pair[1]
        if second is not None:
            out.append(_said_by(out[-1], second))
            ctx.learn(second)
            pair = (np, second)
        relay = _relayed_by(toks, h, sentence) if not h.channel else None
        if relay is not None:
            out.append(_source_quote(relay[0], relay[1], text, para, sentence))
        voice = _on_the_tongue_of(toks, h, sentence, ctx)
        if voice is not None:
            out.append(
                _said_by(
                    out[-1], voice, voice.affiliation or np.affiliation, verb="على لسان", channel=""
                )
            )
        if h.channel:
            # The outlet the words were given to or relayed by («في حديث لقناة X»، «نقلت X عن
            # Y») is a cited source of the same statement: a media voice, never its speaker.
            channel = _channel_name(h.channel)
            out.append(_source_quote(channel, h.channel_cue or out[-1].verb, text, para, sentence))
    if out:
        out.extend(_outlets_after_source_cues(toks, sentence, para, out))
    return out


def _learn_outlet_noun(toks: list[_Tok], np: _NP, ctx: _Ctx) -> None:
    """«ذكرت قناة "X" … وأضافت القناة»: the outlet is named by its quoted name alone, so the
    noun written before it is what a later bare «القناة» refers to."""
    word = _n(np.name)
    for p in range(1, len(toks)):
        if toks[p].quote != -1 and toks[p].norm == word and _outlet_noun(toks[p - 1], False):
            ctx.by_body_head[_strip_al(toks[p - 1].norm)] = np
            return


def _verb_read_as_name(toks, h: _Hit, np: _NP) -> bool:
    """«TITLE يفعل OBJECT ويؤكد أن …»: a coordinated imperfect reporting verb shares the
    subject of an imperfect verb before it; a «name» after the title that opens with the
    imperfect prefix is that first verb, never a given name (no name stands between a verb
    and «و» + its second verb)."""
    if np.body or np.known or not np.role or np.name == np.role:
        return False
    trigger = toks[h.trigger].norm
    if not trigger.startswith(("وي", "وت")) or len(trigger) < 4:
        return False
    words = np.name.split()
    return len(words) >= 2 and _n(words[0])[:1] in "يت"


def _coordinated_speaker(toks, h: _Hit, sentence: str, np: _NP) -> _NP | None:
    """«وقال محامي الدفاع سامر الخطيب وخالد العلي إن …»: a second person's name coordinated
    right after the subject's name speaks the same words (one statement each)."""
    if np.body or not np.name or h.participle or h.text_override:
        return None
    last = _n(np.name.split()[-1])
    stop = min(h.content_start, len(toks))
    for j in range(h.trigger + 2, stop):
        t = toks[j]
        if t.quote != -1 or t.gap != " ":
            return None
        if toks[j - 1].norm != last or t.norm[:1] != "و" or len(t.norm) < 4:
            continue
        end = j + 1
        while (
            end < stop
            and toks[end].gap == " "
            and toks[end].quote == -1
            and toks[end].norm not in _AN_FORMS
            and toks[end].norm not in _AR_STOP
        ):
            end += 1
        probe = [_Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, "", -1), *toks[j + 1 : end]]
        other = _parse_ar_np(probe, sentence, strict=True)
        if (
            other is None
            or other.body
            or other.kind == "anonymous"
            or len(other.name.split()) < 2
            or other.name == other.role
            or _n(other.name) == _n(np.name)
        ):
            return None
        return other
    return None


# Gazetteer names that can be a subject on their own: a country, a capital for its government,
# an institution tied to one side («البيت الأبيض»، «الاتحاد الأفريقي»).
_AR_PLACE_TYPES = frozenset({"country", "capital", "body"})


def _place_name_at(toks: list[_Tok], p: int, conj: bool) -> int:
    """End of a gazetteer name (a country, a capital or a side's body) whose first word is
    the whole token at p, after «و» when `conj` («والأردن»); -1 when none. A prefixed
    preposition («لمصر») or a word glued to the name is no subject."""
    if p >= len(toks) or toks[p].quote != -1:
        return -1
    first = toks[p].norm
    if conj:
        if first[:1] != "و" or len(first) < 3:
            return -1
        first = first[1:]
    for side in _side_candidates(first):
        k = len(side.words)
        if (
            side.type in _AR_PLACE_TYPES
            and side.words[0] == first
            and p + k <= len(toks)
            and all(
                toks[p + j].norm == side.words[j]
                and toks[p + j].gap == " "
                and toks[p + j].quote == -1
                for j in range(1, k)
            )
        ):
            return p + k
    return -1


def _place_chain(toks: list[_Tok], p: int) -> list[tuple[int, int]]:
    """«مصر والأردن»، «فرنسا وألمانيا وإيطاليا»، «البيت الأبيض والكرملين»: the spans of two or
    more gazetteer names joined by «و» from p (no punctuation between them); [] otherwise. A
    body whose own name holds «و» («وزارة الخارجية والتعاون الدولي») is no gazetteer name
    followed by another, so it is never cut."""
    e = _place_name_at(toks, p, False)
    if e == -1:
        return []
    spans = [(p, e)]
    while e < len(toks) and toks[e].gap == " ":
        nxt = _place_name_at(toks, e, True)
        if nxt == -1:
            break
        spans.append((e, nxt))
        e = nxt
    return spans if len(spans) > 1 else []


def _body_part(part: list[_Tok]) -> bool:
    """A conjunct that names one body on its own: a body entry of two words or more («الأمم
    المتحدة»), an indefinite body noun with its genitive («وزارة الداخلية»، «حركة الجهاد»),
    or a body noun with its nationality («الحكومة اللبنانية»); at most six words. A bare
    definite noun («التلفزيون» in «هيئة الإذاعة والتلفزيون») is no body of its own."""
    if not 2 <= len(part) <= 6 or any(t.quote != -1 for t in part):
        return False
    role = _role_at(part, 0, _AR_ROLES) if part[0].norm in _AR_ROLES else None
    if role is None or role.type != "body" or _consume_ar_role(part, 0, True) != len(part):
        return False
    if len(role.words) >= 2 or not part[0].norm.startswith("ال"):
        return True
    side = _side_at(part, len(part) - 1)
    return side is not None and side.type == "adj"


def _conjunct_spans(toks: list[_Tok]) -> list[tuple[int, int]]:
    """«مصر والأردن»، «وزارة الصحة ووزارة الداخلية»، «حزب الله والحكومة اللبنانية»: the
    spans of two or more names joined by «و», each a gazetteer place or a body of its own;
    [] when any part is neither (one body's name with «و» inside it stays whole)."""
    spans = _place_chain(toks, 0)
    if spans and spans[-1][1] == len(toks):
        return spans
    cuts = [
        k
        for k in range(1, len(toks))
        if toks[k].norm[:1] == "و"
        and len(toks[k].norm) > 3
        and toks[k].gap == " "
        and toks[k].quote == -1
        and (
            _place_name_at(toks, k, True) != -1
            or (
                toks[k].norm[1:] in _AR_ROLES
                and (_second_body_at(toks, k) or _group_part(toks, k, len(toks), True))
            )
        )
    ]
    if not cuts:
        return []
    bounds = [0, *cuts, len(toks)]
    spans = list(zip(bounds, bounds[1:], strict=False))
    for a, b in spans:
        part = list(toks[a:b])
        if a > 0:
            t = part[0]
            part[0] = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
        if (
            _place_name_at(part, 0, False) != len(part)
            and not _body_part(part)
            and not (a > 0 and _group_part(part, 0, len(part), False))
            # «الحكومة ومنظمات الإغاثة»: a bare definite body word before another voice
            and not (a == 0 and len(part) == 1 and _bare_body_word(part[0]))
        ):
            return []
    return spans


def _bare_body_word(t: _Tok) -> bool:
    """«الحكومة»، «الشرطة»: one definite word that is a body entry of the lexicon."""
    if not t.norm.startswith("ال") or t.norm not in _AR_ROLES or t.quote != -1:
        return False
    role = _role_at([t], 0, _AR_ROLES)
    return role is not None and role.type == "body" and len(role.words) == 1


def _group_part(toks: list[_Tok], p: int, end: int, conj: bool) -> bool:
    """Is toks[p:end] (after its «و» when conj) an unnamed plural voice, a group entry with
    its genitive or adjective («ومنظمات الإغاثة»، «وشهود عيان»، «ومصادر محلية»)?"""
    t = toks[p]
    if conj:
        t = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
    part = [t, *toks[p + 1 : end]]
    if not 1 <= len(part) <= 4 or any(x.quote != -1 for x in part):
        return False
    role = _role_at(part, 0, _AR_ROLES)
    return (
        role is not None and role.type == "group" and _consume_ar_role(part, 0, True) == len(part)
    )


def _place_conjuncts(np: _NP) -> list[_NP]:
    """«وأعلنت الرياض وطهران …»، «قالت فرنسا وألمانيا وإيطاليا إن …»: a subject that is only
    gazetteer names joined by «و» is one voice per name (each side speaks); any other
    subject, and a body's name with «و» inside it, stays one."""
    if not np.body or np.role or np.known or " و" not in np.name:
        return [np]
    toks, _ = _tokens(np.name)
    spans = _conjunct_spans(toks)
    if not spans:
        return [np]
    out: list[_NP] = []
    for a, b in spans:
        part = [toks[a], *toks[a + 1 : b]]
        if a > 0:  # the «و» of the conjunct is no part of its name
            t = toks[a]
            part[0] = _Tok(t.surf[1:], t.norm[1:], t.start + 1, t.end, t.gap, t.quote)
        name = _name_text(part, 0, len(part), np.name)
        one = _parse_ar_np(part, np.name, strict=True)
        if one is None or not one.body or one.role:
            kind, side = "state", _affiliation(part, speaker_is_place=True)
        else:
            kind, side = one.kind, one.affiliation
        out.append(_NP(name, "", kind, side, True))
    return out


_KULL = _n("كل")


def _according_word(norm: str) -> bool:
    """«وفق»، «ووفق»، «بحسب»، «وفقا»: a source phrase's first word."""
    bare = norm[1:] if norm[:1] == "و" else norm
    return norm in _AR_AS_PHRASES or bare in _AR_AS_PHRASES or bare in _AR_ACCORDING


def _vso_place_chain(toks: list[_Tok], i: int, np: _NP, subj_end: int = -1) -> int:
    """«أعلنت مصر والأردن استئناف …»، «وأعلنت القاهرة وعمّان في بيان مشترك أنهما …»: when
    the subject read after the verb at i is the first of gazetteer names joined by «و», the
    end of the whole chain; -1 otherwise. `subj_end`: where a noun object's verb has its
    subject end (bodies then close there, not at a complement)."""
    if not np.body or np.role or np.known:
        return -1
    p = i + 1
    while p < len(toks) and toks[p].norm in _AR_FILLERS and toks[p].quote == -1:
        p += 1
    if p + 1 < len(toks) and toks[p].norm == _KULL and toks[p + 1].norm == "من":
        p += 2  # «كل من مصر وقطر»
    spans = _place_chain(toks, p)
    if not spans:
        # «وقال حزب الله والحكومة اللبنانية إن»: bodies, up to a complement that closes them
        e = p
        while (
            e < len(toks)
            and toks[e].quote == -1
            and (e == p or toks[e].gap == " ")
            and toks[e].norm not in _AR_STOP
            and toks[e].norm not in _AN_FORMS
        ):
            e += 1
        if e >= len(toks) or not (
            toks[e].norm in _AN_FORMS or _COMMA_RE.search(toks[e].gap) or ":" in toks[e].gap
        ):
            if subj_end <= p:
                return -1
            e = subj_end  # «أكدت البعثة والسفارة الأمريكية دعوات …»: the object follows
        spans = [(p + a, p + b) for a, b in _conjunct_spans(toks[p:e])]
    if not spans or tuple(t.norm for t in toks[p : spans[0][1]]) != _nphrase(np.name):
        return -1
    return spans[-1][1]


def _dual_verb(t: _Tok) -> bool:
    n = t.norm
    return n in _AR_DUAL_FORMS or (n[:1] in "وف" and n[1:] in _AR_DUAL_FORMS)


def _second_quoted_outlet(toks, e: int, sentence: str) -> str:
    """The quoted name after «و» at e («… "X" و "Y"»), up to five words; "" when none."""
    n = len(toks)
    if e + 1 >= n or toks[e].norm != "و" or toks[e].quote != -1 or toks[e + 1].quote == -1:
        return ""
    qi, f = toks[e + 1].quote, e + 1
    while f < n and toks[f].quote == qi:
        f += 1
    if f - e - 1 > 5:
        return ""
    return " ".join(_QUOTE_CHARS_RE.sub(" ", _text(toks, e + 1, f, sentence)).split())


def _outlets_after_source_cues(toks, sentence, para, out) -> list[Quote]:
    """«وقال فلان، بحسب جريدة "X" الموالية …، إن …»، «…، حسبما أفادت قناة "X"، في خبر عاجل»:
    an outlet named after a source cue (an outlet noun after «بحسب/حسب/وفق», or after «حسبما
    أفادت/ذكرت/نقلت») inside or after another statement of the sentence is a cited source of
    that statement. A quoted name is the outlet's name («جريدة "X" الموالية للنظام» is «X»)."""
    found: list[Quote] = []
    have = {_n(q.speaker) for q in out}
    n = len(toks)
    for p, t in enumerate(toks):
        if t.quote != -1 or p + 1 >= n:
            continue
        o = _relayed_outlet_at(toks, p)
        if o == -1:
            bare = t.norm[1:] if t.norm[:1] == "و" and t.norm[1:] in _AR_AS_PHRASES else t.norm
            if bare not in _AR_AS_PHRASES or not _outlet_noun(toks[p + 1], False):
                continue
            o = p + 1
        if not _outlet_noun(toks[o], False):
            continue  # «حسبما أفادت رويترز»: a gazetteer outlet is read by the source rules
        if o + 1 < n and toks[o + 1].quote != -1:
            qi, e = toks[o + 1].quote, o + 1
            while e < n and toks[e].quote == qi:
                e += 1
            if e - o - 1 > 5:
                continue
            name = " ".join(_QUOTE_CHARS_RE.sub(" ", _text(toks, o + 1, e, sentence)).split())
            second = _second_quoted_outlet(toks, e, sentence)
            if second and _n(second) not in have:
                # «بحسب موقع "X" و"Y"»: a second quoted outlet shares the noun and the cue
                have.add(_n(second))
                cue2 = _text(toks, p, o + 1, sentence)
                found.append(_source_quote(second, cue2, out[-1].text, para, sentence))
        else:
            chan, _s, _e = _channel_span(toks, o, 0, p, sentence)
            name = _channel_name(chan)
            if len(name.split()) < 2:
                continue  # «بحسب الصحيفة»: no name
        if not name or _n(name) in have:
            continue
        have.add(_n(name))
        cue = _text(toks, p, o + 1, sentence)
        found.append(_source_quote(name, cue, out[-1].text, para, sentence))
    return found


# «في تصريح صحفي، نقله إعلام مجلس السيادة:»: a statement relayed by an outlet or office.
# Without the comma, right after the statement noun («في تصريح صحفي نشرته وكالة X، إن»).
_AR_RELAYED = frozenset(_n(w) for w in _words("نقله نقلته نقلها نقلتها أوردته أوردتها"))
_AR_RELAYED_BARE = _AR_RELAYED | _AR_PUBLISHED
# «البيان الذي نقلته …»: the relative pronoun between a statement noun and its relay verb.
_AR_WHICH = frozenset(_n(w) for w in _words("الذي التي"))


def _after_statement_noun(toks, k: int) -> bool:
    """Is toks[k] right after a statement noun, or after one and its adjective («تصريح صحفي»)?"""
    for j in (k - 1, k - 2):
        if j >= 0 and _strip_al(toks[j].norm) in _STATEMENT_NOUNS:
            return all(not _COMMA_RE.search(toks[i].gap) for i in range(j + 1, k + 1))
    return False


def _relayed_by(toks, h: _Hit, sentence) -> tuple[str, str] | None:
    """(source, cue) of a relay clause between the verb and its content, else None."""
    end = min(h.content_start, len(toks))
    for k in range(h.trigger + 1, end - 1):
        if toks[k].norm in _AR_RELAYED and _COMMA_RE.search(toks[k].gap):
            pass
        elif not (toks[k].norm in _AR_RELAYED_BARE and _after_statement_noun(toks, k)):
            continue
        e = k + 1
        while e < end and not (_COMMA_RE.search(toks[e].gap) or ":" in toks[e].gap):
            e += 1
        np = _parse_ar_np(toks[k + 1 : e], sentence, strict=True) if 1 < e - k <= 6 else None
        if np is None:
            return None
        if np.body or np.kind == "media" or is_outlet_name(np.name):
            return _without_gloss(np.name), toks[k].surf
        if np.role and np.kind in ("state", "organisation", "media"):
            # «إعلام مجلس السيادة»: an office of an institution, named whole.
            return _name_text(toks, k + 1, e, sentence), toks[k].surf
        return None
    return None


_ALA = _n("على")
_LISAN = _n("لسان")


def _on_the_tongue_of(toks, h: _Hit, sentence, ctx) -> _NP | None:
    """«وأضاف الجيش على لسان متحدثه فلان، … أن»: the institution speaks through a person, who
    is a voice of the statement too. A title with a possessive («متحدثه») before the name is
    his role."""
    end = h.content_start
    for k in range(h.trigger + 1, min(end, len(toks)) - 2):
        if toks[k].norm != _ALA or toks[k + 1].norm != _LISAN:
            continue
        a = k + 2
        e = a
        while e < end and (e == a or not _COMMA_RE.search(toks[e].gap)):
            if toks[e].norm in _AN_FORMS or _HARD_PUNCT.search(toks[e].gap):
                break
            e += 1
        seg = list(toks[a:e])
        role = ""
        if seg and seg[0].norm.endswith(("ه", "ها")):
            bare = seg[0].norm[:-2] if seg[0].norm.endswith("ها") else seg[0].norm[:-1]
            if bare in _AR_ROLES:
                role = seg[0].surf
                seg = seg[1:]
        np = _parse_ar_np(seg, sentence, strict=True) if seg else None
        if np is None or np.body or not np.name or np.kind == "anonymous":
            return None
        if role and not np.role:
            np = _NP(np.name, role, "official", np.affiliation)
        np = ctx.resolve(np)
        ctx.learn(np)
        return np
    return None


# A preposition with a pronoun («به»، «فيه»، «عنها»): a speaker span that is only this is the
# leftover of a clause, not a voice.
_AR_PREP_PRONOUN_RE = re.compile(r"^(?:ب|ل|في|من|عن|علي|الي|مع|لدي)(?:ه|ها|هم|هما|هن)$")


# Pronouns and «everyone» words (speaker_pronouns.txt): never a voice's name.
_AR_PRONOUN_WORDS = frozenset(_n(w) for w in get_pack("ar").lines("speaker_pronouns.txt"))


def _masdar_shape(w: str) -> bool:
    """A verbal noun of a derived form by its letters (normalised): تفعيل («تشكيل»), إفعال
    («اطلاق»), افتعال («انتخاب»، «اعتماد»), استفعال («استقبال»)."""
    n = len(w)
    return (
        (n == 5 and w[0] == "ت" and w[3] == "ي")
        or (n == 5 and w[0] == "ا" and w[3] == "ا")
        or (n == 6 and w[0] == "ا" and w[4] == "ا" and w[2] in "تطد")
        or (n == 7 and w.startswith("است") and w[5] == "ا")
    )


def _not_a_name(np: _NP) -> bool:
    """Spans that cannot name a voice: a preposition with a pronoun («به»), a word carrying
    a preposition and the article («بالتفصيل»، «للمرة»), a bare honorific («سمو»), a
    reporting verb («نشرت»), a title glued to the conjunction «و» («وقائد»)."""
    if np.known or np.body and np.kind == "media":
        return False
    words = [_n(w) for w in np.name.split()]
    if not words:
        return True
    first = words[0]
    if first in _AR_PRONOUN_WORDS:
        return True  # «ودعا الجميع إلى …»، «وأنا سعيد»
    if "_" in np.name:
        return True  # «#وزير_الصحة»: a hashtag, words joined by underscores, names no one
    if len(words) == 1 and (
        _AR_PREP_PRONOUN_RE.match(first)
        or first in _HONORIFIC_WORDS_N
        or first in _AR_VERBS
        or first[:1] == "و"
        and (first[1:] in _AR_ROLES or first[1:] in _AR_VERBS)  # «وقائد»، «ويؤكد»
    ):
        return True
    if first[:1] in "بل" and first[1:] in _AR_ROLES and first not in _AR_ROLES:
        return True  # «بمكتب»: a preposition glued to an institution noun
    if len(words) == 1 and first[:1] in "بل" and first[1:] in _AR_OBJECT_NOUNS:
        return True  # «بدعم من دول لم يفصح عنها»: a preposition glued to a verbal noun
    if len(words) == 1 and len(first) == 5 and first[0] == "ت" and first[3] == "ي":
        # «أعلن الرئيس تشكيل مجلس»: a verbal noun (تفعيل), the verb's object (the other
        # forms' shapes are given names too: «إيمان»، «اعتماد»)
        return True
    if first[:1] == "ل" and _masdar_shape(first[1:]):
        return True  # «ودعت لتوحيد الصف»: لـ + a verbal noun, a purpose, never a voice
    return first.startswith(("بال", "لل", "كال")) and len(first) > 4


_GLOSS_RE = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _without_gloss(name: str) -> str:
    """«وكالة الأنباء السعودية (واس)» -> «وكالة الأنباء السعودية»: an acronym in parentheses
    after a name repeats it."""
    bare = _GLOSS_RE.sub("", name)
    words = [_n(w) for w in bare.split()]
    if len(words) == 2 and words[0] in _AR_OUTLET_NOUNS and words[1] in _AR_NEWS_WORDS:
        # «وكالة أنباء (X)»: the noun and «news» alone name no outlet; the bracket holds its name
        return name[len(bare) :].strip(" ()") or name
    return bare if bare.strip() else name


# «أنباء»: the generic genitive of an agency's noun («وكالة أنباء X»), no name of its own.
_AR_NEWS_WORDS = frozenset(_n(w) for w in _words("أنباء الأنباء"))


# Words after which a channel's name has ended («لوكالة الأنباء الكويتية عقب التوقيع»).
_AR_CHANNEL_END = frozenset(_n(w) for w in _words("عقب بعد قبل خلال أثناء على حول بشأن إثر"))


# «قناة (12) العبرية»: a channel's number in brackets is part of its name, no gloss.
_NUMBER_BRACKET_RE = re.compile(r"^\S+\s*\(\s*\d{1,3}\s*\)\s*\S")


def _channel_name(channel: str) -> str:
    """The outlet's name as a source: up to its acronym gloss or a circumstance word; the
    quoted name alone when the channel was written «قناة "X"»."""
    if "«" in channel:
        return channel.split("«", 1)[1].split("»", 1)[0].strip()
    if _NUMBER_BRACKET_RE.search(channel):
        pass  # «قناة (12) العبرية»
    elif ")" in channel:
        channel = channel.split(")")[0] + ")"
    elif "(" in channel and channel.split("(", 1)[0].strip():
        # «لوكالة X ( لن نؤجل …»: a bracket the span never closes opens the words said
        channel = channel.split("(", 1)[0].strip()
    words = channel.split()
    if len(words) > 1 and _n(words[0]) in _AR_DEVICE_NOUNS:
        words = words[1:]  # «كاميرا الجزيرة مباشر»: the outlet behind the camera
    cut = next((k for k, w in enumerate(words) if k and _n(w) in _AR_CHANNEL_END), len(words))
    if cut >= 3 and _n(words[cut - 1]) in _AR_CHANNEL_GENRES:
        cut -= 1  # «فضائية "X" الإخبارية»: the genre adjective after the name is no part of it
    if cut >= 4 and _n(words[cut - 1]) in _AR_OFFICIAL_ADJS and _strip_al(_n(words[0])) == _AGENCY:
        # «وكالة الأنباء العراقية الرسمية»، «… شبه الرسمية»: «official» describes the agency
        cut -= 2 if _n(words[cut - 2]) == _SHIBH else 1
    return _without_gloss(" ".join(words[:cut]))


# «وفقًا لـ»، «طبقا لـ»: a source cited inside the subject region («وقال فلان وفقًا للإعلامي X»).
_AR_ACCORDING = frozenset(_n(w) for w in _words("وفقا وفقًا طبقا وفق"))


# Genre adjectives written after a channel's name («قناة X الفضائية»، «فضائية X الإخبارية»).
_AR_CHANNEL_GENRES = frozenset(_n(w) for w in _words("الإخبارية الفضائية"))


# Plural outlet nouns: «لقنوات محلية»، «لوسائل إعلام»، «لصحف أجنبية» name no outlet.
_AR_OUTLETS_PLURAL = frozenset(
    _n(w) for w in _words("قنوات وسائل صحف مواقع وكالات إذاعات محطات شبكات منصات فضائيات")
)


def _source_quote(name: str, cue: str, text: str, para: int, sentence: str) -> Quote:
    """A cited source (an outlet or agency the statement came through) as a statement of kind
    `media`; the cue is the credit or phrase that names it. Outlets in the plural and
    indefinite («قنوات محلية») are an unnamed source (kind `anonymous`)."""
    first = _n(name.split()[0]) if name.split() else ""
    return Quote(
        speaker=name,
        speaker_kind="anonymous" if first in _AR_OUTLETS_PLURAL else "media",
        role="مصدر",
        verb=cue,
        direct=False,
        text=text,
        paragraph=para,
        sentence=sentence,
    )


_AR_TRIGGER_FORMS = frozenset(
    w for h in frozenset(_AR_VERBS) | _AR_SOURCE_FIRST for w in (h, "و" + h, "ف" + h)
) | frozenset(w for w in _AR_AS_MERGED if w != _n("وفقما"))


_MA_WORD = _n("ما")


def _ar_source_hit(toks, i, sentence, ctx) -> _Hit | None:
    first = toks[i].norm
    if first in _AR_AS_MERGED and i + 1 < len(toks):
        # «حسبما نقلت وكالة X عن Y»، «حسبما ذكرت الوزارة»: «حسب ما» written as one word.
        # An outlet alone («حسبما أفادت قناة X») is the cited source of the statement
        # beside it (_outlets_after_source_cues), not a speaker.
        hit = _ar_source_verb(toks, i + 1, i, toks[i].surf, sentence, ctx)
        if hit is None or (not hit.channel and hit.np.kind == "media"):
            return None
        return hit
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
        if words[-1] == _MA_WORD:
            return _ar_source_verb(toks, p, i, _text(toks, i, p, sentence), sentence, ctx)
        if p < n and toks[p].quote != -1 and not needs_lam:
            # «وفق «العربية»»: a short quoted name after the phrase is an outlet or a body.
            hit = _quoted_source(toks, i, p, sentence)
            if hit is not None:
                return hit
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
        channel, channel_cue = _relaying_outlet_before(toks, i, sentence), ""
        if channel:
            # «وذكرت صحيفة X، نقلا عن مصادر، أن …»: the outlet before relays the source.
            channel_cue = verb_text
            rest = _strip_span(sentence, toks[0].start, toks[end - 1].end)
            rest = _LEADING_AN.sub("", rest)
        if not channel and np.kind == "anonymous":
            # «بحسب حصيلة أوردتها مصادر طبية لوكالة X»: the outlet the sources spoke to
            told, cs, ce = _find_channel(toks[p:end], sentence)
            if told and cs > 0:
                channel = told
                channel_cue = _channel_cue(toks[p:end], cs, ce, told, sentence)
        return _Hit(np, verb_text, end, -1, channel, i, text_override=rest, channel_cue=channel_cue)
    return None


_LEADING_AN = re.compile(r"^(?:بأن|أن|إن|ان)\s+")


def _relaying_outlet_before(toks, i, sentence) -> str:
    """The outlet of «VERB OUTLET، نقلا عن …» (the sentence opens with a reporting verb and
    an outlet's name before the relay phrase at i, with or without a comma), else ""."""
    if i < 3 or toks[i].norm not in _AR_RELAYING:
        return ""
    verb = toks[0].norm
    if verb not in _AR_VERBS and not (verb[:1] in "وف" and verb[1:] in _AR_VERBS):
        return ""
    if not _outlet_noun(toks[1], False):
        return ""
    outer = _parse_ar_np(toks[1:i], sentence, strict=True)
    return outer.name if outer is not None and outer.body and outer.name else ""


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
    q = p + 1
    if q + 1 < len(toks) and toks[q].norm in _AR_GAVE_BI and toks[q].quote == -1:
        q += 1  # «وفق ما أفاد به الرئيس فلان»: the verb's pronoun, then the speaker
    np, end = _ar_source_np(toks, q, sentence, ctx)
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


# Manner adverbs after a verb of saying («وقال بسعادة:»، «وأضاف بحزم»), listed among the
# name stops (speaker_name_stops.txt).
_AR_MANNER = frozenset(
    w
    for w in _AR_NAME_STOPS
    if w.startswith("ب") and len(w) > 3 and not w.startswith("بال") and w not in _AR_AS_PHRASES
)


# Particles after which an imperfect verb is a subjunctive or future, not a statement made:
# «من المنتظر أن يؤكد الوزير»، «لن يقول»، «كي يعلن».
_AR_SUBJUNCTIVE = frozenset(_n(w) for w in _words("أن لن كي لكي"))
# Conjunctions of time and condition before an imperfect verb («عندما يعترف»، «إذا قال»).
_AR_WHEN_IF = frozenset(_n(w) for w in _words("عندما حينما حين إذا لو متى"))


def _bare_name_part(part: list[_Tok]) -> bool:
    """Is this comma part a bare name of two to four words (only its last word definite),
    perhaps followed by the channel with لـ («فلان الفلاني لقناة X»), not a clause («طلب عدم
    الكشف عن هويته»)?"""
    m = next((j for j, t in enumerate(part) if j >= 2 and t.norm.startswith("ل")), len(part))
    words = part[:m]
    return (
        2 <= m <= 4
        and all(_ar_name_like(t) and t.norm not in _AR_STOP for t in words)
        and not any(t.norm.startswith("ال") for t in words[:-1])
    )


def _bare_title_part(part: list[_Tok], sentence: str) -> bool:
    """Is this comma part a title and nothing else («الناطق الرسمي باسم الحكومة»), no name?"""
    ex = _strip_honorifics([x for x in part if x.norm not in _AR_FILLERS])
    if not ex or _role_at(ex, 0, _AR_ROLES) is None:
        return False
    np = _parse_ar_np(ex, sentence, strict=True)
    return np is not None and not np.body and bool(np.role) and np.role == np.name


def _honorific_aside(parts: list[list[_Tok]], sentence: str) -> _NP | None:
    """«وقال المتحدث باسم دائرة الصحة في المحافظة، الدكتور فلان الفلاني، إن»: a bare title,
    then after its comma an honorific and a name of two to four words: the title's holder."""
    if len(parts) < 2 or len(parts[0]) < 2:
        return None
    name = _strip_honorifics(parts[1])
    if not 2 <= len(name) < len(parts[1]) or not _bare_name_part(name):
        return None
    if len(name) != _ar_name_span(name, 0):
        return None
    title = _parse_ar_np(parts[0], sentence, strict=True)
    if title is None or title.body or title.kind == "anonymous" or title.role != title.name:
        return None
    return _NP(
        _name_text(name, 0, len(name), sentence),
        title.role,
        title.kind,
        title.affiliation,
    )


def _ar_verb_hit(toks, i, sentence, ctx, quotes_len, mentions, hits) -> _Hit | None:
    t = toks[i]
    verb = _ar_verb(toks, i)
    if verb is None:
        return None
    if (
        i > 0
        and not verb.participle
        and t.norm[:1] in "يت"
        and toks[i - 1].norm in _AR_SUBJUNCTIVE
        and not _COMMA_RE.search(t.gap)
        and not (i > 1 and toks[i - 2].norm in _AR_BEFORE_AFTER)
    ):
        # «من المنتظر أن يؤكد الوزير …»: what is expected, not yet said («قبل أن يعلن X»
        # narrates what was said)
        return None
    if (
        i > 0
        and not verb.participle
        and t.norm[:1] in "يت"
        and toks[i - 1].norm in _AR_WHEN_IF
        and not _COMMA_RE.search(t.gap)
    ):
        return None  # «سنكون موجودين عندما يعترف العالم بأن …»: a condition, no statement
    if not verb.relay and not verb.participle and "عن" not in verb.complements:
        # «وذكرت وكالة X، عن الوزير فلان قوله …»: any reporting verb relays with عن + «قوله».
        relayed = _ar_relay_hit(toks, i, verb, sentence, ctx, quotes_len, need_saying=True)
        if relayed is not None:
            return relayed
    if verb.relay:
        relayed = _ar_relay_hit(toks, i, verb, sentence, ctx, quotes_len)
        if relayed is not None or any(toks[j].norm == "عن" for j in range(i + 1, len(toks))):
            return relayed
        # «نقلت "أسوشيتد برس" أن …» without عن: the outlet's own report, read as a statement.
    # «أشاد فلان بروح لاعبيه، معتبرا أن ...»: a بـ-object verb's content is its object; the
    # أن clause after it belongs to the participle.
    split = verb.takes_object and not verb.participle
    comp = None if verb.ba_object else _find_ar_complement(toks, i, verb, quotes_len, split)
    if comp is None and verb.takes_object and not verb.participle:
        comp = _object_complement(toks, i, sentence, ctx, verb.ba_object, verb.media_object)
        # No noun object before the participle, or one that may still be the end of the
        # subject's name («محافظ X محمد صالح العبيدي تعطيل …»): the participle's clause is the
        # verb's content, as without the split.
        if (
            not verb.ba_object
            and (comp is None or toks[comp[0]].norm.startswith("ال"))
            and (whole := _find_ar_complement(toks, i, verb, quotes_len))
        ):
            comp = whole
    # «وكان الجيش أعلن (منذ أيام) (عن) إحباط …»: past a time phrase and «عن», the object.
    o = _time_phrase_end(toks, i + 1) if i + 1 < len(toks) else i + 1
    if o + 1 < len(toks) and toks[o].norm == "عن" and toks[o].quote == -1:
        o += 1
    if (
        comp is None
        and verb.takes_object
        and not verb.ba_object
        and not verb.media_object
        and not verb.participle
        and o < len(toks)
        and toks[o].quote == -1
        and toks[o].norm not in _AR_STOP
        and not _HARD_PUNCT.search(toks[i + 1].gap)
        and not _COMMA_RE.search(toks[i + 1].gap)
        and _role_at(toks, o, _AR_ROLES) is None
        and _side_at(toks, o) is None
        and not any(x.norm in _AN_FORMS for x in toks[:i])
    ):
        # «إسرائيل تعلن مقتل قيادي»، «الوزارة تعلن الحداد»: subject first (headline order),
        # the noun object right after the verb.
        sv = _sv_subject(toks, i, sentence, ctx)
        if sv is not None and (
            sv.body
            or (sv.role and sv.name != sv.role)
            or sv.known
            or _headline(toks, i, sv, sentence)
        ):
            comp = (o, -1, o)
    if (
        comp is None
        and verb.ba_object
        and not verb.participle
        and i > 0
        and i + 1 < len(toks)
        and toks[i + 1].norm[:1] == "ب"
        and len(toks[i + 1].norm) > 3
        and toks[i + 1].quote == -1
        and not _HARD_PUNCT.search(toks[i + 1].gap)
    ):
        # «… أن فلان، أشاد بالصين»: the subject came first, the بـ object follows the verb.
        sv = _sv_subject(toks, i, sentence, ctx)
        if sv is not None and (
            sv.known
            or (sv.role and sv.name != sv.role)
            # «أن مصر وقطر رحبتا بـ»: several places are no one body of several words
            or (sv.body and " " in sv.name and len(_place_conjuncts(sv)) == 1)
        ):
            comp = (i + 1, -1, i + 1)
    if (
        comp is None
        and verb.participle_object
        and i > 0
        and i + 1 < len(toks)
        and _COMMA_RE.search(t.gap)
        and toks[i + 1].gap == " "
        and toks[i + 1].quote == -1
    ):
        # «…، متعهدا بمحاسبة المسؤولين»: only after a statement of this sentence, whose
        # speaker the participle continues.
        prev = next((h.np for h in reversed(hits) if h.np is not None), None)
        if prev is None or not _firm_speaker(prev):
            return None
        comp = (i + 1, -1, i + 1)
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
    if (
        len(span) > 3
        and span[0].norm == _KULL
        and span[1].norm == "من"
        and span[2].quote == -1
        and not any(_according_word(x.norm) for x in toks[:i])
    ):
        # «وأكدت كل من مصر وقطر أن»: «each of» before coordinated subjects. After «وفق
        # البيان،» the words are the statement's, as they were without a subject.
        span = span[2:]
    while span and span[-1].norm in _AR_SAYING_SUFFIXED and span[-1].quote == -1:
        span = span[:-1]  # «وتابع الوزير بقوله إن»: how he said it, after the subject
    if len(span) >= 2 and (e1 := _place_name_at(span, 0, False)) != -1 and e1 < len(span):
        # «طالب العراق (رسميا) تركيا بزيادة …»: a country and the country it addresses
        # (an adverb of manner between them); the first is the subject.
        a = e1 + 1 if span[e1].norm in _AR_STATE_ADVERBS else e1
        if a < len(span) and _place_name_at(span, a, False) == len(span):
            span = span[:e1]
    if len(span) == 1 and span[0].norm in _AR_MANNER and span[0].quote == -1:
        span = []  # «وقال بسعادة: …»: how he said it; the subject is dropped
    elif span and span[0].quote != -1 and _quoted_body(span, 0):
        # «أعلنت "المفوضية العليا المستقلة للانتخابات" في العراق أن»: the quoted name is all
        # of the subject; what follows the closing mark is no part of it.
        span = [t for t in span if t.quote == span[0].quote]
    elif span and span[0].quote == -1 and any(c in span[0].gap for c in '«“"'):
        # «وأضاف "الصندوق على استعداد … لذلك.. لا يمكن …"»: a quote the sentence splitter
        # cut open (no closing mark in this sentence) is the words said, never the subject.
        span = []
    rel = next((r for r, x in enumerate(span) if x.norm in _AR_REL and x.quote == -1), -1)
    if rel > 0 and not any(_COMMA_RE.search(x.gap) for x in span[1 : rel + 1]):
        span = span[:rel]  # «قال الوزير الذي زار المدينة، إن»: the relative clause is no name
    channel, cs, ce = _find_channel(span, sentence)
    channel_cue = ""
    if cs != -1:
        channel_cue = _channel_cue(span, cs, ce, channel, sentence)
        span = span[:cs] + span[ce:]
        if cs == 0 and span and _COMMA_RE.search(span[0].gap):
            # «وأضاف خلال لقاء مع فضائية X، تردد على …، أنه»: the channel follows the verb
            # at once, so the subject was dropped; the words after its comma are an aside.
            span = []
    elif len(span) > 3:
        # «وقال المدرب فلان … وفقًا للإعلامي فلان:»: a journalist or outlet cited between the
        # subject and the content relayed the words: a source, cut from the subject.
        for j in range(1, len(span) - 1):
            if span[j].norm not in _AR_ACCORDING or span[j].quote != -1:
                continue
            nxt = span[j + 1]
            if nxt.norm.startswith("لل") or not nxt.norm.startswith("ل"):
                base = "ال" + nxt.norm[2:] if nxt.norm.startswith("لل") else ""
            else:
                base = nxt.norm[1:]
            if not base:
                continue
            probe = [_Tok(nxt.surf[1:], base, nxt.start + 1, nxt.end, nxt.gap, -1), *span[j + 2 :]]
            src = _parse_ar_np(probe, sentence, strict=False)
            if src is not None and src.kind == "media" and src.name:
                channel = src.name
                channel_cue = f"{span[j].surf} {nxt.surf}"
                span = span[:j]
            break
    if not channel and not verb.participle and len(span) > 3:
        # «أفادت وكالة X نقلا عن مصادر أمنية بأن»: the outlet relays, the source after
        # «نقلا عن» speaks and the outlet is the channel.
        j = next(
            (
                k
                for k in range(1, len(span) - 2)
                if span[k].norm in _AR_RELAYING and span[k + 1].norm == "عن"
            ),
            -1,
        )
        if j != -1:
            outer = _parse_ar_np(span[:j], sentence, strict=True)
            outlet = outer is not None and (outer.kind == "media" or _outlet_noun(span[0], False))
            head = span[j + 2].norm
            if (
                outer is not None
                and outlet
                and outer.body
                and (head in _DOCUMENTS or head in _STATEMENT_NOUNS)
                and (j + 3 >= len(span) or not span[j + 3].norm.startswith(("ال", "لل", "ل")))
            ):
                # «وقالت وكالة X، نقلا عن بيان مشترك، إن»: a statement or document of no one
                # named; the outlet that quotes it is the one cited.
                span = span[:j]
            elif outer is not None and outlet and outer.body and outer.name:
                channel = outer.name
                channel_cue = f"{span[j].surf} {span[j + 1].surf}"
                span = span[j + 2 :]
    np = None
    if not verb.participle and span:
        parts = _split_commas(span)
        core = parts[0]
        if (
            len(parts) > 1
            and _bare_name_part(parts[1])
            and any(
                core[k].norm in _AR_POSTING_PREPS and _posting_then_name(core + parts[1], k + 1)
                for k in range(1, len(core))
            )
        ):
            core = core + parts[1]  # «وقال المبعوث الأميركي إلى لبنان، فلان إن»: one subject
        np = _self_named(core, sentence) or _honorific_aside(parts, sentence)
        if (
            verb.lemma == _DESCRIBE
            and t.norm.endswith(_DESCRIBE_BARE)
            and len(core) > 2
            and core[-1].norm.startswith("ال")
            and not core[-2].norm.startswith("ال")
            and core[-2].norm not in _AR_ROLES
        ):
            # «ووصف التلفزيون الرسمي منطقة الحادث بأنها»: a construct object after an
            # institution (a person's name would end in the indefinite word instead).
            np = _parse_ar_np(core[:-2], sentence, strict=True)
            if np is not None and not np.body:
                np = None
        # «وصف الوزير الاتفاقَ بأنه»: the verb's object sits between subject and بأن.
        if (
            np is None
            and verb.lemma == _DESCRIBE
            and t.norm.endswith(_DESCRIBE_BARE)
            and len(core) > 1
            and core[-1].norm.startswith("ال")
            and not _side_at(core, len(core) - 1)
        ):
            np = _parse_ar_np(core[:-1], sentence, strict=True)
        if (
            np is None
            and i >= 3
            and not verb.homograph
            and (toks[i - 1].norm in _AR_QAD or _COMMA_RE.search(toks[i].gap))
            and any(toks[k].norm in _AR_KANA_VERBS for k in range(max(0, i - 9), i - 1))
        ):
            # «وكانت الحكومة قد دعت المحتجين إلى»: after «كان X قد» the subject is X; the
            # words after the verb are its object.
            np = _sv_subject(toks, i, sentence, ctx)
        if np is None:
            core = _without_period(core)
            np = _parse_ar_np(core, sentence, strict=verb.homograph) if core else None
        if (
            np is not None
            and not np.body
            and not np.role
            and len(core) > 1
            and core[0].norm in ctx.by_surname
            and core[1].norm not in _nphrase(ctx.by_surname[core[0].norm].name)
            and _n(np.name.split()[0]) == core[0].norm
        ):
            # «ودعا السعيد القوى السياسية إلى»: a surname met before, then the verb's object.
            np = ctx.by_surname[core[0].norm]
        if np is not None and _feminine_place_object(np, verb, core):
            # «حذر المبعوث …، وطالب إسرائيل ببذل …»: a masculine verb right before a country
            # or a capital (feminine) has it as its object; the subject is the earlier one.
            if _coordinated(toks, i):
                np = next((h.np for h in reversed(hits) if h.np is not None), None)
                if np is None:
                    return None
            else:
                return None
        if (
            np is None
            and core
            and core[0].norm in ctx.by_surname
            and (len(core) == 1 or core[1].norm in _AR_STOP)
        ):
            # «وكتب الشيباني في تغريدة …»: a surname met before, then a circumstance.
            np = ctx.by_surname[core[0].norm]
        run = 0
        while np is None and core and run < len(core) and core[run].quote == core[0].quote != -1:
            run += 1
        if np is None and 0 < run <= 3:
            # «ذكرت "رويترز" أن»، «نشرت "فرانس برس" نبأ عاجلا بعنوان:»: a quoted outlet of the
            # gazetteer as the subject (its object may follow).
            name = _text(core, 0, run, sentence).strip(' «»"“”')
            if is_outlet_name(name):
                np = _NP(name, "", "media", "", True)

        lead = next((x.norm for x in core if x.norm not in _AR_FILLERS), "")
        relayed_statement = (
            len(core) > 3
            and core[1].norm in _AR_WHICH
            and core[2].norm in _AR_RELAYED_BARE
            and not any(_COMMA_RE.search(x.gap) for x in core[1:])
        )
        if (
            np is None
            and (len(core) == 1 or relayed_statement)
            and lead.startswith("ال")
            and _strip_al(lead) in _STATEMENT_NOUNS
            and ctx.last is not None
            and ctx.last.body
        ):
            # «وأوضح البيان أن» after an institution spoke: its statement, so its words. After
            # a person the document stays nobody's (a person's statement is said, not issued).
            # «وأضاف البيان الذي نقلته وكالة X أن»: the same, X its cited source.
            np = ctx.last
        if np is None and lead and lead not in _AR_STOP:
            # «أن البرهان أكد للمسؤول حرص …»: the words after the verb are its object; the
            # subject stands before it. Else a subject is there but is not a speaker («أكد
            # البيان أن»).
            np = _sv_subject(toks, i, sentence, ctx) if i > 0 else None
            if np is None or not (
                np.known
                or (np.role and np.name != np.role)
                # «المركز الوطني للأرصاد طمأن المواطنين … بأن»: a body of several words
                or (np.body and " " in np.name and len(_place_conjuncts(np)) == 1)
            ):
                return None
        if verb.homograph and (
            np is None
            or not (np.role or np.body or _is_known(np, ctx) or _apposed_title(parts, np))
        ):
            # «بين»، «ذكر»، «تابع» ... with a bare unknown noun after them are not speech.
            return None
        if np is not None:
            # «وقال وزير الدولة، الناطق باسم الحكومة، فلان، إن»: a second bare title in
            # apposition before the name; the name is then the third part.
            named_part = 1
            if len(parts) > 2 and _bare_title_part(parts[1], sentence):
                named_part = 2
            if (
                np.role
                and np.role == np.name
                and not np.body
                and len(parts) > named_part
                and _name_words(parts[named_part]) <= 5
                # «مسؤول أممي، طلب عدم الكشف عن هويته،»: the apposition withholds the name.
                and not any(x.norm in _AR_ANONYMITY_WORDS for x in parts[named_part])
                and np.role == _text(core, 0, len(core), sentence)  # the title is all of it
            ):
                # «صرح نائب الأمين العام للحزب، نعيم قاسم، أن»: the name in apposition after a
                # bare title is the speaker's.
                ex = _strip_honorifics([x for x in parts[named_part] if x.norm not in _AR_FILLERS])
                named = _parse_ar_np(ex, sentence, strict=True) if ex else None
                if (
                    named is not None
                    and not named.body
                    and named.name
                    and named.name != named.role
                    and named.kind != "anonymous"
                ):
                    # An indefinite title («نائب رئيس الاتحاد») was an unnamed voice until
                    # its name came: now a named one.
                    kind = np.kind
                    if kind == "anonymous":
                        kind = _kind_of(core, _AR_ROLES)[0] or "other"
                        kind = "other" if kind == "anonymous" else kind
                    np = _NP(named.name, np.role, kind, np.affiliation)
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
    if np is None and not span and not verb.participle and not hits:
        np = _opening_known_subject(toks, i, ctx)
    if np is None and not span and not verb.participle:
        np = _interviewed_before(toks, i, sentence)
        np = ctx.resolve(np) if np is not None else None
    if np is None and not verb.participle:
        np = _sv_subject(toks, i, sentence, ctx)
    if np is None and verb.participle and not hits and _COMMA_RE.search(t.gap):
        np = _opening_body(toks, i, sentence, ctx, verb)
    if np is None:
        if _impersonal(toks, i, verb, mentions, hits):
            return None
        np = _pronoun_np(toks, i, ctx, mentions, hits)
        if np is not None and verb.participle and _gender_clash(np, verb):
            return None
        if (
            np is not None
            and not verb.participle
            and t.norm.endswith(("ون", "وا"))
            and not np.body
            and np.kind != "anonymous"
        ):
            return None  # «… كان أنصار الحزب يعتقدون أن»: a plural verb, no one person's words
    if np is None:
        return None
    if span and not verb.participle:
        chain_end = _vso_place_chain(
            toks, i, np, subj_end if verb.takes_object and direct == -1 else -1
        )
        if chain_end != -1:
            # «أعلنت مصر والأردن استئناف …»: the coordinated names are all the subject.
            np = _NP(
                _name_text(toks, i + 1, chain_end, sentence), "", np.kind, np.affiliation, True
            )
            if direct == -1 and content < chain_end:
                content = chain_end
    for one in _place_conjuncts(np):
        ctx.learn(one)  # «الرياض وطهران»: each name, not the pair
    ctx.last = np
    return _Hit(
        np, t.surf, content, direct, channel, i, participle=verb.participle, channel_cue=channel_cue
    )


# Verbs of expectation whose bare present form before «أن» is impersonal: «يُتوقع أن»، «يُرجّح
# أن» ("it is expected that"), the writer's own forecast, nobody's statement.
_AR_IMPERSONAL_LEMMAS = frozenset(_n(w) for w in _words("توقع رجح اعتقد افترض قدر"))


_AR_INTRODUCED = frozenset(_n(w) for w in _words("عرف قدم وعرف وقدم عرفت قدمت"))
_AR_SELF = frozenset(_n(w) for w in _words("نفسه نفسها"))


def _self_named(core: list[_Tok], sentence: str) -> _NP | None:
    """«قال مسؤول في هيئة الصحة عرّف نفسه باسم الطبيب فلان»: an indefinite title whose
    bearer gives his name; the name after «باسم» is the speaker's."""
    j = next((k for k in range(1, len(core) - 2) if core[k].norm in _AR_SELF), -1)
    if j == -1 or core[j - 1].norm not in _AR_INTRODUCED or core[j + 1].norm != _BISM:
        return None
    title = _parse_ar_np(core[: j - 1], sentence, strict=False)
    if title is None or title.body or not title.role:
        return None
    named = _strip_honorifics(core[j + 2 :])
    if not named or not 1 <= len(named) <= 4 or not all(_ar_name_like(t) for t in named):
        return None
    kind = _kind_of(core[: j - 1], _AR_ROLES)[0] or "other"
    return _NP(
        _name_text(core, j + 2, len(core), sentence),
        title.role,
        "other" if kind == "anonymous" else kind,
        title.affiliation,
    )


def _firm_speaker(np: _NP) -> bool:
    """A speaker a participle may continue: one met before, a body, or a title with a name
    that does not open with the article or a preposition (not a run-on span «الكبير بـ…»)."""
    if np.known or np.body:
        return True
    words = np.name.split()
    return bool(
        np.role and words and np.name != np.role and not _n(words[0]).startswith(("ال", "ل", "ب"))
    )


def _impersonal(toks, i, verb, mentions, hits) -> bool:
    """A subjectless «يتوقع أن» with nobody named before it in the sentence."""
    t = toks[i]
    bare = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:2] == "ي" else t.norm
    return (
        verb.lemma in _AR_IMPERSONAL_LEMMAS
        and bare[:1] == "ي"
        and i + 1 < len(toks)
        and toks[i + 1].norm in _AN_FORMS
        and not hits
        and not any(p < i for p, _np in mentions)
    )


# Country names written without ال that are grammatically masculine («قال لبنان»).
_AR_MASCULINE_PLACES = frozenset(_n(w) for w in _words("لبنان"))


def _feminine_place_object(np: _NP, verb: _Verb, core: list[_Tok]) -> bool:
    """A country or capital named without ال is feminine and takes a feminine verb («قالت
    مصر»، «أعلنت واشنطن»); right after a masculine finite verb it is the verb's object."""
    if verb.participle or verb.feminine or not np.body or np.kind != "state" or not core:
        return False
    first = core[0]
    return (
        not first.norm.startswith("ال")
        and first.norm not in _AR_MASCULINE_PLACES
        and _n(np.name.split()[0]) == first.norm
        and any(x.type in ("country", "capital") for x in _side_candidates(first.norm))
    )


def _gender_clash(np: _NP, verb: _Verb) -> bool:
    """A participle agrees with its subject: «مؤكدةً» is not said by a man titled «الرئيس»,
    «مضيفًا» not by «الوزيرة». Only a person with a title tells its gender."""
    if np.body or not np.role:
        return False
    head = _strip_al(_n(np.role.split()[0]))
    feminine = head.endswith("ه")
    return feminine != verb.feminine


def _channel_cue(span: list[_Tok], cs: int, ce: int, channel: str, sentence: str) -> str:
    """The words before the channel's name («في حديث لـ»، «لـ»): its cue as a source."""
    whole = sentence[span[cs].start : span[ce - 1].end]
    head = channel.split()[0] if channel.split() else ""
    at = whole.find(head.lstrip("ا")) if head else -1
    at = whole.find(head) if head and head in whole else at
    cue = whole[:at].rstrip(' «"“') if at > 0 else whole[:1]
    if cue.endswith(("ل", "لل")):
        cue = cue.removesuffix("ل").removesuffix("ل") + "لـ"  # «لقناة» -> cue «لـ»
    return cue or "لـ"


_AR_BEFORE_AFTER = frozenset(_n(w) for w in _words("قبل بعد وبعد وقبل"))


def _outlet_quoted_name(toks, i: int, k: int) -> bool:
    """Is the quoted token k inside an outlet's name written in quote marks right after its
    media noun («أكدت وكالة أنباء "X" إغلاق …»): a run of at most three words, no comma?"""
    if k < i + 2 or not _outlet_noun(toks[i + 1], False) or _COMMA_RE.search(toks[k].gap):
        return False
    q = toks[k].quote
    first = k
    while first > i + 1 and toks[first - 1].quote == q:
        first -= 1
    if first > i + 3 or any(toks[j].quote != -1 for j in range(i + 1, first)):
        return False
    last = k
    while last + 1 < len(toks) and toks[last + 1].quote == q:
        last += 1
    return last - first < 3 and last + 1 < len(toks)


def _ba_object_after(toks, start: int) -> int:
    """Where a بـ object opens after a subject ending at `start` (up to three time words
    between: «…، اليوم الخميس، بانتخاب»), or -1."""
    n = len(toks)
    c = start
    while c < n and c - start < 3 and toks[c].norm in _AR_TIME_WORDS:
        c += 1
    if (
        c < n
        and toks[c].norm.startswith("ب")
        and len(toks[c].norm) > 3
        and not _HARD_PUNCT.search(toks[c].gap)
    ):
        return c
    return -1


def _object_complement(toks, i, sentence, ctx, ba_object=False, media_only=False):
    """«أعلنت وزارة الصحة، الإثنين، وفاة ...»، «أعلن الجيش الوطني ارتفاع الحصيلة»: the subject
    is an institution (its definite adjectives and genitives included) or a title with a name
    of at most two words; the noun object after it (past a comma or a time word) is the
    content."""
    n = len(toks)
    end = i + 1
    while end < n and end - i <= 9 and (toks[end].quote == -1 or _outlet_quoted_name(toks, i, end)):
        if end > i + 1 and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap)):
            break
        end += 1

    titled = _role_at(toks, i + 1, _AR_ROLES) is not None

    def valid(k: int) -> _NP | None:
        last = toks[k - 1].norm
        if (
            k < n
            and last[:1] in "لب"
            and not last.startswith(("لل", "بال"))
            and len(last) > 3
            and toks[k].norm.startswith("ال")
            and not _COMMA_RE.search(toks[k].gap)
        ):
            return None  # «رئيس الهيئة المستقلة لتنظيم الانتخابات»: a genitive runs on
        np = _parse_ar_np(toks[i + 1 : k], sentence, strict=True)
        if np is None:
            # «وأعلن المضف عن تقديم …»: a surname met before in the article, alone.
            if media_only or k - i > 3 or toks[k - 1].quote != -1:
                return None
            return ctx.by_surname.get(" ".join(t.norm for t in toks[i + 1 : k]))
        if media_only:
            outlet = np.kind == "media" or _outlet_noun(toks[i + 1], False)
            return np if outlet and np.body or is_outlet_name(np.name) else None
        if np.body or _is_known(np, ctx) or (titled and np.role and np.role != np.name):
            return np
        if titled and np.role == np.name and k == _consume_ar_role(toks, i + 1, False):
            # «وأعلن وزير الطاقة عن توقيع …»: a whole bare title held by a person named before.
            held = ctx.resolve(np)
            # The holder's name must not follow the title («الوزير سامي الحربي التزام»).
            if (
                held.known
                and held.name != np.name
                and k < n
                and toks[k].norm not in _nphrase(held.name)
            ):
                return np
        return None

    if ba_object:
        # «رحب رئيس الوزراء فلان باتفاق ...»: the subject ends before the first بـ word that
        # leaves a valid subject («الرئيس بشار الأسد بالاتفاق»: not at «بشار»); none, no speech.
        k = next(
            (
                k
                for k in range(i + 2, end)
                if toks[k].norm.startswith("ب") and len(toks[k].norm) > 2 and valid(k) is not None
            ),
            -1,
        )
        if k == -1:
            # «طالبت وزارة الصحة المواطنين بالابتعاد»: the addressees between the body and
            # the بـ object are no part of the subject.
            k = next(
                (
                    k
                    for k in range(i + 3, end)
                    if toks[k].norm.startswith("ب")
                    and len(toks[k].norm) > 2
                    and _addressee(toks[k - 1].norm)
                    and (np := valid(k - 1)) is not None
                    and np.body
                ),
                -1,
            )
            if k != -1:
                return (k, -1, k - 1)
        if i > 0 and toks[i - 1].norm in _AN_FORMS:
            return None
        if k == -1 and end < n and _COMMA_RE.search(toks[end].gap):
            # «نددت الحكومة العراقية، باغتيال …»، «رحبت الولايات المتحدة، اليوم الخميس،
            # بانتخاب …»: the subject, a comma (and a time aside), then the بـ object.
            c = _ba_object_after(toks, end)
            if c != -1 and (np := valid(end)) is not None and np.body:
                return (c, -1, end)
        if k == -1 and (e2 := _apposed_name_end(toks, i, end, sentence)) != -1:
            # «أشاد أمير البلاد، الشيخ فلان بن فلان، بالفريق»: a bare title, its holder's
            # name between commas, then the بـ object.
            c = _ba_object_after(toks, e2)
            if c != -1:
                return (c, -1, e2)
        if k == -1:
            return None
        if (
            k + 1 < end
            and toks[k + 1].norm.startswith("ب")
            and len(toks[k + 1].norm) > 3
            and (np := valid(k)) is not None
            and not np.body
            and np.role
            and len(np.name.split()) == 1
            and (longer := valid(k + 1)) is not None
            and not longer.body
        ):
            k += 1  # «الرئيس الأمريكي جو بايدن بانتخاب …»: a family name that begins with ب
        return (k, -1, k)
    k = next((k for k in range(i + 2, end + 1) if valid(k) is not None), -1)
    if not titled and (k == -1 or not valid(k).body):
        # «أعلن فلان الفلاني الرئيس التونسي إقالة …»، «أعلن سعيد رئيس تونس، تجميد …»: a name,
        # its title in apposition, then the object; the title ends the subject.
        ne = _ar_name_span(toks, i + 1)
        if (
            i + 1 < ne < end
            and ne - i <= 4
            and all(
                _ar_name_like(t) and not _possessed(t.norm) and t.norm not in _AR_STOP
                for t in toks[i + 1 : ne]
            )
            and _role_at(toks, ne, _AR_ROLES) is not None
        ):
            r_end = _consume_ar_role(toks, ne, False)
            named = _parse_ar_np(toks[i + 1 : r_end], sentence, strict=True)
            if (
                ne < r_end <= end
                and named is not None
                and not named.body
                and named.role
                and named.name != named.role
                and named.kind != "anonymous"
            ):
                k = r_end
    if k != -1 and k < end and _apposed_name_end(toks, i, end, sentence) != -1:
        k = -1  # «هنأ نائب الرئيس وحاكم المدينة، فلان، …»: the whole title is the subject's
    if k == -1:
        apposed = _apposed_name_end(toks, i, end, sentence)
        if apposed == -1:
            return None
        # «وأكد رئيس الهيئة، فلان الفلاني، التزام الهيئة …»: a bare title, its name between
        # commas, then the object.
        k = c = apposed
        while c < n and toks[c].norm in _AR_TIME_WORDS:
            c += 1
        if c >= n - 1 or _HARD_PUNCT.search(toks[c].gap) or toks[c].norm in _AR_STOP:
            return None
        return (c, -1, k)
    np = valid(k)
    if np is not None and np.body:
        if (
            k < end
            and k == i + 2
            and not toks[i + 1].norm.startswith("ال")
            # «أدانت مصر الهجوم»: a country's or capital's name is whole, no construct head
            and _place_name_at(toks, i + 1, False) != k
            and valid(k + 1)
        ):
            k += 1  # «وكالة مهر»: an indefinite head takes its genitive
        shortest = k
        after_coordinated = False
        while k < end and toks[k].norm not in _AR_TIME_WORDS:
            # «الهيئة العليا للانتخابات في تونس»: a place after في is part of the name.
            # («في 6 أغسطس»: a date, not a place)
            step = (
                2 if toks[k].norm == "في" and k + 2 <= end and not toks[k + 1].norm.isdigit() else 1
            )
            # «الاتحاد الدولي لكرة القدم»: لـ + an indefinite noun + its definite genitive.
            if (
                toks[k].norm[:1] == "ل"
                and not toks[k].norm.startswith("لل")
                and len(toks[k].norm) > 3
                and k + 2 <= end
                and toks[k + 1].norm.startswith("ال")
            ):
                step = 2
            # «مديرية صحة محافظة البصرة»: a region noun and its name (one or two words) close
            # the body's name.
            if toks[k].norm in _AR_REGION_NOUNS and k + 2 <= end:
                m = k + 1
                while (
                    m < end
                    and m - k <= 2
                    and _ar_name_like(toks[m])
                    and toks[m].norm not in _AR_OBJECT_NOUNS
                    and not _COMMA_RE.search(toks[m].gap)
                ):
                    m += 1
                    if toks[m - 1].norm.startswith("ال"):
                        break
                if m > k + 1:
                    step = m - k
            # «أعلنت الوزارة التابعة لحكومة الإقليم سقوط …»: «التابعة لـ» + the parent body
            # describes the subject; the object comes after the parent.
            if (
                toks[k].norm in _AR_AFFILIATED
                and k + 2 <= end
                and toks[k + 1].norm[:1] == "ل"
                and len(toks[k + 1].norm) > 2
            ):
                step = 2
                if (
                    not toks[k + 1].norm.startswith("لل")
                    and k + 3 <= end
                    and toks[k + 2].norm.startswith("ال")
                ):
                    step = 3
            # «وزارة الصحة والسكان»: the genitive of an indefinite head may be coordinated,
            # and so may a genitive after لـ («الهيئة العامة للمياه والكهرباء») or a
            # coordinated genitive itself («وزارة الكهرباء والماء والطاقة»).
            coordinated = (
                toks[k].norm.startswith("وال")
                and len(toks[k].norm) > 4
                and (
                    (
                        k == i + 3
                        and not toks[i + 1].norm.startswith("ال")
                        and toks[i + 2].norm.startswith("ال")
                    )
                    or (k > i + 2 and (toks[k - 1].norm.startswith("لل") or after_coordinated))
                )
                and not _second_body_at(toks, k)
            )
            after_coordinated = coordinated
            # «حركة تحرير الوادي-شمال»: a word joined by a hyphen is more name.
            hyphened = toks[k].gap == "-"
            if "(" in toks[k].gap and k > shortest:
                break  # «… الوادي-شمال (الجبهة الموحدة) الهجمات»: a gloss closes the name
            if (
                step == 1
                and not toks[k].norm.startswith(("ال", "لل"))
                and not coordinated
                and not hyphened
            ):
                break
            longer = valid(k + step)
            if longer is None or not longer.body:
                break
            k += step
        # «أعلنت السلطات الإيرانية العثور على …»: the object may itself be definite; when
        # the words after the longest name cannot open the content, the last one did.
        while (
            k > shortest
            and k < n
            and toks[k].norm not in _AR_TIME_WORDS
            and toks[k].norm != "عن"
            and (toks[k].norm in _AR_STOP or _HARD_PUNCT.search(toks[k].gap))
            and _time_phrase_end(toks, k) == k  # «… في 6 أغسطس انتشار»: a date, then the object
        ):
            if not toks[k - 1].norm.startswith("ال") or _side_at(toks, k - 1):
                break
            k -= 1
        if k + 1 < end and _second_body_at(toks, k):
            # «أكدت بعثة الأمم المتحدة والسفارة الأمريكية دعوات …»: a second body coordinated
            # with the first shares the verb (the subject is split into both later).
            m = k + 1
            while (
                m < end and toks[m].norm.startswith("ال") and _role_at(toks, m, _AR_ROLES) is None
            ):
                m += 1
            spans = _conjunct_spans(toks[i + 1 : m]) if m < end else []
            if len(spans) > 1 and spans[0][1] == k - i - 1:
                k = m
    elif (
        np is not None
        and k < end
        and len(np.name.split()) == 1
        and (
            not toks[k].norm.startswith("ال")
            # «رئيس الوزراء فيصل العمري باتفاق»: a family name with ال before the object
            or (
                k + 1 < n
                and (
                    not toks[k + 1].norm.startswith("ال")
                    or toks[k + 1].norm in _AR_OBJECT_NOUNS
                    # «الرئيس سامر الهاشمي اليوم الأحد، تشكيل …»: a time adverb straight
                    # after the ال word shows it ends the subject; the object comes later
                    or toks[k + 1].norm in _AR_TIME_WORDS
                    and toks[k].norm not in _AR_OBJECT_NOUNS
                )
            )
        )
        and toks[k].norm not in _AR_TIME_WORDS
        and valid(k + 1) is not None
    ):
        k += 1  # «الوزير سامي داود»: a second name word
        np = valid(k)
    if (
        np is not None
        and not np.body
        and np.role
        and np.name != np.role
        and len(np.name.split()) == 2
        and k + 1 < end
        and toks[k].norm.startswith("ال")
        and toks[k].norm.endswith("ي")
        and len(toks[k].norm) >= 6
        and toks[k].norm not in _AR_TITLE_ADJECTIVES
        and toks[k].norm not in _AR_TIME_WORDS
        and not _side_candidates(toks[k].norm)
        and _role_at(toks, k, _AR_ROLES) is None
        and (longer := valid(k + 1)) is not None
        and not longer.body
    ):
        k += 1  # «محافظ X محمد جميل الفلاني الحداد»: a nisba family name after the given names
    if (
        np is not None
        and not np.body
        and k < n - 1
        and (k == end - 1 or toks[k + 1].norm == "عن")
        and (
            toks[k + 1].norm in _AR_TIME_WORDS
            or toks[k + 1].norm == "عن"
            or (
                k == end - 1 and (m := _comma_aside_end(toks, k + 1)) != -1 and toks[m].norm == "عن"
            )
        )
        and toks[k].norm.startswith("ال")
        and toks[k].norm not in _AR_OBJECT_NOUNS
        and toks[k].norm not in _AR_TIME_WORDS
        and (longer := valid(k + 1)) is not None
        and not longer.body
        and len(longer.name.split()) <= 4
    ):
        # «رئيس الوزراء محمد شياع السوداني، اليوم، عن …»، «محافظ X محمد جابر العطا، في وقت
        # سابق، عن …»، «… العطا عن تشكيل»: the name runs to the comma or to «عن» (an object
        # does not come before «عن»).
        k += 1
    if (
        k < n
        and _COMMA_RE.search(toks[k].gap)
        and toks[k].norm in _AR_ASIDE_PREPS
        and (m := _comma_aside_end(toks, k)) != -1
        and toks[m].norm == "عن"
    ):
        # «…، في وقت سابق، عن تشكيل …»: an aside between the subject and «عن».
        return (m + 1, -1, k) if m + 1 < n - 1 else None
    if (
        np is not None
        and np.body
        and k < n
        and _COMMA_RE.search(toks[k].gap)
        and toks[k].norm in _AR_ASIDE_PREPS
        and (m := _aside_before_an(toks, k)) != -1
    ):
        # «أعلنت الوزارة، في الساعات الأولى من صباح اليوم عن إيقاف …»: a time aside after
        # the body's comma runs on to «عن» without a second comma.
        return (m + 1, -1, k) if m + 1 < n - 1 else None
    if (
        i > 0
        and toks[i - 1].norm in _AN_FORMS
        and not (i > 1 and toks[i - 2].norm in _AR_BEFORE_AFTER)
    ):
        # «من المنتظر أن تعلن الوزارة ...»: an announcement still to come («قبل أن يعلن
        # الديوان …»، «بعد أن أعلنت الوزارة …»: one that was made)
        return None
    c = k
    while c < n and toks[c].norm in _AR_TIME_WORDS:
        c += 1
    c = _time_phrase_end(toks, c)
    if c + 2 < n and toks[c].norm == "في" and toks[c + 1].norm in _AR_CIRCUMSTANCE:
        # «وأعلن الوزير فلان، صباح يوم الجمعة، في مؤتمر صحفي انطلاق …»: the occasion (with
        # its nisba adjective) before the noun object.
        d = c + 2
        if (
            d < n
            and not toks[d].norm.startswith("ال")
            and toks[d].norm.endswith(_AR_NISBA_ENDINGS)
            and not _COMMA_RE.search(toks[d].gap)
        ):
            d += 1
        if d < n - 1 and _ar_name_like(toks[d]) and toks[d].norm not in _AR_STOP:
            c = d
    if c + 2 < n and toks[c].norm == "في" and toks[c + 1].norm in _AR_CHANNEL_HEADS:
        # «وأعلن الوزير فلان في تصريحات صحفية عن رفع …»: the remarks it was made in.
        d = c + 2
        while d < n and toks[d].norm in _AR_CHANNEL_MODIFIERS:
            d += 1
        if d < n - 1 and toks[d].norm == "عن" and not _COMMA_RE.search(toks[d].gap):
            c = d
    if c < n - 1 and toks[c].norm == "عن":
        c += 1  # «أعلن الاتحاد، عن رفع ...»
    if c >= n - 1 or _HARD_PUNCT.search(toks[c].gap) or toks[c].norm in _AR_STOP:
        return None
    return (c, -1, k)


# Adverbs of manner between a state and its addressee («طالب العراق رسميا تركيا بـ»).
_AR_STATE_ADVERBS = frozenset(_n(w) for w in _words("رسميا رسميًا رسمياً مجددا مجددًا مجدداً أيضا"))
_AR_ASIDE_PREPS = frozenset(_n(w) for w in _words("في خلال قبل بعد منذ"))
_MUNDHU = _n("منذ")
# «الجاري»، «الماضي»: the month or year of a date, this one or the last.
_AR_DATE_TAILS = frozenset(_n(w) for w in _words("الجاري الماضي المقبل الفائت"))


_WAQT = _n("وقت")
_AR_BEFORE_LATER = frozenset(_n(w) for w in _words("سابق لاحق"))


def _time_phrase_end(toks, c: int) -> int:
    """Past a time phrase between the subject and the object at c: «منذ (3) أيام», «في 6
    أغسطس/آب الجاري». c itself when none opens there."""
    n = len(toks)
    d = c
    while d < n and d - c < 3 and toks[d].norm in _AR_TIME_WORDS:
        d += 1  # «اليوم»، «مساء السبت»
    if (
        d == c
        and c + 3 < n
        and toks[c].norm == "في"
        and toks[c + 1].norm == _WAQT
        and toks[c + 2].norm in _AR_BEFORE_LATER
    ):
        # «في وقت سابق (من اليوم السبت)»: an earlier or later time, not the object
        d = c + 3
        if d + 1 < n and toks[d].norm == "من" and toks[d + 1].norm in _AR_TIME_WORDS:
            d += 2
            while d < n and d - c < 8 and toks[d].norm in _AR_TIME_WORDS:
                d += 1
    if d > c:
        return d if d + 1 < n and toks[d].quote == -1 else c
    if c + 2 < n and toks[c].norm == _MUNDHU:
        d = c + 1
        while d < n and (toks[d].norm.isdigit() or toks[d].norm in _AR_COUNT_WORDS):
            d += 1
        return d + 1 if d + 1 < n and not _COMMA_RE.search(toks[d].gap) else c
    if c + 3 < n and toks[c].norm == "في" and toks[c + 1].norm.isdigit():
        d = c + 3  # past the day and the month
        while d < n and d - c <= 4 and "/" in toks[d].gap:
            d += 1  # «أغسطس/آب»: a month's two names
        if d < n and toks[d].norm in _AR_DATE_TAILS:
            d += 1
        return d if d < n else c
    return c


def _aside_before_an(toks, c: int, limit: int = 8) -> int:
    """«، في الساعات الأولى من صباح اليوم عن …»: the index of «عن» closing a short aside
    that opens at c, a time word in it; -1 when none (punctuation first, or too long)."""
    timed = False
    for m in range(c + 1, min(len(toks), c + limit)):
        if _HARD_PUNCT.search(toks[m].gap) or _COMMA_RE.search(toks[m].gap):
            return -1
        if toks[m].norm == "عن":
            return m if timed else -1
        timed = timed or toks[m].norm in _AR_TIME_WORDS
    return -1


def _comma_aside_end(toks, c: int, limit: int = 6) -> int:
    """«، في وقت سابق، عن …»: the index of the first word after a short aside that opens at
    c and closes with a comma; -1 when none (a full stop first, or too long)."""
    for m in range(c + 1, min(len(toks), c + limit)):
        if _HARD_PUNCT.search(toks[m].gap):
            return -1
        if _COMMA_RE.search(toks[m].gap):
            return m
    return -1


def _name_words(part: list[_Tok]) -> int:
    """Length of a name in apposition: an honorific («الشيخ») and the particles of a lineage
    («بن»، «آل») do not count («الشيخ فلان بن فلان آل فلان» is four words long)."""
    return sum(
        1 for t in part if t.norm not in _AR_NAME_PARTICLES and t.norm not in _HONORIFIC_WORDS_N
    )


def _apposed_name_end(toks, i, end, sentence) -> int:
    """End of «TITLE، NAME،» after the verb at i (the title ends at `end`, a comma), else -1."""
    n = len(toks)
    if end >= n or not _COMMA_RE.search(toks[end].gap):
        return -1
    title = _parse_ar_np(toks[i + 1 : end], sentence, strict=True)
    if title is None or title.body or not title.role or title.role != title.name:
        return -1
    e2 = end + 1
    while e2 < n and _name_words(toks[end:e2]) <= 4 and not _COMMA_RE.search(toks[e2].gap):
        if _HARD_PUNCT.search(toks[e2].gap) or toks[e2].quote != -1:
            return -1
        e2 += 1
    if e2 >= n or not _COMMA_RE.search(toks[e2].gap):
        return -1
    named = _parse_ar_np(_strip_honorifics(toks[end:e2]), sentence, strict=True)
    if named is None or named.body or not named.name or named.name == named.role:
        return -1
    return e2


# «الأسبوع الماضي»، «الشهر المقبل»: a relative time adverbial next to the subject
# («أعلن الأردن الأسبوع الماضي»، «وأعلنت الوزارة الشهر الماضي أن»), never part of a name.
_AR_PERIOD_NOUNS = frozenset(_n(w) for w in _words("الأسبوع الشهر العام السنة الموسم"))
_AR_PERIOD_ADJS = frozenset(
    _n(w) for w in _words("الماضي الماضية المقبل المقبلة القادم القادمة الجاري الجارية الفائت")
)


_AR_QAD = frozenset(_n(w) for w in _words("قد وقد"))
_AR_KANA_VERBS = frozenset(_n(w) for w in _words("كان كانت وكان وكانت فكان فكانت"))


def _without_period(core: list[_Tok]) -> list[_Tok]:
    """The subject span without a «الأسبوع الماضي» adverbial at its start or its end."""
    if len(core) >= 2 and core[0].norm in _AR_PERIOD_NOUNS and core[1].norm in _AR_PERIOD_ADJS:
        core = core[2:]
    for k in range(1, len(core) - 1):
        if core[k].norm in _AR_PERIOD_NOUNS and core[k + 1].norm in _AR_PERIOD_ADJS:
            return core[:k]
    return core


# Time words between a subject and its object («أعلن الجيش أمس الثلاثاء ...»).
_AR_TIME_WORDS = frozenset(
    _n(w)
    for w in _words(
        "أمس اليوم يوم الليلة مساء صباح الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"
    )
)


# Words of a withheld name («طلب عدم الكشف عن هويته»، «رفض ذكر اسمه»).
_AR_ANONYMITY_WORDS = frozenset(
    _n(w) for w in _words("الكشف ذكر هويته هويتها اسمه اسمها هويتهم أسمائهم")
)


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


def _opening_known_subject(toks, i, ctx) -> _NP | None:
    """«ورفض فلان النتائج، وقال إن …»: a و-verb after a comma shares the subject of the verb
    that opens the sentence, when that subject is a surname met before in the article."""
    t = toks[i]
    if i < 3 or t.norm[:1] != "و" or not any(_COMMA_RE.search(x.gap) for x in toks[2 : i + 1]):
        return None
    f = 0
    while f < i and toks[f].norm in _AR_FILLERS:
        f += 1
    first = toks[f].norm
    if (
        f + 1 >= i
        or first[:1] != "و"
        or len(first) < 4
        or first in _AR_STOP
        or first in _AR_VERBS
        or toks[f].quote != -1
    ):
        return None
    return ctx.by_surname.get(toks[f + 1].norm) if toks[f + 1].quote == -1 else None


def _apposed_title(parts: list[list[_Tok]], np: _NP) -> bool:
    """«كتب فلان الفلاني، رئيس الوفد، في منشور …»: a name of two words or more with a title
    in apposition after its comma is a speaker, after a homograph verb too."""
    if len(parts) < 2 or np.body or np.kind == "anonymous" or len(np.name.split()) < 2:
        return False
    ex = _strip_honorifics([x for x in parts[1] if x.norm not in _AR_FILLERS])
    return bool(ex) and _role_at(ex, 0, _AR_ROLES) is not None


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


def _ar_relay_hit(
    toks, i, verb, sentence, ctx, quotes_len, need_saying: bool = False
) -> _Hit | None:
    """«ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن ...»: speaker after عن, relay = channel.
    With `need_saying` (a verb that is not a relay verb: «وذكرت وكالة X، عن الوزير فلان
    قوله»), only when a saying noun («قوله») after the speaker makes the relay certain."""
    n = len(toks)
    k = next((j for j in range(i + 1, min(n, i + 9)) if toks[j].norm == "عن"), -1)
    if k == -1 or any(_HARD_PUNCT.search(toks[j].gap) for j in range(i + 1, k + 1)):
        return None
    between = toks[i + 1 : k]
    # «ونقلت صحيفة X، الجمعة، عن»: a day set off by commas after the outlet is no part of it.
    while len(between) > 1 and between[-1].norm in _AR_TIME_WORDS:
        between = between[:-1]
    # «وكالة الأنباء السعودية “واس”، عن»: an acronym in quote marks after the name glosses it.
    # A bare outlet noun keeps its quoted name («صحيفة “المساء”»).
    while len(between) > 2 and between[-1].quote != -1 and between[0].quote == -1:
        between = between[:-1]
    relay = _parse_ar_np(between, sentence, strict=True) if between else None
    m = k + 1
    while m < n and m - k <= 10:
        t = toks[m]
        if (
            t.norm.startswith(_AR_SAYING_NOUNS)
            or t.norm == _AL_QAWL
            or t.norm in _AN_FORMS
            or ":" in t.gap
            or _COMMA_RE.search(t.gap)
            or _HARD_PUNCT.search(t.gap)
            or _opening_quote(toks, m, quotes_len)
        ):
            break
        m += 1
    if m >= n - 1 and not need_saying:
        # «نقلت وكالة X عن مصدر قضائي كبير توقيف فلان.»: no saying noun or complement; a
        # verbal noun after the source is what was relayed (the source is a few words).
        v = next(
            (
                j
                for j in range(k + 2, min(m, k + 6))
                if toks[j].quote == -1 and _masdar_shape(toks[j].norm) and j + 1 < n
            ),
            -1,
        )
        src = _parse_ar_np(toks[k + 1 : v], sentence, strict=True) if v != -1 else None
        if src is not None and (src.body or src.kind == "anonymous" or src.role):
            src = ctx.resolve(src)
            ctx.learn(src)
            ctx.last = src
            return _Hit(
                src, toks[i].surf, v, -1, relay.name if relay else "", i, channel_cue=toks[i].surf
            )
    np = _parse_ar_np(toks[k + 1 : m], sentence, strict=False)
    if np is None or m >= n:
        return None
    if toks[m].norm in _AR_REL and _COMMA_RE.search(toks[m].gap):
        # «عن فلان، الذي سافر إلى الخارج، القول إن»: a relative clause set off by commas
        # between the speaker and the saying noun.
        m = next(
            (
                j
                for j in range(m + 1, min(n, m + 16))
                if _COMMA_RE.search(toks[j].gap)
                and (toks[j].norm.startswith(_AR_SAYING_NOUNS) or toks[j].norm == _AL_QAWL)
            ),
            m,
        )
        if any(_HARD_PUNCT.search(toks[j].gap) for j in range(k + 1, m + 1)):
            return None
    saying = toks[m].norm.startswith(_AR_SAYING_NOUNS) or toks[m].norm == _AL_QAWL
    if need_saying and not (saying and toks[m].norm.endswith(("ه", "ها", "هم"))):
        return None  # «قوله»، «تأكيدها»: the possessed saying noun, not «في تصريح لـX»
    c = m + 1 if saying else m
    if c >= n:
        return None
    if saying and not _opening_quote(toks, c, quotes_len) and toks[c].norm not in _AN_FORMS:
        # «… قوله، خلال مداخلة تلفزيونية، “…”»: a circumstance between the saying noun and
        # the quote.
        c = next(
            (
                j
                for j in range(c, min(n, c + 8))
                if _opening_quote(toks, j, quotes_len) or toks[j].norm in _AN_FORMS
            ),
            c,
        )
    direct = toks[c].quote if _opening_quote(toks, c, quotes_len) else -1
    if direct == -1 and toks[c].norm in _AN_FORMS:
        c += 1
    elif direct == -1 and ":" not in toks[c].gap and c == m:
        return None
    np = ctx.resolve(np)
    ctx.learn(np)
    ctx.last = np
    return _Hit(
        np, toks[i].surf, c, direct, relay.name if relay else "", i, channel_cue=toks[i].surf
    )


# «قوله»، «قولها»، «تأكيده» ...: the noun that carries the relayed statement.
_AR_SAYING_NOUNS = tuple(_n(w) for w in ("قول", "تأكيد", "تصريح", "إشارت", "اعتبار"))
_AL_QAWL = _n("القول")  # «نقلت X عن فلان القول إن»


def _is_known(np: _NP, ctx: _Ctx) -> bool:
    return " ".join(_nphrase(np.name)) in ctx.by_surname


def _headline(toks, i, sv, sentence) -> bool:
    """«حماس تعلن تسليم ردها …»: a headline (a short line without a full stop, the verb
    within its first three words) whose subject is a name of one or two words."""
    return (
        0 < i <= 2
        and len(toks) <= 16
        and sv.kind != "anonymous"
        and 0 < len(sv.name.split()) <= 2
        and not (" " not in sv.name and _n(sv.name).startswith("ال"))  # «الحركة»: a bare noun
        and not any(_HARD_PUNCT.search(t.gap) for t in toks[1:])
        and not sentence.rstrip().endswith((".", "!", "؟"))
    )


# «أما X فـ…»: the particle that sets a new topic before its subject.
_AR_AMMA = frozenset(_n(w) for w in _words("أما وأما"))
_FAQAD = _n("فقد")


# Prepositions of a fronted topic («وعن الإصابة قال»، «وحول المباراة أضاف»): what follows
# them is what the speaker talks about, never the speaker.
_AR_TOPIC_PREPS = frozenset(_n(w) for w in _words("عن وعن حول وحول بشأن وبشأن"))


def _kana_comma_subject(toks, j: int, sentence: str) -> _NP | None:
    """The subject between a clause-opening «كان» and the comma before toks[j], if any."""
    k = next((k for k in range(j - 1, max(-1, j - 9), -1) if toks[k].norm in _AR_KANA_VERBS), -1)
    if k == -1 or k + 1 >= j:
        return None
    if k > 0 and not (
        toks[k - 1].norm in _AR_CLAUSE
        or _COMMA_RE.search(toks[k].gap)
        or _HARD_PUNCT.search(toks[k].gap)
    ):
        return None
    if any(
        toks[m].quote != -1 or _COMMA_RE.search(toks[m].gap) or _HARD_PUNCT.search(toks[m].gap)
        for m in range(k + 1, j)
    ):
        return None
    np = _parse_ar_np(toks[k + 1 : j], sentence, strict=True)
    if np is None or not (np.body or np.role or len(np.name.split()) >= 2):
        return None
    return np


def _sv_subject(toks, i, sentence, ctx) -> _NP | None:
    """Subject before the verb: «وزير الخارجية أكد أن»، «وكان الوزير قد قال إن»."""
    v = toks[i].norm
    if v[:1] == "و" and len(v) > 3 and v not in _AR_VERBS and v[1:] in _AR_VERBS:
        # «وانتقد فلان القرار وقال إن …»: a verb joined by و goes on with the clause before;
        # what precedes it is that clause, never the verb's subject.
        return None
    j = i
    while j > 0 and toks[j - 1].norm in _AR_KANA:
        j -= 1
    start = j
    while start > 0 and j - start < 9:
        prev = toks[start - 1]
        if prev.quote != -1 or prev.norm in _AR_CLAUSE or prev.norm in _AR_KANA:
            break
        if (
            _COMMA_RE.search(toks[start].gap)
            or _HARD_PUNCT.search(toks[start].gap)
            or ":" in toks[start].gap
        ):
            break
        start -= 1
    if start == j and j > 1 and _COMMA_RE.search(toks[j].gap):
        # «وكان المحامي فلان، قد أعلن …»، «كانت الجماعة، أعلنت …»: after «كان» the words up
        # to the comma are the subject of the verb after it.
        np = _kana_comma_subject(toks, j, sentence)
        if np is not None:
            return ctx.resolve(np)
    if start == j:
        return (
            _sv_apposed_subject(toks, j, sentence, ctx)
            or _sv_comma_subject(toks, j, sentence, ctx)
            or _sv_aside_subject(toks, j, sentence, ctx)
        )
    seg = [x for x in toks[start:j] if x.norm not in _AR_KANA]
    if seg and seg[0].norm in _AR_TOPIC_PREPS:
        return None  # «وعن مواجهة الفريق قال:»: the topic fronted, the subject dropped
    if len(seg) > 1 and seg[0].norm in _AR_AMMA:
        # «أما وزارة الصحة فقد أعلنت»: the topic particle opens the subject, «فقد» closes it
        seg = seg[1:]
        if len(seg) > 1 and seg[-1].norm == _FAQAD:
            seg = seg[:-1]
    if (
        not seg
        or start > 0
        and not (
            toks[start - 1].norm in _AR_CLAUSE
            or toks[start - 1].norm in _AR_KANA
            or _COMMA_RE.search(toks[start].gap)
            or ":" in toks[start].gap  # «اقرأ المزيد: إسرائيل تعلن …»
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
    if len(seg) == 1 and seg[0].norm in ctx.by_surname:
        return ctx.by_surname[seg[0].norm]  # «أن البرهان أكد»: a surname met before
    np = _parse_ar_np(seg, sentence, strict=True)
    if np is None:
        return None
    # The whole pre-verb segment must be the subject, not a clause that merely ends in a noun.
    return ctx.resolve(np)


def _sv_comma_subject(toks, j, sentence, ctx) -> _NP | None:
    """«ذكرت الوكالة أن الأمين العام للمجلس فلان، أشاد بـ»: after أن / إن, a titled name or
    an institution, then a comma, then the verb (at j)."""
    if j < 2 or not _COMMA_RE.search(toks[j].gap):
        return None
    a = j - 1
    while a > 0 and j - a < 10:
        if _COMMA_RE.search(toks[a].gap) or _HARD_PUNCT.search(toks[a].gap):
            return None
        if toks[a - 1].norm in _AN_FORMS:
            break
        a -= 1
    if a <= 0 or toks[a - 1].norm not in _AN_FORMS or any(x.quote != -1 for x in toks[a:j]):
        return None
    np = _parse_ar_np(toks[a:j], sentence, strict=True)
    # A titled or known person: an institution's name may swallow a clause's words («أن
    # الحركة قبلت عرضه، وقال»).
    if np is None or np.body or not ((np.role and np.name != np.role) or _is_known(np, ctx)):
        return None
    if not np.name.split() or _n(np.name.split()[-1]) != toks[j - 1].norm:
        return None  # the subject must run to the comma: «إن الحكومة لن تقبل …، وأضاف»
    return ctx.resolve(np)


_AR_ASIDE_OPENERS = frozenset(_n(w) for w in _words("وهو وهي وهم وهما"))


def _opening_span(toks, a: int, j: int, max_words: int) -> int | None:
    """Where the words before the comma at `a` start, if they open the sentence: at most
    `max_words` back to the text's start or hard punctuation (not another comma), and no
    quotation between there and the verb at `j`. None otherwise."""
    b = a - 1
    while b > 0 and a - b < max_words:
        if _COMMA_RE.search(toks[b].gap) or _HARD_PUNCT.search(toks[b].gap):
            break
        b -= 1
    if b > 0 and not _HARD_PUNCT.search(toks[b].gap):
        return None
    if any(x.quote != -1 for x in toks[b:j]):
        return None
    return b


def _sv_aside_subject(toks, j, sentence, ctx) -> _NP | None:
    """«فلان الفلاني، وهو شاهد عيان، يقول:»: a name opening the sentence, an aside «وهو …»
    between commas, then the verb (at j)."""
    if j < 3 or not _COMMA_RE.search(toks[j].gap):
        return None
    a = j - 1
    while a > 0 and j - a <= 8 and not _COMMA_RE.search(toks[a].gap):
        if _HARD_PUNCT.search(toks[a].gap):
            return None
        a -= 1
    if a <= 0 or not _COMMA_RE.search(toks[a].gap) or toks[a].norm not in _AR_ASIDE_OPENERS:
        return None
    b = _opening_span(toks, a, j, 5)  # the name must open the sentence
    if b is None:
        return None
    np = _parse_ar_np(toks[b:a], sentence, strict=True)
    if np is None or np.body or not np.name or np.name == np.role:
        return None
    return ctx.resolve(np)


def _sv_apposed_subject(toks, j, sentence, ctx) -> _NP | None:
    """«المسؤول عن البرنامج، فلان الفلاني، أوضح أن»: a title opening the sentence, the name
    between commas, then the verb (at j)."""
    if j < 2 or not _COMMA_RE.search(toks[j].gap):
        return None
    a = j - 1
    while a > 0 and j - a <= 4 and not _COMMA_RE.search(toks[a].gap):
        a -= 1
    if a <= 0 or not _COMMA_RE.search(toks[a].gap):
        return None
    b = _opening_span(toks, a, j, 9)  # the title must open the sentence
    if b is None:
        return None
    title = _parse_ar_np(toks[b:a], sentence, strict=True)
    if title is None or title.body or not title.role or title.role != title.name:
        return None
    named = _parse_ar_np(_strip_honorifics(toks[a:j]), sentence, strict=True)
    if named is None or named.body or not named.name or named.name == named.role:
        return None
    kind = title.kind if title.kind != "anonymous" else "other"
    return ctx.resolve(_NP(named.name, title.role, kind, title.affiliation))


def _opening_body(toks, i, sentence, ctx, verb) -> _NP | None:
    """«وكانت المعارضة المسلحة بثت بياناً …، مؤكدة …»: a participle after a comma goes on
    from the institution that opens the sentence after «كان» (SV), of the participle's
    gender (a feminine participle after a feminine head noun)."""
    if i < 4 or toks[0].norm not in _AR_KANA:
        return None
    end = 1
    while end < i and end < 8 and toks[end].gap == " " and toks[end].quote == -1:
        end += 1
    for k in range(end, 1, -1):
        if not toks[k - 1].norm.startswith(("ال", "لل")) or toks[k - 1].norm in _AR_TIME_WORDS:
            continue  # the name ends in a definite word, not in the verb or date after it
        np = _parse_ar_np(toks[1:k], sentence, strict=True)
        if np is not None and np.body and np.name:
            feminine = _n(np.name.split()[0]).endswith("ه")
            return ctx.resolve(np) if feminine == verb.feminine else None
    return None


def _pronoun_np(toks, i, ctx, mentions, hits) -> _NP | None:
    """A dropped subject: the speaker of this sentence's previous attribution, else the nearest
    person mentioned earlier in the sentence (for a mid-sentence verb), else the last speaker."""
    if hits:
        for h in reversed(hits):
            if h.np is not None:
                return h.np
    leading = all(x.norm in _AR_FILLERS or x.norm in _AR_CLAUSE for x in toks[:i])
    if (
        not leading
        and toks[0].norm in _AR_TOPIC_PREPS
        and not any(_COMMA_RE.search(x.gap) for x in toks[1 : i + 1])
    ):
        # «وحول إصابة اللاعب قال إنه»: the person in a fronted topic is talked about
        leading = True
    if not leading:
        first_at: dict[str, int] = {}
        for p, np in mentions:
            first_at.setdefault(np.name, p)
        genitives = {
            name
            for name, p in first_at.items()
            if p < i
            and (
                _in_construct(toks, p) or _construct_head(toks, p, name) or _masdar_object(toks, p)
            )
        }
        before = [np for p, np in mentions if p < i and np.name not in genitives]
        if before:
            return before[-1]
    return ctx.last


def _masdar_object(toks, p: int) -> bool:
    """«أمر الوزير بإيقاف مدير الميناء، مشيرا»، «رحب فلان بتعيين السفير، مؤكدا»: the person
    right after بـ + a verbal noun (forms إفعال، افتعال، استفعال، تفعيل) is the object of
    that act, not the one who goes on speaking."""
    if p < 1 or toks[p - 1].quote != -1 or _COMMA_RE.search(toks[p].gap):
        return False
    prev = toks[p - 1].norm
    return len(prev) >= 6 and prev.startswith(("با", "بت")) and prev not in _AR_STOP


def _construct_head(toks, p: int, name: str) -> bool:
    """«تناول المدرب إصابة اللاعب فلان»: a one-word «name» after a title that a title of
    the lexicon follows is a noun in construct (the title's object), not a person."""
    if " " in name:
        return False
    k = next((k for k in range(p + 1, min(len(toks), p + 4)) if toks[k].surf == name), -1)
    return (
        k != -1
        and k + 1 < len(toks)
        and toks[k + 1].norm.startswith("ال")
        and not _COMMA_RE.search(toks[k + 1].gap)
        and _role_at(toks, k + 1, _AR_ROLES) is not None
    )


def _in_construct(toks, p: int) -> bool:
    """Is the person mentioned at p the genitive of the noun before it («تناول المدرب إصابة
    اللاعب فلان، مشيرا»)? A definite title right after an indefinite noun (no verb of saying,
    preposition or function word) that follows a definite subject: the injury's owner, not
    the one who goes on speaking."""
    q = p
    while q > 0 and p - q < 3 and toks[q - 1].norm.startswith("ال") and toks[q - 1].quote == -1:
        q -= 1  # the mention's title before its name («اللاعب فلان»)
    if q < 1 or not toks[q].norm.startswith("ال") or _COMMA_RE.search(toks[p].gap):
        return False
    p = q
    if p < 2 or not toks[p - 2].norm.startswith("ال") or toks[p - 2].norm in _AR_STOP:
        return False  # the noun must be the object after a subject («تناول المدرب إصابة …»)
    prev = toks[p - 1]
    return (
        not prev.norm.startswith(("ال", "و", "ف", "ل", "ب"))
        and prev.norm not in _AR_STOP
        and prev.norm not in _AR_FILLERS
        and prev.norm not in _AR_VERBS
        and prev.quote == -1
        and not _COMMA_RE.search(toks[p].gap)
        and len(prev.norm) > 2
    )


_AR_REMARKS = frozenset(_n(w) for w in _words("تصريحات تصريح"))
_AR_CLAUSE_LINKS = frozenset(_n(w) for w in _words("إذ حيث"))


def _remarks_owner_before(toks, i, sentence) -> _NP | None:
    """«وجاءت تصريحات فلان بعد الخسارة، إذ قال إن …»: a verb after «إذ/حيث» with no subject
    of its own continues the owner of the remarks named earlier in the sentence."""
    if i < 4 or toks[i - 1].norm not in _AR_CLAUSE_LINKS:
        return None
    for k in range(min(i - 2, 6)):
        if toks[k].norm in _AR_REMARKS and _ar_name_like(toks[k + 1]):
            seg = toks[k + 1 : i - 1]
            if toks[k + 1].norm.startswith("ل"):
                return None  # «تصريحات لقناة»: a channel, not the owner
            end = _consume_ar_role(seg, 0, False) if _role_at(seg, 0, _AR_ROLES) else 0
            end = _ar_name_span(seg, end)
            if end == 0:
                return None
            np = _parse_ar_np(seg[:end], sentence, strict=True)
            return np if np is not None and not np.body and np.name else None
    return None


_AR_FIRST_LAST = frozenset(_n(w) for w in _words("أول آخر"))


def _interviewed_before(toks, i, sentence) -> _NP | None:
    """«وفي تصريحات لفلان عقب المباراة، أكد أن …»: a clause-initial «في تصريحات/حديث لـX»
    before a verb without a subject names its speaker X (an outlet after لـ is a channel)."""
    k = 0
    if k < i and toks[k].norm in ("في", "وفي"):
        k += 1
    else:
        return _remarks_owner_before(toks, i, sentence)
    if k < i and toks[k].norm in _AR_FIRST_LAST:
        k += 1  # «وفي أول تعليق لـ X،»: the first (or last) of his remarks
    if k >= i or (toks[k].norm not in _AR_CHANNEL_HEADS and toks[k].norm not in _STATEMENT_NOUNS):
        return None
    k += 1
    while k < i and toks[k].norm in _AR_CHANNEL_MODIFIERS:
        k += 1
    if k >= i:
        return None
    t = toks[k]
    if not t.norm.startswith("ل") or len(t.norm) < 3 or _outlet_noun(t, prep=True):
        return None
    comma = next((j for j in range(k + 1, i + 1) if _COMMA_RE.search(toks[j].gap)), -1)
    if comma == -1 or comma != i:
        return None  # the phrase must end in a comma right before the verb
    base = "ال" + t.norm[2:] if t.norm.startswith("لل") else t.norm[1:]
    lam = 1 if t.surf[1:2] != "ـ" else 2
    seg = [_Tok(t.surf[lam:], base, t.start + lam, t.end, "", -1), *toks[k + 1 : i]]
    end = _ar_name_span(seg, 0)
    if end == 0 or (end < len(seg) and seg[end].norm not in _AR_TIME_PREPS):
        np = _parse_ar_np(seg, sentence, strict=True)
    else:
        np = _parse_ar_np(seg[:end], sentence, strict=True)
    return np


# Arabic: a trigger word alone or after a conjunction و/ف.
_AR_TRIGGERS = _WordFilter(
    set(_AR_VERBS)
    | {p[0] for p in _AR_SOURCES}
    | _AR_PUBLISHED
    | _AR_CHANNEL_HEADS
    | _AR_SAYING_MASDARS
    | {_n("جاء")}  # «وجاء في بيان للكرملين أن»
    # «وهو ما أكده فلان»: a verb with the object pronoun of «ما».
    | {v + s for v, verb in _AR_VERBS.items() if not verb.participle for s in ("ه", "ها")},
    "وف",
)
_AR_PERSON_ROLES = _WordFilter({k for k, v in _AR_ROLES.items() if v[0].type == "person"}, "و")


def _turn_reversed_quotes(paragraph: str) -> str:
    """«وقال ” كانت مباراة صعبة “»: right-to-left typing often swaps the curly marks, so a
    quotation opens with ” (after a space, a colon or the paragraph start, outside any open
    quotation) and closes with the next ” or “. Turn such a pair into “…” (same length)."""
    chars = list(paragraph)
    depth = 0
    i = 0
    while i < len(chars):
        c = chars[i]
        if c == "“":
            depth += 1
        elif c == "”":
            if depth:
                depth -= 1
            elif i == 0 or chars[i - 1] in " \t:،,":
                j = next((k for k in range(i + 1, len(chars)) if chars[k] in "“”"), -1)
                if j != -1:
                    chars[i], chars[j] = "“", "”"
                    i = j
        i += 1
    return "".join(chars)


# «شاهد | …»، «فيديو: …»، «عاجل - …»: a page's item label before a headline is no subject.
_ITEM_LABEL_RE = re.compile(
    r"^\s*(?:عاجل|حصري|شاهد|شاهدوا|فيديو|بالفيديو|بالصور|صور|اقرأ أيضا|اقرأ أيضًا)\s*[|:\-–—]\s*"
)


# Opening and closing quote marks, for a quote left open at a paragraph's end.
_OPENERS = "«“"
_CLOSERS = "»”"
# Paragraphs a statement may run on over without a cue of their own.
_CARRY_MAX = 6


# The opening and closing marks, found in C: _open_depth walks only them, not every character.
_QUOTE_MARKS_RE = re.compile(f"[{_OPENERS}{_CLOSERS}]")


def _open_depth(text: str) -> int:
    """Quote marks left open at the end of `text` (straight quotes by parity)."""
    depth = 0
    for c in _QUOTE_MARKS_RE.findall(text):
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth = max(0, depth - 1)
    return depth + text.count('"') % 2


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one Arabic paragraph; person mentions teach `ctx` names.

    A statement runs on over the next paragraphs that attribute nothing themselves: after a
    quote left open («وجاء في البيان أن “…» to the closing mark) and after a statement that
    ends its paragraph with «:» (the list or text it announces)."""
    taught = _learn_lineages(paragraph, ctx) if "آل " in paragraph else None
    out = run_on(_attribute_paragraph(paragraph, para, ctx), paragraph, para, ctx)
    if taught:
        _unlearn_speaking_lineages(taught, out, ctx)
    return out


def run_on(out: list[Quote], paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """The paragraph's statements `out`, or the statement the paragraphs before run on with
    when it has none; sets what runs on to the next paragraph in `ctx.carry`."""
    carry = ctx.carry
    ctx.carry = None
    text = paragraph.strip()
    if carry is not None and not out and text and ":" not in text[:40]:
        # («قد يهمك أيضا: …»: a page label, not the statement's text)
        q, mode, left = carry
        out = [replace(q, text=text, paragraph=para, sentence=text, direct=mode == "quote")]
        if mode == "quote":
            depth = 1
            for c in text:
                if c in _OPENERS:
                    depth += 1
                elif c in _CLOSERS:
                    depth -= 1
                    if depth == 0:
                        break
            depth -= text.count('"') % 2
            if depth > 0 and left > 1:
                ctx.carry = (q, mode, left - 1)
        elif left > 1:
            ctx.carry = (q, mode, left - 1)
        return out
    speech = [q for q in out if not is_cited_source(q)]
    if speech and text:
        last = speech[-1]
        if len(last.speaker.split()) < 2 and last.speaker_kind not in _BODY_KINDS:
            return out  # «لكنهم»: a one-word voice is too weak to carry on
        if text.endswith(":") and last.sentence.strip() and text.endswith(last.sentence.strip()):
            ctx.carry = (last, "colon", _CARRY_MAX)
        elif (at := text.find(last.sentence)) != -1 and _open_depth(text[at:]) > 0:
            ctx.carry = (last, "quote", _CARRY_MAX)
    return out


# «فلان بن فلان آل فلان»: a lineage name with its family; «فلان بن فلان» later is the same
# person.
_LINEAGE_RE = re.compile(
    r"(?<!\S)([^\s،,.:«»\"“”()]+(?: (?:بن|بنت) [^\s،,.:«»\"“”()]+)+) آل ([^\s،,.:«»\"“”()]+)"
)


def _learn_lineages(paragraph: str, ctx: _Ctx) -> dict[str, _NP]:
    """Teach `ctx` each lineage name of the paragraph under its form without the family, so
    that «وأكد الشيخ فلان بن فلان» after «استقبل الشيخ فلان بن فلان آل فلان …» (a mention
    that said nothing) is the full name. Returns what it taught, by key."""
    taught: dict[str, _NP] = {}
    for m in _LINEAGE_RE.finditer(paragraph):
        short = " ".join(_nphrase(m.group(1)))
        if short and short not in ctx.by_surname:
            np = _NP(f"{m.group(1)} آل {m.group(2)}", "", "other", "")
            ctx.by_surname[short] = taught[short] = np
    return taught


def _unlearn_speaking_lineages(taught: dict[str, _NP], out: list[Quote], ctx: _Ctx) -> None:
    """A lineage name that speaks itself is learned as a speaker; its short form is then
    left to the article's end, where a short name of two longer ones stays as written."""
    speakers = {" ".join(_nphrase(q.speaker)) for q in out}
    for short, np in taught.items():
        if " ".join(_nphrase(np.name)) in speakers and ctx.by_surname.get(short) is np:
            del ctx.by_surname[short]


def _attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    if "”" in paragraph:
        paragraph = _turn_reversed_quotes(paragraph)
    out: list[Quote] = credit_quotes(paragraph, para)
    paragraph = _ITEM_LABEL_RE.sub("", paragraph, count=1)
    if _CAME_IN_RE.match(paragraph):
        came = _came_in_channel(paragraph, para)
        if came is not None:
            out.append(came)
    if ":" in paragraph:
        label = _label_quote(paragraph, para, ctx)
        if label is not None:
            return [*out, label]
    pnorm = normalize(paragraph)
    pruns = _WORD_RUN_RE.findall(pnorm)
    # Most paragraphs hold neither a trigger nor a person's title: skip them cheaply.
    p_trigger = _AR_TRIGGERS.found(pnorm, pruns)
    p_role = None if p_trigger else _AR_PERSON_ROLES.found(pnorm, pruns)
    if not p_trigger and not p_role:
        _opening_subject(paragraph, ctx)
        return out
    n_out = len(out)
    for sentence in split_sentences(paragraph):
        # A one-sentence paragraph (the common case in news) is already normalised and
        # already filtered.
        if sentence == paragraph:
            trigger = p_trigger
            has_role = _AR_PERSON_ROLES.found(pnorm, pruns) if p_role is None else p_role
        else:
            norm = normalize(sentence)
            runs = _WORD_RUN_RE.findall(norm)
            trigger = _AR_TRIGGERS.found(norm, runs)
            has_role = _AR_PERSON_ROLES.found(norm, runs)
        if trigger:
            out.extend(_ar_sentence(sentence, para, ctx, has_role))
        elif has_role:
            # No attribution here, but «الرئيس الروسي فلاديمير بوتين» can be named.
            toks, _q = _tokens(sentence)
            _ar_mentions(toks, sentence, ctx)
    if len(out) == n_out:
        _opening_subject(paragraph, ctx)
    elif n_out:
        # «في بيان نشرته وكالة X، …»: an outlet the rules already read as a speaker or
        # channel of this paragraph is not credited again as its publisher.
        said = {_n(q.speaker) for q in out[n_out:]} | {_n(q.channel) for q in out[n_out:]}
        out = [
            q
            for k, q in enumerate(out)
            if k >= n_out or not (q.verb.startswith(_PUBLISH_STEMS) and _n(q.speaker) in said)
        ]
    return out


def _opening_subject(paragraph: str, ctx: _Ctx) -> None:
    """«وافتتح ملك البحرين حمد بن عيسى القمة …» then «وقال: …»: a paragraph that attributes
    nothing but opens with a verb and a person (a title with a name, or a surname met before)
    makes that person the one a later dropped subject («وقال»، «وأضاف») refers to."""
    head = paragraph.lstrip()[:120]
    toks, _q = _tokens(head)
    if len(toks) < 3 or toks[0].quote != -1 or toks[1].gap != " ":
        return
    first = toks[0].norm
    if (
        first in _AR_STOP
        or first in _AR_FILLERS
        or first in _AR_CLAUSE
        or first in _AR_PERSON_HEADS
        or first in ctx.by_surname
        or first.startswith(("ال", "وال", "في", "وفي", "ب", "ل"))
        or not first.isalpha()
    ):
        return
    mentions = _ar_mentions(toks, head, ctx)
    if not mentions or mentions[0][0] != 1 or mentions[0][1].body:
        return
    np = mentions[0][1]
    words = _nphrase(np.name)
    # A name that ran on into the clause («… ثانيًا بنسبة 22.10») or a title before a place
    # («فريق الكويت») is no person to carry over.
    if (
        not words
        or len(words) > 7
        or np.name == np.role
        or words[0].startswith("ال")
        or any(c.isdigit() for c in np.name)
    ):
        return
    ctx.last = np


# «جاء ذلك في مقابلة … مع قناة X»، «وجاءت تصريحاته لوكالة X»: the words before were given to
# an outlet, which is cited as their source.
_CAME_IN_RE = re.compile(r"^\s*و?جاء(?:ت)?\s+(?:ذلك|هذا|تصريحاته|تصريحاتها|حديثه|حديثها)\s")


def _came_in_channel(paragraph: str, para: int) -> Quote | None:
    sentence = split_sentences(paragraph)[0] if paragraph.strip() else paragraph
    toks, _q = _tokens(sentence)
    for k, t in enumerate(toks[:20]):
        if k < 2 or t.quote != -1 and k + 1 < len(toks) and toks[k - 1].quote == t.quote:
            continue
        prev = toks[k - 1].norm
        if _outlet_noun(t, True) and k + 1 < len(toks):
            chan, _s, _e = _channel_span(toks, k, 1, k, sentence)  # «لقناة X»
        elif _outlet_noun(t, False) and prev in ("مع", "عبر", "ل") and k + 1 < len(toks):
            chan, _s, _e = _channel_span(toks, k, 0, k, sentence)  # «مع قناة X»
        elif (
            t.norm.startswith("ل")
            and not t.norm.startswith("لل")
            and t.quote == -1
            and is_outlet_name(t.surf[1:].lstrip("ـ"))
        ):
            chan, _s, _e = _channel_span(toks, k, 1, k, sentence)  # «للجزيرة»
        else:
            continue
        name = _channel_name(chan)
        if name:
            cue = _text(toks, 0, k + 1, sentence)
            return _source_quote(name, cue, sentence, para, sentence)
        return None
    return None


# «NAME: TEXT» lines (headlines, teasers): a label of up to four words before a colon.
_LABEL_RE = re.compile(
    r"^\s*[«\"“]?(?P<label>[^:«»\"“”.،,؟?!]{2,40}?)[»\"”]?\s*:\s*(?P<rest>\S.*)$"
)
# A «read also» prefix before the label.
_LABEL_PREFIX_RE = re.compile(r"^\s*(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|المزيد)\s*:\s*")
# A label line is a headline or a teaser: longer paragraphs are read by the verb rules.
_LABEL_MAX_WORDS = 30
# A list bullet before a label line: «- فلان (المدرب): …»، «• فلان: …».
_LABEL_BULLET_RE = re.compile(r"^\s*[-–—•*]\s+")
# «NAME (TITLE)» before the colon.
_GLOSSED_LABEL_RE = re.compile(r"^(?P<name>[^()]{3,30}?)\s*\((?P<title>[^()]{3,30})\)$")
# Page furniture before a colon: «تاريخ النشر:»، «المصدر:»، «شاهد:».
_LABEL_WORDS = frozenset(
    _n(w)
    for w in _words(
        "تاريخ النشر المصدر الصورة الصور المحرر كتب بقلم تحديث آخر اقرأ شاهد فيديو عاجل "
        "الموضوع العنوان التفاصيل ملاحظة تنويه"
    )
)
# Marks of a label statement; finish_article keeps the person ones only when the person speaks
# in the body too.
_LABEL_CUE = ":"
# A statement noun opening a label, its speaker after it («إعلان فلان: …»).
_AR_LABEL_SAYINGS = frozenset(_n(w) for w in _words("إعلان تصريح تصريحات بيان رسالة كلمة"))


# «صحيفة "X": "…"»: an outlet noun and its quoted name (any script) before the colon.
_OUTLET_LABEL_RE = re.compile(
    r"^\s*(?P<noun>\w+)\s*[«\"“](?P<name>[^«»\"“”:]{2,30})[»\"”]\s*:\s*(?P<rest>[«\"“].*)$"
)


def _outlet_label_quote(text: str, para: int) -> Quote | None:
    """«شبكة "X": "…"»، «صحيفة "Y": "…"»: a press review's line; the outlet speaks the quote."""
    m = _OUTLET_LABEL_RE.match(text)
    if not m or _n(m.group("noun")) not in _AR_OUTLET_NOUNS:
        return None
    rest = m.group("rest").strip()
    if not 3 <= len(rest.split()) <= _LABEL_MAX_WORDS * 4:
        return None
    return Quote(
        speaker=" ".join(m.group("name").split()),
        speaker_kind="media",
        role="",
        verb=_LABEL_CUE,
        direct=True,
        text=rest.strip(' «»"“”'),
        paragraph=para,
        sentence=text,
        affiliation="",
    )


def _label_quote(paragraph: str, para: int, ctx: _Ctx) -> Quote | None:
    """«عموتة: لم يكن هناك ما يستدعي التبديل»، «الخارجية القطرية: ننتظر الرد»: the label
    before the colon speaks. Only a body, a known person or a bare name (checked in
    finish_article) is taken; a role alone («مدرب الفريق:») or a reporting verb is not."""
    text = _LABEL_PREFIX_RE.sub("", paragraph, count=1)
    text = _LABEL_BULLET_RE.sub("", text, count=1)
    m = _LABEL_RE.match(text)
    if not m:
        return _outlet_label_quote(text, para)
    label, rest = m.group("label").strip(), m.group("rest").strip()
    glossed = _GLOSSED_LABEL_RE.match(label)
    if glossed:
        # «- فلان (مدرب الفريق): "…"»: a list of voices, each a name and its title in brackets.
        title_toks, _q = _tokens(glossed.group("title"))
        if not title_toks or _role_at(title_toks, 0, _AR_ROLES) is None:
            return None
        label = f"{glossed.group('title').strip()} {glossed.group('name').strip()}"
    # «فلان (مدرب الفريق): “…”»: a titled voice of a list may quote a whole answer.
    most = _LABEL_MAX_WORDS * 4 if glossed and rest[:1] in '«"“' else _LABEL_MAX_WORDS
    if not 3 <= len(rest.split()) <= most or any(d in label for d in "-–—/|"):
        return None  # a dateline «الرياض- مباشر:» is no label
    toks, _q = _tokens(label)
    if len(toks) > 1 and toks[0].norm in _AR_LABEL_SAYINGS and toks[1].quote == -1:
        toks = toks[1:]  # «إعلان فلان: …»، «بيان الخارجية: …»: the words of whoever follows
    if (
        not toks
        or len(toks) > (7 if glossed else 4)
        or any(_ar_verb(toks, k) for k in range(len(toks)))
    ):
        return None
    if any(t.norm in _AR_STOP or t.norm in _LABEL_WORDS or t.norm.isdigit() for t in toks):
        return None
    side = _side_at(toks, 0)
    if side is not None and len(side.words) == len(toks):
        return None  # «موريتانيا: …» names the topic of a headline
    rest_toks, _q = _tokens(rest)
    if rest[:1] not in '«"“' and any(_ar_verb(rest_toks, k) for k in range(min(3, len(rest_toks)))):
        return None  # «وزير الطاقة: قال …»: the verb rules read it
    np = _parse_ar_np(toks, label, strict=True)
    if (
        np is None
        and len(toks) == 1
        and toks[0].quote == -1
        and toks[0].surf.isalpha()
        and _role_at(toks, 0, _AR_ROLES) is None
        and toks[0].norm not in _AR_VERBS
    ):
        # «الشيباني: …»: a bare surname; finish_article keeps it only when the article names
        # a speaker with that surname, and gives it that speaker's full name.
        np = ctx.resolve(_NP(toks[0].surf))
    if np is None or np.kind == "anonymous":
        return None
    if np.role and np.role == np.name and (np.body or not _definite_title(np.role)):
        return None
    # «رئيس الوزراء القطري: …»، «مدرب الفريق: …»: a definite title alone is kept as a label
    # statement; finish_article gives it to the one named person of the article with that
    # title, or drops it.
    if not np.body and _role_at(toks, 0, _AR_ROLES) is not None and not np.role:
        return None  # a title the parser could not read
    np = ctx.resolve(np)
    return Quote(
        speaker=_without_gloss(np.name),
        speaker_kind=np.kind,
        role=np.role,
        verb=_LABEL_CUE,
        direct=True,
        text=rest.strip(' «»"“”'),
        paragraph=para,
        sentence=paragraph,
        affiliation=np.affiliation,
    )


def finish_article(quotes: list[Quote], ctx: _Ctx | None = None) -> list[Quote]:
    """Drop a label statement whose speaker is an unknown bare name that no other statement of
    the article shares (a headline «أسعار النفط: …» names a topic, not a voice)."""
    others = [
        q
        for q in quotes
        if q.verb != _LABEL_CUE
        and q.role != q.speaker
        and q.speaker_kind not in ("state", "organisation", "media", "anonymous")
    ]
    tails = {_n(q.speaker.split()[-1]) for q in others if q.speaker.split()}
    # A one-word label («الشيباني: …») takes the full name of the speaker with that surname.
    full = {_n(q.speaker.split()[-1]): q for q in others if len(q.speaker.split()) > 1}
    kept = []
    for q in quotes:
        if q.verb == _LABEL_CUE and q.speaker_kind == "other" and not q.role:
            words = q.speaker.split()
            if not words or _n(words[-1]) not in tails:
                continue
            named = full.get(_n(words[0])) if len(words) == 1 else None
            if named is not None:
                q = replace(
                    q,
                    speaker=named.speaker,
                    speaker_kind=named.speaker_kind,
                    role=named.role,
                    affiliation=named.affiliation,
                )
        kept.append(q)
    named = _bare_titles_named(_short_names_merged(kept))
    # A title label that named nobody of the article («الرئيس الجزائري:» with no president
    # quoted by name) stays unattributed.
    named = [
        q
        for q in named
        if not (q.verb == _LABEL_CUE and q.speaker == q.role and q.speaker_kind not in _BODY_KINDS)
    ]
    return [_kin_unnamed(q) for q in _one_row_per_body(named)]


# Kinship nouns (speaker_kin.txt): «والد الطفل» names no one.
_AR_KIN = frozenset(_n(w) for w in get_pack("ar").lines("speaker_kin.txt"))


def _kin_unnamed(q: Quote) -> Quote:
    """«وصرح والد الطفل …»، «وقالت شقيقة الضحية …»: a voice named only as someone's relative
    is an unnamed voice, not a named person."""
    words = q.speaker.split()
    if len(words) < 2 or q.speaker_kind not in _PERSON_KINDS:
        return q
    first = _n(words[0])
    if first in _AR_KIN or first[:1] == "و" and first[1:] in _AR_KIN:
        return replace(q, speaker_kind="anonymous")
    return q


_PERSON_KINDS = frozenset({"official", "expert", "other"})


def _short_names_merged(quotes: list[Quote]) -> list[Quote]:
    """«الشيخ محمد بن عبد الرحمن» after «محمد بن عبد الرحمن آل ثاني», «الأمير مشعل» after
    «مشعل الأحمد الجابر الصباح»: a person named by the first words (two or more, or one after
    a title) of exactly one longer name of the article is that person (one row, not two)."""
    people = {
        q.speaker: tuple(_nphrase(q.speaker))
        for q in quotes
        if q.speaker_kind in _PERSON_KINDS and q.speaker != q.role and q.speaker.split()
    }
    if len(people) < 2:
        return quotes
    titled = {q.speaker for q in quotes if q.role}
    to: dict[str, str] = {}
    for name, words in people.items():
        if len(words) < 2 and name not in titled:
            continue  # «وقال كيم إن …»: one bare word may be a family name, left as written
        longer = [
            other
            for other, ow in people.items()
            if len(ow) > len(words) and ow[: len(words)] == words
        ]
        if len(longer) == 1:
            to[name] = longer[0]
    if not to:
        return quotes
    full = {q.speaker: q for q in quotes if q.speaker in people and q.speaker not in to}
    return [_credited_to(q, full[to[q.speaker]]) if q.speaker in to else q for q in quotes]


def _closed_by_nationality(words: list[str]) -> bool:
    """«حاكم ولاية كنتاكي الأميركية»: a construct of three words or more (no preposition
    inside) closed by a definite nationality adjective names one office, not an unnamed
    voice («مسؤول أمريكي» has no article; «مسؤول بالخارجية الأمريكية» a preposition)."""
    return (
        len(words) >= 3
        and words[-1].startswith("ال")
        and any(x.type == "adj" for x in _side_candidates(words[-1]))
        and not any(w in _AR_STOP or w[:1] in "بل" for w in words[1:-1])
        and not words[1].startswith("ال")
    )


def _definite_title(title: str) -> bool:
    """«الرئيس الجديد», or a construct made definite by its genitive («لاعب النادي الأهلي»)."""
    words = [_n(w) for w in title.split()[:2]]
    return bool(words) and (
        words[0].startswith("ال")
        or (len(words) > 1 and words[1].startswith("ال"))
        or _closed_by_nationality([_n(w) for w in title.split()])
        # «وزير خارجية سوريا»، «لاعب مانشستر يونايتد السابق»: a proper place name closes it.
        or any(
            x.type in ("country", "capital", "body")
            for w in _construct_words(title)
            for x in _side_candidates(_n(w))
        )
    )


def _title_construct(title: str) -> bool:
    """«رئيس مجلس الوزراء القطري»، «نائب رئيس الوزراء»: two title nouns in construct closed by
    a definite word. Read as an unnamed voice, it may still be the one named holder of that
    title in the article."""
    words = [_n(w) for w in title.split()[:3]]
    return (
        len(words) == 3
        and not words[0].startswith("ال")
        and not words[1].startswith("ال")
        and words[2].startswith("ال")
        and words[1] in _AR_ROLES
    )


def _construct_words(title: str) -> list[str]:
    """The words of a title construct after its head, up to a preposition («في»، «من»)."""
    out = []
    for w in title.split()[1:]:
        if _n(w) in _AR_STOP:
            break
        out.append(w)
    return out


def _title_head(role: str) -> str:
    words = role.split()
    if not words:
        return ""
    head = _strip_al(_n(words[0]))
    if head == _MUDIR and len(words) > 1 and _strip_al(_n(words[1])) in _FANNI:
        return _MUDARRIB  # «المدير الفني» of a team is its coach («المدرب»)
    return head


_MUDIR, _MUDARRIB = _n("مدير"), _n("مدرب")
_FANNI = frozenset(_n(w) for w in _words("فني فنية"))


_BISM = _n("باسم")


def _same_principal(title: str, role: str) -> bool:
    """«المتحدث باسم وزارة الكوارث» is not «المتحدث باسم الحكومة فلان»: a spokesman's title
    names whom he speaks for, and a named spokesman is the same one only when it names the
    same principal."""
    words = [_n(w) for w in title.split()]
    if _BISM not in words:
        return True
    principal = words[words.index(_BISM) + 1 :]
    other = [_n(w) for w in role.split()]
    if _BISM not in other:
        return True
    theirs = other[other.index(_BISM) + 1 :]
    return bool(principal) and theirs[: len(principal)] == principal


def _credited_to(q: Quote, person: Quote) -> Quote:
    """`q` said by the person another statement names: their name, kind and role; their
    side, else the one `q` had."""
    return replace(
        q,
        speaker=person.speaker,
        speaker_kind=person.speaker_kind,
        role=person.role,
        affiliation=person.affiliation or q.affiliation,
    )


def _bare_titles_named(quotes: list[Quote]) -> list[Quote]:
    """«الرئيس الجديد»، «الوزير السوري» after «الرئيس الإيراني المنتخب مسعود بزشكيان», «وزير
    النقل … يعرب بدر»: a definite bare title whose head noun is the title of exactly one
    named person of the article (and whose side does not contradict it) is that person. After
    an unnamed voice with that head («مسؤول فلسطيني» … «المسؤول الفلسطيني المقرب») and no
    named one, it is the unnamed voice again."""
    named: dict[str, list[Quote]] = {}
    unnamed: dict[str, Quote] = {}
    for q in quotes:
        if q.speaker_kind in _BODY_KINDS or not q.role:
            continue
        head = _title_head(q.role)
        if q.speaker_kind == "anonymous":
            unnamed.setdefault(head, q)
        elif q.speaker != q.role:
            named.setdefault(head, []).append(q)
    out = []
    for q in quotes:
        if (
            q.paragraph == 0
            and q.speaker_kind == "anonymous"
            and q.role
            and q.affiliation
            and _title_head(q.role) in _AR_GENERIC_TITLES
            # headline word order: the title first, then a present verb or a colon
            and q.sentence.lstrip().startswith(q.speaker)
            and (q.verb == _LABEL_CUE or _n(q.verb)[:1] in ("ي", "ت"))
        ):
            # A headline «مسؤول أميركي يحذّر: …» teases the one named official of that side
            # whom the article then quotes.
            officials = {
                c.speaker: c
                for cs in named.values()
                for c in cs
                if c.speaker_kind == "official" and c.affiliation == q.affiliation
            }
            if len(officials) == 1:
                q = _credited_to(q, next(iter(officials.values())))
        if (
            q.role
            and q.speaker == q.role
            and q.speaker_kind not in _BODY_KINDS
            and (q.speaker_kind != "anonymous" or _title_construct(q.role))
            and _definite_title(q.speaker)
        ):
            head = _title_head(q.role)
            people = {
                c.speaker: c
                for c in named.get(head, ())
                if not (q.affiliation and c.affiliation and q.affiliation != c.affiliation)
                and _same_principal(q.role, c.role)
            }
            coaches = {c.speaker: c for c in named.get(head, ())}
            if not people and head == _MUDARRIB and len(coaches) == 1:
                # «المدرب الأسترالي» after «مدرب المنتخب العراقي فلان»: a coach's nationality
                # is his own, his title's is the team's; the one named coach is he.
                people = coaches
            exact = {c.speaker: c for c in people.values() if _n(c.role) == _n(q.role)}
            if len(people) > 1 and len(exact) == 1:
                people = exact  # «رئيس تونس» is the one named «رئيس تونس» elsewhere
            if len(people) == 1:
                c = next(iter(people.values()))
                q = _credited_to(q, c)
            elif not named.get(head) and head.endswith("ه") and head not in unnamed:
                # «المسؤولة الأممية» after «مديرة القسم فلانة»: a feminine title is the one
                # named woman (a feminine title head) of the article.
                women = {
                    c.speaker: c
                    for h, cs in named.items()
                    if h.endswith("ه")
                    for c in cs
                    if not (q.affiliation and c.affiliation and q.affiliation != c.affiliation)
                }
                if len(women) == 1:
                    c = next(iter(women.values()))
                    q = _credited_to(q, c)
            elif not named.get(head) and head in _AR_GENERIC_TITLES and head not in unnamed:
                # «المسؤول السعودي» after «وزير الصحة السعودي فلان»: a generic title is the
                # one named official of the article whose side does not contradict it.
                officials = {
                    c.speaker: c
                    for cs in named.values()
                    for c in cs
                    if c.speaker_kind == "official"
                    and not (q.affiliation and c.affiliation and q.affiliation != c.affiliation)
                }
                if len(officials) == 1:
                    q = _credited_to(q, next(iter(officials.values())))
                elif (
                    out
                    and out[-1].speaker in officials
                    and q.paragraph - 1 <= out[-1].paragraph <= q.paragraph
                ):
                    # «وأشار المسؤول» right after a named official's statement (this paragraph
                    # or the one before): of several officials, the one who just spoke.
                    q = _credited_to(q, officials[out[-1].speaker])
            elif not named.get(head) and head in unnamed:
                u = unnamed[head]
                q = replace(q, speaker=u.speaker, speaker_kind="anonymous", role=u.role)
        out.append(q)
    return out


_BODY_KINDS = frozenset({"media", "organisation", "state"})
_AR_GENERIC_TITLES = frozenset(
    _strip_al(_n(w)) for w in get_pack("ar").lines("speaker_generic_titles.txt")
)


_WIZARA = _n("وزارة")
# A ministry named by its portfolio alone («قالت الخارجية»، «أعلنت الداخلية»).
_MINISTRY_ELLIPSES = frozenset(_n(w) for w in _words("الخارجية الداخلية الدفاع"))


def _one_row_per_body(quotes: list[Quote]) -> list[Quote]:
    """«التلفزيون» and «التلفزيون الإيراني» beside «التلفزيون الرسمي الإيراني»; «الصليب الأحمر»
    beside «الصليب الأحمر الدولي»: a shorter form of an institution named in full in the same
    article is that institution. It starts with the same head word and its words are all in
    the full name, in order; when two full names fit, it stays as written."""
    names = {
        q.speaker: tuple(_n(w) for w in q.speaker.split())
        for q in quotes
        if q.speaker_kind in _BODY_KINDS and q.speaker.split()
    }

    def within(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
        if len(short) >= len(full) or short[0] != full[0]:
            return False
        it = iter(full[1:])
        return all(w in it for w in short[1:])

    affiliation = {q.speaker: q.affiliation for q in quotes if q.speaker in names}

    def epithet_of(name: str, words: tuple[str, ...]) -> str:
        """«البرنامج الأممي» after «برنامج الأغذية العالمي», «الوزارة» after «وزارة الخارجية
        المصرية»: the article's head noun with ال and at most side adjectives is the one body
        of the article named with that head (whose side does not contradict it)."""
        if not words[0].startswith("ال") or len(words[0]) < 5 or len(words) > 3:
            return ""
        if not all(any(x.type == "adj" for x in _side_candidates(w)) for w in words[1:]):
            return ""
        head = words[0][2:]
        side = affiliation.get(name)
        fits = [
            n
            for n, w in names.items()
            if n != name
            and (
                (len(w) > 1 and w[0] == head)
                # «الوزارة» after «الخارجية الجزائرية»: the ministry named by its portfolio
                or (head == _WIZARA and w[0] in _MINISTRY_ELLIPSES)
            )
            and not (side and affiliation.get(n) and side != affiliation.get(n))
        ]
        top = max(fits, key=lambda n: len(names[n]), default="")
        # «الخارجية» and «الخارجية الجزائرية» are one ministry: the fullest form.
        return top if all(f == top or within(names[f], names[top]) for f in fits) else ""

    to: dict[str, str] = {}
    for name, words in names.items():
        epithet = epithet_of(name, words)
        if epithet:
            to[name] = epithet
            continue
        longer = {n for n, w in names.items() if within(words, w)}
        # The longest of the fitting names, when they are all forms of one another.
        top = max(longer, key=lambda n: len(names[n]), default="")
        if top and all(n == top or within(names[n], names[top]) for n in longer):
            to[name] = top
    if not to:
        return quotes
    by_name = {q.speaker: q for q in quotes if q.speaker in names and q.speaker not in to}
    out = []
    for q in quotes:
        target = to.get(q.speaker)
        if target is not None:
            full = by_name[target]
            q = replace(
                q,
                speaker=full.speaker,
                speaker_kind=full.speaker_kind,
                role=q.role or full.role,
                affiliation=q.affiliation or full.affiliation,
            )
        out.append(q)
    return out
