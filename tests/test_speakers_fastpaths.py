"""The speed tricks of the speaker engine (dashboard/analysis/speakers/, languages/*/speakers.py) give the same answers as the plain algorithms.

Each fast path (word-set prefilter, split-based tokeniser, cached role/side candidates,
honorifics indexed by first word) is compared with a straightforward re-implementation of
what it replaced, on hand-picked and on random text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.analysis.languages.ar import speakers as ar_sp
from dashboard.analysis.languages.en import speakers as en_sp
from dashboard.analysis.speakers import engine as sp
from dashboard.analysis.textproc import normalize

# Characters that make the word-boundary and tokeniser edge cases: Arabic letters (with و/ف
# prefixes), diacritics and tatweel, Latin, digits, underscore, apostrophe, hyphen, quote
# marks, punctuation and spaces.
_ALPHABET = "قالوفرئيسزعماأكدبن" + "\u064e\u0651\u0640" + "saidtoSA" + "09٣_'-" + '«»“”"،,.:؛ '
_text = st.text(alphabet=_ALPHABET, max_size=60)


def _alternation(words: set[str], prefixes: str) -> re.Pattern[str]:
    """The prefilter as it was: one regex alternation of all words."""
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    optional = f"(?:[{prefixes}])?" if prefixes else ""
    return re.compile(rf"(?<![\w]){optional}(?:{alt})(?![\w])")


_WORDS = {"قال", "رئيس", "said", "ف", "و2", "co-chair", "ابن_عم"}
_FILTER = sp._WordFilter(set(_WORDS), "وف")
_REGEX = _alternation(_WORDS, "وف")


def _found(text: str) -> bool:
    return _FILTER.found(text, sp._WORD_RUN_RE.findall(text))


def test_word_filter_whole_words_and_prefixes():
    assert _found("ثم قال الوزير")
    assert _found("وقال الوزير")
    assert _found("فقال الوزير")
    assert not _found("مقال طويل")  # inside a longer word
    assert not _found("قالت الوزيرة")  # a longer word
    assert not _found("بقال")  # ب is not a conjunction here
    assert _found("he said.")
    assert not _found("he said2")  # a digit continues the word
    assert _found("the co-chair spoke")  # a word with a hyphen keeps the regex path
    assert not _found("the co-chairs spoke")
    assert _found("ابن_عم")
    assert _found("و2")
    assert _found("ف")  # a one-letter word alone


# Text assembled from the words, prefixed words and separators, so that hits, near misses
# («مقال»، "said2") and prefixes are frequent.
_word_text = st.lists(
    st.one_of(
        st.sampled_from(sorted(_WORDS)),
        st.sampled_from(["و", "ف", "ب", "م", "s", "2", "_", " ", "-", "،", "\u064e"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(st.one_of(_text, _word_text))
def test_word_filter_matches_the_alternation(text):
    assert _found(text) == bool(_REGEX.search(text))


@given(_text)
def test_module_prefilters_match_the_alternations(text):
    norm = normalize(text)
    runs = sp._WORD_RUN_RE.findall(norm)
    ar_triggers = set(ar_sp._AR_VERBS) | {p[0] for p in ar_sp._AR_SOURCES}
    found = ar_sp._AR_TRIGGERS.found(norm, runs)
    assert found == bool(_alternation(ar_triggers, "وف").search(norm))
    en_triggers = en_sp._EN_VERBS | en_sp._EN_PARTICIPLES | {"according"}
    found = en_sp._EN_TRIGGERS.found(norm, runs)
    assert found == bool(_alternation(en_triggers, "").search(norm))
    roles = {k for k, v in ar_sp._AR_ROLES.items() if v[0].type == "person"}
    assert ar_sp._AR_PERSON_ROLES.found(norm, runs) == bool(_alternation(roles, "و").search(norm))


def _tokens_reference(sentence: str):
    """The tokeniser as it was: a Python loop over the speaker token regex's matches."""
    quotes = [(m.start(), m.end()) for m in sp._QUOTE_RE.finditer(sentence)]
    toks = []
    prev = 0
    qi = 0
    for m in sp.SPEAKER_TOKEN_RE.finditer(sentence):
        s, e = m.span()
        while qi < len(quotes) and quotes[qi][1] <= s:
            qi += 1
        inside = qi if qi < len(quotes) and quotes[qi][0] < s < quotes[qi][1] else -1
        toks.append((m.group(0), normalize(m.group(0)), s, e, sentence[prev:s], inside))
        prev = e
    return toks, quotes


