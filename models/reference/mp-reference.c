/* mp-reference.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-reference"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-models-resources.h"
#include "mp-reference.h"

/* The shipped files, compiled in from data/reference/ (mp-models.gresource.xml). */
#define REFERENCE_RESOURCE_DIR RESOURCE_BASE "/reference/"

/* Plausible reference years: UN WPP projections reach 2050, V-Dem starts long before 1950. */
#define YEAR_MIN 1950
#define YEAR_MAX 2100

/* Longest accepted source citation, in characters. */
#define SOURCE_MAX_CHARS 1000

/* Problems reported one by one in an error message before "… and N more". */
#define MAX_REPORTED_PROBLEMS 20

#define N_CSV_COLUMNS 5

static const char * const csv_columns[N_CSV_COLUMNS] = {
  "iso3", "indicator", "value", "year", "source",
};

/* Bounds outside which a value is refused as absurd (inclusive). */
static const struct
{
  double min;
  double max;
} indicator_ranges[MP_N_INDICATORS] = {
  [MP_IND_POPULATION]          = { 1, 1e10 },
  [MP_IND_WORKING_AGE_SHARE]   = { 0, 100 },
  [MP_IND_DEPENDENCY_RATIO]    = { 0, 300 },
  [MP_IND_OLD_AGE_DEPENDENCY]  = { 0, 300 },
  [MP_IND_MEDIAN_AGE]          = { 0, 100 },
  [MP_IND_WORKING_AGE_2025]    = { 0, 1e10 },
  [MP_IND_WORKING_AGE_2050]    = { 0, 1e10 },
  [MP_IND_WORKING_AGE_GROWTH]  = { -100, 1000 },
  [MP_IND_YOUTH_UNEMPLOYMENT]  = { 0, 100 },
  [MP_IND_REMITTANCES_PCT_GDP] = { 0, 100 },
  [MP_IND_REMITTANCES_USD]     = { 0, 1e13 },
  [MP_IND_GDP_PC_USD]          = { 1, 1e6 },
  [MP_IND_GDP_PC_PPP]          = { 1, 1e6 },
  [MP_IND_DOCTORS_PER_10K]     = { 0, 1000 },
  [MP_IND_NURSES_PER_10K]      = { 0, 1000 },
  [MP_IND_VDEM_LIBDEM]         = { 0, 1 },
  [MP_IND_VDEM_POLYARCHY]      = { 0, 1 },
};

static const struct
{
  const char  *id;
  const char  *label;
  MpIndicator  indicator;
  int          direction;
} ddi_components[MP_N_DDI_COMPONENTS] = {
  { "working_age_share", N_("Working-age share"), MP_IND_WORKING_AGE_SHARE, +1 },
  { "working_age_growth", N_("Working-age growth to 2050"), MP_IND_WORKING_AGE_GROWTH, +1 },
  { "youth_unemployment", N_("Youth unemployment (unused potential)"),
    MP_IND_YOUTH_UNEMPLOYMENT, +1 },
  { "old_age_dependency", N_("Old-age dependency"), MP_IND_OLD_AGE_DEPENDENCY, -1 },
};

static const char * const risk_basis_ids[MP_N_RISK_BASIS] = {
  "index",
  "override",
  "no_data",
};

static const char * const risk_basis_labels[MP_N_RISK_BASIS] = {
  N_("V-Dem Liberal Democracy Index"),
  N_("Context override"),
  N_("No index value: high as a precaution"),
};

G_DEFINE_QUARK (mp-reference-error-quark, mp_reference_error)

/* ---- Problems: per-row errors collected into one message ---------------- */

typedef struct
{
  GString *text;
  guint    count;
  int      first_code;
} Problems;

static void
problems_init (Problems *pr)
{
  pr->text = g_string_new (NULL);
  pr->count = 0;
  pr->first_code = -1;
}

static void
problems_clear (Problems *pr)
{
  g_string_free (pr->text, TRUE);
  pr->text = NULL;
}

