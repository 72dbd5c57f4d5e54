/* mp-validate.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-validate"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-field-message.h"
#include "mp-field-rules-private.h"
#include "mp-validate.h"

/* Every check returns FALSE with @error set, its message starting with the
 * field path.  The paths are built in one GString, pushed and popped around
 * each member; on an error the path is left as it stands. */

static gboolean
fail (GError      **error,
      MpFieldError  code,
      const char   *path,
      const char   *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError      **error,
      MpFieldError  code,
      const char   *path,
      const char   *format,
      ...)
{
  va_list args;

  va_start (args, format);
  mp_field_fail_valist (error, MP_FIELD_ERROR, code, path, format, args);
  va_end (args);

  return FALSE;
}

/* ---- Members ------------------------------------------------------------- */

static gboolean
check_field_key (GError     **error,
                 GString     *path,
                 const char  *key,
                 MpFieldId    id,
                 double       value)
{
  gsize mark = mp_field_path_push_key (path, key);
  gboolean ok = mp_field_check (id, value, path->str, error);

  mp_field_path_pop (path, mark);
  return ok;
}

static gboolean
check_text (GError     **error,
            GString     *path,
            const char  *key,
            MpFieldId    id,
            const char  *s)
{
  gsize mark = mp_field_path_push_key (path, key);
  gboolean ok = mp_field_check_text (id, s, path->str, error);

  mp_field_path_pop (path, mark);
  return ok;
}

/* A required name: not missing, not blank, not too long. */
static gboolean
check_name (GError     **error,
            GString     *path,
            MpFieldId    id,
            const char  *s)
{
  const MpFieldRule *rule = mp_field_rule (id);
  gsize mark = mp_field_path_push_key (path, rule->key);
  gboolean ok = TRUE;

  if (s == NULL)
    ok = fail (error, MP_FIELD_ERROR_INVALID, path->str,
               _("%s is missing; %s must not be empty"), "null", _(rule->name));
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (s));

      if (stripped[0] == '\0')
        {
          g_autofree char *q = mp_field_quote_text (s);
          ok = fail (error, MP_FIELD_ERROR_INVALID, path->str,
                     /* TRANSLATORS: "“” is empty; the name of a scheme must not be empty" */
                     _("%s is empty; %s must not be empty"), q, _(rule->name));
        }
      else
        ok = mp_field_check_text (id, s, path->str, error);
    }
  mp_field_path_pop (path, mark);

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
      g_autofree char *q = mp_field_quote_text (code);
      return fail (error, MP_FIELD_ERROR_INVALID, path,
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
      g_autofree char *q = mp_field_quote_text (code);
      return fail (error, MP_FIELD_ERROR_INVALID, path,
                   _("%s is not a sector code; sector codes are 1 to 64 lower-case letters, "
                     "digits and underscores, such as “health_social_care”"), q);
    }

  return TRUE;
}

/* A sourced value: the value within @id's rule, its year, its source. */
static gboolean
check_value (GError        **error,
             GString        *path,
             const char     *key,
             const MpValue  *v,
             MpFieldId       id)
{
  gsize mark = mp_field_path_push_key (path, key);
  gboolean ok = TRUE;

  if (!isnan (v->value))
    ok = check_field_key (error, path, "value", id, v->value) &&
         check_field_key (error, path, "year", MP_FIELD_VALUE_YEAR, v->year);
  ok = ok && check_text (error, path, "source", MP_FIELD_TEXT, v->source);
  mp_field_path_pop (path, mark);

  return ok;
}

/* The elements of an interest array that are set (not NaN, when NaN means
 * "unset"). */
static gboolean
check_interests (GError        **error,
                 GString        *path,
                 MpFieldId       id,
                 const double   *values)
{
  const MpFieldRule *rule = mp_field_rule (id);

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      gsize mark;

      if (isnan (values[i]) && isnan (rule->default_value))
        continue;
      mark = mp_field_path_push_key (path, rule->key);
      if (!check_field_key (error, path, mp_interest_to_string (i), id, values[i]))
        return FALSE;
      mp_field_path_pop (path, mark);
    }

  return TRUE;
}

