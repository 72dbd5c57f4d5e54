/* mp-cli-brief.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mp-brief.h"
#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-json.h"
#include "mp-reference.h"

/* export-brief and compare: the negotiation brief from a document (.mplan)
 * or from a JSON package or bundle file (mp-json format).
 *
 * Exit statuses: 0 written; 1 the brief could not be written or the input
 * could not be read; 2 invalid use or input (unknown package, bad option,
 * a package that cannot be evaluated). */

typedef struct
{
  MpReference *reference;
  GPtrArray   *packages;     /* MpPackage*, the ones asked for, in order */
} Input;

static void
input_clear (Input *in)
{
  g_clear_pointer (&in->reference, mp_reference_free);
  g_clear_pointer (&in->packages, g_ptr_array_unref);
}

static gboolean
is_sqlite_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[16] = { 0 };
  FILE *f;
  gboolean yes;

  /* Not a FIFO or a device: opening one would block or never end. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  yes = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, magic, sizeof magic) == 0;
  fclose (f);
  return yes;
}

static char *
names_list (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

/* Loads the packages called @names (all of them when @names is empty) from
 * @path.  Returns an exit status. */
static int
load_input (const char  *path,
            char       **names,
            Input       *in)
{
  g_autoptr(GError) error = NULL;
  guint n_names = names != NULL ? g_strv_length (names) : 0;

  in->packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      mp_cli_error (_("“%s”: no such file"), path);
      return MP_CLI_EXIT_FAILURE;
    }

  if (is_sqlite_file (path))
    {
      g_autoptr(MpDocument) doc = mp_document_open (path, MP_DOCUMENT_OPEN_READ_ONLY, &error);
      g_autoptr(GPtrArray) infos = NULL;

      if (doc == NULL)
        {
          mp_cli_error ("%s", error->message);
          return MP_CLI_EXIT_FAILURE;
        }
      in->reference = mp_reference_copy (mp_document_get_reference (doc));
      infos = mp_document_list_packages (doc, &error);
      if (infos == NULL)
        {
          mp_cli_error ("%s", error->message);
          return MP_CLI_EXIT_FAILURE;
        }

      for (guint i = 0; i < (n_names > 0 ? n_names : infos->len); i++)
        {
          gint64 id;
          MpPackage *pkg;

          if (n_names > 0)
            {
              id = mp_document_find_package (doc, names[i]);
              if (id == 0)
                {
                  g_autoptr(GPtrArray) known = g_ptr_array_new ();
                  g_autofree char *list = NULL;

                  for (guint k = 0; k < infos->len; k++)
                    g_ptr_array_add (known, ((MpPackageInfo *) g_ptr_array_index (infos, k))->name);
                  list = names_list (known);
                  mp_cli_error (_("no package “%s” in “%s”; the packages are: %s"),
                                names[i], path, known->len > 0 ? list : _("(none)"));
                  return MP_CLI_EXIT_INVALID;
                }
            }
          else
            id = ((MpPackageInfo *) g_ptr_array_index (infos, i))->id;

          pkg = mp_document_get_package (doc, id, &error);
          if (pkg == NULL)
            {
              mp_cli_error ("%s", error->message);
              return MP_CLI_EXIT_INVALID;
            }
          g_ptr_array_add (in->packages, pkg);
        }
      return MP_CLI_EXIT_OK;
    }

  /* A JSON package or bundle file. */
  {
    g_autoptr(MpReference) base = mp_reference_load_default (&error);
    g_autoptr(MpReference) embedded = NULL;
    g_autoptr(GPtrArray) all = NULL;

    if (base == NULL)
      {
        mp_cli_error ("%s", error->message);
        return MP_CLI_EXIT_FAILURE;
      }
    all = mp_json_read_packages_file (path, base, &embedded, &error);
    if (all == NULL)
      {
        mp_cli_error ("%s", error->message);
        return g_error_matches (error, MP_JSON_ERROR, MP_JSON_ERROR_IO) ? MP_CLI_EXIT_FAILURE : MP_CLI_EXIT_INVALID;
      }
    in->reference = mp_json_merge_reference (base, embedded);

    if (n_names == 0)
      {
        for (guint i = 0; i < all->len; i++)
          g_ptr_array_add (in->packages, mp_package_copy (g_ptr_array_index (all, i)));
        return MP_CLI_EXIT_OK;
      }

    for (guint i = 0; i < n_names; i++)
      {
        const MpPackage *found = NULL;

        for (guint k = 0; k < all->len && found == NULL; k++)
          {
            const MpPackage *p = g_ptr_array_index (all, k);
            if (p->name != NULL && g_str_equal (p->name, names[i]))
              found = p;
          }
        if (found == NULL)
          {
            g_autoptr(GPtrArray) known = g_ptr_array_new ();
            g_autofree char *list = NULL;

            for (guint k = 0; k < all->len; k++)
              g_ptr_array_add (known, ((MpPackage *) g_ptr_array_index (all, k))->name);
            list = names_list (known);
            mp_cli_error (_("no package “%s” in “%s”; the packages are: %s"),
                          names[i], path, known->len > 0 ? list : _("(none)"));
            return MP_CLI_EXIT_INVALID;
          }
        g_ptr_array_add (in->packages, mp_package_copy (found));
      }
  }
  return MP_CLI_EXIT_OK;
}

/* An export failed: a package that cannot be evaluated is invalid input,
 * a brief that cannot be written a failure. */
static int
export_failed (const GError *error)
{
  mp_cli_error ("%s", error->message);
  return g_error_matches (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID) ? MP_CLI_EXIT_INVALID : MP_CLI_EXIT_FAILURE;
}

