/* mp-document-snapshot.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* Snapshots: a package or the reference data as one GVariant, the "before"
 * and "after" states an undo step records.  The formats are stored in the
 * file (history_item.before and .after): a change to one makes the undo
 * history of existing documents unreadable. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"
#include "mp-reference.h"

#define SCHEME_T     "(mssmsmsdiiiibdddddbbbbb)"
#define OFFER_T      "(smsmsddms)"
#define ASK_T        "(smsdddims)"
#define TRANCHE_T    "(msmsids)"
#define ASSUMPTION_T "(sddd)"
#define PACKAGE_T    "(msmsasiiuta" SCHEME_T "a" OFFER_T "a" ASK_T "a" TRANCHE_T \
                     "a" ASSUMPTION_T "a(sdd)a(sd))"
#define VALUE_T      "(dims)"
#define PARTNER_T    "(smsmsasasbbmsbmsmsmsa(sdims)a(sdd)ms)"
#define SECTOR_T     "(smsmsisb" VALUE_T VALUE_T ")"
#define REFERENCE_T  "(msa" PARTNER_T "a" SECTOR_T ")"

/* The same, as g_variant_get() formats (borrowed enum strings, strvs). */
#define SCHEME_GET     "(ms&smsmsdiiiibdddddbbbbb)"
#define OFFER_GET      "(&smsmsddms)"
#define ASK_GET        "(&smsdddims)"
#define TRANCHE_GET    "(msmsid&s)"
#define ASSUMPTION_GET "(&sddd)"
#define PACKAGE_GET    "(msms^asiiuta" SCHEME_T "a" OFFER_T "a" ASK_T "a" TRANCHE_T \
                       "a" ASSUMPTION_T "a(sdd)a(sd))"
#define PARTNER_GET    "(&smsms^as^asbbmsbmsmsmsa(sdims)a(sdd)ms)"
#define SECTOR_GET     "(&smsmsi&sb(dims)(dims))"

/* The children of PACKAGE_T stored in child tables: partners (2), schemes,
 * offers, asks, tranches, assumptions and weights (7..13); the others are
 * columns of the package row. */
static const int package_child_fields[] = { 2, 7, 8, 9, 10, 11, 12, 13 };


GVariant *
_mp_document_package_to_variant (const MpPackage *p)
{
  GVariantBuilder b;
  const char * const empty[] = { NULL };

  g_variant_builder_init (&b, G_VARIANT_TYPE (PACKAGE_T));
  g_variant_builder_add (&b, "ms", p->name);
  g_variant_builder_add (&b, "ms", p->description);
  g_variant_builder_add (&b, "^as", p->partners != NULL ? (const char * const *) p->partners : empty);
  g_variant_builder_add (&b, "i", p->start_year);
  g_variant_builder_add (&b, "i", p->horizon);
  g_variant_builder_add (&b, "u", p->draws);
  g_variant_builder_add (&b, "t", p->seed);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" SCHEME_T));
  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);

      g_variant_builder_add (&b, SCHEME_T, s->name, mp_scheme_kind_to_string (s->kind),
                             s->partner, s->sector, s->quota, s->first_year, s->intake_years,
                             s->months, s->stays, !!s->mandatory_return, s->training_months,
                             s->home_track_ratio, s->cost_per_participant, s->employer_share,
                             s->recruitment_fees, !!s->language_support, !!s->complaints_channel,
                             !!s->reintegration_support, !!s->g2g_health_support,
                             !!s->return_incentives);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" OFFER_T));
  for (guint i = 0; i < p->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (p->offers, i);

      g_variant_builder_add (&b, OFFER_T, mp_offer_kind_to_string (o->kind), o->partner,
                             o->sector, o->amount, o->jobs, o->note);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" ASK_T));
  for (guint i = 0; i < p->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (p->asks, i);

      g_variant_builder_add (&b, ASK_T, mp_ask_kind_to_string (a->kind), a->partner,
                             a->returns_low, a->returns_mode, a->returns_high, a->level, a->note);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" TRANCHE_T));
  for (guint i = 0; i < p->tranches->len; i++)
    {
      const MpTranche *t = g_ptr_array_index (p->tranches, i);

      g_variant_builder_add (&b, TRANCHE_T, t->label, t->scheme, t->release_year,
                             t->extra_quota, mp_ask_kind_to_string (t->condition));
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" ASSUMPTION_T));
  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      g_variant_builder_add (&b, ASSUMPTION_T, a->key != NULL ? a->key : "", a->low, a->mode, a->high);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdd)"));
  for (int i = 0; i < MP_N_INTERESTS; i++)
    g_variant_builder_add (&b, "(sdd)", mp_interest_to_string (i),
                           p->interest_weights[i], p->interest_scales[i]);
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sd)"));
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    g_variant_builder_add (&b, "(sd)", mp_nl_component_to_string (i), p->nl_weights[i]);
  g_variant_builder_close (&b);

  return g_variant_ref_sink (g_variant_builder_end (&b));
}

