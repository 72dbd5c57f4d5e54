/* test-types.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mp-types.h"

static void
test_scheme_kind_strings (void)
{
  for (int k = 0; k < MP_N_SCHEME_KINDS; k++)
    {
      MpSchemeKind back;

      g_assert_true (mp_scheme_kind_from_string (mp_scheme_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (mp_scheme_kind_to_string (MP_SCHEME_HOME_TRACK), ==, "home_track");
  {
    MpSchemeKind unused;
    g_assert_false (mp_scheme_kind_from_string ("holiday", &unused));
  }
}

static void
test_package_copy (void)
{
  g_autoptr(MpPackage) package = mp_package_new ("Care talent partnership");
  g_autoptr(MpPackage) copy = NULL;
  MpScheme *scheme = mp_scheme_new ();

  scheme->name = g_strdup ("Nurses");
  scheme->partner = g_strdup ("MAR");
  scheme->quota = 250;
  g_ptr_array_add (package->schemes, scheme);

  copy = mp_package_copy (package);
  g_assert_cmpstr (copy->name, ==, "Care talent partnership");
  g_assert_cmpuint (copy->schemes->len, ==, 1);
  g_assert_true (g_ptr_array_index (copy->schemes, 0) != scheme);
  g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (copy->schemes, 0))->quota, ==, 250);
  g_assert_cmpstr (((MpScheme *) g_ptr_array_index (copy->schemes, 0))->partner, ==, "MAR");
}

static void
test_value_missing (void)
{
  MpValue v = { 0 };

  mp_value_set (&v, NAN, 0, NULL);
  g_assert_false (mp_value_present (&v));
  mp_value_set (&v, 38430770, 2025, "World Bank WDI SP.POP.TOTL");
  g_assert_true (mp_value_present (&v));
  g_assert_cmpint (v.year, ==, 2025);
  mp_value_clear (&v);
  g_assert_false (mp_value_present (&v));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/types/scheme-kind-strings", test_scheme_kind_strings);
  g_test_add_func ("/models/types/package-copy", test_package_copy);
  g_test_add_func ("/models/types/value-missing", test_value_missing);

  return g_test_run ();
}
