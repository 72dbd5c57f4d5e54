/* test-brief.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-assumptions.h"
#include "mp-brief.h"
#include "mp-document.h"
#include "mp-evaluation.h"
#include "mp-i18n.h"
#include "mp-json.h"
#include "mp-reference.h"

/* The workbooks are read back by tests/check-brief.py (openpyxl), an
 * independent reader.  This program computes what they must say from the
 * model (the evaluation of the package) and passes it to the checker in a
 * JSON sidecar; nothing is hard-coded but the brief's own labels. */

/* User text that a spreadsheet would take for a formula or control text. */
static const char * const hostile[] = {
  "=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx",
};

static MpReference *reference;
static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static MpScheme *
make_scheme (const char   *name,
             MpSchemeKind  kind,
             const char   *sector,
             double        quota,
             int           months,
             int           stays)
{
  MpScheme *s = mp_scheme_new ();

  s->name = g_strdup (name);
  s->kind = kind;
  s->partner = g_strdup ("MAR");
  s->sector = g_strdup (sector);
  s->quota = quota;
  s->first_year = 2027;
  s->intake_years = 3;
  s->months = months;
  s->stays = stays;
  s->mandatory_return = kind == MP_SCHEME_CIRCULAR || kind == MP_SCHEME_SEASONAL;
  s->training_months = 2;
  s->home_track_ratio = kind == MP_SCHEME_TALENT_PARTNERSHIP ? 1 : 0;
  s->cost_per_participant = 3000;
  s->employer_share = 0.5;
  s->language_support = TRUE;
  s->complaints_channel = TRUE;
  s->reintegration_support = TRUE;
  s->return_incentives = TRUE;
  return s;
}

/* A package for Morocco whose scheme names are the hostile strings, with a
 * description holding a control character, invalid UTF-8 and a literal
 * OOXML escape. */
static MpPackage *
make_package (const char *name,
              double      scale)
{
  MpPackage *p = mp_package_new (name);
  static const MpSchemeKind kinds[] = {
    MP_SCHEME_CIRCULAR, MP_SCHEME_SEASONAL, MP_SCHEME_TALENT_PARTNERSHIP,
    MP_SCHEME_TRAINEE, MP_SCHEME_CIRCULAR, MP_SCHEME_SEASONAL,
  };
  static const char * const sectors[] = {
    "agriculture_horticulture", "agriculture_horticulture", "ict",
    "food_processing", "construction", "hospitality",
  };
  MpOffer *o;
  MpAsk *a;
  MpTranche *t;

  g_free (p->description);
  p->description = g_strdup ("A test package: control \x01 character, invalid \xff UTF-8, literal _x0041_ escape.");
  g_strfreev (p->partners);
  p->partners = g_strsplit ("MAR", ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_add (p->schemes, make_scheme (hostile[i], kinds[i], sectors[i], 100 * scale * (i + 1),
                                              kinds[i] == MP_SCHEME_SEASONAL ? 6 : 12,
                                              kinds[i] == MP_SCHEME_TALENT_PARTNERSHIP ? 4 : 2));

  o = mp_offer_new ();
  o->kind = MP_OFFER_INVESTMENT;
  o->partner = g_strdup ("MAR");
  o->amount = 2e6;
  o->note = g_strdup ("=HYPERLINK(\"http://example.invalid\",\"click\")");
  g_ptr_array_add (p->offers, o);

  a = mp_ask_new ();
  a->kind = MP_ASK_RETURN_READMISSION;
  a->partner = g_strdup ("MAR");
  a->returns_low = 50;
  a->returns_mode = 150;
  a->returns_high = 400;
  g_ptr_array_add (p->asks, a);

  t = mp_tranche_new ();
  t->label = g_strdup ("@tranche");
  t->scheme = g_strdup (hostile[0]);
  t->release_year = 2028;
  t->extra_quota = 50;
  t->condition = MP_ASK_RETURN_READMISSION;
  g_ptr_array_add (p->tranches, t);

  p->draws = 300;
  return p;
}

static MpEvaluation *
evaluate (const MpPackage *pkg,
          gboolean         uncertainty)
{
  g_autoptr(GError) error = NULL;
  MpEvaluation *eval = mp_evaluate (pkg, reference, &error);

  g_assert_no_error (error);
  g_assert_nonnull (eval);
  if (uncertainty)
    {
      g_assert_true (mp_evaluation_run_uncertainty (eval, pkg, reference, pkg->draws, pkg->seed,
                                                    NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return eval;
}

/* ---- Sidecar helpers ---------------------------------------------------- */

static void
add_labelled (JsonBuilder *b,
              const char  *sheet,
              const char  *label,
              int          col,
              double       value,
              gboolean     formula)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, sheet);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_set_member_name (b, "col");
  json_builder_add_int_value (b, col);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  json_builder_set_member_name (b, "formula");
  json_builder_add_boolean_value (b, formula);
  json_builder_end_object (b);
}

/* A total in the row labelled @label under the column @header; @prefix
 * starts its formula (NULL: "=SUM("). */
static void
add_total_full (JsonBuilder *b,
                const char  *sheet,
                const char  *header,
                const char  *label,
                const char  *prefix,
                double       value)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, sheet);
  json_builder_set_member_name (b, "header");
  json_builder_add_string_value (b, header);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  if (prefix != NULL)
    {
      json_builder_set_member_name (b, "prefix");
      json_builder_add_string_value (b, prefix);
    }
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  json_builder_end_object (b);
}

