"""zhibiao as a spaCy citizen: entry points, config validation, serialisation, foreign tokenizers."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from thinc.api import ConfigValidationError

import zhibiao
from zhibiao import to_records

from .conftest import (CUSTOM_CURRENCY_TEXT, CUSTOM_TIME_WORD, ROOT, gold_files, periods_with_custom_time_word, read_jsonl,
                       units_with_custom_currency)

TEXTS = [
    "上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶。",
    "截至6月底，我国5G基站累计达到293.7万个，全年GDP增长5.2%。分季度看，一季度增长4.5%。",
    "台灣記憶體出口年增12%，居全球第二，占比过半。",
    "",
]


def _run(code: str, cwd) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_add_pipe_by_name_without_importing_zhibiao(tmp_path):
    out = _run(
        "import sys, json, spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('zhibiao_quantities')\n"
        "nlp.add_pipe('zhibiao_indicators')\n"
        "doc = nlp('工業投資同比增長8.9%')\n"
        "print(json.dumps([s.text for s in doc.spans['quantities']], ensure_ascii=False))\n"
        "print(json.dumps([e['indicator'] for e in doc._.events], ensure_ascii=False))\n",
        tmp_path,
    )
    assert out.splitlines() == ['["8.9%"]', '["工业投资"]']


def test_import_is_cheap(tmp_path):
    out = _run(
        "import sys, zhibiao, zhibiao.components\n"
        "print(sorted(m for m in ('opencc', 'spacy_pkuseg', 'zhibiao.linker') if m in sys.modules))\n"
        "from zhibiao.units import _load\n"
        "print(_load.cache_info().currsize)\n",
        tmp_path,
    )
    assert out.split() == ["[]", "0"]


def test_blank_zhibiao_has_its_tokenizer_and_no_pkuseg_settings():
    from zhibiao.tokenizer import ZhibiaoTokenizer

    nlp = spacy.blank("zhibiao")
    assert isinstance(nlp.tokenizer, ZhibiaoTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "zhibiao.Tokenizer.v1"
    assert nlp.config["initialize"]["tokenizer"] == {}


@pytest.mark.parametrize(
    "factory,config,option",
    [
        ("zhibiao_quantities", {"set_ents": "maybe"}, "set_ents"),
        ("zhibiao_quantities", {"spans_key": 3}, "spans_key"),
        ("zhibiao_quantities", {"colour": "red"}, "colour"),
        ("zhibiao_indicators", {"periods_key": ["a"]}, "periods_key"),
    ],
)
def test_bad_option_is_a_config_error(factory, config, option):
    nlp = spacy.blank("zh")
    with pytest.raises(ConfigValidationError, match=option):
        nlp.add_pipe(factory, config=config)


def test_analyze_pipes_knows_what_flows(nlp):
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {"zhibiao_pos": [], "zhibiao_quantities": [], "zhibiao_indicators": []}
    assert analysis["summary"]["zhibiao_pos"]["assigns"] == ["token.pos", "token.tag"]
    assert "doc._.events" in analysis["summary"]["zhibiao_indicators"]["assigns"]
    assert "span._.quantity" in analysis["summary"]["zhibiao_indicators"]["requires"]
    assert analysis["summary"]["zhibiao_quantities"]["retokenizes"] is True
    assert analysis["summary"]["zhibiao_indicators"]["retokenizes"] is False


def test_saved_pipeline_loads_elsewhere_with_identical_output(nlp, tmp_path):
    saved = tmp_path / "saved"
    nlp.to_disk(saved)
    assert (saved / "tokenizer" / "weights.npz").is_file()
    assert (saved / "zhibiao_quantities" / "units.yaml").is_file()
    assert (saved / "zhibiao_indicators" / "linker.yaml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _run(
        "import json, spacy, sys\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        "tagger = nlp.get_pipe('zhibiao_quantities')\n"
        f"assert tagger.units_path.startswith({str(saved)!r}), tagger.units_path\n"
        "from zhibiao import to_records\n"
        f"texts = json.loads({json.dumps(json.dumps(TEXTS))})\n"
        "print(json.dumps([to_records(nlp(t)) for t in texts], ensure_ascii=False))\n",
        elsewhere,
    )
    assert json.loads(out) == [to_records(nlp(t)) for t in TEXTS]


def test_saved_meta_names_version_licences_and_treebanks(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    meta = json.loads((tmp_path / "saved" / "meta.json").read_text(encoding="utf-8"))
    assert (meta["lang"], meta["name"], meta["version"]) == ("zhibiao", "news", zhibiao.__version__)
    assert meta["license"] == "MIT (code); CC BY-SA 4.0 (segmentation model weights)"
    assert meta["author"] and meta["description"]
    attribution = (ROOT / "pipeline" / "data" / "segmenter" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert [s["url"].rsplit("/", 1)[1] for s in meta["sources"]] == ["UD_Chinese-GSD", "UD_Chinese-GSDSimp"]
    assert all(s["url"] in attribution and s["license"] == "CC BY-SA 4.0" for s in meta["sources"])
    assert spacy.load(tmp_path / "saved").meta["sources"] == meta["sources"]


def test_meta_claims_the_model_licence_only_with_the_model():
    other = zhibiao.load(**{"nlp.tokenizer": {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "char"}})
    assert other.meta["license"] == "MIT"
    assert "sources" not in other.meta


def test_bytes_round_trip(nlp):
    clone = zhibiao.load()
    clone.from_bytes(nlp.to_bytes())
    assert [to_records(clone(t)) for t in TEXTS] == [to_records(nlp(t)) for t in TEXTS]


def test_user_rule_files_come_in_through_initialize(tmp_path):
    units = (ROOT / "rules" / "units.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "units.yaml"
    custom.write_text(units, encoding="utf-8")
    nlp = zhibiao.load(**{"initialize.components.zhibiao_quantities.units_path": str(custom)})
    assert nlp.get_pipe("zhibiao_quantities").units_path == str(custom)
    broken = tmp_path / "broken.yaml"
    broken.write_text("units:\n  - id: x\n    surfaces: [吨]\n    nonsense: 1\n", encoding="utf-8")
    from zhibiao.rulefile import RuleFileError

    with pytest.raises(RuleFileError, match=r"broken.yaml:2"):
        zhibiao.load(**{"initialize.components.zhibiao_quantities.units_path": str(broken)})


def test_the_linker_reads_the_currencies_of_the_quantity_components_units(tmp_path):
    """The catalogue of ``zhibiao_indicators`` takes the currencies of the units file ``zhibiao_quantities`` was
    given, after loading and after a round trip through disk."""
    units = units_with_custom_currency(tmp_path / "units.yaml")
    nlp = zhibiao.load(**{"initialize.components.zhibiao_quantities.units_path": str(units)})
    assert [e["indicator_id"] for e in to_records(nlp(CUSTOM_CURRENCY_TEXT))["events"]] == ["revenue"]
    nlp.to_disk(tmp_path / "saved")
    back = spacy.load(tmp_path / "saved")
    assert [e["indicator_id"] for e in to_records(back(CUSTOM_CURRENCY_TEXT))["events"]] == ["revenue"]
    assert [e["indicator_id"] for e in to_records(zhibiao.load()(CUSTOM_CURRENCY_TEXT))["events"]] == [None]


def _periods_and_events(nlp: Language, text: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    doc = nlp(text)
    return [s.text for s in doc.spans["periods"]], [(e["indicator"], e["period"]) for e in doc._.events]


def test_a_users_periods_file_reaches_both_components(tmp_path):
    """``[initialize.components.zhibiao_quantities] periods_path`` is the periods file of the whole pipeline: the
    quantity component finds the periods only it knows, and the linker of its spans reads the same file's time words
    (a mention is stripped from the name) and dates; after loading, through disk and bytes, and in a blank spaCy
    pipeline given the setting through its config."""
    text = CUSTOM_TIME_WORD + "营收增长10%"
    (tmp_path / "find").mkdir()
    found = periods_with_custom_time_word(tmp_path / "find" / "periods.yaml", role="find")
    mention = periods_with_custom_time_word(tmp_path / "periods.yaml")
    key = "initialize.components.zhibiao_quantities.periods_path"
    assert _periods_and_events(zhibiao.load(), text) == ([], [(CUSTOM_TIME_WORD + "营收", None)])
    assert _periods_and_events(zhibiao.load(**{key: str(mention)}), text) == ([], [("营收", None)])
    nlp = zhibiao.load(**{key: str(found)})
    expected = ([CUSTOM_TIME_WORD], [("营收", CUSTOM_TIME_WORD)])
    assert _periods_and_events(nlp, text) == expected
    assert nlp.get_pipe("zhibiao_quantities").periods_path == str(found)
    assert nlp.get_pipe("zhibiao_indicators").extractor.periods_path == found
    nlp.to_disk(tmp_path / "saved")
    assert _periods_and_events(spacy.load(tmp_path / "saved"), text) == expected
    clone = zhibiao.load()
    clone.from_bytes(nlp.to_bytes())
    assert _periods_and_events(clone, text) == expected
    blank = spacy.blank("zh", config={"initialize": {"components": {"zhibiao_quantities": {"periods_path": str(found)}}}})
    blank.add_pipe("zhibiao_quantities")
    blank.add_pipe("zhibiao_indicators")
    blank.initialize()
    assert _periods_and_events(blank, text) == expected
    broken = tmp_path / "broken.yaml"
    broken.write_text("patterns:\n  - id: x\n    role: find\n    nonsense: 1\n", encoding="utf-8")
    from zhibiao.rulefile import RuleFileError

    with pytest.raises(RuleFileError, match=r"broken.yaml:2"):
        zhibiao.load(**{key: str(broken)})


def test_a_pipeline_saved_without_a_periods_file_reads_the_bundled_one(nlp, tmp_path):
    """Pipelines saved before the quantity component kept its periods file (on disk or as bytes) load with the
    bundled one."""
    import srsly

    from zhibiao.resources import rules_path

    nlp.to_disk(tmp_path / "saved")
    (tmp_path / "saved" / "zhibiao_quantities" / "periods.yaml").unlink()
    back = spacy.load(tmp_path / "saved")
    assert back.get_pipe("zhibiao_quantities").periods_path == str(rules_path("periods.yaml"))
    assert [to_records(back(t)) for t in TEXTS] == [to_records(nlp(t)) for t in TEXTS]
    tagger = zhibiao.load(**{"initialize.components.zhibiao_quantities.periods_path": str(
        periods_with_custom_time_word(tmp_path / "periods.yaml", role="find"))}).get_pipe("zhibiao_quantities")
    tagger.from_bytes(srsly.msgpack_dumps({"units": rules_path("units.yaml").read_text(encoding="utf-8")}))
    assert tagger.periods_path == str(rules_path("periods.yaml"))


def test_docbin_round_trips_quantities_and_events(nlp):
    docs = [nlp(t) for t in TEXTS]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [to_records(d) for d in back] == [to_records(d) for d in docs]
    for doc, copy in zip(docs, back):
        assert type(copy._.events) is list and all(type(e) is dict for e in copy._.events)
        assert copy._.events == doc._.events
    back[0]._.events.append({"indicator": "added"})
    assert back[0]._.events[-1] == {"indicator": "added"}


def test_docbin_written_with_a_plain_events_attribute_reads_back_as_a_list(nlp):
    from zhibiao.extensions import EVENTS_KEY

    doc = nlp.make_doc(TEXTS[0])
    doc.user_data[EVENTS_KEY] = [{"indicator": "工业投资"}]  # as spaCy stored Doc._.events with default=None
    (back,) = DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)
    assert back._.events == [{"indicator": "工业投资"}]


def test_extensions_register_once_even_when_imported_twice():
    import importlib

    import zhibiao.extensions as ext

    importlib.reload(ext)
    ext.register_extensions()
    ext.register_extensions()
    assert Span.has_extension("quantity") and Doc.has_extension("events")


def _whitespace_nlp():
    from spacy.util import get_words_and_spaces

    nlp = spacy.blank("xx")

    def tokenize(text: str) -> Doc:
        words, spaces = get_words_and_spaces(text.split(), text)
        return Doc(nlp.vocab, words=words, spaces=spaces)

    nlp.tokenizer = tokenize
    return nlp


def _foreign(kind: str):
    if kind == "char":
        nlp = spacy.blank("zh")
    elif kind == "jieba":
        pytest.importorskip("jieba")
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = _whitespace_nlp()
    nlp.add_pipe("zhibiao_quantities")
    nlp.add_pipe("zhibiao_indicators")
    return nlp


def _all_texts() -> list[str]:
    return TEXTS + [d["text"] for g in gold_files() for d in read_jsonl(g)][:40]


@pytest.mark.parametrize("kind", ["char", "jieba", "whitespace"])
def test_foreign_tokenizers_give_identical_results(nlp, kind):
    foreign = _foreign(kind)
    for text in _all_texts():
        doc = foreign(text)
        assert doc.text == text
        for span in doc.spans["quantities"]:
            q = span._.quantity
            assert text[q["start"]:q["end"]] == span.text == q["text"]
        for e in doc._.events:
            assert text[e["value_start"]:e["value_end"]] == e["value_text"]
        assert to_records(doc) == to_records(nlp(text)), text


class _Probe:
    """What a trainable component after ``zhibiao_quantities`` is given in ``nlp.update``."""

    def __init__(self) -> None:
        self.seen: list[Example] = []

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def update(self, examples: list[Example], *, drop: float = 0.0, sgd=None, losses=None) -> dict:
        self.seen.extend(examples)
        return losses


@Language.factory("zhibiao_test_probe")
def _make_probe(nlp: Language, name: str) -> _Probe:
    return _Probe()


def test_training_after_a_retokenizing_annotator_sees_aligned_examples(nlp):
    """spaCy does not act on ``retokenizes``: it realigns an ``Example`` whose predicted doc changed."""
    foreign = _whitespace_nlp()
    foreign.add_pipe("zhibiao_quantities")
    probe = foreign.add_pipe("zhibiao_test_probe")
    foreign.initialize()
    assert foreign.get_pipe_meta("zhibiao_quantities").retokenizes
    text = "工業投資同比增長8.9% 用戶達6.76億戶"
    foreign.update([Example(foreign.make_doc(text), nlp.make_doc(text))], annotates=["zhibiao_quantities"])
    (example,) = probe.seen
    assert [t.text for t in example.predicted] == ["工業投資同比增長", "8.9%", "用戶達", "6.76億戶"]
    assert [s.text for s in example.predicted.spans["quantities"]] == ["8.9%", "6.76億戶"]
    assert len(example.alignment.x2y.lengths) == len(example.predicted)


def test_other_span_groups_and_ents_are_left_alone(nlp):
    doc = nlp.make_doc("工業投資同比增長8.9%，5G移動電話用戶達6.76億戶")
    doc.spans["mine"] = [doc[0:1]]
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.text for s in doc.spans["mine"]] == [doc[0].text]
    assert [(e.text, e.label_) for e in doc.ents] == [(doc[0].text, "ORG")]


def test_splitting_a_foreign_token_keeps_other_span_groups_on_their_text():
    foreign = _whitespace_nlp()
    foreign.add_pipe("zhibiao_quantities")
    foreign.initialize()
    doc = foreign.make_doc("工業投資同比增長8.9% 用戶 達6.76億戶 了")
    doc.spans["mine"] = [Span(doc, 1, 2, label="WHO", kb_id="Q1", span_id="a"), doc[2:4]]
    doc.spans["mine"].attrs["source"] = "test"
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    doc = foreign(doc)
    assert [t.text for t in doc] == ["工業投資同比增長", "8.9%", "用戶", "達", "6.76億戶", "了"]
    group = doc.spans["mine"]
    assert [(s.text, s.label_, s.kb_id_, s.id_) for s in group] == [("用戶", "WHO", "Q1", "a"), ("達6.76億戶 了", "", "", "")]
    assert group.attrs == {"source": "test"}
    assert [(e.text, e.label_) for e in doc.ents] == [("用戶", "ORG")]


def test_set_ents_writes_ontonotes_labels_without_raising():
    nlp = zhibiao.load(**{"components.zhibiao_quantities.set_ents": True})
    text = "工業投資同比增長8.9%，居全國第二，5G移動電話用戶達6.76億戶，收入3.2億元"
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, len(doc) - 1, len(doc), label="MISC")]  # overlaps 3.2億元: kept, quantity skipped
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["8.9%"] == "PERCENT"
    assert labels["第二"] == "ORDINAL"
    assert labels["6.76億戶"] == "QUANTITY"
    assert "3.2億元" not in labels


def _scored_example(nlp: Language, text: str, gold: list[tuple[str, str]], set_ents: bool) -> Example:
    """A gold doc whose quantity spans (and, with ``set_ents``, entities) are ``gold`` (surface, label)."""
    predicted = nlp(text)
    reference = nlp.make_doc(text)
    spans = [reference.char_span(text.index(surface), text.index(surface) + len(surface), label=label)
             for surface, label in gold]
    reference.spans["quantities"] = spans
    if set_ents:
        reference.ents = spans
    return Example(predicted, reference)


@pytest.mark.parametrize("set_ents", [False, True])
def test_quantity_tagger_scores_spans_and_ents(set_ents):
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhibiao_quantities", config={"set_ents": set_ents})
    text = "出口增长3.8%,新增企业120家,统一口径"
    gold = [("3.8%", "PERCENT"), ("120家", "QUANTITY"), ("统一", "CARDINAL")]  # 统一 is a planted miss
    scores = nlp.get_pipe("zhibiao_quantities").score([_scored_example(nlp, text, gold, set_ents)])
    assert scores["spans_quantities_p"] == 1.0
    assert scores["spans_quantities_r"] == pytest.approx(2 / 3)
    assert scores["spans_quantities_per_type"]["PERCENT"]["f"] == 1.0
    assert ("ents_f" in scores) == set_ents
    if set_ents:
        assert scores["ents_p"] == 1.0 and scores["ents_r"] == pytest.approx(2 / 3)


def test_nlp_evaluate_reports_the_quantity_tagger():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhibiao_quantities")
    example = _scored_example(nlp, "出口增长3.8%", [("3.8%", "PERCENT")], set_ents=False)
    example = Example(nlp.make_doc(example.reference.text), example.reference)
    assert nlp.evaluate([example])["spans_quantities_f"] == 1.0


@pytest.mark.parametrize("set_ents", [False, True])
def test_spacy_evaluate_reports_the_quantity_tagger(tmp_path, set_ents):
    """What the ``spacy evaluate`` command runs, on a saved pipeline and a DocBin of gold docs: the
    tagger's span scores under ``--spans-key quantities``, and NER scores when it sets entities."""
    from spacy.cli.evaluate import evaluate

    nlp = spacy.blank("zh")
    nlp.add_pipe("zhibiao_quantities", config={"set_ents": set_ents})
    nlp.to_disk(tmp_path / "model")
    text = "出口增长3.8%,新增企业120家,统一口径"
    gold = [("3.8%", "PERCENT"), ("120家", "QUANTITY"), ("统一", "CARDINAL")]  # 统一 is a planted miss
    DocBin(docs=[_scored_example(nlp, text, gold, set_ents).reference]).to_disk(tmp_path / "gold.spacy")
    result = evaluate(str(tmp_path / "model"), tmp_path / "gold.spacy", spans_key="quantities", silent=True)
    assert result["spans_quantities_p"] == 1.0
    assert result["spans_quantities_r"] == pytest.approx(2 / 3)
    assert ("ents_f" in result) == set_ents
    if set_ents:
        assert result["ents_p"] == 1.0 and result["ents_r"] == pytest.approx(2 / 3)
