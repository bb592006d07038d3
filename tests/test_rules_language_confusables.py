"""GX510 confusable words: the lexicon's entries fire where the form is wrong and nowhere else."""

from __future__ import annotations

import random
import re

import pytest
from gxlint_rules._text import join_texts, load_data
from gxlint_rules.confusables import _raw_entries, lexicon

from .language_support import fixed, lint, prose, where

CATEGORIES = {"character", "idiom", "variant", "usage"}


def found(sentence: str, options=None) -> list[tuple[str, str]]:
    """(wrong, right) of each GX510 finding in ``sentence``."""
    result = []
    for diagnostic in lint(prose(sentence), ["GX510"], options):
        match = re.match(r"「(.+?)」应为「(.+?)」", diagnostic.message)
        result.append((match.group(1), match.group(2)) if match else (diagnostic.snippet, ""))
    return result


WRONG = [
    ("外包日报社经行日常运维工作。", ("经行", "进行")),
    ("要加打对政务新媒体的建设。", ("加打", "加大")),
    ("进一步加打宣传力度。", ("加打", "加大")),
    ("开展政策宣讲，拉进与企业群众距离。", ("拉进", "拉近")),
    ("确保信息的及时、准备、全面。", ("准备", "准确")),
    ("截止2023年12月31日，共受理申请14件。", ("截止", "截至")),
    ("截止目前，已全部办结。", ("截止", "截至")),
    ("申请的截至日期为3月31日。", ("截至", "截止")),
    ("规范行政权利运行。", ("权利", "权力")),
    ("公开权利清单。", ("权利", "权力")),
    ("必需坚持以人民为中心。", ("必需", "必须")),
    ("群众可登陆政府门户网站查询。", ("登陆", "登录")),
    ("及时处理群众反应的问题。", ("反应", "反映")),
    ("发布招聘启示。", ("启示", "启事")),
    ("大家再接再励，迎难而上。", ("再接再励", "再接再厉")),
    ("凡事不能按步就班。", ("按步就班", "按部就班")),
    ("坚持一如继往。", ("一如继往", "一如既往")),
    ("建立工作台帐。", ("台帐", "台账")),
    ("公开部份信息。", ("部份", "部分")),
    ("实现信号全复盖。", ("复盖", "覆盖")),
    ("网站栏目设置做为重点。", ("做为", "作为")),
    ("做好自已的工作。", ("自已", "自己")),
    ("目前己经完成整改。", ("己经", "已经")),
    ("资金拔付到位。", ("拔付", "拨付")),
    ("工作圆满完成，园满结束。", ("园满", "圆满")),
    ("研究确定付局长分管。", ("付", "副")),
    ("二零二三年工作总结。", ("零", "〇")),
    ("开展现场资询服务。", ("资询", "咨询")),
    ("释放改革红利，倍受关注。", ("倍受", "备受")),
    ("加强政务公开工作的布署。", ("布署", "部署")),
]


@pytest.mark.parametrize(("sentence", "expected"), WRONG, ids=[pair[0] for _, pair in WRONG])
def test_wrong_form_is_reported_with_its_correction(sentence, expected):
    assert found(sentence) == [expected]


