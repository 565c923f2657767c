"""The marks that join the items of a list (福建、广东和浙江; 出口及进口; 交通及餐饮业), in one place for the code that
splits coordinated names, tells a list of places or items from one name, or distributes listed values over a list.

A module that needs another set writes it as these plus its own characters, saying why beside it.  The rule files'
lexicon class ``conj`` (rules/linker.yaml: 以及, 或, 跟 too) is the rule patterns' own class, read from the rule files
in use; these are the code's.
"""
from __future__ import annotations

import regex

# the enumeration comma and the three conjunctions "and" of written Chinese
LIST_JOINERS = "、和及与"
LIST_JOINER = regex.compile("[" + LIST_JOINERS + "]")
# and 或 "or", which coordinates names as they do: a subject or a ranked item holding it is several names
COORDINATORS = LIST_JOINERS + "或"
COORDINATOR = regex.compile("[" + COORDINATORS + "]")
