"""A learned span tagger that proposes the voices the rules miss (issue 14, stop 33).

The rules (the language packs' reporting constructions) attribute each paragraph; on pages
of outlets they were not fitted to they never propose most of the voices they miss. This
module runs a small linear-chain CRF (python-crfsuite) over the sentences where a reader
would look for a voice — a sentence with a reporting cue (a word of the pack's
reporting-verb or source-phrase lexicon, or a quote mark) to which the rules gave no voice —
and tags the tokens of the voice's name (BIO: B-V / B-VC / I-V / O; B-VC is a first token
that carries a one-letter proclitic the name drops, «لرويترز» -> «رويترز»). A tagged span
whose weakest token marginal reaches the pack's threshold becomes a statement: the nearest
reporting word is its cue, it is direct when the sentence has a quote span, and its kind and
side come from the engine's lookups (`_kind_of`, the affiliations of every pack).

Features are general only: the token's matching form and affixes, its script and shape,
punctuation around it, its membership in the pack's lexicons (reporting verbs, source phrases,
roles and their kinds, honorifics, documents, statement nouns, region nouns, news agencies,
stop words, places and sides), the same for its neighbours, and its distance to the nearest
reporting word. Never the rules' output: on the dev set the rules are fitted, and a model
that learned to trust them would learn nothing for the pages they miss.

Round 2 (stop 33) adds two ops that look at the sentences the rules attributed too: "add" (a
confident span that overlaps none of the sentence's rules voices is a further voice) and
"extent" (a confident span that trims the rules' name, or completes it with plain name words
sharing its first or last word, renames that statement). They run when the pack's
voice_spans.json gives their threshold (`add_threshold`, `extent_threshold`); no pack does:
on the dev folds neither raised speaker F1 (docs/languages.md, "Round 2: where the rules
already chose").

The model is a file in the language's pack folder (`voice_spans.crfsuite`), built by
`python -m dashboard train-spans` (dashboard/bench/train_spans.py); its threshold is in
`voice_spans.json` beside it. A language without the file has the rules alone, and so does
every language with `DASHBOARD_SPAN_MODEL=0` (the ablation). The model is off unless
`DASHBOARD_SPAN_MODEL=1` (`DEFAULT_ON`): it did not pass the bar for shipping on
(docs/languages.md, "A span model for voices the rules miss (stop 33)").
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dashboard.analysis.languages import all_fields, available_languages, get_pack
from dashboard.analysis.speakers.engine import (
    SPEAKER_TOKEN_RE,
    _affiliation,
    _kind_of,
    _nphrase,
    _strip_al,
    _Tok,
    _tokens,
    roles,
)
from dashboard.analysis.stopwords import is_stopword
from dashboard.analysis.textproc import split_sentences
from dashboard.model import Quote

MODEL_FILE = "voice_spans.crfsuite"
META_FILE = "voice_spans.json"
DEFAULT_THRESHOLD = 0.5
LABELS = ("B-V", "B-VC", "I-V", "O")

_QUOTE_MARKS = set('«»“”"„')
_OPEN_MARKS = set("«“„")


def model_path(language: str) -> Path | None:
    if language not in available_languages():
        return None
    return get_pack(language).folder / MODEL_FILE


# Off by default: on the held-out check the model did not raise speaker F1 on both the dev
# folds and ar17 (docs/languages.md, stop 33), nor did the round-2 ops on the dev folds and
# ar19+ar20 (stop 33). `DASHBOARD_SPAN_MODEL=1` turns it on; a pack's voice_spans.json can
# keep it off in its language when it is on by default (`"enabled": false`).
DEFAULT_ON = False


def enabled(language: str) -> bool:
    """`DASHBOARD_SPAN_MODEL=0` is the rules alone and `=1` the model wherever a pack has one;
    unset, the model runs by default (`DEFAULT_ON`) in the languages whose voice_spans.json
    does not switch it off (`"enabled": false`)."""
    setting = os.environ.get("DASHBOARD_SPAN_MODEL")
    if setting == "0" or (setting is None and not DEFAULT_ON):
        return False
    path = model_path(language)
    if path is None or not _exists(path):
        return False
    return setting == "1" or bool(settings(language).get("enabled", True))


@lru_cache(maxsize=16)
def _exists(path: Path) -> bool:
    # Asked per article: the shipped model files do not come and go while a process runs.
    return path.exists()


# ---------------------------------------------------------------------------------------------
# Lexicons of a pack, as sets of matching forms.


@dataclass(frozen=True)
class _Lexicons:
    verbs: frozenset[str]
    sources: frozenset[str]
    role_kind: dict[str, str]  # first word of a role entry -> its kind
    role_words: frozenset[str]
    honorifics: frozenset[str]
    documents: frozenset[str]
    statement_nouns: frozenset[str]
    region_nouns: frozenset[str]
    agencies: frozenset[str]
    side_type: dict[str, str]  # first word of an affiliation entry -> country/adj/capital/body
    article: str


def _lines(code: str, name: str) -> tuple[str, ...]:
    pack = get_pack(code)
    return pack.lines(name) if pack.has_lexicon(name) else ()


def _fields(code: str, name: str) -> tuple[tuple[str, ...], ...]:
    pack = get_pack(code)
    return pack.fields(name) if pack.has_lexicon(name) else ()


def _words_of(entries) -> frozenset[str]:
    return frozenset(w for e in entries for w in _nphrase(e))


def _source_words(code: str) -> frozenset[str]:
    """The word of each source phrase that says it: a one-word phrase itself, else its longest
    word («وفقا» of «وفقا ل», «لسان» of «على لسان», "according"); a phrase of short function
    words («على ما») gives none."""
    out = set()
    for line in _lines(code, "source_phrases.txt"):
        words = _nphrase(line)
        if len(words) == 1:
            out.add(words[0])
        elif words:
            longest = max(words, key=len)
            if len(longest) > 3:
                out.add(longest)
    return frozenset(out)


@cache
def lexicons(code: str) -> _Lexicons:
    verbs: set[str] = set()
    for fields in _fields(code, "reporting_verbs.txt"):
        # The entry's first word ("called for": "called"); a file of five fields (Arabic:
        # lemma | finite forms | participles | complements | flags) lists forms in the next two.
        verbs.update(_nphrase(fields[0])[:1])
        if len(fields) >= 3:
            for f in fields[1:3]:
                if f != "-":
                    verbs.update(_nphrase(f))
    role_kind: dict[str, str] = {}
    role_words: set[str] = set()
    for fields in _fields(code, "speaker_roles.txt"):
        words = _nphrase(fields[0])
        if not words:
            continue
        kind = fields[1] if len(fields) > 1 else "other"
        role_kind.setdefault(_strip_al(words[0]), kind)
        role_words.update(_strip_al(w) for w in words)
    side_type: dict[str, str] = {}
    for fields in all_fields("affiliations.txt"):
        words = _nphrase(fields[0])
        if words:
            side_type.setdefault(words[0], fields[2] if len(fields) > 2 else "country")
    agencies = _words_of(_lines(code, "news_agencies.txt"))
    agencies |= frozenset(
        _strip_al(_nphrase(f[0])[0])
        for f in _fields(code, "speaker_roles.txt")
        if len(f) > 1 and f[1] == "media" and _nphrase(f[0])
    )
    return _Lexicons(
        verbs=frozenset(verbs),
        sources=_source_words(code),
        role_kind=role_kind,
        role_words=frozenset(role_words),
        honorifics=_words_of(_lines(code, "speaker_honorifics.txt")),
        documents=_words_of(_lines(code, "speaker_documents.txt")),
        statement_nouns=_words_of(_lines(code, "speaker_statement_nouns.txt")),
        region_nouns=_words_of(_lines(code, "speaker_region_nouns.txt")),
        agencies=agencies,
        side_type=side_type,
        article=get_pack(code).definite_article,
    )


@lru_cache(maxsize=100_000)
def _readings(norm: str, code: str) -> tuple[str, ...]:
    """The token, without one proclitic (the pack's readings), and without the article."""
    pack = get_pack(code)
    out = [norm, *pack.prefix_readings(norm)]
    out += [_strip_al(r) for r in out]
    return tuple(dict.fromkeys(out))


def _base(norm: str, code: str) -> str:
    """Conservative clitic strip: the pack's first reading, then the article."""
    readings = get_pack(code).prefix_readings(norm)
    return _strip_al(readings[0] if readings else norm)


@lru_cache(maxsize=100_000)
def _lex_flags(norm: str, code: str) -> tuple[str, ...]:
    """Lexicon memberships of one token (any of its clitic readings)."""
    lx = lexicons(code)
    reads = _readings(norm, code)
    flags: list[str] = []
    if any(r in lx.verbs for r in reads):
        flags.append("verb")
    if any(r in lx.sources for r in reads):
        flags.append("src")
    for r in reads:
        kind = lx.role_kind.get(r)
        if kind:
            flags.append("role=" + kind)
            break
    else:
        if any(r in lx.role_words for r in reads):
            flags.append("roleword")
    checks = (
        ("hon", lx.honorifics),
        ("doc", lx.documents),
        ("stmt", lx.statement_nouns),
        ("region", lx.region_nouns),
        ("agency", lx.agencies),
    )
    for name, words in checks:
        if any(r in words for r in reads):
            flags.append(name)
    for r in (*reads, lx.article + norm if lx.article else norm):
        side = lx.side_type.get(r)
        if side:
            flags.append("side=" + side)
            break
    if is_stopword(norm):
        flags.append("stop")
    return tuple(flags)


def _shape(surf: str) -> str:
    if surf.isdigit():
        return "digit"
    ch = surf[0]
    if "a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f":
        if surf.isupper() and len(surf) > 1:
            return "LATIN_UP"
        return "Latin" if ch.isupper() else "latin"
    if "\u0600" <= ch <= "\u06ff":
        return "arabic"
    if "\u0400" <= ch <= "\u04ff":
        return "Cyr" if ch.isupper() else "cyr"
    if "\uac00" <= ch <= "\ud7af":
        return "hangul"
    return "other"


def _gap_marks(gap: str) -> list[str]:
    out = []
    if any(c in _QUOTE_MARKS for c in gap):
        out.append("q")
    if any(c in ",،" for c in gap):
        out.append(",")
    if ":" in gap:
        out.append(":")
    if any(c in "-–—_/" for c in gap):
        out.append("-")
    if "(" in gap or ")" in gap:
        out.append("(")
    if any(c in ".!?؟;؛" for c in gap):
        out.append(".")
    return out


def _len_class(norm: str) -> str:
    n = len(norm)
    return "1" if n <= 2 else "2" if n <= 4 else "3" if n <= 7 else "4"


def _dist(d: int) -> str:
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7+"
    return ("+" if d > 0 else "-") + b


@lru_cache(maxsize=100_000)
def _own(norm: str, surf: str, code: str) -> tuple[str, ...]:
    """The features a token brings itself (cached: words recur)."""
    w = norm
    base = _base(w, code)
    f = [
        "b",
        "w=" + w,
        "base=" + base,
        "p2=" + base[:2],
        "p3=" + base[:3],
        "s2=" + base[-2:],
        "s3=" + base[-3:],
        "len=" + _len_class(base),
        "shape=" + _shape(surf),
    ]
    article = lexicons(code).article
    if article and w.startswith(article):
        f.append("al")
    elif article and any(r.startswith(article) for r in get_pack(code).prefix_readings(w)):
        f.append("cl_al")
    if base != w and not w.startswith(article or "\0"):
        f.append("clitic=" + w[: len(w) - len(base)])
    f.extend("lex=" + x for x in _lex_flags(w, code))
    return tuple(f)


@lru_cache(maxsize=200_000)
def _neighbour(norm: str, surf: str, code: str, off: int) -> tuple[str, ...]:
    """The features a token gives the token `off` places away (cached)."""
    f = [f"{off}:w=" + norm]
    f.extend(f"{off}:lex=" + x for x in _lex_flags(norm, code))
    if off in (-1, 1):
        f.append(f"{off}:shape=" + _shape(surf))
        f.append(f"{off}:base=" + _base(norm, code))
    return tuple(f)


_gap_marks_cached = lru_cache(maxsize=4096)(lambda gap: tuple(_gap_marks(gap)))


def sentence_features(toks: list[_Tok], code: str, para: int, first: bool) -> list[list[str]]:
    """CRF features of the tokens of one sentence (`_tokens` of the engine)."""
    n = len(toks)
    flags = [_lex_flags(t.norm, code) for t in toks]
    verbs = [i for i, f in enumerate(flags) if "verb" in f or "src" in f]
    para_feat = "para=" + ("0" if para == 0 else "1" if para == 1 else "2-4" if para <= 4 else "5+")
    marks = [_gap_marks_cached(t.gap) for t in toks]
    feats: list[list[str]] = []
    for i, t in enumerate(toks):
        f = list(_own(t.norm, t.surf, code))
        f.append(para_feat)
        if t.quote >= 0:
            f.append("inq")
        f.extend("gap" + m for m in marks[i])
        if i + 1 < n:
            f.extend("next_gap" + m for m in marks[i + 1])
        else:
            f.append("EOS")
        if i == 0:
            f.append("BOS")
            if first:
                f.append("BOP")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_neighbour(toks[j].norm, toks[j].surf, code, off))
            else:
                f.append(f"{off}:pad")
        if verbs:
            d = min((v - i for v in verbs), key=abs)
            f.append("vdist=" + (_dist(d) if d else "0"))
            # What follows the nearest cue: a function word or a quote right after it
            # («وأضاف أن», "said that") leaves no room for a subject there.
            v = i + d
            if v + 1 < n:
                if "stop" in flags[v + 1]:
                    f.append("vnext=stop")
                elif marks[v + 1]:
                    f.append("vnext=mark")
            else:
                f.append("vnext=end")
        else:
            f.append("vdist=none")
        feats.append(f)
    return feats


