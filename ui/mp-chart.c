/* mp-chart.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-chart"

#include "config.h"

#include <math.h>

#include "mp-chart-private.h"

typedef struct
{
  GArray *hits;   /* MpChartHit: the places the last snapshot recorded */
} MpChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MpChart, mp_chart, GTK_TYPE_WIDGET)

static void
update_accessible (MpChart *self)
{
  MpChartClass *klass = MP_CHART_GET_CLASS (self);
  g_autofree char *label = klass->dup_label (self);
  g_autofree char *description = klass->dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
mp_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  MpChart *self = MP_CHART (widget);
  MpChartPrivate *priv = mp_chart_get_instance_private (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MpChartPalette pal;
  MpChartCanvas canvas;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _mp_chart_palette_init_for_widget (&pal, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _mp_chart_canvas_init (&canvas, cr, width, height, &pal, priv->hits);
  MP_CHART_GET_CLASS (self)->render (self, &canvas);
  _mp_chart_canvas_clear (&canvas);
  cairo_destroy (cr);
  _mp_chart_palette_clear (&pal);
}

static void
mp_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  MpChartClass *klass = MP_CHART_GET_CLASS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = klass->min_width;
      *natural = klass->natural_width;
    }
  else
    {
      *minimum = klass->min_height;
      *natural = klass->natural_height;
    }
}

static gboolean
mp_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  MpChart *self = MP_CHART (widget);
  MpChartPrivate *priv = mp_chart_get_instance_private (self);
  const MpChartHit *hit = _mp_chart_find_hit (priv->hits, x, y);
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (hit == NULL)
    return FALSE;

  text = MP_CHART_GET_CLASS (self)->dup_tooltip (self, hit);
  if (text == NULL)
    return FALSE;

  area.x = (int) floor (hit->rect.origin.x);
  area.y = (int) floor (hit->rect.origin.y);
  area.width = MAX (1, (int) ceil (hit->rect.size.width));
  area.height = MAX (1, (int) ceil (hit->rect.size.height));

  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

static void
mp_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mp_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* After every init: the accessible description reads the subclass's data. */
static void
mp_chart_constructed (GObject *object)
{
  G_OBJECT_CLASS (mp_chart_parent_class)->constructed (object);

  update_accessible (MP_CHART (object));
}

static void
mp_chart_finalize (GObject *object)
{
  MpChartPrivate *priv = mp_chart_get_instance_private (MP_CHART (object));

  g_clear_pointer (&priv->hits, g_array_unref);

  G_OBJECT_CLASS (mp_chart_parent_class)->finalize (object);
}

static void
mp_chart_class_init (MpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_chart_constructed;
  object_class->finalize = mp_chart_finalize;

  widget_class->snapshot = mp_chart_snapshot;
  widget_class->measure = mp_chart_measure;
  widget_class->query_tooltip = mp_chart_query_tooltip;
  widget_class->css_changed = mp_chart_css_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp_chart_init (MpChart *self)
{
  MpChartPrivate *priv = mp_chart_get_instance_private (self);

  priv->hits = g_array_new (FALSE, FALSE, sizeof (MpChartHit));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

void
_mp_chart_changed (MpChart *self)
{
  MpChartPrivate *priv = mp_chart_get_instance_private (self);

  g_array_set_size (priv->hits, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mp_chart_draw:
 * @self: a chart
 * @cr: where to draw, with (0, 0) at the chart's top left
 * @width: the width, in @cr's units
 * @height: the height, in @cr's units
 * @style: the palette; with %MP_CHART_STYLE_PRINT, text sizes are in points
 *
 * Draws the chart as on screen, e.g. for printing.
 */
void
mp_chart_draw (MpChart      *self,
               cairo_t      *cr,
               double        width,
               double        height,
               MpChartStyle  style)
{
  PangoContext *context;
  g_autoptr(PangoFontDescription) font = NULL;
  MpChartPalette pal;
  MpChartCanvas canvas;
  double resolution = 96.0;

  g_return_if_fail (MP_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_font_description_copy (pango_context_get_font_description (context));
  if (style == MP_CHART_STYLE_PRINT)
    {
      /* Text in points on paper: 8.5 pt reads well in a half-page chart. */
      resolution = 72.0;
      pango_font_description_set_size (font, (int) (8.5 * PANGO_SCALE));
    }

  _mp_chart_palette_init (&pal, style, font, resolution);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (pal.paint_bg)
    {
      gdk_cairo_set_source_rgba (cr, &pal.bg);
      cairo_paint (cr);
    }

  _mp_chart_canvas_init (&canvas, cr, width, height, &pal, NULL);
  MP_CHART_GET_CLASS (self)->render (self, &canvas);
  _mp_chart_canvas_clear (&canvas);
  cairo_restore (cr);
  _mp_chart_palette_clear (&pal);
}

/**
 * mp_chart_dup_tooltip_at:
 * @self: a chart
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: (transfer full) (nullable): the tooltip text at a point of the
 *   chart as last drawn
 */
char *
mp_chart_dup_tooltip_at (MpChart *self,
                         double   x,
                         double   y)
{
  MpChartPrivate *priv;
  const MpChartHit *hit;

  g_return_val_if_fail (MP_IS_CHART (self), NULL);

  priv = mp_chart_get_instance_private (self);
  hit = _mp_chart_find_hit (priv->hits, x, y);
  return hit != NULL ? MP_CHART_GET_CLASS (self)->dup_tooltip (self, hit) : NULL;
}
