/* mp-window.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())

G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

MpWindow   *mp_window_new            (GtkApplication *application);
gboolean    mp_window_has_document   (MpWindow       *self);
const char *mp_window_get_visible_page_name (MpWindow *self);

G_END_DECLS
