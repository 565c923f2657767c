"""The HTML pages of ``zhibiao.render``, checked by parsing them with the standard library.

No spaCy here: the records are written by hand, so these tests pin the page
structure (highlights, event lines, events table, evaluation rows), escaping
and self-containment.
"""
from __future__ import annotations

import copy
import json
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from zhibiao import render
from zhibiao.errors import RecordsError
from zhibiao.evaluate import read_documents, score

from .conftest import ROOT, gold_files

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)  # Node or str

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self, skip_class: str | None = None) -> str:
        """Text content, leaving out subtrees carrying ``skip_class``."""
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif skip_class is None or skip_class not in child.classes:
                out.append(child.text(skip_class))
        return "".join(out)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        raise AssertionError(f"stray end tag </{tag}>")

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert len(builder.stack) == 1, f"unclosed elements: {[n.tag for n in builder.stack[1:]]}"
    return builder.root


def marks(root: Node) -> list[tuple[str, str, int, int]]:
    """(label, exact text without the label tag, start, end) of every highlighted quantity."""
    return [
        (m.attrs["data-label"], m.text(skip_class="zb-label"), int(m.attrs["data-start"]), int(m.attrs["data-end"]))
        for m in root.find_all("mark", cls="zb-q")
    ]


def table_rows(root: Node, table_id: str = "zb-events") -> list[list[str]]:
    table = root.by_id(table_id)
    body = table.find_all("tbody")[0]
    return [[td.text() for td in tr.find_all("td")] for tr in body.find_all("tr")]


