"""The rule-file loader reports every problem with file and line, all at once."""
from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from zhibiao.linker_rules import load_rules
from zhibiao.rulefile import RuleFileError, duplicate_surfaces, read_sections, validate
from zhibiao.units import load_units


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


def test_duplicate_surfaces_within_a_group_of_one_file():
    entries = [("a.yaml", "class 'x'", "e1", 2, ["深圳", "广州", "深圳"]), ("a.yaml", "class 'x'", "e2", 5, ["广州"]),
               ("a.yaml", "class 'y'", "e3", 8, ["广州"])]
    assert [str(p) for p in duplicate_surfaces(entries)] == [
        "a.yaml:2: 'e1': '深圳' is listed twice in class 'x' (first in 'e1' on line 2)",
        "a.yaml:5: 'e2': '广州' is listed twice in class 'x' (first in 'e1' on line 2)",
    ]


def test_duplicate_surfaces_across_files_name_both_files_and_lines():
    """A user's file loaded beside the bundled ones overrides nothing: a surface its group already has is a problem at
    the user's line, naming the file and line of the first."""
    entries = [("a.yaml", "class 'x'", "e1", 2, ["深圳", "广州"]), ("b.yaml", "class 'x'", "e4", 3, ["广州"]),
               ("b.yaml", "class 'y'", "e5", 6, ["深圳"])]
    assert [str(p) for p in duplicate_surfaces(entries)] == [
        "b.yaml:3: 'e4': '广州' is listed twice in class 'x' (first in 'e1' at a.yaml:2)",
    ]


def _linker(path):
    return load_rules([path])


@pytest.mark.parametrize(
    "load,text,line,message",
    [
        (load_units, "words:\n  - id: a\n    kind: unit_stop\n    surfaces: [性, 级]\n"
                 "  - id: b\n    kind: unit_stop\n    surfaces: [级]\n",
         5, "'b': '级' is listed twice in word kind 'unit_stop' (first in 'a' on line 2)"),
        (load_units, "qualifiers:\n  - id: a\n    position: suffix\n    meaning: about\n    surfaces: [左右]\n"
                     "  - id: b\n    position: suffix\n    meaning: '>'\n    surfaces: [多, 左右]\n",
         6, "'b': '左右' is listed twice in qualifier position 'suffix' (first in 'a' on line 2)"),
        (load_units, "units:\n  - id: ge\n    kind: measure\n    surfaces: [个, 家, 个]\n",
         2, "'ge': '个' is listed twice in unit 'ge' (first in 'ge' on line 2)"),
        (_linker, "lexicon:\n  - id: a\n    class: location\n    words: [深圳, 广州]\n"
                  "  - id: b\n    class: location\n    words: [广州]\n",
         5, "'b': '广州' is listed twice in class 'location' (first in 'a' on line 2)"),
        (_linker, "lexicon:\n  - id: t\n    class: trigger\n    kind: change\n    words: [大跌, 回落, 大跌]\n",
         2, "'t': '大跌' is listed twice in class 'trigger' (first in 't' on line 2)"),
    ],
)
def test_a_surface_listed_twice_fails_at_load(tmp_path, load, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load(path)
    assert f"{path}:{line}: {message}" in str(info.value)
