"""The subject-boundary model: candidates, training, the shipped file and its one place in the linker."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

import zhibiao
from zhibiao import subject_boundary
from zhibiao.evaluate import design_gold_files
from zhibiao.linker_rules import default_rules, indicator_id
from zhibiao.subject_boundary import MIN_REST, BoundaryModel, Candidates, Unnamed, candidates

from .conftest import script_module

ROOT = Path(__file__).resolve().parent.parent


def _script():
    return script_module("train_subject_model")


def test_candidates_keep_whole_first_and_cut_at_words():
    c = candidates("陆客人数虽", 0, "增加", default_rules())
    assert c.spans[0] == (0, len(c.subject))
    assert len(set(c.spans)) == len(c.spans) > 1
    assert (0, 4) in c.spans  # 陆客人数 without the adverb
    for (a, b), feats in zip(c.spans, c.features):
        assert len(c.subject[a:b].strip()) >= MIN_REST and feats


def test_nouns_alone_are_no_choice():
    """Dropping only plain nouns no lexicon class names is not offered: the name keeps its modifiers."""
    c = candidates("政府整体支出", 0, "增长", default_rules())  # 政府 and 整体: nouns of no class
    assert (2, 6) not in c.spans and (4, 6) not in c.spans
    assert (0, 4) in c.spans  # 支出 is a head word: dropping it is a choice the model is asked


@pytest.mark.parametrize("subject, word", [("三次产业增加值", "三次产业"), ("上半年三次产业增加值", "三次产业"),
                                           ("汽车产销", "产销")])
def test_no_cut_inside_a_contraction(subject, word):
    """A contraction the rules expand (三次产业 -> 第一产业 …) is one word to them: no span starts or ends inside it,
    whatever the part-of-speech cut makes of it."""
    c = candidates(subject, 0, "占", default_rules())
    s = subject.index(word)
    inside = set(range(s + 1, s + len(word)))
    assert not any(a in inside or b in inside for a, b in c.spans)


@pytest.mark.parametrize("subject, word, cls", [("台积电营收", "营收", "head"), ("苹果市占率", "市占率", "topic_measure"),
                                                ("台积电年增率", "年增率", "anaphor"), ("联发科营收", "联发科", "owner")])
def test_domain_words_are_words_with_their_classes(subject, word, cls):
    """A measure or a company of regional releases the general vocabulary lacks is one word, not characters tagged
    one by one, and carries its lexicon class; no span cuts inside it."""
    rules = default_rules()
    assert word in rules.domain_words
    words = subject_boundary.words_of(subject, {word: (cls,)}, rules.domain_words)
    assert [w.classes for w in words if w.text == word] == [(cls,)]
    assert [w.text for w in subject_boundary.words_of(subject, {})] != [w.text for w in words]
    s = subject.index(word)
    inside = set(range(s + 1, s + len(word)))
    assert not any(a in inside or b in inside for a, b in candidates(subject, 0, "增加", rules).spans)


def test_a_set_of_places_is_one_word():
    """A set noun of places (class place_unit: 县市, 区县) is one word: a span dropping it is described by the set noun,
    not by its first character, whose features would fire wherever a name ends in 县 (百强县 cut to 百强)."""
    c = candidates("用电增长贡献县市", 0, "的", default_rules())
    assert (0, 6) in c.spans
    feats = c.features[c.spans.index((0, 6))]
    assert "rw=县市" in feats and "rw=县" not in feats
    assert not any(7 in (a, b) for a, b in c.spans)


def test_model_picks_the_best_span_and_the_whole_on_a_tie():
    cands = Candidates("abcd", ((0, 4), (1, 4), (2, 4)), (("keep",), ("drop", "x"), ("drop", "y")))
    assert BoundaryModel({}).choose(cands) == 0
    assert BoundaryModel({"x": 1.0, "y": 2.0}).choose(cands) == 2
    assert BoundaryModel({"x": 1.0, "y": 2.0}, margin=2.0).choose(cands) == 0


def test_a_cut_of_the_end_only_wins_by_its_own_margin(tmp_path):
    """A cut keeping the subject's start (陆客人数虽 -> 陆客人数) must beat the whole by ``end_margin``, one of its start
    by ``margin``; the file keeps both."""
    cands = Candidates("abcd", ((0, 4), (1, 4), (0, 3)), (("keep",), ("drop", "x"), ("drop", "y")))
    assert BoundaryModel({"x": 1.0, "y": 2.0}, 3.0, 1.0).choose(cands) == 2
    assert BoundaryModel({"x": 2.5, "y": 2.0}, 3.0, 1.0).choose(cands) == 0
    assert BoundaryModel({"x": 1.0, "y": 2.0}, 3.0).choose(cands) == 0
    BoundaryModel({"x": 1.0}, 3.0, 1.0).save(tmp_path / "m.json")
    loaded = BoundaryModel.load(tmp_path / "m.json")
    assert (loaded.margin, loaded.end_margin) == (3.0, 1.0)


@pytest.mark.parametrize("seed", range(40))
def test_asking_only_spans_that_can_win_chooses_as_asking_all(seed):
    """``choose_named`` looks names up lazily and must choose as ``choose`` on every feature, ties included."""
    rng = random.Random(seed)
    feats = [f"f{i}" for i in range(6)]
    weights = {f: rng.choice([-1.5, -0.5, 0.0, 0.5, 1.0, 2.0]) for f in feats}
    weights["named"] = rng.choice([-2.0, 0.0, 1.0, 3.0])
    n = rng.randint(1, 8)
    rests = tuple(f"r{i}" for i in range(n))
    names = {r for r in rests if rng.random() < 0.5}
    cands = Unnamed("s", tuple((0, i + 1) for i in range(n)),
                    tuple(tuple(rng.sample(feats, rng.randint(0, 4))) for _ in range(n)), rests)
    full = Candidates(cands.subject, cands.spans,
                      tuple(fs + ("named",) if r in names else fs for fs, r in zip(cands.features, rests)))
    cands = Unnamed(cands.subject, tuple((i % 2, i + 1) for i in range(n)), cands.features, rests)
    full = Candidates(cands.subject, cands.spans, full.features)
    for margin, end_margin in ((0.0, 0.0), (1.0, 1.0), (2.0, 0.5), (0.5, 2.0)):
        model = BoundaryModel(weights, margin, end_margin)
        assert model.choose_named(cands, names.__contains__) == model.choose(full)


_SUMMED_SUBJECTS = ("陆客人数虽", "特区政府公共财政盈余", "上半年全市规模以上工业增加值", "台积电营收", "汽车产销",
                    "本澳居民失业率", "社会消费品零售总额", "全省一般公共预算收入", "政府整体支出")


@pytest.mark.parametrize("seed", range(12))
def test_summed_pieces_score_as_the_joined_features(seed):
    """``BoundaryModel.summed`` adds a span's weights piece by piece, each shared piece looked up once: the very
    floats ``scores`` adds feature by feature, and so the same choice, for any weights (random ones, a model trained
    from scratch on a few examples, the bundled one), where a sum in another order may differ in its last bit."""
    rng = random.Random(seed)
    rules = default_rules()
    state = subject_boundary._state(rules)

    def is_name(text: str) -> bool:
        return indicator_id(rules, text) is not None

    cases = [(s, rng.choice(["0", "1", "4-7"]), rng.choice(["增长", "<topic>", "为"])) for s in _SUMMED_SUBJECTS]
    unnamed = [state._unnamed(*case) for case in cases]
    feats = sorted({f for u in unnamed for fs in u.features for f in fs})
    drawn = BoundaryModel({f: rng.uniform(-3, 3) * 10 ** rng.randint(-6, 2) for f in feats if rng.random() < 0.8}
                          | {"named": rng.uniform(-2, 2)}, rng.uniform(0, 1), rng.uniform(0, 1))
    trained = subject_boundary.train([(u.named(rules), rng.randrange(len(u.spans))) for u in unnamed],
                                     epochs=3, seed=seed)
    for model in (drawn, trained, subject_boundary.default_model()):
        for (subject, gap, pred), u in zip(cases, unnamed):
            described = subject_boundary._described(subject, gap, pred, state.words(subject), state.offers(subject))
            summed = model.summed(described)
            assert summed == model.scores(Candidates(u.subject, u.spans, u.features))
            assert model.choose_summed(summed, u.spans, u.rests, is_name) == model.choose_named(u, is_name)


def test_training_learns_and_is_seeded():
    a = Candidates("s", ((0, 1), (1, 1)), (("keep", "w=a"), ("drop", "w=b")))
    b = Candidates("t", ((0, 1), (1, 1)), (("keep", "w=c"), ("drop", "w=d")))
    data = [(a, 1), (b, 0)] * 3
    m1 = subject_boundary.train(data, epochs=5, seed=3)
    assert m1.choose(a) == 1 and m1.choose(b) == 0
    assert subject_boundary.train(data, epochs=5, seed=3).weights == m1.weights


def test_bagged_training_is_the_mean_of_its_members():
    """``bag`` perceptrons, seeds ``seed * bag`` onwards, averaged weight by weight; one member is the plain
    perceptron.  Data whose single models depend on the order of their mistakes, so the members differ."""
    rng = random.Random(7)
    data = []
    for i in range(40):
        feats = tuple(("keep",) if k == 0 else ("drop", f"w={rng.randrange(6)}", f"t={rng.randrange(3)}") for k in range(3))
        data.append((Candidates(f"s{i}", ((0, 3), (1, 3), (2, 3)), feats), rng.randrange(3)))
    members = [subject_boundary.train(data, epochs=3, seed=s).weights for s in (6, 7, 8)]
    assert members[0] != members[1]
    bagged = subject_boundary.train(data, epochs=3, seed=2, bag=3).weights
    assert set(bagged) <= set().union(*members)
    for f in set().union(*members):
        assert bagged.get(f, 0.0) == pytest.approx(sum(m.get(f, 0.0) for m in members) / 3)
    assert subject_boundary.train(data, epochs=3, seed=6, bag=1).weights == members[0]


def test_a_file_added_moves_no_other_example_in_the_training_order():
    """With the examples' files given, each member orders them by a draw of its seed, file and rank in the file: the
    examples of a file added fall among the others, which keep their order."""
    def order(sources: list[str]) -> list[tuple]:
        keys = subject_boundary._keys(sources, 5)
        return [keys[i][1:] for i in sorted(range(len(keys)), key=lambda i: subject_boundary._draw(*keys[i], 0))]
    files = ["a", "a", "b", "c", "c", "c"]
    assert [k for k in order(files[:3] + ["new"] * 4 + files[3:]) if k[0] != "new"] == order(files)


def test_model_file_names_its_training_files(tmp_path):
    """The shipped model names the gold files it was trained on, so that a retraining knows which files are new."""
    path = tmp_path / "m.json"
    BoundaryModel({"keep": 1.0}, 3.0, 2.0, ("news9.gold.jsonl", "news10.gold.jsonl")).save(path)
    assert BoundaryModel.load(path).files == ("news10.gold.jsonl", "news9.gold.jsonl")


def test_a_retraining_reports_the_choices_it_moves():
    """Before a model is written the trainer counts the choices that differ from the shipped model's, by script, with
    each model's right cuts less whole names cut on them."""
    script = _script()
    spans = Candidates(_SPANS.subject, _SPANS.spans, (("keep",), ("a",), ("b",), ("c",)))
    offers = [script.Offer(spans, 1, "traditional"), script.Offer(spans, 0, "simplified")]
    new, old = BoundaryModel({"a": 5.0}), BoundaryModel({})
    line = script.differ_line("test", offers, new, old)
    assert "2 of 2 choices differ (traditional 1, simplified 1)" in line and "+0, the shipped model +0" in line
    line = script.differ_line("test", offers[:1], new, old)
    assert "1 of 1 choices differ" in line and "+1, the shipped model +0" in line


