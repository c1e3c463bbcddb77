"""The output formats of each command: one registry per command feeds both the `--format` choices
(and their help) and the dispatch. A renderer is named, not imported, so that `--help` loads none.

Every renderer of a command has one signature: `render(result, view) -> str | Iterable[str]`, where
`view` (View, below) says what the terminal allows and what was asked to be left out.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ENVIRONMENT = "FACTCHECK_FORMAT"  # the default --format of check, report and timeline (the commands CI runs)


@dataclass(frozen=True)
class View:
    """What a renderer may take into account beyond the result: what was asked to be left out, and
    what the terminal allows (width None: 80 columns; color None: let rich decide)."""

    only_conflicts: bool = False
    width: int | None = None
    color: bool | None = None


PLAIN = View()


@dataclass(frozen=True)
class Format:
    """One output format: its name, what it is for, its renderer and its shape for unreadable input."""

    name: str
    help: str
    renderer: str  # "module:function"
    input_error: str | None = None  # "module:function" printing unreadable input in this shape, or None

    def render(self) -> Callable[..., Any]:
        return _load(self.renderer)

    def shape(self) -> Callable[..., str] | None:
        return _load(self.input_error) if self.input_error else None


def _load(path: str) -> Callable[..., Any]:
    module, function = path.split(":")
    loaded: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return loaded


CHECK = "factcheck.render_check"
REPORT = "factcheck.render_report"

CHECK_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "file:line:col lines", f"{CHECK}:render_text"),
    Format("json", "one document for scripts", f"{CHECK}:render_json", f"{CHECK}:input_error_json"),
    Format("github", "GitHub Actions annotations on claims.yaml (the default when GITHUB_ACTIONS=true)",
           f"{CHECK}:render_github", f"{CHECK}:input_error_github"),
    Format("sarif", "SARIF 2.1.0, for GitHub code scanning", "factcheck.sarif:render_check_sarif"),
)}

REPORT_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "readable report", f"{REPORT}:render_text"),
    Format("json", "one document for scripts (schema in schemas/report.schema.json)", f"{REPORT}:render_json",
           f"{CHECK}:input_error_json"),
    Format("markdown", "for pasting into a review", f"{REPORT}:render_markdown"),
    Format("github", "GitHub Actions annotations on the articles' lines", f"{REPORT}:render_github",
           f"{CHECK}:input_error_github"),
    Format("sarif", "SARIF 2.1.0 (conflicts at the articles' lines), for GitHub code scanning",
           "factcheck.sarif:render_report_sarif"),
    Format("html", "one self-contained page to open offline: timeline, value charts, a card per claim",
           "factcheck.render_html:render_html"),
)}

TIMELINE_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "one line per event", f"{REPORT}:render_timeline_text"),
    Format("json", "one document for scripts", f"{REPORT}:render_timeline_json", f"{CHECK}:input_error_json"),
)}


LOCATE_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "one place per line, with the dates and figures read there", "factcheck.render_locate:render_text"),
    Format("json", "one document for scripts", "factcheck.render_locate:render_json", f"{CHECK}:input_error_json"),
)}


SOURCES_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "two lines per source, and the sources no claim touches flagged",
           "factcheck.render_inventory:render_text"),
    Format("json", "one document for scripts", "factcheck.render_inventory:render_json", f"{CHECK}:input_error_json"),
)}


EXPORT_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("claimreview", "schema.org ClaimReview JSON-LD, one review per claim",
           "factcheck.claimreview:render_claimreview", f"{CHECK}:input_error_json"),
)}


def help_text(formats: dict[str, Format], from_environment: bool = True) -> str:
    told = "; ".join(f"{f.name}: {f.help}" for f in formats.values()) + "."
    return f"{told} Default from ${ENVIRONMENT} where it names one of these." if from_environment else told


class UnknownFormat(ValueError):
    """$FACTCHECK_FORMAT names a format no command has (a typo, most likely)."""


def chosen(command: str, formats: dict[str, Format], given: str | None,
           default: str = "text") -> tuple[Format, str | None]:
    """The format a command CI runs prints in, and a warning or None: --format; else
    $FACTCHECK_FORMAT where this command has that format; else `default`.

    One variable serves check, report and timeline, whose formats differ (`html` is report's only,
    `github` not timeline's): a format of another of them is this command's default, with a warning;
    a name no command has is an error (UnknownFormat). Example: FACTCHECK_FORMAT=html gives report
    a page, and check its text with "… check does not print html: printing text".
    """
    if given:
        return formats[given], None
    named = os.environ.get(ENVIRONMENT, "")
    if not named:
        return formats[default], None
    if named in formats:
        return formats[named], None
    if any(named in other for other in (CHECK_FORMATS, REPORT_FORMATS, TIMELINE_FORMATS)):
        return formats[default], f"${ENVIRONMENT} is {named}, which {command} does not print: printing {default}"
    known = sorted({*CHECK_FORMATS, *REPORT_FORMATS, *TIMELINE_FORMATS})
    raise UnknownFormat(f"${ENVIRONMENT} is '{named}', which is no format: use one of {', '.join(known)}, or unset it")
