/* mp-risk-matrix.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-risk-matrix"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-chart-private.h"
#include "mp-format.h"
#include "mp-risk-matrix.h"

/* The risk-based human-rights framework (models/README.md, “Human-rights
 * risk framework”): country risk (rows) × measure risk (columns), each cell
 * naming the monitoring it needs, with the package's measures placed in
 * their cells.  The cell where a measure is not allowed carries a hatch, a
 * sign and words, never colour alone. */

#define FOOTER_HIT 9

typedef struct
{
  char         *measure;
  char         *partner;
  MpRisk        country_risk;
  MpRisk        measure_risk;
  gboolean      never_allowed;
  MpMonitoring  monitoring;
} RiskItem;

typedef struct
{
  GArray   *items;          /* RiskItem */
  gboolean  show_partner;   /* more than one partner: name it */
} RiskData;

struct _MpRiskMatrix
{
  MpChart    parent_instance;

  RiskData   data;
};

G_DEFINE_FINAL_TYPE (MpRiskMatrix, mp_risk_matrix, MP_TYPE_CHART)

static void
risk_item_clear (gpointer p)
{
  RiskItem *item = p;

  g_clear_pointer (&item->measure, g_free);
  g_clear_pointer (&item->partner, g_free);
}

static gboolean
item_not_allowed (const RiskItem *item)
{
  return item->never_allowed || item->monitoring == MP_MONITOR_NOT_ALLOWED;
}

static char *
item_name (const RiskData *d,
           const RiskItem *item)
{
  if (d->show_partner && item->partner != NULL)
    return g_strdup_printf ("%s (%s)", item->measure, item->partner);

  return g_strdup (item->measure);
}

static GPtrArray *
items_in_cell (const RiskData *d,
               MpRisk          country,
               MpRisk          measure)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < d->items->len; i++)
    {
      RiskItem *item = &g_array_index (d->items, RiskItem, i);

      if (item->country_risk == country && item->measure_risk == measure)
        g_ptr_array_add (found, item);
    }

  return found;
}

static guint
count_never_allowed (const RiskData *d)
{
  guint n = 0;

  for (guint i = 0; i < d->items->len; i++)
    if (g_array_index (d->items, RiskItem, i).never_allowed)
      n++;

  return n;
}

