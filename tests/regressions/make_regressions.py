#!/usr/bin/env python3
"""Writes the crafted hostile inputs of tests/regressions/.

Standard library only and deterministic: running it again rewrites the same
bytes (given the same zlib). Usage, from anywhere:

    python3 tests/regressions/make_regressions.py

File names encode the expected outcome as `<name>__<Expectation>.<ext>`; see
README.md beside this script and tests/tests/regressions.rs. Files found by
fuzzing (`fuzz_*`) are not written by this script and are left alone.

Every file must stay under 200 KB (the whole folder under 3 MB); the script
refuses to write a bigger one.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_FILE = 200 * 1024
GENERATED: list[str] = []
# Known open problems: these inputs still miss the deadline, so they go to
# open/, which the default test skips (see README.md). Move a name out of
# this set when the parser handles it.
# (Empty since the form fan-out, 30 M glyph and 3 M paragraph inputs were
# fixed.)
OPEN: set[str] = set()

# --------------------------------------------------------------------------
# helpers


def write(name: str, data: bytes) -> None:
    if len(data) >= MAX_FILE:
        sys.exit(f"{name}: {len(data)} bytes, over the {MAX_FILE}-byte cap")
    folder = HERE / "open" if name in OPEN else HERE
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    GENERATED.append(name)


def deflate_zeros(total: int, byte: bytes = b"\0") -> bytes:
    """zlib stream of `total` copies of `byte`, made in chunks."""
    comp = zlib.compressobj(9)
    chunk = byte * (1 << 20)
    out = []
    left = total
    while left > 0:
        n = min(left, len(chunk))
        out.append(comp.compress(chunk[:n]))
        left -= n
    out.append(comp.flush())
    return b"".join(out)


def stream(entries: bytes, data: bytes, length: int | None = None) -> bytes:
    n = len(data) if length is None else length
    return b"<< " + entries + b" /Length %d >>\nstream\n" % n + data + b"\nendstream"


def pdf(
    objects: dict[int, bytes],
    *,
    root: int = 1,
    trailer_extra: bytes = b"",
    xref: str = "ok",
    header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
) -> bytes:
    """A PDF with the given object bodies and a classic xref table.

    xref: "ok" (correct), "shifted" (every offset wrong by 37 bytes),
    "garbage" (the table is junk), "none" (no xref, no trailer, no startxref).
    """
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    if xref == "none":
        return bytes(out)
    size = max(objects) + 1
    start = len(out)
    if xref == "garbage":
        out += b"xref\n0 %d\nthis is not an xref table at all\n" % size
    else:
        shift = 37 if xref == "shifted" else 0
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for num in range(1, size):
            if num in offsets:
                out += b"%010d 00000 n \n" % (offsets[num] + shift)
            else:
                out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (size, root) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def pdf_with_objstm(plain: dict[int, bytes], packed: dict[int, bytes], *, root: int = 1) -> bytes:
    """A PDF 1.5 file: `packed` objects live in one compressed object stream,
    located by a compressed cross-reference stream."""
    stm_num = max(list(plain) + list(packed)) + 1
    xref_num = stm_num + 1
    header_parts, body_parts, pos = [], [], 0
    order = sorted(packed)
    for num in order:
        header_parts.append(b"%d %d" % (num, pos))
        data = packed[num] + b"\n"
        body_parts.append(data)
        pos += len(data)
    head = b" ".join(header_parts) + b"\n"
    objstm = stream(b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(order), len(head)),
                    zlib.compress(head + b"".join(body_parts), 9))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num, data in sorted({**plain, stm_num: objstm}.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + data + b"\nendobj\n"
    offsets[xref_num] = len(out)
    rows = bytearray()
    index_of = {num: i for i, num in enumerate(order)}
    for num in range(xref_num + 1):
        if num in offsets:
            rows += struct.pack(">BIH", 1, offsets[num], 0)
        elif num in index_of:
            rows += struct.pack(">BIH", 2, stm_num, index_of[num])
        else:
            rows += struct.pack(">BIH", 0, 0, 0xFFFF)
    out += b"%d 0 obj\n" % xref_num + stream(
        b"/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode" % (xref_num + 1, root),
        zlib.compress(bytes(rows), 9)) + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_num]
    return bytes(out)


def flate_pdf(content: bytes, **kw) -> bytes:
    """simple_pdf with a Flate-compressed content stream."""
    extra = {4: stream(b"/Filter /FlateDecode", zlib.compress(content, 9))}
    extra.update(kw.pop("extra", {}))
    return simple_pdf(b"", extra=extra, **kw)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
CONTROL_PACKED = {
    1: b"<< /Type /Catalog /Pages 2 0 R >>",
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
       b"/Contents 4 0 R >>",
    5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
}
TEXT = (
    b"BT /F1 14 Tf 72 720 Td (Jane Doe) Tj ET\n"
    b"BT /F1 10 Tf 72 700 Td (jane.doe@example.com  +1 555 0100) Tj ET\n"
    b"BT /F1 12 Tf 72 670 Td (Experience) Tj ET\n"
    b"BT /F1 10 Tf 72 655 Td (Software Engineer, Acme Corp, 2019 - 2023) Tj ET\n"
)


def simple_pdf(content: bytes, *, resources: bytes = b"<< /Font << /F1 5 0 R >> >>",
               extra: dict[int, bytes] | None = None, **kw) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        + resources + b" /Contents 4 0 R >>",
        4: stream(b"", content),
        5: FONT,
    }
    objects.update(extra or {})
    return pdf(objects, **kw)


OOXML_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def body(paragraphs: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="' + OOXML_W + b'"><w:body>' + paragraphs + b"</w:body></w:document>"
    )


def para(text: bytes) -> bytes:
    return b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


RESUME_BODY = body(
    para(b"Jane Doe")
    + para(b"jane.doe@example.com")
    + para(b"Experience")
    + para(b"Software Engineer, Acme Corp, 2019 - 2023")
)


def docx(parts: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED,
         standard: bool = True) -> bytes:
    """A ZIP with fixed timestamps (deterministic)."""
    import io

    buf = io.BytesIO()
    entries = ([("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)]
               if standard else []) + parts
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.create_system = 0
            z.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def docx_raw_deflated(name: str, raw_deflate: bytes, crc: int, size: int) -> bytes:
    """A one-entry (plus the two standard parts) ZIP whose `name` entry holds
    an already deflated payload, so huge entries need not exist in memory."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)]:
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, d)
    head = buf.getvalue()
    # Rebuild by hand: local headers of the first two entries, then ours,
    # then a central directory covering all three.
    zin = zipfile.ZipFile(io.BytesIO(head))
    infos = zin.infolist()
    cd_start = struct.unpack("<I", head[-6:-2])[0]
    out = bytearray(head[:cd_start])
    central = bytearray(head[cd_start:-22])
    offset = len(out)
    fname = name.encode()
    dos_time, dos_date = 0, (0 << 9) | (1 << 5) | 1
    out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dos_time, dos_date,
                       crc, len(raw_deflate), size & 0xFFFFFFFF, len(fname), 0)
    out += fname + raw_deflate
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, dos_time,
                           dos_date, crc, len(raw_deflate), size & 0xFFFFFFFF,
                           len(fname), 0, 0, 0, 0, 0, offset)
    central += fname
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(infos) + 1, len(infos) + 1,
                       len(central), cd_offset, 0)
    return bytes(out)


