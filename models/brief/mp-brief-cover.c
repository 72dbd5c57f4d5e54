/* mp-brief-cover.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-brief-private.h"

/* The sheet Brief: the one-page cover, written last because it links to
 * cells of the other sheets. */

void
_mp_brief_write_cover (MpBriefBook        *b,
                       MpBriefSheet       *s,
                       const MpPackage    *pkg,
                       const MpEvaluation *eval,
                       const MpReference  *ref)
{
  g_autofree char *partners = _mp_brief_partners_text (pkg, ref);
  g_autofree char *horizon = NULL;
  g_autoptr(GPtrArray) findings = _mp_brief_sorted_findings (eval);
  g_autoptr(MpDdi) ddi = ref != NULL ? mp_reference_compute_ddi (ref) : NULL;
  MpRiskThresholds thresholds;
  lxw_row_t row = 0, fit_row = 0, nl_row = 0;
  guint shown;

  _mp_brief_risk_thresholds (pkg, &thresholds);
  worksheet_gridlines (s->ws, LXW_HIDE_ALL_GRIDLINES);
  worksheet_fit_to_pages (s->ws, 1, 1);
  _mp_brief_sheet_cap (s, 0, 44);
  _mp_brief_sheet_cap (s, 1, 18);
  _mp_brief_sheet_cap (s, 2, 18);
  _mp_brief_sheet_cap (s, 3, 18);
  s->width[0] = 44;
  s->width[1] = s->width[2] = s->width[3] = 17;

  _mp_brief_put_span (b, s, row++, 0, _("Negotiation brief"), b->f_title);
  _mp_brief_put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;

  _mp_brief_put_text (b, s, row, 0, _("Partner"), b->f_label);
  _mp_brief_put_span (b, s, row++, 1, partners, b->f_text);
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      const MpDdiEntry *de = ddi != NULL ? mp_ddi_lookup (ddi, pkg->partners[i]) : NULL;
      g_autofree char *line = NULL;
      MpRisk r;

      if (p == NULL)
        continue;
      r = MIN (mp_partner_risk (p, &thresholds, NULL), MP_RISK_HIGH);
      /* TRANSLATORS: the first %s is a country code, the second a risk class
       * ("High"), the last one "; on the WHO safeguards list" or nothing */
      if (de != NULL && isfinite (de->index))
        line = g_strdup_printf (_("%s: human-rights risk %s; demographic-dividend index %.0f (rank %u of %u)%s"),
                                p->iso3, mp_risk_label (r), de->index, de->rank, ddi->set_size,
                                p->who_ssl ? _("; on the WHO safeguards list") : "");
      else
        line = g_strdup_printf (_("%s: human-rights risk %s; demographic-dividend index: no data%s"),
                                p->iso3, mp_risk_label (r),
                                p->who_ssl ? _("; on the WHO safeguards list") : "");
      _mp_brief_put_para (b, s, row++, 1, 3, line, p->excluded || r == MP_RISK_HIGH ? b->f_warning : b->f_text);
      if (p->excluded)
        _mp_brief_put_para (b, s, row++, 1, 3, _("Excluded: no partnership possible."), b->f_block);
    }
  if (pkg->description != NULL && *pkg->description != '\0')
    {
      g_autofree char *d = _mp_brief_clean_line (pkg->description, 400);

      _mp_brief_put_text (b, s, row, 0, _("Package"), b->f_label);
      _mp_brief_put_para (b, s, row++, 1, 3, d, b->f_text);
    }
  _mp_brief_put_text (b, s, row, 0, _("Date"), b->f_label);
  {
    lxw_datetime dt = {
      g_date_time_get_year (b->date), g_date_time_get_month (b->date),
      g_date_time_get_day_of_month (b->date), 0, 0, 0
    };
    _mp_brief_record (b, worksheet_write_datetime (s->ws, row++, 1, &dt, b->f_date));
  }
  if (b->author != NULL && *b->author != '\0')
    {
      _mp_brief_put_text (b, s, row, 0, _("Prepared by"), b->f_label);
      _mp_brief_put_span (b, s, row++, 1, b->author, b->f_text);
    }
  _mp_brief_put_text (b, s, row, 0, _("Reference data vintage"), b->f_label);
  _mp_brief_put_span (b, s, row++, 1, ref != NULL && ref->vintage != NULL ? ref->vintage : "–", b->f_text);
  /* TRANSLATORS: the first year, the last year and the number of years */
  horizon = g_strdup_printf (mp_ngettext ("%d–%d (%d year)", "%d–%d (%d years)", MAX (eval->n_years, 0)),
                             eval->start_year, eval->start_year + eval->n_years - 1, eval->n_years);
  _mp_brief_put_text (b, s, row, 0, _("Horizon"), b->f_label);
  _mp_brief_put_span (b, s, row++, 1, horizon, b->f_text);
  row++;

  /* Headline figures: live links to the sheets that compute them. */
  _mp_brief_put_text (b, s, row, 0, _("Headline figures"), b->f_head);
  _mp_brief_put_text (b, s, row, 1, _("Value"), b->f_head_num);
  _mp_brief_put_text (b, s, row, 2, eval->has_uncertainty ? "P10" : "", b->f_head_num);
  _mp_brief_put_text (b, s, row++, 3, eval->has_uncertainty ? "P90" : "", b->f_head_num);
  {
    static const MpHeadline order[] = {
      MP_HEADLINE_ADMISSIONS, MP_HEADLINE_PERSON_YEARS, MP_HEADLINE_REMITTANCES,
      MP_HEADLINE_NET_MIGRATION, MP_HEADLINE_FIT, MP_HEADLINE_NL_BENEFIT,
      MP_HEADLINE_BALANCE, MP_HEADLINE_COST_PUBLIC,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        MpHeadline h = order[i];
        lxw_format *f = _mp_brief_headline_format (b, h, TRUE);
        const char *link = NULL;
        double cached = eval->headline[h];

        _mp_brief_put_text (b, s, row, 0, _mp_brief_headline_label (h), b->f_text);
        switch (h)
          {
          case MP_HEADLINE_PERSON_YEARS: link = b->ref_py_total; cached = b->py_total; break;
          case MP_HEADLINE_COST_PUBLIC: link = b->ref_cost_total; cached = b->cost_total; break;
          case MP_HEADLINE_FIT: link = b->ref_fit; cached = b->fit; fit_row = row; break;
          case MP_HEADLINE_NL_BENEFIT: link = b->ref_nl; cached = b->nl; nl_row = row; break;
          case MP_HEADLINE_ADMISSIONS:
          case MP_HEADLINE_REMITTANCES:
          case MP_HEADLINE_NET_MIGRATION:
          case MP_HEADLINE_BALANCE:
          case MP_N_HEADLINES:
          default:
            break;
          }
        if (h == MP_HEADLINE_BALANCE && fit_row > 0 && nl_row > 0)
          {
            g_autofree char *a = _mp_brief_cell_name (fit_row, 1);
            g_autofree char *c = _mp_brief_cell_name (nl_row, 1);
            g_autofree char *formula = g_strdup_printf ("=%s-%s", a, c);

            _mp_brief_put_formula (b, s, row, 1, formula, b->fit - b->nl, f);
          }
        else if (link != NULL)
          {
            g_autofree char *formula = g_strdup_printf ("=%s", link);
            _mp_brief_put_formula (b, s, row, 1, formula, cached, f);
          }
        else
          _mp_brief_put_num (b, s, row, 1, eval->headline[h], f);
        if (eval->has_uncertainty)
          {
            _mp_brief_put_num (b, s, row, 2, eval->quantiles[h].p10, _mp_brief_headline_format (b, h, FALSE));
            _mp_brief_put_num (b, s, row, 3, eval->quantiles[h].p90, _mp_brief_headline_format (b, h, FALSE));
          }
        row++;
      }
  }
  {
    double balance = b->fit - b->nl;
    const char *reading;

    if (balance < 0)
      /* TRANSLATORS: [EV] is the evaluation named in the sources below */
      reading = _("Balance below zero: the package serves the Netherlands more than the partner; the Netherlands is the asking party [EV §3.1].");
    else
      reading = _("Balance at or above zero: the package serves the partner at least as much as the Netherlands.");
    _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, reading, balance < 0 ? b->f_warning : b->f_note);
  }
  {
    double returns = 0;

    for (guint i = 0; pkg->asks != NULL && i < pkg->asks->len; i++)
      returns += ((MpAsk *) g_ptr_array_index (pkg->asks, i))->returns_mode;
    if (returns > 0)
      {
        g_autofree char *ev = g_strdup_printf (
            _("Expected extra returns: %.0f a year (assumed). Only measured effect of a Dutch partnership: about +%.0f forced returns a year (Morocco) [EV]."),
            returns, mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
        _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, ev, b->f_note);
      }
  }
  if (!eval->has_uncertainty)
    _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No uncertainty analysis: deterministic figures."), b->f_note);
  row++;

  /* Blocks and warnings. */
  {
    g_autofree char *counts = g_strdup_printf (_("Safeguards — blocks: %d · warnings: %d · notes: %d"),
                                               eval->n_blocks, eval->n_warnings, eval->n_notes);
    _mp_brief_put_text (b, s, row, 0, counts, b->f_head);
    for (lxw_col_t c = 1; c < 4; c++)
      _mp_brief_put_blank (b, s, row, c, b->f_head);
    row++;
  }
  shown = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const MpFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *msg = NULL;
      MpSeverity sev = MIN (f->severity, MP_SEVERITY_BLOCK);

      if (sev == MP_SEVERITY_NOTE)
        break;
      if (shown == MP_BRIEF_COVER_LIST_MAX)
        break;
      msg = _mp_brief_clean_line (f->message, 300);
      _mp_brief_put_text (b, s, row, 0, mp_severity_label (sev), _mp_brief_severity_format (b, sev));
      _mp_brief_put_para (b, s, row++, 1, 3, msg, b->f_text);
      shown++;
    }
  if (eval->n_blocks + eval->n_warnings == 0)
    _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No blocks or warnings."), b->f_good);
  else if ((int) shown < eval->n_blocks + eval->n_warnings)
    {
      guint n_more = (guint) (eval->n_blocks + eval->n_warnings) - shown;
      /* TRANSLATORS: "Safeguards" is the name of the sheet */
      g_autofree char *more = g_strdup_printf (mp_ngettext ("… and %u more: see the sheet Safeguards.",
                                                            "… and %u more: see the sheet Safeguards.", n_more),
                                               n_more);
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, more, b->f_note);
    }
  row++;

  /* Required monitoring, strictest first. */
  _mp_brief_put_text (b, s, row, 0, _("Required monitoring"), b->f_head);
  _mp_brief_put_text (b, s, row, 1, _("Country × measure"), b->f_head);
  _mp_brief_put_text (b, s, row, 2, _("Monitoring"), b->f_head);
  _mp_brief_put_blank (b, s, row, 3, b->f_head);
  row++;
  {
    guint nm = eval->measures != NULL ? eval->measures->len : 0;
    g_autofree guint *order = g_new0 (guint, MAX (nm, 1));
    guint k = 0;

    for (int level = MP_MONITOR_NOT_ALLOWED; level >= MP_MONITOR_STANDARD; level--)
      for (guint i = 0; i < nm; i++)
        {
          const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, i);
          if ((int) _mp_brief_measure_monitoring (me) == level)
            order[k++] = i;
        }
    for (shown = 0; shown < nm && shown < MP_BRIEF_COVER_LIST_MAX; shown++)
      {
        const MpMeasure *me = &g_array_index (eval->measures, MpMeasure, order[shown]);
        MpMonitoring mon = _mp_brief_measure_monitoring (me);
        MpRisk cr = MIN (me->country_risk, MP_RISK_HIGH);
        MpRisk mr = MIN (me->measure_risk, MP_RISK_HIGH);
        g_autofree char *cell = g_strdup_printf ("%s × %s", mp_risk_label (cr),
                                                 mp_risk_label (mr));
        g_autofree char *label = _mp_brief_measure_label (pkg, me);
        g_autofree char *measure = _mp_brief_clean_line (label, 120);

        _mp_brief_put_text (b, s, row, 0, measure, b->f_wrap);
        _mp_brief_put_text (b, s, row, 1, me->never_allowed ? _("never allowed") : cell, b->f_text);
        _mp_brief_put_para (b, s, row++, 2, 3, _mp_brief_monitoring_label (mon),
                            mon == MP_MONITOR_NOT_ALLOWED ? b->f_block : b->f_text);
      }
    if (nm == 0)
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("No measures."), b->f_note);
    else if (nm > shown)
      {
        /* TRANSLATORS: "Safeguards" is the name of the sheet */
        g_autofree char *more = g_strdup_printf (mp_ngettext ("… and %u more: see the sheet Safeguards.",
                                                              "… and %u more: see the sheet Safeguards.", nm - shown),
                                                 nm - shown);
        _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, more, b->f_note);
      }
  }
  row++;
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                      /* TRANSLATORS: the titles of the two reports stay in Dutch; "sheet
                       * Assumptions" names the sheet of that name */
                      _("Sources: [AR] advisory report “Migratie in Partnerschap” (2026); [EV] evaluation “Op zoek naar grip” (2022–2025). Assumptions, ranges and sources: sheet Assumptions."),
                      b->f_note);
  s->last_col = 3;
  _mp_brief_sheet_finish (b, s);
}
