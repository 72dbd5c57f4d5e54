/* mp-compare-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_COMPARE_PAGE (mp_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (MpComparePage, mp_compare_page, MP, COMPARE_PAGE, MpPage)

/* The ids (gint64) of the ticked packages, in the document's order. */
GArray *mp_compare_page_dup_selected_ids (MpComparePage *self);
/* Ticks or unticks a package. */
void    mp_compare_page_set_selected     (MpComparePage *self,
                                          gint64         id,
                                          gboolean       selected);

G_END_DECLS
