/* mp-format.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-format.h"
#include "mp-i18n.h"

#define NO_DATA    "\u2013"   /* – */
#define TRUE_MINUS "\u2212"   /* − */
#define INFINITE   "\u221E"   /* ∞ */

/* Groups the whole part of @buf ("-1234567.5" → "-1,234,567.5") with @sep. */
static void
group_digits (char       *buf,
              gsize       size,
              const char *sep)
{
  GString *out = g_string_sized_new (size);
  const char *digits = buf + (buf[0] == '-');
  const char *end = digits + strspn (digits, "0123456789");
  gsize n = end - digits;

  if (buf[0] == '-')
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, end);
  g_strlcpy (buf, out->str, size);
  g_string_free (out, TRUE);
}

/* The ' flag groups thousands as LC_NUMERIC says (glibc; POSIX XSI).  It is
 * used through libc's snprintf because the format must not go through a
 * printf implementation that might not know the flag.  The C and POSIX
 * locales (a machine without LANG) group nothing, and "2580 person-years" is
 * hard to read: there the number is grouped with commas, as the English
 * translation does (with points where the decimal separator is a comma). */
static char *
format_grouped (double         value,
                int            decimals,
                MpFormatFlags  flags)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 64];
  const struct lconv *lc = localeconv ();
  const char *sign = "";
  const char *number = buf;
  gboolean nonzero;

  if (isnan (value))
    return g_strdup (NO_DATA);

  if (isinf (value))
    g_strlcpy (buf, value < 0 ? "-" INFINITE : INFINITE, sizeof buf);
  else
    {
      snprintf (buf, sizeof buf, "%'.*f", CLAMP (decimals, 0, 6), value);
      if (lc->thousands_sep == NULL || lc->thousands_sep[0] == '\0')
        group_digits (buf, sizeof buf, g_strcmp0 (lc->decimal_point, ",") == 0 ? "." : ",");
    }

  /* Never "-0" or "-0.0" for a value that rounds to zero, never "+0". */
  if (buf[0] == '-')
    number = buf + 1;
  nonzero = isinf (value) || strpbrk (number, "123456789") != NULL;
  if (nonzero && buf[0] == '-')
    sign = (flags & MP_FORMAT_TRUE_MINUS) ? TRUE_MINUS : "-";
  else if (nonzero && (flags & MP_FORMAT_PLUS_SIGN))
    sign = "+";

  return g_strconcat (sign, number, NULL);
}

/**
 * mp_format_number:
 * @value: the number
 * @decimals: digits after the decimal separator (0–6)
 *
 * Formats @value with the thousands grouping and decimal separator of the
 * current LC_NUMERIC locale: "1,234.5" in English, "1.234,5" in Dutch.
 *
 * Returns: (transfer full): the text, or "–" when @value is NaN
 */
char *
mp_format_number (double value,
                  int    decimals)
{
  return format_grouped (value, decimals, MP_FORMAT_DEFAULT);
}

/**
 * mp_format_number_full:
 * @value: the number
 * @decimals: digits after the decimal separator (0–6)
 * @flags: %MP_FORMAT_PLUS_SIGN, %MP_FORMAT_TRUE_MINUS
 *
 * Like mp_format_number(), with a sign as @flags ask.
 *
 * Returns: (transfer full): the text, or "–" when @value is NaN
 */
char *
mp_format_number_full (double        value,
                       int           decimals,
                       MpFormatFlags flags)
{
  return format_grouped (value, decimals, flags);
}

