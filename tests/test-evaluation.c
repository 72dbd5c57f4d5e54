/* test-evaluation.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "mp-assumptions.h"
#include "mp-evaluation.h"
#include "mp-evaluation-private.h"

/* ---- Fixtures: a small reference set built in C ---------------------------
 *
 * MAR  Morocco (partners.csv row): population 38,430,770, working-age 2025
 *      25,498,902 (+10.3 % to 2050), remittances USD 12,509,031,111, doctors
 *      7.32 and nurses 13.91 per 10,000, V-Dem libdem 0.247 (medium risk).
 *      Interest weights: labour 4, skills 2, remittances 3, investment 1,
 *      study 1, visa 1, protection 2, development 1.
 * LOW  fictitious: libdem 0.60 (low risk), working-age population shrinking
 *      by 5 %, no health-workforce data.
 * HIG  fictitious: libdem 0.10 (high risk), on the WHO SSL 2023.
 * OVR  fictitious: libdem 0.60 but a migrant-specific override to high.
 * NOD  fictitious: no V-Dem index.
 * EXC  fictitious: excluded (no functioning state).
 *
 * Sectors: agri (EQF 2, 1,000 vacancies, €2,000 a month), health (EQF 4,
 * health, 68,000 vacancies, €3,000), ict (EQF 6, 21,200 vacancies, no wage →
 * €4,357), food (EQF 2, no vacancies, no wage → €2,294.40). */

static void
set_weights (MpPartner *p,
             double     labour,
             double     skills,
             double     remittances,
             double     investment,
             double     study,
             double     visa,
             double     protection,
             double     development)
{
  double w[MP_N_INTERESTS] = { labour, skills, remittances, investment, study, visa,
                               protection, development };

  memcpy (p->profile.weights, w, sizeof w);
}

static MpPartner *
make_partner (const char *iso3,
              const char *name,
              double      libdem,
              double      population,
              double      wap,
              double      growth,
              double      remittances)
{
  MpPartner *p = mp_partner_new (iso3, name);

  if (!isnan (libdem))
    mp_value_set (&p->ind[MP_IND_VDEM_LIBDEM], libdem, 2024, "V-Dem v15");
  mp_value_set (&p->ind[MP_IND_POPULATION], population, 2025, "UN WPP 2024");
  mp_value_set (&p->ind[MP_IND_WORKING_AGE_2025], wap, 2025, "UN WPP 2024");
  mp_value_set (&p->ind[MP_IND_WORKING_AGE_GROWTH], growth, 2025, "UN WPP 2024");
  mp_value_set (&p->ind[MP_IND_REMITTANCES_USD], remittances, 2024, "WDI");
  set_weights (p, 4, 2, 3, 1, 1, 1, 2, 1);

  return p;
}

static MpSector *
make_sector (const char *code,
             int         eqf,
             gboolean    health,
             double      vacancies,
             double      wage)
{
  MpSector *s = mp_sector_new (code, code);

  s->eqf = eqf;
  s->health = health;
  if (!isnan (vacancies))
    mp_value_set (&s->vacancies, vacancies, 2025, "CBS");
  if (!isnan (wage))
    mp_value_set (&s->wage_month, wage, 2023, "CBS 81431ned");

  return s;
}

static MpReference *
make_reference (void)
{
  MpReference *r = mp_reference_new ();
  MpPartner *p;

  p = make_partner ("MAR", "Morocco", 0.247, 38430770, 25498902, 10.3, 12509031111.0);
  mp_value_set (&p->ind[MP_IND_DOCTORS_PER_10K], 7.32, 2017, "WHO");
  mp_value_set (&p->ind[MP_IND_NURSES_PER_10K], 13.91, 2017, "WHO");
  g_ptr_array_add (r->partners, p);

  p = make_partner ("LOW", "Lowland", 0.60, 10000000, 6000000, -5.0, 1e9);
  g_ptr_array_add (r->partners, p);

  p = make_partner ("HIG", "Highland", 0.10, 20000000, 11000000, 40.0, 2e9);
  p->who_ssl = TRUE;
  mp_value_set (&p->ind[MP_IND_DOCTORS_PER_10K], 1.0, 2020, "WHO");
  mp_value_set (&p->ind[MP_IND_NURSES_PER_10K], 5.0, 2020, "WHO");
  g_ptr_array_add (r->partners, p);

  p = make_partner ("OVR", "Overland", 0.60, 10000000, 6000000, 10.0, 1e9);
  p->has_risk_override = TRUE;
  p->risk_override = MP_RISK_HIGH;
  p->risk_override_reason = g_strdup ("migrants at risk");
  g_ptr_array_add (r->partners, p);

  p = make_partner ("NOD", "Nodata", NAN, 10000000, 6000000, 10.0, 1e9);
  g_ptr_array_add (r->partners, p);

  p = make_partner ("EXC", "Exland", 0.05, 7000000, 4000000, 20.0, 1e8);
  p->excluded = TRUE;
  p->excluded_reason = g_strdup ("no functioning state");
  g_ptr_array_add (r->partners, p);

  g_ptr_array_add (r->sectors, make_sector ("agri", 2, FALSE, 1000, 2000));
  g_ptr_array_add (r->sectors, make_sector ("health", 4, TRUE, 68000, 3000));
  g_ptr_array_add (r->sectors, make_sector ("ict", 6, FALSE, 21200, NAN));
  g_ptr_array_add (r->sectors, make_sector ("food", 2, FALSE, NAN, NAN));

  return r;
}

static MpPackage *
make_package (const char *partner)
{
  MpPackage *pkg = mp_package_new ("test");

  g_strfreev (pkg->partners);
  pkg->partners = g_new0 (char *, 2);
  pkg->partners[0] = g_strdup (partner);

  return pkg;
}

static MpScheme *
add_scheme (MpPackage    *pkg,
            MpSchemeKind  kind,
            const char   *name,
            const char   *partner,
            const char   *sector,
            double        quota,
            int           first_year,
            int           intake_years,
            int           months,
            int           stays)
{
  MpScheme *s = mp_scheme_new ();

  s->kind = kind;
  s->name = g_strdup (name);
  s->partner = g_strdup (partner);
  s->sector = g_strdup (sector);
  s->quota = quota;
  s->first_year = first_year;
  s->intake_years = intake_years;
  s->months = months;
  s->stays = stays;
  s->mandatory_return = TRUE;
  s->reintegration_support = TRUE;
  s->language_support = TRUE;
  s->complaints_channel = TRUE;
  s->return_incentives = TRUE;
  g_ptr_array_add (pkg->schemes, s);

  return s;
}

static void
set_assumption (MpPackage  *pkg,
                const char *key,
                double      value)
{
  g_assert_nonnull (mp_assumption_lookup (key));
  g_ptr_array_add (pkg->assumptions, mp_assumption_new (key, value, value, value));
}

static MpOffer *
add_offer (MpPackage   *pkg,
           MpOfferKind  kind,
           double       amount)
{
  MpOffer *o = mp_offer_new ();

  o->kind = kind;
  o->amount = amount;
  g_ptr_array_add (pkg->offers, o);

  return o;
}

static MpAsk *
add_ask (MpPackage  *pkg,
         MpAskKind   kind,
         const char *partner)
{
  MpAsk *a = mp_ask_new ();

  a->kind = kind;
  a->partner = g_strdup (partner);
  g_ptr_array_add (pkg->asks, a);

  return a;
}

static int
count_findings (const MpEvaluation *eval,
                const char         *rule,
                MpSeverity          severity)
{
  int n = 0;

  for (guint i = 0; i < eval->findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (eval->findings, i);

      if (g_str_equal (f->rule, rule) && f->severity == severity)
        n++;
    }

  return n;
}

static int
count_rule (const MpEvaluation *eval,
            const char         *rule)
{
  return count_findings (eval, rule, MP_SEVERITY_NOTE)
         + count_findings (eval, rule, MP_SEVERITY_WARNING)
         + count_findings (eval, rule, MP_SEVERITY_BLOCK);
}

/* Aborts the test when there is no such finding. */
static const MpFinding *
get_finding (const MpEvaluation *eval,
             const char         *rule)
{
  for (guint i = 0; i < eval->findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (eval->findings, i);

      if (g_str_equal (f->rule, rule))
        return f;
    }

  g_error ("no finding “%s”", rule);
}

static const MpComponent *
get_component (GArray     *components,
               const char *key)
{
  for (guint i = 0; i < components->len; i++)
    {
      const MpComponent *c = &g_array_index (components, MpComponent, i);

      if (g_str_equal (c->key, key))
        return c;
    }

  g_error ("no component “%s”", key);
}

static gboolean
has_component (GArray     *components,
               const char *key)
{
  for (guint i = 0; i < components->len; i++)
    if (g_str_equal (g_array_index (components, MpComponent, i).key, key))
      return TRUE;

  return FALSE;
}

/* Aborts the test outside the horizon. */
static const MpYear *
year_of (const MpEvaluation *eval,
         int                 year)
{
  const MpYear *y = mp_evaluation_year (eval, year);

  if (y == NULL)
    g_error ("no year %d", year);

  return y;
}

static MpEvaluation *
evaluate_ok (const MpPackage   *pkg,
             const MpReference *ref)
{
  g_autoptr(GError) error = NULL;
  MpEvaluation *eval = mp_evaluate (pkg, ref, &error);

  g_assert_no_error (error);
  g_assert_nonnull (eval);

  return eval;
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6 * MAX (1.0, fabs ((double) (b))))

