"""The library's front door: ``extract`` and ``extract_many`` on the fast path, same records as spaCy's."""
from __future__ import annotations

import pytest

import zhibiao
from zhibiao.errors import InputError

from .conftest import gold_files, read_jsonl


def test_extract_gives_the_full_pipelines_records(nlp, seed_text):
    texts = [seed_text] + [d["text"] for d in read_jsonl(gold_files()[0])[:10]]
    for text in texts:
        assert zhibiao.extract(text) == zhibiao.to_records(nlp(text))


def test_extract_rejects_what_is_not_text():
    with pytest.raises(InputError, match="bytes"):
        zhibiao.extract("工业投资增长8.9%".encode())


def test_extract_many_carries_ids_and_meta_and_records_errors_in_order():
    items = [
        "工業投資同比增長8.9%",
        {"id": "a", "text": "出口增长5%", "source": "x"},
        {"body": "no text key"},
        42,
        {"id": 7, "text": "\ud800"},
        {"uid": "b", "body": "进口下降2.5%"},
    ]
    out = list(zhibiao.extract_many(items))
    assert [r.get("id") for r in out] == ["1", "a", "3", "4", "7", "6"]
    assert out[0]["events"][0]["indicator"] == "工业投资"
    assert out[1]["meta"] == {"source": "x"} and out[1]["events"][0]["value"] == 5
    assert out[2]["line"] == 3 and "missing text key 'text'" in out[2]["error"]
    assert out[3]["error"] == "expected a str or a mapping, got int"
    assert "lone surrogate" in out[4]["error"]
    keyed = list(zhibiao.extract_many([items[-1]], text_key="body", id_key="uid"))
    assert keyed[0]["id"] == "b" and keyed[0]["events"][0]["value"] == -2.5


def test_extract_many_is_lazy():
    def endless():
        n = 0
        while True:
            n += 1
            yield f"出口增长{n}%"

    it = zhibiao.extract_many(endless())
    assert [next(it)["events"][0]["value"] for _ in range(3)] == [1, 2, 3]
