/* mp-tornado-chart.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-tornado-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-assumptions.h"
#include "mp-chart-private.h"
#include "mp-format.h"
#include "mp-tornado-chart.h"

/* One-at-a-time swings (models/README.md, “Uncertainty”): for each
 * uncertain assumption, the output with the assumption at its low and at
 * its high, the others at their mode.  The widest swing is on top. */

typedef struct
{
  char   *key;
  char   *label;
  double  low_value;
  double  high_value;
  double  base;
} TornadoRow;

typedef struct
{
  GArray *rows;          /* TornadoRow, sorted by swing, widest first */
  char   *output_label;  /* e.g. "Partner fit" */
  gboolean ran;          /* FALSE before the uncertainty analysis */
} TornadoData;

struct _MpTornadoChart
{
  MpChart      parent_instance;

  TornadoData  data;
};

G_DEFINE_FINAL_TYPE (MpTornadoChart, mp_tornado_chart, MP_TYPE_CHART)

static void
tornado_row_clear (gpointer p)
{
  TornadoRow *row = p;

  g_clear_pointer (&row->key, g_free);
  g_clear_pointer (&row->label, g_free);
}

static double
row_swing (const TornadoRow *row)
{
  return fabs (row->high_value - row->low_value);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  double sa = row_swing (a);
  double sb = row_swing (b);

  if (sa != sb)
    return sa < sb ? 1 : -1;
  return g_strcmp0 (((const TornadoRow *) a)->key, ((const TornadoRow *) b)->key);
}

static const char *
output_label (const TornadoData *d)
{
  return d->output_label != NULL ? d->output_label : _("Partner fit");
}

