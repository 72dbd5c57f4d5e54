/* mp-cli-edit.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-field-message.h"
#include "mp-field-rules.h"
#include "mp-validate.h"

/* The edit command: sets fields of a package, or of one of its schemes, in a
 * document, each value checked against the field table (mp-field-rules.h)
 * and the package as a whole by the validator, as one undoable step. */

static int
fail_with (const GError *error)
{
  mp_cli_error ("%s", error->message);

  /* A value out of range, an invalid package or a damaged document is
   * invalid input; I/O, busy and read-only documents are failures. */
  if (error->domain == MP_FIELD_ERROR)
    return MP_CLI_EXIT_INVALID;
  if (error->domain == MP_DOCUMENT_ERROR &&
      error->code != MP_DOCUMENT_ERROR_FAILED &&
      error->code != MP_DOCUMENT_ERROR_READ_ONLY &&
      error->code != MP_DOCUMENT_ERROR_NOTHING_TO_UNDO)
    return MP_CLI_EXIT_INVALID;
  return MP_CLI_EXIT_FAILURE;
}

/* The fields "edit" can set on @entity: the members of the table that hold
 * one value. */
static gboolean
is_editable (const MpFieldRule *rule,
             MpFieldEntity      entity)
{
  return rule->entity == entity && rule->storage != MP_FIELD_STORAGE_NONE && rule->count == 1;
}

static char *
editable_keys (MpFieldEntity entity)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);

      if (is_editable (rule, entity))
        g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", rule->key);
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static gboolean
parse_number (const char  *text,
              double      *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  return text[0] != '\0' && end != NULL && *end == '\0';
}

/* Sets field @id of @object from the text @value, checked against its rule;
 * @path names the field in messages. */
static gboolean
set_field (MpFieldId     id,
           gpointer      object,
           const char   *value,
           const char   *path,
           GError      **error)
{
  const MpFieldRule *rule = mp_field_rule_for (id, object);
  g_autofree char *quoted = g_strdup_printf ("“%s”", value);
  guint64 exact;
  double v;
  int choice;

  switch (rule->type)
    {
    case MP_FIELD_TYPE_INTEGER:
    case MP_FIELD_TYPE_REAL:
      /* A seed above 2^53 is taken as written, not as its nearest double. */
      if (rule->storage == MP_FIELD_STORAGE_UINT64 &&
          g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &exact, NULL))
        {
          G_STRUCT_MEMBER (guint64, object, rule->offset) = exact;
          return TRUE;
        }
      if (!parse_number (value, &v))
        return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                              _("expected %s, found %s"), _("a number"), quoted);
      if (!mp_field_check (rule->id, v, path, error))
        return FALSE;
      mp_field_set (id, object, 0, v);
      return TRUE;

    case MP_FIELD_TYPE_BOOLEAN:
      if (!g_str_equal (value, "true") && !g_str_equal (value, "false"))
        return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                              _("expected %s, found %s"), _("true or false"), quoted);
      mp_field_set (id, object, 0, g_str_equal (value, "true"));
      return TRUE;

    case MP_FIELD_TYPE_CHOICE:
      if (!rule->choices->from_string (value, &choice))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int i = 0; i < rule->choices->n; i++)
            g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", rule->choices->to_string (i));
          return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                                _("%s is not a known %s; expected one of: %s"), quoted,
                                _(rule->name), ids->str);
        }
      mp_field_set (id, object, 0, choice);
      return TRUE;

    case MP_FIELD_TYPE_TEXT:
    case MP_FIELD_TYPE_PARTNER:
    case MP_FIELD_TYPE_SECTOR:
      if (!mp_field_check_text (id, value, path, error))
        return FALSE;
      /* An empty optional text is no text. */
      mp_field_set_text (id, object,
                         value[0] == '\0' && !(rule->flags & MP_FIELD_REQUIRED) ? NULL : value);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Applies the FIELD=VALUE @assignments to @object, an @entity at @prefix
 * ("" for the package, "schemes[i]" for a scheme). */
