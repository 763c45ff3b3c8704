#!/usr/bin/env python3
"""Synthetic survey exports for the demo campaign (share/examples/demo-campaign.yaml).

usage: make-exports.py [OUT_DIR]     (default: the directory of this script)

Writes, for one month of the demo campaign, the files that `ingest` reads:

  yandex-forms-2024-03.csv        Yandex Forms CSV download (UTF-8 + BOM, ',', LF),
                                  made on 24 March: answers of 1-23 March
  yandex-forms-2024-03-excel.csv  the same form for 15-31 March, opened in Excel
                                  and saved as CSV (cp1251, ';', CRLF, dd.mm.yyyy hh:mm)
  yandex-forms-2024-04.xlsx       April download as XLSX (sheet "Sheet")
  pos-2024-03.csv                 Gosuslugi feedback platform (ПОС) poll export
  paper-forms-2024-03.csv         typed-in paper questionnaires
  paper-counts-2024-03.csv        hand counts, one row per answer combination

Every file carries a few deliberately bad rows (see README). The output is
deterministic: a fixed seed, no clock, fixed XLSX metadata and zip timestamps.
Needs python3 with openpyxl (Debian: python3-openpyxl). The campaign is read
with a small parser for the shapes demo-campaign.yaml uses, not a YAML library.
"""
import csv
import datetime as dt
import io
import os
import random
import re
import sys
import zipfile

SEED = 20240301
HERE = os.path.dirname(os.path.abspath(__file__))
CAMPAIGN = os.path.join(HERE, "..", "demo-campaign.yaml")

COMMENT_HEADER = "Ваши замечания и предложения"
HIDDEN = ["service", "control", "point", "src"]
# Which hidden field carries the item id, per item kind (as in the campaign's
# prefill: services and measures share their direction's form).
ITEM_FIELD = {"service": "service", "measure": "service", "control": "control"}
YF_SCALE = {5: "5 - Отлично", 4: "4 - Хорошо", 3: "3 - Нормально",
            2: "2 - Плохо", 1: "1 - Очень плохо"}
POS_SCALE = {5: "Отлично", 4: "Хорошо", 3: "Удовлетворительно",
             2: "Плохо", 1: "Очень плохо"}


# ---------------------------------------------------------------- campaign --
def parse_flow(s):
    """'{ id: x, name: "a, b" }' -> dict (flat flow mapping, scalars only)."""
    out = {}
    for m in re.finditer(r'(\w+):\s*("(?:[^"\\]|\\.)*"|[^,}]+)', s):
        v = m.group(2).strip()
        out[m.group(1)] = v[1:-1] if v.startswith('"') else v
    return out


def load_campaign(path):
    items, points, questions = [], [], []
    section, cur = None, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                section = line.split(":")[0]
                continue
            s = line.strip()
            if section in ("items", "questions") and s.startswith("- {"):
                (items if section == "items" else questions).append(parse_flow(s[2:]))
            elif section == "points":
                if s.startswith("- id:"):
                    cur = {"id": s[5:].strip()}
                    points.append(cur)
                else:
                    k, v = s.split(":", 1)
                    v = v.strip()
                    if v.startswith("["):
                        v = [x.strip() for x in v.strip("[]").split(",")]
                    elif v.startswith('"'):
                        v = v[1:-1]
                    cur[k] = v
    if len(questions) != 7 or not items or not points:
        sys.exit("make-exports: unexpected campaign shape in %s" % path)
    return items, points, questions


ITEMS, POINTS, QUESTIONS = load_campaign(CAMPAIGN)
ITEM = {i["id"]: i for i in ITEMS}
POINT = {p["id"]: p for p in POINTS}
QTEXT = [q["text"] for q in QUESTIONS]
for pt in POINTS:
    for iid in pt["items"]:
        assert iid in ITEM, (pt["id"], iid)

rng = random.Random(SEED)

