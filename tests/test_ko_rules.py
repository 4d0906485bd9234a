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


def _full(paragraphs):
    return [(q.speaker, q.speaker_kind, q.direct) for q in attribute_quotes(paragraphs, "ko")]


def test_the_side_of_someone_speaks_as_x_cheuk():
    assert _full(['최 대표 측은 "사실과 다르다"고 반박했다.']) == [
        ("최 대표 측", "organisation", True)
    ]
    assert _full(["금속노조 측은 협상이 결렬됐다고 밝혔다."]) == [
        ("금속노조 측", "organisation", False)
    ]


def test_ssi_is_an_honorific_and_a_withheld_name_is_anonymous():
    assert _full(['홍서연 씨는 "물이 무릎까지 찼다"고 말했다.']) == [("홍서연", "citizen", True)]
    assert _full(['주민 정모(41)씨는 "무서웠다"고 말했다.'])[0][1] == "anonymous"


def test_a_given_name_in_won_is_a_name_and_an_institution_in_won_is_not():
    assert _full(['최재원 산업통상부 장관은 "수출이 늘었다"고 말했다.']) == [
        ("최재원", "official", True)
    ]
    assert _full(['감사원은 "위법이 있었다"고 밝혔다.'])[0][0] == "감사원"


def test_a_quote_naming_a_stance_is_a_statement():
    got = _who(['시공사 측은 "피해 보상에 최선을 다하겠다"는 입장을 밝혔다.'])
    assert got == [("시공사 측", "입장을 밝혔다", True)]
    assert _who(['"빨리빨리"는 오래된 습관이다.']) == []


def test_a_forecast_with_geoseuro_is_reported_speech():
    got = [
        (q.speaker, q.verb, q.text)
        for q in attribute_quotes(["기상청은 밤부터 눈이 내릴 것으로 예보했다."], "ko")
    ]
    assert got == [("기상청", "예보했다", "밤부터 눈이 내릴 것")]
    assert _who(["경찰은 피해가 클 것으로 보고 대책을 마련했다."]) == []


def test_a_broadcast_sound_bite_in_brackets_is_a_direct_quote():
    got = [
        (q.speaker, q.role, q.speaker_kind, q.direct, q.text)
        for q in attribute_quotes(["[박서윤/인천시 주민 : 이렇게 물이 찬 건 처음이에요.]"], "ko")
    ]
    assert got == [("박서윤", "인천시 주민", "citizen", True, "이렇게 물이 찬 건 처음이에요.")]
    assert _who(["[앵커] 오늘의 소식입니다."]) == []


def test_quote_first_and_the_speaker_after_it():
    assert _who(['"세금을 낮추겠다"라고 최수진 재정부 장관은 말했다.']) == [
        ("최수진", "말했다", True)
    ]
    paragraphs = [
        '한도윤 위원장은 "서두르지 않겠다"고 말했다.',
        '"늦출 수도 없다"고 그는 덧붙였다.',
    ]
    assert _who(paragraphs)[-1] == ("한도윤", "덧붙였다", True)


def test_a_quote_as_the_object_of_a_reporting_verb():
    got = [
        (q.speaker, q.role, q.verb, q.text)
        for q in attribute_quotes(
            ['안토니우 구테흐스 유엔 사무총장은 "즉각 휴전"을 촉구했다.'], "ko"
        )
    ]
    assert got == [("안토니우 구테흐스", "유엔 사무총장", "촉구했다", "즉각 휴전")]
    assert _who(['"오징어 게임"을 본 관객이 늘었다.']) == []


def test_a_country_after_a_foreign_name_is_its_side_not_its_surname():
    got = [
        (q.speaker, q.role)
        for q in attribute_quotes(['마크롱 프랑스 대통령은 "협력하겠다"고 말했다.'], "ko")
    ]
    assert got == [("마크롱", "프랑스 대통령")]


def test_latin_letters_glued_to_korean_are_one_name():
    assert _full(["AP통신은 사망자가 늘었다고 보도했다."]) == [("AP통신", "media", False)]
    got = [
        (q.speaker, q.role)
        for q in attribute_quotes(['젠슨 황 엔비디아 CEO는 "공급이 늘었다"고 말했다.'], "ko")
    ]
    assert got == [("젠슨 황", "엔비디아 CEO")]
    assert _full(['외교부 당국자는 "협의 중"이라고 말했다.'])[0][1] == "anonymous"


