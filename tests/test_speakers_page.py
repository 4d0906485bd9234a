"""The Speakers page through AppTest on a small hand-written corpus: one row per person,
the sentences behind a selection, selections kept in the URL, merged spellings shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from page_tables import table_with
from streamlit.testing.v1 import AppTest

from dashboard.escaping import shown_text
from dashboard.ingest.ingest import ingest_result
from dashboard.ingest.readers import ReadResult
from dashboard.model import RawArticle
from dashboard.storage.store import Store

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
A, B = "صحيفة الأفق", "وكالة النهار"
KIM = "كيم جونغ أون"

S_A1 = "وقال الزعيم الكوري الشمالي كيم جونغ أون: «المستشفى يفتح صفحة جديدة في الرعاية الصحية»."
S_A2 = "وأضاف الزعيم الكوري الشمالي أن بلاده ستبني مستشفيات مماثلة في كل المحافظات."
S_A3 = "وأكد كيم جونج أون أن العلاج في المستشفى مجاني ولا يستثني أي مواطن."
S_B1 = "وصرح كيم غونغ أون بأن الخدمات الصحية بلغت مستوى غير مسبوق."
S_B2 = "وقال كيم إن الأطباء الجدد سيعملون في القرى أيضا."
S_OTHER = "وقال الباحث السياسي رامي سلام إن المستشفى يغير خريطة الخدمات الصحية في البلاد."

CORPUS = [
    RawArticle(
        title="افتتاح مستشفى جديد في العاصمة الكورية الشمالية",
        outlet=A,
        language="ar",
        published_at="2024-06-20",
        body=f"افتتحت كوريا الشمالية مستشفى عاما جديدا.\n\n{S_A1}\n\n{S_A2}",
    ),
    RawArticle(
        title="مشروع صحي جديد",
        outlet=A,
        language="ar",
        published_at="2024-06-21",
        body=f"أثار المشروع الجديد اهتمام المراقبين.\n\n{S_A3}",
    ),
    RawArticle(
        title="مستشفى جديد في العاصمة",
        outlet=B,
        language="ar",
        published_at="2024-06-20",
        body="شهدت العاصمة الكورية الشمالية افتتاح مستشفى جديد في حفل نادر.\n\n"
        f"{S_B1}\n\n{S_OTHER}\n\n{S_B2}",
    ),
]


@pytest.fixture
def store_url(tmp_path, monkeypatch) -> str:
    url = f"duckdb:///{tmp_path / 'speakers.duckdb'}"
    store = Store(url)
    ingest_result(store, ReadResult(articles=list(CORPUS)), workers=1)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    monkeypatch.setenv("DASHBOARD_SPEAKER_ALIASES", str(tmp_path / "none.csv"))
    return url


def open_page(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("views/speakers.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def listed_sentences(at: AppTest) -> list[str]:
    """The provenance sentences, unescaped, in the order shown."""
    out = []
    for m in at.markdown:
        for inner in re.findall(r'<div dir="rtl" class="rtl quote-sentence">(.*?)</div>', m.value):
            out.append(shown_text(re.sub(r"<[^>]+>", "", inner)))
    return out


def test_one_row_per_person_per_outlet(store_url):
    at = open_page()
    counts = table_with(at, "person", "spellings")
    kim = counts[counts["person"] == KIM]
    assert sorted(zip(kim["outlet"], kim["total"], strict=True)) == [(A, "3"), (B, "2")]
    assert not (counts["person"].isin(["كيم جونج أون", "كيم غونغ أون", "كيم"])).any()
    # All five statements by him and the analyst's one are in the statements table.
    assert len(table_with(at, "person", "how", "text")) == 6
    # Four charts, each with a caption stating the filters and counting mode.
    assert len(at.get("plotly_chart")) == 4
    captions = [
        c.value
        for c in at.caption
        if "counting: each wire-copy cluster once" in shown_text(c.value)
    ]
    assert len(captions) >= 5  # the page header and one under each chart


def test_choosing_a_speaker_lists_exactly_their_sentences(store_url):
    at = open_page()
    assert listed_sentences(at) == []
    at.selectbox(key="sp_speaker").set_value(KIM).run()
    assert not at.exception
    assert sorted(listed_sentences(at)) == sorted([S_A1, S_A2, S_A3, S_B1, S_B2])
    assert len(table_with(at, "person", "how", "text")) == 5
    assert at.query_params["speaker"] == KIM

    at.selectbox(key="sp_outlet").set_value(B).run()
    assert sorted(listed_sentences(at)) == sorted([S_B1, S_B2])
    assert at.query_params["speaker_outlet"] == B
    md = "\n".join(m.value for m in at.markdown)
    assert "2 statement(s) by" in md and "written «كيم»" in shown_text(md)

    at.selectbox(key="sp_speaker").set_value("رامي سلام").run()
    at.selectbox(key="sp_outlet").set_value("All outlets").run()
    assert listed_sentences(at) == [S_OTHER]
    assert "speaker_outlet" not in at.query_params


def test_selection_is_restored_from_the_url(store_url):
    at = open_page({"speaker": KIM, "speaker_outlet": A})
    assert at.selectbox(key="sp_speaker").value == KIM
    assert at.selectbox(key="sp_outlet").value == A
    assert sorted(listed_sentences(at)) == sorted([S_A1, S_A2, S_A3])


def test_the_picker_offers_the_most_cited_and_finds_the_rest_by_search(store_url, monkeypatch):
    """Past the picker's size (300 people; ~97,000 at 100,000 articles) the list holds the
    most-cited people and a search finds any other, by any part of a spelling."""
    from dashboard.storage import queries

    monkeypatch.setattr(queries, "SPEAKER_PICKER_MAX", 1)
    at = open_page()
    assert at.selectbox(key="sp_speaker").options == ["All speakers", KIM]
    assert any("most-cited of 2 people" in c.value for c in at.caption)
    at.text_input(key="sp_search").input("سلام").run()
    assert at.selectbox(key="sp_speaker").options == ["All speakers", "رامي سلام"]
    at.selectbox(key="sp_speaker").set_value("رامي سلام").run()
    assert listed_sentences(at) == [S_OTHER]
    # A spelling merged into a person finds the person.
    at.text_input(key="sp_search").input("جونج").run()
    assert KIM in at.selectbox(key="sp_speaker").options
    # A shared link to someone outside the list opens them.
    at = open_page({"speaker": "رامي سلام"})
    assert at.selectbox(key="sp_speaker").value == "رامي سلام"
    assert listed_sentences(at) == [S_OTHER]


def test_merged_spellings_are_shown_with_how_to_split(store_url):
    at = open_page()
    variants = at.dataframe[0].value
    row = variants[variants["person"] == KIM].iloc[0]
    assert set(row["spellings"].split(" · ")) == {KIM, "كيم جونج أون", "كيم غونغ أون", "كيم"}
    assert row["statements (whole store)"] == 5
    md = "\n".join(m.value for m in at.markdown)
    assert "none.csv" in md and "split" in md


S_TWO = (
    "وقال كيم جونغ أون إن الخطة صحية بحتة، مشيرا إلى أن عدد المستشفيات في المحافظات "
    "سيتضاعف في السنوات المقبلة."
)


def test_a_sentence_with_two_clauses_is_listed_once_with_both_marked(
    store_url, tmp_path, monkeypatch
):
    url = f"duckdb:///{tmp_path / 'two.duckdb'}"
    store = Store(url)
    two = RawArticle(
        title="تصريحات جديدة",
        outlet=A,
        language="ar",
        published_at="2024-06-22",
        body=f"عقد مؤتمر صحفي في العاصمة.\n\n{S_TWO}",
    )
    ingest_result(store, ReadResult(articles=[*CORPUS, two]), workers=1)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    at = open_page({"speaker": KIM, "speaker_outlet": A})
    listed = listed_sentences(at)
    assert listed.count(S_TWO) == 1  # was listed once per clause
    assert sorted(listed) == sorted([S_A1, S_A2, S_A3, S_TWO])
    md = "\n".join(m.value for m in at.markdown)
    assert "5 statement(s) by" in shown_text(md) and "in 4 sentence(s)" in md
    item = next(m.value for m in at.markdown if "quote-sentence" in m.value and "بحتة" in m.value)
    marked = [shown_text(x) for x in re.findall(r'<mark class="q"[^>]*>(.*?)</mark>', item)]
    assert marked == [
        "الخطة صحية بحتة",
        "عدد المستشفيات في المحافظات سيتضاعف في السنوات المقبلة",
    ]
    assert "2 reported" in shown_text(item)


def test_a_stale_stored_identity_is_grouped_again_before_the_page_reads_it(store_url):
    """After an update of the title lexicons or the alias file the stored identity is stale:
    the page groups the spellings again (announced with a spinner) and shows the same
    people as with a current one."""
    from dashboard.storage import queries, speaker_identity

    fresh = open_page()
    want = [m.value for m in fresh.metric]
    store = Store(store_url)
    assert queries.speaker_identity_current(store)
    store.execute(
        "UPDATE meta SET value = ? WHERE key = ?", ["stale:0", speaker_identity.SIGNATURE_KEY]
    )
    assert not queries.speaker_identity_current(store)
    store.close()
    at = open_page()
    assert [m.value for m in at.metric] == want
    store = Store(store_url)
    assert queries.speaker_identity_current(store)
    store.close()
