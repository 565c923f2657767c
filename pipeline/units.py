"""Load ``rules/units.yaml``: units, qualifiers and word lists of the quantity tagger.

The tagger's regex is built from these lexicons, so they are validated
strictly (pydantic, unknown keys forbidden) and every problem in the file is
reported at once as ``file:line`` before anything is compiled.  The file is
read once per path and cached; :func:`load_units` with another path is how
tests and users try a modified lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .gcpause import collector_paused
from .resources import rules_path
from .rulefile import Problem, RuleFileError, duplicate_surfaces, read_sections, validate

Label = Literal["PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "FRACTION"]
Qualifier = Literal["about", ">", ">=", "<", "<="]
UnitKind = Literal["measure", "physical", "currency", "percent", "fraction", "multiple", "time"]
Number = Union[int, float, str]

_DEFAULT_LABEL = {
    "measure": "QUANTITY",
    "physical": "QUANTITY",
    "currency": "MONEY",
    "percent": "PERCENT",
    "fraction": "FRACTION",
    "multiple": "QUANTITY",
    "time": "QUANTITY",
}


def _fraction(value: Number) -> Fraction:
    """Exact value of a YAML number; strings allow exact ratios such as ``2000/3``."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def _whole_or_fraction(value: Number) -> int | Fraction:
    exact = _fraction(value)
    return int(exact) if exact.denominator == 1 else exact


class Example(BaseModel):
    """A string the lexicon entry must tag, and what it must give."""

    model_config = ConfigDict(extra="forbid")
    text: str
    match: Optional[str] = None
    also: list[str] = []  # the other quantities the text gives, in order (a list of ranks gives one per rank)
    value: Number
    unit: str
    label: Optional[Label] = None
    qualifier: Optional[Qualifier] = None
    upper: Optional[Number] = None
    base_value: Optional[Number] = None
    currency: Optional[str] = None

    @field_validator("value", "upper", "base_value")
    @classmethod
    def _exact(cls, v: Optional[Number]) -> Optional[Number]:
        if v is not None:
            _fraction(v)
        return v


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    surfaces: list[str]
    examples: list[Example] = []
    negatives: list[str] = []

    @field_validator("surfaces")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not s or s != s.strip() for s in v):
            raise ValueError("surfaces must be a non-empty list of non-empty strings without outer spaces")
        return v


class UnitModel(_Entry):
    """One unit or measure word (see the schema at the top of units.yaml)."""

    kind: UnitKind
    canonical: Optional[str] = None
    scale: Number = 1
    label: Optional[Label] = None
    dimension: Optional[str] = None
    base_unit: Optional[str] = None
    factor: Optional[Number] = None
    currency: Optional[str] = None
    clock: bool = False
    when: bool = False
    category: bool = False
    discount: bool = False
    cued: bool = False
    big_number: bool = False
    numeral_tail: bool = False
    tenths: bool = False
    grade: bool = False
    noun: Optional[str] = None

    @field_validator("scale", "factor")
    @classmethod
    def _exact(cls, v: Optional[Number]) -> Optional[Number]:
        if v is not None and _fraction(v) <= 0:
            raise ValueError("must be a positive number")
        return v

    @model_validator(mode="after")
    def _kind_fields(self) -> "UnitModel":
        physical = (self.dimension, self.base_unit, self.factor)
        if self.kind == "physical" and None in physical:
            raise ValueError("a physical unit needs dimension, base_unit and factor")
        if self.kind != "physical" and any(x is not None for x in physical):
            raise ValueError("dimension, base_unit and factor are for physical units only")
        if (self.kind == "currency") != (self.currency is not None):
            raise ValueError("currency (ISO 4217 code) is required for currencies and only for them")
        if self.currency is not None and not (len(self.currency) == 3 and self.currency.isupper()):
            raise ValueError(f"currency {self.currency!r} is not an ISO 4217 code such as CNY")
        if self.noun is not None and not all(s.endswith(self.noun) and s != self.noun for s in self.surfaces):
            raise ValueError(f"every surface must end with the noun {self.noun!r} and hold more than it")
        return self


class QualifierModel(_Entry):
    """A qualifier word and where it stands relative to the number."""

    position: Literal["prefix", "infix", "suffix"]
    meaning: Qualifier
    after: Optional[list[UnitKind]] = None

    @model_validator(mode="after")
    def _after_suffix(self) -> "QualifierModel":
        if self.after is not None and self.position != "suffix":
            raise ValueError("after (the unit kinds a qualifier follows) is for suffix qualifiers only")
        return self


