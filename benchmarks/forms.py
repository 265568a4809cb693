"""The Run form over an engine of many images: how its image field answers each keystroke
while its completion list filters 1,000 local images (the issue: "the run form stays
responsive with 1,000 local images in its completion list")."""

from __future__ import annotations

from typing import Any

from benchmarks.processes import Agent
from benchmarks.report import Result
from benchmarks.scenarios import FILTER_MS, Context


def run_form(ctx: Context, images: int, text: str) -> list[Result]:
    """Tag the test image until the engine lists `images` tags (they stay: this runs last),
    then type `text` into the Run form's image field and erase it, `ctx.runs` times."""
    ctx.filler.tag_images(images)
    slowest: list[float] = []
    details: list[dict[str, Any]] = []
    for run in range(ctx.runs):
        with Agent(ctx.engine.base_url, ctx.display) as agent:
            agent.read(ctx.timeout)
            answer = agent.ask({"cmd": "run_form", "images": images, "text": text}, ctx.timeout)
        slowest.append(max(key["ms"] for key in answer["typing"]))
        details.append(answer)
        ctx.log(
            f"  run form over {answer['images']:,} images run {run + 1}: slowest keystroke "
            f"{slowest[-1]:.1f} ms"
        )
    return [
        Result(
            "run_form_keystroke",
            f'Run form, image field over {images:,} images: slowest keystroke of "{text}"',
            "ms",
            slowest,
            FILTER_MS,
            details=details,
        )
    ]
