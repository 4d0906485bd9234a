"""The side-by-side framing diff of two articles (or two outlets' sets of articles).

Puts together, for A and B: how each headline and lead name the event, which statements
the two share (sentence alignment, word diffs for wire copies), what only one side says,
checkable facts that differ (numbers, years, dates, names), who is quoted on each side,
frame profiles with evidence, and a plain-language summary built from templates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from dashboard.analysis import alignment
from dashboard.analysis.frames import frame_label, score_frames
from dashboard.analysis.naming import event_name_counts, event_name_spans, name_key
from dashboard.analysis.textproc import normalize, to_ascii_digits, tokenize
from dashboard.model import Article, FrameEvidence

WORD_DIFF_MIN_SCORE = 0.7
WEAK_PAIR_FLOOR = 0.15
# A lead is the first paragraph long enough not to be a caption or a subheading.
_LEAD_MIN_TOKENS = 12


@dataclass
class ArticleHead:
    article: str
    outlet: str
    published_at: str
    title: str
    title_names: list[dict] = field(default_factory=list)  # {start, end, text}
    lead: str = ""
    lead_names: list[dict] = field(default_factory=list)


@dataclass
class Side:
    label: str
    language: str
    articles: list[ArticleHead]
    frames: dict[str, float]
    frame_evidence: dict[str, list[FrameEvidence]]
    naming: list[tuple[str, int]]
    units: int


@dataclass
class AlignedPair:
    a_text: str
    b_text: str
    score: float
    a_paragraph: int
    b_paragraph: int
    a_article: str = ""
    b_article: str = ""
    word_diff: list[tuple[str, str]] | None = None


@dataclass
class Statement:
    text: str
    paragraph: int
    article: str = ""


@dataclass
class FactDiff:
    """One checkable fact present on one side only, or with different values.

    kind: number | year | year_range | date | entity. status: only_a | only_b | differs.
    """

    kind: str
    status: str
    a_value: str = ""
    b_value: str = ""
    a_context: str = ""
    b_context: str = ""
    label: str = ""  # the counted noun, entity kind ... what the values are about


@dataclass
class VoiceRow:
    name: str
    present: str  # both | a | b
    kind_a: str = ""
    kind_b: str = ""
    role_a: str = ""
    role_b: str = ""
    quotes_a: int = 0
    quotes_b: int = 0


@dataclass
class Comparison:
    a: Side
    b: Side
    threshold: float
    cross_language: bool
    embeddings_used: bool
    pairs: list[AlignedPair]
    # Mutual best matches scoring below the threshold (>= WEAK_PAIR_FLOOR): possible
    # paraphrases, low precision; shown as uncertain. Their statements stay in only_a/only_b.
    weak_pairs: list[AlignedPair]
    only_a: list[Statement]
    only_b: list[Statement]
    facts_that_differ: list[FactDiff]
    voices: list[VoiceRow]
    summary: str
    summaries: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- sides


def _names(text: str, language: str) -> list[dict]:
    return [
        {"start": s, "end": e, "text": phrase} for s, e, phrase in event_name_spans(text, language)
    ]


def _lead(paragraphs: list[str]) -> str:
    for p in paragraphs:
        if len(tokenize(p)) >= _LEAD_MIN_TOKENS:
            return p
    return paragraphs[0] if paragraphs else ""


def _head(article: Article) -> ArticleHead:
    lead = _lead(article.paragraphs)
    return ArticleHead(
        article=article.id,
        outlet=article.outlet,
        published_at=article.published_at,
        title=article.title,
        title_names=_names(article.title, article.language),
        lead=lead,
        lead_names=_names(lead, article.language),
    )


def _language(articles: list[Article]) -> str:
    langs = Counter(a.language or "ar" for a in articles)
    return langs.most_common(1)[0][0] if langs else "ar"


def _side(articles: list[Article], label: str, units: int) -> Side:
    language = _language(articles)
    paragraphs = [p for a in articles for p in a.paragraphs]
    frames, evidence = score_frames(paragraphs, language)
    # Merge name counts over articles by grouping key, keeping the first spelling seen.
    counts: dict[str, list] = {}
    for a in articles:
        for name, n in event_name_counts(a.paragraphs, a.language or language, a.title):
            entry = counts.setdefault(name_key(name), [name, 0])
            entry[1] += n
    naming = sorted(((n, c) for n, c in counts.values()), key=lambda x: -x[1])
    return Side(
        label=label,
        language=language,
        articles=[_head(a) for a in articles],
        frames=frames,
        frame_evidence=evidence,
        naming=naming,
        units=units,
    )


def _label(articles: list[Article], fallback: str) -> str:
    outlets = list(dict.fromkeys(a.outlet for a in articles if a.outlet))
    return " / ".join(outlets) if outlets else fallback


# --------------------------------------------------------------------------- facts


def _noun_key(noun: str) -> str:
    n = normalize(noun)
    return alignment._light_stem(alignment._strip_clitics(n)) if n != "%" else n


def _fmt_number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def _collect_facts(units: list[dict]) -> dict[str, list]:
    """Facts of every unit, each with the sentence it came from."""
    out: dict[str, list] = {"numbers": [], "years": [], "year_ranges": [], "entities": []}
    for u in units:
        facts = alignment.extract_facts(u["text"])
        for key in out:
            out[key].extend((item, u["text"]) for item in facts[key])
    return out


def _number_diffs(fa: list, fb: list) -> list[FactDiff]:
    values_b = {n["value"] for n, _ in fb}
    values_a = {n["value"] for n, _ in fa}
    diffs: list[FactDiff] = []
    used_b: set[int] = set()
    for n, ctx in fa:
        if n["value"] in values_b:
            continue
        key = _noun_key(n["noun"]) if n["noun"] else ""
        match = next(
            (
                (k, m, c)
                for k, (m, c) in enumerate(fb)
                if key
                and k not in used_b
                and _noun_key(m["noun"]) == key
                and m["value"] not in values_a
            ),
            None,
        )
        if match:
            k, m, c = match
            used_b.add(k)
            diffs.append(
                FactDiff("number", "differs", n["text"], m["text"], ctx, c, label=n["noun"])
            )
        else:
            diffs.append(FactDiff("number", "only_a", n["text"], "", ctx, "", label=n["noun"]))
    for k, (m, c) in enumerate(fb):
        if k in used_b or m["value"] in values_a:
            continue
        diffs.append(FactDiff("number", "only_b", "", m["text"], "", c, label=m["noun"]))
    return _dedupe(diffs)


def _dedupe(diffs: list[FactDiff]) -> list[FactDiff]:
    seen: set[tuple] = set()
    out: list[FactDiff] = []
    for d in diffs:
        key = (d.kind, d.status, d.a_value, d.b_value, d.label)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _set_diffs(kind: str, fa: list, fb: list, key, show, label=None) -> list[FactDiff]:
    """Facts whose key occurs on one side only (first occurrence kept for context)."""
    ka: dict = {}
    kb: dict = {}
    for x, c in fa:
        ka.setdefault(key(x), (x, c))
    for x, c in fb:
        kb.setdefault(key(x), (x, c))
    diffs = [
        FactDiff(kind, "only_a", show(x), "", c, "", label=label(x) if label else "")
        for k, (x, c) in ka.items()
        if k not in kb
    ]
    diffs += [
        FactDiff(kind, "only_b", "", show(x), "", c, label=label(x) if label else "")
        for k, (x, c) in kb.items()
        if k not in ka
    ]
    return diffs


def _whole_years_written(d) -> bool:
    """A mention like «من 1980 إلى 1988» or "in 2019": written years covering whole years,
    already compared as a year or year range; listing it as a date too would repeat it."""
    return (
        d.start.endswith("-01-01")
        and d.end.endswith("-12-31")
        and re.search(r"\d{4}", to_ascii_digits(d.text)) is not None
    )


def _show_date(d) -> str:
    """The words of the article plus what they were resolved to (relative dates say
    nothing on their own: «الثلاثاء الماضي» (2024-06-18))."""
    resolved = d.start if d.start == d.end else f"{d.start} – {d.end}"
    return f"{d.text} ({resolved})"


def _date_diffs(a_articles: list[Article], b_articles: list[Article]) -> list[FactDiff]:
    def mentions(articles: list[Article]) -> list:
        return [
            (d, d.sentence or d.text)
            for a in articles
            for d in a.dates
            if not d.vague and d.start is not None and not _whole_years_written(d)
        ]

    return _set_diffs(
        "date",
        mentions(a_articles),
        mentions(b_articles),
        key=lambda d: (d.start, d.end),
        show=_show_date,
    )


def _facts_that_differ(
    units_a: list[dict],
    units_b: list[dict],
    a_articles: list[Article],
    b_articles: list[Article],
    cross_language: bool,
) -> list[FactDiff]:
    fa, fb = _collect_facts(units_a), _collect_facts(units_b)
    diffs = _number_diffs(fa["numbers"], fb["numbers"])
    diffs += _set_diffs(
        "year_range",
        fa["year_ranges"],
        fb["year_ranges"],
        key=lambda r: tuple(r),
        show=lambda r: f"{r[0]}–{r[1]}",
    )
    # A year inside the other side's range is not missing from it.
    range_years_a = {y for r, _ in fa["year_ranges"] for y in r}
    range_years_b = {y for r, _ in fb["year_ranges"] for y in r}
    diffs += _set_diffs(
        "year",
        [(y, c) for y, c in fa["years"] if y not in range_years_b],
        [(y, c) for y, c in fb["years"] if y not in range_years_a],
        key=lambda y: y,
        show=str,
    )
    diffs += _date_diffs(a_articles, b_articles)

    def entities(facts: dict) -> list:
        # Person names written in two scripts cannot be matched without transliteration,
        # so across languages only places (CLDR codes) are compared.
        return [
            (e, c)
            for e, c in facts["entities"]
            if not cross_language or e["key"].startswith("GEO:")
        ]

    text_a = _normalised_text(units_a)
    text_b = _normalised_text(units_b)
    for d in _set_diffs(
        "entity",
        entities(fa),
        entities(fb),
        key=lambda e: e["key"],
        show=lambda e: e["text"],
        label=lambda e: e["kind"],
    ):
        # A person written «بوتين» on one side and «فلاديمير بوتين» on the other is on both.
        other = text_b if d.status == "only_a" else text_a
        if d.label != "place" and _mentions(other, d.a_value or d.b_value):
            continue
        diffs.append(d)
    return diffs


def _pair_number_diffs(diffs: list[FactDiff], pairs: list[tuple[str, str]]) -> list[FactDiff]:
    """Across languages the counted nouns cannot be compared («12 членов экипажа» / «선원
    14명»), so a number found only in A and one found only in B become one "differs" fact
    when they are the only such numbers of two aligned statements."""
    only_a: dict[str, list[FactDiff]] = {}
    only_b: dict[str, list[FactDiff]] = {}
    for d in diffs:
        if d.kind == "number" and d.status == "only_a":
            only_a.setdefault(d.a_context, []).append(d)
        elif d.kind == "number" and d.status == "only_b":
            only_b.setdefault(d.b_context, []).append(d)
    merged: dict[int, FactDiff] = {}
    dropped: set[int] = set()
    for text_a, text_b in pairs:
        da, db = only_a.get(text_a, []), only_b.get(text_b, [])
        if len(da) == 1 and len(db) == 1:
            a, b = da[0], db[0]
            merged[id(a)] = FactDiff(
                "number", "differs", a.a_value, b.b_value, a.a_context, b.b_context, label=a.label
            )
            dropped.add(id(b))
    return [merged.get(id(d), d) for d in diffs if id(d) not in dropped]


def _normalised_text(units: list[dict]) -> str:
    return " " + " ".join(" ".join(normalize(t) for t in tokenize(u["text"])) for u in units) + " "


def _mentions(normalised_text: str, name: str) -> bool:
    """Does the text contain the name, or its last word (a surname), as whole words?"""
    words = [normalize(t) for t in tokenize(name)]
    if not words:
        return False
    return f" {' '.join(words)} " in normalised_text or (
        len(words) > 1 and len(words[-1]) > 2 and f" {words[-1]} " in normalised_text
    )


# --------------------------------------------------------------------------- voices


def _speakers(articles: list[Article]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for a in articles:
        for s in a.speakers:
            key = normalize(s.name).strip()
            if not key:
                continue
            row = out.setdefault(key, {"name": s.name, "kind": s.kind, "role": s.role, "quotes": 0})
            row["quotes"] += s.quotes
    return out


def _same_person(ka: str, kb: str) -> bool:
    """Same speaker when one name's words are all in the other («مسعد» / «ماركو مسعد»)."""
    wa, wb = set(ka.split()), set(kb.split())
    return ka == kb or (bool(wa) and bool(wb) and (wa <= wb or wb <= wa))


