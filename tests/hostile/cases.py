"""Hostile inputs for `minutes`, generated on demand (nothing large is committed).

Each generator writes one input into `directory` and returns its path. `k` is a scale factor (1, 4,
16, ...): the input grows linearly with it, so the time and memory `minutes` needs can be compared
across sizes (scale.py). Inputs that do not grow (a truncated zip, an XXE) take `k` and ignore it.
Every generator is deterministic: the same `k` gives the same bytes.

The classes are those of issue #13: inputs whose cost grew faster than their size (tab lines,
tab-separated rows, one long line, many figures on a line, many `Action:` lines, a DOCX of empty
paragraphs), broken error lines (libxml2 limits, invalid UTF-8 in XML, control characters in a file
name), misreadings (`PK\\x05\\x06` near the end of a text file, duplicate zip entry names), and the
attacks the readers already refuse (zip bombs and lying sizes, XXE, billion laughs, `../` names,
truncations, OLE files, FIFOs, /dev/zero, an encrypted PDF, deep nesting, huge declared counts).

Zips are built with zipfile and patched where a case needs a lie; PDFs are written by hand, the
way tests/ingest/pdf_reader_test.cc writes them.
"""
import base64
import hashlib
import io
import os
import random
import struct
import warnings
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_DOCUMENT = R_NS + "/officeDocument"

# The opening of a meeting's notes: enough for every extraction step to have work to do (title,
# date, times, attendance with organisations), so a cost case exercises the whole pipeline.
HEADER = ("South East Fostering Leads Meeting - July 2025\n"
          "Date: Monday 7 July 2025, 10.00am - 12.30pm\n"
          "Attendees: Ann Bell (Kent), Priya Nair (Surrey), Tom Adams (Medway), "
          "Rebecca Eligon (West Sussex)\n"
          "Apologies: Sarah Daly (Portsmouth)\n\n")

WORDS = ("the panel discussed placement sufficiency and the rota for Kent Surrey Medway "
         "colleagues agreed AB PN TA to review costs with West Sussex Council officers noted "
         "that recruitment of foster carers remains a priority across the region and Brighton "
         "and Hove Portsmouth Southampton would share data next month").split()


def _path(directory, name):
    return os.path.join(directory, name)


def _write(directory, name, data):
    path = _path(directory, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def _words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _sentence(rng, n):
    words = _words(rng, n)
    return words[0].upper() + words[1:]


# ---- zips and DOCX ----

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')


def package_rels(target="word/document.xml"):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s" Target="%s"/></Relationships>' %
            (OFFICE_DOCUMENT, target))


DOC_OPEN = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>' % (W_NS, R_NS))
DOC_CLOSE = "</w:body></w:document>"


def para(text):
    return "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % text


def header_paragraphs():
    return "".join(para(line) for line in HEADER.splitlines() if line)


