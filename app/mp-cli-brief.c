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
#include "mp-i18n.h"
#include "mp-json.h"

/* export-brief and compare: the negotiation brief from a document (.mplan)
 * or from a JSON package or bundle file (data/JSON-FORMAT.md).
 *
 * Exit statuses (mp_cli_exit_code_for_error()): 0 written; 2 invalid use or
 * input (unknown package, bad option, a damaged file, a package that cannot
 * be evaluated); 1 other failures (the brief could not be written). */

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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

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
      mp_cli_fail (error);
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
  g_auto(Options) o = { 0 };
  g_auto(MpCliInput) in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  MpBriefOptions opts = { 0 };
  const char *path;

  path = parse (&argc, &argv, &o, _("DOC --package NAME -o FILE.xlsx"),
                _("Writes the negotiation brief of one package as an Excel workbook.\n"
                  "DOC is a Mobility Planner document (.mplan) or a JSON package or bundle file;\n"
                  "--package may be left out when the file holds one package."),
                FALSE);
  if (path == NULL)
    return MP_CLI_EXIT_INVALID;
  if (o.packages != NULL && g_strv_length (o.packages) > 1)
    {
      mp_cli_error (_("export-brief takes one --package; use compare for several"));
      return MP_CLI_EXIT_INVALID;
    }
  date = parse_date (o.date);
  if (date == NULL)
    {
      mp_cli_error (_("invalid date “%s”: use YYYY-MM-DD"), o.date);
      return MP_CLI_EXIT_INVALID;
    }

  if (!mp_cli_input_load (&in, path, (const char * const *) o.packages, &error))
    return mp_cli_fail (error);
  if (in.packages->len != 1)
    {
      mp_cli_error (_("“%s” holds %u packages: choose one with --package NAME"), path, in.packages->len);
      return MP_CLI_EXIT_INVALID;
    }
  /* The model's texts in the workbook (findings, assumption labels) follow the
   * brief's language, not the session's. */
  opts.language = o.lang != NULL ? o.lang : mp_brief_language_default ();
  mp_i18n_set_thread_language (opts.language);
  if (!mp_cli_input_evaluate (&in, o.draws, NULL, &error))
    return mp_cli_fail (error);

  opts.date = date;
  opts.author = o.author;
  if (!mp_brief_write (g_ptr_array_index (in.packages, 0), g_ptr_array_index (in.evaluations, 0),
                       in.reference, &opts, o.output, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}

int
mp_cli_compare (int    argc,
                char **argv)
{
  g_auto(Options) o = { 0 };
  g_auto(MpCliInput) in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  MpBriefOptions opts = { 0 };
  const char *path;

  path = parse (&argc, &argv, &o, _("DOC --package A --package B … -o FILE.xlsx"),
                _("Writes a comparison workbook of 2 to 8 packages: headline figures side by side,\n"
                  "the deal map and person-years per year.  DOC is a Mobility Planner document\n"
                  "(.mplan) or a JSON bundle; without --package all of its packages are compared."),
                TRUE);
  if (path == NULL)
    return MP_CLI_EXIT_INVALID;
  date = parse_date (o.date);
  if (date == NULL)
    {
      mp_cli_error (_("invalid date “%s”: use YYYY-MM-DD"), o.date);
      return MP_CLI_EXIT_INVALID;
    }

  if (!mp_cli_input_load (&in, path, (const char * const *) o.packages, &error))
    return mp_cli_fail (error);
  if (in.packages->len < MP_BRIEF_MIN_COMPARE || in.packages->len > MP_BRIEF_MAX_COMPARE)
    {
      mp_cli_error (_("a comparison takes %d to %d packages, not %u"),
                    MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE, in.packages->len);
      return MP_CLI_EXIT_INVALID;
    }
  opts.language = o.lang != NULL ? o.lang : mp_brief_language_default ();
  mp_i18n_set_thread_language (opts.language);
  if (!mp_cli_input_evaluate (&in, o.draws, NULL, &error))
    return mp_cli_fail (error);

  opts.date = date;
  opts.author = o.author;
  if (!mp_brief_write_comparison (in.packages, in.evaluations, in.reference, &opts, o.output, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}
