"""Write register.fods: examples/registers/example-zh.csv as a spreadsheet an officer keeps, with
typed cells (amounts as numbers shown with thousands separators, birth dates as dates shown
yyyy/m/d, region codes and grades as numbers, ids as text). LibreOffice then saves it as .xlsx
and as CSV (see README.md); the CSV files it writes are what the tests read."""
import csv
from pathlib import Path
from xml.sax.saxutils import escape

here = Path(__file__).parent
rows = list(csv.reader((here / '../../../examples/registers/example-zh.csv').open(encoding='utf-8-sig')))
header, body = rows[0], rows[1:]
money = {'经营净收入', '转移净收入', '其他收入', '不计入低保的收入', '刚性支出', '工资收入'}
numbers = {'地区代码'}
dates = {'出生日期'}

def cell(name, v):
    if v == '':
        return '<table:table-cell/>'
    if name in money:
        shown = f'{int(v):,}'
        return f'<table:table-cell table:style-name="grouped" office:value-type="float" office:value="{v}"><text:p>{shown}</text:p></table:table-cell>'
    if name in numbers:
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if name in dates:
        y, m, d = v.split('-')
        return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{v}"><text:p>{y}/{int(m)}/{int(d)}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'

def row(cells):
    return '<table:table-row>' + ''.join(cells) + '</table:table-row>'

table = row(cell('', h) if False else f'<table:table-cell office:value-type="string"><text:p>{escape(h)}</text:p></table:table-cell>' for h in header)
table += ''.join(row(cell(h, v) for h, v in zip(header, r)) for r in body)
(here / 'register.fods').write_text(f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <number:date-style style:name="D1"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
 <style:style style:name="grouped" style:family="table-cell" style:data-style-name="N1"/>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="D1"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="花名册">
{table}
</table:table></office:spreadsheet></office:body></office:document>
''', encoding='utf-8')
