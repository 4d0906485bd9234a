"""Russian attribution rules: the reporting constructions of news Russian.

- «Цитата», — заявил министр. / Цитата, — сказал он.   (statement, dash, verb, speaker)
- ..., заявил на брифинге директор ведомства Иван Петров.   (circumstances before the speaker)
- Министр Сергей Лавров заявил, что ... / заявил: «...» / заявил о ... / Он добавил, что ...
- Об этом сообщил X.   (the statement is the sentence before)
- По словам Лаврова, ... / Со слов министра ... / По его словам, ...   (genitive, or «его»)
- ..., передаёт ТАСС. / ..., — цитирует его ТАСС. / — передаёт слова X корреспондент «Y».
- (цитата по ТАСС)   (a source credit)
- говорится в заявлении МИД / сообщается на сайте ведомства   (impersonal: the owner speaks)
- Headlines: «Песков: ...» and «... — Песков».
- Datelines: «МОСКВА, 26 мар - ТАСС.»   (the agency is the dispatch's source)

Quotes in «ёлочки», „лапки“ and "..." are direct speech. Names are merged across cases:
«Путина» after «по словам» is «Путин», and a later «Путин» resolves to the «Владимир Путин»
named earlier (the engine's article context). Lexicons (this folder): reporting_verbs.txt,
speaker_roles.txt, source_phrases.txt, speaker_adverbs.txt, affiliations.txt.
"""

from __future__ import annotations

import os
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
    quote_of,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_ROLES = roles("ru")
_PRONOUNS = frozenset({"он", "она", "они"})
_POSSESSIVES = frozenset({"его", "ее", "их"})
_HONORIFICS = frozenset({"господин", "госпожа"})
# Prepositions: a name after one belongs to the circumstance («в интервью Павлу Зарубину»).
_PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "на",
        "по",
        "о",
        "об",
        "обо",
        "с",
        "со",
        "к",
        "ко",
        "у",
        "за",
        "из",
        "от",
        "до",
        "для",
        "при",
        "после",
        "перед",
        "через",
        "между",
        "над",
        "под",
        "про",
        "без",
        "около",
        "вокруг",
    ]
)
# Heads that name an outlet whose name follows in quotes («корреспондент «Ленты.ру»»).
_OUTLET_HEADS = frozenset(
    [
        "корреспондент",
        "корреспондента",
        "агентство",
        "агентства",
        "издание",
        "издания",
        "телеканал",
        "телеканала",
        "газета",
        "газеты",
        "сайт",
        "сайта",
        "портал",
        "портала",
    ]
)
# Heads of a body named in quotes after them («компания «Северсталь»») -> kind.
_BODY_HEADS = {
    **dict.fromkeys(["компания", "компании", "корпорация", "корпорации"], "organisation"),
    **dict.fromkeys(["госкорпорация", "госкорпорации", "концерн", "концерна"], "organisation"),
    **dict.fromkeys(["холдинг", "холдинга", "группа", "группы", "фонд", "фонда"], "organisation"),
    **dict.fromkeys(["партия", "партии", "движение", "движения", "клуб", "клуба"], "organisation"),
    **dict.fromkeys(["банк", "банка", "ассоциация", "ассоциации", "союз", "союза"], "organisation"),
}
_DASHES = ("—", "–", "-")
# Nouns of a statement followed by its author in the genitive («заявление МИД России о …»,
# «слова министра Ивана Петрова о том, что …»).
_STATEMENT_NOUNS = frozenset(
    ["слова", "словам", "заявление", "заявления", "заявлению", "заявлением", "заявлении"]
    + ["высказывание", "высказывания", "призыв", "призывы", "призыва", "обещание", "обещания"]
)
# A lower-case word followed by two capitalised words: a paragraph that may name someone.
_MENTION_HINT_RE = re.compile(r"[а-яё] [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+")
_ADJECTIVE_ENDINGS = ("ский", "ская", "ской", "ского", "ское", "ый", "ая", "ой", "ого", "ий")
# Oblique endings of a title noun: after a preposition it is a circumstance («в Кремле»).
_DATIVE_ENDINGS = ("у", "ю", "ам", "ям", "ым", "им", "ой", "ей", "е")
_OBLIQUE_ENDINGS = ("е", "у", "ю", "ом", "ем", "ой", "ами", "ах")
# „лапки“ are read as «ёлочки»: same length, so offsets into the sentence stay valid.
_LAPKI_RE = re.compile(r"„([^„“”]*)[“”]")
_NAME_WORD_RE = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁa-zа-яё][a-zа-яё]+)*")
_ACRONYM_RE = re.compile(r"[A-ZА-ЯЁ0-9]*[A-ZА-ЯЁ][a-zа-яё]*[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9]*")
# «МОСКВА, 26 мар - ПРАЙМ.» / «ВАШИНГТОН, 3 июня — РИА Новости.»: the dispatch's agency.
_DATELINE_RE = re.compile(
    r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]+,\s+\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4})?(?:\s*[-—–]\s*"
    r"(?P<agency>[A-ZА-ЯЁ][\w.\- ]{1,28}?)\s*\.\s|\.?\s*/(?P<slashed>[A-ZА-ЯЁ][\w.\- ]{1,28}?)/\.?\s)"
)
# «Песков: Москва не получала ответа» (a headline naming the speaker before a colon).
_HEADLINE_COLON_RE = re.compile(
    r"^\s*(?P<name>[A-ZА-ЯЁ][a-zа-яё]+(?:[ -][A-ZА-ЯЁ][a-zа-яё]+){0,2})\s*:\s+(?P<text>\S.+)$"
)
_HEADLINE_QUOTED_RE = re.compile(r"^\s*«(?P<name>[A-ZА-ЯЁ][^«»]{1,30})»\s*:\s+(?P<text>\S.+)$")
# «Москва ответит на санкции — Песков» (a headline ending with the speaker after a dash).
_HEADLINE_DASH_RE = re.compile(
    r"^(?P<text>.{12,}?)\s+[—–]\s+(?P<name>[A-ZА-ЯЁ][a-zа-яё]+(?:\s[A-ZА-ЯЁ][a-zа-яё]+)?)\s*\.?$"
)
_CHANNEL_HEADS = ("сайт", "странице", "телеграм", "telegram", "канале", "соцсет", "аккаунт")
_DOCUMENT_PHRASE_HEADS = ("заявлени", "сообщени", "пресс-релиз", "документ", "релиз", "сайт")


def _fold(norm: str) -> str:
    return norm.replace("ё", "е")


@cache
def _verbs() -> dict[str, str]:
    """Reporting verb form (lower case, ё as е) -> its flag ("", "opinion" or "impersonal").
    A masculine past form also stands for the feminine, neuter and plural ones."""
    out: dict[str, str] = {}
    for fields in get_pack("ru").fields("reporting_verbs.txt"):
        form = _fold(fields[0].lower())
        flag = fields[2] if len(fields) > 2 else ""
        forms = [form]
        if form.endswith("лся"):
            forms += [form[:-3] + e for e in ("лась", "лось", "лись")]
        elif form.endswith("л"):
            forms += [form + e for e in ("а", "о", "и")]
        for f in forms:
            out.setdefault(f, flag)
    return out


@cache
def _adverbs() -> frozenset[str]:
    return frozenset(_fold(w.lower()) for w in get_pack("ru").lines("speaker_adverbs.txt"))


@cache
def _epithets() -> frozenset[str]:
    return frozenset(_fold(w.lower()) for w in get_pack("ru").lines("speaker_epithets.txt"))


