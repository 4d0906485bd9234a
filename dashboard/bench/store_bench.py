"""Where an ingest round's store + clustering time goes, and how it grows with the store.

    python -m dashboard.bench.store_bench --n 10000 [--pg URL] [--workdir DIR] [--profile]

Generates the bench corpus (benchgen, seed 1; --recombined: its former corpus), parses it once (cached as a pickle in the
work folder, so later runs replay the very same parsed articles), then stores it round by
round (ingest.CHUNK articles) the way `ingest_stream` does, with the parse replaced by the
cached results. Per round it reports the CPU seconds of this process (DuckDB's threads
included; psycopg's server work is not, so PostgreSQL figures are client CPU plus wall) for
each step: finding stored hashes, writing the articles, signing and clustering, and at the
end the aggregate refresh. The machine is shared: CPU seconds are the comparable figure.

Only benchmarks use this module.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    """Resident memory of this process now (Linux), MB."""
    from dashboard.bench.bench import _rss_mb as rss

    return rss()


class _Timer:
    """Accumulates CPU and wall seconds per named step (wrapping functions in place)."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}

    def wrap(self, owner: Any, attr: str, name: str) -> None:
        real = getattr(owner, attr)

        def timed(*a, **k):
            c, w = _cpu(), time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                self.cpu[name] = self.cpu.get(name, 0.0) + _cpu() - c
                self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w

        setattr(owner, attr, timed)

    def take(self) -> dict[str, float]:
        out = {k: round(v, 3) for k, v in self.cpu.items()}
        out.update({f"{k}_wall": round(v, 3) for k, v in self.wall.items()})
        self.cpu, self.wall = {}, {}
        return out


def parsed_rounds(
    n: int, workdir: Path, workers: int, recombined: bool = False
) -> tuple[Path, Path]:
    """(corpus folder, pickle of the parsed rounds), made once per work folder.
    `recombined`: benchgen's former corpus (distinct=False), to compare with old figures."""
    from dashboard.bench.benchgen import generate
    from dashboard.ingest import ingest
    from dashboard.ingest.readers import iter_path

    tag = "recombined_" if recombined else ""
    corpus = workdir / f"corpus_{tag}{n}"
    if not (corpus / "manifest.csv").exists() or not (corpus / "copies.tsv").exists():
        # (no copies.tsv: a folder of the former generator, from before distinct articles)
        generate(corpus, n, seed=1, distinct=not recombined)
    # ".signed": the parse results carry the workers' wire-copy signatures (ParsedRound);
    # a cache from before they did would replay without them. ".distinct": the corpus
    # whose non-copy articles share no sentences (a cache of the former one is not it).
    spill = workdir / f"parsed_{tag}{n}.signed.{'pickle' if recombined else 'distinct.pickle'}"
    if not spill.exists():
        tmp = spill.with_suffix(".tmp")
        with tmp.open("wb") as fh, ingest.parser_pool(n, workers) as pool:
            for chunk in ingest._rounds(iter_path(corpus), []):
                res = ingest.parse_many(chunk, pool=pool)
                pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.rename(spill)
    return corpus, spill


class _NoParse:
    """An executor that is never asked to parse (parse_many is replayed)."""

    def parse(self, raws, progress=None):  # pragma: no cover - replaced
        raise AssertionError("replayed")


