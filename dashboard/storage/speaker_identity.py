"""The speaker identity kept in the store and extended per ingest round (issue 17).

`identity.identify()` groups every speaker spelling of a store into people. At 100,000
articles (124,299 distinct spelling rows) that took a minute on a page's first load. The
store keeps its result instead, and each ingest round extends it in the round's own
transaction (a failed round leaves nothing behind):

* speaker_rows   identify()'s input rows as last seen; a diff against the quotes names the
                 spellings that changed (new, or more statements);
* speaker_names  per spelling: what identify() derives from its rows (title-stripped
                 tokens, key, alias-file nodes) and its person (display name, kind, side);
* speaker_keys, speaker_key_index  the person keys and the lookup keys their candidate
                 pairs go through (the index identify() builds in memory);
* speaker_links  the related candidate pairs of keys (`identity.relations`): a function of
                 two keys' tokens, so a round aligns only its new keys against the index.

A round regroups a *region* with identify()'s own grouping (`identity.group`, from the
stored tokens and links: no tokenising or alignment of stored names): the people of the
spellings it quoted (their counts changed: display name, kind, side), and for a new
spelling (or one whose key or side changed) also the people of every spelling related to
it (the same key, a related pair of keys, one alias-file row). People are taken whole. A
shorter form in the region whose longer forms are held by people outside it counts those
people as fits (`group(outside=...)`), so a bare surname does not join the one person of
the region while others outside fit too. What lies outside the region is assumed
unchanged: a round's effect two relations away (a person it changed that changes whether
another shorter form fits) is not followed, nor the order of merges among stored
spellings. docs/performance.md ("Speaker identity in the store") gives the agreement with
whole-store identify() measured on the 100,000-article bench store; the tests assert
equality on the test corpora. A deletion (a spelling with fewer statements than stored)
rebuilds the whole, as does a change of the alias file or of the identity code and title
lexicons (`signature()`); `python -m dashboard identity --rebuild` rebuilds on demand.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from dashboard.analysis import identity as idn

log = logging.getLogger(__name__)

VERSION_KEY = "speaker_identity_version"  # the data_version the table was brought to
SIGNATURE_KEY = "speaker_identity_signature"
_LOCK = 727030  # pg_advisory_xact_lock: one update at a time per PostgreSQL database
TABLES = ("speaker_rows", "speaker_names", "speaker_keys", "speaker_key_index", "speaker_links")
_NAME_COLS = (
    "speaker, n, kind, role, side, toks, plain, person, kinds, key, anode, anode2, "
    "canonical, by_alias, person_kind, person_side"
)


# identify()'s input rows, NULLs read as '' (as identify() reads them).
def _current_rows(where: str = "") -> str:
    return f"""SELECT COALESCE(speaker, '') AS speaker, COALESCE(speaker_kind, '') AS kind,
                      COALESCE(role, '') AS role, COALESCE(affiliation, '') AS aff,
                      COUNT(*) AS c
               FROM quotes {where} GROUP BY 1, 2, 3, 4"""


# ----------------------------------------------------------------------------- signature
@cache
def _code_digest() -> str:
    analysis = Path(idn.__file__).resolve().parent
    files = [Path(idn.__file__).resolve(), Path(__file__).resolve()]
    for name in ("speaker_honorifics.txt", "speaker_roles.txt", "affiliations.txt"):
        files += sorted((analysis / "languages").rglob(name))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def signature(aliases_file: Path | str | None = None) -> str:
    """What the stored identity depends on besides the quotes: this code, identity.py, the
    title lexicons and the alias file's content (not its path: the same file read from
    another checkout or working folder gives the same identity, and a 100k store's rebuild
    takes minutes)."""
    path = Path(aliases_file) if aliases_file else idn.aliases_path()
    try:
        content = path.read_bytes()
    except OSError:
        content = b""
    digest = hashlib.sha256(content).hexdigest()[:16]
    return f"{_code_digest()}:{digest}"


# ----------------------------------------------------------------------------- helpers
def data_version(cur, store) -> str:
    """The store's data version as read in the caller's transaction."""
    return _meta(cur, store, "data_version") or "0"


def _meta(cur, store, key: str) -> str | None:
    cur.execute(store._sql("SELECT value FROM meta WHERE key = ?"), [key])
    rows = cur.fetchall()
    return str(rows[0][0]) if rows else None


def _set_meta(cur, store, key: str, value: str) -> None:
    cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [key])
    cur.execute(store._sql("INSERT INTO meta(key, value) VALUES (?, ?)"), [key, value])


def _work(cur, store, items: Iterable[str]) -> None:
    """Fill speaker_work with `items` (the IN list of the next statements)."""
    cur.execute("DELETE FROM speaker_work")
    values = [(str(x),) for x in dict.fromkeys(items)]
    if values:
        store._bulk_insert(cur, "speaker_work", values)


def _alias_nodes(aliases: list[idn.Alias]) -> dict[str, str]:
    """Plain key -> alias node: the keys one row of the alias file ties together (merge or
    split, with its display name), joined transitively. A region that holds a spelling on
    a node holds every spelling on it, so it sees every alias row that concerns it."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for al in aliases:
        v = idn.plain_key(al.variant)
        if not v:
            continue
        find(v)
        c = idn.plain_key(al.canonical) if al.canonical else ""
        if c:
            a, b = find(v), find(c)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {k: "a:" + find(k) for k in parent}


