/* mp-types.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The entities of the domain model (models/README.md, “Entities”) as plain
 * C structs.
 *
 * The document model is plain data: a reference set (partners, sectors) and
 * packages (schemes, offers, asks, assumptions).  Strings are owned (g_strdup)
 * and every struct has a _copy/_free pair in mp-types.c.  The evaluator works
 * directly on these structs; the UI wraps them in GObjects where it needs
 * properties (see ui/).
 */

#include <glib.h>

G_BEGIN_DECLS

/* ---- Reference data ---------------------------------------------------- */

/* An indicator value: missing values are NaN with year 0 and stay missing
 * (shown as "no data", never zero). */
typedef struct
{
  double value;       /* NaN when missing */
  int    year;        /* 0 when missing */
  char  *source;      /* short citation, e.g. "World Bank WDI SP.POP.TOTL" */
} MpValue;

typedef enum
{
  MP_IND_POPULATION,            /* persons */
  MP_IND_WORKING_AGE_SHARE,     /* % of population aged 15-64 */
  MP_IND_DEPENDENCY_RATIO,      /* % of working-age population */
  MP_IND_OLD_AGE_DEPENDENCY,    /* % of working-age population */
  MP_IND_MEDIAN_AGE,            /* years */
  MP_IND_WORKING_AGE_2025,      /* persons 15-64, UN WPP 2024 medium */
  MP_IND_WORKING_AGE_2050,      /* persons 15-64, UN WPP 2024 medium */
  MP_IND_WORKING_AGE_GROWTH,    /* % change 2025 -> 2050 */
  MP_IND_YOUTH_UNEMPLOYMENT,    /* % of labour force 15-24 */
  MP_IND_REMITTANCES_PCT_GDP,   /* % of GDP */
  MP_IND_REMITTANCES_USD,       /* current USD a year */
  MP_IND_GDP_PC_USD,            /* current USD */
  MP_IND_GDP_PC_PPP,            /* current international $ */
  MP_IND_DOCTORS_PER_10K,
  MP_IND_NURSES_PER_10K,        /* nursing and midwifery personnel */
  MP_IND_VDEM_LIBDEM,           /* 0-1 */
  MP_IND_VDEM_POLYARCHY,        /* 0-1 */
  MP_N_INDICATORS
} MpIndicator;

typedef enum
{
  MP_RISK_LOW,
  MP_RISK_MEDIUM,
  MP_RISK_HIGH,
  MP_N_RISK
} MpRisk;

/* The interests of a partner (models/README.md, “Partner-interest fit”), in
 * this fixed order. */
typedef enum
{
  MP_INTEREST_LABOUR_MOBILITY,
  MP_INTEREST_SKILLS,
  MP_INTEREST_REMITTANCES,
  MP_INTEREST_INVESTMENT_TRADE,
  MP_INTEREST_STUDY,
  MP_INTEREST_VISA,
  MP_INTEREST_PROTECTION,
  MP_INTEREST_DEVELOPMENT,
  MP_N_INTERESTS
} MpInterest;

typedef struct
{
  double weights[MP_N_INTERESTS];   /* 0-5 */
  double scales[MP_N_INTERESTS];    /* reference scale k_i; NaN = derive the default */
  char  *rationale;                 /* why these weights */
} MpInterestProfile;

typedef struct
{
  char              *iso3;          /* ISO 3166-1 alpha-3, upper case */
  char              *name;
  char              *region;
  char             **memberships;   /* NULL-terminated: "Rabat Process", … */
  char             **frameworks;    /* NULL-terminated: "EU Talent Partnership", … */
  gboolean           combiland;
  gboolean           excluded;      /* no partnership possible (e.g. Libya) */
  char              *excluded_reason;
  gboolean           who_ssl;       /* on WHO Health Workforce Support and Safeguards List 2023 */
  char              *who_ssl_source;
  gboolean           has_risk_override;
  MpRisk             risk_override;
  char              *risk_override_reason;
  MpValue            ind[MP_N_INDICATORS];
  MpInterestProfile  profile;
} MpPartner;

typedef enum
{
  MP_DEMAND_SEASONAL,
  MP_DEMAND_TEMPORARY,
  MP_DEMAND_STRUCTURAL,
  MP_N_DEMAND
} MpDemand;

typedef struct
{
  char     *code;          /* e.g. "health_social_care" */
  char     *name;
  char     *sbi;           /* CBS SBI 2008 section */
  int       eqf;           /* typical skill level 1-8 */
  MpDemand  demand;
  gboolean  health;        /* WHO Code applies */
  MpValue   vacancies;     /* open vacancies */
  MpValue   wage_month;    /* typical gross monthly wage in NL, € */
} MpSector;

