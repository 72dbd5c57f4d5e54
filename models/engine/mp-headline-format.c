/* mp-headline-format.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include "mp-headline-format.h"

/**
 * mp_headline_number_style:
 * @headline: a headline output
 *
 * The kind of figure @headline is: admissions and person-years are counts,
 * net migration a count with its sign, fit and NL benefit scores out of 100
 * with one decimal, the balance (fit − NL benefit) such a score with its
 * sign, remittances and public cost amounts of euros.
 *
 * Returns: the style to format @headline with
 */
MpNumberStyle
mp_headline_number_style (MpHeadline headline)
{
  switch (headline)
    {
    case MP_HEADLINE_NET_MIGRATION:
      return MP_NUMBER_SIGNED_COUNT;
    case MP_HEADLINE_FIT:
    case MP_HEADLINE_NL_BENEFIT:
      return MP_NUMBER_SCORE;
    case MP_HEADLINE_BALANCE:
      return MP_NUMBER_SIGNED_SCORE;
    case MP_HEADLINE_REMITTANCES:
    case MP_HEADLINE_COST_PUBLIC:
      return MP_NUMBER_EUROS;
    case MP_HEADLINE_ADMISSIONS:
    case MP_HEADLINE_PERSON_YEARS:
    case MP_N_HEADLINES:
    default:
      return MP_NUMBER_COUNT;
    }
}

/**
 * mp_format_headline:
 * @headline: a headline output
 * @value: its value (or a quantile of it)
 * @flags: %MP_FORMAT_TRUE_MINUS, %MP_FORMAT_EXACT_EUROS
 *
 * Formats @value the way @headline is shown: "2,580", "+60", "23.8",
 * "-35.4", "€3.9 m" (mp_headline_number_style(), mp_format_styled()).
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_headline (MpHeadline     headline,
                    double         value,
                    MpFormatFlags  flags)
{
  return mp_format_styled (mp_headline_number_style (headline), value, flags);
}
