#!/usr/bin/env python3
"""Checks the paper forms against the manifest and the campaign.

  check-form.py MANIFEST FORMS.pdf CAMPAIGN.yaml

Page by page (one per direction or item row, in manifest order): the text
(pdftotext) holds the item's name, the point's and every question of the
campaign; the code, read with zbarimg from a 150 dpi rendering, carries the
row's campaign, authority, direction, item and point ids. Prints one line per
page; a mismatch is printed as 'FAIL ...'."""
import csv
import re
import subprocess
import sys
import tempfile


def questions(path):
    """The campaign's question texts and its id (a small YAML reading: the
    fixture's flow mappings)."""
    texts, cid = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r'scale: [^,]+, text: "([^"]+)"', line)
            if m:
                texts.append(m.group(1))
            m = re.match(r"\s+id: (\S+)", line)
            if m and cid is None:
                cid = m.group(1)
    return cid, texts


def flat(s):
    return " ".join(s.replace("\u00ad", "").split())


def main():
    manifest, pdf, campaign = sys.argv[1:4]
    cid, qs = questions(campaign)
    with open(manifest, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] != "authority"]
    with tempfile.TemporaryDirectory() as tmp:
        for n, r in enumerate(rows, 1):
            text = flat(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                                       capture_output=True, text=True, check=True).stdout)
            missing = [t for t in [r["item_name"], r["point_name"], *qs] if flat(t) not in text]
            subprocess.run(["pdftoppm", "-r", "150", "-f", str(n), "-l", str(n), "-png",
                            "-singlefile", pdf, f"{tmp}/p"], check=True)
            code = subprocess.run(["zbarimg", "-q", "--raw", f"{tmp}/p.png"],
                                  capture_output=True, text=True).stdout.strip()
            ids = [("c", cid), ("a", r["authority"]), ("d", r["direction"]),
                   ("i", r["item"]), ("p", r["point"])]
            want = "anketa:form?" + "&".join(f"{k}={v}" for k, v in ids if v)
            if missing:
                print(f"FAIL page {n}: missing {missing}")
            if code != want:
                print(f"FAIL page {n}: code '{code}', expected '{want}'")
            print(f"page {n}: {r['code_id']}: {len(qs)} questions, code read")


if __name__ == "__main__":
    main()
