export function ReturnScreen() {
  return (
    <header className="section-header">
      <h1>Trả kết quả</h1>
    </header>
  );
}
