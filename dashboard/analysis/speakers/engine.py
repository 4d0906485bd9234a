"""The language-independent part of speaker attribution.

What every language shares: tokens of a sentence and its quote spans, speaker noun phrases
(_NP), role and side lookup (`roles(code)` per language pack, the affiliations of every pack),
the article context (_Ctx) that resolves a later «بوتين» / "Putin" to the full name given
earlier, the prefilter of trigger words (_WordFilter), the public `attribute_quotes()` and the
per-speaker aggregation `summarize_speakers()`.

The reporting constructions themselves live in each language pack
(dashboard/analysis/languages/<code>/speakers.py, `attribute_paragraph`): `attribute_quotes`
asks the pack of the article's language. Lexicons shared by all languages come from every
pack (affiliations.txt, speaker_documents.txt); the rest are read by the language's module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, repeat

from dashboard.analysis.languages import all_fields, all_lines, all_packs, get_pack, pack_for
from dashboard.analysis.textproc import (
    TOKEN_RE,
    clean_invisible,
    normalize_token,
)
from dashboard.model import Quote, Speaker

# ---------------------------------------------------------------------------------------------
# Lexicons, compiled once.


def _words(text: str) -> list[str]:
    return text.split()


_PACKS = all_packs()
# Definite articles that prefix a word (Arabic ال), longest first.
_ARTICLES = tuple(
    sorted({p.definite_article for p in _PACKS if p.definite_article}, key=len, reverse=True)
)


# Matching form of one token. The cache is textproc's, shared with keywords and naming: this
# module runs first in parse_article, so the words it normalises are hits for them later.
_n = normalize_token


# The words of speaker phrases: TOKEN_RE, with Latin letters that carry a diacritic read as
# letters («Anne Mérot», «José Núñez» are two words each, not «M» + «rot»).
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_ASCII_WORD = "[A-Za-z]+(?:['’\\-][A-Za-z]+)*"
assert _ASCII_WORD in TOKEN_RE.pattern
SPEAKER_TOKEN_RE = re.compile(
    TOKEN_RE.pattern.replace(_ASCII_WORD, f"[{_LATIN}]+(?:['’\\-][{_LATIN}]+)*"), TOKEN_RE.flags
)


@lru_cache(maxsize=50_000)
def _nphrase(text: str) -> tuple[str, ...]:
    """Normalised words of a name or role; «عبد العزيز» and «عبدالعزيز» (a compound name
    written with or without its space) are one word."""
    words = [_n(t) for t in SPEAKER_TOKEN_RE.findall(text.replace("ـ", ""))]
    out: list[str] = []
    for w in words:
        if out and out[-1] == "عبد":
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Role:
    words: tuple[str, ...]
    kind: str
    type: str  # person / body / group
    weak: bool


class _RoleIndex(dict[str, list[_Role]]):
    """First word -> role entries (longest first) of one language pack's speaker_roles.txt."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


@cache
def roles(code: str) -> _RoleIndex:
    """The role index of a language. Where the language has a definite article (Arabic ال),
    entries also match with and without it."""
    pack = get_pack(code)
    article = pack.definite_article
    index = _RoleIndex(code)
    for fields in pack.fields("speaker_roles.txt"):
        fields = fields + ("",) * (4 - len(fields))
        phrase, kind, typ, weak = fields[:4]
        words = _nphrase(phrase)
        variants = {words}
        if article and not words[0].startswith(article):
            variants.add((article + words[0], *words[1:]))
        if article and words[0].startswith(article):
            variants.add((words[0][len(article) :], *words[1:]))
        for v in variants:
            index.setdefault(v[0], []).append(_Role(v, kind, typ, weak == "weak"))
    for entries in index.values():
        entries.sort(key=lambda r: -len(r.words))
    return index


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


def _strip_al(norm: str) -> str:
    """A normalised word without a language's definite article (Arabic ال)."""
    for article in _ARTICLES:
        if norm.startswith(article) and len(norm) > len(article) + 1:
            return norm[len(article) :]
    return norm


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


