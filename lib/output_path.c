/* Where an output goes: links followed, paths of one run told apart by the
 * file they name, temporaries named and swept. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <anketa/output.h>

#include "output_int.h"

enum { MAX_LINKS = 40 };

static const char TEMP_MARK[] = ".anketa-tmp.";

/* dir + "/" + rel, or rel when it is absolute. */
static char *join(const char *dir, size_t dir_len, const char *rel)
{
    size_t n = dir_len + strlen(rel) + 2;
    char *p = malloc(n);
    if (p == NULL)
        return NULL;
    if (rel[0] == '/' || dir_len == 0)
        snprintf(p, n, "%s", rel);
    else
        snprintf(p, n, "%.*s/%s", (int)dir_len, dir, rel);
    return p;
}

/* An open descriptor named as a file (/dev/stdout, /proc/self/fd/1): its
 * link text is no path to rename over, and the caller means that very file. */
static int names_descriptor(const char *p)
{
    return strncmp(p, "/proc/", 6) == 0 || strncmp(p, "/dev/fd/", 8) == 0;
}

int anketa_output_resolve(const char *path, enum output_kind *kind, char **dir, char **base,
                   struct anketa_error *err)
{
    struct stat st;
    *dir = *base = NULL;
    if (*path == '\0')
        return anketa_error_set(err, ANKETA_ERR_USAGE, "an empty output file name");
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        *kind = OUTPUT_IN_PLACE;
        return 0;
    }
    char *cur = strdup(path);
    for (int hops = 0; cur != NULL; hops++) {
        if (names_descriptor(cur)) {
            free(cur);
            *kind = OUTPUT_IN_PLACE;
            return 0;
        }
        if (lstat(cur, &st) != 0) {
            if (errno == ENOENT)
                break;   /* made here */
            int e = errno;
            free(cur);
            return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(e));
        }
        if (S_ISDIR(st.st_mode)) {
            free(cur);
            return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "is a folder, not a file");
        }
        if (!S_ISLNK(st.st_mode)) {
            if (!S_ISREG(st.st_mode)) {
                free(cur);
                *kind = OUTPUT_IN_PLACE;
                return 0;
            }
            break;
        }
        if (hops == MAX_LINKS) {
            free(cur);
            return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(ELOOP));
        }
        char link[4096];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            int e = errno;
            free(cur);
            return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(e));
        }
        link[n] = '\0';
        const char *slash = strrchr(cur, '/');
        char *next = join(cur, slash ? (size_t)(slash - cur) + (slash == cur) : 0, link);
        free(cur);
        cur = next;
    }
    if (cur == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    char *slash = strrchr(cur, '/');
    if (slash != NULL && slash[1] == '\0') {
        free(cur);
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "names a folder, not a file");
    }
    *kind = OUTPUT_FILE;
    if (slash == NULL) {
        *dir = strdup(".");
        *base = cur;
    } else {
        *base = strdup(slash + 1);
        slash[slash == cur] = '\0';   /* "/x" keeps its "/" */
        *dir = cur;
    }
    if (*dir == NULL || *base == NULL) {
        free(*dir);
        free(*base);
        *dir = *base = NULL;
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    return 0;
}

/* This machine's name (uname -n) with '.' as '-', at most 32 bytes: a
 * process id means something only on the machine that made the temporary
 * (a folder may be shared over NFS or between containers). */
static char host_name[33];

static void host_init(void)
{
    struct utsname u;
    if (uname(&u) != 0 || u.nodename[0] == '\0')
        snprintf(host_name, sizeof host_name, "localhost");
    else
        snprintf(host_name, sizeof host_name, "%.32s", u.nodename);
    for (char *p = host_name; *p; p++)
        if (*p == '.' || *p == '/')
            *p = '-';
}

static const char *host(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, host_init);
    return host_name;
}

void anketa_output_temp_name(char *buf, size_t size, const char *base)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char r[8];
    if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        static unsigned long counter;
        unsigned long x = (unsigned long)time(NULL) ^ (unsigned long)clock() ^
                          __atomic_add_fetch(&counter, 0x9e3779b9UL, __ATOMIC_RELAXED);
        for (size_t i = 0; i < sizeof r; i++, x >>= 5)
            r[i] = (unsigned char)x;
    }
    char rand[sizeof r + 1];
    for (size_t i = 0; i < sizeof r; i++)
        rand[i] = digits[r[i] % (sizeof digits - 1)];
    rand[sizeof r] = '\0';
    /* At most 180 bytes of the name, so that the temporary's fits NAME_MAX. */
    snprintf(buf, size, "%.180s%s%s.%ld.%s", base, TEMP_MARK, host(), (long)getpid(), rand);
}

