/* mp-projection.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include "mp-evaluation-private.h"

/* The year-by-year projection of the full evaluation (models/README.md,
 * “Projection”): every scheme cohort by cohort, then the sums by sector,
 * partner and in total, and the headlines that are not scores. */

static void
year_add (MpYear       *dst,
          const MpYear *src)
{
  dst->admissions += src->admissions;
  dst->headcount += src->headcount;
  dst->person_years += src->person_years;
  dst->settled += src->settled;
  dst->overstayed += src->overstayed;
  dst->returned += src->returned;
  dst->seasonal_returns += src->seasonal_returns;
  dst->remittances += src->remittances;
  dst->trainees_away += src->trainees_away;
  dst->trainees_home += src->trainees_home;
  dst->skilled_returnees += src->skilled_returnees;
  dst->cost_public += src->cost_public;
  dst->cost_employer += src->cost_employer;
}

static void
accumulate_net_migration (MpYear *rows,
                          int     n)
{
  double cum = 0.0;

  for (int t = 0; t < n; t++)
    {
      cum += rows[t].settled + rows[t].overstayed;
      rows[t].net_migration = cum;
    }
}

/* Fills the scheme rows, cohort by cohort. */
static void
project_scheme (const MpPlan       *plan,
                const MpPlanScheme *ps,
                const double       *A,
                MpYear             *rows)
{
  double f = ps->mobile ? A[MP_ASSUMPTION_FILL_RATE] : 1.0;
  double p = A[MP_ASSUMPTION_P_CONDITION_MET];
  double o = A[MP_ASSUMPTION_OVERSTAY];
  double settle = ps->scheme->mandatory_return ? A[MP_ASSUMPTION_SETTLEMENT_RETURN]
                                               : A[MP_ASSUMPTION_SETTLEMENT];
  double wage = ps->wage_source == MP_WAGE_SECTOR ? ps->wage_sector
                : ps->wage_source == MP_WAGE_FLOOR ? A[MP_ASSUMPTION_WAGE_FLOOR]
                : A[MP_ASSUMPTION_WAGE_SKILLED];
  double remit = ps->study ? 0.0
                 : wage * A[MP_ASSUMPTION_REMITTANCE_SHARE] * A[MP_ASSUMPTION_WAGE_FACTOR];
  double htc = A[MP_ASSUMPTION_HOME_TRACK_COST];

  for (int k = 0; k < ps->n_cohorts; k++)
    {
      int y = ps->first_cohort + k;
      double n = f * (ps->qa[k] + p * ps->qb[k]);
      int exit_year = y + ps->stays - 1;

      if (!ps->mobile)
        {
          if (y < plan->start || y > plan->end)
            continue;
          rows[y - plan->start].trainees_home += n;
          if (ps->cost > 0.0)
            {
              rows[y - plan->start].cost_public += n * ps->cost * (1.0 - ps->employer_share);
              rows[y - plan->start].cost_employer += n * ps->cost * ps->employer_share;
            }
          else
            {
              rows[y - plan->start].cost_public += n * htc;
            }
          continue;
        }

      if (y >= plan->start && y <= plan->end)
        {
          MpYear *r = &rows[y - plan->start];

          r->admissions += n;
          if (ps->away_training)
            r->trainees_away += n;
          r->trainees_home += ps->h * n;
          r->cost_public += n * ps->cost * (1.0 - ps->employer_share) + ps->h * n * htc;
          r->cost_employer += n * ps->cost * ps->employer_share;
        }

      for (int t = MAX (y, plan->start); t <= MIN (exit_year, plan->end); t++)
        {
          MpYear *r = &rows[t - plan->start];
          double py = ps->months_frac * n;

          r->headcount += n;
          r->person_years += py;
          if (ps->scheme->months < 12)
            r->seasonal_returns += n;
          r->remittances += py * 12.0 * remit;
        }

      if (exit_year >= plan->start && exit_year <= plan->end)
        {
          MpYear *r = &rows[exit_year - plan->start];
          double returned = n * (1.0 - settle - o);

          r->settled += n * settle;
          r->overstayed += n * o;
          r->returned += returned;
          if (ps->training_component)
            r->skilled_returnees += returned;
        }
    }

  accumulate_net_migration (rows, plan->n_years);
}


/* Fills the tables of @eval (by scheme, sector, partner, total and the sector
 * coverage) for the assumption values A, and the headlines admissions,
 * person-years, remittances, net migration and public cost. */
void
_mp_project (MpEvaluation *eval,
             const MpPlan *plan,
             const double *A)
{
  gsize H = plan->n_years;
  double adm = 0.0, py = 0.0, rem = 0.0, cost = 0.0;

  for (int j = 0; j < plan->n_schemes; j++)
    {
      const MpPlanScheme *ps = &plan->schemes[j];
      MpYear *rows = eval->by_scheme + (gsize) j * H;

      project_scheme (plan, ps, A, rows);
      for (gsize t = 0; t < H; t++)
        {
          year_add (&eval->total[t], &rows[t]);
          year_add (&eval->by_sector[ps->sector * H + t], &rows[t]);
          year_add (&eval->by_partner[ps->partner * H + t], &rows[t]);
        }
    }
  accumulate_net_migration (eval->total, (int) H);
  for (int k = 0; k < plan->n_sectors; k++)
    {
      accumulate_net_migration (eval->by_sector + k * H, (int) H);
      for (gsize t = 0; t < H; t++)
        eval->coverage[k * H + t] = eval->by_sector[k * H + t].person_years
                                    / plan->sectors[k].vacancies;
    }
  for (int p = 0; p < plan->n_partners; p++)
    accumulate_net_migration (eval->by_partner + p * H, (int) H);

  for (gsize t = 0; t < H; t++)
    {
      adm += eval->total[t].admissions;
      py += eval->total[t].person_years;
      rem += eval->total[t].remittances;
      cost += eval->total[t].cost_public;
    }
  eval->n_intake_years = plan->n_intake_years;
  eval->headline[MP_HEADLINE_ADMISSIONS] = plan->n_intake_years > 0
                                           ? adm / plan->n_intake_years : 0.0;
  eval->headline[MP_HEADLINE_PERSON_YEARS] = py;
  eval->headline[MP_HEADLINE_REMITTANCES] = rem / H;
  eval->headline[MP_HEADLINE_NET_MIGRATION] = eval->total[H - 1].net_migration;
  eval->headline[MP_HEADLINE_COST_PUBLIC] = cost;
}
