/* test-json.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-assumptions.h"
#include "mp-evaluation.h"
#include "mp-json.h"
#include "mp-reference.h"

/* Tests of the JSON package format (models/io/): round trips of every
 * field of every entity, one test per validation rule (each asserting that
 * the message names the field path, the value and the rule), the shipped
 * examples, the demo bundle and the schema file.
 *
 * With MP_REGENERATE_EXAMPLES=1 in the environment, /models/json/examples/canonical
 * rewrites the example packages (data/examples/) in the writer's canonical form and
 * /models/json/examples/demo rewrites data/examples/demo.json from them. */

static MpReference *reference;   /* the shipped reference data */

static const char * const example_names[] = {
  "gecco-morocco-agriculture",
  "care-talent-partnership",
  "regional-maghreb",
  "blocked-health-recruitment",
};

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static char *
example_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return source_path ("data", "examples", file, NULL);
}

/* ---- Building and comparing packages ------------------------------------- */

static MpPackage *
full_package (const char *name)
{
  MpPackage *p = mp_package_new (name);
  MpScheme *s;
  MpOffer *o;
  MpAsk *a;
  MpTranche *t;

  g_free (p->description);
  p->description = g_strdup ("Quotes \" and \\ backslash,\nnew line, tab\t, ctrl \x01, "
                             "non-ASCII: Türkiye — “€ 1,000” 日本");
  g_strfreev (p->partners);
  p->partners = g_strsplit ("MAR,TUN", ",", -1);
  p->start_year = 2030;
  p->horizon = 12;

  for (int k = 0; k < MP_N_SCHEME_KINDS; k++)
    {
      s = mp_scheme_new ();
      s->name = g_strdup_printf ("Scheme %d", k);
      s->kind = k;
      s->partner = g_strdup (k % 2 == 0 ? "MAR" : "TUN");
      s->sector = g_strdup (k % 2 == 0 ? "ict" : "health_social_care");
      s->quota = 123.25 + k;
      s->first_year = 2031 + k;
      s->intake_years = 2 + k;
      s->months = 1 + k;
      s->stays = 3 + k;
      s->mandatory_return = k % 2 == 1;
      s->training_months = 0.5 * k;
      s->home_track_ratio = 1.0 / 3.0;
      s->cost_per_participant = 12470.5;
      s->employer_share = 0.1 * k;
      s->recruitment_fees = k == 3 ? 99.99 : 0.0;
      s->language_support = (k & 1) != 0;
      s->complaints_channel = (k & 2) != 0;
      s->reintegration_support = (k & 4) != 0;
      s->g2g_health_support = k == 5;
      s->return_incentives = k == 4;
      g_ptr_array_add (p->schemes, s);
    }

  for (int k = 0; k < MP_N_OFFER_KINDS; k++)
    {
      o = mp_offer_new ();
      o->kind = k;
      o->partner = g_strdup ("TUN");
      o->sector = k % 2 == 0 ? g_strdup ("ict") : NULL;
      o->amount = k == MP_OFFER_VISA ? 2 : 1e6 * (k + 1) + 0.1;
      o->jobs = 17 * k;
      o->note = k == 0 ? NULL : g_strdup_printf ("Note %d", k);
      g_ptr_array_add (p->offers, o);
    }

  for (int k = 0; k < MP_N_ASK_KINDS; k++)
    {
      a = mp_ask_new ();
      a->kind = k;
      a->partner = g_strdup ("MAR");
      a->returns_low = 10 * k;
      a->returns_mode = 10 * k + 0.5;
      a->returns_high = 10 * k + 7;
      a->level = k % 4;
      a->note = k == 1 ? NULL : g_strdup ("3ie review of 112 studies");
      g_ptr_array_add (p->asks, a);
    }

  t = mp_tranche_new ();
  t->label = g_strdup ("More for more");
  t->scheme = g_strdup ("Scheme 1");
  t->release_year = 2033;
  t->extra_quota = 250.5;
  t->condition = MP_ASK_VOLUNTARY_RETURN;
  g_ptr_array_add (p->tranches, t);

  g_ptr_array_add (p->assumptions, mp_assumption_new ("fill-rate", 0.6, 0.8, 0.95));
  g_ptr_array_add (p->assumptions, mp_assumption_new ("overstay", 0.01, 0.05, 0.15));
  g_ptr_array_add (p->assumptions, mp_assumption_new ("wage-factor", 0.1, 1.0 / 3.0, 2.5));

  p->interest_weights[MP_INTEREST_SKILLS] = 4.5;
  p->interest_weights[MP_INTEREST_DEVELOPMENT] = 0;
  p->interest_scales[MP_INTEREST_REMITTANCES] = 1.5e7;
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    p->nl_weights[i] = 0.5 * i;
  p->draws = 12345;
  /* Above 2^53: a double would round it. */
  p->seed = G_GUINT64_CONSTANT (9007199254740993);

  return p;
}

static void
assert_value_equal (const MpValue *a,
                    const MpValue *b)
{
  if (isnan (a->value))
    g_assert_true (isnan (b->value));
  else
    g_assert_cmpfloat (a->value, ==, b->value);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpstr (a->source, ==, b->source);
}

static void
assert_double_or_nan_equal (double a,
                            double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static void
assert_package_equal (const MpPackage *a,
                      const MpPackage *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_true (g_strv_equal ((const char * const *) a->partners,
                               (const char * const *) b->partners));
  g_assert_cmpint (a->start_year, ==, b->start_year);
  g_assert_cmpint (a->horizon, ==, b->horizon);

  g_assert_cmpuint (a->schemes->len, ==, b->schemes->len);
  for (guint i = 0; i < a->schemes->len; i++)
    {
      const MpScheme *x = g_ptr_array_index (a->schemes, i);
      const MpScheme *y = g_ptr_array_index (b->schemes, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->partner, ==, y->partner);
      g_assert_cmpstr (x->sector, ==, y->sector);
      g_assert_cmpfloat (x->quota, ==, y->quota);
      g_assert_cmpint (x->first_year, ==, y->first_year);
      g_assert_cmpint (x->intake_years, ==, y->intake_years);
      g_assert_cmpint (x->months, ==, y->months);
      g_assert_cmpint (x->stays, ==, y->stays);
      g_assert_cmpint (x->mandatory_return, ==, y->mandatory_return);
      g_assert_cmpfloat (x->training_months, ==, y->training_months);
      g_assert_cmpfloat (x->home_track_ratio, ==, y->home_track_ratio);
      g_assert_cmpfloat (x->cost_per_participant, ==, y->cost_per_participant);
      g_assert_cmpfloat (x->employer_share, ==, y->employer_share);
      g_assert_cmpfloat (x->recruitment_fees, ==, y->recruitment_fees);
      g_assert_cmpint (x->language_support, ==, y->language_support);
      g_assert_cmpint (x->complaints_channel, ==, y->complaints_channel);
      g_assert_cmpint (x->reintegration_support, ==, y->reintegration_support);
      g_assert_cmpint (x->g2g_health_support, ==, y->g2g_health_support);
      g_assert_cmpint (x->return_incentives, ==, y->return_incentives);
    }

  g_assert_cmpuint (a->offers->len, ==, b->offers->len);
  for (guint i = 0; i < a->offers->len; i++)
    {
      const MpOffer *x = g_ptr_array_index (a->offers, i);
      const MpOffer *y = g_ptr_array_index (b->offers, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->partner, ==, y->partner);
      g_assert_cmpstr (x->sector, ==, y->sector);
      g_assert_cmpfloat (x->amount, ==, y->amount);
      g_assert_cmpfloat (x->jobs, ==, y->jobs);
      g_assert_cmpstr (x->note, ==, y->note);
    }

  g_assert_cmpuint (a->asks->len, ==, b->asks->len);
  for (guint i = 0; i < a->asks->len; i++)
    {
      const MpAsk *x = g_ptr_array_index (a->asks, i);
      const MpAsk *y = g_ptr_array_index (b->asks, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->partner, ==, y->partner);
      g_assert_cmpfloat (x->returns_low, ==, y->returns_low);
      g_assert_cmpfloat (x->returns_mode, ==, y->returns_mode);
      g_assert_cmpfloat (x->returns_high, ==, y->returns_high);
      g_assert_cmpint (x->level, ==, y->level);
      g_assert_cmpstr (x->note, ==, y->note);
    }

  g_assert_cmpuint (a->tranches->len, ==, b->tranches->len);
  for (guint i = 0; i < a->tranches->len; i++)
    {
      const MpTranche *x = g_ptr_array_index (a->tranches, i);
      const MpTranche *y = g_ptr_array_index (b->tranches, i);

      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->scheme, ==, y->scheme);
      g_assert_cmpint (x->release_year, ==, y->release_year);
      g_assert_cmpfloat (x->extra_quota, ==, y->extra_quota);
      g_assert_cmpint (x->condition, ==, y->condition);
    }

  g_assert_cmpuint (a->assumptions->len, ==, b->assumptions->len);
  for (guint i = 0; i < a->assumptions->len; i++)
    {
      const MpAssumption *x = g_ptr_array_index (a->assumptions, i);
      const MpAssumption *y = g_ptr_array_index (b->assumptions, i);

      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpfloat (x->low, ==, y->low);
      g_assert_cmpfloat (x->mode, ==, y->mode);
      g_assert_cmpfloat (x->high, ==, y->high);
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      assert_double_or_nan_equal (a->interest_weights[i], b->interest_weights[i]);
      assert_double_or_nan_equal (a->interest_scales[i], b->interest_scales[i]);
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    g_assert_cmpfloat (a->nl_weights[i], ==, b->nl_weights[i]);
  g_assert_cmpuint (a->draws, ==, b->draws);
  g_assert_cmpuint (a->seed, ==, b->seed);
}

static void
assert_partner_equal (const MpPartner *a,
                      const MpPartner *b)
{
  g_assert_cmpstr (a->iso3, ==, b->iso3);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->region, ==, b->region);
  g_assert_true (g_strv_equal ((const char * const *) a->memberships,
                               (const char * const *) b->memberships));
  g_assert_true (g_strv_equal ((const char * const *) a->frameworks,
                               (const char * const *) b->frameworks));
  g_assert_cmpint (a->combiland, ==, b->combiland);
  g_assert_cmpint (a->excluded, ==, b->excluded);
  g_assert_cmpstr (a->excluded_reason, ==, b->excluded_reason);
  g_assert_cmpint (a->who_ssl, ==, b->who_ssl);
  g_assert_cmpstr (a->who_ssl_source, ==, b->who_ssl_source);
  g_assert_cmpint (a->has_risk_override, ==, b->has_risk_override);
  if (a->has_risk_override)
    g_assert_cmpint (a->risk_override, ==, b->risk_override);
  g_assert_cmpstr (a->risk_override_reason, ==, b->risk_override_reason);
  for (int i = 0; i < MP_N_INDICATORS; i++)
    assert_value_equal (&a->ind[i], &b->ind[i]);
  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      g_assert_cmpfloat (a->profile.weights[i], ==, b->profile.weights[i]);
      assert_double_or_nan_equal (a->profile.scales[i], b->profile.scales[i]);
    }
  g_assert_cmpstr (a->profile.rationale, ==, b->profile.rationale);
}

