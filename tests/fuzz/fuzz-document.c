/* fuzz-document.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "mp-document.h"

/* Opening a document (mp_document_open) on arbitrary bytes: the bytes are
 * written to a file, opened read-write (as the CLI and the GUI do), every
 * package is listed and read, then the document is closed and its files
 * (the document, its WAL, shared memory and lock files) are removed. */

static void
remove_document_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

int
mp_fuzz_document (const uint8_t *data,
                  size_t         size)
{
  static char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  mp_fuzz_init ();
  if (dir == NULL)
    {
      dir = g_build_filename (mp_fuzz_tmpdir (), "document", NULL);
      if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
        g_error ("Cannot create %s: %s", dir, g_strerror (errno));
    }
  remove_document_files (dir);

  path = g_build_filename (dir, "fuzz.mplan", NULL);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("Cannot write %s: %s", path, error->message);

  doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  if (doc == NULL)
    {
      g_assert (error != NULL && error->domain == MP_DOCUMENT_ERROR);
      mp_fuzz_check_message (error->message, data, size);
      remove_document_files (dir);
      return 0;
    }
  g_assert_no_error (error);

  g_assert (mp_document_get_reference (doc) != NULL);
  infos = mp_document_list_packages (doc, &error);
  if (infos == NULL)
    {
      g_assert (error != NULL);
      g_clear_error (&error);
    }
  else
    {
      for (guint i = 0; i < infos->len; i++)
        {
          const MpPackageInfo *info = g_ptr_array_index (infos, i);
          g_autoptr(MpPackage) package = NULL;

          g_assert (info->name != NULL);
          g_assert (info->partners != NULL);
          package = mp_document_get_package (doc, info->id, &error);
          if (package == NULL)
            {
              g_assert (error != NULL);
              mp_fuzz_check_message (error->message, data, size);
              g_clear_error (&error);
            }
        }
    }

  mp_document_close (doc);
  g_clear_object (&doc);
  remove_document_files (dir);

  return 0;
}

MP_FUZZ_DEFINE_TARGET (mp_fuzz_document)
