"""Russian word clouds: a font with Cyrillic letters (Noto Sans from PyPI), PNG and SVG.

The Arabic cloud font has Latin but no Cyrillic glyphs: Russian words were drawn as empty
boxes before. Checked by eye as well (a cloud of Russian terms, PNG and the SVG in Chromium).
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw, ImageFont

from dashboard.output.clouds import cloud_png, cloud_svg, font_for, font_path

FREQS = {"переговоры": 12, "Кремль": 9, "санкции": 7, "заявление": 5, "Ёлка": 3, "NATO": 2}
SVG_NS = "{http://www.w3.org/2000/svg}"


def _covers(path: str, text: str) -> bool:
    cmap = TTFont(path, fontNumber=0, lazy=True).getBestCmap()
    return all(ord(c) in cmap for c in text if not c.isspace())


def test_a_russian_cloud_is_drawn_in_a_font_with_every_letter():
    path = font_for(FREQS)
    assert path != font_path() and not _covers(font_path(), "Кремль")
    assert all(_covers(path, w) for w in FREQS)
    # A mostly Arabic cloud keeps the Arabic font.
    assert font_for(["روسيا", "الناتو", "Кремль"]) == font_path()


def test_russian_words_are_not_tofu_in_the_png():
    img = Image.open(io.BytesIO(cloud_png(FREQS, width=600, height=300)))
    assert img.size == (600, 300) and img.convert("L").getextrema()[0] < 100
    # The same word in the chosen font and as .notdef boxes (the Arabic font) differ.
    font = ImageFont.truetype(font_for(FREQS), 40)
    tofu = ImageFont.truetype(font_path(), 40)
    a, b = (Image.new("L", (400, 60), 255) for _ in range(2))
    ImageDraw.Draw(a).text((5, 5), "Кремль", font=font, fill=0)
    ImageDraw.Draw(b).text((5, 5), "Кремль", font=tofu, fill=0)
    assert ImageChops.difference(a, b).getbbox() is not None


def test_svg_keeps_the_words_and_embeds_cyrillic_glyphs():
    svg = cloud_svg(FREQS, width=600, height=300)
    root = ET.fromstring(svg)
    assert {t.text for t in root.iter(f"{SVG_NS}text")} == set(FREQS)
    m = re.search(r"base64,([A-Za-z0-9+/=]+)", svg)
    assert m, "the font is embedded"
    embedded = TTFont(io.BytesIO(base64.b64decode(m.group(1))))
    cmap = embedded.getBestCmap()
    assert all(ord(c) in cmap for w in FREQS for c in w)
