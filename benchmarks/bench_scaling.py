"""Time and memory of one document as it grows: 1k to 10M characters, per stage, with the fitted exponent.

Each size runs in a fresh process (so peak RSS is that size's own). The document is the repository's
real news paragraphs (seed and gold texts) joined by newlines and repeated to the size. Stages are the
fast path's: normalise, tag quantities, find periods, link, write the records (as ``zhibiao extract``
writes them), with the cyclic collector paused as ``extract`` pauses it while it reads a document. ``--full`` also times the full spaCy pipeline, ``to_records(nlp(text))``, up to spaCy's
1,000,000-character limit.  ``--baseline PYTHON`` times ``extract`` of another checkout's environment
(an earlier commit, installed in its own venv) on the same documents, CPU seconds, to compare with
this one's ``extract``: "faster than the code of that day" measured, not remembered.  ``--shape sentence``
makes the document one sentence: clauses of a value each joined by commas, no sentence end (a table
read as text), where every walk over a sentence's periods and cues meets every value before it.
Run: python benchmarks/bench_scaling.py [--sizes 1000 10000 ...] [--shape news|sentence] [--full]
[--baseline OTHER/.venv/bin/python]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

RUNNER = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from common import shape_base
size, full = int(sys.argv[1]), sys.argv[3] == "1"
base = shape_base(sys.argv[4])
text = (base * (size // len(base) + 1))[:size]
from zhibiao.normalize import normalize
from zhibiao.periods import find_periods
from zhibiao.quantities import find_quantities
from zhibiao.linker import link
from zhibiao.linker_rules import default_rules
from zhibiao.records import event_record, quantity_record
from zhibiao.gcpause import collector_paused
normalize("預熱"); find_quantities("增长1%"); default_rules()  # loading is not per-document work
warm = normalize("公司10月合并营收达326亿元").text  # nor are the segmenter and tagger the phrase rules load
link(warm, find_quantities(warm), find_periods(warm))
t = {}
with collector_paused():  # as ``extract`` reads a document: its records are many small dicts and no cycles
    s = time.perf_counter(); norm = normalize(text); t["normalise"] = time.perf_counter() - s
    s = time.perf_counter(); qs = find_quantities(norm.text); t["tag"] = time.perf_counter() - s
    s = time.perf_counter(); ps = find_periods(norm.text); t["periods"] = time.perf_counter() - s
    s = time.perf_counter(); events = link(norm.text, qs, ps); t["link"] = time.perf_counter() - s
    s = time.perf_counter()
    record = {"text": text, "quantities": [quantity_record(q, text, *norm.to_original(q.start, q.end)) for q in qs],
              "events": [event_record(e, norm) for e in events]}
    line = json.dumps(record, ensure_ascii=False)
    t["write"] = time.perf_counter() - s
out = {"chars": len(text), "events": len(events), "stages": t,
       "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
if full and size <= 1_000_000:
    import zhibiao
    nlp = zhibiao.load()
    warm = "預熱 公司10月合并营收达326亿元,同比增长3.2%"  # rules, classes and models load once, untimed, for both
    nlp(warm)
    zhibiao.extract(warm)
    s = time.perf_counter(); slow = zhibiao.to_records(nlp(text)); out["full_pipeline"] = time.perf_counter() - s
    s = time.perf_counter(); fast = zhibiao.extract(text); out["extract"] = time.perf_counter() - s
    out["same_records"] = slow == fast
print(json.dumps(out))
"""

#: ``extract`` of any checkout, on a document read from a file, in process-CPU seconds (the import name was
#: ``pipeline`` before the rename)
EXTRACT_RUNNER = r"""
import json, sys, time
try:
    import zhibiao
except ImportError:
    import pipeline as zhibiao
text = open(sys.argv[1], encoding="utf-8").read()
zhibiao.extract("預熱 公司10月合并营收达326亿元,同比增长3.2%")  # loading is not per-document work
s = time.process_time()
record = zhibiao.extract(text)
print(json.dumps({"extract_cpu": time.process_time() - s, "events": len(record["events"])}))
"""

STAGES = ("normalise", "tag", "periods", "link", "write")


def document(size: int, shape: str = "news") -> str:
    """The benchmark's document of ``size`` characters (as RUNNER builds it)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import shape_base

    base = shape_base(shape)
    return (base * (size // len(base) + 1))[:size]


def extract_cpu(python: str, size: int, shape: str = "news") -> dict:
    """CPU seconds of ``extract`` on the size's document in the environment of ``python``."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as fh:
        fh.write(document(size, shape))
    try:
        # run outside any checkout: a source folder in the working directory would shadow the installed package
        result = subprocess.run([python, "-c", EXTRACT_RUNNER, fh.name], capture_output=True, text=True, check=True,
                                cwd=tempfile.gettempdir())
    finally:
        os.unlink(fh.name)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(size: int, full: bool, shape: str = "news") -> dict:
    here = str(Path(__file__).resolve().parent)
    result = subprocess.run([sys.executable, "-c", RUNNER, str(size), here, "1" if full else "0", shape],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) against log(characters)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--full", action="store_true", help="also time the full spaCy pipeline (sizes <= 1M)")
    parser.add_argument("--baseline", metavar="PYTHON",
                        help="also time extract in another checkout's environment (sizes <= 1M), CPU seconds")
    parser.add_argument("--shape", choices=("news", "sentence"), default="news",
                        help="news paragraphs (default) or one sentence of comma-joined clauses")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; one document ({args.shape}), fast path, one process per size")
    print("| characters | " + " | ".join(f"{s} s" for s in STAGES) + " | total s | chars/s | link share | peak RSS (MB) |")
    print("|---:|" + "---:|" * (len(STAGES) + 4))
    points = []
    fulls = []
    for size in args.sizes:
        r = run(size, args.full, args.shape)
        total = sum(r["stages"].values())
        points.append((r["chars"], total))
        cells = " | ".join(f"{r['stages'][s]:.3f}" for s in STAGES)
        print(f"| {r['chars']:,} | {cells} | {total:.2f} | {r['chars'] / total:,.0f} | "
              f"{r['stages']['link'] / total:.0%} | {r['peak_mb']:.0f} |", flush=True)
        if "full_pipeline" in r:
            fulls.append(r)
    fit = [(n, s) for n, s in points if n >= 10_000]
    if len(fit) >= 2:
        print(f"\nfitted exponent of total seconds over {fit[0][0]:,}..{fit[-1][0]:,} characters: "
              f"{fitted_exponent(fit):.3f}")
    for r in fulls:
        print(f"{r['chars']:,} chars: full spaCy pipeline {r['full_pipeline']:.2f} s, zhibiao.extract {r['extract']:.2f} s "
              f"({r['full_pipeline'] / r['extract']:.1f}x), same records: {r['same_records']}")
    if args.baseline:
        for size in (n for n in args.sizes if n <= 1_000_000):
            old, new = extract_cpu(args.baseline, size, args.shape), extract_cpu(sys.executable, size, args.shape)
            print(f"{size:,} chars: extract {new['extract_cpu']:.2f} CPU s ({new['events']:,} events), baseline's "
                  f"{old['extract_cpu']:.2f} CPU s ({old['events']:,} events): {old['extract_cpu'] / new['extract_cpu']:.1f}x")


if __name__ == "__main__":
    main()
