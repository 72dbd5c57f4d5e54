/* mp-projection-chart.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-projection-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-chart-private.h"
#include "mp-format.h"
#include "mp-projection-chart.h"

/* Stacked columns of person-years by sector for each year of the horizon,
 * with the remittances of the year as a line on a second axis (right). */

typedef struct
{
  int      start_year;
  int      n_years;
  int      n_series;
  char   **labels;        /* [n_series] */
  double  *values;        /* [n_series * n_years], row-major by series */
  double  *remittances;   /* [n_years], or NULL */
  char    *empty_text;
} ProjectionData;

struct _MpProjectionChart
{
  MpChart         parent_instance;

  ProjectionData  data;
};

G_DEFINE_FINAL_TYPE (MpProjectionChart, mp_projection_chart, MP_TYPE_CHART)

static void
projection_data_clear (ProjectionData *d)
{
  g_clear_pointer (&d->labels, g_strfreev);
  g_clear_pointer (&d->values, g_free);
  g_clear_pointer (&d->remittances, g_free);
  g_clear_pointer (&d->empty_text, g_free);
  d->n_years = 0;
  d->n_series = 0;
}

static double
year_total (const ProjectionData *d,
            int                   year)
{
  double total = 0;

  for (int s = 0; s < d->n_series; s++)
    total += d->values[s * d->n_years + year];

  return total;
}

static double
series_total (const ProjectionData *d,
              int                   series)
{
  double total = 0;

  for (int y = 0; y < d->n_years; y++)
    total += d->values[series * d->n_years + y];

  return total;
}

/* Person-years are often fractional (stays of m/12 of a year): one decimal
 * for small values, whole numbers otherwise. */
static char *
format_person_years (double value)
{
  return mp_format_number (value, fabs (value) < 10 && value != round (value) ? 1 : 0);
}

/* Ticks share one unit and one number of decimals: "€0 … €10 m, €12 m" */
static char *
format_money_tick (double value,
                   double top,
                   double step)
{
  /* The largest unit in which the step is a whole or half number:
   * "€250 m" rather than "€0.25 bn", "€0.5 m" rather than "€500,000" */
  double unit = step >= 1e9 ? 1e9 : (step >= 1e5 && top >= 1e6 ? 1e6 : 1);

  return mp_format_money_scaled (value, unit, _mp_chart_decimals_for_step (step / unit));
}

static int
label_every (double band,
             double label_width)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (band * steps[i] >= label_width)
        return steps[i];
    }

  return 100;
}

