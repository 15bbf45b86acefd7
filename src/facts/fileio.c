/* fileio.c - writing files without losing anything: atomic replacement
 * (temporary file, fsync, rename), SHA-256 (nettle), and the checksum
 * trailer that tells a file kg wrote from one a person has edited. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg/buf.h"
#include "kg/factio.h"

/* The digest of ctx, in hex. */
static void digest_hex(struct sha256_ctx *ctx, char out[65])
{
    uint8_t dig[SHA256_DIGEST_SIZE];
    sha256_digest(ctx, sizeof dig, dig);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", dig[i]);
}

void kg_sha256_hex(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    digest_hex(&ctx, out);
}

struct kg_sha256 {
    struct sha256_ctx ctx;
};

kg_sha256 *kg_sha256_begin(void)
{
    kg_sha256 *h = kg_xmalloc(sizeof *h);
    sha256_init(&h->ctx);
    return h;
}

void kg_sha256_add(kg_sha256 *h, const void *data, size_t len)
{
    sha256_update(&h->ctx, len, data);
}

void kg_sha256_end(kg_sha256 *h, char out[65])
{
    digest_hex(&h->ctx, out);
    free(h);
}

void kg_checksum_append(kg_buf *b)
{
    char hex[65];
    if (b->len && b->ptr[b->len - 1] != '\n')
        kg_buf_putc(b, '\n');
    kg_sha256_hex(b->ptr, b->len, hex);
    kg_buf_printf(b, "%s%s\n", KG_CHECKSUM_PREFIX, hex);
}

kg_guard kg_guard_check(const char *path)
{
    /* (a device or a pipe holds no hand edit: reading it would block or
     * read nothing, and there is no file to back up) */
    struct stat st;
    if (stat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        return KG_GUARD_STREAM;
    size_t len;
    char *text = kg_read_file(path, &len, 0);
    if (!text)
        return errno == ENOENT ? KG_GUARD_ABSENT : KG_GUARD_ERROR;
    /* the trailer is the last line */
    kg_guard g = KG_GUARD_EDITED;
    size_t plen = strlen(KG_CHECKSUM_PREFIX);
    if (len > plen + 64) {
        size_t end = len;
        if (text[end - 1] == '\n')
            end--;
        size_t start = end;
        while (start > 0 && text[start - 1] != '\n')
            start--;
        if (end - start == plen + 64 && memcmp(text + start, KG_CHECKSUM_PREFIX, plen) == 0) {
            char hex[65];
            kg_sha256_hex(text, start, hex);
            if (memcmp(hex, text + start + plen, 64) == 0)
                g = KG_GUARD_OURS;
        }
    }
    free(text);
    return g;
}

/* ---- writing outputs: a set of files replaced together ----
 *
 * What is at the path decides how it is written:
 *  - nothing, or a regular file: a temporary file beside it (fsync), then
 *    rename over it, so a reader sees the old bytes or the new ones;
 *  - a symbolic link to a regular file: the file it leads to is replaced
 *    the same way and the link stays;
 *  - a character device (/dev/null, a terminal) or a FIFO: written in
 *    place, never created or truncated, and a failed write (/dev/full) is
 *    an error; /dev/stdout, /dev/stderr and /dev/fd/N are the descriptors
 *    kg already has;
 *  - anything else (a folder, a block device, a socket, a dangling link):
 *    refused, nothing written. */

static const char *outset_kind(const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return "is a folder";
    if (S_ISBLK(st->st_mode))
        return "is a block device; kg writes to files, character devices and FIFOs only";
    if (S_ISSOCK(st->st_mode))
        return "is a socket; kg writes to files, character devices and FIFOs only";
    return "is not a file kg can write to";
}

/* /dev/stdout, /dev/stderr, /dev/fd/N: the descriptor, or -1. */
static int std_fd(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    if (strncmp(path, "/dev/fd/", 8) == 0 && path[8]) {
        char *end;
        long n = strtol(path + 8, &end, 10);
        if (!*end && n >= 0 && n < 1024)
            return (int)n;
    }
    return -1;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (w == 0) {
            errno = ENOSPC;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int outset_fail(kg_outset *o, const char *path, const char *why, int err)
{
    free(o->failed);
    o->failed = kg_xstrdup(path);
    o->why = why;
    o->err = err;
    errno = err;
    return -1;
}

/* The process's umask, read once. umask() can only be read by setting
 * it, which would race with other threads creating files (kg extract
 * --jobs writes from several): the kernel's own line in
 * /proc/self/status is read instead, and the set-and-restore is left
 * for systems without it, under pthread_once. */
static mode_t umask_value;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned v;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &v) == 1) {
            umask_value = (mode_t)v;
            fclose(f);
            return;
        }
    if (f)
        fclose(f);
    umask_value = umask(0);
    umask(umask_value);
}

