"""Write ``vbaProject.bin`` from VBA source text, on any OS.

Three layers, each small and each checked against an independent reader in the tests:

* :func:`compress` / :func:`decompress` -- the MS-OVBA §2.4.1 "CompressedContainer" run-length
  scheme that every VBA stream (``dir`` and module source) uses.
* :func:`write_cfb` -- a minimal writer of MS-CFB compound files (version 3, 512-byte sectors,
  the mini stream for streams under 4096 bytes, a red-black directory tree).
* :func:`vba_project_bin` -- a *source-only* VBA project (``_VBA_PROJECT`` version 0xFFFF, no
  performance cache, every ``MODULEOFFSET`` 0), which MS-OVBA tells writers to produce: Office
  compiles it from the source when the file is opened.

Examples
--------
>>> decompress(compress(b"abcabcabcabcabc")) == b"abcabcabcabcabc"
True
>>> compress(b"")
b'\\x01'
>>> Module.from_bas('Attribute VB_Name = "Hello"\\nSub Hi()\\nEnd Sub\\n').name
'Hello'
"""

from __future__ import annotations

import hashlib
import struct
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CLASS_BASE",
    "DEFAULT_REFERENCES",
    "SHEET_BASE",
    "WORKBOOK_BASE",
    "Module",
    "Reference",
    "compress",
    "decompress",
    "decrypt_project_data",
    "encrypt_project_data",
    "normalize_source",
    "project_id",
    "vba_project_bin",
    "write_cfb",
]

# --------------------------------------------------------------------------------------------
# MS-OVBA §2.4.1 compression
# --------------------------------------------------------------------------------------------

CHUNK = 4096  # decompressed bytes per chunk
_SIGNATURE = 0x01


def _copy_token_help(difference: int) -> tuple[int, int, int]:
    """``(bit_count, length_mask, maximum_length)`` for a copy token (§2.4.1.3.19.1).

    ``difference`` is how far the current position is from the start of its chunk; the more
    bytes already decompressed, the more bits the offset needs and the fewer the length gets.
    """
    bit_count = max((difference - 1).bit_length(), 4)
    length_mask = 0xFFFF >> bit_count
    return bit_count, length_mask, length_mask + 3


