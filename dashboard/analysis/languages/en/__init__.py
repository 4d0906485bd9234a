"""English: news and wire English (capitalised names, "said X" and "X said" attribution)."""

from __future__ import annotations

from pathlib import Path

from dashboard.analysis.languages import LanguagePack


class EnglishPack(LanguagePack):
    code = "en"
    name = "English"
    script = "A-Za-z"
    right_to_left = False
    # «6/19/2024»: the US order, which English wire copy uses.
    day_first = False
    dates_cased = True  # "May" the month, "may" the verb
    page_stamp_language = ""  # its own date rules read English stamps
    stopwords_iso = "en"


PACK = EnglishPack(Path(__file__).resolve().parent)
