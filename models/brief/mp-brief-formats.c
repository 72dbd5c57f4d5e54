/* mp-brief-formats.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>

#include "mp-brief-sheet-private.h"

/* The cell formats of a brief, made once per workbook. */

static lxw_format *
fmt (MpBriefBook *b,
     const char  *num_format,
     gboolean     bold,
     double       size)
{
  lxw_format *f = workbook_add_format (b->wb);

  if (num_format != NULL)
    format_set_num_format (f, num_format);
  if (bold)
    format_set_bold (f);
  if (size > 0)
    format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void
_mp_brief_formats_init (MpBriefBook *b)
{
  b->f_title = fmt (b, NULL, TRUE, 16);
  b->f_subtitle = fmt (b, NULL, FALSE, 12);
  format_set_font_color (b->f_subtitle, 0x404040);
  b->f_h2 = fmt (b, NULL, TRUE, 12);
  format_set_bottom (b->f_h2, LXW_BORDER_THIN);
  b->f_label = fmt (b, NULL, TRUE, 0);
  b->f_text = fmt (b, NULL, FALSE, 0);
  b->f_wrap = fmt (b, NULL, FALSE, 0);
  format_set_text_wrap (b->f_wrap);
  b->f_note = fmt (b, NULL, FALSE, 9);
  format_set_italic (b->f_note);
  format_set_font_color (b->f_note, 0x505050);
  b->f_head = fmt (b, NULL, TRUE, 0);
  format_set_bg_color (b->f_head, 0xDDE5F0);
  format_set_bottom (b->f_head, LXW_BORDER_THIN);
  format_set_text_wrap (b->f_head);
  b->f_int = fmt (b, MP_BRIEF_NUM_INT, FALSE, 0);
  b->f_dec1 = fmt (b, MP_BRIEF_NUM_DEC1, FALSE, 0);
  b->f_dec2 = fmt (b, "0.00", FALSE, 0);
  b->f_dec3 = fmt (b, "0.000", FALSE, 0);
  b->f_eur = fmt (b, MP_BRIEF_NUM_EUR, FALSE, 0);
  b->f_pct = fmt (b, "0.0%", FALSE, 0);
  b->f_year = fmt (b, "0", FALSE, 0);
  format_set_align (b->f_year, LXW_ALIGN_CENTER);
  b->f_date = fmt (b, "yyyy-mm-dd", FALSE, 0);
  format_set_align (b->f_date, LXW_ALIGN_LEFT);
  b->f_total_label = fmt (b, NULL, TRUE, 0);
  format_set_top (b->f_total_label, LXW_BORDER_THIN);
  b->f_total_int = fmt (b, MP_BRIEF_NUM_INT, TRUE, 0);
  format_set_top (b->f_total_int, LXW_BORDER_THIN);
  b->f_total_dec1 = fmt (b, MP_BRIEF_NUM_DEC1, TRUE, 0);
  format_set_top (b->f_total_dec1, LXW_BORDER_THIN);
  b->f_total_eur = fmt (b, MP_BRIEF_NUM_EUR, TRUE, 0);
  format_set_top (b->f_total_eur, LXW_BORDER_THIN);
  b->f_big_int = fmt (b, MP_BRIEF_NUM_INT, TRUE, 12);
  b->f_big_dec1 = fmt (b, MP_BRIEF_NUM_DEC1, TRUE, 12);
  b->f_big_eur = fmt (b, MP_BRIEF_NUM_EUR, TRUE, 12);
  b->f_block = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_block, 0xA00000);
  b->f_warning = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_warning, 0x9C5700);
  b->f_good = fmt (b, NULL, FALSE, 0);
  format_set_font_color (b->f_good, 0x1E6B30);
  b->f_small = fmt (b, "0.00000", FALSE, 0);
  b->f_center = fmt (b, NULL, FALSE, 0);
  format_set_align (b->f_center, LXW_ALIGN_CENTER);
  b->f_head_num = fmt (b, NULL, TRUE, 0);
  format_set_bg_color (b->f_head_num, 0xDDE5F0);
  format_set_bottom (b->f_head_num, LXW_BORDER_THIN);
  format_set_align (b->f_head_num, LXW_ALIGN_RIGHT);
  b->f_unit = fmt (b, NULL, FALSE, 0);
  format_set_indent (b->f_unit, 1);
  b->f_thead = fmt (b, NULL, TRUE, 0);
  format_set_text_wrap (b->f_thead);
  format_set_align (b->f_thead, LXW_ALIGN_VERTICAL_BOTTOM);
  b->f_para_text = fmt (b, NULL, FALSE, 0);
  format_set_text_wrap (b->f_para_text);
  b->f_para_note = fmt (b, NULL, FALSE, 9);
  format_set_italic (b->f_para_note);
  format_set_font_color (b->f_para_note, 0x505050);
  format_set_text_wrap (b->f_para_note);
  b->f_para_warning = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_para_warning, 0x9C5700);
  format_set_text_wrap (b->f_para_warning);
  b->f_para_block = fmt (b, NULL, TRUE, 0);
  format_set_font_color (b->f_para_block, 0xA00000);
  format_set_text_wrap (b->f_para_block);
  b->f_para_good = fmt (b, NULL, FALSE, 0);
  format_set_font_color (b->f_para_good, 0x1E6B30);
  format_set_text_wrap (b->f_para_good);
}

/* The format of a total under a column of @f. */
lxw_format *
_mp_brief_total_format (MpBriefBook *b,
                        lxw_format  *f)
{
  if (f == b->f_eur)
    return b->f_total_eur;
  if (f == b->f_dec1)
    return b->f_total_dec1;
  return b->f_total_int;
}


/* The wrapping variant of @format, for paragraphs. */
lxw_format *
_mp_brief_para_format (MpBriefBook *b,
                       lxw_format  *format)
{
  if (format == b->f_note)
    return b->f_para_note;
  if (format == b->f_warning)
    return b->f_para_warning;
  if (format == b->f_block)
    return b->f_para_block;
  if (format == b->f_good)
    return b->f_para_good;
  return b->f_para_text;
}


/* The width in characters of @value shown in @format. */
double
_mp_brief_number_width (MpBriefBook *b,
                        double       value,
                        lxw_format  *format)
{
  double digits = floor (log10 (MAX (fabs (value), 1.0))) + 1;
  double w = digits + floor ((digits - 1) / 3);   /* thousands separators */

  if (value < 0)
    w += 1;
  if (format == b->f_eur || format == b->f_total_eur || format == b->f_big_eur)
    w += 2;
  else if (format == b->f_dec1 || format == b->f_total_dec1 || format == b->f_big_dec1 ||
           format == b->f_pct)
    w += 2;
  else if (format == b->f_dec2)
    w += 3;
  else if (format == b->f_dec3)
    w += 4;
  return w + 1;
}