/* ---- Partners and sectors ---------------------------------------------------- */

static gboolean
validate_partner (const MpPartner  *p,
                  GString          *path,
                  GError          **error)
{
  gsize mark;

  mark = mp_field_path_push_key (path, "iso3");
  if (!check_iso3 (error, path->str, p->iso3))
    return FALSE;
  mp_field_path_pop (path, mark);

  if (!check_name (error, path, MP_FIELD_PARTNER_NAME, p->name) ||
      !check_text (error, path, "region", MP_FIELD_NAME, p->region) ||
      !check_text (error, path, "excluded_reason", MP_FIELD_TEXT, p->excluded_reason) ||
      !check_text (error, path, "who_ssl_source", MP_FIELD_TEXT, p->who_ssl_source) ||
      !check_text (error, path, "risk_override_reason", MP_FIELD_TEXT, p->risk_override_reason))
    return FALSE;

  if (p->has_risk_override && ((int) p->risk_override < 0 || p->risk_override >= MP_N_RISK))
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the risk override is not a risk class"));

  mark = mp_field_path_push_key (path, "indicators");
  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      if (!check_value (error, path, mp_indicator_to_string (i), &p->ind[i], mp_field_indicator (i)))
        return FALSE;
    }
  mp_field_path_pop (path, mark);

  mark = mp_field_path_push_key (path, "interest_profile");
  if (!check_interests (error, path, MP_FIELD_PARTNER_INTEREST_WEIGHTS, p->profile.weights) ||
      !check_interests (error, path, MP_FIELD_PARTNER_INTEREST_SCALES, p->profile.scales) ||
      !check_text (error, path, "rationale", MP_FIELD_TEXT, p->profile.rationale))
    return FALSE;
  mp_field_path_pop (path, mark);

  return TRUE;
}

static gboolean
validate_sector (const MpSector  *s,
                 GString         *path,
                 GError         **error)
{
  gsize mark = mp_field_path_push_key (path, "code");

  if (!check_sector_code (error, path->str, s->code))
    return FALSE;
  mp_field_path_pop (path, mark);

  if ((int) s->demand < 0 || s->demand >= MP_N_DEMAND)
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the demand is not a demand type"));

  return check_name (error, path, MP_FIELD_SECTOR_NAME, s->name) &&
         check_text (error, path, "sbi", MP_FIELD_NAME, s->sbi) &&
         check_field_key (error, path, "eqf", MP_FIELD_SECTOR_EQF, s->eqf) &&
         check_value (error, path, "vacancies", &s->vacancies, MP_FIELD_SECTOR_VACANCIES) &&
         check_value (error, path, "wage_month", &s->wage_month, MP_FIELD_SECTOR_WAGE);
}

/**
 * mp_reference_validate:
 * @reference: partners and sectors, e.g. those embedded in a file
 * @path: (nullable): the field path of @reference, the prefix of messages
 * @error: return location for an %MP_FIELD_ERROR
 *
 * Checks every partner and sector of @reference against the field rules:
 * codes, names, texts, indicator values and their years, interest weights and
 * scales, and unique codes.
 *
 * Returns: %TRUE when @reference is valid
 */
