/* mp-field-rules.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-field"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"
#include "mp-field-rules-private.h"

G_DEFINE_QUARK (mp-field-error-quark, mp_field_error)

/* ---- Enum identifiers and element keys ------------------------------------ */

#define CHOICES(prefix, Type, N)                                        \
  static const char *prefix##_to_int (int v)                            \
  {                                                                     \
    return prefix##_to_string ((Type) v);                               \
  }                                                                     \
  static gboolean prefix##_from_int (const char *s, int *out)           \
  {                                                                     \
    Type v;                                                             \
    if (!prefix##_from_string (s, &v))                                  \
      return FALSE;                                                     \
    *out = (int) v;                                                     \
    return TRUE;                                                        \
  }                                                                     \
  static const MpFieldChoices prefix##_choices = {                      \
    N, prefix##_to_int, prefix##_from_int                               \
  };

CHOICES (mp_scheme_kind, MpSchemeKind, MP_N_SCHEME_KINDS)
CHOICES (mp_offer_kind, MpOfferKind, MP_N_OFFER_KINDS)
CHOICES (mp_ask_kind, MpAskKind, MP_N_ASK_KINDS)
CHOICES (mp_risk, MpRisk, MP_N_RISK)
CHOICES (mp_demand, MpDemand, MP_N_DEMAND)

static const char *
interest_key (int i)
{
  return mp_interest_to_string ((MpInterest) i);
}

static const char *
nl_component_key (int i)
{
  return mp_nl_component_to_string ((MpNlComponent) i);
}

/* ---- The table -------------------------------------------------------------- */

/* The limits the JSON format documents (data/JSON-FORMAT.md, "Limits"). */
#define NAME_CHARS   1000           /* a name, code or label */
#define TEXT_CHARS   10000          /* a description, note, source or reason */
#define YEAR_MIN     2000
#define YEAR_MAX     2100
#define MAX_YEARS    50             /* horizon, intake years, stays */
#define MAX_QUOTA    1e7            /* admissions a year */
#define MAX_EUROS    1e7            /* per participant */
#define MAX_PERSONS  1e7            /* jobs, returns a year */
#define MAX_WEIGHT   5
#define MAX_SCALE    1e15
#define MAX_SEED     9223372036854775807.0   /* G_MAXINT64: a JSON integer */

#define NONE         MP_FIELD_STORAGE_NONE, 0, 1, NULL, NULL
#define MEMBER(storage, Type, member) \
  MP_FIELD_STORAGE_##storage, G_STRUCT_OFFSET (Type, member), 1, NULL, NULL
#define ARRAY(Type, member, n, keys) \
  MP_FIELD_STORAGE_DOUBLE, G_STRUCT_OFFSET (Type, member), n, keys, NULL
#define CHOICE(Type, member, choices) \
  MP_FIELD_STORAGE_ENUM, G_STRUCT_OFFSET (Type, member), 1, NULL, &choices

#define PACKAGE   MP_FIELD_ENTITY_PACKAGE
#define SCHEME    MP_FIELD_ENTITY_SCHEME
#define OFFER     MP_FIELD_ENTITY_OFFER
#define ASK       MP_FIELD_ENTITY_ASK
#define TRANCHE   MP_FIELD_ENTITY_TRANCHE
#define PARTNER   MP_FIELD_ENTITY_PARTNER
#define SECTOR    MP_FIELD_ENTITY_SECTOR
#define REQUIRED  MP_FIELD_REQUIRED
#define IN_HORIZON MP_FIELD_WITHIN_HORIZON

/* An indicator value: the plausible domain also used by the CSV import
 * (mp_indicator_range()). */
#define INDICATOR(i, key, lo, hi)                                                \
  [MP_FIELD_INDICATOR_FIRST + i] = {                                             \
    MP_FIELD_INDICATOR_FIRST + i, MP_FIELD_ENTITY_INDICATOR, key,                \
    N_("an indicator value"), NULL, MP_FIELD_TYPE_REAL, 0, lo, hi, FALSE, NAN, 1, 2,  \
    MEMBER (DOUBLE, MpPartner, ind[i].value) }

/*  id, entity, key, name, unit,
 *  type, flags, min, max, min_exclusive, default, step, digits,
 *  storage, offset, count, element keys, choices */
