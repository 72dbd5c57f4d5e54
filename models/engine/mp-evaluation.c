/* mp-evaluation.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-evaluation.h"
#include "mp-evaluation-private.h"
#include "mp-field-rules.h"
#include "mp-reference.h"

/* How the engine works.
 *
 * mp_evaluate() first builds a Plan: an immutable snapshot of the package in
 * flat arrays (STYLE.md §4), with partners, sectors and schemes resolved to
 * indices, validated, and every cohort's base quota and conditional tranche
 * quota laid out.  Every projected quantity is linear in a cohort's
 * admissions N = f · (qa + p · qb) (f the fill rate, p the probability a
 * tranche condition is met; home-track trainees are not scaled by f), so the
 * plan also accumulates, per partner, sector and year, the coefficients
 * (a, b) of those sums.
 *
 * The full evaluation walks every scheme, cohort and year to fill the tables
 * (by scheme, sector, partner, total) and derives the scores from the
 * tables.  The Monte Carlo fast path (fast_eval) derives the same headline
 * numbers from the coefficients in O(partners + sectors + years) per draw,
 * without allocating.  Both feed the same scoring functions, and the tests
 * check that they agree. */

#define SOURCE_WHO "WHO Global Code of Practice on the International Recruitment of Health " \
                   "Personnel (2010); WHO Health Workforce Support and Safeguards List 2023"
#define SOURCE_ILO "ILO General Principles and Operational Guidelines for Fair Recruitment " \
                   "(principle 7; definition of recruitment fees, 2019)"
#define SOURCE_AR_BRAIN "Advisory report, Migratie in Partnerschap (2026) §2.2, §3.2 [AR]"
#define SOURCE_AR_RISK "Advisory report, Migratie in Partnerschap (2026) §4.2, rec. 3 [AR]"
#define SOURCE_WPP "UN World Population Prospects 2024 (working-age population 2025–2050)"
#define SOURCE_EV "IOB, Op zoek naar grip (2026), evaluation of bilateral partnerships [EV]"

typedef struct
{
  double a;
  double b;
} Pair;

typedef enum
{
  WAGE_SECTOR,
  WAGE_FLOOR,
  WAGE_SKILLED,
} WageSource;

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
  WageSource      wage_source;
  double          wage_sector;         /* € a month, for WAGE_SECTOR */
  int             first_cohort;        /* calendar year of qa[0] */
  int             n_cohorts;
  double         *qa;                  /* base quota of each cohort */
  double         *qb;                  /* conditional tranche quota of each cohort */
} PlanScheme;

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
  Pair             adm_labour;
  Pair             adm_all;
  Pair             adm_protected;
  Pair             adm_study;
  Pair             train_away;
  Pair             train_h;
  Pair             train_home;              /* home_track schemes, not scaled by f */
  Pair             rem_sector;              /* Σ PY · 12 · sector wage */
  Pair             rem_floor;               /* Σ PY · 12 where the floor wage applies */
  Pair             rem_skilled;
} PlanPartner;

typedef struct
{
  const MpSector *ref;
  double          vacancies;                /* NaN when missing */
  double          nl_weight;                /* weight of its shortage component, 0 if none */
  Pair            py;
} PlanSector;

typedef struct
{
  double low;
  double mode;
  double high;
} Tri;

typedef struct
{
  int           start;
  int           end;
  int           n_years;
  Tri           a[MP_N_ASSUMPTIONS];

  PlanScheme   *schemes;
  int           n_schemes;
  PlanPartner  *partners;
  int           n_partners;
  PlanSector   *sectors;
  int           n_sectors;
  int           n_shortage_sectors;         /* sectors with a vacancy figure */

  int          *offer_partner;              /* plan partner of each offer */
  int          *ask_partner;                /* plan partner of each ask */
  Tri          *returns;                    /* expected extra returns of each ask */
  int           n_returns;
  double        irregular_level;
  double        nl_weights[MP_N_NL_COMPONENTS];

  int           n_intake_years;             /* years with any mobile admissions planned */
  Pair          adm_all;
  Pair          py_total;
  Pair          cost_pp_public;             /* × f */
  Pair          cost_h;                     /* × f × home-track cost */
  Pair          cost_home_fixed;            /* home-track schemes with their own cost */
  Pair          cost_home_var;              /* × home-track cost */
  Pair          exits_return;               /* cohorts ending in the horizon, mandatory return */
  Pair          exits_free;
  Pair         *py_year;                    /* [n_years] */

  double       *cohort_buf;
  guint8       *masks;                      /* [n_partners][3][n_years] */
  GPtrArray    *findings;                   /* MpFinding*, raised while planning */
} Plan;

G_DEFINE_QUARK (mp-evaluation-error-quark, mp_evaluation_error)

/* ---- Small helpers ------------------------------------------------------ */

static inline double
pv (Pair   x,
    double p)
{
  return x.a + p * x.b;
}

static inline void
pair_add (Pair   *x,
          double  qa,
          double  qb,
          double  k)
{
  x->a += qa * k;
  x->b += qb * k;
}

static inline double
sat_exp (double v,
         double k)
{
  if (!(k > 0.0))
    return v > 0.0 ? 1.0 : 0.0;
  return 1.0 - exp (-v / k);
}

static void
finding_free (MpFinding *f)
{
  if (f == NULL)
    return;

  g_free (f->rule);
  g_free (f->message);
  g_free (f->partner);
  g_free (f->source);
  g_free (f);
}

static void
component_clear (gpointer data)
{
  MpComponent *c = data;

  g_free (c->key);
  g_free (c->label);
  g_free (c->unit);
  g_free (c->partner);
}

static void
measure_clear (gpointer data)
{
  MpMeasure *m = data;

  g_free (m->measure);
  g_free (m->partner);
}

static void
swing_clear (gpointer data)
{
  MpSwing *s = data;

  g_free (s->assumption);
}

G_GNUC_PRINTF (7, 8)
static void
add_finding (GPtrArray  *findings,
             MpSeverity  severity,
             const char *rule,
             int         scheme,
             const char *partner,
             const char *source,
             const char *format,
             ...)
{
  MpFinding *f = g_new0 (MpFinding, 1);
  va_list args;

  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);

  f->severity = severity;
  f->rule = g_strdup (rule);
  f->scheme = scheme;
  f->partner = g_strdup (partner);
  f->source = g_strdup (source);
  g_ptr_array_add (findings, f);
}

static const char *
scheme_display_name (const MpScheme *s)
{
  return (s->name != NULL && s->name[0] != '\0') ? s->name : _("Unnamed scheme");
}

static const char *
partner_display_name (const MpPartner *p)
{
  return (p->name != NULL && p->name[0] != '\0') ? p->name : p->iso3;
}

/* ---- Random numbers ----------------------------------------------------- */

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/**
 * mp_rng_init:
 * @rng: a generator
 * @seed: the recorded seed
 * @stream: the stream (draw index)
 *
 * Seeds @rng for one draw.  Every (seed, stream) pair gives its own
 * reproducible xoshiro256** stream, so draws do not depend on their order or
 * on the number of threads.
 */
void
mp_rng_init (MpRng   *rng,
             guint64  seed,
             guint64  stream)
{
  guint64 sm = seed;
  guint64 mixed = splitmix64 (&sm);

  sm = mixed ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  /* Discard one output so that nearby streams diverge at once. */
  splitmix64 (&sm);
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&sm);
}

/**
 * mp_rng_next:
 * @rng: a generator
 *
 * Returns: the next 64 random bits (xoshiro256**)
 */
guint64
mp_rng_next (MpRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/**
 * mp_rng_uniform:
 * @rng: a generator
 *
 * Returns: a uniform double in [0, 1) with 53 random bits
 */
double
mp_rng_uniform (MpRng *rng)
{
  return (double) (mp_rng_next (rng) >> 11) * 0x1.0p-53;
}

/**
 * mp_triangular_inverse:
 * @u: a probability in [0, 1]
 * @low: lower bound
 * @mode: most likely value
 * @high: upper bound
 *
 * Returns: the @u quantile of the triangular distribution (low, mode, high)
 */
double
mp_triangular_inverse (double u,
                       double low,
                       double mode,
                       double high)
{
  double span = high - low;
  double fc;

  if (!(span > 0.0))
    return mode;

  fc = (mode - low) / span;
  if (u < fc)
    return low + sqrt (u * span * (mode - low));
  return high - sqrt ((1.0 - u) * span * (high - mode));
}

/* ---- Plan --------------------------------------------------------------- */

static void
plan_free (Plan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->schemes);
  g_free (plan->partners);
  g_free (plan->sectors);
  g_free (plan->returns);
  g_free (plan->offer_partner);
  g_free (plan->ask_partner);
  g_free (plan->py_year);
  g_free (plan->cohort_buf);
  g_free (plan->masks);
  g_clear_pointer (&plan->findings, g_ptr_array_unref);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static inline guint8 *
plan_mask (const Plan *plan,
           int         partner,
           int         which)
{
  return plan->masks + ((gsize) partner * 3 + which) * plan->n_years;
}

enum { MASK_INTAKE, MASK_TRAINING, MASK_STUDY };

static void
partner_init (PlanPartner     *pp,
              const MpPartner *ref,
              const MpPackage *package)
{
  memset (pp, 0, sizeof *pp);
  pp->ref = ref;

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      pp->weights[i] = isnan (package->interest_weights[i])
                       ? ref->profile.weights[i] : package->interest_weights[i];
      pp->scales[i] = isnan (package->interest_scales[i])
                      ? ref->profile.scales[i] : package->interest_scales[i];
    }

  if (mp_value_present (&ref->ind[MP_IND_WORKING_AGE_2025]))
    pp->wap = ref->ind[MP_IND_WORKING_AGE_2025].value;
  else if (mp_value_present (&ref->ind[MP_IND_POPULATION])
           && mp_value_present (&ref->ind[MP_IND_WORKING_AGE_SHARE]))
    pp->wap = ref->ind[MP_IND_POPULATION].value * ref->ind[MP_IND_WORKING_AGE_SHARE].value / 100.0;
  else
    pp->wap = NAN;

  pp->inflow_usd = ref->ind[MP_IND_REMITTANCES_USD].value;
}

/* Index of the partner @iso3 in the plan (added on first use); NULL or empty
 * means the package's first partner. */
static int
plan_partner (Plan               *plan,
              GArray             *partners,
              const MpPackage    *package,
              const MpReference  *reference,
              const char         *iso3,
              const char         *what,
              GError            **error)
{
  const MpPartner *ref;

  if (iso3 == NULL || iso3[0] == '\0')
    {
      if (package->partners == NULL || package->partners[0] == NULL)
        {
          g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                       _("%s has no partner country and the package names none"), what);
          return -1;
        }
      iso3 = package->partners[0];
    }

  ref = mp_reference_find_partner (reference, iso3);
  if (ref == NULL)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_UNKNOWN_REF,
                   _("%s: partner country “%s” is not in the reference data"), what, iso3);
      return -1;
    }

  for (guint i = 0; i < partners->len; i++)
    if (g_array_index (partners, PlanPartner, i).ref == ref)
      return (int) i;

  g_array_set_size (partners, partners->len + 1);
  partner_init (&g_array_index (partners, PlanPartner, partners->len - 1), ref, package);

  return (int) partners->len - 1;
}

