/* mp-json.c
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
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-json.h"
#include "mp-reference.h"

/* Reading happens in three passes:
 *
 *  1. scan: a strict RFC 8259 syntax check of the raw bytes that also enforces
 *     the limits json-glib does not (nesting depth, entries per container,
 *     string length, int64 range of integer literals, finite numbers,
 *     duplicate keys).  json-glib 1.6 crashes on deep nesting, wraps
 *     overflowing integers silently and accepts single quotes and hex
 *     numbers, so it only ever sees input that passed this scan.
 *  2. tree: json-glib's parse, then a walk that checks types, required and
 *     unknown fields and enum identifiers, building the MpPackage structs.
 *  3. validate: range and cross-reference checks on the structs
 *     (mp_json_validate_package()), also usable on packages from elsewhere.
 *
 * Every error message starts with the field path, then names the value and
 * the rule. */

G_DEFINE_QUARK (mp-json-error-quark, mp_json_error)

/* A text field of MP_JSON_MAX_TEXT characters, each written as a \u-escaped
 * surrogate pair (12 bytes), with its quotes. */
#define MAX_STRING_BYTES (12 * MP_JSON_MAX_TEXT + 2)
#define MAX_SEED         9223372036854775807.0     /* INT64_MAX, as a JSON integer */

/* ---- Messages ------------------------------------------------------------ */

static void
set_error_at (GError      **error,
              MpJsonError   code,
              const char   *path,
              const char   *format,
              va_list       args) G_GNUC_PRINTF (4, 0);

static void
set_error_at (GError      **error,
              MpJsonError   code,
              const char   *path,
              const char   *format,
              va_list       args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_set_error (error, MP_JSON_ERROR, code, "%s: %s",
               (path != NULL && path[0] != '\0') ? path : _("top level"), message);
}

static gboolean
fail (GError      **error,
      MpJsonError   code,
      const char   *path,
      const char   *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError      **error,
      MpJsonError   code,
      const char   *path,
      const char   *format,
      ...)
{
  va_list args;

  va_start (args, format);
  set_error_at (error, code, path, format, args);
  va_end (args);

  return FALSE;
}

/* The shortest decimal form that reads back as the same double. */
static void
format_double (char   *buf,
               gsize   size,
               double  v)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, size, formats[i], v);
      if (g_ascii_strtod (buf, NULL) == v)
        return;
    }
}

/* A number as shown in a message: 15 significant digits, so that a sum such
 * as 0.5 + 0.6 reads "1.1"; whole numbers up to 2^53 in full. */
static char *
dup_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("NaN");
  if (isinf (v))
    return g_strdup (v > 0 ? "Infinity" : "-Infinity");

  if (v == floor (v) && fabs (v) <= 9007199254740992.0)
    g_ascii_formatd (buf, sizeof buf, "%.0f", v);
  else
    g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  return g_strdup (buf);
}

/* A string value as shown in a message: quoted, cut after 40 characters,
 * control characters shown as \uXXXX escapes. */
static char *
dup_quoted (const char *s)
{
  GString *out;
  glong i = 0;

  if (s == NULL)
    return g_strdup ("null");
  if (!g_utf8_validate (s, -1, NULL))
    return g_strdup (_("(a text that is not valid UTF-8)"));

  out = g_string_new ("“");
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p), i++)
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

/* A field name as shown in a path: valid UTF-8, control characters (raw DEL
 * and C1 controls such as U+009B are allowed in JSON strings) shown as
 * \uXXXX escapes, so that a message cannot carry terminal escapes. */
static void
append_key (GString    *path,
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

/* ---- Pass 1: the scan ------------------------------------------------------ */

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
          append_key (path, l->key, (gssize) l->key_len);
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

      if (s->pos - start > MAX_STRING_BYTES)
        {
          s->pos = start;
          return scan_fail (s, MP_JSON_ERROR_TOO_LARGE,
                            _("a string of more than %d bytes; no text field of the format "
                              "holds more than %d characters"),
                            MAX_STRING_BYTES, MP_JSON_MAX_TEXT);
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

static gboolean
scan_document (const char  *data,
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

/* ---- Pass 2: the tree ----------------------------------------------------- */

typedef struct
{
  GString  *path;
  GError  **error;
} Ctx;

static gsize
path_push_key (GString    *path,
               const char *key)
{
  gsize mark = path->len;

  if (path->len > 0)
    g_string_append_c (path, '.');
  append_key (path, key, -1);

  return mark;
}

static gsize
path_push_index (GString *path,
                 guint    index)
{
  gsize mark = path->len;

  g_string_append_printf (path, "[%u]", index);

  return mark;
}

static void
path_pop (GString *path,
          gsize    mark)
{
  g_string_truncate (path, mark);
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
        g_autofree char *q = dup_quoted (json_node_get_string (node));
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
        g_autofree char *n = dup_number (json_node_get_double (node));
        return g_strdup_printf (_("the number %s"), n);
      }
    default:
      return g_strdup (_("a value"));
    }
}

static gboolean
type_error (Ctx        *c,
            JsonNode   *node,
            const char *expected)
{
  g_autofree char *found = describe_node (node);

  return fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
               /* TRANSLATORS: "expected a number, found the string “many”" */
               _("expected %s, found %s"), expected, found);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType t;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

static double
node_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

/* Refuses members that are not in @allowed; @what names the entity. */
static gboolean
check_fields (Ctx                *c,
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
          gsize mark = path_push_key (c->path, key);

          fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                /* TRANSLATORS: "unknown field; a scheme has the fields name, kind, …" */
                _("unknown field; %s has only the fields %s"), what, allowed_list);
          path_pop (c->path, mark);
          return FALSE;
        }
    }

  return TRUE;
}

/* Looks up @key; *node is NULL when absent.  Returns FALSE (with the error
 * set) when a required member is missing. */
static gboolean
member (Ctx         *c,
        JsonObject  *obj,
        const char  *key,
        gboolean     required,
        JsonNode   **node)
{
  *node = json_object_has_member (obj, key) ? json_object_get_member (obj, key) : NULL;

  if (*node == NULL && required)
    {
      gsize mark = path_push_key (c->path, key);

      fail (c->error, MP_JSON_ERROR_INVALID, c->path->str, _("required field is missing"));
      path_pop (c->path, mark);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_length (GError     **error,
              const char  *path,
              const char  *s,
              int          max_chars)
{
  glong n;

  if (s == NULL)
    return TRUE;

  n = g_utf8_strlen (s, -1);
  if (n > max_chars)
    return fail (error, MP_JSON_ERROR_TOO_LARGE, path,
                 /* TRANSLATORS: "a text of 1001 characters is too long; this field holds at most 1000" */
                 _("a text of %ld characters is too long; this field holds at most %d characters"),
                 n, max_chars);

  return TRUE;
}

/* A string member.  @nullable: JSON null (and absence) give NULL. */
static gboolean
read_string (Ctx         *c,
             JsonObject  *obj,
             const char  *key,
             gboolean     required,
             gboolean     nullable,
             int          max_chars,
             char       **out)
{
  JsonNode *node;
  gsize mark;
  gboolean ok = TRUE;

  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (out, g_free);
    }
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ok = type_error (c, node, nullable ? _("a string or null") : _("a string"));
    }
  else
    {
      const char *s = json_node_get_string (node);

      ok = check_length (c->error, c->path->str, s, max_chars);
      if (ok)
        {
          g_free (*out);
          *out = g_strdup (s);
        }
    }
  path_pop (c->path, mark);

  return ok;
}

static gboolean
read_bool (Ctx        *c,
           JsonObject *obj,
           const char *key,
           gboolean    required,
           gboolean   *out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    ok = type_error (c, node, _("true or false"));
  else
    *out = json_node_get_boolean (node);
  path_pop (c->path, mark);

  return ok;
}

/* A number node at the current path (already pushed). */
static gboolean
node_double (Ctx      *c,
             JsonNode *node,
             double   *out)
{
  double v;

  if (!node_is_number (node))
    return type_error (c, node, _("a number"));

  v = node_number (node);
  if (!isfinite (v))
    {
      g_autofree char *n = dup_number (v);
      return fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                   _("%s is not a finite number; every number must be finite"), n);
    }

  *out = v;
  return TRUE;
}

static gboolean
read_double (Ctx        *c,
             JsonObject *obj,
             const char *key,
             gboolean    required,
             double     *out)
{
  JsonNode *node;
  gboolean ok;
  gsize mark;

  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  ok = node_double (c, node, out);
  path_pop (c->path, mark);

  return ok;
}

/* ---- Rules ---------------------------------------------------------------- */

/* A numeric rule: what the value is, and its closed range. */
typedef struct
{
  const char *what;     /* N_() */
  double      min;
  double      max;
  gboolean    min_exclusive;
} Rule;

static const Rule RULE_START_YEAR   = { N_("the start year"), 2000, 2100, FALSE };
static const Rule RULE_HORIZON      = { N_("the horizon in years"), 1, MP_JSON_MAX_HORIZON, FALSE };
static const Rule RULE_DRAWS        = { N_("the number of Monte Carlo draws"), 0, MP_JSON_MAX_DRAWS, FALSE };
static const Rule RULE_SEED         = { N_("the Monte Carlo seed"), 0, MAX_SEED, FALSE };
static const Rule RULE_QUOTA        = { N_("the annual quota"), 0, MP_JSON_MAX_QUOTA, FALSE };
static const Rule RULE_INTAKE_YEARS = { N_("the number of intake years"), 0, MP_JSON_MAX_HORIZON, FALSE };
static const Rule RULE_MONTHS       = { N_("the months per stay"), 1, 12, FALSE };
static const Rule RULE_STAYS        = { N_("the stays per participant"), 1, MP_JSON_MAX_HORIZON, FALSE };
static const Rule RULE_TRAINING     = { N_("the pre-departure training in months"), 0, 60, FALSE };
static const Rule RULE_HOME_RATIO   = { N_("the home-track trainees per mobile participant"), 0, 100, FALSE };
static const Rule RULE_COST         = { N_("the cost per participant in euros"), 0, 10000000, FALSE };
static const Rule RULE_SHARE        = { N_("the employer share"), 0, 1, FALSE };
static const Rule RULE_FEES         = { N_("the recruitment fees in euros"), 0, 10000000, FALSE };
static const Rule RULE_AMOUNT       = { N_("the amount of an offer"), 0, 1e12, FALSE };
static const Rule RULE_VISA         = { N_("the visa facilitation level"), 0, 3, FALSE };
static const Rule RULE_JOBS         = { N_("the jobs created"), 0, 10000000, FALSE };
static const Rule RULE_RETURNS      = { N_("the expected extra returns a year"), 0, 10000000, FALSE };
static const Rule RULE_LEVEL        = { N_("the agreed level"), 0, 3, FALSE };
static const Rule RULE_EXTRA_QUOTA  = { N_("the extra quota"), 0, MP_JSON_MAX_QUOTA, FALSE };
static const Rule RULE_WEIGHT       = { N_("a weight"), 0, 5, FALSE };
static const Rule RULE_SCALE        = { N_("a reference scale"), 0, 1e15, TRUE };
static const Rule RULE_EQF          = { N_("the EQF level"), 1, 8, FALSE };
static const Rule RULE_VALUE_YEAR   = { N_("the year of a value"), 1900, 2100, FALSE };
static const Rule RULE_VACANCIES    = { N_("the number of vacancies"), 0, 1e8, FALSE };
static const Rule RULE_WAGE         = { N_("the monthly wage in euros"), 0, 1e6, FALSE };
static const Rule RULE_VERSION      = { N_("the format version"), 1, 1, FALSE };

