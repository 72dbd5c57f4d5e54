/* test-reference.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mp-reference.h"

/* ---- helpers ------------------------------------------------------------ */

static MpReference *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  MpReference *ref = mp_reference_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);

  return ref;
}

static MpPartner *
partner (MpReference *ref,
         const char  *iso3)
{
  MpPartner *p = mp_reference_find_partner (ref, iso3);

  g_assert_nonnull (p);
  return p;
}

static MpPartner *
tiny_partner (const char *iso3,
              double      share,
              double      growth,
              double      youth,
              double      old_age)
{
  MpPartner *p = mp_partner_new (iso3, iso3);

  mp_value_set (&p->ind[MP_IND_WORKING_AGE_SHARE], share, 2025, "test");
  mp_value_set (&p->ind[MP_IND_WORKING_AGE_GROWTH], growth, 2050, "test");
  mp_value_set (&p->ind[MP_IND_YOUTH_UNEMPLOYMENT], youth, 2024, "test");
  mp_value_set (&p->ind[MP_IND_OLD_AGE_DEPENDENCY], old_age, 2025, "test");

  return p;
}

/* Three partners A, B, C and the Netherlands, whose extreme values must not
 * enter the normalisation. */
static MpReference *
tiny_reference (void)
{
  MpReference *ref = mp_reference_new ();

  ref->vintage = g_strdup ("test");
  g_ptr_array_add (ref->partners, tiny_partner ("AAA", 60, 50, 20, 10));
  g_ptr_array_add (ref->partners, tiny_partner ("BBB", 70, 10, 10, 20));
  g_ptr_array_add (ref->partners, tiny_partner ("CCC", 65, 30, 30, 5));
  g_ptr_array_add (ref->partners, tiny_partner ("NLD", 99, -50, 1, 90));

  return ref;
}

/* Parses @csv against @ref, expecting failure with @code and "line @line:" in
 * the message, and checks that @ref is unchanged. */