static gboolean
plan_assumptions (Plan             *plan,
                  const MpPackage  *package,
                  GError          **error)
{
  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    {
      const MpAssumptionInfo *info = mp_assumption_info ((MpAssumptionId) i);
      Tri *t = &plan->a[i];

      mp_package_get_assumption (package, info->key, &t->low, &t->mode, &t->high);
      if (!(t->low <= t->mode && t->mode <= t->high)
          || t->low < info->min || t->high > info->max)
        {
          g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                       _("Assumption “%s” needs low ≤ mode ≤ high within %g–%g (got %g, %g, %g)"),
                       mp_assumption_info_label (info), info->min, info->max,
                       t->low, t->mode, t->high);
          return FALSE;
        }
    }

  for (guint i = 0; package->assumptions != NULL && i < package->assumptions->len; i++)
    {
      const MpAssumption *o = g_ptr_array_index (package->assumptions, i);

      if (mp_assumption_lookup (o->key) == NULL)
        add_finding (plan->findings, MP_SEVERITY_NOTE, "unknown-assumption", -1, NULL, NULL,
                     _("The package sets an unknown assumption “%s”; it is ignored."),
                     o->key ? o->key : "");
    }

  /* Every draw must keep settle + overstay ≤ 1 (DOMAIN.md §3). */
  /* With the rounding tolerance the JSON validator allows (mp-json.c). */
  if (plan->a[MP_ASSUMPTION_SETTLEMENT].high + plan->a[MP_ASSUMPTION_OVERSTAY].high > 1.0 + 1e-12
      || plan->a[MP_ASSUMPTION_SETTLEMENT_RETURN].high + plan->a[MP_ASSUMPTION_OVERSTAY].high > 1.0 + 1e-12)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("Settlement share plus overstay rate may not exceed 1, even at their highs"));
      return FALSE;
    }

  if (plan->a[MP_ASSUMPTION_VDEM_HIGH_RISK].mode > plan->a[MP_ASSUMPTION_VDEM_LOW_RISK].mode)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The V-Dem threshold for high risk must not exceed the one for low risk"));
      return FALSE;
    }

  return TRUE;
}

/* Every number of @object within the field table's rules (mp-field-rules.h),
 * the message starting with @path. */
static gboolean
check_members (MpFieldEntity   entity,
               gconstpointer   object,
               const char     *path,
               GError        **error)
{
  GError *local = NULL;

  if (G_LIKELY (mp_field_check_members (entity, object, path, &local)))
    return TRUE;

  g_set_error_literal (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
validate_scheme (const MpScheme  *s,
                 GError         **error)
{
  const char *name = scheme_display_name (s);

  if ((int) s->kind < 0 || s->kind >= MP_N_SCHEME_KINDS)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("%s: unknown scheme kind"), name);
      return FALSE;
    }

  return check_members (MP_FIELD_ENTITY_SCHEME, s, name, error);
}

/* Offers, asks and tranches: their kinds, and their numbers within the
 * field table's rules, named by their place in the package. */
static gboolean
validate_items (const MpPackage  *package,
                GError          **error)
{
  static const struct
  {
    gsize          offset;
    const char    *key;
    MpFieldEntity  entity;
    MpFieldId      kind;
  } lists[] = {
    { G_STRUCT_OFFSET (MpPackage, offers), "offers", MP_FIELD_ENTITY_OFFER, MP_FIELD_OFFER_KIND },
    { G_STRUCT_OFFSET (MpPackage, asks), "asks", MP_FIELD_ENTITY_ASK, MP_FIELD_ASK_KIND },
    { G_STRUCT_OFFSET (MpPackage, tranches), "tranches", MP_FIELD_ENTITY_TRANCHE,
      MP_FIELD_TRANCHE_CONDITION },
  };

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      const GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, package, lists[k].offset);
      const MpFieldRule *kind = mp_field_rule (lists[k].kind);

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          gconstpointer item = g_ptr_array_index (items, i);
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[k].key, i);
          double v = mp_field_get (lists[k].kind, item, 0);

          if (v < kind->min || v > kind->max)
            {
              g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                           /* TRANSLATORS: "offers[2]: unknown offer kind" */
                           _("%s: unknown %s"), path, _(kind->name));
              return FALSE;
            }
          if (!check_members (lists[k].entity, item, path, error))
            return FALSE;
        }
    }

  return TRUE;
}

static int
plan_sector (GArray         *sectors,
             const MpSector *ref)
{
  PlanSector ps = { 0 };

  for (guint i = 0; i < sectors->len; i++)
    if (g_array_index (sectors, PlanSector, i).ref == ref)
      return (int) i;

  ps.ref = ref;
  ps.vacancies = (mp_value_present (&ref->vacancies) && ref->vacancies.value > 0.0)
                 ? ref->vacancies.value : NAN;
  g_array_append_val (sectors, ps);

  return (int) sectors->len - 1;
}

/* Lays out the cohorts of every scheme, adds the conditional tranches and
 * accumulates the fast-path coefficients. */
static void
plan_cohorts (Plan            *plan,
              const MpPackage *package)
{
  gsize total = 0;
  double *buf;

  for (int i = 0; i < plan->n_schemes; i++)
    {
      PlanScheme *ps = &plan->schemes[i];
      const MpScheme *s = ps->scheme;
      int y0 = MAX (s->first_year, plan->start - ps->stays + 1);
      int y1 = MIN (s->first_year + s->intake_years - 1, plan->end);

      ps->first_cohort = y0;
      ps->n_cohorts = y1 >= y0 ? y1 - y0 + 1 : 0;
      total += (gsize) ps->n_cohorts * 2;
    }

  plan->cohort_buf = buf = g_new0 (double, MAX (total, 1));
  for (int i = 0; i < plan->n_schemes; i++)
    {
      PlanScheme *ps = &plan->schemes[i];

      ps->qa = buf;
      ps->qb = buf + ps->n_cohorts;
      buf += ps->n_cohorts * 2;
      for (int k = 0; k < ps->n_cohorts; k++)
        ps->qa[k] = ps->scheme->quota;
    }

  for (guint t = 0; package->tranches != NULL && t < package->tranches->len; t++)
    {
      const MpTranche *tr = g_ptr_array_index (package->tranches, t);
      gboolean found = FALSE;
      gboolean condition_asked = FALSE;

      for (int i = 0; i < plan->n_schemes; i++)
        {
          PlanScheme *ps = &plan->schemes[i];

          if (g_strcmp0 (ps->scheme->name, tr->scheme) != 0)
            continue;
          found = TRUE;
          for (int k = 0; k < ps->n_cohorts; k++)
            if (ps->first_cohort + k >= tr->release_year && tr->extra_quota > 0.0)
              ps->qb[k] += tr->extra_quota;
          break;
        }

      for (guint a = 0; package->asks != NULL && a < package->asks->len; a++)
        if (((MpAsk *) g_ptr_array_index (package->asks, a))->kind == tr->condition)
          condition_asked = TRUE;

      if (!found)
        add_finding (plan->findings, MP_SEVERITY_WARNING, "tranche-unknown-scheme", -1, NULL, NULL,
                     _("Tranche “%s” names a scheme “%s” that is not in the package; it is "
                       "ignored."), tr->label ? tr->label : "", tr->scheme ? tr->scheme : "");
      else if (!condition_asked && (int) tr->condition >= 0 && tr->condition < MP_N_ASK_KINDS)
        add_finding (plan->findings, MP_SEVERITY_NOTE, "tranche-condition-missing", -1, NULL,
                     NULL,
                     _("Tranche “%s” is conditional on “%s”, which the package does not ask "
                       "for."), tr->label ? tr->label : "", mp_ask_kind_label (tr->condition));
    }

  /* Coefficients and structural year masks. */
  for (int i = 0; i < plan->n_schemes; i++)
    {
      PlanScheme *ps = &plan->schemes[i];
      PlanPartner *pp = &plan->partners[ps->partner];
      PlanSector *sec = &plan->sectors[ps->sector];
      Pair *rem = ps->wage_source == WAGE_SECTOR ? &pp->rem_sector
                  : ps->wage_source == WAGE_FLOOR ? &pp->rem_floor : &pp->rem_skilled;
      double wage_k = ps->wage_source == WAGE_SECTOR ? ps->wage_sector : 1.0;

      for (int k = 0; k < ps->n_cohorts; k++)
        {
          int y = ps->first_cohort + k;
          double qa = ps->qa[k];
          double qb = ps->qb[k];
          gboolean admitted = y >= plan->start && y <= plan->end;
          int exit_year = y + ps->stays - 1;
          int t0 = MAX (y, plan->start);
          int t1 = MIN (exit_year, plan->end);
          int present = t1 >= t0 ? t1 - t0 + 1 : 0;
          gboolean planned = qa > 0.0 || qb > 0.0;

          if (!ps->mobile)
            {
              if (!admitted)
                continue;
              pair_add (&pp->train_home, qa, qb, 1.0);
              if (ps->cost > 0.0)
                pair_add (&plan->cost_home_fixed, qa, qb, ps->cost * (1.0 - ps->employer_share));
              else
                pair_add (&plan->cost_home_var, qa, qb, 1.0);
              if (planned)
                plan_mask (plan, ps->partner, MASK_TRAINING)[y - plan->start] = 1;
              continue;
            }

          if (admitted)
            {
              pair_add (&plan->adm_all, qa, qb, 1.0);
              pair_add (&pp->adm_all, qa, qb, 1.0);
              if (ps->labour)
                pair_add (&pp->adm_labour, qa, qb, 1.0);
              if (ps->study)
                pair_add (&pp->adm_study, qa, qb, 1.0);
              if (ps->protected_workers)
                pair_add (&pp->adm_protected, qa, qb, 1.0);
              if (ps->away_training)
                pair_add (&pp->train_away, qa, qb, 1.0);
              if (ps->h > 0.0)
                pair_add (&pp->train_h, qa, qb, ps->h);
              pair_add (&plan->cost_pp_public, qa, qb, ps->cost * (1.0 - ps->employer_share));
              pair_add (&plan->cost_h, qa, qb, ps->h);

              if (planned)
                {
                  plan_mask (plan, ps->partner, MASK_INTAKE)[y - plan->start] |= ps->labour;
                  plan_mask (plan, ps->partner, MASK_STUDY)[y - plan->start] |= ps->study;
                  if (ps->away_training || ps->h > 0.0)
                    plan_mask (plan, ps->partner, MASK_TRAINING)[y - plan->start] = 1;
                }
            }

          if (present > 0)
            {
              double py = ps->months_frac * present;

              pair_add (&plan->py_total, qa, qb, py);
              pair_add (&sec->py, qa, qb, py);
              if (!ps->study)
                pair_add (rem, qa, qb, py * 12.0 * wage_k);
              for (int t = t0; t <= t1; t++)
                pair_add (&plan->py_year[t - plan->start], qa, qb, ps->months_frac);
            }

          if (exit_year >= plan->start && exit_year <= plan->end)
            pair_add (ps->scheme->mandatory_return ? &plan->exits_return : &plan->exits_free,
                      qa, qb, 1.0);
        }
    }

  /* Structural year counts. */
  {
    g_autofree guint8 *any = g_new0 (guint8, plan->n_years);

    for (int p = 0; p < plan->n_partners; p++)
      {
        PlanPartner *pp = &plan->partners[p];

        for (int t = 0; t < plan->n_years; t++)
          {
            pp->n_intake_years += plan_mask (plan, p, MASK_INTAKE)[t];
            pp->n_training_years += plan_mask (plan, p, MASK_TRAINING)[t];
            pp->n_study_years += plan_mask (plan, p, MASK_STUDY)[t];
            any[t] |= plan_mask (plan, p, MASK_INTAKE)[t] | plan_mask (plan, p, MASK_STUDY)[t];
          }
      }
    for (int t = 0; t < plan->n_years; t++)
      plan->n_intake_years += any[t];
  }
}

