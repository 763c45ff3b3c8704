# Decodes every code image a manifest names and compares it with the url
# column; prints one line per mismatch and a count. Used by the qrgen cases.
import csv, subprocess, sys

ok = bad = 0
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    path = row["file"]
    if path.endswith(".pdf"):
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", path, path + ".page"], check=True)
        path += ".page.png"
    got = subprocess.run(["zbarimg", "-q", "--raw", "-Sbinary", path], capture_output=True).stdout
    if got.rstrip(b"\n") == row["url"].encode():
        ok += 1
    else:
        bad += 1
        print("MISMATCH", row["file"], got[:80], row["url"][:80])
print(f"{ok} decoded, {bad} wrong")