static gboolean
check_rule (GError     **error,
            const char  *path,
            double       v,
            const Rule  *rule)
{
  g_autofree char *value = dup_number (v);
  g_autofree char *min = dup_number (rule->min);
  g_autofree char *max = dup_number (rule->max);

  if (!isfinite (v))
    return fail (error, MP_JSON_ERROR_INVALID, path,
                 _("%s is not a finite number; every number must be finite"), value);

  if (rule->min_exclusive && !(v > rule->min && v <= rule->max))
    return fail (error, MP_JSON_ERROR_INVALID, path,
                 /* TRANSLATORS: "0 is out of range; a reference scale must be greater than 0 and at most 1e+15" */
                 _("%s is out of range; %s must be greater than %s and at most %s"),
                 value, _(rule->what), min, max);

  if (!rule->min_exclusive && !(v >= rule->min && v <= rule->max))
    {
      if (rule->min == rule->max)
        return fail (error, MP_JSON_ERROR_INVALID, path,
                     _("%s is not supported; %s must be %s"), value, _(rule->what), min);
      return fail (error, MP_JSON_ERROR_INVALID, path,
                   /* TRANSLATORS: "13 is out of range; the months per stay must be between 1 and 12" */
                   _("%s is out of range; %s must be between %s and %s"),
                   value, _(rule->what), min, max);
    }

  return TRUE;
}

static gboolean
check_rule_key (GError     **error,
                GString     *path,
                const char  *key,
                double       v,
                const Rule  *rule)
{
  gsize mark = path_push_key (path, key);
  gboolean ok = check_rule (error, path->str, v, rule);

  path_pop (path, mark);
  return ok;
}

static gboolean
check_whole (GError     **error,
             const char  *path,
             double       v,
             const Rule  *rule)
{
  if (v != floor (v))
    {
      g_autofree char *value = dup_number (v);
      return fail (error, MP_JSON_ERROR_INVALID, path,
                   _("%s is not a whole number; %s must be a whole number"),
                   value, _(rule->what));
    }

  return TRUE;
}

/* An integer member: a JSON integer (or a number with no fraction) within
 * @rule, checked here so that the conversion to int is safe. */
static gboolean
read_int (Ctx        *c,
          JsonObject *obj,
          const char *key,
          gboolean    required,
          const Rule *rule,
          int        *out)
{
  JsonNode *node;
  double v = 0;
  gboolean ok;
  gsize mark;

  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  ok = node_is_number (node) ? TRUE : type_error (c, node, _("a whole number"));
  if (ok)
    {
      v = node_number (node);
      ok = check_whole (c->error, c->path->str, v, rule) &&
           check_rule (c->error, c->path->str, v, rule);
    }
  if (ok)
    *out = (int) v;
  path_pop (c->path, mark);

  return ok;
}

static gboolean
read_enum (Ctx         *c,
           JsonObject  *obj,
           const char  *key,
           gboolean     required,
           gboolean   (*from_string) (const char *, int *),
           const char *(*to_string) (int),
           int          n,
           const char  *what,
           int         *out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    ok = type_error (c, node, _("a string"));
  else if (!from_string (json_node_get_string (node), out))
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *q = dup_quoted (json_node_get_string (node));

      for (int i = 0; i < n; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", to_string (i));
      ok = fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                 /* TRANSLATORS: "“farm” is not a known scheme kind; expected one of: …" */
                 _("%s is not a known %s; expected one of: %s"), q, what, ids->str);
    }
  path_pop (c->path, mark);

  return ok;
}

