/* test-document.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mp-document.h"
#include "mp-json.h"
#include "mp-reference.h"

/* ---- Fixture: a fresh temporary directory per test ---------------------- */

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mp-document-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
example_path (const char *name)
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "examples", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* ---- Deep equality ------------------------------------------------------ */

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static void
assert_same_strv (char **a,
                  char **b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_same_value (const MpValue *a,
                   const MpValue *b)
{
  assert_same_double (a->value, b->value);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpstr (a->source, ==, b->source);
}

static void
assert_same_reference (const MpReference *a,
                       const MpReference *b)
{
  g_assert_cmpstr (a->vintage, ==, b->vintage);
  g_assert_cmpuint (a->partners->len, ==, b->partners->len);
  for (guint i = 0; i < a->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (a->partners, i);
      const MpPartner *q = g_ptr_array_index (b->partners, i);

      g_assert_cmpstr (p->iso3, ==, q->iso3);
      g_assert_cmpstr (p->name, ==, q->name);
      g_assert_cmpstr (p->region, ==, q->region);
      assert_same_strv (p->memberships, q->memberships);
      assert_same_strv (p->frameworks, q->frameworks);
      g_assert_cmpint (!!p->combiland, ==, !!q->combiland);
      g_assert_cmpint (!!p->excluded, ==, !!q->excluded);
      g_assert_cmpstr (p->excluded_reason, ==, q->excluded_reason);
      g_assert_cmpint (!!p->who_ssl, ==, !!q->who_ssl);
      g_assert_cmpstr (p->who_ssl_source, ==, q->who_ssl_source);
      g_assert_cmpint (!!p->has_risk_override, ==, !!q->has_risk_override);
      if (p->has_risk_override)
        g_assert_cmpint (p->risk_override, ==, q->risk_override);
      g_assert_cmpstr (p->risk_override_reason, ==, q->risk_override_reason);
      for (int k = 0; k < MP_N_INDICATORS; k++)
        assert_same_value (&p->ind[k], &q->ind[k]);
      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          assert_same_double (p->profile.weights[k], q->profile.weights[k]);
          assert_same_double (p->profile.scales[k], q->profile.scales[k]);
        }
      g_assert_cmpstr (p->profile.rationale, ==, q->profile.rationale);
    }

  g_assert_cmpuint (a->sectors->len, ==, b->sectors->len);
  for (guint i = 0; i < a->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (a->sectors, i);
      const MpSector *t = g_ptr_array_index (b->sectors, i);

      g_assert_cmpstr (s->code, ==, t->code);
      g_assert_cmpstr (s->name, ==, t->name);
      g_assert_cmpstr (s->sbi, ==, t->sbi);
      g_assert_cmpint (s->eqf, ==, t->eqf);
      g_assert_cmpint (s->demand, ==, t->demand);
      g_assert_cmpint (!!s->health, ==, !!t->health);
      assert_same_value (&s->vacancies, &t->vacancies);
      assert_same_value (&s->wage_month, &t->wage_month);
    }
}

static void
assert_same_package (const MpPackage *a,
                     const MpPackage *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->description, ==, b->description);
  assert_same_strv (a->partners, b->partners);
  g_assert_cmpint (a->start_year, ==, b->start_year);
  g_assert_cmpint (a->horizon, ==, b->horizon);
  g_assert_cmpuint (a->draws, ==, b->draws);
  g_assert_cmpuint (a->seed, ==, b->seed);

  g_assert_cmpuint (a->schemes->len, ==, b->schemes->len);
  for (guint i = 0; i < a->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (a->schemes, i);
      const MpScheme *t = g_ptr_array_index (b->schemes, i);

      g_assert_cmpstr (s->name, ==, t->name);
      g_assert_cmpint (s->kind, ==, t->kind);
      g_assert_cmpstr (s->partner, ==, t->partner);
      g_assert_cmpstr (s->sector, ==, t->sector);
      assert_same_double (s->quota, t->quota);
      g_assert_cmpint (s->first_year, ==, t->first_year);
      g_assert_cmpint (s->intake_years, ==, t->intake_years);
      g_assert_cmpint (s->months, ==, t->months);
      g_assert_cmpint (s->stays, ==, t->stays);
      g_assert_cmpint (!!s->mandatory_return, ==, !!t->mandatory_return);
      assert_same_double (s->training_months, t->training_months);
      assert_same_double (s->home_track_ratio, t->home_track_ratio);
      assert_same_double (s->cost_per_participant, t->cost_per_participant);
      assert_same_double (s->employer_share, t->employer_share);
      assert_same_double (s->recruitment_fees, t->recruitment_fees);
      g_assert_cmpint (!!s->language_support, ==, !!t->language_support);
      g_assert_cmpint (!!s->complaints_channel, ==, !!t->complaints_channel);
      g_assert_cmpint (!!s->reintegration_support, ==, !!t->reintegration_support);
      g_assert_cmpint (!!s->g2g_health_support, ==, !!t->g2g_health_support);
      g_assert_cmpint (!!s->return_incentives, ==, !!t->return_incentives);
    }

  g_assert_cmpuint (a->offers->len, ==, b->offers->len);
  for (guint i = 0; i < a->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (a->offers, i);
      const MpOffer *q = g_ptr_array_index (b->offers, i);

      g_assert_cmpint (o->kind, ==, q->kind);
      g_assert_cmpstr (o->partner, ==, q->partner);
      g_assert_cmpstr (o->sector, ==, q->sector);
      assert_same_double (o->amount, q->amount);
      assert_same_double (o->jobs, q->jobs);
      g_assert_cmpstr (o->note, ==, q->note);
    }

  g_assert_cmpuint (a->asks->len, ==, b->asks->len);
  for (guint i = 0; i < a->asks->len; i++)
    {
      const MpAsk *x = g_ptr_array_index (a->asks, i);
      const MpAsk *y = g_ptr_array_index (b->asks, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->partner, ==, y->partner);
      assert_same_double (x->returns_low, y->returns_low);
      assert_same_double (x->returns_mode, y->returns_mode);
      assert_same_double (x->returns_high, y->returns_high);
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
      assert_same_double (x->extra_quota, y->extra_quota);
      g_assert_cmpint (x->condition, ==, y->condition);
    }

  g_assert_cmpuint (a->assumptions->len, ==, b->assumptions->len);
  for (guint i = 0; i < a->assumptions->len; i++)
    {
      const MpAssumption *x = g_ptr_array_index (a->assumptions, i);
      const MpAssumption *y = g_ptr_array_index (b->assumptions, i);

      g_assert_cmpstr (x->key, ==, y->key);
      assert_same_double (x->low, y->low);
      assert_same_double (x->mode, y->mode);
      assert_same_double (x->high, y->high);
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      assert_same_double (a->interest_weights[i], b->interest_weights[i]);
      assert_same_double (a->interest_scales[i], b->interest_scales[i]);
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    assert_same_double (a->nl_weights[i], b->nl_weights[i]);
}

/* ---- Test data ---------------------------------------------------------- */

static MpReference *
load_reference (void)
{
  g_autoptr(GError) error = NULL;
  MpReference *ref = mp_reference_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_cmpuint (ref->partners->len, >, 3);
  g_assert_cmpuint (ref->sectors->len, >, 3);
  return ref;
}