static void
mp_risk_matrix_render (MpChart       *chart,
                       MpChartCanvas *c)
{
  const RiskData *d = &MP_RISK_MATRIX (chart)->data;
  cairo_t *cr = c->cr;
  const double pad = 8, cp = 6;
  double th, head_w = 0, head_h, footer_h = 0, left, top, cell_w, cell_h, sign_r;
  guint n_never = count_never_allowed (d);
  const char *corner = _("Country risk ↓\nMeasure risk →");
  g_autoptr(GString) never_text = g_string_new (NULL);

  _mp_chart_text_size (c, "0123456789", MP_CHART_TEXT_SMALL, NULL, &th);
  sign_r = round (th * 0.42);

  for (int r = 0; r < MP_N_RISK; r++)
    {
      double w;

      _mp_chart_text_size (c, mp_risk_label (r), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD, &w, NULL);
      head_w = MAX (head_w, w);
    }
  {
    double w, h;

    _mp_chart_text_size (c, corner, MP_CHART_TEXT_SMALL, &w, &h);
    head_w = MAX (head_w, w);
    head_h = h + 6;
  }
  head_w = MIN (head_w + 12, c->width * 0.3);

  /* The footer names what is never allowed, and says when nothing is placed */
  if (n_never > 0)
    {
      g_string_append (never_text, _("Never allowed, whatever the risk class:"));
      for (guint i = 0, k = 0; i < d->items->len; i++)
        {
          const RiskItem *item = &g_array_index (d->items, RiskItem, i);
          g_autofree char *name = NULL;

          if (!item->never_allowed)
            continue;
          name = item_name (d, item);
          g_string_append (never_text, k++ == 0 ? " " : "; ");
          g_string_append (never_text, name);
        }
    }
  else if (d->items->len == 0)
    {
      g_string_append (never_text, _("No measures in this package"));
    }

  if (never_text->len > 0)
    {
      g_autoptr(PangoLayout) layout = _mp_chart_layout (c, never_text->str, MP_CHART_TEXT_SMALL);
      int w, h;

      pango_layout_set_width (layout, (int) MAX (1, c->width - 2 * pad - 2 * sign_r - 8) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &w, &h);
      footer_h = MAX (h, 2 * sign_r) + 8;
    }

  left = pad + head_w;
  top = pad + head_h;
  cell_w = floor ((c->width - pad - left) / MP_N_RISK);
  cell_h = floor ((c->height - pad - footer_h - top) / MP_N_RISK);
  if (cell_w < 40 || cell_h < th * 2)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the risk matrix"));
      return;
    }

  /* Corner and headers */
  {
    g_autoptr(PangoLayout) layout = _mp_chart_layout (c, corner, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM);

    pango_layout_set_width (layout, (int) (head_w - 6) * PANGO_SCALE);
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    _mp_chart_draw_layout (c, layout, MP_CHART_TEXT_DIM, pad, pad);
  }
  for (int r = 0; r < MP_N_RISK; r++)
    {
      _mp_chart_draw_text (c, mp_risk_label (r), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                           left + (r + 0.5) * cell_w, top - 4, 0.5, 1, NULL);
      _mp_chart_draw_text (c, mp_risk_label (r), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                           left - 8, top + (r + 0.5) * cell_h, 1, 0.5, NULL);
    }

  /* Cells */
  for (int row = 0; row < MP_N_RISK; row++)
    for (int col = 0; col < MP_N_RISK; col++)
      {
        MpMonitoring mon = mp_monitoring_for_risk (row, col);
        gboolean not_allowed = mon == MP_MONITOR_NOT_ALLOWED;
        double x = left + col * cell_w, y = top + row * cell_h;
        double tx = x + cp, ty = y + cp, tw = cell_w - 2 * cp, bottom = y + cell_h - cp;
        g_autoptr(GPtrArray) items = items_in_cell (d, row, col);
        g_autoptr(PangoLayout) head = NULL;
        int hw, hh;

        cairo_save (cr);
        cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
        gdk_cairo_set_source_rgba (cr, &c->pal->levels[MIN (mon, MP_CHART_N_LEVELS - 1)]);
        cairo_fill (cr);
        cairo_restore (cr);

        if (not_allowed)
          {
            GdkRGBA under = c->pal->levels[MP_CHART_N_LEVELS - 1];

            _mp_chart_draw_pattern (c, 3, &under, x + 1, y + 1, cell_w - 2, cell_h - 2);
            _mp_chart_draw_no_entry (c, tx + sign_r, ty + sign_r, sign_r);
            tx += 2 * sign_r + 6;
            tw -= 2 * sign_r + 6;
          }

        /* The monitoring this cell needs */
        head = _mp_chart_layout (c, mp_monitoring_label (mon),
                                 MP_CHART_TEXT_SMALL | (not_allowed || items->len > 0 ? MP_CHART_TEXT_BOLD : 0));
        pango_layout_set_width (head, (int) MAX (1, tw) * PANGO_SCALE);
        pango_layout_set_wrap (head, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height (head, (int) MAX (th, (cell_h - 2 * cp) * 0.55) * PANGO_SCALE);
        pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
        pango_layout_get_pixel_size (head, &hw, &hh);
        _mp_chart_draw_layout (c, head, items->len > 0 || not_allowed ? 0 : MP_CHART_TEXT_DIM, tx, ty);
        ty += MAX (hh, not_allowed ? 2 * sign_r : 0) + 4;
        if (not_allowed)
          {
            tx = x + cp;
            tw = cell_w - 2 * cp;
          }

        /* The package's measures in this cell */
        for (guint i = 0; i < items->len; i++)
          {
            const RiskItem *item = items->pdata[i];
            gboolean last_fits = ty + 2 * th <= bottom;
            g_autofree char *name = item_name (d, item);
            g_autoptr(PangoLayout) line = NULL;
            double ix = tx;

            if (ty + th > bottom)
              break;

            if (!last_fits && i + 1 < items->len)
              {
                guint more = items->len - i;
                g_autofree char *text = g_strdup_printf (ngettext ("+ %u more measure", "+ %u more measures", more),
                                                         more);

                _mp_chart_draw_text (c, text, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, tx, ty, 0, 0, NULL);
                break;
              }

            /* A not-allowed measure has the sign instead of the bullet */
            if (item_not_allowed (item) && !not_allowed)
              {
                _mp_chart_draw_no_entry (c, ix + th * 0.3, ty + th / 2, th * 0.3);
                ix += th * 0.6 + 4;
                line = _mp_chart_layout (c, name, MP_CHART_TEXT_SMALL);
              }
            else
              {
                g_autofree char *bullet = g_strconcat ("• ", name, NULL);

                line = _mp_chart_layout (c, bullet, MP_CHART_TEXT_SMALL);
              }
            pango_layout_set_width (line, (int) MAX (1, tx + tw - ix) * PANGO_SCALE);
            pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_END);
            _mp_chart_draw_layout (c, line, 0, ix, ty);
            ty += th + 2;
          }

        /* Cells holding measures are outlined: the eye finds them in grey */
        cairo_save (cr);
        gdk_cairo_set_source_rgba (cr, items->len > 0 ? &c->pal->fg : &c->pal->grid);
        cairo_set_line_width (cr, items->len > 0 ? 2 : 1);
        if (items->len > 0)
          cairo_rectangle (cr, x + 2, y + 2, cell_w - 4, cell_h - 4);
        else
          cairo_rectangle (cr, x + 0.5, y + 0.5, cell_w - 1, cell_h - 1);
        cairo_stroke (cr);
        cairo_restore (cr);

        _mp_chart_add_hit (c, x, y, cell_w, cell_h, row * MP_N_RISK + col, (int) items->len);
      }

  if (never_text->len > 0)
    {
      g_autoptr(PangoLayout) layout = _mp_chart_layout (c, never_text->str, MP_CHART_TEXT_SMALL);
      double fy = top + MP_N_RISK * cell_h + 8;
      double fx = pad;

      if (n_never > 0)
        {
          _mp_chart_draw_no_entry (c, pad + sign_r, fy + sign_r, sign_r);
          fx += 2 * sign_r + 8;
        }
      pango_layout_set_width (layout, (int) MAX (1, c->width - pad - fx) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      _mp_chart_draw_layout (c, layout, n_never > 0 ? 0 : MP_CHART_TEXT_DIM, fx, fy);
      if (n_never > 0)
        _mp_chart_add_hit (c, pad, fy, c->width - 2 * pad, footer_h - 8, FOOTER_HIT, (int) n_never);
    }
}

