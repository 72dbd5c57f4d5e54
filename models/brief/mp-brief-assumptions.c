/* mp-brief-assumptions.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-brief-private.h"

/* The sheet Assumptions: every constant of the model with its range,
 * rationale and source (models/README.md, “Assumptions”). */

void
_mp_brief_write_assumptions (MpBriefBook     *b,
                             MpBriefSheet    *s,
                             const MpPackage *pkg)
{
  const char *ah[] = {
    _("Assumption"), C_("identifier of an assumption", "Key"), _("Unit"),
    _("Low"), _("Value (mode)"), _("High"),
    _("Set in this package"), _("Rationale"),
    _("Source"),
  };
  lxw_row_t row = 0, header;

  _mp_brief_put_span (b, s, row++, 0, _("Assumptions"), b->f_title);
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                      _("Every constant of the model, with its triangular range (low, mode, high), its rationale and source. Ranges with low = high are not drawn in the uncertainty analysis."),
                      b->f_note);
  row++;
  header = row;
  for (int id = 0; id < MP_N_ASSUMPTIONS; id++)
    {
      const MpAssumptionInfo *info = mp_assumption_info (id);
      lxw_row_t r = header + 1 + id;
      double lo = NAN, mode = NAN, hi = NAN;
      lxw_format *f = b->f_dec3;

      if (info == NULL)
        continue;
      if (!mp_package_get_assumption (pkg, info->key, &lo, &mode, &hi))
        {
          lo = info->low;
          mode = info->mode;
          hi = info->high;
        }
      if (fabs (mode) >= 100)
        f = b->f_int;
      else if (fabs (mode) >= 10)
        f = b->f_dec1;
      else if (mode != 0 && fabs (mode) < 0.01)
        f = b->f_small;
      _mp_brief_put_text (b, s, r, 0, mp_assumption_info_label (info), b->f_wrap);
      _mp_brief_put_text (b, s, r, 1, info->key, b->f_text);
      _mp_brief_put_text (b, s, r, 2, mp_assumption_info_unit (info), b->f_wrap);
      _mp_brief_put_num (b, s, r, 3, lo, f);
      _mp_brief_put_num (b, s, r, 4, mode, f);
      _mp_brief_put_num (b, s, r, 5, hi, f);
      _mp_brief_put_text (b, s, r, 6, _mp_brief_yes_no (mp_package_assumption_overridden (pkg, info->key)), b->f_center);
      _mp_brief_put_text (b, s, r, 7, mp_assumption_info_rationale (info), b->f_wrap);
      _mp_brief_put_text (b, s, r, 8, info->source, b->f_wrap);
    }
  _mp_brief_add_table (b, s, header, 0, header + MP_N_ASSUMPTIONS, ah, G_N_ELEMENTS (ah));

  _mp_brief_sheet_cap (s, 0, 30);
  _mp_brief_sheet_cap (s, 1, 26);
  _mp_brief_sheet_cap (s, 2, 22);
  _mp_brief_sheet_cap (s, 7, 80);
  _mp_brief_sheet_cap (s, 8, 40);
  _mp_brief_record (b, worksheet_repeat_rows (s->ws, header, header));
  worksheet_freeze_panes (s->ws, header + 1, 1);
  _mp_brief_sheet_finish (b, s);
}