static void
assert_sector_equal (const MpSector *a,
                     const MpSector *b)
{
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->sbi, ==, b->sbi);
  g_assert_cmpint (a->eqf, ==, b->eqf);
  g_assert_cmpint (a->demand, ==, b->demand);
  g_assert_cmpint (a->health, ==, b->health);
  assert_value_equal (&a->vacancies, &b->vacancies);
  assert_value_equal (&a->wage_month, &b->wage_month);
}

/* ---- Round trips --------------------------------------------------------- */

static void
test_round_trip_package (void)
{
  g_autoptr(MpPackage) p = full_package ("Full package");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  text = mp_json_write_package (p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"mobility-planner-package\",\n"));

  back = mp_json_read_packages (text, -1, reference, &embedded, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_null (embedded);
  g_assert_cmpuint (back->len, ==, 1);
  assert_package_equal (p, g_ptr_array_index (back, 0));

  /* Stable output: writing what was read gives the same bytes. */
  again = mp_json_write_package (g_ptr_array_index (back, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, again);
}

static MpReference *
full_embedded (void)
{
  MpReference *r = mp_reference_new ();
  MpPartner *p = mp_partner_new ("ZZA", "Zedland");
  MpPartner *q = mp_partner_new ("ZZB", "Other land");
  MpSector *s = mp_sector_new ("deep_sea_fishing", "Deep-sea fishing");

  r->vintage = g_strdup ("2026-11");

  p->region = g_strdup ("Northern Africa");
  g_strfreev (p->memberships);
  p->memberships = g_strsplit ("Rabat Process|AU", "|", -1);
  g_strfreev (p->frameworks);
  p->frameworks = g_strsplit ("EU Talent Partnership", "|", -1);
  p->combiland = TRUE;
  p->excluded = TRUE;
  p->excluded_reason = g_strdup ("No functioning state");
  p->who_ssl = TRUE;
  p->who_ssl_source = g_strdup ("WHO SSL 2023 (reconstructed)");
  p->has_risk_override = TRUE;
  p->risk_override = MP_RISK_HIGH;
  p->risk_override_reason = g_strdup ("AR §4.2.1");
  mp_value_set (&p->ind[MP_IND_POPULATION], 38430770, 2025, "World Bank WDI SP.POP.TOTL");
  mp_value_set (&p->ind[MP_IND_WORKING_AGE_GROWTH], -3.25, 2024, "UN WPP 2024");
  mp_value_set (&p->ind[MP_IND_VDEM_LIBDEM], 0.247, 2024, NULL);
  /* missing, but with a note of where it was looked for */
  mp_value_set (&p->ind[MP_IND_NURSES_PER_10K], NAN, 0, "WHO: no data");
  for (int i = 0; i < MP_N_INTERESTS; i++)
    p->profile.weights[i] = i % 6;
  p->profile.scales[MP_INTEREST_LABOUR_MOBILITY] = 1275;
  p->profile.rationale = g_strdup ("Why these weights");
  g_ptr_array_add (r->partners, p);
  g_ptr_array_add (r->partners, q);   /* all defaults */

  s->sbi = g_strdup ("A03");
  s->eqf = 3;
  s->demand = MP_DEMAND_SEASONAL;
  s->health = TRUE;
  mp_value_set (&s->vacancies, 1200, 2024, "CBS 80472ned");
  mp_value_set (&s->wage_month, 2294.4, 2026, "WML");
  g_ptr_array_add (r->sectors, s);
  g_ptr_array_add (r->sectors, mp_sector_new ("plain", "Plain"));

  return r;
}

static void
test_round_trip_bundle (void)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(MpReference) embed = full_embedded ();
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  MpPackage *second;

  g_ptr_array_add (packages, full_package ("First"));
  second = mp_package_new ("Second, with an embedded partner and sector");
  g_strfreev (second->partners);
  second->partners = g_strsplit ("ZZA", ",", -1);
  {
    MpScheme *s = mp_scheme_new ();

    s->name = g_strdup ("Fishing");
    s->partner = g_strdup ("ZZA");
    s->sector = g_strdup ("deep_sea_fishing");
    s->quota = 10;
    g_ptr_array_add (second->schemes, s);
  }
  g_ptr_array_add (packages, second);
  /* an empty package: no schemes, offers, asks, tranches or overrides */
  {
    MpPackage *empty = mp_package_new ("Empty");

    g_strfreev (empty->partners);
    empty->partners = g_strsplit ("EGY", ",", -1);
    g_ptr_array_add (packages, empty);
  }

  text = mp_json_write_packages (packages, embed, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"mobility-planner-packages\",\n"
                                         "  \"version\": 1,\n  \"vintage\": \"2026-11\",\n"));

  back = mp_json_read_packages (text, -1, reference, &embedded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, packages->len);
  for (guint i = 0; i < packages->len; i++)
    assert_package_equal (g_ptr_array_index (packages, i), g_ptr_array_index (back, i));

  g_assert_nonnull (embedded);
  g_assert_cmpstr (embedded->vintage, ==, "2026-11");
  g_assert_cmpuint (embedded->partners->len, ==, 2);
  g_assert_cmpuint (embedded->sectors->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      assert_partner_equal (g_ptr_array_index (embed->partners, i),
                            g_ptr_array_index (embedded->partners, i));
      assert_sector_equal (g_ptr_array_index (embed->sectors, i),
                           g_ptr_array_index (embedded->sectors, i));
    }

  again = mp_json_write_packages (back, embedded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, again);
}

static void
test_round_trip_doubles (void)
{
  /* Values that have no short exact decimal form come back bit for bit;
   * values that do are written short. */
  static const double values[] = {
    0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456789.123, 5e-324, 9999999.999999998, 0.30000000000000004,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(MpPackage) p = full_package ("Doubles");
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      MpOffer *o = g_ptr_array_index (p->offers, 0);

      o->amount = values[i];
      text = mp_json_write_package (p, &error);
      g_assert_no_error (error);
      back = mp_json_read_packages (text, -1, reference, NULL, &error);
      g_assert_no_error (error);
      o = g_ptr_array_index (((MpPackage *) g_ptr_array_index (back, 0))->offers, 0);
      g_assert_cmpfloat (o->amount, ==, values[i]);
    }

  {
    g_autoptr(MpPackage) p = full_package ("Short");
    g_autofree char *text = NULL;

    ((MpScheme *) g_ptr_array_index (p->schemes, 0))->home_track_ratio = 0.1;
    text = mp_json_write_package (p, NULL);
    g_assert_nonnull (strstr (text, "\"home_track_ratio\": 0.1,"));
  }
}

/* The longest text, every character written as an escape, still reads back. */
static void
test_round_trip_long_escaped_text (void)
{
  g_autoptr(MpPackage) p = full_package ("Escapes");
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_free (p->description);
  p->description = g_strnfill (MP_JSON_MAX_TEXT, '\x01');
  text = mp_json_write_package (p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\\u0001\\u0001"));
  back = mp_json_read_packages (text, -1, reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((MpPackage *) g_ptr_array_index (back, 0))->description, ==, p->description);
}

static void
test_write_non_finite (void)
{
  g_autoptr(MpPackage) p = full_package ("NaN");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ((MpScheme *) g_ptr_array_index (p->schemes, 2))->quota = NAN;
  text = mp_json_write_package (p, &error);
  g_assert_null (text);
  g_assert_error (error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "schemes[2].quota: NaN "));
  g_assert_nonnull (strstr (error->message, "finite"));
}

/* ---- Validation: one test per rule --------------------------------------- */

