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
 * (the satisfaction s_i of each score component, models/README.md,
 * “Partner-interest fit” and “Netherlands benefit”). */

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
  MpChart    parent_instance;

  BarData    data;
};

G_DEFINE_FINAL_TYPE (MpBarList, mp_bar_list, MP_TYPE_CHART)

static void
bar_row_clear (gpointer p)
{
  BarRow *row = p;

  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->tooltip, g_free);
}

static void
mp_bar_list_render (MpChart       *chart,
                    MpChartCanvas *c)
{
  const BarData *d = &MP_BAR_LIST (chart)->data;
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
mp_bar_list_dup_tooltip (MpChart          *chart,
                         const MpChartHit *hit)
{
  const BarData *d = &MP_BAR_LIST (chart)->data;
  const BarRow *row = &g_array_index (d->rows, BarRow, hit->index);
  g_autofree char *value = NULL;

  if (row->tooltip != NULL)
    return g_strdup (row->tooltip);

  value = mp_format_number (row->value, 2);
  return g_strdup_printf ("%s: %s", row->label, value);
}

static char *
mp_bar_list_dup_label (MpChart *chart)
{
  return g_strdup (_("Satisfaction by component"));
}

static char *
mp_bar_list_dup_description (MpChart *chart)
{
  MpBarList *self = MP_BAR_LIST (chart);
  GString *desc = g_string_new (NULL);

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

  return g_string_free (desc, FALSE);
}

static void
data_changed (MpBarList *self)
{
  _mp_chart_changed (MP_CHART (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
      GTK_WIDGET_CLASS (mp_bar_list_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                            minimum_baseline, natural_baseline);
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

static void
mp_bar_list_finalize (GObject *object)
{
  MpBarList *self = MP_BAR_LIST (object);

  g_clear_pointer (&self->data.rows, g_array_unref);

  G_OBJECT_CLASS (mp_bar_list_parent_class)->finalize (object);
}

static void
mp_bar_list_class_init (MpBarListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MpChartClass *chart_class = MP_CHART_CLASS (klass);

  object_class->finalize = mp_bar_list_finalize;

  widget_class->measure = mp_bar_list_measure;

  chart_class->min_width = 220;
  chart_class->natural_width = 360;
  chart_class->render = mp_bar_list_render;
  chart_class->dup_tooltip = mp_bar_list_dup_tooltip;
  chart_class->dup_label = mp_bar_list_dup_label;
  chart_class->dup_description = mp_bar_list_dup_description;

  gtk_widget_class_set_css_name (widget_class, "barlist");
}

static void
mp_bar_list_init (MpBarList *self)
{
  self->data.rows = g_array_new (FALSE, TRUE, sizeof (BarRow));
  g_array_set_clear_func (self->data.rows, bar_row_clear);
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
