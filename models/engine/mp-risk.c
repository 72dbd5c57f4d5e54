/* mp-risk.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-evaluation-private.h"

/* The human-rights risk framework (models/README.md, “Human-rights risk
 * framework”): every measure of the package placed in the matrix of country
 * risk × measure risk, the monitoring it needs, and the block findings of
 * measures that are not allowed. */

#define SOURCE_AR_RISK "Advisory report, Migratie in Partnerschap (2026) §4.2, rec. 3 [AR]"

/* ---- Measures of the package -------------------------------------------- */

/* The country risk rule lives in mp-reference; the evaluation only supplies the
 * package's V-Dem thresholds. */
static MpRisk
country_risk (const MpPartner *p,
              const double    *A,
              gboolean        *missing)
{
  MpRiskThresholds thresholds = {
    .low = A[MP_ASSUMPTION_VDEM_LOW_RISK],
    .medium = A[MP_ASSUMPTION_VDEM_HIGH_RISK],
  };
  MpRiskBasis basis;
  MpRisk risk = mp_partner_risk (p, &thresholds, &basis);

  *missing = basis == MP_RISK_BASIS_NO_DATA;
  return risk;
}

static void
add_measure (MpEvaluation *eval,
             const MpPlan *plan,
             GPtrArray    *findings,
             int           partner,
             char         *label,
             MpRisk        measure_risk,
             gboolean      never_allowed,
             int           scheme,
             int           offer,
             int           ask)
{
  const MpPlanPartner *pp = &plan->partners[partner];
  MpMeasure m = { 0 };

  m.measure = label;
  m.partner = g_strdup (pp->ref->iso3);
  m.country_risk = eval->partner_risk[partner];
  m.measure_risk = measure_risk;
  m.never_allowed = never_allowed;
  m.scheme = scheme;
  m.offer = offer;
  m.ask = ask;

  if (pp->ref->excluded || never_allowed)
    m.monitoring = MP_MONITOR_NOT_ALLOWED;
  else
    m.monitoring = mp_monitoring_for_risk (m.country_risk, measure_risk);

  if (never_allowed)
    _mp_add_finding (findings, MP_SEVERITY_BLOCK, "never-allowed", scheme, pp->ref->iso3,
                     SOURCE_AR_RISK,
                     _("%s (%s) is never allowed, whatever the risk class: no transfers that "
                       "breach non-refoulement, no push- or pullbacks, no detention without "
                       "guaranteed rights."), label, _mp_partner_display_name (pp->ref));
  else if (!pp->ref->excluded && m.monitoring == MP_MONITOR_NOT_ALLOWED)
    _mp_add_finding (findings, MP_SEVERITY_BLOCK, "risk-not-allowed", scheme, pp->ref->iso3,
                     SOURCE_AR_RISK,
                     _("%s with %s: a high-risk measure in a high-risk country is not allowed."),
                     label, _mp_partner_display_name (pp->ref));

  g_array_append_val (eval->measures, m);
}

void
_mp_assess_risks (MpEvaluation    *eval,
                  const MpPlan    *plan,
                  const MpPackage *package,
                  const double    *A,
                  GPtrArray       *findings)
{
  g_autofree int *n_measures = g_new0 (int, MAX (plan->n_partners, 1));

  for (int i = 0; i < plan->n_partners; i++)
    {
      gboolean missing;

      eval->partner_risk[i] = country_risk (plan->partners[i].ref, A, &missing);
      if (missing && !plan->partners[i].ref->excluded)
        _mp_add_finding (findings, MP_SEVERITY_NOTE, "country-risk-missing", -1,
                         plan->partners[i].ref->iso3, SOURCE_AR_RISK,
                         _("No V-Dem index and no override for %s: its country risk is set to high "
                           "as a precaution."), _mp_partner_display_name (plan->partners[i].ref));
    }

  for (int j = 0; j < plan->n_schemes; j++)
    {
      const MpPlanScheme *ps = &plan->schemes[j];

      n_measures[ps->partner]++;
      add_measure (eval, plan, findings, ps->partner,
                   g_strdup_printf ("%s: %s", mp_scheme_kind_label (ps->scheme->kind),
                                    _mp_scheme_display_name (ps->scheme)),
                   MP_RISK_LOW, FALSE, j, -1, -1);
    }

  /* Investment, trade, scholarships, visa information and capacity building
   * are all low-risk measures. */
  for (guint i = 0; package->offers != NULL && i < package->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (package->offers, i);
      int p = plan->offer_partner[i];

      n_measures[p]++;
      add_measure (eval, plan, findings, p, g_strdup (mp_offer_kind_label (o->kind)),
                   MP_RISK_LOW, FALSE, -1, (int) i, -1);
    }

  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (package->asks, i);
      int p = plan->ask_partner[i];
      gboolean never;
      MpRisk risk = mp_ask_measure_risk (a->kind, &never);

      n_measures[p]++;
      add_measure (eval, plan, findings, p, g_strdup (mp_ask_kind_label (a->kind)),
                   risk, never, -1, -1, (int) i);
    }

  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPartner *ref = plan->partners[i].ref;

      if (!ref->excluded)
        continue;
      _mp_add_finding (findings, MP_SEVERITY_BLOCK, "excluded-partner", -1, ref->iso3,
                       SOURCE_AR_RISK,
                       mp_ngettext ("%s is excluded from partnerships (%s): humanitarian support "
                                    "only. Its %d measure in this package is not allowed.",
                                    "%s is excluded from partnerships (%s): humanitarian support "
                                    "only. None of its %d measures in this package is allowed.",
                                    n_measures[i]),
                       _mp_partner_display_name (ref),
                       ref->excluded_reason ? ref->excluded_reason : _("no functioning state"),
                       n_measures[i]);
    }
}