/* A valid package; tests replace one piece of it. */
static const char base_package[] =
  "{\n"
  "  \"name\": \"Test\",\n"
  "  \"partners\": [\"MAR\"],\n"
  "  \"start_year\": 2027,\n"
  "  \"horizon\": 10,\n"
  "  \"schemes\": [\n"
  "    {\"name\": \"S1\", \"kind\": \"circular\", \"partner\": \"MAR\",\n"
  "     \"sector\": \"agriculture_horticulture\", \"quota\": 100, \"first_year\": 2027,\n"
  "     \"intake_years\": 3, \"months\": 9, \"stays\": 2, \"mandatory_return\": true}\n"
  "  ],\n"
  "  \"asks\": [{\"kind\": \"return_readmission\", \"partner\": \"MAR\",\n"
  "            \"returns_low\": 10, \"returns_mode\": 20, \"returns_high\": 30}],\n"
  "  \"tranches\": [{\"label\": \"T\", \"scheme\": \"S1\", \"release_year\": 2029,\n"
  "                \"extra_quota\": 50, \"condition\": \"return_readmission\"}],\n"
  "  \"assumptions\": {\"fill-rate\": {\"low\": 0.6, \"mode\": 0.8, \"high\": 0.95}}\n"
  "}\n";

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* Reads @json and asserts an error with @code whose message starts with
 * @path and contains each of the NULL-terminated fragments (the value and
 * the rule). */
static void
expect_error_full (const char        *json,
                   gssize             len,
                   const MpReference *ref,
                   MpJsonError        code,
                   const char        *path,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  const char *fragment;
  va_list args;

  packages = mp_json_read_packages (json, len, ref, NULL, &error);
  g_assert_null (packages);
  g_assert_nonnull (error);
  if (!g_error_matches (error, MP_JSON_ERROR, code))
    g_error ("expected code %d, got %d: %s", code, error->code, error->message);
  g_test_message ("%s", error->message);

  if (!g_str_has_prefix (error->message, path))
    g_error ("message does not start with the path “%s”: %s", path, error->message);

  va_start (args, path);
  while ((fragment = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, fragment) == NULL)
        g_error ("message lacks “%s”: %s", fragment, error->message);
    }
  va_end (args);
}

#define expect_error(json, code, path, ...) \
  expect_error_full ((json), -1, reference, (code), (path), __VA_ARGS__, NULL)

/* Replaces @old in the base package by @new and expects the error. */
#define expect_base_error(old, new, code, path, ...)                     \
  G_STMT_START {                                                         \
    g_autofree char *json_ = replace_once (base_package, (old), (new));  \
    expect_error (json_, (code), (path), __VA_ARGS__);                   \
  } G_STMT_END

static void
test_base_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = mp_json_read_packages (base_package, -1, reference, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (packages->len, ==, 1);
}

static void
test_invalid_negative_quota (void)
{
  expect_base_error ("\"quota\": 100", "\"quota\": -5", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota: ", "-5 is out of range",
                     "the annual quota must be between 0 and 10000000");
}

static void
test_invalid_months_high (void)
{
  expect_base_error ("\"months\": 9", "\"months\": 13", MP_JSON_ERROR_INVALID,
                     "schemes[0].months: ", "13", "between 1 and 12");
}

static void
test_invalid_months_zero (void)
{
  expect_base_error ("\"months\": 9", "\"months\": 0", MP_JSON_ERROR_INVALID,
                     "schemes[0].months: ", "0 is out of range", "between 1 and 12");
}

static void
test_invalid_months_fraction (void)
{
  expect_base_error ("\"months\": 9", "\"months\": 2.5", MP_JSON_ERROR_INVALID,
                     "schemes[0].months: ", "2.5", "must be a whole number");
}

/* settlement-share defaults to 0.10 / 0.30 / 0.50 (mp-assumptions.c): with an
 * overstay of high 0.6 the high end sums to 0.5 + 0.6 = 1.1 > 1. */
static void
test_invalid_settle_overstay_high (void)
{
  expect_base_error ("\"assumptions\": {",
                     "\"assumptions\": {\"overstay\": {\"low\": 0.01, \"mode\": 0.02, \"high\": 0.6}, ",
                     MP_JSON_ERROR_INVALID, "assumptions: ",
                     "at the high end", "settlement-share 0.5 + overstay 0.6 = 1.1 exceeds 1",
                     "p_settle + o ≤ 1");
}

/* At the mode: settlement-share 0.30 + overstay 0.75 = 1.05. */
static void
test_invalid_settle_overstay_mode (void)
{
  expect_base_error ("\"assumptions\": {",
                     "\"assumptions\": {\"overstay\": {\"low\": 0.01, \"mode\": 0.75, \"high\": 0.75},"
                     " \"settlement-share\": {\"low\": 0.1, \"mode\": 0.3, \"high\": 0.25}, ",
                     MP_JSON_ERROR_INVALID, "assumptions.settlement-share: ",
                     "low 0.1, mode 0.3 and high 0.25 are not in order", "low ≤ mode ≤ high");
  expect_base_error ("\"assumptions\": {",
                     "\"assumptions\": {\"overstay\": {\"low\": 0.01, \"mode\": 0.75, \"high\": 0.75}, ",
                     MP_JSON_ERROR_INVALID, "assumptions: ",
                     "at the mode end", "settlement-share 0.3 + overstay 0.75 = 1.05", "p_settle + o ≤ 1");
}

/* At the low end, with the return variant: settlement-share-return low
 * 0.5 + overstay low 0.6 = 1.1 while the settlement-share sums stay ≤ 1. */
static void
test_invalid_settle_overstay_low (void)
{
  expect_base_error ("\"assumptions\": {",
                     "\"assumptions\": {\"overstay\": {\"low\": 0.6, \"mode\": 0.6, \"high\": 0.6},"
                     " \"settlement-share\": {\"low\": 0, \"mode\": 0, \"high\": 0},"
                     " \"settlement-share-return\": {\"low\": 0.5, \"mode\": 0.5, \"high\": 0.5}, ",
                     MP_JSON_ERROR_INVALID, "assumptions: ",
                     "at the low end", "settlement-share-return 0.5 + overstay 0.6 = 1.1");
}

