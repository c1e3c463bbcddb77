from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
CLAIMS = REPO / "claims.yaml"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def invoke(*args: str) -> Run:
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def shipped_claims_without(tmp_path: Path, key: str) -> Path:
    """The shipped claims.yaml with one key ("evidence", "value") removed from every claim."""
    data = yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))
    for claim in data["claims"]:
        claim.pop(key, None)
    path = tmp_path / f"claims-without-{key}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's CLI runs keep their cache in a directory of their own, and choose their format
    themselves (not from a CI runner's GITHUB_ACTIONS or a user's FACTCHECK_FORMAT)."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache") / ".factcheck_cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("FACTCHECK_FORMAT", raising=False)


@pytest.fixture
def claims_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a claims.yaml (dedented) into a temporary directory and return its path."""

    def write(text: str) -> Path:
        path = tmp_path / "claims.yaml"
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write
