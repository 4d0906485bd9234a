"""English attribution rules: "X said", "said X", "according to X", "X told reporters".

The English part of the speaker engine (dashboard.analysis.speakers.engine holds what every
language shares). Lexicons (this folder): reporting_verbs.txt (finite verbs, opinion verbs,
participles), speaker_roles.txt, source_phrases.txt.
"""

from __future__ import annotations

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
    _Role,
    _role_at,
    _side_at,
    _strip_span,
    _text,
    _Tok,
    _tokens,
    _WordFilter,
    _words,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_EN_ROLES = roles("en")


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


_EN_TRIGGERS = _WordFilter(set(_EN_VERBS | _EN_PARTICIPLES | {"according"}), "")


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one English paragraph."""
    out: list[Quote] = []
    lower = paragraph.lower()
    if not _EN_TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
        return out
    for sentence in split_sentences(paragraph):
        lower = sentence.lower()
        if _EN_TRIGGERS.found(lower, _WORD_RUN_RE.findall(lower)):
            out.extend(_en_sentence(sentence, para, ctx))
    return out
