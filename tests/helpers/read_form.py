"""Reads a filled form back with openpyxl (a reader independent of the ledger's exceljs) and prints what a clerk
would see and what must survive the fill, as JSON: values and formulas by cell, merges, the look of every cell,
column widths, row heights, print setup, conditional formats, defined names and frozen panes.

Usage: /usr/bin/python3 tests/helpers/read_form.py FILE.xlsx [SHEET]
"""
import datetime
import json
import sys

from openpyxl import load_workbook


def color(c):
    if c is None:
        return None
    return c.rgb if c.type == "rgb" else f"{c.type}:{c.value}"


def side(s):
    return None if s is None or s.style is None else [s.style, color(s.color)]


def look(cell):
    f = cell.font
    return {
        "font": [f.name, f.sz, bool(f.b), color(f.color)],
        "fill": [cell.fill.fill_type, color(cell.fill.fgColor)] if cell.fill and cell.fill.fill_type else None,
        "border": [side(cell.border.left), side(cell.border.right), side(cell.border.top), side(cell.border.bottom)],
        "align": [cell.alignment.horizontal, cell.alignment.vertical, bool(cell.alignment.wrap_text)],
        "numFmt": cell.number_format,
    }


def widths(ws):
    """Column widths by letter, a <col> spanning several columns (E:F) given to each; rounded as Excel shows them."""
    from openpyxl.utils import get_column_letter

    out = {}
    for dim in ws.column_dimensions.values():
        if dim.width:
            for i in range(dim.min, (dim.max or dim.min) + 1):
                out[get_column_letter(i)] = round(dim.width, 4)
    return out


def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.strftime("%Y-%m-%d")
    return v


def main():
    wb = load_workbook(sys.argv[1])
    ws = wb[sys.argv[2]] if len(sys.argv) > 2 else wb.worksheets[0]
    cells, looks = {}, {}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = value(c.value)
            looks[c.coordinate] = look(c)
    names = []
    for n in wb.defined_names.definedName:
        names.append([n.name, n.attr_text])
    out = {
        "sheet": ws.title,
        "maxRow": ws.max_row,
        "cells": cells,
        "looks": looks,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": widths(ws),
        "heights": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height},
        "print": {
            "orientation": ws.page_setup.orientation,
            "paperSize": ws.page_setup.paperSize,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToHeight": ws.page_setup.fitToHeight,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "horizontalCentered": bool(ws.print_options.horizontalCentered),
            "margins": [ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom],
            "titleRows": ws.print_title_rows,
            "area": ws.print_area,
        },
        "conditional": sorted(str(cf.sqref) for cf in ws.conditional_formatting),
        "names": names,
        "freeze": ws.freeze_panes,
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