static void
assert_refused (MpReference *ref,
                const char  *csv,
                gssize       len,
                int          code,
                guint        line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *before = mp_reference_to_csv (ref, NULL);
  g_autofree char *after = NULL;
  g_autofree char *needle = g_strdup_printf ("line %u:", line);

  if (len < 0)
    len = strlen (csv);

  g_assert_false (mp_reference_parse_csv (ref, csv, len, &changes, &error));
  g_assert_error (error, MP_REFERENCE_ERROR, code);
  g_assert_null (changes);
  if (line > 0 && strstr (error->message, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, error->message);

  after = mp_reference_to_csv (ref, NULL);
  g_assert_cmpstr (before, ==, after);
}

static GPtrArray *
parse_ok (MpReference *ref,
          const char  *csv,
          gssize       len)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = NULL;

  if (len < 0)
    len = strlen (csv);

  g_assert_true (mp_reference_parse_csv (ref, csv, len, &changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (changes);

  return changes;
}

/* ---- the shipped set ---------------------------------------------------- */

static void
test_shipped_loads (void)
{
  g_autoptr(MpReference) ref = load_default ();
  MpPartner *nld, *lby, *tun, *mar, *ken;
  guint n_ssl = 0, n_excluded = 0, n_overrides = 0;

  g_assert_cmpstr (ref->vintage, ==, "2026-11");
  /* 33 partner countries plus the Netherlands (data/reference/partners.csv). */
  g_assert_cmpuint (ref->partners->len, ==, 34);
  g_assert_cmpuint (ref->sectors->len, ==, 9);

  nld = partner (ref, "NLD");
  g_assert_nonnull (nld);
  g_assert_true (mp_partner_is_reference_country (nld));

  lby = partner (ref, "LBY");
  g_assert_true (lby->excluded);
  g_assert_nonnull (strstr (lby->excluded_reason, "AR §4.2"));

  tun = partner (ref, "TUN");
  g_assert_true (tun->has_risk_override);
  g_assert_cmpint (tun->risk_override, ==, MP_RISK_HIGH);
  g_assert_nonnull (strstr (tun->risk_override_reason, "AR §4.2.1"));
  g_assert_true (g_strv_contains ((const char * const *) tun->frameworks, "EU Talent Partnership"));

  mar = partner (ref, "MAR");
  g_assert_true (mar->combiland);
  g_assert_true (g_strv_contains ((const char * const *) mar->memberships, "Rabat Process"));
  g_assert_true (g_strv_contains ((const char * const *) mar->frameworks,
                                  "NL–Morocco action plan (2022)"));
  /* Morocco values labour mobility and remittances highly (AR §3.2; the profile
   * rules of data/reference/README.md). */
  g_assert_cmpfloat (mar->profile.weights[MP_INTEREST_LABOUR_MOBILITY], ==, 5);
  g_assert_cmpfloat (mar->profile.weights[MP_INTEREST_REMITTANCES], ==, 5);
  g_assert_cmpstr (mar->region, ==, "Northern Africa");
  g_assert_cmpfloat_with_epsilon (mar->ind[MP_IND_YOUTH_UNEMPLOYMENT].value, 22.37, 1e-9);
  g_assert_cmpint (mar->ind[MP_IND_YOUTH_UNEMPLOYMENT].year, ==, 2024);

  /* Kenya is inferred as not listed, and the source says so. */
  ken = partner (ref, "KEN");
  g_assert_false (ken->who_ssl);
  g_assert_nonnull (strstr (ken->who_ssl_source, "inferred"));

  for (guint i = 0; i < ref->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (ref->partners, i);

      n_ssl += p->who_ssl;
      n_excluded += p->excluded;
      n_overrides += p->has_risk_override;
      g_assert_nonnull (p->region);
      g_assert_nonnull (p->who_ssl_source);

      if (mp_partner_is_reference_country (p))
        continue;

      g_assert_nonnull (p->profile.rationale);
      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          g_assert_cmpfloat (p->profile.weights[k], >=, 0);
          g_assert_cmpfloat (p->profile.weights[k], <=, 5);
          g_assert_true (isnan (p->profile.scales[k]));
        }
    }

  /* 19 of the 33 partners are on the WHO SSL 2023 as reconstructed. */
  g_assert_cmpuint (n_ssl, ==, 19);
  g_assert_cmpuint (n_excluded, ==, 1);
  g_assert_cmpuint (n_overrides, ==, 1);
}

static void
test_shipped_sourced (void)
{
  g_autoptr(MpReference) ref = load_default ();
  MpSector *agriculture, *health;
  guint present = 0, missing = 0;

  for (guint i = 0; i < ref->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (ref->partners, i);

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];

          if (mp_value_present (v))
            {
              present++;
              g_assert_cmpint (v->year, >=, 1950);
              g_assert_cmpint (v->year, <=, 2100);
              g_assert_nonnull (v->source);
              g_assert_cmpuint (strlen (v->source), >, 0);
              g_assert_true (mp_indicator_validate (k, v->value, NULL));
            }
          else
            {
              missing++;
              g_assert_cmpint (v->year, ==, 0);
            }
        }
    }

  /* 34 countries × 17 indicators = 578; 10 remittance values (5 countries ×
   * 2) have no data since 2015 and stay missing. */
  g_assert_cmpuint (present, ==, 568);
  g_assert_cmpuint (missing, ==, 10);

  for (guint i = 0; i < ref->sectors->len; i++)
    {
      MpSector *s = g_ptr_array_index (ref->sectors, i);

      g_assert_true (mp_value_present (&s->vacancies));
      g_assert_cmpint (s->vacancies.year, >=, 2023);
      g_assert_nonnull (s->vacancies.source);
      if (mp_value_present (&s->wage_month))
        {
          g_assert_cmpint (s->wage_month.year, >, 0);
          g_assert_nonnull (strstr (s->wage_month.source, "81431ned"));
        }
      else
        g_assert_nonnull (strstr (s->wage_month.source, "No data"));
      g_assert_cmpint (s->eqf, >=, 1);
      g_assert_cmpint (s->eqf, <=, 8);
      g_assert_cmpint (s->health, ==, g_str_equal (s->code, "health_social_care"));
    }

  /* Agriculture: CBS annual wage per job 30,460 / 12 = 2,538.33. */
  agriculture = mp_reference_find_sector (ref, "agriculture_horticulture");
  g_assert_cmpfloat_with_epsilon (agriculture->wage_month.value, 2538.33, 1e-9);
  health = mp_reference_find_sector (ref, "health_social_care");
  g_assert_false (mp_value_present (&health->wage_month));
}