/* ---- The worked example ---------------------------------------------------
 *
 * One circular scheme, MAR, agri (€2,000 a month, 1,000 vacancies):
 * q = 100, f = 0.5, a = 2027, n = 3, m = 9, c = 2, mandatory return,
 * settlement (mandatory return) 0.2, overstay 0.1, remittance share 0.5,
 * wage factor 1, cost €1,000 per participant with employer share 0.25,
 * 2 months of pre-departure training, h = 0.5 home-track trainees at €10,000.
 * Horizon 2027-2036.
 *
 * N_2027 = N_2028 = N_2029 = 100 · 0.5 = 50.
 *
 * year  N   W    PY    seas  S   O   R   net  REM       away home cost pub  cost emp
 * 2027  50  50   37.5  50    0   0   0   0    450,000   50   25   287,500   12,500
 * 2028  50  100  75    100   10  5   35  15   900,000   50   25   287,500   12,500
 * 2029  50  100  75    100   10  5   35  30   900,000   50   25   287,500   12,500
 * 2030  0   50   37.5  50    10  5   35  45   450,000   0    0    0         0
 * 2031-2036: zero, net migration stays 45.
 *
 * PY = 0.75 · W; REM = PY · 12 · 2,000 · 0.5; S = 0.2 · N_{t-1}, O = 0.1 ·
 * N_{t-1}, R = 0.7 · N_{t-1}; skilled returnees = R (training component);
 * cost public = 50 · 1,000 · 0.75 + 25 · 10,000 = 287,500.
 * Headlines: admissions 150 / 3 intake years = 50; person-years 225;
 * remittances 2,700,000 / 10 = 270,000 a year; net migration 45; public cost
 * 862,500. */

static MpPackage *
worked_example (void)
{
  MpPackage *pkg = make_package ("MAR");
  MpScheme *s = add_scheme (pkg, MP_SCHEME_CIRCULAR, "Circular agri", NULL, "agri",
                            100, 2027, 3, 9, 2);

  s->cost_per_participant = 1000;
  s->employer_share = 0.25;
  s->training_months = 2;
  s->home_track_ratio = 0.5;
  set_assumption (pkg, "fill-rate", 0.5);
  set_assumption (pkg, "settlement-share-return", 0.2);
  set_assumption (pkg, "overstay", 0.1);
  set_assumption (pkg, "remittance-share", 0.5);
  set_assumption (pkg, "wage-factor", 1.0);
  set_assumption (pkg, "home-track-cost", 10000);

  return pkg;
}

static void
test_projection_circular (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = worked_example ();
  g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);
  static const struct
  {
    double n, w, py, seas, s, o, r, net, rem, away, home, pub, emp;
  } expect[10] = {
    { 50, 50, 37.5, 50, 0, 0, 0, 0, 450000, 50, 25, 287500, 12500 },
    { 50, 100, 75, 100, 10, 5, 35, 15, 900000, 50, 25, 287500, 12500 },
    { 50, 100, 75, 100, 10, 5, 35, 30, 900000, 50, 25, 287500, 12500 },
    { 0, 50, 37.5, 50, 10, 5, 35, 45, 450000, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0, 0, 45, 0, 0, 0, 0, 0 },
  };

  g_assert_cmpint (eval->start_year, ==, 2027);
  g_assert_cmpint (eval->n_years, ==, 10);
  g_assert_null (mp_evaluation_year (eval, 2026));
  g_assert_null (mp_evaluation_year (eval, 2037));

  for (int t = 0; t < 10; t++)
    {
      const MpYear *y = year_of (eval, 2027 + t);
      const MpYear *s = &eval->by_scheme[t];

      assert_close (y->admissions, expect[t].n);
      assert_close (y->headcount, expect[t].w);
      assert_close (y->person_years, expect[t].py);
      assert_close (y->seasonal_returns, expect[t].seas);
      assert_close (y->settled, expect[t].s);
      assert_close (y->overstayed, expect[t].o);
      assert_close (y->returned, expect[t].r);
      assert_close (y->skilled_returnees, expect[t].r);
      assert_close (y->net_migration, expect[t].net);
      assert_close (y->remittances, expect[t].rem);
      assert_close (y->trainees_away, expect[t].away);
      assert_close (y->trainees_home, expect[t].home);
      assert_close (y->cost_public, expect[t].pub);
      assert_close (y->cost_employer, expect[t].emp);
      /* One scheme, one sector, one partner: all breakdowns equal the total. */
      g_assert_cmpmem (s, sizeof *s, y, sizeof *y);
      g_assert_cmpmem (&eval->by_sector[t], sizeof *s, y, sizeof *y);
      g_assert_cmpmem (&eval->by_partner[t], sizeof *s, y, sizeof *y);
      /* coverage = PY / 1,000 vacancies */
      assert_close (eval->coverage[t], expect[t].py / 1000.0);
    }

  g_assert_cmpint (eval->n_intake_years, ==, 3);
  assert_close (eval->headline[MP_HEADLINE_ADMISSIONS], 50);
  assert_close (eval->headline[MP_HEADLINE_PERSON_YEARS], 225);
  assert_close (eval->headline[MP_HEADLINE_REMITTANCES], 270000);
  assert_close (eval->headline[MP_HEADLINE_NET_MIGRATION], 45);
  assert_close (eval->headline[MP_HEADLINE_COST_PUBLIC], 862500);
  g_assert_cmpstr (eval->sector_codes[0], ==, "agri");
  g_assert_cmpstr (eval->partner_codes[0], ==, "MAR");
}

/* Tranche "more for more": 40 extra a year from 2029, p-condition-met 0.3,
 * on a scheme with q = 100, f = 0.5, intake 2027-2031 (12-month stays, 1
 * stay).  N = 50, 50, then 0.5 · (100 + 0.3 · 40) = 56 for 2029-2031; none
 * after the intake years even though the tranche has no end. */
static void
test_projection_tranche (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpTranche *tr = mp_tranche_new ();
  double expect[] = { 50, 50, 56, 56, 56, 0, 0, 0, 0, 0 };

  add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "Talent", NULL, "agri", 100, 2027, 5, 12, 1);
  tr->label = g_strdup ("Second tranche");
  tr->scheme = g_strdup ("Talent");
  tr->release_year = 2029;
  tr->extra_quota = 40;
  tr->condition = MP_ASK_RETURN_READMISSION;
  g_ptr_array_add (pkg->tranches, tr);
  add_ask (pkg, MP_ASK_RETURN_READMISSION, NULL);
  set_assumption (pkg, "fill-rate", 0.5);
  set_assumption (pkg, "p-condition-met", 0.3);

  eval = evaluate_ok (pkg, ref);
  for (int t = 0; t < 10; t++)
    assert_close (eval->total[t].admissions, expect[t]);
  g_assert_cmpint (count_rule (eval, "tranche-condition-missing"), ==, 0);
  g_assert_cmpint (count_rule (eval, "tranche-unknown-scheme"), ==, 0);

  /* A tranche naming no scheme of the package is ignored with a warning,
   * and one whose condition is not asked for gets a note. */
  g_clear_pointer (&eval, mp_evaluation_free);
  tr->scheme[0] = 'X';
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "tranche-unknown-scheme", MP_SEVERITY_WARNING), ==, 1);
  assert_close (eval->total[2].admissions, 50);

  g_clear_pointer (&eval, mp_evaluation_free);
  tr->scheme[0] = 'T';
  g_ptr_array_set_size (pkg->asks, 0);
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "tranche-condition-missing", MP_SEVERITY_NOTE), ==, 1);
}

/* A home track trains people in the partner country: no admissions, no
 * person-years.  q = 120 for 2 years, fill rate 0.5 does not apply (training
 * places are not visas): 120 home trainees a year.  Without its own cost it
 * costs 120 · €10,000 (home-track-cost) = 1,200,000 a year, all public; with
 * €5,000 and employer share 0.2 it costs 120 · 5,000 · 0.8 = 480,000 public
 * and 120,000 employer. */
static void
test_projection_home_track (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_HOME_TRACK, "Home", NULL, "ict", 120, 2027, 2, 12, 1);

  set_assumption (pkg, "fill-rate", 0.5);
  set_assumption (pkg, "home-track-cost", 10000);
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->total[0].trainees_home, 120);
  assert_close (eval->total[1].trainees_home, 120);
  assert_close (eval->total[2].trainees_home, 0);
  assert_close (eval->total[0].cost_public, 1200000);
  assert_close (eval->headline[MP_HEADLINE_ADMISSIONS], 0);
  assert_close (eval->headline[MP_HEADLINE_PERSON_YEARS], 0);
  assert_close (eval->headline[MP_HEADLINE_REMITTANCES], 0);

  g_clear_pointer (&eval, mp_evaluation_free);
  s->cost_per_participant = 5000;
  s->employer_share = 0.2;
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->total[0].cost_public, 480000);
  assert_close (eval->total[0].cost_employer, 120000);
}

/* Study schemes: students present 12 months for 2 years, no remittances
 * (students are not wage earners).  q = 10, f = 1, intake 2027: PY 10 in 2027
 * and 2028; the settlement share for schemes without mandatory return (0.3)
 * applies: S_2028 = 3, O = 0.2, R = 6.8. */
static void
test_projection_study (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_STUDY, "Study", NULL, "ict", 10, 2027, 1, 12, 2);

  s->mandatory_return = FALSE;
  set_assumption (pkg, "fill-rate", 1.0);
  set_assumption (pkg, "settlement-share", 0.3);
  set_assumption (pkg, "overstay", 0.02);
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->total[0].person_years, 10);
  assert_close (eval->total[1].person_years, 10);
  assert_close (eval->total[0].seasonal_returns, 0);
  assert_close (eval->total[1].settled, 3);
  assert_close (eval->total[1].overstayed, 0.2);
  assert_close (eval->total[1].returned, 6.8);
  assert_close (eval->total[1].skilled_returnees, 0);
  assert_close (eval->headline[MP_HEADLINE_REMITTANCES], 0);
}