static const MpFieldRule rules[MP_N_FIELDS] = {
  [MP_FIELD_PACKAGE_NAME] = {
    MP_FIELD_PACKAGE_NAME, PACKAGE, "name", N_("the name of a package"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpPackage, name) },
  [MP_FIELD_PACKAGE_DESCRIPTION] = {
    MP_FIELD_PACKAGE_DESCRIPTION, PACKAGE, "description", NULL, NULL,
    MP_FIELD_TYPE_TEXT, 0, 0, TEXT_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpPackage, description) },
  [MP_FIELD_PACKAGE_START_YEAR] = {
    MP_FIELD_PACKAGE_START_YEAR, PACKAGE, "start_year", N_("the start year"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, YEAR_MIN, YEAR_MAX, FALSE, 2027, 1, 0,
    MEMBER (INT, MpPackage, start_year) },
  [MP_FIELD_PACKAGE_HORIZON] = {
    MP_FIELD_PACKAGE_HORIZON, PACKAGE, "horizon", N_("the horizon in years"), N_("years"),
    MP_FIELD_TYPE_INTEGER, 0, 1, MAX_YEARS, FALSE, 10, 1, 0,
    MEMBER (INT, MpPackage, horizon) },
  [MP_FIELD_PACKAGE_INTEREST_WEIGHTS] = {
    MP_FIELD_PACKAGE_INTEREST_WEIGHTS, PACKAGE, "interest_weights", N_("a weight"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, MAX_WEIGHT, FALSE, NAN, 0.5, 1,
    ARRAY (MpPackage, interest_weights, MP_N_INTERESTS, interest_key) },
  [MP_FIELD_PACKAGE_INTEREST_SCALES] = {
    MP_FIELD_PACKAGE_INTEREST_SCALES, PACKAGE, "interest_scales", N_("a reference scale"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, MAX_SCALE, TRUE, NAN, 100, 2,
    ARRAY (MpPackage, interest_scales, MP_N_INTERESTS, interest_key) },
  [MP_FIELD_PACKAGE_NL_WEIGHTS] = {
    MP_FIELD_PACKAGE_NL_WEIGHTS, PACKAGE, "nl_weights", N_("a weight"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, MAX_WEIGHT, FALSE, 3, 0.5, 1,
    ARRAY (MpPackage, nl_weights, MP_N_NL_COMPONENTS, nl_component_key) },
  [MP_FIELD_PACKAGE_DRAWS] = {
    MP_FIELD_PACKAGE_DRAWS, PACKAGE, "draws", N_("the number of Monte Carlo draws"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, 0, 1000000, FALSE, 2000, 500, 0,
    MEMBER (UINT, MpPackage, draws) },
  [MP_FIELD_PACKAGE_SEED] = {
    MP_FIELD_PACKAGE_SEED, PACKAGE, "seed", N_("the Monte Carlo seed"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, 0, MAX_SEED, FALSE, 20260522, 1, 0,
    MEMBER (UINT64, MpPackage, seed) },

  [MP_FIELD_SCHEME_NAME] = {
    MP_FIELD_SCHEME_NAME, SCHEME, "name", N_("the name of a scheme"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpScheme, name) },
  [MP_FIELD_SCHEME_KIND] = {
    MP_FIELD_SCHEME_KIND, SCHEME, "kind", N_("scheme kind"), NULL,
    MP_FIELD_TYPE_CHOICE, REQUIRED, 0, MP_N_SCHEME_KINDS - 1, FALSE, MP_SCHEME_CIRCULAR, 1, 0,
    CHOICE (MpScheme, kind, mp_scheme_kind_choices) },
  [MP_FIELD_SCHEME_PARTNER] = {
    MP_FIELD_SCHEME_PARTNER, SCHEME, "partner", NULL, NULL,
    MP_FIELD_TYPE_PARTNER, REQUIRED, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpScheme, partner) },
  [MP_FIELD_SCHEME_SECTOR] = {
    MP_FIELD_SCHEME_SECTOR, SCHEME, "sector", NULL, NULL,
    MP_FIELD_TYPE_SECTOR, REQUIRED, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpScheme, sector) },
  [MP_FIELD_SCHEME_QUOTA] = {
    MP_FIELD_SCHEME_QUOTA, SCHEME, "quota", N_("the annual quota"), N_("a year"),
    MP_FIELD_TYPE_REAL, REQUIRED, 0, MAX_QUOTA, FALSE, 0, 10, 0,
    MEMBER (DOUBLE, MpScheme, quota) },
  [MP_FIELD_SCHEME_FIRST_YEAR] = {
    MP_FIELD_SCHEME_FIRST_YEAR, SCHEME, "first_year", N_("the first intake year"), NULL,
    MP_FIELD_TYPE_INTEGER, REQUIRED | IN_HORIZON, YEAR_MIN, YEAR_MAX, FALSE, 2027, 1, 0,
    MEMBER (INT, MpScheme, first_year) },
  [MP_FIELD_SCHEME_INTAKE_YEARS] = {
    MP_FIELD_SCHEME_INTAKE_YEARS, SCHEME, "intake_years", N_("the number of intake years"), N_("years"),
    MP_FIELD_TYPE_INTEGER, REQUIRED, 0, MAX_YEARS, FALSE, 1, 1, 0,
    MEMBER (INT, MpScheme, intake_years) },
  [MP_FIELD_SCHEME_MONTHS] = {
    MP_FIELD_SCHEME_MONTHS, SCHEME, "months", N_("the months per stay"), N_("months"),
    MP_FIELD_TYPE_INTEGER, REQUIRED, 1, 12, FALSE, 9, 1, 0,
    MEMBER (INT, MpScheme, months) },
  [MP_FIELD_SCHEME_STAYS] = {
    MP_FIELD_SCHEME_STAYS, SCHEME, "stays", N_("the stays per participant"), N_("stays"),
    MP_FIELD_TYPE_INTEGER, REQUIRED, 1, MAX_YEARS, FALSE, 1, 1, 0,
    MEMBER (INT, MpScheme, stays) },
  [MP_FIELD_SCHEME_MANDATORY_RETURN] = {
    MP_FIELD_SCHEME_MANDATORY_RETURN, SCHEME, "mandatory_return", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, TRUE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, mandatory_return) },
  [MP_FIELD_SCHEME_TRAINING_MONTHS] = {
    MP_FIELD_SCHEME_TRAINING_MONTHS, SCHEME, "training_months",
    N_("the pre-departure training in months"), N_("months"),
    MP_FIELD_TYPE_REAL, 0, 0, 60, FALSE, 0, 1, 1,
    MEMBER (DOUBLE, MpScheme, training_months) },
  [MP_FIELD_SCHEME_HOME_TRACK_RATIO] = {
    MP_FIELD_SCHEME_HOME_TRACK_RATIO, SCHEME, "home_track_ratio",
    N_("the home-track trainees per mobile participant"), N_("per participant"),
    MP_FIELD_TYPE_REAL, 0, 0, 100, FALSE, 0, 0.5, 2,
    MEMBER (DOUBLE, MpScheme, home_track_ratio) },
  [MP_FIELD_SCHEME_COST_PER_PARTICIPANT] = {
    MP_FIELD_SCHEME_COST_PER_PARTICIPANT, SCHEME, "cost_per_participant",
    N_("the cost per participant in euros"), N_("€"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_EUROS, FALSE, 0, 500, 0,
    MEMBER (DOUBLE, MpScheme, cost_per_participant) },
  [MP_FIELD_SCHEME_EMPLOYER_SHARE] = {
    MP_FIELD_SCHEME_EMPLOYER_SHARE, SCHEME, "employer_share", N_("the employer share"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, 1, FALSE, 0, 0.05, 2,
    MEMBER (DOUBLE, MpScheme, employer_share) },
  [MP_FIELD_SCHEME_RECRUITMENT_FEES] = {
    MP_FIELD_SCHEME_RECRUITMENT_FEES, SCHEME, "recruitment_fees",
    N_("the recruitment fees in euros"), N_("€"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_EUROS, FALSE, 0, 50, 0,
    MEMBER (DOUBLE, MpScheme, recruitment_fees) },
  [MP_FIELD_SCHEME_LANGUAGE_SUPPORT] = {
    MP_FIELD_SCHEME_LANGUAGE_SUPPORT, SCHEME, "language_support", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, FALSE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, language_support) },
  [MP_FIELD_SCHEME_COMPLAINTS_CHANNEL] = {
    MP_FIELD_SCHEME_COMPLAINTS_CHANNEL, SCHEME, "complaints_channel", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, FALSE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, complaints_channel) },
  [MP_FIELD_SCHEME_REINTEGRATION_SUPPORT] = {
    MP_FIELD_SCHEME_REINTEGRATION_SUPPORT, SCHEME, "reintegration_support", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, FALSE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, reintegration_support) },
  [MP_FIELD_SCHEME_G2G_HEALTH_SUPPORT] = {
    MP_FIELD_SCHEME_G2G_HEALTH_SUPPORT, SCHEME, "g2g_health_support", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, FALSE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, g2g_health_support) },
  [MP_FIELD_SCHEME_RETURN_INCENTIVES] = {
    MP_FIELD_SCHEME_RETURN_INCENTIVES, SCHEME, "return_incentives", NULL, NULL,
    MP_FIELD_TYPE_BOOLEAN, 0, 0, 1, FALSE, FALSE, 1, 0,
    MEMBER (BOOLEAN, MpScheme, return_incentives) },

  [MP_FIELD_OFFER_KIND] = {
    MP_FIELD_OFFER_KIND, OFFER, "kind", N_("offer kind"), NULL,
    MP_FIELD_TYPE_CHOICE, REQUIRED, 0, MP_N_OFFER_KINDS - 1, FALSE, MP_OFFER_INVESTMENT, 1, 0,
    CHOICE (MpOffer, kind, mp_offer_kind_choices) },
  [MP_FIELD_OFFER_PARTNER] = {
    MP_FIELD_OFFER_PARTNER, OFFER, "partner", NULL, NULL,
    MP_FIELD_TYPE_PARTNER, REQUIRED, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpOffer, partner) },
  [MP_FIELD_OFFER_SECTOR] = {
    MP_FIELD_OFFER_SECTOR, OFFER, "sector", NULL, NULL,
    MP_FIELD_TYPE_SECTOR, 0, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpOffer, sector) },
  [MP_FIELD_OFFER_AMOUNT] = {
    MP_FIELD_OFFER_AMOUNT, OFFER, "amount", N_("the amount of an offer"), NULL,
    MP_FIELD_TYPE_REAL, REQUIRED, 0, 1e12, FALSE, 0, 100000, 0,
    MEMBER (DOUBLE, MpOffer, amount) },
  [MP_FIELD_OFFER_JOBS] = {
    MP_FIELD_OFFER_JOBS, OFFER, "jobs", N_("the jobs created"), N_("jobs"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_PERSONS, FALSE, 0, 100, 0,
    MEMBER (DOUBLE, MpOffer, jobs) },
  [MP_FIELD_OFFER_NOTE] = {
    MP_FIELD_OFFER_NOTE, OFFER, "note", NULL, NULL,
    MP_FIELD_TYPE_TEXT, 0, 0, TEXT_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpOffer, note) },
  [MP_FIELD_OFFER_VISA_LEVEL] = {
    MP_FIELD_OFFER_VISA_LEVEL, OFFER, "amount", N_("the visa facilitation level"), NULL,
    MP_FIELD_TYPE_INTEGER, REQUIRED, 0, 3, FALSE, 0, 1, 0,
    NONE },

  [MP_FIELD_ASK_KIND] = {
    MP_FIELD_ASK_KIND, ASK, "kind", N_("ask kind"), NULL,
    MP_FIELD_TYPE_CHOICE, REQUIRED, 0, MP_N_ASK_KINDS - 1, FALSE, MP_ASK_RETURN_READMISSION, 1, 0,
    CHOICE (MpAsk, kind, mp_ask_kind_choices) },
  [MP_FIELD_ASK_PARTNER] = {
    MP_FIELD_ASK_PARTNER, ASK, "partner", NULL, NULL,
    MP_FIELD_TYPE_PARTNER, REQUIRED, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpAsk, partner) },
  [MP_FIELD_ASK_RETURNS_LOW] = {
    MP_FIELD_ASK_RETURNS_LOW, ASK, "returns_low", N_("the expected extra returns a year"), N_("a year"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_PERSONS, FALSE, 0, 10, 0,
    MEMBER (DOUBLE, MpAsk, returns_low) },
  [MP_FIELD_ASK_RETURNS_MODE] = {
    MP_FIELD_ASK_RETURNS_MODE, ASK, "returns_mode", N_("the expected extra returns a year"), N_("a year"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_PERSONS, FALSE, 0, 10, 0,
    MEMBER (DOUBLE, MpAsk, returns_mode) },
  [MP_FIELD_ASK_RETURNS_HIGH] = {
    MP_FIELD_ASK_RETURNS_HIGH, ASK, "returns_high", N_("the expected extra returns a year"), N_("a year"),
    MP_FIELD_TYPE_REAL, 0, 0, MAX_PERSONS, FALSE, 0, 10, 0,
    MEMBER (DOUBLE, MpAsk, returns_high) },
  [MP_FIELD_ASK_LEVEL] = {
    MP_FIELD_ASK_LEVEL, ASK, "level", N_("the agreed level"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, 0, 3, FALSE, 0, 1, 0,
    MEMBER (INT, MpAsk, level) },
  [MP_FIELD_ASK_NOTE] = {
    MP_FIELD_ASK_NOTE, ASK, "note", NULL, NULL,
    MP_FIELD_TYPE_TEXT, 0, 0, TEXT_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpAsk, note) },

  [MP_FIELD_TRANCHE_LABEL] = {
    MP_FIELD_TRANCHE_LABEL, TRANCHE, "label", N_("the label of a tranche"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpTranche, label) },
  [MP_FIELD_TRANCHE_SCHEME] = {
    MP_FIELD_TRANCHE_SCHEME, TRANCHE, "scheme", N_("the scheme of a tranche"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpTranche, scheme) },
  [MP_FIELD_TRANCHE_RELEASE_YEAR] = {
    MP_FIELD_TRANCHE_RELEASE_YEAR, TRANCHE, "release_year", N_("the release year"), NULL,
    MP_FIELD_TYPE_INTEGER, REQUIRED | IN_HORIZON, YEAR_MIN, YEAR_MAX, FALSE, 2029, 1, 0,
    MEMBER (INT, MpTranche, release_year) },
  [MP_FIELD_TRANCHE_EXTRA_QUOTA] = {
    MP_FIELD_TRANCHE_EXTRA_QUOTA, TRANCHE, "extra_quota", N_("the extra quota"), N_("a year"),
    MP_FIELD_TYPE_REAL, REQUIRED, 0, MAX_QUOTA, FALSE, 0, 10, 0,
    MEMBER (DOUBLE, MpTranche, extra_quota) },
  [MP_FIELD_TRANCHE_CONDITION] = {
    MP_FIELD_TRANCHE_CONDITION, TRANCHE, "condition", N_("ask kind"), NULL,
    MP_FIELD_TYPE_CHOICE, REQUIRED, 0, MP_N_ASK_KINDS - 1, FALSE, MP_ASK_RETURN_READMISSION, 1, 0,
    CHOICE (MpTranche, condition, mp_ask_kind_choices) },

  [MP_FIELD_PARTNER_NAME] = {
    MP_FIELD_PARTNER_NAME, PARTNER, "name", N_("the name of a partner"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpPartner, name) },
  [MP_FIELD_PARTNER_RISK_OVERRIDE] = {
    MP_FIELD_PARTNER_RISK_OVERRIDE, PARTNER, "risk_override", N_("risk class"), NULL,
    MP_FIELD_TYPE_CHOICE, 0, 0, MP_N_RISK - 1, FALSE, NAN, 1, 0,
    CHOICE (MpPartner, risk_override, mp_risk_choices) },
  [MP_FIELD_PARTNER_INTEREST_WEIGHTS] = {
    MP_FIELD_PARTNER_INTEREST_WEIGHTS, PARTNER, "weights", N_("a weight"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, MAX_WEIGHT, FALSE, 0, 0.5, 1,
    ARRAY (MpPartner, profile.weights, MP_N_INTERESTS, interest_key) },
  [MP_FIELD_PARTNER_INTEREST_SCALES] = {
    MP_FIELD_PARTNER_INTEREST_SCALES, PARTNER, "scales", N_("a reference scale"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, MAX_SCALE, TRUE, NAN, 100, 2,
    ARRAY (MpPartner, profile.scales, MP_N_INTERESTS, interest_key) },
  INDICATOR (MP_IND_POPULATION, "population", 1, 1e10),
  INDICATOR (MP_IND_WORKING_AGE_SHARE, "working_age_share", 0, 100),
  INDICATOR (MP_IND_DEPENDENCY_RATIO, "dependency_ratio", 0, 300),
  INDICATOR (MP_IND_OLD_AGE_DEPENDENCY, "old_age_dependency", 0, 300),
  INDICATOR (MP_IND_MEDIAN_AGE, "median_age", 0, 100),
  INDICATOR (MP_IND_WORKING_AGE_2025, "working_age_2025", 0, 1e10),
  INDICATOR (MP_IND_WORKING_AGE_2050, "working_age_2050", 0, 1e10),
  INDICATOR (MP_IND_WORKING_AGE_GROWTH, "working_age_growth", -100, 1000),
  INDICATOR (MP_IND_YOUTH_UNEMPLOYMENT, "youth_unemployment", 0, 100),
  INDICATOR (MP_IND_REMITTANCES_PCT_GDP, "remittances_pct_gdp", 0, 100),
  INDICATOR (MP_IND_REMITTANCES_USD, "remittances_usd", 0, 1e13),
  INDICATOR (MP_IND_GDP_PC_USD, "gdp_pc_usd", 1, 1e6),
  INDICATOR (MP_IND_GDP_PC_PPP, "gdp_pc_ppp", 1, 1e6),
  INDICATOR (MP_IND_DOCTORS_PER_10K, "doctors_per_10k", 0, 1000),
  INDICATOR (MP_IND_NURSES_PER_10K, "nurses_per_10k", 0, 1000),
  INDICATOR (MP_IND_VDEM_LIBDEM, "vdem_libdem", 0, 1),
  INDICATOR (MP_IND_VDEM_POLYARCHY, "vdem_polyarchy", 0, 1),

  [MP_FIELD_VALUE_YEAR] = {
    MP_FIELD_VALUE_YEAR, MP_FIELD_ENTITY_VALUE, "year", N_("the year of a value"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, 1900, YEAR_MAX, FALSE, NAN, 1, 0,
    MEMBER (INT, MpValue, year) },
  [MP_FIELD_SECTOR_NAME] = {
    MP_FIELD_SECTOR_NAME, SECTOR, "name", N_("the name of a sector"), NULL,
    MP_FIELD_TYPE_TEXT, REQUIRED, 1, NAME_CHARS, FALSE, NAN, 0, 0,
    MEMBER (STRING, MpSector, name) },
  [MP_FIELD_SECTOR_EQF] = {
    MP_FIELD_SECTOR_EQF, SECTOR, "eqf", N_("the EQF level"), NULL,
    MP_FIELD_TYPE_INTEGER, 0, 1, 8, FALSE, 1, 1, 0,
    MEMBER (INT, MpSector, eqf) },
  [MP_FIELD_SECTOR_DEMAND] = {
    MP_FIELD_SECTOR_DEMAND, SECTOR, "demand", N_("demand type"), NULL,
    MP_FIELD_TYPE_CHOICE, 0, 0, MP_N_DEMAND - 1, FALSE, MP_DEMAND_TEMPORARY, 1, 0,
    CHOICE (MpSector, demand, mp_demand_choices) },
  [MP_FIELD_SECTOR_VACANCIES] = {
    MP_FIELD_SECTOR_VACANCIES, SECTOR, "vacancies", N_("the number of vacancies"), NULL,
    MP_FIELD_TYPE_REAL, 0, 0, 1e8, FALSE, NAN, 100, 0,
    MEMBER (DOUBLE, MpSector, vacancies.value) },
  [MP_FIELD_SECTOR_WAGE] = {
    MP_FIELD_SECTOR_WAGE, SECTOR, "wage_month", N_("the monthly wage in euros"), N_("€ a month"),
    MP_FIELD_TYPE_REAL, 0, 0, 1e6, FALSE, NAN, 100, 0,
    MEMBER (DOUBLE, MpSector, wage_month.value) },

  [MP_FIELD_NAME] = {
    MP_FIELD_NAME, MP_FIELD_ENTITY_NONE, NULL, NULL, NULL,
    MP_FIELD_TYPE_TEXT, 0, 0, NAME_CHARS, FALSE, NAN, 0, 0,
    NONE },
  [MP_FIELD_TEXT] = {
    MP_FIELD_TEXT, MP_FIELD_ENTITY_NONE, NULL, NULL, NULL,
    MP_FIELD_TYPE_TEXT, 0, 0, TEXT_CHARS, FALSE, NAN, 0, 0,
    NONE },
};

/* ---- Looking rules up ------------------------------------------------------- */

/**
 * mp_field_rule:
 * @id: a field
 *
 * Returns: (transfer none): the rule of @id
 */
const MpFieldRule *
mp_field_rule (MpFieldId id)
{
  g_return_val_if_fail ((int) id >= 0 && id < MP_N_FIELDS, &rules[MP_FIELD_TEXT]);

  return &rules[id];
}

/**
 * mp_field_rule_for:
 * @id: a field
 * @object: (nullable): the struct holding it
 *
 * The rule that applies to field @id of @object: the visa level's for the
 * amount of a visa offer, @id's own otherwise.
 *
 * Returns: (transfer none): the rule
 */
const MpFieldRule *
mp_field_rule_for (MpFieldId     id,
                   gconstpointer object)
{
  if (id == MP_FIELD_OFFER_AMOUNT && object != NULL &&
      ((const MpOffer *) object)->kind == MP_OFFER_VISA)
    return &rules[MP_FIELD_OFFER_VISA_LEVEL];

  return mp_field_rule (id);
}

/**
 * mp_field_lookup:
 * @entity: an entity
 * @key: a JSON key of a member of @entity, e.g. "quota"
 * @id: (out): the field
 *
 * Returns: %TRUE when @entity has a member @key
 */
gboolean
mp_field_lookup (MpFieldEntity  entity,
                 const char    *key,
                 MpFieldId     *id)
{
  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      if (rules[i].entity == entity && rules[i].storage != MP_FIELD_STORAGE_NONE &&
          g_strcmp0 (rules[i].key, key) == 0)
        {
          *id = (MpFieldId) i;
          return TRUE;
        }
    }

  return FALSE;
}

MpFieldId
mp_field_indicator (MpIndicator indicator)
{
  g_return_val_if_fail ((int) indicator >= 0 && indicator < MP_N_INDICATORS,
                        MP_FIELD_INDICATOR_FIRST);

  return MP_FIELD_INDICATOR_FIRST + indicator;
}

/* Whether the rule's field is a number with a range (not a text, a choice or
 * a switch). */
gboolean
mp_field_is_number (const MpFieldRule *rule)
{
  return rule->type == MP_FIELD_TYPE_INTEGER || rule->type == MP_FIELD_TYPE_REAL;
}

/* ---- Checking ------------------------------------------------------------- */

/* A 64-bit limit is not a double: G_MAXINT64 rounds up to 2^63, which is out. */
static gboolean
below_max (const MpFieldRule *rule,
           double             max,
           double             value)
{
  return rule != NULL && rule->storage == MP_FIELD_STORAGE_UINT64 ? value < max : value <= max;
}

static gboolean
in_range (const MpFieldRule *rule,
          double             min,
          double             max,
          double             value)
{
  return isfinite (value) &&
         (rule == NULL || rule->type != MP_FIELD_TYPE_INTEGER || value == floor (value)) &&
         (rule != NULL && rule->min_exclusive ? value > min : value >= min) &&
         below_max (rule, max, value);
}

static char *
format_limit (const MpFieldRule *rule,
              double             limit)
{
  if (rule != NULL && rule->storage == MP_FIELD_STORAGE_UINT64 && limit >= MAX_SEED)
    return g_strdup_printf ("%" G_GINT64_FORMAT, G_MAXINT64);

  return mp_field_format_number (limit);
}

/* The message of a value that is not in_range(); @shown is the value as text
 * when a double cannot show it exactly (NULL: format @value). */
static gboolean
fail_range (const MpFieldRule  *rule,
            const char         *name,
            double              min,
            double              max,
            double              value,
            const char         *shown,
            const char         *path,
            GError            **error)
{
  g_autofree char *v = shown != NULL ? g_strdup (shown) : mp_field_format_number (value);
  g_autofree char *lo = format_limit (rule, min);
  g_autofree char *hi = format_limit (rule, max);

  if (!isfinite (value))
    return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                          _("%s is not a finite number; every number must be finite"), v);

  if (rule != NULL && rule->type == MP_FIELD_TYPE_INTEGER && value != floor (value))
    return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                          _("%s is not a whole number; %s must be a whole number"), v, name);

  if (rule != NULL && rule->min_exclusive)
    return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                          /* TRANSLATORS: "0 is out of range; a reference scale must be greater than 0 and at most 1e+15" */
                          _("%s is out of range; %s must be greater than %s and at most %s"),
                          v, name, lo, hi);

  return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, path,
                        /* TRANSLATORS: "13 is out of range; the months per stay must be between 1 and 12" */
                        _("%s is out of range; %s must be between %s and %s"), v, name, lo, hi);
}

