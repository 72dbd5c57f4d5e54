/* mp-columns.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_COLUMNS (mp_columns_get_type ())

G_DECLARE_FINAL_TYPE (MpColumns, mp_columns, MP, COLUMNS, GtkWidget)

/* A container that shows its children side by side, in equal columns, when
 * each column gets at least "min-column-width", and one below the other
 * otherwise: two-column pages that still fit a half-screen laptop window. */
GtkWidget *mp_columns_new                  (void);
void       mp_columns_append               (MpColumns *self,
                                            GtkWidget *child);
void       mp_columns_set_min_column_width (MpColumns *self,
                                            int        width);
void       mp_columns_set_spacing          (MpColumns *self,
                                            int        spacing);

G_END_DECLS
