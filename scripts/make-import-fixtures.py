#!/usr/bin/python3
"""
Writes tests/fixtures/import/*.xlsx and expected.json: the 人员 import's bad and awkward files, made the way clerks'
files are made -- by openpyxl (not our own exceljs), by LibreOffice (soffice --headless --convert-to) and by hand
(raw zip parts, OLE headers). Run with /usr/bin/python3 (it has python3-openpyxl):

    /usr/bin/python3 scripts/make-import-fixtures.py

Every file's expected outcome (rows per status, or the refusal's message fragment, and specific error cells) is
written next to it in expected.json; tests/integration/import-fixtures.test.ts previews each one through the host.
The ID numbers are generated (checked with the GB 11643 check character), never real.
"""
import csv
import datetime
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'import')
TODAY = '2026-11-20'

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = '10X98765432'


def check_char(first17):
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def idnum(birth, seq, male=True, area='630122'):
    """A valid 公民身份号码: area code, birth date (YYYY-MM-DD), a sequence with the gender's parity."""
    sequence = (seq * 2 + (1 if male else 0)) % 1000
    first17 = area + birth.replace('-', '') + '%03d' % sequence
    return first17 + check_char(first17)


def id_ending_x(birth, male=True, area='630122'):
    for seq in range(500):
        n = idnum(birth, seq, male, area)
        if n.endswith('X'):
            return n
    raise RuntimeError('no X')


def id_losing_digits(birth, male=True, area='630122'):
    """One whose 15-significant-digit copy (what Excel keeps of a number) fails the check character."""
    for seq in range(500):
        n = idnum(birth, seq, male, area)
        if n[-1] == 'X':
            continue
        kept = n[:15] + '000'
        if check_char(kept[:17]) != kept[17]:
            return n
    raise RuntimeError('none')


HEADER = ['姓名', '性别', '民族', '出生日期', '公民身份号码', '学历', '职业', '工作岗位', '所在村（社区）', '联系电话', '户籍地', '备注']
COLS = {h: chr(65 + i) for i, h in enumerate(HEADER)}

# The people the test creates before previewing (the 跳过 / 更新 rows of 10-existing.xlsx match them).
SETUP = [
    {'name': '李梅', 'idNumber': idnum('1988-07-15', 2, False, '630121'), 'ethnicity': '01', 'education': '21', 'unit': '多巴一村', 'phone': '13800000001'},
    {'name': '赵强', 'idNumber': idnum('1975-01-10', 3, True, '630121'), 'ethnicity': '03', 'education': '71', 'unit': '多巴二村'},
]

files = []


def expect(name, source, describe, **kw):
    entry = {'file': name, 'kind': 'people', 'source': source, 'describe': describe}
    entry.update(kw)
    files.append(entry)


def err(row, col, message):
    return {'row': row, 'col': col, 'message': message}


def save(wb, name):
    wb.save(os.path.join(OUT, name))


def person(i, birth, male=True, village='多巴一村', area='630122', **extra):
    row = {'姓名': extra.pop('name', '测试%d' % i), '性别': '男' if male else '女', '民族': extra.pop('ethnicity', '汉族'), '出生日期': birth,
           '公民身份号码': idnum(birth, i, male, area), '学历': extra.pop('education', '高中'), '职业': extra.pop('occupation', '农牧渔民'),
           '工作岗位': None, '所在村（社区）': village, '联系电话': None, '户籍地': None, '备注': None}
    row.update(extra)
    return row


def sheet_of(ws, header, rows, text_id=True):
    ws.append(header)
    for r in rows:
        ws.append([r.get(h) for h in header])
    if text_id and '公民身份号码' in header:
        col = header.index('公民身份号码') + 1
        for row in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            for c in row:
                c.number_format = '@'


