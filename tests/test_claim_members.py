"""Several claims per statement (analysis.claims.memberships, table claim_members,
migration 009): a sentence that reports two things is a cell of both claims. The
sentences and vectors are written for this test."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dashboard.analysis import claims as ca
from dashboard.storage import claims as claim_store
from dashboard.storage.store import Filters, open_store

DIM = 384


def _basis(i: int) -> np.ndarray:
    v = np.zeros(DIM)
    v[i] = 1.0
    return v


def _unit(article: str, text: str, terms: list[str]) -> ca.ClaimUnit:
    return ca.ClaimUnit(article, 0, 0, text, "en", terms)


def _assign(member_same: float | None):
    toll, tents = _basis(0), _basis(1)
    both = (toll + tents) / np.sqrt(2)

    def near_toll(k: int) -> np.ndarray:
        v = 0.95 * toll + 0.31 * _basis(2 + k)
        return v / np.linalg.norm(v)

    units = [
        _unit("a", "The flood killed forty people in the valley.", ["t1", "t2", "t3"]),
        _unit("d", "Forty people lost their lives in the valley.", ["v1", "v2", "v3"]),
        _unit("e", "The valley mourns forty dead after the flood.", ["w1", "w2", "w3"]),
        _unit("b", "The army set up two hundred tents near the river.", ["s1", "s2", "s3"]),
        _unit("c", "Forty died and the army set up tents.", ["u1", "u2", "u3"]),
    ]
    vectors = np.vstack([toll, near_toll(0), near_toll(1), tents, both])
    claims: list[ca.Claim] = []
    # An empty mean: centring leaves the vectors as they are, so cosines are known.
    out = ca.assign(units, vectors, claims, ca.LanguageMeans(), 1, 0.45, 0.35, member_same, 0.35)
    return out, claims


def test_a_statement_of_two_claims_is_a_member_of_both():
    out, claims = _assign(0.45)
    assert [a.claim_id for a in out] == [1, 1, 1, 2, 1]
    # «Forty died and the army set up tents» scores 0.707 on the toll's first statement
    # and on the tents: it joined the toll (the older claim) and also carries the tents.
    assert out[4].also == [(2, pytest.approx(0.7071, abs=1e-3))]
    # Statements of one claim only carry no other (cosines 0 with the other claim).
    assert all(a.also == [] for a in out[:4])
    # The toll already had its 3 exemplars; memberships add none: the tents claim is
    # still recognised by its one statement, so a mixed sentence cannot pull it along.
    assert [len(c.exemplars) for c in claims] == [3, 1]


def test_membership_threshold_and_off_switch():
    out, _ = _assign(0.75)  # above the mixed statement's 0.707
    assert all(a.also == [] for a in out)
    out, _ = _assign(None)
    assert all(a.also == [] for a in out)


def _assignment(article: str, idx: int, text: str, claim: int, also=()):
    unit = ca.ClaimUnit(article, idx, 0, text, "en", ["x", "y", "z"])
    return ca.Assignment(unit, claim, 1.0 if not also else 0.6, list(also))


def test_store_reads_every_membership(tmp_path: Path, monkeypatch):
    from dashboard.ingest.ingest import ingest_result
    from dashboard.ingest.readers import ReadResult
    from dashboard.model import RawArticle

    monkeypatch.setenv("DASHBOARD_CLAIM_MAP", "off")

    store = open_store(f"duckdb:///{tmp_path / 'm.duckdb'}")
    try:
        raws = [
            RawArticle(title=f"Story {k}", body=f"Story {k}\n\nBody {k}.", outlet=o,
                       language="en", published_at=f"2030-01-0{k}", source_file=f"{k}.txt")
            for k, o in ((1, "North Post"), (2, "South Wire"))
        ]  # fmt: skip
        ingest_result(store, ReadResult(articles=raws), workers=1)
        ids = {r[1]: r[0] for r in store.execute("SELECT id, outlet FROM articles")}
        north, south = ids["North Post"], ids["South Wire"]
        assignments = [
            _assignment(north, 0, "The flood killed forty people.", 1),
            _assignment(south, 0, "The army set up tents by the river.", 2),
            _assignment(south, 1, "Forty died and the army set up tents.", 2, [(1, 0.52)]),
        ]
        claims = [ca.Claim(1, "The flood killed forty people.", "en"),
                  ca.Claim(2, "The army set up tents by the river.", "en")]  # fmt: skip
        means = ca.LanguageMeans()
        means.add("en", np.ones((3, DIM)))
        articles = store.get_articles([north, south])
        claim_store._write_round(store, articles, assignments, np.ones((3, DIM)), claims, means)
        rows = store.execute(
            "SELECT article_id, idx, claim_id, joined FROM claim_members ORDER BY 1, 2, 3"
        )
        assert sorted(rows) == sorted(
            [(north, 0, 1, 1), (south, 0, 2, 1), (south, 1, 1, 0), (south, 1, 2, 1)]
        )
        # The toll claim is carried by both outlets: South Wire through its mixed sentence.
        assert claim_store.claim_cells(store, [north, south]) == {
            1: {"North Post", "South Wire"},
            2: {"South Wire"},
        }
        f = Filters()
        cell = claim_store.claim_rows(store, f).set_index(["claim_id", "outlet"])
        assert int(cell.loc[(1, "South Wire"), "statements"]) == 1
        sentences = claim_store.claim_sentences(store, f, 1, "South Wire")["sentence"].tolist()
        assert sentences == ["Forty died and the army set up tents."]
        # The representative is a statement that joined the claim, not one that also has it.
        texts = claim_store.claim_texts(store, f, [1, 2]).set_index("claim_id")["text"]
        assert texts[1] == "The flood killed forty people."
        assert texts[2] == "The army set up tents by the river."
        # Filtered to South Wire, claim 1 has no joined statement left: the statement
        # that also carries it stands for it. North Post carries no statement of claim 2.
        south_only = Filters(outlets=["South Wire"])
        texts = claim_store.claim_texts(store, south_only, [1, 2]).set_index("claim_id")
        assert texts.loc[1, "text"] == "Forty died and the army set up tents."
        assert texts.loc[2, "text"] == "The army set up tents by the river."
        north_only = Filters(outlets=["North Post"])
        assert claim_store.claim_texts(store, north_only, [1, 2])["claim_id"].tolist() == [1]
    finally:
        store.close()


def test_migration_fills_members_from_a_store_made_before(tmp_path: Path):
    url = f"duckdb:///{tmp_path / 'old.duckdb'}"
    store = open_store(url)
    try:
        with store.backend.transaction() as cur:
            cur.execute("DROP TABLE claim_members")
            cur.execute("DELETE FROM schema_migrations WHERE name = '009_claim_members'")
            cur.execute(
                "INSERT INTO claim_units VALUES ('a1', 0, 0, 'A sentence.', 'en', 7, 0.9, 'AA==')"
            )
    finally:
        store.close()
    store = open_store(url)
    try:
        rows = store.execute("SELECT article_id, idx, claim_id, score, joined FROM claim_members")
        assert rows == [("a1", 0, 7, 0.9, 1)]
    finally:
        store.close()


def test_a_mixed_exemplar_does_not_bridge_the_other_claim_in():
    toll, tents = _basis(0), _basis(1)
    units = [
        _unit("a", "The flood killed forty people in the valley.", ["t1", "t2", "t3"]),
        _unit("b", "The army set up two hundred tents near the river.", ["s1", "s2", "s3"]),
        _unit("c", "Forty died and the army set up tents.", ["u1", "u2", "u3"]),
        _unit("d", "Tents went up along the river on Monday.", ["x1", "x2", "x3"]),
    ]
    vectors = np.vstack([toll, tents, (toll + tents) / np.sqrt(2), tents])
    claims: list[ca.Claim] = []
    out = ca.assign(units, vectors, claims, ca.LanguageMeans(), 1, 0.45, 0.35, 0.45, 0.35)
    # The mixed statement joined the toll and became one of its exemplars ...
    assert [a.claim_id for a in out] == [1, 2, 1, 2]
    assert len(claims[0].exemplars) == 2
    assert out[2].also == [(2, pytest.approx(0.7071, abs=1e-3))]
    # ... but a statement about the tents only is not made a member of the toll through
    # it (0.707 with that exemplar): other memberships look at founding statements only.
    assert out[3].also == [] and out[1].also == []