gboolean
mp_reference_validate (const MpReference  *reference,
                       const char         *path,
                       GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) p = g_string_new (path);

  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < reference->partners->len; i++)
    {
      const MpPartner *partner = g_ptr_array_index (reference->partners, i);
      gsize mark = mp_field_path_push_key (p, "partners");

      mp_field_path_push_index (p, i);
      if (!validate_partner (partner, p, error))
        return FALSE;
      if (!g_hash_table_add (seen, partner->iso3))
        {
          g_autofree char *q = mp_field_quote_text (partner->iso3);
          mp_field_path_push_key (p, "iso3");
          return fail (error, MP_FIELD_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the partners of a file"));
        }
      mp_field_path_pop (p, mark);
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < reference->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (reference->sectors, i);
      gsize mark = mp_field_path_push_key (p, "sectors");

      mp_field_path_push_index (p, i);
      if (!validate_sector (s, p, error))
        return FALSE;
      if (!g_hash_table_add (seen, s->code))
        {
          g_autofree char *q = mp_field_quote_text (s->code);
          mp_field_path_push_key (p, "code");
          return fail (error, MP_FIELD_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the sectors of a file"));
        }
      mp_field_path_pop (p, mark);
    }

  return TRUE;
}

/* ---- Schemes, offers, asks, tranches ---------------------------------------- */

/* A partner code used by a scheme, offer or ask: well formed and one of the
 * package's partners (which are checked against the reference). */
static gboolean
check_partner_ref (GError           **error,
                   GString           *path,
                   const char        *code,
                   const MpPackage   *package)
{
  gsize mark = mp_field_path_push_key (path, "partner");
  gboolean ok = check_iso3 (error, path->str, code);

  if (ok && !g_strv_contains ((const char * const *) package->partners, code))
    {
      g_autofree char *q = mp_field_quote_text (code);
      g_autofree char *list = g_strjoinv (", ", package->partners);

      ok = fail (error, MP_FIELD_ERROR_UNKNOWN_REFERENCE, path->str,
                 _("%s is not one of the package's partners (%s); list it in the package's "
                   "partners first"), q, list);
    }
  mp_field_path_pop (path, mark);

  return ok;
}

static gboolean
check_sector_ref (GError            **error,
                  GString            *path,
                  const char         *code,
                  const MpReference  *reference)
{
  gsize mark = mp_field_path_push_key (path, "sector");
  gboolean ok = check_sector_code (error, path->str, code);

  if (ok && reference != NULL && mp_reference_find_sector (reference, code) == NULL)
    {
      g_autofree char *q = mp_field_quote_text (code);

      ok = fail (error, MP_FIELD_ERROR_UNKNOWN_REFERENCE, path->str,
                 _("%s is not a known sector; it is neither in the reference data nor among "
                   "the sectors of the file"), q);
    }
  mp_field_path_pop (path, mark);

  return ok;
}

/* A year that must also lie within the package's horizon. */
static gboolean
check_within_horizon (GError          **error,
                      GString          *path,
                      MpFieldId         id,
                      const char       *name,
                      double            year,
                      const MpPackage  *package)
{
  gsize mark = mp_field_path_push_key (path, mp_field_rule (id)->key);
  gboolean ok = _mp_field_check_range (name, package->start_year,
                                       package->start_year + package->horizon - 1, year,
                                       path->str, error);

  mp_field_path_pop (path, mark);
  return ok;
}

static gboolean
validate_scheme (const MpScheme     *s,
                 const MpPackage    *package,
                 const MpReference  *reference,
                 GString            *path,
                 GError            **error)
{
  if ((int) s->kind < 0 || s->kind >= MP_N_SCHEME_KINDS)
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the kind is not a scheme kind"));

  return check_name (error, path, MP_FIELD_SCHEME_NAME, s->name) &&
         check_partner_ref (error, path, s->partner, package) &&
         check_sector_ref (error, path, s->sector, reference) &&
         mp_field_check_members (MP_FIELD_ENTITY_SCHEME, s, path->str, error) &&
         check_within_horizon (error, path, MP_FIELD_SCHEME_FIRST_YEAR,
                               _("the first intake year (within the package horizon)"),
                               s->first_year, package);
}

static gboolean
validate_offer (const MpOffer      *o,
                const MpPackage    *package,
                const MpReference  *reference,
                GString            *path,
                GError            **error)
{
  if ((int) o->kind < 0 || o->kind >= MP_N_OFFER_KINDS)
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the kind is not an offer kind"));

  if (!check_partner_ref (error, path, o->partner, package))
    return FALSE;
  if (o->sector != NULL && !check_sector_ref (error, path, o->sector, reference))
    return FALSE;

  return mp_field_check_members (MP_FIELD_ENTITY_OFFER, o, path->str, error) &&
         check_text (error, path, "note", MP_FIELD_OFFER_NOTE, o->note);
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
      g_autofree char *l = mp_field_format_number (low);
      g_autofree char *m = mp_field_format_number (mode);
      g_autofree char *h = mp_field_format_number (high);

      return fail (error, MP_FIELD_ERROR_INVALID, path,
                   _("low %s, mode %s and high %s are not in order; a range needs "
                     "low ≤ mode ≤ high"), l, m, h);
    }

  return TRUE;
}

