/* mp-csv.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-csv"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-csv.h"

/* Problems reported one by one in an error message before "… and N more". */
#define MAX_REPORTED_PROBLEMS 20

G_DEFINE_QUARK (mp-csv-error-quark, mp_csv_error)

/* ---- Reading records ---------------------------------------------------- */

static guint
count_lines_before (const char *data,
                    const char *pos)
{
  guint line = 1;

  for (const char *p = data; p < pos; p++)
    if (*p == '\n')
      line++;

  return line;
}

/**
 * mp_csv_check_text:
 * @data: the text
 * @len: its length in bytes
 * @error: return location for a #GError, or %NULL
 *
 * Checks the encoding of CSV text before anything is tokenized: UTF-16 (a
 * byte-order mark) and text that is not valid UTF-8, or holds NUL bytes, are
 * refused with the line of the first bad byte.
 *
 * Returns: %TRUE when @data is UTF-8 text; otherwise %FALSE with
 *   %MP_CSV_ERROR_ENCODING set
 */
gboolean
mp_csv_check_text (const char  *data,
                   gsize        len,
                   GError     **error)
{
  const char *bad = NULL;

  if (len >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe)
      && ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    {
      g_set_error (error, MP_CSV_ERROR, MP_CSV_ERROR_ENCODING,
                   _("line %u: the file is UTF-16 text; save it as UTF-8"), 1u);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, MP_CSV_ERROR, MP_CSV_ERROR_ENCODING,
                   _("line %u: the file is not valid UTF-8 text "
                     "(invalid byte or NUL character); save it as UTF-8"),
                   count_lines_before (data, bad));
      return FALSE;
    }

  return TRUE;
}

/**
 * mp_csv_reader_init:
 * @reader: a reader
 * @data: UTF-8 text, with or without a byte-order mark
 * @len: its length in bytes
 *
 * Starts reading @data.  The separator is ';' when the first line has ';'
 * and no ',' (as Excel writes CSV in locales with a decimal comma), else ','.
 */
void
mp_csv_reader_init (MpCsvReader *reader,
                    const char  *data,
                    gsize        len)
{
  gboolean comma = FALSE, semicolon = FALSE;

  reader->p = data;
  reader->end = data + len;
  reader->line = 1;
  reader->sep = ',';

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader->p += 3;

  for (const char *q = reader->p; q < reader->end && *q != '\n' && *q != '\r'; q++)
    {
      if (*q == ',')
        comma = TRUE;
      else if (*q == ';')
        semicolon = TRUE;
    }
  if (semicolon && !comma)
    reader->sep = ';';
}

static gboolean
at_line_end (const MpCsvReader *r)
{
  return r->p >= r->end || *r->p == '\n' || *r->p == '\r';
}

static void
skip_line_end (MpCsvReader *r)
{
  if (r->p < r->end && *r->p == '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\n')
    r->p++;
  r->line++;
}

/**
 * mp_csv_reader_next:
 * @reader: a reader
 * @fields: (element-type utf8): receives the record's fields (owned strings;
 *   the array must free its elements with g_free())
 * @line_out: (out): the line on which the record starts
 * @error: return location for a #GError, or %NULL
 *
 * Reads one record (RFC 4180: a quoted field may hold separators, line
 * breaks, and quotes doubled).
 *
 * Returns: %MP_CSV_RECORD, %MP_CSV_END after the last record, or
 *   %MP_CSV_FAILED with %MP_CSV_ERROR_SYNTAX set
 */
MpCsvStatus
mp_csv_reader_next (MpCsvReader  *reader,
                    GPtrArray    *fields,
                    guint        *line_out,
                    GError      **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  MpCsvReader *r = reader;

  g_ptr_array_set_size (fields, 0);
  if (r->p >= r->end)
    return MP_CSV_END;

  *line_out = r->line;

  for (;;)
    {
      g_string_truncate (field, 0);

      if (r->p < r->end && *r->p == '"')
        {
          guint start_line = r->line;

          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  g_set_error (error, MP_CSV_ERROR, MP_CSV_ERROR_SYNTAX,
                               _("line %u: a quoted field is not closed"), start_line);
                  return MP_CSV_FAILED;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n' || (*r->p == '\r' && (r->p + 1 >= r->end || r->p[1] != '\n')))
                r->line++;
              g_string_append_c (field, *r->p);
              r->p++;
            }

          if (!at_line_end (r) && *r->p != r->sep)
            {
              g_set_error (error, MP_CSV_ERROR, MP_CSV_ERROR_SYNTAX,
                           _("line %u: unexpected text after a closing quote"), r->line);
              return MP_CSV_FAILED;
            }
        }
      else
        {
          while (!at_line_end (r) && *r->p != r->sep)
            {
              if (*r->p == '"')
                {
                  g_set_error (error, MP_CSV_ERROR, MP_CSV_ERROR_SYNTAX,
                               _("line %u: a quote inside an unquoted field "
                                 "(quote the whole field and double the quote)"),
                               r->line);
                  return MP_CSV_FAILED;
                }
              g_string_append_c (field, *r->p);
              r->p++;
            }
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (r->p < r->end && *r->p == r->sep)
        {
          r->p++;
          continue;
        }

      skip_line_end (r);
      return MP_CSV_RECORD;
    }
}

/**
 * mp_csv_record_is_blank:
 * @fields: (element-type utf8): a record
 *
 * Returns: %TRUE when every field is empty or white space
 */
gboolean
mp_csv_record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);

      for (; *f != '\0'; f++)
        if (!g_ascii_isspace (*f))
          return FALSE;
    }

  return TRUE;
}

