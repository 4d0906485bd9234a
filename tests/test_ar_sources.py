"""Arabic cited sources: wire credits, datelines, channels and relays as voices of kind `media`.

Sentences are written for these tests (none come from the development texts or the seeds).
"""

from __future__ import annotations

import pytest

from dashboard.analysis.languages.ar import speakers as ar_speakers
from dashboard.analysis.languages.ar.credits import (
    credit_quotes,
    dateline_credits,
    parenthesised_credits,
)
from dashboard.analysis.speakers import attribute_quotes, is_cited_source, summarize_speakers
from dashboard.analysis.speakers.engine import _NP


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("عمّان – بترا", ["بترا"]),  # place, dash, agency alone on the line
        ("وام - أبوظبي: أعلنت الوزارة اليوم عن خطة جديدة.", ["وام"]),
        ("بيروت – صدى الشرق", ["صدى الشرق"]),  # an outlet not in any gazetteer, after a capital
        ("نبض الخليج/ افتتح الوزير المعرض السنوي للكتاب.", ["نبض الخليج"]),
        ("أخبار الساحل- القاهرة أعلنت السلطات فتح الطريق.", ["أخبار الساحل"]),
        ("مرصد الأخبار – وكالات", ["مرصد الأخبار"]),
        ("القاهرة- الميدان: أكد المدرب جاهزية الفريق.", ["الميدان"]),
        ("الموقع - و.م.ع", ["و.م.ع"]),  # only the gazetteer side of two unknowns
        # a site's name with an outlet word, a dash, then the dispatch's reporting verb
        ("أخبار الوادي- قالت وزارة الصحة إن الإصابات تراجعت.", ["أخبار الوادي"]),
        ("الوزير - قال إن الإصابات تراجعت.", []),  # a titled subject set off by a dash
        ("سامر خليل - قال إن الإصابات تراجعت.", []),  # a person's name: no outlet word
        # Not credits: a headline with a dash, a place-only line, numbers of a date.
        ("الاقتصاد - تراجع التضخم في الربع الثالث", []),
        ("أبوظبي - 12 - 5", []),
        ("وكالات", []),
        # a page's date stamp before the dateline; a spaced tatweel as the dash
        (" date 2024-03-11 عمّان-بترا", ["بترا"]),
        ("2024-03-11 عمّان - بترا: افتتح الوزير المعرض.", ["بترا"]),
        ("القاهرة ـ أ ش أ: افتتح الوزير المعرض.", ["أ ش أ"]),
        # a one-word city, then an outlet named after a capital, alone on the line
        ("طبرق – بغداد سبورت", ["بغداد سبورت"]),
        # a spaced underscore as the dash, and a desk word with its field
        ("صدى الوادي _ وكالات رياضية", ["صدى الوادي"]),
    ],
)
def test_dateline_credits(paragraph: str, credits: list[str]) -> None:
    assert [c for c, _cue in dateline_credits(paragraph)] == credits


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("الدوحة – 3 – 4 (قنا) — أعلنت اللجنة المنظمة موعد البطولة.", ["قنا"]),
        ("باريس (أ ف ب) - ارتفعت الأسعار.", ["أ ف ب"]),
        ("عمّان 5 أيار (بترا - كونا) - وقّع البلدان اتفاقية.", ["بترا", "كونا"]),
        # The acronym of an agency just named is a gloss, not a second credit.
        ("وأفادت وكالة الأنباء القطرية (قنا) بأن الوفد وصل.", []),
        # A parenthesis that is no agency.
        ("بيروت (لبنان) - وصل الوفد.", []),
    ],
)
def test_parenthesised_credits(paragraph: str, credits: list[str]) -> None:
    assert [c for c, _cue in parenthesised_credits(paragraph)] == credits