static GPtrArray *
load_example (const char        *name,
              const MpReference *ref)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = example_path (name);
  GPtrArray *packages = mp_json_read_packages_file (path, ref, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (packages);
  return packages;
}

/* A package with every kind of entity and every field set away from its
 * default: the GECCO example plus a study scheme, three more offers, a
 * voluntary-return ask, weights and scales. */
static MpPackage *
make_rich_package (const MpReference *ref)
{
  g_autoptr(GPtrArray) packages = load_example ("gecco-morocco-agriculture.json", ref);
  g_autoptr(GError) error = NULL;
  MpPackage *p = mp_package_copy (g_ptr_array_index (packages, 0));
  MpScheme *s;
  MpOffer *o;
  MpAsk *a;

  g_assert_cmpuint (p->schemes->len, >=, 1);
  g_assert_cmpuint (p->tranches->len, >=, 1);
  g_assert_cmpuint (p->assumptions->len, >=, 1);

  s = mp_scheme_new ();
  s->name = g_strdup ("Master’s scholarships — ICT “Tech”");
  s->kind = MP_SCHEME_STUDY;
  s->partner = g_strdup ("MAR");
  s->sector = g_strdup ("ict");
  s->quota = 37.5;
  s->first_year = 2028;
  s->intake_years = 3;
  s->months = 12;
  s->stays = 2;
  s->mandatory_return = FALSE;
  s->training_months = 2.25;
  s->home_track_ratio = 0.5;
  s->cost_per_participant = 18250.75;
  s->employer_share = 0.125;
  s->recruitment_fees = 0;
  s->language_support = TRUE;
  s->complaints_channel = FALSE;
  s->reintegration_support = TRUE;
  s->g2g_health_support = FALSE;
  s->return_incentives = TRUE;
  g_ptr_array_add (p->schemes, s);

  o = mp_offer_new ();
  o->kind = MP_OFFER_SCHOLARSHIPS;
  o->partner = g_strdup ("MAR");
  o->amount = 40;
  o->note = g_strdup ("Noted: ünïcödé ✓");
  g_ptr_array_add (p->offers, o);
  o = mp_offer_new ();
  o->kind = MP_OFFER_TRADE;
  o->partner = g_strdup ("MAR");
  o->sector = g_strdup ("food_processing");
  o->amount = 2.5e6;
  o->jobs = 120;
  g_ptr_array_add (p->offers, o);
  o = mp_offer_new ();
  o->kind = MP_OFFER_VISA;
  o->partner = g_strdup ("MAR");
  o->amount = 2;
  g_ptr_array_add (p->offers, o);

  a = mp_ask_new ();
  a->kind = MP_ASK_VOLUNTARY_RETURN;
  a->partner = g_strdup ("MAR");
  a->returns_low = 10;
  a->returns_mode = 25;
  a->returns_high = 60;
  a->level = 2;
  a->note = NULL;
  g_ptr_array_add (p->asks, a);

  p->interest_weights[MP_INTEREST_LABOUR_MOBILITY] = 4.5;
  p->interest_weights[MP_INTEREST_VISA] = 0;
  p->interest_scales[MP_INTEREST_REMITTANCES] = 123456.5;
  p->nl_weights[MP_NL_COST] = 1.5;
  p->draws = 777;
  p->seed = G_GUINT64_CONSTANT (9007199254740993);
  p->horizon = 12;

  mp_json_validate_package (p, ref, "rich", &error);
  g_assert_no_error (error);
  return p;
}

/* The default reference with the rarer fields exercised. */
static MpReference *
make_rich_reference (void)
{
  MpReference *ref = load_reference ();
  MpPartner *p = g_ptr_array_index (ref->partners, 1);
  MpSector *s = g_ptr_array_index (ref->sectors, 0);

  p->has_risk_override = TRUE;
  p->risk_override = MP_RISK_HIGH;
  g_free (p->risk_override_reason);
  p->risk_override_reason = g_strdup ("Context: migrants face risks the index misses");
  p->profile.scales[MP_INTEREST_SKILLS] = 750;
  p->ind[MP_IND_NURSES_PER_10K].value = NAN;
  p->ind[MP_IND_NURSES_PER_10K].year = 0;
  g_clear_pointer (&p->ind[MP_IND_NURSES_PER_10K].source, g_free);
  p->ind[MP_IND_MEDIAN_AGE].source = (g_free (p->ind[MP_IND_MEDIAN_AGE].source),
                                      g_strdup ("UN WPP 2024 — test"));
  s->vacancies.value = NAN;
  s->vacancies.year = 0;
  return ref;
}

static MpDocument *
create_doc (Fixture           *f,
            const char        *name,
            const MpReference *ref)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, name);
  g_autoptr(MpReference) own = NULL;
  MpDocument *doc;

  if (ref == NULL)
    ref = own = load_reference ();
  doc = mp_document_create (path, ref, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_false (mp_document_is_read_only (doc));
  return doc;
}

static MpDocument *
open_doc (const char          *path,
          MpDocumentOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  MpDocument *doc = mp_document_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gint64
add_package (MpDocument      *doc,
             const MpPackage *p)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mp_document_add_package (doc, p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static MpPackage *
get_package (MpDocument *doc,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  MpPackage *p = mp_document_get_package (doc, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* "name|name|…" in document order. */
static char *
names_of (MpDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mp_document_list_packages (doc, &error);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const MpPackageInfo *info = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, info->name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
assert_names (MpDocument *doc,
              const char *expected)
{
  g_autofree char *names = names_of (doc);

  g_assert_cmpstr (names, ==, expected);
}

static MpPackage *
simple_package (const MpReference *ref,
                const char        *name,
                double             quota)
{
  g_autoptr(GPtrArray) packages = load_example ("gecco-morocco-agriculture.json", ref);
  MpPackage *p = mp_package_copy (g_ptr_array_index (packages, 0));
  MpScheme *s = g_ptr_array_index (p->schemes, 0);

  g_free (p->name);
  p->name = g_strdup (name);
  s->quota = quota;
  return p;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static sqlite3_int64
query_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* ---- Save and reopen ---------------------------------------------------- */

static void
test_reopen_equal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MpReference) ref = make_rich_reference ();
  g_autoptr(MpPackage) rich = make_rich_package (ref);
  g_autoptr(MpPackage) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, "doc.mplan");
  g_autofree char *wal = path_in (f, "doc.mplan-wal");
  g_autofree char *lock = path_in (f, ".~lock.doc.mplan#");
  MpDocument *doc = create_doc (f, "doc.mplan", ref);
  guint8 header[100];
  gint64 id;
  int fd;

  /* While open: WAL mode and a lock beside the file. */
  id = add_package (doc, rich);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_cmpint (mp_document_get_file_version (doc), ==, MP_DOCUMENT_SCHEMA_VERSION);
  g_assert_finalize_object (doc);

  /* Closed: one self-contained file in rollback-journal mode (header
   * bytes 18 and 19 are 1, not 2 as in WAL), no log, no lock. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  fd = open (path, O_RDONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  close (fd);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  /* application_id 'MPln' at offset 68, user_version at 60 */
  g_assert_cmpmem (header + 68, 4, "MPln", 4);
  g_assert_cmpint (header[63], ==, MP_DOCUMENT_SCHEMA_VERSION);

  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  assert_same_reference (ref, mp_document_get_reference (doc));
  back = get_package (doc, id);
  assert_same_package (rich, back);

  list = mp_document_list_packages (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((MpPackageInfo *) g_ptr_array_index (list, 0))->id, ==, id);
  g_assert_cmpstr (((MpPackageInfo *) g_ptr_array_index (list, 0))->partners, ==, "MAR");
  g_assert_cmpuint (((MpPackageInfo *) g_ptr_array_index (list, 0))->n_schemes, ==,
                    rich->schemes->len);
  g_assert_finalize_object (doc);
}

/* While the document is open (in WAL mode), the .mplan file alone, copied
 * as a file manager attaching it to an e-mail would, holds every edit. */
static void
test_file_current_while_open (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpPackage) a = simple_package (ref, "Sent by mail", 100);
  g_autofree char *path = path_in (f, "open.mplan");
  g_autofree char *copy = path_in (f, "attachment.mplan");
  g_autofree char *contents = NULL;
  gsize len;
  MpDocument *doc = create_doc (f, "open.mplan", ref);
  MpDocument *received;

  add_package (doc, a);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) len, NULL));

  received = open_doc (copy, MP_DOCUMENT_OPEN_NONE);
  assert_names (received, "Sent by mail");
  g_assert_finalize_object (received);
  g_assert_finalize_object (doc);
}

