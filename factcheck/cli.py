"""Command line: parse arguments, run one job, pick a renderer. Nothing else lives here."""

from __future__ import annotations

import contextlib
import enum
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar

import typer

from factcheck import __version__
from factcheck.defaults import FUTURE_GRACE_DAYS, MAX_SOURCE_MB, STALE_AFTER_DAYS
from factcheck.formats import (
    CHECK_FORMATS,
    EXPORT_FORMATS,
    LOCATE_FORMATS,
    PLAIN,
    REPORT_FORMATS,
    SOURCES_FORMATS,
    TIMELINE_FORMATS,
    Format,
    UnknownFormat,
    View,
    chosen,
    help_text,
)
from factcheck.problems import InputError

if TYPE_CHECKING:
    from factcheck.assess import ClaimResult
    from factcheck.cache import Cache, Recording
    from factcheck.check import CheckResult
    from factcheck.corpus import Prepared
    from factcheck.report import Report
from factcheck.textnorm import clip, count, printable

app = typer.Typer(
    name="factcheck",
    help="Find the dates and figures that several articles about one story disagree on.\n\n"
    "Claims live in claims.yaml; the articles, one file each with a YAML header, in sources/.",
    epilog="\b\nExamples:\n"
    "  factcheck report                     the report on claims.yaml and sources/\n"
    "  factcheck report --only conflicts    only what the articles get wrong\n"
    "  factcheck report --format json | jq '.claims[] | select(.verdict==\"conflict\") | .id'\n"
    "  factcheck timeline                   every date in the story, in order\n"
    "  factcheck locate \"1,000 chips\"       where a text is, before you paste it as an excerpt\n"
    "  factcheck check --format github      CI annotations for claims.yaml\n"
    "  factcheck sources                    the articles, and the claims that use each\n"
    "  factcheck init my-story              start a story folder that check passes",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StaleOption = Annotated[int, typer.Option(
    "--stale-after", min=0, metavar="DAYS",
    help="Flag 'as of <date>' more than DAYS before the article's publication.")]
GraceOption = Annotated[int, typer.Option(
    "--future-grace", min=0, metavar="DAYS",
    help="Flag a claim's event dated more than DAYS after the article reporting it was published.")]
ClaimIdsOption = Annotated[list[str] | None, typer.Option(
    "--claim", metavar="ID", help="Only this claim (repeatable).")]
SourceIdsOption = Annotated[list[str] | None, typer.Option(
    "--source", metavar="ID", help="Use only this source (repeatable).")]
ClaimsOption = Annotated[Path, typer.Option("--claims", help="The claims file.", show_default=True)]
SourcesOption = Annotated[Path, typer.Option("--sources", help="Directory of source articles.",
                                             show_default=True)]

MaxSourceOption = Annotated[float, typer.Option(
    "--max-source-mb", min=0.001, metavar="MB",
    help="Refuse a source file larger than this (a pasted dump, not an article).")]

NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Do not read or write the cache (.factcheck_cache/, or FACTCHECK_CACHE_DIR): prepared "
    "sources, and the last runs, replayed when nothing they read has changed.")]
OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the output to FILE instead of stdout, whole or not at all (a "
    "temporary file beside it, renamed over it when the run ends).")]
CPUS = os.cpu_count() or 1
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, metavar="N",
    help="Assess the claims in N processes (default: the number of CPUs); the output is the same for any N.")]

T = TypeVar("T")


def _format_option(formats: dict[str, Format], from_environment: bool = True) -> Any:
    """--format, its help from the command's registry; for the commands CI runs, its default from
    $FACTCHECK_FORMAT (the curator's commands have formats of their own)."""
    return typer.Option("--format", "-f", help=help_text(formats, from_environment))


def _chosen(command: str, formats: dict[str, Format], given: str | None, default: str = "text") -> Format:
    """formats.chosen, its warning on stderr and its error as one line with exit code 2."""
    try:
        fmt, warning = chosen(command, formats, given, default)
    except UnknownFormat as exc:
        typer.echo(f"factcheck: error: {clip(str(exc))}", err=True)
        raise typer.Exit(2) from None
    if warning:
        _warn(f"factcheck: warning: {clip(warning)}")
    return fmt