/**
 * mp_csv_dup_field:
 * @fields: (element-type utf8): a record
 * @i: a field index below @fields->len
 *
 * Returns: (transfer full): field @i without surrounding white space
 */
char *
mp_csv_dup_field (GPtrArray *fields,
                  guint      i)
{
  g_return_val_if_fail (i < fields->len, NULL);

  return g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
}

/**
 * mp_csv_parse_number:
 * @text: a field
 * @out: (out): the number
 *
 * Parses a number written with a decimal point or a decimal comma and no
 * thousands separators, with optional sign and exponent, surrounding white
 * space ignored: "12.5", "12,5", "-3", "38430770", "1e-05".  "38,430,770",
 * "nan" and "inf" are refused.
 *
 * Returns: %TRUE when @text is such a finite number; @out is then set
 */
gboolean
mp_csv_parse_number (const char *text,
                     double     *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  const char *p = s;
  char *end = NULL;
  guint separators = 0;
  gboolean digits = FALSE;
  double v;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0' && *p != 'e' && *p != 'E'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' || *p == ',')
        separators++;
      else
        return FALSE;
    }
  if (!digits || separators > 1)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  for (char *q = s; *q != '\0'; q++)
    if (*q == ',')
      *q = '.';

  v = g_ascii_strtod (s, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;

  *out = v;
  return TRUE;
}

/* ---- Writing ------------------------------------------------------------ */

/**
 * mp_csv_append_field:
 * @out: the text being written
 * @field: (nullable): a field; %NULL is written as an empty field
 *
 * Appends @field, quoted when it holds a separator (',' or ';'), a quote or
 * a line break, or starts or ends with white space; quotes are doubled.
 */
void
mp_csv_append_field (GString    *out,
                     const char *field)
{
  gboolean quote = FALSE;

  if (field == NULL)
    field = "";

  for (const char *p = field; *p != '\0'; p++)
    if (*p == ',' || *p == ';' || *p == '"' || *p == '\n' || *p == '\r')
      quote = TRUE;
  if (*field != '\0' && (g_ascii_isspace (field[0]) || g_ascii_isspace (field[strlen (field) - 1])))
    quote = TRUE;

  if (!quote)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* ---- Problems: per-row errors collected into one message ---------------- */

/**
 * mp_csv_problems_init:
 * @problems: problems to start collecting
 */
void
mp_csv_problems_init (MpCsvProblems *problems)
{
  problems->text = g_string_new (NULL);
  problems->count = 0;
  problems->first_code = -1;
}

/**
 * mp_csv_problems_clear:
 * @problems: collected problems
 *
 * Frees what @problems holds.
 */
void
mp_csv_problems_clear (MpCsvProblems *problems)
{
  g_string_free (problems->text, TRUE);
  problems->text = NULL;
}

/* Counts a problem; returns whether its text is still reported. */
static gboolean
count_problem (MpCsvProblems *problems,
               int            code)
{
  if (problems->count == 0)
    problems->first_code = code;
  problems->count++;

  return problems->count <= MAX_REPORTED_PROBLEMS;
}

static void
append_problem (MpCsvProblems *problems,
                const char    *message)
{
  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  g_string_append (problems->text, message);
}

/**
 * mp_csv_problems_add_error:
 * @problems: collected problems
 * @code: the error code of the problem, in the domain given to
 *   mp_csv_problems_propagate()
 * @message: the problem, naming its line
 *
 * Adds a problem whose message is complete, such as the error of
 * mp_csv_reader_next().  Only the first 20 problems are kept in full.
 */
void
mp_csv_problems_add_error (MpCsvProblems *problems,
                           int            code,
                           const char    *message)
{
  if (count_problem (problems, code))
    append_problem (problems, message);
}

/**
 * mp_csv_problems_add:
 * @problems: collected problems
 * @code: the error code of the problem
 * @line: the line of the row
 * @format: printf-style description of the problem
 * @...: its arguments
 *
 * Adds the problem "line @line: …".
 */
void
mp_csv_problems_add (MpCsvProblems *problems,
                     int            code,
                     guint          line,
                     const char    *format,
                     ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (!count_problem (problems, code))
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a problem in a CSV file: "line 12: unknown country code “XYZ”" */
  message = g_strdup_printf (_("line %u: %s"), line, what);
  append_problem (problems, message);
}

/**
 * mp_csv_problems_propagate:
 * @problems: collected problems
 * @domain: the error domain of the problems' codes
 * @error: return location for a #GError, or %NULL
 *
 * Moves the collected problems into @error: one message that counts them,
 * lists the first 20 with their lines and says how many more there were;
 * its code is that of the first problem.
 *
 * Returns: %TRUE when there were no problems
 */
gboolean
mp_csv_problems_propagate (MpCsvProblems *problems,
                           GQuark         domain,
                           GError       **error)
{
  g_autoptr(GString) message = NULL;

  if (problems->count == 0)
    return TRUE;

  message = g_string_new (NULL);
  if (problems->count > 1)
    {
      g_string_append_printf (message,
                              mp_ngettext ("%u problem in the file:",
                                           "%u problems in the file:",
                                           problems->count),
                              problems->count);
      g_string_append_c (message, '\n');
    }
  g_string_append (message, problems->text->str);
  if (problems->count > MAX_REPORTED_PROBLEMS)
    {
      guint more = problems->count - MAX_REPORTED_PROBLEMS;

      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              mp_ngettext ("… and %u more problem",
                                           "… and %u more problems",
                                           more),
                              more);
    }

  g_set_error_literal (error, domain, problems->first_code, message->str);
  return FALSE;
}
