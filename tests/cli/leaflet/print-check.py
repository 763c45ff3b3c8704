# What a print shop checks in a leaflet PDF, read from the file itself.
#   print-check.py boxes PDF        the page boxes of page 1, in points
#   print-check.py colours PDF      the colour operators of every content stream
#                                   (decompressed by qpdf) and the PDF/X keys
#   print-check.py plates PDF X Y S the plates under the QR code (X, Y, S in mm
#                                   from the sheet's top left corner), from a
#                                   Ghostscript CMYK render (pamcmyk32, 72 dpi)
# usage: see above
import collections, os, re, subprocess, sys, tempfile

def qdf(pdf):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, out], check=True)
        return open(out, "rb").read().decode("latin-1")

def boxes(pdf):
    text = qdf(pdf)
    page = text[text.index("%% Page 1"):]
    page = page[:page.index("endobj")]
    for name in ("MediaBox", "BleedBox", "TrimBox"):
        m = re.search(r"/%s \[\s*([^\]]*)\]" % name, page)
        values = [float(v) for v in m.group(1).split()] if m else None
        print(name, " ".join("%.2f" % v for v in values) if values else "missing")

def colours(pdf):
    text = qdf(pdf)
    ops = collections.Counter()
    for stream in re.findall(r"stream\n(.*?)endstream", text, re.S):
        if "\x00" in stream:      # fonts, images and profiles
            continue
        for m in re.finditer(r"(?:^|\s)((?:-?[\d.]+\s+){1,4})(rg|RG|k|K|g|G)(?=\s)", stream):
            ops[" ".join(m.group(1).split()) + " " + m.group(2)] += 1
    rgb = sum(n for op, n in ops.items() if op.endswith((" rg", " RG", " g", " G")))
    print("rgb and gray operators:", rgb)
    for op in sorted(op for op in ops if op.endswith((" k", " K"))):
        print("cmyk:", op)
    print("GTS_PDFXVersion:", re.search(r"/GTS_PDFXVersion \(([^)]*)\)", text).group(1)
          if "/GTS_PDFXVersion" in text else "missing")
    print("XMP version:", re.search(r"<pdfxid:GTS_PDFXVersion>([^<]*)<", text).group(1)
          if "pdfxid:GTS_PDFXVersion>" in text else "missing")
    m = re.search(r"/OutputIntents \[\s*<<(.*?)>>\s*\]", text, re.S)
    if m:
        intent = m.group(1)
        ref = re.search(r"/DestOutputProfile (\d+) 0 R", intent).group(1)
        prof = text[text.index("\n%s 0 obj" % ref):]
        prof = prof[:prof.index("endobj")]
        print("output intent:", re.search(r"/S (/\w+)", intent).group(1),
              re.search(r"/OutputCondition \(([^)]*)\)", intent).group(1),
              "profile /N", re.search(r"/N (\d+)", prof).group(1),
              "acsp" if "acsp" in prof else "no ICC header")
    else:
        print("output intent: missing")
    spaces = sorted(set(re.findall(r"/(?:ColorSpace|CS) (/Device\w+)", text)))
    print("colour spaces:", " ".join(spaces))

def plates(pdf, x, y, size):
    dpi = 72
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "p.pam")
        subprocess.run(["gs", "-q", "-dSAFER", "-o", out, "-sDEVICE=pamcmyk32", "-r%d" % dpi,
                        "-dFirstPage=1", "-dLastPage=1", pdf], check=True)
        data = open(out, "rb").read()
    end = data.index(b"ENDHDR\n") + 7
    head = data[:end].decode()
    width = int(re.search(r"WIDTH (\d+)", head).group(1))
    px = lambda mm: int(round(mm / 25.4 * dpi))
    inks = collections.Counter()
    for row in range(px(y), px(y + size)):
        for col in range(px(x), px(x + size)):
            i = end + (row * width + col) * 4
            c, m, ye, k = data[i:i + 4]
            if c or m or ye:
                inks["C, M or Y"] += 1
            elif k:
                inks["K only"] += 1
            else:
                inks["paper"] += 1
    print("QR area:", ", ".join("%s %s" % (name, "yes" if inks[name] else "no")
                                for name in ("K only", "C, M or Y", "paper")))

cmd = sys.argv[1]
if cmd == "boxes":
    boxes(sys.argv[2])
elif cmd == "colours":
    colours(sys.argv[2])
else:
    plates(sys.argv[2], *(float(v) for v in sys.argv[3:6]))