def run(
    n: int,
    url: str,
    workdir: Path,
    workers: int = 2,
    profile: str | None = None,
    sign_in_ingest: bool = False,
    recombined: bool = False,
) -> dict:
    from dashboard.ingest import ingest
    from dashboard.storage import aggregates, syndication
    from dashboard.storage.store import Store

    corpus, spill = parsed_rounds(n, workdir, workers, recombined)
    timer = _Timer()
    # The wrapped functions, put back when the run ends (a test runs this more than once).
    wrapped = [
        (Store, "existing_hashes"),
        (Store, "add_many"),
        (syndication, "update_clusters"),
        (aggregates, "refresh"),
    ]
    originals = [(owner, attr, getattr(owner, attr)) for owner, attr in wrapped]
    timer.wrap(Store, "existing_hashes", "hashes")
    timer.wrap(Store, "add_many", "write")
    timer.wrap(syndication, "update_clusters", "cluster")
    timer.wrap(aggregates, "refresh", "aggregates")
    # What each round's clustering did: LSH candidate pairs, survivors of the signature
    # prefilter, pairs checked on their shingles, copies found.
    counted: dict[str, int] = {}
    timed_update = syndication.update_clusters

    def counting_update(*a, **k):
        res = timed_update(*a, **k)
        for name in ("candidates", "pruned", "checked", "copies"):
            counted[name] = counted.get(name, 0) + getattr(res, name)
        return res

    syndication.update_clusters = counting_update
    fh = spill.open("rb")
    real = ingest.parse_many

    def replay(batch, workers=None, progress=None, pool=None):
        res = pickle.load(fh)
        assert len(res) == len(batch), "replayed rounds out of step"
        # --sign-in-ingest: as before the parse workers signed, the ingest process signs.
        return list(res) if sign_in_ingest else res

    rounds: list[dict] = []
    real_store_parsed = ingest.store_parsed

    from dashboard.bench.bench import _pg_server_cpu_s, sql_timing

    # Wall seconds per SQL statement (its first words) and per COPY table, per round.
    by_sql: dict[str, float] = {}

    def timed_store_parsed(*a, **k):
        by_sql.clear()
        c, w, s = _cpu(), time.perf_counter(), _pg_server_cpu_s()
        out = real_store_parsed(*a, **k)
        row = timer.take()
        row.update(counted)
        counted.clear()
        if s is not None:  # the throwaway server's CPU (--pg temp)
            row["server_cpu"] = round(_pg_server_cpu_s() - s, 3)
        row["sql"] = {k: round(v, 3) for k, v in by_sql.items() if v >= 0.005}
        row["round_cpu"] = round(_cpu() - c, 3)
        row["round_wall"] = round(time.perf_counter() - w, 3)
        row["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        row["rss_mb"] = _rss_mb()
        rounds.append(row)
        return out

    ingest.parse_many = replay
    ingest.store_parsed = timed_store_parsed
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    with sql_timing(by_sql, postgres=not url.startswith("duckdb")):
        try:
            store = Store(url)
            c0, w0 = _cpu(), time.perf_counter()
            report = ingest.ingest_path(store, corpus, workers=workers, executor=_NoParse())
            total_cpu, total_wall = _cpu() - c0, time.perf_counter() - w0
            tail = timer.take()
            store.close()
        finally:
            ingest.parse_many = real
            ingest.store_parsed = real_store_parsed
            for owner, attr, original in originals:
                setattr(owner, attr, original)
            fh.close()
            if prof is not None:
                prof.disable()
                prof.dump_stats(profile)
    return {
        "n": n,
        "corpus": "recombined" if recombined else "distinct",
        "sign_in_ingest": sign_in_ingest,
        "backend": url.split(":", 1)[0],
        "load_average": os.getloadavg()[0],
        "added": report.added,
        "total_cpu": round(total_cpu, 2),
        "total_wall": round(total_wall, 2),
        "rounds": rounds,
        "tail": tail,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--workdir", default="/tmp/store_bench")
    p.add_argument("--pg", default=None, help="PostgreSQL URL (an empty database) or 'temp'")
    p.add_argument("--db", default=None, help="DuckDB file (default: a new one in workdir)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--profile", default=None, help="write cProfile stats here")
    p.add_argument(
        "--sign-in-ingest",
        action="store_true",
        help="drop the parse workers' signatures: the ingest process signs (the old way)",
    )
    p.add_argument(
        "--recombined",
        action="store_true",
        help="benchgen's former corpus (articles sharing sentences with ~1/55 of the store)",
    )
    a = p.parse_args(argv)
    # The claim map (sentence embeddings after ingest) is not storing: leave it out.
    os.environ["DASHBOARD_CLAIM_MAP"] = "off"
    wd = Path(a.workdir)
    wd.mkdir(parents=True, exist_ok=True)
    if a.pg == "temp":  # a throwaway PostgreSQL server on loopback (as the bench)
        from dashboard.bench.bench import _new_pg_database, temp_postgres

        with temp_postgres() as base:
            if base is None:
                raise SystemExit("no PostgreSQL binaries")
            res = run(
                a.n,
                _new_pg_database(base, "store_bench"),
                wd,
                a.workers,
                a.profile,
                a.sign_in_ingest,
                a.recombined,
            )
        _report(res)
        return 0
    if a.pg:
        url = a.pg
    else:
        db = Path(a.db or wd / f"store_{a.n}.duckdb")
        db.unlink(missing_ok=True)
        Path(str(db) + ".wal").unlink(missing_ok=True)
        url = f"duckdb:///{db}"
    _report(run(a.n, url, wd, a.workers, a.profile, a.sign_in_ingest, a.recombined))
    return 0


def _report(res: dict) -> None:
    for i, r in enumerate(res["rounds"]):
        cols = " ".join(f"{k}={v}" for k, v in r.items() if not k.endswith("_wall") and k != "sql")
        print(f"round {i + 1}: {cols}", file=sys.stderr)
    print(json.dumps(res))


if __name__ == "__main__":
    sys.exit(main())