/* Adapters so that every enum goes through read_enum(). */
#define ENUM_ADAPTERS(prefix, Type)                                     \
  static gboolean prefix##_from_int (const char *s, int *out)           \
  {                                                                     \
    Type v;                                                             \
    if (!prefix##_from_string (s, &v))                                  \
      return FALSE;                                                     \
    *out = (int) v;                                                     \
    return TRUE;                                                        \
  }                                                                     \
  static const char *prefix##_to_int (int v)                            \
  {                                                                     \
    return prefix##_to_string ((Type) v);                               \
  }

ENUM_ADAPTERS (mp_scheme_kind, MpSchemeKind)
ENUM_ADAPTERS (mp_offer_kind, MpOfferKind)
ENUM_ADAPTERS (mp_ask_kind, MpAskKind)
ENUM_ADAPTERS (mp_risk, MpRisk)
ENUM_ADAPTERS (mp_demand, MpDemand)

/* An array member: returns NULL (not an error) when absent and not required. */
static gboolean
read_array (Ctx         *c,
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
  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    ok = type_error (c, node, _("an array"));
  else if (json_array_get_length (json_node_get_array (node)) > max)
    ok = fail (c->error, MP_JSON_ERROR_TOO_LARGE, c->path->str,
               /* TRANSLATORS: "10001 entries are too many; schemes of a package are limited to 10000" */
               _("%u entries are too many; %s are limited to %u"),
               json_array_get_length (json_node_get_array (node)), what, max);
  else
    *out = json_node_get_array (node);
  path_pop (c->path, mark);

  return ok;
}

static gboolean
read_object (Ctx         *c,
             JsonObject  *obj,
             const char  *key,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  *out = NULL;
  if (!member (c, obj, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    ok = type_error (c, node, _("an object"));
  else
    *out = json_node_get_object (node);
  path_pop (c->path, mark);

  return ok;
}

/* The element at @i of @array, which must be an object; pushes the index. */
static JsonObject *
element_object (Ctx       *c,
                JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (c, node, _("an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A list of strings (ISO codes, memberships…) into a NULL-terminated vector. */
static gboolean
read_strv (Ctx          *c,
           JsonObject   *obj,
           const char   *key,
           gboolean      required,
           guint         max,
           const char   *what,
           int           max_chars,
           char       ***out)
{
  JsonArray *array;
  GPtrArray *v;

  if (!read_array (c, obj, key, required, max, what, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  v = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize mark = path_push_key (c->path, key);

      path_push_index (c->path, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          type_error (c, node, _("a string"));
          path_pop (c->path, mark);
          g_ptr_array_unref (v);
          return FALSE;
        }
      if (!check_length (c->error, c->path->str, json_node_get_string (node), max_chars))
        {
          path_pop (c->path, mark);
          g_ptr_array_unref (v);
          return FALSE;
        }
      path_pop (c->path, mark);
      g_ptr_array_add (v, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_add (v, NULL);

  g_strfreev (*out);
  *out = (char **) g_ptr_array_free (v, FALSE);

  return TRUE;
}

/* ---- Reading entities ----------------------------------------------------- */

static const char * const value_fields[] = { "value", "year", "source", NULL };

/* {"value": number|null, "year": int, "source": string|null} */
static gboolean
read_value (Ctx        *c,
            JsonObject *obj,
            const char *key,
            MpValue    *out)
{
  JsonObject *vo;
  JsonNode *node;
  double value = NAN;
  int year = 0;
  g_autofree char *source = NULL;
  gsize mark;
  gboolean ok;

  if (!read_object (c, obj, key, FALSE, &vo))
    return FALSE;
  if (vo == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  ok = check_fields (c, vo, value_fields, _("a sourced value"));
  if (ok)
    {
      ok = member (c, vo, "value", TRUE, &node);
      if (ok && !JSON_NODE_HOLDS_NULL (node))
        ok = read_double (c, vo, "value", TRUE, &value);
    }
  ok = ok && read_int (c, vo, "year", !isnan (value), &RULE_VALUE_YEAR, &year);
  ok = ok && read_string (c, vo, "source", FALSE, TRUE, MP_JSON_MAX_TEXT, &source);
  if (ok && isnan (value) && json_object_has_member (vo, "year"))
    {
      gsize m2 = path_push_key (c->path, "year");
      ok = fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                 _("a missing value (null) has no year; leave the year out"));
      path_pop (c->path, m2);
    }
  path_pop (c->path, mark);

  if (ok)
    mp_value_set (out, value, year, source);

  return ok;
}

static const char * const profile_fields[] = { "weights", "scales", "rationale", NULL };

/* An object keyed by interest id. */
static gboolean
read_interest_map (Ctx        *c,
                   JsonObject *obj,
                   const char *key,
                   const Rule *rule,
                   double      values[MP_N_INTERESTS])
{
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!read_object (c, obj, key, FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = path_push_key (c->path, key);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      MpInterest i;
      const char *name = l->data;
      gsize m2 = path_push_key (c->path, name);
      double v;

      if (!mp_interest_from_string (name, &i))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int k = 0; k < MP_N_INTERESTS; k++)
            g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", mp_interest_to_string (k));
          fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                _("unknown field; the interests are %s"), ids->str);
          path_pop (c->path, mark);
          return FALSE;
        }
      path_pop (c->path, m2);

      if (!read_double (c, map, name, TRUE, &v))
        {
          path_pop (c->path, mark);
          return FALSE;
        }
      if (!check_rule_key (c->error, c->path, name, v, rule))
        {
          path_pop (c->path, mark);
          return FALSE;
        }
      values[i] = v;
    }
  path_pop (c->path, mark);

  return TRUE;
}

static const char * const partner_fields[] = {
  "iso3", "name", "region", "memberships", "frameworks", "combiland", "excluded",
  "excluded_reason", "who_ssl", "who_ssl_source", "risk_override", "risk_override_reason",
  "indicators", "interest_profile", NULL
};

static MpPartner *
read_partner (Ctx        *c,
              JsonObject *obj)
{
  g_autoptr(MpPartner) p = mp_partner_new (NULL, NULL);
  JsonObject *ind;
  JsonObject *profile;
  JsonNode *node;

  if (!check_fields (c, obj, partner_fields, _("a partner")))
    return NULL;

  if (!read_string (c, obj, "iso3", TRUE, FALSE, MP_JSON_MAX_NAME, &p->iso3) ||
      !read_string (c, obj, "name", TRUE, FALSE, MP_JSON_MAX_NAME, &p->name) ||
      !read_string (c, obj, "region", FALSE, TRUE, MP_JSON_MAX_NAME, &p->region) ||
      !read_strv (c, obj, "memberships", FALSE, 100, _("memberships"), MP_JSON_MAX_NAME,
                  &p->memberships) ||
      !read_strv (c, obj, "frameworks", FALSE, 100, _("frameworks"), MP_JSON_MAX_NAME,
                  &p->frameworks) ||
      !read_bool (c, obj, "combiland", FALSE, &p->combiland) ||
      !read_bool (c, obj, "excluded", FALSE, &p->excluded) ||
      !read_string (c, obj, "excluded_reason", FALSE, TRUE, MP_JSON_MAX_TEXT, &p->excluded_reason) ||
      !read_bool (c, obj, "who_ssl", FALSE, &p->who_ssl) ||
      !read_string (c, obj, "who_ssl_source", FALSE, TRUE, MP_JSON_MAX_TEXT, &p->who_ssl_source) ||
      !read_string (c, obj, "risk_override_reason", FALSE, TRUE, MP_JSON_MAX_TEXT,
                    &p->risk_override_reason))
    return NULL;

  if (!member (c, obj, "risk_override", FALSE, &node))
    return NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      int r;

      if (!read_enum (c, obj, "risk_override", TRUE, mp_risk_from_int, mp_risk_to_int,
                      MP_N_RISK, _("risk class"), &r))
        return NULL;
      p->has_risk_override = TRUE;
      p->risk_override = r;
    }

  if (!read_object (c, obj, "indicators", FALSE, &ind))
    return NULL;
  if (ind != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (ind);
      gsize mark = path_push_key (c->path, "indicators");

      for (GList *l = members; l != NULL; l = l->next)
        {
          MpIndicator i;

          if (!mp_indicator_from_string (l->data, &i))
            {
              g_autoptr(GString) ids = g_string_new (NULL);
              gsize m2 = path_push_key (c->path, l->data);

              for (int k = 0; k < MP_N_INDICATORS; k++)
                g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", mp_indicator_to_string (k));
              fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                    _("unknown field; the indicators are %s"), ids->str);
              path_pop (c->path, m2);
              path_pop (c->path, mark);
              return NULL;
            }
          if (!read_value (c, ind, l->data, &p->ind[i]))
            {
              path_pop (c->path, mark);
              return NULL;
            }
        }
      path_pop (c->path, mark);
    }

  if (!read_object (c, obj, "interest_profile", FALSE, &profile))
    return NULL;
  if (profile != NULL)
    {
      gsize mark = path_push_key (c->path, "interest_profile");
      gboolean ok;

      ok = check_fields (c, profile, profile_fields, _("an interest profile")) &&
           read_interest_map (c, profile, "weights", &RULE_WEIGHT, p->profile.weights) &&
           read_interest_map (c, profile, "scales", &RULE_SCALE, p->profile.scales) &&
           read_string (c, profile, "rationale", FALSE, TRUE, MP_JSON_MAX_TEXT,
                        &p->profile.rationale);
      path_pop (c->path, mark);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&p);
}

static const char * const sector_fields[] = {
  "code", "name", "sbi", "eqf", "demand", "health", "vacancies", "wage_month", NULL
};

static MpSector *
read_sector (Ctx        *c,
             JsonObject *obj)
{
  MpSector *s = mp_sector_new (NULL, NULL);
  int demand = s->demand;

  if (!check_fields (c, obj, sector_fields, _("a sector")) ||
      !read_string (c, obj, "code", TRUE, FALSE, MP_JSON_MAX_NAME, &s->code) ||
      !read_string (c, obj, "name", TRUE, FALSE, MP_JSON_MAX_NAME, &s->name) ||
      !read_string (c, obj, "sbi", FALSE, TRUE, MP_JSON_MAX_NAME, &s->sbi) ||
      !read_int (c, obj, "eqf", FALSE, &RULE_EQF, &s->eqf) ||
      !read_enum (c, obj, "demand", FALSE, mp_demand_from_int, mp_demand_to_int, MP_N_DEMAND,
                  _("demand type"), &demand) ||
      !read_bool (c, obj, "health", FALSE, &s->health) ||
      !read_value (c, obj, "vacancies", &s->vacancies) ||
      !read_value (c, obj, "wage_month", &s->wage_month))
    {
      mp_sector_free (s);
      return NULL;
    }
  s->demand = demand;

  return s;
}

static const char * const scheme_fields[] = {
  "name", "kind", "partner", "sector", "quota", "first_year", "intake_years", "months",
  "stays", "mandatory_return", "training_months", "home_track_ratio", "cost_per_participant",
  "employer_share", "recruitment_fees", "language_support", "complaints_channel",
  "reintegration_support", "g2g_health_support", "return_incentives", NULL
};

static MpScheme *
read_scheme (Ctx        *c,
             JsonObject *obj)
{
  MpScheme *s = mp_scheme_new ();
  int kind = s->kind;

  if (!check_fields (c, obj, scheme_fields, _("a scheme")) ||
      !read_string (c, obj, "name", TRUE, FALSE, MP_JSON_MAX_NAME, &s->name) ||
      !read_enum (c, obj, "kind", TRUE, mp_scheme_kind_from_int, mp_scheme_kind_to_int,
                  MP_N_SCHEME_KINDS, _("scheme kind"), &kind) ||
      !read_string (c, obj, "partner", TRUE, FALSE, MP_JSON_MAX_NAME, &s->partner) ||
      !read_string (c, obj, "sector", TRUE, FALSE, MP_JSON_MAX_NAME, &s->sector) ||
      !read_double (c, obj, "quota", TRUE, &s->quota) ||
      !read_int (c, obj, "first_year", TRUE, &RULE_START_YEAR, &s->first_year) ||
      !read_int (c, obj, "intake_years", TRUE, &RULE_INTAKE_YEARS, &s->intake_years) ||
      !read_int (c, obj, "months", TRUE, &RULE_MONTHS, &s->months) ||
      !read_int (c, obj, "stays", TRUE, &RULE_STAYS, &s->stays) ||
      !read_bool (c, obj, "mandatory_return", FALSE, &s->mandatory_return) ||
      !read_double (c, obj, "training_months", FALSE, &s->training_months) ||
      !read_double (c, obj, "home_track_ratio", FALSE, &s->home_track_ratio) ||
      !read_double (c, obj, "cost_per_participant", FALSE, &s->cost_per_participant) ||
      !read_double (c, obj, "employer_share", FALSE, &s->employer_share) ||
      !read_double (c, obj, "recruitment_fees", FALSE, &s->recruitment_fees) ||
      !read_bool (c, obj, "language_support", FALSE, &s->language_support) ||
      !read_bool (c, obj, "complaints_channel", FALSE, &s->complaints_channel) ||
      !read_bool (c, obj, "reintegration_support", FALSE, &s->reintegration_support) ||
      !read_bool (c, obj, "g2g_health_support", FALSE, &s->g2g_health_support) ||
      !read_bool (c, obj, "return_incentives", FALSE, &s->return_incentives))
    {
      mp_scheme_free (s);
      return NULL;
    }
  s->kind = kind;

  return s;
}

static const char * const offer_fields[] = {
  "kind", "partner", "sector", "amount", "jobs", "note", NULL
};

static MpOffer *
read_offer (Ctx        *c,
            JsonObject *obj)
{
  MpOffer *o = mp_offer_new ();
  int kind = o->kind;

  if (!check_fields (c, obj, offer_fields, _("an offer")) ||
      !read_enum (c, obj, "kind", TRUE, mp_offer_kind_from_int, mp_offer_kind_to_int,
                  MP_N_OFFER_KINDS, _("offer kind"), &kind) ||
      !read_string (c, obj, "partner", TRUE, FALSE, MP_JSON_MAX_NAME, &o->partner) ||
      !read_string (c, obj, "sector", FALSE, TRUE, MP_JSON_MAX_NAME, &o->sector) ||
      !read_double (c, obj, "amount", TRUE, &o->amount) ||
      !read_double (c, obj, "jobs", FALSE, &o->jobs) ||
      !read_string (c, obj, "note", FALSE, TRUE, MP_JSON_MAX_TEXT, &o->note))
    {
      mp_offer_free (o);
      return NULL;
    }
  o->kind = kind;

  return o;
}

static const char * const ask_fields[] = {
  "kind", "partner", "returns_low", "returns_mode", "returns_high", "level", "note", NULL
};

static MpAsk *
read_ask (Ctx        *c,
          JsonObject *obj)
{
  MpAsk *a = mp_ask_new ();
  int kind = a->kind;

  if (!check_fields (c, obj, ask_fields, _("an ask")) ||
      !read_enum (c, obj, "kind", TRUE, mp_ask_kind_from_int, mp_ask_kind_to_int,
                  MP_N_ASK_KINDS, _("ask kind"), &kind) ||
      !read_string (c, obj, "partner", TRUE, FALSE, MP_JSON_MAX_NAME, &a->partner) ||
      !read_double (c, obj, "returns_low", FALSE, &a->returns_low) ||
      !read_double (c, obj, "returns_mode", FALSE, &a->returns_mode) ||
      !read_double (c, obj, "returns_high", FALSE, &a->returns_high) ||
      !read_int (c, obj, "level", FALSE, &RULE_LEVEL, &a->level) ||
      !read_string (c, obj, "note", FALSE, TRUE, MP_JSON_MAX_TEXT, &a->note))
    {
      mp_ask_free (a);
      return NULL;
    }
  a->kind = kind;

  return a;
}

static const char * const tranche_fields[] = {
  "label", "scheme", "release_year", "extra_quota", "condition", NULL
};

static MpTranche *
read_tranche (Ctx        *c,
              JsonObject *obj)
{
  MpTranche *t = mp_tranche_new ();
  int condition = t->condition;

  if (!check_fields (c, obj, tranche_fields, _("a tranche")) ||
      !read_string (c, obj, "label", TRUE, FALSE, MP_JSON_MAX_NAME, &t->label) ||
      !read_string (c, obj, "scheme", TRUE, FALSE, MP_JSON_MAX_NAME, &t->scheme) ||
      !read_int (c, obj, "release_year", TRUE, &RULE_START_YEAR, &t->release_year) ||
      !read_double (c, obj, "extra_quota", TRUE, &t->extra_quota) ||
      !read_enum (c, obj, "condition", TRUE, mp_ask_kind_from_int, mp_ask_kind_to_int,
                  MP_N_ASK_KINDS, _("ask kind"), &condition))
    {
      mp_tranche_free (t);
      return NULL;
    }
  t->condition = condition;

  return t;
}

static const char * const range_fields[] = { "low", "mode", "high", NULL };

static gboolean
read_assumptions (Ctx        *c,
                  JsonObject *obj,
                  MpPackage  *p)
{
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!read_object (c, obj, "assumptions", FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = path_push_key (c->path, "assumptions");
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonObject *ro;
      double low = NAN, mode = NAN, high = NAN;
      gsize m2;
      gboolean ok;

      if (mp_assumption_lookup (key) == NULL)
        {
          g_autofree char *keys = g_strjoinv (", ", (char **) mp_assumption_keys ());

          m2 = path_push_key (c->path, key);
          fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                _("unknown assumption; the assumptions are %s"), keys);
          path_pop (c->path, mark);
          return FALSE;
        }

      if (!read_object (c, map, key, TRUE, &ro))
        {
          path_pop (c->path, mark);
          return FALSE;
        }

      m2 = path_push_key (c->path, key);
      ok = check_fields (c, ro, range_fields, _("an assumption range")) &&
           read_double (c, ro, "low", TRUE, &low) &&
           read_double (c, ro, "mode", TRUE, &mode) &&
           read_double (c, ro, "high", TRUE, &high);
      path_pop (c->path, m2);
      if (!ok)
        {
          path_pop (c->path, mark);
          return FALSE;
        }

      g_ptr_array_add (p->assumptions, mp_assumption_new (key, low, mode, high));
    }
  path_pop (c->path, mark);

  return TRUE;
}

static gboolean
read_nl_weights (Ctx        *c,
                 JsonObject *obj,
                 MpPackage  *p)
{
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!read_object (c, obj, "nl_weights", FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = path_push_key (c->path, "nl_weights");
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      MpNlComponent k;

      if (!mp_nl_component_from_string (l->data, &k))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
            g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", mp_nl_component_to_string (i));
          path_push_key (c->path, l->data);
          fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                _("unknown field; the NL benefit components are %s"), ids->str);
          path_pop (c->path, mark);
          return FALSE;
        }
      if (!read_double (c, map, l->data, TRUE, &p->nl_weights[k]))
        {
          path_pop (c->path, mark);
          return FALSE;
        }
    }
  path_pop (c->path, mark);

  return TRUE;
}

/* Reads a list member of the package with @read_one for each element. */
static gboolean
read_list (Ctx          *c,
           JsonObject   *obj,
           const char   *key,
           const char   *what,
           gpointer    (*read_one) (Ctx *, JsonObject *),
           GPtrArray    *into)
{
  JsonArray *array;

  if (!read_array (c, obj, key, FALSE, MP_JSON_MAX_ITEMS, what, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gsize mark = path_push_key (c->path, key);
      JsonObject *eo;
      gpointer item = NULL;

      path_push_index (c->path, i);
      eo = element_object (c, array, i);
      if (eo != NULL)
        item = read_one (c, eo);
      path_pop (c->path, mark);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
    }

  return TRUE;
}

static const char * const package_fields[] = {
  "format", "version", "name", "description", "partners", "start_year", "horizon", "schemes",
  "offers", "asks", "tranches", "assumptions", "interest_weights", "interest_scales",
  "nl_weights", "draws", "seed", NULL
};

static gboolean
read_seed (Ctx        *c,
           JsonObject *obj,
           guint64    *out)
{
  JsonNode *node;
  gboolean ok = TRUE;
  gsize mark;

  if (!member (c, obj, "seed", FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = path_push_key (c->path, "seed");
  if (!node_is_number (node))
    ok = type_error (c, node, _("a whole number"));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);

      if (v < 0)
        {
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, v);
          ok = fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                     _("%s is out of range; %s must be between %s and %s"),
                     n, _(RULE_SEED.what), "0", "9223372036854775807");
        }
      else
        *out = (guint64) v;
    }
  else
    {
      double v = json_node_get_double (node);

      ok = check_whole (c->error, c->path->str, v, &RULE_SEED);
      if (ok && !(v >= 0 && v <= MAX_SEED))
        {
          g_autofree char *n = dup_number (v);
          ok = fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                     _("%s is out of range; %s must be between %s and %s"),
                     n, _(RULE_SEED.what), "0", "9223372036854775807");
        }
      /* A double this large is above 2^53: refuse rather than round. */
      if (ok && v > 9007199254740992.0)
        {
          g_autofree char *n = dup_number (v);
          ok = fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                     _("%s cannot be stored exactly; write the seed as an integer without an "
                       "exponent or decimal point"), n);
        }
      if (ok)
        *out = (guint64) v;
    }
  path_pop (c->path, mark);

  return ok;
}

