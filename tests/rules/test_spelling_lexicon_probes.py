"""The known misspellings' binary search keeps the lines it probes in wide stretches
(``SortedTable._probes``): every answer must be the one of the plain search it replaced."""

from __future__ import annotations

from newslint.rules.spelling import lexicon as L
from newslint.rules.spelling.lexicon import SortedTable, _data, _pairs


def plain_find(data: bytes, start: int, key: bytes) -> str | None:
    """``SortedTable._find`` as it was: every probe read from the bytes."""
    lo, hi = start, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        nl = data.rfind(b"\n", lo, mid)
        line = lo if nl < 0 else nl + 1
        end = data.index(b"\n", line)
        tab = data.find(b"\t", line, end)
        here = data[line : tab if tab >= 0 else end]
        if here == key:
            return data[tab + 1 : end].decode("utf-8") if tab >= 0 else ""
        if here < key:
            lo = end + 1
        else:
            hi = line
    return None


def _keys_and_neighbours(step: int) -> list[str]:
    keys, _ = _pairs(_data("spelling_typos.tsv").decode("utf-8"))
    out = []
    for k in keys[::step]:
        out += [k, k[:-1], k + "a", k + "z", k[:1], "a" + k]
    return out + ["", "a", "zzzzzz", "\u00e9t\u00e9", "recieve", "spoeed"]


def test_the_kept_probes_give_the_plain_search_s_answers():
    table = SortedTable(_data("spelling_typos.tsv"))  # a fresh table: its probes fill as it goes
    words = _keys_and_neighbours(41)
    got = [table._find(w.encode()) for w in words]
    assert table._probes  # the wide stretches' lines were kept ...
    assert len(table._probes) <= 2 * len(table._data) // L.PROBE_KEPT_BYTES + 2  # ... and few
    again = [table._find(w.encode()) for w in words]  # now read from the kept probes
    want = [plain_find(table._data, table._start, w.encode()) for w in words]
    assert got == want and again == want
    assert sum(x is not None for x in want) > len(words) // 7  # the listed keys were found


def test_a_small_table_keeps_no_probe_and_still_finds_its_keys():
    small = SortedTable(b"# header\nalpha\tA\nbeta\tB,b\ngamma\tG\nkey-only\n")
    assert [small.get(k) for k in ("alpha", "beta", "gamma", "delta", "", "key-only")] == [
        "A", "B,b", "G", None, None, ""]
    assert not small._probes


def test_a_rare_word_is_found_by_its_word_hash():
    from bisect import bisect_left

    lex = L.lexicon()
    rare, index = lex._rare, L.rare_index()

    def by_word_hash(word: str) -> bool:
        h = L.word_hash(word)
        b = h >> L.RARE_SHIFT
        return rare[bisect_left(rare, h, index[b], index[b + 1])] == h

    words = ["submunitions", "submunitons", "Zelenskyy", "émigré", "naïveté", "Zürich", "zzzzqx", "", "'s",
             "o'clock", "\U0001f600", "Kronawitter", "hypovereinsbank", "demerger", "gazpromneft"]
    got = [lex._is_rare(w) for w in words]
    assert got == [by_word_hash(w) for w in words]
    assert got[0] and not got[1]  # "submunitions" is a rare word, its slip is none
