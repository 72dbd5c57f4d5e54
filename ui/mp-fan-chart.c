/* mp-fan-chart.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-fan-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-chart-private.h"
#include "mp-fan-chart.h"
#include "mp-format.h"

/* The Monte Carlo range of an output over the years (models/README.md,
 * “Uncertainty”): the P10–P90 band, the median line and, optionally, the
 * deterministic line. */

typedef struct
{
  int           start_year;
  int           n_years;
  MpQuantiles  *q;               /* [n_years], NULL before the analysis */
  double       *deterministic;   /* [n_years], or NULL */
  gboolean      show_deterministic;
  char         *value_label;
  guint         draws;           /* 0: not known */
  guint64       seed;
} FanData;

struct _MpFanChart
{
  MpChart  parent_instance;

  FanData  data;
};

G_DEFINE_FINAL_TYPE (MpFanChart, mp_fan_chart, MP_TYPE_CHART)

enum {
  PROP_0,
  PROP_SHOW_DETERMINISTIC,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fan_data_clear (FanData *d)
{
  g_clear_pointer (&d->q, g_free);
  g_clear_pointer (&d->deterministic, g_free);
  g_clear_pointer (&d->value_label, g_free);
  d->n_years = 0;
  d->draws = 0;
  d->seed = 0;
}

static char *
format_value (double value)
{
  return mp_format_number (value, fabs (value) < 10 && value != round (value) ? 1 : 0);
}

static gboolean
has_det (const FanData *d)
{
  return d->show_deterministic && d->deterministic != NULL;
}

static void
draw_series_line (cairo_t      *cr,
                  const double *xs,
                  const double *ys,
                  int           n)
{
  cairo_new_path (cr);
  for (int i = 0; i < n; i++)
    cairo_line_to (cr, xs[i], ys[i]);
}

static void
mp_fan_chart_render (MpChart       *chart,
                     MpChartCanvas *c)
{
  const FanData *d = &MP_FAN_CHART (chart)->data;
  cairo_t *cr = c->cr;
  const double pad = 8;
  double th, year_w, end_w, legend_h, top, bottom, left, right, plot_w, plot_h, band;
  double max_v = 0, step, y_top;
  int n_steps, every;
  g_autofree double *xs = NULL;
  g_autofree double *y10 = NULL;
  g_autofree double *y50 = NULL;
  g_autofree double *y90 = NULL;
  g_autofree double *ydet = NULL;
  const char *legend[3];
  int n_legend = 0;

  if (d->q == NULL || d->n_years == 0)
    {
      _mp_chart_draw_empty (c, _("Run the uncertainty analysis to see ranges"));
      return;
    }

  for (int y = 0; y < d->n_years; y++)
    {
      max_v = MAX (max_v, d->q[y].p90);
      max_v = MAX (max_v, d->q[y].p50);
      if (has_det (d))
        max_v = MAX (max_v, d->deterministic[y]);
    }
  if (!(max_v > 0))
    max_v = 1;

  _mp_chart_text_size (c, "0123456789", MP_CHART_TEXT_SMALL, NULL, &th);
  _mp_chart_text_size (c, "2036", MP_CHART_TEXT_SMALL, &year_w, NULL);
  _mp_chart_text_size (c, "P90", MP_CHART_TEXT_SMALL, &end_w, NULL);

  legend[n_legend++] = _("P10–P90 range");
  legend[n_legend++] = _("Median (P50)");
  if (has_det (d))
    legend[n_legend++] = _("Deterministic");
  /* The legend wraps on narrow charts */
  {
    double x = pad, sw = round (th * 1.6);
    int rows = 1;

    for (int i = 0; i < n_legend; i++)
      {
        double w;

        _mp_chart_text_size (c, legend[i], MP_CHART_TEXT_SMALL, &w, NULL);
        if (x + sw + 6 + w > c->width - pad && x > pad)
          {
            rows++;
            x = pad;
          }
        x += sw + 6 + w + 16;
      }
    legend_h = rows * (th + 4);
  }

  top = pad + th + 6 + th / 2;
  bottom = c->height - pad - legend_h - 8 - th - 4;
  plot_h = bottom - top;

  n_steps = CLAMP ((int) (plot_h / (th * 2.4)), 2, 8);
  step = _mp_chart_nice_step (max_v, n_steps);
  n_steps = (int) ceil (max_v / step - 1e-9);
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
  /* Room for the names of the lines after the last point, which sits half
   * a band before the end of the plot */
  right = c->width - pad - (end_w + 6);
  band = (right - left) / d->n_years;
  right = c->width - pad - MAX (0, end_w + 6 - band / 2);
  plot_w = right - left;

  if (plot_h < 20 || plot_w < 40)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the range"));
      return;
    }
  band = plot_w / d->n_years;