@cache
def _phrase_words() -> frozenset[str]:
    """The words of the source phrases that mark a paragraph as attributing («словам»,
    «мнению», «данным», «цитата»), and «ссылкой» of «со ссылкой на»."""
    skip = {"по", "со", "как", "его", "ее", "их"}
    words = {w for phrase in _source_phrases() for w in phrase if w not in skip}
    return frozenset(words | {"ссылкой", "известно"})


@cache
def _source_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(_fold(w) for w in line.lower().split())
        for line in get_pack("ru").lines("source_phrases.txt")
    )


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one Russian paragraph."""
    out: list[Quote] = []
    if para <= 1:
        out.extend(_dateline(paragraph, para, ctx))
    words = {w.strip(',.:;!?»—()"') for w in _fold(paragraph.lower()).replace("«", " ").split()}
    verbs = _verbs()
    triggered = (
        not words.isdisjoint(verbs)
        or not words.isdisjoint(_phrase_words())
        or not words.isdisjoint(_STATEMENT_NOUNS)
    )
    _learn_mentions(paragraph, ctx)
    seen = getattr(ctx, "ru_seen", "")
    ctx.ru_seen = seen + " " + _fold(paragraph.lower())  # type: ignore[attr-defined]
    sentences = split_sentences(paragraph)
    if len(sentences) == 1 and not triggered:
        out.extend(_headline(sentences[0], para, ctx))
        return out
    if not triggered:
        if len(paragraph) <= 200 and "\n" not in paragraph.strip():
            # «Жителям выплатили 7 млрд руб. — Куренков»: an abbreviation split the headline
            out.extend(_headline(paragraph.strip(), para, ctx))
        return out
    if len(sentences) == 1 and not sentences[0].rstrip().endswith((".", "»", '"')):
        found = _headline(sentences[0], para, ctx)  # «Россия ответит — Песков»
        if found:
            return out + found
    for sentence in sentences:
        found = _sentence(sentence, para, ctx)
        if not found and len(sentences) == 1:
            found = _headline(sentence, para, ctx)
        out.extend(found)
    return out


def _dateline(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return []
    agency = (m.group("agency") or m.group("slashed")).strip()
    np = _NP(name=agency, kind="media", body=True)
    q = _quote(np, "—", False, paragraph[m.end() :].strip(), para, paragraph, ctx)
    return [q] if q else []


def _headline(sentence: str, para: int, ctx: _Ctx) -> list[Quote]:
    """«Песков: ...» and «... — Песков»: a headline names its speaker («Роснефть»: … a body
    in quotes)."""
    m = _HEADLINE_QUOTED_RE.match(sentence.strip())
    if m:
        np = _NP(name=m.group("name"), kind="organisation", body=True)
        q = _quote(np, ":", False, m.group("text").strip(), para, sentence, ctx)
        return [q] if q else []
    for rx, verb in ((_HEADLINE_COLON_RE, ":"), (_HEADLINE_DASH_RE, "—")):
        m = rx.match(sentence.strip())
        if not m:
            continue
        toks, _ = _tokens(m.group("name"))
        for t in toks:
            t.norm = _fold(t.norm)
        if any(not _is_name_word(t) or _covered_at(toks, k) for k, t in enumerate(toks)):
            continue
        np = _NP(name=m.group("name"), kind="other")
        q = _quote(np, verb, False, m.group("text").strip(), para, sentence, ctx)
        return [q] if q else []
    return []


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
        if tuple(x.norm for x in toks[i : i + 2]) == ("стало", "известно"):
            q = _became_known(toks, i, sentence, para, ctx)
            if q is not None:
                out.append(q)
                i += 2
                continue
        if tuple(x.norm for x in toks[i : i + 3]) == _REFERENCE:
            q = _by_reference(toks, i, sentence, para, ctx)
            if q is not None and out and out[-1].sentence == sentence:
                q.text = out[-1].text  # what the outlet reports is what its source said
            out.extend(_as_list(q))
            i += 3
            continue
        phrase = _source_phrase_at(toks, i)
        if phrase:
            found = _by_source_phrase(toks, i, phrase, sentence, para, ctx)
            if found:
                out.extend(found if isinstance(found, list) else [found])
                i += len(phrase)
                continue
        if t.norm in _STATEMENT_NOUNS and i > 0:
            q = _by_statement_noun(toks, i, sentence, para, ctx)
            if q is not None:
                out.append(q)
                i += 1
                continue
        if t.norm in verbs:
            flag = verbs[t.norm]
            if flag == "impersonal":
                q = _impersonal(toks, i, sentence, para, ctx)
                out.extend([q] if q else [])
            else:
                out.extend(
                    _by_verb(toks, i, quotes, sentence, para, ctx, opinion=flag == "opinion")
                )
        i += 1
    return out


def _source_phrase_at(toks: list[_Tok], i: int) -> tuple[str, ...] | None:
    for phrase in _source_phrases():
        if i + len(phrase) <= len(toks) and all(
            toks[i + k].norm == w for k, w in enumerate(phrase)
        ):
            return phrase
    return None


def _breaks(tok: _Tok) -> bool:
    """Punctuation before this token that ends a noun phrase."""
    gap = tok.gap
    return bool(
        _COMMA_RE.search(gap) or _HARD_PUNCT.search(gap) or any(c in gap for c in ':(«»"“”—–')
    )


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


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words that start a sentence but are no name: stop words and adverbs
    («Об этом», «Ранее»), except the country and body words a speaker may be («Россия»)."""
    from dashboard.analysis.stopwords import stopwords

    words = {_fold(w) for w in stopwords("ru")} | _adverbs()
    return frozenset(w for w in words if not _side_at([_Tok(w, w, 0, 0, "", -1)], 0))


def _is_name_word(t: _Tok) -> bool:
    return bool(_NAME_WORD_RE.fullmatch(t.surf)) and t.norm not in _not_names()


def _is_acronym(t: _Tok) -> bool:
    return bool(_ACRONYM_RE.fullmatch(t.surf)) and len(t.surf) >= 2


def _covered_at(toks: list[_Tok], p: int) -> int:
    """Length of the role or side phrase starting at token p (0 for none)."""
    best = 0
    for role in _ROLES.get(toks[p].norm, ()):
        k = len(role.words)
        if p + k <= len(toks) and all(toks[p + j].norm == role.words[j] for j in range(k)):
            best = max(best, k)
    side = _side_at(toks, p)
    if side:
        best = max(best, len(side.words))
    return best


def _role_covered(seg: list[_Tok]) -> list[bool]:
    """Which tokens belong to a role or a side phrase."""
    cov = [False] * len(seg)
    p = 0
    while p < len(seg):
        best = _covered_at(seg, p)
        for j in range(p, p + max(best, 1)):
            cov[j] = cov[j] or best > 0
        p += max(best, 1)
    return cov


@cache
def _role_heads() -> dict[str, str]:
    """Case form of a role or body head -> its nominative: speaker_roles.txt lists the case
    forms of a head one after another, nominative first («кремль, кремля, …, кремле»)."""
    out: dict[str, str] = {}
    nom: list[str] = []
    for fields in get_pack("ru").fields("speaker_roles.txt"):
        words = [_fold(w) for w in fields[0].lower().split()]
        head = nom[0] if nom else ""
        common = len(os.path.commonprefix([words[0], head]))
        if not (nom and words[1:] == nom[1:] and common >= max(3, len(head) - 2)):
            nom = words
        out.setdefault(words[0], nom[0])
    return out


_IN = frozenset({"в", "во"})
_GENITIVE_ENDINGS = ("а", "я", "ы", "и", "ого", "его", "ой", "ей", "ов", "ев", "ых", "их")