def _nodes_of(n: idn._Name, nodes: dict[str, str]) -> tuple[str | None, str | None]:
    stripped = "".join(n.toks)
    first = nodes.get(n.plain) if n.plain else None
    second = nodes.get(stripped) if stripped and stripped != n.plain else None
    return first, second


# A round checks thousands of stored candidates' lookup keys; the same keys come back
# round after round (pure functions of the tokens).
@lru_cache(maxsize=1 << 17)
def _singles(toks: tuple[str, ...]) -> frozenset[str]:
    return frozenset(idn.level_b(t) or t for t in toks)


@lru_cache(maxsize=1 << 17)
def _lookup_keys(toks: tuple[str, ...]) -> frozenset[str]:
    return frozenset(idn._index_keys(toks))


def _index_rows(n: idn._Name) -> list[tuple]:
    singles = _singles(n.toks)
    return [(k, n.key, k in singles) for k in sorted(_lookup_keys(n.toks))]


def _rarest(singles: set[str], counts: dict[str, int]) -> str:
    return min(singles, key=lambda k: (counts.get(k, 0), k))


def _name_from_row(row: tuple) -> idn._Name:
    raw, n, kind, role, side, toks, plain, person, kinds = row[:9]
    return idn._Name(
        str(raw),
        int(n),
        str(kind),
        str(role),
        tuple(str(toks).split()),
        bool(person),
        str(side),
        Counter(json.loads(kinds)),
        str(plain),
    )


def _name_row(n: idn._Name, anodes, ident: idn.Identity) -> tuple:
    canon = ident.mapping.get(n.raw, n.raw)
    return (
        n.raw,
        n.count,
        n.kind,
        n.role,
        n.side,
        " ".join(n.toks),
        n.plain,
        n.person,
        json.dumps(dict(n.kinds), ensure_ascii=False),
        n.key,
        anodes[0],
        anodes[1],
        canon,
        n.raw in ident.by_alias,
        ident.kinds.get(canon, "other"),
        ident.sides.get(canon, ""),
    )


# ----------------------------------------------------------------------------- rebuild
def rebuild(store, cur, aliases: list[idn.Alias], sig: str) -> int:
    """The whole table from the quotes (what identify() computes, kept). Spellings."""
    started = time.monotonic()
    log.warning(
        "speaker identity: grouping every speaker spelling of the store once "
        "(older store, deleted articles or a changed alias file); later rounds extend it"
    )
    cur.execute(_current_rows())
    rows = [(str(s), str(k), str(r), int(c), str(a)) for s, k, r, a, c in cur.fetchall()]
    names = idn._names(rows)
    related = idn.relations(names)
    ident = idn.group(names, related, aliases)
    nodes = _alias_nodes(aliases)
    name_rows = [_name_row(n, _nodes_of(n, nodes), ident) for n in names]
    reps: dict[str, idn._Name] = {}
    for n in names:
        if n.person:
            reps.setdefault(n.key, n)
    index = [row for n in reps.values() for row in _index_rows(n)]
    counts = Counter(row[0] for row in index)
    keys = {k: (k, " ".join(n.toks), _rarest(_singles(n.toks), counts)) for k, n in reps.items()}
    for table in (*TABLES, "speaker_work"):
        cur.execute(f"DELETE FROM {table}")
    for table, values in (
        ("speaker_rows", [(s, k, r, a, c) for s, k, r, c, a in rows]),
        ("speaker_names", name_rows),
        ("speaker_keys", list(keys.values())),
        ("speaker_key_index", index),
        ("speaker_links", [(a, b, r[0], r[1]) for (a, b), r in related.items()]),
    ):
        if values:
            store._bulk_insert(cur, table, values)
    _set_meta(cur, store, SIGNATURE_KEY, sig)
    log.warning(
        "speaker identity: %d spellings grouped into %d people in %.1f s",
        len(names),
        len(set(ident.mapping.values())),
        time.monotonic() - started,
    )
    return len(names)


