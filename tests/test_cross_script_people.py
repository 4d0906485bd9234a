"""One person across scripts: the packaged gazetteer in speaker_aliases.csv (one row per
person: Vladimir Putin | Путин | بوتين | 푸틴 ...) joins a leader quoted in Arabic, English,
Russian and Korean articles into one row of the Speakers page, and a researcher's split row
still wins. Every article here was written for this test."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analysis import identity
from dashboard.analysis.identity import identify, load_aliases, plain_key
from dashboard.config import LEXICON_DIR
from dashboard.ingest.ingest import ingest_result
from dashboard.ingest.readers import ReadResult
from dashboard.model import RawArticle
from dashboard.storage.store import Store

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
GAZETTEER = LEXICON_DIR / "speaker_aliases.csv"


def person(name: str, n: int = 1, side: str = "") -> tuple:
    return (name, "official", "", n, side)


def _rows() -> list[dict[str, str]]:
    lines = [
        ln
        for ln in GAZETTEER.read_text("utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return list(csv.DictReader(lines))


def test_gazetteer_is_one_sorted_row_per_person_and_no_spelling_twice():
    rows = _rows()
    canon = [r["canonical"] for r in rows]
    assert len(rows) >= 30
    assert canon == sorted(canon, key=str.lower), "keep the rows sorted by canonical name"
    assert len({plain_key(c) for c in canon}) == len(canon), "one row per person"
    seen: dict[str, str] = {}
    for r in rows:
        spellings = [s.strip() for s in r["variant"].split("|")]
        assert r["action"] == "merge" and len(spellings) >= 3, r
        for s in spellings:
            key = plain_key(s)
            assert key, f"{s!r} has no matching form"
            assert seen.setdefault(key, r["canonical"]) == r["canonical"], s
    # The four scripts of the leader the issue names.
    putin = next(r for r in rows if r["canonical"] == "Vladimir Putin")["variant"]
    assert {"Путин", "بوتين", "푸틴", "Putin"} <= {s.strip() for s in putin.split("|")}


def test_cross_script_spellings_join_and_other_people_stay_apart():
    rows = [
        person("Vladimir Putin", 3),
        person("Владимир Путин", 2),
        person("Путин"),
        person("بوتين", 2),
        person("푸틴"),
        person("Sergey Lavrov"),
        person("Лавров"),
        person("윤석열"),
        person("이재명"),
    ]
    mapping = identify(rows, load_aliases(GAZETTEER)).mapping
    assert {n for n, c in mapping.items() if c == "Vladimir Putin"} == {
        "Vladimir Putin",
        "Владимир Путин",
        "Путин",
        "بوتين",
        "푸틴",
    }
    assert mapping["Лавров"] == mapping["Sergey Lavrov"] == "Sergey Lavrov"
    assert mapping["윤석열"] != mapping["이재명"]


def test_hangul_names_have_their_own_keys_without_any_alias():
    # Before the fix NFKD turned Hangul into jamo that no token rule read: every Korean name
    # had the empty key, and all Korean speakers of a store became one person.
    assert plain_key("푸틴") == "푸틴"
    mapping = identify([person("윤석열", 2), person("이재명"), person("한덕수")], []).mapping
    assert len(set(mapping.values())) == 3


def test_a_split_row_wins_over_the_gazetteer(tmp_path):
    own = tmp_path / "aliases.csv"
    own.write_text(GAZETTEER.read_text("utf-8") + "Путин,,split\n", "utf-8")
    mapping = identify(
        [person("Vladimir Putin", 2), person("Путин"), person("بوتين")], load_aliases(own)
    ).mapping
    assert mapping["بوتين"] == "Vladimir Putin"
    assert mapping["Путин"] != "Vladimir Putin"


# --- the Speakers page: one row for a leader quoted in four languages -----------------------
ARTICLES = [
    RawArticle(
        title="قمة اقتصادية في موسكو",
        outlet="صحيفة الأفق",
        language="ar",
        published_at="2024-03-12",
        body="اختتمت في موسكو قمة اقتصادية إقليمية.\n\n"
        "وقال الرئيس الروسي فلاديمير بوتين إن التعاون التجاري سيتوسع العام المقبل.",
    ),
    RawArticle(
        title="Economic summit ends in Moscow",
        outlet="The Harbour Post",
        language="en",
        published_at="2024-03-12",
        body="A regional economic summit closed in Moscow on Tuesday.\n\n"
        "Russian President Vladimir Putin said trade cooperation would expand next year.",
    ),
    RawArticle(
        title="В Москве завершился экономический саммит",
        outlet="Вестник Севера",
        language="ru",
        published_at="2024-03-12",
        body="В Москве завершился региональный экономический саммит.\n\n"
        "Президент России Владимир Путин заявил, что торговое сотрудничество расширится.",
    ),
    RawArticle(
        title="모스크바 경제 정상회의 폐막",
        outlet="한빛일보",
        language="ko",
        published_at="2024-03-12",
        body="모스크바에서 지역 경제 정상회의가 폐막했다.\n\n"
        '푸틴 대통령은 "무역 협력이 내년에 확대될 것"이라고 말했다.',
    ),
]


@pytest.fixture
def four_language_store(tmp_path, monkeypatch) -> str:
    url = f"duckdb:///{tmp_path / 'four.duckdb'}"
    store = Store(url)
    ingest_result(store, ReadResult(articles=list(ARTICLES)), workers=1)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    monkeypatch.delenv(identity.ALIASES_ENV, raising=False)  # the packaged gazetteer
    return url


def test_speakers_page_shows_one_row_for_a_leader_quoted_in_four_languages(
    four_language_store,
):
    store = Store(four_language_store)
    stored = {r[0] for r in store.execute("SELECT DISTINCT speaker FROM quotes")}
    store.close()
    # The parsers really found four spellings in four scripts: the page is what joins them.
    assert stored == {"فلاديمير بوتين", "Vladimir Putin", "Владимир Путин", "푸틴"}

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/speakers.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # "Speakers by outlet" is an HTML table (cells wrap in their own direction).
    from test_app import html_tables

    table = next(t for t in html_tables(at) if t and "person" in t[0] and "outlet" in t[0])
    assert {row["person"][0] for row in table} == {"Vladimir Putin"}
    assert sorted(row["outlet"][0] for row in table) == sorted(a.outlet for a in ARTICLES)
    assert sum(int(row["total"][0]) for row in table) == 4
    variants = next(d.value for d in at.dataframe if "spellings" in d.value.columns)
    row = variants[variants["person"] == "Vladimir Putin"].iloc[0]
    assert set(row["spellings"].split(" · ")) == stored
