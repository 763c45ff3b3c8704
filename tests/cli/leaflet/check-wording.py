# Checks the wording of leaflets against the seed texts (the Novosibirsk
# recommendations on spreading survey forms, 2024): every page's heading and
# caption are the seed's for its code's kind and event type.
# usage: check-wording.py MANIFEST PDF TEMPLATE LEVEL
#   item, direction, post: one page per row of LEVEL, in manifest order;
#   grid: no page mixes kinds, each page's heading with its own caption,
#   every kind of the manifest present.
import csv, subprocess, sys

manifest, pdf, template, level = sys.argv[1:5]
SEED = {
    # the direction codes (appendix 2)
    ("direction", "service"): ("Получили услугу или меру поддержки?",
        "Отсканируйте QR-код и оцените качество предоставления государственной услуги (сервиса) или меры государственной поддержки"),
    ("direction", "control"): ("В отношении Вашей организации проводилась проверка или профилактическое мероприятие?",
        "Отсканируйте QR-код и оцените взаимодействие с органом власти при проведении контрольно-надзорного мероприятия или мероприятия по профилактике нарушения обязательных требований"),
    ("direction", "appeal"): ("Получили ответ на обращение?",
        "Оцените взаимодействие с органом власти по вопросу Вашего обращения/запроса"),
    ("direction", "information"): ("Искали информацию о деятельности органа власти?",
        "Оцените доступность, качество и состав информации, размещенной на официальных ресурсах органа власти"),
    # one item at a point (appendix 3)
    ("item", "service"): ("Получили услугу?",
        "Отсканируйте QR-код и оцените качество предоставления государственной услуги"),
    ("item", "measure"): ("Оформили меру поддержки?",
        "Отсканируйте QR-код и оцените качество предоставления меры государственной поддержки"),
    ("item", "control"): ("В отношении Вашей организации проводилась проверка?",
        "Отсканируйте QR-код и оцените взаимодействие с органом власти при проведении контрольно-надзорного мероприятия"),
    ("item", "prevention"): ("В отношении Вашей организации проводилось профилактическое мероприятие?",
        "Отсканируйте QR-код и оцените взаимодействие с органом власти по проведенному мероприятию по профилактике нарушений обязательных требований"),
    # grid sheets (appendix 4)
    ("grid", "service"): ("Получили услугу?",
        "Отсканируйте QR-код полученной государственной услуги и оцените качество ее предоставления"),
    ("grid", "measure"): ("Оформили меру поддержки?",
        "Отсканируйте QR-код оформленной меры государственной поддержки и оцените качество ее предоставления"),
    ("grid", "control"): ("В отношении Вашей организации проводилась проверка?",
        "Отсканируйте QR-код и оцените взаимодействие с органом власти по проведенному контрольно-надзорному мероприятию"),
    ("grid", "prevention"): ("В отношении Вашей организации проводилось профилактическое мероприятие?",
        "Отсканируйте QR-код и оцените взаимодействие с органом власти по проведенному мероприятию по профилактике нарушений обязательных требований"),
}
# the post words an item as its leaflet does, a direction as its leaflet
squeeze = lambda s: "".join(s.split()).replace("-", "")


def page_text(n):
    out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                         capture_output=True, text=True).stdout
    return squeeze(out)


rows = [r for r in csv.DictReader(open(manifest, encoding="utf-8")) if r["level"] == level]
key = lambda r: r["event"] or r["kind"]
bad = []
if template == "grid":
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
    seen = set()
    for n in range(1, pages + 1):
        text = page_text(n)
        heads = {k for (t, k), (h, c) in SEED.items() if t == "grid" and squeeze(h) in text}
        caps = {k for (t, k), (h, c) in SEED.items() if t == "grid" and squeeze(c) in text}
        # one kind a page (or none: appeals), its heading with its own caption
        if heads != caps or len(heads) > 1:
            bad.append((n, sorted(heads), sorted(caps)))
        seen.update(heads)
    want = {key(r) for r in rows if ("grid", key(r)) in SEED}
    print("grid pages", "ok" if not bad else f"wrong {bad[:3]}")
    print("kinds", "all present" if want <= seen else f"missing {sorted(want - seen)}")
    sys.exit(0)
table = "direction" if level == "direction" else "item"
checked = 0
for n, r in enumerate(rows, 1):
    if (table, key(r)) not in SEED:
        continue
    heading, caption = SEED[(table, key(r))]
    text = page_text(n)
    checked += 1
    if squeeze(heading) not in text or (template != "post" and squeeze(caption) not in text):
        bad.append((n, r["code_id"]))
    if level == "item" and squeeze(r["item_name"]) not in text:
        bad.append((n, r["code_id"], "no name"))
print(f"{template} headings", "ok" if not bad and checked else f"wrong {bad[:3]}")
print("kinds:", " ".join(sorted({key(r) for r in rows if (table, key(r)) in SEED})))