static gpointer
read_scheme_cb (Ctx        *c,
                JsonObject *o)
{
  return read_scheme (c, o);
}

static gpointer
read_offer_cb (Ctx        *c,
               JsonObject *o)
{
  return read_offer (c, o);
}

static gpointer
read_ask_cb (Ctx        *c,
             JsonObject *o)
{
  return read_ask (c, o);
}

static gpointer
read_tranche_cb (Ctx        *c,
                 JsonObject *o)
{
  return read_tranche (c, o);
}

/* @top_level: format and version members are allowed (single-package file). */
static MpPackage *
read_package (Ctx        *c,
              JsonObject *obj,
              gboolean    top_level)
{
  g_autoptr(MpPackage) p = mp_package_new (NULL);
  int draws = (int) p->draws;

  if (!check_fields (c, obj, top_level ? package_fields : package_fields + 2, _("a package")))
    return NULL;

  if (!read_string (c, obj, "name", TRUE, FALSE, MP_JSON_MAX_NAME, &p->name) ||
      !read_string (c, obj, "description", FALSE, TRUE, MP_JSON_MAX_TEXT, &p->description) ||
      !read_strv (c, obj, "partners", TRUE, MP_JSON_MAX_PARTNERS, _("the partners of a package"),
                  MP_JSON_MAX_NAME, &p->partners) ||
      !read_int (c, obj, "start_year", FALSE, &RULE_START_YEAR, &p->start_year) ||
      !read_int (c, obj, "horizon", FALSE, &RULE_HORIZON, &p->horizon) ||
      !read_list (c, obj, "schemes", _("the schemes of a package"), read_scheme_cb, p->schemes) ||
      !read_list (c, obj, "offers", _("the offers of a package"), read_offer_cb, p->offers) ||
      !read_list (c, obj, "asks", _("the asks of a package"), read_ask_cb, p->asks) ||
      !read_list (c, obj, "tranches", _("the tranches of a package"), read_tranche_cb, p->tranches) ||
      !read_assumptions (c, obj, p) ||
      !read_interest_map (c, obj, "interest_weights", &RULE_WEIGHT, p->interest_weights) ||
      !read_interest_map (c, obj, "interest_scales", &RULE_SCALE, p->interest_scales) ||
      !read_nl_weights (c, obj, p) ||
      !read_int (c, obj, "draws", FALSE, &RULE_DRAWS, &draws) ||
      !read_seed (c, obj, &p->seed))
    return NULL;
  p->draws = (guint) draws;

  return g_steal_pointer (&p);
}

/* ---- Pass 3: validation on the structs -------------------------------------- */

static gboolean
check_name (GError     **error,
            GString     *path,
            const char  *key,
            const char  *s,
            const char  *what)
{
  gsize mark = path_push_key (path, key);
  gboolean ok = TRUE;

  if (s == NULL)
    ok = fail (error, MP_JSON_ERROR_INVALID, path->str,
               _("%s is missing; %s must not be empty"), "null", what);
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (s));

      if (stripped[0] == '\0')
        {
          g_autofree char *q = dup_quoted (s);
          ok = fail (error, MP_JSON_ERROR_INVALID, path->str,
                     /* TRANSLATORS: "“” is empty; the name of a scheme must not be empty" */
                     _("%s is empty; %s must not be empty"), q, what);
        }
      else
        ok = check_length (error, path->str, s, MP_JSON_MAX_NAME);
    }
  path_pop (path, mark);

  return ok;
}

static gboolean
check_text (GError     **error,
            GString     *path,
            const char  *key,
            const char  *s,
            int          max_chars)
{
  gsize mark = path_push_key (path, key);
  gboolean ok = check_length (error, path->str, s, max_chars);

  path_pop (path, mark);
  return ok;
}

static gboolean
check_iso3 (GError     **error,
            const char  *path,
            const char  *code)
{
  gboolean ok = code != NULL && strlen (code) == 3;

  for (int i = 0; ok && i < 3; i++)
    ok = g_ascii_isupper (code[i]);

  if (!ok)
    {
      g_autofree char *q = dup_quoted (code);
      return fail (error, MP_JSON_ERROR_INVALID, path,
                   _("%s is not a partner code; partners are named by their ISO 3166-1 "
                     "alpha-3 code in capitals, such as “MAR”"), q);
    }

  return TRUE;
}

static gboolean
check_sector_code (GError     **error,
                   const char  *path,
                   const char  *code)
{
  gboolean ok = code != NULL && code[0] != '\0' && strlen (code) <= 64;

  for (const char *p = code; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_';

  if (!ok)
    {
      g_autofree char *q = dup_quoted (code);
      return fail (error, MP_JSON_ERROR_INVALID, path,
                   _("%s is not a sector code; sector codes are 1 to 64 lower-case letters, "
                     "digits and underscores, such as “health_social_care”"), q);
    }

  return TRUE;
}

static gboolean
check_value (GError        **error,
             GString        *path,
             const char     *key,
             const MpValue  *v,
             const Rule     *rule)
{
  gsize mark = path_push_key (path, key);
  gboolean ok = TRUE;

  if (!isnan (v->value))
    {
      ok = check_rule_key (error, path, "value", v->value, rule ? rule : &(Rule) {
                             N_("a value"), -G_MAXDOUBLE, G_MAXDOUBLE, FALSE }) &&
           check_rule_key (error, path, "year", v->year, &RULE_VALUE_YEAR);
    }
  ok = ok && check_text (error, path, "source", v->source, MP_JSON_MAX_TEXT);
  path_pop (path, mark);

  return ok;
}

static gboolean
validate_partner (const MpPartner  *p,
                  GString          *path,
                  GError          **error)
{
  gsize mark;

  mark = path_push_key (path, "iso3");
  if (!check_iso3 (error, path->str, p->iso3))
    return FALSE;
  path_pop (path, mark);

  if (!check_name (error, path, "name", p->name, _("the name of a partner")) ||
      !check_text (error, path, "region", p->region, MP_JSON_MAX_NAME) ||
      !check_text (error, path, "excluded_reason", p->excluded_reason, MP_JSON_MAX_TEXT) ||
      !check_text (error, path, "who_ssl_source", p->who_ssl_source, MP_JSON_MAX_TEXT) ||
      !check_text (error, path, "risk_override_reason", p->risk_override_reason, MP_JSON_MAX_TEXT))
    return FALSE;

  if (p->has_risk_override && ((int) p->risk_override < 0 || p->risk_override >= MP_N_RISK))
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the risk override is not a risk class"));

  mark = path_push_key (path, "indicators");
  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      Rule rule = { N_("an indicator value"), -G_MAXDOUBLE, G_MAXDOUBLE, FALSE };

      /* The same domain as the CSV import of indicator values. */
      mp_indicator_range (i, &rule.min, &rule.max);
      if (!check_value (error, path, mp_indicator_to_string (i), &p->ind[i], &rule))
        return FALSE;
    }
  path_pop (path, mark);

  mark = path_push_key (path, "interest_profile");
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      gsize m2 = path_push_key (path, "weights");

      if (!check_rule_key (error, path, mp_interest_to_string (i), p->profile.weights[i],
                           &RULE_WEIGHT))
        return FALSE;
      path_pop (path, m2);

      m2 = path_push_key (path, "scales");
      if (!isnan (p->profile.scales[i]) &&
          !check_rule_key (error, path, mp_interest_to_string (i), p->profile.scales[i],
                           &RULE_SCALE))
        return FALSE;
      path_pop (path, m2);
    }
  if (!check_text (error, path, "rationale", p->profile.rationale, MP_JSON_MAX_TEXT))
    return FALSE;
  path_pop (path, mark);

  return TRUE;
}

static gboolean
validate_sector (const MpSector  *s,
                 GString         *path,
                 GError         **error)
{
  gsize mark = path_push_key (path, "code");

  if (!check_sector_code (error, path->str, s->code))
    return FALSE;
  path_pop (path, mark);

  if ((int) s->demand < 0 || s->demand >= MP_N_DEMAND)
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the demand is not a demand type"));

  return check_name (error, path, "name", s->name, _("the name of a sector")) &&
         check_text (error, path, "sbi", s->sbi, MP_JSON_MAX_NAME) &&
         check_rule_key (error, path, "eqf", s->eqf, &RULE_EQF) &&
         check_value (error, path, "vacancies", &s->vacancies, &RULE_VACANCIES) &&
         check_value (error, path, "wage_month", &s->wage_month, &RULE_WAGE);
}