class WordModel(_Entry):
    """A closed word list the grammar needs (ordinal stops, connectors ...)."""

    kind: Literal[
        "fraction_word", "multiple_word", "ordinal_prefix", "ordinal_first", "ordinal_measure", "ordinal_count",
        "ordinal_stop", "unit_stop", "unit_verb", "prefix_block", "suffix_block", "vague_block", "qualifier_verb", "time_cue", "vague_prefix", "range_separator",
        "connector", "count_after_ge", "bare_next", "index_cue", "note_word", "change_verb", "value_follow", "stay_word",
        "stay_verb", "numeral_name", "value_acronym", "clock_cue",
        "rank_set", "share_cue",
        "currency_symbol", "money_subunit", "spoken_money", "category_tail", "bare_block", "unit_cue", "age_tail", "span_tail",
        "head_noun", "magnitude_cue", "unit_topic", "unit_split", "unit_split_noun", "size_class",
        "ratio_cue", "milestone", "rank_list_block", "lone_fraction", "share_tail", "date_unit", "year_tail",
        "tenths_glue", "article_measure", "range_end", "unit_word", "currency_name", "local_dollar",
    ]
    value: Optional[Number] = None
    qualifier: Optional[Qualifier] = None
    unit: Optional[str] = None

    @model_validator(mode="after")
    def _value_words(self) -> "WordModel":
        needs_value = self.kind in ("fraction_word", "multiple_word", "money_subunit", "lone_fraction")
        if needs_value != (self.value is not None):
            raise ValueError("value is required for fraction_word, multiple_word, money_subunit and lone_fraction,"
                             " and only for them")
        needs_unit = self.kind in ("currency_symbol", "money_subunit", "spoken_money", "unit_cue", "unit_topic",
                                   "currency_name", "local_dollar")
        if needs_unit and self.unit is None:
            raise ValueError(f"unit (the currency unit's surface) is required for {self.kind}")
        return self


@dataclass(frozen=True)
class Unit:
    """A unit surface as the tagger uses it."""

    id: str
    surface: str
    kind: str
    canonical: str
    label: str
    scale: int | Fraction = 1  # an int when whole: the tagger compares it with 1 for every quantity
    dimension: str | None = None
    base_unit: str | None = None
    factor: Fraction | None = None
    currency: str | None = None
    clock: bool = False
    when: bool = False  # also the conjunction "when" after a number that is no hour of the clock (客流突破100万时)
    category: bool = False
    discount: bool = False
    cued: bool = False
    big_number: bool = False  # a cued unit that needs no cue after 万 or 亿 (7亿8,400万度)
    numeral_tail: bool = False
    tenths: bool = False  # a digit or 半 right after the unit counts its tenths (三成五, 一倍八, 两倍半)
    grade: bool = False  # a noun glued after it makes a product's size, part of its name (12吋晶圆), as after mm
    noun: str | None = None  # written after the unit and read with it, but no part of the quantity (度电)


@dataclass(frozen=True)
class Lexicon:
    """Everything the tagger reads from units.yaml, indexed for lookup."""

    path: str
    units: dict[str, Unit]
    qualifiers: dict[str, dict[str, str]]  # position -> surface -> meaning
    suffix_after: dict[str, frozenset[str]]  # suffix surface -> the unit kinds it may follow (absent: any)
    words: dict[str, dict[str, WordModel]]  # kind -> surface -> entry
    examples: list[tuple[str, int, Example]] = field(default_factory=list)  # (entry id, line, example)
    negatives: list[tuple[str, int, str]] = field(default_factory=list)

    def word_set(self, kind: str) -> frozenset[str]:
        """The surfaces of one word kind."""
        return frozenset(self.words.get(kind, {}))

    def currency_names(self) -> tuple[str, ...]:
        """The names of whole currencies (美元, 新台币, 澳门元 ...), longest first, for the catalogue, which reads a
        currency written before a measure: the currency units' surfaces of two characters or more, less those written
        with a subunit or a spoken amount word (港仙, 美分, 分钱, 块钱: amounts of a currency, not its name).  One
        character (元, 仙, 蚊) is also a piece of other words (元旦)."""
        amounts = self.word_set("money_subunit") | self.word_set("spoken_money")
        names = {s for s, unit in self.units.items()
                 if unit.kind == "currency" and len(s) > 1 and not any(a in s for a in amounts)}
        return tuple(sorted(names, key=lambda s: (-len(s), s)))


