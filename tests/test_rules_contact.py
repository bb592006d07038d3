"""Contact rules GX301–GX310 on real-shaped report sentences.

Each test writes a small report (a title when the agency's region matters, a section heading, the
sentence) and checks the finding's line and column, computed from the sentence itself.
"""

from __future__ import annotations

import pytest
from gxlint_rules import contact

from gxlint.testing import lint_text

from .contact_dates_support import check_docstring_examples, found, where

HEAD = "一、总体情况\n"
CHANGDE = "常德市商务局2023年政府信息公开工作年度报告\n" + HEAD


def test_every_rule_has_a_bad_and_a_good_example_that_behave():
    check_docstring_examples(contact.RULES)


# --- GX301 phone-number-invalid -------------------------------------------------------------

VALID_PHONES = [
    "0736-7312309",
    "0736 7312309",
    "0736—7312309",
    "0736－7312309",
    "(0736)7312309",
    "（0736）7312309",
    "０７３６－７３１２３０９",
    "+86 736 7312309",
    "+86-736-7312309",
    "0510-86868123",
    "0510-8686 8123",
    "010-12345678",
    "021-12345678",
    "0898-12345678",
    "13912345678",
    "139-1234-5678",
    "139 1234 5678",
    "+86 139 1234 5678",
    "400-123-4567",
    "4001234567",
    "400 123 4567",
    "800-123-4567",
    "12345",
    "12368",
    "0736-7312309转8001",
    "0736-7312309-8001",
    "0736-7312309（分机8001）",
    "0736-7312309（8001）",
    "0736-7312309 7300715",
    "0736-7312309/7300715",
    "0736-7312309、7300715",
    "0736-7312309、0736-7300715",
    "0736-7312309或13912345678",
]


@pytest.mark.parametrize("phone", VALID_PHONES)
def test_valid_phone_forms_are_left_alone(phone):
    text = HEAD + f"如对本报告有疑问，请与本局办公室联系（电话：{phone}）。\n"
    assert found(text, "GX301") == []
    if "736" in phone or not phone.startswith(("0", "(", "（", "０", "+86 7", "+86-7")):
        assert found(CHANGDE + text[len(HEAD):], "GX303") == []


@pytest.mark.parametrize(
    ("phone", "why"),
    [
        ("0736-731230", "后的号码 731230 共 6 位，不是有效号码，少了一位数字"),
        ("0539-83868888", "后的号码 83868888 共 8 位，不是有效号码，多了一位数字"),
        ("010-1234567", "区号 010（北京市）后的号码 1234567 共 7 位，不是有效号码，少了一位数字"),
        ("1391234567", "手机号码应为 11 位，这里是 10 位，少了一位数字"),
        ("139123456789", "手机号码应为 11 位，这里是 12 位，多了一位数字"),
        ("12012345678", "120 不是有效的手机号段"),
        ("400-123-45678", "400 号码应为 10 位，这里是 11 位，多了一位数字"),
        ("0123-4567890", "0123 不是国内有效区号"),
    ],
)
def test_invalid_phone_found_at_its_column(phone, why):
    text = HEAD + f"如对本报告有疑问，请与本局办公室联系（联系电话：{phone}）。\n"
    line, column = where(text, phone)
    [(got_line, got_column, message)] = found(text, "GX301")
    assert (got_line, got_column) == (line, column)
    assert message.startswith(f"电话号码「{phone}」无效：") and why in message


def test_invalid_fax_is_named_as_fax_and_local_number_uses_the_area_code_before_it():
    text = HEAD + "通讯地址：常德经开区德山大道369号；电话：0736-7312309、731230；传真：0736-730071。\n"
    messages = found(text, "GX301")
    assert [m[:2] for m in messages] == [where(text, "731230；"), where(text, "0736-730071")]
    assert "按区号 0736 计" in messages[0][2]
    assert messages[1][2].startswith("传真号码「0736-730071」无效")


