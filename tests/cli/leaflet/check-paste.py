#!/usr/bin/env python3
"""Checks leaflet's texts to paste against the manifest and the seed's wording.

  check-paste.py site MANIFEST HTML    the site module of every authority in HTML
  check-paste.py reply MANIFEST HTML TEXT   the e-mail reply, HTML and text

Prints what a reader would check; any mismatch is printed as 'FAIL ...'."""
import csv
import sys
from html.parser import HTMLParser

# The regional recommendations (seed 001), word for word.
HEADING = "Вместе сделаем работу органов власти лучше!"
PARAGRAPH = ("Ваше мнение очень важно для повышения качества нашей работы. Если Вы "
             "взаимодействовали с органом власти по представленным ниже вопросам, пожалуйста, "
             "пройдите опрос, это займет не более 3 минут. Ответы будут учтены при "
             "совершенствовании процессов взаимодействия с гражданами.")
QUESTIONS = {
    "service": ("Вы получили услугу или оформили меру поддержки?",
                "Оцените качество предоставления государственной услуги (сервиса) / меры "
                "государственной поддержки:"),
    "control": ("В отношении Вашей организации проводилась проверка или профилактическое "
                "мероприятие?",
                "Оцените взаимодействие с органом власти при проведении мероприятия:"),
    "appeal": ("Вы получили ответ на обращение или запрос?",
               "Оцените взаимодействие с органом власти по вопросу Вашего обращения/запроса:"),
    "information": ("Вы искали информацию о деятельности органа власти?",
                    "Оцените доступность, качество и состав информации, размещенной на "
                    "официальных ресурсах органа власти:"),
}
KIND = {"services": "service", "knd": "control", "appeals": "appeal", "information": "information"}
REPLY = ("Для оценки уровня Вашей удовлетворенности при взаимодействии с органами власти при "
         "подаче и рассмотрении Вашего обращения просим Вас пройти краткий опрос удобным для "
         "Вас способом")


class Blocks(HTMLParser):
    """Paragraphs (text, bold?, links) under the comment that names their authority."""
    def __init__(self):
        super().__init__()
        self.owner, self.paras, self.cur, self.href = None, [], None, None

    def handle_comment(self, data):
        self.owner = data.strip().split(":")[0]

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.cur = {"owner": self.owner, "text": "", "bold": False, "links": []}
        elif tag == "strong" and self.cur is not None:
            self.cur["bold"] = True
        elif tag == "a":
            self.href = dict(attrs)["href"]
            self.cur["links"].append([self.href, ""])

    def handle_endtag(self, tag):
        if tag == "p":
            self.paras.append(self.cur)
            self.cur = None
        elif tag == "a":
            self.href = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur["text"] += data
            if self.href:
                self.cur["links"][-1][1] += data


def parse(path):
    b = Blocks()
    with open(path, encoding="utf-8") as f:
        b.feed(f.read())
    b.close()
    return b.paras


def manifest(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fail(msg):
    print("FAIL", msg)


def site(rows, html):
    paras = parse(html)
    for auth in dict.fromkeys(r["authority"] for r in rows):
        mine = [p for p in paras if p["owner"] == auth]
        dirs = [r for r in rows if r["authority"] == auth and r["level"] == "direction"]
        if [p["text"] for p in mine[:2]] != [HEADING, PARAGRAPH] or not mine[0]["bold"]:
            fail(f"{auth}: heading and paragraph")
        want = []   # (question, invitation, url) in the seed's order
        for kind in QUESTIONS:
            for r in dirs:
                if KIND[r["direction"]] == kind:
                    want.append((QUESTIONS[kind][0], QUESTIONS[kind][1], r["url"]))
        got = []
        for q, inv in zip(mine[2::2], mine[3::2]):
            if not q["bold"] or len(inv["links"]) != 1:
                fail(f"{auth}: '{q['text']}' not bold or not one link")
                continue
            href, shown = inv["links"][0]
            if href != shown:
                fail(f"{auth}: link {href} shows {shown}")
            got.append((q["text"], inv["text"][: -len(shown) - 1], href))
        if got != want:
            fail(f"{auth}: questions and links\n got {got}\nwant {want}")
        print(f"{auth}: {len(got)} questions, every link the manifest's")


def reply(rows, html, text):
    paras = parse(html)
    with open(text, encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l and not l.startswith("====")]
    if len(paras) != len(rows) or len(lines) != len(rows):
        fail(f"{len(paras)} HTML and {len(lines)} text replies for {len(rows)} rows")
    for r, p, line in zip(rows, paras, lines):
        href, shown = p["links"][0] if len(p["links"]) == 1 else ("", "")
        if p["text"] != f"{REPLY}: {r['url']}" or href != r["url"] or shown != r["url"]:
            fail(f"{r['code_id']}: HTML '{p['text']}' -> {href}")
        if line != f"{REPLY}: {r['url']}":
            fail(f"{r['code_id']}: text '{line}'")
        print(f"{r['code_id']}: the seed's paragraph, then the active link")


if __name__ == "__main__":
    rows = manifest(sys.argv[2])
    if sys.argv[1] == "site":
        site(rows, sys.argv[3])
    else:
        reply(rows, sys.argv[3], sys.argv[4])
