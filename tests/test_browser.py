"""The rendered pages in a real browser: headless Chromium loads them, runs their JS, dumps the DOM.

Skipped when Chromium is not installed (``apt-get install -y chromium``, as
``.ci/run`` does). Each Chromium run gets its own profile folder and a time
limit, and touches no network: the pages are self-contained files.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from zhibiao import render
from zhibiao.render import CHROMIUM_FLAGS

from .test_render import parse_html, table_rows

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 90

SENTENCES = (
    "5G移動電話用戶達6.76億戶，規模以上工業增加值同比增長3.8%。",
    "上半年，工業投資同比增長8.9%，“新三樣”產品出口增長61.6%。",
    "全国夏粮总产量13926万吨,比上年减少162万吨,下降1.2%。",
)


def _chromium() -> Path:
    if not (CHROMIUM.is_file() and shutil.which(str(CHROMIUM))):
        reason = f"chromium not found at {CHROMIUM}; install Debian's chromium package"
        print(reason)
        pytest.skip(reason)
    return CHROMIUM


def run_chromium(tmp_path: Path, url: str, *args: str) -> str:
    """Run headless Chromium on ``url`` with extra ``args``; its stdout (the DOM for ``--dump-dom``)."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [str(_chromium()), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url]
    proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-2000:]}"
    return proc.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    _chromium()  # skip before loading the model
    import zhibiao

    return [{"id": f"s{i}", **zhibiao.extract(text)} for i, text in enumerate(SENTENCES)]


@pytest.fixture
def page(tmp_path, records) -> Path:
    _chromium()
    return render.write_html(tmp_path / "page.html", render.render_documents(records))


def test_dom_after_load_has_highlights_and_events(tmp_path, page, records):
    root = parse_html(run_chromium(tmp_path, page.as_uri(), "--dump-dom"))
    found = [(m.attrs["data-label"], m.text(skip_class="zb-label")) for m in root.find_all("mark", cls="zb-q")]
    expected = [(q["label"], q["text"]) for r in records for q in r["quantities"]]
    assert found == expected
    assert ("QUANTITY", "6.76億戶") in found and ("PERCENT", "3.8%") in found
    assert len(root.find_all("li", cls="zb-ev")) == sum(len(r["events"]) for r in records)
    rows = table_rows(root)
    assert len(rows) == sum(len(r["events"]) for r in records) >= 5
    assert ["s0", "5G移动电话用户", "676,000,000", "户", "level"] == rows[0][:5]
    # JS ran without sorting (no fragment): the table keeps document order and is not marked sorted
    assert "data-sorted" not in root.by_id("zb-events").attrs


@pytest.mark.parametrize("fragment, descending", [("#sort=value", False), ("#sort=-value", True)])
def test_fragment_sorts_on_load(tmp_path, page, fragment, descending):
    root = parse_html(run_chromium(tmp_path, page.as_uri() + fragment, "--dump-dom"))
    table = root.by_id("zb-events")
    assert table.attrs.get("data-sorted") == fragment.split("=", 1)[1]
    values = [float(td.attrs["data-sort"]) for td in table.find_all("td", cls="zb-num")]
    assert len(values) >= 5
    assert values == sorted(values, reverse=descending)
    assert values != [float(td.attrs["data-sort"]) for td in parse_html(page.read_text("utf-8")).find_all(
        "td", cls="zb-num")], "the unsorted order should differ for this check to mean something"
    marker = next(th for th in table.find_all("th") if th.attrs.get("data-key") == "value")
    assert ("zb-desc" if descending else "zb-asc") in marker.classes


def test_fragment_sorts_text_column(tmp_path, page):
    root = parse_html(run_chromium(tmp_path, page.as_uri() + "#sort=indicator", "--dump-dom"))
    names = [row[1] for row in table_rows(root)]
    assert root.by_id("zb-events").attrs.get("data-sorted") == "indicator"
    # localeCompare('zh') order cannot be reproduced here; equal names must end up adjacent
    for name in set(names):
        first, count = names.index(name), names.count(name)
        assert names[first : first + count] == [name] * count, names


def test_screenshot(tmp_path, page):
    shot = tmp_path / "shot.png"
    run_chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,900")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, f"screenshot is only {len(data)} bytes"


def test_evaluation_page_in_browser(tmp_path, records):
    from zhibiao.evaluate import score

    gold = [dict(r) for r in records]
    pred = [dict(r, events=r["events"][1:]) for r in records]
    result = score(gold, pred)
    path = render.write_html(tmp_path / "eval.html", render.render_evaluation(gold, pred, result))
    root = parse_html(run_chromium(tmp_path, path.as_uri(), "--dump-dom"))
    assert len(root.find_all("tr", cls="zb-match")) == result["events_strict"]["tp"]
    assert len(root.find_all("tr", cls="zb-miss")) == result["events_strict"]["fn"] == len(records)
    assert not root.find_all("tr", cls="zb-false")