def test_unlabelled_landline_is_checked_and_other_numbers_are_not_phones():
    text = HEAD + "群众可拨打0539-83868888咨询。全年累计收到市长热线工单 2821条，回复率 100%。\n"
    assert [m[:2] for m in found(text, "GX301")] == [where(text, "0539-83868888")]


def test_local_number_without_any_known_area_code_is_not_judged():
    text = HEAD + "联系电话：8386888。\n"  # 河东区 is in two cities: no area code to judge it by
    assert found(text, "GX301") == []


# --- GX302 phone-area-code-not-separated ----------------------------------------------------


def test_area_code_joined_to_the_number():
    text = HEAD + "请与江阴临港经济开发区党政办公室联系,办公地点:江阴市珠江路198号,联系电话:051086868123\n"
    [(line, column, message)] = found(text, "GX302")
    assert (line, column) == where(text, "051086868123")
    assert message == "电话号码「051086868123」的区号与号码连写，宜写作「0510-86868123」"


@pytest.mark.parametrize("phone", ["0510-86868123", "(0510)86868123", "0510 86868123", "13912345678", "4001234567"])
def test_separated_or_unseparable_numbers_are_not_style_findings(phone):
    assert found(HEAD + f"联系电话：{phone}\n", "GX302") == []


# --- GX303 phone-area-code-outside-region ---------------------------------------------------


def test_area_code_of_another_city_is_a_warning():
    text = CHANGDE + "如对本报告有疑问，请联系（电话：0736-7312309；传真：010-12345678）。\n"
    [(line, column, message)] = found(text, "GX303")
    assert (line, column) == where(text, "010-12345678")
    assert message == "电话「010-12345678」的区号 010 属于北京市，而本机关在常德市（区号 0736）"


def test_area_code_of_another_bodys_hotline_is_not_checked():
    text = CHANGDE + "省纪委监委举报电话：0731-12388888；群众可拨打0731-84567890咨询。\n"
    assert found(text, "GX303") == []


def test_area_code_not_checked_when_the_region_is_uncertain():
    text = "河东区商务局2023年政府信息公开工作年度报告\n" + HEAD + "联系电话：010-12345678。\n"
    assert found(text, "GX303") == []


def test_area_code_of_a_county_level_city_belongs_to_its_city():
    text = "临港经济开发区\n2023年政府信息公开工作年度报告\n本报告如有疑问请联系,办公地点:江阴市珠江路198号,联系电话:0510-86868123\n" + HEAD
    assert found(text, "GX303") == []


# --- GX304 / GX305 postal codes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "why"),
    [("41500", "应为 6 位数字，这里是 5 位"), ("4150011", "应为 6 位数字，这里是 7 位"),
     ("095001", "开头 09 不对应任何省级邮区"), ("4150O1", "把数字 0 写成了字母 O")],
)
def test_malformed_postal_code(code, why):
    text = HEAD + f"通讯地址：常德经开区德山大道369号；邮政编码：{code}；电话：0736-7312309。\n"
    [(line, column, message)] = found(text, "GX304")
    assert (line, column) == where(text, code)
    assert why in message


def test_valid_postal_codes_are_left_alone():
    text = HEAD + "邮政编码：415001。邮编:214400。邮编 ４１５００１。\n"
    assert found(text, "GX304") == []


def test_postal_code_of_another_province():
    text = CHANGDE + "通讯地址：常德市武陵区朗州路1号；邮政编码：215001。\n"
    [(line, column, message)] = found(text, "GX305")
    assert (line, column) == where(text, "215001")
    assert message == "邮政编码「215001」开头 21 属于江苏省，而本机关在湖南省（41、42 开头）"
    assert found(CHANGDE + "邮政编码：415001。\n", "GX305") == []
    assert found(CHANGDE.replace("常德市商务局", "河东区商务局") + "邮政编码：215001。\n", "GX305") == []


