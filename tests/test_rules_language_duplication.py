"""GX501 repeated text and GX502 repeated sentences: real slips are found, reduplication is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .language_support import fixed, lint, prose, where

# Legitimate Chinese repetition: reduplicated characters, verbs and adjectives, 一 + measure word.
LEGITIMATE = [
    "我们常常深入基层调研。",
    "做到人人参与、天天更新。",
    "请大家看看这份材料。",
    "这个问题需要研究研究再定。",
    "一步一步推进，一点一点落实。",
    "要讨论讨论，再学习学习。",
    "实实在在为群众办事，的的确确取得成效。",
    "问题不能不了了之。",
    "为达到目的的实现路径作出说明。",
    "一年一年坚持下来，一批一批培养人才。",
    "许许多多的群众，来来往往的车辆。",
    "谢谢谢谢，哈哈哈哈。",
    "年年岁岁花相似，层层把关。",
    "（十一）十一是加强培训。",
]


@pytest.mark.parametrize("sentence", LEGITIMATE)
def test_legitimate_reduplication_is_not_reported(sentence):
    assert lint(prose(sentence), ["GX501", "GX502"]) == []


def test_doubled_word_at_the_second_copy():
    found = lint(prose("加强资金资金管理。"), ["GX501"])
    assert where(found) == [(2, 5, "GX501")]
    assert "「资金」连写了两遍" in found[0].message


def test_word_repeated_after_its_bracketed_copy():
    found = lint(prose("开展“局长（主任）主任政策谈”活动。"), ["GX501"])
    assert where(found) == [(2, 10, "GX501")]
    assert "「主任」" in found[0].message


def test_sentence_repeated_back_to_back():
    text = prose("督促各部门及时处置市长热线、市长信箱等。市长热线、市长信箱等。2022年共收到工单。")
    found = lint(text, ["GX501"])
    assert where(found) == [(2, 21, "GX501")]
    assert found[0].message.startswith("句子重复：「市长热线、市长信箱等。」")


def test_sentence_repeated_with_half_width_comma():
    sentence = "以上提案及建议完成情况均反馈至各委员,对办理情况无异议。"
    found = lint(prose("今年办理提案5件。" + sentence + sentence), ["GX501"])
    assert where(found) == [(2, 10 + len(sentence), "GX501")]


def test_clause_repeated_back_to_back():
    found = lint(prose("进一步完善政务公开制度机制建设，完善政务公开制度机制建设，提升质量。"), ["GX501"])
    assert where(found) == [(2, 17, "GX501")]
    assert "「完善政务公开制度机制建设，」连写了两遍" in found[0].message


def test_parallel_clauses_are_not_repeats():
    assert lint(prose("有人管、有人做，责任到人，任务到人，学习，学习，再学习。"), ["GX501"]) == []


def test_doubled_de_is_a_slip():
    assert where(lint(prose("推进工作的的重点。"), ["GX501"])) == [(2, 6, "GX501")]


def test_repeated_paragraph_with_blank_line_between():
    text = "一、总体情况\n本机关全面推进政务公开工作。\n\n本机关全面推进政务公开工作。\n二、主动公开政府信息情况\n"
    found = lint(text, ["GX501"])
    assert where(found) == [(4, 1, "GX501")]
    assert "与上一段（第 2 行）完全相同" in found[0].message


def test_distinct_paragraphs_are_not_repeats():
    assert lint(prose("本机关全面推进政务公开工作。", "本机关全面推进政务服务工作。"), ["GX501"]) == []


def test_allow_option_extends_the_allow_list():
    text = prose("开展“清风清风”专项行动。")
    assert where(lint(text, ["GX501"])) == [(2, 6, "GX501")]
    assert lint(text, ["GX501"], {"GX501": {"allow": ["清风"]}}) == []


def test_sentence_repeated_later_in_the_paragraph():
    first = "以上提案及建议完成情况均反馈至各委员。"
    found = lint(prose(first + "今年共办理建议五件。" + first), ["GX502"])
    assert where(found) == [(2, 1 + len(first) + 10, "GX502")]
    assert "第 2 行第 1 列" in found[0].message


def test_sentence_repeated_later_in_a_long_report_is_found_paragraph_by_paragraph(monkeypatch):
    from gxlint_rules import duplication

    monkeypatch.setattr(duplication, "_WHOLE_REPORT_CHARS", 0)  # as in a report too long to search at once
    first = "以上提案及建议完成情况均反馈至各委员。"
    text = prose("本机关全面推进政务公开工作。" + first, first + "今年共办理建议五件。" + first)
    assert where(lint(text, ["GX502"])) == [(3, 1 + len(first) + 10, "GX502")]


def test_short_sentences_may_recur():
    assert lint(prose("无。有关情况如下。无。"), ["GX502"]) == []


def test_back_to_back_copies_belong_to_gx501_only():
    sentence = "以上提案及建议完成情况均反馈至各委员。"
    assert lint(prose(sentence + sentence), ["GX502"]) == []


def test_fix_deletes_the_second_copy_only_with_unsafe_fixes(tmp_path):
    text = prose("督促处置市长热线、市长信箱等。市长热线、市长信箱等。加强资金资金管理。")
    assert fixed(tmp_path, text, ["GX501"]) == text
    assert fixed(tmp_path, text, ["GX501"], unsafe=True) == prose("督促处置市长热线、市长信箱等。加强资金管理。")


# Characters that make repeats likely in random text: a few Chinese characters, brackets, marks
# (each searched for on its own in the joined units), ASCII, NUL and a character beyond the BMP;
# 资 and D, 一 and NUL share the low byte of their code.
_ALPHABET = "资金一丁的（()），。？！ ,;?D0\x00\U00020000"


def _found_everywhere_and_with_leads(texts):
    """Every repeat ``_repeats`` finds searching each unit fully, and what the rule finds."""
    from gxlint_rules._text import TextUnit
    from gxlint_rules.duplication import _all_repeats, _allowed, _repeats

    allowed = _allowed(())
    units = [TextUnit(text, None, "paragraph") for text in texts]
    full = [(index, repeat) for index, unit in enumerate(units) for repeat in _repeats(unit, allowed)]
    index_of = {id(unit): index for index, unit in enumerate(units)}
    led = [(index_of[id(unit)], repeat) for unit, repeat in _all_repeats(units, allowed)]
    return full, led


@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), max_size=6))
@settings(max_examples=500, deadline=None)
def test_the_searches_skipped_in_a_unit_would_find_nothing_there(texts):
    full, led = _found_everywhere_and_with_leads(texts)
    assert full == led


def test_the_searches_skipped_in_a_unit_would_find_nothing_there_in_long_text():
    import random

    chooser = random.Random(501)
    for _ in range(300):
        count = chooser.randrange(1, 20)
        texts = ["".join(chooser.choices(_ALPHABET, k=chooser.randrange(300))) for _ in range(count)]
        full, led = _found_everywhere_and_with_leads(texts)
        assert full == led


@given(st.text(alphabet=_ALPHABET + "。！？；!?:\u3000", max_size=60))
@settings(max_examples=500, deadline=None)
def test_the_sentence_keys_are_the_runs_between_marks_of_the_keyed_text(text):
    """GX502 tells a paragraph with no repeated sentence from one search of its keyed text: the
    keys of its sentences that are not empty are exactly the runs of that text between marks."""
    if "\0" in text:
        return  # NUL separates units
    from gxlint_rules._text import SENTENCE
    from gxlint_rules.duplication import _key, _pattern, _runs_distinct

    keys = [key for key in (_key(sentence).rstrip("。！？；") for sentence in SENTENCE.findall(text)) if key]
    assert _pattern("[^。！？；!?;\\0]{1,}").findall(_key(text)) == keys
    assert _runs_distinct(_key(text), 1) == (len(set(keys)) == len(keys))



def test_the_places_tried_for_a_phrase_are_every_place_it_may_match():
    """Long units with few repeats, where ``_PHRASE`` is tried only where a repeat may start."""
    import random

    from gxlint_rules.duplication import _MOST_STARTS, _phrase_starts

    chooser = random.Random(502)
    # many characters, so that most places repeat nothing, with brackets, marks and low-byte twins
    # (一 and the NUL between units, 丁 and the D)
    alphabet = [chr(code) for code in range(0x4E00, 0x4E00 + 300)] + list("（()），。 D\U00020000")
    tried = 0
    for _ in range(200):
        texts = []
        for _ in range(chooser.randrange(1, 8)):
            text = "".join(chooser.choices(alphabet, k=chooser.randrange(400)))
            for _ in range(chooser.randrange(3)):  # a few copies pasted twice
                at, length = chooser.randrange(len(text) + 1), chooser.randrange(1, 12)
                text = text[:at] + text[at : at + length] * 2 + text[at + length :]
            texts.append(text)
        listed = _phrase_starts(texts, "\0".join(texts))
        tried += sum(isinstance(starts, tuple) and 0 < len(starts) <= _MOST_STARTS for starts in listed)
        full, led = _found_everywhere_and_with_leads(texts)
        assert full == led
    assert tried > 100  # the places were listed, not searched through, in most units


@given(st.lists(st.text(alphabet="资金一。！？；!?;:, \u3000", max_size=30), max_size=5), st.integers(1, 4))
@settings(max_examples=500, deadline=None)
def test_a_report_told_free_of_repeated_sentences_repeats_none(texts, minimum):
    """GX502 skips a report when one search of its joined units finds no long run twice."""
    from gxlint_rules._text import SENTENCE, has_cjk, join_texts
    from gxlint_rules.duplication import _key, _runs_distinct

    joined = join_texts(texts)
    if joined is not None and _runs_distinct(_key(joined), minimum):
        for text in texts:
            keys = [_key(sentence).rstrip("。！？；") for sentence in SENTENCE.findall(text)]
            keys = [key for key in keys if has_cjk(key, minimum)]
            assert len(set(keys)) == len(keys)