MpPackage *
_mp_document_package_from_variant (GVariant  *v,
                                   GError   **error)
{
  g_autoptr(MpPackage) p = NULL;
  g_autoptr(GVariantIter) schemes = NULL;
  g_autoptr(GVariantIter) offers = NULL;
  g_autoptr(GVariantIter) asks = NULL;
  g_autoptr(GVariantIter) tranches = NULL;
  g_autoptr(GVariantIter) assumptions = NULL;
  g_autoptr(GVariantIter) interests = NULL;
  g_autoptr(GVariantIter) nl = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) partners = NULL;
  int start_year, horizon;
  guint32 draws;
  guint64 seed;
  const char *kind;
  const char *key;
  double w, s;

  if (!g_variant_is_of_type (v, G_VARIANT_TYPE (PACKAGE_T)))
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The undo history of the document is damaged."));
      return NULL;
    }

  g_variant_get (v, PACKAGE_GET, &name, &description, &partners, &start_year, &horizon,
                 &draws, &seed, &schemes, &offers, &asks, &tranches, &assumptions,
                 &interests, &nl);

  p = mp_package_new (name);
  p->description = g_steal_pointer (&description);
  g_strfreev (p->partners);
  p->partners = g_steal_pointer (&partners);
  p->start_year = start_year;
  p->horizon = horizon;
  p->draws = draws;
  p->seed = seed;

  {
    char *sname, *partner, *sector;
    double quota, training, ratio, cost, share, fees;
    int first_year, intake_years, months, stays;
    gboolean mandatory, lang, compl, reint, g2g, incent;

    while (g_variant_iter_next (schemes, SCHEME_GET, &sname, &kind, &partner, &sector, &quota,
                                &first_year, &intake_years, &months, &stays, &mandatory,
                                &training, &ratio, &cost, &share, &fees, &lang, &compl,
                                &reint, &g2g, &incent))
      {
        MpScheme *sc = mp_scheme_new ();

        g_ptr_array_add (p->schemes, sc);
        sc->name = sname;
        sc->partner = partner;
        sc->sector = sector;
        if (!mp_scheme_kind_from_string (kind, &sc->kind))
          {
            _mp_document_set_invalid_enum (error, _("scheme kind"), kind);
            return NULL;
          }
        sc->quota = quota;
        sc->first_year = first_year;
        sc->intake_years = intake_years;
        sc->months = months;
        sc->stays = stays;
        sc->mandatory_return = mandatory;
        sc->training_months = training;
        sc->home_track_ratio = ratio;
        sc->cost_per_participant = cost;
        sc->employer_share = share;
        sc->recruitment_fees = fees;
        sc->language_support = lang;
        sc->complaints_channel = compl;
        sc->reintegration_support = reint;
        sc->g2g_health_support = g2g;
        sc->return_incentives = incent;
      }
  }

  {
    char *partner, *sector, *note;
    double amount, jobs;

    while (g_variant_iter_next (offers, OFFER_GET, &kind, &partner, &sector, &amount, &jobs, &note))
      {
        MpOffer *o = mp_offer_new ();

        g_ptr_array_add (p->offers, o);
        o->partner = partner;
        o->sector = sector;
        o->note = note;
        o->amount = amount;
        o->jobs = jobs;
        if (!mp_offer_kind_from_string (kind, &o->kind))
          {
            _mp_document_set_invalid_enum (error, _("offer kind"), kind);
            return NULL;
          }
      }
  }

  {
    char *partner, *note;
    double low, mode, high;
    int level;

    while (g_variant_iter_next (asks, ASK_GET, &kind, &partner, &low, &mode, &high, &level, &note))
      {
        MpAsk *a = mp_ask_new ();

        g_ptr_array_add (p->asks, a);
        a->partner = partner;
        a->note = note;
        a->returns_low = low;
        a->returns_mode = mode;
        a->returns_high = high;
        a->level = level;
        if (!mp_ask_kind_from_string (kind, &a->kind))
          {
            _mp_document_set_invalid_enum (error, _("ask kind"), kind);
            return NULL;
          }
      }
  }

  {
    char *label, *scheme;
    int year;
    double extra;

    while (g_variant_iter_next (tranches, TRANCHE_GET, &label, &scheme, &year, &extra, &kind))
      {
        MpTranche *t = mp_tranche_new ();

        g_ptr_array_add (p->tranches, t);
        t->label = label;
        t->scheme = scheme;
        t->release_year = year;
        t->extra_quota = extra;
        if (!mp_ask_kind_from_string (kind, &t->condition))
          {
            _mp_document_set_invalid_enum (error, _("tranche condition"), kind);
            return NULL;
          }
      }
  }

  {
    double low, mode, high;

    while (g_variant_iter_next (assumptions, ASSUMPTION_GET, &key, &low, &mode, &high))
      {
        g_ptr_array_add (p->assumptions, mp_assumption_new (key, low, mode, high));
      }
  }

  while (g_variant_iter_next (interests, "(&sdd)", &key, &w, &s))
    {
      MpInterest i;

      if (!mp_interest_from_string (key, &i))
        {
          _mp_document_set_invalid_enum (error, _("interest"), key);
          return NULL;
        }
      p->interest_weights[i] = w;
      p->interest_scales[i] = s;
    }

  while (g_variant_iter_next (nl, "(&sd)", &key, &w))
    {
      MpNlComponent c;

      if (!mp_nl_component_from_string (key, &c))
        {
          _mp_document_set_invalid_enum (error, _("weight"), key);
          return NULL;
        }
      p->nl_weights[c] = w;
    }

  return g_steal_pointer (&p);
}