/* Cohorts admitted before the horizon are present in it but not admitted in
 * it: q = 10, a = 2025, n = 3, c = 3, 12 months, horizon from 2027.  2027 has
 * cohorts 2025, 2026, 2027 present (W = 30), 10 admitted; cohort 2025 ends
 * its final stay in 2027. */
static void
test_projection_before_horizon (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;

  add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "Early", NULL, "agri", 10, 2025, 3, 12, 3);
  set_assumption (pkg, "fill-rate", 1.0);
  set_assumption (pkg, "settlement-share-return", 0.0);
  set_assumption (pkg, "overstay", 0.0);
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->total[0].headcount, 30);
  assert_close (eval->total[0].admissions, 10);
  assert_close (eval->total[0].returned, 10);
  assert_close (eval->total[1].headcount, 20);
  assert_close (eval->total[2].headcount, 10);
  assert_close (eval->total[3].headcount, 0);
  assert_close (eval->headline[MP_HEADLINE_ADMISSIONS], 10);
}

/* ---- Scores -------------------------------------------------------------- */

/* The worked example plus offers: investment €5 m + trade €5 m, 50
 * scholarships, visa level 1, capacity building €20 m.
 *
 * Fit (MAR weights 4, 2, 3, 1, 1, 1, 2, 1):
 *   labour      v = 50 a year,  k = 0.00005 · 25,498,902 = 1,274.9451,
 *               s = 1 − e^(−50/1,274.9451)        = 0.0384583
 *   skills      v = (150 away + 75 home) / 3 = 75, k = 500,  s = 0.1392920
 *   remittances v = 270,000,    k = 0.001 · 12,509,031,111 · 0.9605
 *               = 12,014,924.38, s = 0.0222214
 *   investment  v = 10 m, k = 10 m,  s = 1 − e^−1 = 0.6321206
 *   study       v = 50, k = 100,     s = 1 − e^−0.5 = 0.3934693
 *   visa        v = 1, k = 1,        s = 0.6321206
 *   protection  v = 1 (no fees, language support, complaints channel), s = 1
 *   development v = 20 m, k = 10 m,  s = 1 − e^−2 = 0.8646647
 *   fit = 100 · Σ w s / 15 = 33.4763790
 *
 * NL benefit (weights 3 each), with a return ask 100/200/400 and an
 * anti-smuggling ask at level 2:
 *   shortage agri   v = 225 / 1,000 / 10 = 0.0225, s = 1 − e^−0.45 = 0.3623718
 *   return          v = 200,  s = 1 − e^−0.4 = 0.3296800
 *   irregular       v = 2,    s = 2/3
 *   cost            v = 862,500 / 225 = 3,833.33, s = e^−0.383333 = 0.6815857
 *   net migration   v = 45 / 10 = 4.5, s = 1 − 4.5/6,000 = 0.99925
 *   NL = 100 · mean = 60.7910827; balance = 33.4763790 − 60.7910827 = −27.3147037 */
static MpPackage *
scored_example (void)
{
  MpPackage *pkg = worked_example ();
  MpAsk *a;

  add_offer (pkg, MP_OFFER_INVESTMENT, 5e6);
  add_offer (pkg, MP_OFFER_TRADE, 5e6);
  add_offer (pkg, MP_OFFER_SCHOLARSHIPS, 50);
  add_offer (pkg, MP_OFFER_VISA, 1);
  add_offer (pkg, MP_OFFER_CAPACITY_BUILDING, 2e7);
  a = add_ask (pkg, MP_ASK_RETURN_READMISSION, NULL);
  a->returns_low = 100;
  a->returns_mode = 200;
  a->returns_high = 400;
  a = add_ask (pkg, MP_ASK_ANTI_SMUGGLING, NULL);
  a->level = 2;

  return pkg;
}

static void
test_scores_fit (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);
  static const struct
  {
    const char *key;
    double weight, delivered, scale, s;
  } expect[] = {
    { "labour_mobility", 4, 50, 1274.9451, 0.038458328624695115 },
    { "skills", 2, 75, 500, 0.1392920235749422 },
    { "remittances", 3, 270000, 12014924.3821155, 0.022221435786370036 },
    { "investment_trade", 1, 1e7, 1e7, 0.6321205588285577 },
    { "study", 1, 50, 100, 0.3934693402873666 },
    { "visa", 1, 1, 1, 0.6321205588285577 },
    { "protection", 2, 1, NAN, 1.0 },
    { "development", 1, 2e7, 1e7, 0.8646647167633873 },
  };

  g_assert_cmpuint (eval->fit_components->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const MpComponent *c = get_component (eval->fit_components, expect[i].key);

      g_assert_cmpstr (c->partner, ==, "MAR");
      assert_close (c->weight, expect[i].weight);
      assert_close (c->delivered, expect[i].delivered);
      if (isnan (expect[i].scale))
        g_assert_true (isnan (c->scale));
      else
        assert_close (c->scale, expect[i].scale);
      assert_close (c->satisfaction, expect[i].s);
    }
  assert_close (eval->headline[MP_HEADLINE_FIT], 33.4763789581043);
  assert_close (eval->partner_fit[0], 33.4763789581043);

  /* Package weights override the profile: only labour mobility counts. */
  g_clear_pointer (&eval, mp_evaluation_free);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    pkg->interest_weights[i] = 0.0;
  pkg->interest_weights[MP_INTEREST_LABOUR_MOBILITY] = 5;
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->headline[MP_HEADLINE_FIT], 100 * 0.038458328624695115);

  /* A package scale overrides the derived one: k = 50 → s = 1 − e^−1. */
  g_clear_pointer (&eval, mp_evaluation_free);
  pkg->interest_scales[MP_INTEREST_LABOUR_MOBILITY] = 50;
  eval = evaluate_ok (pkg, ref);
  assert_close (eval->headline[MP_HEADLINE_FIT], 100 * 0.6321205588285577);
}

static void
test_scores_nl (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);
  static const struct
  {
    const char *key;
    double delivered, s;
  } expect[] = {
    { "shortage:agri", 0.0225, 0.36237184837822667 },
    { "return", 200, 0.3296799539643607 },
    { "irregular", 2, 0.6666666666666666 },
    { "cost", 3833.3333333333333, 0.6815856661938479 },
    { "net_migration", 4.5, 0.99925 },
  };

  g_assert_cmpuint (eval->nl_components->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const MpComponent *c = get_component (eval->nl_components, expect[i].key);

      assert_close (c->weight, 3);
      assert_close (c->delivered, expect[i].delivered);
      assert_close (c->satisfaction, expect[i].s);
    }
  assert_close (eval->headline[MP_HEADLINE_NL_BENEFIT], 60.791082704062035);
  assert_close (eval->headline[MP_HEADLINE_BALANCE], 33.4763789581043 - 60.791082704062035);

  /* Information campaigns do not count as cooperation (3ie review): a level-3
   * campaign leaves the irregular level at 2, with a note. */
  g_clear_pointer (&eval, mp_evaluation_free);
  add_ask (pkg, MP_ASK_INFORMATION_CAMPAIGNS, NULL)->level = 3;
  eval = evaluate_ok (pkg, ref);
  assert_close (get_component (eval->nl_components, "irregular")->delivered, 2);
  g_assert_cmpint (count_findings (eval, "information-campaigns", MP_SEVERITY_NOTE), ==, 1);
  /* 200 expected returns exceed the measured 112 a year [EV]: a note. */
  g_assert_cmpint (count_findings (eval, "returns-above-evidence", MP_SEVERITY_NOTE), ==, 1);
}

/* Two sectors with vacancies share the shortage weight 3 in proportion to
 * their vacancies: agri 1,000 and health 68,000 → 3 · 1/69 and 3 · 68/69.
 * A sector without a vacancy figure (food) gets no component and a note. */
static void
test_scores_shortage_weights (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;

  add_scheme (pkg, MP_SCHEME_SEASONAL, "A", NULL, "agri", 10, 2027, 1, 6, 1);
  add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "H", NULL, "health", 10, 2027, 1, 12, 1)
    ->training_months = 3;
  add_scheme (pkg, MP_SCHEME_SEASONAL, "F", NULL, "food", 10, 2027, 1, 6, 1);
  eval = evaluate_ok (pkg, ref);
  assert_close (get_component (eval->nl_components, "shortage:agri")->weight, 3.0 / 69.0);
  assert_close (get_component (eval->nl_components, "shortage:health")->weight, 3.0 * 68 / 69);
  g_assert_false (has_component (eval->nl_components, "shortage:food"));
  g_assert_cmpint (count_findings (eval, "vacancies-missing", MP_SEVERITY_NOTE), ==, 1);
  /* food has no wage: the floor wage is used, with a note. */
  g_assert_cmpint (count_findings (eval, "wage-fallback", MP_SEVERITY_NOTE), ==, 1);
  g_assert_true (isnan (eval->coverage[2 * eval->n_years]));
}

/* Regional package MAR + LOW, package weights labour mobility 1, the rest 0.
 * MAR: circular q = 100, f = 0.5 → 50 a year, k = 1,274.9451,
 *      fit = 100 · (1 − e^(−50/1,274.9451)) = 3.8458329
 * LOW: seasonal q = 200 → 100 a year, k = 0.00005 · 6,000,000 = 300,
 *      fit = 100 · (1 − e^(−1/3)) = 28.3468689
 * fit = (3.8458329 + 28.3468689) / 2 = 16.0963509 (simple mean: each
 * government must accept its part; a weighted mean would let a large partner
 * mask a dissatisfied small one). */
