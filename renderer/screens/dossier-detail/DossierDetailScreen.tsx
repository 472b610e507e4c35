export function DossierDetailScreen() {
  return (
    <header className="section-header">
      <h1>Chi tiết hồ sơ</h1>
    </header>
  );
}
