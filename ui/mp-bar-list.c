/* mp-bar-list.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-bar-list"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-bar-list.h"
#include "mp-chart-private.h"
#include "mp-evaluation.h"
#include "mp-format.h"

/* Horizontal bars 0–1, one a row: "what drives the fit" on the Overview
 * (the satisfaction s_i of each score component, DOMAIN.md §4.1–4.2). */

#define ROW_PADDING 10

typedef struct
{
  char     *label;
  double    value;
  gboolean  dimmed;
  char     *tooltip;
} BarRow;

typedef struct
{
  GArray *rows;   /* BarRow */
} BarData;

struct _MpBarList
{
  GtkWidget  parent_instance;

  BarData    data;
  GArray    *hits;
};

G_DEFINE_FINAL_TYPE (MpBarList, mp_bar_list, GTK_TYPE_WIDGET)

static void
bar_row_clear (gpointer p)
{
  BarRow *row = p;

  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->tooltip, g_free);
}

static void
render_bar_list (MpChartCanvas *c,
                 gconstpointer  user_data)
{
  const BarData *d = user_data;
  cairo_t *cr = c->cr;
  const double pad = 4;
  double th, label_w = 0, value_w, row_h, bar_x, bar_w;

  if (d->rows->len == 0)
    {
      _mp_chart_draw_empty (c, _("No components to show"));
      return;
    }

  _mp_chart_text_size (c, "0123456789", 0, NULL, &th);
  _mp_chart_text_size (c, "0.00", 0, &value_w, NULL);
  row_h = MAX (th + ROW_PADDING, floor ((c->height - 2 * pad) / d->rows->len));
  row_h = MIN (row_h, th + 2 * ROW_PADDING);

  for (guint i = 0; i < d->rows->len; i++)
    {
      double w;

      _mp_chart_text_size (c, g_array_index (d->rows, BarRow, i).label, 0, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, c->width * 0.45);
  bar_x = pad + label_w + 10;
  bar_w = c->width - pad - value_w - 8 - bar_x;
  if (bar_w < 20)
    {
      _mp_chart_draw_empty (c, _("Too small to draw the bars"));
      return;
    }

  for (guint i = 0; i < d->rows->len; i++)
    {
      const BarRow *row = &g_array_index (d->rows, BarRow, i);
      double y = pad + i * row_h;
      double bh = round (MIN (row_h * 0.5, th * 0.8));
      double by = round (y + (row_h - bh) / 2);
      MpChartTextFlags flags = row->dimmed ? MP_CHART_TEXT_DIM : 0;
      g_autoptr(PangoLayout) layout = _mp_chart_layout (c, row->label, flags);
      g_autofree char *value = mp_format_number (row->value, 2);
      int lw, lh;

      if (y + row_h > c->height + 1)
        break;

      pango_layout_set_width (layout, (int) label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      _mp_chart_draw_layout (c, layout, flags, pad, round (y + (row_h - lh) / 2));

      /* Track, then the bar; the value is also written beside it */
      cairo_save (cr);
      gdk_cairo_set_source_rgba (cr, &c->pal->grid);
      cairo_rectangle (cr, bar_x, by, bar_w, bh);
      cairo_fill (cr);
      cairo_restore (cr);

      if (isfinite (row->value))
        {
          double w = round (CLAMP (row->value, 0, 1) * bar_w);

          cairo_save (cr);
          if (row->dimmed)
            cairo_push_group (cr);
          _mp_chart_fill_series (c, 0, bar_x, by, w, bh);
          if (row->dimmed)
            {
              cairo_pop_group_to_source (cr);
              cairo_paint_with_alpha (cr, 0.45);
            }
          cairo_restore (cr);
        }

      _mp_chart_draw_text (c, value, flags, c->width - pad, y + row_h / 2, 1, 0.5, NULL);
      _mp_chart_add_hit (c, 0, y, c->width, row_h, (int) i, 0);
    }
}

static char *
build_tooltip (const BarData    *d,
               const MpChartHit *hit)
{
  const BarRow *row = &g_array_index (d->rows, BarRow, hit->index);
  g_autofree char *value = NULL;

  if (row->tooltip != NULL)
    return g_strdup (row->tooltip);

  value = mp_format_number (row->value, 2);
  return g_strdup_printf ("%s: %s", row->label, value);
}

static void
update_accessible (MpBarList *self)
{
  g_autoptr(GString) desc = g_string_new (NULL);

  for (guint i = 0; i < self->data.rows->len; i++)
    {
      const BarRow *row = &g_array_index (self->data.rows, BarRow, i);
      g_autofree char *value = mp_format_number (row->value, 2);

      if (desc->len > 0)
        g_string_append (desc, "; ");
      g_string_append_printf (desc, "%s %s", row->label, value);
    }
  if (desc->len == 0)
    g_string_append (desc, _("No components to show"));

  _mp_chart_update_accessible (GTK_WIDGET (self), _("Satisfaction by component"), desc->str);
}

static void
data_changed (MpBarList *self)
{
  g_array_set_size (self->hits, 0);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
mp_bar_list_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  MpBarList *self = MP_BAR_LIST (widget);

  _mp_chart_snapshot (widget, snapshot, render_bar_list, &self->data, self->hits);
}

static void
mp_bar_list_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  MpBarList *self = MP_BAR_LIST (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 220;
      *natural = 360;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
      guint rows = MAX (1, self->data.rows->len);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      *minimum = (int) rows * (h + ROW_PADDING) + 8;
      *natural = (int) rows * (h + 2 * ROW_PADDING) + 8;
    }
}

static gboolean
mp_bar_list_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  MpBarList *self = MP_BAR_LIST (widget);
  const MpChartHit *hit = _mp_chart_find_hit (self->hits, x, y);

  if (hit == NULL)
    return FALSE;

  return _mp_chart_set_tooltip (tooltip, hit, build_tooltip (&self->data, hit));
}