def _in_body(toks: list[_Tok], p: int, sentence: str) -> tuple[_NP, int] | None:
    """«в пресс-службе МЧС России», «в Кремле», «в министерстве обороны»: a body named in
    the prepositional after «в», the voice of «В Кремле заявили», «сообщили ТАСС в
    пресс-службе …». Returns the body in the nominative and the index after the phrase."""
    n = len(toks)
    if p + 1 >= n or toks[p].norm not in _IN or toks[p].quote != -1:
        return None
    h = p + 1
    body = next(
        (
            r
            for r in _ROLES.get(toks[h].norm, ())
            if r.type == "body"
            and h + len(r.words) <= n
            and all(toks[h + k].norm == w for k, w in enumerate(r.words))
        ),
        None,
    )
    if body is None or toks[h].quote != -1:
        return None
    e = h + len(body.words)
    verbs = _verbs()
    while e < n and e - h < 7 and not _breaks(toks[e]):
        t = toks[e]
        if t.norm in verbs or t.norm in _PREPOSITIONS or t.norm in _IN or t.norm == "что":
            break
        if t.quote != -1:  # «в пресс-службе «Роскосмоса»»
            qi = t.quote
            while e < n and toks[e].quote == qi:
                e += 1
            continue
        cov = _covered_at(toks, e)
        if cov:
            e += cov
        elif _is_name_word(t) or _is_acronym(t) or t.norm.endswith(_GENITIVE_ENDINGS):
            e += 1
        else:
            break
    head = toks[h].surf
    nom = _role_heads().get(toks[h].norm, toks[h].norm)
    if head.isupper() or _fold(head.lower()) == nom:
        nom = head  # «МИД», «Кремль»: the form as written
    elif head[:1].isupper():
        nom = nom[:1].upper() + nom[1:]
    rest = sentence[toks[h].end : toks[e - 1].end] if e - 1 > h else ""
    np = _NP(name=nom + rest, kind=body.kind or "state", body=True)
    np.affiliation = _affiliation(toks[h:e], speaker_is_place=True)
    return np, e


def _body_after(toks: list[_Tok], j: int, sentence: str) -> tuple[int, _NP, int] | None:
    """After a plural verb, «… ТАСС в пресс-службе МЧС»: (index of «в», body, end)."""
    p = first = j
    if p < len(toks) and toks[p].quote != -1:  # «рассказали «Известиям» в министерстве»
        while first < len(toks) and toks[first].quote == toks[j].quote:
            first += 1
        p = first
    while p < len(toks) and p - j < 6 and not (p > first and _breaks(toks[p])):
        found = _in_body(toks, p, sentence)
        if found:
            return p, found[0], found[1]
        p += 1
    return None


def _relayed_body(
    toks: list[_Tok], verb: _Tok, j: int, sentence: str, ctx: _Ctx
) -> tuple[_NP | None, _NP] | None:
    """«сообщили ТАСС в пресс-службе МЧС», «рассказали в министерстве»: after a plural verb,
    the body that spoke (prepositional after «в») and the outlet it spoke to, if named."""
    if not verb.norm.endswith(_PLURAL_VERB_ENDINGS):
        return None
    found = _body_after(toks, j, sentence)
    if found is None:
        return None
    p, body, _ = found
    agency = None
    if p > j and toks[j].quote != -1:
        agency = _quoted_outlet(toks, toks[j].quote, sentence)
    elif p > j:
        agency = _np(toks[j:p], sentence, ctx, case="")
        if agency is not None:
            agency.body = True
            if agency.kind in ("other", ""):
                agency.kind = "media"
    return agency, body


def _relayed_quotes(pair, verb, direct, text, para, sentence, ctx) -> list[Quote]:
    agency, body = pair
    out = _as_list(_quote(body, verb, direct, text, para, sentence, ctx))
    if agency is not None:
        out += _as_list(_quote(agency, verb, False, text, para, sentence, ctx, learn_last=False))
    return out


_REFERENCE = ("со", "ссылкой", "на")


def _accusative_np(seg: list[_Tok], sentence: str, ctx: _Ctx) -> _NP | None:
    """«на пресс-службу МВД», «на Ивана Петрова», «на МЧС»: a speaker after «на», read back
    in the nominative (a role head by its case group, a name as from the genitive, which
    the accusative of a man's name is)."""
    np = _np(seg, sentence, ctx, case="genitive")
    if np is None or not seg:
        return np
    head = seg[0]
    nom = _role_heads().get(head.norm)
    if nom and nom != head.norm and np.name.startswith(head.surf) and not head.surf[:1].isupper():
        np.name = nom + np.name[len(head.surf) :]
        if np.role.startswith(head.surf):
            np.role = nom + np.role[len(head.surf) :]
    return np


def _became_known(toks, i, sentence, para, ctx) -> Quote | None:
    """«Как стало известно «Коммерсанту», …», «Об этом стало известно РБК»: the outlet (or
    body) that learnt it, in the dative, is the source of the report."""
    k = i + 2
    if k >= len(toks) or _HARD_PUNCT.search(toks[k].gap) or _COMMA_RE.search(toks[k].gap):
        return None
    if toks[k].quote != -1:
        np = _quoted_outlet(toks, toks[k].quote, sentence)
        if np is not None and " " not in np.name:
            np.name = _nominative_from_dative(np.name)
    else:
        end = _clause_end(toks, k)
        seg = toks[k:end]
        if not seg or not (_is_name_word(seg[0]) or _is_acronym(seg[0])):
            return None
        cut = next((m for m in range(1, len(seg)) if seg[m].norm in _PREPOSITIONS), len(seg))
        seg = seg[:cut]
        np = _np(seg, sentence, ctx, case="dative")
        if np is None:  # «стало известно РБК», «… Центру защиты прав СМИ»: a name as written
            rest = sentence[seg[0].end : seg[-1].end]
            np = _NP(name=_nominative_from_dative(seg[0].surf) + rest, kind="organisation")
    if np is None or np.kind == "anonymous":
        return None
    np.body = True
    np.kind = np.kind if np.kind not in ("other", "") else "media"
    text = sentence.strip(" .")
    return _quote(np, "стало известно", False, text, para, sentence, ctx, learn_last=False)


def _by_reference(toks, i, sentence, para, ctx) -> Quote | None:
    """«…, сообщает ТАСС со ссылкой на пресс-службу МВД»: the voice the report cites."""
    start = i + 3
    end = _clause_end(toks, start)
    seg = toks[start:end]
    while seg and seg[-1].surf[:1].islower() and not _role_covered(seg)[-1]:
        seg = seg[:-1]
    if not seg:
        return None
    np = _accusative_np(seg, sentence, ctx)
    if np is None or np.kind == "anonymous":
        return None
    text = sentence[: toks[i].start].strip(" ,.—–-")
    if end < len(toks):
        text = sentence[toks[end].start :].strip(" .") or text
    verb = " ".join(toks[i + k].surf for k in range(3))
    return _quote(np, verb, False, text, para, sentence, ctx, learn_last=False)


_PLURAL_VERB_ENDINGS = ("ли", "ют", "ят", "ут", "ат")