# The choices of --format, made from each command's registry (typer reads them from an Enum).
if TYPE_CHECKING:
    CheckFormat: TypeAlias = str
    ReportFormat: TypeAlias = str
    TimelineFormat: TypeAlias = str
    LocateFormat: TypeAlias = str
    SourcesFormat: TypeAlias = str
    ExportFormat: TypeAlias = str
else:
    CheckFormat = enum.Enum("CheckFormat", {name: name for name in CHECK_FORMATS}, type=str)
    ReportFormat = enum.Enum("ReportFormat", {name: name for name in REPORT_FORMATS}, type=str)
    TimelineFormat = enum.Enum("TimelineFormat", {name: name for name in TIMELINE_FORMATS}, type=str)
    LocateFormat = enum.Enum("LocateFormat", {name: name for name in LOCATE_FORMATS}, type=str)
    SourcesFormat = enum.Enum("SourcesFormat", {name: name for name in SOURCES_FORMATS}, type=str)
    ExportFormat = enum.Enum("ExportFormat", {name: name for name in EXPORT_FORMATS}, type=str)


def _run(job: Callable[[], T], shape: Callable[[InputError], str] | None = None) -> T:
    """Run a job; unreadable input becomes one line on stderr and exit code 2 — and, for a format
    that scripts or CI read (`shape`), that format's own error document on stdout."""
    try:
        return job()
    except InputError as exc:
        if shape is not None:
            _write(shape(exc))
        typer.echo(f"factcheck: error: {printable(str(exc))}", err=True)
        raise typer.Exit(2) from None


_QUIET = False  # --quiet: no warnings and no progress bar on stderr (errors still)
_WRITE_FAILED = False  # the output could not be written: an --output file is then not put in place


def _warn(text: str) -> None:
    if not _QUIET:
        typer.echo(text, err=True)