static gboolean
validate_ask (const MpAsk      *a,
              const MpPackage  *package,
              GString          *path,
              GError          **error)
{
  if ((int) a->kind < 0 || a->kind >= MP_N_ASK_KINDS)
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the kind is not an ask kind"));

  return check_partner_ref (error, path, a->partner, package) &&
         mp_field_check_members (MP_FIELD_ENTITY_ASK, a, path->str, error) &&
         check_order (error, path->str, a->returns_low, a->returns_mode, a->returns_high) &&
         check_text (error, path, "note", MP_FIELD_ASK_NOTE, a->note);
}

static gboolean
validate_tranche (const MpTranche  *t,
                  const MpPackage  *package,
                  GString          *path,
                  GError          **error)
{
  gboolean found = FALSE;
  gsize mark;

  if (!check_name (error, path, MP_FIELD_TRANCHE_LABEL, t->label) ||
      !check_name (error, path, MP_FIELD_TRANCHE_SCHEME, t->scheme))
    return FALSE;

  for (guint i = 0; i < package->schemes->len && !found; i++)
    found = g_strcmp0 (((MpScheme *) g_ptr_array_index (package->schemes, i))->name,
                       t->scheme) == 0;

  mark = mp_field_path_push_key (path, "scheme");
  if (!found)
    {
      g_autofree char *q = mp_field_quote_text (t->scheme);
      return fail (error, MP_FIELD_ERROR_UNKNOWN_REFERENCE, path->str,
                   _("%s is not the name of a scheme of this package; a tranche adds quota "
                     "to one of the package's schemes"), q);
    }
  mp_field_path_pop (path, mark);

  if ((int) t->condition < 0 || t->condition >= MP_N_ASK_KINDS)
    return fail (error, MP_FIELD_ERROR_INVALID, path->str, _("the condition is not an ask kind"));

  return mp_field_check_members (MP_FIELD_ENTITY_TRANCHE, t, path->str, error) &&
         check_within_horizon (error, path, MP_FIELD_TRANCHE_RELEASE_YEAR,
                               _("the release year (within the package horizon)"),
                               t->release_year, package);
}

