/* mp-scheme-item.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_TYPE_SCHEME_ITEM (mp_scheme_item_get_type ())

G_DECLARE_FINAL_TYPE (MpSchemeItem, mp_scheme_item, MP, SCHEME_ITEM, GObject)

/* One row of the Offer page's scheme table: the displayed values of the
 * scheme at @index of the package, copied (never a pointer into it). */
MpSchemeItem *mp_scheme_item_new        (guint              index,
                                         const MpScheme    *scheme,
                                         const MpReference *reference);
void          mp_scheme_item_update     (MpSchemeItem      *self,
                                         const MpScheme    *scheme,
                                         const MpReference *reference);
guint         mp_scheme_item_get_index  (MpSchemeItem      *self);

G_END_DECLS
