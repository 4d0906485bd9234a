"""Cross-article speaker identity: which spellings are one person (dashboard/identity.py).

Every expected grouping below is written by hand from what a reader of Arabic/English news
knows about these names, not from the code's output.
"""

from __future__ import annotations

import pytest

from dashboard.analysis import identity
from dashboard.analysis.identity import (
    Alias,
    canonical_map,
    identify,
    load_aliases,
    relation,
    tokens,
)
from dashboard.ingest.ingest import ingest_result
from dashboard.ingest.readers import ReadResult
from dashboard.model import RawArticle
from dashboard.storage import queries
from dashboard.storage.store import Filters


def groups_of(rows, aliases=()) -> set[frozenset[str]]:
    """The partition the identity makes of the given spellings."""
    mapping = canonical_map(rows, list(aliases))
    by: dict[str, set[str]] = {}
    for raw, canon in mapping.items():
        by.setdefault(canon, set()).add(raw)
    return {frozenset(v) for v in by.values()}


def person(name: str, n: int = 1, kind: str = "official", role: str = "", side: str = ""):
    return (name, kind, role, n, side)


# --- merge rules, one row per case -------------------------------------------------------
SAME = [
    # three transliterations of one leader's name, g written غ/ج, and a bare family name
    (["كيم جونغ أون", "كيم جونج أون", "كيم غونغ أون", "كيم"], "three spellings + bare"),
    # the same name with and without a space in a compound, and hamza/alef forms
    (["كيم جونغ أون", "كيم جونغأون", "كيم جونغ اون"], "compound spacing"),
    # ة/ه, ى/ي, hamza on alef
    (["أسامة حمدي", "اسامه حمدى"], "ta marbuta / alef maqsura / hamza"),
    # long vowels and doubled letters in a transliterated name (Georgy Vasiliev)
    (["غيورغي فاسيلييف", "جورجي فاسيليف"], "vowel letters and doubled ي"),
    # with and without title, first name and middle name
    (["الرئيس فلاديمير بوتين", "فلاديمير بوتين", "بوتين"], "title and first name"),
    (["فلاديمير فلاديميروفيتش بوتين", "فلاديمير بوتين"], "middle name"),
    (["الدكتور سامي النجار", "سامي النجار"], "honorific"),
    # English case, accents, hyphens
    (["Kim Jong Un", "Kim Jong-un", "KIM JONG UN", "Kim"], "English case and hyphen"),
    (["José Fernández", "Jose Fernandez"], "accents"),
]


@pytest.mark.parametrize("spellings,why", SAME, ids=[w for _, w in SAME])
def test_spellings_of_one_person_merge_into_one_row(spellings, why):
    rows = [person(s) for s in spellings]
    assert groups_of(rows) == {frozenset(spellings)}, why


APART = [
    # same first name, different surnames
    (["محمد العالم", "محمد السيد"], "different surnames"),
    # a different person whose surname is another person's family name
    (["John Kim", "Kim Jong Un"], "John Kim is not Kim Jong Un"),
    # two different first names with one surname
    (["رامي الخطيب", "سامي الخطيب"], "two first names, one surname"),
    # native Arabic given names that differ only in a g-class letter are two names
    (["جمال الخطيب", "كمال الخطيب"], "Jamal vs Kamal"),
    # a nisba ending makes another family name
    (["هشام العمر", "هشام العمري"], "nisba"),
    # a name with a first name is not a prefix-shortened longer name
    (["محمد السيد", "محمد السيد البدوي"], "prefix of a longer name"),
]


@pytest.mark.parametrize("spellings,why", APART, ids=[w for _, w in APART])
def test_different_people_stay_apart(spellings, why):
    rows = [person(s) for s in spellings]
    assert groups_of(rows) == {frozenset([s]) for s in spellings}, why


