/* mp-document-validate.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* What the store accepts: every reference snapshot and package it writes or
 * reads back is checked here first, as the JSON reader checks its input. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"
#include "mp-field-rules.h"
#include "mp-json.h"
#include "mp-reference.h"
#include "mp-validate.h"

static gboolean
valid_iso3 (const char *s)
{
  return s != NULL && strlen (s) == 3 &&
         g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]) && g_ascii_isupper (s[2]);
}

/* A sourced value within the rule of @id, its year (0: none) within the
 * rule of a value's year (mp-field-rules.h). */
static gboolean
valid_value (const MpValue *v,
             MpFieldId      id)
{
  gboolean year_ok = v->year == 0 || mp_field_check (MP_FIELD_VALUE_YEAR, v->year, NULL, NULL);

  if (isnan (v->value))
    return year_ok;
  return year_ok && mp_field_check (id, v->value, NULL, NULL);
}

/* A text that fits the length of the text field @id. */
static gboolean
valid_text (const char *s,
            MpFieldId   id)
{
  return s == NULL || (g_utf8_validate (s, -1, NULL) && mp_field_check_text (id, s, NULL, NULL));
}

/* Validates a reference snapshot as the reference data loader does: codes,
 * unique keys, enum values and numeric ranges. */
gboolean
_mp_document_validate_reference (const MpReference  *ref,
                                 GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (ref == NULL || ref->partners == NULL || ref->sectors == NULL)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The reference data is incomplete."));
      return FALSE;
    }
  if (!valid_text (ref->vintage, MP_FIELD_NAME))
    goto bad_vintage;

  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);

      if (p == NULL || !valid_iso3 (p->iso3) || g_hash_table_contains (seen, p->iso3))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("Partner %u of the reference data has a missing, malformed or repeated ISO 3166 code."),
                       i + 1);
          return FALSE;
        }
      g_hash_table_add (seen, p->iso3);

      if (!valid_text (p->name, MP_FIELD_NAME) || !valid_text (p->region, MP_FIELD_NAME) ||
          !valid_text (p->excluded_reason, MP_FIELD_TEXT) ||
          !valid_text (p->who_ssl_source, MP_FIELD_TEXT) ||
          !valid_text (p->risk_override_reason, MP_FIELD_TEXT) ||
          !valid_text (p->profile.rationale, MP_FIELD_TEXT) ||
          (p->has_risk_override && (guint) p->risk_override >= MP_N_RISK))
        goto bad_partner;

      for (guint k = 0; p->memberships != NULL && p->memberships[k] != NULL; k++)
        if (!valid_text (p->memberships[k], MP_FIELD_NAME))
          goto bad_partner;
      for (guint k = 0; p->frameworks != NULL && p->frameworks[k] != NULL; k++)
        if (!valid_text (p->frameworks[k], MP_FIELD_NAME))
          goto bad_partner;

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          if (!valid_value (&p->ind[k], mp_field_indicator (k)) ||
              !valid_text (p->ind[k].source, MP_FIELD_TEXT))
            {
              g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The indicator “%s” of %s in the reference data is not a valid value."),
                           mp_indicator_to_string (k), p->iso3);
              return FALSE;
            }
        }

      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          double w = p->profile.weights[k];
          double s = p->profile.scales[k];

          if (!mp_field_check (MP_FIELD_PARTNER_INTEREST_WEIGHTS, w, NULL, NULL) ||
              !(isnan (s) || mp_field_check (MP_FIELD_PARTNER_INTEREST_SCALES, s, NULL, NULL)))
            {
              g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The interest profile of %s in the reference data holds a weight outside 0–5 or a scale that is not positive."),
                           p->iso3);
              return FALSE;
            }
        }
      continue;

    bad_partner:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                   _("The partner %s in the reference data holds an invalid value."), p->iso3);
      return FALSE;
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      if (s == NULL || s->code == NULL || s->code[0] == '\0' ||
          !valid_text (s->code, MP_FIELD_NAME) || g_hash_table_contains (seen, s->code))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("Sector %u of the reference data has a missing or repeated code."),
                       i + 1);
          return FALSE;
        }
      g_hash_table_add (seen, s->code);

      if (!valid_text (s->name, MP_FIELD_NAME) || !valid_text (s->sbi, MP_FIELD_NAME) ||
          !mp_field_check (MP_FIELD_SECTOR_EQF, s->eqf, NULL, NULL) ||
          (guint) s->demand >= MP_N_DEMAND ||
          !valid_value (&s->vacancies, MP_FIELD_SECTOR_VACANCIES) ||
          !valid_value (&s->wage_month, MP_FIELD_SECTOR_WAGE) ||
          !valid_text (s->vacancies.source, MP_FIELD_TEXT) ||
          !valid_text (s->wage_month.source, MP_FIELD_TEXT))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("The sector “%s” in the reference data holds an invalid value."), s->code);
          return FALSE;
        }
    }

  return TRUE;

bad_vintage:
  g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("The vintage of the reference data is not valid text."));
  return FALSE;
}

/* Validates a package exactly as JSON input is validated (mp-json). */
gboolean
_mp_document_validate_package (const MpReference  *reference,
                               const MpPackage    *package,
                               GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (package == NULL || package->schemes == NULL || package->offers == NULL ||
      package->asks == NULL || package->tranches == NULL || package->assumptions == NULL)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The package is incomplete."));
      return FALSE;
    }

  if (!mp_package_validate (package, reference, "package", &local_error))
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                   _("The package “%s” holds an invalid value: %s"),
                   package->name != NULL && g_utf8_validate (package->name, -1, NULL) ? package->name : "?",
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