def _coordinated(toks: list[_Tok], verb: _Tok, j: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«сообщают РИА Новости и ТАСС»: the second of two speakers after a plural verb."""
    if not verb.norm.endswith(_PLURAL_VERB_ENDINGS):
        return None
    k = j + 1
    while k < len(toks) - 1 and k - j < 5 and not _breaks(toks[k]):
        prev, nxt = toks[k - 1], toks[k + 1]
        if (
            toks[k].norm == "и"
            and (_is_name_word(prev) or _is_acronym(prev) or prev.quote != -1)
            and (_is_name_word(nxt) or _is_acronym(nxt) or nxt.quote != -1)
        ):
            return _after_np(toks, k + 1, sentence, ctx)
        k += 1
    return None


def _by_source_phrase(toks, i, phrase, sentence, para, ctx) -> Quote | list[Quote] | None:
    """«По словам министра Лаврова, ...»: the speaker (genitive) up to the comma;
    «(цитата по ТАСС)»: the source of a quote (dative)."""
    start = i + len(phrase)
    end = _clause_end(toks, start)
    seg = toks[start:end]
    if not seg or seg[0].norm in _DOCUMENTS:
        return None
    verb = " ".join(toks[i + k].surf for k in range(len(phrase)))
    if phrase[0] == "цитата":
        seg = seg[: next((k for k in range(1, len(seg)) if _breaks(seg[k])), len(seg))]
        np = _np(seg, sentence, ctx, case="dative")
        if np is None:
            return None
        np.body = True
        if np.kind in ("other", ""):
            np.kind = "media"
        text = sentence[: toks[i].start].strip(" (—–-,.")
        return _quote(np, verb, False, text, para, sentence, ctx, learn_last=False)
    if any(w in _POSSESSIVES for w in phrase):  # «По его словам, ...»
        np = ctx.last
        end = start
    elif len(seg) == 1 and seg[0].norm in _POSSESSIVES:
        np = ctx.last
    elif phrase[0] == "как":  # «как сообщает ТАСС»: the speaker is in the nominative
        pair = _relayed_body(toks, toks[i + len(phrase) - 1], start, sentence, ctx)
        if pair is not None:
            if end < len(toks):
                text = sentence[toks[end].start :].strip(" .")
            else:
                text = sentence[: toks[i].start].strip(" ,.—–-")
            verb = " ".join(toks[i + k].surf for k in range(len(phrase)))
            return _relayed_quotes(pair, verb, False, text, para, sentence, ctx)
        np = _after_np(toks, start, sentence, ctx)
    else:
        np = _np(seg, sentence, ctx, case="genitive")
    if np is None:
        return None
    if end < len(toks):
        text = sentence[toks[end].start :].strip(" .")
    else:
        text = sentence[: toks[i].start].strip(" ,.—–-")
    return _quote(np, verb, False, text, para, sentence, ctx)


def _by_statement_noun(toks, i, sentence, para, ctx) -> Quote | None:
    """«прокомментировал слова посланника Ивана Петрова о том, что …», «заявления
    Европарламента о …»: the author (genitive) of a statement whose content follows."""
    if i > 0 and toks[i - 1].norm in ("своем", "своих", "своей", "своим", "в", "во"):
        return None  # «В своем заявлении министр X подчеркнул»: the subject speaks
    start = i + 1
    end = start
    verbs = _verbs()
    while end < len(toks) and end - start < 8 and not (end > start and _breaks(toks[end])):
        t = toks[end]
        if t.quote != -1 or t.norm in _PREPOSITIONS or t.norm == "что" or t.norm in verbs:
            break
        end += 1
    seg = toks[start:end]
    if not seg or end >= len(toks) or toks[end].norm not in ("о", "об", "что"):
        return None
    if not (_is_name_word(seg[-1]) or _is_acronym(seg[-1]) or _covered_at(seg, 0)):
        return None
    np = _np(seg, sentence, ctx, case="genitive")
    if np is None or np.kind == "anonymous":
        return None
    text = sentence[toks[end].start :].strip(" .")
    return _quote(np, toks[i].surf, False, text, para, sentence, ctx, learn_last=False)


def _impersonal(toks, i, sentence, para, ctx) -> Quote | None:
    """«..., говорится в заявлении МИД России.» / «Об этом сообщается на сайте Кремля.»: the
    body that owns the document speaks (read back from the genitive)."""
    k = i + 1
    if k < len(toks) and toks[k].norm in ("в", "во", "на"):
        k += 1
    if k >= len(toks) or not toks[k].norm.startswith(_DOCUMENT_PHRASE_HEADS + _CHANNEL_HEADS):
        return None
    start = k + 1
    # «в сообщении на сайте Кремля», «в Telegram-канале ведомства»: the page, then its owner
    pages = _DOCUMENT_PHRASE_HEADS + _CHANNEL_HEADS
    if start + 1 < len(toks) and toks[start].norm in _IN | {"на"}:
        start += 2 if toks[start + 1].norm.startswith(pages) else 0
    while start < len(toks) and toks[start].norm.startswith(_CHANNEL_HEADS):
        start += 1  # «Telegram-канале» read as two words
    end = start
    quoted = -1
    while end < len(toks) and end - start < 6:
        t = toks[end]
        if t.quote != -1 and t.quote == quoted:
            end += 1
            continue
        if end > start and _breaks(t) and not (t.quote != -1 and end - start <= 3):
            break
        if t.norm in _PREPOSITIONS:
            break
        if t.quote != -1:  # «пресс-службы компании «Газпром»»: the name in quotes
            quoted = t.quote
        end += 1
    seg = toks[start:end]
    if not seg:
        return None
    if any(t.quote != -1 for t in seg):
        head = [t for t in seg if t.quote == -1]
        owner = _np(head, sentence, ctx, case="genitive") if head else None
        name = sentence[seg[0].start : seg[-1].end]
        if owner is not None and name.startswith(seg[0].surf):
            nom = owner.name.split()[0] if owner.name else seg[0].surf
            name = nom + name[len(seg[0].surf) :]
        np = _NP(name=name.rstrip("»") + ("»" if name.count("«") > name.count("»") else ""))
        np.kind, np.body = (owner.kind if owner else "organisation"), True
    else:
        np = _np(seg, sentence, ctx, case="genitive")
    if np is None:
        return None
    text = sentence[: toks[i].start].strip(" ,—–-«»")
    if not text:
        return None
    return _quote(np, toks[i].surf, False, text, para, sentence, ctx, learn_last=False)


def _is_dative_role(t: _Tok) -> bool:
    """A role word in the dative («президенту», «журналистам»): its nominative differs."""
    if not _covered_at([t], 0) or not t.norm.endswith(("у", "ю", "ам", "ям", "ому", "ему")):
        return False
    return _role_heads().get(t.norm, t.norm) != t.norm


def _skip_addressee(toks: list[_Tok], p: int) -> int:
    """«заявил агентству Reuters источник»: a role in the dative with its name, followed by
    the speaker, is whom the speaker told. Returns where the speaker phrase starts."""
    n = len(toks)
    cov = _covered_at(toks, p) if p < n else 0
    if not cov or not toks[p].norm.endswith(("у", "ю", "ам", "ям")):
        return p
    if _role_heads().get(toks[p].norm, toks[p].norm) == toks[p].norm:
        return p
    k = p + cov
    if k < n and toks[k].quote != -1:  # «корреспонденту «Чемпионата» нападающий X»
        qi = toks[k].quote
        while k < n and toks[k].quote == qi:
            k += 1
        if k < n and (_COMMA_RE.search(toks[k].gap) or _HARD_PUNCT.search(toks[k].gap)):
            return p
        return k if k < n and (_covered_at(toks, k) or toks[k].surf[:1].isalpha()) else p
    while k < n and k - p < 5 and (_is_name_word(toks[k]) or _is_acronym(toks[k])):
        if _breaks(toks[k]) and toks[k].quote == -1:
            break
        k += 1
    if k < n and not _breaks(toks[k]) and (_covered_at(toks, k) or _is_name_word(toks[k])):
        return k
    return p


def _quoted_in_title(toks: list[_Tok], k: int) -> int:
    """A short quoted name right after a title word and right before a capitalised name
    («тренер «Зенита» Сергей Семак»): the index after the quoted run, else -1."""
    qi = toks[k].quote
    if qi == -1 or k == 0 or toks[k - 1].quote != -1:
        return -1
    prev = toks[k - 1]
    if prev.norm in _OUTLET_HEADS or not any(r.type == "person" for r in _ROLES.get(prev.norm, ())):
        return -1  # «корреспондент «Чемпионата»»: the outlet is the source (_after_np)
    e = k
    while e < len(toks) and toks[e].quote == qi:
        e += 1
    if e - k > 3 or e >= len(toks) or not _is_name_word(toks[e]):
        return -1
    if _COMMA_RE.search(toks[e].gap) or _HARD_PUNCT.search(toks[e].gap):
        return -1
    return e


def _after_np(toks: list[_Tok], j: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """The speaker phrase after a verb: «— заявил на брифинге директор ФСБ Иван Петров в ...».
    Circumstances (adverbs, prepositional phrases) may come first; a name inside a
    prepositional phrase («в интервью Павлу Зарубину») is not the speaker."""
    n = len(toks)
    p = j
    if p < n and toks[p].quote != -1 and toks[p].norm.endswith(_DATIVE_ENDINGS):
        # «как рассказал «Известиям» эксперт Иван Петров»: the outlet addressed (dative)
        qi = toks[p].quote
        k = p
        while k < n and toks[k].quote == qi:
            k += 1
        gap = toks[k].gap if k < n else ""
        if (
            k < n
            and not (_HARD_PUNCT.search(gap) or _COMMA_RE.search(gap))
            and (_covered_at(toks, k) or _is_name_word(toks[k]))
        ):
            j = p = k
    p = j = _skip_addressee(toks, p)
    after_prep = False
    start = -1
    while p < n and p - j < 8:
        t = toks[p]
        if t.quote != -1 or (p > j and _breaks(t)):
            break
        if t.norm in _PRONOUNS:
            return ctx.last if not after_prep else None
        if t.norm in _HONORIFICS:
            p += 1
            continue
        if _covered_at(toks, p) and not (after_prep and t.norm.endswith(_OBLIQUE_ENDINGS)):
            start = p
            break
        if _is_name_word(t) or _is_acronym(t):
            known = " ".join(x.norm for x in toks[p : p + 1]) in ctx.by_surname
            if not after_prep or known:
                start = p
                break
        if t.norm in _PREPOSITIONS:
            after_prep = True
        elif not t.surf[:1].islower():
            after_prep = False
        p += 1
    if start != -1 and toks[start].norm in _STATEMENT_NOUNS:
        return None  # «прокомментировал слова X»: X is the author of those words, not the verb's
    if start == -1:
        if 0 < p < n and toks[p].quote != -1 and toks[p - 1].norm in _BODY_HEADS:
            np = _quoted_outlet(toks, toks[p].quote, sentence)  # «сообщает компания «X»»
            if np is not None:
                np.kind = _BODY_HEADS[toks[p - 1].norm]
            return np
        if j < n and toks[j].quote != -1 and p == j:
            return _quoted_outlet(toks, toks[j].quote, sentence)  # «— передаёт «Интерфакс»»
        return None
    q = start
    seen_name = False
    lower_run = 0
    skipped = -1
    while q < n:
        t = toks[q]
        if t.quote != -1 and q > start and not seen_name:
            e = _quoted_in_title(toks, q)
            if e != -1:  # «главный тренер «Зенита» Сергей Семак»: the club is the title's
                q = skipped = e
                continue
        if q > start and q != skipped and _breaks(t) or t.quote != -1 or t.norm in _PREPOSITIONS:
            break
        cov = _covered_at(toks, q)
        if cov and not seen_name:
            q += cov
            lower_run = 0
            continue
        nxt = toks[q + 1] if q + 1 < n else None
        if (
            _is_name_word(t)
            and not seen_name
            and t.norm.endswith(_ADJECTIVE_ENDINGS)
            and nxt is not None
            and nxt.surf[:1].islower()
            and not _breaks(nxt)
        ):
            q += 1  # «губернатор Оренбургской области»: a place adjective inside the title
            continue
        if _is_name_word(t) or _is_acronym(t) or t.norm in ("да", "де", "фон", "ван", "аль"):
            seen_name = seen_name or _is_name_word(t)
            q += 1
            continue
        if t.norm in _HONORIFICS:
            q += 1
            continue
        if seen_name or lower_run >= 3 or t.norm in _adverbs():
            break
        lower_run += 1
        q += 1
    seg = [t for t in toks[start:q] if t.norm not in _HONORIFICS]
    while seg and seg[-1].surf[:1].islower() and not _role_covered(seg)[-1]:
        seg.pop()
    if not seg:
        return None
    # «корреспондент «Ленты.ру»», «агентство «Интерфакс»»: the outlet named in quotes.
    if q < n and toks[q].quote != -1 and seg[-1].norm in _OUTLET_HEADS:
        return _quoted_outlet(toks, toks[q].quote, sentence)
    # «компания «Северсталь»», «госкорпорация «Ростех»»: the body named in quotes.
    if q < n and toks[q].quote != -1 and seg[-1].norm in _BODY_HEADS:
        np = _quoted_outlet(toks, toks[q].quote, sentence)
        if np is not None:
            np.kind = _BODY_HEADS[seg[-1].norm]
        return np
    return _np(seg, sentence, ctx, case="")


def _quoted_outlet(toks: list[_Tok], qi: int, sentence: str) -> _NP | None:
    """An outlet named in quotes, in the nominative («Ленты.ру» -> Лента.ру)."""
    words = [t for t in toks if t.quote == qi]
    if not words or len(words) > 4 or not words[0].surf[:1].isupper():
        return None
    raw = sentence[words[0].start : words[-1].end]
    head = re.match(r"[A-Za-zА-ЯЁа-яё]+", raw)
    if head:
        raw = nominative_name(head.group(0)) + raw[head.end() :]
    return _NP(name=raw, kind="media", body=True)


def _learn_mentions(paragraph: str, ctx: _Ctx) -> None:
    """People named with a title in any sentence («Министр Антон Лебедев выступил ...»), so
    that a later bare surname or title resolves to them even when they spoke later."""
    if not _MENTION_HINT_RE.search(paragraph):
        return
    toks, _ = _tokens(paragraph)
    for tok in toks:
        tok.norm = _fold(tok.norm)
    n = len(toks)
    for p in range(n - 1):
        t = toks[p]
        if t.quote != -1 or not any(r.type == "person" for r in _ROLES.get(t.norm, ())):
            continue
        q = p + 1
        verbs = _verbs()
        while q < n and q - p <= 6 and not _breaks(toks[q]) and not _is_name_word(toks[q]):
            w = toks[q].norm
            if w in verbs or w in _STATEMENT_NOUNS or w in _PREPOSITIONS or w in _adverbs():
                break  # «Министр прокомментировал слова X»: X is not the minister
            q += 1
        e = q
        while e < n and e - q < 3 and _is_name_word(toks[e]) and not _breaks(toks[e]):
            e += 1
        if e - q >= 2 and toks[q].quote == -1:
            # «президента России Владимира Путина»: a title in the genitive (its nominative
            # is a role too) puts the name in the genitive; other oblique cases are skipped.
            case = ""
            if t.norm[-1:] in "ая" and t.norm[:-1] in _ROLES:
                case = "genitive"
            elif t.norm[-1:] in "уюеи" or t.norm.endswith(("ом", "ем", "ой")):
                continue
            np = _np(toks[p:e], paragraph, ctx, case=case)
            if np is not None and not np.body and " " in np.name:
                ctx.learn(np)


def _before_np(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """The subject before a verb: the trailing role and name phrase of the clause, without
    adverbs at its edges («Ранее глава МИД Сергей Лавров также заявил»)."""
    start = i
    while start > 0 and not (
        _COMMA_RE.search(toks[start].gap) or _HARD_PUNCT.search(toks[start].gap)
    ):
        if toks[start - 1].quote != -1:
            k = start - 1
            while k > 0 and toks[k - 1].quote == toks[start - 1].quote:
                k -= 1
            if k > 0 and start < i and _quoted_in_title(toks, k) == start:
                start = k  # «Главный тренер «Спартака» Деян Станкович поделился»
                continue
            break
        start -= 1
    seg = toks[start:i]
    adverbs = _adverbs()
    while seg and seg[-1].norm in adverbs:
        seg = seg[:-1]
    if not seg:
        return None
    if seg[-1].norm in _PRONOUNS:
        return ctx.last
    d = next((k for k in range(1, min(len(seg), 4)) if any(c in seg[k].gap for c in "—–")), 0)
    if d and seg[d].surf[:1].islower() and all(_is_name_word(x) for x in seg[:d]):
        # «Иван Сидоров — адвокат обвиняемого Петра Козлова заявил»: the name before the dash
        np = _np(seg[:d], sentence, ctx, case="")
        if np is not None:
            np.role = np.role or sentence[seg[d].start : seg[-1].end]
            kind, _ = _kind_of(seg[d : d + 2], _ROLES, prefer_person=True)
            np.kind = kind or np.kind
            return np
    for p in range(len(seg)):  # «В Кремле заявили», «Об этом в пресс-службе МЧС сообщили»
        found = _in_body(seg, p, sentence) if seg[p].norm in _IN else None
        if (
            found
            and found[1] == len(seg)
            and all(
                x.norm in _not_names() and not _covered_at(seg, k) for k, x in enumerate(seg[:p])
            )
        ):
            return found[0]
        if found and found[1] == len(seg) and p > 0 and _covered_at(seg, p - 1):
            head = _ROLES.get(seg[p - 1].norm, ())
            if any(r.type == "group" for r in head):  # «Источник в правительстве сообщил»
                name = sentence[seg[p - 1].start : seg[-1].end]
                return _NP(name=name, kind="anonymous", affiliation=found[0].affiliation)
    cov = _role_covered(seg)
    q = len(seg)
    while q > 0 and not cov[q - 1] and _is_name_word(seg[q - 1]) and len(seg) - q < 3:
        q -= 1
    r = q
    while r > 0:
        t = seg[r - 1]
        if cov[r - 1] or _is_acronym(t) and any(cov[:r]):
            r -= 1
            continue
        if r >= 2 and cov[r - 2] and _is_name_word(t) and t.norm.endswith(("а", "я", "и", "ы")):
            r -= 1  # «Президент Турции Реджеп Тайип Эрдоган»: a genitive body after the title
            continue
        if (
            _is_name_word(t)
            and t.norm.endswith(_ADJECTIVE_ENDINGS)
            and r < q
            and seg[r].surf[:1].islower()
            and any(cov[max(0, r - 5) : r - 1])
        ):
            r -= 1  # «Губернатор Оренбургской области Денис Паслер»: a place adjective
            continue
        if (
            t.surf[:1].islower()
            and t.norm not in _PREPOSITIONS
            and t.norm not in adverbs
            and any(cov[max(0, r - 5) : r - 1])
        ):
            r -= 1
            continue
        break
    if r == len(seg):
        return None
    if r == len(seg) - 1 and _is_dative_role(seg[r]):
        return None  # «Президенту доложил глава МЧС»: the one told, not the subject
    seg = seg[r:]
    while len(seg) > 1 and seg[-1].surf[:1].islower() and seg[-1].norm.endswith(("ами", "ями")):
        seg = seg[:-1]  # «ЦБ всеми силами намекал»: a manner adverbial, not the subject
    while len(seg) > 1 and seg[-1].norm in ("всеми", "всем", "всей"):
        seg = seg[:-1]
    return _np(seg, sentence, ctx, case="")


def _before_circumstance(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«Министр Олег Петров на брифинге заявил», «X в интервью журналу «Y» рассказал»: the
    subject before a prepositional phrase of circumstance that precedes the verb."""
    verbs = _verbs()
    k = i - 1
    while k > 0 and i - k <= 8:
        t = toks[k]
        if t.norm in verbs or t.norm == "что":
            return None
        prev = toks[k - 1]
        if (
            t.norm in _PREPOSITIONS
            and t.quote == -1
            and prev.quote == -1
            and (_is_name_word(prev) or _is_acronym(prev))
            and not (_COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap))
        ):
            return _before_np(toks, k, sentence, ctx)
        if _COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap):
            return None
        k -= 1
    return None


