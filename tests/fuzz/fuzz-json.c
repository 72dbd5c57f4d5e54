/* fuzz-json.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "mp-evaluation.h"
#include "mp-json.h"

/* JSON package import (mp_json_read_packages) on arbitrary bytes.
 *
 * What is read must also survive the rest of the way a package file goes:
 * it is written back and read again (the writer's output must be accepted
 * by the reader with the same number of packages), and every package is
 * evaluated against the reference merged with what the file embeds (hostile
 * embedded partners and sectors reach the evaluator this way). */

int
mp_fuzz_json (const uint8_t *data,
              size_t         size)
{
  const MpReference *reference = mp_fuzz_reference ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(MpReference) merged = NULL;
  g_autofree char *written = NULL;

  packages = mp_json_read_packages ((const char *) data, (gssize) size, reference,
                                    &embedded, &error);
  if (packages == NULL)
    {
      g_assert (error != NULL && error->domain == MP_JSON_ERROR);
      mp_fuzz_check_message (error->message, data, size);
      return 0;
    }
  g_assert_no_error (error);

  written = mp_json_write_packages (packages, embedded, &error);
  if (written == NULL)
    g_error ("A package that was read cannot be written: %s", error->message);
  again = mp_json_read_packages (written, -1, reference, NULL, &error);
  if (again == NULL)
    g_error ("The writer's output is refused by the reader: %s\n%s", error->message, written);
  g_assert_cmpuint (again->len, ==, packages->len);

  merged = mp_json_merge_reference (reference, embedded);
  for (guint i = 0; i < packages->len; i++)
    {
      g_autoptr(MpEvaluation) eval = NULL;

      eval = mp_evaluate (g_ptr_array_index (packages, i), merged, &error);
      if (eval == NULL)
        {
          g_assert (error != NULL);
          mp_fuzz_check_message (error->message, data, size);
          g_clear_error (&error);
        }
    }

  return 0;
}

MP_FUZZ_DEFINE_TARGET (mp_fuzz_json)
