"""One person, one row: which speaker-name spellings in a store belong to the same person.

Articles spell the same person differently: foreign names are transliterated with
different letters (غ/ج/ك/ق for g, vowel letters added or left out, «جونغ أون» or
«جونغأون»), ى/ي, ة/ه and hamza forms vary, a first name or a title is present or not,
English names differ in case and accents. `canonical_map()` groups the distinct speaker
names of a store and picks one display name per group. The rules are general (letter
classes, token alignment); there is no list of people here.

Two levels of token equality:
- orthographic (level A): the same letters after normalisation (alef/hamza forms, ى/ي, ة/ه,
  diacritics, doubled letters, case and accents). Always safe.
- transliteration (level B): level A, then the g-letters as one class and internal vowel
  letters dropped (a consonant skeleton that keeps the first and last letter). Used only for
  tokens without the Arabic article (ال-names are Arabic words, not transliterations), and
  for the first token of a short name only when both spellings are long: «جمال»/«كمال» are
  two Arabic names, «غيورغي»/«جورجي» one transliterated name.

Safeguards: every token of both names must align (in order; one token may equal two
joined tokens), so two people sharing a surname stay apart when their first names differ;
a shorter form (bare surname, name without first or middle name) joins a longer name only
when exactly one person in the store fits; groups are merged only when every pair of
spellings across them is compatible, so chains of near-matches do not snowball.

The researcher-editable alias file (dashboard/lexicons/speaker_aliases.csv, path settable
with DASHBOARD_SPEAKER_ALIASES) overrides the rules: `merge` joins a spelling to a person
(and names the group), `split` keeps a spelling apart from a person or from everybody.
A row may list several spellings of one person in its variant column, separated by `|`
(«Vladimir Putin | Путин | بوتين | 푸틴»): the packaged file is such a cross-script gazetteer
of heads of state and government, foreign ministers and news agencies, one row per person.
Those spellings are joined to each other (and to the display name where an article uses it)
only where no split row forbids it.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from dashboard.analysis.languages import all_fields
from dashboard.analysis.textproc import TOKEN_RE, normalize
from dashboard.config import LEXICON_DIR

log = logging.getLogger(__name__)

ALIASES_FILE = "speaker_aliases.csv"
ALIASES_ENV = "DASHBOARD_SPEAKER_ALIASES"
ACTIONS = ("merge", "split")
# Separates the spellings of one person in the variant column (one row per person).
VARIANT_SEP = "|"
# Kinds that name bodies or unnamed groups: matched only by identical spelling, since
# «وزارة الخارجية» and «الخارجية» or «مصادر» and «مصادر دبلوماسية» are not one voice.
NON_PERSON_KINDS = frozenset({"state", "organisation", "anonymous"})

_G_CLASS = str.maketrans({"غ": "ج", "ك": "ج", "ق": "ج", "گ": "ج", "ڭ": "ج", "ڨ": "ج"})
_AR_EXTRA = str.maketrans({"ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز"})
_AR_VOWELS = "اويء"
_LATIN_VOWELS = "aeiouy"
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Shorter than this, a transliteration-level match of a given name is not trusted.
_MIN_LOOSE_FIRST = 5
_MIN_SINGLE = 3


# ----------------------------------------------------------------------------- tokens
def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _latin_a(token: str) -> str:
    t = unicodedata.normalize("NFKD", token)
    # NFC again: Hangul syllables decompose into jamo under NFKD and must be put back
    # together (else a Korean name has no letters TOKEN_RE reads, and an empty key).
    t = unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))
    return _collapse(t.lower().replace("'", "").replace("’", ""))


def level_a(token: str) -> str:
    """Orthographic matching form of one token."""
    if _ARABIC.search(token):
        return _collapse(normalize(token).translate(_AR_EXTRA))
    return _latin_a(token)


@lru_cache(maxsize=100_000)
def level_b(a_form: str) -> str | None:
    """Transliteration matching form of a level-A token; None when only level A applies."""
    if not a_form:
        return None
    if _ARABIC.search(a_form):
        if a_form.startswith("ال"):
            return None
        s = a_form.translate(_G_CLASS).replace("ء", "")
        vowels = _AR_VOWELS
    else:
        s = a_form.replace("ou", "u").replace("ph", "f")
        s = "al" if s == "el" else s
        vowels = _LATIN_VOWELS
    if len(s) <= 2:
        return _collapse(s)
    return _collapse(s[0] + "".join(c for c in s[1:-1] if c not in vowels) + s[-1])


_LATIN_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def _fold_marks(text: str) -> str:
    """Accents, harakat and hamza seats off (é→e, أ→ا), so tokens are plain letters."""
    t = unicodedata.normalize("NFKD", text.translate(_LATIN_FOLD))
    t = unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))
    return t.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")


def tokens(name: str) -> list[str]:
    """Level-A tokens of a name; hyphens split Latin compounds («Jong-un»)."""
    return list(_tokens(name or ""))


# Cached: a store's identity reads every distinct spelling, and its grouping asks for the
# same names' tokens again (plain keys, alias lookups); a pure function of the name.
@lru_cache(maxsize=1 << 18)
def _tokens(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for tok in TOKEN_RE.findall(_fold_marks(name)):
        for part in re.split(r"[-]", tok):
            a = level_a(part)
            if a and not a.isdigit():
                out.append(a)
    return tuple(out)


def plain_key(name: str) -> str:
    """Spacing-insensitive orthographic key of a whole name (alias matching, exact groups)."""
    return "".join(tokens(name))


# ----------------------------------------------------------------------------- titles
@cache
def _title_phrases() -> tuple[tuple[str, ...], ...]:
    """Honorifics and person roles that may precede a name, longest first.

    Arabic one-word roles are stripped only in their ال-form (الرئيس, الوزير): without the
    article a role word before a name is usually a construct («وزير الخارجية») or a given
    name («أمين»).
    """
    phrases: set[tuple[str, ...]] = set()
    for f in all_fields("speaker_honorifics.txt"):
        words = tuple(tokens(f[0]))
        if words:
            phrases.add(words)
    for f in all_fields("speaker_roles.txt"):
        if len(f) < 3 or f[2] != "person":
            continue
        words = tuple(tokens(f[0]))
        if not words:
            continue
        arabic = bool(_ARABIC.search(words[0]))
        if not arabic or len(words) > 1 or words[0].startswith("ال"):
            phrases.add(words)
        if arabic and not words[0].startswith("ال"):
            phrases.add(("ال" + words[0], *words[1:]))
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _side_adjectives() -> frozenset[str]:
    out = set()
    for f in all_fields("affiliations.txt"):
        if len(f) > 2 and f[2] == "adj":
            out.update(tokens(f[0]))
    return frozenset(out)


@cache
def _title_phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """`_title_phrases()` by their first word, longest first within each word."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for p in _title_phrases():
        out[p[0]].append(p)
    return {w: tuple(ps) for w, ps in out.items()}