def test_an_institution_heading_a_headline_quote():
    assert _full(['기상청 "주말까지 폭염 계속"']) == [("기상청", "state", True)]
    assert _full(['누리호 "발사 성공"']) == []


def test_a_headline_court_quote_is_the_division_the_article_names():
    paragraphs = [
        '항소심 재판부 "엄정한 처벌 불가피"',
        '부산고법 형사1부는 9일 "죄질이 나쁘다"고 밝혔다.',
    ]
    assert {q.speaker for q in attribute_quotes(paragraphs, "ko")} == {"부산고법 형사1부"}


def test_a_relative_clause_before_a_two_syllable_name_is_not_the_name():
    got = [
        (q.speaker, q.role)
        for q in attribute_quotes(['대표단을 이끈 나윤 단장은 "모두의 노력"이라고 평가했다.'], "ko")
    ]
    assert got == [("나윤", "단장")]


def test_a_social_media_post_and_a_deputy_title():
    assert _who(['정은하 의원은 페이스북에 "국민을 위한 결정"이라는 글을 올렸다.']) == [
        ("정은하", "글을 올렸다", True)
    ]
    got = [
        (q.speaker, q.role)
        for q in attribute_quotes(
            ['조은비 산림청 차장은 "진화에 총력을 다하겠다"고 강조했다.'], "ko"
        )
    ]
    assert got == [("조은비", "산림청 차장")]


def test_more_verbs_of_saying_report_speech():
    got = _who(
        [
            "노조는 임금 동결은 받아들일 수 없다고 반발했다.",
            "전문가들은 대책이 늦었다고 꼬집었다.",
            "구청은 사실무근이라고 일축했다.",
        ]
    )
    assert [v for _, v, _ in got] == ["반발했다", "꼬집었다", "일축했다"]


def test_former_and_new_belong_to_the_title_and_a_bracketed_dateline():
    got = [
        (q.speaker, q.role)
        for q in attribute_quotes(['홍민기 전 총리는 "평화가 중요하다"고 말했다.'], "ko")
    ]
    assert got == [("홍민기", "전 총리")]
    paragraphs = ["전수아 산업부 차관이 공장을 찾았다.", '전 차관은 "생산을 늘리겠다"고 말했다.']
    assert _who(paragraphs) == [("전수아", "말했다", True)]  # 전 here is her family name
    got = _full(["【부산=한빛뉴스】박가람 기자 = 시청은 점검을 마쳤다고 밝혔다."])
    assert [s for s, _, _ in got] == ["한빛뉴스", "시청"]


def test_a_group_noun_after_a_common_noun_is_an_unnamed_group():
    assert _full(["피해 지역 주민들은 복구가 늦다고 호소했다."]) == [
        ("지역 주민", "anonymous", False)
    ]
    assert _full(['김철수 주민은 "물이 찼다"고 말했다.']) == [("김철수", "citizen", True)]


def test_igatchi_refers_back_to_the_lead():
    paragraphs = [
        "정부가 특별재난지역 선포를 검토하고 있다.",
        "행정안전부는 16일 브리핑을 열고 이같이 밝혔다.",
    ]
    got = [(q.speaker, q.verb, q.text) for q in attribute_quotes(paragraphs, "ko")]
    assert got == [("행정안전부", "밝혔다", "정부가 특별재난지역 선포를 검토하고 있다.")]
    paragraphs = ["여당이 과반을 얻었다.", '오지훈 대표는 "감사드린다"며 이같이 말했다.']
    assert [q.verb for q in attribute_quotes(paragraphs, "ko")] == ["며", "이같이 말했다"]


def test_a_quoted_name_after_an_institution_is_no_headline_statement():
    assert _who(['삼성전자 "갤럭시" 판매가 늘었다.']) == []


def test_a_country_between_a_foreign_name_and_the_title_belongs_to_the_title():
    # «블라디미르 푸틴 러시아 대통령은»: how Korean news names a foreign leader; the country
    # is part of the title, not of the name.
    quotes = attribute_quotes(
        ['올리버 벤틀리 영국 총리는 화요일 "협상을 서두르겠다"고 밝혔다.'], "ko"
    )
    assert [(q.speaker, q.role) for q in quotes] == [("올리버 벤틀리", "영국 총리")]
