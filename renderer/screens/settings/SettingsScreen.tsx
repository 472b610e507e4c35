import { useDesk } from '../../app/desk-context.tsx';
import { ConnectionSection } from './ConnectionSection.tsx';
import { OfficersSection } from './OfficersSection.tsx';
import { ExportSection, IdentitySection, PrintersSection, WorkingTimeSection } from './SettingsSections.tsx';
import '../../components/forms.css';
import './settings.css';

export function SettingsScreen() {
  const desk = useDesk();
  const canEdit = desk.officer.role === 'admin' || desk.officer.role === 'leader';
  return (
    <section className="settings-screen">
      <header className="section-header">
        <h1>Cài đặt</h1>
        <p>Thông tin quầy, giờ làm việc, cán bộ, máy in, kết nối máy chủ và xuất dữ liệu.</p>
      </header>
      <div className="settings-grid">
        <IdentitySection />
        <WorkingTimeSection canEdit={canEdit} />
        <OfficersSection />
        <PrintersSection />
        <ConnectionSection />
        <ExportSection />
      </div>
    </section>
  );
}