static gboolean
validate_reference (const MpReference  *r,
                    GString            *path,
                    GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < r->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (r->partners, i);
      gsize mark = path_push_key (path, "partners");

      path_push_index (path, i);
      if (!validate_partner (p, path, error))
        return FALSE;
      if (!g_hash_table_add (seen, p->iso3))
        {
          g_autofree char *q = dup_quoted (p->iso3);
          path_push_key (path, "iso3");
          return fail (error, MP_JSON_ERROR_INVALID, path->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the partners of a file"));
        }
      path_pop (path, mark);
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < r->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (r->sectors, i);
      gsize mark = path_push_key (path, "sectors");

      path_push_index (path, i);
      if (!validate_sector (s, path, error))
        return FALSE;
      if (!g_hash_table_add (seen, s->code))
        {
          g_autofree char *q = dup_quoted (s->code);
          path_push_key (path, "code");
          return fail (error, MP_JSON_ERROR_INVALID, path->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the sectors of a file"));
        }
      path_pop (path, mark);
    }

  return TRUE;
}

/* A partner code used by a scheme, offer or ask: well formed, one of the
 * package's partners and known to the reference (when there is one). */
static gboolean
check_partner_ref (GError            **error,
                   GString            *path,
                   const char         *code,
                   const MpPackage    *package,
                   const MpReference  *reference)
{
  gsize mark = path_push_key (path, "partner");
  gboolean ok = check_iso3 (error, path->str, code);

  if (ok && !g_strv_contains ((const char * const *) package->partners, code))
    {
      g_autofree char *q = dup_quoted (code);
      g_autofree char *list = g_strjoinv (", ", package->partners);

      ok = fail (error, MP_JSON_ERROR_UNKNOWN_REFERENCE, path->str,
                 _("%s is not one of the package's partners (%s); list it in the package's "
                   "partners first"), q, list);
    }
  path_pop (path, mark);

  return ok;
}

static gboolean
check_sector_ref (GError            **error,
                  GString            *path,
                  const char         *code,
                  const MpReference  *reference)
{
  gsize mark = path_push_key (path, "sector");
  gboolean ok = check_sector_code (error, path->str, code);

  if (ok && reference != NULL && mp_reference_find_sector (reference, code) == NULL)
    {
      g_autofree char *q = dup_quoted (code);

      ok = fail (error, MP_JSON_ERROR_UNKNOWN_REFERENCE, path->str,
                 _("%s is not a known sector; it is neither in the reference data nor among "
                   "the sectors of the file"), q);
    }
  path_pop (path, mark);

  return ok;
}

static gboolean
validate_scheme (const MpScheme     *s,
                 const MpPackage    *package,
                 const MpReference  *reference,
                 GString            *path,
                 GError            **error)
{
  Rule first_year = { N_("the first intake year (within the package horizon)"),
                      package->start_year, package->start_year + package->horizon - 1, FALSE };

  if ((int) s->kind < 0 || s->kind >= MP_N_SCHEME_KINDS)
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the kind is not a scheme kind"));

  return check_name (error, path, "name", s->name, _("the name of a scheme")) &&
         check_partner_ref (error, path, s->partner, package, reference) &&
         check_sector_ref (error, path, s->sector, reference) &&
         check_rule_key (error, path, "quota", s->quota, &RULE_QUOTA) &&
         check_rule_key (error, path, "first_year", s->first_year, &first_year) &&
         check_rule_key (error, path, "intake_years", s->intake_years, &RULE_INTAKE_YEARS) &&
         check_rule_key (error, path, "months", s->months, &RULE_MONTHS) &&
         check_rule_key (error, path, "stays", s->stays, &RULE_STAYS) &&
         check_rule_key (error, path, "training_months", s->training_months, &RULE_TRAINING) &&
         check_rule_key (error, path, "home_track_ratio", s->home_track_ratio, &RULE_HOME_RATIO) &&
         check_rule_key (error, path, "cost_per_participant", s->cost_per_participant, &RULE_COST) &&
         check_rule_key (error, path, "employer_share", s->employer_share, &RULE_SHARE) &&
         check_rule_key (error, path, "recruitment_fees", s->recruitment_fees, &RULE_FEES);
}

static gboolean
validate_offer (const MpOffer      *o,
                const MpPackage    *package,
                const MpReference  *reference,
                GString            *path,
                GError            **error)
{
  const Rule *amount = o->kind == MP_OFFER_VISA ? &RULE_VISA : &RULE_AMOUNT;
  gsize mark;

  if ((int) o->kind < 0 || o->kind >= MP_N_OFFER_KINDS)
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the kind is not an offer kind"));

  if (!check_partner_ref (error, path, o->partner, package, reference))
    return FALSE;
  if (o->sector != NULL && !check_sector_ref (error, path, o->sector, reference))
    return FALSE;

  if (!check_rule_key (error, path, "amount", o->amount, amount))
    return FALSE;
  mark = path_push_key (path, "amount");
  if (o->kind == MP_OFFER_VISA && !check_whole (error, path->str, o->amount, amount))
    return FALSE;
  path_pop (path, mark);

  return check_rule_key (error, path, "jobs", o->jobs, &RULE_JOBS) &&
         check_text (error, path, "note", o->note, MP_JSON_MAX_TEXT);
}

/* low ≤ mode ≤ high, reported at @path. */
static gboolean
check_order (GError     **error,
             const char  *path,
             double       low,
             double       mode,
             double       high)
{
  if (!(low <= mode && mode <= high))
    {
      g_autofree char *l = dup_number (low);
      g_autofree char *m = dup_number (mode);
      g_autofree char *h = dup_number (high);

      return fail (error, MP_JSON_ERROR_INVALID, path,
                   _("low %s, mode %s and high %s are not in order; a range needs "
                     "low ≤ mode ≤ high"), l, m, h);
    }

  return TRUE;
}

static gboolean
validate_ask (const MpAsk        *a,
              const MpPackage    *package,
              const MpReference  *reference,
              GString            *path,
              GError            **error)
{
  if ((int) a->kind < 0 || a->kind >= MP_N_ASK_KINDS)
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the kind is not an ask kind"));

  return check_partner_ref (error, path, a->partner, package, reference) &&
         check_rule_key (error, path, "returns_low", a->returns_low, &RULE_RETURNS) &&
         check_rule_key (error, path, "returns_mode", a->returns_mode, &RULE_RETURNS) &&
         check_rule_key (error, path, "returns_high", a->returns_high, &RULE_RETURNS) &&
         check_order (error, path->str, a->returns_low, a->returns_mode, a->returns_high) &&
         check_rule_key (error, path, "level", a->level, &RULE_LEVEL) &&
         check_text (error, path, "note", a->note, MP_JSON_MAX_TEXT);
}

static gboolean
validate_tranche (const MpTranche  *t,
                  const MpPackage  *package,
                  GString          *path,
                  GError          **error)
{
  Rule release = { N_("the release year (within the package horizon)"),
                   package->start_year, package->start_year + package->horizon - 1, FALSE };
  gboolean found = FALSE;
  gsize mark;

  if (!check_name (error, path, "label", t->label, _("the label of a tranche")) ||
      !check_name (error, path, "scheme", t->scheme, _("the scheme of a tranche")))
    return FALSE;

  for (guint i = 0; i < package->schemes->len && !found; i++)
    found = g_strcmp0 (((MpScheme *) g_ptr_array_index (package->schemes, i))->name,
                       t->scheme) == 0;

  mark = path_push_key (path, "scheme");
  if (!found)
    {
      g_autofree char *q = dup_quoted (t->scheme);
      return fail (error, MP_JSON_ERROR_UNKNOWN_REFERENCE, path->str,
                   _("%s is not the name of a scheme of this package; a tranche adds quota "
                     "to one of the package's schemes"), q);
    }
  path_pop (path, mark);

  if ((int) t->condition < 0 || t->condition >= MP_N_ASK_KINDS)
    return fail (error, MP_JSON_ERROR_INVALID, path->str, _("the condition is not an ask kind"));

  return check_rule_key (error, path, "release_year", t->release_year, &release) &&
         check_rule_key (error, path, "extra_quota", t->extra_quota, &RULE_EXTRA_QUOTA);
}

/* The range of assumption @key in @package: its override, or the catalogue's. */
static void
assumption_range (const MpPackage *package,
                  const char      *key,
                  double           out[3])
{
  const MpAssumptionInfo *info = mp_assumption_lookup (key);

  for (guint i = 0; i < package->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (package->assumptions, i);

      if (g_strcmp0 (a->key, key) == 0)
        {
          out[0] = a->low;
          out[1] = a->mode;
          out[2] = a->high;
          return;
        }
    }

  out[0] = info != NULL ? info->low : NAN;
  out[1] = info != NULL ? info->mode : NAN;
  out[2] = info != NULL ? info->high : NAN;
}

static gboolean
validate_assumptions (const MpPackage  *package,
                      GString          *path,
                      GError          **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const MpAssumptionId settlement_ids[] = {
    MP_ASSUMPTION_SETTLEMENT, MP_ASSUMPTION_SETTLEMENT_RETURN
  };
  const char *ends[3] = { N_("low"), N_("mode"), N_("high") };
  gsize mark = path_push_key (path, "assumptions");
  double overstay[3];

  for (guint i = 0; i < package->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (package->assumptions, i);
      const MpAssumptionInfo *info = mp_assumption_lookup (a->key);
      g_autofree char *label = NULL;
      Rule rule;
      gsize m2;

      if (info == NULL)
        {
          g_autofree char *keys = g_strjoinv (", ", (char **) mp_assumption_keys ());
          g_autofree char *q = dup_quoted (a->key);

          return fail (error, MP_JSON_ERROR_INVALID, path->str,
                       _("%s is not a known assumption; the assumptions are %s"), q, keys);
        }

      m2 = path_push_key (path, a->key);
      if (!g_hash_table_add (seen, a->key))
        return fail (error, MP_JSON_ERROR_INVALID, path->str,
                     _("the assumption is overridden twice; each assumption may be overridden "
                       "once"));

      label = g_strdup_printf (_("the assumption “%s”"), mp_assumption_info_label (info));
      rule.what = label;
      rule.min = info->min;
      rule.max = info->max;
      rule.min_exclusive = FALSE;
      /* rule.what is already translated: check_rule() passes it through _(),
       * which leaves a string with no catalogue entry unchanged. */
      if (!check_rule_key (error, path, "low", a->low, &rule) ||
          !check_rule_key (error, path, "mode", a->mode, &rule) ||
          !check_rule_key (error, path, "high", a->high, &rule) ||
          !check_order (error, path->str, a->low, a->mode, a->high))
        return FALSE;
      path_pop (path, m2);
    }

  /* p_settle + o ≤ 1 at each end of the ranges (DOMAIN.md §3): the shares of
   * a cohort that settle, overstay and return add up to one. */
  assumption_range (package, mp_assumption_info (MP_ASSUMPTION_OVERSTAY)->key, overstay);
  for (guint k = 0; k < G_N_ELEMENTS (settlement_ids); k++)
    {
      const MpAssumptionInfo *info = mp_assumption_info (settlement_ids[k]);
      double settle[3];

      assumption_range (package, info->key, settle);
      for (int e = 0; e < 3; e++)
        {
          if (settle[e] + overstay[e] > 1.0 + 1e-12)
            {
              g_autofree char *s = dup_number (settle[e]);
              g_autofree char *o = dup_number (overstay[e]);
              g_autofree char *sum = dup_number (settle[e] + overstay[e]);

              return fail (error, MP_JSON_ERROR_INVALID, path->str,
                           /* TRANSLATORS: "at the high end, settlement-share 0.6 + overstay 0.5 = 1.1 exceeds 1; …" */
                           _("at the %s end, %s %s + %s %s = %s exceeds 1; the shares of a cohort "
                             "that settle and overstay must add up to at most 1 (p_settle + o ≤ 1)"),
                           _(ends[e]), info->key, s,
                           mp_assumption_info (MP_ASSUMPTION_OVERSTAY)->key, o, sum);
            }
        }
    }

  /* The V-Dem thresholds (DOMAIN.md §4.4) as the evaluator applies them: the
   * mode of the high-risk threshold may not exceed that of the low-risk one. */
  {
    const MpAssumptionInfo *low_info = mp_assumption_info (MP_ASSUMPTION_VDEM_LOW_RISK);
    const MpAssumptionInfo *high_info = mp_assumption_info (MP_ASSUMPTION_VDEM_HIGH_RISK);
    double low[3], high[3];

    assumption_range (package, low_info->key, low);
    assumption_range (package, high_info->key, high);
    if (high[1] > low[1])
      {
        g_autofree char *h = dup_number (high[1]);
        g_autofree char *l = dup_number (low[1]);

        return fail (error, MP_JSON_ERROR_INVALID, path->str,
                     /* TRANSLATORS: "the mode of vdem-high-risk 0.8 exceeds the mode of vdem-low-risk 0.45; …" */
                     _("the mode of %s %s exceeds the mode of %s %s; the V-Dem threshold for high "
                       "risk must not exceed the one for low risk"),
                     high_info->key, h, low_info->key, l);
      }
  }
  path_pop (path, mark);

  return TRUE;
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
 * Checks @package against every rule of the JSON format (data/JSON-FORMAT.md):
 * names, ranges, finite numbers, codes, counts, the order of ranges,
 * p_settle + o ≤ 1 and references between schemes and tranches.  The reader
 * applies it to every package it reads; the document store and the UI can
 * apply it to packages from elsewhere.
 *
 * Returns: %TRUE when @package is valid
 */
gboolean
mp_json_validate_package (const MpPackage    *package,
                          const MpReference  *reference,
                          const char         *path,
                          GError            **error)
{
  g_autoptr(GString) p = g_string_new (path);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_partners;
  gsize mark;

  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (package->schemes != NULL && package->offers != NULL &&
                        package->asks != NULL && package->tranches != NULL &&
                        package->assumptions != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (error, p, "name", package->name, _("the name of a package")) ||
      !check_text (error, p, "description", package->description, MP_JSON_MAX_TEXT) ||
      !check_rule_key (error, p, "start_year", package->start_year, &RULE_START_YEAR) ||
      !check_rule_key (error, p, "horizon", package->horizon, &RULE_HORIZON) ||
      !check_rule_key (error, p, "draws", package->draws, &RULE_DRAWS))
    return FALSE;

  if (package->seed > (guint64) G_MAXINT64)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, package->seed);

      path_push_key (p, "seed");
      return fail (error, MP_JSON_ERROR_INVALID, p->str,
                   _("%s is out of range; %s must be between %s and %s"),
                   n, _(RULE_SEED.what), "0", "9223372036854775807");
    }

  /* partners */
  n_partners = package->partners != NULL ? g_strv_length (package->partners) : 0;
  mark = path_push_key (p, "partners");
  if (n_partners == 0)
    return fail (error, MP_JSON_ERROR_INVALID, p->str,
                 _("the list is empty; a package needs at least one partner"));
  if (n_partners > MP_JSON_MAX_PARTNERS)
    return fail (error, MP_JSON_ERROR_TOO_LARGE, p->str,
                 _("%u entries are too many; %s are limited to %u"), n_partners,
                 _("the partners of a package"), (guint) MP_JSON_MAX_PARTNERS);
  for (guint i = 0; i < n_partners; i++)
    {
      const char *code = package->partners[i];
      gsize m2 = path_push_index (p, i);

      if (!check_iso3 (error, p->str, code))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) code))
        {
          g_autofree char *q = dup_quoted (code);
          return fail (error, MP_JSON_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the partners of a package"));
        }
      if (reference != NULL && mp_reference_find_partner (reference, code) == NULL)
        {
          g_autofree char *q = dup_quoted (code);
          return fail (error, MP_JSON_ERROR_UNKNOWN_REFERENCE, p->str,
                       _("%s is not a known partner; it is neither in the reference data nor "
                         "among the partners of the file"), q);
        }
      path_pop (p, m2);
    }
  path_pop (p, mark);

  /* lists */
  {
    struct { const char *key; GPtrArray *items; const char *what; } lists[] = {
      { "schemes", package->schemes, N_("the schemes of a package") },
      { "offers", package->offers, N_("the offers of a package") },
      { "asks", package->asks, N_("the asks of a package") },
      { "tranches", package->tranches, N_("the tranches of a package") },
    };

    for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
      {
        if (lists[k].items->len > MP_JSON_MAX_ITEMS)
          {
            mark = path_push_key (p, lists[k].key);
            return fail (error, MP_JSON_ERROR_TOO_LARGE, p->str,
                         _("%u entries are too many; %s are limited to %u"),
                         lists[k].items->len, _(lists[k].what), (guint) MP_JSON_MAX_ITEMS);
          }
      }
  }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < package->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (package->schemes, i);

      mark = path_push_key (p, "schemes");
      path_push_index (p, i);
      if (!validate_scheme (s, package, reference, p, error))
        return FALSE;
      if (!g_hash_table_add (seen, s->name))
        {
          g_autofree char *q = dup_quoted (s->name);
          path_push_key (p, "name");
          return fail (error, MP_JSON_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the names of the schemes of a package"));
        }
      path_pop (p, mark);
    }

  for (guint i = 0; i < package->offers->len; i++)
    {
      mark = path_push_key (p, "offers");
      path_push_index (p, i);
      if (!validate_offer (g_ptr_array_index (package->offers, i), package, reference, p, error))
        return FALSE;
      path_pop (p, mark);
    }

  for (guint i = 0; i < package->asks->len; i++)
    {
      mark = path_push_key (p, "asks");
      path_push_index (p, i);
      if (!validate_ask (g_ptr_array_index (package->asks, i), package, reference, p, error))
        return FALSE;
      path_pop (p, mark);
    }

  for (guint i = 0; i < package->tranches->len; i++)
    {
      mark = path_push_key (p, "tranches");
      path_push_index (p, i);
      if (!validate_tranche (g_ptr_array_index (package->tranches, i), package, p, error))
        return FALSE;
      path_pop (p, mark);
    }

  if (!validate_assumptions (package, p, error))
    return FALSE;

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      if (!isnan (package->interest_weights[i]))
        {
          mark = path_push_key (p, "interest_weights");
          if (!check_rule_key (error, p, mp_interest_to_string (i), package->interest_weights[i],
                               &RULE_WEIGHT))
            return FALSE;
          path_pop (p, mark);
        }
      if (!isnan (package->interest_scales[i]))
        {
          mark = path_push_key (p, "interest_scales");
          if (!check_rule_key (error, p, mp_interest_to_string (i), package->interest_scales[i],
                               &RULE_SCALE))
            return FALSE;
          path_pop (p, mark);
        }
    }

  mark = path_push_key (p, "nl_weights");
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    {
      if (!check_rule_key (error, p, mp_nl_component_to_string (i), package->nl_weights[i],
                           &RULE_WEIGHT))
        return FALSE;
    }
  path_pop (p, mark);

  return TRUE;
}

