export function AlertsScreen() {
  return (
    <header className="section-header">
      <h1>Cảnh báo</h1>
    </header>
  );
}