gboolean
_mp_document_package_children_equal (GVariant *a,
                                     GVariant *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (package_child_fields); i++)
    {
      g_autoptr(GVariant) ca = g_variant_get_child_value (a, package_child_fields[i]);
      g_autoptr(GVariant) cb = g_variant_get_child_value (b, package_child_fields[i]);

      if (!g_variant_equal (ca, cb))
        return FALSE;
    }
  return TRUE;
}

static void
add_value (GVariantBuilder *b,
           const MpValue   *v)
{
  g_variant_builder_add (b, VALUE_T, v->value, v->year, v->source);
}

GVariant *
_mp_document_reference_to_variant (const MpReference *ref)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE (REFERENCE_T));
  g_variant_builder_add (&b, "ms", ref->vintage);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" PARTNER_T));
  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);
      const char * const empty[] = { NULL };

      g_variant_builder_open (&b, G_VARIANT_TYPE (PARTNER_T));
      g_variant_builder_add (&b, "s", p->iso3 != NULL ? p->iso3 : "");
      g_variant_builder_add (&b, "ms", p->name);
      g_variant_builder_add (&b, "ms", p->region);
      g_variant_builder_add (&b, "^as", p->memberships != NULL ? (const char * const *) p->memberships : empty);
      g_variant_builder_add (&b, "^as", p->frameworks != NULL ? (const char * const *) p->frameworks : empty);
      g_variant_builder_add (&b, "b", !!p->combiland);
      g_variant_builder_add (&b, "b", !!p->excluded);
      g_variant_builder_add (&b, "ms", p->excluded_reason);
      g_variant_builder_add (&b, "b", !!p->who_ssl);
      g_variant_builder_add (&b, "ms", p->who_ssl_source);
      g_variant_builder_add (&b, "ms", p->has_risk_override ? mp_risk_to_string (p->risk_override) : NULL);
      g_variant_builder_add (&b, "ms", p->risk_override_reason);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdims)"));
      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];

          if (isnan (v->value) && v->year == 0 && v->source == NULL)
            continue;
          g_variant_builder_add (&b, "(sdims)", mp_indicator_to_string (k), v->value, v->year, v->source);
        }
      g_variant_builder_close (&b);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdd)"));
      for (int k = 0; k < MP_N_INTERESTS; k++)
        g_variant_builder_add (&b, "(sdd)", mp_interest_to_string (k),
                               p->profile.weights[k], p->profile.scales[k]);
      g_variant_builder_close (&b);
      g_variant_builder_add (&b, "ms", p->profile.rationale);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" SECTOR_T));
  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      g_variant_builder_open (&b, G_VARIANT_TYPE (SECTOR_T));
      g_variant_builder_add (&b, "s", s->code != NULL ? s->code : "");
      g_variant_builder_add (&b, "ms", s->name);
      g_variant_builder_add (&b, "ms", s->sbi);
      g_variant_builder_add (&b, "i", s->eqf);
      g_variant_builder_add (&b, "s", mp_demand_to_string (s->demand));
      g_variant_builder_add (&b, "b", !!s->health);
      add_value (&b, &s->vacancies);
      add_value (&b, &s->wage_month);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  return g_variant_ref_sink (g_variant_builder_end (&b));
}

