"""What the command-line front ends share: exit codes, the colour switch and how errors
are printed. Imported by ``cli`` and ``check``, importing neither."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

#: 0: no findings; 1: findings (with --diff: fixes to apply); 2: usage, configuration or I/O
#: error, or an internal error in a rule.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def no_color(flag: bool) -> bool:
    """Whether colour is off: ``--no-color`` or the ``NO_COLOR`` environment variable."""
    return flag or bool(os.environ.get("NO_COLOR"))


def print_load_errors(errors: Sequence[str], stream: TextIO | None = None) -> None:
    """One ``newslint: error:`` line per plugin that failed to load."""
    for e in errors:
        (stream or sys.stderr).write(f"newslint: error: {e}\n")
