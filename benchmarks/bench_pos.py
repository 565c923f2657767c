"""Speed of the part-of-speech tagger against the segmenter on the same text, and its cost in the pipeline.

The tagger runs on the segmenter's own words of the normalised texts, one
call per text as in the pipeline.  "cold" starts every run with an empty
per-word score cache, so every word is looked up as if never seen; "warm" is
the steady state of a long job.  Texts: the repository's news paragraphs
(dense) and the UD GSDSimp test and dev sentences (general).  Times are CPU
time of this process (best of 3, the contenders alternating), so that other
jobs on a shared machine change them less than wall time.
Run: python benchmarks/bench_pos.py
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from bench_quantities import ud_sentences
from common import news_texts


def cpu_seconds(fn: Callable[[object], object], items: Iterable[object]) -> float:
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def main() -> None:
    import zhibiao
    from zhibiao.normalize import normalize
    from zhibiao.pos import PosTagger
    from zhibiao.segmenter import Segmenter

    seg = Segmenter()
    seg.cut("预热")
    nlp = zhibiao.load()
    print(f"machine: {os.cpu_count()} cores")
    for name, texts in (("dense news", news_texts()), ("general text (UD GSDSimp)", ud_sentences())):
        norm = [normalize(t).text for t in texts]
        words = [seg.cut(t) for t in norm]
        chars = sum(map(len, norm))
        best = dict.fromkeys(("segment", "cold", "warm", "pipeline", "without"), float("inf"))
        for _ in range(3):
            tagger = PosTagger()
            tagger.tag_words([])  # loads the model, caches no word
            runs = {
                "segment": lambda: cpu_seconds(seg.cut, norm),
                "cold": lambda: cpu_seconds(tagger.tag_words, words),
                "warm": lambda: cpu_seconds(tagger.tag_words, words),
                "pipeline": lambda: cpu_seconds(nlp, texts),
            }
            for key, run in runs.items():
                best[key] = min(best[key], run())
            with nlp.select_pipes(disable=["zhibiao_pos"]):
                best["without"] = min(best["without"], cpu_seconds(nlp, texts))
        print(f"{name}: {chars:,} chars, {len(texts):,} texts, {sum(map(len, words)):,} words")
        print(f"  segmenter alone (normalised text):   {chars / best['segment']:>12,.0f} chars/s")
        print(f"  part-of-speech tagger alone, cold:   {chars / best['cold']:>12,.0f} chars/s")
        print(f"  part-of-speech tagger alone, warm:   {chars / best['warm']:>12,.0f} chars/s")
        print(f"  full pipeline (nlp(text)):           {chars / best['pipeline']:>12,.0f} chars/s")
        print(f"  full pipeline without zhibiao_pos:   {chars / best['without']:>12,.0f} chars/s")


if __name__ == "__main__":
    main()
