"""Region detection and the region data files: divisions, area codes (against the phonenumbers
geocoder) and postal-code prefixes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gxlint.region import area_codes, detect_region, load_regions, postal_prefixes
from gxlint.testing import parse_text

from .conftest import SEEDS


@pytest.mark.parametrize(
    ("agency", "texts", "province", "city", "codes"),
    [
        ("常德经济技术开发区", [], "湖南省", "常德市", ["0736"]),
        ("浔阳区人民政府", [], "江西省", "九江市", ["0792"]),
        ("遂宁经济技术开发区管理委员会", ["遂宁经济技术开发区党政办公室"], "四川省", "遂宁市", ["0825"]),
        ("临港经济开发区", ["请与江阴临港经济开发区党政办公室联系,办公地点:江阴市珠江路198号"], "江苏省", "无锡市", ["0510"]),
        ("河东区商务局", ["通讯地址：临沂市河东区人民大街1号"], "山东省", "临沂市", ["0539"]),
        ("北京市朝阳区人民政府", [], "北京市", "北京市", ["010"]),
        ("黔东南州人民政府", [], "贵州省", "黔东南苗族侗族自治州", ["0855"]),
        ("仙桃市人民政府", [], "湖北省", "仙桃市", ["0728"]),
    ],
)
def test_certain_regions(agency, texts, province, city, codes):
    region = detect_region(agency, texts)
    assert region == {"province": province, "city": city, "area_codes": codes}


def test_province_only_when_no_city_is_named():
    region = detect_region("海南省商务厅", [])
    assert region["province"] == "海南省" and region["city"] is None
    assert region["area_codes"] == ["0898"]  # 海南省 (not 青海 海南藏族自治州)
    jiangsu = detect_region("江苏省商务厅", [])
    assert jiangsu["city"] is None and "0510" in jiangsu["area_codes"] and "025" in jiangsu["area_codes"]


@pytest.mark.parametrize(
    ("agency", "texts"),
    [
        ("河东区商务局", []),  # 天津市河东区 and 临沂市河东区
        ("河东区商务局", ["请与河东区商务局办公室联系(电话:0539-8386888)"]),  # a phone is no address
        ("临港经济开发区", []),
        ("常德市商务局", ["通讯地址：无锡市梁溪区解放西路1号"]),  # names that disagree
        (None, []),
        ("", ["根据省、市政务公开工作要求"]),
    ],
)
def test_uncertain_regions_are_none(agency, texts):
    assert detect_region(agency, texts) is None


def test_street_names_in_addresses_are_not_cities():
    # 中山路 is a street, not 中山市; only full names count in an address.
    assert detect_region("常德经济技术开发区", ["通讯地址：常德经开区中山路369号"])["city"] == "常德市"


def test_parser_fills_the_region_of_the_seeds():
    expected = {"changde": "常德市", "suining": "遂宁市", "xunyang": "九江市", "jiangyin": "无锡市", "hedong": None}
    for name, city in expected.items():
        report = parse_text(SEEDS[name].read_text(encoding="utf-8"), path=SEEDS[name].name)
        region = report.meta.region
        assert (region["city"] if region else None) == city, name


def test_area_code_table_agrees_with_the_geocoder():
    import phonenumbers
    from phonenumbers import geocoder

    table = area_codes()
    assert len(table) > 300
    for code, entry in table.items():
        description = ""
        for local in ("2345678", "3456789", "5678901", "6789012", "7890123", "8123456",
                      "23456789", "34567890", "56789012", "66123456", "78901234", "86868123"):
            number = phonenumbers.parse(f"+86{code[1:]}{local}")
            if phonenumbers.is_valid_number(number):
                description = geocoder.description_for_number(number, "zh")
                break
        assert description == entry.description, code
        if entry.province:
            assert description.startswith(load_regions().short_name(entry.province)), code


def test_area_code_table_names_official_cities():
    regions = load_regions()
    for entry in area_codes().values():
        for city in entry.cities:
            assert city == entry.province or city in regions.cities or city in regions.counties, city
    assert area_codes()["0510"].cities == ("无锡市",)
    assert area_codes()["0736"].cities == ("常德市",)
    assert area_codes()["0539"].cities == ("临沂市",)


def test_postal_prefixes_cover_every_mainland_province_once_per_prefix():
    prefixes = postal_prefixes()
    mainland = set(load_regions().provinces) - {"台湾省", "香港特别行政区", "澳门特别行政区"}
    assert set(prefixes.values()) == mainland
    assert all(len(p) == 2 and p.isdigit() for p in prefixes)
    assert prefixes["41"] == "湖南省" and prefixes["21"] == "江苏省" and prefixes["27"] == "山东省"


def test_region_lookup_never_imports_the_geocoder():
    code = (
        "import sys\n"
        "from gxlint.testing import lint_text\n"
        "lint_text('常德市商务局2023年政府信息公开工作年度报告\\n一、总体情况\\n电话：010-12345678。\\n')\n"
        "print('phonenumbers.geocoder' in sys.modules, 'phonenumbers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_report_without_phone_numbers_does_not_import_phonenumbers():
    code = (
        "import sys\n"
        "from gxlint.testing import lint_text\n"
        "lint_text('2023年政府信息公开工作年度报告\\n一、总体情况\\n本年度未收到申请。\\n')\n"
        "print('phonenumbers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("agency", "texts", "province", "city"),
    [
        ("广东营商环境建设局", [], "广东省", None),  # not 东营 (山东)
        ("吉林商务局", [], "吉林省", None),  # 吉林 alone: the province, maybe its city
        ("常德经济技术开发区", ["确保定期公开"], "湖南省", "常德市"),  # 保定 inside a phrase is no place
    ],
)
def test_short_names_inside_other_words(agency, texts, province, city):
    region = detect_region(agency, texts)
    assert (region["province"], region["city"]) == (province, city)


def test_name_line_test_is_the_name_line_pattern():
    """``_is_name_line`` replaced a pattern; it must accept exactly what the pattern accepted."""
    import random
    import re

    from gxlint.region import _AGENCY_ENDINGS, _is_name_line

    pattern = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}(?:" + "|".join(_AGENCY_ENDINGS) + r")$")
    rng = random.Random(7)
    alphabet = [*"（）()一鿿丁区县市省a1 -、\n", "\u4dff", "\ua000", "\U00020000"]
    samples = [
        "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 2, 3, 20, 39, 40, 41, 42])))
        + "".join(rng.choice(_AGENCY_ENDINGS) for _ in range(rng.choice([0, 1, 1, 2])))
        + rng.choice(["", "", "\n", "\n\n"])
        for _ in range(20000)
    ]
    samples += [chr(cp) * 2 + "局" for cp in [*range(0, 0x110000, 97), 0x4DFF, 0x4E00, 0x9FFF, 0xA000] if not 0xD800 <= cp <= 0xDFFF]
    assert [bool(pattern.match(s)) for s in samples] == [_is_name_line(s) for s in samples]


def test_cached_place_indexes_are_the_built_ones(tmp_path, monkeypatch):
    import sys

    from gxlint import region

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = region._build_place_indexes()
    assert region.load_derived("gxlint.data", "regions.tsv", region._build_place_indexes) == built  # written
    assert list(tmp_path.rglob("regions.tsv._build_place_indexes.*.marshal"))
    assert region.load_derived("gxlint.data", "regions.tsv", region._build_place_indexes) == built  # read
