"""Word clouds of Arabic, English and Russian terms: PNG via `wordcloud` + Pillow, and a matching SVG.

Arabic needs shaping (joined letter forms) and right-to-left ordering. Pillow does both
through libraqm when it is available and the font has Arabic glyphs, so words are passed
through untouched: running arabic-reshaper/python-bidi on top would reverse them a second
time. Only when raqm is missing do we fall back to those two packages (if installed).

Every word is laid out horizontally (Arabic cannot be read rotated 90°) with a fixed random
state, so the same frequencies give the same picture. The SVG reuses the PNG layout and
writes each word as a real <text> element in the same font, embedded as a data URI.
"""

from __future__ import annotations

import base64
import io
import logging
import re
import subprocess
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageFont, features
from wordcloud import WordCloud

from dashboard.analysis.textproc import clean_invisible, is_arabic, strip_diacritics

log = logging.getLogger(__name__)

_FONTS = (("ibm-plex-sans-arabic", 500), ("amiri", 400))
_RANDOM_STATE = 7
# Dark, distinguishable colours that keep contrast on a white background.
_PALETTE = ("#1b4965", "#5c2a9d", "#0b6e4f", "#9c2c2c", "#7a4f01", "#37474f", "#ad1457")
_SVG_FONT_FAMILY = "CloudFont"
# Words are placed on a canvas this many times smaller than the picture, then drawn at full
# size: the layout search scans the whole canvas for every word and font size tried, so
# half the side is ~3× faster (six 1200×600 clouds, 80 words each: 5.5 -> 1.8 CPU s, every
# word placed) for the same pixels out. Margin and smallest font scale with it.
LAYOUT_SCALE = 2
_MARGIN = 10
_MIN_FONT_SIZE = 10


@cache
def font_path() -> str:
    """Path of the cloud font: IBM Plex Sans Arabic Medium, else Amiri (both from PyPI)."""
    import fontpkg

    for family, weight in _FONTS:
        try:
            return str(fontpkg.path(family, weight=weight, nearest=True))
        except fontpkg.FontpkgError:
            continue
    raise RuntimeError(
        "No Arabic font installed: pip install fontpkg-ibm-plex-sans-arabic (or fontpkg-amiri)"
    )


_CYRILLIC_FONT = ("noto-sans", 500)  # Latin, Cyrillic and Greek (PyPI: fontpkg-noto-sans)
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
NO_CYRILLIC_FONT_MESSAGE = "No Cyrillic font installed: pip install fontpkg-noto-sans"


@cache
def cyrillic_font_path() -> str | None:
    """Path of the Cyrillic cloud font (Noto Sans from PyPI), or None when not installed."""
    import fontpkg

    family, weight = _CYRILLIC_FONT
    try:
        return str(fontpkg.path(family, weight=weight, nearest=True))
    except fontpkg.FontpkgError:
        return None


# Hangul is in no font on PyPI: Debian's fonts-noto-cjk (or fonts-nanum), installed by
# .ci/install, found at its usual paths or through fontconfig.
_HANGUL_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
)
_HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
NO_HANGUL_FONT_MESSAGE = "No Korean font installed: sudo apt-get install fonts-noto-cjk"


@cache
def hangul_font_path() -> str | None:
    """Path of a font with Hangul glyphs (Noto Sans CJK, else Nanum Gothic), or None."""
    for candidate in _HANGUL_FONT_FILES:
        if Path(candidate).is_file():
            return candidate
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=ko", "file"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in listed.splitlines() if line.strip())
    sans = [f for f in files if "Sans" in f or "Gothic" in f]
    return (sans or files or [None])[0]


def font_for(words) -> str:
    """The cloud font for these words. Hangul is in no other font, so any Hangul word picks
    the CJK font (it has Cyrillic and Latin too). The Arabic font (`font_path`) has Latin but
    no Cyrillic letters, so a cloud whose words are mostly Cyrillic is drawn in Noto Sans (one
    font cannot hold Arabic and Cyrillic: the majority script decides)."""
    words = list(words)
    if any(_HANGUL_RE.search(w) for w in words):
        path = hangul_font_path()
        if path:
            return path
        log.warning(NO_HANGUL_FONT_MESSAGE)
    cyrillic = sum(1 for w in words if _CYRILLIC_RE.search(w))
    if cyrillic and cyrillic >= sum(1 for w in words if is_arabic(w)):
        path = cyrillic_font_path()
        if path:
            return path
        log.warning(NO_CYRILLIC_FONT_MESSAGE)
    return font_path()


@cache
def shaping_mode() -> str:
    """'raqm' (Pillow shapes), 'reshaper' (arabic-reshaper + python-bidi) or 'none'."""
    if features.check("raqm"):
        return "raqm"
    try:
        import arabic_reshaper  # noqa: F401
        import bidi  # noqa: F401
    except ImportError:
        log.warning(
            "Pillow has no raqm and arabic-reshaper/python-bidi are missing: "
            "Arabic words in clouds will be drawn unshaped"
        )
        return "none"
    return "reshaper"


def _visual_form(word: str) -> str:
    """What to hand Pillow for `word`: itself, unless Pillow cannot shape Arabic."""
    if shaping_mode() != "reshaper" or not is_arabic(word):
        return word
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(word))


def _clean_frequencies(frequencies: dict[str, float]) -> dict[str, float]:
    """Diacritics/tanween and invisible marks removed; variants that collapse are summed."""
    out: dict[str, float] = {}
    for word, freq in frequencies.items():
        clean = " ".join(strip_diacritics(clean_invisible(word)).split())
        if clean and freq > 0:
            out[clean] = out.get(clean, 0.0) + float(freq)
    return out


