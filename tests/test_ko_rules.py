"""Korean attribution and date rules that hold on articles the rules never saw (issue 15).

Every sentence here was written for this test: invented people and events, no text from
the web.
"""

from __future__ import annotations

from dashboard.analysis.speakers import attribute_quotes


def _who(paragraphs):
    return [(q.speaker, q.verb, q.direct) for q in attribute_quotes(paragraphs, "ko")]


def test_reporter_byline_names_are_not_met_as_speakers():
    # The byline's 이수진 must not become the 이 of «이 장관» later on.
    paragraphs = [
        "(부산=한빛뉴스) 박가람 기자, 이수진 기자 | 2023-03-02 10:00 송고",
        '이도현 해양수산부 장관은 "항만 점검을 마쳤다"고 말했다.',
        '이 장관은 "다음 달에 결과를 알리겠다"고 덧붙였다.',
    ]
    got = _who(paragraphs)
    assert ("이도현", "말했다", True) in got
    assert ("이도현", "덧붙였다", True) in got
    assert all(s not in ("이수진", "박가람") for s, _, _ in got)


def test_page_control_glued_to_a_name_is_no_part_of_it():
    got = _who(['이미지 확대보기한민호 환경부 장관은 "하천 정비를 서두르겠다"고 밝혔다.'])
    assert got == [("한민호", "밝혔다", True)]


def test_subjectless_follow_up_after_an_institution_is_the_institution():
    paragraphs = [
        '재판부는 "반성의 기미가 없다"고 지적했다.',
        '그러면서 "원심의 형이 가볍다고 볼 수 없다"고 밝혔다.',
    ]
    assert _who(paragraphs) == [("재판부", "지적했다", True), ("재판부", "밝혔다", True)]


def test_a_pronoun_is_a_person_not_the_last_institution():
    paragraphs = [
        '오세림 교수는 "수온이 오르고 있다"고 말했다.',
        '기상청은 "다음 주 비가 온다"고 밝혔다.',
        '그는 "대비가 필요하다"고 강조했다.',
    ]
    assert _who(paragraphs)[-1] == ("오세림", "강조했다", True)


def test_an_adverb_in_i_is_not_a_subject():
    # 차질없이 looks like a family name (차) and a subject particle (이).
    got = _who(["각 학교에는 점검을 차질없이 마치라고 당부했다."])
    assert got == []


def test_a_numbered_court_division_is_one_speaker_with_its_short_forms():
    paragraphs = [
        "서울남부지법 형사항소2-1부(부장판사 홍길동)는 5일 김모씨의 항소를 기각했다.",
        '재판부는 "반성하지 않는다"고 지적했다.',
        "같은 법원 2-2부도 다른 피고인의 항소를 기각했다.",
        '2-1부는 "형이 무겁지 않다"며 원심을 유지했다.',
    ]
    got = [(q.speaker, q.speaker_kind, q.verb) for q in attribute_quotes(paragraphs, "ko")]
    assert got == [
        ("서울남부지법 형사항소2-1부", "state", "지적했다"),
        ("서울남부지법 형사항소2-1부", "state", "며"),
    ]


def test_court_reasoning_and_instructions_are_reported_speech():
    got = _who(
        [
            "대구고법 형사2부는 피고인의 행위가 법을 위반했다고 판단했다.",
            "조은비 행정안전부 장관은 각 시청에 배수로를 점검하라고 지시했다.",
        ]
    )
    assert got == [("대구고법 형사2부", "판단했다", False), ("조은비", "지시했다", False)]


def test_a_short_form_of_an_institution_is_the_same_speaker():
    paragraphs = [
        "보건복지부 중앙사고수습본부는 병상 현황을 매일 공개하겠다고 밝혔다.",
        "중수본은 응급실 운영도 점검하고 있다고 설명했다.",
        "국토교통부는 철도 운행을 늘리겠다고 밝혔다.",
    ]
    got = [q.speaker for q in attribute_quotes(paragraphs, "ko")]
    assert got == ["보건복지부 중앙사고수습본부"] * 2 + ["국토교통부"]


def test_short_forms_need_their_syllables_in_order():
    from dashboard.analysis.languages.ko.speakers import _abbreviates

    assert _abbreviates("행안부", "행정안전부")
    assert _abbreviates("한은", "한국은행")
    assert not _abbreviates("국방부", "국가보훈부")
    assert not _abbreviates("안부", "행정안전부")


def test_a_headline_rubric_in_brackets_is_no_part_of_the_subject():
    got = _who(['[단독]최유진 문화체육관광부 장관 "지역 축제 지원 늘린다"'])
    assert got == [("최유진", "", True)]


def test_a_pronoun_is_the_person_last_spoken_of_even_one_who_has_not_spoken():
    paragraphs = [
        '한지수는 경기 뒤 "정말 기쁘다"고 말했다.',
        # 선수 (a title word) two words later must not make 박도윤는 a name.
        "박도윤은 소속팀 선수 관리에 대한 질문에 답을 아꼈다. 그는 "
        '"모두의 노력 덕분"이라고 밝혔다.',
    ]
    assert _who(paragraphs) == [("한지수", "말했다", True), ("박도윤", "밝혔다", True)]


def test_a_name_inside_a_quote_is_not_the_pronoun_referent():
    paragraphs = [
        '한지수는 "박도윤은 최고의 동료"라고 말했다.',
        '그는 "함께 뛰어 기쁘다"고 덧붙였다.',
    ]
    assert _who(paragraphs)[-1] == ("한지수", "덧붙였다", True)
