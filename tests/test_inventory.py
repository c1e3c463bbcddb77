"""`factcheck sources`: each source with the claims that cite it or find a passage in it; a source
no claim touches is flagged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from .conftest import CLAIMS, SOURCES, invoke


def test_each_source_is_listed_with_the_claims_that_cite_it() -> None:
    run = invoke("sources", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json")
    listed = {s["id"]: s for s in json.loads(run.stdout)["sources"]}
    claims = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))["claims"]
    for source_id, entry in listed.items():
        citing = [c["id"] for c in claims if any(ev["source"] == source_id for ev in c.get("evidence", []))]
        assert entry["cited_by"] == citing
    assert run.code == 0 and len(listed) == 5 and not any(s["untouched"] for s in listed.values())
    assert listed["server-room-thousand-chips"]["passages"] == 28


def test_a_source_no_claim_touches_is_flagged(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "recipe.txt").write_text("---\nid: recipe\ntitle: Lemon cake\npublisher: Kitchen\n---\n"
                                        "Whisk four eggs with 200 grams of sugar until pale.\n", encoding="utf-8")
    run = invoke("sources", "--claims", str(CLAIMS), "--sources", str(sources))
    flagged = [line for line in run.stdout.splitlines() if "no claim cites it or finds a passage in it" in line]
    assert run.code == 0 and len(flagged) == 1 and flagged[0].startswith("recipe ")
    assert run.stdout.splitlines()[-1] == "6 sources; 1 that no claim touches"