static void
test_shipped_independent (void)
{
  g_autoptr(MpReference) a = load_default ();
  g_autoptr(MpReference) b = load_default ();

  mp_value_set (&partner (a, "MAR")->ind[MP_IND_POPULATION], 1, 2030, "edit");
  g_assert_cmpfloat (partner (b, "MAR")->ind[MP_IND_POPULATION].value, ==, 38430770);
}

/* ---- demographic-dividend index ----------------------------------------- */

static void
test_ddi_hand_computed (void)
{
  g_autoptr(MpReference) ref = tiny_reference ();
  g_autoptr(MpDdi) ddi = mp_reference_compute_ddi (ref);
  const MpDdiEntry *a, *b, *c, *nld;

  /* Over A, B, C only (NLD is the reference country):
   *   share  60 70 65, min 60 max 70  → A 0,    B 1, C 0.5
   *   growth 50 10 30, min 10 max 50  → A 1,    B 0, C 0.5
   *   youth  20 10 30, min 10 max 30  → A 0.5,  B 0, C 1
   *   oad    10 20  5, min 5 max 20, − → A 10/15, B 0, C 1
   * A = (0 + 1 + 0.5 + 2/3) / 4 × 100 = 54.1667
   * B = (1 + 0 + 0 + 0) / 4 × 100     = 25
   * C = (0.5 + 0.5 + 1 + 1) / 4 × 100 = 75
   * ranks: C 1, A 2, B 3. */
  g_assert_cmpuint (ddi->set_size, ==, 3);
  g_assert_cmpfloat (ddi->min[MP_DDI_WORKING_AGE_SHARE], ==, 60);
  g_assert_cmpfloat (ddi->max[MP_DDI_OLD_AGE_DEPENDENCY], ==, 20);

  a = mp_ddi_lookup (ddi, "AAA");
  b = mp_ddi_lookup (ddi, "BBB");
  c = mp_ddi_lookup (ddi, "CCC");
  nld = mp_ddi_lookup (ddi, "nld");

  g_assert_cmpfloat_with_epsilon (a->index, 100.0 * (0 + 1 + 0.5 + 10.0 / 15.0) / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->index, 54.1667, 1e-4);
  g_assert_cmpfloat_with_epsilon (b->index, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->index, 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->normalised[MP_DDI_OLD_AGE_DEPENDENCY], 2.0 / 3.0, 1e-12);
  g_assert_cmpuint (a->n_components, ==, 4);
  g_assert_cmpuint (c->rank, ==, 1);
  g_assert_cmpuint (a->rank, ==, 2);
  g_assert_cmpuint (b->rank, ==, 3);

  g_assert_false (nld->in_set);
  g_assert_true (isnan (nld->index));
  g_assert_cmpuint (nld->rank, ==, 0);
  g_assert_cmpfloat (nld->raw[MP_DDI_WORKING_AGE_SHARE], ==, 99);
}