/* ---- Assumptions -------------------------------------------------------------- */

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
check_assumption_end (GError                 **error,
                      GString                 *path,
                      const char              *end,
                      const char              *label,
                      const MpAssumptionInfo  *info,
                      double                   value)
{
  gsize mark = mp_field_path_push_key (path, end);
  gboolean ok = _mp_field_check_range (label, info->min, info->max, value, path->str, error);

  mp_field_path_pop (path, mark);
  return ok;
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
  gsize mark = mp_field_path_push_key (path, "assumptions");
  double overstay[3];

  for (guint i = 0; i < package->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (package->assumptions, i);
      const MpAssumptionInfo *info = mp_assumption_lookup (a->key);
      g_autofree char *label = NULL;
      gsize m2;

      if (info == NULL)
        {
          g_autofree char *keys = g_strjoinv (", ", (char **) mp_assumption_keys ());
          g_autofree char *q = mp_field_quote_text (a->key);

          return fail (error, MP_FIELD_ERROR_INVALID, path->str,
                       _("%s is not a known assumption; the assumptions are %s"), q, keys);
        }

      m2 = mp_field_path_push_key (path, a->key);
      if (!g_hash_table_add (seen, a->key))
        return fail (error, MP_FIELD_ERROR_INVALID, path->str,
                     _("the assumption is overridden twice; each assumption may be overridden "
                       "once"));

      label = g_strdup_printf (_("the assumption “%s”"), mp_assumption_info_label (info));
      if (!check_assumption_end (error, path, "low", label, info, a->low) ||
          !check_assumption_end (error, path, "mode", label, info, a->mode) ||
          !check_assumption_end (error, path, "high", label, info, a->high) ||
          !check_order (error, path->str, a->low, a->mode, a->high))
        return FALSE;
      mp_field_path_pop (path, m2);
    }

  /* p_settle + o ≤ 1 at each end of the ranges (models/README.md,
   * “Projection”): the shares of a cohort that settle, overstay and return
   * add up to one. */
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
              g_autofree char *s = mp_field_format_number (settle[e]);
              g_autofree char *o = mp_field_format_number (overstay[e]);
              g_autofree char *sum = mp_field_format_number (settle[e] + overstay[e]);

              return fail (error, MP_FIELD_ERROR_INVALID, path->str,
                           /* TRANSLATORS: "at the high end, settlement-share 0.6 + overstay 0.5 = 1.1 exceeds 1; …" */
                           _("at the %s end, %s %s + %s %s = %s exceeds 1; the shares of a cohort "
                             "that settle and overstay must add up to at most 1 (p_settle + o ≤ 1)"),
                           _(ends[e]), info->key, s,
                           mp_assumption_info (MP_ASSUMPTION_OVERSTAY)->key, o, sum);
            }
        }
    }

  /* The V-Dem thresholds (models/README.md, “Human-rights risk framework”)
   * as the evaluator applies them: the mode of the high-risk threshold may
   * not exceed that of the low-risk one. */
  {
    const MpAssumptionInfo *low_info = mp_assumption_info (MP_ASSUMPTION_VDEM_LOW_RISK);
    const MpAssumptionInfo *high_info = mp_assumption_info (MP_ASSUMPTION_VDEM_HIGH_RISK);
    double low[3], high[3];

    assumption_range (package, low_info->key, low);
    assumption_range (package, high_info->key, high);
    if (high[1] > low[1])
      {
        g_autofree char *h = mp_field_format_number (high[1]);
        g_autofree char *l = mp_field_format_number (low[1]);

        return fail (error, MP_FIELD_ERROR_INVALID, path->str,
                     /* TRANSLATORS: "the mode of vdem-high-risk 0.8 exceeds the mode of vdem-low-risk 0.45; …" */
                     _("the mode of %s %s exceeds the mode of %s %s; the V-Dem threshold for high "
                       "risk must not exceed the one for low risk"),
                     high_info->key, h, low_info->key, l);
      }
  }
  mp_field_path_pop (path, mark);

  return TRUE;
}

/* ---- The package ------------------------------------------------------------ */

static gboolean
validate_partners (const MpPackage    *package,
                   const MpReference  *reference,
                   GString            *p,
                   GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_partners = package->partners != NULL ? g_strv_length (package->partners) : 0;
  gsize mark = mp_field_path_push_key (p, "partners");

  if (n_partners == 0)
    return fail (error, MP_FIELD_ERROR_INVALID, p->str,
                 _("the list is empty; a package needs at least one partner"));
  if (n_partners > MP_VALIDATE_MAX_PARTNERS)
    return fail (error, MP_FIELD_ERROR_TOO_LARGE, p->str,
                 _("%u entries are too many; %s are limited to %u"), n_partners,
                 _("the partners of a package"), (guint) MP_VALIDATE_MAX_PARTNERS);
  for (guint i = 0; i < n_partners; i++)
    {
      const char *code = package->partners[i];
      gsize m2 = mp_field_path_push_index (p, i);

      if (!check_iso3 (error, p->str, code))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) code))
        {
          g_autofree char *q = mp_field_quote_text (code);
          return fail (error, MP_FIELD_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the partners of a package"));
        }
      if (reference != NULL && mp_reference_find_partner (reference, code) == NULL)
        {
          g_autofree char *q = mp_field_quote_text (code);
          return fail (error, MP_FIELD_ERROR_UNKNOWN_REFERENCE, p->str,
                       _("%s is not a known partner; it is neither in the reference data nor "
                         "among the partners of the file"), q);
        }
      mp_field_path_pop (p, m2);
    }
  mp_field_path_pop (p, mark);

  return TRUE;
}

