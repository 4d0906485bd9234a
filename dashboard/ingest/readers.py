"""Readers: turn files (or uploaded bytes) into RawArticle objects, with a per-file report.

Formats: `.txt` (headline on line 1, body after it; optional `manifest.csv` beside them),
`.html`/`.htm` (main text and metadata via trafilatura), `.json` (an object or a list of
objects), `.jsonl` (one object per line) and `.csv` (one article per row).

Nothing here raises on bad input: every refusal or doubt becomes a `Problem` naming the file
and the reason, and one bad file never stops the others. Uploaded file names are only used
for the extension and for messages, never as filesystem paths.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dashboard import config
from dashboard.analysis.textproc import detect_language, to_ascii_digits
from dashboard.model import RawArticle

SUPPORTED_EXTENSIONS = (".txt", ".html", ".htm", ".json", ".jsonl", ".csv")
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = (
    "file",
    "outlet",
    "outlet_domain",
    "url",
    "language",
    "country",
    "published_at",
    "date_source",
)
# A manifest row whose `file` is "*" gives defaults to .txt files the manifest does not list.
MANIFEST_DEFAULT_ROW = "*"
CSV_COLUMNS = (
    "title",
    "text",
    "outlet",
    "outlet_domain",
    "url",
    "published_at",
    "language",
    "country",
    "date_source",
)
# Other names scrapers and spreadsheets use for the article text and headline.
TEXT_ALIASES = ("text", "body", "content")
TITLE_ALIASES = ("title", "headline")
# Manifests apply to single-article files only.
_MANIFEST_TARGETS = (".txt", ".html", ".htm")
# Companion files that live next to articles and are not worth a warning.
_SILENT_EXTENSIONS = (".md", ".rst")
_SUBFOLDER_DEPTH = 1  # a folder and its direct subfolders
# A first line longer than this is probably a paragraph: the headline line is likely missing.
_LONG_TITLE = 300
_SNIFF_BYTES = 8192
# Enough text to judge an encoding by; scoring a whole long file only costs time.
_SCORE_CHARS = 4000


@dataclass
class Problem:
    """Why a file (or a row/line of it) was refused or needs a look."""

    file: str
    reason: str
    severity: str = "error"  # "error": nothing (or part) was read; "warning": read, with doubt

    @property
    def message(self) -> str:
        return f"{self.file}: {self.reason}"

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


@dataclass
class ReadResult:
    """Articles read, problems met, and how many supported files were examined."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def merge(self, other: ReadResult) -> None:
        self.articles.extend(other.articles)
        self.problems.extend(other.problems)
        self.files_read += other.files_read


class UnreadableFile(Exception):
    """Raised by `decode_bytes` when bytes are not text we can read; the message says why."""


# --------------------------------------------------------------------------- public API


def read_path(path: str | Path, *, max_file_mb: float | None = None) -> ReadResult:
    """Read one file, or every supported file in a folder and its direct subfolders.

    A `manifest.csv` in a folder gives metadata to the `.txt`/`.html` files of that folder.
    `files_read` counts the supported files examined (including those refused).
    """
    result = ReadResult()
    for part in iter_path(path, max_file_mb=max_file_mb):
        result.merge(part)
    return result


def iter_path(path: str | Path, *, max_file_mb: float | None = None) -> Iterator[ReadResult]:
    """`read_path` as a stream: one small ReadResult per file (its articles and problems),
    in the same order, so an ingest holds one round of articles, never the whole corpus.
    Files are opened only when their turn comes."""
    limit = _limit_bytes(max_file_mb)
    p = Path(path)
    if p.is_dir():
        yield from _iter_folder(p, prefix="", limit=limit, depth=0, root=p.resolve())
        return
    if p.is_file():
        yield from _iter_group([_file_source(p, p.name)], limit)
        return
    result = ReadResult()
    result.problems.append(Problem(str(path), "no such file or folder"))
    yield result


