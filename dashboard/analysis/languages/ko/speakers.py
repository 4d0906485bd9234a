"""Korean attribution rules (skeleton): the common constructions of news Korean.

- 러시아 블라디미르 푸틴 대통령은 "..."라고 말했다.   (subject with 은/는/이/가, quote + 라고)
- 장호진 국가안보실장은 ... 계속하겠다고 밝혔다.       (reported speech ending in 다고/라고)
- 연합뉴스에 따르면 ...                               (according to X)
- 그는 ... 강조했다.                                  (pronoun: the last person named)

Titles follow names (윤석열 대통령): the speaker is the name, the title is the role. Particles
are stripped from the subject (대통령은 -> 대통령). Quotes in "...", “...” and ‘...’.
Lexicons (this folder): reporting_verbs.txt, speaker_roles.txt, source_phrases.txt,
affiliations.txt.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.languages.ko import strip_particle
from dashboard.analysis.speakers.engine import (
    _COMMA_RE,
    _DOCUMENTS,
    _HARD_PUNCT,
    _NP,
    _affiliation,
    _Ctx,
    _kind_of,
    _side_at,
    _Tok,
    _tokens,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_ROLES = roles("ko")
_PRONOUNS = frozenset({"그는", "그녀는", "그가", "그녀가", "그들은"})
_SUBJECT_PARTICLES = ("께서는", "께서", "은", "는", "이", "가")
# ‘...’ read as “...”: same length, so offsets into the sentence stay valid.
_SINGLE_QUOTES_RE = re.compile(r"‘([^‘’]*)’")
# Quotative endings of reported speech, and what the clause reads as without them.
_QUOTATIVE = (("이라고", "이다"), ("다고", "다"), ("라고", "다"))


@cache
def _verbs() -> frozenset[str]:
    return frozenset(f[0] for f in get_pack("ko").fields("reporting_verbs.txt"))


@cache
def _known_words() -> frozenset[str]:
    """Words of the lexicons that must not lose a final syllable that looks like a particle."""
    words = {w for entries in _ROLES.values() for e in entries for w in e.words}
    words |= {f[0] for f in get_pack("ko").fields("affiliations.txt")}
    return frozenset(words)


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one Korean paragraph."""
    verbs = _verbs()
    if "따르면" not in paragraph and not any(v in paragraph for v in verbs):
        return []
    out: list[Quote] = []
    for sentence in split_sentences(paragraph):
        q = _sentence(sentence, para, ctx)
        if q is not None:
            out.append(q)
    return out


def _sentence(sentence: str, para: int, ctx: _Ctx) -> Quote | None:
    work = _SINGLE_QUOTES_RE.sub(lambda m: f"“{m.group(1)}”", sentence)
    toks, quotes = _tokens(work)
    n = len(toks)
    for i, t in enumerate(toks):
        if t.quote == -1 and t.norm == "따르면" and i > 0 and toks[i - 1].norm.endswith("에"):
            return _according_to(toks, i, sentence, para, ctx)
    verb_at = next(
        (i for i in range(n - 1, -1, -1) if toks[i].quote == -1 and toks[i].norm in _verbs()),
        None,
    )
    if verb_at is None:
        return None
    subject_end = next(
        (
            i
            for i in range(verb_at)
            if toks[i].quote == -1
            and (toks[i].norm in _PRONOUNS or toks[i].norm.endswith(_SUBJECT_PARTICLES))
            and toks[i].norm not in _known_words()
        ),
        None,
    )
    if subject_end is None:
        return None
    start = subject_end
    while start > 0 and subject_end - start < 4 and not _clause_break(toks[start]):
        if toks[start - 1].quote != -1:
            break
        start -= 1
    np = _np(toks[start : subject_end + 1], ctx)
    if np is None:
        return None
    # Direct speech: a quote right before 라고/이라고 (or right before the verb).
    for k in range(verb_at - 1, subject_end, -1):
        tok = toks[k]
        if tok.quote != -1 and (
            k + 1 == verb_at or toks[k + 1].norm in ("라고", "이라고", "고", "며", "면서")
        ):
            qs, qe = quotes[tok.quote]
            return _quote(
                np, toks[verb_at].surf, True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx
            )
    # Reported speech: the clause between the subject and the verb, quotative ending dropped.
    body = toks[subject_end + 1 : verb_at]
    if not body:
        return None
    text = sentence[body[0].start : body[-1].end]
    for ending, plain in _QUOTATIVE:
        if text.endswith(ending):
            text = text[: -len(ending)] + plain
            break
    else:
        return None  # no quotative ending: «...을 말했다» tells what was said about, not what
    return _quote(np, toks[verb_at].surf, False, text.strip(), para, sentence, ctx)