# ------------------------------------------------------------ respondents --
# How good each point is (mean overall score) and how busy (relative weight).
POINT_MEAN = {"mfc-blag-zeyskaya": 4.3, "mfc-blag-teatralnaya": 3.6, "mfc-belogorsk": 4.2,
              "mfc-svobodny": 4.0, "mfc-tynda": 3.7, "mfc-zeya": 4.4, "kcson-blag": 4.3,
              "kcson-belogorsk": 4.5, "kcson-raichikhinsk": 4.1, "minsoc-priem": 3.5,
              "mincifry-office": 4.0, "blag-priem": 3.8, "blag-gradostr": 3.4}
POINT_WEIGHT = {"mfc-blag-zeyskaya": 30, "mfc-blag-teatralnaya": 14, "mfc-belogorsk": 12,
                "mfc-svobodny": 9, "mfc-tynda": 6, "mfc-zeya": 5, "kcson-blag": 8,
                "kcson-belogorsk": 4, "kcson-raichikhinsk": 3, "minsoc-priem": 0,
                "mincifry-office": 4, "blag-priem": 4, "blag-gradostr": 6}
# Points with slow queues answer the waiting question worse.
WAIT_BIAS = {"mfc-blag-teatralnaya": -1.0, "mfc-tynda": -0.6, "blag-gradostr": -0.5}
CONTROL_MEAN = 3.8

NAMES = ["Ирине Викторовне", "Ольге Николаевне", "Наталье Сергеевне", "Алексею Петровичу",
         "Татьяне Юрьевне", "Елене Александровне", "Светлане Игоревне"]
FIRST = ["Анна", "Сергей", "Марина", "Виктор", "Людмила", "Дмитрий", "Галина"]
EMAIL_USERS = ["ivanova.t", "petrov_sergey75", "marina.kuzmina", "v.sokolov.blg",
               "lyuda.belova", "d.orlov1982", "galina-fedorova"]
EMAIL_HOSTS = ["mail.ru", "yandex.ru", "bk.ru", "inbox.ru"]

POSITIVE = [
    "Всё быстро, спасибо",
    "Спасибо специалисту окна № {win}, всё объяснила понятно и без спешки.",
    "Очень вежливые сотрудники, документы приняли за 10 минут.",
    "Удобно, что можно записаться заранее через Госуслуги.",
    "Всё хорошо, но парковка у здания всегда занята.",
    "Результат получила в срок, претензий нет.",
    "Спасибо {name} за терпение и помощь с заявлением!",
    "Хорошо, что есть детский уголок: пока ждала, ребёнок не скучал.",
    "Быстро, чётко, вежливо.",
    "Оператор подсказал, какие справки не нужны, сэкономил мне день.",
    'Помогли подать заявление через "Госуслуги" прямо в зале, спасибо.',
    "Всё устроило. Единственное — в зале душно.",
    "Работой довольна, спасибо всему коллективу.",
    "Консультант в зале сразу направил к нужному окну, почти не ждал.",
    "Удостоверение выдали в день обращения, очень удобно.",
    "Спасибо!",
    "Молодцы, так держать",
]
NEGATIVE = [
    "Ждал в очереди больше часа, работало только два окна из шести.",
    "Терминал электронной очереди не работает, талоны выдают вручную.",
    "Сотрудник разговаривал грубо, на вопросы отвечал «читайте на сайте».",
    "Срок рассмотрения затянули: обещали 10 рабочих дней, прошло 25.",
    "Холодно в зале, сидеть негде, людей много.",
    "Дважды вернули документы из-за ошибки в заявлении, которую сделал сам сотрудник.",
    "Нет пандуса у входа, с коляской не попасть.",
    'На сайте написано одно, в МФЦ говорят другое. Какой список документов "правильный"?',
    "Запись через Госуслуги есть, а по записи всё равно ждёшь в общей очереди.",
    "Не дозвониться по телефону, указанному на сайте, весь день занято.",
    "Результат так и не получил, сказали ждать ответа из министерства.",
    "Порядок получения компенсации описан непонятно, пришлось ходить три раза.",
    "Очень долго, но в итоге всё сделали.",
    "Просили принести справку, которую они могут запросить сами по межведомственному запросу.",
    "В целом нормально, но можно быстрее",
]
CONTROL_COMMENTS = [
    "Проверка прошла корректно, инспектор всё разъяснил.",
    "Уведомление о проверке пришло за день, подготовиться не успели.",
    "Предписание составлено непонятно: какие пункты выполнять в первую очередь?",
    "Профилактический визит полезен, получили разъяснения по новым требованиям.",
    "Инспектор опоздал на 40 минут, предупредить не посчитал нужным.",
]
CONTACT = [
    "Прошу перезвонить по поводу моего заявления: {phone}",
    "Ответ на мой вопрос так и не пришёл. Мой e-mail: {email}, жду ответа.",
    "Свяжитесь со мной, пожалуйста: {phone}, {first}. Есть вопрос по срокам.",
    "Пишите на {email}, по телефону не всегда могу ответить",
]
MULTILINE = [
    "Замечания:\n1) в зале нет кулера с водой;\n2) кнопка вызова для маломобильных не работает.\nВ остальном всё хорошо.",
    "Спасибо за работу.\nНо табло очереди показывает не те номера, люди путаются,\nприходится спрашивать у охраны.",
    "Подавала документы 4 марта, результат обещали 18-го.\nНа 25 марта ничего нет, в чате молчат.",
]