def test_bare_surname_joins_only_an_unambiguous_person():
    # One Kim with a full name in the store: the bare name is his.
    assert groups_of([person("كيم جونغ أون", 5), person("كيم")]) == {
        frozenset({"كيم جونغ أون", "كيم"})
    }
    # Two Kims: the bare name could be either and stays on its own.
    rows = [person("كيم جونغ أون", 5), person("كيم مين سو", 2), person("كيم")]
    assert groups_of(rows) == {
        frozenset({"كيم جونغ أون"}),
        frozenset({"كيم مين سو"}),
        frozenset({"كيم"}),
    }
    # Two Khatibs: a bare «الخطيب» is ambiguous.
    rows = [person("رامي الخطيب"), person("سامي الخطيب"), person("الخطيب")]
    assert frozenset({"الخطيب"}) in groups_of(rows)


def test_bodies_and_titles_are_not_merged_by_spelling_rules():
    rows = [
        person("وزارة الخارجية الروسية", kind="state"),
        person("الخارجية الروسية", kind="state"),
        person("مصادر", kind="anonymous"),
        person("مصادر دبلوماسية", kind="anonymous"),
        person("الوزير", role="الوزير"),
        person("سيرغي لافروف", role="وزير الخارجية"),
    ]
    assert groups_of(rows) == {frozenset([r[0]]) for r in rows}


def test_similar_names_on_two_sides_are_two_people():
    rows = [person("ايغور مارتينوف", side="Russia"), person("إيغور مارتينوف", side="Ukraine")]
    # Same letters up to hamza: identical spelling wins (one person); transliteration-only
    # similarity across sides does not.
    assert len(groups_of(rows)) == 1
    rows = [person("غيورغي فاسيلييف", side="Russia"), person("جورجي فاسيليف", side="Georgia")]
    assert len(groups_of(rows)) == 2


def test_canonical_is_the_most_quoted_full_spelling_and_kind_side_follow_the_person():
    rows = [
        ("كيم جونج أون", "other", "", 2, ""),
        ("كيم جونغ أون", "official", "الزعيم الكوري الشمالي", 5, "North Korea"),
        ("كيم", "other", "", 7, ""),  # most quoted, but a bare name is not a display name
    ]
    ident = identify(rows, [])
    assert set(ident.mapping.values()) == {"كيم جونغ أون"}
    assert ident.kinds["كيم جونغ أون"] == "official"
    assert ident.sides["كيم جونغ أون"] == "North Korea"
    assert ident.groups() == {"كيم جونغ أون": ["كيم", "كيم جونغ أون", "كيم جونج أون"]}


