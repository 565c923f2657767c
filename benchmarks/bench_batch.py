"""Throughput and peak memory of batch extraction, against the segmenter alone and a plain nlp.pipe loop.

Each configuration runs in a fresh process; peak memory is the largest
resident set of that process and of any worker it started.
Run: python benchmarks/bench_batch.py CORPUS.jsonl [--configs ...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

RUNNER = r"""
import json, resource, sys, time
cfg = json.loads(sys.argv[1])
corpus, out = cfg["corpus"], cfg["out"]
texts_chars = 0
start = time.perf_counter()
if cfg["mode"] == "segment":
    from zhibiao.normalize import normalize
    from zhibiao.segmenter import Segmenter
    seg = Segmenter()
    texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
    norm = [normalize(t).text for t in texts]
    start = time.perf_counter()
    for t in norm:
        seg.cut(t)
    texts_chars = sum(map(len, texts))
elif cfg["mode"] == "nlp.pipe":
    import zhibiao
    nlp = zhibiao.load()
    texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for doc in nlp.pipe(texts):
            fh.write(json.dumps(zhibiao.to_records(doc), ensure_ascii=False) + "\n")
    texts_chars = sum(map(len, texts))
else:
    from zhibiao.batch import DaskExecutor, run_extract
    executor = DaskExecutor(None, workers=cfg["workers"]) if cfg["mode"] == "dask" else None
    summary = run_extract([corpus], out, workers=cfg["workers"], quiet=True, fast_path=cfg["fast_path"],
                          executor=executor, force=True, shard_size=cfg.get("shard_size", 500))
    texts_chars = summary["chars"]
seconds = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"chars": texts_chars, "seconds": seconds, "peak_mb": peak / 1024}))
"""

CONFIGS = {
    "segmenter alone": {"mode": "segment"},
    "nlp.pipe loop (baseline)": {"mode": "nlp.pipe"},
    "extract, 1 worker, fast path off": {"mode": "extract", "workers": 1, "fast_path": False},
    "extract, 1 worker, fast path on": {"mode": "extract", "workers": 1, "fast_path": True},
    "extract, N workers, fast path on": {"mode": "extract", "workers": os.cpu_count() or 1, "fast_path": True},
    "extract, Dask local cluster, fast path on": {"mode": "dask", "workers": os.cpu_count() or 1, "fast_path": True},
}


def run(name: str, corpus: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = {**CONFIGS[name], "corpus": str(corpus), "out": str(Path(tmp) / "out")}
        result = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(cfg)], capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["chars_per_second"] = figures["chars"] / figures["seconds"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--configs", nargs="*", default=list(CONFIGS), choices=list(CONFIGS))
    args = parser.parse_args()
    size = args.corpus.stat().st_size / 1e6
    print(f"machine: {os.cpu_count()} cores; corpus: {args.corpus.name}, {size:.1f} MB")
    print("| configuration | chars/s | seconds | peak RSS (MB) |\n|---|---:|---:|---:|")
    for name in args.configs:
        f = run(name, args.corpus)
        print(f"| {name} | {f['chars_per_second']:,.0f} | {f['seconds']:.1f} | {f['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