static void
add_total (JsonBuilder *b,
           const char  *sheet,
           const char  *header,
           double       value)
{
  add_total_full (b, sheet, header, "Total", NULL, value);
}

static void
add_string_map (JsonBuilder        *b,
                const char         *member,
                const char * const *pairs)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      json_builder_set_member_name (b, pairs[i]);
      json_builder_add_string_value (b, pairs[i + 1]);
    }
  json_builder_end_object (b);
}

static void
add_int_map (JsonBuilder        *b,
             const char         *member,
             const char * const *keys,
             const int          *values,
             guint               n)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_int_value (b, values[i]);
    }
  json_builder_end_object (b);
}

static void
add_strv (JsonBuilder        *b,
          const char         *member,
          const char * const *values,
          guint               n)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* Runs check-brief.py on the sidecar; fails the test with its output. */
static void
run_checker (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *sidecar = tmp_path ("expected.json");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-brief.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *python = g_getenv ("MP_PYTHON") != NULL ? g_getenv ("MP_PYTHON") : "/usr/bin/python3";
  const char *argv[] = { python, script, sidecar, NULL };
  int status = 0;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  g_assert_true (json_generator_to_file (gen, sidecar, &error));
  g_assert_no_error (error);

  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-openpyxl is not installed");
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *failures = NULL;
      g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
      GString *f = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "not ok") || g_str_has_prefix (lines[i], "#"))
          g_string_append_printf (f, "%s\n", lines[i]);
      failures = g_string_free (f, FALSE);
      g_test_message ("check-brief.py:\n%s\n%s", failures, err);
      g_test_fail ();
    }
  else
    {
      g_auto(GStrv) lines = g_strsplit (out, "\n", 2);
      g_test_message ("check-brief.py: all %s checks passed", lines[0] != NULL ? lines[0] + 3 : "?");
    }
}

static double
sum_years (const MpEvaluation *eval,
           gsize               offset)
{
  double sum = 0;

  for (int t = 0; t < eval->n_years; t++)
    sum += G_STRUCT_MEMBER (double, &eval->total[t], offset);
  return sum;
}

