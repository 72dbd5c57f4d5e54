/* mp-types.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-types"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-types.h"

/* Stable identifiers are snake_case everywhere (JSON, SQLite, CSV).  The
 * tables are indexed by the enum value; their order must follow the enums. */

static const char * const scheme_kind_ids[MP_N_SCHEME_KINDS] = {
  "talent_partnership",
  "circular",
  "seasonal",
  "trainee",
  "study",
  "home_track",
};

static const char * const scheme_kind_labels[MP_N_SCHEME_KINDS] = {
  N_("Talent partnership"),
  N_("Circular scheme"),
  N_("Seasonal scheme"),
  N_("Trainee scheme"),
  N_("Study scheme"),
  N_("Home track"),
};

static const char * const offer_kind_ids[MP_N_OFFER_KINDS] = {
  "investment",
  "trade",
  "scholarships",
  "visa",
  "capacity_building",
};

static const char * const offer_kind_labels[MP_N_OFFER_KINDS] = {
  N_("Development investment"),
  N_("Trade and nearshoring"),
  N_("Scholarships"),
  N_("Visa information and facilitation"),
  N_("Capacity building"),
};

static const char * const ask_kind_ids[MP_N_ASK_KINDS] = {
  "information_campaigns",
  "voluntary_return",
  "protection_in_region",
  "anti_smuggling",
  "return_readmission",
  "return_hubs",
  "border_management",
  "coast_guard",
  "external_asylum",
  "refoulement_transfers",
  "pushbacks",
  "detention_without_rights",
};

static const char * const ask_kind_labels[MP_N_ASK_KINDS] = {
  N_("Information campaigns"),
  N_("Voluntary return and reintegration support"),
  N_("Protection in the region"),
  N_("Anti-smuggling cooperation"),
  N_("Return and readmission cooperation"),
  N_("Return or transit hubs"),
  N_("Border equipment and training"),
  N_("Coast-guard support"),
  N_("External asylum processing"),
  N_("Transfers in breach of non-refoulement"),
  N_("Push- or pullbacks"),
  N_("Detention without guaranteed rights"),
};

static const char * const risk_ids[MP_N_RISK] = {
  "low",
  "medium",
  "high",
};

static const char * const risk_labels[MP_N_RISK] = {
  N_("Low"),
  N_("Medium"),
  N_("High"),
};

static const char * const demand_ids[MP_N_DEMAND] = {
  "seasonal",
  "temporary",
  "structural",
};

static const char * const demand_labels[MP_N_DEMAND] = {
  N_("Seasonal"),
  N_("Temporary"),
  N_("Structural"),
};

static const char * const interest_ids[MP_N_INTERESTS] = {
  "labour_mobility",
  "skills",
  "remittances",
  "investment_trade",
  "study",
  "visa",
  "protection",
  "development",
};

static const char * const interest_labels[MP_N_INTERESTS] = {
  N_("Labour mobility"),
  N_("Skills and training"),
  N_("Remittances"),
  N_("Investment and trade"),
  N_("Study and exchange"),
  N_("Visa facilitation"),
  N_("Protection of nationals abroad"),
  N_("Development funding"),
};

static const char * const nl_component_ids[MP_N_NL_COMPONENTS] = {
  "shortage",
  "return",
  "irregular",
  "cost",
  "net_migration",
};

static const char * const nl_component_labels[MP_N_NL_COMPONENTS] = {
  N_("Shortage relief"),
  N_("Return cooperation"),
  N_("Irregular migration and protection"),
  N_("Cost efficiency"),
  N_("Net-migration restraint"),
};

static const char * const indicator_ids[MP_N_INDICATORS] = {
  "population",
  "working_age_share",
  "dependency_ratio",
  "old_age_dependency",
  "median_age",
  "working_age_2025",
  "working_age_2050",
  "working_age_growth",
  "youth_unemployment",
  "remittances_pct_gdp",
  "remittances_usd",
  "gdp_pc_usd",
  "gdp_pc_ppp",
  "doctors_per_10k",
  "nurses_per_10k",
  "vdem_libdem",
  "vdem_polyarchy",
};

