"""A comparison (compare.Comparison) rendered as a self-contained HTML report and as CSV.

Pure functions: Comparison in, text out. The report works offline — styles inline, the
frame chart drawn as inline SVG, no script and no external resource. Every article-derived
string (titles, sentences, names, outlet labels) is escaped; each text block carries the
direction of its language. The HTML fragments for highlighted names and word diffs are
shared with the Framing page, so the page and the download mark the same words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from dashboard.analysis.compare import AlignedPair, ArticleHead, Comparison, Side
from dashboard.analysis.frames import frame_label
from dashboard.analysis.highlight import Span, render_marked
from dashboard.escaping import inert, spreadsheet_cell
from dashboard.output.figures import outlet_color

PAIR_COLUMNS = [
    "status",
    "score",
    "near_identical",
    "a_outlet",
    "a_article",
    "a_paragraph",
    "a_text",
    "b_outlet",
    "b_article",
    "b_paragraph",
    "b_text",
]


def esc(value: object) -> str:
    # Markdown-safe too: the fragments below are also drawn on the Framing page.
    return inert(value)


def direction(language: str) -> str:
    return "rtl" if language == "ar" else "ltr"


# --------------------------------------------------------------------------- fragments


def names_html(text: str, names: Iterable[dict]) -> str:
    """Escaped text with the event names (compare.ArticleHead *_names) in <mark class="ev">."""
    spans = [Span(n["start"], n["end"], "ev", f"event name: {n['text']}") for n in names]
    return render_marked(text, spans)


def word_diff_html(ops: Iterable[tuple[str, str]]) -> str:
    """Escaped token diff: deleted words in <mark class="del">, inserted in <mark class="ins">."""
    parts: list[str] = []
    for op, token in ops:
        t = esc(token)
        if op == "delete":
            parts.append(f'<mark class="del">{t}</mark>')
        elif op == "insert":
            parts.append(f'<mark class="ins">{t}</mark>')
        else:
            parts.append(t)
    return " ".join(parts)


def text_div(text: str, language: str, css: str = "", tag: str = "div") -> str:
    d = direction(language)
    return f'<{tag} dir="{d}" class="{d} {css}">{esc(text)}</{tag}>'


def near_identical(pair: AlignedPair) -> bool:
    return pair.word_diff is not None


# --------------------------------------------------------------------------- CSV


def pair_rows(c: Comparison) -> list[dict]:
    """Aligned pairs (status 'aligned') then possible paraphrases below the threshold
    (status 'uncertain'), one dict per pair with PAIR_COLUMNS keys."""
    rows: list[dict] = []
    for status, pairs in (("aligned", c.pairs), ("uncertain", c.weak_pairs)):
        for p in pairs:
            rows.append(
                {
                    "status": status,
                    "score": round(p.score, 3),
                    "near_identical": near_identical(p),
                    "a_outlet": c.a.label,
                    "a_article": p.a_article,
                    "a_paragraph": p.a_paragraph + 1,
                    "a_text": p.a_text,
                    "b_outlet": c.b.label,
                    "b_article": p.b_article,
                    "b_paragraph": p.b_paragraph + 1,
                    "b_text": p.b_text,
                }
            )
    return rows


def pairs_csv(c: Comparison) -> str:
    """The aligned pairs as CSV text (paragraphs numbered from 1). It starts with a byte
    order mark, so Excel reads it as UTF-8 instead of garbling the Arabic; cells that a
    spreadsheet would run as a formula are escaped."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=PAIR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in pair_rows(c):
        writer.writerow({k: spreadsheet_cell(v) for k, v in row.items()})
    return "\ufeff" + buf.getvalue()


# --------------------------------------------------------------------------- SVG chart


def frames_svg(c: Comparison, width: int = 680) -> str:
    """Both frame profiles as a grouped horizontal bar chart in inline SVG."""
    frames = list(dict.fromkeys([*c.a.frames, *c.b.frames]))
    label_w, value_w, row_h, bar_h, top = 230, 50, 34, 12, 34
    plot_w = width - label_w - value_w
    height = top + row_h * len(frames) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Frame profiles" '
        'font-family="sans-serif" font-size="12">'
    ]
    for k, side in enumerate((c.a, c.b)):
        x = label_w + k * 220
        out.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{outlet_color(side.label)}"/>'
            f'<text x="{x + 16}" y="16" direction="{direction(_label_language(side.label))}"'
            f">{esc(side.label)}</text>"
        )
    for i, frame in enumerate(frames):
        y = top + i * row_h
        out.append(
            f'<text x="{label_w - 8}" y="{y + bar_h + 4}" text-anchor="end">'
            f"{esc(frame_label(frame, 'en'))}</text>"
        )
        for k, side in enumerate((c.a, c.b)):
            value = side.frames.get(frame, 0.0)
            by = y + k * (bar_h + 2)
            w = max(0.0, min(1.0, value)) * plot_w
            out.append(
                f'<rect x="{label_w}" y="{by}" width="{w:.1f}" height="{bar_h}" '
                f'fill="{outlet_color(side.label)}"><title>{esc(side.label)}: '
                f"{round(100 * value)}%</title></rect>"
                f'<text x="{label_w + w + 4:.1f}" y="{by + bar_h - 2}" font-size="10">'
                f"{round(100 * value)}%</text>"
            )
    out.append("</svg>")
    return "".join(out)