/* The expectations of a one-package brief in English. */
static void
describe_brief (JsonBuilder        *b,
                const char         *path,
                const char         *name,
                const MpPackage    *pkg,
                const MpEvaluation *eval,
                gboolean            dutch)
{
  const char *sheets_en[] = { "Brief", "Offer", "Projection", "Scores", "Safeguards", "Uncertainty", "Partner", "Assumptions" };
  const char *sheets_nl[] = { "Notitie", "Aanbod", "Projectie", "Scores", "Waarborgen", "Onzekerheid", "Partner", "Aannames" };
  const char **sheets = dutch ? sheets_nl : sheets_en;
  const int charts[] = { 0, 0, 2, 0, 0, eval->has_uncertainty ? 1 : 0, 0, 0 };
  const char *orientation[] = {
    sheets[0], "portrait", sheets[1], "landscape", sheets[2], "landscape", sheets[3], "portrait",
    sheets[4], "landscape", sheets[5], "portrait", sheets[6], "landscape", sheets[7], "landscape", NULL,
  };
  const char *freeze[] = { sheets[1], "B6", sheets[2], "B6", sheets[7], "B5", NULL };
  double quota = 0;

  for (guint i = 0; i < pkg->schemes->len; i++)
    quota += ((MpScheme *) g_ptr_array_index (pkg->schemes, i))->quota;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  add_strv (b, "sheets", sheets, 8);
  add_int_map (b, "charts", sheets, charts, 8);
  add_string_map (b, "orientation", orientation);
  add_string_map (b, "freeze", freeze);
  json_builder_set_member_name (b, "fit_height");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, sheets[0]);
  json_builder_add_int_value (b, 1);
  json_builder_end_object (b);
  {
    const char *titles[] = { sheets[1], sheets[2], sheets[5], sheets[7] };
    add_strv (b, "print_titles", titles, eval->has_uncertainty ? 4 : 2);
  }
  {
    const char *keys[] = { sheets[1], sheets[2], sheets[7] };
    const int n[] = { 4, 1, 1 };
    add_int_map (b, "tables", keys, n, 3);
  }
  json_builder_set_member_name (b, "header");
  json_builder_add_string_value (b, "Hostile =1+1 package");
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, "2026-05-04");
  json_builder_set_member_name (b, "title_contains");
  json_builder_add_string_value (b, "Hostile =1+1 package");
  json_builder_set_member_name (b, "creator");
  json_builder_add_string_value (b, "=Test Author");
  json_builder_set_member_name (b, "min_formulas");
  json_builder_add_int_value (b, 20);

  json_builder_set_member_name (b, "labelled");
  json_builder_begin_array (b);
  if (!dutch)
    {
      /* Cover (column B), then the scores. */
      add_labelled (b, "Brief", "Admissions a year (mean over the intake years)", 2, eval->headline[MP_HEADLINE_ADMISSIONS], FALSE);
      add_labelled (b, "Brief", "Person-years over the horizon", 2, eval->headline[MP_HEADLINE_PERSON_YEARS], TRUE);
      add_labelled (b, "Brief", "Remittances, € a year (mean)", 2, eval->headline[MP_HEADLINE_REMITTANCES], FALSE);
      add_labelled (b, "Brief", "Net-migration contribution (cumulative)", 2, eval->headline[MP_HEADLINE_NET_MIGRATION], FALSE);
      add_labelled (b, "Brief", "Partner-interest fit (0–100)", 2, eval->headline[MP_HEADLINE_FIT], TRUE);
      add_labelled (b, "Brief", "Netherlands benefit (0–100)", 2, eval->headline[MP_HEADLINE_NL_BENEFIT], TRUE);
      add_labelled (b, "Brief", "Balance (fit − NL benefit)", 2, eval->headline[MP_HEADLINE_BALANCE], TRUE);
      add_labelled (b, "Brief", "Public cost over the horizon (€)", 2, eval->headline[MP_HEADLINE_COST_PUBLIC], TRUE);
      if (eval->has_uncertainty)
        {
          add_labelled (b, "Brief", "Person-years over the horizon", 3, eval->quantiles[MP_HEADLINE_PERSON_YEARS].p10, FALSE);
          add_labelled (b, "Brief", "Person-years over the horizon", 4, eval->quantiles[MP_HEADLINE_PERSON_YEARS].p90, FALSE);
          add_labelled (b, "Uncertainty", "Partner-interest fit (0–100)", 4, eval->quantiles[MP_HEADLINE_FIT].p50, FALSE);
        }
      add_labelled (b, "Scores", "Partner-interest fit (0–100)", 7, eval->headline[MP_HEADLINE_FIT], TRUE);
      add_labelled (b, "Scores", "Netherlands benefit (0–100)", 7, eval->headline[MP_HEADLINE_NL_BENEFIT], TRUE);
      add_labelled (b, "Scores", "Balance (fit − NL benefit)", 7, eval->headline[MP_HEADLINE_BALANCE], TRUE);
      add_labelled (b, "Safeguards", "Block", 2, eval->n_blocks, TRUE);
      add_labelled (b, "Safeguards", "Warning", 2, eval->n_warnings, TRUE);
      add_labelled (b, "Safeguards", "Note", 2, eval->n_notes, TRUE);
    }
  else
    {
      add_labelled (b, "Notitie", "Persoonsjaren over de horizon", 2, eval->headline[MP_HEADLINE_PERSON_YEARS], TRUE);
      add_labelled (b, "Notitie", "Balans (aansluiting − NL-belang)", 2, eval->headline[MP_HEADLINE_BALANCE], TRUE);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_array (b);
  if (!dutch)
    {
      /* Σ quotas written by hand: 100 + 200 + … + 600 = 2,100 (scale 1). */
      add_total (b, "Offer", "Quota a year", quota);
      add_total (b, "Offer", "Person-years", eval->headline[MP_HEADLINE_PERSON_YEARS]);
      add_total (b, "Projection", "Person-years, total", eval->headline[MP_HEADLINE_PERSON_YEARS]);
      add_total (b, "Projection", "Remittances (€)", sum_years (eval, G_STRUCT_OFFSET (MpYear, remittances)));
      add_total (b, "Projection", "Public cost (€)", eval->headline[MP_HEADLINE_COST_PUBLIC]);
      /* Each column declares its total: a sum, or the last year's value of
       * a cumulative flow. */
      add_total (b, "Offer", "Remittances (€)", sum_years (eval, G_STRUCT_OFFSET (MpYear, remittances)));
      add_total_full (b, "Projection", "Net migration (cumulative)", "Total", "=",
                      eval->total[eval->n_years - 1].net_migration);
    }
  else
    {
      /* The Dutch texts come from po/nl.po, some with a context. */
      add_total_full (b, "Aanbod", "Quotum per jaar", "Totaal", NULL, quota);
      add_total_full (b, "Projectie", "Persoonsjaren, totaal", "Totaal", NULL,
                      eval->headline[MP_HEADLINE_PERSON_YEARS]);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  if (!dutch)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "sheet");
      json_builder_add_string_value (b, "Projection");
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, "Person-years, total");
      json_builder_set_member_name (b, "formula");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "values");
      json_builder_begin_array (b);
      for (int t = 0; t < eval->n_years; t++)
        json_builder_add_double_value (b, eval->total[t].person_years);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "strings");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, sheets[1]);
  add_strv (b, "values", hostile, G_N_ELEMENTS (hostile));
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "contains");
  json_builder_begin_array (b);
  {
    /* U+FFFD for the control character and the invalid byte; the literal
     * "_x0041_" survives instead of turning into "A". */
    const char *texts[] = { "control \xef\xbf\xbd character, invalid \xef\xbf\xbd UTF-8", "literal _x0041_ escape" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "sheet");
        json_builder_add_string_value (b, sheets[0]);
        json_builder_set_member_name (b, "text");
        json_builder_add_string_value (b, texts[i]);
        json_builder_end_object (b);
      }
    if (!eval->has_uncertainty)
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "sheet");
        json_builder_add_string_value (b, sheets[5]);
        json_builder_set_member_name (b, "text");
        json_builder_add_string_value (b, "No uncertainty analysis was run");
        json_builder_end_object (b);
      }
    if (dutch)
      {
        /* Texts of po/nl.po, two of them with a context ("Note" of an ask
         * is "Toelichting", not the severity "Opmerking"). */
        const char *dutch_texts[][2] = {
          { "Notitie", "Onderhandelingsnotitie" },
          { "Aanbod", "Toelichting" },
          { "Aanbod", "Vraag" },
          { "Waarborgen", "Vorm" },
          { "Scores", "Wijzig een gewicht en de score volgt." },
        };

        for (guint i = 0; i < G_N_ELEMENTS (dutch_texts); i++)
          {
            json_builder_begin_object (b);
            json_builder_set_member_name (b, "sheet");
            json_builder_add_string_value (b, dutch_texts[i][0]);
            json_builder_set_member_name (b, "text");
            json_builder_add_string_value (b, dutch_texts[i][1]);
            json_builder_end_object (b);
          }
      }
  }
  json_builder_end_array (b);

  add_strv (b, "never_in_formulas", hostile, G_N_ELEMENTS (hostile));
  {
    /* In the file: the escape that keeps "_x0041_" literal, the carriage
     * return as the escape XML needs. */
    const char *raw[] = { "literal _x005F_x0041_ escape", "_x000D_x" };
    add_strv (b, "raw_strings", raw, G_N_ELEMENTS (raw));
  }
  json_builder_end_object (b);
}