static void problems_add (Problems   *pr,
                          int         code,
                          guint       line,
                          const char *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
problems_add (Problems   *pr,
              int         code,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (pr->count == 0)
    pr->first_code = code;
  pr->count++;

  if (pr->count > MAX_REPORTED_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (pr->text->len > 0)
    g_string_append_c (pr->text, '\n');
  /* TRANSLATORS: a problem in a CSV file: "line 12: unknown country code “XYZ”" */
  g_string_append_printf (pr->text, _("line %u: %s"), line, what);
}

/* Moves the collected problems into @error; returns TRUE when there were none. */
static gboolean
problems_propagate (Problems  *pr,
                    GError   **error)
{
  g_autoptr(GString) message = NULL;

  if (pr->count == 0)
    return TRUE;

  message = g_string_new (NULL);
  if (pr->count > 1)
    {
      g_string_append_printf (message,
                              mp_ngettext ("%u problem in the file:",
                                           "%u problems in the file:",
                                           pr->count),
                              pr->count);
      g_string_append_c (message, '\n');
    }
  g_string_append (message, pr->text->str);
  if (pr->count > MAX_REPORTED_PROBLEMS)
    {
      guint more = pr->count - MAX_REPORTED_PROBLEMS;

      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              mp_ngettext ("… and %u more problem",
                                           "… and %u more problems",
                                           more),
                              more);
    }

  g_set_error_literal (error, MP_REFERENCE_ERROR, pr->first_code, message->str);
  return FALSE;
}

/* ---- Text helpers ------------------------------------------------------- */

static char *
strip_dup (const char *s)
{
  return g_strstrip (g_strdup (s));
}

/* A short, single-line, printable excerpt of @s for messages. */
static char *
excerpt (const char *s)
{
  GString *out = g_string_new (NULL);
  const char *p = s;

  for (guint n = 0; *p != '\0' && n < 60; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

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

/* Parses a number written with a decimal point or a decimal comma and no
 * thousands separators: "12.5", "12,5", "-3", "38430770", "1e-05". */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *s = strip_dup (text);
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

static gboolean
parse_year (const char *text,
            int        *out)
{
  g_autofree char *s = strip_dup (text);
  guint64 y;

  if (strlen (s) != 4)
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  y = g_ascii_strtoull (s, NULL, 10);
  if (y < YEAR_MIN || y > YEAR_MAX)
    return FALSE;

  *out = (int) y;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *out)
{
  if (g_strcmp0 (text, "yes") == 0)
    *out = TRUE;
  else if (g_strcmp0 (text, "no") == 0)
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

/**
 * mp_reference_format_number:
 * @value: a number, or NaN
 *
 * Formats @value the way the indicator CSV writes it: locale-independent,
 * decimal point, no thousands separators, no exponent for ordinary
 * magnitudes, and the fewest decimals that read back to exactly the same
 * double ("38430770", "66.35", "0.009").
 *
 * Returns: (transfer full): the text, "" for NaN
 */
char *
mp_reference_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];

  if (isnan (value))
    return g_strdup ("");

  if (isfinite (value) && fabs (value) < 1e21)
    {
      for (int decimals = 0; decimals <= 20; decimals++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buf, sizeof buf, format, value);
          if (g_ascii_strtod (buf, NULL) == value)
            return g_strdup (buf);
        }
    }

  /* Very small or very large: the shortest exponent form that reads back. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

/* ---- CSV tokenizer (RFC 4180, ',' or ';') ------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;     /* physical line at p, 1-based */
  char        sep;
} CsvReader;

typedef enum
{
  CSV_RECORD,
  CSV_EOF,
  CSV_ERROR,
} CsvStatus;

static void
csv_reader_init (CsvReader  *r,
                 const char *data,
                 gsize       len)
{
  r->p = data;
  r->end = data + len;
  r->line = 1;
  r->sep = ',';

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r->p += 3;

  /* ';' is the separator when the header line has ';' and no ','. */
  {
    gboolean comma = FALSE, semicolon = FALSE;

    for (const char *q = r->p; q < r->end && *q != '\n' && *q != '\r'; q++)
      {
        if (*q == ',')
          comma = TRUE;
        else if (*q == ';')
          semicolon = TRUE;
      }
    if (semicolon && !comma)
      r->sep = ';';
  }
}

static gboolean
csv_at_line_end (const CsvReader *r)
{
  return r->p >= r->end || *r->p == '\n' || *r->p == '\r';
}

static void
csv_skip_line_end (CsvReader *r)
{
  if (r->p < r->end && *r->p == '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\n')
    r->p++;
  r->line++;
}

/* Reads one record into @fields (owned strings). Newlines inside quoted
 * fields are kept; @line_out is the line on which the record starts. */
static CsvStatus
csv_next_record (CsvReader  *r,
                 GPtrArray  *fields,
                 guint      *line_out,
                 GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  if (r->p >= r->end)
    return CSV_EOF;

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
                  g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_SYNTAX,
                               _("line %u: a quoted field is not closed"), start_line);
                  return CSV_ERROR;
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

          if (!csv_at_line_end (r) && *r->p != r->sep)
            {
              g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_SYNTAX,
                           _("line %u: unexpected text after a closing quote"), r->line);
              return CSV_ERROR;
            }
        }
      else
        {
          while (!csv_at_line_end (r) && *r->p != r->sep)
            {
              if (*r->p == '"')
                {
                  g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_SYNTAX,
                               _("line %u: a quote inside an unquoted field "
                                 "(quote the whole field and double the quote)"),
                               r->line);
                  return CSV_ERROR;
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

      csv_skip_line_end (r);
      return CSV_RECORD;
    }
}

static gboolean
record_is_blank (GPtrArray *fields)
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

static gboolean
refuse_too_large (guint64   size,
                  GError  **error)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (MP_REFERENCE_CSV_MAX_SIZE);

  g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_TOO_LARGE,
               _("The file is too large (%s); indicator files are limited to %s"),
               size_text, limit_text);
  return FALSE;
}

/* Checks size and encoding of CSV text, before anything is tokenized. */
static gboolean
check_csv_text (const char  *data,
                gsize        len,
                GError     **error)
{
  const char *bad = NULL;

  if (len > MP_REFERENCE_CSV_MAX_SIZE)
    return refuse_too_large (len, error);

  if (len >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe)
      && ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_ENCODING,
                   _("line %u: the file is UTF-16 text; save it as UTF-8"), 1u);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_ENCODING,
                   _("line %u: the file is not valid UTF-8 text "
                     "(invalid byte or NUL character); save it as UTF-8"),
                   count_lines_before (data, bad));
      return FALSE;
    }

  return TRUE;
}

/* ---- Generic table reader for the shipped files ------------------------- */

typedef struct
{
  guint   line;
  char  **fields;
} TableRow;

static void
table_row_free (TableRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static GBytes *
lookup_resource (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (REFERENCE_RESOURCE_DIR, name, NULL);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (mp_models_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_DATA,
                 _("The shipped reference file %s is missing: %s"), name, local_error->message);

  return bytes;
}

static void data_error (GError     **error,
                        const char  *file,
                        guint        line,
                        const char  *format,
                        ...) G_GNUC_PRINTF (4, 5);

static void
data_error (GError     **error,
            const char  *file,
            guint        line,
            const char  *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == 0)
    g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_DATA,
                 _("Shipped reference data %s: %s"), file, what);
  else
    /* TRANSLATORS: an error in a file shipped with the application: "partners.csv, line 3: …" */
    g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_DATA,
                 _("Shipped reference data %s, line %u: %s"), file, line, what);
}

/* Reads a shipped CSV whose header must be exactly @header; every row must
 * have as many fields as the header. Returns TableRow*. */
