"""Frame profile of an article from lexicon cues, with the sentences that triggered it.

Cues live in lexicons/frames_<lang>.txt (`frame | cue`). A frame's score is the share of
the article's sentences in which at least one of its cues occurs (0..1), so long and short
articles compare directly. Every triggering sentence is kept as evidence with its cues.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load_fields
from .model import FrameEvidence
from .textproc import normalize, split_sentences

FRAMES = ("security", "geopolitics", "economy", "law_diplomacy", "ukraine_war", "human_interest")

FRAME_LABELS: dict[str, dict[str, str]] = {
    "security": {"en": "Security / military threat", "ar": "الأمن والتهديد العسكري"},
    "geopolitics": {"en": "Geopolitics / world order", "ar": "الجغرافيا السياسية والنظام العالمي"},
    "economy": {"en": "Economy / sanctions", "ar": "الاقتصاد والعقوبات"},
    "law_diplomacy": {"en": "Law / diplomacy", "ar": "القانون والدبلوماسية"},
    "ukraine_war": {"en": "War in Ukraine", "ar": "الحرب في أوكرانيا"},
    "human_interest": {"en": "Human interest", "ar": "البعد الإنساني"},
}

# Clitics that may stand before an Arabic cue: conjunction, preposition, article.
_AR_BEFORE_ARTICLE = r"(?:[وف]?[بك]?ال|[وف]?لل)"  # the cue was written with ال: require it
_AR_OPTIONAL = r"(?:[وف]?[بك]?(?:ال)?|[وف]?ل(?:ل)?)?"  # written bare: any clitics or none


def frame_label(frame: str, language: str = "en") -> str:
    return FRAME_LABELS.get(frame, {}).get(language, frame)


def _word_pattern(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


def _cue_literal(cue: str, language: str) -> str:
    """Text every match of the cue's pattern contains: its first word without ال and `*`."""
    words = normalize(cue).split()
    first = words[0] if words else ""
    if language == "ar" and first.startswith("ال") and len(first) > 3:
        first = first[2:]
    return first[:-1] if first.endswith("*") else first


def _cue_pattern(cue: str, language: str) -> str:
    words = normalize(cue).split()
    if not words:
        return ""
    if language == "ar":
        first = words[0]
        if first.startswith("ال") and len(first) > 3:
            head = _AR_BEFORE_ARTICLE + _word_pattern(first[2:])
        else:
            head = _AR_OPTIONAL + _word_pattern(first)
    else:
        head = _word_pattern(words[0])
    rest = [
        # Definiteness agrees along an Arabic phrase: «نظام عالمي» = «النظام العالمي».
        ("(?:ال)?" if language == "ar" and not w.startswith("ال") else "") + _word_pattern(w)
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
    lang = "ar" if language == "ar" else "en"
    out: dict[str, list[tuple[str, re.Pattern[str], str]]] = {f: [] for f in FRAMES}
    for fields in load_fields(f"frames_{lang}.txt"):
        if len(fields) < 2 or not fields[1]:
            continue
        frame, cue = fields[0], fields[1]
        pattern = _cue_pattern(cue, lang)
        if pattern:
            literal = _cue_literal(cue, lang)
            out.setdefault(frame, []).append((cue.rstrip("*"), re.compile(pattern), literal))
    return out


def sentence_cues(sentence: str, language: str) -> dict[str, list[str]]:
    """Frames whose cues occur in one sentence, with the cues (as written in the lexicon).

    Where cues overlap the longest match wins, so «مجلس الأمن» (law/diplomacy) does not
    also count as «أمن» (security).
    """
    norm = normalize(sentence)
    matches: list[tuple[int, int, str, str]] = []
    for frame, cues in _frame_cues(language).items():
        for cue, pattern, literal in cues:
            if literal not in norm:
                continue
            matches.extend((m.start(), m.end(), frame, cue) for m in pattern.finditer(norm))
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
