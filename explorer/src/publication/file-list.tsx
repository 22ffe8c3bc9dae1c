/** A brief's own documents and pages (report, summary, appendix, landing page), in order, with kind, format and size. */
import { enumLabel } from '../shared/kinds';

export interface FileItem {
  id: string;
  kind: string;
  title: string;
  /** Always set for a file; nullable in the schema only (it shares the name `url` with nullable fields). */
  url: string | null;
  mediaType?: string | null;
  sizeInKilobytes?: number | null;
  language?: string | null;
}

const fileKindLabels: Record<string, string> = {
  FULL_TEXT: 'Full text',
  SUMMARY: 'Summary',
  APPENDIX: 'Appendix',
  LANDING_PAGE: 'Publisher’s page',
  OTHER: 'Other document',
};

const formatNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/html': 'Web page',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.ms-excel': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'text/csv': 'CSV',
};

/** "PDF", "Web page", or the media type itself. */
export function formatName(mediaType: string): string {
  return formatNames[mediaType.split(';')[0].trim().toLowerCase()] ?? mediaType;
}

/** "812 kB", "1.4 MB" (sizes as published, in kilobytes of 1,000 bytes). */
export function sizeText(kilobytes: number): string {
  if (kilobytes >= 1000) return `${(kilobytes / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
  return `${kilobytes.toLocaleString('en', { maximumFractionDigits: 1 })} kB`;
}

export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function FileList({ files }: { files: readonly FileItem[] }) {
  if (files.length === 0) return null;
  return (
    <section className="files" aria-labelledby="files-heading">
      <h2 id="files-heading">
        Files and pages <span className="count">({files.length})</span>
      </h2>
      <ul className="file-list">
        {files.map((file) => {
          const details = [
            enumLabel(file.kind, fileKindLabels),
            file.mediaType ? formatName(file.mediaType) : null,
            file.sizeInKilobytes != null ? sizeText(file.sizeInKilobytes) : null,
            file.language ? languageName(file.language) : null,
          ].filter(Boolean);
          return (
            <li key={file.id}>
              {file.url ? (
                <a href={file.url} type={file.mediaType ?? undefined}>
                  {file.title}
                </a>
              ) : (
                file.title
              )}{' '}
              <span className="meta">({details.join(', ')})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