mode_t kg_umask(void)
{
    pthread_once(&umask_once, read_umask);
    return umask_value;
}

/* Writes a staged file: the temporary file beside target. */
static int stage(kg_outset_item *it, const void *data, size_t len)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_buf_printf(&tmp, "%s.tmp.XXXXXX", it->target);
    int fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        int e = errno;
        kg_buf_free(&tmp);
        errno = e;
        return -1;
    }
    it->tmp = kg_buf_detach(&tmp, NULL);
    mode_t mask = kg_umask();
    struct stat st;
    /* keep the mode of the file being replaced; new files get 0666 & ~umask */
    if (fchmod(fd, stat(it->target, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask)) < 0 ||
        write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (close(fd) < 0)
        return -1;
    return 0;
}

int kg_outset_add(kg_outset *o, const char *path, const void *data, size_t len)
{
    if (o->failed) {
        errno = o->err;
        return -1;
    }
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 4;
        o->v = kg_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    kg_outset_item *it = &o->v[o->n];
    memset(it, 0, sizeof *it);
    it->path = kg_xstrdup(path);
    it->fd = std_fd(path);
    struct stat st;
    if (it->fd >= 0) {
        it->in_place = 1;
    } else if (lstat(path, &st) != 0) {
        if (errno != ENOENT)
            goto fail_errno;
        it->target = kg_xstrdup(path); /* a new file */
    } else if (S_ISREG(st.st_mode)) {
        it->target = kg_xstrdup(path);
    } else if (S_ISLNK(st.st_mode)) {
        struct stat ts;
        if (stat(path, &ts) != 0) {
            if (errno == ENOENT) {
                o->n++;
                return outset_fail(o, path, "is a symbolic link to a missing file (not followed)",
                                   ENOENT);
            }
            goto fail_errno;
        }
        if (S_ISREG(ts.st_mode)) {
            /* replace the file the link leads to; the link stays */
            it->target = realpath(path, NULL);
            if (!it->target)
                goto fail_errno;
        } else if (S_ISCHR(ts.st_mode) || S_ISFIFO(ts.st_mode)) {
            it->in_place = 1;
        } else {
            o->n++;
            return outset_fail(o, path, outset_kind(&ts), EINVAL);
        }
    } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
        it->in_place = 1;
    } else {
        o->n++;
        return outset_fail(o, path, outset_kind(&st), S_ISDIR(st.st_mode) ? EISDIR : EINVAL);
    }
    o->n++;
    if (it->in_place) {
        /* written at commit time; the caller keeps data alive until then */
        it->data = data;
        it->len = len;
        return 0;
    }
    if (stage(it, data, len) < 0)
        return outset_fail(o, path, NULL, errno);
    return 0;
fail_errno:
    o->n++;
    return outset_fail(o, path, NULL, errno);
}

/* Writes data in place to a character device or FIFO (or a descriptor). */
static int write_in_place(kg_outset_item *it)
{
    if (it->fd >= 0)
        return write_all(it->fd, it->data, it->len);
    /* no O_CREAT, no O_TRUNC: nothing is made or cut here */
    int fd = open(it->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
        /* replaced by something else since we looked */
        close(fd);
        errno = EAGAIN;
        return -1;
    }
    if (write_all(fd, it->data, it->len) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

int kg_outset_commit(kg_outset *o)
{
    if (o->failed) {
        errno = o->err;
        return -1;
    }
    for (size_t i = 0; i < o->n; i++) {
        kg_outset_item *it = &o->v[i];
        if (it->in_place)
            continue;
        if (rename(it->tmp, it->target) < 0)
            return outset_fail(o, it->path, NULL, errno);
        free(it->tmp);
        it->tmp = NULL;
        /* make the rename itself durable */
        char *copy = kg_xstrdup(it->target);
        int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
        free(copy);
    }
    for (size_t i = 0; i < o->n; i++)
        if (o->v[i].in_place && write_in_place(&o->v[i]) < 0)
            return outset_fail(o, o->v[i].path, NULL, errno);
    return 0;
}

void kg_outset_free(kg_outset *o)
{
    int e = errno;
    for (size_t i = 0; i < o->n; i++) {
        if (o->v[i].tmp)
            unlink(o->v[i].tmp);
        free(o->v[i].tmp);
        free(o->v[i].path);
        free(o->v[i].target);
    }
    free(o->v);
    free(o->failed);
    memset(o, 0, sizeof *o);
    errno = e;
}

const char *kg_outset_error(const kg_outset *o)
{
    if (!o->failed)
        return NULL;
    return o->why ? o->why : strerror(o->err);
}

int kg_write_atomic(const char *path, const void *data, size_t len)
{
    kg_outset o = KG_OUTSET_INIT;
    int rc = kg_outset_add(&o, path, data, len);
    if (rc == 0)
        rc = kg_outset_commit(&o);
    int e = rc ? o.err : 0;
    kg_outset_free(&o);
    errno = e;
    return rc;
}

/* Takes the name `name` for the bytes in data, failing with EEXIST if
 * something is there already: the bytes go to a temporary file first,
 * which is then hard-linked to the name (link never replaces), so the
 * backup appears whole or not at all. Where the file system has no hard
 * links, the name is created with O_EXCL and written in place. */
static int create_excl(const char *name, const void *data, size_t len, mode_t mode)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_buf_printf(&tmp, "%s.tmp.XXXXXX", name);
    int fd = mkstemp(tmp.ptr);
    int saved = 0, rc = -1;
    if (fd >= 0) {
        if (fchmod(fd, mode) == 0 && write_all(fd, data, len) == 0 && fsync(fd) == 0) {
            if (close(fd) == 0) {
                fd = -1;
                if (link(tmp.ptr, name) == 0)
                    rc = 0;
                else if (errno == EEXIST)
                    rc = -2;
            }
        }
        saved = errno;
        if (fd >= 0)
            close(fd);
        unlink(tmp.ptr);
    } else {
        saved = errno;
    }
    kg_buf_free(&tmp);
    if (rc == 0)
        return 0;
    if (rc == -2 || (saved != EPERM && saved != ENOTSUP && saved != EXDEV && saved != ENOSYS &&
                     saved != EMLINK)) {
        errno = rc == -2 ? EEXIST : saved;
        return -1;
    }
    /* no hard links here: create the name exclusively and write it */
    fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return -1;
    if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        saved = errno;
        close(fd);
        unlink(name); /* ours: created above */
        errno = saved;
        return -1;
    }
    return close(fd);
}