static const char * const indicator_labels[MP_N_INDICATORS] = {
  N_("Population"),
  N_("Working-age share (15–64)"),
  N_("Dependency ratio"),
  N_("Old-age dependency ratio"),
  N_("Median age"),
  N_("Working-age population 2025"),
  N_("Working-age population 2050"),
  N_("Working-age growth 2025–2050"),
  N_("Youth unemployment"),
  /* xgettext:no-c-format */
  N_("Remittances (% of GDP)"),
  N_("Remittance inflow (USD)"),
  N_("GDP per capita (USD)"),
  N_("GDP per capita (PPP)"),
  N_("Doctors per 10,000"),
  N_("Nurses and midwives per 10,000"),
  N_("V-Dem Liberal Democracy Index"),
  N_("V-Dem Electoral Democracy Index"),
};

static gboolean
lookup_id (const char * const *ids,
           int                 n,
           const char         *s,
           int                *out)
{
  if (s == NULL)
    return FALSE;

  for (int i = 0; i < n; i++)
    {
      if (g_strcmp0 (ids[i], s) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
value_copy_into (MpValue       *dst,
                 const MpValue *src)
{
  dst->value = src->value;
  dst->year = src->year;
  dst->source = g_strdup (src->source);
}

/* ---- MpValue ------------------------------------------------------------ */

/**
 * mp_value_clear:
 * @v: a value
 *
 * Frees the source of @v and marks it missing (NaN, year 0).
 */
void
mp_value_clear (MpValue *v)
{
  g_return_if_fail (v != NULL);

  g_clear_pointer (&v->source, g_free);
  v->value = NAN;
  v->year = 0;
}

/**
 * mp_value_set:
 * @v: a value
 * @value: the number, NaN for missing
 * @year: the reference year
 * @source: (nullable): a short citation, copied
 *
 * Sets @v, replacing its previous source.
 */
void
mp_value_set (MpValue    *v,
              double      value,
              int         year,
              const char *source)
{
  char *old;

  g_return_if_fail (v != NULL);

  old = v->source;
  v->value = value;
  v->year = isnan (value) ? 0 : year;
  v->source = g_strdup (source);
  g_free (old);
}

/**
 * mp_value_present:
 * @v: a value
 *
 * Returns: %TRUE when @v holds a number (not NaN)
 */
gboolean
mp_value_present (const MpValue *v)
{
  return v != NULL && !isnan (v->value);
}

/* ---- MpPartner ---------------------------------------------------------- */

/**
 * mp_partner_new:
 * @iso3: ISO 3166-1 alpha-3 code, copied
 * @name: (nullable): display name, copied
 *
 * Creates a partner with every indicator missing, zero interest weights and
 * default (NaN) reference scales.
 *
 * Returns: (transfer full): a new partner, free with mp_partner_free()
 */
MpPartner *
mp_partner_new (const char *iso3,
                const char *name)
{
  MpPartner *p = g_new0 (MpPartner, 1);

  p->iso3 = g_strdup (iso3);
  p->name = g_strdup (name);
  p->memberships = g_new0 (char *, 1);
  p->frameworks = g_new0 (char *, 1);
  p->risk_override = MP_RISK_LOW;

  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      p->ind[i].value = NAN;
      p->ind[i].year = 0;
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      p->profile.weights[i] = 0.0;
      p->profile.scales[i] = NAN;
    }

  return p;
}

/**
 * mp_partner_copy:
 * @p: a partner
 *
 * Returns: (transfer full): a deep copy of @p
 */
MpPartner *
mp_partner_copy (const MpPartner *p)
{
  MpPartner *c;

  g_return_val_if_fail (p != NULL, NULL);

  c = g_new0 (MpPartner, 1);
  c->iso3 = g_strdup (p->iso3);
  c->name = g_strdup (p->name);
  c->region = g_strdup (p->region);
  c->memberships = p->memberships ? g_strdupv (p->memberships) : g_new0 (char *, 1);
  c->frameworks = p->frameworks ? g_strdupv (p->frameworks) : g_new0 (char *, 1);
  c->combiland = p->combiland;
  c->excluded = p->excluded;
  c->excluded_reason = g_strdup (p->excluded_reason);
  c->who_ssl = p->who_ssl;
  c->who_ssl_source = g_strdup (p->who_ssl_source);
  c->has_risk_override = p->has_risk_override;
  c->risk_override = p->risk_override;
  c->risk_override_reason = g_strdup (p->risk_override_reason);

  for (int i = 0; i < MP_N_INDICATORS; i++)
    value_copy_into (&c->ind[i], &p->ind[i]);

  memcpy (c->profile.weights, p->profile.weights, sizeof c->profile.weights);
  memcpy (c->profile.scales, p->profile.scales, sizeof c->profile.scales);
  c->profile.rationale = g_strdup (p->profile.rationale);

  return c;
}

/**
 * mp_partner_free:
 * @p: (nullable): a partner
 *
 * Frees @p and everything it owns.
 */
void
mp_partner_free (MpPartner *p)
{
  if (p == NULL)
    return;

  g_free (p->iso3);
  g_free (p->name);
  g_free (p->region);
  g_strfreev (p->memberships);
  g_strfreev (p->frameworks);
  g_free (p->excluded_reason);
  g_free (p->who_ssl_source);
  g_free (p->risk_override_reason);
  for (int i = 0; i < MP_N_INDICATORS; i++)
    g_free (p->ind[i].source);
  g_free (p->profile.rationale);
  g_free (p);
}

/* ---- MpSector ----------------------------------------------------------- */

/**
 * mp_sector_new:
 * @code: stable sector code, copied
 * @name: (nullable): display name, copied
 *
 * Creates a sector with EQF 1, temporary demand and missing vacancies and wage.
 *
 * Returns: (transfer full): a new sector, free with mp_sector_free()
 */
MpSector *
mp_sector_new (const char *code,
               const char *name)
{
  MpSector *s = g_new0 (MpSector, 1);

  s->code = g_strdup (code);
  s->name = g_strdup (name);
  s->eqf = 1;
  s->demand = MP_DEMAND_TEMPORARY;
  s->vacancies.value = NAN;
  s->wage_month.value = NAN;

  return s;
}

/**
 * mp_sector_copy:
 * @s: a sector
 *
 * Returns: (transfer full): a deep copy of @s
 */
MpSector *
mp_sector_copy (const MpSector *s)
{
  MpSector *c;

  g_return_val_if_fail (s != NULL, NULL);

  c = g_new0 (MpSector, 1);
  c->code = g_strdup (s->code);
  c->name = g_strdup (s->name);
  c->sbi = g_strdup (s->sbi);
  c->eqf = s->eqf;
  c->demand = s->demand;
  c->health = s->health;
  value_copy_into (&c->vacancies, &s->vacancies);
  value_copy_into (&c->wage_month, &s->wage_month);

  return c;
}

/**
 * mp_sector_free:
 * @s: (nullable): a sector
 *
 * Frees @s and everything it owns.
 */
void
mp_sector_free (MpSector *s)
{
  if (s == NULL)
    return;

  g_free (s->code);
  g_free (s->name);
  g_free (s->sbi);
  g_free (s->vacancies.source);
  g_free (s->wage_month.source);
  g_free (s);
}

/* ---- MpReference -------------------------------------------------------- */

/**
 * mp_reference_new:
 *
 * Returns: (transfer full): an empty reference set, free with mp_reference_free()
 */
MpReference *
mp_reference_new (void)
{
  MpReference *r = g_new0 (MpReference, 1);

  r->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_partner_free);
  r->sectors = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_sector_free);

  return r;
}

