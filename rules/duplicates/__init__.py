"""Duplicates [DUP]: two unrelated algorithms.

- ``words``: repeated-word (DUP001), a word typed twice ("the the").
- ``paragraphs``: duplicate-paragraph (DUP002) and duplicate-caption (DUP003), exact and
  near copies of lines and paragraphs, found through a sketch index.
"""