static Plan *
plan_build (const MpPackage    *package,
            const MpReference  *reference,
            GError            **error)
{
  g_autoptr(Plan) plan = g_new0 (Plan, 1);
  g_autoptr(GArray) partners = g_array_new (FALSE, TRUE, sizeof (PlanPartner));
  g_autoptr(GArray) sectors = g_array_new (FALSE, TRUE, sizeof (PlanSector));
  g_autoptr(GArray) returns = g_array_new (FALSE, TRUE, sizeof (Tri));
  guint n_schemes = package->schemes != NULL ? package->schemes->len : 0;
  double shortage_vacancies = 0.0;

  if (!check_members (MP_FIELD_ENTITY_PACKAGE, package,
                      package->name != NULL ? package->name : _("The package"), error) ||
      !validate_items (package, error))
    return NULL;

  plan->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  plan->start = package->start_year;
  plan->n_years = package->horizon;
  plan->end = plan->start + plan->n_years - 1;

  if (!plan_assumptions (plan, package, error))
    return NULL;

  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    plan->nl_weights[i] = package->nl_weights[i];

  /* The package's partners first, in its order. */
  for (int i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    if (plan_partner (plan, partners, package, reference, package->partners[i],
                      _("The package"), error) < 0)
      return NULL;

  plan->schemes = g_new0 (PlanScheme, MAX (n_schemes, 1));
  plan->n_schemes = (int) n_schemes;
  for (guint i = 0; i < n_schemes; i++)
    {
      const MpScheme *s = g_ptr_array_index (package->schemes, i);
      PlanScheme *ps = &plan->schemes[i];
      const MpSector *sector;
      const char *name = scheme_display_name (s);

      if (!validate_scheme (s, error))
        return NULL;

      ps->scheme = s;
      ps->partner = plan_partner (plan, partners, package, reference, s->partner, name, error);
      if (ps->partner < 0)
        return NULL;

      sector = s->sector != NULL ? mp_reference_find_sector (reference, s->sector) : NULL;
      if (sector == NULL)
        {
          g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_UNKNOWN_REF,
                       _("%s: sector “%s” is not in the reference data"), name,
                       s->sector ? s->sector : "");
          return NULL;
        }
      ps->sector = plan_sector (sectors, sector);

      ps->mobile = s->kind != MP_SCHEME_HOME_TRACK;
      ps->study = s->kind == MP_SCHEME_STUDY;
      ps->labour = ps->mobile && !ps->study;
      ps->protected_workers = s->recruitment_fees <= 0.0 && s->language_support
                              && s->complaints_channel;
      ps->away_training = ps->mobile
                          && (s->training_months > 0.0 || s->kind == MP_SCHEME_TRAINEE);
      ps->h = ps->mobile ? s->home_track_ratio : 0.0;
      ps->training_component = ps->away_training || ps->h > 0.0;
      ps->health = sector->health;
      ps->months_frac = s->months / 12.0;
      ps->stays = s->stays;
      ps->cost = s->cost_per_participant;
      ps->employer_share = s->employer_share;

      if (mp_value_present (&sector->wage_month) && sector->wage_month.value > 0.0)
        {
          ps->wage_source = WAGE_SECTOR;
          ps->wage_sector = sector->wage_month.value;
        }
      else
        {
          ps->wage_source = sector->eqf >= 5 ? WAGE_SKILLED : WAGE_FLOOR;
        }
    }

  /* Offers and asks. */
  plan->offer_partner = g_new0 (int, package->offers != NULL ? package->offers->len + 1 : 1);
  plan->ask_partner = g_new0 (int, package->asks != NULL ? package->asks->len + 1 : 1);
  for (guint i = 0; package->offers != NULL && i < package->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (package->offers, i);
      int p;
      PlanPartner *pp;

      p = plan_partner (plan, partners, package, reference, o->partner,
                        mp_offer_kind_label (o->kind), error);
      if (p < 0)
        return NULL;
      plan->offer_partner[i] = p;
      pp = &g_array_index (partners, PlanPartner, p);
      switch (o->kind)
        {
        case MP_OFFER_INVESTMENT:
        case MP_OFFER_TRADE:
          pp->investment += o->amount;
          break;
        case MP_OFFER_SCHOLARSHIPS:
          pp->scholarships += o->amount;
          break;
        case MP_OFFER_VISA:
          pp->visa = MAX (pp->visa, o->amount);
          break;
        case MP_OFFER_CAPACITY_BUILDING:
          pp->development += o->amount;
          break;
        case MP_N_OFFER_KINDS:
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (package->asks, i);

      plan->ask_partner[i] = plan_partner (plan, partners, package, reference, a->partner,
                                           mp_ask_kind_label (a->kind), error);
      if (plan->ask_partner[i] < 0)
        return NULL;

      if (a->returns_low != 0.0 || a->returns_mode != 0.0 || a->returns_high != 0.0)
        {
          Tri t = { a->returns_low, a->returns_mode, a->returns_high };

          /* Each end is within the field table's range (validate_items()). */
          if (!(t.low <= t.mode && t.mode <= t.high))
            {
              g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                           _("%s: expected returns need 0 ≤ low ≤ mode ≤ high"),
                           mp_ask_kind_label (a->kind));
              return NULL;
            }
          g_array_append_val (returns, t);
        }

      /* Information campaigns have no measurable effect (3ie review, EV
       * §3.3): their level is not counted as cooperation. */
      if (a->kind != MP_ASK_INFORMATION_CAMPAIGNS
          && a->kind != MP_ASK_RETURN_READMISSION
          && a->kind != MP_ASK_VOLUNTARY_RETURN)
        plan->irregular_level = MAX (plan->irregular_level, a->level);
    }

  plan->n_partners = (int) partners->len;
  plan->partners = (PlanPartner *) g_array_free (g_steal_pointer (&partners), FALSE);
  plan->n_sectors = (int) sectors->len;
  plan->sectors = (PlanSector *) g_array_free (g_steal_pointer (&sectors), FALSE);
  plan->n_returns = (int) returns->len;
  plan->returns = (Tri *) g_array_free (g_steal_pointer (&returns), FALSE);
  plan->py_year = g_new0 (Pair, plan->n_years);
  plan->masks = g_new0 (guint8, (gsize) MAX (plan->n_partners, 1) * 3 * plan->n_years);

  /* Sector weights of the shortage component: ∝ vacancies among the
   * package's sectors that have a vacancy figure (DOMAIN.md §4.2). */
  for (int k = 0; k < plan->n_sectors; k++)
    if (!isnan (plan->sectors[k].vacancies))
      {
        shortage_vacancies += plan->sectors[k].vacancies;
        plan->n_shortage_sectors++;
      }
  for (int k = 0; k < plan->n_sectors; k++)
    if (!isnan (plan->sectors[k].vacancies))
      plan->sectors[k].nl_weight = plan->nl_weights[MP_NL_SHORTAGE]
                                   * plan->sectors[k].vacancies / shortage_vacancies;

  plan_cohorts (plan, package);

  return g_steal_pointer (&plan);
}

/* ---- Scores ------------------------------------------------------------- */

static void
partner_scales (const PlanPartner *pp,
                const double      *A,
                double            *k)
{
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      if (!isnan (pp->scales[i]))
        {
          k[i] = pp->scales[i];
          continue;
        }

      switch ((MpInterest) i)
        {
        case MP_INTEREST_LABOUR_MOBILITY:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_LABOUR] * pp->wap;
          break;
        case MP_INTEREST_SKILLS:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_SKILLS];
          break;
        case MP_INTEREST_REMITTANCES:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_REMITTANCES] * pp->inflow_usd
                 * A[MP_ASSUMPTION_EUR_PER_USD];
          break;
        case MP_INTEREST_INVESTMENT_TRADE:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_INVESTMENT];
          break;
        case MP_INTEREST_STUDY:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_STUDY];
          break;
        case MP_INTEREST_VISA:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_VISA];
          break;
        case MP_INTEREST_PROTECTION:
          k[i] = NAN;
          break;
        case MP_INTEREST_DEVELOPMENT:
          k[i] = A[MP_ASSUMPTION_FIT_SCALE_DEVELOPMENT];
          break;
        case MP_N_INTERESTS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* 100 · Σ w s / Σ w over the interests with a usable scale; NaN when no
 * interest carries weight. */
static double
fit_partner (const PlanPartner *pp,
             const double      *v,
             const double      *k,
             double            *s_out)
{
  double num = 0.0;
  double den = 0.0;

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      double s;

      if (i == MP_INTEREST_PROTECTION)
        s = CLAMP (v[i], 0.0, 1.0);
      else if (isfinite (k[i]) && k[i] > 0.0)
        s = 1.0 - exp (-v[i] / k[i]);
      else
        s = NAN;

      if (s_out != NULL)
        s_out[i] = s;
      if (!isnan (s))
        {
          num += pp->weights[i] * s;
          den += pp->weights[i];
        }
    }

  return den > 0.0 ? 100.0 * num / den : NAN;
}

/* The NL benefit (§4.2).  shortage[k] is the mean coverage of plan sector k;
 * s_out, when given, receives the satisfactions in component order: one per
 * shortage sector with vacancies (or one if there is none), then return,
 * irregular, cost, net migration. */
static double
nl_benefit (const Plan   *plan,
            const double *A,
            const double *shortage,
            double        returns,
            double        cost_per_py,
            double        net_per_year,
            double       *s_out)
{
  double num = 0.0;
  double den = 0.0;
  int n = 0;
  double s;

  if (plan->n_shortage_sectors == 0)
    {
      if (s_out != NULL)
        s_out[n++] = 0.0;
      den += plan->nl_weights[MP_NL_SHORTAGE];
    }
  else
    {
      for (int k = 0; k < plan->n_sectors; k++)
        {
          if (isnan (plan->sectors[k].vacancies))
            continue;
          s = sat_exp (shortage[k], A[MP_ASSUMPTION_NL_SCALE_SHORTAGE]);
          if (s_out != NULL)
            s_out[n++] = s;
          num += plan->sectors[k].nl_weight * s;
          den += plan->sectors[k].nl_weight;
        }
    }

  s = sat_exp (returns, A[MP_ASSUMPTION_NL_SCALE_RETURN]);
  num += plan->nl_weights[MP_NL_RETURN] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  s = A[MP_ASSUMPTION_NL_SCALE_IRREGULAR] > 0.0
      ? MIN (1.0, plan->irregular_level / A[MP_ASSUMPTION_NL_SCALE_IRREGULAR]) : 0.0;
  num += plan->nl_weights[MP_NL_IRREGULAR] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  /* Without person-years there is nothing to be efficient about. */
  s = isnan (cost_per_py) ? 0.0
      : A[MP_ASSUMPTION_NL_SCALE_COST] > 0.0 ? exp (-cost_per_py / A[MP_ASSUMPTION_NL_SCALE_COST])
      : 0.0;
  num += plan->nl_weights[MP_NL_COST] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  s = A[MP_ASSUMPTION_NL_SCALE_NET_MIGRATION] > 0.0
      ? 1.0 - MIN (1.0, net_per_year / A[MP_ASSUMPTION_NL_SCALE_NET_MIGRATION])
      : (net_per_year > 0.0 ? 0.0 : 1.0);
  num += plan->nl_weights[MP_NL_NET_MIGRATION] * s;
  if (s_out != NULL)
    s_out[n++] = s;

  den += plan->nl_weights[MP_NL_RETURN] + plan->nl_weights[MP_NL_IRREGULAR]
         + plan->nl_weights[MP_NL_COST] + plan->nl_weights[MP_NL_NET_MIGRATION];

  return den > 0.0 ? 100.0 * num / den : 0.0;
}

