/* fuzz-common.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "mp-reference.h"

static MpReference *reference;
static char *tmpdir;

static void
remove_tmpdir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmpdir == NULL)
    return;
  dir = g_dir_open (tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/* g_error() stops with SIGTRAP, which libFuzzer does not catch: turn it
 * into an abort so that the input is kept as a crash. */
static void
on_trap (int sig)
{
  abort ();
}

void
mp_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Messages and number formats must not depend on the caller's locale. */
      setlocale (LC_ALL, "C.UTF-8");
      signal (SIGTRAP, on_trap);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
      g_once_init_leave (&done, 1);
    }
}

const MpReference *
mp_fuzz_reference (void)
{
  if (reference == NULL)
    {
      g_autoptr(GError) error = NULL;

      mp_fuzz_init ();
      reference = mp_reference_load_default (&error);
      if (reference == NULL)
        g_error ("The shipped reference data does not load: %s", error->message);
    }

  return reference;
}

const char *
mp_fuzz_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("mp-fuzz-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("No temporary folder: %s", error->message);
      atexit (remove_tmpdir);
    }

  return tmpdir;
}

void
mp_fuzz_check_message (const char    *message,
                       const uint8_t *data,
                       size_t         size)
{
  g_assert_nonnull (message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  if (memmem (data, size, "(null)", 6) == NULL)
    g_assert_null (strstr (message, "(null)"));
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        g_error ("Control character U+%04X in the message: %s", c, message);
    }
}
