/** "512 KB", "1,4 MB": file sizes as an officer reads them. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('vi-VN')} MB`;
}
