/* test-format.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "mp-format.h"
#include "mp-headline-format.h"

/* models/base/mp-format.c and the way headline outputs are shown
 * (models/engine/mp-headline-format.c), in LC_ALL=C.UTF-8: the locale groups
 * nothing, so mp-format groups with commas.  The GUI's own cases (and the
 * Dutch locale) are in test-charts. */

#define CHECK(expr, want)                   \
  G_STMT_START {                            \
    char *s_ = (expr);                      \
    g_assert_cmpstr (s_, ==, want);         \
    g_free (s_);                            \
  } G_STMT_END

static void
test_signs (void)
{
  CHECK (mp_format_number_full (-1234567, 0, MP_FORMAT_TRUE_MINUS), "\u22121,234,567");
  CHECK (mp_format_number_full (-1234567, 0, MP_FORMAT_DEFAULT), "-1,234,567");
  CHECK (mp_format_number_full (14, 1, MP_FORMAT_PLUS_SIGN | MP_FORMAT_TRUE_MINUS), "+14.0");
  CHECK (mp_format_number_full (-3.04, 1, MP_FORMAT_PLUS_SIGN | MP_FORMAT_TRUE_MINUS), "\u22123.0");
  /* a value that rounds to zero has no sign */
  CHECK (mp_format_number_full (-0.04, 1, MP_FORMAT_TRUE_MINUS), "0.0");
  CHECK (mp_format_number_full (0.04, 1, MP_FORMAT_PLUS_SIGN), "0.0");
  CHECK (mp_format_number_full (NAN, 1, MP_FORMAT_PLUS_SIGN), "\u2013");
  CHECK (mp_format_number_full (INFINITY, 0, MP_FORMAT_PLUS_SIGN), "+\u221E");
  CHECK (mp_format_number_full (-INFINITY, 0, MP_FORMAT_TRUE_MINUS), "\u2212\u221E");
  CHECK (mp_format_number (123456.789, 6), "123,456.789000");
}

static void
test_styles (void)
{
  CHECK (mp_format_styled (MP_NUMBER_COUNT, 2580.4, 0), "2,580");
  CHECK (mp_format_styled (MP_NUMBER_SIGNED_COUNT, 60, 0), "+60");
  CHECK (mp_format_styled (MP_NUMBER_SCORE, 23.84, 0), "23.8");
  CHECK (mp_format_styled (MP_NUMBER_SIGNED_SCORE, -35.44, MP_FORMAT_TRUE_MINUS), "\u221235.4");
  CHECK (mp_format_styled (MP_NUMBER_EUROS, 3929335, 0), "€3.9 m");
  CHECK (mp_format_styled (MP_NUMBER_EUROS, 3929335, MP_FORMAT_EXACT_EUROS), "€3,929,335");
  CHECK (mp_format_styled (MP_NUMBER_EUROS, -2e9, MP_FORMAT_EXACT_EUROS | MP_FORMAT_TRUE_MINUS),
         "\u2212€2,000,000,000");
  CHECK (mp_format_styled (MP_NUMBER_EUROS, -2e6, 0), "-€2.0 m");
}

static void
test_headlines (void)
{
  static const struct
  {
    MpHeadline  headline;
    double      value;
    const char *shown;
  } cases[] = {
    { MP_HEADLINE_ADMISSIONS, 215.4, "215" },
    { MP_HEADLINE_PERSON_YEARS, 2580, "2,580" },
    { MP_HEADLINE_REMITTANCES, 3929335, "€3.9 m" },
    { MP_HEADLINE_NET_MIGRATION, 60, "+60" },
    { MP_HEADLINE_FIT, 23.8, "23.8" },
    { MP_HEADLINE_NL_BENEFIT, 59.3, "59.3" },
    { MP_HEADLINE_BALANCE, -35.5, "-35.5" },
    { MP_HEADLINE_COST_PUBLIC, 430000, "€430,000" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, MP_N_HEADLINES);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    CHECK (mp_format_headline (cases[i].headline, cases[i].value, MP_FORMAT_DEFAULT), cases[i].shown);

  /* the command line's report: exact euros and true minus signs */
  CHECK (mp_format_headline (MP_HEADLINE_REMITTANCES, 3929335, MP_FORMAT_EXACT_EUROS), "€3,929,335");
  CHECK (mp_format_headline (MP_HEADLINE_BALANCE, -35.5, MP_FORMAT_TRUE_MINUS), "\u221235.5");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/signs", test_signs);
  g_test_add_func ("/format/styles", test_styles);
  g_test_add_func ("/format/headlines", test_headlines);

  return g_test_run ();
}
