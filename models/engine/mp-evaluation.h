/* mp-evaluation.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The evaluation of a package (models/README.md, “Projection” to
 * “Uncertainty”): projection, scores, safeguard findings, risk matrix and
 * uncertainty.  Results are plain structs owned by MpEvaluation. */

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_EVALUATION_ERROR (mp_evaluation_error_quark ())

typedef enum
{
  MP_EVALUATION_ERROR_INVALID,     /* the package cannot be evaluated: message says why */
  MP_EVALUATION_ERROR_UNKNOWN_REF, /* a partner or sector is not in the reference data */
} MpEvaluationError;

GQuark        mp_evaluation_error_quark (void);

/* One year's projected outputs (for a scheme, sector, partner or the total). */
typedef struct
{
  double admissions;       /* N_t */
  double headcount;        /* W_t */
  double person_years;     /* PY_t */
  double settled;          /* S_t */
  double overstayed;       /* O_t */
  double returned;         /* R_t, end of final stay */
  double seasonal_returns; /* W_t for m < 12 */
  double net_migration;    /* cumulative Σ (S + O) up to t */
  double remittances;      /* € */
  double trainees_away;
  double trainees_home;
  double skilled_returnees;
  double cost_public;      /* € */
  double cost_employer;    /* € */
} MpYear;

typedef enum
{
  MP_SEVERITY_NOTE,
  MP_SEVERITY_WARNING,
  MP_SEVERITY_BLOCK,
  MP_N_SEVERITY
} MpSeverity;

typedef struct
{
  MpSeverity  severity;
  char       *rule;        /* stable id, e.g. "who-ssl-health" */
  char       *message;     /* translated, for people */
  int         scheme;      /* index into package->schemes, or -1 */
  char       *partner;     /* iso3 or NULL */
  char       *source;      /* e.g. "WHO Global Code of Practice (2010); WHO SSL 2023" */
} MpFinding;

typedef enum
{
  MP_MONITOR_STANDARD,              /* standard reporting */
  MP_MONITOR_STANDARD_REVIEW,       /* standard + periodic review */
  MP_MONITOR_ENHANCED,              /* independent monitoring with local access */
  MP_MONITOR_ENHANCED_SUSPENSION,   /* enhanced + suspension clause */
  MP_MONITOR_NOT_ALLOWED,
  MP_N_MONITOR
} MpMonitoring;

/* One measure of the package placed in the risk matrix (models/README.md,
 * “Human-rights risk framework”). */
typedef struct
{
  char         *measure;        /* translated label, e.g. "Circular scheme: GECCO-like" */
  char         *partner;        /* iso3 */
  MpRisk        country_risk;
  MpRisk        measure_risk;
  gboolean      never_allowed;  /* forbidden whatever the class */
  MpMonitoring  monitoring;
  int           scheme;         /* index, or -1 */
  int           offer;          /* index, or -1 */
  int           ask;            /* index, or -1 */
} MpMeasure;

/* One component of a 0-100 score. */
typedef struct
{
  char    *key;          /* stable id, e.g. "labour-mobility" or "shortage:ict" */
  char    *label;        /* translated */
  double   weight;       /* 0-5 */
  double   delivered;    /* v_i */
  double   scale;        /* k_i (NaN where the satisfaction is not exponential) */
  double   satisfaction; /* s_i, 0-1 */
  char    *unit;         /* e.g. "admissions a year", "€ a year" */
  char    *partner;      /* iso3 for fit components, NULL for NL components */
} MpComponent;
/* A fit component whose satisfaction is NaN was left out of its score (no
 * reference scale could be derived; a note finding says why).  A score is
 * 100 · Σ w·s / Σ w over the components with a satisfaction.  For a regional
 * package the fit components carry keys "<interest>:<ISO3>", the per-partner
 * fits are in MpEvaluation.partner_fit, and the fit is their simple mean. */

