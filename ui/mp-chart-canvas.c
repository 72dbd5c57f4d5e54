/* mp-chart-canvas.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-chart-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp-chart-private.h"

/* Okabe & Ito's colour-blind safe palette ("Color Universal Design", 2008),
 * ordered so that neighbours in a stack differ in lightness as well as hue;
 * each series also has its own fill pattern so that it reads in grey print.
 * The last entry (grey) is kept for "other". */
static const char *series_light[MP_CHART_N_SERIES] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999",
};
/* The same hues, lifted where the original is too dark on a dark window. */
static const char *series_dark[MP_CHART_N_SERIES] = {
  "#3a93d8", "#e69f00", "#1db386", "#d98cb8", "#56b4e9", "#ec7433", "#f0e442", "#8c8c8c",
};

/**
 * mp_chart_style_for_widget:
 * @widget: a widget
 *
 * The palette that matches the style @widget is shown in: dark when the
 * libadwaita style manager of its display says so.
 *
 * Returns: %MP_CHART_STYLE_LIGHT or %MP_CHART_STYLE_DARK
 */
MpChartStyle
mp_chart_style_for_widget (GtkWidget *widget)
{
  GdkRGBA fg;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), MP_CHART_STYLE_LIGHT);

  if (adw_is_initialized ())
    {
      AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));

      return adw_style_manager_get_dark (manager) ? MP_CHART_STYLE_DARK : MP_CHART_STYLE_LIGHT;
    }

  /* Without libadwaita, a light text colour means a dark theme. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return _mp_chart_luminance (&fg) > 0.5 ? MP_CHART_STYLE_DARK : MP_CHART_STYLE_LIGHT;
}

double
_mp_chart_luminance (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
set_alpha (GdkRGBA       *out,
           const GdkRGBA *in,
           double         alpha)
{
  *out = *in;
  out->alpha = in->alpha * alpha;
}

void
_mp_chart_palette_init (MpChartPalette             *pal,
                        MpChartStyle                style,
                        const PangoFontDescription *font,
                        double                      resolution)
{
  const char **series = style == MP_CHART_STYLE_DARK ? series_dark : series_light;
  static const double level_alpha[MP_CHART_N_LEVELS - 1] = { 0.10, 0.26, 0.44, 0.64 };

  memset (pal, 0, sizeof *pal);
  pal->style = style;
  pal->paint_bg = TRUE;

  switch (style)
    {
    case MP_CHART_STYLE_DARK:
      gdk_rgba_parse (&pal->fg, "#ffffff");
      gdk_rgba_parse (&pal->bg, "#1e1e1e");
      gdk_rgba_parse (&pal->highlight, "#ec7433");
      break;

    case MP_CHART_STYLE_PRINT:
      gdk_rgba_parse (&pal->fg, "#000000");
      gdk_rgba_parse (&pal->bg, "#ffffff");
      gdk_rgba_parse (&pal->highlight, "#d55e00");
      break;

    case MP_CHART_STYLE_LIGHT:
    default:
      gdk_rgba_parse (&pal->fg, "rgba(0,0,0,0.8)");
      gdk_rgba_parse (&pal->bg, "#ffffff");
      gdk_rgba_parse (&pal->highlight, "#d55e00");
      break;
    }

  set_alpha (&pal->fg_dim, &pal->fg, 0.62);
  set_alpha (&pal->grid, &pal->fg, 0.16);

  for (guint i = 0; i < MP_CHART_N_SERIES; i++)
    gdk_rgba_parse (&pal->series[i], series[i]);

  /* Monitoring levels: one hue (orange) in rising strength, so the order
   * survives grey print; the last level (not allowed) is vermilion and is
   * always drawn with a hatch, a symbol and words as well. */
  for (guint i = 0; i < MP_CHART_N_LEVELS - 1; i++)
    set_alpha (&pal->levels[i], &pal->series[1], level_alpha[i]);
  set_alpha (&pal->levels[MP_CHART_N_LEVELS - 1], &pal->highlight, 0.34);

  if (font != NULL)
    pal->font = pango_font_description_copy (font);
  else
    pal->font = pango_font_description_from_string ("Sans 10");

  if (pango_font_description_get_size (pal->font) <= 0)
    pango_font_description_set_size (pal->font, 10 * PANGO_SCALE);

  pal->resolution = resolution > 0 ? resolution : 96.0;
}