static void
mp_projection_chart_render (MpChart       *chart,
                            MpChartCanvas *c)
{
  const ProjectionData *d = &MP_PROJECTION_CHART (chart)->data;
  cairo_t *cr = c->cr;
  const double pad = 8;
  double max_total = 0, max_rem = 0;
  double th, year_w, legend_h, swatch, max_label_w;
  double top, bottom, left, right, plot_w, plot_h, band, bar_w;
  double step, y_top, rstep = 0, r_top = 0;
  int n_steps, every;
  gboolean has_rem;
  g_autoptr(GPtrArray) legend = g_ptr_array_new_with_free_func (g_free);

  for (int y = 0; y < d->n_years; y++)
    {
      max_total = MAX (max_total, year_total (d, y));
      if (d->remittances != NULL)
        max_rem = MAX (max_rem, d->remittances[y]);
    }

  if (d->n_years == 0 || d->n_series == 0 || !(max_total > 0))
    {
      _mp_chart_draw_empty (c, d->empty_text != NULL ? d->empty_text : _("No schemes in this package"));
      return;
    }

  has_rem = d->remittances != NULL && max_rem > 0;

  _mp_chart_text_size (c, "0123456789", MP_CHART_TEXT_SMALL, NULL, &th);
  _mp_chart_text_size (c, "2036", MP_CHART_TEXT_SMALL, &year_w, NULL);
  swatch = round (th * 0.8);

  /* Legend below the plot, wrapped into rows. */
  for (int s = 0; s < d->n_series; s++)
    g_ptr_array_add (legend, g_strdup (d->labels[s]));
  if (has_rem)
    g_ptr_array_add (legend, g_strdup (_("Remittances (right axis)")));

  /* Long names are shortened so that at least three entries fit a row */
  max_label_w = MAX (60, (c->width - 2 * pad) / 3 - swatch * 2.2 - 20);

  {
    double x = pad;
    int rows = 1;

    for (guint i = 0; i < legend->len; i++)
      {
        double w;

        _mp_chart_text_size (c, legend->pdata[i], MP_CHART_TEXT_SMALL, &w, NULL);
        if (i < (guint) d->n_series)
          w = MIN (w, max_label_w);
        w += swatch * (i == (guint) d->n_series ? 2.2 : 1) + 6 + 14;
        if (x + w > c->width - pad && x > pad)
          {
            rows++;
            x = pad;
          }
        x += w;
      }
    legend_h = rows * (th + 4);
  }

  top = pad + th + 6 + th / 2;
  bottom = c->height - pad - legend_h - 8 - th - 4;
  plot_h = bottom - top;
  if (plot_h < 20)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the projection"));
      return;
    }

  n_steps = CLAMP ((int) (plot_h / (th * 2.4)), 2, 8);
  step = _mp_chart_nice_step (max_total, n_steps);
  n_steps = (int) ceil (max_total / step - 1e-9);
  y_top = step * n_steps;

  left = 0;
  for (int k = 0; k <= n_steps; k++)
    {
      g_autofree char *t = mp_format_number (k * step, _mp_chart_decimals_for_step (step));
      double w;

      _mp_chart_text_size (c, t, MP_CHART_TEXT_SMALL, &w, NULL);
      left = MAX (left, w);
    }
  left = pad + left + 6;

  right = c->width - pad;
  if (has_rem)
    {
      double wmax = 0;

      /* The right axis shares the left axis's grid lines. */
      rstep = _mp_chart_nice_step (max_rem, n_steps);
      r_top = rstep * n_steps;
      for (int k = 0; k <= n_steps; k++)
        {
          g_autofree char *t = format_money_tick (k * rstep, r_top, rstep);
          double w;

          _mp_chart_text_size (c, t, MP_CHART_TEXT_SMALL, &w, NULL);
          wmax = MAX (wmax, w);
        }
      right = c->width - pad - wmax - 6;
    }

  plot_w = right - left;
  if (plot_w < 20)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the projection"));
      return;
    }
  band = plot_w / d->n_years;
  bar_w = MAX (2, round (band * 0.64));

  /* Axis titles */
  _mp_chart_draw_text (c, _("Person-years"), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                       pad, pad, 0, 0, NULL);
  if (has_rem)
    _mp_chart_draw_text (c, _("Remittances a year"), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                         c->width - pad, pad, 1, 0, NULL);

  /* Grid and tick labels */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int k = 0; k <= n_steps; k++)
    {
      double gy = round (bottom - k * step / y_top * plot_h) + 0.5;
      g_autofree char *t = mp_format_number (k * step, _mp_chart_decimals_for_step (step));

      gdk_cairo_set_source_rgba (cr, &c->pal->grid);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, right, gy);
      cairo_stroke (cr);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, left - 6, gy, 1, 0.5, NULL);

      if (has_rem)
        {
          g_autofree char *r = format_money_tick (k * rstep, r_top, rstep);

          _mp_chart_draw_text (c, r, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, right + 6, gy, 0, 0.5, NULL);
        }
    }
  cairo_restore (cr);

  /* Columns: segment edges on whole pixels; a hairline in the background
   * colour between segments keeps neighbours apart in grey print */
  for (int y = 0; y < d->n_years; y++)
    {
      double x = round (left + y * band + (band - bar_w) / 2);
      double cum = 0;
      double lower = round (bottom);

      _mp_chart_add_hit (c, left + y * band, top, band, plot_h, y, -1);

      for (int s = 0; s < d->n_series; s++)
        {
          double v = d->values[s * d->n_years + y];
          double upper;

          if (!(v > 0))
            continue;

          cum += v;
          upper = round (bottom - cum / y_top * plot_h);
          _mp_chart_fill_series (c, s, x, upper, bar_w, lower - upper);
          _mp_chart_add_hit (c, x, upper, bar_w, MAX (lower - upper, 1), y, s);

          if (lower < round (bottom))
            {
              cairo_save (cr);
              gdk_cairo_set_source_rgba (cr, &c->pal->bg);
              cairo_set_line_width (cr, 1);
              cairo_move_to (cr, x, lower - 0.5);
              cairo_line_to (cr, x + bar_w, lower - 0.5);
              cairo_stroke (cr);
              cairo_restore (cr);
            }

          lower = upper;
        }
    }

  /* Base line */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &c->pal->fg_dim);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, round (bottom) + 0.5);
  cairo_line_to (cr, right, round (bottom) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Year labels */
  every = label_every (band, year_w + 8);
  for (int y = 0; y < d->n_years; y++)
    {
      g_autofree char *t = NULL;

      if ((d->start_year + y) % every != 0 && every > 1)
        continue;
      t = g_strdup_printf ("%d", d->start_year + y);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                           left + (y + 0.5) * band, bottom + 4, 0.5, 0, NULL);
    }

  /* Remittances line, with a halo so it reads over the columns */
  if (has_rem)
    {
      cairo_save (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (int pass = 0; pass < 2; pass++)
        {
          cairo_new_path (cr);
          for (int y = 0; y < d->n_years; y++)
            {
              double px = left + (y + 0.5) * band;
              double py = bottom - d->remittances[y] / r_top * plot_h;

              cairo_line_to (cr, px, py);
            }
          gdk_cairo_set_source_rgba (cr, pass == 0 ? &c->pal->bg : &c->pal->fg);
          cairo_set_line_width (cr, pass == 0 ? 5 : 2);
          cairo_stroke (cr);
        }
      for (int y = 0; y < d->n_years; y++)
        {
          double px = left + (y + 0.5) * band;
          double py = bottom - d->remittances[y] / r_top * plot_h;
          double r = MAX (2.5, th * 0.22);

          /* Square markers: distinct from any column in shape as well */
          cairo_rectangle (cr, px - r, py - r, 2 * r, 2 * r);
          gdk_cairo_set_source_rgba (cr, &c->pal->bg);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &c->pal->fg);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  /* Legend */
  {
    double x = pad;
    double ly = c->height - pad - legend_h + 2;

    for (guint i = 0; i < legend->len; i++)
      {
        gboolean is_rem = i == (guint) d->n_series;
        double sw = is_rem ? swatch * 2.2 : swatch;
        double w;

        _mp_chart_text_size (c, legend->pdata[i], MP_CHART_TEXT_SMALL, &w, NULL);
        if (!is_rem)
          w = MIN (w, max_label_w);
        if (x + sw + 6 + w + 14 > c->width - pad && x > pad)
          {
            x = pad;
            ly += th + 4;
          }

        if (is_rem)
          {
            double my = ly + th / 2;
            double r = MAX (2.5, th * 0.22);

            cairo_save (cr);
            gdk_cairo_set_source_rgba (cr, &c->pal->fg);
            cairo_set_line_width (cr, 2);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            cairo_stroke (cr);
            cairo_rectangle (cr, x + sw / 2 - r, my - r, 2 * r, 2 * r);
            gdk_cairo_set_source_rgba (cr, &c->pal->bg);
            cairo_fill_preserve (cr);
            gdk_cairo_set_source_rgba (cr, &c->pal->fg);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
        else
          {
            double sy = round (ly + (th - swatch) / 2);

            _mp_chart_fill_series (c, i, x, sy, swatch, swatch);
            cairo_save (cr);
            gdk_cairo_set_source_rgba (cr, &c->pal->fg_dim);
            cairo_set_line_width (cr, 1);
            cairo_rectangle (cr, x + 0.5, sy + 0.5, swatch - 1, swatch - 1);
            cairo_stroke (cr);
            cairo_restore (cr);
          }

        {
          g_autoptr(PangoLayout) layout = _mp_chart_layout (c, legend->pdata[i], MP_CHART_TEXT_SMALL);

          /* the line's own entry is never shortened */
          if (!is_rem)
            {
              pango_layout_set_width (layout, (int) ceil (max_label_w) * PANGO_SCALE);
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          _mp_chart_draw_layout (c, layout, 0, x + sw + 6, ly);
        }
        x += sw + 6 + w + 14;
      }
  }
}

static char *
mp_projection_chart_dup_tooltip (MpChart          *chart,
                                 const MpChartHit *hit)
{
  const ProjectionData *d = &MP_PROJECTION_CHART (chart)->data;
  GString *text = g_string_new (NULL);
  int year = d->start_year + hit->index;
  g_autofree char *total = format_person_years (year_total (d, hit->index));

  if (hit->sub >= 0)
    {
      g_autofree char *value = format_person_years (d->values[hit->sub * d->n_years + hit->index]);

      /* Translators: tooltip of a column segment: year · sector: value */
      g_string_append_printf (text, _("%d · %s: %s person-years"), year, d->labels[hit->sub], value);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("All sectors: %s person-years"), total);
    }
  else
    {
      g_string_append_printf (text, "%d\n", year);
      g_string_append_printf (text, _("All sectors: %s person-years"), total);
    }

  if (d->remittances != NULL)
    {
      g_autofree char *rem = mp_format_money (d->remittances[hit->index]);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Remittances: %s"), rem);
    }

  return g_string_free (text, FALSE);
}

static char *
mp_projection_chart_dup_label (MpChart *chart)
{
  return g_strdup (_("Projected person-years by sector"));
}

static char *
mp_projection_chart_dup_description (MpChart *chart)
{
  MpProjectionChart *self = MP_PROJECTION_CHART (chart);
  const ProjectionData *d = &self->data;
  GString *desc = g_string_new (NULL);
  double peak = -1;
  int peak_year = 0;

  for (int y = 0; y < d->n_years; y++)
    {
      double t = year_total (d, y);

      if (t > peak)
        {
          peak = t;
          peak_year = d->start_year + y;
        }
    }

  if (d->n_years == 0 || d->n_series == 0 || !(peak > 0))
    {
      g_string_append (desc, d->empty_text != NULL ? d->empty_text : _("No schemes in this package"));
    }
  else
    {
      g_autofree char *peak_text = format_person_years (peak);

      g_string_append_printf (desc, _("Person-years by sector, %d to %d."),
                              d->start_year, d->start_year + d->n_years - 1);
      g_string_append_c (desc, ' ');
      g_string_append_printf (desc, _("The total peaks at %s person-years in %d."), peak_text, peak_year);

      for (int s = 0; s < d->n_series; s++)
        {
          g_autofree char *sum = format_person_years (series_total (d, s));

          g_string_append_c (desc, ' ');
          g_string_append_printf (desc, _("%s: %s person-years over the horizon."), d->labels[s], sum);
        }

      if (d->remittances != NULL)
        {
          double max_rem = 0;
          int max_year = d->start_year;

          for (int y = 0; y < d->n_years; y++)
            {
              if (d->remittances[y] > max_rem)
                {
                  max_rem = d->remittances[y];
                  max_year = d->start_year + y;
                }
            }
          if (max_rem > 0)
            {
              g_autofree char *rem = mp_format_money (max_rem);

              g_string_append_c (desc, ' ');
              g_string_append_printf (desc, _("Remittances reach %s a year in %d."), rem, max_year);
            }
        }
    }

  return g_string_free (desc, FALSE);
}

static void
data_changed (MpProjectionChart *self)
{
  _mp_chart_changed (MP_CHART (self));
}

static void
mp_projection_chart_finalize (GObject *object)
{
  MpProjectionChart *self = MP_PROJECTION_CHART (object);

  projection_data_clear (&self->data);

  G_OBJECT_CLASS (mp_projection_chart_parent_class)->finalize (object);
}

static void
mp_projection_chart_class_init (MpProjectionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_projection_chart_finalize;


  chart_class->min_width = 320;
  chart_class->natural_width = 560;
  chart_class->min_height = 220;
  chart_class->natural_height = 300;
  chart_class->render = mp_projection_chart_render;
  chart_class->dup_tooltip = mp_projection_chart_dup_tooltip;
  chart_class->dup_label = mp_projection_chart_dup_label;
  chart_class->dup_description = mp_projection_chart_dup_description;

  gtk_widget_class_set_css_name (widget_class, "projectionchart");
}

static void
mp_projection_chart_init (MpProjectionChart *self)
{
}

/**
 * mp_projection_chart_new:
 *
 * Returns: (transfer floating): a new, empty projection chart
 */
GtkWidget *
mp_projection_chart_new (void)
{
  return g_object_new (MP_TYPE_PROJECTION_CHART, NULL);
}

typedef struct
{
  int    index;
  double total;
} SectorOrder;

static int
compare_sector_order (gconstpointer a,
                      gconstpointer b)
{
  const SectorOrder *sa = a;
  const SectorOrder *sb = b;

  if (sa->total != sb->total)
    return sa->total < sb->total ? 1 : -1;
  return sa->index - sb->index;
}

/**
 * mp_projection_chart_set_evaluation:
 * @self: a chart
 * @eval: (nullable): the evaluation to show; its data is copied
 * @reference: (nullable): used for the sectors' names (codes otherwise)
 *
 * Shows the person-years by sector (largest sector at the bottom; beyond
 * seven sectors the smallest are summed as "Other sectors") and the total
 * remittances of each year.
 */
void
mp_projection_chart_set_evaluation (MpProjectionChart  *self,
                                    const MpEvaluation *eval,
                                    const MpReference  *reference)
{
  ProjectionData *d;
  g_autoptr(GArray) order = NULL;
  int n_shown;
  gboolean other;

  g_return_if_fail (MP_IS_PROJECTION_CHART (self));

  d = &self->data;
  projection_data_clear (d);

  if (eval == NULL || eval->n_schemes == 0 || eval->n_years <= 0)
    {
      data_changed (self);
      return;
    }

  order = g_array_new (FALSE, FALSE, sizeof (SectorOrder));
  for (int s = 0; s < eval->n_sectors; s++)
    {
      SectorOrder so = { s, 0 };

      for (int y = 0; y < eval->n_years; y++)
        so.total += eval->by_sector[s * eval->n_years + y].person_years;
      if (so.total > 0)
        g_array_append_val (order, so);
    }
  g_array_sort (order, compare_sector_order);

  d->start_year = eval->start_year;
  d->n_years = eval->n_years;

  other = order->len > MP_CHART_N_SERIES;
  n_shown = other ? MP_CHART_N_SERIES - 1 : (int) order->len;
  d->n_series = n_shown + (other ? 1 : 0);
  d->labels = g_new0 (char *, d->n_series + 1);
  d->values = g_new0 (double, (gsize) d->n_series * d->n_years);

  for (guint i = 0; i < order->len; i++)
    {
      const SectorOrder *so = &g_array_index (order, SectorOrder, i);
      int row = MIN ((int) i, n_shown);

      if ((int) i < n_shown)
        {
          const char *code = eval->sector_codes[so->index];
          const MpSector *sector = reference != NULL ? mp_reference_find_sector (reference, code) : NULL;

          d->labels[row] = g_strdup (sector != NULL && sector->name != NULL ? sector->name : code);
        }

      for (int y = 0; y < d->n_years; y++)
        d->values[row * d->n_years + y] += eval->by_sector[so->index * eval->n_years + y].person_years;
    }
  if (other)
    d->labels[n_shown] = g_strdup (_("Other sectors"));

  d->remittances = g_new0 (double, d->n_years);
  for (int y = 0; y < d->n_years; y++)
    d->remittances[y] = eval->total[y].remittances;

  if (order->len == 0)
    d->empty_text = g_strdup (_("No one from this package is in the Netherlands within the horizon"));

  data_changed (self);
}

/**
 * mp_projection_chart_set_data:
 * @self: a chart
 * @start_year: the first calendar year
 * @n_years: the number of years
 * @n_series: the number of stacked series
 * @labels: (array length=n_series): the series' names
 * @person_years: (array): [n_series * n_years] values, row-major by series
 * @remittances: (nullable) (array): [n_years] € a year, or %NULL for no line
 *
 * Shows arbitrary stacked series; the data is copied.
 */
void
mp_projection_chart_set_data (MpProjectionChart  *self,
                              int                 start_year,
                              int                 n_years,
                              int                 n_series,
                              const char * const *labels,
                              const double       *person_years,
                              const double       *remittances)
{
  ProjectionData *d;

  g_return_if_fail (MP_IS_PROJECTION_CHART (self));
  g_return_if_fail (n_years >= 0 && n_series >= 0);
  g_return_if_fail (n_series == 0 || (labels != NULL && person_years != NULL));

  d = &self->data;
  projection_data_clear (d);

  d->start_year = start_year;
  d->n_years = n_years;
  d->n_series = n_series;
  d->labels = g_new0 (char *, n_series + 1);
  for (int s = 0; s < n_series; s++)
    d->labels[s] = g_strdup (labels[s]);
  d->values = g_memdup2 (person_years, sizeof (double) * n_series * n_years);
  if (remittances != NULL && n_years > 0)
    d->remittances = g_memdup2 (remittances, sizeof (double) * n_years);

  data_changed (self);
}
