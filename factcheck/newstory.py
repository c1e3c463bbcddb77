"""`factcheck init DIR`: a new story folder that passes `check` — an example claim, the article it
cites, and the GitHub workflow — to be replaced by the story's own."""

from __future__ import annotations

from pathlib import Path

from factcheck.problems import InputError

CLAIMS = """\
# The facts of your story, one entry each: what is asserted (statement), its kind (date, number or
# text), its canonical value, the phrases a passage about it contains (match), and excerpts of the
# articles that back or dispute it (evidence). `factcheck check` validates this file;
# `factcheck report` finds what the articles disagree on. Replace the example with your claims.
claims:
  - id: example-launch-date
    statement: Example Corp launched its first satellite in March 2024.
    kind: date
    value: 2024-03
    match: [Example Corp, satellite]
    evidence:
      - source: example-article
        excerpt: "Example Corp launched its first satellite in March 2024"
"""

ARTICLE = """\
---
id: example-article
title: Example Corp launches its first satellite (an example; add your articles with factcheck add)
publisher: Example Desk
published: 2024-03-20
---
Example Corp launched its first satellite in March 2024, the company said on Wednesday.
"""

WORKFLOW = """\
# factcheck on every push and pull request that touches the story. Set `uses:` to the factcheck
# repository and a tag (see its README, "In CI and before each commit").
name: factcheck
on:
  push:
    paths: [claims.yaml, "sources/**"]
  pull_request:
    paths: [claims.yaml, "sources/**"]
permissions:
  contents: read
jobs:
  factcheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: OWNER/factcheck@TAG
        with:
          fail-on: conflict
"""

FILES = {"claims.yaml": CLAIMS, "sources/example-article.txt": ARTICLE, ".github/workflows/factcheck.yml": WORKFLOW}


def new_story(directory: Path) -> list[Path]:
    """Write the story folder's files; a folder that has any of them already is left as it is."""
    existing = [name for name in FILES if (directory / name).exists()]
    if existing:
        raise InputError(str(directory / existing[0]), "exists already: init writes only into a new story folder")
    written = []
    try:
        for name, text in FILES.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:
                out.write(text)
            written.append(path)
    except OSError as exc:
        raise InputError(str(directory), f"cannot write the story folder: {exc.strerror or exc}") from None
    return written