void
_mp_chart_palette_init_for_widget (MpChartPalette *pal,
                                   GtkWidget      *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  double resolution = pango_cairo_context_get_resolution (context);
  GdkRGBA fg;

  _mp_chart_palette_init (pal,
                          mp_chart_style_for_widget (widget),
                          pango_context_get_font_description (context),
                          resolution);

  /* The window's own text colour (high contrast included). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  pal->fg = fg;
  set_alpha (&pal->fg_dim, &fg, 0.62);
  set_alpha (&pal->grid, &fg, 0.16);
  pal->paint_bg = FALSE;
}

void
_mp_chart_palette_clear (MpChartPalette *pal)
{
  g_clear_pointer (&pal->font, pango_font_description_free);
}

void
_mp_chart_canvas_init (MpChartCanvas        *canvas,
                       cairo_t              *cr,
                       double                width,
                       double                height,
                       const MpChartPalette *pal,
                       GArray               *hits)
{
  canvas->cr = cr;
  canvas->pal = pal;
  canvas->width = width;
  canvas->height = height;
  canvas->hits = hits;
  canvas->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (canvas->pango, pal->resolution);
  pango_context_set_font_description (canvas->pango, pal->font);
  pango_context_set_language (canvas->pango, pango_language_get_default ());

  if (hits != NULL)
    g_array_set_size (hits, 0);
}

void
_mp_chart_canvas_clear (MpChartCanvas *canvas)
{
  g_clear_object (&canvas->pango);
}

PangoLayout *
_mp_chart_layout (MpChartCanvas    *canvas,
                  const char       *text,
                  MpChartTextFlags  flags)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);

  if (flags & (MP_CHART_TEXT_SMALL | MP_CHART_TEXT_BOLD))
    {
      PangoFontDescription *desc = pango_font_description_copy (canvas->pal->font);

      if (flags & MP_CHART_TEXT_SMALL)
        {
          int size = pango_font_description_get_size (desc);

          if (pango_font_description_get_size_is_absolute (desc))
            pango_font_description_set_absolute_size (desc, size * 0.86);
          else
            pango_font_description_set_size (desc, (int) (size * 0.86));
        }
      if (flags & MP_CHART_TEXT_BOLD)
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }

  if (flags & MP_CHART_TEXT_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_mp_chart_text_size (MpChartCanvas    *canvas,
                     const char       *text,
                     MpChartTextFlags  flags,
                     double           *width,
                     double           *height)
{
  g_autoptr(PangoLayout) layout = _mp_chart_layout (canvas, text, flags);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
_mp_chart_draw_layout (MpChartCanvas    *canvas,
                       PangoLayout      *layout,
                       MpChartTextFlags  flags,
                       double            x,
                       double            y)
{
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  gdk_cairo_set_source_rgba (cr, (flags & MP_CHART_TEXT_DIM) ? &canvas->pal->fg_dim : &canvas->pal->fg);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
_mp_chart_draw_text (MpChartCanvas    *canvas,
                     const char       *text,
                     MpChartTextFlags  flags,
                     double            x,
                     double            y,
                     double            xalign,
                     double            yalign,
                     graphene_rect_t  *extents)
{
  g_autoptr(PangoLayout) layout = _mp_chart_layout (canvas, text, flags);
  int w, h;
  double left, top;

  pango_layout_get_pixel_size (layout, &w, &h);
  left = round (x - xalign * w);
  top = round (y - yalign * h);
  _mp_chart_draw_layout (canvas, layout, flags, left, top);

  if (extents != NULL)
    graphene_rect_init (extents, left, top, w, h);
}

void
_mp_chart_draw_empty (MpChartCanvas *canvas,
                      const char    *text)
{
  g_autoptr(PangoLayout) layout = _mp_chart_layout (canvas, text, MP_CHART_TEXT_DIM);
  int w, h;

  pango_layout_set_width (layout, (int) MAX (1, canvas->width - 24) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  _mp_chart_draw_layout (canvas, layout, MP_CHART_TEXT_DIM,
                         12, round ((canvas->height - h) / 2));
}

/* Patterns are drawn in page coordinates (not per rectangle) so that the
 * hatching of neighbouring bars of one series lines up. */
void
_mp_chart_draw_pattern (MpChartCanvas *canvas,
                        int            pattern,
                        const GdkRGBA *under,
                        double         x,
                        double         y,
                        double         width,
                        double         height)
{
  cairo_t *cr = canvas->cr;
  double spacing = canvas->pal->style == MP_CHART_STYLE_PRINT ? 4.0 : 6.0;
  double lw = canvas->pal->style == MP_CHART_STYLE_PRINT ? 0.6 : 1.0;
  GdkRGBA ink;

  pattern = pattern % MP_CHART_N_SERIES;
  if (pattern == 0 || width <= 0 || height <= 0)
    return;

  if (under != NULL && _mp_chart_luminance (under) * under->alpha + (1 - under->alpha) * _mp_chart_luminance (&canvas->pal->bg) > 0.45)
    gdk_rgba_parse (&ink, "rgba(0,0,0,0.42)");
  else
    gdk_rgba_parse (&ink, "rgba(255,255,255,0.5)");

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_set_line_width (cr, lw);

  switch (pattern)
    {
    case 1: /* diagonal / */
    case 3: /* diagonal \ */
    case 5: /* cross-hatch */
      if (pattern != 3)
        {
          /* lines x + y = c */
          for (double c = floor ((x + y) / spacing) * spacing; c <= x + width + y + height; c += spacing)
            {
              cairo_move_to (cr, c - y, y);
              cairo_line_to (cr, c - y - height, y + height);
            }
        }
      if (pattern != 1)
        {
          /* lines x - y = c */
          for (double c = floor ((x - y - height) / spacing) * spacing; c <= x + width - y; c += spacing)
            {
              cairo_move_to (cr, c + y, y);
              cairo_line_to (cr, c + y + height, y + height);
            }
        }
      cairo_stroke (cr);
      break;

    case 2: /* dots */
      for (double py = floor (y / spacing) * spacing + spacing / 2; py < y + height; py += spacing)
        for (double px = floor (x / spacing) * spacing + spacing / 2; px < x + width; px += spacing)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, px, py, lw * 1.1, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;

    case 4: /* horizontal */
      for (double py = floor (y / spacing) * spacing; py < y + height; py += spacing)
        {
          cairo_move_to (cr, x, py + 0.5);
          cairo_line_to (cr, x + width, py + 0.5);
        }
      cairo_stroke (cr);
      break;

    case 6: /* vertical */
      for (double px = floor (x / spacing) * spacing; px < x + width; px += spacing)
        {
          cairo_move_to (cr, px + 0.5, y);
          cairo_line_to (cr, px + 0.5, y + height);
        }
      cairo_stroke (cr);
      break;

    case 7: /* grid */
    default:
      for (double py = floor (y / spacing) * spacing; py < y + height; py += spacing)
        {
          cairo_move_to (cr, x, py + 0.5);
          cairo_line_to (cr, x + width, py + 0.5);
        }
      for (double px = floor (x / spacing) * spacing; px < x + width; px += spacing)
        {
          cairo_move_to (cr, px + 0.5, y);
          cairo_line_to (cr, px + 0.5, y + height);
        }
      cairo_stroke (cr);
      break;
    }

  cairo_restore (cr);
}

void
_mp_chart_fill_series (MpChartCanvas *canvas,
                       int            series,
                       double         x,
                       double         y,
                       double         width,
                       double         height)
{
  const GdkRGBA *color = &canvas->pal->series[series % MP_CHART_N_SERIES];

  if (width <= 0 || height <= 0)
    return;

  cairo_save (canvas->cr);
  gdk_cairo_set_source_rgba (canvas->cr, color);
  cairo_rectangle (canvas->cr, x, y, width, height);
  cairo_fill (canvas->cr);
  cairo_restore (canvas->cr);

  _mp_chart_draw_pattern (canvas, series, color, x, y, width, height);
}

/* A "no entry" sign (a disc with a white bar) drawn with cairo, so it does
 * not depend on the font having U+26D4. */
void
_mp_chart_draw_no_entry (MpChartCanvas *canvas,
                         double         cx,
                         double         cy,
                         double         radius)
{
  cairo_t *cr = canvas->cr;
  GdkRGBA red;

  gdk_rgba_parse (&red, canvas->pal->style == MP_CHART_STYLE_DARK ? "#ff7b63" : "#c01c28");

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &red);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &canvas->pal->fg);
  cairo_set_line_width (cr, MAX (1.0, radius / 8));
  cairo_stroke (cr);
  cairo_rectangle (cr, cx - radius * 0.62, cy - radius * 0.18, radius * 1.24, radius * 0.36);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_restore (cr);
}

