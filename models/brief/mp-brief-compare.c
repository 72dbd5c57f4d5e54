/* mp-brief-compare.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-brief-private.h"

/* The comparison workbook: headline figures of 2 to 8 packages side by
 * side, the deal map and person-years per year. */

static void
write_comparison_table (MpBriefBook       *b,
                        MpBriefSheet      *s,
                        GPtrArray         *packages,
                        GPtrArray         *evaluations,
                        const MpReference *ref)
{
  static const MpHeadline order[] = {
    MP_HEADLINE_ADMISSIONS, MP_HEADLINE_PERSON_YEARS, MP_HEADLINE_REMITTANCES,
    MP_HEADLINE_NET_MIGRATION, MP_HEADLINE_FIT, MP_HEADLINE_NL_BENEFIT,
    MP_HEADLINE_BALANCE, MP_HEADLINE_COST_PUBLIC,
  };
  const guint np = packages->len;
  const lxw_row_t header = 4;
  g_autofree const char **headers = g_new0 (const char *, np + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  lxw_row_t row;
  lxw_row_t fit_row = 0, nl_row = 0;
  gboolean any_uncertainty = FALSE;

  _mp_brief_put_span (b, s, 0, 0, _("Comparison of packages"), b->f_title);
  {
    g_autofree char *sub = g_strdup_printf (mp_ngettext ("%u package, headline figures side by side",
                                                         "%u packages, headline figures side by side", np),
                                            np);
    _mp_brief_put_span (b, s, 1, 0, sub, b->f_subtitle);
  }

  headers[0] = C_("headline figure", "Figure");
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      char *h = _mp_brief_clean_line (pkg->name, 60);

      g_ptr_array_add (owned, h);
      headers[1 + p] = h;
      _mp_brief_sheet_cap (s, 1 + p, 22);
      any_uncertainty |= ((const MpEvaluation *) g_ptr_array_index (evaluations, p))->has_uncertainty;
    }

  row = header + 1;
  /* Partner(s) */
  _mp_brief_put_text (b, s, row, 0, _("Partner"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      g_autofree char *pt = _mp_brief_partners_text (g_ptr_array_index (packages, p), ref);
      _mp_brief_put_text (b, s, row, 1 + p, pt, b->f_wrap);
    }
  row++;
  _mp_brief_put_text (b, s, row, 0, _("Schemes"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      _mp_brief_put_num (b, s, row, 1 + p, pkg->schemes != NULL ? pkg->schemes->len : 0, b->f_int);
    }
  row++;
  _mp_brief_put_text (b, s, row, 0, _("Horizon"), b->f_text);
  for (guint p = 0; p < np; p++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);
      g_autofree char *h = g_strdup_printf ("%d–%d", e->start_year, e->start_year + e->n_years - 1);
      _mp_brief_put_text (b, s, row, 1 + p, h, b->f_text);
    }
  row++;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      MpHeadline h = order[i];

      _mp_brief_put_text (b, s, row, 0, _mp_brief_headline_label (h), b->f_text);
      if (h == MP_HEADLINE_FIT)
        fit_row = row;
      if (h == MP_HEADLINE_NL_BENEFIT)
        nl_row = row;
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);

          if (h == MP_HEADLINE_BALANCE && fit_row > 0 && nl_row > 0)
            {
              g_autofree char *a = _mp_brief_cell_name (fit_row, 1 + p);
              g_autofree char *c = _mp_brief_cell_name (nl_row, 1 + p);
              g_autofree char *formula = g_strdup_printf ("=%s-%s", a, c);

              _mp_brief_put_formula (b, s, row, 1 + p, formula,
                                     e->headline[MP_HEADLINE_FIT] - e->headline[MP_HEADLINE_NL_BENEFIT],
                                     _mp_brief_headline_format (b, h, FALSE));
            }
          else
            _mp_brief_put_num (b, s, row, 1 + p, e->headline[h], _mp_brief_headline_format (b, h, FALSE));
        }
      row++;
      if (any_uncertainty && h != MP_HEADLINE_BALANCE)
        {
          _mp_brief_put_text (b, s, row, 0, "    P10–P90", b->f_note);
          for (guint p = 0; p < np; p++)
            {
              const MpEvaluation *e = g_ptr_array_index (evaluations, p);
              g_autofree char *range = NULL;

              if (!e->has_uncertainty)
                {
                  _mp_brief_put_text (b, s, row, 1 + p, "–", b->f_note);
                  continue;
                }
              {
                int digits = _mp_brief_headline_format (b, h, FALSE) == b->f_dec1 ? 1 : 0;
                g_autofree char *lo = _mp_brief_format_grouped (b, e->quantiles[h].p10, digits);
                g_autofree char *hi = _mp_brief_format_grouped (b, e->quantiles[h].p90, digits);

                range = g_strdup_printf ("%s – %s", lo, hi);
              }
              _mp_brief_put_text (b, s, row, 1 + p, range, b->f_note);
            }
          row++;
        }
    }

  for (int sev = MP_SEVERITY_BLOCK; sev >= MP_SEVERITY_NOTE; sev--)
    {
      _mp_brief_put_text (b, s, row, 0, mp_severity_label (sev), _mp_brief_severity_format (b, sev));
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);
          _mp_brief_put_num (b, s, row, 1 + p, sev == MP_SEVERITY_BLOCK ? e->n_blocks : sev == MP_SEVERITY_WARNING ? e->n_warnings : e->n_notes, b->f_int);
        }
      row++;
    }

  _mp_brief_add_table (b, s, header, 0, row - 1, headers, np + 1);
  _mp_brief_sheet_cap (s, 0, 46);
  _mp_brief_record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  _mp_brief_sheet_finish (b, s);
}

