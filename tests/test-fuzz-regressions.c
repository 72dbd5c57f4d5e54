/* test-fuzz-regressions.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "fuzz/fuzz-common.h"

/* The fuzz targets (tests/fuzz/fuzz-*.c) in the normal suite: every file of
 * tests/fuzz/regressions/<target>/ (the inputs that once crashed or made a
 * sanitizer report) and of the seed corpus tests/fuzz/corpus/<target>/ goes
 * through the same entry point libFuzzer calls.  A test fails when the entry
 * point crashes, asserts, or logs a warning or critical; under
 * -Db_sanitize=address,undefined also on a sanitizer report or a leak.
 *
 * Each regression file is named after what it found (see
 * tests/fuzz/regressions/README.md). */

typedef int (*FuzzFunc) (const uint8_t *data, size_t size);

static const struct
{
  const char *name;
  FuzzFunc    func;
} targets[] = {
  { "json", mp_fuzz_json },
  { "csv", mp_fuzz_csv },
  { "document", mp_fuzz_document },
  { "brief", mp_fuzz_brief },
};

typedef struct
{
  FuzzFunc  func;
  char     *path;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c);
}

static void
test_input (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (c->path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->func ((const uint8_t *) contents, len), ==, 0);
}

/* Every target has a seed corpus: an empty folder would mean the fuzz
 * script starts from nothing and these tests check nothing. */
static void
test_corpus_present (gconstpointer data)
{
  const char *dir = data;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, >=, 2);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
add_folder (const char *root,
            const char *kind,
            guint       t)
{
  g_autofree char *dir = g_build_filename (root, "tests", "fuzz", kind, targets[t].name, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      Case *c = g_new0 (Case, 1);
      g_autofree char *test = NULL;

      c->func = targets[t].func;
      c->path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      test = g_strdup_printf ("/fuzz/%s/%s/%s", targets[t].name, kind,
                              (const char *) g_ptr_array_index (names, i));
      g_test_add_data_func_full (test, c, test_input, case_free);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_nonnull (root);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/corpus-present", targets[t].name);
      char *dir = g_build_filename (root, "tests", "fuzz", "corpus", targets[t].name, NULL);

      g_ptr_array_add (dirs, dir);
      g_test_add_data_func (test, dir, test_corpus_present);
      add_folder (root, "corpus", t);
      add_folder (root, "regressions", t);
    }

  return g_test_run ();
}
