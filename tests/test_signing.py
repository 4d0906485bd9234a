"""Wire-copy signing is bit-identical to datasketch's MinHash and to the former pure-Python
signing: stores already hold signatures, and new ones must compare with them.

The references below are written out the slow way (datasketch's update_batch, a set of
Python ints, one blake2b per band, a per-character loop) and compared with
syndication.sign() on texts written here (four languages, edge cases, hostile Unicode)
and on texts drawn from them with a fixed seed."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest

from dashboard.analysis.textproc import normalize, tokenize
from dashboard.storage import syndication as syn

datasketch = pytest.importorskip("datasketch")

WRITTEN = [
    "",
    " ",
    "word",
    "two words",
    "exactly three words",
    "repeat repeat repeat repeat repeat repeat repeat repeat",
    "a b a b a b a b a b a b",
    "أعلنت الوزارة صباح اليوم أنّ الاجتماع المقبل سيُعقد في العاصمة بعد أسبوعين.",
    "قالَ المتحدثُ باسمِ الحكومةِ إنَّ المحادثاتِ مستمرةٌ، وأضافَ أنّ الوفدَ سيعودُ غداً.",
    "إبراهيم وأحمد وآمنة ومؤسسة الأمم المتحدة ــــ والطريق إلى المدينة ٢٠٢٤ و١٥٪",
    "The committee said on Tuesday that the vote had been postponed until next month.",
    "Officials didn't comment; the well-known mid-term plan (2,500 units) was re-examined.",
    "Министр заявил, что переговоры продолжатся в четверг. Ёлка, ЁЖ и пресс-секретарь.",
    "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны.",
    "정부는 화요일 새로운 정책을 발표했다. 장관은 기자들에게 협상이 계속될 것이라고 말했다.",
    "서울 2024년 6월 3일 — 위원회는 보고서를 공개했다",
    # Hostile: invisible marks, bidi controls, BOM, soft hyphen, tatweel and diacritics only,
    # compatibility ligatures (NFKC expands them), combining marks, mixed scripts, emoji.
    "\u200bword\u200c \u202eتحذير\u202c \ufeffstart\u00adend \u2066isolate\u2069 more words",
    "ـــ ً ٌ ٍ َ ُ ِ ّ ْ ــ",
    "ﷺ ﷲ ﬁnance ﬂow ｆｕｌｌｗｉｄｔｈ ＡＢＣ ① ² Ⅻ",
    "e\u0301 cafe\u0301 re\u0301sume\u0301 naïve Å Å",
    "mixed كلمة слово 단어 word ٣٤ ۵۶ 78,9 12.5",
    "🙂 emoji 🙃 between 👍🏽 words and 🇬🇧 flags",
    "\n\n\t tabs\tand\nnew\nlines \r\n crlf \r",
    "CAPITALS Capitals capitals CAPITALS capitals",
]

_VOCAB = [w for t in WRITTEN for w in t.split()] + ["\u200d", "\u0640", "\u064b", "—", "«»"]


def _drawn(n: int, seed: int = 17) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(_VOCAB) for _ in range(rng.randint(0, 400))]
        if rng.random() < 0.3:  # a stray code point from anywhere in the BMP and beyond
            words.insert(rng.randint(0, len(words)), chr(rng.randint(0x20, 0x2FFFF)))
        out.append(" ".join(words))
    return out


TEXTS = WRITTEN + _drawn(300) + [" ".join(WRITTEN) * 20]


def _reference_shingles(text: str) -> set[str]:
    toks = [normalize(t) for t in tokenize(text)]
    if len(toks) < 3:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + 3]) for i in range(len(toks) - 2)}


def _reference_minhash(sh: set[str]) -> np.ndarray:
    mh = datasketch.MinHash(num_perm=syn.NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return mh.hashvalues


def _reference_keys(sh: set[str]) -> bytes:
    keys = {
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
        for s in sh
    }
    return np.array(sorted(keys), dtype="<u8").tobytes()


def _reference_bands(values: np.ndarray) -> list[int]:
    out = []
    values = np.asarray(values).astype("<u8")
    bands, rows = syn._lsh_params()
    for b in range(bands):
        digest = hashlib.blake2b(values[b * rows : (b + 1) * rows].tobytes(), digest_size=8)
        out.append(int.from_bytes(digest.digest(), "little", signed=True))
    return out


def _reference_norm_map(text: str) -> tuple[str, list[int]]:
    out, idx = [], []
    for i, ch in enumerate(text):
        n = normalize(ch)
        out.append(n)
        idx.extend([i] * len(n))
    return "".join(out), idx


def test_shingles_are_those_of_tokenize_and_normalize():
    for text in TEXTS:
        want = _reference_shingles(text)
        assert syn.shingles(text) == want
        assert syn._encoded_shingles(text) == {s.encode("utf-8") for s in want}


def test_signatures_are_bit_identical_to_datasketch():
    assert syn._affine32() is not None  # the fast path is the one under test
    for text in TEXTS:
        sh = _reference_shingles(text)
        want = _reference_minhash(sh)
        got = syn._minhash_values([s.encode("utf-8") for s in sh])
        assert got.dtype == want.dtype
        assert np.array_equal(got, want), text[:60]
        sig = syn.sign(text)
        assert sig.signature == syn._encode_values(want)
        assert sig.shingles == len(sh)
        assert sig.shingle_hashes == _reference_keys(sh)
        assert list(sig.bands) == _reference_bands(want)
        assert list(sig.credits) == syn.detect_agency_credits(text)
        assert np.array_equal(syn.minhash_for(text).hashvalues, want)


def test_signatures_match_the_datasketch_path_of_signing():
    """The fallback (datasketch's own update_batch, used under another scheme) and the
    fast path agree, and the empty text keeps datasketch's initial values."""
    for text in TEXTS[:40]:
        enc = list(syn._encoded_shingles(text))
        mh = syn._empty_minhash().copy()
        mh.update_batch(enc)
        assert np.array_equal(syn._minhash_values(enc), mh.hashvalues)
    assert np.array_equal(syn._minhash_values([]), syn._empty_minhash().hashvalues)


def test_norm_map_is_the_per_character_loop():
    for text in TEXTS[:80] + ["(كونا) — وكالة الأنباء", "ﷺ وكالة"]:
        norm, idx = syn._norm_map(text)
        want_norm, want_idx = _reference_norm_map(text)
        assert norm == want_norm
        assert list(idx) == want_idx