# 01 A filled-in template: the ledger's own header with * marks, text ID numbers.
def clean_template():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员导入模板'
    header = [h + '*' if h in ('姓名', '民族', '公民身份号码') else h for h in HEADER]
    rows = [person(10 + i, '1990-0%d-1%d' % (i + 1, i), i % 2 == 0, ['多巴一村', '多巴二村', '多巴金城社区', None, '多巴一村'][i]) for i in range(5)]
    ws.append(header)
    for r in rows:
        ws.append([r.get(h) for h in HEADER])
    for c in ws[1]:
        c.font = Font(bold=True)
    hidden = wb.create_sheet('下拉选项')
    hidden.sheet_state = 'veryHidden'
    hidden.append(['汉族', '回族'])
    save(wb, '01-clean-template.xlsx')
    expect('01-clean-template.xlsx', 'openpyxl', '填好的导入模板：带 * 的表头、文本格式的身份证号', sheet='人员导入模板', headerRow=1,
           counts={'新增': 5, '更新': 0, '跳过': 0, '错误': 0}, errors=[])


# 02 A roster as clerks keep it: merged title, 填报单位 line, 序号 column, a 合计 row and a signature footer.
def roster_title():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '花名册'
    ws.append(['多巴镇人员花名册'])
    ws.merge_cells('A1:I1')
    ws['A1'].font = Font(size=16, bold=True)
    ws['A1'].alignment = Alignment(horizontal='center')
    ws.append(['填报单位：中共湟中区多巴镇委员会（盖章）', None, None, None, None, None, '填报日期：2026年11月'])
    ws.merge_cells('A2:F2')
    ws.append(['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '学历', '职业', '所在村（社区）'])
    data = [person(20 + i, '1985-03-0%d' % (i + 1), i % 2 == 1) for i in range(5)]
    data[3]['公民身份号码'] = data[3]['公民身份号码'][:17] + ('0' if data[3]['公民身份号码'][17] != '0' else '1')
    for i, r in enumerate(data):
        ws.append([i + 1, r['姓名'], r['性别'], r['民族'], r['出生日期'], r['公民身份号码'], r['学历'], r['职业'], r['所在村（社区）']])
    ws.append(['合计', None, '5 人'])
    ws.append([])
    ws.append(['单位负责人（签名）：', None, None, None, '填报人：张明  联系电话：0971-2231234'])
    save(wb, '02-roster-title.xlsx')
    expect('02-roster-title.xlsx', 'openpyxl', '合并的标题行、填报单位行、序号列，末尾有合计行和签名行（不算数据）', sheet='花名册', headerRow=3,
           counts={'新增': 4, '更新': 0, '跳过': 0, '错误': 1}, errors=[err(7, 'F', '校验位不正确')])


# 03 Two-row merged header: 基本信息 over 姓名/性别/民族…, and 户籍 over 所在地 / 派出所, where the child alone
# (所在地) names nothing and only the pair (户籍所在地) does.
def two_row_header():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    ws.append(['人员基本情况登记表'])
    ws.merge_cells('A1:I1')
    ws.append(['序号', '基本信息', None, None, None, None, '联系电话', '户籍', None])
    ws.append([None, '姓名', '性别', '民族', '公民身份号码', '学历', None, '所在地', '派出所'])
    ws.merge_cells('A2:A3')
    ws.merge_cells('B2:F2')
    ws.merge_cells('G2:G3')
    ws.merge_cells('H2:I2')
    for i in range(4):
        r = person(30 + i, '1992-11-2%d' % i, True)
        ws.append([i + 1, r['姓名'], r['性别'], r['民族'], r['公民身份号码'], r['学历'], '1390000000%d' % i, '青海省西宁市湟中区', '多巴派出所'])
    ws.append([5, '马五', '男', '回族', None, '初中', None, None, None])
    save(wb, '03-two-row-header.xlsx')
    expect('03-two-row-header.xlsx', 'openpyxl', '两行合并表头（基本信息、户籍 下分列；“户籍／所在地”合起来才是户籍地）', sheet='Sheet1', headerRow=2,
           counts={'新增': 4, '更新': 0, '跳过': 0, '错误': 1}, errors=[err(8, 'E', '缺少公民身份号码')],
           columns={'A': None, 'B': 'name', 'C': 'gender', 'D': 'ethnicity', 'E': 'idNumber', 'F': 'education', 'G': 'phone', 'H': 'hukou', 'I': None})


# 04 Synonyms: 身份证号码, 文化程度, 出生年月, 村别, 手机号码, 户籍所在地, 职业类别.
def synonyms():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    ws.append(['姓 名', '民族', '身份证号码', '出生年月', '文化程度', '职业类别', '村别', '手机号码', '户籍所在地', '说明'])
    for i in range(3):
        r = person(40 + i, '1980-01-1%d' % i)
        ws.append([r['姓名'], '汉', r['公民身份号码'], '1980.01', '大专', '务农', '多巴二村', '1370000000%d' % i, '湟中区', '无关的列'])
    save(wb, '04-synonyms.xlsx')
    expect('04-synonyms.xlsx', 'openpyxl', '同义列名：身份证号码、文化程度、出生年月、村别、手机号码、户籍所在地', sheet='人员', headerRow=1,
           counts={'新增': 3, '更新': 0, '跳过': 0, '错误': 0}, errors=[],
           columns={'A': 'name', 'B': 'ethnicity', 'C': 'idNumber', 'D': 'birthDate', 'E': 'education', 'F': 'occupation', 'G': 'unit', 'H': 'phone', 'I': 'hukou', 'J': None},
           notes=[err(2, 'D', '仅到月')])


# 05 Dates in every format: a real date cell, a bare serial, 2023.05.12, 2023/5/12, 2023年5月12日, 20230512 (text and
# number), 2023.5 (month only, text and number), and two bad ones.
def dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '日期'
    ws.append(['姓名', '民族', '公民身份号码', '出生日期'])
    values = [datetime.date(2001, 5, 12), 36999, '2001.05.12', '2001/5/12', '2001年5月12日', '20010512', 20010512, '2001.5', 2001.5, '2001-13-40', '五月十二日']
    for i, v in enumerate(values):
        ws.append(['日期%d' % i, '汉族', idnum('2001-05-12', 50 + i), v])
    ws['D2'].number_format = 'yyyy-mm-dd'
    save(wb, '05-dates.xlsx')
    expect('05-dates.xlsx', 'openpyxl', '各种日期写法：日期单元格、序列号、2001.05.12、2001/5/12、2001年5月12日、20010512、只到月的 2001.5', sheet='日期', headerRow=1,
           counts={'新增': 9, '更新': 0, '跳过': 0, '错误': 2}, errors=[err(11, 'D', '不是有效日期'), err(12, 'D', '不是可识别的日期')],
           notes=[err(9, 'D', '仅到月'), err(10, 'D', '仅到月')])


# 06 ID numbers: text, lowercase x, full-width digits, spaces, a number (digits lost), scientific notation, too short.
def id_numbers():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '身份证'
    ws.append(['姓名', '民族', '公民身份号码'])
    x = id_ending_x('1970-06-01')
    fw = idnum('1971-06-01', 61)
    lost = id_losing_digits('1972-06-01')
    rows = [
        ['文本', '汉族', idnum('1969-06-01', 60)],
        ['小写x', '汉族', x.lower()],
        ['全角', '汉族', ''.join(chr(ord(c) + 0xfee0) for c in fw)],
        ['有空格', '汉族', ' %s %s ' % (idnum('1973-06-01', 62)[:6], idnum('1973-06-01', 62)[6:])],
        ['数字', '汉族', int(lost)],
        ['科学计数', '汉族', '6.30122E+17'],
        ['位数不够', '汉族', '63012219740601'],
    ]
    for r in rows:
        ws.append(r)
    save(wb, '06-id-numbers.xlsx')
    expect('06-id-numbers.xlsx', 'openpyxl', '身份证号：文本、小写 x、全角数字、带空格、被存成数字（丢位）、科学计数法、位数不够', sheet='身份证', headerRow=1,
           counts={'新增': 4, '更新': 0, '跳过': 0, '错误': 3},
           errors=[err(6, 'C', '存成了数字'), err(7, 'C', '科学计数法'), err(8, 'C', '应为18位')])


# 07 民族 by name and code, with and without 族, and one that is none of the 56.
def ethnicity():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '民族'
    ws.append(['姓名', '民族', '公民身份号码'])
    for i, v in enumerate(['汉', '汉族', '01', 1, '回族', '回', '土族', '撒拉', '藏族 ', '火星族', None]):
        ws.append(['民族%d' % i, v, idnum('1995-02-0%d' % (i % 9 + 1), 70 + i)])
    save(wb, '07-ethnicity.xlsx')
    expect('07-ethnicity.xlsx', 'openpyxl', '民族：名称或代码，带不带“族”都行；不在 56 个民族中的和空着的为错误', sheet='民族', headerRow=1,
           counts={'新增': 9, '更新': 0, '跳过': 0, '错误': 2}, errors=[err(11, 'B', '不在 56 个民族中'), err(12, 'B', '缺少民族')])


# 08 学历 and 职业 as clerks word them.
def education_occupation():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '学历职业'
    ws.append(['姓名', '民族', '公民身份号码', '文化程度', '职业'])
    pairs = [('大学本科', '农民'), ('本科', '教师'), ('大专', '村医'), ('专科毕业', '个体户'), ('中专', '工人'), ('高中', '学生'),
             ('初中毕业', '退休'), ('小学', '公务员'), ('研究生', '企业经理'), ('文盲', '外出务工'), ('幼儿园', '农牧渔民')]
    for i, (e, o) in enumerate(pairs):
        ws.append(['学历%d' % i, '汉族', idnum('1966-08-0%d' % (i % 9 + 1), 80 + i), e, o])
    save(wb, '08-education-occupation.xlsx')
    expect('08-education-occupation.xlsx', 'openpyxl', '学历、职业的常见说法；无法识别的学历为错误，无法归类的职业按其他职业人员录入并提示', sheet='学历职业', headerRow=1,
           counts={'新增': 10, '更新': 0, '跳过': 0, '错误': 1}, errors=[err(12, 'D', '无法识别')],
           notes=[err(5, 'E', '按其他职业人员录入')])


# 09 Villages with 村委会 / 村民委员会 / 居委会 suffixes, and one that is not in the township.
def villages():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '村'
    ws.append(['姓名', '民族', '公民身份号码', '所在村'])
    for i, v in enumerate(['多巴一村', '多巴一村委会', '多巴二村村民委员会', '多巴金城社区居委会', '多巴金城社区居民委员会', ' 多巴二村 ', '火星村', '多巴三村委会']):
        ws.append(['村%d' % i, '汉族', idnum('1977-09-1%d' % i, 90 + i), v])
    save(wb, '09-villages.xlsx')
    expect('09-villages.xlsx', 'openpyxl', '村名带“村委会”“村民委员会”“居委会”后缀；不在本乡镇的村为错误', sheet='村', headerRow=1,
           counts={'新增': 6, '更新': 0, '跳过': 0, '错误': 2}, errors=[err(8, 'D', '不在本乡镇'), err(9, 'D', '不在本乡镇')])


# 10 Duplicates within a file, and rows matching people already in the ledger (the setup): identical → 跳过, another
# 学历 → 更新, a blank cell keeps the ledger's value (still 跳过).
def existing():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '已有人员'
    ws.append(['姓名', '民族', '公民身份号码', '学历', '所在村（社区）', '联系电话'])
    li, zhao = SETUP
    ws.append(['李梅', '汉族', li['idNumber'], '大学本科', '多巴一村', '13800000001'])
    ws.append(['赵强', '回族', zhao['idNumber'], '高中', '多巴二村', None])
    ws.append(['李梅', '汉', li['idNumber'], None, None, None])
    new = idnum('1999-09-09', 100)
    ws.append(['新人', '汉族', new, '初中', '多巴一村', None])
    ws.append(['新人', '汉族', new, '初中', '多巴一村', None])
    ws.append(['新人二', '汉族', idnum('1999-09-10', 101), '初中', None, None])
    save(wb, '10-existing-and-duplicates.xlsx')
    expect('10-existing-and-duplicates.xlsx', 'openpyxl', '与台账中已有人员相同（跳过）、不同（更新），文件内重复的行（错误）', sheet='已有人员', headerRow=1,
           counts={'新增': 2, '更新': 1, '跳过': 1, '错误': 2},
           errors=[err(4, None, '与第 2 行是同一条记录'), err(6, None, '与第 5 行是同一条记录')],
           statuses={'2': '跳过', '3': '更新', '4': '错误', '5': '新增', '6': '错误', '7': '新增'})


# 11 Five rows, then 100,000 blank rows that only carry formatting (fill, border, number format) down to row 100,006.
def blank_formatted():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    sheet_of(ws, ['姓名', '民族', '公民身份号码', '所在村（社区）'], [person(110 + i, '1991-01-0%d' % (i + 1)) for i in range(5)])
    fill = PatternFill('solid', fgColor='FFF2F2F2')
    for r in range(7, 100_007):
        for c in (1, 3):
            cell = ws.cell(row=r, column=c)
            cell.fill = fill
            cell.number_format = '@'
    save(wb, '11-blank-formatted-rows.xlsx')
    expect('11-blank-formatted-rows.xlsx', 'openpyxl', '5 行数据之后有 100,000 行只有格式的空行：不算数据、不能读得慢', sheet='人员', headerRow=1,
           counts={'新增': 5, '更新': 0, '跳过': 0, '错误': 0}, errors=[], maxMs=8000)


# 12 Formula cells whose cached result is an error (#REF!, #N/A, #VALUE!): an error at that cell, not a value.
def ref_errors():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    ws.append(['姓名', '民族', '公民身份号码', '学历', '所在村（社区）'])
    ws.append(['正常', '汉族', idnum('1982-04-01', 120), '高中', '多巴一村'])
    ws.append(['民族出错', '=#REF!', idnum('1982-04-02', 121), '高中', '多巴一村'])
    ws.append(['号码出错', '汉族', '=VLOOKUP(A4,#REF!,2,0)', '高中', '多巴一村'])
    ws.append(['学历出错', '汉族', idnum('1982-04-04', 123), '=1+"a"', '多巴一村'])
    ws.append(['村出错', '汉族', idnum('1982-04-05', 124), '高中', '=NA()'])
    name = '12-formula-errors.xlsx'
    save(wb, name)
    # openpyxl writes formulas without a cached result; give them the one Excel would have saved.
    patch_zip(os.path.join(OUT, name), 'xl/worksheets/sheet1.xml', lambda xml: patch_formula_results(xml, {'B3': '#REF!', 'C4': '#REF!', 'D5': '#VALUE!', 'E6': '#N/A'}))
    expect(name, 'openpyxl', '公式结果为错误值（#REF!、#VALUE!、#N/A）的单元格：在该单元格报错', sheet='人员', headerRow=1,
           counts={'新增': 1, '更新': 0, '跳过': 0, '错误': 4},
           errors=[err(3, 'B', '公式错误值 #REF!'), err(4, 'C', '公式错误值 #REF!'), err(5, 'D', '公式错误值 #VALUE!'), err(6, 'E', '公式错误值 #N/A')])


def patch_formula_results(xml, results):
    import re
    for ref, value in results.items():
        pattern = re.compile(r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/>|<c r="%s"([^>]*)><f>(.*?)</f>(<v>.*?</v>)?</c>' % (ref, ref))
        def repl(m):
            attrs = (m.group(1) or m.group(3) or '').replace(' t="str"', '').replace(' t="n"', '')
            formula = m.group(2) or m.group(4)
            return '<c r="%s"%s t="e"><f>%s</f><v>%s</v></c>' % (ref, attrs, formula, value)
        xml, n = pattern.subn(repl, xml)
        if n != 1:
            raise RuntimeError('formula cell %s not found' % ref)
    return xml


def patch_zip(path, part, fn):
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == part:
                data = fn(data.decode('utf-8')).encode('utf-8')
            z.writestr(info.filename, data)


# 13 A hidden sheet with an old copy of the data, and the visible sheet with the real one: the visible one is read.
def hidden_and_visible():
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = '旧数据'
    sheet_of(old, ['姓名', '民族', '公民身份号码'], [person(130 + i, '1960-01-0%d' % (i + 1)) for i in range(6)])
    old.sheet_state = 'hidden'
    ws = wb.create_sheet('人员')
    sheet_of(ws, ['姓名', '民族', '公民身份号码'], [person(140 + i, '1961-01-0%d' % (i + 1)) for i in range(2)])
    wb.active = 1
    save(wb, '13-hidden-and-visible.xlsx')
    expect('13-hidden-and-visible.xlsx', 'openpyxl', '隐藏的工作表中有旧数据，可见的工作表中有数据：读可见的那张', sheet='人员', headerRow=1,
           counts={'新增': 2, '更新': 0, '跳过': 0, '错误': 0}, errors=[])


# 14 The data only on a hidden sheet; the visible one holds a note: refused, naming the hidden sheet.
def hidden_only():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '说明'
    ws.append(['本表数据见隐藏工作表'])
    data = wb.create_sheet('人员')
    sheet_of(data, ['姓名', '民族', '公民身份号码'], [person(150 + i, '1962-01-0%d' % (i + 1)) for i in range(3)])
    data.sheet_state = 'hidden'
    save(wb, '14-hidden-only.xlsx')
    expect('14-hidden-only.xlsx', 'openpyxl', '数据只在隐藏的工作表中：拒绝，并说出隐藏的表名', refused='隐藏')


# 15 A 说明 sheet first, the data on the second sheet.
def second_sheet():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '填表说明'
    ws.append(['填表说明：'])
    ws.append(['1. 身份证号请填 18 位'])
    ws.append(['2. 民族请写全称'])
    data = wb.create_sheet('人员名单')
    sheet_of(data, ['姓名', '民族', '公民身份号码', '性别'], [person(160 + i, '1963-01-0%d' % (i + 1)) for i in range(3)])
    save(wb, '15-second-sheet.xlsx')
    expect('15-second-sheet.xlsx', 'openpyxl', '第一张是填表说明，数据在第二张工作表', sheet='人员名单', headerRow=1,
           counts={'新增': 3, '更新': 0, '跳过': 0, '错误': 0}, errors=[])


# 16 An empty workbook (one blank sheet).
def empty():
    wb = openpyxl.Workbook()
    wb.active.title = 'Sheet1'
    save(wb, '16-empty.xlsx')
    expect('16-empty.xlsx', 'openpyxl', '空工作簿', refused='没有内容')


# 17 A .csv renamed .xlsx.
def csv_renamed():
    text = '姓名,民族,公民身份号码\n张三,汉族,%s\n' % idnum('1990-01-01', 170)
    with open(os.path.join(OUT, '17-csv-renamed.xlsx'), 'wb') as f:
        f.write(text.encode('utf-8-sig'))
    expect('17-csv-renamed.xlsx', 'hand', '改了扩展名的 .csv 文件', refused='不是 Excel')


# 19 An encrypted .xlsx: Excel and WPS store it as an OLE compound file holding EncryptionInfo and EncryptedPackage.
def encrypted():
    # A compound-file header, then a directory sector naming the two streams an encrypted package has.
    header = bytearray(512)
    header[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    header[0x18:0x1A] = (0x3E).to_bytes(2, 'little')
    header[0x1A:0x1C] = (3).to_bytes(2, 'little')
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, 'little')
    header[0x1E:0x20] = (9).to_bytes(2, 'little')
    header[0x20:0x22] = (6).to_bytes(2, 'little')
    directory = bytearray(512)
    for i, name in enumerate(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']):
        encoded = name.encode('utf-16-le') + b'\0\0'
        directory[i * 128:i * 128 + len(encoded)] = encoded
        directory[i * 128 + 64:i * 128 + 66] = len(encoded).to_bytes(2, 'little')
    rng = random.Random(19)
    body = bytes(rng.getrandbits(8) for _ in range(4096))
    with open(os.path.join(OUT, '19-encrypted.xlsx'), 'wb') as f:
        f.write(bytes(header) + bytes(directory) + body)
    expect('19-encrypted.xlsx', 'hand', '设置了打开密码的 .xlsx（OLE 复合文件，内含 EncryptedPackage）', refused='另存为')


# 20 ID numbers masked as the ledger's default export prints them (6301**********123X): refused, saying why.
def masked():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员花名册'
    ws.append(['姓名', '民族', '公民身份号码'])
    for i in range(3):
        n = idnum('1987-03-0%d' % (i + 1), 200 + i)
        ws.append(['脱敏%d' % i, '汉族', n[:4] + '*' * 10 + n[-4:]])
    save(wb, '20-masked-export.xlsx')
    expect('20-masked-export.xlsx', 'openpyxl', '身份证号脱敏（6301**********123X）的导出文件：整份拒绝并说明原因', refused='脱敏')


# 21 A file exceljs cannot parse (broken XML inside a valid zip, as some WPS versions and cut-off downloads leave).
def unparseable():
    src = os.path.join(OUT, '01-clean-template.xlsx')
    dst = os.path.join(OUT, '21-unparseable.xlsx')
    shutil.copy(src, dst)
    patch_zip(dst, 'xl/workbook.xml', lambda xml: xml[: len(xml) // 2])
    expect('21-unparseable.xlsx', 'hand', '无法解析的文件（zip 中的 workbook.xml 不完整）：提示用 WPS/Excel 另存为 .xlsx', refused='另存为')


# 22 The sheet dimension lies (A1:B2 for a larger sheet, as WPS writes it) and a row has no r attributes quirks.
def bad_dimension():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    sheet_of(ws, ['姓名', '民族', '公民身份号码', '学历'], [person(220 + i, '1978-05-0%d' % (i + 1)) for i in range(4)])
    name = '22-wrong-dimension.xlsx'
    save(wb, name)
    import re
    patch_zip(os.path.join(OUT, name), 'xl/worksheets/sheet1.xml', lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:B2"/>', xml))
    expect(name, 'openpyxl', '工作表的 dimension 记录是错的（A1:B2）：按实际单元格读', sheet='人员', headerRow=1,
           counts={'新增': 4, '更新': 0, '跳过': 0, '错误': 0}, errors=[])


# 23 A required column is missing (no 民族): refused, naming it.
def missing_column():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    ws.append(['姓名', '公民身份号码', '学历'])
    ws.append(['甲', idnum('1979-01-01', 230), '高中'])
    save(wb, '23-missing-column.xlsx')
    expect('23-missing-column.xlsx', 'openpyxl', '缺少必填列（民族）', refused='缺少必填列：民族')


# 24 The 10,000-row file (the benchmark's and the kill test's): every row new, all valid; some villages with suffixes.
def ten_thousand():
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet('人员')
    ws.append(['姓名', '性别', '民族', '公民身份号码', '学历', '职业', '所在村（社区）', '联系电话'])
    rng = random.Random(24)
    surnames = '马王李张赵刘陈杨韩冶祁朱鲁'
    given = '建国明华军红英兰文秀海林平忠'
    villages = ['多巴一村', '多巴二村', '多巴金城社区', '多巴一村委会', None]
    start = datetime.date(1950, 1, 1)
    for i in range(10_000):
        birth = (start + datetime.timedelta(days=(i * 7) % 18000)).isoformat()
        male = i % 2 == 0
        n = idnum(birth, i // 18000 * 7 + i % 400, male, '630124')
        ws.append([rng.choice(surnames) + rng.choice(given) + rng.choice(given), '男' if male else '女', rng.choice(['汉族', '回族', '藏族', '土族', '汉']), n,
                   rng.choice(['初中', '高中', '大专', '本科', '小学']), rng.choice(['农牧渔民', '工人', '学生', '个体户']), rng.choice(villages), '139%08d' % i])
    save(wb, '24-ten-thousand.xlsx')
    expect('24-ten-thousand.xlsx', 'openpyxl', '10,000 行（基准测试与中途终止测试用）', sheet='人员', headerRow=1,
           counts={'新增': 10_000, '更新': 0, '跳过': 0, '错误': 0}, errors=[], maxMs=30000)


# 25/26 Saved by LibreOffice: an .xlsx round-tripped through soffice (shared strings, its own styles and dimension),
# and a .csv opened by LibreOffice, which turns 18-digit ID numbers into numbers (the last digits lost).
def libreoffice(tmp):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '人员'
    ws.append(['人员花名册'])
    ws.merge_cells('A1:F1')
    ws.append(['姓名', '性别', '民族', '出生日期', '身份证号', '所在村'])
    for i in range(5):
        r = person(250 + i, '1983-07-0%d' % (i + 1), i % 2 == 0)
        ws.append([r['姓名'], r['性别'], '回族', datetime.date(1983, 7, i + 1), r['公民身份号码'], '多巴二村委会'])
        ws.cell(row=i + 3, column=4).number_format = 'yyyy"年"m"月"d"日"'
        ws.cell(row=i + 3, column=5).number_format = '@'
    ws.append(['错村', '男', '汉族', '1983.07.09', idnum('1983-07-09', 259), '多巴九村'])
    src = os.path.join(tmp, '25-libreoffice-saved.xlsx')
    wb.save(src)
    rows = [['姓名', '民族', '公民身份号码', '所在村']]
    x = id_ending_x('1984-02-02')
    lost = [id_losing_digits('1984-02-0%d' % d) for d in (3, 4)]
    rows += [['带X', '汉族', x, '多巴一村'], ['数字一', '汉族', lost[0], '多巴一村'], ['数字二', '汉族', lost[1], '多巴一村']]
    csv_path = os.path.join(tmp, '26-libreoffice-from-csv.csv')
    with open(csv_path, 'w', newline='', encoding='utf-8') as f:
        csv.writer(f).writerows(rows)
    lo = os.path.join(tmp, 'lo')
    os.makedirs(lo)
    run_soffice(['--convert-to', 'xlsx', '--outdir', lo, src])
    run_soffice(['--infilter=Text - txt - csv (StarCalc):44,34,76,1', '--convert-to', 'xlsx', '--outdir', lo, csv_path])
    for name in ('25-libreoffice-saved.xlsx', '26-libreoffice-from-csv.xlsx'):
        shutil.copy(os.path.join(lo, name), os.path.join(OUT, name))
    expect('25-libreoffice-saved.xlsx', 'libreoffice', 'openpyxl 写、LibreOffice 另存的 .xlsx：共享字符串、日期单元格、合并标题', sheet='人员', headerRow=2,
           counts={'新增': 5, '更新': 0, '跳过': 0, '错误': 1}, errors=[err(8, 'F', '不在本乡镇')])
    expect('26-libreoffice-from-csv.xlsx', 'libreoffice', 'LibreOffice 从 .csv 打开再存为 .xlsx：18 位身份证号被当成数字，末尾几位丢失', headerRow=1,
           counts={'新增': 1, '更新': 0, '跳过': 0, '错误': 2}, errors=[err(3, 'C', '存成了数字'), err(4, 'C', '存成了数字')])


# 18 A real old-format .xls, saved by LibreOffice.
def old_xls(tmp):
    wb = openpyxl.Workbook()
    sheet_of(wb.active, ['姓名', '民族', '公民身份号码'], [person(180, '1990-01-01')])
    src = os.path.join(tmp, '18-old-format.xlsx')
    wb.save(src)
    lo = os.path.join(tmp, 'xls')
    os.makedirs(lo)
    run_soffice(['--convert-to', 'xls', '--outdir', lo, src])
    shutil.copy(os.path.join(lo, '18-old-format.xls'), os.path.join(OUT, '18-old-format.xls'))
    expect('18-old-format.xls', 'libreoffice', '旧版 .xls（LibreOffice 另存）', refused='另存为')


def run_soffice(args):
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    try:
        subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless', *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(('.xlsx', '.xls')):
            os.remove(os.path.join(OUT, f))
    tmp = tempfile.mkdtemp(prefix='import-fixtures-')
    try:
        clean_template()
        roster_title()
        two_row_header()
        synonyms()
        dates()
        id_numbers()
        ethnicity()
        education_occupation()
        villages()
        existing()
        blank_formatted()
        ref_errors()
        hidden_and_visible()
        hidden_only()
        second_sheet()
        empty()
        csv_renamed()
        old_xls(tmp)
        encrypted()
        masked()
        unparseable()
        bad_dimension()
        missing_column()
        ten_thousand()
        libreoffice(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Made at test time rather than committed: 20 MB of nothing.
    files.append({'file': '27-oversize.xlsx', 'kind': 'people', 'source': 'generated', 'generate': 'oversize', 'describe': '超过 20 MB 的文件（测试时生成）', 'refused': '文件太大'})
    files.sort(key=lambda e: e['file'])
    with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump({'today': TODAY, 'setup': {'people': SETUP}, 'files': files}, f, ensure_ascii=False, indent=2)
        f.write('\n')
    for e in files:
        path = os.path.join(OUT, e['file'])
        size = os.path.getsize(path) if os.path.exists(path) else 0
        print('%-34s %8d  %s' % (e['file'], size, e.get('refused') or e.get('counts')))


if __name__ == '__main__':
    sys.exit(main())