def _write(text: str | bytes | Iterable[str], recording: Recording | None = None) -> bool:
    """Write the output (or its pieces, as a renderer makes them; or bytes, already encoded) to
    stdout, and to `recording`; whether all of it was written."""
    try:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            for piece in (text,) if isinstance(text, str) else text:
                sys.stdout.write(piece)
                if recording is not None:
                    recording.add(piece)
        sys.stdout.flush()
        return True
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return False
    except OSError as exc:
        # A full disk or a closed terminal: say so once, and keep Python's exit flush quiet.
        global _WRITE_FAILED
        _WRITE_FAILED = True
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        typer.echo(f"factcheck: error: cannot write the output: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None


@app.command()
def check(
    claims: ClaimsOption = Path("claims.yaml"),
    sources: SourcesOption = Path("sources"),
    output_format: Annotated[CheckFormat | None, _format_option(CHECK_FORMATS)] = None,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    no_cache: NoCacheOption = False,
    output: OutputOption = None,
) -> None:
    """Validate claims.yaml and the sources (for CI).

    Reports schema errors, duplicate ids, unknown sources, bad after/before constraints, and
    excerpts that are not in their source or misquote a figure.

    Exit status: 0 clean (warnings allowed), 1 problems found, 2 input unreadable.
    """
    from factcheck.check import run_check

    # Under GitHub Actions, annotations unless asked otherwise (yamllint's `auto`).
    auto = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fmt = _chosen("check", CHECK_FORMATS, output_format, auto)
    shape, renderer = fmt.shape(), fmt.render()

    def render(result: CheckResult) -> tuple[str | Iterable[str], int]:
        return renderer(result, PLAIN), 1 if result.errors else 0

    with _output_to(output):
        _serve("check", (fmt.name,), claims, sources, max_source_mb, not no_cache,
               lambda cache: (_run(lambda: run_check(claims, sources, max_source_mb), shape), []), render)


class Only(str, enum.Enum):
    conflicts = "conflicts"


class FailOn(str, enum.Enum):
    conflict = "conflict"
    disputed = "disputed"
    never = "never"


@app.command()
def report(
    claims: ClaimsOption = Path("claims.yaml"),
    sources: SourcesOption = Path("sources"),
    output_format: Annotated[ReportFormat | None, _format_option(REPORT_FORMATS)] = None,
    only: Annotated[Only | None, typer.Option(
        "--only", help="Show only claims in conflict or disputed, and only their conflicting passages.")] = None,
    claim_ids: ClaimIdsOption = None,
    source_ids: SourceIdsOption = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit 1 when a claim is in conflict (conflict), in conflict or disputed "
        "(disputed), or never.")] = FailOn.never,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar="FILE", help="--fail-on counts only the conflicts FILE does not accept (a "
        "baseline written by --write-baseline): adopt factcheck on a story with known errors.")] = None,
    write_baseline_to: Annotated[Path | None, typer.Option(
        "--write-baseline", metavar="FILE", help="Accept the report's conflicts: write them to FILE, keyed by "
        "claim, source and figure, for --baseline.")] = None,
    stale_after: StaleOption = STALE_AFTER_DAYS,
    future_grace: GraceOption = FUTURE_GRACE_DAYS,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    jobs: JobsOption = CPUS,
    no_cache: NoCacheOption = False,
    output: OutputOption = None,
) -> None:
    """Find every passage about each claim in all sources and report the conflicts.

    A passage is about a claim when it contains each of the claim's `match` phrases. Its dates or
    figures are compared with the claim's canonical value, or, without one, with the other sources.

    Claim verdicts: conflict (a source contradicts the canonical value), disputed (sources
    contradict each other), consistent, unsupported (no passage states it).

    Exit status: 0 (or 1 with --fail-on when a claim fails), 2 input unreadable.
    """
    fmt = _chosen("report", REPORT_FORMATS, output_format)
    shape, renderer = fmt.shape(), fmt.render()
    view = View(only is Only.conflicts, *_terminal())
    failing = {"conflict": ("conflict",), "disputed": ("conflict", "disputed"), "never": ()}[fail_on.value]

    from factcheck.baseline import conflict_keys, load_baseline, write_baseline

    accepted = _run(lambda: load_baseline(baseline), shape) if baseline is not None else frozenset()

    def fails(r: ClaimResult) -> bool:
        return r.verdict in failing and any((r.claim.id, f.source, f.found or "") not in accepted for f in r.conflicts)

    def build(cache: Cache) -> tuple[Report, list[str]]:
        result, warnings = _build(claims, sources, claim_ids, source_ids, stale_after, future_grace, max_source_mb,
                                  jobs, cache, shape)
        if baseline is not None:
            keys = conflict_keys(result)
            new = sum(k not in accepted for k in keys)
            warnings.append(f"factcheck: baseline {printable(str(baseline))}: {len(keys) - new} of the report's "
                            f"{count(len(keys), 'conflict')} accepted, {new} new")
        if write_baseline_to is not None:
            _run(lambda: write_baseline(write_baseline_to, result), shape)
        return result, warnings

    def render(result: Report) -> tuple[str | Iterable[str], int]:
        return renderer(result, view), 1 if any(fails(r) for r in result.results) else 0

    # A run that writes a baseline is never a replay: the file must be written.
    with _output_to(output):
        _serve("report", (fmt.name, view, failing, claim_ids, source_ids, stale_after, future_grace, sorted(accepted)),
               claims, sources, max_source_mb, not no_cache, build, render, replay=write_baseline_to is None)


@app.command()
def timeline(
    claims: ClaimsOption = Path("claims.yaml"),
    sources: SourcesOption = Path("sources"),
    output_format: Annotated[TimelineFormat | None, _format_option(TIMELINE_FORMATS)] = None,
    claim_ids: ClaimIdsOption = None,
    source_ids: SourceIdsOption = None,
    stale_after: StaleOption = STALE_AFTER_DAYS,
    future_grace: GraceOption = FUTURE_GRACE_DAYS,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    jobs: JobsOption = CPUS,
    no_cache: NoCacheOption = False,
    output: OutputOption = None,
) -> None:
    """Every dated event in the sources, in order, with conflicts and anachronisms marked.

    ✗ marks a date that conflicts with its claim or breaks an after/before constraint; ! marks
    an event dated after its article's publication, or a stale "as of" date.
    """
    fmt = _chosen("timeline", TIMELINE_FORMATS, output_format)
    shape, renderer = fmt.shape(), fmt.render()
    view = View(False, *_terminal())

    def render(result: Report) -> tuple[str | Iterable[str], int]:
        return renderer(result, view), 0

    with _output_to(output):
        _serve("timeline", (fmt.name, claim_ids, source_ids, stale_after, future_grace),
               claims, sources, max_source_mb, not no_cache,
               lambda cache: _build(claims, sources, claim_ids, source_ids, stale_after, future_grace, max_source_mb,
                                    jobs, cache, shape), render)