def _voices(a_articles: list[Article], b_articles: list[Article]) -> list[VoiceRow]:
    sa, sb = _speakers(a_articles), _speakers(b_articles)
    rows: list[VoiceRow] = []
    matched_b: set[str] = set()
    for ka, va in sa.items():
        kb = next((k for k in sb if k not in matched_b and _same_person(ka, k)), None)
        if kb is None:
            rows.append(VoiceRow(va["name"], "a", va["kind"], "", va["role"], "", va["quotes"], 0))
            continue
        matched_b.add(kb)
        vb = sb[kb]
        rows.append(
            VoiceRow(
                va["name"], "both", va["kind"], vb["kind"], va["role"], vb["role"],
                va["quotes"], vb["quotes"],
            )
        )  # fmt: skip
    for kb, vb in sb.items():
        if kb not in matched_b:
            rows.append(VoiceRow(vb["name"], "b", "", vb["kind"], "", vb["role"], 0, vb["quotes"]))
    order = {"both": 0, "a": 1, "b": 2}
    rows.sort(key=lambda r: (order[r.present], -(r.quotes_a + r.quotes_b)))
    return rows


# --------------------------------------------------------------------------- summary


def _top_frame(side: Side) -> tuple[str, float]:
    if not side.frames:
        return "", 0.0
    frame = max(side.frames, key=lambda f: side.frames[f])
    return frame, side.frames[frame]


