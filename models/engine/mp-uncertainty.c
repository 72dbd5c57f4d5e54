/* mp-uncertainty.c
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

/* The uncertainty analysis (models/README.md, “Uncertainty”): seeded Monte
 * Carlo draws of the uncertain assumptions through the fast path, their
 * quantiles, and the one-at-a-time tornado swings. */

/* ---- Quantiles ---------------------------------------------------------- */

/* Moves the k-th smallest of x[0..n) to x[k], smaller ones before it and
 * larger ones after (Hoare's selection, median-of-three pivot): O(n), where
 * sorting every column of 10,000 draws dominated the run time. */
static void
select_nth (double *x,
            gssize  n,
            gssize  k)
{
  gssize lo = 0;
  gssize hi = n - 1;

  while (hi > lo)
    {
      gssize mid = lo + (hi - lo) / 2;
      double a = x[lo], b = x[mid], c = x[hi];
      double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
      gssize i = lo;
      gssize j = hi;

      while (i <= j)
        {
          while (x[i] < pivot)
            i++;
          while (x[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = x[i];

              x[i] = x[j];
              x[j] = t;
              i++;
              j--;
            }
        }

      /* Now x[lo..j] ≤ pivot ≤ x[i..hi] and x(j..i) == pivot. */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return;
    }
}

/* The type-7 quantile (linear interpolation between order statistics). */
static double
quantile_select (double *x,
                 guint   n,
                 double  q)
{
  double h = (n - 1) * q;
  guint lo = (guint) floor (h);
  double next;

  select_nth (x, n, (gssize) lo);
  if (lo + 1 >= n)
    return x[lo];

  next = x[lo + 1];
  for (guint i = lo + 2; i < n; i++)
    if (x[i] < next)
      next = x[i];

  return x[lo] + (h - lo) * (next - x[lo]);
}

/**
 * _mp_quantiles_compute:
 * @x: (array length=n): values, reordered in place
 * @n: number of values, at least 1
 *
 * Returns: P10, P50, P90 (type 7, as R and NumPy by default) and the mean
 */
MpQuantiles
_mp_quantiles_compute (double *x,
                       guint   n)
{
  MpQuantiles q;
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    sum += x[i];

  q.p50 = quantile_select (x, n, 0.50);
  q.p10 = quantile_select (x, n, 0.10);
  q.p90 = quantile_select (x, n, 0.90);
  q.mean = sum / n;

  return q;
}

/* ---- Draws and swings --------------------------------------------------- */

static int
compare_swings (gconstpointer a,
                gconstpointer b)
{
  const MpSwing *sa = a;
  const MpSwing *sb = b;
  double da = fabs (sa->high_value - sa->low_value);
  double db = fabs (sb->high_value - sb->low_value);

  if (da != db)
    return da < db ? 1 : -1;
  da = fabs (sa->nl_high_value - sa->nl_low_value);
  db = fabs (sb->nl_high_value - sb->nl_low_value);
  if (da != db)
    return da < db ? 1 : -1;
  return 0;
}

static void
add_swing (GArray       *swings,
           const char   *key,
           const double *headline_low,
           const double *headline_high,
           const double *headline_base)
{
  MpSwing s = { 0 };

  s.assumption = g_strdup (key);
  s.low_value = headline_low[MP_HEADLINE_FIT];
  s.high_value = headline_high[MP_HEADLINE_FIT];
  s.base = headline_base[MP_HEADLINE_FIT];
  s.nl_low_value = headline_low[MP_HEADLINE_NL_BENEFIT];
  s.nl_high_value = headline_high[MP_HEADLINE_NL_BENEFIT];
  s.nl_base = headline_base[MP_HEADLINE_NL_BENEFIT];
  g_array_append_val (swings, s);
}

/**
 * mp_evaluation_run_uncertainty:
 * @eval: an evaluation of @package by mp_evaluate()
 * @package: the package
 * @reference: the reference data
 * @draws: number of Monte Carlo draws; 0 uses @package's draws
 * @seed: the seed to record and draw from
 * @cancellable: (nullable): checked about every 1 % of the draws
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Draws every assumption whose low and high differ, and the expected returns
 * of every ask with a range, from triangular distributions; draw i uses its
 * own random stream derived from (@seed, i), so results are bit-for-bit
 * reproducible.  Fills the P10/P50/P90 and mean of every headline, the
 * person-years fan by year, and the one-at-a-time tornado swings of fit and
 * NL benefit (key "expected-returns" swings the asks' returns together).
 *
 * Returns: %FALSE with @error set on cancellation (%G_IO_ERROR_CANCELLED) or
 *   an invalid package; @eval is then left as it was
 */
gboolean
mp_evaluation_run_uncertainty (MpEvaluation       *eval,
                               const MpPackage    *package,
                               const MpReference  *reference,
                               guint               draws,
                               guint64             seed,
                               GCancellable       *cancellable,
                               MpProgressFunc      progress,
                               gpointer            progress_data,
                               GError            **error)
{
  g_autoptr(MpPlan) plan = NULL;
  g_autofree double *out = NULL;
  g_autofree double *fits = NULL;
  g_autofree double *py_year = NULL;
  g_autoptr(GArray) swings = NULL;
  double modes[MP_N_ASSUMPTIONS];
  double A[MP_N_ASSUMPTIONS];
  double h[MP_N_HEADLINES];
  double base[MP_N_HEADLINES], lo[MP_N_HEADLINES], hi[MP_N_HEADLINES];
  double returns_mode, returns_low = 0.0, returns_high = 0.0;
  int uncertain[MP_N_ASSUMPTIONS];
  int n_uncertain = 0;
  gboolean returns_uncertain = FALSE;
  guint H, n_out, check;

  g_return_val_if_fail (eval != NULL, FALSE);
  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (draws == 0)
    draws = package->draws;
  if (draws == 0)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The uncertainty analysis needs at least one draw"));
      return FALSE;
    }

  plan = _mp_plan_build (package, reference, error);
  if (plan == NULL || !_mp_plan_fits_fast_path (plan, error))
    return FALSE;
  if (plan->n_years != eval->n_years || plan->start != eval->start_year)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The evaluation does not belong to this package"));
      return FALSE;
    }

  H = (guint) plan->n_years;
  n_out = MP_N_HEADLINES + H;
  out = g_new (double, (gsize) draws * n_out);
  fits = g_new (double, MAX (plan->n_partners, 1));
  py_year = g_new (double, H);

  _mp_plan_modes (plan, modes, &returns_mode);
  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    if (plan->a[i].low < plan->a[i].high)
      uncertain[n_uncertain++] = i;
  for (int r = 0; r < plan->n_returns; r++)
    {
      returns_low += plan->returns[r].low;
      returns_high += plan->returns[r].high;
      returns_uncertain |= plan->returns[r].low < plan->returns[r].high;
    }

  check = MAX (1, draws / 100);
  for (guint d = 0; d < draws; d++)
    {
      MpRng rng;
      double returns = 0.0;

      if (d % check == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) d / draws, progress_data);
        }

      _mp_rng_init (&rng, seed, d);
      memcpy (A, modes, sizeof A);
      for (int u = 0; u < n_uncertain; u++)
        {
          const MpTriangle *t = &plan->a[uncertain[u]];

          A[uncertain[u]] = _mp_triangular_inverse (_mp_rng_uniform (&rng), t->low, t->mode,
                                                    t->high);
        }
      for (int r = 0; r < plan->n_returns; r++)
        {
          const MpTriangle *t = &plan->returns[r];

          returns += t->low < t->high
                     ? _mp_triangular_inverse (_mp_rng_uniform (&rng), t->low, t->mode, t->high)
                     : t->mode;
        }

      _mp_fast_eval (plan, A, returns, h, py_year, fits);
      for (int k = 0; k < MP_N_HEADLINES; k++)
        out[(gsize) k * draws + d] = h[k];
      for (guint t = 0; t < H; t++)
        out[(gsize) (MP_N_HEADLINES + t) * draws + d] = py_year[t];
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Tornado: one assumption at a time at its low and high, others at mode. */
  swings = g_array_new (FALSE, TRUE, sizeof (MpSwing));
  g_array_set_clear_func (swings, _mp_swing_clear);
  _mp_fast_eval (plan, modes, returns_mode, base, NULL, fits);
  for (int u = 0; u < n_uncertain; u++)
    {
      int id = uncertain[u];

      memcpy (A, modes, sizeof A);
      A[id] = plan->a[id].low;
      _mp_fast_eval (plan, A, returns_mode, lo, NULL, fits);
      A[id] = plan->a[id].high;
      _mp_fast_eval (plan, A, returns_mode, hi, NULL, fits);
      add_swing (swings, mp_assumption_info ((MpAssumptionId) id)->key, lo, hi, base);
    }
  if (returns_uncertain)
    {
      _mp_fast_eval (plan, modes, returns_low, lo, NULL, fits);
      _mp_fast_eval (plan, modes, returns_high, hi, NULL, fits);
      add_swing (swings, "expected-returns", lo, hi, base);
    }
  g_array_sort (swings, compare_swings);

  for (int k = 0; k < MP_N_HEADLINES; k++)
    eval->quantiles[k] = _mp_quantiles_compute (out + (gsize) k * draws, draws);
  g_free (eval->person_years_by_year);
  eval->person_years_by_year = g_new (MpQuantiles, H);
  for (guint t = 0; t < H; t++)
    eval->person_years_by_year[t] =
      _mp_quantiles_compute (out + (gsize) (MP_N_HEADLINES + t) * draws, draws);

  g_clear_pointer (&eval->swings, g_array_unref);
  eval->swings = g_steal_pointer (&swings);
  eval->has_uncertainty = TRUE;
  eval->draws = draws;
  eval->seed = seed;

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}