static void
test_scores_regional (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  const MpComponent *c;

  g_strfreev (pkg->partners);
  pkg->partners = g_strsplit ("MAR,LOW", ",", -1);
  g_assert_true (mp_package_is_regional (pkg));
  add_scheme (pkg, MP_SCHEME_CIRCULAR, "M", "MAR", "agri", 100, 2027, 3, 9, 2);
  add_scheme (pkg, MP_SCHEME_SEASONAL, "L", "LOW", "agri", 200, 2027, 3, 6, 1);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    pkg->interest_weights[i] = 0.0;
  pkg->interest_weights[MP_INTEREST_LABOUR_MOBILITY] = 1.0;
  set_assumption (pkg, "fill-rate", 0.5);

  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (eval->n_partners, ==, 2);
  g_assert_cmpstr (eval->partner_codes[0], ==, "MAR");
  g_assert_cmpstr (eval->partner_codes[1], ==, "LOW");
  assert_close (eval->partner_fit[0], 3.8458328624695115);
  assert_close (eval->partner_fit[1], 28.346868942621072);
  assert_close (eval->headline[MP_HEADLINE_FIT], (3.8458328624695115 + 28.346868942621072) / 2);
  c = get_component (eval->fit_components, "labour_mobility:LOW");
  g_assert_cmpstr (c->partner, ==, "LOW");
  assert_close (c->delivered, 100);
  g_assert_cmpuint (eval->fit_components->len, ==, 2 * MP_N_INTERESTS);
  /* Per-partner tables add up to the total. */
  for (int t = 0; t < eval->n_years; t++)
    assert_close (eval->by_partner[t].person_years + eval->by_partner[eval->n_years + t].person_years,
                  eval->total[t].person_years);
}

/* A partner without a remittance figure cannot have a remittance scale:
 * the interest is left out (satisfaction NaN) with a note. */
static void
test_scores_scale_missing (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpPartner *mar = mp_reference_find_partner (ref, "MAR");

  mp_value_clear (&mar->ind[MP_IND_REMITTANCES_USD]);
  add_scheme (pkg, MP_SCHEME_CIRCULAR, "M", NULL, "agri", 100, 2027, 3, 9, 2);
  eval = evaluate_ok (pkg, ref);
  g_assert_true (isnan (get_component (eval->fit_components, "remittances")->satisfaction));
  g_assert_cmpint (count_findings (eval, "fit-scale-missing", MP_SEVERITY_NOTE), ==, 1);
  g_assert_true (isfinite (eval->headline[MP_HEADLINE_FIT]));
}

/* ---- Brain-drain safeguards: each rule positive and negative ------------- */

static void
test_safeguard_who_ssl (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("HIG");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "Nurses", NULL, "health",
                            50, 2027, 3, 12, 3);
  const MpFinding *f;

  s->training_months = 6;
  /* Active recruitment from an SSL country: block, naming the scheme. */
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "who-ssl-health", MP_SEVERITY_BLOCK), ==, 1);
  f = get_finding (eval, "who-ssl-health");
  g_assert_cmpint (f->scheme, ==, 0);
  g_assert_cmpstr (f->partner, ==, "HIG");
  g_assert_nonnull (strstr (f->message, "Nurses"));
  g_assert_nonnull (f->source);
  g_assert_cmpint (eval->n_blocks, >=, 1);
  /* Blocks come first. */
  g_assert_cmpint (((MpFinding *) g_ptr_array_index (eval->findings, 0))->severity, ==,
                   MP_SEVERITY_BLOCK);

  /* G2G with health-system support: allowed with a warning. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->g2g_health_support = TRUE;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "who-ssl-health", MP_SEVERITY_BLOCK), ==, 0);
  g_assert_cmpint (count_findings (eval, "who-ssl-health", MP_SEVERITY_WARNING), ==, 1);

  /* A home track: allowed with a warning. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->g2g_health_support = FALSE;
  s->kind = MP_SCHEME_HOME_TRACK;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "who-ssl-health", MP_SEVERITY_BLOCK), ==, 0);
  g_assert_cmpint (count_findings (eval, "who-ssl-health", MP_SEVERITY_WARNING), ==, 1);

  /* Negative: the same scheme from a partner not on the list. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->kind = MP_SCHEME_TALENT_PARTNERSHIP;
  g_free (pkg->partners[0]);
  pkg->partners[0] = g_strdup ("MAR");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "who-ssl-health"), ==, 0);

  /* Negative: a non-health sector from the SSL country. */
  g_clear_pointer (&eval, mp_evaluation_free);
  g_free (pkg->partners[0]);
  pkg->partners[0] = g_strdup ("HIG");
  g_free (s->sector);
  s->sector = g_strdup ("agri");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "who-ssl-health"), ==, 0);
}

static void
test_safeguard_fees (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_SEASONAL, "Fees", NULL, "agri", 50, 2027, 1, 6, 1);

  s->recruitment_fees = 350;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "recruitment-fees", MP_SEVERITY_BLOCK), ==, 1);
  g_assert_nonnull (strstr (get_finding (eval, "recruitment-fees")->message, "350"));
  /* Fees also make participants unprotected (models/README.md, “Partner-interest
   * fit”): protection share 0. */
  assert_close (get_component (eval->fit_components, "protection")->delivered, 0);

  g_clear_pointer (&eval, mp_evaluation_free);
  s->recruitment_fees = 0;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "recruitment-fees"), ==, 0);
}

static void
test_safeguard_skilled (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "ICT", NULL, "ict",
                            50, 2027, 3, 12, 2);

  /* EQF 6, no training, no home track: warning. */
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "skilled-no-training", MP_SEVERITY_WARNING), ==, 1);
  g_assert_cmpint (get_finding (eval, "skilled-no-training")->scheme, ==, 0);

  /* With home-track trainees: none. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->home_track_ratio = 1.0;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "skilled-no-training"), ==, 0);

  /* With pre-departure training: none. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->home_track_ratio = 0.0;
  s->training_months = 3;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "skilled-no-training"), ==, 0);

  /* Low-skilled (EQF 2) without training: none. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->training_months = 0;
  g_free (s->sector);
  s->sector = g_strdup ("agri");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "skilled-no-training"), ==, 0);
}

/* MAR health workforce = (7.32 + 13.91) · 38,430,770 / 10,000 = 81,588.5;
 * 1 % = 815.9 a year.  q = 2,000 at f = 0.5 → 1,000 a year > 815.9: warning;
 * q = 1,000 → 500: none.  LOW has no doctors/nurses data: a note instead. */
static void
test_safeguard_health_share (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_TALENT_PARTNERSHIP, "Care", NULL, "health",
                            2000, 2027, 3, 12, 3);
  const MpFinding *f;

  s->training_months = 6;
  set_assumption (pkg, "fill-rate", 0.5);
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "health-workforce-share", MP_SEVERITY_WARNING), ==, 1);
  f = get_finding (eval, "health-workforce-share");
  g_assert_cmpint (f->scheme, ==, 0);
  g_assert_nonnull (strstr (f->message, "1000"));
  g_assert_nonnull (strstr (f->message, "81589"));

  g_clear_pointer (&eval, mp_evaluation_free);
  s->quota = 1000;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "health-workforce-share"), ==, 0);
  g_assert_cmpint (count_rule (eval, "health-workforce-missing"), ==, 0);

  /* A stricter threshold of 0.5 % (408 a year) trips it again. */
  g_clear_pointer (&eval, mp_evaluation_free);
  set_assumption (pkg, "health-workforce-threshold", 0.005);
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "health-workforce-share", MP_SEVERITY_WARNING), ==, 1);

  g_clear_pointer (&eval, mp_evaluation_free);
  g_free (pkg->partners[0]);
  pkg->partners[0] = g_strdup ("LOW");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "health-workforce-share"), ==, 0);
  g_assert_cmpint (count_findings (eval, "health-workforce-missing", MP_SEVERITY_NOTE), ==, 1);
}

static void
test_safeguard_study (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_STUDY, "Masters", NULL, "ict", 20, 2027, 3, 12, 2);

  s->return_incentives = FALSE;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "study-no-return-incentives", MP_SEVERITY_NOTE), ==, 1);

  g_clear_pointer (&eval, mp_evaluation_free);
  s->return_incentives = TRUE;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "study-no-return-incentives"), ==, 0);
}

static void
test_safeguard_circular (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_CIRCULAR, "Harvest", NULL, "agri", 20, 2027, 3, 9, 2);

  s->reintegration_support = FALSE;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "circular-no-reintegration", MP_SEVERITY_NOTE), ==, 1);

  g_clear_pointer (&eval, mp_evaluation_free);
  s->reintegration_support = TRUE;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "circular-no-reintegration"), ==, 0);

  /* Only circular schemes: a seasonal scheme without it gets no note. */
  g_clear_pointer (&eval, mp_evaluation_free);
  s->reintegration_support = FALSE;
  s->kind = MP_SCHEME_SEASONAL;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "circular-no-reintegration"), ==, 0);
}

/* LOW's working-age population shrinks by 5 % to 2050: warning for labour
 * mobility; MAR's grows by 10.3 %: none; a home track from LOW: none. */