def test_dateline_only_in_the_first_paragraphs() -> None:
    assert [q.speaker for q in credit_quotes("عمّان – بترا", 1)] == ["بترا"]
    # a page's header lines (date, headline twice, time, a counter) may come first
    assert [q.speaker for q in credit_quotes("عمّان – بترا", 7)] == ["بترا"]
    assert credit_quotes("عمّان – بترا", 9) == []  # a mid-article line is no dateline
    # A parenthesised credit counts anywhere.
    assert [q.speaker for q in credit_quotes("الكويت - 7 - 2 (كونا) - بدأت الأعمال.", 9)] == [
        "كونا"
    ]


def test_credit_is_a_media_source_statement() -> None:
    quotes = attribute_quotes(
        ["الرياض – واس", "وقال وزير المالية خالد ناصر إن الميزانية ستزيد."], "ar"
    )
    by_speaker = {q.speaker: q for q in quotes}
    credit = by_speaker["واس"]
    assert (credit.speaker_kind, credit.role, credit.verb, credit.paragraph) == (
        "media",
        "مصدر",
        "الرياض – واس",
        0,
    )
    assert is_cited_source(credit)
    assert not is_cited_source(by_speaker["خالد ناصر"])
    rows = {s.name: (s.kind, s.role) for s in summarize_speakers(quotes)}
    assert rows["واس"] == ("media", "مصدر")


def test_relay_chain_gives_speaker_and_source() -> None:
    # «نقلت X عن Y قوله»: Y speaks, X is the source.
    quotes = attribute_quotes(
        ["ونقلت صحيفة الأفق عن وزير النقل سامي داود قوله إن الميناء سيفتتح قريبًا."], "ar"
    )
    assert [(q.speaker, q.speaker_kind, is_cited_source(q)) for q in quotes] == [
        ("سامي داود", "official", False),
        ("صحيفة الأفق", "media", True),
    ]


def test_channel_name_stops_at_gloss_and_circumstance() -> None:
    quotes = attribute_quotes(
        [
            "وقال الوزير سالم فهد في تصريح لوكالة الأنباء العمانية (العمانية) عقب الاجتماع إن الحوار مستمر."
        ],
        "ar",
    )
    sources = [q.speaker for q in quotes if is_cited_source(q)]
    assert sources == ["وكالة الأنباء العمانية"]
    assert [q.speaker for q in quotes if not is_cited_source(q)] == ["سالم فهد"]


def test_outlet_after_lam_is_a_channel_not_a_speaker() -> None:
    quotes = attribute_quotes(
        ["قال الوزير سامي داود إن الخطة جاهزة.", "وقال لرويترز إن التنفيذ يبدأ الشهر المقبل."], "ar"
    )
    assert [(q.paragraph, q.speaker, q.channel) for q in quotes] == [
        (0, "سامي داود", ""),
        (1, "سامي داود", "رويترز"),
        (1, "رويترز", ""),
    ]
    assert is_cited_source(quotes[2])


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A headline label whose bare name speaks in the body: it takes the body's full name.
        (
            ["سالم: لن نغير خطتنا أمام المنافس", "وقال المدرب خالد سالم إن الفريق جاهز."],
            [(0, "خالد سالم", ":"), (1, "خالد سالم", "وقال")],
        ),
        # A body needs no confirmation; a «read also» prefix is skipped.
        (
            ["اقرأ أيضاً: الخارجية الأردنية: نتابع أوضاع المواطنين في الخارج"],
            [(0, "الخارجية الأردنية", ":")],
        ),
        # A topic, a place, page furniture, a dateline and a bare title are no labels.
        (
            ["أسعار النفط: ارتفاع جديد في الأسواق اليوم", "وقال الوزير خالد سالم إن الطلب قوي."],
            [(1, "خالد سالم", "وقال")],
        ),
        (["لبنان: جلسة جديدة للبرلمان لانتخاب رئيس"], []),
        (["تاريخ النشر: الخميس الماضي عند الظهر تماما"], []),
        (["وزير الصحة: نحن جاهزون تماما لموسم الشتاء"], []),
    ],
)
def test_label_lines(paragraphs: list[str], expected: list[tuple]) -> None:
    got = [(q.paragraph, q.speaker, q.verb) for q in attribute_quotes(paragraphs, "ar")]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert all(w is None or w == v for v, w in zip(g, e, strict=True)), (got, expected)


