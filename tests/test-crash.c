/* test-crash.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A writer process makes numbered edits to a document and reports each one
 * on stdout once the call that made it has returned (the edit is committed).
 * The test kills it with SIGKILL at random moments, over and over, then
 * checks that the document opens, passes PRAGMA quick_check, and holds every
 * edit that was reported.
 *
 * Edit k (k = 1, 2, …):
 *   k % 5 == 0  update: the package "edit-(k-1)" gets the description
 *               "updated by k";
 *   k % 7 == 0  (and not % 5) add "edit-k", undo, redo: three commits;
 *   otherwise   add "edit-k" with k % 3 + 1 schemes, the first with quota k.
 * A writer starts after the highest "edit-N" in the document.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mp-document.h"
#include "mp-reference.h"

#define DEFAULT_ITERATIONS 200

static char *self_exe;

static MpPackage *
edit_package (int k)
{
  g_autofree char *name = g_strdup_printf ("edit-%06d", k);
  MpPackage *p = mp_package_new (name);
  guint n = (guint) (k % 3) + 1;

  g_strfreev (p->partners);
  p->partners = g_strsplit ("MAR", ",", -1);
  for (guint i = 0; i < n; i++)
    {
      MpScheme *s = mp_scheme_new ();

      s->name = g_strdup_printf ("scheme %u of edit %d", i, k);
      s->kind = MP_SCHEME_CIRCULAR;
      s->partner = g_strdup ("MAR");
      s->sector = g_strdup ("agriculture_horticulture");
      s->quota = i == 0 ? k : 10;
      s->training_months = 1;
      s->language_support = TRUE;
      s->complaints_channel = TRUE;
      s->reintegration_support = TRUE;
      g_ptr_array_add (p->schemes, s);
    }
  return p;
}

static int
edit_number (const char *name)
{
  if (name == NULL || !g_str_has_prefix (name, "edit-"))
    return 0;
  return (int) g_ascii_strtoll (name + 5, NULL, 10);
}

/* ---- The writer (child process) ---------------------------------------- */

static void
report (int k)
{
  printf ("%d\n", k);
  fflush (stdout);
}

static int
writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  g_autoptr(GPtrArray) list = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  int k = 0;

  if (doc == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 2;
    }
  if (mp_document_is_read_only (doc))
    {
      g_printerr ("writer: read-only: %s\n", mp_document_get_read_only_reason (doc));
      return 3;
    }
  printf ("open\n");
  fflush (stdout);

  list = mp_document_list_packages (doc, &error);
  if (list == NULL)
    return 4;
  for (guint i = 0; i < list->len; i++)
    k = MAX (k, edit_number (((MpPackageInfo *) g_ptr_array_index (list, i))->name));

  for (k = k + 1; g_get_monotonic_time () < deadline; k++)
    {
      if (k % 5 == 0)
        {
          g_autofree char *target = g_strdup_printf ("edit-%06d", k - 1);
          gint64 id = mp_document_find_package (doc, target);
          g_autoptr(MpPackage) p = NULL;

          if (id == 0 || !(p = mp_document_get_package (doc, id, &error)))
            {
              g_printerr ("writer: no %s\n", target);
              return 5;
            }
          g_free (p->description);
          p->description = g_strdup_printf ("updated by %d", k);
          if (!mp_document_update_package (doc, id, p, "crash test update", &error))
            {
              g_printerr ("writer: %s\n", error->message);
              return 6;
            }
        }
      else
        {
          g_autoptr(MpPackage) p = edit_package (k);

          if (mp_document_add_package (doc, p, &error) == 0 ||
              (k % 7 == 0 && (!mp_document_undo (doc, &error) || !mp_document_redo (doc, &error))))
            {
              g_printerr ("writer: %s\n", error->message);
              return 7;
            }
        }
      report (k);
    }
  return 0;
}

/* ---- The test (parent) -------------------------------------------------- */

typedef struct
{
  GHashTable *committed;   /* edit number -> TRUE */
  int         max_reported;
  guint       kills_during_open;
  guint       kills_during_edits;
  guint       writers_failed;
} Record;

/* Reads the child's stdout to EOF: "open" and edit numbers. */
static gboolean
collect (int      fd,
         Record  *rec)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  char chunk[4096];
  ssize_t n;
  gboolean opened = FALSE;
  const char *line;

  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      g_string_append_len (buf, chunk, n);
    }

  line = buf->str;
  for (char *nl; (nl = strchr (line, '\n')) != NULL; line = nl + 1)
    {
      *nl = '\0';
      if (g_str_equal (line, "open"))
        opened = TRUE;
      else
        {
          int k = (int) g_ascii_strtoll (line, NULL, 10);

          g_assert_cmpint (k, >, 0);
          g_hash_table_add (rec->committed, GINT_TO_POINTER (k));
          rec->max_reported = MAX (rec->max_reported, k);
        }
    }
  /* A last line without its newline was cut by the kill: not reported. */
  return opened;
}

