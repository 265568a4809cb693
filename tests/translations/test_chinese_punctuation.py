"""Chinese sentences use Chinese punctuation: "已停止：原因", not "已停止: 原因".

The rule, cheap to check and precise: in a zh_CN translation, an ASCII : ? ! , ; . ( or )
directly after a CJK ideograph, or directly before one where it does not follow Latin text,
is a half-width mark inside a Chinese sentence. ASCII stays where it is syntax: inside
`backticks`, a menu mnemonic "(&S)" as Chinese menus write it, and the "主机:端口"
(host:port) of an address form, beside tcp:// and [:端口] which the rule lets through.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from ui.i18n import TRANSLATIONS, sentences

IDEOGRAPH = r"[\u3400-\u4dbf\u4e00-\u9fff]"
HALF_WIDTH_IN_CHINESE = re.compile(
    rf"(?<={IDEOGRAPH})[:?!,;.()]|(?:(?<=^)|(?<=\s)|(?<={IDEOGRAPH}))[:?!,;.()](?={IDEOGRAPH})"
)
#: Where ASCII punctuation is syntax, not prose.
SYNTAX = re.compile(r"`[^`]*`|\(&\w\)|主机:端口")


def chinese_translations() -> list[str]:
    root = ET.parse(TRANSLATIONS / "moorage_zh_CN.ts").getroot()
    texts = []
    for translation in root.iter("translation"):
        forms = translation.findall("numerusform")
        texts.extend(form.text or "" for form in forms) if forms else texts.append(
            translation.text or ""
        )
    return texts


def half_width_marks(text: str) -> list[str]:
    """The half-width marks that stand in the Chinese prose of `text`."""
    return HALF_WIDTH_IN_CHINESE.findall(SYNTAX.sub(" ", text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("已停止: %1", [":"]),
        ("要删除吗?", ["?"]),
        ("镜像(%1)", ["("]),
        ("请运行:sudo systemctl reload docker", [":"]),
        ("已停止：%1", []),
        ("请运行 `docker ps -a` 查看", []),
        ("设置(&S)…", []),
        ("tcp://主机:端口 或 ssh://[用户@]主机[:端口]", []),
        ("引擎地址中不能有查询（?）", []),
        ("%1:// 不是可以连接引擎的协议。", []),
        ("守护进程（docker.service）", []),
    ],
)
def test_the_rule(text, found):
    assert half_width_marks(text) == found


def test_zh_cn_translations_use_full_width_punctuation():
    wrong = {text: marks for text in chinese_translations() if (marks := half_width_marks(text))}
    assert wrong == {}


def test_sentences_are_spaced_in_english_and_not_in_chinese():
    """A diagnosis's sentences are joined as each language writes them."""
    assert sentences(["Is the host up?", "Is there a firewall?"]) == (
        "Is the host up? Is there a firewall?"
    )
    assert sentences(["主机是否在线？", "中间是否有防火墙？"]) == "主机是否在线？中间是否有防火墙？"
