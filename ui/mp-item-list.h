/* mp-item-list.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-rows.h"
#include "mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_ITEM_LIST (mp_item_list_get_type ())

G_DECLARE_FINAL_TYPE (MpItemList, mp_item_list, MP, ITEM_LIST, AdwPreferencesGroup)

/* One item of the list: an expander row with a remove button and the rows
 * that edit the item's fields. */
typedef struct _MpItemRow MpItemRow;

/* What a list shows: the items of one array of the package (other offers,
 * asks, tranches), each edited in place and committed as one undoable
 * edit on the list's page. */
typedef struct
{
  gsize        items_offset;  /* of the GPtrArray in MpPackage */
  const char  *edit_label;    /* untranslated names of the edits */
  const char  *remove_label;
  const char  *remove_name;   /* untranslated, nullable: "Remove “title”" */

  /* The rows are built again when this string changes: what the rows
   * depend on (the kinds of the items, the package's partners…). */
  char       *(*dup_shape)    (const MpPackage *package);
  /* Adds the rows of @item (mp_item_row_add_field()). */
  void        (*build)        (MpItemRow       *row,
                               MpSession       *session,
                               const MpPackage *package,
                               gconstpointer    item);
  const char *(*get_title)    (gconstpointer    item);
  char       *(*dup_subtitle) (MpSession       *session,
                               const MpPackage *package,
                               gconstpointer    item);
  /* Nullable: keeps @item consistent after the field at @offset changed. */
  void        (*edited)       (gpointer         item,
                               gsize            offset);
} MpItemListSpec;

void       mp_item_list_set_spec          (MpItemList           *self,
                                           const MpItemListSpec *spec);
void       mp_item_list_update            (MpItemList           *self,
                                           const MpPackage      *package);
/* The rows are built again at the next update (another document). */
void       mp_item_list_reset             (MpItemList           *self);

/* For MpItemListSpec.build */
GtkWidget *mp_item_row_get_expander       (MpItemRow            *row);
MpRow     *mp_item_row_add_field          (MpItemRow            *row,
                                           const MpRowDesc      *desc);
void       mp_item_row_add_row            (MpItemRow            *row,
                                           GtkWidget            *widget);

G_END_DECLS