static void
mp_bar_list_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mp_bar_list_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
mp_bar_list_finalize (GObject *object)
{
  MpBarList *self = MP_BAR_LIST (object);

  g_clear_pointer (&self->data.rows, g_array_unref);
  g_clear_pointer (&self->hits, g_array_unref);

  G_OBJECT_CLASS (mp_bar_list_parent_class)->finalize (object);
}

static void
mp_bar_list_class_init (MpBarListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mp_bar_list_finalize;

  widget_class->snapshot = mp_bar_list_snapshot;
  widget_class->measure = mp_bar_list_measure;
  widget_class->query_tooltip = mp_bar_list_query_tooltip;
  widget_class->css_changed = mp_bar_list_css_changed;

  gtk_widget_class_set_css_name (widget_class, "barlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp_bar_list_init (MpBarList *self)
{
  self->data.rows = g_array_new (FALSE, TRUE, sizeof (BarRow));
  g_array_set_clear_func (self->data.rows, bar_row_clear);
  self->hits = g_array_new (FALSE, FALSE, sizeof (MpChartHit));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

/**
 * mp_bar_list_new:
 *
 * Returns: (transfer floating): a new, empty bar list
 */
GtkWidget *
mp_bar_list_new (void)
{
  return g_object_new (MP_TYPE_BAR_LIST, NULL);
}

/**
 * mp_bar_list_set_items:
 * @self: a bar list
 * @items: (array length=n_items) (nullable): the rows; copied
 * @n_items: how many
 *
 * Replaces the rows, in the given order.
 */
void
mp_bar_list_set_items (MpBarList       *self,
                       const MpBarItem *items,
                       guint            n_items)
{
  g_return_if_fail (MP_IS_BAR_LIST (self));
  g_return_if_fail (n_items == 0 || items != NULL);

  g_array_set_size (self->data.rows, 0);
  for (guint i = 0; i < n_items; i++)
    {
      BarRow row;

      row.label = g_strdup (items[i].label != NULL ? items[i].label : "");
      row.value = items[i].value;
      row.dimmed = items[i].dimmed;
      row.tooltip = g_strdup (items[i].tooltip);
      g_array_append_val (self->data.rows, row);
    }

  data_changed (self);
}

static char *
format_delivered (double      value,
                  const char *unit)
{
  g_autofree char *number = NULL;

  if (unit != NULL && g_str_has_prefix (unit, "€"))
    {
      number = mp_format_money (value);
      return g_strconcat (number, unit + strlen ("€"), NULL);
    }

  number = mp_format_number (value, fabs (value) < 10 && value != round (value) ? 2 : 0);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, unit);
}

/**
 * mp_bar_list_set_components:
 * @self: a bar list
 * @components: (element-type MpComponent) (nullable): score components,
 *   e.g. MpEvaluation.fit_components; copied
 *
 * One row per component: its satisfaction as the bar, and its weight,
 * delivered value and reference scale in the tooltip.  Components with
 * weight 0 are dimmed.
 */
void
mp_bar_list_set_components (MpBarList *self,
                            GArray    *components)
{
  g_return_if_fail (MP_IS_BAR_LIST (self));

  g_array_set_size (self->data.rows, 0);

  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MpComponent *comp = &g_array_index (components, MpComponent, i);
      GString *tip = g_string_new (comp->label);
      g_autofree char *s = mp_format_number (comp->satisfaction, 2);
      g_autofree char *v = format_delivered (comp->delivered, comp->unit);
      g_autofree char *w = mp_format_number (comp->weight, comp->weight == round (comp->weight) ? 0 : 1);
      BarRow row;

      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Satisfaction: %s"), s);
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Delivered: %s"), v);
      if (isfinite (comp->scale))
        {
          g_autofree char *k = format_delivered (comp->scale, comp->unit);

          g_string_append_c (tip, '\n');
          g_string_append_printf (tip, _("Reference scale: %s"), k);
        }
      g_string_append_c (tip, '\n');
      g_string_append_printf (tip, _("Weight: %s"), w);
      if (isnan (comp->satisfaction))
        {
          g_string_append_c (tip, '\n');
          g_string_append (tip, _("Left out of the score: no reference scale"));
        }

      row.label = g_strdup (comp->label != NULL ? comp->label : comp->key);
      row.value = comp->satisfaction;
      row.dimmed = !(comp->weight > 0) || isnan (comp->satisfaction);
      row.tooltip = g_string_free (tip, FALSE);
      g_array_append_val (self->data.rows, row);
    }

  data_changed (self);
}

/**
 * mp_bar_list_draw:
 * @self: a bar list
 * @cr: where to draw, with (0, 0) at the list's top left
 * @width: the width, in @cr's units
 * @height: the height, in @cr's units
 * @style: the palette; with %MP_CHART_STYLE_PRINT, text sizes are in points
 *
 * Draws the list as on screen, e.g. for printing.
 */
void
mp_bar_list_draw (MpBarList    *self,
                  cairo_t      *cr,
                  double        width,
                  double        height,
                  MpChartStyle  style)
{
  g_return_if_fail (MP_IS_BAR_LIST (self));
  g_return_if_fail (cr != NULL);

  _mp_chart_draw (GTK_WIDGET (self), cr, width, height, style, render_bar_list, &self->data);
}

/**
 * mp_bar_list_dup_tooltip_at:
 * @self: a bar list
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: (transfer full) (nullable): the tooltip text at a point of the
 *   list as last drawn
 */
char *
mp_bar_list_dup_tooltip_at (MpBarList *self,
                            double     x,
                            double     y)
{
  const MpChartHit *hit;

  g_return_val_if_fail (MP_IS_BAR_LIST (self), NULL);

  hit = _mp_chart_find_hit (self->hits, x, y);
  return hit != NULL ? build_tooltip (&self->data, hit) : NULL;
}
