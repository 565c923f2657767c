"""Locate data that ships inside the package (rules, segmentation and part-of-speech models).

The top-level ``rules/`` folder is installed as the ``zhibiao.rules``
package (see ``pyproject.toml``), so the same lookup works in a checkout,
an editable install and a wheel.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The folder holding the bundled rule files (found once: batch workers ask for it per document)."""
    return Path(str(resources.files("zhibiao.rules")))


def rules_path(name: str) -> Path:
    """Path of one bundled rule file, e.g. ``rules_path("units.yaml")``."""
    return rules_dir() / name


def segmenter_dir() -> Path:
    """The folder of the bundled pkuseg segmentation model."""
    return Path(str(resources.files("zhibiao") / "data" / "segmenter"))


def tagger_dir() -> Path:
    """The folder of the bundled part-of-speech model."""
    return Path(str(resources.files("zhibiao") / "data" / "tagger"))