static void
test_ddi_missing_component (void)
{
  g_autoptr(MpReference) ref = tiny_reference ();
  g_autoptr(MpDdi) ddi = NULL;
  const MpDdiEntry *a, *c;

  mp_value_clear (&partner (ref, "CCC")->ind[MP_IND_YOUTH_UNEMPLOYMENT]);
  ddi = mp_reference_compute_ddi (ref);

  /* Youth unemployment is now normalised over A (20) and B (10) only: A 1, B 0.
   * C has three components: (0.5 + 0.5 + 1) / 3 × 100 = 66.667.
   * A = (0 + 1 + 1 + 2/3) / 4 × 100 = 66.667 as well: a tie, both rank 1. */
  a = mp_ddi_lookup (ddi, "AAA");
  c = mp_ddi_lookup (ddi, "CCC");
  g_assert_cmpuint (c->n_components, ==, 3);
  g_assert_true (isnan (c->normalised[MP_DDI_YOUTH_UNEMPLOYMENT]));
  g_assert_cmpfloat_with_epsilon (c->index, 200.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->index, 100.0 * (0 + 1 + 1 + 2.0 / 3.0) / 4, 1e-9);
  g_assert_cmpuint (a->rank, ==, 1);
  g_assert_cmpuint (c->rank, ==, 1);
  g_assert_cmpuint (mp_ddi_lookup (ddi, "BBB")->rank, ==, 3);
}

static void
test_ddi_shipped (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(MpDdi) ddi = mp_reference_compute_ddi (ref);
  gboolean seen_first = FALSE;

  g_assert_cmpuint (ddi->set_size, ==, 33);
  for (guint i = 0; i < ddi->entries->len; i++)
    {
      const MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);

      if (!e->in_set)
        {
          g_assert_cmpstr (e->iso3, ==, "NLD");
          continue;
        }
      g_assert_cmpuint (e->n_components, ==, MP_N_DDI_COMPONENTS);
      g_assert_cmpfloat (e->index, >=, 0);
      g_assert_cmpfloat (e->index, <=, 100);
      g_assert_cmpuint (e->rank, >=, 1);
      g_assert_cmpuint (e->rank, <=, 33);
      seen_first |= e->rank == 1;
    }
  g_assert_true (seen_first);

  /* Niger has the largest working-age growth (+126 %) and a low old-age
   * dependency; Türkiye's working-age population shrinks: Niger ranks far above. */
  g_assert_cmpuint (mp_ddi_lookup (ddi, "NER")->rank, <, mp_ddi_lookup (ddi, "TUR")->rank);
  g_assert_cmpfloat (mp_ddi_lookup (ddi, "NER")->normalised[MP_DDI_WORKING_AGE_GROWTH], ==, 1);
}

/* ---- risk classes ------------------------------------------------------- */

static void
test_risk_classes (void)
{
  g_autoptr(MpReference) ref = load_default ();
  MpRiskThresholds t;
  MpRiskBasis basis;
  g_autoptr(GError) error = NULL;

  mp_risk_thresholds_init (&t);
  g_assert_cmpfloat (t.low, ==, 0.45);
  g_assert_cmpfloat (t.medium, ==, 0.20);

  /* low ≥ 0.45, medium 0.20–0.45, high < 0.20 (models/README.md, “Human-rights
   * risk framework”) */
  g_assert_cmpint (mp_risk_classify (0.45, &t), ==, MP_RISK_LOW);
  g_assert_cmpint (mp_risk_classify (0.4499, &t), ==, MP_RISK_MEDIUM);
  g_assert_cmpint (mp_risk_classify (0.20, &t), ==, MP_RISK_MEDIUM);
  g_assert_cmpint (mp_risk_classify (0.1999, NULL), ==, MP_RISK_HIGH);
  g_assert_cmpint (mp_risk_classify (NAN, NULL), ==, MP_RISK_HIGH);

  /* Thresholds are parameters. */
  t.low = 0.60;
  t.medium = 0.30;
  g_assert_cmpint (mp_risk_classify (0.567, &t), ==, MP_RISK_MEDIUM);
  g_assert_true (mp_risk_thresholds_validate (&t, NULL));
  t.medium = 0.7;
  g_assert_false (mp_risk_thresholds_validate (&t, &error));
  g_assert_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE);

  /* Shipped: Ghana 0.567 low, Morocco 0.247 medium, Egypt 0.129 high,
   * Pakistan 0.199 high, the Netherlands 0.761 low; Tunisia 0.258 would be
   * medium but its override makes it high. */
  g_assert_cmpint (mp_partner_risk (partner (ref, "GHA"), NULL, &basis), ==, MP_RISK_LOW);
  g_assert_cmpint (basis, ==, MP_RISK_BASIS_INDEX);
  g_assert_cmpint (mp_partner_risk (partner (ref, "MAR"), NULL, NULL), ==, MP_RISK_MEDIUM);
  g_assert_cmpint (mp_partner_risk (partner (ref, "EGY"), NULL, NULL), ==, MP_RISK_HIGH);
  g_assert_cmpint (mp_partner_risk (partner (ref, "PAK"), NULL, NULL), ==, MP_RISK_HIGH);
  g_assert_cmpint (mp_partner_risk (partner (ref, "NLD"), NULL, NULL), ==, MP_RISK_LOW);
  g_assert_cmpint (mp_partner_risk (partner (ref, "TUN"), NULL, &basis), ==, MP_RISK_HIGH);
  g_assert_cmpint (basis, ==, MP_RISK_BASIS_OVERRIDE);
  g_assert_cmpint (mp_risk_classify (partner (ref, "TUN")->ind[MP_IND_VDEM_LIBDEM].value, NULL),
                   ==, MP_RISK_MEDIUM);

  mp_value_clear (&partner (ref, "GHA")->ind[MP_IND_VDEM_LIBDEM]);
  g_assert_cmpint (mp_partner_risk (partner (ref, "GHA"), NULL, &basis), ==, MP_RISK_HIGH);
  g_assert_cmpint (basis, ==, MP_RISK_BASIS_NO_DATA);
}