static GPtrArray *
read_table (const char          *name,
            const char * const  *header,
            GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  guint n_columns = g_strv_length ((char **) header);
  CsvReader reader;
  CsvStatus status;
  guint line = 0;

  bytes = lookup_resource (name, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (!check_csv_text (data, len, &local_error))
    {
      data_error (error, name, 0, "%s", local_error->message);
      return NULL;
    }

  csv_reader_init (&reader, data, len);
  status = csv_next_record (&reader, fields, &line, &local_error);
  if (status != CSV_RECORD || fields->len != n_columns)
    {
      data_error (error, name, 1, _("unexpected header"));
      return NULL;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (fields, i), header[i]) != 0)
        {
          data_error (error, name, 1, _("unexpected header"));
          return NULL;
        }
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  while ((status = csv_next_record (&reader, fields, &line, &local_error)) == CSV_RECORD)
    {
      TableRow *row;

      if (record_is_blank (fields))
        continue;
      if (fields->len != n_columns)
        {
          data_error (error, name, line, _("expected %u fields, found %u"), n_columns, fields->len);
          return NULL;
        }

      row = g_new0 (TableRow, 1);
      row->line = line;
      row->fields = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        row->fields[i] = g_strdup (g_ptr_array_index (fields, i));
      g_ptr_array_add (rows, row);
    }

  if (status == CSV_ERROR)
    {
      data_error (error, name, line, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ---- Indicator rows (the import/export format) -------------------------- */

typedef struct
{
  MpPartner   *partner;     /* borrowed from the reference */
  MpIndicator  indicator;
  MpValue      value;
  guint        line;
} IndicatorRow;

static void
indicator_row_free (IndicatorRow *row)
{
  g_free (row->value.source);
  g_free (row);
}

static gboolean
check_header (GPtrArray  *fields,
              GError    **error)
{
  gboolean ok = fields->len == N_CSV_COLUMNS;

  for (guint i = 0; ok && i < N_CSV_COLUMNS; i++)
    {
      g_autofree char *name = strip_dup (g_ptr_array_index (fields, i));

      ok = g_ascii_strcasecmp (name, csv_columns[i]) == 0;
    }

  if (!ok)
    {
      g_autofree char *joined = NULL;
      g_autofree char *found = NULL;

      g_ptr_array_add (fields, NULL);
      joined = g_strjoinv (",", (char **) fields->pdata);
      g_ptr_array_remove_index (fields, fields->len - 1);
      found = excerpt (joined);
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_HEADER,
                   _("line %u: the first line must be the header “%s”, found “%s”"),
                   1u, MP_REFERENCE_CSV_HEADER, found);
    }

  return ok;
}

static gboolean
source_is_clean (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;

  return TRUE;
}

/* Validates one data record; adds problems and returns NULL when invalid. */
static IndicatorRow *
read_indicator_row (const MpReference *reference,
                    GPtrArray         *fields,
                    guint              line,
                    GHashTable        *seen,
                    Problems          *pr)
{
  g_autofree char *iso3 = NULL;
  g_autofree char *id = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *key = NULL;
  MpPartner *partner = NULL;
  MpIndicator indicator = 0;
  gboolean have_indicator = FALSE;
  double value = NAN;
  int year = 0;
  guint before = pr->count;
  IndicatorRow *row;

  if (fields->len != N_CSV_COLUMNS)
    {
      problems_add (pr, MP_REFERENCE_ERROR_SYNTAX, line,
                    fields->len > N_CSV_COLUMNS
                    ? _("expected %u fields, found %u (quote a value with a decimal comma, "
                        "or separate the fields with “;”)")
                    : _("expected %u fields, found %u"),
                    (guint) N_CSV_COLUMNS, fields->len);
      return NULL;
    }

  iso3 = strip_dup (g_ptr_array_index (fields, 0));
  id = strip_dup (g_ptr_array_index (fields, 1));
  value_text = strip_dup (g_ptr_array_index (fields, 2));
  year_text = strip_dup (g_ptr_array_index (fields, 3));
  source = strip_dup (g_ptr_array_index (fields, 4));

  partner = mp_reference_find_partner (reference, iso3);
  if (partner == NULL)
    {
      g_autofree char *shown = excerpt (iso3);

      problems_add (pr, MP_REFERENCE_ERROR_UNKNOWN_PARTNER, line,
                    _("unknown country code “%s”: the reference set has no such country"), shown);
    }

  if (mp_indicator_from_string (id, &indicator))
    have_indicator = TRUE;
  else
    {
      g_autofree char *shown = excerpt (id);

      problems_add (pr, MP_REFERENCE_ERROR_UNKNOWN_INDICATOR, line,
                    _("unknown indicator “%s”"), shown);
    }

  if (*value_text != '\0')
    {
      g_autoptr(GError) range_error = NULL;

      if (!parse_number (value_text, &value))
        {
          g_autofree char *shown = excerpt (value_text);

          problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                        _("“%s” is not a number (write digits with one decimal point or "
                          "comma and no thousands separators)"), shown);
        }
      else if (have_indicator && !mp_indicator_validate (indicator, value, &range_error))
        problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, "%s", range_error->message);

      if (*year_text == '\0')
        problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, _("a value needs its year"));
      else if (!parse_year (year_text, &year))
        {
          g_autofree char *shown = excerpt (year_text);

          problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                        _("“%s” is not a year between %d and %d"), shown, YEAR_MIN, YEAR_MAX);
        }

      if (*source == '\0')
        problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, _("a value needs its source"));
    }
  else if (*year_text != '\0')
    problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("a year without a value (leave both empty for “no data”)"));

  if (!source_is_clean (source))
    problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("the source contains a line break or another control character"));
  else if (g_utf8_strlen (source, -1) > SOURCE_MAX_CHARS)
    problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("the source is longer than %d characters"), SOURCE_MAX_CHARS);

  if (partner != NULL && have_indicator)
    {
      gpointer first;

      key = g_strdup_printf ("%s/%d", partner->iso3, (int) indicator);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        problems_add (pr, MP_REFERENCE_ERROR_DUPLICATE, line,
                      _("%s %s is given twice (first on line %u)"),
                      partner->iso3, mp_indicator_to_string (indicator),
                      GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }

  if (pr->count != before)
    return NULL;

  row = g_new0 (IndicatorRow, 1);
  row->partner = partner;
  row->indicator = indicator;
  row->value.value = value;
  row->value.year = isnan (value) ? 0 : year;
  row->value.source = *source != '\0' ? g_steal_pointer (&source) : NULL;
  row->line = line;

  return row;
}