static void
test_safeguard_demographic (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("LOW");
  g_autoptr(MpEvaluation) eval = NULL;
  MpScheme *s = add_scheme (pkg, MP_SCHEME_SEASONAL, "S", NULL, "agri", 20, 2027, 3, 6, 1);

  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_findings (eval, "demographic-window", MP_SEVERITY_WARNING), ==, 1);
  g_assert_nonnull (strstr (get_finding (eval, "demographic-window")->message, "5.0"));

  g_clear_pointer (&eval, mp_evaluation_free);
  s->kind = MP_SCHEME_HOME_TRACK;
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "demographic-window"), ==, 0);

  g_clear_pointer (&eval, mp_evaluation_free);
  s->kind = MP_SCHEME_SEASONAL;
  g_free (pkg->partners[0]);
  pkg->partners[0] = g_strdup ("MAR");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "demographic-window"), ==, 0);
}

/* ---- Risk matrix (models/README.md, “Human-rights risk framework”) ------- */

static void
test_risk_matrix (void)
{
  /* country \ measure: low, medium, high */
  static const MpMonitoring expect[3][3] = {
    { MP_MONITOR_STANDARD, MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED },
    { MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION },
    { MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION, MP_MONITOR_NOT_ALLOWED },
  };

  for (int c = 0; c < MP_N_RISK; c++)
    for (int m = 0; m < MP_N_RISK; m++)
      g_assert_cmpint (mp_monitoring_for_risk (c, m), ==, expect[c][m]);
}

static void
test_risk_ask_kinds (void)
{
  static const struct
  {
    MpAskKind kind;
    MpRisk risk;
    gboolean never;
  } expect[] = {
    { MP_ASK_INFORMATION_CAMPAIGNS, MP_RISK_LOW, FALSE },
    { MP_ASK_VOLUNTARY_RETURN, MP_RISK_MEDIUM, FALSE },
    { MP_ASK_PROTECTION_IN_REGION, MP_RISK_MEDIUM, FALSE },
    { MP_ASK_ANTI_SMUGGLING, MP_RISK_MEDIUM, FALSE },
    { MP_ASK_RETURN_READMISSION, MP_RISK_HIGH, FALSE },
    { MP_ASK_RETURN_HUBS, MP_RISK_HIGH, FALSE },
    { MP_ASK_BORDER_MANAGEMENT, MP_RISK_HIGH, FALSE },
    { MP_ASK_COAST_GUARD, MP_RISK_HIGH, FALSE },
    { MP_ASK_EXTERNAL_ASYLUM, MP_RISK_HIGH, FALSE },
    { MP_ASK_REFOULEMENT_TRANSFERS, MP_RISK_HIGH, TRUE },
    { MP_ASK_PUSHBACKS, MP_RISK_HIGH, TRUE },
    { MP_ASK_DETENTION_WITHOUT_RIGHTS, MP_RISK_HIGH, TRUE },
  };

  g_assert_cmpint (G_N_ELEMENTS (expect), ==, MP_N_ASK_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      gboolean never = !expect[i].never;

      g_assert_cmpint (mp_ask_measure_risk (expect[i].kind, &never), ==, expect[i].risk);
      g_assert_cmpint (never, ==, expect[i].never);
    }
}

/* The nine cells through whole evaluations: a low-risk scheme, a
 * medium-risk ask (voluntary return) and a high-risk ask (return and
 * readmission) in LOW (libdem 0.60 → low), MAR (0.247 → medium) and HIG
 * (0.10 → high). */
static void
test_risk_evaluated (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  static const struct
  {
    const char *partner;
    MpRisk country;
    MpMonitoring low, medium, high;
  } expect[] = {
    { "LOW", MP_RISK_LOW, MP_MONITOR_STANDARD, MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED },
    { "MAR", MP_RISK_MEDIUM, MP_MONITOR_STANDARD_REVIEW, MP_MONITOR_ENHANCED,
      MP_MONITOR_ENHANCED_SUSPENSION },
    { "HIG", MP_RISK_HIGH, MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION,
      MP_MONITOR_NOT_ALLOWED },
    { "OVR", MP_RISK_HIGH, MP_MONITOR_ENHANCED, MP_MONITOR_ENHANCED_SUSPENSION,
      MP_MONITOR_NOT_ALLOWED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(MpPackage) pkg = make_package (expect[i].partner);
      g_autoptr(MpEvaluation) eval = NULL;
      const MpMeasure *m;

      add_scheme (pkg, MP_SCHEME_SEASONAL, "S", NULL, "agri", 20, 2027, 3, 6, 1);
      add_offer (pkg, MP_OFFER_SCHOLARSHIPS, 10);
      add_ask (pkg, MP_ASK_VOLUNTARY_RETURN, NULL);
      add_ask (pkg, MP_ASK_RETURN_READMISSION, NULL);
      eval = evaluate_ok (pkg, ref);

      g_assert_cmpint (eval->partner_risk[0], ==, expect[i].country);
      g_assert_cmpuint (eval->measures->len, ==, 4);
      m = &g_array_index (eval->measures, MpMeasure, 0);
      g_assert_cmpint (m->scheme, ==, 0);
      g_assert_cmpint (m->measure_risk, ==, MP_RISK_LOW);
      g_assert_cmpint (m->monitoring, ==, expect[i].low);
      m = &g_array_index (eval->measures, MpMeasure, 1);
      g_assert_cmpint (m->offer, ==, 0);
      g_assert_cmpint (m->monitoring, ==, expect[i].low);
      m = &g_array_index (eval->measures, MpMeasure, 2);
      g_assert_cmpint (m->ask, ==, 0);
      g_assert_cmpint (m->measure_risk, ==, MP_RISK_MEDIUM);
      g_assert_cmpint (m->monitoring, ==, expect[i].medium);
      m = &g_array_index (eval->measures, MpMeasure, 3);
      g_assert_cmpint (m->ask, ==, 1);
      g_assert_cmpint (m->measure_risk, ==, MP_RISK_HIGH);
      g_assert_cmpint (m->monitoring, ==, expect[i].high);
      g_assert_cmpint (count_findings (eval, "risk-not-allowed", MP_SEVERITY_BLOCK), ==,
                       expect[i].high == MP_MONITOR_NOT_ALLOWED ? 1 : 0);
      g_assert_cmpstr (m->partner, ==, expect[i].partner);
    }
}

/* Thresholds: libdem exactly 0.45 is low, 0.20 medium, just below 0.20 high;
 * editable through the assumptions; missing → high with a note. */
static void
test_risk_country (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  MpPartner *low = mp_reference_find_partner (ref, "LOW");
  static const struct
  {
    double libdem;
    MpRisk risk;
  } cases[] = { { 0.45, MP_RISK_LOW }, { 0.4499, MP_RISK_MEDIUM }, { 0.20, MP_RISK_MEDIUM },
                { 0.1999, MP_RISK_HIGH } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpPackage) pkg = make_package ("LOW");
      g_autoptr(MpEvaluation) eval = NULL;

      low->ind[MP_IND_VDEM_LIBDEM].value = cases[i].libdem;
      eval = evaluate_ok (pkg, ref);
      g_assert_cmpint (eval->partner_risk[0], ==, cases[i].risk);
    }

  {
    g_autoptr(MpPackage) pkg = make_package ("LOW");
    g_autoptr(MpEvaluation) eval = NULL;

    low->ind[MP_IND_VDEM_LIBDEM].value = 0.40;
    set_assumption (pkg, "vdem-low-risk", 0.35);
    eval = evaluate_ok (pkg, ref);
    g_assert_cmpint (eval->partner_risk[0], ==, MP_RISK_LOW);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("NOD");
    g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);

    g_assert_cmpint (eval->partner_risk[0], ==, MP_RISK_HIGH);
    g_assert_cmpint (count_findings (eval, "country-risk-missing", MP_SEVERITY_NOTE), ==, 1);
  }
}

static void
test_risk_never_allowed (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("LOW");
  g_autoptr(MpEvaluation) eval = NULL;

  add_ask (pkg, MP_ASK_PUSHBACKS, NULL);
  add_ask (pkg, MP_ASK_REFOULEMENT_TRANSFERS, NULL);
  add_ask (pkg, MP_ASK_DETENTION_WITHOUT_RIGHTS, NULL);
  add_ask (pkg, MP_ASK_BORDER_MANAGEMENT, NULL);
  eval = evaluate_ok (pkg, ref);

  /* Even in a low-risk country. */
  g_assert_cmpint (count_findings (eval, "never-allowed", MP_SEVERITY_BLOCK), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const MpMeasure *m = &g_array_index (eval->measures, MpMeasure, i);

      g_assert_true (m->never_allowed);
      g_assert_cmpint (m->monitoring, ==, MP_MONITOR_NOT_ALLOWED);
    }
  g_assert_false (g_array_index (eval->measures, MpMeasure, 3).never_allowed);
  g_assert_cmpint (g_array_index (eval->measures, MpMeasure, 3).monitoring, ==,
                   MP_MONITOR_ENHANCED);
  g_assert_cmpint (eval->n_blocks, ==, 3);
}

static void
test_risk_excluded (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("EXC");
  g_autoptr(MpEvaluation) eval = NULL;

  add_scheme (pkg, MP_SCHEME_HOME_TRACK, "Training", NULL, "agri", 20, 2027, 3, 12, 1);
  add_offer (pkg, MP_OFFER_CAPACITY_BUILDING, 1e6);
  add_ask (pkg, MP_ASK_INFORMATION_CAMPAIGNS, NULL);
  eval = evaluate_ok (pkg, ref);

  g_assert_cmpuint (eval->measures->len, ==, 3);
  for (guint i = 0; i < eval->measures->len; i++)
    g_assert_cmpint (g_array_index (eval->measures, MpMeasure, i).monitoring, ==,
                     MP_MONITOR_NOT_ALLOWED);
  g_assert_cmpint (count_findings (eval, "excluded-partner", MP_SEVERITY_BLOCK), ==, 1);
  g_assert_nonnull (strstr (get_finding (eval, "excluded-partner")->message,
                            "no functioning state"));
  /* Negative: the same package for LOW has no block. */
  g_clear_pointer (&eval, mp_evaluation_free);
  g_free (pkg->partners[0]);
  pkg->partners[0] = g_strdup ("LOW");
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (count_rule (eval, "excluded-partner"), ==, 0);
  g_assert_cmpint (eval->n_blocks, ==, 0);
}

