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
 * from the widget's style; the *_draw() functions of each chart take one
 * explicitly, e.g. PRINT for a GtkPrintOperation (white paper, grey-safe
 * patterns, text sizes in points: pass a cairo_t whose unit is the point). */
typedef enum
{
  MP_CHART_STYLE_LIGHT,
  MP_CHART_STYLE_DARK,
  MP_CHART_STYLE_PRINT,
} MpChartStyle;

MpChartStyle mp_chart_style_for_widget (GtkWidget *widget);

G_END_DECLS