def _quoted_name_before(toks: list[_Tok], i: int) -> bool:
    """«в интервью журналу «Наш мир» рассказал»: a short quoted name inside the clause (after
    a lower-case word, no comma or dash before the verb) is no statement before the verb."""
    qi = toks[i - 1].quote
    k = i - 1
    while k > 0 and toks[k - 1].quote == qi:
        k -= 1
    return (
        i - k <= 4
        and k > 0
        and toks[k - 1].quote == -1
        and toks[k - 1].surf[:1].islower()
        and not (_COMMA_RE.search(toks[k].gap) or _HARD_PUNCT.search(toks[k].gap))
    )


def _before_apposition(toks: list[_Tok], i: int, sentence: str, ctx: _Ctx) -> _NP | None:
    """«Иван Петров, глава комитета, заявил»: a name, then its title between commas."""
    b = i - 1
    while b > 0 and i - b < 7 and not _COMMA_RE.search(toks[b].gap):
        if toks[b].quote != -1 or _HARD_PUNCT.search(toks[b].gap):
            return None
        b -= 1
    if b <= 0 or not _COMMA_RE.search(toks[b].gap) or not _covered_at(toks, b):
        return None
    if not toks[b].surf[:1].islower():
        return None
    a = b - 1
    while a > 0 and b - a < 3 and _is_name_word(toks[a - 1]) and not _breaks(toks[a]):
        a -= 1
    if not all(_is_name_word(t) for t in toks[a:b]):
        return None
    bounded = a == 0 or _COMMA_RE.search(toks[a].gap) or _HARD_PUNCT.search(toks[a].gap)
    if not bounded and toks[a - 1].norm not in _adverbs() | _not_names():
        return None
    np = _np(toks[a:b], sentence, ctx, case="")
    if np is None:
        return None
    np.role = np.role or sentence[toks[b].start : toks[i - 1].end]
    kind, _ = _kind_of(toks[b:i], _ROLES, prefer_person=True)
    np.kind = kind or np.kind
    return np