static void
mp_tornado_chart_render (MpChart       *chart,
                         MpChartCanvas *c)
{
  const TornadoData *d = &MP_TORNADO_CHART (chart)->data;
  cairo_t *cr = c->cr;
  const double pad = 8;
  double th, row_h, label_w = 0, value_w, left, right, top, bottom, plot_w;
  double vmin, vmax, base, step, axis_min, axis_max;
  guint n_rows, n_fit;
  g_autofree char *base_text = NULL;
  g_autofree char *title = NULL;

  n_rows = d->rows != NULL ? d->rows->len : 0;
  if (!d->ran || n_rows == 0)
    {
      _mp_chart_draw_empty (c, d->ran ? _("No assumption with a range moves this output")
                                      : _("Run the uncertainty analysis to see ranges"));
      return;
    }

  _mp_chart_text_size (c, "0123456789", MP_CHART_TEXT_SMALL, NULL, &th);
  _mp_chart_text_size (c, "100.0", MP_CHART_TEXT_SMALL, &value_w, NULL);
  row_h = round (th * 1.9);

  top = pad + th + 6 + th + 8;
  /* below the rows: the tick labels, and the "more" line when needed */
  n_fit = (guint) MAX (1, floor ((c->height - pad - (th + 4) - top) / row_h));
  if (n_fit < n_rows)
    {
      n_fit = (guint) MAX (1, floor ((c->height - pad - 2 * (th + 4) - top) / row_h));
      n_rows = MIN (n_rows, n_fit);
    }
  else
    {
      /* Few rows: use the height, up to bars of a comfortable thickness */
      row_h = floor (CLAMP ((c->height - pad - (th + 4) - top) / n_rows, row_h, th * 3));
    }
  bottom = top + n_rows * row_h;

  base = g_array_index (d->rows, TornadoRow, 0).base;
  vmin = vmax = base;
  for (guint i = 0; i < n_rows; i++)
    {
      const TornadoRow *row = &g_array_index (d->rows, TornadoRow, i);
      double w;

      vmin = MIN (vmin, MIN (row->low_value, row->high_value));
      vmax = MAX (vmax, MAX (row->low_value, row->high_value));
      _mp_chart_text_size (c, row->label, MP_CHART_TEXT_SMALL, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, c->width * 0.38);

  left = pad + label_w + 10 + value_w + 4;
  right = c->width - pad - value_w - 4;
  plot_w = right - left;
  if (plot_w < 40 || bottom - top < row_h)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the swings"));
      return;
    }

  step = _mp_chart_nice_step (MAX (vmax - vmin, 1e-6), CLAMP ((int) (plot_w / 70), 2, 8));
  axis_min = floor (vmin / step) * step;
  axis_max = ceil (vmax / step) * step;
  if (axis_max - axis_min < step)
    axis_max = axis_min + step;

#define X_OF(v) (left + ((v) - axis_min) / (axis_max - axis_min) * plot_w)

  /* Title: the output and its base value */
  base_text = mp_format_number (base, 1);
  /* Translators: tornado chart title, e.g. "Partner fit (base 68.0)" */
  title = g_strdup_printf (_("%s (base %s)"), output_label (d), base_text);
  _mp_chart_draw_text (c, title, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD, pad, pad, 0, 0, NULL);

  /* Legend, under the title */
  {
    double x = pad;
    double ly = pad + th + 6;
    double sw = round (th * 0.8);
    const char *names[2] = { _("Assumption at its low"), _("Assumption at its high") };

    for (int i = 0; i < 2; i++)
      {
        double w;

        _mp_chart_fill_series (c, i, x, round (ly + (th - sw) / 2), sw, sw);
        _mp_chart_draw_text (c, names[i], MP_CHART_TEXT_SMALL, x + sw + 6, ly, 0, 0, NULL);
        _mp_chart_text_size (c, names[i], MP_CHART_TEXT_SMALL, &w, NULL);
        x += sw + 6 + w + 16;
      }
  }

  /* Grid and ticks */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = axis_min; v <= axis_max + step / 2; v += step)
    {
      double gx = round (X_OF (v)) + 0.5;
      g_autofree char *t = mp_format_number (v, _mp_chart_decimals_for_step (step));

      gdk_cairo_set_source_rgba (cr, &c->pal->grid);
      cairo_move_to (cr, gx, top);
      cairo_line_to (cr, gx, bottom);
      cairo_stroke (cr);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, gx, bottom + 4, 0.5, 0, NULL);
    }
  cairo_restore (cr);

  /* Rows */
  for (guint i = 0; i < n_rows; i++)
    {
      const TornadoRow *row = &g_array_index (d->rows, TornadoRow, i);
      double y = top + i * row_h;
      double bh = round (row_h * 0.62);
      double by = round (y + (row_h - bh) / 2);
      double xb = X_OF (row->base);
      double xl = X_OF (row->low_value);
      double xh = X_OF (row->high_value);
      g_autoptr(PangoLayout) layout = _mp_chart_layout (c, row->label, MP_CHART_TEXT_SMALL);
      int lw, lh;

      pango_layout_set_width (layout, (int) label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      _mp_chart_draw_layout (c, layout, MP_CHART_TEXT_SMALL, pad + label_w - lw, round (y + (row_h - lh) / 2));

      _mp_chart_fill_series (c, 0, MIN (xb, xl), by, fabs (xl - xb), bh);
      _mp_chart_fill_series (c, 1, MIN (xb, xh), by, fabs (xh - xb), bh);

      /* the values at the ends, outside the bars */
      {
        g_autofree char *lo = mp_format_number (row->low_value, 1);
        g_autofree char *hi = mp_format_number (row->high_value, 1);
        double cy = y + row_h / 2;
        gboolean low_left = row->low_value <= row->high_value;

        _mp_chart_draw_text (c, lo, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                             low_left ? MIN (xl, xb) - 4 : MAX (xl, xb) + 4, cy, low_left ? 1 : 0, 0.5, NULL);
        _mp_chart_draw_text (c, hi, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                             low_left ? MAX (xh, xb) + 4 : MIN (xh, xb) - 4, cy, low_left ? 0 : 1, 0.5, NULL);
      }

      _mp_chart_add_hit (c, pad, y, c->width - 2 * pad, row_h, (int) i, 0);
    }

  /* The base line over the bars */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &c->pal->fg);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, round (X_OF (base)) + 0.5, top - 4);
  cairo_line_to (cr, round (X_OF (base)) + 0.5, bottom + 2);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (n_rows < d->rows->len)
    {
      guint more = d->rows->len - n_rows;
      g_autofree char *text = g_strdup_printf (ngettext ("%u smaller swing not shown",
                                                         "%u smaller swings not shown", more),
                                               more);

      _mp_chart_draw_text (c, text, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                           c->width - pad, c->height - pad, 1, 1, NULL);
    }

