/* mp-uncertainty-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-evaluation.h"
#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_UNCERTAINTY_PAGE (mp_uncertainty_page_get_type ())

G_DECLARE_FINAL_TYPE (MpUncertaintyPage, mp_uncertainty_page, MP, UNCERTAINTY_PAGE, MpPage)

gboolean            mp_uncertainty_page_get_running (MpUncertaintyPage *self);
/* The last completed analysis (borrowed), or NULL. */
const MpEvaluation *mp_uncertainty_page_get_result  (MpUncertaintyPage *self);

G_END_DECLS