static char *
mp_risk_matrix_dup_tooltip (MpChart          *chart,
                            const MpChartHit *hit)
{
  const RiskData *d = &MP_RISK_MATRIX (chart)->data;
  GString *text = g_string_new (NULL);

  if (hit->index == FOOTER_HIT)
    {
      g_string_append (text, _("Never allowed, whatever the risk class:"));
      for (guint i = 0; i < d->items->len; i++)
        {
          const RiskItem *item = &g_array_index (d->items, RiskItem, i);
          g_autofree char *name = NULL;

          if (!item->never_allowed)
            continue;
          name = item_name (d, item);
          g_string_append_printf (text, "\n• %s", name);
        }
    }
  else
    {
      MpRisk country = hit->index / MP_N_RISK;
      MpRisk measure = hit->index % MP_N_RISK;
      g_autoptr(GPtrArray) items = items_in_cell (d, country, measure);

      /* Translators: tooltip of a risk matrix cell, e.g.
       * "Country risk: High · measure risk: Medium" */
      g_string_append_printf (text, _("Country risk: %s · measure risk: %s"),
                              mp_risk_label (country), mp_risk_label (measure));
      g_string_append_c (text, '\n');
      /* Translators: %s is the monitoring requirement of the cell */
      g_string_append_printf (text, _("Monitoring: %s"), mp_monitoring_label (mp_monitoring_for_risk (country, measure)));

      for (guint i = 0; i < items->len; i++)
        {
          const RiskItem *item = items->pdata[i];
          g_autofree char *name = item_name (d, item);

          g_string_append (text, "\n• ");
          if (item_not_allowed (item))
            /* Translators: a measure in the risk matrix that is not allowed */
            g_string_append_printf (text, _("%s — not allowed"), name);
          else
            g_string_append (text, name);
        }
      if (items->len == 0)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, _("No measure of this package is in this cell"));
        }
    }

  return g_string_free (text, FALSE);
}

static char *
mp_risk_matrix_dup_label (MpChart *chart)
{
  return g_strdup (_("Risk matrix"));
}

