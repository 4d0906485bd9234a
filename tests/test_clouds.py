"""Word-cloud rendering: PNG image properties, determinism, SVG content and escaping."""

from __future__ import annotations

import base64
import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, features

from dashboard.output.clouds import cloud_png, cloud_svg, font_path, render_cloud, shaping_mode

FREQS = {"الناتو": 12, "روسيا": 9, "كوريا الشمالية": 7, "العقوبات": 5, "واشنطن": 4, "NATO": 3}
SVG_NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text for t in root.iter(f"{SVG_NS}text")]


def test_png_size_mode_and_determinism():
    img = render_cloud(FREQS, width=600, height=300)
    assert img.size == (600, 300) and img.mode == "RGB"
    assert render_cloud(FREQS, width=600, height=300).tobytes() == img.tobytes()
    # Something was drawn: not a blank white canvas.
    assert img.convert("L").getextrema()[0] < 100


def test_scale_multiplies_the_canvas():
    assert render_cloud(FREQS, width=300, height=150, scale=2.0).size == (600, 300)


def test_cloud_png_bytes():
    data = cloud_png(FREQS, width=400, height=200)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(data)).size == (400, 200)


def test_empty_frequencies_give_a_blank_canvas():
    img = render_cloud({}, width=200, height=100)
    assert img.size == (200, 100) and img.getextrema() == ((255, 255), (255, 255), (255, 255))
    assert _texts(cloud_svg({}, width=200, height=100)) == []


def test_svg_holds_the_real_words_in_logical_order():
    svg = cloud_svg(FREQS, width=800, height=400)
    assert sorted(_texts(svg)) == sorted(FREQS)
    assert "@font-face" in svg and "data:font/ttf;base64," in svg
    root = ET.fromstring(svg)
    assert root.get("width") == "800" and root.get("height") == "400"
    for node in root.iter(f"{SVG_NS}text"):
        assert 0 <= float(node.get("x")) <= 800 and 0 <= float(node.get("y")) <= 400


def test_svg_escapes_markup_in_terms():
    svg = cloud_svg({"A&B <x>": 5, "«الحرب»": 3}, width=400, height=200)
    assert "A&amp;B &lt;x&gt;" in svg
    assert "<x>" not in svg
    assert sorted(_texts(svg)) == ["A&B <x>", "«الحرب»"]


def test_diacritics_are_stripped_and_variants_merged():
    svg = cloud_svg({"الرَّئِيسُ": 3, "الرئيس": 2, "روسيا": 1}, width=400, height=200)
    assert sorted(_texts(svg)) == ["الرئيس", "روسيا"]


def test_largest_word_gets_the_largest_font_in_svg():
    root = ET.fromstring(cloud_svg({"الناتو": 50, "روسيا": 5}, width=600, height=300))
    sizes = {t.text: int(t.get("font-size")) for t in root.iter(f"{SVG_NS}text")}
    assert sizes["الناتو"] > sizes["روسيا"]


def test_font_is_the_arabic_family():
    assert "IBMPlexSansArabic" in font_path() or "Amiri" in font_path()


@pytest.mark.skipif(not features.check("raqm"), reason="Pillow built without raqm")
def test_raqm_shapes_so_no_reshaper_is_used():
    assert shaping_mode() == "raqm"


def test_hangul_cloud_uses_a_cjk_font_and_draws_its_glyphs():
    """Korean words are drawn with the Debian CJK font (.ci/install: fonts-noto-cjk), not the
    Arabic font, which has no Hangul: the PNG has ink, and the SVG embeds a subset font
    that holds the Hangul glyphs."""
    import io as _io

    from fontTools.ttLib import TTFont

    from dashboard.output.clouds import cloud_png, cloud_svg, font_for, hangul_font_path

    path = hangul_font_path()
    assert path, "fonts-noto-cjk (or fonts-nanum) is not installed"
    freqs = {"대통령": 10.0, "북한": 8.0, "협력": 5.0}
    assert font_for(freqs) == path
    assert font_for({"سلام": 1.0}) != path
    img = Image.open(_io.BytesIO(cloud_png(freqs, width=400, height=200))).convert("L")
    assert sum(1 for px in img.getdata() if px < 128) > 2000  # real strokes, not tofu boxes
    svg = cloud_svg(freqs, width=400, height=200)
    assert ">대통령</text>" in svg
    uri = svg.split("url(data:font/")[1].split(")")[0]
    font = TTFont(_io.BytesIO(base64.b64decode(uri.split("base64,")[1])))
    assert {ord("대"), ord("북"), ord("협")} <= set(font.getBestCmap())
