"""Russian attribution rules (skeleton): the common constructions of news Russian.

- «Цитата», — заявил министр. / Цитата, — сказал он.   (quote, dash, verb, speaker)
- Министр иностранных дел Сергей Лавров заявил, что ... / заявил: «...»
- По словам Лаврова, ...   (the speaker in the genitive, read back in the nominative)
- ..., передаёт ТАСС. / ..., сообщил источник.   (verb and speaker after the statement)

Quotes in «ёлочки», „лапки“ and "..." are direct speech. Names are merged across cases:
«Путина» after «по словам» is «Путин», and a later «Путин» resolves to the «Владимир Путин»
named earlier (the engine's article context). Lexicons (this folder): reporting_verbs.txt,
speaker_roles.txt, source_phrases.txt, affiliations.txt.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.languages.ru import nominative_name
from dashboard.analysis.speakers.engine import (
    _COMMA_RE,
    _DOCUMENTS,
    _HARD_PUNCT,
    _NP,
    _affiliation,
    _Ctx,
    _kind_of,
    _name_text,
    _side_at,
    _text,
    _Tok,
    _tokens,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_ROLES = roles("ru")
_PRONOUNS = frozenset({"он", "она", "они"})
_DASHES = ("—", "–", "-")
# „лапки“ are read as «ёлочки»: same length, so offsets into the sentence stay valid.
_LAPKI_RE = re.compile(r"„([^„“”]*)[“”]")


def _fold(norm: str) -> str:
    return norm.replace("ё", "е")


@cache
def _verbs() -> dict[str, bool]:
    """Reporting verb form (lower case, ё as е) -> is an opinion verb."""
    out: dict[str, bool] = {}
    for fields in get_pack("ru").fields("reporting_verbs.txt"):
        out[_fold(fields[0].lower())] = len(fields) > 2 and fields[2] == "opinion"
    return out


@cache
def _source_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(_fold(w) for w in line.lower().split())
        for line in get_pack("ru").lines("source_phrases.txt")
    )


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one Russian paragraph."""
    words = set(_fold(paragraph.lower()).replace("«", " ").split())
    verbs = _verbs()
    if not any(w.strip(",.:;!?»—") in verbs for w in words) and "словам" not in words:
        return []
    out: list[Quote] = []
    for sentence in split_sentences(paragraph):
        out.extend(_sentence(sentence, para, ctx))
    return out


def _sentence(sentence: str, para: int, ctx: _Ctx) -> list[Quote]:
    work = _LAPKI_RE.sub(lambda m: f"«{m.group(1)}»", sentence) if "„" in sentence else sentence
    toks, quotes = _tokens(work)
    for t in toks:
        t.norm = _fold(t.norm)
    verbs = _verbs()
    out: list[Quote] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.quote != -1:
            i += 1
            continue
        phrase = _source_phrase_at(toks, i)
        if phrase:
            q = _by_source_phrase(toks, i, phrase, sentence, para, ctx)
            if q is not None:
                out.append(q)
                break
        if t.norm in verbs:
            q = _by_verb(toks, i, quotes, sentence, para, ctx, opinion=verbs[t.norm])
            if q is not None:
                out.append(q)
        i += 1
    return out


def _source_phrase_at(toks: list[_Tok], i: int) -> tuple[str, ...] | None:
    for phrase in _source_phrases():
        if i + len(phrase) <= len(toks) and all(
            toks[i + k].norm == w for k, w in enumerate(phrase)
        ):
            return phrase
    return None


def _clause_end(toks: list[_Tok], start: int) -> int:
    """Index of the first token after `start` that follows a comma or hard punctuation."""
    end = start
    while end < len(toks):
        if end > start and (_COMMA_RE.search(toks[end].gap) or _HARD_PUNCT.search(toks[end].gap)):
            break
        if toks[end].quote != -1:
            break
        end += 1
    return end


def _by_source_phrase(toks, i, phrase, sentence, para, ctx) -> Quote | None:
    """«По словам министра Лаврова, ...»: the speaker (genitive) up to the comma."""
    start = i + len(phrase)
    end = _clause_end(toks, start)
    seg = toks[start:end]
    if not seg or seg[0].norm in _DOCUMENTS or end >= len(toks):
        return None
    genitive = phrase[0] == "по"
    np = _np(seg, sentence, ctx, genitive=genitive)
    if np is None:
        return None
    text = sentence[toks[end].start :].strip(" .")
    verb = " ".join(toks[i + k].surf for k in range(len(phrase)))
    return _quote(np, verb, False, text, para, sentence, ctx)