def phone():
    return "+7 9%d%d %03d-%02d-%02d" % (rng.randint(0, 9), rng.randint(0, 9),
                                        rng.randint(100, 999), rng.randint(0, 99),
                                        rng.randint(0, 99))


def email():
    return "%s@%s" % (rng.choice(EMAIL_USERS), rng.choice(EMAIL_HOSTS))


def make_comment(overall, control=False, p=0.3, contact_p=0.07):
    if rng.random() >= p:
        return ""
    if rng.random() < contact_p / p:
        t = rng.choice(CONTACT)
    elif control and rng.random() < 0.7:
        t = rng.choice(CONTROL_COMMENTS)
    elif overall is not None and overall >= 4:
        t = rng.choice(POSITIVE)
    else:
        t = rng.choice(NEGATIVE)
    return t.format(win=rng.randint(1, 14), name=rng.choice(NAMES), phone=phone(),
                    email=email(), first=rng.choice(FIRST))


def clamp(x):
    return max(1, min(5, int(round(x))))


def scores(mean, wait_bias=0.0, empty=(0.02, 0.05, 0.07, 0.04, 0.06, 0.05, 0.04)):
    """Seven answers: six 1-5 scores (None = not answered) and yes/no (True/False/None)."""
    overall = clamp(rng.gauss(mean, 0.9))
    bias = [0, -0.1, -0.3 + wait_bias, 0.2, 0.0, -0.2]
    out = [overall] + [clamp(rng.gauss(overall + b, 0.7)) for b in bias[1:]]
    yes = rng.random() < (0.93 if overall >= 4 else 0.55 if overall == 3 else 0.3)
    out.append(yes)
    return [None if rng.random() < e else v for v, e in zip(out, empty)]