/**
 * mp_field_check:
 * @id: a number field
 * @value: a value for it
 * @path: (nullable): the field path the message starts with, e.g.
 *   "schemes[2].months"
 * @error: return location for an %MP_FIELD_ERROR
 *
 * Checks that @value is finite, whole for an integer field and within the
 * field's range.  The message, which names the value and the rule, is only
 * built when the check fails.
 *
 * Returns: %TRUE when @value is valid
 */
gboolean
mp_field_check (MpFieldId    id,
                double       value,
                const char  *path,
                GError     **error)
{
  const MpFieldRule *rule = mp_field_rule (id);

  g_return_val_if_fail (mp_field_is_number (rule), FALSE);

  if (G_LIKELY (in_range (rule, rule->min, rule->max, value)))
    return TRUE;

  return fail_range (rule, _(rule->name), rule->min, rule->max, value, NULL, path, error);
}

gboolean
_mp_field_check_range (const char  *name,
                       double       min,
                       double       max,
                       double       value,
                       const char  *path,
                       GError     **error)
{
  if (G_LIKELY (in_range (NULL, min, max, value)))
    return TRUE;

  return fail_range (NULL, name, min, max, value, NULL, path, error);
}

/**
 * mp_field_check_text:
 * @id: a text field, or %MP_FIELD_NAME or %MP_FIELD_TEXT
 * @text: (nullable): a text for it
 * @path: (nullable): the field path the message starts with
 * @error: return location for an %MP_FIELD_ERROR
 *
 * Checks that @text holds at most the field's number of characters (Unicode
 * code points, not bytes).
 *
 * Returns: %TRUE when @text fits
 */
