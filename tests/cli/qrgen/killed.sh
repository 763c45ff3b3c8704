# Killed while writing codes (SIGKILL, no chance to clean up): every code
# file is whole, no temporary is left beside them, and nothing reached
# standard output (the manifest is held until the end).
awk 'BEGIN { print "name,url"; for (i = 0; i < 3000; i++) printf "c%04d,https://example.ru/s?c=%d\n", i, i }' > in.csv
qrgen -q -o codes in.csv > manifest.csv &
pid=$!
for i in $(seq 200); do
  [ "$(ls codes 2>/dev/null | wc -l)" -ge 20 ] && break
  sleep 0.05
done
kill -KILL $pid 2>/dev/null && echo "killed while running"
wait $pid 2>/dev/null
echo "manifest: $(wc -c < manifest.csv) bytes"
echo "other files: $(ls codes | grep -cv '^c[0-9][0-9][0-9][0-9][.]png$')"
for f in codes/*.png; do
  python3 -c 'import sys, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n" and d[-8:-4] == b"IEND", sys.argv[1]' "$f" || echo "$f is not whole"
done