static double
mean_fit (const double *fits,
          int           n)
{
  double sum = 0.0;
  int used = 0;

  for (int p = 0; p < n; p++)
    if (!isnan (fits[p]))
      {
        sum += fits[p];
        used++;
      }

  return used > 0 ? sum / used : 0.0;
}

/* ---- Fast path ---------------------------------------------------------- */

#define MAX_FAST_SECTORS 64
#define MAX_FAST_PARTNERS 64

/* Headlines for the assumption values A and the summed expected returns,
 * from the plan's coefficients; py_year [n_years] optional. */
static void
fast_eval (const Plan   *plan,
           const double *A,
           double        returns,
           double       *headlines,
           double       *py_year,
           double       *partner_fits)
{
  double f = A[MP_ASSUMPTION_FILL_RATE];
  double p = A[MP_ASSUMPTION_P_CONDITION_MET];
  double o = A[MP_ASSUMPTION_OVERSTAY];
  double remit = A[MP_ASSUMPTION_REMITTANCE_SHARE] * A[MP_ASSUMPTION_WAGE_FACTOR];
  double htc = A[MP_ASSUMPTION_HOME_TRACK_COST];
  double H = plan->n_years;
  double fits_local[MAX_FAST_PARTNERS];
  double shortage_local[MAX_FAST_SECTORS];
  double *fits = partner_fits != NULL ? partner_fits : fits_local;
  double py, rem_total = 0.0, net, cost, nl, fit;

  g_assert (plan->n_sectors <= MAX_FAST_SECTORS);
  g_assert (partner_fits != NULL || plan->n_partners <= MAX_FAST_PARTNERS);

  py = f * pv (plan->py_total, p);
  net = f * ((A[MP_ASSUMPTION_SETTLEMENT_RETURN] + o) * pv (plan->exits_return, p)
             + (A[MP_ASSUMPTION_SETTLEMENT] + o) * pv (plan->exits_free, p));
  cost = f * pv (plan->cost_pp_public, p) + f * htc * pv (plan->cost_h, p)
         + pv (plan->cost_home_fixed, p) + htc * pv (plan->cost_home_var, p);

  for (int i = 0; i < plan->n_partners; i++)
    {
      const PlanPartner *pp = &plan->partners[i];
      double v[MP_N_INTERESTS];
      double k[MP_N_INTERESTS];
      double rem = f * remit * (pv (pp->rem_sector, p)
                                + A[MP_ASSUMPTION_WAGE_FLOOR] * pv (pp->rem_floor, p)
                                + A[MP_ASSUMPTION_WAGE_SKILLED] * pv (pp->rem_skilled, p));
      double all = f * pv (pp->adm_all, p);

      rem_total += rem;
      v[MP_INTEREST_LABOUR_MOBILITY] = pp->n_intake_years > 0
                                       ? f * pv (pp->adm_labour, p) / pp->n_intake_years : 0.0;
      v[MP_INTEREST_SKILLS] = pp->n_training_years > 0
                              ? (f * pv (pp->train_away, p) + f * pv (pp->train_h, p)
                                 + pv (pp->train_home, p)) / pp->n_training_years
                              : 0.0;
      v[MP_INTEREST_REMITTANCES] = rem / H;
      v[MP_INTEREST_INVESTMENT_TRADE] = pp->investment;
      v[MP_INTEREST_STUDY] = pp->scholarships
                             + (pp->n_study_years > 0
                                ? f * pv (pp->adm_study, p) / pp->n_study_years : 0.0);
      v[MP_INTEREST_VISA] = pp->visa;
      v[MP_INTEREST_PROTECTION] = all > 0.0 ? f * pv (pp->adm_protected, p) / all : 0.0;
      v[MP_INTEREST_DEVELOPMENT] = pp->development;

      partner_scales (pp, A, k);
      fits[i] = fit_partner (pp, v, k, NULL);
    }
  fit = mean_fit (fits, plan->n_partners);

  for (int k = 0; k < plan->n_sectors; k++)
    shortage_local[k] = isnan (plan->sectors[k].vacancies)
                        ? 0.0 : f * pv (plan->sectors[k].py, p) / plan->sectors[k].vacancies / H;

  nl = nl_benefit (plan, A, shortage_local, returns, py > 0.0 ? cost / py : NAN, net / H, NULL);

  headlines[MP_HEADLINE_ADMISSIONS] = plan->n_intake_years > 0
                                      ? f * pv (plan->adm_all, p) / plan->n_intake_years : 0.0;
  headlines[MP_HEADLINE_PERSON_YEARS] = py;
  headlines[MP_HEADLINE_REMITTANCES] = rem_total / H;
  headlines[MP_HEADLINE_NET_MIGRATION] = net;
  headlines[MP_HEADLINE_FIT] = fit;
  headlines[MP_HEADLINE_NL_BENEFIT] = nl;
  headlines[MP_HEADLINE_BALANCE] = fit - nl;
  headlines[MP_HEADLINE_COST_PUBLIC] = cost;

  if (py_year != NULL)
    for (int t = 0; t < plan->n_years; t++)
      py_year[t] = f * pv (plan->py_year[t], p);
}

static void
plan_modes (const Plan *plan,
            double     *A,
            double     *returns)
{
  double r = 0.0;

  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    A[i] = plan->a[i].mode;
  for (int i = 0; i < plan->n_returns; i++)
    r += plan->returns[i].mode;
  *returns = r;
}

static gboolean
plan_fits_fast_path (const Plan  *plan,
                     GError     **error)
{
  if (plan->n_sectors > MAX_FAST_SECTORS || plan->n_partners > MAX_FAST_PARTNERS)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The uncertainty analysis supports at most %d sectors and %d partners "
                     "in one package"), MAX_FAST_SECTORS, MAX_FAST_PARTNERS);
      return FALSE;
    }
  return TRUE;
}

/**
 * mp_evaluation_fast_headlines:
 * @package: a package
 * @reference: the reference data
 * @values: (nullable) (array fixed-size=MP_N_ASSUMPTIONS): assumption values, or
 *   %NULL for the package's modes
 * @headlines: (out caller-allocates) (array fixed-size=MP_N_HEADLINES): headlines
 * @py_by_year: (out caller-allocates) (nullable): person-years per year [horizon]
 * @error: return location for a #GError
 *
 * The Monte Carlo fast path on its own, for tests and benchmarks.  Expected
 * returns are at their modes.
 *
 * Returns: %FALSE with @error set when the package cannot be evaluated
 */
gboolean
mp_evaluation_fast_headlines (const MpPackage    *package,
                              const MpReference  *reference,
                              const double       *values,
                              double             *headlines,
                              double             *py_by_year,
                              GError            **error)
{
  g_autoptr(Plan) plan = NULL;
  double A[MP_N_ASSUMPTIONS];
  double returns;

  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (headlines != NULL, FALSE);

  plan = plan_build (package, reference, error);
  if (plan == NULL || !plan_fits_fast_path (plan, error))
    return FALSE;

  plan_modes (plan, A, &returns);
  if (values != NULL)
    memcpy (A, values, sizeof A);

  fast_eval (plan, A, returns, headlines, py_by_year, NULL);

  return TRUE;
}

/* ---- Full evaluation ---------------------------------------------------- */

static void
year_add (MpYear       *dst,
          const MpYear *src)
{
  dst->admissions += src->admissions;
  dst->headcount += src->headcount;
  dst->person_years += src->person_years;
  dst->settled += src->settled;
  dst->overstayed += src->overstayed;
  dst->returned += src->returned;
  dst->seasonal_returns += src->seasonal_returns;
  dst->remittances += src->remittances;
  dst->trainees_away += src->trainees_away;
  dst->trainees_home += src->trainees_home;
  dst->skilled_returnees += src->skilled_returnees;
  dst->cost_public += src->cost_public;
  dst->cost_employer += src->cost_employer;
}

static void
accumulate_net_migration (MpYear *rows,
                          int     n)
{
  double cum = 0.0;

  for (int t = 0; t < n; t++)
    {
      cum += rows[t].settled + rows[t].overstayed;
      rows[t].net_migration = cum;
    }
}

/* Fills the scheme rows: DOMAIN.md §3, cohort by cohort. */
static void
project_scheme (const Plan       *plan,
                const PlanScheme *ps,
                const double     *A,
                MpYear           *rows)
{
  double f = ps->mobile ? A[MP_ASSUMPTION_FILL_RATE] : 1.0;
  double p = A[MP_ASSUMPTION_P_CONDITION_MET];
  double o = A[MP_ASSUMPTION_OVERSTAY];
  double settle = ps->scheme->mandatory_return ? A[MP_ASSUMPTION_SETTLEMENT_RETURN]
                                               : A[MP_ASSUMPTION_SETTLEMENT];
  double wage = ps->wage_source == WAGE_SECTOR ? ps->wage_sector
                : ps->wage_source == WAGE_FLOOR ? A[MP_ASSUMPTION_WAGE_FLOOR]
                : A[MP_ASSUMPTION_WAGE_SKILLED];
  double remit = ps->study ? 0.0
                 : wage * A[MP_ASSUMPTION_REMITTANCE_SHARE] * A[MP_ASSUMPTION_WAGE_FACTOR];
  double htc = A[MP_ASSUMPTION_HOME_TRACK_COST];

  for (int k = 0; k < ps->n_cohorts; k++)
    {
      int y = ps->first_cohort + k;
      double n = f * (ps->qa[k] + p * ps->qb[k]);
      int exit_year = y + ps->stays - 1;

      if (!ps->mobile)
        {
          if (y < plan->start || y > plan->end)
            continue;
          rows[y - plan->start].trainees_home += n;
          if (ps->cost > 0.0)
            {
              rows[y - plan->start].cost_public += n * ps->cost * (1.0 - ps->employer_share);
              rows[y - plan->start].cost_employer += n * ps->cost * ps->employer_share;
            }
          else
            {
              rows[y - plan->start].cost_public += n * htc;
            }
          continue;
        }

      if (y >= plan->start && y <= plan->end)
        {
          MpYear *r = &rows[y - plan->start];

          r->admissions += n;
          if (ps->away_training)
            r->trainees_away += n;
          r->trainees_home += ps->h * n;
          r->cost_public += n * ps->cost * (1.0 - ps->employer_share) + ps->h * n * htc;
          r->cost_employer += n * ps->cost * ps->employer_share;
        }

      for (int t = MAX (y, plan->start); t <= MIN (exit_year, plan->end); t++)
        {
          MpYear *r = &rows[t - plan->start];
          double py = ps->months_frac * n;

          r->headcount += n;
          r->person_years += py;
          if (ps->scheme->months < 12)
            r->seasonal_returns += n;
          r->remittances += py * 12.0 * remit;
        }

      if (exit_year >= plan->start && exit_year <= plan->end)
        {
          MpYear *r = &rows[exit_year - plan->start];
          double returned = n * (1.0 - settle - o);

          r->settled += n * settle;
          r->overstayed += n * o;
          r->returned += returned;
          if (ps->training_component)
            r->skilled_returnees += returned;
        }
    }

  accumulate_net_migration (rows, plan->n_years);
}

