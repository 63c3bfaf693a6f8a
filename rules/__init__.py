"""newslint's built-in rules (``newslint.rules``), each family a pluggy plugin.

A family small enough for one module is one module (``punctuation``, ``quotes`` ...); a
family that needs several is a sub-package (``spelling``, ``measures``, ``dates``,
``duplicates``). ``newslint rules`` lists every rule with the module that defines it.
"""
