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
    definite_article = "ال"

    def prefix_readings(self, norm: str) -> list[str]:
        """«للجيش» -> «الجيش»; «والرئيس» -> «الرئيس», «بموسكو» -> «موسكو»: one proclitic letter
        (preposition or conjunction) off a word long enough to still be one."""
        out = []
        if norm.startswith("لل") and len(norm) > 4:
            out.append("ال" + norm[2:])
        if len(norm) > 3 and norm[0] in "بلوفك":
            out.append(norm[1:])
        return out


PACK = ArabicPack(Path(__file__).resolve().parent)