MpReference *
_mp_document_reference_from_variant (GVariant  *v,
                                     GError   **error)
{
  g_autoptr(MpReference) ref = mp_reference_new ();
  g_autoptr(GVariantIter) partners = NULL;
  g_autoptr(GVariantIter) sectors = NULL;
  GVariant *child;

  if (!g_variant_is_of_type (v, G_VARIANT_TYPE (REFERENCE_T)))
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The undo history of the document is damaged."));
      return NULL;
    }

  g_clear_pointer (&ref->vintage, g_free);
  g_variant_get (v, "(msa" PARTNER_T "a" SECTOR_T ")", &ref->vintage, &partners, &sectors);

  while ((child = g_variant_iter_next_value (partners)) != NULL)
    {
      g_autoptr(GVariant) pv = child;
      g_autoptr(GVariantIter) indicators = NULL;
      g_autoptr(GVariantIter) interests = NULL;
      const char *iso3;
      g_autofree char *name = NULL;
      g_autofree char *risk = NULL;
      MpPartner *p;
      const char *key;
      double value, scale;
      int year;
      char *source;

      g_variant_get_child (pv, 0, "&s", &iso3);
      g_variant_get_child (pv, 1, "ms", &name);
      p = mp_partner_new (iso3, name);
      g_ptr_array_add (ref->partners, p);
      g_strfreev (p->memberships);
      g_strfreev (p->frameworks);
      g_variant_get (pv, PARTNER_GET, NULL, NULL, &p->region, &p->memberships, &p->frameworks,
                     &p->combiland, &p->excluded, &p->excluded_reason, &p->who_ssl,
                     &p->who_ssl_source, &risk, &p->risk_override_reason, &indicators,
                     &interests, &p->profile.rationale);
      if (risk != NULL)
        {
          p->has_risk_override = TRUE;
          if (!mp_risk_from_string (risk, &p->risk_override))
            {
              _mp_document_set_invalid_enum (error, _("risk class"), risk);
              return NULL;
            }
        }
      while (g_variant_iter_next (indicators, "(&sdims)", &key, &value, &year, &source))
        {
          MpIndicator ind;

          if (!mp_indicator_from_string (key, &ind))
            {
              g_free (source);
              _mp_document_set_invalid_enum (error, _("indicator"), key);
              return NULL;
            }
          p->ind[ind].value = value;
          p->ind[ind].year = year;
          g_free (p->ind[ind].source);
          p->ind[ind].source = source;
        }
      while (g_variant_iter_next (interests, "(&sdd)", &key, &value, &scale))
        {
          MpInterest interest;

          if (!mp_interest_from_string (key, &interest))
            {
              _mp_document_set_invalid_enum (error, _("interest"), key);
              return NULL;
            }
          p->profile.weights[interest] = value;
          p->profile.scales[interest] = scale;
        }
    }

  while ((child = g_variant_iter_next_value (sectors)) != NULL)
    {
      g_autoptr(GVariant) sv = child;
      const char *code;
      const char *demand;
      g_autofree char *name = NULL;
      MpSector *s;

      g_variant_get_child (sv, 0, "&s", &code);
      g_variant_get_child (sv, 1, "ms", &name);
      s = mp_sector_new (code, name);
      g_ptr_array_add (ref->sectors, s);
      g_variant_get (sv, SECTOR_GET, NULL, NULL, &s->sbi, &s->eqf, &demand,
                     &s->health, &s->vacancies.value, &s->vacancies.year, &s->vacancies.source,
                     &s->wage_month.value, &s->wage_month.year, &s->wage_month.source);
      if (!mp_demand_from_string (demand, &s->demand))
        {
          _mp_document_set_invalid_enum (error, _("demand type"), demand);
          return NULL;
        }
    }

  if (!_mp_document_validate_reference (ref, error))
    return NULL;
  return g_steal_pointer (&ref);
}

const GVariantType *
_mp_document_snapshot_type (const char *target)
{
  if (g_str_equal (target, "reference"))
    return G_VARIANT_TYPE (REFERENCE_T);
  if (g_str_equal (target, "package"))
    return G_VARIANT_TYPE (PACKAGE_T);
  return NULL;
}
