"""The contact reading's shortcuts find exactly what the plain searches find.

Labels are searched once over a report's paragraphs joined together, and the web-address pattern
is tried only where an address may begin; both must agree with searching each paragraph from
its first character to its last.
"""

from __future__ import annotations

from gxlint_rules import _contacts
from hypothesis import given, settings
from hypothesis import strategies as st

# Label pieces, separators, address pieces and the letters that case-fold into a-z.
_PIECES = [
    "电话", "联系电话", "传真", "邮编", "邮政编码", "邮箱", "电子邮箱", "网址", "网站地址", "Tel", "E-mail",
    "办", "受理", "服务", "电", "网", "：", ":", ";", "。", "，", " ", "\u3000", "\n", "\t",
    "0736-7312309", "12345", "@", "163.com", ".", ",", "/", "//", "\\", "http", "https", "htp", "ftp",
    "www", "WWW", "wWw", "w", "W", "gov.cn", "cn", "a", "Z", "9", "\u0130", "\u0131", "\u017f", "\u212a",
    "信息公开", "（", "(", ")", "-", "http://", "HTTPS://", "Http: //", "htp;//", "ftp:\\", "hTtp ://", "www.", "Www,",
    "gov.cn/", "ab:", "x;", "\u212aK://", "0", "010", "0736", "7312309", "12345678", "\u0663", "--",
    "0736 - 7312309", "(010) -12345678", "0736\u3000-\u30007312309", "(0736 )-", "021", "0\u0663\u0664\u0665-7312309",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


def _match_facts(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_url_matches_are_the_patterns_finditer(text):
    assert _match_facts(_contacts._url_matches(text)) == _match_facts(_contacts._url_pattern().finditer(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_paragraphs_without_url_hints_hold_no_address(text):
    if not _contacts._may_hold_url(text):
        assert _contacts._url_pattern().search(text) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_zones_of_each_paragraph_found_in_one_search(texts):
    assert [list(zones) for zones in _contacts._zones_of_each(texts)] == [_contacts._zones(t) for t in texts]


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_shaped_landlines_are_the_patterns_finditer(text):
    pattern = _contacts._phone_patterns()[4]
    assert _match_facts(_contacts._shaped_landlines(text)) == _match_facts(pattern.finditer(text))
