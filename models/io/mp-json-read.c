/* mp-json-read.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"
#include "mp-json-private.h"
#include "mp-validate.h"

/* The public entry points of the reader: sizes and encoding first, then the
 * three passes of mp-json-private.h on a single package or a bundle. */

G_DEFINE_QUARK (mp-json-error-quark, mp_json_error)

/**
 * mp_json_merge_reference:
 * @reference: (nullable): the base reference set (e.g. the shipped data)
 * @embedded: (nullable): partners and sectors embedded in a file
 *
 * Merges the two sets: an embedded partner or sector replaces the base entry
 * with the same code (a bundle carries the snapshot its packages were made
 * with), and entries the base lacks are appended.  The vintage is the base's,
 * or the embedded one's when the base has none.
 *
 * Returns: (transfer full): a new reference set
 */
MpReference *
mp_json_merge_reference (const MpReference *reference,
                         const MpReference *embedded)
{
  MpReference *merged = reference != NULL ? mp_reference_copy (reference) : mp_reference_new ();

  if (embedded == NULL)
    return merged;

  if (merged->vintage == NULL)
    merged->vintage = g_strdup (embedded->vintage);

  for (guint i = 0; i < embedded->partners->len; i++)
    {
      const MpPartner *e = g_ptr_array_index (embedded->partners, i);
      gboolean replaced = FALSE;

      for (guint j = 0; j < merged->partners->len && !replaced; j++)
        {
          MpPartner *m = g_ptr_array_index (merged->partners, j);

          if (g_ascii_strcasecmp (m->iso3, e->iso3) == 0)
            {
              mp_partner_free (m);
              g_ptr_array_index (merged->partners, j) = mp_partner_copy (e);
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_ptr_array_add (merged->partners, mp_partner_copy (e));
    }

  for (guint i = 0; i < embedded->sectors->len; i++)
    {
      const MpSector *e = g_ptr_array_index (embedded->sectors, i);
      gboolean replaced = FALSE;

      for (guint j = 0; j < merged->sectors->len && !replaced; j++)
        {
          MpSector *m = g_ptr_array_index (merged->sectors, j);

          if (g_strcmp0 (m->code, e->code) == 0)
            {
              mp_sector_free (m);
              g_ptr_array_index (merged->sectors, j) = mp_sector_copy (e);
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_ptr_array_add (merged->sectors, mp_sector_copy (e));
    }

  return merged;
}

static const char * const bundle_fields[] = {
  "format", "version", "vintage", "packages", "partners", "sectors", NULL
};

static gboolean
read_format (MpJsonCtx   *c,
             JsonObject  *root,
             char       **format)
{
  JsonNode *node;

  if (!_mp_json_read_string (c, root, "format", FALSE, FALSE, MP_FIELD_NAME, format))
    return FALSE;

  if (*format != NULL &&
      g_strcmp0 (*format, MP_JSON_FORMAT_BUNDLE) != 0 &&
      g_strcmp0 (*format, MP_JSON_FORMAT_PACKAGE) != 0)
    {
      g_autofree char *q = mp_field_quote_text (*format);
      return _mp_json_fail (c->error, MP_JSON_ERROR_FORMAT, "format",
                            _("%s is not a package file; expected “%s” or “%s”"),
                            q, MP_JSON_FORMAT_PACKAGE, MP_JSON_FORMAT_BUNDLE);
    }

  if (!_mp_json_member (c, root, "version", *format != NULL && g_str_equal (*format, MP_JSON_FORMAT_BUNDLE),
               &node))
    return FALSE;
  if (node != NULL)
    {
      if (!_mp_json_node_is_number (node))
        {
          _mp_json_type_error (c, node, _("a whole number"));
          return FALSE;
        }
      if (_mp_json_node_number (node) != MP_JSON_VERSION)
        {
          g_autofree char *v = mp_field_format_number (_mp_json_node_number (node));
          return _mp_json_fail (c->error, MP_JSON_ERROR_FORMAT, "version",
                                _("version %s is not supported; this version of Mobility Planner reads "
                                  "version %d"), v, MP_JSON_VERSION);
        }
    }

  return TRUE;
}

/**
 * mp_json_read_packages:
 * @data: the JSON text (UTF-8)
 * @len: length of @data in bytes, or -1 if nul-terminated
 * @reference: (nullable): the reference set partner and sector codes are
 *   checked against, merged with the partners and sectors the file embeds
 *   (see mp_json_merge_reference()); when both are absent only the form of
 *   the codes is checked
 * @embedded_out: (out) (optional) (nullable) (transfer full): the partners
 *   and sectors embedded in the file, or %NULL when it embeds none
 * @error: return location for an %MP_JSON_ERROR
 *
 * Reads one package or a bundle of packages (data/JSON-FORMAT.md) and
 * validates them.  Nothing is clamped: any violation is an error whose
 * message names the field path, the value and the rule.
 *
 * Returns: (transfer full) (element-type MpPackage) (nullable): the packages
 *   (with mp_package_free() as free function), or %NULL on error
 */
GPtrArray *
mp_json_read_packages (const char         *data,
                       gssize              len,
                       const MpReference  *reference,
                       MpReference       **embedded_out,
                       GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(MpReference) merged = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *format = NULL;
  GError *local = NULL;
  const char *end = NULL;
  JsonNode *root;
  JsonObject *obj;
  MpJsonCtx c = { path, error };
  gsize n;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (embedded_out != NULL)
    *embedded_out = NULL;

  /* Sizes first: never let json-glib see absurd input. */
  n = len < 0 ? strnlen (data, (gsize) MP_JSON_MAX_FILE_SIZE + 1) : (gsize) len;
  if (n > MP_JSON_MAX_FILE_SIZE)
    {
      _mp_json_fail (error, MP_JSON_ERROR_TOO_LARGE, NULL,
                     _("the file is larger than %d MB; package files are limited to %d MB"),
                     MP_JSON_MAX_FILE_SIZE / (1024 * 1024), MP_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (memchr (data, '\0', n) != NULL)
    {
      _mp_json_fail (error, MP_JSON_ERROR_PARSE, NULL,
                     _("the file contains a NUL byte; it is not a JSON text file"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, n, &end))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));

      _mp_json_fail (error, MP_JSON_ERROR_PARSE, NULL,
                     _("the file is not valid UTF-8 (first invalid byte at offset %s)"), offset);
      return NULL;
    }

  /* A byte-order mark is tolerated (RFC 8259 §8.1). */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }

  if (!_mp_json_scan (data, n, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) n, &local))
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_PARSE, "%s", local->message);
      g_error_free (local);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _mp_json_type_error (&c, root, _("an object (a package or a bundle of packages)"));
      return NULL;
    }
  obj = json_node_get_object (root);

  if (!read_format (&c, obj, &format))
    return NULL;

  packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);

  if (g_strcmp0 (format, MP_JSON_FORMAT_BUNDLE) == 0)
    {
      JsonArray *array;

      if (!_mp_json_check_fields (&c, obj, bundle_fields, _("a bundle of packages")))
        return NULL;

      embedded = mp_reference_new ();
      if (!_mp_json_read_string (&c, obj, "vintage", FALSE, TRUE, MP_FIELD_NAME, &embedded->vintage) ||
          !_mp_json_read_array (&c, obj, "partners", FALSE, MP_JSON_MAX_REFERENCE,
                                _("the partners of a file"), &array))
        return NULL;
      if (array != NULL && !_mp_json_read_list (&c, obj, "partners", _("the partners of a file"),
                                                _mp_json_read_partner, embedded->partners))
        return NULL;
      if (!_mp_json_read_array (&c, obj, "sectors", FALSE, MP_JSON_MAX_REFERENCE,
                                _("the sectors of a file"), &array))
        return NULL;
      if (array != NULL && !_mp_json_read_list (&c, obj, "sectors", _("the sectors of a file"),
                                                _mp_json_read_sector, embedded->sectors))
        return NULL;
      if (!mp_reference_validate (embedded, NULL, &local))
        {
          _mp_json_take_field_error (error, local);
          return NULL;
        }

      if (!_mp_json_read_array (&c, obj, "packages", TRUE, MP_JSON_MAX_PACKAGES,
                                _("the packages of a file"), &array))
        return NULL;

      if (reference != NULL || embedded->partners->len > 0 || embedded->sectors->len > 0)
        merged = mp_json_merge_reference (reference, embedded);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = mp_field_path_push_key (path, "packages");
          JsonObject *po;
          MpPackage *p = NULL;

          mp_field_path_push_index (path, i);
          po = _mp_json_element_object (&c, array, i);
          if (po != NULL)
            p = _mp_json_read_package (&c, po, FALSE);
          if (p == NULL)
            return NULL;
          g_ptr_array_add (packages, p);

          if (!mp_json_validate_package (p, merged, path->str, error))
            return NULL;

          for (guint j = 0; j < i; j++)
            {
              const MpPackage *q = g_ptr_array_index (packages, j);

              if (g_strcmp0 (q->name, p->name) == 0)
                {
                  g_autofree char *quoted = mp_field_quote_text (p->name);

                  mp_field_path_push_key (path, "name");
                  _mp_json_fail (error, MP_JSON_ERROR_INVALID, path->str,
                                 _("%s is already the name of packages[%u]; the packages of a file "
                                   "need unique names"), quoted, j);
                  return NULL;
                }
            }
          mp_field_path_pop (path, mark);
        }

      if (embedded->partners->len == 0 && embedded->sectors->len == 0)
        g_clear_pointer (&embedded, mp_reference_free);
    }
  else
    {
      MpPackage *p = _mp_json_read_package (&c, obj, TRUE);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (packages, p);
      if (!mp_json_validate_package (p, reference, NULL, error))
        return NULL;
    }

  if (embedded_out != NULL)
    *embedded_out = g_steal_pointer (&embedded);

  return g_steal_pointer (&packages);
}

