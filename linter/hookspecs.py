"""The whole plugin contract: two markers and three ``register`` hooks.

A rule pack is a module (or object) with ``@hookimpl`` functions, registered through the
``newslint`` entry-point group::

    [project.entry-points.newslint]
    mypack = "mypack.rules"

The engine keeps control of validation, duplicate codes and names (an error naming both
plugins) and ordering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslint.formats import Format
    from newslint.registry import Rule
    from newslint.reporters.base import Reporter

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    """Offer rules to the engine.

    :param register: call once per :class:`~newslint.registry.Rule`; a code or name already
        taken by another plugin is an error naming both plugins.
    """


@hookspec
def newslint_register_formats(register: Callable[[Format], None]) -> None:
    """Offer document formats: a name, the file suffixes it claims, and
    ``parse(source) -> Document``.

    :param register: call once per :class:`~newslint.formats.Format`.
    """


@hookspec
def newslint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Offer output formats for ``--output-format``: a name and
    ``write(results, stream, options)``.

    :param register: call once per :class:`~newslint.reporters.Reporter`.
    """