/* Reads one line (up to "\n") without buffering past it. */
static gboolean
wait_for_open (int fd)
{
  char line[8];
  gsize len = 0;

  while (len < sizeof line)
    {
      ssize_t n = read (fd, line + len, 1);

      if (n <= 0)
        return FALSE;
      if (line[len] == '\n')
        return len == 4 && memcmp (line, "open", 4) == 0;
      len++;
    }
  return FALSE;
}

static void
check_quick (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every reported edit is in the document. */
static void
verify (const char *path,
        Record     *rec,
        gboolean    full)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) list = NULL;
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_false (mp_document_is_read_only (doc));
  check_quick (path);

  list = mp_document_list_packages (doc, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const MpPackageInfo *info = g_ptr_array_index (list, i);

      /* No edit is there twice. */
      g_assert_true (g_hash_table_insert (present, g_strdup (info->name), (gpointer) info));
    }

  g_hash_table_iter_init (&iter, rec->committed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int k = GPOINTER_TO_INT (key);
      int target = k % 5 == 0 ? k - 1 : k;
      g_autofree char *name = g_strdup_printf ("edit-%06d", target);
      const MpPackageInfo *info = g_hash_table_lookup (present, name);

      if (info == NULL)
        g_error ("edit %d was reported committed but %s is missing", k, name);
      if (k % 5 == 0 || full)
        {
          g_autoptr(MpPackage) p = mp_document_get_package (doc, info->id, &error);

          g_assert_no_error (error);
          if (k % 5 == 0)
            {
              g_autofree char *expected = g_strdup_printf ("updated by %d", k);

              g_assert_cmpstr (p->description, ==, expected);
            }
          else
            {
              g_assert_cmpuint (p->schemes->len, ==, (guint) (k % 3) + 1);
              g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (p->schemes, 0))->quota, ==, k);
            }
        }
      else
        g_assert_cmpuint (info->n_schemes, ==, (guint) (k % 3) + 1);
    }
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) ref = mp_reference_load_default (&error);
  g_autofree char *dir = g_dir_make_tmp ("mp-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = NULL;
  g_auto(GStrv) envp = NULL;
  const char *env = g_getenv ("MP_CRASH_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ITERATIONS;
  guint32 seed = g_test_rand_int ();
  Record rec = { g_hash_table_new (NULL, NULL), 0, 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  path = g_build_filename (dir, "crash.mplan", NULL);
  {
    g_autoptr(MpDocument) doc = mp_document_create (path, ref, &error);

    g_assert_no_error (error);
  }

  g_test_message ("seed %u, %u iterations", seed, iterations);
  rand = g_rand_new_with_seed (seed);

  /* The writers are killed, so a leak check in them means nothing; under
   * AddressSanitizer they keep the fast unwinder, or they would manage few
   * edits before each kill. */
  {
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                            "detect_leaks=0:fast_unwind_on_malloc=1", NULL);

    envp = g_environ_setenv (g_get_environ (), "ASAN_OPTIONS", options, TRUE);
  }

  /* At least @iterations kills; more (up to three times as many) while the
   * writers have committed fewer edits than that, as on a slow machine or
   * under a sanitizer. */
  for (guint i = 0;
       i < iterations ||
       (g_hash_table_size (rec.committed) < iterations && i < 3 * iterations);
       i++)
    {
      const char *argv[] = { self_exe, "--writer", path, NULL };
      GPid pid;
      int out_fd, status;
      gboolean early = g_rand_int_range (rand, 0, 8) == 0;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      if (early)
        {
          /* Kill while it starts up or opens the document. */
          g_usleep (g_rand_int_range (rand, 0, 8000));
          rec.kills_during_open++;
        }
      else
        {
          if (!wait_for_open (out_fd))
            rec.writers_failed++;
          g_usleep (g_rand_int_range (rand, 0, 60000));
          rec.kills_during_edits++;
        }
      kill (pid, SIGKILL);
      collect (out_fd, &rec);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, or ended on its own with an error: the latter is a failure. */
      if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
        {
          g_assert_true (WIFEXITED (status));
          if (WEXITSTATUS (status) != 0)
            g_error ("the writer failed with status %d (iteration %u)", WEXITSTATUS (status), i);
        }

      /* Cheap check now and then, full check at the end. */
      if (i % 25 == 24)
        verify (path, &rec, FALSE);
    }

  g_test_message ("%u edits reported committed (highest %d); %u kills during start-up, %u during "
                  "edits; %.1f s", g_hash_table_size (rec.committed), rec.max_reported,
                  rec.kills_during_open, rec.kills_during_edits,
                  (g_get_monotonic_time () - start) / 1e6);

  verify (path, &rec, TRUE);
  g_assert_cmpuint (rec.writers_failed, ==, 0);
  /* The kills must have hit writers at work, many times (a writer makes a
   * few edits before it dies; fewer under a sanitizer). */
  g_assert_cmpuint (g_hash_table_size (rec.committed), >=, iterations / 2);

  g_hash_table_unref (rec.committed);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return writer (argv[2]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/document/crash/sigkill", test_crash);
  return g_test_run ();
}
