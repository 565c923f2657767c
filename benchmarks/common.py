"""Shared bits of the benchmarks: the text they run on, and timing."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from zhibiao.evaluate import design_gold_files

ROOT = Path(__file__).resolve().parent.parent


def news_texts() -> list[str]:
    """Seed article and every design gold document of the repository (real news paragraphs)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in design_gold_files(ROOT):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


#: one sentence of clauses, each with a value, joined by commas (issue 13's shape: a table flattened to text)
SENTENCE = "以电子产品年增102.7%较多,资讯通信产品则年增33.9%,累计前九月则年增36.4%,"


def shape_base(shape: str) -> str:
    """The text a benchmark document of ``shape`` repeats: the news paragraphs one per line (``news``) or
    the one sentence ``SENTENCE`` (``sentence``), never ended."""
    return SENTENCE if shape == "sentence" else "\n".join(news_texts()) + "\n"


def corpus_of(size_chars: int) -> list[str]:
    """News texts repeated until they hold at least ``size_chars`` characters."""
    base = news_texts()
    out: list[str] = []
    total = 0
    while total < size_chars:
        for t in base:
            out.append(t)
            total += len(t)
    return out


def chars_per_second(fn: Callable[[str], object], texts: list[str], repeat: int = 3,
                     before_each: Callable[[], object] | None = None) -> float:
    """Best of ``repeat`` runs of ``fn`` over all texts, in characters per second.

    ``before_each`` runs untimed before every run (to empty caches, so that no run profits from
    the one before it)."""
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        if before_each is not None:
            before_each()
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    return chars / best