def _palette_color(word, font_size, position, orientation, random_state=None, **kwargs):
    return _PALETTE[random_state.randint(0, len(_PALETTE) - 1)]


def _layout(
    frequencies: dict[str, float],
    width: int,
    height: int,
    background: str,
    colormap: str | None,
    scale: float,
    max_words: int,
) -> tuple[WordCloud | None, dict[str, str]]:
    """The fitted WordCloud (None when there is nothing to draw) and visual→original words."""
    words = _clean_frequencies(frequencies)
    originals = {_visual_form(w): w for w in words}
    visual = {v: words[w] for v, w in originals.items()}
    if not visual:
        return None, originals
    # An odd side would lose a pixel of the picture at the smaller canvas.
    k = LAYOUT_SCALE if width % LAYOUT_SCALE == 0 and height % LAYOUT_SCALE == 0 else 1
    cloud = WordCloud(
        font_path=font_for(visual),
        width=width // k,
        height=height // k,
        scale=scale * k,
        background_color=background,
        prefer_horizontal=1.0,
        max_words=max_words,
        random_state=_RANDOM_STATE,
        # Generous gaps: two Arabic words side by side otherwise read as one line of text.
        margin=_MARGIN // k,
        min_font_size=_MIN_FONT_SIZE // k,
        colormap=colormap,
        color_func=None if colormap else _palette_color,
    )
    cloud.generate_from_frequencies(visual)
    return cloud, originals


def render_cloud(
    frequencies: dict[str, float],
    width: int = 1200,
    height: int = 600,
    background: str = "white",
    colormap: str | None = None,
    scale: float = 1.0,
    max_words: int = 120,
) -> Image.Image:
    """An RGB word-cloud image of `frequencies` (term -> weight), deterministic."""
    cloud, _ = _layout(frequencies, width, height, background, colormap, scale, max_words)
    if cloud is None:
        return Image.new("RGB", (int(width * scale), int(height * scale)), background)
    return cloud.to_image()


def cloud_png(frequencies: dict[str, float], **kw) -> bytes:
    """PNG bytes of `render_cloud(frequencies, **kw)`."""
    buf = io.BytesIO()
    render_cloud(frequencies, **kw).save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _font_data_uri(path: str, text: str) -> tuple[str, str]:
    """(data URI, format) of the font, subset to the glyphs of `text` when fontTools is
    available (keeping every OpenType layout feature, so joining forms survive)."""
    raw = Path(path).read_bytes()
    try:
        from fontTools import subset

        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.drop_tables += ["meta"]  # fontTools cannot subset it and says so on stderr
        if path.lower().endswith((".ttc", ".otc")):
            # A collection (Noto Sans CJK): its first face, as Pillow and wordcloud use it.
            from fontTools.ttLib import TTFont

            font = TTFont(path, fontNumber=0, lazy=True)
        else:
            font = subset.load_font(path, options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        buf = io.BytesIO()
        subset.save_font(font, buf, options)
        raw = buf.getvalue()
        if "CFF " in font:  # PostScript outlines (Noto CJK): an OpenType font, not TrueType
            return "data:font/otf;base64," + base64.b64encode(raw).decode("ascii"), "opentype"
    except Exception as exc:  # noqa: BLE001 - a full font still renders correctly
        log.warning("font subsetting failed (%s); embedding the whole font", exc)
    return "data:font/ttf;base64," + base64.b64encode(raw).decode("ascii"), "truetype"


def cloud_svg(
    frequencies: dict[str, float],
    width: int = 1200,
    height: int = 600,
    background: str = "white",
    colormap: str | None = None,
    scale: float = 1.0,
    max_words: int = 120,
) -> str:
    """An SVG with the same layout as the PNG; each word is a <text> holding the real
    (logical-order) string, in the cloud font embedded as a base64 @font-face."""
    w_px, h_px = int(width * scale), int(height * scale)
    cloud, originals = _layout(frequencies, width, height, background, colormap, scale, max_words)
    layout = cloud.layout_ if cloud is not None else []
    # Layout coordinates and font sizes are on the (smaller) layout canvas: the cloud's own
    # scale turns them into the picture's pixels, as its PNG does.
    scale = cloud.scale if cloud is not None else scale
    path = font_for(originals.values())
    text_nodes: list[str] = []
    for (visual, _freq), font_size, (top, left), _orientation, color in layout:
        word = originals.get(visual, visual)
        size = int(font_size * scale)
        font = ImageFont.truetype(path, size)
        # wordcloud draws through TransposedFont, which puts the top-left of the *ink* box
        # at (left, top). Recover the pen origin and baseline from the ink box measured
        # around the baseline ("ls"), then anchor the SVG text at the middle of its
        # advance, which does not depend on the text direction.
        ink_left, ink_top, _r, _b = font.getbbox(visual, anchor="ls")
        origin_x = left * scale - ink_left
        x = origin_x + font.getlength(visual) / 2
        y = top * scale - ink_top
        direction = ' direction="rtl"' if is_arabic(word) else ""
        text_nodes.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill={quoteattr(color)}'
            f' text-anchor="middle"{direction}>{escape(word)}</text>'
        )
    used = "".join(originals.values())
    uri, fmt = _font_data_uri(path, used) if used else ("", "truetype")
    face = (
        f"@font-face{{font-family:'{_SVG_FONT_FAMILY}';src:url({uri}) format('{fmt}');}}"
        if uri
        else ""
    )
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w_px}" height="{h_px}"'
            f' viewBox="0 0 {w_px} {h_px}">',
            f"<style>{face}text{{font-family:'{_SVG_FONT_FAMILY}',sans-serif;}}</style>",
            f'<rect width="100%" height="100%" fill={quoteattr(background)}/>',
            *text_nodes,
            "</svg>",
        ]
    )