typedef struct
{
  char      *vintage;      /* e.g. "2026-11" : date of the snapshot */
  GPtrArray *partners;     /* MpPartner* */
  GPtrArray *sectors;      /* MpSector* */
} MpReference;

/* ---- Packages ---------------------------------------------------------- */

typedef enum
{
  MP_SCHEME_TALENT_PARTNERSHIP,
  MP_SCHEME_CIRCULAR,
  MP_SCHEME_SEASONAL,
  MP_SCHEME_TRAINEE,
  MP_SCHEME_STUDY,
  MP_SCHEME_HOME_TRACK,
  MP_N_SCHEME_KINDS
} MpSchemeKind;

typedef struct
{
  char         *name;
  MpSchemeKind  kind;
  char         *partner;              /* iso3 */
  char         *sector;               /* sector code */
  double        quota;                /* q, admissions a year */
  int           first_year;           /* a */
  int           intake_years;         /* n */
  int           months;               /* m, 1-12, months per stay */
  int           stays;                /* c, stays per participant (years) */
  gboolean      mandatory_return;
  double        training_months;      /* pre-departure training */
  double        home_track_ratio;     /* h, home-track trainees per mobile participant */
  double        cost_per_participant; /* € */
  double        employer_share;       /* 0-1 */
  double        recruitment_fees;     /* € charged to workers: must be 0 */
  gboolean      language_support;
  gboolean      complaints_channel;
  gboolean      reintegration_support;
  gboolean      g2g_health_support;   /* G2G agreement with health-system support */
  gboolean      return_incentives;    /* study schemes */
} MpScheme;

typedef enum
{
  MP_OFFER_INVESTMENT,        /* € a year */
  MP_OFFER_TRADE,             /* € a year of trade and nearshoring */
  MP_OFFER_SCHOLARSHIPS,      /* scholarships a year */
  MP_OFFER_VISA,              /* level 0-3 */
  MP_OFFER_CAPACITY_BUILDING, /* € a year (development funding) */
  MP_N_OFFER_KINDS
} MpOfferKind;

typedef struct
{
  MpOfferKind  kind;
  char        *partner;     /* iso3 */
  char        *sector;      /* optional sector code, may be NULL */
  double       amount;      /* unit depends on kind */
  double       jobs;        /* trade: jobs created in the partner country */
  char        *note;
} MpOffer;

typedef enum
{
  /* measure risk low */
  MP_ASK_INFORMATION_CAMPAIGNS,
  /* measure risk medium */
  MP_ASK_VOLUNTARY_RETURN,
  MP_ASK_PROTECTION_IN_REGION,
  MP_ASK_ANTI_SMUGGLING,
  /* measure risk high */
  MP_ASK_RETURN_READMISSION,
  MP_ASK_RETURN_HUBS,
  MP_ASK_BORDER_MANAGEMENT,
  MP_ASK_COAST_GUARD,
  MP_ASK_EXTERNAL_ASYLUM,
  /* never allowed */
  MP_ASK_REFOULEMENT_TRANSFERS,
  MP_ASK_PUSHBACKS,
  MP_ASK_DETENTION_WITHOUT_RIGHTS,
  MP_N_ASK_KINDS
} MpAskKind;

typedef struct
{
  MpAskKind  kind;
  char      *partner;        /* iso3 */
  double     returns_low;    /* expected extra returns a year (return asks) */
  double     returns_mode;
  double     returns_high;
  int        level;          /* agreed level 0-3 (irregular migration/protection asks) */
  char      *note;           /* evidence note */
} MpAsk;

/* A conditional quota tranche ("more for more", AR §3.1): extra quota for a
 * scheme from release_year on, released when the named ask is delivered.  The
 * projection counts it weighted by the assumption "p-condition-met". */
typedef struct
{
  char      *label;
  char      *scheme;         /* scheme name */
  int        release_year;
  double     extra_quota;    /* admissions a year */
  MpAskKind  condition;
} MpTranche;

/* A named, documented assumption with a triangular range.  The catalogue of
 * assumptions, their defaults and rationale lives in mp-assumptions.c. */
typedef struct
{
  char   *key;               /* e.g. "fill-rate" */
  double  low;
  double  mode;
  double  high;
} MpAssumption;

typedef struct
{
  char       *name;
  char       *description;
  char      **partners;       /* NULL-terminated iso3 list; >1 = regional package */
  int         start_year;
  int         horizon;        /* years */
  GPtrArray  *schemes;        /* MpScheme* */
  GPtrArray  *offers;         /* MpOffer* */
  GPtrArray  *asks;           /* MpAsk* */
  GPtrArray  *tranches;       /* MpTranche* */
  GPtrArray  *assumptions;    /* MpAssumption*: overrides of the catalogue */
  /* Per-package overrides of the partner interest weights and scales (NaN = from profile). */
  double      interest_weights[MP_N_INTERESTS];
  double      interest_scales[MP_N_INTERESTS];
  /* NL weights (0-5), see MpNlComponent */
  double      nl_weights[5];
  guint       draws;          /* Monte Carlo draws */
  guint64     seed;           /* Monte Carlo seed */
} MpPackage;