def test_a_tie_of_kinds_does_not_depend_on_string_hashing():
    """Two spellings of one person, as often quoted, one typed official and one expert:
    the person's kind is the same in every process (the members are counted in a fixed
    order, not in the order of a set, which follows PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = (
        "from dashboard.analysis.identity import identify\n"
        "rows = [('سليم داود الحربي', 'official', '', 2, ''),"
        " ('سليم داوود الحربي', 'expert', '', 2, '')]\n"
        "ident = identify(rows, [])\n"
        "print(sorted(set(ident.mapping.values())), sorted(ident.kinds.values()))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(seen) == 1, seen
    people, kinds = seen.pop().strip().split("] [")
    assert people.count("'") == 2 and kinds.count("'") == 2  # one person, one kind


def test_relation_kinds():
    assert relation(tokens("كيم جونغ أون"), tokens("كيم غونغ اون")) == ("equal", 0)
    assert relation(tokens("بوتين"), tokens("فلاديمير بوتين")) == ("shorter", 0)
    assert relation(tokens("Kim Jong Un"), tokens("Kim")) == ("shorter", 1)
    assert relation(tokens("John Kim"), tokens("Kim Jong Un")) is None


# --- alias file -----------------------------------------------------------------------------
def test_alias_file_merges_and_splits(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text(
        "# a team's corrections\n"
        "variant,canonical,action\n"
        "أبو مازن,محمود عباس,merge\n"
        "كيم غونغ أون,كيم جونغ أون,split\n"
        "Kim,,split\n"
        "nonsense row,x,rename\n",
        encoding="utf-8",
    )
    aliases = load_aliases(path)
    assert aliases == [
        Alias("أبو مازن", "محمود عباس", "merge"),
        Alias("كيم غونغ أون", "كيم جونغ أون", "split"),
        Alias("Kim", "", "split"),
    ]
    rows = [
        person("محمود عباس", 3),
        person("أبو مازن", 1),  # a kunya: no spelling rule can know it
        person("كيم جونغ أون", 4),
        person("كيم جونج أون", 1),
        person("كيم غونغ أون", 1),
        person("Kim Jong Un", 2),
        person("Kim", 1),
    ]
    assert groups_of(rows, aliases) == {
        frozenset({"محمود عباس", "أبو مازن"}),
        frozenset({"كيم جونغ أون", "كيم جونج أون"}),
        frozenset({"كيم غونغ أون"}),  # split from the person it was merged with
        frozenset({"Kim Jong Un"}),
        frozenset({"Kim"}),  # split from everybody
    }
    ident = identify(rows, aliases)
    assert ident.mapping["أبو مازن"] == "محمود عباس"
    assert {"أبو مازن", "كيم غونغ أون", "Kim"} <= ident.by_alias


def test_alias_merge_names_the_group_even_with_a_new_display_name():
    aliases = [Alias("كيم جونج أون", "Kim Jong Un (كيم جونغ أون)", "merge")]
    mapping = canonical_map([person("كيم جونغ أون", 3), person("كيم جونج أون")], aliases)
    assert set(mapping.values()) == {"Kim Jong Un (كيم جونغ أون)"}


def test_alias_path_is_configurable(monkeypatch, tmp_path):
    monkeypatch.delenv(identity.ALIASES_ENV, raising=False)
    assert identity.aliases_path().name == "speaker_aliases.csv"
    assert identity.aliases_path().is_file()  # the packaged, researcher-editable file
    # It ships with the cross-script gazetteer: merges only, one row per person.
    packaged = load_aliases()
    assert packaged and all(a.action == "merge" and a.canonical and a.listed for a in packaged)
    own = tmp_path / "team.csv"
    own.write_text("variant,canonical,action\nX Y,Z W,merge\n", encoding="utf-8")
    monkeypatch.setenv(identity.ALIASES_ENV, str(own))
    assert identity.aliases_path() == own
    assert load_aliases() == [Alias("X Y", "Z W", "merge")]


# --- end to end: articles in, one row per person per outlet out -----------------------------
A, B = "صحيفة الأفق", "وكالة النهار"
CORPUS = [
    RawArticle(
        title="افتتاح مستشفى جديد في العاصمة الكورية الشمالية",
        outlet=A,
        language="ar",
        published_at="2024-06-20",
        body="افتتحت كوريا الشمالية مستشفى عاما جديدا يوم الأربعاء.\n\n"
        "وقال الزعيم الكوري الشمالي كيم جونغ أون: «المستشفى يفتح صفحة جديدة في الرعاية الصحية»."
        "\n\nوأضاف الزعيم الكوري الشمالي أن بلاده ستبني مستشفيات مماثلة في كل المحافظات.",
    ),
    RawArticle(
        title="مشروع صحي جديد",
        outlet=A,
        language="ar",
        published_at="2024-06-21",
        body="أثار المشروع الجديد اهتمام المراقبين.\n\n"
        "وأكد كيم جونج أون أن العلاج في المستشفى مجاني ولا يستثني أي مواطن.",
    ),
    RawArticle(
        title="مستشفى جديد في العاصمة",
        outlet=B,
        language="ar",
        published_at="2024-06-20",
        body="شهدت العاصمة الكورية الشمالية افتتاح مستشفى جديد في حفل نادر.\n\n"
        "وصرح كيم غونغ أون بأن الخدمات الصحية بلغت مستوى غير مسبوق.\n\n"
        "وقال كيم إن الأطباء الجدد سيعملون في القرى أيضا.",
    ),
]
KIM_SPELLINGS = {"كيم جونغ أون", "كيم جونج أون", "كيم غونغ أون", "كيم"}


@pytest.fixture
def kim_store(duck_store, monkeypatch, tmp_path):
    monkeypatch.setenv(identity.ALIASES_ENV, str(tmp_path / "no-aliases.csv"))
    ingest_result(duck_store, ReadResult(articles=list(CORPUS)), workers=1)
    return duck_store


def test_end_to_end_one_row_per_person_per_outlet(kim_store):
    stored = {r[0] for r in kim_store.execute("SELECT DISTINCT speaker FROM quotes")}
    # The extractor really saw several spellings: the test is about merging them.
    assert len(stored & KIM_SPELLINGS) >= 3, stored

    counts = queries.speaker_counts(kim_store, Filters())
    assert len(counts) == 2
    assert set(counts["speaker"]) == {"كيم جونغ أون"}  # most quoted full spelling
    by_outlet = counts.set_index("outlet")
    # A: two statements in the first article (name + bare title), one in the second.
    assert by_outlet.loc[A, "total"] == 3
    assert by_outlet.loc[B, "total"] == 2
    assert (by_outlet.loc[A, "direct"], by_outlet.loc[A, "reported"]) == (1, 2)
    assert set(counts["kind"]) == {"official"}
    assert set(counts["affiliation"]) == {"North Korea"}
    assert set(by_outlet.loc[B, "variants"].split("; ")) == {"كيم غونغ أون", "كيم"}

    # Filters apply to the counts; the person keeps the same name under any filter.
    only_b = queries.speaker_counts(kim_store, Filters(outlets=[B]))
    assert list(zip(only_b["speaker"], only_b["total"], strict=True)) == [("كيم جونغ أون", 2)]

    q = queries.quotes(kim_store, Filters())
    assert set(q["person"]) == {"كيم جونغ أون"} and len(q) == 5
    kinds = queries.kind_counts(kim_store, Filters())
    assert sorted(zip(kinds["outlet"], kinds["kind"], kinds["total"], strict=True)) == [
        (A, "official", 3),
        (B, "official", 2),
    ]
    sides = queries.side_counts(kim_store, Filters())
    assert sorted(zip(sides["outlet"], sides["side"], sides["speakers"], strict=True)) == [
        (A, "North Korea", 1),
        (B, "North Korea", 1),
    ]


def test_end_to_end_alias_split_changes_the_rows(kim_store, monkeypatch, tmp_path):
    path = tmp_path / "split.csv"
    path.write_text("variant,canonical,action\nكيم غونغ أون,كيم جونغ أون,split\n", "utf-8")
    monkeypatch.setenv(identity.ALIASES_ENV, str(path))
    counts = queries.speaker_counts(kim_store, Filters(outlets=[B]))
    # «كيم غونغ أون» stands alone; the bare «كيم» now fits two people and stays alone too.
    assert sorted(zip(counts["speaker"], counts["total"], strict=True)) == [
        ("كيم", 1),
        ("كيم غونغ أون", 1),
    ]


def _cached_speaker_rows():
    # Runs inside AppTest: the page-data cache every page uses (ui.cached).
    import streamlit as st

    from dashboard.storage.store import Filters
    from dashboard.web import ui

    store = ui.get_store()
    counts = ui.speaker_counts(store, Filters())
    st.write(
        "|".join(
            sorted(f"{s}={n}" for s, n in zip(counts["speaker"], counts["total"], strict=True))
        )
    )


def test_page_data_cache_sees_an_alias_file_edit_without_a_data_change(
    duck_store, monkeypatch, tmp_path
):
    from streamlit.testing.v1 import AppTest

    aliases = tmp_path / "aliases.csv"
    aliases.write_text("variant,canonical,action\n", "utf-8")
    monkeypatch.setenv(identity.ALIASES_ENV, str(aliases))
    ingest_result(duck_store, ReadResult(articles=list(CORPUS)), workers=1)
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", duck_store.url)
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    duck_store.close()  # the app opens the file itself

    at = AppTest.from_function(_cached_speaker_rows, default_timeout=60).run()
    assert not at.exception
    # One row per person per outlet: A quotes him 3 times, B twice (in two spellings).
    assert at.markdown[0].value == "كيم جونغ أون=2|كيم جونغ أون=3"
    # The researcher splits one spelling off: same data version, new rows on the next run.
    aliases.write_text("variant,canonical,action\nكيم غونغ أون,كيم جونغ أون,split\n", "utf-8")
    at.run()
    assert at.markdown[0].value == "كيم جونغ أون=3|كيم غونغ أون=1|كيم=1"
