"""Frame profile of an article from lexicon cues, with the sentences that triggered it.

Cues live in languages/<code>/frames.txt (`frame | cue`). A frame's score is the share of
the article's sentences in which at least one of its cues occurs (0..1), so long and short
articles compare directly. Every triggering sentence is kept as evidence with its cues.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate, compress

from dashboard.analysis.languages import (
    WORD_FALLBACK_LANGUAGE,
    LanguagePack,
    available_languages,
    get_pack,
)
from dashboard.analysis.textproc import normalize, split_sentences
from dashboard.model import FrameEvidence

FRAMES = ("security", "geopolitics", "economy", "law_diplomacy", "ukraine_war", "human_interest")

FRAME_LABELS: dict[str, dict[str, str]] = {
    "security": {"en": "Security / military threat", "ar": "الأمن والتهديد العسكري"},
    "geopolitics": {"en": "Geopolitics / world order", "ar": "الجغرافيا السياسية والنظام العالمي"},
    "economy": {"en": "Economy / sanctions", "ar": "الاقتصاد والعقوبات"},
    "law_diplomacy": {"en": "Law / diplomacy", "ar": "القانون والدبلوماسية"},
    "ukraine_war": {"en": "War in Ukraine", "ar": "الحرب في أوكرانيا"},
    "human_interest": {"en": "Human interest", "ar": "البعد الإنساني"},
}

_WORD_SPLIT = re.compile(r"(\w+)")  # split() yields gap, word, gap, ..., word, gap
_WORD_ONLY = re.compile(r"\w+\Z")
_MEMO_MAX = 200_000
_PREFIX_MAX = 3


def frame_label(frame: str, language: str = "en") -> str:
    return FRAME_LABELS.get(frame, {}).get(language, frame)


def _word_pattern(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


def _frames_pack(language: str) -> LanguagePack:
    """The pack whose frame cues apply: the language's own, else the word fallback (English)."""
    return get_pack(language if language in available_languages() else WORD_FALLBACK_LANGUAGE)


def _cue_literal(cue: str, pack: LanguagePack) -> str:
    """Text every match of the cue's pattern contains: its first word without the article
    and `*`."""
    words = normalize(cue).split()
    first = words[0] if words else ""
    article = pack.definite_article if pack.cue_clitics else ""
    if article and first.startswith(article) and len(first) > len(article) + 1:
        first = first[len(article) :]
    return first[:-1] if first.endswith("*") else first


def _cue_pattern(cue: str, pack: LanguagePack) -> str:
    words = normalize(cue).split()
    if not words:
        return ""
    article = pack.definite_article
    if pack.cue_clitics:
        before_article, optional, _ = pack.cue_clitics
        first = words[0]
        if first.startswith(article) and len(first) > len(article) + 1:
            head = before_article + _word_pattern(first[len(article) :])
        else:
            head = optional + _word_pattern(first)
    else:
        head = _word_pattern(words[0])
    agree = f"(?:{re.escape(article)})?" if pack.cue_clitics and article else ""
    rest = [
        # Definiteness agrees along an Arabic phrase: «نظام عالمي» = «النظام العالمي».
        (agree if agree and not w.startswith(article) else "") + _word_pattern(w)
        for w in words[1:]
    ]
    body = r"\s+".join([head, *rest])
    return rf"(?<!\w){body}(?!\w)"


@cache
def _frame_cues(language: str) -> dict[str, list[tuple[str, re.Pattern[str], str]]]:
    """frame -> [(cue as written, compiled pattern, literal)], in lexicon order.

    The literal (see `_cue_literal`) lets a sentence skip the regex of a cue that cannot
    occur in it: a substring test is far cheaper than a search with look-arounds.
    """
    pack = _frames_pack(language)
    out: dict[str, list[tuple[str, re.Pattern[str], str]]] = {f: [] for f in FRAMES}
    for fields in pack.fields("frames.txt"):
        if len(fields) < 2 or not fields[1]:
            continue
        frame, cue = fields[0], fields[1]
        pattern = _cue_pattern(cue, pack)
        if pattern:
            literal = _cue_literal(cue, pack)
            out.setdefault(frame, []).append((cue.rstrip("*"), re.compile(pattern), literal))
    return out


