"""How an article names the central event: «اتفاق دفاعي», «تحالف نووي», "mutual defence pact".

A name is a head noun from the editable lexicon (languages/<code>/event_heads.txt) with its
modifiers: in Arabic the idafa nouns and adjectives that follow the head, in English the
modifiers before it (plus "on/of/for + Capitalised Words"). Names are returned as written,
without a leading conjunction or preposition (و/ف/ب/ل/ك); `event_names` lists every
occurrence in reading order (title first), `event_name_counts` groups spelling and
article variants («الاتفاق الدفاعي» = «اتفاق دفاعي»).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from dashboard.analysis.languages import get_pack
from dashboard.analysis.textproc import (
    TOKEN_RE,
    is_arabic,
    normalize,
    normalize_token,
    strip_diacritics,
)

MAX_MODIFIERS = 4
# Conjunction/preposition letters that may stand before a head («وبالاتفاق», «لاتفاقية»).
_PROCLITICS = re.compile(r"^(?:[وف]?[بلك]?)")
# Pronoun suffixes on a head («تحالفهما»): the name is the head alone.
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")
# Between two words of a name only spaces may stand; anything else (، . : « » ") ends it.
_JOINER = re.compile(r"^[ \u00a0]+$")
_FUNCTION_WORDS_AR = frozenset(
    normalize(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بين",
        "أن",
        "إن",
        "أنه",
        "أنها",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "اللتين",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "قد",
        "لقد",
        "لم",
        "لن",
        "ما",
        "لا",
        "مع",
        "ضد",
        "حول",
        "نحو",
        "عبر",
        "منذ",
        "حتى",
        "إذ",
        "إذا",
        "بعد",
        "قبل",
        "خلال",
        "عند",
        "لدى",
        "دون",
        "غير",
        "أي",
        "كل",
        "بعض",
        "أو",
        "ثم",
        "بل",
        "لكن",
        "أما",
        "إلا",
        "ليس",
        "سوى",
        "وفق",
        "وفقا",
    ]
)
_FUNCTION_WORDS_EN = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "and",
        "or",
        "but",
        "new's",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "no",
        "any",
        "some",
        "all",
        "each",
        "every",
        "such",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "since",
        "during",
        "under",
        "over",
        "into",
        "onto",
        "about",
        "against",
        "between",
        "among",
        "via",
        "per",
    ]
) - {"new"}


_CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@cache
def _lexicon(language: str) -> dict[str, object]:
    heads: list[tuple[str, ...]] = []
    modifiers: set[str] = set()
    adjectives: set[str] = set()
    excludes: list[tuple[str, ...]] = []
    for fields in get_pack("ar" if language == "ar" else "en").fields("event_heads.txt"):
        if len(fields) < 2:
            continue
        kind, entry = fields[0], normalize(fields[1])
        words = tuple(_strip_article(w) for w in entry.split())
        if kind == "head":
            heads.append(words)
        elif kind == "modifier":
            modifiers.add(_strip_article(entry))
        elif kind == "adjective":
            adjectives.add(_strip_article(entry))
        elif kind == "exclude":
            excludes.append(words)
    heads.sort(key=len, reverse=True)  # longest head first («مذكرة تفاهم» before «مذكرة»)
    # Heads by each form their first word can take in a text, longest head still first:
    # a token is looked up once instead of being compared with every head.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for head in filter(None, heads):
        forms = _head_forms(head[0]) if language == "ar" else frozenset([head[0]])
        for form in forms:
            by_first.setdefault(form, []).append(head)
    return {
        "heads": heads,
        "by_first": by_first,
        "modifiers": modifiers,
        "adjectives": adjectives,
        "excludes": excludes,
        # normalised token -> its head readings (see `_head_readings`), filled as met.
        "readings": {},
    }


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@cache
def _head_forms(word: str) -> frozenset[str]:
    """A head as it can appear with a pronoun suffix (ة turns into ت before it)."""
    forms = {word}
    base = word[:-1] + "ت" if word.endswith("ه") else word
    forms.update(base + s for s in _PRONOUN_SUFFIXES)
    return frozenset(forms)


def _ar_first_word(norm: str) -> tuple[int, bool, str]:
    """(letters of conjunction/preposition to drop, definite?, bare word) for a first word.

    «وبالاتفاق» -> (2, True, اتفاق); «للاتفاقيه» -> (1, True, اتفاقيه) (لل = ل + ال);
    «لاتفاق» -> (1, False, اتفاق).
    """
    candidates: list[tuple[int, bool, str]] = [(0, False, norm)]
    m = _PROCLITICS.match(norm)
    pre = m.group(0) if m else ""
    for k in range(len(pre), -1, -1):
        rest = norm[k:]
        if rest.startswith("ال") and len(rest) > 3:
            candidates.append((k, True, rest[2:]))
        elif k >= 1 and norm[k - 1] == "ل" and rest.startswith("ل") and len(rest) > 3:
            candidates.append((k, True, rest[1:]))  # «للاتفاق»: the alef of ال is dropped
        if k:
            candidates.append((k, False, rest))
    return candidates  # type: ignore[return-value]


_HeadReading = tuple[int, bool, str, tuple[tuple[str, ...], ...]]
_READINGS_MAX = 100_000


def _head_readings(lex: dict[str, object], norm: str) -> tuple[_HeadReading, ...]:
    """The readings of `_ar_first_word(norm)` whose bare word starts a head, with those
    heads (longest first): (letters to drop, definite?, bare word, heads).

    Memoised per token in the lexicon: almost every token of a text has no reading, and a
    news vocabulary repeats, so most tokens cost one dict lookup.
    """
    memo: dict[str, tuple[_HeadReading, ...]] = lex["readings"]  # type: ignore[assignment]
    found = memo.get(norm)
    if found is None:
        by_first: dict[str, list[tuple[str, ...]]] = lex["by_first"]  # type: ignore[assignment]
        found = tuple(
            (k, definite, bare, tuple(by_first[bare]))
            for k, definite, bare in _ar_first_word(norm)
            if bare in by_first
        )
        if len(memo) >= _READINGS_MAX:  # bounded: a stream of unseen tokens cannot grow it
            memo.clear()
        memo[norm] = found
    return found


def _is_nisba(word: str) -> bool:
    """Relational adjective: «دفاعي», «نووية», «الاستراتيجي» (not an imperfect verb «يجري»)."""
    bare = _strip_article(word)
    return (
        len(bare) >= 4
        and bare.endswith(("ي", "يه", "يين", "يون"))
        and not (word == bare and bare.startswith("ي"))
    )


def _spans(text: str, norms: list[str] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, normalised) per token, as textproc.iter_token_spans gives them;
    `norms`: the normalised tokens when the caller has them already (`_norm_tokens`).

    TOKEN_RE is used directly and the per-token work is done by map() in C: this runs on
    every token of every paragraph.
    """
    matches = list(TOKEN_RE.finditer(text))
    surfaces = list(map(_match_group, matches))
    if norms is None:
        norms = list(map(normalize_token, surfaces))
    return list(
        zip(
            map(_match_start, matches),
            map(_match_end, matches),
            surfaces,
            norms,
            strict=True,
        )
    )


