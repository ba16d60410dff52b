/**
 * Attachments accept only documents and images, judged by their bytes; names lose control and bidi characters;
 * what is refused writes no file, no row and no log entry; opening re-checks the stored file (issue 11).
 */
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openableAttachment } from '../../core/attachments/service';
import type { LedgerHost } from '../../core/host';
import { FILES } from '../helpers/attachment-files';
import { makeIdNumber, startHost } from '../helpers/ledger';

let host: LedgerHost;
let dir: string;
let close: () => Promise<void>;
let stepId: number;

beforeEach(async () => {
  ({ host, dir, close } = await startHost());
  const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
  stepId = ((await host.invoke('members.get', { id })) as { steps: { id: number | null }[] }).steps[0]!.id!;
});
afterEach(() => close());

const add = (fileName: string, bytes: Buffer) => host.call('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName, base64: bytes.toString('base64') });

function storedFiles(): string[] {
  const root = join(dir, 'attachments');
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

async function logCount(): Promise<number> {
  return ((await host.invoke('audit.list', { entity: 'attachment' })) as { total: number }).total;
}

describe('accepted types', () => {
  const accepted: [string, Buffer][] = [
    ['入党申请书.pdf', FILES.pdf],
    ['谈话照片.jpg', FILES.jpeg],
    ['谈话照片.JPEG', FILES.jpeg],
    ['公示截图.png', FILES.png],
    ['示意.gif', FILES.gif],
    ['手机照片.webp', FILES.webp],
    ['扫描.bmp', FILES.bmp],
    ['扫描仪.tif', FILES.tiff],
    ['思想汇报.docx', FILES.docx],
    ['考察登记表.xlsx', FILES.xlsx],
    ['旧版思想汇报.doc', FILES.doc],
    ['WPS 文字.wps', FILES.doc],
    ['旧版统计表.xls', FILES.xls],
    ['WPS 表格.et', FILES.xls],
    ['红头文件.ofd', FILES.ofd],
    ['谈话记录.txt', FILES.txt],
  ];
  it.each(accepted)('stores %s and reads it back unchanged', async (fileName, bytes) => {
    const result = await add(fileName, bytes);
    expect(result).toMatchObject({ ok: true, data: { fileName } });
    const read = (await host.invoke('attachments.read', { id: (result as { data: { id: number } }).data.id })) as { base64: string };
    expect(Buffer.from(read.base64, 'base64').equals(bytes)).toBe(true);
  });
});

describe('refused files', () => {
  const refused: [string, Buffer, RegExp][] = [
    ['setup.exe', FILES.exe, /程序、脚本或快捷方式（\.exe）/],
    ['安装.bat', Buffer.from('@echo off\r\ndel *.*'), /\.bat/],
    ['说明.hta', Buffer.from('<script>alert(1)</script>'), /\.hta/],
    ['台账.lnk', Buffer.from([0x4c, 0, 0, 0, 1, 0x14, 2, 0]), /\.lnk/],
    ['通知.js', Buffer.from('WScript.Echo(1)'), /\.js/],
    ['通知.vbs', Buffer.from('MsgBox 1'), /\.vbs/],
    ['屏保.scr', FILES.exe, /\.scr/],
    ['宏.docm', FILES.docx, /\.docm/],
    ['报告.pdf.exe', FILES.pdf, /\.exe/],
    ['报告.pdf.exe. . ', FILES.pdf, /\.exe/],
    ['压缩包.zip', FILES.zip, /不能上传“\.zip”文件/],
    ['没有扩展名', FILES.pdf, /没有扩展名/],
    ['扫描件.pdf', FILES.exe, /内容不是PDF 文件/],
    ['照片.jpg', FILES.exe, /内容不是JPG 图片/],
    ['照片.jpg', FILES.png, /内容是PNG 图片，与扩展名 \.jpg 不符。请把扩展名改为 \.png/],
    ['登记表.doc', FILES.msi, /内容不是Word\/WPS 文字文档/],
    ['登记表.docx', FILES.zip, /内容不是Word 文档/],
    ['登记表.xlsx', FILES.docx, /内容是Word 文档/],
    ['记录.txt', FILES.exe, /内容不是文本文件/],
  ];
  it.each(refused)('refuses %s in Chinese, naming it, and keeps nothing', async (fileName, bytes, why) => {
    const before = await logCount();
    const result = await add(fileName, bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toMatch(why);
    expect(message).toContain(fileName.replace(/[. ]+$/, '').slice(0, 8));
    expect(storedFiles()).toEqual([]);
    expect(await logCount()).toBe(before);
    expect(await host.invoke('attachments.list', { ownerType: 'member_step', ownerId: stepId })).toEqual([]);
  });

  it('strips a right-to-left override, so a program that shows as 扫描件exe.pdf is seen and refused as an .exe', async () => {
    const result = await add('扫描件\u202Efdp.exe', FILES.pdf);
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toContain('“扫描件fdp.exe”');
    expect(message).toMatch(/\.exe/);
    expect(message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(storedFiles()).toEqual([]);
  });
});

describe('names', () => {
  it('keeps only the file name, without folders, control or bidi characters, and stores under a generated name', async () => {
    const result = (await add('C:\\Users\\党建办\\..\\扫\u0007描\u2066件\u200F.pdf', FILES.pdf)) as { ok: true; data: { id: number; fileName: string } };
    expect(result.data.fileName).toBe('扫描件.pdf');
    expect(storedFiles()).toEqual([expect.stringMatching(/^[0-9a-f-]{36}\.pdf$/)]);
  });

  it('refuses a name that is only invisible characters', async () => {
    const result = await add('\u202E\u200F', FILES.pdf);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不可见字符') } });
  });
});

describe('opening', () => {
  it('opens an accepted file, and refuses a program stored before files were checked', async () => {
    const good = (await add('入党申请书.pdf', FILES.pdf)) as { data: { id: number } };
    expect(openableAttachment(host.context, good.data.id).absolutePath).toMatch(/\.pdf$/);

    // What an older version let in: a program kept under its own extension, and one renamed to .pdf.
    mkdirSync(join(dir, 'attachments', 'old'), { recursive: true });
    writeFileSync(join(dir, 'attachments', 'old', 'a.exe'), FILES.exe);
    writeFileSync(join(dir, 'attachments', 'old', 'b.pdf'), FILES.exe);
    const insert = host.context.sqlite.prepare("INSERT INTO attachments (owner_type, owner_id, file_name, stored_path, size) VALUES ('member_step', ?, ?, ?, 10) RETURNING id");
    const legacy = [
      (insert.get(stepId, '扫描件\u202Efdp.exe', 'attachments/old/a.exe') as { id: number }).id,
      (insert.get(stepId, '扫描件.pdf', 'attachments/old/b.pdf') as { id: number }).id,
      (insert.get(stepId, '扫描件.pdf', 'attachments/old/a.exe') as { id: number }).id,
    ];
    for (const id of legacy) {
      expect(() => openableAttachment(host.context, id)).toThrow(/不是可以打开的扫描件、图片或文档/);
      expect(await host.call('attachments.read', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('为安全起见不打开') } });
    }
  });
});