class _CueIndex:
    """The cues of one language in lexicon order, and where in a sentence each can match.

    A cue's match starts at the beginning of a word (a run of \\w: its pattern opens with
    (?<!\\w)), with the cue's literal at most `clitics_max` characters into that word. So
    instead of searching the whole sentence with every cue whose literal occurs somewhere
    in it, each word is looked up once in a memo of the literals it can start (news
    vocabulary repeats), and a cue's pattern is only tried, anchored, at the starts of
    those words. Literals with other characters than \\w ("self-defence") keep the plain
    search.
    """

    def __init__(self, language: str) -> None:
        clitics = get_pack(language).cue_clitics if language in available_languages() else None
        self.clitics_max = clitics[2] if clitics else 0
        # (frame, cue, pattern, literal id) in the order sentence_cues has always used.
        self.cues: list[tuple[str, str, re.Pattern[str], int]] = []
        self.literals: list[str] = []
        ids: dict[str, int] = {}
        for frame, cues in _frame_cues(language).items():
            for cue, pattern, literal in cues:
                lit_id = ids.setdefault(literal, len(ids))
                if lit_id == len(self.literals):
                    self.literals.append(literal)
                self.cues.append((frame, cue, pattern, lit_id))
        self.by_literal: dict[int, list[int]] = {}
        for idx, (_, _, _, lit_id) in enumerate(self.cues):
            self.by_literal.setdefault(lit_id, []).append(idx)
        # Word literals by their first few characters (as many as the shortest has, at most
        # three), so a new word checks only the literals that can start at each position.
        words = [lit for lit in self.literals if _WORD_ONLY.match(lit)]
        self.prefix_len = min(_PREFIX_MAX, *map(len, words)) if words else 1
        self.by_prefix: dict[str, list[int]] = {}
        self.other: list[int] = []
        for lit_id, literal in enumerate(self.literals):
            if _WORD_ONLY.match(literal):
                self.by_prefix.setdefault(literal[: self.prefix_len], []).append(lit_id)
            else:
                self.other.append(lit_id)
        self.memo: dict[str, tuple[int, ...]] = {}

    def _word_literals(self, word: str) -> tuple[int, ...]:
        """Literals found in `word` at most `clitics_max` characters from its start."""
        n = self.prefix_len
        found = tuple(
            lit_id
            for k in range(min(len(word), self.clitics_max + 1))
            for lit_id in self.by_prefix.get(word[k : k + n], ())
            if word.startswith(self.literals[lit_id], k)
        )
        if len(self.memo) >= _MEMO_MAX:  # bounded: unseen words cannot grow it forever
            self.memo.clear()
        self.memo[word] = found
        return found

    def candidates(self, norm: str) -> list[tuple[int, list[int] | None]]:
        """(cue index, positions where its match may start) for the cues that may match,
        in cue order; positions None: search the whole sentence."""
        # One split gives the words (odd items) and, through the lengths of all items,
        # where each word starts: a second finditer pass for the positions is not needed.
        parts = _WORD_SPLIT.split(norm)
        words = parts[1::2]
        # map() runs the memo lookups in C: this loop covers every word of every sentence.
        found = list(map(self.memo.get, words))
        starts: dict[int, list[int]] = {}
        if None in found:
            found = [
                f if f is not None else self._word_literals(w)
                for w, f in zip(words, found, strict=True)
            ]
        if any(found):
            # Word i starts after parts[0..2i], i.e. at the (2i+1)-th prefix sum of lengths.
            positions = list(accumulate(map(len, parts[:-1])))[::2]
            # compress/filter (in C) leave the Python loop only the few words with a
            # literal; the two select the same words, in order.
            hits = zip(compress(positions, found), filter(None, found), strict=True)
            for pos, lit_ids in hits:
                for lit_id in lit_ids:
                    starts.setdefault(lit_id, []).append(pos)
        out: list[tuple[int, list[int] | None]] = [
            (idx, at) for lit_id, at in starts.items() for idx in self.by_literal[lit_id]
        ]
        out.extend(
            (idx, None)
            for lit_id in self.other
            if self.literals[lit_id] in norm
            for idx in self.by_literal[lit_id]
        )
        out.sort(key=_first)
        return out


def _first(item: tuple[int, list[int] | None]) -> int:
    return item[0]


@cache
def _cue_index(language: str) -> _CueIndex:
    return _CueIndex(language)


def _anchored_matches(pattern: re.Pattern[str], norm: str, starts: list[int]):
    """What pattern.finditer(norm) yields when matches can only start at `starts`
    (ascending): the leftmost match, then the leftmost one after its end, and so on."""
    end = 0
    for pos in starts:
        if pos >= end:
            m = pattern.match(norm, pos)  # look-behinds still see the text before pos
            if m:
                end = m.end()
                yield m


def sentence_cues(sentence: str, language: str) -> dict[str, list[str]]:
    """Frames whose cues occur in one sentence, with the cues (as written in the lexicon).

    Where cues overlap the longest match wins, so «مجلس الأمن» (law/diplomacy) does not
    also count as «أمن» (security).
    """
    norm = normalize(sentence)
    index = _cue_index(language)
    candidates = index.candidates(norm)
    if not candidates:
        return {}  # a sentence without any cue word (about a third of them)
    matches: list[tuple[int, int, str, str]] = []
    for idx, starts in candidates:
        frame, cue, pattern, _ = index.cues[idx]
        found = (
            pattern.finditer(norm) if starts is None else _anchored_matches(pattern, norm, starts)
        )
        matches.extend((m.start(), m.end(), frame, cue) for m in found)
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: list[tuple[int, int]] = []
    found: dict[str, list[str]] = {}
    for start, end, frame, cue in matches:
        # Same span matched by two cues of different frames: both count (true ambiguity).
        if any(s < end and start < e and (s, e) != (start, end) for s, e in taken):
            continue
        taken.append((start, end))
        found.setdefault(frame, [])
        if cue not in found[frame]:
            found[frame].append(cue)
    order = list(_frame_cues(language))
    return {f: found[f] for f in order if f in found}


def score_frames(
    paragraphs: list[str], language: str
) -> tuple[dict[str, float], dict[str, list[FrameEvidence]]]:
    """(frame -> share of sentences with a cue, frame -> evidence sentences with cues).

    Every frame of the lexicon gets a score (0.0 when absent) so that profiles of different
    articles have the same keys.
    """
    frames = list(_frame_cues(language))
    evidence: dict[str, list[FrameEvidence]] = {f: [] for f in frames}
    total = 0
    for p_idx, paragraph in enumerate(paragraphs):
        for sentence in split_sentences(paragraph):
            total += 1
            for frame, cues in sentence_cues(sentence, language).items():
                evidence[frame].append(FrameEvidence(sentence=sentence, paragraph=p_idx, cues=cues))
    scores = {f: (round(len(evidence[f]) / total, 4) if total else 0.0) for f in frames}
    return scores, evidence
