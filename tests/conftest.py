"""Shared fixtures: one pipeline per test session, and the project's text data."""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# CI runs the property tests on hypothesis's fixed examples (HYPOTHESIS_PROFILE=ci in .ci/run) so a
# landing is decided by the code, not by the draw; a local run keeps drawing new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = next((ROOT / "seeds").glob("*.txt"))


@functools.cache
def script_module(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module, loaded once per test session.  Scripts are no package: the module is
    registered under its name (a dataclass looks its module up) and ``scripts/`` is on the path while it loads (a
    script may import another, as ``evaluate_subject_model.py`` imports the trainer)."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(path.parent))
    return mod


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    import zhibiao

    return zhibiao.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# A copy of the 15 annotated paragraphs the project was given (../shared/corpus/news-dev.gold.jsonl),
# so that a checkout tests the same cases without ../shared.
DEV_GOLD = ROOT / "tests" / "data" / "news-dev.gold.jsonl"


def gold_files() -> list[Path]:
    """Gold files of the repository (never the unmeasured blind sets), plus the given dev gold."""
    from zhibiao.evaluate import design_gold_files

    return design_gold_files(ROOT)


# A currency the bundled units file lacks (Myanmar's kyat), and a company's measure stated in it.
CUSTOM_CURRENCY, CUSTOM_CURRENCY_TEXT = "缅元", "台积电缅元营收增长10%。"


def units_with_custom_currency(dst: Path) -> Path:
    """A copy of the bundled units file at ``dst`` with one more currency unit, ``CUSTOM_CURRENCY``."""
    bundled = (ROOT / "rules" / "units.yaml").read_text(encoding="utf-8")
    anchor = "  - id: hk_dollar\n"
    unit = f"  - id: kyat\n    kind: currency\n    surfaces: [{CUSTOM_CURRENCY}]\n    currency: MMK\n"
    dst.write_text(bundled.replace(anchor, unit + anchor, 1), encoding="utf-8")
    return dst


# A time word the bundled periods file lacks, added to a user's own as a mention (a word stripped like a period) or
# as a period a statement can refer to (role find).
CUSTOM_TIME_WORD = "财报季"


def periods_with_custom_time_word(dst: Path, role: str = "mention") -> Path:
    """A copy of the bundled periods file at ``dst`` with one more pattern of ``role``, ``CUSTOM_TIME_WORD``, first
    among the patterns of that role."""
    bundled = (ROOT / "rules" / "periods.yaml").read_text(encoding="utf-8")
    anchor = "  - id: mention.week\n" if role == "mention" else "  - id: find.day_span\n"
    pattern = (f"  - id: {role}.custom\n    role: {role}\n    pattern: '{CUSTOM_TIME_WORD}'\n    examples:\n"
               f"      - {{text: {CUSTOM_TIME_WORD}营收, match: {CUSTOM_TIME_WORD}}}\n")
    dst.write_text(bundled.replace(anchor, pattern + anchor, 1), encoding="utf-8")
    return dst


def ud_sample(dst: Path, train_sentences: int) -> Path:
    """A small copy of the four UD files the trainers read: the first ``train_sentences`` of GSD
    train and 50 of GSDSimp dev, GSDSimp test and PUD, so a training test runs in seconds."""
    from zhibiao.segmenter_train import GSD_TRAIN, GSDSIMP_DEV, GSDSIMP_TEST, PUD_TEST

    full = ud_data(GSD_TRAIN, GSDSIMP_DEV, GSDSIMP_TEST, PUD_TEST)
    for name, n in ((GSD_TRAIN, train_sentences), (GSDSIMP_DEV, 50), (GSDSIMP_TEST, 50), (PUD_TEST, 50)):
        blocks = (full / name).read_text(encoding="utf-8").split("\n\n")[:n]
        (dst / name).parent.mkdir(parents=True, exist_ok=True)
        (dst / name).write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return dst


def ud_data(*names: str) -> Path:
    """The UD Chinese folder (``$ZHIBIAO_UD_DIR`` or ../shared/data/ud-chinese) holding ``names``.

    Its treebanks (CC BY-SA, tens of MB) are not copied into the repository: a test that needs them
    fails with this message rather than vanishing."""
    env = os.environ.get("ZHIBIAO_UD_DIR")
    path = Path(env) if env else SHARED / "data" / "ud-chinese"
    missing = [n for n in names if not (path / n).is_file()]
    if missing:
        pytest.fail(f"UD Chinese data not found: {', '.join(str(path / n) for n in missing)} "
                    f"(set ZHIBIAO_UD_DIR to the folder of the UD Chinese treebanks)", pytrace=False)
    return path