def strip_titles(toks: Sequence[str]) -> list[str]:
    """Drop leading honorifics, person roles and side adjectives («الرئيس الروسي ...»)."""
    toks = list(toks)
    # Only the phrases opening with the name's first word can match (a scan of every
    # phrase per name was half of a 100,000-article store's speaker identity).
    by_first = _title_phrases_by_first()
    adjectives = _side_adjectives()
    changed = True
    while toks and changed:
        changed = False
        for p in by_first.get(toks[0], ()):
            if tuple(toks[: len(p)]) == p:
                toks = toks[len(p) :]
                changed = True
                break
        else:
            if toks[0] in adjectives:
                toks = toks[1:]
                changed = True
    return toks


# ----------------------------------------------------------------------------- alignment
@dataclass(frozen=True)
class _Match:
    short: str  # level-A text on the shorter side (joined when several tokens)
    long: str
    loose: bool  # matched at level B only


@dataclass(frozen=True)
class _Alignment:
    matches: tuple[_Match, ...]
    front: int  # tokens of the longer name skipped before the first match
    middle: int
    end: int

    @property
    def skips(self) -> int:
        return self.front + self.middle + self.end


_SPANS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1))


def _unit_level(x: str, y: str) -> int:
    """2: orthographic match, 1: transliteration match, 0: different."""
    if x == y:
        return 2
    bx, by = level_b(x), level_b(y)
    return 1 if bx is not None and bx == by else 0