/**
 * mp_reference_copy:
 * @r: a reference set
 *
 * Returns: (transfer full): a deep copy of @r
 */
MpReference *
mp_reference_copy (const MpReference *r)
{
  MpReference *c;

  g_return_val_if_fail (r != NULL, NULL);

  c = mp_reference_new ();
  c->vintage = g_strdup (r->vintage);
  for (guint i = 0; r->partners != NULL && i < r->partners->len; i++)
    g_ptr_array_add (c->partners, mp_partner_copy (g_ptr_array_index (r->partners, i)));
  for (guint i = 0; r->sectors != NULL && i < r->sectors->len; i++)
    g_ptr_array_add (c->sectors, mp_sector_copy (g_ptr_array_index (r->sectors, i)));

  return c;
}

/**
 * mp_reference_free:
 * @r: (nullable): a reference set
 *
 * Frees @r, its partners and its sectors.
 */
void
mp_reference_free (MpReference *r)
{
  if (r == NULL)
    return;

  g_free (r->vintage);
  g_clear_pointer (&r->partners, g_ptr_array_unref);
  g_clear_pointer (&r->sectors, g_ptr_array_unref);
  g_free (r);
}

/**
 * mp_reference_find_partner:
 * @r: a reference set
 * @iso3: (nullable): ISO alpha-3 code (case-insensitive)
 *
 * Returns: (transfer none) (nullable): the partner, or %NULL
 */