def _by_verb(toks, i, quotes, sentence, para, ctx, opinion: bool) -> list[Quote]:
    t = toks[i]
    n = len(toks)
    before_dash = any(d in t.gap for d in _DASHES)
    before_comma = bool(_COMMA_RE.search(t.gap))
    after_quote = i > 0 and toks[i - 1].quote != -1 and not _quoted_name_before(toks, i)
    app = None
    if before_comma and not before_dash and not after_quote:
        app = _before_apposition(toks, i, sentence, ctx)
    if app is None and (before_dash or before_comma or after_quote) and i > 0:
        return _statement_first(toks, i, quotes, sentence, para, ctx, before_dash)
    if i + 1 < n and toks[i + 1].norm in _STATEMENT_NOUNS:
        return []  # «прокомментировал слова X о …»: the content is X's (see _by_statement_noun)
    np = app or _before_np(toks, i, sentence, ctx) or _before_circumstance(toks, i, sentence, ctx)
    if np is None:
        question = i > 0 and toks[0].norm in ("что", "кто", "почему", "зачем") and i <= 2
        pair = None if question else _relayed_body(toks, t, i + 1, sentence, ctx)
        if pair is not None:
            return _relayed_quotes(pair, t.surf, False, sentence.strip(" ."), para, sentence, ctx)
        # «Об этом заявил министр Иван Петров.»: the statement was the sentence before.
        np = _after_np(toks, i + 1, sentence, ctx)
        if np is None:
            return []
        text = sentence.strip(" .")
        out = _as_list(_quote(np, t.surf, False, text, para, sentence, ctx))
        other = _coordinated(toks, t, i + 1, sentence, ctx)
        if other is not None and other.name != np.name:
            out += _as_list(_quote(other, t.surf, False, text, para, sentence, ctx))
        return out
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
    if (
        k < n
        and toks[k].quote != -1
        and not _HARD_PUNCT.search(toks[k].gap)
        and (k == i + 1 or ":" in toks[k].gap or _COMMA_RE.search(toks[k].gap))
    ):
        qs, qe = quotes[toks[k].quote]
        return _as_list(
            _quote(np, t.surf, True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx)
        )
    if k < n and toks[k].norm == "что" and not _HARD_PUNCT.search(toks[k].gap):
        text = sentence[toks[k].end :].strip(" ,.")
        return _as_list(_quote(np, t.surf, False, text, para, sentence, ctx))
    if opinion or i + 1 >= n:
        return []
    text = sentence[toks[i + 1].start :].strip(" .:«»")
    return _as_list(_quote(np, t.surf, False, text, para, sentence, ctx))


