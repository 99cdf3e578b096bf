// The file of a contribution or speech: a link to download it, and for whoever records the
// conference a button that sends one (PDF, Word or OpenDocument, at most 10 MB; the server checks
// the kind by the file's first bytes too). A later file is shown instead; the earlier one is kept.
import { useState } from 'react';
import { Button, Space, Typography, Upload, message } from 'antd';
import { api, query, type ConferenceItem } from '../api';
import { vnNumber } from '../labels';

export const itemFileAccept = '.pdf,.doc,.docx,.odt';
export const itemFileMaxBytes = 10 * 1024 * 1024;

export function itemFilePath(conference: number, seq: number) {
  return `/api/v1/conferences/${conference}/items/${seq}/file`;
}

// A file chosen in the browser, sent to an item. Throws the server's refusal.
export async function sendItemFile(conference: number, seq: number, file: File) {
  if (file.size > itemFileMaxBytes) throw new Error('Tệp quá lớn: tệp tham luận tối đa 10 MB.');
  await api.upload(`${itemFilePath(conference, seq)}${query({ file_name: file.name })}`, await file.arrayBuffer());
}

function size(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${vnNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function ItemFile({ conference, item, write }: { conference: number; item: ConferenceItem; write: boolean }) {
  const [sending, setSending] = useState(false);
  const a = item.attachment;
  return (
    <Space wrap size="small">
      {a && (
        <a href={itemFilePath(conference, item.seq)} data-testid={`item-file-${item.seq}`}>
          Tải tệp «{a.name}» ({size(a.size)})
        </a>
      )}
      {a && <Typography.Text type="secondary">gửi lên bởi {a.uploaded_by}</Typography.Text>}
      {write && item.kind !== 'agenda' && (
        <Upload
          accept={itemFileAccept}
          showUploadList={false}
          beforeUpload={(file) => {
            setSending(true);
            sendItemFile(conference, item.seq, file)
              .then(() => message.success(`Đã gửi tệp «${file.name}».`))
              .catch((e: Error) => message.error(e.message))
              .finally(() => setSending(false));
            return false;
          }}
        >
          <Button size="small" loading={sending} data-testid={`send-item-file-${item.seq}`}>
            {a ? 'Gửi tệp khác…' : 'Gửi tệp tham luận…'}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
