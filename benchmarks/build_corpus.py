"""Build a reproducible benchmark corpus (JSONL) of at least a given size.

Documents are the seed article, every gold text of the repository and the
shared dev gold, and paragraphs of UD Chinese sentences (GSDSimp, GSD, PUD;
10 sentences each), shuffled with a fixed seed and repeated until the file is
large enough.  Run: python benchmarks/build_corpus.py OUT.jsonl --mb 20
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from common import ROOT, news_texts


def ud_paragraphs(ud_dir: Path, per: int = 10) -> list[str]:
    sentences = []
    for path in sorted(ud_dir.rglob("*.conllu")):
        if "CFL" in path.parts[-2] or "HK" in path.parts[-2]:
            continue
        sentences += [line[9:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")]
    return ["".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


def build(out: Path, megabytes: float, seed: int = 0) -> dict:
    texts = news_texts()
    ud = ROOT.parent / "shared" / "data" / "ud-chinese"
    if ud.is_dir():
        texts += ud_paragraphs(ud)
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = docs = chars = 0
    with open(out, "w", encoding="utf-8") as fh:
        while written < target:
            order = texts[:]
            rng.shuffle(order)
            for text in order:
                line = json.dumps({"id": f"d{docs}", "text": text}, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                docs += 1
                chars += len(text)
                if written >= target:
                    break
    return {"path": str(out), "bytes": written, "documents": docs, "chars": chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.mb, args.seed)))


if __name__ == "__main__":
    main()
