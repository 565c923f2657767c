"""Held-out measures of the subject-boundary model: what it adds over the rules on files it was not trained on, and
how much that moves when it is retrained on a few files fewer, the rules unchanged.

Usage:
  python scripts/evaluate_subject_model.py [GOLD ...] [--cache DIR] [--folds K] [--retrains R] [--leave N]
      [--bag N] [--epochs N] [--min-files N] [--share S] [--margins START END [START END ...]] [--seed N]

Data (default): the design gold files (``zhibiao.evaluate.design_gold_files``), never corpus/blind/.  Each file's
texts are linked once with the rules alone (``train_subject_model.linked_file``, kept in ``--cache``); what a model
adds on a held-out file is read from the subjects offered there whose event matches a gold one: right cuts less
whole names cut (``train_subject_model.net_gain``, which the linked strict true positives follow within a few).

Three measures, each by script:

* time split (``BATCHES``): the design files annotated blind were added batch by batch; each batch is predicted by a
  model trained on the files that existed before it (every file of a lower number, and those without one), as the
  shipped model read it the first time;
* grouped cross-validation: ``--folds`` folds of whole files (``train_subject_model.script_folds``), each predicted by
  the model of the others;
* spread: each fold again with ``--retrains`` models, each trained without ``--leave`` training files drawn for it
  (the same files for every setting): the range of the net over the retrains and the held-out choices and events
  that move between them (an offer whose outcome is not the same under every retrain moves one event at most).

Each measure decides with every pair of ``--margins`` on the same weights, so margins cost no training.

Last, the causes of the moves: the held-out choices that move, by how near the whole subject they score (the margin a
cut must win by), and by how much of their score comes from features the training files hold in one file only.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from train_subject_model import (BAG, END_MARGIN, EPOCHS, MARGIN, MIN_FILES, Offer, examples_of, fit, linked_file,
                                 outcome, script_folds, script_of)
from zhibiao.evaluate import design_gold_files
from zhibiao.extractor import Extractor
from zhibiao.subject_boundary import BoundaryModel, _draw

ROOT = Path(__file__).resolve().parent.parent
# the batches of design files annotated blind, in the order they were added (each first read by the code of the
# commit before it: the first readings)
BATCHES: tuple[tuple[int, ...], ...] = (
    (75, 76, 77), (78, 79, 80), (81, 82, 83), (84, 85), (86, 87), (88,), (89,), (90, 91), (92,), (93, 94), (95,),
    (96, 97), (98, 99))
SCRIPTS = ("traditional", "simplified")


@dataclass(frozen=True)
class Setting:
    """How a model is trained: what each measure retrains with (``train_subject_model.fit``)."""

    bag: int = BAG
    epochs: int = EPOCHS
    min_files: int = MIN_FILES
    share: float = 1.0
    seed: int = 0

    def train(self, offers: dict[Path, list[Offer]], files: list[Path]) -> BoundaryModel:
        return fit(offers, files, self.seed, self.epochs, self.bag, self.min_files, self.share)


Margins = tuple[float, float]  # what a cut of the subject's start, and one of its end only, must beat the whole by


def deciding(model: BoundaryModel, margins: Margins) -> BoundaryModel:
    """The model's weights with these margins."""
    return BoundaryModel(model.weights, *margins)


def number(f: Path) -> int:
    """A design file's number (news75 -> 75); files without one are the oldest (0)."""
    stem = f.name.split(".")[0]
    return int(stem[4:]) if stem.startswith("news") and stem[4:].isdigit() else 0


def effects(model: BoundaryModel, offers: list[Offer]) -> list[int]:
    """Each offer's strict events gained over the rules by the model's choice: +1 a right cut, -1 a whole name
    cut, 0 otherwise."""
    out = []
    for o in offers:
        kind = outcome(o, model.choose(o.cands))
        out.append(1 if kind == "right cut" else -1 if kind == "cut the whole" else 0)
    return out


def net(offers: list[Offer], got: list[int]) -> Counter:
    """The effects summed by script and in all."""
    n: Counter = Counter()
    for o, e in zip(offers, got):
        n[o.script] += e
        n["all"] += e
    return n


def fmt(n: Counter) -> str:
    return " ".join(f"{s[:4]} {n[s]:+d}" for s in (*SCRIPTS, "all"))


def time_split(offers: dict[Path, list[Offer]], setting: Setting, margins: list[Margins]) -> dict[Margins, Counter]:
    """Each batch of ``BATCHES`` held out by a model of the files before it: its net with each of ``margins``, and the
    sums over batches."""
    total: dict[Margins, Counter] = {m: Counter() for m in margins}
    for batch in BATCHES:
        held = [f for f in offers if number(f) in batch]
        train = [f for f in offers if number(f) < min(batch)]
        if not held:
            continue
        got = [o for f in held for o in offers[f]]
        model = setting.train(offers, train)
        line = []
        for m in margins:
            n = net(got, effects(deciding(model, m), got))
            total[m].update(n)
            line.append(f"{m}: {fmt(n)}")
        print(f"  news{min(batch)}-{max(batch)} ({len(train)} files before): " + "; ".join(line), flush=True)
    for m in margins:
        print(f"  time split, all batches, margins {m}: {fmt(total[m])}")
    return total


def left_out(files: list[Path], retrain: int, leave: int) -> set[Path]:
    """The ``leave`` files retrain ``retrain`` trains without, drawn from the files' names and the retrain alone."""
    return set(sorted(files, key=lambda f: _draw("leave", retrain, f.name))[:leave]) if retrain else set()