def count_article_files(path: str | Path) -> int:
    """How many files `iter_path` will read articles from (for a progress total; a .csv,
    .json or .jsonl file may hold several articles)."""
    p = Path(path)
    if p.is_file():
        return 1
    if not p.is_dir():
        return 0
    root = p.resolve()
    n = 0
    folders = [(p, 0)]
    while folders:
        folder, depth = folders.pop()
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for e in entries:
            if e.name.startswith(("__", ".")):
                continue
            try:
                if _outside(e, root) is not None:
                    continue
                if e.is_dir():
                    if depth < _SUBFOLDER_DEPTH:
                        folders.append((e, depth + 1))
                elif (
                    e.is_file()
                    and e.suffix.lower() in SUPPORTED_EXTENSIONS
                    and e.name.lower() != MANIFEST_NAME
                ):
                    n += 1
            except OSError:
                continue
    return n


def read_bytes(name: str, data: bytes, *, max_file_mb: float | None = None) -> ReadResult:
    """Read one uploaded file. `name` only picks the format and labels messages."""
    return read_uploads([(name, data)], max_file_mb=max_file_mb)


def read_uploads(
    files: Iterable[tuple[str, bytes]], *, max_file_mb: float | None = None
) -> ReadResult:
    """Read several uploaded files together; an uploaded `manifest.csv` applies to the
    uploaded `.txt`/`.html` files, exactly as in a folder."""
    limit = _limit_bytes(max_file_mb)
    sources = []
    for name, data in files:
        label = _safe_label(name)
        sources.append(_Source(label, len(data), lambda d=data: d))
    return _read_group(sources, limit)


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Raises UnreadableFile for binary data.

    Order: byte-order mark, BOM-less UTF-16, UTF-8, the Arabic single-byte code pages
    (Windows-1256, ISO-8859-6) judged by how Arabic the result reads, a declared charset
    (HTML meta), Windows-1252 when it reads as Western text, then charset-normalizer.
    Newlines are normalised and a leading BOM removed.
    """
    binary = sniff_binary(data)
    if binary:
        raise UnreadableFile(binary)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                name = "utf-8-sig" if enc == "utf-8" else enc
                return _clean_text(data[len(bom) :].decode(enc)), name
            except UnicodeDecodeError as e:
                raise UnreadableFile(f"starts with a {enc} byte-order mark but is not {enc}") from e
    utf16 = _bomless_utf16(data[:_SNIFF_BYTES])
    if utf16:
        try:
            return _clean_text(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise UnreadableFile("contains NUL bytes: this is a binary file, not text")
    try:
        return _clean_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Arabic code pages before a declared charset: pages that declare iso-8859-1 while
    # serving Windows-1256 are common, and latin-1 would "decode" them into gibberish.
    arabic = _best_arabic_codepage(data)
    if arabic:
        return _clean_text(data.decode(arabic)), arabic
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return _clean_text(data.decode(codec)), codec
        except (LookupError, UnicodeDecodeError):
            pass
    # charset-normalizer guesses poorly on short Western text (café -> mac_latin2), so the
    # common Windows code page for it is tried first.
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = None
    if latin is not None and _plausible_latin(latin[:_SCORE_CHARS]):
        return _clean_text(latin), "cp1252"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests
        best = None
    if best is not None and best.encoding:
        return _clean_text(str(best)), best.encoding
    raise UnreadableFile("text encoding not recognised (save the file as UTF-8)")


def sniff_binary(data: bytes) -> str | None:
    """A reason when the bytes are a known binary format (PDF, ZIP/DOCX, images ...)."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"this is a {kind} file, not text (was it renamed?); convert it to text first"
    return None