def write_zip(path, entries, compress=zipfile.ZIP_DEFLATED):
    """Writes `entries`, (name, bytes or str or an iterable of chunks) pairs, in order. A name
    may repeat (zipfile warns and writes it again)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": wanted here
        with zipfile.ZipFile(path, "w", compress) as z:
            for name, content in entries:
                if isinstance(content, (bytes, str)):
                    z.writestr(zipfile.ZipInfo(name, (2025, 7, 7, 0, 0, 0)), content,
                               compress_type=compress)
                else:
                    info = zipfile.ZipInfo(name, (2025, 7, 7, 0, 0, 0))
                    info.compress_type = compress
                    with z.open(info, "w", force_zip64=True) as out:
                        for chunk in content:
                            out.write(chunk.encode() if isinstance(chunk, str) else chunk)
    return path


def write_docx(path, document_xml, extra=(), rels=None):
    """A minimal package: content types, package rels, word/document.xml (bytes, str or chunks)."""
    entries = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", rels or package_rels()),
               ("word/document.xml", document_xml)]
    return write_zip(path, entries + list(extra))


def docx_body(path, body_xml):
    return write_docx(path, DOC_OPEN + header_paragraphs() + body_xml + DOC_CLOSE)


def _noisy_chunks(rng, unit, count):
    """`unit` `count` times, with a comment of random bytes about every 8 KB: repetition alone
    deflates over 1000:1, which max_compression_ratio (200) refuses as a bomb before any XML is
    read; the noise keeps the ratio near 100, so the cost of the XML itself is what is tested."""
    yield DOC_OPEN + header_paragraphs()
    every = max(1, 8192 // len(unit))
    block = unit * every
    done = 0
    while done < count:
        n = min(every, count - done)
        noise = base64.b64encode(rng.randbytes(48)).decode()
        yield (block if n == every else unit * n) + "<!--" + noise + "-->"
        done += n
    yield DOC_CLOSE


# ---- cost cases: input that grows, and must cost time and memory linear in its size ----


def tab_lines(directory, k):
    """Lines holding one tab each ('\\t\\n'): 1 MiB per k. The issue's 64 MiB needed over 6 GB."""
    return _write(directory, "tab_lines_%dx.txt" % k, b"\t\n" * (k << 19))


TSV_ROWS = 20000  # per k; 3 cells a row, so k=16 is 960,000 cells and k=17 passes 1,000,000


def tsv_table(directory, k):
    """A tab-separated table (one table, 3 cells a row) of 20,000 rows per k, under the notes'
    header: figures, not an action log, so the cost measured is reading the table. The issue's
    12 MB needed 1.8 GB."""
    rows = ["Week\tPlacements\tEnquiries\n"]
    for i in range(1, TSV_ROWS * k):
        rows.append("%d\t%d\t%d\n" % (i, i * 7 % 1000, i * 13 % 10000))
    return _write(directory, "tsv_table_%dx.txt" % k, (HEADER + "".join(rows)).encode())


def long_line(directory, k):
    """One paragraph on one line, 128 KiB per k: sentences and clauses of words, names, initials
    and LAs (no money). The issue: 256 KB took 4 s, 512 KB 21 s, 8.5 MB over a minute."""
    rng = random.Random(k)
    target = k << 17
    parts, size = [], 0
    while size < target:
        s = _sentence(rng, rng.randrange(8, 20)) + rng.choice((".", ".", ";", ","))
        parts.append(s)
        size += len(s) + 1
    line = " ".join(parts)[:target]
    return _write(directory, "long_line_%dx.txt" % k, (HEADER + line + "\n").encode())


def many_pounds(directory, k):
    """One line with 6,250 figures in pounds per k, in the forms notes write them, each after an
    LA or a speaker's initials (what money's LA and speaker lookups search for). The issue:
    25,000 figures took 24 s."""
    rng = random.Random(k)
    forms = ("£{n:,}", "£{n}", "c.£{m}k", "£{n} per week", "£{m}-£{n}", "£{n:,}.50")
    who = ("Kent", "Surrey", "Medway", "West Sussex", "Portsmouth", "AB", "PN", "TA")
    figures = []
    for i in range(6250 * k):
        n, m = rng.randrange(10, 99999), rng.randrange(1, 999)
        figures.append(rng.choice(who) + " " + forms[i % len(forms)].format(n=n, m=m) +
                       rng.choice((",", ",", ";", ".")))
    line = "Costs noted: " + " ".join(figures) + "\n"
    return _write(directory, "many_pounds_%dx.txt" % k, (HEADER + line).encode())


def many_actions(directory, k):
    """12,500 `Action:` lines per k (32 bytes each, as in the issue). The issue: 12,500 lines took
    1 s, 50,000 11 s, 100,000 (3.2 MB) 26 s."""
    owners = ("AB", "PN", "TA", "RE")
    lines = ["Action: %s to circulate rota %06d\n" % (owners[i % 4], i) for i in range(12500 * k)]
    return _write(directory, "many_actions_%dx.txt" % k, (HEADER + "".join(lines)).encode())


