/* mp-icons.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp-evaluation.h"

G_BEGIN_DECLS

/* The symbolic icon of each class the pages show, so that a class has the
 * same icon on every page (and colour never carries its meaning alone). */
const char *mp_scheme_kind_icon_name (MpSchemeKind kind);
const char *mp_severity_icon_name    (MpSeverity   severity);
const char *mp_monitoring_icon_name  (MpMonitoring monitoring);
const char *mp_risk_icon_name        (MpRisk       risk);

G_END_DECLS