def _largest_gap(a: Side, b: Side) -> tuple[str, float, float]:
    frames = set(a.frames) | set(b.frames)
    if not frames:
        return "", 0.0, 0.0
    f = max(frames, key=lambda x: abs(a.frames.get(x, 0) - b.frames.get(x, 0)))
    return f, a.frames.get(f, 0.0), b.frames.get(f, 0.0)


def _pct(x: float) -> int:
    return round(100 * x)


# Unicode first-strong isolates (the plain-text form of <bdi> / dir="auto"): an Arabic
# outlet or event name inside the English summary (or an English one inside the Arabic)
# keeps its own direction instead of reordering the numbers and punctuation around it.
FSI, PDI = "\u2068", "\u2069"
_ISOLATE_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e")


def _in_sentence(label: str) -> str:
    """A frame label inside a sentence: first letter lowered, names kept ("war in Ukraine")."""
    return label[:1].lower() + label[1:]


def _iso(value: object) -> str:
    """A value embedded in a summary sentence, isolated; its own stray bidi controls removed."""
    text = "" if value is None else str(value).translate(_ISOLATE_MARKS)
    return f"{FSI}{text}{PDI}" if text else ""


def _summaries(c: Comparison) -> dict[str, str]:
    a, b = c.a, c.b
    la, lb = _iso(a.label), _iso(b.label)
    n_pairs = len(c.pairs)
    # Near-identical means a wire copy (shown with a word diff): never across languages.
    n_close = sum(1 for p in c.pairs if p.score > WORD_DIFF_MIN_SCORE and not c.cross_language)
    fa, sa = _top_frame(a)
    fb, sb = _top_frame(b)
    gap_f, gap_a, gap_b = _largest_gap(a, b)
    name_a = _iso(a.naming[0][0]) if a.naming else ""
    name_b = _iso(b.naming[0][0]) if b.naming else ""
    n_facts = len(c.facts_that_differ)
    differs = [d for d in c.facts_that_differ if d.status == "differs"]
    both = sum(1 for v in c.voices if v.present == "both")
    va = sum(1 for v in c.voices if v.present in ("both", "a"))
    vb = sum(1 for v in c.voices if v.present in ("both", "b"))

    en = [
        f"{la} and {lb} share {n_pairs} aligned statement{'s' * (n_pairs != 1)}"
        + (f" ({n_close} near-identical)" if n_close else "")
        + f"; {len(c.only_a)} statements appear only in {la} and {len(c.only_b)} only in "
        f"{lb}."
    ]
    ar = [
        f"تتقاطع {la} و{lb} في {n_pairs} من العبارات المتقابلة"
        + (f" (منها {n_close} شبه متطابقة)" if n_close else "")
        + f"، وتنفرد {la} بـ{len(c.only_a)} عبارة و{lb} بـ{len(c.only_b)} عبارة."
    ]
    if fa and fb and sa > 0 and sb > 0:  # «leans most on X (0%)» would say nothing true
        en.append(
            f"{la} leans most on {_in_sentence(frame_label(fa, 'en'))} ({_pct(sa)}% of sentences), "
            f"{lb} on {_in_sentence(frame_label(fb, 'en'))} ({_pct(sb)}%)."
        )
        ar.append(
            f"يغلب على {la} إطار «{frame_label(fa, 'ar')}» ({_pct(sa)}٪ من الجمل)، "
            f"وعلى {lb} إطار «{frame_label(fb, 'ar')}» ({_pct(sb)}٪)."
        )
        if gap_f and abs(gap_a - gap_b) >= 0.1:
            en.append(
                f"The widest gap is {_in_sentence(frame_label(gap_f, 'en'))}: "
                f"{_pct(gap_a)}% vs {_pct(gap_b)}%."
            )
            ar.append(
                f"وأوسع فارق في إطار «{frame_label(gap_f, 'ar')}»: {_pct(gap_a)}٪ مقابل {_pct(gap_b)}٪."
            )
    if name_a or name_b:
        en.append(f"{la} names the event mostly as “{name_a or '—'}”, {lb} as “{name_b or '—'}”.")
        ar.append(f"تسمي {la} الحدث غالبًا «{name_a or '—'}»، و{lb} «{name_b or '—'}».")
    if n_facts:
        ex = ""
        ex_ar = ""
        if differs:
            d = differs[0]
            ex = f", e.g. {_iso(d.label) or 'a figure'}: {_iso(d.a_value)} vs {_iso(d.b_value)}"
            ex_ar = f"، منها {_iso(d.label) or 'رقم'}: {_iso(d.a_value)} مقابل {_iso(d.b_value)}"
        en.append(
            f"{n_facts} checkable facts (numbers, dates, names) differ or appear on one side{ex}."
        )
        ar.append(
            f"وتختلف {n_facts} من الوقائع القابلة للتحقق (أرقام وتواريخ وأسماء) أو ترد في جانب واحد{ex_ar}."
        )
    if va or vb:
        en.append(
            f"{la} quotes {va} speaker{'s' * (va != 1)}, {lb} {vb}; "
            f"{both} appear{'s' * (both == 1)} in both."
        )
        ar.append(f"تنقل {la} عن {va} متحدثًا و{lb} عن {vb}، يظهر {both} منهم في الجانبين.")
    return {"en": " ".join(en), "ar": " ".join(ar)}