def normalize_date(value: str) -> str | None:
    """ISO YYYY-MM-DD from YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY (also with - or .) or an ISO
    datetime (the date as written, not shifted to UTC). '' for empty, None if unparseable."""
    v = to_ascii_digits((value or "").strip())
    if not v:
        return ""
    m = _ISO_DATE.match(v)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _DMY_DATE.match(v)
        if not m:
            return None
        d, mo, y = (int(x) for x in m.groups())
    if not 1800 <= y <= 2200:
        return None
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def normalize_language(value: str) -> str:
    """'ar'/'en' style primary subtag from 'ar-EG', 'Arabic', 'العربية' ...; '' when empty."""
    v = (value or "").strip().lower()
    if not v:
        return ""
    if v in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[v]
    return re.split(r"[-_]", v, maxsplit=1)[0]


# --------------------------------------------------------------------------- internals

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX/ODT)"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (DOC/XLS)"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x7fELF", "executable (ELF)"),
    (b"{\\rtf", "RTF"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_ASCII_LETTER = re.compile("[a-zA-Z]")
_WORD = re.compile(r"[^\W\d_]+")
_PURE_ARABIC_WORD = re.compile(r"(?<![^\W\d_])[\u0621-\u064a\u0671-\u06d3]+(?![^\W\d_])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.IGNORECASE,
)
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_LANGUAGE_NAMES = {
    "arabic": "ar",
    "العربية": "ar",
    "عربي": "ar",
    "english": "en",
    "الإنجليزية": "en",
}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


def _clean_text(text: str) -> str:
    """One newline convention, no BOM, no stray control characters (they break display)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = text.lstrip("\ufeff")
    return _CONTROL.sub(" ", text)


def _bomless_utf16(sample: bytes) -> str | None:
    """UTF-16 without a byte-order mark: one byte of each pair is mostly 0x00 (Latin text)
    or 0x06 (Arabic block U+06xx), which single-byte encodings never produce."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]

    def share(bs: bytes) -> float:
        return (bs.count(0) + bs.count(6)) / max(len(bs), 1)

    if share(odd) > 0.6 and share(even) < 0.1:
        return "utf-16-le"
    if share(even) > 0.6 and share(odd) < 0.1:
        return "utf-16-be"
    return None


def _best_arabic_codepage(data: bytes) -> str | None:
    """Windows-1256 or ISO-8859-6 when one of them turns the non-ASCII bytes into Arabic words.

    Decoding with the wrong code page yields Latin accented letters (cp1256 puts à, ç, é among
    the Arabic letters) or fails outright (ISO-8859-6 leaves many bytes undefined); decoding
    French or German text with an Arabic code page yields Arabic letters inside Latin words
    (Rىunion). So only Arabic letters in purely Arabic words count in favour.
    """
    best, best_key = None, (0.0, 0)
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # Short texts can read as Arabic either way (ISO ل is cp1256 ن); the definite
        # article ال, the commonest Arabic bigram, breaks the tie.
        sample = text[:_SCORE_CHARS]
        key = (_arabic_word_share(sample), sample.count("ال"))
        if key > best_key:
            best, best_key = enc, key
    return best if best_key[0] >= 0.8 else None


def _arabic_word_share(text: str) -> float:
    """Share of non-ASCII letters that sit in words written only in Arabic letters."""
    letters = len(_NON_ASCII_LETTER.findall(text))
    good = sum(map(len, _PURE_ARABIC_WORD.findall(text)))
    return good / letters if good else 0.0


def _plausible_latin(text: str) -> bool:
    """Accented letters inside otherwise ASCII words (café, Zürich), as in Western European
    text, rather than words made only of accented letters (mis-decoded Arabic: ÇáÑÆíÓ)."""
    inside = alone = 0
    for word in _WORD.findall(text):
        non_ascii = len(_NON_ASCII_LETTER.findall(word))
        if not non_ascii:
            continue
        if _ASCII_LETTER.search(word):
            inside += non_ascii
        else:
            alone += non_ascii
    return inside > alone


def _limit_bytes(max_file_mb: float | None) -> int:
    mb = float(config.get("max_file_mb")) if max_file_mb is None else float(max_file_mb)
    return int(mb * 1024 * 1024)


def _safe_label(name: str) -> str:
    """Uploaded names are labels: keep the last path component, drop control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _CONTROL.sub("", base).strip()
    return base or "upload"


@dataclass
class _Source:
    name: str  # label used in messages and as the manifest key
    size: int
    load: Callable[[], bytes]

    @property
    def ext(self) -> str:
        return Path(self.name).suffix.lower()


def _file_source(path: Path, label: str) -> _Source:
    return _Source(label, path.stat().st_size, path.read_bytes)


def _outside(entry: Path, root: Path) -> Path | None:
    """Where a symbolic link leads when that is outside the folder being read (None for a
    plain entry or a link that stays inside): a link to /etc/passwd is not an article."""
    if not entry.is_symlink():
        return None
    target = entry.resolve()
    return None if target == root or root in target.parents else target


def _iter_folder(
    folder: Path, *, prefix: str, limit: int, depth: int, root: Path
) -> Iterator[ReadResult]:
    result = ReadResult()
    sources: list[_Source] = []
    subfolders: list[Path] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as e:
        result.problems.append(Problem(prefix or str(folder), f"cannot list folder: {e}"))
        yield result
        return
    for entry in entries:
        if entry.name.startswith("__"):  # __MACOSX, __pycache__: tool debris, never articles
            continue
        label = f"{prefix}{entry.name}"
        if entry.name.startswith("."):
            kind = "folder" if entry.is_dir() else "file"
            result.problems.append(
                Problem(
                    label,
                    f"hidden {kind} (its name starts with '.'); not read — rename it to include it",
                    "warning",
                )
            )
            continue
        try:
            target = _outside(entry, root)
            if target is not None:
                result.problems.append(
                    Problem(label, f"a link to {target}, outside the folder being read; not read")
                )
                continue
            if entry.is_dir():
                subfolders.append(entry)
            elif entry.is_file():
                sources.append(_file_source(entry, label))
        except OSError as e:
            result.problems.append(Problem(label, f"cannot open: {e}"))
    # Only counts are kept of what was yielded (files read, any problem), not the articles.
    files_read, problems = 0, bool(result.problems)
    yield result
    parts = [_iter_group(sources, limit)]
    if depth < _SUBFOLDER_DEPTH:
        parts += [
            _iter_folder(
                sub, prefix=f"{prefix}{sub.name}/", limit=limit, depth=depth + 1, root=root
            )
            for sub in subfolders
        ]
    for part_iter in parts:
        for part in part_iter:
            files_read += part.files_read
            problems = problems or bool(part.problems)
            yield part
    if depth == 0 and files_read == 0 and not problems:
        yield ReadResult(
            problems=[
                Problem(
                    str(folder),
                    "no supported files found (supported: " + ", ".join(SUPPORTED_EXTENSIONS) + ")",
                    "warning",
                )
            ]
        )


def _read_group(sources: list[_Source], limit: int) -> ReadResult:
    """Files that share one folder (or one upload): the manifest applies across them."""
    result = ReadResult()
    for part in _iter_group(sources, limit):
        result.merge(part)
    return result


def _iter_group(sources: list[_Source], limit: int) -> Iterator[ReadResult]:
    """`_read_group` as a stream: the group's own problems, then one result per file."""
    result = ReadResult()
    manifest_src = None
    articles_src: list[_Source] = []
    for src in sources:
        base = src.name.rsplit("/", 1)[-1]
        if base.lower() == MANIFEST_NAME:
            manifest_src = src
        elif src.ext in SUPPORTED_EXTENSIONS:
            articles_src.append(src)
        elif src.ext in _SILENT_EXTENSIONS or base.lower().startswith("readme"):
            continue
        else:
            kind = src.ext or "without an extension"
            result.problems.append(
                Problem(
                    src.name,
                    f"unsupported file type {kind}; not read (supported: "
                    + ", ".join(SUPPORTED_EXTENSIONS)
                    + ")",
                    "warning",
                )
            )

    manifest: _Manifest | None = None
    if manifest_src is not None:
        manifest = _read_manifest(manifest_src, limit, result.problems)
        if manifest is not None:
            _check_manifest_coverage(manifest, manifest_src.name, sources, result.problems)

    yield result
    for src in articles_src:
        result = ReadResult(files_read=1)
        _read_source(src, manifest, limit, result)
        yield result


def _read_source(src: _Source, manifest: _Manifest | None, limit: int, result: ReadResult) -> None:
    if src.size > limit:
        result.problems.append(
            Problem(
                src.name,
                f"file is {src.size / 1048576:.1f} MB, over the {limit / 1048576:g} MB "
                "limit (setting max_file_mb); not read",
            )
        )
        return
    if src.size == 0:
        result.problems.append(Problem(src.name, "empty file"))
        return
    try:
        meta = manifest.lookup(src.name) if manifest and src.ext in _MANIFEST_TARGETS else None
        _read_one(src, meta, result)
    except UnreadableFile as e:
        result.problems.append(Problem(src.name, str(e)))
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the others
        result.problems.append(Problem(src.name, f"could not be read ({type(e).__name__}: {e})"))


def _read_one(src: _Source, meta: dict[str, str] | None, result: ReadResult) -> None:
    data = src.load()
    if not data:
        result.problems.append(Problem(src.name, "empty file"))
        return
    reader = _READERS[src.ext]
    reader(src.name, data, meta, result)


# --------------------------------------------------------------------------- manifest


@dataclass
class _Manifest:
    rows: dict[str, dict[str, str]]
    default: dict[str, str] | None
    folder_prefix: str

    def lookup(self, name: str) -> dict[str, str] | None:
        key = name[len(self.folder_prefix) :]
        row = self.rows.get(key)
        if row is None:
            folded = {k.casefold(): v for k, v in self.rows.items()}
            row = folded.get(key.casefold())
        return row if row is not None else self.default


def _read_manifest(src: _Source, limit: int, problems: list[Problem]) -> _Manifest | None:
    name = src.name
    if src.size > limit:
        problems.append(Problem(name, "manifest is over the file size limit; not read"))
        return None
    try:
        text, _ = decode_bytes(src.load())
    except UnreadableFile as e:
        problems.append(Problem(name, f"manifest not read: {e}"))
        return None
    header, rows = _csv_rows(text)
    if header is None:
        problems.append(Problem(name, "manifest is empty"))
        return None
    if "file" not in header:
        problems.append(
            Problem(
                name,
                "manifest has no `file` column (found: "
                + ", ".join(h for h in header if h)
                + "); its metadata is ignored",
            )
        )
        return None
    unknown = [h for h in header if h and h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(
            Problem(name, "unknown manifest column(s) ignored: " + ", ".join(unknown), "warning")
        )
    prefix = name[: name.rfind("/") + 1]
    by_file: dict[str, dict[str, str]] = {}
    default = None
    for rownum, line, values in rows:
        rec = _record(header, values)
        fname = rec.get("file", "").strip()
        where = _row_label(rownum, line)
        if not fname:
            problems.append(Problem(name, f"{where}: no file name; row ignored", "warning"))
            continue
        meta = _manifest_meta(rec, name, f"{where}, {fname}", problems)
        if fname == MANIFEST_DEFAULT_ROW:
            default = meta
        elif fname in by_file:
            problems.append(
                Problem(name, f"{where}: {fname} listed twice; first row kept", "warning")
            )
        else:
            by_file[fname] = meta
    return _Manifest(by_file, default, prefix)


def _manifest_meta(
    rec: dict[str, str], name: str, where: str, problems: list[Problem]
) -> dict[str, str]:
    meta = {k: rec.get(k, "").strip() for k in MANIFEST_COLUMNS if k != "file"}
    meta["date_source"] = meta["date_source"].lower()
    raw_date = meta["published_at"]
    iso = normalize_date(raw_date)
    if iso is None:
        problems.append(
            Problem(
                name, f"{where}: unparseable published_at {raw_date!r}; date dropped", "warning"
            )
        )
        iso = ""
    meta["published_at"] = iso
    if not iso:
        meta["date_source"] = "unknown"
    elif not meta["date_source"]:
        meta["date_source"] = "manifest"
    return meta


def _check_manifest_coverage(
    manifest: _Manifest, manifest_name: str, sources: list[_Source], problems: list[Problem]
) -> None:
    present = {s.name[len(manifest.folder_prefix) :] for s in sources}
    present_folded = {p.casefold() for p in present}
    for fname in manifest.rows:
        if fname not in present and fname.casefold() not in present_folded:
            problems.append(
                Problem(
                    f"{manifest.folder_prefix}{fname}",
                    f"listed in {manifest_name} but the file is missing",
                )
            )
    if manifest.default is not None:
        return
    listed_folded = {k.casefold() for k in manifest.rows}
    for s in sources:
        key = s.name[len(manifest.folder_prefix) :]
        if s.ext == ".txt" and key.casefold() not in listed_folded:
            problems.append(
                Problem(
                    s.name,
                    f"not listed in {manifest_name}: outlet and date unknown",
                    "warning",
                )
            )


# --------------------------------------------------------------------------- formats


def _read_txt(name: str, data: bytes, meta: dict[str, str] | None, result: ReadResult) -> None:
    text, _ = decode_bytes(data)
    if not text.strip():
        result.problems.append(Problem(name, "empty file (only blank space)"))
        return
    title, body = _split_headline(text)
    if not body:
        result.problems.append(
            Problem(name, "headline only, no body text (line 1 is the headline, the body follows)")
        )
        return
    if len(title) > _LONG_TITLE:
        result.problems.append(
            Problem(
                name,
                f"the first line ({len(title)} characters) is read as the headline; "
                "is the headline line missing?",
                "warning",
            )
        )
    art = RawArticle(title=title, body=body, source_file=name, date_source="unknown")
    if meta:
        _apply_meta(art, meta)
    if not art.language:
        art.language = detect_language(f"{art.title}\n{art.body}")
    result.articles.append(art)


def _read_html(name: str, data: bytes, meta: dict[str, str] | None, result: ReadResult) -> None:
    declared = None
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "replace")
    text, _ = decode_bytes(data, declared=declared)
    if not text.strip():
        result.problems.append(Problem(name, "empty file (only blank space)"))
        return
    try:
        import trafilatura
    except ImportError as e:  # lxml>=5.2 needs lxml_html_clean for trafilatura/justext
        raise UnreadableFile(f"HTML support unavailable ({e})") from e

    # Dates only from the page's metadata (meta tags, JSON-LD, URL), never guessed from body text.
    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=date_params,
    )
    if doc is None or not (doc.text or "").strip():
        result.problems.append(Problem(name, "no article text found in the page"))
        return
    lines = [ln.strip() for ln in _clean_text(doc.text).split("\n") if ln.strip()]
    title = " ".join((doc.title or "").split())
    if not title:
        title = lines.pop(0)
    elif lines and " ".join(lines[0].split()) == title:
        lines.pop(0)  # trafilatura repeats the <h1> headline as the first line of the text
    if not lines:
        result.problems.append(Problem(name, "headline only, no body text found in the page"))
        return
    art = RawArticle(
        title=title,
        body="\n\n".join(lines),
        outlet=(doc.sitename or "").strip(),
        outlet_domain=(doc.hostname or "").strip(),
        url=(doc.url or "").strip(),
        source_file=name,
    )
    iso = normalize_date(doc.date or "") or ""
    art.published_at = iso
    art.date_source = "metadata" if iso else "unknown"
    if meta:
        _apply_meta(art, meta)
    if not art.language:
        art.language = detect_language(f"{art.title}\n{art.body}")
    result.articles.append(art)


