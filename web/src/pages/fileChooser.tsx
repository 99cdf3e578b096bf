// The choice of an .xlsx or .csv file to import (the member list, the portal's dues payments): the
// file is read into memory here and never uploaded by antd's Upload itself; the page sends its
// bytes (api.upload) when the user asks for a check or an import.
import { Button, Upload } from 'antd';

// The server refuses bodies over 32 MiB (413); a file that big is refused here before sending.
export const maxBytes = 32 * 1024 * 1024;
// From this size on the user is told that the check may take a while.
export const bigBytes = 2 * 1024 * 1024;

export interface ChosenFile {
  name: string;
  size: number;
  data: ArrayBuffer | null; // null when the file is refused here (too big, wrong kind)
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

export function extensionOf(name: string): string {
  const m = name.toLowerCase().match(/\.([a-z0-9]+)$/);
  return m ? m[1] : '';
}

// Why a chosen file cannot be sent, in the user's words; nothing when it can.
export function fileProblem(f: ChosenFile | null | undefined): string | undefined {
  if (!f) return 'Chọn tệp cần nhập.';
  if (!['xlsx', 'csv'].includes(extensionOf(f.name))) {
    return 'Chỉ nhận tệp .xlsx hoặc .csv. Tệp .xls (Excel cũ): mở bằng Excel rồi lưu lại dạng .xlsx.';
  }
  if (f.size > maxBytes) {
    return `Tệp ${fileSize(f.size)}: máy chủ chỉ nhận tệp đến 32 MB. Hãy chia thành nhiều tệp nhỏ hơn.`;
  }
  if (!f.data) return 'Không đọc được tệp trên máy này.';
  return undefined;
}

// The file picker as a form control: reads the chosen file into memory and never uploads it by
// itself (beforeUpload returns false).
export function FileChooser({
  value,
  onChange,
  disabled,
  testid = 'import-choose',
}: {
  value?: ChosenFile | null;
  onChange?: (f: ChosenFile | null) => void;
  disabled?: boolean;
  testid?: string;
}) {
  return (
    <Upload
      accept=".xlsx,.csv"
      maxCount={1}
      disabled={disabled}
      fileList={value ? [{ uid: 'chosen', name: `${value.name} (${fileSize(value.size)})`, status: 'done' }] : []}
      beforeUpload={(file) => {
        const usable = file.size <= maxBytes && ['xlsx', 'csv'].includes(extensionOf(file.name));
        if (!usable) {
          onChange?.({ name: file.name, size: file.size, data: null });
        } else {
          file
            .arrayBuffer()
            .then((data) => onChange?.({ name: file.name, size: file.size, data }))
            .catch(() => onChange?.({ name: file.name, size: file.size, data: null }));
        }
        return false;
      }}
      onRemove={() => {
        onChange?.(null);
        return true;
      }}
    >
      <Button disabled={disabled} data-testid={testid}>
        Chọn tệp…
      </Button>
    </Upload>
  );
}
