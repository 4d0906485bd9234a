"""The outlet registry: who publishes what, from where (country, region, type).

A researcher-editable CSV (lexicons/outlets.csv ships a starter list; a team copy in the data
folder, written by the Outlets page, takes precedence). Stored articles are matched to a
registry entry by web domain first, then by name or a name variant. `sync()` writes the
registry and the per-outlet attributes into the store, so filters by country, region or
outlet type are plain SQL (see Store.where()).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from dashboard.analysis.textproc import normalize
from dashboard.config import LEXICON_DIR
from dashboard.storage.store import Store

REGISTRY_FILE = "outlets.csv"
COLUMNS = ["name", "name_variants", "domain", "country", "region", "language", "type", "note"]
TYPES = ("newspaper", "broadcaster", "agency", "news_site")
# Attributes the pages group and filter by (column of outlet_attributes -> label).
ATTRIBUTES = {"country": "Country", "region": "Region", "type": "Outlet type"}
# Shown for outlets the registry does not know (and for blank attributes).
UNKNOWN = "unknown"
_HASH_KEY = "outlet_registry_hash"


@dataclass(frozen=True)
class Outlet:
    name: str
    name_variants: tuple[str, ...] = ()
    domain: str = ""
    country: str = ""
    region: str = ""
    language: str = ""
    type: str = ""
    note: str = ""


# --------------------------------------------------------------------------- files


def packaged_path() -> Path:
    return LEXICON_DIR / REGISTRY_FILE


def team_path(data_dir: Path | None = None) -> Path:
    """The team's editable copy, in the data folder (DASHBOARD_DATA_DIR)."""
    from dashboard import config

    return (data_dir or config.data_dir()) / REGISTRY_FILE


def registry_path(path: str | Path | None = None) -> Path:
    """An explicit path, else the team copy when it exists, else the packaged list."""
    if path:
        return Path(path)
    team = team_path()
    return team if team.is_file() else packaged_path()


