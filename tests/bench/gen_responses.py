#!/usr/bin/env python3
"""Synthetic canonical responses for tally's benchmark and differential tests.

usage: gen_responses.py ROWS OUT [--seed=N] [--bom] [--crlf] [--small]

Writes ROWS canonical responses (doc/architecture.md, "Canonical responses") to OUT ('-' for
stdout): 40 authorities, 6 directions, 2000 items (Zipf-like), 500 points tied
to Cyrillic municipalities with their UTC offsets in submitted_at, all of 2024;
q.overall..q.info on 1-5 with ~10% empty, q.result 0/1, weights 1, 0.5, 2, 1.5,
and comments (30%) with commas, "quotes" and line breaks inside quotes.
--bom and --crlf make the input a spreadsheet would save; --small shrinks the
key pools (tests that want many rows per group). The same seed gives the same
file, and a smaller file is a prefix of a larger one.
"""
import csv
import io
import random
import sys

HEADER = ["response_id", "submitted_at", "source", "channel", "authority", "direction",
          "item", "point", "municipality", "weight", "q.overall", "q.time", "q.wait",
          "q.courtesy", "q.info", "q.result", "comment"]
SOURCES = ["yandex-forms", "pos", "paper", "site"]
PREFIX = {"yandex-forms": "yf", "pos": "pos", "paper": "paper", "site": "site"}
CHANNELS = ["qr", "site", "social", "reply", "mfc"]
DIRECTIONS = ["services", "support", "control", "prevention", "appeals", "information"]
MUNICIPALITIES = [("Благовещенск", 9), ("Москва", 3), ("Новосибирск", 7), ("Екатеринбург", 5),
                  ("Казань", 3), ("Хабаровск", 10), ("Калининград", 2), ("Омск", 6),
                  ("Самара", 4), ("Якутск", 9), ("Иркутск", 8), ("Тында", 9)]
PHRASES = ["Всё понравилось", "Очень долго ждал в очереди", "Вежливый персонал",
           "Спасибо за помощь", "Не хватает мест для ожидания", "Быстро и удобно",
           "Сайт неудобный, информацию найти сложно", "Надо больше окон"]
CHUNK = 50000


def comment(rng):
    s = rng.choice(PHRASES)
    for _ in range(rng.choice((0, 0, 1, 2))):
        r = rng.random()
        s += (", а также " if r < 0.3 else ".\n" if r < 0.5 else ". ") + rng.choice(PHRASES)
    r = rng.random()
    if r < 0.15:
        s = 'Сотрудник сказал: "' + s + '"'
    return s + "."


def generate(rows, out, seed, crlf, small):
    rng = random.Random(seed)
    n_auth, n_item, n_point = (5, 20, 8) if small else (40, 2000, 500)
    auths = ["auth-%02d" % i for i in range(1, n_auth + 1)]
    auth_w = [1.0 / i ** 0.6 for i in range(1, n_auth + 1)]
    items = ["svc-%04d" % i for i in range(1, n_item + 1)]
    item_w = [1.0 / i ** 0.8 for i in range(1, n_item + 1)]
    points = ["pt-%03d" % i for i in range(1, n_point + 1)]
    point_w = [1.0 / i ** 0.5 for i in range(1, n_point + 1)]
    muni = [MUNICIPALITIES[rng.randrange(len(MUNICIPALITIES))] for _ in points]
    days = []
    for m, n in enumerate([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], 1):
        days += ["2024-%02d-%02d" % (m, d) for d in range(1, n + 1)]
    times = ["T%02d:%02d:00" % (h, m) for h in range(24) for m in range(60)]
    scores, score_w = ["1", "2", "3", "4", "5", ""], [6, 5, 12, 27, 40, 10]
    w = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    w.writerow(HEADER)
    done = 0
    c = rng.choices
    while done < rows:
        k = CHUNK
        src = c(SOURCES, [55, 25, 10, 10], k=k)
        chan = c(CHANNELS, [45, 15, 10, 10, 20], k=k)
        auth = c(auths, auth_w, k=k)
        dirn = c(DIRECTIONS, [40, 20, 10, 5, 15, 10], k=k)
        item = c(items, item_w, k=k)
        pidx = c(range(len(points)), point_w, k=k)
        day = c(days, k=k)
        tod = c(times, k=k)
        wt = c(["1", "0.5", "2", "1.5"], [93, 3, 3, 1], k=k)
        qs = [c(scores, score_w, k=k) for _ in range(5)]
        res = c(["1", "0", ""], [75, 15, 10], k=k)
        has = [rng.random() < 0.3 for _ in range(k)]
        batch = []
        for j in range(min(k, rows - done)):
            m, off = muni[pidx[j]]
            batch.append(("%s:%d" % (PREFIX[src[j]], done + j + 100000),
                          "%s%s+%02d:00" % (day[j], tod[j], off), src[j], chan[j], auth[j],
                          dirn[j], item[j], points[pidx[j]], m, wt[j], qs[0][j], qs[1][j],
                          qs[2][j], qs[3][j], qs[4][j], res[j], comment(rng) if has[j] else ""))
        w.writerows(batch)
        done += len(batch)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = [a for a in argv[1:] if a.startswith("--")]
    seed = 20240301
    for a in opts:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
        elif a not in ("--bom", "--crlf", "--small"):
            sys.stderr.write("gen_responses.py: unknown option %s\n" % a)
            return 2
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    rows, path = int(args[0]), args[1]
    raw = sys.stdout.buffer if path == "-" else open(path, "wb")
    with io.TextIOWrapper(raw, encoding="utf-8-sig" if "--bom" in opts else "utf-8",
                          newline="", write_through=False) as out:
        generate(rows, out, seed, "--crlf" in opts, "--small" in opts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