gboolean
mp_field_check_text (MpFieldId    id,
                     const char  *text,
                     const char  *path,
                     GError     **error)
{
  const MpFieldRule *rule = mp_field_rule (id);
  glong n;

  g_return_val_if_fail (!mp_field_is_number (rule), FALSE);

  if (text == NULL)
    return TRUE;

  n = g_utf8_strlen (text, -1);
  if (G_LIKELY (n <= rule->max))
    return TRUE;

  return mp_field_fail (error, MP_FIELD_ERROR, MP_FIELD_ERROR_TOO_LARGE, path,
                        /* TRANSLATORS: "a text of 1001 characters is too long; this field holds at most 1000" */
                        _("a text of %ld characters is too long; this field holds at most %d characters"),
                        n, (int) rule->max);
}

/* "@path.key", or "@path.key.element" for an element of an array. */
static char *
member_path (const char        *path,
             const MpFieldRule *rule,
             guint              index)
{
  g_autoptr(GString) out = g_string_new (path);

  mp_field_path_push_key (out, rule->key);
  if (rule->element_key != NULL)
    mp_field_path_push_key (out, rule->element_key ((int) index));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * mp_field_check_members:
 * @entity: %MP_FIELD_ENTITY_PACKAGE, _SCHEME, _OFFER, _ASK or _TRANCHE
 * @object: the struct of @entity
 * @path: (nullable): the path of @object, the prefix of the message's path
 * @error: return location for an %MP_FIELD_ERROR
 *
 * Checks every number member of @object against its rule (the rule that
 * applies to it, see mp_field_rule_for()), in the table's order.  A member
 * whose rule has no default may be NaN: unset.  Years that must also lie
 * within the horizon are only checked against their fixed range here.
 *
 * Returns: %TRUE when every member is valid
 */
gboolean
mp_field_check_members (MpFieldEntity  entity,
                        gconstpointer  object,
                        const char    *path,
                        GError       **error)
{
  for (int id = 0; id < MP_N_FIELDS; id++)
    {
      const MpFieldRule *rule;

      if (rules[id].entity != entity || rules[id].storage == MP_FIELD_STORAGE_NONE ||
          !mp_field_is_number (&rules[id]))
        continue;

      rule = mp_field_rule_for ((MpFieldId) id, object);
      for (guint i = 0; i < rules[id].count; i++)
        {
          double v = mp_field_get ((MpFieldId) id, object, i);
          g_autofree char *where = NULL;
          g_autofree char *shown = NULL;

          if (rules[id].storage == MP_FIELD_STORAGE_UINT64)
            {
              guint64 u = G_STRUCT_MEMBER (guint64, object, rule->offset);

              if (G_LIKELY (u <= (guint64) G_MAXINT64))
                continue;
              shown = g_strdup_printf ("%" G_GUINT64_FORMAT, u);
            }
          else if (G_LIKELY ((isnan (v) && isnan (rule->default_value)) ||
                             in_range (rule, rule->min, rule->max, v)))
            continue;

          where = member_path (path, &rules[id], i);
          return fail_range (rule, _(rule->name), rule->min, rule->max, v, shown, where, error);
        }
    }

  return TRUE;
}

/* ---- Getting and setting ---------------------------------------------------- */

static gpointer
member_address (const MpFieldRule *rule,
                gconstpointer      object,
                guint              index)
{
  g_return_val_if_fail (rule->storage != MP_FIELD_STORAGE_NONE, NULL);
  g_return_val_if_fail (index < rule->count, NULL);

  return (guint8 *) object + rule->offset + index * sizeof (double);
}

/**
 * mp_field_get:
 * @id: a number, switch or choice field (stored in its struct)
 * @object: the struct holding it
 * @index: the element of an array member (0 for other fields)
 *
 * Returns: the value as a double: 0 or 1 for a switch, the enum value for a
 *   choice
 */
double
mp_field_get (MpFieldId     id,
              gconstpointer object,
              guint         index)
{
  const MpFieldRule *rule = mp_field_rule (id);
  gconstpointer p = member_address (rule, object, index);

  switch (rule->storage)
    {
    case MP_FIELD_STORAGE_INT:
    case MP_FIELD_STORAGE_ENUM:
      return *(const int *) p;
    case MP_FIELD_STORAGE_UINT:
      return *(const guint *) p;
    case MP_FIELD_STORAGE_UINT64:
      return (double) *(const guint64 *) p;
    case MP_FIELD_STORAGE_DOUBLE:
      return *(const double *) p;
    case MP_FIELD_STORAGE_BOOLEAN:
      return *(const gboolean *) p ? 1 : 0;
    case MP_FIELD_STORAGE_STRING:
    case MP_FIELD_STORAGE_NONE:
    default:
      g_return_val_if_reached (NAN);
    }
}

/**
 * mp_field_set:
 * @id: a number, switch or choice field (stored in its struct)
 * @object: the struct holding it
 * @index: the element of an array member (0 for other fields)
 * @value: the value, converted to the member's type; check it first
 */
void
mp_field_set (MpFieldId id,
              gpointer  object,
              guint     index,
              double    value)
{
  const MpFieldRule *rule = mp_field_rule (id);
  gpointer p = member_address (rule, object, index);

  switch (rule->storage)
    {
    case MP_FIELD_STORAGE_INT:
    case MP_FIELD_STORAGE_ENUM:
      *(int *) p = (int) value;
      break;
    case MP_FIELD_STORAGE_UINT:
      *(guint *) p = (guint) value;
      break;
    case MP_FIELD_STORAGE_UINT64:
      *(guint64 *) p = (guint64) value;
      break;
    case MP_FIELD_STORAGE_DOUBLE:
      *(double *) p = value;
      break;
    case MP_FIELD_STORAGE_BOOLEAN:
      *(gboolean *) p = value != 0;
      break;
    case MP_FIELD_STORAGE_STRING:
    case MP_FIELD_STORAGE_NONE:
    default:
      g_return_if_reached ();
    }
}

const char *
mp_field_get_text (MpFieldId     id,
                   gconstpointer object)
{
  const MpFieldRule *rule = mp_field_rule (id);

  g_return_val_if_fail (rule->storage == MP_FIELD_STORAGE_STRING, NULL);

  return G_STRUCT_MEMBER (const char *, object, rule->offset);
}

/* Replaces the text (a copy of @text; NULL clears it). */
void
mp_field_set_text (MpFieldId   id,
                   gpointer    object,
                   const char *text)
{
  const MpFieldRule *rule = mp_field_rule (id);
  char **p;

  g_return_if_fail (rule->storage == MP_FIELD_STORAGE_STRING);

  p = G_STRUCT_MEMBER_P (object, rule->offset);
  if (*p != text)
    {
      g_free (*p);
      *p = g_strdup (text);
    }
}