#undef X_OF
}

static char *
mp_tornado_chart_dup_tooltip (MpChart          *chart,
                              const MpChartHit *hit)
{
  const TornadoData *d = &MP_TORNADO_CHART (chart)->data;
  const TornadoRow *row = &g_array_index (d->rows, TornadoRow, hit->index);
  g_autofree char *lo = mp_format_number (row->low_value, 1);
  g_autofree char *hi = mp_format_number (row->high_value, 1);
  g_autofree char *base = mp_format_number (row->base, 1);
  g_autofree char *dlo = mp_format_signed_number (row->low_value - row->base, 1);
  g_autofree char *dhi = mp_format_signed_number (row->high_value - row->base, 1);
  GString *text = g_string_new (row->label);

  g_string_append_c (text, '\n');
  /* Translators: tornado tooltip; the output with the assumption at its
   * low, and the change from the base, e.g. "At its low: 62.1 (-5.9)" */
  g_string_append_printf (text, _("At its low: %s (%s)"), lo, dlo);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("At its high: %s (%s)"), hi, dhi);
  g_string_append_c (text, '\n');
  /* Translators: e.g. "Partner fit at the base: 68.0" */
  g_string_append_printf (text, _("%s at the base: %s"), output_label (d), base);

  return g_string_free (text, FALSE);
}

static char *
mp_tornado_chart_dup_label (MpChart *chart)
{
  /* Translators: accessible name of the tornado chart, e.g. "Partner fit: swings by assumption" */
  return g_strdup_printf (_("%s: swings by assumption"), output_label (&MP_TORNADO_CHART (chart)->data));
}

static char *
mp_tornado_chart_dup_description (MpChart *chart)
{
  const TornadoData *d = &MP_TORNADO_CHART (chart)->data;
  GString *desc = g_string_new (NULL);

  if (!d->ran || d->rows->len == 0)
    {
      g_string_append (desc, d->ran ? _("No assumption with a range moves this output")
                                    : _("Run the uncertainty analysis to see ranges"));
    }
  else
    {
      g_autofree char *base = mp_format_number (g_array_index (d->rows, TornadoRow, 0).base, 1);

      g_string_append_printf (desc, _("%s is %s with every assumption at its mode."), output_label (d), base);
      for (guint i = 0; i < d->rows->len; i++)
        {
          const TornadoRow *row = &g_array_index (d->rows, TornadoRow, i);
          g_autofree char *lo = mp_format_number (row->low_value, 1);
          g_autofree char *hi = mp_format_number (row->high_value, 1);

          g_string_append_c (desc, ' ');
          g_string_append_printf (desc, _("%s: %s at its low, %s at its high."), row->label, lo, hi);
        }
    }

  return g_string_free (desc, FALSE);
}

static void
data_changed (MpTornadoChart *self)
{
  g_array_sort (self->data.rows, compare_rows);
  _mp_chart_changed (MP_CHART (self));
}

static void
mp_tornado_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MpTornadoChart *self = MP_TORNADO_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      GTK_WIDGET_CLASS (mp_tornado_chart_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                                 minimum_baseline, natural_baseline);
    }
  else
    {
      /* Enough for the widest swings; more rows when there is room */
      guint rows = MAX (3, MIN (self->data.rows->len, 12));

      *minimum = 180;
      *natural = MAX (200, 70 + (int) rows * 30);
    }
}

static void
mp_tornado_chart_finalize (GObject *object)
{
  MpTornadoChart *self = MP_TORNADO_CHART (object);

  g_clear_pointer (&self->data.rows, g_array_unref);
  g_clear_pointer (&self->data.output_label, g_free);

  G_OBJECT_CLASS (mp_tornado_chart_parent_class)->finalize (object);
}

static void
mp_tornado_chart_class_init (MpTornadoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_tornado_chart_finalize;

  widget_class->measure = mp_tornado_chart_measure;

  chart_class->min_width = 320;
  chart_class->natural_width = 520;
  chart_class->render = mp_tornado_chart_render;
  chart_class->dup_tooltip = mp_tornado_chart_dup_tooltip;
  chart_class->dup_label = mp_tornado_chart_dup_label;
  chart_class->dup_description = mp_tornado_chart_dup_description;

  gtk_widget_class_set_css_name (widget_class, "tornadochart");
}

