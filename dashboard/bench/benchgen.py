"""A synthetic benchmark corpus: N articles recombined from the project's own test articles.

The source texts are the hand-written test corpus (tests/data/corpus, tests/data/wire) and
the seed folder. Each generated article takes a base article's language and most of its
sentences, mixes in sentences from other articles of the same language, varies every
number (years by at most one), adds a quoted statement by an invented speaker, and gets an
outlet (one of `outlets`, default 40) and a publication date spread over `weeks`. A share
of the articles (`copy_share`) are light edits of an earlier generated article published
by another outlet a day or two later, the way wire copies look. Everything is driven by
one `random.Random(seed)`, so the same arguments write the same files.

Only benchmarks use this module; nothing in the analysis imports it.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.analysis.textproc import split_sentences
from dashboard.ingest.readers import MANIFEST_COLUMNS as MANIFEST_FIELDS
from dashboard.ingest.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = (ROOT / "tests" / "data" / "corpus", ROOT / "tests" / "data" / "wire", ROOT / "seeds")

# Invented outlet-name parts and speakers: no real outlet or person.
_AR_OUTLET_WORDS = ("الفجر", "الرصد", "المدار", "الأفق", "الميزان", "الرابطة", "الضفاف")
_AR_OUTLET_KINDS = ("صحيفة", "موقع", "وكالة", "قناة")
_EN_OUTLET_WORDS = ("Meridian", "Harbour", "Compass", "Ledger", "Beacon", "Crescent")
_EN_OUTLET_KINDS = ("Times", "Post", "Wire", "Review")
_COUNTRIES = ("EG", "JO", "LB", "AE", "KW", "SA", "MA", "DZ", "IQ", "QA", "GB", "US")
_AR_FIRST = ("سامر", "ليلى", "خالد", "منى", "يوسف", "رنا", "طارق", "هالة", "عمر", "دينا")
_AR_LAST = ("الحداد", "النجار", "العطار", "الخطيب", "السيد", "المصري", "الشامي", "البنا")
_AR_ROLES = (
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "الخبير في الشؤون الاستراتيجية",
    "رئيس لجنة الشؤون الخارجية في البرلمان",
    "الباحث في مركز الدراسات السياسية",
)
_EN_FIRST = ("Daniel", "Sara", "Michael", "Hannah", "Peter", "Laura", "Ahmed", "Nadia")
_EN_LAST = ("Whitfield", "Okafor", "Brennan", "Lindqvist", "Moreau", "Haddad", "Castell")
_EN_ROLES = (
    "the foreign minister",
    "a government spokesman",
    "an analyst at the Institute for Regional Studies",
    "the chair of the parliamentary foreign affairs committee",
)
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?![0-9])")
_QUOTE_CHARS = '«»“”"'


@dataclass
class _Source:
    language: str
    title: str
    sentences: list[str]


def _load_sources() -> list[_Source]:
    out: list[_Source] = []
    for folder in SOURCE_DIRS:
        if not folder.is_dir():
            continue
        for raw in read_path(folder).articles:
            sentences = [
                s for p in raw.body.split("\n\n") for s in split_sentences(p) if len(s.split()) >= 5
            ]
            if len(sentences) >= 3:
                out.append(_Source(raw.language or "ar", raw.title, sentences))
    if not out:
        raise RuntimeError("no source articles found under tests/data or seeds")
    return out


def _vary_numbers(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        value = int(m.group(0))
        if 1900 <= value <= 2100:
            return str(value + rng.choice((-1, 0, 0, 0, 1)))
        if value <= 31:
            return str(rng.randint(1, 28))
        return str(max(1, int(value * rng.uniform(0.5, 1.6))))

    return _NUMBER.sub(swap, text)


def _outlets(n: int, rng: random.Random) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        arabic = i % 10 < 7  # 70 % Arabic-language outlets, as in the project's use
        if arabic:
            name = f"{rng.choice(_AR_OUTLET_KINDS)} {rng.choice(_AR_OUTLET_WORDS)} {i + 1}"
        else:
            name = f"The {rng.choice(_EN_OUTLET_WORDS)} {rng.choice(_EN_OUTLET_KINDS)} {i + 1}"
        out.append(
            {
                "outlet": name,
                "outlet_domain": f"outlet{i + 1:02d}.example",
                "language": "ar" if arabic else "en",
                "country": _COUNTRIES[i % len(_COUNTRIES)],
            }
        )
    return out


def _statement(language: str, rng: random.Random, pool: list[str]) -> str:
    clause = " ".join(rng.choice(pool).split()[:14]).rstrip(".،,؛:")
    clause = "".join(ch for ch in clause if ch not in _QUOTE_CHARS)
    if language == "ar":
        name = f"{rng.choice(_AR_FIRST)} {rng.choice(_AR_LAST)}"
        return f"وقال {rng.choice(_AR_ROLES)} {name} إن «{clause}»."
    name = f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"
    return f'"{clause}," said {name}, {rng.choice(_EN_ROLES)}.'


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        out.append(" ".join(sentences[i : i + k]))
        i += k
    return out


def _title(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    return " ".join(words[: rng.randint(7, 12)]).rstrip(".،,؛:")


def _copy_of(article: dict, rng: random.Random) -> dict:
    """A republished copy: same text with one or two small edits."""
    paragraphs = list(article["paragraphs"])
    edit = rng.random()
    if edit < 0.4 and len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]  # trimmed at the end
    elif edit < 0.8:
        j = rng.randrange(len(paragraphs))
        paragraphs[j] = _vary_numbers(paragraphs[j], rng)  # a figure changed
    return {**article, "paragraphs": paragraphs}


def generate(
    out_dir: str | Path,
    n: int,
    *,
    seed: int = 1,
    outlets: int = 40,
    weeks: int = 8,
    copy_share: float = 0.08,
    start: dt.date = dt.date(2024, 5, 6),
) -> Path:
    """Write `n` article .txt files and manifest.csv into `out_dir`; return the folder."""
    rng = random.Random(seed)
    sources = _load_sources()
    by_lang: dict[str, list[_Source]] = {}
    for s in sources:
        by_lang.setdefault(s.language, []).append(s)
    pool = {lang: [x for s in srcs for x in s.sentences] for lang, srcs in by_lang.items()}
    outlet_rows = _outlets(outlets, rng)
    by_outlet_lang = {
        lang: [o for o in outlet_rows if o["language"] == lang] or outlet_rows for lang in by_lang
    }
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[dict] = []
    rows: list[dict[str, str]] = []
    for i in range(n):
        if made and rng.random() < copy_share:
            original = made[rng.randrange(max(0, len(made) - 50), len(made))]
            article = _copy_of(original, rng)
            language = article["language"]
            others = [o for o in by_outlet_lang[language] if o is not original["outlet"]]
            outlet = rng.choice(others or by_outlet_lang[language])
            published = original["published"] + dt.timedelta(days=rng.randint(0, 2))
        else:
            base = rng.choice(sources)
            language = base.language if base.language in pool else "ar"
            own = rng.sample(base.sentences, k=max(2, int(len(base.sentences) * 0.6)))
            mixed = rng.sample(pool[language], k=min(len(pool[language]), rng.randint(3, 7)))
            sentences = [_vary_numbers(s, rng) for s in own + mixed]
            rng.shuffle(sentences)
            sentences.insert(
                rng.randint(1, len(sentences)), _statement(language, rng, pool[language])
            )
            article = {
                "language": language,
                "title": _vary_numbers(_title(rng.choice(base.sentences), rng), rng),
                "paragraphs": _paragraphs(sentences, rng),
            }
            outlet = rng.choice(by_outlet_lang[language])
            published = start + dt.timedelta(days=rng.randrange(weeks * 7))
        article = {**article, "outlet": outlet, "published": published}
        made.append(article)
        name = f"{i:06d}.txt"
        text = article["title"] + "\n\n" + "\n\n".join(article["paragraphs"]) + "\n"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(
            {
                "file": name,
                "outlet": outlet["outlet"],
                "outlet_domain": outlet["outlet_domain"],
                "url": f"https://{outlet['outlet_domain']}/news/{i:06d}",
                "language": language,
                "country": outlet["country"],
                "published_at": published.isoformat(),
                "date_source": "manifest",
            }
        )
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return folder