@app.command()
def locate(
    text: Annotated[str, typer.Argument(
        help="The text to find: an excerpt you mean to paste, or a phrase for `match`; '...' marks a gap.",
        show_default=False)],
    sources: SourcesOption = Path("sources"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Show the N best places.")] = 5,
    output_format: Annotated[LocateFormat | None, _format_option(LOCATE_FORMATS, False)] = None,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    jobs: JobsOption = CPUS,
    no_cache: NoCacheOption = False,
) -> None:
    """Find where a text is in the sources, before you paste it into claims.yaml.

    Each source is searched as `check` searches an excerpt's source (typography folded; a changed
    figure is a misquote, however close), and the best places are shown with source:line:column,
    score, and the dates and figures read there.

    Exit status: 0 a source holds the text, 1 none does (the closest places are shown), 2 input
    unreadable.
    """
    from factcheck.lookup import lookup

    fmt = LOCATE_FORMATS[output_format or "text"]
    if not text.replace("...", "").replace("…", "").strip():
        raise typer.BadParameter("nothing to find: give the words of the passage", param_hint="'TEXT'")
    corpus = _corpus(sources, max_source_mb, jobs, not no_cache, fmt.shape())
    places = lookup(text, corpus, limit)
    _write(fmt.render()(places, View(False, *_terminal())))
    raise typer.Exit(0 if any(p.status == "found" for p in places) else 1)


@app.command("sources")
def list_sources(
    claims: ClaimsOption = Path("claims.yaml"),
    sources: SourcesOption = Path("sources"),
    output_format: Annotated[SourcesFormat | None, _format_option(SOURCES_FORMATS, False)] = None,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    jobs: JobsOption = CPUS,
    no_cache: NoCacheOption = False,
) -> None:
    """List the sources: id, date, passages, size, title and publisher, and how many claims cite
    each (evidence) or find a passage in it (match phrases or statement). A source no claim touches
    is flagged.

    Exit status: 0, or 2 input unreadable.
    """
    from factcheck.claims import load_claims
    from factcheck.inventory import inventory

    fmt = SOURCES_FORMATS[output_format or "text"]
    shape = fmt.shape()
    cf, claim_problems = _run(lambda: load_claims(claims), shape)
    corpus = _corpus(sources, max_source_mb, jobs, not no_cache, shape)
    if any(p.severity == "error" for p in claim_problems):
        _warn("factcheck: warning: claims with input problems are left out (run `factcheck check`)")
    _write(fmt.render()(inventory(cf.claims, corpus), View(False, *_terminal())))
    raise typer.Exit(0)


@app.command()
def add(
    article: Annotated[Path, typer.Argument(help="The article's text (UTF-8), copied byte for byte.",
                                            show_default=False)],
    source_id: Annotated[str, typer.Option("--id", help="The source's id (a slug): its file name, and what "
                                           "claims.yaml cites.", show_default=False)],
    title: Annotated[str, typer.Option("--title", help="The article's headline.", show_default=False)],
    publisher: Annotated[str, typer.Option("--publisher", help="Who published it.")] = "",
    published: Annotated[str, typer.Option("--published", metavar="YYYY-MM-DD",
                                           help="When it was published (dates without a year are read near it).")] = "",
    author: Annotated[str, typer.Option("--author", help="Who wrote it.")] = "",
    url: Annotated[str, typer.Option("--url", help="Where it was published.")] = "",
    sources: SourcesOption = Path("sources"),
) -> None:
    """Copy an article into sources/ with a valid header (the body byte for byte); never over an
    existing file.

    Exit status: 0 added, 2 not added (the reason on one line).
    """
    from factcheck.addsource import add_source

    fields = {"id": source_id, "title": title, "publisher": publisher, "author": author, "published": published,
              "url": url}
    target = _run(lambda: add_source(article, sources, fields))
    typer.echo(f"added {printable(str(target))}: cite it in claims.yaml as `source: {source_id}`")


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="The new story's folder (made if missing).")] = Path("."),
) -> None:
    """Start a story: claims.yaml with an example claim, sources/ with the article it cites, and the
    GitHub workflow — a folder `check` passes, to be replaced by your own claims and articles. Never
    writes over a file.

    Exit status: 0 written, 2 not written (the reason on one line).
    """
    from factcheck.newstory import new_story

    written = _run(lambda: new_story(directory))
    for path in written:
        typer.echo(f"wrote {printable(str(path))}")
    typer.echo(f"next: factcheck add ARTICLE --id ID --title TITLE --sources {printable(str(directory / 'sources'))}; "
               "then factcheck check")


