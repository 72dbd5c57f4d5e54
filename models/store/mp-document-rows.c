/* mp-document-rows.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* The entities in their tables: the reference snapshot (partners, their
 * groups, indicators and interests; sectors) and each package (its row and
 * the child rows of its partners, schemes, offers, asks, tranches,
 * assumptions and weights), written and read back. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"
#include "mp-reference.h"

/* ---- Reference rows ---------------------------------------------------- */

gboolean
_mp_document_write_reference_rows (sqlite3            *db,
                                   const MpReference  *ref,
                                   GError            **error)
{
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(sqlite3_stmt) partner = NULL;
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) indicator = NULL;
  g_autoptr(sqlite3_stmt) interest = NULL;
  g_autoptr(sqlite3_stmt) sector = NULL;

  if (!_mp_sql_exec (db,
                     "DELETE FROM partner_group; DELETE FROM partner_indicator; "
                     "DELETE FROM partner_interest; DELETE FROM partner; "
                     "DELETE FROM sector; DELETE FROM reference_info;", error))
    return FALSE;

  if (!(info = _mp_sql_prepare (db, "INSERT INTO reference_info (id, vintage) VALUES (1, ?1)", error)) ||
      !(partner = _mp_sql_prepare (db,
                                   "INSERT INTO partner (iso3, position, name, region, combiland, excluded, "
                                   "excluded_reason, who_ssl, who_ssl_source, risk_override, "
                                   "risk_override_reason, profile_rationale) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)) ||
      !(group = _mp_sql_prepare (db,
                                 "INSERT INTO partner_group (iso3, kind, position, name) VALUES (?1, ?2, ?3, ?4)",
                                 error)) ||
      !(indicator = _mp_sql_prepare (db,
                                     "INSERT INTO partner_indicator (iso3, indicator, value, year, source) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(interest = _mp_sql_prepare (db,
                                    "INSERT INTO partner_interest (iso3, interest, weight, scale) "
                                    "VALUES (?1, ?2, ?3, ?4)", error)) ||
      !(sector = _mp_sql_prepare (db,
                                  "INSERT INTO sector (code, position, name, sbi, eqf, demand, health, "
                                  "vacancies, vacancies_year, vacancies_source, wage_month, wage_month_year, "
                                  "wage_month_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                  error)))
    return FALSE;

  _mp_sql_bind_text (info, 1, ref->vintage);
  if (!_mp_sql_step_done (db, info, error))
    return FALSE;

  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);
      struct { const char *kind; char **names; } groups[] = {
        { "membership", p->memberships },
        { "framework", p->frameworks },
      };

      _mp_sql_bind_text (partner, 1, p->iso3);
      sqlite3_bind_int (partner, 2, (int) i);
      _mp_sql_bind_text (partner, 3, p->name);
      _mp_sql_bind_text (partner, 4, p->region);
      _mp_sql_bind_bool (partner, 5, p->combiland);
      _mp_sql_bind_bool (partner, 6, p->excluded);
      _mp_sql_bind_text (partner, 7, p->excluded_reason);
      _mp_sql_bind_bool (partner, 8, p->who_ssl);
      _mp_sql_bind_text (partner, 9, p->who_ssl_source);
      _mp_sql_bind_text (partner, 10, p->has_risk_override ? mp_risk_to_string (p->risk_override) : NULL);
      _mp_sql_bind_text (partner, 11, p->risk_override_reason);
      _mp_sql_bind_text (partner, 12, p->profile.rationale);
      if (!_mp_sql_step_done (db, partner, error))
        return FALSE;

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint k = 0; groups[g].names != NULL && groups[g].names[k] != NULL; k++)
          {
            _mp_sql_bind_text (group, 1, p->iso3);
            _mp_sql_bind_text (group, 2, groups[g].kind);
            sqlite3_bind_int (group, 3, (int) k);
            _mp_sql_bind_text (group, 4, groups[g].names[k]);
            if (!_mp_sql_step_done (db, group, error))
              return FALSE;
          }

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];

          /* A missing value without a note needs no row. */
          if (isnan (v->value) && v->year == 0 && v->source == NULL)
            continue;
          _mp_sql_bind_text (indicator, 1, p->iso3);
          _mp_sql_bind_text (indicator, 2, mp_indicator_to_string (k));
          _mp_sql_bind_real (indicator, 3, v->value);
          sqlite3_bind_int (indicator, 4, v->year);
          _mp_sql_bind_text (indicator, 5, v->source);
          if (!_mp_sql_step_done (db, indicator, error))
            return FALSE;
        }

      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          _mp_sql_bind_text (interest, 1, p->iso3);
          _mp_sql_bind_text (interest, 2, mp_interest_to_string (k));
          _mp_sql_bind_real (interest, 3, p->profile.weights[k]);
          _mp_sql_bind_real (interest, 4, p->profile.scales[k]);
          if (!_mp_sql_step_done (db, interest, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      _mp_sql_bind_text (sector, 1, s->code);
      sqlite3_bind_int (sector, 2, (int) i);
      _mp_sql_bind_text (sector, 3, s->name);
      _mp_sql_bind_text (sector, 4, s->sbi);
      sqlite3_bind_int (sector, 5, s->eqf);
      _mp_sql_bind_text (sector, 6, mp_demand_to_string (s->demand));
      _mp_sql_bind_bool (sector, 7, s->health);
      _mp_sql_bind_real (sector, 8, s->vacancies.value);
      sqlite3_bind_int (sector, 9, s->vacancies.year);
      _mp_sql_bind_text (sector, 10, s->vacancies.source);
      _mp_sql_bind_real (sector, 11, s->wage_month.value);
      sqlite3_bind_int (sector, 12, s->wage_month.year);
      _mp_sql_bind_text (sector, 13, s->wage_month.source);
      if (!_mp_sql_step_done (db, sector, error))
        return FALSE;
    }

  return TRUE;
}

MpReference *
_mp_document_read_reference_rows (sqlite3   *db,
                                  gboolean   lenient,
                                  GError   **error)
{
  g_autoptr(MpReference) ref = mp_reference_new ();
  g_autoptr(GHashTable) by_iso3 = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GHashTable) frames = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  if (!(stmt = _mp_sql_prepare (db, "SELECT vintage FROM reference_info WHERE id = 1", error)))
    return NULL;
  if (_mp_sql_step_row (db, stmt, &failed, error))
    ref->vintage = _mp_sql_column_text (stmt, 0);
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT iso3, name, region, combiland, excluded, excluded_reason, who_ssl, "
                                "who_ssl_source, risk_override, risk_override_reason, profile_rationale "
                                "FROM partner ORDER BY position, iso3", error)))
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = _mp_sql_column_text (stmt, 0);
      g_autofree char *name = _mp_sql_column_text (stmt, 1);
      g_autofree char *risk = _mp_sql_column_text (stmt, 8);
      MpPartner *p = mp_partner_new (iso3, name);

      g_ptr_array_add (ref->partners, p);
      p->region = _mp_sql_column_text (stmt, 2);
      p->combiland = _mp_sql_column_bool (stmt, 3);
      p->excluded = _mp_sql_column_bool (stmt, 4);
      p->excluded_reason = _mp_sql_column_text (stmt, 5);
      p->who_ssl = _mp_sql_column_bool (stmt, 6);
      p->who_ssl_source = _mp_sql_column_text (stmt, 7);
      if (risk != NULL)
        {
          p->has_risk_override = TRUE;
          if (!mp_risk_from_string (risk, &p->risk_override))
            {
              _mp_document_set_invalid_enum (error, _("risk class"), risk);
              return NULL;
            }
        }
      p->risk_override_reason = _mp_sql_column_text (stmt, 9);
      p->profile.rationale = _mp_sql_column_text (stmt, 10);
      if (p->iso3 != NULL)
        g_hash_table_insert (by_iso3, p->iso3, p);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Memberships and frameworks: collected per partner in order. */
  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strv_builder_unref);
  frames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strv_builder_unref);
  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT iso3, kind, name FROM partner_group ORDER BY iso3, kind, position",
                                error)))
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = _mp_sql_column_text (stmt, 0);
      g_autofree char *kind = _mp_sql_column_text (stmt, 1);
      g_autofree char *name = _mp_sql_column_text (stmt, 2);
      GHashTable *table = g_strcmp0 (kind, "framework") == 0 ? frames : members;
      GStrvBuilder *builder;

      if (iso3 == NULL || name == NULL)
        continue;
      builder = g_hash_table_lookup (table, iso3);
      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (table, g_strdup (iso3), builder);
        }
      g_strv_builder_add (builder, name);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ref->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (ref->partners, i);
      GStrvBuilder *b;

      if (p->iso3 == NULL)
        continue;
      if ((b = g_hash_table_lookup (members, p->iso3)) != NULL)
        {
          g_strfreev (p->memberships);
          p->memberships = g_strv_builder_end (b);
        }
      if ((b = g_hash_table_lookup (frames, p->iso3)) != NULL)
        {
          g_strfreev (p->frameworks);
          p->frameworks = g_strv_builder_end (b);
        }
    }

  if (!(stmt = _mp_sql_prepare (db, "SELECT iso3, indicator, value, year, source FROM partner_indicator",
                                error)))
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = _mp_sql_column_text (stmt, 0);
      g_autofree char *key = _mp_sql_column_text (stmt, 1);
      MpPartner *p = iso3 != NULL ? g_hash_table_lookup (by_iso3, iso3) : NULL;
      MpIndicator ind;

      if (p == NULL)
        continue;
      if (key == NULL || !mp_indicator_from_string (key, &ind))
        {
          if (lenient)
            continue;
          _mp_document_set_invalid_enum (error, _("indicator"), key);
          return NULL;
        }
      p->ind[ind].value = _mp_sql_column_real (stmt, 2);
      if (!_mp_sql_column_int (stmt, 3, &p->ind[ind].year, error))
        return NULL;
      g_free (p->ind[ind].source);
      p->ind[ind].source = _mp_sql_column_text (stmt, 4);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db, "SELECT iso3, interest, weight, scale FROM partner_interest", error)))
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = _mp_sql_column_text (stmt, 0);
      g_autofree char *key = _mp_sql_column_text (stmt, 1);
      MpPartner *p = iso3 != NULL ? g_hash_table_lookup (by_iso3, iso3) : NULL;
      MpInterest interest;

      if (p == NULL)
        continue;
      if (key == NULL || !mp_interest_from_string (key, &interest))
        {
          if (lenient)
            continue;
          _mp_document_set_invalid_enum (error, _("interest"), key);
          return NULL;
        }
      p->profile.weights[interest] = _mp_sql_column_real (stmt, 2);
      p->profile.scales[interest] = _mp_sql_column_real (stmt, 3);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT code, name, sbi, eqf, demand, health, vacancies, vacancies_year, "
                                "vacancies_source, wage_month, wage_month_year, wage_month_source "
                                "FROM sector ORDER BY position, code", error)))
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *code = _mp_sql_column_text (stmt, 0);
      g_autofree char *name = _mp_sql_column_text (stmt, 1);
      g_autofree char *demand = _mp_sql_column_text (stmt, 4);
      MpSector *s = mp_sector_new (code, name);

      g_ptr_array_add (ref->sectors, s);
      s->sbi = _mp_sql_column_text (stmt, 2);
      if (!_mp_sql_column_int (stmt, 3, &s->eqf, error))
        return NULL;
      if (demand == NULL || !mp_demand_from_string (demand, &s->demand))
        {
          _mp_document_set_invalid_enum (error, _("demand type"), demand);
          return NULL;
        }
      s->health = _mp_sql_column_bool (stmt, 5);
      s->vacancies.value = _mp_sql_column_real (stmt, 6);
      if (!_mp_sql_column_int (stmt, 7, &s->vacancies.year, error))
        return NULL;
      s->vacancies.source = _mp_sql_column_text (stmt, 8);
      s->wage_month.value = _mp_sql_column_real (stmt, 9);
      if (!_mp_sql_column_int (stmt, 10, &s->wage_month.year, error))
        return NULL;
      s->wage_month.source = _mp_sql_column_text (stmt, 11);
    }
  if (failed)
    return NULL;

  if (!_mp_document_validate_reference (ref, error))
    return NULL;

  return g_steal_pointer (&ref);
}

