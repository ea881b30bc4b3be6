"""Start-up: ``l10n --help`` and ``l10n stats`` against ``python -c pass`` and ``pybabel --help``.

Each command is a fresh process of this interpreter's environment (the venv's own
``l10n`` and ``pybabel`` scripts, never a pyenv shim, whose own start-up would
swamp the figures). The commands run interleaved, ``--runs`` rounds, through
bench/measure.py; printed per command: median wall and CPU of the process with
the spread, and the difference to ``python -c pass``, the floor any Python
command pays. Goal (issue 12): ``l10n --help`` within 60 ms of ``python -c pass``.
``import click`` is shown for scale: what a CLI pays before its first line of help.

Run: python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from measure import machine, measure_command, rounds  # noqa: E402

BIN = Path(sys.executable).parent


def script(name: str, module: str) -> list[str]:
    """The environment's console script, or ``python -m`` where it is not installed."""
    path = BIN / name
    return [str(path)] if path.is_file() else [sys.executable, "-m", module]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    l10n = script("l10n", "l10n")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p"
        subprocess.run([*l10n, "init", str(project), "--target", "en"], check=True, capture_output=True)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "l10n --help": [*l10n, "--help"],
            "pybabel --help": script("pybabel", "babel.messages.frontend") + ["--help"],
            "python -c 'import click'": [sys.executable, "-c", "import click"],
            "l10n stats (empty project)": [*l10n, "stats", "--project", str(project)],
        }
        print(machine())
        print(f"{args.runs} interleaved runs per command; {sys.executable}")
        got = rounds({name: (lambda one_core, cmd=cmd: measure_command(cmd)) for name, cmd in commands.items()},
                     runs=args.runs, one_core=False)
    floor = got[("python -c pass", False)]
    width = max(map(len, commands))
    print(f"{'command':{width}}  {'wall ms (median [min-max])':>28}  {'CPU ms':>22}  {'wall - pass':>11}  "
          f"{'CPU - pass':>10}")
    for name in commands:
        series = got[(name, False)]
        (wlo, whi), (clo, chi) = series.spread("wall"), series.spread("cpu")
        wall, cpu = series.median("wall") * 1000, series.median("cpu") * 1000
        print(f"{name:{width}}  {wall:7.1f} [{wlo * 1000:6.1f}-{whi * 1000:7.1f}]      "
              f"{cpu:6.1f} [{clo * 1000:5.1f}-{chi * 1000:6.1f}]  "
              f"{wall - floor.median('wall') * 1000:+9.1f}  {cpu - floor.median('cpu') * 1000:+10.1f}")
    helped = got[("l10n --help", False)]
    gap = (helped.median("wall") - floor.median("wall")) * 1000
    cpu_gap = (helped.median("cpu") - floor.median("cpu")) * 1000
    babel = got[("pybabel --help", False)]
    print(f"l10n --help vs python -c pass: {gap:+.1f} ms wall, {cpu_gap:+.1f} ms CPU (goal: within 60 ms); "
          f"pybabel --help / l10n --help: wall {babel.median('wall') / helped.median('wall'):.2f}x, "
          f"CPU {babel.median('cpu') / helped.median('cpu'):.2f}x. On a loaded machine the wall figures wait "
          "for a core (python -c pass itself is then far over its idle ~20 ms): compare CPU.")


if __name__ == "__main__":
    main()
