"""Dates [DAT]: weekday-mismatch, invalid-date, date-format.

- ``checks``: the three rules and their registration.
- ``parse``: finds dates, weekdays and datelines in text.
"""
