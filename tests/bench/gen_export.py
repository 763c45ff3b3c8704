#!/usr/bin/env python3
"""A synthetic Yandex Forms export of the demo campaign, as an operator has it
after opening the download in Excel and saving it as CSV.

usage: gen_export.py ROWS OUT [--seed=N] [--campaign=FILE]

Writes ROWS answers of the services survey to OUT ('-' for stdout):
Windows-1251, ';' between fields, CRLF, no BOM, header

  ID;Время создания;<the 7 question texts>;Ваши замечания и предложения;service;point;src

with the question texts taken verbatim from the campaign (default
share/examples/demo-campaign.yaml of this tree). ID is a unique 10-digit
number; Время создания is ДД.ММ.ГГГГ ЧЧ:ММ, rising through the campaign
period as in a real export; answers to 1-5 questions are option texts
('5 - Отлично' ... '1 - Очень плохо'), the first question rarely empty, the
others more often (optional); the yes/no question is Да/Нет (or empty);
about a fifth of the rows carry a short Russian comment, some of them
quoted because they hold ';' or '"'. service is an item id of the campaign's
services direction, point a point that offers it, src qr/site/reply (the
pre-filled parameters). About 116 bytes a row, as the raw exports measured in
the issue (1M rows ~ 116 MB). The same seed gives the same file.
Built as bytes and written in 100k-row chunks: ~1M rows in a few seconds.
"""
import datetime
import os
import random
import re
import sys

CHUNK = 100000
SCALE = ["5 - Отлично", "4 - Хорошо", "3 - Удовлетворительно", "2 - Плохо", "1 - Очень плохо"]
SCALE_W = [40, 27, 12, 5, 6]   # ~10% empty added per question below
PHRASES = ["Всё понравилось", "Долго ждал в очереди", "Вежливый персонал",
           "Спасибо за помощь", "Мало мест для ожидания", "Быстро и удобно",
           "Сайт неудобный", "Надо больше окон", "Не работал терминал",
           "Консультант всё объяснил"]


def load_campaign(path):
    """Question texts, services item ids and the points offering each, read
    with patterns fitted to the demo campaign's flow-style YAML."""
    text = open(path, encoding="utf-8").read()
    q = text.split("\nquestions:", 1)
    questions = re.findall(r'^\s*- \{ id: [\w.-]+, scale: ([\w/-]+), text: "([^"]*)" \}',
                           q[1] if len(q) == 2 else "", re.M)
    services = re.findall(r'^\s*- \{ id: ([\w-]+), authority: [\w-]+, direction: services,',
                          text, re.M)
    points = re.findall(r'^\s*- id: ([\w-]+)\n(?:\s+\w+: .*\n)*?\s+items: \[([^\]]*)\]',
                        text, re.M)
    offered = {s: [p for p, items in points
                   if s in [i.strip() for i in items.split(",")]] for s in services}
    offered = {s: ps for s, ps in offered.items() if ps}
    if len(questions) != 7 or [s for s, _ in questions].count("yes/no") != 1 or not offered:
        sys.stderr.write("gen_export.py: %s: expected 7 questions (one yes/no) and services "
                         "items offered at points\n" % path)
        sys.exit(1)
    start = re.search(r"period: \{ start: (\d{4}-\d\d-\d\d), end: (\d{4}-\d\d-\d\d) \}", text)
    return questions, offered, start.groups() if start else ("2024-02-16", "2024-03-31")


def enc(s):
    return s.encode("cp1251")


def quoted(s):
    if ";" in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def comment_pool(rng, n=400):
    pool = []
    for _ in range(n):
        s = rng.choice(PHRASES)
        r = rng.random()
        if r < 0.25:
            s += "; " + rng.choice(PHRASES).lower()
        elif r < 0.35:
            s = 'Оператор сказал: "' + s.lower() + '"'
        elif r < 0.55:
            s += ", " + rng.choice(PHRASES).lower()
        pool.append(enc(quoted(s + ".")))
    return pool


def generate(rows, out, seed, campaign):
    rng = random.Random(seed)
    questions, offered, (first, last) = load_campaign(campaign)
    header = ["ID", "Время создания"] + [t for _, t in questions] + \
             ["Ваши замечания и предложения", "service", "point", "src"]
    out.write(enc(";".join(quoted(h) for h in header)) + b"\r\n")

    d0 = datetime.date.fromisoformat(first)
    ndays = (datetime.date.fromisoformat(last) - d0).days + 1
    days = [(d0 + datetime.timedelta(d)).strftime("%d.%m.%Y ") for d in range(ndays)]
    stamps = [enc(days[m // 1440] + "%02d:%02d" % (m // 60 % 24, m % 60))
              for m in range(ndays * 1440)]
    span = len(stamps)
    # option texts; empties: first question 3%, the optional ones 52%
    opts = [enc(s) for s in SCALE] + [b""]
    first_w, rest_w = SCALE_W + [3], [w * 48 / 90 for w in SCALE_W] + [52]
    yesno, yesno_w = [enc("Да"), enc("Нет"), b""], [72, 13, 15]
    pairs = [(s.encode(), p.encode()) for s, ps in offered.items() for p in ps]
    pair_w = [1.0 / (i + 1) ** 0.7 for i in range(len(pairs))]
    rng.shuffle(pair_w)
    srcs, src_w = [b"qr", b"site", b"reply"], [70, 20, 10]
    comments = comment_pool(rng) + [b""] * 1600   # a fifth of the rows commented

    c = rng.choices
    done = 0
    while done < rows:
        k = min(CHUNK, rows - done)
        ids = [b"%d" % ((i * 2654435761) % 9000000000 + 1000000000)
               for i in range(done + 1, done + k + 1)]
        ts = [stamps[(i * span) // rows] for i in range(done, done + k)]
        cols = [ids, ts]
        for scale, _ in questions:
            if scale == "yes/no":
                cols.append(c(yesno, yesno_w, k=k))
            else:
                cols.append(c(opts, first_w if len(cols) == 2 else rest_w, k=k))
        cols.append(c(comments, k=k))
        sp = c(pairs, pair_w, k=k)
        cols.append([s for s, _ in sp])
        cols.append([p for _, p in sp])
        cols.append(c(srcs, src_w, k=k))
        out.write(b"\r\n".join(map(b";".join, zip(*cols))) + b"\r\n")
        done += k


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    seed = 20240216
    campaign = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "share", "examples", "demo-campaign.yaml")
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
        elif a.startswith("--campaign="):
            campaign = a.split("=", 1)[1]
        elif a.startswith("--"):
            sys.stderr.write("gen_export.py: unknown option %s\n" % a)
            return 2
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    rows, path = int(args[0]), args[1]
    if path == "-":
        generate(rows, sys.stdout.buffer, seed, campaign)
        sys.stdout.buffer.flush()
    else:
        with open(path, "wb", buffering=1 << 22) as out:
            generate(rows, out, seed, campaign)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
