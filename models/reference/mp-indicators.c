/* mp-indicators.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-reference"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-csv.h"
#include "mp-reference.h"
#include "mp-reference-private.h"

/* Indicator values: their plausible ranges, and the CSV format in which they
 * are shipped (data/reference/indicators.csv), imported and exported
 * (data/reference/README.md; models/README.md, “Reference data”). */

/* Plausible reference years: UN WPP projections reach 2050, V-Dem starts long before 1950. */
#define YEAR_MIN 1950
#define YEAR_MAX 2100

/* Longest accepted source citation, in characters. */
#define SOURCE_MAX_CHARS 1000

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

/* ---- Plausible values --------------------------------------------------- */

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

/* ---- Reading the CSV format --------------------------------------------- */

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

/* Parses a year of four digits within YEAR_MIN–YEAR_MAX, surrounding white
 * space ignored. */
gboolean
_mp_reference_parse_year (const char *text,
                          int        *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
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
gboolean
_mp_reference_check_csv_text (const char  *data,
                              gsize        len,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (len > MP_REFERENCE_CSV_MAX_SIZE)
    return refuse_too_large (len, error);

  if (!mp_csv_check_text (data, len, &local_error))
    {
      g_set_error_literal (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_ENCODING,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

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
      g_autofree char *name = mp_csv_dup_field (fields, i);

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
                    MpCsvProblems     *pr)
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
      mp_csv_problems_add (pr, MP_REFERENCE_ERROR_SYNTAX, line,
                    fields->len > N_CSV_COLUMNS
                    ? _("expected %u fields, found %u (quote a value with a decimal comma, "
                        "or separate the fields with “;”)")
                    : _("expected %u fields, found %u"),
                    (guint) N_CSV_COLUMNS, fields->len);
      return NULL;
    }

  iso3 = mp_csv_dup_field (fields, 0);
  id = mp_csv_dup_field (fields, 1);
  value_text = mp_csv_dup_field (fields, 2);
  year_text = mp_csv_dup_field (fields, 3);
  source = mp_csv_dup_field (fields, 4);

  partner = mp_reference_find_partner (reference, iso3);
  if (partner == NULL)
    {
      g_autofree char *shown = excerpt (iso3);

      mp_csv_problems_add (pr, MP_REFERENCE_ERROR_UNKNOWN_PARTNER, line,
                    _("unknown country code “%s”: the reference set has no such country"), shown);
    }

  if (mp_indicator_from_string (id, &indicator))
    have_indicator = TRUE;
  else
    {
      g_autofree char *shown = excerpt (id);

      mp_csv_problems_add (pr, MP_REFERENCE_ERROR_UNKNOWN_INDICATOR, line,
                    _("unknown indicator “%s”"), shown);
    }

  if (*value_text != '\0')
    {
      g_autoptr(GError) range_error = NULL;

      if (!mp_csv_parse_number (value_text, &value))
        {
          g_autofree char *shown = excerpt (value_text);

          mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                        _("“%s” is not a number (write digits with one decimal point or "
                          "comma and no thousands separators)"), shown);
        }
      else if (have_indicator && !mp_indicator_validate (indicator, value, &range_error))
        mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, "%s", range_error->message);

      if (*year_text == '\0')
        mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, _("a value needs its year"));
      else if (!_mp_reference_parse_year (year_text, &year))
        {
          g_autofree char *shown = excerpt (year_text);

          mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                        _("“%s” is not a year between %d and %d"), shown, YEAR_MIN, YEAR_MAX);
        }

      if (*source == '\0')
        mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line, _("a value needs its source"));
    }
  else if (*year_text != '\0')
    mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("a year without a value (leave both empty for “no data”)"));

  if (!source_is_clean (source))
    mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("the source contains a line break or another control character"));
  else if (g_utf8_strlen (source, -1) > SOURCE_MAX_CHARS)
    mp_csv_problems_add (pr, MP_REFERENCE_ERROR_VALUE, line,
                  _("the source is longer than %d characters"), SOURCE_MAX_CHARS);

  if (partner != NULL && have_indicator)
    {
      gpointer first;

      key = g_strdup_printf ("%s/%d", partner->iso3, (int) indicator);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        mp_csv_problems_add (pr, MP_REFERENCE_ERROR_DUPLICATE, line,
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
  MpCsvReader reader;
  MpCsvStatus status;
  MpCsvProblems pr;
  guint line = 0;
  gboolean ok;

  if (!_mp_reference_check_csv_text (data, len, error))
    return NULL;

  mp_csv_reader_init (&reader, data, len);
  status = mp_csv_reader_next (&reader, fields, &line, &local_error);
  if (status == MP_CSV_FAILED)
    {
      g_set_error_literal (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_SYNTAX,
                           local_error->message);
      return NULL;
    }
  if (status == MP_CSV_END)
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_HEADER,
                   _("line %u: the file is empty; the first line must be the header “%s”"),
                   1u, MP_REFERENCE_CSV_HEADER);
      return NULL;
    }
  if (!check_header (fields, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_row_free);
  mp_csv_problems_init (&pr);

  while ((status = mp_csv_reader_next (&reader, fields, &line, &local_error)) == MP_CSV_RECORD)
    {
      IndicatorRow *row;

      if (mp_csv_record_is_blank (fields))
        continue;

      row = read_indicator_row (reference, fields, line, seen, &pr);
      if (row != NULL)
        g_ptr_array_add (rows, row);
    }

  /* A tokenizer error ends the file: report it with what came before. */
  if (status == MP_CSV_FAILED)
    mp_csv_problems_add_error (&pr, MP_REFERENCE_ERROR_SYNTAX, local_error->message);

  ok = mp_csv_problems_propagate (&pr, MP_REFERENCE_ERROR, error);
  mp_csv_problems_clear (&pr);

  return ok ? g_steal_pointer (&rows) : NULL;
}

/* Reads CSV text in the indicator format and sets every value it gives in
 * @reference, or none of them: %FALSE with every problem (up to a limit) in
 * @error.  Loads the shipped indicators.csv. */
gboolean
_mp_reference_read_indicators (MpReference  *reference,
                               const char   *data,
                               gsize         len,
                               GError      **error)
{
  g_autoptr(GPtrArray) rows = read_indicator_rows (reference, data, len, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (rows, i);

      mp_value_set (&row->partner->ind[row->indicator], row->value.value, row->value.year,
                    row->value.source);
    }

  return TRUE;
}

/* ---- Import and export -------------------------------------------------- */

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

          mp_csv_append_field (out, p->iso3);
          g_string_append_c (out, ',');
          mp_csv_append_field (out, mp_indicator_to_string (k));
          g_string_append_c (out, ',');
          mp_csv_append_field (out, value);
          g_string_append_c (out, ',');
          mp_csv_append_field (out, year);
          g_string_append_c (out, ',');
          mp_csv_append_field (out, v->source);
          g_string_append_c (out, '\n');
        }
    }

  if (len_out != NULL)
    *len_out = out->len;

  return g_string_free (out, FALSE);
}
