import { ApartmentOutlined, FileExcelOutlined, FlagOutlined, HistoryOutlined, HomeOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { AuditPage } from '../pages/audit/AuditPage';
import { HomePage } from '../pages/home/HomePage';
import { CompliancePage } from '../pages/members/CompliancePage';
import { MembersPage } from '../pages/members/MembersPage';
import { OrgPage } from '../pages/org/OrgPage';
import { PeoplePage } from '../pages/people/PeoplePage';
import { ReportsPage } from '../pages/reports/ReportsPage';

export interface ModuleEntry {
  path: string;
  label: string;
  icon: ReactNode;
  page: ComponentType;
}

/** New modules (发展党员, 后备人才, 服务中心 …) join by adding one entry here. */
export const MODULES: ModuleEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, page: HomePage },
  { path: '/people', label: '人员库', icon: <TeamOutlined />, page: PeoplePage },
  // Not /members/check: the shell highlights every entry whose path prefixes the current one.
  { path: '/members', label: '发展党员', icon: <FlagOutlined />, page: MembersPage },
  { path: '/compliance', label: '合规检查', icon: <SafetyCertificateOutlined />, page: CompliancePage },
  { path: '/reports', label: '报表中心', icon: <FileExcelOutlined />, page: ReportsPage },
  { path: '/org', label: '组织设置', icon: <ApartmentOutlined />, page: OrgPage },
  { path: '/audit', label: '操作日志', icon: <HistoryOutlined />, page: AuditPage },
];
