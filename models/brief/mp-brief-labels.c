/* mp-brief-labels.c
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

/* How the brief labels and formats the model's values.  The labels of the
 * model's enums come from the model (mp_scheme_kind_label() …); the tables
 * below hold the ones only the brief shows.  Every label is a gettext
 * message, translated into the brief's language when it is looked up. */

static const char * const offer_unit_labels[MP_N_OFFER_KINDS] = {
  N_("€ a year"),
  N_("€ a year"),
  N_("scholarships a year"),
  N_("level 0–3"),
  N_("€ a year"),
};

static const char * const monitoring_labels[MP_N_MONITOR] = {
  N_("Standard reporting"),
  N_("Standard reporting + periodic review"),
  N_("Enhanced: independent monitoring with local access"),
  N_("Enhanced + suspension clause"),
  N_("Not allowed"),
};

/* The five elements of adequate monitoring (advisory report §4.2.3) for
 * each level of the risk matrix (advisory report §4.2.1): form,
 * cooperation, frequency, content, follow-up.  NULL: no element ("–"). */
static const char * const monitoring_elements[MP_N_MONITOR][MP_BRIEF_N_ELEMENTS] = {
  [MP_MONITOR_STANDARD] = {
    N_("Reporting obligations in the agreement"),
    N_("Partner authorities report to the Netherlands"),
    N_("Regular reporting, as agreed"),
    N_("Indicators of migrants’ rights fixed in advance"),
    N_("Findings discussed in the partnership dialogue"),
  },
  [MP_MONITOR_STANDARD_REVIEW] = {
    N_("Reporting obligations in the agreement"),
    N_("Partner authorities report to the Netherlands"),
    N_("Regular reporting and a periodic review of the measure"),
    N_("Indicators of migrants’ rights fixed in advance"),
    N_("The review can adjust or end the measure"),
  },
  [MP_MONITOR_ENHANCED] = {
    N_("Reporting backed by independent institutions with local access"),
    N_("Partner authorities and independent actors (international organisations with a human-rights mandate, ombudsmen)"),
    N_("Periodic, set by the risk profile of country and measure"),
    N_("What is monitored and what counts as a breach, fixed in advance"),
    N_("Agreed consequences of findings"),
  },
  [MP_MONITOR_ENHANCED_SUSPENSION] = {
    N_("Reporting backed by independent institutions with local access"),
    N_("Partner authorities and independent actors (international organisations with a human-rights mandate, ombudsmen)"),
    N_("Periodic, set by the risk profile of country and measure"),
    N_("What is monitored and what counts as a breach, fixed in advance"),
    N_("Agreed consequences, including suspension of the measure after serious violations"),
  },
  [MP_MONITOR_NOT_ALLOWED] = {
    N_("Not allowed: leave this measure out of the package"),
  },
};

static const char * const interest_unit_labels[MP_N_INTERESTS] = {
  N_("admissions a year"),
  N_("trainees a year"),
  N_("€ a year"),
  N_("€ a year"),
  N_("scholarships a year"),
  N_("level 0–3"),
  N_("share of participants"),
  N_("€ a year"),
};

static const char * const nl_unit_labels[MP_N_NL_COMPONENTS] = {
  N_("person-years per vacancy"),
  N_("extra returns a year"),
  N_("level 0–3"),
  N_("public € per person-year"),
  N_("persons a year"),
};

static const char * const headline_labels[MP_N_HEADLINES] = {
  N_("Admissions a year (mean over the intake years)"),
  N_("Person-years over the horizon"),
  N_("Remittances, € a year (mean)"),
  N_("Net-migration contribution (cumulative)"),
  N_("Partner-interest fit (0–100)"),
  N_("Netherlands benefit (0–100)"),
  N_("Balance (fit − NL benefit)"),
  N_("Public cost over the horizon (€)"),
};

static const char * const indicator_unit_labels[MP_N_INDICATORS] = {
  N_("persons"),
  /* xgettext:no-c-format */
  N_("% of population"),
  /* xgettext:no-c-format */
  N_("% of working age"),
  /* xgettext:no-c-format */
  N_("% of working age"),
  N_("years"),
  N_("persons"),
  N_("persons"),
  N_("%"),
  /* xgettext:no-c-format */
  N_("% of labour force 15–24"),
  /* xgettext:no-c-format */
  N_("% of GDP"),
  N_("USD a year"),
  /* TRANSLATORS: a unit: US dollars */
  N_("USD"),
  /* TRANSLATORS: a unit: international dollars at purchasing-power parity */
  N_("international $"),
  N_("per 10,000"),
  N_("per 10,000"),
  /* TRANSLATORS: a unit: an index from 0 to 1 */
  N_("0–1"),
  N_("0–1"),
};

