/* mp-evaluation.c
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

/* The evaluation of a package: mp_evaluate() runs the projection, the scores,
 * the risk framework and the safeguards on the plan of a package
 * (mp-evaluation-private.h says how the engine works); the results' lifecycle,
 * findings, and the identifiers and labels of severities and headlines. */

G_DEFINE_QUARK (mp-evaluation-error-quark, mp_evaluation_error)

/* ---- Findings and names ------------------------------------------------- */

void
_mp_finding_free (MpFinding *f)
{
  if (f == NULL)
    return;

  g_free (f->rule);
  g_free (f->message);
  g_free (f->partner);
  g_free (f->source);
  g_free (f);
}

/* Adds a finding with a printf-style message to @findings. */
void
_mp_add_finding (GPtrArray  *findings,
                 MpSeverity  severity,
                 const char *rule,
                 int         scheme,
                 const char *partner,
                 const char *source,
                 const char *format,
                 ...)
{
  MpFinding *f = g_new0 (MpFinding, 1);
  va_list args;

  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);

  f->severity = severity;
  f->rule = g_strdup (rule);
  f->scheme = scheme;
  f->partner = g_strdup (partner);
  f->source = g_strdup (source);
  g_ptr_array_add (findings, f);
}

const char *
_mp_scheme_display_name (const MpScheme *s)
{
  return (s->name != NULL && s->name[0] != '\0') ? s->name : _("Unnamed scheme");
}

const char *
_mp_partner_display_name (const MpPartner *p)
{
  return (p->name != NULL && p->name[0] != '\0') ? p->name : p->iso3;
}

/* ---- Result lifecycle --------------------------------------------------- */

static void
component_clear (gpointer data)
{
  MpComponent *c = data;

  g_free (c->key);
  g_free (c->label);
  g_free (c->unit);
  g_free (c->partner);
}

static void
measure_clear (gpointer data)
{
  MpMeasure *m = data;

  g_free (m->measure);
  g_free (m->partner);
}

void
_mp_swing_clear (gpointer data)
{
  MpSwing *s = data;

  g_free (s->assumption);
}

/* ---- The evaluation ----------------------------------------------------- */

static MpEvaluation *
evaluation_new (const MpPlan *plan)
{
  MpEvaluation *eval = g_new0 (MpEvaluation, 1);
  gsize H = plan->n_years;

  eval->start_year = plan->start;
  eval->n_years = plan->n_years;
  eval->total = g_new0 (MpYear, H);
  eval->n_schemes = plan->n_schemes;
  eval->by_scheme = g_new0 (MpYear, MAX (plan->n_schemes, 1) * H);
  eval->n_sectors = plan->n_sectors;
  eval->sector_codes = g_new0 (char *, plan->n_sectors + 1);
  eval->by_sector = g_new0 (MpYear, MAX (plan->n_sectors, 1) * H);
  eval->coverage = g_new0 (double, MAX (plan->n_sectors, 1) * H);
  eval->n_partners = plan->n_partners;
  eval->partner_codes = g_new0 (char *, plan->n_partners + 1);
  eval->by_partner = g_new0 (MpYear, MAX (plan->n_partners, 1) * H);
  eval->partner_fit = g_new0 (double, MAX (plan->n_partners, 1));
  eval->partner_risk = g_new0 (MpRisk, MAX (plan->n_partners, 1));

  for (int k = 0; k < plan->n_sectors; k++)
    eval->sector_codes[k] = g_strdup (plan->sectors[k].ref->code);
  for (int p = 0; p < plan->n_partners; p++)
    eval->partner_codes[p] = g_strdup (plan->partners[p].ref->iso3);

  eval->fit_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->fit_components, component_clear);
  eval->nl_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->nl_components, component_clear);
  eval->measures = g_array_new (FALSE, TRUE, sizeof (MpMeasure));
  g_array_set_clear_func (eval->measures, measure_clear);
  eval->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) _mp_finding_free);
  eval->swings = g_array_new (FALSE, TRUE, sizeof (MpSwing));
  g_array_set_clear_func (eval->swings, _mp_swing_clear);

  return eval;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MpFinding *fa = *(const MpFinding * const *) a;
  const MpFinding *fb = *(const MpFinding * const *) b;

  return (int) fb->severity - (int) fa->severity;
}

/**
 * mp_evaluate:
 * @package: the package to evaluate
 * @reference: the reference data its partners and sectors come from
 * @error: return location for a #GError
 *
 * Projects @package year by year over its horizon, scores it, places every
 * measure in the risk matrix and runs the brain-drain safeguards, all with the
 * package's assumption modes (models/README.md, “Projection” to “Brain-drain
 * safeguards”).
 * Uncertainty is computed separately by mp_evaluation_run_uncertainty().
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with @error set
 *   (%MP_EVALUATION_ERROR) when the package is invalid or names a partner or
 *   sector that the reference data lacks
 */