PARAGRAPH_LINES = 100000  # per k; k=16 is 1,600,000 blocks, k=21 passes 2,000,000


def paragraph_lines(directory, k):
    """100,000 one-word paragraphs per k ('Noted.' lines): many small blocks."""
    body = b"Noted.\n" * (PARAGRAPH_LINES * k)
    return _write(directory, "paragraph_lines_%dx.txt" % k, HEADER.encode() + body)


def docx_empty_paragraphs(directory, k):
    """A DOCX of 500,000 empty `<w:p/>` paragraphs per k (3 MB of XML, about 30 KB zipped). The
    issue: a 1.1 MB DOCX of them built an XML tree of 1.9 GB."""
    rng = random.Random(k)
    path = _path(directory, "docx_empty_paragraphs_%dx.docx" % k)
    return write_docx(path, _noisy_chunks(rng, "<w:p/>", 500000 * k))


DOCX_PARAGRAPHS = 100000  # per k; k=16 is 1,600,000 blocks, k=21 passes 2,000,000


def docx_paragraphs(directory, k):
    """A DOCX of 100,000 one-word paragraphs per k (4.4 MB of XML, about 64 KB zipped)."""
    rng = random.Random(k)
    path = _path(directory, "docx_paragraphs_%dx.docx" % k)
    return write_docx(path, _noisy_chunks(rng, para("Noted."), DOCX_PARAGRAPHS * k))


def notes(directory, k):
    """Realistic notes, about 1 MiB per k: the header, then numbered items of discussion,
    `Action:` lines and figures. Big enough at high k to take seconds to extract."""
    rng = random.Random(k)
    items = [("{n}. Item {n}\n%s. AB said the weekly cost rose to £%d per week for Kent.\n"
              "Action: PN to circulate the rota by %d August 2025\n\n" %
              (_sentence(rng, 40), rng.randrange(100, 999), rng.randrange(1, 28)))
             for _ in range(500)]
    out, size, n = [HEADER], len(HEADER), 0
    while size < (k << 20):
        n += 1
        chunk = items[n % len(items)].format(n=n)
        out.append(chunk)
        size += len(chunk.encode())
    return _write(directory, "notes_%dx.txt" % k, "".join(out).encode())


# ---- libxml2 and error lines ----


def xml_huge_text_node(directory, k):
    """One `<w:t>` of 10.5 MB per k: past libxml2's 10,000,000-byte text node limit."""
    rng = random.Random(k)
    chunk = _words(rng, 200000) + " "  # about 1.1 MB; deflate sees 32 KB at a time
    text = (chunk * (10 * k + 1))[:10500000 * k]
    path = _path(directory, "xml_huge_text_node.docx")
    return docx_body(path, para(text))


def xml_long_name(directory, k):
    """An element name of 60,000 characters: past libxml2's 50,000-character name limit."""
    return docx_body(_path(directory, "xml_long_name.docx"), "<w:%s/>" % ("x" * 60000))


def xml_invalid_utf8(directory, k):
    """Bytes that are not UTF-8 inside a UTF-8 XML part (libxml2's message spans two lines)."""
    xml = (DOC_OPEN + header_paragraphs()).encode() + \
        b"<w:p><w:r><w:t>caf\xe9 \xff\xfe costs</w:t></w:r></w:p>" + DOC_CLOSE.encode()
    return write_docx(_path(directory, "xml_invalid_utf8.docx"), xml)


def name_with_newline(directory, k):
    """An empty file whose name holds a newline and a forged second error line."""
    return _write(directory, "notes\nminutes: forged.txt: corrupt: forged.txt", b"")


def name_with_escape(directory, k):
    """An empty file whose name holds an ESC sequence (clears a terminal) and a DEL."""
    return _write(directory, "notes\x1b[2J\x7f.txt", b"")


