/* Texts to paste: the site module (§2.1) and the e-mail reply (§4). The
 * wording is the regional recommendations', word for word. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/codes.h>
#include <anketa/output.h>
#include <anketa/paste.h>
#include <anketa/url.h>

#include "util.h"

static const char SITE_HEADING[] = "Вместе сделаем работу органов власти лучше!";
static const char SITE_PARAGRAPH[] =
    "Ваше мнение очень важно для повышения качества нашей работы. Если Вы взаимодействовали "
    "с органом власти по представленным ниже вопросам, пожалуйста, пройдите опрос, это "
    "займет не более 3 минут. Ответы будут учтены при совершенствовании процессов "
    "взаимодействия с гражданами.";
static const char REPLY_PARAGRAPH[] =
    "Для оценки уровня Вашей удовлетворенности при взаимодействии с органами власти при "
    "подаче и рассмотрении Вашего обращения просим Вас пройти краткий опрос удобным для "
    "Вас способом";

/* The four questions of the module, each taking the directions of its kinds. */
static const struct {
    const char *kinds[3];
    const char *question, *invitation;
} QUESTIONS[] = {
    { { "service", "support", "measure" }, "Вы получили услугу или оформили меру поддержки?",
      "Оцените качество предоставления государственной услуги (сервиса) / меры "
      "государственной поддержки" },
    { { "control", "prevention", NULL },
      "В отношении Вашей организации проводилась проверка или профилактическое мероприятие?",
      "Оцените взаимодействие с органом власти при проведении мероприятия" },
    { { "appeal", NULL, NULL }, "Вы получили ответ на обращение или запрос?",
      "Оцените взаимодействие с органом власти по вопросу Вашего обращения/запроса" },
    { { "information", NULL, NULL }, "Вы искали информацию о деятельности органа власти?",
      "Оцените доступность, качество и состав информации, размещенной на официальных "
      "ресурсах органа власти" },
};
#define QUESTION_COUNT (sizeof QUESTIONS / sizeof QUESTIONS[0])

enum { C_CODE, C_LEVEL, C_AUTHORITY, C_AUTHORITY_NAME, C_DIRECTION, C_URL, C_COUNT };
static const char *const COLUMNS[C_COUNT] = {
    "code_id", "level", "authority", "authority_name", "direction", "url"
};

struct paste_row {
    char *field[C_COUNT];       /* url normalized */
    int question;               /* site: index into QUESTIONS */
};

struct anketa_paste {
    struct anketa_paste_options o;
    struct anketa_output *out;
    int col[C_COUNT];
    struct paste_row *rows;
    size_t count, cap;
    long written;
    int committed;
};

int anketa_paste_kind_parse(const char *name, enum anketa_paste_kind *kind)
{
    if (name && strcmp(name, "site") == 0)
        *kind = ANKETA_PASTE_SITE;
    else if (name && strcmp(name, "reply") == 0)
        *kind = ANKETA_PASTE_REPLY;
    else
        return 0;
    return 1;
}

