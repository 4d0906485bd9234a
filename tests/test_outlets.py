"""Outlet registry: loading, matching by domain and name, attribute filters in SQL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ingest.ingest import ingest_path
from dashboard.storage import outlets, queries
from dashboard.storage.outlets import Registry
from dashboard.storage.store import Filters, Store

WIRE = Path(__file__).resolve().parent / "data" / "wire"
APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(outlets.packaged_path())


def test_packaged_registry_is_valid_and_has_the_major_agencies(registry):
    df = outlets.registry_frame(outlets.packaged_path())
    assert outlets.validate(df) == []
    names = {o.name for o in registry.outlets}
    for agency in ("KUNA", "SPA", "WAM", "MENA", "QNA", "Petra", "AFP", "Reuters", "AP"):
        assert agency in names
    for name in ("TASS", "KCNA", "Yonhap", "Al Jazeera", "Al Arabiya", "Asharq Al-Awsat"):
        assert name in names
    assert all(o.type in outlets.TYPES for o in registry.outlets)


@pytest.mark.parametrize(
    "outlet, domain, url, expected",
    [
        ("whatever", "gate.ahram.org.eg", None, "Al-Ahram"),  # subdomain
        ("whatever", None, "https://www.kuna.net.kw/ArticleDetails.aspx?id=1", "KUNA"),
        ("whatever", None, "https://www.bbc.com/arabic/articles/x", "BBC Arabic"),  # path
        ("whatever", "bbc.com", None, None),  # BBC in general is not the Arabic service
        ("وكالة الأنباء الكويتية", None, None, "KUNA"),  # Arabic name variant
        ("الجزيره", None, None, "Al Jazeera"),  # ة/ه spelled either way
        ("the guardian", None, None, "The Guardian"),
        ("Unknown Weekly", "example.org", None, None),
        ("whatever", "notkuna.net.kw", None, None),  # suffix must be a whole label
    ],
)
def test_match_by_domain_then_name(registry, outlet, domain, url, expected):
    got = registry.match(outlet, domain, url)
    assert (got.name if got else None) == expected


def test_attributes_lookup(registry):
    a = outlets.attributes("Youm7", "youm7.com", registry=registry)
    assert (a["country"], a["region"], a["type"]) == ("EG", "Egypt", "news_site")
    unknown = outlets.attributes("Unknown Weekly", "example.org", registry=registry)
    assert unknown["region"] == outlets.UNKNOWN and unknown["registry_name"] is None


def test_save_refuses_bad_rows_and_writes_the_team_copy(tmp_path):
    df = outlets.registry_frame(outlets.packaged_path())
    bad = pd.concat([df, df.head(1)], ignore_index=True)
    with pytest.raises(ValueError, match="names listed twice: KUNA"):
        outlets.save_registry(bad, tmp_path / "outlets.csv")
    typo = df.copy()
    typo.loc[0, "type"] = "blog"
    with pytest.raises(ValueError, match="type 'blog'"):
        outlets.save_registry(typo, tmp_path / "outlets.csv")
    edited = df.copy()
    edited.loc[edited["name"] == "KUNA", "region"] = "Kuwait"
    path = outlets.save_registry(edited, tmp_path / "outlets.csv")
    again = Registry.load(path)
    assert again.by_name("KUNA").region == "Kuwait"
    assert len(again.outlets) == len(df)


def test_team_copy_takes_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    assert outlets.registry_path() == outlets.packaged_path()
    (tmp_path / "outlets.csv").write_text(
        "name,name_variants,domain,country,region,language,type,note\n"
        "Local Daily,,local.example,JO,Levant,ar,newspaper,\n",
        encoding="utf-8",
    )
    assert outlets.registry_path() == tmp_path / "outlets.csv"
    assert [o.name for o in outlets.load_registry()] == ["Local Daily"]


@pytest.fixture
def wire_store(any_store):
    ingest_path(any_store, WIRE, workers=1)
    assert outlets.sync(any_store, outlets.packaged_path()) is True
    return any_store


def test_sync_and_filters_by_region_country_and_type(wire_store):
    store = wire_store
    copies = Filters(count_mode="copies")
    assert len(queries.articles(store, copies)) == 30
    by_region = queries.articles_by_outlet_attribute(store, copies, "region")
    counts = dict(zip(by_region["value"], by_region["articles"], strict=True))
    # Hand count of the two wire folders' manifests (30 articles):
    # Gulf: KUNA 4, Al-Qabas, Al Rai, Al Khaleej x2, Al Watan, Al Anba, SPA, Asharq Al-Awsat,
    #       Al Arabiya, WAM, QNA = 15; Egypt: Youm7 x2, Al-Ahram x3, MENA x2, Masrawy = 8;
    # Levant: Al Ghad, Petra, Addustour, Jordan Times, Al Rai (Jordan) = 5;
    # International: Reuters, AFP = 2.
    assert counts == {"Gulf": 15, "Egypt": 8, "Levant": 5, "International": 2}

    gulf = Filters(count_mode="copies", regions=["Gulf"])
    assert len(queries.articles(store, gulf)) == 15
    jo = Filters(count_mode="copies", countries=["JO"])
    assert set(queries.articles(store, jo)["outlet"]) == {
        "Al Ghad", "Petra", "Addustour", "The Jordan Times", "Al Rai (Jordan)",
    }  # fmt: skip
    agencies = Filters(count_mode="copies", outlet_types=["agency"])
    assert set(queries.articles(store, agencies)["outlet"]) == {
        "KUNA", "Petra", "Reuters", "Saudi Press Agency", "MENA", "AFP", "WAM", "QNA",
    }  # fmt: skip
    both = Filters(count_mode="copies", regions=["Gulf"], outlet_types=["agency"])
    assert len(queries.articles(store, both)) == 4 + 1 + 1 + 1  # KUNA x4, SPA, WAM, QNA
    # Each wire cluster counts once: the Gulf loses the 4 Gulf republications of the
    # KUNA and MENA dispatches (Al-Qabas, Al Rai, Al Khaleej x2; Asharq Al-Awsat, Al Arabiya).
    once = Filters(count_mode="clusters", regions=["Gulf"])
    assert len(queries.articles(store, once)) == 15 - 6


def test_filters_key_round_trip_and_describe():
    f = Filters(["B", "A"], ["ar"], "2025-01-01", None, "copies", ["JO"], ["Levant"], ["agency"])
    back = Filters.from_key(f.key())
    assert back.key() == f.key()
    assert back.regions == ["Levant"] and back.outlet_types == ["agency"]
    assert "regions: Levant" in f.describe() and "outlet types: agency" in f.describe()
    old_style = Filters.from_key((("A",), (), None, None, "clusters"))
    assert old_style.countries == [] and old_style.count_mode == "clusters"


def test_ensure_synced_only_when_stale(wire_store):
    assert outlets.ensure_synced(wire_store, outlets.packaged_path()) is False
    values = outlets.attribute_values(wire_store)
    assert "Levant" in values["region"] and "agency" in values["type"]


def test_outlets_page_restores_grouping_and_attribute_filters_from_the_url(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'wire.duckdb'}"
    store = Store(url)
    ingest_path(store, WIRE / "dispatch", workers=1)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["ol_group"] = "type"
    app.query_params["count"] = "copies"
    app.query_params["region"] = "Egypt"
    app.switch_page("views/outlets.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.radio(key="ol_group").value == "type"
    assert app.multiselect(key="f_regions").value == ["Egypt"]
    assert app.radio(key="f_count").value == "copies"
    # Egypt in the dispatch folder: MENA x2 (agency), Al-Ahram x2 (newspaper),
    # Youm7 and Masrawy (news sites).
    counts = app.dataframe[0].value
    assert dict(zip(counts["Outlet type"], counts["articles"], strict=True)) == {
        "agency": 2, "newspaper": 2, "news_site": 2,
    }  # fmt: skip
    assert app.query_params["region"] == "Egypt" and app.query_params["ol_group"] == "type"
    # Access control is off in tests: the researcher may edit the registry.
    assert app.button(key="ol_save").label == "Save the registry"
    assert len(app.dataframe[-1].value) == len(outlets.load_registry())


def test_editor_saves_the_team_copy_and_filters_follow(tmp_path, monkeypatch):
    url = f"duckdb:///{tmp_path / 'wire.duckdb'}"
    store = Store(url)
    ingest_path(store, WIRE / "dispatch", workers=1)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    outlets.sync(store)
    assert len(queries.articles(store, Filters(count_mode="copies", regions=["Egypt"]))) == 6
    df = outlets.registry_frame()
    df.loc[df["name"] == "Masrawy", "region"] = "Nile Valley"
    saved = outlets.save_registry(df)
    assert saved == tmp_path / "outlets.csv"
    assert outlets.ensure_synced(store) is True  # the file changed
    assert len(queries.articles(store, Filters(count_mode="copies", regions=["Egypt"]))) == 5
    store.close()
