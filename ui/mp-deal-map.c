/* mp-deal-map.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-deal-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-chart-private.h"
#include "mp-deal-map.h"
#include "mp-format.h"

/* The deal map (models/README.md, “Balance”): each package a point at
 * (NL benefit, partner fit).  Points above the diagonal give the partner
 * more than the Netherlands; far below it, the Netherlands is the asking
 * party. */

typedef struct
{
  char     *name;
  double    nl_benefit;
  double    fit;
  gboolean  highlighted;
} DealPoint;

typedef struct
{
  GArray *points;   /* DealPoint */
} DealData;

struct _MpDealMap
{
  MpChart    parent_instance;

  DealData   data;
};

G_DEFINE_FINAL_TYPE (MpDealMap, mp_deal_map, MP_TYPE_CHART)

static void
deal_point_clear (gpointer p)
{
  DealPoint *point = p;

  g_clear_pointer (&point->name, g_free);
}

static gboolean
point_drawable (const DealPoint *p)
{
  return isfinite (p->nl_benefit) && isfinite (p->fit);
}

/* How much of @r is covered by what is already placed (0: free) */
static double
overlap_area (const graphene_rect_t *r,
              GArray                *placed)
{
  double area = 0;

  for (guint i = 0; i < placed->len; i++)
    {
      graphene_rect_t inter;

      if (graphene_rect_intersection (r, &g_array_index (placed, graphene_rect_t, i), &inter))
        area += inter.size.width * inter.size.height;
    }

  return area;
}

static void
draw_marker (MpChartCanvas   *c,
             const DealPoint *p,
             double           px,
             double           py,
             double           r)
{
  cairo_t *cr = c->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  if (p->highlighted)
    {
      /* A diamond, larger, in the highlight colour, with a ring: shape and
       * size mark the selection, not colour alone. */
      cairo_move_to (cr, px, py - r);
      cairo_line_to (cr, px + r, py);
      cairo_line_to (cr, px, py + r);
      cairo_line_to (cr, px - r, py);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &c->pal->highlight);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &c->pal->fg);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      cairo_arc (cr, px, py, r + 4, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, px, py, r, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &c->pal->series[0]);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &c->pal->bg);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
mp_deal_map_render (MpChart       *chart,
                    MpChartCanvas *c)
{
  const DealData *d = &MP_DEAL_MAP (chart)->data;
  cairo_t *cr = c->cr;
  const double pad = 8;
  double th, tick_w, left, right, top, bottom, pw, ph, r;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  /* a wider berth around every marker, so that no label seems to name a
   * point other than its own: [i] for point i (empty when not drawn) */
  g_autoptr(GArray) berths = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  if (d->points == NULL || d->points->len == 0)
    {
      _mp_chart_draw_empty (c, _("No packages to show"));
      return;
    }

  _mp_chart_text_size (c, "0123456789", MP_CHART_TEXT_SMALL, NULL, &th);
  _mp_chart_text_size (c, "100", MP_CHART_TEXT_SMALL, &tick_w, NULL);
  r = MAX (4, round (th * 0.35));

  left = pad + tick_w + 6;
  right = c->width - pad - 2;
  top = pad + th + 8;
  bottom = c->height - pad - th - 6 - th - 4;
  pw = right - left;
  ph = bottom - top;
  if (pw < 40 || ph < 40)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the deal map"));
      return;
    }

