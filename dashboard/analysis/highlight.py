"""Highlighting analysed spans (quotes, speakers, dates, event names) in article text.

Produces escaped HTML: every character of the article goes through escaping.inert (HTML-
and Markdown-safe, as the fragments are drawn by Streamlit's Markdown), and only
our own <mark> tags are added. Used by the article reader and the exported reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.escaping import inert

# Higher wins where spans overlap (a date inside a quote shows as a date).
PRIORITY = {"sp": 4, "dt": 3, "ev": 2, "qd": 1, "q": 1}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str
    title: str = ""


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not needle or len(needle) < 2:
        return out
    i = text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def render_marked(text: str, spans: list[Span]) -> str:
    """Escaped text with <mark> elements for the spans (overlaps resolved by priority)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not spans:
        return inert(text, collapse=False)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = inert(text[a:b], collapse=False)
        active = [s for s in spans if s.start <= a and s.end >= b]
        if not active:
            parts.append(seg)
            continue
        top = max(active, key=lambda s: (PRIORITY.get(s.css, 0), -(s.end - s.start)))
        title = inert(top.title)
        parts.append(f'<mark class="{top.css}" title="{title}">{seg}</mark>')
    return "".join(parts)


def article_spans(article, paragraph_index: int) -> list[Span]:
    """Spans of one paragraph of a parsed Article."""
    text = article.paragraphs[paragraph_index]
    spans: list[Span] = []
    for q in article.quotes:
        if q.paragraph != paragraph_index:
            continue
        label = f"{'direct quote' if q.direct else 'reported'}: {q.speaker} ({q.speaker_kind})"
        for a, b in find_all(text, q.text.strip()):
            spans.append(Span(a, b, "qd" if q.direct else "q", label))
        for a, b in find_all(text, q.speaker):
            spans.append(Span(a, b, "sp", f"speaker: {q.speaker} — {q.role}".strip(" —")))
    for d in article.dates:
        if d.paragraph != paragraph_index:
            continue
        when = (
            "vague"
            if d.vague or not d.start
            else (d.start if d.start == d.end else f"{d.start} – {d.end}")
        )
        label = f"{d.granularity}: {when}" + (" (approximate)" if d.approximate else "")
        for a, b in find_all(text, d.text):
            spans.append(Span(a, b, "dt", label))
    for name in set(article.event_names):
        for a, b in find_all(text, name):
            spans.append(Span(a, b, "ev", f"event name: {name}"))
    return spans