def _read_json(name: str, data: bytes, meta: dict[str, str] | None, result: ReadResult) -> None:
    text, _ = decode_bytes(data)
    if not text.strip():
        result.problems.append(Problem(name, "empty file (only blank space)"))
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several objects one after another: JSON Lines
            result.problems.append(
                Problem(name, "holds one object per line; read as JSON Lines", "warning")
            )
            _read_jsonl(name, data, meta, result)
            return
        result.problems.append(Problem(name, f"invalid JSON at line {e.lineno}: {e.msg}"))
        return
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    items = doc if isinstance(doc, list) else [doc]
    single = not isinstance(doc, list)
    if not items:
        result.problems.append(Problem(name, "an empty list: no article in the file"))
        return
    for i, item in enumerate(items, start=1):
        where = "the object" if single else f"item {i}"
        if not isinstance(item, dict):
            result.problems.append(Problem(name, f"{where} is not an object; skipped"))
            continue
        _add_record(name, where, f"{name}#{i}", item, result)


def _read_jsonl(name: str, data: bytes, meta: dict[str, str] | None, result: ReadResult) -> None:
    text, _ = decode_bytes(data)
    if not text.strip():
        result.problems.append(Problem(name, "empty file (only blank space)"))
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            result.problems.append(Problem(name, f"{where}: invalid JSON ({e.msg}); skipped"))
            continue
        if not isinstance(item, dict):
            result.problems.append(Problem(name, f"{where}: not a JSON object; skipped"))
            continue
        _add_record(name, where, f"{name}#{lineno}", item, result)


