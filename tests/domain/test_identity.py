"""身份证号 (GB 11643), phone numbers, masking."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import Sex
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import (is_valid_id_number, mask_id, mask_name, mask_phone,
                                         validate_id_number, validate_phone)

TODAY = dt.date(2025, 6, 1)


def test_valid_id_gives_birth_date_and_sex():
    # The worked example of GB 11643-1999 (check character X).
    info = validate_id_number("11010519491231002x", TODAY)
    assert (info.number, info.birth_date, info.sex, info.region_code) == (
        "11010519491231002X", dt.date(1949, 12, 31), Sex.FEMALE, "110105")
    # 17th digit (sequence) odd = male; check digit 8 worked out by hand from the GB 11643 weights.
    assert validate_id_number("110105194912310038", TODAY).sex is Sex.MALE


@pytest.mark.parametrize(("number", "message"), [
    ("110105194912310021", "第18位校验码应为X"),
    ("11010519491231002", "应为18位，当前为17位"),
    ("1101051949123A002X", "第14位应为数字，当前为“A”"),
    ("110105194902300029", "不是有效的出生日期"),
    ("990105194912310026", "省级行政区划代码"),
    ("110105202601010011", "晚于今天"),
    ("", "请填写身份证号"),
])
def test_invalid_id_says_what_is_wrong(number, message):
    with pytest.raises(ValidationError, match=message):
        validate_id_number(number, TODAY)
    assert not is_valid_id_number(number, TODAY)


def test_future_birth_depends_on_injected_today():
    number = "110105202601010011"
    with pytest.raises(ValidationError):
        validate_id_number(number, TODAY)
    fixed = number[:17]
    from desktop_app.domain.identity import id_check_digit
    assert validate_id_number(fixed + id_check_digit(fixed), dt.date(2026, 1, 2)).birth_date == dt.date(2026, 1, 1)


@pytest.mark.parametrize(("raw", "kind", "normalized"), [
    ("13812345678", "mobile", "13812345678"),
    ("+86 138-1234-5678", "mobile", "13812345678"),
    ("010-12345678", "landline", "010-12345678"),
    ("(0411) 8765 432", "landline", "0411-8765432"),
    ("0755 8888 8888转123", "landline", "0755-88888888-123"),
    ("12348", "service", "12348"),
])
def test_phone_numbers_are_recognised_leniently(raw, kind, normalized):
    phone = validate_phone(raw)
    assert (phone.kind, phone.normalized) == (kind, normalized)


@pytest.mark.parametrize(("raw", "message"), [("1381234567", "手机号应为11位"), ("电话号码", "非法字符"),
                                              ("", "请填写联系电话"), ("0123", "不像有效的电话号码")])
def test_bad_phone_numbers(raw, message):
    with pytest.raises(ValidationError, match=message):
        validate_phone(raw)


def test_masking():
    assert mask_id("110105194912311234") == "110105********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("010-12345678") == "010-****5678"
    assert mask_name("张伟三") == "张*三"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_name("") == ""