def _align(a: tuple[str, ...], b: tuple[str, ...]) -> _Alignment | None:
    """Best monotone alignment consuming all of `a` into `b` (tokens of `b` may be skipped).

    Best = fewest skipped tokens, then most orthographic matches.
    """

    @cache
    def best(i: int, j: int, started: bool) -> tuple[tuple[int, int], tuple] | None:
        if i == len(a):
            rest = len(b) - j
            return (-rest, 0), (("end", rest),)
        if j == len(b):
            return None
        options = []
        skipped = best(i, j + 1, started)
        if skipped is not None:
            (neg, score), path = skipped
            options.append(((neg - 1, score), (("skip", started), *path)))
        for p, q in _SPANS:
            if i + p > len(a) or j + q > len(b):
                continue
            x, y = "".join(a[i : i + p]), "".join(b[j : j + q])
            level = _unit_level(x, y)
            if not level:
                continue
            rest = best(i + p, j + q, True)
            if rest is None:
                continue
            (neg, score), path = rest
            options.append(((neg, score + level), (("match", x, y, level == 1), *path)))
        return max(options, key=lambda o: o[0]) if options else None

    found = best(0, 0, False)
    if found is None:
        return None
    front = middle = end = 0
    matches = []
    for step in found[1]:
        if step[0] == "skip":
            if step[1]:
                middle += 1
            else:
                front += 1
        elif step[0] == "end":
            end = step[1]
        else:
            matches.append(_Match(step[1], step[2], step[3]))
    # Skips after the last match are counted by the base case as `end`, never as middle.
    return _Alignment(tuple(matches), front, middle, end)


def _loose_ok(al: _Alignment) -> bool:
    """Transliteration matches on a short name's first token need long spellings."""
    if len(al.matches) >= 3:
        return True
    first = al.matches[0]
    return not (first.loose and min(len(first.short), len(first.long)) < _MIN_LOOSE_FIRST)


EQUAL, SHORTER = "equal", "shorter"


def relation(x: Sequence[str], y: Sequence[str]) -> tuple[str, int] | None:
    """How two title-stripped token lists relate.

    ("equal", 0): the same name (all tokens align, none left over).
    ("shorter", k): name k (0 = x, 1 = y) is a shorter form of the other: a bare surname or
    given/family name (first or last token), the name without its first name(s) (a
    suffix), or without middle names (first and last tokens align).
    None: not the same person by spelling.
    """
    tx, ty = tuple(x), tuple(y)
    if not tx or not ty:
        return None
    found: list[tuple[int, _Alignment]] = []
    for k, (a, b) in enumerate(((tx, ty), (ty, tx))):
        al = _align(a, b)
        if al is not None and _loose_ok(al):
            found.append((k, al))
    if not found:
        return None
    for _k, al in found:
        if al.skips == 0:
            return (EQUAL, 0)
    k, al = min(found, key=lambda f: (f[1].skips, -len(f[1].matches)))
    short_len = len(tx if k == 0 else ty)
    single = len(al.matches) == 1 and short_len == 1
    if single and min(len(al.matches[0].short), len(al.matches[0].long)) < _MIN_SINGLE:
        return None
    if al.front and not al.middle and not al.end:
        return (SHORTER, k)  # first name(s) missing, or a bare surname
    if al.middle and not al.front and not al.end:
        return (SHORTER, k)  # middle name(s) missing
    if al.end and not al.front and not al.middle and single:
        return (SHORTER, k)  # a bare family name written first («كيم»), or given name
    return None


# ----------------------------------------------------------------------------- aliases
@dataclass(frozen=True)
class Alias:
    variant: str
    canonical: str
    action: str  # merge | split
    # One of several spellings on one row (the gazetteer's one row per person): its merge
    # respects the split rows instead of being forced.
    listed: bool = False


def aliases_path() -> Path:
    """The alias file: DASHBOARD_SPEAKER_ALIASES (config setting) or the packaged file."""
    value = ""
    try:
        from dashboard import config

        if "speaker_aliases" in config.SETTINGS:
            value = config.get("speaker_aliases")
        else:
            value = os.environ.get(ALIASES_ENV, "")
    except Exception:  # a broken config must not hide the packaged default
        value = os.environ.get(ALIASES_ENV, "")
    return Path(value) if value else LEXICON_DIR / ALIASES_FILE


