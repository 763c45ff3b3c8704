# PNG pages carry their resolution (pHYs), as qrgen's do: a word processor
# then inserts the reply block at its 170 mm, and an A5 page at 148 mm.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l direction > d.csv
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l item > i.csv
leaflet -q -t reply -w direction=appeals -w authority=minsoc -o reply.png d.csv || exit 1
head -2 i.csv > one.csv
leaflet -q -t item --dpi 150 -o item.png one.csv || exit 1
python3 - reply.png item.png <<'PY'
import struct, sys
for name in sys.argv[1:]:
    data, pos, dpi, width = open(name, "rb").read(), 8, None, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width = struct.unpack(">I", body[:4])[0]
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", body)
            dpi = x * 0.0254 if unit == 1 and x == y else None
        pos += 12 + length
    print(name, "no resolution" if dpi is None else
          "%.0f dpi, %d px = %.1f mm wide" % (dpi, width, width / dpi * 25.4))
PY