def _as_tuples(toks):
    return [(t.surf, t.norm, t.start, t.end, t.gap, t.quote) for t in toks]


def test_tokens_by_hand():
    toks, quotes = sp._tokens("قال: «نعم، غداً» ثم مضى")
    assert quotes == [(5, 16)]  # the tanween is a character too
    assert [t.surf for t in toks] == ["قال", "نعم", "غداً", "ثم", "مضى"]
    assert [t.quote for t in toks] == [-1, 0, 0, -1, -1]
    assert [t.gap for t in toks] == ["", ": «", "، ", "» ", " "]
    assert toks[2].norm == "غدا"
    assert (toks[4].start, toks[4].end) == (20, 23)
    assert sp._tokens("") == ([], [])
    assert sp._tokens("«»") == ([], [(0, 2)])


@given(_text)
def test_tokens_match_the_reference(sentence):
    toks, quotes = sp._tokens(sentence)
    ref_toks, ref_quotes = _tokens_reference(sentence)
    assert quotes == ref_quotes
    assert _as_tuples(toks) == ref_toks


def _tok(word: str) -> sp._Tok:
    return sp._Tok(word, normalize(word), 0, 0, " ", -1)


def _side_at_reference(toks, p):
    if p >= len(toks):
        return None
    norm = toks[p].norm
    for cand in [norm, *sp._prefix_bases(norm), "ال" + norm]:
        for side in sp._SIDES.get(cand, ()):
            if cand == "ال" + norm and side.type != "adj":
                continue
            n = len(side.words)
            if p + n <= len(toks) and all(toks[p + j].norm == side.words[j] for j in range(1, n)):
                return side
    return None


def _role_at_reference(toks, p, index, prep=False):
    if p >= len(toks):
        return None
    first = toks[p].norm
    candidates = [first] + (sp._prefix_bases(first) if prep else [])
    for cand in candidates:
        for role in index.get(cand, ()):
            n = len(role.words)
            if p + n <= len(toks) and all(toks[p + j].norm == role.words[j] for j in range(1, n)):
                return role
    return None


def _lexicon_words(index) -> list[str]:
    return sorted({w for entries in index.values() for e in entries for w in e.words})


_AR_WORDS = _lexicon_words(ar_sp._AR_ROLES) + _lexicon_words(sp._SIDES)
_EN_WORDS = _lexicon_words(en_sp._EN_ROLES)
_SIDE_WORDS = _lexicon_words(sp._SIDES)


def _readings(words: list[str]):
    """Lexicon words, their prefixed and bare (no ال) readings, and a non-lexicon word."""
    return st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, "ب" + w, "ل" + w, "لل" + w[2:], "و" + w, w[2:], "كتاب"])
    )


def test_side_and_role_by_hand():
    assert sp._side_at([_tok("روسيا")], 0).side == sp._side_at([_tok("لروسيا")], 0).side
    assert sp._side_at([_tok("كتاب")], 0) is None
    assert sp._side_at([_tok("روسيا")], 1) is None
    role = sp._role_at([_tok("للرئيس")], 0, ar_sp._AR_ROLES, prep=True)
    assert role is not None and role.words == (normalize("الرئيس"),)
    assert sp._role_at([_tok("للرئيس")], 0, ar_sp._AR_ROLES) is None  # no prefix reading


@settings(max_examples=300)
@given(
    st.lists(st.one_of(_readings(_AR_WORDS), _readings(_SIDE_WORDS)), min_size=1, max_size=5),
    st.integers(0, 4),
    st.booleans(),
)
def test_arabic_side_and_role_match_the_reference(words, p, prep):
    toks = [_tok(w) for w in words]
    assert sp._side_at(toks, p) == _side_at_reference(toks, p)
    assert sp._role_at(toks, p, ar_sp._AR_ROLES, prep) == _role_at_reference(
        toks, p, ar_sp._AR_ROLES, prep
    )


@given(st.lists(st.sampled_from(_EN_WORDS + ["the", "of"]), min_size=1, max_size=4))
def test_english_roles_match_the_reference(words):
    toks = [_tok(w) for w in words]
    for prep in (False, True):
        got = sp._role_at(toks, 0, en_sp._EN_ROLES, prep)
        assert got == _role_at_reference(toks, 0, en_sp._EN_ROLES, prep)


