"""Show extraction results and evaluations as self-contained HTML pages.

Pure functions over the contract's plain records (``spec/events.md``): no spaCy,
no model, so the pages can be built from batch output files or gold files
alone. Every page is one HTML string with inline CSS and JS only (no fonts,
scripts, images or style sheets from anywhere else), so it can be mailed,
archived or opened offline.

- ``render_documents(records)``: for an analyst, first one table of all events
  (sortable by clicking a header or by a URL fragment such as ``#sort=value``,
  ``#sort=-value`` descending; filtered by indicator, unit and document as one
  types into its filter box), each row linked to the sentence of its event;
  then each document's text with its quantities highlighted in displaCy's span
  style and its events as ``indicator → value unit`` lines.
- ``render_pages(records, name, page_size)``: the same cut into pages of
  ``page_size`` documents (``page.html``, ``page-2.html`` ...) linked by next
  and previous, so a large output stays quick to open.
- ``render_evaluation(gold_docs, pred_docs, result)``: the scores of
  ``evaluate.score`` and, per document, gold and predicted events side by side,
  paired by ``evaluate.align``, exactly as the scorer pairs them.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import evaluate as ev
from .errors import RecordsError

LABELS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "FRACTION")
LABEL_COLOURS = {
    "PERCENT": "#7aecec",
    "MONEY": "#b5e48c",  # displaCy gives MONEY and CARDINAL the same colour; here they differ
    "QUANTITY": "#feca74",
    "CARDINAL": "#e4e7d2",
    "ORDINAL": "#c887fb",
    "FRACTION": "#bfe1d9",
}
OTHER_COLOUR = "#ddd"

EVENT_COLUMNS = (
    ("indicator", "indicator"),
    ("value", "value"),
    ("unit", "unit"),
    ("kind", "kind"),
    ("basis", "basis"),
    ("period", "period"),
    ("location", "location"),
    ("doc", "document"),
)
NUMERIC_COLUMNS = frozenset({"value"})
FILTER_COLUMNS = frozenset({"indicator", "unit", "doc"})  # what the filter box searches
DEFAULT_PAGE_SIZE = 200
DEFAULT_TITLE = "zhibiao: quantities and indicator events"
# Flags for headless Chromium on a machine with no network but the package registries:
# without the background-networking ones it keeps trying (and failing) to reach Google.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans CJK TC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:1.5em 2em;color:#222;
line-height:1.5;background:#fff}
h1{font-size:1.5em;margin:0 0 .4em}
h2{font-size:1.15em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.zb-doc{margin-bottom:2em}
.zb-meta{color:#666;font-size:.85em}
.zb-text{line-height:2.5;white-space:pre-wrap;direction:ltr;max-width:70em}
.zb-q{padding:.25em .45em;margin:0 .15em;line-height:1;border-radius:.35em;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
.zb-label{font-size:.6em;font-weight:bold;line-height:1;border-radius:.35em;vertical-align:middle;
margin-left:.4rem;font-family:Helvetica,Arial,sans-serif;text-transform:uppercase}
.zb-ind{border-bottom:2px solid #4a7fd0}
.zb-event-list{margin:.4em 0 0;padding-left:1.6em}
.zb-ev .zb-arrow{color:#888;margin:0 .3em}
.zb-ev .zb-val{font-weight:bold}
.zb-ev .zb-src{color:#888;font-size:.85em;margin-left:.3em}
.zb-tag{display:inline-block;font-size:.75em;border:1px solid #ccc;border-radius:.3em;padding:0 .35em;
margin-left:.35em;color:#444;background:#f7f7f7}
.zb-tag.zb-kind{border-color:#4a7fd0;color:#2a5fb0}
.zb-none{color:#999;font-style:italic}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
#zb-events th{cursor:pointer;user-select:none;white-space:nowrap}
#zb-events th.zb-asc::after{content:" \\25B2"}
#zb-events th.zb-desc::after{content:" \\25BC"}
td.zb-num{text-align:right;font-variant-numeric:tabular-nums}
.zb-scores td{text-align:right;font-variant-numeric:tabular-nums}
.zb-scores td:first-child{text-align:left}
.zb-pairs{width:100%;max-width:80em}
.zb-pairs td{width:46%}
.zb-pairs td.zb-status{width:8%;white-space:nowrap;font-size:.85em}
tr.zb-match{background:#d9f2d9}
tr.zb-miss{background:#fde2c8}
tr.zb-false{background:#f8d0d0}
.zb-diff{color:#b00;font-weight:bold}
.zb-legend span{display:inline-block;padding:0 .6em;margin-right:.5em;border-radius:.3em}
.zb-s:has(> .zb-at:target){background:#fff3b0;box-shadow:0 0 0 .25em #fff3b0}
.zb-at{scroll-margin-top:5em}
.zb-cur{outline:2px solid #d9480f;outline-offset:1px}
.zb-ind.zb-cur{background:#ffe08a}
.zb-filter input{font:inherit;padding:.2em .5em;width:28em;max-width:100%}
.zb-pages{margin:.8em 0;display:flex;gap:1.2em;align-items:baseline}
.zb-qual{color:#666}
.zb-charts{display:flex;flex-wrap:wrap;gap:1em}
.zb-chart{margin:0;border:1px solid #e3e3e3;border-radius:.3em;padding:.4em .6em}
.zb-chart figcaption{font-size:.85em;max-width:380px}
.zb-chart-legend{font-size:.75em;margin:0;max-width:380px}
.zb-axis{stroke:#999}
.zb-line{fill:none;stroke-width:1.5}
.zb-pt{stroke:#fff;stroke-width:1}
.zb-pt.zb-conflict{stroke:#000;stroke-width:2}
.zb-xtick,.zb-ytick{font-size:10px;fill:#555}
"""
_CSS += "".join(
    f".zb-{label}{{background:{colour}}}" for label, colour in (*LABEL_COLOURS.items(), ("OTHER", OTHER_COLOUR))
)