@app.command()
def export(
    publisher: Annotated[str, typer.Option("--publisher", metavar="NAME", help="Who publishes the reviews.",
                                           show_default=False)],
    publisher_url: Annotated[str, typer.Option("--publisher-url", metavar="URL", help="The fact-check page; each "
                                               "claim's review is at URL#claim-id.", show_default=False)],
    claims: ClaimsOption = Path("claims.yaml"),
    sources: SourcesOption = Path("sources"),
    output_format: Annotated[ExportFormat | None, _format_option(EXPORT_FORMATS, False)] = None,
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="When the reviews are published.")] = "",
    claim_ids: ClaimIdsOption = None,
    max_source_mb: MaxSourceOption = MAX_SOURCE_MB,
    jobs: JobsOption = CPUS,
    no_cache: NoCacheOption = False,
    output: OutputOption = None,
) -> None:
    """Export the report for publishing: schema.org ClaimReview JSON-LD, one review per claim, rated
    by its verdict, with the articles it appears in.

    Exit status: 0, or 2 input unreadable.
    """
    from factcheck.claimreview import Publication

    fmt = EXPORT_FORMATS[output_format or "claimreview"]
    shape, renderer = fmt.shape(), fmt.render()

    def render(result: Report) -> tuple[str | Iterable[str], int]:
        return renderer(Publication(result, publisher, publisher_url, date), PLAIN), 0

    with _output_to(output):
        _serve("export", (fmt.name, publisher, publisher_url, date, claim_ids), claims, sources, max_source_mb,
               not no_cache, lambda cache: _build(claims, sources, claim_ids, None, STALE_AFTER_DAYS, FUTURE_GRACE_DAYS,
                                                  max_source_mb, jobs, cache, shape), render)


def _corpus(sources: Path, max_source_mb: float, jobs: int, use_cache: bool,
            shape: Callable[[InputError], str] | None) -> dict[str, Prepared]:
    """The sources, prepared (from the cache where it has them), for the curator's commands; the
    files left out for their problems are named on stderr."""
    from factcheck.cache import Cache
    from factcheck.report import prepared
    from factcheck.sources import load_sources

    loaded, problems = _run(lambda: load_sources(sources, max_source_mb), shape)
    cache = Cache.at(use_cache)
    progress = _Progress()
    try:
        corpus = prepared(loaded, jobs, cache, progress)
    finally:
        progress.stop()
        cache.close()
    if cache.warning:
        _warn(f"factcheck: warning: {printable(cache.warning)}")
    skipped = sorted({p.file for p in problems})
    if skipped:
        _warn(f"factcheck: warning: sources left out: {clip(', '.join(printable(f) for f in skipped), 600)} "
              "(run `factcheck check`)")
    return corpus


def _terminal() -> tuple[int, bool]:
    """Width and colour for text output: the terminal's, or 80 columns and no colour when piped.
    Colour follows the conventions rich follows: NO_COLOR turns it off, FORCE_COLOR on (even in a
    pipe), TERM=dumb off."""
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((80, 24)).columns if tty else 80
    if os.environ.get("NO_COLOR"):
        return width, False
    if os.environ.get("FORCE_COLOR"):
        return width, True
    return width, tty and os.environ.get("TERM") != "dumb"


