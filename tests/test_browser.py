"""The rendered pages in a real browser: headless Chromium loads them, runs their JS, dumps the DOM.

Skipped when Chromium is not installed (``apt-get install -y chromium``, as
``.ci/run`` does). Each Chromium run gets its own profile folder and a time
limit, and touches no network: the pages are self-contained files. Tests that
type and click drive Chromium over the DevTools protocol on a pipe
(``--remote-debugging-pipe``), which needs nothing beyond the standard library.
"""
from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from zhibiao import render
from zhibiao.render import CHROMIUM_FLAGS

from .test_render import Node, parse_html, table_rows

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 90

SENTENCES = (
    "5G移動電話用戶達6.76億戶，規模以上工業增加值同比增長3.8%。",
    "上半年，工業投資同比增長8.9%，“新三樣”產品出口增長61.6%。",
    "全国夏粮总产量13926万吨,比上年减少162万吨,下降1.2%。",
)
KEYS = [key for key, _ in render.EVENT_COLUMNS]
FILTERED = [KEYS.index(key) for key in sorted(render.FILTER_COLUMNS)]  # the columns the filter box searches
DOC = KEYS.index("doc")


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


class ProtocolError(AssertionError):
    """Chromium answered a DevTools command with an error."""


class Browser:
    """Headless Chromium driven over the DevTools protocol: open a page, type, click, read the DOM.

    Chromium reads commands on its fd 3 and answers on fd 4, one JSON message
    each, ended by a NUL byte; events that come in between are skipped.
    """

    def __init__(self, profile: Path) -> None:
        commands, self._to_browser = os.pipe()
        self._from_browser, answers = os.pipe()
        self.log = profile.with_name(f"{profile.name}.log")
        cmd = [str(_chromium()), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        self.pid = _spawn(cmd, self.log, commands, answers)
        os.close(commands)
        os.close(answers)
        self._buffer, self._last_id = b"", 0
        try:
            page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
            self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        except BaseException:
            self.close()
            raise

    def send(self, method: str, session: str | None = None, **params: Any) -> dict:
        self._last_id += 1
        message = {"id": self._last_id, "method": method, "params": params, **({"sessionId": session} if session else {})}
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            while b"\0" not in self._buffer:
                if not select.select([self._from_browser], [], [], max(0.0, deadline - time.monotonic()))[0]:
                    raise TimeoutError(f"no answer to {method} within {TIMEOUT} s")
                chunk = os.read(self._from_browser, 1 << 16)
                assert chunk, f"chromium quit: {self.log.read_text(errors='replace')[-2000:]}"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._last_id:
                if "error" in answer:
                    raise ProtocolError(f"{method}: {answer['error']}")
                return answer["result"]

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", self.session, expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, expression: str) -> None:
        """Poll ``expression`` until it is true; while a click navigates, the page asked may be gone
        (``Inspected target navigated or closed``): that answer means not yet."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                if self.js(expression):
                    return
            except ProtocolError as err:
                if "navigated or closed" not in str(err):
                    raise
            assert time.monotonic() < deadline, f"still false after {TIMEOUT} s: {expression}"
            time.sleep(0.05)

    def open(self, url: str) -> None:
        self.send("Page.navigate", self.session, url=url)
        self.wait_for(f"document.readyState === 'complete' && location.href === {json.dumps(url)}")

    def click(self, selector: str) -> None:
        """A left click with the mouse in the middle of the element, scrolled into view first."""
        x, y = self.js(f"(function(){{var r=document.querySelector({json.dumps(selector)});r.scrollIntoView({{block:'center'}});"
                       "r=r.getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2];})()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", self.session, type=kind, x=x, y=y, button="left", clickCount=1)

    def type(self, text: str) -> None:
        """Type into the focused element: key by key for ASCII, committed as by an input method for Chinese."""
        if not text.isascii():
            self.send("Input.insertText", self.session, text=text)
            return
        for char in text:
            self.send("Input.dispatchKeyEvent", self.session, type="keyDown", key=char, text=char)
            self.send("Input.dispatchKeyEvent", self.session, type="keyUp", key=char)

    def backspace(self, times: int = 1) -> None:
        for _ in range(times):
            for kind in ("rawKeyDown", "keyUp"):
                self.send("Input.dispatchKeyEvent", self.session, type=kind, key="Backspace", code="Backspace",
                          windowsVirtualKeyCode=8)

    def dom(self) -> Node:
        """The page as it is now, parsed."""
        return parse_html(self.js("document.documentElement.outerHTML"))

    def close(self) -> None:
        """Ask Chromium to quit, kill it if it has not after a while, and reap it."""
        try:
            os.write(self._to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        except OSError:
            pass  # it is gone already
        deadline = time.monotonic() + 10
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        os.close(self._to_browser)
        os.close(self._from_browser)


def _spawn(cmd: list[str], log: Path, commands: int, answers: int) -> int:
    """Start ``cmd`` with ``commands`` as its fd 3, ``answers`` as its fd 4 and output into ``log``.

    ``posix_spawn`` rather than ``subprocess`` with a ``preexec_fn``: placing
    fds in the child that way is unsafe while other threads run (Dask's do).
    Every source is first copied above 10, so no placement overwrites another.
    """
    with open(os.devnull, "rb") as null, log.open("wb") as out:
        sources = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (null.fileno(), out.fileno(), out.fileno(),
                                                                         commands, answers)]
    try:
        return os.posix_spawn(cmd[0], cmd, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, fd, target) for target, fd in enumerate(sources)])
    finally:
        for fd in sources:
            os.close(fd)


@pytest.fixture
def browser(tmp_path):
    chromium = Browser(tmp_path / "profile-cdp")
    yield chromium
    chromium.close()


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
    assert rows[0][:4] == ["5G移动电话用户", "676,000,000", "户", "level"] and rows[0][DOC] == "s0"
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


def _shown(root: Node) -> list[list[str]]:
    body = root.by_id("zb-events").find_all("tbody")[0]
    return [[td.text() for td in tr.find_all("td")] for tr in body.find_all("tr") if "hidden" not in tr.attrs]


def _matching(rows: list[list[str]], *words: str) -> list[list[str]]:
    """Rows whose indicator, unit or document holds every word, as the filter box should keep them."""
    return [r for r in rows if all(any(w.lower() in r[c].lower() for c in FILTERED) for w in words)]


def test_filter_box_hides_and_shows_rows_as_you_type(browser, page, records):
    browser.open(page.as_uri())
    rows = table_rows(browser.dom())
    assert len(rows) == sum(len(r["events"]) for r in records) and _shown(browser.dom()) == rows
    browser.click("#zb-filter")
    browser.type("%")
    percent = _shown(browser.dom())
    assert percent == _matching(rows, "%") and 0 < len(percent) < len(rows)
    browser.type(" ")
    browser.type("工业")
    shown = _shown(browser.dom())
    assert shown == _matching(rows, "%", "工业") and 0 < len(shown) < len(percent)
    assert browser.js("document.getElementById('zb-filter-count').textContent") == f"{len(shown)} of {len(rows)} events"
    browser.backspace(3)
    assert _shown(browser.dom()) == percent
    browser.backspace(1)
    assert browser.js("document.getElementById('zb-filter').value") == ""
    assert _shown(browser.dom()) == rows
    browser.type("S2")  # a document id, any case
    assert _shown(browser.dom()) == [r for r in rows if r[DOC] == "s2"] != []
    browser.backspace(2)
    browser.type("no such thing")
    assert _shown(browser.dom()) == []
    assert browser.js("document.getElementById('zb-filter-count').textContent") == f"0 of {len(rows)} events"


def test_row_link_lands_on_the_sentence_and_marks_the_event(browser, page, records):
    browser.open(page.as_uri())
    browser.click("#zb-events tbody tr:nth-child(3) a")
    browser.wait_for("location.hash !== ''")
    browser.wait_for("document.querySelector('.zb-cur') !== null")  # hashchange runs after the hash is set
    anchor = browser.js("location.hash").lstrip("#")
    doc_index, event_index = (int(x) for x in anchor.split("-")[1:])
    event = records[doc_index]["events"][event_index]
    text = records[doc_index]["text"]
    marked = browser.js("Array.from(document.querySelectorAll('.zb-cur')).map(function(n){"
                        "return [n.className.split(' ')[0], Number(n.getAttribute('data-start'))];})")
    ends = (("zb-q", event["value_start"]), ("zb-ind", event["indicator_start"]))
    assert sorted(map(tuple, marked)) == sorted((cls, start) for cls, start in ends if start is not None)
    sentence = browser.js("(function(){var s=document.getElementById(location.hash.slice(1)).parentElement;"
                          "return [s.className, s.textContent, getComputedStyle(s).backgroundColor];})()")
    assert sentence[0] == "zb-s" and sentence[2] == "rgb(255, 243, 176)"
    assert text[event["value_start"]:event["value_end"]] in sentence[1]
    assert browser.js("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top") < 300


def test_next_and_previous_pages(browser, tmp_path, records):
    paths = render.write_pages(tmp_path / "pages" / "page.html", records, page_size=1)
    assert [p.name for p in paths] == ["page.html", "page-2.html", "page-3.html"]
    browser.open(paths[1].as_uri())
    assert [row[DOC] for row in table_rows(browser.dom())] == ["s1"] * len(records[1]["events"])
    browser.click("a[rel=next]")
    browser.wait_for(f"location.href === {json.dumps(paths[2].as_uri())} && document.readyState === 'complete'")
    assert {row[DOC] for row in table_rows(browser.dom())} == {"s2"}
    browser.click("a[rel=prev]")
    browser.wait_for(f"location.href === {json.dumps(paths[1].as_uri())} && document.readyState === 'complete'")


SERIES_TEXTS = (
    "上半年，规模以上工业增加值同比增长3.8%。",
    "1-9月，全国规模以上工业增加值同比增长4.0%，工业投资同比增长9.0%。",
    "前三季度，规模以上工业增加值同比增长4.0%。",
)


def test_series_page_point_links_to_its_sentence(browser, tmp_path):
    """A point of the series page opens the documents page of its report, on its sentence."""
    import zhibiao
    from zhibiao.cli import write_series_page
    from zhibiao.series import build_series

    records = [{"id": f"r{i}", **zhibiao.extract(text)} for i, text in enumerate(SERIES_TEXTS)]
    rows = [r for r in build_series(records) if r["indicator"] == "industrial_value_added"]
    assert len(rows) == 3, rows  # three periods as written: three points of one chart
    page = tmp_path / "site" / "page.html"
    render.write_pages(page, records, page_size=1)
    series = write_series_page(page, records, page_size=1)
    browser.open(series.as_uri())
    charts = browser.js("Array.from(document.querySelectorAll('figure.zb-chart')).map(function(f){"
                        "return [f.getAttribute('data-indicator'), f.querySelectorAll('circle').length];})")
    assert charts == [["industrial_value_added", 3]]
    target = browser.js("(function(){var a=document.querySelectorAll('a.zb-point')[1];"
                        "return a.getAttribute('href');})()")
    doc_index = int(target.split("#ev-")[1].split("-")[0])
    browser.click("a.zb-point:nth-of-type(2) circle")
    expected = (page.parent / target.split("#")[0]).as_uri() + "#" + target.split("#")[1]
    browser.wait_for(f"location.href === {json.dumps(expected)} && document.readyState === 'complete'")
    event = records[doc_index]["events"][int(target.rsplit("-", 1)[1])]
    sentence = browser.js("(function(){var s=document.getElementById(location.hash.slice(1)).parentElement;"
                          "return [s.className, s.textContent, getComputedStyle(s).backgroundColor];})()")
    assert sentence[0] == "zb-s" and sentence[2] == "rgb(255, 243, 176)"
    assert event["value_text"] in sentence[1] and event["indicator_id"] == "industrial_value_added"