static void
write_brief (const MpPackage    *pkg,
             const MpEvaluation *eval,
             const char         *lang,
             const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 5, 4, 9, 0, 0);
  MpBriefOptions opts = { lang, date, "=Test Author" };

  g_assert_true (mp_brief_write (pkg, eval, reference, &opts, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_brief_read_back (void)
{
  g_autoptr(MpPackage) pkg = make_package ("Hostile =1+1 package & partners &G", 1);
  g_autoptr(MpEvaluation) eval = evaluate (pkg, TRUE);
  g_autoptr(MpEvaluation) plain = evaluate (pkg, FALSE);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *en = tmp_path ("brief-en.xlsx");
  g_autofree char *nl = tmp_path ("brief-nl.xlsx");
  g_autofree char *det = tmp_path ("brief-deterministic.xlsx");

  write_brief (pkg, eval, "en", en);
  write_brief (pkg, eval, "nl", nl);
  write_brief (pkg, plain, "en", det);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  describe_brief (b, en, "brief (en)", pkg, eval, FALSE);
  describe_brief (b, nl, "brief (nl)", pkg, eval, TRUE);
  describe_brief (b, det, "brief without uncertainty", pkg, plain, FALSE);
  json_builder_end_array (b);
  json_builder_end_object (b);
  run_checker (b);
}

static void
test_comparison_read_back (void)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(GPtrArray) evals = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_evaluation_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 5, 4, 9, 0, 0);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *path = tmp_path ("comparison.xlsx");
  MpBriefOptions opts = { "en", date, "=Test Author" };
  const char *names[] = { "Hostile =1+1 package", "+small", "@large" };
  const char *sheets[] = { "Comparison", "Deal map", "Person-years" };
  const int charts[] = { 0, 1, 1 };
  const char *orientation[] = { "Comparison", "portrait", "Deal map", "landscape", "Person-years", "portrait", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MpPackage *pkg = make_package (names[i], 0.5 + i);

      g_ptr_array_add (packages, pkg);
      g_ptr_array_add (evals, evaluate (pkg, i != 1));
    }
  g_assert_true (mp_brief_write_comparison (packages, evals, reference, &opts, path, &error));
  g_assert_no_error (error);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "comparison");
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  add_strv (b, "sheets", sheets, 3);
  add_int_map (b, "charts", sheets, charts, 3);
  add_string_map (b, "orientation", orientation);
  json_builder_set_member_name (b, "fit_height");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Deal map");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "Person-years");
  json_builder_add_int_value (b, 1);
  json_builder_end_object (b);
  add_strv (b, "print_titles", sheets, 3);
  json_builder_set_member_name (b, "header");
  json_builder_add_string_value (b, "Comparison of 3 packages");
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, "2026-05-04");
  json_builder_set_member_name (b, "creator");
  json_builder_add_string_value (b, "=Test Author");
  json_builder_set_member_name (b, "min_formulas");
  json_builder_add_int_value (b, 9);

  json_builder_set_member_name (b, "labelled");
  json_builder_begin_array (b);
  for (guint i = 0; i < packages->len; i++)
    {
      const MpEvaluation *e = g_ptr_array_index (evals, i);

      add_labelled (b, "Comparison", "Partner-interest fit (0–100)", 2 + i, e->headline[MP_HEADLINE_FIT], FALSE);
      add_labelled (b, "Comparison", "Netherlands benefit (0–100)", 2 + i, e->headline[MP_HEADLINE_NL_BENEFIT], FALSE);
      add_labelled (b, "Comparison", "Balance (fit − NL benefit)", 2 + i, e->headline[MP_HEADLINE_BALANCE], TRUE);
      add_labelled (b, "Comparison", "Person-years over the horizon", 2 + i, e->headline[MP_HEADLINE_PERSON_YEARS], FALSE);
      add_labelled (b, "Deal map", names[i], 2, e->headline[MP_HEADLINE_NL_BENEFIT], FALSE);
      add_labelled (b, "Deal map", names[i], 3, e->headline[MP_HEADLINE_FIT], FALSE);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_array (b);
  for (guint i = 0; i < packages->len; i++)
    {
      const MpEvaluation *e = g_ptr_array_index (evals, i);

      add_total (b, "Person-years", names[i], e->headline[MP_HEADLINE_PERSON_YEARS]);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "strings");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, "Deal map");
  add_strv (b, "values", names, G_N_ELEMENTS (names));
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_strv (b, "never_in_formulas", names, G_N_ELEMENTS (names));
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  run_checker (b);
}

