"""User-facing errors: a clear one-line message and exit code 2, never a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """A user mistake (bad option, bad config, unknown rule): printed as one line, exit 2."""