/* Reads and validates CSV text in the indicator format against @reference.
 * Returns IndicatorRow*, or NULL with every problem (up to a limit) in @error. */
static GPtrArray *
read_indicator_rows (const MpReference  *reference,
                     const char         *data,
                     gsize               len,
                     GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  CsvReader reader;
  CsvStatus status;
  Problems pr;
  guint line = 0;
  gboolean ok;

  if (!check_csv_text (data, len, error))
    return NULL;

  csv_reader_init (&reader, data, len);
  status = csv_next_record (&reader, fields, &line, &local_error);
  if (status == CSV_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (status == CSV_EOF)
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_HEADER,
                   _("line %u: the file is empty; the first line must be the header “%s”"),
                   1u, MP_REFERENCE_CSV_HEADER);
      return NULL;
    }
  if (!check_header (fields, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_row_free);
  problems_init (&pr);

  while ((status = csv_next_record (&reader, fields, &line, &local_error)) == CSV_RECORD)
    {
      IndicatorRow *row;

      if (record_is_blank (fields))
        continue;

      row = read_indicator_row (reference, fields, line, seen, &pr);
      if (row != NULL)
        g_ptr_array_add (rows, row);
    }

  /* A tokenizer error ends the file: report it with what came before. */
  if (status == CSV_ERROR)
    {
      if (pr.count == 0)
        pr.first_code = local_error->code;
      pr.count++;
      if (pr.count <= MAX_REPORTED_PROBLEMS)
        {
          if (pr.text->len > 0)
            g_string_append_c (pr.text, '\n');
          g_string_append (pr.text, local_error->message);
        }
    }

  ok = problems_propagate (&pr, error);
  problems_clear (&pr);

  return ok ? g_steal_pointer (&rows) : NULL;
}

/* ---- Loading the shipped set -------------------------------------------- */

static const char * const partners_header[] = {
  "iso3", "name", "region", "who_ssl", "who_ssl_source", "combiland", "excluded",
  "excluded_reason", NULL
};

static const char * const frameworks_header[] = {
  "iso3", "type", "label", "source", NULL
};

static const char * const overrides_header[] = {
  "iso3", "risk", "reason", "source", NULL
};

static const char * const profiles_header[] = {
  "iso3", "labour_mobility", "skills", "remittances", "investment_trade", "study", "visa",
  "protection", "development", "rationale", NULL
};

static const char * const sectors_header[] = {
  "code", "name", "sbi", "eqf", "demand", "health", "vacancies", "vacancies_year",
  "vacancies_source", "wage_month", "wage_year", "wage_source", "notes", NULL
};

