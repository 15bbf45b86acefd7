/* fileio.c - writing files without losing anything: atomic replacement
 * (temporary file, fsync, rename), SHA-256 (nettle), and the checksum
 * trailer that tells a file kg wrote from one a person has edited. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg/buf.h"
#include "kg/factio.h"

void kg_sha256_hex(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t dig[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof dig, dig);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", dig[i]);
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

int kg_write_atomic(const char *path, const void *data, size_t len)
{
    char *copy = kg_xstrdup(path);
    char *dir = dirname(copy);
    kg_buf tmp = KG_BUF_INIT;
    kg_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp.ptr);
    int saved = 0;
    if (fd < 0) {
        saved = errno;
        goto fail;
    }
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    /* keep the mode of the file being replaced; new files get 0666 & ~umask */
    if (fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask)) < 0)
        goto fail_errno;
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail_errno;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) < 0)
        goto fail_errno;
    if (close(fd) < 0) {
        fd = -1;
        goto fail_errno;
    }
    fd = -1;
    if (rename(tmp.ptr, path) < 0)
        goto fail_errno;
    /* make the rename itself durable */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    kg_buf_free(&tmp);
    free(copy);
    return 0;
fail_errno:
    saved = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp.ptr);
fail:
    kg_buf_free(&tmp);
    free(copy);
    errno = saved;
    return -1;
}

/* Writes all of data to fd; 0 or -1 with errno. */
static int write_all(int fd, const char *p, size_t left)
{
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    return 0;
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
    mode_t mask = umask(0);
    umask(mask);
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