MpPartner *
mp_reference_find_partner (const MpReference *r,
                           const char        *iso3)
{
  g_return_val_if_fail (r != NULL, NULL);

  if (iso3 == NULL || r->partners == NULL)
    return NULL;

  for (guint i = 0; i < r->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (r->partners, i);

      if (p->iso3 != NULL && g_ascii_strcasecmp (p->iso3, iso3) == 0)
        return p;
    }

  return NULL;
}

/**
 * mp_reference_find_sector:
 * @r: a reference set
 * @code: (nullable): sector code
 *
 * Returns: (transfer none) (nullable): the sector, or %NULL
 */
MpSector *
mp_reference_find_sector (const MpReference *r,
                          const char        *code)
{
  g_return_val_if_fail (r != NULL, NULL);

  if (code == NULL || r->sectors == NULL)
    return NULL;

  for (guint i = 0; i < r->sectors->len; i++)
    {
      MpSector *s = g_ptr_array_index (r->sectors, i);

      if (g_strcmp0 (s->code, code) == 0)
        return s;
    }

  return NULL;
}

/* ---- MpScheme ----------------------------------------------------------- */

/**
 * mp_scheme_new:
 *
 * Creates a circular scheme with neutral defaults: 9 months per stay, one
 * stay, one intake year from 2027, no quota.
 *
 * Returns: (transfer full): a new scheme, free with mp_scheme_free()
 */
MpScheme *
mp_scheme_new (void)
{
  MpScheme *s = g_new0 (MpScheme, 1);

  s->kind = MP_SCHEME_CIRCULAR;
  s->quota = 0.0;
  s->first_year = 2027;
  s->intake_years = 1;
  s->months = 9;
  s->stays = 1;
  s->mandatory_return = TRUE;

  return s;
}

/**
 * mp_scheme_copy:
 * @s: a scheme
 *
 * Returns: (transfer full): a deep copy of @s
 */
MpScheme *
mp_scheme_copy (const MpScheme *s)
{
  MpScheme *c;

  g_return_val_if_fail (s != NULL, NULL);

  c = g_new (MpScheme, 1);
  *c = *s;
  c->name = g_strdup (s->name);
  c->partner = g_strdup (s->partner);
  c->sector = g_strdup (s->sector);

  return c;
}

/**
 * mp_scheme_free:
 * @s: (nullable): a scheme
 *
 * Frees @s and its strings.
 */
void
mp_scheme_free (MpScheme *s)
{
  if (s == NULL)
    return;

  g_free (s->name);
  g_free (s->partner);
  g_free (s->sector);
  g_free (s);
}

/* ---- MpOffer ------------------------------------------------------------ */

/**
 * mp_offer_new:
 *
 * Returns: (transfer full): a new investment offer of zero, free with mp_offer_free()
 */
MpOffer *
mp_offer_new (void)
{
  MpOffer *o = g_new0 (MpOffer, 1);

  o->kind = MP_OFFER_INVESTMENT;

  return o;
}

