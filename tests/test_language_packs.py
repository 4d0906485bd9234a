"""Language packs: the parser's output is unchanged by refactors, and the pack interface.

The differential test re-parses every article of tests/data/parse_snapshot.json (written by
tests/make_parse_snapshot.py) and compares field by field, so a failure names the article,
the field and the first differing element instead of dumping two megabytes of JSON.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.make_parse_snapshot import ROOT, SNAPSHOT, SNAPSHOT_FOLDERS, parse_folder


@cache
def _snapshot() -> dict[str, dict[str, Any]]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@cache
def _current(folder: str) -> dict[str, dict[str, Any]]:
    return parse_folder(ROOT / folder)


def _first_difference(path: str, want: Any, got: Any) -> str | None:
    """Where `got` first differs from `want`, as `path: want != got` (None when equal)."""
    if type(want) is not type(got):
        return f"{path}: {want!r} != {got!r}"
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in got:
                return f"{path}.{key}: missing now (was {want[key]!r})"
            if key not in want:
                return f"{path}.{key}: new field {got[key]!r}"
            found = _first_difference(f"{path}.{key}", want[key], got[key])
            if found:
                return found
        return None
    if isinstance(want, list):
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            found = _first_difference(f"{path}[{i}]", w, g)
            if found:
                return found
        if len(want) != len(got):
            extra = got[len(want) :] if len(got) > len(want) else want[len(got) :]
            return f"{path}: {len(want)} items before, {len(got)} now; first extra {extra[0]!r}"
        return None
    return None if want == got else f"{path}: {want!r} != {got!r}"


def test_snapshot_covers_every_committed_corpus() -> None:
    snapshot = _snapshot()
    folders = {key.split("::", 1)[0] for key in snapshot}
    assert folders == set(SNAPSHOT_FOLDERS)
    languages = {article["language"] for article in snapshot.values()}
    assert {"ar", "en"} <= languages
    assert len(snapshot) >= 70


@pytest.mark.parametrize("folder", SNAPSHOT_FOLDERS)
def test_parse_output_identical_to_snapshot(folder: str) -> None:
    want = {k: v for k, v in _snapshot().items() if k.startswith(f"{folder}::")}
    got = _current(folder)
    assert sorted(got) == sorted(want), "articles read from the folder changed"
    problems: list[str] = []
    for key, article in want.items():
        for field in sorted(set(article) | set(got[key])):
            found = _first_difference(
                f"{key} {field}", article.get(field, "<absent>"), got[key].get(field, "<absent>")
            )
            if found:
                problems.append(found)
    assert not problems, f"{len(problems)} fields differ from the snapshot:\n" + "\n".join(
        problems[:40]
    )


def test_first_difference_names_the_place() -> None:
    assert _first_difference("a", {"x": [1, 2]}, {"x": [1, 2]}) is None
    assert _first_difference("a", {"x": [1, 2]}, {"x": [1, 3]}) == "a.x[1]: 2 != 3"
    assert "2 items before, 3 now" in str(_first_difference("a", [1, 2], [1, 2, 4]))
    assert "missing now" in str(_first_difference("a", {"x": 1}, {}))


def test_snapshot_is_compact_and_sorted() -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    data = json.loads(text)
    assert (
        text == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    )
    assert Path(SNAPSHOT).stat().st_size < 3_000_000


# ---- the pack interface ------------------------------------------------------------------


def test_packs_are_discovered_by_folder() -> None:
    from dashboard.analysis.languages import PACKS_DIR, available_languages, get_pack

    codes = available_languages()
    assert {"ar", "en"} <= set(codes)
    for code in codes:
        pack = get_pack(code)
        assert pack.code == code and pack.name
        assert pack.folder == PACKS_DIR / code
        assert pack.missing_lexicons() == []
    assert get_pack("ar").right_to_left and not get_pack("en").right_to_left
    assert get_pack("ar").is_own_script("قال الوزير") and not get_pack("ar").is_own_script("said")
    assert get_pack("en").is_own_script("said")


def test_pack_lexicons_are_read_from_the_pack_folder() -> None:
    from dashboard.analysis.languages import all_fields, get_pack

    ar, en = get_pack("ar"), get_pack("en")
    assert "قال" in {f[0] for f in ar.fields("reporting_verbs.txt")}
    assert "said" in {f[0] for f in en.fields("reporting_verbs.txt")}
    assert ("according to",) in en.fields("source_phrases.txt")
    # Months: each pack has its own; the shared reader concatenates them in code order.
    ar_months = {f[0] for f in ar.fields("dates_months.txt")}
    en_months = {f[0] for f in en.fields("dates_months.txt")}
    assert "يناير" in ar_months and "January" in en_months and not ar_months & en_months
    assert {f[0] for f in all_fields("dates_months.txt")} >= ar_months | en_months


def test_unknown_language_is_a_clear_error_and_analysis_falls_back() -> None:
    from dashboard.analysis.languages import (
        FALLBACK_LANGUAGE,
        LanguagePackError,
        get_pack,
        pack_for,
    )

    with pytest.raises(LanguagePackError, match="no language pack 'xx'"):
        get_pack("xx")
    assert pack_for("xx").code == FALLBACK_LANGUAGE
    assert pack_for("en").code == "en"


def test_pack_missing_a_lexicon_names_the_file(tmp_path: Path) -> None:
    from dashboard.analysis.languages import REQUIRED_LEXICONS, LanguagePack, LanguagePackError

    class Broken(LanguagePack):
        code = "zz"
        name = "Broken"

    for name in REQUIRED_LEXICONS:
        if name != "dates_months.txt":
            (tmp_path / name).write_text("# empty\n", encoding="utf-8")
    pack = Broken(tmp_path)
    assert pack.missing_lexicons() == ["dates_months.txt"]
    assert pack.lines("frames.txt") == ()
    with pytest.raises(LanguagePackError, match=r"'zz' has no lexicon file dates_months\.txt"):
        pack.fields("dates_months.txt")


def test_get_pack_refuses_a_folder_missing_a_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack folder without one of the required files fails at get_pack, naming the file."""
    import shutil

    from dashboard.analysis import languages
    from dashboard.analysis.languages import en

    copy = tmp_path / "en"
    shutil.copytree(languages.PACKS_DIR / "en", copy)
    (copy / "dates_weekdays.txt").unlink()
    monkeypatch.setattr(en.PACK, "folder", copy)
    languages.get_pack.cache_clear()
    try:
        with pytest.raises(languages.LanguagePackError, match=r"'en' .* dates_weekdays\.txt"):
            languages.get_pack("en")
    finally:
        monkeypatch.undo()
        languages.get_pack.cache_clear()
    assert languages.get_pack("en").missing_lexicons() == []