/* ---- Reading: the public entry points -------------------------------------- */

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

static gpointer
read_partner_cb (Ctx        *c,
                 JsonObject *o)
{
  return read_partner (c, o);
}

static gpointer
read_sector_cb (Ctx        *c,
                JsonObject *o)
{
  return read_sector (c, o);
}

static gboolean
read_format (Ctx         *c,
             JsonObject  *root,
             char       **format)
{
  JsonNode *node;
  int version = MP_JSON_VERSION;

  if (!read_string (c, root, "format", FALSE, FALSE, MP_JSON_MAX_NAME, format))
    return FALSE;

  if (*format != NULL &&
      g_strcmp0 (*format, MP_JSON_FORMAT_BUNDLE) != 0 &&
      g_strcmp0 (*format, MP_JSON_FORMAT_PACKAGE) != 0)
    {
      g_autofree char *q = dup_quoted (*format);
      return fail (c->error, MP_JSON_ERROR_FORMAT, "format",
                   _("%s is not a package file; expected “%s” or “%s”"),
                   q, MP_JSON_FORMAT_PACKAGE, MP_JSON_FORMAT_BUNDLE);
    }

  if (!member (c, root, "version", *format != NULL && g_str_equal (*format, MP_JSON_FORMAT_BUNDLE),
               &node))
    return FALSE;
  if (node != NULL)
    {
      if (!node_is_number (node))
        {
          type_error (c, node, _("a whole number"));
          return FALSE;
        }
      if (node_number (node) != MP_JSON_VERSION)
        {
          g_autofree char *v = dup_number (node_number (node));
          return fail (c->error, MP_JSON_ERROR_FORMAT, "version",
                       _("version %s is not supported; this version of Mobility Planner reads "
                         "version %d"), v, MP_JSON_VERSION);
        }
      if (!read_int (c, root, "version", TRUE, &RULE_VERSION, &version))
        return FALSE;
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
  Ctx c = { path, error };
  gsize n;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (embedded_out != NULL)
    *embedded_out = NULL;

  /* Sizes first: never let json-glib see absurd input. */
  n = len < 0 ? strnlen (data, (gsize) MP_JSON_MAX_FILE_SIZE + 1) : (gsize) len;
  if (n > MP_JSON_MAX_FILE_SIZE)
    {
      fail (error, MP_JSON_ERROR_TOO_LARGE, NULL,
            _("the file is larger than %d MB; package files are limited to %d MB"),
            MP_JSON_MAX_FILE_SIZE / (1024 * 1024), MP_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (memchr (data, '\0', n) != NULL)
    {
      fail (error, MP_JSON_ERROR_PARSE, NULL,
            _("the file contains a NUL byte; it is not a JSON text file"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, n, &end))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));

      fail (error, MP_JSON_ERROR_PARSE, NULL,
            _("the file is not valid UTF-8 (first invalid byte at offset %s)"), offset);
      return NULL;
    }

  /* A byte-order mark is tolerated (RFC 8259 §8.1). */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }

  if (!scan_document (data, n, error))
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
      type_error (&c, root, _("an object (a package or a bundle of packages)"));
      return NULL;
    }
  obj = json_node_get_object (root);

  if (!read_format (&c, obj, &format))
    return NULL;

  packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);

  if (g_strcmp0 (format, MP_JSON_FORMAT_BUNDLE) == 0)
    {
      JsonArray *array;

      if (!check_fields (&c, obj, bundle_fields, _("a bundle of packages")))
        return NULL;

      embedded = mp_reference_new ();
      if (!read_string (&c, obj, "vintage", FALSE, TRUE, MP_JSON_MAX_NAME, &embedded->vintage) ||
          !read_array (&c, obj, "partners", FALSE, MP_JSON_MAX_REFERENCE,
                       _("the partners of a file"), &array))
        return NULL;
      if (array != NULL && !read_list (&c, obj, "partners", _("the partners of a file"),
                                       read_partner_cb, embedded->partners))
        return NULL;
      if (!read_array (&c, obj, "sectors", FALSE, MP_JSON_MAX_REFERENCE,
                       _("the sectors of a file"), &array))
        return NULL;
      if (array != NULL && !read_list (&c, obj, "sectors", _("the sectors of a file"),
                                       read_sector_cb, embedded->sectors))
        return NULL;
      if (!validate_reference (embedded, path, error))
        return NULL;

      if (!read_array (&c, obj, "packages", TRUE, MP_JSON_MAX_PACKAGES,
                       _("the packages of a file"), &array))
        return NULL;

      if (reference != NULL || embedded->partners->len > 0 || embedded->sectors->len > 0)
        merged = mp_json_merge_reference (reference, embedded);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = path_push_key (path, "packages");
          JsonObject *po;
          MpPackage *p = NULL;

          path_push_index (path, i);
          po = element_object (&c, array, i);
          if (po != NULL)
            p = read_package (&c, po, FALSE);
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
                  g_autofree char *quoted = dup_quoted (p->name);

                  path_push_key (path, "name");
                  fail (error, MP_JSON_ERROR_INVALID, path->str,
                        _("%s is already the name of packages[%u]; the packages of a file "
                          "need unique names"), quoted, j);
                  return NULL;
                }
            }
          path_pop (path, mark);
        }

      if (embedded->partners->len == 0 && embedded->sectors->len == 0)
        g_clear_pointer (&embedded, mp_reference_free);
    }
  else
    {
      MpPackage *p = read_package (&c, obj, TRUE);

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

/* ---- Writing ---------------------------------------------------------------- */

#define W_MAX_DEPTH 16

typedef struct
{
  gboolean    is_array;
  gboolean    inline_;
  guint       count;
  const char *key;      /* key of the member being written (objects) */
} WLevel;

typedef struct
{
  GString *out;
  int      depth;
  WLevel   levels[W_MAX_DEPTH];
  GError  *error;
} W;

static void
w_init (W *w)
{
  memset (w, 0, sizeof *w);
  w->out = g_string_new (NULL);
  w->depth = 0;
  w->levels[0].is_array = TRUE;   /* the root behaves as a one-element array */
}

static char *
w_path (W *w)
{
  GString *path = g_string_new (NULL);

  for (int i = 1; i <= w->depth; i++)
    {
      WLevel *l = &w->levels[i];

      if (l->count == 0)
        break;
      if (l->is_array)
        g_string_append_printf (path, "[%u]", l->count - 1);
      else
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, l->key);
        }
    }

  return g_string_free (path, FALSE);
}