static void
test_create_exists (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) ref = load_reference ();
  g_autofree char *path = path_in (f, "taken.mplan");
  MpDocument *doc;

  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));
  doc = mp_document_create (path, ref, &error);
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS);
  g_assert_null (doc);
  /* Untouched, and no temporary file left behind. */
  {
    g_autofree char *contents = NULL;
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    guint n = 0;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "precious");
    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* ---- Edits -------------------------------------------------------------- */

static void
test_edit_operations (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpPackage) a = simple_package (ref, "Alpha", 100);
  g_autoptr(MpPackage) b = simple_package (ref, "Beta", 200);
  g_autoptr(MpPackage) got = NULL;
  g_autoptr(GError) error = NULL;
  MpDocument *doc = create_doc (f, "edit.mplan", ref);
  gint64 ia, ib, ic, id2;

  ia = add_package (doc, a);
  ib = add_package (doc, b);
  assert_names (doc, "Alpha|Beta");

  /* Adding a name that exists gets a suffix. */
  ic = add_package (doc, a);
  assert_names (doc, "Alpha|Beta|Alpha (2)");

  /* A duplicate goes right after its original. */
  id2 = mp_document_duplicate_package (doc, ia, &error);
  g_assert_no_error (error);
  assert_names (doc, "Alpha|Alpha (copy)|Beta|Alpha (2)");
  got = get_package (doc, id2);
  g_free (got->name);
  got->name = g_strdup ("Alpha");
  assert_same_package (a, got);
  g_clear_pointer (&got, mp_package_free);

  g_assert_true (mp_document_rename_package (doc, ib, "Gamma", &error));
  g_assert_no_error (error);
  assert_names (doc, "Alpha|Alpha (copy)|Gamma|Alpha (2)");

  /* Renaming onto another package's name is refused, nothing changes. */
  g_assert_false (mp_document_rename_package (doc, ib, "Alpha", &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS);
  g_clear_error (&error);
  /* So is an empty name (JSON validation). */
  g_assert_false (mp_document_rename_package (doc, ib, "", &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  assert_names (doc, "Alpha|Alpha (copy)|Gamma|Alpha (2)");

  g_assert_true (mp_document_delete_package (doc, ic, &error));
  g_assert_no_error (error);
  assert_names (doc, "Alpha|Alpha (copy)|Gamma");

  g_assert_false (mp_document_delete_package (doc, ic, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (mp_document_get_package (doc, 9999, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Update wholesale, and an invalid update is refused. */
  got = get_package (doc, ia);
  ((MpScheme *) g_ptr_array_index (got->schemes, 0))->quota = 321;
  g_assert_true (mp_document_update_package (doc, ia, got, "Change quota", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Change quota");
  ((MpScheme *) g_ptr_array_index (got->schemes, 0))->months = 13;
  g_assert_false (mp_document_update_package (doc, ia, got, NULL, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "months"));
  g_clear_error (&error);
  g_clear_pointer (&got, mp_package_free);
  got = get_package (doc, ia);
  g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (got->schemes, 0))->quota, ==, 321);
  g_assert_cmpint (((MpScheme *) g_ptr_array_index (got->schemes, 0))->months, ==, 9);

  g_assert_cmpint (mp_document_find_package (doc, "Gamma"), ==, ib);
  g_assert_cmpint (mp_document_find_package (doc, "Nope"), ==, 0);
  g_assert_finalize_object (doc);
}

typedef struct
{
  GString *log;
} SignalLog;

static void
on_changed (MpDocument *doc,
            guint       change,
            gint64      id,
            SignalLog  *log)
{
  const char *what = change == MP_DOCUMENT_CHANGE_PACKAGE_ADDED ? "added"
                   : change == MP_DOCUMENT_CHANGE_PACKAGE_REMOVED ? "removed"
                   : change == MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED ? "modified"
                   : change == MP_DOCUMENT_CHANGE_REFERENCE ? "reference" : "?";

  g_string_append_printf (log->log, "%s:%" G_GINT64_FORMAT " ", what, id);
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpPackage) a = simple_package (ref, "Alpha", 100);
  g_autoptr(GError) error = NULL;
  MpDocument *doc = create_doc (f, "signal.mplan", ref);
  SignalLog log = { g_string_new (NULL) };
  g_autofree char *expected = NULL;
  gint64 id;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &log);
  id = add_package (doc, a);
  g_assert_true (mp_document_rename_package (doc, id, "Beta", &error));
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_true (mp_document_redo (doc, &error));
  g_assert_no_error (error);

  expected = g_strdup_printf ("added:%1$" G_GINT64_FORMAT " modified:%1$" G_GINT64_FORMAT
                              " modified:%1$" G_GINT64_FORMAT " removed:%1$" G_GINT64_FORMAT
                              " added:%1$" G_GINT64_FORMAT " ", id);
  g_assert_cmpstr (log.log->str, ==, expected);
  g_string_free (log.log, TRUE);
  g_assert_finalize_object (doc);
}

/* ---- Undo and redo ------------------------------------------------------ */

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpPackage) a = simple_package (ref, "Alpha", 100);
  g_autoptr(MpPackage) edited = NULL;
  g_autoptr(MpPackage) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, "undo.mplan");
  MpDocument *doc = create_doc (f, "undo.mplan", ref);
  /* The states after each edit, as "names;quota of Alpha's first scheme". */
  const char *states[] = {
    "",                                      /* 0: empty */
    "Alpha",                                 /* 1: add */
    "Beta",                                  /* 2: rename */
    "Beta",                                  /* 3: quota 100 -> 555 */
    "Beta|Beta (copy)",                      /* 4: duplicate */
    "Beta (copy)",                           /* 5: delete the original */
  };
  const double quota_of_first[] = { 0, 100, 100, 555, 555, 555 };
  gint64 id, copy_id;
  guint n = G_N_ELEMENTS (states) - 1;

  g_assert_false (mp_document_can_undo (doc));
  g_assert_false (mp_document_undo (doc, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  id = add_package (doc, a);
  g_assert_true (mp_document_rename_package (doc, id, "Beta", &error));
  edited = get_package (doc, id);
  ((MpScheme *) g_ptr_array_index (edited->schemes, 0))->quota = 555;
  g_assert_true (mp_document_update_package (doc, id, edited, NULL, &error));
  copy_id = mp_document_duplicate_package (doc, id, &error);
  g_assert_true (mp_document_delete_package (doc, id, &error));
  g_assert_no_error (error);
  assert_names (doc, states[5]);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Delete package “Beta”");
  g_assert_null (mp_document_get_redo_label (doc));

  /* Undo everything, checking each state on the way. */
  for (guint i = n; i > 0; i--)
    {
      g_assert_true (mp_document_can_undo (doc));
      g_assert_true (mp_document_undo (doc, &error));
      g_assert_no_error (error);
      assert_names (doc, states[i - 1]);
      if (i - 1 >= 1)
        {
          got = get_package (doc, id);
          g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (got->schemes, 0))->quota, ==,
                             quota_of_first[i - 1]);
          g_clear_pointer (&got, mp_package_free);
        }
    }
  g_assert_false (mp_document_can_undo (doc));
  g_assert_cmpstr (mp_document_get_redo_label (doc), ==, "Add package “Alpha”");

  /* Redo three steps, then close and reopen: the history is in the file. */
  for (guint i = 1; i <= 3; i++)
    {
      g_assert_true (mp_document_redo (doc, &error));
      g_assert_no_error (error);
      assert_names (doc, states[i]);
    }
  g_assert_finalize_object (doc);

  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  assert_names (doc, states[3]);
  g_assert_true (mp_document_can_undo (doc));
  g_assert_true (mp_document_can_redo (doc));
  g_assert_cmpstr (mp_document_get_redo_label (doc), ==, "Duplicate package “Beta”");
  for (guint i = 4; i <= n; i++)
    {
      g_assert_true (mp_document_redo (doc, &error));
      g_assert_no_error (error);
      assert_names (doc, states[i]);
    }
  g_assert_false (mp_document_can_redo (doc));
  /* Ids survive undo and redo: the copy has its old id again. */
  g_assert_cmpint (mp_document_find_package (doc, "Beta (copy)"), ==, copy_id);

  /* Undo across a reopen brings the deleted package back in its place. */
  g_assert_finalize_object (doc);
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_no_error (error);
  assert_names (doc, states[4]);
  g_assert_cmpint (mp_document_find_package (doc, "Beta"), ==, id);

  /* A new edit drops the redo step. */
  g_assert_true (mp_document_can_redo (doc));
  g_assert_true (mp_document_rename_package (doc, copy_id, "Delta", &error));
  g_assert_false (mp_document_can_redo (doc));
  assert_names (doc, "Beta|Delta");
  g_assert_finalize_object (doc);
}

static void
test_history_limit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpPackage) a = simple_package (ref, "n0", 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, "limit.mplan");
  MpDocument *doc = create_doc (f, "limit.mplan", ref);
  guint undone = 0;
  gint64 id;

  /* 1 add + 209 renames = 210 steps; the newest 200 are kept. */
  id = add_package (doc, a);
  for (guint i = 1; i <= 209; i++)
    {
      g_autofree char *name = g_strdup_printf ("n%u", i);

      g_assert_true (mp_document_rename_package (doc, id, name, &error));
      g_assert_no_error (error);
    }
  g_assert_finalize_object (doc);
  g_assert_cmpint (query_raw (path, "SELECT count(*) FROM history_step"), ==,
                   MP_DOCUMENT_HISTORY_LIMIT);

  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  while (mp_document_can_undo (doc))
    {
      g_assert_true (mp_document_undo (doc, &error));
      g_assert_no_error (error);
      undone++;
    }
  g_assert_cmpuint (undone, ==, MP_DOCUMENT_HISTORY_LIMIT);
  /* 209 - 200 = 9: the state before the oldest kept rename. */
  assert_names (doc, "n9");
  g_assert_finalize_object (doc);
}