# SPEAKER_TOKEN_RE as one capturing group: re.split then yields gap, token, gap, token, ...,
# tail in C, which is markedly cheaper than a Python loop over finditer for every sentence.
# (SPEAKER_TOKEN_RE itself must have no capturing group; tests compare with finditer.)
_TOKEN_SPLIT_RE = re.compile(f"({SPEAKER_TOKEN_RE.pattern})", SPEAKER_TOKEN_RE.flags)


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


def quote_of(
    np: _NP,
    verb: str,
    direct: bool,
    text: str,
    para: int,
    sentence: str,
    channel: str = "",
) -> Quote:
    """The statement of a speaker noun phrase: the one place a pack turns an `_NP` and its
    cue into a `Quote` (name, kind, role and side from the phrase)."""
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


def _role_at(toks: list[_Tok], p: int, index: _RoleIndex, prep: bool = False):
    """Longest role entry starting at token p (optionally after a ب/ل prefix). `index` is
    a language's `roles(code)` (the cached prefix readings are per language)."""
    if p >= len(toks):
        return None
    first = toks[p].norm
    entries = _prep_roles(first, index.code) if prep else index.get(first, ())
    for role in entries:
        n = len(role.words)
        if p + n <= len(toks) and all(toks[p + j].norm == role.words[j] for j in range(1, n)):
            return role
    return None


@lru_cache(maxsize=65536)
def _prep_roles(first: str, code: str) -> tuple[_Role, ...]:
    """Role entries for a token read as is, then without a ب/ل prefix (the candidate order of
    _role_at). Cached: the same words are looked up again and again."""
    index = roles(code)
    return tuple(role for cand in [first, *_prefix_bases(first)] for role in index.get(cand, ()))


def _prefix_bases(norm: str) -> list[str]:
    """Readings of a token without a leading clitic, from every language pack (Arabic: a
    preposition/conjunction, لل -> ال). A token of another script has none."""
    return list(_clitic_readings(norm))


@lru_cache(maxsize=65536)
def _clitic_readings(norm: str) -> tuple[str, ...]:
    # Cached: the same words are asked again and again, and every pack is asked.
    return tuple(r for pack in _PACKS for r in pack.prefix_readings(norm))


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


def _kind_of(toks: list[_Tok], index: _RoleIndex, prefer_person: bool = False) -> tuple[str, str]:
    """(kind, type) of the leftmost role noun; a weak noun yields to a later one. With a
    person's name following, a person title wins over an institution («NATO Secretary
    General Jens Stoltenberg» is an official, not the organisation)."""
    first_strong = first_any = person = None
    code = index.code
    p = 0
    while p < len(toks):
        # A token that starts no role entry (most of them) needs no _role_at call.
        role = _role_at(toks, p, index, prep=True) if _prep_roles(toks[p].norm, code) else None
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


# «al-Assad», «el-Sisi»: an Arabic name written in Latin letters, met later without «al-».
_LATIN_PARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\w)")