_NETWORK = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(|@import""", re.IGNORECASE)


_SIBLING_PAGE = re.compile(r"[^/:?#]+\.html")  # the next or previous page of a paged output


def assert_self_contained(page: str) -> None:
    assert not _NETWORK.search(page), _NETWORK.search(page).group(0)
    root = parse_html(page)
    for node in root.iter():
        for name in ("src", "href"):
            value = node.attrs.get(name)
            if value is not None:
                sibling = name == "href" and node.attrs.get("rel") in ("prev", "next") and _SIBLING_PAGE.fullmatch(value)
                assert value.startswith("#") or sibling, f"<{node.tag} {name}={value!r}> refers outside the page"
        assert node.tag not in {"link", "iframe", "img", "object", "embed"}, node.tag
        if node.tag == "script":
            assert "src" not in node.attrs


# --------------------------------------------------------------------------- records


TEXT = "5G移動電話用戶達6.76億戶，規模以上工業增加值同比增長3.8%，過半企業營收超100億元，居第二。"


def q(text: str, sub: str, label: str, value, unit: str, occurrence: int = 0, **extra) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return {"text": sub, "start": start, "end": start + len(sub), "value": value, "unit": unit, "label": label,
            "qualifier": None, **extra}


def ev(text: str, indicator: str, ind_surface: str | None, quantity: dict, kind: str, **extra) -> dict:
    event = {
        "indicator": indicator,
        "indicator_id": None,
        "indicator_start": None,
        "indicator_end": None,
        "value_text": quantity["text"],
        "value_start": quantity["start"],
        "value_end": quantity["end"],
        "value": quantity["value"],
        "unit": quantity["unit"],
        "kind": kind,
        "basis": None,
        "qualifier": None,
        "period": None,
        "location": None,
        "sentence": text,
        "rule": "test",
    }
    if ind_surface:
        event["indicator_start"] = text.index(ind_surface)
        event["indicator_end"] = event["indicator_start"] + len(ind_surface)
    event.update(extra)
    return event


@pytest.fixture
def record() -> dict:
    users = q(TEXT, "6.76億戶", "QUANTITY", 676000000, "户")
    growth = q(TEXT, "3.8%", "PERCENT", 3.8, "%")
    half = q(TEXT, "過半", "FRACTION", 50, "%")
    money = q(TEXT, "超100億元", "MONEY", 1e10, "元", qualifier=">", currency="CNY")
    second = q(TEXT, "第二", "ORDINAL", 2, "")
    return {
        "id": "doc-1",
        "text": TEXT,
        "quantities": [users, growth, half, money, second],
        "events": [
            ev(TEXT, "5G移动电话用户", "5G移動電話用戶", users, "level"),
            ev(TEXT, "规模以上工业增加值", "規模以上工業增加值", growth, "change", basis="yoy", period="2023年上半年"),
            ev(TEXT, "企业营收", None, money, "level", qualifier=">", location="江苏"),
        ],
    }


# --------------------------------------------------------------------------- render_documents


def test_quantities_highlighted_with_labels_and_exact_text(record):
    page = render.render_documents([record])
    found = marks(parse_html(page))
    assert found == [
        ("QUANTITY", "6.76億戶", 9, 15),
        ("PERCENT", "3.8%", 29, 33),
        ("FRACTION", "過半", 34, 36),
        ("MONEY", "超100億元", 40, 46),
        ("ORDINAL", "第二", 48, 50),
    ]
    for label, surface, start, end in found:
        assert TEXT[start:end] == surface
    root = parse_html(page)
    for m in root.find_all("mark", cls="zb-q"):
        assert f"zb-{m.attrs['data-label']}" in m.classes
        assert [t.text() for t in m.find_all("span", cls="zb-label")] == [m.attrs["data-label"]]


def test_text_is_reproduced_exactly(record):
    root = parse_html(render.render_documents([record]))
    (text_div,) = root.find_all("div", cls="zb-text")
    assert text_div.text(skip_class="zb-label") == TEXT
    # Indicators with offsets are underlined, the one without is not.
    assert [n.text() for n in text_div.find_all("span", cls="zb-ind")] == ["5G移動電話用戶", "規模以上工業增加值"]


def test_event_lines(record):
    root = parse_html(render.render_documents([record]))
    items = root.find_all("li", cls="zb-ev")
    assert len(items) == 3
    first = items[0]
    assert first.find_all(cls="zb-indicator")[0].text() == "5G移动电话用户"
    assert first.find_all(cls="zb-val")[0].text() == "676,000,000"
    assert "5G移动电话用户→676,000,000 户«6.76億戶»" in first.text()
    assert [t.text() for t in first.find_all(cls="zb-kind")] == ["level"]
    second = items[1]
    assert {t.attrs["title"]: t.text() for t in second.find_all(cls="zb-tag")} == {
        "kind": "change",
        "basis": "yoy",
        "period": "2023年上半年",
    }
    third = items[2]
    assert "企业营收→10,000,000,000 元" in third.text()
    assert third.find_all(cls="zb-qualifier")[0].text() == ">"
    assert third.find_all(cls="zb-location")[0].text() == "江苏"


def _other() -> dict:
    text = "工業投資同比增長8.9%。出口增長3.8%"
    growth, exports = q(text, "8.9%", "PERCENT", 8.9, "%"), q(text, "3.8%", "PERCENT", 3.8, "%")
    return {"id": "doc-2", "text": text, "quantities": [growth, exports],
            "events": [ev(text, "工业投资", "工業投資", growth, "change", basis="yoy"),
                       ev(text, "出口", "出口", exports, "change")]}


def test_events_table(record):
    root = parse_html(render.render_documents([record, _other()]))
    table = root.by_id("zb-events")
    heads = [th.attrs["data-key"] for th in table.find_all("th")]
    assert heads == ["indicator", "value", "unit", "kind", "basis", "period", "location", "doc"]
    assert [th.attrs["data-key"] for th in table.find_all("th") if "data-filter" in th.attrs] == [
        "indicator", "unit", "doc"]
    assert table_rows(root) == [
        ["5G移动电话用户", "676,000,000", "户", "level", "", "", "", "doc-1"],
        ["规模以上工业增加值", "3.8", "%", "change", "yoy", "2023年上半年", "", "doc-1"],
        ["企业营收", "> 10,000,000,000", "元", "level", "", "", "江苏", "doc-1"],
        ["工业投资", "8.9", "%", "change", "yoy", "", "", "doc-2"],
        ["出口", "3.8", "%", "change", "", "", "", "doc-2"],
    ]
    values = [float(td.attrs["data-sort"]) for td in table.find_all("td", cls="zb-num")]
    assert values == [676000000.0, 3.8, 1e10, 8.9, 3.8]
    assert [s.attrs["data-id"] for s in root.find_all("section", cls="zb-doc")] == ["doc-1", "doc-2"]
    assert [a.attrs["href"] for a in table.find_all("a")] == ["#ev-0-0", "#ev-0-1", "#ev-0-2", "#ev-1-0", "#ev-1-1"]


def test_events_table_and_filter_box_come_first(record):
    root = parse_html(render.render_documents([record, _other()]))
    (body,) = root.find_all("body")
    order = [n.attrs.get("id") or n.tag for n in body.iter() if n.attrs.get("id") in {
        "zb-filter", "zb-events", "doc-0", "doc-1"}]
    assert order == ["zb-filter", "zb-events", "doc-0", "doc-1"]
    box = root.by_id("zb-filter")
    assert box.tag == "input" and box.attrs["type"] == "search"
    assert root.by_id("zb-filter-count").text() == "5 events"
    (script,) = root.find_all("script")
    assert "getElementById('zb-filter')" in script.text() and "addEventListener('input'" in script.text()


def _anchor_targets(root: Node) -> dict[str, tuple[Node, Node | None, Node]]:
    """For every element id: (section it is in, sentence span it is in or None, the element)."""
    found = {}
    for section in root.find_all("section", cls="zb-doc"):
        for node in section.iter():
            if "id" in node.attrs and node is not section:
                sentence = next((s for s in section.find_all("span", cls="zb-s") if node in s.iter()), None)
                found[node.attrs["id"]] = (section, sentence, node)
    return found


def test_each_row_links_to_its_sentence_with_its_value_and_indicator(record):
    records = [record, _other()]
    root = parse_html(render.render_documents(records))
    targets = _anchor_targets(root)
    rows = root.by_id("zb-events").find_all("tbody")[0].find_all("tr")
    assert len(rows) == 5
    for row, (doc_index, event_index) in zip(rows, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]):
        event = records[doc_index]["events"][event_index]
        (link,) = row.find_all("a")
        anchor = link.attrs["href"][1:]
        section, sentence, target = targets[anchor]
        assert section.attrs["id"] == f"doc-{doc_index}" and link.text() == section.attrs["data-id"]
        assert target.tag == "a" and "zb-at" in target.classes and not target.children
        assert sentence is not None and sentence.text(skip_class="zb-label") in records[doc_index]["text"]
        value = [m for m in sentence.find_all("mark", cls="zb-q") if anchor in m.attrs.get("data-ev", "").split()]
        assert [int(value[0].attrs["data-start"])] == [event["value_start"]]
        indicators = [n for n in root.find_all(cls="zb-ind") if anchor in n.attrs.get("data-ev", "").split()]
        if event["indicator_start"] is None:
            assert indicators == []
        else:
            assert [(int(n.attrs["data-start"]), n.text()) for n in indicators] == [
                (event["indicator_start"], records[doc_index]["text"][event["indicator_start"]:event["indicator_end"]])]
    # doc-2 holds two sentences, each wrapped on its own with its event's anchor
    sentences = root.by_id("doc-1").find_all("span", cls="zb-s")
    assert [s.text(skip_class="zb-label") for s in sentences] == ["工業投資同比增長8.9%。", "出口增長3.8%"]
    assert [[a.attrs["id"] for a in s.find_all("a")] for s in sentences] == [["ev-1-0"], ["ev-1-1"]]


def test_sentence_with_several_events_and_events_without_position():
    text = "工業增加值增長3.8%，投資增長8.9%。\n其他。"
    first, second = q(text, "3.8%", "PERCENT", 3.8, "%"), q(text, "8.9%", "PERCENT", 8.9, "%")
    lost = ev(text, "外贸", None, second, "change", value_start=None, value_end=None)
    record = {"id": "d", "text": text, "quantities": [first, second], "events": [
        ev(text, "工业增加值", "工業增加值", first, "change"), lost, ev(text, "投资", "投資", second, "change")]}
    root = parse_html(render.render_documents([record]))
    (text_div,) = root.find_all("div", cls="zb-text")
    assert text_div.text(skip_class="zb-label") == text
    (sentence,) = text_div.find_all("span", cls="zb-s")
    assert sentence.text(skip_class="zb-label") == "工業增加值增長3.8%，投資增長8.9%。"
    assert [a.attrs["id"] for a in sentence.find_all("a")] == ["ev-0-0", "ev-0-2"]
    # the event with no position in the text still has its anchor, at the start of the text
    assert text_div.children[0].attrs["id"] == "ev-0-1"
    assert {a.attrs["href"][1:] for a in root.by_id("zb-events").find_all("a")} <= set(_anchor_targets(root))


def test_sentence_widens_to_a_span_that_crosses_its_edge():
    text = "出口\n增長3.8%。"
    growth = q(text, "3.8%", "PERCENT", 3.8, "%")
    record = {"text": text, "quantities": [growth], "events": [ev(text, "出口增长", "出口\n增長", growth, "change")]}
    (sentence,) = parse_html(render.render_documents([record])).find_all("span", cls="zb-s")
    assert sentence.text(skip_class="zb-label") == text
    assert [n.text() for n in sentence.find_all("span", cls="zb-ind")] == ["出口\n增長"]


def test_value_cell_shows_the_qualifier(record):
    root = parse_html(render.render_documents([record]))
    cell = root.by_id("zb-events").find_all("td", cls="zb-num")[2]
    assert cell.text() == "> 10,000,000,000" and cell.attrs["data-sort"] == "10000000000.0"
    assert [n.attrs["title"] for n in cell.find_all(cls="zb-qual")] == ["qualifier"]


def test_a_long_document_renders_in_bounded_time(record):
    """5,000 sentences with 10,000 spans and 5,000 events: spans are found by bisection, not by scanning."""
    parts, quantities, events = [], [], []
    offset = 0
    for i in range(5000):
        sentence = f"工業投資同比增長{i}.5%。"
        growth = q(sentence, f"{i}.5%", "PERCENT", i + 0.5, "%")
        growth = {**growth, "start": growth["start"] + offset, "end": growth["end"] + offset}
        event = ev(sentence, "工业投资", "工業投資", growth, "change")
        event.update(indicator_start=offset, indicator_end=offset + 4)
        parts.append(sentence)
        quantities.append(growth)
        events.append(event)
        offset += len(sentence)
    long = {"id": "long", "text": "".join(parts), "quantities": quantities, "events": events}
    started = time.perf_counter()
    page = render.render_documents([long])
    assert time.perf_counter() - started < 5  # about 1 s here; scanning every span per sentence took 45 s
    assert page.count('class="zb-s"') == 5000 and page.count('data-ev="ev-0-4999"') == 2


# --------------------------------------------------------------------------- pages


def _many(n: int) -> list[dict]:
    """``n`` documents with one event each, except every third with none."""
    records = []
    for i in range(n):
        text = f"第{i}號：工業投資同比增長{i}.5%。"
        growth = q(text, f"{i}.5%", "PERCENT", i + 0.5, "%")
        events = [] if i % 3 == 2 else [ev(text, "工业投资", "工業投資", growth, "change", basis="yoy")]
        records.append({"id": f"n{i}", "text": text, "quantities": [growth], "events": events})
    return records


def test_pages_split_documents_and_link_each_other():
    records = _many(7)
    pages = render.render_pages(records, name="out.html", page_size=3)
    assert [name for name, _ in pages] == ["out.html", "out-2.html", "out-3.html"]
    for number, (name, page) in enumerate(pages, start=1):
        assert_self_contained(page)
        root = parse_html(page)
        first = 3 * (number - 1)
        documents = records[first : first + 3]
        sections = root.find_all("section", cls="zb-doc")
        assert [s.attrs["id"] for s in sections] == [f"doc-{i}" for i in range(first, first + len(documents))]
        rows = table_rows(root)
        assert [row[-1] for row in rows] == [d["id"] for d in documents if d["events"]]
        targets = _anchor_targets(root)
        assert all(a.attrs["href"][1:] in targets for a in root.by_id("zb-events").find_all("a"))
        links = {a.attrs["rel"]: a.attrs["href"] for a in root.find_all("a") if "rel" in a.attrs}
        expected = {}
        if number > 1:
            expected["prev"] = pages[number - 2][0]
        if number < len(pages):
            expected["next"] = pages[number][0]
        assert links == expected
        (nav, bottom) = root.find_all("nav", cls="zb-pages")
        assert f"page {number} of 3: documents {first + 1}–{first + len(documents)} of 7" in nav.text()
        assert root.find_all("title")[0].text().endswith(f"(page {number} of 3)")
    assert not parse_html(render.render_pages(records, page_size=7)[0][1]).find_all("nav")


def test_page_names_and_links_are_escaped():
    pages = render.render_pages(_many(3), name='a "b" <c> d.html', page_size=1)
    assert [name for name, _ in pages] == ['a "b" <c> d.html', 'a "b" <c> d-2.html', 'a "b" <c> d-3.html']
    root = parse_html(pages[1][1])
    links = {a.attrs["rel"]: a.attrs["href"] for a in root.find_all("a") if "rel" in a.attrs}
    assert links == {"prev": "a%20%22b%22%20%3Cc%3E%20d.html", "next": "a%20%22b%22%20%3Cc%3E%20d-3.html"}


def test_no_records_is_one_empty_page():
    ((name, page),) = render.render_pages([], name="p.html")
    root = parse_html(page)
    assert name == "p.html" and table_rows(root) == [] and not root.find_all("section")
    with pytest.raises(ValueError, match="page_size"):
        render.render_pages([], page_size=0)


def test_write_pages(tmp_path):
    paths = render.write_pages(tmp_path / "sub" / "r.html", _many(5), page_size=2)
    assert [p.name for p in paths] == ["r.html", "r-2.html", "r-3.html"]
    assert all(p.parent == tmp_path / "sub" and p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in paths)


def test_escaping_of_markup_in_text_ids_and_fields():
    text = "<script>alert('x')</script>增長3.8%&amp;"
    growth = q(text, "3.8%", "PERCENT", 3.8, "%")
    record = {
        "id": '"><img src=x onerror=alert(1)>',
        "text": text,
        "quantities": [growth],
        "events": [ev(text, "<b>指标</b>", None, growth, "change", period="<i>上半年</i>")],
    }
    page = render.render_documents([record], title="<script>t</script>")
    root = parse_html(page)
    # Only the page's own script; no element came from the data.
    assert len(root.find_all("script")) == 1
    assert "alert" not in root.find_all("script")[0].text()
    assert not root.find_all("img") and not root.find_all("b") and not root.find_all("i")
    (text_div,) = root.find_all("div", cls="zb-text")
    assert text_div.text(skip_class="zb-label") == text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert root.find_all("section")[0].attrs["data-id"] == record["id"]
    assert root.find_all("title")[0].text() == "<script>t</script>"
    assert table_rows(root)[0][0] == "<b>指标</b>" and table_rows(root)[0][-1] == record["id"]


def test_overlapping_and_bad_spans_are_skipped(record):
    bad = copy.deepcopy(record)
    bad["quantities"] += [
        {"text": "6.76億", "start": 9, "end": 14, "value": 676000000, "unit": "", "label": "CARDINAL"},  # overlaps
        {"text": "x", "start": 500, "end": 501, "value": 1, "unit": "", "label": "CARDINAL"},  # out of range
        {"text": "", "start": 3, "end": 3, "value": 1, "unit": "", "label": "CARDINAL"},  # empty
        {"text": "?", "value": 1, "unit": "", "label": "CARDINAL"},  # no offsets
        "not a dict",
    ]
    bad["events"].append("not a dict")
    root = parse_html(render.render_documents([bad]))
    assert [m[1] for m in marks(root)] == ["6.76億戶", "3.8%", "過半", "超100億元", "第二"]
    (text_div,) = root.find_all("div", cls="zb-text")
    assert text_div.text(skip_class="zb-label") == TEXT


def test_unknown_label_and_missing_fields_do_not_break():
    record = {"text": "共12個", "quantities": [{"start": 1, "end": 4, "value": 12, "label": "WEIRD"}],
              "events": [{"indicator": None, "value": None}]}
    root = parse_html(render.render_documents([record, {"text": None}]))
    assert marks(root) == [("WEIRD", "12個", 1, 4)]
    assert "zb-OTHER" in root.find_all("mark")[0].classes
    # a record without id is numbered
    assert [s.attrs["data-id"] for s in root.find_all("section", cls="zb-doc")] == ["#1", "#2"]


def test_documents_page_is_self_contained(record):
    page = render.render_documents([record])
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert_self_contained(page)


def test_network_check_catches_references():
    with pytest.raises(AssertionError):
        assert_self_contained('<script src="https://cdn.example/x.js"></script>')
    with pytest.raises(AssertionError):
        assert_self_contained('<link rel="stylesheet" href="//fonts.example/css">')


def test_format_value():
    assert render.format_value(676000000) == "676,000,000"
    assert render.format_value(139260000.0) == "139,260,000"
    assert render.format_value(-2.5) == "-2.5"
    assert render.format_value(0.1 + 0.2) == "0.3"
    assert render.format_value(None) == ""


def test_write_html_and_read_records(tmp_path, record):
    path = render.write_html(tmp_path / "sub" / "page.html", render.render_documents([record]))
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = tmp_path / "out"
    out.mkdir()
    for i, rec in enumerate([record, {**record, "id": "doc-2"}]):
        (out / f"documents-{i:05d}.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n\n", encoding="utf-8")
    (out / "errors-00000.jsonl").write_text('{"error": "x"}\n', encoding="utf-8")
    assert [r["id"] for r in render.read_records(out)] == ["doc-1", "doc-2"]
    assert [r["id"] for r in render.read_records(out / "documents-00001.jsonl")] == ["doc-2"]
    with pytest.raises(RecordsError, match="no documents-"):
        render.read_records(tmp_path / "sub")


# --------------------------------------------------------------------------- render_evaluation


def _eval_rows(root: Node) -> list[tuple[str, str, str]]:
    """(status class, gold cell text, predicted cell text) of every pair row, in page order."""
    rows = []
    for tr in root.find_all("tr", cls="zb-pair"):
        status = ({"zb-match", "zb-miss", "zb-false"} & tr.classes).pop()
        cells = tr.find_all("td")
        rows.append((status, cells[0].text(), cells[2].text()))
    return rows


def test_evaluation_rows_matched_missed_false(record):
    gold = copy.deepcopy(record)
    for e in gold["events"]:
        for key in ("indicator_id", "indicator_start", "indicator_end", "sentence", "rule", "value_end"):
            e.pop(key)
    pred = copy.deepcopy(record)
    pred["events"][0]["kind"] = "change"  # still matched strictly, kind differs
    pred["events"][1]["indicator"] = "工业增加值"  # strict miss + false alarm, but lenient match
    del pred["events"][2]  # missed
    second = pred["quantities"][4]
    pred["events"].append(ev(TEXT, "排名", None, second, "rank"))  # false alarm
    result = score([gold], [pred])
    page = render.render_evaluation([gold], [pred], result)
    assert_self_contained(page)
    root = parse_html(page)
    rows = _eval_rows(root)
    assert [r[0] for r in rows] == ["zb-match", "zb-miss", "zb-false", "zb-miss", "zb-false"]
    assert rows[0][1].startswith("5G移动电话用户→676,000,000 户") and rows[0][2].startswith("5G移动电话用户→")
    assert rows[1][1].startswith("规模以上工业增加值→3.8") and rows[1][2] == ""
    assert rows[2][1] == "" and rows[2][2].startswith("工业增加值→3.8")
    assert rows[3][1].startswith("企业营收") and rows[4][2].startswith("排名→2")
    # the matched row marks the field that differs
    diffs = root.find_all("tr", cls="zb-match")[0].find_all(cls="zb-diff")
    assert {d.attrs["title"] for d in diffs} == {"kind differs"}
    # the strict miss that matches leniently says so, on both sides
    assert [bool(tr.find_all(cls="zb-lenient")) for tr in root.find_all("tr", cls="zb-pair")] == [
        False, True, True, False, False]
    # the scores
    levels = {tr.attrs["data-level"]: [td.text() for td in tr.find_all("td")] for tr in root.find_all("tr", cls="zb-level")}
    assert levels["events_strict"] == ["events_strict", "0.333", "0.333", "0.333", "1", "2", "2"]
    assert levels["events_lenient"][4:] == ["2", "1", "1"]
    assert levels["quantities"][1:4] == ["1.000", "1.000", "1.000"]


def test_evaluation_missing_documents_on_either_side(record):
    gold = [record, {**record, "id": "only-gold"}]
    pred = [record, {**record, "id": "only-pred"}]
    result = score(gold, pred)
    root = parse_html(render.render_evaluation(gold, pred, result))
    sections = root.find_all("section", cls="zb-doc")
    assert [s.attrs["data-id"] for s in sections] == ["doc-1", "only-gold", "only-pred"]
    per_doc = [sorted({c for tr in s.find_all("tr", cls="zb-pair") for c in tr.classes} - {"zb-pair"}) for s in sections]
    assert per_doc == [["zb-match"], ["zb-miss"], ["zb-false"]]


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_evaluation_rows_agree_with_scorer_counts(path):
    """On real gold, perturbed predictions: the page's row classes count exactly the scorer's tp/fn/fp."""
    gold = read_documents(path)
    pred = copy.deepcopy(gold)
    for i, doc in enumerate(pred):
        events = doc.get("events", [])
        if i % 3 == 0 and events:
            events.pop()  # a miss
        if i % 3 == 1 and events:
            events[0]["indicator"] += "总额"  # lenient only: a miss and a false alarm
        if i % 4 == 2 and events:
            events.append({**events[0], "value": (events[0]["value"] or 0) + 1})  # a false alarm
    result = score(gold, pred)
    root = parse_html(render.render_evaluation(gold, pred, result))
    strict = result["events_strict"]
    assert len(root.find_all("tr", cls="zb-match")) == strict["tp"]
    assert len(root.find_all("tr", cls="zb-miss")) == strict["fn"]
    assert len(root.find_all("tr", cls="zb-false")) == strict["fp"]
    assert strict["fn"] and strict["fp"]


def test_event_rows_is_positional_and_complete():
    assert render.event_rows(None, None) == []
    text = "增長3.8%"
    growth = q(text, "3.8%", "PERCENT", 3.8, "%")
    gold = {"text": text, "events": [{"indicator": "x", "value_text": "3.8%", "value": 3.8, "unit": "%",
                                      "kind": "change"}]}
    pred = {"text": text, "events": [ev(text, "x", None, growth, "change")]}
    (row,) = render.event_rows(gold, pred)
    assert row["status"] == "match" and row["start"] == 2
    assert row["agree"] == {"kind": True, "basis": True, "qualifier": True, "period": True}


def test_evaluation_page_escapes(record):
    gold = copy.deepcopy(record)
    gold["id"] = "<script>alert(1)</script>"
    gold["events"][0]["indicator"] = "<img src=x>"
    result = score([gold], [gold])
    page = render.render_evaluation([gold], [gold], result)
    root = parse_html(page)
    assert not root.find_all("script") and not root.find_all("img")
    assert root.find_all("h2")[0].text() == "<script>alert(1)</script>"
    assert_self_contained(page)


def test_repository_gold_renders(tmp_path):
    gold = read_documents(ROOT / "corpus" / "seed.gold.jsonl")
    page = render.render_documents(gold)
    root = parse_html(page)
    assert len(root.find_all("mark", cls="zb-q")) == sum(len(d.get("quantities", [])) for d in gold if all(
        "start" in x for x in d.get("quantities", [])))
    assert len(table_rows(root)) == sum(len(d.get("events", [])) for d in gold)


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_pages_of_real_documents_have_unique_ids_and_resolving_links(path):
    gold = read_documents(path)
    n_links = 0
    for _, page in render.render_pages(gold, page_size=10):
        root = parse_html(page)
        ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
        assert len(ids) == len(set(ids))
        links = [a.attrs["href"][1:] for a in root.by_id("zb-events").find_all("a")]
        assert set(links) <= set(ids) and len(root.find_all("a", cls="zb-at")) == len(links)
        n_links += len(links)
    assert n_links == sum(len(d.get("events", [])) for d in gold)