# ---- misreadings ----


def pk_trailer_text(directory, k):
    """Plain notes whose last 64 KiB hold the bytes of a zip end-of-central-directory signature
    (`PK\\x05\\x06`), e.g. pasted from a hex dump. Text, not a broken zip."""
    body = (HEADER + "Item 1. The archive header read PK\x05\x06 in the dump.\n"
            "Action: AB to send the file again\n")
    return _write(directory, "pk_trailer.txt", body.encode())


def zip_duplicate_names(directory, k):
    """A DOCX holding word/document.xml twice with different text (Word refuses such a file)."""
    first = DOC_OPEN + header_paragraphs() + para("Version one.") + DOC_CLOSE
    second = DOC_OPEN + header_paragraphs() + para("Version two.") + DOC_CLOSE
    path = _path(directory, "zip_duplicate_names.docx")
    return write_docx(path, first, extra=[("word/document.xml", second)])


# ---- what the readers already refuse ----


def zip_bomb(directory, k):
    """word/document.xml inflating to 64 MiB per k of spaces from about 64 KiB (ratio ~1000)."""
    def chunks():
        yield DOC_OPEN + "<w:p><w:r><w:t>"
        for _ in range(64 * k):
            yield b" " * (1 << 20)
        yield "</w:t></w:r></w:p>" + DOC_CLOSE
    return write_docx(_path(directory, "zip_bomb.docx"), chunks())


def _central_header(data, name):
    """The offset of the central directory header for entry `name` (the last one so named)."""
    at = data.rfind(name.encode())
    header = at - 46
    assert data[header:header + 4] == b"PK\x01\x02", name
    return header


def zip_declared_huge(directory, k):
    """A small DOCX whose central directory declares word/document.xml as 2 GiB uncompressed."""
    path = docx_body(_path(directory, "zip_declared_huge.docx"), para("small"))
    data = bytearray(open(path, "rb").read())
    struct.pack_into("<I", data, _central_header(data, "word/document.xml") + 24, 0x7FFFFFFF)
    return _write(directory, "zip_declared_huge.docx", bytes(data))


def zip_lying_size(directory, k):
    """A DOCX whose central directory declares word/document.xml smaller than it inflates to."""
    path = docx_body(_path(directory, "zip_lying_size.docx"), para("q" * 5000))
    data = bytearray(open(path, "rb").read())
    struct.pack_into("<I", data, _central_header(data, "word/document.xml") + 24, 100)
    return _write(directory, "zip_lying_size.docx", bytes(data))


def zip_many_entries(directory, k):
    """A zip64 end-of-central-directory record claiming 50,000,000 entries in a file of a few
    hundred bytes."""
    path = docx_body(_path(directory, "zip_many_entries.docx"), para("x"))
    data = open(path, "rb").read()
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 50000000, 50000000, cd_size,
                         cd_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, eocd, 1)
    tail = bytearray(data[eocd:])
    struct.pack_into("<HH", tail, 8, 0xFFFF, 0xFFFF)
    return _write(directory, "zip_many_entries.docx", data[:eocd] + record + locator + bytes(tail))


XXE_DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def xxe(directory, k):
    """An external entity naming /etc/passwd in word/document.xml."""
    xml = ('<?xml version="1.0"?>' + XXE_DOCTYPE + '<w:document xmlns:w="%s"><w:body>' % W_NS +
           para("x&xxe;") + DOC_CLOSE)
    return write_docx(_path(directory, "xxe.docx"), xml)


def billion_laughs(directory, k):
    """Nine levels of entities, each ten of the one before: 10^9 'lol's if expanded."""
    dtd = '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    prev = "lol"
    for i in range(1, 10):
        name = "lol%d" % i
        dtd += '<!ENTITY %s "%s">' % (name, ("&%s;" % prev) * 10)
        prev = name
    dtd += "]>"
    xml = ('<?xml version="1.0"?>' + dtd + '<w:document xmlns:w="%s"><w:body>' % W_NS +
           para("&lol9;") + DOC_CLOSE)
    return write_docx(_path(directory, "billion_laughs.docx"), xml)


