/* test-i18n.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mp-i18n.h"
#include "mp-types.h"

/* The catalogues compiled into build/po: po/nl.po translates "Low" as "Laag"
 * and "Import %u package(s)" as "%u pakket(ten) importeren". */
static void
use_built_catalogues (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("MP_BUILD_ROOT"), "po", NULL);

  g_setenv ("MP_LOCALEDIR", dir, TRUE);
}

static void
test_thread_language (void)
{
  use_built_catalogues ();

  mp_i18n_set_thread_language ("nl");
  g_assert_cmpstr (mp_i18n_get_thread_language (), ==, "nl");
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Laag");
  /* Labels of the model follow the thread's language too. */
  g_assert_cmpstr (mp_risk_label (MP_RISK_LOW), ==, "Laag");
  g_assert_cmpstr (mp_ngettext ("Import %u package", "Import %u packages", 1), ==, "%u pakket importeren");
  g_assert_cmpstr (mp_ngettext ("Import %u package", "Import %u packages", 3), ==, "%u pakketten importeren");
  g_assert_cmpstr (mp_gettext ("A text no catalogue has"), ==, "A text no catalogue has");

  mp_i18n_set_thread_language ("en");
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Low");
  g_assert_cmpstr (mp_ngettext ("Import %u package", "Import %u packages", 3), ==, "Import %u packages");

  /* Back to the process's language: C.UTF-8 in the test environment. */
  mp_i18n_set_thread_language (NULL);
  g_assert_null (mp_i18n_get_thread_language ());
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Low");
}

static gpointer
read_language_thread (gpointer data)
{
  const char *seen = mp_i18n_get_thread_language ();
  const char *low = mp_gettext ("Low");

  return g_strdup_printf ("%s/%s", seen != NULL ? seen : "none", low);
}

static void
test_other_threads_unaffected (void)
{
  GThread *thread;
  g_autofree char *result = NULL;

  use_built_catalogues ();
  mp_i18n_set_thread_language ("nl");
  thread = g_thread_new ("reader", read_language_thread, NULL);
  result = g_thread_join (thread);
  g_assert_cmpstr (result, ==, "none/Low");
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Laag");
  mp_i18n_set_thread_language (NULL);
}

static void
test_missing_and_damaged_catalogues (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-i18n-XXXXXX", NULL);
  g_autofree char *lc = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (lc, GETTEXT_PACKAGE ".mo", NULL);
  /* A .mo header whose tables point far outside the file. */
  static const guint8 damaged[28] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0xf0, 0xff, 0xff, 0x7f,
    0x00, 0x00, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0
  };

  g_assert_cmpint (g_mkdir_with_parents (lc, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mo, (const char *) damaged, sizeof damaged, NULL));
  g_setenv ("MP_LOCALEDIR", dir, TRUE);

  mp_i18n_set_thread_language ("xx");
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Low");
  mp_i18n_set_thread_language ("fr");   /* no catalogue at all */
  g_assert_cmpstr (mp_gettext ("Low"), ==, "Low");
  g_assert_cmpstr (mp_ngettext ("Import %u package", "Import %u packages", 1), ==, "Import %u package");
  mp_i18n_set_thread_language (NULL);

  g_unlink (mo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/i18n/thread-language", test_thread_language);
  g_test_add_func ("/models/i18n/other-threads-unaffected", test_other_threads_unaffected);
  g_test_add_func ("/models/i18n/missing-and-damaged", test_missing_and_damaged_catalogues);

  return g_test_run ();
}
