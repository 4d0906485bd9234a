"""English event names: a head noun ("pact", "treaty") with the modifiers before it and a
capitalised complement after it ("Treaty on Comprehensive Strategic Partnership").

`event_name_spans(text)` for the engine (dashboard.analysis.naming). Lexicon: this folder's
event_heads.txt.
"""

from __future__ import annotations

from dashboard.analysis.naming import (
    MAX_MODIFIERS,
    _joined,
    _norm_tokens,
    _spans,
    lexicon,
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


def event_name_spans(text: str) -> list[tuple[int, int, str]]:
    lex = lexicon("en")
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
