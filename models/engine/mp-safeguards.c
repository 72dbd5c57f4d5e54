/* mp-safeguards.c
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

/* The brain-drain safeguards and the evidence notes (models/README.md,
 * “Brain-drain safeguards”): rule checks on the package's schemes, partners,
 * sectors and asks, each raising findings with their source. */

#define SOURCE_WHO "WHO Global Code of Practice on the International Recruitment of Health " \
                   "Personnel (2010); WHO Health Workforce Support and Safeguards List 2023"
#define SOURCE_ILO "ILO General Principles and Operational Guidelines for Fair Recruitment " \
                   "(principle 7; definition of recruitment fees, 2019)"
#define SOURCE_AR_BRAIN "Advisory report, Migratie in Partnerschap (2026) §2.2, §3.2 [AR]"
#define SOURCE_WPP "UN World Population Prospects 2024 (working-age population 2025–2050)"
#define SOURCE_HEALTH_WORKFORCE "WHO National Health Workforce Accounts (densities per " \
                                "10,000); threshold: Mobility Planner default, WHO Global " \
                                "Code of Practice (2010)"
#define SOURCE_EV "IOB, Op zoek naar grip (2026), evaluation of bilateral partnerships [EV]"

static double
health_workforce (const MpPartner *p)
{
  const MpValue *doctors = &p->ind[MP_IND_DOCTORS_PER_10K];
  const MpValue *nurses = &p->ind[MP_IND_NURSES_PER_10K];
  const MpValue *pop = &p->ind[MP_IND_POPULATION];

  if (!mp_value_present (doctors) || !mp_value_present (nurses) || !mp_value_present (pop))
    return NAN;

  return (doctors->value + nurses->value) * pop->value / 10000.0;
}

static double
working_age_growth (const MpPartner *p)
{
  const MpValue *g = &p->ind[MP_IND_WORKING_AGE_GROWTH];
  const MpValue *w25 = &p->ind[MP_IND_WORKING_AGE_2025];
  const MpValue *w50 = &p->ind[MP_IND_WORKING_AGE_2050];

  if (mp_value_present (g))
    return g->value;
  if (mp_value_present (w25) && mp_value_present (w50) && w25->value > 0.0)
    return 100.0 * (w50->value - w25->value) / w25->value;
  return NAN;
}

/* Rules on each scheme: the WHO safeguards list, recruitment fees, training
 * of skilled mobility, return incentives, reintegration support. */
static void
check_schemes (const MpPlan *plan,
               GPtrArray    *findings)
{
  for (int j = 0; j < plan->n_schemes; j++)
    {
      const MpPlanScheme *ps = &plan->schemes[j];
      const MpScheme *s = ps->scheme;
      const MpPartner *partner = plan->partners[ps->partner].ref;
      const MpSector *sector = plan->sectors[ps->sector].ref;
      const char *name = _mp_scheme_display_name (s);
      const char *pname = _mp_partner_display_name (partner);

      if (ps->health && partner->who_ssl)
        {
          if (!ps->mobile || s->g2g_health_support)
            _mp_add_finding (findings, MP_SEVERITY_WARNING, "who-ssl-health", j, partner->iso3,
                             SOURCE_WHO,
                             _("%s: health-sector scheme with %s, which is on the WHO Health "
                               "Workforce Support and Safeguards List 2023. Allowed as %s; "
                               "monitor its effect on %s’s health workforce."),
                             name, pname,
                             !ps->mobile ? _("a home track")
                                         : _("a government-to-government scheme with "
                                             "health-system support"),
                             pname);
          else
            _mp_add_finding (findings, MP_SEVERITY_BLOCK, "who-ssl-health", j, partner->iso3,
                             SOURCE_WHO,
                             _("%s: recruits health workers from %s, which is on the WHO Health "
                               "Workforce Support and Safeguards List 2023. Active recruitment "
                               "is discouraged: make it a home track or a "
                               "government-to-government scheme with health-system support."),
                             name, pname);
        }

      if (s->recruitment_fees > 0.0)
        _mp_add_finding (findings, MP_SEVERITY_BLOCK, "recruitment-fees", j, partner->iso3,
                         SOURCE_ILO,
                         _("%s: workers are charged €%.0f in recruitment fees. No recruitment "
                           "fees or related costs may be charged to workers."),
                         name, s->recruitment_fees);

      if (ps->labour && sector->eqf >= 4 && !ps->training_component)
        _mp_add_finding (findings, MP_SEVERITY_WARNING, "skilled-no-training", j, partner->iso3,
                         SOURCE_AR_BRAIN,
                         _("%s: skilled mobility (EQF %d) from %s without a training or "
                           "home-track component. Add pre-departure training or home-track "
                           "trainees so that returnees bring skills home."),
                         name, sector->eqf, pname);

      if (ps->study && !s->return_incentives)
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "study-no-return-incentives", j,
                         partner->iso3, SOURCE_AR_BRAIN,
                         _("%s: study scheme without return incentives. Students who do not "
                           "return are a brain drain for %s."), name, pname);

      if (s->kind == MP_SCHEME_CIRCULAR && !s->reintegration_support)
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "circular-no-reintegration", j,
                         partner->iso3, SOURCE_AR_BRAIN,
                         _("%s: circular scheme without reintegration support for returnees "
                           "to %s."), name, pname);
    }
}

/* Rules on each partner: the share of its health workforce recruited in the
 * peak year, and a shrinking working-age population. */