static void
add_component (GArray      *components,
               const char  *key,
               const char  *label,
               const char  *unit,
               const char  *partner,
               double       weight,
               double       delivered,
               double       scale,
               double       satisfaction)
{
  MpComponent c = { 0 };

  c.key = g_strdup (key);
  c.label = g_strdup (label);
  c.unit = g_strdup (unit);
  c.partner = g_strdup (partner);
  c.weight = weight;
  c.delivered = delivered;
  c.scale = scale;
  c.satisfaction = satisfaction;
  g_array_append_val (components, c);
}

static const char *
interest_unit (MpInterest i)
{
  switch (i)
    {
    case MP_INTEREST_LABOUR_MOBILITY:
      return _("admissions a year");
    case MP_INTEREST_SKILLS:
      return _("trainees a year");
    case MP_INTEREST_REMITTANCES:
    case MP_INTEREST_INVESTMENT_TRADE:
    case MP_INTEREST_DEVELOPMENT:
      return _("€ a year");
    case MP_INTEREST_STUDY:
      return _("scholarships a year");
    case MP_INTEREST_VISA:
      return _("level 0–3");
    case MP_INTEREST_PROTECTION:
      return _("share of participants");
    case MP_N_INTERESTS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
interest_missing_input (MpInterest i)
{
  switch (i)
    {
    case MP_INTEREST_LABOUR_MOBILITY:
      return _("working-age population");
    case MP_INTEREST_REMITTANCES:
      return _("remittance inflow");
    case MP_INTEREST_SKILLS:
    case MP_INTEREST_INVESTMENT_TRADE:
    case MP_INTEREST_STUDY:
    case MP_INTEREST_VISA:
    case MP_INTEREST_PROTECTION:
    case MP_INTEREST_DEVELOPMENT:
    case MP_N_INTERESTS:
    default:
      return _("a positive reference scale");
    }
}

static void
score_fit (MpEvaluation    *eval,
           const Plan      *plan,
           const MpPackage *package,
           const double    *A,
           GPtrArray       *findings)
{
  gboolean regional = plan->n_partners > 1;

  for (int i = 0; i < plan->n_partners; i++)
    {
      const PlanPartner *pp = &plan->partners[i];
      double adm_labour = 0, adm_all = 0, adm_prot = 0, adm_study = 0, trainees = 0, rem = 0;
      double v[MP_N_INTERESTS];
      double k[MP_N_INTERESTS];
      double s[MP_N_INTERESTS];
      double wsum = 0.0;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const PlanScheme *ps = &plan->schemes[j];
          const MpYear *rows = eval->by_scheme + (gsize) j * plan->n_years;

          if (ps->partner != i)
            continue;
          for (int t = 0; t < plan->n_years; t++)
            {
              adm_all += rows[t].admissions;
              if (ps->labour)
                adm_labour += rows[t].admissions;
              if (ps->study)
                adm_study += rows[t].admissions;
              if (ps->protected_workers)
                adm_prot += rows[t].admissions;
              trainees += rows[t].trainees_away + rows[t].trainees_home;
            }
        }
      for (int t = 0; t < plan->n_years; t++)
        rem += eval->by_partner[(gsize) i * plan->n_years + t].remittances;

      v[MP_INTEREST_LABOUR_MOBILITY] = pp->n_intake_years > 0 ? adm_labour / pp->n_intake_years
                                                              : 0.0;
      v[MP_INTEREST_SKILLS] = pp->n_training_years > 0 ? trainees / pp->n_training_years : 0.0;
      v[MP_INTEREST_REMITTANCES] = rem / plan->n_years;
      v[MP_INTEREST_INVESTMENT_TRADE] = pp->investment;
      v[MP_INTEREST_STUDY] = pp->scholarships
                             + (pp->n_study_years > 0 ? adm_study / pp->n_study_years : 0.0);
      v[MP_INTEREST_VISA] = pp->visa;
      v[MP_INTEREST_PROTECTION] = adm_all > 0.0 ? adm_prot / adm_all : 0.0;
      v[MP_INTEREST_DEVELOPMENT] = pp->development;

      partner_scales (pp, A, k);
      eval->partner_fit[i] = fit_partner (pp, v, k, s);

      for (int j = 0; j < MP_N_INTERESTS; j++)
        {
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          wsum += pp->weights[j];
          if (regional)
            {
              key = g_strdup_printf ("%s:%s", mp_interest_to_string (j), pp->ref->iso3);
              label = g_strdup_printf (_("%s (%s)"), mp_interest_label (j),
                                       partner_display_name (pp->ref));
            }
          else
            {
              key = g_strdup (mp_interest_to_string (j));
              label = g_strdup (mp_interest_label (j));
            }
          add_component (eval->fit_components, key, label, interest_unit (j), pp->ref->iso3,
                         pp->weights[j], v[j], k[j], s[j]);

          if (isnan (s[j]) && pp->weights[j] > 0.0)
            add_finding (findings, MP_SEVERITY_NOTE, "fit-scale-missing", -1, pp->ref->iso3,
                         NULL,
                         _("%s: no reference scale for “%s” (needs %s); the interest is left "
                           "out of the fit."), partner_display_name (pp->ref),
                         mp_interest_label (j), interest_missing_input (j));
        }

      if (!(wsum > 0.0))
        add_finding (findings, MP_SEVERITY_NOTE, "fit-weights-zero", -1, pp->ref->iso3, NULL,
                     _("%s: every interest weight is zero, so the partner is left out of the "
                       "fit."), partner_display_name (pp->ref));
    }

  eval->headline[MP_HEADLINE_FIT] = mean_fit (eval->partner_fit, plan->n_partners);
}

static void
score_nl (MpEvaluation *eval,
          const Plan   *plan,
          const double *A,
          double        returns)
{
  g_autofree double *shortage = g_new0 (double, MAX (plan->n_sectors, 1));
  g_autofree double *s = g_new0 (double, plan->n_sectors + MP_N_NL_COMPONENTS);
  double py = 0.0, cost = 0.0, net, cost_per_py;
  int n = 0;

  for (int k = 0; k < plan->n_sectors; k++)
    {
      double sum = 0.0;

      for (int t = 0; t < plan->n_years; t++)
        sum += eval->by_sector[(gsize) k * plan->n_years + t].person_years;
      shortage[k] = isnan (plan->sectors[k].vacancies)
                    ? 0.0 : sum / plan->sectors[k].vacancies / plan->n_years;
    }
  for (int t = 0; t < plan->n_years; t++)
    {
      py += eval->total[t].person_years;
      cost += eval->total[t].cost_public;
    }
  net = eval->total[plan->n_years - 1].net_migration;
  cost_per_py = py > 0.0 ? cost / py : NAN;

  eval->headline[MP_HEADLINE_NL_BENEFIT] = nl_benefit (plan, A, shortage, returns, cost_per_py,
                                                       net / plan->n_years, s);

  if (plan->n_shortage_sectors == 0)
    {
      add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_SHORTAGE),
                     mp_nl_component_label (MP_NL_SHORTAGE), _("person-years per vacancy"), NULL,
                     plan->nl_weights[MP_NL_SHORTAGE], 0.0,
                     A[MP_ASSUMPTION_NL_SCALE_SHORTAGE], s[n++]);
    }
  else
    {
      for (int k = 0; k < plan->n_sectors; k++)
        {
          const MpSector *sec = plan->sectors[k].ref;
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          if (isnan (plan->sectors[k].vacancies))
            continue;
          key = g_strdup_printf ("shortage:%s", sec->code);
          label = g_strdup_printf (_("Shortage relief: %s"), sec->name ? sec->name : sec->code);
          add_component (eval->nl_components, key, label, _("person-years per vacancy"), NULL,
                         plan->sectors[k].nl_weight, shortage[k],
                         A[MP_ASSUMPTION_NL_SCALE_SHORTAGE], s[n++]);
        }
    }

  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_RETURN),
                 mp_nl_component_label (MP_NL_RETURN), _("returns a year"), NULL,
                 plan->nl_weights[MP_NL_RETURN], returns, A[MP_ASSUMPTION_NL_SCALE_RETURN],
                 s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_IRREGULAR),
                 mp_nl_component_label (MP_NL_IRREGULAR), _("level 0–3"), NULL,
                 plan->nl_weights[MP_NL_IRREGULAR], plan->irregular_level, NAN, s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_COST),
                 mp_nl_component_label (MP_NL_COST), _("€ per person-year"), NULL,
                 plan->nl_weights[MP_NL_COST], cost_per_py, A[MP_ASSUMPTION_NL_SCALE_COST],
                 s[n++]);
  add_component (eval->nl_components, mp_nl_component_to_string (MP_NL_NET_MIGRATION),
                 mp_nl_component_label (MP_NL_NET_MIGRATION), _("persons a year"), NULL,
                 plan->nl_weights[MP_NL_NET_MIGRATION], net / plan->n_years, NAN, s[n++]);
}

/* ---- Risk matrix and safeguards ----------------------------------------- */

/* The country risk rule lives in mp-reference; the evaluation only supplies the
 * package's V-Dem thresholds. */
static MpRisk
country_risk (const MpPartner *p,
              const double    *A,
              gboolean        *missing)
{
  MpRiskThresholds thresholds = {
    .low = A[MP_ASSUMPTION_VDEM_LOW_RISK],
    .medium = A[MP_ASSUMPTION_VDEM_HIGH_RISK],
  };
  MpRiskBasis basis;
  MpRisk risk = mp_partner_risk (p, &thresholds, &basis);

  *missing = basis == MP_RISK_BASIS_NO_DATA;
  return risk;
}

static void
add_measure (MpEvaluation    *eval,
             const Plan      *plan,
             GPtrArray       *findings,
             int              partner,
             char            *label,
             MpRisk           measure_risk,
             gboolean         never_allowed,
             int              scheme,
             int              offer,
             int              ask)
{
  const PlanPartner *pp = &plan->partners[partner];
  MpMeasure m = { 0 };

  m.measure = label;
  m.partner = g_strdup (pp->ref->iso3);
  m.country_risk = eval->partner_risk[partner];
  m.measure_risk = measure_risk;
  m.never_allowed = never_allowed;
  m.scheme = scheme;
  m.offer = offer;
  m.ask = ask;

  if (pp->ref->excluded || never_allowed)
    m.monitoring = MP_MONITOR_NOT_ALLOWED;
  else
    m.monitoring = mp_risk_matrix (m.country_risk, measure_risk);

  if (never_allowed)
    add_finding (findings, MP_SEVERITY_BLOCK, "never-allowed", scheme, pp->ref->iso3,
                 SOURCE_AR_RISK,
                 _("%s (%s) is never allowed, whatever the risk class: no transfers that "
                   "breach non-refoulement, no push- or pullbacks, no detention without "
                   "guaranteed rights."), label, partner_display_name (pp->ref));
  else if (!pp->ref->excluded && m.monitoring == MP_MONITOR_NOT_ALLOWED)
    add_finding (findings, MP_SEVERITY_BLOCK, "risk-not-allowed", scheme, pp->ref->iso3,
                 SOURCE_AR_RISK,
                 _("%s with %s: a high-risk measure in a high-risk country is not allowed."),
                 label, partner_display_name (pp->ref));

  g_array_append_val (eval->measures, m);
}