static void
test_reference_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(MpReference) updated = mp_reference_copy (ref);
  g_autoptr(MpReference) without_mar = mp_reference_copy (ref);
  g_autoptr(MpPackage) a = simple_package (ref, "Alpha", 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, "ref.mplan");
  MpDocument *doc = create_doc (f, "ref.mplan", ref);
  MpPartner *mar = mp_reference_find_partner (updated, "MAR");

  add_package (doc, a);
  mp_value_set (&mar->ind[MP_IND_POPULATION], 40000000, 2026, "CSV import test");
  g_free (updated->vintage);
  updated->vintage = g_strdup ("2027-01");
  g_assert_true (mp_document_replace_reference (doc, updated, &error));
  g_assert_no_error (error);
  assert_same_reference (updated, mp_document_get_reference (doc));
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Update reference data");

  /* A reference without a partner the packages use is refused. */
  for (guint i = 0; i < without_mar->partners->len; i++)
    if (g_strcmp0 (((MpPartner *) g_ptr_array_index (without_mar->partners, i))->iso3, "MAR") == 0)
      g_ptr_array_remove_index (without_mar->partners, i);
  g_assert_false (mp_document_replace_reference (doc, without_mar, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "MAR"));
  g_clear_error (&error);

  g_assert_finalize_object (doc);
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  assert_same_reference (updated, mp_document_get_reference (doc));
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_no_error (error);
  assert_same_reference (ref, mp_document_get_reference (doc));
  g_assert_finalize_object (doc);
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  assert_same_reference (ref, mp_document_get_reference (doc));
  g_assert_true (mp_document_redo (doc, &error));
  assert_same_reference (updated, mp_document_get_reference (doc));
  g_assert_finalize_object (doc);
}

