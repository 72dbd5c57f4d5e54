/* mp-reference-load.c
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
#include "mp-csv.h"
#include "mp-models-resources.h"
#include "mp-reference.h"
#include "mp-reference-private.h"

/* Loading the reference set shipped with the application (data/reference/,
 * compiled in): partners, indicators, memberships and frameworks, risk
 * overrides, interest profiles, Dutch sectors and the vintage
 * (models/README.md, “Reference data”). */

/* The shipped files, compiled in from data/reference/ (mp-models.gresource.xml). */
#define REFERENCE_RESOURCE_DIR RESOURCE_BASE "/reference/"

G_DEFINE_QUARK (mp-reference-error-quark, mp_reference_error)

/* ---- Reading the shipped tables ----------------------------------------- */

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
  MpCsvReader reader;
  MpCsvStatus status;
  guint line = 0;

  bytes = lookup_resource (name, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (!_mp_reference_check_csv_text (data, len, &local_error))
    {
      data_error (error, name, 0, "%s", local_error->message);
      return NULL;
    }

  mp_csv_reader_init (&reader, data, len);
  status = mp_csv_reader_next (&reader, fields, &line, &local_error);
  if (status != MP_CSV_RECORD || fields->len != n_columns)
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
  while ((status = mp_csv_reader_next (&reader, fields, &line, &local_error)) == MP_CSV_RECORD)
    {
      TableRow *row;

      if (mp_csv_record_is_blank (fields))
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

  if (status == MP_CSV_FAILED)
    {
      data_error (error, name, line, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ---- The files ---------------------------------------------------------- */

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

/* Loads one row of a shipped table into @ref; %FALSE with @error set when the
 * row is broken. */
typedef gboolean (*LoadRowFunc) (MpReference     *ref,
                                 const char      *file,
                                 const TableRow  *row,
                                 GError         **error);

static gboolean
load_table (MpReference         *ref,
            const char          *file,
            const char * const  *header,
            LoadRowFunc          load_row,
            GError             **error)
{
  g_autoptr(GPtrArray) rows = read_table (file, header, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (!load_row (ref, file, g_ptr_array_index (rows, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
load_partner (MpReference     *ref,
              const char      *file,
              const TableRow  *row,
              GError         **error)
{
  char **f = row->fields;
  MpPartner *p;

  if (strlen (f[0]) != 3 || mp_reference_find_partner (ref, f[0]) != NULL)
    {
      data_error (error, file, row->line, _("bad or repeated country code “%s”"), f[0]);
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
      data_error (error, file, row->line, _("bad yes/no field or missing reason"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_reference_country (MpReference  *ref,
                         GError      **error)
{
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
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;

  bytes = lookup_resource ("indicators.csv", error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!_mp_reference_read_indicators (ref, data, len, &local_error))
    {
      data_error (error, "indicators.csv", 0, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_framework (MpReference     *ref,
                const char      *file,
                const TableRow  *row,
                GError         **error)
{
  char **f = row->fields;
  MpPartner *p = mp_reference_find_partner (ref, f[0]);
  char ***list;
  guint n;

  if (p == NULL || *f[2] == '\0' || *f[3] == '\0')
    {
      data_error (error, file, row->line, _("unknown country or empty label or source"));
      return FALSE;
    }

  if (g_strcmp0 (f[1], "membership") == 0)
    list = &p->memberships;
  else if (g_strcmp0 (f[1], "framework") == 0)
    list = &p->frameworks;
  else
    {
      data_error (error, file, row->line, _("unknown type “%s”"), f[1]);
      return FALSE;
    }

  n = g_strv_length (*list);
  *list = g_renew (char *, *list, n + 2);
  (*list)[n] = g_strdup (f[2]);
  (*list)[n + 1] = NULL;

  return TRUE;
}

static gboolean
load_override (MpReference     *ref,
               const char      *file,
               const TableRow  *row,
               GError         **error)
{
  char **f = row->fields;
  MpPartner *p = mp_reference_find_partner (ref, f[0]);
  MpRisk risk;

  if (p == NULL || !mp_risk_from_string (f[1], &risk) || *f[2] == '\0' || *f[3] == '\0')
    {
      data_error (error, file, row->line,
                  _("unknown country or risk class, or empty reason or source"));
      return FALSE;
    }

  p->has_risk_override = TRUE;
  p->risk_override = risk;
  p->risk_override_reason = g_strdup_printf ("%s (%s)", f[2], f[3]);

  return TRUE;
}

static gboolean
load_profile (MpReference     *ref,
              const char      *file,
              const TableRow  *row,
              GError         **error)
{
  char **f = row->fields;
  MpPartner *p = mp_reference_find_partner (ref, f[0]);

  if (p == NULL || mp_partner_is_reference_country (p) || p->profile.rationale != NULL
      || *f[1 + MP_N_INTERESTS] == '\0')
    {
      data_error (error, file, row->line,
                  _("unknown, repeated or reference country, or no rationale"));
      return FALSE;
    }

  for (int k = 0; k < MP_N_INTERESTS; k++)
    {
      double w;

      if (!mp_csv_parse_number (f[1 + k], &w) || w < 0 || w > 5)
        {
          data_error (error, file, row->line, _("weight “%s” is not between 0 and 5"), f[1 + k]);
          return FALSE;
        }
      p->profile.weights[k] = w;
    }
  p->profile.rationale = g_strdup (f[1 + MP_N_INTERESTS]);

  return TRUE;
}

/* Every partner has an interest profile. */
static gboolean
check_profiles (MpReference  *ref,
                GError      **error)
{
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

  if (!mp_csv_parse_number (value_text, &value) || value < 0
      || !_mp_reference_parse_year (year_text, &year) || *source == '\0')
    return FALSE;

  mp_value_set (v, value, year, source);
  return TRUE;
}

static gboolean
load_sector (MpReference     *ref,
             const char      *file,
             const TableRow  *row,
             GError         **error)
{
  char **f = row->fields;
  MpSector *s;
  double eqf;

  if (*f[0] == '\0' || mp_reference_find_sector (ref, f[0]) != NULL)
    {
      data_error (error, file, row->line, _("bad or repeated sector code “%s”"), f[0]);
      return FALSE;
    }

  s = mp_sector_new (f[0], f[1]);
  g_ptr_array_add (ref->sectors, s);
  s->sbi = g_strdup (f[2]);
  if (!mp_csv_parse_number (f[3], &eqf) || eqf != floor (eqf) || eqf < 1 || eqf > 8
      || !mp_demand_from_string (f[4], &s->demand) || !parse_bool (f[5], &s->health)
      || !read_sourced (&s->vacancies, f[6], f[7], f[8])
      || !read_sourced (&s->wage_month, f[9], f[10], f[11]))
    {
      data_error (error, file, row->line,
                  _("bad EQF level, demand type, yes/no field, or sourced value"));
      return FALSE;
    }
  s->eqf = (int) eqf;

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
      || !load_table (ref, "partners.csv", partners_header, load_partner, error)
      || !check_reference_country (ref, error)
      || !load_indicators (ref, error)
      || !load_table (ref, "frameworks.csv", frameworks_header, load_framework, error)
      || !load_table (ref, "risk-overrides.csv", overrides_header, load_override, error)
      || !load_table (ref, "profiles.csv", profiles_header, load_profile, error)
      || !check_profiles (ref, error)
      || !load_table (ref, "sectors.csv", sectors_header, load_sector, error))
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