static void
assess_risks (MpEvaluation    *eval,
              const Plan      *plan,
              const MpPackage *package,
              const double    *A,
              GPtrArray       *findings)
{
  g_autofree int *n_measures = g_new0 (int, MAX (plan->n_partners, 1));

  for (int i = 0; i < plan->n_partners; i++)
    {
      gboolean missing;

      eval->partner_risk[i] = country_risk (plan->partners[i].ref, A, &missing);
      if (missing && !plan->partners[i].ref->excluded)
        add_finding (findings, MP_SEVERITY_NOTE, "country-risk-missing", -1,
                     plan->partners[i].ref->iso3, SOURCE_AR_RISK,
                     _("No V-Dem index and no override for %s: its country risk is set to high "
                       "as a precaution."), partner_display_name (plan->partners[i].ref));
    }

  for (int j = 0; j < plan->n_schemes; j++)
    {
      const PlanScheme *ps = &plan->schemes[j];

      n_measures[ps->partner]++;
      add_measure (eval, plan, findings, ps->partner,
                   g_strdup_printf ("%s: %s", mp_scheme_kind_label (ps->scheme->kind),
                                    scheme_display_name (ps->scheme)),
                   MP_RISK_LOW, FALSE, j, -1, -1);
    }

  /* Investment, trade, scholarships, visa information and capacity building
   * are all low-risk measures (§4.4). */
  for (guint i = 0; package->offers != NULL && i < package->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (package->offers, i);
      int p = plan->offer_partner[i];

      n_measures[p]++;
      add_measure (eval, plan, findings, p, g_strdup (mp_offer_kind_label (o->kind)),
                   MP_RISK_LOW, FALSE, -1, (int) i, -1);
    }

  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (package->asks, i);
      int p = plan->ask_partner[i];
      gboolean never;
      MpRisk risk = mp_ask_measure_risk (a->kind, &never);

      n_measures[p]++;
      add_measure (eval, plan, findings, p, g_strdup (mp_ask_kind_label (a->kind)),
                   risk, never, -1, -1, (int) i);
    }

  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPartner *ref = plan->partners[i].ref;

      if (!ref->excluded)
        continue;
      add_finding (findings, MP_SEVERITY_BLOCK, "excluded-partner", -1, ref->iso3,
                   SOURCE_AR_RISK,
                   mp_ngettext ("%s is excluded from partnerships (%s): humanitarian support "
                                "only. Its %d measure in this package is not allowed.",
                                "%s is excluded from partnerships (%s): humanitarian support "
                                "only. None of its %d measures in this package is allowed.",
                                n_measures[i]),
                   partner_display_name (ref),
                   ref->excluded_reason ? ref->excluded_reason : _("no functioning state"),
                   n_measures[i]);
    }
}

static double
health_workforce (const MpPartner *p)
{
  const MpValue *doctors = &p->ind[MP_IND_DOCTORS_PER_10K];
  const MpValue *nurses = &p->ind[MP_IND_NURSES_PER_10K];
  const MpValue *pop = &p->ind[MP_IND_POPULATION];

  if (!mp_value_present (doctors) || !mp_value_present (nurses) || !mp_value_present (pop))
    return NAN;

  return (doctors->value + nurses->value) * pop->value / 10000.0;
}

static double
working_age_growth (const MpPartner *p)
{
  const MpValue *g = &p->ind[MP_IND_WORKING_AGE_GROWTH];
  const MpValue *w25 = &p->ind[MP_IND_WORKING_AGE_2025];
  const MpValue *w50 = &p->ind[MP_IND_WORKING_AGE_2050];

  if (mp_value_present (g))
    return g->value;
  if (mp_value_present (w25) && mp_value_present (w50) && w25->value > 0.0)
    return 100.0 * (w50->value - w25->value) / w25->value;
  return NAN;
}

static void
check_safeguards (MpEvaluation    *eval,
                  const Plan      *plan,
                  const MpPackage *package,
                  const double    *A,
                  GPtrArray       *findings)
{
  for (int j = 0; j < plan->n_schemes; j++)
    {
      const PlanScheme *ps = &plan->schemes[j];
      const MpScheme *s = ps->scheme;
      const MpPartner *partner = plan->partners[ps->partner].ref;
      const MpSector *sector = plan->sectors[ps->sector].ref;
      const char *name = scheme_display_name (s);
      const char *pname = partner_display_name (partner);

      if (ps->health && partner->who_ssl)
        {
          if (!ps->mobile || s->g2g_health_support)
            add_finding (findings, MP_SEVERITY_WARNING, "who-ssl-health", j, partner->iso3,
                         SOURCE_WHO,
                         _("%s: health-sector scheme with %s, which is on the WHO Health "
                           "Workforce Support and Safeguards List 2023. Allowed as %s; monitor "
                           "its effect on %s’s health workforce."),
                         name, pname,
                         !ps->mobile ? _("a home track")
                                     : _("a government-to-government scheme with health-system "
                                         "support"),
                         pname);
          else
            add_finding (findings, MP_SEVERITY_BLOCK, "who-ssl-health", j, partner->iso3,
                         SOURCE_WHO,
                         _("%s: recruits health workers from %s, which is on the WHO Health "
                           "Workforce Support and Safeguards List 2023. Active recruitment is "
                           "discouraged: make it a home track or a government-to-government "
                           "scheme with health-system support."), name, pname);
        }

      if (s->recruitment_fees > 0.0)
        add_finding (findings, MP_SEVERITY_BLOCK, "recruitment-fees", j, partner->iso3,
                     SOURCE_ILO,
                     _("%s: workers are charged €%.0f in recruitment fees. No recruitment fees "
                       "or related costs may be charged to workers."),
                     name, s->recruitment_fees);

      if (ps->labour && sector->eqf >= 4 && !ps->training_component)
        add_finding (findings, MP_SEVERITY_WARNING, "skilled-no-training", j, partner->iso3,
                     SOURCE_AR_BRAIN,
                     _("%s: skilled mobility (EQF %d) from %s without a training or home-track "
                       "component. Add pre-departure training or home-track trainees so that "
                       "returnees bring skills home."), name, sector->eqf, pname);

      if (ps->study && !s->return_incentives)
        add_finding (findings, MP_SEVERITY_NOTE, "study-no-return-incentives", j, partner->iso3,
                     SOURCE_AR_BRAIN,
                     _("%s: study scheme without return incentives. Students who do not return "
                       "are a brain drain for %s."), name, pname);

      if (s->kind == MP_SCHEME_CIRCULAR && !s->reintegration_support)
        add_finding (findings, MP_SEVERITY_NOTE, "circular-no-reintegration", j, partner->iso3,
                     SOURCE_AR_BRAIN,
                     _("%s: circular scheme without reintegration support for returnees to "
                       "%s."), name, pname);
    }

  for (int i = 0; i < plan->n_partners; i++)
    {
      const MpPartner *partner = plan->partners[i].ref;
      const char *pname = partner_display_name (partner);
      int n_health = 0, n_labour = 0, health_scheme = -1;
      double peak = 0.0;
      int peak_year = plan->start;
      double growth;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const PlanScheme *ps = &plan->schemes[j];

          if (ps->partner != i || !ps->mobile)
            continue;
          n_labour += ps->labour;
          if (ps->health)
            {
              n_health++;
              health_scheme = j;
            }
        }

      if (n_health > 0)
        {
          double workforce = health_workforce (partner);
          double threshold = A[MP_ASSUMPTION_HEALTH_THRESHOLD];

          for (int t = 0; t < plan->n_years; t++)
            {
              double adm = 0.0;

              for (int j = 0; j < plan->n_schemes; j++)
                {
                  const PlanScheme *ps = &plan->schemes[j];

                  if (ps->partner == i && ps->mobile && ps->health)
                    adm += eval->by_scheme[(gsize) j * plan->n_years + t].admissions;
                }
              if (adm > peak)
                {
                  peak = adm;
                  peak_year = plan->start + t;
                }
            }

          if (isnan (workforce))
            add_finding (findings, MP_SEVERITY_NOTE, "health-workforce-missing",
                         n_health == 1 ? health_scheme : -1, partner->iso3, NULL,
                         _("Health-workforce check not applied for %s: doctors, nurses or "
                           "population data are missing."), pname);
          else if (peak > threshold * workforce)
            add_finding (findings, MP_SEVERITY_WARNING, "health-workforce-share",
                         n_health == 1 ? health_scheme : -1, partner->iso3,
                         "WHO National Health Workforce Accounts (densities per 10,000); "
                         "DOMAIN.md §4.5",
                         _("Health-sector admissions from %s reach %.0f in %d: %.2f %% of its "
                           "health workforce of about %.0f (threshold %.2f %%)."),
                         pname, peak, peak_year, 100.0 * peak / workforce, workforce,
                         100.0 * threshold);
        }

      growth = working_age_growth (partner);
      if (n_labour > 0 && !isnan (growth) && growth < 0.0)
        add_finding (findings, MP_SEVERITY_WARNING, "demographic-window", -1, partner->iso3,
                     SOURCE_WPP,
                     _("%s: the working-age population is projected to shrink by %.1f %% "
                       "between 2025 and 2050; labour mobility competes with the partner’s own "
                       "needs."), pname, -growth);
    }

  for (int k = 0; k < plan->n_sectors; k++)
    {
      const MpSector *sector = plan->sectors[k].ref;
      gboolean earns = FALSE;
      const PlanScheme *fallback = NULL;

      for (int j = 0; j < plan->n_schemes; j++)
        {
          const PlanScheme *ps = &plan->schemes[j];

          if (ps->sector != k || !ps->labour)
            continue;
          earns = TRUE;
          if (ps->wage_source != WAGE_SECTOR)
            fallback = ps;
        }

      if (isnan (plan->sectors[k].vacancies))
        add_finding (findings, MP_SEVERITY_NOTE, "vacancies-missing", -1, NULL, NULL,
                     _("Sector %s has no vacancy figure: its coverage and shortage relief are "
                       "not computed."), sector->name ? sector->name : sector->code);
      if (earns && fallback != NULL)
        {
          gboolean skilled = fallback->wage_source == WAGE_SKILLED;
          const MpAssumptionInfo *info =
            mp_assumption_info (skilled ? MP_ASSUMPTION_WAGE_SKILLED : MP_ASSUMPTION_WAGE_FLOOR);

          add_finding (findings, MP_SEVERITY_NOTE, "wage-fallback", -1, NULL, info->source,
                       _("Sector %s has no sourced wage: remittances use €%.2f a month (%s)."),
                       sector->name ? sector->name : sector->code,
                       A[skilled ? MP_ASSUMPTION_WAGE_SKILLED : MP_ASSUMPTION_WAGE_FLOOR],
                       mp_assumption_info_label (info));
        }
    }

  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (package->asks, i);
      const MpPartner *partner = plan->partners[plan->ask_partner[i]].ref;

      if (a->kind == MP_ASK_INFORMATION_CAMPAIGNS)
        add_finding (findings, MP_SEVERITY_NOTE, "information-campaigns", -1, partner->iso3,
                     SOURCE_EV,
                     _("Information campaigns with %s: no measurable effect on migration "
                       "intentions (review of 112 studies); the evaluation recommends stopping "
                       "them. Their level is not counted in the NL benefit."),
                     partner_display_name (partner));

      if (a->returns_mode > A[MP_ASSUMPTION_EVIDENCE_RETURNS])
        add_finding (findings, MP_SEVERITY_NOTE, "returns-above-evidence", -1, partner->iso3,
                     SOURCE_EV,
                     _("Expected extra returns from %s (%.0f a year) exceed the only measured "
                       "effect of a Dutch partnership: about %.0f extra forced returns a year "
                       "(Morocco)."),
                     partner_display_name (partner), a->returns_mode,
                     A[MP_ASSUMPTION_EVIDENCE_RETURNS]);
    }
}

