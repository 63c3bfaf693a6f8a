"""The store of compiled patterns (linter.patterns): same findings with or without it, and
a damaged or hostile store file is never trusted."""

from __future__ import annotations

import json
import pickle

STORY = (
    "The storm cut power to 4 miles (16 kilometers) of the coast on Tuesday, Nov. 5, 2024, "
    "officials said..\n\nCrews worked through the the night.\n"
)


def _findings(newslint, path, store):
    proc = newslint("check", "--isolated", "--no-cache", "--output-format", "json", str(path),
                    env={"NEWSLINT_PATTERN_CACHE": str(store)})
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def _store_file(store):
    files = list(store.glob("patterns-*.pickle"))
    assert len(files) == 1, files
    return files[0]


def test_first_and_second_run_agree_and_the_store_is_written(newslint, story, tmp_path):
    path = story(STORY)
    store = tmp_path / "store"
    first = _findings(newslint, path, store)
    assert {f["name"] for f in first} >= {"doubled-punctuation", "repeated-word", "unit-conversion"}
    entries = pickle.loads(_store_file(store).read_bytes())
    assert len(entries) > 50 and all(isinstance(v, bytes) for v in entries.values())
    assert _findings(newslint, path, store) == first


def test_store_off_writes_nothing(newslint, story, tmp_path):
    path = story(STORY)
    proc = newslint("check", "--isolated", "--no-cache", str(path), env={"NEWSLINT_PATTERN_CACHE": "off"},
                    cwd=tmp_path)
    assert proc.returncode == 1 and "PUN001" in proc.stdout
    assert not list(tmp_path.rglob("patterns-*.pickle"))


def test_corrupt_store_is_ignored_and_rewritten(newslint, story, tmp_path):
    path = story(STORY)
    store = tmp_path / "store"
    expected = _findings(newslint, path, store)
    target = _store_file(store)
    target.write_bytes(b"\x80\x05not a pickle at all")
    assert _findings(newslint, path, store) == expected
    assert isinstance(pickle.loads(target.read_bytes()), dict)


class _Evil:
    def __reduce__(self):
        return (exec, ("open(__import__('os').environ['EVIL_MARK'], 'w').write('ran')",))


def test_a_store_that_would_run_code_is_refused(newslint, story, tmp_path):
    path = story(STORY)
    store = tmp_path / "store"
    expected = _findings(newslint, path, store)
    target = _store_file(store)
    entries = pickle.loads(target.read_bytes())
    # Both a whole-file payload and one hidden in an entry must be refused.
    entries = {k: pickle.dumps(_Evil()) for k in entries}
    target.write_bytes(pickle.dumps(entries))
    mark = tmp_path / "mark"
    proc = newslint("check", "--isolated", "--no-cache", "--output-format", "json", str(path),
                    env={"NEWSLINT_PATTERN_CACHE": str(store), "EVIL_MARK": str(mark)})
    assert json.loads(proc.stdout) == expected
    target.write_bytes(pickle.dumps(_Evil()))
    proc = newslint("check", "--isolated", "--no-cache", "--output-format", "json", str(path),
                    env={"NEWSLINT_PATTERN_CACHE": str(store), "EVIL_MARK": str(mark)})
    assert json.loads(proc.stdout) == expected
    assert not mark.exists()
