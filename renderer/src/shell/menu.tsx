import { ApartmentOutlined, ClusterOutlined, DatabaseOutlined, BankOutlined, FileExcelOutlined, FlagOutlined, HistoryOutlined, HomeOutlined, ImportOutlined, SafetyCertificateOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { warmHome } from '../pages/home/warm';
import { warmPeople } from '../pages/people/warm';
import { lazyPage } from './lazyPage';

// One chunk per page, loaded on its first visit.
const HomePage = lazyPage(() => import('../pages/home/HomePage'), 'HomePage');
const PeoplePage = lazyPage(() => import('../pages/people/PeoplePage'), 'PeoplePage');
const MembersPage = lazyPage(() => import('../pages/members/MembersPage'), 'MembersPage');
const ReservesPage = lazyPage(() => import('../pages/reserves/ReservesPage'), 'ReservesPage');
const CentresPage = lazyPage(() => import('../pages/centres/CentresPage'), 'CentresPage');
const CompliancePage = lazyPage(() => import('../pages/members/CompliancePage'), 'CompliancePage');
const ReportsPage = lazyPage(() => import('../pages/reports/ReportsPage'), 'ReportsPage');
const ImportPage = lazyPage(() => import('../pages/import/ImportPage'), 'ImportPage');
const OrgPage = lazyPage(() => import('../pages/org/OrgPage'), 'OrgPage');
const AuditPage = lazyPage(() => import('../pages/audit/AuditPage'), 'AuditPage');
const BackupPage = lazyPage(() => import('../pages/backup/BackupPage'), 'BackupPage');
const DistrictPage = lazyPage(() => import('../pages/district/DistrictPage'), 'DistrictPage');

export interface ModuleEntry {
  path: string;
  label: string;
  icon: ReactNode;
  page: ComponentType & { preload(): Promise<unknown> };
  /**
   * Asks for the data the page shows first, when it is the page the window opens on (see preloadPage) or is opened
   * from the menu. A page that is drawn with those answers once they are in (useFirstAnswer) returns a promise of
   * them, and the menu waits for it, briefly, before it opens the page (AppShell).
   */
  warm?: () => Promise<unknown> | void;
}

/** New modules (发展党员, 后备人才, 服务中心 …) join by adding one entry here. */
export const MODULES: ModuleEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, page: HomePage, warm: warmHome },
  { path: '/people', label: '人员库', icon: <TeamOutlined />, page: PeoplePage, warm: warmPeople },
  // Not /members/check: the shell highlights every entry whose path prefixes the current one.
  { path: '/members', label: '发展党员', icon: <FlagOutlined />, page: MembersPage },
  { path: '/reserves', label: '后备人才', icon: <SolutionOutlined />, page: ReservesPage },
  { path: '/centres', label: '服务中心', icon: <BankOutlined />, page: CentresPage },
  { path: '/compliance', label: '合规检查', icon: <SafetyCertificateOutlined />, page: CompliancePage },
  { path: '/reports', label: '报表中心', icon: <FileExcelOutlined />, page: ReportsPage },
  { path: '/import', label: '数据导入', icon: <ImportOutlined />, page: ImportPage },
  { path: '/district', label: '区县汇总', icon: <ClusterOutlined />, page: DistrictPage },
  { path: '/org', label: '组织设置', icon: <ApartmentOutlined />, page: OrgPage },
  { path: '/audit', label: '操作日志', icon: <HistoryOutlined />, page: AuditPage },
  { path: '/backup', label: '备份与恢复', icon: <DatabaseOutlined />, page: BackupPage },
];

/** The 区县 ledger (first-run setup in 区县 mode) has no villages: its menu leads with 区县汇总 and keeps what applies. */
const COUNTY_PATHS = ['/district', '/reports', '/org', '/audit', '/backup'];

/** The menu for the unit's mode: a township's full list, or the district's short one with 区县汇总 first. */
export function modulesFor(mode: string | undefined): ModuleEntry[] {
  if (mode !== 'county') return MODULES;
  return COUNTY_PATHS.map((p) => MODULES.find((m) => m.path === p)).filter((m): m is ModuleEntry => !!m);
}

function moduleAt(pathname: string): ModuleEntry {
  return MODULES.find((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path))) ?? MODULES[0]!;
}

/**
 * Starts fetching the code of the page at this route, so that it arrives while the shell is still starting instead
 * of after. Unknown routes fall back to 首页, as the shell's router does.
 */
export function preloadPage(pathname: string): void {
  void moduleAt(pathname).page.preload().catch(() => undefined);
}

/** Starts the calls the page at this route makes first; only for a ledger that is ready (set up and open). */
export function warmPage(pathname: string): Promise<unknown> | void {
  return moduleAt(pathname).warm?.();
}
