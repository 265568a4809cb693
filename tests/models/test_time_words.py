"""Ages and statuses in the interface's language: in English exactly the docker CLI's words,
in Chinese worded from the same data — through the .qm files `make` builds, as the app
loads them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QTranslator

from models.time_words import (
    duration_words,
    relative_time,
    status_kind,
    status_kind_words,
    status_words,
)
from services.data import ContainerInfo
from tests.support.fake_engine import make_container
from ui.i18n import TRANSLATIONS


def translator(qapp, language: str):
    loaded = QTranslator()
    qm = TRANSLATIONS / f"moorage_{language}.qm"
    assert loaded.load(str(qm)), f"{qm.name} is missing: run `make translations`"
    qapp.installTranslator(loaded)
    return loaded


@pytest.fixture
def english(qapp):
    loaded = translator(qapp, "en")
    yield
    qapp.removeTranslator(loaded)


@pytest.fixture
def chinese(qapp):
    # English first, as the app installs it: Chinese falls back to its counted forms.
    fallback, loaded = translator(qapp, "en"), translator(qapp, "zh_CN")
    yield
    qapp.removeTranslator(loaded)
    qapp.removeTranslator(fallback)


def container(status: str) -> ContainerInfo:
    """A container whose engine said `status` at 1000 s past the epoch."""
    return replace(make_container("c"), status=status, fetched_at=1000.0)


STATUSES = [
    # the engine's sentence, seconds later, English as `docker ps` says it then, Chinese
    ("Up 3 seconds", 120, "Up 2 minutes", "已运行 2 分钟"),
    ("Up Less than a second", 0, "Up Less than a second", "已运行 不到 1 秒"),
    ("Up 1 second", 0, "Up 1 second", "已运行 1 秒"),
    ("Up 5 minutes (healthy)", 600, "Up 15 minutes (healthy)", "已运行 15 分钟（健康）"),
    ("Up 2 hours (Paused)", 3600, "Up 3 hours (Paused)", "已运行 3 小时（已暂停）"),
    ("Up 1 second (unhealthy)", 59, "Up About a minute (unhealthy)", "已运行 约 1 分钟（不健康）"),
    (
        "Up 4 seconds (health: starting)",
        0,
        "Up 4 seconds (health: starting)",
        "已运行 4 秒（健康检查启动中）",
    ),
    ("Exited (0) 2 minutes ago", 180, "Exited (0) 5 minutes ago", "已退出（0）5 分钟前"),
    ("Exited (137) About an hour ago", 3600, "Exited (137) 2 hours ago", "已退出（137）2 小时前"),
    ("Exited (1) 3 days ago", 14 * 86400, "Exited (1) 2 weeks ago", "已退出（1）2 周前"),
    ("Restarting (1) 5 seconds ago", 10, "Restarting (1) 15 seconds ago", "重启中（1）15 秒前"),
    ("Created", 999, "Created", "已创建"),
    ("Removal In Progress", 10, "Removal In Progress", "删除中"),
    ("Dead", 10, "Dead", "已失效"),
    (
        "Up 3 seconds (something new)",
        0,
        "Up 3 seconds (something new)",
        "已运行 3 秒 (something new)",
    ),
]


@pytest.mark.parametrize(("status", "later", "text", "_chinese"), STATUSES)
def test_english_statuses_are_the_clis_sentences_aged(english, status, later, text, _chinese):
    assert status_words(container(status), now=1000.0 + later) == text


@pytest.mark.parametrize(("status", "later", "_english", "text"), STATUSES)
def test_chinese_statuses_are_worded_from_the_same_data(chinese, status, later, _english, text):
    assert status_words(container(status), now=1000.0 + later) == text


def test_an_unknown_status_is_shown_as_the_engine_said(chinese):
    assert status_words(container("Paused somehow")) == "Paused somehow"


def test_ages_say_ago_in_each_language(english):
    assert relative_time(1000, now=1180) == "3 minutes ago"
    assert relative_time(1000, now=1000.5) == "Less than a second ago"
    assert duration_words(800 * 86400) == "2 years"


def test_chinese_ages(chinese):
    assert relative_time(1000, now=1180) == "3 分钟前"
    assert relative_time(1000, now=1000.5) == "不到 1 秒前"
    assert relative_time(1000, now=1000 + 90 * 60) == "2 小时前"
    assert duration_words(70 * 86400) == "2 个月"


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("Exited (1) 3 minutes ago", "已退出（ ） 前"),
        ("Up 2 hours (healthy)", "已运行 （健康）"),
        ("Up 5 seconds (Paused)", "已运行 （已暂停）"),
        ("Restarting (2) Less than a second ago", "重启中（ ） 前"),
        ("Removal In Progress", "删除中"),
        ("Something new", ""),
    ],
)
def test_a_status_kinds_words_are_the_cells_without_numbers(chinese, status, words):
    """What the filter matches besides the engine's English: the cell's own words."""
    assert status_kind_words(*status_kind(status)) == words
