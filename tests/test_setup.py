"""The README's two set-up commands are real Makefile targets, and CI runs the README's test command."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", setup, re.DOTALL).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]


def test_readme_has_two_setup_commands():
    assert readme_commands() == ["make build", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = readme_commands()[1]
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert test_command in commands


def test_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build", "serve", "test"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_ci_only_runs_make_test():
    """Whatever the tests need is installed by `make test` itself, so CI adds no set-up of its own."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines()
                if line.strip() and not line.strip().startswith("#") and not line.startswith(("set ", "cd "))]
    assert commands == [readme_commands()[1]], commands
