/* mp-json-write-packages.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-json-private.h"

/* Packages and bundles in the canonical form of data/JSON-FORMAT.md: the key
 * order of its tables, short objects on one line. */

static void
write_value (MpJsonWriter  *w,
             const char    *key,
             const MpValue *v)
{
  if (isnan (v->value) && v->source == NULL)
    return;

  _mp_jw_begin (w, key, FALSE, TRUE);
  _mp_jw_number_or_null (w, "value", v->value);
  if (!isnan (v->value))
    _mp_jw_int (w, "year", v->year);
  if (v->source != NULL)
    _mp_jw_string (w, "source", v->source);
  _mp_jw_end (w);
}

static void
write_partner (MpJsonWriter    *w,
               const MpPartner *p)
{
  _mp_jw_begin (w, NULL, FALSE, FALSE);
  _mp_jw_string (w, "iso3", p->iso3);
  _mp_jw_string (w, "name", p->name);
  if (p->region != NULL)
    _mp_jw_string (w, "region", p->region);
  _mp_jw_strv (w, "memberships", (const char * const *) p->memberships);
  _mp_jw_strv (w, "frameworks", (const char * const *) p->frameworks);
  _mp_jw_bool (w, "combiland", p->combiland);
  _mp_jw_bool (w, "excluded", p->excluded);
  if (p->excluded_reason != NULL)
    _mp_jw_string (w, "excluded_reason", p->excluded_reason);
  _mp_jw_bool (w, "who_ssl", p->who_ssl);
  if (p->who_ssl_source != NULL)
    _mp_jw_string (w, "who_ssl_source", p->who_ssl_source);
  if (p->has_risk_override)
    _mp_jw_string (w, "risk_override", mp_risk_to_string (p->risk_override));
  else
    _mp_jw_null (w, "risk_override");
  if (p->risk_override_reason != NULL)
    _mp_jw_string (w, "risk_override_reason", p->risk_override_reason);

  _mp_jw_begin (w, "indicators", FALSE, FALSE);
  for (int i = 0; i < MP_N_INDICATORS; i++)
    write_value (w, mp_indicator_to_string (i), &p->ind[i]);
  _mp_jw_end (w);

  _mp_jw_begin (w, "interest_profile", FALSE, FALSE);
  _mp_jw_begin (w, "weights", FALSE, TRUE);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    _mp_jw_number (w, mp_interest_to_string (i), p->profile.weights[i]);
  _mp_jw_end (w);
  _mp_jw_begin (w, "scales", FALSE, TRUE);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      if (!isnan (p->profile.scales[i]))
        _mp_jw_number (w, mp_interest_to_string (i), p->profile.scales[i]);
    }
  _mp_jw_end (w);
  if (p->profile.rationale != NULL)
    _mp_jw_string (w, "rationale", p->profile.rationale);
  _mp_jw_end (w);

  _mp_jw_end (w);
}

static void
write_sector (MpJsonWriter   *w,
              const MpSector *s)
{
  _mp_jw_begin (w, NULL, FALSE, FALSE);
  _mp_jw_string (w, "code", s->code);
  _mp_jw_string (w, "name", s->name);
  if (s->sbi != NULL)
    _mp_jw_string (w, "sbi", s->sbi);
  _mp_jw_int (w, "eqf", s->eqf);
  _mp_jw_string (w, "demand", mp_demand_to_string (s->demand));
  _mp_jw_bool (w, "health", s->health);
  write_value (w, "vacancies", &s->vacancies);
  write_value (w, "wage_month", &s->wage_month);
  _mp_jw_end (w);
}

/* An object with every member of @entity the field table lists, in its
 * order; texts that are not required are left out when unset. */
