"""``python -m linter``: the same as the ``newslint`` command."""

from linter.cli import entry

entry()
