/* mp-brief-projection.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-brief-private.h"

/* The sheet Projection: one row a year with person-years by sector and the
 * other flows, their totals over the horizon, person-years by partner and
 * two charts. */

/* A flow of the projection: a field of MpYear.  The total of a cumulative
 * flow (net migration) is its last year's value. */
typedef struct
{
  const char   *title;
  gsize         offset;
  MpBriefTotal  total;
  gboolean      euro;
} Flow;

static const Flow flows[] = {
  { N_("Admissions"), G_STRUCT_OFFSET (MpYear, admissions), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Headcount present"), G_STRUCT_OFFSET (MpYear, headcount), MP_BRIEF_TOTAL_NONE, FALSE },
  { N_("Settled"), G_STRUCT_OFFSET (MpYear, settled), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Overstayed"), G_STRUCT_OFFSET (MpYear, overstayed), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Returned home"), G_STRUCT_OFFSET (MpYear, returned), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Seasonal returns"), G_STRUCT_OFFSET (MpYear, seasonal_returns), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Net migration (cumulative)"), G_STRUCT_OFFSET (MpYear, net_migration), MP_BRIEF_TOTAL_LAST, FALSE },
  { N_("Remittances (€)"), G_STRUCT_OFFSET (MpYear, remittances), MP_BRIEF_TOTAL_SUM, TRUE },
  { N_("Trainees (away)"), G_STRUCT_OFFSET (MpYear, trainees_away), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Trainees (home track)"), G_STRUCT_OFFSET (MpYear, trainees_home), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Skilled returnees"), G_STRUCT_OFFSET (MpYear, skilled_returnees), MP_BRIEF_TOTAL_SUM, FALSE },
  { N_("Public cost (€)"), G_STRUCT_OFFSET (MpYear, cost_public), MP_BRIEF_TOTAL_SUM, TRUE },
  { N_("Employer cost (€)"), G_STRUCT_OFFSET (MpYear, cost_employer), MP_BRIEF_TOTAL_SUM, TRUE },
};

static guint
flow_index (gsize offset)
{
  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    if (flows[f].offset == offset)
      return f;
  g_assert_not_reached ();
}

static void
write_partners (MpBriefBook        *b,
                MpBriefSheet       *s,
                lxw_row_t           row,
                const MpEvaluation *eval,
                const MpReference  *ref)
{
  const int ny = eval->n_years;
  g_autofree const char **ph = g_new0 (const char *, eval->n_partners + 1);
  lxw_row_t pheader;

  _mp_brief_put_span (b, s, row++, 0, _("Person-years by partner"), b->f_h2);
  pheader = row;
  ph[0] = _("Year");
  for (int p = 0; p < eval->n_partners; p++)
    ph[1 + p] = _mp_brief_partner_name (ref, eval->partner_codes[p]);
  for (int t = 0; t < ny; t++)
    {
      _mp_brief_put_num (b, s, pheader + 1 + t, 0, eval->start_year + t, b->f_year);
      for (int p = 0; p < eval->n_partners; p++)
        _mp_brief_put_num (b, s, pheader + 1 + t, 1 + p,
                           eval->by_partner[(gsize) p * ny + t].person_years, b->f_int);
    }
  _mp_brief_add_table (b, s, pheader, 0, pheader + ny, ph, eval->n_partners + 1);
}

/* Stacked person-years by sector and the remittances under the tables: side
 * by side when the table is wide enough, else one under the other. */
static void
write_charts (MpBriefBook        *b,
              MpBriefSheet       *s,
              lxw_row_t           row,
              lxw_row_t           header,
              lxw_col_t           col_total,
              lxw_col_t           col_flows,
              const MpEvaluation *eval)
{
  const int ny = eval->n_years;
  const int nsec = eval->n_sectors;
  const lxw_col_t col_remittances = col_flows + flow_index (G_STRUCT_OFFSET (MpYear, remittances));
  lxw_chart *columns = workbook_add_chart (b->wb, LXW_CHART_COLUMN_STACKED);
  lxw_chart *line = workbook_add_chart (b->wb, LXW_CHART_LINE);
  lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.45, .y_scale = 1.1,
                              .object_position = LXW_OBJECT_MOVE_DONT_SIZE };
  const double chart_px = 480 * place.x_scale + 20;
  lxw_chart_series *series;
  int n_series = 0;
  double px = 0, total_px = 0;
  lxw_col_t c2 = 0;

  if (columns == NULL || line == NULL)
    {
      _mp_brief_record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }

  for (int k = 0; k < MAX (nsec, 1); k++)
    {
      lxw_col_t c = nsec > 0 ? 1 + k : col_total;
      double any = 0;

      for (int t = 0; t < ny; t++)
        any += nsec > 0 ? fabs (eval->by_sector[(gsize) k * ny + t].person_years) : 1;
      if (any == 0 && !(k == nsec - 1 && n_series == 0))
        continue;
      series = chart_add_series (columns, NULL, NULL);
      chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
      chart_series_set_values (series, s->name, header + 1, c, header + ny, c);
      chart_series_set_name_range (series, s->name, header, c);
      n_series++;
    }
  chart_title_set_name (columns, _("Person-years by sector"));
  chart_axis_set_name (chart_axis_get (columns, LXW_CHART_AXIS_TYPE_Y), _("person-years"));
  chart_axis_set_num_format (chart_axis_get (columns, LXW_CHART_AXIS_TYPE_Y), MP_BRIEF_NUM_INT);
  chart_legend_set_position (columns, LXW_CHART_LEGEND_BOTTOM);
  chart_set_style (columns, 10);

  series = chart_add_series (line, NULL, NULL);
  chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
  chart_series_set_values (series, s->name, header + 1, col_remittances, header + ny, col_remittances);
  chart_series_set_name_range (series, s->name, header, col_remittances);
  chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  chart_title_set_name (line, _("Remittances a year (€)"));
  chart_axis_set_num_format (chart_axis_get (line, LXW_CHART_AXIS_TYPE_Y), MP_BRIEF_NUM_EUR);
  chart_legend_set_position (line, LXW_CHART_LEGEND_NONE);

  for (lxw_col_t c = 0; c <= s->last_col && c < MP_BRIEF_MAX_COLS; c++)
    total_px += _mp_brief_column_pixels (s, c);
  while (c2 <= s->last_col && c2 < MP_BRIEF_MAX_COLS && px < chart_px)
    px += _mp_brief_column_pixels (s, c2++);

  _mp_brief_insert_chart (b, s, row, 0, columns, &place);
  if (total_px >= 2 * chart_px && c2 <= s->last_col)
    _mp_brief_insert_chart (b, s, row, c2, line, &place);
  else
    _mp_brief_insert_chart (b, s, row + 19, 0, line, &place);
}