static char *
mp_risk_matrix_dup_description (MpChart *chart)
{
  MpRiskMatrix *self = MP_RISK_MATRIX (chart);
  const RiskData *d = &self->data;
  GString *desc = g_string_new (NULL);

  if (d->items->len == 0)
    {
      g_string_append (desc, _("No measures in this package"));
    }
  else
    {
      g_string_append_printf (desc,
                              ngettext ("%u measure placed by country risk and measure risk.",
                                        "%u measures placed by country risk and measure risk.",
                                        d->items->len),
                              d->items->len);
      for (guint i = 0; i < d->items->len; i++)
        {
          const RiskItem *item = &g_array_index (d->items, RiskItem, i);
          g_autofree char *name = item_name (d, item);

          g_string_append_c (desc, ' ');
          /* Translators: accessible description of one measure in the risk
           * matrix: name, country risk, measure risk, monitoring */
          g_string_append_printf (desc, _("%s: country risk %s, measure risk %s, %s."),
                                  name, mp_risk_label (item->country_risk),
                                  mp_risk_label (item->measure_risk),
                                  item->never_allowed ? _("never allowed")
                                                      : mp_monitoring_label (item->monitoring));
        }
    }

  return g_string_free (desc, FALSE);
}

static void
mp_risk_matrix_finalize (GObject *object)
{
  MpRiskMatrix *self = MP_RISK_MATRIX (object);

  g_clear_pointer (&self->data.items, g_array_unref);

  G_OBJECT_CLASS (mp_risk_matrix_parent_class)->finalize (object);
}

static void
mp_risk_matrix_class_init (MpRiskMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_risk_matrix_finalize;


  chart_class->min_width = 360;
  chart_class->natural_width = 560;
  chart_class->min_height = 260;
  chart_class->natural_height = 380;
  chart_class->render = mp_risk_matrix_render;
  chart_class->dup_tooltip = mp_risk_matrix_dup_tooltip;
  chart_class->dup_label = mp_risk_matrix_dup_label;
  chart_class->dup_description = mp_risk_matrix_dup_description;

  gtk_widget_class_set_css_name (widget_class, "riskmatrix");
}

static void
mp_risk_matrix_init (MpRiskMatrix *self)
{
  self->data.items = g_array_new (FALSE, TRUE, sizeof (RiskItem));
  g_array_set_clear_func (self->data.items, risk_item_clear);
}

/**
 * mp_risk_matrix_new:
 *
 * Returns: (transfer floating): a new risk matrix with no measures
 */
GtkWidget *
mp_risk_matrix_new (void)
{
  return g_object_new (MP_TYPE_RISK_MATRIX, NULL);
}

/**
 * mp_risk_matrix_set_measures:
 * @self: a risk matrix
 * @measures: (array length=n_measures) (nullable): the measures; copied
 * @n_measures: how many
 *
 * Places the measures in their cells.  When they concern more than one
 * partner, each is named with its partner's code.
 */
void
mp_risk_matrix_set_measures (MpRiskMatrix    *self,
                             const MpMeasure *measures,
                             guint            n_measures)
{
  const char *first_partner = NULL;

  g_return_if_fail (MP_IS_RISK_MATRIX (self));
  g_return_if_fail (n_measures == 0 || measures != NULL);

  g_array_set_size (self->data.items, 0);
  self->data.show_partner = FALSE;

  for (guint i = 0; i < n_measures; i++)
    {
      const MpMeasure *m = &measures[i];
      RiskItem item;

      if ((int) m->country_risk < 0 || m->country_risk >= MP_N_RISK ||
          (int) m->measure_risk < 0 || m->measure_risk >= MP_N_RISK)
        {
          g_critical ("Measure '%s' has no valid risk class", m->measure);
          continue;
        }

      item.measure = g_strdup (m->measure != NULL ? m->measure : "");
      item.partner = g_strdup (m->partner);
      item.country_risk = m->country_risk;
      item.measure_risk = m->measure_risk;
      item.never_allowed = m->never_allowed;
      item.monitoring = m->monitoring;
      g_array_append_val (self->data.items, item);

      if (first_partner == NULL)
        first_partner = m->partner;
      else if (g_strcmp0 (first_partner, m->partner) != 0)
        self->data.show_partner = TRUE;
    }

  _mp_chart_changed (MP_CHART (self));
}

/**
 * mp_risk_matrix_set_evaluation:
 * @self: a risk matrix
 * @eval: (nullable): an evaluation; its measures are copied
 *
 * Places the evaluation's measures in their cells.
 */
void
mp_risk_matrix_set_evaluation (MpRiskMatrix       *self,
                               const MpEvaluation *eval)
{
  g_return_if_fail (MP_IS_RISK_MATRIX (self));

  if (eval == NULL || eval->measures == NULL)
    mp_risk_matrix_set_measures (self, NULL, 0);
  else
    mp_risk_matrix_set_measures (self, (const MpMeasure *) (gpointer) eval->measures->data,
                                 eval->measures->len);
}
