# Binary output (PDF, XLSX, PNG) to a terminal is refused with a hint, like
# gzip, before any work; text (Markdown, CSV) is shown. The terminal is a
# pseudo-terminal made by Python's pty module.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv
python3 - "$DATA/report/injection.csv" <<'PY'
import os, pty, subprocess, sys
def on_terminal(*cmd):
    master, slave = pty.openpty()
    p = subprocess.run(cmd, stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    os.set_blocking(master, False)
    shown = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            shown += chunk
    except (BlockingIOError, OSError):
        pass
    os.close(master)
    print(" ".join(cmd[:3]), "-> exit", p.returncode, "|",
          "text on the terminal" if shown else "nothing on the terminal")
    for line in p.stderr.decode().splitlines():
        print("  ", line)
tally = sys.argv[1]
on_terminal("report", "-f", "pdf", tally)
on_terminal("report", "-f", "xlsx", tally)
on_terminal("report", "-o", "/dev/stdout", tally)
on_terminal("leaflet", "-t", "authority", "m.csv")
on_terminal("report", "-f", "md", tally)
PY
