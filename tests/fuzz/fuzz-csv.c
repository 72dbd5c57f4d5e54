/* fuzz-csv.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "mp-reference.h"

/* CSV indicator import (mp_reference_parse_csv) on arbitrary bytes, against
 * the shipped reference.  Accepted changes are applied to a copy of the
 * reference, which is then exported as CSV again and re-read: the export
 * of an imported reference must itself be importable. */

int
mp_fuzz_csv (const uint8_t *data,
             size_t         size)
{
  const MpReference *reference = mp_fuzz_reference ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(MpReference) copy = NULL;
  g_autofree char *csv = NULL;
  gsize len = 0;

  if (!mp_reference_parse_csv (reference, (const char *) data, size, &changes, &error))
    {
      g_assert (error != NULL && error->domain == MP_REFERENCE_ERROR);
      mp_fuzz_check_message (error->message, data, size);
      g_assert (changes == NULL);
      return 0;
    }
  g_assert_no_error (error);
  g_assert (changes != NULL);

  copy = mp_reference_copy (reference);
  if (!mp_reference_apply_changes (copy, changes, &error))
    g_error ("Parsed changes cannot be applied: %s", error->message);

  csv = mp_reference_to_csv (copy, &len);
  g_assert (csv != NULL);
  if (!mp_reference_parse_csv (copy, csv, len, &again, &error))
    g_error ("The export of an imported reference is refused: %s", error->message);

  return 0;
}

MP_FUZZ_DEFINE_TARGET (mp_fuzz_csv)