def _compress_chunk(chunk: bytes) -> bytes:
    """Token sequences of one chunk (without the 2-byte header): the longest, nearest match."""
    out = bytearray()
    n = len(chunk)
    heads: dict[bytes, list[int]] = {}  # 3-byte prefix -> earlier positions, ascending
    pos = 0

    def remember(start: int, stop: int) -> None:
        for p in range(start, min(stop, n - 2)):
            heads.setdefault(chunk[p : p + 3], []).append(p)

    while pos < n:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= n:
                break
            best_len = best_off = 0
            if pos and n - pos >= 3:
                bit_count, _, max_len = _copy_token_help(pos)
                max_len = min(max_len, n - pos)
                for cand in reversed(heads.get(chunk[pos : pos + 3], ())):
                    length = 3
                    while length < max_len and chunk[cand + length] == chunk[pos + length]:
                        length += 1
                    if length > best_len:
                        best_len, best_off = length, pos - cand
                        if length == max_len:
                            break
            if best_len >= 3:
                token = ((best_off - 1) << (16 - bit_count)) | (best_len - 3)
                out += token.to_bytes(2, "little")
                flags |= 1 << bit
                remember(pos, pos + best_len)
                pos += best_len
            else:
                out.append(chunk[pos])
                remember(pos, pos + 1)
                pos += 1
        out[flag_at] = flags
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer.

    A chunk whose tokens would not fit in 4096 bytes is stored raw (§2.4.1.3.10); a raw chunk
    always decompresses to 4096 bytes, so a *last* chunk stored raw comes back padded with
    NULs -- only for incompressible data (random bytes), never for VBA source text.
    """
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK):
        chunk = bytes(data[start : start + CHUNK])
        body = _compress_chunk(chunk)
        if len(body) <= CHUNK:
            out += (0xB000 | (len(body) - 1)).to_bytes(2, "little")  # flag 1, signature 0b011
            out += body
        else:
            out += (0x3000 | (CHUNK - 1)).to_bytes(2, "little")  # flag 0: raw, 4096 bytes
            out += chunk.ljust(CHUNK, b"\x00")
    return bytes(out)


def decompress(data: bytes) -> bytes:
    """Inverse of :func:`compress` for any valid CompressedContainer (§2.4.1.3.1)."""
    if not data or data[0] != _SIGNATURE:
        raise ValueError("not an MS-OVBA compressed container (signature byte is not 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(data):
        if pos + 2 > len(data):
            raise ValueError(f"truncated chunk header at byte {pos}")
        header = int.from_bytes(data[pos : pos + 2], "little")
        if (header >> 12) & 0b111 != 0b011:
            raise ValueError(f"bad chunk signature at byte {pos}")
        end = min(pos + (header & 0x0FFF) + 3, len(data))
        pos += 2
        start = len(out)
        if not header & 0x8000:
            out += data[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= end:
                    break
                if not (flags >> bit) & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                token = int.from_bytes(data[pos : pos + 2], "little")
                pos += 2
                bit_count, length_mask, _ = _copy_token_help(len(out) - start)
                length = (token & length_mask) + 3
                source = len(out) - ((token >> (16 - bit_count)) + 1)
                if source < start:
                    raise ValueError("copy token reaches before its chunk")
                for k in range(length):  # byte by byte: a copy may overlap its own output
                    out.append(out[source + k])
    return bytes(out)


# --------------------------------------------------------------------------------------------
# MS-CFB writer
# --------------------------------------------------------------------------------------------

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_FATSECT = 0xFFFFFFFD
_NOSTREAM = 0xFFFFFFFF
_RED, _BLACK = 0, 1
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_PER_SECTOR = SECTOR // 4  # FAT / mini FAT entries per sector


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Entry] = field(default_factory=dict)  # key: upper-case name
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM
    color: int = _BLACK
    start: int = 0
    size: int = 0


def _cfb_key(name: str) -> tuple[int, str]:
    """MS-CFB directory order: shorter names first, then by upper-case name."""
    return len(name.encode("utf-16-le")) // 2, name.upper()


def _tree(entries: list[_Entry], ids: dict[int, int]) -> int:
    """Link ``entries`` (one storage's children) as a balanced red-black tree; return the root.

    The middle element is the root of each subtree, so every missing child sits on the last
    two levels; colouring the deepest level red (when it is not full) and the rest black keeps
    the black height of every path equal, as MS-CFB §2.6.4 asks.
    """
    ordered = sorted(entries, key=lambda e: _cfb_key(e.name))
    depth: dict[int, int] = {}

    def build(lo: int, hi: int, level: int) -> int:
        if lo >= hi:
            return _NOSTREAM
        mid = (lo + hi) // 2
        node = ordered[mid]
        depth[id(node)] = level
        node.left = build(lo, mid, level + 1)
        node.right = build(mid + 1, hi, level + 1)
        return ids[id(node)]

    root = build(0, len(ordered), 0)
    if ordered:
        deepest = max(depth.values())
        full = len(ordered) == 2 ** (deepest + 1) - 1
        for node in ordered:
            node.color = _RED if depth[id(node)] == deepest and not full and deepest else _BLACK
    return root


def _dir_entry(e: _Entry | None) -> bytes:
    if e is None:
        return struct.pack(
            "<64sHBBIII16sIQQIQ", b"", 0, 0, 0, _NOSTREAM, _NOSTREAM, _NOSTREAM,
            b"", 0, 0, 0, 0, 0,
        )  # fmt: skip
    name = e.name.encode("utf-16-le") + b"\x00\x00"
    return struct.pack(
        "<64sHBBIII16sIQQIQ", name, len(name), e.kind, e.color, e.left, e.right, e.child,
        b"", 0, 0, 0, e.start, e.size,
    )  # fmt: skip


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else _ENDOFCHAIN


def write_cfb(streams: Mapping[str, bytes]) -> bytes:  # noqa: C901
    """A compound file holding ``streams``: ``{"VBA/dir": b"...", "PROJECT": b"..."}``.

    Storages are made from the ``/``-separated paths. All timestamps and CLSIDs are zero and
    the layout depends only on the names and bytes given, so the output is reproducible.
    """
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        *folders, leaf = path.split("/")
        node = root
        for part in [*folders, leaf]:
            if not part or len(part) > 31 or any(c in part for c in "/\\:!"):
                raise ValueError(f"invalid compound-file name {part!r} in {path!r}")
        for part in folders:
            node = node.children.setdefault(part.upper(), _Entry(part, _STORAGE))
            if node.kind != _STORAGE:
                raise ValueError(f"{path!r}: {part!r} is a stream")
        if leaf.upper() in node.children:
            raise ValueError(f"duplicate compound-file entry {path!r}")
        node.children[leaf.upper()] = _Entry(leaf, _STREAM, bytes(data))

    order: list[_Entry] = []  # directory entries, pre-order; root first

    def walk(e: _Entry) -> None:
        order.append(e)
        for child in sorted(e.children.values(), key=lambda c: _cfb_key(c.name)):
            walk(child)

    walk(root)
    ids = {id(e): i for i, e in enumerate(order)}
    for e in order:
        if e.kind != _STREAM:
            e.child = _tree(list(e.children.values()), ids)
    root.color = _BLACK

    small = [e for e in order if e.kind == _STREAM and len(e.data) < MINI_CUTOFF]
    large = [e for e in order if e.kind == _STREAM and len(e.data) >= MINI_CUTOFF]

    # mini stream and mini FAT
    mini = bytearray()
    minifat: list[int] = []
    for e in small:
        e.size = len(e.data)
        if not e.data:
            e.start = _ENDOFCHAIN
            continue
        count = -(-len(e.data) // MINI_SECTOR)
        e.start = len(minifat)
        minifat += [0] * count
        _chain(minifat, e.start, count)
        mini += e.data.ljust(count * MINI_SECTOR, b"\x00")

    n_dir = -(-len(order) // 4)
    n_minifat = -(-len(minifat) // _PER_SECTOR)
    n_mini = -(-len(mini) // SECTOR)
    n_large = sum(-(-len(e.data) // SECTOR) for e in large)
    n_other = n_dir + n_minifat + n_mini + n_large
    n_fat = 1
    while n_fat * _PER_SECTOR < n_other + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for a header-only DIFAT (about 6.8 MB)")

    fat = [_FREESECT] * (n_fat * _PER_SECTOR)
    for i in range(n_fat):
        fat[i] = _FATSECT
    first_dir = n_fat
    _chain(fat, first_dir, n_dir)
    first_minifat = first_dir + n_dir
    _chain(fat, first_minifat, n_minifat)
    first_mini = first_minifat + n_minifat
    _chain(fat, first_mini, n_mini)
    sector = first_mini + n_mini
    body = bytearray()
    for e in large:
        count = -(-len(e.data) // SECTOR)
        e.start, e.size = sector, len(e.data)
        _chain(fat, sector, count)
        body += e.data.ljust(count * SECTOR, b"\x00")
        sector += count
    root.start = first_mini if mini else _ENDOFCHAIN
    root.size = len(minifat) * MINI_SECTOR

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x003E, 0x0003, 0xFFFE, 9, 6, b"",
        0, n_fat, first_dir, 0, MINI_CUTOFF,
        first_minifat if n_minifat else _ENDOFCHAIN, n_minifat, _ENDOFCHAIN, 0,
    )  # fmt: skip
    difat = list(range(n_fat)) + [_FREESECT] * (109 - n_fat)
    header += struct.pack("<109I", *difat)

    directory = b"".join(_dir_entry(e) for e in order)
    directory += _dir_entry(None) * (n_dir * 4 - len(order))
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += struct.pack("<I", _FREESECT) * (n_minifat * _PER_SECTOR - len(minifat))
    parts = [
        header,
        struct.pack(f"<{len(fat)}I", *fat),
        directory,
        minifat_bytes,
        bytes(mini.ljust(n_mini * SECTOR, b"\x00")),
        bytes(body),
    ]
    return b"".join(parts)


# --------------------------------------------------------------------------------------------
# MS-OVBA project
# --------------------------------------------------------------------------------------------

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"  # Excel Workbook document module
SHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"  # Excel Worksheet document module
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"  # plain class module

ModuleKind = Literal["standard", "document", "class"]


def normalize_source(text: str) -> str:
    """CRLF line ends and a final CRLF, as the VBA editor stores module source."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return "".join(line + "\r\n" for line in lines)


def _vb_name(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    prefix = "Attribute VB_Name = "
    if not first.startswith(prefix):
        raise ValueError(f"module text must start with {prefix!r}, not {first[:60]!r}")
    return first[len(prefix) :].strip().strip('"')


@dataclass(frozen=True)
class Module:
    """One VBA module: its name, kind and the exact source stored in its stream.

    ``source`` starts with the ``Attribute`` lines, as the VBA editor keeps them; it is
    normalised to CRLF line ends.
    """

    name: str
    source: str
    kind: ModuleKind = "standard"

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or len(self.name) > 31:
            raise ValueError(f"invalid VBA module name {self.name!r}")
        if self.kind not in ("standard", "document", "class"):
            raise ValueError(f"unknown module kind {self.kind!r}")
        object.__setattr__(self, "source", normalize_source(self.source))
        if _vb_name(self.source) != self.name:
            raise ValueError(f"{self.name}: Attribute VB_Name says {_vb_name(self.source)!r}")

    @classmethod
    def from_bas(cls, text: str) -> Module:
        """A standard module from ``.bas`` text (first line ``Attribute VB_Name = "X"``)."""
        return cls(_vb_name(text), text, "standard")

    @classmethod
    def from_cls(cls, text: str) -> Module:
        """A class module from an exported ``.cls`` file.

        Drops the ``VERSION 1.0 CLASS`` / ``BEGIN`` ... ``END`` header (the editor's export
        wrapper) and adds the ``VB_Base``, ``VB_TemplateDerived`` and ``VB_Customizable``
        attributes the editor keeps for a class in the project.
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[0].startswith("VERSION "):
            end = next(i for i, line in enumerate(lines) if line.strip() == "END")
            lines = lines[end + 1 :]
        name = _vb_name("\n".join(lines))
        n_attrs = next(
            (i for i, line in enumerate(lines) if not line.startswith("Attribute VB_")),
            len(lines),
        )
        attrs, body = lines[:n_attrs], lines[n_attrs:]
        keep = {a.split("=")[0].strip(): a for a in attrs}
        keep.setdefault("Attribute VB_Base", f'Attribute VB_Base = "{CLASS_BASE}"')
        keep.setdefault("Attribute VB_TemplateDerived", "Attribute VB_TemplateDerived = False")
        keep.setdefault("Attribute VB_Customizable", "Attribute VB_Customizable = False")
        first = [
            "Attribute VB_Name", "Attribute VB_Base", "Attribute VB_GlobalNameSpace",
            "Attribute VB_Creatable", "Attribute VB_PredeclaredId", "Attribute VB_Exposed",
            "Attribute VB_TemplateDerived", "Attribute VB_Customizable",
        ]  # fmt: skip
        head = [keep.pop(k) for k in first if k in keep] + list(keep.values())
        return cls(name, "\n".join(head + body), "class")

    @classmethod
    def document(cls, name: str, base: str, code: str = "") -> Module:
        """A document module (``ThisWorkbook``, ``Sheet1``) with its standard attributes."""
        head = [
            f'Attribute VB_Name = "{name}"',
            f'Attribute VB_Base = "{base}"',
            "Attribute VB_GlobalNameSpace = False",
            "Attribute VB_Creatable = False",
            "Attribute VB_PredeclaredId = True",
            "Attribute VB_Exposed = True",
            "Attribute VB_TemplateDerived = False",
            "Attribute VB_Customizable = True",
        ]
        return cls(name, "\n".join(head) + "\n" + code, "document")


@dataclass(frozen=True)
class Reference:
    """A registered type-library reference (REFERENCEREGISTERED, MS-OVBA §2.3.4.2.2.5)."""

    name: str
    libid: str


DEFAULT_REFERENCES: tuple[Reference, ...] = (
    Reference(
        "stdole",
        r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0"
        r"#C:\Windows\System32\stdole2.tlb#OLE Automation",
    ),
    # IRibbonControl lives in the Office library: without it the ribbon callbacks do not compile.
    Reference(
        "Office",
        r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0"
        r"#C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL"
        r"#Microsoft Office 16.0 Object Library",
    ),
)


def project_id(project_name: str) -> str:
    """A stable project GUID (``{8 hex digits-...}``) derived from the project name."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"xl-ar:vba:{project_name}")).upper() + "}"


def encrypt_project_data(data: bytes, project_id_: str, seed: int) -> str:
    """MS-OVBA §2.4.3.2 "Data Encryption" of the PROJECT stream's CMG / DPB / GC values."""
    key = sum(project_id_.encode("ascii")) & 0xFF
    version = 2
    out = bytearray([seed, seed ^ version, seed ^ key])
    unencrypted1, encrypted1, encrypted2 = key, seed ^ key, seed ^ version
    payload = bytes((seed & 6) // 2) + len(data).to_bytes(4, "little") + data
    for byte in payload:  # the ignored bytes are 0x00, then the length, then the data
        enc = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(enc)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    return out.hex().upper()


def decrypt_project_data(text: str) -> tuple[int, bytes]:
    """Inverse of :func:`encrypt_project_data`: ``(project_key, data)``."""
    raw = bytes.fromhex(text)
    seed, version_enc, key_enc = raw[:3]
    if seed ^ version_enc != 2:
        raise ValueError("project data: version is not 2")
    key = seed ^ key_enc
    unencrypted1, encrypted1, encrypted2 = key, key_enc, version_enc
    plain = bytearray()
    for enc in raw[3:]:
        byte = enc ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    ignored = (seed & 6) // 2
    length = int.from_bytes(plain[ignored : ignored + 4], "little")
    data = bytes(plain[ignored + 4 :])
    if len(data) != length:
        raise ValueError(f"project data: length {length} but {len(data)} bytes")
    return key, data


def _seed(project_id_: str, what: str) -> int:
    return hashlib.sha256(f"{project_id_}:{what}".encode()).digest()[0]


def _record(rid: int, data: bytes) -> bytes:
    return struct.pack("<HI", rid, len(data)) + data


def _dir_stream(
    modules: Sequence[Module], project_name: str, codepage: int, references: Iterable[Reference]
) -> bytes:
    enc = f"cp{codepage}"

    def mbcs(text: str) -> bytes:
        return text.encode(enc)

    def utf16(text: str) -> bytes:
        return text.encode("utf-16-le")

    out = bytearray()
    out += _record(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: 32-bit Windows
    out += _record(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID
    out += _record(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE
    out += _record(0x0003, struct.pack("<H", codepage))  # PROJECTCODEPAGE
    out += _record(0x0004, mbcs(project_name))  # PROJECTNAME
    out += _record(0x0005, b"") + _record(0x0040, b"")  # PROJECTDOCSTRING (+ Unicode)
    out += _record(0x0006, b"") + _record(0x003D, b"")  # PROJECTHELPFILEPATH (+ second)
    out += _record(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _record(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION: reserved 4, major, minor
    out += _record(0x000C, b"") + _record(0x003C, b"")  # PROJECTCONSTANTS (+ Unicode)
    for ref in references:
        out += _record(0x0016, mbcs(ref.name)) + _record(0x003E, utf16(ref.name))
        libid = mbcs(ref.libid)
        out += _record(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0))
    out += _record(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    out += _record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for m in modules:
        out += _record(0x0019, mbcs(m.name)) + _record(0x0047, utf16(m.name))
        out += _record(0x001A, mbcs(m.name)) + _record(0x0032, utf16(m.name))  # stream name
        out += _record(0x001C, b"") + _record(0x0048, b"")  # MODULEDOCSTRING (+ Unicode)
        out += _record(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: source starts at 0
        out += _record(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _record(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _record(0x0021 if m.kind == "standard" else 0x0022, b"")  # MODULETYPE
        out += _record(0x002B, b"")  # module terminator
    out += _record(0x0010, b"")  # dir terminator
    return bytes(out)


def _project_stream(modules: Sequence[Module], project_name: str, codepage: int) -> bytes:
    pid = project_id(project_name)
    lines = [f'ID="{pid}"']
    for m in modules:
        if m.kind == "document":
            lines.append(f"Document={m.name}/&H00000000")
    for m in modules:
        if m.kind == "standard":
            lines.append(f"Module={m.name}")
        elif m.kind == "class":
            lines.append(f"Class={m.name}")
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        # unprotected, no password, visible -- each value encrypted as §2.4.3.2 requires
        f'CMG="{encrypt_project_data(bytes(4), pid, _seed(pid, "CMG"))}"',
        f'DPB="{encrypt_project_data(bytes(1), pid, _seed(pid, "DPB"))}"',
        f'GC="{encrypt_project_data(bytes([0xFF]), pid, _seed(pid, "GC"))}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
        *(f"{m.name}=0, 0, 0, 0, C" for m in modules),
    ]
    return "".join(line + "\r\n" for line in lines).encode(f"cp{codepage}")


def _projectwm_stream(modules: Sequence[Module], codepage: int) -> bytes:
    out = bytearray()
    for m in modules:
        out += m.name.encode(f"cp{codepage}") + b"\x00" + m.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def vba_project_bin(
    modules: Sequence[Module],
    project_name: str = "xl_ar",
    codepage: int = 1252,
    references: Iterable[Reference] = DEFAULT_REFERENCES,
) -> bytes:
    """The bytes of a source-only ``vbaProject.bin`` holding ``modules``.

    Document modules' names must be the code names XlsxWriter writes (``set_vba_name``):
    ``ThisWorkbook`` for the workbook and ``Sheet1`` ... for the sheets.
    """
    if not project_name.isidentifier():
        raise ValueError(f"invalid VBA project name {project_name!r}")
    names = [m.name.upper() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError("duplicate module names")
    if project_name.upper() in names:
        raise ValueError("the project name must differ from every module name")
    enc = f"cp{codepage}"
    streams: dict[str, bytes] = {
        "PROJECT": _project_stream(modules, project_name, codepage),
        "PROJECTwm": _projectwm_stream(modules, codepage),
        # Reserved1 0x61CC, Version 0xFFFF (no performance cache: compile from source),
        # Reserved2 0x00, Reserved3 -- the 7 bytes of the xlwings quickstart add-in.
        "VBA/_VBA_PROJECT": bytes.fromhex("cc61ffff000100"),
        "VBA/dir": compress(_dir_stream(modules, project_name, codepage, references)),
    }
    for m in modules:
        streams[f"VBA/{m.name}"] = compress(m.source.encode(enc))
    return write_cfb(streams)