def _read_csv(name: str, data: bytes, meta: dict[str, str] | None, result: ReadResult) -> None:
    text, _ = decode_bytes(data)
    if not text.strip():
        result.problems.append(Problem(name, "empty file (only blank space)"))
        return
    header, rows = _csv_rows(text)
    assert header is not None  # text is not blank, so there is a first record
    has_title = any(h in header for h in TITLE_ALIASES)
    has_text = any(h in header for h in TEXT_ALIASES)
    if not (has_title and has_text):
        missing = [c for c, ok in (("title", has_title), ("text", has_text)) if not ok]
        result.problems.append(
            Problem(
                name,
                "missing required column(s): "
                + ", ".join(missing)
                + " (found: "
                + ", ".join(h for h in header if h)
                + "); no article read",
            )
        )
        return
    known = set(CSV_COLUMNS) | set(TEXT_ALIASES) | set(TITLE_ALIASES)
    unknown = [h for h in header if h and h not in known]
    if unknown:
        result.problems.append(
            Problem(name, "unknown column(s) ignored: " + ", ".join(unknown), "warning")
        )
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        result.problems.append(
            Problem(name, "duplicate column(s), first kept: " + ", ".join(dupes), "warning")
        )
    if not rows:
        result.problems.append(Problem(name, "only a header row (or blank rows), no article"))
        return
    for rownum, line, values in rows:
        where = _row_label(rownum, line)
        if len(values) > len(header) and any(v.strip() for v in values[len(header) :]):
            result.problems.append(
                Problem(
                    name,
                    f"{where}: {len(values)} fields but the header has {len(header)} "
                    "(an unquoted comma?); skipped",
                )
            )
            continue
        rec = _record(header, values)
        _add_record(name, where, f"{name}#{rownum}", rec, result)