/* ---- JSON --------------------------------------------------------------- */

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autoptr(GError) error = NULL;
  g_autofree char *regional = example_path ("regional-maghreb.json");
  g_autofree char *json = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GPtrArray) expected = load_example ("regional-maghreb.json", ref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MpPackage) got = NULL;
  MpDocument *doc = create_doc (f, "json.mplan", ref);
  MpDocument *other;
  gsize len;

  g_assert_true (g_file_get_contents (regional, &json, &len, NULL));
  g_assert_true (mp_document_import_json (doc, json, (gssize) len, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Import 1 package");
  list = mp_document_list_packages (doc, &error);
  g_assert_cmpuint (list->len, ==, 1);
  got = get_package (doc, ((MpPackageInfo *) g_ptr_array_index (list, 0))->id);
  assert_same_package (g_ptr_array_index (expected, 0), got);

  /* All or nothing: a bundle whose second package is invalid adds none. */
  {
    const char *bad =
      "{\"format\": \"mobility-planner-packages\", \"version\": 1, \"packages\": ["
      " {\"name\": \"Fine\", \"partners\": [\"MAR\"], \"schemes\": []},"
      " {\"name\": \"Broken\", \"partners\": [\"MAR\"], \"horizon\": 500}]}";

    g_assert_false (mp_document_import_json (doc, bad, -1, &error));
    g_assert_error (error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "horizon"));
    g_clear_error (&error);
    g_assert_false (mp_document_import_json (doc, "{ not json", -1, &error));
    g_assert_error (error, MP_JSON_ERROR, MP_JSON_ERROR_PARSE);
    g_clear_error (&error);
    assert_names (doc, ((MpPackage *) g_ptr_array_index (expected, 0))->name);
  }

  /* Export, import into another document: the same packages. */
  exported = mp_document_export_json (doc, NULL, 0, FALSE, &error);
  g_assert_no_error (error);
  other = create_doc (f, "other.mplan", ref);
  g_assert_true (mp_document_import_json (other, exported, -1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) l2 = mp_document_list_packages (other, &error);
    g_autoptr(MpPackage) p2 = get_package (other, ((MpPackageInfo *) g_ptr_array_index (l2, 0))->id);

    assert_same_package (got, p2);
  }

  /* Undo of the import removes it whole. */
  g_assert_true (mp_document_undo (other, &error));
  assert_names (other, "");
  g_assert_finalize_object (other);
  g_assert_finalize_object (doc);
}

/* ---- Migration from version 1 ------------------------------------------- */

/* The schema of version 1 as released, kept here verbatim: a file made by
 * version 1 of Mobility Planner, made by the test itself. */