static void
test_invalid_non_finite (void)
{
  expect_base_error ("\"quota\": 100", "\"quota\": 1e999", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota (line 8, column ", "1e999 is not a finite number",
                     "every number must be finite");
  expect_base_error ("\"quota\": 100", "\"quota\": NaN", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota (line 8", "NaN and Infinity are not numbers in JSON");
  expect_base_error ("\"quota\": 100", "\"quota\": -1e400", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota (line 8", "-1e400 is not a finite number");
}

static void
test_invalid_integer_overflow (void)
{
  /* json-glib 1.6 would wrap this to -1 */
  expect_base_error ("\"quota\": 100", "\"quota\": 99999999999999999999", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota (line 8", "the integer 99999999999999999999 is out of range");
}

static void
test_invalid_unknown_partner (void)
{
  expect_base_error ("\"partners\": [\"MAR\"]", "\"partners\": [\"MAR\", \"XYZ\"]",
                     MP_JSON_ERROR_UNKNOWN_REFERENCE, "partners[1]: ",
                     "“XYZ” is not a known partner", "neither in the reference data nor");
}

static void
test_invalid_partner_not_in_package (void)
{
  expect_base_error ("\"kind\": \"circular\", \"partner\": \"MAR\"",
                     "\"kind\": \"circular\", \"partner\": \"TUN\"",
                     MP_JSON_ERROR_UNKNOWN_REFERENCE, "schemes[0].partner: ",
                     "“TUN” is not one of the package's partners (MAR)");
}

static void
test_invalid_partner_code_form (void)
{
  expect_base_error ("\"partners\": [\"MAR\"]", "\"partners\": [\"mar\"]",
                     MP_JSON_ERROR_INVALID, "partners[0]: ",
                     "“mar” is not a partner code", "ISO 3166-1 alpha-3");
  /* control characters from \u escapes are shown escaped, never raw */
  expect_base_error ("\"partners\": [\"MAR\"]", "\"partners\": [\"\\u0001AB\"]",
                     MP_JSON_ERROR_INVALID, "partners[0]: ", "“\\u0001AB” is not a partner code");
}

static void
test_invalid_unknown_sector (void)
{
  expect_base_error ("\"sector\": \"agriculture_horticulture\"", "\"sector\": \"nursing\"",
                     MP_JSON_ERROR_UNKNOWN_REFERENCE, "schemes[0].sector: ",
                     "“nursing” is not a known sector");
}

static void
test_invalid_empty_name (void)
{
  expect_base_error ("\"name\": \"Test\"", "\"name\": \"\"", MP_JSON_ERROR_INVALID,
                     "name: ", "“” is empty", "the name of a package must not be empty");
  expect_base_error ("\"name\": \"S1\"", "\"name\": \"   \"", MP_JSON_ERROR_INVALID,
                     "schemes[0].name: ", "“   ” is empty", "must not be empty");
}

static void
test_invalid_unknown_field (void)
{
  expect_base_error ("\"months\": 9", "\"monthz\": 9", MP_JSON_ERROR_INVALID,
                     "schemes[0].monthz: ", "unknown field", "a scheme has only the fields");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"colour\": \"red\"",
                     MP_JSON_ERROR_INVALID, "colour: ", "unknown field");
}

static void
test_invalid_missing_field (void)
{
  expect_base_error ("\"quota\": 100, ", "", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota: ", "required field is missing");
}

static void
test_invalid_wrong_type (void)
{
  expect_base_error ("\"quota\": 100", "\"quota\": \"many\"", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota: ", "expected a number", "the string “many”");
  expect_base_error ("\"mandatory_return\": true", "\"mandatory_return\": \"yes\"",
                     MP_JSON_ERROR_INVALID, "schemes[0].mandatory_return: ",
                     "expected true or false", "“yes”");
  expect_base_error ("\"partners\": [\"MAR\"]", "\"partners\": \"MAR\"", MP_JSON_ERROR_INVALID,
                     "partners: ", "expected an array", "“MAR”");
  expect_base_error ("\"schemes\": [\n", "\"schemes\": [ 42,\n", MP_JSON_ERROR_INVALID,
                     "schemes[0]: ", "expected an object", "the number 42");
}

static void
test_invalid_unknown_kind (void)
{
  expect_base_error ("\"kind\": \"circular\"", "\"kind\": \"farm\"", MP_JSON_ERROR_INVALID,
                     "schemes[0].kind: ", "“farm” is not a known scheme kind",
                     "talent_partnership, circular, seasonal");
}

static void
test_invalid_quota_too_large (void)
{
  expect_base_error ("\"quota\": 100", "\"quota\": 10000001", MP_JSON_ERROR_INVALID,
                     "schemes[0].quota: ", "10000001 is out of range", "between 0 and 10000000");
}

static void
test_invalid_horizon_too_long (void)
{
  expect_base_error ("\"horizon\": 10", "\"horizon\": 51", MP_JSON_ERROR_INVALID,
                     "horizon: ", "51 is out of range", "the horizon in years must be between 1 and 50");
}

static void
test_invalid_first_year_outside_horizon (void)
{
  expect_base_error ("\"first_year\": 2027", "\"first_year\": 2037", MP_JSON_ERROR_INVALID,
                     "schemes[0].first_year: ", "2037 is out of range", "between 2027 and 2036");
}

static void
test_invalid_name_too_long (void)
{
  g_autofree char *name = g_strnfill (1001, 'x');
  g_autofree char *field = g_strdup_printf ("\"name\": \"%s\"", name);

  expect_base_error ("\"name\": \"S1\"", field, MP_JSON_ERROR_TOO_LARGE,
                     "schemes[0].name: ", "1001 characters", "at most 1000 characters");
}

static void
test_invalid_description_too_long (void)
{
  /* 10,001 two-byte characters: the limit counts characters, not bytes */
  GString *text = g_string_new ("\"name\": \"Test\", \"description\": \"");
  g_autofree char *json = NULL;

  for (int i = 0; i < 10001; i++)
    g_string_append (text, "é");
  g_string_append_c (text, '"');
  json = replace_once (base_package, "\"name\": \"Test\"", text->str);
  g_string_free (text, TRUE);

  expect_error (json, MP_JSON_ERROR_TOO_LARGE, "description: ",
                "10001 characters", "at most 10000 characters");
}

static void
test_invalid_too_many_packages (void)
{
  GString *json = g_string_new ("{\"format\": \"mobility-planner-packages\", \"version\": 1,"
                                " \"packages\": [");

  for (int i = 0; i < MP_JSON_MAX_PACKAGES + 1; i++)
    g_string_append_printf (json, "%s{\"name\": \"P%d\", \"partners\": [\"MAR\"]}",
                            i > 0 ? "," : "", i);
  g_string_append (json, "]}");

  expect_error (json->str, MP_JSON_ERROR_TOO_LARGE, "packages: ",
                "1001 entries are too many", "limited to 1000");
  g_string_free (json, TRUE);
}

static void
test_invalid_too_many_schemes (void)
{
  GString *schemes = g_string_new ("\"schemes\": [");
  g_autofree char *json = NULL;

  for (int i = 0; i < MP_JSON_MAX_ITEMS + 1; i++)
    g_string_append_printf (schemes, "%s{}", i > 0 ? "," : "");
  g_string_append (schemes, "], \"offers\": [");
  json = replace_once (base_package, "\"schemes\": [", schemes->str);
  g_string_free (schemes, TRUE);

  expect_error (json, MP_JSON_ERROR_TOO_LARGE, "schemes: ",
                "10001 entries are too many", "the schemes of a package are limited to 10000");
}

static void
test_invalid_huge_array (void)
{
  /* Far beyond any limit: stopped by the scan before json-glib builds a tree. */
  GString *json = g_string_new ("{\"name\": \"X\", \"partners\": [");

  for (int i = 0; i < 200000; i++)
    g_string_append (json, i > 0 ? ",\"MAR\"" : "\"MAR\"");
  g_string_append (json, "]}");

  expect_error (json->str, MP_JSON_ERROR_TOO_LARGE, "partners (line 1, column ",
                "more than 10001 entries");
  g_string_free (json, TRUE);
}

static void
test_invalid_file_too_large (void)
{
  gsize n = MP_JSON_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc (n);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  int fd;

  /* Spaces are valid JSON whitespace: only the size check can refuse it. */
  memset (data, ' ', n);
  data[0] = '{';
  data[n - 1] = '}';
  expect_error_full (data, (gssize) n, reference, MP_JSON_ERROR_TOO_LARGE, "top level: ",
                     "larger than 64 MB", "limited to 64 MB", NULL);

  /* The file variant refuses before reading. */
  fd = g_file_open_tmp ("mp-json-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_true (ftruncate (fd, (off_t) n) == 0);
  close (fd);
  packages = mp_json_read_packages_file (path, reference, NULL, &error);
  g_assert_null (packages);
  g_assert_error (error, MP_JSON_ERROR, MP_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_unlink (path);
}

static void
test_invalid_nesting_too_deep (void)
{
  gsize depth = 100000;
  GString *json = g_string_new (NULL);

  /* json-glib 1.6 overflows its stack on this */
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  expect_error (json->str, MP_JSON_ERROR_TOO_LARGE, "[0][0][0][0][0] (line 1, column 6)",
                "nesting deeper than 5 levels");
  g_string_free (json, TRUE);

  /* One level deeper than the format, inside an otherwise valid package. */
  expect_base_error ("\"months\": 9", "\"months\": {\"a\": [[1]]}", MP_JSON_ERROR_TOO_LARGE,
                     "schemes[0].months.a[0] (line", "nesting deeper than 5 levels");
}

static void
test_invalid_syntax (void)
{
  expect_base_error ("\"horizon\": 10", "\"horizon\": 010", MP_JSON_ERROR_PARSE,
                     "horizon (line 5, column 14)", "no leading zeros");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 0x0A", MP_JSON_ERROR_PARSE,
                     "horizon (line 5", "hexadecimal");
  expect_base_error ("\"name\": \"Test\"", "'name': 'Test'", MP_JSON_ERROR_PARSE,
                     "line 2, column 3: ", "expected a field name in double quotes");
  expect_base_error ("\"horizon\": 10,", "\"horizon\": 10,,", MP_JSON_ERROR_PARSE,
                     "horizon (line 5", "expected a field name");
  expect_error ("{\"name\": \"x\"} trailing", MP_JSON_ERROR_PARSE, "line 1, column 15: ",
                "unexpected content after the end");
  expect_error ("{\"name\": \"x", MP_JSON_ERROR_PARSE, "name (line 1, column 10)",
                "not terminated");
  expect_error ("", MP_JSON_ERROR_PARSE, "line 1, column 1: ", "unexpected end of the file");
}

static void
test_invalid_duplicate_key (void)
{
  /* json-glib would keep the last value silently */
  expect_base_error ("\"quota\": 100", "\"quota\": 100, \"quota\": 200", MP_JSON_ERROR_PARSE,
                     "schemes[0].quota (line 8", "appears twice");
}

static void
test_invalid_encoding (void)
{
  expect_base_error ("\"name\": \"Test\"", "\"name\": \"Te\xff\"", MP_JSON_ERROR_PARSE,
                     "top level: ", "not valid UTF-8", "offset 15");
  expect_error_full ("{\"name\": \"a\0b\"}", sizeof ("{\"name\": \"a\0b\"}") - 1, reference, MP_JSON_ERROR_PARSE, "top level: ",
                     "NUL byte", NULL);
  expect_base_error ("\"name\": \"Test\"", "\"name\": \"Te\\u0000st\"", MP_JSON_ERROR_PARSE,
                     "name (line 2", "NUL character");
  expect_base_error ("\"name\": \"Test\"", "\"name\": \"Te\\ud800st\"", MP_JSON_ERROR_PARSE,
                     "name (line 2", "lone high surrogate \\uD800");
  expect_base_error ("\"name\": \"Test\"", "\"name\": \"Te\tst\"", MP_JSON_ERROR_PARSE,
                     "name (line 2", "control character U+0009");
}

static void
test_invalid_format_and_version (void)
{
  expect_error ("{\"format\": \"mobility-planner-evaluation\", \"version\": 1}",
                MP_JSON_ERROR_FORMAT, "format: ", "“mobility-planner-evaluation” is not a package file");
  expect_error ("{\"format\": \"mobility-planner-packages\", \"version\": 2, \"packages\": []}",
                MP_JSON_ERROR_FORMAT, "version: ", "version 2 is not supported", "reads version 1");
  expect_error ("[]", MP_JSON_ERROR_INVALID, "top level: ",
                "expected an object (a package or a bundle of packages)", "an array");
}

static void
test_invalid_duplicates (void)
{
  expect_base_error ("\"schemes\": [\n",
                     "\"schemes\": [\n {\"name\": \"S1\", \"kind\": \"seasonal\", \"partner\": \"MAR\","
                     " \"sector\": \"ict\", \"quota\": 1, \"first_year\": 2027, \"intake_years\": 1,"
                     " \"months\": 3, \"stays\": 1},\n",
                     MP_JSON_ERROR_INVALID, "schemes[1].name: ", "“S1” appears more than once",
                     "must be unique");

  expect_error ("{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": ["
                "{\"name\": \"A\", \"partners\": [\"MAR\"]}, {\"name\": \"A\", \"partners\": [\"TUN\"]}]}",
                MP_JSON_ERROR_INVALID, "packages[1].name: ", "“A” is already the name of packages[0]");
}

static void
test_invalid_tranche_scheme (void)
{
  expect_base_error ("\"scheme\": \"S1\"", "\"scheme\": \"S9\"", MP_JSON_ERROR_UNKNOWN_REFERENCE,
                     "tranches[0].scheme: ", "“S9” is not the name of a scheme of this package");
}

static void
test_invalid_ask_range_order (void)
{
  expect_base_error ("\"returns_mode\": 20", "\"returns_mode\": 5", MP_JSON_ERROR_INVALID,
                     "asks[0]: ", "low 10, mode 5 and high 30 are not in order", "low ≤ mode ≤ high");
}

static void
test_invalid_assumption (void)
{
  expect_base_error ("\"fill-rate\"", "\"fill-rat\"", MP_JSON_ERROR_INVALID,
                     "assumptions.fill-rat: ", "unknown assumption", "fill-rate, overstay");
  expect_base_error ("\"high\": 0.95", "\"high\": 1.5", MP_JSON_ERROR_INVALID,
                     "assumptions.fill-rate.high: ", "1.5 is out of range", "between 0 and 1");
}

static void
test_invalid_weight (void)
{
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"interest_weights\": {\"skills\": 6}",
                     MP_JSON_ERROR_INVALID, "interest_weights.skills: ", "6 is out of range",
                     "a weight must be between 0 and 5");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"interest_scales\": {\"skills\": 0}",
                     MP_JSON_ERROR_INVALID, "interest_scales.skills: ", "0 is out of range",
                     "greater than 0");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"nl_weights\": {\"cost\": -1}",
                     MP_JSON_ERROR_INVALID, "nl_weights.cost: ", "-1 is out of range",
                     "between 0 and 5");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"nl_weights\": {\"happiness\": 1}",
                     MP_JSON_ERROR_INVALID, "nl_weights.happiness: ", "unknown field",
                     "shortage, return");
}

static void
test_invalid_seed_and_draws (void)
{
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"seed\": -1", MP_JSON_ERROR_INVALID,
                     "seed: ", "-1 is out of range", "the Monte Carlo seed");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"seed\": 1e30", MP_JSON_ERROR_INVALID,
                     "seed: ", "1e+30 is out of range");
  expect_base_error ("\"horizon\": 10", "\"horizon\": 10, \"draws\": 1000001",
                     MP_JSON_ERROR_INVALID, "draws: ", "1000001 is out of range",
                     "between 0 and 1000000");
}

static void
test_invalid_empty_partners (void)
{
  expect_base_error ("\"partners\": [\"MAR\"]", "\"partners\": []", MP_JSON_ERROR_INVALID,
                     "partners: ", "the list is empty", "at least one partner");
}

static void
test_invalid_visa_level (void)
{
  expect_base_error ("\"asks\": [", "\"offers\": [{\"kind\": \"visa\", \"partner\": \"MAR\", "
                     "\"amount\": 2.5}], \"asks\": [", MP_JSON_ERROR_INVALID,
                     "offers[0].amount: ", "2.5 is not a whole number",
                     "the visa facilitation level must be a whole number");
  expect_base_error ("\"asks\": [", "\"offers\": [{\"kind\": \"visa\", \"partner\": \"MAR\", "
                     "\"amount\": 4}], \"asks\": [", MP_JSON_ERROR_INVALID,
                     "offers[0].amount: ", "4 is out of range", "between 0 and 3");
}

static void
test_invalid_embedded_partner (void)
{
  expect_error ("{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": [],"
                " \"partners\": [{\"iso3\": \"ZZA\", \"name\": \"Z\","
                " \"indicators\": {\"vdem_libdem\": {\"value\": 1.5, \"year\": 2024}}}]}",
                MP_JSON_ERROR_INVALID, "partners[0].indicators.vdem_libdem.value: ",
                "1.5 is out of range", "between 0 and 1");
  expect_error ("{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": [],"
                " \"partners\": [{\"iso3\": \"ZZA\", \"name\": \"Z\","
                " \"indicators\": {\"happiness\": {\"value\": 1, \"year\": 2024}}}]}",
                MP_JSON_ERROR_INVALID, "partners[0].indicators.happiness: ", "unknown field",
                "population");
  expect_error ("{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": [],"
                " \"sectors\": [{\"code\": \"Fishing\", \"name\": \"F\"}]}",
                MP_JSON_ERROR_INVALID, "sectors[0].code: ", "“Fishing” is not a sector code");
}

static void
test_embedded_partner_is_usable (void)
{
  /* A package may use a partner and sector that only the file embeds. */
  static const char json[] =
    "{\"format\": \"mobility-planner-packages\", \"version\": 1,"
    " \"packages\": [{\"name\": \"P\", \"partners\": [\"ZZA\"], \"schemes\": ["
    "   {\"name\": \"S\", \"kind\": \"seasonal\", \"partner\": \"ZZA\", \"sector\": \"fishing\","
    "    \"quota\": 10, \"first_year\": 2027, \"intake_years\": 1, \"months\": 3, \"stays\": 1}]}],"
    " \"partners\": [{\"iso3\": \"ZZA\", \"name\": \"Zedland\"}],"
    " \"sectors\": [{\"code\": \"fishing\", \"name\": \"Fishing\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(MpReference) merged = NULL;
  g_autoptr(GPtrArray) packages = mp_json_read_packages (json, -1, reference, &embedded, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (packages->len, ==, 1);
  g_assert_cmpuint (embedded->partners->len, ==, 1);

  merged = mp_json_merge_reference (reference, embedded);
  g_assert_cmpuint (merged->partners->len, ==, reference->partners->len + 1);
  g_assert_cmpuint (merged->sectors->len, ==, reference->sectors->len + 1);
  g_assert_nonnull (mp_reference_find_partner (merged, "ZZA"));

  /* Without a reference, the embedded set is all there is: MAR is unknown. */
  {
    g_autofree char *other = replace_once (json, "\"partners\": [\"ZZA\"]", "\"partners\": [\"MAR\"]");
    expect_error_full (other, -1, NULL, MP_JSON_ERROR_UNKNOWN_REFERENCE, "packages[0].partners[0]: ",
                       "“MAR” is not a known partner", NULL);
  }
}

static void
test_merge_embedded_wins (void)
{
  g_autoptr(MpReference) embedded = mp_reference_new ();
  g_autoptr(MpReference) merged = NULL;
  MpPartner *mar = mp_partner_new ("MAR", "Morocco (snapshot)");

  g_ptr_array_add (embedded->partners, mar);
  merged = mp_json_merge_reference (reference, embedded);
  g_assert_cmpuint (merged->partners->len, ==, reference->partners->len);
  g_assert_cmpstr (mp_reference_find_partner (merged, "MAR")->name, ==, "Morocco (snapshot)");
  g_assert_cmpstr (merged->vintage, ==, reference->vintage);
}

static void
test_validate_struct (void)
{
  g_autoptr(MpPackage) p = full_package ("Struct");
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_json_validate_package (p, reference, "packages[7]", &error));
  g_assert_no_error (error);

  ((MpScheme *) g_ptr_array_index (p->schemes, 1))->employer_share = 1.5;
  g_assert_false (mp_json_validate_package (p, reference, "packages[7]", &error));
  g_assert_error (error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "packages[7].schemes[1].employer_share: 1.5 is out of range; "
                   "the employer share must be between 0 and 1");
}

/* ---- Examples, demo and schema --------------------------------------------- */

static GPtrArray *
load_example (const char   *name,
              MpReference **embedded)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *packages = mp_json_read_packages_file (path, reference, embedded, &error);

  g_assert_no_error (error);
  g_assert_nonnull (packages);

  return packages;
}

static void
test_examples_canonical (void)
{
  gboolean regenerate = g_strcmp0 (g_getenv ("MP_REGENERATE_EXAMPLES"), "1") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autoptr(GPtrArray) packages = load_example (example_names[i], NULL);
      g_autofree char *path = example_path (example_names[i]);
      g_autofree char *contents = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GError) error = NULL;
      MpPackage *p;

      g_assert_cmpuint (packages->len, ==, 1);
      p = g_ptr_array_index (packages, 0);
      g_assert_nonnull (strstr (p->description, "https://"));   /* cites its sources */

      written = mp_json_write_package (p, &error);
      g_assert_no_error (error);
      if (regenerate)
        {
          g_file_set_contents (path, written, -1, &error);
          g_assert_no_error (error);
        }
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, written);
    }
}

