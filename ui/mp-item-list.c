/* mp-item-list.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-item-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-item-list.h"
#include "mp-page.h"

/* The rows are built once for a shape of the package (MpItemListSpec's
 * dup_shape()) and refreshed in place after every edit, without emitting
 * their change signals, so that the focus stays in the field being edited. */

struct _MpItemRow
{
  MpItemList *list;
  guint       index;      /* in the package's array */
  GtkWidget  *expander;
  GPtrArray  *fields;     /* MpRow */
};

struct _MpItemList
{
  AdwPreferencesGroup   parent_instance;

  const MpItemListSpec *spec;
  GPtrArray            *rows;    /* MpItemRow */
  char                 *shape;
};

G_DEFINE_FINAL_TYPE (MpItemList, mp_item_list, ADW_TYPE_PREFERENCES_GROUP)

static void
item_row_free (MpItemRow *row)
{
  g_clear_pointer (&row->fields, g_ptr_array_unref);
  g_free (row);
}

static GPtrArray *
items_of (MpItemList      *self,
          const MpPackage *package)
{
  return G_STRUCT_MEMBER (GPtrArray *, package, self->spec->items_offset);
}

static MpSession *
get_session (MpItemList *self)
{
  MpPage *page = mp_page_for_widget (GTK_WIDGET (self));

  return page != NULL ? mp_page_get_session (page) : NULL;
}

/* Every edit starts from a copy of the package as the document holds it. */
static MpPackage *
dup_package (MpItemList *self)
{
  MpSession *session = get_session (self);

  return session != NULL ? mp_session_dup_package (session) : NULL;
}

static void
on_field_changed_cb (MpRow    *field,
                     gpointer  user_data)
{
  MpItemRow *row = user_data;
  MpItemList *self = row->list;
  g_autoptr(MpPackage) package = dup_package (self);
  GPtrArray *items;
  gpointer item;

  if (package == NULL)
    return;

  items = items_of (self, package);
  if (row->index >= items->len)
    return;

  item = g_ptr_array_index (items, row->index);
  if (!mp_row_write (field, item))
    return;
  if (self->spec->edited != NULL)
    self->spec->edited (item, mp_row_get_desc (field)->offset);

  mp_page_commit (mp_page_for_widget (GTK_WIDGET (self)), package,
                  mp_row_get_undo_label (field, _(self->spec->edit_label)));
}

static void
on_remove_clicked_cb (GtkButton *button,
                      MpItemRow *row)
{
  MpItemList *self = row->list;
  g_autoptr(MpPackage) package = dup_package (self);
  GPtrArray *items;

  if (package == NULL)
    return;

  items = items_of (self, package);
  if (row->index >= items->len)
    return;

  g_ptr_array_remove_index (items, row->index);
  mp_page_commit (mp_page_for_widget (GTK_WIDGET (self)), package, _(self->spec->remove_label));
}

static GtkWidget *
new_remove_button (MpItemList *self,
                   MpItemRow  *row,
                   const char *title)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = NULL;

  if (self->spec->remove_name != NULL)
    name = g_strdup (_(self->spec->remove_name));
  else
    /* Translators: accessible name of a remove button; %s names the item */
    name = g_strdup_printf (_("Remove “%s”"), title);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove (can be undone)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), row);

  return button;
}

static void
remove_rows (MpItemList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      MpItemRow *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->expander);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
build_rows (MpItemList      *self,
            const MpPackage *package)
{
  GPtrArray *items = items_of (self, package);
  MpSession *session = get_session (self);

  for (guint i = 0; i < items->len; i++)
    {
      gconstpointer item = g_ptr_array_index (items, i);
      const char *title = self->spec->get_title (item);
      MpItemRow *row = g_new0 (MpItemRow, 1);

      row->list = self;
      row->index = i;
      row->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_row_free);
      row->expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), new_remove_button (self, row, title));

      self->spec->build (row, session, package, item);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->expander);
      g_ptr_array_add (self->rows, row);
    }
}

static void
mp_item_list_finalize (GObject *object)
{
  MpItemList *self = MP_ITEM_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->shape);

  G_OBJECT_CLASS (mp_item_list_parent_class)->finalize (object);
}

static void
mp_item_list_class_init (MpItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_item_list_finalize;
}

static void
mp_item_list_init (MpItemList *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) item_row_free);
}

void
mp_item_list_set_spec (MpItemList           *self,
                       const MpItemListSpec *spec)
{
  g_return_if_fail (MP_IS_ITEM_LIST (self));
  g_return_if_fail (spec != NULL);

  remove_rows (self);
  g_clear_pointer (&self->shape, g_free);
  self->spec = spec;
}

/**
 * mp_item_list_update:
 * @self: an item list
 * @package: the package shown
 *
 * Shows the items of @package: rows built again when the shape changed,
 * else their values refreshed in place.
 */
void
mp_item_list_update (MpItemList      *self,
                     const MpPackage *package)
{
  MpSession *session;
  GPtrArray *items;
  g_autofree char *shape = NULL;

  g_return_if_fail (MP_IS_ITEM_LIST (self));
  g_return_if_fail (self->spec != NULL);
  g_return_if_fail (package != NULL);

  shape = self->spec->dup_shape (package);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
      remove_rows (self);
      build_rows (self, package);
    }

  session = get_session (self);
  items = items_of (self, package);
  for (guint i = 0; i < self->rows->len && i < items->len; i++)
    {
      MpItemRow *row = g_ptr_array_index (self->rows, i);
      gconstpointer item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = self->spec->dup_subtitle (session, package, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), self->spec->get_title (item));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);
      for (guint f = 0; f < row->fields->len; f++)
        mp_row_read (g_ptr_array_index (row->fields, f), item);
    }
}

void
mp_item_list_reset (MpItemList *self)
{
  g_return_if_fail (MP_IS_ITEM_LIST (self));

  g_clear_pointer (&self->shape, g_free);
}

GtkWidget *
mp_item_row_get_expander (MpItemRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->expander;
}

/**
 * mp_item_row_add_field:
 * @row: an item's row
 * @desc: the field's row, bound to the item's struct
 *
 * Returns: (transfer none): the field's row, e.g. to give it its choices
 */
MpRow *
mp_item_row_add_field (MpItemRow       *row,
                       const MpRowDesc *desc)
{
  MpRow *field;

  g_return_val_if_fail (row != NULL, NULL);

  field = mp_row_new (desc, NULL, on_field_changed_cb, row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), mp_row_get_widget (field));
  g_ptr_array_add (row->fields, field);

  return field;
}

/* A row that edits nothing, e.g. the evidence behind an ask. */
void
mp_item_row_add_row (MpItemRow *row,
                     GtkWidget *widget)
{
  g_return_if_fail (row != NULL);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), widget);
}