/**
 * mp_format_signed_number:
 * @value: the number
 * @decimals: digits after the decimal separator (0–6)
 *
 * Like mp_format_number() but with an explicit "+" for positive values, as
 * for a balance ("+14", "-3", "0").
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_signed_number (double value,
                         int    decimals)
{
  return format_grouped (value, decimals, MP_FORMAT_PLUS_SIGN);
}

static char *
format_money (double        euros,
              double        reference,
              int           decimals,
              MpFormatFlags flags)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  gboolean exact = (flags & MP_FORMAT_EXACT_EUROS) != 0;
  double a, r;

  if (isnan (euros))
    return g_strdup (NO_DATA);

  a = fabs (euros);
  r = isnan (reference) ? a : fabs (reference);

  if (r >= 1e9 && !exact)
    {
      number = format_grouped (a / 1e9, decimals >= 0 ? decimals : (a < 1e10 ? 1 : 0), 0);
      /* Translators: an amount in billions (thousand millions) of euros;
       * %s is the number, e.g. "€1.2 bn".  Dutch: "€ %s mld". */
      text = g_strdup_printf (_("€%s bn"), number);
    }
  else if (r >= 1e6 && !exact)
    {
      number = format_grouped (a / 1e6, decimals >= 0 ? decimals : (a < 1e7 ? 1 : 0), 0);
      /* Translators: an amount in millions of euros; %s is the number,
       * e.g. "€31 m".  Dutch: "€ %s mln". */
      text = g_strdup_printf (_("€%s m"), number);
    }
  else
    {
      number = format_grouped (a, decimals >= 0 ? decimals : 0, 0);
      /* Translators: an amount in euros; %s is the number, e.g. "€31,500".
       * Dutch: "€ %s". */
      text = g_strdup_printf (_("€%s"), number);
    }

  if (euros < 0 && (isinf (euros) || strpbrk (number, "123456789") != NULL))
    return g_strconcat ((flags & MP_FORMAT_TRUE_MINUS) ? TRUE_MINUS : "-", text, NULL);

  return g_steal_pointer (&text);
}

/**
 * mp_format_money:
 * @euros: an amount in euros
 *
 * Formats an amount of euros compactly: whole euros below a million
 * ("€31,500"), millions above ("€31 m", Dutch "€ 31 mln"), billions from a
 * thousand million ("€1.2 bn", Dutch "€ 1,2 mld").  Amounts below ten
 * millions or ten billions keep one decimal.
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_money (double euros)
{
  return format_money (euros, NAN, -1, MP_FORMAT_DEFAULT);
}

/**
 * mp_format_money_scaled:
 * @euros: an amount in euros
 * @reference: the amount whose unit (euros, millions, billions) is used
 * @decimals: digits after the decimal separator (0–6)
 *
 * Like mp_format_money(), but in the unit mp_format_money() would pick for
 * @reference and with a fixed number of decimals: for the ticks of an axis
 * ("€0", "€2 m", "€4 m", … "€12 m") or the cells of a column.
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_money_scaled (double euros,
                        double reference,
                        int    decimals)
{
  return format_money (euros, reference, MAX (decimals, 0), MP_FORMAT_DEFAULT);
}

/**
 * mp_format_percent:
 * @percent: a value in percent (12.5 for 12.5 %, not 0.125)
 * @decimals: digits after the decimal separator (0–6)
 *
 * Formats a percentage for the locale: "12.5%" in English, "12,5%" in Dutch.
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_percent (double percent,
                   int    decimals)
{
  g_autofree char *number = NULL;

  if (isnan (percent))
    return g_strdup (NO_DATA);

  number = format_grouped (percent, decimals, MP_FORMAT_DEFAULT);
  /* Translators: a percentage; %s is the number, e.g. "12.5%". */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * mp_format_styled:
 * @style: the kind of figure
 * @value: the number
 * @flags: %MP_FORMAT_TRUE_MINUS, %MP_FORMAT_EXACT_EUROS
 *
 * Formats @value as a figure of @style: a count with no decimals, a score
 * with one, either of them with its sign, or an amount of euros as
 * mp_format_money() writes it (in whole euros with %MP_FORMAT_EXACT_EUROS).
 *
 * Returns: (transfer full): the text
 */
char *
mp_format_styled (MpNumberStyle style,
                  double        value,
                  MpFormatFlags flags)
{
  switch (style)
    {
    case MP_NUMBER_SIGNED_COUNT:
      return format_grouped (value, 0, flags | MP_FORMAT_PLUS_SIGN);
    case MP_NUMBER_SCORE:
      return format_grouped (value, 1, flags);
    case MP_NUMBER_SIGNED_SCORE:
      return format_grouped (value, 1, flags | MP_FORMAT_PLUS_SIGN);
    case MP_NUMBER_EUROS:
      return format_money (value, NAN, -1, flags);
    case MP_NUMBER_COUNT:
    default:
      return format_grouped (value, 0, flags);
    }
}