def aliases_signature(path: Path | None = None) -> tuple[str, float, int]:
    """Changes when the alias file changes (cache key)."""
    p = Path(path) if path else aliases_path()
    try:
        st = p.stat()
        return (str(p), st.st_mtime, st.st_size)
    except OSError:
        return (str(p), 0.0, 0)


def load_aliases(path: Path | str | None = None) -> list[Alias]:
    """Rows of the alias CSV (header variant,canonical,action; `#` lines are comments).

    A missing file means no aliases. Rows with an unknown action or no variant are skipped.
    """
    p = Path(path) if path else aliases_path()
    if not p.is_file():
        return []
    text = p.read_text(encoding="utf-8-sig")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    out: list[Alias] = []
    for row in csv.DictReader(lines):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        action = (row.get("action") or "merge").lower()
        if action not in ACTIONS:
            continue
        # One row per person: «Путин | بوتين | 푸틴» lists all its spellings.
        variants = [v.strip() for v in row.get("variant", "").split(VARIANT_SEP) if v.strip()]
        for variant in variants:
            out.append(Alias(variant, row.get("canonical", ""), action, len(variants) > 1))
    return out


# ----------------------------------------------------------------------------- grouping
@dataclass(eq=False)  # hashed by identity: one object per distinct spelling
class _Name:
    raw: str
    count: int
    kind: str
    role: str
    toks: tuple[str, ...]  # title-stripped level-A tokens
    person: bool  # takes part in the spelling rules (not a body/group, not a bare title)
    side: str = ""  # most frequent stated affiliation
    kinds: Counter[str] = field(default_factory=Counter)
    plain: str = ""  # plain_key(raw): the untitled tokens joined (alias lookups)

    @cached_property
    def key(self) -> str:
        # Computed once: the grouping asks for it millions of times on a large store.
        return ("p:" if self.person else "x:") + "".join(self.toks)


@dataclass
class Identity:
    """The result: a display name per spelling, and the groups with more than one."""

    mapping: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    by_alias: set[str] = field(default_factory=set)  # spellings placed by the alias file
    kinds: dict[str, str] = field(default_factory=dict)  # canonical -> kind of voice
    sides: dict[str, str] = field(default_factory=dict)  # canonical -> stated side, or ""

    def canonical(self, name: str) -> str:
        return self.mapping.get(name, name)

    def groups(self) -> dict[str, list[str]]:
        """Canonical name -> its spellings (most quoted first), only where several merged."""
        out: dict[str, list[str]] = defaultdict(list)
        for raw, canon in self.mapping.items():
            out[canon].append(raw)
        return {
            c: sorted(v, key=lambda r: (-self.counts.get(r, 0), r))
            for c, v in sorted(out.items())
            if len(v) > 1 or (len(v) == 1 and v[0] != c)
        }


def _names(rows: Iterable[Sequence]) -> list[_Name]:
    """One _Name per distinct spelling, in spelling order (whatever order the rows came
    in: the representative of a spelling key is the first of its spellings)."""
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    read = []
    for row in rows:
        name = row[0]
        if name is None or not str(name).strip():
            continue
        kind = (row[1] if len(row) > 1 else "") or ""
        role = (row[2] if len(row) > 2 else "") or ""
        n = int(row[3]) if len(row) > 3 and row[3] is not None else 1
        side = (row[4] if len(row) > 4 else "") or ""
        read.append((str(name), str(kind), str(role), str(side), n))
    # In one order whatever order the database returned them in: a tie between two
    # kinds, roles or sides of a spelling goes to the first (most_common keeps it).
    read.sort()
    for name, kind, role, side, n in read:
        counts[name] += n
        kinds[name][kind] += n
        roles[name][role] += n
        if side:
            sides[name][side] += n
    out = []
    for name in sorted(counts):
        n = counts[name]
        kind = kinds[name].most_common(1)[0][0]
        toks = tokens(name)
        stripped = strip_titles(toks)
        title_only = not stripped or any(plain_key(r) == "".join(toks) for r in roles[name] if r)
        person = kind not in NON_PERSON_KINDS and not title_only
        role = roles[name].most_common(1)[0][0]
        side = sides[name].most_common(1)[0][0] if sides[name] else ""
        out.append(
            _Name(
                name,
                n,
                kind,
                role,
                tuple(stripped if person else toks),
                person,
                side,
                kinds[name],
                "".join(toks),
            )
        )
    return out


