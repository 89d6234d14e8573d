"""An import's audit details are written from cached ``"key":value`` parts: the bytes must
be json.dumps's, or the hash chain written for an import would not verify."""

from __future__ import annotations

import enum
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from storage import audit_chain


class _Kind(enum.StrEnum):
    STAY = "stay"


class _Count(enum.IntEnum):
    ONE = 1


_VALUES = (st.text(max_size=12) | st.integers() | st.booleans() | st.none() | st.floats()
           | st.sampled_from([_Kind.STAY, _Count.ONE, "é\"\\\n\u2028", 2**70])
           | st.lists(st.integers(), max_size=2))
_DETAILS = st.dictionaries(st.text(max_size=8) | st.sampled_from(["visit", "kind", "via"]),
                           _VALUES, max_size=5)


def _dumps(detail: dict[str, object]) -> str:
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=2000, deadline=None)
@given(_DETAILS)
def test_a_flat_detail_is_json_dumps_byte_for_byte(detail: dict[str, object]) -> None:
    parts: dict[tuple[str, object], str] = {}
    for _ in range(2):  # the second time from the cached parts
        flat = audit_chain._flat_json(detail, parts)
        if flat is not None:
            assert flat == _dumps(detail)
    if all(v.__class__ in (int, str) for v in detail.values()):
        assert flat is not None   # text and whole numbers always take the quick way


def test_an_imports_details_take_the_quick_way() -> None:
    parts: dict[tuple[str, object], str] = {}
    for detail in ({"visit": 41, "kind": "stay", "via": "import"}, {"via": "import"},
                   {"file_sha256": "ab" * 32, "rows": 3, "layout": "0123456789ab"}):
        assert audit_chain._flat_json(detail, parts) == _dumps(detail)
