"""A synthetic benchmark corpus: N articles recombined from the project's own test articles.

The source texts are the hand-written test corpus (tests/data/corpus, tests/data/wire) and
the seed folder. Each generated article takes a base article's language and most of its
sentences, mixes in sentences from other articles of the same language, varies every
number (years by at most one), adds a quoted statement by an invented speaker, and gets an
outlet (one of `outlets`, default 40) and a publication date spread over `weeks`. A share
of the articles (`copy_share`) are light edits of an earlier generated article published
by another outlet a day or two later, the way wire copies look. Everything is driven by
one `random.Random(seed)`, so the same arguments write the same files.

Distinct articles are distinct (`distinct=True`, the default): every borrowed sentence is
rewritten for the article that borrows it — 85 % of its ordinary words replaced by
other words of the same language's source texts, a sentence without speech cues or quote
marks sometimes split at a comma and its clauses swapped — so two articles share a topic,
names, numbers and short phrases, as articles of one story by different outlets do, but
not whole sentences. What the parser works on stays: the language pack's lexicon words
and the words its rules spell out (reporting verbs, titles and roles, months, date words,
agencies, stop words), capitalised words, numbers and their neighbours and quote marks are
never replaced. Its sources are the hand-written texts only. The planted copies are listed
in copies.tsv. `distinct=False` writes the former corpus (every generated article sharing
several sentences verbatim with ~1/55 of the store; seeds/ among its sources), kept to
compare with earlier measurements.

Only benchmarks use this module; nothing in the analysis imports it.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard.analysis.textproc import normalize, split_sentences
from dashboard.ingest.readers import MANIFEST_COLUMNS as MANIFEST_FIELDS
from dashboard.ingest.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = (ROOT / "tests" / "data" / "corpus", ROOT / "tests" / "data" / "wire", ROOT / "seeds")
# The distinct corpus is made from the project's hand-written texts only: seeds/ holds two
# published articles (other people's words), which the former corpus recombined.
DISTINCT_SOURCE_DIRS = SOURCE_DIRS[:2]

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
LEXICONS = ROOT / "dashboard" / "analysis" / "languages"
# Share of a sentence's replaceable words that a rewrite replaces. Two rewrites of the same
# sentence keep a 3-word shingle in common only where neither replaced any of its words:
# what remains shared is the protected skeleton (lexicon words, names, numbers and their
# neighbours). At 0.5, 1,000 articles had 117 non-copy LSH candidate pairs; at 0.85, 67
# before the skeleton was widened to what the date and speaker rules read (then 162,
# with the parser's counts per article as on the unrewritten texts).
REPLACE_SHARE = 0.85
_WORD = re.compile(r"\w+", re.UNICODE)
# Arabic clitics in front of a lexicon word (وقال، فالوزير، بالحكومة): still that word.
_AR_PREFIXES = tuple(
    normalize(p) for p in ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "س")
)


@dataclass
class _Source:
    language: str
    title: str
    sentences: list[str]


def _load_sources(dirs: tuple[Path, ...] = SOURCE_DIRS) -> list[_Source]:
    out: list[_Source] = []
    for folder in dirs:
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


def _lexicon_words(language: str) -> frozenset[str]:
    """Every word of the language pack's lexicon files and of the words its rules spell
    out in code (normalised): never replaced."""
    out: set[str] = set()
    folder = LEXICONS / language
    if folder.is_dir():
        for path in sorted([*folder.glob("*.txt"), *folder.glob("*.py")]):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.lstrip().startswith("#"):
                    out.update(normalize(w) for w in _WORD.findall(line))
    return frozenset(out)


def _stems(word: str, language: str) -> list[str]:
    w = normalize(word)
    if language != "ar":
        return [w]
    return [w] + [w[len(p) :] for p in _AR_PREFIXES if w.startswith(p) and len(w) - len(p) >= 2]


def _replaceable(token: str, language: str, protected: frozenset[str]) -> bool:
    """An ordinary word: letters only, not a lexicon word (with or without an Arabic
    clitic), not capitalised (a name), at least 3 letters."""
    if len(token) < 3 or not token.isalpha() or token[0].isupper():
        return False
    return not any(s in protected for s in _stems(token, language))


class _Rewriter:
    """Rewrites sentences with words from one language's pool (see the module text)."""

    def __init__(self, language: str, sentences: list[str]) -> None:
        self.language = language
        self.protected = _lexicon_words(language)
        cues = LEXICONS / language / "reporting_verbs.txt"
        self.cues = frozenset(
            normalize(w)
            for line in (cues.read_text(encoding="utf-8").splitlines() if cues.exists() else [])
            if not line.lstrip().startswith("#")
            for w in _WORD.findall(line)
        )
        words = {
            t for s in sentences for t in s.split() if _replaceable(t, language, self.protected)
        }
        self.pool = sorted(words)

    def words(self, sentence: str, rng: random.Random) -> str:
        tokens = sentence.split(" ")
        # A number's neighbours stay too ("in early 2024", "منذ 8 أعوام"): the date rules
        # read them.
        near_number = {
            j for i, t in enumerate(tokens) if any(ch.isdigit() for ch in t) for j in (i - 1, i + 1)
        }
        out = []
        for i, token in enumerate(tokens):
            # Punctuation stays where it was: replace the word part of a token only.
            m = re.fullmatch(r"(\W*)(\w+)(\W*)", token, re.UNICODE)
            if (
                m
                and i not in near_number
                and self.pool
                and _replaceable(m.group(2), self.language, self.protected)
                and rng.random() < REPLACE_SHARE
            ):
                token = m.group(1) + rng.choice(self.pool) + m.group(3)
            out.append(token)
        return " ".join(out)

    def sentence(self, sentence: str, rng: random.Random) -> str:
        text = self.words(sentence, rng)
        comma = "،" if self.language == "ar" else ","
        if (
            comma in text
            and not any(q in text for q in _QUOTE_CHARS)
            and not any(s in self.cues for t in text.split() for s in _stems(t, self.language))
            and rng.random() < 0.5
        ):
            head, _, tail = text.partition(comma)
            end = tail.rstrip()[-1:] if tail.rstrip()[-1:] in ".!?" else ""
            tail = tail.strip().rstrip(".!?")
            if len(head.split()) >= 3 and len(tail.split()) >= 3:
                if self.language != "ar":
                    tail = tail[:1].upper() + tail[1:]
                    if head.split()[0].lower() in self.protected:  # "The", not a name
                        head = head[:1].lower() + head[1:]
                text = f"{tail}{comma} {head}{end or '.'}"
        return text


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