double
_mp_chart_nice_step (double range,
                     int    max_ticks)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude;

  if (!(range > 0) || !isfinite (range))
    return 1.0;

  max_ticks = MAX (max_ticks, 1);
  raw = range / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i] * magnitude >= raw * (1 - 1e-9))
        return steps[i] * magnitude;
    }

  return 10 * magnitude;
}

int
_mp_chart_decimals_for_step (double step)
{
  int decimals = 0;

  while (decimals < 4 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;

  return decimals;
}

void
_mp_chart_add_hit (MpChartCanvas *canvas,
                   double         x,
                   double         y,
                   double         width,
                   double         height,
                   int            index,
                   int            sub)
{
  MpChartHit hit;

  if (canvas->hits == NULL)
    return;

  graphene_rect_init (&hit.rect, x, y, width, height);
  hit.index = index;
  hit.sub = sub;
  g_array_append_val (canvas->hits, hit);
}

/* The last hit added is on top: search backwards. */
const MpChartHit *
_mp_chart_find_hit (GArray *hits,
                    double  x,
                    double  y)
{
  if (hits == NULL)
    return NULL;

  for (guint i = hits->len; i > 0; i--)
    {
      const MpChartHit *hit = &g_array_index (hits, MpChartHit, i - 1);

      if (graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT (x, y)))
        return hit;
    }

  return NULL;
}
