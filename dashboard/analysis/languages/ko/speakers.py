"""Korean attribution rules: the reporting constructions of news Korean.

- 러시아 블라디미르 푸틴 대통령은 "..."라고 말했다.     (subject with 은/는/이/가, quote + 라고)
- 이 총재는 "..."며 "..."고 밝혔다.                      (two quotes: 며 joins them; two statements)
- 장호진 국가안보실장은 ... 계속하겠다고 밝혔다.         (reported speech ending in 다고/라고)
- 연합뉴스에 따르면 ...                                 (according to X)
- [서울=뉴시스] ... / [포쓰저널] ...                    (the dispatch's dateline credit: a source)
- 그는 ... 강조했다. / 이어 "..."고 덧붙였다.            (pronoun or no subject: the last speaker)
- 김이배 제주항공 대표 "..."                             (a headline: name, title, quote)

Titles follow names (윤석열 대통령, 김재준 삼성전자 메모리사업부 실장): the speaker is the name,
the institution and title are the role. A Korean name is one word of two to four syllables
beginning with a family name (`surnames.txt`); a later "이 총재" / "김 장관" (family name and
title) resolves to the full name met earlier in the article. Particles are stripped from the
subject (대통령은 -> 대통령); a parenthesis glued to a word (대표(사장)는) is read around.
Quotes in "...", “...” and ‘...’. Lexicons (this folder): reporting_stems.txt,
speaker_titles.txt, speaker_adverbs.txt, org_suffixes.txt, surnames.txt, speaker_roles.txt,
affiliations.txt.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.languages.ko import PARTICLES, strip_particle
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
    quote_of,
    roles,
)
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

_ROLES = roles("ko")
_PRONOUNS = frozenset({"그는", "그녀는", "그가", "그녀가", "그들은", "그도", "그녀도"})
_SUBJECT_PARTICLES = ("께서는", "께서", "은", "는", "이", "가")
# ‘...’ read as “...”: same length, so offsets into the sentence stay valid.
_SINGLE_QUOTES_RE = re.compile(r"‘([^‘’]*)’")
# A parenthesis glued to a word before its particle («대표(사장)는», «CEO(최고경영자)가»): the
# particle is moved onto the word and the parenthesis blanked, keeping every offset.
_GLUED_PAREN_RE = re.compile(
    r"(?<=[가-힣A-Za-z])(\([^()\"“”]{1,30}\))(께서는|께서|은|는|이|가|도)?"
)
# The dispatch credit opening a paragraph: «[서울=뉴시스]», «[포쓰저널]», «(서울=연합뉴스)».
# A reporter's byline may follow: «(서울=연합뉴스) 김철수 기자 =» (the reporter is no speaker).
_DATELINE_RE = re.compile(
    r"^\s*[\[(【](?:([가-힣A-Za-z ]{1,12})=)?\s*([가-힣A-Za-z0-9 ]{2,14}?)\s*[\])】]"
    r"(?:\s*[가-힣·, ]{2,24}?\s*(?:기자|특파원)\s*=)?"
)
# A rubric in brackets opening a headline: «[단독]», «[속보]», «[누리호 성공]», «【르포】».
_RUBRIC_RE = re.compile(r"^\s*[\[【][^\]】=]{1,20}[\]】]")
# "…다.다음" (no space after a full stop): a sentence boundary the splitter does not see.
_GLUED_STOP_RE = re.compile(r"(?<=다\.)(?=[가-힣“\"‘])")
# Quotative markers right after a closing quote: the quote is speech.
_QUOTATIVES = frozenset(
    {
        "라고",
        "이라고",
        "고",
        "며",
        "면서",
        "라며",
        "이라며",
        "라면서",
        "이라면서",
        "면서도",
        "라면서도",
        "이라면서도",
        "라고도",
        "고도",
        "하며",
        "하면서",
    }
)
# «이같이 밝혔다»: the statement is the lead paragraph before it.
_AS_SUCH = frozenset({"이같이", "이렇게", "이와같이"})
# «“…”는 입장을 밝혔다»: a quote that names a stance, a view or a message, then its verb.
_NOUN_QUOTATIVES = frozenset({"는", "라는", "이라는"})
_STANCE_NOUNS = frozenset(
    {
        "입장을",
        "입장이다",
        "뜻을",
        "의견을",
        "말을",
        "메시지를",
        "취지로",
        "취지의",
        "견해를",
        "글을",
    }
)
# «“…”라는 글을 올렸다»: a post on social media.
_POSTED = ("올렸", "남겼", "게시했", "썼")
# Quotative endings of reported speech, and what the clause reads as without them.
# «비가 내릴 것으로 예보했다»: a forecast or estimate stated with 것으로 (what it will be).
_QUOTATIVE = (
    ("이라고", "이다"),
    ("다고", "다"),
    ("라고", "다"),
    ("냐고", "냐"),
    ("자고", "자"),
    ("것으로", "것"),
)
# «…라고 했다» / «…고 했다»: 했다 reports speech only right after a quotative.
_SAID_AFTER_QUOTATIVE = ("했다", "했습니다", "했고", "했으며", "한다", "합니다")
# «8일 삼성전자에 따르면»: the unit word after a number is no part of a name.
_DATE_UNITS = frozenset({"일", "월", "년", "시", "분", "시께", "일께"})
_VERB_ENDINGS = ("다", "습니다", "으나", "지만", "며", "고", "는데", "면서")


@cache
def _lex(name: str) -> tuple[str, ...]:
    return get_pack("ko").lines(name)


@cache
def _stems() -> tuple[str, ...]:
    return _lex("reporting_stems.txt")


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(_lex("speaker_titles.txt"), key=len, reverse=True))


@cache
def _adverbs() -> frozenset[str]:
    return frozenset(_lex("speaker_adverbs.txt"))


@cache
def _org_suffixes() -> tuple[str, ...]:
    return _lex("org_suffixes.txt")


@cache
def _surnames() -> frozenset[str]:
    return frozenset(_lex("surnames.txt"))


@cache
def _known_words() -> frozenset[str]:
    """Words of the lexicons that must not lose a final syllable that looks like a particle."""
    words = {w for entries in _ROLES.values() for e in entries for w in e.words}
    words |= {f[0] for f in get_pack("ko").fields("affiliations.txt")}
    words |= set(_titles())
    return frozenset(words)


def _is_hangul(word: str) -> bool:
    return bool(word) and all("가" <= c <= "힣" for c in word)


def _is_korean_name(word: str, min_len: int = 3) -> bool:
    """A Korean personal name: 3 (or min_len) to 4 syllables, a family name first, not a lexicon word, not an
    institution («소방청», «국방부»), not a title («대통령»)."""
    return (
        _is_hangul(word)
        and min_len <= len(word) <= 4
        and (word[0] in _surnames() or word[:2] in _surnames())
        and word not in _known_words()
        and word not in _adverbs()
        and not _is_title(word)
        and (not word.endswith(_org_suffixes()) or _name_in_won(word))
        and not word.endswith("들")  # a plural (주민들, 전문가들) is no one's name
    )


# Adjective stems whose 이-form is an adverb (없이, 같이, 깊이, 많이, 높이, 굳이).
_ADVERB_STEMS = ("없", "같", "깊", "많", "높", "굳")


# 원 ends institutions (감사원, 국정원) and many given names (재원, 지원, 상원): a three-syllable
# word in 원 after one of the commonest family names is a name, unless one of these.
_COMMON_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송유홍전고문양손배백허남")
_WON_NOUNS = frozenset({"조사원", "조합원", "정회원", "한의원", "안내원", "전문원", "고용원"})


def _name_in_won(word: str) -> bool:
    return (
        len(word) == 3
        and word.endswith("원")
        and word[0] in _COMMON_SURNAMES
        and word not in _WON_NOUNS
        and word not in _ROLES
    )


def _has_batchim(syllable: str) -> bool:
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 != 0


def _subject_head(tok_norm: str, prev: _Tok | None) -> str | None:
    """The word without its subject particle, if the particle fits the sound before it: 이/은
    follow a final consonant (청장은, 훼손이), 가/는 a vowel (대표는); «타이베이» has none.
    A Latin word takes its particle as a separate token («CEO» «는»)."""
    if tok_norm in ("은", "는", "이", "가") and prev is not None and prev.norm.isascii():
        return prev.norm
    for particle in _SUBJECT_PARTICLES:
        if not tok_norm.endswith(particle) or len(tok_norm) <= len(particle):
            continue
        head = tok_norm[: -len(particle)]
        if particle in ("은", "이") and not _has_batchim(head[-1]) and not head[-1].isascii():
            return None
        if particle == "이" and head.endswith(_ADVERB_STEMS):
            return None  # «차질없이», «이같이», «깊이»: an adverb, not a subject
        if particle in ("는", "가") and _has_batchim(head[-1]):
            return None
        if particle == "는" and head.endswith("에서") and len(head) >= 4:
            # «경호처에서는 “…”고 답했다»: an institution speaks through 에서는.
            body = head[:-2]
            if body.endswith(_org_suffixes()) and len(body) >= 2:
                return body
        if head.endswith(("에", "에서", "으로", "로", "에게", "와", "과", "서", "하고")):
            return None  # «질문에는», «회의에서는»: a topic, not a speaker
        return head
    return None


def _is_title(word: str) -> bool:
    """A title: a lexicon role, a word ending in a title (국가안보실장), or a head of a unit
    (부문장, 본부장, 센터장: three syllables or more ending in 장 that do not begin with a
    family name, which would make them a name)."""
    return (
        word in _ROLES
        or word.endswith(_titles())
        or (
            len(word) >= 3
            and word.endswith("장")
            and _is_hangul(word)
            and word[0] not in _surnames()
        )
    )


def _is_body(word: str) -> bool:
    return any(r.type != "person" for r in _ROLES.get(word, ())) or (
        len(word) >= 2 and word.endswith(_org_suffixes())
    )


def _body_kind(word: str) -> str:
    """The kind of an institution named by its ending: a news outlet, a state body
    (ministries 부, agencies 청/처, courts 법원/재판소, committees 위원회) or else an
    organisation (a company, a club)."""
    if word.endswith(("통신", "뉴스", "일보", "신문", "방송")):
        return "media"
    if word.endswith(("부", "청", "처", "위원회", "법원", "재판소", "실", "군")):
        return "state"
    return "organisation"


def _is_verb(word: str) -> bool:
    return word.startswith(_stems()) and word.endswith(_VERB_ENDINGS + ("기도",))


# --------------------------------------------------------------------------- paragraph


def attribute_paragraph(paragraph: str, para: int, ctx: _Ctx) -> list[Quote]:
    """Attributed statements of one Korean paragraph."""
    out: list[Quote] = []
    paragraph = _blank_chrome(paragraph)
    ctx.ko_prev_text = getattr(ctx, "ko_text", "")  # type: ignore[attr-defined]
    ctx.ko_text = paragraph.strip()  # type: ignore[attr-defined]
    credit = _dateline(paragraph, para, ctx)
    if credit is not None:
        out.append(credit)
    else:  # «[단독]», «[누리호 성공]»: a headline's rubric is no part of its subject
        paragraph = _RUBRIC_RE.sub(lambda m: " " * len(m.group(0)), paragraph, count=1)
    _learn_names(paragraph, para, ctx)
    said = _broadcast_quote(paragraph, para, ctx)
    if said is not None:
        return [*out, said]
    has_quote = any(c in paragraph for c in '"“”‘’')
    if not has_quote and "따르면" not in paragraph and not any(s in paragraph for s in _stems()):
        return out
    if credit is not None:  # the credit is no part of the first sentence's subject
        paragraph = (
            " " * len(_DATELINE_RE.match(paragraph).group(0))
            + paragraph[len(_DATELINE_RE.match(paragraph).group(0)) :]
        )
    at = 0
    for chunk in _sentences(paragraph):
        for sentence in _GLUED_STOP_RE.split(chunk):
            if sentence.strip():
                found = paragraph.find(sentence.strip()[:12], at)
                at = found if found >= 0 else at
                ctx.ko_sent_at = at  # type: ignore[attr-defined]
                ctx.ko_para = para  # type: ignore[attr-defined]
                out.extend(_sentence(sentence, para, ctx))
    return out


@cache
def _chrome_re() -> re.Pattern[str] | None:
    phrases = sorted(_lex("page_chrome.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases))) if phrases else None


def _blank_chrome(paragraph: str) -> str:
    """Page controls («이미지 확대보기») blanked with spaces, keeping every offset."""
    chrome = _chrome_re()
    return chrome.sub(lambda m: " " * len(m.group(0)), paragraph) if chrome else paragraph


# A broadcast transcript's sound bite: «[김민수/서울시 주민 : 비가 이렇게 온 건 처음이에요.]».
_BROADCAST_RE = re.compile(
    r"^\s*\[\s*(?P<name>[가-힣A-Za-z][가-힣A-Za-z ]{0,14}?)\s*/\s*(?P<role>[^:\]/]{1,40}?)\s*:"
    r"\s*(?P<text>[^\]]+?)\s*\]?\s*$"
)


def _broadcast_quote(paragraph: str, para: int, ctx: _Ctx) -> Quote | None:
    m = _BROADCAST_RE.match(paragraph)
    if not m:
        return None
    name, role = m["name"].strip(), m["role"].strip()
    role_toks = [_Tok(w, w, 0, 0, " ", -1) for w in role.split()]
    kind = _kind_of(role_toks, _ROLES, prefer_person=True)[0] or (
        "official" if _is_title(role_toks[-1].norm) else "other"
    )
    if kind == "anonymous":
        kind = "citizen"  # «주민», «시민» with a name: a named private person
    np = _NP(name=name, role=role, kind=kind)
    return _quote(np, "", True, m["text"].strip(), para, paragraph, ctx)


def _sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, never cut inside a quote: the splitter cuts «"… 있었다. 잘
    싸웠다고 생각한다"며» at the full stop inside straight quotes."""
    out: list[str] = []
    buf = ""
    for piece in split_sentences(paragraph):
        buf = f"{buf} {piece}" if buf else piece
        if buf.count('"') % 2 == 0 and buf.count("“") <= buf.count("”"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def _dateline(paragraph: str, para: int, ctx: _Ctx) -> Quote | None:
    """«[서울=뉴시스] ...» or «[포쓰저널] ...»: the outlet credited with the dispatch."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    outlet = m.group(2).strip()
    is_outlet = bool(m.group(1)) or outlet.endswith(
        ("뉴스", "일보", "신문", "저널", "통신", "방송", "경제", "투데이", "뉴시스", "데일리")
    )
    if not is_outlet or not _is_hangul(outlet.replace(" ", "")) and not m.group(1):
        return None
    np = _NP(name=outlet, role="", kind="media", body=True)
    text = paragraph[m.end() :].strip()
    if not text:
        return None
    bracket = re.match(r"\s*[\[(【][^\])】]*[\])】]", paragraph)
    cue = bracket.group(0).strip() if bracket else m.group(0).strip()
    return _quote(np, cue, False, text, para, paragraph, ctx)


def _names_of(ctx: _Ctx) -> dict[str, str]:
    """Full names met in this article, by family name (Korean) or last word (foreign)."""
    names = getattr(ctx, "ko_names", None)
    if names is None:
        names = {}
        ctx.ko_names = names  # type: ignore[attr-defined]
    return names


def _learn_names(paragraph: str, para: int, ctx: _Ctx) -> None:
    """«조규홍 보건복지부 장관이 ...»: a Korean name followed (within three words) by a title,
    anywhere in the text, so that a later «조 장관은» resolves to it even when the first
    mention says nothing."""
    for m in _PANEL_NAME_RE.finditer(paragraph):
        # «서울중앙지법 형사1부(부장판사 …)는»: a later «재판부» or «1부» is this panel.
        panel = re.sub(r"\s+", " ", m.group(0))
        seen = getattr(ctx, "ko_panels", [])
        panel = next((q for q in reversed(seen) if q.endswith(panel)), panel)
        ctx.ko_panels = [*seen, panel]  # type: ignore[attr-defined]
        ctx.ko_panel = panel  # type: ignore[attr-defined]
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", paragraph)]
    raw = [w.strip('"“”‘’()[],.') for _, w in spans]
    words = [strip_particle(w, _known_words()) for w in raw]
    names = _names_of(ctx)
    mentions = _mentions_of(ctx)
    for i, w in enumerate(words):
        if i + 1 < len(raw) and raw[i + 1].rstrip(",=|") in _BYLINE_TITLES:
            continue  # «정은지 기자, 이기범 기자»: the reporters' byline names no speaker
        titled = False
        for j in range(i + 1, min(i + 4, len(words))):
            if raw[j - 1].endswith((".", "다")) or words[j - 1] in _adverbs():
                break  # the title must follow in the same phrase («…이같이 말했다. 이 대표는»)
            if _is_title(words[j]):
                titled = True
                break
        if titled and _is_korean_name(raw[i]) and raw[i] != w and len(raw[i]) == 3:
            names.setdefault(raw[i][0], raw[i])  # «정다은 차관»: 은 is part of the name
            continue
        if _is_korean_name(w) and len(w) >= 3:
            if titled:
                names.setdefault(w[0], w)
            before = paragraph[
                : spans[i][0] + len(spans[i][1]) - len(spans[i][1].lstrip('"“”‘’(['))
            ]
            outside = before.count('"') % 2 == 0 and before.count("“") <= before.count("”")
            if _subject_head(raw[i], None) == w and outside:
                # «손흥민은 … 했다»: a later «그는» may mean them even before they speak.
                mentions.append(((para, spans[i][0]), w))


# The reporter's own title in a byline: a name right before it is never a speaker met.
_BYLINE_TITLES = frozenset({"기자", "특파원", "앵커"})


def _mentions_of(ctx: _Ctx) -> list[tuple[tuple[int, int], str]]:
    """Persons met as the subject of a sentence (outside quotes), with where: (paragraph,
    offset)."""
    mentions = getattr(ctx, "ko_mentions", None)
    if mentions is None:
        mentions = []
        ctx.ko_mentions = mentions  # type: ignore[attr-defined]
    return mentions


def _pronoun_referent(ctx: _Ctx, here: tuple[int, int]) -> _NP | None:
    """«그는»: the person last spoken of before it, speaking or not: the last speaker unless a
    person was the subject of a sentence since they spoke («김 선수는 … 않았다. 그는 “…”»)."""
    mention = next((m for m in reversed(_mentions_of(ctx)) if m[0] < here), None)
    last = ctx.last
    if mention is not None and (
        last is None
        or (mention[0] > getattr(ctx, "ko_last_pos", (-1, 0)) and mention[1] != last.name)
    ):
        return _NP(name=mention[1], kind="other")
    return last


# --------------------------------------------------------------------------- sentence


def _sentence(sentence: str, para: int, ctx: _Ctx) -> list[Quote]:
    work = _SINGLE_QUOTES_RE.sub(lambda m: f"“{m.group(1)}”", sentence)
    work = _GLUED_PAREN_RE.sub(lambda m: (m.group(2) or "") + " " * len(m.group(1)), work)
    toks, quotes = _tokens(work)
    toks = _merge_panels(toks, work)
    toks = _merge_latin_hangul(toks, work)
    n = len(toks)
    out: list[Quote] = []
    start_at = 0
    # «X에 따르면 ...»: X is the source; the rest of the sentence may name a speaker too.
    for i, t in enumerate(toks):
        if t.quote == -1 and t.norm == "따르면" and i > 0 and toks[i - 1].norm.endswith("에"):
            q = _according_to(toks, i, sentence, para, ctx)
            if q is not None:
                out.append(q)
            start_at = i + 1
            break
    # Direct speech: every quote followed by a quotative (“…”라고, “…”며, “…”고).
    chunks: list[tuple[int, int]] = []  # (quote index, token index of its quotative)
    for k in range(start_at, n - 1):
        if toks[k].quote != -1 and toks[k + 1].quote == -1 and toks[k + 1].norm in _QUOTATIVES:
            chunks.append((toks[k].quote, k + 1))
        elif (
            toks[k].quote != -1
            and toks[k + 1].quote == -1
            and toks[k + 1].norm in _NOUN_QUOTATIVES
            and k + 2 < n
            and toks[k + 2].norm in _STANCE_NOUNS
        ):
            # «“…”는 입장을 밝혔다», «“…”라는 뜻을 전했다»: the quote is the stance stated.
            chunks.append((toks[k].quote, k + 1))
        elif (
            toks[k].quote != -1
            and toks[k + 1].quote == -1
            and toks[k + 1].norm in ("을", "를")
            and k + 2 < n
            and _is_verb(toks[k + 2].norm)
        ):
            # «“즉각 휴전”을 촉구했다»: the quote is what the verb asks or stresses.
            chunks.append((toks[k].quote, k + 1))
    if chunks:
        first_quote_tok = next(k for k in range(n) if toks[k].quote == chunks[0][0])
        found = None
        if all(t.norm in _adverbs() for t in toks[start_at:first_quote_tok]):
            # «“…”라고 최 장관은 말했다»: the quote first, its speaker after it.
            found = _subject_after(toks, chunks[-1][1] + 1, ctx)
        if found is None:
            found = _subject(toks, start_at, first_quote_tok, ctx, direct=True, para=para)
        if found is None:
            return out
        np = found[0]
        prev_end = -1
        for idx, (qi, qk) in enumerate(chunks):
            last = idx == len(chunks) - 1
            if idx:
                # «…”고 말했고, 김 위원장은 “…”라고 화답했다»: a new subject between two
                # quotes speaks the second one.
                q_first = next(k for k in range(n) if toks[k].quote == qi)
                for k in range(prev_end + 1, q_first):
                    if toks[k].quote == -1 and toks[k].norm.endswith(_SUBJECT_PARTICLES):
                        other = _subject_at(toks, prev_end + 1, k, ctx, direct=True)
                        if other is not None:
                            np = other
                            break
            prev_end = qk
            verb = toks[qk].surf
            if last and found[1] > qk:  # «“…”라고 최 장관은 말했다»: the verb after the subject
                verb = next((t.surf for t in toks[found[1] :] if _is_verb(t.norm)), verb)
            if (
                toks[qk].norm in _NOUN_QUOTATIVES
                and qk + 2 < n
                and (
                    _is_verb(toks[qk + 2].norm)
                    or (toks[qk + 1].norm == "글을" and toks[qk + 2].norm.startswith(_POSTED))
                )
            ):
                verb = f"{toks[qk + 1].surf} {toks[qk + 2].surf}"  # «입장을 밝혔다»
            after = toks[qk + 1] if qk + 1 < n and toks[qk + 1].quote == -1 else None
            if after is not None and (
                _is_verb(after.norm) or (last and after.norm in _SAID_AFTER_QUOTATIVE)
            ):
                verb = after.surf
            qs, qe = quotes[qi]
            q = _quote(np, verb, True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx)
            if q is not None:
                out.append(q)
            if (
                last
                and qk + 2 < n
                and toks[qk + 1].norm in _AS_SUCH
                and _is_verb(toks[qk + 2].norm)
                and getattr(ctx, "ko_prev_text", "")
            ):
                # «“…”며 이같이 말했다»: the quote, and the lead before as said too.
                verb2 = f"{toks[qk + 1].surf} {toks[qk + 2].surf}"
                out.extend(_reported(np, verb2, ctx.ko_prev_text, para, sentence, ctx))
        return out
    # A headline: «김이배 제주항공 대표 "…"» (a name and title, then the quote, no verb);
    # «기상청 "…"», «항소심 재판부 "…"» (an institution, then the quote).
    if toks and toks[0].quote == -1 and quotes:
        first_q = next((k for k in range(n) if toks[k].quote != -1), None)
        if (
            first_q is not None
            and 1 <= first_q <= 5
            and not _HARD_PUNCT.search(toks[first_q - 1].gap or "")
        ):
            seg = toks[:first_q]
            person = first_q >= 2 and _is_korean_name(seg[0].norm) and _is_title(seg[-1].norm)
            qi = toks[first_q].quote
            body = (
                first_q <= 2
                and _is_body(seg[-1].norm)
                and all(_np_word(t.norm) or _is_body(t.norm) for t in seg)
                # the quote ends the line (or another quote follows): «삼성전자 "갤럭시" 판매가
                # 늘었다» is no headline statement
                and all(
                    t.quote != -1 or not _is_hangul(t.norm) for t in toks[first_q:] if t.quote != qi
                )
            )
            if person or body:
                np = _np(seg, ctx, particle=False)
                if np is not None and np.body == body:
                    qs, qe = quotes[toks[first_q].quote]
                    q = _quote(np, "", True, sentence[qs + 1 : qe - 1].strip(), para, sentence, ctx)
                    if q is not None:
                        out.append(q)
                    return out
    # Reported speech: «… 계속하겠다고 밝혔다».
    verb_at = next(
        (
            i
            for i in range(n - 1, start_at, -1)
            if toks[i].quote == -1
            and (
                _is_verb(toks[i].norm)
                or (
                    toks[i].norm in _SAID_AFTER_QUOTATIVE
                    and toks[i - 1].norm.endswith(("다고", "라고"))
                )
            )
        ),
        None,
    )
    if verb_at is None or out:
        return out
    if toks[verb_at - 1].norm in _AS_SUCH and verb_at - 1 > start_at:
        # «행안부는 16일 브리핑을 열고 이같이 밝혔다»: what was said is the lead before.
        found = _subject(toks, start_at, verb_at - 1, ctx, direct=False, para=para)
        said = getattr(ctx, "ko_prev_text", "")
        if found is not None and said:
            return _reported(found[0], toks[verb_at].surf, said, para, sentence, ctx)
        return out
    clause_end = verb_at - 1
    while (
        clause_end > start_at
        and toks[clause_end].quote == -1
        and not toks[clause_end].norm.endswith(tuple(e for e, _ in _QUOTATIVE))
    ):
        # «…하겠다고 31일 공시했다», «…했다고 항만청 김 청장이 밝혔다»: a date, an object
        # or the subject may sit between the clause and the verb.
        if verb_at - clause_end >= 6:
            return out
        clause_end -= 1
    if clause_end <= start_at or not toks[clause_end].norm.endswith(
        tuple(e for e, _ in _QUOTATIVE)
    ):
        return out
    # «…좌초했다고 항만청 김 청장이 밝혔다»: the subject after the reported clause.
    after = next(
        (
            k
            for k in range(clause_end + 1, verb_at)
            if toks[k].quote == -1 and toks[k].norm.endswith(_SUBJECT_PARTICLES)
        ),
        None,
    )
    if after is not None:
        np = _subject_at(toks, clause_end + 1, after, ctx, direct=False)
        if np is not None:
            lead = start_at
            while lead < clause_end and (toks[lead].norm in _adverbs()):
                lead += 1
            text = sentence[toks[lead].start : toks[clause_end].end]
            return out + _reported(np, toks[verb_at].surf, text, para, sentence, ctx)
    subject_limit = clause_end
    found = _subject(toks, start_at, subject_limit, ctx, direct=False, para=para)
    if found is None:
        return out
    np, body_start = found
    body = toks[body_start : clause_end + 1]
    if not body:
        return out
    text = sentence[body[0].start : body[-1].end]
    return out + _reported(np, toks[verb_at].surf, text, para, sentence, ctx)


def _reported(np: _NP, verb: str, text: str, para: int, sentence: str, ctx: _Ctx) -> list[Quote]:
    """A reported statement: the clause with its quotative ending read as plain speech
    («계속하겠다고» -> «계속하겠다»)."""
    for ending, plain in _QUOTATIVE:
        if text.endswith(ending):
            text = text[: -len(ending)] + plain
            break
    q = _quote(np, verb, False, text.strip(), para, sentence, ctx)
    return [q] if q is not None else []


# A numbered court division: «형사항소3-2부», «형사1부», «3-1부» (then a particle).
_PANEL_RE = re.compile(r"[가-힣]{0,6}\d{1,3}(?:-\d{1,2})?부(?:는|가|도|의|에서는)?")


# A court and its division: «서울서부지법 형사항소3-2부», «대구고법 형사2부», «형사1부».
_PANEL_NAME_RE = re.compile(
    r"(?:[가-힣]{1,8}(?:지법|고법|지방법원|고등법원|지원)\s+)?[가-힣]{0,6}\d{1,3}(?:-\d{1,2})?부(?=는|가|도|의|와|에|[^가-힣]|$)"
)
_COURT_GENERIC = frozenset({"재판부", "항소심 재판부", "1심 재판부"})


def _panel_of(np: _NP, ctx: _Ctx) -> _NP:
    """«재판부» or a short «3-2부»: the court division named last in the article."""
    panel = getattr(ctx, "ko_panel", None)
    if not panel or np.name == panel:
        return np
    if np.name in _COURT_GENERIC or (panel.endswith(np.name) and _PANEL_RE.fullmatch(np.name)):
        return _NP(panel, np.role, "state", np.affiliation, True, np.known)
    return np


# A particle or copula alone after a Latin word («CEO는», «CEO인»): no part of a name.
_PARTICLE_WORDS = frozenset((*PARTICLES, "인", "이다", "이며", "이고", "으로", "에게"))


def _merge_latin_hangul(toks: list[_Tok], text: str) -> list[_Tok]:
    """«AP통신은», «KBS는», «LG전자가»: the tokenizer cuts a Latin name from the Korean
    that is glued to it; one word again (a particle alone stays a token of its own)."""
    out: list[_Tok] = []
    for t in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not t.gap
            and prev.quote == t.quote == -1
            and prev.norm.isascii()
            and prev.norm.isalpha()
            and _is_hangul(t.norm)
            and t.norm not in _PARTICLE_WORDS
        ):
            word = text[prev.start : t.end]
            out[-1] = _Tok(word, word, prev.start, t.end, prev.gap, -1)
            continue
        out.append(t)
    return out


def _merge_panels(toks: list[_Tok], text: str) -> list[_Tok]:
    """The tokenizer cuts «형사항소3-2부는» at its digits; put a court division back together
    as one word (a body, like 재판부)."""
    if not any(t.norm.isdigit() for t in toks):
        return toks
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.norm.isdigit() and t.quote == -1:
            lo = i - 1 if i and out and not t.gap and _is_hangul(toks[i - 1].norm) else i
            m = _PANEL_RE.match(text, toks[lo].start)
            if m:
                hi = next((k for k in range(i, len(toks)) if toks[k].end >= m.end()), None)
                if hi is not None and toks[hi].end == m.end():
                    if lo < i:
                        out.pop()
                    word = text[toks[lo].start : m.end()]
                    out.append(_Tok(word, word, toks[lo].start, m.end(), toks[lo].gap, -1))
                    i = hi + 1
                    continue
        out.append(t)
        i += 1
    return out


def _subject_after(toks: list[_Tok], lo: int, ctx: _Ctx) -> tuple[_NP, int] | None:
    """The subject between a quote's quotative and the sentence's reporting verb."""
    for k in range(lo, len(toks)):
        t = toks[k]
        if t.quote != -1 or _is_verb(t.norm):
            return None
        if t.norm in _PRONOUNS:
            last = _pronoun_referent(ctx, (getattr(ctx, "ko_para", 0), 10**6))
            return (_copy(last), k + 1) if last is not None else None
        if t.norm.endswith(_SUBJECT_PARTICLES) and _subject_head(t.norm, None):
            np = _subject_at(toks, lo, k, ctx, direct=True)
            return (np, k + 1) if np is not None else None
    return None


def _clause_break(t: _Tok) -> bool:
    return bool(_COMMA_RE.search(t.gap) or _HARD_PUNCT.search(t.gap))


def _subject(
    toks: list[_Tok], lo: int, hi: int, ctx: _Ctx, direct: bool, para: int
) -> tuple[_NP, int] | None:
    """The speaker of a sentence: the first subject noun phrase (… 은/는/이/가) between lo and
    hi that reads as a person, title or institution; a pronoun is the last speaker; with none,
    the last speaker when the sentence follows on from them (이어 “…”고 덧붙였다)."""
    for i in range(lo, hi):
        t = toks[i]
        if t.quote != -1:
            break
        if t.norm in _PRONOUNS:
            last = _pronoun_referent(ctx, (para, getattr(ctx, "ko_sent_at", 0) + t.start))
            return (_copy(last), i + 1) if last is not None else None
        if not t.norm.endswith(_SUBJECT_PARTICLES + ("도",)):
            continue
        if _in_subordinate_clause(toks, i, hi):
            continue  # «집행이 실패하자 공조본은 “…”»: the subject of a when-clause
        if t.norm in ("은", "는", "이", "가") and i > lo and toks[i - 1].norm.isascii():
            np = _subject_at(toks, lo, i - 1, ctx, direct, particle=False)
        else:
            np = _subject_at(toks, lo, i, ctx, direct)
        if np is not None:
            return np, i + 1
    # No subject: the last speaker carries on (이어 “…”고 덧붙였다), but only close by: a
    # subjectless sentence three paragraphs after them is someone else's or no statement.
    # The last voice may be an institution («재판부는 “…”고 지적했다. 그러면서 “…”고 밝혔다»);
    # a pronoun (그는) above is a person's.
    last = getattr(ctx, "ko_last_voice", None)
    if last is not None and para - getattr(ctx, "ko_last_para", -9) <= 2:
        return _copy(last), lo
    return None


# Endings of a verb that closes a when/if clause before the main subject: 실패하자, 보면.
# «…을 제시했으나 경호처에서는 “…”»: a but-clause (했으나) has its own subject too.
_SUBORDINATE_ENDINGS = (
    "하자",
    "되자",
    "지자",
    "나자",
    "오자",
    "묻자",
    "했으면",
    "하면",
    "되면",
    "했으나",
)


def _in_subordinate_clause(toks: list[_Tok], i: int, hi: int) -> bool:
    """Is the subject at i the subject of a when/if clause (a verb ending in 자/면 follows
    before the next subject, within the span up to hi)?"""
    for k in range(i + 1, hi):
        t = toks[k]
        if t.quote != -1:
            return False
        if t.norm.endswith(_SUBORDINATE_ENDINGS) and not _is_title(t.norm):
            return True
        if t.norm.endswith(_SUBJECT_PARTICLES) and _subject_head(t.norm, None):
            return False
    return False


def _copy(np: _NP) -> _NP:
    return _NP(np.name, np.role, np.kind, np.affiliation, np.body, np.known)


def _subject_at(
    toks: list[_Tok], lo: int, i: int, ctx: _Ctx, direct: bool, particle: bool = True
) -> _NP | None:
    """The noun phrase ending at token i (with its particle) if it names a speaker."""
    known = _known_words()
    if particle:
        if toks[i].norm in known:
            pass
        elif toks[i].norm.endswith("도") and not toks[i].norm.endswith(_SUBJECT_PARTICLES):
            head = toks[i].norm[:-1]
            if not (_is_title(head) or _is_korean_name(head)):
                return None
        elif _subject_head(toks[i].norm, None) is None:
            return None  # no subject particle here («국가», «타이베이», «질문에는»)
    start = i
    while start > lo and i - start < 5:
        prev = toks[start - 1]
        if prev.quote != -1 or _clause_break(toks[start]) or not _np_word(prev.norm):
            break
        start -= 1
    seg = list(toks[start : i + 1])
    while seg and (
        seg[0].norm in _adverbs()
        or seg[0].norm in _DATE_UNITS
        or (any(c.isdigit() for c in seg[0].norm) and not _PANEL_RE.fullmatch(seg[0].norm))
    ):
        seg.pop(0)
    if not seg:
        return None
    np = _np(seg, ctx, particle=particle)
    if np is None:
        return None
    words = np.name.split()
    person = any(_is_korean_name(w) for w in words) or (np.role and _is_title(np.role.split()[-1]))
    if person or np.body and (_is_body(words[-1]) or words[-1] == "측") or np.known:
        return np
    # An unknown word may still be a foreign name or a body; trust it only before a quote.
    if direct and len(words) <= 2 and all(_is_hangul(w) or w.isascii() for w in words):
        return np
    return None


def _np_word(norm: str) -> bool:
    """Can this word belong to a subject noun phrase? Not a word with a case ending, a verb
    form, a number or a connective."""
    if norm in _adverbs() or any(c.isdigit() for c in norm) or norm in _DATE_UNITS:
        return False
    if norm.endswith(_SUBORDINATE_ENDINGS) and not _is_title(norm):
        return False
    if _subject_head(norm, None) is not None and norm not in _known_words():
        return False  # «주민들은 물이 …»: a word with its subject particle ends a phrase
    if _is_korean_name(norm):
        return True
    if norm in _known_words() or _is_title(norm) or norm in _surnames():
        return True
    if len(norm) >= 3 and norm.endswith("아") and _is_hangul(norm):
        return True  # «엔비디아 CEO», «마리아 …»: a foreign name, not a verb in 아 (찾아, 받아)
    return not norm.endswith(
        (
            "의",
            "에",
            "에서",
            "을",
            "를",
            "으로",
            "로",
            "와",
            "과",
            "고",
            "며",
            "다",
            "던",
            "인",
            "한",
            "은",
            "는",
            "이",
            "가",
            "해",
            "서",
            "어",
            "아",
            "게",
            "도",
            "만",
            "뒤",
            "후",
            "때",
            "중",
        )
    )


def _according_to(toks, i, sentence, para, ctx) -> Quote | None:
    """«연합뉴스에 따르면 ...»: the source is the words before 에 따르면."""
    start = i - 1
    while (
        start > 0
        and i - 1 - start < 3
        and not _clause_break(toks[start])
        and _np_word(toks[start - 1].norm)
    ):
        start -= 1
    seg = [t for t in toks[start:i] if _np_word(t.norm) or t is toks[i - 1]]
    if not seg:
        return None
    last = seg[-1]
    seg[-1] = _Tok(last.surf[:-1], last.norm[:-1], last.start, last.end - 1, last.gap, last.quote)
    if not seg[-1].norm or seg[-1].norm in _DOCUMENTS:
        return None
    np = _np(seg, ctx, particle=False)
    if np is None or i + 1 >= len(toks):
        return None
    text = sentence[toks[i + 1].start :].strip(" .")
    return _quote(np, "에 따르면", False, text, para, sentence, ctx)


# Words that qualify the title after them: former, current, new, first, next.
_TITLE_PREFIXES = frozenset({"전", "현", "신임", "초대", "차기", "전직", "현직", "前"})
# Dependent nouns after a name that the particle stripper keeps whole (one syllable):
# 씨 (Mr/Ms, an honorific) and 측 (the side, camp or representatives of someone).
_DEPENDENT_NOUNS = ("씨", "측")


def _dependent_noun(word: str) -> str | None:
    for noun in _DEPENDENT_NOUNS:
        if word == noun or (word.startswith(noun) and word[1:] in _SUBJECT_PARTICLES + ("도",)):
            return noun
    return None


def _np(seg: list[_Tok], ctx: _Ctx, particle: bool = True) -> _NP | None:
    """Side words, name and title of a Korean subject: «러시아 블라디미르 푸틴 대통령은» ->
    name 블라디미르 푸틴, role 대통령, side Russia; «김재준 삼성전자 메모리사업부 실장» ->
    name 김재준, role 삼성전자 메모리사업부 실장; «이 총재» -> the 이… met earlier."""
    if len(seg) == 1 and seg[0].norm in _PRONOUNS:
        return ctx.last
    known = _known_words()
    words = [t.surf for t in seg]
    dependent = _dependent_noun(words[-1]) if particle and len(seg) >= 2 else None
    if dependent == "씨":  # «홍길동 씨는»: the honorific goes, the name speaks
        seg, words, particle = seg[:-1], words[:-1], False
    elif dependent == "측":  # «김 대표 측은», «회사 측은»: the side of someone speaks
        inner = _np(seg[:-1], ctx, particle=False)
        if inner is None:
            return None
        return _NP(
            f"{' '.join(words[:-1])} 측",
            "",
            inner.kind if inner.body else "organisation",
            inner.affiliation,
            True,
            False,
        )
    if particle:
        words[-1] = strip_particle(words[-1], known)
    if words[-1].endswith("들") and words[-1][:-1] in _ROLES:
        words[-1] = words[-1][:-1]  # «주민들», «전문가들»: the group noun of the lexicon
    toks = [_Tok(w, w, t.start, t.end, t.gap, -1) for w, t in zip(words, seg, strict=True)]
    if not toks or not toks[-1].norm:
        return None
    # Side words at the front (러시아, 북한): the affiliation, not part of the name.
    p = 0
    while p < len(toks) - 1:
        side = _side_at(toks, p)
        if side is None:
            break
        p += len(side.words)
    # A Korean name: the rightmost name word before the title words.
    title_from = len(toks)
    while title_from > p and (
        _is_title(toks[title_from - 1].norm)
        or (
            title_from < len(toks)
            and title_from - 1 > p  # a first «전 부회장» is a family name (전영현 부회장)
            and toks[title_from - 1].norm in _TITLE_PREFIXES
        )
    ):
        title_from -= 1  # «문재인 전 대통령»: 전 (former) belongs to the title
    if title_from < len(toks):
        # Leftmost, three syllables first: «김이배 제주항공 대표» is 김이배, not 제주항공.
        found = [k for k in range(p, title_from) if _is_korean_name(toks[k].norm, 2)]
        head_roles = _ROLES.get(toks[-1].norm, ())
        if (
            head_roles
            and head_roles[0].type == "group"
            and all(len(toks[k].norm) < 3 for k in found)
        ):
            found = []  # «지역 주민», «업계 관계자»: a group noun after a word, not after a name
        # Two-syllable names only: the one next to the title («선수단을 이끈 최윤 단장»).
        two = [k for k in found if len(toks[k].norm) == 2]
        fallback = two[-1] if two and len(two) == len(found) else (found[0] if found else None)
        name_at = next((k for k in found if len(toks[k].norm) == 3), fallback)
    else:  # no title: the phrase is a name only if its last word is one
        name_at = len(toks) - 1 if _is_korean_name(toks[-1].norm) else None
    np = _NP()
    if name_at is not None and (name_at < len(toks) - 1 or len(toks[name_at].norm) >= 3):
        name_end = name_at + 1
        # «이고리 베트로프 청장»: a foreign first name that looks Korean, then a surname that
        # is no Korean name, institution or title, right before the title: one name.
        # «안토니우 구테흐스 유엔 사무총장»: the same with an institution or a side between.
        if name_end < title_from and (
            name_end + 1 == title_from
            or _is_body(toks[name_end + 1].norm)
            or _side_at(toks, name_end + 1) is not None
        ):
            nxt = toks[name_end].norm
            first = toks[name_at].norm
            if (
                _is_hangul(nxt)
                and not (_is_body(nxt) or _is_title(nxt) or nxt in _ROLES)
                and _side_at(toks, name_end) is None  # «마크롱 프랑스 대통령»
                and (len(first) != 3 or not _is_korean_name(nxt, 2))
            ):
                name_end += 1
        np.name = " ".join(t.surf for t in toks[name_at:name_end])
        np.role = " ".join(t.surf for t in toks[name_end:])
        np.kind = _kind_of(toks[name_end:], _ROLES, prefer_person=True)[0] if np.role else "other"
        np.kind = np.kind or ("official" if np.role else "other")
        if np.kind == "anonymous":
            np.kind = "citizen"  # «김철수 주민»: a named member of a group
    elif title_from < len(toks):
        before = toks[p:title_from]
        role_toks = toks[title_from:]
        np.role = " ".join(t.surf for t in role_toks)
        kind, typ = _kind_of(role_toks, _ROLES, prefer_person=True)
        last_roles = _ROLES.get(role_toks[-1].norm, ())
        if last_roles and last_roles[0].type == "group":
            # «국방부 관계자»: the head noun decides; the ministry only says whose.
            kind, typ = last_roles[0].kind, "group"
        if len(before) == 1 and len(before[0].norm) == 1:
            # «이 총재», «김 장관», «황 CEO»: a family name and a title.
            # Unmet, the first «전 부문장» stands for the person: a later «전 부회장» is them.
            np.name = _names_of(ctx).setdefault(before[0].norm, f"{before[0].surf} {np.role}")
            np.kind = kind or "official"
        elif typ == "group" or kind == "anonymous":
            # «피해 지역 주민들», «국방부 관계자»: an unnamed group, named by the whole phrase
            np.name = " ".join(t.surf for t in toks[p:])
            np.kind, np.body = "anonymous", True
            np.role = ""
        elif before and not all(_is_body(t.norm) for t in before):
            # A foreign name before the title (도널드 트럼프 대통령, 젠슨 황 최고경영자):
            # at most its last two words; institutions before it belong to the title, and
            # so does a side word between name and title («블라디미르 푸틴 러시아 대통령»).
            q = len(before)
            for i in range(1, len(before)):
                side = _side_at(before, i)
                if side is not None and i + len(side.words) == len(before):
                    q = i
                    break
            if q < len(before):
                np.role = " ".join(t.surf for t in before[q:] + role_toks)
                before = before[:q]
            names = [t for t in before if not _is_body(t.norm)][-2:]
            np.name = " ".join(t.surf for t in names)
            np.kind = kind or "official"
        else:
            np.name = " ".join(t.surf for t in toks[p:])
            np.kind = kind or "official"
            np.body = typ not in ("person", "")
            np.role = "" if np.body else np.name
    elif p < len(toks):
        rest = toks[p:]
        if len(rest) == 1 and _is_body(rest[0].norm):
            np.name = rest[0].surf
            kinds = _ROLES.get(rest[0].norm, ())
            np.kind = kinds[0].kind if kinds else _body_kind(rest[0].norm)
            np.body = True
        elif len(rest) <= 2:
            np.name = " ".join(t.surf for t in rest)
            np.body = _is_body(rest[-1].norm)
            np.kind = "organisation" if np.body else "other"
            if _PANEL_RE.fullmatch(rest[-1].norm):
                np.kind = "state"  # «서울중앙지법 형사1부»: a court
        else:
            return None
    elif p:
        np.name = " ".join(t.surf for t in toks)
        np.kind, np.body = "state", True
    else:
        return None
    if dependent == "씨" and np.kind == "other":
        np.kind = "citizen"  # 씨: how news Korean names a private person
    if re.search(r"(?:^|\s)[가-힣]\s?모(?:씨|\s?씨)?$", np.name):
        np.kind = "anonymous"  # «김모씨», «이 모씨»: a name withheld
    if np.name in _names_of(ctx).values():
        np.known = True
    np.affiliation = _affiliation(toks, speaker_is_place=np.body)
    return np


def _quote(np: _NP, verb: str, direct: bool, text: str, para: int, sentence: str, ctx: _Ctx):
    if not text or not np.name:
        return None
    np = ctx.resolve(_panel_of(np, ctx))
    ctx.learn(np)
    if np.kind not in ("media", "anonymous"):
        ctx.ko_last_voice = np  # type: ignore[attr-defined]
        ctx.ko_last_para = para  # type: ignore[attr-defined]
    if not np.body:
        ctx.last = np
        ctx.ko_last_pos = (para, getattr(ctx, "ko_sent_at", 0))  # type: ignore[attr-defined]
        words = np.name.split()
        names = _names_of(ctx)
        if len(words) == 1 and _is_korean_name(words[0]) and len(words[0]) >= 3:
            names.setdefault(words[0][0], words[0])
        elif len(words) >= 2:
            names.setdefault(words[-1], np.name)
    return quote_of(np, verb, direct, text, para, sentence)


# --------------------------------------------------------------------------- article


def _abbreviates(short: str, full: str) -> bool:
    """Is `short` a Korean short form of the institution name `full`: its syllables in order
    in the full name, the first one first and the last one in its final word part
    (중대본 ~ 중앙재난안전대책본부, 행안부 ~ 행정안전부, 한은 ~ 한국은행)?"""
    if not (_is_hangul(short) and _is_hangul(full)) or len(full) < len(short) + 2:
        return False
    if len(short) < 2 or short[0] != full[0] or short[-1] not in full[-3:]:
        return False
    at = 0
    for syllable in short:
        at = full.find(syllable, at)
        if at < 0:
            return False
        at += 1
    return True


def finish_article(quotes: list[Quote], ctx: _Ctx | None = None) -> list[Quote]:
    """One name per institution in an article: a short form (중대본) that abbreviates exactly
    one longer institution that spoke (행정안전부 중앙재난안전대책본부) takes its name."""
    bodies = {q.speaker for q in quotes if q.speaker_kind in ("state", "organisation", "media")}
    rename: dict[str, str] = {}
    panels = {b for b in bodies if _PANEL_RE.search(b)}
    if len(panels) == 1:  # «항소심 재판부 "…"» in a headline before the division is named
        rename.update(dict.fromkeys(bodies & _COURT_GENERIC, next(iter(panels))))
    for short in bodies:
        if " " in short:
            continue
        fulls = {f for f in bodies if f != short and _abbreviates(short, f.split()[-1])}
        if len(fulls) == 1:
            rename[short] = fulls.pop()
    if not rename:
        return quotes
    return [
        dataclasses.replace(q, speaker=rename[q.speaker]) if q.speaker in rename else q
        for q in quotes
    ]
