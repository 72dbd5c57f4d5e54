/* mp-assumptions.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-assumptions"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"

/* Every number below is either sourced (the source says where it was read)
 * or marked as a judgement; models/README.md, “Assumptions”, says where the
 * engine uses each one. */
static const MpAssumptionInfo catalogue[MP_N_ASSUMPTIONS] = {
  {
    MP_ASSUMPTION_FILL_RATE, "fill-rate",
    N_("Fill rate"), N_("share of quota"),
    0.25, 0.50, 0.75, 0.0, 1.0,
    N_("Share of the quota actually taken up. Open quota systems convert few places: "
       "Italy’s decreto flussi turned 23.5 % (2023) and 35.3 % (2022) of its quotas into "
       "contracts or permits, Germany’s Western Balkans Regulation issued visas for 38 % of "
       "approvals (2016–2017). Government-run recruitment does better: 62 % of Triple Win "
       "nurses had arrived by 2019, about 75 % by 2025. A negotiated bilateral scheme is "
       "placed between the two: 25–75 %, most likely 50 % (judgement). Home-track training "
       "places are not subject to it (PALIM: 9,677 applicants for 120 places)."),
    "Ero Straniero dossier on the decreto flussi (ministry data); IAB on the Western Balkans "
    "Regulation; GIZ/BA Triple Win; Enabel PALIM",
  },
  {
    MP_ASSUMPTION_OVERSTAY, "overstay",
    N_("Overstay rate"), N_("share of participants"),
    0.01, 0.02, 0.10, 0.0, 1.0,
    N_("Share of participants who do not return at the end of their final stay and stay "
       "irregularly. Well-run schemes with return incentives: 1–3 % (NZ RSE about 1 % in "
       "the first season; 2.4 % of Tongan workers in 2010/11). Stress cases: more than one "
       "in ten absconded from Australia’s SWP in 2020-21, over 20 % of the 2020/21 GECCO "
       "contingent did not return (press). Default 1–10 %, most likely 2 %; raise the high "
       "to 20 % for a stress test."),
    "World Bank WPS6762 (Gibson & McKenzie); NZ DoL; devpolicy.org; Diario de Huelva",
  },
  {
    MP_ASSUMPTION_SETTLEMENT, "settlement-share",
    N_("Settlement share (no mandatory return)"), N_("share of participants"),
    0.10, 0.30, 0.50, 0.0, 1.0,
    N_("Share of participants of schemes without mandatory return who settle legally at "
       "the end of their final stay (a longer permit, family, permanent residence). Triple "
       "Win nurses move on to extensions and permanent residence; Italy–Tunisia workers may "
       "stay for the rest of their permit. No measured settlement rate was found: "
       "judgement."),
    "Judgement; route designs of Germany’s Triple Win and the Italy–Tunisia MoU of October "
    "2023",
  },
  {
    MP_ASSUMPTION_SETTLEMENT_RETURN, "settlement-share-return",
    N_("Settlement share (mandatory return)"), N_("share of participants"),
    0.00, 0.02, 0.05, 0.0, 1.0,
    N_("Share of participants of schemes with mandatory return who settle legally anyway, "
       "through a change of status. Spain checks each worker’s return commitment before "
       "calling them back for a new season. Judgement."),
    "Judgement; Orden ISM/1417/2023 (Spain–Morocco GECCO)",
  },
  {
    MP_ASSUMPTION_REMITTANCE_SHARE, "remittance-share",
    N_("Share of earnings sent home"), N_("share of gross earnings"),
    0.40, 0.50, 0.60, 0.0, 1.0,
    N_("Share of gross earnings sent home in total, as remittances during the stay plus "
       "savings carried home. NZ RSE workers sent 42 % of take-home pay as cash; the ILO "
       "reports Pacific workers sending more than half of their earnings; in Australia’s "
       "SWP about a quarter came home during the stay and the rest as savings. Synthesis: "
       "40–60 %."),
    "RNZ (RSE study); ILO; World Bank 2018 (SWP)",
  },
  {
    MP_ASSUMPTION_WAGE_FACTOR, "wage-factor",
    N_("Wage relative to sector wage"), N_("factor"),
    0.85, 1.00, 1.15, 0.0, 5.0,
    N_("Participants’ gross wage relative to the sector’s typical wage. Sector wages are "
       "CBS annual wages per job including part-time jobs, or statutory floors; "
       "participants on full-time contracts earn more, those at the bottom of a scale less. "
       "±15 % (judgement)."),
    "Judgement; CBS StatLine 81431ned (data/reference/sectors.csv)",
  },
  {
    MP_ASSUMPTION_WAGE_FLOOR, "wage-floor",
    N_("Wage where none is sourced, EQF 1–4"), N_("€ a month"),
    2294.40, 2294.40, 2294.40, 0.0, 100000.0,
    N_("Gross monthly wage used for seasonal and low-skilled work (EQF 4 or lower) in a "
       "sector without a sourced wage: the statutory minimum wage for workers aged 21 and "
       "over from 1 January 2026."),
    "Statutory minimum wage 2026, €14.71 an hour, reference month €2,294.40 (Grooth Hedde "
    "Accountants, 2025-12; data/reference/SOURCES.md §4)",
  },
  {
    MP_ASSUMPTION_WAGE_SKILLED, "wage-skilled",
    N_("Wage where none is sourced, EQF 5–8"), N_("€ a month"),
    4357.0, 4357.0, 4357.0, 0.0, 100000.0,
    N_("Gross monthly wage used for highly skilled work (EQF 5 or higher) in a sector "
       "without a sourced wage: the 2026 knowledge-migrant salary criterion for workers "
       "under 30 (€5,942 at 30 and over), the lowest wage at which such a worker is "
       "admitted."),
    "IND salary criteria 2026 via Meijburg (KPMG), 2025-12-18 (data/reference/SOURCES.md §4)",
  },
  {
    MP_ASSUMPTION_HOME_TRACK_COST, "home-track-cost",
    N_("Cost per home-track trainee"), N_("€ per trainee"),
    10000.0, 10000.0, 12470.0, 0.0, 1000000.0,
    N_("Public cost of training one home-track trainee in the partner country. CGD’s "
       "Global Skill Partnership brief uses €10,000 per nurse trainee (Moldova, "
       "illustrative); Belgium–Morocco PALIM spent €1,496,448.50 on 120 trainees, €12,470 "
       "each including project overheads. A home-track scheme with its own cost per "
       "participant uses that instead."),
    "CGD Global Skill Partnership brief; Enabel PALIM (Migration Partnership Facility)",
  },
  {
    MP_ASSUMPTION_P_CONDITION_MET, "p-condition-met",
    N_("Probability a tranche condition is met"), N_("probability"),
    0.10, 0.30, 0.70, 0.0, 1.0,
    N_("Weight of a conditional (“more for more”) quota tranche: the probability that the "
       "partner delivers the condition. The evaluation of the Dutch partnerships found a "
       "clear return effect for Morocco only, a very small one for Nigeria and none for "
       "Iraq, Türkiye and Egypt. Judgement: 10–70 %, most likely 30 %."),
    "IOB, Op zoek naar grip (2026), evaluation of bilateral partnerships 2022–2025 [EV]",
  },
  {
    MP_ASSUMPTION_EUR_PER_USD, "eur-per-usd",
    N_("Euro per US dollar"), N_("EUR per USD"),
    0.9605, 0.9605, 0.9605, 0.0, 10.0,
    N_("Converts the partner’s remittance inflow (World Bank, current USD) into euro for "
       "the remittance reference scale: 1 / 1.0411, the ECB euro reference rate of 28 "
       "February 2025. Read from a secondary copy of the ECB table: check it against the "
       "current ECB reference rate before a negotiation."),
    "ECB euro foreign exchange reference rates, 28 February 2025: 1 EUR = 1.0411 USD "
    "(secondary copy; no later rate was found for the 2026-11 reference data: enter the "
    "current ECB rate and its date)",
  },
  {
    MP_ASSUMPTION_HEALTH_THRESHOLD, "health-workforce-threshold",
    N_("Health-workforce warning threshold"), N_("share of health workforce a year"),
    0.01, 0.01, 0.01, 0.0, 1.0,
    N_("Health-sector admissions in one year above this share of the partner’s health "
       "workforce (doctors plus nurses and midwives) raise a brain-drain warning."),
    "Mobility Planner default; WHO Global Code of Practice (2010)",
  },
  {
    MP_ASSUMPTION_VDEM_LOW_RISK, "vdem-low-risk",
    N_("V-Dem threshold for low country risk"), N_("index 0–1"),
    0.45, 0.45, 0.45, 0.0, 1.0,
    N_("A partner whose V-Dem Liberal Democracy Index is at or above this value is a "
       "low-risk country unless overridden for migrants."),
    "V-Dem Liberal Democracy Index; risk-based framework of AR §4.2.1",
  },
  {
    MP_ASSUMPTION_VDEM_HIGH_RISK, "vdem-high-risk",
    N_("V-Dem threshold for high country risk"), N_("index 0–1"),
    0.20, 0.20, 0.20, 0.0, 1.0,
    N_("A partner whose V-Dem Liberal Democracy Index is below this value is a high-risk "
       "country; between the two thresholds it is medium risk."),
    "V-Dem Liberal Democracy Index; risk-based framework of AR §4.2.1",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_LABOUR, "fit-scale-labour",
    N_("Labour-mobility reference scale"), N_("× working-age population"),
    0.00005, 0.00005, 0.00005, 0.0, 1.0,
    N_("Admissions a year at which a partner calls a labour-mobility offer meaningful, as "
       "a share of its working-age population (Morocco: about 1,275 a year)."),
    "Mobility Planner default (judgement); UN World Population Prospects 2024",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_SKILLS, "fit-scale-skills",
    N_("Skills reference scale"), N_("trainees a year"),
    500.0, 500.0, 500.0, 0.0, 1e9,
    N_("Trainees a year (away and home track) at which a skills offer is meaningful."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_REMITTANCES, "fit-scale-remittances",
    N_("Remittances reference scale"), N_("× remittance inflow"),
    0.001, 0.001, 0.001, 0.0, 1.0,
    N_("Extra remittances a year at which the offer is meaningful, as a share of the "
       "partner’s current remittance inflow (0.1 %)."),
    "Mobility Planner default (judgement); World Bank WDI BX.TRF.PWKR.CD.DT",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_INVESTMENT, "fit-scale-investment",
    N_("Investment and trade reference scale"), N_("€ a year"),
    1e7, 1e7, 1e7, 0.0, 1e12,
    N_("Investment and trade a year at which the offer is meaningful."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_STUDY, "fit-scale-study",
    N_("Study reference scale"), N_("scholarships a year"),
    100.0, 100.0, 100.0, 0.0, 1e9,
    N_("Scholarships or study places a year at which the offer is meaningful."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_VISA, "fit-scale-visa",
    N_("Visa facilitation reference scale"), N_("level"),
    1.0, 1.0, 1.0, 0.0, 3.0,
    N_("Visa facilitation level (0–3) at which the offer is meaningful; NL can offer "
       "information only, facilitation is an EU competence."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_FIT_SCALE_DEVELOPMENT, "fit-scale-development",
    N_("Development funding reference scale"), N_("€ a year"),
    1e7, 1e7, 1e7, 0.0, 1e12,
    N_("Development funding (capacity building) a year at which the offer is meaningful."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_NL_SCALE_SHORTAGE, "nl-scale-shortage",
    N_("Shortage-relief scale"), N_("person-years per vacancy"),
    0.05, 0.05, 0.05, 0.0, 100.0,
    N_("Coverage of a sector’s vacancies (person-years a year per open vacancy) at which "
       "the relief is meaningful."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_NL_SCALE_RETURN, "nl-scale-return",
    N_("Return-cooperation scale"), N_("returns a year"),
    500.0, 500.0, 500.0, 0.0, 1e9,
    N_("Extra returns a year at which return cooperation is meaningful for NL."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_NL_SCALE_IRREGULAR, "nl-scale-irregular",
    N_("Irregular-migration cooperation scale"), N_("level"),
    3.0, 3.0, 3.0, 0.0, 3.0,
    N_("Agreed level of cooperation on irregular migration and protection that counts as "
       "complete."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_NL_SCALE_COST, "nl-scale-cost",
    N_("Cost-efficiency scale"), N_("€ per person-year"),
    10000.0, 10000.0, 10000.0, 0.0, 1e9,
    N_("Public cost per person-year at which cost efficiency has fallen to 37 %."),
    "Mobility Planner default (judgement)",
  },
  {
    MP_ASSUMPTION_NL_SCALE_NET_MIGRATION, "nl-scale-net-migration",
    N_("Net-migration restraint scale"), N_("persons a year"),
    6000.0, 6000.0, 6000.0, 0.0, 1e9,
    N_("Yearly net-migration contribution at which restraint is zero: a tenth of the "
       "60,000 a year the Staatscommissie Demografische Ontwikkelingen 2050 argues for."),
    "Mobility Planner default (judgement); Staatscommissie DO2050 [AR ch. 1]",
  },
  {
    MP_ASSUMPTION_EVIDENCE_RETURNS, "evidence-returns",
    N_("Measured return effect of a partnership"), N_("returns a year"),
    112.0, 112.0, 112.0, 0.0, 1e9,
    N_("The only measured effect of a Dutch partnership on returns: about 112 extra "
       "forced departures a year (9.3 a month) after the Morocco partnership of June "
       "2022. Shown beside any larger expected-returns assumption."),
    "IOB, Op zoek naar grip (2026) [EV]",
  },
};

static const char * const *
build_keys (void)
{
  static const char *keys[MP_N_ASSUMPTIONS + 1];

  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    keys[i] = catalogue[i].key;
  keys[MP_N_ASSUMPTIONS] = NULL;

  return keys;
}

/**
 * mp_assumption_info:
 * @id: an assumption id
 *
 * Returns: (transfer none): the catalogue entry of @id
 */
const MpAssumptionInfo *
mp_assumption_info (MpAssumptionId id)
{
  g_return_val_if_fail ((int) id >= 0 && id < MP_N_ASSUMPTIONS, NULL);

  g_assert (catalogue[id].id == id);

  return &catalogue[id];
}

/**
 * mp_assumption_id_from_key:
 * @key: (nullable): an assumption key, e.g. "fill-rate"
 * @out: (out) (optional): the id
 *
 * Returns: %TRUE when @key names a catalogue entry
 */
gboolean
mp_assumption_id_from_key (const char     *key,
                           MpAssumptionId *out)
{
  if (key == NULL)
    return FALSE;

  for (int i = 0; i < MP_N_ASSUMPTIONS; i++)
    {
      if (g_str_equal (catalogue[i].key, key))
        {
          if (out != NULL)
            *out = (MpAssumptionId) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * mp_assumption_lookup:
 * @key: (nullable): an assumption key
 *
 * Returns: (transfer none) (nullable): the catalogue entry, or %NULL for an unknown key
 */
const MpAssumptionInfo *
mp_assumption_lookup (const char *key)
{
  MpAssumptionId id;

  if (!mp_assumption_id_from_key (key, &id))
    return NULL;

  return &catalogue[id];
}

/**
 * mp_assumption_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): every key of the
 *   catalogue, in catalogue order
 */
const char * const *
mp_assumption_keys (void)
{
  static const char * const *keys;

  if (g_once_init_enter (&keys))
    g_once_init_leave (&keys, build_keys ());

  return keys;
}

/**
 * mp_assumption_info_label:
 * @info: a catalogue entry
 *
 * Returns: (transfer none): the translated label
 */
const char *
mp_assumption_info_label (const MpAssumptionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->label);
}

/**
 * mp_assumption_info_unit:
 * @info: a catalogue entry
 *
 * Returns: (transfer none): the translated unit
 */
const char *
mp_assumption_info_unit (const MpAssumptionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->unit);
}

/**
 * mp_assumption_info_rationale:
 * @info: a catalogue entry
 *
 * Returns: (transfer none): the translated rationale (the source is in
 *   @info->source and is not translated)
 */
const char *
mp_assumption_info_rationale (const MpAssumptionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->rationale);
}

/**
 * mp_assumption_info_uncertain:
 * @info: a catalogue entry
 *
 * Returns: %TRUE when the default range is not a single value
 */
gboolean
mp_assumption_info_uncertain (const MpAssumptionInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return info->low < info->high;
}

static const MpAssumption *
find_override (const MpPackage *package,
               const char      *key)
{
  const MpAssumption *found = NULL;

  if (package == NULL || package->assumptions == NULL)
    return NULL;

  /* The last override of a key wins, as when a later edit is appended. */
  for (guint i = 0; i < package->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (package->assumptions, i);

      if (g_strcmp0 (a->key, key) == 0)
        found = a;
    }

  return found;
}

/**
 * mp_package_get_assumption:
 * @package: (nullable): a package
 * @key: an assumption key
 * @low: (out) (optional): the effective low
 * @mode: (out) (optional): the effective mode
 * @high: (out) (optional): the effective high
 *
 * Gets the effective range of an assumption: the package's override when it
 * has one, else the catalogue default.
 *
 * Returns: %FALSE when @key is not in the catalogue (outputs untouched)
 */
gboolean
mp_package_get_assumption (const MpPackage *package,
                           const char      *key,
                           double          *low,
                           double          *mode,
                           double          *high)
{
  const MpAssumptionInfo *info = mp_assumption_lookup (key);
  const MpAssumption *o;

  if (info == NULL)
    return FALSE;

  o = find_override (package, key);
  if (low != NULL)
    *low = o ? o->low : info->low;
  if (mode != NULL)
    *mode = o ? o->mode : info->mode;
  if (high != NULL)
    *high = o ? o->high : info->high;

  return TRUE;
}

/**
 * mp_package_assumption_value:
 * @package: (nullable): a package
 * @id: an assumption id
 *
 * Returns: the effective mode of assumption @id for @package
 */
double
mp_package_assumption_value (const MpPackage *package,
                             MpAssumptionId   id)
{
  double mode = NAN;

  g_return_val_if_fail ((int) id >= 0 && id < MP_N_ASSUMPTIONS, NAN);

  mp_package_get_assumption (package, catalogue[id].key, NULL, &mode, NULL);

  return mode;
}

/**
 * mp_package_assumption_overridden:
 * @package: (nullable): a package
 * @key: an assumption key
 *
 * Returns: %TRUE when @package overrides @key
 */
gboolean
mp_package_assumption_overridden (const MpPackage *package,
                                  const char      *key)
{
  return find_override (package, key) != NULL;
}