static const char v1_schema[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE reference_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  vintage TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE partner (\n"
  "  iso3 TEXT PRIMARY KEY NOT NULL,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  region TEXT,\n"
  "  combiland INTEGER NOT NULL CHECK (combiland IN (0, 1)),\n"
  "  excluded INTEGER NOT NULL CHECK (excluded IN (0, 1)),\n"
  "  excluded_reason TEXT,\n"
  "  who_ssl INTEGER NOT NULL CHECK (who_ssl IN (0, 1)),\n"
  "  who_ssl_source TEXT,\n"
  "  risk_override TEXT,\n"
  "  risk_override_reason TEXT,\n"
  "  profile_rationale TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE partner_group (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('membership', 'framework')),\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  PRIMARY KEY (iso3, kind, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE partner_indicator (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  indicator TEXT NOT NULL,\n"
  "  value REAL,\n"
  "  year INTEGER NOT NULL,\n"
  "  source TEXT,\n"
  "  PRIMARY KEY (iso3, indicator)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE partner_interest (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  interest TEXT NOT NULL,\n"
  "  weight REAL,\n"
  "  scale REAL,\n"
  "  PRIMARY KEY (iso3, interest)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE sector (\n"
  "  code TEXT PRIMARY KEY NOT NULL,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  sbi TEXT,\n"
  "  eqf INTEGER NOT NULL,\n"
  "  demand TEXT NOT NULL,\n"
  "  health INTEGER NOT NULL CHECK (health IN (0, 1)),\n"
  "  vacancies REAL,\n"
  "  vacancies_year INTEGER NOT NULL,\n"
  "  vacancies_source TEXT,\n"
  "  wage_month REAL,\n"
  "  wage_month_year INTEGER NOT NULL,\n"
  "  wage_month_source TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE package (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  name TEXT NOT NULL,\n"
  "  description TEXT,\n"
  "  start_year INTEGER NOT NULL,\n"
  "  horizon INTEGER NOT NULL,\n"
  "  draws INTEGER NOT NULL,\n"
  "  seed INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE package_partner (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  iso3 TEXT NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE scheme (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  sector TEXT,\n"
  "  quota REAL NOT NULL,\n"
  "  first_year INTEGER NOT NULL,\n"
  "  intake_years INTEGER NOT NULL,\n"
  "  months INTEGER NOT NULL,\n"
  "  stays INTEGER NOT NULL,\n"
  "  mandatory_return INTEGER NOT NULL CHECK (mandatory_return IN (0, 1)),\n"
  "  training_months REAL NOT NULL,\n"
  "  home_track_ratio REAL NOT NULL,\n"
  "  cost_per_participant REAL NOT NULL,\n"
  "  employer_share REAL NOT NULL,\n"
  "  recruitment_fees REAL NOT NULL,\n"
  "  language_support INTEGER NOT NULL CHECK (language_support IN (0, 1)),\n"
  "  complaints_channel INTEGER NOT NULL CHECK (complaints_channel IN (0, 1)),\n"
  "  reintegration_support INTEGER NOT NULL CHECK (reintegration_support IN (0, 1)),\n"
  "  g2g_health_support INTEGER NOT NULL CHECK (g2g_health_support IN (0, 1)),\n"
  "  return_incentives INTEGER NOT NULL CHECK (return_incentives IN (0, 1)),\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE offer (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  sector TEXT,\n"
  "  amount REAL NOT NULL,\n"
  "  jobs REAL NOT NULL,\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE ask (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  returns_low REAL NOT NULL,\n"
  "  returns_mode REAL NOT NULL,\n"
  "  returns_high REAL NOT NULL,\n"
  "  level INTEGER NOT NULL,\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE tranche (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  label TEXT,\n"
  "  scheme TEXT,\n"
  "  release_year INTEGER NOT NULL,\n"
  "  extra_quota REAL NOT NULL,\n"
  "  condition TEXT NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE assumption (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  key TEXT NOT NULL,\n"
  "  low REAL NOT NULL,\n"
  "  mode REAL NOT NULL,\n"
  "  high REAL NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE package_weight (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('interest', 'nl')),\n"
  "  component TEXT NOT NULL,\n"
  "  weight REAL,\n"
  "  scale REAL,\n"
  "  PRIMARY KEY (package_id, kind, component)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE history_step (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  label TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE TABLE history_item (\n"
  "  step_id INTEGER NOT NULL REFERENCES history_step (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  target TEXT NOT NULL CHECK (target IN ('package', 'reference')),\n"
  "  package_id INTEGER,\n"
  "  before BLOB,\n"
  "  after BLOB,\n"
  "  PRIMARY KEY (step_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n";

/* Version 1 data: a minimal reference (MAR, one sector) and two packages,
 * inserted in reverse name order so that id order (ids 7 and 3) shows. */
static const char v1_data[] =
  "PRAGMA application_id = 1297116270;\n"   /* 0x4D506C6E 'MPln' */
  "PRAGMA user_version = 1;\n"
  "INSERT INTO meta VALUES ('generator', 'Mobility Planner 0.0.9');\n"
  "INSERT INTO reference_info VALUES (1, '2025-06');\n"
  "INSERT INTO partner VALUES ('MAR', 0, 'Morocco', 'Northern Africa', 1, 0, NULL, 0, NULL,"
  "  'medium', 'v1 override', 'v1 profile');\n"
  "INSERT INTO partner_group VALUES ('MAR', 'membership', 0, 'Rabat Process');\n"
  "INSERT INTO partner_indicator VALUES ('MAR', 'population', 37000000, 2023, 'WPP');\n"
  "INSERT INTO partner_interest VALUES ('MAR', 'labour_mobility', 5, NULL);\n"
  "INSERT INTO sector VALUES ('agriculture_horticulture', 0, 'Agriculture', 'A', 2, 'seasonal', 0,"
  "  3400, 2023, 'CBS', 2294.4, 2026, 'minimum wage');\n"
  "INSERT INTO package VALUES (7, 'Old B', 'made by v1', 2026, 8, 1000, 42);\n"
  "INSERT INTO package VALUES (3, 'Old A', NULL, 2027, 10, 2000, 7);\n"
  "INSERT INTO package_partner VALUES (7, 0, 'MAR');\n"
  "INSERT INTO package_partner VALUES (3, 0, 'MAR');\n"
  "INSERT INTO scheme VALUES (7, 0, 'Harvest', 'seasonal', 'MAR', 'agriculture_horticulture',"
  "  250, 2026, 3, 6, 1, 1, 0, 0, 1500, 0.5, 0, 1, 1, 0, 0, 0);\n"
  "INSERT INTO scheme VALUES (3, 0, 'Circular', 'circular', 'MAR', 'agriculture_horticulture',"
  "  100, 2027, 2, 9, 2, 1, 1, 0, 2500, 0.8, 0, 1, 1, 1, 0, 0);\n"
  "INSERT INTO ask VALUES (7, 0, 'return_readmission', 'MAR', 50, 112, 200, 0, 'EV: +112');\n";

static void
make_v1_file (const char *path)
{
  g_autofree char *sql = g_strconcat (v1_schema, v1_data, NULL);
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("v1 file: %s", errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_migration_v1 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (f, "v1.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPackage) b = NULL;
  const MpReference *ref;
  const MpPartner *mar;
  MpDocument *doc;
  gint64 id;

  make_v1_file (path);

  /* Read-only: upgraded in memory, the file stays version 1. */
  doc = open_doc (path, MP_DOCUMENT_OPEN_READ_ONLY);
  g_assert_true (mp_document_is_read_only (doc));
  g_assert_cmpint (mp_document_get_file_version (doc), ==, 1);
  /* Version 1 had no order column: packages come in id order. */
  assert_names (doc, "Old A|Old B");
  g_assert_finalize_object (doc);
  g_assert_cmpint (query_raw (path, "PRAGMA user_version"), ==, 1);

  /* Writable: migrated in the file. */
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_is_read_only (doc));
  g_assert_cmpint (mp_document_get_file_version (doc), ==, 1);
  assert_names (doc, "Old A|Old B");

  ref = mp_document_get_reference (doc);
  g_assert_cmpstr (ref->vintage, ==, "2025-06");
  mar = mp_reference_find_partner (ref, "MAR");
  g_assert_nonnull (mar);
  g_assert_true (mar->has_risk_override);
  g_assert_cmpint (mar->risk_override, ==, MP_RISK_MEDIUM);
  g_assert_cmpstr (mar->memberships[0], ==, "Rabat Process");
  g_assert_cmpfloat (mar->ind[MP_IND_POPULATION].value, ==, 37000000);
  g_assert_true (isnan (mar->ind[MP_IND_MEDIAN_AGE].value));
  g_assert_cmpfloat (mar->profile.weights[MP_INTEREST_LABOUR_MOBILITY], ==, 5);

  id = mp_document_find_package (doc, "Old B");
  g_assert_cmpint (id, ==, 7);
  b = get_package (doc, id);
  g_assert_cmpstr (b->description, ==, "made by v1");
  g_assert_cmpint (b->horizon, ==, 8);
  g_assert_cmpuint (b->seed, ==, 42);
  g_assert_cmpuint (b->schemes->len, ==, 1);
  g_assert_cmpint (((MpScheme *) g_ptr_array_index (b->schemes, 0))->kind, ==, MP_SCHEME_SEASONAL);
  g_assert_cmpint (((MpScheme *) g_ptr_array_index (b->schemes, 0))->months, ==, 6);
  g_assert_cmpuint (b->asks->len, ==, 1);
  g_assert_cmpfloat (((MpAsk *) g_ptr_array_index (b->asks, 0))->returns_mode, ==, 112);
  /* No weight rows in v1 data: the NL weights keep their defaults. */
  g_assert_cmpfloat (b->nl_weights[0], ==, 3.0);

  /* Editing works on the migrated file, with undo. */
  g_assert_true (mp_document_rename_package (doc, id, "Renamed", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  g_assert_cmpint (query_raw (path, "PRAGMA user_version"), ==, MP_DOCUMENT_SCHEMA_VERSION);
  g_assert_cmpint (query_raw (path, "SELECT position FROM package WHERE id = 3"), ==, 3);
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_cmpint (mp_document_get_file_version (doc), ==, MP_DOCUMENT_SCHEMA_VERSION);
  assert_names (doc, "Old A|Renamed");
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_no_error (error);
  assert_names (doc, "Old A|Old B");
  g_assert_finalize_object (doc);
}

/* ---- Hostile files ------------------------------------------------------ */

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  MpDocument *doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);

  g_assert_null (doc);
  g_assert_error (error, MP_DOCUMENT_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
  g_test_message ("refused: %s", error->message);
}

/* A closed, valid document with a few packages, for damaging. */
static char *
make_victim (Fixture    *f,
             const char *name)
{
  g_autoptr(MpReference) ref = load_reference ();
  g_autofree char *path = path_in (f, name);
  MpDocument *doc = create_doc (f, name, ref);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *pname = g_strdup_printf ("Package %u", i);
      g_autoptr(MpPackage) p = simple_package (ref, pname, 10 + i);

      add_package (doc, p);
    }
  g_assert_finalize_object (doc);
  return g_steal_pointer (&path);
}

static void
test_hostile_not_sqlite (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = path_in (f, "text.mplan");
  g_autofree char *empty = path_in (f, "empty.mplan");
  g_autofree char *missing = path_in (f, "missing.mplan");

  g_assert_true (g_file_set_contents (text, "name,quota\nGECCO,500\n"
                                            "this is a CSV file, not a document\n"
                                            "padding padding padding padding padding padding "
                                            "padding padding padding padding padding\n", -1, NULL));
  assert_open_fails (text, MP_DOCUMENT_ERROR_NOT_SQLITE, "not a Mobility Planner document");
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_open_fails (empty, MP_DOCUMENT_ERROR_NOT_SQLITE, "empty");
  assert_open_fails (missing, MP_DOCUMENT_ERROR_NOT_FOUND, NULL);
  /* A directory is not a document either. */
  assert_open_fails (f->dir, MP_DOCUMENT_ERROR_NOT_SQLITE, NULL);
}

static void
test_hostile_truncated (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "cut.mplan");
  g_autofree char *odd = path_in (f, "odd.mplan");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8 * 4096);
  /* Cut at a page boundary: the header counts pages that are not there. */
  g_assert_true (g_file_set_contents (path, contents, (gssize) (len / 2 / 4096 * 4096), NULL));
  assert_open_fails (path, MP_DOCUMENT_ERROR_CORRUPT, "truncated");
  /* Cut in the middle of a page. */
  g_assert_true (g_file_set_contents (odd, contents, (gssize) (len / 2 + 123), NULL));
  assert_open_fails (odd, MP_DOCUMENT_ERROR_CORRUPT, "truncated");
}

static void
test_hostile_corrupt_page (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "bad.mplan");
  sqlite3_int64 root = query_raw (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'scheme'");
  sqlite3_int64 page_size = query_raw (path, "PRAGMA page_size");
  guint8 garbage[64];
  int fd;

  g_assert_cmpint (root, >, 1);
  /* Overwrite the b-tree page header of the scheme table. */
  memset (garbage, 0x5a, sizeof garbage);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (root - 1) * page_size), ==,
                   sizeof garbage);
  close (fd);
  assert_open_fails (path, MP_DOCUMENT_ERROR_CORRUPT, "damaged");
}

