"""The engine's log answer cut into lines, whatever the chunk boundaries fall on."""

from __future__ import annotations

import struct

from services.logs import STDERR, STDOUT, Dechunker, LogDecoder, LogLine, just_after

STAMP = "2026-12-01T13:00:00.123456789Z"


def frame(stream: int, payload: str) -> bytes:
    data = payload.encode()
    return struct.pack(">BxxxL", stream, len(data)) + data


def test_frames_become_lines_with_stream_and_stamp():
    decoder = LogDecoder(tty=False)
    data = frame(STDOUT, f"{STAMP} hello world\n") + frame(STDERR, f"{STAMP} oops\n")
    assert decoder.feed(data) == [
        LogLine(STDOUT, STAMP, "hello world"),
        LogLine(STDERR, STAMP, "oops"),
    ]


def test_a_frame_split_anywhere_across_chunks_comes_out_once():
    data = b"".join(frame(STDOUT, f"{STAMP} line {n}\n") for n in range(50))
    for cut in (1, 3, 8, 9, 47, len(data) - 1):
        decoder = LogDecoder(tty=False)
        lines = decoder.feed(data[:cut]) + decoder.feed(data[cut:])
        assert [line.text for line in lines] == [f"line {n}" for n in range(50)]


def test_a_message_longer_than_the_engine_limit_is_joined_per_stream():
    decoder = LogDecoder(tty=False)
    later = "2026-12-01T13:00:01Z"
    data = (
        frame(STDOUT, f"{STAMP} {'a' * 10}")
        + frame(STDERR, f"{later} between\n")
        + frame(STDOUT, f"{later} {'b' * 5}\n")
    )
    assert decoder.feed(data) == [
        LogLine(STDERR, later, "between"),
        LogLine(STDOUT, STAMP, "a" * 10 + "b" * 5),
    ]


def test_a_last_piece_without_newline_is_kept_until_the_end():
    decoder = LogDecoder(tty=False)
    assert decoder.feed(frame(STDOUT, f"{STAMP} no newline")) == []
    assert decoder.finish() == [LogLine(STDOUT, STAMP, "no newline")]


def test_tty_output_is_cut_at_newlines_and_loses_carriage_returns():
    decoder = LogDecoder(tty=True)
    lines = decoder.feed(f"{STAMP} one\r\n{STAMP} tw".encode())
    lines += decoder.feed(b"o\r\n")
    lines += decoder.feed(f"{STAMP} three".encode())
    lines += decoder.finish()
    assert lines == [
        LogLine(STDOUT, STAMP, "one"),
        LogLine(STDOUT, STAMP, "two"),
        LogLine(STDOUT, STAMP, "three"),
    ]


def test_invalid_utf8_is_replaced_not_raised():
    decoder = LogDecoder(tty=False)
    payload = STAMP.encode() + b" caf\xe9\n"
    data = struct.pack(">BxxxL", STDOUT, len(payload)) + payload
    assert decoder.feed(data) == [LogLine(STDOUT, STAMP, "caf\ufffd")]


def test_a_line_without_a_stamp_keeps_all_its_text():
    decoder = LogDecoder(tty=False)
    assert decoder.feed(frame(STDOUT, "plain words here\n")) == [
        LogLine(STDOUT, "", "plain words here")
    ]


def chunked(*pieces: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def test_chunked_coding_is_undone_whatever_the_reads():
    pieces = [b"a", b"bc" * 7, b"\r\n\r\n", bytes(range(256)) * 3]
    body = chunked(*pieces)
    for size in (1, 2, 3, 5, 17, len(body)):
        dechunker = Dechunker()
        out = b"".join(dechunker.feed(body[i : i + size]) for i in range(0, len(body), size))
        assert out == b"".join(pieces), size
        assert dechunker.done


def test_chunk_extensions_and_what_follows_the_last_chunk_are_ignored():
    dechunker = Dechunker()
    assert dechunker.feed(b"3;name=value\r\nabc\r\n0\r\n\r\nleft over") == b"abc"
    assert dechunker.done
    assert dechunker.feed(b"more") == b""


def test_following_again_starts_one_nanosecond_after_the_last_line():
    assert just_after("2026-12-01T13:00:00.5Z") == "1796130000.500000001"
    assert just_after("2026-12-01T13:00:00Z") == "1796130000.000000001"
    assert just_after("2026-12-01T13:00:00.999999999Z") == "1796130001.000000000"
    assert just_after("not a time") is None