class _Groups:
    """Union-find over spellings with cannot-link constraints.

    Compatibility checks run over the distinct (spelling key, side) pairs of two groups, and
    the researcher's constraints over the few constrained spellings, so large groups of
    identical spellings stay cheap.
    """

    def __init__(self, names: list[_Name]):
        self.names = {n.raw: n for n in names}
        self.parent = {n.raw: n.raw for n in names}
        self.members = {n.raw: {n.raw} for n in names}
        self.reps = {n.raw: {(n.key, n.side): n} for n in names}
        self.cannot: set[frozenset[str]] = set()
        self.alone: set[str] = set()
        self._rel: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, int] | None] = {}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def rel(self, a: _Name, b: _Name) -> tuple[str, int] | None:
        key = (a.toks, b.toks)
        if key not in self._rel:
            self._rel[key] = relation(a.toks, b.toks)
        return self._rel[key]

    def _constrained(self, root: str) -> list[str]:
        flagged = self.alone | {x for pair in self.cannot for x in pair}
        return [m for m in self.members[root] if m in flagged]

    def allowed(self, ra: str, rb: str, check_spelling: bool) -> bool:
        if self.alone or self.cannot:
            for x in self._constrained(ra):
                for y in self.members[rb]:
                    if x in self.alone or frozenset((x, y)) in self.cannot:
                        return False
            for y in self._constrained(rb):
                for x in self.members[ra]:
                    if y in self.alone or frozenset((x, y)) in self.cannot:
                        return False
        if not check_spelling:
            return True
        for nx in self.reps[ra].values():
            for ny in self.reps[rb].values():
                if nx.key == ny.key:
                    continue
                if not nx.person or not ny.person or self.rel(nx, ny) is None:
                    return False
                # Similar spellings on two different sides are two people.
                if nx.side and ny.side and nx.side != ny.side:
                    return False
        return True

    def union(self, a: str, b: str, check: bool = True, check_spelling: bool = True) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if check and not self.allowed(ra, rb, check_spelling):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.reps[ra].update(self.reps.pop(rb))
        return True


def _index_keys(toks: tuple[str, ...]) -> set[str]:
    keys = set()
    for i, t in enumerate(toks):
        keys.add(level_b(t) or t)
        for j in (i + 2, i + 3):
            if j <= len(toks):
                joined = "".join(toks[i:j])
                keys.add(level_b(joined) or joined)
    return keys


def _candidate_pairs(names: list[_Name]) -> set[tuple[_Name, _Name]]:
    """Pairs worth aligning, one representative per distinct spelling key.

    Every token of the name consumed by an alignment must occur in the other name (alone
    or joined with a neighbour), so it is enough to look up the name's rarest token.
    """
    reps: dict[str, _Name] = {}
    for n in names:
        if n.person:
            reps.setdefault(n.key, n)
    index: dict[str, list[_Name]] = defaultdict(list)
    keys: dict[str, set[str]] = {}
    singles: dict[str, set[str]] = {}
    for n in reps.values():
        keys[n.key] = _index_keys(n.toks)
        singles[n.key] = {level_b(t) or t for t in n.toks}
        for k in keys[n.key]:
            index[k].append(n)
    pairs: set[tuple[_Name, _Name]] = set()
    for n in reps.values():
        rarest = min(singles[n.key], key=lambda k: (len(index.get(k, ())), k))
        for other in index.get(rarest, ()):
            if other.key == n.key:
                continue
            # Cheap necessary condition before the alignment: one name's tokens all occur
            # in the other.
            if singles[n.key] <= keys[other.key] or singles[other.key] <= keys[n.key]:
                pairs.add((n, other) if n.key < other.key else (other, n))
    return pairs


