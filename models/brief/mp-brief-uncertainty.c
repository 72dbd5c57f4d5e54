/* mp-brief-uncertainty.c
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

/* The sheet Uncertainty: P10, P50 and P90 of the headline figures, the
 * tornado of the partner-interest fit and the fan of person-years
 * (models/README.md, “Uncertainty”). */

void
_mp_brief_write_uncertainty (MpBriefBook        *b,
                             MpBriefSheet       *s,
                             const MpPackage    *pkg,
                             const MpEvaluation *eval)
{
  const char *qh[] = {
    _("Output"), _("Deterministic"),
    "P10", "P50", "P90", _("Mean"),
  };
  const char *th[] = {
    _("Assumption"), _("Fit at low"),
    _("Fit at high"), C_("tornado", "Base"),
    _("Change at low"), _("Change at high"),
    C_("tornado", "Swing"),
  };
  lxw_row_t row = 0, qheader, theader;
  guint ns = eval->swings != NULL ? eval->swings->len : 0;
  g_autofree char *run = NULL;
  g_autofree char *seed = NULL;

  _mp_brief_put_span (b, s, row++, 0, _("Uncertainty"), b->f_title);
  _mp_brief_put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  if (!eval->has_uncertainty)
    {
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                          _("No uncertainty analysis was run for this evaluation: the figures in this brief are deterministic (every assumption at its most likely value)."),
                          b->f_warning);
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                          _("Run it in Mobility Planner (or with mobility-planner-cli evaluate --draws N) to see P10, P50 and P90 and the tornado chart."),
                          b->f_note);
      _mp_brief_sheet_cap (s, 0, 40);
      _mp_brief_sheet_finish (b, s);
      return;
    }

  /* The seed as text: a catalogue cannot hold the 64-bit printf format. */
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, eval->seed);
  /* TRANSLATORS: %u is the number of draws, %s the seed of the random numbers */
  run = g_strdup_printf (_("Monte Carlo: %u draws from triangular distributions (low, mode, high), seed %s; reproducible bit for bit."),
                         eval->draws, seed);
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, run, b->f_note);
  row++;

  qheader = row;
  for (int h = 0; h < MP_N_HEADLINES; h++)
    {
      lxw_row_t r = qheader + 1 + h;
      lxw_format *f = _mp_brief_headline_format (b, h, FALSE);

      _mp_brief_put_text (b, s, r, 0, _mp_brief_headline_label (h), b->f_text);
      _mp_brief_put_num (b, s, r, 1, eval->headline[h], f);
      _mp_brief_put_num (b, s, r, 2, eval->quantiles[h].p10, f);
      _mp_brief_put_num (b, s, r, 3, eval->quantiles[h].p50, f);
      _mp_brief_put_num (b, s, r, 4, eval->quantiles[h].p90, f);
      _mp_brief_put_num (b, s, r, 5, eval->quantiles[h].mean, f);
    }
  _mp_brief_add_table (b, s, qheader, 0, qheader + MP_N_HEADLINES, qh, G_N_ELEMENTS (qh));
  row = qheader + MP_N_HEADLINES + 2;

  _mp_brief_put_span (b, s, row++, 0, _("Tornado: partner-interest fit with one assumption at a time at its low and high"), b->f_h2);
  theader = row;
  if (ns == 0)
    {
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No assumption has a range: no tornado."), b->f_note);
    }
  else
    {
      lxw_chart *chart;
      lxw_chart_series *series;
      lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.5,
                                  .y_scale = MAX (1.0, 0.25 + 0.06 * ns),
                                  .object_position = LXW_OBJECT_MOVE_DONT_SIZE };

      for (guint i = 0; i < ns; i++)
        {
          const MpSwing *sw = &g_array_index (eval->swings, MpSwing, i);
          const MpAssumptionInfo *info = sw->assumption != NULL ? mp_assumption_lookup (sw->assumption) : NULL;
          lxw_row_t r = theader + 1 + i;
          g_autofree char *lo = _mp_brief_cell_name (r, 1);
          g_autofree char *hi = _mp_brief_cell_name (r, 2);
          g_autofree char *base = _mp_brief_cell_name (r, 3);
          g_autofree char *f1 = g_strdup_printf ("=%s-%s", lo, base);
          g_autofree char *f2 = g_strdup_printf ("=%s-%s", hi, base);
          g_autofree char *f3 = g_strdup_printf ("=ABS(%s-%s)", hi, lo);

          _mp_brief_put_text (b, s, r, 0,
                              info != NULL ? mp_assumption_info_label (info)
                              : g_strcmp0 (sw->assumption, "expected-returns") == 0
                              ? _("Expected extra returns (asks)")
                              : sw->assumption, b->f_text);
          _mp_brief_put_num (b, s, r, 1, sw->low_value, b->f_dec1);
          _mp_brief_put_num (b, s, r, 2, sw->high_value, b->f_dec1);
          _mp_brief_put_num (b, s, r, 3, sw->base, b->f_dec1);
          _mp_brief_put_formula (b, s, r, 4, f1, sw->low_value - sw->base, b->f_dec1);
          _mp_brief_put_formula (b, s, r, 5, f2, sw->high_value - sw->base, b->f_dec1);
          _mp_brief_put_formula (b, s, r, 6, f3, fabs (sw->high_value - sw->low_value), b->f_dec1);
        }
      _mp_brief_add_table (b, s, theader, 0, theader + ns, th, G_N_ELEMENTS (th));
      row = theader + ns + 2;

      chart = workbook_add_chart (b->wb, LXW_CHART_BAR);
      if (chart == NULL)
        {
          _mp_brief_record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return;
        }
      for (int k = 0; k < 2; k++)
        {
          series = chart_add_series (chart, NULL, NULL);
          chart_series_set_categories (series, s->name, theader + 1, 0, theader + ns, 0);
          chart_series_set_values (series, s->name, theader + 1, 4 + k, theader + ns, 4 + k);
          chart_series_set_name_range (series, s->name, theader, 4 + k);
        }
      chart_set_series_overlap (chart, 100);
      chart_set_series_gap (chart, 60);
      chart_title_set_name (chart, _("Tornado: change in partner-interest fit (points)"));
      chart_axis_set_reverse (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y));
      chart_axis_set_label_position (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y),
                                     LXW_CHART_AXIS_LABEL_POSITION_LOW);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      _mp_brief_insert_chart (b, s, row, 0, chart, &place);
    }

  /* The fan of person-years by year. */
  if (eval->person_years_by_year != NULL && eval->n_years > 0)
    {
      const char *ph[] = { _("Year"), "P10", "P50", "P90" };
      lxw_row_t fheader;

      row = s->last_row + 2;
      _mp_brief_put_span (b, s, row++, 0, _("Person-years by year"), b->f_h2);
      fheader = row;
      for (int t = 0; t < eval->n_years; t++)
        {
          lxw_row_t r = fheader + 1 + t;

          _mp_brief_put_num (b, s, r, 0, eval->start_year + t, b->f_year);
          _mp_brief_put_num (b, s, r, 1, eval->person_years_by_year[t].p10, b->f_int);
          _mp_brief_put_num (b, s, r, 2, eval->person_years_by_year[t].p50, b->f_int);
          _mp_brief_put_num (b, s, r, 3, eval->person_years_by_year[t].p90, b->f_int);
        }
      _mp_brief_add_table (b, s, fheader, 0, fheader + eval->n_years, ph, G_N_ELEMENTS (ph));
    }

  _mp_brief_sheet_cap (s, 0, 46);
  _mp_brief_record (b, worksheet_repeat_rows (s->ws, qheader, qheader));
  _mp_brief_sheet_finish (b, s);
}
