"""MS-OVBA compression, the MS-CFB writer and the source-only vbaProject.bin writer.

Everything written here is read back by independent readers: oletools' decompressor and
``olevba``, and ``olefile`` (in its strict mode) for the compound file.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.addin import ovba

olefile = pytest.importorskip("olefile")
olevba = pytest.importorskip("oletools.olevba")

XLWINGS = Path(pytest.importorskip("xlwings").__file__).parent


def oletools_decompress(data: bytes) -> bytes:
    return bytes(olevba.decompress_stream(bytearray(data)))


# --- compression --------------------------------------------------------------------------

# [MS-OVBA] §3.2.1-3.2.3: the specification's own worked examples.
SPEC_EXAMPLES = [
    (
        b"abcdefghijklmnopqrstuv.",
        "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
    ),
    (
        b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
        "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20"
        " 6D 6E 6F 70 06 71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
    ),
    (b"a" * 73, "01 03 B0 02 61 45 00"),
]


@pytest.mark.parametrize(("plain", "packed"), SPEC_EXAMPLES)
def test_compression_reproduces_the_specification_examples(plain, packed):
    assert ovba.compress(plain) == bytes.fromhex(packed)
    assert ovba.decompress(bytes.fromhex(packed)) == plain
    assert oletools_decompress(bytes.fromhex(packed)) == plain


def _check_round_trip(data: bytes) -> None:
    packed = ovba.compress(data)
    ours, theirs = ovba.decompress(packed), oletools_decompress(packed)
    assert ours == theirs
    # only an incompressible last chunk, stored raw, comes back padded to 4096 bytes
    assert ours[: len(data)] == data
    assert set(ours[len(data) :]) <= {0}
    if len(ours) != len(data):
        assert len(data) % 4096 > 3000


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=9000))
def test_random_bytes_round_trip(data):
    _check_round_trip(data)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([b"a", b"ab", b"Sub ", b"End Sub\r\n", b"    ", b"\x00", b"xyz"]),
             max_size=3000).map(b"".join)
)  # fmt: skip
def test_repetitive_text_round_trips_exactly(data):
    packed = ovba.compress(data)
    assert ovba.decompress(packed) == data
    assert oletools_decompress(packed) == data
    if len(data) > 200:
        assert len(packed) < len(data)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4095, 4096, 4097, 8191, 8192, 8193, 3 * 4096 + 5])
@pytest.mark.parametrize("kind", ["text", "same", "random"])
def test_chunk_boundaries(size, kind):
    import random

    rng = random.Random(size)
    if kind == "text":
        words = [b"Dim ", b"x", b" As Long\r\n", b"RunPython ", b'"import m"', b"'", b"End If"]
        data = b"".join(rng.choice(words) for _ in range(size))[:size]
    elif kind == "same":
        data = b"=" * size
    else:
        data = rng.randbytes(size)
    _check_round_trip(data)
    if kind != "random":
        assert ovba.decompress(ovba.compress(data)) == data


def test_a_real_module_compresses_and_round_trips():
    source = (XLWINGS / "xlwings_custom_addin.bas").read_bytes()
    packed = ovba.compress(source)
    assert len(source) > 40_000 and len(packed) < len(source) / 2
    assert oletools_decompress(packed) == source == ovba.decompress(packed)


def test_copy_token_split_depends_on_the_position_in_the_chunk():
    # §2.4.1.3.19.1: 4 offset bits up to 16 bytes into a chunk, 12 bits near its end
    assert ovba._copy_token_help(1) == (4, 0x0FFF, 4098)
    assert ovba._copy_token_help(16) == (4, 0x0FFF, 4098)
    assert ovba._copy_token_help(17) == (5, 0x07FF, 2050)
    assert ovba._copy_token_help(4096) == (12, 0x000F, 18)


def test_decompress_rejects_garbage():
    for bad in (b"", b"\x02abc", b"\x01\x00\x00"):
        with pytest.raises(ValueError):
            ovba.decompress(bad)


# --- compound file ------------------------------------------------------------------------


def _strict(data: bytes):
    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)


def _check_tree(ole) -> None:
    """Every storage's children: a binary search tree in MS-CFB order, and red-black."""
    entries = ole.direntries

    def key(sid):
        name = entries[sid].name
        return len(name), name.upper()

    def walk(sid, lo, hi):  # returns black height; checks order and colours
        if sid == olefile.NOSTREAM:
            return 1
        e = entries[sid]
        assert lo is None or key(sid) > lo
        assert hi is None or key(sid) < hi
        if e.color == 0:  # red: both children black
            for child in (e.sid_left, e.sid_right):
                assert child == olefile.NOSTREAM or entries[child].color == 1
        left = walk(e.sid_left, lo, key(sid))
        right = walk(e.sid_right, key(sid), hi)
        assert left == right
        return left + (e.color == 1)

    for e in entries:
        if e is not None and e.entry_type in (olefile.STGTY_STORAGE, olefile.STGTY_ROOT):
            if e.sid_child != olefile.NOSTREAM:
                assert entries[e.sid_child].color == 1  # the root of a tree is black
            walk(e.sid_child, None, None)


