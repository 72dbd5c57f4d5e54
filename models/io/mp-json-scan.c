/* mp-json-scan.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"
#include "mp-json-private.h"

/* Pass 1 of the reader (mp-json-private.h): the strict scan of the raw bytes
 * before json-glib sees them. */

/* The longest string literal: a text field of MP_JSON_MAX_TEXT characters,
 * each written as a \u-escaped surrogate pair (12 bytes), with its quotes. */
static gsize
max_string_bytes (void)
{
  return 12 * (gsize) MP_JSON_MAX_TEXT + 2;
}


typedef struct
{
  gboolean    is_object;
  guint       count;
  const char *key;        /* start of the current key in the input (objects) */
  gsize       key_len;
  GHashTable *keys;       /* objects: keys seen, for duplicates */
} ScanLevel;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  int         depth;
  ScanLevel   levels[MP_JSON_MAX_DEPTH + 1];
  GError    **error;
} Scan;

static char *
scan_path (Scan *s)
{
  GString *path = g_string_new (NULL);

  for (int i = 1; i <= s->depth; i++)
    {
      ScanLevel *l = &s->levels[i];

      if (l->count == 0)
        break;
      if (l->is_object)
        {
          if (l->key == NULL)
            break;
          if (path->len > 0)
            g_string_append_c (path, '.');
          mp_field_path_append_key (path, l->key, (gssize) l->key_len);
        }
      else
        g_string_append_printf (path, "[%u]", l->count - 1);
    }

  return g_string_free (path, FALSE);
}

static gboolean
scan_fail (Scan        *s,
           MpJsonError  code,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
scan_fail (Scan        *s,
           MpJsonError  code,
           const char  *format,
           ...)
{
  g_autofree char *path = scan_path (s);
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  int line = 1;
  int column = 1;
  va_list args;

  for (gsize i = 0; i < s->pos && i < s->len; i++)
    {
      if (s->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) s->data[i] & 0xC0) != 0x80)
        column++;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a position in a JSON file */
  where = g_strdup_printf (_("line %d, column %d"), line, column);
  if (path[0] != '\0')
    g_set_error (s->error, MP_JSON_ERROR, code, "%s (%s): %s", path, where, message);
  else
    g_set_error (s->error, MP_JSON_ERROR, code, "%s: %s", where, message);

  return FALSE;
}

static void
scan_ws (Scan *s)
{
  while (s->pos < s->len)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_hex4 (Scan    *s,
           guint   *out)
{
  guint v = 0;

  if (s->pos + 4 > s->len)
    return scan_fail (s, MP_JSON_ERROR_PARSE, _("incomplete \\u escape in a string"));

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (s->data[s->pos + i]);

      if (h < 0)
        return scan_fail (s, MP_JSON_ERROR_PARSE, _("invalid \\u escape in a string"));
      v = v * 16 + (guint) h;
    }

  s->pos += 4;
  *out = v;
  return TRUE;
}

/* On success s->pos is just past the closing quote; *has_escape tells whether
 * the raw text differs from the string's value. */
static gboolean
scan_string (Scan     *s,
             gboolean *has_escape)
{
  gsize start = s->pos;

  *has_escape = FALSE;
  s->pos++;   /* opening quote */

  for (;;)
    {
      guchar c;

      if (s->pos >= s->len)
        {
          s->pos = start;
          return scan_fail (s, MP_JSON_ERROR_PARSE, _("a string is not terminated"));
        }

      if (s->pos - start > max_string_bytes ())
        {
          s->pos = start;
          return scan_fail (s, MP_JSON_ERROR_TOO_LARGE,
                            _("a string of more than %d bytes; no text field of the format "
                              "holds more than %d characters"),
                            (int) max_string_bytes (), MP_JSON_MAX_TEXT);
        }

      c = (guchar) s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (s, MP_JSON_ERROR_PARSE,
                          _("control character U+%04X inside a string; it must be escaped"),
                          (guint) c);
      if (c != '\\')
        {
          s->pos++;
          continue;
        }

      *has_escape = TRUE;
      s->pos++;
      if (s->pos >= s->len)
        continue;   /* reported as unterminated */

      switch (s->data[s->pos])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->pos++;
          break;

        case 'u':
          {
            guint cp;

            s->pos++;
            if (!scan_hex4 (s, &cp))
              return FALSE;
            if (cp == 0)
              return scan_fail (s, MP_JSON_ERROR_PARSE,
                                _("a string contains the NUL character (\\u0000), which is not allowed"));
            if (cp >= 0xDC00 && cp <= 0xDFFF)
              return scan_fail (s, MP_JSON_ERROR_PARSE,
                                _("a string contains a lone low surrogate \\u%04X"), cp);
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                guint lo;

                if (s->pos + 2 > s->len || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                  return scan_fail (s, MP_JSON_ERROR_PARSE,
                                    _("a string contains a lone high surrogate \\u%04X"), cp);
                s->pos += 2;
                if (!scan_hex4 (s, &lo))
                  return FALSE;
                if (lo < 0xDC00 || lo > 0xDFFF)
                  return scan_fail (s, MP_JSON_ERROR_PARSE,
                                    _("a string contains a lone high surrogate \\u%04X"), cp);
              }
          }
          break;

        default:
          return scan_fail (s, MP_JSON_ERROR_PARSE,
                            _("invalid escape sequence “\\%c” in a string"),
                            g_ascii_isprint (s->data[s->pos]) ? s->data[s->pos] : '?');
        }
    }
}