static const char * const risk_basis_labels[MP_N_RISK_BASIS] = {
  N_("V-Dem Liberal Democracy Index and thresholds"),
  N_("Context override"),
  N_("No index value: classed high as a precaution"),
};

const char *
_mp_brief_yes_no (gboolean v)
{
  return v ? _("Yes") : _("No");
}

const char *
_mp_brief_offer_unit (MpOfferKind kind)
{
  return kind < MP_N_OFFER_KINDS ? _(offer_unit_labels[kind]) : NULL;
}

const char *
_mp_brief_monitoring_label (MpMonitoring m)
{
  return _(monitoring_labels[MIN (m, MP_MONITOR_NOT_ALLOWED)]);
}

/* Element @element (0 to 4: form, cooperation, frequency, content,
 * follow-up) of the monitoring @m requires. */
const char *
_mp_brief_monitoring_element (MpMonitoring m,
                              guint        element)
{
  const char *text = monitoring_elements[MIN (m, MP_MONITOR_NOT_ALLOWED)][MIN (element, MP_BRIEF_N_ELEMENTS - 1)];

  return text != NULL ? _(text) : "–";
}

const char *
_mp_brief_headline_label (MpHeadline h)
{
  return h < MP_N_HEADLINES ? _(headline_labels[h]) : NULL;
}

const char *
_mp_brief_indicator_unit (MpIndicator i)
{
  return i < MP_N_INDICATORS ? _(indicator_unit_labels[i]) : NULL;
}

const char *
_mp_brief_risk_basis_label (MpRiskBasis basis)
{
  return basis < MP_N_RISK_BASIS ? _(risk_basis_labels[basis]) : NULL;
}

/* Fit component keys are an interest ("labour-mobility"), or an interest and
 * a partner in regional packages ("labour-mobility:MAR"). */
static gboolean
interest_of_key (const char *key,
                 MpInterest *out)
{
  const char *colon = strchr (key, ':');
  g_autofree char *head = colon != NULL ? g_strndup (key, colon - key) : g_strdup (key);

  return mp_interest_from_string (head, out);
}

/* The label of a score component in the brief's language, from its key
 * (the evaluation's label is in the language it ran in).  A label made up
 * here is returned in @owned too, for the caller to free. */
const char *
_mp_brief_component_label (const MpComponent  *c,
                           gboolean            nl_side,
                           const MpReference  *ref,
                           char              **owned)
{
  MpInterest i;
  MpNlComponent k;

  *owned = NULL;
  if (c->key == NULL)
    return c->label;
  if (!nl_side && interest_of_key (c->key, &i))
    {
      const char *colon = strchr (c->key, ':');

      if (colon == NULL)
        return mp_interest_label (i);
      /* Regional packages: one component per interest and partner. */
      *owned = g_strdup_printf ("%s (%s)", mp_interest_label (i),
                                _mp_brief_partner_name (ref, colon + 1));
      return *owned;
    }
  if (nl_side && mp_nl_component_from_string (c->key, &k))
    return mp_nl_component_label (k);
  if (nl_side && g_str_has_prefix (c->key, "shortage:"))
    {
      *owned = g_strdup_printf ("%s: %s", mp_nl_component_label (MP_NL_SHORTAGE),
                                _mp_brief_sector_name (ref, c->key + strlen ("shortage:")));
      return *owned;
    }
  return c->label;
}