/* ---- The risk matrix ---------------------------------------------------- */

/**
 * mp_monitoring_for_risk:
 * @country: the country risk
 * @measure: the measure risk
 *
 * The table of models/README.md, “Human-rights risk framework” [AR §4.2.1].
 *
 * Returns: the monitoring a measure needs
 */
MpMonitoring
mp_monitoring_for_risk (MpRisk country,
                        MpRisk measure)
{
  static const MpMonitoring table[MP_N_RISK][MP_N_RISK] = {
    /* measure:  low                         medium                          high */
    [MP_RISK_LOW] = { MP_MONITOR_STANDARD, MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED },
    [MP_RISK_MEDIUM] = { MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED,
                         MP_MONITOR_ENHANCED_SUSPENSION },
    [MP_RISK_HIGH] = { MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION,
                       MP_MONITOR_NOT_ALLOWED },
  };

  g_return_val_if_fail ((int) country >= 0 && country < MP_N_RISK, MP_MONITOR_NOT_ALLOWED);
  g_return_val_if_fail ((int) measure >= 0 && measure < MP_N_RISK, MP_MONITOR_NOT_ALLOWED);

  return table[country][measure];
}

/**
 * mp_ask_measure_risk:
 * @kind: an ask kind
 * @never_allowed: (out) (optional): set to %TRUE for measures that are never
 *   allowed (non-refoulement breaches, push- or pullbacks, detention without
 *   rights)
 *
 * Returns: the measure risk class of @kind (models/README.md, “Human-rights
 *   risk framework”); never-allowed kinds are high
 */
MpRisk
mp_ask_measure_risk (MpAskKind  kind,
                     gboolean  *never_allowed)
{
  gboolean never = FALSE;
  MpRisk risk;

  switch (kind)
    {
    case MP_ASK_INFORMATION_CAMPAIGNS:
      risk = MP_RISK_LOW;
      break;
    case MP_ASK_VOLUNTARY_RETURN:
    case MP_ASK_PROTECTION_IN_REGION:
    case MP_ASK_ANTI_SMUGGLING:
      risk = MP_RISK_MEDIUM;
      break;
    case MP_ASK_RETURN_READMISSION:
    case MP_ASK_RETURN_HUBS:
    case MP_ASK_BORDER_MANAGEMENT:
    case MP_ASK_COAST_GUARD:
    case MP_ASK_EXTERNAL_ASYLUM:
      risk = MP_RISK_HIGH;
      break;
    case MP_ASK_REFOULEMENT_TRANSFERS:
    case MP_ASK_PUSHBACKS:
    case MP_ASK_DETENTION_WITHOUT_RIGHTS:
    case MP_N_ASK_KINDS:
    default:
      risk = MP_RISK_HIGH;
      never = TRUE;
      break;
    }

  if (never_allowed != NULL)
    *never_allowed = never;

  return risk;
}

/* ---- Monitoring levels -------------------------------------------------- */

static const char * const monitoring_ids[MP_N_MONITOR] = {
  "standard", "standard_review", "enhanced", "enhanced_suspension", "not_allowed",
};
static const char * const monitoring_labels[MP_N_MONITOR] = {
  N_("Standard reporting"),
  N_("Standard reporting and periodic review"),
  N_("Enhanced: independent monitoring with local access"),
  N_("Enhanced monitoring and a suspension clause"),
  N_("Not allowed"),
};

/**
 * mp_monitoring_to_string:
 * @m: a monitoring level
 *
 * Returns: (transfer none): the stable snake_case identifier
 */
const char *
mp_monitoring_to_string (MpMonitoring m)
{
  g_return_val_if_fail ((int) m >= 0 && m < MP_N_MONITOR, NULL);
  return monitoring_ids[m];
}

/**
 * mp_monitoring_label:
 * @m: a monitoring level
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_monitoring_label (MpMonitoring m)
{
  g_return_val_if_fail ((int) m >= 0 && m < MP_N_MONITOR, NULL);
  return _(monitoring_labels[m]);
}
