/* mp-json-write-evaluation.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <math.h>

#include "mp-json-private.h"

/* The evaluation output of data/JSON-FORMAT.md ("The evaluation"), written by
 * "mobility-planner-cli evaluate --json". */

static void
write_year (MpJsonWriter *w,
            int           year,
            const MpYear *y,
            double        coverage,
            gboolean      with_coverage)
{
  _mp_jw_begin (w, NULL, FALSE, TRUE);
  _mp_jw_int (w, "year", year);
  _mp_jw_number (w, "admissions", y->admissions);
  _mp_jw_number (w, "headcount", y->headcount);
  _mp_jw_number (w, "person_years", y->person_years);
  _mp_jw_number (w, "settled", y->settled);
  _mp_jw_number (w, "overstayed", y->overstayed);
  _mp_jw_number (w, "returned", y->returned);
  _mp_jw_number (w, "seasonal_returns", y->seasonal_returns);
  _mp_jw_number (w, "net_migration", y->net_migration);
  _mp_jw_number (w, "remittances", y->remittances);
  _mp_jw_number (w, "trainees_away", y->trainees_away);
  _mp_jw_number (w, "trainees_home", y->trainees_home);
  _mp_jw_number (w, "skilled_returnees", y->skilled_returnees);
  _mp_jw_number (w, "cost_public", y->cost_public);
  _mp_jw_number (w, "cost_employer", y->cost_employer);
  if (with_coverage)
    _mp_jw_number_or_null (w, "coverage", coverage);
  _mp_jw_end (w);
}

static void
write_years (MpJsonWriter *w,
             const char   *key,
             int           start,
             int           n,
             const MpYear *rows,
             const double *coverage)
{
  _mp_jw_begin (w, key, TRUE, FALSE);
  for (int t = 0; t < n; t++)
    write_year (w, start + t, &rows[t], coverage != NULL ? coverage[t] : NAN, coverage != NULL);
  _mp_jw_end (w);
}

static void
write_components (MpJsonWriter *w,
                  const char   *key,
                  const GArray *components)
{
  _mp_jw_begin (w, key, TRUE, FALSE);
  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);

      _mp_jw_begin (w, NULL, FALSE, TRUE);
      _mp_jw_string (w, "key", c->key);
      _mp_jw_string (w, "label", c->label);
      _mp_jw_number_or_null (w, "weight", c->weight);
      _mp_jw_number_or_null (w, "delivered", c->delivered);
      _mp_jw_number_or_null (w, "scale", c->scale);
      _mp_jw_number_or_null (w, "satisfaction", c->satisfaction);
      _mp_jw_string (w, "unit", c->unit);
      _mp_jw_string (w, "partner", c->partner);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);
}

static void
write_quantiles (MpJsonWriter      *w,
                 const char        *key,
                 const MpQuantiles *q)
{
  _mp_jw_begin (w, key, FALSE, TRUE);
  _mp_jw_number_or_null (w, "p10", q->p10);
  _mp_jw_number_or_null (w, "p50", q->p50);
  _mp_jw_number_or_null (w, "p90", q->p90);
  _mp_jw_number_or_null (w, "mean", q->mean);
  _mp_jw_end (w);
}

