"""Sentence and paragraph splitting, tokens and normalisation (hand-written tables)."""

from __future__ import annotations

import pytest

from dashboard.analysis.textproc import normalize_ar, split_paragraphs, split_sentences, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("هل ستأتي؟ نعم!", ["هل ستأتي؟", "نعم!"]),
        ("قال: «هذا. وذاك». ثم غادر.", ["قال: «هذا. وذاك».", "ثم غادر."]),
        ("ألفيس ورشيد.. تحالف تجاري", ["ألفيس ورشيد..", "تحالف تجاري"]),
        # A three-dot ellipsis is one sentence end, not ".." + "."
        ("انتظر... ثم غادر.", ["انتظر...", "ثم غادر."]),
        ("أنهى ...", ["أنهى ..."]),
        ("ارتفع بنسبة 3.5 في المئة. ثم هبط.", ["ارتفع بنسبة 3.5 في المئة.", "ثم هبط."]),
        ("The U.S. said no. Then left.", ["The U.S. said no.", "Then left."]),
        ("Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
        # Lower-case continuation: the full stop belonged to an abbreviation.
        (
            "He arrived at 3 p.m. yesterday. Then left.",
            ["He arrived at 3 p.m. yesterday.", "Then left."],
        ),
        # A quotation that ends its sentence, followed by a new English sentence.
        ("He said “Stop. Now.” Then he left.", ["He said “Stop. Now.”", "Then he left."]),
        ("“Stop. Now.” he said. Then left.", ["“Stop. Now.” he said.", "Then left."]),
        # Arabic quote followed by its attribution stays together.
        ("«سنرد بقوة.» قال الوزير", ["«سنرد بقوة.» قال الوزير"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_paragraphs_blank_lines_and_short_lines():
    body = "العنوان\n\nفقرة أولى.\n\nتعليق صورة\nتعليق صورة\n\n\nفقرة ثانية."
    assert split_paragraphs(body) == [
        "العنوان",
        "فقرة أولى.",
        "تعليق صورة",
        "تعليق صورة",
        "فقرة ثانية.",
    ]


def test_split_paragraphs_folds_long_lines():
    long_line = "كلمة " * 30
    body = f"{long_line.strip()}\nتكملة الفقرة"
    assert split_paragraphs(body) == [f"{long_line.strip()} تكملة الفقرة"]


def test_split_paragraphs_rejoins_hard_wrapped_text():
    body = (
        "This is a long paragraph that was wrapped at a fixed width by\n"
        "some plain text exporter and continues on the next line without\n"
        "any punctuation at the end of the lines until it finally ends.\n"
        "Short end.\n\nNext paragraph."
    )
    assert split_paragraphs(body) == [
        "This is a long paragraph that was wrapped at a fixed width by some plain text "
        "exporter and continues on the next line without any punctuation at the end of "
        "the lines until it finally ends. Short end.",
        "Next paragraph.",
    ]


def test_split_paragraphs_keeps_a_list_of_items():
    body = "البند الأول\nالبند الثاني\nالبند الثالث"
    assert split_paragraphs(body) == ["البند الأول", "البند الثاني", "البند الثالث"]


def test_split_paragraphs_crlf_and_invisible_marks():
    assert split_paragraphs("أ\u200fب.\r\n\r\nج.") == ["أب.", "ج."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("الـــرئيس قَالَ", ["الرئيس", "قال"]),
        ("co-op 3.5 ٢٠٢٤", ["co-op", "3.5", "٢٠٢٤"]),
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أحمد", "احمد"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسءول"),
        ("٢٠٢٤", "2024"),
    ],
)
def test_normalize_ar(text, expected):
    assert normalize_ar(text) == expected


def test_split_paragraphs_one_paragraph_a_line_without_blank_lines():
    # A page copied without blank lines: a line that ends a sentence ends its paragraph.
    first = "قال المتحدث باسم الوزارة في مؤتمر صحفي عقده صباح اليوم إن المحادثات تسير " + (
        "بشكل جيد وإن الاتفاق بات قريبا جدا من الطرفين."
    )
    second = "وأضاف أن الجولة المقبلة ستعقد في العاصمة خلال الأسبوع المقبل بحضور جميع الوفود " + (
        "المشاركة في المفاوضات الجارية."
    )
    long_open = "كلمة " * 30
    body = f"الرياض – واس\n{first}\n{second}\n{long_open.strip()}\nتكملة الفقرة."
    assert split_paragraphs(body) == [
        "الرياض – واس",
        first,
        second,
        f"{long_open.strip()} تكملة الفقرة.",
    ]


def test_sentence_end_guard_keeps_the_same_matches():
    # _SENT_END's leading guard only skips positions where no branch can match: the
    # matches equal those of the four branches alone, on sentences written for this test.
    import re

    from dashboard.analysis import textproc

    plain = re.compile(
        r"(?<=[.!?؟…])\s+|(?<=\.\.)(?!\.)\s*(?=\S)|\n+"
        r"|(?<=[\u0621-\u064a]{2}\.)(?=[\u0621-\u064a]{2})"
    )
    texts = [
        "The talks ended. Both sides left… Then silence!  Really? Yes.",
        "قال المتحدث إن الاجتماع انتهى.وذكرت الوزارة أن الوفد غادر؟ نعم",
        "د.محمد و.م.ع وصل.. ثم غادر...  بعدها\n\nسطر جديد\nوآخر",
        "a..b ..\n\nx ab...c .. . end.",
    ]
    for text in texts:
        for pos in range(len(text)):
            got = [m.span() for m in textproc._SENT_END.finditer(text, pos)]
            assert got == [m.span() for m in plain.finditer(text, pos)], (text, pos)


def test_tail_searches_equal_full_searches():
    # The abbreviation tests search only the last characters of a piece: the same match (or
    # none) as searching all of it, on texts written for this test, every prefix of each.
    from dashboard.analysis import textproc

    texts = [
        "The envoy met Mr. Smith and Dr. Jones at St. Paul's, U.S. officials said. No.",
        "He left at 3 p.m. Gov. Lee and Col. Ray arrived. John F. Kennedy. xMr. aB. Feb.",
        "Talks resume Sept. 6 after Jan. 2; e.g. on Sat. or i.e. the next week, etc.\n",
        "قال الوزير إن الوفد وصل. ثم غادر Dr.\n",
        ".",
        "Mr.",
        "A.",
        "",
    ]
    pairs = [
        (textproc._ABBREV, textproc._abbrev_at_end),
        (textproc._INITIAL, textproc._initial_at_end),
        (textproc._MONTH_ABBREV, textproc._month_abbrev_at_end),
    ]
    for text in texts:
        for end in range(len(text) + 1):
            piece = text[:end]
            for pattern, tail in pairs:
                full, short = pattern.search(piece), tail(piece)
                assert (full and full.span()) == (short and short.span()), (piece, pattern)