typedef enum
{
  MP_NL_SHORTAGE,
  MP_NL_RETURN,
  MP_NL_IRREGULAR,
  MP_NL_COST,
  MP_NL_NET_MIGRATION,
  MP_N_NL_COMPONENTS
} MpNlComponent;

/* ---- Constructors, copies and frees (mp-types.c) ------------------------ */

void         mp_value_clear        (MpValue           *v);
void         mp_value_set          (MpValue           *v,
                                    double             value,
                                    int                year,
                                    const char        *source);
gboolean     mp_value_present      (const MpValue     *v);

MpPartner   *mp_partner_new        (const char        *iso3,
                                    const char        *name);
MpPartner   *mp_partner_copy       (const MpPartner   *p);
void         mp_partner_free       (MpPartner         *p);

MpSector    *mp_sector_new         (const char        *code,
                                    const char        *name);
MpSector    *mp_sector_copy        (const MpSector    *s);
void         mp_sector_free        (MpSector          *s);

MpReference *mp_reference_new      (void);
MpReference *mp_reference_copy     (const MpReference *r);
void         mp_reference_free     (MpReference       *r);
MpPartner   *mp_reference_find_partner (const MpReference *r,
                                        const char        *iso3);
MpSector    *mp_reference_find_sector  (const MpReference *r,
                                        const char        *code);

MpScheme    *mp_scheme_new         (void);
MpScheme    *mp_scheme_copy        (const MpScheme    *s);
void         mp_scheme_free        (MpScheme          *s);

MpOffer     *mp_offer_new          (void);
MpOffer     *mp_offer_copy         (const MpOffer     *o);
void         mp_offer_free         (MpOffer           *o);

MpAsk       *mp_ask_new            (void);
MpAsk       *mp_ask_copy           (const MpAsk       *a);
void         mp_ask_free           (MpAsk             *a);

MpTranche   *mp_tranche_new        (void);
MpTranche   *mp_tranche_copy       (const MpTranche   *t);
void         mp_tranche_free       (MpTranche         *t);

MpAssumption *mp_assumption_new    (const char        *key,
                                    double             low,
                                    double             mode,
                                    double             high);
MpAssumption *mp_assumption_copy   (const MpAssumption *a);
void          mp_assumption_free   (MpAssumption      *a);

MpPackage   *mp_package_new        (const char        *name);
MpPackage   *mp_package_copy       (const MpPackage   *p);
void         mp_package_free       (MpPackage         *p);
gboolean     mp_package_is_regional (const MpPackage  *p);

/* Enum <-> stable identifier strings used in JSON, SQLite and CSV. */
const char  *mp_scheme_kind_to_string (MpSchemeKind  k);
gboolean     mp_scheme_kind_from_string (const char *s, MpSchemeKind *out);
const char  *mp_offer_kind_to_string  (MpOfferKind   k);
gboolean     mp_offer_kind_from_string (const char *s, MpOfferKind *out);
const char  *mp_ask_kind_to_string    (MpAskKind     k);
gboolean     mp_ask_kind_from_string  (const char *s, MpAskKind *out);
const char  *mp_risk_to_string        (MpRisk        r);
gboolean     mp_risk_from_string      (const char *s, MpRisk *out);
const char  *mp_demand_to_string      (MpDemand      d);
gboolean     mp_demand_from_string    (const char *s, MpDemand *out);
const char  *mp_interest_to_string    (MpInterest    i);
gboolean     mp_interest_from_string  (const char *s, MpInterest *out);
const char  *mp_nl_component_to_string (MpNlComponent c);
gboolean     mp_nl_component_from_string (const char *s, MpNlComponent *out);
const char  *mp_indicator_to_string   (MpIndicator   i);
gboolean     mp_indicator_from_string (const char *s, MpIndicator *out);

/* Translated, human-readable labels (for UI, CLI text output and the brief). */
const char  *mp_scheme_kind_label     (MpSchemeKind  k);
const char  *mp_offer_kind_label      (MpOfferKind   k);
const char  *mp_ask_kind_label        (MpAskKind     k);
const char  *mp_risk_label            (MpRisk        r);
const char  *mp_demand_label          (MpDemand      d);
const char  *mp_interest_label        (MpInterest    i);
const char  *mp_nl_component_label    (MpNlComponent c);
const char  *mp_indicator_label       (MpIndicator   i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpPackage, mp_package_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpReference, mp_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpScheme, mp_scheme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpPartner, mp_partner_free)

G_END_DECLS
