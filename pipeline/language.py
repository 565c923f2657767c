"""The ``zhibiao`` language class: Chinese, with input checked before spaCy sees it.

spaCy treats ``bytes`` given to ``nlp()`` as a serialised ``Doc`` and fails
deep inside msgpack; zhibiao users pass news text, so anything that is not
``str`` or ``Doc`` gets a plain ``InputError`` instead.
"""
from __future__ import annotations

from typing import Any

from spacy.lang.zh import Chinese
from spacy.tokens import Doc
from spacy.util import registry

from .normalize import check_text


class Zhibiao(Chinese):
    """Chinese language data, zhibiao's input check; config ``lang = "zhibiao"``."""

    lang = "zhibiao"

    def _ensure_doc(self, doc_like: Any) -> Doc:
        if not isinstance(doc_like, Doc):
            check_text(doc_like)
        return super()._ensure_doc(doc_like)


# Saved pipelines find the class again through this name (and the ``spacy_languages`` entry point).
registry.languages.register("zhibiao", func=Zhibiao)
