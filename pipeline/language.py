"""The ``zhibiao`` language class: Chinese, with zhibiao's tokenizer and input checked before spaCy sees it.

spaCy treats ``bytes`` given to ``nlp()`` as a serialised ``Doc`` and fails
deep inside msgpack; zhibiao users pass news text, so anything that is not
``str`` or ``Doc`` gets a plain ``InputError`` instead.
"""
from __future__ import annotations

from typing import Any

from spacy.lang.zh import Chinese, ChineseDefaults
from spacy.tokens import Doc
from spacy.util import load_config_from_str, registry

from .normalize import check_text

DEFAULT_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "zhibiao.Tokenizer.v1"

[initialize]

[initialize.tokenizer]
"""


class ZhibiaoDefaults(ChineseDefaults):
    """Chinese language data with zhibiao's tokenizer as the default.

    spaCy's Chinese defaults name its own tokenizer and add ``[initialize.tokenizer]`` pkuseg settings,
    which zhibiao's tokenizer does not read; an auto-filled config would carry them as dead options.
    """

    config = load_config_from_str(DEFAULT_CONFIG)


class Zhibiao(Chinese):
    """Chinese language data, zhibiao's tokenizer and input check; config ``lang = "zhibiao"``."""

    lang = "zhibiao"
    Defaults = ZhibiaoDefaults

    def _ensure_doc(self, doc_like: Any) -> Doc:
        if not isinstance(doc_like, Doc):
            check_text(doc_like)
        return super()._ensure_doc(doc_like)


# Saved pipelines find the class again through this name (and the ``spacy_languages`` entry point).
registry.languages.register("zhibiao", func=Zhibiao)