def test_label_line_long_paragraph_is_left_to_the_verb_rules() -> None:
    # A whole article run into one paragraph: the colon of its headline is no label.
    para = (
        "المدينة: ارتفاع الحصيلة "
        + "وقال المتحدث باسم الجيش أحمد سالم إن فرق الإنقاذ تواصل عملها في الأحياء المتضررة منذ الصباح الباكر. "
        * 3
    )
    assert {q.speaker for q in attribute_quotes([para], "ar")} == {"أحمد سالم"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وقضت السيول على أغلب الطرق، وفق «الشروق».", [("الشروق", "وفق")]),
        ('وبحسب "رويترز"، وصل الوفد إلى العاصمة.', [("رويترز", "وبحسب")]),
        (
            "وصل الوفد إلى العاصمة، وفق ما ذكره موقع الأفق الإخباري.",
            [("موقع الأفق الإخباري", None)],
        ),
        ("وفق وزارة الصحة، ارتفع عدد الإصابات.", [("وزارة الصحة", "وفق")]),
        # An outlet of the gazetteer without quote marks; a document is no voice.
        ("ارتفعت الأسعار بنسبة عشرة في المئة، بحسب رويترز.", [("رويترز", "بحسب")]),
        ("وحصل البلد على زيادة في حصته، بحسب البيان.", []),
        ("وحصل البلد على زيادة في حصته، بحسب «البيان».", []),
        ("وفق الخطة، سيبدأ العمل غدا.", []),
    ],
)
def test_source_phrases_with_outlets(sentence: str, expected: list) -> None:
    got = [(q.speaker, q.verb) for q in attribute_quotes([sentence], "ar")]
    assert len(got) == len(expected), got
    for (name, verb), (want_name, want_verb) in zip(got, expected, strict=True):
        assert name == want_name and (want_verb is None or verb == want_verb), got


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("به", True),  # a preposition with a pronoun
        ("فيها", True),
        ("بالتفصيل", True),  # a word with a preposition and the article
        ("وقائد", True),  # a title glued to the conjunction
        ("بوزارة", True),  # a preposition glued to an institution noun
        ("بشار الحسن", False),  # a name that starts with ب
        ("ليلى", False),
        ("فيصل بن فرحان", False),
    ],
)
def test_clause_leftovers_are_not_names(name: str, bad: bool) -> None:
    assert ar_speakers._not_a_name(_NP(name)) is bad


def test_quoted_outlet_as_subject() -> None:
    quotes = attribute_quotes(['وذكرت "رويترز" أن الطائرة هبطت بسلام.'], "ar")
    assert [(q.speaker, q.speaker_kind, q.text.strip(" .")) for q in quotes] == [
        ("رويترز", "media", "الطائرة هبطت بسلام")
    ]


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        # A parenthesis between the dateline's place and a dash: the outlet, known or not.
        ("بيروت (المدار24)- دعت الحكومة المواطنين إلى الحذر.", ["المدار24"]),
        # A known agency between two slashes after a dated dateline.
        ("عمّان في 3 مارس/ وام/ تنطلق غدا البطولة.", ["وام"]),
        # A site's byline alone on its line, its name ending in a web-outlet word.
        ("الساحل ديجيتال", ["الساحل ديجيتال"]),
        # Not credits: an aside after a reporting verb, page labels.
        ("وقال الوزير (في مؤتمر)- إن الوضع جيد.", []),
        ("آخر الأخبار", []),
        ("أخبار ذات صلة", []),
    ],
)
def test_opening_parenthesis_slashes_and_web_bylines(paragraph, credits):
    assert [q.speaker for q in credit_quotes(paragraph, 0)] == credits


