"""docs/records.md describes every field the output contract names, and every field zhibiao writes."""
from __future__ import annotations

import regex

import zhibiao

from .conftest import ROOT, SHARED

DOC = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
_FIELD_CELL = regex.compile(r"^\| ((?:`[a-z_]+`(?:, )?)+) \|", regex.M)


def _fields(markdown: str) -> set[str]:
    return {f for cell in _FIELD_CELL.findall(markdown) for f in regex.findall(r"`([a-z_]+)`", cell)}


def test_the_contract_checkout_is_present():
    spec = SHARED / "spec" / "events.md"
    assert spec.is_file(), f"{spec} is missing: the contract lives beside the repository (../shared/spec/events.md)"


def test_every_contract_field_is_documented():
    spec = (SHARED / "spec" / "events.md").read_text(encoding="utf-8")
    missing = _fields(spec) - _fields(DOC)
    assert not missing, f"fields of spec/events.md not described in docs/records.md: {sorted(missing)}"


def test_every_field_zhibiao_writes_is_documented():
    record = zhibiao.extract("上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶，超過700億斤。")
    written = {k for q in record["quantities"] for k in q} | {k for e in record["events"] for k in e}
    missing = written - _fields(DOC)
    assert not missing, f"fields zhibiao writes but docs/records.md does not describe: {sorted(missing)}"
