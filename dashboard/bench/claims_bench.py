"""Claim-map benchmark: `python -m dashboard.bench.claims_bench --articles 1000 --outlets 40`.

Generates a synthetic corpus (benchgen.py), ingests it without the claim map, then times
the claim-map update (embedding + assignment, the work ingest does when
DASHBOARD_CLAIM_MAP=ingest) and, in fresh processes, the claim map as the Framing page gets
it: cold (new process, new store connection, nothing cached) and cached (the page's
st.cache_data entry hit again), plus the whole "All outlets" page through AppTest, first
run and second run. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_build(folder: str, url: str, articles: int, outlets: int) -> dict:
    from dashboard.bench.benchgen import generate
    from dashboard.ingest.ingest import ingest_path
    from dashboard.storage import claims
    from dashboard.storage.store import open_store

    os.environ["DASHBOARD_CLAIM_MAP"] = "off"
    generate(folder, articles, outlets=outlets)
    store = open_store(url)
    t0 = time.perf_counter()
    report = ingest_path(store, folder, workers=2)
    ingest_s = time.perf_counter() - t0
    rss_before = _rss_mb()
    result = claims.update_claims(store)
    n_claims = store.execute("SELECT COUNT(DISTINCT claim_id) FROM claim_units")[0][0]
    out = {
        "articles": report.added,
        "ingest_s_without_claims": round(ingest_s, 1),
        "claim_update_s": round(result.seconds_total, 1),
        "claim_embedding_s": round(result.seconds_embedding, 1),
        "statements": result.units,
        "claims": int(n_claims),
        "ms_per_statement": round(1000 * result.seconds_total / max(1, result.units), 1),
        "rss_mb_before_update": round(rss_before, 0),
        "rss_mb_peak": round(_rss_mb(), 0),
    }
    store.close()
    return out


def phase_map(url: str) -> dict:
    """Cold: a fresh process opens the store and builds the map; cached: the page's
    cached function called again with the same arguments."""
    t0 = time.perf_counter()
    from dashboard.storage.store import Filters, open_store
    from dashboard.views import framing_all

    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    store = open_store(url)
    f = Filters()
    cm = framing_all.claim_map(store, f, True)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    framing_all.claim_map(store, f, True)
    cached = time.perf_counter() - t0
    t0 = time.perf_counter()
    for which in ("frames", "names", "voices"):
        framing_all.matrix(store, f, which)
    matrices_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for which in ("frames", "names", "voices"):
        framing_all.matrix(store, f, which)
    matrices_cached = time.perf_counter() - t0
    return {
        "claim_map_cold_s": round(cold, 2),
        "claim_map_cached_s": round(cached, 4),
        "three_matrices_cold_s": round(matrices_cold, 2),
        "three_matrices_cached_s": round(matrices_cached, 4),
        "imports_s": round(import_s, 2),
        "map_claims": len(cm.table),
        "map_outlets": len(cm.outlets),
        "rss_mb_peak": round(_rss_mb(), 0),
    }


def phase_page(url: str, data_dir: str) -> dict:
    """The Framing page in All-outlets mode through AppTest: first and second run."""
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_DATABASE_URL"] = url
    os.environ["DASHBOARD_DATA_DIR"] = data_dir
    app_path = str(Path(__file__).resolve().parents[1] / "app.py")
    app = AppTest.from_file(app_path, default_timeout=600)
    app.run()
    app.switch_page("views/framing.py")
    t0 = time.perf_counter()
    app.run()
    first = time.perf_counter() - t0
    assert not app.exception, [e.value for e in app.exception]
    t0 = time.perf_counter()
    app.run()
    second = time.perf_counter() - t0
    return {
        "page_first_run_s": round(first, 2),
        "page_second_run_s": round(second, 2),
        "rss_mb_peak": round(_rss_mb(), 0),
    }


def _sub(args: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "dashboard.bench.claims_bench", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--outlets", type=int, default=40)
    p.add_argument("--dir", default="")
    p.add_argument("--phase", default="all", choices=["all", "build", "map", "page"])
    p.add_argument("--url", default="")
    a = p.parse_args(argv)
    work = Path(a.dir or tempfile.mkdtemp(prefix="claims_bench_"))
    url = a.url or f"duckdb:///{work / 'bench.duckdb'}"
    if a.phase == "build":
        print(json.dumps(phase_build(str(work / "corpus"), url, a.articles, a.outlets)))
        return 0
    if a.phase == "map":
        print(json.dumps(phase_map(url)))
        return 0
    if a.phase == "page":
        print(json.dumps(phase_page(url, str(work))))
        return 0
    common = ["--dir", str(work), "--url", url]
    result = {"build": _sub(["--phase", "build", "--articles", str(a.articles),
                             "--outlets", str(a.outlets), *common])}  # fmt: skip
    result["map"] = [_sub(["--phase", "map", *common]) for _ in range(3)]
    result["page"] = _sub(["--phase", "page", *common])
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
