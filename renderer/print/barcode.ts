import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Code 128 of `text` as SVG markup, drawn by JsBarcode synchronously in a detached XML document
 * so it can be rendered to static HTML for printing. `moduleWidth` must be a whole number of CSS
 * pixels: fractional modules blur on a 1× screen and in rasterised prints and stop decoding.
 */
export function code128Svg(text: string, moduleWidth: 1 | 2 | 3 = 2, height = 48): string {
  const xml = document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = xml.documentElement;
  JsBarcode(svg, text, {
    xmlDocument: xml,
    format: 'CODE128',
    width: moduleWidth,
    height,
    margin: 10 * moduleWidth,
    displayValue: false,
    background: '#ffffff',
    lineColor: '#000000',
  });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Mã vạch ${text}`);
  return new XMLSerializer().serializeToString(svg);
}

/** QR code of `text` as SVG markup (one path; `size` in CSS px, quiet zone included). */
export function qrSvg(text: string, size = 96): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 2;
  const total = count + quiet * 2;
  let path = '';
  for (let y = 0; y < count; y += 1) {
    for (let x = 0; x < count; x += 1) {
      if (modules.get(y, x)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="${SVG_NS}" viewBox="0 0 ${total} ${total}" width="${size}" height="${size}" shape-rendering="crispEdges" role="img" aria-label="Mã QR tra cứu hồ sơ">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
