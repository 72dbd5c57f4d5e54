/* mp-chart-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the chart widgets of ui/ share besides their base class: the drawing
 * helpers of mp-chart-canvas.c.  The drawing code of each chart works on an
 * MpChartCanvas (a cairo_t, a Pango context, a size and a palette) and never
 * on the widget, so the same code draws on screen, into a PNG and on paper. */

#include <adwaita.h>

#include "mp-chart.h"

G_BEGIN_DECLS

#define MP_CHART_N_SERIES 8
#define MP_CHART_N_LEVELS 5

typedef struct
{
  MpChartStyle          style;
  GdkRGBA               fg;          /* text and axes */
  GdkRGBA               fg_dim;      /* secondary text */
  GdkRGBA               grid;        /* grid lines */
  GdkRGBA               bg;          /* paper; behind halos */
  gboolean              paint_bg;    /* FALSE in a widget: the window shows through */
  GdkRGBA               series[MP_CHART_N_SERIES];
  GdkRGBA               levels[MP_CHART_N_LEVELS];  /* sequential, light to strong */
  GdkRGBA               highlight;
  PangoFontDescription *font;
  double                resolution;  /* Pango units: 96 on screen, 72 for points */
} MpChartPalette;

struct _MpChartHit
{
  graphene_rect_t rect;
  int             index;
  int             sub;
};

struct _MpChartCanvas
{
  cairo_t              *cr;
  PangoContext         *pango;
  const MpChartPalette *pal;
  double                width;
  double                height;
  GArray               *hits;        /* MpChartHit, or NULL when nobody asks */
};

typedef enum
{
  MP_CHART_TEXT_NORMAL = 0,
  MP_CHART_TEXT_BOLD   = 1 << 0,
  MP_CHART_TEXT_SMALL  = 1 << 1,
  MP_CHART_TEXT_DIM    = 1 << 2,
  MP_CHART_TEXT_MARKUP = 1 << 3,
} MpChartTextFlags;

/* For the subclasses: their data changed (new hits, a new accessible
 * description, a redraw). */
void         _mp_chart_changed                 (MpChart                    *self);

void         _mp_chart_palette_init            (MpChartPalette             *pal,
                                                MpChartStyle                style,
                                                const PangoFontDescription *font,
                                                double                      resolution);
void         _mp_chart_palette_init_for_widget (MpChartPalette             *pal,
                                                GtkWidget                  *widget);
void         _mp_chart_palette_clear           (MpChartPalette             *pal);

void         _mp_chart_canvas_init             (MpChartCanvas              *canvas,
                                                cairo_t                    *cr,
                                                double                      width,
                                                double                      height,
                                                const MpChartPalette       *pal,
                                                GArray                     *hits);
void         _mp_chart_canvas_clear            (MpChartCanvas              *canvas);

PangoLayout *_mp_chart_layout                  (MpChartCanvas              *canvas,
                                                const char                 *text,
                                                MpChartTextFlags            flags);
void         _mp_chart_text_size               (MpChartCanvas              *canvas,
                                                const char                 *text,
                                                MpChartTextFlags            flags,
                                                double                     *width,
                                                double                     *height);
void         _mp_chart_draw_text               (MpChartCanvas              *canvas,
                                                const char                 *text,
                                                MpChartTextFlags            flags,
                                                double                      x,
                                                double                      y,
                                                double                      xalign,
                                                double                      yalign,
                                                graphene_rect_t            *extents);
void         _mp_chart_draw_layout             (MpChartCanvas              *canvas,
                                                PangoLayout                *layout,
                                                MpChartTextFlags            flags,
                                                double                      x,
                                                double                      y);
void         _mp_chart_draw_empty              (MpChartCanvas              *canvas,
                                                const char                 *text);

void         _mp_chart_fill_series             (MpChartCanvas              *canvas,
                                                int                         series,
                                                double                      x,
                                                double                      y,
                                                double                      width,
                                                double                      height);
void         _mp_chart_draw_pattern            (MpChartCanvas              *canvas,
                                                int                         pattern,
                                                const GdkRGBA              *under,
                                                double                      x,
                                                double                      y,
                                                double                      width,
                                                double                      height);
void         _mp_chart_draw_no_entry           (MpChartCanvas              *canvas,
                                                double                      cx,
                                                double                      cy,
                                                double                      radius);

double       _mp_chart_nice_step               (double                      range,
                                                int                         max_ticks);
int          _mp_chart_decimals_for_step       (double                      step);
double       _mp_chart_luminance               (const GdkRGBA              *color);

void         _mp_chart_add_hit                 (MpChartCanvas              *canvas,
                                                double                      x,
                                                double                      y,
                                                double                      width,
                                                double                      height,
                                                int                         index,
                                                int                         sub);
const MpChartHit *_mp_chart_find_hit           (GArray                     *hits,
                                                double                      x,
                                                double                      y);

G_END_DECLS
