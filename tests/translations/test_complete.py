"""Every sentence of the interface has its Chinese, with the same placeholders.

What `pyside6-lupdate` finds in the code is what the app can show: a sentence missing from
moorage_zh_CN.ts, or left unfinished there, would show in English in the Chinese window; a
translation whose %1, %2 or %Ln differ from its source would show a raw placeholder or drop a
value. Entries the code no longer has are failures too, so the file stays the code's.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import TRANSLATIONS

ROOT = TRANSLATIONS.parent.parent
#: The folders whose Python files hold the sentences to translate (main.py besides).
LAYERS = ("ui", "models", "services")
PLACEHOLDER = re.compile(r"%(?:L?n|\d+)")

Key = tuple[str, str]


def messages(path: Path) -> dict[Key, ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def in_code(tmp_path: Path) -> dict[Key, ET.Element]:
    found = tmp_path / "found.ts"
    sources = [
        f"{folder}/{p.name}" for folder in LAYERS for p in sorted((ROOT / folder).glob("*.py"))
    ]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([lupdate, "-silent", "main.py", *sources, "-ts", found], cwd=ROOT, check=True)
    return messages(found)


def texts(message: ET.Element) -> list[str]:
    """The translation's text, or each of its forms for a counted sentence."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return []
    forms = translation.findall("numerusform")
    found = [form.text or "" for form in forms] if forms else [translation.text or ""]
    return [text for text in found if text.strip()]


def placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


def test_every_sentence_has_its_chinese(tmp_path):
    code = in_code(tmp_path)
    chinese = messages(TRANSLATIONS / "moorage_zh_CN.ts")
    missing = sorted(key for key in code if key not in chinese or not texts(chinese[key]))
    assert missing == [], "sentences without Chinese (context, source)"


def test_the_chinese_file_holds_only_what_the_code_says(tmp_path):
    code = in_code(tmp_path)
    chinese = messages(TRANSLATIONS / "moorage_zh_CN.ts")
    assert sorted(set(chinese) - set(code)) == [], "no longer in the code: remove them"


def test_each_translation_keeps_the_placeholders_of_its_source():
    wrong = {
        key: text
        for key, message in messages(TRANSLATIONS / "moorage_zh_CN.ts").items()
        for text in texts(message)
        if placeholders(text) != placeholders(key[1])
    }
    assert wrong == {}