SECTIONS = ("units", "qualifiers", "words")
#: word kinds whose ``unit`` names a currency unit of the file (a symbol, a subunit, 块, the local dollar)
_CURRENCY_WORDS = ("currency_symbol", "money_subunit", "spoken_money", "local_dollar")


def load_units(path: Path | str | None = None) -> Lexicon:
    """Read and validate a units file (default: the bundled one); cached per path."""
    return _load(str(Path(path) if path is not None else rules_path("units.yaml")))


@lru_cache(maxsize=8)
@collector_paused()
def _load(path: str) -> Lexicon:
    sections = read_sections(path, SECTIONS)
    problems: list[Problem] = []
    units_ok, p1 = validate(path, sections["units"], UnitModel)
    quals_ok, p2 = validate(path, sections["qualifiers"], QualifierModel)
    words_ok, p3 = validate(path, sections["words"], WordModel)
    problems += p1 + p2 + p3
    ids: dict[str, int] = {}
    for item, line in units_ok + quals_ok + words_ok:
        if item.id in ids:
            problems.append(Problem(path, line, f"duplicate id {item.id!r} (first defined on line {ids[item.id]})"))
        ids.setdefault(item.id, line)

    problems += duplicate_surfaces([(path, f"unit {item.id!r}", item.id, line, item.surfaces) for item, line in units_ok])
    problems += duplicate_surfaces([(path, f"qualifier position {item.position!r}", item.id, line, item.surfaces)
                                    for item, line in quals_ok])
    problems += duplicate_surfaces([(path, f"word kind {item.kind!r}", item.id, line, item.surfaces)
                                    for item, line in words_ok])
    units: dict[str, Unit] = {}
    unit_lines: dict[str, tuple[str, int]] = {}
    examples: list[tuple[str, int, Example]] = []
    negatives: list[tuple[str, int, str]] = []
    for item, line in units_ok:
        for surface in item.surfaces:
            if surface in unit_lines and unit_lines[surface][0] != item.id:
                other, other_line = unit_lines[surface]
                problems.append(
                    Problem(path, line, f"unit {item.id!r}: surface {surface!r} already belongs to {other!r} (line {other_line})")
                )
                continue
            unit_lines[surface] = (item.id, line)
            units[surface] = Unit(
                id=item.id,
                surface=surface,
                kind=item.kind,
                canonical=item.canonical if item.canonical is not None else surface,
                label=item.label or _DEFAULT_LABEL[item.kind],
                scale=_whole_or_fraction(item.scale),
                dimension=item.dimension,
                base_unit=item.base_unit,
                factor=_fraction(item.factor) if item.factor is not None else None,
                currency=item.currency,
                clock=item.clock,
                when=item.when,
                category=item.category,
                discount=item.discount,
                cued=item.cued,
                big_number=item.big_number,
                numeral_tail=item.numeral_tail,
                tenths=item.tenths,
                grade=item.grade,
                noun=item.noun,
            )
    qualifiers: dict[str, dict[str, str]] = {"prefix": {}, "infix": {}, "suffix": {}}
    suffix_after: dict[str, frozenset[str]] = {}
    for item, line in quals_ok:
        for surface in item.surfaces:
            qualifiers[item.position][surface] = item.meaning
            if item.after is not None:
                suffix_after[surface] = frozenset(item.after)
    words: dict[str, dict[str, WordModel]] = {}
    for item, line in words_ok:
        for surface in item.surfaces:
            words.setdefault(item.kind, {})[surface] = item
        if item.kind in _CURRENCY_WORDS and (item.unit not in units or units[item.unit].kind != "currency"):
            problems.append(Problem(path, line, f"word {item.id!r}: unit {item.unit!r} is not the surface of a currency"))
        if item.kind in ("unit_cue", "unit_topic") and (item.unit not in units or not units[item.unit].cued):
            problems.append(Problem(path, line, f"word {item.id!r}: unit {item.unit!r} is not a cued unit of the file"))
        if item.kind == "unit_word":
            problems += [Problem(path, line, f"word {item.id!r}: {s!r} does not start with a one-character unit")
                         for s in item.surfaces if len(s) < 2 or s[0] not in units]
    for item, line in units_ok + quals_ok + words_ok:
        examples += [(item.id, line, ex) for ex in item.examples]
        negatives += [(item.id, line, neg) for neg in item.negatives]
    if problems:
        raise RuleFileError(problems)
    return Lexicon(path, units, qualifiers, suffix_after, words, examples, negatives)