/**
 * mp_offer_copy:
 * @o: an offer
 *
 * Returns: (transfer full): a deep copy of @o
 */
MpOffer *
mp_offer_copy (const MpOffer *o)
{
  MpOffer *c;

  g_return_val_if_fail (o != NULL, NULL);

  c = g_new (MpOffer, 1);
  *c = *o;
  c->partner = g_strdup (o->partner);
  c->sector = g_strdup (o->sector);
  c->note = g_strdup (o->note);

  return c;
}

/**
 * mp_offer_free:
 * @o: (nullable): an offer
 *
 * Frees @o and its strings.
 */
void
mp_offer_free (MpOffer *o)
{
  if (o == NULL)
    return;

  g_free (o->partner);
  g_free (o->sector);
  g_free (o->note);
  g_free (o);
}

/* ---- MpAsk -------------------------------------------------------------- */

/**
 * mp_ask_new:
 *
 * Returns: (transfer full): a new return-and-readmission ask with no expected
 *   returns, free with mp_ask_free()
 */
MpAsk *
mp_ask_new (void)
{
  MpAsk *a = g_new0 (MpAsk, 1);

  a->kind = MP_ASK_RETURN_READMISSION;

  return a;
}

/**
 * mp_ask_copy:
 * @a: an ask
 *
 * Returns: (transfer full): a deep copy of @a
 */
MpAsk *
mp_ask_copy (const MpAsk *a)
{
  MpAsk *c;

  g_return_val_if_fail (a != NULL, NULL);

  c = g_new (MpAsk, 1);
  *c = *a;
  c->partner = g_strdup (a->partner);
  c->note = g_strdup (a->note);

  return c;
}

/**
 * mp_ask_free:
 * @a: (nullable): an ask
 *
 * Frees @a and its strings.
 */
void
mp_ask_free (MpAsk *a)
{
  if (a == NULL)
    return;

  g_free (a->partner);
  g_free (a->note);
  g_free (a);
}

/* ---- MpTranche ---------------------------------------------------------- */

/**
 * mp_tranche_new:
 *
 * Returns: (transfer full): a new tranche conditional on return cooperation,
 *   free with mp_tranche_free()
 */
MpTranche *
mp_tranche_new (void)
{
  MpTranche *t = g_new0 (MpTranche, 1);

  t->release_year = 2029;
  t->condition = MP_ASK_RETURN_READMISSION;

  return t;
}

/**
 * mp_tranche_copy:
 * @t: a tranche
 *
 * Returns: (transfer full): a deep copy of @t
 */
MpTranche *
mp_tranche_copy (const MpTranche *t)
{
  MpTranche *c;

  g_return_val_if_fail (t != NULL, NULL);

  c = g_new (MpTranche, 1);
  *c = *t;
  c->label = g_strdup (t->label);
  c->scheme = g_strdup (t->scheme);

  return c;
}

/**
 * mp_tranche_free:
 * @t: (nullable): a tranche
 *
 * Frees @t and its strings.
 */
void
mp_tranche_free (MpTranche *t)
{
  if (t == NULL)
    return;

  g_free (t->label);
  g_free (t->scheme);
  g_free (t);
}

/* ---- MpAssumption ------------------------------------------------------- */

/**
 * mp_assumption_new:
 * @key: the catalogue key (see mp-assumptions.h), copied
 * @low: lower bound of the triangular range
 * @mode: most likely value
 * @high: upper bound
 *
 * Returns: (transfer full): a new assumption override, free with mp_assumption_free()
 */
MpAssumption *
mp_assumption_new (const char *key,
                   double      low,
                   double      mode,
                   double      high)
{
  MpAssumption *a = g_new0 (MpAssumption, 1);

  a->key = g_strdup (key);
  a->low = low;
  a->mode = mode;
  a->high = high;

  return a;
}

/**
 * mp_assumption_copy:
 * @a: an assumption
 *
 * Returns: (transfer full): a copy of @a
 */
MpAssumption *
mp_assumption_copy (const MpAssumption *a)
{
  g_return_val_if_fail (a != NULL, NULL);

  return mp_assumption_new (a->key, a->low, a->mode, a->high);
}

