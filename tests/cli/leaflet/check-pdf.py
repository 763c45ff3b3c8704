# Checks a leaflet PDF against the manifest rows it was made from: the page
# count, embedded fonts, every item name in the text layer, and every code
# decoded by zbarimg from a 150 dpi rendering of every page.
# usage: check-pdf.py MANIFEST PDF LEVEL EXPECTED_PAGES
import csv, glob, os, re, subprocess, sys, tempfile

manifest, pdf, level, pages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [r for r in csv.DictReader(open(manifest, encoding="utf-8")) if r["level"] == level]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
got_pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
print("pages", "ok" if got_pages == pages else f"{got_pages} != {pages}")

fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
embedded = all(line.split()[-5] == "yes" for line in fonts)
print("fonts", "embedded" if fonts and embedded else "NOT embedded")

# Compared without white space and hyphens: pdftotext joins "антенно-" and
# "мачтовых" at a line break into "антенномачтовых".
squeeze = lambda s: "".join(s.split()).replace("-", "")
text = squeeze(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
missing = [r["item_name"] for r in rows if r["item_name"] and squeeze(r["item_name"]) not in text]
print("names", "all found" if not missing else f"missing {missing[:3]}")

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, os.path.join(tmp, "p")], check=True)
    decoded = []
    for page in sorted(glob.glob(os.path.join(tmp, "p-*.png"))):
        out = subprocess.run(["zbarimg", "-q", "--raw", page], capture_output=True).stdout
        decoded += [u for u in out.decode().split("\n") if u]
want = sorted(r["url"] for r in rows)
print("codes", "all decoded" if sorted(decoded) == want else f"{len(decoded)} decoded of {len(want)}")
