"""Server-side image export of the dashboard's charts: PNG/SVG files, ZIPs and the CLI.

Plotly figures are rendered by kaleido in headless Chromium. Starting Chromium costs a few
seconds, so one browser session is kept alive for the whole process (the Streamlit server
or a CLI run) and every figure goes through it; it is shut down at exit. Word clouds need
no browser: clouds.py draws them with Pillow.

Arabic labels need a font with Arabic glyphs that Chromium can find through fontconfig. The
fonts ship as PyPI packages (fontpkg-ibm-plex-sans-arabic, fontpkg-amiri), which fontconfig
does not know about, so before starting the browser we write a fonts.conf that includes the
system configuration plus the package font folders and point FONTCONFIG_FILE at it.
"""

from __future__ import annotations

import asyncio
import atexit
import csv
import io
import logging
import os
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from dashboard.escaping import spreadsheet_cell
from dashboard.output.charts import Chart

log = logging.getLogger(__name__)

FORMATS = ("png", "svg")
MIME = {"png": "image/png", "svg": "image/svg+xml", "zip": "application/zip"}
NO_BROWSER_MESSAGE = (
    "Server-side image export needs Chromium: sudo apt-get install chromium "
    "(or `plotly_get_chrome`)"
)
DEFAULT_WIDTH = 1200
DEFAULT_HEIGHT = 500  # for a figure whose layout sets no height
INDEX_COLUMNS = ["file", "page", "chart", "title", "outlet", "format", "width", "height", "filters"]

_FONT_FAMILIES = ("ibm-plex-sans-arabic", "amiri")
_BROWSER_TABS = 2  # two renders in flight keep both cores busy on the 2-core target
_RENDER_TIMEOUT_S = 90
_START_TIMEOUT_S = 60

Progress = Callable[[int, int, str], None]  # (done, total, title of the chart just done)


class ExportError(RuntimeError):
    """An export problem with a message meant for the user."""


class BrowserUnavailable(ExportError):
    """No Chromium/Chrome that kaleido can start."""


# --- browser and fonts -------------------------------------------------------------------


def find_browser() -> str | None:
    """The browser kaleido would start: BROWSER_PATH, kaleido's own download
    (`plotly_get_chrome`), then chrome/chromium/... on PATH and their usual install paths."""
    from choreographer.browsers.chromium import Chromium

    try:
        return Chromium.find_browser(skip_local=False)
    except Exception as exc:  # noqa: BLE001 - a broken lookup means "not available"
        log.debug("browser lookup failed: %s", exc)
        return None


def browser_available() -> tuple[bool, str]:
    """(True, browser path) when kaleido can find a browser, else (False, the fix)."""
    path = find_browser()
    # BROWSER_PATH is returned as given, so check it really is an executable file.
    if path and Path(path).is_file() and os.access(path, os.X_OK):
        return True, path
    return False, NO_BROWSER_MESSAGE


def font_dirs() -> list[Path]:
    """Folders of the packaged Arabic fonts that are installed (may be empty)."""
    import fontpkg

    dirs: list[Path] = []
    for slug in _FONT_FAMILIES:
        try:
            family = fontpkg.family(slug)
        except fontpkg.FontpkgError:
            continue
        for folder in sorted({f.path.parent for f in family.files}):
            if folder not in dirs:
                dirs.append(folder)
    return dirs


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    for candidate in (
        Path(base) / "coverage-dashboard",
        Path(tempfile.gettempdir())
        / f"coverage-dashboard-{os.getuid() if hasattr(os, 'getuid') else 0}",
    ):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            probe = candidate / ".write-test"
            probe.write_text("")
            probe.unlink()
            return candidate
        except OSError:
            continue
    raise ExportError("No writable cache folder for the export font configuration")


def fontconfig_text(dirs: list[Path], base_config: str, cache_dir: Path) -> str:
    """A fonts.conf that keeps `base_config` (the system's) and adds `dirs`."""
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        "<fontconfig>",
        f'  <include ignore_missing="yes">{escape(base_config)}</include>',
        *(f"  <dir>{escape(str(d))}</dir>" for d in dirs),
        f"  <cachedir>{escape(str(cache_dir))}</cachedir>",
        "</fontconfig>",
        "",
    ]
    return "\n".join(lines)