/* ---- CSV ---------------------------------------------------------------- */

static void
test_csv_round_trip (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize len = 0;

  csv = mp_reference_to_csv (ref, &len);
  g_assert_cmpuint (len, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (csv, MP_REFERENCE_CSV_HEADER "\n"));

  changes = parse_ok (ref, csv, len);
  g_assert_cmpuint (changes->len, ==, 0);

  /* The shipped indicators.csv is itself in the export format, byte for byte. */
  shipped = g_resources_lookup_data (RESOURCE_BASE "/reference/indicators.csv",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (csv, len, g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
}

static void
test_csv_changes (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  const MpIndicatorChange *c;
  MpPartner *mar = partner (ref, "MAR");
  const char *csv =
    "iso3,indicator,value,year,source\n"
    "MAR,youth_unemployment,23.5,2025,ILO modelled estimate 2025\n"
    "MAR,population,38430770,2025,World Bank WDI SP.POP.TOTL\n"   /* unchanged */
    "TCD,remittances_usd,12000000,2024,\"World Bank WDI, 2026 release\"\n"
    "NGA,vdem_libdem,,,withdrawn pending review\n";

  changes = parse_ok (ref, csv, -1);
  g_assert_cmpuint (changes->len, ==, 3);

  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->iso3, ==, "MAR");
  g_assert_cmpint (c->indicator, ==, MP_IND_YOUTH_UNEMPLOYMENT);
  g_assert_cmpfloat (c->old_value.value, ==, 22.37);
  g_assert_cmpint (c->old_value.year, ==, 2024);
  g_assert_cmpfloat (c->new_value.value, ==, 23.5);
  g_assert_cmpint (c->new_value.year, ==, 2025);
  g_assert_cmpstr (c->new_value.source, ==, "ILO modelled estimate 2025");
  g_assert_cmpuint (c->line, ==, 2);

  c = g_ptr_array_index (changes, 1);
  g_assert_true (isnan (c->old_value.value));
  g_assert_cmpstr (c->new_value.source, ==, "World Bank WDI, 2026 release");
  g_assert_cmpuint (c->line, ==, 4);

  c = g_ptr_array_index (changes, 2);
  g_assert_true (isnan (c->new_value.value));
  g_assert_cmpint (c->new_value.year, ==, 0);

  /* Parsing did not touch the reference. */
  g_assert_cmpfloat (mar->ind[MP_IND_YOUTH_UNEMPLOYMENT].value, ==, 22.37);

  g_assert_true (mp_reference_apply_changes (ref, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (mar->ind[MP_IND_YOUTH_UNEMPLOYMENT].value, ==, 23.5);
  g_assert_cmpint (mar->ind[MP_IND_YOUTH_UNEMPLOYMENT].year, ==, 2025);
  g_assert_false (mp_value_present (&partner (ref, "NGA")->ind[MP_IND_VDEM_LIBDEM]));

  again = parse_ok (ref, csv, -1);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_csv_apply_all_or_nothing (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *csv =
    "iso3,indicator,value,year,source\n"
    "MAR,youth_unemployment,23.5,2025,ILO\n"
    "TUN,youth_unemployment,37.0,2025,ILO\n";

  changes = parse_ok (ref, csv, -1);
  g_assert_cmpuint (changes->len, ==, 2);

  /* Someone edits Tunisia between the dry run and the application. */
  mp_value_set (&partner (ref, "TUN")->ind[MP_IND_YOUTH_UNEMPLOYMENT], 40, 2025, "edit");
  before = mp_reference_to_csv (ref, NULL);

  g_assert_false (mp_reference_apply_changes (ref, changes, &error));
  g_assert_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_STALE);

  /* Morocco, the first change, was not applied either. */
  after = mp_reference_to_csv (ref, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpfloat (partner (ref, "MAR")->ind[MP_IND_YOUTH_UNEMPLOYMENT].value, ==, 22.37);
}

static void
test_csv_accepted_forms (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GPtrArray) bom = NULL;
  g_autoptr(GPtrArray) comma = NULL;
  g_autoptr(GPtrArray) semicolon = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autofree char *semi_csv = NULL;
  const MpIndicatorChange *c;

  /* UTF-8 byte-order mark, CRLF line ends, lower-case codes, upper-case header. */
  bom = parse_ok (ref,
                  "\xef\xbb\xbfISO3,Indicator,Value,Year,Source\r\n"
                  "mar,median_age,30.1,2024,UN WPP 2024\r\n"
                  "\r\n", -1);
  g_assert_cmpuint (bom->len, ==, 1);
  c = g_ptr_array_index (bom, 0);
  g_assert_cmpstr (c->iso3, ==, "MAR");
  g_assert_cmpfloat (c->new_value.value, ==, 30.1);

  /* A decimal comma in a quoted field of a comma-separated file. */
  comma = parse_ok (ref,
                    "iso3,indicator,value,year,source\n"
                    "MAR,youth_unemployment,\"23,5\",2025,ILO\n", -1);
  c = g_ptr_array_index (comma, 0);
  g_assert_cmpfloat (c->new_value.value, ==, 23.5);

  /* A semicolon-separated file with decimal commas, as Excel writes it in
   * Dutch locales. */
  semicolon = parse_ok (ref,
                        "iso3;indicator;value;year;source\n"
                        "MAR;youth_unemployment;23,5;2025;ILO, modelled\n"
                        "TUN;vdem_libdem;0,2;2025;V-Dem v16\n", -1);
  g_assert_cmpuint (semicolon->len, ==, 2);
  c = g_ptr_array_index (semicolon, 0);
  g_assert_cmpfloat (c->new_value.value, ==, 23.5);
  g_assert_cmpstr (c->new_value.source, ==, "ILO, modelled");
  c = g_ptr_array_index (semicolon, 1);
  g_assert_cmpfloat (c->new_value.value, ==, 0.2);

  /* The whole export rewritten with ';' separators and decimal commas reads
   * back without changes. */
  {
    g_autofree char *csv = mp_reference_to_csv (ref, NULL);
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
    GString *out = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_auto(GStrv) f = g_strsplit (lines[i], ",", 5);
        char *dot = strchr (f[2], '.');

        if (dot != NULL)
          *dot = ',';
        /* Sources with separators are quoted by the export already. */
        g_string_append_printf (out, "%s;%s;%s;%s;%s\n", f[0], f[1], f[2], f[3], f[4]);
      }
    semi_csv = g_string_free (out, FALSE);
  }
  exported = parse_ok (ref, semi_csv, -1);
  g_assert_cmpuint (exported->len, ==, 0);
}

static void
test_csv_number_format (void)
{
  const double values[] = { 0.009, 66.35, 1e-05, 38430770, 137674533896.0, -4.2, 0.1 + 0.2,
                            1e-30, 6.02e23 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = mp_reference_format_number (values[i]);

      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, values[i]);
    }

  {
    g_autofree char *a = mp_reference_format_number (0.009);
    g_autofree char *b = mp_reference_format_number (66.35);
    g_autofree char *c = mp_reference_format_number (NAN);
    g_autofree char *d = mp_reference_format_number (38430770);
    g_autofree char *e = mp_reference_format_number (12e6);
    g_autofree char *f = mp_reference_format_number (1e-05);

    g_assert_cmpstr (a, ==, "0.009");
    g_assert_cmpstr (b, ==, "66.35");
    g_assert_cmpstr (c, ==, "");
    g_assert_cmpstr (d, ==, "38430770");
    g_assert_cmpstr (e, ==, "12000000");
    g_assert_cmpstr (f, ==, "0.00001");
  }
}

#define HEADER "iso3,indicator,value,year,source\n"

/* A one-line file after the header, refused with the error code and the line. */
#define REFUSED(csv, code, line) \
  assert_refused (ref, csv, -1, MP_REFERENCE_ERROR_ ## code, line)

static void
test_csv_refused (void)
{
  g_autoptr(MpReference) ref = load_default ();

  /* wrong header */
  assert_refused (ref, "country,indicator,value,year,source\nMAR,median_age,30,2024,x\n", -1,
                  MP_REFERENCE_ERROR_HEADER, 1);
  assert_refused (ref, "iso3,indicator,value\nMAR,median_age,30\n", -1,
                  MP_REFERENCE_ERROR_HEADER, 1);
  assert_refused (ref, "", 0, MP_REFERENCE_ERROR_HEADER, 1);
  /* short row */
  REFUSED (HEADER "MAR,median_age,30,2024,x\nMAR,population,1\n", SYNTAX, 3);
  /* an unquoted decimal comma makes six fields */
  REFUSED (HEADER "MAR,median_age,30,5,2024,x\n", SYNTAX, 2);
  /* text in number fields */
  REFUSED (HEADER "MAR,median_age,thirty,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,30 years,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,population,\"38,430,770\",2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,population,38.430.770,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,30,20x4,x\n", VALUE, 2);
  /* non-finite and absurd values */
  REFUSED (HEADER "MAR,median_age,nan,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,inf,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,1e999,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,population,-5,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,working_age_share,120,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,youth_unemployment,-1,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,vdem_libdem,1.5,2024,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,30,1800,x\n", VALUE, 2);
  /* a value needs its year and its source; a year needs a value */
  REFUSED (HEADER "MAR,median_age,30,,x\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,30,2024,\n", VALUE, 2);
  REFUSED (HEADER "MAR,median_age,,2024,x\n", VALUE, 2);
  /* duplicate rows: the second one is reported */
  REFUSED (HEADER "MAR,median_age,30,2024,x\n"
           "TUN,median_age,33,2024,x\n"
           "MAR,median_age,31,2024,x\n", DUPLICATE, 4);
  /* unknown ISO codes and indicators */
  REFUSED (HEADER "XYZ,median_age,30,2024,x\n", UNKNOWN_PARTNER, 2);
  REFUSED (HEADER "MA,median_age,30,2024,x\n", UNKNOWN_PARTNER, 2);
  REFUSED (HEADER "MAR,happiness,30,2024,x\n", UNKNOWN_INDICATOR, 2);
  /* bad quoting */
  REFUSED (HEADER "MAR,median_age,30,2024,\"unclosed\n", SYNTAX, 2);
  REFUSED (HEADER "MAR,median_age,30,2024,say \"hi\"\n", SYNTAX, 2);
  /* invalid UTF-8 (Latin-1 “é”) on line 3, and a NUL byte on line 2 */
  REFUSED (HEADER "MAR,median_age,30,2024,x\nTUN,median_age,33,2024,caf\xe9\n", ENCODING, 3);
  assert_refused (ref, HEADER "MAR,median_age,30\0,2024,x\n",
                  sizeof HEADER "MAR,median_age,30\0,2024,x\n" - 1, MP_REFERENCE_ERROR_ENCODING, 2);
  /* UTF-16 */
  assert_refused (ref, "\xff\xfei\0s\0o\0", 8, MP_REFERENCE_ERROR_ENCODING, 1);
}

static void
test_csv_many_problems (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  /* 30 bad rows: the first 20 are listed, then a count. */
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (csv, "%s,median_age,thirty,2024,x\n",
                            ((MpPartner *) g_ptr_array_index (ref->partners, i))->iso3);

  g_assert_false (mp_reference_parse_csv (ref, csv->str, csv->len, &changes, &error));
  g_assert_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "30 problems"));
  g_assert_nonnull (strstr (error->message, "line 2:"));
  g_assert_nonnull (strstr (error->message, "line 21:"));
  g_assert_null (strstr (error->message, "line 22:"));
  g_assert_nonnull (strstr (error->message, "10 more problems"));
}