def weighted(pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def day_times(day, n, hours):
    """n sorted local times on `day`, within `hours` (list of (from, to) hour ranges)."""
    ts = []
    for _ in range(n):
        a, b = rng.choice(hours)
        sec = rng.randint(a * 3600, b * 3600 - 1)
        ts.append(dt.datetime(day.year, day.month, day.day) + dt.timedelta(seconds=sec))
    return sorted(ts)


HOLIDAYS = {dt.date(2024, 3, 8)}


def daily_count(day, weekday_range):
    if day in HOLIDAYS or day.weekday() == 6:
        return rng.randint(2, 5)
    if day.weekday() == 5:
        return rng.randint(weekday_range[0] // 2, weekday_range[1] // 2)
    return rng.randint(*weekday_range)


# ------------------------------------------------------------ yandex forms --
YF_PAIRS = [((p["id"], i), POINT_WEIGHT[p["id"]] / len(p["items"]))
            for p in POINTS for i in p["items"]
            if ITEM[i]["kind"] in ("service", "measure") and POINT_WEIGHT[p["id"]]]
YF_CONTROL = [i["id"] for i in ITEMS if i["kind"] == "control"]


class Answer:
    """One Yandex Forms answer."""

    def __init__(self, aid, when, item, point, src, ans, comment):
        self.id, self.when, self.item, self.point = aid, when, item, point
        self.src, self.ans, self.comment = src, ans, comment
        self.field = ITEM_FIELD.get(ITEM[item]["kind"], "service") if item in ITEM else "service"

    def cells(self):
        sc = [YF_SCALE[v] if isinstance(v, int) and not isinstance(v, bool) else v
              for v in self.ans[:6]]
        sc = ["" if v is None else v for v in sc]
        yn = {True: "Да", False: "Нет", None: ""}[self.ans[6]]
        hidden = {k: "" for k in HIDDEN}
        hidden[self.field] = self.item
        hidden["point"] = self.point or ""
        hidden["src"] = self.src
        return sc + [yn, self.comment] + [hidden[k] for k in HIDDEN]


def yandex_stream(start, end, weekday_range, next_id):
    out = []
    day = start
    while day <= end:
        n = daily_count(day, weekday_range)
        for when in day_times(day, n, [(8, 13), (14, 19), (8, 19), (19, 23)]):
            next_id += rng.randint(3, 60)    # other forms' answers take ids in between
            if rng.random() < 0.12:
                item, point = rng.choice(YF_CONTROL), ""
                src = weighted([("reply", 5), ("post", 3), ("site", 2), ("qr", 1)])
                ans = scores(CONTROL_MEAN, empty=(0.02, 0.1, 0.45, 0.05, 0.4, 0.08, 0.1))
                comment = make_comment(ans[0], control=True, p=0.35)
            else:
                point, item = weighted(YF_PAIRS)
                src = weighted([("qr", 80), ("site", 10), ("post", 6), ("reply", 4)])
                if src != "qr" and rng.random() < 0.5:
                    point = ""
                mean = POINT_MEAN[point or "mfc-blag-zeyskaya"]
                ans = scores(mean, WAIT_BIAS.get(point, 0.0))
                comment = make_comment(ans[0])
            out.append(Answer(next_id, when, item, point, src, ans, comment))
        day += dt.timedelta(days=1)
    return out, next_id


def first_on(rows, day, pred=lambda a: True):
    for a in rows:
        if a.when.date() == day and pred(a):
            return a
    raise SystemExit("make-exports: no row on %s" % day)


def yf_header():
    return ["ID", "Время создания"] + QTEXT + [COMMENT_HEADER] + HIDDEN


def write_csv(path, header, rows, encoding, delimiter, lineterminator):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator=lineterminator)
        w.writerow(header)
        w.writerows(rows)


# ------------------------------------------------------------ main --------
def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    report = []

    march, next_id = yandex_stream(dt.date(2024, 3, 1), dt.date(2024, 3, 31), (18, 26), 1843920011)
    april, _ = yandex_stream(dt.date(2024, 4, 1), dt.date(2024, 4, 30), (10, 15), next_id + 5000)

    # Three multi-line comments: before, inside and after the overlap of files 1 and 2.
    for day, text in zip((5, 19, 27), MULTILINE):
        first_on(march, dt.date(2024, 3, day), lambda a: a.point).comment = text
    # Bad row: an item id the campaign does not know (last year's leaflet).
    bad_item = first_on(march, dt.date(2024, 3, 7), lambda a: a.point == "mfc-svobodny"
                        or a.point == "mfc-belogorsk")
    bad_item.item, bad_item.field = "sz-subsidiya", "service"
    # Bad row: a score option that a 1-5 question does not have.
    bad_score = first_on(march, dt.date(2024, 3, 12), lambda a: a.ans[0] == 5)
    bad_score.ans[0] = "6 - Превосходно"

    # File 1: downloaded on 24 March, so it holds 1-23 March.
    f1 = [a for a in march if a.when < dt.datetime(2024, 3, 24)]
    write_csv(os.path.join(out, "yandex-forms-2024-03.csv"), ["\ufeffID"] + yf_header()[1:],
              [[str(a.id), a.when.strftime("%Y-%m-%d %H:%M:%S")] + a.cells() for a in f1],
              "utf-8", ",", "\n")
    report.append("yandex-forms-2024-03.csv: %d rows, %s .. %s" % (
        len(f1), f1[0].when, f1[-1].when))
    report.append("  bad: row %d ID %d unknown item id %s" % (
        f1.index(bad_item) + 1, bad_item.id, bad_item.item))
    report.append("  bad: row %d ID %d score '6 - Превосходно'" % (
        f1.index(bad_score) + 1, bad_score.id))

    # File 2: the same form, 15-31 March, through Excel: cp1251, ';', CRLF, minutes.
    f2 = [a for a in march if a.when >= dt.datetime(2024, 3, 15)]
    overlap = [a for a in f2 if a in f1]
    conflict = first_on(f2, dt.date(2024, 3, 20), lambda a: isinstance(a.ans[0], int)
                        and a.ans[0] >= 3 and a.ans[6] is not None)
    rows2 = []
    for a in f2:
        cells = a.cells()
        if a is conflict:
            cells[0] = YF_SCALE[a.ans[0] - 2]     # a different answer under the same ID
            report.append("  conflict: ID %d overall '%s' in file 1, '%s' in file 2" % (
                a.id, YF_SCALE[a.ans[0]], cells[0]))
        rows2.append([str(a.id), a.when.strftime("%d.%m.%Y %H:%M")] + cells)
    write_csv(os.path.join(out, "yandex-forms-2024-03-excel.csv"), yf_header(), rows2,
              "cp1251", ";", "\r\n")
    report.append("yandex-forms-2024-03-excel.csv: %d rows, %d also in file 1 (15-23 March, "
                  "IDs %d..%d), %d new (24-31 March); conflict at row %d" % (
                      len(f2), len(overlap), overlap[0].id, overlap[-1].id,
                      len(f2) - len(overlap), f2.index(conflict) + 1))

    # File 3: April as XLSX with real datetimes, and one impossible date as text.
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    ws.append(yf_header())
    bad_date = april[-1]
    for a in april:
        ws.append([a.id, a.when] + a.cells())
        c = ws.cell(row=ws.max_row, column=2)
        if a is bad_date:
            c.value = "31.04.2024 10:00"
        else:
            c.number_format = "yyyy-mm-dd hh:mm:ss"
    fixed = dt.datetime(2024, 5, 1, 9, 0, 0)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "Yandex Forms"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, \
            zipfile.ZipFile(os.path.join(out, "yandex-forms-2024-04.xlsx"), "w",
                            zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 5, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))
    report.append("yandex-forms-2024-04.xlsx: %d rows; bad: row %d ID %d date '31.04.2024 10:00'"
                  % (len(april), len(april), bad_date.id))

    # File 4: ПОС poll export.
    pos_pairs = [((p["id"], i), (POINT_WEIGHT[p["id"]] or 10) / len(p["items"]))
                 for p in POINTS for i in p["items"]]
    pos = []
    day = dt.date(2024, 3, 1)
    while day <= dt.date(2024, 3, 31):
        n = rng.choice((4, 5, 6, 7, 8)) if day.weekday() < 5 and day not in HOLIDAYS else rng.choice((1, 2, 3))
        for when in day_times(day, n, [(7, 23)]):
            point, item = weighted(pos_pairs)
            ans = scores(POINT_MEAN[point], WAIT_BIAS.get(point, 0.0),
                         empty=(0, 0.03, 0.05, 0.02, 0.04, 0.03, 0))
            pos.append([when, point, item, ans, make_comment(ans[0], p=0.25, contact_p=0.0)])
        day += dt.timedelta(days=1)
    bad_pos = next(r for r in pos if r[0].date() == dt.date(2024, 3, 14))
    bad_pos[1] = None   # the point name below is not in the campaign
    rows4, num = [], 3157204
    for when, point, item, ans, comment in pos:
        num += rng.randint(1, 40)
        if point is None:
            org, mo = "МФЦ Амурской области, г. Шимановск, ул. Красноармейская, 27", "г. Шимановск"
            bad_pos_num = num
        else:
            org, mo = POINT[point]["name"], POINT[point]["municipality"]
        cells = ["" if v is None else POS_SCALE[v] for v in ans[:6]]
        cells.append({True: "Да", False: "Нет", None: ""}[ans[6]])
        rows4.append([str(num), when.strftime("%d.%m.%Y %H:%M:%S"), mo, org,
                      ITEM[item]["name"]] + cells + [comment])
    write_csv(os.path.join(out, "pos-2024-03.csv"),
              ["Номер ответа", "Дата ответа", "Муниципальное образование", "Организация",
               "Услуга"] + QTEXT + ["Комментарий"], rows4, "utf-8", ";", "\n")
    report.append("pos-2024-03.csv: %d rows; bad: row %d Номер ответа %d point not in campaign"
                  % (len(rows4), pos.index(bad_pos) + 1, bad_pos_num))

    # File 5: typed-in paper questionnaires.
    paper_pts = {"mfc-zeya": 22, "mfc-tynda": 20, "kcson-raichikhinsk": 18, "kcson-belogorsk": 20}
    rows5, num = [], 1
    for pid, n in paper_pts.items():
        days = []
        while len(days) < n:        # office days only
            d = dt.date(2024, 3, rng.randint(1, 31))
            if d.weekday() < 5 and d not in HOLIDAYS:
                days.append(d)
        days.sort()
        for d in days:
            item = rng.choice(POINT[pid]["items"])
            ans = scores(POINT_MEAN[pid], WAIT_BIAS.get(pid, 0.0),
                         empty=(0.02, 0.08, 0.1, 0.05, 0.08, 0.08, 0.05))
            cells = ["" if v is None else str(int(v)) for v in ans]
            rows5.append([str(num), d.strftime("%d.%m.%Y"), pid, item] + cells +
                         [make_comment(ans[0], p=0.25, contact_p=0.0)])
            num += 1
    bad5 = 47
    rows5[bad5 - 1][0] = ""
    write_csv(os.path.join(out, "paper-forms-2024-03.csv"),
              ["Номер анкеты", "Дата", "Место", "Услуга"] + QTEXT + ["Комментарий"],
              rows5, "utf-8", ",", "\n")
    report.append("paper-forms-2024-03.csv: %d rows; bad: row %d (form 47) has no number"
                  % (len(rows5), bad5))

    # File 6: hand counts, one row per answer combination.
    combos = [(5, 5, 5, 5, 5, 5, 1), (4, 4, 4, 4, 4, 4, 1), (5, 5, 4, 5, 5, 5, 1),
              (5, 4, 3, 5, 4, 5, 1), (3, 3, 2, 4, 3, 3, 1), (2, 2, 1, 3, 3, 2, 0),
              (4, 4, 3, 5, 4, 4, 1), (5, 5, 5, 5, 4, 5, 1), (3, 4, 3, 4, 4, 3, 0),
              (4, 3, 3, 4, 4, 4, 1)]
    rows6 = []
    for d in (dt.date(2024, 3, 7), dt.date(2024, 3, 15), dt.date(2024, 3, 22), dt.date(2024, 3, 29)):
        for pid in ("mfc-svobodny", "mfc-belogorsk"):
            for item in sorted(rng.sample(POINT[pid]["items"], 2)):
                for c in sorted(rng.sample(combos, rng.choice((2, 3, 3))), reverse=True):
                    cnt = rng.randint(1, 9) if c[0] >= 4 else rng.randint(1, 3)
                    rows6.append([d.strftime("%d.%m.%Y"), pid, item] + [str(x) for x in c] + [str(cnt)])
    bad6 = 23
    rows6[bad6 - 1][-1] = "0"
    # Sheet rows are numbered within the month ("2024-03/1"), so they never
    # meet the form numbers of the typed-in questionnaires or another month's.
    rows6 = [["2024-03/%d" % (i + 1)] + r for i, r in enumerate(rows6)]
    write_csv(os.path.join(out, "paper-counts-2024-03.csv"),
              ["Номер строки", "Дата", "Место", "Услуга"] + QTEXT + ["Количество"],
              rows6, "utf-8", ",", "\n")
    report.append("paper-counts-2024-03.csv: %d rows, %d answers counted; bad: row %d count 0"
                  % (len(rows6), sum(int(r[-1]) for r in rows6), bad6))

    print("\n".join(report))


if __name__ == "__main__":
    main()
