/* test-cli-evaluate.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-document.h"
#include "mp-json.h"

/* Runs `mobility-planner-cli evaluate` ($MP_CLI) on every example, on the
 * demo bundle, on a .mplan document and on invalid input, checking exit
 * statuses (0 success, 2 invalid input, 1 other failures), stdout and stderr. */

static const char * const examples[] = {
  "gecco-morocco-agriculture.json",
  "care-talent-partnership.json",
  "regional-maghreb.json",
  "blocked-health-recruitment.json",
};

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
example_path (const char *file)
{
  return g_build_filename (g_getenv ("MP_SOURCE_ROOT"), "data", "examples", file, NULL);
}

/* Runs the CLI with "evaluate" and the NULL-terminated arguments. */
static void
run_cli (Run        *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (g_getenv ("MP_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("MP_CLI"));
  g_ptr_array_add (argv, (gpointer) "evaluate");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_examples_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = example_path (examples[i]);
      g_auto (Run) r = { 0 };

      run_cli (&r, path, "--draws", "100", NULL);
      if (r.status != 0)
        g_error ("%s: exit %d: %s", examples[i], r.status, r.err);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_nonnull (strstr (r.out, "Evaluation of “"));
      g_assert_nonnull (strstr (r.out, "Headlines"));
      g_assert_nonnull (strstr (r.out, "Partner-interest fit: components"));
      g_assert_nonnull (strstr (r.out, "Netherlands benefit: components"));
      g_assert_nonnull (strstr (r.out, "Findings ("));
      g_assert_nonnull (strstr (r.out, "Required monitoring (risk matrix)"));
      g_assert_nonnull (strstr (r.out, "Projection by year"));
      g_assert_nonnull (strstr (r.out, "Scheme 1: "));
      g_assert_nonnull (strstr (r.out, "Sector: "));
      g_assert_nonnull (strstr (r.out, "Partner: "));
      g_assert_nonnull (strstr (r.out, "Uncertainty (100 draws, seed 20260522)"));
      g_assert_nonnull (strstr (r.out, "One-at-a-time swings (tornado)"));
      /* thousands separators (LC_ALL=C.UTF-8 has none of its own: ",") */
      g_assert_true (g_regex_match_simple ("[0-9],[0-9]{3}", r.out, 0, 0));

      if (strstr (examples[i], "blocked") != NULL)
        {
          g_assert_nonnull (strstr (r.out, "BLOCK    who-ssl-health"));
          g_assert_nonnull (strstr (r.out, "BLOCK    recruitment-fees"));
        }
      else
        g_assert_null (strstr (r.out, "BLOCK "));
    }
}

static void
test_examples_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = example_path (examples[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto (Run) r = { 0 };
      JsonObject *root;
      JsonObject *uncertainty;

      run_cli (&r, path, "--json", "--draws", "50", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      root = parse_object (parser, r.out);
      g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                       MP_JSON_FORMAT_EVALUATION);
      g_assert_true (json_object_has_member (root, "headlines"));
      g_assert_true (json_object_has_member (root, "projection"));
      g_assert_true (json_object_has_member (root, "scores"));
      g_assert_true (json_object_has_member (root, "findings"));
      g_assert_true (json_object_has_member (root, "measures"));
      uncertainty = json_object_get_object_member (root, "uncertainty");
      g_assert_cmpint (json_object_get_int_member (uncertainty, "draws"), ==, 50);
      g_assert_cmpint (json_object_get_int_member (uncertainty, "seed"), ==, 20260522);
    }
}

static void
test_no_draws (void)
{
  g_autofree char *path = example_path (examples[0]);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto (Run) r = { 0 };
  g_auto (Run) t = { 0 };
  JsonObject *root;

  run_cli (&r, path, "--json", "--draws", "0", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_object (parser, r.out);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "uncertainty")));

  run_cli (&t, path, "--draws", "0", NULL);
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "Not computed (0 draws)."));
}

static void
test_seed_reproducible (void)
{
  g_autofree char *path = example_path (examples[2]);
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };

  run_cli (&a, path, "--json", "--draws", "300", "--seed", "7", NULL);
  run_cli (&b, path, "--json", "--draws", "300", "--seed", "7", NULL);
  run_cli (&c, path, "--json", "--draws", "300", "--seed", "8", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_cmpstr (a.out, !=, c.out);
  g_assert_nonnull (strstr (a.out, "\"seed\": 7,"));
}

static void
test_demo_bundle (void)
{
  g_autofree char *path = example_path ("demo.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_auto (Run) all = { 0 };
  g_auto (Run) one = { 0 };
  JsonObject *root;

  run_cli (&all, path, "--json", "--draws", "20", NULL);
  g_assert_cmpint (all.status, ==, 0);
  root = parse_object (parser, all.out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                   MP_JSON_FORMAT_EVALUATIONS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "evaluations")),
                    ==, 4);

  run_cli (&one, path, "--json", "--draws", "20", "--package",
           "Nurse recruitment from Nigeria without safeguards (blocked)", NULL);
  g_assert_cmpint (one.status, ==, 0);   /* a block is a finding, not an error */
  root = parse_object (parser2, one.out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, MP_JSON_FORMAT_EVALUATION);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "findings"),
                                               "blocks"), >=, 2);
}

