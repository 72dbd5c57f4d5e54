/* mp-brief-text.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp-brief.h"
#include "mp-brief-sheet-private.h"

/* The text cleaning every string of a brief gets before it is written (see
 * mp-brief-sheet-private.h), and numbers as text. */

static gboolean
is_ooxml_escape (const char *p)
{
  return p[0] == '_' && p[1] == 'x' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

static gboolean
text_is_plain (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      if (*p < 0x20 || *p > 0x7e)
        return FALSE;
      if (*p == '_' && p[1] == 'x')
        return FALSE;
    }
  return strlen (text) <= MP_BRIEF_MAX_CELL_CHARS;
}

/* Appends the cleaned @text to @out; see mp-brief-sheet-private.h.  With
 * @escape, literal OOXML escapes are protected; that must happen exactly
 * once, right before the text is written. */
static void
clean_into (GString    *out,
            const char *text,
            gboolean    escape)
{
  g_autofree char *valid = NULL;
  const char *s = text;
  glong n = 0;

  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      s = valid;
    }

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      glong need = (escape && c == '_' && is_ooxml_escape (p)) ? 7 : 1;

      if (n + need > MP_BRIEF_MAX_CELL_CHARS - 1)
        {
          g_string_append (out, "…");
          return;
        }

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;

      if (need == 7)
        g_string_append (out, "_x005F_");
      else
        g_string_append_unichar (out, c);
      n += need;
    }
}

/**
 * mp_brief_clean_text:
 * @text: (nullable): user text
 *
 * The cleaning every piece of user text gets before it is written to a
 * brief: invalid UTF-8 and characters XML 1.0 cannot carry (control
 * characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
 * become U+FFFD, a literal OOXML escape such as "_x0041_" is protected as
 * "_x005F_x0041_" so that spreadsheets show it as typed, and the result is
 * capped at Excel's 32,767 characters (ending in "…").
 *
 * Returns: (transfer full): the cleaned text ("" for %NULL)
 */
char *
mp_brief_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL)
    clean_into (out, text, TRUE);
  return g_string_free (out, FALSE);
}

/* Returns @text itself when it needs no cleaning, else the cleaned copy in
 * b->scratch (valid until the next call). */
const char *
_mp_brief_clean (MpBriefBook *b,
                 const char  *text)
{
  if (text == NULL)
    return "";
  if (text_is_plain (text))
    return text;
  g_string_truncate (b->scratch, 0);
  clean_into (b->scratch, text, TRUE);
  return b->scratch->str;
}

/* One line of text for headers, table column names and sheet-level labels:
 * line breaks and tabs become spaces, at most @max characters. */
char *
_mp_brief_clean_line (const char *text,
                      glong       max)
{
  GString *valid = g_string_new (NULL);
  g_autofree char *c = NULL;
  GString *out = g_string_new (NULL);
  glong n = 0;

  /* Not escaped here: the result is written through _mp_brief_clean() or a table header. */
  clean_into (valid, text != NULL ? text : "", FALSE);
  c = g_string_free (valid, FALSE);
  for (const char *p = c; *p != '\0' && n < max; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\t' || ch == '\n' || ch == '\r')
        ch = ' ';
      g_string_append_unichar (out, ch);
    }
  if (g_utf8_strlen (c, -1) > max)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Escapes user text for a header/footer: "&" is a control character there,
 * and libxlsxwriter counts "&G" as a picture even after "&&". */
char *
_mp_brief_escape_header (const char *text)
{
  g_autofree char *line = _mp_brief_clean_line (text, MP_BRIEF_HEADER_NAME_MAX);
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '&')
        {
          g_string_append (out, "&&");
          if (p[1] == 'G' || p[1] == '[')
            g_string_append (out, "\xe2\x80\x8b");   /* U+200B ZERO WIDTH SPACE */
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A sheet name from a translated text: Excel takes at most 31 characters
 * and none of []:*?/\; an apostrophe would need quoting in the formulas
 * that refer to the sheet.  A translation that breaks these rules must not
 * fail the export. */
char *
_mp_brief_sheet_name (const char *text)
{
  g_autofree char *line = _mp_brief_clean_line (text, G_MAXLONG);
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = line; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\'')
        ch = 0x2019;   /* RIGHT SINGLE QUOTATION MARK */
      else if (ch < 0x80 && strchr ("[]:*?/\\", (int) ch) != NULL)
        ch = '-';
      g_string_append_unichar (out, ch);
    }
  if (out->len == 0)
    g_string_append_c (out, '-');
  return g_string_free (out, FALSE);
}

/* A number as text with thousands separators in the brief's language
 * (1,234.5 or 1.234,5), for cells that combine two numbers. */
char *
_mp_brief_format_grouped (MpBriefBook *b,
                          double       value,
                          int          digits)
{
  g_autofree char *plain = NULL;
  GString *out = g_string_new (NULL);
  const char *p, *dot;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup ("–");
  plain = g_strdup_printf ("%.*f", digits, fabs (value));
  dot = strchr (plain, '.');
  int_len = dot != NULL ? (gsize) (dot - plain) : strlen (plain);
  if (value < 0 && strspn (plain, "0.") != strlen (plain))
    g_string_append_c (out, '-');
  for (p = plain; (gsize) (p - plain) < int_len; p++)
    {
      gsize left = int_len - (p - plain);

      g_string_append_c (out, *p);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append_c (out, b->decimal_comma ? '.' : ',');
    }
  if (dot != NULL)
    {
      g_string_append_c (out, b->decimal_comma ? ',' : '.');
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

