import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';

/** A paper as an officer would hold it under the document camera: a real page of text, a table and a stamp. */
const DOCUMENT_HTML = `<!doctype html><html lang="vi"><body style="margin:0;background:#fff;font-family:serif;color:#111">
<div style="padding:48px 72px">
  <div style="display:flex;justify-content:space-between;font-size:18px;font-weight:bold">
    <span>UBND PHƯỜNG BA ĐÌNH</span><span>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span>
  </div>
  <p style="text-align:right;font-size:18px;font-style:italic">Độc lập - Tự do - Hạnh phúc</p>
  <h1 style="text-align:center;font-size:40px;margin:32px 0">TỜ KHAI ĐĂNG KÝ KHAI SINH</h1>
  ${['Họ, chữ đệm, tên người yêu cầu: NGUYỄN THỊ LAN', 'Nơi cư trú: số 12 phố Đội Cấn, phường Ba Đình, Hà Nội', 'Giấy tờ tùy thân: Căn cước số 001190012345', 'Quan hệ với người được khai sinh: Mẹ', 'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:', 'Họ, chữ đệm, tên: NGUYỄN VĂN AN · Ngày sinh: 03/12/2026 · Giới tính: Nam']
    .map((line) => `<p style="font-size:24px;margin:14px 0;border-bottom:1px dotted #888">${line}</p>`)
    .join('')}
  <div style="display:flex;justify-content:flex-end;margin-top:40px">
    <div style="width:170px;height:170px;border:6px solid #c22;border-radius:50%;color:#c22;display:flex;align-items:center;justify-content:center;font-weight:bold;text-align:center">ỦY BAN NHÂN DÂN<br/>PHƯỜNG BA ĐÌNH</div>
  </div>
</div></body></html>`;

export const CAMERA_SIZE = { width: 1280, height: 960 } as const;

/** Renders the document page in `browser` and returns it as PNG and JPEG (a scanner's file). */
export async function renderDocumentImage(browser: Browser): Promise<{ png: Buffer; jpeg: Buffer }> {
  const page = await browser.newPage({ viewport: CAMERA_SIZE });
  try {
    await page.setContent(DOCUMENT_HTML);
    return { png: await page.screenshot({ type: 'png' }), jpeg: await page.screenshot({ type: 'jpeg', quality: 85 }) };
  } finally {
    await page.close();
  }
}

/**
 * Writes a one-frame YUV4MPEG2 file of the PNG, for Chromium's fake camera
 * (--use-file-for-fake-video-capture loops it): BT.601 full range, 4:2:0.
 */
export function writeY4m(png: Buffer, path: string): void {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const at = (row * width + column) * 4;
      const [r, g, b] = [data[at]!, data[at + 1]!, data[at + 2]!];
      y[row * width + column] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
      if (row % 2 === 0 && column % 2 === 0) {
        const chroma = (row / 2) * (width / 2) + column / 2;
        u[chroma] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
        v[chroma] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
      }
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  writeFileSync(path, Buffer.concat([header, y, u, v]));
}