static gboolean
apply (char          **assignments,
       MpFieldEntity   entity,
       gpointer        object,
       const char     *prefix,
       const char     *what,
       GError        **error)
{
  for (guint i = 0; assignments[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (assignments[i], "=", 2);
      g_autoptr(GString) path = g_string_new (prefix);
      MpFieldId id;

      if (parts[0] == NULL || parts[1] == NULL)
        return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, assignments[i],
                              _("expected FIELD=VALUE"));

      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, parts[0]);
      if (!mp_field_lookup (entity, parts[0], &id) || !is_editable (mp_field_rule (id), entity))
        {
          g_autofree char *keys = editable_keys (entity);

          return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path->str,
                                _("unknown field; %s has only the fields %s"), what, keys);
        }
      if (!set_field (id, object, parts[1], path->str, error))
        return FALSE;
    }

  return TRUE;
}

int
mp_cli_edit (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("DOC FIELD=VALUE… — set fields of a package or of one of its schemes"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(MpPackage) package = NULL;
  g_autofree char *package_name = NULL;
  g_autofree char *scheme_name = NULL;
  g_autofree char *prefix = NULL;
  MpFieldEntity entity = MP_FIELD_ENTITY_PACKAGE;
  gpointer object;
  const char *what = _("a package");
  gint64 id;
  GOptionEntry entries[] = {
    { "package", 'p', 0, G_OPTION_ARG_STRING, &package_name,
      N_("Edit the package called NAME (required)"), N_("NAME") },
    { "scheme", 's', 0, G_OPTION_ARG_STRING, &scheme_name,
      N_("Edit the scheme called NAME of that package"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Sets fields of a package (start_year=2028) or, with --scheme, of "
                                  "one of its schemes (quota=500 months=9), as one undoable step. "
                                  "FIELD is the field's name in the JSON format; each value must "
                                  "lie within the field's range, and the package must stay valid."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      mp_cli_error ("%s", error->message);
      return MP_CLI_EXIT_INVALID;
    }
  if (argc < 3 || package_name == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      mp_cli_error ("%s", package_name == NULL ? _("--package is required")
                                               : _("missing argument"));
      g_printerr ("%s", help);
      return MP_CLI_EXIT_INVALID;
    }

  if (!(doc = mp_document_open (argv[1], MP_DOCUMENT_OPEN_NONE, &error)))
    return fail_with (error);
  if (mp_document_is_read_only (doc))
    {
      mp_cli_error ("%s", mp_document_get_read_only_reason (doc));
      return MP_CLI_EXIT_FAILURE;
    }

  id = mp_document_find_package (doc, package_name);
  if (id == 0)
    {
      mp_cli_error (_("the document has no package called “%s”; see “mobility-planner-cli "
                      "list %s”"), package_name, argv[1]);
      return MP_CLI_EXIT_INVALID;
    }
  if (!(package = mp_document_get_package (doc, id, &error)))
    return fail_with (error);

  object = package;
  prefix = g_strdup ("");
  if (scheme_name != NULL)
    {
      object = NULL;
      for (guint i = 0; i < package->schemes->len && object == NULL; i++)
        {
          MpScheme *s = g_ptr_array_index (package->schemes, i);

          if (g_strcmp0 (s->name, scheme_name) == 0)
            {
              object = s;
              g_free (prefix);
              prefix = g_strdup_printf ("schemes[%u]", i);
            }
        }
      if (object == NULL)
        {
          mp_cli_error (_("the package “%s” has no scheme called “%s”"), package_name, scheme_name);
          return MP_CLI_EXIT_INVALID;
        }
      entity = MP_FIELD_ENTITY_SCHEME;
      what = _("a scheme");
    }

  if (!apply (argv + 2, entity, object, prefix, what, &error) ||
      !mp_package_validate (package, mp_document_get_reference (doc), NULL, &error) ||
      !mp_document_update_package (doc, id, package, NULL, &error))
    return fail_with (error);

  g_print (_("Updated the package “%s” in %s.\n"), package->name, argv[1]);
  return MP_CLI_EXIT_OK;
}
