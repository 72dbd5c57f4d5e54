/* mp-field-rules.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The rules of every field a user can set, one row each in one table
 * (mp-field-rules.c): its JSON key, the name messages give it, its unit, its
 * type, its range, its default and how an editor steps it.  The JSON reader
 * and writer, the validator (mp-validate.h), the document store, the engine,
 * the command line's "edit" and the editors' spin buttons all take the limits
 * from here; data/JSON-FORMAT.md and data/mp-package.schema.json document the
 * same numbers (tests/test-field-rules.c checks the schema against the
 * table).  Adding a field to an entity is one row here. */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_FIELD_ERROR (mp_field_error_quark ())

typedef enum
{
  MP_FIELD_ERROR_INVALID,           /* out of range, not finite, not whole, empty, malformed */
  MP_FIELD_ERROR_TOO_LARGE,         /* a text or a list over its limit */
  MP_FIELD_ERROR_UNKNOWN_REFERENCE, /* an unknown partner, sector or scheme */
} MpFieldError;

/* The rows, in the order of the fields in the JSON format. */
typedef enum
{
  /* package */
  MP_FIELD_PACKAGE_NAME,
  MP_FIELD_PACKAGE_DESCRIPTION,
  MP_FIELD_PACKAGE_START_YEAR,
  MP_FIELD_PACKAGE_HORIZON,
  MP_FIELD_PACKAGE_INTEREST_WEIGHTS,
  MP_FIELD_PACKAGE_INTEREST_SCALES,
  MP_FIELD_PACKAGE_NL_WEIGHTS,
  MP_FIELD_PACKAGE_DRAWS,
  MP_FIELD_PACKAGE_SEED,
  /* scheme */
  MP_FIELD_SCHEME_NAME,
  MP_FIELD_SCHEME_KIND,
  MP_FIELD_SCHEME_PARTNER,
  MP_FIELD_SCHEME_SECTOR,
  MP_FIELD_SCHEME_QUOTA,
  MP_FIELD_SCHEME_FIRST_YEAR,
  MP_FIELD_SCHEME_INTAKE_YEARS,
  MP_FIELD_SCHEME_MONTHS,
  MP_FIELD_SCHEME_STAYS,
  MP_FIELD_SCHEME_MANDATORY_RETURN,
  MP_FIELD_SCHEME_TRAINING_MONTHS,
  MP_FIELD_SCHEME_HOME_TRACK_RATIO,
  MP_FIELD_SCHEME_COST_PER_PARTICIPANT,
  MP_FIELD_SCHEME_EMPLOYER_SHARE,
  MP_FIELD_SCHEME_RECRUITMENT_FEES,
  MP_FIELD_SCHEME_LANGUAGE_SUPPORT,
  MP_FIELD_SCHEME_COMPLAINTS_CHANNEL,
  MP_FIELD_SCHEME_REINTEGRATION_SUPPORT,
  MP_FIELD_SCHEME_G2G_HEALTH_SUPPORT,
  MP_FIELD_SCHEME_RETURN_INCENTIVES,
  /* offer */
  MP_FIELD_OFFER_KIND,
  MP_FIELD_OFFER_PARTNER,
  MP_FIELD_OFFER_SECTOR,
  MP_FIELD_OFFER_AMOUNT,
  MP_FIELD_OFFER_JOBS,
  MP_FIELD_OFFER_NOTE,
  MP_FIELD_OFFER_VISA_LEVEL,          /* the rule of the amount of a visa offer */
  /* ask */
  MP_FIELD_ASK_KIND,
  MP_FIELD_ASK_PARTNER,
  MP_FIELD_ASK_RETURNS_LOW,
  MP_FIELD_ASK_RETURNS_MODE,
  MP_FIELD_ASK_RETURNS_HIGH,
  MP_FIELD_ASK_LEVEL,
  MP_FIELD_ASK_NOTE,
  /* tranche */
  MP_FIELD_TRANCHE_LABEL,
  MP_FIELD_TRANCHE_SCHEME,
  MP_FIELD_TRANCHE_RELEASE_YEAR,
  MP_FIELD_TRANCHE_EXTRA_QUOTA,
  MP_FIELD_TRANCHE_CONDITION,
  /* partner (reference data) */
  MP_FIELD_PARTNER_NAME,
  MP_FIELD_PARTNER_RISK_OVERRIDE,
  MP_FIELD_PARTNER_INTEREST_WEIGHTS,
  MP_FIELD_PARTNER_INTEREST_SCALES,
  MP_FIELD_INDICATOR_FIRST,           /* one row per MpIndicator, in its order */
  MP_FIELD_INDICATOR_LAST = MP_FIELD_INDICATOR_FIRST + MP_N_INDICATORS - 1,
  /* sourced value, sector (reference data) */
  MP_FIELD_VALUE_YEAR,
  MP_FIELD_SECTOR_NAME,
  MP_FIELD_SECTOR_EQF,
  MP_FIELD_SECTOR_DEMAND,
  MP_FIELD_SECTOR_VACANCIES,
  MP_FIELD_SECTOR_WAGE,
  /* the lengths of names and free texts that are not rows above */
  MP_FIELD_NAME,
  MP_FIELD_TEXT,
  MP_N_FIELDS
} MpFieldId;

