/* mp-columns.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-columns"

#include "config.h"

#include "mp-columns.h"

struct _MpColumns
{
  GtkWidget  parent_instance;

  int        min_column_width;
  int        spacing;
};

static void mp_columns_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpColumns, mp_columns, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, mp_columns_buildable_init))

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static guint
count_visible (MpColumns *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;

  return n;
}

/* Whether @width is enough for the columns side by side. */
static gboolean
side_by_side (MpColumns *self,
              int        width,
              guint      n)
{
  int needed = (int) n * self->min_column_width + ((int) n - 1) * self->spacing;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      needed = MAX (needed, (int) n * min + ((int) n - 1) * self->spacing);
    }

  return n > 1 && width >= needed;
}

static int
column_width (MpColumns *self,
              int        width,
              guint      n)
{
  return (width - ((int) n - 1) * self->spacing) / (int) n;
}

static void
mp_columns_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  MpColumns *self = MP_COLUMNS (widget);
  guint n = count_visible (self);
  gboolean columns;
  int cw = -1;

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child alone; naturally, all side by side. */
      int nat_sum = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          nat_sum += MAX (nat, self->min_column_width);
        }
      *natural = MAX (*minimum, nat_sum + (n > 0 ? ((int) n - 1) * self->spacing : 0));
      return;
    }

  columns = for_size >= 0 && side_by_side (self, for_size, n);
  if (columns)
    cw = column_width (self, for_size, n);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, columns ? cw : for_size, &min, &nat, NULL, NULL);
      if (columns)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min + (*minimum > 0 ? self->spacing : 0);
          *natural += nat + (*natural > 0 ? self->spacing : 0);
        }
    }
}

static void
mp_columns_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  MpColumns *self = MP_COLUMNS (widget);
  guint n = count_visible (self);
  gboolean columns = side_by_side (self, width, n);
  int cw = columns ? column_width (self, width, n) : width;
  int x = 0;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int h;

      if (!gtk_widget_should_layout (child))
        continue;

      if (columns)
        {
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, cw, height }, -1);
          x += cw + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &h, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, h }, -1);
          y += h + self->spacing;
        }
    }
}

static GtkSizeRequestMode
mp_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mp_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mp_columns_parent_class)->dispose (object);
}

static void
mp_columns_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpColumns *self = MP_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_columns_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpColumns *self = MP_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      mp_columns_set_min_column_width (self, g_value_get_int (value));
      break;
    case PROP_SPACING:
      mp_columns_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_columns_add_child (GtkBuildable *buildable,
                      GtkBuilder   *builder,
                      GObject      *child,
                      const char   *type)
{
  if (GTK_IS_WIDGET (child))
    mp_columns_append (MP_COLUMNS (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
mp_columns_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = mp_columns_add_child;
}

static void
mp_columns_class_init (MpColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_columns_dispose;
  object_class->get_property = mp_columns_get_property;
  object_class->set_property = mp_columns_set_property;

  widget_class->measure = mp_columns_measure;
  widget_class->size_allocate = mp_columns_size_allocate;
  widget_class->get_request_mode = mp_columns_get_request_mode;

  properties [PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL, 0, G_MAXINT, 360,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 18,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_columns_init (MpColumns *self)
{
  self->min_column_width = 360;
  self->spacing = 18;
}

GtkWidget *
mp_columns_new (void)
{
  return g_object_new (MP_TYPE_COLUMNS, NULL);
}

void
mp_columns_append (MpColumns *self,
                   GtkWidget *child)
{
  g_return_if_fail (MP_IS_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
mp_columns_set_min_column_width (MpColumns *self,
                                 int        width)
{
  g_return_if_fail (MP_IS_COLUMNS (self));

  if (self->min_column_width == width)
    return;

  self->min_column_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MIN_COLUMN_WIDTH]);
}

void
mp_columns_set_spacing (MpColumns *self,
                        int        spacing)
{
  g_return_if_fail (MP_IS_COLUMNS (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}
