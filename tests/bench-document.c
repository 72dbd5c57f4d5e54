/* bench-document.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens a document with 100,000 schemes and lists its packages.
 *
 * The document (100 packages of 1,000 schemes, made through the public API
 * with undo history) is created once in a temporary folder; the measurement
 * runs in a fresh process so that its peak resident memory (VmHWM) is that of
 * opening and listing alone.  Targets: open + list under 1 s, peak RSS under
 * 300 MB.  Exit status 1 when a target is missed.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "mp-document.h"
#include "mp-reference.h"

#define N_PACKAGES          100
#define SCHEMES_PER_PACKAGE 1000
#define TARGET_MS           1000.0
#define TARGET_MB           300.0

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;   /* kB */
}

static int
measure (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MpPackage) one = NULL;
  gint64 t0, t1, t2;
  guint schemes = 0;
  double ms, rss;

  t0 = g_get_monotonic_time ();
  doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  if (doc == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 2;
    }
  list = mp_document_list_packages (doc, &error);
  if (list == NULL)
    {
      g_printerr ("list: %s\n", error->message);
      return 2;
    }
  t1 = g_get_monotonic_time ();
  for (guint i = 0; i < list->len; i++)
    schemes += ((MpPackageInfo *) g_ptr_array_index (list, i))->n_schemes;

  /* Loading one package of 1,000 schemes (validated), for comparison. */
  one = mp_document_get_package (doc, ((MpPackageInfo *) g_ptr_array_index (list, 0))->id, &error);
  if (one == NULL)
    {
      g_printerr ("get: %s\n", error->message);
      return 2;
    }
  t2 = g_get_monotonic_time ();

  ms = (t1 - t0) / 1000.0;
  rss = peak_rss_mb ();
  g_print ("packages: %u, schemes: %u\n", list->len, schemes);
  g_print ("open-100k-schemes: %.0f ms (target < %.0f ms)\n", ms, TARGET_MS);
  g_print ("get-package-1000-schemes: %.0f ms\n", (t2 - t1) / 1000.0);
  g_print ("open-100k-schemes-peak-rss: %.0f MB (target < %.0f MB)\n", rss, TARGET_MB);

  if (schemes != N_PACKAGES * SCHEMES_PER_PACKAGE)
    return 2;
  return ms < TARGET_MS && rss >= 0 && rss < TARGET_MB ? 0 : 1;
}

static MpPackage *
big_package (guint n)
{
  g_autofree char *name = g_strdup_printf ("Package %03u", n);
  MpPackage *p = mp_package_new (name);

  g_strfreev (p->partners);
  p->partners = g_strsplit ("MAR,TUN,EGY", ",", -1);
  p->description = g_strdup ("A package of the benchmark: a thousand schemes.");
  for (guint i = 0; i < SCHEMES_PER_PACKAGE; i++)
    {
      MpScheme *s = mp_scheme_new ();

      s->name = g_strdup_printf ("Scheme %u.%u — circular agriculture", n, i);
      s->kind = (MpSchemeKind) (i % 5);   /* not home_track: it has no sector rules */
      s->partner = g_strdup (p->partners[i % 3]);
      s->sector = g_strdup (i % 2 ? "agriculture_horticulture" : "ict");
      s->quota = 10 + i;
      s->first_year = 2027 + (int) (i % 5);
      s->intake_years = 3;
      s->months = 9;
      s->stays = 2;
      s->training_months = 2;
      s->home_track_ratio = 0.5;
      s->cost_per_participant = 2500;
      s->employer_share = 0.5;
      s->language_support = TRUE;
      s->complaints_channel = TRUE;
      s->reintegration_support = TRUE;
      s->return_incentives = TRUE;
      g_ptr_array_add (p->schemes, s);
    }
  return p;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpReference) ref = NULL;
  g_autoptr(MpDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *measure_argv[4];
  gint64 t0;
  int status = 0;

  if (argc == 3 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2]);

  ref = mp_reference_load_default (&error);
  if (ref == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  dir = g_dir_make_tmp ("mp-bench-XXXXXX", &error);
  path = g_build_filename (dir, "bench.mplan", NULL);

  t0 = g_get_monotonic_time ();
  doc = mp_document_create (path, ref, &error);
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < N_PACKAGES; i++)
    {
      g_autoptr(MpPackage) p = big_package (i);

      if (mp_document_add_package (doc, p, &error) == 0)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }
  g_clear_object (&doc);
  {
    GStatBuf st;

    g_stat (path, &st);
    g_print ("created %u packages of %u schemes in %.1f s; file %.1f MB\n", N_PACKAGES,
             SCHEMES_PER_PACKAGE, (g_get_monotonic_time () - t0) / 1e6,
             st.st_size / (1024.0 * 1024.0));
  }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  measure_argv[0] = self_exe != NULL ? self_exe : argv[0];
  measure_argv[1] = "--measure";
  measure_argv[2] = path;
  measure_argv[3] = NULL;
  if (!g_spawn_sync (NULL, (char **) measure_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print ("%s", out);
  g_printerr ("%s", err);

  g_unlink (path);
  g_rmdir (dir);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}