static void
write_members (MpJsonWriter  *w,
               MpFieldEntity  entity,
               gconstpointer  object)
{
  _mp_jw_begin (w, NULL, FALSE, FALSE);
  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);

      if (rule->entity != entity || rule->storage == MP_FIELD_STORAGE_NONE)
        continue;

      switch (rule->type)
        {
        case MP_FIELD_TYPE_TEXT:
        case MP_FIELD_TYPE_PARTNER:
        case MP_FIELD_TYPE_SECTOR:
          {
            const char *text = mp_field_get_text (i, object);

            if (text != NULL || (rule->flags & MP_FIELD_REQUIRED))
              _mp_jw_string (w, rule->key, text);
          }
          break;
        case MP_FIELD_TYPE_CHOICE:
          _mp_jw_string (w, rule->key, rule->choices->to_string ((int) mp_field_get (i, object, 0)));
          break;
        case MP_FIELD_TYPE_INTEGER:
          _mp_jw_int (w, rule->key, (gint64) mp_field_get (i, object, 0));
          break;
        case MP_FIELD_TYPE_REAL:
          _mp_jw_number (w, rule->key, mp_field_get (i, object, 0));
          break;
        case MP_FIELD_TYPE_BOOLEAN:
          _mp_jw_bool (w, rule->key, mp_field_get (i, object, 0) != 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  _mp_jw_end (w);
}

static void
write_list (MpJsonWriter  *w,
            const char    *key,
            MpFieldEntity  entity,
            GPtrArray     *items)
{
  _mp_jw_begin (w, key, TRUE, FALSE);
  for (guint i = 0; i < items->len; i++)
    write_members (w, entity, g_ptr_array_index (items, i));
  _mp_jw_end (w);
}

static void
write_package (MpJsonWriter    *w,
               const MpPackage *p,
               gboolean         top_level)
{
  gboolean any;

  _mp_jw_begin (w, NULL, FALSE, FALSE);
  if (top_level)
    {
      _mp_jw_string (w, "format", MP_JSON_FORMAT_PACKAGE);
      _mp_jw_int (w, "version", MP_JSON_VERSION);
    }
  _mp_jw_string (w, "name", p->name);
  if (p->description != NULL)
    _mp_jw_string (w, "description", p->description);
  _mp_jw_strv (w, "partners", (const char * const *) p->partners);
  _mp_jw_int (w, "start_year", p->start_year);
  _mp_jw_int (w, "horizon", p->horizon);

  write_list (w, "schemes", MP_FIELD_ENTITY_SCHEME, p->schemes);
  write_list (w, "offers", MP_FIELD_ENTITY_OFFER, p->offers);
  write_list (w, "asks", MP_FIELD_ENTITY_ASK, p->asks);
  write_list (w, "tranches", MP_FIELD_ENTITY_TRANCHE, p->tranches);

  _mp_jw_begin (w, "assumptions", FALSE, FALSE);
  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      _mp_jw_begin (w, a->key, FALSE, TRUE);
      _mp_jw_number (w, "low", a->low);
      _mp_jw_number (w, "mode", a->mode);
      _mp_jw_number (w, "high", a->high);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);

  any = FALSE;
  for (int i = 0; i < MP_N_INTERESTS; i++)
    any = any || !isnan (p->interest_weights[i]);
  if (any)
    {
      _mp_jw_begin (w, "interest_weights", FALSE, TRUE);
      for (int i = 0; i < MP_N_INTERESTS; i++)
        if (!isnan (p->interest_weights[i]))
          _mp_jw_number (w, mp_interest_to_string (i), p->interest_weights[i]);
      _mp_jw_end (w);
    }

  any = FALSE;
  for (int i = 0; i < MP_N_INTERESTS; i++)
    any = any || !isnan (p->interest_scales[i]);
  if (any)
    {
      _mp_jw_begin (w, "interest_scales", FALSE, TRUE);
      for (int i = 0; i < MP_N_INTERESTS; i++)
        if (!isnan (p->interest_scales[i]))
          _mp_jw_number (w, mp_interest_to_string (i), p->interest_scales[i]);
      _mp_jw_end (w);
    }

  _mp_jw_begin (w, "nl_weights", FALSE, TRUE);
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    _mp_jw_number (w, mp_nl_component_to_string (i), p->nl_weights[i]);
  _mp_jw_end (w);

  _mp_jw_int (w, "draws", p->draws);
  _mp_jw_uint64 (w, "seed", p->seed);
  if (p->seed > (guint64) G_MAXINT64 && w->error == NULL)
    {
      g_autofree char *path = _mp_jw_path (w);
      g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, p->seed);

      g_set_error (&w->error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID,
                   _("%s: %s is out of range; %s must be between %s and %s"),
                   path, n, _(mp_field_rule (MP_FIELD_PACKAGE_SEED)->name), "0",
                   "9223372036854775807");
    }

  _mp_jw_end (w);
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
  MpJsonWriter w;

  g_return_val_if_fail (packages != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _mp_jw_init (&w);
  _mp_jw_begin (&w, NULL, FALSE, FALSE);
  _mp_jw_string (&w, "format", MP_JSON_FORMAT_BUNDLE);
  _mp_jw_int (&w, "version", MP_JSON_VERSION);
  if (embed_or_null != NULL && embed_or_null->vintage != NULL)
    _mp_jw_string (&w, "vintage", embed_or_null->vintage);

  _mp_jw_begin (&w, "packages", TRUE, FALSE);
  for (guint i = 0; i < packages->len; i++)
    write_package (&w, g_ptr_array_index (packages, i), FALSE);
  _mp_jw_end (&w);

  if (embed_or_null != NULL)
    {
      _mp_jw_begin (&w, "partners", TRUE, FALSE);
      for (guint i = 0; i < embed_or_null->partners->len; i++)
        write_partner (&w, g_ptr_array_index (embed_or_null->partners, i));
      _mp_jw_end (&w);

      _mp_jw_begin (&w, "sectors", TRUE, FALSE);
      for (guint i = 0; i < embed_or_null->sectors->len; i++)
        write_sector (&w, g_ptr_array_index (embed_or_null->sectors, i));
      _mp_jw_end (&w);
    }
  _mp_jw_end (&w);

  return _mp_jw_finish (&w, error);
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
  MpJsonWriter w;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _mp_jw_init (&w);
  write_package (&w, package, TRUE);

  return _mp_jw_finish (&w, error);
}
