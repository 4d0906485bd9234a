"""Making untrusted text inert where it is shown: in HTML and Markdown, and in spreadsheets.

Article-derived strings (titles, outlets, URLs, speaker names, file names, sentences) end up
in three kinds of places, each of which interprets some characters:

- Streamlit's Markdown elements (captions, metric labels, expander titles, bold headers,
  alerts, help texts) and st.markdown(unsafe_allow_html=True) fragments: HTML tags, and
  Markdown syntax — `[text](url)` links, `![alt](url)` images a viewer's browser fetches,
  `**bold**`, backticks, `$math$`, `:red[...]` — and bare URLs, `www.` names and e-mail
  addresses, which Streamlit turns into links even inside raw HTML blocks;
- the offline HTML report (plain HTML, but its fragments are shared with the Framing page);
- CSV files opened in a spreadsheet, which runs a cell starting with `=`, `+`, `-` or `@`.

`inert()` is the one escape for the first two: every ASCII punctuation character that
Markdown or HTML gives a meaning becomes a character reference (shown as the character,
never parsed as syntax), and a WORD JOINER (U+2060, invisible) goes before `://`, the dot
of `www.` and `@`, so no bare URL, `www.` name or e-mail address is left for the link
detector to find (it runs on the decoded text, so references alone do not stop it). Whitespace is collapsed, so a newline in a title cannot
start a new Markdown block. Plotly labels use figures.safe() instead (no Markdown there).
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
# Characters with a meaning in HTML or in (GitHub-flavoured, Streamlit-extended) Markdown
# wherever they stand in a line: tags and entities, links and images (`[`, `]`), emphasis
# and strike-through, code, math, headings, emoji and icon shortcodes (`:`). Others (`!`,
# `(`, `|`, `=` …) mean something only next to one of these or on a line of their own.
_ALWAYS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"} | {
    c: f"&#{ord(c)};" for c in "\\`*_~[]#$:"
}
_TABLE = str.maketrans(_ALWAYS)
# At the start of a text: list markers ("- ", "+ ", "1. ", "1) ").
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([-+])")
# Where the link detector starts: "scheme://", "www." and the "@" of an e-mail address.
_AUTOLINK = re.compile(r"(?=://)|(?i:(?<=www))(?=\.)|(?=@)")
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\v": " ", "\f": " "})


def inert(value: object, collapse: bool = True) -> str:
    """`value` as text that HTML and Streamlit's Markdown both show literally.

    `collapse=False` keeps runs of spaces (for pieces of a longer text, such as the
    segments between highlights) but still turns line breaks into spaces."""
    text = "" if value is None else str(value)
    text = " ".join(text.split()) if collapse else text.translate(_BREAKS)
    text = _AUTOLINK.sub(WORD_JOINER, text).translate(_TABLE)
    if collapse:
        text = _LEADING.sub(_entity_marker, text, count=1)
    return text


def _entity_marker(match: re.Match[str]) -> str:
    if match.group(3):
        return f"&#{ord(match.group(3))};"
    return f"{match.group(1)}&#{ord(match.group(2))};"


# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_TERMINAL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(value: object) -> str:
    """A file name (or other untrusted label) for a line of terminal output: line breaks,
    other control characters and bidi overrides are written as escapes (a\\nb.txt), so
    one name stays on one line, cannot fake another report line, and can still be found."""
    out = []
    for ch in "" if value is None else str(value):
        code = ord(ch)
        if ch in _TERMINAL_ESCAPES:
            out.append(_TERMINAL_ESCAPES[ch])
        elif code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def shown_text(escaped: str) -> str:
    """What a browser shows for inert() output (for tests and plain-text reuse)."""
    import html

    return html.unescape(escaped).replace(WORD_JOINER, "")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading
    apostrophe (shown by Excel and LibreOffice as plain text)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