@cache
def register_fonts() -> Path | None:
    """Write the fonts.conf and set FONTCONFIG_FILE (process-wide, inherited by Chromium).

    The file includes the configuration in force before (the user's FONTCONFIG_FILE or the
    system's), so every font found before is still found. Returns the file, or None when no
    packaged font is installed.
    """
    dirs = font_dirs()
    if not dirs:
        log.warning("No packaged Arabic font installed; exported charts use system fonts")
        return None
    folder = _cache_dir() / "fontconfig"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    previous = os.environ.get("FONTCONFIG_FILE")
    base = previous if previous and Path(previous) != conf else "/etc/fonts/fonts.conf"
    text = fontconfig_text(dirs, base, folder / "cache")
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        conf.write_text(text, encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(conf)
    return conf


class _BrowserSession:
    """One long-lived kaleido browser driven from its own event-loop thread.

    Callers on any thread (Streamlit script runs, deferred download callables, the CLI)
    submit figures and get concurrent futures back; a lock keeps one batch at a time so
    a restart after a crash never pulls the browser from under another caller.
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Future | None = None  # resolves to the opened kaleido.Kaleido
        self._atexit = False

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Start the browser in the background (returns at once; idempotent)."""
        with self.lock:
            if self._kaleido is not None:
                return
            ok, message = browser_available()
            if not ok:
                raise BrowserUnavailable(message)
            register_fonts()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kaleido-export", daemon=True)
            thread.start()
            self._loop, self._thread = loop, thread
            self._kaleido = asyncio.run_coroutine_threadsafe(self._open(), loop)
            if not self._atexit:
                atexit.register(self.close)
                self._atexit = True

    @staticmethod
    async def _open() -> Any:
        import kaleido

        # mathjax=False: the default loads MathJax from a CDN, and no chart uses LaTeX.
        k = kaleido.Kaleido(n=_BROWSER_TABS, mathjax=False, timeout=_RENDER_TIMEOUT_S)
        await k.open()
        return k

    @staticmethod
    async def _render(opening: Future, fig: dict, opts: dict) -> bytes:
        k = await asyncio.wrap_future(opening)
        return await k.calc_fig(fig, opts=opts)

    def submit(self, fig: dict, opts: dict) -> Future:
        with self.lock:
            self.start()
            assert self._loop is not None and self._kaleido is not None
            coro = self._render(self._kaleido, fig, opts)
            return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def wait_ready(self, timeout: float = _START_TIMEOUT_S) -> None:
        self.start()
        assert self._kaleido is not None
        self._kaleido.result(timeout=timeout)

    def close(self) -> None:
        """Close the browser and stop the loop thread (safe to call twice)."""
        with self.lock:
            loop, thread, opening = self._loop, self._thread, self._kaleido
            self._loop = self._thread = self._kaleido = None
            if loop is None:
                return
            try:
                if opening is not None:
                    # A browser still starting (an early exit right after the warm-up) is
                    # waited for and closed too: left running, its profile folder was still
                    # being written when the interpreter's exit removed it, and that exit
                    # printed a traceback (seen in loaded test runs).
                    k = opening.result(timeout=_START_TIMEOUT_S)
                    asyncio.run_coroutine_threadsafe(k.close(), loop).result(timeout=20)
            except Exception as exc:  # noqa: BLE001 - closing a dead browser may fail
                log.debug("closing the export browser: %s", exc)
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                thread.join(timeout=10)


_SESSION = _BrowserSession()


_WARM_TIMER: list[threading.Timer] = []  # the one pending delayed start, if any


def warm_up(delay: float = 0.0) -> bool:
    """Start the export browser in the background so the first download is fast.
    Returns False (and does nothing) when no browser is available.

    With `delay` (seconds) the start waits: Chromium and kaleido's tabs loading Plotly
    take several CPU seconds, and on a 2-core server they would compete with the first
    page the reader is loading (its own browser is parsing the same Plotly bundle). A
    download clicked before the timer fires starts the browser itself (submit())."""
    if _SESSION.running:
        return True
    if not browser_available()[0]:
        return False
    if delay <= 0:
        try:
            _SESSION.start()
        except ExportError:
            return False
        return True
    with _SESSION.lock:
        if not _WARM_TIMER:

            def start() -> None:
                try:
                    _SESSION.start()
                except ExportError as exc:  # a browser that vanished: the click will say so
                    log.debug("export browser warm-up: %s", exc)

            timer = threading.Timer(delay, start)
            timer.daemon = True
            timer.name = "kaleido-warm-up"
            _WARM_TIMER.append(timer)
            timer.start()
    return True


def shutdown() -> None:
    """Close the shared export browser (it is also closed at interpreter exit)."""
    _SESSION.close()


# --- rendering ---------------------------------------------------------------------------


def _check_format(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def figure_height(chart: Chart, height: int | None = None, width: int = DEFAULT_WIDTH) -> int:
    """The height a chart is exported at: explicit, else the figure's own (clouds: half
    the width), else a default."""
    if height:
        return int(height)
    if chart.kind == "cloud":
        return max(1, width // 2)
    layout_height = getattr(getattr(chart.figure, "layout", None), "height", None)
    return int(layout_height or DEFAULT_HEIGHT)


def _render_cloud(chart: Chart, fmt: str, scale: float, width: int, height: int) -> bytes:
    from dashboard.output import clouds

    if fmt == "png":
        return clouds.cloud_png(chart.frequencies, width=width, height=height, scale=scale)
    return clouds.cloud_svg(chart.frequencies, width=width, height=height, scale=scale).encode(
        "utf-8"
    )


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


def _is_no_browser(exc: BaseException) -> bool:
    from kaleido.errors import ChromeNotFoundError

    return isinstance(exc, (ChromeNotFoundError, BrowserUnavailable))


def _render_plotly(
    items: list[tuple[int, Chart]],
    fmt: str,
    scale: float,
    width: int,
    height: int | None,
    results: list[bytes | None],
    on_done: Callable[[Chart], None],
    side_work: Callable[[], None],
) -> None:
    """Render `items` through the shared browser; `side_work` (the word clouds) runs in
    this thread while Chromium starts and renders. One retry with a fresh browser."""
    specs = [
        (
            i,
            c,
            c.figure.to_dict(),
            {"format": fmt, "width": width, "height": figure_height(c, height), "scale": scale},
        )
        for i, c in items
    ]
    pending = list(specs)
    for attempt in (1, 2):
        with _SESSION.lock:
            futures = [(i, c, _SESSION.submit(fig, opts)) for i, c, fig, opts in pending]
            if attempt == 1:
                side_work()
            failed: BaseException | None = None
            for n, (i, c, fut) in enumerate(futures):
                try:
                    results[i] = fut.result(timeout=_START_TIMEOUT_S + _RENDER_TIMEOUT_S)
                except (Exception, FutureTimeout) as exc:  # noqa: BLE001
                    if _is_no_browser(exc):
                        _SESSION.close()
                        raise BrowserUnavailable(NO_BROWSER_MESSAGE) from exc
                    failed = exc
                    for _, _, other in futures[n + 1 :]:
                        other.cancel()
                    break
                on_done(c)
            if failed is None:
                return
            log.warning("export browser failed (%s); restarting it", _error_text(failed))
            _SESSION.close()
            pending = [s for s in specs if results[s[0]] is None]
    raise ExportError(f"Image export failed: {_error_text(failed)}")


def export_figures(
    charts: list[Chart],
    fmt: str,
    scale: float = 2.0,
    width: int = DEFAULT_WIDTH,
    height: int | None = None,
    progress: Progress | None = None,
) -> list[tuple[Chart, bytes]]:
    """Image bytes for each chart, in order. Plotly figures go through the one shared
    browser session (raises BrowserUnavailable when there is none); word clouds are drawn
    with Pillow at the same pixel width (width × scale).

    `height` None keeps each figure's own height (figures.py sizes them to their content);
    clouds are then width/2 high.
    """
    fmt = _check_format(fmt)
    if scale <= 0 or width <= 0:
        raise ValueError("scale and width must be positive")
    results: list[bytes | None] = [None] * len(charts)
    total, done = len(charts), 0

    def on_done(chart: Chart) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, chart.title)

    def draw_clouds() -> None:
        for i, c in enumerate(charts):
            if c.kind == "cloud":
                results[i] = _render_cloud(c, fmt, scale, width, figure_height(c, height, width))
                on_done(c)

    plots = [(i, c) for i, c in enumerate(charts) if c.kind != "cloud"]
    if plots:
        _render_plotly(plots, fmt, scale, width, height, results, on_done, draw_clouds)
    else:
        draw_clouds()
    return [(c, data) for c, data in zip(charts, results, strict=True) if data is not None]


# --- files, index and ZIP ----------------------------------------------------------------


def image_size(data: bytes, fmt: str) -> tuple[int, int]:
    """Pixel size of PNG bytes, or the nominal width/height of an SVG's root element."""
    if fmt == "png":
        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:
            return img.size
    root = ElementTree.fromstring(data)
    return int(float(root.get("width", "0"))), int(float(root.get("height", "0")))


def unique_names(charts: list[Chart], fmt: str) -> list[str]:
    """`file_stem.fmt` per chart; a repeated stem gets -2, -3, …"""
    seen: dict[str, int] = {}
    names = []
    for c in charts:
        stem = c.file_stem
        seen[stem] = seen.get(stem, 0) + 1
        names.append(f"{stem}.{fmt}" if seen[stem] == 1 else f"{stem}-{seen[stem]}.{fmt}")
    return names


@dataclass
class ExportedFile:
    name: str
    chart: Chart
    data: bytes
    fmt: str
    width: int
    height: int


def exported_files(pairs: list[tuple[Chart, bytes]], fmt: str) -> list[ExportedFile]:
    names = unique_names([c for c, _ in pairs], fmt)
    return [
        ExportedFile(n, c, d, fmt, *image_size(d, fmt))
        for n, (c, d) in zip(names, pairs, strict=True)
    ]


def index_csv(files: list[ExportedFile], filters_description: str) -> bytes:
    """index.csv (UTF-8 with BOM so spreadsheet programs show the Arabic correctly). Titles,
    outlets and the filter description come from the articles: a cell starting like a
    formula (=, +, -, @) is escaped so a spreadsheet shows it instead of running it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(INDEX_COLUMNS)
    for f in files:
        row = [
            f.name,
            f.chart.page,
            f.chart.name,
            f.chart.title,
            f.chart.outlet,
            f.fmt,
            f.width,
            f.height,
            filters_description,
        ]
        w.writerow([spreadsheet_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def zip_files(files: list[ExportedFile], filters_description: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for f in files:
            # PNG is already deflated; SVG text compresses well.
            kind = zipfile.ZIP_STORED if f.fmt == "png" else zipfile.ZIP_DEFLATED
            zf.writestr(f.name, f.data, compress_type=kind)
        zf.writestr(
            "index.csv", index_csv(files, filters_description), compress_type=zipfile.ZIP_DEFLATED
        )
    return buf.getvalue()


def export_zip(
    charts: list[Chart],
    fmt: str,
    scale: float = 2.0,
    filters_description: str = "",
    progress: Progress | None = None,
) -> bytes:
    """A ZIP of every chart as `<file_stem>.<fmt>` plus index.csv describing each file."""
    pairs = export_figures(charts, fmt, scale=scale, progress=progress)
    return zip_files(exported_files(pairs, fmt), filters_description)


# --- command line ------------------------------------------------------------------------


def export_cli(args: Any) -> int:
    """`python -m dashboard export`: every chart of the dashboard into --out.

    Without a browser the word clouds are still written; the exit status is then 2.
    """
    from dashboard.output.charts import dashboard_charts
    from dashboard.storage.store import Filters, StoreError, open_store

    started = time.perf_counter()
    fmt = _check_format(args.format)
    out = Path(args.out)
    ok, message = browser_available()
    if ok:
        warm_up()  # Chromium boots while the store answers the chart queries
    try:
        store = open_store(args.database)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        shutdown()
        return 1
    try:
        f = Filters(
            list(args.outlets or []),
            list(args.languages or []),
            args.date_from,
            args.date_to,
            getattr(args, "count_mode", "clusters"),
        )
        from dashboard.storage.outlets import ensure_synced

        # One connection for all the queries; an embedded file is released before the
        # (slow) drawing, so the app is not kept waiting.
        with store.connected():
            if not _ensure_articles(store):
                shutdown()
                return 1
            ensure_synced(store)  # region/country/type filters read the synced outlet table
            charts = dashboard_charts(store, f)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        shutdown()
        return 1
    finally:
        store.close()
    # A chart without data would be a blank image: say so instead of writing it.
    empty = [c for c in charts if c.empty_reason]
    for chart in empty:
        print(f"skipped {chart.file_stem}: {_plain(chart.empty_reason)}", file=sys.stderr)
    charts = [c for c in charts if not c.empty_reason]
    if not charts:
        print(
            f"error: no chart has data for these filters ({f.describe()}); nothing written.",
            file=sys.stderr,
        )
        shutdown()
        return 1

    status = 0
    if not ok:
        print(f"error: {message}", file=sys.stderr)
        print("Writing the word clouds only (they need no browser).", file=sys.stderr)
        charts = [c for c in charts if c.kind == "cloud"]
        status = 2

    def progress(done: int, total: int, title: str) -> None:
        print(f"  [{done}/{total}] {title}", file=sys.stderr)

    try:
        pairs = export_figures(charts, fmt, scale=args.scale, progress=progress)
    except BrowserUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        pairs = export_figures([c for c in charts if c.kind == "cloud"], fmt, scale=args.scale)
        status = 2
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        shutdown()

    files = exported_files(pairs, fmt)
    out.mkdir(parents=True, exist_ok=True)
    for ef in files:
        (out / ef.name).write_bytes(ef.data)
    description = f.describe()
    (out / "index.csv").write_bytes(index_csv(files, description))
    if args.zip:
        (out / "dashboard.zip").write_bytes(zip_files(files, description))
    elapsed = time.perf_counter() - started
    clouds_n = sum(1 for ef in files if ef.chart.kind == "cloud")
    skipped = f"; skipped {len(empty)} without data (listed above)" if empty else ""
    print(
        f"Wrote {len(files)} {fmt.upper()} files ({len(files) - clouds_n} charts, "
        f"{clouds_n} word clouds) and index.csv{' and dashboard.zip' if args.zip else ''} "
        f"to {out} in {elapsed:.1f} s (filters: {description}){skipped}"
    )
    return status


def _plain(text: str) -> str:
    """A chart note as plain text (figures.safe() escapes it for Plotly's HTML labels)."""
    import html

    return html.unescape(text)


def _ensure_articles(store: Any) -> bool:
    """An empty store gets the seed articles first, as the app does on its first start
    (DASHBOARD_AUTO_INGEST_SEEDS); False, after saying why, when it stays empty."""
    from dashboard import config

    if store.count():
        return True
    seeds = Path(config.get("seeds_dir"))
    if config.get("auto_ingest_seeds") == "1" and seeds.is_dir():
        from dashboard.ingest.ingest import ingest_path

        print(
            f"The store is empty: ingesting the seed articles in {seeds} first, as the app "
            "does on its first start.",
            file=sys.stderr,
        )
        report = ingest_path(store, seeds, workers=1)
        print(f"  {report.summary()}", file=sys.stderr)
        if store.count():
            return True
    print(
        "error: the store holds no articles, so there is nothing to export. Ingest some "
        "first: python -m dashboard ingest FOLDER (the seeds are ingested automatically "
        "when DASHBOARD_AUTO_INGEST_SEEDS=1 and DASHBOARD_SEEDS_DIR exists).",
        file=sys.stderr,
    )
    return False
