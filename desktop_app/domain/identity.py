"""Personal identifiers: 居民身份证号码 (GB 11643-1999), phone numbers, and masking for lists
and exports (DESIGN §8). Errors are Chinese and say what is wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from desktop_app.domain.enums import Sex
from desktop_app.domain.errors import ValidationError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# 省级行政区划代码 (first two digits), incl. 71 台湾, 81 香港, 82 澳门 and 83 (港澳台居民居住证).
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})


@dataclasses.dataclass(frozen=True)
class ResidentId:
    number: str
    region_code: str
    birth_date: dt.date
    sex: Sex


def id_check_digit(first17: str) -> str:
    """GB 11643 check character (0–9 or X) of the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def validate_id_number(value: str, today: dt.date) -> ResidentId:
    """Validate an 18-character 居民身份证号码; ``today`` bounds the birth date (no system clock)."""

    def fail(message: str) -> ValidationError:
        return ValidationError(message, field="id_number", code="ID_NUMBER")

    number = (value or "").strip().replace(" ", "").upper()
    if not number:
        raise fail("请填写身份证号")
    if len(number) != 18:
        raise fail(f"身份证号应为18位，当前为{len(number)}位")
    for position, char in enumerate(number[:17], start=1):
        if not char.isdigit() or not char.isascii():
            raise fail(f"身份证号第{position}位应为数字，当前为“{char}”")
    if number[17] not in "0123456789X":
        raise fail(f"身份证号第18位应为数字或X，当前为“{number[17]}”")
    if int(number[:2]) not in _PROVINCES:
        raise fail(f"身份证号前两位“{number[:2]}”不是有效的省级行政区划代码")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise fail(f"身份证号第7–14位“{number[6:14]}”不是有效的出生日期") from None
    if birth > today:
        raise fail(f"身份证号中的出生日期 {birth.isoformat()} 晚于今天")
    if birth.year < 1900:
        raise fail(f"身份证号中的出生日期 {birth.isoformat()} 早于1900年")
    expected = id_check_digit(number[:17])
    if number[17] != expected:
        raise fail(f"身份证号第18位校验码应为{expected}，当前为{number[17]}，请核对号码是否抄错")
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return ResidentId(number, number[:6], birth, sex)


def is_valid_id_number(value: str, today: dt.date) -> bool:
    try:
        validate_id_number(value, today)
    except ValidationError:
        return False
    return True


@dataclasses.dataclass(frozen=True)
class PhoneNumber:
    kind: str  # "mobile" | "landline" | "service"
    normalized: str


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(010|02\d|0[3-9]\d{2})(\d{7,8})")  # 010/02x are 3-digit area codes
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_SERVICE = re.compile(r"(1\d{4}|[48]00\d{7}|95\d{3,4}|96\d{3,4})")  # 12348, 400/800, 95xxx


def validate_phone(value: str) -> PhoneNumber:
    """Lenient check of a mobile, landline (with or without area code / extension) or hotline."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError("请填写联系电话", field="phone", code="PHONE")
    if re.search(r"[^\d\s\-+()（）转#]", raw):
        raise ValidationError(f"联系电话“{raw}”含有非法字符，只能包含数字、空格、-、+、括号", field="phone", code="PHONE")
    extension = ""
    main = raw
    split = re.split(r"转|#", raw, maxsplit=1)
    if len(split) == 2:
        main, extension = split[0], re.sub(r"\D", "", split[1])
    digits = re.sub(r"\D", "", main)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif raw.lstrip().startswith("+86") or (digits.startswith("86") and len(digits) == 13):
        digits = digits[2:]
    if _MOBILE.fullmatch(digits):
        return PhoneNumber("mobile", digits)
    match = _LANDLINE.fullmatch(digits)
    if match:
        text = f"{match.group(1)}-{match.group(2)}" + (f"-{extension}" if extension else "")
        return PhoneNumber("landline", text)
    if _LOCAL.fullmatch(digits):
        return PhoneNumber("landline", digits + (f"-{extension}" if extension else ""))
    if _SERVICE.fullmatch(digits):
        return PhoneNumber("service", digits)
    if digits.startswith("1") and len(digits) != 11:
        raise ValidationError(f"手机号应为11位，“{raw}”为{len(digits)}位", field="phone", code="PHONE")
    raise ValidationError(f"“{raw}”不像有效的电话号码：手机号为11位，固定电话为区号加7–8位号码",
                          field="phone", code="PHONE")


def mask_id(value: str) -> str:
    """110105199001011234 → 110105********1234."""
    text = (value or "").strip()
    if len(text) <= 4:
        return "*" * len(text)
    if len(text) < 12:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_phone(value: str) -> str:
    """13812345678 → 138****5678; 010-12345678 → 010-****5678; hotlines unchanged."""
    text = (value or "").strip()
    try:
        phone = validate_phone(text)
    except ValidationError:
        digits = re.sub(r"\D", "", text)
        return "*" * max(len(digits) - 4, 0) + digits[-4:]
    if phone.kind == "mobile":
        return phone.normalized[:3] + "****" + phone.normalized[-4:]
    if phone.kind == "landline":
        parts = phone.normalized.split("-")
        area, local = (parts[0], parts[1]) if len(parts) > 1 and parts[0].startswith("0") else ("", parts[0])
        masked = "*" * (len(local) - 4) + local[-4:]
        return f"{area}-{masked}" if area else masked
    return phone.normalized


def mask_name(value: str) -> str:
    """张三 → 张*; 张伟三 → 张*三; 欧阳娜娜 → 欧**娜."""
    text = (value or "").strip()
    if len(text) <= 1:
        return "*" * len(text)
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]