static void
test_examples_evaluate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autoptr(GPtrArray) packages = load_example (example_names[i], NULL);
      MpPackage *p = g_ptr_array_index (packages, 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(MpEvaluation) eval = mp_evaluate (p, reference, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *json = NULL;
      gboolean blocked = g_str_equal (example_names[i], "blocked-health-recruitment");
      gboolean who = FALSE;
      gboolean fees = FALSE;

      g_assert_no_error (error);
      g_assert_nonnull (eval);
      g_assert_true (mp_evaluation_run_uncertainty (eval, p, reference, 200, p->seed, NULL, NULL,
                                                    NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (eval->headline[MP_HEADLINE_PERSON_YEARS], >, 0);

      for (guint k = 0; k < eval->findings->len; k++)
        {
          const MpFinding *f = g_ptr_array_index (eval->findings, k);

          who = who || (f->severity == MP_SEVERITY_BLOCK && g_str_equal (f->rule, "who-ssl-health"));
          fees = fees || (f->severity == MP_SEVERITY_BLOCK && g_str_equal (f->rule, "recruitment-fees"));
        }
      if (blocked)
        {
          g_assert_cmpint (eval->n_blocks, >=, 2);
          g_assert_true (who);
          g_assert_true (fees);
        }
      else
        g_assert_cmpint (eval->n_blocks, ==, 0);

      json = mp_json_write_evaluation (p, eval, &error);
      g_assert_no_error (error);
      json_parser_load_from_data (parser, json, -1, &error);
      g_assert_no_error (error);
      {
        JsonObject *root = json_node_get_object (json_parser_get_root (parser));
        JsonObject *projection = json_object_get_object_member (root, "projection");
        JsonArray *total = json_object_get_array_member (projection, "total");
        JsonObject *uncertainty = json_object_get_object_member (root, "uncertainty");

        g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                         MP_JSON_FORMAT_EVALUATION);
        g_assert_cmpuint (json_array_get_length (total), ==, (guint) p->horizon);
        g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (total, 0), "year"),
                         ==, p->start_year);
        g_assert_cmpint (json_object_get_int_member (uncertainty, "draws"), ==, 200);
        g_assert_cmpint (json_object_get_int_member (uncertainty, "seed"), ==, (gint64) p->seed);
        g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "findings"),
                                                     "blocks"), ==, eval->n_blocks);
      }
    }
}

