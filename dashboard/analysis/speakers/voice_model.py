"""A small learned check on the rules' attributions: is this statement's speaker a real voice?

The rules (the language packs' reporting constructions) propose every statement and its
speaker; most of their mistakes on real articles are speakers that are not voices at all —
clause fragments ("consistently falling toward its"), dates ("Monday"), things ("deal",
«حصيلة محينة لوزارة»). A logistic regression over features of the proposed speaker and its
statement (the shape of the name, whether the article names it elsewhere, the cue, the kind
the rules gave it, the language) scores each proposal; proposals below the threshold are
dropped.

The weights are data (`voice_model.json` beside this file), built by a reproducible command
from the development set's annotations (devset/README.md):

    python -m dashboard train-voices devset/texts --gold devset/gold --split all \
        --exclude ar7.csv,en6.csv

(every annotated article except the held-out sets not yet scored: the dev articles alone
give it almost no negatives, since the rules were tuned on them; the held-out sets already
scored show the rules' real mistakes).

Nothing is fetched at run time; the model is a few hundred numbers, read once. Without the
file, or with `DASHBOARD_VOICE_MODEL=0`, every proposal is kept (the rules alone): that is the
ablation `evaluate` reports.
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from itertools import islice, repeat
from operator import mul
from pathlib import Path
from typing import Any

from dashboard.analysis.stopwords import is_stopword
from dashboard.analysis.textproc import normalize
from dashboard.model import SPEAKER_KINDS, Quote

MODEL_PATH = Path(__file__).with_name("voice_model.json")
LANGUAGES = ("ar", "en", "ru", "ko")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_UPPER_START = re.compile(r"^[A-ZА-ЯЁ]")
_REGNAL = re.compile(r"^[IVX]{1,5}$")


def enabled() -> bool:
    return os.environ.get("DASHBOARD_VOICE_MODEL", "1") != "0" and _exists(MODEL_PATH)


@lru_cache(maxsize=8)
def _exists(path: Path) -> bool:
    # Asked per article: the shipped model file does not come and go while a process runs.
    return path.exists()


def features(quote: Quote, text_norm: str, language: str) -> dict[str, float]:
    """Features of one proposed statement. `text_norm` is the article's text, normalised."""
    name = quote.speaker or ""
    words = _WORD.findall(name)
    norm_words = [normalize(w) for w in words]
    n = len(words)
    if n >= 2 and _REGNAL.match(words[-1]):
        norm_words = norm_words[:-1]  # «Louis XIV», «Henry VIII»: the name is the word before
    last = norm_words[-1] if norm_words else ""
    mentions = text_norm.count(last) if len(last) >= 3 else 0
    full_mentions = text_norm.count(normalize(name)) if name else 0
    f: dict[str, float] = {
        "bias": 1.0,
        "words": min(n, 8) / 8,
        "one_word": float(n == 1),
        "long_name": float(n >= 5),
        "chars": min(len(name), 60) / 60,
        "digit": float(bool(_DIGIT.search(name))),
        "upper_share": (sum(1 for w in words if _UPPER_START.match(w)) / n) if n else 0.0,
        "lower_start": float(bool(words) and words[0][:1].islower() and words[0][:1].isascii()),
        "mentions_last": min(mentions, 6) / 6,
        "mentions_full": min(full_mentions, 4) / 4,
        "has_role": float(bool(quote.role)),
        "has_side": float(bool(quote.affiliation)),
        "direct": float(quote.direct),
        "has_verb": float(bool(quote.verb)),
        "channel": float(bool(quote.channel)),
        # Capped at 40: the words past the 40th are not looked for.
        "statement_words": sum(1 for _ in islice(_WORD.finditer(quote.text or ""), 40)) / 40,
        # Function words in a name mean a clause fragment ("toward its", «بأنها أساسية»).
        "stopword_share": (sum(1 for w in words if is_stopword(w, language)) / n) if n else 0.0,
        "first_stopword": float(bool(words) and is_stopword(words[0], language)),
        "last_stopword": float(bool(words) and is_stopword(words[-1], language)),
        "empty_name": float(n == 0),
    }
    for kind, key in _KIND_KEYS:
        f[key] = float(quote.speaker_kind == kind)
    for lang, key, upper_key, one_key in _LANG_KEYS:
        f[key] = float(language == lang)
        # The shape of a name means different things in different scripts.
        f[upper_key] = f["upper_share"] * (language == lang)
        f[one_key] = f["one_word"] * (language == lang)
    return f


# The per-kind and per-language feature names, made once (same names, same order).
_KIND_KEYS = tuple((kind, f"kind={kind}") for kind in SPEAKER_KINDS)
_LANG_KEYS = tuple(
    (lang, f"lang={lang}", f"lang={lang}*upper_share", f"lang={lang}*one_word")
    for lang in LANGUAGES
)


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    # The same products summed in the same order as a generator over the items, in C.
    z = sum(map(mul, map(model["weights"].get, feats, repeat(0.0)), feats.values()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep_voices(quotes: list[Quote], paragraphs: list[str], language: str) -> list[Quote]:
    """The statements whose speaker the model believes is a voice (all, when it is off).
    Anonymous voices ("sources said") are the rules' own call and always kept."""
    if not quotes or not enabled():
        return quotes
    model = _model()
    text_norm = normalize("\n".join(paragraphs))
    threshold = model.get("thresholds", {}).get(language, model.get("threshold", 0.5))
    kept = []
    for q in quotes:
        if q.speaker_kind == "anonymous":
            kept.append(q)
            continue
        if probability(features(q, text_norm, language), model) >= threshold:
            kept.append(q)
    return kept


# --------------------------------------------------------------------------- training


def train(
    rows: list[tuple[dict[str, float], int]], l2: float = 1.0, epochs: int = 400
) -> dict[str, float]:
    """Logistic regression by gradient descent (numpy), L2-regularised: small data, few
    features, nothing to install."""
    import numpy as np

    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in rows], dtype=float)
    y = np.array([label for _, label in rows], dtype=float)
    w = np.zeros(len(names))
    lr = 0.5
    for _ in range(epochs):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= lr * grad
    return {k: round(float(v), 5) for k, v in zip(names, w, strict=True)}