/* ---- Errors ----------------------------------------------------------------- */

static void
test_errors (void)
{
  g_autoptr(MpReference) ref = make_reference ();

  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(GError) error = NULL;

    add_scheme (pkg, MP_SCHEME_SEASONAL, "Bad", NULL, "agri", 10, 2027, 1, 13, 1);
    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Bad"));
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(GError) error = NULL;

    add_scheme (pkg, MP_SCHEME_SEASONAL, "S", NULL, "mining", 10, 2027, 1, 6, 1);
    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_UNKNOWN_REF);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("ZZZ");
    g_autoptr(GError) error = NULL;

    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_UNKNOWN_REF);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(GError) error = NULL;

    /* settlement 0.95 + overstay high 0.10 > 1 */
    set_assumption (pkg, "settlement-share", 0.95);
    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(GError) error = NULL;

    g_ptr_array_add (pkg->assumptions, mp_assumption_new ("fill-rate", 0.6, 0.5, 0.7));
    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(GError) error = NULL;

    pkg->horizon = 0;
    g_assert_null (mp_evaluate (pkg, ref, &error));
    g_assert_error (error, MP_EVALUATION_ERROR, MP_EVALUATION_ERROR_INVALID);
  }
  {
    g_autoptr(MpPackage) pkg = make_package ("MAR");
    g_autoptr(MpEvaluation) eval = NULL;

    /* An unknown assumption key is ignored with a note. */
    set_assumption (pkg, "fill-rate", 0.5);
    g_ptr_array_add (pkg->assumptions, mp_assumption_new ("no-such-thing", 1, 1, 1));
    eval = evaluate_ok (pkg, ref);
    g_assert_cmpint (count_findings (eval, "unknown-assumption", MP_SEVERITY_NOTE), ==, 1);
  }
}

/* ---- Properties -------------------------------------------------------------- */

/* A varied package: every kind, three partners, four sectors, tranches,
 * offers and asks.  Quotas from the test's own generator. */
static MpPackage *
random_package (MpRng *rng,
                int    last_exit)
{
  static const char *partners[] = { "MAR", "LOW", "HIG" };
  static const char *sectors[] = { "agri", "health", "ict", "food" };
  MpPackage *pkg = make_package ("MAR");
  int n = 3 + (int) (_mp_rng_next (rng) % 10);

  g_strfreev (pkg->partners);
  pkg->partners = g_strsplit ("MAR,LOW,HIG", ",", -1);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("S%d", i);
      int stays = 1 + (int) (_mp_rng_next (rng) % 3);
      int intake = 1 + (int) (_mp_rng_next (rng) % 3);
      int first = 2027 + (int) (_mp_rng_next (rng) % 4);
      MpScheme *s;

      while (first + intake - 1 + stays - 1 > last_exit)
        {
          if (intake > 1)
            intake--;
          else if (stays > 1)
            stays--;
          else
            first--;
        }
      s = add_scheme (pkg, (MpSchemeKind) (_mp_rng_next (rng) % MP_N_SCHEME_KINDS), name,
                      partners[_mp_rng_next (rng) % 3], sectors[_mp_rng_next (rng) % 4],
                      1 + floor (_mp_rng_uniform (rng) * 500), first, intake,
                      1 + (int) (_mp_rng_next (rng) % 12), stays);
      s->mandatory_return = _mp_rng_next (rng) % 2;
      s->training_months = (_mp_rng_next (rng) % 2) * 3.0;
      s->home_track_ratio = (_mp_rng_next (rng) % 3) * 0.5;
      s->cost_per_participant = (double) (_mp_rng_next (rng) % 3) * 2500.0;
      s->employer_share = 0.5;
      s->language_support = _mp_rng_next (rng) % 2;
    }

  for (int i = 0; i < 2; i++)
    {
      MpTranche *tr = mp_tranche_new ();

      tr->scheme = g_strdup_printf ("S%d", i);
      tr->release_year = 2028 + i;
      tr->extra_quota = 50.0 * (i + 1);
      g_ptr_array_add (pkg->tranches, tr);
    }

  add_offer (pkg, MP_OFFER_INVESTMENT, 3e6);
  add_offer (pkg, MP_OFFER_SCHOLARSHIPS, 30)->partner = g_strdup ("LOW");
  {
    MpAsk *a = add_ask (pkg, MP_ASK_RETURN_READMISSION, "MAR");

    a->returns_low = 50;
    a->returns_mode = 112;
    a->returns_high = 300;
    add_ask (pkg, MP_ASK_PROTECTION_IN_REGION, "LOW")->level = 1;
  }

  return pkg;
}

static double
total_of (const MpEvaluation *eval,
          gsize               offset)
{
  double sum = 0.0;

  for (int t = 0; t < eval->n_years; t++)
    sum += *(const double *) ((const char *) &eval->total[t] + offset);

  return sum;
}

/* Once every cohort has finished its final stay inside the horizon, every
 * admission ends as a return, a settlement or an overstay. */
static void
test_property_conservation (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  MpRng rng;

  _mp_rng_init (&rng, 1, 0);
  for (int k = 0; k < 50; k++)
    {
      g_autoptr(MpPackage) pkg = random_package (&rng, 2036);
      g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);
      double adm = total_of (eval, G_STRUCT_OFFSET (MpYear, admissions));
      double out = total_of (eval, G_STRUCT_OFFSET (MpYear, returned))
                   + total_of (eval, G_STRUCT_OFFSET (MpYear, settled))
                   + total_of (eval, G_STRUCT_OFFSET (MpYear, overstayed));

      g_assert_cmpfloat (adm, >, 0.0);
      g_assert_cmpfloat_with_epsilon (adm, out, 1e-9 * adm);
      g_assert_cmpfloat_with_epsilon (eval->headline[MP_HEADLINE_NET_MIGRATION],
                                      total_of (eval, G_STRUCT_OFFSET (MpYear, settled))
                                      + total_of (eval, G_STRUCT_OFFSET (MpYear, overstayed)),
                                      1e-9 * adm);
    }
}

/* Doubling every quota (and tranche) doubles person-years and remittances. */
static void
test_property_doubling (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  MpRng rng;

  _mp_rng_init (&rng, 2, 0);
  for (int k = 0; k < 50; k++)
    {
      g_autoptr(MpPackage) pkg = random_package (&rng, 2045);
      g_autoptr(MpPackage) twice = mp_package_copy (pkg);
      g_autoptr(MpEvaluation) e1 = NULL;
      g_autoptr(MpEvaluation) e2 = NULL;

      for (guint i = 0; i < twice->schemes->len; i++)
        ((MpScheme *) g_ptr_array_index (twice->schemes, i))->quota *= 2;
      for (guint i = 0; i < twice->tranches->len; i++)
        ((MpTranche *) g_ptr_array_index (twice->tranches, i))->extra_quota *= 2;
      e1 = evaluate_ok (pkg, ref);
      e2 = evaluate_ok (twice, ref);
      for (int t = 0; t < e1->n_years; t++)
        {
          g_assert_cmpfloat_with_epsilon (e2->total[t].person_years,
                                          2 * e1->total[t].person_years,
                                          1e-9 * MAX (1, e1->total[t].person_years));
          g_assert_cmpfloat_with_epsilon (e2->total[t].remittances,
                                          2 * e1->total[t].remittances,
                                          1e-9 * MAX (1, e1->total[t].remittances));
        }
      g_assert_cmpfloat_with_epsilon (e2->headline[MP_HEADLINE_PERSON_YEARS],
                                      2 * e1->headline[MP_HEADLINE_PERSON_YEARS],
                                      1e-9 * e1->headline[MP_HEADLINE_PERSON_YEARS]);
    }
}

/* No schemes: every projected number is zero. */
static void
test_property_zero (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ("MAR");
  g_autoptr(MpEvaluation) eval = NULL;
  MpYear zero = { 0 };

  add_offer (pkg, MP_OFFER_INVESTMENT, 1e6);
  eval = evaluate_ok (pkg, ref);
  g_assert_cmpint (eval->n_schemes, ==, 0);
  g_assert_cmpint (eval->n_sectors, ==, 0);
  for (int t = 0; t < eval->n_years; t++)
    g_assert_cmpmem (&eval->total[t], sizeof zero, &zero, sizeof zero);
  g_assert_cmpfloat (eval->headline[MP_HEADLINE_ADMISSIONS], ==, 0);
  g_assert_cmpfloat (eval->headline[MP_HEADLINE_PERSON_YEARS], ==, 0);
  g_assert_cmpfloat (eval->headline[MP_HEADLINE_REMITTANCES], ==, 0);
  g_assert_cmpfloat (eval->headline[MP_HEADLINE_NET_MIGRATION], ==, 0);
  g_assert_cmpfloat (eval->headline[MP_HEADLINE_COST_PUBLIC], ==, 0);
  /* NL: shortage 0, return 0, irregular 0, cost 0 (no person-years), net
   * migration restraint 1 → 100 · 3 / 15 = 20. */
  assert_close (eval->headline[MP_HEADLINE_NL_BENEFIT], 20);

  /* A new, empty package without partners evaluates too. */
  {
    g_autoptr(MpPackage) empty = mp_package_new ("empty");
    g_autoptr(MpReference) none = mp_reference_new ();
    g_autoptr(MpEvaluation) e = evaluate_ok (empty, none);

    g_assert_cmpint (e->n_partners, ==, 0);
    g_assert_cmpint (e->n_years, ==, 10);
    g_assert_cmpfloat (e->headline[MP_HEADLINE_FIT], ==, 0);
    g_assert_true (mp_evaluation_run_uncertainty (e, empty, none, 10, 1, NULL, NULL, NULL, NULL));
  }
}

