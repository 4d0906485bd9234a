"""Arabic: Modern Standard Arabic news text (all regional month-naming systems, Hijri dates)."""

from __future__ import annotations

from pathlib import Path

from dashboard.analysis.languages import LanguagePack


class ArabicPack(LanguagePack):
    code = "ar"
    name = "Arabic"
    script = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    right_to_left = True
    day_first = True
    stopwords_iso = "ar"


PACK = ArabicPack(Path(__file__).resolve().parent)
