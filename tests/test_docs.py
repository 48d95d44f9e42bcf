"""The README tells the truth: every CLI command and option is documented, generated parts are current."""

import re
from pathlib import Path

import pytest
import typer.main
from cogapp import Cog

from quotetrack.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def commands(command=None, path=()):
    """(command path, long options) for every leaf command of the CLI."""
    command = command or typer.main.get_command(app)
    children = getattr(command, "commands", None)
    if not children:
        options = sorted({opt for param in command.params for opt in param.opts if opt.startswith("--")})
        yield " ".join(path), options
        return
    for name, child in children.items():
        yield from commands(child, (*path, name))


def readme_section(command_path: str) -> str:
    """The README text from the command's heading (or first example) to the next ### heading."""
    text = README.read_text(encoding="utf-8")
    top = command_path.split()[0]
    match = re.search(rf"^### {re.escape(top)}\b.*?(?=^### |^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"README has no '### {top}' section"
    return match.group(0)


@pytest.mark.parametrize(("command_path", "options"), list(commands()), ids=lambda value: str(value))
def test_every_command_and_option_is_in_the_readme(command_path, options):
    section = readme_section(command_path)
    assert f"quotetrack {command_path}" in section
    missing = [option for option in options if option not in section and option != "--help"]
    assert not missing, f"README's {command_path.split()[0]} section does not mention {missing}"


def test_generated_sections_are_current():
    """`cog -r README.md` would change nothing: the data-model tables match the schema."""
    cog = Cog()
    cog.options.verbosity = 0
    assert cog.main(["cog", "--check", str(README)]) == 0, "README is stale: run `cog -r README.md`"