static void
w_newline (W *w)
{
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
w_escape (GString    *out,
          const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value: separator, layout and key. */
static void
w_key (W          *w,
       const char *key)
{
  WLevel *l = &w->levels[w->depth];

  if (w->depth > 0)
    {
      if (l->count > 0)
        g_string_append_c (w->out, ',');
      if (l->inline_)
        {
          if (l->count > 0)
            g_string_append_c (w->out, ' ');
        }
      else
        w_newline (w);
    }
  l->count++;
  l->key = key;

  if (!l->is_array)
    {
      w_escape (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
w_begin (W          *w,
         const char *key,
         gboolean    is_array,
         gboolean    inline_)
{
  WLevel *l;

  g_assert (w->depth + 1 < W_MAX_DEPTH);

  w_key (w, key);
  g_string_append_c (w->out, is_array ? '[' : '{');
  w->depth++;
  l = &w->levels[w->depth];
  l->is_array = is_array;
  l->inline_ = inline_ || w->levels[w->depth - 1].inline_;
  l->count = 0;
  l->key = NULL;
}

static void
w_end (W *w)
{
  WLevel *l = &w->levels[w->depth];
  gboolean is_array = l->is_array;
  gboolean had = l->count > 0;
  gboolean inline_ = l->inline_;

  w->depth--;
  if (had && !inline_)
    w_newline (w);
  g_string_append_c (w->out, is_array ? ']' : '}');
}

static void
w_string (W          *w,
          const char *key,
          const char *s)
{
  w_key (w, key);
  if (s == NULL)
    g_string_append (w->out, "null");
  else
    w_escape (w->out, s);
}

static void
w_bool (W          *w,
        const char *key,
        gboolean    v)
{
  w_key (w, key);
  g_string_append (w->out, v ? "true" : "false");
}

static void
w_int (W          *w,
       const char *key,
       gint64      v)
{
  w_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, v);
}

static void
w_uint64 (W          *w,
          const char *key,
          guint64     v)
{
  w_key (w, key);
  g_string_append_printf (w->out, "%" G_GUINT64_FORMAT, v);
}

static void
w_null (W          *w,
        const char *key)
{
  w_key (w, key);
  g_string_append (w->out, "null");
}

/* A number; @null_if_nan writes NaN as null, otherwise a non-finite value is
 * an error (JSON has no NaN or Infinity). */
static void
w_number_full (W          *w,
               const char *key,
               double      v,
               gboolean    null_if_nan)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  w_key (w, key);
  if (!isfinite (v))
    {
      g_string_append (w->out, "null");
      if (!(null_if_nan && isnan (v)) && w->error == NULL)
        {
          g_autofree char *path = w_path (w);
          g_autofree char *n = dup_number (v);

          g_set_error (&w->error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID,
                       _("%s: %s is not a finite number; JSON can only hold finite numbers"),
                       path, n);
        }
      return;
    }

  format_double (buf, sizeof buf, v);
  g_string_append (w->out, buf);
}

static void
w_number (W          *w,
          const char *key,
          double      v)
{
  w_number_full (w, key, v, FALSE);
}

static void
w_number_or_null (W          *w,
                  const char *key,
                  double      v)
{
  w_number_full (w, key, v, TRUE);
}

static char *
w_finish (W       *w,
          GError **error)
{
  if (w->error != NULL)
    {
      g_propagate_error (error, w->error);
      g_string_free (w->out, TRUE);
      return NULL;
    }

  g_string_append_c (w->out, '\n');
  return g_string_free (w->out, FALSE);
}

static void
w_strv (W                  *w,
        const char         *key,
        const char * const *v)
{
  w_begin (w, key, TRUE, TRUE);
  for (guint i = 0; v != NULL && v[i] != NULL; i++)
    w_string (w, NULL, v[i]);
  w_end (w);
}

static void
w_value (W             *w,
         const char    *key,
         const MpValue *v)
{
  if (isnan (v->value) && v->source == NULL)
    return;

  w_begin (w, key, FALSE, TRUE);
  w_number_or_null (w, "value", v->value);
  if (!isnan (v->value))
    w_int (w, "year", v->year);
  if (v->source != NULL)
    w_string (w, "source", v->source);
  w_end (w);
}

static void
w_partner (W               *w,
           const MpPartner *p)
{
  w_begin (w, NULL, FALSE, FALSE);
  w_string (w, "iso3", p->iso3);
  w_string (w, "name", p->name);
  if (p->region != NULL)
    w_string (w, "region", p->region);
  w_strv (w, "memberships", (const char * const *) p->memberships);
  w_strv (w, "frameworks", (const char * const *) p->frameworks);
  w_bool (w, "combiland", p->combiland);
  w_bool (w, "excluded", p->excluded);
  if (p->excluded_reason != NULL)
    w_string (w, "excluded_reason", p->excluded_reason);
  w_bool (w, "who_ssl", p->who_ssl);
  if (p->who_ssl_source != NULL)
    w_string (w, "who_ssl_source", p->who_ssl_source);
  if (p->has_risk_override)
    w_string (w, "risk_override", mp_risk_to_string (p->risk_override));
  else
    w_null (w, "risk_override");
  if (p->risk_override_reason != NULL)
    w_string (w, "risk_override_reason", p->risk_override_reason);

  w_begin (w, "indicators", FALSE, FALSE);
  for (int i = 0; i < MP_N_INDICATORS; i++)
    w_value (w, mp_indicator_to_string (i), &p->ind[i]);
  w_end (w);

  w_begin (w, "interest_profile", FALSE, FALSE);
  w_begin (w, "weights", FALSE, TRUE);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    w_number (w, mp_interest_to_string (i), p->profile.weights[i]);
  w_end (w);
  w_begin (w, "scales", FALSE, TRUE);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      if (!isnan (p->profile.scales[i]))
        w_number (w, mp_interest_to_string (i), p->profile.scales[i]);
    }
  w_end (w);
  if (p->profile.rationale != NULL)
    w_string (w, "rationale", p->profile.rationale);
  w_end (w);

  w_end (w);
}

static void
w_sector (W              *w,
          const MpSector *s)
{
  w_begin (w, NULL, FALSE, FALSE);
  w_string (w, "code", s->code);
  w_string (w, "name", s->name);
  if (s->sbi != NULL)
    w_string (w, "sbi", s->sbi);
  w_int (w, "eqf", s->eqf);
  w_string (w, "demand", mp_demand_to_string (s->demand));
  w_bool (w, "health", s->health);
  w_value (w, "vacancies", &s->vacancies);
  w_value (w, "wage_month", &s->wage_month);
  w_end (w);
}

static void
w_package (W               *w,
           const MpPackage *p,
           gboolean         top_level)
{
  gboolean any;

  w_begin (w, NULL, FALSE, FALSE);
  if (top_level)
    {
      w_string (w, "format", MP_JSON_FORMAT_PACKAGE);
      w_int (w, "version", MP_JSON_VERSION);
    }
  w_string (w, "name", p->name);
  if (p->description != NULL)
    w_string (w, "description", p->description);
  w_strv (w, "partners", (const char * const *) p->partners);
  w_int (w, "start_year", p->start_year);
  w_int (w, "horizon", p->horizon);

  w_begin (w, "schemes", TRUE, FALSE);
  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "name", s->name);
      w_string (w, "kind", mp_scheme_kind_to_string (s->kind));
      w_string (w, "partner", s->partner);
      w_string (w, "sector", s->sector);
      w_number (w, "quota", s->quota);
      w_int (w, "first_year", s->first_year);
      w_int (w, "intake_years", s->intake_years);
      w_int (w, "months", s->months);
      w_int (w, "stays", s->stays);
      w_bool (w, "mandatory_return", s->mandatory_return);
      w_number (w, "training_months", s->training_months);
      w_number (w, "home_track_ratio", s->home_track_ratio);
      w_number (w, "cost_per_participant", s->cost_per_participant);
      w_number (w, "employer_share", s->employer_share);
      w_number (w, "recruitment_fees", s->recruitment_fees);
      w_bool (w, "language_support", s->language_support);
      w_bool (w, "complaints_channel", s->complaints_channel);
      w_bool (w, "reintegration_support", s->reintegration_support);
      w_bool (w, "g2g_health_support", s->g2g_health_support);
      w_bool (w, "return_incentives", s->return_incentives);
      w_end (w);
    }
  w_end (w);

  w_begin (w, "offers", TRUE, FALSE);
  for (guint i = 0; i < p->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (p->offers, i);

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "kind", mp_offer_kind_to_string (o->kind));
      w_string (w, "partner", o->partner);
      if (o->sector != NULL)
        w_string (w, "sector", o->sector);
      w_number (w, "amount", o->amount);
      w_number (w, "jobs", o->jobs);
      if (o->note != NULL)
        w_string (w, "note", o->note);
      w_end (w);
    }
  w_end (w);

  w_begin (w, "asks", TRUE, FALSE);
  for (guint i = 0; i < p->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (p->asks, i);

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "kind", mp_ask_kind_to_string (a->kind));
      w_string (w, "partner", a->partner);
      w_number (w, "returns_low", a->returns_low);
      w_number (w, "returns_mode", a->returns_mode);
      w_number (w, "returns_high", a->returns_high);
      w_int (w, "level", a->level);
      if (a->note != NULL)
        w_string (w, "note", a->note);
      w_end (w);
    }
  w_end (w);

  w_begin (w, "tranches", TRUE, FALSE);
  for (guint i = 0; i < p->tranches->len; i++)
    {
      const MpTranche *t = g_ptr_array_index (p->tranches, i);

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "label", t->label);
      w_string (w, "scheme", t->scheme);
      w_int (w, "release_year", t->release_year);
      w_number (w, "extra_quota", t->extra_quota);
      w_string (w, "condition", mp_ask_kind_to_string (t->condition));
      w_end (w);
    }
  w_end (w);

  w_begin (w, "assumptions", FALSE, FALSE);
  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      w_begin (w, a->key, FALSE, TRUE);
      w_number (w, "low", a->low);
      w_number (w, "mode", a->mode);
      w_number (w, "high", a->high);
      w_end (w);
    }
  w_end (w);

  any = FALSE;
  for (int i = 0; i < MP_N_INTERESTS; i++)
    any = any || !isnan (p->interest_weights[i]);
  if (any)
    {
      w_begin (w, "interest_weights", FALSE, TRUE);
      for (int i = 0; i < MP_N_INTERESTS; i++)
        if (!isnan (p->interest_weights[i]))
          w_number (w, mp_interest_to_string (i), p->interest_weights[i]);
      w_end (w);
    }

  any = FALSE;
  for (int i = 0; i < MP_N_INTERESTS; i++)
    any = any || !isnan (p->interest_scales[i]);
  if (any)
    {
      w_begin (w, "interest_scales", FALSE, TRUE);
      for (int i = 0; i < MP_N_INTERESTS; i++)
        if (!isnan (p->interest_scales[i]))
          w_number (w, mp_interest_to_string (i), p->interest_scales[i]);
      w_end (w);
    }

  w_begin (w, "nl_weights", FALSE, TRUE);
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    w_number (w, mp_nl_component_to_string (i), p->nl_weights[i]);
  w_end (w);

  w_int (w, "draws", p->draws);
  w_uint64 (w, "seed", p->seed);
  if (p->seed > (guint64) G_MAXINT64 && w->error == NULL)
    {
      g_autofree char *path = w_path (w);
      g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, p->seed);

      g_set_error (&w->error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID,
                   _("%s: %s is out of range; %s must be between %s and %s"),
                   path, n, _(RULE_SEED.what), "0", "9223372036854775807");
    }

  w_end (w);
}

/**
 * mp_json_write_packages:
 * @packages: (element-type MpPackage): the packages
 * @embed_or_null: (nullable): partners and sectors to embed in the file
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes a bundle ("format": "mobility-planner-packages") with @packages
 * and, when @embed_or_null is given, its partners and sectors.  The output is
 * pretty-printed with a stable key order, so files diff cleanly.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL when a value
 *   cannot be written (a non-finite number)
 */
