/* mp-cli-document.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-json.h"
#include "mp-reference.h"

/* The document commands: new, import, export-json, list. */

/* Parses options and checks the number of positional arguments (after the
 * command name); prints the problem and returns FALSE on invalid use. */
static gboolean
parse_args (GOptionContext   *context,
            int              *argc,
            char           ***argv,
            int               n_positional)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mp_cli_fail (error);
      return FALSE;
    }
  if (*argc != n_positional + 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      mp_cli_error ("%s", *argc < n_positional + 1 ? _("missing argument")
                                                   : _("too many arguments"));
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

int
mp_cli_new (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOC — create a new document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean demo = FALSE;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Fill the document with the demo packages"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Creates a Mobility Planner document (*.mplan) holding a copy of "
                                  "the shipped reference data; with --demo also the demo packages."));
  if (!parse_args (context, &argc, &argv, 1))
    return MP_CLI_EXIT_INVALID;

  if (demo)
    doc = mp_document_create_demo (argv[1], &error);
  else
    {
      g_autoptr(MpReference) reference = mp_reference_load_default (&error);

      if (reference != NULL)
        doc = mp_document_create (argv[1], reference, &error);
    }
  if (doc == NULL)
    return mp_cli_fail (error);

  list = mp_document_list_packages (doc, &error);
  if (list == NULL)
    return mp_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Created %s with %u package.\n",
                        "Created %s with %u packages.\n", list->len),
           argv[1], list->len);
  return MP_CLI_EXIT_OK;
}

int
mp_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOC FILE.json — import packages"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize len = 0;
  guint added;

  g_option_context_set_summary (context,
                                _("Imports every package of a JSON file (the mobility-planner-package "
                                  "format) into a document, all or nothing, as one undoable step."));
  if (!parse_args (context, &argc, &argv, 2))
    return MP_CLI_EXIT_INVALID;

  /* Check the size before reading: /dev/zero or a huge file must not be read
   * into memory first. */
  if (g_stat (argv[2], &st) == 0 && !S_ISREG (st.st_mode))
    {
      mp_cli_error (_("%s is not a regular file"), argv[2]);
      return MP_CLI_EXIT_INVALID;
    }
  if (g_stat (argv[2], &st) == 0 && st.st_size > MP_JSON_MAX_FILE_SIZE)
    {
      mp_cli_error (_("%s is larger than %u MB"), argv[2],
                    (guint) (MP_JSON_MAX_FILE_SIZE / (1024 * 1024)));
      return MP_CLI_EXIT_INVALID;
    }
  if (!g_file_get_contents (argv[2], &data, &len, &error))
    return mp_cli_fail (error);
  if (len > MP_JSON_MAX_FILE_SIZE)
    {
      mp_cli_error (_("%s is larger than %u MB"), argv[2],
                    (guint) (MP_JSON_MAX_FILE_SIZE / (1024 * 1024)));
      return MP_CLI_EXIT_INVALID;
    }

  if (!(doc = mp_cli_open_document (argv[1], TRUE, &error)))
    return mp_cli_fail (error);
  if (!(before = mp_document_list_packages (doc, &error)) ||
      !mp_document_import_json (doc, data, (gssize) len, &error) ||
      !(after = mp_document_list_packages (doc, &error)))
    return mp_cli_fail (error);

  added = after->len - before->len;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u package into %s.\n",
                        "Imported %u packages into %s.\n", added),
           added, argv[1]);
  return MP_CLI_EXIT_OK;
}

int
mp_cli_export_json (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOC — export packages as JSON"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) names = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  gboolean embed = FALSE;
  GOptionEntry entries[] = {
    { "package", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("Export only the package called NAME (repeatable)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "embed-reference", 0, 0, G_OPTION_ARG_NONE, &embed,
      N_("Embed the document’s reference data (partners and sectors)"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the packages of a document (all, or those named) in the "
                                  "JSON exchange format."));
  if (!parse_args (context, &argc, &argv, 1))
    return MP_CLI_EXIT_INVALID;

  if (!(doc = mp_cli_open_document (argv[1], FALSE, &error)))
    return mp_cli_fail (error);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = mp_document_find_package (doc, names[i]);

      if (id == 0)
        {
          mp_cli_error (_("the document has no package called “%s”; see “mobility-planner-cli "
                          "list %s”"), names[i], argv[1]);
          return MP_CLI_EXIT_INVALID;
        }
      g_array_append_val (ids, id);
    }

  json = mp_document_export_json (doc, names != NULL ? (const gint64 *) (gpointer) ids->data : NULL,
                                  ids->len, embed, &error);
  if (json == NULL)
    return mp_cli_fail (error);

  if (output != NULL && !g_str_equal (output, "-"))
    {
      if (!g_file_set_contents (output, json, -1, &error))
        return mp_cli_fail (error);
    }
  else
    {
      fputs (json, stdout);
      if (json[0] != '\0' && json[strlen (json) - 1] != '\n')
        fputc ('\n', stdout);
    }
  return MP_CLI_EXIT_OK;
}

int
mp_cli_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DOC — list the packages of a document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const MpReference *reference;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_args (context, &argc, &argv, 1))
    return MP_CLI_EXIT_INVALID;

  if (!(doc = mp_cli_open_document (argv[1], FALSE, &error)))
    return mp_cli_fail (error);
  if (!(list = mp_document_list_packages (doc, &error)))
    return mp_cli_fail (error);
  reference = mp_document_get_reference (doc);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "document");
      json_builder_add_string_value (b, argv[1]);
      json_builder_set_member_name (b, "format_version");
      json_builder_add_int_value (b, mp_document_get_file_version (doc));
      json_builder_set_member_name (b, "reference_vintage");
      if (reference->vintage != NULL)
        json_builder_add_string_value (b, reference->vintage);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "packages");
      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          const MpPackageInfo *info = g_ptr_array_index (list, i);
          g_auto(GStrv) partners = g_strsplit (info->partners, ",", -1);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, info->id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, info->name);
          json_builder_set_member_name (b, "partners");
          json_builder_begin_array (b);
          for (guint k = 0; partners[k] != NULL; k++)
            if (partners[k][0] != '\0')
              json_builder_add_string_value (b, partners[k]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "schemes");
          json_builder_add_int_value (b, info->n_schemes);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);

      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      g_print ("%s\n", text);
      return MP_CLI_EXIT_OK;
    }

  g_print (_("Document: %s (format %d, reference data %s)\n"), argv[1],
           mp_document_get_file_version (doc),
           reference->vintage != NULL ? reference->vintage : _("undated"));
  if (list->len == 0)
    {
      g_print ("%s\n", _("No packages."));
      return MP_CLI_EXIT_OK;
    }
  /* Translators: column headings of "list"; keep the widths */
  g_print ("%6s  %-12s  %7s  %s\n", _("id"), _("partners"), _("schemes"), _("name"));
  for (guint i = 0; i < list->len; i++)
    {
      const MpPackageInfo *info = g_ptr_array_index (list, i);

      g_print ("%6" G_GINT64_FORMAT "  %-12s  %7u  %s\n", info->id, info->partners,
               info->n_schemes, info->name);
    }
  return MP_CLI_EXIT_OK;
}