# --------------------------------------------------------------------------- entry points


def _units(articles: list[Article], clauses: bool) -> list[dict]:
    units: list[dict] = []
    for a in articles:
        for u in alignment.sentence_units(a.paragraphs, clauses=clauses):
            units.append({**u, "article": a.id, "index": len(units)})
    return units


def compare_groups(
    articles_a: list[Article],
    articles_b: list[Article],
    threshold: float = 0.3,
    clauses: bool = False,
    use_embeddings: bool | None = None,
) -> Comparison:
    """Outlet-vs-outlet comparison: the articles of each side are pooled (each statement
    keeps its article id)."""
    units_a = _units(articles_a, clauses)
    units_b = _units(articles_b, clauses)
    side_a = _side(articles_a, _label(articles_a, "A"), len(units_a))
    side_b = _side(articles_b, _label(articles_b, "B"), len(units_b))
    if side_a.label == side_b.label:
        side_a.label, side_b.label = f"{side_a.label} (A)", f"{side_b.label} (B)"
    cross = side_a.language != side_b.language
    sim = alignment.similarity_matrix(units_a, units_b, use_embeddings=use_embeddings)
    matched = alignment.align(units_a, units_b, threshold, sim=sim)

    def pair(i: int, j: int, score: float) -> AlignedPair:
        ua, ub = units_a[i], units_b[j]
        return AlignedPair(
            a_text=ua["text"],
            b_text=ub["text"],
            score=round(score, 3),
            a_paragraph=ua["paragraph"],
            b_paragraph=ub["paragraph"],
            a_article=ua["article"],
            b_article=ub["article"],
            # Across languages a token diff would mark every word: only same-language pairs.
            word_diff=alignment.word_diff(ua["text"], ub["text"])
            if score > WORD_DIFF_MIN_SCORE and not cross
            else None,
        )

    pairs = [pair(i, j, score) for i, j, score in matched]
    weak_raw = alignment.weak_pairs(
        units_a, units_b, sim, threshold, min(WEAK_PAIR_FLOOR, threshold), matched
    )
    weak = [pair(i, j, score) for i, j, score in weak_raw]
    in_a = {i for i, _, _ in matched}
    in_b = {j for _, j, _ in matched}
    only_a = [
        Statement(u["text"], u["paragraph"], u["article"])
        for u in units_a
        if u["index"] not in in_a
    ]
    only_b = [
        Statement(u["text"], u["paragraph"], u["article"])
        for u in units_b
        if u["index"] not in in_b
    ]
    comparison = Comparison(
        a=side_a,
        b=side_b,
        threshold=threshold,
        cross_language=cross,
        embeddings_used=use_embeddings is not False and alignment.embeddings_available(),
        pairs=pairs,
        weak_pairs=weak,
        only_a=only_a,
        only_b=only_b,
        facts_that_differ=_facts_that_differ(units_a, units_b, articles_a, articles_b, cross),
        voices=_voices(articles_a, articles_b),
        summary="",
        summaries={},
    )
    if cross:
        comparison.facts_that_differ = _pair_number_diffs(
            comparison.facts_that_differ,
            [(units_a[i]["text"], units_b[j]["text"]) for i, j, _ in [*matched, *weak_raw]],
        )
    comparison.summaries = _summaries(comparison)
    lang = "ar" if "ar" in (side_a.language, side_b.language) else "en"
    comparison.summary = comparison.summaries[lang]
    return comparison


def compare_articles(
    a: Article,
    b: Article,
    threshold: float = 0.3,
    clauses: bool = False,
    use_embeddings: bool | None = None,
) -> Comparison:
    """Side-by-side framing diff of two articles (see `Comparison`)."""
    return compare_groups([a], [b], threshold, clauses=clauses, use_embeddings=use_embeddings)