def relations(names: list[_Name]) -> dict[tuple[str, str], tuple[str, int]]:
    """The related candidate pairs of spelling keys: (key a, key b) with a < b -> relation
    of their representatives (a's tokens first). A function of the keys' tokens only, so
    a store keeps them (speaker_identity.py) and aligns only a round's new keys."""
    out: dict[tuple[str, str], tuple[str, int]] = {}
    for a, b in _candidate_pairs(names):
        r = relation(a.toks, b.toks)
        if r is not None:
            out[(a.key, b.key)] = r
    return out


def identify(rows: Iterable[Sequence], aliases: Iterable[Alias] | None = None) -> Identity:
    """Group speaker spellings: rows are (name, kind, role[, count[, affiliation]]) tuples."""
    names = _names(rows)
    return group(names, relations(names), aliases)


def group(
    names: list[_Name],
    related: dict[tuple[str, str], tuple[str, int]],
    aliases: Iterable[Alias] | None = None,
    outside: dict[str, set[str]] | None = None,
) -> Identity:
    """identify() from its spellings (`_names`, in spelling order) and the relations of
    their keys (`relations`; pairs of keys not among `names` are ignored).

    `outside`: for a part of a store (storage/speaker_identity.py), the people outside
    it that hold longer forms of a key's name (key -> their ids): a shorter form joins a
    person only when exactly one fits, counting those."""
    outside = outside or {}
    g = _Groups(names)
    by_plain: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_plain[n.plain].append(n.raw)
        stripped = "".join(n.toks)
        if stripped != n.plain:
            by_plain[stripped].append(n.raw)
    by_plain.pop("", None)  # a name in letters no rule reads is matched by nothing
    aliases = list(aliases if aliases is not None else load_aliases())
    named: dict[str, str] = {}  # group member -> display name from the alias file
    by_alias: set[str] = set()

    # Researcher's word first: merges are forced, splits constrain everything after.
    for al in aliases:
        variants = by_plain.get(plain_key(al.variant), [])
        targets = by_plain.get(plain_key(al.canonical), []) if al.canonical else []
        if al.action == "split":
            if not targets:
                g.alone.update(variants)
            for v in variants:
                for t in targets:
                    if v != t:
                        g.cannot.add(frozenset((v, t)))
            by_alias.update(variants)
    for al in aliases:
        if al.action != "merge":
            continue
        variants = by_plain.get(plain_key(al.variant), [])
        targets = by_plain.get(plain_key(al.canonical), []) if al.canonical else []
        split_off = g.alone | {x for pair in g.cannot for x in pair} if al.listed else set()
        for v in variants:
            for t in targets if not al.listed else ():
                g.union(v, t, check=False)
            if al.canonical and v not in split_off:
                named[v] = al.canonical
                by_alias.add(v)
        for t in targets:
            named.setdefault(t, al.canonical)
    # Spellings listed for one person (the cross-script rows: Putin / بوتين / Путин / 푸틴)
    # are one person even when the display name itself is in no article. Unlike a merge
    # into a stored spelling, this join respects the split rows: a researcher's split wins
    # over the packaged gazetteer.
    by_canonical: dict[str, list[str]] = defaultdict(list)
    for al in aliases:
        if al.action == "merge" and al.canonical and al.listed:
            key = plain_key(al.canonical)
            if key not in by_canonical:
                by_canonical[key].extend(by_plain.get(key, []))
            by_canonical[key].extend(by_plain.get(plain_key(al.variant), []))
    for members in by_canonical.values():
        for other in members[1:]:
            g.union(members[0], other, check=True, check_spelling=False)

    # Identical spellings up to orthography (and titles), then transliteration variants.
    by_key: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_key[n.key].append(n.raw)
    for members in by_key.values():
        for other in members[1:]:
            g.union(members[0], other, check_spelling=False)

    # One representative per person key: its first spelling (as _candidate_pairs).
    reps: dict[str, _Name] = {}
    for n in names:
        if n.person:
            reps.setdefault(n.key, n)
    pairs: dict[tuple[str, str], tuple[str, int]] = {}
    for (ka, kb), r in sorted(related.items()):
        a, b = reps.get(ka), reps.get(kb)
        if a is not None and b is not None:
            pairs[(a.raw, b.raw)] = r
    equal = [p for p, r in pairs.items() if r[0] == EQUAL]
    # Constrained spellings last: a split variant must not pull its person's other
    # spellings away from the person before they have joined.
    constrained = g.alone | {x for pair in g.cannot for x in pair}
    equal.sort(
        key=lambda p: (
            p[0] in constrained or p[1] in constrained,
            -g.names[p[0]].count - g.names[p[1]].count,
            p,
        )
    )
    for a, b in equal:
        g.union(a, b)

    # Shorter forms join a longer name only when exactly one group fits.
    candidates: dict[str, set[str]] = defaultdict(set)
    for (a, b), (kind, k) in pairs.items():
        if kind == SHORTER:
            short, long_ = (a, b) if k == 0 else (b, a)
            candidates[short].add(long_)
    order = sorted(candidates, key=lambda s: (-len(g.names[s].toks), -g.names[s].count, s))
    for short in order:
        own = g.find(short)
        groups = {g.find(x) for x in candidates[short]} - {own}
        if outside.get(g.names[short].key):
            continue  # a person outside fits too: two or more fit
        # A group that already holds a longer form of this name is a fit too.
        if len(groups) == 1 and not any(g.find(x) == own and x != short for x in candidates[short]):
            g.union(short, next(iter(groups)))

    ident = Identity(counts={n.raw: n.count for n in names}, by_alias=by_alias)
    for members in list(g.members.values()):
        canon = _display(g, members, named)
        ident.mapping.update(dict.fromkeys(members, canon))
        kinds: Counter[str] = Counter()
        sides: Counter[str] = Counter()
        # In a fixed order: a tie between two kinds (or sides) goes to the first counted,
        # which must not depend on the process's string hashing (the order of a set).
        for m in sorted(members):
            kinds.update(g.names[m].kinds)
            if g.names[m].side:
                sides[g.names[m].side] += g.names[m].count
        # "other" is the extractor's fallback: any more telling kind wins.
        telling = [k for k, _ in kinds.most_common() if k and k != "other"]
        ident.kinds[canon] = telling[0] if telling else "other"
        ident.sides[canon] = sides.most_common(1)[0][0] if sides else ""
    return ident