char *kg_backup_keep(const char *path, const void *data, size_t len)
{
    struct stat st;
    mode_t mask = kg_umask();
    mode_t mode = stat(path, &st) == 0 ? (st.st_mode & 0777) : (0666 & ~mask);
    kg_buf name = KG_BUF_INIT;
    for (int n = 0; n <= KG_BACKUP_MAX; n++) {
        kg_buf_reset(&name);
        if (n == 0)
            kg_buf_printf(&name, "%s.orig", path);
        else
            kg_buf_printf(&name, "%s.orig.%d", path, n);
        if (create_excl(name.ptr, data, len, mode) == 0)
            return kg_buf_detach(&name, NULL);
        if (errno != EEXIST)
            break;
    }
    int saved = errno;
    kg_buf_free(&name);
    errno = saved;
    return NULL;
}

int kg_write_guarded(const char *path, const char *data, size_t len, int force, kg_diag *d)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, data, len);
    kg_checksum_append(&b);
    kg_guard g = kg_guard_check(path);
    int rc = 0;
    if (g == KG_GUARD_ERROR) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        rc = -1;
    } else if (g == KG_GUARD_EDITED && !force) {
        kg_diag_error(d, path, 0, 0,
                      "changed since kg wrote it (or not written by kg); not overwriting a "
                      "hand edit: merge by hand, move the file away, or use --force (keeps "
                      "the old file as %s.orig, or the next free %s.orig.N)", path, path);
        rc = 1;
    } else {
        if (g == KG_GUARD_EDITED) {
            size_t olen;
            char *old = kg_read_file(path, &olen, 0);
            char *kept = old ? kg_backup_keep(path, old, olen) : NULL;
            if (!kept) {
                kg_diag_error(d, path, 0, 0, "cannot keep a backup copy (%s.orig...): %s; "
                              "not overwritten", path, strerror(errno));
                rc = -1;
            } else {
                kg_diag_add(d, KG_SEV_NOTE, path, 0, 0, "your version is kept as %s", kept);
            }
            free(kept);
            free(old);
        }
        if (rc == 0 && kg_write_atomic(path, b.ptr, b.len) < 0) {
            kg_diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
            rc = -1;
        }
    }
    kg_buf_free(&b);
    return rc;
}

int kg_mkdirs(const char *path, int parent_only)
{
    char *p = kg_xstrdup(path);
    int rc = 0;
    if (parent_only) {
        char *slash = strrchr(p, '/');
        if (!slash || slash == p) {
            free(p);
            return 0; /* the current folder, or / */
        }
        *slash = '\0';
    }
    for (char *q = p + 1; rc == 0; q++) {
        if (*q != '/' && *q != '\0')
            continue;
        char save = *q;
        *q = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *q = save;
        if (save == '\0')
            break;
    }
    struct stat st;
    if (rc == 0 && *p && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        errno = ENOTDIR;
        rc = -1;
    }
    int e = errno;
    free(p);
    errno = e;
    return rc;
}