def _clean(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def _outlet_from_row(row: dict) -> Outlet:
    variants = tuple(
        v for v in (_clean(x) for x in _clean(row.get("name_variants")).split(";")) if v
    )
    return Outlet(
        name=_clean(row.get("name")),
        name_variants=variants,
        domain=_host(_clean(row.get("domain"))),
        country=_clean(row.get("country")).upper(),
        region=_clean(row.get("region")),
        language=_clean(row.get("language")).lower(),
        type=_clean(row.get("type")).lower(),
        note=_clean(row.get("note")),
    )


def registry_frame(path: str | Path | None = None) -> pd.DataFrame:
    """The registry as a table of strings (the editor's view), in file order."""
    df = pd.read_csv(registry_path(path), dtype=str, keep_default_na=False, comment=None)
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = ""
    return df[COLUMNS]


def load_registry(path: str | Path | None = None) -> list[Outlet]:
    return [
        _outlet_from_row(r) for r in registry_frame(path).to_dict("records") if _clean(r["name"])
    ]


def validate(df: pd.DataFrame) -> list[str]:
    """Problems that would make the registry ambiguous or unusable; empty when fine."""
    problems = []
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        return [f"missing columns: {', '.join(missing)}"]
    names = [_clean(n) for n in df["name"]]
    for i, name in enumerate(names, start=1):
        if not name:
            problems.append(f"row {i}: a name is required")
    dupes = sorted({n for n in names if n and names.count(n) > 1})
    if dupes:
        problems.append(f"names listed twice: {', '.join(dupes)}")
    for i, t in enumerate(df["type"], start=1):
        if _clean(t) and _clean(t).lower() not in TYPES:
            problems.append(f"row {i}: type {t!r} is not one of {', '.join(TYPES)}")
    return problems


def save_registry(df: pd.DataFrame, path: str | Path | None = None) -> Path:
    """Write the team copy (or `path`); raises ValueError listing the problems."""
    problems = validate(df)
    if problems:
        raise ValueError("; ".join(problems))
    target = Path(path) if path else team_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    clean = df[COLUMNS].map(_clean)
    clean = clean[clean["name"] != ""]
    buf = io.StringIO()
    clean.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(target)  # never a half-written registry
    return target


# --------------------------------------------------------------------------- matching


def _host(value: str) -> str:
    """Host (and path, for services under a path such as bbc.com/arabic) without scheme,
    "www." or a trailing slash, lower-cased."""
    v = value.strip().lower()
    if not v:
        return ""
    parts = urlsplit(v if "//" in v else "//" + v)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path


def _name_key(name: str) -> str:
    text = normalize(name).casefold()
    text = re.sub(r"[\"'«»()\[\].,\-_]", " ", text)
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return text


class Registry:
    """Lookups over the registry: by domain (suffix match) and by name or variant."""

    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._by_name: dict[str, Outlet] = {}
        for o in outlets:
            for n in (o.name, *o.name_variants):
                self._by_name.setdefault(_name_key(n), o)
        # Longest domains first: "aa.com.tr/ar" before "aa.com.tr".
        self._domains = sorted((o for o in outlets if o.domain), key=lambda o: -len(o.domain))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        return cls(load_registry(path))

    def by_domain(self, domain_or_url: str | None) -> Outlet | None:
        where = _host(domain_or_url or "")
        if not where:
            return None
        host = where.split("/", 1)[0]
        for o in self._domains:
            if "/" in o.domain:
                if where == o.domain or where.startswith(o.domain + "/"):
                    return o
            elif host == o.domain or host.endswith("." + o.domain):
                return o
        return None

    def by_name(self, name: str | None) -> Outlet | None:
        return self._by_name.get(_name_key(name or "")) if name else None

    def match(
        self, outlet: str | None, domain: str | None = None, url: str | None = None
    ) -> Outlet | None:
        """The registry entry for an article's outlet: URL, then domain, then name."""
        return self.by_domain(url) or self.by_domain(domain) or self.by_name(outlet)


def match_outlet(
    outlet: str | None,
    domain: str | None = None,
    url: str | None = None,
    registry: Registry | None = None,
) -> Outlet | None:
    return (registry or Registry.load()).match(outlet, domain, url)


def attributes(outlet: str | None, domain: str | None = None, registry: Registry | None = None):
    """{country, region, type, language, registry_name} of an outlet (UNKNOWN when missing)."""
    o = match_outlet(outlet, domain, registry=registry)
    return {
        "registry_name": o.name if o else None,
        "country": (o.country if o and o.country else UNKNOWN),
        "region": (o.region if o and o.region else UNKNOWN),
        "type": (o.type if o and o.type else UNKNOWN),
        "language": (o.language if o and o.language else UNKNOWN),
    }


# --------------------------------------------------------------------------- store


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _outlet_rows(store: Store, registry: Registry) -> list[tuple]:
    """One attributes row per outlet name in the store. An outlet the registry does not
    know keeps the country its articles carry (from the manifest), if they agree."""
    rows = []
    for outlet, domain, url, countries in store.execute(
        """SELECT outlet, MIN(outlet_domain), MIN(url),
                  STRING_AGG(DISTINCT COALESCE(country, ''), '|')
           FROM articles GROUP BY outlet ORDER BY outlet"""
    ):
        o = registry.match(outlet, domain, url)
        known = {c for c in (countries or "").split("|") if c}
        country = o.country if o and o.country else (known.pop().upper() if len(known) == 1 else "")
        rows.append(
            (
                outlet,
                o.name if o else None,
                country or UNKNOWN,
                (o.region if o and o.region else UNKNOWN),
                (o.type if o and o.type else UNKNOWN),
            )
        )
    return rows


def sync(store: Store, path: str | Path | None = None) -> bool:
    """Copy the registry into the store and (re)derive each stored outlet's attributes.

    Returns True when anything changed (cached page data is then invalidated through the
    data version).
    """
    src = registry_path(path)
    registry = Registry.load(src)
    wanted = _outlet_rows(store, registry)
    current = sorted(
        tuple(r)
        for r in store.execute(
            "SELECT outlet, registry_name, country, region, type FROM outlet_attributes"
        )
    )
    digest = _file_hash(src)
    stored = store.execute("SELECT value FROM meta WHERE key = ?", [_HASH_KEY])
    same_file = bool(stored) and stored[0][0] == digest
    if same_file and sorted(wanted) == current:
        return False
    with store.backend.transaction() as cur:
        cur.execute("DELETE FROM outlet_registry")
        reg_rows = [
            (
                o.name,
                ";".join(o.name_variants),
                o.domain,
                o.country,
                o.region,
                o.language,
                o.type,
                o.note,
            )
            for o in {o.name: o for o in registry.outlets}.values()
        ]
        if reg_rows:
            cur.executemany(
                store._sql("INSERT INTO outlet_registry VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), reg_rows
            )
        cur.execute("DELETE FROM outlet_attributes")
        if wanted:
            cur.executemany(
                store._sql("INSERT INTO outlet_attributes VALUES (?, ?, ?, ?, ?)"), wanted
            )
        cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [_HASH_KEY])
        cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [_HASH_KEY, digest])
        store._bump_version(cur)
    return True


def ensure_synced(store: Store, path: str | Path | None = None) -> bool:
    """sync() only when an outlet is missing from the attributes or the file changed:
    cheap enough to call on every page run."""
    src = registry_path(path)
    stored = store.execute("SELECT value FROM meta WHERE key = ?", [_HASH_KEY])
    missing = store.execute(
        "SELECT COUNT(DISTINCT outlet) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM outlet_attributes o WHERE o.outlet = a.outlet)"
    )[0][0]
    if stored and stored[0][0] == _file_hash(src) and not missing:
        return False
    return sync(store, src)


def attribute_values(store: Store) -> dict[str, list[str]]:
    """The values present in the store, per attribute (for the sidebar choices)."""
    out = {}
    for col in ATTRIBUTES:
        rows = store.execute(f"SELECT DISTINCT {col} FROM outlet_attributes ORDER BY {col}")
        out[col] = [r[0] for r in rows if r[0]]
    return out