/* No file at @path and no temporary file left in @dir. */
static void
assert_nothing_left (const char *dir,
                     const char *path)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

static void
test_error_unwritable (void)
{
  g_autoptr(MpPackage) pkg = make_package ("Errors", 1);
  g_autoptr(MpEvaluation) eval = evaluate (pkg, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tmp_path ("errors");
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *under_file = g_build_filename (file, "brief.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "brief.xlsx", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));

  /* The parent is a file (ENOTDIR), even for root. */
  g_assert_false (mp_brief_write (pkg, eval, reference, NULL, under_file, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, under_file));
  g_assert_false (g_file_test (under_file, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The folder does not exist. */
  g_assert_false (mp_brief_write (pkg, eval, reference, NULL, missing, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO);
  g_clear_error (&error);

  /* The destination is a folder. */
  g_assert_false (mp_brief_write (pkg, eval, reference, NULL, dir, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO);
  g_clear_error (&error);
  assert_nothing_left (dir, missing);

  /* A read-only folder (root may write anyway). */
  if (geteuid () != 0)
    {
      g_autofree char *ro = tmp_path ("read-only");
      g_autofree char *target = g_build_filename (ro, "brief.xlsx", NULL);

      g_assert_cmpint (g_mkdir_with_parents (ro, 0500), ==, 0);
      g_assert_false (mp_brief_write (pkg, eval, reference, NULL, target, &error));
      g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO);
      g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
      assert_nothing_left (ro, target);
      g_chmod (ro, 0700);
    }
}

/* A disk that fills up while the workbook is written: simulated with a file
 * size limit, in a subprocess.  The file that was at the destination must
 * survive unchanged and no temporary file may be left. */
static void
test_error_disk_full (void)
{
  g_autofree char *dir = tmp_path ("full");
  g_autofree char *path = g_build_filename (dir, "brief.xlsx", NULL);
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(MpPackage) pkg = make_package ("Disk full", 1);
      g_autoptr(MpEvaluation) eval = evaluate (pkg, FALSE);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 2048, 2048 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (mp_brief_write (pkg, eval, reference, NULL, path, &error));
      g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO);
      g_printerr ("%s\n", error->message);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the previous brief", -1, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Cannot write the brief*");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous brief");
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name, ==, "brief.xlsx");
  }
}

static void
test_error_arguments (void)
{
  g_autoptr(MpPackage) pkg = make_package ("Arguments", 1);
  g_autoptr(MpEvaluation) eval = evaluate (pkg, FALSE);
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(GPtrArray) evals = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("arguments.xlsx");
  MpBriefOptions opts = { "fr", NULL, NULL };

  g_assert_false (mp_brief_write (pkg, eval, reference, &opts, path, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* 1 and 9 packages are refused; so are evaluations that do not match. */
  g_ptr_array_add (packages, pkg);
  g_ptr_array_add (evals, eval);
  g_assert_false (mp_brief_write_comparison (packages, evals, reference, NULL, path, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  for (int i = 0; i < 8; i++)
    {
      g_ptr_array_add (packages, pkg);
      g_ptr_array_add (evals, eval);
    }
  g_assert_false (mp_brief_write_comparison (packages, evals, reference, NULL, path, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (packages, 3);
  g_ptr_array_set_size (evals, 2);
  g_assert_false (mp_brief_write_comparison (packages, evals, reference, NULL, path, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (mp_brief_language_valid ("en"));
  g_assert_true (mp_brief_language_valid ("nl"));
  g_assert_false (mp_brief_language_valid ("NL"));
  g_assert_false (mp_brief_language_valid (NULL));
}

static void
test_clean_text (void)
{
  g_autofree char *a = mp_brief_clean_text ("a\x01" "b\xff" "c");
  g_autofree char *b = mp_brief_clean_text ("_x0041_ and _x12_");
  g_autofree char *c = mp_brief_clean_text ("\tx\ry\nz=1+1");
  g_autofree char *d = mp_brief_clean_text ("\xef\xbf\xbe");   /* U+FFFE: not a character XML allows */
  g_autofree char *e = mp_brief_clean_text (NULL);
  GString *big = g_string_new (NULL);
  g_autofree char *capped = NULL;

  g_assert_cmpstr (a, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
  g_assert_cmpstr (b, ==, "_x005F_x0041_ and _x12_");
  g_assert_cmpstr (c, ==, "\tx\ry\nz=1+1");
  g_assert_cmpstr (d, ==, "\xef\xbf\xbd");
  g_assert_cmpstr (e, ==, "");

  /* Excel's limit: 32,767 characters in a cell (the last one an ellipsis). */
  for (int i = 0; i < 40000; i++)
    g_string_append (big, "é");
  capped = mp_brief_clean_text (big->str);
  g_assert_cmpint (g_utf8_strlen (capped, -1), ==, 32767);
  g_assert_true (g_str_has_suffix (capped, "…"));
  g_string_free (big, TRUE);
}

static void
test_file_is_zip (void)
{
  g_autoptr(MpPackage) pkg = make_package ("Zip", 1);
  g_autoptr(MpEvaluation) eval = evaluate (pkg, FALSE);
  g_autofree char *path = tmp_path ("zip.xlsx");
  g_autofree char *nothing = tmp_path ("nothing");
  g_autofree char *contents = NULL;
  gsize len = 0;

  write_brief (pkg, eval, "en", path);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "PK\3\4", 4);

  /* Writing again replaces the file. */
  write_brief (pkg, eval, "nl", path);
  assert_nothing_left (tmpdir, nothing);
}

/* ---- The export path ----------------------------------------------------- */

static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* The export of the application and the command line: it evaluates in the
 * brief's language, writes, reports its progress and leaves the thread's
 * language as it was. */
static void
test_export (void)
{
  g_autoptr(MpPackage) pkg = make_package ("Export", 1);
  g_autoptr(MpPackage) other = make_package ("Other", 2);
  g_autoptr(MpPackage) broken = make_package ("Broken", 1);
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 5, 4, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("export.xlsx");
  g_autofree char *cmp = tmp_path ("export-compare.xlsx");
  MpBriefOptions opts = { "nl", date, NULL };
  double progress = 0;

  pkg->draws = 50;
  mp_i18n_set_thread_language ("en");
  g_assert_true (mp_brief_export_package (pkg, reference, &opts, MP_BRIEF_PACKAGE_DRAWS, path, NULL,
                                          record_progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, ==, 1.0);
  g_assert_cmpstr (mp_i18n_get_thread_language (), ==, "en");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Cancelled: nothing is written, the file there stays. */
  g_cancellable_cancel (cancelled);
  g_assert_false (mp_brief_export_package (other, reference, &opts, 100, path, cancelled, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A package that cannot be evaluated is invalid input; so is a language. */
  g_free (((MpScheme *) g_ptr_array_index (broken->schemes, 0))->partner);
  ((MpScheme *) g_ptr_array_index (broken->schemes, 0))->partner = g_strdup ("ZZZ");
  g_assert_false (mp_brief_export_package (broken, reference, &opts, 0, cmp, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Broken"));
  g_clear_error (&error);
  opts.language = "fr";
  g_assert_false (mp_brief_export_package (pkg, reference, &opts, 0, cmp, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  opts.language = "nl";

  /* A comparison takes 2 to 8 packages. */
  g_ptr_array_add (packages, pkg);
  g_assert_false (mp_brief_export_comparison (packages, reference, &opts, 0, cmp, NULL, NULL, NULL, &error));
  g_assert_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (cmp, G_FILE_TEST_EXISTS));
  g_ptr_array_add (packages, other);
  progress = 0;
  mp_i18n_set_thread_language (NULL);
  g_assert_true (mp_brief_export_comparison (packages, reference, &opts, 0, cmp, NULL,
                                             record_progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, ==, 1.0);
  g_assert_null (mp_i18n_get_thread_language ());
  g_assert_true (g_file_test (cmp, G_FILE_TEST_IS_REGULAR));
}

/* ---- The command line ---------------------------------------------------- */

static int
run_cli (const char * const *args,
         char              **err_out)
{
  const char *cli = g_getenv ("MP_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err_out, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = tmp_path ("cli.json");
  g_autofree char *json = NULL;
  g_autofree char *out = tmp_path ("cli-brief.xlsx");
  g_autofree char *cmp = tmp_path ("cli-compare.xlsx");
  g_autofree char *bad = tmp_path ("cli-bad.xlsx");
  g_autofree char *blocked = g_build_filename (json_path, "x.xlsx", NULL);
  g_autofree char *doc_path = tmp_path ("demo.mplan");
  g_autofree char *doc_out = tmp_path ("cli-doc.xlsx");
  g_autofree char *err = NULL;

  if (g_getenv ("MP_CLI") == NULL)
    {
      g_test_skip ("MP_CLI is not set");
      return;
    }

  g_ptr_array_add (packages, make_package ("First =1+1", 1));
  g_ptr_array_add (packages, make_package ("Second", 2));
  /* JSON files are UTF-8: the invalid byte of the description goes. */
  for (guint i = 0; i < packages->len; i++)
    {
      MpPackage *p = g_ptr_array_index (packages, i);

      g_free (p->description);
      p->description = g_strdup ("Written as JSON for the command line.");
    }
  json = mp_json_write_packages (packages, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));

  {
    const char *args[] = { "export-brief", json_path, "--package", "First =1+1", "-o", out, "--lang", "nl",
                           "--date", "2026-05-04", "--draws", "100", NULL };
    g_assert_cmpint (run_cli (args, NULL), ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *args[] = { "compare", json_path, "--package", "First =1+1", "--package", "Second", "-o", cmp, NULL };
    g_assert_cmpint (run_cli (args, NULL), ==, 0);
    g_assert_true (g_file_test (cmp, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* Unknown package: exit 2, message names it, no file. */
    const char *args[] = { "export-brief", json_path, "--package", "Nope", "-o", bad, NULL };
    g_assert_cmpint (run_cli (args, &err), ==, 2);
    g_assert_nonnull (strstr (err, "Nope"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "compare", json_path, "--package", "Second", "-o", bad, NULL };
    g_assert_cmpint (run_cli (args, NULL), ==, 2);
  }
  {
    /* Two packages in the file and none chosen: exit 2. */
    const char *args[] = { "export-brief", json_path, "-o", bad, NULL };
    g_assert_cmpint (run_cli (args, NULL), ==, 2);
  }
  {
    const char *args[] = { "export-brief", json_path, "--package", "Second", "-o", bad, "--lang", "fr", NULL };
    g_assert_cmpint (run_cli (args, NULL), ==, 2);
  }
  {
    /* Unwritable destination: exit 1, a clear message. */
    const char *args[] = { "export-brief", json_path, "--package", "Second", "-o", blocked, NULL };
    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Cannot write the brief"));
    g_clear_pointer (&err, g_free);
  }
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* A document (.mplan). */
  {
    g_autoptr(MpDocument) doc = mp_document_create_demo (doc_path, &error);
    g_autoptr(GPtrArray) infos = NULL;
    const char *first;

    g_assert_no_error (error);
    infos = mp_document_list_packages (doc, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (infos->len, >, 0);
    first = ((MpPackageInfo *) g_ptr_array_index (infos, 0))->name;
    mp_document_close (doc);
    {
      const char *args[] = { "export-brief", doc_path, "--package", first, "-o", doc_out, "--draws", "0", NULL };
      g_assert_cmpint (run_cli (args, NULL), ==, 0);
      g_assert_true (g_file_test (doc_out, G_FILE_TEST_IS_REGULAR));
    }
    {
      const char *args[] = { "export-brief", doc_path, "--package", "No such package", "-o", bad, NULL };
      g_assert_cmpint (run_cli (args, NULL), ==, 2);
    }
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0700);
          remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The Dutch brief is translated by the catalogue compiled into build/po. */
  if (g_getenv ("MP_LOCALEDIR") == NULL && g_getenv ("MP_BUILD_ROOT") != NULL)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("MP_BUILD_ROOT"), "po", NULL);

      g_setenv ("MP_LOCALEDIR", localedir, TRUE);
    }

  reference = mp_reference_load_default (&error);
  g_assert_no_error (error);
  /* A subprocess (g_test_trap_subprocess) works in its parent's folder. */
  if (g_test_subprocess () && g_getenv ("MP_TEST_BRIEF_DIR") != NULL)
    tmpdir = g_strdup (g_getenv ("MP_TEST_BRIEF_DIR"));
  else
    {
      tmpdir = g_dir_make_tmp ("test-brief-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("MP_TEST_BRIEF_DIR", tmpdir, TRUE);
    }

  g_test_add_func ("/models/brief/clean-text", test_clean_text);
  g_test_add_func ("/models/brief/zip", test_file_is_zip);
  g_test_add_func ("/models/brief/read-back", test_brief_read_back);
  g_test_add_func ("/models/brief/comparison-read-back", test_comparison_read_back);
  g_test_add_func ("/models/brief/error-unwritable", test_error_unwritable);
  g_test_add_func ("/models/brief/error-disk-full", test_error_disk_full);
  g_test_add_func ("/models/brief/error-arguments", test_error_arguments);
  g_test_add_func ("/models/brief/export", test_export);
  g_test_add_func ("/cli/brief/export-and-compare", test_cli);

  status = g_test_run ();

  if (!g_test_subprocess ())
    remove_tree (tmpdir);
  mp_reference_free (reference);
  g_free (tmpdir);
  return status;
}
