"""Language identification from the body (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dashboard.analysis.langid import article_language, identify, is_rtl
from dashboard.analysis.parser import parse_article
from dashboard.model import RawArticle

BODIES = {
    "ar": "قال المتحدث باسم الوزارة في مؤتمر صحفي يوم الأحد إن المحادثات ستستأنف الأسبوع المقبل في العاصمة، مضيفا أن الوفدين اتفقا على جدول الأعمال.",
    "en": "The spokesman said at a news conference on Sunday that the talks would resume next week in the capital, adding that both delegations had agreed on the agenda.",
    "ru": "Официальный представитель министерства заявил в воскресенье на пресс-конференции, что переговоры возобновятся на следующей неделе в столице.",
    "ko": "외교부 대변인은 일요일 기자회견에서 협상이 다음 주 수도에서 재개될 것이라고 밝혔다. 양측 대표단은 의제에 합의했다고 덧붙였다.",
    "fa": "سخنگوی وزارت امور خارجه روز یکشنبه در یک کنفرانس خبری گفت که مذاکرات هفته آینده در پایتخت از سر گرفته خواهد شد.",
    "ur": "وزارت خارجہ کے ترجمان نے اتوار کو ایک پریس کانفرنس میں کہا کہ مذاکرات اگلے ہفتے دارالحکومت میں دوبارہ شروع ہوں گے۔",
    "fr": "Le porte-parole du ministère a déclaré dimanche lors d'une conférence de presse que les pourparlers reprendraient la semaine prochaine dans la capitale.",
    "es": "El portavoz del ministerio dijo el domingo en una rueda de prensa que las conversaciones se reanudarán la próxima semana en la capital.",
    "de": "Der Sprecher des Ministeriums sagte am Sonntag auf einer Pressekonferenz, die Gespräche würden nächste Woche in der Hauptstadt fortgesetzt.",
    "tr": "Bakanlık sözcüsü pazar günü düzenlediği basın toplantısında görüşmelerin gelecek hafta başkentte yeniden başlayacağını söyledi.",
    "uk": "Речник міністерства заявив у неділю на пресконференції, що переговори відновляться наступного тижня у столиці, і додав, що делегації погодили порядок денний.",
    "zh": "外交部发言人星期日在记者会上表示，谈判将于下周在首都恢复，双方代表团已就议程达成一致。",
    "ja": "外務省の報道官は日曜日の記者会見で、交渉は来週首都で再開されると述べた。",
    "he": "דובר משרד החוץ אמר ביום ראשון במסיבת עיתונאים כי השיחות יתחדשו בשבוע הבא בבירה.",
}


@pytest.mark.parametrize("code", sorted(BODIES))
def test_identifies_each_language(code: str) -> None:
    assert identify(BODIES[code]).code == code


def test_names_in_another_script_do_not_change_the_language() -> None:
    ar = "قال Marcos Alves و Amin Rashid في بيان مشترك نشرته وكالة Bernama إن التعاون سيتعزز خلال العام المقبل بين البلدين."
    ru = "Как сообщил агентству Reuters Джон Смит из компании Google, переговоры с OpenAI и Microsoft продолжатся в понедельник."
    ko = "삼성전자는 NVIDIA와 AI 반도체 HBM3E 공급 계약을 체결했다고 Reuters 통신이 전했다."
    assert identify(ar).code == "ar"
    assert identify(ru).code == "ru"
    assert identify(ko).code == "ko"


def test_body_decides_not_the_headline_and_overrules_a_wrong_declaration() -> None:
    code, warnings = article_language("Alves: a new era", BODIES["ar"], declared="")
    assert code == "ar" and warnings == []
    code, warnings = article_language("عنوان", BODIES["ko"], declared="en")
    assert code == "ko"
    assert any("given as 'en'" in w for w in warnings)


def test_short_body_keeps_the_declared_language() -> None:
    assert article_language("", "OK.", declared="ar")[0] == "ar"
    assert article_language("", "", declared="")[0] == "und"


def test_unanalysed_language_is_stored_with_its_code_and_not_analysed() -> None:
    raw = RawArticle(title="Titre", body=BODIES["fr"] + "\n\n" + BODIES["fr"], outlet="X")
    art = parse_article(raw)
    assert art.language == "fr"
    assert art.analysed is False
    assert art.quotes == [] and art.speakers == [] and art.keywords == [] and art.dates == []
    assert any("not analysed" in w for w in art.warnings)
    assert art.to_dict()["analysed"] is False


def test_analysed_language_is_marked_analysed() -> None:
    art = parse_article(RawArticle(title="t", body=BODIES["en"], outlet="X"))
    assert art.language == "en" and art.analysed is True and art.keywords


def test_rtl() -> None:
    assert is_rtl("ar") and is_rtl("fa") and is_rtl("he")
    assert not is_rtl("en") and not is_rtl("ru") and not is_rtl("ko")


def test_overview_and_reader_show_an_unanalysed_article(tmp_path, monkeypatch) -> None:
    """A French article in the store: counted as not analysed on Overview, listed in the
    reader with its language."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from dashboard.ingest.ingest import ingest_path
    from dashboard.storage.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text("Pourparlers\n" + BODIES["fr"] + "\n\n" + BODIES["fr"], "utf-8")
    (folder / "en.txt").write_text("Talks\n" + BODIES["en"], "utf-8")
    url = f"duckdb:///{tmp_path / 'l.duckdb'}"
    store = Store(url)
    ingest_path(store, folder)
    store.close()
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DASHBOARD_AUTO_INGEST_SEEDS", "0")
    app = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
    at = AppTest.from_file(app, default_timeout=120)
    at.switch_page("views/overview.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    assert "Not analysed: 1 article(s)" in warnings and "(fr)" in warnings
    assert "fr (not analysed)" in "\n".join(m.value for m in at.markdown)
    at.switch_page("views/reader.py")
    at.run()
    options = at.selectbox(key="reader_article").options
    assert any("fr, not analysed" in o for o in options)
    assert not any("en, not analysed" in o for o in options)