def _strip_honorifics_reference(seg):
    changed = True
    while changed and seg:
        changed = False
        for words, if_name in ar_sp._HONORIFICS:
            n = len(words)
            if len(seg) > n and tuple(t.norm for t in seg[:n]) == words:
                nxt = seg[n].norm
                if if_name and (
                    nxt.startswith("ال") or nxt in ar_sp._AR_STOP or sp._prefix_bases(nxt)
                ):
                    continue
                seg = seg[n:]
                changed = True
                break
    return seg


# Whole honorific phrases («السيد الرئيس») and single words, so that longer and shorter
# entries sharing a first word compete.
_HONORIFIC_PIECES = sorted(
    {words for words, _ in ar_sp._HONORIFICS}
    | {(w,) for words, _ in ar_sp._HONORIFICS for w in words}
)


def test_strip_honorifics_by_hand():
    seg = [_tok(w) for w in sp._nphrase("الدكتور محمد")]
    assert [t.norm for t in ar_sp._strip_honorifics(seg)] == ["محمد"]
    seg = [_tok(w) for w in sp._nphrase("السيد الرئيس محمد")]
    assert [t.norm for t in ar_sp._strip_honorifics(seg)] == ["محمد"]  # the longer entry first
    seg = [_tok(w) for w in sp._nphrase("الأستاذ الجامعي محمد")]  # «الأستاذ» only before a name
    assert [t.norm for t in ar_sp._strip_honorifics(seg)] == [
        normalize("الأستاذ"),
        "الجامعي",
        "محمد",
    ]
    assert ar_sp._strip_honorifics([]) == []


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(_HONORIFIC_PIECES + [("محمد",), ("الوزير",), ("لبنان",), ("في",)]),
        max_size=5,
    )
)
def test_strip_honorifics_matches_the_reference(pieces):
    seg = [_tok(w) for piece in pieces for w in piece]
    assert ar_sp._strip_honorifics(seg) == _strip_honorifics_reference(seg)


def test_tokens_without_an_opening_mark_have_no_quote_spans():
    # _tokens skips the quote regex unless «, “ or " occurs: closing marks alone open nothing.
    assert sp._tokens("قال» نعم”")[1] == []
    toks, quotes = sp._tokens('he said "yes" today')
    assert quotes == [(8, 13)]
    assert [t.quote for t in toks] == [-1, -1, 0, -1]


def test_token_normalisation_is_the_shared_normalize():
    for word in ["أَحمد", "إِنَّ", "ـالرئيس", "Said", "٢٠٢٤", "مستشفى"]:
        assert sp._n(word) == normalize(word)
    assert sp._n("أَحمد") == "احمد"


def _attribute_quotes_reference(paragraphs: list[str]) -> list:
    """The Arabic driver of attribute_quotes as it was: paragraph prefilter, then both
    filters again on every sentence."""
    ctx = sp._Ctx()
    out = []
    for para, paragraph in enumerate(paragraphs):
        paragraph = sp.clean_invisible(paragraph)
        # A statement runs on over paragraphs without their own (the pack's run_on).
        out.extend(ar_sp.run_on(_reference_paragraph(paragraph, para, ctx), paragraph, para, ctx))
    return ar_sp.finish_article(out)


def _reference_paragraph(paragraph: str, para: int, ctx) -> list:
    out = []
    # Credits and label lines are read on the whole paragraph before the filters.
    out.extend(ar_sp.credit_quotes(paragraph, para))
    label = ar_sp._label_quote(paragraph, para, ctx) if ":" in paragraph else None
    if label is not None:
        out.append(label)
        return out
    pnorm = normalize(paragraph)
    pruns = sp._WORD_RUN_RE.findall(pnorm)
    if not ar_sp._AR_TRIGGERS.found(pnorm, pruns) and not ar_sp._AR_PERSON_ROLES.found(
        pnorm, pruns
    ):
        return out
    for sentence in ar_sp.split_sentences(paragraph):
        norm = normalize(sentence)
        runs = sp._WORD_RUN_RE.findall(norm)
        has_role = ar_sp._AR_PERSON_ROLES.found(norm, runs)
        if ar_sp._AR_TRIGGERS.found(norm, runs):
            out.extend(ar_sp._ar_sentence(sentence, para, ctx, has_role))
        elif has_role:
            toks, _q = sp._tokens(sentence)
            ar_sp._ar_mentions(toks, sentence, ctx)
    return out


