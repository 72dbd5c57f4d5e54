/* mp-plan.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-evaluation-private.h"
#include "mp-field-rules.h"

/* The plan: the package resolved against the reference data, validated, its
 * cohorts laid out and the fast path's coefficients accumulated
 * (mp-evaluation-private.h says how the engine works). */

static inline void
pair_add (MpPlanPair *x,
          double      qa,
          double      qb,
          double      k)
{
  x->a += qa * k;
  x->b += qb * k;
}

void
_mp_plan_free (MpPlan *plan)
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

static inline guint8 *
plan_mask (const MpPlan *plan,
           int           partner,
           int           which)
{
  return plan->masks + ((gsize) partner * 3 + which) * plan->n_years;
}

enum { MASK_INTAKE, MASK_TRAINING, MASK_STUDY };

static void
partner_init (MpPlanPartner   *pp,
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
plan_partner (GArray             *partners,
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
    if (g_array_index (partners, MpPlanPartner, i).ref == ref)
      return (int) i;

  g_array_set_size (partners, partners->len + 1);
  partner_init (&g_array_index (partners, MpPlanPartner, partners->len - 1), ref, package);

  return (int) partners->len - 1;
}

static gboolean
plan_assumptions (MpPlan           *plan,
                  const MpPackage  *package,
                  GError          **error)
{
  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    {
      const MpAssumptionInfo *info = mp_assumption_info ((MpAssumptionId) i);
      MpTriangle *t = &plan->a[i];

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
        _mp_add_finding (plan->findings, MP_SEVERITY_NOTE, "unknown-assumption", -1, NULL, NULL,
                         _("The package sets an unknown assumption “%s”; it is ignored."),
                         o->key ? o->key : "");
    }

  /* Every draw must keep settle + overstay ≤ 1 (models/README.md, “Projection”),
   * with the rounding tolerance the JSON validator allows (mp-json.c). */
  if (plan->a[MP_ASSUMPTION_SETTLEMENT].high + plan->a[MP_ASSUMPTION_OVERSTAY].high
      > 1.0 + 1e-12
      || plan->a[MP_ASSUMPTION_SETTLEMENT_RETURN].high + plan->a[MP_ASSUMPTION_OVERSTAY].high
         > 1.0 + 1e-12)
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
  const char *name = _mp_scheme_display_name (s);

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
  MpPlanSector ps = { 0 };

  for (guint i = 0; i < sectors->len; i++)
    if (g_array_index (sectors, MpPlanSector, i).ref == ref)
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
plan_cohorts (MpPlan          *plan,
              const MpPackage *package)
{
  gsize total = 0;
  double *buf;

  for (int i = 0; i < plan->n_schemes; i++)
    {
      MpPlanScheme *ps = &plan->schemes[i];
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
      MpPlanScheme *ps = &plan->schemes[i];

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
          MpPlanScheme *ps = &plan->schemes[i];

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
        _mp_add_finding (plan->findings, MP_SEVERITY_WARNING, "tranche-unknown-scheme", -1,
                         NULL, NULL,
                         _("Tranche “%s” names a scheme “%s” that is not in the package; it "
                           "is ignored."),
                         tr->label ? tr->label : "", tr->scheme ? tr->scheme : "");
      else if (!condition_asked && (int) tr->condition >= 0 && tr->condition < MP_N_ASK_KINDS)
        _mp_add_finding (plan->findings, MP_SEVERITY_NOTE, "tranche-condition-missing", -1,
                         NULL, NULL,
                         _("Tranche “%s” is conditional on “%s”, which the package does not "
                           "ask for."),
                         tr->label ? tr->label : "", mp_ask_kind_label (tr->condition));
    }

  /* Coefficients and structural year masks. */
  for (int i = 0; i < plan->n_schemes; i++)
    {
      MpPlanScheme *ps = &plan->schemes[i];
      MpPlanPartner *pp = &plan->partners[ps->partner];
      MpPlanSector *sec = &plan->sectors[ps->sector];
      MpPlanPair *rem = ps->wage_source == MP_WAGE_SECTOR ? &pp->rem_sector
                  : ps->wage_source == MP_WAGE_FLOOR ? &pp->rem_floor : &pp->rem_skilled;
      double wage_k = ps->wage_source == MP_WAGE_SECTOR ? ps->wage_sector : 1.0;

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
        MpPlanPartner *pp = &plan->partners[p];

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

/* Resolves, validates and classifies scheme @s into @ps. */
static gboolean
plan_scheme (MpPlanScheme       *ps,
             const MpScheme     *s,
             GArray             *partners,
             GArray             *sectors,
             const MpPackage    *package,
             const MpReference  *reference,
             GError            **error)
{
  const MpSector *sector;
  const char *name = _mp_scheme_display_name (s);

  if (!validate_scheme (s, error))
    return FALSE;

  ps->scheme = s;
  ps->partner = plan_partner (partners, package, reference, s->partner, name, error);
  if (ps->partner < 0)
    return FALSE;

  sector = s->sector != NULL ? mp_reference_find_sector (reference, s->sector) : NULL;
  if (sector == NULL)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_UNKNOWN_REF,
                   _("%s: sector “%s” is not in the reference data"), name,
                   s->sector ? s->sector : "");
      return FALSE;
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
      ps->wage_source = MP_WAGE_SECTOR;
      ps->wage_sector = sector->wage_month.value;
    }
  else
    {
      ps->wage_source = sector->eqf >= 5 ? MP_WAGE_SKILLED : MP_WAGE_FLOOR;
    }

  return TRUE;
}

/* Validates offer @i and adds what it delivers to its partner. */
static gboolean
plan_offer (MpPlan             *plan,
            guint               i,
            const MpOffer      *o,
            GArray             *partners,
            const MpPackage    *package,
            const MpReference  *reference,
            GError            **error)
{
  MpPlanPartner *pp;
  int p;

  if ((int) o->kind < 0 || o->kind >= MP_N_OFFER_KINDS || !(o->amount >= 0.0))
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("Offer %u: unknown kind or negative amount"), i + 1);
      return FALSE;
    }
  p = plan_partner (partners, package, reference, o->partner,
                    mp_offer_kind_label (o->kind), error);
  if (p < 0)
    return FALSE;
  plan->offer_partner[i] = p;
  pp = &g_array_index (partners, MpPlanPartner, p);
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
      pp->visa = MAX (pp->visa, MIN (o->amount, 3.0));
      break;
    case MP_OFFER_CAPACITY_BUILDING:
      pp->development += o->amount;
      break;
    case MP_N_OFFER_KINDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Validates ask @i, keeps its expected returns and raises the level of
 * cooperation on irregular migration. */
static gboolean
plan_ask (MpPlan             *plan,
          guint               i,
          const MpAsk        *a,
          GArray             *partners,
          GArray             *returns,
          const MpPackage    *package,
          const MpReference  *reference,
          GError            **error)
{
  if ((int) a->kind < 0 || a->kind >= MP_N_ASK_KINDS)
    {
      g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                   _("Ask %u: unknown kind"), i + 1);
      return FALSE;
    }
  plan->ask_partner[i] = plan_partner (partners, package, reference, a->partner,
                                       mp_ask_kind_label (a->kind), error);
  if (plan->ask_partner[i] < 0)
    return FALSE;

  if (a->returns_low != 0.0 || a->returns_mode != 0.0 || a->returns_high != 0.0)
    {
      MpTriangle t = { a->returns_low, a->returns_mode, a->returns_high };

      if (!(0.0 <= t.low && t.low <= t.mode && t.mode <= t.high && isfinite (t.high)))
        {
          g_set_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID,
                       _("%s: expected returns need 0 ≤ low ≤ mode ≤ high"),
                       mp_ask_kind_label (a->kind));
          return FALSE;
        }
      g_array_append_val (returns, t);
    }

  /* Information campaigns have no measurable effect (3ie review, EV
   * §3.3): their level is not counted as cooperation. */
  if (a->kind != MP_ASK_INFORMATION_CAMPAIGNS
      && a->kind != MP_ASK_RETURN_READMISSION
      && a->kind != MP_ASK_VOLUNTARY_RETURN)
    plan->irregular_level = MAX (plan->irregular_level, CLAMP (a->level, 0, 3));

  return TRUE;
}

