"""Render `factcheck check` results: text for people, json for scripts, github for Actions."""

from __future__ import annotations

import json

from factcheck import __version__
from factcheck.check import CheckResult
from factcheck.formats import PLAIN, View
from factcheck.problems import InputError
from factcheck.textnorm import count, printable

CHECK_SCHEMA_VERSION = 1


def _summary_line(result: CheckResult) -> str:
    return (f"checked {count(result.claims, 'claim')}, {count(result.excerpts, 'excerpt')}, "
            f"{count(result.sources, 'source')}: {count(result.errors, 'error')}, "
            f"{count(result.warnings, 'warning')}")


def render_text(result: CheckResult, view: View = PLAIN) -> str:
    lines = [f"{printable(p.file)}:{p.line}:{p.column}: {p.severity}: {printable(p.message)} [{p.code}]"
             for p in result.problems]
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def render_json(result: CheckResult, view: View = PLAIN) -> str:
    document = {
        "schema_version": CHECK_SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {"claims": result.claims, "excerpts": result.excerpts, "sources": result.sources,
                    "errors": result.errors, "warnings": result.warnings},
        "problems": [{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity,
                      "code": p.code, "message": p.message, "claim": p.claim} for p in result.problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def escape_data(text: str) -> str:
    # GitHub workflow-command escaping: https://github.com/actions/toolkit (command.ts)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult, view: View = PLAIN) -> str:
    lines = [f"::{p.severity} file={escape_property(printable(p.file))},line={p.line},col={p.column},"
             f"title={escape_property('factcheck ' + p.code)}::{escape_data(printable(p.message))}"
             for p in result.problems]
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- unreadable input, in each shape


def input_error_json(exc: InputError) -> str:
    """The JSON document for input that cannot be read (exit 2): scripts still get one document."""
    document = {
        "schema_version": CHECK_SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "input_error": {"file": exc.file, "line": exc.line, "message": exc.message},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def input_error_github(exc: InputError) -> str:
    """A GitHub annotation on the unreadable file (and line, where YAML gives one)."""
    line = f",line={exc.line}" if exc.line is not None else ""
    return (f"::error file={escape_property(printable(exc.file))}{line},title=factcheck input-error::"
            f"{escape_data(printable(exc.message))}\n")