static void
write_deal_map (MpBriefBook  *b,
                MpBriefSheet *s,
                GPtrArray    *packages,
                GPtrArray    *evaluations)
{
  const char *headers[] = {
    _("Package"), _("NL benefit"),
    _("Partner fit"), _("Balance"),
  };
  const guint np = packages->len;
  const lxw_row_t header = 3;
  lxw_chart *chart;
  lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.3, .y_scale = 1.6,
                              .object_position = LXW_OBJECT_MOVE_DONT_SIZE };
  lxw_row_t diag;

  worksheet_fit_to_pages (s->ws, 1, 1);
  _mp_brief_put_span (b, s, 0, 0, _("Deal map"), b->f_title);
  _mp_brief_put_para (b, s, 1, 0, MP_BRIEF_LAST_COL,
                      _("x = Netherlands benefit, y = partner-interest fit (0–100). Below the diagonal the Netherlands is the asking party [EV §3.1]."),
                      b->f_note);
  for (guint p = 0; p < np; p++)
    {
      const MpPackage *pkg = g_ptr_array_index (packages, p);
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);
      lxw_row_t r = header + 1 + p;
      g_autofree char *name = _mp_brief_clean_line (pkg->name, 200);
      g_autofree char *x = _mp_brief_cell_name (r, 1);
      g_autofree char *y = _mp_brief_cell_name (r, 2);
      g_autofree char *formula = g_strdup_printf ("=%s-%s", y, x);

      _mp_brief_put_text (b, s, r, 0, name, b->f_text);
      _mp_brief_put_num (b, s, r, 1, e->headline[MP_HEADLINE_NL_BENEFIT], b->f_dec1);
      _mp_brief_put_num (b, s, r, 2, e->headline[MP_HEADLINE_FIT], b->f_dec1);
      _mp_brief_put_formula (b, s, r, 3, formula,
                             e->headline[MP_HEADLINE_FIT] - e->headline[MP_HEADLINE_NL_BENEFIT], b->f_dec1);
    }
  _mp_brief_add_table (b, s, header, 0, header + np, headers, G_N_ELEMENTS (headers));

  /* The diagonal (balance = 0), as a two-point series. */
  diag = header + np + 2;
  _mp_brief_put_text (b, s, diag, 0, _("Balance = 0"), b->f_note);
  _mp_brief_put_num (b, s, diag, 1, 0, b->f_dec1);
  _mp_brief_put_num (b, s, diag, 2, 0, b->f_dec1);
  _mp_brief_put_num (b, s, diag + 1, 1, 100, b->f_dec1);
  _mp_brief_put_num (b, s, diag + 1, 2, 100, b->f_dec1);

  chart = workbook_add_chart (b->wb, LXW_CHART_SCATTER);
  if (chart == NULL)
    {
      _mp_brief_record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint p = 0; p < np; p++)
    {
      lxw_row_t r = header + 1 + p;
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, s->name, r, 1, r, 1);
      chart_series_set_values (series, s->name, r, 2, r, 2);
      chart_series_set_name_range (series, s->name, r, 0);
      static const lxw_color_t palette[MP_BRIEF_MAX_COMPARE] = {
        0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF,
      };
      lxw_chart_fill fill = { .color = palette[p % MP_BRIEF_MAX_COMPARE] };
      lxw_chart_line edge = { .color = palette[p % MP_BRIEF_MAX_COMPARE] };

      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_marker_size (series, 10);
      chart_series_set_marker_fill (series, &fill);
      chart_series_set_marker_line (series, &edge);
    }
  {
    lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
    lxw_chart_line dash = { .color = 0x808080, .dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1 };

    chart_series_set_categories (series, s->name, diag, 1, diag + 1, 1);
    chart_series_set_values (series, s->name, diag, 2, diag + 1, 2);
    chart_series_set_name_range (series, s->name, diag, 0);
    chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);
    chart_series_set_line (series, &dash);
  }
  chart_title_set_name (chart, _("Deal map"));
  chart_axis_set_name (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), _("Netherlands benefit"));
  chart_axis_set_name (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), _("Partner-interest fit"));
  chart_axis_set_min (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), 0);
  chart_axis_set_max (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_X), 100);
  chart_axis_set_min (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), 0);
  chart_axis_set_max (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), 100);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
  _mp_brief_insert_chart (b, s, diag + 3, 0, chart, &place);

  _mp_brief_sheet_cap (s, 0, 46);
  _mp_brief_record (b, worksheet_repeat_rows (s->ws, header, header));
  _mp_brief_sheet_finish (b, s);
}

