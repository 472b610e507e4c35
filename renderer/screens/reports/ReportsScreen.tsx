export function ReportsScreen() {
  return (
    <header className="section-header">
      <h1>Báo cáo</h1>
    </header>
  );
}
