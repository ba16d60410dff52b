"""Blank forms of the kind a 组织部 sends, written by openpyxl (a program other than the ledger), in their own
wording and column order: a two-row header with merged cells, borders, fonts, fills, column widths, print setup,
a formula 合计 row and a footer; and one matrix form (villages down, counts across).

Usage: /usr/bin/python3 tests/helpers/make_forms.py OUTDIR [--villages 多巴一村,多巴二村]
Writes OUTDIR/roster-form.xlsx (and roster-form-with-notes.xlsx, the same after a 填表说明 sheet) and OUTDIR/matrix-form.xlsx and prints a JSON summary of what it wrote.
"""
import json
import sys

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName

THIN = Side(style="thin", color="000000")
MEDIUM = Side(style="medium", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="FFD9E1F2")
TOTAL_FILL = PatternFill("solid", fgColor="FFFFF2CC")
TITLE_FONT = Font(name="方正小标宋简体", size=18, bold=True)
HEAD_FONT = Font(name="黑体", size=11, bold=True, color="FF1F3864")
BODY_FONT = Font(name="仿宋_GB2312", size=11)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def box(ws, cells, font=BODY_FONT, fill=None, border=BOX):
    for row in ws[cells]:
        for c in row:
            c.border = border
            c.font = font
            c.alignment = CENTER
            if fill:
                c.fill = fill


def roster_form(path):
    """Own wording and order: 姓名 before 所属村, 出生年月, 文化程度, 身份证号码, 手机号码, an unknown 家庭人口 column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "登记表"
    ws.merge_cells("A1:J1")
    ws["A1"] = "湟中区村级人员基本情况登记表"
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 36
    ws.merge_cells("A2:J2")
    ws["A2"] = "填报单位（盖章）：                              填报时间：    年  月  日"
    ws["A2"].font = Font(name="仿宋_GB2312", size=12)
    # Two-row header: single columns merged down, a group 基本情况 over four children, 联系方式 over one.
    for col, text in [("A", "序号"), ("B", "姓名"), ("C", "所属村"), ("I", "家庭人口"), ("J", "备注")]:
        ws.merge_cells(f"{col}3:{col}4")
        ws[f"{col}3"] = text
    ws.merge_cells("D3:G3")
    ws["D3"] = "基本情况"
    for col, text in zip("DEFG", ["性别", "出生年月", "文化程度", "身份证号码"]):
        ws[f"{col}4"] = text
    ws["H3"] = "联系方式"
    ws["H4"] = "手机号码"
    box(ws, "A3:J4", font=HEAD_FONT, fill=HEAD_FILL)
    ws.row_dimensions[3].height = 24
    ws.row_dimensions[4].height = 30
    # Two blank data rows with the form's own body style; 序号 left for the filler.
    box(ws, "A5:J6")
    for r in (5, 6):
        ws.row_dimensions[r].height = 22
        ws[f"E{r}"].number_format = "yyyy.mm"
        ws[f"G{r}"].number_format = "@"
    # 合计 row: a label merged over two columns and formulas that must keep covering every filled row.
    ws.merge_cells("A7:B7")
    ws["A7"] = "合计"
    ws["C7"] = "=COUNTA(B5:B6)&\"人\""
    ws["I7"] = "=SUM(I5:I6)"
    box(ws, "A7:J7", font=Font(name="黑体", size=11, bold=True), fill=TOTAL_FILL, border=Border(left=THIN, right=THIN, top=MEDIUM, bottom=MEDIUM))
    ws.merge_cells("A8:J8")
    ws["A8"] = "填表人：              审核人：              联系电话："
    ws["A8"].font = Font(name="仿宋_GB2312", size=12)
    for col, width in zip("ABCDEFGHIJ", [6, 10, 14, 6, 11, 11, 22, 14, 9, 16]):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.4
    ws.page_margins.right = 0.4
    ws.print_title_rows = "3:4"
    ws.print_area = "A1:J8"
    ws.freeze_panes = "C5"
    ws.conditional_formatting.add("I5:I6", CellIsRule(operator="greaterThan", formula=["6"], fill=PatternFill("solid", fgColor="FFFFC7CE")))
    wb.defined_names.append(DefinedName("家庭人口合计", attr_text="登记表!$I$7"))
    wb.save(path)
    # The same form as departments often send it: a 填表说明 sheet first, the table on the second.
    notes = wb.create_sheet("填表说明", 0)
    notes["A1"] = "填表说明"
    notes["A1"].font = TITLE_FONT
    for i, line in enumerate(["1. 请各村如实填写，不得漏报。", "2. 出生年月按“1980.01”格式填写。", "3. 于每月5日前报送。"], start=3):
        notes[f"A{i}"] = line
        notes[f"A{i}"].font = BODY_FONT
    wb.active = 0
    wb.save(path.replace(".xlsx", "-with-notes.xlsx"))


def matrix_form(path, villages):
    """Villages down (in the department's own wording), counts across under a two-row header; a 合计 row of SUMs."""
    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.merge_cells("A1:I1")
    ws["A1"] = "各村（社区）村级后备力量情况统计表"
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.merge_cells("A3:A4")
    ws["A3"] = "村别"
    ws.merge_cells("B3:B4")
    ws["B3"] = "后备人才总数"
    ws.merge_cells("C3:E3")
    ws["C3"] = "年龄结构"
    for col, text in zip("CDE", ["35岁及以下", "36—40岁", "46岁及以上"]):
        ws[f"{col}4"] = text
    ws.merge_cells("F3:G3")
    ws["F3"] = "文化程度"
    ws["F4"] = "大学本科"
    ws["G4"] = "初中及以下"
    ws.merge_cells("H3:H4")
    ws["H3"] = "其中党员"
    ws.merge_cells("I3:I4")
    ws["I3"] = "村集体经济收入"
    box(ws, "A3:I4", font=HEAD_FONT, fill=HEAD_FILL)
    first = 5
    for i, name in enumerate(villages):
        ws.cell(row=first + i, column=1, value=name)
    last = first + len(villages) - 1
    total = last + 1
    ws.cell(row=total, column=1, value="合  计")
    for col in "BCDEFGH":
        ws[f"{col}{total}"] = f"=SUM({col}{first}:{col}{last})"
    box(ws, f"A{first}:I{total}")
    for row in ws[f"A{total}:I{total}"]:
        for c in row:
            c.font = Font(name="黑体", size=11, bold=True)
            c.fill = TOTAL_FILL
    for col, width in zip("ABCDEFGHI", [18, 10, 10, 10, 10, 10, 10, 10, 14]):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_options.horizontalCentered = True
    wb.save(path)
    return {"first": first, "last": last, "total": total}


def main():
    out = sys.argv[1]
    villages = ["多巴一村", "多巴二村村委会", "多巴金城社区居委会"]
    if "--villages" in sys.argv:
        villages = sys.argv[sys.argv.index("--villages") + 1].split(",")
    roster_form(f"{out}/roster-form.xlsx")
    matrix = matrix_form(f"{out}/matrix-form.xlsx", villages)
    print(json.dumps({"roster": f"{out}/roster-form.xlsx", "matrix": f"{out}/matrix-form.xlsx", "matrixRows": matrix}, ensure_ascii=False))


if __name__ == "__main__":
    main()