static gboolean
load_vintage (MpReference  *ref,
              GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  bytes = lookup_resource ("reference.ini", error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!g_key_file_load_from_data (key_file, data, len, G_KEY_FILE_NONE, &local_error)
      || (ref->vintage = g_key_file_get_string (key_file, "reference", "vintage",
                                                &local_error)) == NULL)
    {
      data_error (error, "reference.ini", 0, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_partners (MpReference  *ref,
               GError      **error)
{
  g_autoptr(GPtrArray) rows = read_table ("partners.csv", partners_header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);
      char **f = row->fields;
      MpPartner *p;

      if (strlen (f[0]) != 3 || mp_reference_find_partner (ref, f[0]) != NULL)
        {
          data_error (error, "partners.csv", row->line, _("bad or repeated country code “%s”"),
                      f[0]);
          return FALSE;
        }

      p = mp_partner_new (f[0], f[1]);
      g_ptr_array_add (ref->partners, p);
      p->region = g_strdup (f[2]);
      p->who_ssl_source = g_strdup (f[4]);
      p->excluded_reason = *f[7] != '\0' ? g_strdup (f[7]) : NULL;
      if (!parse_bool (f[3], &p->who_ssl) || !parse_bool (f[5], &p->combiland)
          || !parse_bool (f[6], &p->excluded) || (p->excluded && p->excluded_reason == NULL))
        {
          data_error (error, "partners.csv", row->line, _("bad yes/no field or missing reason"));
          return FALSE;
        }
    }

  if (mp_reference_find_partner (ref, MP_REFERENCE_COUNTRY) == NULL)
    {
      data_error (error, "partners.csv", 0, _("the reference country %s is missing"),
                  MP_REFERENCE_COUNTRY);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_indicators (MpReference  *ref,
                 GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;

  bytes = lookup_resource ("indicators.csv", error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  rows = read_indicator_rows (ref, data, len, &local_error);
  if (rows == NULL)
    {
      data_error (error, "indicators.csv", 0, "%s", local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (rows, i);

      mp_value_set (&row->partner->ind[row->indicator], row->value.value, row->value.year,
                    row->value.source);
    }

  return TRUE;
}

static gboolean
load_frameworks (MpReference  *ref,
                 GError      **error)
{
  g_autoptr(GPtrArray) rows = read_table ("frameworks.csv", frameworks_header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);
      char **f = row->fields;
      MpPartner *p = mp_reference_find_partner (ref, f[0]);
      char ***list;
      guint n;

      if (p == NULL || *f[2] == '\0' || *f[3] == '\0')
        {
          data_error (error, "frameworks.csv", row->line,
                      _("unknown country or empty label or source"));
          return FALSE;
        }

      if (g_strcmp0 (f[1], "membership") == 0)
        list = &p->memberships;
      else if (g_strcmp0 (f[1], "framework") == 0)
        list = &p->frameworks;
      else
        {
          data_error (error, "frameworks.csv", row->line, _("unknown type “%s”"), f[1]);
          return FALSE;
        }

      n = g_strv_length (*list);
      *list = g_renew (char *, *list, n + 2);
      (*list)[n] = g_strdup (f[2]);
      (*list)[n + 1] = NULL;
    }

  return TRUE;
}

static gboolean
load_overrides (MpReference  *ref,
                GError      **error)
{
  g_autoptr(GPtrArray) rows = read_table ("risk-overrides.csv", overrides_header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);
      char **f = row->fields;
      MpPartner *p = mp_reference_find_partner (ref, f[0]);
      MpRisk risk;

      if (p == NULL || !mp_risk_from_string (f[1], &risk) || *f[2] == '\0' || *f[3] == '\0')
        {
          data_error (error, "risk-overrides.csv", row->line,
                      _("unknown country or risk class, or empty reason or source"));
          return FALSE;
        }

      p->has_risk_override = TRUE;
      p->risk_override = risk;
      p->risk_override_reason = g_strdup_printf ("%s (%s)", f[2], f[3]);
    }

  return TRUE;
}

static gboolean
load_profiles (MpReference  *ref,
               GError      **error)
{
  g_autoptr(GPtrArray) rows = read_table ("profiles.csv", profiles_header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);
      char **f = row->fields;
      MpPartner *p = mp_reference_find_partner (ref, f[0]);

      if (p == NULL || mp_partner_is_reference_country (p) || p->profile.rationale != NULL
          || *f[1 + MP_N_INTERESTS] == '\0')
        {
          data_error (error, "profiles.csv", row->line,
                      _("unknown, repeated or reference country, or no rationale"));
          return FALSE;
        }

      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          double w;

          if (!parse_number (f[1 + k], &w) || w < 0 || w > 5)
            {
              data_error (error, "profiles.csv", row->line, _("weight “%s” is not between 0 and 5"),
                          f[1 + k]);
              return FALSE;
            }
          p->profile.weights[k] = w;
        }
      p->profile.rationale = g_strdup (f[1 + MP_N_INTERESTS]);
    }

  for (guint i = 0; i < ref->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (ref->partners, i);

      if (p->profile.rationale == NULL && !mp_partner_is_reference_country (p))
        {
          data_error (error, "profiles.csv", 0, _("no interest profile for %s"), p->iso3);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads an optional sourced number: a value needs a year and a source; an
 * empty value may keep a note in the source column. */
static gboolean
read_sourced (MpValue    *v,
              const char *value_text,
              const char *year_text,
              const char *source)
{
  double value;
  int year;

  if (*value_text == '\0')
    {
      if (*year_text != '\0')
        return FALSE;
      mp_value_set (v, NAN, 0, *source != '\0' ? source : NULL);
      return TRUE;
    }

  if (!parse_number (value_text, &value) || value < 0 || !parse_year (year_text, &year)
      || *source == '\0')
    return FALSE;

  mp_value_set (v, value, year, source);
  return TRUE;
}

static gboolean
load_sectors (MpReference  *ref,
              GError      **error)
{
  g_autoptr(GPtrArray) rows = read_table ("sectors.csv", sectors_header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);
      char **f = row->fields;
      MpSector *s;
      double eqf;

      if (*f[0] == '\0' || mp_reference_find_sector (ref, f[0]) != NULL)
        {
          data_error (error, "sectors.csv", row->line, _("bad or repeated sector code “%s”"), f[0]);
          return FALSE;
        }

      s = mp_sector_new (f[0], f[1]);
      g_ptr_array_add (ref->sectors, s);
      s->sbi = g_strdup (f[2]);
      if (!parse_number (f[3], &eqf) || eqf != floor (eqf) || eqf < 1 || eqf > 8
          || !mp_demand_from_string (f[4], &s->demand) || !parse_bool (f[5], &s->health)
          || !read_sourced (&s->vacancies, f[6], f[7], f[8])
          || !read_sourced (&s->wage_month, f[9], f[10], f[11]))
        {
          data_error (error, "sectors.csv", row->line,
                      _("bad EQF level, demand type, yes/no field, or sourced value"));
          return FALSE;
        }
      s->eqf = (int) eqf;
    }

  return TRUE;
}

/**
 * mp_reference_load_default:
 * @error: return location for a #GError, or %NULL
 *
 * Loads the reference set shipped with the application (compiled in from
 * data/reference/): the partners with their indicators, memberships,
 * frameworks, risk overrides and interest profiles, the Dutch sectors, and
 * the vintage. Each call returns a new, independent copy.
 *
 * Returns: (transfer full) (nullable): the reference set, or %NULL with
 *   %MP_REFERENCE_ERROR_DATA set when the shipped data is broken
 */
MpReference *
mp_reference_load_default (GError **error)
{
  g_autoptr(MpReference) ref = mp_reference_new ();

  if (!load_vintage (ref, error)
      || !load_partners (ref, error)
      || !load_indicators (ref, error)
      || !load_frameworks (ref, error)
      || !load_overrides (ref, error)
      || !load_profiles (ref, error)
      || !load_sectors (ref, error))
    return NULL;

  return g_steal_pointer (&ref);
}

/**
 * mp_partner_is_reference_country:
 * @partner: a partner
 *
 * Returns: %TRUE for the Netherlands, the country the partners are compared
 *   with (never a partner itself)
 */
gboolean
mp_partner_is_reference_country (const MpPartner *partner)
{
  g_return_val_if_fail (partner != NULL, FALSE);

  return g_strcmp0 (partner->iso3, MP_REFERENCE_COUNTRY) == 0;
}

/**
 * mp_indicator_range:
 * @indicator: an indicator
 * @min: (out) (optional): the lowest plausible value
 * @max: (out) (optional): the highest plausible value
 *
 * The bounds outside which a value is refused as absurd: shares lie in
 * 0–100, V-Dem indices in 0–1, populations are positive, and so on.
 */
void
mp_indicator_range (MpIndicator  indicator,
                    double      *min,
                    double      *max)
{
  g_return_if_fail ((int) indicator >= 0 && indicator < MP_N_INDICATORS);

  if (min != NULL)
    *min = indicator_ranges[indicator].min;
  if (max != NULL)
    *max = indicator_ranges[indicator].max;
}

/**
 * mp_indicator_validate:
 * @indicator: an indicator
 * @value: a value for it
 * @error: return location for a #GError, or %NULL
 *
 * Checks that @value is finite and within mp_indicator_range().
 *
 * Returns: %TRUE when plausible; otherwise %FALSE with
 *   %MP_REFERENCE_ERROR_VALUE set
 */
gboolean
mp_indicator_validate (MpIndicator   indicator,
                       double        value,
                       GError      **error)
{
  double min, max;

  g_return_val_if_fail ((int) indicator >= 0 && indicator < MP_N_INDICATORS, FALSE);

  mp_indicator_range (indicator, &min, &max);
  if (!isfinite (value))
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE,
                   _("%s: the value is not a finite number"), mp_indicator_to_string (indicator));
      return FALSE;
    }
  if (value < min || value > max)
    {
      g_autofree char *shown = mp_reference_format_number (value);
      g_autofree char *lo = mp_reference_format_number (min);
      g_autofree char *hi = mp_reference_format_number (max);

      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE,
                   _("%s = %s is not plausible (expected %s to %s)"),
                   mp_indicator_to_string (indicator), shown, lo, hi);
      return FALSE;
    }

  return TRUE;
}

/* ---- Country risk -------------------------------------------------------- */

/**
 * mp_risk_thresholds_init:
 * @thresholds: thresholds to fill
 *
 * Sets the defaults of DOMAIN.md §4.4: low ≥ 0.45, medium 0.20–0.45, high < 0.20.
 */
void
mp_risk_thresholds_init (MpRiskThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->low = MP_RISK_THRESHOLD_LOW_DEFAULT;
  thresholds->medium = MP_RISK_THRESHOLD_MEDIUM_DEFAULT;
}

/**
 * mp_risk_thresholds_validate:
 * @thresholds: thresholds
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when 0 ≤ medium ≤ low ≤ 1; otherwise %FALSE with
 *   %MP_REFERENCE_ERROR_VALUE set
 */
gboolean
mp_risk_thresholds_validate (const MpRiskThresholds  *thresholds,
                             GError                 **error)
{
  g_return_val_if_fail (thresholds != NULL, FALSE);

  if (!(thresholds->medium >= 0 && thresholds->medium <= thresholds->low && thresholds->low <= 1))
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE,
                   _("Risk thresholds must satisfy 0 ≤ medium ≤ low ≤ 1 (got medium %g, low %g)"),
                   thresholds->medium, thresholds->low);
      return FALSE;
    }

  return TRUE;
}