  /* Title and the provenance of the draws, so a brief can cite them */
  _mp_chart_draw_text (c, d->value_label != NULL ? d->value_label : _("Person-years"),
                       MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD, pad, pad, 0, 0, NULL);
  if (d->draws > 0)
    {
      g_autofree char *n = mp_format_number (d->draws, 0);
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, d->seed);
      g_autofree char *caption = NULL;

      /* Translators: caption of the fan chart; the first %s is the number
       * of Monte Carlo draws, the second the random seed */
      caption = g_strdup_printf (_("%s draws · seed %s"), n, seed);
      _mp_chart_draw_text (c, caption, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                           c->width - pad, pad, 1, 0, NULL);
    }

  /* Grid */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int k = 0; k <= n_steps; k++)
    {
      double gy = round (bottom - k * step / y_top * plot_h) + 0.5;
      g_autofree char *t = mp_format_number (k * step, _mp_chart_decimals_for_step (step));

      gdk_cairo_set_source_rgba (cr, k == 0 ? &c->pal->fg_dim : &c->pal->grid);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, right, gy);
      cairo_stroke (cr);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, left - 6, gy, 1, 0.5, NULL);
    }
  cairo_restore (cr);

  xs = g_new (double, d->n_years);
  y10 = g_new (double, d->n_years);
  y50 = g_new (double, d->n_years);
  y90 = g_new (double, d->n_years);
  ydet = g_new (double, d->n_years);
  for (int y = 0; y < d->n_years; y++)
    {
      xs[y] = left + (y + 0.5) * band;
      y10[y] = bottom - MAX (0, d->q[y].p10) / y_top * plot_h;
      y50[y] = bottom - MAX (0, d->q[y].p50) / y_top * plot_h;
      y90[y] = bottom - MAX (0, d->q[y].p90) / y_top * plot_h;
      ydet[y] = has_det (d) ? bottom - MAX (0, d->deterministic[y]) / y_top * plot_h : 0;
      _mp_chart_add_hit (c, left + y * band, top, band, plot_h, y, 0);
    }

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Band: P90 forwards, P10 backwards */
  cairo_new_path (cr);
  for (int y = 0; y < d->n_years; y++)
    cairo_line_to (cr, xs[y], y90[y]);
  for (int y = d->n_years - 1; y >= 0; y--)
    cairo_line_to (cr, xs[y], y10[y]);
  cairo_close_path (cr);
  {
    GdkRGBA fill = c->pal->series[4];

    fill.alpha = 0.38;
    gdk_cairo_set_source_rgba (cr, &fill);
    cairo_fill (cr);
  }

  /* Band edges, thin, so the range reads without colour */
  gdk_cairo_set_source_rgba (cr, &c->pal->series[0]);
  cairo_set_line_width (cr, 1);
  draw_series_line (cr, xs, y90, d->n_years);
  cairo_stroke (cr);
  draw_series_line (cr, xs, y10, d->n_years);
  cairo_stroke (cr);

  /* Median */
  cairo_set_line_width (cr, 2.5);
  draw_series_line (cr, xs, y50, d->n_years);
  cairo_stroke (cr);

  /* Deterministic, dashed in the text colour */
  if (has_det (d))
    {
      static const double dash[] = { 5, 3 };

      gdk_cairo_set_source_rgba (cr, &c->pal->fg);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      draw_series_line (cr, xs, ydet, d->n_years);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_restore (cr);

  /* Names of the lines at their right ends */
  {
    int last = d->n_years - 1;
    double ly90 = y90[last], ly50 = y50[last], ly10 = y10[last];
    double lx = xs[last] + 6;

    /* keep the three labels apart, and above the axis */
    if (ly50 - ly90 < th)
      ly90 = ly50 - th;
    if (ly10 - ly50 < th)
      ly10 = ly50 + th;
    if (ly10 > bottom - th / 2)
      {
        double shift = ly10 - (bottom - th / 2);

        ly10 -= shift;
        ly50 -= shift;
        ly90 -= shift;
      }

    _mp_chart_draw_text (c, "P90", MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, lx, ly90, 0, 0.5, NULL);
    _mp_chart_draw_text (c, "P50", MP_CHART_TEXT_SMALL, lx, ly50, 0, 0.5, NULL);
    _mp_chart_draw_text (c, "P10", MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, lx, ly10, 0, 0.5, NULL);
  }

  /* Year labels */
  every = 1;
  while (band * every < year_w + 8 && every < 100)
    every = every == 1 ? 2 : (every == 2 ? 5 : every * 2);
  for (int y = 0; y < d->n_years; y++)
    {
      g_autofree char *t = NULL;

      if (every > 1 && (d->start_year + y) % every != 0)
        continue;
      t = g_strdup_printf ("%d", d->start_year + y);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, xs[y], bottom + 4, 0.5, 0, NULL);
    }

  /* Legend */
  {
    double x = pad;
    double ly = c->height - pad - legend_h + 2;
    double sw = round (th * 1.6);
    double my = ly + th / 2;

    for (int i = 0; i < n_legend; i++)
      {
        double w;

        _mp_chart_text_size (c, legend[i], MP_CHART_TEXT_SMALL, &w, NULL);
        if (x + sw + 6 + w > c->width - pad && x > pad)
          {
            x = pad;
            ly += th + 4;
            my = ly + th / 2;
          }
        cairo_save (cr);
        if (i == 0)
          {
            GdkRGBA fill = c->pal->series[4];

            fill.alpha = 0.38;
            cairo_rectangle (cr, x, my - th * 0.35, sw, th * 0.7);
            gdk_cairo_set_source_rgba (cr, &fill);
            cairo_fill_preserve (cr);
            gdk_cairo_set_source_rgba (cr, &c->pal->series[0]);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
        else if (i == 1)
          {
            gdk_cairo_set_source_rgba (cr, &c->pal->series[0]);
            cairo_set_line_width (cr, 2.5);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            cairo_stroke (cr);
          }
        else
          {
            static const double dash[] = { 5, 3 };

            gdk_cairo_set_source_rgba (cr, &c->pal->fg);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            cairo_stroke (cr);
          }
        cairo_restore (cr);

        _mp_chart_draw_text (c, legend[i], MP_CHART_TEXT_SMALL, x + sw + 6, ly, 0, 0, NULL);
        x += sw + 6 + w + 16;
      }
  }
}

