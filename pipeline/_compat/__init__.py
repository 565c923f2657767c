"""The package's import name until 0.1: ``import pipeline`` is ``import zhibiao``, with a warning.

Installed as the top-level package ``pipeline`` (see ``pyproject.toml``) for one release, so code
written against the old name keeps working.  Every ``pipeline.X`` resolves to the same module
object as ``zhibiao.X``: nothing is imported twice and spaCy's registries see one set of factories.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings
from types import ModuleType

warnings.warn(
    "the import name 'pipeline' is deprecated and will be removed in zhibiao 0.3; use 'import zhibiao'",
    DeprecationWarning,
    stacklevel=2,
)


class _AliasLoader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module("zhibiao" + spec.name[len("pipeline"):])
        self._own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """The module is zhibiao's, already executed: only give it back its own spec."""
        module.__spec__ = self._own_spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if fullname.startswith("pipeline."):
            return importlib.util.spec_from_loader(fullname, _AliasLoader())
        return None


sys.meta_path.insert(0, _AliasFinder())
sys.modules[__name__] = importlib.import_module("zhibiao")
