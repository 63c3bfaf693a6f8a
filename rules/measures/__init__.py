"""Measures [UNT, NUM]: units and numbers.

- ``units``: unit-conversion (UNT001) and unit-style (UNT002).
- ``numbers``: percent-style (NUM001) and ap-numerals (NUM002).
- ``unit_parse``: finds measures ("12 miles (19 km)") in text.
- ``unit_data``: the unit table (names, aliases, factors).
- ``unit_style``: the checks behind unit-style.
- ``number_parse``: numbers in figures and words ("4.5", "twelve", "1 1/2").
"""