# --- GX306 / GX307 e-mail -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "why"),
    [
        ("电子邮箱：hdqswj@163,com。", "hdqswj@163,com", "域名中用了逗号或句号代替“.”"),
        ("电子邮箱：hdqswj163.com。", "hdqswj163.com", "缺少“@”"),
        ("电子邮箱：ｈｄｑｓｗｊ@hedong.gov.cn。", "ｈｄｑｓｗｊ@hedong.gov.cn", "含全角字符「ｈｄｑｓｗｊ」"),
        ("电子邮箱：hdqswj＠hedong.gov.cn。", "hdqswj＠hedong.gov.cn", "含全角字符「＠」"),
        ("电子邮箱：hdqswj @hedong.gov.cn。", "hdqswj @hedong.gov.cn", "中间有空格"),
        ("电子邮箱：hdqswj@163.con。", "hdqswj@163.con", "域名后缀「.con」拼错"),
        ("电子邮箱：hdqswj@hedong。gov.cn。", "hdqswj@hedong。gov.cn", "域名中用了逗号或句号代替“.”"),
    ],
)
def test_mail_slips(sentence, value, why):
    text = HEAD + f"如对本报告有疑问，请与本局办公室联系（{sentence}）\n"
    [(line, column, message)] = found(text, "GX306")
    assert (line, column) == where(text, value)
    assert message.startswith(f"电子邮箱「{value}」有误：") and why in message


def test_good_mail_addresses_are_left_alone():
    text = HEAD + "电子邮箱：hdqswj@hedong.gov.cn；E-mail: zwgk_2023@mail.changde.gov.cn。\n"
    assert found(text, "GX306") == [] and found(text, "GX307") == []


@pytest.mark.parametrize("sentence", ["市长信箱：http://www.changde.gov.cn/szxx", "电子邮箱：www.changde.gov.cn/mail",
                                      "邮箱：http://mail.changde.gov.cn"])
def test_web_mailboxes_are_not_addresses_without_at(sentence):
    assert found(HEAD + sentence + "。\n", "GX306") == []


def test_personal_mailbox_is_info():
    text = HEAD + "如对本年度报告有疑问，请与河东区商务局办公室联系(电话:0539-8386888,电子邮箱:hdqswj8386888@163.com)。\n"
    diagnostics = lint_text(text, select=["GX307"])
    assert [(d.line, d.column, d.severity.value) for d in diagnostics] == [(*where(text, "hdqswj8386888@163.com"), "info")]


# --- GX308 / GX309 web addresses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http//www.hedong.gov.cn/", "协议头「http//」应为 http:// 或 https://"),
        ("htp://www.hedong.gov.cn/", "协议头「htp://」应为 http:// 或 https://"),
        ("http:/www.hedong.gov.cn/", "协议头「http:/」应为 http:// 或 https://"),
        ("http：//www.hedong.gov.cn/", "含全角字符「："),
        ("http://www.hedong,gov.cn/", "域名中有逗号"),
        ("http://www.hedong. gov.cn/", "域名中有空格"),
        ("www．hedong．gov．cn", "含全角字符「．」"),
        ("http://www.hedong.gov.con", "域名后缀「.con」拼错"),
    ],
)
def test_web_address_slips(url, why):
    text = HEAD + f"本年度报告电子版可从河东区人民政府门户网站（{url}）下载。\n"
    [(line, column, message)] = found(text, "GX308")
    assert (line, column) == where(text, url)
    assert why in message


@pytest.mark.parametrize("url", ["http://www.hedong.gov.cn/", "https://www.hedong.gov.cn/col/col1/index.html",
                                 "www.hedong.gov.cn", "HTTP://WWW.HEDONG.GOV.CN/"])
def test_good_web_addresses_are_left_alone(url):
    text = HEAD + f"本年度报告电子版可从河东区人民政府门户网站（{url}）下载。\n"
    assert found(text, "GX308") == [] and found(text, "GX309") == []