def _norm_tokens(text: str) -> list[str]:
    """The normalised tokens of `text`, in order (the 4th field of `_spans`)."""
    return list(map(normalize_token, TOKEN_RE.findall(text)))


_match_group = re.Match.group
_match_start = re.Match.start
_match_end = re.Match.end


def _joined(text: str, toks: list[tuple[int, int, str, str]], j: int) -> bool:
    return bool(_JOINER.match(text[toks[j - 1][1] : toks[j][0]]))


def _letters_offset(surface: str, k: int) -> int:
    """Character offset in `surface` after its first `k` letters (diacritics skipped)."""
    if k == 0:
        return 0
    seen = 0
    for idx, ch in enumerate(surface):
        if strip_diacritics(ch):
            seen += 1
            if seen == k:
                return idx + 1
    return len(surface)


def _arabic_spans(text: str) -> list[tuple[int, int, str]]:
    lex = _lexicon("ar")
    memo: dict[str, tuple[_HeadReading, ...]] = lex["readings"]  # type: ignore[assignment]
    norms = _norm_tokens(text)
    # Head readings of every token (memo lookups in C); most texts have none at all, and
    # then the token spans are never built.
    token_readings = list(map(memo.get, norms))
    if None in token_readings:
        token_readings = [
            r if r is not None else _head_readings(lex, n)
            for n, r in zip(norms, token_readings, strict=True)
        ]
    if not any(token_readings):
        return []
    toks = _spans(text, norms)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        if not token_readings[i]:
            i += 1
            continue
        found = None
        for k, definite, bare, heads in token_readings[i]:
            for head in heads:
                if i + len(head) > len(toks):
                    continue
                rest = [_strip_article(t[3]) for t in toks[i + 1 : i + len(head)]]
                if rest == list(head[1:]):
                    found = (k, definite, head, bare)
                    break
            if found:
                break
        if not found:
            i += 1
            continue
        k, definite, head, bare = found
        suffixed = bare != head[0]
        end_idx = i + len(head) - 1
        names = [bare] + [_strip_article(t[3]) for t in toks[i + 1 : i + 6]]
        if any(names[: len(x)] == list(x) for x in lex["excludes"]):  # type: ignore[attr-defined]
            i += 1
            continue
        if not suffixed:
            end_idx = _arabic_modifiers(text, toks, end_idx, definite, lex)
        start = toks[i][0] + _letters_offset(toks[i][2], k)
        phrase = strip_diacritics(text[start : toks[end_idx][1]])
        if k and definite and not normalize(phrase).startswith("ال"):
            phrase = "ال" + phrase[1:] if phrase.startswith("ل") else phrase  # «للاتفاق»
        out.append((start, toks[end_idx][1], phrase))
        i = end_idx + 1
    return out


