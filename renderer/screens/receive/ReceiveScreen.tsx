export function ReceiveScreen() {
  return (
    <header className="section-header">
      <h1>Tiếp nhận hồ sơ</h1>
    </header>
  );
}
