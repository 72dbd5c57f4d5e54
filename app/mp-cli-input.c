/* mp-cli-input.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-evaluation.h"
#include "mp-json.h"
#include "mp-reference.h"

/* What the commands read: a document (every command that takes one), or "a
 * document or a JSON file" (evaluate, export-brief, compare) and the one way
 * these evaluate what they loaded. */

/**
 * mp_cli_open_document:
 * @path: a document (.mplan)
 * @for_writing: whether the command changes the document
 * @error: return location for an error (mp_cli_exit_code_for_error())
 *
 * Opens @path, read-only unless @for_writing.  A document that cannot be
 * written (locked by another process, or on a read-only disk) is an
 * %MP_DOCUMENT_ERROR_READ_ONLY error when @for_writing.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MpDocument *
mp_cli_open_document (const char  *path,
                      gboolean     for_writing,
                      GError     **error)
{
  g_autoptr(MpDocument) doc = NULL;

  doc = mp_document_open (path, for_writing ? MP_DOCUMENT_OPEN_NONE : MP_DOCUMENT_OPEN_READ_ONLY,
                          error);
  if (doc != NULL && for_writing && mp_document_is_read_only (doc))
    {
      const char *reason = mp_document_get_read_only_reason (doc);

      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY, _("%s is read-only: %s"),
                   path, reason != NULL ? reason : _("it cannot be changed"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/* A document is an SQLite file; a file called *.mplan is taken for one too,
 * so that a damaged document is reported as a damaged document. */
static gboolean
is_document (const char *path)
{
  static const char magic[16] = "SQLite format 3";   /* with its NUL */
  char head[16] = { 0 };
  FILE *f;
  gsize n;

  if (g_str_has_suffix (path, ".mplan"))
    return TRUE;

  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);

  return n == sizeof head && memcmp (head, magic, sizeof head) == 0;
}

/* @known: the names of the packages @path holds. */
static gboolean
no_such_package (GError     **error,
                 const char  *path,
                 const char  *name,
                 GPtrArray   *known)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < known->len; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (known, i));
  g_set_error (error, MP_CLI_ERROR, MP_CLI_ERROR_INVALID,
               _("%s holds no package called “%s”; it holds: %s"), path, name,
               known->len > 0 ? list->str : _("no packages"));
  return FALSE;
}

static gboolean
load_document (MpCliInput          *input,
               const char          *path,
               const char * const  *names,
               GError             **error)
{
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  doc = mp_cli_open_document (path, FALSE, error);
  if (doc == NULL || (infos = mp_document_list_packages (doc, error)) == NULL)
    return FALSE;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = mp_document_find_package (doc, names[i]);

      if (id == 0)
        {
          g_autoptr(GPtrArray) known = g_ptr_array_new ();

          for (guint k = 0; k < infos->len; k++)
            g_ptr_array_add (known, ((MpPackageInfo *) g_ptr_array_index (infos, k))->name);
          return no_such_package (error, path, names[i], known);
        }
      g_array_append_val (ids, id);
    }
  if (names == NULL || names[0] == NULL)
    for (guint i = 0; i < infos->len; i++)
      g_array_append_val (ids, ((MpPackageInfo *) g_ptr_array_index (infos, i))->id);

  for (guint i = 0; i < ids->len; i++)
    {
      MpPackage *package = mp_document_get_package (doc, g_array_index (ids, gint64, i), error);

      if (package == NULL)
        return FALSE;
      g_ptr_array_add (input->packages, package);
    }

  input->reference = mp_reference_copy (mp_document_get_reference (doc));
  return TRUE;
}