/**
 * mp_risk_classify:
 * @libdem: V-Dem Liberal Democracy Index (0–1), NaN when missing
 * @thresholds: (nullable): thresholds, %NULL for the defaults
 *
 * Returns: low at or above the low threshold, medium at or above the medium
 *   threshold, high below it; high when @libdem is missing (a precaution)
 */
MpRisk
mp_risk_classify (double                  libdem,
                  const MpRiskThresholds *thresholds)
{
  MpRiskThresholds defaults;

  if (thresholds == NULL)
    {
      mp_risk_thresholds_init (&defaults);
      thresholds = &defaults;
    }

  if (isnan (libdem))
    return MP_RISK_HIGH;
  if (libdem >= thresholds->low)
    return MP_RISK_LOW;
  if (libdem >= thresholds->medium)
    return MP_RISK_MEDIUM;

  return MP_RISK_HIGH;
}

/**
 * mp_partner_risk:
 * @partner: a partner
 * @thresholds: (nullable): thresholds, %NULL for the defaults
 * @basis: (out) (optional): what the class rests on
 *
 * The country risk class for migrants (§4.4): the partner's override when it
 * has one (its reason is in @partner->risk_override_reason), else the class of
 * its V-Dem Liberal Democracy Index.
 *
 * Returns: the risk class
 */
MpRisk
mp_partner_risk (const MpPartner        *partner,
                 const MpRiskThresholds *thresholds,
                 MpRiskBasis            *basis)
{
  double libdem;

  g_return_val_if_fail (partner != NULL, MP_RISK_HIGH);

  libdem = partner->ind[MP_IND_VDEM_LIBDEM].value;

  /* An override outside the enum (a damaged file) is ignored, not trusted. */
  if (partner->has_risk_override && (int) partner->risk_override >= 0 &&
      partner->risk_override < MP_N_RISK)
    {
      if (basis != NULL)
        *basis = MP_RISK_BASIS_OVERRIDE;
      return partner->risk_override;
    }

  if (basis != NULL)
    *basis = isnan (libdem) ? MP_RISK_BASIS_NO_DATA : MP_RISK_BASIS_INDEX;

  return mp_risk_classify (libdem, thresholds);
}

/**
 * mp_risk_basis_to_string:
 * @basis: a basis
 *
 * Returns: its stable identifier ("index", "override", "no_data")
 */
const char *
mp_risk_basis_to_string (MpRiskBasis basis)
{
  g_return_val_if_fail ((int) basis >= 0 && basis < MP_N_RISK_BASIS, NULL);

  return risk_basis_ids[basis];
}

/**
 * mp_risk_basis_label:
 * @basis: a basis
 *
 * Returns: a translated label
 */
const char *
mp_risk_basis_label (MpRiskBasis basis)
{
  g_return_val_if_fail ((int) basis >= 0 && basis < MP_N_RISK_BASIS, NULL);

  return _(risk_basis_labels[basis]);
}

/* ---- Demographic-dividend index ----------------------------------------- */

static void
ddi_entry_free (MpDdiEntry *entry)
{
  g_free (entry->iso3);
  g_free (entry);
}