# Sorts #zb-events by a column on a header click, or on load from #sort=<key> / #sort=-<key>.
_SORT_JS = """
(function(){
  var table=document.getElementById('zb-events');
  if(!table){return;}
  var tbody=table.tBodies[0];
  var heads=table.tHead.rows[0].cells;
  function keyOf(cell,numeric){
    var v=cell.getAttribute('data-sort');
    if(v===null){v=cell.textContent;}
    if(numeric){var n=parseFloat(v);return isNaN(n)?null:n;}
    return v===''?null:v;
  }
  function sortBy(key,desc){
    var col=-1,numeric=false;
    for(var i=0;i<heads.length;i++){
      heads[i].classList.remove('zb-asc','zb-desc');
      if(heads[i].getAttribute('data-key')===key){col=i;numeric=heads[i].hasAttribute('data-numeric');}
    }
    if(col<0){return false;}
    var rows=Array.prototype.slice.call(tbody.rows);
    rows.forEach(function(r,i){r._zbIndex=i;});
    rows.sort(function(a,b){
      var x=keyOf(a.cells[col],numeric),y=keyOf(b.cells[col],numeric),c;
      if(x===null||y===null){c=(x===null)-(y===null);if(c!==0){return c;}}
      else if(numeric){c=x-y;}
      else{c=x.localeCompare(y,'zh');}
      if(c!==0){return desc?-c:c;}
      return a._zbIndex-b._zbIndex;
    });
    rows.forEach(function(r){tbody.appendChild(r);});
    heads[col].classList.add(desc?'zb-desc':'zb-asc');
    table.setAttribute('data-sorted',(desc?'-':'')+key);
    return true;
  }
  for(var i=0;i<heads.length;i++){
    heads[i].addEventListener('click',function(){
      var key=this.getAttribute('data-key');
      var desc=this.classList.contains('zb-asc');
      sortBy(key,desc);
    });
  }
  function fromHash(){
    var m=/(?:^#|&)sort=(-?)([A-Za-z_]+)/.exec(window.location.hash);
    if(m){sortBy(m[2],m[1]==='-');}
  }
  window.addEventListener('hashchange',fromHash);
  fromHash();
})();
"""

# Hides the rows of #zb-events whose indicator, unit and document (the columns marked data-filter)
# do not hold every word typed into #zb-filter; case-insensitive, as the user types.
_FILTER_JS = r"""
(function(){
  var box=document.getElementById('zb-filter'),table=document.getElementById('zb-events');
  if(!box||!table){return;}
  var count=document.getElementById('zb-filter-count'),cols=[],heads=table.tHead.rows[0].cells;
  for(var i=0;i<heads.length;i++){if(heads[i].hasAttribute('data-filter')){cols.push(i);}}
  function haystack(row){
    if(row._zbText===undefined){
      row._zbText=cols.map(function(c){return row.cells[c].textContent.toLowerCase();}).join('\n');
    }
    return row._zbText;
  }
  function apply(){
    var words=box.value.toLowerCase().split(/\s+/).filter(Boolean),rows=table.tBodies[0].rows,shown=0;
    for(var i=0;i<rows.length;i++){
      var text=haystack(rows[i]);
      var keep=words.every(function(w){return text.indexOf(w)>=0;});
      rows[i].hidden=!keep;
      if(keep){shown++;}
    }
    table.setAttribute('data-shown',shown);
    count.textContent=(words.length?shown.toLocaleString()+' of ':'')+rows.length.toLocaleString()+
      (rows.length===1?' event':' events');
  }
  box.addEventListener('input',apply);
  apply();
})();
"""

