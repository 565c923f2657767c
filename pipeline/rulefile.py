"""Load and validate YAML rule files, reporting every problem as ``file:line``.

Rule files are edited by people who do not read Python, so a mistake must be
reported where it is, all at once, before any rule is used.  Each file is a
YAML mapping whose list-valued section (``rules:``, ``units:`` ...) holds one
mapping per record; the loader keeps the line on which each record starts
and validates it against a pydantic model with ``extra="forbid"``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One problem found in a rule file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RuleFileError(ValueError):
    """Raised once per load with every problem found, each as ``file:line: message``."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("invalid rule file(s):\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Record:
    """A raw record of a rule file and the 1-based line it starts on."""

    data: dict[str, Any]
    line: int


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    """A safe loader that rejects duplicate mapping keys instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def read_sections(path: Path | str, sections: tuple[str, ...]) -> dict[str, list[Record]]:
    """Parse a YAML rule file into ``{section: [Record, ...]}``.

    Raises ``RuleFileError`` for unreadable files, YAML syntax errors, an
    unknown top-level key, or a section that is not a list of mappings.
    """
    path = Path(path)
    name = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleFileError([Problem(name, 0, "file not found")]) from None
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise RuleFileError([Problem(name, line, "file is not valid UTF-8")]) from None
    loader = _UniqueKeyLoader(source)
    try:
        root = loader.get_single_node()
        if root is None:
            return {s: [] for s in sections}
        if not isinstance(root, yaml.MappingNode):
            raise RuleFileError(
                [Problem(name, root.start_mark.line + 1, f"top level must be a mapping with keys {list(sections)}")]
            )
        problems: list[Problem] = []
        out: dict[str, list[Record]] = {s: [] for s in sections}
        for key_node, value_node in root.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key not in sections:
                problems.append(Problem(name, line, f"unknown section {key!r}; allowed: {', '.join(sections)}"))
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                problems.append(Problem(name, line, f"section {key!r} must be a list"))
                continue
            for item in value_node.value:
                item_line = item.start_mark.line + 1
                if not isinstance(item, yaml.MappingNode):
                    problems.append(Problem(name, item_line, f"each entry of {key!r} must be a mapping"))
                    continue
                out[key].append(Record(loader.construct_object(item, deep=True), item_line))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        raise RuleFileError([Problem(name, line, f"YAML error: {err.problem or err}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise RuleFileError(problems)
    return out


def validate(
    path: Path | str, records: list[Record], model: type[M], *, id_field: str | None = "id"
) -> tuple[list[tuple[M, int]], list[Problem]]:
    """Validate records against ``model``; return the good ones with their lines and all problems.

    Duplicate values of ``id_field`` are problems too.  The caller decides
    when to raise, so problems from several files are reported together.
    """
    name = str(path)
    good: list[tuple[M, int]] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for record in records:
        rid = record.data.get(id_field) if id_field else None
        label = f"rule {rid!r}: " if rid is not None else ""
        try:
            item = model.model_validate(record.data)
        except ValidationError as err:
            for e in err.errors():
                where = ".".join(str(p) for p in e["loc"]) or "(record)"
                problems.append(Problem(name, record.line, f"{label}{where}: {e['msg']}"))
            continue
        if id_field:
            key = str(getattr(item, id_field))
            if key in first_line:
                problems.append(
                    Problem(name, record.line, f"duplicate id {key!r} (first defined on line {first_line[key]})")
                )
                continue
            first_line[key] = record.line
        good.append((item, record.line))
    return good, problems


def duplicate_surfaces(entries: Iterable[tuple[str, str, str, int, Iterable[str]]]) -> list[Problem]:
    """Surfaces listed twice within one group (a word kind, a lexicon class, a unit's surfaces) of the rule files
    loaded together, from ``(path, group, entry id, line, surfaces)`` in load order: each after the first is a
    problem at its entry's line, naming the first's file where it is another.

    The matcher reads a group's surfaces as one set, so a second copy changes nothing where it stands, but it is
    a copy that drifts: removed in one place it stays in the other, and attributes given with it are never read
    (the first trigger of a word gives its kind and sign).  So it is in a user's file loaded beside the bundled
    ones: no override, as an id defined again in another file is none, since file order would then decide."""
    first: dict[tuple[str, str], tuple[str, str, int]] = {}
    problems: list[Problem] = []
    for path, group, entry_id, line, surfaces in entries:
        for surface in surfaces:
            key = (group, surface)
            if key in first:
                other_path, other, other_line = first[key]
                where = f"on line {other_line}" if other_path == path else f"at {other_path}:{other_line}"
                problems.append(Problem(path, line, f"{entry_id!r}: {surface!r} is listed twice in {group} (first in "
                                        f"{other!r} {where})"))
            else:
                first[key] = (path, entry_id, line)
    return problems
