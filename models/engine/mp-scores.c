/* mp-scores.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-evaluation-private.h"

/* The scores (models/README.md, “Partner-interest fit”, “Netherlands
 * benefit”, “Balance”): the formulas both the full evaluation and the fast
 * path use, then the full evaluation's scoring with its components and
 * notes. */

/* ---- The formulas ------------------------------------------------------- */

static inline double
sat_exp (double v,
         double k)
{
  if (!(k > 0.0))
    return v > 0.0 ? 1.0 : 0.0;
  return 1.0 - exp (-v / k);
}

/* The reference scale k_i of every interest of @pp: its fixed scale, or the
 * one derived from the assumptions A. */
void
_mp_partner_scales (const MpPlanPartner *pp,
                    const double        *A,
                    double              *k)
{
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      if (!isnan (pp->scales[i]))
        {
          k[i] = pp->scales[i];
          continue;
        }

      switch ((MpInterest) i)
        {
        case MP_INTEREST_LABOUR_MOBILITY:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_LABOUR] * pp->wap;
          break;
        case MP_INTEREST_SKILLS:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_SKILLS];
          break;
        case MP_INTEREST_REMITTANCES:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_REMITTANCES] * pp->inflow_usd
                 * A[MP_ASSUMPTION_EUR_PER_USD];
          break;
        case MP_INTEREST_INVESTMENT_TRADE:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_INVESTMENT];
          break;
        case MP_INTEREST_STUDY:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_STUDY];
          break;
        case MP_INTEREST_VISA:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_VISA];
          break;
        case MP_INTEREST_PROTECTION:
          k[i] = NAN;
          break;
        case MP_INTEREST_DEVELOPMENT:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_DEVELOPMENT];
          break;
        case MP_N_INTERESTS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* 100 · Σ w s / Σ w over the interests with a usable scale; NaN when no
 * interest carries weight. */
double
_mp_fit_partner (const MpPlanPartner *pp,
                 const double        *v,
                 const double        *k,
                 double              *s_out)
{
  double num = 0.0;
  double den = 0.0;

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      double s;

      if (i == MP_INTEREST_PROTECTION)
        s = CLAMP (v[i], 0.0, 1.0);
      else if (isfinite (k[i]) && k[i] > 0.0)
        s = 1.0 - exp (-v[i] / k[i]);
      else
        s = NAN;

      if (s_out != NULL)
        s_out[i] = s;
      if (!isnan (s))
        {
          num += pp->weights[i] * s;
          den += pp->weights[i];
        }
    }

  return den > 0.0 ? 100.0 * num / den : NAN;
}

/* The NL benefit.  shortage[k] is the mean coverage of plan sector k;
 * s_out, when given, receives the satisfactions in component order: one per
 * shortage sector with vacancies (or one if there is none), then return,
 * irregular, cost, net migration. */
double
_mp_nl_benefit (const MpPlan *plan,
                const double *A,
                const double *shortage,
                double        returns,
                double        cost_per_py,
                double        net_per_year,
                double       *s_out)
{
  double num = 0.0;
  double den = 0.0;
  int n = 0;
  double s;

  if (plan->n_shortage_sectors == 0)
    {
      if (s_out != NULL)
        s_out[n++] = 0.0;
      den += plan->nl_weights[MP_NL_SHORTAGE];
    }
  else
    {
      for (int k = 0; k < plan->n_sectors; k++)
        {
          if (isnan (plan->sectors[k].vacancies))
            continue;
          s = sat_exp (shortage[k], A[MP_ASSUMPTION_NL_SCALE_SHORTAGE]);
          if (s_out != NULL)
            s_out[n++] = s;
          num += plan->sectors[k].nl_weight * s;
          den += plan->sectors[k].nl_weight;
        }
    }

  s = sat_exp (returns, A[MP_ASSUMPTION_NL_SCALE_RETURN]);
  num += plan->nl_weights[MP_NL_RETURN] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  s = A[MP_ASSUMPTION_NL_SCALE_IRREGULAR] > 0.0
      ? MIN (1.0, plan->irregular_level / A[MP_ASSUMPTION_NL_SCALE_IRREGULAR]) : 0.0;
  num += plan->nl_weights[MP_NL_IRREGULAR] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  /* Without person-years there is nothing to be efficient about. */
  s = isnan (cost_per_py) ? 0.0
      : A[MP_ASSUMPTION_NL_SCALE_COST] > 0.0 ? exp (-cost_per_py / A[MP_ASSUMPTION_NL_SCALE_COST])
      : 0.0;
  num += plan->nl_weights[MP_NL_COST] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  s = A[MP_ASSUMPTION_NL_SCALE_NET_MIGRATION] > 0.0
      ? 1.0 - MIN (1.0, net_per_year / A[MP_ASSUMPTION_NL_SCALE_NET_MIGRATION])
      : (net_per_year > 0.0 ? 0.0 : 1.0);
  num += plan->nl_weights[MP_NL_NET_MIGRATION] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  den += plan->nl_weights[MP_NL_RETURN] + plan->nl_weights[MP_NL_IRREGULAR]
         + plan->nl_weights[MP_NL_COST] + plan->nl_weights[MP_NL_NET_MIGRATION];

  return den > 0.0 ? 100.0 * num / den : 0.0;
}