MpEvaluation *
mp_evaluate (const MpPackage    *package,
             const MpReference  *reference,
             GError            **error)
{
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  MpEvaluation *eval;
  double A[MP_N_ASSUMPTIONS];
  double returns;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = _mp_plan_build (package, reference, error);
  if (plan == NULL)
    return NULL;

  _mp_plan_modes (plan, A, &returns);
  eval = evaluation_new (plan);
  _mp_project (eval, plan, A);

  /* The findings raised while planning come first. */
  findings = g_steal_pointer (&plan->findings);

  _mp_score_fit (eval, plan, A, findings);
  _mp_score_nl (eval, plan, A, returns);
  eval->headline[MP_HEADLINE_BALANCE] = eval->headline[MP_HEADLINE_FIT]
                                        - eval->headline[MP_HEADLINE_NL_BENEFIT];

  _mp_assess_risks (eval, plan, package, A, findings);
  _mp_check_safeguards (eval, plan, package, A, findings);

  /* Blocks first, then warnings, then notes; stable within a severity. */
  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    {
      MpFinding *f = g_ptr_array_index (findings, i);

      eval->n_blocks += f->severity == MP_SEVERITY_BLOCK;
      eval->n_warnings += f->severity == MP_SEVERITY_WARNING;
      eval->n_notes += f->severity == MP_SEVERITY_NOTE;
    }
  g_ptr_array_extend_and_steal (eval->findings, g_steal_pointer (&findings));

  return eval;
}

/**
 * mp_evaluation_free:
 * @eval: (nullable): an evaluation
 *
 * Frees @eval and all its results.
 */
void
mp_evaluation_free (MpEvaluation *eval)
{
  if (eval == NULL)
    return;

  g_free (eval->total);
  g_free (eval->by_scheme);
  g_strfreev (eval->sector_codes);
  g_free (eval->by_sector);
  g_free (eval->coverage);
  g_strfreev (eval->partner_codes);
  g_free (eval->by_partner);
  g_clear_pointer (&eval->fit_components, g_array_unref);
  g_clear_pointer (&eval->nl_components, g_array_unref);
  g_clear_pointer (&eval->findings, g_ptr_array_unref);
  g_clear_pointer (&eval->measures, g_array_unref);
  g_free (eval->person_years_by_year);
  g_clear_pointer (&eval->swings, g_array_unref);
  g_free (eval->partner_fit);
  g_free (eval->partner_risk);
  g_free (eval);
}

/**
 * mp_evaluation_year:
 * @eval: an evaluation
 * @year: a calendar year
 *
 * Returns: (transfer none) (nullable): the package totals of @year, or %NULL
 *   outside the horizon
 */
const MpYear *
mp_evaluation_year (const MpEvaluation *eval,
                    int                 year)
{
  g_return_val_if_fail (eval != NULL, NULL);

  if (year < eval->start_year || year >= eval->start_year + eval->n_years)
    return NULL;

  return &eval->total[year - eval->start_year];
}

/* ---- Severities and headlines ------------------------------------------- */

static const char * const severity_ids[MP_N_SEVERITY] = { "note", "warning", "block" };
static const char * const severity_labels[MP_N_SEVERITY] = {
  N_("Note"), N_("Warning"), N_("Block"),
};

static const char * const headline_ids[MP_N_HEADLINES] = {
  "admissions", "person_years", "remittances", "net_migration",
  "fit", "nl_benefit", "balance", "cost_public",
};
static const char * const headline_labels[MP_N_HEADLINES] = {
  N_("Admissions a year"),
  N_("Person-years"),
  N_("Remittances a year (€)"),
  N_("Net migration (cumulative)"),
  N_("Partner fit"),
  N_("NL benefit"),
  N_("Balance"),
  N_("Public cost (€)"),
};

/**
 * mp_severity_to_string:
 * @s: a severity
 *
 * Returns: (transfer none): the stable identifier ("note", "warning", "block")
 */
const char *
mp_severity_to_string (MpSeverity s)
{
  g_return_val_if_fail ((int) s >= 0 && s < MP_N_SEVERITY, NULL);
  return severity_ids[s];
}

/**
 * mp_severity_label:
 * @s: a severity
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_severity_label (MpSeverity s)
{
  g_return_val_if_fail ((int) s >= 0 && s < MP_N_SEVERITY, NULL);
  return _(severity_labels[s]);
}

/**
 * mp_headline_to_string:
 * @h: a headline
 *
 * Returns: (transfer none): the stable snake_case identifier
 */
const char *
mp_headline_to_string (MpHeadline h)
{
  g_return_val_if_fail ((int) h >= 0 && h < MP_N_HEADLINES, NULL);
  return headline_ids[h];
}

/**
 * mp_headline_label:
 * @h: a headline
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_headline_label (MpHeadline h)
{
  g_return_val_if_fail ((int) h >= 0 && h < MP_N_HEADLINES, NULL);
  return _(headline_labels[h]);
}
