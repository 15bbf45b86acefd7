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
                      "the old file as %s.orig)", path);
        rc = 1;
    } else {
        if (g == KG_GUARD_EDITED) {
            size_t olen;
            char *old = kg_read_file(path, &olen, 0);
            kg_buf orig = KG_BUF_INIT;
            kg_buf_printf(&orig, "%s.orig", path);
            if (!old || kg_write_atomic(orig.ptr, old, olen) < 0) {
                kg_diag_error(d, orig.ptr, 0, 0, "cannot keep a copy: %s", strerror(errno));
                rc = -1;
            }
            free(old);
            kg_buf_free(&orig);
        }
        if (rc == 0 && kg_write_atomic(path, b.ptr, b.len) < 0) {
            kg_diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
            rc = -1;
        }
    }
    kg_buf_free(&b);
    return rc;
}
