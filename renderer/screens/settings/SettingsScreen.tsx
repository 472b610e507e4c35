export function SettingsScreen() {
  return (
    <header className="section-header">
      <h1>Cài đặt</h1>
    </header>
  );
}