/**
 * mp_reference_compute_ddi:
 * @reference: a reference set
 *
 * Computes the demographic-dividend index of DOMAIN.md §4.6 for every
 * partner. Each component is min–max normalised over the partners of
 * @reference except the reference country (excluded partners such as Libya
 * stay in the set: the index describes demography, not eligibility); old-age
 * dependency counts negatively. The index is 100 × the mean of the
 * components a partner has a value for; a component whose values are all
 * equal carries no information and is left out for everyone. The reference
 * country gets raw values but no index and no rank.
 *
 * Returns: (transfer full): the index, free with mp_ddi_free()
 */
MpDdi *
mp_reference_compute_ddi (const MpReference *reference)
{
  MpDdi *ddi;

  g_return_val_if_fail (reference != NULL, NULL);

  ddi = g_new0 (MpDdi, 1);
  ddi->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ddi_entry_free);

  for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
    {
      ddi->min[c] = NAN;
      ddi->max[c] = NAN;
    }

  for (guint i = 0; i < reference->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (reference->partners, i);
      MpDdiEntry *e = g_new0 (MpDdiEntry, 1);

      e->iso3 = g_strdup (p->iso3);
      e->in_set = !mp_partner_is_reference_country (p);
      e->index = NAN;
      if (e->in_set)
        ddi->set_size++;

      for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
        {
          double x = p->ind[ddi_components[c].indicator].value;

          e->raw[c] = x;
          e->normalised[c] = NAN;
          if (!e->in_set || isnan (x))
            continue;
          if (isnan (ddi->min[c]) || x < ddi->min[c])
            ddi->min[c] = x;
          if (isnan (ddi->max[c]) || x > ddi->max[c])
            ddi->max[c] = x;
        }

      g_ptr_array_add (ddi->entries, e);
    }

  for (guint i = 0; i < ddi->entries->len; i++)
    {
      MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);
      double sum = 0;

      if (!e->in_set)
        continue;

      for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
        {
          double range = ddi->max[c] - ddi->min[c];
          double n;

          if (isnan (e->raw[c]) || !(range > 0))
            continue;

          n = (e->raw[c] - ddi->min[c]) / range;
          if (ddi_components[c].direction < 0)
            n = 1.0 - n;
          e->normalised[c] = n;
          sum += n;
          e->n_components++;
        }

      if (e->n_components > 0)
        e->index = 100.0 * sum / e->n_components;
    }

  /* Competition ranking: ties share a rank. */
  for (guint i = 0; i < ddi->entries->len; i++)
    {
      MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);

      if (isnan (e->index))
        continue;

      e->rank = 1;
      for (guint j = 0; j < ddi->entries->len; j++)
        {
          MpDdiEntry *o = g_ptr_array_index (ddi->entries, j);

          if (!isnan (o->index) && o->index > e->index)
            e->rank++;
        }
    }

  return ddi;
}

/**
 * mp_ddi_free:
 * @ddi: (nullable): an index
 *
 * Frees @ddi.
 */
void
mp_ddi_free (MpDdi *ddi)
{
  if (ddi == NULL)
    return;

  g_clear_pointer (&ddi->entries, g_ptr_array_unref);
  g_free (ddi);
}

/**
 * mp_ddi_lookup:
 * @ddi: an index
 * @iso3: ISO alpha-3 code (case-insensitive)
 *
 * Returns: (transfer none) (nullable): the partner's entry, or %NULL
 */
const MpDdiEntry *
mp_ddi_lookup (const MpDdi *ddi,
               const char  *iso3)
{
  g_return_val_if_fail (ddi != NULL, NULL);

  for (guint i = 0; iso3 != NULL && i < ddi->entries->len; i++)
    {
      const MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);

      if (g_ascii_strcasecmp (e->iso3, iso3) == 0)
        return e;
    }

  return NULL;
}

/**
 * mp_ddi_component_indicator:
 * @component: a component
 *
 * Returns: the indicator the component is computed from
 */
MpIndicator
mp_ddi_component_indicator (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, 0);

  return ddi_components[component].indicator;
}

/**
 * mp_ddi_component_direction:
 * @component: a component
 *
 * Returns: +1 when a higher value means a larger dividend, −1 otherwise
 */
int
mp_ddi_component_direction (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, 0);

  return ddi_components[component].direction;
}

/**
 * mp_ddi_component_to_string:
 * @component: a component
 *
 * Returns: its stable identifier, e.g. "old_age_dependency"
 */
const char *
mp_ddi_component_to_string (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, NULL);

  return ddi_components[component].id;
}

/**
 * mp_ddi_component_label:
 * @component: a component
 *
 * Returns: a translated label
 */
const char *
mp_ddi_component_label (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, NULL);

  return _(ddi_components[component].label);
}

/* ---- CSV import and export ---------------------------------------------- */

/**
 * mp_indicator_change_free:
 * @change: (nullable): a change
 *
 * Frees @change.
 */
void
mp_indicator_change_free (MpIndicatorChange *change)
{
  if (change == NULL)
    return;

  g_free (change->iso3);
  g_free (change->old_value.source);
  g_free (change->new_value.source);
  g_free (change);
}

static gboolean
values_equal (const MpValue *a,
              const MpValue *b)
{
  gboolean a_present = !isnan (a->value);
  gboolean b_present = !isnan (b->value);
  const char *sa = a->source != NULL ? a->source : "";
  const char *sb = b->source != NULL ? b->source : "";

  if (a_present != b_present || strcmp (sa, sb) != 0)
    return FALSE;

  return !a_present || (a->value == b->value && a->year == b->year);
}

static void
value_copy (MpValue       *dst,
            const MpValue *src)
{
  dst->value = src->value;
  dst->year = src->year;
  dst->source = g_strdup (src->source);
}