def _statement_first(toks, i, quotes, sentence, para, ctx, before_dash: bool) -> list[Quote]:
    """«...», — заявил Лавров. / ..., передаёт ТАСС. / «...», — цитирует его ТАСС."""
    t = toks[i]
    n = len(toks)
    out: list[Quote] = []
    j = i + 1
    quoted: _NP | None = None
    if j < n and toks[j].norm in _POSSESSIVES:
        quoted, j = ctx.last, j + 1  # «цитирует его ТАСС»
    elif j < n and toks[j].norm == "слова":
        e = j + 1
        while e < n and e - j <= 3 and _is_name_word(toks[e]) and not _breaks(toks[e]):
            e += 1
        if e > j + 1:
            quoted = _np(toks[j + 1 : e], sentence, ctx, case="genitive")
            j = e
    else:
        # «— приводит ТАСС слова министра Олега Петрова»: the outlet first, then whose words
        w = next((k for k in range(j + 1, min(n, j + 4)) if toks[k].norm == "слова"), -1)
        gaps = (toks[k].gap for k in range(j + 1, w + 1))
        if w != -1 and not any(_COMMA_RE.search(g) or _HARD_PUNCT.search(g) for g in gaps):
            e = _clause_end(toks, w + 1)
            e = next((k for k in range(w + 1, e) if toks[k].norm in _PREPOSITIONS), e)
            author = _np(toks[w + 1 : e], sentence, ctx, case="genitive") if e > w + 1 else None
            outlet = _np(toks[j:w], sentence, ctx, case="")
            if outlet is None and toks[j].quote != -1:
                outlet = _quoted_outlet(toks, toks[j].quote, sentence)
            last_q = toks[i - 1].quote if i > 0 else -1
            if outlet is not None:
                outlet.body = True
                outlet.kind = outlet.kind if outlet.kind not in ("other", "") else "media"
                if last_q != -1:
                    qs, qe = quotes[last_q]
                    text, direct = sentence[qs + 1 : qe - 1].strip(), True
                else:
                    text, direct = sentence[: toks[i - 1].end].strip(" ,—–-«»"), before_dash
                if author is not None and author.kind != "anonymous":
                    out.extend(_as_list(_quote(author, t.surf, direct, text, para, sentence, ctx)))
                out.extend(
                    _as_list(_quote(outlet, t.surf, False, text, para, sentence, ctx, False))
                )
                return out
    pair = _relayed_body(toks, t, j, sentence, ctx) if quoted is None else None
    np = _after_np(toks, j, sentence, ctx) if pair is None else None
    last_quote = max((qi for qi in range(len(quotes)) if quotes[qi][1] <= t.start), default=-1)
    if last_quote != -1 and toks[i - 1].quote == last_quote:
        qs, qe = quotes[last_quote]
        text, direct = sentence[qs + 1 : qe - 1].strip(), True
    else:
        text, direct = sentence[: toks[i - 1].end].strip(" ,—–-«»"), before_dash
    if pair is not None:
        return _relayed_quotes(pair, t.surf, direct, text, para, sentence, ctx)
    if quoted is not None:
        out.extend(_as_list(_quote(quoted, t.surf, direct, text, para, sentence, ctx)))
        if np is not None:
            np.body = True
            out.extend(_as_list(_quote(np, t.surf, False, text, para, sentence, ctx)))
        return out
    if np is None:
        return []
    out = _as_list(_quote(np, t.surf, direct, text, para, sentence, ctx))
    other = _coordinated(toks, t, j, sentence, ctx)
    if other is not None and other.name != np.name:
        out += _as_list(_quote(other, t.surf, direct, text, para, sentence, ctx))
    return out


_PATRONYMIC_ENDINGS = ("вич", "вна", "чна", "ична", "ич")


def _genitive_body_first(seg: list[_Tok], q: int) -> bool:
    """Three capitalised words after a person's title whose first is in the genitive and
    whose middle is no patronymic: the first names the title's body («директор Эрмитажа
    Михаил Пиотровский»), not the person («Сергей Викторович Лавров» stays whole)."""
    if q == 0 or len(seg) - q != 3:
        return False
    first, middle = seg[q], seg[q + 1]
    if middle.norm.endswith(_PATRONYMIC_ENDINGS) or not first.norm.endswith(("а", "я", "и", "ы")):
        return False
    return any(r.type == "person" for k in range(q) for r in _ROLES.get(seg[k].norm, ()))