def test_engines_do_not_branch_on_a_language_code() -> None:
    """The language-independent engines ask the pack; they never compare the language."""
    import re

    engines = [
        "dashboard/analysis/speakers/engine.py",
        "dashboard/analysis/dates/engine.py",
        "dashboard/analysis/keywords.py",
        "dashboard/analysis/stopwords.py",
        "dashboard/analysis/frames.py",
        "dashboard/analysis/naming.py",
    ]
    branch = re.compile(r"""\b(?:lang|language|code)\s*[!=]=\s*["'][a-z]{2}["']""")
    for path in engines:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not branch.findall(text), (path, branch.findall(text))
    # ... while the language packs do the language-specific work.
    from dashboard.analysis.languages import get_pack

    assert get_pack("ar").prefix_readings("للجيش") == ["الجيش", "لجيش"]
    assert get_pack("en").prefix_readings("lloyd") == []
    assert get_pack("ar").speaker_rules.__name__.endswith("languages.ar.speakers")
    assert get_pack("en").date_rules.__name__.endswith("languages.en.dates")
    assert get_pack("ar").naming_rules.__name__.endswith("languages.ar.naming")
    assert get_pack("ru").naming_rules is None  # no event names in Russian yet


def test_text_pack_by_script() -> None:
    from dashboard.analysis.languages import text_pack
    from dashboard.analysis.naming import event_name_spans

    assert text_pack("وقع الجانبان اتفاق دفاع مشترك").code == "ar"
    assert text_pack("The two sides signed a defence pact").code == "en"
    assert text_pack("Стороны подписали договор").code == "ru"
    assert text_pack("양측은 조약에 서명했다").code == "ko"
    assert text_pack("123, «»").code == "en"
    # Without a language the script picks the rules: Arabic and English names found.
    assert [p for *_, p in event_name_spans("وقع الجانبان اتفاق دفاع مشترك")] == [
        "اتفاق دفاع مشترك"
    ]
    assert [p for *_, p in event_name_spans("They signed a mutual defence pact.")] == [
        "mutual defence pact"
    ]
    assert event_name_spans("Стороны подписали договор о партнёрстве") == []