static void
test_examples_demo (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(MpReference) subset = mp_reference_new ();
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *path = source_path ("data", "examples", "demo.json", NULL);
  g_autofree char *contents = NULL;

  /* The demo bundle: every example, with the partners and sectors they use
   * as the shipped reference data has them. */
  subset->vintage = g_strdup (reference->vintage);
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    {
      g_autoptr(GPtrArray) packages = load_example (example_names[i], NULL);
      MpPackage *p = g_ptr_array_steal_index (packages, 0);

      for (guint k = 0; p->partners[k] != NULL; k++)
        if (mp_reference_find_partner (subset, p->partners[k]) == NULL)
          g_ptr_array_add (subset->partners,
                           mp_partner_copy (mp_reference_find_partner (reference, p->partners[k])));
      for (guint k = 0; k < p->schemes->len; k++)
        {
          const char *code = ((MpScheme *) g_ptr_array_index (p->schemes, k))->sector;

          if (mp_reference_find_sector (subset, code) == NULL)
            g_ptr_array_add (subset->sectors,
                             mp_sector_copy (mp_reference_find_sector (reference, code)));
        }
      g_ptr_array_add (all, p);
    }

  written = mp_json_write_packages (all, subset, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (g_getenv ("MP_REGENERATE_EXAMPLES"), "1") == 0)
    {
      g_file_set_contents (path, written, -1, &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (contents, written) != 0)
    g_error ("data/examples/demo.json is out of date with the examples or the reference data; "
             "run MP_REGENERATE_EXAMPLES=1 meson test test-json");

  demo = mp_json_read_packages (contents, -1, reference, &embedded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (demo->len, ==, G_N_ELEMENTS (example_names));
  g_assert_cmpuint (embedded->partners->len, ==, 5);   /* MAR, PHL, TUN, EGY, NGA */
  for (guint i = 0; i < demo->len; i++)
    assert_package_equal (g_ptr_array_index (all, i), g_ptr_array_index (demo, i));
}

/* The schema file parses, declares draft 2020-12, and names in its package,
 * scheme, offer, ask, tranche, partner and sector definitions exactly the
 * fields the writer writes (all of them appear in full_package()). */
static void
collect_keys (JsonObject *obj,
              GHashTable *keys)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (keys, g_strdup (l->data));
}

static void
assert_schema_properties (JsonObject *defs,
                          const char *def,
                          JsonObject *written)
{
  JsonObject *d = json_object_get_object_member (defs, def);
  JsonObject *props;
  g_autoptr(GHashTable) schema_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) written_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_assert_nonnull (d);
  g_assert_false (json_object_get_boolean_member (d, "additionalProperties"));
  props = json_object_get_object_member (d, "properties");
  collect_keys (props, schema_keys);
  collect_keys (written, written_keys);

  g_hash_table_iter_init (&iter, written_keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (schema_keys, key))
      g_error ("schema $defs/%s lacks the property “%s”", def, (char *) key);
  g_hash_table_iter_init (&iter, schema_keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (written_keys, key))
      g_error ("schema $defs/%s has the property “%s”, which the writer never writes",
               def, (char *) key);
}

