"""factcheck: find the dates and figures that articles about one story disagree on."""

__version__ = "0.1.0"
