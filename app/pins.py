"""PIN hashing with scrypt (memory-hard), so a stolen store does not give away PINs."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                             p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# PINs people pick first (besides the patterns below): keypad lines and a few favourites.
DENY = frozenset({"2580", "0852", "1004", "2000", "1122", "6969", "5683", "1470", "0741",
                  "3690", "0963", "1379", "1397"})


def trivial_reason(pin: str) -> str | None:
    """Why ``pin`` is too easy to guess, or None. A colleague tries these first."""
    pairs = list(itertools.pairwise(int(c) for c in pin))
    steps = {b - a for a, b in pairs}
    if len(steps) == 1:
        return "same digit" if steps == {0} else "run"   # 0000, 1234, 4321, 13579
    if {(b - a) % 10 for a, b in pairs} in ({1}, {9}):
        return "run"                                    # 7890, 9012, 1098
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin[:size] * (len(pin) // size) == pin:
            return "repeat"
    return "common" if pin in DENY else None
