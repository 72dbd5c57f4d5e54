/* mp-fan-chart.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-chart.h"
#include "mp-evaluation.h"

G_BEGIN_DECLS

#define MP_TYPE_FAN_CHART (mp_fan_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpFanChart, mp_fan_chart, MP, FAN_CHART, MpChart)

GtkWidget *mp_fan_chart_new                    (void);
void       mp_fan_chart_set_evaluation         (MpFanChart         *self,
                                                const MpEvaluation *eval);
void       mp_fan_chart_set_data               (MpFanChart         *self,
                                                int                 start_year,
                                                int                 n_years,
                                                const MpQuantiles  *quantiles,
                                                const double       *deterministic,
                                                const char         *value_label);
void       mp_fan_chart_set_show_deterministic (MpFanChart         *self,
                                                gboolean            show);
gboolean   mp_fan_chart_get_show_deterministic (MpFanChart         *self);

G_END_DECLS