#define X_OF(v) (left + CLAMP ((v), 0, 100) / 100.0 * pw)
#define Y_OF(v) (bottom - CLAMP ((v), 0, 100) / 100.0 * ph)

  /* Grid, ticks */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int k = 0; k <= 100; k += 25)
    {
      g_autofree char *t = mp_format_number (k, 0);
      double gx = round (X_OF (k)) + 0.5;
      double gy = round (Y_OF (k)) + 0.5;

      gdk_cairo_set_source_rgba (cr, k == 0 ? &c->pal->fg_dim : &c->pal->grid);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, right, gy);
      cairo_move_to (cr, gx, top);
      cairo_line_to (cr, gx, bottom);
      cairo_stroke (cr);

      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, left - 6, gy, 1, 0.5, NULL);
      _mp_chart_draw_text (c, t, MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM, gx, bottom + 4,
                           k == 100 ? 1 : (k == 0 ? 0 : 0.5), 0, NULL);
    }
  cairo_restore (cr);

  /* Axis titles */
  _mp_chart_draw_text (c, _("↑ Partner fit"), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                       pad, pad, 0, 0, NULL);
  _mp_chart_draw_text (c, _("Netherlands benefit →"), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD,
                       right, c->height - pad, 1, 1, NULL);

  /* The diagonal: fit = NL benefit */
  cairo_save (cr);
  {
    static const double dash[] = { 6, 4 };
    double angle = atan2 (-(ph), pw);
    g_autoptr(PangoLayout) layout = _mp_chart_layout (c, _("balanced"), MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM);
    int lw, lh;

    gdk_cairo_set_source_rgba (cr, &c->pal->fg_dim);
    cairo_set_line_width (cr, 1.5);
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    cairo_move_to (cr, X_OF (0), Y_OF (0));
    cairo_line_to (cr, X_OF (100), Y_OF (100));
    cairo_stroke (cr);

    pango_layout_get_pixel_size (layout, &lw, &lh);
    cairo_translate (cr, X_OF (88), Y_OF (88));
    cairo_rotate (cr, angle);
    _mp_chart_draw_layout (c, layout, MP_CHART_TEXT_DIM, -lw, -lh - 2);

    /* Keep point labels off the line's label: its rotated box's bounds */
    {
      const double corners[4][2] = { { -lw, -lh - 2 }, { 0, -lh - 2 }, { -lw, -2 }, { 0, -2 } };
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      graphene_rect_t box;

      for (guint k = 0; k < G_N_ELEMENTS (corners); k++)
        {
          double bx = X_OF (88) + corners[k][0] * cos (angle) - corners[k][1] * sin (angle);
          double by = Y_OF (88) + corners[k][0] * sin (angle) + corners[k][1] * cos (angle);

          x0 = MIN (x0, bx);
          y0 = MIN (y0, by);
          x1 = MAX (x1, bx);
          y1 = MAX (y1, by);
        }
      graphene_rect_init (&box, x0, y0, x1 - x0, y1 - y0);
      g_array_append_val (placed, box);
    }
  }
  cairo_restore (cr);

  /* Markers first (selected last, on top), then labels around them. */
  for (guint i = 0; i < d->points->len; i++)
    if (!g_array_index (d->points, DealPoint, i).highlighted)
      g_array_append_val (order, i);
  for (guint i = 0; i < d->points->len; i++)
    if (g_array_index (d->points, DealPoint, i).highlighted)
      g_array_append_val (order, i);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const DealPoint *p = &g_array_index (d->points, DealPoint, i);
      double rr = p->highlighted ? r * 1.6 : r;
      graphene_rect_t mr;

      if (!point_drawable (p))
        continue;

      draw_marker (c, p, X_OF (p->nl_benefit), Y_OF (p->fit), rr);
      graphene_rect_init (&mr, X_OF (p->nl_benefit) - rr - 2, Y_OF (p->fit) - rr - 2, 2 * rr + 4, 2 * rr + 4);
      g_array_append_val (placed, mr);
      if (berths->len < d->points->len)
        g_array_set_size (berths, d->points->len);
      graphene_rect_inset_r (&mr, -8, -8, &g_array_index (berths, graphene_rect_t, i));
    }

  for (guint k = order->len; k > 0; k--)
    {
      guint i = g_array_index (order, guint, k - 1);
      const DealPoint *p = &g_array_index (d->points, DealPoint, i);
      MpChartTextFlags flags = MP_CHART_TEXT_SMALL | (p->highlighted ? MP_CHART_TEXT_BOLD : 0);
      g_autoptr(PangoLayout) layout = NULL;
      double px, py, rr, gap;
      int lw, lh;
      graphene_rect_t best, cand;

      if (!point_drawable (p))
        continue;

      px = X_OF (p->nl_benefit);
      py = Y_OF (p->fit);
      rr = (p->highlighted ? r * 1.6 + 4 : r);
      gap = rr + 4;

      layout = _mp_chart_layout (c, p->name, flags);
      pango_layout_set_width (layout, (int) MAX (90, pw * 0.4) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &lw, &lh);

      {
        const double cands[][2] = {
          { px + gap, py - lh / 2.0 },
          { px - gap - lw, py - lh / 2.0 },
          { px - lw / 2.0, py - gap - lh },
          { px - lw / 2.0, py + gap },
          { px + gap, py - gap - lh * 0.6 },
          { px + gap, py + gap - lh * 0.4 },
          { px - gap - lw, py - gap - lh * 0.6 },
          { px - gap - lw, py + gap - lh * 0.4 },
        };
        double best_overlap = G_MAXDOUBLE;

        /* The first free place wins; else the least covered one.  Labels
         * may reach a little into the margins, never off the canvas. */
        for (guint j = 0; j < G_N_ELEMENTS (cands); j++)
          {
            double x0 = CLAMP (round (cands[j][0]), pad, MAX (pad, c->width - pad - lw));
            double y0 = CLAMP (round (cands[j][1]), top - th / 2, MAX (top, bottom + th / 2 - lh));
            double overlap;

            graphene_rect_init (&cand, x0, y0, lw, lh);
            overlap = overlap_area (&cand, placed);
            for (guint o = 0; o < berths->len; o++)
              {
                graphene_rect_t inter;

                if (o != i && graphene_rect_intersection (&cand, &g_array_index (berths, graphene_rect_t, o), &inter))
                  overlap += inter.size.width * inter.size.height;
              }
            /* a place moved by the clamping is worse than one that was not */
            if (x0 != round (cands[j][0]) || y0 != round (cands[j][1]))
              overlap += 1 + fabs (x0 - cands[j][0]) + fabs (y0 - cands[j][1]);
            if (overlap < best_overlap)
              {
                best = cand;
                best_overlap = overlap;
              }
            if (overlap == 0)
              break;
          }
      }

      /* Halo so the label reads over grid lines and other markers */
      cairo_save (cr);
      cairo_move_to (cr, best.origin.x, best.origin.y);
      pango_cairo_layout_path (cr, layout);
      gdk_cairo_set_source_rgba (cr, &c->pal->bg);
      cairo_set_line_width (cr, 3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      _mp_chart_draw_layout (c, layout, flags, best.origin.x, best.origin.y);

      g_array_append_val (placed, best);
      _mp_chart_add_hit (c, best.origin.x, best.origin.y, lw, lh, i, 1);
    }

  /* The regions either side of the balance line, where nothing else is */
  {
    const char *names[2] = { _("Partner gains more"), _("Netherlands gains more") };

    for (int k = 0; k < 2; k++)
      {
        double w, h;
        graphene_rect_t area;

        _mp_chart_text_size (c, names[k], MP_CHART_TEXT_SMALL, &w, &h);
        if (k == 0)
          graphene_rect_init (&area, left + 6, top + 4, w, h);
        else
          graphene_rect_init (&area, right - 6 - w, bottom - 4 - h, w, h);
        if (overlap_area (&area, placed) == 0 && w < pw / 2)
          _mp_chart_draw_text (c, names[k], MP_CHART_TEXT_SMALL | MP_CHART_TEXT_DIM,
                               area.origin.x, area.origin.y, 0, 0, NULL);
      }
  }

  /* Markers are hit before labels (added last = found first). */
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const DealPoint *p = &g_array_index (d->points, DealPoint, i);
      double rr = (p->highlighted ? r * 1.6 : r) + 4;

      if (point_drawable (p))
        _mp_chart_add_hit (c, X_OF (p->nl_benefit) - rr, Y_OF (p->fit) - rr, 2 * rr, 2 * rr, i, 0);
    }