static void
write_person_years (MpBriefBook  *b,
                    MpBriefSheet *s,
                    GPtrArray    *packages,
                    GPtrArray    *evaluations)
{
  const guint np = packages->len;
  const lxw_row_t header = 3;
  g_autofree MpBriefColumn *cols = g_new0 (MpBriefColumn, np + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_auto(MpBriefTable) table = { 0 };
  int y0 = G_MAXINT, y1 = G_MININT;
  int ny;
  lxw_row_t total_row;
  lxw_chart *chart;
  lxw_chart_options place = { .x_offset = 5, .y_offset = 5, .x_scale = 1.6, .y_scale = 1.2,
                              .object_position = LXW_OBJECT_MOVE_DONT_SIZE };

  _mp_brief_put_span (b, s, 0, 0, _("Person-years a year, per package"), b->f_title);
  _mp_brief_put_para (b, s, 1, 0, MP_BRIEF_LAST_COL, _("“–”: the year lies outside the package’s horizon."), b->f_note);

  for (guint p = 0; p < np; p++)
    {
      const MpEvaluation *e = g_ptr_array_index (evaluations, p);

      if (e->n_years <= 0)
        continue;
      y0 = MIN (y0, e->start_year);
      y1 = MAX (y1, e->start_year + e->n_years - 1);
    }
  if (y0 > y1)
    {
      _mp_brief_put_para (b, s, header, 0, MP_BRIEF_LAST_COL, _("The projections have no years."), b->f_note);
      _mp_brief_sheet_finish (b, s);
      return;
    }
  ny = y1 - y0 + 1;
  if (ny <= 25)
    worksheet_fit_to_pages (s->ws, 1, 1);

  cols[0] = (MpBriefColumn) { _("Year"), b->f_year, MP_BRIEF_TOTAL_NONE, 0 };
  for (guint p = 0; p < np; p++)
    {
      char *h = _mp_brief_clean_line (((const MpPackage *) g_ptr_array_index (packages, p))->name, 60);

      g_ptr_array_add (owned, h);
      cols[1 + p] = (MpBriefColumn) { h, b->f_int, MP_BRIEF_TOTAL_SUM, 22 };
    }
  _mp_brief_table_init (&table, s, header, cols, np + 1);
  for (int t = 0; t < ny; t++)
    {
      lxw_row_t r = header + 1 + t;

      _mp_brief_table_num (b, &table, r, 0, y0 + t);
      for (guint p = 0; p < np; p++)
        {
          const MpEvaluation *e = g_ptr_array_index (evaluations, p);
          const MpYear *y = mp_evaluation_year (e, y0 + t);

          if (y != NULL)
            _mp_brief_table_num (b, &table, r, 1 + p, y->person_years);
          else
            _mp_brief_put_text (b, s, r, 1 + p, "–", b->f_text);
        }
    }
  total_row = _mp_brief_table_close (b, &table, header + ny);

  chart = workbook_add_chart (b->wb, LXW_CHART_COLUMN);
  if (chart == NULL)
    {
      _mp_brief_record (b, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  for (guint p = 0; p < np; p++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, s->name, header + 1, 0, header + ny, 0);
      chart_series_set_values (series, s->name, header + 1, 1 + p, header + ny, 1 + p);
      chart_series_set_name_range (series, s->name, header, 1 + p);
    }
  chart_title_set_name (chart, _("Person-years a year"));
  chart_axis_set_num_format (chart_axis_get (chart, LXW_CHART_AXIS_TYPE_Y), MP_BRIEF_NUM_INT);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  _mp_brief_insert_chart (b, s, total_row + 2, 0, chart, &place);

  _mp_brief_record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  _mp_brief_sheet_finish (b, s);
}

/**
 * mp_brief_write_comparison:
 * @packages: (element-type MpPackage): 2 to 8 packages
 * @evaluations: (element-type MpEvaluation): their evaluations, in the same order
 * @ref: the reference data
 * @opts: (nullable): language, date and author
 * @path: the .xlsx file to write
 * @error: return location for an #MP_BRIEF_ERROR
 *
 * Writes the comparison workbook: the sheets Comparison (headline figures side
 * by side), Deal map (NL benefit against partner fit) and Person-years (per
 * year and package).  Written like mp_brief_write(): complete or not at all.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
mp_brief_write_comparison (GPtrArray             *packages,
                           GPtrArray             *evaluations,
                           const MpReference     *ref,
                           const MpBriefOptions  *opts,
                           const char            *path,
                           GError               **error)
{
  MpBriefBook b = { 0 };
  g_autoptr(MpBriefSheet) cmp = NULL;
  g_autoptr(MpBriefSheet) map = NULL;
  g_autoptr(MpBriefSheet) py = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GString) subject = NULL;

  g_return_val_if_fail (packages != NULL, FALSE);
  g_return_val_if_fail (evaluations != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mp_brief_comparison_valid (packages, error))
    return FALSE;
  for (guint i = 0; i < packages->len; i++)
    {
      const MpEvaluation *e = i < evaluations->len ? g_ptr_array_index (evaluations, i) : NULL;

      if (evaluations->len != packages->len || e == NULL ||
          e->n_years < 0 || (e->n_years > 0 && e->total == NULL))
        {
          g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                       _("A comparison needs one evaluation for each package"));
          return FALSE;
        }
    }

  if (!_mp_brief_book_begin (&b, opts, path, error))
    return FALSE;

  header = g_strdup_printf (mp_ngettext ("Comparison of %u package", "Comparison of %u packages", packages->len),
                            packages->len);
  subject = g_string_new (NULL);
  for (guint i = 0; i < packages->len; i++)
    {
      g_autofree char *n = _mp_brief_clean_line (((const MpPackage *) g_ptr_array_index (packages, i))->name, 60);

      g_string_append_printf (subject, "%s%s", i > 0 ? "; " : "", n);
    }
  title = g_strdup_printf ("%s: %s", _("Comparison brief"), header);
  if (!_mp_brief_book_open (&b, header, title, subject->str, error))
    return FALSE;

  /* TRANSLATORS: the names of the sheets of a comparison: at most 31
   * characters, none of []:*?/\ */
  cmp = _mp_brief_sheet_new (&b, C_("sheet name", "Comparison"), packages->len > 3);
  map = _mp_brief_sheet_new (&b, C_("sheet name", "Deal map"), TRUE);
  py = _mp_brief_sheet_new (&b, C_("sheet name", "Person-years"), packages->len > 3);
  if (b.err == LXW_NO_ERROR)
    {
      write_comparison_table (&b, cmp, packages, evaluations, ref);
      write_deal_map (&b, map, packages, evaluations);
      write_person_years (&b, py, packages, evaluations);
      worksheet_activate (cmp->ws);
    }

  return _mp_brief_book_end (&b, error);
}

/* Whether @packages can be compared: 2 to 8, none of them %NULL. */
gboolean
_mp_brief_comparison_valid (GPtrArray  *packages,
                            GError    **error)
{
  if (packages->len < MP_BRIEF_MIN_COMPARE || packages->len > MP_BRIEF_MAX_COMPARE)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("A comparison takes %d to %d packages, not %u"),
                   MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE, packages->len);
      return FALSE;
    }
  for (guint i = 0; i < packages->len; i++)
    if (g_ptr_array_index (packages, i) == NULL)
      {
        g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                     _("A comparison needs one evaluation for each package"));
        return FALSE;
      }
  return TRUE;
}
