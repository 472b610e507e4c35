/** A small valid procedure catalogue (src/catalogue/procedure-schema.ts). */
export function sampleCatalogue(version = '2025.10-test', codes: string[] = ['1.001193', '1.004222']) {
  return {
    schemaVersion: 1,
    version,
    procedures: codes.map((code, index) => ({
      code,
      name: `Thủ tục thử nghiệm số ${index + 1}`,
      field: 'Hộ tịch',
      levels: ['commune'],
      agency: 'commune-peoples-committee',
      statutoryTime: { kind: 'working-days', days: 3 },
      fee: { kind: 'free' },
      papers: [{ name: 'Tờ khai', originals: 1, copies: 0, optional: false }],
      result: 'Giấy chứng nhận',
      legalBasis: ['Luật Hộ tịch 2014'],
      source: 'Dữ liệu thử nghiệm',
    })),
  };
}