def _clause_break(t: _Tok) -> bool:
    return bool(_COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap))


def _according_to(toks, i, sentence, para, ctx) -> Quote | None:
    """«연합뉴스에 따르면 ...»: the source is the words before 에 따르면."""
    start = i - 1
    while start > 0 and i - 1 - start < 4 and not _clause_break(toks[start]):
        start -= 1
    seg = list(toks[start:i])
    last = seg[-1]
    seg[-1] = _Tok(last.surf[:-1], last.norm[:-1], last.start, last.end - 1, last.gap, last.quote)
    if not seg[-1].norm or seg[-1].norm in _DOCUMENTS:
        return None
    np = _np(seg, ctx, particle=False)
    if np is None or i + 1 >= len(toks):
        return None
    text = sentence[toks[i + 1].start :].strip(" .")
    return _quote(np, "에 따르면", False, text, para, sentence, ctx)


def _np(seg: list[_Tok], ctx: _Ctx, particle: bool = True) -> _NP | None:
    """Side words, name and title of a Korean subject: «러시아 블라디미르 푸틴 대통령은» ->
    name 블라디미르 푸틴, role 대통령, side Russia."""
    if len(seg) == 1 and seg[0].norm in _PRONOUNS:
        return ctx.last
    known = _known_words()
    words = [t.surf for t in seg]
    if particle:
        words[-1] = strip_particle(words[-1], known)
    toks = [_Tok(w, w, t.start, t.end, t.gap, -1) for w, t in zip(words, seg, strict=True)]
    # Title: the longest role phrase at the end (외교부 장관, 대통령).
    q = len(toks)
    for k in range(len(toks)):
        if _role_phrase(toks[k:]):
            q = k
            break
    # Side words at the front (러시아, 북한): the affiliation, not part of the name.
    p = 0
    while p < q:
        side = _side_at(toks, p)
        if side is None:
            break
        p += len(side.words)
    # «외교부 대변인»: an institution before the title belongs to the title, not a name.
    if p < q and all(t.norm in _ROLES for t in toks[p:q]):
        q = p
    role_toks = toks[q:]
    # The title at the end decides («외교부 대변인» is a spokesperson, not the ministry).
    last_is_person = bool(role_toks) and any(
        r.type == "person" for r in _ROLES.get(role_toks[-1].norm, ())
    )
    kind, typ = (
        _kind_of(role_toks, _ROLES, prefer_person=p < q or last_is_person)
        if role_toks
        else ("", "")
    )
    np = _NP()
    np.role = " ".join(t.surf for t in role_toks)
    if p < q:
        np.name = " ".join(t.surf for t in toks[p:q])
        np.kind = kind or "other"
    elif role_toks:
        np.name = " ".join(t.surf for t in toks[p:])
        np.kind = "anonymous" if typ == "group" else kind or "other"
        np.body = typ != "person"
        np.role = "" if np.body else np.name
    elif p:
        np.name = " ".join(t.surf for t in toks)
        np.kind, np.body = "state", True
    else:
        return None
    np.affiliation = _affiliation(toks, speaker_is_place=np.body)
    return np


def _role_phrase(toks: list[_Tok]) -> bool:
    """Do the tokens form exactly one role entry?"""
    if not toks:
        return False
    return any(
        len(role.words) == len(toks)
        and all(t.norm == w for t, w in zip(toks, role.words, strict=True))
        for role in _ROLES.get(toks[0].norm, ())
    )


def _quote(np: _NP, verb: str, direct: bool, text: str, para: int, sentence: str, ctx: _Ctx):
    if not text:
        return None
    np = ctx.resolve(np)
    ctx.learn(np)
    if not np.body:
        ctx.last = np
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
    )