static void
test_hostile_foreign (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *plain = path_in (f, "plain.sqlite");
  g_autofree char *other = path_in (f, "other.sqlite");
  g_autofree char *path = make_victim (f, "foreign.mplan");

  exec_raw (plain, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                   "INSERT INTO contacts VALUES ('a', '1');");
  assert_open_fails (plain, MP_DOCUMENT_ERROR_FOREIGN, "another application");
  exec_raw (other, "PRAGMA application_id = 1598903374;"  /* 'Fossil'-like id */
                   "CREATE TABLE blob (rid INTEGER PRIMARY KEY);");
  assert_open_fails (other, MP_DOCUMENT_ERROR_FOREIGN, "another application");
  /* Our schema, but someone changed the application id. */
  exec_raw (path, "PRAGMA application_id = 42;");
  assert_open_fails (path, MP_DOCUMENT_ERROR_FOREIGN, NULL);
}

static void
test_hostile_newer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "newer.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPackage) p = NULL;
  g_autoptr(MpPackage) q = NULL;
  MpDocument *doc;

  /* A future version: an extra column and table, a higher user_version. */
  exec_raw (path, "ALTER TABLE scheme ADD COLUMN wellbeing REAL;"
                  "CREATE TABLE future_stuff (x INTEGER) STRICT;"
                  "PRAGMA user_version = 9;");
  assert_open_fails (path, MP_DOCUMENT_ERROR_NEWER_VERSION, "newer version");

  doc = open_doc (path, MP_DOCUMENT_OPEN_READ_ONLY);
  g_assert_true (mp_document_is_read_only (doc));
  g_assert_nonnull (strstr (mp_document_get_read_only_reason (doc), "newer version"));
  g_assert_cmpint (mp_document_get_file_version (doc), ==, 9);
  p = get_package (doc, mp_document_find_package (doc, "Package 3"));
  g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (p->schemes, 0))->quota, ==, 13);
  q = mp_package_copy (p);
  g_assert_cmpint (mp_document_add_package (doc, q, &error), ==, 0);
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (mp_document_can_undo (doc));
  g_assert_finalize_object (doc);
  /* Untouched. */
  g_assert_cmpint (query_raw (path, "PRAGMA user_version"), ==, 9);

  /* A newer version that lacks a table we read is still refused. */
  exec_raw (path, "DROP TABLE tranche;");
  {
    g_autoptr(GError) e2 = NULL;

    g_assert_null (mp_document_open (path, MP_DOCUMENT_OPEN_READ_ONLY, &e2));
    g_assert_error (e2, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA);
  }
}

static void
test_hostile_schema (Fixture       *f,
                     gconstpointer  data)
{
  struct {
    const char *sql;
    const char *fragment;
  } cases[] = {
    { "CREATE TRIGGER steal AFTER INSERT ON package BEGIN "
      "  UPDATE meta SET value = 'owned'; END;", "trigger" },
    { "CREATE VIEW innocent AS SELECT * FROM package;", "view" },
    { "DROP TABLE offer;", "lacks the table “offer”" },
    { "CREATE TABLE extra (x INTEGER);", "“extra”" },
    { "ALTER TABLE scheme ADD COLUMN payload TEXT;", "“scheme”" },
    { "DROP INDEX package_by_position;", "package_by_position" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("schema%u.mplan", i);
      g_autofree char *path = make_victim (f, name);

      exec_raw (path, cases[i].sql);
      assert_open_fails (path, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA, cases[i].fragment);
      /* Read-only does not let them through either. */
      {
        g_autoptr(GError) error = NULL;

        g_assert_null (mp_document_open (path, MP_DOCUMENT_OPEN_READ_ONLY, &error));
        g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA);
      }
    }
}

static void
test_hostile_values (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "values.mplan");
  g_autofree char *path2 = make_victim (f, "values2.mplan");
  g_autofree char *path3 = make_victim (f, "values3.mplan");
  g_autoptr(GError) error = NULL;
  MpDocument *doc;
  gint64 id;

  /* An out-of-range value in a package: the document opens, that package
   * is refused with the rule it breaks, the others load. */
  exec_raw (path, "UPDATE scheme SET months = 13 WHERE package_id = "
                  "  (SELECT id FROM package WHERE name = 'Package 4');");
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  id = mp_document_find_package (doc, "Package 4");
  g_assert_null (mp_document_get_package (doc, id, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "months"));
  g_clear_error (&error);
  {
    g_autoptr(MpPackage) fine = get_package (doc, mp_document_find_package (doc, "Package 5"));
  }
  /* It can still be deleted, and the delete undone. */
  g_assert_true (mp_document_delete_package (doc, id, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  /* An unknown enum value. */
  exec_raw (path2, "UPDATE scheme SET kind = 'slavery' WHERE package_id = "
                   "  (SELECT id FROM package WHERE name = 'Package 1');");
  doc = open_doc (path2, MP_DOCUMENT_OPEN_NONE);
  g_assert_null (mp_document_get_package (doc, mp_document_find_package (doc, "Package 1"), &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "slavery"));
  g_clear_error (&error);
  g_assert_finalize_object (doc);

  /* Damaged reference data: the document is refused as a whole. */
  exec_raw (path3, "UPDATE partner_interest SET weight = 99 WHERE iso3 = 'MAR' "
                   "AND interest = 'labour_mobility';");
  assert_open_fails (path3, MP_DOCUMENT_ERROR_INVALID, "MAR");

  /* A damaged undo record is refused on undo, without harm. */
  exec_raw (path, "UPDATE history_item SET before = x'00112233' WHERE step_id = "
                  "  (SELECT max(id) FROM history_step);");
  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_undo (doc, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mp_document_can_undo (doc));
  g_assert_finalize_object (doc);
}

/* ---- Read-only and locking ---------------------------------------------- */

static void
test_lock_same_process (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "locked.mplan");
  g_autofree char *lock = path_in (f, ".~lock.locked.mplan#");
  g_autoptr(GError) error = NULL;
  MpDocument *first = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  MpDocument *second;
  g_autoptr(MpPackage) p = NULL;

  g_assert_false (mp_document_is_read_only (first));
  second = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_true (mp_document_is_read_only (second));
  g_assert_nonnull (strstr (mp_document_get_read_only_reason (second), "already open"));
  g_assert_nonnull (strstr (mp_document_get_read_only_reason (second), g_get_user_name ()));

  /* The reader sees what the writer commits. */
  p = get_package (first, mp_document_find_package (first, "Package 2"));
  g_assert_true (mp_document_rename_package (first, mp_document_find_package (first, "Package 2"),
                                             "Seen elsewhere", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp_document_find_package (second, "Seen elsewhere"), >, 0);
  g_assert_false (mp_document_rename_package (second, mp_document_find_package (second, "Package 1"),
                                              "Nope", &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_finalize_object (second);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (first);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  second = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_is_read_only (second));
  g_assert_null (mp_document_get_read_only_reason (second));
  g_assert_finalize_object (second);
}

static char *self_exe;

/* Child mode: open the document, say "ready", wait for stdin to close. */
static int
hold_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  char c;

  if (doc == NULL || mp_document_is_read_only (doc))
    return 1;
  printf ("ready\n");
  fflush (stdout);
  while (read (STDIN_FILENO, &c, 1) > 0)
    ;
  return 0;
}

static void
test_lock_other_process (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "shared.mplan");
  g_autofree char *lock = path_in (f, ".~lock.shared.mplan#");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_exe, "--hold-lock", path, NULL };
  GPid pid;
  int in_fd, out_fd, status;
  char buf[16] = { 0 };
  MpDocument *doc;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buf, 6), ==, 6);
  g_assert_cmpstr (buf, ==, "ready\n");

  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_true (mp_document_is_read_only (doc));
  g_assert_nonnull (strstr (mp_document_get_read_only_reason (doc), "already open"));
  g_assert_finalize_object (doc);

  /* The other instance crashes: its lock file stays, stale. */
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  close (in_fd);
  close (out_fd);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_is_read_only (doc));
  g_assert_finalize_object (doc);

  /* A stale lock file naming a dead process on this host, unlocked. */
  {
    g_autofree char *stale = g_strdup_printf ("%d\n%s\n%s\n", 999999, g_get_host_name (), "ghost");

    g_assert_true (g_file_set_contents (lock, stale, -1, NULL));
    doc = open_doc (path, MP_DOCUMENT_OPEN_NONE);
    g_assert_false (mp_document_is_read_only (doc));
    g_assert_finalize_object (doc);
  }
}