def grouped(offers: dict[Path, list[Offer]], folds: list[list[Path]], setting: Setting, retrains: int, leave: int,
            margins: list[Margins]) -> None:
    """Grouped cross-validation (retrain 0, all training files) and its spread over ``retrains`` more retrains,
    each without ``leave`` training files: per retrain the held-out net, then the choices and events that move,
    for each of ``margins`` (the same weights)."""
    nets = {m: [Counter() for _ in range(retrains + 1)] for m in margins}
    moved_choices: Counter = Counter()
    moved_events: Counter = Counter()
    near: dict[Margins, Counter] = {m: Counter() for m in margins}
    offered = 0
    for fold, held in enumerate(folds):
        train = [f for f in offers if f not in held]
        got = [o for f in held for o in offers[f]]
        offered += len(got)
        models = [setting.train(offers, [f for f in train if f not in left_out(train, r, leave)])
                  for r in range(retrains + 1)]
        for m in margins:
            decide = [deciding(model, m) for model in models]
            choices = [[d.choose(o.cands) for o in got] for d in decide]
            outcomes = [effects(d, got) for d in decide]
            gaps = [_gap(decide[0], o) for o in got]
            for r, e in enumerate(outcomes):
                nets[m][r].update(net(got, e))
            for i in range(len(got)):
                if len({c[i] for c in choices}) > 1:
                    moved_choices[m] += 1
                    near[m][_band(gaps[i])] += 1
                if len({e[i] for e in outcomes}) > 1:
                    moved_events[m] += 1
            print(f"  fold {fold} ({len(held)} files), margins {m}: "
                  + "; ".join(f"r{r} {fmt(net(got, e))}" for r, e in enumerate(outcomes))
                  + f"; so far {moved_choices[m]} choices, {moved_events[m]} events moved", flush=True)
    for m in margins:
        print(f"  margins {m}: grouped cross-validation (r0): {fmt(nets[m][0])}")
        for s in (*SCRIPTS, "all"):
            v = [n[s] for n in nets[m]]
            print(f"    retrains {s:<12} " + " ".join(f"{x:+d}" for x in v)
                  + f"   mean {sum(v) / len(v):+.1f} range {max(v) - min(v)}")
        print(f"    of {offered} held-out offers, {moved_choices[m]} choices and {moved_events[m]} events move between "
              "retrains; the moved choices by the best cut's score less the whole's less its margin (r0): "
              + ", ".join(f"{k} {v}" for k, v in sorted(near[m].items())))


def _gap(model: BoundaryModel, o: Offer) -> float:
    """How far the best cut scores from winning: its score less the whole's less the margin it must beat it by."""
    s = model.scores(o.cands)
    if len(s) < 2:
        return float("-inf")
    k = max(range(1, len(s)), key=s.__getitem__)
    return s[k] - s[0] - model.margin_of(o.cands.spans[k])


def _band(x: float) -> str:
    return "a <-3" if x < -3 else "b -3..-1" if x < -1 else "c -1..0" if x <= 0 else "d 0..1" if x <= 1 \
        else "e 1..3" if x <= 3 else "f >3"


def sparsity(offers: dict[Path, list[Offer]], files: list[Path], setting: Setting) -> None:
    """How many of the model's features its training files hold in one file only, and their share of the weight."""
    seen: dict[str, set[str]] = {}
    for f in files:
        for cands, _ in examples_of(offers[f]):
            for fs in cands.features:
                for x in fs:
                    seen.setdefault(x, set()).add(f.name)
    model = setting.train(offers, files)
    once = [x for x in model.weights if len(seen.get(x, ())) == 1]
    mass = sum(abs(v) for v in model.weights.values())
    print(f"  {len(model.weights)} weights, {len(once)} of features of one file only "
          f"({sum(abs(model.weights[x]) for x in once) / mass:.0%} of the absolute weight)")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold JSONL files (default: the design corpora)")
    ap.add_argument("--cache", type=Path, help="folder keeping each gold file's links by the rules alone")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--retrains", type=int, default=4, help="retrains of each fold without --leave training files")
    ap.add_argument("--leave", type=int, default=2)
    ap.add_argument("--bag", type=int, default=BAG)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--min-files", type=int, default=MIN_FILES)
    ap.add_argument("--share", type=float, default=1.0, help="share of the training files each perceptron reads")
    ap.add_argument("--margins", type=float, nargs="+", default=[MARGIN, END_MARGIN], metavar="M",
                    help="pairs of margins (a cut of the start, of the end only) each measure decides with")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip", choices=("time", "grouped"), nargs="*", default=(), help="measures not to run")
    args = ap.parse_args(argv)
    files = sorted(args.gold) if args.gold else design_gold_files(ROOT)
    if any("blind" in f.parts for f in files):
        sys.exit("the blind sets are not design data")
    setting = Setting(args.bag, args.epochs, args.min_files, args.share, args.seed)
    margins = list(zip(args.margins[::2], args.margins[1::2]))
    print(setting, "margins", margins)
    ex = Extractor()
    runs = {f: linked_file(ex, f, args.cache) for f in files}
    offers = {f: [o for d in got for o in d.offers] for f, got in runs.items()}
    if "time" not in args.skip:
        print("time split (each batch annotated blind held out by a model of the files before it):")
        time_split(offers, setting, margins)
    if "grouped" not in args.skip:
        folds = script_folds(files, {f: script_of(got) for f, got in runs.items()}, args.folds)
        print(f"grouped cross-validation, {args.folds} folds of files, {args.retrains} retrains each without "
              f"{args.leave} training files:")
        grouped(offers, folds, setting, args.retrains, args.leave, margins)
    print("features of the model trained on all files:")
    sparsity(offers, files, setting)


if __name__ == "__main__":
    main(sys.argv[1:])
