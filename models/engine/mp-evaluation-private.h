/* mp-evaluation-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Internal entry points of the evaluator, for tests and benchmarks only. */

#include "mp-assumptions.h"
#include "mp-evaluation.h"

G_BEGIN_DECLS

/* The Monte Carlo fast path: headlines (and person-years per year when
 * py_by_year is not NULL, [horizon]) of @package with every catalogue
 * assumption at values[id] (NULL: the package's modes) and every return ask at
 * its mode scaled by nothing.  Must agree with mp_evaluate() for the same
 * values. */
gboolean mp_evaluation_fast_headlines (const MpPackage   *package,
                                       const MpReference *reference,
                                       const double      *values,
                                       double            *headlines,
                                       double            *py_by_year,
                                       GError           **error);

/* The per-draw random stream: xoshiro256** seeded through splitmix64 from
 * (seed, draw).  Exposed to test its reproducibility. */
typedef struct
{
  guint64 s[4];
} MpRng;

void     mp_rng_init           (MpRng   *rng,
                                guint64  seed,
                                guint64  stream);
guint64  mp_rng_next           (MpRng   *rng);
double   mp_rng_uniform        (MpRng   *rng);
double   mp_triangular_inverse (double   u,
                                double   low,
                                double   mode,
                                double   high);

/* P10/P50/P90 (type 7) and mean of x[0..n), reordering x. */
MpQuantiles mp_quantiles_compute (double *x,
                                  guint   n);

G_END_DECLS