# ----------------------------------------------------------------------------- per round
def _changed(store, cur, articles: list[str] | None = None) -> tuple[list[tuple], bool, set[str]]:
    """The current rows of the spellings whose rows differ from speaker_rows, whether any
    lost statements (a deletion), and those spellings. With `articles` (a round's, when
    the table was current before it) only the spellings those articles quote are compared,
    not every spelling of the store."""
    only = where = ""
    if articles is not None:
        _work(cur, store, articles)
        cur.execute(
            """SELECT DISTINCT COALESCE(q.speaker, '') FROM quotes q
               JOIN speaker_work w ON w.item = q.article_id"""
        )
        _work(cur, store, [str(s) for (s,) in cur.fetchall()])
        only = " WHERE speaker IN (SELECT item FROM speaker_work)"
        where = "WHERE COALESCE(speaker, '') IN (SELECT item FROM speaker_work)"
    current = _current_rows(where)
    cur.execute(
        f"""WITH n AS ({current}),
            o AS (SELECT * FROM speaker_rows{only}),
            d AS (SELECT COALESCE(n.speaker, o.speaker) AS speaker,
                         MAX(CASE WHEN o.n > COALESCE(n.c, 0) THEN 1 ELSE 0 END) AS lost
                  FROM n FULL OUTER JOIN o
                    ON n.speaker = o.speaker AND n.kind = o.speaker_kind
                   AND n.role = o.role AND n.aff = o.affiliation
                  WHERE o.n IS NULL OR n.c IS NULL OR o.n <> n.c
                  GROUP BY 1)
            SELECT d.speaker, d.lost, n.kind, n.role, n.c, n.aff
            FROM d LEFT JOIN n ON n.speaker = d.speaker"""
    )
    rows, lost, spellings = [], False, set()
    for speaker, gone, kind, role, c, aff in cur.fetchall():
        spellings.add(str(speaker))
        lost = lost or bool(gone)
        if c is not None:
            rows.append((str(speaker), str(kind), str(role), int(c), str(aff)))
    return rows, lost, spellings


def _new_links(store, cur, new: dict[str, idn._Name]) -> dict[tuple[str, str], tuple[str, int]]:
    """Store the new person keys (index rows, then the key with its probe) and return the
    related candidate pairs between them and every stored key, new ones included. A pair
    is a candidate as in identify(): one key's single tokens all among the other's lookup
    keys. Looked up as identify() does, through a rare token: the stored keys holding the
    new key's rarest single token, and the stored keys whose probe is one of the new
    key's lookup keys (a key whose singles are all among them has its probe there)."""
    if not new:
        return {}
    index = [row for n in new.values() for row in _index_rows(n)]
    store._bulk_insert(cur, "speaker_key_index", index)
    singles = {k: _singles(n.toks) for k, n in new.items()}
    lookup = {k: _lookup_keys(n.toks) for k, n in new.items()}
    _work(cur, store, {s for v in singles.values() for s in v})
    cur.execute(
        """SELECT i.ikey, COUNT(*) FROM speaker_key_index i
           JOIN speaker_work w ON w.item = i.ikey GROUP BY i.ikey"""
    )
    counts = {str(k): int(c) for k, c in cur.fetchall()}
    rarest = {k: _rarest(v, counts) for k, v in singles.items()}
    store._bulk_insert(
        cur, "speaker_keys", [(k, " ".join(n.toks), rarest[k]) for k, n in new.items()]
    )
    _work(cur, store, set(rarest.values()))
    cur.execute(
        "SELECT i.ikey, i.key FROM speaker_key_index i JOIN speaker_work w ON w.item = i.ikey"
    )
    holding: dict[str, set[str]] = {}
    for ikey, key in cur.fetchall():
        holding.setdefault(str(ikey), set()).add(str(key))
    _work(cur, store, {x for v in lookup.values() for x in v})
    cur.execute("SELECT k.probe, k.key FROM speaker_keys k JOIN speaker_work w ON w.item = k.probe")
    probed: dict[str, set[str]] = {}
    for probe, key in cur.fetchall():
        probed.setdefault(str(probe), set()).add(str(key))
    candidates: dict[str, set[str]] = {}
    for k in new:
        found = set(holding.get(rarest[k], ()))
        for x in lookup[k]:
            found |= probed.get(x, set())
        found.discard(k)
        candidates[k] = found
    others = {o for v in candidates.values() for o in v}
    _work(cur, store, others)
    cur.execute("SELECT k.key, k.toks FROM speaker_keys k JOIN speaker_work w ON w.item = k.key")
    toks = {str(k): tuple(str(t).split()) for k, t in cur.fetchall()}
    toks.update({k: n.toks for k, n in new.items()})
    out = {}
    for k, found in candidates.items():
        for o in found:
            a, b = min(k, o), max(k, o)
            if (a, b) in out or o not in toks:
                continue
            so, lo = _singles(toks[o]), _lookup_keys(toks[o])
            if not (singles[k] <= lo or so <= lookup[k]):
                continue
            r = idn.relation(toks[a], toks[b])
            if r is not None:
                out[(a, b)] = r
    return out


