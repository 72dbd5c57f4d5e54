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

/* What export-brief and compare share: the options, the packages asked for
 * and their evaluations. */
typedef struct
{
  char           **packages;
  char            *output;
  char            *lang;
  char            *author;
  char            *date;
  int              draws;
  MpCliInput       input;
  MpBriefOptions   brief;
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->packages, g_strfreev);
  g_clear_pointer (&job->output, g_free);
  g_clear_pointer (&job->lang, g_free);
  g_clear_pointer (&job->author, g_free);
  g_clear_pointer (&job->date, g_free);
  mp_cli_input_clear (&job->input);
  g_clear_pointer (&job->brief.date, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

/* Parses the options and checks them; returns the input file or NULL (with
 * the message printed). */
static const char *
parse (int          *argc,
       char       ***argv,
       Job          *job,
       const char   *parameter,
       const char   *summary,
       gboolean      many)
{
  const GOptionEntry entries[] = {
    { "package", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &job->packages,
      many ? N_("A package to compare (give it 2 to 8 times)") : N_("The package to write the brief of"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &job->output, N_("The workbook to write (.xlsx)"), N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &job->lang, N_("Language of the brief: en or nl (default: from the locale)"), N_("LANG") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &job->author, N_("Author shown on the brief"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &job->date, N_("Date of the brief (default: today)"), N_("YYYY-MM-DD") },
    { "draws", 0, 0, G_OPTION_ARG_INT, &job->draws, N_("Monte Carlo draws (0: none; default: the package’s)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  job->draws = -1;
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
  if (job->output == NULL)
    {
      mp_cli_error (_("missing --output FILE.xlsx"));
      return NULL;
    }
  if (job->lang != NULL && !mp_brief_language_valid (job->lang))
    {
      mp_cli_error (_("unknown language “%s”: use en or nl"), job->lang);
      return NULL;
    }
  if (job->draws < -1 || job->draws > MP_JSON_MAX_DRAWS)
    {
      mp_cli_error (_("--draws must be between 0 and %d"), MP_JSON_MAX_DRAWS);
      return NULL;
    }
  if (!many && job->packages != NULL && g_strv_length (job->packages) > 1)
    {
      mp_cli_error (_("export-brief takes one --package; use compare for several"));
      return NULL;
    }
  job->brief.date = parse_date (job->date);
  if (job->brief.date == NULL)
    {
      mp_cli_error (_("invalid date “%s”: use YYYY-MM-DD"), job->date);
      return NULL;
    }
  return (*argv)[1];
}

/* Parses the options, loads the packages asked for (one, or 2 to 8 when
 * @many) and evaluates them.  Returns the exit status. */
static int
prepare (int          argc,
         char       **argv,
         Job         *job,
         const char  *parameter,
         const char  *summary,
         gboolean     many)
{
  g_autoptr(GError) error = NULL;
  const char *path;
  guint n;

  path = parse (&argc, &argv, job, parameter, summary, many);
  if (path == NULL)
    return MP_CLI_EXIT_INVALID;

  if (!mp_cli_input_load (&job->input, path, (const char * const *) job->packages, &error))
    return mp_cli_fail (error);
  n = job->input.packages->len;
  if (!many && n != 1)
    {
      mp_cli_error (_("“%s” holds %u packages: choose one with --package NAME"), path, n);
      return MP_CLI_EXIT_INVALID;
    }
  if (many && (n < MP_BRIEF_MIN_COMPARE || n > MP_BRIEF_MAX_COMPARE))
    {
      mp_cli_error (_("a comparison takes %d to %d packages, not %u"),
                    MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE, n);
      return MP_CLI_EXIT_INVALID;
    }

  /* The model's texts in the workbook (findings, assumption labels) follow the
   * brief's language, not the session's. */
  job->brief.language = job->lang != NULL ? job->lang : mp_brief_language_default ();
  job->brief.author = job->author;
  mp_i18n_set_thread_language (job->brief.language);
  if (!mp_cli_input_evaluate (&job->input, job->draws, NULL, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}

int
mp_cli_export_brief (int    argc,
                     char **argv)
{
  g_auto(Job) job = { 0 };
  g_autoptr(GError) error = NULL;
  MpCliInput *in = &job.input;
  int status;

  status = prepare (argc, argv, &job, _("DOC --package NAME -o FILE.xlsx"),
                    _("Writes the negotiation brief of one package as an Excel workbook.\n"
                      "DOC is a Mobility Planner document (.mplan) or a JSON package or bundle file;\n"
                      "--package may be left out when the file holds one package."),
                    FALSE);
  if (status != MP_CLI_EXIT_OK)
    return status;

  if (!mp_brief_write (g_ptr_array_index (in->packages, 0), g_ptr_array_index (in->evaluations, 0),
                       in->reference, &job.brief, job.output, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}

int
mp_cli_compare (int    argc,
                char **argv)
{
  g_auto(Job) job = { 0 };
  g_autoptr(GError) error = NULL;
  MpCliInput *in = &job.input;
  int status;

  status = prepare (argc, argv, &job, _("DOC --package A --package B … -o FILE.xlsx"),
                    _("Writes a comparison workbook of 2 to 8 packages: headline figures side by side,\n"
                      "the deal map and person-years per year.  DOC is a Mobility Planner document\n"
                      "(.mplan) or a JSON bundle; without --package all of its packages are compared."),
                    TRUE);
  if (status != MP_CLI_EXIT_OK)
    return status;

  if (!mp_brief_write_comparison (in->packages, in->evaluations, in->reference, &job.brief,
                                  job.output, &error))
    return mp_cli_fail (error);

  return MP_CLI_EXIT_OK;
}