/* The struct a row's field is a member of (the object given to
 * mp_field_get() and friends). */
typedef enum
{
  MP_FIELD_ENTITY_PACKAGE,    /* MpPackage */
  MP_FIELD_ENTITY_SCHEME,     /* MpScheme */
  MP_FIELD_ENTITY_OFFER,      /* MpOffer */
  MP_FIELD_ENTITY_ASK,        /* MpAsk */
  MP_FIELD_ENTITY_TRANCHE,    /* MpTranche */
  MP_FIELD_ENTITY_PARTNER,    /* MpPartner */
  MP_FIELD_ENTITY_INDICATOR,  /* MpPartner: its indicator values, keyed by indicator id */
  MP_FIELD_ENTITY_VALUE,      /* MpValue */
  MP_FIELD_ENTITY_SECTOR,     /* MpSector */
  MP_FIELD_ENTITY_NONE,       /* the general text lengths */
} MpFieldEntity;

typedef enum
{
  MP_FIELD_TYPE_INTEGER,        /* a whole number */
  MP_FIELD_TYPE_REAL,
  MP_FIELD_TYPE_BOOLEAN,
  MP_FIELD_TYPE_TEXT,           /* min and max count characters */
  MP_FIELD_TYPE_CHOICE,         /* one of an enum's identifiers (choices) */
  MP_FIELD_TYPE_PARTNER,        /* the ISO 3166-1 alpha-3 code of a partner */
  MP_FIELD_TYPE_SECTOR,         /* a sector code */
} MpFieldType;

/* How the value is held in the entity's struct. */
typedef enum
{
  MP_FIELD_STORAGE_NONE,      /* not a member: a rule other rows or code refer to */
  MP_FIELD_STORAGE_INT,
  MP_FIELD_STORAGE_UINT,
  MP_FIELD_STORAGE_UINT64,
  MP_FIELD_STORAGE_DOUBLE,
  MP_FIELD_STORAGE_BOOLEAN,
  MP_FIELD_STORAGE_ENUM,
  MP_FIELD_STORAGE_STRING,
} MpFieldStorage;

typedef enum
{
  MP_FIELD_REQUIRED       = 1 << 0,  /* JSON: must be given; a text must not be empty */
  MP_FIELD_WITHIN_HORIZON = 1 << 1,  /* a year that must also lie within the package's horizon */
} MpFieldFlags;

/* The identifiers of an enum (MP_FIELD_TYPE_CHOICE). */
typedef struct
{
  int           n;
  const char *(*to_string)   (int value);
  gboolean    (*from_string) (const char *text,
                              int        *value);
} MpFieldChoices;

typedef struct
{
  MpFieldId              id;
  MpFieldEntity          entity;
  const char            *key;            /* JSON key, and FIELD of "edit"; NULL for general rows */
  const char            *name;           /* N_(): as messages name it, "the annual quota"; NULL when none does */
  const char            *unit;           /* N_(): "a year", "€"; NULL when none */
  MpFieldType            type;
  MpFieldFlags           flags;
  double                 min;
  double                 max;
  gboolean               min_exclusive;  /* the value must be greater than min */
  double                 default_value;  /* NaN: none (unset, or derived elsewhere) */
  double                 step;           /* editors: the increment of one click */
  guint                  digits;         /* editors: decimals shown */
  MpFieldStorage         storage;
  gsize                  offset;         /* of the member in the entity's struct */
  guint                  count;          /* elements of an array of doubles (1 for others) */
  const char          *(*element_key) (int index);  /* keys of the elements of an array */
  const MpFieldChoices  *choices;        /* MP_FIELD_TYPE_CHOICE */
} MpFieldRule;

GQuark             mp_field_error_quark  (void);

const MpFieldRule *mp_field_rule         (MpFieldId           id);
const MpFieldRule *mp_field_rule_for     (MpFieldId           id,
                                          gconstpointer       object);
gboolean           mp_field_lookup       (MpFieldEntity       entity,
                                          const char         *key,
                                          MpFieldId          *id);
MpFieldId          mp_field_indicator    (MpIndicator         indicator);
gboolean           mp_field_is_number    (const MpFieldRule  *rule);

gboolean           mp_field_check        (MpFieldId           id,
                                          double              value,
                                          const char         *path,
                                          GError            **error);
gboolean           mp_field_check_text   (MpFieldId           id,
                                          const char         *text,
                                          const char         *path,
                                          GError            **error);
gboolean           mp_field_check_members (MpFieldEntity      entity,
                                          gconstpointer       object,
                                          const char         *path,
                                          GError            **error);

double             mp_field_get          (MpFieldId           id,
                                          gconstpointer       object,
                                          guint               index);
void               mp_field_set          (MpFieldId           id,
                                          gpointer            object,
                                          guint               index,
                                          double              value);
const char        *mp_field_get_text     (MpFieldId           id,
                                          gconstpointer       object);
void               mp_field_set_text     (MpFieldId           id,
                                          gpointer            object,
                                          const char         *text);

G_END_DECLS
