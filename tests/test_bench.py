"""The benchmark corpus generator and the `bench` command."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analysis.parser import parse_article
from dashboard.bench import bench
from dashboard.bench.benchgen import generate
from dashboard.ingest.ingest import ingest_path
from dashboard.model import Article, DateMention, Keyword, Quote, RawArticle
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store

ROOT = Path(__file__).resolve().parent.parent


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_generator_is_deterministic_per_seed(tmp_path):
    a = generate(tmp_path / "a", 40, seed=5)
    b = generate(tmp_path / "b", 40, seed=5)
    c = generate(tmp_path / "c", 40, seed=6)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)


def test_generator_writes_n_files_and_a_manifest(tmp_path):
    folder = generate(tmp_path / "g", 120, seed=2)
    txt = sorted(p.name for p in folder.glob("*.txt"))
    rows = _manifest(folder)
    assert len(txt) == 120
    assert sorted(r["file"] for r in rows) == txt
    assert {r["language"] for r in rows} == {"ar", "en"}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published_at"]) for r in rows)
    # Every file: a headline line, a blank line, then body paragraphs.
    first = (folder / txt[0]).read_text(encoding="utf-8").split("\n")
    assert first[0].strip() and first[1] == "" and len(first[2]) > 40


def test_generated_articles_vary(tmp_path):
    folder = generate(tmp_path / "g", 200, seed=3, outlets=40, weeks=8)
    rows = _manifest(folder)
    titles = {(folder / r["file"]).read_text(encoding="utf-8").split("\n", 1)[0] for r in rows}
    assert len(titles) >= 150  # copies share their original's title; others rarely do
    assert len({r["outlet"] for r in rows}) >= 30
    assert len({r["published_at"] for r in rows}) >= 40  # 8 weeks = 56 days
    dates = sorted(r["published_at"] for r in rows)
    assert dates[0] >= "2024-05-06" and dates[-1] <= "2024-07-03"


def test_ingest_accepts_the_generated_folder(tmp_path):
    folder = generate(tmp_path / "g", 30, seed=4)
    store = Store(f"duckdb:///{tmp_path / 'b.duckdb'}")
    report = ingest_path(store, folder, workers=1)
    assert report.rejected == 0
    assert report.added == 30
    assert store.count() == 30
    outlets = {r[0] for r in store.execute("SELECT DISTINCT outlet FROM articles")}
    assert outlets == {r["outlet"] for r in _manifest(folder)}
    store.close()


def test_most_articles_are_not_wire_copies(tmp_path):
    """Wire-copy clustering runs at ingest: the planted copies (8 %) may cluster, the
    independently recombined articles must not all collapse into each other."""
    folder = generate(tmp_path / "g", 80, seed=9, copy_share=0.1)
    store = Store(f"duckdb:///{tmp_path / 'c.duckdb'}")
    ingest_path(store, folder, workers=1)
    copies = store.execute("SELECT COUNT(*) FROM article_clusters WHERE NOT is_first")[0][0]
    assert copies <= 20
    store.close()


def test_markdown_table_lists_every_row():
    result = {
        "n": 10,
        "load_average": 0.5,
        "added_duckdb": 10,
        "outlets": 3,
        "read_s": 0.1,
        "tokenise_s": 0.2,
        "read_tokenise_ms_per_article": 30.0,
        "parse_1core_articles_per_s": 5.0,
        "parse_1core_cpu_ms_per_article": 150.0,
        "parse_all_articles_per_s": 9.0,
        "parse_over_read_tokenise": 6.5,
        "ingest_duckdb_s": 3.0,
        "store_duckdb_s": 1.0,
        "ingest_duckdb_cpu_s": 2.5,
        "peak_mb_ingest": 300.0,
        "peak_mb_parse_workers": 0.0,
        "duckdb": {"cloud_one_s": 0.4, "cloud_one_cpu_s": 0.3, "cloud_all_s": 1.2, "clouds": 3}
        | {"distinctive_s": 0.05, "peak_mb_pages": 350.0}
        | {f"{p}_{k}_s": 0.25 for p in bench.PAGE_QUERIES for k in ("cold", "cached", "charts")},
    }
    text = bench.markdown_table([result])
    lines = text.splitlines()
    assert lines[0] == "| measure | N = 10 |"
    assert "| parse ÷ (read + tokenise) | 6.50 |" in lines
    assert "| overview data cold / cached, s (DuckDB) | 0.25 / 0.2500 |" in lines
    assert "| ingest PostgreSQL (parse + store), s | skipped |" in lines
    assert "| peak memory parser worker, MB | in-process (no pool) |" in lines
    assert "| word clouds, all outlets, s | 1.20 (3) |" in lines


def test_markdown_table_of_a_postgres_only_run(monkeypatch):
    # --no-duckdb: the ingest went straight into PostgreSQL; DuckDB rows say "skipped".
    result = {
        "n": 10,
        "outlets": 3,
        "added_postgres": 10,
        "ingest_postgres_s": 4.0,
        "store_postgres_s": 1.5,
        "ingest_postgres_cpu_s": 3.0,
        "ingest_postgres_server_cpu_s": 0.75,
        "peak_mb_ingest": 300.0,
        "postgres": {f"{p}_{k}_s": 0.25 for p in bench.PAGE_QUERIES for k in ("cold", "cached")}
        | {"peak_mb_pages": 320.0},
    }
    lines = bench.markdown_table([result]).splitlines()
    assert "| articles stored (outlets) | 10 (3) |" in lines
    assert "|   CPU s, server (PostgreSQL) | 0.75 |" in lines
    assert "| ingest DuckDB (parse + store), s | skipped |" in lines
    assert "| peak memory page-data process, MB (PostgreSQL) | 320 |" in lines
    monkeypatch.delenv("BENCH_PG_PID", raising=False)
    assert bench._pg_server_cpu_s() is None  # not the bench's own server: unknown
    with pytest.raises(ValueError):
        bench.run([10], no_postgres=True, no_duckdb=True)


@pytest.mark.slow
def test_bench_command_prints_a_full_table(tmp_path):
    out = tmp_path / "r.json"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "bench", "--sizes", "20", "--no-postgres"]
        + ["--out", str(out), "--workdir", str(tmp_path / "w")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {}
    for line in proc.stdout.splitlines():
        if line.startswith("| ") and not line.startswith("| measure"):
            label, value = [c.strip() for c in line.strip("|").split("|")]
            rows[label] = value
    expected = [label.strip() for label, _ in bench.table_rows([{"n": 20}])]
    assert set(rows) == set(expected)
    skip = ("PostgreSQL", "worker", "load average")
    numbers = {k: v for k, v in rows.items() if not any(s in k for s in skip)}
    for label, value in numbers.items():
        first = float(re.match(r"[\d,.]+", value).group(0).replace(",", ""))
        assert first > 0, (label, value)
    assert rows["articles stored (outlets)"].startswith("20 (")
    assert rows["ingest PostgreSQL (parse + store), s"] == "skipped"
    assert out.exists()


# --- the fixes measured by the benchmark keep their results ---------------------------------


def _article(aid: str, outlet: str, quotes: list[Quote], dates=()) -> tuple[Article, RawArticle]:
    raw = RawArticle(title=f"t {aid}", body=f"body {aid}", outlet=outlet, published_at="2024-06-19")
    art = Article(
        id=aid,
        title=raw.title,
        outlet=outlet,
        published_at="2024-06-19",
        date_source="manifest",
        language="en",
        paragraphs=[raw.body],
        quotes=quotes,
        dates=list(dates),
        terms=[Keyword("tariff", 3), Keyword("free trade", 2)],
        frames={"security": 0.5, "economy": 0.0},
        event_names=["the pact", "the pact", "the deal"],
    )
    return art, raw


def _quote(speaker: str, role: str | None, direct: bool, kind: str = "official") -> Quote:
    return Quote(speaker, kind, role, "said", direct, "words", 0)  # type: ignore[arg-type]


def test_bulk_insert_keeps_nulls_booleans_dates_and_json(any_store: Store):
    """add_many moves rows as one DataFrame (DuckDB) or COPY (PostgreSQL): types survive."""
    dates = [
        DateMention("19 June", "2024-06-19", "2024-06-19", "day", False, 0, "s1"),
        DateMention("soon", None, None, "vague", True, 0, "s2", vague=True),
    ]
    art, raw = _article("a1", "Out A", [_quote("Jane Doe", None, True)], dates)
    assert any_store.add_many([(art, raw)]) == 1
    assert any_store.execute(
        "SELECT idx, text, start_date, end_date, approximate, vague FROM date_mentions ORDER BY idx"
    ) == [
        (0, "19 June", dt.date(2024, 6, 19), dt.date(2024, 6, 19), False, False),
        (1, "soon", None, None, True, True),
    ]
    assert any_store.execute("SELECT speaker, role, direct, paragraph FROM quotes") == [
        ("Jane Doe", None, True, 0)
    ]
    assert sorted(any_store.execute("SELECT term, n FROM terms")) == [
        ("free trade", 2),
        ("tariff", 3),
    ]
    assert sorted(any_store.execute("SELECT frame, score FROM frames")) == [
        ("economy", 0.0),
        ("security", 0.5),
    ]
    assert sorted(any_store.execute("SELECT name, n FROM event_names")) == [
        ("the deal", 1),
        ("the pact", 2),
    ]
    (published,) = any_store.execute("SELECT published_at FROM articles")[0]
    assert published == dt.date(2024, 6, 19)
    back = any_store.get_article("a1")
    assert back is not None and back.dates[1].start is None and back.quotes[0].role is None
    assert back.to_dict() == art.to_dict()


def test_speaker_counts_sums_spellings_and_breaks_ties_by_hand(any_store: Store):
    """Three spellings of one person, 2 statements each; two roles with 2 statements each."""
    quotes = [
        _quote("Park Tae Joon", "minister", True),
        _quote("Park Tae Joon", "minister", True),
        _quote("Park Tae-joon", "trade minister", False),
        _quote("Park Tae-joon", "trade minister", False),
        _quote("Park", "", False),
        _quote("Park", None, False),
    ]
    other = [_quote("Jane Doe", None, True, kind="expert")]
    any_store.add_many([_article("k1", "Out A", quotes), _article("j1", "Out B", other)])
    df = queries.speaker_counts(any_store, Filters())
    assert list(df.columns) == [
        *("outlet", "speaker", "kind", "role", "affiliation"),
        *("direct", "reported", "total", "variants"),
    ]
    park, jane = df.to_dict("records")
    assert park["outlet"] == "Out A" and park["speaker"] in {"Park Tae Joon", "Park Tae-joon"}
    assert (park["direct"], park["reported"], park["total"]) == (2, 4, 6)
    assert park["role"] == "trade minister"  # tie at 2 statements: the longer role
    assert park["variants"] == "Park; Park Tae Joon; Park Tae-joon"  # tie at 2: alphabetical
    assert park["kind"] == "official"
    assert jane == {
        "outlet": "Out B",
        "speaker": "Jane Doe",
        "kind": "expert",
        "role": "",
        "affiliation": "",
        "direct": 1,
        "reported": 0,
        "total": 1,
        "variants": "Jane Doe",
    }


def test_keywords_page_draws_six_clouds_and_more_on_request(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'kw.duckdb'}"
    store = Store(url)
    words = ["treaty", "pact", "alliance", "summit", "missile", "sanctions", "border", "envoy"]
    items = []
    for i, word in enumerate(words):
        # Outlet i+1 uses its word i+1 times: outlets 1 and 2 have the fewest terms.
        body = "\n\n".join(f"The {word} was discussed by officials." for _ in range(i + 1))
        raw = RawArticle(f"News {i}", body, outlet=f"Outlet {i + 1}", language="en")
        items.append((parse_article(raw), raw))
    store.add_many(items)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.switch_page("views/keywords.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.multiselect(key="kw_clouds")
    assert picker.value == [f"Outlet {i}" for i in range(3, 9)]
    assert len(at.get("image")) == 6
    picker.select("Outlet 1").run()
    assert not at.exception
    assert len(at.get("image")) == 7


@pytest.mark.slow  # parses 12 articles (language packs load): ~4 CPU s
def test_store_bench_times_each_round_on_one_cached_parse(tmp_path, monkeypatch):
    from dashboard.bench import store_bench
    from dashboard.ingest import ingest

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")
    monkeypatch.setattr(ingest, "CHUNK", 4)
    first = store_bench.run(12, f"duckdb:///{tmp_path / 'a.duckdb'}", tmp_path, workers=1)
    assert first["added"] == 12 and len(first["rounds"]) == 3
    for row in first["rounds"]:
        assert row["write"] > 0 and row["cluster"] > 0 and row["round_cpu"] >= row["write"]
        # What the round's clustering did, counted.
        assert 0 <= row["copies"] <= row["checked"] <= row["candidates"] - row["pruned"]
    assert first["corpus"] == "distinct"
    assert (tmp_path / "parsed_12.signed.distinct.pickle").exists()

    def no_parse(*_a, **_k):
        raise AssertionError("the second run replays the cached parse")

    monkeypatch.setattr(ingest, "parse_many", no_parse)
    again = store_bench.run(12, f"duckdb:///{tmp_path / 'b.duckdb'}", tmp_path, workers=1)
    assert again["added"] == 12 and len(again["rounds"]) == 3
    # The replayed parse carries the parser's signatures; --sign-in-ingest drops them, and
    # the same rows are stored either way.
    old = store_bench.run(
        12, f"duckdb:///{tmp_path / 'c.duckdb'}", tmp_path, workers=1, sign_in_ingest=True
    )
    assert old["added"] == 12 and old["sign_in_ingest"]
    from dashboard.storage.store import Store

    rows = {}
    for name in ("b", "c"):
        store = Store(f"duckdb:///{tmp_path / name}.duckdb")
        rows[name] = [
            sorted(store.execute(f"SELECT * FROM {t}"), key=repr)
            for t in ("article_minhash", "article_lsh", "agency_credits", "article_clusters")
        ]
        store.close()
    assert rows["b"] == rows["c"] and rows["b"][0]


def test_sql_timing_counts_copies_and_restores_the_store(tmp_path):
    from dashboard.ingest import ingest
    from dashboard.storage.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Harbour plan approved\n\nThe mayor, Jane Roe, said the harbour plan would go ahead.\n",
        encoding="utf-8",
    )
    original = Store._bulk_insert
    store = Store(f"duckdb:///{tmp_path / 't.duckdb'}")
    by_sql: dict[str, float] = {}
    with bench.sql_timing(by_sql, postgres=False):
        assert Store._bulk_insert is not original
        assert ingest.ingest_path(store, str(folder), workers=1).added == 1
    store.close()
    assert Store._bulk_insert is original
    assert "COPY articles" in by_sql and all(k.startswith("COPY ") for k in by_sql)


def _sentences(text: str) -> list[str]:
    from dashboard.analysis.textproc import split_sentences

    paragraphs = text.split("\n\n")[1:]  # the headline aside
    return [s for p in paragraphs for s in split_sentences(p) if len(s.split()) >= 5]


def test_distinct_articles_share_no_sentences(tmp_path):
    """Articles that are not planted copies share a topic, names and short phrases, not
    whole sentences: the former corpus shared several with ~1/55 of the store."""
    from collections import Counter

    from dashboard.bench.benchgen import article_text, articles

    def shared(distinct: bool) -> float:
        made = [
            a
            for a in articles(150, seed=7, copy_share=0.1, distinct=distinct)
            if a["copy_of"] is None
        ]
        seen: Counter[str] = Counter()
        per_article = [set(_sentences(article_text(a))) for a in made]
        for sentences in per_article:
            seen.update(sentences)
        total = sum(len(s) for s in per_article)
        return sum(1 for s in per_article for x in s if seen[x] > 1) / total

    assert shared(distinct=True) <= 0.02
    assert shared(distinct=False) >= 0.3  # what the bound is about (0.51 here)


def test_distinct_articles_keep_what_the_parser_reads():
    """Rewriting keeps the speech cues, quote marks, numbers and capitalised names."""
    import random

    from dashboard.bench.benchgen import _Rewriter

    rewriter = _Rewriter(
        "en",
        [
            "The ministry said on Tuesday that exports rose sharply in the northern region.",
            "Officials described the harvest as a remarkable recovery for farmers.",
        ],
    )
    text = 'Maria Lindholm told reporters on 12 March that "prices will stabilise soon".'
    out = rewriter.sentence(text, random.Random(1))
    assert out != text
    for kept in ("Maria Lindholm", "told", "on 12 March", '"', "reporters"):
        assert kept in out


def test_planted_copies_are_found(tmp_path):
    """The wire clustering finds the planted copies (recall of planted pairs) and joins
    hardly any article that is not one."""
    folder = generate(tmp_path / "g", 60, seed=12, copy_share=0.2)
    planted = [line.split("\t") for line in (folder / "copies.tsv").read_text().splitlines()[1:]]
    assert len(planted) >= 6
    store = Store(f"duckdb:///{tmp_path / 'p.duckdb'}")
    ingest_path(store, folder, workers=1)
    cluster = {
        url.rsplit("/", 1)[1] + ".txt": cid
        for url, cid in store.execute(
            "SELECT a.url, c.cluster_id FROM articles a JOIN article_clusters c ON c.article_id = a.id"
        )
    }
    stored = {
        url.rsplit("/", 1)[1] + ".txt" for (url,) in store.execute("SELECT url FROM articles")
    }
    store.close()
    pairs = [(a, b) for a, b in planted if a in stored and b in stored]
    assert pairs
    assert all(a in cluster and cluster.get(a) == cluster.get(b) for a, b in pairs)
    # Clustered articles are planted copies or their originals.
    in_plant = {x for pair in planted for x in pair}
    assert set(cluster) <= in_plant
