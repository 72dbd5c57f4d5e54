/* bench-brief.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "mp-brief.h"
#include "mp-evaluation.h"
#include "mp-reference.h"

/* Target (issue 6): the brief of a 1,000-scheme package in under 200 ms
 * (writing only; the evaluation, with 1,000 Monte Carlo draws, is timed
 * separately).  The median of 7 runs is reported. */

#define N_SCHEMES 1000
#define N_RUNS    7

static const char * const partners[] = { "MAR", "TUN", "EGY" };
static const char * const sectors[] = {
  "health_social_care", "agriculture_horticulture", "ict", "industry_technical",
  "transport_logistics", "construction", "hospitality", "food_processing",
};
static const MpSchemeKind kinds[] = {
  MP_SCHEME_TALENT_PARTNERSHIP, MP_SCHEME_CIRCULAR, MP_SCHEME_SEASONAL,
  MP_SCHEME_TRAINEE, MP_SCHEME_STUDY, MP_SCHEME_HOME_TRACK,
};

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

static MpPackage *
make_package (void)
{
  MpPackage *p = mp_package_new ("Regional package with 1,000 schemes");

  g_strfreev (p->partners);
  p->partners = g_strdupv ((char **) (const char *[]) { "MAR", "TUN", "EGY", NULL });
  p->description = g_strdup ("Benchmark: every scheme kind, sector and partner, with offers and asks.");
  for (int i = 0; i < N_SCHEMES; i++)
    {
      MpScheme *s = mp_scheme_new ();
      MpSchemeKind kind = kinds[i % G_N_ELEMENTS (kinds)];

      s->name = g_strdup_printf ("Scheme %04d", i + 1);
      s->kind = kind;
      s->partner = g_strdup (partners[i % G_N_ELEMENTS (partners)]);
      s->sector = g_strdup (sectors[(i / 3) % G_N_ELEMENTS (sectors)]);
      s->quota = 10 + i % 90;
      s->first_year = 2027 + i % 3;
      s->intake_years = 1 + i % 5;
      s->months = kind == MP_SCHEME_SEASONAL ? 6 : 12;
      s->stays = 1 + i % 4;
      s->mandatory_return = i % 2;
      s->training_months = i % 3;
      s->home_track_ratio = kind == MP_SCHEME_HOME_TRACK ? 1 : 0.25 * (i % 2);
      s->cost_per_participant = 2000 + 10 * (i % 100);
      s->employer_share = 0.5;
      s->language_support = TRUE;
      s->complaints_channel = i % 4 != 0;
      s->reintegration_support = i % 3 != 0;
      s->return_incentives = TRUE;
      g_ptr_array_add (p->schemes, s);
    }
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      MpOffer *o = mp_offer_new ();
      MpAsk *a = mp_ask_new ();

      o->kind = MP_OFFER_INVESTMENT;
      o->partner = g_strdup (partners[i]);
      o->amount = 1e6 * (i + 1);
      g_ptr_array_add (p->offers, o);
      a->kind = MP_ASK_RETURN_READMISSION;
      a->partner = g_strdup (partners[i]);
      a->returns_low = 50;
      a->returns_mode = 112;
      a->returns_high = 300;
      g_ptr_array_add (p->asks, a);
    }
  return p;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) ref = mp_reference_load_default (&error);
  g_autoptr(MpPackage) pkg = NULL;
  g_autoptr(MpEvaluation) eval = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double times[N_RUNS];
  double t0, eval_ms;
  goffset size = 0;

  if (ref == NULL)
    {
      g_printerr ("bench-brief: %s\n", error->message);
      return 1;
    }
  pkg = make_package ();

  t0 = now_ms ();
  eval = mp_evaluate (pkg, ref, &error);
  if (eval == NULL ||
      !mp_evaluation_run_uncertainty (eval, pkg, ref, 1000, pkg->seed, NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-brief: %s\n", error->message);
      return 1;
    }
  eval_ms = now_ms () - t0;

  dir = g_dir_make_tmp ("bench-brief-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-brief: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "brief.xlsx", NULL);

  for (int r = 0; r < N_RUNS; r++)
    {
      t0 = now_ms ();
      if (!mp_brief_write (pkg, eval, ref, NULL, path, &error))
        {
          g_printerr ("bench-brief: %s\n", error->message);
          return 1;
        }
      times[r] = now_ms () - t0;
    }
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      size = st.st_size;
  }
  g_unlink (path);
  g_rmdir (dir);

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  g_print ("evaluation of %d schemes with 1,000 draws: %.1f ms\n", N_SCHEMES, eval_ms);
  g_print ("brief-1000-schemes: %.1f ms (target < 200 ms); min %.1f, max %.1f; %d findings, %u measures; %" G_GOFFSET_FORMAT " bytes\n",
           times[N_RUNS / 2], times[0], times[N_RUNS - 1],
           eval->findings != NULL ? (int) eval->findings->len : 0,
           eval->measures != NULL ? eval->measures->len : 0, size);
  return times[N_RUNS / 2] < 200 ? 0 : 1;
}