static void
test_read_only_flag (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = make_victim (f, "ro.mplan");
  g_autoptr(GError) error = NULL;
  MpDocument *doc = open_doc (path, MP_DOCUMENT_OPEN_READ_ONLY);
  MpDocument *writer;

  g_assert_true (mp_document_is_read_only (doc));
  g_assert_false (mp_document_delete_package (doc, 1, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* A reader does not keep a writer out. */
  writer = open_doc (path, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_is_read_only (writer));
  g_assert_finalize_object (writer);
  g_assert_finalize_object (doc);
}

/* ---- Save As ------------------------------------------------------------ */

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MpReference) ref = make_rich_reference ();
  g_autoptr(MpPackage) rich = make_rich_package (ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *orig = path_in (f, "orig.mplan");
  g_autofree char *copy = path_in (f, "copy.mplan");
  g_autofree char *copy_wal = path_in (f, "copy.mplan-wal");
  g_autofree char *real_copy = NULL;
  MpDocument *doc = create_doc (f, "orig.mplan", ref);
  MpDocument *check;
  gint64 id = add_package (doc, rich);
  guint8 header[100];
  int fd;

  g_assert_true (mp_document_save_as (doc, copy, &error));
  g_assert_no_error (error);
  real_copy = realpath (copy, NULL);
  g_assert_cmpstr (mp_document_get_path (doc), ==, real_copy);

  /* The copy is an SQLite file of ours. */
  fd = open (copy, O_RDONLY);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  close (fd);
  g_assert_cmpmem (header + 68, 4, "MPln", 4);

  /* Edits go to the copy; the original keeps what it had. */
  g_assert_true (mp_document_rename_package (doc, id, "Only in the copy", &error));
  g_assert_no_error (error);
  /* Undo history came along. */
  g_assert_true (mp_document_undo (doc, &error));
  g_assert_true (mp_document_undo (doc, &error));
  assert_names (doc, "");
  g_assert_true (mp_document_redo (doc, &error));
  g_assert_true (mp_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (doc);
  /* Closed: self-contained, no write-ahead log beside it. */
  g_assert_false (g_file_test (copy_wal, G_FILE_TEST_EXISTS));

  check = open_doc (orig, MP_DOCUMENT_OPEN_NONE);
  assert_names (check, rich->name);
  g_assert_finalize_object (check);
  check = open_doc (copy, MP_DOCUMENT_OPEN_NONE);
  assert_names (check, "Only in the copy");
  assert_same_reference (ref, mp_document_get_reference (check));
  {
    g_autoptr(MpPackage) back = get_package (check, id);

    g_free (back->name);
    back->name = g_strdup (rich->name);
    assert_same_package (rich, back);
  }

  /* Saving over a document open elsewhere is refused. */
  doc = open_doc (orig, MP_DOCUMENT_OPEN_NONE);
  g_assert_false (mp_document_save_as (doc, copy, &error));
  g_assert_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_finalize_object (check);
  g_assert_finalize_object (doc);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, "demo.mplan");
  g_autoptr(GPtrArray) list = NULL;
  MpDocument *doc = mp_document_create_demo (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  list = mp_document_list_packages (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 2);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(MpPackage) p = get_package (doc, ((MpPackageInfo *) g_ptr_array_index (list, i))->id);

      g_assert_cmpuint (p->schemes->len + p->offers->len, >, 0);
    }
  /* The demo starts with an empty history. */
  g_assert_false (mp_document_can_undo (doc));
  g_assert_finalize_object (doc);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--hold-lock"))
    return hold_lock (argv[2]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_TEST ("/document/reopen-equal", test_reopen_equal);
  ADD_TEST ("/document/file-current-while-open", test_file_current_while_open);
  ADD_TEST ("/document/create-exists", test_create_exists);
  ADD_TEST ("/document/edit-operations", test_edit_operations);
  ADD_TEST ("/document/changed-signal", test_changed_signal);
  ADD_TEST ("/document/undo-redo", test_undo_redo);
  ADD_TEST ("/document/history-limit", test_history_limit);
  ADD_TEST ("/document/reference-replace", test_reference_replace);
  ADD_TEST ("/document/import-export", test_import_export);
  ADD_TEST ("/document/migration-v1", test_migration_v1);
  ADD_TEST ("/document/hostile/not-sqlite", test_hostile_not_sqlite);
  ADD_TEST ("/document/hostile/truncated", test_hostile_truncated);
  ADD_TEST ("/document/hostile/corrupt-page", test_hostile_corrupt_page);
  ADD_TEST ("/document/hostile/foreign", test_hostile_foreign);
  ADD_TEST ("/document/hostile/newer-version", test_hostile_newer);
  ADD_TEST ("/document/hostile/schema", test_hostile_schema);
  ADD_TEST ("/document/hostile/values", test_hostile_values);
  ADD_TEST ("/document/lock/same-process", test_lock_same_process);
  ADD_TEST ("/document/lock/other-process", test_lock_other_process);
  ADD_TEST ("/document/read-only-flag", test_read_only_flag);
  ADD_TEST ("/document/save-as", test_save_as);
  ADD_TEST ("/document/demo", test_demo);

  return g_test_run ();
}