def _statement(
    language: str, rng: random.Random, pool: list[str], rewriter: _Rewriter | None = None
) -> str:
    clause = " ".join(rng.choice(pool).split()[:14]).rstrip(".،,؛:")
    if rewriter is not None:
        clause = rewriter.words(clause, rng)
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


@dataclass(frozen=True)
class CorpusOptions:
    """What a generated corpus varies by; the same options write the same files."""

    seed: int = 1
    outlets: int = 40
    weeks: int = 8
    copy_share: float = 0.08
    start: dt.date = dt.date(2024, 5, 6)
    distinct: bool = True


def generate(out_dir: str | Path, n: int, **options) -> Path:
    """Write `n` article .txt files and manifest.csv into `out_dir`; return the folder.
    The planted copies are listed in copies.tsv (file, file of the original): the wire
    clustering's recall is measured against it (readers skip .tsv files). `options` are
    `CorpusOptions` fields."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    copies: list[tuple[str, str]] = []
    for i, article in enumerate(articles(n, **options)):
        outlet, published, language = article["outlet"], article["published"], article["language"]
        name = f"{i:06d}.txt"
        (folder / name).write_text(article_text(article), encoding="utf-8")
        if article["copy_of"] is not None:
            copies.append((name, f"{article['copy_of']:06d}.txt"))
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
    with (folder / "copies.tsv").open("w", encoding="utf-8") as fh:
        fh.write("file\tcopy_of\n")
        fh.writelines(f"{a}\t{b}\n" for a, b in copies)
    return folder


def article_text(article: dict) -> str:
    """A generated article's file text: headline, blank line, paragraphs."""
    return article["title"] + "\n\n" + "\n\n".join(article["paragraphs"]) + "\n"


def articles(n: int, **options) -> Iterator[dict]:
    """The generated articles in order, as dicts: language, title, paragraphs, outlet
    (a manifest row), published (a date), copy_of (index of the original, or None).
    `options` are `CorpusOptions` fields (an unknown name is a TypeError)."""
    opts = CorpusOptions(**options)
    seed, outlets, weeks = opts.seed, opts.outlets, opts.weeks
    copy_share, start, distinct = opts.copy_share, opts.start, opts.distinct
    rng = random.Random(seed)
    sources = _load_sources(DISTINCT_SOURCE_DIRS if distinct else SOURCE_DIRS)
    by_lang: dict[str, list[_Source]] = {}
    for s in sources:
        by_lang.setdefault(s.language, []).append(s)
    pool = {lang: [x for s in srcs for x in s.sentences] for lang, srcs in by_lang.items()}
    rewriters = (
        {lang: _Rewriter(lang, sentences) for lang, sentences in pool.items()} if distinct else {}
    )
    outlet_rows = _outlets(outlets, rng)
    by_outlet_lang = {
        lang: [o for o in outlet_rows if o["language"] == lang] or outlet_rows for lang in by_lang
    }
    made: list[dict] = []
    for _ in range(n):
        if made and rng.random() < copy_share:
            j = rng.randrange(max(0, len(made) - 50), len(made))
            original = made[j]
            article = {**_copy_of(original, rng), "copy_of": j}
            language = article["language"]
            others = [o for o in by_outlet_lang[language] if o is not original["outlet"]]
            outlet = rng.choice(others or by_outlet_lang[language])
            published = original["published"] + dt.timedelta(days=rng.randint(0, 2))
        else:
            base = rng.choice(sources)
            language = base.language if base.language in pool else "ar"
            own = rng.sample(base.sentences, k=max(2, int(len(base.sentences) * 0.6)))
            mixed = rng.sample(pool[language], k=min(len(pool[language]), rng.randint(3, 7)))
            rewriter = rewriters.get(language)
            if rewriter is not None:
                own = [rewriter.sentence(s, rng) for s in own]
                mixed = [rewriter.sentence(s, rng) for s in mixed]
            sentences = [_vary_numbers(s, rng) for s in own + mixed]
            rng.shuffle(sentences)
            sentences.insert(
                rng.randint(1, len(sentences)),
                _statement(language, rng, pool[language], rewriter),
            )
            title = _title(rng.choice(base.sentences), rng)
            if rewriter is not None:
                title = rewriter.words(title, rng)
            article = {
                "language": language,
                "title": _vary_numbers(title, rng),
                "paragraphs": _paragraphs(sentences, rng),
                "copy_of": None,
            }
            outlet = rng.choice(by_outlet_lang[language])
            published = start + dt.timedelta(days=rng.randrange(weeks * 7))
        article = {**article, "outlet": outlet, "published": published}
        made.append(article)
        yield article