# ---------------------------------------------------------------------------------------------
# Sentences the model looks at.


def sentence_has_cue(toks: list[_Tok], quotes: list, code: str) -> bool:
    if quotes:
        return True
    return any(("verb" in (fl := _lex_flags(t.norm, code))) or "src" in fl for t in toks)


def cue_sentences(paragraph: str):
    """(sentence, tokens, quote spans, index in paragraph) of a paragraph's sentences."""
    for k, sentence in enumerate(split_sentences(paragraph)):
        toks, quotes = _tokens(sentence)
        if toks:
            yield sentence, toks, quotes, k


# ---------------------------------------------------------------------------------------------
# Tagging.

_LOCK = threading.Lock()


@cache
def _tagger(path: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@cache
def settings(language: str) -> dict:
    """The pack's voice_spans.json: the threshold of the gap voices (`threshold`), of the
    added voices and extents (`add_threshold`, `extent_threshold`; absent = that op off) and
    whether the model is on by default in that language (`enabled`, default true)."""
    path = model_path(language)
    if path is None:
        return {}
    meta = path.with_name(META_FILE)
    if meta.exists():
        return json.loads(meta.read_text(encoding="utf-8"))
    return {}


def threshold(language: str) -> float:
    return float(settings(language).get("threshold", DEFAULT_THRESHOLD))


def thresholds(language: str) -> dict[str, float]:
    """Threshold of each op the language's model runs."""
    meta = settings(language)
    out = {"gap": threshold(language)}
    for op in ("add", "extent"):
        if meta.get(op + "_threshold") is not None:
            out[op] = float(meta[op + "_threshold"])
    return out


def tag_spans(tagger, feats: list[list[str]]) -> list[tuple[int, int, bool, float]]:
    """(start, end, strip first clitic, probability) of the tagged spans of one sentence; the
    probability is the weakest marginal of the span's labels."""
    with _LOCK:
        tagger.set(feats)
        labels = tagger.tag()
        # Marginals of the span labels only (most tokens are O).
        margs = [tagger.marginal(lab, i) if lab != "O" else 1.0 for i, lab in enumerate(labels)]
    spans = []
    i = 0
    n = len(labels)
    while i < n:
        lab = labels[i]
        if lab.startswith("B"):
            j = i + 1
            while j < n and labels[j] == "I-V":
                j += 1
            spans.append((i, j, lab == "B-VC", min(margs[i:j])))
            i = j
        elif lab == "I-V":  # an I without its B: a span all the same
            j = i + 1
            while j < n and labels[j] == "I-V":
                j += 1
            spans.append((i, j, False, min(margs[i:j])))
            i = j
        else:
            i += 1
    return spans


def _span_text(toks: list[_Tok], a: int, b: int, strip: bool, sentence: str, code: str) -> str:
    text = sentence[toks[a].start : toks[b - 1].end]
    if strip:
        first = toks[a].surf
        readings = get_pack(code).prefix_readings(toks[a].norm)
        if readings and len(first) > 1:
            r = readings[0]
            art = lexicons(code).article
            if art and r.startswith(art) and not toks[a].norm.startswith(art):
                text = art + text[2:]  # «للجيش» -> «الجيش»
            else:
                text = text[1:]
    return " ".join(text.replace("«", " ").replace("»", " ").replace('"', " ").split())


def _quote_len(toks: list[_Tok], qi: int) -> int:
    return sum(1 for t in toks if t.quote == qi)


def _cue(toks: list[_Tok], a: int, b: int, code: str) -> str:
    best = None
    for i, t in enumerate(toks):
        fl = _lex_flags(t.norm, code)
        if "verb" in fl or "src" in fl:
            d = a - i if i < a else i - b + 1 if i >= b else 0
            if d > 0 and (best is None or d < best[0]):
                best = (d, t.surf)
    return best[1] if best else ""


def _content(name: str) -> frozenset[str]:
    return frozenset(_strip_al(w) for w in _nphrase(name) if len(w) >= 3 and not is_stopword(w))


def _known_voice(name: str, voices: list[Quote]) -> Quote | None:
    """The rules' voice of the article this span names with another extent (half its content
    words or more shared): the tagger does not change the rules' extents, so the span takes
    the rules' name."""
    words = _content(name)
    if not words:
        return None
    best = None
    for q in voices:
        other = _content(q.speaker)
        if not other:
            continue
        shared = len(words & other) / min(len(words), len(other))
        if shared >= 0.5 and (best is None or shared > best[0]):
            best = (shared, q)
    return best[1] if best else None


def _indefinite(span: list[_Tok], code: str) -> bool:
    """A bare role without the definite article (Arabic «مسؤول», English "a spokesman")."""
    article = lexicons(code).article
    if article:
        return not span[0].norm.startswith(article) and not any(
            r.startswith(article) for r in get_pack(code).prefix_readings(span[0].norm)
        )
    return span[0].norm in ("a", "an")


@dataclass(frozen=True)
class Proposal:
    """One thing the tagger proposes: `op` "gap" (a voice in a cue sentence the rules gave
    none), "add" (a further voice of a sentence the rules attributed: a second speaker, or a
    source it credits) or "extent" (the name of the rules' statement `target`, trimmed or
    completed; `quote` is that statement renamed)."""

    prob: float
    op: str
    quote: Quote
    target: int = -1


def _locate(name: str, toks: list[_Tok], code: str) -> tuple[int, int] | None:
    """Token range of a rules voice's name in the sentence (its first token may carry a
    proclitic), or None when the name is not written there (a pronoun, an earlier sentence)."""
    words = [t.norm for t in _tokens(name)[0]]
    if not words:
        return None
    n = len(words)
    first = {_strip_al(words[0]), words[0]}
    for i in range(len(toks) - n + 1):
        if not first & set(_readings(toks[i].norm, code)):
            continue
        if all(
            toks[i + j].norm == words[j] or _strip_al(toks[i + j].norm) == _strip_al(words[j])
            for j in range(1, n)
        ):
            return i, i + n
    return None


def _norm_name(name: str) -> tuple[str, ...]:
    return tuple(_strip_al(t.norm) for t in _tokens(name)[0])


def _descriptor_only(span: list[_Tok], code: str) -> bool:
    """Every word of the span is a role, a side, an honorific or a stop word: a description
    of someone, which in a sentence the rules attributed is their voice's own title."""
    for t in span:
        flags = _lex_flags(t.norm, code)
        if not any(
            f.startswith(("role=", "side=")) or f in ("roleword", "hon", "stop") for f in flags
        ):
            return False
    return True


def _plain_completion(toks: list[_Tok], a: int, b: int, na: int, nb: int, code: str) -> bool:
    """The words a span adds to the rules' name (`na`..`nb`) are plain name words: in no
    lexicon (no title, role, side, verb or stop word) and with no mark between them and it."""
    for i in [*range(a, na), *range(nb, b)]:
        if _lex_flags(toks[i].norm, code):
            return False
    for i in range(min(a, na) + 1, max(b, nb)):
        if (i <= na or i >= nb) and _gap_marks_cached(toks[i].gap):
            return False
    return True


def proposals(
    paragraphs: list[str],
    quotes: list[Quote],
    language: str,
    tagger,
    ops: tuple[str, ...] = ("gap",),
) -> list[Proposal]:
    """What the tagger proposes in the cue sentences of the article: in the sentences the
    rules gave no voice ("gap"), and, with "add" / "extent" in `ops`, in those they did."""
    code = language
    index = roles(code)
    voices = [q for q in quotes if q.speaker]
    by_para: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(i)
    out: list[Proposal] = []
    for para, paragraph in enumerate(paragraphs):
        said = [(i, quotes[i].sentence or "") for i in by_para.get(para, [])]
        whole = [i for i, s in said if not s]  # a statement of the whole paragraph
        if whole and "add" not in ops and "extent" not in ops:
            continue
        for k, sentence in enumerate(split_sentences(paragraph)):
            own = [i for i, s in said if s and (s in sentence or sentence in s)] + whole
            if own and "add" not in ops and "extent" not in ops:
                continue
            if not own and whole:
                continue
            toks, qspans = _tokens(sentence)
            if not toks or not sentence_has_cue(toks, qspans, code):
                continue
            located = [(i, _locate(quotes[i].speaker, toks, code)) for i in own]
            own_voices = [quotes[i] for i in own if quotes[i].speaker]
            feats = sentence_features(toks, code, para, k == 0)
            for a, b, strip, prob in tag_spans(tagger, feats):
                name = _span_text(toks, a, b, strip, sentence, code)
                words = SPEAKER_TOKEN_RE.findall(name)
                if not words or all(is_stopword(w) for w in words):
                    continue
                if all({"doc", "stmt", "stop"} & set(_lex_flags(t.norm, code)) for t in toks[a:b]):
                    continue  # «البيان»: the statement itself, not who made it
                span = toks[a:b]
                if (
                    any(t.quote >= 0 for t in span)
                    and len(span) < 8
                    and any(_quote_len(toks, t.quote) > 6 for t in span)
                ):
                    continue  # words of a long quote are what was said, not who said it
                kind, typ = _kind_of(span, index)
                if typ == "group" or (typ == "person" and _indefinite(span, code)):
                    kind = "anonymous"  # «مصادر مطلعة», «مسؤول أمريكي»: an unnamed voice
                affiliation = _affiliation(span, typ in ("body", "group"))
                if own:
                    hits = [(i, r) for i, r in located if r and r[0] < b and a < r[1]]
                    if hits:
                        if "extent" not in ops:
                            continue
                        i, (na, nb) = hits[0]
                        q = quotes[i]
                        trims = na <= a and b <= nb
                        if not (trims or a == na or b == nb):
                            continue  # another extent that moves: not the same name
                        if not trims and not _plain_completion(toks, a, b, na, nb, code):
                            continue  # a title or a clause, not the rest of the name
                        if _norm_name(name) == _norm_name(q.speaker) or not q.speaker:
                            continue
                        renamed = Quote(
                            speaker=name,
                            speaker_kind=kind or "other",
                            role=q.role,
                            verb=q.verb,
                            direct=q.direct,
                            text=q.text,
                            paragraph=q.paragraph,
                            sentence=q.sentence,
                            affiliation=affiliation or q.affiliation,
                            channel=q.channel,
                        )
                        out.append(Proposal(prob, "extent", renamed, i))
                        continue
                    if "add" not in ops or _known_voice(name, own_voices) is not None:
                        continue  # the sentence's own voice, named where the rules did not look
                    if _descriptor_only(span, code):
                        continue  # «الوزير», "Italian coach": the title of the voice it has
                known = _known_voice(name, voices)
                if known is not None:
                    name, kind = known.speaker, known.speaker_kind
                direct = bool(qspans)
                text = sentence[toks[b - 1].end :].strip(" ،,:") or sentence
                quote = Quote(
                    speaker=name,
                    speaker_kind=kind or "other",
                    role="",
                    verb=_cue(toks, a, b, code),
                    direct=direct,
                    text=text,
                    paragraph=para,
                    sentence=sentence,
                    affiliation=affiliation,
                )
                out.append(Proposal(prob, "add" if own else "gap", quote))
    return out


def candidates(
    paragraphs: list[str], quotes: list[Quote], language: str, tagger
) -> list[tuple[float, Quote]]:
    """Voices the tagger proposes, with their probability, in the cue sentences of the
    article to which the rules gave no voice."""
    return [(p.prob, p.quote) for p in proposals(paragraphs, quotes, language, tagger)]


def apply(quotes: list[Quote], props: list[Proposal], thresholds: dict[str, float]) -> list[Quote]:
    """The rules' statements with the proposals whose probability reaches their op's
    threshold (an op without one is off): extents rename, the others are added."""
    out = list(quotes)
    done: set[int] = set()
    extra = []
    for p in props:
        thr = thresholds.get(p.op)
        if thr is None or p.prob < thr:
            continue
        if p.op == "extent":
            if p.target not in done:
                out[p.target] = p.quote
                done.add(p.target)
        else:
            extra.append(p.quote)
    return [*out, *extra] if extra else out


def propose_voices(quotes: list[Quote], paragraphs: list[str], language: str) -> list[Quote]:
    """The rules' statements plus the voices the tagger finds where the rules found none
    (the rules' statements alone when the language has no model or it is switched off)."""
    if not enabled(language):
        return quotes
    try:
        tagger = _tagger(str(model_path(language)))
    except ImportError:  # python-crfsuite not installed: the rules alone
        return quotes
    thr = thresholds(language)
    props = proposals(paragraphs, quotes, language, tagger, tuple(thr))
    return apply(quotes, props, thr)