static GDateTime *
parse_date (const char *text)
{
  int y, m, d;
  char end;

  if (text == NULL)
    return g_date_time_new_now_local ();
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

typedef struct
{
  char  **packages;
  char   *output;
  char   *lang;
  char   *author;
  char   *date;
  int     draws;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->packages, g_strfreev);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->lang, g_free);
  g_clear_pointer (&o->author, g_free);
  g_clear_pointer (&o->date, g_free);
}

/* Parses the common options; returns the document path or NULL (with the
 * message printed). */
static const char *
parse (int          *argc,
       char       ***argv,
       Options      *o,
       const char   *parameter,
       const char   *summary,
       gboolean      many)
{
  const GOptionEntry entries[] = {
    { "package", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &o->packages,
      many ? N_("A package to compare (give it 2 to 8 times)") : N_("The package to write the brief of"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, N_("The workbook to write (.xlsx)"), N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &o->lang, N_("Language of the brief: en or nl (default: from the locale)"), N_("LANG") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &o->author, N_("Author shown on the brief"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o->date, N_("Date of the brief (default: today)"), N_("YYYY-MM-DD") },
    { "draws", 0, 0, G_OPTION_ARG_INT, &o->draws, N_("Monte Carlo draws (0: none; default: the package’s)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  o->draws = -1;
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mp_cli_error ("%s", error->message);
      return NULL;
    }
  if (*argc != 2)
    {
      mp_cli_error (_("give exactly one document (.mplan) or JSON package file; see --help"));
      return NULL;
    }
  if (o->output == NULL)
    {
      mp_cli_error (_("missing --output FILE.xlsx"));
      return NULL;
    }
  if (o->lang != NULL && !mp_brief_language_valid (o->lang))
    {
      mp_cli_error (_("unknown language “%s”: use en or nl"), o->lang);
      return NULL;
    }
  if (o->draws < -1 || o->draws > MP_JSON_MAX_DRAWS)
    {
      mp_cli_error (_("--draws must be between 0 and %d"), MP_JSON_MAX_DRAWS);
      return NULL;
    }
  return (*argv)[1];
}

int
mp_cli_export_brief (int    argc,
                     char **argv)
{
  Options o = { 0 };
  Input in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  MpBriefOptions opts = { 0 };
  const char *path;
  int status = MP_CLI_EXIT_OK;

  path = parse (&argc, &argv, &o, _("DOC --package NAME -o FILE.xlsx"),
                _("Writes the negotiation brief of one package as an Excel workbook.\n"
                  "DOC is a Mobility Planner document (.mplan) or a JSON package or bundle file;\n"
                  "--package may be left out when the file holds one package."),
                FALSE);
  if (path == NULL)
    {
      options_clear (&o);
      return MP_CLI_EXIT_INVALID;
    }
  if (o.packages != NULL && g_strv_length (o.packages) > 1)
    {
      mp_cli_error (_("export-brief takes one --package; use compare for several"));
      options_clear (&o);
      return MP_CLI_EXIT_INVALID;
    }
  date = parse_date (o.date);
  if (date == NULL)
    {
      mp_cli_error (_("invalid date “%s”: use YYYY-MM-DD"), o.date);
      options_clear (&o);
      return MP_CLI_EXIT_INVALID;
    }

  status = load_input (path, o.packages, &in);
  if (status == MP_CLI_EXIT_OK && in.packages->len != 1)
    {
      mp_cli_error (_("“%s” holds %u packages: choose one with --package NAME"), path, in.packages->len);
      status = MP_CLI_EXIT_INVALID;
    }
  opts.language = o.lang != NULL ? o.lang : mp_brief_language_default ();
  opts.date = date;
  opts.author = o.author;
  if (status == MP_CLI_EXIT_OK &&
      !mp_brief_export_package (g_ptr_array_index (in.packages, 0), in.reference, &opts, o.draws,
                                o.output, NULL, NULL, NULL, &error))
    status = export_failed (error);

  input_clear (&in);
  options_clear (&o);
  return status;
}

int
mp_cli_compare (int    argc,
                char **argv)
{
  Options o = { 0 };
  Input in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  MpBriefOptions opts = { 0 };
  const char *path;
  int status = MP_CLI_EXIT_OK;

  path = parse (&argc, &argv, &o, _("DOC --package A --package B … -o FILE.xlsx"),
                _("Writes a comparison workbook of 2 to 8 packages: headline figures side by side,\n"
                  "the deal map and person-years per year.  DOC is a Mobility Planner document\n"
                  "(.mplan) or a JSON bundle; without --package all of its packages are compared."),
                TRUE);
  if (path == NULL)
    {
      options_clear (&o);
      return MP_CLI_EXIT_INVALID;
    }
  date = parse_date (o.date);
  if (date == NULL)
    {
      mp_cli_error (_("invalid date “%s”: use YYYY-MM-DD"), o.date);
      options_clear (&o);
      return MP_CLI_EXIT_INVALID;
    }

  status = load_input (path, o.packages, &in);
  if (status == MP_CLI_EXIT_OK &&
      (in.packages->len < MP_BRIEF_MIN_COMPARE || in.packages->len > MP_BRIEF_MAX_COMPARE))
    {
      mp_cli_error (_("a comparison takes %d to %d packages, not %u"),
                    MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE, in.packages->len);
      status = MP_CLI_EXIT_INVALID;
    }
  opts.language = o.lang != NULL ? o.lang : mp_brief_language_default ();
  opts.date = date;
  opts.author = o.author;
  if (status == MP_CLI_EXIT_OK &&
      !mp_brief_export_comparison (in.packages, in.reference, &opts, o.draws, o.output,
                                   NULL, NULL, NULL, &error))
    status = export_failed (error);

  input_clear (&in);
  options_clear (&o);
  return status;
}
