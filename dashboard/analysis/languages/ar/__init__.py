"""Arabic: Modern Standard Arabic news text (all regional month-naming systems, Hijri dates)."""

from __future__ import annotations

from pathlib import Path

from dashboard.analysis.languages import LanguagePack
from dashboard.analysis.textproc import normalize

# Proclitic clusters that attach to Arabic words.
_STOPWORD_PROCLITICS = (
    "",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "ولل",
    "فلل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "أ",
    "أو",
    "أف",
)


class ArabicPack(LanguagePack):
    code = "ar"
    name = "Arabic"
    # Arabic letters (not its punctuation or digits): a text or word "is Arabic" when it
    # has one, as textproc.is_arabic says.
    script = "\u0621-\u064a\u0671-\u06d3"
    right_to_left = True
    day_first = True
    stopwords_iso = "ar"
    definite_article = "ال"
    stopword_conjunctions = ("و", "ف")
    # Optional conjunction (و/ف) + optional preposition (ب/ل/ك), shortest first.
    keyword_proclitics = tuple(
        sorted(
            (c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") if c + p),
            key=len,
        )
    )

    # A cue written with ال requires it (after و/ف and ب/ك, or لل); a bare cue takes any
    # clitics or none («وبالعقوبات» for «عقوبات»); «وبال» is the longest (4 letters).
    cue_clitics = (r"(?:[وف]?[بك]?ال|[وف]?لل)", r"(?:[وف]?[بك]?(?:ال)?|[وف]?ل(?:ل)?)?", 4)

    def clitic_remainders(self, cluster: str, rest: str) -> list[str]:
        names = [rest]
        if cluster.endswith("ل") and rest.startswith("ل"):
            names.append("ا" + rest)  # لل = ل + ال with the alef dropped
        return names

    def maintained_stopwords(self) -> set[str]:
        """stopwordsiso and spaCy, plus `arabic-stopwords`, whose full list already carries
        the clitic-prefixed forms such as وهذا، بأن."""
        import arabicstopwords.arabicstopwords as arabicstopwords

        return super().maintained_stopwords() | set(arabicstopwords.stopwords_list())

    def stopword_keep_forms(self, keep: str) -> set[str]:
        """A keep-list word is pruned with all its proclitic forms (arabic-stopwords lists them
        as separate entries), for both spellings when it starts with ال."""
        bases = {keep, keep[2:]} if keep.startswith("ال") and len(keep) > 3 else {keep}
        return {normalize(prefix) + base for base in bases for prefix in _STOPWORD_PROCLITICS}

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