/* ---- The evaluation ----------------------------------------------------- */

static MpEvaluation *
evaluation_new (const Plan *plan)
{
  MpEvaluation *eval = g_new0 (MpEvaluation, 1);
  gsize H = plan->n_years;

  eval->start_year = plan->start;
  eval->n_years = plan->n_years;
  eval->total = g_new0 (MpYear, H);
  eval->n_schemes = plan->n_schemes;
  eval->by_scheme = g_new0 (MpYear, MAX (plan->n_schemes, 1) * H);
  eval->n_sectors = plan->n_sectors;
  eval->sector_codes = g_new0 (char *, plan->n_sectors + 1);
  eval->by_sector = g_new0 (MpYear, MAX (plan->n_sectors, 1) * H);
  eval->coverage = g_new0 (double, MAX (plan->n_sectors, 1) * H);
  eval->n_partners = plan->n_partners;
  eval->partner_codes = g_new0 (char *, plan->n_partners + 1);
  eval->by_partner = g_new0 (MpYear, MAX (plan->n_partners, 1) * H);
  eval->partner_fit = g_new0 (double, MAX (plan->n_partners, 1));
  eval->partner_risk = g_new0 (MpRisk, MAX (plan->n_partners, 1));

  for (int k = 0; k < plan->n_sectors; k++)
    eval->sector_codes[k] = g_strdup (plan->sectors[k].ref->code);
  for (int p = 0; p < plan->n_partners; p++)
    eval->partner_codes[p] = g_strdup (plan->partners[p].ref->iso3);

  eval->fit_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->fit_components, component_clear);
  eval->nl_components = g_array_new (FALSE, TRUE, sizeof (MpComponent));
  g_array_set_clear_func (eval->nl_components, component_clear);
  eval->measures = g_array_new (FALSE, TRUE, sizeof (MpMeasure));
  g_array_set_clear_func (eval->measures, measure_clear);
  eval->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  eval->swings = g_array_new (FALSE, TRUE, sizeof (MpSwing));
  g_array_set_clear_func (eval->swings, swing_clear);

  return eval;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MpFinding *fa = *(const MpFinding * const *) a;
  const MpFinding *fb = *(const MpFinding * const *) b;

  return (int) fb->severity - (int) fa->severity;
}

/**
 * mp_evaluate:
 * @package: the package to evaluate
 * @reference: the reference data its partners and sectors come from
 * @error: return location for a #GError
 *
 * Projects @package year by year over its horizon (DOMAIN.md §3), scores it
 * (§4.1–§4.3), places every measure in the risk matrix (§4.4) and runs the
 * brain-drain safeguards (§4.5), all with the package's assumption modes.
 * Uncertainty is computed separately by mp_evaluation_run_uncertainty().
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with @error set
 *   (%MP_EVALUATION_ERROR) when the package is invalid or names a partner or
 *   sector that the reference data lacks
 */
MpEvaluation *
mp_evaluate (const MpPackage    *package,
             const MpReference  *reference,
             GError            **error)
{
  g_autoptr(Plan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  MpEvaluation *eval;
  double A[MP_N_ASSUMPTIONS];
  double returns;
  gsize H;
  double adm = 0.0, py = 0.0, rem = 0.0, cost = 0.0;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = plan_build (package, reference, error);
  if (plan == NULL)
    return NULL;

  plan_modes (plan, A, &returns);
  eval = evaluation_new (plan);
  H = plan->n_years;

  for (int j = 0; j < plan->n_schemes; j++)
    {
      const PlanScheme *ps = &plan->schemes[j];
      MpYear *rows = eval->by_scheme + (gsize) j * H;

      project_scheme (plan, ps, A, rows);
      for (gsize t = 0; t < H; t++)
        {
          year_add (&eval->total[t], &rows[t]);
          year_add (&eval->by_sector[ps->sector * H + t], &rows[t]);
          year_add (&eval->by_partner[ps->partner * H + t], &rows[t]);
        }
    }
  accumulate_net_migration (eval->total, (int) H);
  for (int k = 0; k < plan->n_sectors; k++)
    {
      accumulate_net_migration (eval->by_sector + k * H, (int) H);
      for (gsize t = 0; t < H; t++)
        eval->coverage[k * H + t] = eval->by_sector[k * H + t].person_years
                                    / plan->sectors[k].vacancies;
    }
  for (int p = 0; p < plan->n_partners; p++)
    accumulate_net_migration (eval->by_partner + p * H, (int) H);

  for (gsize t = 0; t < H; t++)
    {
      adm += eval->total[t].admissions;
      py += eval->total[t].person_years;
      rem += eval->total[t].remittances;
      cost += eval->total[t].cost_public;
    }
  eval->n_intake_years = plan->n_intake_years;
  eval->headline[MP_HEADLINE_ADMISSIONS] = plan->n_intake_years > 0
                                           ? adm / plan->n_intake_years : 0.0;
  eval->headline[MP_HEADLINE_PERSON_YEARS] = py;
  eval->headline[MP_HEADLINE_REMITTANCES] = rem / H;
  eval->headline[MP_HEADLINE_NET_MIGRATION] = eval->total[H - 1].net_migration;
  eval->headline[MP_HEADLINE_COST_PUBLIC] = cost;

  findings = g_steal_pointer (&plan->findings);
  plan->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);

  score_fit (eval, plan, package, A, findings);
  score_nl (eval, plan, A, returns);
  eval->headline[MP_HEADLINE_BALANCE] = eval->headline[MP_HEADLINE_FIT]
                                        - eval->headline[MP_HEADLINE_NL_BENEFIT];

  assess_risks (eval, plan, package, A, findings);
  check_safeguards (eval, plan, package, A, findings);

  /* Blocks first, then warnings, then notes; stable within a severity. */
  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    {
      MpFinding *f = g_ptr_array_index (findings, i);

      eval->n_blocks += f->severity == MP_SEVERITY_BLOCK;
      eval->n_warnings += f->severity == MP_SEVERITY_WARNING;
      eval->n_notes += f->severity == MP_SEVERITY_NOTE;
    }
  g_ptr_array_extend_and_steal (eval->findings, g_steal_pointer (&findings));

  return eval;
}

/**
 * mp_evaluation_free:
 * @eval: (nullable): an evaluation
 *
 * Frees @eval and all its results.
 */
void
mp_evaluation_free (MpEvaluation *eval)
{
  if (eval == NULL)
    return;

  g_free (eval->total);
  g_free (eval->by_scheme);
  g_strfreev (eval->sector_codes);
  g_free (eval->by_sector);
  g_free (eval->coverage);
  g_strfreev (eval->partner_codes);
  g_free (eval->by_partner);
  g_clear_pointer (&eval->fit_components, g_array_unref);
  g_clear_pointer (&eval->nl_components, g_array_unref);
  g_clear_pointer (&eval->findings, g_ptr_array_unref);
  g_clear_pointer (&eval->measures, g_array_unref);
  g_free (eval->person_years_by_year);
  g_clear_pointer (&eval->swings, g_array_unref);
  g_free (eval->partner_fit);
  g_free (eval->partner_risk);
  g_free (eval);
}

/**
 * mp_evaluation_year:
 * @eval: an evaluation
 * @year: a calendar year
 *
 * Returns: (transfer none) (nullable): the package totals of @year, or %NULL
 *   outside the horizon
 */
const MpYear *
mp_evaluation_year (const MpEvaluation *eval,
                    int                 year)
{
  g_return_val_if_fail (eval != NULL, NULL);

  if (year < eval->start_year || year >= eval->start_year + eval->n_years)
    return NULL;

  return &eval->total[year - eval->start_year];
}

/* ---- Uncertainty -------------------------------------------------------- */

/* Moves the k-th smallest of x[0..n) to x[k], smaller ones before it and
 * larger ones after (Hoare's selection, median-of-three pivot): O(n), where
 * sorting every column of 10,000 draws dominated the run time. */
