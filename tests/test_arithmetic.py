"""The shared sum helpers: they add numbers and refuse to add anything else."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gxlint.arithmetic import (
    MISMATCH,
    OK,
    UNVERIFIABLE,
    check_balance,
    check_sum,
    decimals,
    is_count,
    split_digits,
    suggest_join,
    sum_status,
    sum_values,
)
from gxlint.numbers import parse_cell


def cells(*raws):
    return [parse_cell(raw) for raw in raws]


def test_sum_that_adds_up():
    result = check_sum(parse_cell("12"), cells("2", "5", "5"))
    assert result.status == OK and result.expected == 12 and result.difference == 0


def test_sum_that_does_not_add_up_reports_both_sides():
    result = check_sum(parse_cell("713"), cells("700", "14"))
    assert result.status == MISMATCH
    assert result.expected == Decimal(714)
    assert result.difference == Decimal(-1)


def test_blank_malformed_and_missing_cells_are_never_zero():
    for bad in ("", "00", "O", "1 2", "—"):
        parts = cells("3", bad)
        result = check_sum(parse_cell("3"), parts)
        assert result.status == UNVERIFIABLE, bad
        assert result.expected is None
        assert result.unreadable == (parts[1],)
    assert check_sum(parse_cell(""), cells("1")).status == UNVERIFIABLE
    assert sum_values(cells("1", "")) is None


def test_balance_of_two_sides():
    assert check_balance(cells("12", "0"), cells("12", "0"))[0] == OK
    status, left, right, _ = check_balance(cells("12", "3"), cells("12", "0"))
    assert (status, left, right) == (MISMATCH, 15, 12)
    assert check_balance(cells("12", "O"), cells("12", "0"))[0] == UNVERIFIABLE


def test_join_of_two_digits_that_repairs_a_row():
    # A 自然人 value of 20 extracted as "2" "0": eight values for seven columns. Only joining
    # the first two gives six parts (20, 0, 0, 0, 0, 0) that add up to the total 20.
    values = [Decimal(v) for v in ("2", "0", "0", "0", "0", "0", "0", "20")]
    hint = suggest_join(values, lambda vs: len(vs) == 7 and sum(vs[:6]) == vs[6])
    assert hint is not None and hint.joined == 20 and hint.index == 0
    assert hint.describe() == "“2 0”可能是“20”"


def test_no_join_hint_when_ambiguous_or_useless():
    values = [Decimal(v) for v in ("1", "1", "1", "1")]
    assert suggest_join(values, lambda vs: len(vs) == 3) is None  # three different joins fit
    assert suggest_join([Decimal(5), Decimal(17)], lambda vs: True) is None  # 17 is not one digit


def test_split_digits():
    assert split_digits("1 2") == 12
    assert split_digits("0 7") is None
    assert split_digits("12") is None


def test_counts_and_decimals():
    assert is_count(Decimal(3)) and is_count(Decimal(0))
    assert not is_count(Decimal("1.5")) and not is_count(Decimal(-1))
    assert decimals("251.59") == 2 and decimals("603") == 0


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8))
def test_sum_of_written_numbers_is_exact(values):
    total = parse_cell(str(sum(values)))
    assert check_sum(total, cells(*map(str, values))).status == OK
    off = parse_cell(str(sum(values) + 1))
    assert check_sum(off, cells(*map(str, values))).status == MISMATCH


_RAWS = st.sampled_from(["0", "1", "2", "3", "12", "2.5", "0.5", "1,200", "1200", "", "-", "无", "1e3", "9" * 30, "1" * 29])


@given(st.lists(_RAWS, max_size=6), _RAWS)
def test_sum_status_is_the_status_of_check_sum(parts, total):
    result = check_sum(parse_cell(total), cells(*parts))
    assert sum_status(parse_cell(total), cells(*parts)) == result.status