/* The process that made temporary `name`, or 0 when it is none of ours. */
static long temp_owner(const char *name)
{
    const char *mark = strstr(name, TEMP_MARK);
    if (mark == NULL)
        return 0;
    char *end;
    const char *h = mark + sizeof TEMP_MARK - 1, *me = host();
    size_t n = strlen(me);
    if (strncmp(h, me, n) != 0 || h[n] != '.')
        return 0;   /* another machine's: its processes are not ours to ask after */
    long pid = strtol(h + n + 1, &end, 10);
    return pid > 0 && *end == '.' ? pid : 0;
}

void anketa_output_remove(int dirfd, const char *name)
{
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlinkat(dirfd, name, 0);
        return;
    }
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (d == NULL) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlinkat(fd, e->d_name, 0);
    closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

void anketa_output_sweep(int dirfd)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static struct { dev_t dev; ino_t ino; } swept[32];
    static unsigned swept_count;
    struct stat st;
    if (fstat(dirfd, &st) != 0)
        return;
    pthread_mutex_lock(&lock);
    unsigned n = swept_count < 32 ? swept_count : 32;
    for (unsigned i = 0; i < n; i++)
        if (swept[i].dev == st.st_dev && swept[i].ino == st.st_ino) {
            pthread_mutex_unlock(&lock);
            return;
        }
    unsigned slot = swept_count++ % 32;
    swept[slot].dev = st.st_dev;
    swept[slot].ino = st.st_ino;
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (d == NULL && fd >= 0)
        close(fd);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        long pid = temp_owner(e->d_name);
        if (pid > 0 && pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
            anketa_output_remove(dirfd, e->d_name);
    }
    if (d != NULL)
        closedir(d);
    pthread_mutex_unlock(&lock);
}

/* The file a path of the run names: device and inode when it exists, else
 * (for an output still to make) its folder's and its name. */
struct identity {
    int known;
    dev_t dev;
    ino_t ino;
    char *base;
};

static int identify(const struct anketa_path_use *u, struct identity *id, struct anketa_error *err)
{
    struct stat st;
    memset(id, 0, sizeof *id);
    if (u->path == NULL || strcmp(u->path, "-") == 0)
        return 0;
    if (stat(u->path, &st) == 0) {
        /* Devices and pipes are written in place: two uses of /dev/null are fine. */
        id->known = S_ISREG(st.st_mode);
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        return 0;
    }
    if (!u->output)
        return 0;   /* an input that is not there fails when read */
    enum output_kind kind;
    char *dir, *base;
    if (anketa_output_resolve(u->path, &kind, &dir, &base, err) != 0)
        return -1;
    if (kind == OUTPUT_FILE && stat(dir, &st) == 0) {
        id->known = 1;
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        id->base = base;
        base = NULL;
    }
    free(dir);
    free(base);
    return 0;
}

int anketa_paths_check(const struct anketa_path_use *uses, size_t n, struct anketa_error *err)
{
    struct identity *ids = calloc(n ? n : 1, sizeof *ids);
    if (ids == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (identify(&uses[i], &ids[i], err) != 0)
            rc = err ? err->code : ANKETA_ERR_IO;
    for (size_t i = 0; i < n && rc == 0; i++)
        for (size_t j = i + 1; j < n && rc == 0; j++) {
            const struct identity *a = &ids[i], *b = &ids[j];
            if (!a->known || !b->known || !(uses[i].output || uses[j].output) ||
                a->dev != b->dev || a->ino != b->ino || (a->base == NULL) != (b->base == NULL) ||
                (a->base && strcmp(a->base, b->base) != 0))
                continue;
            if (strcmp(uses[i].path, uses[j].path) == 0)
                rc = anketa_error_set(err, ANKETA_ERR_USAGE, "'%s' is given as both %s and %s",
                                      uses[i].path, uses[i].role, uses[j].role);
            else
                rc = anketa_error_set(err, ANKETA_ERR_USAGE,
                                      "'%s' (%s) and '%s' (%s) are the same file",
                                      uses[i].path, uses[i].role, uses[j].path, uses[j].role);
        }
    for (size_t i = 0; i < n; i++)
        free(ids[i].base);
    free(ids);
    return rc;
}
