#!/usr/bin/python3
"""Writes the XLSX fixtures of tests/unit/test_xlsx.c into this folder.

basic.xlsx comes from openpyxl, as a real workbook would; the others are
written part by part with zipfile, for what openpyxl never writes (inline and
rich strings, phonetic runs, gaps, a first sheet that is not sheet1.xml) and
for broken files. The .xlsx files are committed, so the tests need no Python.
"""
import datetime
import os
import re
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 1, 1, 0, 0, 0)  # fixed, so a rerun writes the same bytes

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def path(name):
    return os.path.join(HERE, name)


def sheet_xml(rows, prefix=""):
    """A worksheet part around the given <row> elements."""
    p = prefix + ":" if prefix else ""
    ns = NS.replace("xmlns=", "xmlns:%s=" % prefix) if prefix else NS
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<%sworksheet %s><%ssheetData>%s</%ssheetData></%sworksheet>'
            % (p, ns, p, rows, p, p))


def workbook(name, sheets, shared=None, extra=None, method=zipfile.ZIP_DEFLATED):
    """sheets: (sheet name, relationship id, target, xml) in workbook order."""
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook %s %s><sheets>' % (NS, REL_NS))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
    for i, (title, rid, target, _) in enumerate(sheets):
        wb += '<sheet name="%s" sheetId="%d" r:id="%s"/>' % (title, i + 1, rid)
        rels += '<Relationship Id="%s" Type="%sworksheet" Target="%s"/>' % (rid, REL_TYPE, target)
    wb += "</sheets></workbook>"
    if shared is not None:
        rels += '<Relationship Id="rIdS" Type="%ssharedStrings" Target="sharedStrings.xml"/>' % REL_TYPE
    rels += "</Relationships>"
    with zipfile.ZipFile(path(name), "w", method) as z:
        def put(part, text):
            z.writestr(zipfile.ZipInfo(part, STAMP), text.encode("utf-8"), method)
        put("[Content_Types].xml", CONTENT_TYPES)
        put("_rels/.rels", ROOT_RELS)
        put("xl/workbook.xml", wb)
        put("xl/_rels/workbook.xml.rels", rels)
        for _, _, target, xml in sheets:
            put(target.lstrip("/") if target.startswith("/") else "xl/" + target, xml)
        if shared is not None:
            put("xl/sharedStrings.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (NS, len(shared), len(shared),
                                                                  "".join(shared)))
        for part, text in (extra or {}).items():
            put(part, text)