static char *
mp_fan_chart_dup_tooltip (MpChart          *chart,
                          const MpChartHit *hit)
{
  const FanData *d = &MP_FAN_CHART (chart)->data;
  const MpQuantiles *q = &d->q[hit->index];
  g_autofree char *p10 = format_value (q->p10);
  g_autofree char *p50 = format_value (q->p50);
  g_autofree char *p90 = format_value (q->p90);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%d\n", d->start_year + hit->index);
  g_string_append_printf (text, _("P90: %s"), p90);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Median (P50): %s"), p50);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("P10: %s"), p10);

  if (has_det (d))
    {
      g_autofree char *det = format_value (d->deterministic[hit->index]);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Deterministic: %s"), det);
    }

  return g_string_free (text, FALSE);
}

static const char *
value_label (const FanData *d)
{
  return d->value_label != NULL ? d->value_label : _("Person-years");
}

static char *
mp_fan_chart_dup_label (MpChart *chart)
{
  /* Translators: accessible name of the fan chart, e.g. "Person-years: P10 to P90 range" */
  return g_strdup_printf (_("%s: P10 to P90 range"), value_label (&MP_FAN_CHART (chart)->data));
}

static char *
mp_fan_chart_dup_description (MpChart *chart)
{
  const FanData *d = &MP_FAN_CHART (chart)->data;
  const char *what = value_label (d);
  GString *desc = g_string_new (NULL);

  if (d->q == NULL || d->n_years == 0)
    {
      g_string_append (desc, _("Run the uncertainty analysis to see ranges"));
    }
  else
    {
      int peak = 0;
      g_autofree char *p10 = NULL;
      g_autofree char *p50 = NULL;
      g_autofree char *p90 = NULL;

      for (int y = 1; y < d->n_years; y++)
        if (d->q[y].p50 > d->q[peak].p50)
          peak = y;

      p10 = format_value (d->q[peak].p10);
      p50 = format_value (d->q[peak].p50);
      p90 = format_value (d->q[peak].p90);

      g_string_append_printf (desc, _("%s from %d to %d, P10 to P90 range and median."),
                              what, d->start_year, d->start_year + d->n_years - 1);
      g_string_append_c (desc, ' ');
      g_string_append_printf (desc, _("The median peaks in %d at %s, with a range from %s to %s."),
                              d->start_year + peak, p50, p10, p90);
      if (d->draws > 0)
        {
          g_autofree char *n = mp_format_number (d->draws, 0);
          g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, d->seed);

          g_string_append_c (desc, ' ');
          g_string_append_printf (desc, _("%s draws, seed %s."), n, seed);
        }
    }

  return g_string_free (desc, FALSE);
}

static void
mp_fan_chart_finalize (GObject *object)
{
  MpFanChart *self = MP_FAN_CHART (object);

  fan_data_clear (&self->data);

  G_OBJECT_CLASS (mp_fan_chart_parent_class)->finalize (object);
}

