/* mp-overview-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_OVERVIEW_PAGE (mp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (MpOverviewPage, mp_overview_page, MP, OVERVIEW_PAGE, MpPage)

G_END_DECLS