def test_an_item_label_before_a_bar_is_no_speaker():
    # «شاهد | …»: a page label (watch, video, breaking) opens the headline; it never speaks.
    got = attribute_quotes(["شاهد | وزير الصحة يعلن افتتاح المستشفى الجديد"], "ar")
    assert all(q.speaker != "شاهد" for q in got)
    got = attribute_quotes(["فيديو | الوزير يؤكد أن الطريق سيفتح غدا"], "ar")
    assert [q.speaker for q in got] == ["الوزير"]


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("قمر ـ متابعات", ["قمر"]),  # a spaced tatweel is the dateline's dash
        ("بيروت ـ صوت الجبل", ["صوت الجبل"]),
        ("نبض المدينة - قال الوزير سامر الخطيب إن الأزمة كبيرة.", ["نبض المدينة"]),
        ("(الرياض) – “صحيفة الوادي” :", ["صحيفة الوادي"]),  # a parenthesised place, a quoted paper
        ("حلب - قال المحافظ إن الطريق فتح.", []),  # one word before the dash: the city
        ("وزير الخارجية - قال إن الأزمة كبيرة.", []),  # a title is the subject
    ],
)
def test_dateline_variants(paragraph, credits):
    assert [name for name, _cue in dateline_credits(paragraph)] == credits


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        ("المصدر: نجمة الأخبار", ["نجمة الأخبار"]),  # a source line, outlet unknown
        ("مصدر:Daily Star", ["Daily Star"]),
        ("المصدر: وكالات", []),  # unnamed agencies
        ("وارتفع الذهب إلى مستوى قياسي. (الأفق)", ["الأفق"]),  # trailing credit
        ("وارتفع الذهب إلى مستوى قياسي. (النهاية)", []),  # an end mark
        ("وارتفع الذهب (وهو ملاذ آمن) إلى مستوى قياسي.", []),  # an aside
    ],
)
def test_source_lines_and_trailing_credits(paragraph, credits):
    assert [q.speaker for q in credit_quotes(paragraph, 9)] == credits


def test_dateline_credit_alone_on_its_line_and_a_correspondents_desk():
    from dashboard.analysis.languages.ar.credits import dateline_credits

    # «X –» alone on a line: the site's own credit; a place there is no credit.
    assert [c for c, _ in dateline_credits("نبض المدينة –")] == ["نبض المدينة"]
    assert dateline_credits("القاهرة -") == []
    # «X - مراسلون»: the correspondents' desk stands where a place would.
    assert [c for c, _ in dateline_credits("نبض المدينة - مراسلون")] == ["نبض المدينة"]


def test_outlet_in_parentheses_after_a_source_word():
    # «بحسب (X) عربية»: the outlet is the name in parentheses, without the gloss after it.
    got = [
        q.speaker for q in attribute_quotes(["وبلغ عدد الضحايا 40، بحسب (سكاي نيوز) عربية."], "ar")
    ]
    assert got == ["سكاي نيوز"]
    # «حسب موقع (X)»: after an outlet noun the name in parentheses is the outlet's.
    got = [
        q.speaker for q in attribute_quotes(["وبلغ عدد الضحايا 40، حسب موقع (نبض المدينة)."], "ar")
    ]
    assert got == ["نبض المدينة"]


# --- Round 12 (issue 14, stop 29)


def test_a_media_noun_name_alone_before_a_dash_is_the_sites_credit():
    # «النشرة X –» alone on its line: a media noun opens the site's own name.
    assert [c for c, _cue in dateline_credits("النشرة الخليجية –")] == ["النشرة الخليجية"]
    # A person's title before a dash is a subject, not a credit.
    assert dateline_credits("الوزير الأول –") == []


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("الأردني اليوم", ["الأردني اليوم"]),  # a nationality and «اليوم»: a site's name
        ("ليبيا اليوم", ["ليبيا اليوم"]),
        ("ساحلنيوز", ["ساحلنيوز"]),  # the web word glued to the name
        ("الخبر اليوم", []),  # «اليوم» after no place: a phrase
        ("نيوز", []),
    ],
)
def test_a_sites_own_name_on_a_line_of_its_own(line: str, credits: list[str]) -> None:
    assert [q.speaker for q in credit_quotes(line, 1)] == credits