/**
 * mp_package_validate:
 * @package: a package
 * @reference: (nullable): the reference set partner and sector codes must be
 *   found in; with %NULL only the form of the codes is checked
 * @path: (nullable): the field path of @package, e.g. "packages[3]", the
 *   prefix of messages
 * @error: return location for an %MP_FIELD_ERROR
 *
 * Checks @package against every rule of the field table and the rules
 * between fields (data/JSON-FORMAT.md): names, ranges, finite numbers, codes,
 * counts, the order of ranges, years within the horizon, p_settle + o ≤ 1
 * and references between schemes and tranches.
 *
 * Returns: %TRUE when @package is valid
 */
gboolean
mp_package_validate (const MpPackage    *package,
                     const MpReference  *reference,
                     const char         *path,
                     GError            **error)
{
  static const struct { const char *key; gsize offset; const char *what; } lists[] = {
    { "schemes", G_STRUCT_OFFSET (MpPackage, schemes), N_("the schemes of a package") },
    { "offers", G_STRUCT_OFFSET (MpPackage, offers), N_("the offers of a package") },
    { "asks", G_STRUCT_OFFSET (MpPackage, asks), N_("the asks of a package") },
    { "tranches", G_STRUCT_OFFSET (MpPackage, tranches), N_("the tranches of a package") },
  };
  g_autoptr(GString) p = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gsize mark;

  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (package->schemes != NULL && package->offers != NULL &&
                        package->asks != NULL && package->tranches != NULL &&
                        package->assumptions != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = g_string_new (path);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_name (error, p, MP_FIELD_PACKAGE_NAME, package->name) ||
      !check_text (error, p, "description", MP_FIELD_PACKAGE_DESCRIPTION, package->description) ||
      !mp_field_check_members (MP_FIELD_ENTITY_PACKAGE, package, p->str, error) ||
      !validate_partners (package, reference, p, error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      const GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, package, lists[k].offset);

      if (items->len > MP_VALIDATE_MAX_ITEMS)
        {
          mp_field_path_push_key (p, lists[k].key);
          return fail (error, MP_FIELD_ERROR_TOO_LARGE, p->str,
                       _("%u entries are too many; %s are limited to %u"),
                       items->len, _(lists[k].what), (guint) MP_VALIDATE_MAX_ITEMS);
        }
    }

  for (guint i = 0; i < package->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (package->schemes, i);

      mark = mp_field_path_push_key (p, "schemes");
      mp_field_path_push_index (p, i);
      if (!validate_scheme (s, package, reference, p, error))
        return FALSE;
      if (!g_hash_table_add (seen, s->name))
        {
          g_autofree char *q = mp_field_quote_text (s->name);
          mp_field_path_push_key (p, "name");
          return fail (error, MP_FIELD_ERROR_INVALID, p->str,
                       _("%s appears more than once; %s must be unique"), q,
                       _("the names of the schemes of a package"));
        }
      mp_field_path_pop (p, mark);
    }

  for (guint i = 0; i < package->offers->len; i++)
    {
      mark = mp_field_path_push_key (p, "offers");
      mp_field_path_push_index (p, i);
      if (!validate_offer (g_ptr_array_index (package->offers, i), package, reference, p, error))
        return FALSE;
      mp_field_path_pop (p, mark);
    }

  for (guint i = 0; i < package->asks->len; i++)
    {
      mark = mp_field_path_push_key (p, "asks");
      mp_field_path_push_index (p, i);
      if (!validate_ask (g_ptr_array_index (package->asks, i), package, p, error))
        return FALSE;
      mp_field_path_pop (p, mark);
    }

  for (guint i = 0; i < package->tranches->len; i++)
    {
      mark = mp_field_path_push_key (p, "tranches");
      mp_field_path_push_index (p, i);
      if (!validate_tranche (g_ptr_array_index (package->tranches, i), package, p, error))
        return FALSE;
      mp_field_path_pop (p, mark);
    }

  return validate_assumptions (package, p, error);
}
