#!/usr/bin/env python3
"""Builds joint_committee.docx: minutes whose attendance is one Word table laid out in sections.

A section is named by a row of its own, either one merged cell spanning every column (w:gridSpan)
or a bold first cell with the others empty; the people of the section are the rows below it.
Run from anywhere: python3 samples/cases/make_joint_committee.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
COLUMNS = 3


def run(text, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, style=None, bold=False):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    return f'<w:p>{ppr}{run(text, bold) if text else ""}</w:p>'


def cell(text, bold=False, span=1):
    tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else '<w:tcPr/>'
    return f'<w:tc>{tcpr}{para(text, bold=bold)}</w:tc>'


def row(*cells):
    return '<w:tr>' + ''.join(cells) + '</w:tr>'


def person(name, organisation, role=''):
    return row(cell(name), cell(organisation), cell(role))


def merged_section(title):
    return row(cell(title, bold=True, span=COLUMNS))


def bold_section(title):
    return row(cell(title, bold=True), cell(''), cell(''))


def table(rows):
    grid = '<w:tblGrid>' + '<w:gridCol w:w="3000"/>' * COLUMNS + '</w:tblGrid>'
    return '<w:tbl>' + grid + ''.join(rows) + '</w:tbl>'


body = [
    para('North West Regional Adoption Joint Committee — Minutes', style='Title'),
    para('Date: Wednesday 4 March 2026, 2pm – 4pm'),
    para('Attendance'),
    table([
        row(cell('Name', bold=True), cell('Authority', bold=True), cell('Role', bold=True)),
        merged_section('Members'),
        person('Cllr Ann Moss', 'Bolton Council', 'Chair'),
        person('Cllr Raj Sethi', 'Bury Council', ''),
        person('Cllr Helen Fry', 'Oldham Council', 'Vice Chair'),
        merged_section('Substitute Members'),
        person('Cllr Kevin Doyle', 'Rochdale Borough Council', ''),
        bold_section('Apologies'),
        person('Cllr Sarah Lomax', 'Rochdale Borough Council', ''),
        merged_section('Officers in attendance'),
        person('Karen Wild', 'Bolton Council', 'Head of Regional Adoption'),
        person('Tariq Aziz', 'Bury Council', 'Democratic Services Officer'),
    ]),
    para('1. Declarations of interest'),
    para('None were declared.'),
    para('2. Adoption allowances'),
    para('KW reported that the regional adoption allowance is £210 per week.'),
    para('Oldham joined the scheme in January.'),
    para('Action: KW to report on the adoption support fund in June.'),
    para('3. Any other business'),
    para('HF thanked officers for their work.'),
]

document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>')
content_types = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'joint_committee.docx')
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    # A fixed date keeps the bytes (and so the sha256) the same on every run.
    for name, data in (('[Content_Types].xml', content_types), ('_rels/.rels', rels),
                       ('word/document.xml', document)):
        info = zipfile.ZipInfo(name, date_time=(2026, 3, 4, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