def test_feed_footer_names_the_outlet_the_item_came_from():
    # Round 18: a news feed's footer copied with the item is a source credit.
    got = credit_quotes("The post الجيش يدخل المدينة appeared first on صحيفة النيل.", 3)
    assert [(q.speaker, q.verb) for q in got] == [("صحيفة النيل", "appeared first on")]
    assert credit_quotes("The post عنوان الخبر appeared first on 24 ساعة.", 3) == []


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        # Round 19: a site's name glued to a dash, or before a colon and a dash.
        ("الصباح-انهار مبنى سكني من خمسة طوابق في حي قديم بالمدينة فجر اليوم", ["الصباح"]),
        ("منبر- أصدرت محكمة الجنايات حكمها في قضية الفساد الكبرى صباح اليوم", ["منبر"]),
        (
            "الرابط الإخباري- قررت الهيئة العليا تأجيل الجولة الثانية من الانتخابات",
            ["الرابط الإخباري"],
        ),
        ("الساحل نيوز :- تحدث رجال الإنقاذ عن ساعات طويلة من البحث تحت الأنقاض", ["الساحل نيوز"]),
        # «X من PLACE:» and a place, a dash and the credit in parentheses on a line alone.
        ("منبر من بيروت: أعلنت مصادر رسمية، اليوم، إغلاق المطار لساعات", ["منبر"]),
        ("الرباط - (المشهد):", ["المشهد"]),
        # A capital then a parenthesised credit of two words.
        ("القاهرة (صوت النيل)- قال وزير الداخلية إن الطرق ستفتح غدا أمام السير", ["صوت النيل"]),
        # Not credits: a name that is the verb's subject, a quoted headline after a colon.
        ("سامر خليل- قال إن الحكومة ستعلن الخطة غدا في مؤتمر صحفي", []),
        ("الوزير: سنعلن الخطة غدا في مؤتمر صحفي كبير بالعاصمة", []),
    ],
)
def test_site_credit_openings(paragraph: str, credits: list[str]) -> None:
    assert [q.speaker for q in credit_quotes(paragraph, 1)] == credits


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        # Round 19: the site that followed, caught or obtained the words is their source.
        ("وقال النائب سامي الحداد، في حديث تابعته «المنبر»، إن القرار نهائي.", ["المنبر"]),
        ("وأظهرت وثيقة حصلت عليها “الرابط” أن الشركة دفعت الملايين.", ["الرابط"]),
        ("وقال في بيان نشره على حسابه تابعه محرر صوت الساحل أن القوات تقدمت.", ["صوت الساحل"]),
        # Not a credit: an audience follows, no outlet in quote marks or after «محرر».
        ("المباراة التي تابعها الجمهور بشغف انتهت بالتعادل.", []),
    ],
)
def test_followed_by_the_site(paragraph: str, credits: list[str]) -> None:
    assert [q.speaker for q in credit_quotes(paragraph, 9)] == credits


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        # Round 19: the outlet that published or carried the words («نشرتها/أوردته وكالة X»);
        # «الرسمية» and a day after the name are no part of it.
        (
            "جاء ذلك في برقية تعزية نشرتها وكالة الأنباء الوطنية الرسمية مساء أمس.",
            ["وكالة الأنباء الوطنية"],
        ),
        (
            "وأفاد بيان مشترك، أوردته وكالة الأنباء الأردنية، أن الحدود ستفتح.",
            ["وكالة الأنباء الأردنية"],
        ),
        ("ووقعت الاتفاقية في حفل رسمي بثته قناة المساء اليوم على الهواء.", ["قناة المساء"]),
        # After a statement noun or «الذي» the speaker rules read the construction.
        ("وقال الوزير في تصريح نشرته صحيفة المساء اليوم إن الخطة جاهزة.", []),
    ],
)
def test_published_by_an_outlet(paragraph: str, credits: list[str]) -> None:
    assert [q.speaker for q in credit_quotes(paragraph, 9)] == credits


