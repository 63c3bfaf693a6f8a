"""The one date helper: a story's date from whatever carries it.

Configuration (a TOML date or an ISO string), ``--date``, HTML ``<meta>`` and ``<time>``
values and Markdown front matter all go through :func:`to_date`; rules read the result
from :attr:`newslint.document.Document.date`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newslint import patterns

ISO_DATE = patterns.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# Written-out dates as front matter has them ("November 22, 2024", "22 Nov 2024", "2024/11/22").
WRITTEN_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def to_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime, an ISO string ("2024-11-22", "2024-11-22T09:00Z")
    or a written-out one ("November 22, 2024"); None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for fmt in WRITTEN_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None
