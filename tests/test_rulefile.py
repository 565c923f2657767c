"""The rule-file loader reports every problem with file and line, all at once."""
from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from zhibiao.rulefile import RuleFileError, read_sections, validate


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    pattern: str


def _write(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_records_keep_their_lines(tmp_path):
    path = _write(tmp_path, "# comment\nrules:\n  - id: a\n    pattern: x\n\n  - id: b\n    pattern: y\n")
    records = read_sections(path, ("rules",))["rules"]
    assert [(r.data["id"], r.line) for r in records] == [("a", 3), ("b", 6)]


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("rules:\n  - id: a\n    pattern: [x\n", 4, "YAML error"),
        ("rules:\n  - id: a\n    id: b\n", 3, "duplicate key 'id'"),
        ("other:\n  - id: a\n", 1, "unknown section 'other'"),
        ("rules: 3\n", 1, "must be a list"),
        ("rules:\n  - just a string\n", 2, "must be a mapping"),
        ("- id: a\n", 1, "top level must be a mapping"),
    ],
)
def test_structural_errors(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        read_sections(path, ("rules",))
    assert f"{path}:{line}: " in str(info.value)
    assert message in str(info.value)


def test_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(RuleFileError, match="file not found"):
        read_sections(tmp_path / "nope.yaml", ("rules",))
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"rules:\n  - id: caf\xe9\n")
    with pytest.raises(RuleFileError, match=r"latin.yaml:2: file is not valid UTF-8"):
        read_sections(path, ("rules",))


def test_validation_collects_all_problems(tmp_path):
    path = _write(
        tmp_path,
        "rules:\n  - id: a\n    pattern: x\n  - id: a\n    pattern: y\n  - id: c\n    patern: z\n  - pattern: w\n",
    )
    records = read_sections(path, ("rules",))["rules"]
    good, problems = validate(path, records, Item)
    assert [item.id for item, _ in good] == ["a"]
    text = "\n".join(map(str, problems))
    assert f"{path}:4: duplicate id 'a' (first defined on line 2)" in text
    assert f"{path}:6: rule 'c': patern: Extra inputs are not permitted" in text
    assert f"{path}:6: rule 'c': pattern: Field required" in text
    assert f"{path}:8: id: Field required" in text
    with pytest.raises(RuleFileError) as info:
        raise RuleFileError(problems)
    assert len(info.value.problems) == 4


def test_empty_file_has_empty_sections(tmp_path):
    assert read_sections(_write(tmp_path, ""), ("rules", "units")) == {"rules": [], "units": []}
