/* mp-evaluation-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The internals the engine's files share (models/engine/ only), and the entry
 * points its tests and benchmark reach.
 *
 * How the engine works (models/README.md, “Projection” and “Uncertainty”).
 *
 * mp_evaluate() first builds an MpPlan (mp-plan.c): an immutable snapshot of
 * the package in flat arrays, with partners, sectors and schemes resolved to
 * indices, validated, and every cohort's base quota and conditional tranche
 * quota laid out.  Every projected quantity is linear in a cohort's
 * admissions N = f · (qa + p · qb) (f the fill rate, p the probability a
 * tranche condition is met; home-track trainees are not scaled by f), so the
 * plan also accumulates, per partner, sector and year, the coefficients
 * (a, b) of those sums.
 *
 * The full evaluation walks every scheme, cohort and year to fill the tables
 * (by scheme, sector, partner, total; mp-projection.c) and derives the scores
 * from the tables (mp-scores.c).  The Monte Carlo fast path (mp-fast-path.c)
 * derives the same headline numbers from the coefficients in
 * O(partners + sectors + years) per draw, without allocating.  Both feed the
 * same scoring functions, and the tests check that they agree.  Risk classes
 * and monitoring are in mp-risk.c, the brain-drain rules in mp-safeguards.c,
 * the draws and the tornado in mp-uncertainty.c (with mp-random.c). */

#include "mp-assumptions.h"
#include "mp-evaluation.h"
#include "mp-reference.h"

G_BEGIN_DECLS

/* ---- The plan (mp-plan.c) ----------------------------------------------- */

/* A sum linear in the probability p that a tranche condition is met:
 * a + p · b (a from the base quotas, b from the conditional tranches). */
typedef struct
{
  double a;
  double b;
} MpPlanPair;

/* Where the wage of a scheme's remittances comes from. */
typedef enum
{
  MP_WAGE_SECTOR,    /* the sector's sourced wage */
  MP_WAGE_FLOOR,     /* assumption wage-floor (EQF 1–4) */
  MP_WAGE_SKILLED,   /* assumption wage-skilled (EQF 5–8) */
} MpWageSource;

typedef struct
{
  const MpScheme *scheme;
  int             partner;
  int             sector;
  gboolean        mobile;              /* every kind except home_track */
  gboolean        study;
  gboolean        labour;              /* mobile and not study */
  gboolean        protected_workers;   /* no fees, language support, complaints channel */
  gboolean        away_training;       /* pre-departure training or a trainee scheme */
  gboolean        training_component;  /* away training or home-track trainees */
  gboolean        health;
  double          months_frac;         /* m / 12 */
  int             stays;
  double          h;
  double          cost;
  double          employer_share;
  MpWageSource    wage_source;
  double          wage_sector;         /* € a month, for MP_WAGE_SECTOR */
  int             first_cohort;        /* calendar year of qa[0] */
  int             n_cohorts;
  double         *qa;                  /* base quota of each cohort */
  double         *qb;                  /* conditional tranche quota of each cohort */
} MpPlanScheme;

typedef struct
{
  const MpPartner *ref;
  double           weights[MP_N_INTERESTS];
  double           scales[MP_N_INTERESTS];  /* fixed scale, NaN = derive from assumptions */
  double           wap;                     /* working-age population, NaN if missing */
  double           inflow_usd;              /* remittance inflow, NaN if missing */
  double           investment;              /* € a year, investment and trade offers */
  double           development;             /* € a year */
  double           scholarships;            /* a year */
  double           visa;                    /* level 0-3 */
  int              n_intake_years;          /* years with labour admissions planned */
  int              n_training_years;
  int              n_study_years;
  MpPlanPair       adm_labour;
  MpPlanPair       adm_all;
  MpPlanPair       adm_protected;
  MpPlanPair       adm_study;
  MpPlanPair       train_away;
  MpPlanPair       train_h;
  MpPlanPair       train_home;              /* home_track schemes, not scaled by f */
  MpPlanPair       rem_sector;              /* Σ PY · 12 · sector wage */
  MpPlanPair       rem_floor;               /* Σ PY · 12 where the floor wage applies */
  MpPlanPair       rem_skilled;
} MpPlanPartner;

typedef struct
{
  const MpSector *ref;
  double          vacancies;                /* NaN when missing */
  double          nl_weight;                /* weight of its shortage component, 0 if none */
  MpPlanPair      py;
} MpPlanSector;

/* A triangular range: an assumption or an ask's expected returns. */
typedef struct
{
  double low;
  double mode;
  double high;
} MpTriangle;

