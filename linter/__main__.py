"""``python -m linter``: the same as the ``newslint`` command."""

from newslint.cli import entry

entry()