def raw_deflate_repeated(unit: bytes, count: int) -> tuple[bytes, int, int]:
    """Raw deflate (no zlib header), CRC-32 and size of `unit * count`."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    chunk_units = max(1, (1 << 20) // len(unit))
    chunk = unit * chunk_units
    parts = []
    left = count
    while left > 0:
        n = min(left, chunk_units)
        piece = chunk if n == chunk_units else unit * n
        parts.append(comp.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= n
    parts.append(comp.flush())
    return b"".join(parts), crc, len(unit) * count


# --------------------------------------------------------------------------
# PDF cases


def pdf_cases() -> None:
    good = simple_pdf(TEXT)
    write("pdf_control_valid__Ok.pdf", good)
    write("pdf_control_objstm__Ok.pdf", pdf_with_objstm({4: stream(b"", TEXT)}, CONTROL_PACKED))

    # Truncated at several points (a truncated file may still be repaired by
    # the loader, so Ok is allowed; what matters is no panic and no hang).
    for pct in (5, 25, 50, 75, 95):
        write(f"pdf_truncated_{pct:02d}pct__any.pdf", good[: len(good) * pct // 100])
    write("pdf_truncated_header_only__Err.pdf", b"%PDF-1.7\n")
    write("pdf_truncated_before_trailer__any.pdf", good[: good.index(b"trailer")])
    write("pdf_truncated_mid_startxref__any.pdf", good[: good.index(b"startxref") + 12])

    # Broken cross-reference data.
    write("pdf_xref_offsets_wrong__any.pdf", simple_pdf(TEXT, xref="shifted"))
    write("pdf_xref_garbage__any.pdf", simple_pdf(TEXT, xref="garbage"))
    write("pdf_no_xref__any.pdf", simple_pdf(TEXT, xref="none"))
    prev_loop = good.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % good.index(b"xref\n0 "))
    write("pdf_xref_prev_cycle__any.pdf", prev_loop)
    write("pdf_startxref_out_of_range__any.pdf",
          good[: good.rindex(b"startxref")] + b"startxref\n999999999\n%%EOF\n")
    write("pdf_trailer_huge_size__any.pdf",
          good.replace(b"/Size 6 ", b"/Size 2147483647 "))
    xref_stream = pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [] /Count 0 >>",
        3: stream(b"/Type /XRef /Size 2000000000 /W [4 4 4] /Index [0 2000000000]",
                  zlib.compress(b"\0" * 1200)),
    })
    start = xref_stream.index(b"3 0 obj")
    xref_stream = xref_stream[: xref_stream.index(b"xref\n0 ")] + b"startxref\n%d\n%%%%EOF\n" % start
    write("pdf_xref_stream_huge_index__any.pdf", xref_stream)

    # Object graphs: cycles, chains, self references.
    write("pdf_pages_cycle__Err.pdf", pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        3: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Parent 2 0 R /Count 1 >>",
    }))
    chain = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
             2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             3: b"<< /Type /Page /Parent 2 0 R /Resources 10 0 R /Contents 4 0 R >>",
             4: stream(b"", TEXT), 5: FONT}
    for i in range(10, 20010):
        chain[i] = b"%d 0 R" % (i + 1)
    chain[20010] = b"<< /Font << /F1 5 0 R >> >>"
    write("pdf_reference_chain_20k__any.pdf", pdf_with_objstm(
        {4: chain.pop(4)}, chain))
    write("pdf_self_reference__any.pdf", simple_pdf(
        TEXT, resources=b"6 0 R", extra={6: b"6 0 R"}))
    write("pdf_pages_fanout_same_page__any.pdf", pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b"3 0 R " * 20000 + b"] /Count 20000 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: stream(b"", TEXT), 5: FONT,
    }))
    deep_tree = {1: b"<< /Type /Catalog /Pages 10 0 R >>", 4: stream(b"", TEXT), 5: FONT}
    for i in range(10, 5010):
        deep_tree[i] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 1)
    deep_tree[5010] = b"<< /Type /Page /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    write("pdf_pages_tree_5000_deep__any.pdf", pdf_with_objstm(
        {4: deep_tree.pop(4)}, deep_tree))

    # Forms that draw themselves, directly and through each other.
    write("pdf_form_draws_itself__any.pdf", simple_pdf(
        TEXT + b"/Fm1 Do\n",
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>",
        extra={6: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                         b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>",
                         b"BT /F1 9 Tf 72 100 Td (again) Tj ET /Fm1 Do /Fm1 Do")}))
    write("pdf_forms_mutual_recursion__any.pdf", simple_pdf(
        TEXT + b"/A Do\n",
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /A 6 0 R >> >>",
        extra={
            6: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                      b"/Resources << /Font << /F1 5 0 R >> /XObject << /B 7 0 R >> >>",
                      b"BT /F1 9 Tf 72 100 Td (a) Tj ET /B Do /B Do"),
            7: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                      b"/Resources << /Font << /F1 5 0 R >> /XObject << /A 6 0 R >> >>",
                      b"BT /F1 9 Tf 72 90 Td (b) Tj ET /A Do /A Do"),
        }))
    # Exponential fan-out: each of 30 forms draws the next one twice.
    fan = {}
    for i in range(30):
        nxt = b"/XObject << /N %d 0 R >>" % (7 + i) if i < 29 else b""
        fan[6 + i] = stream(
            b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> " + nxt + b" >>",
            b"BT /F1 9 Tf 72 100 Td (x) Tj ET" + (b" /N Do /N Do" if i < 29 else b""))
    write("pdf_forms_exponential_fanout__any.pdf", simple_pdf(
        TEXT + b"/N Do\n",
        resources=b"<< /Font << /F1 5 0 R >> /XObject << /N 6 0 R >> >>", extra=fan))

    # Deep nesting.
    write("pdf_content_nested_arrays_100k__any.pdf",
          flate_pdf(TEXT + b"[" * 100_000 + b" 0 Tj\n"))
    write("pdf_content_nested_dicts_100k__any.pdf",
          flate_pdf(TEXT + b"<<" * 100_000 + b" BDC\n"))
    write("pdf_object_nested_arrays_100k__any.pdf", simple_pdf(
        TEXT, extra={6: b"[" * 100_000}))
    write("pdf_objstm_nested_dicts_100k__any.pdf", pdf_with_objstm(
        {4: stream(b"", TEXT)},
        {**CONTROL_PACKED, 6: b"<</A" * 100_000 + b" null" + b">>" * 100_000}))
    write("pdf_content_100k_q__any.pdf", flate_pdf(b"q " * 100_000 + TEXT))

    # Decompression bombs.
    bomb = deflate_zeros(150 * 1024 * 1024)
    write("pdf_flate_bomb_150MB__LimitExceeded.pdf", simple_pdf(
        b"", extra={4: stream(b"/Filter /FlateDecode", bomb)}))
    inner = deflate_zeros(1024 * 1024 * 1024)
    write("pdf_flate_bomb_1GB_double__LimitExceeded.pdf", simple_pdf(
        b"", extra={4: stream(b"/Filter [/FlateDecode /FlateDecode]", zlib.compress(inner, 9))}))
    spaces = deflate_zeros(50 * 1024 * 1024, b" ")
    write("pdf_objstm_bomb__any.pdf", simple_pdf(
        TEXT, extra={6: stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", spaces)}))
    many = {}
    small = deflate_zeros(600 * 1024, b" ")
    for i in range(40):
        many[6 + i] = stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", small)
    write("pdf_objstm_40_streams_24MB__any.pdf", simple_pdf(TEXT, extra=many))
    glyphs = zlib.compress(b"BT /F1 1 Tf 0 0 Td " + b"(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) Tj 0.01 0 Td\n"
                           * 600_000 + b"ET\n", 9)
    write("pdf_many_glyphs_30M__any.pdf", simple_pdf(
        b"", extra={4: stream(b"/Filter /FlateDecode", glyphs)}))
    lines = b"".join(b"BT /F1 10 Tf %d %d Td (w%d) Tj ET\n" % (i % 500, (i * 7) % 700, i)
                     for i in range(40_000))
    write("pdf_40k_scattered_words__any.pdf", simple_pdf(
        b"", extra={4: stream(b"/Filter /FlateDecode", zlib.compress(lines, 9))}))

    # Fonts with hostile maps.
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"2 beginbfrange <00000000> <FFFFFFFF> <0041>\n<0000> <FFFF> [<0041> <0042>]\nendbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    write("pdf_tounicode_huge_bfrange__any.pdf", simple_pdf(
        b"BT /F1 12 Tf 72 720 Td <00410042004300440045> Tj ET",
        extra={5: b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
                  b"/DescendantFonts [7 0 R] /ToUnicode 6 0 R >>",
               6: stream(b"", cmap),
               7: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [0 [" + b"500 " * 10_000
                  + b"] 0 4294967295 1000] /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                  b"/Supplement 0 >> >>"}))
    write("pdf_type3_font_recursive__any.pdf", simple_pdf(
        b"BT /F1 12 Tf 72 720 Td (abc) Tj ET",
        extra={5: b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
                  b"/CharProcs << /a 6 0 R >> /Encoding << /Differences [97 /a 98 /a 99 /a] >> "
                  b"/FirstChar 97 /LastChar 99 /Widths [1e30 -1e30 0] /Resources << /Font << /F1 5 0 R >> >> >>",
               6: stream(b"", b"0 0 d0 BT /F1 12 Tf (abc) Tj ET")}))
    write("pdf_extreme_numbers__any.pdf", simple_pdf(
        b"1e400 0 0 1e400 0 0 cm BT /F1 1e38 Tf 1e38 1e38 Td 1e38 Tz 1e38 Tc 1e38 TL (x) ' "
        b"-99999999999999999999 0 Td [(a) -1e38 (b)] TJ ET\n"
        b"BT /F1 nan Tf NaN 0 Td (y) Tj 0 0 0 0 0 0 Tm (z) Tj ET\n" + TEXT,
        resources=b"<< /Font << /F1 5 0 R >> >>"))
    write("pdf_inline_image_unterminated__any.pdf", simple_pdf(
        TEXT + b"BI /W 100000 /H 100000 /BPC 8 /CS /RGB ID " + bytes(range(256)) * 40))
    write("pdf_length_wrong__any.pdf", simple_pdf(TEXT).replace(
        b"/Length %d" % len(TEXT), b"/Length 999999999"))
    write("pdf_length_negative__any.pdf", simple_pdf(TEXT).replace(
        b"/Length %d" % len(TEXT), b"/Length -5"))
    write("pdf_unknown_filters__any.pdf", simple_pdf(
        b"", extra={4: stream(b"/Filter [/LZWDecode /JBIG2Decode /Crypt /RunLengthDecode /ASCII85Decode]",
                              b"\x80\x00" * 1000)}))

    # Encrypted (RC4, user password "user"): needs a password.
    user = HERE.parent.parent / "core/src/parse/pdf/testdata/user-password.pdf"
    if user.exists():
        write("pdf_encrypted_user_password__Encrypted.pdf", user.read_bytes())
    write("pdf_encrypted_unknown_handler__Encrypted.pdf", simple_pdf(
        TEXT, extra={9: b"<< /Filter /FancyDRM /V 9 /R 9 /Length 256 >>"},
        trailer_extra=b"/Encrypt 9 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>] "))

    # No text layer.
    image = stream(b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /FlateDecode",
                   zlib.compress(bytes((x * 4) & 0xFF for x in range(64 * 64)), 9))
    write("pdf_image_only__NoTextLayer.pdf", simple_pdf(
        b"q 540 0 0 720 36 36 cm /Im1 Do Q\n",
        resources=b"<< /XObject << /Im1 6 0 R >> >>", extra={6: image}))
    write("pdf_vector_paths_only__NoTextLayer.pdf", simple_pdf(
        b"0 0 1 rg 72 72 100 100 re f 72 300 m 300 500 l S\n", resources=b"<< >>"))
    packed = {2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (10 + i) for i in range(10_000))
              + b"] /Count 10000 /MediaBox [0 0 612 792] >>"}
    for i in range(10_000):
        packed[10 + i] = b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"
    ten_k = pdf_with_objstm({1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: stream(b"", b"")}, packed)
    write("pdf_10000_empty_pages__NoTextLayer.pdf", ten_k)
    write("pdf_no_pages__Err.pdf", pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [] /Count 0 >>",
    }))
    write("pdf_no_catalog__Err.pdf", pdf({1: b"<< /Foo /Bar >>", 2: b"42"}, root=7))


# --------------------------------------------------------------------------
# DOCX cases


def docx_cases() -> None:
    good = docx([("word/document.xml", RESUME_BODY)])
    write("docx_control_valid__Ok.docx", good)
    for pct in (10, 50, 90):
        write(f"docx_truncated_{pct:02d}pct__Corrupt.docx", good[: len(good) * pct // 100])
    write("docx_truncated_last_byte__any.docx", good[:-1])

    # Zip bombs: honest sizes, sizes that lie, many parts sharing one budget.
    raw, crc, size = raw_deflate_repeated(b" ", 100 * 1024 * 1024)
    write("docx_zip_bomb_100MB__LimitExceeded.docx",
          docx_raw_deflated("word/document.xml", raw, crc, size))
    lying = bytearray(docx_raw_deflated("word/document.xml", raw, crc, 1000))
    write("docx_zip_bomb_lying_size__Err.docx", bytes(lying))
    kernel, kcrc, ksize = raw_deflate_repeated(b"<w:p/>", 4 * 1024 * 1024)
    body_bomb = b"<w:document xmlns:w=\"" + OOXML_W + b"\"><w:body>"
    write("docx_zip_bomb_paragraphs__LimitExceeded.docx", docx([
        ("word/document.xml", body_bomb + b"<w:p/>" * (3 * 1024 * 1024) + b"</w:body></w:document>")]))
    del kernel, kcrc, ksize

    # 5000 real entries cost ~500 KB, over the size cap of this folder; 4100
    # central-directory records (the limit is 4096) with 1-2 byte names that
    # all point at one stored entry fit. tests/tests/bad_input.rs builds a
    # 5000-entry archive in memory.
    write("docx_4100_entries__LimitExceeded.docx", many_entries(4100))

    write("docx_xml_nested_100k__Err.docx", docx([("word/document.xml", body(
        b"<w:p>" * 100_000 + b"<w:r><w:t>deep</w:t></w:r>" + b"</w:p>" * 100_000))]))
    write("docx_xml_nested_tables_10k__any.docx", docx([("word/document.xml", body(
        b"<w:tbl><w:tr><w:tc>" * 10_000 + para(b"deep") + b"</w:tc></w:tr></w:tbl>" * 10_000))]))
    write("docx_xml_unclosed_100k__Err.docx", docx([("word/document.xml",
                                                     body(b"<w:p>" * 100_000)[:-len(b"</w:body></w:document>")])]))

    lol = [b'<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = b"lol" if i == 1 else b"lol%d" % (i - 1)
        lol.append(b'<!ENTITY lol%d "' % i + (b"&" + prev + b";") * 10 + b'">')
    laughs = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [' + b"".join(lol)
              + b"]>\n<w:document xmlns:w=\"" + OOXML_W + b"\"><w:body>"
              + para(b"Jane Doe") + para(b"&lol9;") + b"</w:body></w:document>")
    write("docx_billion_laughs__any.docx", docx([("word/document.xml", laughs)]))
    xxe = (b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
           b"<w:document xmlns:w=\"" + OOXML_W + b"\"><w:body>" + para(b"Jane Doe") + para(b"&x;")
           + b"</w:body></w:document>")
    write("docx_external_entity__any.docx", docx([("word/document.xml", xxe)]))

    latin1 = RESUME_BODY.replace(b"Jane Doe", "Jos\u00e9 N\u00fa\u00f1ez".encode("latin-1"))
    write("docx_xml_latin1_bytes__any.docx", docx([("word/document.xml", latin1)]))
    utf16 = RESUME_BODY.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    write("docx_xml_utf16__any.docx", docx([("word/document.xml", utf16)]))
    write("docx_xml_binary_garbage__Err.docx", docx([("word/document.xml",
                                                      bytes(random.Random(7).randbytes(4096)))]))
    write("docx_no_document_xml__Err.docx", docx([("word/other.xml", RESUME_BODY)]))
    write("docx_empty_body__Empty.docx", docx([("word/document.xml", body(b""))]))
    write("docx_document_is_directory__Err.docx", docx([("word/document.xml/", b"")]))

    # Hostile side parts alongside a valid body.
    styles_cycle = (b'<w:styles xmlns:w="' + OOXML_W + b'">'
                    + b"".join(b'<w:style w:type="paragraph" w:styleId="S%d"><w:basedOn w:val="S%d"/></w:style>'
                               % (i, (i + 1) % 2000) for i in range(2000)) + b"</w:styles>")
    numbering_cycle = (b'<w:numbering xmlns:w="' + OOXML_W + b'">'
                       b'<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="S0"/></w:abstractNum>'
                       b'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    styled_body = body(b'<w:p><w:pPr><w:pStyle w:val="S0"/><w:numPr><w:ilvl w:val="99999999999"/>'
                       b'<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p>'
                       + RESUME_BODY[RESUME_BODY.index(b"<w:body>") + 8: RESUME_BODY.index(b"</w:body>")])
    write("docx_style_basedon_cycle__any.docx", docx([
        ("word/document.xml", styled_body), ("word/styles.xml", styles_cycle),
        ("word/numbering.xml", numbering_cycle)]))
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + b"".join(b'<Relationship Id="rId%d" Type="x" Target="../../../../etc/passwd%d"/>' % (i, i)
                       for i in range(20_000)) + b"</Relationships>")
    write("docx_20k_relationships__any.docx", docx([
        ("word/document.xml", RESUME_BODY), ("word/_rels/document.xml.rels", rels)]))
    write("docx_encrypted_entry__any.docx", encrypted_flag(good))


def many_entries(count: int) -> bytes:
    """A DOCX whose central directory lists `count` extra entries, each a
    record with a 1-2 byte name pointing at the same local file header."""
    base = docx([("word/document.xml", RESUME_BODY)], method=zipfile.ZIP_STORED)
    eocd = base.rindex(b"PK\x05\x06")
    n, cd_size, cd_offset = struct.unpack("<8x2xHII2x", base[eocd: eocd + 22])
    alphabet = bytes(range(0x21, 0x7F)).replace(b"/", b"")
    names = [bytes([a]) for a in alphabet] + [bytes([a, b]) for a in alphabet for b in alphabet]
    extra = bytearray()
    for name in names[:count]:
        extra += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0x21,
                             0, 0, 0, len(name), 0, 0, 0, 0, 0, 0) + name
    central = base[cd_offset: cd_offset + cd_size] + extra
    total = n + count
    return (base[:cd_offset] + central
            + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, total, total, len(central), cd_offset, 0))


def encrypted_flag(zip_bytes: bytes) -> bytes:
    """Sets the 'encrypted' bit on every entry, as a password-protected ZIP
    would (the data itself is left as is)."""
    data = bytearray(zip_bytes)
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        data[i + 6] |= 1
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        data[i + 8] |= 1
        i += 4
    return bytes(data)


# --------------------------------------------------------------------------
# other formats


def other_cases() -> None:
    write("empty__Empty.bin", b"")
    write("whitespace_only__Empty.txt", b"  \n\t\r\n   \n")
    ole = bytearray(512)
    ole[:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    ole[0x18:0x1C] = struct.pack("<HH", 0x3E, 0x3)
    ole[0x1C:0x20] = struct.pack("<HH", 0xFFFE, 9)
    write("legacy_doc_ole2__LegacyDoc.doc", bytes(ole) + b"\0" * 1536)
    rng = random.Random(20260101)
    noise = bytearray(rng.randbytes(64 * 1024))
    noise[0] = 0x00  # never a magic number, never text
    write("random_bytes_64k__UnsupportedFormat.bin", bytes(noise))
    write("png_header__UnsupportedFormat.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64))
    write("rtf__UnsupportedFormat.rtf", b"{\\rtf1\\ansi Jane Doe}")
    write("pdf_magic_late_in_junk__any.bin", bytes(1000) + b"%PDF-1.4\n" + simple_pdf(TEXT)[9:])
    write("zip_not_docx__UnsupportedFormat.zip", docx([("xl/workbook.xml", b"<workbook/>")],
                                                      standard=False))
    write("zip_magic_only__Corrupt.docx", b"PK\x03\x04")
    write("text_one_long_line__any.txt", b"Jane Doe " * 8_000)
    write("text_invalid_utf8__any.txt", b"Jane Doe\n\xff\xfe\xfd resume \xc3\x28\n")


def main() -> None:
    for folder in (HERE, HERE / "open"):
        if not folder.is_dir():
            continue
        for old in folder.iterdir():
            if old.is_file() and "__" in old.name and not old.name.startswith("fuzz_"):
                old.unlink()
    pdf_cases()
    docx_cases()
    other_cases()
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"wrote {len(GENERATED)} files; folder total {total} bytes")
    if total >= 3 * 1024 * 1024:
        sys.exit("folder is over 3 MB")


if __name__ == "__main__":
    main()