/* The mean of the fits that are not NaN; 0 when there is none. */
double
_mp_mean_fit (const double *fits,
              int           n)
{
  double sum = 0.0;
  int used = 0;

  for (int p = 0; p < n; p++)
    if (!isnan (fits[p]))
      {
        sum += fits[p];
        used++;
      }

  return used > 0 ? sum / used : 0.0;
}

/* ---- The full evaluation's scores and components ------------------------ */

static void
add_component (GArray     *components,
               const char *key,
               const char *label,
               const char *unit,
               const char *partner,
               double      weight,
               double      delivered,
               double      scale,
               double      satisfaction)
{
  MpComponent c = { 0 };

  c.key = g_strdup (key);
  c.label = g_strdup (label);
  c.unit = g_strdup (unit);
  c.partner = g_strdup (partner);
  c.weight = weight;
  c.delivered = delivered;
  c.scale = scale;
  c.satisfaction = satisfaction;
  g_array_append_val (components, c);
}

static const char *
interest_unit (MpInterest i)
{
  switch (i)
    {
    case MP_INTEREST_LABOUR_MOBILITY:
      return _("admissions a year");
    case MP_INTEREST_SKILLS:
      return _("trainees a year");
    case MP_INTEREST_REMITTANCES:
    case MP_INTEREST_INVESTMENT_TRADE:
    case MP_INTEREST_DEVELOPMENT:
      return _("€ a year");
    case MP_INTEREST_STUDY:
      return _("scholarships a year");
    case MP_INTEREST_VISA:
      return _("level 0–3");
    case MP_INTEREST_PROTECTION:
      return _("share of participants");
    case MP_N_INTERESTS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
interest_missing_input (MpInterest i)
{
  switch (i)
    {
    case MP_INTEREST_LABOUR_MOBILITY:
      return _("working-age population");
    case MP_INTEREST_REMITTANCES:
      return _("remittance inflow");
    case MP_INTEREST_SKILLS:
    case MP_INTEREST_INVESTMENT_TRADE:
    case MP_INTEREST_STUDY:
    case MP_INTEREST_VISA:
    case MP_INTEREST_PROTECTION:
    case MP_INTEREST_DEVELOPMENT:
    case MP_N_INTERESTS:
    default:
      return _("a positive reference scale");
    }
}

/* The partner fit of every partner from the projected tables of @eval, its
 * components, the package's fit (their mean) and the notes on interests left
 * out. */
void
_mp_score_fit (MpEvaluation *eval,
               const MpPlan *plan,
               const double *A,
               GPtrArray    *findings)
{
  gboolean regional = plan->n_partners > 1;

  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPlanPartner *pp = &plan->partners[i];
      double adm_labour = 0, adm_all = 0, adm_prot = 0, adm_study = 0, trainees = 0, rem = 0;
      double v[MP_N_INTERESTS];
      double k[MP_N_INTERESTS];
      double s[MP_N_INTERESTS];
      double wsum = 0.0;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const MpPlanScheme *ps = &plan->schemes[j];
          const MpYear *rows = eval->by_scheme + (gsize) j * plan->n_years;

          if (ps->partner != i)
            continue;
          for (int t = 0; t < plan->n_years; t++)
            {
              adm_all += rows[t].admissions;
              if (ps->labour)
                adm_labour += rows[t].admissions;
              if (ps->study)
                adm_study += rows[t].admissions;
              if (ps->protected_workers)
                adm_prot += rows[t].admissions;
              trainees += rows[t].trainees_away + rows[t].trainees_home;
            }
        }
      for (int t = 0; t < plan->n_years; t++)
        rem += eval->by_partner[(gsize) i * plan->n_years + t].remittances;

      v[MP_INTEREST_LABOUR_MOBILITY] = pp->n_intake_years > 0 ? adm_labour / pp->n_intake_years
                                                              : 0.0;
      v[MP_INTEREST_SKILLS] = pp->n_training_years > 0 ? trainees / pp->n_training_years : 0.0;
      v[MP_INTEREST_REMITTANCES] = rem / plan->n_years;
      v[MP_INTEREST_INVESTMENT_TRADE] = pp->investment;
      v[MP_INTEREST_STUDY] = pp->scholarships
                             + (pp->n_study_years > 0 ? adm_study / pp->n_study_years : 0.0);
      v[MP_INTEREST_VISA] = pp->visa;
      v[MP_INTEREST_PROTECTION] = adm_all > 0.0 ? adm_prot / adm_all : 0.0;
      v[MP_INTEREST_DEVELOPMENT] = pp->development;

      _mp_partner_scales (pp, A, k);
      eval->partner_fit[i] = _mp_fit_partner (pp, v, k, s);

      for (int j = 0; j < MP_N_INTERESTS; j++)
        {
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          wsum += pp->weights[j];
          if (regional)
            {
              key = g_strdup_printf ("%s:%s", mp_interest_to_string (j), pp->ref->iso3);
              label = g_strdup_printf (_("%s (%s)"), mp_interest_label (j),
                                       _mp_partner_display_name (pp->ref));
            }
          else
            {
              key = g_strdup (mp_interest_to_string (j));
              label = g_strdup (mp_interest_label (j));
            }
          add_component (eval->fit_components, key, label, interest_unit (j), pp->ref->iso3,
                         pp->weights[j], v[j], k[j], s[j]);

          if (isnan (s[j]) && pp->weights[j] > 0.0)
            _mp_add_finding (findings, MP_SEVERITY_NOTE, "fit-scale-missing", -1, pp->ref->iso3,
                             NULL,
                             _("%s: no reference scale for “%s” (needs %s); the interest is left "
                               "out of the fit."), _mp_partner_display_name (pp->ref),
                             mp_interest_label (j), interest_missing_input (j));
        }

      if (!(wsum > 0.0))
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "fit-weights-zero", -1, pp->ref->iso3, NULL,
                         _("%s: every interest weight is zero, so the partner is left out of the "
                           "fit."), _mp_partner_display_name (pp->ref));
    }

  eval->headline[MP_HEADLINE_FIT] = _mp_mean_fit (eval->partner_fit, plan->n_partners);
}

