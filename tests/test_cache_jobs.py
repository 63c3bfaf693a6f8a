"""The result cache (``.newslint_cache/``, ``--no-cache``) and parallel workers (``--jobs``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

STORIES = (
    "The council voted 7-2 on Thursday,, ending a long debate.\n\nThe the mayor was not there.\n",
    "Firefighters contained the blaze on Wednesday, the chief said..\n",
    "Clean copy: the port opened its new terminal on Tuesday.\n",
    "“We built it on time,” said the director.. “And under budget.”\n",
)


def _stories(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        sub = folder / f"desk-{i % 3}"
        sub.mkdir(exist_ok=True)
        p = sub / f"story-{i:03d}.txt"
        p.write_text(f"Story {i}. " + STORIES[i % len(STORIES)], encoding="utf-8")
        out.append(p)
    return out


def _check(newslint, cwd, *args):
    proc = newslint("check", "--output-format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def _cache_files(root: Path) -> list[Path]:
    folder = root / ".newslint_cache"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_second_run_is_identical_and_served_from_the_cache(newslint, tmp_path):
    _stories(tmp_path / "stories", 12)
    first = _check(newslint, tmp_path, "stories")
    assert json.loads(first.stdout), "the stories have findings"
    [cache] = _cache_files(tmp_path)
    assert (tmp_path / ".newslint_cache" / ".gitignore").read_text().strip().endswith("*")
    stamp = cache.stat().st_mtime_ns, cache.stat().st_size
    second = _check(newslint, tmp_path, "stories")
    assert second.stdout == first.stdout
    assert second.returncode == first.returncode
    # Every file was a hit: nothing new to store, so the cache file was not rewritten.
    assert (cache.stat().st_mtime_ns, cache.stat().st_size) == stamp
    # The full report (which quotes source lines) is the same from the cache, too.
    full1 = newslint("check", "--no-cache", "stories", cwd=tmp_path)
    full2 = newslint("check", "stories", cwd=tmp_path)
    assert full1.stdout == full2.stdout


def test_cached_results_are_really_used(newslint, tmp_path):
    """White-box: a result planted in the cache is reported while the file is unchanged."""
    [p] = _stories(tmp_path / "stories", 1)
    _check(newslint, tmp_path, "stories")
    [cache] = _cache_files(tmp_path)
    doc = json.loads(cache.read_bytes())
    key = next(iter(doc["entries"]))
    diagnostics = doc["entries"][key][1][0]  # [digest, [diagnostics, notes, fixed]]
    for d in diagnostics:
        d[4] = "PLANTED " + d[4]  # the message
    cache.write_text(json.dumps(doc), encoding="utf-8")
    hit = json.loads(_check(newslint, tmp_path, "stories").stdout)
    assert hit and all(f["message"].startswith("PLANTED ") for f in hit)
    # Same size, same modification time, one character different: still a miss.
    st = p.stat()
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("Thursday", "Thursdax"), encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    miss = json.loads(_check(newslint, tmp_path, "stories").stdout)
    assert miss and not any(f["message"].startswith("PLANTED ") for f in miss)


def test_changed_content_is_checked_again(newslint, tmp_path):
    paths = _stories(tmp_path / "stories", 6)
    before = json.loads(_check(newslint, tmp_path, "stories").stdout)
    paths[2].write_text("Now the copy has a doubled comma,, here.\n", encoding="utf-8")
    paths[1].write_text("Now it is clean.\n", encoding="utf-8")
    after = json.loads(_check(newslint, tmp_path, "stories").stdout)
    fresh = json.loads(_check(newslint, tmp_path, "--no-cache", "stories").stdout)
    assert after == fresh
    assert after != before
    assert any(f["filename"].endswith("story-002.txt") and f["code"] == "PUN001" for f in after)
    assert not any(f["filename"].endswith("story-001.txt") for f in after)


@pytest.mark.parametrize(
    "config",
    [
        'ignore = ["PUN001"]\n',
        'extend-select = ["NUM001"]\n',
        '[severity]\n"doubled-punctuation" = "info"\n',
        '[per-file-ignores]\n"stories/desk-1/*" = ["PUN"]\n',
    ],
)
def test_config_changes_invalidate(newslint, tmp_path, config):
    _stories(tmp_path / "stories", 9)
    (tmp_path / "newslint.toml").write_text("")
    first = _check(newslint, tmp_path, "stories")
    (tmp_path / "newslint.toml").write_text(config)
    cached = _check(newslint, tmp_path, "stories")
    fresh = _check(newslint, tmp_path, "--no-cache", "stories")
    assert cached.stdout == fresh.stdout
    # Each of these settings changes the report for these stories (else the test proves nothing).
    if "NUM001" not in config:
        assert cached.stdout != first.stdout
    # Going back to the first settings reuses (or rebuilds) the first results exactly.
    (tmp_path / "newslint.toml").write_text("")
    assert _check(newslint, tmp_path, "stories").stdout == first.stdout


def test_vocabulary_changes_invalidate(newslint, tmp_path):
    """Accepted words, patterns and rejects decide findings: each is part of the cache key."""
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "s.txt").write_text("The council said the plan was flimbered and the mayor agreed.\n")
    toml = tmp_path / "newslint.toml"
    toml.write_text('[vocabulary]\naccept = ["zzz"]\n')
    before = json.loads(_check(newslint, tmp_path, "--select", "SPL001", "stories").stdout)
    assert [f["code"] for f in before] == ["SPL001"], "the made-up word is reported"
    for vocabulary in ('accept = ["zzz"]\naccept-patterns = ["flimber\\\\w*"]\n',
                       'accept = ["zzz", "flimbered"]\n',
                       'accept = ["zzz", "flimbered"]\nreject = ["agreed -> concurred"]\n'):
        toml.write_text("[vocabulary]\n" + vocabulary)
        cached = _check(newslint, tmp_path, "--select", "SPL001", "stories").stdout
        assert cached == _check(newslint, tmp_path, "--no-cache", "--select", "SPL001", "stories").stdout, vocabulary
        assert json.loads(cached) != before, vocabulary


def test_command_line_selection_is_part_of_the_key(newslint, tmp_path):
    _stories(tmp_path / "stories", 6)
    everything = _check(newslint, tmp_path, "stories")
    only = _check(newslint, tmp_path, "--select", "DUP001", "stories")
    assert {f["code"] for f in json.loads(only.stdout)} == {"DUP001"}
    assert _check(newslint, tmp_path, "stories").stdout == everything.stdout
    dated = _check(newslint, tmp_path, "--date", "2024-11-21", "stories")
    assert dated.stdout == _check(newslint, tmp_path, "--no-cache", "--date", "2024-11-21", "stories").stdout


def test_no_cache_writes_nothing(newslint, tmp_path):
    _stories(tmp_path / "stories", 5)
    _check(newslint, tmp_path, "--no-cache", "stories")
    assert not (tmp_path / ".newslint_cache").exists()
    assert not (tmp_path / "stories" / ".newslint_cache").exists()


def test_cache_lives_at_the_config_root(newslint, tmp_path):
    """Run from a subfolder: the cache goes next to newslint.toml, not into the working folder."""
    _stories(tmp_path / "stories", 4)
    (tmp_path / "newslint.toml").write_text('ignore = ["SPC"]\n')
    _check(newslint, tmp_path / "stories", ".")
    assert _cache_files(tmp_path)
    assert not (tmp_path / "stories" / ".newslint_cache").exists()


def test_fix_bypasses_the_cache_and_later_runs_see_the_fixed_files(newslint, tmp_path):
    _stories(tmp_path / "stories", 4)
    _check(newslint, tmp_path, "stories")
    fixed = newslint("check", "--fix", "--select", "PUN001", "stories", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    after = _check(newslint, tmp_path, "stories")
    assert after.stdout == _check(newslint, tmp_path, "--no-cache", "stories").stdout
    assert "PUN001" not in {f["code"] for f in json.loads(after.stdout)}


def test_a_damaged_cache_is_rebuilt(newslint, tmp_path):
    _stories(tmp_path / "stories", 4)
    first = _check(newslint, tmp_path, "stories")
    [cache] = _cache_files(tmp_path)
    cache.write_bytes(b"not a cache at all")
    again = _check(newslint, tmp_path, "stories")
    assert again.stdout == first.stdout
    assert json.loads(cache.read_bytes())["entries"]  # written back whole


def test_jobs_two_matches_jobs_one(newslint, tmp_path):
    _stories(tmp_path / "stories", 40)
    one = _check(newslint, tmp_path, "--no-cache", "--jobs", "1", "stories")
    two = _check(newslint, tmp_path, "--no-cache", "--jobs", "2", "stories")
    assert two.stdout == one.stdout
    assert two.returncode == one.returncode == 1
    names = [f["filename"] for f in json.loads(one.stdout)]
    assert names == sorted(names) and len(set(names)) >= 30
    # The same through the cache: --jobs 2 fills it, --jobs 1 reads it back.
    filled = _check(newslint, tmp_path, "--jobs", "2", "stories")
    [cache] = _cache_files(tmp_path)
    stamp = cache.stat().st_mtime_ns
    reread = _check(newslint, tmp_path, "--jobs", "1", "stories")
    assert filled.stdout == reread.stdout == one.stdout
    assert cache.stat().st_mtime_ns == stamp


def test_jobs_two_fix_matches_jobs_one(newslint, tmp_path):
    a = _stories(tmp_path / "a", 20)
    b = _stories(tmp_path / "b", 20)
    newslint("check", "--fix", "--no-cache", "--jobs", "1", "a", cwd=tmp_path)
    newslint("check", "--fix", "--no-cache", "--jobs", "2", "b", cwd=tmp_path)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert a[0].read_text() != f"Story 0. {STORIES[0]}"  # something was fixed


def test_jobs_rejects_bad_values(newslint, tmp_path):
    for bad in ("-1", "two"):
        proc = newslint("check", "--jobs", bad, ".", cwd=tmp_path)
        assert proc.returncode == 2
        assert "--jobs" in proc.stderr and "Traceback" not in proc.stderr