static void
test_schema (void)
{
  g_autofree char *path = source_path ("data", "mp-package.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) written_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(MpReference) embed = full_embedded ();
  g_autofree char *written = NULL;
  JsonObject *root;
  JsonObject *defs;
  JsonObject *bundle;
  JsonObject *package;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  defs = json_object_get_object_member (root, "$defs");
  g_assert_nonnull (defs);

  {
    MpPackage *p = full_package ("Full");
    MpPartner *partner = g_ptr_array_index (embed->partners, 0);

    g_ptr_array_add (packages, p);
    /* every optional field present */
    g_assert_nonnull (partner->region);
  }
  written = mp_json_write_packages (packages, embed, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (written_parser, written, -1, &error);
  g_assert_no_error (error);

  bundle = json_node_get_object (json_parser_get_root (written_parser));
  assert_schema_properties (defs, "bundle", bundle);
  package = json_array_get_object_element (json_object_get_array_member (bundle, "packages"), 0);
  {
    g_autoptr(JsonParser) single = json_parser_new ();
    g_autofree char *text = mp_json_write_package (g_ptr_array_index (packages, 0), NULL);

    json_parser_load_from_data (single, text, -1, &error);
    g_assert_no_error (error);
    assert_schema_properties (defs, "package", json_node_get_object (json_parser_get_root (single)));
  }
  assert_schema_properties (defs, "scheme",
                            json_array_get_object_element (json_object_get_array_member (package, "schemes"), 0));
  assert_schema_properties (defs, "offer",
                            json_array_get_object_element (json_object_get_array_member (package, "offers"), 2));
  assert_schema_properties (defs, "ask",
                            json_array_get_object_element (json_object_get_array_member (package, "asks"), 0));
  assert_schema_properties (defs, "tranche",
                            json_array_get_object_element (json_object_get_array_member (package, "tranches"), 0));
  assert_schema_properties (defs, "partner",
                            json_array_get_object_element (json_object_get_array_member (bundle, "partners"), 0));
  assert_schema_properties (defs, "sector",
                            json_array_get_object_element (json_object_get_array_member (bundle, "sectors"), 0));
}


/* ---- A small JSON Schema (draft 2020-12) validator --------------------------
 *
 * Just the keywords data/mp-package.schema.json uses; any other keyword fails
 * the test, so the schema cannot silently outgrow this check. */

typedef struct
{
  JsonObject *root;
  char       *error;   /* first failure, with the instance path */
} SchemaCheck;

static gboolean schema_check (SchemaCheck *c, JsonNode *schema, JsonNode *inst, const char *path);

static gboolean
schema_fail (SchemaCheck *c,
             const char  *path,
             const char  *what)
{
  if (c->error == NULL)
    c->error = g_strdup_printf ("%s: %s", path[0] ? path : "(root)", what);
  return FALSE;
}

static gboolean
node_is_type (JsonNode   *n,
              const char *type)
{
  GType t = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;

  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (n);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (n);
  if (g_str_equal (type, "null"))
    return JSON_NODE_HOLDS_NULL (n);
  if (g_str_equal (type, "string"))
    return t == G_TYPE_STRING;
  if (g_str_equal (type, "boolean"))
    return t == G_TYPE_BOOLEAN;
  if (g_str_equal (type, "number"))
    return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
  if (g_str_equal (type, "integer"))
    return t == G_TYPE_INT64 ||
           (t == G_TYPE_DOUBLE && json_node_get_double (n) == floor (json_node_get_double (n)));
  g_error ("unknown schema type %s", type);
  return FALSE;
}

static double
node_num (JsonNode *n)
{
  return json_node_get_value_type (n) == G_TYPE_INT64 ? (double) json_node_get_int (n)
                                                      : json_node_get_double (n);
}

static gboolean
scalar_equal (JsonNode *a,
              JsonNode *b)
{
  if (JSON_NODE_HOLDS_NULL (a) || JSON_NODE_HOLDS_NULL (b))
    return JSON_NODE_HOLDS_NULL (a) && JSON_NODE_HOLDS_NULL (b);
  if (!JSON_NODE_HOLDS_VALUE (a) || !JSON_NODE_HOLDS_VALUE (b))
    return FALSE;
  if (node_is_type (a, "number") && node_is_type (b, "number"))
    return node_num (a) == node_num (b);
  if (json_node_get_value_type (a) != json_node_get_value_type (b))
    return FALSE;
  if (json_node_get_value_type (a) == G_TYPE_STRING)
    return g_str_equal (json_node_get_string (a), json_node_get_string (b));
  return json_node_get_boolean (a) == json_node_get_boolean (b);
}

/* Validates without recording errors (for oneOf, anyOf, not, if). */
static gboolean
schema_try (SchemaCheck *c,
            JsonNode    *schema,
            JsonNode    *inst,
            const char  *path)
{
  SchemaCheck sub = { c->root, NULL };
  gboolean ok = schema_check (&sub, schema, inst, path);

  g_free (sub.error);
  return ok;
}

static gboolean
schema_check (SchemaCheck *c,
              JsonNode    *schema_node,
              JsonNode    *inst,
              const char  *path)
{
  static const char * const ignored[] = {
    "$schema", "$id", "$defs", "title", "description", "default", NULL
  };
  JsonObject *schema = json_node_get_object (schema_node);
  g_autoptr(GList) keywords = json_object_get_members (schema);
  gboolean ok = TRUE;

  for (GList *l = keywords; l != NULL; l = l->next)
    {
      const char *kw = l->data;
      JsonNode *v = json_object_get_member (schema, kw);

      if (g_strv_contains (ignored, kw) || g_str_equal (kw, "then") || g_str_equal (kw, "else"))
        continue;

      if (g_str_equal (kw, "$ref"))
        {
          const char *ref = json_node_get_string (v);
          JsonObject *defs = json_object_get_object_member (c->root, "$defs");

          g_assert_true (g_str_has_prefix (ref, "#/$defs/"));
          g_assert_true (json_object_has_member (defs, ref + 8));
          ok = schema_check (c, json_object_get_member (defs, ref + 8), inst, path) && ok;
        }
      else if (g_str_equal (kw, "type"))
        {
          gboolean any = FALSE;

          if (JSON_NODE_HOLDS_ARRAY (v))
            for (guint i = 0; i < json_array_get_length (json_node_get_array (v)); i++)
              any = any || node_is_type (inst, json_array_get_string_element (json_node_get_array (v), i));
          else
            any = node_is_type (inst, json_node_get_string (v));
          if (!any)
            ok = schema_fail (c, path, "wrong type");
        }
      else if (g_str_equal (kw, "properties"))
        {
          JsonObject *props = json_node_get_object (v);
          g_autoptr(GList) names = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (inst))
            continue;
          names = json_object_get_members (props);
          for (GList *n = names; n != NULL; n = n->next)
            if (json_object_has_member (json_node_get_object (inst), n->data))
              {
                g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) n->data);
                ok = schema_check (c, json_object_get_member (props, n->data),
                                   json_object_get_member (json_node_get_object (inst), n->data),
                                   sub) && ok;
              }
        }
      else if (g_str_equal (kw, "required"))
        {
          if (!JSON_NODE_HOLDS_OBJECT (inst))
            continue;
          for (guint i = 0; i < json_array_get_length (json_node_get_array (v)); i++)
            if (!json_object_has_member (json_node_get_object (inst),
                                         json_array_get_string_element (json_node_get_array (v), i)))
              ok = schema_fail (c, path, "required property missing");
        }
      else if (g_str_equal (kw, "additionalProperties") || g_str_equal (kw, "propertyNames"))
        {
          JsonObject *props = json_object_has_member (schema, "properties")
                              ? json_object_get_object_member (schema, "properties") : NULL;
          g_autoptr(GList) names = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (inst))
            continue;
          names = json_object_get_members (json_node_get_object (inst));
          for (GList *n = names; n != NULL; n = n->next)
            {
              g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) n->data);

              if (g_str_equal (kw, "propertyNames"))
                {
                  g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), n->data);
                  ok = schema_check (c, v, name, sub) && ok;
                }
              else if (props != NULL && json_object_has_member (props, n->data))
                continue;
              else if (JSON_NODE_HOLDS_VALUE (v) && !json_node_get_boolean (v))
                ok = schema_fail (c, sub, "additional property");
              else if (JSON_NODE_HOLDS_OBJECT (v))
                ok = schema_check (c, v, json_object_get_member (json_node_get_object (inst), n->data),
                                   sub) && ok;
            }
        }
      else if (g_str_equal (kw, "items"))
        {
          if (!JSON_NODE_HOLDS_ARRAY (inst))
            continue;
          for (guint i = 0; i < json_array_get_length (json_node_get_array (inst)); i++)
            {
              g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
              ok = schema_check (c, v, json_array_get_element (json_node_get_array (inst), i), sub) && ok;
            }
        }
      else if (g_str_equal (kw, "enum"))
        {
          gboolean found = FALSE;

          for (guint i = 0; i < json_array_get_length (json_node_get_array (v)); i++)
            found = found || scalar_equal (inst, json_array_get_element (json_node_get_array (v), i));
          if (!found)
            ok = schema_fail (c, path, "not in enum");
        }
      else if (g_str_equal (kw, "const"))
        {
          if (!scalar_equal (inst, v))
            ok = schema_fail (c, path, "not the const");
        }
      else if (g_str_equal (kw, "minimum") || g_str_equal (kw, "maximum") ||
               g_str_equal (kw, "exclusiveMinimum"))
        {
          double x;

          if (!node_is_type (inst, "number"))
            continue;
          x = node_num (inst);
          if ((g_str_equal (kw, "minimum") && x < node_num (v)) ||
              (g_str_equal (kw, "maximum") && x > node_num (v)) ||
              (g_str_equal (kw, "exclusiveMinimum") && x <= node_num (v)))
            ok = schema_fail (c, path, kw);
        }
      else if (g_str_equal (kw, "minLength") || g_str_equal (kw, "maxLength") ||
               g_str_equal (kw, "pattern"))
        {
          const char *str;

          if (!node_is_type (inst, "string"))
            continue;
          str = json_node_get_string (inst);
          if ((g_str_equal (kw, "minLength") && g_utf8_strlen (str, -1) < json_node_get_int (v)) ||
              (g_str_equal (kw, "maxLength") && g_utf8_strlen (str, -1) > json_node_get_int (v)) ||
              (g_str_equal (kw, "pattern") &&
               !g_regex_match_simple (json_node_get_string (v), str, 0, 0)))
            ok = schema_fail (c, path, kw);
        }
      else if (g_str_equal (kw, "minItems") || g_str_equal (kw, "maxItems") ||
               g_str_equal (kw, "uniqueItems"))
        {
          JsonArray *a;
          guint n;

          if (!JSON_NODE_HOLDS_ARRAY (inst))
            continue;
          a = json_node_get_array (inst);
          n = json_array_get_length (a);
          if ((g_str_equal (kw, "minItems") && n < json_node_get_int (v)) ||
              (g_str_equal (kw, "maxItems") && n > json_node_get_int (v)))
            ok = schema_fail (c, path, kw);
          if (g_str_equal (kw, "uniqueItems") && json_node_get_boolean (v))
            for (guint i = 0; i < n; i++)
              for (guint j = i + 1; j < n; j++)
                if (scalar_equal (json_array_get_element (a, i), json_array_get_element (a, j)))
                  ok = schema_fail (c, path, "items not unique");
        }
      else if (g_str_equal (kw, "oneOf") || g_str_equal (kw, "anyOf") || g_str_equal (kw, "allOf"))
        {
          JsonArray *subs = json_node_get_array (v);
          guint passed = 0;

          for (guint i = 0; i < json_array_get_length (subs); i++)
            passed += schema_try (c, json_array_get_element (subs, i), inst, path) ? 1 : 0;
          if ((g_str_equal (kw, "oneOf") && passed != 1) ||
              (g_str_equal (kw, "anyOf") && passed == 0) ||
              (g_str_equal (kw, "allOf") && passed != json_array_get_length (subs)))
            {
              /* report the first failing branch's reason for allOf */
              if (g_str_equal (kw, "allOf"))
                for (guint i = 0; i < json_array_get_length (subs); i++)
                  schema_check (c, json_array_get_element (subs, i), inst, path);
              ok = schema_fail (c, path, kw);
            }
        }
      else if (g_str_equal (kw, "not"))
        {
          if (schema_try (c, v, inst, path))
            ok = schema_fail (c, path, "matches “not”");
        }
      else if (g_str_equal (kw, "if"))
        {
          if (schema_try (c, v, inst, path) && json_object_has_member (schema, "then"))
            ok = schema_check (c, json_object_get_member (schema, "then"), inst, path) && ok;
          else if (!schema_try (c, v, inst, path) && json_object_has_member (schema, "else"))
            ok = schema_check (c, json_object_get_member (schema, "else"), inst, path) && ok;
        }
      else
        g_error ("the schema uses the keyword “%s”, which this test does not check", kw);
    }

  return ok;
}

