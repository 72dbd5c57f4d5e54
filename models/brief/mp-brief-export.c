/* mp-brief-export.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-brief-private.h"

/* The one export path of the application and the command line: evaluate
 * the packages in the brief's language, run their uncertainty analysis and
 * write the workbook. */

typedef struct
{
  MpProgressFunc progress;
  gpointer       progress_data;
  guint          index;
  guint          count;
} Progress;

/* The evaluations take all but a fifth of the bar; writing takes the rest. */
static void
report (Progress *p,
        double    fraction)
{
  if (p->progress != NULL)
    p->progress ((p->index + CLAMP (fraction, 0.0, 1.0)) / (p->count + 0.25), p->progress_data);
}

static void
uncertainty_progress_cb (double   fraction,
                         gpointer user_data)
{
  report (user_data, fraction);
}

/* Evaluates @pkg, with its uncertainty analysis unless @draws is 0 (or, with
 * MP_BRIEF_PACKAGE_DRAWS, the package's own number of draws is 0). */
static MpEvaluation *
evaluate (const MpPackage    *pkg,
          const MpReference  *ref,
          int                 draws,
          GCancellable       *cancellable,
          Progress           *progress,
          GError            **error)
{
  g_autoptr(MpEvaluation) eval = NULL;
  g_autoptr(GError) local = NULL;
  guint n = draws >= 0 ? (guint) draws : pkg->draws;

  eval = mp_evaluate (pkg, ref, &local);
  if (eval != NULL && n > 0 &&
      !mp_evaluation_run_uncertainty (eval, pkg, ref, n, pkg->seed, cancellable,
                                      uncertainty_progress_cb, progress, &local))
    g_clear_pointer (&eval, mp_evaluation_free);
  if (eval == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                     _("Cannot evaluate “%s”: %s"), pkg->name != NULL ? pkg->name : "", local->message);
      return NULL;
    }
  report (progress, 1.0);
  return g_steal_pointer (&eval);
}

static gboolean
export (GPtrArray             *packages,
        gboolean               comparison,
        const MpReference     *ref,
        const MpBriefOptions  *opts,
        int                    draws,
        const char            *path,
        GCancellable          *cancellable,
        MpProgressFunc         progress,
        gpointer               progress_data,
        GError               **error)
{
  const char *lang = _mp_brief_options_language (opts, error);
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_evaluation_free);
  g_autofree char *saved_language = NULL;
  Progress p = { progress, progress_data, 0, packages->len };
  gboolean ok;

  if (lang == NULL)
    return FALSE;

  /* The evaluation's texts (finding messages) are in the brief's language. */
  saved_language = g_strdup (mp_i18n_get_thread_language ());
  mp_i18n_set_thread_language (lang);
  for (p.index = 0; p.index < packages->len; p.index++)
    {
      MpEvaluation *eval = evaluate (g_ptr_array_index (packages, p.index), ref, draws,
                                     cancellable, &p, error);

      if (eval == NULL)
        break;
      g_ptr_array_add (evaluations, eval);
    }
  mp_i18n_set_thread_language (saved_language);
  if (evaluations->len < packages->len || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (comparison)
    ok = mp_brief_write_comparison (packages, evaluations, ref, opts, path, error);
  else
    ok = mp_brief_write (g_ptr_array_index (packages, 0), g_ptr_array_index (evaluations, 0),
                         ref, opts, path, error);
  if (ok && progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

/**
 * mp_brief_export_package:
 * @package: the package
 * @reference: the reference data to evaluate it with
 * @opts: (nullable): language, date and author
 * @draws: the Monte Carlo draws of the uncertainty analysis: 0 for none,
 *   %MP_BRIEF_PACKAGE_DRAWS for the package's own number
 * @path: the .xlsx file to write
 * @cancellable: (nullable): cancels the uncertainty analysis
 * @progress: (nullable) (scope call): told the fraction done, from 0 to 1,
 *   in the calling thread
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Evaluates @package (mp_evaluate(), with the package's seed for the
 * uncertainty analysis) in the brief's language, so that the finding
 * messages follow it too, and writes its brief with mp_brief_write().  The
 * calling thread's language is the same afterwards.
 *
 * Returns: %TRUE when the file was written; %FALSE with @error set:
 *   %G_IO_ERROR_CANCELLED when cancelled, %MP_BRIEF_ERROR_INVALID for an
 *   invalid language or a package that cannot be evaluated, else the error
 *   of mp_brief_write()
 */
gboolean
mp_brief_export_package (const MpPackage       *package,
                         const MpReference     *reference,
                         const MpBriefOptions  *opts,
                         int                    draws,
                         const char            *path,
                         GCancellable          *cancellable,
                         MpProgressFunc         progress,
                         gpointer               progress_data,
                         GError               **error)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();

  g_return_val_if_fail (package != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_add (packages, (gpointer) package);
  return export (packages, FALSE, reference, opts, draws, path, cancellable,
                 progress, progress_data, error);
}

/**
 * mp_brief_export_comparison:
 * @packages: (element-type MpPackage): 2 to 8 packages
 * @reference: the reference data to evaluate them with
 * @opts: (nullable): language, date and author
 * @draws: as for mp_brief_export_package()
 * @path: the .xlsx file to write
 * @cancellable: (nullable): cancels the uncertainty analyses
 * @progress: (nullable) (scope call): told the fraction done, from 0 to 1
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Evaluates each package as mp_brief_export_package() does and writes the
 * comparison workbook with mp_brief_write_comparison().
 *
 * Returns: %TRUE when the file was written; %FALSE with @error set, as for
 *   mp_brief_export_package() (%MP_BRIEF_ERROR_INVALID too for a number of
 *   packages out of range)
 */
gboolean
mp_brief_export_comparison (GPtrArray             *packages,
                            const MpReference     *reference,
                            const MpBriefOptions  *opts,
                            int                    draws,
                            const char            *path,
                            GCancellable          *cancellable,
                            MpProgressFunc         progress,
                            gpointer               progress_data,
                            GError               **error)
{
  g_return_val_if_fail (packages != NULL, FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mp_brief_comparison_valid (packages, error))
    return FALSE;
  return export (packages, TRUE, reference, opts, draws, path, cancellable,
                 progress, progress_data, error);
}
