"""Language identification from the body text (dashboard.analysis.langid).

Every sentence here was written for this test (news-like, about no real event).
"""

from __future__ import annotations

import pytest

from dashboard.analysis import langid
from dashboard.analysis.langid import (
    UNDETERMINED,
    guess_language,
    identify_language,
    script_profile,
)

SAMPLES: dict[str, list[str]] = {
    "ar": [
        "قال وزير الزراعة في مؤتمر صحفي إن الحكومة ستواصل دعم المزارعين خلال الموسم المقبل.",
        "أعلنت البلدية أمس افتتاح مكتبة عامة جديدة في وسط المدينة، على أن تستقبل الزوار يوميًا.",
        "وأكد المتحدث باسم الشركة أن أسعار الخبز لن ترتفع هذا العام رغم زيادة تكاليف النقل.",
    ],
    "en": [
        "The agriculture minister told reporters on Tuesday that support for farmers would continue.",
        "City officials opened a new public library downtown, saying it would welcome visitors daily.",
    ],
    "ru": [
        "Министр сельского хозяйства заявил во вторник, что поддержка фермеров будет продолжена.",
        "Городские власти открыли новую библиотеку в центре, сообщили в пресс-службе мэрии.",
    ],
    "ko": [
        "농림부 장관은 화요일 기자회견에서 정부가 농민 지원을 계속할 것이라고 밝혔다.",
        "시청은 어제 도심에 새 공공 도서관을 열었으며 매일 방문객을 맞을 예정이라고 전했다.",
    ],
    "fr": [
        "Le ministre de l'Agriculture a déclaré mardi que le soutien aux agriculteurs serait maintenu."
    ],
    "es": ["El ministro de Agricultura dijo el martes que el apoyo a los agricultores continuará."],
    "de": [
        "Der Landwirtschaftsminister sagte am Dienstag, die Unterstützung der Bauern werde fortgesetzt."
    ],
    "tr": [
        "Tarım bakanı salı günü yaptığı açıklamada çiftçilere verilen desteğin süreceğini söyledi."
    ],
    "uk": [
        "Міністр аграрної політики заявив у вівторок, що підтримка фермерів триватиме й надалі."
    ],
    "fa": [
        "وزیر کشاورزی روز سه‌شنبه در نشست خبری گفت که دولت به حمایت از کشاورزان ادامه خواهد داد."
    ],
    "ur": ["وزیر زراعت نے منگل کو صحافیوں سے کہا کہ حکومت کسانوں کی مدد جاری رکھے گی۔"],
    "zh": ["农业部长周二对记者表示，政府将继续支持农民，并在下个季节增加补贴。"],
    "ja": ["農業大臣は火曜日の記者会見で、政府は農家への支援を続けると述べた。"],
    "el": ["Ο υπουργός Γεωργίας δήλωσε την Τρίτη ότι η στήριξη των αγροτών θα συνεχιστεί."],
    "he": ["שר החקלאות אמר ביום שלישי כי הממשלה תמשיך לתמוך בחקלאים בעונה הבאה."],
}


@pytest.mark.parametrize(
    ("expected", "text"), [(code, text) for code, texts in SAMPLES.items() for text in texts]
)
def test_each_language_is_identified(expected: str, text: str) -> None:
    guess = guess_language(text)
    assert guess.code == expected, guess
    assert 0.0 < guess.confidence <= 1.0


def test_the_body_decides_not_the_headline() -> None:
    body = SAMPLES["ar"][0] + " " + SAMPLES["ar"][1]
    assert identify_language(body, headline="Farm support to continue, minister says") == "ar"
    assert identify_language(SAMPLES["ru"][0], headline="장관, 농민 지원 계속") == "ru"


def test_a_short_body_borrows_the_headline() -> None:
    assert identify_language("2024", headline=SAMPLES["ko"][0]) == "ko"
    assert identify_language("", headline=SAMPLES["en"][0]) == "en"


def test_text_without_enough_letters_is_undetermined() -> None:
    for text in ("", "12/06/2024 — 3,500", "https://example.org/a/b?c=1", "OK"):
        guess = guess_language(text)
        assert (guess.code, guess.method) == (UNDETERMINED, "too-short")


def test_arabic_article_quoting_english_stays_arabic() -> None:
    text = (
        "قال المتحدث باسم الأمم المتحدة إن المنظمة تتابع الوضع عن كثب، مضيفًا بالإنجليزية: "
        '"We are monitoring the situation". وأشار إلى أن فريقًا ميدانيًا سيصل خلال أيام '
        "لتقييم حاجات السكان في المناطق المتضررة من الفيضانات الأخيرة."
    )
    assert identify_language(text) == "ar"


def test_korean_with_hanja_and_latin_stays_korean() -> None:
    text = "政府는 어제 NATO 회의 결과를 발표하면서 협력을 강화하겠다고 말했다. 外交部 관계자가 전했다."
    assert identify_language(text) == "ko"


def test_urls_do_not_count_as_text() -> None:
    text = SAMPLES["ru"][1] + " https://www.example.com/news/this-is-an-english-looking-slug"
    assert identify_language(text) == "ru"


def test_script_profile_counts_letters_per_script() -> None:
    profile = script_profile("قال said сказал 말했다 说")
    assert profile == {"arabic": 3, "latin": 4, "cyrillic": 6, "hangul": 3, "han": 1}


def test_function_word_fallback_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without py3langid the function-word profiles decide within a script."""
    monkeypatch.setattr(langid, "_identifier", lambda: None)
    cases = {
        "ar": SAMPLES["ar"][1],
        "fa": SAMPLES["fa"][0],
        "ur": SAMPLES["ur"][0],
        "ru": SAMPLES["ru"][0],
        "en": SAMPLES["en"][1],
        "fr": SAMPLES["fr"][0],
        "es": SAMPLES["es"][0],
        "de": SAMPLES["de"][0],
        "ko": SAMPLES["ko"][0],
    }
    for expected, text in cases.items():
        guess = guess_language(text)
        assert guess.code == expected, (expected, guess)
        assert guess.method in ("function-words", "script")