/* The unit of a score component, and in @format how its amounts are shown. */
const char *
_mp_brief_component_unit (MpBriefBook        *b,
                          const MpComponent  *c,
                          gboolean            nl_side,
                          lxw_format        **format)
{
  MpInterest i;
  MpNlComponent k;

  *format = b->f_dec1;
  if (c->key == NULL)
    return c->unit;
  if (!nl_side && interest_of_key (c->key, &i))
    {
      if (i == MP_INTEREST_REMITTANCES || i == MP_INTEREST_INVESTMENT_TRADE ||
          i == MP_INTEREST_DEVELOPMENT)
        *format = b->f_eur;
      else if (i == MP_INTEREST_PROTECTION)
        *format = b->f_pct;
      return _(interest_unit_labels[i]);
    }
  if (nl_side && g_str_has_prefix (c->key, "shortage:"))
    k = MP_NL_SHORTAGE;
  else if (!(nl_side && mp_nl_component_from_string (c->key, &k)))
    return c->unit;
  if (k == MP_NL_COST)
    *format = b->f_eur;
  else if (k == MP_NL_SHORTAGE)
    *format = b->f_dec3;
  return _(nl_unit_labels[k]);
}

/* The label of a measure in the brief's language, from the package itself
 * (the evaluation's label is in the language it ran in). */
char *
_mp_brief_measure_label (const MpPackage *pkg,
                         const MpMeasure *me)
{
  if (me->scheme >= 0 && pkg->schemes != NULL && (guint) me->scheme < pkg->schemes->len)
    {
      const MpScheme *sc = g_ptr_array_index (pkg->schemes, me->scheme);

      if (sc->kind < MP_N_SCHEME_KINDS)
        return g_strdup_printf ("%s: %s", mp_scheme_kind_label (sc->kind),
                                sc->name != NULL ? sc->name : "");
    }
  if (me->offer >= 0 && pkg->offers != NULL && (guint) me->offer < pkg->offers->len)
    {
      const MpOffer *o = g_ptr_array_index (pkg->offers, me->offer);

      if (o->kind < MP_N_OFFER_KINDS)
        return g_strdup (mp_offer_kind_label (o->kind));
    }
  if (me->ask >= 0 && pkg->asks != NULL && (guint) me->ask < pkg->asks->len)
    {
      const MpAsk *a = g_ptr_array_index (pkg->asks, me->ask);

      if (a->kind < MP_N_ASK_KINDS)
        return g_strdup (mp_ask_kind_label (a->kind));
    }
  return g_strdup (me->measure != NULL ? me->measure : "");
}

lxw_format *
_mp_brief_indicator_format (MpBriefBook *b,
                            MpIndicator  i)
{
  switch (i)
    {
    case MP_IND_POPULATION:
    case MP_IND_WORKING_AGE_2025:
    case MP_IND_WORKING_AGE_2050:
    case MP_IND_REMITTANCES_USD:
    case MP_IND_GDP_PC_USD:
    case MP_IND_GDP_PC_PPP:
      return b->f_int;
    case MP_IND_VDEM_LIBDEM:
    case MP_IND_VDEM_POLYARCHY:
      return b->f_dec3;
    case MP_IND_WORKING_AGE_SHARE:
    case MP_IND_DEPENDENCY_RATIO:
    case MP_IND_OLD_AGE_DEPENDENCY:
    case MP_IND_MEDIAN_AGE:
    case MP_IND_WORKING_AGE_GROWTH:
    case MP_IND_YOUTH_UNEMPLOYMENT:
    case MP_IND_REMITTANCES_PCT_GDP:
    case MP_IND_DOCTORS_PER_10K:
    case MP_IND_NURSES_PER_10K:
    case MP_N_INDICATORS:
    default:
      return b->f_dec1;
    }
}

/* The format of a headline figure; @big for the cover. */
lxw_format *
_mp_brief_headline_format (MpBriefBook *b,
                           MpHeadline   h,
                           gboolean     big)
{
  switch (h)
    {
    case MP_HEADLINE_REMITTANCES:
    case MP_HEADLINE_COST_PUBLIC:
      return big ? b->f_big_eur : b->f_eur;
    case MP_HEADLINE_FIT:
    case MP_HEADLINE_NL_BENEFIT:
    case MP_HEADLINE_BALANCE:
      return big ? b->f_big_dec1 : b->f_dec1;
    case MP_HEADLINE_ADMISSIONS:
    case MP_HEADLINE_PERSON_YEARS:
    case MP_HEADLINE_NET_MIGRATION:
    case MP_N_HEADLINES:
    default:
      return big ? b->f_big_int : b->f_int;
    }
}

lxw_format *
_mp_brief_severity_format (MpBriefBook *b,
                           MpSeverity   s)
{
  return s == MP_SEVERITY_BLOCK ? b->f_block : s == MP_SEVERITY_WARNING ? b->f_warning : b->f_text;
}