def test_portal_outside_government_domain_is_info_and_other_sites_are_not_flagged():
    text = HEAD + "可在常德经开区政府门户网站（http://www.cdjkq.com/）查阅。另见新华网（http://www.xinhuanet.com/）。\n"
    diagnostics = lint_text(text, select=["GX309"])
    assert [(d.line, d.column, d.severity.value) for d in diagnostics] == [(*where(text, "http://www.cdjkq.com/"), "info")]


# --- GX310 contact-value-conflict -----------------------------------------------------------


def test_same_label_two_values():
    text = ("如对本报告有疑问，请联系（联系电话：0736-7312309；邮政编码：415001）。\n一、总体情况\n办理咨询。\n"
            "六、其他需要报告的事项\n对本报告如有意见建议，请联系：联系电话：0736-7312300；邮政编码：415001。\n")
    [(line, column, message)] = found(text, "GX310")
    assert (line, column) == where(text, "0736-7312300")
    assert message == "「联系电话」前面（第 1 行）为 0736-7312309，这里为 0736-7312300，两者不一致"


def test_same_value_written_differently_or_listed_together_is_no_conflict():
    text = ("如对本报告有疑问，请联系（联系电话：0736-7312309、7300715）。\n一、总体情况\n办理咨询。\n"
            "六、其他需要报告的事项\n对本报告有疑问请联系：联系电话：（0736）7300715。传真：0736-7300716。\n")
    assert found(text, "GX310") == []


def test_other_bodies_listed_under_the_same_label_are_no_conflict():
    text = HEAD + "县政务服务中心电话：0736-7312309；县档案馆电话：0736-7300715。\n如对本报告有疑问，请联系（电话：0736-7312300）。\n"
    assert found(text, "GX310") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "电子邮箱：hdqswj@hedong.gov.cn。2023年，我局共收到申请5件。",
        "电子邮箱：a@hedong.gov.cn,b@hedong.gov.cn。",
        "门户网站（http://www.hedong.gov.cn）。2023年，网站改版。",
        "网址：www.hedong.gov.cn，2023年访问量100万。",
    ],
)
def test_addresses_followed_by_a_sentence_are_read_whole(sentence):
    text = HEAD + sentence + "\n"
    assert found(text, "GX306") == [] and found(text, "GX308") == []


def test_addresses_split_across_pdf_lines_are_not_judged_by_halves():
    from gxlint.rule import RuleContext
    from gxlint.testing import parse_text

    text = HEAD + "如对本报告有疑问，请联系（电子邮箱：hazwgkc@163.\ncom；网站：http://www.huaian.gov.\ncn；电话：0517-8360\n5210）。\n"
    report = parse_text(text)
    report.source_kind = "pdf"
    for rule in (contact.PhoneNumberInvalid, contact.MailAddressMalformed, contact.WebAddressMalformed):
        assert list(rule().check(report, RuleContext())) == [], rule.code


def test_numbers_ruled_out_without_parsing_are_all_invalid_to_phonenumbers():
    # The shortcut may only say "invalid" where phonenumbers says so too: tried on numbers of every
    # kind (and ones it reads as dialled from abroad) and on each one digit longer or shorter.
    import phonenumbers
    from gxlint_rules._phones import _cannot_be_valid

    def valid(digits: str) -> bool:
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(digits, "CN"))
        except phonenumbers.NumberParseException:
            return False

    numbers = ["01065123456", "051086868123", "07367312309", "13812345678", "4008123123", "8008203456",
               "02162350000", "075583765566", "16812345", "17951001234", "008613812345678", "8613812345678"]
    ruled_out = 0
    for number in numbers:
        dropped = {number[:i] + number[i + 1 :] for i in range(len(number))}
        added = {number[:i] + d + number[i:] for i in range(len(number) + 1) for d in "0123456789"}
        for candidate in dropped | added:
            if _cannot_be_valid(candidate):
                ruled_out += 1
                assert not valid(candidate), candidate
    assert ruled_out > 1000