void
_mp_brief_write_projection (MpBriefBook        *b,
                            MpBriefSheet       *s,
                            const MpPackage    *pkg,
                            const MpEvaluation *eval,
                            const MpReference  *ref)
{
  const int ny = eval->n_years;
  const int nsec = eval->n_sectors;
  const lxw_row_t header = 4;
  const lxw_col_t col_total = 1 + nsec;
  const lxw_col_t col_flows = col_total + 1;
  const guint n_cols = col_flows + G_N_ELEMENTS (flows);
  g_autofree MpBriefColumn *cols = g_new0 (MpBriefColumn, n_cols);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_auto(MpBriefTable) table = { 0 };
  lxw_row_t total_row;
  g_autofree char *subtitle = NULL;

  _mp_brief_put_span (b, s, 0, 0, _("Projection by year and sector"), b->f_title);
  /* TRANSLATORS: %s is the name of the package */
  subtitle = g_strdup_printf (_("%s — person-years by sector (full-time-equivalent presence in the Netherlands) and the other flows"),
                              pkg->name != NULL ? pkg->name : "");
  _mp_brief_put_span (b, s, 1, 0, subtitle, b->f_subtitle);

  if (ny <= 0)
    {
      _mp_brief_put_para (b, s, header, 0, MP_BRIEF_LAST_COL, _("The projection has no years."), b->f_note);
      _mp_brief_sheet_finish (b, s);
      return;
    }

  cols[0] = (MpBriefColumn) { _("Year"), b->f_year, MP_BRIEF_TOTAL_NONE, 18 };
  for (int k = 0; k < nsec; k++)
    {
      char *h = g_strdup_printf ("%s: %s", _("Person-years"),
                                 _mp_brief_sector_name (ref, eval->sector_codes[k]));

      g_ptr_array_add (owned, h);
      cols[1 + k] = (MpBriefColumn) { h, b->f_int, MP_BRIEF_TOTAL_SUM, 18 };
    }
  cols[col_total] = (MpBriefColumn) { _("Person-years, total"), b->f_int, MP_BRIEF_TOTAL_SUM, 18 };
  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    cols[col_flows + f] = (MpBriefColumn) { _(flows[f].title), flows[f].euro ? b->f_eur : b->f_int,
                                            flows[f].total, 18 };
  _mp_brief_table_init (&table, s, header, cols, n_cols);

  for (int t = 0; t < ny; t++)
    {
      lxw_row_t r = header + 1 + t;
      g_autofree char *range = _mp_brief_range_ref (r, 1, r, MAX (nsec, 1));
      g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
      double sum = 0;

      _mp_brief_table_num (b, &table, r, 0, eval->start_year + t);
      for (int k = 0; k < nsec; k++)
        {
          double v = eval->by_sector[(gsize) k * ny + t].person_years;

          _mp_brief_table_num (b, &table, r, 1 + k, v);
          sum += isfinite (v) ? v : 0;
        }
      if (nsec > 0)
        _mp_brief_table_formula (b, &table, r, col_total, formula, sum);
      else
        _mp_brief_table_num (b, &table, r, col_total, eval->total[t].person_years);
      for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
        _mp_brief_table_num (b, &table, r, col_flows + f,
                             G_STRUCT_MEMBER (double, &eval->total[t], flows[f].offset));
    }

  /* The totals over the horizon; the cover links to two of them. */
  total_row = _mp_brief_table_close (b, &table, header + ny);
  b->ref_py_total = _mp_brief_sheet_ref (s, total_row, col_total);
  b->py_total = table.totals[col_total];
  {
    lxw_col_t col_cost = col_flows + flow_index (G_STRUCT_OFFSET (MpYear, cost_public));

    b->ref_cost_total = _mp_brief_sheet_ref (s, total_row, col_cost);
    b->cost_total = table.totals[col_cost];
  }

  /* Person-years by partner, for regional packages. */
  if (eval->n_partners > 1 && eval->by_partner != NULL)
    {
      write_partners (b, s, total_row + 2, eval, ref);
      write_charts (b, s, total_row + 2 + 1 + ny + 2, header, col_total, col_flows, eval);
    }
  else
    write_charts (b, s, total_row + 2, header, col_total, col_flows, eval);

  _mp_brief_record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  _mp_brief_sheet_finish (b, s);
}