def extend(store, cur, aliases: list[idn.Alias], articles: list[str] | None = None) -> int:
    """Bring the stored identity up to the quotes, changed spellings only (those quoted
    by `articles` when given). Returns the spellings regrouped; -1 when a deletion calls
    for `rebuild()`."""
    rows, lost, spellings = _changed(store, cur, articles)
    if lost:
        return -1
    if not spellings:
        return 0
    names = [n for n in idn._names(rows) if n.raw in spellings]
    nodes = _alias_nodes(aliases)
    anodes = {n.raw: _nodes_of(n, nodes) for n in names}
    # The stored rows of these spellings, and the person keys not stored yet.
    _work(cur, store, spellings)
    cur.execute(
        """SELECT s.speaker, s.key, s.side, s.canonical FROM speaker_names s
           JOIN speaker_work w ON w.item = s.speaker"""
    )
    old = {str(r[0]): (str(r[1]), str(r[2]), str(r[3])) for r in cur.fetchall()}
    person_keys = {n.key: n for n in names if n.person}
    _work(cur, store, person_keys)
    cur.execute("SELECT k.key FROM speaker_keys k JOIN speaker_work w ON w.item = k.key")
    stored_keys = {str(k) for (k,) in cur.fetchall()}
    new_keys = {k: n for k, n in sorted(person_keys.items()) if k not in stored_keys}
    links = _new_links(store, cur, new_keys)
    if links:
        store._bulk_insert(
            cur, "speaker_links", [(a, b, r[0], r[1]) for (a, b), r in links.items()]
        )

    # The region: the people of the changed spellings; for a new spelling (or a new key or
    # side) also the people of the spellings related to it.
    people = {o[2] for o in old.values()}
    moved = [n for n in names if old.get(n.raw, ("", "", ""))[:2] != (n.key, n.side)]
    keys = {n.key for n in moved}
    if keys:
        _work(cur, store, keys)
        cur.execute(
            """SELECT l.key_a, l.key_b FROM speaker_links l JOIN speaker_work w ON w.item = l.key_a
               UNION
               SELECT l.key_a, l.key_b FROM speaker_links l JOIN speaker_work w ON w.item = l.key_b"""
        )
        for a, b in cur.fetchall():
            keys.update((str(a), str(b)))
    alias_nodes = {x for n in names for x in anodes[n.raw] if x}
    if keys or alias_nodes:
        _work(cur, store, [*keys, *alias_nodes])
        cur.execute(
            """SELECT DISTINCT s.canonical FROM speaker_names s
               WHERE s.key IN (SELECT item FROM speaker_work)
                  OR s.anode IN (SELECT item FROM speaker_work)
                  OR s.anode2 IN (SELECT item FROM speaker_work)"""
        )
        people.update(str(c) for (c,) in cur.fetchall())
    _work(cur, store, people)
    cur.execute(
        f"""SELECT {_NAME_COLS} FROM speaker_names
            WHERE canonical IN (SELECT item FROM speaker_work)"""
    )
    stored = {str(r[0]): r for r in cur.fetchall() if str(r[0]) not in spellings}
    region = [_name_from_row(r) for r in stored.values()] + names
    region.sort(key=lambda n: n.raw)
    region_keys = {n.key for n in region if n.person}
    _work(cur, store, region_keys)
    cur.execute(
        """SELECT l.key_a, l.key_b, l.rel, l.k FROM speaker_links l
           JOIN speaker_work w ON w.item = l.key_a
           UNION ALL
           SELECT l.key_a, l.key_b, l.rel, l.k FROM speaker_links l
           JOIN speaker_work w ON w.item = l.key_b
           WHERE NOT EXISTS (SELECT 1 FROM speaker_work x WHERE x.item = l.key_a)"""
    )
    related: dict[tuple[str, str], tuple[str, int]] = {}
    longer_outside: dict[str, set[str]] = {}  # region key -> longer forms' keys outside
    for a, b, r, k in cur.fetchall():
        a, b, r, k = str(a), str(b), str(r), int(k)
        if a in region_keys and b in region_keys:
            related[(a, b)] = (r, k)
        elif r == idn.SHORTER:
            short, long_ = (a, b) if k == 0 else (b, a)
            if short in region_keys:
                longer_outside.setdefault(short, set()).add(long_)
    outside: dict[str, set[str]] = {}
    if longer_outside:
        _work(cur, store, {k for v in longer_outside.values() for k in v})
        cur.execute(
            """SELECT s.key, s.speaker, s.canonical FROM speaker_names s
               JOIN speaker_work w ON w.item = s.key WHERE s.person"""
        )
        rep: dict[str, tuple[str, str]] = {}
        for key, raw, canon in cur.fetchall():
            if str(key) not in rep or str(raw) < rep[str(key)][0]:
                rep[str(key)] = (str(raw), str(canon))
        for short, longs in longer_outside.items():
            found = {rep[k][1] for k in longs if k in rep}
            if found:
                outside[short] = found
    ident = idn.group(region, related, aliases, outside)

    out = []
    for n in region:
        if n.raw in spellings:
            out.append(_name_row(n, anodes[n.raw], ident))
            continue
        r = stored[n.raw]
        row = _name_row(n, (r[10], r[11]), ident)
        if row[12:] != tuple(r[12:]):
            out.append(row)
    _work(cur, store, [*spellings, *(r[0] for r in out)])
    cur.execute("DELETE FROM speaker_names WHERE speaker IN (SELECT item FROM speaker_work)")
    if out:
        store._bulk_insert(cur, "speaker_names", out)
    _work(cur, store, spellings)
    cur.execute("DELETE FROM speaker_rows WHERE speaker IN (SELECT item FROM speaker_work)")
    store._bulk_insert(cur, "speaker_rows", [(s, k, r, a, c) for s, k, r, c, a in rows])
    cur.execute("DELETE FROM speaker_work")
    return len(region)


