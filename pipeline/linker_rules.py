"""Schema and loader of the linker's rule files (``rules/linker.yaml``, ``rules/indicators.yaml``).

The linker itself (``pipeline/linker.py``) is a small generic engine; what it
knows about Chinese statistical prose lives in two YAML files a linguist can
edit without reading Python:

* ``linker.yaml`` ``lexicon:`` word classes (triggers with their kind and
  sign, comparison bases, qualifier words, fillers, locations, period
  patterns ...) and ``rules:`` the linking rules, each a regular expression
  over the text right before (``left``) and/or right after (``right``) a
  quantity, with macros ``{class}`` that expand to a lexicon class, plus its
  own positive ``examples`` and ``negatives``.
* ``indicators.yaml`` ``indicators:`` canonical indicator names, ids and
  aliases.

``load_rules`` validates every record (unknown fields, bad values, duplicate
ids, regular expressions that do not compile, macros naming no class) and
raises one ``RuleFileError`` listing every problem as ``file:line: message``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional, Sequence

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .resources import rules_path
from .rulefile import Problem, RuleFileError, read_sections, validate

KINDS = ("level", "change", "share", "rank", "target")
BASES = ("yoy", "mom", "vs_prev")

# Lexicon classes the engine reads; a macro ``{name}`` in a rule may name any of them.
LEXICON_CLASSES = (
    "trigger",  # a verb right before the value; carries kind and sign (and sometimes a basis)
    "basis",  # a comparison cue: 同比 -> yoy ...; carries basis
    "qualifier",  # words between trigger and value that qualify it (约 超过 近 ...)
    "target",  # a cue that the statement is a future goal (到2025年 力争 ...)
    "share",  # a share predicate (占...比重) before the value
    "location",  # place words and patterns, stripped from subjects, reported as location
    "filler_prefix",  # words stripped from the start of a subject (其中 全年 累计 ...)
    "filler_suffix",  # words stripped from the end of a subject (分别 均 累计 ...)
    "subject_strip",  # patterns removed anywhere in a subject (parentheses, 按可比价格计算 ...)
    "leading_verb",  # verbs stripped from the start of a subject (建成 实现 ...)
    "count_verb",  # verbs after which "N个 + noun" is a measured count (建成45个集群)
    "stop_verb",  # verbs that end a noun phrase written after the value
    "anaphor",  # subjects that refer back to the previous indicator (增速 数量 ...)
    "head",  # head nouns that, alone, combine with a topic (新三样产品 + 出口)
    "share_noun",  # indicator endings that make a level a share (比重 生产比 ...)
    "rate_noun",  # indicator endings that make a level a rate of change (增长率 ...)
    "heading",  # whole clauses that are headings, not subjects (分产业看 ...)
    "not_topic",  # clause starts/ends that never give a topic (据 根据 ... 显示)
    "topic_cut",  # where a topic clause stops being the subject (占 与 作为 ...)
    "period",  # period patterns (used when the caller passes no periods)
    "period_ref",  # words right before a period that make it a comparison reference
    "comparative",  # one-character comparatives, change triggers only after 比/较
    "conj",  # words joining listed values (和 、 或 ...)
    "list_cue",  # words that make a coordination distributive (分别)
    "shared_cue",  # words that share one value among conjuncts (均 都)
    "place_unit",  # measure words of a count of places (四省, 31个省份): a place reference, not part of a name
)


class LexiconEntry(BaseModel):
    """One group of words or patterns of a lexicon class."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    class_: Literal[LEXICON_CLASSES] = Field(alias="class")  # type: ignore[valid-type]
    description: str = ""
    words: list[str] = []
    patterns: list[str] = []
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    sign: Literal[1, -1] = 1
    basis: Optional[Literal[BASES]] = None  # type: ignore[valid-type]

    @field_validator("patterns")
    @classmethod
    def _compile(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                regex.compile(p)
            except regex.error as err:
                raise ValueError(f"pattern {p!r} does not compile: {err}") from None
        return v

    @field_validator("words")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        if any(not w for w in v):
            raise ValueError("empty word")
        return v


class ExpectedEvent(BaseModel):
    """An event a rule example must produce (fields left out are not checked)."""

    model_config = ConfigDict(extra="forbid")

    indicator: str
    value_text: str
    value: Optional[float] = None
    unit: Optional[str] = None
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    basis: Optional[str] = "unchecked"
    period: Optional[str] = "unchecked"
    location: Optional[str] = "unchecked"


class Example(BaseModel):
    """A sentence with its quantities marked as [..] and the events it must yield."""

    model_config = ConfigDict(extra="forbid")

    text: str
    events: list[ExpectedEvent] = []

    @field_validator("text")
    @classmethod
    def _marked(cls, v: str) -> str:
        if "[" not in v:
            raise ValueError("mark each quantity of the example as [..]")
        return v


class Negative(BaseModel):
    """A sentence and a marked value that must get no event (or none from this rule)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    value_text: str
    mode: Literal["no_event", "not_this_rule"] = "no_event"


class LinkRule(BaseModel):
    """One linking rule: conditions on the text around a quantity, and what it yields."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    left: Optional[str] = None
    right: Optional[str] = None
    sentence_before: Optional[str] = None
    labels: Optional[list[Literal["PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "FRACTION"]]] = None
    units: Optional[list[str]] = None
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    sign: Optional[Literal[1, -1]] = None
    basis: Literal["cue", "none", "yoy", "mom", "vs_prev"] = "cue"
    subject: Literal["left", "right", "carry", "previous"] = "left"
    emit: bool = True
    examples: list[Example] = []
    negatives: list[Negative] = []


class Indicator(BaseModel):
    """A canonical indicator with the names it is written as."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: list[str] = []
    description: str = ""


_MACRO = regex.compile(r"\{([a-z_]+)\}")


@dataclass
class CompiledRule:
    spec: LinkRule
    line: int
    left: Optional[regex.Pattern]
    right: Optional[regex.Pattern]
    sentence_before: Optional[regex.Pattern]


@dataclass
class EnginePatterns:
    """The patterns the linking engine derives from the lexicon, compiled once when the rules load.

    The engine (``pipeline/linker.py``) never builds or compiles a pattern per document: every
    pattern it needs is here (attribute names are the engine's own).
    """

    p_location: regex.Pattern
    p_basis_prefix: Optional[regex.Pattern]
    p_basis_suffix: Optional[regex.Pattern]
    p_share_noun: regex.Pattern
    p_change_trigger: regex.Pattern  # a change trigger ending the text (adverbs after it allowed)
    p_trigger_change: regex.Pattern  # any change trigger
    p_filler_prefix: regex.Pattern
    p_filler_suffix: regex.Pattern
    p_strip: regex.Pattern
    p_leading_verb: regex.Pattern
    p_anaphor: regex.Pattern
    p_head: regex.Pattern
    p_head_suffix: regex.Pattern
    p_rate: regex.Pattern
    p_heading: regex.Pattern
    p_not_topic: regex.Pattern
    p_topic_cut: regex.Pattern
    p_share: regex.Pattern
    p_target: regex.Pattern
    p_list_cue: regex.Pattern
    p_shared_cue: regex.Pattern
    p_stop: regex.Pattern
    p_period_ref: regex.Pattern
    p_conj_only: regex.Pattern
    p_place_unit: regex.Pattern
    # triggers that carry their own basis (年增, 月增), as cues for basis_for: (pattern, basis)
    basis_triggers: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    comparatives: frozenset[str] = frozenset()
    # every basis cue for basis_for, with the literal word a cue needs to occur (None for a pattern), so
    # the engine skips the cues whose word is absent: (literal or None, pattern, basis)
    basis_cues: list[tuple[Optional[str], regex.Pattern, str]] = field(default_factory=list)
    basis_trigger_literals: list[Optional[str]] = field(default_factory=list)  # parallel to basis_triggers


def _engine_patterns(compiled: dict[str, regex.Pattern], alternations: dict[str, str],
                     bases: list[tuple[regex.Pattern, str]], triggers: dict[str, "LexiconEntry"],
                     trigger_patterns: list[tuple[regex.Pattern, "LexiconEntry"]],
                     lexicon: dict[str, list["LexiconEntry"]]) -> EnginePatterns:
    lex = compiled
    bases_alt = "|".join(p.pattern for p, _ in bases)
    basis_triggers: list[tuple[regex.Pattern, str]] = []
    trigger_literals: list[Optional[str]] = []
    for word, entry in triggers.items():
        if entry.basis:
            basis_triggers.append((regex.compile(r"(?<![上去今本全明前当同])" + regex.escape(word)), entry.basis))
            trigger_literals.append(word)
    for pat, entry in trigger_patterns:
        if entry.basis:
            basis_triggers.append((pat, entry.basis))
            trigger_literals.append(None)
    basis_cues: list[tuple[Optional[str], regex.Pattern, str]] = []
    for pat, basis in bases:
        literal = regex.sub(r"\\(.)", r"\1", pat.pattern)
        basis_cues.append((literal if regex.escape(literal) == pat.pattern else None, pat, basis))
    return EnginePatterns(
        p_location=regex.compile(lex["location"].pattern, flags=regex.POSIX),
        p_basis_prefix=regex.compile("(?:" + bases_alt + ")") if bases else None,
        p_basis_suffix=regex.compile("(?:" + bases_alt + r")\s*$") if bases else None,
        p_share_noun=lex["share_noun"],
        p_change_trigger=regex.compile("(?:" + alternations["trigger_change"] + r")(?:显著|明显|较快|迅速|强劲|较多|较大)?$"),
        p_trigger_change=lex["trigger_change"],
        p_filler_prefix=lex["filler_prefix"],
        p_filler_suffix=regex.compile("(?:" + lex["filler_suffix"].pattern + r")\s*$"),
        p_strip=lex["subject_strip"],
        p_leading_verb=lex["leading_verb"],
        p_anaphor=regex.compile("^(?:" + lex["anaphor"].pattern + ")$"),
        p_head=regex.compile("^(?:" + lex["head"].pattern + ")$"),
        p_head_suffix=regex.compile("(?:" + lex["head"].pattern + ")$"),
        p_rate=lex["rate_noun"],
        p_heading=lex["heading"],
        p_not_topic=lex["not_topic"],
        p_topic_cut=lex["topic_cut"],
        p_share=lex["share"],
        p_target=lex["target"],
        p_list_cue=lex["list_cue"],
        p_shared_cue=lex["shared_cue"],
        p_stop=lex["stop_verb"],
        p_period_ref=regex.compile("(?:" + lex["period_ref"].pattern + r")\s*$"),
        p_conj_only=regex.compile(r"^\s*(?:" + lex["conj"].pattern + r")\s*(?:" + lex["qualifier"].pattern + r")?\s*$"),
        p_place_unit=lex["place_unit"],
        basis_triggers=basis_triggers,
        basis_trigger_literals=trigger_literals,
        basis_cues=basis_cues,
        comparatives=frozenset(w for e in lexicon.get("comparative", []) for w in e.words),
    )


@dataclass
class LinkerRules:
    """Everything the linker needs, compiled."""

    lexicon: dict[str, list[LexiconEntry]]
    rules: list[CompiledRule]
    indicators: list[Indicator]
    alternations: dict[str, str] = field(default_factory=dict)
    compiled: dict[str, regex.Pattern] = field(default_factory=dict)
    triggers: dict[str, LexiconEntry] = field(default_factory=dict)
    trigger_patterns: list[tuple[regex.Pattern, LexiconEntry]] = field(default_factory=list)
    bases: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    alias_index: dict[str, Indicator] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    engine: Optional[EnginePatterns] = None
    rule_index: dict[str, CompiledRule] = field(default_factory=dict)

    def words(self, cls: str) -> list[str]:
        return [w for e in self.lexicon.get(cls, []) for w in e.words]

    def pattern(self, cls: str) -> regex.Pattern:
        """The compiled alternation of a class (words escaped, longest first; then patterns)."""
        return self.compiled[cls]

    def rule(self, rule_id: str) -> CompiledRule:
        if rule_id in self.rule_index:
            return self.rule_index[rule_id]
        for r in self.rules:
            if r.spec.id == rule_id:
                return r
        raise KeyError(rule_id)


def _alternation(entries: Sequence[LexiconEntry]) -> str:
    words = sorted({w for e in entries for w in e.words}, key=len, reverse=True)
    parts = [regex.escape(w) for w in words]
    parts += [p for e in entries for p in e.patterns]
    if not parts:
        return "(?!)"
    return "(?:" + "|".join(parts) + ")"


def _expand(pattern: str, alternations: dict[str, str]) -> tuple[str, list[str]]:
    unknown: list[str] = []

    def sub(m: regex.Match) -> str:
        name = m.group(1)
        if name not in alternations:
            unknown.append(name)
            return m.group(0)
        return alternations[name]

    return _MACRO.sub(sub, pattern), unknown


_NORM_KEY = regex.compile(r"[\s“”‘’\"'「」『』]+")


def _norm_key(name: str) -> str:
    return _NORM_KEY.sub("", name).lower()


def default_paths() -> tuple[Path, Path]:
    return rules_path("linker.yaml"), rules_path("indicators.yaml")


def load_rules(paths: Sequence[Path | str] | None = None) -> LinkerRules:
    """Load, validate and compile the linker rule files; raise ``RuleFileError`` listing every problem.

    ``paths`` lists YAML files; each may hold any of the sections ``lexicon``,
    ``rules`` and ``indicators``.  Ids must be unique within each section
    across all files.  Default: the bundled ``linker.yaml`` and ``indicators.yaml``.
    """
    paths = [Path(p) for p in (paths or default_paths())]
    problems: list[Problem] = []
    lex: list[tuple[LexiconEntry, int, str]] = []
    link: list[tuple[LinkRule, int, str]] = []
    inds: list[tuple[Indicator, int, str]] = []
    seen: dict[str, dict[str, str]] = {"lexicon": {}, "rules": {}, "indicators": {}}
    for path in paths:
        try:
            sections = read_sections(path, ("lexicon", "rules", "indicators"))
        except RuleFileError as err:
            problems.extend(err.problems)
            continue
        for name, model, sink in (
            ("lexicon", LexiconEntry, lex),
            ("rules", LinkRule, link),
            ("indicators", Indicator, inds),
        ):
            good, probs = validate(path, sections[name], model)
            problems.extend(probs)
            for item, line in good:
                where = f"{path}:{line}"
                if item.id in seen[name]:
                    problems.append(
                        Problem(str(path), line, f"duplicate id {item.id!r} (first defined at {seen[name][item.id]})")
                    )
                    continue
                seen[name][item.id] = where
                sink.append((item, line, str(path)))  # type: ignore[arg-type]

    lexicon: dict[str, list[LexiconEntry]] = {c: [] for c in LEXICON_CLASSES}
    for entry, _, _ in lex:
        lexicon[entry.class_].append(entry)
    alternations = {c: _alternation(es) for c, es in lexicon.items()}
    # finer macros: triggers by kind and direction
    for kind in KINDS:
        alternations[f"trigger_{kind}"] = _alternation([e for e in lexicon["trigger"] if e.kind == kind])
    alternations["trigger_up"] = _alternation([e for e in lexicon["trigger"] if e.kind == "change" and e.sign == 1])
    alternations["trigger_down"] = _alternation([e for e in lexicon["trigger"] if e.kind == "change" and e.sign == -1])

    compiled_rules: list[CompiledRule] = []
    for rule, line, path in link:
        pats: dict[str, Optional[regex.Pattern]] = {}
        for attr in ("left", "right", "sentence_before"):
            src = getattr(rule, attr)
            if src is None:
                pats[attr] = None
                continue
            expanded, unknown = _expand(src, alternations)
            for name in unknown:
                problems.append(Problem(path, line, f"rule {rule.id!r}: {attr}: unknown macro {{{name}}}; "
                                        f"use one of the lexicon classes"))
            if attr == "left" and not expanded.endswith("$"):
                expanded += "$"
            if attr == "right" and not expanded.startswith("^"):
                expanded = "^(?:" + expanded + ")"
            try:
                pats[attr] = regex.compile(expanded)
            except regex.error as err:
                problems.append(Problem(path, line, f"rule {rule.id!r}: {attr}: pattern does not compile: {err}"))
                pats[attr] = None
        compiled_rules.append(CompiledRule(rule, line, pats["left"], pats["right"], pats["sentence_before"]))

    compiled: dict[str, regex.Pattern] = {}
    for name, alt in alternations.items():
        try:
            compiled[name] = regex.compile(alt)
        except regex.error as err:  # pragma: no cover - patterns are checked one by one above
            problems.append(Problem(paths[0].name, 0, f"lexicon class {name!r} does not compile: {err}"))

    alias_index: dict[str, Indicator] = {}
    for ind, line, path in inds:
        for alias in [ind.name, *ind.aliases]:
            key = _norm_key(alias)
            other = alias_index.get(key)
            if other is not None and other.id != ind.id:
                problems.append(Problem(path, line, f"rule {ind.id!r}: alias {alias!r} already belongs to {other.id!r}"))
                continue
            alias_index[key] = ind

    if problems:
        raise RuleFileError(problems)

    triggers: dict[str, LexiconEntry] = {}
    trigger_patterns: list[tuple[regex.Pattern, LexiconEntry]] = []
    for e in lexicon["trigger"]:
        for w in e.words:
            triggers.setdefault(w, e)
        for p in e.patterns:
            trigger_patterns.append((regex.compile(p), e))
    bases: list[tuple[regex.Pattern, str]] = []
    for e in lexicon["basis"]:
        for w in e.words:
            bases.append((regex.compile(regex.escape(w)), e.basis or ""))
        for p in e.patterns:
            bases.append((regex.compile(p), e.basis or ""))

    return LinkerRules(
        engine=_engine_patterns(compiled, alternations, bases, triggers, trigger_patterns, lexicon),
        rule_index={r.spec.id: r for r in compiled_rules},
        lexicon=lexicon,
        rules=compiled_rules,
        indicators=[i for i, _, _ in inds],
        alternations=alternations,
        compiled=compiled,
        triggers=triggers,
        trigger_patterns=trigger_patterns,
        bases=bases,
        alias_index=alias_index,
        sources=tuple(str(p) for p in paths),
    )


@lru_cache(maxsize=1)
def default_rules() -> LinkerRules:
    """The bundled rules, loaded once."""
    return load_rules()


def lookup_indicator(rules: LinkerRules, name: str) -> Optional[Indicator]:
    return rules.alias_index.get(_norm_key(name))