def _arabic_modifiers(text, toks, end_idx: int, definite: bool, lex) -> int:
    """Index of the last token of the name that starts with a head ending at `end_idx`."""
    taken = 0
    after_indefinite_adjective = False
    j = end_idx + 1
    while j < len(toks) and taken < MAX_MODIFIERS and _joined(text, toks, j):
        word = toks[j][3]
        bare = _strip_article(word)
        if word in _FUNCTION_WORDS_AR or not is_arabic(word) or word.startswith(("و", "ف")):
            break
        if word.startswith("ال") and len(word) > 3:
            if after_indefinite_adjective:
                break  # «قمة ثانية العام المقبل»: a definite noun cannot follow an adjective
            definite = True  # idafa to a definite noun makes the rest of the name definite
        elif definite:
            break  # an indefinite word after a definite name is a predicate or a new clause
        elif word.startswith("لل") and taken == 0:
            definite = True  # «اتفاق للدفاع المشترك»
        elif _is_nisba(word) or bare in lex["adjectives"]:
            after_indefinite_adjective = True
        elif bare not in lex["modifiers"]:
            break
        end_idx = j
        taken += 1
        j += 1
    return end_idx


def _english_spans(text: str) -> list[tuple[int, int, str]]:
    lex = _lexicon("en")
    by_first: dict[str, list[tuple[str, ...]]] = lex["by_first"]  # type: ignore[assignment]
    norms = _norm_tokens(text)
    # Heads each token may start (lookups in C); most texts have none at all, and then
    # the token spans are never built.
    token_heads = list(map(by_first.get, norms))
    if not any(token_heads):
        return []
    toks = _spans(text, norms)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        heads = token_heads[i]
        if not heads:
            i += 1
            continue
        head = next(
            (h for h in heads if [t[3] for t in toks[i : i + len(h)]] == list(h)),
            None,
        )
        prev = toks[i - 1][3] if i else ""
        nxt = toks[i + len(head)][3] if head and i + len(head) < len(toks) else ""
        if not head or (head == ("deal",) and (prev in {"to", "great", "good"} or nxt == "with")):
            i += 1
            continue
        end_idx = i + len(head) - 1
        start_idx = i
        while (
            start_idx > 0
            and i - start_idx < MAX_MODIFIERS
            and _joined(text, toks, start_idx)
            and toks[start_idx - 1][3] not in _FUNCTION_WORDS_EN
            and not toks[start_idx - 1][3].endswith(("'s", "’s", "ly"))
            and not toks[start_idx - 1][3][0].isdigit()
        ):
            start_idx -= 1
        # "Treaty on Comprehensive Strategic Partnership": a capitalised complement.
        j = end_idx + 1
        k = j + 1
        while (
            k < len(toks)
            and toks[j][3] in {"on", "of", "for"}
            and toks[k][2][:1].isupper()
            and toks[k][3] not in _CALENDAR_WORDS
            and k - j <= MAX_MODIFIERS
        ):
            k += 1
        if k > j + 1:
            end_idx = k - 1
        if _excluded_en(toks, i, lex["excludes"]):  # type: ignore[arg-type]
            i += 1
            continue
        start, end = toks[start_idx][0], toks[end_idx][1]
        out.append((start, end, text[start:end]))
        i = end_idx + 1
    return out