def _label_language(label: str) -> str:
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in label) else "en"


# --------------------------------------------------------------------------- report

_CSS = """
body { font-family: 'IBM Plex Sans Arabic', 'Amiri', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif;
       margin: 2rem auto; max-width: 1100px; line-height: 1.7; color: #111827; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #e5e7eb; margin-top: 2rem; }
.rtl { direction: rtl; text-align: right; unicode-bidi: isolate; }
.ltr { direction: ltr; text-align: left; unicode-bidi: isolate; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid #e5e7eb; padding: .35rem .5rem; vertical-align: top; }
th { background: #f9fafb; }
.score { white-space: nowrap; text-align: center; color: #374151; }
.muted { color: #6b7280; font-size: .9rem; }
.head-title { font-weight: 600; font-size: 1.05rem; }
mark.ev { background: #ffc6ff; } mark.ins { background: #c7f9cc; }
mark.del { background: #ffccd5; text-decoration: line-through; }
details { margin: .3rem 0; } summary { cursor: pointer; }
"""


def _heads(side: Side) -> str:
    d = direction(side.language)
    parts = [f"<h3>{esc(side.label)}</h3>"]
    for h in side.articles:
        parts.append(_head(h, side.language, d))
    return "<div>" + "".join(parts) + "</div>"


def _head(h: ArticleHead, language: str, d: str) -> str:
    meta = " · ".join(x for x in (h.outlet, h.published_at) if x)
    return (
        f'<div dir="{d}" class="{d} head-title">{names_html(h.title, h.title_names)}</div>'
        f'<div class="muted">{esc(meta)}</div>'
        f'<p dir="{d}" class="{d}">{names_html(h.lead, h.lead_names)}</p>'
    )


def pairs_table_html(c: Comparison, pairs: list[AlignedPair]) -> str:
    if not pairs:
        return '<p class="muted">None at this threshold.</p>'
    la, lb = c.a.language, c.b.language
    rows = [f"<tr><th>{esc(c.a.label)}</th><th>score</th><th>{esc(c.b.label)}</th></tr>"]
    for p in pairs:
        rows.append(
            "<tr>"
            + text_div(p.a_text, la, "pair-a", "td")
            + f'<td class="score">{p.score:.2f}</td>'
            + text_div(p.b_text, lb, "pair-b", "td")
            + "</tr>"
        )
        if p.word_diff and not c.cross_language:
            d = direction(la)
            rows.append(
                f'<tr><td colspan="3" dir="{d}" class="{d} diff">'
                f"{word_diff_html(p.word_diff)}</td></tr>"
            )
    return "<table>" + "".join(rows) + "</table>"


def statements_html(statements, language: str) -> str:
    if not statements:
        return '<p class="muted">None.</p>'
    d = direction(language)
    items = "".join(f"<li>{esc(s.text)}</li>" for s in statements)
    return f'<ul dir="{d}" class="{d}">{items}</ul>'