static void
test_document (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_auto (Run) r = { 0 };
  g_auto (Run) j = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  dir = g_dir_make_tmp ("mp-cli-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.mplan", NULL);
  doc = mp_document_create_demo (path, &error);
  if (doc == NULL)
    {
      g_test_skip_printf ("no demo document in this build: %s", error->message);
      g_rmdir (dir);
      return;
    }
  mp_document_close (doc);

  run_cli (&r, path, "--draws", "20", "--package", "GECCO-like circular agriculture — Morocco", NULL);
  if (r.status != 0)
    g_error ("exit %d: %s", r.status, r.err);
  g_assert_nonnull (strstr (r.out, "Evaluation of “GECCO-like circular agriculture — Morocco”"));

  run_cli (&j, path, "--json", "--draws", "0", NULL);
  g_assert_cmpint (j.status, ==, 0);
  root = parse_object (parser, j.out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, MP_JSON_FORMAT_EVALUATIONS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "evaluations")),
                    ==, 4);

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* Writes @contents to a temporary file, runs the CLI on it and expects exit
 * status 2, nothing on stdout and the fragments on stderr. */
static void
expect_invalid (const char *contents,
                const char *fragment1,
                const char *fragment2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto (Run) r = { 0 };
  int fd;

  fd = g_file_open_tmp ("mp-cli-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  run_cli (&r, path, NULL);
  g_unlink (path);
  if (r.status != 2)
    g_error ("expected exit 2, got %d: %s", r.status, r.err);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "mobility-planner-cli: "));
  if (strstr (r.err, fragment1) == NULL || (fragment2 != NULL && strstr (r.err, fragment2) == NULL))
    g_error ("stderr lacks “%s” or “%s”: %s", fragment1, fragment2, r.err);
}

static void
test_invalid_input (void)
{
  expect_invalid ("{\"name\": \"X\", \"partners\": [\"MAR\"], \"schemes\": [{\"name\": \"S\","
                  " \"kind\": \"seasonal\", \"partner\": \"MAR\", \"sector\": \"ict\", \"quota\": 10,"
                  " \"first_year\": 2027, \"intake_years\": 1, \"months\": 13, \"stays\": 1}]}",
                  "schemes[0].months: 13 is out of range", "between 1 and 12");
  expect_invalid ("{\"name\": \"X\", \"partners\": [\"MAR\"],", "unexpected end of the file", "not closed");
  expect_invalid ("{\"name\": \"X\", \"partners\": [\"XYZ\"]}", "partners[0]: “XYZ”", NULL);
  expect_invalid ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                  "nesting deeper than 5 levels", NULL);
  expect_invalid ("{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": []}",
                  "holds no packages", NULL);
}

static void
test_invalid_arguments (void)
{
  g_autofree char *path = example_path (examples[0]);
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  g_auto (Run) d = { 0 };
  g_auto (Run) e = { 0 };
  g_auto (Run) f = { 0 };
  g_auto (Run) g = { 0 };

  run_cli (&a, path, "--draws", "many", NULL);
  g_assert_cmpint (a.status, ==, 2);
  g_assert_nonnull (strstr (a.err, "--draws: “many” is not a whole number"));

  run_cli (&b, path, "--draws", "1000001", NULL);
  g_assert_cmpint (b.status, ==, 2);

  run_cli (&c, path, "--seed", "-1", NULL);
  g_assert_cmpint (c.status, ==, 2);
  g_assert_nonnull (strstr (c.err, "--seed"));

  run_cli (&d, path, "--package", "No such package", NULL);
  g_assert_cmpint (d.status, ==, 2);
  g_assert_nonnull (strstr (d.err, "holds no package called “No such package”"));
  g_assert_nonnull (strstr (d.err, "GECCO-like"));

  run_cli (&e, NULL);
  g_assert_cmpint (e.status, ==, 2);
  g_assert_nonnull (strstr (e.err, "exactly one FILE"));

  run_cli (&f, "/nonexistent/package.json", NULL);
  g_assert_cmpint (f.status, ==, 2);
  g_assert_nonnull (strstr (f.err, "no such file"));

  run_cli (&g, path, "--no-such-option", NULL);
  g_assert_cmpint (g.status, ==, 2);
  g_assert_cmpstr (g.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/evaluate/examples-text", test_examples_text);
  g_test_add_func ("/cli/evaluate/examples-json", test_examples_json);
  g_test_add_func ("/cli/evaluate/no-draws", test_no_draws);
  g_test_add_func ("/cli/evaluate/seed-reproducible", test_seed_reproducible);
  g_test_add_func ("/cli/evaluate/demo-bundle", test_demo_bundle);
  g_test_add_func ("/cli/evaluate/document", test_document);
  g_test_add_func ("/cli/evaluate/invalid-input", test_invalid_input);
  g_test_add_func ("/cli/evaluate/invalid-arguments", test_invalid_arguments);

  return g_test_run ();
}
