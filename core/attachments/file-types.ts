/**
 * What an attachment may be: scans, photos and office documents, recognised by their bytes, never by the name the
 * clerk's PC gave them. Windows opens a file by its extension, so the extension must name the same type the content
 * is: a program renamed 扫描件.pdf, or a name that a right-to-left override makes *look* like a PDF, is refused.
 */
import { clip } from '../../lib/errors';
import { ATTACHMENT_TYPES, attachmentTypeOf, type AttachmentKind } from './schemas';

/** Programs, scripts, shortcuts and macro documents: named in the refusal so the clerk knows why. */
const EXECUTABLE = new Set([
  'exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'dll', 'sys', 'drv', 'ocx', 'hta', 'htm', 'html', 'mht', 'mhtml',
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'ws', 'ps1', 'psm1', 'psd1', 'msc', 'lnk', 'url', 'scf', 'inf', 'reg', 'jar', 'appx',
  'msix', 'application', 'gadget', 'chm', 'hlp', 'iso', 'img', 'vhd', 'vhdx', 'library-ms', 'settingcontent-ms', 'svg', 'xml',
  'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'sldm', 'one', 'py', 'sh', 'apk',
]);

// Control characters and the invisible marks that reorder or hide text: U+202E turns "扫描件\u202Efdp.exe" into
// what reads as 扫描件exe.pdf. Zero-width characters and the BOM hide the same tricks.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /[\\/:*?"<>|]/g;

/** The name as it will be shown and stored: no folders, no invisible characters, nothing Windows forbids. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Windows drops trailing dots and spaces, so "报告.pdf.exe. " is really an .exe.
  return base.replace(INVISIBLE, '').replace(WINDOWS_RESERVED, '_').trim().replace(/[. ]+$/, '');
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Entry names of a zip file from its central directory; null when it is no readable zip. */
function zipEntryNames(bytes: Buffer): string[] | null {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue;
    const count = bytes.readUInt16LE(at + 10);
    let p = bytes.readUInt32LE(at + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLength = bytes.readUInt16LE(p + 28);
      const extra = bytes.readUInt16LE(p + 30);
      const comment = bytes.readUInt16LE(p + 32);
      names.push(bytes.toString('utf8', p + 46, p + 46 + nameLength));
      p += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return null;
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Word and WPS 文字 keep a "WordDocument" stream, Excel and WPS 表格 a "Workbook" (or Excel 5's "Book"), PowerPoint
// and WPS 演示 a "PowerPoint Document". An installer (.msi) is the same container with none of them.
const CFB_STREAMS: Record<'word' | 'excel' | 'powerpoint', string[]> = {
  word: ['WordDocument'],
  excel: ['Workbook', 'Book\u0000'],
  powerpoint: ['PowerPoint Document'],
};
const CFB_KINDS = ['word', 'excel', 'powerpoint'] as const;

function cfbHolds(bytes: Buffer, kind: (typeof CFB_KINDS)[number]): boolean {
  return CFB_STREAMS[kind].some((name) => bytes.includes(utf16(name)));
}

/** Whether the bytes are the declared kind. A Word file may embed a sheet: it is judged by what it claims to be. */
function isKind(bytes: Buffer, kind: AttachmentKind): boolean {
  if ((kind === 'word' || kind === 'excel' || kind === 'powerpoint') && startsWith(bytes, CFB)) return cfbHolds(bytes, kind);
  return detectKind(bytes) === kind;
}

function startsWith(bytes: Buffer, magic: Buffer | string, at = 0): boolean {
  const m = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : magic;
  return bytes.length >= at + m.length && bytes.subarray(at, at + m.length).equals(m);
}

/** The type the bytes are, or null for anything else (a program, an archive, a web page, random bytes). */
export function detectKind(bytes: Buffer): AttachmentKind | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, Buffer.from([0xff, 0xd8, 0xff]))) return 'jpeg';
  if (startsWith(bytes, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, 'II*\u0000') || startsWith(bytes, 'MM\u0000*')) return 'tiff';
  // "BM" alone is too weak: the header's own file size must match, and the info header be one of the known sizes.
  if (startsWith(bytes, 'BM') && bytes.length > 18 && bytes.readUInt32LE(2) === bytes.length && [12, 40, 52, 56, 108, 124].includes(bytes.readUInt32LE(14))) return 'bmp';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const names = zipEntryNames(bytes);
    if (!names) return null;
    if (names.includes('OFD.xml')) return 'ofd';
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
    return null;
  }
  if (startsWith(bytes, CFB)) return CFB_KINDS.find((k) => cfbHolds(bytes, k)) ?? null;
  // Plain text: no NUL byte (programs and binary files have plenty) and nothing that starts like a program.
  if (!bytes.includes(0) && !startsWith(bytes, 'MZ') && !startsWith(bytes, '#!')) return 'text';
  return null;
}

/** The accepted types in one breath, for every refusal (ATTACHMENT_TYPES is the full list). */
const ACCEPTED_LIST = 'PDF、图片（JPG、PNG、GIF、WEBP、BMP、TIFF）、Word/Excel/PowerPoint 或 WPS 文档、OFD 和文本文件（.txt）';

/** Why a file may not be attached, in words a clerk can act on; null when it may. */
export function refusalOf(name: string, bytes: Buffer): string | null {
  const fileName = clip(name);
  const ext = extensionOf(name);
  if (!ext) return `文件“${fileName}”没有扩展名，无法确认是什么文件。附件只收${ACCEPTED_LIST}。`;
  if (EXECUTABLE.has(ext)) return `文件“${fileName}”是程序、脚本或快捷方式（.${ext}），不能作为附件上传。附件只收${ACCEPTED_LIST}。`;
  const declared = attachmentTypeOf(name);
  if (!declared) return `不能上传“.${clip(ext, 12)}”文件（${fileName}）。附件只收${ACCEPTED_LIST}；请另存为 PDF 或图片后再上传。`;
  if (isKind(bytes, declared.kind)) return null;
  const actual = detectKind(bytes);
  const real = ATTACHMENT_TYPES.find((t) => t.kind === actual);
  if (real) return `文件“${fileName}”的内容是${real.name}，与扩展名 .${ext} 不符。请把扩展名改为 .${real.extensions[0]} 后再上传。`;
  return `文件“${fileName}”的内容不是${declared.name}，可能已损坏或是改了名的其他文件，不能上传。请用原来的程序重新另存后再试。`;
}
