"""Korean pack (skeleton): attribution, particles, titles after names, dates, stop words.

Every sentence here was written for this test: invented events, no text from the web.
"""

from __future__ import annotations

from datetime import date

from dashboard.analysis.dates import extract_dates
from dashboard.analysis.languages import get_pack
from dashboard.analysis.languages.ko import strip_particle
from dashboard.analysis.speakers import attribute_quotes, summarize_speakers
from dashboard.analysis.stopwords import is_stopword
from dashboard.analysis.textproc import tokenize

PUB = date(2024, 6, 20)  # a Thursday


def _quotes(paragraphs):
    return [
        (q.speaker, q.role, q.verb, q.direct, q.text, q.affiliation, q.speaker_kind)
        for q in attribute_quotes(paragraphs, "ko")
    ]


def test_direct_quote_title_after_name_and_side_word():
    got = _quotes(
        ['러시아 블라디미르 푸틴 대통령은 19일 기자회견에서 "협력을 넓히겠다"라고 말했다.']
    )
    assert got == [
        ("블라디미르 푸틴", "대통령", "말했다", True, "협력을 넓히겠다", "Russia", "official")
    ]


def test_reported_speech_and_a_long_title():
    got = _quotes(["김민수 국가안보실장은 정부가 상황을 면밀히 지켜보고 있다고 밝혔다."])
    assert got == [
        (
            "김민수",
            "국가안보실장",
            "밝혔다",
            False,
            "정부가 상황을 면밀히 지켜보고 있다",
            "",
            "official",
        )
    ]


def test_surname_and_pronoun_resolve_to_the_full_name():
    paragraphs = [
        '러시아 블라디미르 푸틴 대통령은 "협력을 넓히겠다"라고 말했다.',
        "푸틴 대통령은 이어 ‘새로운 단계’라고 강조했다.",
        "그는 같은 입장을 여러 차례 밝혔다고 전했다.",
    ]
    quotes = attribute_quotes(paragraphs, "ko")
    assert [(q.speaker, q.direct, q.text) for q in quotes] == [
        ("블라디미르 푸틴", True, "협력을 넓히겠다"),
        ("블라디미르 푸틴", True, "새로운 단계"),
        ("블라디미르 푸틴", False, "같은 입장을 여러 차례 밝혔다"),
    ]
    (row,) = summarize_speakers(quotes)
    assert (row.name, row.role, row.quotes) == ("블라디미르 푸틴", "대통령", 3)


def test_according_to_and_institution_speakers():
    got = _quotes(
        [
            "연합뉴스에 따르면 회담은 다음 달 열릴 예정이다.",
            '외교부 대변인은 브리핑에서 "추가 조치는 없다"고 말했다.',
        ]
    )
    assert got == [
        ("연합뉴스", "", "에 따르면", False, "회담은 다음 달 열릴 예정이다", "", "media"),
        ("외교부 대변인", "외교부 대변인", "말했다", True, "추가 조치는 없다", "", "official"),
    ]


def test_no_attribution_without_a_reporting_construction():
    assert attribute_quotes(["시청은 어제 새 도서관을 열었다."], "ko") == []
    # A reporting verb without a quotative ending tells what was talked about, not what.
    assert attribute_quotes(["장관은 예산 문제를 말했다."], "ko") == []


def test_particles_are_stripped_but_not_from_words_that_end_like_one():
    assert strip_particle("대통령은") == "대통령"
    assert strip_particle("북한이") == "북한"
    assert strip_particle("외교부에서") == "외교부"
    assert strip_particle("국가") == "국가"  # a two-syllable word keeps its last syllable
    assert strip_particle("전문가", frozenset({"전문가"})) == "전문가"
    assert get_pack("ko").strip_clitics("푸틴은") == ["푸틴은", "푸틴"]


def test_dates():
    paragraphs = [
        "회의는 2024년 6월 19일 열렸고 지난 19일 합의문이 공개됐다.",
        "어제는 비가 왔고 지난해와 올해 3월, 지난주 수요일에도 논의가 있었다.",
        "3년 전과 두 달 전에도 같은 문제가 있었으며 최근 다시 불거졌다.",
    ]
    got = [(d.text, d.start, d.end, d.granularity) for d in extract_dates(paragraphs, PUB, "ko")]
    assert got == [
        ("2024년 6월 19일", "2024-06-19", "2024-06-19", "day"),
        ("지난 19일", "2024-06-19", "2024-06-19", "day"),
        ("어제", "2024-06-19", "2024-06-19", "day"),
        ("지난해", "2023-01-01", "2023-12-31", "year"),
        ("올해", "2024-01-01", "2024-12-31", "year"),
        ("3월", "2024-03-01", "2024-03-31", "month"),
        ("지난주", "2024-06-10", "2024-06-16", "week"),
        ("수요일", "2024-06-19", "2024-06-19", "day"),
        ("3년 전", "2021-01-01", "2021-12-31", "year"),
        ("두 달 전", "2024-04-01", "2024-04-30", "month"),
        ("최근", None, None, "vague"),
    ]


def test_a_day_of_month_without_month_is_the_nearest_one():
    got = [(d.text, d.start) for d in extract_dates(["25일 발표가 있었다."], PUB, "ko")]
    assert got == [("25일", "2024-06-25")]
    got = [(d.text, d.start) for d in extract_dates(["지난 25일 발표가 있었다."], PUB, "ko")]
    assert got == [("지난 25일", "2024-05-25")]


def test_hangul_tokens_and_stop_words():
    assert tokenize("푸틴 대통령은 말했다") == ["푸틴", "대통령은", "말했다"]
    assert is_stopword("말했다") and is_stopword("그리고")
    assert not is_stopword("대통령")


def test_keyword_terms_fold_particles():
    from dashboard.analysis.keywords import article_terms

    terms = article_terms(
        ["푸틴 대통령은 협력을 강조했다. 대통령이 전문가를 만났다. 국가 정책이 중요하다."], "ko"
    )
    assert terms["대통령"] == 2 and "대통령은" not in terms and "대통령이" not in terms
    assert terms["전문가"] == 1 and "전문" not in terms  # a lexicon word keeps its 가
    assert terms["국가"] == 1 and "국" not in terms
    assert terms["푸틴 대통령"] == 1
