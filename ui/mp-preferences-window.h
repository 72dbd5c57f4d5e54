/* mp-preferences-window.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_PREFERENCES_WINDOW (mp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MpPreferencesWindow, mp_preferences_window, MP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the application's settings (org.mobilityplanner.MobilityPlanner) */
GtkWidget *mp_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