RIGHT = [
    "已经行使职权，经行政复议维持。",  # 已经+行使, 经+行政
    "经行业主管部门审核。",  # 经+行业
    "增加打击力度的措施已经落实。",  # 加打 inside 增加+打击: no 力度 after 对
    "把新同事拉进工作群。",  # 拉进 without 距离
    "及时准备材料，做好准备、按时报送。",  # 准备 as a verb
    "截止日期为3月31日，截止到今年年底。",  # 截止 + 日期, 截止到
    "截至2023年12月31日，共受理申请14件。",
    "保障公民的知情权利和监督权利。",
    "生活必需品供应充足。",
    "台风登陆后及时发布预警。",
    "药品不良反应问题得到重视。",
    "这件事给我们很大启示。",
    "全部份额已经分配。",  # 全部+份额
    "干部们认真学习。",
    "平台账号和台账已经更新。",
    "我们做为民服务的好事。",  # 做+为民服务
    "要求各自已经完成的单位报送材料。",  # 各自+已经
    "自己经常下基层调研。",  # 自己+经常
    "按装机容量核定，按排名顺序公布。",  # 按+装机, 按+排名
    "物资询价采购按规定执行。",  # 物资+询价
    "工业园满负荷运转。",  # 工业园+满负荷
    "支付局长办公会确定的款项。",  # 支付+局长: 付 after 支
    "一千零二十件，二〇二三年。",
    "关注消费者权益，依法注销登记。",  # 关注+消费
    "成倍受益，加倍受到重视。",
    "发布署名文章。",  # 发布+署名
    "充分发扬广大群众的首创精神。",  # 发扬+广大群众
    "势必需要加强协调。",  # 势必+需要
    "既使企业减负，又让群众受益。",  # 既……又……
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_correct_text_is_not_reported(sentence):
    assert found(sentence) == []


def test_position_and_message():
    diagnostics = lint(prose("由党群工作部牵头，外包遂宁日报社经行日常运维工作。"), ["GX510"])
    assert where(diagnostics) == [(2, 17, "GX510")]
    assert diagnostics[0].message.startswith("「经行」应为「进行」（错别字）")
    assert (diagnostics[0].end_line, diagnostics[0].end_column) == (2, 18)


def test_overlapping_forms_are_each_found():
    assert found("平台帐号和台帐。") == [("帐号", "账号"), ("台帐", "台账")]


def test_accept_vocabulary_suppresses_a_term():
    sentence = "到经行村开展调研，外包日报社经行日常运维工作。"
    assert found(sentence) == [("经行", "进行"), ("经行", "进行")]
    assert found(sentence, {"GX510": {"accept": ["经行村"]}}) == [("经行", "进行")]
    assert found(sentence, {"GX510": {"accept": ["经行"]}}) == []


def test_reject_vocabulary_adds_forms():
    assert found("做好公开工做。", {"GX510": {"reject": {"公开工做": "公开工作"}}}) == [("公开工做", "公开工作")]
    messages = [d.message for d in lint(prose("这是老旧说法。"), ["GX510"], {"GX510": {"reject": ["老旧说法"]}})]
    assert messages == ["「老旧说法」是本项目不用的写法（项目词表）：…这是老旧说法。…"]


def test_ignore_categories():
    sentence = "建立工作台帐，大家再接再励。"
    assert found(sentence, {"GX510": {"ignore_categories": ["variant"]}}) == [("再接再励", "再接再厉")]


def test_headings_are_checked_but_table_cells_are_not():
    text = "一、总体情况\n（一）资金拔付情况\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n"
    assert where(lint(text, ["GX510"])) == [(2, 6, "GX510")]


def test_fix_replaces_the_form_only_with_unsafe_fixes(tmp_path):
    text = prose("外包日报社经行日常运维工作。")
    assert fixed(tmp_path, text, ["GX510"]) == text
    assert fixed(tmp_path, text, ["GX510"], unsafe=True) == prose("外包日报社进行日常运维工作。")


# --- the lexicon as data ---------------------------------------------------------------------


def test_lexicon_is_broad():
    assert len(_raw_entries()) >= 400


def test_every_entry_is_well_formed():
    labels = load_data("confusables.toml")["categories"]
    assert set(labels) == CATEGORIES
    seen: dict[tuple, str] = {}
    for entry in _raw_entries():
        wrong, right = entry["wrong"], entry["right"]
        assert wrong and right and wrong != right, entry
        assert entry.get("category", "character") in CATEGORIES, entry
        assert set(entry) <= {"wrong", "right", "category", "note", "before", "after", "not_before", "not_after"}, entry
        for key in ("before", "after", "not_before", "not_after"):
            if entry.get(key):
                re.compile(entry[key])
        condition = tuple(entry.get(k, "") for k in ("before", "after", "not_before", "not_after"))
        assert (wrong, condition) not in seen, f"{wrong} listed twice"
        seen[(wrong, condition)] = right


def test_corrections_are_not_themselves_reported():
    lex = lexicon()
    for entry in _raw_entries():
        right = entry["right"]
        flagged = [(start, e.wrong) for start, e in lex.find(f"我们{right}工作")]
        assert flagged == [], f"the correction {right!r} of {entry['wrong']!r} is reported: {flagged}"


# --- the search: the same places as trying every form at every offset -------------------------


def _reference(lex, text: str) -> list[tuple[int, str]]:
    """Every offset tried in turn, the longest form that applies first, never overlapping."""
    allowed = [m.span() for m in lex.accepted.finditer(text)] if lex.accepted is not None else []
    found, start = [], 0
    while start < len(text):
        end = start + 1
        for form in sorted((f for f in lex.entries if text.startswith(f, start)), key=len, reverse=True):
            if any(a <= start and start + len(form) <= b for a, b in allowed):
                continue
            entry = next((e for e in lex.entries[form] if e.applies(text, start, start + len(form))), None)
            if entry is not None:
                found.append((start, entry.wrong))
                end = start + len(form)
                break
        start = end
    return found


LEXICONS = [
    ((), (), ()),
    (("经行村", "台帐"), (("帐号", "账号"), ("某", ""), ("\0某", "")), ()),
    ((), (("加", "加大"), ("某", "")), ("idiom", "variant", "usage", "character")),
]


@pytest.mark.parametrize("options", LEXICONS, ids=["shipped", "accept-reject", "one-character-forms-only"])
def test_search_finds_what_trying_every_offset_finds(options):
    lex = lexicon(*options)
    forms = sorted(lex.entries)
    rnd = random.Random(510)
    alphabet = "".join(sorted({c for form in forms for c in form})) + "，。的工作开展\0"
    for _ in range(400):
        texts = [
            "".join(
                rnd.choice(forms) if rnd.random() < 0.5 else "".join(rnd.choices(alphabet, k=rnd.randint(0, 4)))
                for _ in range(rnd.randint(0, 8))
            )
            for _ in range(rnd.randint(1, 4))
        ]
        expected = [(index, start, wrong) for index, text in enumerate(texts) for start, wrong in _reference(lex, text)]
        assert [(i, s, e.wrong) for i, t in enumerate(texts) for s, e in lex.find(t)] == expected
        in_units = lex.find_in_units(texts, join_texts(texts))
        assert [(index, start, entry.wrong) for index, start, entry in in_units] == expected