static void
write_evaluation (MpJsonWriter       *w,
                  const MpPackage    *p,
                  const MpEvaluation *e)
{
  _mp_jw_begin (w, NULL, FALSE, FALSE);
  _mp_jw_string (w, "format", MP_JSON_FORMAT_EVALUATION);
  _mp_jw_int (w, "version", MP_JSON_VERSION);

  _mp_jw_begin (w, "package", FALSE, FALSE);
  _mp_jw_string (w, "name", p->name);
  _mp_jw_strv (w, "partners", (const char * const *) p->partners);
  _mp_jw_int (w, "start_year", p->start_year);
  _mp_jw_int (w, "horizon", p->horizon);
  _mp_jw_end (w);

  _mp_jw_begin (w, "headlines", FALSE, FALSE);
  for (int h = 0; h < MP_N_HEADLINES; h++)
    _mp_jw_number_or_null (w, mp_headline_to_string (h), e->headline[h]);
  _mp_jw_end (w);

  _mp_jw_begin (w, "projection", FALSE, FALSE);
  _mp_jw_int (w, "start_year", e->start_year);
  _mp_jw_int (w, "years", e->n_years);
  _mp_jw_int (w, "intake_years", e->n_intake_years);
  write_years (w, "total", e->start_year, e->n_years, e->total, NULL);

  _mp_jw_begin (w, "schemes", TRUE, FALSE);
  for (int s = 0; s < e->n_schemes; s++)
    {
      const MpScheme *scheme = (guint) s < p->schemes->len ? g_ptr_array_index (p->schemes, s) : NULL;

      _mp_jw_begin (w, NULL, FALSE, FALSE);
      _mp_jw_int (w, "index", s);
      _mp_jw_string (w, "name", scheme != NULL ? scheme->name : NULL);
      _mp_jw_string (w, "kind", scheme != NULL ? mp_scheme_kind_to_string (scheme->kind) : NULL);
      _mp_jw_string (w, "partner", scheme != NULL ? scheme->partner : NULL);
      _mp_jw_string (w, "sector", scheme != NULL ? scheme->sector : NULL);
      write_years (w, "years", e->start_year, e->n_years, &e->by_scheme[(gsize) s * e->n_years], NULL);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);

  _mp_jw_begin (w, "sectors", TRUE, FALSE);
  for (int k = 0; k < e->n_sectors; k++)
    {
      _mp_jw_begin (w, NULL, FALSE, FALSE);
      _mp_jw_string (w, "code", e->sector_codes[k]);
      write_years (w, "years", e->start_year, e->n_years, &e->by_sector[(gsize) k * e->n_years],
                   e->coverage != NULL ? &e->coverage[(gsize) k * e->n_years] : NULL);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);

  _mp_jw_begin (w, "partners", TRUE, FALSE);
  for (int k = 0; k < e->n_partners; k++)
    {
      _mp_jw_begin (w, NULL, FALSE, FALSE);
      _mp_jw_string (w, "iso3", e->partner_codes[k]);
      _mp_jw_number_or_null (w, "fit", e->partner_fit != NULL ? e->partner_fit[k] : NAN);
      if (e->partner_risk != NULL)
        _mp_jw_string (w, "country_risk", mp_risk_to_string (e->partner_risk[k]));
      else
        _mp_jw_null (w, "country_risk");
      write_years (w, "years", e->start_year, e->n_years, &e->by_partner[(gsize) k * e->n_years], NULL);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);
  _mp_jw_end (w);   /* projection */

  _mp_jw_begin (w, "scores", FALSE, FALSE);
  _mp_jw_begin (w, "fit", FALSE, FALSE);
  _mp_jw_number_or_null (w, "value", e->headline[MP_HEADLINE_FIT]);
  write_components (w, "components", e->fit_components);
  _mp_jw_end (w);
  _mp_jw_begin (w, "nl_benefit", FALSE, FALSE);
  _mp_jw_number_or_null (w, "value", e->headline[MP_HEADLINE_NL_BENEFIT]);
  write_components (w, "components", e->nl_components);
  _mp_jw_end (w);
  _mp_jw_number_or_null (w, "balance", e->headline[MP_HEADLINE_BALANCE]);
  _mp_jw_end (w);

  _mp_jw_begin (w, "findings", FALSE, FALSE);
  _mp_jw_int (w, "blocks", e->n_blocks);
  _mp_jw_int (w, "warnings", e->n_warnings);
  _mp_jw_int (w, "notes", e->n_notes);
  _mp_jw_begin (w, "items", TRUE, FALSE);
  for (guint i = 0; e->findings != NULL && i < e->findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (e->findings, i);
      const MpScheme *scheme = (f->scheme >= 0 && (guint) f->scheme < p->schemes->len)
                               ? g_ptr_array_index (p->schemes, f->scheme) : NULL;

      _mp_jw_begin (w, NULL, FALSE, FALSE);
      _mp_jw_string (w, "severity", mp_severity_to_string (f->severity));
      _mp_jw_string (w, "rule", f->rule);
      _mp_jw_string (w, "message", f->message);
      if (f->scheme >= 0)
        _mp_jw_int (w, "scheme", f->scheme);
      else
        _mp_jw_null (w, "scheme");
      _mp_jw_string (w, "scheme_name", scheme != NULL ? scheme->name : NULL);
      _mp_jw_string (w, "partner", f->partner);
      _mp_jw_string (w, "source", f->source);
      _mp_jw_end (w);
    }
  _mp_jw_end (w);
  _mp_jw_end (w);

  _mp_jw_begin (w, "measures", TRUE, FALSE);
  for (guint i = 0; e->measures != NULL && i < e->measures->len; i++)
    {
      const MpMeasure *m = &g_array_index (e->measures, MpMeasure, i);

      _mp_jw_begin (w, NULL, FALSE, FALSE);
      _mp_jw_string (w, "measure", m->measure);
      _mp_jw_string (w, "partner", m->partner);
      _mp_jw_string (w, "country_risk", mp_risk_to_string (m->country_risk));
      _mp_jw_string (w, "measure_risk", mp_risk_to_string (m->measure_risk));
      _mp_jw_bool (w, "never_allowed", m->never_allowed);
      _mp_jw_string (w, "monitoring", mp_monitoring_to_string (m->monitoring));
      _mp_jw_string (w, "monitoring_label", mp_monitoring_label (m->monitoring));
      if (m->scheme >= 0)
        _mp_jw_int (w, "scheme", m->scheme);
      else
        _mp_jw_null (w, "scheme");
      if (m->offer >= 0)
        _mp_jw_int (w, "offer", m->offer);
      else
        _mp_jw_null (w, "offer");
      if (m->ask >= 0)
        _mp_jw_int (w, "ask", m->ask);
      else
        _mp_jw_null (w, "ask");
      _mp_jw_end (w);
    }
  _mp_jw_end (w);

  if (!e->has_uncertainty)
    _mp_jw_null (w, "uncertainty");
  else
    {
      _mp_jw_begin (w, "uncertainty", FALSE, FALSE);
      _mp_jw_int (w, "draws", e->draws);
      _mp_jw_uint64 (w, "seed", e->seed);
      _mp_jw_begin (w, "headlines", FALSE, FALSE);
      for (int h = 0; h < MP_N_HEADLINES; h++)
        write_quantiles (w, mp_headline_to_string (h), &e->quantiles[h]);
      _mp_jw_end (w);
      _mp_jw_begin (w, "person_years_fan", TRUE, FALSE);
      for (int t = 0; e->person_years_by_year != NULL && t < e->n_years; t++)
        {
          const MpQuantiles *q = &e->person_years_by_year[t];

          _mp_jw_begin (w, NULL, FALSE, TRUE);
          _mp_jw_int (w, "year", e->start_year + t);
          _mp_jw_number_or_null (w, "p10", q->p10);
          _mp_jw_number_or_null (w, "p50", q->p50);
          _mp_jw_number_or_null (w, "p90", q->p90);
          _mp_jw_number_or_null (w, "mean", q->mean);
          _mp_jw_end (w);
        }
      _mp_jw_end (w);
      _mp_jw_begin (w, "swings", TRUE, FALSE);
      for (guint i = 0; e->swings != NULL && i < e->swings->len; i++)
        {
          const MpSwing *s = &g_array_index (e->swings, MpSwing, i);

          _mp_jw_begin (w, NULL, FALSE, TRUE);
          _mp_jw_string (w, "assumption", s->assumption);
          _mp_jw_number_or_null (w, "low_value", s->low_value);
          _mp_jw_number_or_null (w, "high_value", s->high_value);
          _mp_jw_number_or_null (w, "base", s->base);
          _mp_jw_number_or_null (w, "nl_low_value", s->nl_low_value);
          _mp_jw_number_or_null (w, "nl_high_value", s->nl_high_value);
          _mp_jw_number_or_null (w, "nl_base", s->nl_base);
          _mp_jw_end (w);
        }
      _mp_jw_end (w);
      _mp_jw_end (w);
    }

  _mp_jw_end (w);
}