/* A strict JSON number; errors point at its first character. */
static gboolean
scan_number (Scan *s)
{
  gsize start = s->pos;
  gsize p = s->pos;
  gboolean integer = TRUE;
  const char *problem = NULL;
  char token[65];

  if (s->data[p] == '-')
    p++;

  if (p >= s->len || !g_ascii_isdigit (s->data[p]))
    problem = _("invalid number");
  else if (s->data[p] == '0' && p + 1 < s->len && g_ascii_isalnum (s->data[p + 1]))
    problem = _("invalid number: JSON numbers have no leading zeros, hexadecimal or octal forms");
  else
    {
      if (s->data[p] == '0')
        p++;
      else
        while (p < s->len && g_ascii_isdigit (s->data[p]))
          p++;

      if (p < s->len && s->data[p] == '.')
        {
          integer = FALSE;
          p++;
          if (p >= s->len || !g_ascii_isdigit (s->data[p]))
            problem = _("invalid number: a digit must follow the decimal point");
          while (p < s->len && g_ascii_isdigit (s->data[p]))
            p++;
        }

      if (problem == NULL && p < s->len && (s->data[p] == 'e' || s->data[p] == 'E'))
        {
          integer = FALSE;
          p++;
          if (p < s->len && (s->data[p] == '+' || s->data[p] == '-'))
            p++;
          if (p >= s->len || !g_ascii_isdigit (s->data[p]))
            problem = _("invalid number: the exponent has no digits");
          while (p < s->len && g_ascii_isdigit (s->data[p]))
            p++;
        }

      if (problem == NULL && p < s->len && (g_ascii_isalpha (s->data[p]) || s->data[p] == '.'))
        problem = _("invalid number");
    }

  if (problem != NULL)
    return scan_fail (s, MP_JSON_ERROR_PARSE, "%s", problem);

  if (p - start > 64)
    return scan_fail (s, MP_JSON_ERROR_TOO_LARGE,
                      _("a number literal of more than 64 characters is not allowed"));

  memcpy (token, s->data + start, p - start);
  token[p - start] = '\0';

  if (integer)
    {
      errno = 0;
      (void) g_ascii_strtoll (token, NULL, 10);
      if (errno == ERANGE)
        return scan_fail (s, MP_JSON_ERROR_INVALID,
                          _("the integer %s is out of range; integers must lie between "
                            "-9223372036854775808 and 9223372036854775807"), token);
    }
  else if (!isfinite (g_ascii_strtod (token, NULL)))
    return scan_fail (s, MP_JSON_ERROR_INVALID,
                      _("%s is not a finite number; every number must be finite"), token);

  s->pos = p;
  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize n = strlen (word);

  if (s->pos + n > s->len || memcmp (s->data + s->pos, word, n) != 0 ||
      (s->pos + n < s->len && g_ascii_isalnum (s->data[s->pos + n])))
    return FALSE;

  s->pos += n;
  return TRUE;
}

static gboolean scan_value (Scan *s);

static gboolean
scan_push (Scan     *s,
           gboolean  is_object)
{
  ScanLevel *l;

  if (s->depth >= MP_JSON_MAX_DEPTH)
    return scan_fail (s, MP_JSON_ERROR_TOO_LARGE,
                      _("nesting deeper than %d levels; the format nests at most %d levels "
                        "of objects and arrays"),
                      MP_JSON_MAX_DEPTH, MP_JSON_MAX_DEPTH);

  s->depth++;
  l = &s->levels[s->depth];
  l->is_object = is_object;
  l->count = 0;
  l->key = NULL;
  l->key_len = 0;
  l->keys = is_object ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
  s->pos++;

  return TRUE;
}

static void
scan_pop (Scan *s)
{
  g_clear_pointer (&s->levels[s->depth].keys, g_hash_table_unref);
  s->depth--;
}

static gboolean
scan_count (Scan *s)
{
  ScanLevel *l = &s->levels[s->depth];

  /* One more than the largest limit, so that the tree pass reports the exact
   * rule for its list; anything beyond stops here, before json-glib. */
  if (l->count >= MP_JSON_MAX_ITEMS + 1)
    {
      /* Report at the container, not at one of its entries. */
      l->count = 0;
      scan_fail (s, MP_JSON_ERROR_TOO_LARGE,
                 _("more than %d entries; no list or object of the format holds more "
                   "than %d"),
                 MP_JSON_MAX_ITEMS + 1, MP_JSON_MAX_ITEMS);
      l->count = MP_JSON_MAX_ITEMS + 1;
      return FALSE;
    }
  l->count++;

  return TRUE;
}

