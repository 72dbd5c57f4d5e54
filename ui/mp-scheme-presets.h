/* mp-scheme-presets.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-reference.h"

G_BEGIN_DECLS

/* Schemes modelled on real ones (GECCO, RSE, Triple Win, PALIM), to start
 * a scheme from. */
GtkWidget *mp_scheme_presets_new_popover (void);
gboolean   mp_scheme_presets_apply       (const char        *id,
                                          MpScheme          *scheme,
                                          const MpPackage   *package,
                                          const MpReference *reference);

G_END_DECLS