@dataclass
class _Ctx:
    last: _NP | None = None
    # The last person and the last institution that spoke: "he said" / "it said" (English).
    last_person: _NP | None = None
    last_body: _NP | None = None
    by_surname: dict[str, _NP] = field(default_factory=dict)
    by_role: dict[str, _NP] = field(default_factory=dict)
    # Institutions that spoke, by head noun («وزارة»، "ministry"): «قالت الوزارة» is the last one.
    by_body_head: dict[str, _NP] = field(default_factory=dict)
    # A pack's statement whose text runs on over the next paragraphs (a quote left open, a
    # list announced by «:»), with the pack's own bookkeeping; None when nothing runs on.
    carry: object = None

    def learn(self, np: _NP) -> None:
        if np.body and np.name:
            toks = _nphrase(np.name)
            if len(toks) >= 2:
                for head in {_strip_al(toks[0]), toks[-1]}:
                    self.by_body_head[head] = np
            return
        if np.name and not np.body and np.kind != "anonymous":
            toks = _nphrase(np.name)
            known = self.by_surname.get(" ".join(toks))
            if known is not None and known.name != np.name and _nphrase(known.name) == toks:
                return  # the same name spelled otherwise («عبدالعزيز»): the first spelling stays
            if len(toks) >= 2 and toks != _nphrase(np.role):
                for k in (1, 2):
                    if len(toks) > k:
                        self.by_surname[" ".join(toks[-k:])] = np
                bare = _LATIN_PARTICLE_RE.sub("", toks[-1])
                if bare != toks[-1]:
                    self.by_surname.setdefault(bare, np)  # «Bashar al-Assad» -> «Assad said»
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
    channel_cue: str = ""  # the words that name the channel («في حديث لـ»), its source cue


def _strip_span(sentence: str, a: int, b: int) -> str:
    """The sentence without the source phrase; a leading «فإن» of the main clause goes too."""
    text = (sentence[:a].strip(_PUNCT_STRIP) + " " + sentence[b:].strip(_PUNCT_STRIP)).strip()
    return _LEADING_FAINNA.sub("", text)


_LEADING_FAINNA = re.compile(r"^(?:فإن|فإنّ|فان)\s+")


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
        optional = f"(?:[{prefixes}])?" if prefixes else ""
        self.other = (
            re.compile(rf"(?<![\w]){optional}(?:{'|'.join(other)})(?![\w])") if other else None
        )

    def found(self, norm: str, runs: list[str]) -> bool:
        """`runs`: _WORD_RUN_RE.findall(norm)."""
        return not self.words.isdisjoint(runs) or bool(self.other and self.other.search(norm))


def attribute_quotes(paragraphs: list[str], language: str) -> list[Quote]:
    """Attributed statements in an article's paragraphs (0-based paragraph indices).

    The rules are those of the language's pack (`attribute_paragraph` of its speakers.py);
    the context `ctx` carries who was named so far across paragraphs."""
    rules = pack_for(language).speaker_rules
    attribute_paragraph = rules.attribute_paragraph
    ctx = _Ctx()
    out: list[Quote] = []
    for para, paragraph in enumerate(paragraphs):
        out.extend(attribute_paragraph(clean_invisible(paragraph), para, ctx))
    # A pack may check its candidates against the whole article once it is read (a headline
    # «NAME: …» is kept when NAME speaks in the body).
    finish = getattr(rules, "finish_article", None)
    if finish is None:
        return out
    # The article's context goes along («the prosecutor said» named by a mention of the
    # titled person that made no statement, English).
    return finish(out, ctx)


# Role of a cited source's statement: an outlet or agency a dispatch or an interview came
# through (a wire credit «(كونا)», «في حديث لقناة X», «نقلت X عن Y»). Its speaker_kind is
# `media`; the Speakers page lists it as a source, never as the one who spoke the words.
CITED_SOURCE_ROLES = frozenset({"مصدر", "source"})


def is_cited_source(quote: Quote) -> bool:
    """Is this statement the citation of a source (credit, channel, relay), not speech?"""
    return quote.speaker_kind == "media" and quote.role in CITED_SOURCE_ROLES


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
        if (
            len(longer) == 1
            and short in rows
            and rows[short].kind == "state"
            and rows[longer[0]].kind != "state"
        ):
            continue  # «السعودية» is the country, not «وكالة الأنباء السعودية» that ends with it
        if len(longer) == 1 and short in rows:
            target, src = rows[longer[0]], rows.pop(short)
            target.quotes += src.quotes
            target.role = target.role if len(target.role) >= len(src.role) else src.role
            target.kind = target.kind if target.kind != "other" else src.kind
            target.affiliation = target.affiliation or src.affiliation
    return sorted(rows.values(), key=lambda s: (-s.quotes, s.name))
