/* ingest, the bottom layer: the state every layer shares — the arena
 * output rows are built in, the questions, what an ingest owns. */
#include <stdlib.h>
#include <string.h>

#include "ingest_int.h"
#include "util.h"

int ingest_arena_put(struct arena *a, const char *s, size_t len, size_t *off)
{
    if (anketa_reserve((void **)&a->p, &a->cap, a->len + len + 1, 1) != 0)
        return -1;
    *off = a->len;
    if (s && len)   /* NULL: room only, the caller fills it */
        memcpy(a->p + a->len, s, len);
    a->p[a->len + len] = '\0';
    a->len += len + 1;
    return 0;
}

int ingest_nomem(struct anketa_error *err)
{
    return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
}

int ingest_add_question(struct anketa_ingest *in, const char *name, const char *text, int lo,
                        int hi)
{
    struct question_column *q = realloc(in->questions, (in->question_count + 1) * sizeof *q);
    if (q == NULL)
        return -1;
    in->questions = q;
    q += in->question_count;
    q->lo = lo;
    q->hi = hi;
    q->column = -1;
    memset(q->memo_text, 0, sizeof q->memo_text);
    q->memo_next = 0;
    q->text = NULL;
    if ((q->name = malloc(strlen(name) + 1)) == NULL)
        return -1;
    strcpy(q->name, name);
    in->question_count++;   /* from here on freed with the ingest */
    if (text && (q->text = malloc(strlen(text) + 1)) == NULL)
        return -1;
    if (text) {
        ingest_fold(text, strlen(text), q->text);
        ingest_question_key(q->text, q->text);
    }
    return 0;
}

void ingest_free_own(struct anketa_ingest *in)
{
    for (size_t i = 0; i < in->question_count; i++) {
        if (!in->clone) {
            free(in->questions[i].name);
            free(in->questions[i].text);
        }
        for (int k = 0; k < MEMO; k++)
            free(in->questions[i].memo_text[k]);
    }
    free(in->questions);
    free(in->text.p);
    free(in->text_off);
    free(in->text_len);
    free(in->row.p);
    free(in->row_off);
    free(in->row_len);
    free(in->row_ptr);
    free(in->raw.p);
}

int ingest_date_column(const struct anketa_ingest *in)
{
    return in->column_count[FIELD_DATE] ? in->columns[FIELD_DATE][0] : -1;
}

void ingest_warn(const struct anketa_ingest *in, const char *file, const char *message)
{
    struct anketa_error d;
    if (in->cfg.on_warning) {
        anketa_error_at(&d, ANKETA_OK, file, 0, 0, "%s", message);
        in->cfg.on_warning(in->cfg.ctx, &d);
    }
}
