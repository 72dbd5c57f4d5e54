/* mp-brief-scores.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-brief-private.h"

/* The sheet Scores: the partner-interest fit and the Netherlands benefit
 * with their components, as live formulas, and the balance. */

static lxw_row_t
write_components (MpBriefBook        *b,
                  MpBriefSheet       *s,
                  lxw_row_t           row,
                  GArray             *components,
                  gboolean            nl_side,
                  const MpReference  *ref,
                  double              headline,
                  char              **ref_out,
                  double             *value_out)
{
  const char *headers[] = {
    nl_side ? _("Component") : C_("partner interest", "Interest"),
    _("Weight (0–5)"),
    _("Delivered"),
    _("Unit"),
    _("Reference scale"),
    _("Satisfaction"),
    _("Weight × satisfaction"),
  };
  guint n = components != NULL ? components->len : 0;
  lxw_row_t header = row;
  double sum_w = 0, sum_ws = 0, value;
  lxw_row_t result_row;
  g_autofree char *wr = NULL;
  g_autofree char *sr = NULL;
  g_autofree char *formula = NULL;

  if (n == 0)
    {
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No components."), b->f_note);
      *value_out = headline;
      *ref_out = NULL;
      return row + 1;
    }

  for (guint i = 0; i < n; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);
      lxw_row_t r = header + 1 + i;
      g_autofree char *owned = NULL;
      g_autofree char *prod = NULL;
      g_autofree char *wc = _mp_brief_cell_name (r, 1);
      g_autofree char *sc = _mp_brief_cell_name (r, 5);
      lxw_format *vf;
      const char *unit = _mp_brief_component_unit (b, c, nl_side, &vf);

      _mp_brief_put_text (b, s, r, 0, _mp_brief_component_label (c, nl_side, ref, &owned), b->f_text);
      _mp_brief_put_num (b, s, r, 1, c->weight, b->f_dec1);
      _mp_brief_put_num (b, s, r, 2, c->delivered, vf);
      _mp_brief_put_text (b, s, r, 3, unit, b->f_unit);
      if (isfinite (c->scale))
        _mp_brief_put_num (b, s, r, 4, c->scale, vf);
      else
        _mp_brief_put_text (b, s, r, 4, _("direct"), b->f_text);
      _mp_brief_put_num (b, s, r, 5, c->satisfaction, b->f_pct);
      prod = g_strdup_printf ("=%s*%s", wc, sc);
      _mp_brief_put_formula (b, s, r, 6, prod, c->weight * c->satisfaction, b->f_dec2);
      if (isfinite (c->weight) && isfinite (c->satisfaction))
        {
          sum_w += c->weight;
          sum_ws += c->weight * c->satisfaction;
        }
    }
  _mp_brief_add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));

  result_row = header + n + 1;
  wr = _mp_brief_range_ref (header + 1, 1, header + n, 1);
  sr = _mp_brief_range_ref (header + 1, 6, header + n, 6);
  formula = g_strdup_printf ("=IF(SUM(%s)=0,0,100*SUM(%s)/SUM(%s))", wr, sr, wr);
  value = sum_w > 0 ? 100 * sum_ws / sum_w : 0;
  _mp_brief_put_text (b, s, result_row, 0,
                      nl_side ? _("Netherlands benefit (0–100)")
                              : _("Partner-interest fit (0–100)"),
                      b->f_total_label);
  for (lxw_col_t c = 1; c < 6; c++)
    _mp_brief_put_blank (b, s, result_row, c, b->f_total_label);
  _mp_brief_put_formula (b, s, result_row, 6, formula, value, b->f_total_dec1);
  *ref_out = _mp_brief_sheet_ref (s, result_row, 6);
  *value_out = value;
  return result_row + 2;
}

void
_mp_brief_write_scores (MpBriefBook        *b,
                        MpBriefSheet       *s,
                        const MpPackage    *pkg,
                        const MpEvaluation *eval,
                        const MpReference  *ref)
{
  lxw_row_t row = 0;
  g_autofree char *formula = NULL;
  g_autofree char *fit_local = NULL;
  g_autofree char *nl_local = NULL;

  _mp_brief_put_span (b, s, row++, 0, _("Scores and their components"), b->f_title);
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                      /* TRANSLATORS: the section names of models/README.md stay in English */
                      _("Satisfaction s = 1 − exp(−delivered / scale); score = 100 · Σ weight · s / Σ weight (models/README.md, “Partner-interest fit” and “Netherlands benefit”). Edit a weight and the score follows."),
                      b->f_note);
  row++;

  _mp_brief_put_span (b, s, row++, 0, _("Partner-interest fit"), b->f_h2);
  row = write_components (b, s, row, eval->fit_components, FALSE, ref,
                          eval->headline[MP_HEADLINE_FIT], &b->ref_fit, &b->fit);

  _mp_brief_put_span (b, s, row++, 0, _("Netherlands benefit"), b->f_h2);
  row = write_components (b, s, row, eval->nl_components, TRUE, ref,
                          eval->headline[MP_HEADLINE_NL_BENEFIT], &b->ref_nl, &b->nl);

  if (pkg->asks != NULL)
    {
      for (guint i = 0; i < pkg->asks->len; i++)
        {
          const MpAsk *a = g_ptr_array_index (pkg->asks, i);

          if (a->returns_mode > 0)
            {
              /* TRANSLATORS: [EV] is the evaluation named in the sources on
               * the cover */
              g_autofree char *evidence = g_strdup_printf (
                  _("Return cooperation rests on the asks’ expected extra returns. The only measured effect of a Dutch partnership was about +%.0f forced returns a year (Morocco) [EV]."),
                  mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
              _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, evidence, b->f_note);
              row++;
              break;
            }
        }
    }

  _mp_brief_put_span (b, s, row++, 0, _("Balance"), b->f_h2);
  fit_local = b->ref_fit != NULL ? g_strdup (strchr (b->ref_fit, '!') + 1) : NULL;
  nl_local = b->ref_nl != NULL ? g_strdup (strchr (b->ref_nl, '!') + 1) : NULL;
  _mp_brief_put_text (b, s, row, 0, _("Balance (fit − NL benefit)"), b->f_label);
  if (fit_local != NULL && nl_local != NULL)
    {
      formula = g_strdup_printf ("=%s-%s", fit_local, nl_local);
      _mp_brief_put_formula (b, s, row, 6, formula, b->fit - b->nl, b->f_big_dec1);
    }
  else
    _mp_brief_put_num (b, s, row, 6, eval->headline[MP_HEADLINE_BALANCE], b->f_big_dec1);
  row++;
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                      _("Strongly negative: the Netherlands is the asking party (“vragende partij”), the evaluation’s diagnosis of why partnerships stall [EV §3.1]."),
                      b->f_note);

  _mp_brief_sheet_cap (s, 0, 40);
  _mp_brief_sheet_cap (s, 3, 28);
  _mp_brief_record (b, worksheet_repeat_rows (s->ws, 0, 1));
  _mp_brief_sheet_finish (b, s);
}