def test_training_script_is_deterministic(tmp_path):
    """The same small gold file and seed give the same model file, byte for byte."""
    script = _script()
    gold = tmp_path / "small.gold.jsonl"  # eight real paragraphs where the rules' subjects are not all right
    lines = (ROOT / "corpus" / "news20.gold.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    gold.write_text("".join(lines[:8]), encoding="utf-8")
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        script.main([str(gold), "-o", str(out), "--seed", "1", "--epochs", "3"])
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert BoundaryModel.load(outs[0]).weights


def test_shipped_model_is_what_the_script_trains(tmp_path):
    """The bundled model is the one ``scripts/train_subject_model.py`` trains from this checkout's gold files with
    its defaults: a change of rules or catalogue that moves the training examples (the ``named`` feature reads the
    catalogue) must come with the retrained file."""
    out = tmp_path / "m.json"
    _script().main(["-o", str(out)])
    assert out.read_bytes() == subject_boundary.MODEL_FILE.read_bytes()


def test_file_groups_hold_out_batches_whole():
    """``--groups`` holds out files by the batch they were annotated in, the newest blind-annotated batches (news52
    on) apart from the older ones, files without a number with the first batch, every design file in exactly one
    group."""
    script = _script()
    assert script.group_of(Path("corpus/news41.gold.jsonl")) == script.group_of(Path("news51.gold.jsonl")) == "news39-51"
    assert script.group_of(Path("news38.gold.jsonl")) != "news39-51" != script.group_of(Path("news52.gold.jsonl"))
    assert len({script.group_of(Path(f"news{n}.gold.jsonl")) for n in (52, 60, 70)}) == 3
    assert script.group_of(Path("seed.gold.jsonl")) == script.group_of(Path("news2.gold.jsonl")) == script.GROUPS[0][0]
    names = [g[0] for g in script.GROUPS]
    assert {script.group_of(f) for f in design_gold_files(ROOT)} <= set(names) and len(set(names)) == len(names)


def test_training_script_refuses_blind_sets(tmp_path):
    with pytest.raises(SystemExit):
        _script().main([str(ROOT / "corpus" / "blind" / "x.gold.jsonl"), "-o", str(tmp_path / "m.json")])


def test_shipped_model_loads():
    m = subject_boundary.default_model()
    assert subject_boundary.MODEL_FILE.is_file()
    assert len(m.weights) > 100 and m.margin >= 0


def test_bad_model_file(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text('{"weights": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="m.json"):
        BoundaryModel.load(bad)


def test_linker_applies_the_model_and_keeps_the_rule():
    # (建材批發業營業額更寫下… is now cut by the phrase rule subject.adverb_predicate, rules alone, and 七個禮拜以來
    # by the period grammar, which reads 七个礼拜 as the period)
    text = "今次升浪中新界東樓價累升5%。"
    with subject_boundary.using(None):
        (rules_only,) = zhibiao.extract(text)["events"]
    (event,) = zhibiao.extract(text)["events"]
    assert rules_only["indicator"] == "今次升浪中新界东楼价"
    assert event["indicator"] == "新界东楼价"
    assert event["rule"] == rules_only["rule"]
    assert text[event["indicator_start"]:event["indicator_end"]] == "新界東樓價"


class _Last:
    """A chooser that always keeps the shortest span offered: the one that drops the most words."""

    def choose(self, cands: Candidates) -> int:
        return len(cands.spans) - 1


def _is_topic(cands: Candidates) -> bool:
    """Whether the linker asked about a topic: its predicate features read ``TOPIC_PRED``."""
    return any(f.endswith("|" + subject_boundary.TOPIC_PRED) for f in cands.features[0])


class _LastOfSubjects(_Last):
    """``_Last`` on subjects; a topic is kept whole."""

    def choose(self, cands: Candidates) -> int:
        if _is_topic(cands):
            return 0
        return super().choose(cands)


def test_the_model_trims_names_and_never_unlinks_them():
    # a span that names nothing (a bare rate noun) would hand the value to the indicator carried or drop it
    with subject_boundary.using(_Last()):
        events = zhibiao.extract("本港今年首季的经济增幅为2.5%。")["events"]
    assert [e["indicator"] for e in events] == ["经济增幅"]
    # X以 ending a subject stays for the ranked-item rule: the model trims its start only (the topic before it,
    # 专业营造业纯益率, is kept whole)
    with subject_boundary.using(_LastOfSubjects()):
        events = zhibiao.extract("专业营造业纯益率逐年减少,近5年纯益率以2018年之6.9%最高。")["events"]
    assert [(e["indicator"], e["location"]) for e in events] == [("专业营造业纯益率", None)]


class _LastSeen(_Last):
    """``_Last``, keeping every subject it was asked about and whether it was read as a topic."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def choose(self, cands: Candidates) -> int:
        self.seen.append((cands.subject, _is_topic(cands)))
        return super().choose(cands)


def test_the_model_cuts_topics_too_and_knows_them_from_subjects():
    # a clause with no statement is the topic of the value after it: the model is asked with the topic's feature
    text = "香港整体出口货值,按年上升5%。"
    with subject_boundary.using(None):
        assert [e["indicator"] for e in zhibiao.extract(text)["events"]] == ["整体出口货值"]
    chooser = _LastSeen()
    with subject_boundary.using(chooser):
        events = zhibiao.extract(text)["events"]
    assert chooser.seen == [("整体出口货值", True)]
    assert [e["indicator"] for e in events] == ["货值"]
    # a subject with its own predicate is asked without it
    chooser = _LastSeen()
    with subject_boundary.using(chooser):
        zhibiao.extract("香港整体出口货值按年上升5%。")
    assert chooser.seen == [("整体出口货值", False)]


_SPANS = Candidates("特区政府公共财政盈余", ((0, 10), (2, 10), (4, 10), (0, 8)), ((), (), (), ()))


@pytest.mark.parametrize("gold, chosen, kind, edge", [
    (2, 2, "right cut", None),
    (0, 0, "right whole", None),
    (0, 1, "cut the whole", "-特区|"),
    (0, 3, "cut the whole", "|-盈余"),
    (2, 1, "wrong cut", "+政府|"),
    (2, 0, "missed cut", "+特区政府|"),
    (None, 0, "out of reach", None),
])
def test_held_out_choices_are_told_by_outcome_and_edge(gold, chosen, kind, edge):
    """The ``--groups`` report names each held-out choice's outcome and the words at its wrong edge."""
    script = _script()
    offer = script.Offer(_SPANS, gold, "traditional")
    assert script.outcome(offer, chosen) == kind
    if gold is not None and gold != chosen:
        assert script.wrong_edge(offer, chosen) == edge


def test_net_gain_counts_right_cuts_less_whole_names_cut():
    """The screen's figure: a right cut gains an event and a cut of a name gold keeps whole loses one, a wrong cut
    changes nothing; a larger margin leaves a near-tie to the whole subject."""
    script = _script()
    scored = [(script.Offer(_SPANS, 2, "traditional"), [0.0, 0.0, 3.0, 0.0]),
              (script.Offer(_SPANS, 0, "simplified"), [0.0, 1.5, 0.0, 0.0]),
              (script.Offer(_SPANS, 1, "traditional"), [0.0, 0.0, 3.0, 0.0])]
    assert script.net_gain(scored, 1.0) == {"traditional": 1, "simplified": -1, "all": 0}
    assert script.net_gain(scored, 2.0) == {"traditional": 1, "simplified": 0, "all": 1}


def test_folds_hold_both_scripts_and_follow_the_names():
    """``--cv`` deals the files of each script, by name, to the folds in turn: every fold holds both scripts, and a
    file's fold depends on the names alone, not on the order the files were given in."""
    script = _script()
    files = [Path(f"news{i}.gold.jsonl") for i in range(12)]
    scripts = {f: "traditional" if i % 3 == 0 else "simplified" for i, f in enumerate(files)}
    folds = script.script_folds(files, scripts, 3)
    assert sorted(f for fold in folds for f in fold) == sorted(files)
    assert all({scripts[f] for f in fold} == {"traditional", "simplified"} for fold in folds)
    assert script.script_folds(files[::-1], scripts, 3) == folds


def test_features_of_too_few_files_are_not_learned():
    """``min_files``: a feature seen in the examples of fewer files (a word of one report) gets no weight."""
    script = _script()
    offers = {}
    for i in range(3):
        cands = Candidates("s", ((0, 2), (1, 2)), (("keep",), ("drop", "common", f"only{i}")))
        offers[Path(f"f{i}.gold.jsonl")] = [script.Offer(cands, 1, "simplified")]
    files = list(offers)
    assert any(f.startswith("only") for f in script.fit(offers, files, 0, 2, 1, 1).weights)
    weights = script.fit(offers, files, 0, 2, 1, 2).weights
    assert "common" in weights and not any(f.startswith("only") for f in weights)


def test_margins_are_learned_from_held_out_choices():
    """``learn_margins`` takes the margins whose held-out choices make the most right cuts less whole names cut, the
    larger on a tie: here a start cut must beat 1.5 (a wrong one scores 1.5), an end cut wins at any margin up to 3."""
    script = _script()
    scored = [(script.Offer(_SPANS, 2, "traditional"), [0.0, 0.0, 2.5, 0.0]),
              (script.Offer(_SPANS, 0, "simplified"), [0.0, 1.5, 0.0, 0.0]),
              (script.Offer(_SPANS, 3, "traditional"), [0.0, 0.0, 0.0, 3.5])]
    assert script.learn_margins(scored) == (2.0, 3.0)


def test_cross_validation_links_again_only_the_texts_a_model_cuts():
    """The rules' links of a text are its links with a model that keeps every subject it is asked about whole; a text
    where the model cuts one is linked again, with the model."""
    script = _script()
    cands = Candidates("ab", ((0, 2), (1, 2)), (("keep",), ("drop",)))
    calls = []

    def ex(text: str) -> dict:
        calls.append(text)
        return {"quantities": [], "events": ["again"]}
    got = [script.Linked({"text": "x"}, {"events": ["rules"]}, [cands], [])]
    assert script.relinked(ex, got, BoundaryModel({"drop": 1.0}, 2.0, 2.0)) == [{"events": ["rules"]}] and not calls
    assert script.relinked(ex, got, BoundaryModel({"drop": 3.0}, 2.0, 2.0))[0]["events"] == ["again"] and calls == ["x"]


def test_training_is_the_mean_of_the_members_it_returns():
    """``train_members`` gives the bag's perceptrons one by one (the trainer's gate screen reads their vote) and
    ``train`` is exactly their mean, float for float."""
    rng = random.Random(3)
    data = [(Candidates(f"s{i}", ((0, 3), (1, 3), (2, 3)), tuple(
        ("keep",) if k == 0 else ("drop", f"w={rng.randrange(5)}") for k in range(3))), rng.randrange(3))
        for i in range(30)]
    members = subject_boundary.train_members(data, epochs=3, seed=1, bag=4).models()
    assert len(members) == 4 and members[0].weights != members[1].weights
    total: dict[str, float] = {}
    for member in members:  # summed in the members' order, key by key
        for f, v in member.weights.items():
            total[f] = total.get(f, 0.0) + v
    assert subject_boundary.train(data, epochs=3, seed=1, bag=4).weights == {f: v / 4 for f, v in total.items() if v}


def test_rules_links_are_cached_by_file_and_sources(tmp_path):
    """``--cache``: a gold file's links by the rules alone are read back, candidates and offers equal, without
    linking again; a file whose bytes change is linked anew."""
    script = _script()
    gold = tmp_path / "small.gold.jsonl"
    lines = (ROOT / "corpus" / "news20.gold.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    gold.write_text("".join(lines[:3]), encoding="utf-8")
    ex = script.Extractor()
    first = script.linked_file(ex, gold, tmp_path / "cache")
    assert any(d.offers for d in first)

    def refuse(*args, **kwargs):
        raise AssertionError("linked again")
    again = script.linked_file(refuse, gold, tmp_path / "cache")
    assert again == first
    assert all(o.cands is next(c for c in d.asked if c == o.cands) for d in again for o in d.offers)
    gold.write_text("".join(lines[:2]), encoding="utf-8")
    assert len(script.linked_file(ex, gold, tmp_path / "cache")) == 2


_NAMED = Candidates("特区政府公共财政盈余", ((0, 10), (2, 10), (4, 10), (0, 8)), (("named",), (), ("named",), ()))


def _overrule(k: int, scores: list[float], members: list[list[float]], gold: int = 2,
              script: str = "traditional", fold: int = 0):
    return _script().Overrule(fold, _script().Offer(_NAMED, gold, script), scores, members, k)


@pytest.mark.parametrize("gate, row, stands", [
    # three members of five would cut alone (5 beats the margin 3.0), two would keep the whole (2 does not)
    ("members agree >= 0.6", _overrule(2, [0, 0, 5, 0], [[0, 0, 5, 0]] * 3 + [[0, 0, 2, 0]] * 2), True),
    ("members agree >= 0.8", _overrule(2, [0, 0, 5, 0], [[0, 0, 5, 0]] * 3 + [[0, 0, 2, 0]] * 2), False),
    ("members all agree", _overrule(2, [0, 0, 5, 0], [[0, 0, 5, 0]] * 5), True),
    ("members all agree", _overrule(2, [0, 0, 5, 0], [[0, 0, 5, 0]] * 4 + [[0, 6, 5, 0]]), False),
    ("member mean > 1 sd", _overrule(2, [0, 0, 4, 0], [[0, 0, 4, 0]] * 2), True),
    ("member mean > 1 sd", _overrule(2, [0, 0, 4, 0], [[0, 0, 10, 0], [0, 0, -2, 0]]), False),
    ("no name cut to no name", _overrule(1, [0, 5, 0, 0], []), False),
    ("no name cut to no name", _overrule(2, [0, 0, 5, 0], []), True),
    ("no name cut", _overrule(2, [0, 0, 5, 0], []), False),
    ("cuts to a name only", _overrule(1, [0, 5, 0, 0], []), False),
    ("cuts to a name only", _overrule(2, [0, 0, 5, 0], []), True),
    # four characters dropped (特区政府): 5.5 beats the margin 3.0 by 2.5, more than 0.5 a character, less than 1.0
    ("prior 0.5 a character", _overrule(2, [0, 0, 5.5, 0], []), True),
    ("prior 1.0 a character", _overrule(2, [0, 0, 5.5, 0], []), False),
])
def test_gates_on_held_out_overrules(gate, row, stands):
    """Each gate the trainer screens says whether a cut the model makes against the rules stands."""
    script = _script()
    keep = dict(script.GATES)[gate]
    assert keep(row, BoundaryModel({}, 3.0, 2.0)) is stands


def test_gate_screen_counts_what_the_cuts_let_stand_do():
    """The screen's figures: right cuts less whole names cut among the overrules each gate lets stand, by script and
    fold; the overrules counted along each axis by what they did."""
    script = _script()
    decide = BoundaryModel({}, 3.0, 2.0)
    rows = [_overrule(2, [0, 0, 5, 0], [[0, 0, 5, 0]], gold=2),  # a right cut to a name
            _overrule(1, [0, 5, 0, 0], [[0, 5, 0, 0]], gold=0, script="simplified", fold=1),  # a name cut whole
            _overrule(1, [0, 5, 0, 0], [[0, 0, 0, 0]], gold=2, fold=1)]  # a wrong cut: no event moves
    lines = script.gate_lines(rows, decide, 2)
    assert lines[0].split() == ["the", "model", "traditional", "+1", "simplified", "-1", "folds", "+1", "-1"]
    name_only = next(x for x in lines if "cuts to a name only" in x)
    assert "traditional +1 simplified +0 folds +1 +0" in name_only
    bands = script.overrule_lines(rows, decide)
    assert "  catalogue (whole, cut): name, - gained 0 lost 1 unchanged 1; name, name gained 1 lost 0 unchanged 0" in bands


def test_each_member_reads_its_share_of_the_files():
    """``share``: each perceptron of the bag learns from the examples of the files drawn for it alone, so a word of
    one file weighs in the members that read that file only; with every file read it is the plain bag."""
    data, sources = [], []
    for i in range(8):
        cands = Candidates(f"s{i}", ((0, 2), (1, 2)), (("keep",), ("drop", f"only{i}")))
        data += [(cands, i % 2)] * 2  # half the files keep the whole: each file's word is learned where it is read
        sources += [f"f{i}"] * 2
    members = subject_boundary.train_members(data, epochs=2, seed=0, bag=4, sources=sources, share=0.5).models()
    drawn = [{f"f{i}" for i in range(8) if subject_boundary._draw("share", m, f"f{i}") < 0.5} for m in range(4)]
    assert all(0 < len(d) < 8 for d in drawn) and len({frozenset(d) for d in drawn}) > 1
    read = [{f"f{f[4:]}" for f in m.weights if f.startswith("only")} for m in members]
    assert all(r and r <= d for r, d in zip(read, drawn))
    assert subject_boundary.train(data, epochs=2, seed=0, bag=4, sources=sources, share=1.0).weights == \
        subject_boundary.train(data, epochs=2, seed=0, bag=4, sources=sources).weights


def _evaluation():
    """scripts/evaluate_subject_model.py, which imports the trainer as a module of scripts/."""
    return script_module("evaluate_subject_model")


def test_time_split_trains_each_batch_on_the_files_before_it():
    """The time split predicts each batch annotated blind with a model of the files of lower numbers (and those
    without one) only; a retrain of the spread leaves out the same files whatever the setting, none at retrain 0."""
    ev = _evaluation()
    files = [Path("seed.gold.jsonl")] + [Path(f"news{i}.gold.jsonl") for i in (9, 74, 75, 76, 77, 78, 80, 99)]
    offers = {f: [] for f in files}
    trained = []

    class Recording(ev.Setting):
        def train(self, offers, files):
            trained.append(sorted(f.name for f in files))
            return BoundaryModel({})
    ev.time_split(offers, Recording(), [(3.0, 2.0)])
    assert trained[0] == ["news74.gold.jsonl", "news9.gold.jsonl", "seed.gold.jsonl"]
    assert trained[1] == sorted(trained[0] + ["news75.gold.jsonl", "news76.gold.jsonl", "news77.gold.jsonl"])
    assert "news99.gold.jsonl" not in trained[-1] and "news80.gold.jsonl" in trained[-1]
    assert ev.left_out(files, 0, 2) == set()
    assert len(ev.left_out(files, 1, 2)) == 2 and ev.left_out(files[::-1], 1, 2) == ev.left_out(files, 1, 2)
    assert ev.left_out(files, 1, 2) != ev.left_out(files, 2, 2) or ev.left_out(files, 1, 2) != ev.left_out(files, 3, 2)
