"""Real-word errors [RWE]: indefinite-article, confused-word, mass-noun.

- ``checks``: the three rules and their registration.
- ``confusion``: confused-word's candidates, the model's verdict, guards and fixed phrases.
- ``sets``: the confusion sets and the fixed phrases (data).
- ``context``: the words around a candidate as the language model sees them.
- ``model``: the n-gram scores in ``newslint/rules/data/realword_lm.bin``, loaded lazily.
- ``keys``: the n-gram key shared with ``scripts/build_realword.py``.
- ``sounds``: how the word after "a"/"an" begins when said (CMU Pronouncing Dictionary).
"""
