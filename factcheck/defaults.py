"""Defaults of the command line's options, in a module that imports nothing: `factcheck --help`
should not load the whole tool."""

STALE_AFTER_DAYS = 180  # an "as of" date older than this, at publication, is stale framing
FUTURE_GRACE_DAYS = 0  # an event dated this many days after publication is still accepted
MAX_SOURCE_MB = 1  # a source larger than this is refused unless --max-source-mb allows it (see README)