def _np(seg: list[_Tok], sentence: str, ctx: _Ctx, case: str) -> _NP | None:
    """Role / name split of a Russian speaker phrase («министр иностранных дел России Сергей
    Лавров»): the name is the trailing run of capitalised words outside role and side words.
    `case` "genitive" or "dative": the name is read back in the nominative."""
    seg = [s for s in seg if s.norm not in _HONORIFICS]
    if not seg:
        return None
    if len(seg) == 1 and seg[0].norm in _PRONOUNS:
        return ctx.last
    if any(s.norm in _DOCUMENTS for s in seg):
        return None
    cov = _role_covered(seg)
    q = len(seg)
    while (
        q > 0 and seg[q - 1].surf[:1].isupper() and not cov[q - 1] and not _is_acronym(seg[q - 1])
    ):
        q -= 1
    if len(seg) - q > 3:
        q = len(seg) - 3
    if _genitive_body_first(seg, q):
        q += 1  # «глава Ростеха Сергей Чемезов»: the body belongs to the title
    role_toks = seg[:q]
    kind, typ = _kind_of(role_toks, _ROLES, prefer_person=q < len(seg)) if role_toks else ("", "")
    np = _NP()
    if q < len(seg):
        words = [s.surf for s in seg[q:]]
        if case == "genitive":
            words = [nominative_name(w) for w in words]
        elif case == "dative":
            words = [_nominative_from_dative(w) for w in words]
        np.name = " ".join(words)
        np.role = _text(role_toks, 0, len(role_toks), sentence) if role_toks else ""
        np.kind = kind or "other"
        # «агентство Reuters»: an outlet named after its kind is a body, not a person.
        np.body = typ == "body" and kind == "media" and len(words) == 1
    elif kind:
        first = _ROLES.get(seg[0].norm, ())
        if any(r.type == "person" for r in first):  # «глава МЧС»: a person, not the body
            kind, typ = next((r.kind, r.type) for r in first if r.type == "person")
        np.name = _name_text(seg, 0, len(seg), sentence)
        if case == "genitive" and np.name.startswith(seg[0].surf):
            # «заявления Европарламента», «со слов главы МЧС»: the head in the nominative
            nom = _role_heads().get(seg[0].norm, "")
            if not nom or nom == seg[0].norm:
                nom = nominative_name(seg[0].surf)
            elif seg[0].surf[:1].isupper():
                nom = nom[:1].upper() + nom[1:]  # «Кремля» -> «Кремль»
            np.name = nom + np.name[len(seg[0].surf) :]
        if case == "dative" and len(seg) >= 1:
            np.name = _nominative_from_dative(seg[0].surf) + np.name[len(seg[0].surf) :]
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
    if np.role.count("«") > np.role.count("»"):
        np.role += "»"  # «тренер «Зенита»»: the closing mark sits before the name
    return np


def _nominative_from_dative(word: str) -> str:
    """«сайту» -> «сайт», «агентству» -> «агентство» is not guessed; proper names and
    undeclined abbreviations stay («ТАСС»)."""
    if word.isupper() or len(word) < 4:
        return word
    if word.endswith(("у", "ю")) and word[-2] not in "аеёиоуыэюя":
        return word[:-1] + ("ь" if word.endswith("ю") else "")
    return word


@cache
def _synonym_classes() -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(_fold(w)[:4] for w in phrase.lower().split()) for phrase in fields)
        for fields in get_pack("ru").fields("speaker_role_synonyms.txt")
    )


def _stems(text: str) -> list[str]:
    toks, _ = _tokens(text)
    return [_fold(t.norm)[:4] for t in toks]


def _title_keys(role: str) -> set[str]:
    """What a title says about the office: its synonym classes, else its role nouns."""
    stems = _stems(role)
    keys: set[str] = set()
    # Only the head of the title counts: «пресс-секретарь президента» is no president.
    for p in range(len(stems)):
        for ci, phrases in enumerate(_synonym_classes()):
            if any(tuple(stems[p : p + len(ph)]) == ph for ph in phrases):
                keys.add(f"class{ci}")
        if keys:
            break
    if not keys:
        toks, _ = _tokens(role)
        for t in toks:
            t.norm = _fold(t.norm)
        keys = {toks[p].norm[:4] for p in range(len(toks)) if _covered_at(toks, p)}
    return keys


def _by_title(np: _NP, ctx: _Ctx) -> _NP | None:
    """The one person named earlier whose title is of the same office as this bare title
    («глава государства» -> «президент России Владимир Путин»); the bare title's own
    qualifiers («глава МЧС») must be in the person's title too. None when no or several
    people fit: a title is never guessed."""
    keys = _title_keys(np.role)
    if not keys:
        return None
    toks, _ = _tokens(np.role)
    qualifiers = [_fold(t.norm)[:4] for t in toks[1:] if t.surf[:1].isupper()]
    found: dict[str, _NP] = {}
    for known in ctx.by_surname.values():
        if known.body or not known.role:
            continue
        if np.affiliation and known.affiliation and np.affiliation != known.affiliation:
            continue
        if not keys & _title_keys(known.role):
            continue
        known_stems = set(_stems(known.role))
        if any(qs not in known_stems for qs in qualifiers):
            continue
        found[known.name] = known
    return next(iter(found.values())) if len(found) == 1 else None


def _as_list(q: Quote | None) -> list[Quote]:
    return [q] if q is not None else []


def _quote(
    np: _NP | None,
    verb: str,
    direct: bool,
    text: str,
    para: int,
    sentence: str,
    ctx: _Ctx,
    learn_last: bool = True,
) -> Quote | None:
    if not text or np is None or not np.name:
        return None
    if np.role and np.role == np.name and not np.body and np.kind != "anonymous":
        hit = _by_title(np, ctx)
        if hit is None and _fold(np.name.lower()) in _epithets() and ctx.last is not None:
            hit = ctx.last  # «— подчеркнул дипломат»: the person just quoted
        if hit is not None:
            np = _NP(hit.name, hit.role, hit.kind, hit.affiliation or np.affiliation, False, True)
    if np.body:
        full = _full_body_name(np.name, getattr(ctx, "ru_seen", ""))
        if full:
            np = _NP(full, np.role, np.kind, np.affiliation, True, np.known)
    voice = getattr(ctx, "ru_last_voice", None)
    spoke_for = False
    if np.kind == "anonymous" and voice is not None and _is_interlocutor(np.name, sentence):
        np = voice  # «— уточнил собеседник агентства»: the voice the outlet just quoted
        spoke_for = True
    np = ctx.resolve(np)
    ctx.learn(np)
    if (not np.body or spoke_for) and learn_last:
        ctx.last = np  # «сказал он»: the last person (or the interlocutor speaking for a body)
    if learn_last and np.kind not in ("media", "anonymous"):
        ctx.ru_last_voice = np  # type: ignore[attr-defined]
    return quote_of(np, verb, direct, text, para, sentence)


@cache
def _body_classes() -> tuple[tuple[str, frozenset[str], re.Pattern[str]], ...]:
    """speaker_body_synonyms.txt: (full name, its other names, a pattern of the full name in
    any case: each word's stem without its last letter)."""
    pack = get_pack("ru")
    if not pack.has_lexicon("speaker_body_synonyms.txt"):
        return ()
    out = []
    for fields in pack.fields("speaker_body_synonyms.txt"):
        full = fields[0]
        names = frozenset(_fold(f.lower()) for f in fields)
        words = [_fold(w.lower()) for w in full.split()]
        stems = [re.escape(w[:-1] if len(w) > 4 else w) + r"\w*" for w in words]
        out.append((full, names, re.compile(r"(?<!\w)" + r"\s+".join(stems))))
    return tuple(out)


def _full_body_name(name: str, seen: str) -> str:
    """«Центробанк», «ЦБ», «регулятор» -> «Банк России» when the article has named it so."""
    low = _fold(name.lower())
    words = low.split()
    if not words:
        return ""
    head = _role_heads().get(words[0], words[0])
    forms = {low, " ".join([head, *words[1:]])}
    for full, names, rx in _body_classes():
        if forms & names and _fold(full.lower()) not in forms and rx.search(seen):
            return full
    return ""


_INTERLOCUTOR_RE = re.compile(
    r"(?i)собеседни(?:к|ца)\s+(?:агентства|издания|газеты|телеканала|портала|радиостанции)"
)


def _is_interlocutor(name: str, sentence: str) -> bool:
    """«собеседник агентства / издания / газеты»: the outlet's interlocutor."""
    return _fold(name.lower()).startswith("собеседни") and bool(_INTERLOCUTOR_RE.search(sentence))