def test_mention_in_a_role_only_paragraph_names_a_later_speaker():
    # The first paragraph has a title but no reporting verb (the mentions-only path); the
    # surname it teaches resolves «بوتين» in the next paragraph.
    paragraphs = [
        "وصل الرئيس الروسي فلاديمير بوتين، اليوم، إلى المعرض الزراعي.",
        "وقال بوتين إن المعرض مهم. ثم غادر الوفد المدينة.",
    ]
    (q,) = sp.attribute_quotes(paragraphs, "ar")
    assert (q.speaker, q.role, q.paragraph, q.text) == (
        "فلاديمير بوتين",
        "الرئيس الروسي",
        1,
        "المعرض مهم",
    )
    assert sp.attribute_quotes(paragraphs, "ar") == _attribute_quotes_reference(paragraphs)


def test_mention_in_a_trigger_sentence_names_a_later_speaker():
    # A one-sentence paragraph with a reporting verb and a title: the title mention is read
    # too (has_role), and teaches the surname used in the next paragraph.
    paragraphs = [
        "وصل الرئيس الروسي فلاديمير بوتين، أمس، إلى المعرض وقال مسؤول إن الحصاد جيد.",
        "وأكد بوتين أن الوفد وصل.",
    ]
    quotes = sp.attribute_quotes(paragraphs, "ar")
    assert [(q.speaker, q.role, q.text) for q in quotes] == [
        ("مسؤول", "مسؤول", "الحصاد جيد"),
        ("فلاديمير بوتين", "الرئيس الروسي", "الوفد وصل"),
    ]
    assert quotes == _attribute_quotes_reference(paragraphs)


# Sentences from reporting verbs, titles, names, complementisers, quote marks and sentence ends,
# so that one-sentence and several-sentence paragraphs, role-only and trigger sentences mix.
_AR_PIECES = [
    "قال",
    "وقال",
    "أكد",
    "وأضاف",
    "الرئيس",
    "وزير",
    "الخارجية",
    "الروسي",
    "فلاديمير",
    "بوتين",
    "سيرغي",
    "لافروف",
    "إن",
    "أن",
    "الاتفاق",
    "مهم",
    "وصل",
    "نقلت",
    "وكالة",
    "مسؤول",
    "أمس",
    "إلى",
    "عن",
    "«",
    "»",
    "،",
    ".",
    ":",
    "\n",
]
_ar_paragraph = st.lists(st.sampled_from(_AR_PIECES), max_size=16).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ar_paragraph, max_size=4))
def test_attribute_quotes_matches_the_reference_driver(paragraphs):
    assert sp.attribute_quotes(paragraphs, "ar") == _attribute_quotes_reference(paragraphs)


def test_credit_scans_skipped_only_without_their_text():
    # A credit pattern is skipped when the paragraph has none of its needed texts: every
    # match must contain one (paragraphs written for this test, and hypothesis text).
    agency = next(iter(en_sp._AGENCIES))
    paragraphs = [
        f"The talks ended late on Friday. — {agency}",
        f"Fighting resumed overnight, officials said – {agency}",
        f"Both sides claimed gains.\u2015 {agency} You may also like",
        "The council will vote next week. (Harbour Gazette)",
        f"Copyright 2024 {agency}. All rights reserved.",
        f"© {agency} 2024",
        f"{agency} could not independently verify the reports.",
        f"{agency} was unable to immediately confirm the figures.",
        "A paragraph with no credit at all, and a hyphen-joined word.",
    ]
    hits = 0
    for paragraph in paragraphs:
        for regex, needs in en_sp._CREDIT_NEEDS.items():
            m = regex.search(paragraph)
            if m:
                hits += 1
                assert any(w in m.group(0) for w in needs), (regex.pattern[:40], paragraph)
    assert hits >= len(paragraphs) - 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='Reutrs AFPCopyigh©verifyconfm—–―-().!?”’"', max_size=80))
def test_credit_needs_hold_on_random_text(text):
    for regex, needs in en_sp._CREDIT_NEEDS.items():
        m = regex.search(text)
        assert m is None or any(w in m.group(0) for w in needs)