static void
test_csv_garbage (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *path = NULL;
  gsize big = 50 * 1024 * 1024;
  gsize small = 1024 * 1024;
  char *garbage = g_malloc (big);
  gint64 start;

  for (gsize i = 0; i < big; i += 4)
    {
      guint32 r = g_rand_int (rand);

      memcpy (garbage + i, &r, 4);
    }

  /* 50 MB of garbage is refused from its size, before it is parsed. */
  start = g_get_monotonic_time ();
  assert_refused (ref, garbage, big, MP_REFERENCE_ERROR_TOO_LARGE, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* The same as a file: refused from its size alone. */
  path = g_build_filename (g_get_tmp_dir (), "garbage.csv", NULL);
  g_assert_true (g_file_set_contents (path, garbage, big, NULL));
  start = g_get_monotonic_time ();
  g_assert_false (mp_reference_parse_csv_file (ref, path, &changes, &error));
  g_assert_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_null (changes);
  g_unlink (path);
  g_clear_error (&error);

  /* 1 MB of garbage, under the limit, is refused with a line number. */
  g_assert_false (mp_reference_parse_csv (ref, garbage, small, &changes, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line "));

  g_free (garbage);
}

static void
test_csv_file (void)
{
  g_autoptr(MpReference) ref = load_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "update.csv", NULL);

  g_assert_true (g_file_set_contents (path, HEADER "EGY,median_age,24.5,2024,UN WPP\n", -1, NULL));
  g_assert_true (mp_reference_parse_csv_file (ref, path, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_unlink (path);

  g_assert_false (mp_reference_parse_csv_file (ref, path, &changes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/reference/shipped/loads", test_shipped_loads);
  g_test_add_func ("/models/reference/shipped/sourced", test_shipped_sourced);
  g_test_add_func ("/models/reference/shipped/independent", test_shipped_independent);
  g_test_add_func ("/models/reference/ddi/hand-computed", test_ddi_hand_computed);
  g_test_add_func ("/models/reference/ddi/missing-component", test_ddi_missing_component);
  g_test_add_func ("/models/reference/ddi/shipped", test_ddi_shipped);
  g_test_add_func ("/models/reference/risk/classes", test_risk_classes);
  g_test_add_func ("/models/reference/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/models/reference/csv/changes", test_csv_changes);
  g_test_add_func ("/models/reference/csv/apply-all-or-nothing", test_csv_apply_all_or_nothing);
  g_test_add_func ("/models/reference/csv/accepted-forms", test_csv_accepted_forms);
  g_test_add_func ("/models/reference/csv/number-format", test_csv_number_format);
  g_test_add_func ("/models/reference/csv/refused", test_csv_refused);
  g_test_add_func ("/models/reference/csv/many-problems", test_csv_many_problems);
  g_test_add_func ("/models/reference/csv/garbage", test_csv_garbage);
  g_test_add_func ("/models/reference/csv/file", test_csv_file);

  return g_test_run ();
}
