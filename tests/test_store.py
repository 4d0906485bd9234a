"""Storage on both backends: writes, dedup, transactions, SQL aggregations."""

from __future__ import annotations

import pytest

from dashboard.model import Article, DateMention, Keyword, Quote, RawArticle, Speaker
from dashboard.storage import queries
from dashboard.storage.store import Filters, Store, StoreError, _redact


def make(outlet: str, title: str, day: str, lang: str = "ar", quotes=(), dates=(), terms=()):
    raw = RawArticle(
        title=title,
        body=f"{title} body text",
        outlet=outlet,
        published_at=day,
        language=lang,
        date_source="manifest",
    )
    qs = [
        Quote(speaker=s, speaker_kind=k, role="", verb="قال", direct=d, text="t", paragraph=0)
        for s, k, d in quotes
    ]
    art = Article(
        id=raw.content_hash()[:16],
        title=title,
        outlet=outlet,
        published_at=day,
        date_source="manifest",
        language=lang,
        paragraphs=[raw.body],
        quotes=qs,
        speakers=[Speaker(name=s, kind=k, role="", quotes=1) for s, k, _ in quotes],
        dates=[
            DateMention(text=t, start=s, end=e, granularity=g, approximate=False, paragraph=0)
            for t, s, e, g in dates
        ],
        keywords=[Keyword(term=t, count=n) for t, n in terms],
        event_names=["اتفاقية الشراكة", "اتفاقية الشراكة", "تحالف"],
        frames={"security": 0.5, "economy": 0.1},
    )
    return art, raw


def test_add_dedup_and_version(any_store: Store):
    art, raw = make("A", "عنوان أول", "2024-06-20")
    assert any_store.data_version() == 0
    assert any_store.add_article(art, raw) is True
    assert any_store.add_article(art, raw) is False  # same content hash
    assert any_store.count() == 1
    assert any_store.data_version() == 1
    got = any_store.get_article(art.id)
    assert got is not None and got.title == "عنوان أول" and got.frames["security"] == 0.5


def test_add_many_skips_existing_and_repeats(any_store: Store):
    a1 = make("A", "one", "2024-06-01")
    a2 = make("B", "two", "2024-06-02")
    assert any_store.add_many([a1]) == 1
    assert any_store.add_many([a1, a2, a2]) == 1
    assert any_store.count() == 2


def test_aggregations_in_sql(any_store: Store):
    any_store.add_many(
        [
            make(
                "A",
                "a1",
                "2024-06-01",
                quotes=[("سامي", "expert", True), ("سامي", "expert", False)],
                dates=[("أمس", "2024-05-31", "2024-05-31", "day")],
                terms=[("روسيا", 3), ("الناتو", 2)],
            ),
            make(
                "A",
                "a2",
                "2024-06-03",
                quotes=[("وزارة الخارجية", "state", False)],
                terms=[("روسيا", 1)],
            ),
            make(
                "B",
                "b1",
                "2024-06-03",
                lang="en",
                quotes=[("John Smith", "official", True)],
                dates=[("soon", None, None, "vague")],
                terms=[("treaty", 4)],
            ),
        ]
    )
    f = Filters()
    summary = queries.outlet_summary(any_store, f).set_index("outlet")
    assert summary.loc["A", "articles"] == 2 and summary.loc["A", "quotes"] == 3
    assert summary.loc["A", "speakers"] == 2 and summary.loc["B", "quotes"] == 1

    counts = queries.speaker_counts(any_store, f)
    sami = counts[counts["speaker"] == "سامي"].iloc[0]
    assert (sami["direct"], sami["reported"], sami["total"]) == (1, 1, 2)

    terms = queries.term_counts(any_store, Filters(outlets=["A"]))
    assert dict(zip(terms["term"], terms["n"], strict=True)) == {"روسيا": 4, "الناتو": 2}

    ev = queries.event_dates(any_store, f)
    assert list(ev["text"]) == ["أمس"]  # the vague one is not plotted
    assert len(queries.event_dates(any_store, f, include_vague=True)) == 2

    names = queries.event_name_counts(any_store, Filters(outlets=["B"]))
    assert dict(zip(names["name"], names["n"], strict=True)) == {"اتفاقية الشراكة": 2, "تحالف": 1}

    by_day = queries.coverage_by_day(any_store, Filters(date_from="2024-06-02"))
    assert sorted(zip(by_day["outlet"], by_day["articles"], strict=True)) == [("A", 1), ("B", 1)]
    assert len(queries.articles(any_store, Filters(languages=["en"]))) == 1


def test_delete_removes_derived_rows(any_store: Store):
    art, raw = make("A", "x", "2024-06-01", quotes=[("s", "expert", True)], terms=[("w", 1)])
    any_store.add_article(art, raw)
    assert any_store.delete_article(art.id) is True
    assert any_store.count() == 0
    assert any_store.execute("SELECT COUNT(*) FROM quotes")[0][0] == 0
    assert any_store.execute("SELECT COUNT(*) FROM terms")[0][0] == 0
    assert any_store.delete_article(art.id) is False


def test_failed_write_leaves_nothing(any_store: Store, monkeypatch):
    art, raw = make("A", "boom", "2024-06-01", quotes=[("s", "expert", True)])
    original = Store._rows

    def broken(article, raw_, h):
        rows = original(article, raw_, h)
        rows["quotes"] = [("only-two-columns", 1)]  # the insert of quotes fails mid-article
        return rows

    monkeypatch.setattr(Store, "_rows", staticmethod(broken))
    with pytest.raises(Exception):  # noqa: B017 - either backend's own error type
        any_store.add_article(art, raw)
    monkeypatch.setattr(Store, "_rows", staticmethod(original))
    assert any_store.count() == 0
    assert any_store.data_version() == 0


def test_data_survives_reopen(tmp_path):
    url = f"duckdb:///{tmp_path / 'x.duckdb'}"
    s = Store(url)
    s.add_article(*make("A", "kept", "2024-06-01"))
    s.close()
    s2 = Store(url)
    assert s2.count() == 1 and s2.migrate() == []  # migrations recorded, not re-applied
    s2.close()


def test_bad_urls_are_explained():
    with pytest.raises(StoreError, match="Unsupported database URL"):
        Store("mysql://x")
    assert _redact("postgresql://bob:s3cret@db:5432/news") == "postgresql://bob:***@db:5432/news"


def test_articles_searched_by_title_words(any_store: Store):
    for outlet, title, day in (
        ("A", "Floods hit the Northern Province", "2024-01-02"),
        ("B", "100% turnout_claimed in northern villages", "2024-01-03"),
        ("C", "سيول تضرب المحافظة الشمالية", "2024-01-04"),
    ):
        any_store.add_article(*make(outlet, title, day))
    f = Filters()

    def titles(search: str, limit: int | None = None) -> tuple[list[str], int]:
        df = queries.articles(any_store, f, limit=limit, title_contains=search)
        return list(df["title"]), df.attrs["total"]

    assert titles("northern")[1] == 2  # case-insensitive, every article with the word
    assert titles("NORTHERN province") == (["Floods hit the Northern Province"], 1)
    assert titles("المحافظة") == (["سيول تضرب المحافظة الشمالية"], 1)
    # LIKE's wildcards are literal characters of the search.
    assert titles("100%") == (["100% turnout_claimed in northern villages"], 1)
    assert titles("%")[1] == 1 and titles("_")[1] == 1
    assert titles("n_rthern")[1] == 0
    # A bounded page still counts every match.
    assert len(titles("northern", limit=1)[0]) == 1 and titles("northern", limit=1)[1] == 2
