"""`train-voices` picks its articles by split and leaves out unscored held-out manifests."""

import json
from pathlib import Path

from dashboard.bench import train_voices

TEXT = "Harbour plan approved\nThe mayor, Jane Roe, said the harbour plan would go ahead.\n"


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    texts, gold, manifests = tmp_path / "texts", tmp_path / "gold", tmp_path / "manifests"
    for d in (texts, gold, manifests):
        d.mkdir()
    rows = {
        "a.csv": [("en_x_one", "dev"), ("en_x_two", "heldout")],
        "b.csv": [("en_x_three", "heldout")],
    }
    for name, items in rows.items():
        lines = ["id,split,language,outlet,outlet_country,url,published,story,query"]
        lines += [
            f"{gid},{split},en,O,,https://example.org/{gid},2024-05-01,x,q" for gid, split in items
        ]
        (manifests / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        for gid, _ in items:
            (texts / f"{gid}.txt").write_text(TEXT, encoding="utf-8")
            speaker = {"name": "Jane Roe", "variants": [], "kind": "official", "side": "",
                       "role": "mayor", "named": True, "type": "speaker"}  # fmt: skip
            quote = {"speaker": "Jane Roe", "line": 1, "type": "reported", "cue": "said"}
            (gold / f"{gid}.json").write_text(
                json.dumps({"id": gid, "language": "en", "published": "2024-05-01",
                            "speakers": [speaker], "quotes": [quote], "dates": []}),
                encoding="utf-8",
            )  # fmt: skip
    return texts, gold, manifests


def _ids(records) -> list[str]:
    return sorted(r["id"] for r in records)


def test_split_selection_and_exclusion(tmp_path):
    texts, gold, manifests = _corpus(tmp_path)
    assert _ids(train_voices.collect(texts, gold, manifests, "dev")) == ["en_x_one"]
    every = ["en_x_one", "en_x_three", "en_x_two"]
    assert _ids(train_voices.collect(texts, gold, manifests, "all")) == every
    assert _ids(train_voices.collect(texts, gold, manifests, "dev,heldout")) == every
    left_out = frozenset({"en_x_three"})
    assert _ids(train_voices.collect(texts, gold, manifests, "all", left_out)) == [
        "en_x_one",
        "en_x_two",
    ]
    record = train_voices.collect(texts, gold, manifests, "dev")[0]
    assert record["labels"] and all(label == 1 for label in record["labels"])


def test_cli_rejects_an_unknown_manifest(tmp_path, capsys):
    texts, gold, manifests = _corpus(tmp_path)
    parser = __import__("argparse").ArgumentParser()
    train_voices.add_arguments(parser)
    args = parser.parse_args([str(texts), "--gold", str(gold), "--manifest", str(manifests),
                              "--exclude", "nope.csv", "--out", str(tmp_path / "m.json")])  # fmt: skip
    assert train_voices.cli(args) == 2
    assert "nope.csv" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