static gboolean
load_json (MpCliInput          *input,
           const char          *path,
           const char * const  *names,
           GError             **error)
{
  g_autoptr(MpReference) shipped = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) local_error = NULL;

  shipped = mp_reference_load_default (&local_error);
  if (shipped == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot load the shipped reference data: %s"), local_error->message);
      return FALSE;
    }

  all = mp_json_read_packages_file (path, shipped, &embedded, &local_error);
  if (all == NULL)
    {
      /* Most messages name a field ("schemes[0].months: …"), not the file. */
      if (!g_str_has_prefix (local_error->message, path))
        g_prefix_error (&local_error, "%s: ", path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  input->reference = mp_json_merge_reference (shipped, embedded);

  if (names == NULL || names[0] == NULL)
    {
      g_ptr_array_extend_and_steal (input->packages, g_steal_pointer (&all));
      return TRUE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      const MpPackage *found = NULL;

      for (guint k = 0; k < all->len && found == NULL; k++)
        {
          const MpPackage *p = g_ptr_array_index (all, k);

          if (g_strcmp0 (p->name, names[i]) == 0)
            found = p;
        }
      if (found == NULL)
        {
          g_autoptr(GPtrArray) known = g_ptr_array_new ();

          for (guint k = 0; k < all->len; k++)
            g_ptr_array_add (known, ((MpPackage *) g_ptr_array_index (all, k))->name);
          return no_such_package (error, path, names[i], known);
        }
      g_ptr_array_add (input->packages, mp_package_copy (found));
    }
  return TRUE;
}

/**
 * mp_cli_input_load:
 * @input: an input filled with zeros
 * @path: a document (.mplan) or a JSON package or bundle file
 *   (data/JSON-FORMAT.md)
 * @names: (nullable) (array zero-terminated=1): the packages wanted, each
 *   the first of its name; %NULL or empty for all of them
 * @error: return location for an error (mp_cli_exit_code_for_error())
 *
 * Loads the packages called @names from @path with the reference data they
 * are evaluated with: a document's own snapshot, or for a JSON file the
 * shipped data with the partners and sectors the file embeds.  A file that
 * holds no package is an error.
 *
 * Returns: %TRUE on success
 */
gboolean
mp_cli_input_load (MpCliInput          *input,
                   const char          *path,
                   const char * const  *names,
                   GError             **error)
{
  gboolean loaded;

  g_return_val_if_fail (input->packages == NULL, FALSE);

  input->packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MP_CLI_ERROR, MP_CLI_ERROR_INVALID, _("%s: no such file"), path);
      return FALSE;
    }
  /* Not a FIFO or a device: opening one would block or never end. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MP_CLI_ERROR, MP_CLI_ERROR_INVALID, _("%s is not a regular file"), path);
      return FALSE;
    }

  loaded = is_document (path) ? load_document (input, path, names, error)
                              : load_json (input, path, names, error);
  if (loaded && input->packages->len == 0)
    {
      g_set_error (error, MP_CLI_ERROR, MP_CLI_ERROR_INVALID, _("%s holds no packages"), path);
      return FALSE;
    }
  return loaded;
}

/**
 * mp_cli_input_evaluate:
 * @input: a loaded input
 * @draws: Monte Carlo draws (0: none), or -1 for each package's own
 * @seed: (nullable): the Monte Carlo seed, or %NULL for each package's own
 * @error: return location for an error
 *
 * Evaluates every package of @input, with the uncertainty analysis when there
 * are draws, into @input->evaluations.  A block finding is a result, not an
 * error.
 *
 * Returns: %TRUE on success
 */
gboolean
mp_cli_input_evaluate (MpCliInput     *input,
                       gint64          draws,
                       const guint64  *seed,
                       GError        **error)
{
  g_return_val_if_fail (input->packages != NULL && input->reference != NULL, FALSE);

  g_clear_pointer (&input->evaluations, g_ptr_array_unref);
  input->evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_evaluation_free);

  for (guint i = 0; i < input->packages->len; i++)
    {
      const MpPackage *p = g_ptr_array_index (input->packages, i);
      guint n = draws >= 0 ? (guint) draws : p->draws;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(MpEvaluation) eval = mp_evaluate (p, input->reference, &local_error);

      if (eval == NULL ||
          (n > 0 && !mp_evaluation_run_uncertainty (eval, p, input->reference, n,
                                                    seed != NULL ? *seed : p->seed,
                                                    NULL, NULL, NULL, &local_error)))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("cannot evaluate “%s”: %s"), p->name, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (input->evaluations, g_steal_pointer (&eval));
    }
  return TRUE;
}

void
mp_cli_input_clear (MpCliInput *input)
{
  g_clear_pointer (&input->reference, mp_reference_free);
  g_clear_pointer (&input->packages, g_ptr_array_unref);
  g_clear_pointer (&input->evaluations, g_ptr_array_unref);
}