#undef X_OF
#undef Y_OF
}

static char *
mp_deal_map_dup_tooltip (MpChart          *chart,
                         const MpChartHit *hit)
{
  const DealData *d = &MP_DEAL_MAP (chart)->data;
  const DealPoint *p = &g_array_index (d->points, DealPoint, hit->index);
  g_autofree char *fit = mp_format_number (p->fit, 1);
  g_autofree char *nl = mp_format_number (p->nl_benefit, 1);
  g_autofree char *balance = mp_format_signed_number (p->fit - p->nl_benefit, 1);
  GString *text = g_string_new (NULL);

  if (p->highlighted)
    /* Translators: tooltip title of the selected package on the deal map */
    g_string_append_printf (text, _("%s (selected)"), p->name);
  else
    g_string_append (text, p->name);

  g_string_append_c (text, '\n');
  /* Translators: %s is a score 0–100 */
  g_string_append_printf (text, _("Partner fit: %s"), fit);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Netherlands benefit: %s"), nl);
  g_string_append_c (text, '\n');
  /* Translators: balance = partner fit − Netherlands benefit */
  g_string_append_printf (text, _("Balance: %s"), balance);

  return g_string_free (text, FALSE);
}

static char *
mp_deal_map_dup_label (MpChart *chart)
{
  return g_strdup (_("Deal map"));
}