/* ---- Package rows ------------------------------------------------------ */

static gboolean
delete_package_children (sqlite3  *db,
                         gint64    id,
                         GError  **error)
{
  static const char * const tables[] = {
    "package_partner", "scheme", "offer", "ask", "tranche", "assumption", "package_weight",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE package_id = ?1", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_mp_sql_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_package_children (sqlite3          *db,
                         gint64            id,
                         const MpPackage  *p,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) partner = NULL;
  g_autoptr(sqlite3_stmt) scheme = NULL;
  g_autoptr(sqlite3_stmt) offer = NULL;
  g_autoptr(sqlite3_stmt) ask = NULL;
  g_autoptr(sqlite3_stmt) tranche = NULL;
  g_autoptr(sqlite3_stmt) assumption = NULL;
  g_autoptr(sqlite3_stmt) weight = NULL;

  if (!(partner = _mp_sql_prepare (db,
                                   "INSERT INTO package_partner (package_id, position, iso3) VALUES (?1, ?2, ?3)",
                                   error)) ||
      !(scheme = _mp_sql_prepare (db,
                                  "INSERT INTO scheme (package_id, position, name, kind, partner, sector, quota, "
                                  "first_year, intake_years, months, stays, mandatory_return, training_months, "
                                  "home_track_ratio, cost_per_participant, employer_share, recruitment_fees, "
                                  "language_support, complaints_channel, reintegration_support, "
                                  "g2g_health_support, return_incentives) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                  "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                                  error)) ||
      !(offer = _mp_sql_prepare (db,
                                 "INSERT INTO offer (package_id, position, kind, partner, sector, amount, jobs, "
                                 "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)) ||
      !(ask = _mp_sql_prepare (db,
                               "INSERT INTO ask (package_id, position, kind, partner, returns_low, returns_mode, "
                               "returns_high, level, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)) ||
      !(tranche = _mp_sql_prepare (db,
                                   "INSERT INTO tranche (package_id, position, label, scheme, release_year, "
                                   "extra_quota, condition) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)) ||
      !(assumption = _mp_sql_prepare (db,
                                      "INSERT INTO assumption (package_id, position, key, low, mode, high) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !(weight = _mp_sql_prepare (db,
                                  "INSERT INTO package_weight (package_id, kind, component, weight, scale) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  for (guint i = 0; p->partners != NULL && p->partners[i] != NULL; i++)
    {
      sqlite3_bind_int64 (partner, 1, id);
      sqlite3_bind_int (partner, 2, (int) i);
      _mp_sql_bind_text (partner, 3, p->partners[i]);
      if (!_mp_sql_step_done (db, partner, error))
        return FALSE;
    }

  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);

      sqlite3_bind_int64 (scheme, 1, id);
      sqlite3_bind_int (scheme, 2, (int) i);
      _mp_sql_bind_text (scheme, 3, s->name);
      _mp_sql_bind_text (scheme, 4, mp_scheme_kind_to_string (s->kind));
      _mp_sql_bind_text (scheme, 5, s->partner);
      _mp_sql_bind_text (scheme, 6, s->sector);
      _mp_sql_bind_real (scheme, 7, s->quota);
      sqlite3_bind_int (scheme, 8, s->first_year);
      sqlite3_bind_int (scheme, 9, s->intake_years);
      sqlite3_bind_int (scheme, 10, s->months);
      sqlite3_bind_int (scheme, 11, s->stays);
      _mp_sql_bind_bool (scheme, 12, s->mandatory_return);
      _mp_sql_bind_real (scheme, 13, s->training_months);
      _mp_sql_bind_real (scheme, 14, s->home_track_ratio);
      _mp_sql_bind_real (scheme, 15, s->cost_per_participant);
      _mp_sql_bind_real (scheme, 16, s->employer_share);
      _mp_sql_bind_real (scheme, 17, s->recruitment_fees);
      _mp_sql_bind_bool (scheme, 18, s->language_support);
      _mp_sql_bind_bool (scheme, 19, s->complaints_channel);
      _mp_sql_bind_bool (scheme, 20, s->reintegration_support);
      _mp_sql_bind_bool (scheme, 21, s->g2g_health_support);
      _mp_sql_bind_bool (scheme, 22, s->return_incentives);
      if (!_mp_sql_step_done (db, scheme, error))
        return FALSE;
    }

  for (guint i = 0; i < p->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (p->offers, i);

      sqlite3_bind_int64 (offer, 1, id);
      sqlite3_bind_int (offer, 2, (int) i);
      _mp_sql_bind_text (offer, 3, mp_offer_kind_to_string (o->kind));
      _mp_sql_bind_text (offer, 4, o->partner);
      _mp_sql_bind_text (offer, 5, o->sector);
      _mp_sql_bind_real (offer, 6, o->amount);
      _mp_sql_bind_real (offer, 7, o->jobs);
      _mp_sql_bind_text (offer, 8, o->note);
      if (!_mp_sql_step_done (db, offer, error))
        return FALSE;
    }

  for (guint i = 0; i < p->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (p->asks, i);

      sqlite3_bind_int64 (ask, 1, id);
      sqlite3_bind_int (ask, 2, (int) i);
      _mp_sql_bind_text (ask, 3, mp_ask_kind_to_string (a->kind));
      _mp_sql_bind_text (ask, 4, a->partner);
      _mp_sql_bind_real (ask, 5, a->returns_low);
      _mp_sql_bind_real (ask, 6, a->returns_mode);
      _mp_sql_bind_real (ask, 7, a->returns_high);
      sqlite3_bind_int (ask, 8, a->level);
      _mp_sql_bind_text (ask, 9, a->note);
      if (!_mp_sql_step_done (db, ask, error))
        return FALSE;
    }

  for (guint i = 0; i < p->tranches->len; i++)
    {
      const MpTranche *t = g_ptr_array_index (p->tranches, i);

      sqlite3_bind_int64 (tranche, 1, id);
      sqlite3_bind_int (tranche, 2, (int) i);
      _mp_sql_bind_text (tranche, 3, t->label);
      _mp_sql_bind_text (tranche, 4, t->scheme);
      sqlite3_bind_int (tranche, 5, t->release_year);
      _mp_sql_bind_real (tranche, 6, t->extra_quota);
      _mp_sql_bind_text (tranche, 7, mp_ask_kind_to_string (t->condition));
      if (!_mp_sql_step_done (db, tranche, error))
        return FALSE;
    }

  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      sqlite3_bind_int64 (assumption, 1, id);
      sqlite3_bind_int (assumption, 2, (int) i);
      _mp_sql_bind_text (assumption, 3, a->key);
      _mp_sql_bind_real (assumption, 4, a->low);
      _mp_sql_bind_real (assumption, 5, a->mode);
      _mp_sql_bind_real (assumption, 6, a->high);
      if (!_mp_sql_step_done (db, assumption, error))
        return FALSE;
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      sqlite3_bind_int64 (weight, 1, id);
      _mp_sql_bind_text (weight, 2, "interest");
      _mp_sql_bind_text (weight, 3, mp_interest_to_string (i));
      _mp_sql_bind_real (weight, 4, p->interest_weights[i]);
      _mp_sql_bind_real (weight, 5, p->interest_scales[i]);
      if (!_mp_sql_step_done (db, weight, error))
        return FALSE;
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    {
      sqlite3_bind_int64 (weight, 1, id);
      _mp_sql_bind_text (weight, 2, "nl");
      _mp_sql_bind_text (weight, 3, mp_nl_component_to_string (i));
      _mp_sql_bind_real (weight, 4, p->nl_weights[i]);
      sqlite3_bind_null (weight, 5);
      if (!_mp_sql_step_done (db, weight, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_mp_document_package_exists (sqlite3   *db,
                             gint64     id,
                             gboolean  *exists,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, "SELECT 1 FROM package WHERE id = ?1", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  *exists = _mp_sql_step_row (db, stmt, &failed, error);
  return !failed;
}

gboolean
_mp_document_write_package_rows (sqlite3          *db,
                                 gint64            id,
                                 gint64            position,
                                 const MpPackage  *p,
                                 gboolean          header_only,
                                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists = FALSE;

  if (!_mp_document_package_exists (db, id, &exists, error))
    return FALSE;

  if (exists)
    stmt = _mp_sql_prepare (db,
                            "UPDATE package SET name = ?2, description = ?3, start_year = ?4, horizon = ?5, "
                            "draws = ?6, seed = ?7, position = ?8, modified = ?9 WHERE id = ?1", error);
  else
    stmt = _mp_sql_prepare (db,
                            "INSERT INTO package (id, name, description, start_year, horizon, draws, seed, "
                            "position, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  _mp_sql_bind_text (stmt, 2, p->name);
  _mp_sql_bind_text (stmt, 3, p->description);
  sqlite3_bind_int (stmt, 4, p->start_year);
  sqlite3_bind_int (stmt, 5, p->horizon);
  sqlite3_bind_int64 (stmt, 6, p->draws);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) p->seed);
  sqlite3_bind_int64 (stmt, 8, position);
  sqlite3_bind_int64 (stmt, 9, g_get_real_time () / G_USEC_PER_SEC);
  if (!_mp_sql_step_done (db, stmt, error))
    return FALSE;

  if (exists && header_only)
    return TRUE;
  if (exists && !delete_package_children (db, id, error))
    return FALSE;
  return insert_package_children (db, id, p, error);
}

MpPackage *
_mp_document_read_package_rows (sqlite3  *db,
                                gint64    id,
                                gint64   *position_out,
                                GError  **error)
{
  g_autoptr(MpPackage) p = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) partners = g_strv_builder_new ();
  gboolean failed = FALSE;
  sqlite3_int64 draws;

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT name, description, start_year, horizon, draws, seed, position "
                                "FROM package WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mp_sql_step_row (db, stmt, &failed, error))
    return NULL;

  {
    g_autofree char *name = _mp_sql_column_text (stmt, 0);

    p = mp_package_new (name);
  }
  p->description = _mp_sql_column_text (stmt, 1);
  if (!_mp_sql_column_int (stmt, 2, &p->start_year, error) ||
      !_mp_sql_column_int (stmt, 3, &p->horizon, error))
    return NULL;
  draws = sqlite3_column_int64 (stmt, 4);
  if (draws < 0 || draws > G_MAXUINT)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The document holds an out-of-range number of draws."));
      return NULL;
    }
  p->draws = (guint) draws;
  p->seed = (guint64) sqlite3_column_int64 (stmt, 5);
  if (position_out != NULL)
    *position_out = sqlite3_column_int64 (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db, "SELECT iso3 FROM package_partner WHERE package_id = ?1 ORDER BY position",
                                error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = _mp_sql_column_text (stmt, 0);

      if (iso3 != NULL)
        g_strv_builder_add (partners, iso3);
    }
  if (failed)
    return NULL;
  g_strfreev (p->partners);
  p->partners = g_strv_builder_end (partners);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT name, kind, partner, sector, quota, first_year, intake_years, months, "
                                "stays, mandatory_return, training_months, home_track_ratio, "
                                "cost_per_participant, employer_share, recruitment_fees, language_support, "
                                "complaints_channel, reintegration_support, g2g_health_support, "
                                "return_incentives FROM scheme WHERE package_id = ?1 ORDER BY position",
                                error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      MpScheme *s = mp_scheme_new ();
      g_autofree char *kind = _mp_sql_column_text (stmt, 1);

      g_ptr_array_add (p->schemes, s);
      s->name = _mp_sql_column_text (stmt, 0);
      if (kind == NULL || !mp_scheme_kind_from_string (kind, &s->kind))
        {
          _mp_document_set_invalid_enum (error, _("scheme kind"), kind);
          return NULL;
        }
      s->partner = _mp_sql_column_text (stmt, 2);
      s->sector = _mp_sql_column_text (stmt, 3);
      s->quota = _mp_sql_column_real (stmt, 4);
      if (!_mp_sql_column_int (stmt, 5, &s->first_year, error) ||
          !_mp_sql_column_int (stmt, 6, &s->intake_years, error) ||
          !_mp_sql_column_int (stmt, 7, &s->months, error) ||
          !_mp_sql_column_int (stmt, 8, &s->stays, error))
        return NULL;
      s->mandatory_return = _mp_sql_column_bool (stmt, 9);
      s->training_months = _mp_sql_column_real (stmt, 10);
      s->home_track_ratio = _mp_sql_column_real (stmt, 11);
      s->cost_per_participant = _mp_sql_column_real (stmt, 12);
      s->employer_share = _mp_sql_column_real (stmt, 13);
      s->recruitment_fees = _mp_sql_column_real (stmt, 14);
      s->language_support = _mp_sql_column_bool (stmt, 15);
      s->complaints_channel = _mp_sql_column_bool (stmt, 16);
      s->reintegration_support = _mp_sql_column_bool (stmt, 17);
      s->g2g_health_support = _mp_sql_column_bool (stmt, 18);
      s->return_incentives = _mp_sql_column_bool (stmt, 19);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT kind, partner, sector, amount, jobs, note FROM offer "
                                "WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      MpOffer *o = mp_offer_new ();
      g_autofree char *kind = _mp_sql_column_text (stmt, 0);

      g_ptr_array_add (p->offers, o);
      if (kind == NULL || !mp_offer_kind_from_string (kind, &o->kind))
        {
          _mp_document_set_invalid_enum (error, _("offer kind"), kind);
          return NULL;
        }
      o->partner = _mp_sql_column_text (stmt, 1);
      o->sector = _mp_sql_column_text (stmt, 2);
      o->amount = _mp_sql_column_real (stmt, 3);
      o->jobs = _mp_sql_column_real (stmt, 4);
      o->note = _mp_sql_column_text (stmt, 5);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT kind, partner, returns_low, returns_mode, returns_high, level, note "
                                "FROM ask WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      MpAsk *a = mp_ask_new ();
      g_autofree char *kind = _mp_sql_column_text (stmt, 0);

      g_ptr_array_add (p->asks, a);
      if (kind == NULL || !mp_ask_kind_from_string (kind, &a->kind))
        {
          _mp_document_set_invalid_enum (error, _("ask kind"), kind);
          return NULL;
        }
      a->partner = _mp_sql_column_text (stmt, 1);
      a->returns_low = _mp_sql_column_real (stmt, 2);
      a->returns_mode = _mp_sql_column_real (stmt, 3);
      a->returns_high = _mp_sql_column_real (stmt, 4);
      if (!_mp_sql_column_int (stmt, 5, &a->level, error))
        return NULL;
      a->note = _mp_sql_column_text (stmt, 6);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT label, scheme, release_year, extra_quota, condition FROM tranche "
                                "WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      MpTranche *t = mp_tranche_new ();
      g_autofree char *condition = _mp_sql_column_text (stmt, 4);

      g_ptr_array_add (p->tranches, t);
      t->label = _mp_sql_column_text (stmt, 0);
      t->scheme = _mp_sql_column_text (stmt, 1);
      if (!_mp_sql_column_int (stmt, 2, &t->release_year, error))
        return NULL;
      t->extra_quota = _mp_sql_column_real (stmt, 3);
      if (condition == NULL || !mp_ask_kind_from_string (condition, &t->condition))
        {
          _mp_document_set_invalid_enum (error, _("tranche condition"), condition);
          return NULL;
        }
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT key, low, mode, high FROM assumption WHERE package_id = ?1 "
                                "ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *key = _mp_sql_column_text (stmt, 0);

      g_ptr_array_add (p->assumptions,
                       mp_assumption_new (key, _mp_sql_column_real (stmt, 1), _mp_sql_column_real (stmt, 2),
                                          _mp_sql_column_real (stmt, 3)));
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (db,
                                "SELECT kind, component, weight, scale FROM package_weight "
                                "WHERE package_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *kind = _mp_sql_column_text (stmt, 0);
      g_autofree char *component = _mp_sql_column_text (stmt, 1);
      MpInterest interest;
      MpNlComponent nl;

      if (g_strcmp0 (kind, "interest") == 0 && component != NULL &&
          mp_interest_from_string (component, &interest))
        {
          p->interest_weights[interest] = _mp_sql_column_real (stmt, 2);
          p->interest_scales[interest] = _mp_sql_column_real (stmt, 3);
        }
      else if (g_strcmp0 (kind, "nl") == 0 && component != NULL &&
               mp_nl_component_from_string (component, &nl))
        {
          p->nl_weights[nl] = _mp_sql_column_real (stmt, 2);
        }
      else
        {
          _mp_document_set_invalid_enum (error, _("weight"), component);
          return NULL;
        }
    }
  if (failed)
    return NULL;

  return g_steal_pointer (&p);
}

gboolean
_mp_document_delete_package_rows (sqlite3  *db,
                                  gint64    id,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!delete_package_children (db, id, error))
    return FALSE;
  if (!(stmt = _mp_sql_prepare (db, "DELETE FROM package WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _mp_sql_step_done (db, stmt, error);
}
