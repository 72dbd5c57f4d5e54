/* mp-package-item.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP_TYPE_PACKAGE_ITEM (mp_package_item_get_type ())

G_DECLARE_FINAL_TYPE (MpPackageItem, mp_package_item, MP, PACKAGE_ITEM, GObject)

MpPackageItem *mp_package_item_new          (gint64         id,
                                             const char    *name,
                                             const char    *partners,
                                             guint          n_schemes);
gint64         mp_package_item_get_id       (MpPackageItem *self);
const char    *mp_package_item_get_name     (MpPackageItem *self);
const char    *mp_package_item_get_partners (MpPackageItem *self);
guint          mp_package_item_get_n_schemes (MpPackageItem *self);
/* Updates name, partners and scheme count, notifying what changed. */
void           mp_package_item_update       (MpPackageItem *self,
                                             const char    *name,
                                             const char    *partners,
                                             guint          n_schemes);

G_END_DECLS