def zip_dotdot_names(directory, k):
    """A DOCX whose package relationship points its main part at ../../../../etc/passwd, holding
    entries named ../ that would land outside any folder they were extracted to."""
    escape = os.path.join(directory, "escaped")
    extra = [("../" * 12 + escape.lstrip("/") + "/pwned.txt", "written outside"),
             ("../../../etc/passwd", "root:x:0:0:forged")]
    path = _path(directory, "zip_dotdot_names.docx")
    return write_docx(path, DOC_OPEN + para("x") + DOC_CLOSE, extra=extra,
                      rels=package_rels("../../../../etc/passwd"))


def zip_truncated(directory, k):
    """The first half of a DOCX."""
    full = docx_body(_path(directory, "zip_truncated.docx"), para("hello " * 200))
    data = open(full, "rb").read()
    return _write(directory, "zip_truncated.docx", data[:len(data) // 2])


def _ole(payload):
    """An OLE compound file header, then `payload` (directory names are UTF-16LE)."""
    return b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + payload + b"\0" * 512


def ole_doc(directory, k):
    """A legacy Word 97-2003 .doc (OLE compound file) named .docx."""
    return _write(directory, "ole_doc.docx", _ole("WordDocument".encode("utf-16-le")))


def ole_encrypted(directory, k):
    """A password-protected Word file: an OLE file with EncryptionInfo and EncryptedPackage."""
    payload = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return _write(directory, "ole_encrypted.docx", _ole(payload))


def fifo(directory, k):
    """A named pipe nobody writes to: opening it for reading would block forever."""
    path = _path(directory, "fifo.txt")
    os.mkfifo(path)
    return path


def dev_zero(directory, k):
    """A link named like notes to /dev/zero, which never ends."""
    path = _path(directory, "zero.txt")
    os.symlink("/dev/zero", path)
    return path


def over_max_input(directory, k):
    """A sparse file of 65 MiB (over max_input_bytes, 64 MiB) that takes no disk."""
    path = _path(directory, "over_max_input.txt")
    with open(path, "wb") as f:
        f.truncate(65 << 20)
    return path


def empty_file(directory, k):
    return _write(directory, "empty.txt", b"")


def binary_file(directory, k):
    """Random bytes with NULs: not text, not any format."""
    return _write(directory, "binary.txt", random.Random(k).randbytes(4096) + b"\0" * 64)


def html_deep_nesting(directory, k):
    """An HTML page of 5,000 nested <div>s."""
    page = ("<!DOCTYPE html><html><body>" + "<div>" * 5000 + "Chair: Ann Shah" +
            "</div>" * 5000 + "</body></html>")
    return _write(directory, "html_deep_nesting.html", page.encode())


def xml_deep_nesting(directory, k):
    """word/document.xml nested 1,000 elements deep (libxml2 itself stops at 256)."""
    body = "<w:customXml>" * 1000 + para("deep") + "</w:customXml>" * 1000
    return docx_body(_path(directory, "xml_deep_nesting.docx"), body)


# ---- PDF, written by hand ----

PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 255
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) & 255
        j = (j + s[i]) & 255
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) & 255])
    return bytes(out)


def _md5(data):
    return hashlib.md5(data).digest()


def show(x, y, text, size=11):
    """A content stream showing `text` at (x, y) from the top left of a US Letter page."""
    return "BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, 792 - y - size, text)