def test_outlet_quoting_an_unnamed_statement_is_cited():
    # «وقالت وكالة X، نقلا عن بيان مشترك، إن …»: the outlet speaks for the unsigned statement.
    got = [
        q.speaker
        for q in attribute_quotes(
            ["وقالت وكالة الأنباء الوطنية، نقلا عن بيان مشترك، إن الحدود ستفتح غدا."], "ar"
        )
    ]
    assert "وكالة الأنباء الوطنية" in got


@pytest.mark.parametrize(
    ("paragraph", "credits"),
    [
        # Round 19: a dateline on a line of its own whose place the gazetteer lacks: one word
        # of a place, then the site's definite name or a name with an outlet word.
        ("المكلا ــ الساحل", []),  # a definite first word is no bare place
        ("سيئون ــ الصباح", ["الصباح"]),
        ("سيئون: المرصد اليمني", ["المرصد اليمني"]),
        # A headline after a colon is no credit.
        ("سيئون: السيول تجتاح", []),
    ],
)
def test_place_site_line(paragraph: str, credits: list[str]) -> None:
    assert [q.speaker for q in credit_quotes(paragraph, 1)] == credits


def test_report_a_body_announced_credits_the_body():
    # «وفقا لأحدث حصيلة أعلنها مكتب X»: a report with a masculine past verb and its pronoun;
    # the body after the verb is the source, the report's words are no name.
    from dashboard.analysis.speakers.engine import attribute_quotes

    got = [
        q.speaker
        for q in attribute_quotes(
            ["غرق عشرون قاربا في الميناء، وفقا لأحدث حصيلة أعلنها مكتب الأمم المتحدة في البلاد."],
            "ar",
        )
    ]
    assert got == ["مكتب الأمم المتحدة في البلاد"]


def test_quoted_source_then_fainna():
    # «وبحسب "X" فإن …»: the quoted name is the source even with «فإن» straight after it.
    from dashboard.analysis.speakers.engine import attribute_quotes

    got = attribute_quotes(['وبحسب "الصباح الجديد" فإن الوزير سيقدم استقالته غدا.'], "ar")
    assert [q.speaker for q in got] == ["الصباح الجديد"]
    assert got[0].text.startswith("الوزير سيقدم")


def test_two_quoted_outlets_after_one_source_cue():
    # «وبحسب موقع "X" و "Y"»: both quoted outlets are cited.
    from dashboard.analysis.speakers.engine import attribute_quotes

    got = attribute_quotes(
        ["وبحسب موقع “الساحة نت” و “سبورت ديلي” الأمريكي، فإن اللاعب وقع عقدا لموسمين."], "ar"
    )
    names = [q.speaker for q in got]
    assert "الساحة نت" in names and "سبورت ديلي" in names


def test_report_sources_gave_an_outlet():
    # «بحسب حصيلة أوردتها مصادر طبية لوكالة X»: the sources speak, the outlet is cited.
    from dashboard.analysis.speakers.engine import attribute_quotes

    got = attribute_quotes(
        ["قتل عشرة في الاشتباكات، بحسب حصيلة جديدة أوردتها مصادر طبية لوكالة الأنباء الفرنسية."],
        "ar",
    )
    assert [(q.speaker, is_cited_source(q)) for q in got] == [
        ("مصادر طبية", False),
        ("وكالة الأنباء الفرنسية", True),
    ]
    assert got[0].text == "قتل عشرة في الاشتباكات"
