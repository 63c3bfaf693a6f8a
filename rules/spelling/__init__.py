"""Spelling [SPL]: misspelling, spelling-variant, name-variant.

- ``checks``: the three rules and their registration.
- ``tokens``: the word scan (what counts as a word, names, initials, templates).
- ``lexicon``: the word lists in ``newslint/rules/data`` and lookups into them.
- ``suggest``: candidate corrections and their channel cost.
- ``context``: word and word-pair counts that rank candidates.
- ``evidence``: signs in the story that an unknown word is right (credits, mentions).
- ``foreign``: fragments of other languages, pinyin, name particles.
- ``morph``: suffixes, compounds and other word forms built from known words.
"""