def _by_verb(toks, i, quotes, sentence, para, ctx, opinion: bool) -> Quote | None:
    t = toks[i]
    n = len(toks)
    before_dash = any(d in t.gap for d in _DASHES)
    before_comma = bool(_COMMA_RE.search(t.gap))
    if (before_dash or before_comma) and i > 0:
        # The statement comes first: «...», — заявил Лавров. / ..., передаёт ТАСС.
        end = _clause_end(toks, i + 1)
        seg = toks[i + 1 : end]
        if not seg:
            return None
        np = _np(seg, sentence, ctx, genitive=False)
        if np is None:
            return None
        last_quote = max((qi for qi in range(len(quotes)) if quotes[qi][1] <= t.start), default=-1)
        if last_quote != -1 and toks[i - 1].quote == last_quote:
            qs, qe = quotes[last_quote]
            return _quote(np, t.surf, True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx)
        text = sentence[: toks[i - 1].end].strip(" ,—–-«»")
        return _quote(np, t.surf, before_dash, text, para, sentence, ctx)
    # Speaker first: the subject is the clause before the verb.
    start = i
    while start > 0 and not (
        _COMMA_RE.search(toks[start].gap) or _HARD_PUNCT.search(toks[start].gap)
    ):
        if toks[start - 1].quote != -1:
            break
        start -= 1
    seg = toks[start:i]
    if not seg or i + 1 > n:
        return None
    np = _np(seg, sentence, ctx, genitive=False)
    if np is None:
        return None
    # «заявил в среду журналистам, что ...»: a few words of circumstance may come first.
    k = i + 1
    while (
        k < n
        and k - i <= 4
        and toks[k].quote == -1
        and toks[k].norm != "что"
        and not (_COMMA_RE.search(toks[k].gap) or ":" in toks[k].gap)
        and not _HARD_PUNCT.search(toks[k].gap)
    ):
        k += 1
    if k >= n or _HARD_PUNCT.search(toks[k].gap):
        return None
    if toks[k].quote != -1:
        qs, qe = quotes[toks[k].quote]
        return _quote(np, t.surf, True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx)
    if toks[k].norm == "что":
        text = sentence[toks[k].end :].strip(" ,.")
        return _quote(np, t.surf, False, text, para, sentence, ctx)
    if opinion or ":" not in toks[k].gap:
        return None
    text = sentence[toks[k].start :].strip(" .«»")
    return _quote(np, t.surf, False, text, para, sentence, ctx)


def _role_covered(seg: list[_Tok]) -> list[bool]:
    """Which tokens belong to a role or a side phrase."""
    cov = [False] * len(seg)
    p = 0
    while p < len(seg):
        best = 0
        for role in _ROLES.get(seg[p].norm, ()):
            k = len(role.words)
            if p + k <= len(seg) and all(seg[p + j].norm == role.words[j] for j in range(k)):
                best = max(best, k)
        side = _side_at(seg, p)
        if side:
            best = max(best, len(side.words))
        for j in range(p, p + max(best, 1)):
            cov[j] = cov[j] or best > 0
        p += max(best, 1)
    return cov


def _np(seg: list[_Tok], sentence: str, ctx: _Ctx, genitive: bool) -> _NP | None:
    """Role / name split of a Russian speaker phrase («министр иностранных дел России Сергей
    Лавров»): the name is the trailing run of capitalised words outside role and side words."""
    seg = [s for s in seg if s.norm not in ("господин", "госпожа")]
    if not seg:
        return None
    if len(seg) == 1 and seg[0].norm in _PRONOUNS:
        return ctx.last
    if any(s.norm in _DOCUMENTS for s in seg):
        return None
    cov = _role_covered(seg)
    q = len(seg)
    while q > 0 and seg[q - 1].surf[:1].isupper() and not cov[q - 1]:
        q -= 1
    if len(seg) - q > 3:
        q = len(seg) - 3
    role_toks = seg[:q]
    kind, typ = _kind_of(role_toks, _ROLES, prefer_person=q < len(seg)) if role_toks else ("", "")
    np = _NP()
    if q < len(seg):
        words = [s.surf for s in seg[q:]]
        if genitive:
            words = [nominative_name(w) for w in words]
        np.name = " ".join(words)
        np.role = _text(role_toks, 0, len(role_toks), sentence) if role_toks else ""
        np.kind = kind or "other"
    elif kind:
        np.name = _name_text(seg, 0, len(seg), sentence)
        np.role = np.name if typ == "person" else ""
        np.kind = "anonymous" if typ == "group" else kind
        np.body = typ != "person"
    else:
        side = _side_at(seg, 0)
        if side is None or side.type not in ("country", "capital", "body"):
            return None
        np.name = _name_text(seg, 0, len(seg), sentence)
        np.kind, np.body = "state", True
    np.affiliation = _affiliation(role_toks or seg, speaker_is_place=np.body)
    return np


def _quote(np: _NP, verb: str, direct: bool, text: str, para: int, sentence: str, ctx: _Ctx):
    if not text:
        return None
    np = ctx.resolve(np)
    ctx.learn(np)
    if not np.body:
        ctx.last = np  # «сказал он»: the last person, not the agency that relayed it
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