/**
 * mp_json_read_packages_file:
 * @path: a file name
 * @reference: (nullable): see mp_json_read_packages()
 * @embedded_out: (out) (optional) (nullable) (transfer full): see mp_json_read_packages()
 * @error: return location for an %MP_JSON_ERROR
 *
 * Reads a package file, refusing files over %MP_JSON_MAX_FILE_SIZE before
 * reading them.
 *
 * Returns: (transfer full) (element-type MpPackage) (nullable): the packages,
 *   or %NULL on error
 */
GPtrArray *
mp_json_read_packages_file (const char         *path,
                            const MpReference  *reference,
                            MpReference       **embedded_out,
                            GError            **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *local = NULL;
  gsize size;
  gsize got = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (embedded_out != NULL)
    *embedded_out = NULL;

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_IO, _("%s is not a regular file"), path);
      return NULL;
    }

  if (g_file_info_get_size (info) > MP_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB; package files are limited to %d MB"),
                   path, MP_JSON_MAX_FILE_SIZE / (1024 * 1024), MP_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Read at most one byte more than the limit, in case the file grew. */
  size = (gsize) g_file_info_get_size (info) + 1;
  size = MIN (size, (gsize) MP_JSON_MAX_FILE_SIZE + 1);
  stream = g_file_read (file, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }

  contents = g_malloc (size);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), contents, size, &got, NULL, &local))
    {
      g_set_error (error, MP_JSON_ERROR, MP_JSON_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }

  return mp_json_read_packages (contents, (gssize) got, reference, embedded_out, error);
}

/**
 * mp_json_validate_package:
 * @package: a package
 * @reference: (nullable): the reference set partner and sector codes must be
 *   found in; with %NULL only the form of the codes is checked
 * @path: (nullable): the field path of @package in its file, e.g.
 *   "packages[3]", used as the prefix of error messages
 * @error: return location for an %MP_JSON_ERROR
 *
 * Checks @package with mp_package_validate(), as the reader does with every
 * package it reads, and reports a violation as the MP_JSON_ERROR of its kind.
 *
 * Returns: %TRUE when @package is valid
 */
gboolean
mp_json_validate_package (const MpPackage    *package,
                          const MpReference  *reference,
                          const char         *path,
                          GError            **error)
{
  GError *local = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mp_package_validate (package, reference, path, &local) ||
         _mp_json_take_field_error (error, local);
}