/* ---- Monte Carlo ---------------------------------------------------------------- */

static void
test_rng (void)
{
  MpRng a, b, c;
  guint64 x = 0, y = 0;

  _mp_rng_init (&a, 20260522, 7);
  _mp_rng_init (&b, 20260522, 7);
  _mp_rng_init (&c, 20260522, 8);
  for (int i = 0; i < 1000; i++)
    {
      double u = _mp_rng_uniform (&a);

      g_assert_cmpfloat (u, >=, 0.0);
      g_assert_cmpfloat (u, <, 1.0);
      g_assert_cmpfloat (u, ==, _mp_rng_uniform (&b));
      x ^= _mp_rng_next (&a) ^ _mp_rng_next (&b);
      y |= _mp_rng_next (&c);
    }
  g_assert_cmpuint (x, ==, 0);
  g_assert_cmpuint (y, !=, 0);

  /* Triangular (0, 1, 4): F(mode) = 1/4; u = 0.25 → 1; u = 0 → 0; u = 1 → 4;
   * u = 0.5 → 4 − √(0.5 · 4 · 3) = 1.5505103. */
  assert_close (_mp_triangular_inverse (0.25, 0, 1, 4), 1);
  assert_close (_mp_triangular_inverse (0.0, 0, 1, 4), 0);
  assert_close (_mp_triangular_inverse (1.0, 0, 1, 4), 4);
  assert_close (_mp_triangular_inverse (0.5, 0, 1, 4), 4 - sqrt (6));
  assert_close (_mp_triangular_inverse (0.3, 2, 2, 2), 2);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Selection gives the same quantiles as sorting, ties and all. */
static void
test_quantiles (void)
{
  MpRng rng;

  _mp_rng_init (&rng, 4, 0);
  for (guint n = 1; n < 300; n += 7)
    {
      g_autofree double *x = g_new (double, n);
      g_autofree double *sorted = g_new (double, n);
      double sum = 0.0;
      MpQuantiles q;
      double probs[] = { 0.1, 0.5, 0.9 };
      double got[3];

      for (guint i = 0; i < n; i++)
        {
          /* Few distinct values for many ties. */
          x[i] = (double) (_mp_rng_next (&rng) % (1 + n / 3));
          sum += x[i];
        }
      memcpy (sorted, x, n * sizeof (double));
      qsort (sorted, n, sizeof (double), compare_doubles);
      q = _mp_quantiles_compute (x, n);
      got[0] = q.p10;
      got[1] = q.p50;
      got[2] = q.p90;
      for (int k = 0; k < 3; k++)
        {
          double h = (n - 1) * probs[k];
          guint lo = (guint) floor (h);
          double expect = lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
                                     : sorted[lo];

          g_assert_cmpfloat (got[k], ==, expect);
        }
      g_assert_cmpfloat (q.mean, ==, sum / n);
    }
}

static MpEvaluation *
run_mc (const MpPackage   *pkg,
        const MpReference *ref,
        guint              draws,
        guint64            seed)
{
  g_autoptr(GError) error = NULL;
  MpEvaluation *eval = evaluate_ok (pkg, ref);

  g_assert_true (mp_evaluation_run_uncertainty (eval, pkg, ref, draws, seed, NULL, NULL, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (eval->has_uncertainty);
  g_assert_cmpuint (eval->draws, ==, draws);
  g_assert_cmpuint (eval->seed, ==, seed);

  return eval;
}

static void
test_mc_reproducible (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) a = NULL;
  g_autoptr(MpEvaluation) b = NULL;
  g_autoptr(MpEvaluation) c = NULL;
  gboolean differs = FALSE;

  /* The worked example fixes its assumptions: open them up again. */
  g_ptr_array_set_size (pkg->assumptions, 0);
  a = run_mc (pkg, ref, 2000, 20260522);
  b = run_mc (pkg, ref, 2000, 20260522);
  c = run_mc (pkg, ref, 2000, 20260523);

  g_assert_cmpmem (a->quantiles, sizeof a->quantiles, b->quantiles, sizeof b->quantiles);
  g_assert_cmpmem (a->person_years_by_year, a->n_years * sizeof (MpQuantiles),
                   b->person_years_by_year, b->n_years * sizeof (MpQuantiles));
  g_assert_cmpuint (a->swings->len, ==, b->swings->len);
  for (guint i = 0; i < a->swings->len; i++)
    {
      const MpSwing *x = &g_array_index (a->swings, MpSwing, i);
      const MpSwing *y = &g_array_index (b->swings, MpSwing, i);

      g_assert_cmpstr (x->assumption, ==, y->assumption);
      g_assert_cmpfloat (x->low_value, ==, y->low_value);
      g_assert_cmpfloat (x->high_value, ==, y->high_value);
    }

  for (int k = 0; k < MP_N_HEADLINES; k++)
    {
      const MpQuantiles *q = &a->quantiles[k];

      g_assert_cmpfloat (q->p10, <=, q->p50);
      g_assert_cmpfloat (q->p50, <=, q->p90);
      differs |= memcmp (&a->quantiles[k], &c->quantiles[k], sizeof (MpQuantiles)) != 0;
    }
  g_assert_true (differs);
  /* Person-years are 450 · f with the fill rate f triangular (0.25, 0.5,
   * 0.75), symmetric: median 225, P10 = 450 · (0.25 + √(0.1 · 0.5 · 0.25)) =
   * 162.81, P90 = 287.19; 2000 draws land within a few person-years. */
  g_assert_cmpfloat (fabs (a->quantiles[MP_HEADLINE_PERSON_YEARS].p50 - 225), <, 5);
  g_assert_cmpfloat (fabs (a->quantiles[MP_HEADLINE_PERSON_YEARS].p10 - 162.81), <, 5);
  g_assert_cmpfloat (fabs (a->quantiles[MP_HEADLINE_PERSON_YEARS].p90 - 287.19), <, 5);
  /* Reproducible also through a second run on the same evaluation. */
  g_assert_true (mp_evaluation_run_uncertainty (b, pkg, ref, 2000, 20260522, NULL, NULL, NULL,
                                                NULL));
  g_assert_cmpmem (a->quantiles, sizeof a->quantiles, b->quantiles, sizeof b->quantiles);
}

/* With every assumption fixed (low = high) and no ranges on returns, every
 * draw equals the deterministic evaluation. */
static void
test_mc_certain (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) eval = NULL;

  for (guint i = 0; i < pkg->asks->len; i++)
    {
      MpAsk *a = g_ptr_array_index (pkg->asks, i);

      a->returns_low = a->returns_high = a->returns_mode;
    }
  set_assumption (pkg, "p-condition-met", 0.3);
  set_assumption (pkg, "settlement-share", 0.3);
  eval = run_mc (pkg, ref, 100, 5);
  for (int k = 0; k < MP_N_HEADLINES; k++)
    {
      assert_close (eval->quantiles[k].p10, eval->headline[k]);
      assert_close (eval->quantiles[k].p90, eval->headline[k]);
      assert_close (eval->quantiles[k].mean, eval->headline[k]);
    }
  for (int t = 0; t < eval->n_years; t++)
    assert_close (eval->person_years_by_year[t].p50, eval->total[t].person_years);
  g_assert_cmpuint (eval->swings->len, ==, 0);
}

/* The fast path must agree with the full evaluation for any assumption
 * values: draw values within each catalogue range, evaluate a copy of the
 * package with those values fixed, and compare every headline and the
 * person-years by year. */
static void
test_mc_fast_path (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  MpRng rng;

  _mp_rng_init (&rng, 3, 0);
  for (int k = 0; k < 100; k++)
    {
      g_autoptr(MpPackage) pkg = random_package (&rng, 2040);
      g_autoptr(MpPackage) fixed = mp_package_copy (pkg);
      g_autoptr(MpEvaluation) eval = NULL;
      g_autoptr(GError) error = NULL;
      double values[MP_N_ASSUMPTIONS];
      double fast[MP_N_HEADLINES];
      g_autofree double *py = g_new (double, pkg->horizon);

      for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
        {
          const MpAssumptionInfo *info = mp_assumption_info (i);

          values[i] = info->low + (info->high - info->low) * _mp_rng_uniform (&rng);
          set_assumption (fixed, info->key, values[i]);
        }
      eval = evaluate_ok (fixed, ref);
      g_assert_true (_mp_evaluation_fast_headlines (pkg, ref, values, fast, py, &error));
      g_assert_no_error (error);
      for (int h = 0; h < MP_N_HEADLINES; h++)
        g_assert_cmpfloat_with_epsilon (fast[h], eval->headline[h],
                                        1e-9 * MAX (1.0, fabs (eval->headline[h])));
      for (int t = 0; t < eval->n_years; t++)
        g_assert_cmpfloat_with_epsilon (py[t], eval->total[t].person_years,
                                        1e-9 * MAX (1.0, eval->total[t].person_years));
    }
}

static void
test_mc_tornado (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) eval = NULL;
  const MpSwing *prev = NULL;
  gboolean seen_fill = FALSE, seen_returns = FALSE;

  g_ptr_array_set_size (pkg->assumptions, 0);
  eval = run_mc (pkg, ref, 200, 1);
  g_assert_cmpuint (eval->swings->len, >, 0);
  for (guint i = 0; i < eval->swings->len; i++)
    {
      const MpSwing *s = &g_array_index (eval->swings, MpSwing, i);

      assert_close (s->base, eval->headline[MP_HEADLINE_FIT]);
      assert_close (s->nl_base, eval->headline[MP_HEADLINE_NL_BENEFIT]);
      if (prev != NULL)
        g_assert_cmpfloat (fabs (prev->high_value - prev->low_value), >=,
                           fabs (s->high_value - s->low_value));
      if (g_str_equal (s->assumption, "fill-rate"))
        {
          seen_fill = TRUE;
          /* A higher fill rate delivers more: fit rises. */
          g_assert_cmpfloat (s->high_value, >, s->low_value);
        }
      if (g_str_equal (s->assumption, "expected-returns"))
        {
          seen_returns = TRUE;
          g_assert_cmpfloat (s->high_value, ==, s->low_value);
          g_assert_cmpfloat (s->nl_high_value, >, s->nl_low_value);
        }
      prev = s;
    }
  g_assert_true (seen_fill);
  g_assert_true (seen_returns);
  /* fill-rate drives the fit most in this package. */
  g_assert_cmpstr (g_array_index (eval->swings, MpSwing, 0).assumption, ==, "fill-rate");
}

