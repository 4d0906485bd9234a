"""Typed article model: the one place that defines the parsed-article JSON shape.

`Article.to_dict()` is what `python -m dashboard parse --json` prints and what the store
keeps. Field names listed in the foundation issue are stable: later work adds fields,
it never renames them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Speaker kinds, in display order.
SPEAKER_KINDS = ("official", "state", "expert", "media", "organisation", "anonymous", "other")


@dataclass
class RawArticle:
    """What a reader produces: text plus whatever metadata the source carried."""

    title: str
    body: str
    outlet: str = ""
    outlet_domain: str = ""
    url: str = ""
    language: str = ""  # "ar" / "en"; empty = detect
    country: str = ""
    published_at: str = ""  # ISO date (YYYY-MM-DD) or empty
    date_source: str = ""  # "manifest", "estimated", "metadata", "unknown", ...
    source_file: str = ""

    def content_hash(self) -> str:
        """Identity of an article: same outlet + title + body => same article."""
        h = hashlib.sha256()
        for part in (self.outlet.strip(), self.title.strip(), " ".join(self.body.split())):
            h.update(part.encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()


@dataclass
class Quote:
    """One attributed statement (direct quote or reported speech)."""

    speaker: str
    speaker_kind: str
    role: str
    verb: str
    direct: bool
    text: str
    paragraph: int
    sentence: str = ""  # the sentence the attribution was found in (provenance)
    affiliation: str = ""  # country / side of the speaker when known
    channel: str = ""  # outlet that carried an interview ("في حديث لوكالة ..."), not a speaker


@dataclass
class Speaker:
    name: str
    kind: str
    role: str
    quotes: int
    affiliation: str = ""


@dataclass
class DateMention:
    """A temporal expression resolved against the publication date.

    start/end are ISO dates (inclusive) or None for vague expressions, which are never
    plotted as exact dates. granularity: day, week, month, year, range, vague.
    """

    text: str
    start: str | None
    end: str | None
    granularity: str
    approximate: bool
    paragraph: int
    sentence: str = ""
    vague: bool = False


@dataclass
class Keyword:
    term: str
    count: int


@dataclass
class FrameEvidence:
    sentence: str
    paragraph: int
    cues: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    title: str
    outlet: str
    published_at: str
    date_source: str
    language: str
    paragraphs: list[str]
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    event_names: list[str] = field(default_factory=list)
    frames: dict[str, float] = field(default_factory=dict)
    # Additions beyond the stable core fields.
    outlet_domain: str = ""
    url: str = ""
    country: str = ""
    source_file: str = ""
    frame_evidence: dict[str, list[FrameEvidence]] = field(default_factory=dict)
    # All content terms with counts (unigrams, and bigrams seen twice or more): what the
    # corpus-level keyword views aggregate. `keywords` is the article's own top list.
    terms: list[Keyword] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # False when the article's language has no language pack: stored and listed, not analysed.
    analysed: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        d["quotes"] = [Quote(**q) for q in d.get("quotes", [])]
        d["speakers"] = [Speaker(**s) for s in d.get("speakers", [])]
        d["dates"] = [DateMention(**x) for x in d.get("dates", [])]
        d["keywords"] = [Keyword(**k) for k in d.get("keywords", [])]
        d["terms"] = [Keyword(**k) for k in d.get("terms", [])]
        d["frame_evidence"] = {
            k: [FrameEvidence(**e) for e in v] for k, v in d.get("frame_evidence", {}).items()
        }
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})