static void
check_partners (const MpEvaluation *eval,
                const MpPlan       *plan,
                const double       *A,
                GPtrArray          *findings)
{
  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPartner *partner = plan->partners[i].ref;
      const char *pname = _mp_partner_display_name (partner);
      int n_health = 0, n_labour = 0, health_scheme = -1;
      double peak = 0.0;
      int peak_year = plan->start;
      double growth;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const MpPlanScheme *ps = &plan->schemes[j];

          if (ps->partner != i || !ps->mobile)
            continue;
          n_labour += ps->labour;
          if (ps->health)
            {
              n_health++;
              health_scheme = j;
            }
        }

      if (n_health > 0)
        {
          double workforce = health_workforce (partner);
          double threshold = A[MP_ASSUMPTION_HEALTH_THRESHOLD];

          for (int t = 0; t < plan->n_years; t++)
            {
              double adm = 0.0;

              for (int j = 0; j < plan->n_schemes; j++)
                {
                  const MpPlanScheme *ps = &plan->schemes[j];

                  if (ps->partner == i && ps->mobile && ps->health)
                    adm += eval->by_scheme[(gsize) j * plan->n_years + t].admissions;
                }
              if (adm > peak)
                {
                  peak = adm;
                  peak_year = plan->start + t;
                }
            }

          if (isnan (workforce))
            _mp_add_finding (findings, MP_SEVERITY_NOTE, "health-workforce-missing",
                             n_health == 1 ? health_scheme : -1, partner->iso3, NULL,
                             _("Health-workforce check not applied for %s: doctors, nurses or "
                               "population data are missing."), pname);
          else if (peak > threshold * workforce)
            _mp_add_finding (findings, MP_SEVERITY_WARNING, "health-workforce-share",
                             n_health == 1 ? health_scheme : -1, partner->iso3,
                             SOURCE_HEALTH_WORKFORCE,
                             _("Health-sector admissions from %s reach %.0f in %d: %.2f %% of "
                               "its health workforce of about %.0f (threshold %.2f %%)."),
                             pname, peak, peak_year, 100.0 * peak / workforce, workforce,
                             100.0 * threshold);
        }

      growth = working_age_growth (partner);
      if (n_labour > 0 && !isnan (growth) && growth < 0.0)
        _mp_add_finding (findings, MP_SEVERITY_WARNING, "demographic-window", -1, partner->iso3,
                         SOURCE_WPP,
                         _("%s: the working-age population is projected to shrink by %.1f %% "
                           "between 2025 and 2050; labour mobility competes with the "
                           "partner’s own needs."), pname, -growth);
    }
}

/* Notes on each sector: no vacancy figure, no sourced wage. */
static void
check_sectors (const MpPlan *plan,
               const double *A,
               GPtrArray    *findings)
{
  for (int k = 0; k < plan->n_sectors; k++)
    {
      const MpSector *sector = plan->sectors[k].ref;
      gboolean earns = FALSE;
      const MpPlanScheme *fallback = NULL;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const MpPlanScheme *ps = &plan->schemes[j];

          if (ps->sector != k || !ps->labour)
            continue;
          earns = TRUE;
          if (ps->wage_source != MP_WAGE_SECTOR)
            fallback = ps;
        }

      if (isnan (plan->sectors[k].vacancies))
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "vacancies-missing", -1, NULL, NULL,
                         _("Sector %s has no vacancy figure: its coverage and shortage relief "
                           "are not computed."), sector->name ? sector->name : sector->code);
      if (earns && fallback != NULL)
        {
          gboolean skilled = fallback->wage_source == MP_WAGE_SKILLED;
          const MpAssumptionInfo *info =
            mp_assumption_info (skilled ? MP_ASSUMPTION_WAGE_SKILLED : MP_ASSUMPTION_WAGE_FLOOR);

          _mp_add_finding (findings, MP_SEVERITY_NOTE, "wage-fallback", -1, NULL, info->source,
                           _("Sector %s has no sourced wage: remittances use €%.2f a month "
                             "(%s)."),
                           sector->name ? sector->name : sector->code,
                           A[skilled ? MP_ASSUMPTION_WAGE_SKILLED : MP_ASSUMPTION_WAGE_FLOOR],
                           mp_assumption_info_label (info));
        }
    }
}

/* The evaluation's evidence on each ask: information campaigns, and expected
 * returns above the only measured effect. */
static void
check_asks (const MpPlan    *plan,
            const MpPackage *package,
            const double    *A,
            GPtrArray       *findings)
{
  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (package->asks, i);
      const MpPartner *partner = plan->partners[plan->ask_partner[i]].ref;

      if (a->kind == MP_ASK_INFORMATION_CAMPAIGNS)
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "information-campaigns", -1, partner->iso3,
                         SOURCE_EV,
                         _("Information campaigns with %s: no measurable effect on migration "
                           "intentions (review of 112 studies); the evaluation recommends "
                           "stopping them. Their level is not counted in the NL benefit."),
                         _mp_partner_display_name (partner));

      if (a->returns_mode > A[MP_ASSUMPTION_EVIDENCE_RETURNS])
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "returns-above-evidence", -1,
                         partner->iso3, SOURCE_EV,
                         _("Expected extra returns from %s (%.0f a year) exceed the only "
                           "measured effect of a Dutch partnership: about %.0f extra forced "
                           "returns a year (Morocco)."),
                         _mp_partner_display_name (partner), a->returns_mode,
                         A[MP_ASSUMPTION_EVIDENCE_RETURNS]);
    }
}

/* Runs every safeguard on the projected @eval, in a fixed order (schemes,
 * partners, sectors, asks), adding the findings to @findings. */
void
_mp_check_safeguards (MpEvaluation    *eval,
                      const MpPlan    *plan,
                      const MpPackage *package,
                      const double    *A,
                      GPtrArray       *findings)
{
  check_schemes (plan, findings);
  check_partners (eval, plan, A, findings);
  check_sectors (plan, A, findings);
  check_asks (plan, package, A, findings);
}
