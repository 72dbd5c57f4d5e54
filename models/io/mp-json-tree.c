/* mp-json-tree.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <math.h>
#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"
#include "mp-json-private.h"

/* Pass 2 of the reader (mp-json-private.h): reading typed members out of
 * json-glib's tree, each error naming the member's path. */

gboolean
_mp_json_fail (GError      **error,
               MpJsonError   code,
               const char   *path,
               const char   *format,
               ...)
{
  va_list args;

  va_start (args, format);
  mp_field_fail_valist (error, MP_JSON_ERROR, code, path, format, args);
  va_end (args);

  return FALSE;
}

/* Moves @field_error (an MP_FIELD_ERROR from the field rules or the
 * validator) into @error as the MP_JSON_ERROR of the same kind; returns
 * FALSE. */
gboolean
_mp_json_take_field_error (GError **error,
                           GError  *field_error)
{
  MpJsonError code = MP_JSON_ERROR_INVALID;

  switch ((MpFieldError) field_error->code)
    {
    case MP_FIELD_ERROR_TOO_LARGE:
      code = MP_JSON_ERROR_TOO_LARGE;
      break;
    case MP_FIELD_ERROR_UNKNOWN_REFERENCE:
      code = MP_JSON_ERROR_UNKNOWN_REFERENCE;
      break;
    case MP_FIELD_ERROR_INVALID:
    default:
      break;
    }
  g_set_error_literal (error, MP_JSON_ERROR, code, field_error->message);
  g_error_free (field_error);

  return FALSE;
}

static char *
describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("an object"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("an array"));

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        g_autofree char *q = mp_field_quote_text (json_node_get_string (node));
        /* TRANSLATORS: %s is a quoted string value */
        return g_strdup_printf (_("the string %s"), q);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      {
        g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        /* TRANSLATORS: %s is a number */
        return g_strdup_printf (_("the number %s"), n);
      }
    case G_TYPE_DOUBLE:
      {
        g_autofree char *n = mp_field_format_number (json_node_get_double (node));
        return g_strdup_printf (_("the number %s"), n);
      }
    default:
      return g_strdup (_("a value"));
    }
}

gboolean
_mp_json_type_error (MpJsonCtx  *c,
                     JsonNode   *node,
                     const char *expected)
{
  g_autofree char *found = describe_node (node);

  return _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                        /* TRANSLATORS: "expected a number, found the string “many”" */
                        _("expected %s, found %s"), expected, found);
}

gboolean
_mp_json_node_is_number (JsonNode *node)
{
  GType t;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

double
_mp_json_node_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

/* Refuses members that are not in @allowed; @what names the entity. */
gboolean
_mp_json_check_fields (MpJsonCtx          *c,
                       JsonObject         *obj,
                       const char * const *allowed,
                       const char         *what)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *allowed_list = g_strjoinv (", ", (char **) allowed);
          gsize mark = mp_field_path_push_key (c->path, key);

          _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                         /* TRANSLATORS: "unknown field; a scheme has the fields name, kind, …" */
                         _("unknown field; %s has only the fields %s"), what, allowed_list);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
    }

  return TRUE;
}

/* Refuses members that are not fields of @entity in the field table. */
gboolean
_mp_json_check_members (MpJsonCtx     *c,
                        JsonObject    *obj,
                        MpFieldEntity  entity,
                        const char    *what)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      MpFieldId id;

      if (!mp_field_lookup (entity, l->data, &id))
        {
          g_autoptr(GPtrArray) keys = g_ptr_array_new ();

          for (int i = 0; i < MP_N_FIELDS; i++)
            {
              const MpFieldRule *rule = mp_field_rule (i);

              if (rule->entity == entity && rule->storage != MP_FIELD_STORAGE_NONE)
                g_ptr_array_add (keys, (gpointer) rule->key);
            }
          g_ptr_array_add (keys, NULL);

          return _mp_json_check_fields (c, obj, (const char * const *) keys->pdata, what);
        }
    }

  return TRUE;
}

/* Looks up @key; *node is NULL when absent.  Returns FALSE (with the error
 * set) when a required member is missing. */
gboolean
_mp_json_member (MpJsonCtx   *c,
                 JsonObject  *obj,
                 const char  *key,
                 gboolean     required,
                 JsonNode   **node)
{
  *node = json_object_has_member (obj, key) ? json_object_get_member (obj, key) : NULL;

  if (*node == NULL && required)
    {
      gsize mark = mp_field_path_push_key (c->path, key);

      _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str, _("required field is missing"));
      mp_field_path_pop (c->path, mark);
      return FALSE;
    }

  return TRUE;
}

/* A string member.  @nullable: JSON null (and absence) give NULL. */
gboolean
_mp_json_read_string (MpJsonCtx   *c,
                      JsonObject  *obj,
                      const char  *key,
                      gboolean     required,
                      gboolean     nullable,
                      MpFieldId    length,
                      char       **out)
{
  JsonNode *node;
  gsize mark;
  gboolean ok = TRUE;

  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (out, g_free);
    }
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ok = _mp_json_type_error (c, node, nullable ? _("a string or null") : _("a string"));
    }
  else
    {
      const char *s = json_node_get_string (node);

      GError *local = NULL;

      ok = mp_field_check_text (length, s, c->path->str, &local) ||
           _mp_json_take_field_error (c->error, local);
      if (ok)
        {
          g_free (*out);
          *out = g_strdup (s);
        }
    }
  mp_field_path_pop (c->path, mark);

  return ok;
}

