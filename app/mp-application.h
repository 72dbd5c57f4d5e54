/* mp-application.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_APPLICATION (mp_application_get_type ())

G_DECLARE_FINAL_TYPE (MpApplication, mp_application, MP, APPLICATION, AdwApplication)

MpApplication *mp_application_new            (void);
/* The g_get_monotonic_time() at the start of main(), for MP_REPORT_STARTUP. */
void           mp_application_set_start_time (MpApplication *self,
                                              gint64         start_time);

G_END_DECLS