def update(
    store,
    cur,
    aliases_file: Path | str | None = None,
    articles: list[str] | None = None,
    since: str | None = None,
) -> int:
    """Bring the stored identity to the store's quotes inside the caller's transaction:
    extended by the changed spellings, or rebuilt (first time, a deletion, a changed
    alias file or identity code). Returns the spellings (re)grouped.

    `articles` and `since` (an ingest round: its article ids and the data version before
    it): when the table was at that version, only the spellings of those articles are
    compared with it."""
    if store.backend.name == "postgresql":
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
    path = Path(aliases_file) if aliases_file else idn.aliases_path()
    sig = signature(path)
    aliases = idn.load_aliases(path)
    if _meta(cur, store, SIGNATURE_KEY) != sig:
        done = rebuild(store, cur, aliases, sig)
    else:
        if articles is not None and (since is None or _meta(cur, store, VERSION_KEY) != since):
            articles = None  # something else was written since: compare every spelling
        done = extend(store, cur, aliases, articles)
        if done < 0:
            done = rebuild(store, cur, aliases, sig)
    _set_meta(cur, store, VERSION_KEY, _meta(cur, store, "data_version") or "0")
    return done


def is_current(store, aliases_file: Path | str | None = None) -> bool:
    """The stored identity is at the store's data version, made with this code and alias
    file (one small query)."""
    rows = store.execute(
        "SELECT key, value FROM meta WHERE key IN (?, ?, ?)",
        ["data_version", VERSION_KEY, SIGNATURE_KEY],
    )
    meta = {str(k): str(v) for k, v in rows}
    return meta.get(VERSION_KEY) == meta.get("data_version", "0") and meta.get(
        SIGNATURE_KEY
    ) == signature(aliases_file)


def load(store) -> idn.Identity:
    """The stored identity as identity.Identity (one query)."""
    ident = idn.Identity()
    rows = store.execute(
        "SELECT speaker, canonical, n, by_alias, person_kind, person_side FROM speaker_names"
    )
    for raw, canon, n, by_alias, kind, side in rows:
        ident.mapping[raw] = canon
        ident.counts[raw] = int(n)
        if by_alias:
            ident.by_alias.add(raw)
        ident.kinds[canon] = kind
        ident.sides[canon] = side
    return ident


def ensure(store, aliases_file: Path | str | None = None) -> idn.Identity:
    """The stored identity, brought up to date first when it is not (a page's first load
    after a write that did not extend it, an older store, a changed alias file)."""
    if not is_current(store, aliases_file):
        with store.backend.transaction() as cur:
            update(store, cur, aliases_file)
    return load(store)