/* Returns NULL when @text is valid against the schema, else the first error. */
static char *
schema_validate_def (const char *text,
                     const char *def)
{
  g_autofree char *path = source_path ("data", "mp-package.schema.json", NULL);
  g_autoptr(JsonParser) schema_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SchemaCheck c = { NULL, NULL };

  json_parser_load_from_file (schema_parser, path, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  c.root = json_node_get_object (json_parser_get_root (schema_parser));
  if (!schema_check (&c, def == NULL ? json_parser_get_root (schema_parser)
                                     : json_object_get_member (json_object_get_object_member (c.root, "$defs"), def),
                     json_parser_get_root (parser), ""))
    {
      if (c.error == NULL)
        c.error = g_strdup ("invalid");
      return c.error;
    }
  g_free (c.error);

  return NULL;
}

static char *
schema_validate_text (const char *text)
{
  return schema_validate_def (text, NULL);
}

static void
test_schema_examples (void)
{
  static const char * const files[] = {
    "gecco-morocco-agriculture.json", "care-talent-partnership.json", "regional-maghreb.json",
    "blocked-health-recruitment.json", "demo.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = source_path ("data", "examples", files[i], NULL);
      g_autofree char *text = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      problem = schema_validate_text (text);
      if (problem != NULL)
        g_error ("%s does not match the schema: %s", files[i], problem);
    }

  /* the writer's output for every field, and the base package of the tests */
  {
    g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
    g_autoptr(MpReference) embed = full_embedded ();
    g_autofree char *bundle = NULL;
    g_autofree char *single = NULL;
    g_autofree char *p1 = NULL;
    g_autofree char *p2 = NULL;
    g_autofree char *p3 = NULL;

    g_ptr_array_add (packages, full_package ("Full"));
    bundle = mp_json_write_packages (packages, embed, NULL);
    single = mp_json_write_package (g_ptr_array_index (packages, 0), NULL);
    p1 = schema_validate_text (bundle);
    p2 = schema_validate_text (single);
    p3 = schema_validate_text (base_package);
    g_assert_cmpstr (p1, ==, NULL);
    g_assert_cmpstr (p2, ==, NULL);
    g_assert_cmpstr (p3, ==, NULL);
  }
}

/* The schema refuses what the reader refuses, where a schema can say it. */
static void
test_schema_rejects (void)
{
  static const struct { const char *old; const char *new; const char *path; } cases[] = {
    { "\"months\": 9", "\"months\": 13", ".schemes[0].months: maximum" },
    { "\"months\": 9", "\"months\": 2.5", ".schemes[0].months: wrong type" },
    { "\"quota\": 100", "\"quota\": -5", ".schemes[0].quota: minimum" },
    { "\"quota\": 100", "\"quota\": 10000001", ".schemes[0].quota: maximum" },
    { "\"months\": 9", "\"monthz\": 9", ".schemes[0]" },
    { "\"kind\": \"circular\"", "\"kind\": \"farm\"", ".schemes[0].kind: not in enum" },
    { "\"name\": \"Test\"", "\"name\": \"  \"", ".name: pattern" },
    { "\"partners\": [\"MAR\"]", "\"partners\": [\"mar\"]", ".partners[0]: pattern" },
    { "\"partners\": [\"MAR\"]", "\"partners\": []", ".partners: minItems" },
    { "\"horizon\": 10", "\"horizon\": 51", ".horizon: maximum" },
    { "\"high\": 0.95", "\"high\": \"0.95\"", ".assumptions.fill-rate.high: wrong type" },
    { "\"fill-rate\"", "\"fill-rat\"", ".assumptions.fill-rat: not in enum" },
    { "\"mandatory_return\": true", "\"mandatory_return\": 1", ".schemes[0].mandatory_return: wrong type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = replace_once (base_package, cases[i].old, cases[i].new);
      g_autofree char *problem = schema_validate_text (json);
      g_autofree char *detail = schema_validate_def (json, "package");

      if (problem == NULL || detail == NULL)
        g_error ("the schema accepts %s", cases[i].new);
      if (!g_str_has_prefix (detail, cases[i].path))
        g_error ("%s: expected “%s…”, got “%s”", cases[i].new, cases[i].path, detail);
    }

  {
    g_autofree char *problem = schema_validate_text (
      "{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": ["
      "{\"format\": \"mobility-planner-package\", \"name\": \"A\", \"partners\": [\"MAR\"]}]}");
    g_assert_nonnull (problem);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  reference = mp_reference_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/models/json/round-trip/package", test_round_trip_package);
  g_test_add_func ("/models/json/round-trip/bundle", test_round_trip_bundle);
  g_test_add_func ("/models/json/round-trip/doubles", test_round_trip_doubles);
  g_test_add_func ("/models/json/round-trip/long-escaped-text", test_round_trip_long_escaped_text);
  g_test_add_func ("/models/json/write/non-finite", test_write_non_finite);

  g_test_add_func ("/models/json/valid/base", test_base_is_valid);
  g_test_add_func ("/models/json/valid/embedded-partner", test_embedded_partner_is_usable);
  g_test_add_func ("/models/json/valid/merge-embedded-wins", test_merge_embedded_wins);
  g_test_add_func ("/models/json/valid/struct", test_validate_struct);

  g_test_add_func ("/models/json/invalid/negative-quota", test_invalid_negative_quota);
  g_test_add_func ("/models/json/invalid/months-13", test_invalid_months_high);
  g_test_add_func ("/models/json/invalid/months-0", test_invalid_months_zero);
  g_test_add_func ("/models/json/invalid/months-fraction", test_invalid_months_fraction);
  g_test_add_func ("/models/json/invalid/settle-overstay-high", test_invalid_settle_overstay_high);
  g_test_add_func ("/models/json/invalid/settle-overstay-mode", test_invalid_settle_overstay_mode);
  g_test_add_func ("/models/json/invalid/settle-overstay-low", test_invalid_settle_overstay_low);
  g_test_add_func ("/models/json/invalid/non-finite", test_invalid_non_finite);
  g_test_add_func ("/models/json/invalid/integer-overflow", test_invalid_integer_overflow);
  g_test_add_func ("/models/json/invalid/unknown-partner", test_invalid_unknown_partner);
  g_test_add_func ("/models/json/invalid/partner-not-in-package", test_invalid_partner_not_in_package);
  g_test_add_func ("/models/json/invalid/partner-code-form", test_invalid_partner_code_form);
  g_test_add_func ("/models/json/invalid/unknown-sector", test_invalid_unknown_sector);
  g_test_add_func ("/models/json/invalid/empty-name", test_invalid_empty_name);
  g_test_add_func ("/models/json/invalid/unknown-field", test_invalid_unknown_field);
  g_test_add_func ("/models/json/invalid/missing-field", test_invalid_missing_field);
  g_test_add_func ("/models/json/invalid/wrong-type", test_invalid_wrong_type);
  g_test_add_func ("/models/json/invalid/unknown-kind", test_invalid_unknown_kind);
  g_test_add_func ("/models/json/invalid/quota-too-large", test_invalid_quota_too_large);
  g_test_add_func ("/models/json/invalid/horizon-too-long", test_invalid_horizon_too_long);
  g_test_add_func ("/models/json/invalid/first-year-outside-horizon",
                   test_invalid_first_year_outside_horizon);
  g_test_add_func ("/models/json/invalid/name-too-long", test_invalid_name_too_long);
  g_test_add_func ("/models/json/invalid/description-too-long", test_invalid_description_too_long);
  g_test_add_func ("/models/json/invalid/too-many-packages", test_invalid_too_many_packages);
  g_test_add_func ("/models/json/invalid/too-many-schemes", test_invalid_too_many_schemes);
  g_test_add_func ("/models/json/invalid/huge-array", test_invalid_huge_array);
  g_test_add_func ("/models/json/invalid/file-too-large", test_invalid_file_too_large);
  g_test_add_func ("/models/json/invalid/nesting-too-deep", test_invalid_nesting_too_deep);
  g_test_add_func ("/models/json/invalid/syntax", test_invalid_syntax);
  g_test_add_func ("/models/json/invalid/duplicate-key", test_invalid_duplicate_key);
  g_test_add_func ("/models/json/invalid/encoding", test_invalid_encoding);
  g_test_add_func ("/models/json/invalid/format-and-version", test_invalid_format_and_version);
  g_test_add_func ("/models/json/invalid/duplicate-names", test_invalid_duplicates);
  g_test_add_func ("/models/json/invalid/tranche-scheme", test_invalid_tranche_scheme);
  g_test_add_func ("/models/json/invalid/ask-range-order", test_invalid_ask_range_order);
  g_test_add_func ("/models/json/invalid/assumption", test_invalid_assumption);
  g_test_add_func ("/models/json/invalid/weights", test_invalid_weight);
  g_test_add_func ("/models/json/invalid/seed-and-draws", test_invalid_seed_and_draws);
  g_test_add_func ("/models/json/invalid/empty-partners", test_invalid_empty_partners);
  g_test_add_func ("/models/json/invalid/visa-level", test_invalid_visa_level);
  g_test_add_func ("/models/json/invalid/embedded-partner", test_invalid_embedded_partner);

  g_test_add_func ("/models/json/examples/canonical", test_examples_canonical);
  g_test_add_func ("/models/json/examples/evaluate", test_examples_evaluate);
  g_test_add_func ("/models/json/examples/demo", test_examples_demo);
  g_test_add_func ("/models/json/schema/properties", test_schema);
  g_test_add_func ("/models/json/schema/examples", test_schema_examples);
  g_test_add_func ("/models/json/schema/rejects", test_schema_rejects);

  status = g_test_run ();
  mp_reference_free (reference);

  return status;
}