static void
record_progress (double   fraction,
                 gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, fraction);
}

static void
test_mc_progress_cancel (void)
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = scored_example ();
  g_autoptr(MpEvaluation) eval = evaluate_ok (pkg, ref);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_evaluation_run_uncertainty (eval, pkg, ref, 1000, 9, cancellable,
                                                record_progress, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 100);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  g_clear_pointer (&eval, mp_evaluation_free);
  eval = evaluate_ok (pkg, ref);
  g_cancellable_cancel (cancellable);
  g_assert_false (mp_evaluation_run_uncertainty (eval, pkg, ref, 1000, 9, cancellable,
                                                 NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (eval->has_uncertainty);
}

/* ---- Assumption catalogue ------------------------------------------------------ */

static void
test_assumptions_catalogue (void)
{
  const char * const *keys = mp_assumption_keys ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int n = 0;

  for (; keys[n] != NULL; n++)
    {
      const MpAssumptionInfo *info = mp_assumption_lookup (keys[n]);
      MpAssumptionId id;

      g_assert_nonnull (info);
      g_assert_true (mp_assumption_id_from_key (keys[n], &id));
      g_assert_cmpint (id, ==, n);
      g_assert_true (mp_assumption_info (id) == info);
      g_assert_true (g_hash_table_add (seen, (gpointer) keys[n]));
      g_assert_cmpfloat (info->min, <=, info->low);
      g_assert_cmpfloat (info->low, <=, info->mode);
      g_assert_cmpfloat (info->mode, <=, info->high);
      g_assert_cmpfloat (info->high, <=, info->max);
      g_assert_cmpuint (strlen (mp_assumption_info_label (info)), >, 0);
      g_assert_cmpuint (strlen (mp_assumption_info_unit (info)), >, 0);
      g_assert_cmpuint (strlen (mp_assumption_info_rationale (info)), >, 40);
      g_assert_cmpuint (strlen (info->source), >, 5);
    }
  g_assert_cmpint (n, ==, MP_N_ASSUMPTIONS);
  g_assert_null (mp_assumption_lookup ("nope"));
  g_assert_false (mp_assumption_id_from_key (NULL, NULL));

  /* Defaults the brief quotes. */
  assert_close (mp_assumption_info (MP_ASSUMPTION_WAGE_FLOOR)->mode, 2294.40);
  assert_close (mp_assumption_info (MP_ASSUMPTION_WAGE_SKILLED)->mode, 4357);
  assert_close (mp_assumption_info (MP_ASSUMPTION_EVIDENCE_RETURNS)->mode, 112);
  assert_close (mp_assumption_info (MP_ASSUMPTION_HEALTH_THRESHOLD)->mode, 0.01);
  assert_close (mp_assumption_info (MP_ASSUMPTION_VDEM_LOW_RISK)->mode, 0.45);
  assert_close (mp_assumption_info (MP_ASSUMPTION_VDEM_HIGH_RISK)->mode, 0.20);
  g_assert_true (mp_assumption_info_uncertain (mp_assumption_info (MP_ASSUMPTION_FILL_RATE)));
  g_assert_false (mp_assumption_info_uncertain (mp_assumption_info (MP_ASSUMPTION_WAGE_FLOOR)));
}

static void
test_assumptions_override (void)
{
  g_autoptr(MpPackage) pkg = mp_package_new ("p");
  double low, mode, high;

  assert_close (mp_package_assumption_value (pkg, MP_ASSUMPTION_FILL_RATE), 0.5);
  g_assert_false (mp_package_assumption_overridden (pkg, "fill-rate"));
  g_ptr_array_add (pkg->assumptions, mp_assumption_new ("fill-rate", 0.2, 0.3, 0.4));
  g_ptr_array_add (pkg->assumptions, mp_assumption_new ("fill-rate", 0.6, 0.7, 0.8));
  g_assert_true (mp_package_get_assumption (pkg, "fill-rate", &low, &mode, &high));
  /* The last override wins. */
  assert_close (low, 0.6);
  assert_close (mode, 0.7);
  assert_close (high, 0.8);
  g_assert_true (mp_package_assumption_overridden (pkg, "fill-rate"));
  g_assert_false (mp_package_get_assumption (pkg, "nope", &low, &mode, &high));
  g_assert_true (mp_package_get_assumption (NULL, "overstay", NULL, &mode, NULL));
  assert_close (mode, 0.02);
}

static void
test_enum_strings (void)
{
  for (int i = 0; i < MP_N_SEVERITY; i++)
    g_assert_nonnull (mp_severity_label (i));
  g_assert_cmpstr (mp_severity_to_string (MP_SEVERITY_BLOCK), ==, "block");
  for (int i = 0; i < MP_N_MONITOR; i++)
    g_assert_nonnull (mp_monitoring_label (i));
  g_assert_cmpstr (mp_monitoring_to_string (MP_MONITOR_NOT_ALLOWED), ==, "not_allowed");
  for (int i = 0; i < MP_N_HEADLINES; i++)
    g_assert_nonnull (mp_headline_label (i));
  g_assert_cmpstr (mp_headline_to_string (MP_HEADLINE_NL_BENEFIT), ==, "nl_benefit");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/evaluation/projection/circular", test_projection_circular);
  g_test_add_func ("/models/evaluation/projection/tranche", test_projection_tranche);
  g_test_add_func ("/models/evaluation/projection/home-track", test_projection_home_track);
  g_test_add_func ("/models/evaluation/projection/study", test_projection_study);
  g_test_add_func ("/models/evaluation/projection/before-horizon", test_projection_before_horizon);
  g_test_add_func ("/models/evaluation/scores/fit", test_scores_fit);
  g_test_add_func ("/models/evaluation/scores/nl", test_scores_nl);
  g_test_add_func ("/models/evaluation/scores/shortage-weights", test_scores_shortage_weights);
  g_test_add_func ("/models/evaluation/scores/regional", test_scores_regional);
  g_test_add_func ("/models/evaluation/scores/scale-missing", test_scores_scale_missing);
  g_test_add_func ("/models/evaluation/safeguards/who-ssl", test_safeguard_who_ssl);
  g_test_add_func ("/models/evaluation/safeguards/fees", test_safeguard_fees);
  g_test_add_func ("/models/evaluation/safeguards/skilled", test_safeguard_skilled);
  g_test_add_func ("/models/evaluation/safeguards/health-share", test_safeguard_health_share);
  g_test_add_func ("/models/evaluation/safeguards/study", test_safeguard_study);
  g_test_add_func ("/models/evaluation/safeguards/circular", test_safeguard_circular);
  g_test_add_func ("/models/evaluation/safeguards/demographic", test_safeguard_demographic);
  g_test_add_func ("/models/evaluation/risk/matrix", test_risk_matrix);
  g_test_add_func ("/models/evaluation/risk/ask-kinds", test_risk_ask_kinds);
  g_test_add_func ("/models/evaluation/risk/evaluated", test_risk_evaluated);
  g_test_add_func ("/models/evaluation/risk/country", test_risk_country);
  g_test_add_func ("/models/evaluation/risk/never-allowed", test_risk_never_allowed);
  g_test_add_func ("/models/evaluation/risk/excluded", test_risk_excluded);
  g_test_add_func ("/models/evaluation/errors", test_errors);
  g_test_add_func ("/models/evaluation/property/conservation", test_property_conservation);
  g_test_add_func ("/models/evaluation/property/doubling", test_property_doubling);
  g_test_add_func ("/models/evaluation/property/zero", test_property_zero);
  g_test_add_func ("/models/evaluation/montecarlo/rng", test_rng);
  g_test_add_func ("/models/evaluation/montecarlo/quantiles", test_quantiles);
  g_test_add_func ("/models/evaluation/montecarlo/reproducible", test_mc_reproducible);
  g_test_add_func ("/models/evaluation/montecarlo/certain", test_mc_certain);
  g_test_add_func ("/models/evaluation/montecarlo/fast-path", test_mc_fast_path);
  g_test_add_func ("/models/evaluation/montecarlo/tornado", test_mc_tornado);
  g_test_add_func ("/models/evaluation/montecarlo/progress-cancel", test_mc_progress_cancel);
  g_test_add_func ("/models/assumptions/catalogue", test_assumptions_catalogue);
  g_test_add_func ("/models/assumptions/override", test_assumptions_override);
  g_test_add_func ("/models/evaluation/enum-strings", test_enum_strings);

  return g_test_run ();
}