def build_pdf(pages, user_password=None, count=None, size=None):
    """A PDF of one page per content stream in `pages`, Helvetica as /F1. With `user_password`,
    RC4 40-bit encryption (standard handler, revision 2, owner password 'owner'). `count` and
    `size` override the page count the page tree and the object count the trailer declare."""
    n = len(pages)
    first_page = 4  # 1 catalog, 2 pages, 3 font, then page + content pairs
    objs = [b""] * (first_page - 1 + 2 * n)
    kids = " ".join("%d 0 R" % (first_page + 2 * i) for i in range(n))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count or n)).encode()
    objs[2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    doc_id = b"0123456789abcdef"
    key = o = None
    if user_password is not None:
        pw = user_password.encode()
        owner_key = _md5((b"owner" + PDF_PAD)[:32])[:5]
        o = _rc4(owner_key, (pw + PDF_PAD)[:32])
        key = _md5((pw + PDF_PAD)[:32] + o + struct.pack("<i", -4) + doc_id)[:5]
    for i, content in enumerate(pages):
        page, stream = first_page + 2 * i, first_page + 2 * i + 1
        objs[page - 1] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                          "/Resources << /Font << /F1 3 0 R >> >> >>" % stream).encode()
        data = content.encode("latin-1")
        if key is not None:
            salt = key + bytes([stream & 255, (stream >> 8) & 255, 0, 0, 0])
            data = _rc4(_md5(salt)[:10], data)
        objs[stream - 1] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    encrypt = 0
    if key is not None:
        objs.append(("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" %
                     (o.hex().upper(), _rc4(key, PDF_PAD).hex().upper())).encode())
        encrypt = len(objs)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    trailer = "trailer\n<< /Size %d /Root 1 0 R" % (size or len(objs) + 1)
    if encrypt:
        trailer += " /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, doc_id.hex(), doc_id.hex())
    out.write((trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode())
    return out.getvalue()


PDF_PAGE = show(72, 100, "Chair: Ann Shah") + show(72, 130, "Date: 7 July 2025")


def pdf_truncated(directory, k):
    """The first half of a one-page PDF."""
    pdf = build_pdf([PDF_PAGE])
    return _write(directory, "pdf_truncated.pdf", pdf[:len(pdf) // 2])


def pdf_encrypted(directory, k):
    """A PDF that needs the user password 'secret' to open."""
    return _write(directory, "pdf_encrypted.pdf", build_pdf([PDF_PAGE], user_password="secret"))


def pdf_page_count_claim(directory, k):
    """One real page under a page tree whose /Count claims 900,000 pages (and a trailer declaring
    999,999 objects, under max_pdf_objects, so poppler believes the count)."""
    pdf = build_pdf([PDF_PAGE], count=900000, size=999999)
    return _write(directory, "pdf_page_count_claim.pdf", pdf)


def pdf_object_count_claim(directory, k):
    """A trailer whose /Size claims 2,000,000,000 objects."""
    return _write(directory, "pdf_object_count_claim.pdf", build_pdf([PDF_PAGE], size=2000000000))


# Every generator, by case name. COST_CASES grow with k and are what scale.py measures.
GENERATORS = {
    f.__name__: f
    for f in (tab_lines, tsv_table, long_line, many_pounds, many_actions, paragraph_lines,
              docx_empty_paragraphs, docx_paragraphs, notes, xml_huge_text_node, xml_long_name,
              xml_invalid_utf8, name_with_newline, name_with_escape, pk_trailer_text,
              zip_duplicate_names, zip_bomb, zip_declared_huge, zip_lying_size, zip_many_entries,
              xxe, billion_laughs, zip_dotdot_names, zip_truncated, ole_doc, ole_encrypted, fifo,
              dev_zero, over_max_input, empty_file, binary_file, html_deep_nesting,
              xml_deep_nesting, pdf_truncated, pdf_encrypted, pdf_page_count_claim,
              pdf_object_count_claim)
}

COST_CASES = ("tab_lines", "tsv_table", "long_line", "many_pounds", "many_actions",
              "paragraph_lines", "docx_empty_paragraphs", "docx_paragraphs", "notes")