typedef struct
{
  int             start;
  int             end;
  int             n_years;
  MpTriangle      a[MP_N_ASSUMPTIONS];

  MpPlanScheme   *schemes;
  int             n_schemes;
  MpPlanPartner  *partners;
  int             n_partners;
  MpPlanSector   *sectors;
  int             n_sectors;
  int             n_shortage_sectors;       /* sectors with a vacancy figure */

  int            *offer_partner;            /* plan partner of each offer */
  int            *ask_partner;              /* plan partner of each ask */
  MpTriangle     *returns;                  /* expected extra returns of each ask */
  int             n_returns;
  double          irregular_level;
  double          nl_weights[MP_N_NL_COMPONENTS];

  int             n_intake_years;           /* years with any mobile admissions planned */
  MpPlanPair      adm_all;
  MpPlanPair      py_total;
  MpPlanPair      cost_pp_public;           /* × f */
  MpPlanPair      cost_h;                   /* × f × home-track cost */
  MpPlanPair      cost_home_fixed;          /* home-track schemes with their own cost */
  MpPlanPair      cost_home_var;            /* × home-track cost */
  MpPlanPair      exits_return;             /* cohorts ending in the horizon, mandatory return */
  MpPlanPair      exits_free;
  MpPlanPair     *py_year;                  /* [n_years] */

  double         *cohort_buf;
  guint8         *masks;                    /* [n_partners][3][n_years] */
  GPtrArray      *findings;                 /* MpFinding*, raised while planning */
} MpPlan;

MpPlan     *_mp_plan_build              (const MpPackage    *package,
                                         const MpReference  *reference,
                                         GError            **error);
void        _mp_plan_free               (MpPlan             *plan);
void        _mp_plan_modes              (const MpPlan       *plan,
                                         double             *A,
                                         double             *returns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpPlan, _mp_plan_free)

/* ---- Findings and names (mp-evaluation.c) ------------------------------- */

void        _mp_finding_free            (MpFinding          *f);
void        _mp_add_finding             (GPtrArray          *findings,
                                         MpSeverity          severity,
                                         const char         *rule,
                                         int                 scheme,
                                         const char         *partner,
                                         const char         *source,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (7, 8);
void        _mp_swing_clear             (gpointer            data);
const char *_mp_scheme_display_name     (const MpScheme     *s);
const char *_mp_partner_display_name    (const MpPartner    *p);

/* ---- The projection (mp-projection.c) ----------------------------------- */

void        _mp_project                 (MpEvaluation       *eval,
                                         const MpPlan       *plan,
                                         const double       *A);

/* ---- Scores (mp-scores.c) ----------------------------------------------- */

void        _mp_partner_scales          (const MpPlanPartner *pp,
                                         const double        *A,
                                         double              *k);
double      _mp_fit_partner             (const MpPlanPartner *pp,
                                         const double        *v,
                                         const double        *k,
                                         double              *s_out);
double      _mp_nl_benefit              (const MpPlan       *plan,
                                         const double       *A,
                                         const double       *shortage,
                                         double              returns,
                                         double              cost_per_py,
                                         double              net_per_year,
                                         double             *s_out);
double      _mp_mean_fit                (const double       *fits,
                                         int                 n);
void        _mp_score_fit               (MpEvaluation       *eval,
                                         const MpPlan       *plan,
                                         const double       *A,
                                         GPtrArray          *findings);
void        _mp_score_nl                (MpEvaluation       *eval,
                                         const MpPlan       *plan,
                                         const double       *A,
                                         double              returns);

/* ---- The Monte Carlo fast path (mp-fast-path.c) ------------------------- */

gboolean    _mp_plan_fits_fast_path     (const MpPlan       *plan,
                                         GError            **error);
void        _mp_fast_eval               (const MpPlan       *plan,
                                         const double       *A,
                                         double              returns,
                                         double             *headlines,
                                         double             *py_year,
                                         double             *partner_fits);

/* The fast path on its own: headlines (and person-years per year when
 * py_by_year is not NULL, [horizon]) of @package with every catalogue
 * assumption at values[id] (NULL: the package's modes) and every ask's
 * expected returns at their mode.  Must agree with mp_evaluate() for the same
 * values; for tests and benchmarks. */
gboolean    _mp_evaluation_fast_headlines (const MpPackage   *package,
                                           const MpReference *reference,
                                           const double      *values,
                                           double            *headlines,
                                           double            *py_by_year,
                                           GError           **error);

/* ---- Risk and safeguards (mp-risk.c, mp-safeguards.c) ------------------- */

void        _mp_assess_risks            (MpEvaluation       *eval,
                                         const MpPlan       *plan,
                                         const MpPackage    *package,
                                         const double       *A,
                                         GPtrArray          *findings);
void        _mp_check_safeguards        (MpEvaluation       *eval,
                                         const MpPlan       *plan,
                                         const MpPackage    *package,
                                         const double       *A,
                                         GPtrArray          *findings);

/* ---- Random numbers (mp-random.c) --------------------------------------- */

/* The per-draw random stream: xoshiro256** seeded through splitmix64 from
 * (seed, draw). */
typedef struct
{
  guint64 s[4];
} MpRng;

void        _mp_rng_init                (MpRng              *rng,
                                         guint64             seed,
                                         guint64             stream);
guint64     _mp_rng_next                (MpRng              *rng);
double      _mp_rng_uniform             (MpRng              *rng);
double      _mp_triangular_inverse      (double              u,
                                         double              low,
                                         double              mode,
                                         double              high);

/* ---- Uncertainty (mp-uncertainty.c) ------------------------------------- */

/* P10/P50/P90 (type 7) and mean of x[0..n), reordering x. */
MpQuantiles _mp_quantiles_compute       (double             *x,
                                         guint               n);

G_END_DECLS
