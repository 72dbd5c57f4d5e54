/* mp-brief-safeguards.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-brief-private.h"

/* The sheet Safeguards: the findings, the risk matrix of country risk and
 * measure risk (models/README.md, “Human-rights risk framework”), and the
 * monitoring each measure of the package needs. */

void
_mp_brief_write_safeguards (MpBriefBook        *b,
                            MpBriefSheet       *s,
                            const MpPackage    *pkg,
                            const MpEvaluation *eval,
                            const MpReference  *ref)
{
  const char *fh[] = {
    _("Severity"), C_("safeguard rule", "Rule"), _("Finding"),
    _("Scheme"), _("Partner"), _("Source"),
  };
  const char *mh[] = {
    _("Measure"), _("Partner"),
    _("Country risk"), _("Measure risk"),
    _("Matrix cell"), _("Required monitoring"),
    /* TRANSLATORS: the five elements of monitoring a measure: its form,
     * who cooperates in it, how often, what it covers, what follows */
    C_("monitoring element", "Form"), C_("monitoring element", "Cooperation"),
    C_("monitoring element", "Frequency"), C_("monitoring element", "Content"),
    C_("monitoring element", "Follow-up"),
  };
  g_autoptr(GPtrArray) findings = _mp_brief_sorted_findings (eval);
  guint nm = eval->measures != NULL ? eval->measures->len : 0;
  lxw_row_t row = 0, fheader, mheader;
  g_autofree char *sev_range = NULL;

  _mp_brief_put_span (b, s, row++, 0, _("Safeguards and human-rights monitoring"), b->f_title);
  _mp_brief_put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  /* Counts, live over the findings table. */
  fheader = row + 5;
  if (findings->len > 0)
    sev_range = _mp_brief_range_ref (fheader + 1, 0, fheader + findings->len, 0);
  for (int sev = MP_SEVERITY_BLOCK; sev >= MP_SEVERITY_NOTE; sev--)
    {
      int count = sev == MP_SEVERITY_BLOCK ? eval->n_blocks : sev == MP_SEVERITY_WARNING ? eval->n_warnings : eval->n_notes;
      const char *label = mp_severity_label (sev);

      _mp_brief_put_text (b, s, row, 0, label, _mp_brief_severity_format (b, sev));
      if (sev_range != NULL)
        {
          g_autofree char *formula = g_strdup_printf ("=COUNTIF(%s,\"%s\")", sev_range, label);
          _mp_brief_put_formula (b, s, row, 1, formula, count, b->f_int);
        }
      else
        _mp_brief_put_num (b, s, row, 1, 0, b->f_int);
      row++;
    }
  row++;

  _mp_brief_put_span (b, s, row++, 0, _("Findings"), b->f_h2);
  g_assert (row == fheader);
  if (findings->len == 0)
    {
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No findings: the package trips no safeguard."), b->f_good);
      row++;
    }
  else
    {
      for (guint i = 0; i < findings->len; i++)
        {
          const MpFinding *f = g_ptr_array_index (findings, i);
          lxw_row_t r = fheader + 1 + i;
          MpSeverity sev = f->severity < MP_N_SEVERITY ? f->severity : MP_SEVERITY_NOTE;

          _mp_brief_put_text (b, s, r, 0, mp_severity_label (sev), _mp_brief_severity_format (b, sev));
          _mp_brief_put_text (b, s, r, 1, f->rule, b->f_text);
          _mp_brief_put_text (b, s, r, 2, f->message, b->f_wrap);
          _mp_brief_put_text (b, s, r, 3, _mp_brief_scheme_name (pkg, f->scheme), b->f_wrap);
          _mp_brief_put_text (b, s, r, 4, f->partner != NULL ? _mp_brief_partner_name (ref, f->partner) : NULL, b->f_text);
          _mp_brief_put_text (b, s, r, 5, f->source, b->f_wrap);
        }
      _mp_brief_add_table (b, s, fheader, 0, fheader + findings->len, fh, G_N_ELEMENTS (fh));
      row = fheader + findings->len + 2;
    }

  /* The risk matrix with the number of the package's measures in each cell. */
  _mp_brief_put_span (b, s, row++, 0, _("Risk matrix: country risk × measure risk → monitoring"), b->f_h2);
  {
    /* Two grids over the wide columns of the measures table (4-7): the
     * monitoring each cell requires, then the package's measures in it. */
    const lxw_col_t g0 = 4;
    lxw_row_t grid = row;
    lxw_row_t counts = grid + 5;
    lxw_row_t mfirst;
    g_autofree char *country_range = NULL;
    g_autofree char *measure_range = NULL;

    mheader = counts + 4 + 2 + 1;
    mfirst = mheader + 1;
    if (nm > 0)
      {
        country_range = _mp_brief_range_ref (mfirst, 2, mfirst + nm - 1, 2);
        measure_range = _mp_brief_range_ref (mfirst, 3, mfirst + nm - 1, 3);
      }
    /* TRANSLATORS: the corner of the risk matrix: its rows are the country's
     * risk class, its columns the measure's */
    _mp_brief_put_text (b, s, grid, g0, _("Country \\ measure"), b->f_head);
    _mp_brief_put_text (b, s, counts, g0, _("Measures in the package"), b->f_head);
    for (int m = 0; m < MP_N_RISK; m++)
      {
        _mp_brief_put_text (b, s, grid, g0 + 1 + m, mp_risk_label (m), b->f_head);
        _mp_brief_put_text (b, s, counts, g0 + 1 + m, mp_risk_label (m), b->f_head);
      }
    for (int c = 0; c < MP_N_RISK; c++)
      {
        _mp_brief_put_text (b, s, grid + 1 + c, g0, mp_risk_label (c), b->f_label);
        _mp_brief_put_text (b, s, counts + 1 + c, g0, mp_risk_label (c), b->f_label);
        for (int m = 0; m < MP_N_RISK; m++)
          {
            MpMonitoring mon = mp_monitoring_for_risk (c, m);
            int count = 0;

            _mp_brief_put_text (b, s, grid + 1 + c, g0 + 1 + m, _mp_brief_monitoring_label (mon),
                                mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_wrap);
            for (guint i = 0; i < nm; i++)
              {
                const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
                if ((int) me->country_risk == c && (int) me->measure_risk == m && !me->never_allowed)
                  count++;
              }
            if (nm > 0)
              {
                g_autofree char *formula = g_strdup_printf ("=COUNTIFS(%s,\"%s\",%s,\"%s\")",
                                                            country_range, mp_risk_label (c),
                                                            measure_range, mp_risk_label (m));
                _mp_brief_put_formula (b, s, counts + 1 + c, g0 + 1 + m, formula, count, b->f_int);
              }
            else
              _mp_brief_put_num (b, s, counts + 1 + c, g0 + 1 + m, 0, b->f_int);
          }
      }
    _mp_brief_put_para (b, s, counts + 4, 0, MP_BRIEF_LAST_COL,
                        /* TRANSLATORS: [AR] is the advisory report named in the
                         * sources on the cover */
                        _("Never allowed, whatever the class: transfers in breach of non-refoulement, push- or pullbacks, detention without guaranteed rights [AR rec. 3]. Monitoring elements after AR §4.2.3."),
                        b->f_note);
    row = counts + 6;
  }

  _mp_brief_put_span (b, s, row++, 0, _("Monitoring each measure needs"), b->f_h2);
  g_assert (row == mheader);
  if (nm == 0)
    _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No measures."), b->f_note);
  else
    {
      for (guint i = 0; i < nm; i++)
        {
          const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
          lxw_row_t r = mheader + 1 + i;
          MpMonitoring mon = _mp_brief_measure_monitoring (me);
          MpRisk cr = MIN (me->country_risk, MP_RISK_HIGH);
          MpRisk mr = MIN (me->measure_risk, MP_RISK_HIGH);
          g_autofree char *cell = g_strdup_printf ("%s × %s", mp_risk_label (cr),
                                                   mp_risk_label (mr));

          g_autofree char *label = _mp_brief_measure_label (pkg, me);

          _mp_brief_put_text (b, s, r, 0, label, b->f_wrap);
          _mp_brief_put_text (b, s, r, 1, _mp_brief_partner_name (ref, me->partner), b->f_text);
          _mp_brief_put_text (b, s, r, 2, mp_risk_label (cr), b->f_text);
          _mp_brief_put_text (b, s, r, 3, me->never_allowed ? _("Never allowed") : mp_risk_label (mr),
                              me->never_allowed ? b->f_block : b->f_text);
          _mp_brief_put_text (b, s, r, 4, me->never_allowed ? _("Never allowed") : cell, b->f_text);
          _mp_brief_put_text (b, s, r, 5, _mp_brief_monitoring_label (mon),
                              mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_wrap);
          for (int e = 0; e < MP_BRIEF_N_ELEMENTS; e++)
            _mp_brief_put_text (b, s, r, 6 + e, _mp_brief_monitoring_element (mon, e), b->f_wrap);
        }
      _mp_brief_add_table (b, s, mheader, 0, mheader + nm, mh, G_N_ELEMENTS (mh));
    }

  _mp_brief_sheet_cap (s, 0, 36);
  _mp_brief_sheet_cap (s, 1, 24);
  _mp_brief_sheet_cap (s, 2, 60);
  _mp_brief_sheet_cap (s, 3, 30);
  _mp_brief_sheet_cap (s, 4, 18);
  _mp_brief_sheet_cap (s, 5, 36);
  for (lxw_col_t c = 6; c < 11; c++)
    _mp_brief_sheet_cap (s, c, 30);
  if (findings->len > 0)
    {
      _mp_brief_record (b, worksheet_repeat_rows (s->ws, fheader, fheader));
      worksheet_freeze_panes (s->ws, fheader + 1, 0);
    }
  _mp_brief_sheet_finish (b, s);
}

