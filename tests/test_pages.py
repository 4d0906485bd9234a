"""Pages on a small hand-written store (test_provenance's two articles): the sentences
behind a keyword, an event and a day; selections kept in the URL; the counting mode stated
under every chart; an export control under every chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_provenance import AR_OUTLET, EN_OUTLET, fill

from dashboard.storage.store import Store

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
CLUSTERS_NOTE = "Counting: each wire-copy cluster once"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'pages.duckdb'}"
    store = Store(url)
    fill(store)
    store.close()  # the app opens the file itself
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    return url


def start(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    # Straight to the page, as a shared link opens it (another page first would clear
    # this page's parameters from the URL).
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def sentence_items(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown if '<ol class="prov">' in m.value)


def test_picking_a_keyword_lists_its_sentences(db_url):
    at = start("keywords")
    assert sentence_items(at) == ""  # nothing picked yet
    at.selectbox(key="kw_outlet").select(AR_OUTLET).run()
    at.selectbox(key="kw_term").select("روسيا").run()
    assert not at.exception
    items = sentence_items(at)
    # The three sentences with روسيا/وروسيا, right-to-left, the term highlighted.
    assert items.count('<li dir="rtl"') == 3
    assert "أعلنت <mark" in items and ">روسيا</mark> اليوم" in items
    assert ">وروسيا</mark> قوية." in items
    assert "Russia signed" not in items
    assert any("3 occurrence(s)" in c.value and "3 sentence(s)" in c.value for c in at.caption)
    assert at.query_params["kw_outlet"] in (AR_OUTLET, [AR_OUTLET])
    assert at.query_params["kw_term"] in ("روسيا", ["روسيا"])


def test_keyword_from_the_url_is_restored(db_url):
    at = start("keywords", {"kw_outlet": EN_OUTLET, "kw_term": "Russia"})
    assert at.selectbox(key="kw_outlet").value == EN_OUTLET
    assert at.selectbox(key="kw_term").value == "Russia"
    items = sentence_items(at)
    assert items.count('<li dir="ltr"') == 3
    assert "RUSSIA&#x27;s</mark> envoy attended." in items  # the whole token is marked


def test_event_and_day_pickers_list_sentences_and_go_to_the_url(db_url):
    at = start("timeline")
    at.selectbox(key="tl_event").select(f"2024-03-01|2024-03-01|{EN_OUTLET}").run()
    assert 'The talks began on <mark class="kw" title="">1 March 2024</mark> in Moscow.' in (
        sentence_items(at)
    )
    assert at.query_params["tl_event"] in (
        f"2024-03-01|2024-03-01|{EN_OUTLET}",
        [f"2024-03-01|2024-03-01|{EN_OUTLET}"],
    )
    at.selectbox(key="tl_day").select(f"2024-03-10|{AR_OUTLET}").run()
    items = sentence_items(at)
    assert '<li dir="rtl" class="rtl"><div>أعلنت روسيا اليوم اتفاقا مع الصين.</div>' in items
    assert at.query_params["tl_day"] in (f"2024-03-10|{AR_OUTLET}", [f"2024-03-10|{AR_OUTLET}"])


def test_event_picker_offers_the_top_events_and_a_search(db_url, monkeypatch):
    from dashboard.web import event_picker

    # More events than the list holds (as at 100,000 articles): a search box appears.
    monkeypatch.setattr(event_picker, "PICKER_MAX", 1)
    at = start("timeline")
    assert len(at.selectbox(key="tl_event").options) == 1
    assert any("The list offers the 1 most-mentioned of" in c.value for c in at.caption)
    at.text_input(key="tl_event_q").input(f"2024-03-01 {EN_OUTLET}").run()
    (label,) = at.selectbox(key="tl_event").options
    assert label.startswith(f"2024-03-01 · {EN_OUTLET} · ")
    assert any("event(s) match the search" in c.value for c in at.caption)
    at.selectbox(key="tl_event").select(f"2024-03-01|2024-03-01|{EN_OUTLET}").run()
    assert "The talks began on" in sentence_items(at)
    at.text_input(key="tl_event_q").input("no such event").run()
    # The pick stays an option (and its sentences listed) while the search finds nothing.
    assert len(at.selectbox(key="tl_event").options) == 1
    assert "The talks began on" in sentence_items(at)


def test_reader_article_is_kept_in_the_url(db_url):
    at = start("reader", {"article": "en1"})
    assert at.selectbox(key="reader_article").value == "en1"
    assert '<h2 dir="ltr"' in markdown(at)
    at.selectbox(key="reader_article").select("ar1").run()
    assert at.query_params["article"] in ("ar1", ["ar1"])
    assert '<h2 dir="rtl"' in markdown(at)


@pytest.mark.parametrize(("page", "charts"), [("", 1), ("timeline", 2), ("keywords", 4)])
def test_every_chart_states_the_counting_mode_and_can_be_downloaded(db_url, page, charts):
    at = start(page or "overview")
    notes = [c.value for c in at.caption if c.value == CLUSTERS_NOTE]
    assert len(notes) >= charts  # under every chart (overview: also under the metrics)
    per_chart = [b.key for b in at.get("download_button") if b.key.endswith("_export_dl")]
    assert len(per_chart) == charts, "one PNG/SVG download under every chart"
    labels = [b.proto.label for b in at.button]
    assert "Download all charts on this page (ZIP)" in labels
    if page == "":
        assert "Download the whole dashboard (ZIP)" in labels


def test_copies_mode_is_stated_when_chosen(db_url):
    at = start("overview")
    at.sidebar.radio(key="f_count").set_value("copies").run()
    assert any(c.value == "Counting: every copy" for c in at.caption)


def test_reader_lists_a_bounded_page_and_searches_titles(db_url, monkeypatch):
    """At 100,000 articles a picker of every article took the browser seconds to draw: the
    Reader lists the newest READER_CHOICES, says how many there are, and searches titles."""
    from test_provenance import AR_TITLE, EN_TITLE

    from dashboard.web import ui

    monkeypatch.setattr(ui, "READER_CHOICES", 1)
    at = start("reader")
    assert len(at.selectbox(key="reader_article").options) == 1
    assert any("newest of 2 articles" in c.value for c in at.caption)
    # Every word of the search must be in the title (case-insensitive).
    word = EN_TITLE.split()[-1]
    at.text_input(key="reader_search").input(word.upper()).run()
    assert not at.exception
    assert at.selectbox(key="reader_article").value == "en1"
    at.text_input(key="reader_search").input(AR_TITLE.split()[0]).run()
    assert at.selectbox(key="reader_article").value == "ar1"
    # LIKE's wildcards are literal: "%" finds no title.
    at.text_input(key="reader_search").input("%").run()
    assert any("No article title holds" in i.value for i in at.info)


def test_reader_opens_a_linked_article_outside_the_listed_page(db_url, monkeypatch):
    from dashboard.web import ui

    monkeypatch.setattr(ui, "READER_CHOICES", 1)
    first = start("reader").selectbox(key="reader_article").value
    other = "ar1" if first == "en1" else "en1"
    at = start("reader", {"article": other})
    assert at.selectbox(key="reader_article").value == other
    assert len(at.selectbox(key="reader_article").options) == 2  # the linked one and the page
    at.run()  # a rerun keeps it
    assert at.selectbox(key="reader_article").value == other