gboolean
_mp_json_read_bool (MpJsonCtx  *c,
                    JsonObject *obj,
                    const char *key,
                    gboolean    required,
                    gboolean   *out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    ok = _mp_json_type_error (c, node, _("true or false"));
  else
    *out = json_node_get_boolean (node);
  mp_field_path_pop (c->path, mark);

  return ok;
}

/* A number node at the current path (already pushed). */
static gboolean
node_double (MpJsonCtx *c,
             JsonNode  *node,
             double    *out)
{
  double v;

  if (!_mp_json_node_is_number (node))
    return _mp_json_type_error (c, node, _("a number"));

  v = _mp_json_node_number (node);
  if (!isfinite (v))
    {
      g_autofree char *n = mp_field_format_number (v);
      return _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                            _("%s is not a finite number; every number must be finite"), n);
    }

  *out = v;
  return TRUE;
}

gboolean
_mp_json_read_double (MpJsonCtx  *c,
                      JsonObject *obj,
                      const char *key,
                      gboolean    required,
                      double     *out)
{
  JsonNode *node;
  gboolean ok;
  gsize mark;

  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  ok = node_double (c, node, out);
  mp_field_path_pop (c->path, mark);

  return ok;
}
/* An integer member: a JSON integer (or a number with no fraction) within
 * the rule of @id, checked here so that the conversion to int is safe. */
gboolean
_mp_json_read_int (MpJsonCtx   *c,
                   JsonObject  *obj,
                   const char  *key,
                   gboolean     required,
                   MpFieldId    id,
                   int         *out)
{
  JsonNode *node;
  GError *local = NULL;
  double v = 0;
  gboolean ok;
  gsize mark;

  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  ok = _mp_json_node_is_number (node) ? TRUE : _mp_json_type_error (c, node, _("a whole number"));
  if (ok)
    {
      v = _mp_json_node_number (node);
      ok = mp_field_check (id, v, c->path->str, &local) ||
           _mp_json_take_field_error (c->error, local);
    }
  if (ok)
    *out = (int) v;
  mp_field_path_pop (c->path, mark);

  return ok;
}

/* An enum member: one of the identifiers of the choice field @id. */
gboolean
_mp_json_read_enum (MpJsonCtx   *c,
                    JsonObject  *obj,
                    const char  *key,
                    gboolean     required,
                    MpFieldId    id,
                    int         *out)
{
  const MpFieldChoices *choices = mp_field_rule (id)->choices;
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    ok = _mp_json_type_error (c, node, _("a string"));
  else if (!choices->from_string (json_node_get_string (node), out))
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *q = mp_field_quote_text (json_node_get_string (node));

      for (int i = 0; i < choices->n; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", choices->to_string (i));
      ok = _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                          /* TRANSLATORS: "“farm” is not a known scheme kind; expected one of: …" */
                          _("%s is not a known %s; expected one of: %s"), q,
                          _(mp_field_rule (id)->name), ids->str);
    }
  mp_field_path_pop (c->path, mark);

  return ok;
}

/* An array member: returns NULL (not an error) when absent and not required. */
gboolean
_mp_json_read_array (MpJsonCtx   *c,
                     JsonObject  *obj,
                     const char  *key,
                     gboolean     required,
                     guint        max,
                     const char  *what,
                     JsonArray  **out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  *out = NULL;
  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    ok = _mp_json_type_error (c, node, _("an array"));
  else if (json_array_get_length (json_node_get_array (node)) > max)
    ok = _mp_json_fail (c->error, MP_JSON_ERROR_TOO_LARGE, c->path->str,
                        /* TRANSLATORS: "10001 entries are too many; schemes of a package are limited to 10000" */
                        _("%u entries are too many; %s are limited to %u"),
                        json_array_get_length (json_node_get_array (node)), what, max);
  else
    *out = json_node_get_array (node);
  mp_field_path_pop (c->path, mark);

  return ok;
}

gboolean
_mp_json_read_object (MpJsonCtx   *c,
                      JsonObject  *obj,
                      const char  *key,
                      gboolean     required,
                      JsonObject **out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  *out = NULL;
  if (!_mp_json_member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    ok = _mp_json_type_error (c, node, _("an object"));
  else
    *out = json_node_get_object (node);
  mp_field_path_pop (c->path, mark);

  return ok;
}

/* The element at @i of @array, which must be an object; pushes the index. */
JsonObject *
_mp_json_element_object (MpJsonCtx *c,
                         JsonArray *array,
                         guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _mp_json_type_error (c, node, _("an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A list of strings (ISO codes, memberships…) into a NULL-terminated vector. */
gboolean
_mp_json_read_strv (MpJsonCtx    *c,
                    JsonObject   *obj,
                    const char   *key,
                    gboolean      required,
                    guint         max,
                    const char   *what,
                    char       ***out)
{
  JsonArray *array;
  GPtrArray *v;
  GError *local = NULL;

  if (!_mp_json_read_array (c, obj, key, required, max, what, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  v = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize mark = mp_field_path_push_key (c->path, key);

      mp_field_path_push_index (c->path, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _mp_json_type_error (c, node, _("a string"));
          mp_field_path_pop (c->path, mark);
          g_ptr_array_unref (v);
          return FALSE;
        }
      if (!mp_field_check_text (MP_FIELD_NAME, json_node_get_string (node), c->path->str, &local))
        {
          _mp_json_take_field_error (c->error, local);
          mp_field_path_pop (c->path, mark);
          g_ptr_array_unref (v);
          return FALSE;
        }
      mp_field_path_pop (c->path, mark);
      g_ptr_array_add (v, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (v, NULL);

  g_strfreev (*out);
  *out = (char **) g_ptr_array_free (v, FALSE);

  return TRUE;
}