def basic():
    """openpyxl: a Russian header, a date, a gap of empty rows; and the same
    with shared strings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ответы"
    ws.append(["Фамилия", "Имя", "Дата", "Балл"])
    ws.append(["Иванов", "Пётр", datetime.datetime(2024, 3, 15, 12, 0), 5])
    # rows 3 and 4 are left out: the next row is 5
    ws.cell(row=5, column=1, value="Петрова")
    ws.cell(row=5, column=2, value="Анна")
    ws.cell(row=5, column=4, value=4.5)
    ws.cell(row=6, column=1, value="Иванов")  # the same shared string again
    ws.cell(row=6, column=3, value=True)
    wb.create_sheet("Второй")["A1"] = "not read"
    save_pinned(wb, "basic.xlsx")
    shared_from_inline("basic.xlsx", "basic-sst.xlsx")


def save_pinned(wb, name):
    """Saves an openpyxl workbook with its times pinned, so a rerun writes
    the same bytes (openpyxl stamps the save time into the entries and
    docProps)."""
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(path(name))
    with zipfile.ZipFile(path(name)) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            if part == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(part, STAMP), data, zipfile.ZIP_DEFLATED)


def date1904():
    """openpyxl in the 1904 date system (<workbookPr date1904="1"/>, as Excel
    for Mac wrote): its serials count days from 1904-01-01."""
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["response_id", "submitted_at", "q.overall"])
    ws.append(["yf:1", datetime.datetime(2024, 3, 15, 12, 30), 5])
    ws.append(["yf:2", datetime.datetime(2024, 2, 29, 0, 0), 4])
    save_pinned(wb, "date1904.xlsx")


def shared_from_inline(src, dst):
    """src rewritten as Excel writes it: inline strings moved to
    xl/sharedStrings.xml (openpyxl 3.0 writes inline strings only)."""
    strings = []

    def index(m):
        text = m.group(2)
        if text not in strings:
            strings.append(text)
        return '<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), strings.index(text))

    with zipfile.ZipFile(path(src)) as zin, \
            zipfile.ZipFile(path(dst), "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info).decode("utf-8")
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>([^<]*)</t></is></c>',
                              index, data)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>",
                                    '<Relationship Id="rIdS" Type="%ssharedStrings" '
                                    'Target="sharedStrings.xml"/></Relationships>' % REL_TYPE)
            zout.writestr(zipfile.ZipInfo(info.filename, STAMP), data.encode("utf-8"),
                          zipfile.ZIP_DEFLATED)
        zout.writestr(zipfile.ZipInfo("xl/sharedStrings.xml", STAMP),
                      ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s>%s</sst>'
                       % (NS, "".join("<si><t>%s</t></si>" % t for t in strings))).encode("utf-8"),
                      zipfile.ZIP_DEFLATED)


def crafted():
    """Hand-written parts: the first sheet is worksheets/data.xml (sheet1.xml is
    listed second), rich and phonetic shared strings, an inline string, formula
    string results, booleans, errors, gaps, a row of styled empty cells and a
    row with no cells, all under an x: namespace prefix."""
    shared = [
        "<si><t>Ответ</t></si>",
        # rich text runs joined; the phonetic run and its <t> left out
        '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r>'
        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>',
        "<si><t>a &amp; b &lt;c&gt;</t></si>",
        "<si><t/></si>",
    ]
    rows = (
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
        '<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r>'
        "</x:is></x:c></x:row>"
        # gaps: A then D; D is a formula with its string result
        '<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c>'
        '<x:c r="D2" t="str"><x:f>A2&amp;""</x:f><x:v>a &amp; b &lt;c&gt;</x:v></x:c></x:row>'
        # styled empty cells only: skipped
        '<x:row r="3"><x:c r="A3" s="1"/><x:c r="B3" s="1"/></x:row>'
        '<x:row r="4"/>'
        '<x:row r="5"><x:c r="A5" t="b"><x:v>1</x:v></x:c><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c>'
        '<x:c r="C5"><x:v>45366.5</x:v></x:c><x:c r="D5" t="n"><x:v>-1.5E-3</x:v></x:c>'
        '<x:c r="E5" t="s"><x:v>3</x:v></x:c><x:c r="F5" s="2"/></x:row>'
        # no r attributes: the row follows row 5, cells follow each other
        "<x:row><x:c><x:v>7</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>next</x:t></x:is></x:c></x:row>"
    )
    sheets = [
        ("Data", "rId7", "worksheets/data.xml", sheet_xml(rows, "x")),
        ("Other", "rId1", "worksheets/sheet1.xml",
         sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row>')),
    ]
    workbook("crafted.xlsx", sheets, shared)
    # the same stored uncompressed: a seed whose XML a fuzzer can mutate
    workbook("stored.xlsx", sheets, shared, method=zipfile.ZIP_STORED)


def numbers_only():
    """No sharedStrings.xml at all; the sheet named with an absolute target."""
    rows = '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>2.5</v></c></row>'
    workbook("numbers.xlsx", [("S", "rId1", "/xl/worksheets/sheet9.xml", sheet_xml(rows))])


def broken():
    # not a zip at all
    with open(path("notzip.xlsx"), "wb") as f:
        f.write(b"id,name\n1,not a workbook\n")
    # a zip cut in half: the central directory is gone
    with open(path("basic.xlsx"), "rb") as f:
        data = f.read()
    with open(path("cutzip.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    # the sheet's XML ends inside the third row
    rows = ''.join('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in (1, 2))
    xml = sheet_xml(rows + '<row r="3"><c r="A3"><v>3</v></c></row>')
    xml = xml[: xml.index('<row r="3">') + len('<row r="3"><c r="A3"><v>3')]
    workbook("truncated.xlsx", [("S", "rId1", "worksheets/sheet1.xml", xml)])
    # a shared string index past the table, in row 2
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>5</v></c></row>')
    workbook("badindex.xlsx", [("S", "rId1", "worksheets/sheet1.xml", sheet_xml(rows))],
             ["<si><t>only</t></si>"])
    # a cell beyond column XFD
    rows = '<row r="1"><c r="XFD1"><v>1</v></c></row><row r="2"><c r="XFE2"><v>1</v></c></row>'
    workbook("toowide.xlsx", [("S", "rId1", "worksheets/sheet1.xml", sheet_xml(rows))])
    # a 2 MiB tag in row 2, which expat would hold whole; a 1.2 MB cell in row 1
    rows = ('<row r="1"><c r="A1"><v>1</v></c></row><row r="2" x="%s"><c r="A2"><v>1</v></c></row>'
            % ("a" * (2 << 20)))
    workbook("longtag.xlsx", [("S", "rId1", "worksheets/sheet1.xml", sheet_xml(rows))])
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>' % ("б" * 600000)
    workbook("longcell.xlsx", [("S", "rId1", "worksheets/sheet1.xml", sheet_xml(rows))])
    # unknown elements nested 100,000 deep, in the sheet after row 1 and in
    # the shared strings (expat keeps every open one)
    deep = "<x>" * 100000 + "</x>" * 100000
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2">%s</row>' % deep
    workbook("deep.xlsx", [("S", "rId1", "worksheets/sheet1.xml", sheet_xml(rows))])
    workbook("deepsst.xlsx", [("S", "rId1", "worksheets/sheet1.xml",
                               sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))],
             ["<si>%s</si>" % deep])
    # entity expansion through a DTD (a small "billion laughs")
    dtd = ('<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
           '<sst %s><si><t>&c;</t></si></sst>' % NS)
    workbook("doctype.xlsx", [("S", "rId1", "worksheets/sheet1.xml",
                               sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))],
             None, extra={"xl/sharedStrings.xml": dtd})


if __name__ == "__main__":
    basic()
    date1904()
    crafted()
    numbers_only()
    broken()
