/* mp-risk-matrix.h
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

#define MP_TYPE_RISK_MATRIX (mp_risk_matrix_get_type ())

/* Draws the table of mp_monitoring_for_risk() (mp-evaluation.h), the model's
 * lookup of the monitoring a cell needs. */
G_DECLARE_FINAL_TYPE (MpRiskMatrix, mp_risk_matrix, MP, RISK_MATRIX, MpChart)

GtkWidget *mp_risk_matrix_new            (void);
void       mp_risk_matrix_set_measures   (MpRiskMatrix       *self,
                                          const MpMeasure    *measures,
                                          guint               n_measures);
void       mp_risk_matrix_set_evaluation (MpRiskMatrix       *self,
                                          const MpEvaluation *eval);

G_END_DECLS