/* The headline outputs, also the ones the uncertainty analysis reports. */
typedef enum
{
  MP_HEADLINE_ADMISSIONS,      /* mean admissions a year over the intake years */
  MP_HEADLINE_PERSON_YEARS,    /* total person-years over the horizon */
  MP_HEADLINE_REMITTANCES,     /* mean € a year over the horizon */
  MP_HEADLINE_NET_MIGRATION,   /* cumulative at the end of the horizon */
  MP_HEADLINE_FIT,
  MP_HEADLINE_NL_BENEFIT,
  MP_HEADLINE_BALANCE,
  MP_HEADLINE_COST_PUBLIC,     /* total public cost over the horizon, € */
  MP_N_HEADLINES
} MpHeadline;

typedef struct
{
  double p10, p50, p90, mean;
} MpQuantiles;

typedef struct
{
  char   *assumption;   /* key */
  double  low_value;    /* output (fit) with the assumption at its low */
  double  high_value;   /* output (fit) with the assumption at its high */
  double  base;
  double  nl_low_value; /* NL benefit with the assumption at its low */
  double  nl_high_value;
  double  nl_base;
} MpSwing;

typedef struct
{
  int           start_year;
  int           n_years;
  MpYear       *total;            /* [n_years] */
  MpYear       *by_scheme;        /* [n_schemes * n_years], row-major by scheme */
  int           n_schemes;
  char        **sector_codes;     /* [n_sectors] */
  MpYear       *by_sector;        /* [n_sectors * n_years] */
  double       *coverage;         /* [n_sectors * n_years]: PY / vacancies, NaN if no vacancies */
  int           n_sectors;
  char        **partner_codes;    /* [n_partners] */
  MpYear       *by_partner;       /* [n_partners * n_years] */
  int           n_partners;

  double        headline[MP_N_HEADLINES];

  GArray       *fit_components;   /* MpComponent */
  GArray       *nl_components;    /* MpComponent */

  GPtrArray    *findings;         /* MpFinding* */
  GArray       *measures;         /* MpMeasure */
  int           n_blocks;
  int           n_warnings;
  int           n_notes;

  /* uncertainty: filled by mp_evaluation_run_uncertainty() */
  gboolean      has_uncertainty;
  guint         draws;
  guint64       seed;
  MpQuantiles   quantiles[MP_N_HEADLINES];
  MpQuantiles  *person_years_by_year;  /* [n_years], fan chart */
  GArray       *swings;               /* MpSwing, sorted by |high - low| descending */

  double       *partner_fit;          /* [n_partners], NaN when all weights are 0 */
  MpRisk       *partner_risk;         /* [n_partners], country risk of the matrix */
  int           n_intake_years;       /* years the headline admissions are averaged over */
} MpEvaluation;

MpEvaluation *mp_evaluate          (const MpPackage   *package,
                                    const MpReference *reference,
                                    GError           **error);
void          mp_evaluation_free   (MpEvaluation      *eval);

/* Monte Carlo draws (triangular, seeded) and one-at-a-time tornado swings.
 * Bit-for-bit reproducible for the same package, reference and seed.
 * progress_cb may be NULL; it is called from the calling thread. */
typedef void (*MpProgressFunc) (double fraction, gpointer user_data);

gboolean      mp_evaluation_run_uncertainty (MpEvaluation      *eval,
                                             const MpPackage   *package,
                                             const MpReference *reference,
                                             guint              draws,
                                             guint64            seed,
                                             GCancellable      *cancellable,
                                             MpProgressFunc     progress,
                                             gpointer           progress_data,
                                             GError           **error);

const MpYear *mp_evaluation_year   (const MpEvaluation *eval,
                                    int                 year);   /* calendar year, NULL outside */

const char   *mp_severity_to_string   (MpSeverity   s);
const char   *mp_severity_label       (MpSeverity   s);
const char   *mp_monitoring_to_string (MpMonitoring m);
const char   *mp_monitoring_label     (MpMonitoring m);
const char   *mp_headline_to_string   (MpHeadline   h);
const char   *mp_headline_label       (MpHeadline   h);

/* The risk matrix: country risk × measure risk → monitoring. */
MpMonitoring  mp_monitoring_for_risk  (MpRisk country,
                                       MpRisk measure);
MpRisk        mp_ask_measure_risk     (MpAskKind kind, gboolean *never_allowed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpEvaluation, mp_evaluation_free)

G_END_DECLS
