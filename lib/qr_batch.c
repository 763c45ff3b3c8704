/* Making many codes at once on several threads. */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include <anketa/qrfile.h>

struct batch {
    struct anketa_qr_job *jobs;
    size_t count;
    atomic_size_t next;
    atomic_size_t failed;
    enum anketa_qr_ec ec;
    const struct anketa_qr_style *style;
};

static void make_one(struct batch *b, struct anketa_qr_job *job)
{
    struct anketa_qr *qr = anketa_qr_encode(job->text, b->ec, &job->err);
    job->status = qr ? 0 : job->err.code;
    if (qr != NULL && job->path != NULL)
        job->status = anketa_qr_write_file(qr, b->style, job->path, &job->err);
    anketa_qr_free(qr);
    if (job->status != 0)
        atomic_fetch_add(&b->failed, 1);
}

static void *worker(void *arg)
{
    struct batch *b = arg;
    size_t i;
    while ((i = atomic_fetch_add(&b->next, 1)) < b->count)
        make_one(b, &b->jobs[i]);
    return NULL;
}

size_t anketa_qr_make_batch(struct anketa_qr_job *jobs, size_t count, enum anketa_qr_ec ec,
                            const struct anketa_qr_style *style, int threads)
{
    struct batch b = { .jobs = jobs, .count = count, .ec = ec, .style = style };
    atomic_init(&b.next, 0);
    atomic_init(&b.failed, 0);
    for (size_t i = 0; i < count; i++)
        anketa_error_clear(&jobs[i].err);
    pthread_t tid[8];
    int started = 0;
    if (threads > 8)
        threads = 8;
    /* The calling thread works too; a failed thread start just means fewer helpers. */
    for (int t = 1; t < threads && (size_t)t < count; t++)
        if (pthread_create(&tid[started], NULL, worker, &b) == 0)
            started++;
    worker(&b);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    return atomic_load(&b.failed);
}

int anketa_qr_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}
