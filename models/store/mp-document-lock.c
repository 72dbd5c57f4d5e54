/* mp-document-lock.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* F_OFD_SETLK (open file description locks) is Linux/glibc API. */
#define _GNU_SOURCE 1

/* The lock file beside an open document (".~lock.NAME#", as LibreOffice
 * names its own): one instance edits a document, the others open it
 * read-only and say who holds it. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mp-i18n.h"
#include "mp-document-private.h"

#define LOCK_PREFIX ".~lock."
#define LOCK_SUFFIX "#"

char *
_mp_document_lock_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (LOCK_PREFIX, base, LOCK_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The lock file holds "pid\nhost\nuser\n". */
static void
read_holder (int      fd,
             gint64  *pid,
             char   **host,
             char   **user)
{
  char buf[512];
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  g_auto(GStrv) lines = NULL;

  *pid = 0;
  *host = NULL;
  *user = NULL;
  if (n <= 0)
    return;
  buf[n] = '\0';
  lines = g_strsplit (buf, "\n", 4);
  if (lines[0] != NULL)
    *pid = g_ascii_strtoll (lines[0], NULL, 10);
  if (lines[0] != NULL && lines[1] != NULL && g_utf8_validate (lines[1], -1, NULL))
    *host = g_strdup (lines[1]);
  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL &&
      g_utf8_validate (lines[2], -1, NULL))
    *user = g_strdup (lines[2]);
}

static char *
describe_holder (const char *user,
                 const char *host)
{
  if (user != NULL && user[0] != '\0' && host != NULL && host[0] != '\0')
    /* Translators: who holds a document open: "user on computer" */
    return g_strdup_printf (_("%s on %s"), user, host);
  return g_strdup (_("unknown user"));
}

static gboolean
pid_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* Takes the lock beside @path.  An open file description lock (Linux) is
 * released by the kernel when its holder dies, so a crash never leaves a
 * lock behind; where the file system has no locks, the recorded process is
 * checked instead: a lock of a dead process on this host is stale. */
MpDocumentLockResult
_mp_document_lock_acquire (const char  *lock_path,
                           int         *fd_out,
                           char       **holder_out)
{
  for (int attempt = 0; attempt < 10; attempt++)
    {
      struct flock fl = { 0 };
      struct stat st_fd, st_path;
      g_autofree char *content = NULL;
      g_autofree char *host = NULL;
      g_autofree char *user = NULL;
      gboolean take_over = FALSE;
      gint64 pid;
      int fd;

      fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd < 0)
        return MP_DOCUMENT_LOCK_UNAVAILABLE;

      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      fl.l_start = 0;
      fl.l_len = 0;
      if (fcntl (fd, F_OFD_SETLK, &fl) < 0)
        {
          int saved = errno;

          read_holder (fd, &pid, &host, &user);
          if (saved == EAGAIN || saved == EACCES)
            {
              *holder_out = describe_holder (user, host);
              close (fd);
              return MP_DOCUMENT_LOCK_HELD;
            }
          /* No locking on this file system. */
          if (pid > 0 && pid != getpid () && g_strcmp0 (host, g_get_host_name ()) == 0 &&
              pid_alive (pid))
            {
              *holder_out = describe_holder (user, host);
              close (fd);
              return MP_DOCUMENT_LOCK_HELD;
            }
          if (pid > 0 && g_strcmp0 (host, g_get_host_name ()) != 0)
            {
              /* Another computer: its process cannot be checked from here. */
              *holder_out = describe_holder (user, host);
              close (fd);
              return MP_DOCUMENT_LOCK_HELD;
            }
          take_over = TRUE;
        }

      /* The holder before us may have removed the file between our open and
       * our lock: then we locked a file nobody else will find. */
      if (fstat (fd, &st_fd) < 0 || g_lstat (lock_path, &st_path) < 0 ||
          st_fd.st_ino != st_path.st_ino || st_fd.st_dev != st_path.st_dev)
        {
          close (fd);
          continue;
        }

      /* The record only serves the notice others show and file systems
       * without locks; if it cannot be written, the lock is still ours. */
      content = g_strdup_printf ("%d\n%s\n%s\n", (int) getpid (), g_get_host_name (),
                                 g_get_user_name ());
      if (ftruncate (fd, 0) == 0 && pwrite (fd, content, strlen (content), 0) < 0)
        g_debug ("Could not record the holder in %s: %s", lock_path, g_strerror (errno));
      if (take_over)
        g_debug ("Took over the stale lock %s", lock_path);
      *fd_out = fd;
      return MP_DOCUMENT_LOCK_ACQUIRED;
    }
  return MP_DOCUMENT_LOCK_UNAVAILABLE;
}

void
_mp_document_lock_release (const char *lock_path,
                           int         fd)
{
  if (fd < 0)
    return;
  /* Remove first, then drop the lock (closing releases it): whoever opens
   * the old file in between notices it was removed (see _mp_document_lock_acquire). */
  g_unlink (lock_path);
  close (fd);
}