/**
 * mp_assumption_free:
 * @a: (nullable): an assumption
 *
 * Frees @a.
 */
void
mp_assumption_free (MpAssumption *a)
{
  if (a == NULL)
    return;

  g_free (a->key);
  g_free (a);
}

/* ---- MpPackage ---------------------------------------------------------- */

/**
 * mp_package_new:
 * @name: (nullable): package name, copied
 *
 * Creates an empty package with the defaults (models/README.md, “Entities”):
 * a 10-year horizon from 2027, 2000 Monte Carlo draws with seed 20260522,
 * interest weights and scales from the partner profile (NaN) and NL weights
 * of 3.
 *
 * Returns: (transfer full): a new package, free with mp_package_free()
 */
MpPackage *
mp_package_new (const char *name)
{
  MpPackage *p = g_new0 (MpPackage, 1);

  p->name = g_strdup (name);
  p->description = NULL;
  p->partners = g_new0 (char *, 1);
  p->start_year = 2027;
  p->horizon = 10;
  p->schemes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_scheme_free);
  p->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_offer_free);
  p->asks = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_ask_free);
  p->tranches = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_tranche_free);
  p->assumptions = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_assumption_free);

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      p->interest_weights[i] = NAN;
      p->interest_scales[i] = NAN;
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    p->nl_weights[i] = 3.0;

  p->draws = 2000;
  p->seed = G_GUINT64_CONSTANT (20260522);

  return p;
}

static GPtrArray *
copy_array (GPtrArray      *src,
            GCopyFunc       copy,
            GDestroyNotify  free_func)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (dst, copy (g_ptr_array_index (src, i), NULL));

  return dst;
}

static gpointer
copy_scheme_cb (gconstpointer src,
                gpointer      data)
{
  return mp_scheme_copy (src);
}

static gpointer
copy_offer_cb (gconstpointer src,
               gpointer      data)
{
  return mp_offer_copy (src);
}

static gpointer
copy_ask_cb (gconstpointer src,
             gpointer      data)
{
  return mp_ask_copy (src);
}

static gpointer
copy_tranche_cb (gconstpointer src,
                 gpointer      data)
{
  return mp_tranche_copy (src);
}

static gpointer
copy_assumption_cb (gconstpointer src,
                    gpointer      data)
{
  return mp_assumption_copy (src);
}

/**
 * mp_package_copy:
 * @p: a package
 *
 * Returns: (transfer full): a deep copy of @p
 */
MpPackage *
mp_package_copy (const MpPackage *p)
{
  MpPackage *c;

  g_return_val_if_fail (p != NULL, NULL);

  c = g_new0 (MpPackage, 1);
  c->name = g_strdup (p->name);
  c->description = g_strdup (p->description);
  c->partners = p->partners ? g_strdupv (p->partners) : g_new0 (char *, 1);
  c->start_year = p->start_year;
  c->horizon = p->horizon;
  c->schemes = copy_array (p->schemes, copy_scheme_cb, (GDestroyNotify) mp_scheme_free);
  c->offers = copy_array (p->offers, copy_offer_cb, (GDestroyNotify) mp_offer_free);
  c->asks = copy_array (p->asks, copy_ask_cb, (GDestroyNotify) mp_ask_free);
  c->tranches = copy_array (p->tranches, copy_tranche_cb, (GDestroyNotify) mp_tranche_free);
  c->assumptions = copy_array (p->assumptions, copy_assumption_cb,
                               (GDestroyNotify) mp_assumption_free);
  memcpy (c->interest_weights, p->interest_weights, sizeof c->interest_weights);
  memcpy (c->interest_scales, p->interest_scales, sizeof c->interest_scales);
  memcpy (c->nl_weights, p->nl_weights, sizeof c->nl_weights);
  c->draws = p->draws;
  c->seed = p->seed;

  return c;
}

/**
 * mp_package_free:
 * @p: (nullable): a package
 *
 * Frees @p and everything it owns.
 */