static gboolean
scan_object (Scan *s)
{
  if (!scan_push (s, TRUE))
    return FALSE;

  scan_ws (s);
  if (s->pos < s->len && s->data[s->pos] == '}')
    {
      s->pos++;
      scan_pop (s);
      return TRUE;
    }

  for (;;)
    {
      ScanLevel *l = &s->levels[s->depth];
      gboolean has_escape;
      gsize key_start;
      char *key;

      scan_ws (s);
      if (s->pos >= s->len)
        return scan_fail (s, MP_JSON_ERROR_PARSE,
                          _("unexpected end of the file; an object is not closed with “}”"));
      if (s->data[s->pos] != '"')
        return scan_fail (s, MP_JSON_ERROR_PARSE, _("expected a field name in double quotes"));

      key_start = s->pos;
      if (!scan_string (s, &has_escape))
        return FALSE;
      if (!scan_count (s))
        return FALSE;

      l->key = s->data + key_start + 1;
      l->key_len = s->pos - key_start - 2;
      if (has_escape)
        return scan_fail (s, MP_JSON_ERROR_INVALID,
                          _("field names must not contain escape sequences; no field of the "
                            "format has such a name"));

      key = g_strndup (l->key, l->key_len);
      if (!g_hash_table_add (l->keys, key))
        return scan_fail (s, MP_JSON_ERROR_PARSE,
                          _("the field appears twice in the same object; each field may appear "
                            "only once"));

      scan_ws (s);
      if (s->pos >= s->len || s->data[s->pos] != ':')
        return scan_fail (s, MP_JSON_ERROR_PARSE, _("expected “:” after a field name"));
      s->pos++;

      if (!scan_value (s))
        return FALSE;

      scan_ws (s);
      if (s->pos < s->len && s->data[s->pos] == ',')
        {
          s->pos++;
          continue;
        }
      if (s->pos < s->len && s->data[s->pos] == '}')
        {
          s->pos++;
          scan_pop (s);
          return TRUE;
        }
      if (s->pos >= s->len)
        return scan_fail (s, MP_JSON_ERROR_PARSE,
                          _("unexpected end of the file; an object is not closed with “}”"));
      return scan_fail (s, MP_JSON_ERROR_PARSE, _("expected “,” or “}” in an object"));
    }
}

static gboolean
scan_array (Scan *s)
{
  if (!scan_push (s, FALSE))
    return FALSE;

  scan_ws (s);
  if (s->pos < s->len && s->data[s->pos] == ']')
    {
      s->pos++;
      scan_pop (s);
      return TRUE;
    }

  for (;;)
    {
      if (!scan_count (s))
        return FALSE;
      if (!scan_value (s))
        return FALSE;

      scan_ws (s);
      if (s->pos < s->len && s->data[s->pos] == ',')
        {
          s->pos++;
          continue;
        }
      if (s->pos < s->len && s->data[s->pos] == ']')
        {
          s->pos++;
          scan_pop (s);
          return TRUE;
        }
      if (s->pos >= s->len)
        return scan_fail (s, MP_JSON_ERROR_PARSE,
                          _("unexpected end of the file; an array is not closed with “]”"));
      return scan_fail (s, MP_JSON_ERROR_PARSE, _("expected “,” or “]” in an array"));
    }
}

static gboolean
scan_value (Scan *s)
{
  gboolean has_escape;

  scan_ws (s);
  if (s->pos >= s->len)
    return scan_fail (s, MP_JSON_ERROR_PARSE, _("unexpected end of the file; a value is missing"));

  switch (s->data[s->pos])
    {
    case '{':
      return scan_object (s);
    case '[':
      return scan_array (s);
    case '"':
      return scan_string (s, &has_escape);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      if (scan_literal (s, "true") || scan_literal (s, "false") || scan_literal (s, "null"))
        return TRUE;
      if (scan_literal (s, "NaN") || scan_literal (s, "Infinity"))
        return scan_fail (s, MP_JSON_ERROR_INVALID,
                          _("NaN and Infinity are not numbers in JSON; every number must be finite"));
      return scan_fail (s, MP_JSON_ERROR_PARSE,
                        _("unexpected character “%c”; expected a value (object, array, string, "
                          "number, true, false or null)"),
                        g_ascii_isprint (s->data[s->pos]) ? s->data[s->pos] : '?');
    }
}

/* Checks the syntax and the limits of the JSON text @data (of @len bytes,
 * valid UTF-8, with no NUL byte). */
gboolean
_mp_json_scan (const char  *data,
               gsize        len,
               GError     **error)
{
  Scan s = { 0 };
  gboolean ok;

  s.data = data;
  s.len = len;
  s.error = error;

  ok = scan_value (&s);
  if (ok)
    {
      scan_ws (&s);
      if (s.pos < s.len)
        ok = scan_fail (&s, MP_JSON_ERROR_PARSE,
                        _("unexpected content after the end of the JSON value"));
    }

  while (s.depth > 0)
    scan_pop (&s);

  return ok;
}
