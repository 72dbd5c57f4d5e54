/* mp-cli.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mp-cli-commands.h"

static const MpCliCommand commands[] = {
  /* Each entry is added together with the mp-cli-<area>.c that implements it. */
  { "partners", N_("List the partner countries with their index, rank and risk class"), mp_cli_partners },
  { "import-indicators", N_("Update the indicator values of a document from a CSV file"), mp_cli_import_indicators },
  { "export-indicators", N_("Write the indicator values of a document as CSV"), mp_cli_export_indicators },
  { "evaluate", N_("Evaluate the packages of a JSON file or document: projection, scores, findings, monitoring, uncertainty"), mp_cli_evaluate },
  { "export-brief", N_("Write the negotiation brief of a package as an Excel workbook"), mp_cli_export_brief },
  { "compare", N_("Write a comparison workbook of 2 to 8 packages"), mp_cli_compare },
  { "new", N_("Create a new document (*.mplan), optionally with the demo packages"), mp_cli_new },
  { "import", N_("Import the packages of a JSON file into a document"), mp_cli_import },
  { "export-json", N_("Export packages of a document as JSON"), mp_cli_export_json },
  { "list", N_("List the packages of a document"), mp_cli_list },
  { "edit", N_("Set fields of a package or of one of its schemes in a document"), mp_cli_edit },
  { NULL, NULL, NULL }
};

/* Package names, notes and sources come from other people's files: their
 * control characters (terminal escapes such as ESC [2J, or U+009B) are shown
 * as \uXXXX, never passed to the terminal.  Tabs and newlines stay.  The
 * JSON and CSV outputs do not go through here (they escape or quote). */
static void
print_safely (FILE       *stream,
              const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = g_string_sized_new (strlen (valid));
  const char *charset;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  if (!g_get_console_charset (&charset))
    {
      g_autofree char *converted = g_convert_with_fallback (out->str, (gssize) out->len, charset,
                                                            "UTF-8", "?", NULL, NULL, NULL);
      if (converted != NULL)
        {
          fputs (converted, stream);
          fflush (stream);
          return;
        }
    }
  fputs (out->str, stream);
  fflush (stream);
}

static void
print_stdout (const char *text)
{
  print_safely (stdout, text);
}

static void
print_stderr (const char *text)
{
  print_safely (stderr, text);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: mobility-planner-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (gsize i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-20s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “mobility-planner-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("Options: --help, --version"));
}

/* Output that did not reach its file (a full disk, a closed pipe) is a
 * failure of every command, not a success. */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      mp_cli_error (_("cannot write the output"));
      return status == MP_CLI_EXIT_OK ? MP_CLI_EXIT_FAILURE : status;
    }
  return status;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* MP_LOCALEDIR lets an uninstalled build (build-aux/run) use the catalogues
   * compiled into build/po. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("MP_LOCALEDIR") != NULL ? g_getenv ("MP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);

  if (argc < 2)
    {
      print_usage (stderr);
      return MP_CLI_EXIT_INVALID;
    }

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-v"))
    {
      g_print ("mobility-planner-cli %s\n", PACKAGE_VERSION);
      return MP_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return MP_CLI_EXIT_OK;
    }

  for (gsize i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return finish (commands[i].run (argc - 1, argv + 1));
    }

  mp_cli_error (_("unknown command “%s”; see --help"), argv[1]);
  return MP_CLI_EXIT_INVALID;
}
