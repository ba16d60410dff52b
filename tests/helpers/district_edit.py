"""Hand edits and plain re-saves of an exported report, as a clerk's WPS/Excel/openpyxl would make them.

usage: district_edit.py resave IN OUT
       district_edit.py bump IN OUT SHEET CELL     (adds 1 to the number in CELL, or appends 改 to a text)
"""
import sys
import openpyxl

mode, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
if mode == 'bump':
    ws = wb[sys.argv[4]]
    cell = ws[sys.argv[5]]
    v = cell.value
    cell.value = (v or 0) + 1 if v is None or isinstance(v, (int, float)) else str(v) + '改'
wb.save(dst)
