/* mp-brief-partner.c
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
#include "mp-brief-private.h"

/* The sheet Partner: each partner's profile (risk class, demographic
 * dividend, WHO list), their indicators with year and source, and the
 * interest profiles behind the partner-interest fit. */

void
_mp_brief_write_partner (MpBriefBook       *b,
                         MpBriefSheet      *s,
                         const MpPackage   *pkg,
                         const MpReference *ref)
{
  const char *ih[] = {
    _("Partner"), _("Indicator"), _("Value"),
    _("Unit"), _("Year"), _("Source"),
  };
  g_autoptr(MpDdi) ddi = ref != NULL ? mp_reference_compute_ddi (ref) : NULL;
  MpRiskThresholds thresholds;
  lxw_row_t row = 0, iheader;
  guint n_rows = 0;
  g_autofree char *vintage = NULL;

  _mp_brief_risk_thresholds (pkg, &thresholds);
  _mp_brief_put_span (b, s, row++, 0, _("Partner profile"), b->f_title);
  vintage = g_strdup_printf (_("Reference data vintage: %s. Every value carries its year and source; “–” means no data (never zero)."),
                             ref != NULL && ref->vintage != NULL ? ref->vintage : "–");
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, vintage, b->f_note);
  row++;

  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *memberships = NULL;
      g_autofree char *frameworks = NULL;
      g_autofree char *risk = NULL;
      MpRiskBasis basis;
      MpRisk r;
      const MpDdiEntry *de;

      title = g_strdup_printf ("%s (%s)", _mp_brief_partner_name (ref, pkg->partners[i]), pkg->partners[i]);
      _mp_brief_put_span (b, s, row++, 0, title, b->f_h2);
      if (p == NULL)
        {
          _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, _("Not in the reference data."), b->f_warning);
          row++;
          continue;
        }
      memberships = p->memberships != NULL ? g_strjoinv (", ", p->memberships) : g_strdup ("");
      frameworks = p->frameworks != NULL ? g_strjoinv (", ", p->frameworks) : g_strdup ("");

      _mp_brief_put_text (b, s, row, 0, _("Region"), b->f_label);
      _mp_brief_put_text (b, s, row++, 1, p->region, b->f_text);
      _mp_brief_put_text (b, s, row, 0, _("Regional processes"), b->f_label);
      _mp_brief_put_text (b, s, row++, 1, *memberships ? memberships : "–", b->f_text);
      _mp_brief_put_text (b, s, row, 0, _("Existing frameworks"), b->f_label);
      _mp_brief_put_text (b, s, row++, 1, *frameworks ? frameworks : "–", b->f_text);
      _mp_brief_put_text (b, s, row, 0, _("Combination country (aid and trade)"), b->f_label);
      _mp_brief_put_text (b, s, row++, 1, _mp_brief_yes_no (p->combiland), b->f_text);
      _mp_brief_put_text (b, s, row, 0, _("On the WHO safeguards list (2023)"), b->f_label);
      _mp_brief_put_text (b, s, row, 1, _mp_brief_yes_no (p->who_ssl), p->who_ssl ? b->f_warning : b->f_text);
      _mp_brief_put_text (b, s, row++, 2, p->who_ssl_source, b->f_note);

      r = mp_partner_risk (p, &thresholds, &basis);
      r = MIN (r, MP_RISK_HIGH);
      risk = g_strdup (mp_risk_label (r));
      _mp_brief_put_text (b, s, row, 0, _("Human-rights risk class for migrants"), b->f_label);
      _mp_brief_put_text (b, s, row, 1, risk, r == MP_RISK_HIGH ? b->f_warning : b->f_text);
      _mp_brief_put_text (b, s, row++, 2, basis < MP_N_RISK_BASIS ? _mp_brief_risk_basis_label (basis) : NULL, b->f_note);
      if (p->has_risk_override && p->risk_override_reason != NULL)
        {
          _mp_brief_put_text (b, s, row, 0, _("Reason for the override"), b->f_label);
          _mp_brief_put_text (b, s, row++, 1, p->risk_override_reason, b->f_text);
        }
      if (p->excluded)
        {
          _mp_brief_put_text (b, s, row, 0, _("Excluded from partnerships"), b->f_label);
          _mp_brief_put_text (b, s, row++, 1, p->excluded_reason != NULL ? p->excluded_reason : _mp_brief_yes_no (TRUE), b->f_block);
        }

      de = ddi != NULL ? mp_ddi_lookup (ddi, p->iso3) : NULL;
      _mp_brief_put_text (b, s, row, 0, _("Demographic-dividend index (0–100)"), b->f_label);
      if (de != NULL && isfinite (de->index))
        {
          /* TRANSLATORS: the section name of models/README.md stays in English */
          g_autofree char *rank = g_strdup_printf (_("rank %u of %u partners (models/README.md, “Demographic dividend and labour slack”; WRR)"),
                                                   de->rank, ddi->set_size);
          _mp_brief_put_num (b, s, row, 1, de->index, b->f_dec1);
          _mp_brief_put_text (b, s, row++, 2, rank, b->f_note);
        }
      else
        _mp_brief_put_text (b, s, row++, 1, "–", b->f_text);
      row++;
    }

  /* One table of indicators for all partners of the package. */
  _mp_brief_put_span (b, s, row++, 0, _("Indicators"), b->f_h2);
  iheader = row;
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;

      if (p == NULL)
        continue;
      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          lxw_row_t r = iheader + 1 + n_rows++;
          const MpValue *v = &p->ind[k];

          _mp_brief_put_text (b, s, r, 0, p->iso3, b->f_text);
          _mp_brief_put_text (b, s, r, 1, mp_indicator_label (k), b->f_text);
          if (mp_value_present (v))
            {
              _mp_brief_put_num (b, s, r, 2, v->value, _mp_brief_indicator_format (b, k));
              _mp_brief_put_num (b, s, r, 4, v->year, b->f_year);
            }
          else
            {
              _mp_brief_put_text (b, s, r, 2, _("no data"), b->f_note);
              _mp_brief_put_text (b, s, r, 4, "–", b->f_text);
            }
          _mp_brief_put_text (b, s, r, 3, _mp_brief_indicator_unit (k), b->f_unit);
          _mp_brief_put_text (b, s, r, 5, v->source, b->f_wrap);
        }
    }
  if (n_rows > 0)
    _mp_brief_add_table (b, s, iheader, 0, iheader + n_rows, ih, G_N_ELEMENTS (ih));
  else
    _mp_brief_put_para (b, s, iheader + 1, 0, MP_BRIEF_LAST_COL, _("No indicators."), b->f_note);
  row = iheader + MAX (n_rows, 1) + 2;

  /* The interest profile behind the fit. */
  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      const MpPartner *p = ref != NULL ? mp_reference_find_partner (ref, pkg->partners[i]) : NULL;
      g_autofree char *title = NULL;

      if (p == NULL)
        continue;
      title = g_strdup_printf (_("Interest profile: %s"), _mp_brief_partner_name (ref, p->iso3));
      _mp_brief_put_span (b, s, row++, 0, title, b->f_h2);
      _mp_brief_put_text (b, s, row, 0, C_("partner interest", "Interest"), b->f_head);
      _mp_brief_put_text (b, s, row, 1, _("Weight (0–5)"), b->f_head);
      _mp_brief_put_text (b, s, row++, 2, _("Package override"), b->f_head);
      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          _mp_brief_put_text (b, s, row, 0, mp_interest_label (k), b->f_text);
          _mp_brief_put_num (b, s, row, 1, p->profile.weights[k], b->f_dec1);
          if (isfinite (pkg->interest_weights[k]))
            _mp_brief_put_num (b, s, row, 2, pkg->interest_weights[k], b->f_dec1);
          row++;
        }
      if (p->profile.rationale != NULL)
        _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, p->profile.rationale, b->f_note);
      row++;
    }

  _mp_brief_sheet_cap (s, 0, 40);
  _mp_brief_sheet_cap (s, 1, 34);
  _mp_brief_sheet_cap (s, 2, 26);
  _mp_brief_sheet_cap (s, 3, 26);
  _mp_brief_sheet_cap (s, 5, 50);
  if (n_rows > 0)
    _mp_brief_record (b, worksheet_repeat_rows (s->ws, iheader, iheader));
  _mp_brief_sheet_finish (b, s);
}