char *
mp_json_write_packages (GPtrArray          *packages,
                        const MpReference  *embed_or_null,
                        GError            **error)
{
  W w;

  g_return_val_if_fail (packages != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w_init (&w);
  w_begin (&w, NULL, FALSE, FALSE);
  w_string (&w, "format", MP_JSON_FORMAT_BUNDLE);
  w_int (&w, "version", MP_JSON_VERSION);
  if (embed_or_null != NULL && embed_or_null->vintage != NULL)
    w_string (&w, "vintage", embed_or_null->vintage);

  w_begin (&w, "packages", TRUE, FALSE);
  for (guint i = 0; i < packages->len; i++)
    w_package (&w, g_ptr_array_index (packages, i), FALSE);
  w_end (&w);

  if (embed_or_null != NULL)
    {
      w_begin (&w, "partners", TRUE, FALSE);
      for (guint i = 0; i < embed_or_null->partners->len; i++)
        w_partner (&w, g_ptr_array_index (embed_or_null->partners, i));
      w_end (&w);

      w_begin (&w, "sectors", TRUE, FALSE);
      for (guint i = 0; i < embed_or_null->sectors->len; i++)
        w_sector (&w, g_ptr_array_index (embed_or_null->sectors, i));
      w_end (&w);
    }
  w_end (&w);

  return w_finish (&w, error);
}

/**
 * mp_json_write_package:
 * @package: a package
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes one package ("format": "mobility-planner-package").
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL when a value
 *   cannot be written
 */
char *
mp_json_write_package (const MpPackage  *package,
                       GError          **error)
{
  W w;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w_init (&w);
  w_package (&w, package, TRUE);

  return w_finish (&w, error);
}

/* ---- Evaluation output ------------------------------------------------------ */

static void
w_year (W            *w,
        int           year,
        const MpYear *y,
        double        coverage,
        gboolean      with_coverage)
{
  w_begin (w, NULL, FALSE, TRUE);
  w_int (w, "year", year);
  w_number (w, "admissions", y->admissions);
  w_number (w, "headcount", y->headcount);
  w_number (w, "person_years", y->person_years);
  w_number (w, "settled", y->settled);
  w_number (w, "overstayed", y->overstayed);
  w_number (w, "returned", y->returned);
  w_number (w, "seasonal_returns", y->seasonal_returns);
  w_number (w, "net_migration", y->net_migration);
  w_number (w, "remittances", y->remittances);
  w_number (w, "trainees_away", y->trainees_away);
  w_number (w, "trainees_home", y->trainees_home);
  w_number (w, "skilled_returnees", y->skilled_returnees);
  w_number (w, "cost_public", y->cost_public);
  w_number (w, "cost_employer", y->cost_employer);
  if (with_coverage)
    w_number_or_null (w, "coverage", coverage);
  w_end (w);
}

static void
w_years (W            *w,
         const char   *key,
         int           start,
         int           n,
         const MpYear *rows,
         const double *coverage)
{
  w_begin (w, key, TRUE, FALSE);
  for (int t = 0; t < n; t++)
    w_year (w, start + t, &rows[t], coverage != NULL ? coverage[t] : NAN, coverage != NULL);
  w_end (w);
}

static void
w_components (W            *w,
              const char   *key,
              const GArray *components)
{
  w_begin (w, key, TRUE, FALSE);
  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);

      w_begin (w, NULL, FALSE, TRUE);
      w_string (w, "key", c->key);
      w_string (w, "label", c->label);
      w_number_or_null (w, "weight", c->weight);
      w_number_or_null (w, "delivered", c->delivered);
      w_number_or_null (w, "scale", c->scale);
      w_number_or_null (w, "satisfaction", c->satisfaction);
      w_string (w, "unit", c->unit);
      w_string (w, "partner", c->partner);
      w_end (w);
    }
  w_end (w);
}

static void
w_quantiles (W                 *w,
             const char        *key,
             const MpQuantiles *q)
{
  w_begin (w, key, FALSE, TRUE);
  w_number_or_null (w, "p10", q->p10);
  w_number_or_null (w, "p50", q->p50);
  w_number_or_null (w, "p90", q->p90);
  w_number_or_null (w, "mean", q->mean);
  w_end (w);
}

static void
w_evaluation (W                  *w,
              const MpPackage    *p,
              const MpEvaluation *e)
{
  w_begin (w, NULL, FALSE, FALSE);
  w_string (w, "format", MP_JSON_FORMAT_EVALUATION);
  w_int (w, "version", MP_JSON_VERSION);

  w_begin (w, "package", FALSE, FALSE);
  w_string (w, "name", p->name);
  w_strv (w, "partners", (const char * const *) p->partners);
  w_int (w, "start_year", p->start_year);
  w_int (w, "horizon", p->horizon);
  w_end (w);

  w_begin (w, "headlines", FALSE, FALSE);
  for (int h = 0; h < MP_N_HEADLINES; h++)
    w_number_or_null (w, mp_headline_to_string (h), e->headline[h]);
  w_end (w);

  w_begin (w, "projection", FALSE, FALSE);
  w_int (w, "start_year", e->start_year);
  w_int (w, "years", e->n_years);
  w_int (w, "intake_years", e->n_intake_years);
  w_years (w, "total", e->start_year, e->n_years, e->total, NULL);

  w_begin (w, "schemes", TRUE, FALSE);
  for (int s = 0; s < e->n_schemes; s++)
    {
      const MpScheme *scheme = (guint) s < p->schemes->len ? g_ptr_array_index (p->schemes, s) : NULL;

      w_begin (w, NULL, FALSE, FALSE);
      w_int (w, "index", s);
      w_string (w, "name", scheme != NULL ? scheme->name : NULL);
      w_string (w, "kind", scheme != NULL ? mp_scheme_kind_to_string (scheme->kind) : NULL);
      w_string (w, "partner", scheme != NULL ? scheme->partner : NULL);
      w_string (w, "sector", scheme != NULL ? scheme->sector : NULL);
      w_years (w, "years", e->start_year, e->n_years, &e->by_scheme[(gsize) s * e->n_years], NULL);
      w_end (w);
    }
  w_end (w);

  w_begin (w, "sectors", TRUE, FALSE);
  for (int k = 0; k < e->n_sectors; k++)
    {
      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "code", e->sector_codes[k]);
      w_years (w, "years", e->start_year, e->n_years, &e->by_sector[(gsize) k * e->n_years],
               e->coverage != NULL ? &e->coverage[(gsize) k * e->n_years] : NULL);
      w_end (w);
    }
  w_end (w);

  w_begin (w, "partners", TRUE, FALSE);
  for (int k = 0; k < e->n_partners; k++)
    {
      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "iso3", e->partner_codes[k]);
      w_number_or_null (w, "fit", e->partner_fit != NULL ? e->partner_fit[k] : NAN);
      if (e->partner_risk != NULL)
        w_string (w, "country_risk", mp_risk_to_string (e->partner_risk[k]));
      else
        w_null (w, "country_risk");
      w_years (w, "years", e->start_year, e->n_years, &e->by_partner[(gsize) k * e->n_years], NULL);
      w_end (w);
    }
  w_end (w);
  w_end (w);   /* projection */

  w_begin (w, "scores", FALSE, FALSE);
  w_begin (w, "fit", FALSE, FALSE);
  w_number_or_null (w, "value", e->headline[MP_HEADLINE_FIT]);
  w_components (w, "components", e->fit_components);
  w_end (w);
  w_begin (w, "nl_benefit", FALSE, FALSE);
  w_number_or_null (w, "value", e->headline[MP_HEADLINE_NL_BENEFIT]);
  w_components (w, "components", e->nl_components);
  w_end (w);
  w_number_or_null (w, "balance", e->headline[MP_HEADLINE_BALANCE]);
  w_end (w);

  w_begin (w, "findings", FALSE, FALSE);
  w_int (w, "blocks", e->n_blocks);
  w_int (w, "warnings", e->n_warnings);
  w_int (w, "notes", e->n_notes);
  w_begin (w, "items", TRUE, FALSE);
  for (guint i = 0; e->findings != NULL && i < e->findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (e->findings, i);
      const MpScheme *scheme = (f->scheme >= 0 && (guint) f->scheme < p->schemes->len)
                               ? g_ptr_array_index (p->schemes, f->scheme) : NULL;

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "severity", mp_severity_to_string (f->severity));
      w_string (w, "rule", f->rule);
      w_string (w, "message", f->message);
      if (f->scheme >= 0)
        w_int (w, "scheme", f->scheme);
      else
        w_null (w, "scheme");
      w_string (w, "scheme_name", scheme != NULL ? scheme->name : NULL);
      w_string (w, "partner", f->partner);
      w_string (w, "source", f->source);
      w_end (w);
    }
  w_end (w);
  w_end (w);

  w_begin (w, "measures", TRUE, FALSE);
  for (guint i = 0; e->measures != NULL && i < e->measures->len; i++)
    {
      const MpMeasure *m = &g_array_index (e->measures, MpMeasure, i);

      w_begin (w, NULL, FALSE, FALSE);
      w_string (w, "measure", m->measure);
      w_string (w, "partner", m->partner);
      w_string (w, "country_risk", mp_risk_to_string (m->country_risk));
      w_string (w, "measure_risk", mp_risk_to_string (m->measure_risk));
      w_bool (w, "never_allowed", m->never_allowed);
      w_string (w, "monitoring", mp_monitoring_to_string (m->monitoring));
      w_string (w, "monitoring_label", mp_monitoring_label (m->monitoring));
      if (m->scheme >= 0)
        w_int (w, "scheme", m->scheme);
      else
        w_null (w, "scheme");
      if (m->offer >= 0)
        w_int (w, "offer", m->offer);
      else
        w_null (w, "offer");
      if (m->ask >= 0)
        w_int (w, "ask", m->ask);
      else
        w_null (w, "ask");
      w_end (w);
    }
  w_end (w);

  if (!e->has_uncertainty)
    w_null (w, "uncertainty");
  else
    {
      w_begin (w, "uncertainty", FALSE, FALSE);
      w_int (w, "draws", e->draws);
      w_uint64 (w, "seed", e->seed);
      w_begin (w, "headlines", FALSE, FALSE);
      for (int h = 0; h < MP_N_HEADLINES; h++)
        w_quantiles (w, mp_headline_to_string (h), &e->quantiles[h]);
      w_end (w);
      w_begin (w, "person_years_fan", TRUE, FALSE);
      for (int t = 0; e->person_years_by_year != NULL && t < e->n_years; t++)
        {
          const MpQuantiles *q = &e->person_years_by_year[t];

          w_begin (w, NULL, FALSE, TRUE);
          w_int (w, "year", e->start_year + t);
          w_number_or_null (w, "p10", q->p10);
          w_number_or_null (w, "p50", q->p50);
          w_number_or_null (w, "p90", q->p90);
          w_number_or_null (w, "mean", q->mean);
          w_end (w);
        }
      w_end (w);
      w_begin (w, "swings", TRUE, FALSE);
      for (guint i = 0; e->swings != NULL && i < e->swings->len; i++)
        {
          const MpSwing *s = &g_array_index (e->swings, MpSwing, i);

          w_begin (w, NULL, FALSE, TRUE);
          w_string (w, "assumption", s->assumption);
          w_number_or_null (w, "low_value", s->low_value);
          w_number_or_null (w, "high_value", s->high_value);
          w_number_or_null (w, "base", s->base);
          w_number_or_null (w, "nl_low_value", s->nl_low_value);
          w_number_or_null (w, "nl_high_value", s->nl_high_value);
          w_number_or_null (w, "nl_base", s->nl_base);
          w_end (w);
        }
      w_end (w);
      w_end (w);
    }

  w_end (w);
}

/**
 * mp_json_write_evaluation:
 * @package: the evaluated package
 * @evaluation: its evaluation (with or without uncertainty)
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes the evaluation ("format": "mobility-planner-evaluation"; the shape
 * is documented in data/JSON-FORMAT.md): headlines, the projection by year
 * (total, per scheme, per sector with shortage coverage, per partner),
 * scores with their components, findings, measures with their required
 * monitoring and, when computed, the uncertainty (quantiles, fan, swings,
 * draws and seed).  Missing numbers (NaN) are written as null.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL on error
 */
char *
mp_json_write_evaluation (const MpPackage     *package,
                          const MpEvaluation  *evaluation,
                          GError             **error)
{
  W w;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (evaluation != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w_init (&w);
  w_evaluation (&w, package, evaluation);

  return w_finish (&w, error);
}

/**
 * mp_json_write_evaluations:
 * @packages: (element-type MpPackage): the evaluated packages
 * @evaluations: (element-type MpEvaluation): their evaluations, same order
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes several evaluations as {"format": "mobility-planner-evaluations",
 * "version": 1, "evaluations": [...]}, each element shaped as by
 * mp_json_write_evaluation().
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL on error
 */
char *
mp_json_write_evaluations (GPtrArray  *packages,
                           GPtrArray  *evaluations,
                           GError    **error)
{
  W w;

  g_return_val_if_fail (packages != NULL, NULL);
  g_return_val_if_fail (evaluations != NULL, NULL);
  g_return_val_if_fail (packages->len == evaluations->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w_init (&w);
  w_begin (&w, NULL, FALSE, FALSE);
  w_string (&w, "format", MP_JSON_FORMAT_EVALUATIONS);
  w_int (&w, "version", MP_JSON_VERSION);
  w_begin (&w, "evaluations", TRUE, FALSE);
  for (guint i = 0; i < packages->len; i++)
    w_evaluation (&w, g_ptr_array_index (packages, i), g_ptr_array_index (evaluations, i));
  w_end (&w);
  w_end (&w);

  return w_finish (&w, error);
}