struct anketa_paste *anketa_paste_new(const struct anketa_paste_options *o,
                                      struct anketa_error *err)
{
    struct anketa_paste *p = calloc(1, sizeof *p);
    if (p == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    p->o = *o;
    if ((p->out = anketa_output_open(o->output, err)) == NULL) {
        free(p);
        return NULL;
    }
    return p;
}

int anketa_paste_check_header(struct anketa_paste *p, const struct anketa_csv_row *header,
                              const char *file, struct anketa_error *err)
{
    for (int c = 0; c < C_COUNT; c++) {
        p->col[c] = -1;
        for (size_t i = 0; i < header->count; i++)
            if (strcmp(header->fields[i], COLUMNS[c]) == 0)
                p->col[c] = (int)i;
        if (p->col[c] < 0)
            return anketa_error_at(err, ANKETA_ERR_INVALID, file, header->line, 0,
                                   "not a code manifest: no '%s' column (qrgen(1) writes one)",
                                   COLUMNS[c]);
    }
    return 0;
}

static const char *direction_kind(const struct anketa_paste *p, const char *direction)
{
    const struct anketa_direction *d = anketa_campaign_direction(p->o.campaign, direction);
    return d ? d->kind : direction;   /* without a campaign the id says it (as grids do) */
}

/* The question of a direction's kind, or -1. */
static int question_of(const char *kind)
{
    for (size_t q = 0; q < QUESTION_COUNT; q++)
        for (int k = 0; k < 3 && QUESTIONS[q].kinds[k]; k++)
            if (strcmp(kind, QUESTIONS[q].kinds[k]) == 0)
                return (int)q;
    return -1;
}

int anketa_paste_add(struct anketa_paste *p, const struct anketa_csv_row *row, const char *file,
                     struct anketa_error *err)
{
    const char *level = (size_t)p->col[C_LEVEL] < row->count ? row->fields[p->col[C_LEVEL]] : "";
    struct anketa_error ignored;
    unsigned lv = *level ? anketa_code_levels_parse(level, &ignored) : 0;
    if (lv == 0)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, row->line, p->col[C_LEVEL] + 1,
                               "unknown level '%s'", level);
    if (p->o.kind == ANKETA_PASTE_SITE && lv != ANKETA_LEVEL_DIRECTION)
        return 0;
    struct paste_row r = { { NULL }, -1 };
    if (p->o.kind == ANKETA_PASTE_SITE) {
        const char *dir = row->fields[p->col[C_DIRECTION]];
        const char *kind = direction_kind(p, dir);
        if ((r.question = question_of(kind)) < 0) {
            struct anketa_error d;
            anketa_error_at(&d, ANKETA_OK, file, row->line, 0, "direction '%s' (kind '%s') "
                            "answers none of the four questions of the site module: left out",
                            dir, kind);
            if (p->o.warn)
                p->o.warn(p->o.ctx, &d);
            return 0;
        }
    }
    int uc = p->col[C_URL];
    struct anketa_error uerr;
    char *url = anketa_url_normalize_n(row->fields[uc], row->lengths[uc], &uerr);
    if (url == NULL)
        return anketa_error_at(err, uerr.code, file, row->line, uc + 1, "url: %s", uerr.message);
    if (anketa_reserve((void **)&p->rows, &p->cap, p->count + 1, sizeof *p->rows) != 0) {
        free(url);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    r.field[C_URL] = url;
    int ok = 1;
    for (int c = 0; c < C_COUNT; c++)
        if (c != C_URL)
            ok &= (r.field[c] = strdup(row->fields[p->col[c]])) != NULL;
    p->rows[p->count++] = r;
    return ok ? 1 : anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
}

/* Text for HTML: & < > " ' as entities. */
static void put_html(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

static void put_link(const struct anketa_paste *p, FILE *f, const char *url)
{
    if (!p->o.html) {
        fputs(url, f);
        return;
    }
    fputs("<a href=\"", f);
    put_html(f, url);
    fputs("\">", f);
    put_html(f, url);
    fputs("</a>", f);
}

/* One paragraph: HTML <p>, or text followed by a blank line. */
static void put_para(const struct anketa_paste *p, FILE *f, const char *text, int bold)
{
    if (p->o.html) {
        fputs(bold ? "<p><strong>" : "<p>", f);
        put_html(f, text);
        fputs(bold ? "</strong></p>\n" : "</p>\n", f);
    } else {
        fprintf(f, "%s\n\n", text);
    }
}

/* Before each text when there are several: whose it is (an HTML comment, or
 * a line of text), so that one run can serve every authority. */
static void put_label(const struct anketa_paste *p, FILE *f, const struct paste_row *r, int many)
{
    if (p->o.html) {
        fputs("<!-- ", f);
        /* "--" may not appear inside a comment */
        for (const char *s = r->field[C_CODE]; *s; s++)
            fputc(*s == '-' && s[1] == '-' ? '_' : *s, f);
        fputs(": ", f);
        for (const char *s = r->field[C_AUTHORITY_NAME]; *s; s++)
            fputc(*s == '-' && s[1] == '-' ? '_' : *s, f);
        fputs(" -->\n", f);
    } else if (many) {
        fprintf(f, "==== %s: %s ====\n\n", r->field[C_CODE], r->field[C_AUTHORITY_NAME]);
    }
}

static const char *direction_name(const struct anketa_paste *p, const char *id)
{
    const struct anketa_direction *d = anketa_campaign_direction(p->o.campaign, id);
    return d ? d->name : id;
}

/* The module of the authority of rows[first] (its direction rows, in order). */
static void write_site(struct anketa_paste *p, FILE *f, size_t first, char *done, int many)
{
    const char *auth = p->rows[first].field[C_AUTHORITY];
    struct paste_row label = p->rows[first];
    label.field[C_CODE] = (char *)(uintptr_t)auth;
    if (p->written)
        fputs("\n", f);
    put_label(p, f, &label, many);
    if (p->o.html)
        fputs("<div class=\"anketa-site\">\n", f);
    put_para(p, f, SITE_HEADING, 1);
    put_para(p, f, SITE_PARAGRAPH, 0);
    for (size_t q = 0; q < QUESTION_COUNT; q++) {
        size_t n = 0;
        for (size_t i = first; i < p->count; i++)
            n += strcmp(p->rows[i].field[C_AUTHORITY], auth) == 0 && p->rows[i].question == (int)q;
        if (n == 0)
            continue;
        put_para(p, f, QUESTIONS[q].question, 1);
        if (p->o.html) {
            fputs("<p>", f);
            put_html(f, QUESTIONS[q].invitation);
        } else {
            fputs(QUESTIONS[q].invitation, f);
        }
        fputs(":", f);
        /* One direction: its link as the recommendations show it; several
         * (an older campaign with services and measures apart): each named. */
        for (size_t i = first; i < p->count; i++) {
            const struct paste_row *r = &p->rows[i];
            if (strcmp(r->field[C_AUTHORITY], auth) != 0 || r->question != (int)q)
                continue;
            done[i] = 1;
            fputs(n == 1 ? " " : p->o.html ? "<br>\n" : "\n", f);
            if (n > 1) {
                if (p->o.html)
                    put_html(f, direction_name(p, r->field[C_DIRECTION]));
                else
                    fputs(direction_name(p, r->field[C_DIRECTION]), f);
                fputs(": ", f);
            }
            put_link(p, f, r->field[C_URL]);
        }
        fputs(p->o.html ? "</p>\n" : "\n\n", f);
    }
    if (p->o.html)
        fputs("</div>\n", f);
    p->written++;
}

static void write_reply(struct anketa_paste *p, FILE *f, const struct paste_row *r, int many)
{
    if (p->written)
        fputs("\n", f);
    put_label(p, f, r, many);
    if (p->o.html) {
        fputs("<p>", f);
        put_html(f, REPLY_PARAGRAPH);
        fputs(": ", f);
        put_link(p, f, r->field[C_URL]);
        fputs("</p>\n", f);
    } else {
        fprintf(f, "%s: %s\n", REPLY_PARAGRAPH, r->field[C_URL]);
    }
    p->written++;
}

int anketa_paste_finish(struct anketa_paste *p, struct anketa_error *err)
{
    if (p->count == 0)
        return anketa_error_set(err, ANKETA_ERR_INVALID, "no %s to write: %s",
                                p->o.kind == ANKETA_PASTE_SITE ? "site module" : "reply",
                                p->o.kind == ANKETA_PASTE_SITE
                                    ? "the site module takes direction codes (qrgen -l direction)"
                                    : "no manifest rows (or none left by --where)");
    FILE *f = anketa_output_stream(p->out);
    char *done = calloc(p->count, 1);
    if (done == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    int many = 0;
    for (size_t i = 1; i < p->count; i++)
        many |= p->o.kind == ANKETA_PASTE_REPLY ||
                strcmp(p->rows[i].field[C_AUTHORITY], p->rows[0].field[C_AUTHORITY]) != 0;
    for (size_t i = 0; i < p->count; i++) {
        if (p->o.kind == ANKETA_PASTE_REPLY)
            write_reply(p, f, &p->rows[i], many);
        else if (!done[i])
            write_site(p, f, i, done, many);
    }
    free(done);
    int rc = anketa_output_commit(p->out, err);
    p->out = NULL;
    p->committed = rc == 0;
    return rc;
}

long anketa_paste_count(const struct anketa_paste *p)
{
    return p->written;
}

void anketa_paste_free(struct anketa_paste *p)
{
    if (p == NULL)
        return;
    anketa_output_abort(p->out);
    for (size_t i = 0; i < p->count; i++)
        for (int c = 0; c < C_COUNT; c++)
            free(p->rows[i].field[c]);
    free(p->rows);
    free(p);
}