static char *
mp_deal_map_dup_description (MpChart *chart)
{
  MpDealMap *self = MP_DEAL_MAP (chart);
  GString *desc = g_string_new (NULL);
  GArray *points = self->data.points;

  if (points->len == 0)
    g_string_append (desc, _("No packages to show"));
  else
    g_string_append_printf (desc,
                            ngettext ("%u package: partner fit against Netherlands benefit.",
                                      "%u packages: partner fit against Netherlands benefit.",
                                      points->len),
                            points->len);

  for (guint i = 0; i < points->len; i++)
    {
      const DealPoint *p = &g_array_index (points, DealPoint, i);
      g_autofree char *fit = mp_format_number (p->fit, 0);
      g_autofree char *nl = mp_format_number (p->nl_benefit, 0);
      g_autofree char *balance = mp_format_signed_number (p->fit - p->nl_benefit, 0);

      g_string_append_c (desc, ' ');
      g_string_append_printf (desc,
                              p->highlighted ? _("%s (selected): fit %s, Netherlands benefit %s, balance %s.")
                                             : _("%s: fit %s, Netherlands benefit %s, balance %s."),
                              p->name, fit, nl, balance);
    }

  return g_string_free (desc, FALSE);
}

static void
mp_deal_map_finalize (GObject *object)
{
  MpDealMap *self = MP_DEAL_MAP (object);

  g_clear_pointer (&self->data.points, g_array_unref);

  G_OBJECT_CLASS (mp_deal_map_parent_class)->finalize (object);
}

static void
mp_deal_map_class_init (MpDealMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_deal_map_finalize;


  chart_class->min_width = 240;
  chart_class->natural_width = 400;
  chart_class->min_height = 220;
  chart_class->natural_height = 320;
  chart_class->render = mp_deal_map_render;
  chart_class->dup_tooltip = mp_deal_map_dup_tooltip;
  chart_class->dup_label = mp_deal_map_dup_label;
  chart_class->dup_description = mp_deal_map_dup_description;

  gtk_widget_class_set_css_name (widget_class, "dealmap");
}

static void
mp_deal_map_init (MpDealMap *self)
{
  self->data.points = g_array_new (FALSE, TRUE, sizeof (DealPoint));
  g_array_set_clear_func (self->data.points, deal_point_clear);
}

/**
 * mp_deal_map_new:
 *
 * Returns: (transfer floating): a new, empty deal map
 */
GtkWidget *
mp_deal_map_new (void)
{
  return g_object_new (MP_TYPE_DEAL_MAP, NULL);
}

/**
 * mp_deal_map_set_points:
 * @self: a deal map
 * @points: (array length=n_points) (nullable): the packages; copied
 * @n_points: how many
 *
 * Replaces the packages shown.  A point with a NaN score is not drawn but is
 * still named in the accessible description.
 */
void
mp_deal_map_set_points (MpDealMap         *self,
                        const MpDealPoint *points,
                        guint              n_points)
{
  g_return_if_fail (MP_IS_DEAL_MAP (self));
  g_return_if_fail (n_points == 0 || points != NULL);

  g_array_set_size (self->data.points, 0);
  for (guint i = 0; i < n_points; i++)
    {
      DealPoint p;

      p.name = g_strdup (points[i].name != NULL ? points[i].name : "");
      p.nl_benefit = points[i].nl_benefit;
      p.fit = points[i].fit;
      p.highlighted = points[i].highlighted;
      g_array_append_val (self->data.points, p);
    }

  _mp_chart_changed (MP_CHART (self));
}

/**
 * mp_deal_map_get_n_points:
 * @self: a deal map
 *
 * Returns: how many packages the map holds, drawn or not
 */
guint
mp_deal_map_get_n_points (MpDealMap *self)
{
  g_return_val_if_fail (MP_IS_DEAL_MAP (self), 0);

  return self->data.points->len;
}