def _excluded_en(toks, i: int, excludes: list[tuple[str, ...]]) -> bool:
    """Is the head at `i` part of a fixed institution name ("North Atlantic Treaty
    Organization")? Looks at every window of the exclusion's length covering `i`."""
    words = [t[3] for t in toks]
    for x in excludes:
        n = len(x)
        for s in range(max(0, i - n + 1), min(i, len(words) - n) + 1):
            if tuple(words[s : s + n]) == x:
                return True
    return False


def event_name_spans(text: str, language: str = "") -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every event name in `text` (offsets into `text`, for
    highlighting; the phrase may differ from text[start:end] by diacritics or «لل»->«ال»)."""
    lang = language or ("ar" if is_arabic(text) else "en")
    if lang == "ko":
        return _korean_spans(text)
    return _arabic_spans(text) if lang == "ar" else _english_spans(text)


@cache
def _korean_heads() -> tuple[str, ...]:
    heads = [f[1] for f in get_pack("ko").fields("event_heads.txt") if f[0] == "head"]
    return tuple(sorted(heads, key=len, reverse=True))


_KO_WORD = re.compile(r"[^\s\"“”‘’'«»()\[\],.…!?]+")
# A modifier before a Korean head: a noun without a particle, a -적 adjective, or a date
# name («4·10», «12·3»); a word with a case ending or a verb ending ends the name.
_KO_DATE_NAME = re.compile(r"\d{1,2}·\d{1,2}")
_KO_DETERMINERS = frozenset(
    {"이번", "해당", "지난", "당시", "이날", "오늘", "어제", "이", "그", "각"}
)
_KO_NOT_MODIFIER = (
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "에",
    "에서",
    "로",
    "와",
    "과",
    "도",
    "다",
    "한",
    "된",
    "던",
    "인",
    "할",
    "의",
)


def _korean_spans(text: str) -> list[tuple[int, int, str]]:
    """«포괄적 전략 동반자 관계 조약을» -> «포괄적 전략 동반자 관계 조약»: a head noun (alone or
    ending a compound: 상호방위조약) without its particle, with up to MAX_MODIFIERS words
    before it."""
    from dashboard.analysis.languages.ko import strip_particle

    heads = _korean_heads()
    if not any(h in text for h in heads):
        return []
    words = [(m.start(), m.group(0)) for m in _KO_WORD.finditer(text)]
    out: list[tuple[int, int, str]] = []
    for i, (start, word) in enumerate(words):
        bare = strip_particle(word)
        if not any(bare.endswith(h) for h in heads):
            continue
        first = i
        while (
            first > 0
            and i - first < MAX_MODIFIERS
            and words[first - 1][0] + len(words[first - 1][1]) + 1 == words[first][0]
            and (
                _KO_DATE_NAME.fullmatch(words[first - 1][1])
                or (
                    not words[first - 1][1].endswith(_KO_NOT_MODIFIER)
                    and not any(c.isdigit() for c in words[first - 1][1])
                    and words[first - 1][1] not in _KO_DETERMINERS
                )
            )
        ):
            first -= 1
        begin, end = words[first][0], start + len(bare)
        out.append((begin, end, text[begin:end]))
    # «12·3 비상계엄 사태»: a head inside a longer name is not a name of its own.
    return [s for s in out if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in out)]


def event_names(paragraphs: list[str], language: str, title: str = "") -> list[str]:
    """Every occurrence of an event name, title first, then paragraphs in order.

    Duplicates are kept on purpose: the list is a record of occurrences, so its counts
    say how insistently an article uses a name (see `event_name_counts`).
    """
    names: list[str] = []
    for text in ([title] if title else []) + list(paragraphs):
        names.extend(phrase for _, _, phrase in event_name_spans(text, language))
    return names


def name_key(phrase: str) -> str:
    """Grouping form of a name: normalised, without clitics and article on every word."""
    words = []
    for w in normalize(phrase).split():
        if is_arabic(w):
            w = w[2:] if w.startswith("ال") and len(w) > 3 else w
        words.append(w)
    return " ".join(words)


def event_name_counts(
    paragraphs: list[str], language: str, title: str = ""
) -> list[tuple[str, int]]:
    """Names grouped by `name_key`, most frequent first (ties: first used first); each
    group is shown in its most frequent spelling."""
    groups: dict[str, Counter[str]] = {}
    for phrase in event_names(paragraphs, language, title):
        groups.setdefault(name_key(phrase), Counter())[phrase] += 1
    ranked = sorted(enumerate(groups.values()), key=lambda item: (-sum(item[1].values()), item[0]))
    return [(c.most_common(1)[0][0], sum(c.values())) for _, c in ranked]