/* The NL benefit from the projected tables of @eval and its components. */
void
_mp_score_nl (MpEvaluation *eval,
              const MpPlan *plan,
              const double *A,
              double        returns)
{
  g_autofree double *shortage = g_new0 (double, MAX (plan->n_sectors, 1));
  g_autofree double *s = g_new0 (double, plan->n_sectors + MP_N_NL_COMPONENTS);
  double py = 0.0, cost = 0.0, net, cost_per_py;
  int n = 0;

  for (int k = 0; k < plan->n_sectors; k++)
    {
      double sum = 0.0;

      for (int t = 0; t < plan->n_years; t++)
        sum += eval->by_sector[(gsize) k * plan->n_years + t].person_years;
      shortage[k] = isnan (plan->sectors[k].vacancies)
                    ? 0.0 : sum / plan->sectors[k].vacancies / plan->n_years;
    }
  for (int t = 0; t < plan->n_years; t++)
    {
      py += eval->total[t].person_years;
      cost += eval->total[t].cost_public;
    }
  net = eval->total[plan->n_years - 1].net_migration;
  cost_per_py = py > 0.0 ? cost / py : NAN;

  eval->headline[MP_HEADLINE_NL_BENEFIT] = _mp_nl_benefit (plan, A, shortage, returns, cost_per_py,
                                                           net / plan->n_years, s);

  if (plan->n_shortage_sectors == 0)
    {
      add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_SHORTAGE),
                     mp_nl_component_label (MP_NL_SHORTAGE), _("person-years per vacancy"), NULL,
                     plan->nl_weights[MP_NL_SHORTAGE], 0.0,
                     A[MP_ASSUMPTION_NL_SCALE_SHORTAGE], s[n++]);
    }
  else
    {
      for (int k = 0; k < plan->n_sectors; k++)
        {
          const MpSector *sec = plan->sectors[k].ref;
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          if (isnan (plan->sectors[k].vacancies))
            continue;
          key = g_strdup_printf ("shortage:%s", sec->code);
          label = g_strdup_printf (_("Shortage relief: %s"), sec->name ? sec->name : sec->code);
          add_component (eval->nl_components, key, label, _("person-years per vacancy"), NULL,
                         plan->sectors[k].nl_weight, shortage[k],
                         A[MP_ASSUMPTION_NL_SCALE_SHORTAGE], s[n++]);
        }
    }

  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_RETURN),
                 mp_nl_component_label (MP_NL_RETURN), _("returns a year"), NULL,
                 plan->nl_weights[MP_NL_RETURN], returns, A[MP_ASSUMPTION_NL_SCALE_RETURN],
                 s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_IRREGULAR),
                 mp_nl_component_label (MP_NL_IRREGULAR), _("level 0–3"), NULL,
                 plan->nl_weights[MP_NL_IRREGULAR], plan->irregular_level, NAN, s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_COST),
                 mp_nl_component_label (MP_NL_COST), _("€ per person-year"), NULL,
                 plan->nl_weights[MP_NL_COST], cost_per_py, A[MP_ASSUMPTION_NL_SCALE_COST],
                 s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_NET_MIGRATION),
                 mp_nl_component_label (MP_NL_NET_MIGRATION), _("persons a year"), NULL,
                 plan->nl_weights[MP_NL_NET_MIGRATION], net / plan->n_years, NAN, s[n++]);
}
