"""Bytes → str for text-based formats: UTF-8 (with or without BOM), UTF-16, GB18030 and the rest.

UTF-8 is tried first because it is both the most common and the cheapest; charset-normalizer is
imported only for files that are not UTF-8 or UTF-16, so the usual run never pays for it.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from .. import regexes
from . import ReadError


class Decoded(NamedTuple):
    text: str
    encoding: str
    bom: bool


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


def decode(data: bytes) -> Decoded:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name, True)
            except UnicodeDecodeError:
                raise ReadError(f"声明为 {name} 的文件无法解码 (invalid {name})") from None
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if data.count(b"\x00") > 0:
        raise ReadError("二进制文件，不是文本报告 (binary file)")
    for codec in ("gb18030",):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return _checked(text, "gb18030")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("无法识别文件编码 (undecodable text)")
    return _checked(str(best), best.encoding)


def _bomless_utf16(data: bytes):
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for codec, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls > half * 0.3:
            try:
                return _checked(data.decode(codec), codec)
            except (UnicodeDecodeError, ReadError):
                return None
    return None


_UNCOMMON = "[^\x00-\x7f\u4e00-\u9fff]"  # compiled on first use: the class costs ms to compile
_CONTROL = regexes.compile("[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


def _plausible_chinese(text: str) -> bool:
    if not text:
        return False
    common = len(text) - len(re.findall(_UNCOMMON, text))  # CJK ideographs and ASCII
    return common / len(text) > 0.85


def _checked(text: str, encoding: str) -> Decoded:
    """Reject decoded text that is really binary (control characters other than layout ones)."""
    sample = text[:65536]
    if sample:
        controls = len(_CONTROL.findall(sample)) if _CONTROL.search(sample) else 0
        if "\x00" in sample or controls / len(sample) > 0.05:
            raise ReadError("二进制文件，不是文本报告 (binary file)")
    return Decoded(text, encoding, False)
