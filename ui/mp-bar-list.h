/* mp-bar-list.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-chart.h"

G_BEGIN_DECLS

#define MP_TYPE_BAR_LIST (mp_bar_list_get_type ())

G_DECLARE_FINAL_TYPE (MpBarList, mp_bar_list, MP, BAR_LIST, MpChart)

/* One row: a label, a bar for a value 0–1 (NaN: no data), the value as text
 * and an optional tooltip (the exact inputs). */
typedef struct
{
  const char *label;
  double      value;
  gboolean    dimmed;     /* e.g. a component with weight 0 */
  const char *tooltip;    /* nullable */
} MpBarItem;

GtkWidget *mp_bar_list_new            (void);
void       mp_bar_list_set_items      (MpBarList       *self,
                                       const MpBarItem *items,
                                       guint            n_items);
void       mp_bar_list_set_components (MpBarList       *self,
                                       GArray          *components);

G_END_DECLS
