/* mp-field-message.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-field"

#include "config.h"

#include <math.h>
#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"

gsize
mp_field_path_push_key (GString    *path,
                        const char *key)
{
  gsize mark = path->len;

  if (path->len > 0)
    g_string_append_c (path, '.');
  mp_field_path_append_key (path, key, -1);

  return mark;
}

gsize
mp_field_path_push_index (GString *path,
                          guint    index)
{
  gsize mark = path->len;

  g_string_append_printf (path, "[%u]", index);

  return mark;
}

void
mp_field_path_pop (GString *path,
                   gsize    mark)
{
  g_string_truncate (path, mark);
}

/**
 * mp_field_path_append_key:
 * @path: a path
 * @key: a field name, as found in a file
 * @len: length of @key in bytes, or -1
 *
 * Appends @key as valid UTF-8 with control characters (raw DEL and C1
 * controls such as U+009B are allowed in JSON strings) shown as \uXXXX
 * escapes, so that a message cannot carry terminal escapes.
 */
void
mp_field_path_append_key (GString    *path,
                          const char *key,
                          gssize      len)
{
  g_autofree char *valid = g_utf8_make_valid (key, len);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (path, "\\u%04X", c);
      else
        g_string_append_unichar (path, c);
    }
}

/**
 * mp_field_format_number:
 * @value: a number
 *
 * A number as shown in a message: 15 significant digits, so that a sum such
 * as 0.5 + 0.6 reads "1.1"; whole numbers up to 2^53 in full.
 *
 * Returns: (transfer full): the text
 */
char *
mp_field_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");

  if (value == floor (value) && fabs (value) <= 9007199254740992.0)
    g_ascii_formatd (buf, sizeof buf, "%.0f", value);
  else
    g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  return g_strdup (buf);
}

/**
 * mp_field_quote_text:
 * @text: (nullable): a text value
 *
 * A text as shown in a message: quoted, cut after 40 characters, control
 * characters shown as \uXXXX escapes.
 *
 * Returns: (transfer full): the text
 */
char *
mp_field_quote_text (const char *text)
{
  GString *out;
  glong i = 0;

  if (text == NULL)
    return g_strdup ("null");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (_("(a text that is not valid UTF-8)"));

  out = g_string_new ("“");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (i == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

gboolean
mp_field_fail_valist (GError     **error,
                      GQuark       domain,
                      int          code,
                      const char  *path,
                      const char  *format,
                      va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_set_error (error, domain, code, "%s: %s",
               (path != NULL && path[0] != '\0') ? path : _("top level"), message);

  return FALSE;
}

gboolean
mp_field_fail (GError     **error,
               GQuark       domain,
               int          code,
               const char  *path,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  mp_field_fail_valist (error, domain, code, path, format, args);
  va_end (args);

  return FALSE;
}
