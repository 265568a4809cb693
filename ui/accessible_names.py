"""A control's two names: a stable one for tools, and the words a screen reader says.

Tests and accessibility tools (AT-SPI's accessible id) find a control by its identifier,
the same in every language. A person hears its accessible name, which is words of the
interface and so translated: an identifier given as the name ("runImage") was spelled out
by screen readers, in English in the Chinese window too (issue 18).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

#: The mnemonic a Chinese label carries after its words: "名称(&N)：".
_CHINESE_MNEMONIC = re.compile(r"\s*\(&\w\)")


def identify(widget: QWidget, identifier: str) -> None:
    """Give `widget` its identifier, as its object name and its accessible identifier."""
    widget.setObjectName(identifier)
    widget.setAccessibleIdentifier(identifier)


def spoken(label: str) -> str:
    """A form's label ("&Name:", "名称(&N)：") as the name a screen reader says: without
    its mnemonic (an "&", or the "(&N)" Chinese labels add) and the closing colon."""
    plain = _CHINESE_MNEMONIC.sub("", label)
    plain = plain.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.strip().rstrip(":：").strip()
