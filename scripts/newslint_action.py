"""The GitHub Action's step (``action.yml``): pick the files, run newslint with annotations,
write SARIF when asked, and set the step's outputs.

Run by the composite action after newslint is installed, with the inputs in ``INPUT_*``
environment variables and GitHub's own (``GITHUB_EVENT_NAME``, ``GITHUB_EVENT_PATH``,
``GITHUB_OUTPUT``, ``GITHUB_WORKSPACE``). Nothing here needs the network, except fetching a
pull request's base commit when the checkout is too shallow to hold it.

Exit status: newslint's own (0 clean, 1 findings, 2 error), or 0 with ``fail-on-findings:
false`` when there are only findings.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence

ZERO_SHA = "0" * 40


def log(message: str) -> None:
    sys.stderr.write(message + "\n")


def input_value(name: str, default: str = "") -> str:
    """An action input, as action.yml passes it: ``INPUT_<NAME>``, dashes as underscores."""
    return os.environ.get("INPUT_" + name.upper().replace("-", "_"), default).strip()


def input_flag(name: str, default: bool = False) -> bool:
    value = input_value(name, "true" if default else "false").lower()
    if value not in ("true", "false", ""):
        raise SystemExit(f"::error title=newslint action::input {name} must be true or false, not {value!r}")
    return value == "true" if value else default


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def has_commit(sha: str) -> bool:
    return git("cat-file", "-e", f"{sha}^{{commit}}").returncode == 0


def base_commit() -> str | None:
    """The commit the change is measured against: a pull request's base, or what a push
    replaced; None when the event names none (or it cannot be had)."""
    path = os.environ.get("GITHUB_EVENT_PATH", "")
    try:
        with open(path, encoding="utf-8") as fh:
            event = json.load(fh)
    except (OSError, ValueError):
        return None
    name = os.environ.get("GITHUB_EVENT_NAME", "")
    sha = None
    if name.startswith("pull_request") or name == "merge_group":
        sha = (event.get("pull_request") or {}).get("base", {}).get("sha") or \
            (event.get("merge_group") or {}).get("base_sha")
    elif name == "push":
        sha = event.get("before")
    if not sha or sha == ZERO_SHA:
        return None
    if not has_commit(sha):  # a shallow checkout: fetch just that commit
        git("fetch", "--no-tags", "--quiet", "--depth=1", "origin", sha)
        if not has_commit(sha):
            log(f"::notice title=newslint::base commit {sha[:12]} is not available; checking the paths given")
            return None
    return sha


def changed_files(base: str, suffixes: Sequence[str]) -> list[str]:
    """Files added, copied, modified or renamed since ``base`` that newslint reads."""
    proc = git("-c", "core.quotePath=false", "diff", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames",
               base, "HEAD")
    if proc.returncode != 0:
        raise SystemExit(f"::error title=newslint action::git diff failed: {proc.stderr.strip()}")
    names = [n for n in proc.stdout.split("\0") if n]
    return sorted(n for n in names if n.lower().endswith(tuple(suffixes)) and os.path.isfile(n))


def newslint_suffixes() -> tuple[str, ...]:
    from newslint.plugins import load_engine

    return load_engine().suffixes()


def set_output(name: str, value: str) -> None:
    path = os.environ.get("GITHUB_OUTPUT")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as fh:
        if "\n" in value:
            fh.write(f"{name}<<NEWSLINT_EOF\n{value}\nNEWSLINT_EOF\n")
        else:
            fh.write(f"{name}={value}\n")


def main() -> int:
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        os.chdir(workspace)
    paths = shlex.split(input_value("paths"))
    extra = shlex.split(input_value("args"))
    sarif = input_flag("sarif")
    sarif_file = input_value("sarif-file") or "newslint.sarif"
    changed_only = input_flag("changed-files-only", True)
    changed_lines = input_flag("changed-lines-only")
    fail = input_flag("fail-on-findings", True)

    base = base_commit() if (changed_only or changed_lines) else None
    if not paths:
        if changed_only and base is not None:
            paths = changed_files(base, newslint_suffixes())
            if not paths:
                log("newslint: no changed files to check")
                set_output("files", "")
                set_output("exit-code", "0")
                if sarif:  # an empty log, so the upload step still has its file
                    write_empty_sarif(sarif_file)
                    set_output("sarif-file", sarif_file)
                return 0
        else:
            paths = ["."]
    set_output("files", "\n".join(paths))
    options = list(extra)
    if changed_lines and base is not None:
        options += ["--diff-base", base]
    if not fail:
        options.append("--exit-zero")

    code = run_newslint(["--output-format", "github", *options, "--", *paths])
    if sarif:
        run_newslint(["--output-format", "sarif", *options, "--", *paths], sarif_file)
        set_output("sarif-file", sarif_file)
    set_output("exit-code", str(code))
    return code


def write_empty_sarif(path: str) -> None:
    """A SARIF log with no results, so the upload step still has a file to upload."""
    data = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "newslint"}}, "results": []}]}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
        fh.write("\n")


def run_newslint(args: list[str], out_file: str | None = None) -> int:
    """Run ``newslint check`` with this Python (the one it was installed into); its stdout
    goes to ours (annotations) or to ``out_file``."""
    command = [sys.executable, "-m", "newslint", "check", *args]
    log("newslint: " + shlex.join(["newslint", "check", *args]))
    sys.stdout.flush()
    if out_file is None:
        return subprocess.run(command).returncode
    with open(out_file, "w", encoding="utf-8") as fh:
        return subprocess.run(command, stdout=fh).returncode


if __name__ == "__main__":
    sys.exit(main())