static void
select_nth (double *x,
            gssize  n,
            gssize  k)
{
  gssize lo = 0;
  gssize hi = n - 1;

  while (hi > lo)
    {
      gssize mid = lo + (hi - lo) / 2;
      double a = x[lo], b = x[mid], c = x[hi];
      double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
      gssize i = lo;
      gssize j = hi;

      while (i <= j)
        {
          while (x[i] < pivot)
            i++;
          while (x[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = x[i];

              x[i] = x[j];
              x[j] = t;
              i++;
              j--;
            }
        }

      /* Now x[lo..j] ≤ pivot ≤ x[i..hi] and x(j..i) == pivot. */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return;
    }
}

/* The type-7 quantile (linear interpolation between order statistics). */
static double
quantile_select (double *x,
                 guint   n,
                 double  q)
{
  double h = (n - 1) * q;
  guint lo = (guint) floor (h);
  double next;

  select_nth (x, n, (gssize) lo);
  if (lo + 1 >= n)
    return x[lo];

  next = x[lo + 1];
  for (guint i = lo + 2; i < n; i++)
    if (x[i] < next)
      next = x[i];

  return x[lo] + (h - lo) * (next - x[lo]);
}

/**
 * mp_quantiles_compute:
 * @x: (array length=n): values, reordered in place
 * @n: number of values, at least 1
 *
 * Returns: P10, P50, P90 (type 7, as R and NumPy by default) and the mean
 */
MpQuantiles
mp_quantiles_compute (double *x,
                      guint   n)
{
  MpQuantiles q;
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    sum += x[i];

  q.p50 = quantile_select (x, n, 0.50);
  q.p10 = quantile_select (x, n, 0.10);
  q.p90 = quantile_select (x, n, 0.90);
  q.mean = sum / n;

  return q;
}

static int
compare_swings (gconstpointer a,
                gconstpointer b)
{
  const MpSwing *sa = a;
  const MpSwing *sb = b;
  double da = fabs (sa->high_value - sa->low_value);
  double db = fabs (sb->high_value - sb->low_value);

  if (da != db)
    return da < db ? 1 : -1;
  da = fabs (sa->nl_high_value - sa->nl_low_value);
  db = fabs (sb->nl_high_value - sb->nl_low_value);
  if (da != db)
    return da < db ? 1 : -1;
  return 0;
}

static void
add_swing (GArray       *swings,
           const char   *key,
           const double *headline_low,
           const double *headline_high,
           const double *headline_base)
{
  MpSwing s = { 0 };

  s.assumption = g_strdup (key);
  s.low_value = headline_low[MP_HEADLINE_FIT];
  s.high_value = headline_high[MP_HEADLINE_FIT];
  s.base = headline_base[MP_HEADLINE_FIT];
  s.nl_low_value = headline_low[MP_HEADLINE_NL_BENEFIT];
  s.nl_high_value = headline_high[MP_HEADLINE_NL_BENEFIT];
  s.nl_base = headline_base[MP_HEADLINE_NL_BENEFIT];
  g_array_append_val (swings, s);
}

/**
 * mp_evaluation_run_uncertainty:
 * @eval: an evaluation of @package by mp_evaluate()
 * @package: the package
 * @reference: the reference data
 * @draws: number of Monte Carlo draws; 0 uses @package's draws
 * @seed: the seed to record and draw from
 * @cancellable: (nullable): checked about every 1 % of the draws
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Draws every assumption whose low and high differ, and the expected returns
 * of every ask with a range, from triangular distributions; draw i uses its
 * own random stream derived from (@seed, i), so results are bit-for-bit
 * reproducible.  Fills the P10/P50/P90 and mean of every headline, the
 * person-years fan by year, and the one-at-a-time tornado swings of fit and
 * NL benefit (key "expected-returns" swings the asks' returns together).
 *
 * Returns: %FALSE with @error set on cancellation (%G_IO_ERROR_CANCELLED) or
 *   an invalid package; @eval is then left as it was
 */
gboolean
mp_evaluation_run_uncertainty (MpEvaluation       *eval,
                               const MpPackage    *package,
                               const MpReference  *reference,
                               guint               draws,
                               guint64             seed,
                               GCancellable       *cancellable,
                               MpProgressFunc      progress,
                               gpointer            progress_data,
                               GError            **error)
{
  g_autoptr(Plan) plan = NULL;
  g_autofree double *out = NULL;
  g_autofree double *fits = NULL;
  g_autofree double *py_year = NULL;
  g_autoptr(GArray) swings = NULL;
  double modes[MP_N_ASSUMPTIONS];
  double A[MP_N_ASSUMPTIONS];
  double h[MP_N_HEADLINES];
  double base[MP_N_HEADLINES], lo[MP_N_HEADLINES], hi[MP_N_HEADLINES];
  double returns_mode, returns_low = 0.0, returns_high = 0.0;
  int uncertain[MP_N_ASSUMPTIONS];
  int n_uncertain = 0;
  gboolean returns_uncertain = FALSE;
  guint H, n_out, check;

  g_return_val_if_fail (eval != NULL, FALSE);
  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (draws == 0)
    draws = package->draws;
  if (draws == 0)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The uncertainty analysis needs at least one draw"));
      return FALSE;
    }

  plan = plan_build (package, reference, error);
  if (plan == NULL || !plan_fits_fast_path (plan, error))
    return FALSE;
  if (plan->n_years != eval->n_years || plan->start != eval->start_year)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("The evaluation does not belong to this package"));
      return FALSE;
    }

  H = (guint) plan->n_years;
  n_out = MP_N_HEADLINES + H;
  out = g_new (double, (gsize) draws * n_out);
  fits = g_new (double, MAX (plan->n_partners, 1));
  py_year = g_new (double, H);

  plan_modes (plan, modes, &returns_mode);
  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    if (plan->a[i].low < plan->a[i].high)
      uncertain[n_uncertain++] = i;
  for (int r = 0; r < plan->n_returns; r++)
    {
      returns_low += plan->returns[r].low;
      returns_high += plan->returns[r].high;
      returns_uncertain |= plan->returns[r].low < plan->returns[r].high;
    }

  check = MAX (1, draws / 100);
  for (guint d = 0; d < draws; d++)
    {
      MpRng rng;
      double returns = 0.0;

      if (d % check == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) d / draws, progress_data);
        }

      mp_rng_init (&rng, seed, d);
      memcpy (A, modes, sizeof A);
      for (int u = 0; u < n_uncertain; u++)
        {
          const Tri *t = &plan->a[uncertain[u]];

          A[uncertain[u]] = mp_triangular_inverse (mp_rng_uniform (&rng), t->low, t->mode,
                                                   t->high);
        }
      for (int r = 0; r < plan->n_returns; r++)
        {
          const Tri *t = &plan->returns[r];

          returns += t->low < t->high
                     ? mp_triangular_inverse (mp_rng_uniform (&rng), t->low, t->mode, t->high)
                     : t->mode;
        }

      fast_eval (plan, A, returns, h, py_year, fits);
      for (int k = 0; k < MP_N_HEADLINES; k++)
        out[(gsize) k * draws + d] = h[k];
      for (guint t = 0; t < H; t++)
        out[(gsize) (MP_N_HEADLINES + t) * draws + d] = py_year[t];
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Tornado: one assumption at a time at its low and high, others at mode. */
  swings = g_array_new (FALSE, TRUE, sizeof (MpSwing));
  g_array_set_clear_func (swings, swing_clear);
  fast_eval (plan, modes, returns_mode, base, NULL, fits);
  for (int u = 0; u < n_uncertain; u++)
    {
      int id = uncertain[u];

      memcpy (A, modes, sizeof A);
      A[id] = plan->a[id].low;
      fast_eval (plan, A, returns_mode, lo, NULL, fits);
      A[id] = plan->a[id].high;
      fast_eval (plan, A, returns_mode, hi, NULL, fits);
      add_swing (swings, mp_assumption_info ((MpAssumptionId) id)->key, lo, hi, base);
    }
  if (returns_uncertain)
    {
      fast_eval (plan, modes, returns_low, lo, NULL, fits);
      fast_eval (plan, modes, returns_high, hi, NULL, fits);
      add_swing (swings, "expected-returns", lo, hi, base);
    }
  g_array_sort (swings, compare_swings);

  for (int k = 0; k < MP_N_HEADLINES; k++)
    eval->quantiles[k] = mp_quantiles_compute (out + (gsize) k * draws, draws);
  g_free (eval->person_years_by_year);
  eval->person_years_by_year = g_new (MpQuantiles, H);
  for (guint t = 0; t < H; t++)
    eval->person_years_by_year[t] = mp_quantiles_compute (out + (gsize) (MP_N_HEADLINES + t) * draws, draws);

  g_clear_pointer (&eval->swings, g_array_unref);
  eval->swings = g_steal_pointer (&swings);
  eval->has_uncertainty = TRUE;
  eval->draws = draws;
  eval->seed = seed;

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

/* ---- Risk matrix and enum strings --------------------------------------- */

/**
 * mp_risk_matrix:
 * @country: the country risk
 * @measure: the measure risk
 *
 * The table of DOMAIN.md §4.4 [AR §4.2.1].
 *
 * Returns: the monitoring a measure needs
 */
MpMonitoring
mp_risk_matrix (MpRisk country,
                MpRisk measure)
{
  static const MpMonitoring table[MP_N_RISK][MP_N_RISK] = {
    /* measure:  low                         medium                          high */
    [MP_RISK_LOW] = { MP_MONITOR_STANDARD, MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED },
    [MP_RISK_MEDIUM] = { MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED,
                         MP_MONITOR_ENHANCED_SUSPENSION },
    [MP_RISK_HIGH] = { MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION,
                       MP_MONITOR_NOT_ALLOWED },
  };

  g_return_val_if_fail ((int) country >= 0 && country < MP_N_RISK, MP_MONITOR_NOT_ALLOWED);
  g_return_val_if_fail ((int) measure >= 0 && measure < MP_N_RISK, MP_MONITOR_NOT_ALLOWED);

  return table[country][measure];
}

/**
 * mp_ask_measure_risk:
 * @kind: an ask kind
 * @never_allowed: (out) (optional): set to %TRUE for measures that are never
 *   allowed (non-refoulement breaches, push- or pullbacks, detention without
 *   rights)
 *
 * Returns: the measure risk class of @kind (§4.4); never-allowed kinds are high
 */
MpRisk
mp_ask_measure_risk (MpAskKind  kind,
                     gboolean  *never_allowed)
{
  gboolean never = FALSE;
  MpRisk risk;

  switch (kind)
    {
    case MP_ASK_INFORMATION_CAMPAIGNS:
      risk = MP_RISK_LOW;
      break;
    case MP_ASK_VOLUNTARY_RETURN:
    case MP_ASK_PROTECTION_IN_REGION:
    case MP_ASK_ANTI_SMUGGLING:
      risk = MP_RISK_MEDIUM;
      break;
    case MP_ASK_RETURN_READMISSION:
    case MP_ASK_RETURN_HUBS:
    case MP_ASK_BORDER_MANAGEMENT:
    case MP_ASK_COAST_GUARD:
    case MP_ASK_EXTERNAL_ASYLUM:
      risk = MP_RISK_HIGH;
      break;
    case MP_ASK_REFOULEMENT_TRANSFERS:
    case MP_ASK_PUSHBACKS:
    case MP_ASK_DETENTION_WITHOUT_RIGHTS:
    case MP_N_ASK_KINDS:
    default:
      risk = MP_RISK_HIGH;
      never = TRUE;
      break;
    }

  if (never_allowed != NULL)
    *never_allowed = never;

  return risk;
}

static const char * const severity_ids[MP_N_SEVERITY] = { "note", "warning", "block" };
static const char * const severity_labels[MP_N_SEVERITY] = {
  N_("Note"), N_("Warning"), N_("Block"),
};

static const char * const monitoring_ids[MP_N_MONITOR] = {
  "standard", "standard_review", "enhanced", "enhanced_suspension", "not_allowed",
};
static const char * const monitoring_labels[MP_N_MONITOR] = {
  N_("Standard reporting"),
  N_("Standard reporting and periodic review"),
  N_("Enhanced: independent monitoring with local access"),
  N_("Enhanced monitoring and a suspension clause"),
  N_("Not allowed"),
};

static const char * const headline_ids[MP_N_HEADLINES] = {
  "admissions", "person_years", "remittances", "net_migration",
  "fit", "nl_benefit", "balance", "cost_public",
};
static const char * const headline_labels[MP_N_HEADLINES] = {
  N_("Admissions a year"),
  N_("Person-years"),
  N_("Remittances a year (€)"),
  N_("Net migration (cumulative)"),
  N_("Partner fit"),
  N_("NL benefit"),
  N_("Balance"),
  N_("Public cost (€)"),
};

/**
 * mp_severity_to_string:
 * @s: a severity
 *
 * Returns: (transfer none): the stable identifier ("note", "warning", "block")
 */
const char *
mp_severity_to_string (MpSeverity s)
{
  g_return_val_if_fail ((int) s >= 0 && s < MP_N_SEVERITY, NULL);
  return severity_ids[s];
}

/**
 * mp_severity_label:
 * @s: a severity
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_severity_label (MpSeverity s)
{
  g_return_val_if_fail ((int) s >= 0 && s < MP_N_SEVERITY, NULL);
  return _(severity_labels[s]);
}

/**
 * mp_monitoring_to_string:
 * @m: a monitoring level
 *
 * Returns: (transfer none): the stable snake_case identifier
 */
const char *
mp_monitoring_to_string (MpMonitoring m)
{
  g_return_val_if_fail ((int) m >= 0 && m < MP_N_MONITOR, NULL);
  return monitoring_ids[m];
}

/**
 * mp_monitoring_label:
 * @m: a monitoring level
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_monitoring_label (MpMonitoring m)
{
  g_return_val_if_fail ((int) m >= 0 && m < MP_N_MONITOR, NULL);
  return _(monitoring_labels[m]);
}

/**
 * mp_headline_to_string:
 * @h: a headline
 *
 * Returns: (transfer none): the stable snake_case identifier
 */
const char *
mp_headline_to_string (MpHeadline h)
{
  g_return_val_if_fail ((int) h >= 0 && h < MP_N_HEADLINES, NULL);
  return headline_ids[h];
}

/**
 * mp_headline_label:
 * @h: a headline
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_headline_label (MpHeadline h)
{
  g_return_val_if_fail ((int) h >= 0 && h < MP_N_HEADLINES, NULL);
  return _(headline_labels[h]);
}