static void
mp_fan_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MpFanChart *self = MP_FAN_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETERMINISTIC:
      g_value_set_boolean (value, self->data.show_deterministic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_fan_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MpFanChart *self = MP_FAN_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETERMINISTIC:
      mp_fan_chart_set_show_deterministic (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_fan_chart_class_init (MpFanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_fan_chart_finalize;
  object_class->get_property = mp_fan_chart_get_property;
  object_class->set_property = mp_fan_chart_set_property;

  chart_class->min_width = 300;
  chart_class->natural_width = 520;
  chart_class->min_height = 200;
  chart_class->natural_height = 280;
  chart_class->render = mp_fan_chart_render;
  chart_class->dup_tooltip = mp_fan_chart_dup_tooltip;
  chart_class->dup_label = mp_fan_chart_dup_label;
  chart_class->dup_description = mp_fan_chart_dup_description;

  /**
   * MpFanChart:show-deterministic:
   *
   * Whether the deterministic projection is drawn as a dashed line.
   */
  properties [PROP_SHOW_DETERMINISTIC] =
    g_param_spec_boolean ("show-deterministic", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fanchart");
}

static void
mp_fan_chart_init (MpFanChart *self)
{
  self->data.show_deterministic = TRUE;
}

/**
 * mp_fan_chart_new:
 *
 * Returns: (transfer floating): a new, empty fan chart
 */
GtkWidget *
mp_fan_chart_new (void)
{
  return g_object_new (MP_TYPE_FAN_CHART, NULL);
}

/**
 * mp_fan_chart_set_evaluation:
 * @self: a fan chart
 * @eval: (nullable): an evaluation; its data is copied
 *
 * Shows the person-years of each year: P10–P90 and median from the
 * uncertainty analysis, and the deterministic projection.  Before
 * mp_evaluation_run_uncertainty() has filled @eval, the chart asks for it.
 */
void
mp_fan_chart_set_evaluation (MpFanChart         *self,
                             const MpEvaluation *eval)
{
  g_autofree double *det = NULL;

  g_return_if_fail (MP_IS_FAN_CHART (self));

  if (eval == NULL || !eval->has_uncertainty || eval->person_years_by_year == NULL)
    {
      fan_data_clear (&self->data);
      _mp_chart_changed (MP_CHART (self));
      return;
    }

  det = g_new (double, MAX (1, eval->n_years));
  for (int y = 0; y < eval->n_years; y++)
    det[y] = eval->total[y].person_years;

  mp_fan_chart_set_data (self, eval->start_year, eval->n_years,
                         eval->person_years_by_year, det, _("Person-years"));
  self->data.draws = eval->draws;
  self->data.seed = eval->seed;
  _mp_chart_changed (MP_CHART (self));
}

/**
 * mp_fan_chart_set_data:
 * @self: a fan chart
 * @start_year: the first calendar year
 * @n_years: the number of years
 * @quantiles: (array length=n_years) (nullable): the quantiles of each year;
 *   %NULL shows the "run the analysis" state
 * @deterministic: (array length=n_years) (nullable): the deterministic values
 * @value_label: (nullable): what is shown, e.g. "Person-years"
 *
 * Shows any output over the years; the data is copied.
 */
void
mp_fan_chart_set_data (MpFanChart        *self,
                       int                start_year,
                       int                n_years,
                       const MpQuantiles *quantiles,
                       const double      *deterministic,
                       const char        *value_label)
{
  FanData *d;

  g_return_if_fail (MP_IS_FAN_CHART (self));
  g_return_if_fail (n_years >= 0);

  d = &self->data;
  fan_data_clear (d);

  d->start_year = start_year;
  if (quantiles != NULL && n_years > 0)
    {
      d->n_years = n_years;
      d->q = g_memdup2 (quantiles, sizeof (MpQuantiles) * n_years);
      if (deterministic != NULL)
        d->deterministic = g_memdup2 (deterministic, sizeof (double) * n_years);
    }
  d->value_label = g_strdup (value_label);

  _mp_chart_changed (MP_CHART (self));
}

/**
 * mp_fan_chart_set_show_deterministic:
 * @self: a fan chart
 * @show: whether to draw the deterministic projection
 *
 * Sets #MpFanChart:show-deterministic.
 */
void
mp_fan_chart_set_show_deterministic (MpFanChart *self,
                                     gboolean    show)
{
  g_return_if_fail (MP_IS_FAN_CHART (self));

  show = !!show;
  if (self->data.show_deterministic == show)
    return;

  self->data.show_deterministic = show;
  _mp_chart_changed (MP_CHART (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_DETERMINISTIC]);
}

/**
 * mp_fan_chart_get_show_deterministic:
 * @self: a fan chart
 *
 * Returns: whether the deterministic projection is drawn
 */
gboolean
mp_fan_chart_get_show_deterministic (MpFanChart *self)
{
  g_return_val_if_fail (MP_IS_FAN_CHART (self), FALSE);

  return self->data.show_deterministic;
}
