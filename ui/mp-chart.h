/* mp-chart.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The palettes every chart can be drawn with.  On screen the widgets pick
 * LIGHT or DARK from the style manager and take their text colour and font
 * from the widget's style; mp_chart_draw() takes one explicitly, e.g. PRINT
 * for a GtkPrintOperation (white paper, grey-safe patterns, text sizes in
 * points: pass a cairo_t whose unit is the point). */
typedef enum
{
  MP_CHART_STYLE_LIGHT,
  MP_CHART_STYLE_DARK,
  MP_CHART_STYLE_PRINT,
} MpChartStyle;

/* What a chart draws on, and a place it recorded while drawing
 * (mp-chart-private.h). */
typedef struct _MpChartCanvas MpChartCanvas;
typedef struct _MpChartHit    MpChartHit;

#define MP_TYPE_CHART (mp_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (MpChart, mp_chart, MP, CHART, GtkWidget)

/* The base of the chart widgets.  It draws on screen (GtkSnapshot), for
 * print and into images (mp_chart_draw()), answers tooltips from the places
 * recorded by the last drawing, and keeps the accessible name and
 * description; a chart only draws its data and says what it shows. */
struct _MpChartClass
{
  GtkWidgetClass parent_class;

  /* The size the chart asks for, in pixels; set in class_init.  A chart
   * whose height follows its data overrides GtkWidgetClass.measure. */
  int    min_width;
  int    natural_width;
  int    min_height;
  int    natural_height;

  /* Draws the data on @canvas, the same on screen, on paper and in a PNG,
   * recording the places that have a tooltip (_mp_chart_add_hit()). */
  void   (*render)          (MpChart          *self,
                             MpChartCanvas    *canvas);
  /* The tooltip of a place recorded by render(). */
  char  *(*dup_tooltip)     (MpChart          *self,
                             const MpChartHit *hit);
  /* The accessible name, and the data in words for screen readers. */
  char  *(*dup_label)       (MpChart          *self);
  char  *(*dup_description) (MpChart          *self);
};

MpChartStyle mp_chart_style_for_widget (GtkWidget    *widget);

void         mp_chart_draw             (MpChart      *self,
                                        cairo_t      *cr,
                                        double        width,
                                        double        height,
                                        MpChartStyle  style);
char        *mp_chart_dup_tooltip_at   (MpChart      *self,
                                        double        x,
                                        double        y);

G_END_DECLS