class _Progress:
    """A progress bar on stderr while sources are read: only on a terminal, and only once reading
    has taken more than a second (a small story shows nothing)."""

    DELAY = 1.0

    def __init__(self) -> None:
        self._start = time.monotonic()
        self._bar: Any = None  # a rich Progress, imported only when shown (it costs --help 0.1 s)
        self._task: Any = None
        self._on = sys.stderr.isatty() and os.environ.get("TERM") != "dumb" and not _QUIET

    def __call__(self, done: int, total: int) -> None:
        if not self._on:
            return
        if self._bar is None:
            if time.monotonic() - self._start < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("reading sources"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("sources", total=total)
        self._bar.update(self._task, completed=done)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _build(claims: Path, sources: Path, claim_ids: list[str] | None, source_ids: list[str] | None,
           stale_after: int, future_grace: int, max_source_mb: float, jobs: int, cache: Cache,
           shape: Callable[[InputError], str] | None = None) -> tuple[Report, list[str]]:
    """The report, and warnings for stderr about input problems whose claims are left out."""
    from factcheck.report import build_report

    progress = _Progress()
    try:
        result = _run(lambda: build_report(claims, sources, claim_ids or (), source_ids or (), stale_after,
                                           future_grace, max_source_mb, jobs, cache, progress), shape)
    finally:
        progress.stop()
    warnings = []
    errors = sum(p.severity == "error" for p in result.problems)
    if errors or result.sources_left_out:
        claims_out = [f"'{printable(c)}' (line {line})" if c else f"line {line}" for c, line in result.claims_left_out]
        named = "; ".join(part for part in (
            f"claims left out: {', '.join(claims_out)}" if claims_out else "",
            f"sources left out: {', '.join(printable(f) for f in result.sources_left_out)}"
            if result.sources_left_out else "") if part)
        warnings.append(f"factcheck: warning: {count(errors, 'input problem')}"
                        f"{'; ' + clip(named, 600) if named else ''} (run `factcheck check`)")
    return result, warnings


@contextlib.contextmanager
def _output_to(path: Path | None) -> Iterator[None]:
    """stdout, or (--output) a temporary file beside `path` that replaces it when the command ends
    with its output: a reader never sees half a file, and a failed run leaves the old one."""
    global _WRITE_FAILED
    if path is None:
        yield
        return
    try:
        out = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in the finally below, then renamed or removed
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        typer.echo(f"factcheck: error: {printable(str(path))}: cannot write the output: {exc.strerror or exc}",
                   err=True)
        raise typer.Exit(2) from None
    saved, sys.stdout, _WRITE_FAILED = sys.stdout, out, False
    done = False
    try:
        yield
        done = not _WRITE_FAILED
    except typer.Exit as exc:
        # A verdict (0, 1) is output; unreadable input (2) is, where the format printed its error document.
        done = not _WRITE_FAILED and (exc.exit_code in (0, 1) or out.tell() > 0)
        raise
    finally:
        sys.stdout = saved
        out.close()
        if done:
            os.chmod(out.name, _mode_for(path))
            os.replace(out.name, path)
        else:
            os.unlink(out.name)


def _mode_for(path: Path) -> int:
    """The permissions a file written with --output gets: those of the file it replaces, else what
    the umask gives a new file (a temporary file is made private, 0600: the page is to be shared)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _serve(command: str, options: tuple[object, ...], claims: Path, sources: Path, max_source_mb: float,
           use_cache: bool, build: Callable[[Cache], tuple[T, list[str]]],
           render: Callable[[T], tuple[str | Iterable[str], int]], replay: bool = True) -> None:
    """Run a command that reads the whole story — or, when nothing it reads has changed since a kept
    run (see cache.py), replay that run: its warnings, its output and its exit code."""
    from factcheck.cache import Cache, Recording, run_key

    cache = Cache.at(use_cache)
    try:
        output_stream = (sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")  # kept as written
        everything = (*options, str(claims), str(sources), max_source_mb, *_terminal(), *output_stream)

        def read_key() -> str | None:
            return run_key(command, everything, claims, sources, max_source_mb) if use_cache and replay else None

        key = read_key()
        kept = cache.replay(key)
        if kept is not None:
            if kept.stderr:
                _warn(kept.stderr.removesuffix("\n"))
            _write(kept.stdout)
            raise typer.Exit(kept.code)
        result, warnings = build(cache)
        if cache.warning:
            warnings.insert(0, f"factcheck: warning: {printable(cache.warning)}")
        for warning in warnings:
            _warn(warning)
        output, code = render(result)
        recording = Recording(*output_stream)
        # Not kept: a run cut short, one without the cache, or one whose input changed while it ran.
        if _write(output, recording) and not cache.warning and key is not None and read_key() == key:
            cache.keep(key, code, "".join(w + "\n" for w in warnings), recording)
    finally:
        cache.close()
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings and no progress bar on stderr "
                                        "(errors still): for scripts that read only the output.")] = False,
) -> None:
    """Find the dates and figures that several articles about one story disagree on."""
    global _QUIET
    _QUIET = quiet


def main() -> None:
    app()