def _facts(c: Comparison) -> str:
    if not c.facts_that_differ:
        return '<p class="muted">No differing numbers, dates or names found.</p>'
    status = {"only_a": f"only {c.a.label}", "only_b": f"only {c.b.label}", "differs": "differs"}
    rows = [
        "<tr><th>kind</th><th>status</th><th>about</th>"
        f"<th>{esc(c.a.label)}</th><th>{esc(c.b.label)}</th><th>context</th></tr>"
    ]
    for f in c.facts_that_differ:
        ctx = f.a_context or f.b_context
        lang = c.a.language if f.a_context else c.b.language
        rows.append(
            f"<tr><td>{esc(f.kind)}</td><td>{esc(status.get(f.status, f.status))}</td>"
            + text_div(f.label, lang, "", "td")
            + text_div(f.a_value, c.a.language, "", "td")
            + text_div(f.b_value, c.b.language, "", "td")
            + text_div(ctx, lang, "", "td")
            + "</tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _voices(c: Comparison) -> str:
    if not c.voices:
        return '<p class="muted">No attributed voices on either side.</p>'
    where = {"both": "both", "a": f"only {c.a.label}", "b": f"only {c.b.label}"}
    rows = [
        "<tr><th>voice</th><th>appears in</th>"
        f"<th>kind ({esc(c.a.label)})</th><th>statements ({esc(c.a.label)})</th>"
        f"<th>kind ({esc(c.b.label)})</th><th>statements ({esc(c.b.label)})</th></tr>"
    ]
    for v in c.voices:
        lang = c.a.language if v.present != "b" else c.b.language
        rows.append(
            "<tr>"
            + text_div(
                v.name + (f" ({v.role_a or v.role_b})" if v.role_a or v.role_b else ""),
                lang,
                "",
                "td",
            )  # fmt: skip
            + f"<td>{esc(where[v.present])}</td>"
            f"<td>{esc(v.kind_a)}</td><td>{v.quotes_a}</td>"
            f"<td>{esc(v.kind_b)}</td><td>{v.quotes_b}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _frame_details(c: Comparison) -> str:
    parts: list[str] = []
    frames = sorted(
        dict.fromkeys([*c.a.frames, *c.b.frames]),
        key=lambda f: -max(c.a.frames.get(f, 0.0), c.b.frames.get(f, 0.0)),
    )
    for frame in frames:
        sa, sb = c.a.frames.get(frame, 0.0), c.b.frames.get(frame, 0.0)
        cols = []
        for side in (c.a, c.b):
            ev = side.frame_evidence.get(frame, [])
            d = direction(side.language)
            items = "".join(
                f"<li>{esc(e.sentence)} "
                f'<span class="muted">[{esc("، ".join(e.cues) if d == "rtl" else ", ".join(e.cues))}]'
                "</span></li>"
                for e in ev
            )
            body = f'<ul dir="{d}" class="{d}">{items}</ul>' if ev else '<p class="muted">—</p>'
            cols.append(f"<div><strong>{esc(side.label)}</strong>{body}</div>")
        parts.append(
            f"<details><summary>{esc(frame_label(frame, 'en'))} — "
            f"{esc(c.a.label)} {round(100 * sa)}% · {esc(c.b.label)} {round(100 * sb)}%</summary>"
            f'<div class="cols">{"".join(cols)}</div></details>'
        )
    return "".join(parts)


def _naming(side: Side) -> str:
    if not side.naming:
        return f"<div><strong>{esc(side.label)}</strong><p class='muted'>No event names.</p></div>"
    d = direction(side.language)
    items = "".join(f"<li>{esc(name)} — {n}</li>" for name, n in side.naming)
    return f'<div><strong>{esc(side.label)}</strong><ul dir="{d}" class="{d}">{items}</ul></div>'


def build_report(c: Comparison, title: str = "", generated: str = "") -> str:
    """The whole comparison as one offline HTML document (a string)."""
    heading = title or f"Framing comparison: {c.a.label} vs {c.b.label}"
    method = (
        f"Similarity threshold {c.threshold:.2f}; "
        + (
            "multilingual sentence embeddings + term overlap"
            if c.embeddings_used
            else "term overlap"
        )
        + (" (Arabic–English pair)" if c.cross_language else "")
        + (f"; generated {generated}" if generated else "")
    )
    body = [
        f"<h1>{esc(heading)}</h1>",
        f'<p class="muted">{esc(method)}</p>',
        "<h2>Summary</h2>",
        text_div(c.summaries.get("ar", c.summary), "ar", "", "p"),
        text_div(c.summaries.get("en", ""), "en", "", "p"),
        "<h2>1. Headlines and leads</h2>",
        f'<div class="cols">{_heads(c.a)}{_heads(c.b)}</div>',
        "<h2>2. Aligned claims</h2>",
        f"<h3>Both say ({len(c.pairs)})</h3>",
        pairs_table_html(c, c.pairs),
        '<div class="cols">',
        f"<div><h3>Only {esc(c.a.label)} says ({len(c.only_a)})</h3>"
        f"{statements_html(c.only_a, c.a.language)}</div>",
        f"<div><h3>Only {esc(c.b.label)} says ({len(c.only_b)})</h3>"
        f"{statements_html(c.only_b, c.b.language)}</div>",
        "</div>",
        f"<h3>Possible paraphrases below the threshold ({len(c.weak_pairs)})</h3>",
        pairs_table_html(c, c.weak_pairs),
        "<h2>3. Facts that differ</h2>",
        _facts(c),
        "<h2>4. Voices</h2>",
        _voices(c),
        "<h2>5. Frame profile</h2>",
        '<p class="muted">Share of sentences with at least one cue of the frame; open a frame '
        "for the sentences that triggered it.</p>",
        frames_svg(c),
        _frame_details(c),
        "<h2>6. Naming the event</h2>",
        f'<div class="cols">{_naming(c.a)}{_naming(c.b)}</div>',
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f"<title>{esc(heading)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n"
    )