# Outlines the value and indicator of the event a link points at (#ev-<doc>-<event>); the
# sentence itself is highlighted by CSS (:target), this marks which of its events is meant.
_CURRENT_JS = r"""
(function(){
  function mark(){
    var old=document.querySelectorAll('.zb-cur');
    for(var i=0;i<old.length;i++){old[i].classList.remove('zb-cur');}
    var id=window.location.hash.slice(1);
    if(!/^ev-\d+-\d+$/.test(id)){return;}
    var found=document.querySelectorAll('[data-ev~="'+id+'"]');
    for(var j=0;j<found.length;j++){found[j].classList.add('zb-cur');}
  }
  window.addEventListener('hashchange',mark);
  mark();
})();
"""


# --------------------------------------------------------------------------- small helpers


def _e(value: Any) -> str:
    """Escaped text of any value; None is the empty string."""
    return "" if value is None else escape(str(value), quote=True)


def format_value(value: Any) -> str:
    """A number for people: thousands separators, no float noise, no trailing ``.0``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.10g}"


def _sort_key(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return repr(float(value))


def _doc_id(record: dict, index: int) -> str:
    doc_id = record.get("id")
    return f"#{index + 1}" if doc_id is None else str(doc_id)


def _count(n: int, one: str, many: str = "") -> str:
    """``1 event``, ``2,345 events``; ``many`` for a plural that is not ``one + "s"``."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _int(x: Any) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) else None


def html_page(title: str, body: str, script: str = "") -> str:
    """A whole page: the shared style sheet, ``body`` under an ``<h1>`` of ``title``, and ``script``."""
    js = f"<script>{script}</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<h1>{_e(title)}</h1>\n{body}\n{js}</body>\n</html>\n"
    )


