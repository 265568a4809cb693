"""Lines shared by the tests that launch Moorage as `python -c SCRIPT main.py-arguments`,
for start-up's paths that only a real launch takes (main.py, `_paint_first_answer`).

The script's text is composed rather than imported from here: a module of the tests loaded
by the launched Moorage would itself count as a module imported before the first paint.
"""

#: Defines `answer_early`, a stand-in for `DockerEngine.prefetch` that returns once the
#: engine's first answer is in: with it, the answer is in before the window is built, as it
#: is on a small engine unless the machine is busy, and start-up paints it before the event
#: loop. The script sets `DockerEngine.prefetch = answer_early` where it wants that path.
ANSWER_EARLY = """
from services.engine import DockerEngine

prefetch = DockerEngine.prefetch

def answer_early(self):
    early = prefetch(self)
    early.exception(timeout=30)  # (waits until it is done)
    return early
"""
