/** core/paths.ts untrustedPathProblem: a page may name a file only inside the data folder or one chosen in a dialog. */
import { describe, expect, it } from 'vitest';
import { untrustedPathProblem } from '../../core/paths';

describe('paths a page names', () => {
  const posixPlaces = { dataDir: '/home/clerk/.config/grassroots-ledger/data', chosen: ['/media/usb/台账备份'] };

  it('inside the data folder, or inside a folder chosen in a dialog, may pass', () => {
    expect(untrustedPathProblem({ path: '/home/clerk/.config/grassroots-ledger/data/backups/a.zip' }, posixPlaces, 'linux')).toBeNull();
    expect(untrustedPathProblem({ outFile: '/media/usb/台账备份/多巴镇-2026-12-04.zip' }, posixPlaces, 'linux')).toBeNull();
    expect(untrustedPathProblem({ folder: '/media/usb/台账备份' }, posixPlaces, 'linux')).toBeNull();
  });

  it('anywhere else, a relative path, or a way out through .. is refused, in Chinese, naming the path', () => {
    for (const input of [
      { path: '/etc/passwd' },
      { file: 'ledger.db' },
      { backupPath: '/home/clerk/.config/grassroots-ledger/data/../../../.bashrc' },
      { folder: '/home/clerk/.config/grassroots-ledger/data-evil' },
      { nested: [{ targetDir: '/tmp' }] },
    ]) {
      const problem = untrustedPathProblem(input, posixPlaces, 'linux');
      expect(problem, JSON.stringify(input)).toMatch(/^不能使用页面提供的文件位置“.+”：只能使用数据文件夹里的文件，或在对话框中选择的文件和文件夹。$/);
    }
  });

  it('on Windows, drive letters and UNC shares outside are refused and case does not matter inside', () => {
    const places = { dataDir: 'C:\\Users\\clerk\\AppData\\Roaming\\grassroots-ledger\\data' };
    expect(untrustedPathProblem({ path: 'c:\\users\\CLERK\\appdata\\roaming\\grassroots-ledger\\data\\backups\\x.zip' }, places, 'win32')).toBeNull();
    for (const path of [
      'C:\\Users\\clerk\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\a.bat',
      '\\\\server\\share\\ledger.db',
      'D:\\ledger.db',
      'C:\\Users\\clerk\\AppData\\Roaming\\grassroots-ledger\\data\\..\\..\\x',
    ]) {
      expect(untrustedPathProblem({ path }, places, 'win32'), path).not.toBeNull();
    }
  });

  it('names and free text are not paths: fileName, a remark of "/" and other fields pass untouched', () => {
    expect(untrustedPathProblem({ fileName: '../../扫描件.pdf', base64: 'AAAA', remark: '/', profile: '/x', note: 'C:\\x' }, posixPlaces, 'linux')).toBeNull();
    expect(untrustedPathProblem('just a string', posixPlaces, 'linux')).toBeNull();
    expect(untrustedPathProblem(null, posixPlaces, 'linux')).toBeNull();
  });
});