/**
 * mp_reference_parse_csv:
 * @reference: the reference set the file updates
 * @data: CSV text, UTF-8 with or without a byte-order mark
 * @len: length of @data in bytes
 * @changes_out: (out) (transfer full) (element-type MpIndicatorChange):
 *   the changes, in file order; only rows that differ from @reference
 * @error: return location for a #GError, or %NULL
 *
 * Reads indicator values in the format of data/reference/README.md: the
 * header `iso3,indicator,value,year,source`, fields separated by ',' or
 * (when the header uses it) ';', quoted as in RFC 4180, numbers with a
 * decimal point or comma and no thousands separators. An empty value (with
 * an empty year) means "no data". @reference is not modified.
 *
 * Text larger than %MP_REFERENCE_CSV_MAX_SIZE is refused before it is read.
 * Every row is checked; the error lists the problems with their line
 * numbers (the code is that of the first problem).
 *
 * Returns: %TRUE on success, %FALSE with @error set and @changes_out untouched
 */
gboolean
mp_reference_parse_csv (const MpReference  *reference,
                        const char         *data,
                        gsize               len,
                        GPtrArray         **changes_out,
                        GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (changes_out != NULL, FALSE);

  rows = read_indicator_rows (reference, data != NULL ? data : "", len, error);
  if (rows == NULL)
    return FALSE;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_indicator_change_free);
  for (guint i = 0; i < rows->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (rows, i);
      const MpValue *current = &row->partner->ind[row->indicator];
      MpIndicatorChange *change;

      if (values_equal (current, &row->value))
        continue;

      change = g_new0 (MpIndicatorChange, 1);
      change->iso3 = g_strdup (row->partner->iso3);
      change->indicator = row->indicator;
      value_copy (&change->old_value, current);
      value_copy (&change->new_value, &row->value);
      change->line = row->line;
      g_ptr_array_add (changes, change);
    }

  *changes_out = g_steal_pointer (&changes);
  return TRUE;
}

/**
 * mp_reference_parse_csv_file:
 * @reference: the reference set the file updates
 * @path: a file name
 * @changes_out: (out) (transfer full) (element-type MpIndicatorChange): the changes
 * @error: return location for a #GError, or %NULL
 *
 * Like mp_reference_parse_csv(), reading @path; a file larger than
 * %MP_REFERENCE_CSV_MAX_SIZE is refused from its size alone, unread.
 *
 * Returns: %TRUE on success
 */
gboolean
mp_reference_parse_csv_file (const MpReference  *reference,
                             const char         *path,
                             GPtrArray         **changes_out,
                             GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (changes_out != NULL, FALSE);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && g_file_info_get_size (info) > MP_REFERENCE_CSV_MAX_SIZE)
    return refuse_too_large ((guint64) g_file_info_get_size (info), error);

  /* A pipe or a device (process substitution, /dev/zero) has no size: read at
   * most one byte over the limit, never everything (mp_reference_parse_csv()
   * refuses what is over it). */
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  contents = g_malloc (MP_REFERENCE_CSV_MAX_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), contents, MP_REFERENCE_CSV_MAX_SIZE + 1,
                                &len, NULL, error))
    return FALSE;

  return mp_reference_parse_csv (reference, contents, len, changes_out, error);
}

/**
 * mp_reference_apply_changes:
 * @reference: the reference set to change
 * @changes: (element-type MpIndicatorChange): changes from mp_reference_parse_csv()
 * @error: return location for a #GError, or %NULL
 *
 * Applies all of @changes or none: when any change names an unknown
 * partner, or its old value no longer matches @reference, nothing is
 * changed and %MP_REFERENCE_ERROR_STALE is set.
 *
 * Returns: %TRUE when every change was applied
 */
gboolean
mp_reference_apply_changes (MpReference  *reference,
                            GPtrArray    *changes,
                            GError      **error)
{
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  for (guint i = 0; i < changes->len; i++)
    {
      const MpIndicatorChange *c = g_ptr_array_index (changes, i);
      const MpPartner *p = mp_reference_find_partner (reference, c->iso3);

      if (p == NULL || (int) c->indicator < 0 || c->indicator >= MP_N_INDICATORS
          || !values_equal (&p->ind[c->indicator], &c->old_value))
        {
          g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_STALE,
                       _("%s %s no longer has the value the changes were made against; "
                         "nothing was changed"),
                       c->iso3, (int) c->indicator >= 0 && c->indicator < MP_N_INDICATORS
                                ? mp_indicator_to_string (c->indicator) : "?");
          return FALSE;
        }
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const MpIndicatorChange *c = g_ptr_array_index (changes, i);
      MpPartner *p = mp_reference_find_partner (reference, c->iso3);

      mp_value_set (&p->ind[c->indicator], c->new_value.value, c->new_value.year,
                    c->new_value.source);
    }

  return TRUE;
}

static void
append_csv_field (GString    *out,
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

/**
 * mp_reference_to_csv:
 * @reference: a reference set
 * @len_out: (out) (optional): the length in bytes
 *
 * Writes every indicator of every partner in the import format (','
 * separated, decimal point, UTF-8 without byte-order mark, "\n" line ends),
 * missing values as empty value and year. Parsing the result against
 * @reference gives no changes.
 *
 * Returns: (transfer full): the CSV text
 */
char *
mp_reference_to_csv (const MpReference *reference,
                     gsize             *len_out)
{
  GString *out;

  g_return_val_if_fail (reference != NULL, NULL);

  out = g_string_new (MP_REFERENCE_CSV_HEADER "\n");

  for (guint i = 0; i < reference->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (reference->partners, i);

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];
          g_autofree char *value = mp_reference_format_number (v->value);
          g_autofree char *year = !isnan (v->value) ? g_strdup_printf ("%d", v->year)
                                                    : g_strdup ("");

          append_csv_field (out, p->iso3);
          g_string_append_c (out, ',');
          append_csv_field (out, mp_indicator_to_string (k));
          g_string_append_c (out, ',');
          append_csv_field (out, value);
          g_string_append_c (out, ',');
          append_csv_field (out, year);
          g_string_append_c (out, ',');
          append_csv_field (out, v->source);
          g_string_append_c (out, '\n');
        }
    }

  if (len_out != NULL)
    *len_out = out->len;

  return g_string_free (out, FALSE);
}