def _display(g: _Groups, members: set[str], named: dict[str, str]) -> str:
    for m in sorted(members, key=lambda r: (-g.names[r].count, r)):
        if named.get(m):
            return named[m]
    return min(
        members,
        key=lambda r: (
            len(g.names[r].toks) < 2,  # a full name over a bare surname
            -g.names[r].count,
            -len(g.names[r].toks),
            r,
        ),
    )


def canonical_map(
    names: Iterable[Sequence], aliases: Iterable[Alias] | None = None
) -> dict[str, str]:
    """Spelling -> display name of its person, for (name, kind, role[, count]) tuples.

    `aliases` defaults to the rows of the alias file (`aliases_path()`); pass [] for none.
    """
    return identify(names, aliases).mapping


# ----------------------------------------------------------------------------- per store
_CACHE: dict[tuple, Identity] = {}
_LOCK = threading.Lock()


def store_identity(store, aliases_file: Path | str | None = None) -> Identity:
    """The identity of every speaker spelling in a store (all articles, not filtered), so a
    person keeps one name whatever the filters. Cached per data version and alias file."""
    path = Path(aliases_file) if aliases_file else aliases_path()
    key = (store.url, store.data_version(), aliases_signature(path))
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None:
        return hit
    # Kept in the store and extended per ingest round (storage/speaker_identity.py);
    # brought up to date here when a write did not extend it.
    from dashboard.storage import speaker_identity

    try:
        ident = speaker_identity.ensure(store, path)
    except Exception:  # noqa: BLE001 - a store that cannot be written: group in memory
        log.exception("speaker identity: the stored table could not be updated")
        rows = store.execute(
            "SELECT speaker, speaker_kind, role, COUNT(*), affiliation FROM quotes "
            "GROUP BY speaker, speaker_kind, role, affiliation"
        )
        ident = identify(rows, load_aliases(path))
    with _LOCK:
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = ident
    return ident
