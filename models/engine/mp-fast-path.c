/* mp-fast-path.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-evaluation-private.h"

/* The Monte Carlo fast path: the headlines of a plan for given assumption
 * values, from the plan's coefficients, without walking the cohorts and
 * without allocating (mp-evaluation-private.h says how the engine works). */

/* Bounds of the stack arrays of one fast evaluation. */
#define MAX_FAST_SECTORS 64
#define MAX_FAST_PARTNERS 64

static inline double
pv (MpPlanPair x,
    double     p)
{
  return x.a + p * x.b;
}

/* Headlines for the assumption values A and the summed expected returns,
 * from the plan's coefficients; py_year [n_years] optional; partner_fits
 * [n_partners] optional unless the plan has more than MAX_FAST_PARTNERS. */
void
_mp_fast_eval (const MpPlan *plan,
               const double *A,
               double        returns,
               double       *headlines,
               double       *py_year,
               double       *partner_fits)
{
  double f = A[MP_ASSUMPTION_FILL_RATE];
  double p = A[MP_ASSUMPTION_P_CONDITION_MET];
  double o = A[MP_ASSUMPTION_OVERSTAY];
  double remit = A[MP_ASSUMPTION_REMITTANCE_SHARE] * A[MP_ASSUMPTION_WAGE_FACTOR];
  double htc = A[MP_ASSUMPTION_HOME_TRACK_COST];
  double H = plan->n_years;
  double fits_local[MAX_FAST_PARTNERS];
  double shortage_local[MAX_FAST_SECTORS];
  double *fits = partner_fits != NULL ? partner_fits : fits_local;
  double py, rem_total = 0.0, net, cost, nl, fit;

  g_assert (plan->n_sectors <= MAX_FAST_SECTORS);
  g_assert (partner_fits != NULL || plan->n_partners <= MAX_FAST_PARTNERS);

  py = f * pv (plan->py_total, p);
  net = f * ((A[MP_ASSUMPTION_SETTLEMENT_RETURN] + o) * pv (plan->exits_return, p)
             + (A[MP_ASSUMPTION_SETTLEMENT] + o) * pv (plan->exits_free, p));
  cost = f * pv (plan->cost_pp_public, p) + f * htc * pv (plan->cost_h, p)
         + pv (plan->cost_home_fixed, p) + htc * pv (plan->cost_home_var, p);

  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPlanPartner *pp = &plan->partners[i];
      double v[MP_N_INTERESTS];
      double k[MP_N_INTERESTS];
      double rem = f * remit * (pv (pp->rem_sector, p)
                                + A[MP_ASSUMPTION_WAGE_FLOOR] * pv (pp->rem_floor, p)
                                + A[MP_ASSUMPTION_WAGE_SKILLED] * pv (pp->rem_skilled, p));
      double all = f * pv (pp->adm_all, p);

      rem_total += rem;
      v[MP_INTEREST_LABOUR_MOBILITY] = pp->n_intake_years > 0
                                       ? f * pv (pp->adm_labour, p) / pp->n_intake_years : 0.0;
      v[MP_INTEREST_SKILLS] = pp->n_training_years > 0
                              ? (f * pv (pp->train_away, p) + f * pv (pp->train_h, p)
                                 + pv (pp->train_home, p)) / pp->n_training_years
                              : 0.0;
      v[MP_INTEREST_REMITTANCES] = rem / H;
      v[MP_INTEREST_INVESTMENT_TRADE] = pp->investment;
      v[MP_INTEREST_STUDY] = pp->scholarships
                             + (pp->n_study_years > 0
                                ? f * pv (pp->adm_study, p) / pp->n_study_years : 0.0);
      v[MP_INTEREST_VISA] = pp->visa;
      v[MP_INTEREST_PROTECTION] = all > 0.0 ? f * pv (pp->adm_protected, p) / all : 0.0;
      v[MP_INTEREST_DEVELOPMENT] = pp->development;

      _mp_partner_scales (pp, A, k);
      fits[i] = _mp_fit_partner (pp, v, k, NULL);
    }
  fit = _mp_mean_fit (fits, plan->n_partners);

  for (int k = 0; k < plan->n_sectors; k++)
    shortage_local[k] = isnan (plan->sectors[k].vacancies)
                        ? 0.0 : f * pv (plan->sectors[k].py, p) / plan->sectors[k].vacancies / H;

  nl = _mp_nl_benefit (plan, A, shortage_local, returns, py > 0.0 ? cost / py : NAN, net / H, NULL);

  headlines[MP_HEADLINE_ADMISSIONS] = plan->n_intake_years > 0
                                      ? f * pv (plan->adm_all, p) / plan->n_intake_years : 0.0;
  headlines[MP_HEADLINE_PERSON_YEARS] = py;
  headlines[MP_HEADLINE_REMITTANCES] = rem_total / H;
  headlines[MP_HEADLINE_NET_MIGRATION] = net;
  headlines[MP_HEADLINE_FIT] = fit;
  headlines[MP_HEADLINE_NL_BENEFIT] = nl;
  headlines[MP_HEADLINE_BALANCE] = fit - nl;
  headlines[MP_HEADLINE_COST_PUBLIC] = cost;

  if (py_year != NULL)
    for (int t = 0; t < plan->n_years; t++)
      py_year[t] = f * pv (plan->py_year[t], p);
}

gboolean
_mp_plan_fits_fast_path (const MpPlan  *plan,
                         GError       **error)
{
  if (plan->n_sectors > MAX_FAST_SECTORS || plan->n_partners > MAX_FAST_PARTNERS)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The uncertainty analysis supports at most %d sectors and %d partners "
                     "in one package"), MAX_FAST_SECTORS, MAX_FAST_PARTNERS);
      return FALSE;
    }
  return TRUE;
}

/**
 * _mp_evaluation_fast_headlines:
 * @package: a package
 * @reference: the reference data
 * @values: (nullable) (array fixed-size=MP_N_ASSUMPTIONS): assumption values, or
 *   %NULL for the package's modes
 * @headlines: (out caller-allocates) (array fixed-size=MP_N_HEADLINES): headlines
 * @py_by_year: (out caller-allocates) (nullable): person-years per year [horizon]
 * @error: return location for a #GError
 *
 * The Monte Carlo fast path on its own, for tests and benchmarks.  Expected
 * returns are at their modes.
 *
 * Returns: %FALSE with @error set when the package cannot be evaluated
 */
gboolean
_mp_evaluation_fast_headlines (const MpPackage    *package,
                               const MpReference  *reference,
                               const double       *values,
                               double             *headlines,
                               double             *py_by_year,
                               GError            **error)
{
  g_autoptr(MpPlan) plan = NULL;
  double A[MP_N_ASSUMPTIONS];
  double returns;

  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (headlines != NULL, FALSE);

  plan = _mp_plan_build (package, reference, error);
  if (plan == NULL || !_mp_plan_fits_fast_path (plan, error))
    return FALSE;

  _mp_plan_modes (plan, A, &returns);
  if (values != NULL)
    memcpy (A, values, sizeof A);

  _mp_fast_eval (plan, A, returns, headlines, py_by_year, NULL);

  return TRUE;
}