_READERS: dict[str, Callable[[str, bytes, dict[str, str] | None, ReadResult], None]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".csv": _read_csv,
}


# --------------------------------------------------------------------------- shared helpers


def _split_headline(text: str) -> tuple[str, str]:
    """Headline = first non-blank line; body = everything after it, trimmed."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    return " ".join(first.split()), rest.strip()


def _csv_rows(text: str) -> tuple[list[str] | None, list[tuple[int, int, list[str]]]]:
    """Header (lower-cased, trimmed) and (row number, starting line, values) per record.

    Row numbers follow spreadsheets: the header is row 1. Blank records are skipped.
    """
    # Long article bodies exceed the csv module's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    first_line = text.split("\n", 1)[0]
    try:
        dialect: Any = csv.Sniffer().sniff(first_line, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = None
    rows: list[tuple[int, int, list[str]]] = []
    rownum = 0
    start_line = 1
    for values in reader:
        rownum += 1
        line = start_line
        start_line = reader.line_num + 1
        if header is None:
            header = [h.strip().lstrip("\ufeff").lower() for h in values]
            continue
        if not any(v.strip() for v in values):
            continue
        rows.append((rownum, line, values))
    return header, rows


def _row_label(rownum: int, line: int) -> str:
    """'row 5' (spreadsheet numbering), plus the text line when multi-line fields shift it."""
    return f"row {rownum}" if rownum == line else f"row {rownum} (line {line})"


def _record(header: list[str], values: list[str]) -> dict[str, str]:
    rec: dict[str, str] = {}
    for key, value in zip(header, values, strict=False):
        if key and key not in rec:
            rec[key] = value
    return rec


def _as_text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return ""
    return str(value)


def _first(rec: dict[str, Any], keys: tuple[str, ...]) -> str:
    for k in keys:
        v = _as_text(rec.get(k))
        if v.strip():
            return v
    return ""


def _add_record(
    name: str,
    where: str,
    source_file: str,
    rec: dict[str, Any],
    result: ReadResult,
) -> None:
    """One JSON object or CSV row -> RawArticle, or a Problem saying why not."""
    # JSON escapes (\u0000) create control characters after decoding; PostgreSQL refuses NUL.
    title = " ".join(_clean_text(_first(rec, TITLE_ALIASES)).split())
    body = _clean_text(_first(rec, TEXT_ALIASES)).strip()
    if not title and not body:
        result.problems.append(Problem(name, f"{where}: no title and no text; skipped"))
        return
    if not body:
        result.problems.append(Problem(name, f"{where}: title only, no text; skipped"))
        return
    if not title:
        first, rest = _split_headline(body)
        title = first[:_LONG_TITLE]
        body = rest or body
        result.problems.append(
            Problem(name, f"{where}: no title; the first line of the text is used", "warning")
        )
    meta = {k: _clean_text(_as_text(rec.get(k))).strip() for k in MANIFEST_COLUMNS if k != "file"}
    art = RawArticle(title=title, body=body, source_file=source_file)
    raw_date = meta["published_at"]
    iso = normalize_date(raw_date)
    if iso is None:
        result.problems.append(
            Problem(
                name, f"{where}: unparseable published_at {raw_date!r}; date dropped", "warning"
            )
        )
        iso = ""
    meta["published_at"] = iso
    ds = meta["date_source"].lower()
    meta["date_source"] = (ds or "metadata") if iso else "unknown"
    _apply_meta(art, meta)
    if not art.language:
        art.language = detect_language(f"{art.title}\n{art.body}")
    result.articles.append(art)


def _apply_meta(art: RawArticle, meta: dict[str, str]) -> None:
    """Non-empty metadata values override what the file itself carried."""
    for key in ("outlet", "outlet_domain", "url", "country"):
        if meta.get(key):
            setattr(art, key, meta[key])
    if meta.get("language"):
        art.language = normalize_language(meta["language"])
    if meta.get("published_at"):
        art.published_at = meta["published_at"]
        art.date_source = meta.get("date_source") or "manifest"
    elif not art.published_at:
        art.date_source = "unknown"