/**
 * mp_json_write_evaluation:
 * @package: the evaluated package
 * @evaluation: its evaluation (with or without uncertainty)
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes the evaluation ("format": "mobility-planner-evaluation"; the shape
 * is documented in data/JSON-FORMAT.md): headlines, the projection by year
 * (total, per scheme, per sector with shortage coverage, per partner),
 * scores with their components, findings, measures with their required
 * monitoring and, when computed, the uncertainty (quantiles, fan, swings,
 * draws and seed).  Missing numbers (NaN) are written as null.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL on error
 */
char *
mp_json_write_evaluation (const MpPackage     *package,
                          const MpEvaluation  *evaluation,
                          GError             **error)
{
  MpJsonWriter w;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (evaluation != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _mp_jw_init (&w);
  write_evaluation (&w, package, evaluation);

  return _mp_jw_finish (&w, error);
}

/**
 * mp_json_write_evaluations:
 * @packages: (element-type MpPackage): the evaluated packages
 * @evaluations: (element-type MpEvaluation): their evaluations, same order
 * @error: return location for an %MP_JSON_ERROR
 *
 * Writes several evaluations as {"format": "mobility-planner-evaluations",
 * "version": 1, "evaluations": [...]}, each element shaped as by
 * mp_json_write_evaluation().
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL on error
 */
char *
mp_json_write_evaluations (GPtrArray  *packages,
                           GPtrArray  *evaluations,
                           GError    **error)
{
  MpJsonWriter w;

  g_return_val_if_fail (packages != NULL, NULL);
  g_return_val_if_fail (evaluations != NULL, NULL);
  g_return_val_if_fail (packages->len == evaluations->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _mp_jw_init (&w);
  _mp_jw_begin (&w, NULL, FALSE, FALSE);
  _mp_jw_string (&w, "format", MP_JSON_FORMAT_EVALUATIONS);
  _mp_jw_int (&w, "version", MP_JSON_VERSION);
  _mp_jw_begin (&w, "evaluations", TRUE, FALSE);
  for (guint i = 0; i < packages->len; i++)
    write_evaluation (&w, g_ptr_array_index (packages, i), g_ptr_array_index (evaluations, i));
  _mp_jw_end (&w);
  _mp_jw_end (&w);

  return _mp_jw_finish (&w, error);
}