def write_html(path: str | Path, html: str) -> Path:
    """Write a page as UTF-8 (parent folders created); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


_TABLE_FORMATS = ("csv", "parquet")
_WHAT_RENDER_READS = "render reads a .jsonl of records or the output folder of `zhibiao extract`"


def read_records(path: str | Path) -> list[dict]:
    """Document records from a JSONL file or from a ``zhibiao extract`` output folder.

    A folder is read as its ``documents-*.jsonl`` part files in name order, or (csv and parquet
    output) rebuilt from its documents, quantities and events tables (``tables.read_records``).
    Anything else (a text file, a line that is not a JSON object) raises ``RecordsError`` naming the
    file and line, so the command line can say what is wrong in one line. No validation beyond
    that: the render shows what it is given.
    """
    path = Path(path)
    if path.is_dir():
        for fmt in _TABLE_FORMATS:
            if any((path / "documents").glob(f"part-*.{fmt}")):
                return _read_tables(path, fmt)
    records: list[dict] = []
    for file in _record_files(path):
        records.extend(_read_jsonl(file))
    return records


def _read_tables(folder: Path, fmt: str) -> list[dict]:
    from . import tables

    try:
        return tables.read_records(folder, fmt)
    except ImportError:
        raise RecordsError(f"{folder}: reading {fmt} tables needs pyarrow: pip install 'zhibiao[parquet]'") from None
    except StopIteration:
        raise RecordsError(f"{folder}: the events or quantities tables hold fewer rows than the documents table "
                           "counts; the folder was changed after the run") from None
    except (OSError, ValueError) as err:
        raise RecordsError(f"{folder}: cannot read the {fmt} tables ({err})") from None


def _record_files(path: Path) -> list[Path]:
    """The JSONL files to read for ``path``, or a ``RecordsError`` saying why there are none."""
    if not path.exists():
        raise RecordsError(f"{path}: no such file or folder")
    if not path.is_dir():
        if path.suffix != ".jsonl":
            raise RecordsError(f"{path}: not a .jsonl file of records; {_WHAT_RENDER_READS}")
        return [path]
    files = sorted(path.glob("documents-*.jsonl"))
    if files:
        return files
    raise RecordsError(f"{path}: no documents-*.jsonl part files and no documents table; {_WHAT_RENDER_READS}")


def _read_jsonl(file: Path) -> Iterator[dict]:
    """The JSON objects of a JSONL file, one a line; empty lines are skipped."""
    try:
        data = file.read_bytes()
    except OSError as err:
        raise RecordsError(f"{file}: cannot read ({err.strerror})") from None
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        where = f"{file}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise RecordsError(f"{where}: not valid UTF-8 ({err.reason} at byte {err.start})") from None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise RecordsError(f"{where}: malformed JSON: {err.msg} (column {err.colno})") from None
        if not isinstance(record, dict):
            raise RecordsError(f"{where}: a JSON {type(record).__name__}, not a record (an object)")
        yield record


# --------------------------------------------------------------------------- highlighted text

_Span = tuple[int, int, str, dict]  # start, end, "q" (quantity) or "ind" (indicator), the item drawn
_SENTENCE_END = re.compile(r"[。！？!?\n]")  # as evaluate's sentences for errors


class _Layout:
    """The spans drawn in one text: sorted, non-overlapping, found by position with bisection.

    Long documents hold thousands of quantities; looking spans up by bisection
    keeps rendering them linear-logarithmic instead of quadratic.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[_Span] = []

    def add(self, span: _Span) -> None:
        """Take the span unless it overlaps one already taken."""
        k = bisect.bisect_right(self.starts, span[0])
        if (k and self.spans[k - 1][1] > span[0]) or (k < len(self.spans) and self.spans[k][0] < span[1]):
            return
        self.starts.insert(k, span[0])
        self.spans.insert(k, span)

    def within(self, lo: int, hi: int) -> list[_Span]:
        """The spans that start in ``[lo, hi)``."""
        return self.spans[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def around(self, pos: int) -> _Span | None:
        """The span that ``pos`` falls strictly inside, if any."""
        k = bisect.bisect_left(self.starts, pos) - 1
        return self.spans[k] if k >= 0 and self.spans[k][1] > pos else None


def _spans(text: str, record: dict) -> _Layout:
    """The spans to draw: quantities first, then indicators.

    A span out of range, empty, or overlapping one already taken is skipped.
    """
    candidates: list[tuple[int | None, int | None, str, dict]] = []
    for q in record.get("quantities") or []:
        if isinstance(q, dict):
            candidates.append((_int(q.get("start")), _int(q.get("end")), "q", q))
    for event in record.get("events") or []:
        if isinstance(event, dict):
            candidates.append((_int(event.get("indicator_start")), _int(event.get("indicator_end")), "ind", event))
    layout = _Layout()
    for start, end, kind, item in candidates:
        if start is not None and end is not None and 0 <= start < end <= len(text):
            layout.add((start, end, kind, item))
    return layout


def _quantity_mark(text: str, q: dict, events: str) -> str:
    label = q.get("label") if q.get("label") in LABELS else "OTHER"
    value = format_value(q.get("value"))
    if q.get("upper") is not None:
        value += "–" + format_value(q.get("upper"))
    tip = " ".join(x for x in (q.get("qualifier") or "", value, q.get("unit") or "", q.get("currency") or "") if x)
    return (
        f'<mark class="zb-q zb-{_e(label)}"{_data_ev(events)} '
        f'data-start="{q["start"]}" data-end="{q["end"]}" data-label="{_e(q.get("label"))}" '
        f'title="{_e(tip)}">{_e(text)}<span class="zb-label">{_e(q.get("label"))}</span></mark>'
    )


def _indicator_mark(text: str, start: int, end: int, event: dict, events: str) -> str:
    return (
        f'<span class="zb-ind"{_data_ev(events)} data-start="{start}" data-end="{end}" '
        f'title="{_e(event.get("indicator_id") or event.get("indicator"))}">{_e(text)}</span>'
    )


def _data_ev(events: str) -> str:
    return f' data-ev="{events}"' if events else ""


def event_anchor(doc_index: int, event_index: int) -> str:
    """The id a documents page gives event ``event_index`` of document ``doc_index`` (both 0-based)."""
    return f"ev-{doc_index}-{event_index}"


def _events_of(record: dict) -> list[tuple[int, dict]]:
    """(index in the record's list, event) of every event that is an object."""
    return [(j, e) for j, e in enumerate(record.get("events") or []) if isinstance(e, dict)]


def _span_events(layout: _Layout, events: list[tuple[int, dict]], doc_index: int) -> dict[int, str]:
    """For each drawn span (by start), the anchors of the events it is the value or indicator of."""
    keys: dict[tuple[int, int, str], list[str]] = {}
    for j, event in events:
        anchor = event_anchor(doc_index, j)
        keys.setdefault((_int(event.get("value_start")), _int(event.get("value_end")), "q"), []).append(anchor)
        keys.setdefault((_int(event.get("indicator_start")), _int(event.get("indicator_end")), "ind"), []).append(anchor)
    return {start: " ".join(keys.get((start, end, kind), [])) for start, end, kind, _ in layout.spans}


def _event_position(event: dict, length: int) -> int | None:
    """Where an event sits in the text: its value, else its indicator; None when neither is in range."""
    for key in ("value_start", "indicator_start"):
        pos = _int(event.get(key))
        if pos is not None and 0 <= pos < length:
            return pos
    return None


def _sentences(text: str, anchors: list[tuple[str, int]], layout: _Layout) -> list[tuple[int, int, list[str]]]:
    """(start, end, anchors) of the sentences holding the anchored positions, in order.

    A sentence ends after 。！？!? or a newline. Its range is widened so that no
    drawn span crosses its edges, and sentences that then overlap are merged,
    so the page can wrap each in one element.
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    ranges: list[tuple[int, int, str]] = []
    for anchor, pos in anchors:
        k = bisect.bisect_right(ends, pos)
        start, end = ends[k - 1] if k else 0, ends[k] if k < len(ends) else len(text)
        crossing_start, crossing_end = layout.around(start), layout.around(end)
        start = crossing_start[0] if crossing_start else start
        end = crossing_end[1] if crossing_end else end
        ranges.append((start, end, anchor))
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, anchor in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), [*merged[-1][2], anchor])
        else:
            merged.append((start, end, [anchor]))
    return merged


def _marked(text: str, lo: int, hi: int, layout: _Layout, span_events: dict[int, str]) -> str:
    """``text[lo:hi]`` as HTML, with its spans drawn; no span may cross ``lo`` or ``hi``."""
    out: list[str] = []
    pos = lo
    for start, end, kind, item in layout.within(lo, hi):
        out.append(_e(text[pos:start]))
        events = span_events.get(start, "")
        if kind == "q":
            out.append(_quantity_mark(text[start:end], item, events))
        else:
            out.append(_indicator_mark(text[start:end], start, end, item, events))
        pos = end
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _anchors(anchors: Iterable[str]) -> str:
    return "".join(f'<a class="zb-at" id="{anchor}"></a>' for anchor in anchors)


def highlight_text(record: dict, doc_index: int | None = None) -> str:
    """The record's text as HTML, quantities marked by label and indicators underlined.

    With ``doc_index`` (a documents page), each event also gets its anchor
    (``event_anchor``) at the start of the sentence it is in, that sentence is
    wrapped in ``<span class="zb-s">``, and the event's value and indicator
    carry its anchor in ``data-ev``, so a link to the event lands on its
    sentence and the page can highlight exactly that event.
    """
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    layout = _spans(text, record)
    if doc_index is None:
        return _marked(text, 0, len(text), layout, {})
    events = _events_of(record)
    span_events = _span_events(layout, events, doc_index)
    placed = [(event_anchor(doc_index, j), _event_position(e, len(text))) for j, e in events]
    out = [_anchors(anchor for anchor, pos in placed if pos is None)]
    pos = 0
    for start, end, anchors in _sentences(text, [(a, p) for a, p in placed if p is not None], layout):
        out.append(_marked(text, pos, start, layout, span_events))
        out.append(f'<span class="zb-s">{_anchors(anchors)}{_marked(text, start, end, layout, span_events)}</span>')
        pos = end
    out.append(_marked(text, pos, len(text), layout, span_events))
    return "".join(out)


# --------------------------------------------------------------------------- events


def _tags(event: dict, fields: Iterable[str] = ("kind", "basis", "qualifier", "period", "location")) -> str:
    tags = []
    for name in fields:
        value = event.get(name)
        if value is None or value == "":
            continue
        tags.append(f'<span class="zb-tag zb-{name}" title="{name}">{_e(value)}</span>')
    return "".join(tags)


def event_line(event: dict) -> str:
    """``indicator → value unit`` with the quantity as written and the event's fields as tags."""
    source = event.get("value_text")
    src = f'<span class="zb-src">«{_e(source)}»</span>' if source else ""
    unit = event.get("unit")
    return (
        f'<span class="zb-indicator">{_e(event.get("indicator"))}</span>'
        f'<span class="zb-arrow">→</span>'
        f'<span class="zb-val">{_e(format_value(event.get("value")))}</span>'
        f'{" " + _e(unit) if unit else ""}{src}{_tags(event)}'
    )


def _event_list(events: list[dict]) -> str:
    if not events:
        return '<p class="zb-none">no events</p>'
    items = "".join(
        f'<li class="zb-ev" data-value-start="{_e(_int(e.get("value_start")))}">{event_line(e)}</li>'
        for e in events
    )
    return f'<ol class="zb-event-list">{items}</ol>'


def _value_cell(event: dict) -> str:
    """The value, prefixed by its qualifier (``> 10,000,000,000`` for 超100亿), so the table does not overstate it."""
    qualifier = event.get("qualifier")
    prefix = f'<span class="zb-qual" title="qualifier">{_e(qualifier)}</span> ' if qualifier else ""
    return (
        f'<td class="zb-num" data-sort="{_sort_key(event.get("value"))}">'
        f'{prefix}{_e(format_value(event.get("value")))}</td>'
    )


def _event_row(event: dict, doc_id: str, anchor: str) -> str:
    cells = []
    for key, _ in EVENT_COLUMNS:
        if key == "doc":
            cells.append(f'<td><a href="#{anchor}">{_e(doc_id)}</a></td>')
        elif key == "value":
            cells.append(_value_cell(event))
        else:
            cells.append(f"<td>{_e(event.get(key))}</td>")
    return f'<tr class="zb-row">{"".join(cells)}</tr>'


def _events_table(records: list[dict], first: int) -> str:
    """All events of ``records`` (documents ``first``, ``first + 1`` ...), each row linked to its sentence."""
    heads = "".join(
        f'<th data-key="{key}"{" data-numeric" if key in NUMERIC_COLUMNS else ""}'
        f'{" data-filter" if key in FILTER_COLUMNS else ""} title="click to sort">{_e(name)}</th>'
        for key, name in EVENT_COLUMNS
    )
    rows = [
        _event_row(event, _doc_id(record, i), event_anchor(i, j))
        for i, record in enumerate(records, start=first)
        for j, event in _events_of(record)
    ]
    return (
        f'<table id="zb-events"><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _filter_box(n_events: int) -> str:
    return (
        '<p class="zb-filter"><label for="zb-filter">Filter</label> '
        '<input type="search" id="zb-filter" autocomplete="off" '
        'placeholder="indicator, unit or document"> '
        f'<span id="zb-filter-count" class="zb-meta">{_count(n_events, "event")}</span></p>'
    )


def _legend() -> str:
    return '<p class="zb-legend">' + "".join(
        f'<span class="zb-key zb-{label}">{label}</span>' for label in LABELS
    ) + '<span class="zb-key"><span class="zb-ind">indicator</span></span></p>'


def _document_section(record: dict, index: int) -> str:
    events = [e for _, e in _events_of(record)]
    n_quantities = sum(isinstance(q, dict) for q in record.get("quantities") or [])
    doc_id = _doc_id(record, index)
    return (
        f'<section class="zb-doc" id="doc-{index}" data-id="{_e(doc_id)}">'
        f"<h2>{_e(doc_id)}</h2>"
        f'<p class="zb-meta">{_count(n_quantities, "quantity", "quantities")}, {_count(len(events), "event")}</p>'
        f'<div class="zb-text">{highlight_text(record, index)}</div>'
        f"{_event_list(events)}</section>"
    )


# --------------------------------------------------------------------------- documents pages


def page_file_name(name: str, number: int) -> str:
    """The file of page ``number`` (1-based) when the first is ``name``: page.html, page-2.html, ..."""
    if number == 1:
        return name
    path = Path(name)
    return f"{path.stem}-{number}{path.suffix}"


def _page_link(name: str, number: int, rel: str, text: str) -> str:
    return f'<a rel="{rel}" href="{_e(quote(page_file_name(name, number)))}">{text}</a>'


def _pager(name: str, number: int, pages: int, first: int, shown: int, total: int) -> str:
    """Previous and next links with where this page is, for a documents output cut into pages."""
    prev = _page_link(name, number - 1, "prev", "← previous") if number > 1 else ""
    nxt = _page_link(name, number + 1, "next", "next →") if number < pages else ""
    return (
        f'<nav class="zb-pages">{prev}<span class="zb-where">page {number} of {pages}: documents '
        f"{first + 1:,}–{first + shown:,} of {total:,}</span>{nxt}</nav>"
    )


def _documents_page(records: list[dict], first: int, title: str, pager: str = "") -> str:
    """One page: the events table (filter box, sortable) first, then each document highlighted."""
    n_events = sum(len(_events_of(record)) for record in records)
    parts = [
        pager,
        f'<p class="zb-meta">{_count(len(records), "document")}, {_count(n_events, "event")}.</p>',
        f'<h2 id="zb-all-events">Events ({n_events:,})</h2>',
        _filter_box(n_events),
        '<p class="zb-meta">The filter keeps the rows whose indicator, unit or document hold every word typed. '
        "A document link opens the sentence of the event. Click a column header to sort; a URL ending in "
        "<code>#sort=value</code> (or <code>#sort=-value</code>) opens sorted.</p>",
        _events_table(records, first),
        '<h2 id="zb-documents">Documents</h2>',
        _legend(),
        *(_document_section(record, index) for index, record in enumerate(records, start=first)),
        pager,
    ]
    return html_page(title, "\n".join(p for p in parts if p), _SORT_JS + _FILTER_JS + _CURRENT_JS)


def render_pages(
    records: list[dict],
    name: str = "page.html",
    page_size: int = DEFAULT_PAGE_SIZE,
    title: str = DEFAULT_TITLE,
) -> list[tuple[str, str]]:
    """(file name, HTML) of each page: ``page_size`` documents a page, linked by previous and next.

    The first page is ``name``, the others ``page_file_name(name, n)``. Each
    page's events table holds the events of its own documents only, so a large
    output is many small pages instead of one that a browser struggles with.
    """
    if page_size < 1:
        raise ValueError(f"page_size must be at least 1, got {page_size}")
    starts = range(0, len(records), page_size) if records else range(1)
    pages = []
    for number, first in enumerate(starts, start=1):
        chunk = records[first : first + page_size]
        pager = _pager(name, number, len(starts), first, len(chunk), len(records)) if len(starts) > 1 else ""
        page_title = f"{title} (page {number} of {len(starts)})" if len(starts) > 1 else title
        pages.append((page_file_name(name, number), _documents_page(chunk, first, page_title, pager)))
    return pages


def render_documents(records: list[dict], title: str = DEFAULT_TITLE) -> str:
    """All records on one self-contained page: the events table first, then each document highlighted."""
    return _documents_page(records, 0, title)


def write_pages(path: str | Path, records: list[dict], page_size: int = DEFAULT_PAGE_SIZE) -> list[Path]:
    """Write the documents pages next to each other, the first at ``path``; returns their paths."""
    path = Path(path)
    return [write_html(path.with_name(name), html) for name, html in render_pages(records, path.name, page_size)]


# --------------------------------------------------------------------------- evaluation


def event_rows(gold: dict | None, pred: dict | None) -> list[dict]:
    """Gold and predicted events of one document pair, paired as ``evaluate`` pairs them strictly.

    Built on ``evaluate.align``, so the page shows the scorer's own pairing.
    Returns rows ``{"status": "match"|"miss"|"false", "gold", "pred", "start",
    "lenient", "agree"}`` ordered by position: ``lenient`` tells whether the
    unmatched item still has a partner under lenient matching; ``agree`` maps
    kind, basis, qualifier and period to whether a matched pair agrees on them.
    """
    aligned = ev.align(gold, pred)
    strict, lenient = aligned["events_strict"], aligned["events_lenient"]["matched"]
    lenient_gold = {row["gold_index"] for row in lenient}
    lenient_pred = {row["pred_index"] for row in lenient}
    gold_side = sorted(strict["matched"] + strict["missed"], key=lambda row: row["gold_index"])
    rows = [
        {"status": "match" if row["pred"] is not None else "miss", "gold": row["gold"], "pred": row["pred"],
         "start": row["start"], "lenient": row["pred"] is not None or row["gold_index"] in lenient_gold,
         "agree": row["agree"]}
        for row in gold_side
    ]
    rows += [
        {"status": "false", "gold": None, "pred": row["pred"], "start": row["start"],
         "lenient": row["pred_index"] in lenient_pred, "agree": {}}
        for row in strict["false"]
    ]
    rows.sort(key=lambda r: (r["start"] is None, r["start"] or 0, r["status"] == "false"))
    return rows


def _eval_cell(item: dict | None, agree: dict[str, bool]) -> str:
    if item is None:
        return '<td class="zb-empty"></td>'
    tags = []
    for name in ("kind", "basis", "qualifier", "period", "location"):
        value = item.get(name)
        if value is None or value == "":
            if agree.get(name) is False:
                tags.append(f'<span class="zb-tag zb-{name} zb-diff" title="{name} differs">{name}: —</span>')
            continue
        diff = " zb-diff" if agree.get(name) is False else ""
        title = f"{name} differs" if diff else name
        tags.append(f'<span class="zb-tag zb-{name}{diff}" title="{title}">{_e(value)}</span>')
    source = item.get("value_text")
    src = f'<span class="zb-src">«{_e(source)}»</span>' if source else ""
    unit = item.get("unit")
    return (
        f'<td class="zb-ev"><span class="zb-indicator">{_e(item.get("indicator"))}</span>'
        f'<span class="zb-arrow">→</span><span class="zb-val">{_e(format_value(item.get("value")))}</span>'
        f'{" " + _e(unit) if unit else ""}{src}{"".join(tags)}</td>'
    )


_STATUS_TEXT = {"match": "✓ match", "miss": "✗ missed", "false": "✗ false alarm"}


def _scores_table(result: dict) -> str:
    rows = []
    for level in ev.LEVELS:
        prf = result.get(level)
        if not isinstance(prf, dict):
            continue
        rows.append(
            f'<tr class="zb-level" data-level="{level}"><td>{level}</td>'
            + "".join(f'<td>{prf.get(k, 0):.3f}</td>' for k in ("p", "r", "f1"))
            + "".join(f"<td>{_e(prf.get(k, 0))}</td>" for k in ("tp", "fp", "fn"))
            + "</tr>"
        )
    table = (
        '<table class="zb-scores" id="zb-scores"><thead><tr><th>level</th><th>P</th><th>R</th><th>F1</th>'
        f'<th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    fields = result.get("fields")
    if isinstance(fields, dict) and fields:
        total = next(iter(fields.values())).get("total", 0)
        frows = "".join(
            f'<tr><td>{_e(name)}</td><td>{acc.get("accuracy", 0):.3f}</td>'
            f'<td>{_e(acc.get("correct"))}/{_e(acc.get("total"))}</td></tr>'
            for name, acc in fields.items()
        )
        table += (
            f'<p class="zb-meta">Field accuracy over {_e(total)} strictly matched events:</p>'
            f'<table class="zb-scores zb-fields"><thead><tr><th>field</th><th>accuracy</th><th>correct</th>'
            f"</tr></thead><tbody>{frows}</tbody></table>"
        )
    return table


def render_evaluation(
    gold_docs: list[dict], pred_docs: list[dict], result: dict, title: str = "zhibiao: evaluation"
) -> str:
    """Scores, then per document gold and predicted events side by side (matched, missed, false alarm).

    Documents are paired as ``evaluate.score`` pairs them (by id when all have
    one, else by position); ``result`` is the dict ``score`` returned.
    """
    docs_label = result.get("documents", len(gold_docs))
    parts = [
        (
            f'<p class="zb-meta">{_e(docs_label)} documents. Events are paired by the scorer\'s strict matching '
            "(same quantity position, value, unit and indicator).</p>"
        ),
        _scores_table(result),
        (
            '<p class="zb-legend"><span class="zb-key" style="background:#d9f2d9">matched</span>'
            '<span class="zb-key" style="background:#fde2c8">missed gold</span>'
            '<span class="zb-key" style="background:#f8d0d0">false alarm</span>'
            '<span class="zb-key zb-diff">red tag</span> a field that differs</p>'
        ),
    ]
    for index, (gold, pred) in enumerate(ev.pair_documents(gold_docs, pred_docs)):
        source = gold if gold is not None else pred or {}
        rows = event_rows(gold, pred)
        counts = {s: sum(r["status"] == s for r in rows) for s in ("match", "miss", "false")}
        body = []
        for row in rows:
            note = ""
            if row["status"] != "match" and row["lenient"]:
                note = '<br><span class="zb-tag zb-lenient" title="matches under lenient matching">lenient ✓</span>'
            body.append(
                f'<tr class="zb-pair zb-{row["status"]}" data-start="{_e(row["start"])}">'
                f'{_eval_cell(row["gold"], row["agree"])}'
                f'<td class="zb-status">{_STATUS_TEXT[row["status"]]}{note}</td>'
                f'{_eval_cell(row["pred"], row["agree"])}</tr>'
            )
        if not body:
            body.append('<tr><td colspan="3" class="zb-none">no events in gold or prediction</td></tr>')
        shown = pred if pred is not None else {"text": source.get("text")}
        if pred is not None and not isinstance(pred.get("text"), str):
            shown = {**pred, "text": source.get("text")}
        doc_id = _doc_id(source, index)
        parts.append(
            f'<section class="zb-doc" id="doc-{index}" data-id="{_e(doc_id)}">'
            f"<h2>{_e(doc_id)}</h2>"
            f'<p class="zb-meta">{counts["match"]} matched, {counts["miss"]} missed, '
            f'{counts["false"]} false alarms{"" if gold is not None else " (no gold document)"}'
            f'{"" if pred is not None else " (no prediction)"}</p>'
            f'<div class="zb-text">{highlight_text(shown)}</div>'
            '<table class="zb-pairs"><thead><tr><th>gold</th><th></th><th>predicted</th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></section>'
        )
    return html_page(title, "\n".join(parts))
