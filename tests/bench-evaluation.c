/* bench-evaluation.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib.h>

#include "mp-evaluation.h"

/* Targets (issue 3): deterministic evaluation of a 50-scheme, 15-year package
 * under 1 ms; 10,000 Monte Carlo draws under 100 ms on one core. */

static const char *sector_codes[] = { "agri", "health", "ict", "tech", "logistics",
                                      "construction", "hospitality", "food" };
static const char *partner_codes[] = { "MAR", "TUN", "EGY" };

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *x,
        int     n)
{
  qsort (x, n, sizeof (double), compare_doubles);
  return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

static MpReference *
make_reference (void)
{
  MpReference *r = mp_reference_new ();

  for (guint i = 0; i < G_N_ELEMENTS (partner_codes); i++)
    {
      MpPartner *p = mp_partner_new (partner_codes[i], partner_codes[i]);

      mp_value_set (&p->ind[MP_IND_POPULATION], 38e6 - 10e6 * i, 2025, "bench");
      mp_value_set (&p->ind[MP_IND_WORKING_AGE_2025], 25e6 - 7e6 * i, 2025, "bench");
      mp_value_set (&p->ind[MP_IND_WORKING_AGE_GROWTH], 10.0 - 6 * i, 2025, "bench");
      mp_value_set (&p->ind[MP_IND_REMITTANCES_USD], 12e9 / (i + 1), 2024, "bench");
      mp_value_set (&p->ind[MP_IND_DOCTORS_PER_10K], 7.3, 2017, "bench");
      mp_value_set (&p->ind[MP_IND_NURSES_PER_10K], 13.9, 2017, "bench");
      mp_value_set (&p->ind[MP_IND_VDEM_LIBDEM], 0.25, 2024, "bench");
      for (int k = 0; k < MP_N_INTERESTS; k++)
        p->profile.weights[k] = 1 + (k + i) % 5;
      g_ptr_array_add (r->partners, p);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sector_codes); i++)
    {
      MpSector *s = mp_sector_new (sector_codes[i], sector_codes[i]);

      s->eqf = 2 + i % 5;
      s->health = i == 1;
      mp_value_set (&s->vacancies, 5000 + 3000 * i, 2025, "bench");
      if (i % 3 != 2)
        mp_value_set (&s->wage_month, 2300 + 300 * i, 2023, "bench");
      g_ptr_array_add (r->sectors, s);
    }

  return r;
}

static MpPackage *
make_package (void)
{
  MpPackage *pkg = mp_package_new ("bench 50x15");

  g_strfreev (pkg->partners);
  pkg->partners = g_strsplit ("MAR,TUN,EGY", ",", -1);
  pkg->horizon = 15;

  for (int i = 0; i < 50; i++)
    {
      MpScheme *s = mp_scheme_new ();

      s->name = g_strdup_printf ("Scheme %d", i);
      s->kind = (MpSchemeKind) (i % MP_N_SCHEME_KINDS);
      s->partner = g_strdup (partner_codes[i % G_N_ELEMENTS (partner_codes)]);
      s->sector = g_strdup (sector_codes[i % G_N_ELEMENTS (sector_codes)]);
      s->quota = 100 + 37 * i;
      s->first_year = 2027 + i % 4;
      s->intake_years = 3 + i % 6;
      s->months = 6 + i % 7;
      s->stays = 1 + i % 4;
      s->mandatory_return = i % 2;
      s->training_months = (i % 3) * 2;
      s->home_track_ratio = (i % 4) * 0.25;
      s->cost_per_participant = 2000 + 100 * i;
      s->employer_share = 0.5;
      s->language_support = TRUE;
      s->complaints_channel = i % 5 != 0;
      s->reintegration_support = i % 2;
      g_ptr_array_add (pkg->schemes, s);
    }

  for (int i = 0; i < 5; i++)
    {
      MpTranche *t = mp_tranche_new ();

      t->scheme = g_strdup_printf ("Scheme %d", i * 7);
      t->release_year = 2029 + i;
      t->extra_quota = 200;
      g_ptr_array_add (pkg->tranches, t);
    }

  for (int i = 0; i < MP_N_OFFER_KINDS; i++)
    {
      MpOffer *o = mp_offer_new ();

      o->kind = i;
      o->amount = i == MP_OFFER_VISA ? 1 : i == MP_OFFER_SCHOLARSHIPS ? 80 : 5e6;
      g_ptr_array_add (pkg->offers, o);
    }

  {
    MpAsk *a = mp_ask_new ();

    a->kind = MP_ASK_RETURN_READMISSION;
    a->returns_low = 50;
    a->returns_mode = 112;
    a->returns_high = 400;
    g_ptr_array_add (pkg->asks, a);
  }

  return pkg;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpReference) ref = make_reference ();
  g_autoptr(MpPackage) pkg = make_package ();
  double det[1000];
  double mc[5];
  double t0;

  for (int i = 0; i < 50; i++)
    mp_evaluation_free (mp_evaluate (pkg, ref, NULL));

  for (int i = 0; i < 1000; i++)
    {
      MpEvaluation *eval;

      t0 = now_ms ();
      eval = mp_evaluate (pkg, ref, NULL);
      det[i] = now_ms () - t0;
      g_assert (eval != NULL);
      mp_evaluation_free (eval);
    }

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(MpEvaluation) eval = mp_evaluate (pkg, ref, NULL);
      gboolean ok;

      t0 = now_ms ();
      ok = mp_evaluation_run_uncertainty (eval, pkg, ref, 10000, 20260522, NULL, NULL, NULL,
                                          NULL);
      mc[i] = now_ms () - t0;
      g_assert (ok);
    }

  g_print ("evaluate-50x15: %.3f ms (target < 1 ms)\n", median (det, 1000));
  g_print ("monte-carlo-10000: %.2f ms (target < 100 ms)\n", median (mc, 5));

  return 0;
}
