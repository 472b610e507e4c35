/** What the browser says of the desk's storage (`navigator.storage.estimate()`), in bytes. */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export type StorageRoomLevel = 'ok' | 'low' | 'full';

export interface StorageRoom {
  level: StorageRoomLevel;
  usedBytes: number;
  quotaBytes: number;
  /** Vietnamese, for the officer; null when all is well. */
  message: string | null;
}

/** Below this share of the quota left, or this many bytes, the desk warns: weeks of scanning still fit. */
const LOW_SHARE = 0.2;
const LOW_BYTES = 2 * 1024 ** 3;
/** Kept free whatever happens: the event log and projections must always find room. */
const RESERVE_BYTES = 200 * 1024 ** 2;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('vi-VN')} MB`;

/**
 * Whether `incomingBytes` more fit, and how soon the officer should act. Scanned papers fill a
 * desk far faster than dossiers: the warning comes while there is still room for weeks of work,
 * and a file that would eat into the reserve kept for the dossiers themselves is refused.
 */
export function storageRoom(estimate: StorageEstimateLike, incomingBytes = 0): StorageRoom {
  const usedBytes = estimate.usage ?? 0;
  const quotaBytes = estimate.quota ?? 0;
  if (quotaBytes <= 0) return { level: 'ok', usedBytes, quotaBytes, message: null };
  const free = quotaBytes - usedBytes;
  if (free - incomingBytes < RESERVE_BYTES) {
    return {
      level: 'full',
      usedBytes,
      quotaBytes,
      message: `Máy gần hết chỗ lưu trữ (còn ${megabytes(Math.max(free, 0))}): không lưu thêm được bản số hóa giấy tờ. Hãy đồng bộ để gửi bản số hóa lên máy chủ tỉnh rồi giải phóng chỗ trống, hoặc báo quản trị.`,
    };
  }
  if (free - incomingBytes < Math.max(quotaBytes * LOW_SHARE, Math.min(LOW_BYTES, quotaBytes / 2))) {
    return {
      level: 'low',
      usedBytes,
      quotaBytes,
      message: `Chỗ lưu trữ trên máy còn ${megabytes(free)} trên ${megabytes(quotaBytes)}. Hãy đồng bộ thường xuyên để bản số hóa được gửi lên máy chủ tỉnh.`,
    };
  }
  return { level: 'ok', usedBytes, quotaBytes, message: null };
}