void
mp_package_free (MpPackage *p)
{
  if (p == NULL)
    return;

  g_free (p->name);
  g_free (p->description);
  g_strfreev (p->partners);
  g_clear_pointer (&p->schemes, g_ptr_array_unref);
  g_clear_pointer (&p->offers, g_ptr_array_unref);
  g_clear_pointer (&p->asks, g_ptr_array_unref);
  g_clear_pointer (&p->tranches, g_ptr_array_unref);
  g_clear_pointer (&p->assumptions, g_ptr_array_unref);
  g_free (p);
}

/**
 * mp_package_is_regional:
 * @p: a package
 *
 * Returns: %TRUE when the package names more than one partner
 */
gboolean
mp_package_is_regional (const MpPackage *p)
{
  g_return_val_if_fail (p != NULL, FALSE);

  return p->partners != NULL && p->partners[0] != NULL && p->partners[1] != NULL;
}

/* ---- Enum strings ------------------------------------------------------- */

#define ENUM_STRINGS(prefix, Type, ids, n)                          \
  const char *                                                      \
  prefix##_to_string (Type v)                                       \
  {                                                                 \
    g_return_val_if_fail ((int) v >= 0 && (int) v < (n), NULL);     \
    return ids[v];                                                  \
  }                                                                 \
                                                                    \
  gboolean                                                          \
  prefix##_from_string (const char *s,                              \
                        Type       *out)                            \
  {                                                                 \
    int i;                                                          \
                                                                    \
    if (!lookup_id (ids, (n), s, &i))                               \
      return FALSE;                                                 \
    if (out != NULL)                                                \
      *out = (Type) i;                                              \
    return TRUE;                                                    \
  }

#define ENUM_LABEL(prefix, Type, labels, n)                         \
  const char *                                                      \
  prefix##_label (Type v)                                           \
  {                                                                 \
    g_return_val_if_fail ((int) v >= 0 && (int) v < (n), NULL);     \
    return _(labels[v]);                                            \
  }

/* The functions below map each enum to its stable snake_case identifier
 * (`*_to_string`, `*_from_string`; the latter returns %FALSE for unknown
 * strings and leaves @out alone) and to a translated label (`*_label`).
 */
ENUM_STRINGS (mp_scheme_kind, MpSchemeKind, scheme_kind_ids, MP_N_SCHEME_KINDS)
ENUM_STRINGS (mp_offer_kind, MpOfferKind, offer_kind_ids, MP_N_OFFER_KINDS)
ENUM_STRINGS (mp_ask_kind, MpAskKind, ask_kind_ids, MP_N_ASK_KINDS)
ENUM_STRINGS (mp_risk, MpRisk, risk_ids, MP_N_RISK)
ENUM_STRINGS (mp_demand, MpDemand, demand_ids, MP_N_DEMAND)
ENUM_STRINGS (mp_interest, MpInterest, interest_ids, MP_N_INTERESTS)
ENUM_STRINGS (mp_nl_component, MpNlComponent, nl_component_ids, MP_N_NL_COMPONENTS)
ENUM_STRINGS (mp_indicator, MpIndicator, indicator_ids, MP_N_INDICATORS)

ENUM_LABEL (mp_scheme_kind, MpSchemeKind, scheme_kind_labels, MP_N_SCHEME_KINDS)
ENUM_LABEL (mp_offer_kind, MpOfferKind, offer_kind_labels, MP_N_OFFER_KINDS)
ENUM_LABEL (mp_ask_kind, MpAskKind, ask_kind_labels, MP_N_ASK_KINDS)
ENUM_LABEL (mp_risk, MpRisk, risk_labels, MP_N_RISK)
ENUM_LABEL (mp_demand, MpDemand, demand_labels, MP_N_DEMAND)
ENUM_LABEL (mp_interest, MpInterest, interest_labels, MP_N_INTERESTS)
ENUM_LABEL (mp_nl_component, MpNlComponent, nl_component_labels, MP_N_NL_COMPONENTS)
ENUM_LABEL (mp_indicator, MpIndicator, indicator_labels, MP_N_INDICATORS)