names = st.text(alphabet="ABCabc_019", min_size=1, max_size=12)
sizes = st.sampled_from([0, 1, 63, 64, 65, 511, 512, 513, 4095, 4096, 4097, 9000])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.tuples(st.sampled_from(["", "VBA/", "VBA/Sub/", "Other/"]), names),
        st.tuples(sizes, st.integers(0, 255)),
        min_size=1,
        max_size=25,
    )
)
def test_compound_file_reads_back_with_olefile(spec):
    streams: dict[str, bytes] = {}
    taken: set[str] = set()
    for (folder, name), (size, fill) in spec.items():
        path = folder + name
        if path.upper() in taken or folder.rstrip("/").upper() in taken:
            continue
        if any(path.upper() == (t + "/").upper() or t.upper().startswith(path.upper() + "/")
               for t in taken):  # fmt: skip
            continue
        taken.add(path.upper())
        streams[path] = bytes([fill, (fill + 1) % 256]) * (size // 2) + bytes(size % 2)
    data = ovba.write_cfb(streams)
    assert len(data) % 512 == 0
    ole = _strict(data)
    listed = {"/".join(p) for p in ole.listdir(streams=True, storages=False)}
    assert listed == set(streams)
    for path, content in streams.items():
        assert ole.get_size(path) == len(content)
        assert ole.openstream(path).read() == content
    _check_tree(ole)


def test_compound_file_with_many_entries_and_sectors():
    streams = {f"S/n{i:02d}": bytes([i]) * (100 * i) for i in range(60)}  # mini + regular
    streams |= {f"big{i}": bytes([i]) * 70_000 for i in range(3)}  # needs several FAT sectors
    data = ovba.write_cfb(streams)
    ole = _strict(data)
    num_fat = struct.unpack_from("<I", data, 0x2C)[0]
    assert num_fat > 1
    assert struct.unpack_from("<I", data, 0x40)[0] > 1  # several mini FAT sectors
    for path, content in streams.items():
        assert ole.openstream(path).read() == content
    _check_tree(ole)


def test_compound_file_is_reproducible_and_rejects_bad_names():
    streams = {"VBA/dir": b"x" * 10, "PROJECT": b"y" * 5000}
    assert ovba.write_cfb(streams) == ovba.write_cfb(dict(reversed(streams.items())))
    for bad in ({"a/": b""}, {"x" * 32: b""}, {"a:b": b""}, {"a": b"", "A": b""}):
        with pytest.raises(ValueError):
            ovba.write_cfb(bad)
    with pytest.raises(ValueError):
        ovba.write_cfb({"a": b"1", "a/b": b"2"})


# --- VBA project --------------------------------------------------------------------------


def _modules() -> list[ovba.Module]:
    return [
        ovba.Module.document(
            "ThisWorkbook", ovba.WORKBOOK_BASE, "Private Sub Workbook_Open()\n    Hi\nEnd Sub\n"
        ),
        ovba.Module.document("Sheet1", ovba.SHEET_BASE),
        ovba.Module.from_bas(
            'Attribute VB_Name = "Hello"\r\nPublic Sub Hi()\r\n    MsgBox "Halo, dunia"\r\nEnd Sub\r\n'
        ),
        ovba.Module.from_bas(
            'Attribute VB_Name = "Big"\n' + "".join(f"' line {i}\n" for i in range(3000))
        ),
        ovba.Module.from_cls((XLWINGS / "addin" / "Dictionary.cls").read_text(encoding="utf-8")),
    ]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ovba") / "vbaProject.bin"
    path.write_bytes(ovba.vba_project_bin(_modules(), project_name="xl_ar"))
    return path


def test_olevba_reads_every_module_back_exactly(project):
    parser = olevba.VBA_Parser(str(project))
    got = {name: code for _, _, name, code in parser.extract_macros()}
    parser.close()
    expected = {m.name + (".bas" if m.kind == "standard" else ".cls"): m.source for m in _modules()}
    assert got == expected
    assert got["Hello.bas"].endswith('MsgBox "Halo, dunia"\r\nEnd Sub\r\n')


def test_project_streams(project):
    ole = _strict(project.read_bytes())
    assert sorted("/".join(p) for p in ole.listdir()) == [
        "PROJECT", "PROJECTwm", "VBA/Big", "VBA/Dictionary", "VBA/Hello", "VBA/Sheet1",
        "VBA/ThisWorkbook", "VBA/_VBA_PROJECT", "VBA/dir",
    ]  # fmt: skip
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("cc61ffff000100")
    text = ole.openstream("PROJECT").read().decode("cp1252")
    lines = text.split("\r\n")
    pid = ovba.project_id("xl_ar")
    assert lines[0] == f'ID="{pid}"'
    assert lines[1:6] == [
        "Document=ThisWorkbook/&H00000000", "Document=Sheet1/&H00000000",
        "Module=Hello", "Module=Big", "Class=Dictionary",
    ]  # fmt: skip
    assert 'Name="xl_ar"' in lines and "[Host Extender Info]" in lines
    values = dict(
        line.split("=", 1) for line in lines if line.split("=")[0] in ("CMG", "DPB", "GC")
    )
    key = sum(pid.encode()) & 0xFF
    assert ovba.decrypt_project_data(values["CMG"].strip('"')) == (key, bytes(4))  # unprotected
    assert ovba.decrypt_project_data(values["DPB"].strip('"')) == (key, b"\x00")  # no password
    assert ovba.decrypt_project_data(values["GC"].strip('"')) == (key, b"\xff")  # visible
    wm = ole.openstream("PROJECTwm").read()
    assert wm.startswith(b"ThisWorkbook\x00T\x00h\x00") and wm.endswith(b"\x00\x00\x00\x00")


def test_dir_stream_records(project):
    ole = _strict(project.read_bytes())
    data = ovba.decompress(ole.openstream("VBA/dir").read())
    records, pos = [], 0
    while pos < len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        if rid == 0x0009:  # PROJECTVERSION: its "size" is a reserved 4 and 6 bytes follow
            size = 6
        records.append((rid, data[pos + 6 : pos + 6 + size]))
        pos += 6 + size
    ids = [r for r, _ in records]
    assert ids[:4] == [0x0001, 0x0002, 0x0014, 0x0003]
    assert dict(records)[0x0003] == struct.pack("<H", 1252)
    assert dict(records)[0x0004] == b"xl_ar"
    assert ids[-1] == 0x0010
    assert [v for r, v in records if r == 0x0016] == [b"stdole", b"Office"]
    assert [v for r, v in records if r == 0x0019] == [b"ThisWorkbook", b"Sheet1", b"Hello", b"Big",
                                                      b"Dictionary"]  # fmt: skip
    types = [r for r in ids if r in (0x0021, 0x0022)]
    assert types == [0x0022, 0x0022, 0x0021, 0x0021, 0x0022]
    assert all(v == bytes(4) for r, v in records if r == 0x0031)  # MODULEOFFSET: source only


def test_project_data_encryption_matches_a_file_saved_by_excel():
    # the PROJECT stream of xlwings' quickstart add-in, saved by Excel
    ole = olefile.OleFileIO(_quickstart_vba_bin())
    text = ole.openstream("PROJECT").read().decode("cp1252")
    values = dict(line.split("=", 1) for line in text.split("\r\n") if "=" in line)
    key = sum(values["ID"].strip('"').encode()) & 0xFF
    assert ovba.decrypt_project_data(values["CMG"].strip('"')) == (key, bytes(4))
    assert ovba.decrypt_project_data(values["GC"].strip('"')) == (key, b"\xff")
    for seed in (0x00, 0x5D, 0xFF):
        blob = ovba.encrypt_project_data(b"\x01\x02\x03", values["ID"].strip('"'), seed)
        assert ovba.decrypt_project_data(blob) == (key, b"\x01\x02\x03")


def _quickstart_vba_bin() -> io.BytesIO:
    import zipfile

    with zipfile.ZipFile(XLWINGS / "quickstart_addin_ribbon.xlam") as zf:
        return io.BytesIO(zf.read("xl/vbaProject.bin"))


def test_class_module_matches_the_one_excel_stored():
    # Excel keeps the same attribute block for xlwings' Dictionary class; its editor only
    # re-cases a few keywords (err.Raise -> Err.Raise)
    parser = olevba.VBA_Parser("quickstart.xlam", data=_quickstart_vba_bin().getvalue())
    stored = {name: code for _, _, name, code in parser.extract_macros()}["Dictionary.cls"]
    ours = ovba.Module.from_cls((XLWINGS / "addin" / "Dictionary.cls").read_text("utf-8"))
    assert ours.source.lower() == stored.lower()
    assert ours.source.splitlines()[:8] == stored.splitlines()[:8]
    sheet = {name: code for _, _, name, code in parser.extract_macros()}["Sheet2.cls"]
    assert ovba.Module.document("Sheet2", ovba.SHEET_BASE).source == sheet


def test_module_validation():
    with pytest.raises(ValueError, match="VB_Name"):
        ovba.Module("A", 'Attribute VB_Name = "B"\n')
    with pytest.raises(ValueError, match="must start"):
        ovba.Module.from_bas("Sub X()\nEnd Sub\n")
    with pytest.raises(ValueError):
        ovba.Module("1abc", 'Attribute VB_Name = "1abc"\n')
    with pytest.raises(ValueError, match="duplicate"):
        ovba.vba_project_bin([_modules()[2], _modules()[2]])
    with pytest.raises(ValueError, match="project name"):
        ovba.vba_project_bin([_modules()[2]], project_name="Hello")
    assert ovba.normalize_source("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd\r\n"