/* Sector weights of the shortage component: ∝ vacancies among the package's
 * sectors that have a vacancy figure (models/README.md, “Netherlands
 * benefit”). */
static void
plan_shortage_weights (MpPlan *plan)
{
  double shortage_vacancies = 0.0;

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
}

/* Builds the plan of @package against @reference; NULL with @error set
 * (MP_EVALUATION_ERROR) when the package is invalid or names a partner or
 * sector the reference data lacks. */
MpPlan *
_mp_plan_build (const MpPackage    *package,
                const MpReference  *reference,
                GError            **error)
{
  g_autoptr(MpPlan) plan = g_new0 (MpPlan, 1);
  g_autoptr(GArray) partners = g_array_new (FALSE, TRUE, sizeof (MpPlanPartner));
  g_autoptr(GArray) sectors = g_array_new (FALSE, TRUE, sizeof (MpPlanSector));
  g_autoptr(GArray) returns = g_array_new (FALSE, TRUE, sizeof (MpTriangle));
  guint n_schemes = package->schemes != NULL ? package->schemes->len : 0;

  if (!check_members (MP_FIELD_ENTITY_PACKAGE, package,
                      package->name != NULL ? package->name : _("The package"), error) ||
      !validate_items (package, error))
    return NULL;

  plan->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) _mp_finding_free);
  plan->start = package->start_year;
  plan->n_years = package->horizon;
  plan->end = plan->start + plan->n_years - 1;

  if (!plan_assumptions (plan, package, error))
    return NULL;

  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    plan->nl_weights[i] = package->nl_weights[i];

  /* The package's partners first, in its order. */
  for (int i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    if (plan_partner (partners, package, reference, package->partners[i],
                      _("The package"), error) < 0)
      return NULL;

  plan->schemes = g_new0 (MpPlanScheme, MAX (n_schemes, 1));
  plan->n_schemes = (int) n_schemes;
  for (guint i = 0; i < n_schemes; i++)
    if (!plan_scheme (&plan->schemes[i], g_ptr_array_index (package->schemes, i), partners,
                      sectors, package, reference, error))
      return NULL;

  plan->offer_partner = g_new0 (int, package->offers != NULL ? package->offers->len + 1 : 1);
  plan->ask_partner = g_new0 (int, package->asks != NULL ? package->asks->len + 1 : 1);
  for (guint i = 0; package->offers != NULL && i < package->offers->len; i++)
    if (!plan_offer (plan, i, g_ptr_array_index (package->offers, i), partners, package,
                     reference, error))
      return NULL;
  for (guint i = 0; package->asks != NULL && i < package->asks->len; i++)
    if (!plan_ask (plan, i, g_ptr_array_index (package->asks, i), partners, returns, package,
                   reference, error))
      return NULL;

  plan->n_partners = (int) partners->len;
  plan->partners = (MpPlanPartner *) g_array_free (g_steal_pointer (&partners), FALSE);
  plan->n_sectors = (int) sectors->len;
  plan->sectors = (MpPlanSector *) g_array_free (g_steal_pointer (&sectors), FALSE);
  plan->n_returns = (int) returns->len;
  plan->returns = (MpTriangle *) g_array_free (g_steal_pointer (&returns), FALSE);
  plan->py_year = g_new0 (MpPlanPair, plan->n_years);
  plan->masks = g_new0 (guint8, (gsize) MAX (plan->n_partners, 1) * 3 * plan->n_years);

  plan_shortage_weights (plan);
  plan_cohorts (plan, package);

  return g_steal_pointer (&plan);
}

/* The package's assumption modes in A[MP_N_ASSUMPTIONS] and the sum of its
 * asks' expected returns at their modes. */
void
_mp_plan_modes (const MpPlan *plan,
                double       *A,
                double       *returns)
{
  double r = 0.0;

  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    A[i] = plan->a[i].mode;
  for (int i = 0; i < plan->n_returns; i++)
    r += plan->returns[i].mode;
  *returns = r;
}