static void
mp_tornado_chart_init (MpTornadoChart *self)
{
  self->data.rows = g_array_new (FALSE, TRUE, sizeof (TornadoRow));
  g_array_set_clear_func (self->data.rows, tornado_row_clear);
}

/**
 * mp_tornado_chart_new:
 *
 * Returns: (transfer floating): a new, empty tornado chart
 */
GtkWidget *
mp_tornado_chart_new (void)
{
  return g_object_new (MP_TYPE_TORNADO_CHART, NULL);
}

static void
append_row (MpTornadoChart *self,
            const char     *key,
            double          low_value,
            double          high_value,
            double          base)
{
  const MpAssumptionInfo *info = key != NULL ? mp_assumption_lookup (key) : NULL;
  TornadoRow row;

  row.key = g_strdup (key);
  row.label = g_strdup (info != NULL ? mp_assumption_info_label (info) : (key != NULL ? key : ""));
  row.low_value = low_value;
  row.high_value = high_value;
  row.base = base;

  /* Assumptions that do not move the output are left out */
  if (isfinite (low_value) && isfinite (high_value) && fabs (high_value - low_value) > 1e-9)
    g_array_append_val (self->data.rows, row);
  else
    tornado_row_clear (&row);
}

/**
 * mp_tornado_chart_set_evaluation:
 * @self: a tornado chart
 * @eval: (nullable): an evaluation; its swings are copied
 * @output: %MP_HEADLINE_FIT or %MP_HEADLINE_NL_BENEFIT
 *
 * Shows the one-at-a-time swings of the partner fit or of the Netherlands
 * benefit.  Before mp_evaluation_run_uncertainty() has filled @eval, the
 * chart asks for it.
 */
void
mp_tornado_chart_set_evaluation (MpTornadoChart     *self,
                                 const MpEvaluation *eval,
                                 MpHeadline          output)
{
  gboolean nl;

  g_return_if_fail (MP_IS_TORNADO_CHART (self));
  g_return_if_fail (output == MP_HEADLINE_FIT || output == MP_HEADLINE_NL_BENEFIT);

  nl = output == MP_HEADLINE_NL_BENEFIT;
  g_array_set_size (self->data.rows, 0);
  g_free (self->data.output_label);
  self->data.output_label = g_strdup (nl ? _("Netherlands benefit") : _("Partner fit"));
  self->data.ran = eval != NULL && eval->has_uncertainty && eval->swings != NULL;

  if (self->data.ran)
    {
      for (guint i = 0; i < eval->swings->len; i++)
        {
          const MpSwing *s = &g_array_index (eval->swings, MpSwing, i);

          if (nl)
            append_row (self, s->assumption, s->nl_low_value, s->nl_high_value, s->nl_base);
          else
            append_row (self, s->assumption, s->low_value, s->high_value, s->base);
        }
    }

  data_changed (self);
}

/**
 * mp_tornado_chart_set_swings:
 * @self: a tornado chart
 * @swings: (array length=n_swings) (nullable): the swings (their fit
 *   values: low_value, high_value, base); copied
 * @n_swings: how many
 * @output_label: (nullable): the name of the output, "Partner fit" if %NULL
 *
 * Shows the given swings, widest first.  Labels come from the assumption
 * catalogue; unknown keys are shown as they are.
 */
void
mp_tornado_chart_set_swings (MpTornadoChart *self,
                             const MpSwing  *swings,
                             guint           n_swings,
                             const char     *output_label)
{
  g_return_if_fail (MP_IS_TORNADO_CHART (self));
  g_return_if_fail (n_swings == 0 || swings != NULL);

  g_array_set_size (self->data.rows, 0);
  g_free (self->data.output_label);
  self->data.output_label = g_strdup (output_label);
  self->data.ran = TRUE;

  for (guint i = 0; i < n_swings; i++)
    append_row (self, swings[i].assumption, swings[i].low_value, swings[i].high_value, swings[i].base);

  data_changed (self);
}
